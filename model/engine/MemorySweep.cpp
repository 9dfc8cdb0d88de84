#include "engine/MemorySweep.h"

#include "domain/FunctionMemory.h"
#include "engine/EngineWorkspace.h"
#include "engine/EvaluationJson.h"
#include "engine/Sweep.h"
#include "engine/VariantEvaluation.h"
#include "io/Csv.h"

#include <algorithm>
#include <cmath>

namespace skyline {

const std::vector<double> &memorySweepSizesMb()
{
    static const std::vector<double> sizes = {128,  256,  512,  1024, 1536, 1769,
                                              2048, 3008, 4096, 6144, 8192, 10240};
    return sizes;
}

MemorySweepTarget findMemorySweepTarget(const Project &project, const std::string &nodeId,
                                        const std::string &candidateId)
{
    MemorySweepTarget target;
    if (!candidateId.empty()) {
        target.candidate = project.findCandidate(candidateId);
        if (!target.candidate) {
            target.error = "no candidate with id '" + candidateId + "'";
            return target;
        }
        target.node = target.candidate->findNode(nodeId);
    } else {
        for (const Candidate &candidate : project.candidates)
            if (const Node *node = candidate.findNode(nodeId)) {
                target.candidate = &candidate;
                target.node = node;
                break;
            }
    }
    if (!target.node) {
        target.error = "no node with id '" + nodeId + "'" +
                       (candidateId.empty() ? std::string(" in any candidate")
                                            : " in candidate '" + candidateId + "'");
        return target;
    }
    if (target.node->kind != NodeKind::Function)
        target.error = "node '" + nodeId + "' (" + target.node->name + ") is a " +
                       toString(target.node->kind) + ", not a function";
    return target;
}

namespace {

/// The project with only the candidate's function changed: memory `memoryMb`, the memory its
/// run time is stated at written out (a node built in code may leave it implicit).
void setFunctionMemory(Project &project, const std::string &candidateId,
                       const std::string &nodeId, double statedMb, double memoryMb)
{
    Node *node = project.findCandidate(candidateId)->findNode(nodeId);
    node->params[runTimeAtMemoryKey] = statedMb;
    node->params["memoryMb"] = memoryMb;
}

MemorySweepPoint pointFrom(const CandidateEvaluation &c, const Node &function, double memoryMb,
                           double monthFactor)
{
    MemorySweepPoint point;
    point.memoryMb = memoryMb;
    point.vcpu = lambdaVcpuShare(memoryMb);
    point.runTimeMs = functionRunTimesMs(function).run;
    point.monthlyCostUsd = c.monthlyCostUsd;
    point.p99Ms = worstEntryP99Ms(c);
    for (const NodeResult &r : c.nodes)
        if (r.id == function.id) {
            const double requestsPerMonth = r.avgRps * 86400.0 * monthFactor;
            point.functionCostPerMillionUsd =
                requestsPerMonth > 0 ? r.monthlyCostUsd / requestsPerMonth * 1e6 : NAN;
            point.functionP99Ms = r.latencyMs.p99;
        }
    return point;
}

} // namespace

namespace {
/// a is below b by more than rounding: figures equal in exact arithmetic (a CPU-bound
/// function's GB-seconds at 128 and 256 MB) tie, and the smaller memory, met first, stays.
/// Any finite figure is below +inf (a p99 that fails); +inf is below nothing.
bool clearlyBelow(double a, double b)
{
    if (!std::isfinite(b))
        return std::isfinite(a) && b > 0;
    return a < b - 1e-9 * std::abs(b);
}

/// A size that can be recommended: it gets requests (a finite cost) and serves them (its p99
/// does not fail: at most 1 % of its requests fail). A throttling size costs less per
/// million requests only because the requests it refuses are not billed.
bool serves(const MemorySweepPoint &point)
{
    return std::isfinite(point.functionCostPerMillionUsd) && std::isfinite(point.functionP99Ms);
}
} // namespace

bool MemorySweep::everySizeFails() const
{
    bool anyRequests = false;
    for (const MemorySweepPoint &point : points) {
        if (serves(point))
            return false;
        anyRequests = anyRequests || std::isfinite(point.functionCostPerMillionUsd);
    }
    return anyRequests;
}

void markCheapestAndBalanced(MemorySweep &sweep)
{
    sweep.cheapest = sweep.balanced = -1;
    const std::vector<MemorySweepPoint> &points = sweep.points;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double cost = points[i].functionCostPerMillionUsd;
        if (serves(points[i])
            && (sweep.cheapest < 0
                || clearlyBelow(cost, points[std::size_t(sweep.cheapest)].functionCostPerMillionUsd)))
            sweep.cheapest = int(i);
    }
    if (sweep.cheapest < 0)
        return;
    const double limit = points[std::size_t(sweep.cheapest)].functionCostPerMillionUsd
                         * (1.0 + balancedCostTolerance);
    sweep.balanced = sweep.cheapest;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const MemorySweepPoint &p = points[i];
        if (serves(p) && p.functionCostPerMillionUsd <= limit
            && clearlyBelow(p.functionP99Ms, points[std::size_t(sweep.balanced)].functionP99Ms))
            sweep.balanced = int(i);
    }
}

