#include "WorkloadEditor.h"

#include "Document.h"
#include "NumberField.h"
#include "RangeField.h"
#include "PropertyPanel.h"
#include "engine/Workloads.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyline {
namespace {

QString shapeName(WorkloadShape shape)
{
    switch (shape) {
    case WorkloadShape::Constant: return WorkloadEditor::tr("Constant");
    case WorkloadShape::Diurnal: return WorkloadEditor::tr("Diurnal (day and night)");
    case WorkloadShape::BusinessHours: return WorkloadEditor::tr("Business hours");
    case WorkloadShape::Spiky: return WorkloadEditor::tr("Spiky");
    case WorkloadShape::Trace: return WorkloadEditor::tr("Trace (imported)");
    }
    return {};
}

/// A workload of `shape` that keeps the name, id and every parameter the shapes share.
Workload withShape(const Workload &from, WorkloadShape shape)
{
    Workload to = makeDefaultWorkload(shape, from.id, from.name);
    for (auto &[key, value] : to.params) {
        const auto it = from.params.find(key);
        if (it != from.params.end() && findWorkloadParamSpec(shape, key)
            && checkParamValue(*findWorkloadParamSpec(shape, key), it->second).empty())
            value = it->second;
    }
    to.points = from.points;
    if (shape != WorkloadShape::Trace)
        to.points.clear();
    return to;
}

} // namespace

WorkloadEditor::WorkloadEditor(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);

    m_list = new QListWidget;
    m_list->setMaximumHeight(110);
    layout->addWidget(m_list);

    auto *buttons = new QHBoxLayout;
    auto *addButton = new QPushButton;
    m_addButton = addButton;
    m_removeButton = new QPushButton;
    auto *importButton = new QPushButton;
    m_importButton = importButton;
    buttons->addWidget(addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    // On a row of its own: beside Add and Remove the three buttons held the whole right
    // column at ~340 px in a 1024 px window.
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(importButton);
    importRow->addStretch();
    layout->addLayout(importRow);

    auto *form = new QFormLayout;
    m_form = form;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    form->addRow(QString(), m_name);
    m_shape = new QComboBox;
    m_shape->setObjectName(QStringLiteral("shape"));
    for (WorkloadShape shape : allWorkloadShapes)
        m_shape->addItem(shapeName(shape), int(shape));
    form->addRow(QString(), m_shape);
    layout->addLayout(form);

    m_paramsHost = new QWidget;
    m_paramsLayout = new QFormLayout(m_paramsHost);
    m_paramsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_paramsHost);
    m_traceInfo = new QLabel;
    m_traceInfo->setWordWrap(true);
    layout->addWidget(m_traceInfo);

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    layout->addWidget(m_message);

    m_preview = new QCustomPlot;
    m_preview->setMinimumHeight(110); // the right column fits a 700 px high window
    m_preview->addGraph();
    m_preview->graph(0)->setPen(QPen(QColor(0x1f, 0x6f, 0xb5), 1.5));
    m_preview->graph(0)->setBrush(QColor(0x1f, 0x6f, 0xb5, 40));
    m_preview->xAxis->setRange(0, 24);
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(3);
    m_preview->xAxis->setTicker(ticker);
    layout->addWidget(m_preview, 1);
    retranslateStatic();

    connect(addButton, &QPushButton::clicked, this, &WorkloadEditor::addWorkload);
    connect(m_removeButton, &QPushButton::clicked, this, &WorkloadEditor::removeCurrentWorkload);
    connect(importButton, &QPushButton::clicked, this, &WorkloadEditor::importTraceFromFile);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_list->count())
            setCurrentWorkload(m_list->item(row)->data(Qt::UserRole).toString());
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const Workload *w = m_document->workload(m_workloadId);
        const QString name = m_name->text().trimmed();
        if (!w || name == toQ(w->name))
            return;
        if (name.isEmpty()) {
            showMessage(tr("A name cannot be empty."));
            refreshEditors();
            return;
        }
        commit([name](Workload &edited) { edited.name = toStd(name); });
    });
    connect(m_shape, &QComboBox::activated, this, [this](int index) {
        const auto shape = WorkloadShape(m_shape->itemData(index).toInt());
        commit([shape](Workload &edited) { edited = withShape(edited, shape); });
    });

    connect(m_document, &Document::projectReset, this, [this] {
        m_workloadId.clear();
        reloadList();
    });
    connect(m_document, &Document::workloadAdded, this, [this] { reloadList(); });
    connect(m_document, &Document::workloadRemoved, this, [this] { reloadList(); });
    connect(m_document, &Document::workloadChanged, this, [this](const QString &id) {
        for (int row = 0; row < m_list->count(); ++row)
            if (m_list->item(row)->data(Qt::UserRole).toString() == id)
                m_list->item(row)->setText(toQ(m_document->workload(id)->name));
        if (id == m_workloadId)
            refreshEditors();
    });
    reloadList();
}

