// skyline-cli sweep FILE [--from 0.01] [--to 100] [--points 41] [--format json|csv]
//                        [--candidate ID] [--method analytic|simulation] [--seed N]
// Monthly cost and p99 per candidate across traffic multipliers (log scale), with the
// break-even points where two cost curves cross (DESIGN.md §5). Exit 0 on success, 2 on an
// unreadable file or a bad option.
// skyline-cli sweep FILE --memory NODE [--candidate ID] [--multiplier X] [--format json|csv] [...]
// The memory sweep of one function (issue 11.3, engine/MemorySweep.h), at the traffic
// --multiplier gives (as the studio's memory sweep at its Traffic slider).

#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include "engine/MemorySweep.h"
#include "engine/Sweep.h"

#include <cmath>
#include <ostream>

namespace skyline::cli {

namespace {
constexpr int maxSweepPoints = 1001;

struct SweepSettings
{
    double from = 0.01;
    double to = 100.0;
    int points = 41;
    std::string format = "json";
    std::string memoryNode; ///< --memory: sweep this function's memory instead of the traffic
    EvalOptions options;
};

/// Reads the options into `settings`; an empty string on success, else the problem.
std::string readSweepOptions(const ParsedArgs &parsed, SweepSettings &settings)
{
    const auto &o = parsed.options;
    auto multiplier = [&](const char *name, double &target) -> std::string {
        auto it = o.find(name);
        if (it == o.end())
            return {};
        const auto value = parseNumber(it->second);
        if (!value || *value <= 0 || *value > 1e6)
            return std::string(name) + ": '" + it->second
                + "' must be a number above 0 and at most 1000000";
        target = *value;
        return {};
    };
    if (std::string problem = multiplier("--from", settings.from); !problem.empty())
        return problem;
    if (std::string problem = multiplier("--to", settings.to); !problem.empty())
        return problem;
    if (settings.from >= settings.to)
        return "--from must be below --to";
    if (auto it = o.find("--points"); it != o.end()) {
        const auto value = parseNumber(it->second);
        if (!value || std::floor(*value) != *value || *value < 2 || *value > maxSweepPoints)
            return "--points: '" + it->second + "' must be a whole number from 2 to "
                + std::to_string(maxSweepPoints);
        settings.points = int(*value);
    }
    if (auto it = o.find("--format"); it != o.end()) {
        if (it->second != "json" && it->second != "csv")
            return "--format: '" + it->second + "' must be json or csv";
        settings.format = it->second;
    }
    if (auto it = o.find("--candidate"); it != o.end())
        settings.options.candidateId = it->second;
    if (std::string problem = readMethodAndSeed(parsed, settings.options); !problem.empty())
        return problem;
    if (auto it = o.find("--memory"); it != o.end()) {
        for (const char *traffic : {"--from", "--to", "--points"})
            if (o.count(traffic))
                return std::string(traffic) + " sweeps traffic; it cannot be combined with "
                                              "--memory";
        if (it->second.empty())
            return "--memory: expected the id of a function node";
        settings.memoryNode = it->second;
        if (std::string problem =
                readTrafficMultiplier(parsed, settings.options.trafficMultiplier);
            !problem.empty())
            return problem;
    } else if (o.count("--multiplier")) {
        return "--multiplier sets the traffic of a --memory sweep; a traffic sweep spans --from "
               "to --to";
    }
    return {};
}

/// The memory sweep of settings.memoryNode; exit 2 with a message naming the node when it is
/// unknown or not a function.
int runMemorySweep(const Project &project, const SweepSettings &settings, std::ostream &out,
                   std::ostream &err)
{
    const MemorySweepTarget target = findMemorySweepTarget(project, settings.memoryNode,
                                                           settings.options.candidateId);
    if (!target.error.empty()) {
        err << "skyline-cli sweep: --memory: " << target.error << '\n';
        return exitUsage;
    }
    const MemorySweep result = memorySweep(project, settings.memoryNode,
                                           settings.options.candidateId, settings.options);
    if (!result.ok()) {
        err << "skyline-cli sweep: --memory " << settings.memoryNode << ": " << result.error
            << '\n';
        return exitBadInput;
    }
    out << (settings.format == "csv" ? memorySweepCsv(result) : memorySweepToJsonText(result));
    return exitOk;
}
} // namespace

int runSweep(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {"--from", "--to", "--points", "--format",
                                               "--candidate", "--method", "--seed",
                                               "--memory", "--multiplier"});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("sweep")
            << (parsed.error.empty() ? "expected exactly one FILE" : parsed.error) << '\n';
        return exitUsage;
    }
    SweepSettings settings;
    if (const std::string problem = readSweepOptions(parsed, settings); !problem.empty()) {
        err << "skyline-cli sweep: " << problem << '\n';
        return exitUsage;
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    const std::string &candidateId = settings.options.candidateId;
    if (!candidateId.empty() && !project->findCandidate(candidateId)) {
        err << "skyline-cli sweep: --candidate: no candidate with id '" << candidateId << "'\n";
        return exitUsage;
    }
    if (!settings.memoryNode.empty())
        return runMemorySweep(*project, settings, out, err);
    const LoadSweep result =
        sweep(*project, sweepMultipliers(settings.from, settings.to, settings.points),
              settings.options);
    out << (settings.format == "csv" ? sweepCsv(result) : sweepToJsonText(result));
    return exitOk;
}

} // namespace skyline::cli
