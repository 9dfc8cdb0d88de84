#pragma once
// The decision record (DESIGN.md §5 `report`): one self-contained HTML file that a team can
// attach to a review. It holds the project's name and description; the comparison table of
// every candidate's headline figures with the best of each row marked; the cost-versus-load
// sweep with its break-even points; per candidate its diagram and charts (every per-candidate
// row of the chart catalog, the tornado of what drives its cost among them; PNG data URIs, so
// the file needs nothing beside it) and its cost lines; every warning with its code and node; and
// every assumption: workloads, pricing choices, the catalog prices the cost lines used with
// their sources and dates, the engine version, method and seed. All user text is escaped.
//
// Needs a QApplication (charts are widgets); works with the offscreen platform.

#include "engine/Evaluation.h"
#include "engine/Sensitivity.h"
#include "engine/Sweep.h"
#include "engine/Uncertainty.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace skyline {

class Document;

struct ReportOptions
{
    EvalOptions evaluation;           ///< method and seed of the figures (series are computed)
    bool includeCharts = true;        ///< each candidate's result charts
    bool includeSweep = true;         ///< the cost-versus-load sweep and its break-even points
    std::vector<double> multipliers = sweepMultipliers(0.01, 100.0, 41);
    QSize chartSizePx{760, 360};
    int diagramMaxWidthPx = 1200;     ///< diagrams keep their aspect ratio within this width
    int diagramMaxHeightPx = 900;
    QString generatedAt;              ///< footer date; empty: the current UTC time
    /// The figures to report: the studio passes those on screen (issue 10 point 11), so the
    /// report says what the user saw, simulated or analytic. Null: the report evaluates the
    /// project with `evaluation`. They must come from this project and carry the series.
    std::shared_ptr<const Evaluation> figures;
    /// The ranges' uncertainty for the comparison's "cheapest in % of samples" row: the
    /// studio passes its runner's when it describes this project. Null: the report samples
    /// the ranges itself (RangeRunner::studioSamples) when the project has any.
    std::shared_ptr<const UncertaintyResult> uncertainty;
    /// The sensitivity behind each candidate's tornado chart: the studio passes its runner's
    /// when it describes this project. Null: the report computes it (with the charts only).
    std::shared_ptr<const SensitivityResult> sensitivity;
};

/// Its prose is translatable (context "skyline::ReportWriter"): a German studio writes a German
/// report; the CLI, which installs no catalogue, writes English.
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(skyline::ReportWriter)
public:
    explicit ReportWriter(const Project &project, ReportOptions options = {});
    ~ReportWriter();

    /// Evaluates (and sweeps) the project and returns the whole HTML document.
    QString html();
    /// html() written atomically to `path`; false and *error set when it cannot be written.
    bool write(const QString &path, QString *error = nullptr);

    /// The evaluation and sweep the last html() showed (null before).
    std::shared_ptr<const Evaluation> evaluation() const { return m_evaluation; }
    const LoadSweep &sweep() const { return m_sweep; }

private:
    void computeFigures();
    QString headerHtml() const;
    QString comparisonHtml() const;
    QString sweepHtml() const;
    QString candidateHtml(const CandidateEvaluation &candidate, Document *document) const;
    QString diagramHtml(const CandidateEvaluation &candidate, Document *document) const;
    QString costLinesHtml(const CandidateEvaluation &candidate) const;
    QString chartsHtml(const CandidateEvaluation &candidate) const;
    QString warningsHtml() const;
    QString assumptionsHtml() const;
    QString workloadsHtml() const;
    QString pricingHtml() const;
    QString pricesUsedHtml() const;
    QString nodeLabel(const std::string &candidateId, const std::string &nodeId) const;
    QString candidateName(const std::string &candidateId) const;
    /// "simulated (seed 1)" or "analytic": the method of the figures, said with each of them.
    QString methodText() const;

    std::shared_ptr<const Project> m_project;
    ReportOptions m_options;
    std::shared_ptr<const Evaluation> m_evaluation;
    LoadSweep m_sweep;
    std::shared_ptr<const UncertaintyResult> m_uncertainty; ///< null: the project has no ranges
    std::shared_ptr<const SensitivityResult> m_sensitivity;  ///< null: no charts
};

/// Text made safe for HTML element content and quoted attribute values (& < > " ').
QString htmlEscape(const QString &text);
QString htmlEscape(const std::string &text);
QString htmlEscape(const char *text);

} // namespace skyline
