#include "BlastRadiusChart.h"

#include "report/NumberFormat.h"

#include <algorithm>

namespace skyline {

namespace {
constexpr int maxNodesShown = 25;
}

BlastRadiusChart::BlastRadiusChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("blastRadiusChart"));
}

QString BlastRadiusChart::valueText(double value) const
{
    return tr("%1 of client traffic fails").arg(formatShare(value / 100.0, 1));
}

void BlastRadiusChart::rebuild(const Evaluation *, const CandidateEvaluation *candidate)
{
    std::vector<const FaultResult *> faults;
    for (const FaultResult &fault : candidate->faultIsolation)
        faults.push_back(&fault);
    std::stable_sort(faults.begin(), faults.end(), [](const FaultResult *a, const FaultResult *b) {
        return a->blastRadius > b->blastRadius;
    });
    const int shown = std::min(int(faults.size()), maxNodesShown);
    setTitle(shown < int(faults.size())
                 ? tr("Blast radius — %1 (largest %2 of %3 nodes)")
                       .arg(QString::fromStdString(candidate->name))
                       .arg(shown)
                       .arg(faults.size())
                 : tr("Blast radius — %1").arg(QString::fromStdString(candidate->name)));
    m_csvKeyHeader = tr("node");
    m_csvValueHeader = tr("traffic failing (%)");
    xAxis->setLabel(tr("Share of client traffic that fails when the node is down (%)"));
    yAxis->setLabel(QString());
    QStringList labels;
    for (int i = 0; i < shown; ++i)
        labels << nodeName(faults[size_t(i)]->node);
    if (labels.isEmpty())
        return;
    setCategories(yAxis, labels);
    yAxis->setRangeReversed(true);
    // One bars series per node, so highlighting and clicks address single nodes.
    for (int i = 0; i < shown; ++i) {
        const FaultResult &fault = *faults[size_t(i)];
        auto *bars = new QCPBars(yAxis, xAxis);
        bars->setName(nodeName(fault.node));
        bars->setWidth(0.7);
        bars->addData(i + 1, fault.blastRadius * 100.0);
        const QColor color = fault.blastRadius >= 0.5   ? QColor(0xe1, 0x57, 0x59)
                             : fault.blastRadius > 0.0 ? QColor(0xf2, 0x8e, 0x2b)
                                                       : QColor(0x59, 0xa1, 0x4f);
        tagSeries(bars, QString::fromStdString(fault.node), color);
        bars->removeFromLegend();
    }
}

} // namespace skyline
