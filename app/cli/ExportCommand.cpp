// skyline-cli export FILE --as mermaid [--candidate ID] [--out F]
// A candidate as text other tools render: today a Mermaid flowchart (model/io/MermaidExport.h)
// for Markdown documentation. Prints to stdout, or writes --out (replaced whole, or untouched).
#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include "io/MermaidExport.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace skyline::cli {

namespace {

std::string candidateIds(const Project &project)
{
    std::string ids;
    for (const Candidate &c : project.candidates)
        ids += (ids.empty() ? "" : ", ") + c.id;
    return ids;
}

/// Writes through a temporary file beside `path`, so a failed write leaves `path` as it was.
bool writeFileWhole(const std::string &path, const std::string &text)
{
    const std::string temporary = path + ".part";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file)
            return false;
        file << text;
        file.flush();
        if (!file) {
            file.close();
            std::remove(temporary.c_str());
            return false;
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
        std::remove(temporary.c_str());
    return !error;
}
} // namespace

int runExport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {"--as", "--candidate", "--out"});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("export") << (parsed.error.empty() ? "expected exactly one FILE" : parsed.error)
            << '\n';
        return exitUsage;
    }
    const auto as = parsed.options.find("--as");
    if (as == parsed.options.end() || as->second != "mermaid") {
        err << usageLine("export") << "skyline-cli export: --as: "
            << (as == parsed.options.end() ? std::string("missing")
                                           : "unknown format '" + as->second + "'")
            << " (known: mermaid)\n";
        return exitUsage;
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    if (project->candidates.empty()) {
        err << "skyline-cli export: " << parsed.positional.front() << ": no candidate to export\n";
        return exitBadInput;
    }
    const Candidate *candidate = &project->candidates.front();
    if (const auto id = parsed.options.find("--candidate"); id != parsed.options.end()) {
        candidate = project->findCandidate(id->second);
        if (!candidate) {
            err << "skyline-cli export: --candidate: no candidate with id '" << id->second
                << "' (candidates: " << candidateIds(*project) << ")\n";
            return exitUsage;
        }
    }
    const std::string text = exportMermaid(*project, *candidate);
    if (const auto path = parsed.options.find("--out"); path != parsed.options.end()) {
        if (!writeFileWhole(path->second, text)) {
            err << "skyline-cli export: --out: cannot write '" << path->second << "'\n";
            return exitBadInput;
        }
        return exitOk;
    }
    out << text;
    return exitOk;
}

} // namespace skyline::cli
