#include "TornadoChart.h"

#include "engine/ParamSlots.h"
#include "panels/PropertyPanel.h"
#include "report/NumberFormat.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace skyline {

namespace {

const QColor lowColor(0x9e, 0xc5, 0xe8);
const QColor highColor(0x2f, 0x5f, 0x98);
const QColor flipLowColor(0xf6, 0xb2, 0x6b);
const QColor flipHighColor(0xc4, 0x4e, 0x12);

/// "Place order: Run time" with the schema's label translated; the engine's English name
/// when the pointer is not among the project's slots.
QString rowName(const SensitivityParameter &parameter, const ParamSlot *slot)
{
    if (!slot || !slot->spec)
        return QString::fromStdString(parameter.name);
    const std::string suffix = ": " + slot->spec->label;
    std::string owner = slot->name;
    if (owner.size() >= suffix.size()
        && owner.compare(owner.size() - suffix.size(), suffix.size(), suffix) == 0)
        owner.resize(owner.size() - suffix.size());
    return TornadoChart::tr("%1: %2").arg(QString::fromStdString(owner),
                                         translatedParamLabel(*slot->spec));
}

/// The parameter's value at one end with its unit ("80 ms").
QString endValueText(double value, const ParamSlot *slot)
{
    const QString number = formatNumber(value, 2);
    const double shown = std::round(value * 100.0) / 100.0; // as `number` reads
    return slot && slot->spec ? number + unitSuffix(*slot->spec, shown) : number;
}

} // namespace

TornadoChart::TornadoChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("tornadoChart"));
}

QString TornadoChart::valueText(double value) const
{
    // Bars hold the change from the cost with every parameter at its value.
    return (value >= 0 ? QStringLiteral("+") : QString()) + formatUsdPerMonth(value);
}

void TornadoChart::fitAxes()
{
    ResultChart::fitAxes();
    if (message().isEmpty()) // room for the labels right of the longest bar
        xAxis->setRangeUpper(xAxis->range().upper * 1.25);
}

const CandidateSensitivity *TornadoChart::shownCandidate() const
{
    const std::shared_ptr<const SensitivityResult> result = sensitivity();
    if (!result || result->candidates.empty())
        return nullptr;
    for (const CandidateSensitivity &each : result->candidates)
        if (QString::fromStdString(each.id) == candidate())
            return &each;
    return candidate().isEmpty() ? &result->candidates.front() : nullptr;
}

void TornadoChart::addEndLabel(double costUsd, double key, const QString &valueText,
                               bool rightOfBase)
{
    auto *label = new QCPItemText(this);
    label->position->setCoords(costUsd, key);
    label->setPositionAlignment((rightOfBase ? Qt::AlignLeft : Qt::AlignRight)
                                | Qt::AlignVCenter);
    label->setPadding(QMargins(4, 0, 4, 0));
    label->setClipToAxisRect(false);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    label->setFont(small);
    label->setText(tr("%1 · %2").arg(formatUsd(costUsd, FigureStyle::Compact), valueText));
}

