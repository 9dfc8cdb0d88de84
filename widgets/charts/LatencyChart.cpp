#include "LatencyChart.h"

#include "report/FigureLabels.h"

#include "report/NumberFormat.h"

namespace skyline {

LatencyChart::LatencyChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("latencyChart"));
}

QString LatencyChart::valueText(double value) const
{
    return formatMs(value);
}

void LatencyChart::rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate)
{
    setAxisLabels(QString(), tr("End-to-end latency at the busiest hour (ms)"));
    m_csvKeyHeader = tr("percentile");
    auto *group = new QCPBarsGroup(this);
    group->setSpacing(2);
    if (!isOverlay()) {
        setTitle(tr("Latency per entry point — %1").arg(QString::fromStdString(candidate->name)));
        setCategories(xAxis, {QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")});
        const double width = 0.8 / std::max<size_t>(1, candidate->entries.size());
        for (const EntryResult &entry : candidate->entries) {
            auto *bars = new QCPBars(xAxis, yAxis);
            bars->setName(nodeName(entry.id));
            bars->setWidth(width);
            bars->setData({1, 2, 3}, {entry.latencyMs.p50, entry.latencyMs.p95,
                                      entry.latencyMs.p99});
            bars->setBarsGroup(group);
            tagSeries(bars, QString::fromStdString(entry.id), nodeColor(entry.id));
        }
        return;
    }
    // Overlay: categories are (entry name, percentile); candidates sit side by side in each.
    setTitle(tr("Latency per entry point — all candidates"));
    QStringList entryNames;
    for (const CandidateEvaluation &each : evaluation->candidates)
        for (const EntryResult &entry : each.entries)
            if (!entryNames.contains(nodeName(entry.id)))
                entryNames << nodeName(entry.id);
    QStringList labels;
    for (const QString &name : entryNames)
        labels << name + QStringLiteral(" p50") << name + QStringLiteral(" p95")
               << name + QStringLiteral(" p99");
    setCategories(xAxis, labels);
    if (labels.size() > 6)
        xAxis->setTickLabelRotation(40);
    const double width = 0.8 / std::max<size_t>(1, evaluation->candidates.size());
    for (size_t c = 0; c < evaluation->candidates.size(); ++c) {
        const CandidateEvaluation &each = evaluation->candidates[c];
        if (!each.errors.empty())
            continue;
        QVector<double> keys;
        QVector<double> values;
        QStringList nodes;
        for (const EntryResult &entry : each.entries) {
            const double first = entryNames.indexOf(nodeName(entry.id)) * 3 + 1;
            keys << first << first + 1 << first + 2;
            values << entry.latencyMs.p50 << entry.latencyMs.p95 << entry.latencyMs.p99;
            const QString id = QString::fromStdString(entry.id);
            nodes << id << id << id;
        }
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(QString::fromStdString(each.name));
        bars->setWidth(width);
        bars->setData(keys, values);
        bars->setBarsGroup(group);
        tagSeries(bars, QString(), seriesColor(int(c)));
        tagPointNodes(bars, nodes);
    }
}

} // namespace skyline
