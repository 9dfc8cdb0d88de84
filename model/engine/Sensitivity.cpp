#include "engine/Sensitivity.h"

#include "engine/EngineWorkspace.h"
#include "engine/EvaluationJson.h"
#include "engine/KeptFigures.h"
#include "engine/ParamSlots.h"
#include "engine/Sweep.h"
#include "engine/VariantEvaluation.h"
#include "io/Csv.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace skyline {
namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

struct Figures
{
    double costUsd = NAN; ///< NaN: the evaluation failed
    double p99Ms = NAN;
};

/// A part of a candidate evaluated on its own: a weakly connected group of its nodes when the
/// candidate's figures are the sums and maxima of its groups' (checked on the base point),
/// else the whole candidate. One parameter touches one group, so 200 nodes in 20 groups cost
/// a 10-node evaluation per end instead of a 200-node one.
struct Unit
{
    std::size_t candidate = 0;
    Project project;                 ///< pricing, every workload, one (partial) candidate
    std::vector<std::size_t> nodeAt; ///< candidate's node index -> index in the unit, or none
    std::vector<std::size_t> edgeAt;
    std::set<std::string> workloads; ///< ids of the workloads its clients use
    Figures base;
};

EvalOptions analyticOptions(const SensitivityOptions &options)
{
    EvalOptions eval;
    eval.method = EvalMethod::Analytic;
    eval.seed = options.seed;
    eval.trafficMultiplier = options.trafficMultiplier;
    eval.computeSeries = false;
    return eval;
}

Figures figuresOf(const Evaluation &evaluation)
{
    if (evaluation.candidates.empty() || !evaluation.candidates.front().errors.empty())
        return {};
    const CandidateEvaluation &c = evaluation.candidates.front();
    return {c.monthlyCostUsd, worstEntryP99Ms(c)};
}

/// Groups of node indices joined by edges, in order of their first node.
std::vector<std::vector<std::size_t>> nodeGroups(const Candidate &candidate)
{
    std::vector<std::size_t> parent(candidate.nodes.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    std::map<std::string, std::size_t> indexOf;
    for (std::size_t i = 0; i < candidate.nodes.size(); ++i)
        indexOf[candidate.nodes[i].id] = i;
    for (const Edge &edge : candidate.edges) {
        auto from = indexOf.find(edge.from);
        auto to = indexOf.find(edge.to);
        if (from != indexOf.end() && to != indexOf.end())
            parent[root(from->second)] = root(to->second);
    }
    std::map<std::size_t, std::size_t> groupOfRoot;
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < candidate.nodes.size(); ++i) {
        auto [it, added] = groupOfRoot.emplace(root(i), groups.size());
        if (added)
            groups.emplace_back();
        groups[it->second].push_back(i);
    }
    return groups;
}

