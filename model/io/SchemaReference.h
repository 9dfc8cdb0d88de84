#pragma once
// The parameter reference of the file format, written from ParamSchema: every node kind's and
// workload shape's parameters with unit, range, default and help. docs/file-format.md carries
// it between two markers, and a test compares the two, so the documentation cannot drift from
// the schema the reader, the property panel and the engine use.

#include <string>

namespace skyline {

/// Markdown tables, one per node kind with parameters and one per workload shape.
std::string schemaReferenceMarkdown();

/// The markers around the generated section in docs/file-format.md.
inline constexpr const char *schemaReferenceBegin =
    "<!-- BEGIN parameter reference: generated from model/domain/ParamSchema.cpp -->";
inline constexpr const char *schemaReferenceEnd = "<!-- END parameter reference -->";

} // namespace skyline
