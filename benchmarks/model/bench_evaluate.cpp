// Times the analytic evaluation of generated models (targets: 200 nodes <= 20 ms on one core,
// 2,000 nodes <= 12x the 200-node time) and prints the figures. Not run by CTest.
// --scale: how the simulation, validation and analytic evaluation grow with the node count
// (issue 12 item 8: simulation linear in functions x requests, validation of 100,000 nodes
// <= 1 s). Peak memory is the process's: measure it with /usr/bin/time -v skyline-cli evaluate
// on a file from --write FILE NODES [distinct].

#include "engine/EngineWorkspace.h"
#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace skyline;

namespace {

/// A candidate of `nodeCount` nodes: clients with diurnal workloads feeding gateways, chains of
/// functions and services calling datastores, and queues feeding consumer functions. Group g
/// peaks at 50 + g req/s (so the traffic grows faster than the node count), or at 50 req/s
/// each when `flatRates` (traffic in proportion to the nodes).
Project generate(int nodeCount, bool flatRates = false)
{
    Project p;
    p.name = "Generated " + std::to_string(nodeCount);
    Candidate c;
    c.id = "c1";
    c.name = "Generated";
    int next = 0;
    auto add = [&](NodeKind kind) -> Node & {
        const std::string id = "n" + std::to_string(++next);
        c.nodes.push_back(makeDefaultNode(kind, id, id, {}));
        return c.nodes.back();
    };
    auto edge = [&](EdgeKind kind, const std::string &from, const std::string &to, double per) {
        Edge e;
        e.id = "e" + std::to_string(c.edges.size() + 1);
        e.kind = kind;
        e.from = from;
        e.to = to;
        e.perRequest = per;
        e.latencyMs = 1;
        c.edges.push_back(e);
    };
    // Each group of 10 nodes: client, gateway, 3 functions, 2 services, datastore, queue, consumer.
    for (int g = 0; next + 10 <= nodeCount; ++g) {
        Workload w = makeDefaultWorkload(g % 2 ? WorkloadShape::Diurnal
                                               : WorkloadShape::BusinessHours,
                                         "w" + std::to_string(g), "W");
        w.params["peakRps"] = flatRates ? 50.0 : 50.0 + g;
        p.workloads.push_back(w);
        Node &client = add(NodeKind::Client);
        client.workload = w.id;
        const std::string cl = client.id;
        const std::string gw = add(NodeKind::Gateway).id;
        const std::string f1 = add(NodeKind::Function).id;
        const std::string f2 = add(NodeKind::Function).id;
        const std::string f3 = add(NodeKind::Function).id;
        const std::string s1 = add(NodeKind::Service).id;
        const std::string s2 = add(NodeKind::Service).id;
        const std::string db = add(NodeKind::Datastore).id;
        const std::string q = add(NodeKind::Queue).id;
        const std::string consumer = add(NodeKind::Function).id;
        edge(EdgeKind::Api, cl, gw, 1);
        edge(EdgeKind::Api, gw, f1, 0.6);
        edge(EdgeKind::Api, gw, s1, 0.4);
        edge(EdgeKind::Api, f1, f2, 1);
        edge(EdgeKind::Api, f2, db, 2);
        edge(EdgeKind::Api, s1, s2, 1.5);
        edge(EdgeKind::Api, s2, db, 1);
        edge(EdgeKind::Api, f1, f3, 0.5);
        edge(EdgeKind::Event, f3, q, 1);
        edge(EdgeKind::Event, q, consumer, 1);
    }
    p.candidates.push_back(c);
    return p;
}

/// CPU time of this thread in ms: the machine is shared, so wall time would count the waits.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/// The same model with every function's settings slightly different (run times 120.001 ms,
/// 120.002 ms, ...), so that no two function days can be shared: the evaluation's cost without
/// the help of identical functions (in `generate`, f1 -> f2 and f3 -> queue -> consumer pass the
/// same traffic on with the same settings).
Project withDistinctFunctions(Project p)
{
    int k = 0;
    for (Candidate &c : p.candidates)
        for (Node &node : c.nodes)
            if (node.kind == NodeKind::Function)
                node.params["durationMs"] = 120.0 + 0.001 * ++k;
    return p;
}

/// Median of `runs` evaluations sharing one workspace, as the studio's runner does.
double medianMs(const Project &p, const EvalOptions &options, int runs)
{
    EngineWorkspace workspace;
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const double start = threadCpuMs();
        const Evaluation e = evaluate(p, options, workspace);
        const double end = threadCpuMs();
        if (!e.candidates[0].errors.empty())
            std::fprintf(stderr, "error: %s\n", e.candidates[0].errors[0].message.c_str());
        times.push_back(end - start);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Function requests per day of an evaluation: what the simulation simulates.
double functionRequestsPerDay(const Evaluation &e)
{
    double total = 0;
    for (const NodeResult &r : e.candidates.front().nodes)
        if (r.kind == NodeKind::Function)
            total += r.avgRps * 86400.0;
    return total;
}

int scale()
{
    std::printf("(CPU time of one thread)\n");
    EvalOptions simulation;
    simulation.method = EvalMethod::Simulation;
    simulation.computeSeries = false;
    for (const bool flat : {true, false})
        for (int nodes : {50, 100, 200, 400}) {
            if (!flat && nodes == 50)
                continue;
            const Project p = generate(nodes, flat);
            const double start = threadCpuMs();
            const Evaluation e = evaluate(p, simulation);
            const double ms = threadCpuMs() - start;
            const double requests = functionRequestsPerDay(e);
            std::printf("simulation, %3d nodes (%s): %8.0f ms, %.3g function requests, %5.1f ns "
                        "per request\n",
                        nodes, flat ? "50 req/s per client" : "50 + g req/s, as bench_evaluate",
                        ms, requests, ms * 1e6 / requests);
        }
    for (int nodes : {10000, 100000}) {
        const std::string text = writeProject(generate(nodes));
        double start = threadCpuMs();
        const ReadResult<Project> read = readProject(text);
        const double readMs = threadCpuMs() - start;
        start = threadCpuMs();
        const std::vector<Problem> problems = validateProject(*read.value);
        const double validateMs = threadCpuMs() - start;
        std::printf("read + validate %6d nodes (%.1f MB): %7.0f ms, of which validateProject %5.1f ms "
                    "(target <= 1 s)%s\n",
                    nodes, text.size() / 1e6, readMs, validateMs,
                    read.ok() && problems.empty() ? "" : "  PROBLEMS");
    }
    EvalOptions analytic;
    analytic.computeSeries = false;
    for (int nodes : {2000, 20000})
        std::printf("analytic, %6d nodes: %8.0f ms\n", nodes, medianMs(generate(nodes), analytic, 1));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // --write FILE [NODES] [distinct]: a model file (200 nodes unless said; every function's
    // settings distinct if said) for the CLI's timing and peak memory (/usr/bin/time -v
    // skyline-cli evaluate FILE), and for comparing its figures before and after a change.
    if (argc >= 3 && argc <= 5 && std::strcmp(argv[1], "--write") == 0) {
        const bool distinct = std::strcmp(argv[argc - 1], "distinct") == 0;
        const int numbers = argc - 3 - (distinct ? 1 : 0);
        const Project model = generate(numbers == 1 ? std::atoi(argv[3]) : 200);
        std::ofstream(argv[2]) << writeProject(distinct ? withDistinctFunctions(model) : model);
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "--scale") == 0)
        return scale();
    EvalOptions options;
    options.computeSeries = false;
    // --profile [runs] [distinct] [nodes]: analytic evaluation of the generated model (200
    // nodes unless said), repeated: for profilers and A/B runs.
    if (argc >= 2 && std::strcmp(argv[1], "--profile") == 0) {
        const int runs = argc >= 3 ? std::max(1, std::atoi(argv[2])) : 40;
        bool distinct = false;
        int nodes = 200;
        for (int i = 3; i < argc; ++i) {
            if (std::strcmp(argv[i], "distinct") == 0)
                distinct = true;
            else
                nodes = std::max(10, std::atoi(argv[i]));
        }
        const Project model = distinct ? withDistinctFunctions(generate(nodes)) : generate(nodes);
        std::printf("%.2f ms\n", medianMs(model, options, runs));
        return 0;
    }
    const double ms200 = medianMs(generate(200), options, 15);
    const double ms200Distinct = medianMs(withDistinctFunctions(generate(200)), options, 15);
    const double ms2000 = medianMs(generate(2000), options, 5);
    EvalOptions withSeries;
    const double ms200Series = medianMs(generate(200), withSeries, 15);
    // Three candidates, one edited: what the studio re-evaluates after an edit.
    Project three = generate(200);
    for (const char *id : {"c2", "c3"}) {
        three.candidates.push_back(three.candidates.front());
        three.candidates.back().id = id;
    }
    const Evaluation threeBefore = evaluate(three, options);
    Project threeEdited = three;
    threeEdited.candidates[1].nodes[2].params["durationMs"] = 150.0;
    std::vector<double> reuseTimes;
    EngineWorkspace workspace;
    for (int i = 0; i < 15; ++i) {
        const double start = threadCpuMs();
        const Evaluation e = evaluateReusing(threeEdited, options, three, threeBefore, workspace);
        reuseTimes.push_back(threadCpuMs() - start);
    }
    std::sort(reuseTimes.begin(), reuseTimes.end());
    const double ms3x200 = medianMs(three, options, 5);
    const double msReused = reuseTimes[reuseTimes.size() / 2];
    EvalOptions simulation;
    simulation.method = EvalMethod::Simulation;
    const double ms200Simulation = medianMs(generate(200), simulation, 3);
    std::printf("(CPU time of one thread, median)\n");
    std::printf("analytic, 200 nodes:              %8.2f ms (target <= 20 ms)\n", ms200);
    std::printf("  the same, every function distinct: %6.2f ms (no function day shared)\n",
                ms200Distinct);
    std::printf("analytic, 200 nodes with series:  %8.2f ms\n", ms200Series);
    std::printf("analytic, 2,000 nodes:            %8.2f ms (%.1fx the 200-node time, target <= 12x)\n",
                ms2000, ms2000 / ms200);
    std::printf("analytic, 3 candidates x 200:     %8.2f ms; one candidate edited, others reused: %.2f ms\n",
                ms3x200, msReused);
    std::printf("simulation, 200 nodes:            %8.2f ms\n", ms200Simulation);
    return 0;
}