Unit makeUnit(const Project &project, std::size_t c, const std::vector<std::size_t> &nodes)
{
    const Candidate &candidate = project.candidates[c];
    Unit unit;
    unit.candidate = c;
    unit.project.pricing = project.pricing;
    unit.project.workloads = project.workloads;
    Candidate part;
    part.id = candidate.id;
    part.name = candidate.name;
    part.contexts = candidate.contexts;
    unit.nodeAt.assign(candidate.nodes.size(), none);
    unit.edgeAt.assign(candidate.edges.size(), none);
    std::set<std::string> ids;
    for (std::size_t n : nodes) {
        unit.nodeAt[n] = part.nodes.size();
        part.nodes.push_back(candidate.nodes[n]);
        ids.insert(candidate.nodes[n].id);
        if (candidate.nodes[n].kind == NodeKind::Client)
            unit.workloads.insert(candidate.nodes[n].workload);
    }
    for (std::size_t e = 0; e < candidate.edges.size(); ++e) {
        if (!ids.count(candidate.edges[e].from) && !ids.count(candidate.edges[e].to))
            continue;
        unit.edgeAt[e] = part.edges.size();
        part.edges.push_back(candidate.edges[e]);
    }
    unit.project.candidates.push_back(std::move(part));
    return unit;
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

/// The units of candidate c: its node groups when they add up to its evaluation, else itself.
std::vector<Unit> unitsOf(const Project &project, std::size_t c, const CandidateEvaluation &base,
                          const EvalOptions &eval, EngineWorkspace &workspace)
{
    const std::vector<std::vector<std::size_t>> groups = nodeGroups(project.candidates[c]);
    std::vector<std::size_t> all(project.candidates[c].nodes.size());
    std::iota(all.begin(), all.end(), 0);
    auto whole = [&] {
        std::vector<Unit> one;
        one.push_back(makeUnit(project, c, all));
        one.back().base = {base.monthlyCostUsd, worstEntryP99Ms(base)};
        return one;
    };
    // Free-tier allowances and fees per candidate are not sums over groups.
    const bool candidateWideCost =
        project.pricing.freeTier
        || std::any_of(base.cost.begin(), base.cost.end(),
                       [](const CostLine &line) { return line.node.empty(); });
    if (groups.size() < 2 || candidateWideCost || !base.errors.empty())
        return whole();
    std::vector<Unit> units;
    double costSum = 0;
    double p99Max = 0;
    for (const std::vector<std::size_t> &group : groups) {
        units.push_back(makeUnit(project, c, group));
        units.back().base = figuresOf(evaluate(units.back().project, eval, workspace));
        costSum += units.back().base.costUsd;
        p99Max = std::max(p99Max, units.back().base.p99Ms);
    }
    if (!close(costSum, base.monthlyCostUsd) || !close(p99Max, worstEntryP99Ms(base)))
        return whole();
    return units;
}

/// The slot as it is in the unit (candidate 0, the unit's indices), or nullopt when the unit
/// does not hold it.
std::optional<ParamSlot> slotInUnit(const ParamSlot &slot, const Unit &unit)
{
    ParamSlot in = slot;
    switch (slot.owner) {
    case SlotOwner::Workload:
        if (!unit.workloads.count(unit.project.workloads[slot.index].id))
            return std::nullopt;
        return in;
    case SlotOwner::Node:
        if (slot.candidate != unit.candidate || unit.nodeAt[slot.index] == none)
            return std::nullopt;
        in.index = unit.nodeAt[slot.index];
        break;
    case SlotOwner::Edge:
        if (slot.candidate != unit.candidate || unit.edgeAt[slot.index] == none)
            return std::nullopt;
        in.index = unit.edgeAt[slot.index];
        break;
    }
    in.candidate = 0;
    return in;
}

/// One evaluation: a unit with one parameter at one end.
struct Job
{
    std::size_t slot = 0;
    int end = 0; ///< 0 low, 1 high
    std::size_t unit = 0;
    ParamSlot inUnit;
    double value = 0;
    Figures figures;
};

/// The cheapest valid candidate's index (first on a tie), or none.
std::size_t cheapestOf(const std::vector<double> &costs)
{
    std::size_t best = none;
    for (std::size_t i = 0; i < costs.size(); ++i)
        if (!std::isnan(costs[i]) && (best == none || costs[i] < costs[best]))
            best = i;
    return best;
}

/// A parameter's numbers, as the JSON and the CSV name them.
constexpr NumberField<SensitivityParameter> parameterNumbers[] = {
    {"low", &SensitivityParameter::low},
    {"high", &SensitivityParameter::high},
    {"costAtLow", &SensitivityParameter::costAtLow},
    {"costAtHigh", &SensitivityParameter::costAtHigh},
    {"p99AtLow", &SensitivityParameter::p99AtLow},
    {"p99AtHigh", &SensitivityParameter::p99AtHigh},
};

bool costsTie(const std::vector<double> &costs, std::size_t a, std::size_t b)
{
    return a != none && b != none && costs[a] == costs[b];
}

} // namespace

double SensitivityParameter::costSwingUsd() const
{
    return std::abs(costAtHigh - costAtLow);
}