void TornadoChart::rebuild(const Evaluation *, const CandidateEvaluation *)
{
    m_rowPointers.clear();
    m_rowNames.clear();
    m_flipping.clear();
    const CandidateSensitivity *shown = shownCandidate();
    if (!shown) {
        showMessage(tr("No sensitivity for this candidate yet"));
        return;
    }
    if (!shown->error.empty()) {
        showMessage(tr("Cannot analyse %1:\n%2")
                        .arg(QString::fromStdString(shown->name),
                             QString::fromStdString(shown->error)));
        return;
    }
    const std::shared_ptr<const Project> project = sensitivityProject();
    std::map<std::string, ParamSlot> slotsByPointer;
    if (project)
        for (ParamSlot &slot : numericSlots(*project))
            slotsByPointer.emplace(slot.pointer, std::move(slot));

    // The engine's ranking, widest swing first; rows without any swing say nothing.
    std::vector<const SensitivityParameter *> rows;
    for (const SensitivityParameter &parameter : shown->parameters)
        if (std::isfinite(parameter.costSwingUsd()) && parameter.costSwingUsd() > 0)
            rows.push_back(&parameter);
    const int total = int(rows.size());
    if (rows.size() > std::size_t(maxRows))
        rows.resize(std::size_t(maxRows));
    if (rows.empty()) {
        showMessage(tr("No parameter moves the cost of %1").arg(QString::fromStdString(shown->name)));
        return;
    }

    const double base = shown->monthlyCostUsd;
    QStringList labels;
    QStringList nodeIds;
    struct Series
    {
        QCPBars *bars;
        QVector<double> keys, values;
        QStringList nodes;
    };
    auto makeBars = [this, base](const QString &name, const QColor &color) {
        auto *bars = new QCPBars(yAxis, xAxis);
        bars->setName(name);
        bars->setWidth(0.7);
        bars->setBaseValue(base);
        tagSeries(bars, QString(), color);
        return Series{bars, {}, {}, {}};
    };
    Series low = makeBars(tr("Parameter at its low"), lowColor);
    Series high = makeBars(tr("Parameter at its high"), highColor);
    Series flipLow = makeBars(tr("Changes the cheapest candidate: low"), flipLowColor);
    Series flipHigh = makeBars(tr("Changes the cheapest candidate: high"), flipHighColor);

    for (int i = 0; i < int(rows.size()); ++i) {
        const SensitivityParameter &parameter = *rows[std::size_t(i)];
        const auto found = slotsByPointer.find(parameter.pointer);
        const ParamSlot *slot = found == slotsByPointer.end() ? nullptr : &found->second;
        const double key = i + 1;
        const QString name = rowName(parameter, slot);
        QString nodeId;
        if (slot && slot->owner == SlotOwner::Node && project
            && slot->candidate < project->candidates.size()
            && slot->index < project->candidates[slot->candidate].nodes.size())
            nodeId = QString::fromStdString(project->candidates[slot->candidate].nodes[slot->index].id);
        labels << name;
        nodeIds << nodeId;
        m_rowPointers << QString::fromStdString(parameter.pointer);
        m_rowNames << name;
        if (parameter.flipsCheapest)
            m_flipping << QString::fromStdString(parameter.pointer);
        Series &lowSeries = parameter.flipsCheapest ? flipLow : low;
        Series &highSeries = parameter.flipsCheapest ? flipHigh : high;
        lowSeries.keys << key;
        lowSeries.values << parameter.costAtLow - base;
        lowSeries.nodes << nodeId;
        highSeries.keys << key;
        highSeries.values << parameter.costAtHigh - base;
        highSeries.nodes << nodeId;
        addEndLabel(parameter.costAtLow, key, endValueText(parameter.low, slot),
                    parameter.costAtLow >= base && parameter.costAtLow >= parameter.costAtHigh);
        addEndLabel(parameter.costAtHigh, key, endValueText(parameter.high, slot),
                    parameter.costAtHigh >= base && parameter.costAtHigh > parameter.costAtLow);
    }
    for (Series *series : {&low, &high, &flipLow, &flipHigh}) {
        if (series->keys.isEmpty()) {
            removePlottable(series->bars);
            continue;
        }
        series->bars->setData(series->keys, series->values, true);
        tagPointNodes(series->bars, series->nodes);
    }
    // QCPBars keep their data sorted by key: the node list must follow the same order.
    for (Series *series : {&low, &high, &flipLow, &flipHigh}) {
        if (series->keys.isEmpty())
            continue;
        QStringList sortedNodes;
        for (auto it = series->bars->data()->constBegin(); it != series->bars->data()->constEnd(); ++it)
            sortedNodes << nodeIds.value(int(std::lround(it->key)) - 1);
        tagPointNodes(series->bars, sortedNodes);
    }

    // The costs at both ends, invisible: fitting the axes keeps every bar (drawn from the
    // base cost) in view, and the CSV lists the absolute figures too.
    auto *ends = addGraph(yAxis, xAxis);
    ends->setName(tr("Monthly cost at the ends (USD)"));
    ends->setLineStyle(QCPGraph::lsNone);
    for (int i = 0; i < int(rows.size()); ++i) {
        ends->addData(i + 1, rows[std::size_t(i)]->costAtLow);
        ends->addData(i + 1, rows[std::size_t(i)]->costAtHigh);
    }
    ends->setVisible(false);
    ends->removeFromLegend();

    setCategories(yAxis, labels);
    yAxis->setRangeReversed(true); // rank 1, the widest swing, on top
    xAxis->setLabel(tr("USD per month"));
    yAxis->setLabel(QString());
    m_csvKeyHeader = tr("parameter");
    m_csvValueHeader = tr("change of monthly cost (USD)");
    auto *baseLine = new QCPItemStraightLine(this);
    baseLine->point1->setCoords(base, 0);
    baseLine->point2->setCoords(base, 1);
    baseLine->setPen(QPen(QColor(60, 60, 60), 1.0, Qt::DashLine));
    const QString name = QString::fromStdString(shown->name);
    if (total > int(rows.size()))
        setTitle(tr("What drives the cost — %1 at %2: the %3 widest of %n parameters", "",
                    total)
                     .arg(name, formatUsdPerMonth(base))
                     .arg(rows.size()));
    else
        setTitle(tr("What drives the cost — %1 at %2: %n parameter(s), widest swing on top",
                    "", total)
                     .arg(name, formatUsdPerMonth(base)));
}

} // namespace skyline
