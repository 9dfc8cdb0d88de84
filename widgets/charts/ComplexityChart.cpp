#include "ComplexityChart.h"

#include "report/FigureLabels.h"
#include "report/NumberFormat.h"

namespace skyline {

ComplexityChart::ComplexityChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("complexityChart"));
}

QString ComplexityChart::valueText(double value) const
{
    return tr("%1 points").arg(formatNumber(value, 1));
}

void ComplexityChart::rebuild(const Evaluation *, const CandidateEvaluation *candidate)
{
    const Complexity &complexity = candidate->complexity;
    setTitle(tr("Operational complexity — %1: score %2, lock-in %3")
                 .arg(QString::fromStdString(candidate->name), formatNumber(complexity.score, 1),
                      formatShare(complexity.lockInShare, 0)));
    m_csvKeyHeader = tr("item (count × weight)");
    m_csvValueHeader = tr("points");
    xAxis->setLabel(tr("Points (count × weight)"));
    yAxis->setLabel(QString());
    QStringList labels;
    QVector<double> keys;
    QVector<double> values;
    for (const ComplexityItem &item : complexity.breakdown) {
        labels << tr("%1 (%2 × %3)")
                      .arg(complexityItemLabel(item.key), formatNumber(item.count, 2),
                           formatNumber(item.weight, 2));
        keys << labels.size();
        values << item.points;
    }
    if (labels.isEmpty())
        return;
    setCategories(yAxis, labels);
    yAxis->setRangeReversed(true); // first item on top, in the engine's order
    auto *bars = new QCPBars(yAxis, xAxis);
    bars->setName(tr("Points"));
    bars->setWidth(0.7);
    bars->setData(keys, values);
    tagSeries(bars, QString(), seriesColor(0));
    bars->removeFromLegend();
}

} // namespace skyline
