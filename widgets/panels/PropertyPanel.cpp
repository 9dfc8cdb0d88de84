#include "PropertyPanel.h"

#include "Document.h"
#include "NumberField.h"
#include "RangeField.h"
#include "domain/NodeKinds.h"
#include "domain/Routes.h"
#include "report/NumberFormat.h"
#include "pricing/Catalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyline {
namespace {

// The schema's English labels, units and help sentences, listed for lupdate: the model has no
// Qt, so its strings are translated here (context "skyline::ParamSchema").
[[maybe_unused]] const char *const paramSchemaStrings[] = {
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Product"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Latency"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Availability"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Provider"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Architecture"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Memory"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Run time"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Run time variability"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Cold start"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Keep-alive"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Concurrency limit"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Provisioned concurrency"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Needs state"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Runtime"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Hosting"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "vCPU"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Service time"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Service time variability"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Workers per replica"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Min replicas"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Max replicas"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Target utilisation"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Scale-up delay"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Scale-down delay"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Delivery latency"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Batch size"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Message size"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Max connections"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Peak rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Trough rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Peak hour"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Office-hours rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Off-hours rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Opens"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Closes"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Base rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Spike rate"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Spikes per day"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Spike length"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Seed"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "ms"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "MB"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "CV"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "s"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "instances"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "GB"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "workers"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "replicas"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "messages"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "KB"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "connections"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "req/s"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "h"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "spikes"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "min"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Which gateway or load balancer; decides the price "
        "per call or per hour."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Latency the gateway adds to every call it "
        "forwards."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Share of time the component is up (0.999 = three "
        "nines); feeds the availability of every entry point that calls it."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Serverless platform; decides prices and the "
        "execution time limit."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "CPU architecture (arm is cheaper)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Memory of one instance; billed as GB-seconds."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Mean warm run time of one invocation."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Coefficient of variation of the run time (1 = "
        "exponential, 0 = constant)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Init time a new instance spends before its first "
        "request (billed)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Idle time after which the platform reclaims an "
        "instance."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Most instances at once; requests beyond it are "
        "throttled."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Instances kept warm all day (billed whether used "
        "or not)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "The function keeps state between requests, so it "
        "must reach a datastore."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Language runtime (counts towards complexity)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Where the replicas run; decides prices and "
        "platform fees."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "vCPUs of one replica."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Memory of one replica."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Mean time one worker spends on one request."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Coefficient of variation of the service time (1 = "
        "exponential)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Requests one replica serves at once."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Replicas that always run."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Most replicas the autoscaler starts."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Utilisation the autoscaler aims for."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Time before the autoscaler adds replicas for "
        "higher demand."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Time of lower demand before the autoscaler removes "
        "replicas."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Queue, topic or event bus; decides prices."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Time from publish to delivery (asynchronous: not "
        "added to the caller)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Messages delivered per consumer invocation."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Size of one message; SQS bills per 64 KB chunk."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Database or cache; decides prices per request or "
        "per hour."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Latency of one call."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Connection limit (0 = no limit); too many function "
        "instances exhaust it."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Requests per second all day."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate at the peak hour."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate twelve hours from the peak."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Hour of the day of the peak."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate during office hours."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate outside office hours."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Hour office hours start."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Hour office hours end."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate between spikes."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Rate during a spike."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "How many spikes."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Length of one spike."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Seed that places the spikes."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Calls per request"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "How many calls or events the source makes for "
        "each request it handles."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Latency of one call on the network (API calls)."),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Hours per month"),
    QT_TRANSLATE_NOOP("skyline::ParamSchema", "Hours in a billing month (730 is the convention "
        "of the AWS Pricing Calculator)."),
};

} // namespace

QString translatedParamLabel(const ParamSpec &spec)
{
    return QCoreApplication::translate("skyline::ParamSchema", spec.label.c_str());
}

QString translatedParamHelp(const ParamSpec &spec)
{
    return QCoreApplication::translate("skyline::ParamSchema", spec.help.c_str());
}

QString unitSuffix(const ParamSpec &spec)
{
    if (spec.unit.empty())
        return {};
    return QLatin1Char(' ') + QCoreApplication::translate("skyline::ParamSchema",
                                                          spec.unit.c_str());
}

namespace {

/// The singular of the units that count things ("1 instance", not "1 instances"), in context
/// "skyline::ParamSchema"; null for the others ("1 MB").
const char *singularUnit(const std::string &unit)
{
    static const std::pair<const char *, const char *> singulars[] = {
        {"instances", QT_TRANSLATE_NOOP("skyline::ParamSchema", "instance")},
        {"workers", QT_TRANSLATE_NOOP("skyline::ParamSchema", "worker")},
        {"replicas", QT_TRANSLATE_NOOP("skyline::ParamSchema", "replica")},
        {"messages", QT_TRANSLATE_NOOP("skyline::ParamSchema", "message")},
        {"connections", QT_TRANSLATE_NOOP("skyline::ParamSchema", "connection")},
        {"spikes", QT_TRANSLATE_NOOP("skyline::ParamSchema", "spike")},
    };
    for (const auto &[plural, singular] : singulars)
        if (unit == plural)
            return singular;
    return nullptr;
}

} // namespace

QString unitSuffix(const ParamSpec &spec, double value)
{
    const char *singular = value == 1 ? singularUnit(spec.unit) : nullptr;
    if (!singular)
        return unitSuffix(spec);
    return QLatin1Char(' ') + QCoreApplication::translate("skyline::ParamSchema", singular);
}

int decimalsFor(const ParamSpec &spec)
{
    if (spec.type == ParamType::Integer)
        return 0;
    if (spec.maximum <= 1.0)
        return 5; // availability 0.99995, utilisation 0.65
    if (spec.minimum > 0 && spec.minimum < 0.01)
        return 3; // message sizes of a few bytes
    return 2;
}

namespace {

QString nodeKindName(NodeKind kind)
{
    return QCoreApplication::translate(nodeKindDocumentTrContext, nodeKindTraits(kind).shortName);
}

/// A gateway's route: its share of the gateway's requests, in % (model/domain/Routes.h stores
/// it as perRequest 0.85).
const ParamSpec &routeShareSpec()
{
    static const ParamSpec spec = [] {
        ParamSpec s;
        s.key = "perRequest";
        s.label = QT_TRANSLATE_NOOP("skyline::ParamSchema", "Share of requests");
        s.unit = "%";
        s.minimum = 0;
        s.maximum = 100;
        s.help = QT_TRANSLATE_NOOP("skyline::ParamSchema", "Share of the gateway's requests "
                                                           "that take this route; a gateway's "
                                                           "routes add up to 100 %.");
        return s;
    }();
    return spec;
}

} // namespace

PropertyPanel::PropertyPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll);
    connectDocument();
    if (!m_document->project().candidates.empty())
        m_candidateId = toQ(m_document->project().candidates.front().id);
    rebuild();
}

