#pragma once
// Small pieces every skyline-cli command shares: loading a file, reading options.

#include "domain/Project.h"
#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace skyline::cli {

/// Reads a whole file; nullopt (and a message on `err`) when it cannot be read.
std::optional<std::string> readTextFile(const std::string &path, std::ostream &err);

/// Writes `text` to `path` through a temporary file in the same folder renamed over it, so
/// `path` is either the old file or the whole new one, never a truncated one. On failure
/// `error` says why and `path` is untouched.
bool writeFileAtomically(const std::string &path, const std::string &text, std::string &error);

/// Loads and validates a project file. On failure prints every problem with its JSON pointer
/// ("FILE: /candidates/0/nodes/3/params/memoryMb: must be between 128 and 10,240 MB") on `err`.
std::optional<Project> loadProjectFile(const std::string &path, std::ostream &err);

/// Command-line arguments split into positional ones and `--name value` options.
struct ParsedArgs
{
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; ///< "--seed" -> "7"
    std::vector<std::string> flags;             ///< options without a value
    std::string error;                          ///< non-empty: a usage problem to print
};

/// `valueOptions` take a value (e.g. {"--seed", "--format"}); `flagOptions` take none.
ParsedArgs parseArgs(const std::vector<std::string> &args,
                     const std::vector<std::string> &valueOptions,
                     const std::vector<std::string> &flagOptions = {});

/// Reads `--method analytic|simulation` and `--seed N` into `options`; an empty string on
/// success, else the problem naming the option.
std::string readMethodAndSeed(const ParsedArgs &parsed, EvalOptions &options);

/// The largest `--multiplier` any command accepts (a million times the modelled traffic).
inline constexpr double maxTrafficMultiplier = 1e6;

/// Reads `--multiplier X` (every workload's traffic times X, as the studio's Traffic slider)
/// into `multiplier`, which keeps its value when the option is absent; an empty string on
/// success, else the problem naming the option.
std::string readTrafficMultiplier(const ParsedArgs &parsed, double &multiplier);

/// A finite number, or nullopt.
std::optional<double> parseNumber(const std::string &text);

} // namespace skyline::cli
