#include "engine/EvaluationJson.h"

#include "io/Csv.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace skyline {
namespace {

OrderedJson percentiles(const Percentiles &p)
{
    OrderedJson j = OrderedJson::object();
    j["p50"] = jsonNumber(p.p50);
    j["p95"] = jsonNumber(p.p95);
    j["p99"] = jsonNumber(p.p99);
    return j;
}

OrderedJson intervalJson(const Interval &interval)
{
    return OrderedJson::array({jsonNumber(interval.lo), jsonNumber(interval.hi)});
}

OrderedJson simulationJson(const SimulationStats &stats)
{
    OrderedJson j = OrderedJson::object();
    j["days"] = stats.days;
    j["requests"] = jsonNumber(stats.requests);
    j["coldStarts"] = jsonNumber(stats.coldStarts);
    j["sampled"] = stats.sampled;
    if (!stats.hasIntervals) // fewer than two days: no spread between days to measure
        return j;
    OrderedJson ci = OrderedJson::object();
    ci["coldStartProbability"] = intervalJson(stats.coldStartProbability);
    ci["avgAlive"] = intervalJson(stats.avgAlive);
    ci["avgBusy"] = intervalJson(stats.avgBusy);
    ci["peak"] = intervalJson(stats.peak);
    j["ci95"] = ci;
    return j;
}

/// Percentiles with their 95 % intervals: {"p50", ..., "ci95": {"p50": [lo, hi], ...}}.
OrderedJson percentilesWithCi(const Percentiles &p, const PercentileIntervals &ci95)
{
    OrderedJson j = percentiles(p);
    OrderedJson intervals = OrderedJson::object();
    intervals["p50"] = OrderedJson::array({jsonNumber(ci95.low.p50), jsonNumber(ci95.high.p50)});
    intervals["p95"] = OrderedJson::array({jsonNumber(ci95.low.p95), jsonNumber(ci95.high.p95)});
    intervals["p99"] = OrderedJson::array({jsonNumber(ci95.low.p99), jsonNumber(ci95.high.p99)});
    j["ci95"] = intervals;
    return j;
}

OrderedJson failedShareJson(const FailedShare &share)
{
    OrderedJson j = OrderedJson::object();
    j["total"] = jsonNumber(share.total);
    j["throttled"] = jsonNumber(share.throttled);
    j["timedOut"] = jsonNumber(share.timedOut);
    return j;
}

OrderedJson nodeJson(const NodeResult &r, EvalMethod method)
{
    OrderedJson j = OrderedJson::object();
    j["id"] = r.id;
    j["kind"] = toString(r.kind);
    j["avgRps"] = jsonNumber(r.avgRps);
    j["peakRps"] = jsonNumber(r.peakRps);
    j["coldStartProbability"] = jsonNumber(r.coldStartProbability);
    j["throttledFraction"] = jsonNumber(r.throttledFraction);
    OrderedJson instances = OrderedJson::object();
    instances["avgBusy"] = jsonNumber(r.instances.avgBusy);
    instances["avgAlive"] = jsonNumber(r.instances.avgAlive);
    instances["peak"] = jsonNumber(r.instances.peak);
    j["instances"] = instances;
    j["utilization"] = jsonNumber(r.utilization);
    j["latencyMs"] = percentiles(r.latencyMs);
    j["failedShare"] = failedShareJson(r.failedShare);
    j["droppedFraction"] = jsonNumber(r.droppedFraction);
    j["monthlyCostUsd"] = jsonNumber(r.monthlyCostUsd);
    if (r.kind == NodeKind::Queue) {
        j["backlogMaxMessages"] = jsonNumber(r.backlogMaxMessages);
        j["backlogMaxAgeS"] = jsonNumber(r.backlogMaxAgeS);
    }
    if (method == EvalMethod::Simulation && r.kind == NodeKind::Function)
        j["simulation"] = simulationJson(r.simulation);
    return j;
}

OrderedJson complexityJson(const Complexity &c)
{
    OrderedJson j = OrderedJson::object();
    j["score"] = jsonNumber(c.score);
    OrderedJson breakdown = OrderedJson::object();
    OrderedJson weights = OrderedJson::object();
    OrderedJson points = OrderedJson::object();
    for (const ComplexityItem &item : c.breakdown) {
        breakdown[item.key] = jsonNumber(item.count);
        weights[item.key] = jsonNumber(item.weight);
        points[item.key] = jsonNumber(item.points);
    }
    j["breakdown"] = breakdown;
    j["weights"] = weights;
    j["points"] = points;
    OrderedJson coupling = OrderedJson::array();
    for (const CouplingMetrics &m : c.coupling)
        coupling.push_back({{"node", m.node}, {"ads", m.ads}, {"ais", m.ais}, {"acs", m.acs}});
    j["coupling"] = coupling;
    j["lockInShare"] = jsonNumber(c.lockInShare);
    return j;
}

OrderedJson candidateJson(const CandidateEvaluation &c, EvalMethod method)
{
    OrderedJson j = OrderedJson::object();
    j["id"] = c.id;
    j["name"] = c.name;
    j["monthlyCostUsd"] = jsonNumber(c.monthlyCostUsd);
    j["monthlyRequests"] = jsonNumber(c.monthlyRequests);
    OrderedJson cost = OrderedJson::array();
    for (const CostLine &line : c.cost) {
        OrderedJson l = OrderedJson::object();
        l["node"] = line.node;
        l["item"] = line.item;
        l["usd"] = jsonNumber(line.usd);
        l["catalogKey"] = line.catalogKey;
        l["source"] = line.source;
        cost.push_back(l);
    }
    j["cost"] = cost;
    OrderedJson nodes = OrderedJson::array();
    for (const NodeResult &r : c.nodes)
        nodes.push_back(nodeJson(r, method));
    j["nodes"] = nodes;
    OrderedJson entries = OrderedJson::array();
    for (const EntryResult &e : c.entries) {
        OrderedJson x = OrderedJson::object();
        x["id"] = e.id;
        x["latencyMs"] = percentilesWithCi(e.latencyMs, e.latencyCi95Ms);
        x["failedShare"] = failedShareJson(e.failedShare);
        x["availability"] = jsonNumber(e.availability);
        x["latencyDayMs"] = percentilesWithCi(e.latencyDayMs, e.latencyDayCi95Ms);
        x["failedShareDay"] = failedShareJson(e.failedShareDay);
        x["asyncCompletionLagMs"] = jsonNumber(e.asyncCompletionLagMs);
        entries.push_back(x);
    }
    j["entries"] = entries;
    j["complexity"] = complexityJson(c.complexity);
    OrderedJson faults = OrderedJson::array();
    for (const FaultResult &f : c.faultIsolation) {
        OrderedJson x = OrderedJson::object();
        x["node"] = f.node;
        x["blastRadius"] = jsonNumber(f.blastRadius);
        x["entriesHit"] = f.entriesHit;
        x["backlogPerOutageMinute"] = jsonNumber(f.backlogPerOutageMinute);
        faults.push_back(x);
    }
    j["faultIsolation"] = faults;
    OrderedJson warnings = OrderedJson::array();
    for (const Warning &w : c.warnings)
        warnings.push_back({{"code", w.code}, {"node", w.node}, {"message", w.message}});
    j["warnings"] = warnings;
    // Errors stay English sentences in the JSON (a script reads the code of a warning; an
    // error stops the candidate whatever it says).
    std::vector<std::string> errors;
    for (const Diagnostic &error : c.errors)
        errors.push_back(error.message);
    j["errors"] = errors;
    if (!c.costProblems.empty())
        j["costProblems"] = c.costProblems;
    return j;
}

/// A candidate object reports failed requests somewhere (a node's or an entry's failedShare).
bool reportsFailures(const OrderedJson &candidate)
{
    for (const char *list : {"nodes", "entries"}) {
        if (!candidate.contains(list) || !candidate[list].is_array())
            continue;
        for (const OrderedJson &item : candidate[list])
            for (const char *key : {"failedShare", "failedShareDay"})
                if (item.contains(key) && item[key].contains("total")
                    && item[key]["total"].is_number() && item[key]["total"].get<double>() > 0)
                    return true;
    }
    return false;
}

/// Figures that are null because requests fail (DESIGN.md §7): a percentile (or a bound of its
/// interval) among failures, and the completion lag of work that fails.
bool mayBeFailure(const std::string &key, bool insideCi)
{
    return insideCi || key == "p50" || key == "p95" || key == "p99"
        || key == "asyncCompletionLagMs";
}

void collectImpossibleFigures(const OrderedJson &j, const std::string &pointer,
                              std::vector<std::string> &out, bool failuresReported = false,
                              const std::string &key = {}, bool insideCi = false)
{
    if (j.is_null() && failuresReported && mayBeFailure(key, insideCi))
        return;
    if (j.is_null() || (j.is_number_float() && !(j.get<double>() >= 0)) ||
        (j.is_number_integer() && !j.is_number_unsigned() && j.get<long long>() < 0)) {
        out.push_back(pointer);
    } else if (j.is_array()) {
        const bool candidates = key == "candidates";
        for (std::size_t i = 0; i < j.size(); ++i)
            collectImpossibleFigures(j[i], pointer + "/" + std::to_string(i), out,
                                     candidates ? reportsFailures(j[i]) : failuresReported, key,
                                     insideCi);
    } else if (j.is_object()) {
        for (const auto &[childKey, value] : j.items())
            collectImpossibleFigures(value, pointer + "/" + childKey, out, failuresReported,
                                     childKey, insideCi || childKey == "ci95");
    }
}

} // namespace