PropertyPanel::~PropertyPanel()
{
    // Quitting with a field being edited: the field loses its focus while the widgets are
    // torn down and emits editingFinished, which would run a handler on a half-destroyed
    // panel (and commit the half-typed value). Nothing of the panel may run from here on.
    for (QObject *child : findChildren<QObject *>()) {
        child->disconnect(this);
        child->removeEventFilter(this);
    }
}

void PropertyPanel::connectDocument()
{
    Document *doc = m_document;
    connect(doc, &Document::projectReset, this, [this] {
        if (!m_document->candidate(m_candidateId)) {
            const auto &candidates = m_document->project().candidates;
            m_candidateId = candidates.empty() ? QString() : toQ(candidates.front().id);
        }
        showSubject(Subject::Project, {});
    });
    connect(doc, &Document::metaChanged, this, [this] {
        if (m_subject == Subject::Project)
            refresh();
    });
    connect(doc, &Document::candidateRemoved, this, [this](const QString &candidateId) {
        if (candidateId == m_candidateId)
            showSubject(Subject::Project, {});
    });
    auto removed = [this](Subject subject) {
        return [this, subject](const QString &candidateId, const QString &id) {
            if (candidateId == m_candidateId && m_subject == subject && id == m_subjectId)
                showSubject(Subject::Project, {});
        };
    };
    connect(doc, &Document::nodeRemoved, this, removed(Subject::Node));
    connect(doc, &Document::edgeRemoved, this, removed(Subject::Edge));
    connect(doc, &Document::contextRemoved, this, removed(Subject::Context));
    auto changed = [this](const QString &candidateId, const QString &) {
        if (candidateId == m_candidateId)
            refresh();
    };
    connect(doc, &Document::nodeChanged, this, changed);
    connect(doc, &Document::edgeChanged, this, changed);
    connect(doc, &Document::contextChanged, this, changed);
    // A client's workload list follows the project's workloads.
    auto workloadsChanged = [this](const QString &) {
        if (m_subject == Subject::Node)
            rebuild();
    };
    connect(doc, &Document::workloadAdded, this, workloadsChanged);
    connect(doc, &Document::workloadRemoved, this, workloadsChanged);
    connect(doc, &Document::workloadChanged, this, workloadsChanged);
}

