#pragma once
// skyline-cli (DESIGN.md §5): one function per command, all sharing the model's engine.
// Every command returns the process exit code: 0 success, 2 unreadable input or bad option.
// The help of every command (--help, usage lines, man pages) is its entry in CliHelp.cpp.

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace skyline::cli {

inline constexpr int exitOk = 0;
inline constexpr int exitUsage = 2;  ///< bad option
inline constexpr int exitBadInput = 2; ///< a file that cannot be read

/// Runs the command line `args` (without the program name).
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

int runValidate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runFormat(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runEvaluate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runSweep(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runUncertainty(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runSensitivity(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runExport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runImport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

using CommandFunction =
    std::function<int(const std::vector<std::string> &, std::ostream &, std::ostream &)>;
/// Adds a command implemented in another library (render and report need Qt, so they live in
/// skyline_cli_render and the executable registers them before calling run()). Its help is its
/// entry in CliHelp.cpp.
void registerCommand(const char *name, CommandFunction function);

/// The names of the commands run() knows, in order.
std::vector<std::string> registeredCommands();
/// Registered commands without an entry in CliHelp.cpp (must stay empty).
std::vector<std::string> commandsWithoutHelp();

} // namespace skyline::cli