MemorySweep memorySweep(const Project &project, const std::string &nodeId,
                        const std::string &candidateId, const std::vector<double> &sizesMb,
                        const EvalOptions &options, const VariantRun &run)
{
    MemorySweep sweep;
    sweep.method = options.method;
    sweep.trafficMultiplier = options.trafficMultiplier;
    const MemorySweepTarget target = findMemorySweepTarget(project, nodeId, candidateId);
    if (!target.error.empty()) {
        sweep.error = target.error;
        return sweep;
    }
    sweep.candidateId = target.candidate->id;
    sweep.candidateName = target.candidate->name;
    sweep.nodeId = target.node->id;
    sweep.nodeName = target.node->name;
    sweep.memoryMb = target.node->number("memoryMb");
    sweep.statedMemoryMb = statedMemoryMb(*target.node);
    sweep.cpuBoundShare = target.node->number("cpuBoundShare");
    const double monthFactor = std::max(0.0, project.pricing.hoursPerMonth) / 24.0;

    EvalOptions at = options;
    at.candidateId = sweep.candidateId;
    at.computeSeries = false;
    // The simulation's time budget is the sweep's, shared by its sizes.
    at.simulationMaxSeconds =
        options.simulationMaxSeconds / double(std::max<std::size_t>(1, sizesMb.size()));
    auto apply = [&](std::size_t i, Project &variant, EvalOptions &) {
        setFunctionMemory(variant, sweep.candidateId, sweep.nodeId, sweep.statedMemoryMb,
                          sizesMb[i]);
    };
    // Each size reduced to its point (or the candidate's error) on the thread that evaluated it.
    struct Outcome
    {
        MemorySweepPoint point;
        std::string error;
    };
    std::vector<Outcome> outcomes(sizesMb.size());
    const Node &function = *target.node;
    auto keep = [&](std::size_t i, Evaluation &&evaluation) {
        Outcome &out = outcomes[i];
        const CandidateEvaluation *c = evaluation.findCandidate(sweep.candidateId);
        if (!c || !c->errors.empty()) {
            out.error = "candidate '" + sweep.candidateId + "' cannot be evaluated"
                        + (c ? ": " + c->errors.front().message : std::string());
            return;
        }
        Node sized = function; // the function as variant i has it
        sized.params[runTimeAtMemoryKey] = sweep.statedMemoryMb;
        sized.params["memoryMb"] = sizesMb[i];
        out.point = pointFrom(*c, sized, sizesMb[i], monthFactor);
    };
    if (!evaluateVariants(sizesMb.size(), at, copiesOf(project, apply), keep, run)) {
        sweep.error = "cancelled";
        return sweep;
    }
    for (const Outcome &outcome : outcomes) {
        if (!outcome.error.empty()) {
            sweep.error = outcome.error;
            sweep.points.clear();
            return sweep;
        }
        sweep.points.push_back(outcome.point);
    }
    markCheapestAndBalanced(sweep);
    return sweep;
}