void PropertyPanel::setCandidate(const QString &candidateId)
{
    m_candidateId = candidateId;
    showSubject(Subject::Project, {});
}

void PropertyPanel::setSelection(const QStringList &nodeIds, const QStringList &edgeIds,
                                 const QStringList &contextIds)
{
    m_selectionSize = int(nodeIds.size() + edgeIds.size() + contextIds.size());
    if (m_selectionSize == 0)
        showSubject(Subject::Project, {});
    else if (m_selectionSize > 1)
        showSubject(Subject::Several, {});
    else if (!nodeIds.isEmpty())
        showSubject(Subject::Node, nodeIds.front());
    else if (!edgeIds.isEmpty())
        showSubject(Subject::Edge, edgeIds.front());
    else
        showSubject(Subject::Context, contextIds.front());
}

void PropertyPanel::showSubject(Subject subject, const QString &id)
{
    m_subject = subject;
    m_subjectId = id;
    rebuild();
}

QWidget *PropertyPanel::editor(const QString &field) const
{
    const auto it = m_fields.find(field);
    return it == m_fields.end() ? nullptr : it->second.editor;
}

QString PropertyPanel::errorText(const QString &field) const
{
    const auto it = m_fields.find(field);
    if (it == m_fields.end() || it->second.error->isHidden())
        return {};
    return it->second.error->text();
}

void PropertyPanel::rebuild()
{
    // The old form may be the sender of the signal that led here: delete it later.
    if (QWidget *old = m_scroll->takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    m_fields.clear();
    m_form = new QWidget;
    auto *outer = new QVBoxLayout(m_form); // rows at the top, the spare height below them
    auto *rows = new QWidget;
    m_layout = new QFormLayout(rows);
    m_layout->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(rows);
    outer->addStretch(1);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A narrow column (a 1024 px window) puts a field under its label rather than clip it.
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);

    // A subject that vanished (e.g. an id from a stale selection) falls back to the project.
    if ((m_subject == Subject::Node && !m_document->node(m_candidateId, m_subjectId))
        || (m_subject == Subject::Edge && !m_document->edge(m_candidateId, m_subjectId))
        || (m_subject == Subject::Context && !m_document->context(m_candidateId, m_subjectId))) {
        m_subject = Subject::Project;
        m_subjectId.clear();
    }
    switch (m_subject) {
    case Subject::Project: buildProject(); break;
    case Subject::Node: buildNode(); break;
    case Subject::Edge: buildEdge(); break;
    case Subject::Context: buildContext(); break;
    case Subject::Several: buildSeveral(); break;
    }
    m_scroll->setWidget(m_form);
    refresh();
}

void PropertyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_scroll)
        rebuild(); // labels, units, tooltips and choices: all made with tr() by the builders
    QWidget::changeEvent(event);
}

void PropertyPanel::refresh()
{
    if (m_subject == Subject::Node && !m_document->node(m_candidateId, m_subjectId))
        return; // about to be replaced by nodeRemoved
    for (auto &[key, field] : m_fields)
        if (field.refresh)
            field.refresh();
}

QLabel *PropertyPanel::addHeading(const QString &text)
{
    auto *heading = new QLabel(text);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setWordWrap(true);
    m_layout->addRow(heading);
    return heading;
}

void PropertyPanel::addField(const QString &key, const QString &label, QWidget *editor,
                             std::function<void()> refresh, const QString &toolTip,
                             QWidget *placed)
{
    auto *cell = new QWidget;
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(placed ? placed : editor);
    auto *error = new QLabel;
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error->setObjectName(key + QStringLiteral("Error"));
    error->hide();
    cellLayout->addWidget(error);
    editor->setObjectName(key);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        // Shrinks with a narrow column (a 1024 px window) instead of widening the form past
        // it: "aws-dynamodb-on-demand" alone is wider than the label beside it.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    if (!toolTip.isEmpty())
        editor->setToolTip(toolTip);
    auto *labelWidget = new QLabel(label);
    labelWidget->setToolTip(toolTip);
    labelWidget->setBuddy(editor);
    m_layout->addRow(labelWidget, cell);
    m_fields[key] = Field{editor, error, std::move(refresh)};
}

