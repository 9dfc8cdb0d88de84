#include "io/MermaidExport.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

namespace skyline {

namespace {

/// Words Mermaid's flowchart grammar reads as keywords where a node id is expected.
bool isMermaidKeyword(std::string_view id)
{
    static const std::array<std::string_view, 16> keywords = {
        "end",     "graph",       "flowchart", "subgraph",  "style", "classdef",
        "class",   "click",       "linkstyle", "direction", "call",  "href",
        "default", "interpolate", "acctitle",  "accdescr"};
    std::string lower(id);
    for (char &c : lower)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view keyword : keywords)
        if (lower == keyword)
            return true;
    return false;
}

bool isPlainId(const std::string &id)
{
    if (id.empty() || id.size() > 64)
        return false;
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!letter(id.front()))
        return false;
    for (char c : id)
        if (!letter(c) && !digit(c) && c != '_')
            return false;
    return !isMermaidKeyword(id);
}

/// Hands out Mermaid ids: the project's id where it is plain (and not taken by an earlier
/// node or context with the same id), else a generated "id_<n>" that no plain id uses.
class IdTable
{
public:
    explicit IdTable(const Candidate &candidate)
    {
        for (const Node &node : candidate.nodes)
            if (isPlainId(node.id))
                m_reserved.insert(node.id);
        for (const Context &context : candidate.contexts)
            if (isPlainId(context.id))
                m_reserved.insert(context.id);
    }

    std::string take(const std::string &projectId)
    {
        if (m_reserved.count(projectId) && m_used.insert(projectId).second)
            return projectId;
        for (int n = 1;; ++n) {
            std::string id = "id_" + std::to_string(n);
            if (!m_reserved.count(id) && m_used.insert(id).second)
                return id;
        }
    }

private:
    std::set<std::string> m_reserved;
    std::set<std::string> m_used;
};

/// Opening and closing brackets of a node's shape (a consistent shape per kind).
std::pair<const char *, const char *> shapeOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Client:
        return {"([", "])"}; // stadium
    case NodeKind::Gateway:
        return {"{{", "}}"}; // hexagon
    case NodeKind::Function:
        return {"(", ")"}; // rounded rectangle
    case NodeKind::Service:
        return {"[", "]"}; // rectangle
    case NodeKind::Queue:
        return {">", "]"}; // asymmetric (a flag)
    case NodeKind::Datastore:
        return {"[(", ")]"}; // cylinder
    }
    return {"[", "]"};
}

std::string quoted(const std::string &labelText)
{
    return "\"" + labelText + "\"";
}

std::string nodeLabel(const Node &node)
{
    const std::string kind = toString(node.kind);
    if (node.name.empty())
        return quoted(kind);
    return quoted(mermaidLabelText(node.name) + "<br/>" + kind);
}

/// "2", "0.5", "1.25": the shortest form with up to three decimals.
std::string formatCount(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    std::string text(buffer);
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

std::string arrowOf(const Edge &edge)
{
    const std::string arrow = edge.kind == EdgeKind::Event ? "-.->" : "-->";
    if (std::abs(edge.perRequest - 1.0) < 1e-9)
        return arrow;
    return arrow + "|" + quoted(mermaidLabelText(formatCount(edge.perRequest) + " per request")) +
           "|";
}

} // namespace

std::string mermaidLabelText(const std::string &text)
{
    // Characters that could end a label, start a comment, a directive or an entity, or be
    // read as HTML or Markdown: written as Mermaid entity codes.
    static constexpr std::string_view numbered = "#[]{}()|;:%`\\";
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            out += "#quot;";
        else if (c == '&')
            out += "#amp;";
        else if (c == '<')
            out += "#lt;";
        else if (c == '>')
            out += "#gt;";
        else if (numbered.find(c) != std::string_view::npos)
            out += "#" + std::to_string(static_cast<int>(c)) + ";";
        else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i; // CR LF is one line break
            out += "<br/>";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += ' '; // tabs and other control characters cannot be shown in a label
        else
            out += c; // unicode (UTF-8 bytes) included
    }
    return out;
}

std::string exportMermaid(const Project &project, const Candidate &candidate)
{
    std::ostringstream out;
    out << "%% "
        << mermaidLabelText(project.name.empty() ? std::string("Skyline project") : project.name)
        << " - " << mermaidLabelText(candidate.name) << " (exported by Skyline)\n";
    out << "flowchart LR\n";

    IdTable ids(candidate);
    std::map<std::string, std::string> nodeIds;
    for (const Node &node : candidate.nodes)
        nodeIds[node.id] = ids.take(node.id);

    auto writeNode = [&](const Node &node, const char *indent) {
        const auto [open, close] = shapeOf(node.kind);
        out << indent << nodeIds[node.id] << open << nodeLabel(node) << close << '\n';
    };

    for (const Context &context : candidate.contexts) {
        out << "    subgraph " << ids.take(context.id) << "["
            << quoted(mermaidLabelText(context.name)) << "]\n";
        for (const Node &node : candidate.nodes)
            if (node.context == context.id)
                writeNode(node, "        ");
        out << "    end\n";
    }
    for (const Node &node : candidate.nodes)
        if (node.context.empty() || candidate.findContext(node.context) == nullptr)
            writeNode(node, "    ");

    // Edges last and outside every subgraph: an edge inside a subgraph block would pull its
    // ends into that subgraph.
    for (const Edge &edge : candidate.edges) {
        const auto from = nodeIds.find(edge.from);
        const auto to = nodeIds.find(edge.to);
        if (from == nodeIds.end() || to == nodeIds.end())
            continue;
        out << "    " << from->second << ' ' << arrowOf(edge) << ' ' << to->second << '\n';
    }
    return out.str();
}

} // namespace skyline