SensitivityResult analyzeSensitivity(const Project &project, const SensitivityOptions &options)
{
    SensitivityResult result;
    result.trafficMultiplier = options.trafficMultiplier;
    const EvalOptions eval = analyticOptions(options);
    // The base evaluation keeps its function days, service days and entry latencies, so that
    // each variant recomputes only what its parameter reaches (KeptFigures.h: the same figures
    // to the last bit; per node since KeptCandidate: on the 200-node model about a quarter of
    // the CPU time before it).
    KeptFigures kept;
    kept.method = eval.method;
    kept.computeSeries = eval.computeSeries;
    EngineWorkspace workspace;
    workspace.record = &kept;
    const Evaluation base = evaluate(project, eval, workspace);
    workspace.record = nullptr;
    workspace.reuse = &kept;
    const std::size_t candidates = project.candidates.size();
    std::vector<double> baseCost(candidates, NAN);
    std::vector<double> baseP99(candidates, NAN);
    for (std::size_t c = 0; c < candidates; ++c) {
        const CandidateEvaluation &e = base.candidates[c];
        if (e.errors.empty()) {
            baseCost[c] = e.monthlyCostUsd;
            baseP99[c] = worstEntryP99Ms(e);
        }
    }
    const std::size_t baseCheapest = cheapestOf(baseCost);
    if (baseCheapest != none)
        result.cheapestId = project.candidates[baseCheapest].id;

    std::vector<Unit> units;
    for (std::size_t c = 0; c < candidates; ++c)
        for (Unit &unit : unitsOf(project, c, base.candidates[c], eval, workspace))
            units.push_back(std::move(unit));

    // The parameters: those of every listed candidate, workloads once.
    std::vector<ParamSlot> slots;
    std::map<std::string, std::size_t> seen; // pointer -> index in slots
    std::vector<std::size_t> listed;
    for (std::size_t c = 0; c < candidates; ++c) {
        if (!options.candidateId.empty() && project.candidates[c].id != options.candidateId)
            continue;
        listed.push_back(c);
        for (ParamSlot &slot : slotsAffecting(project, c))
            if (seen.emplace(slot.pointer, slots.size()).second)
                slots.push_back(std::move(slot));
    }
    std::vector<ParamRange> ends;
    std::vector<Job> jobs;
    for (std::size_t s = 0; s < slots.size(); ++s) {
        ends.push_back(lowHighOf(slots[s]));
        for (int end = 0; end < 2; ++end) {
            const double value = end == 0 ? ends[s].low : ends[s].high;
            if (value == slots[s].value)
                continue; // that end is the base point
            for (std::size_t u = 0; u < units.size(); ++u)
                if (std::optional<ParamSlot> in = slotInUnit(slots[s], units[u]))
                    jobs.push_back({s, end, u, *in, value, {}});
        }
    }
    auto changedUnit = [&](std::size_t j, EvalOptions &) {
        Project changed = units[jobs[j].unit].project;
        setSlotValue(changed, jobs[j].inUnit, jobs[j].value);
        return changed;
    };
    auto keepFigures = [&](std::size_t j, Evaluation &&e) { jobs[j].figures = figuresOf(e); };
    EvalOptions variantEval = eval; // a variant's cost and worst p99 are all it is read for
    variantEval.costAndLatencyOnly = true;
    result.cancelled = !evaluateVariants(jobs.size(), variantEval, changedUnit, keepFigures,
                                         {options.threads, options.progress, options.cancel,
                                          &workspace, &kept});

    // Per parameter and end: every candidate's cost and worst p99.
    std::vector<std::array<std::vector<double>, 2>> cost(slots.size());
    std::vector<std::array<std::vector<double>, 2>> p99(slots.size());
    for (std::size_t s = 0; s < slots.size(); ++s)
        for (int end = 0; end < 2; ++end) {
            cost[s][end] = baseCost;
            p99[s][end] = baseP99;
        }
    // p99 of a candidate is the largest of its units': start from the unchanged units.
    std::vector<std::map<std::size_t, Figures>> changedUnits(slots.size() * 2);
    for (const Job &job : jobs)
        changedUnits[job.slot * 2 + std::size_t(job.end)][job.unit] = job.figures;
    for (std::size_t s = 0; s < slots.size(); ++s) {
        for (int end = 0; end < 2; ++end) {
            const auto &changed = changedUnits[s * 2 + std::size_t(end)];
            if (changed.empty())
                continue;
            std::vector<double> unitP99(candidates, 0.0);
            for (std::size_t u = 0; u < units.size(); ++u) {
                const std::size_t c = units[u].candidate;
                auto it = changed.find(u);
                const Figures f = it == changed.end() ? units[u].base : it->second;
                unitP99[c] = std::max(unitP99[c], f.p99Ms); // NaN stays out of std::max's left
                if (std::isnan(f.p99Ms))
                    unitP99[c] = NAN;
                if (it != changed.end())
                    cost[s][end][c] += f.costUsd - units[u].base.costUsd;
            }
            for (std::size_t c = 0; c < candidates; ++c) {
                bool touched = false;
                for (const auto &[u, f] : changed)
                    touched = touched || units[u].candidate == c;
                if (touched)
                    p99[s][end][c] = unitP99[c];
            }
        }
    }

    for (std::size_t c : listed) {
        CandidateSensitivity out;
        out.id = project.candidates[c].id;
        out.name = project.candidates[c].name;
        out.monthlyCostUsd = baseCost[c];
        out.p99Ms = baseP99[c];
        if (!base.candidates[c].errors.empty()) {
            out.error = base.candidates[c].errors.front().message;
            result.candidates.push_back(std::move(out));
            continue;
        }
        for (const ParamSlot &slot : slotsAffecting(project, c)) {
            const std::size_t s = seen.at(slot.pointer);
            SensitivityParameter p;
            p.pointer = slot.pointer;
            p.name = slot.name;
            p.low = ends[s].low;
            p.high = ends[s].high;
            p.costAtLow = cost[s][0][c];
            p.costAtHigh = cost[s][1][c];
            p.p99AtLow = p99[s][0][c];
            p.p99AtHigh = p99[s][1][c];
            for (int end = 0; end < 2; ++end) {
                const std::size_t cheapest = cheapestOf(cost[s][end]);
                if (cheapest != baseCheapest && !costsTie(cost[s][end], cheapest, baseCheapest))
                    p.flipsCheapest = true;
            }
            out.parameters.push_back(std::move(p));
        }
        std::stable_sort(out.parameters.begin(), out.parameters.end(),
                         [](const SensitivityParameter &a, const SensitivityParameter &b) {
                             const double sa = a.costSwingUsd();
                             const double sb = b.costSwingUsd();
                             if (std::isnan(sb))
                                 return !std::isnan(sa);
                             return sa > sb;
                         });
        result.candidates.push_back(std::move(out));
    }
    return result;
}