RangeField *PropertyPanel::rangeField(const QString &field) const
{
    const auto it = m_fields.find(field);
    if (it == m_fields.end() || !it->second.editor)
        return nullptr;
    return qobject_cast<RangeField *>(it->second.editor->parentWidget());
}

RangeField *PropertyPanel::makeRangeField(
    NumberField *field, std::function<QString(const std::optional<ParamRange> &)> store)
{
    auto *range = new RangeField(field);
    connect(range, &RangeField::rangeEntered, this, [range, store](double low, double high) {
        range->showResult(store(ParamRange{low, high}));
    });
    connect(range, &RangeField::rangeCleared, this,
            [range, store] { range->showResult(store(std::nullopt)); });
    return range;
}

void PropertyPanel::showError(const QString &key, const QString &error)
{
    const auto it = m_fields.find(key);
    if (it == m_fields.end())
        return;
    QLabel *label = it->second.error;
    label->setText(error);
    // A wrapped label nested in the form gets one line, its other lines cut off, unless told
    // its height (as RangeField's refusal).
    label->setMinimumHeight(label->heightForWidth(std::max(label->parentWidget()->width(), 160)));
    label->show();
    NumberField::markRefused(it->second.editor, true);
    if (it->second.refresh)
        it->second.refresh(); // the editor reverts to the stored value
}

void PropertyPanel::clearError(const QString &key)
{
    const auto it = m_fields.find(key);
    if (it == m_fields.end())
        return;
    it->second.error->hide();
    NumberField::markRefused(it->second.editor, false);
}

// --- project --------------------------------------------------------------------------------

void PropertyPanel::buildProject()
{
    addHeading(tr("Project"));
    auto *name = new QLineEdit;
    connect(name, &QLineEdit::editingFinished, this, [this, name] {
        if (name->text() != toQ(m_document->project().name))
            m_document->setProjectName(name->text().trimmed());
    });
    addField(QStringLiteral("name"), tr("Name"), name, [this, name] {
        const QSignalBlocker blocker(name);
        name->setText(toQ(m_document->project().name));
    });

    auto *description = new QPlainTextEdit;
    description->setTabChangesFocus(true);
    description->setMaximumHeight(90);
    description->installEventFilter(this);
    description->setPlaceholderText(tr("What this project decides, for whom"));
    addField(QStringLiteral("description"), tr("Description"), description, [this, description] {
        const QSignalBlocker blocker(description);
        const QString text = toQ(m_document->project().description);
        if (description->toPlainText() != text)
            description->setPlainText(text);
    });

    addHeading(tr("Pricing"));
    auto *catalog = new QComboBox;
    for (const std::string &catalogName : builtInCatalogNames())
        catalog->addItem(toQ(catalogName), toQ(catalogName));
    connect(catalog, &QComboBox::activated, this, [this, catalog](int index) {
        Pricing pricing = m_document->project().pricing;
        pricing.catalog = toStd(catalog->itemData(index).toString());
        if (!(pricing == m_document->project().pricing))
            m_document->setPricing(pricing);
    });
    addField(QStringLiteral("catalog"), tr("Price catalog"), catalog, [this, catalog] {
        const QSignalBlocker blocker(catalog);
        const QString current = toQ(m_document->project().pricing.catalog);
        if (catalog->findData(current) < 0)
            catalog->addItem(current, current);
        catalog->setCurrentIndex(catalog->findData(current));
    }, tr("Prices used for every candidate: provider, region and the date of each price."));

    auto *freeTier = new QCheckBox(tr("Count free tiers"));
    connect(freeTier, &QCheckBox::clicked, this, [this](bool checked) {
        Pricing pricing = m_document->project().pricing;
        pricing.freeTier = checked;
        m_document->setPricing(pricing);
    });
    addField(QStringLiteral("freeTier"), tr("Free tier"), freeTier, [this, freeTier] {
        const QSignalBlocker blocker(freeTier);
        freeTier->setChecked(m_document->project().pricing.freeTier);
    }, tr("Subtract the providers' monthly free allowances from the cost."));

    auto *hours = new NumberField(*findPricingFieldSpec("hoursPerMonth"));
    connect(hours, &NumberField::valueEntered, this, [this](double value) {
        Pricing pricing = m_document->project().pricing;
        pricing.hoursPerMonth = value;
        clearError(QStringLiteral("hoursPerMonth"));
        m_document->setPricing(pricing);
    });
    connect(hours, &NumberField::refused, this,
            [this](const QString &why) { showError(QStringLiteral("hoursPerMonth"), why); });
    addField(QStringLiteral("hoursPerMonth"), tr("Hours per month"), hours, [this, hours] {
        const QSignalBlocker blocker(hours);
        hours->setValue(m_document->project().pricing.hoursPerMonth);
    }, hours->toolTip());
}

