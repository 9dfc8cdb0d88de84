#pragma once
// The one source of the command-line help: `skyline-cli --help`, `skyline-cli COMMAND --help`,
// the usage line a command prints on a bad option, `skyline --help` and both manual pages
// (skyline-cli.1, skyline.1, written at build time by `skyline-cli --man PAGE`).
//
// Adding a command: one entry in cliCommandHelp() (CliHelp.cpp) next to its entry in the
// command list of Cli.cpp. A command without a help entry fails tst_cli and the man-page step
// of the build.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace skyline::cli {

struct OptionHelp
{
    std::string_view option;  ///< as typed, with its value: "--seed N"
    std::string_view meaning; ///< one or two sentences
};

struct CommandHelp
{
    std::string_view name;        ///< "evaluate"
    std::string_view synopsis;    ///< without the program name: "evaluate FILE [--seed N]"
    std::string_view summary;     ///< one line for the list of commands
    std::string_view description; ///< paragraphs separated by "\n\n"
    std::vector<OptionHelp> options;
    std::string_view example; ///< a complete command line
};

struct ExitCodeHelp
{
    int code;
    std::string_view meaning;
};

/// A whole program's help: skyline-cli (with commands) or skyline (options only).
struct ProgramHelp
{
    std::string_view program;     ///< "skyline-cli"
    std::string_view synopsis;    ///< without the program name
    std::string_view summary;     ///< the man page's NAME line
    std::string_view description; ///< paragraphs separated by "\n\n"
    std::vector<OptionHelp> options;
    std::vector<CommandHelp> commands;
    std::vector<ExitCodeHelp> exitCodes;
    std::vector<std::string_view> examples;
    std::vector<std::string_view> files; ///< "PATH\tmeaning" lines of the FILES section
};

const ProgramHelp &cliHelp();
const ProgramHelp &studioHelp();

/// The help entry of a skyline-cli command, or nullptr.
const CommandHelp *findCommandHelp(std::string_view name);

/// "usage: skyline-cli evaluate FILE [...]\n" from the command's help entry.
std::string usageLine(std::string_view command);

/// `skyline-cli --help`: the usage line and one line per command.
void printOverview(std::ostream &stream);
/// `skyline-cli COMMAND --help`: synopsis, description, options, example.
void printCommandHelp(const CommandHelp &help, std::ostream &stream);

/// The command reference of docs/cli.md in Markdown (every command, option, exit code),
/// between these markers there; tests/cli/tst_clidocs compares the two.
std::string markdownReference();
inline constexpr std::string_view markdownReferenceBegin =
    "<!-- BEGIN command reference: generated from app/cli/CliHelp.cpp -->";
inline constexpr std::string_view markdownReferenceEnd = "<!-- END command reference -->";

/// The manual page of `program` ("skyline-cli" or "skyline") in troff (man(7)); empty for an
/// unknown program.
std::string manPage(std::string_view program);

} // namespace skyline::cli
