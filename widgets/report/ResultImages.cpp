#include "ResultImages.h"

#include "canvas/CanvasScene.h"
#include "charts/BlastRadiusChart.h"
#include "charts/ColdStartChart.h"
#include "charts/ComplexityChart.h"
#include "charts/CostChart.h"
#include "charts/InstancesChart.h"
#include "charts/LatencyChart.h"
#include "charts/LoadChart.h"

#include <QStringList>

namespace skyline {

namespace {

template <typename Chart>
void addChart(std::vector<CandidateChart> &charts, const char *key,
              const std::shared_ptr<const Evaluation> &evaluation,
              const std::shared_ptr<const Project> &project, const QString &candidateId,
              QSize size)
{
    auto chart = std::make_unique<Chart>();
    chart->resize(size);
    chart->setCandidate(candidateId);
    chart->setEvaluation(evaluation, project);
    if (!chart->message().isEmpty())
        return; // nothing honest to show for this candidate
    const QString title = chart->title();
    charts.push_back({QString::fromLatin1(key), title, std::move(chart)});
}

} // namespace

std::vector<CandidateChart> makeCandidateCharts(std::shared_ptr<const Evaluation> evaluation,
                                                std::shared_ptr<const Project> project,
                                                const QString &candidateId, QSize size)
{
    std::vector<CandidateChart> charts;
    addChart<LoadChart>(charts, "load", evaluation, project, candidateId, size);
    addChart<InstancesChart>(charts, "instances", evaluation, project, candidateId, size);
    addChart<LatencyChart>(charts, "latency", evaluation, project, candidateId, size);
    addChart<ColdStartChart>(charts, "cold-starts", evaluation, project, candidateId, size);
    addChart<CostChart>(charts, "cost", evaluation, project, candidateId, size);
    addChart<ComplexityChart>(charts, "complexity", evaluation, project, candidateId, size);
    addChart<BlastRadiusChart>(charts, "blast-radius", evaluation, project, candidateId, size);
    return charts;
}

std::unique_ptr<SweepChart> makeSweepChart(const LoadSweep &sweep, QSize size)
{
    auto chart = std::make_unique<SweepChart>();
    chart->resize(size);
    chart->setSweep(std::make_shared<const LoadSweep>(sweep));
    return chart;
}

std::unique_ptr<CanvasScene> makeCandidateScene(Document *document, const QString &candidateId,
                                                const CandidateEvaluation *evaluation)
{
    auto scene = std::make_unique<CanvasScene>(document, candidateId);
    if (!evaluation || !evaluation->errors.empty())
        return scene;
    if (const Candidate *candidate = document->candidate(candidateId))
        for (const Node &node : candidate->nodes)
            scene->setNodeBadges(QString::fromStdString(node.id), badgesFor(*evaluation, node.id));
    return scene;
}

} // namespace skyline