bool PropertyPanel::eventFilter(QObject *watched, QEvent *event)
{
    // The description commits when the user leaves it: one undo step per edit.
    if (event->type() == QEvent::FocusOut) {
        if (auto *description = qobject_cast<QPlainTextEdit *>(watched)) {
            if (description->toPlainText() != toQ(m_document->project().description))
                m_document->setDescription(description->toPlainText());
        }
    }
    return QWidget::eventFilter(watched, event);
}

// --- node -----------------------------------------------------------------------------------

void PropertyPanel::buildNode()
{
    const Node *node = m_document->node(m_candidateId, m_subjectId);
    addHeading(nodeKindName(node->kind));
    const QString candidateId = m_candidateId;
    const QString nodeId = m_subjectId;

    auto *name = new QLineEdit;
    connect(name, &QLineEdit::editingFinished, this, [this, name, candidateId, nodeId] {
        const Node *current = m_document->node(candidateId, nodeId);
        if (!current || name->text() == toQ(current->name))
            return;
        if (name->text().trimmed().isEmpty()) {
            showError(QStringLiteral("name"), tr("A name cannot be empty."));
            return;
        }
        clearError(QStringLiteral("name"));
        m_document->renameNode(candidateId, nodeId, name->text().trimmed());
    });
    addField(QStringLiteral("name"), tr("Name"), name, [this, name, candidateId, nodeId] {
        const QSignalBlocker blocker(name);
        if (const Node *current = m_document->node(candidateId, nodeId))
            name->setText(toQ(current->name));
    });

    if (node->kind == NodeKind::Client) {
        auto *workload = new QComboBox;
        for (const Workload &w : m_document->project().workloads)
            workload->addItem(toQ(w.name), toQ(w.id));
        connect(workload, &QComboBox::activated, this,
                [this, workload, candidateId, nodeId](int index) {
                    const QString id = workload->itemData(index).toString();
                    const Node *current = m_document->node(candidateId, nodeId);
                    if (current && toQ(current->workload) != id)
                        m_document->setNodeWorkload(candidateId, nodeId, id);
                });
        addField(QStringLiteral("workload"), tr("Workload"), workload,
                 [this, workload, candidateId, nodeId] {
                     const QSignalBlocker blocker(workload);
                     if (const Node *current = m_document->node(candidateId, nodeId))
                         workload->setCurrentIndex(workload->findData(toQ(current->workload)));
                 },
                 tr("The requests per second this client sends over the day."));
    }

    for (const ParamSpec &spec : nodeParamSpecs(node->kind))
        addParamEditor(spec);
}

QString PropertyPanel::applyNodeParam(const QString &key, const ParamValue &value)
{
    const Node *node = m_document->node(m_candidateId, m_subjectId);
    if (m_subject != Subject::Node || !node)
        return {};
    const auto it = node->params.find(toStd(key));
    if (it != node->params.end() && it->second == value) {
        clearError(key);
        return {};
    }
    const QString error = m_document->setNodeParam(m_candidateId, m_subjectId, key, value);
    if (error.isEmpty())
        clearError(key);
    else
        showError(key, error);
    return error;
}

