#include "InstancesChart.h"

#include "report/FigureLabels.h"

#include "DayAxis.h"

namespace skyline {

InstancesChart::InstancesChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("instancesChart"));
}

QString InstancesChart::keyText(double key) const
{
    return timeOfDayText(key);
}

void InstancesChart::rebuild(const Evaluation *, const CandidateEvaluation *candidate)
{
    setDayAxis();
    setAxisLabels(tr("Time of day (hours)"), tr("Instances or replicas"));
    setTitle(tr("Instances over the day — %1 (solid: alive, dashed: busy)")
                 .arg(QString::fromStdString(candidate->name)));
    for (const NodeResult &node : candidate->nodes) {
        if (node.kind != NodeKind::Function && node.kind != NodeKind::Service)
            continue;
        const QString id = QString::fromStdString(node.id);
        const QColor color = nodeColor(node.id); // the node's colour in every chart
        // Services count replicas alive and workers busy (the engine's InstanceStats).
        const bool service = node.kind == NodeKind::Service;
        addDaySeries(node.aliveInstancesPerMinute,
                     (service ? tr("%1 replicas") : tr("%1 alive")).arg(nodeName(node.id)), id,
                     color);
        addDaySeries(node.busyInstancesPerMinute,
                     (service ? tr("%1 busy workers") : tr("%1 busy")).arg(nodeName(node.id)),
                     id, color, Qt::DashLine);
    }
}

} // namespace skyline
