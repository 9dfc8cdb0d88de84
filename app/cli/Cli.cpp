#include "Cli.h"

#include <functional>
#include <ostream>

namespace skyline::cli {

namespace {
struct Command
{
    const char *name;
    const char *synopsis;
    CommandFunction run;
};

std::vector<Command> &commands()
{
    // One line per command; keep the synopsis in step with DESIGN.md §5.
    static std::vector<Command> list = {
        {"validate", "validate FILE", runValidate},
        {"format", "format FILE", runFormat},
        {"evaluate", "evaluate FILE [--candidate ID] [--multiplier X] [--method M] [--seed N] [--format F]",
         runEvaluate},
        {"sweep", "sweep FILE [--from X] [--to X] [--points N] [--format json|csv]", runSweep},
        {"import", "import FILE... [--as FORMAT] [--out OUT.skyline]", runImport},
    };
    return list;
}

void printUsage(std::ostream &stream)
{
    stream << "usage: skyline-cli COMMAND [ARGS]\n\ncommands:\n";
    for (const Command &c : commands())
        stream << "  " << c.synopsis << '\n';
}
} // namespace

void registerCommand(const char *name, const char *synopsis, CommandFunction function)
{
    commands().push_back({name, synopsis, std::move(function)});
}

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (args.empty()) {
        printUsage(err);
        return exitUsage;
    }
    if (args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
        printUsage(out);
        return exitOk;
    }
    for (const Command &c : commands())
        if (args.front() == c.name)
            return c.run({args.begin() + 1, args.end()}, out, err);
    err << "skyline-cli: unknown command '" << args.front() << "'\n";
    printUsage(err);
    return exitUsage;
}

} // namespace skyline::cli
