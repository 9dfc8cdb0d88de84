// skyline-cli sensitivity FILE [--candidate ID] [--multiplier X] [--format json|csv]
// One parameter at a time from its low to its high (its range, or ±20 %): each candidate's
// parameters ranked by the swing of its monthly cost, with the p99 at both ends and whether
// another candidate becomes the cheapest (DESIGN.md §7), at the traffic --multiplier gives (as
// the studio's tornado at its Traffic slider). Exit 0 on success, 2 on an unreadable file or a
// bad option (nothing written then).

#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include "engine/Sensitivity.h"

#include <ostream>

namespace skyline::cli {

int runSensitivity(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {"--candidate", "--multiplier", "--format"});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("sensitivity")
            << (parsed.error.empty() ? "expected exactly one FILE" : parsed.error) << '\n';
        return exitUsage;
    }
    SensitivityOptions options;
    std::string format = "json";
    if (auto it = parsed.options.find("--format"); it != parsed.options.end()) {
        if (it->second != "json" && it->second != "csv") {
            err << "skyline-cli sensitivity: --format: '" << it->second
                << "' must be json or csv\n";
            return exitUsage;
        }
        format = it->second;
    }
    if (auto it = parsed.options.find("--candidate"); it != parsed.options.end())
        options.candidateId = it->second;
    if (const std::string problem = readTrafficMultiplier(parsed, options.trafficMultiplier);
        !problem.empty()) {
        err << "skyline-cli sensitivity: " << problem << '\n';
        return exitUsage;
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    if (!options.candidateId.empty() && !project->findCandidate(options.candidateId)) {
        err << "skyline-cli sensitivity: --candidate: no candidate with id '"
            << options.candidateId << "'\n";
        return exitUsage;
    }
    const SensitivityResult result = analyzeSensitivity(*project, options);
    out << (format == "csv" ? sensitivityCsv(result) : sensitivityToJsonText(result));
    return exitOk;
}

} // namespace skyline::cli