void WorkloadEditor::retranslateStatic()
{
    m_addButton->setText(tr("Add"));
    m_addButton->setToolTip(tr("Add a workload"));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(tr("Remove the chosen workload (not while a client uses it)"));
    m_importButton->setText(tr("Import trace from CSV…"));
    m_importButton->setToolTip(tr("Replace the chosen workload by a trace: rows of "
                                  "\"minute,rps\" or \"ISO timestamp,rps\""));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_name)))
        label->setText(tr("Name"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_shape)))
        label->setText(tr("Shape"));
    for (int i = 0; i < m_shape->count(); ++i)
        m_shape->setItemText(i, shapeName(WorkloadShape(m_shape->itemData(i).toInt())));
    m_preview->xAxis->setLabel(tr("hour of day"));
    m_preview->yAxis->setLabel(tr("req/s"));
}

void WorkloadEditor::changeEvent(QEvent *event)
{
    // The language changed at run time: every text anew, the shape's fields in the new
    // language (their labels, units and refusals), the preview's axes.
    if (event->type() == QEvent::LanguageChange && m_form) {
        retranslateStatic();
        rebuildEditors();
        m_preview->replot(QCustomPlot::rpQueuedReplot);
    }
    QWidget::changeEvent(event);
}

WorkloadEditor::~WorkloadEditor()
{
    // Quitting with a field being edited: the field loses its focus while the widgets are
    // torn down and emits editingFinished, which would run a handler on a half-destroyed
    // panel (and commit the half-typed value). Nothing of the panel may run from here on.
    for (QObject *child : findChildren<QObject *>()) {
        child->disconnect(this);
        child->removeEventFilter(this);
    }
}

void WorkloadEditor::reloadList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const auto &workloads = m_document->project().workloads;
    int currentRow = -1;
    for (const Workload &w : workloads) {
        auto *item = new QListWidgetItem(toQ(w.name), m_list);
        item->setData(Qt::UserRole, toQ(w.id));
        if (toQ(w.id) == m_workloadId)
            currentRow = m_list->count() - 1;
    }
    if (currentRow < 0 && !workloads.empty()) {
        currentRow = 0;
        m_workloadId = toQ(workloads.front().id);
    } else if (workloads.empty()) {
        m_workloadId.clear();
    }
    m_list->setCurrentRow(currentRow);
    rebuildEditors();
}

void WorkloadEditor::setCurrentWorkload(const QString &workloadId)
{
    if (!m_document->workload(workloadId))
        return;
    m_workloadId = workloadId;
    {
        const QSignalBlocker blocker(m_list);
        for (int row = 0; row < m_list->count(); ++row)
            if (m_list->item(row)->data(Qt::UserRole).toString() == workloadId)
                m_list->setCurrentRow(row);
    }
    m_message->hide();
    rebuildEditors();
}

QWidget *WorkloadEditor::editor(const QString &field) const
{
    if (field == QLatin1String("name"))
        return m_name;
    if (field == QLatin1String("shape"))
        return m_shape;
    const auto it = m_paramEditors.find(field);
    return it == m_paramEditors.end() ? nullptr : it->second;
}

QString WorkloadEditor::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void WorkloadEditor::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    if (text.isEmpty()) {
        for (auto &[key, editor] : m_paramEditors)
            NumberField::markRefused(editor, false);
    }
}

QString WorkloadEditor::commit(const std::function<void(Workload &)> &change)
{
    const Workload *current = m_document->workload(m_workloadId);
    if (!current)
        return {};
    Workload edited = *current;
    change(edited);
    const QString error = m_document->setWorkload(edited);
    showMessage(error);
    if (!error.isEmpty())
        refreshEditors(); // the editors revert to what is stored
    return error;
}

void WorkloadEditor::rebuildEditors()
{
    while (m_paramsLayout->rowCount() > 0)
        m_paramsLayout->removeRow(0); // deletes the row's widgets
    m_paramEditors.clear();
    m_paramRefresh.clear();
    const Workload *w = m_document->workload(m_workloadId);
    m_name->setEnabled(w);
    m_shape->setEnabled(w);
    m_removeButton->setEnabled(w);
    if (w) {
        m_shownShape = w->shape;
        for (const ParamSpec &spec : workloadParamSpecs(w->shape))
            addParamEditor(spec);
    }
    refreshEditors();
}

