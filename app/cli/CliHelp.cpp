#include "CliHelp.h"

#include <ostream>
#include <sstream>

#ifndef SKYLINE_VERSION
#define SKYLINE_VERSION "unknown"
#endif

namespace skyline::cli {

namespace {

constexpr std::string_view methodMeaning =
    "analytic (the default) answers at once; simulation runs the lifecycle simulation of the "
    "functions (seeded, so the same seed gives the same figures).";
/// --multiplier of every command whose figures depend on the traffic (the studio's Traffic
/// slider): the same range and default everywhere (CliCommon's readTrafficMultiplier).
constexpr std::string_view multiplierMeaning =
    "Multiply every workload's traffic by X (0 to 1000000; default 1).";
constexpr std::string_view seedMeaning =
    "Seed of the latency Monte Carlo and of the simulation, a whole number from 0 to 18446744073709551615 (default 1).";

/// One entry per skyline-cli command, in the order `--help` and the man page list them.
std::vector<CommandHelp> cliCommandHelp()
{
    return {
        {"validate",
         "validate FILE",
         "check a project file and summarise it",
         "Reads FILE and checks it against the file format. A valid file gets a summary "
         "(version, project name, workloads, and per candidate its nodes, edges and contexts by "
         "kind) on standard output. An invalid file gets every problem on standard error, each "
         "with its JSON pointer, e.g. \"FILE: /candidates/0/nodes/3/params/memoryMb: must be "
         "between 128 and 10,240 MB\".",
         {},
         "skyline-cli validate checkout.skyline"},
        {"format",
         "format FILE",
         "print a project in its canonical form",
         "Prints FILE in the canonical form the studio's Save writes (stable key order, "
         "pretty-printed), so that files diff well in version control.",
         {},
         "skyline-cli format draft.skyline > checkout.skyline"},
        {"evaluate",
         "evaluate FILE [--candidate ID] [--multiplier X] [--method analytic|simulation] "
         "[--seed N] [--max-seconds S] [--format json|csv] [--per-minute]",
         "print the evaluation of every candidate",
         "Evaluates every candidate of FILE (or one) for its workloads and prints monthly cost "
         "and its line items, per node load, instances, cold starts, utilisation and latency "
         "percentiles, latency and availability per entry point, complexity, fault isolation "
         "and warnings. The JSON names are a stable contract for scripts.",
         {{"--candidate ID", "Evaluate only the candidate with this id."},
          {"--multiplier X", multiplierMeaning},
          {"--method analytic|simulation", methodMeaning},
          {"--seed N", seedMeaning},
          {"--max-seconds S",
           "With --method simulation: the time budget of the simulation in seconds, above 0 "
           "(default 10). Each function is simulated day after independent day until the 95% "
           "confidence intervals of its cold-start probability and average instances are "
           "within ±5% (or its days hold fewer than one cold start each), or its share of the "
           "budget ends; the output says how many days. Within the budget the same seed gives "
           "the same figures; a budget that ends the simulation early makes the figures depend "
           "on the machine's speed."},
          {"--format json|csv",
           "json (the default): the whole evaluation; csv: one row per node of every candidate, "
           "the candidate's and the node's name beside their ids."},
          {"--per-minute",
           "With --format csv: one row per node and minute of the day (rps, alive and busy "
           "instances, cold starts per second)."}},
         "skyline-cli evaluate checkout.skyline --method simulation --seed 7"},
        {"sweep",
         "sweep FILE [--from X] [--to X] [--points N] [--memory NODE [--multiplier X]] "
         "[--format json|csv] [--candidate ID] [--method analytic|simulation] [--seed N]",
         "monthly cost and p99 across traffic multipliers (break-even points) or memory sizes",
         "Evaluates every candidate at traffic multipliers spaced evenly on a log scale and "
         "prints the monthly cost and the p99 latency of each, and the multipliers at which two "
         "candidates' cost curves cross (break-even points). With --memory NODE it sweeps the "
         "memory of the function NODE instead (its run time scaling with the vCPU share, "
         "1 vCPU per 1,769 MB, as FUNCTIONS.md describes): at 128, 256, 512, 1024, 1536, "
         "1769, 2048, 3008, 4096, 6144, 8192 and 10240 MB it prints the function's mean run "
         "time, cost per million requests and p99, and its candidate's monthly cost and p99, "
         "and marks the cheapest size and the balanced one (the fastest p99 within 10% of the "
         "cheapest cost, as AWS Lambda Power Tuning calls it), both among the sizes that serve "
         "their requests: a size whose p99 fails (more than 1% of its requests fail) is never "
         "marked, and when every size fails both marks are null.",
         {{"--from X", "Smallest multiplier, above 0 (default 0.01)."},
          {"--to X", "Largest multiplier, at most 1000000 and above --from (default 100)."},
          {"--points N", "Number of multipliers, 2 to 1001 (default 41)."},
          {"--memory NODE",
           "Sweep the memory of the function with id NODE (not with --from, --to or --points); "
           "in the candidate given by --candidate, else in the first candidate that has a node "
           "NODE. An unknown NODE, or one that is not a function, is an error (exit 2)."},
          {"--multiplier X",
           "With --memory: multiply every workload's traffic by X (0 to 1000000; default 1), "
           "the memory sweep at the traffic the studio's Traffic slider or evaluate "
           "--multiplier X shows. A traffic sweep spans --from to --to instead."},
          {"--format json|csv",
           "json (the default): multipliers, per candidate cost and p99 arrays, break-even "
           "points; csv: one row per candidate and multiplier. With --memory, json: {method, "
           "trafficMultiplier, candidate: {id, name}, node: {id, name, memoryMb, "
           "runTimeAtMemoryMb, cpuBoundShare}, sizes: [{memoryMb, vcpu, runTimeMs, "
           "functionCostPerMillionUsd, functionP99Ms, monthlyCostUsd, p99Ms}], cheapestMemoryMb, "
           "balancedMemoryMb}; csv: one row per size with its mark (cheapest, balanced)."},
          {"--candidate ID", "Sweep only the candidate with this id."},
          {"--method analytic|simulation", methodMeaning},
          {"--seed N", seedMeaning}},
         "skyline-cli sweep checkout.skyline --memory n6 --format csv"},
        {"uncertainty",
         "uncertainty FILE [--samples N] [--seed S] [--multiplier X] [--format json|csv]",
         "how sure the answer is: P10/P50/P90 per candidate from the parameters' ranges",
         "Samples the ranges of FILE's parameters (a \"ranges\" object beside the parameters: "
         "triangular, the value as the most likely one) with a Latin hypercube, the same samples "
         "for every candidate, and evaluates each sample with the analytic method. Prints per "
         "candidate P10, P50 and P90 of the monthly cost, of the worst entry point's p99 latency "
         "and of the peak instances (functions and services added up), and the share of samples "
         "in which it is the cheapest and the fastest (ties share a sample). Without ranges "
         "every sample is the evaluation: P10 = P50 = P90.",
         {{"--samples N", "Number of samples, 1 to 100000 (default 1000)."},
          {"--seed S",
           "Seed of the sampling and of the latency Monte Carlo, a whole number from 0 to "
           "18446744073709551615 (default 1); the same seed gives the same figures."},
          {"--multiplier X",
           "Multiply every workload's traffic by X (0 to 1000000; default 1) in every sample: "
           "the bands at the traffic the studio's Traffic slider or evaluate --multiplier X "
           "shows."},
          {"--format json|csv",
           "json (the default): {samples, seed, trafficMultiplier, candidates: [{id, name, "
           "monthlyCostUsd: {p10, p50, p90}, p99Ms, peakInstances, probabilityCheapest, "
           "probabilityFastest}]}; csv: one row per candidate."}},
         "skyline-cli uncertainty checkout.skyline --samples 2000 --seed 7"},
        {"sensitivity",
         "sensitivity FILE [--candidate ID] [--multiplier X] [--format json|csv]",
         "which parameter drives each candidate's cost (a tornado table)",
         "Moves one numeric parameter at a time from its low to its high (its range, or 20 % "
         "below and above its value where it has none; whole numbers widened to the next whole "
         "number) with every other parameter at its value: every parameter of the candidate's "
         "nodes and edges and of the workloads its clients use. Prints per candidate the "
         "parameters ranked by the swing of its monthly cost, each with its JSON pointer in "
         "FILE, low and high, the cost and the worst entry point's p99 at both ends, and "
         "flipsCheapest: whether at one end another candidate becomes the cheapest. Analytic "
         "method.",
         {{"--candidate ID",
           "List only this candidate's parameters (the cheapest is still decided among all)."},
          {"--multiplier X",
           "Multiply every workload's traffic by X (0 to 1000000; default 1) at both ends of "
           "every parameter: the tornado at the traffic the studio's Traffic slider or "
           "evaluate --multiplier X shows."},
          {"--format json|csv",
           "json (the default): {trafficMultiplier, candidates: [{id, name, monthlyCostUsd, "
           "p99Ms, parameters: [{pointer, name, low, high, costAtLow, costAtHigh, p99AtLow, "
           "p99AtHigh, flipsCheapest}]}]}, monthlyCostUsd and p99Ms with every parameter at its "
           "value; csv: one row per candidate and parameter."}},
         "skyline-cli sensitivity checkout.skyline --candidate c2"},
        {"import",
         "import FILE... [--as compose|sam|cloudformation|serverless|kubernetes] "
         "[--out OUT.skyline]",
         "build a project from compose, SAM/CloudFormation, Serverless or Kubernetes files",
         "Reads a description of a running system (docker compose, AWS SAM or CloudFormation, "
         "Serverless Framework, Kubernetes manifests) and builds a project with one candidate "
         "from it, laid out left to right, with a client and a default workload on every entry "
         "point. Several files (all manifests of one app) go into one candidate. The format is "
         "detected from the content unless --as names it.\n\n"
         "The project goes to standard output in the canonical form (as format writes it), or "
         "to --out. A summary goes to standard error: nodes and edges created, values carried "
         "over, and one line per item to review with its place in the input: every inferred "
         "edge, every assumed value, every default workload, everything that could not be "
         "resolved offline (never guessed) and everything Skyline does not model. A file that "
         "is not valid YAML (line and column named), is not one of the formats, or cannot be "
         "read exits 2 and nothing is written.",
         {{"--as FORMAT",
           "compose, sam, cloudformation, serverless or kubernetes (default: detected from the "
           "content; all files must be of one format)."},
          {"--out OUT.skyline",
           "Write the project to this file (replaced whole, or left untouched on failure) "
           "instead of standard output."}},
         "skyline-cli import docker-compose.yml --out shop.skyline"},
        {"export",
         "export FILE --as mermaid [--candidate ID] [--out F]",
         "write a candidate as a Mermaid flowchart for Markdown documentation",
         "Writes one candidate of FILE as a Mermaid flowchart: nodes by name and kind, api "
         "calls as solid arrows, events as dotted arrows, calls per request other than 1 as "
         "labels, bounded contexts as subgraphs. Names are escaped so that any text renders.",
         {{"--as mermaid", "The output format. Required; mermaid is the only one today."},
          {"--candidate ID", "The candidate to export (default: the first)."},
          {"--out F",
           "Write to this file (replaced whole, or left untouched on failure) instead of "
           "standard output."}},
         "skyline-cli export checkout.skyline --as mermaid --candidate c1 > checkout.mmd"},
        {"render",
         "render FILE --out DIR [--candidate ID] [--multiplier X] [--method analytic|simulation] "
         "[--seed N] [--width PX] [--height PX]",
         "write canvas and chart images (PNG and SVG), headless",
         "Draws every candidate's canvas and result charts (among them the tornado of what "
         "drives its cost, analytic), and the cost-versus-traffic chart of all candidates, as "
         "PNG and SVG files into DIR and prints the path of each file written. Needs no "
         "display.",
         {{"--out DIR", "Directory to write into (created when missing). Required."},
          {"--candidate ID",
           "Draw only the candidate with this id (no cost-versus-traffic chart)."},
          {"--multiplier X",
           "Multiply every workload's traffic by X (0 to 1000000; default 1): every chart (the "
           "tornado too) at that traffic, as the studio at that Traffic slider position; the "
           "cost-versus-traffic chart marks it."},
          {"--method analytic|simulation", methodMeaning},
          {"--seed N", seedMeaning},
          {"--width PX", "Chart width in pixels, 100 to 8000 (default 900)."},
          {"--height PX", "Chart height in pixels, 100 to 8000 (default 450)."}},
         "skyline-cli render checkout.skyline --out images/"},
        {"report",
         "report FILE --out FILE.html [--multiplier X] [--method analytic|simulation] [--seed N] "
         "[--no-charts] [--no-sweep]",
         "write a self-contained HTML decision record",
         "Writes one HTML file holding the project, every candidate's canvas, figures, charts "
         "and warnings, and the comparison of the candidates, with every image embedded.",
         {{"--out FILE.html", "The file to write. Required."},
          {"--multiplier X",
           "Multiply every workload's traffic by X (0 to 1000000; default 1): every figure, "
           "chart and range at that traffic, as the studio at that Traffic slider position; "
           "the record states the traffic."},
          {"--method analytic|simulation", methodMeaning},
          {"--seed N", seedMeaning},
          {"--no-charts", "Leave the result charts out."},
          {"--no-sweep", "Leave the cost-versus-traffic sweep out."}},
         "skyline-cli report checkout.skyline --out checkout.html"},
    };
}

/// Escapes text for troff: backslashes, and a leading '.' or '\'' that would start a request.
std::string troff(std::string_view text)
{
    std::string out;
    bool lineStart = true;
    for (const char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

/// Paragraphs separated by "\n\n" become .PP paragraphs.
void writeParagraphs(std::string_view text, std::ostream &out)
{
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find("\n\n", start);
        const std::string_view paragraph = text.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        out << ".PP\n" << troff(paragraph) << '\n';
        if (end == std::string_view::npos)
            break;
        start = end + 2;
    }
}

void writeOptions(const std::vector<OptionHelp> &options, std::ostream &out)
{
    for (const OptionHelp &o : options)
        out << ".TP\n.B " << troff(o.option) << '\n' << troff(o.meaning) << '\n';
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return out;
}

/// Plain-text help: "  OPTION\n      meaning" wrapped at about 80 columns.
void printWrapped(std::string_view text, std::string_view indent, std::ostream &stream)
{
    constexpr size_t width = 80;
    size_t column = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        if (column > 0 && column + 1 + word.size() > width) {
            stream << '\n';
            column = 0;
        }
        if (column == 0) {
            stream << indent;
            column = indent.size();
        } else {
            stream << ' ';
            ++column;
        }
        stream << word;
        column += word.size();
        if (end < text.size() && text[end] == '\n') {
            stream << '\n';
            column = 0;
            if (end + 1 < text.size() && text[end + 1] == '\n') {
                stream << '\n';
                ++end;
            }
        }
        start = end + 1;
    }
    if (column > 0)
        stream << '\n';
}

} // namespace

const ProgramHelp &cliHelp()
{
    static const ProgramHelp help{
        "skyline-cli",
        "COMMAND [ARGS]",
        "evaluate, validate and render Skyline architecture projects",
        "skyline-cli works on the .skyline project files of the Skyline studio (skyline(1)): it "
        "validates and formats them, evaluates the candidate architectures they hold (scaling, "
        "latency, cost, complexity, fault isolation), sweeps traffic to find break-even points "
        "and writes images and an HTML decision record, for scripts, CI and reviews. It uses the "
        "same engine as the studio.\n\n"
        "Results go to standard output, problems to standard error. Every command takes --help.",
        {{"-h, --help", "Print the list of commands (or, after a command, its help) and exit."},
         {"--version", "Print the version and exit."},
         {"--man PAGE",
          "Print the manual page of PAGE (skyline-cli or skyline) in troff; the build writes "
          "the installed manual pages with it."}},
        cliCommandHelp(),
        {{0, "Success."},
         {1, "Internal error (a bug: please report it with the file)."},
         {2, "A file that cannot be read or is not a valid project (every problem is named on "
             "standard error with its place), a bad option, or an output that cannot be "
             "written."}},
        {"skyline-cli validate /usr/share/skyline/examples/checkout.skyline",
         "skyline-cli evaluate checkout.skyline --format csv > nodes.csv",
         "skyline-cli sweep checkout.skyline --format csv",
         "skyline-cli report checkout.skyline --out checkout.html"},
        {"/usr/share/skyline/examples/*.skyline\tExample projects."},
    };
    return help;
}

const ProgramHelp &studioHelp()
{
    static const ProgramHelp help{
        "skyline",
        "[OPTION]... [FILE]...",
        "compare serverless and microservice architectures",
        "Skyline is a desktop studio in which architects draw candidate architectures "
        "(serverless functions, long-running services, queues, datastores, joined by API calls "
        "and events, grouped in bounded contexts) and see, side by side, how each scales, how "
        "fast it answers, how hard it is to operate, how far a failure spreads and what it "
        "costs per month.\n\n"
        "Each FILE opens in a window of its own. Starting skyline again, for instance by "
        "opening a .skyline file from the file manager while Skyline runs, starts another "
        "instance with its own window; the instances share preferences and recent files.",
        {{"FILE", "A .skyline project to open."},
         {"--quit-after-load",
          "Open the FILEs, then quit: exit status 0 when every file opened, 1 otherwise, with "
          "the problems on standard error instead of a dialog. For scripted checks of an "
          "installation (e.g. with QT_QPA_PLATFORM=offscreen)."},
         {"-h, --help", "Print the options and exit."},
         {"-v, --version", "Print the version and exit."}},
        {},
        {{0, "Success."}, {1, "With --quit-after-load: a FILE could not be opened."}},
        {"skyline /usr/share/skyline/examples/checkout.skyline"},
        {"/usr/share/skyline/examples/*.skyline\tExample projects (also under Help > Examples).",
         "~/.config/Skyline/Skyline.conf\tPreferences, recent files and the window layout."},
    };
    return help;
}

const CommandHelp *findCommandHelp(std::string_view name)
{
    for (const CommandHelp &c : cliHelp().commands)
        if (c.name == name)
            return &c;
    return nullptr;
}

std::string usageLine(std::string_view command)
{
    const CommandHelp *help = findCommandHelp(command);
    return "usage: skyline-cli " + std::string(help ? help->synopsis : command) + '\n';
}

void printOverview(std::ostream &stream)
{
    const ProgramHelp &help = cliHelp();
    stream << "usage: skyline-cli " << help.synopsis << "\n\ncommands:\n";
    for (const CommandHelp &c : help.commands)
        stream << "  " << c.synopsis << '\n';
    stream << "\n'skyline-cli COMMAND --help' describes a command and its options; "
              "'man skyline-cli' all of them.\n";
}

void printCommandHelp(const CommandHelp &help, std::ostream &stream)
{
    stream << "usage: skyline-cli " << help.synopsis << "\n\n";
    printWrapped(help.description, "", stream);
    if (!help.options.empty()) {
        stream << "\noptions:\n";
        for (const OptionHelp &o : help.options) {
            stream << "  " << o.option << '\n';
            printWrapped(o.meaning, "      ", stream);
        }
    }
    stream << "\nexample:\n  " << help.example << '\n';
}

namespace {
/// Markdown paragraphs from a description ("\n\n" separates paragraphs).
void writeMarkdownParagraphs(std::string_view text, std::ostream &stream)
{
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find("\n\n", start);
        if (end == std::string_view::npos)
            end = text.size();
        stream << text.substr(start, end - start) << "\n\n";
        start = end + 2;
    }
}

void writeMarkdownOptions(const std::vector<OptionHelp> &options, std::ostream &stream)
{
    if (options.empty())
        return;
    stream << "| option | meaning |\n|---|---|\n";
    for (const OptionHelp &o : options) {
        std::string meaning(o.meaning);
        for (size_t at = meaning.find('|'); at != std::string::npos; at = meaning.find('|', at + 2))
            meaning.replace(at, 1, "\\|");
        std::string option(o.option);
        for (size_t at = option.find('|'); at != std::string::npos; at = option.find('|', at + 2))
            option.replace(at, 1, "\\|");
        stream << "| `" << option << "` | " << meaning << " |\n";
    }
    stream << '\n';
}
} // namespace

