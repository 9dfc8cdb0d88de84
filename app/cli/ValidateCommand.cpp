#include "Cli.h"
#include "CliCommon.h"
#include "CliHelp.h"

#include <map>
#include <ostream>

namespace skyline::cli {

namespace {
template <typename Kind, typename Items, typename KindOf>
std::string countByKind(const Items &items, KindOf kindOf)
{
    std::map<std::string, int> counts;
    for (const auto &item : items)
        ++counts[toString(kindOf(item))];
    std::string out;
    for (const auto &[kind, count] : counts)
        out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
    return out.empty() ? "none" : out;
}
} // namespace

int runValidate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("validate")
            << (parsed.error.empty() ? "" : parsed.error + "\n");
        return exitUsage;
    }
    const std::string &path = parsed.positional.front();
    const auto project = loadProjectFile(path, err);
    if (!project)
        return exitBadInput;
    out << path << ": valid Skyline file, version " << project->version << '\n';
    out << "project: " << (project->name.empty() ? "(unnamed)" : project->name) << '\n';
    out << "workloads: " << project->workloads.size();
    for (const Workload &w : project->workloads)
        out << (w.id == project->workloads.front().id ? " (" : ", ") << w.id << " "
            << toString(w.shape);
    out << (project->workloads.empty() ? "" : ")") << '\n';
    out << "candidates: " << project->candidates.size() << '\n';
    for (const Candidate &c : project->candidates) {
        out << "  " << c.id << " \"" << c.name << "\": " << c.nodes.size() << " nodes ("
            << countByKind<NodeKind>(c.nodes, [](const Node &n) { return n.kind; }) << "), "
            << c.edges.size() << " edges ("
            << countByKind<EdgeKind>(c.edges, [](const Edge &e) { return e.kind; }) << "), "
            << c.contexts.size() << " contexts\n";
    }
    return exitOk;
}

int runFormat(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ParsedArgs parsed = parseArgs(args, {});
    if (!parsed.error.empty() || parsed.positional.size() != 1) {
        err << usageLine("format")
            << (parsed.error.empty() ? "" : parsed.error + "\n");
        return exitUsage;
    }
    const auto project = loadProjectFile(parsed.positional.front(), err);
    if (!project)
        return exitBadInput;
    out << writeProject(*project);
    return exitOk;
}

} // namespace skyline::cli