void PropertyPanel::addParamEditor(const ParamSpec &spec)
{
    const ParamSpec *s = &spec; // the schema's specs live for the whole program
    const QString key = toQ(spec.key);
    const QString candidateId = m_candidateId;
    const QString nodeId = m_subjectId;
    auto stored = [this, s, candidateId, nodeId]() -> ParamValue {
        const Node *node = m_document->node(candidateId, nodeId);
        if (!node)
            return s->defaultValue;
        const auto it = node->params.find(s->key);
        return it == node->params.end() ? s->defaultValue : it->second;
    };
    // Edits from an editor of a node that is no longer shown are dropped.
    auto stillShown = [this, candidateId, nodeId] {
        return m_subject == Subject::Node && m_candidateId == candidateId
               && m_subjectId == nodeId;
    };
    const QString toolTip = translatedParamHelp(spec);
    const QString label = translatedParamLabel(spec);

    switch (spec.type) {
    case ParamType::Number:
    case ParamType::Integer: {
        // A line edit, not a spin box: a spin box clamps or drops what it cannot hold, so
        // "-512" became 512 and "1e12" became 112. The field refuses such input with a reason.
        auto *field = new NumberField(spec);
        connect(field, &NumberField::valueEntered, this, [this, key, stillShown](double value) {
            if (stillShown())
                applyNodeParam(key, value);
        });
        connect(field, &NumberField::refused, this, [this, key](const QString &why) {
            showError(key, why);
        });
        RangeField *range = nullptr;
        if (isRangeable(spec)) {
            range = makeRangeField(field, [this, key, stillShown](
                                              const std::optional<ParamRange> &r) -> QString {
                return stillShown() ? m_document->setNodeRange(m_candidateId, m_subjectId, key, r)
                                    : QString();
            });
        }
        auto storedRange = [this, s, candidateId, nodeId]() -> std::optional<ParamRange> {
            const Node *node = m_document->node(candidateId, nodeId);
            if (!node)
                return std::nullopt;
            const auto it = node->ranges.find(s->key);
            return it == node->ranges.end() ? std::nullopt : std::optional(it->second);
        };
        const QString toolTip = field->toolTip();
        addField(key, label, field, [field, range, stored, storedRange] {
            const QSignalBlocker blocker(field);
            const ParamValue value = stored();
            if (const double *v = std::get_if<double>(&value)) {
                field->setValue(*v);
                if (range)
                    range->setState(*v, storedRange());
            }
        }, toolTip, range);
        break;
    }
    case ParamType::Flag: {
        auto *check = new QCheckBox;
        connect(check, &QCheckBox::clicked, this, [this, key, stillShown](bool checked) {
            if (stillShown())
                applyNodeParam(key, checked);
        });
        addField(key, label, check, [check, stored] {
            const QSignalBlocker blocker(check);
            const ParamValue value = stored();
            if (const bool *v = std::get_if<bool>(&value))
                check->setChecked(*v);
        }, toolTip);
        break;
    }
    case ParamType::Choice: {
        auto *combo = new QComboBox;
        for (const std::string &choice : spec.choices)
            combo->addItem(toQ(choice), toQ(choice));
        connect(combo, &QComboBox::activated, this, [this, combo, key, stillShown](int index) {
            if (stillShown())
                applyNodeParam(key, toStd(combo->itemData(index).toString()));
        });
        addField(key, label, combo, [combo, stored] {
            const QSignalBlocker blocker(combo);
            const ParamValue value = stored();
            if (const std::string *v = std::get_if<std::string>(&value)) {
                if (combo->findData(toQ(*v)) < 0)
                    combo->addItem(toQ(*v), toQ(*v));
                combo->setCurrentIndex(combo->findData(toQ(*v)));
            }
        }, toolTip);
        break;
    }
    case ParamType::Text: {
        auto *line = new QLineEdit;
        connect(line, &QLineEdit::editingFinished, this, [this, line, key, stillShown] {
            if (stillShown())
                applyNodeParam(key, toStd(line->text()));
        });
        addField(key, label, line, [line, stored] {
            const QSignalBlocker blocker(line);
            const ParamValue value = stored();
            if (const std::string *v = std::get_if<std::string>(&value))
                line->setText(toQ(*v));
        }, toolTip);
        break;
    }
    }
}

// --- edge -----------------------------------------------------------------------------------

void PropertyPanel::buildEdge()
{
    const Edge *edge = m_document->edge(m_candidateId, m_subjectId);
    const Node *from = m_document->node(m_candidateId, toQ(edge->from));
    const Node *to = m_document->node(m_candidateId, toQ(edge->to));
    addHeading(tr("Connection"));
    auto *ends = new QLabel;
    ends->setWordWrap(true);
    ends->setText(tr("%1 → %2").arg(from ? toQ(from->name) : toQ(edge->from),
                                     to ? toQ(to->name) : toQ(edge->to)));
    m_layout->addRow(ends);
    addEdgeEditors();
}

QString PropertyPanel::commitEdge(const std::function<void(Edge &)> &change, const QString &key)
{
    const Edge *current = m_document->edge(m_candidateId, m_subjectId);
    if (m_subject != Subject::Edge || !current)
        return {};
    Edge edited = *current;
    change(edited);
    if (edited == *current)
        return {};
    const QString error = m_document->setEdge(m_candidateId, edited);
    if (error.isEmpty())
        clearError(key);
    else
        showError(key, error);
    return error;
}