std::string markdownReference()
{
    const ProgramHelp &help = cliHelp();
    std::ostringstream out;
    out << "```\nskyline-cli " << help.synopsis << "\n```\n\n";
    writeMarkdownParagraphs(help.description, out);
    writeMarkdownOptions(help.options, out);
    out << "## Commands\n\n";
    for (const CommandHelp &c : help.commands) {
        out << "### " << c.name << "\n\n```\nskyline-cli " << c.synopsis << "\n```\n\n";
        writeMarkdownParagraphs(c.description, out);
        writeMarkdownOptions(c.options, out);
        out << "Example:\n\n```sh\n" << c.example << "\n```\n\n";
    }
    out << "## Exit codes\n\n| code | meaning |\n|---|---|\n";
    for (const ExitCodeHelp &e : help.exitCodes)
        out << "| " << e.code << " | " << e.meaning << " |\n";
    return out.str();
}

std::string manPage(std::string_view program)
{
    const ProgramHelp *help = program == cliHelp().program      ? &cliHelp()
                              : program == studioHelp().program ? &studioHelp()
                                                                : nullptr;
    if (!help)
        return {};
    std::ostringstream out;
    out << ".\\\" Generated by skyline-cli --man " << help->program
        << " from app/cli/CliHelp.cpp; do not edit.\n";
    out << ".TH " << troff(upper(help->program))
        << " 1 \"\" \"Skyline " SKYLINE_VERSION "\" \"User Commands\"\n";
    out << ".nh\n.ad l\n"; // no hyphenation, ragged right: option names stay whole
    out << ".SH NAME\n" << troff(help->program) << " \\- " << troff(help->summary) << '\n';
    out << ".SH SYNOPSIS\n.B " << troff(help->program) << '\n' << troff(help->synopsis) << '\n';
    for (const CommandHelp &c : help->commands)
        out << ".br\n.B " << troff(help->program) << '\n' << troff(c.synopsis) << '\n';
    out << ".SH DESCRIPTION\n";
    writeParagraphs(help->description, out);
    out << ".SH OPTIONS\n";
    writeOptions(help->options, out);
    if (!help->commands.empty()) {
        out << ".SH COMMANDS\n";
        for (const CommandHelp &c : help->commands) {
            out << ".SS " << troff(c.name) << " \\- " << troff(c.summary) << '\n';
            out << ".B " << troff(help->program) << '\n' << troff(c.synopsis) << '\n';
            writeParagraphs(c.description, out);
            writeOptions(c.options, out);
            out << ".PP\nExample:\n.PP\n.RS\n.EX\n" << troff(c.example) << "\n.EE\n.RE\n";
        }
    }
    out << ".SH \"EXIT STATUS\"\n";
    for (const ExitCodeHelp &e : help->exitCodes)
        out << ".TP\n.B " << e.code << '\n' << troff(e.meaning) << '\n';
    out << ".SH EXAMPLES\n.EX\n";
    for (const std::string_view example : help->examples)
        out << troff(example) << '\n';
    out << ".EE\n";
    out << ".SH FILES\n";
    for (const std::string_view file : help->files) {
        const size_t tab = file.find('\t');
        out << ".TP\n.I " << troff(file.substr(0, tab)) << '\n'
            << troff(file.substr(tab + 1)) << '\n';
    }
    out << ".SH \"SEE ALSO\"\n.BR " << (help->program == "skyline" ? "skyline\\-cli" : "skyline")
        << " (1)\n";
    return out.str();
}

} // namespace skyline::cli