OrderedJson sensitivityToJson(const SensitivityResult &result)
{
    OrderedJson j = OrderedJson::object();
    j["trafficMultiplier"] = jsonNumber(result.trafficMultiplier);
    OrderedJson candidates = OrderedJson::array();
    for (const CandidateSensitivity &c : result.candidates) {
        OrderedJson o = OrderedJson::object();
        o["id"] = c.id;
        o["name"] = c.name;
        // The figures with every parameter at its value: the tornado's centre line.
        o["monthlyCostUsd"] = jsonNumber(c.monthlyCostUsd);
        o["p99Ms"] = jsonNumber(c.p99Ms);
        OrderedJson parameters = OrderedJson::array();
        for (const SensitivityParameter &p : c.parameters) {
            OrderedJson q = OrderedJson::object();
            q["pointer"] = p.pointer;
            q["name"] = p.name;
            addNumberFields(q, p, parameterNumbers);
            q["flipsCheapest"] = p.flipsCheapest;
            parameters.push_back(std::move(q));
        }
        o["parameters"] = std::move(parameters);
        if (!c.error.empty())
            o["error"] = c.error;
        candidates.push_back(std::move(o));
    }
    j["candidates"] = std::move(candidates);
    return j;
}

std::string sensitivityToJsonText(const SensitivityResult &result)
{
    return formatCanonicalJson(sensitivityToJson(result));
}

std::string sensitivityCsv(const SensitivityResult &result)
{
    CsvWriter csv;
    csv.text("candidate").text("candidateName").text("pointer").text("name");
    for (const NumberField<SensitivityParameter> &field : parameterNumbers)
        csv.text(field.name);
    csv.text("flipsCheapest").endRow();
    for (const CandidateSensitivity &c : result.candidates)
        for (const SensitivityParameter &p : c.parameters) {
            csv.text(c.id).text(c.name).text(p.pointer).text(p.name);
            for (const NumberField<SensitivityParameter> &field : parameterNumbers)
                csv.number(p.*field.value);
            csv.text(p.flipsCheapest ? "true" : "false").endRow();
        }
    return csv.take();
}

} // namespace skyline
