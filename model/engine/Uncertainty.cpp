#include "engine/Uncertainty.h"

#include "engine/EvaluationJson.h"
#include "engine/ParamSlots.h"
#include "engine/SeededRandom.h"
#include "engine/Sweep.h"
#include "engine/VariantEvaluation.h"
#include "io/Csv.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyline {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

/// A seed per parameter that depends on its place in the file, not on its position among the
/// ranged ones, so adding a range elsewhere leaves this parameter's draws alone.
std::uint64_t slotSeed(std::uint64_t seed, const std::string &pointer)
{
    std::uint64_t h = 1469598103934665603ull; // FNV-1a
    for (unsigned char ch : pointer)
        h = (h ^ ch) * 1099511628211ull;
    return seed ^ (h * 0x9E3779B97F4A7C15ull);
}

/// What one sample gives per candidate.
struct SampleFigures
{
    std::vector<double> costUsd;
    std::vector<double> p99Ms;
    std::vector<double> peakInstances;
    std::vector<std::string> errors;
};

SampleFigures figuresOf(const Evaluation &evaluation)
{
    SampleFigures f;
    for (const CandidateEvaluation &c : evaluation.candidates) {
        const bool ok = c.errors.empty();
        f.costUsd.push_back(ok ? c.monthlyCostUsd : NAN);
        const double p99 = ok ? worstEntryP99Ms(c) : NAN;
        f.p99Ms.push_back(ok && !std::isfinite(p99) ? infinity : p99); // failures: infinitely slow
        f.peakInstances.push_back(ok ? peakInstances(c) : NAN);
        f.errors.push_back(ok ? std::string() : c.errors.front().message);
    }
    return f;
}

EvalOptions sampleOptions(const UncertaintyOptions &options)
{
    EvalOptions eval;
    eval.method = EvalMethod::Analytic;
    eval.seed = options.seed;
    eval.trafficMultiplier = options.trafficMultiplier;
    eval.computeSeries = false;
    return eval;
}

/// Adds to `shares` the candidates with the smallest value of `values` (NaN: not eligible),
/// ties splitting one sample equally.
void creditSmallest(const std::vector<double> &values, std::vector<double> &shares)
{
    double best = NAN;
    for (double v : values)
        if (!std::isnan(v) && (std::isnan(best) || v < best))
            best = v;
    if (std::isnan(best))
        return;
    const auto winners = std::count(values.begin(), values.end(), best);
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == best)
            shares[i] += 1.0 / double(winners);
}

Spread spreadOf(std::vector<double> values)
{
    return {quantile(values, 0.1), quantile(values, 0.5), quantile(values, 0.9)};
}

OrderedJson spreadJson(const Spread &s)
{
    OrderedJson j = OrderedJson::object();
    j["p10"] = jsonNumber(s.p10);
    j["p50"] = jsonNumber(s.p50);
    j["p90"] = jsonNumber(s.p90);
    return j;
}

} // namespace

std::vector<double> latinHypercubeColumn(int samples, std::uint64_t seed)
{
    const std::size_t n = std::size_t(std::max(0, samples));
    std::vector<std::size_t> strata(n);
    for (std::size_t i = 0; i < n; ++i)
        strata[i] = i;
    SeededRandom random(seed);
    for (std::size_t i = n; i > 1; --i) // Fisher-Yates
        std::swap(strata[i - 1], strata[random.below(i)]);
    std::vector<double> column(n);
    for (std::size_t i = 0; i < n; ++i)
        column[i] = (double(strata[i]) + random.uniform()) / double(n);
    return column;
}

double triangularQuantile(double low, double mode, double high, double u)
{
    if (!(high > low))
        return mode;
    const double width = high - low;
    const double atMode = (mode - low) / width;
    if (u < atMode)
        return low + std::sqrt(u * width * (mode - low));
    return high - std::sqrt((1.0 - u) * width * (high - mode));
}

double quantile(std::vector<double> &values, double p)
{
    if (values.empty())
        return NAN;
    std::sort(values.begin(), values.end());
    const double at = std::clamp(p, 0.0, 1.0) * double(values.size() - 1);
    const std::size_t below = std::size_t(std::floor(at));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double a = values[below];
    const double b = values[above];
    if (a == b || std::isinf(b)) // an infinite neighbour (failures) is not interpolated
        return at == double(below) ? a : b;
    return a + (at - double(below)) * (b - a);
}