MemorySweep memorySweep(const Project &project, const std::string &nodeId,
                        const std::string &candidateId, const EvalOptions &options)
{
    return memorySweep(project, nodeId, candidateId, memorySweepSizesMb(), options, VariantRun{});
}

namespace {

/// A size's numbers, as the JSON and the CSV name them.
constexpr NumberField<MemorySweepPoint> sizeNumbers[] = {
    {"memoryMb", &MemorySweepPoint::memoryMb},
    {"vcpu", &MemorySweepPoint::vcpu},
    {"runTimeMs", &MemorySweepPoint::runTimeMs},
    {"functionCostPerMillionUsd", &MemorySweepPoint::functionCostPerMillionUsd},
    {"functionP99Ms", &MemorySweepPoint::functionP99Ms},
    {"monthlyCostUsd", &MemorySweepPoint::monthlyCostUsd},
    {"p99Ms", &MemorySweepPoint::p99Ms},
};

OrderedJson markedMemory(const MemorySweep &sweep, int index)
{
    return index < 0 ? OrderedJson() : jsonNumber(sweep.points[std::size_t(index)].memoryMb);
}

std::string markOf(const MemorySweep &sweep, std::size_t i)
{
    const bool cheapest = sweep.cheapest == int(i);
    const bool balanced = sweep.balanced == int(i);
    return cheapest && balanced ? "cheapest balanced"
         : cheapest             ? "cheapest"
         : balanced             ? "balanced"
                                : "";
}

} // namespace

OrderedJson memorySweepToJson(const MemorySweep &sweep)
{
    OrderedJson out;
    out["method"] = toString(sweep.method);
    out["trafficMultiplier"] = jsonNumber(sweep.trafficMultiplier);
    out["candidate"] = {{"id", sweep.candidateId}, {"name", sweep.candidateName}};
    OrderedJson node;
    node["id"] = sweep.nodeId;
    node["name"] = sweep.nodeName;
    node["memoryMb"] = jsonNumber(sweep.memoryMb);
    node["runTimeAtMemoryMb"] = jsonNumber(sweep.statedMemoryMb);
    node["cpuBoundShare"] = jsonNumber(sweep.cpuBoundShare);
    out["node"] = std::move(node);
    OrderedJson sizes = OrderedJson::array();
    for (const MemorySweepPoint &p : sweep.points) {
        OrderedJson size;
        addNumberFields(size, p, sizeNumbers);
        sizes.push_back(std::move(size));
    }
    out["sizes"] = std::move(sizes);
    out["cheapestMemoryMb"] = markedMemory(sweep, sweep.cheapest);
    out["balancedMemoryMb"] = markedMemory(sweep, sweep.balanced);
    return out;
}

std::string memorySweepToJsonText(const MemorySweep &sweep)
{
    return formatCanonicalJson(memorySweepToJson(sweep));
}

std::string memorySweepCsv(const MemorySweep &sweep)
{
    CsvWriter csv;
    for (const NumberField<MemorySweepPoint> &field : sizeNumbers)
        csv.text(field.name);
    csv.text("mark").text("method").endRow();
    for (std::size_t i = 0; i < sweep.points.size(); ++i) {
        for (const NumberField<MemorySweepPoint> &field : sizeNumbers)
            csv.number(sweep.points[i].*field.value);
        csv.text(markOf(sweep, i)).text(toString(sweep.method)).endRow();
    }
    return csv.take();
}

} // namespace skyline
