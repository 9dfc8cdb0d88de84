// skyline-cli uncertainty FILE [--samples N] [--seed S] [--multiplier X] [--format json|csv]
// Samples the ranges of the project's parameters (Latin hypercube, triangular, seeded, the same
// samples for every candidate) and prints per candidate P10/P50/P90 of monthly cost, worst p99
// and peak instances, and how often it is the cheapest and the fastest (DESIGN.md §7), at the
// traffic --multiplier gives (as the studio's bands at its Traffic slider). Exit 0 on success,
// 2 on an unreadable file or a bad option (nothing written then).

#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include "engine/Uncertainty.h"

#include <cmath>
#include <ostream>

namespace skyline::cli {

namespace {
struct UncertaintySettings
{
    UncertaintyOptions options;
    std::string format = "json";
};

std::string readUncertaintyOptions(const ParsedArgs &parsed, UncertaintySettings &settings)
{
    const auto &o = parsed.options;
    if (auto it = o.find("--samples"); it != o.end()) {
        const auto value = parseNumber(it->second);
        if (!value || std::floor(*value) != *value || *value < 1
            || *value > maxUncertaintySamples)
            return "--samples: '" + it->second + "' must be a whole number from 1 to "
                + std::to_string(maxUncertaintySamples);
        settings.options.samples = int(*value);
    }
    EvalOptions seed;
    if (std::string problem = readMethodAndSeed(parsed, seed); !problem.empty())
        return problem;
    settings.options.seed = seed.seed;
    if (std::string problem = readTrafficMultiplier(parsed, settings.options.trafficMultiplier);
        !problem.empty())
        return problem;
    if (auto it = o.find("--format"); it != o.end()) {
        if (it->second != "json" && it->second != "csv")
            return "--format: '" + it->second + "' must be json or csv";
        settings.format = it->second;
    }
    return {};
}
} // namespace

int runUncertainty(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {"--samples", "--seed", "--multiplier", "--format"});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("uncertainty")
            << (parsed.error.empty() ? "expected exactly one FILE" : parsed.error) << '\n';
        return exitUsage;
    }
    UncertaintySettings settings;
    if (const std::string problem = readUncertaintyOptions(parsed, settings); !problem.empty()) {
        err << "skyline-cli uncertainty: " << problem << '\n';
        return exitUsage;
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    const UncertaintyResult result = analyzeUncertainty(*project, settings.options);
    out << (settings.format == "csv" ? uncertaintyCsv(result) : uncertaintyToJsonText(result));
    return exitOk;
}

} // namespace skyline::cli
