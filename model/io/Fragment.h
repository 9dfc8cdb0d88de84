#pragma once
// The clipboard's fragment format: copied nodes, the edges among them and the workloads their
// clients use, as JSON ({"format": "skyline-fragment", "version", "nodes", "edges",
// "workloads"}), and what pasting one into a candidate adds.

#include "domain/Project.h"
#include "io/ProjectJson.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace skyline {

struct Fragment
{
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Workload> workloads;
};

/// The fragment text of the nodes `nodeIds` of `candidate`, the edges among them and the
/// workloads of `project` their clients use.
std::string writeFragment(const Project &project, const Candidate &candidate,
                          const std::set<std::string> &nodeIds);
/// Reads a fragment. No value when the text is no fragment at all; a value and `problems`
/// (with the JSON pointer of each place) when one is damaged.
std::optional<Fragment> readFragment(const std::string &text, std::vector<Problem> &problems);

/// What pasting a fragment into a candidate of `project` adds: the workloads its clients need
/// that the project lacks, the nodes with fresh ids moved by `offset` (each in the context box
/// under it; a client whose workload is missing drives the project's first one), and the
/// edges among them with fresh ids.
Fragment placeFragment(const Project &project, const Candidate &target, const Fragment &fragment,
                       PointF offset);

} // namespace skyline
