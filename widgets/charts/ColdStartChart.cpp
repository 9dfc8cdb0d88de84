#include "ColdStartChart.h"

#include "report/FigureLabels.h"

#include "DayAxis.h"

namespace skyline {

ColdStartChart::ColdStartChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("coldStartChart"));
}

QString ColdStartChart::keyText(double key) const
{
    return timeOfDayText(key);
}

void ColdStartChart::rebuild(const Evaluation *, const CandidateEvaluation *candidate)
{
    setDayAxis();
    setAxisLabels(tr("Time of day (hours)"), tr("Cold starts per second"));
    setTitle(tr("Cold starts over the day — %1").arg(QString::fromStdString(candidate->name)));
    for (const NodeResult &node : candidate->nodes) {
        if (node.kind != NodeKind::Function)
            continue;
        addDaySeries(node.coldStartsPerMinute, nodeName(node.id),
                     QString::fromStdString(node.id), nodeColor(node.id));
    }
}

} // namespace skyline
