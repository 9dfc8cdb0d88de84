#include "LoadChart.h"

#include "report/FigureLabels.h"

#include "DayAxis.h"

namespace skyline {

LoadChart::LoadChart(QWidget *parent) : ResultChart(parent)
{
    setObjectName(QStringLiteral("loadChart"));
}

QString LoadChart::keyText(double key) const
{
    return timeOfDayText(key);
}

void LoadChart::rebuild(const Evaluation *evaluation, const CandidateEvaluation *candidate)
{
    setDayAxis();
    setAxisLabels(tr("Time of day (hours)"), tr("Requests per second"));
    if (!isOverlay()) {
        setTitle(tr("Load over the day — %1").arg(QString::fromStdString(candidate->name)));
        for (const NodeResult &node : candidate->nodes) {
            if (node.kind != NodeKind::Client)
                continue;
            const QString id = QString::fromStdString(node.id);
            addDaySeries(node.rpsPerMinute, nodeName(node.id), id, nodeColor(node.id));
        }
        return;
    }
    setTitle(tr("Load over the day — all candidates"));
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                          Qt::DashDotLine};
    for (size_t c = 0; c < evaluation->candidates.size(); ++c) {
        const CandidateEvaluation &each = evaluation->candidates[c];
        if (!each.errors.empty())
            continue;
        int client = 0;
        for (const NodeResult &node : each.nodes) {
            if (node.kind != NodeKind::Client)
                continue;
            const QString name = QStringLiteral("%1 — %2")
                                     .arg(QString::fromStdString(each.name), nodeName(node.id));
            addDaySeries(node.rpsPerMinute, name, QString::fromStdString(node.id),
                         seriesColor(int(c)), styles[client++ % 4]);
        }
    }
}

} // namespace skyline