UncertaintyResult analyzeUncertainty(const Project &project, const UncertaintyOptions &options)
{
    UncertaintyResult result;
    result.samples = std::clamp(options.samples, 1, maxUncertaintySamples);
    result.seed = options.seed;
    result.trafficMultiplier = options.trafficMultiplier;
    const std::size_t n = std::size_t(result.samples);
    const EvalOptions eval = sampleOptions(options);

    std::vector<ParamSlot> ranged;
    for (ParamSlot &slot : numericSlots(project))
        if (slot.range && slot.range->high > slot.range->low)
            ranged.push_back(std::move(slot));
    result.rangedParameters = ranged.size();

    std::vector<SampleFigures> samples(n);
    if (ranged.empty()) {
        // Nothing varies: every sample is the evaluation.
        const SampleFigures figures = figuresOf(evaluate(project, eval));
        std::fill(samples.begin(), samples.end(), figures);
        if (options.progress)
            options.progress(n, n);
    } else {
        std::vector<std::vector<double>> columns;
        for (const ParamSlot &slot : ranged)
            columns.push_back(latinHypercubeColumn(result.samples,
                                                   slotSeed(options.seed, slot.pointer)));
        auto draw = [&](std::size_t i, Project &drawn, EvalOptions &) {
            for (std::size_t j = 0; j < ranged.size(); ++j) {
                const ParamSlot &slot = ranged[j];
                setSlotValue(drawn, slot,
                             triangularQuantile(slot.range->low, slot.value, slot.range->high,
                                                columns[j][i]));
            }
        };
        auto evaluated = evaluateVariants(
            project, n, draw, [](const Evaluation &e) { return figuresOf(e); }, eval,
            {options.threads, options.progress, options.cancel});
        result.cancelled = evaluated.cancelled;
        for (std::size_t i = 0; i < n; ++i)
            if (evaluated.results[i])
                samples[i] = std::move(*evaluated.results[i]);
    }

    const std::size_t candidates = project.candidates.size();
    std::vector<double> cheapest(candidates, 0.0);
    std::vector<double> fastest(candidates, 0.0);
    std::size_t complete = 0;
    for (const SampleFigures &s : samples) {
        if (s.costUsd.size() != candidates)
            continue; // cancelled before this sample
        ++complete;
        creditSmallest(s.costUsd, cheapest);
        creditSmallest(s.p99Ms, fastest);
    }
    for (std::size_t c = 0; c < candidates; ++c) {
        CandidateUncertainty out;
        out.id = project.candidates[c].id;
        out.name = project.candidates[c].name;
        std::vector<double> cost;
        std::vector<double> p99;
        std::vector<double> peak;
        for (const SampleFigures &s : samples) {
            if (s.costUsd.size() != candidates)
                continue;
            if (!s.errors[c].empty()) {
                if (out.error.empty())
                    out.error = s.errors[c];
                continue;
            }
            cost.push_back(s.costUsd[c]);
            p99.push_back(s.p99Ms[c]);
            peak.push_back(s.peakInstances[c]);
        }
        out.monthlyCostUsd = spreadOf(cost);
        out.p99Ms = spreadOf(p99);
        out.peakInstances = spreadOf(peak);
        out.probabilityCheapest = complete ? cheapest[c] / double(complete) : NAN;
        out.probabilityFastest = complete ? fastest[c] / double(complete) : NAN;
        result.candidates.push_back(std::move(out));
    }
    return result;
}

OrderedJson uncertaintyToJson(const UncertaintyResult &result)
{
    OrderedJson j = OrderedJson::object();
    j["samples"] = result.samples;
    j["seed"] = result.seed;
    j["trafficMultiplier"] = jsonNumber(result.trafficMultiplier);
    OrderedJson candidates = OrderedJson::array();
    for (const CandidateUncertainty &c : result.candidates) {
        OrderedJson o = OrderedJson::object();
        o["id"] = c.id;
        o["name"] = c.name;
        o["monthlyCostUsd"] = spreadJson(c.monthlyCostUsd);
        o["p99Ms"] = spreadJson(c.p99Ms);
        o["peakInstances"] = spreadJson(c.peakInstances);
        o["probabilityCheapest"] = jsonNumber(c.probabilityCheapest);
        o["probabilityFastest"] = jsonNumber(c.probabilityFastest);
        if (!c.error.empty())
            o["error"] = c.error;
        candidates.push_back(std::move(o));
    }
    j["candidates"] = std::move(candidates);
    return j;
}

std::string uncertaintyToJsonText(const UncertaintyResult &result)
{
    return formatCanonicalJson(uncertaintyToJson(result));
}

std::string uncertaintyCsv(const UncertaintyResult &result)
{
    CsvWriter csv;
    csv.text("candidate").text("name");
    for (const char *figure : {"monthlyCostUsd", "p99Ms", "peakInstances"})
        for (const char *p : {"P10", "P50", "P90"})
            csv.text(std::string(figure) + p);
    csv.text("probabilityCheapest").text("probabilityFastest").endRow();
    for (const CandidateUncertainty &c : result.candidates) {
        csv.text(c.id).text(c.name);
        for (const Spread *s : {&c.monthlyCostUsd, &c.p99Ms, &c.peakInstances})
            csv.number(s->p10).number(s->p50).number(s->p90);
        csv.number(c.probabilityCheapest).number(c.probabilityFastest).endRow();
    }
    return csv.take();
}

} // namespace skyline
