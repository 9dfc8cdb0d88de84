#pragma once
// The pictures of a project that the HTML report and `skyline-cli render` both draw: each
// candidate's canvas (with the evaluation's badges on its nodes) and its result charts, and the
// load sweep of all candidates. Made off screen: nothing here is shown in a window.

#include "canvas/NodeItem.h"
#include "charts/ResultChart.h"
#include "charts/SweepChart.h"
#include "engine/Evaluation.h"
#include "engine/Sensitivity.h"
#include "engine/Sweep.h"

#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace skyline {

class CanvasScene;
class Document;

/// One chart of a candidate, ready to export.
struct CandidateChart
{
    QString key;   ///< stable file-name part: "load", "instances", "latency", "cost", ...
    QString title; ///< the chart's own title
    QString caption; ///< the catalog's caption (what the chart shows), or empty
    std::unique_ptr<ResultChart> chart;
};

/// The result charts of one candidate, sized `size`: every per-candidate row of the chart
/// catalog, each given the evaluation and `sensitivity` (of every candidate of `project`;
/// null: the tornado has nothing to show). Charts with nothing honest to show for it (a
/// message instead of figures, e.g. cold starts of a design without functions) are left out.
std::vector<CandidateChart> makeCandidateCharts(
    std::shared_ptr<const Evaluation> evaluation, std::shared_ptr<const Project> project,
    const QString &candidateId, QSize size,
    std::shared_ptr<const SensitivityResult> sensitivity = nullptr);

/// The cost-versus-load chart of every candidate, sized `size`.
std::unique_ptr<SweepChart> makeSweepChart(const LoadSweep &sweep, QSize size);

/// A scene of one candidate of `document` with every node's badges from `evaluation` (may be
/// null: no badges).
std::unique_ptr<CanvasScene> makeCandidateScene(Document *document, const QString &candidateId,
                                                const CandidateEvaluation *evaluation);

} // namespace skyline
