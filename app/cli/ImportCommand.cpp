// `skyline-cli import FILE... [--as FORMAT] [--out OUT.skyline]` (issue 13): a docker compose,
// SAM / CloudFormation, Serverless or Kubernetes description as one Skyline candidate. The
// project goes to stdout (canonical, as `format` writes it) or atomically to --out; the
// summary and the review list go to stderr, one line per item with its place.

#include "Cli.h"
#include "CliCommon.h"

#include "import/Import.h"

#include <ostream>

namespace skyline::cli {

namespace {
constexpr const char *importUsage =
    "usage: skyline-cli import FILE... [--as compose|sam|cloudformation|serverless|kubernetes] "
    "[--out OUT.skyline]\n";

void printSummary(const std::vector<std::string> &paths, const importing::ImportResult &result,
                  std::ostream &err)
{
    const importing::ImportSummary &s = result.summary;
    err << "imported " << paths.front();
    if (paths.size() > 1)
        err << " and " << paths.size() - 1 << " more file(s)";
    err << " as " << importing::toString(result.format) << ": " << s.nodes << " nodes, " << s.edges
        << " edges, " << s.contexts << " contexts\n";
    err << "  " << s.carriedValues << " values carried over, " << s.assumedValues << " assumed, "
        << s.inferredEdges << " edges inferred, " << s.unresolved << " unresolved\n";
    for (const importing::ReviewItem &item : result.review) {
        const std::string place = importing::describe(item.where);
        err << (place.empty() ? std::string() : place + ": ") << importing::toString(item.kind)
            << ": " << item.message << '\n';
    }
}
} // namespace

int runImport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {"--as", "--out"});
    if (!parsed.error.empty() || parsed.positional.empty()) {
        err << importUsage << (parsed.error.empty() ? "" : parsed.error + "\n");
        return exitUsage;
    }
    std::optional<importing::SourceFormat> format;
    if (auto as = parsed.options.find("--as"); as != parsed.options.end()) {
        format = importing::sourceFormatFromString(as->second);
        if (!format) {
            err << "skyline-cli import: --as: unknown format '" << as->second
                << "' (compose, sam, cloudformation, serverless or kubernetes)\n";
            return exitUsage;
        }
    }
    std::vector<importing::SourceFile> files;
    for (const std::string &path : parsed.positional) {
        std::optional<std::string> text = readTextFile(path, err);
        if (!text)
            return exitBadInput;
        files.push_back({path, std::move(*text)});
    }
    const importing::ImportResult result = importing::importFiles(files, format);
    if (!result.ok()) {
        for (const std::string &error : result.errors)
            err << error << '\n';
        err << "skyline-cli import: nothing imported\n";
        return exitBadInput;
    }
    const std::string text = writeProject(*result.project);
    if (auto target = parsed.options.find("--out"); target != parsed.options.end()) {
        std::string error;
        if (!writeFileAtomically(target->second, text, error)) {
            err << "skyline-cli import: cannot write '" << target->second << "': " << error << '\n';
            return exitBadInput;
        }
    } else {
        out << text;
    }
    printSummary(parsed.positional, result, err);
    return exitOk;
}

} // namespace skyline::cli
