#include "Document.h"

#include "EditCommand.h"
#include "domain/NodeKinds.h"
#include "domain/ParamSchema.h"
#include "domain/Validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <set>

namespace skyline {

namespace {

using Op = Document::Operation;
using Target = Document::Operation::Target;

template <typename T>
size_t indexOfId(const std::vector<T> &items, const std::string &id)
{
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id)
            return i;
    return items.size();
}

Op replaceNode(const std::string &candidateId, const Node &before, const Node &after)
{
    Op op;
    op.target = Target::Node;
    op.candidateId = candidateId;
    op.nodeBefore = before;
    op.nodeAfter = after;
    return op;
}

Op replaceContext(const std::string &candidateId, const Context &before, const Context &after)
{
    Op op;
    op.target = Target::Context;
    op.candidateId = candidateId;
    op.contextBefore = before;
    op.contextAfter = after;
    return op;
}

Op replaceEdge(const std::string &candidateId, const Edge &before, const Edge &after)
{
    Op op;
    op.target = Target::Edge;
    op.candidateId = candidateId;
    op.edgeBefore = before;
    op.edgeAfter = after;
    return op;
}

double area(const RectF &r) { return r.width * r.height; }

/// The first rule an edit would break, as the sentence the studio shows; empty when none.
/// (The rules and their English wording live in model/domain/Validation.h, shared with the
/// file reader.)
QString firstBroken(const std::vector<FieldProblem> &broken)
{
    return broken.empty() ? QString() : toQ(sentence(broken.front()));
}

} // namespace