void PropertyPanel::addEdgeEditors()
{
    const QString candidateId = m_candidateId;
    const QString edgeId = m_subjectId;
    auto current = [this, candidateId, edgeId]() -> std::optional<Edge> {
        const Edge *edge = m_document->edge(candidateId, edgeId);
        return edge ? std::optional<Edge>(*edge) : std::nullopt;
    };

    auto *kind = new QComboBox;
    kind->addItem(tr("API call (synchronous)"), int(EdgeKind::Api));
    kind->addItem(tr("Event (asynchronous)"), int(EdgeKind::Event));
    connect(kind, &QComboBox::activated, this, [this, kind](int index) {
        const auto value = EdgeKind(kind->itemData(index).toInt());
        commitEdge([value](Edge &e) { e.kind = value; }, QStringLiteral("kind"));
    });
    addField(QStringLiteral("kind"), tr("Kind"), kind, [kind, current] {
        const QSignalBlocker blocker(kind);
        if (const auto edge = current())
            kind->setCurrentIndex(kind->findData(int(edge->kind)));
    }, tr("API calls wait for the answer and add latency; events only add load downstream."));

    auto edgeRange = [this, current](const QString &key, NumberField *field) {
        RangeField *range = makeRangeField(field, [this, key](const std::optional<ParamRange> &r) {
            return m_subject == Subject::Edge
                       ? m_document->setEdgeRange(m_candidateId, m_subjectId, key, r)
                       : QString();
        });
        range->setObjectName(key + QStringLiteral("Range"));
        auto storedRange = [current, key]() -> std::optional<ParamRange> {
            const auto edge = current();
            if (!edge)
                return std::nullopt;
            const auto it = edge->ranges.find(toStd(key));
            return it == edge->ranges.end() ? std::nullopt : std::optional(it->second);
        };
        return std::make_pair(range, storedRange);
    };

    const Edge *shown = m_document->edge(candidateId, edgeId);
    const Node *source = shown ? m_document->node(candidateId, toQ(shown->from)) : nullptr;
    if (source && source->kind == NodeKind::Gateway) {
        addRouteShareEditor(toQ(source->id));
    } else {
        auto *perRequest = new NumberField(*findEdgeFieldSpec("perRequest"));
        connect(perRequest, &NumberField::valueEntered, this, [this](double value) {
            commitEdge([value](Edge &e) { e.perRequest = value; }, QStringLiteral("perRequest"));
        });
        connect(perRequest, &NumberField::refused, this,
                [this](const QString &why) { showError(QStringLiteral("perRequest"), why); });
        const QString perRequestToolTip = perRequest->toolTip();
        const auto [perRequestRange, perRequestStored] =
            edgeRange(QStringLiteral("perRequest"), perRequest);
        addField(QStringLiteral("perRequest"), tr("Calls per request"), perRequest,
                 [perRequest, current, range = perRequestRange, storedRange = perRequestStored] {
                     const QSignalBlocker blocker(perRequest);
                     if (const auto edge = current()) {
                         perRequest->setValue(edge->perRequest);
                         range->setState(edge->perRequest, storedRange());
                     }
                 },
                 perRequestToolTip, perRequestRange);
    }

    auto *latency = new NumberField(*findEdgeFieldSpec("latencyMs"));
    connect(latency, &NumberField::valueEntered, this, [this](double value) {
        commitEdge([value](Edge &e) { e.latencyMs = value; }, QStringLiteral("latencyMs"));
    });
    connect(latency, &NumberField::refused, this,
            [this](const QString &why) { showError(QStringLiteral("latencyMs"), why); });
    const QString latencyToolTip = latency->toolTip();
    const auto [latencyRange, latencyStored] = edgeRange(QStringLiteral("latencyMs"), latency);
    addField(QStringLiteral("latencyMs"), tr("Network latency"), latency,
             [latency, current, range = latencyRange, storedRange = latencyStored] {
                 const QSignalBlocker blocker(latency);
                 if (const auto edge = current()) {
                     latency->setValue(edge->latencyMs);
                     range->setState(edge->latencyMs, storedRange());
                 }
             },
             latencyToolTip, latencyRange);

    auto *parallel = new QCheckBox(tr("Called in parallel"));
    connect(parallel, &QCheckBox::clicked, this, [this](bool checked) {
        commitEdge([checked](Edge &e) { e.parallel = checked; }, QStringLiteral("parallel"));
    });
    addField(QStringLiteral("parallel"), tr("Parallel"), parallel, [parallel, current] {
        const QSignalBlocker blocker(parallel);
        if (const auto edge = current())
            parallel->setChecked(edge->parallel);
    }, tr("The caller makes this call in parallel with its other calls (fan-out)."));

    auto *fallback = new QCheckBox(tr("Caller degrades on failure"));
    connect(fallback, &QCheckBox::clicked, this, [this](bool checked) {
        commitEdge([checked](Edge &e) { e.fallback = checked; }, QStringLiteral("fallback"));
    });
    addField(QStringLiteral("fallback"), tr("Fallback"), fallback, [fallback, current] {
        const QSignalBlocker blocker(fallback);
        if (const auto edge = current())
            fallback->setChecked(edge->fallback);
    }, tr("When the callee is down the caller degrades instead of failing: the failure "
          "stops here."));
}

