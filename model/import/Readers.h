#pragma once
// Internal to skyline_import: the parsed input files and the table of format readers.
// One reader per format, each in its own file (<Format>Reader.cpp); Import.cpp holds the
// table `formatReaders()` that detection and importFiles() walk. Adding a format means one
// reader file and one row in that table.

#include "Import.h"
#include "ModelBuilder.h"

#include <yaml-cpp/yaml.h>

#include <vector>

namespace skyline::importing {

// Readers only construct YAML::Node values, never assign one to another: in yaml-cpp 0.7
// `a = b` on a defined node rebinds the node `a` refers to inside the document and merges the
// two documents' memory (a copy of every node: importing 1,000 services took 30 s that way).

/// One input file parsed into its YAML documents (JSON files parse as YAML too).
/// CloudFormation's short tags (`!Ref X`, `!GetAtt a.b`, `!Sub ...`) stay on the nodes as
/// their tags (node.Tag() == "!Ref"); readers that care map them to the long forms.
struct ParsedFile
{
    const SourceFile *file = nullptr;
    std::vector<YAML::Node> documents; ///< null documents (empty `---` sections) removed
};

/// The place of a YAML node in its file (1-based line and column).
SourceLocation locate(const ParsedFile &file, const YAML::Node &node);

struct FormatReader
{
    SourceFormat format;
    /// True when the content is this format (keys and markers, not the file name).
    bool (*detects)(const ParsedFile &file);
    /// Reads every file into the builder; problems go to builder.error/unresolved/ignored.
    void (*read)(const std::vector<ParsedFile> &files, ModelBuilder &builder);
};

/// Every format Skyline imports, in the order detection tries them (most specific first).
const std::vector<FormatReader> &formatReaders();

// One pair per format, defined in the format's reader file.
bool detectsCompose(const ParsedFile &file);
void readCompose(const std::vector<ParsedFile> &files, ModelBuilder &builder);
bool detectsSam(const ParsedFile &file);
void readSam(const std::vector<ParsedFile> &files, ModelBuilder &builder);
bool detectsCloudFormation(const ParsedFile &file);
void readCloudFormation(const std::vector<ParsedFile> &files, ModelBuilder &builder);
bool detectsServerless(const ParsedFile &file);
void readServerless(const std::vector<ParsedFile> &files, ModelBuilder &builder);
bool detectsKubernetes(const ParsedFile &file);
void readKubernetes(const std::vector<ParsedFile> &files, ModelBuilder &builder);

} // namespace skyline::importing