std::vector<std::string> impossibleFigures(const OrderedJson &evaluationJson)
{
    std::vector<std::string> out;
    collectImpossibleFigures(evaluationJson, "", out);
    return out;
}

OrderedJson jsonNumber(double value)
{
    if (!std::isfinite(value))
        return nullptr;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return std::strtod(buffer, nullptr);
}

OrderedJson evaluationToJson(const Evaluation &evaluation)
{
    OrderedJson j = OrderedJson::object();
    j["method"] = toString(evaluation.method);
    j["seed"] = evaluation.seed;
    j["trafficMultiplier"] = jsonNumber(evaluation.trafficMultiplier);
    j["engineVersion"] = evaluation.engineVersion;
    OrderedJson candidates = OrderedJson::array();
    for (const CandidateEvaluation &c : evaluation.candidates)
        candidates.push_back(candidateJson(c, evaluation.method));
    j["candidates"] = candidates;
    return j;
}

std::string evaluationToJsonText(const Evaluation &evaluation)
{
    return formatCanonicalJson(evaluationToJson(evaluation));
}

namespace {

/// Names of a candidate and of its nodes for the CSV name columns (the id when the project
/// does not know it: an evaluation of another revision).
struct CsvNames
{
    const Candidate *candidate = nullptr;

    std::string node(const std::string &nodeId) const
    {
        const Node *node = candidate ? candidate->findNode(nodeId) : nullptr;
        return node ? node->name : nodeId;
    }
};

CsvNames namesOf(const Project &project, const CandidateEvaluation &c)
{
    return CsvNames{project.findCandidate(c.id)};
}

} // namespace