void PropertyPanel::addRouteShareEditor(const QString &gatewayId)
{
    // A gateway forwards each request on one of its routes (issue 10 point 5): the edge's
    // perRequest is that route's share, edited here in %, with the sum of all the gateway's
    // routes below it and a hint when they do not make 100 %.
    const QString candidateId = m_candidateId;
    const QString edgeId = m_subjectId;
    auto *share = new NumberField(routeShareSpec());
    connect(share, &NumberField::valueEntered, this, [this](double percent) {
        const double value = percent / 100.0;
        commitEdge([value](Edge &e) { e.perRequest = value; }, QStringLiteral("perRequest"));
    });
    connect(share, &NumberField::refused, this,
            [this](const QString &why) { showError(QStringLiteral("perRequest"), why); });
    auto *sum = new QLabel;
    sum->setObjectName(QStringLiteral("routeShareSum"));
    sum->setWordWrap(true);
    auto refreshShare = [this, share, sum, candidateId, edgeId, gatewayId] {
        const QSignalBlocker blocker(share);
        if (const Edge *edge = m_document->edge(candidateId, edgeId))
            share->setValue(edge->perRequest * 100.0);
        const Candidate *candidate = m_document->candidate(candidateId);
        const Node *gateway = m_document->node(candidateId, gatewayId);
        if (!candidate || !gateway)
            return;
        const double total = routeShareSum(*candidate, gateway->id);
        const QString name = toQ(gateway->name);
        if (routeSharesIncomplete(*candidate, gateway->id)) {
            sum->setText(tr("The routes of %1 add up to %2, not 100 %: every request takes one "
                            "route, so their shares should make 100 %.")
                             .arg(name, formatShare(total, 1)));
            sum->setStyleSheet(QStringLiteral("color: #b3261e;"));
        } else {
            sum->setText(tr("The routes of %1 add up to %2.").arg(name, formatShare(total, 1)));
            sum->setStyleSheet(QString());
        }
    };
    addField(QStringLiteral("perRequest"), tr("Share of requests"), share, refreshShare,
             share->toolTip());
    m_layout->addRow(QString(), sum);
}

// --- context and several ----------------------------------------------------------------------

void PropertyPanel::buildContext()
{
    addHeading(tr("Bounded context"));
    const QString candidateId = m_candidateId;
    const QString contextId = m_subjectId;
    auto *name = new QLineEdit;
    connect(name, &QLineEdit::editingFinished, this, [this, name, candidateId, contextId] {
        const Context *current = m_document->context(candidateId, contextId);
        if (!current || name->text() == toQ(current->name))
            return;
        if (name->text().trimmed().isEmpty()) {
            showError(QStringLiteral("name"), tr("A name cannot be empty."));
            return;
        }
        clearError(QStringLiteral("name"));
        m_document->renameContext(candidateId, contextId, name->text().trimmed());
    });
    addField(QStringLiteral("name"), tr("Name"), name, [this, name, candidateId, contextId] {
        const QSignalBlocker blocker(name);
        if (const Context *current = m_document->context(candidateId, contextId))
            name->setText(toQ(current->name));
    });
}

void PropertyPanel::buildSeveral()
{
    addHeading(tr("%n item(s) selected", "", m_selectionSize));
    auto *hint = new QLabel(tr("Select a single node, connection or context to edit it."));
    hint->setWordWrap(true);
    m_layout->addRow(hint);
}

} // namespace skyline
