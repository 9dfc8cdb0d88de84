#pragma once
// Importing a description of a running system (docker compose, AWS SAM / CloudFormation,
// Serverless Framework, Kubernetes manifests) as one Skyline candidate. Plain C++ (yaml-cpp
// for the parsing), no Qt: the command line, the studio and the tests share it.
//
// Every importer reads its files into a ModelBuilder (ModelBuilder.h); the builder turns what
// it was told into a Project, lays the candidate out and lists for review everything that was
// not read from the source: inferred edges, assumed values, default workloads, unresolved
// references. Nothing is guessed silently.

#include "domain/Project.h"

#include <optional>
#include <string>
#include <vector>

namespace skyline::importing {

enum class SourceFormat { Compose, Sam, CloudFormation, Serverless, Kubernetes };

/// "compose", "sam", "cloudformation", "serverless", "kubernetes" (the `--as` values).
const char *toString(SourceFormat format);
std::optional<SourceFormat> sourceFormatFromString(const std::string &text);

/// One input file: its path (for messages) and its whole text.
struct SourceFile
{
    std::string path;
    std::string text;
};

/// Where something came from: file and 1-based line and column (0 when unknown).
struct SourceLocation
{
    std::string path;
    int line = 0;
    int column = 0;
    bool operator==(const SourceLocation &) const = default;
};

/// "path:line:column", "path:line" or "path", as editors and compilers print places.
std::string describe(const SourceLocation &where);

enum class ReviewKind {
    InferredEdge,    ///< an edge the source implies but does not state (depends_on, env, policies)
    AssumedValue,    ///< a parameter the source does not give (or gives out of range): a default
    DefaultWorkload, ///< an entry point got a client with a default workload
    Unresolved,      ///< a reference, variable or plugin that cannot be resolved offline
    Ignored          ///< something in the source that Skyline does not model (said, not dropped silently)
};

/// "inferred-edge", "assumed-value", "default-workload", "unresolved", "ignored".
const char *toString(ReviewKind kind);

/// One line of the review list: what to check, and where it is in the candidate and the input.
struct ReviewItem
{
    ReviewKind kind = ReviewKind::AssumedValue;
    std::string nodeId;   ///< the node it concerns, or empty
    std::string edgeId;   ///< the edge it concerns, or empty
    std::string key;      ///< AssumedValue: the parameter key ("memoryMb"); else empty
    SourceLocation where; ///< the place in the input, when there is one
    std::string message;  ///< one English sentence naming things by their names, not ids
    bool operator==(const ReviewItem &) const = default;
};

struct ImportSummary
{
    int nodes = 0;
    int edges = 0;
    int contexts = 0;
    int carriedValues = 0; ///< parameters read from the source
    int assumedValues = 0;
    int inferredEdges = 0;
    int unresolved = 0;
};

struct ImportResult
{
    SourceFormat format = SourceFormat::Compose;
    std::optional<Project> project; ///< one workload per entry point, one candidate; unset on error
    std::vector<ReviewItem> review;
    ImportSummary summary;
    std::vector<std::string> errors; ///< non-empty: nothing imported ("compose.yaml:12:3: ...")
    bool ok() const { return project.has_value() && errors.empty(); }
};

/// The format of one file from its content; nullopt when it is none of them (a GitHub
/// workflow, an Ansible playbook, plain JSON ...). YAML errors also give nullopt.
std::optional<SourceFormat> detectFormat(const SourceFile &file);

/// Imports `files` into a project with one candidate named after them. With `format` unset
/// each file's format is detected and all must agree. On any error (unreadable YAML with
/// line and column, not the format, nothing to import) the result has errors and no project.
ImportResult importFiles(const std::vector<SourceFile> &files,
                         std::optional<SourceFormat> format = std::nullopt);

} // namespace skyline::importing
