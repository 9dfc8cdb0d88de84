#pragma once
// What an import test compares: the candidate written as short readable lines, so a table row
// can list the expected nodes ("queue OrdersQueue aws-sqs"), edges ("A -event-> B" stated,
// "A ~api~> B" inferred) and values ("OrdersQueue.batchSize=10") of a fixture.

#include "import/Import.h"

#include <QFile>
#include <QStringList>

#include <sstream>
#include <variant>

namespace skyline::importing::testing {

inline QString fixturePath(const QString &name)
{
    return QStringLiteral(SKYLINE_SOURCE_DIR "/tests/import/data/") + name;
}

inline SourceFile fixture(const QString &name)
{
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {name.toStdString(), {}};
    return {name.toStdString(), file.readAll().toStdString()};
}

/// Lines (errors, problems) as one text for a test's failure message.
inline QString joined(const std::vector<std::string> &lines)
{
    QStringList out;
    for (const std::string &line : lines)
        out << QString::fromStdString(line);
    return out.join('\n');
}

inline const Candidate &candidateOf(const ImportResult &result)
{
    return result.project->candidates.front();
}

inline QString nameOf(const Candidate &candidate, const std::string &nodeId)
{
    const Node *node = candidate.findNode(nodeId);
    return node ? QString::fromStdString(node->name) : QStringLiteral("?");
}

/// "kind name product" (product, hosting or provider; clients have none).
inline QStringList nodeLines(const ImportResult &result)
{
    QStringList lines;
    for (const Node &node : candidateOf(result).nodes) {
        QString line =
            QString::fromLatin1(toString(node.kind)) + ' ' + QString::fromStdString(node.name);
        for (const char *key : {"product", "hosting", "provider"})
            if (auto it = node.params.find(key); it != node.params.end())
                line += ' ' + QString::fromStdString(std::get<std::string>(it->second));
        lines << line;
    }
    lines.sort();
    return lines;
}

inline bool isInferred(const ImportResult &result, const std::string &edgeId)
{
    for (const ReviewItem &item : result.review)
        if (item.kind == ReviewKind::InferredEdge && item.edgeId == edgeId)
            return true;
    return false;
}

/// "from -kind-> to" for stated edges, "from ~kind~> to" for inferred ones.
inline QStringList edgeLines(const ImportResult &result)
{
    const Candidate &candidate = candidateOf(result);
    QStringList lines;
    for (const Edge &edge : candidate.edges) {
        const QString kind = QString::fromLatin1(toString(edge.kind));
        const bool inferred = isInferred(result, edge.id);
        lines << nameOf(candidate, edge.from) + (inferred ? " ~" : " -") + kind +
                     (inferred ? "~> " : "-> ") + nameOf(candidate, edge.to);
    }
    lines.sort();
    return lines;
}

/// "Node.key=value" of one node parameter, or of a client's workload rate ("Client.rps=...").
inline QString valueLine(const ImportResult &result, const QString &nodeName, const QString &key)
{
    for (const Node &node : candidateOf(result).nodes) {
        if (QString::fromStdString(node.name) != nodeName)
            continue;
        std::ostringstream out;
        if (node.kind == NodeKind::Client && key == "rps") {
            const Workload *workload = result.project->findWorkload(node.workload);
            out << (workload ? workload->number("rps") : -1.0);
        } else if (auto it = node.params.find(key.toStdString()); it != node.params.end()) {
            std::visit([&](const auto &value) { out << value; }, it->second);
        } else {
            out << "(default)";
        }
        return nodeName + '.' + key + '=' + QString::fromStdString(out.str());
    }
    return nodeName + ": no such node";
}

inline QStringList reviewMessages(const ImportResult &result, ReviewKind kind)
{
    QStringList messages;
    for (const ReviewItem &item : result.review)
        if (item.kind == kind)
            messages << QString::fromStdString(item.message);
    return messages;
}

/// The expected fragments that no message contains (empty when every one is found).
inline QStringList missingFragments(const QStringList &messages, const QStringList &fragments)
{
    QStringList missing;
    for (const QString &fragment : fragments) {
        bool found = false;
        for (const QString &message : messages)
            found = found || message.contains(fragment);
        if (!found)
            missing << fragment;
    }
    return missing;
}

} // namespace skyline::importing::testing
