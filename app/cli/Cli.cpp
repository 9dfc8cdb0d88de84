#include "Cli.h"
#include "CliHelp.h"

#include <functional>
#include <ostream>

#ifndef SKYLINE_VERSION
#define SKYLINE_VERSION "unknown"
#endif

namespace skyline::cli {

namespace {
struct Command
{
    const char *name;
    CommandFunction run;
};

std::vector<Command> &commands()
{
    // One line per command; its synopsis, options and example are its entry in CliHelp.cpp.
    static std::vector<Command> list = {
        {"validate", runValidate},
        {"format", runFormat},
        {"evaluate", runEvaluate},
        {"sweep", runSweep},
        {"uncertainty", runUncertainty},
        {"sensitivity", runSensitivity},
        {"import", runImport},
        {"export", runExport},
    };
    return list;
}

bool isHelpFlag(const std::string &arg) { return arg == "--help" || arg == "-h"; }

/// `--man PAGE`: the manual page, refused while a registered command has no help entry (so the
/// build step that writes the installed pages fails instead of shipping an incomplete page).
int printManPage(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (const std::vector<std::string> missing = commandsWithoutHelp(); !missing.empty()) {
        for (const std::string &name : missing)
            err << "skyline-cli: command '" << name << "' has no entry in app/cli/CliHelp.cpp\n";
        return exitUsage;
    }
    const std::string page = args.size() == 2 ? manPage(args[1]) : std::string();
    if (page.empty()) {
        err << "usage: skyline-cli --man skyline-cli|skyline\n";
        return exitUsage;
    }
    out << page;
    return exitOk;
}
} // namespace

void registerCommand(const char *name, CommandFunction function)
{
    commands().push_back({name, std::move(function)});
}

std::vector<std::string> registeredCommands()
{
    std::vector<std::string> names;
    for (const Command &c : commands())
        names.emplace_back(c.name);
    return names;
}

std::vector<std::string> commandsWithoutHelp()
{
    std::vector<std::string> missing;
    for (const Command &c : commands())
        if (!findCommandHelp(c.name))
            missing.emplace_back(c.name);
    return missing;
}

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (args.empty()) {
        printOverview(err);
        return exitUsage;
    }
    if (isHelpFlag(args.front()) || args.front() == "help") {
        const CommandHelp *help = args.size() > 1 ? findCommandHelp(args[1]) : nullptr;
        if (help)
            printCommandHelp(*help, out);
        else
            printOverview(out);
        return exitOk;
    }
    if (args.front() == "--version") {
        out << "skyline-cli " SKYLINE_VERSION "\n";
        return exitOk;
    }
    if (args.front() == "--man")
        return printManPage(args, out, err);
    for (const Command &c : commands()) {
        if (args.front() != c.name)
            continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const std::string &arg : rest) {
            if (!isHelpFlag(arg))
                continue;
            if (const CommandHelp *help = findCommandHelp(c.name)) {
                printCommandHelp(*help, out);
                return exitOk;
            }
        }
        return c.run(rest, out, err);
    }
    err << "skyline-cli: unknown command '" << args.front() << "'\n";
    printOverview(err);
    return exitUsage;
}

} // namespace skyline::cli
