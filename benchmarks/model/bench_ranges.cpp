// Times uncertainty and sensitivity (issue 11 points 4, 5; targets for the whole skyline-cli
// process: sensitivity on the checkout example <= 0.5 s, on the 200-node model <= 5 s;
// uncertainty with 1,000 samples on checkout <= 5 s on 2 cores). Prints wall and process CPU
// time of the in-process analysis and the number of evaluations. Not run by CTest.
//   bench_ranges                    checkout: sensitivity, uncertainty (ranges added)
//   bench_ranges --write-ranged F   checkout with the ranges below, for timing skyline-cli
//   bench_ranges --model F          sensitivity of another project file (e.g. the 200-node
//                                   model from `bench_evaluate --write F 200`)

#include "engine/Sensitivity.h"
#include "engine/Uncertainty.h"
#include "io/ProjectJson.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

using namespace skyline;

namespace {

Project readFile(const std::string &path)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    ReadResult<Project> read = readProject(text.str());
    if (!read.ok()) {
        std::fprintf(stderr, "%s does not read\n", path.c_str());
        std::exit(1);
    }
    return *read.value;
}

/// The checkout example with ranges on every function's run time (½× … 2×), every edge's
/// calls per request (from 1 below to 2× above) and every workload's rates (½× … 2×).
Project rangedCheckout()
{
    Project p = readFile(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/checkout.skyline");
    for (Workload &w : p.workloads)
        for (const char *key : {"rps", "peakRps", "troughRps", "baseRps", "spikeRps"})
            if (w.params.count(key))
                w.ranges[key] = {w.number(key) / 2, w.number(key) * 2};
    for (Candidate &c : p.candidates) {
        for (Node &n : c.nodes)
            if (n.kind == NodeKind::Function)
                n.ranges["durationMs"] = {n.number("durationMs") / 2, n.number("durationMs") * 2};
        for (Edge &e : c.edges)
            e.ranges["perRequest"] = {e.perRequest * 0.5, e.perRequest * 2};
    }
    return p;
}

double processCpuS()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

template <typename Run>
void timed(const char *what, Run run)
{
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = processCpuS();
    std::size_t evaluations = 0;
    run(evaluations);
    const double cpu = processCpuS() - cpu0;
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    std::printf("%-44s %7.3f s wall %7.3f s CPU  %6zu evaluations (%.2f ms CPU each)\n", what,
                wall, cpu, evaluations, evaluations ? cpu * 1e3 / double(evaluations) : 0.0);
}

void sensitivity(const char *what, const Project &p)
{
    timed(what, [&](std::size_t &evaluations) {
        SensitivityOptions options;
        options.progress = [&](std::size_t, std::size_t total) {
            evaluations = total;
            return true;
        };
        analyzeSensitivity(p, options);
    });
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--write-ranged") == 0) {
        std::ofstream(argv[2]) << writeProject(rangedCheckout());
        return 0;
    }
    if (argc == 3 && std::strcmp(argv[1], "--model") == 0) {
        sensitivity("sensitivity", readFile(argv[2]));
        return 0;
    }
    const Project ranged = rangedCheckout();
    sensitivity("sensitivity, checkout", readFile(std::string(SKYLINE_SOURCE_DIR)
                                                  + "/resources/examples/checkout.skyline"));
    sensitivity("sensitivity, checkout with ranges", ranged);
    timed("uncertainty, checkout with ranges, 1,000", [&](std::size_t &evaluations) {
        UncertaintyOptions options;
        options.samples = 1000;
        analyzeUncertainty(ranged, options);
        evaluations = 1000;
    });
    return 0;
}
