#pragma once
// The load sweep of DESIGN.md §3 "Comparison": every candidate evaluated across traffic
// multipliers (×0.01 … ×100 on a log scale), its monthly cost and p99 at each, and the
// break-even multipliers where two candidates' cost curves cross. Plain C++, no Qt.
//
// The GUI's charts keep their own (engine-free) SweepResult type in widgets/charts; the names
// here differ on purpose so that both headers can be included together.

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <string>
#include <vector>

namespace skyline {

struct VariantRun;

struct LoadSweepCurve
{
    std::string id;
    std::string name;
    std::vector<double> monthlyCostUsd; ///< one per multiplier
    std::vector<double> p99Ms;          ///< worst entry point's p99 at the busiest hour
    std::string error;                  ///< non-empty: the candidate cannot be evaluated (cycle)
    bool valid() const { return error.empty(); }
};

struct CostBreakEven
{
    std::string a;             ///< candidate ids, in project order
    std::string b;
    double multiplier = 0;     ///< traffic multiplier where the two cost curves cross
    double monthlyCostUsd = 0; ///< what both candidates cost there
};

struct LoadSweep
{
    std::vector<double> multipliers;
    std::vector<LoadSweepCurve> candidates;
    std::vector<CostBreakEven> breakEven; ///< sorted by multiplier
    EvalMethod method = EvalMethod::Analytic; ///< of every figure (JSON "method", CSV column)
    bool cancelled = false; ///< stopped early (VariantRun): the curves are shorter
};

/// `points` multipliers spaced evenly on a log scale from `from` to `to`, both included;
/// empty when the range is not positive or points < 1.
std::vector<double> sweepMultipliers(double from = 0.01, double to = 100.0, int points = 41);

/// The largest p99 of the candidate's entry points at the busiest hour (0 without entries).
double worstEntryP99Ms(const CandidateEvaluation &candidate);

/// Every crossing of every pair of valid cost curves, interpolated linearly in
/// (log multiplier, cost) between the two sweep points that bracket it; sorted by multiplier.
/// Curves that are equal over a whole interval do not cross there.
std::vector<CostBreakEven> findCostBreakEvens(const std::vector<double> &multipliers,
                                              const std::vector<LoadSweepCurve> &curves);

/// Evaluates the project once per multiplier (options.trafficMultiplier is replaced by each
/// multiplier, series are not computed; method, seed and candidateId are kept; the
/// simulation time budget is shared by the points), the points in parallel as `run` says
/// (VariantEvaluation.h). When cancelled the curves end before the first point not evaluated.
LoadSweep sweep(const Project &project, const std::vector<double> &multipliers,
                const EvalOptions &options, const VariantRun &run);

/// The same, one point after another in the caller's working memory (EngineWorkspace.h).
LoadSweep sweep(const Project &project, const std::vector<double> &multipliers,
                const EvalOptions &options, EngineWorkspace &workspace);

/// The same on every core (the analytic method; the simulation, whose time budget is
/// wall-clock time, runs its points one after another).
LoadSweep sweep(const Project &project, const std::vector<double> &multipliers,
                const EvalOptions &options = {});

/// DESIGN.md §5: {"multipliers": [...], "candidates": [{"id", "name", "monthlyCostUsd": [...],
/// "p99Ms": [...]}], "breakEven": [{"a", "b", "multiplier"}]} (+ "monthlyCostUsd" of each
/// break-even, and "error" on a candidate that cannot be evaluated, whose arrays are null).
OrderedJson sweepToJson(const LoadSweep &sweep);
/// sweepToJson in the canonical pretty form (newline at the end).
std::string sweepToJsonText(const LoadSweep &sweep);
/// One row per candidate and multiplier: candidate,name,multiplier,monthlyCostUsd,p99Ms.
std::string sweepCsv(const LoadSweep &sweep);

} // namespace skyline