Document::Document(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    m_project = newProject();
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() = default;

Project Document::newProject()
{
    Project p;
    p.name = "Untitled";
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Weekday"));
    Candidate c;
    c.id = "c1";
    c.name = "Candidate 1";
    p.candidates.push_back(c);
    return p;
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool Document::isModified() const { return !m_undoStack->isClean(); }

void Document::resetProject(const Project &project, const QString &filePath)
{
    m_undoStack->clear();
    m_project = project;
    setFilePath(filePath);
    m_undoStack->setClean();
    emit projectReset();
    emit projectChanged();
    emit modifiedChanged(false);
}

bool Document::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    constexpr qint64 maxBytes = 512LL * 1024 * 1024;
    if (file.size() > maxBytes) {
        if (error)
            *error = tr("%1 is too large (more than 512 MiB).").arg(path);
        return false;
    }
    const QByteArray bytes = file.readAll();
    ReadResult<Project> result = readProject(bytes.toStdString());
    if (!result.ok()) {
        if (error) {
            QStringList lines;
            for (const Problem &problem : result.problems)
                lines << toQ(describe(problem));
            *error = lines.join(QLatin1Char('\n'));
        }
        return false;
    }
    resetProject(*result.value, path);
    return true;
}

bool Document::save(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const std::string text = writeProject(m_project);
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    setFilePath(path);
    m_undoStack->setClean();
    return true;
}

// --- lookups ---------------------------------------------------------------------------------

const Candidate *Document::candidate(const QString &candidateId) const
{
    return m_project.findCandidate(toStd(candidateId));
}

const Node *Document::node(const QString &candidateId, const QString &nodeId) const
{
    const Candidate *c = candidate(candidateId);
    return c ? c->findNode(toStd(nodeId)) : nullptr;
}

const Edge *Document::edge(const QString &candidateId, const QString &edgeId) const
{
    const Candidate *c = candidate(candidateId);
    return c ? c->findEdge(toStd(edgeId)) : nullptr;
}

const Context *Document::context(const QString &candidateId, const QString &contextId) const
{
    const Candidate *c = candidate(candidateId);
    return c ? c->findContext(toStd(contextId)) : nullptr;
}

const Workload *Document::workload(const QString &workloadId) const
{
    return m_project.findWorkload(toStd(workloadId));
}

namespace {
std::string contextContaining(const Candidate &c, const PointF &pos)
{
    const Context *best = nullptr;
    for (const Context &x : c.contexts)
        if (x.rect.contains(pos) && (!best || area(x.rect) < area(best->rect)))
            best = &x;
    return best ? best->id : std::string();
}
} // namespace

QString Document::contextAt(const QString &candidateId, const PointF &pos) const
{
    const Candidate *c = candidate(candidateId);
    return c ? toQ(contextContaining(*c, pos)) : QString();
}

// --- primitive operations --------------------------------------------------------------------

namespace {
enum class ListChange { Added, Removed, Changed, None };

/// Applies one insert, remove or replace to a list of entities with ids; says which it was.
template <typename T>
ListChange applyToList(std::vector<T> &items, const std::optional<T> &target,
                       const std::optional<T> &source, size_t index, std::string *id)
{
    if (target && source) {
        const size_t i = indexOfId(items, source->id);
        if (i < items.size())
            items[i] = *target;
        *id = target->id;
        return ListChange::Changed;
    }
    if (target) {
        items.insert(items.begin() + long(std::min(index, items.size())), *target);
        *id = target->id;
        return ListChange::Added;
    }
    if (source) {
        const size_t i = indexOfId(items, source->id);
        if (i < items.size())
            items.erase(items.begin() + long(i));
        *id = source->id;
        return ListChange::Removed;
    }
    return ListChange::None;
}
} // namespace

void Document::apply(const Operation &op, bool forward)
{
    // Forward applies before -> after; backward after -> before.
    auto change = [&](auto &items, const auto &before, const auto &after, std::string *id) {
        return forward ? applyToList(items, after, before, op.index, id)
                       : applyToList(items, before, after, op.index, id);
    };
    // Emits the signal that matches the change, with or without the candidate id.
    auto announce = [](ListChange kind, auto emitAdded, auto emitRemoved, auto emitChanged) {
        if (kind == ListChange::Added)
            emitAdded();
        else if (kind == ListChange::Removed)
            emitRemoved();
        else if (kind == ListChange::Changed)
            emitChanged();
    };
    std::string id;
    const QString cid = toQ(op.candidateId);
    if (op.target == Target::Meta) {
        const auto &meta = forward ? op.metaAfter : op.metaBefore;
        m_project.name = meta->name;
        m_project.description = meta->description;
        m_project.pricing = meta->pricing;
        emit metaChanged();
        return;
    }
    if (op.target == Target::Candidate) {
        const ListChange kind =
            change(m_project.candidates, op.candidateBefore, op.candidateAfter, &id);
        announce(
            kind, [&] { emit candidateAdded(toQ(id)); }, [&] { emit candidateRemoved(toQ(id)); },
            [&] { emit candidateChanged(toQ(id)); });
        return;
    }
    if (op.target == Target::Workload) {
        const ListChange kind =
            change(m_project.workloads, op.workloadBefore, op.workloadAfter, &id);
        announce(
            kind, [&] { emit workloadAdded(toQ(id)); }, [&] { emit workloadRemoved(toQ(id)); },
            [&] { emit workloadChanged(toQ(id)); });
        return;
    }
    Candidate *c = m_project.findCandidate(op.candidateId);
    if (!c)
        return;
    if (op.target == Target::Node) {
        const ListChange kind = change(c->nodes, op.nodeBefore, op.nodeAfter, &id);
        announce(
            kind, [&] { emit nodeAdded(cid, toQ(id)); }, [&] { emit nodeRemoved(cid, toQ(id)); },
            [&] { emit nodeChanged(cid, toQ(id)); });
    } else if (op.target == Target::Edge) {
        const ListChange kind = change(c->edges, op.edgeBefore, op.edgeAfter, &id);
        announce(
            kind, [&] { emit edgeAdded(cid, toQ(id)); }, [&] { emit edgeRemoved(cid, toQ(id)); },
            [&] { emit edgeChanged(cid, toQ(id)); });
    } else if (op.target == Target::Context) {
        const ListChange kind = change(c->contexts, op.contextBefore, op.contextAfter, &id);
        announce(
            kind, [&] { emit contextAdded(cid, toQ(id)); },
            [&] { emit contextRemoved(cid, toQ(id)); }, [&] { emit contextChanged(cid, toQ(id)); });
    }
}

void Document::push(const QString &text, std::vector<Operation> ops)
{
    if (ops.empty())
        return;
    m_undoStack->push(new EditCommand(this, text, std::move(ops)));
}

// --- project-level edits ---------------------------------------------------------------------

namespace {
ProjectMeta metaOf(const Project &p) { return {p.name, p.description, p.pricing}; }
Op metaOp(const Project &p, const ProjectMeta &after)
{
    Op op;
    op.target = Target::Meta;
    op.metaBefore = metaOf(p);
    op.metaAfter = after;
    return op;
}
} // namespace

void Document::setProjectName(const QString &name)
{
    if (toStd(name) == m_project.name)
        return;
    ProjectMeta meta = metaOf(m_project);
    meta.name = toStd(name);
    push(tr("Rename project"), {metaOp(m_project, meta)});
}

void Document::setDescription(const QString &description)
{
    if (toStd(description) == m_project.description)
        return;
    ProjectMeta meta = metaOf(m_project);
    meta.description = toStd(description);
    push(tr("Edit description"), {metaOp(m_project, meta)});
}

void Document::setPricing(const Pricing &pricing)
{
    if (pricing == m_project.pricing)
        return;
    ProjectMeta meta = metaOf(m_project);
    meta.pricing = pricing;
    push(tr("Change pricing"), {metaOp(m_project, meta)});
}

QString Document::addCandidate(const QString &name)
{
    Candidate c;
    c.id = uniqueId(m_project, "c");
    c.name = name.isEmpty() ? "Candidate " + c.id.substr(1) : toStd(name);
    Op op;
    op.target = Target::Candidate;
    op.index = m_project.candidates.size();
    op.candidateAfter = c;
    push(tr("Add candidate"), {op});
    return toQ(c.id);
}

void Document::renameCandidate(const QString &candidateId, const QString &name)
{
    const Candidate *c = candidate(candidateId);
    if (!c || c->name == toStd(name))
        return;
    Candidate after = *c;
    after.name = toStd(name);
    Op op;
    op.target = Target::Candidate;
    op.candidateBefore = *c;
    op.candidateAfter = after;
    push(tr("Rename candidate"), {op});
}

QString Document::duplicateCandidate(const QString &candidateId)
{
    const Candidate *source = candidate(candidateId);
    if (!source)
        return {};
    Project scratch = m_project; // ids must be fresh across the whole project
    Candidate copy = *source;
    copy.id = uniqueId(scratch, "c");
    scratch.candidates.push_back(Candidate{copy.id, {}, {}, {}, {}});
    copy.name = source->name + " (copy)";
    std::map<std::string, std::string> renamed;
    auto fresh = [&](const std::string &prefix, const std::string &old) {
        std::string id = uniqueId(scratch, prefix);
        // Reserve it by adding a placeholder context to the scratch candidate.
        scratch.candidates.back().contexts.push_back(Context{id, {}, {}});
        renamed[old] = id;
        return id;
    };
    for (Context &x : copy.contexts)
        x.id = fresh("x", x.id);
    for (Node &n : copy.nodes) {
        n.id = fresh("n", n.id);
        if (!n.context.empty())
            n.context = renamed[n.context];
    }
    for (Edge &e : copy.edges) {
        e.id = fresh("e", e.id);
        e.from = renamed[e.from];
        e.to = renamed[e.to];
    }
    Op op;
    op.target = Target::Candidate;
    op.index = indexOfId(m_project.candidates, source->id) + 1;
    op.candidateAfter = copy;
    push(tr("Duplicate candidate"), {op});
    return toQ(copy.id);
}

QString Document::addImportedCandidate(const Candidate &candidate,
                                      const std::vector<Workload> &workloads,
                                      std::map<std::string, std::string> *renamed)
{
    Project scratch = m_project; // ids must be fresh across the whole project
    std::set<std::string> taken;
    for (const Workload &w : scratch.workloads)
        taken.insert(w.id);
    for (const Candidate &c : scratch.candidates) {
        taken.insert(c.id);
        for (const Context &x : c.contexts)
            taken.insert(x.id);
        for (const Node &n : c.nodes)
            taken.insert(n.id);
        for (const Edge &e : c.edges)
            taken.insert(e.id);
    }
    std::map<std::string, std::string> changed;
    // An id that clashes becomes the first free one with the prefix its kind uses.
    auto keepOrRenew = [&](std::string &id, const std::string &prefix) {
        if (!taken.count(id)) {
            taken.insert(id);
            return;
        }
        std::string fresh;
        for (long i = 1; fresh.empty() || taken.count(fresh); ++i)
            fresh = prefix + std::to_string(i);
        taken.insert(fresh);
        changed[id] = fresh;
        id = fresh;
    };

    Candidate added = candidate;
    keepOrRenew(added.id, "c");
    std::map<std::string, std::string> localIds; // ids within the candidate (one namespace)
    for (Context &x : added.contexts) {
        const std::string old = x.id;
        keepOrRenew(x.id, "x");
        localIds[old] = x.id;
    }
    for (Node &n : added.nodes) {
        const std::string old = n.id;
        keepOrRenew(n.id, "n");
        localIds[old] = n.id;
    }
    for (Node &n : added.nodes)
        if (!n.context.empty() && localIds.count(n.context))
            n.context = localIds[n.context];
    for (Edge &e : added.edges) {
        keepOrRenew(e.id, "e");
        e.from = localIds.count(e.from) ? localIds[e.from] : e.from;
        e.to = localIds.count(e.to) ? localIds[e.to] : e.to;
    }

    // Only the workloads a client of the candidate uses come along.
    std::vector<Op> ops;
    std::map<std::string, std::string> workloadIds;
    for (const Workload &source : workloads) {
        const bool used = std::any_of(added.nodes.begin(), added.nodes.end(), [&](const Node &n) {
            return n.kind == NodeKind::Client && n.workload == source.id;
        });
        if (!used || workloadIds.count(source.id))
            continue;
        Workload w = source;
        keepOrRenew(w.id, "w");
        workloadIds[source.id] = w.id;
        Op op;
        op.target = Target::Workload;
        op.index = scratch.workloads.size() + ops.size();
        op.workloadAfter = w;
        ops.push_back(op);
    }
    for (Node &n : added.nodes) {
        if (n.kind != NodeKind::Client)
            continue;
        if (workloadIds.count(n.workload))
            n.workload = workloadIds[n.workload];
        else if (!scratch.findWorkload(n.workload)) // as paste does: the project's first one
            n.workload = scratch.workloads.empty() ? std::string() : scratch.workloads[0].id;
    }

    Op op;
    op.target = Target::Candidate;
    op.index = m_project.candidates.size();
    op.candidateAfter = added;
    ops.push_back(op);
    push(tr("Import candidate “%1”").arg(toQ(added.name)), std::move(ops));
    if (renamed)
        *renamed = std::move(changed);
    return toQ(added.id);
}

void Document::removeCandidate(const QString &candidateId)
{
    const Candidate *c = candidate(candidateId);
    if (!c)
        return;
    Op op;
    op.target = Target::Candidate;
    op.index = indexOfId(m_project.candidates, c->id);
    op.candidateBefore = *c;
    push(tr("Delete candidate"), {op});
}

QString Document::addWorkload(WorkloadShape shape, const QString &name)
{
    Workload w = makeDefaultWorkload(shape, uniqueId(m_project, "w"), toStd(name));
    if (w.name.empty())
        w.name = "Workload " + w.id.substr(1);
    if (shape == WorkloadShape::Trace)
        w.points = {{0, 10}, {1439, 10}};
    Op op;
    op.target = Target::Workload;
    op.index = m_project.workloads.size();
    op.workloadAfter = w;
    push(tr("Add workload"), {op});
    return toQ(w.id);
}

QString Document::setWorkload(const Workload &workload)
{
    const Workload *current = m_project.findWorkload(workload.id);
    if (!current)
        return tr("There is no workload '%1'.").arg(toQ(workload.id));
    if (const QString why = firstBroken(checkWorkload(workload)); !why.isEmpty())
        return why;
    if (*current == workload)
        return {};
    Op op;
    op.target = Target::Workload;
    op.workloadBefore = *current;
    op.workloadAfter = workload;
    push(tr("Edit workload %1").arg(toQ(workload.name)), {op});
    return {};
}

QString Document::removeWorkload(const QString &workloadId)
{
    const Workload *w = workload(workloadId);
    if (!w)
        return {};
    for (const Candidate &c : m_project.candidates)
        for (const Node &n : c.nodes)
            if (n.kind == NodeKind::Client && n.workload == w->id)
                return tr("Workload '%1' drives client '%2' in candidate '%3'; choose another "
                          "workload for that client first.")
                    .arg(toQ(w->name), toQ(n.name), toQ(c.name));
    Op op;
    op.target = Target::Workload;
    op.index = indexOfId(m_project.workloads, w->id);
    op.workloadBefore = *w;
    push(tr("Delete workload"), {op});
    return {};
}

// --- nodes -----------------------------------------------------------------------------------

namespace {
QString defaultNodeName(NodeKind kind)
{
    return QCoreApplication::translate(nodeKindDocumentTrContext, nodeKindTraits(kind).shortName);
}
/// One whole sentence per kind, so that translations can inflect the noun.
QString addNodeText(NodeKind kind)
{
    return QCoreApplication::translate(nodeKindDocumentTrContext, nodeKindTraits(kind).addText);
}
} // namespace

QString Document::addNode(const QString &candidateId, NodeKind kind, const PointF &pos,
                          const QString &name)
{
    const Candidate *c = candidate(candidateId);
    if (!c)
        return {};
    Node n = makeDefaultNode(kind, uniqueId(m_project, "n"),
                             toStd(name.isEmpty() ? defaultNodeName(kind) : name), pos);
    n.context = contextContaining(*c, pos);
    if (kind == NodeKind::Client && !m_project.workloads.empty())
        n.workload = m_project.workloads.front().id;
    Op op;
    op.target = Target::Node;
    op.candidateId = c->id;
    op.index = c->nodes.size();
    op.nodeAfter = n;
    std::vector<Op> ops{op};
    const QString text = addNodeText(kind);
    if (kind == NodeKind::Client && m_project.workloads.empty()) {
        // A client needs a workload: create one in the same step.
        Workload w = makeDefaultWorkload(WorkloadShape::Diurnal, uniqueId(m_project, "w"),
                                         "Weekday");
        ops.front().nodeAfter->workload = w.id;
        Op wop;
        wop.target = Target::Workload;
        wop.index = 0;
        wop.workloadAfter = w;
        ops.insert(ops.begin(), wop);
    }
    push(text, std::move(ops));
    return toQ(n.id);
}

void Document::renameNode(const QString &candidateId, const QString &nodeId, const QString &name)
{
    const Node *n = node(candidateId, nodeId);
    if (!n || n->name == toStd(name))
        return;
    Node after = *n;
    after.name = toStd(name);
    push(tr("Rename %1").arg(toQ(n->name)), {replaceNode(toStd(candidateId), *n, after)});
}

QString Document::setNodeParam(const QString &candidateId, const QString &nodeId,
                               const QString &key, const ParamValue &value)
{
    const Node *n = node(candidateId, nodeId);
    if (!n)
        return tr("There is no node '%1'.").arg(nodeId);
    const ParamSpec *spec = findNodeParamSpec(n->kind, toStd(key));
    if (!spec)
        return tr("A %1 has no parameter '%2'.").arg(toQ(toString(n->kind)), key);
    Node after = *n;
    after.params[spec->key] = value;
    if (const QString why = firstBroken(checkNode(after)); !why.isEmpty())
        return why;
    if (after == *n)
        return {};
    push(tr("Set %1 of %2").arg(toQ(spec->label), toQ(n->name)),
         {replaceNode(toStd(candidateId), *n, after)});
    return {};
}

QString Document::setNodeRange(const QString &candidateId, const QString &nodeId,
                               const QString &key, const std::optional<ParamRange> &range)
{
    const Node *n = node(candidateId, nodeId);
    if (!n)
        return tr("There is no node '%1'.").arg(nodeId);
    const ParamSpec *spec = findNodeParamSpec(n->kind, toStd(key));
    if (!spec)
        return tr("A %1 has no parameter '%2'.").arg(toQ(toString(n->kind)), key);
    Node after = *n;
    if (range)
        after.ranges[spec->key] = *range;
    else
        after.ranges.erase(spec->key);
    if (const QString why = firstBroken(checkNode(after)); !why.isEmpty())
        return why;
    if (after == *n)
        return {};
    push(tr("Set range of %1 of %2").arg(toQ(spec->label), toQ(n->name)),
         {replaceNode(toStd(candidateId), *n, after)});
    return {};
}

namespace {
double clampTo(const ParamSpec *spec, double v)
{
    if (!spec)
        return v;
    v = std::clamp(v, spec->minimum, spec->maximum);
    return spec->type == ParamType::Integer ? std::round(v) : v;
}

/// The node as the other kind, with the parameters that have a counterpart carried over.
Node convertedNode(const Node &n)
{
    const bool toFunction = n.kind == NodeKind::Service;
    Node out = makeDefaultNode(toFunction ? NodeKind::Function : NodeKind::Service, n.id, n.name,
                               n.pos);
    out.context = n.context;
    auto set = [&out](const std::string &key, double v) {
        out.params[key] = clampTo(findNodeParamSpec(out.kind, key), v);
    };
    out.params["arch"] = n.text("arch");
    out.params["runtime"] = n.text("runtime");
    if (toFunction) {
        set("durationMs", n.number("serviceTimeMs"));
        set("durationCv", n.number("serviceTimeCv"));
        set("memoryMb", n.number("memoryGb") * 1024.0);
        set("concurrencyLimit", n.number("maxReplicas") * n.number("concurrencyPerReplica"));
    } else {
        // AWS gives a function one vCPU per 1,769 MB; replicas come in quarter vCPUs.
        set("vcpu", std::max(0.25, std::round(n.number("memoryMb") / 1769.0 * 4.0) / 4.0));
        set("memoryGb", std::max(0.5, n.number("memoryMb") / 1024.0));
        set("serviceTimeMs", n.number("durationMs"));
        set("serviceTimeCv", n.number("durationCv"));
        const double workers = out.number("concurrencyPerReplica");
        set("maxReplicas", std::ceil(n.number("concurrencyLimit") / workers));
        set("minReplicas", std::min(out.number("minReplicas"), out.number("maxReplicas")));
    }
    return out;
}
} // namespace

QString Document::convertNode(const QString &candidateId, const QString &nodeId)
{
    const Node *n = node(candidateId, nodeId);
    if (!n)
        return tr("There is no node '%1'.").arg(nodeId);
    if (n->kind != NodeKind::Function && n->kind != NodeKind::Service)
        return tr("Only functions and services can be converted.");
    const Node after = convertedNode(*n);
    push(after.kind == NodeKind::Function ? tr("Convert %1 to a function").arg(toQ(n->name))
                                          : tr("Convert %1 to a service").arg(toQ(n->name)),
         {replaceNode(toStd(candidateId), *n, after)});
    return {};
}

void Document::setNodeWorkload(const QString &candidateId, const QString &nodeId,
                               const QString &workloadId)
{
    const Node *n = node(candidateId, nodeId);
    if (!n || n->kind != NodeKind::Client || !workload(workloadId) ||
        n->workload == toStd(workloadId))
        return;
    Node after = *n;
    after.workload = toStd(workloadId);
    push(tr("Set workload of %1").arg(toQ(n->name)), {replaceNode(toStd(candidateId), *n, after)});
}

void Document::moveNodes(const QString &candidateId, const std::map<QString, PointF> &newPositions)
{
    const Candidate *c = candidate(candidateId);
    if (!c)
        return;
    std::vector<Op> ops;
    for (const auto &[id, pos] : newPositions) {
        const Node *n = c->findNode(toStd(id));
        if (!n)
            continue;
        Node after = *n;
        after.pos = pos;
        after.context = contextContaining(*c, pos);
        if (after == *n)
            continue;
        ops.push_back(replaceNode(c->id, *n, after));
    }
    if (ops.empty())
        return;
    // Each gesture is its own step (no merging): a user undoes drags one by one.
    const int count = int(ops.size());
    push(tr("Move %n node(s)", "", count), std::move(ops));
}

void Document::removeNodes(const QString &candidateId, const QStringList &nodeIds)
{
    removeItems(candidateId, nodeIds, {}, {},
                tr("Delete %n node(s)", "", int(nodeIds.size())));
}

// --- edges -----------------------------------------------------------------------------------

QString Document::addEdge(const QString &candidateId, EdgeKind kind, const QString &from,
                          const QString &to, QString *error)
{
    auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    const Candidate *c = candidate(candidateId);
    if (!c)
        return refuse(tr("There is no candidate '%1'.").arg(candidateId));
    const Node *a = c->findNode(toStd(from));
    const Node *b = c->findNode(toStd(to));
    if (!a || !b)
        return refuse(tr("Both ends of a connection must be nodes."));
    Edge e;
    e.kind = kind;
    e.from = a->id;
    e.to = b->id;
    if (const QString why = firstBroken(checkEdgeEnds(e, a, b)); !why.isEmpty())
        return refuse(why);
    for (const Edge &existing : c->edges)
        if (existing.from == a->id && existing.to == b->id && existing.kind == kind)
            return refuse(tr("%1 already has this connection to %2.")
                              .arg(toQ(a->name), toQ(b->name)));
    e.id = uniqueId(m_project, "e");
    e.latencyMs = kind == EdgeKind::Api ? 1.0 : 0.0;
    Op op;
    op.target = Target::Edge;
    op.candidateId = c->id;
    op.index = c->edges.size();
    op.edgeAfter = e;
    push(kind == EdgeKind::Api ? tr("Connect API call") : tr("Connect event"), {op});
    if (error)
        error->clear();
    return toQ(e.id);
}

QString Document::setEdge(const QString &candidateId, const Edge &edge)
{
    const Edge *current = this->edge(candidateId, toQ(edge.id));
    if (!current)
        return tr("There is no connection '%1'.").arg(toQ(edge.id));
    if (const QString why = firstBroken(checkEdge(edge)); !why.isEmpty())
        return why;
    Edge after = edge;
    after.from = current->from; // ends stay
    after.to = current->to;
    if (after == *current)
        return {};
    push(tr("Edit connection"), {replaceEdge(toStd(candidateId), *current, after)});
    return {};
}

void Document::removeEdges(const QString &candidateId, const QStringList &edgeIds)
{
    removeItems(candidateId, {}, edgeIds, {},
                tr("Delete %n connection(s)", "", int(edgeIds.size())));
}

// --- contexts --------------------------------------------------------------------------------

std::vector<Document::Operation> Document::membershipOps(const Candidate &after,
                                                         const QString &candidateId) const
{
    // Nodes join the smallest box that contains their centre (as in `after`), or none.
    std::vector<Op> ops;
    const Candidate *now = candidate(candidateId);
    if (!now)
        return ops;
    for (const Node &n : after.nodes) {
        const Node *current = now->findNode(n.id);
        if (!current)
            continue;
        Node updated = n;
        updated.context = contextContaining(after, n.pos);
        if (!(updated == *current))
            ops.push_back(replaceNode(now->id, *current, updated));
    }
    return ops;
}

QString Document::addContext(const QString &candidateId, const QString &name, const RectF &rect)
{
    const Candidate *c = candidate(candidateId);
    if (!c || rect.width <= 0 || rect.height <= 0)
        return {};
    Context x;
    x.id = uniqueId(m_project, "x");
    x.name = name.isEmpty() ? toStd(tr("Context")) : toStd(name);
    x.rect = rect;
    Op op;
    op.target = Target::Context;
    op.candidateId = c->id;
    op.index = c->contexts.size();
    op.contextAfter = x;
    Candidate after = *c;
    after.contexts.push_back(x);
    std::vector<Op> ops{op};
    for (Op &m : membershipOps(after, candidateId))
        ops.push_back(std::move(m));
    push(tr("Add context"), std::move(ops));
    return toQ(x.id);
}

void Document::renameContext(const QString &candidateId, const QString &contextId,
                             const QString &name)
{
    const Context *x = context(candidateId, contextId);
    if (!x || x->name == toStd(name))
        return;
    Context after = *x;
    after.name = toStd(name);
    push(tr("Rename context"), {replaceContext(toStd(candidateId), *x, after)});
}

void Document::setContextRect(const QString &candidateId, const QString &contextId,
                              const RectF &rect)
{
    const Candidate *c = candidate(candidateId);
    const Context *x = context(candidateId, contextId);
    if (!c || !x || rect.width <= 0 || rect.height <= 0 || x->rect == rect)
        return;
    const double dx = rect.x - x->rect.x, dy = rect.y - x->rect.y;
    const bool moved = rect.width == x->rect.width && rect.height == x->rect.height;
    Candidate after = *c;
    after.findContext(x->id)->rect = rect;
    if (moved)
        for (Node &n : after.nodes)
            if (n.context == x->id)
                n.pos = {n.pos.x + dx, n.pos.y + dy};
    Context contextAfter = *x;
    contextAfter.rect = rect;
    std::vector<Op> ops{replaceContext(c->id, *x, contextAfter)};
    for (Op &m : membershipOps(after, candidateId))
        ops.push_back(std::move(m));
    push(moved ? tr("Move context") : tr("Resize context"), std::move(ops));
}

void Document::removeContext(const QString &candidateId, const QString &contextId)
{
    removeItems(candidateId, {}, {}, {contextId}, tr("Delete context"));
}

void Document::removeItems(const QString &candidateId, const QStringList &nodeIds,
                           const QStringList &edgeIds, const QStringList &contextIds,
                           const QString &undoText)
{
    const Candidate *c = candidate(candidateId);
    if (!c)
        return;
    std::set<std::string> nodes, edges, contexts;
    for (const QString &id : nodeIds)
        if (c->findNode(toStd(id)))
            nodes.insert(toStd(id));
    for (const QString &id : contextIds)
        if (c->findContext(toStd(id)))
            contexts.insert(toStd(id));
    for (const QString &id : edgeIds)
        if (c->findEdge(toStd(id)))
            edges.insert(toStd(id));
    for (const Edge &e : c->edges)
        if (nodes.count(e.from) || nodes.count(e.to))
            edges.insert(e.id);
    if (nodes.empty() && edges.empty() && contexts.empty())
        return;

    // Removals go from the back so each recorded index is right when undone in reverse.
    std::vector<Op> ops;
    for (size_t i = c->edges.size(); i-- > 0;) {
        if (!edges.count(c->edges[i].id))
            continue;
        Op op;
        op.target = Target::Edge;
        op.candidateId = c->id;
        op.index = i;
        op.edgeBefore = c->edges[i];
        ops.push_back(op);
    }
    // Nodes that stay but lose their context.
    for (const Node &n : c->nodes) {
        if (nodes.count(n.id) || !contexts.count(n.context))
            continue;
        Node after = n;
        after.context.clear();
        ops.push_back(replaceNode(c->id, n, after));
    }
    for (size_t i = c->nodes.size(); i-- > 0;) {
        if (!nodes.count(c->nodes[i].id))
            continue;
        Op op;
        op.target = Target::Node;
        op.candidateId = c->id;
        op.index = i;
        op.nodeBefore = c->nodes[i];
        ops.push_back(op);
    }
    for (size_t i = c->contexts.size(); i-- > 0;) {
        if (!contexts.count(c->contexts[i].id))
            continue;
        Op op;
        op.target = Target::Context;
        op.candidateId = c->id;
        op.index = i;
        op.contextBefore = c->contexts[i];
        ops.push_back(op);
    }
    const int count = int(nodes.size() + edges.size() + contexts.size());
    push(undoText.isEmpty() ? tr("Delete %n item(s)", "", count) : undoText, std::move(ops));
}

// --- clipboard -------------------------------------------------------------------------------

QByteArray Document::copyFragment(const QString &candidateId, const QStringList &nodeIds) const
{
    const Candidate *c = candidate(candidateId);
    if (!c)
        return {};
    std::set<std::string> ids;
    for (const QString &id : nodeIds)
        ids.insert(toStd(id));
    OrderedJson fragment;
    fragment["format"] = "skyline-fragment";
    fragment["version"] = Project::currentVersion;
    fragment["nodes"] = OrderedJson::array();
    fragment["edges"] = OrderedJson::array();
    fragment["workloads"] = OrderedJson::array();
    std::set<std::string> workloads;
    for (const Node &n : c->nodes) {
        if (!ids.count(n.id))
            continue;
        fragment["nodes"].push_back(toJson(n));
        if (n.kind == NodeKind::Client && workloads.insert(n.workload).second)
            if (const Workload *w = m_project.findWorkload(n.workload))
                fragment["workloads"].push_back(toJson(*w));
    }
    for (const Edge &e : c->edges)
        if (ids.count(e.from) && ids.count(e.to))
            fragment["edges"].push_back(toJson(e));
    return QByteArray::fromStdString(fragment.dump(2));
}

QStringList Document::pasteFragment(const QString &candidateId, const QByteArray &fragment,
                                    const PointF &offset, QString *error)
{
    auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return QStringList();
    };
    const Candidate *c = candidate(candidateId);
    if (!c)
        return refuse(tr("There is no candidate to paste into."));
    OrderedJson json = OrderedJson::parse(fragment.toStdString(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || json.value("format", "") != "skyline-fragment")
        return refuse(tr("The clipboard holds no Skyline nodes."));
    std::vector<Problem> problems;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Workload> workloads;
    auto readList = [&](const char *key, auto reader, auto &out) {
        if (!json.contains(key) || !json[key].is_array())
            return;
        for (size_t i = 0; i < json[key].size(); ++i)
            if (auto item = reader(json[key][i], std::string("/") + key + "/" + std::to_string(i),
                                   problems))
                out.push_back(std::move(*item));
    };
    readList("nodes", nodeFromJson, nodes);
    readList("edges", edgeFromJson, edges);
    readList("workloads", workloadFromJson, workloads);
    if (!problems.empty())
        return refuse(tr("The clipboard content is damaged: %1").arg(toQ(describe(problems[0]))));
    if (nodes.empty())
        return refuse(tr("The clipboard holds no Skyline nodes."));

    Project scratch = m_project;
    Candidate *target = scratch.findCandidate(c->id);
    std::map<std::string, std::string> renamed;
    std::vector<Op> ops;
    // Workloads a pasted client needs but this project lacks come along.
    for (const Workload &w : workloads) {
        if (scratch.findWorkload(w.id))
            continue;
        Op op;
        op.target = Target::Workload;
        op.index = scratch.workloads.size();
        op.workloadAfter = w;
        scratch.workloads.push_back(w);
        ops.push_back(op);
    }
    QStringList newIds;
    for (Node n : nodes) {
        const std::string old = n.id;
        n.id = uniqueId(scratch, "n");
        renamed[old] = n.id;
        n.pos = {n.pos.x + offset.x, n.pos.y + offset.y};
        n.context = contextContaining(*target, n.pos);
        if (n.kind == NodeKind::Client && !scratch.findWorkload(n.workload))
            n.workload = scratch.workloads.empty() ? std::string() : scratch.workloads[0].id;
        Op op;
        op.target = Target::Node;
        op.candidateId = c->id;
        op.index = target->nodes.size();
        op.nodeAfter = n;
        target->nodes.push_back(n);
        ops.push_back(op);
        newIds << toQ(n.id);
    }
    for (Edge e : edges) {
        if (!renamed.count(e.from) || !renamed.count(e.to))
            continue;
        e.id = uniqueId(scratch, "e");
        e.from = renamed[e.from];
        e.to = renamed[e.to];
        Op op;
        op.target = Target::Edge;
        op.candidateId = c->id;
        op.index = target->edges.size();
        op.edgeAfter = e;
        target->edges.push_back(e);
        ops.push_back(op);
    }
    push(tr("Paste %n node(s)", "", int(newIds.size())), std::move(ops));
    if (error)
        error->clear();
    return newIds;
}

} // namespace skyline