void WorkloadEditor::addParamEditor(const ParamSpec &spec)
{
    const ParamSpec *s = &spec;
    const QString key = toQ(spec.key);
    auto stored = [this, s] {
        const Workload *w = m_document->workload(m_workloadId);
        return w ? w->number(s->key) : std::get<double>(s->defaultValue);
    };
    // A line edit, not a spin box: a spin box clamps or drops what it cannot hold, so
    // "1e12" req/s became 112. The field refuses such input with a reason instead.
    auto *editor = new NumberField(spec);
    connect(editor, &NumberField::valueEntered, this, [this, editor, s](double value) {
        const Workload *w = m_document->workload(m_workloadId);
        if (!w)
            return;
        const QString error = commit([s, value](Workload &e) { e.params[s->key] = value; });
        NumberField::markRefused(editor, !error.isEmpty());
    });
    connect(editor, &NumberField::refused, this, [this, editor](const QString &why) {
        showMessage(why);
        NumberField::markRefused(editor, true);
    });
    editor->setObjectName(key);
    auto *label = new QLabel(translatedParamLabel(spec));
    label->setToolTip(editor->toolTip());
    label->setBuddy(editor);
    RangeField *range = nullptr;
    if (isRangeable(spec)) {
        // The range beside the value (issue 11 point 4), stored as its own undo step.
        range = new RangeField(editor);
        auto store = [this, range, key](const std::optional<ParamRange> &r) {
            range->showResult(m_document->setWorkloadRange(m_workloadId, key, r));
        };
        connect(range, &RangeField::rangeEntered, this,
                [store](double low, double high) { store(ParamRange{low, high}); });
        connect(range, &RangeField::rangeCleared, this, [store] { store(std::nullopt); });
    }
    m_paramRefresh[key] = [this, editor, range, stored, s] {
        const QSignalBlocker blocker(editor);
        editor->setValue(stored());
        if (!range)
            return;
        const Workload *w = m_document->workload(m_workloadId);
        const auto it = w ? w->ranges.find(s->key) : RangeMap::const_iterator();
        range->setState(stored(), w && it != w->ranges.end() ? std::optional(it->second)
                                                             : std::nullopt);
    };
    m_paramsLayout->addRow(label, range ? static_cast<QWidget *>(range) : editor);
    m_paramEditors[key] = editor;
}

void WorkloadEditor::refreshEditors()
{
    const Workload *w = m_document->workload(m_workloadId);
    if (w && w->shape != m_shownShape) {
        rebuildEditors(); // calls back here with the new shape's editors
        return;
    }
    {
        const QSignalBlocker nameBlocker(m_name);
        const QSignalBlocker shapeBlocker(m_shape);
        m_name->setText(w ? toQ(w->name) : QString());
        m_shape->setCurrentIndex(w ? m_shape->findData(int(w->shape)) : -1);
    }
    for (auto &[key, refresh] : m_paramRefresh)
        refresh();
    if (w && w->shape == WorkloadShape::Trace) {
        m_traceInfo->setText(tr("%n trace point(s); the day repeats, gaps are interpolated.",
                                "", int(w->points.size())));
        m_traceInfo->show();
    } else {
        m_traceInfo->hide();
    }
    updatePreview();
}

void WorkloadEditor::updatePreview()
{
    QCPGraph *graph = m_preview->graph(0);
    const Workload *w = m_document->workload(m_workloadId);
    if (!w) {
        graph->data()->clear();
        m_preview->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const std::vector<double> rates = workloadRatePerMinute(*w, 1.0);
    QVector<double> hours(int(rates.size()));
    QVector<double> values(int(rates.size()));
    double peak = 0;
    for (size_t minute = 0; minute < rates.size(); ++minute) {
        hours[int(minute)] = double(minute) / 60.0;
        values[int(minute)] = rates[minute];
        peak = std::max(peak, rates[minute]);
    }
    graph->setData(hours, values, true);
    m_preview->yAxis->setRange(0, peak > 0 ? peak * 1.1 : 1.0);
    m_preview->replot(QCustomPlot::rpQueuedReplot);
}

void WorkloadEditor::addWorkload()
{
    const int number = int(m_document->project().workloads.size()) + 1;
    const QString id = m_document->addWorkload(WorkloadShape::Diurnal,
                                                tr("Workload %1").arg(number));
    if (!id.isEmpty())
        setCurrentWorkload(id);
}

void WorkloadEditor::removeCurrentWorkload()
{
    if (m_workloadId.isEmpty())
        return;
    showMessage(m_document->removeWorkload(m_workloadId));
}

QStringList WorkloadEditor::importTraceCsv(const QString &csvText)
{
    const TraceCsvResult result = parseTraceCsv(toStd(csvText));
    QStringList problems;
    for (const std::string &problem : result.problems)
        problems << toQ(problem);
    if (problems.isEmpty() && result.points.empty())
        problems << tr("The file holds no rows of \"minute,rps\".");
    if (!problems.isEmpty()) {
        const int shown = 12;
        QString text = tr("Nothing was imported; fix these rows first:") + QLatin1Char('\n')
                       + QStringList(problems.mid(0, shown)).join(QLatin1Char('\n'));
        if (problems.size() > shown)
            text += QLatin1Char('\n') + tr("… and %n more.", "", int(problems.size() - shown));
        showMessage(text);
        return problems;
    }
    const auto points = result.points;
    const QString error = commit([&points](Workload &edited) {
        edited = withShape(edited, WorkloadShape::Trace);
        edited.points = points;
    });
    if (!error.isEmpty())
        problems << error;
    return problems;
}

void WorkloadEditor::importTraceFromFile()
{
    if (m_workloadId.isEmpty())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Trace"), QString(), tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        showMessage(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    importTraceCsv(QString::fromUtf8(file.readAll()));
}

} // namespace skyline
