#pragma once
// A candidate as a Mermaid flowchart (`flowchart LR`) for Markdown documentation: one shape per
// node kind, api edges solid, event edges dotted, contexts as subgraphs. Plain C++, no Qt.
//
// Every user text (names) is written inside a quoted label with Mermaid's entity codes
// (`#quot;`, `#35;` ...) for the characters that could end the label, start a comment or a
// directive, or be read as HTML; newlines become `<br/>`. Node ids are the project's ids where
// Mermaid accepts them, else generated ones, so no name can break the diagram.

#include "domain/Project.h"

#include <string>

namespace skyline {

/// The Mermaid source of `candidate` (a candidate of `project`), ending with a newline.
std::string exportMermaid(const Project &project, const Candidate &candidate);

/// `text` as the inside of a quoted Mermaid label: `"`, `#`, `<`, `>`, `&`, brackets, braces,
/// pipes, `;`, `:`, `%` and backticks as entity codes, newlines as `<br/>`, other control
/// characters as spaces; everything else (unicode included) as is.
std::string mermaidLabelText(const std::string &text);

} // namespace skyline