std::string evaluationNodesCsv(const Evaluation &evaluation, const Project &project)
{
    CsvWriter csv;
    for (const char *header :
         {"candidate", "candidateName", "node", "nodeName", "kind", "avgRps", "peakRps", "coldStartProbability",
          "throttledFraction", "droppedFraction", "avgBusy", "avgAlive", "peakInstances",
          "utilization", "p50Ms", "p95Ms", "p99Ms", "monthlyCostUsd", "backlogMaxMessages",
          "backlogMaxAgeS", "failedShare", "throttledShare", "timedOutShare", "method"})
        csv.text(header);
    csv.endRow();
    for (const CandidateEvaluation &c : evaluation.candidates) {
        const CsvNames names = namesOf(project, c);
        for (const NodeResult &r : c.nodes) {
            const double values[] = {r.avgRps, r.peakRps, r.coldStartProbability,
                                     r.throttledFraction, r.droppedFraction,
                                     r.instances.avgBusy, r.instances.avgAlive,
                                     r.instances.peak, r.utilization, r.latencyMs.p50,
                                     r.latencyMs.p95, r.latencyMs.p99, r.monthlyCostUsd,
                                     r.backlogMaxMessages, r.backlogMaxAgeS,
                                     r.failedShare.total, r.failedShare.throttled,
                                     r.failedShare.timedOut};
            csv.text(c.id).text(c.name).text(r.id).text(names.node(r.id)).text(toString(r.kind));
            for (double v : values)
                csv.number(v);
            csv.text(toString(evaluation.method)); // which method made the figures
            csv.endRow();
        }
    }
    return csv.take();
}

void writeEvaluationMinutesCsv(const Evaluation &evaluation, const Project &project,
                               std::ostream &out)
{
    CsvWriter csv;
    for (const char *header : {"candidate", "candidateName", "node", "nodeName", "minute", "rps", "aliveInstances",
                               "busyInstances", "coldStartsPerS"})
        csv.text(header);
    csv.endRow();
    out << csv.take();
    auto at = [](const std::vector<double> &series, std::size_t m) {
        return m < series.size() ? series[m] : NAN; // no figure: an empty field
    };
    for (const CandidateEvaluation &c : evaluation.candidates) {
        const CsvNames names = namesOf(project, c);
        const std::string candidate = csvText(c.id) + ',' + csvText(c.name);
        for (const NodeResult &r : c.nodes) {
            CsvWriter rows;
            const std::string node = csvText(r.id) + ',' + csvText(names.node(r.id));
            for (std::size_t m = 0; m < r.rpsPerMinute.size(); ++m)
                rows.raw(candidate)
                    .raw(node)
                    .number(double(m))
                    .number(at(r.rpsPerMinute, m))
                    .number(at(r.aliveInstancesPerMinute, m))
                    .number(at(r.busyInstancesPerMinute, m))
                    .number(at(r.coldStartsPerMinute, m))
                    .endRow();
            out << rows.take();
        }
    }
}

std::string evaluationMinutesCsv(const Evaluation &evaluation, const Project &project)
{
    std::ostringstream out;
    writeEvaluationMinutesCsv(evaluation, project, out);
    return std::move(out).str();
}

} // namespace skyline
