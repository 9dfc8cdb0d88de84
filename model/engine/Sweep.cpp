#include "engine/Sweep.h"

#include "engine/EngineWorkspace.h"
#include "engine/EvaluationJson.h"
#include "engine/VariantEvaluation.h"
#include "io/Csv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace skyline {
namespace {

/// The crossing of curves a and b between sweep points i and i+1, if their difference changes
/// sign there. A crossing exactly on a sweep point is counted once, by the interval it ends
/// (or by the first interval when the curves start equal).
bool crossingIn(const std::vector<double> &multipliers, const LoadSweepCurve &a,
                const LoadSweepCurve &b, std::size_t i, CostBreakEven &out)
{
    const double d0 = a.monthlyCostUsd[i] - b.monthlyCostUsd[i];
    const double d1 = a.monthlyCostUsd[i + 1] - b.monthlyCostUsd[i + 1];
    const bool crosses = d0 != 0 && (d1 == 0 || (d0 < 0) != (d1 < 0));
    const bool equalAtStart = i == 0 && d0 == 0 && d1 != 0;
    if (!crosses && !equalAtStart)
        return false;
    const double t = equalAtStart ? 0.0 : d0 / (d0 - d1);
    const double logM0 = std::log(multipliers[i]);
    const double logM1 = std::log(multipliers[i + 1]);
    out.a = a.id;
    out.b = b.id;
    out.multiplier = std::exp(logM0 + t * (logM1 - logM0));
    out.monthlyCostUsd =
        a.monthlyCostUsd[i] + t * (a.monthlyCostUsd[i + 1] - a.monthlyCostUsd[i]);
    return true;
}

/// One candidate's figures at one multiplier.
struct CurvePoint
{
    double costUsd = NAN;
    double p99Ms = NAN;
    std::string error; ///< why there are no figures
};

CurvePoint curvePoint(const CandidateEvaluation *c)
{
    if (!c)
        return {NAN, NAN, "not evaluated"};
    if (!c->errors.empty())
        return {NAN, NAN, c->errors.front().message};
    return {c->monthlyCostUsd, worstEntryP99Ms(*c), {}};
}

OrderedJson numbers(const std::vector<double> &values)
{
    OrderedJson array = OrderedJson::array();
    for (double v : values)
        array.push_back(jsonNumber(v));
    return array;
}

} // namespace

std::vector<double> sweepMultipliers(double from, double to, int points)
{
    std::vector<double> result;
    if (points < 1 || !(from > 0) || !(to > 0) || !std::isfinite(from) || !std::isfinite(to))
        return result;
    if (points == 1)
        return {from};
    const double logFrom = std::log10(from);
    const double step = (std::log10(to) - logFrom) / (points - 1);
    result.reserve(std::size_t(points));
    for (int i = 0; i < points; ++i)
        result.push_back(std::pow(10.0, logFrom + step * i));
    result.front() = from; // exact end points despite rounding
    result.back() = to;
    return result;
}

double worstEntryP99Ms(const CandidateEvaluation &candidate)
{
    double worst = 0;
    for (const EntryResult &entry : candidate.entries)
        worst = std::max(worst, entry.latencyMs.p99);
    return worst;
}

std::vector<CostBreakEven> findCostBreakEvens(const std::vector<double> &multipliers,
                                              const std::vector<LoadSweepCurve> &curves)
{
    std::vector<CostBreakEven> result;
    const std::size_t n = multipliers.size();
    for (std::size_t ia = 0; ia < curves.size(); ++ia) {
        for (std::size_t ib = ia + 1; ib < curves.size(); ++ib) {
            const LoadSweepCurve &a = curves[ia];
            const LoadSweepCurve &b = curves[ib];
            if (!a.valid() || !b.valid() || a.monthlyCostUsd.size() != n
                || b.monthlyCostUsd.size() != n)
                continue;
            for (std::size_t i = 0; i + 1 < n; ++i) {
                CostBreakEven point;
                if (crossingIn(multipliers, a, b, i, point))
                    result.push_back(point);
            }
        }
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const CostBreakEven &x, const CostBreakEven &y) {
                         return x.multiplier < y.multiplier;
                     });
    return result;
}

