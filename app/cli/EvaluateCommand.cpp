// skyline-cli evaluate FILE [--candidate ID] [--multiplier X] [--method analytic|simulation]
//                           [--seed N] [--max-seconds S] [--format json|csv] [--per-minute]
// Prints the evaluation of DESIGN.md §5. Exit 0 on success, 2 on an unreadable file or a bad
// option (with the JSON pointer or the option named on stderr), 1 on an internal error: an
// impossible figure (negative, infinite or NaN) is never printed.

#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include "engine/Evaluation.h"
#include "engine/EvaluationJson.h"

#include <cmath>
#include <ostream>

namespace skyline::cli {

namespace {
constexpr int exitInternalError = 1; ///< as main() for an exception
constexpr double maxSimulationSeconds = 86400; ///< a day of waiting is surely a typo

/// Reads the options into `options`; an empty string on success, else the problem.
std::string readEvaluateOptions(const ParsedArgs &parsed, EvalOptions &options,
                                std::string &format, bool &perMinute)
{
    const auto &o = parsed.options;
    if (auto it = o.find("--candidate"); it != o.end())
        options.candidateId = it->second;
    if (std::string problem = readTrafficMultiplier(parsed, options.trafficMultiplier);
        !problem.empty())
        return problem;
    if (std::string problem = readMethodAndSeed(parsed, options); !problem.empty())
        return problem;
    if (auto it = o.find("--max-seconds"); it != o.end()) {
        const auto value = parseNumber(it->second);
        if (!value || !(*value > 0) || *value > maxSimulationSeconds)
            return "--max-seconds: '" + it->second + "' must be a number of seconds above 0 and "
                   "at most " + std::to_string(int(maxSimulationSeconds));
        if (options.method != EvalMethod::Simulation)
            return "--max-seconds needs --method simulation";
        options.simulationMaxSeconds = *value;
    }
    if (auto it = o.find("--format"); it != o.end()) {
        if (it->second != "json" && it->second != "csv")
            return "--format: '" + it->second + "' must be json or csv";
        format = it->second;
    }
    for (const std::string &flag : parsed.flags)
        if (flag == "--per-minute")
            perMinute = true;
    if (perMinute && format != "csv")
        return "--per-minute needs --format csv";
    return {};
}
} // namespace

int runEvaluate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(
        args, {"--candidate", "--multiplier", "--method", "--seed", "--max-seconds", "--format"},
        {"--per-minute"});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("evaluate")
            << (parsed.error.empty() ? "expected exactly one FILE" : parsed.error) << '\n';
        return exitUsage;
    }
    EvalOptions options;
    std::string format = "json";
    bool perMinute = false;
    if (const std::string problem = readEvaluateOptions(parsed, options, format, perMinute);
        !problem.empty()) {
        err << "skyline-cli evaluate: " << problem << '\n';
        return exitUsage;
    }
    options.computeSeries = perMinute;
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    if (!options.candidateId.empty() && !project->findCandidate(options.candidateId)) {
        err << "skyline-cli evaluate: --candidate: no candidate with id '" << options.candidateId
            << "'\n";
        return exitUsage;
    }
    const Evaluation evaluation = evaluate(*project, options);
    const OrderedJson json = evaluationToJson(evaluation);
    if (const std::vector<std::string> bad = impossibleFigures(json); !bad.empty()) {
        err << "skyline-cli evaluate: internal error: impossible figure at " << bad.front();
        if (bad.size() > 1)
            err << " and " << bad.size() - 1 << " more";
        err << '\n';
        return exitInternalError;
    }
    if (format == "csv" && perMinute)
        writeEvaluationMinutesCsv(evaluation, *project, out);
    else if (format == "csv")
        out << evaluationNodesCsv(evaluation, *project);
    else
        out << formatCanonicalJson(json);
    return exitOk;
}

} // namespace skyline::cli
