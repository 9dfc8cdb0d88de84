#pragma once
// The .skyline file format (DESIGN.md §4): one serializer for files, the clipboard and undo
// snapshots. Reading reports every problem with the JSON pointer of its place.

#include "domain/Project.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace skyline {

using OrderedJson = nlohmann::ordered_json;

struct Problem
{
    std::string pointer; ///< JSON pointer, e.g. "/candidates/0/nodes/3/params/memoryMb"
    std::string message; ///< what was expected, e.g. "must be between 128 and 10,240 MB"
    bool operator==(const Problem &) const = default;
};

/// "pointer: message", or just the message for the document root.
std::string describe(const Problem &problem);

template <typename T>
struct ReadResult
{
    std::optional<T> value;          ///< set only when there are no problems
    std::vector<Problem> problems;
    bool ok() const { return value.has_value(); }
};

/// Parses and validates a whole file. Nothing is half-loaded: on any problem, no project.
ReadResult<Project> readProject(const std::string &text);
/// The canonical text that Save writes: stable key order, pretty-printed, newline at the end.
std::string writeProject(const Project &project);

/// Every semantic problem of an in-memory project (ranges, references, duplicate ids ...).
std::vector<Problem> validateProject(const Project &project);

// Pieces, for the clipboard and undo snapshots. Readers append problems under `pointer`.
OrderedJson toJson(const Project &project);
OrderedJson toJson(const Candidate &candidate);
OrderedJson toJson(const Node &node);
OrderedJson toJson(const Edge &edge);
OrderedJson toJson(const Context &context);
OrderedJson toJson(const Workload &workload);
std::optional<Project> projectFromJson(const OrderedJson &json, std::vector<Problem> &problems);
std::optional<Candidate> candidateFromJson(const OrderedJson &json, const std::string &pointer,
                                           std::vector<Problem> &problems);
std::optional<Node> nodeFromJson(const OrderedJson &json, const std::string &pointer,
                                 std::vector<Problem> &problems);
std::optional<Edge> edgeFromJson(const OrderedJson &json, const std::string &pointer,
                                 std::vector<Problem> &problems);
std::optional<Context> contextFromJson(const OrderedJson &json, const std::string &pointer,
                                       std::vector<Problem> &problems);
std::optional<Workload> workloadFromJson(const OrderedJson &json, const std::string &pointer,
                                         std::vector<Problem> &problems);

/// Pretty-prints with two-space indentation, keeping arrays of plain numbers on one line and
/// writing whole numbers without a fraction, so files stay short and diff well.
std::string formatCanonicalJson(const OrderedJson &json);

} // namespace skyline