LoadSweep sweep(const Project &project, const std::vector<double> &multipliers,
                const EvalOptions &options, const VariantRun &run)
{
    LoadSweep result;
    result.multipliers = multipliers;
    result.method = options.method;
    for (const Candidate &candidate : project.candidates) {
        if (!options.candidateId.empty() && candidate.id != options.candidateId)
            continue;
        LoadSweepCurve curve;
        curve.id = candidate.id;
        curve.name = candidate.name;
        result.candidates.push_back(curve);
    }
    auto atMultiplier = [&](std::size_t i, Project &, EvalOptions &at) {
        at.trafficMultiplier = multipliers[i];
        at.computeSeries = false;
        // The simulation's time budget is the sweep's, shared by its points.
        at.simulationMaxSeconds = options.simulationMaxSeconds
            / static_cast<double>(std::max<std::size_t>(1, multipliers.size()));
    };
    auto pointsOf = [&](const Evaluation &evaluation) {
        std::vector<CurvePoint> points;
        for (const LoadSweepCurve &curve : result.candidates)
            points.push_back(curvePoint(evaluation.findCandidate(curve.id)));
        return points;
    };
    const auto evaluated =
        evaluateVariants(project, multipliers.size(), atMultiplier, pointsOf, options, run);
    result.cancelled = evaluated.cancelled;
    for (const auto &points : evaluated.results) {
        if (!points)
            break; // cancelled: the curves end at the last point evaluated in order
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            LoadSweepCurve &curve = result.candidates[c];
            const CurvePoint &point = (*points)[c];
            if (curve.error.empty())
                curve.error = point.error;
            curve.monthlyCostUsd.push_back(point.costUsd);
            curve.p99Ms.push_back(point.p99Ms);
        }
    }
    result.breakEven = findCostBreakEvens(result.multipliers, result.candidates);
    return result;
}

LoadSweep sweep(const Project &project, const std::vector<double> &multipliers,
                const EvalOptions &options, EngineWorkspace &workspace)
{
    VariantRun run;
    run.threads = 1;
    run.callerWorkspace = &workspace;
    return sweep(project, multipliers, options, run);
}

LoadSweep sweep(const Project &project, const std::vector<double> &multipliers,
                const EvalOptions &options)
{
    VariantRun run;
    // The simulation's budget is wall-clock time per point: points run one after another.
    run.threads = options.method == EvalMethod::Simulation ? 1 : 0;
    return sweep(project, multipliers, options, run);
}

OrderedJson sweepToJson(const LoadSweep &sweep)
{
    OrderedJson j = OrderedJson::object();
    j["method"] = toString(sweep.method);
    j["multipliers"] = numbers(sweep.multipliers);
    OrderedJson candidates = OrderedJson::array();
    for (const LoadSweepCurve &curve : sweep.candidates) {
        OrderedJson c = OrderedJson::object();
        c["id"] = curve.id;
        c["name"] = curve.name;
        c["monthlyCostUsd"] = numbers(curve.monthlyCostUsd);
        c["p99Ms"] = numbers(curve.p99Ms);
        if (!curve.valid())
            c["error"] = curve.error;
        candidates.push_back(std::move(c));
    }
    j["candidates"] = std::move(candidates);
    OrderedJson breakEven = OrderedJson::array();
    for (const CostBreakEven &point : sweep.breakEven) {
        OrderedJson b = OrderedJson::object();
        b["a"] = point.a;
        b["b"] = point.b;
        b["multiplier"] = jsonNumber(point.multiplier);
        b["monthlyCostUsd"] = jsonNumber(point.monthlyCostUsd);
        breakEven.push_back(std::move(b));
    }
    j["breakEven"] = std::move(breakEven);
    return j;
}

std::string sweepToJsonText(const LoadSweep &sweep)
{
    return formatCanonicalJson(sweepToJson(sweep));
}

std::string sweepCsv(const LoadSweep &sweep)
{
    CsvWriter csv;
    for (const char *header :
         {"candidate", "name", "multiplier", "monthlyCostUsd", "p99Ms", "method"})
        csv.text(header);
    csv.endRow();
    for (const LoadSweepCurve &curve : sweep.candidates) {
        for (std::size_t i = 0; i < sweep.multipliers.size(); ++i) {
            const double cost = i < curve.monthlyCostUsd.size() ? curve.monthlyCostUsd[i] : NAN;
            const double p99 = i < curve.p99Ms.size() ? curve.p99Ms[i] : NAN;
            csv.text(curve.id).text(curve.name).number(sweep.multipliers[i]).number(cost)
                .number(p99).text(toString(sweep.method)).endRow();
        }
    }
    return csv.take();
}

} // namespace skyline
