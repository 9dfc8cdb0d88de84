#include "ResultImages.h"

#include "canvas/CanvasScene.h"
#include "charts/ChartCatalog.h"

#include <QStringList>

namespace skyline {

namespace {

/// The chart of `info` for one candidate, or null when it has nothing honest to show for it.
std::unique_ptr<ResultChart> makeChart(const ChartInfo &info,
                                       const std::shared_ptr<const Evaluation> &evaluation,
                                       const std::shared_ptr<const Project> &project,
                                       const std::shared_ptr<const SensitivityResult> &sensitivity,
                                       const QString &candidateId, QSize size)
{
    std::unique_ptr<ResultChart> chart(info.make(nullptr));
    chart->resize(size);
    chart->setCandidate(candidateId);
    chart->setEvaluation(evaluation, project);
    chart->setSensitivity(sensitivity, project);
    if (!chart->message().isEmpty())
        return nullptr;
    return chart;
}

} // namespace

std::vector<CandidateChart> makeCandidateCharts(
    std::shared_ptr<const Evaluation> evaluation, std::shared_ptr<const Project> project,
    const QString &candidateId, QSize size, std::shared_ptr<const SensitivityResult> sensitivity)
{
    std::vector<CandidateChart> charts;
    for (const ChartInfo &info : chartCatalog()) {
        if (!info.perCandidate)
            continue;
        if (auto chart = makeChart(info, evaluation, project, sensitivity, candidateId, size)) {
            const QString title = chart->title();
            charts.push_back({QString::fromLatin1(info.key), title, info.translatedCaption(),
                              std::move(chart)});
        }
    }
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
