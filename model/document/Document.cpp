#include "Document.h"

#include "EditCommand.h"
#include "Operation.h"
#include "domain/ContextBoxes.h"
#include "domain/Conversion.h"
#include "domain/IdAllocator.h"
#include "domain/NodeKinds.h"
#include "domain/ParamSchema.h"
#include "domain/Routes.h"
#include "domain/Validation.h"
#include "io/Fragment.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <set>

namespace skyline {

namespace {

using Op = DocumentOperation;

template <typename T>
Op inserted(const std::string &candidateId, size_t index, const T &value)
{
    return {EntityChange<T>{candidateId, index, std::nullopt, value}};
}

template <typename T>
Op removed(const std::string &candidateId, size_t index, const T &value)
{
    return {EntityChange<T>{candidateId, index, value, std::nullopt}};
}

template <typename T>
Op replaced(const std::string &candidateId, const T &before, const T &after)
{
    return {EntityChange<T>{candidateId, 0, before, after}};
}

template <typename T>
size_t indexOfId(const std::vector<T> &items, const std::string &id)
{
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id)
            return i;
    return items.size();
}

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

void Document::resetProject(const Project &project, const QString &filePath, bool unsaved)
{
    m_undoStack->clear();
    m_project = project;
    setFilePath(filePath);
    if (unsaved)
        m_undoStack->resetClean(); // modified until saved, though there is nothing to undo
    else
        m_undoStack->setClean();
    emit projectReset();
    emit projectChanged();
    emit modifiedChanged(unsaved);
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


/// The list an entity change applies to, or nullptr when its candidate is gone.
template <typename T>
std::vector<T> *listOf(Project &project, const std::string &candidateId)
{
    if constexpr (std::is_same_v<T, Candidate>)
        return &project.candidates;
    else if constexpr (std::is_same_v<T, Workload>)
        return &project.workloads;
    else {
        Candidate *c = project.findCandidate(candidateId);
        if (!c)
            return nullptr;
        if constexpr (std::is_same_v<T, Node>)
            return &c->nodes;
        else if constexpr (std::is_same_v<T, Edge>)
            return &c->edges;
        else
            return &c->contexts;
    }
}
} // namespace

void Document::apply(const Operation &op, bool forward)
{
    std::visit([&](const auto &change) { applyChange(change, forward); }, op.change);
}

void Document::applyChange(const MetaChange &change, bool forward)
{
    const ProjectMeta &meta = forward ? change.after : change.before;
    m_project.name = meta.name;
    m_project.description = meta.description;
    m_project.pricing = meta.pricing;
    emit metaChanged();
}

template <typename T>
void Document::applyChange(const EntityChange<T> &change, bool forward)
{
    std::vector<T> *items = listOf<T>(m_project, change.candidateId);
    if (!items)
        return;
    // Forward applies before -> after; backward after -> before.
    std::string id;
    const ListChange kind =
        forward ? applyToList(*items, change.after, change.before, change.index, &id)
                : applyToList(*items, change.before, change.after, change.index, &id);
    const QString qid = toQ(id), cid = toQ(change.candidateId);
    // The signal that matches the change, with or without the candidate id.
    auto announce = [kind](auto emitAdded, auto emitRemoved, auto emitChanged) {
        if (kind == ListChange::Added)
            emitAdded();
        else if (kind == ListChange::Removed)
            emitRemoved();
        else if (kind == ListChange::Changed)
            emitChanged();
    };
    if constexpr (std::is_same_v<T, Candidate>)
        announce([&] { emit candidateAdded(qid); }, [&] { emit candidateRemoved(qid); },
                 [&] { emit candidateChanged(qid); });
    else if constexpr (std::is_same_v<T, Workload>)
        announce([&] { emit workloadAdded(qid); }, [&] { emit workloadRemoved(qid); },
                 [&] { emit workloadChanged(qid); });
    else if constexpr (std::is_same_v<T, Node>)
        announce([&] { emit nodeAdded(cid, qid); }, [&] { emit nodeRemoved(cid, qid); },
                 [&] { emit nodeChanged(cid, qid); });
    else if constexpr (std::is_same_v<T, Edge>)
        announce([&] { emit edgeAdded(cid, qid); }, [&] { emit edgeRemoved(cid, qid); },
                 [&] { emit edgeChanged(cid, qid); });
    else
        announce([&] { emit contextAdded(cid, qid); }, [&] { emit contextRemoved(cid, qid); },
                 [&] { emit contextChanged(cid, qid); });
}

void Document::push(const QString &text, std::vector<Operation> ops)
{
    if (ops.empty())
        return;
    if (!m_group) {
        m_undoStack->push(new EditCommand(this, text, std::move(ops)));
        return;
    }
    // A part of a group takes effect now; the group becomes one step when it closes.
    for (Operation &op : ops) {
        apply(op, true);
        m_group->ops.push_back(std::move(op));
    }
    if (m_group->parts++ == 0)
        m_group->firstPartText = text;
}

void Document::beginGroup(const QString &text)
{
    if (!m_group) {
        m_group = std::make_unique<Group>();
        m_group->text = text;
    }
    ++m_group->depth;
}

void Document::endGroup()
{
    if (!m_group || --m_group->depth > 0)
        return;
    const std::unique_ptr<Group> group = std::move(m_group);
    if (group->ops.empty())
        return;
    const QString text = group->parts == 1 ? group->firstPartText : group->text;
    m_undoStack->push(new EditCommand(this, text, std::move(group->ops), true));
}

// --- project-level edits ---------------------------------------------------------------------

namespace {
ProjectMeta metaOf(const Project &p) { return {p.name, p.description, p.pricing}; }
Op metaOp(const Project &p, const ProjectMeta &after)
{
    return {MetaChange{metaOf(p), after}};
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
    Op op = inserted({}, m_project.candidates.size(), c);
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
    Op op = replaced({}, *c, after);
    push(tr("Rename candidate"), {op});
}

QString Document::duplicateCandidate(const QString &candidateId)
{
    const Candidate *source = candidate(candidateId);
    if (!source)
        return {};
    IdAllocator ids(m_project); // ids must be fresh across the whole project
    Candidate copy = *source;
    copy.id = ids.fresh("c");
    copy.name = source->name + " (copy)";
    renameIds(copy, ids, Renaming::Every);
    push(tr("Duplicate candidate"),
         {inserted({}, indexOfId(m_project.candidates, source->id) + 1, copy)});
    return toQ(copy.id);
}

QString Document::addImportedCandidate(const Candidate &candidate,
                                      const std::vector<Workload> &workloads,
                                      std::map<std::string, std::string> *renamed)
{
    IdAllocator ids(m_project); // ids must be fresh across the whole project
    std::map<std::string, std::string> changed;
    // An id that clashes becomes the first free one with the prefix its kind uses.
    Candidate added = candidate;
    added.id = ids.keepOrRenew(candidate.id, "c");
    if (added.id != candidate.id)
        changed[candidate.id] = added.id;
    changed.merge(renameIds(added, ids, Renaming::OnlyClashing));

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
        w.id = ids.keepOrRenew(source.id, "w");
        if (w.id != source.id)
            changed[source.id] = w.id;
        workloadIds[source.id] = w.id;
        ops.push_back(inserted({}, m_project.workloads.size() + ops.size(), w));
    }
    for (Node &n : added.nodes) {
        if (n.kind != NodeKind::Client)
            continue;
        if (workloadIds.count(n.workload))
            n.workload = workloadIds[n.workload];
        else if (!m_project.findWorkload(n.workload)) // as paste does: the project's first one
            n.workload = m_project.workloads.empty() ? std::string() : m_project.workloads[0].id;
    }

    ops.push_back(inserted({}, m_project.candidates.size(), added));
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
    Op op = removed({}, indexOfId(m_project.candidates, c->id), *c);
    push(tr("Delete candidate"), {op});
}

QString Document::addWorkload(WorkloadShape shape, const QString &name)
{
    Workload w = makeDefaultWorkload(shape, uniqueId(m_project, "w"), toStd(name));
    if (w.name.empty())
        w.name = "Workload " + w.id.substr(1);
    if (shape == WorkloadShape::Trace)
        w.points = {{0, 10}, {1439, 10}};
    Op op = inserted({}, m_project.workloads.size(), w);
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
    Op op = replaced({}, *current, workload);
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
    Op op = removed({}, indexOfId(m_project.workloads, w->id), *w);
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
    std::vector<Op> ops;
    if (kind == NodeKind::Client && m_project.workloads.empty()) {
        // A client needs a workload: create one in the same step.
        Workload w = makeDefaultWorkload(WorkloadShape::Diurnal, uniqueId(m_project, "w"),
                                         "Weekday");
        n.workload = w.id;
        ops.push_back(inserted({}, 0, w));
    }
    ops.push_back(inserted(c->id, c->nodes.size(), n));
    push(addNodeText(kind), std::move(ops));
    return toQ(n.id);
}

void Document::renameNode(const QString &candidateId, const QString &nodeId, const QString &name)
{
    const Node *n = node(candidateId, nodeId);
    if (!n || n->name == toStd(name))
        return;
    Node after = *n;
    after.name = toStd(name);
    push(tr("Rename %1").arg(toQ(n->name)), {replaced(toStd(candidateId), *n, after)});
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
         {replaced(toStd(candidateId), *n, after)});
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
         {replaced(toStd(candidateId), *n, after)});
    return {};
}

QString Document::setEdgeRange(const QString &candidateId, const QString &edgeId,
                               const QString &key, const std::optional<ParamRange> &range)
{
    const Edge *e = edge(candidateId, edgeId);
    if (!e)
        return tr("There is no connection '%1'.").arg(edgeId);
    const ParamSpec *spec = findEdgeFieldSpec(toStd(key));
    if (!spec)
        return tr("A connection has no number '%1'.").arg(key);
    Edge after = *e;
    if (range)
        after.ranges[spec->key] = *range;
    else
        after.ranges.erase(spec->key);
    if (const QString why = firstBroken(checkEdge(after)); !why.isEmpty())
        return why;
    if (after == *e)
        return {};
    const Node *from = node(candidateId, toQ(e->from));
    const Node *to = node(candidateId, toQ(e->to));
    push(tr("Set range of %1 of %2 → %3")
             .arg(toQ(spec->label), from ? toQ(from->name) : toQ(e->from),
                  to ? toQ(to->name) : toQ(e->to)),
         {replaced(toStd(candidateId), *e, after)});
    return {};
}

QString Document::setWorkloadRange(const QString &workloadId, const QString &key,
                                   const std::optional<ParamRange> &range)
{
    const Workload *w = workload(workloadId);
    if (!w)
        return tr("There is no workload '%1'.").arg(workloadId);
    const ParamSpec *spec = findWorkloadParamSpec(w->shape, toStd(key));
    if (!spec)
        return tr("A %1 workload has no parameter '%2'.").arg(toQ(toString(w->shape)), key);
    Workload after = *w;
    if (range)
        after.ranges[spec->key] = *range;
    else
        after.ranges.erase(spec->key);
    if (const QString why = firstBroken(checkWorkload(after)); !why.isEmpty())
        return why;
    if (after == *w)
        return {};
    push(tr("Set range of %1 of workload %2").arg(toQ(spec->label), toQ(w->name)),
         {replaced({}, *w, after)});
    return {};
}

namespace {
/// "1 worker", "8 workers" (English has no %n plural without a catalogue).
QString workersText(int workers)
{
    return workers == 1 ? Document::tr("1 worker") : Document::tr("%1 workers").arg(workers);
}
} // namespace

QString Document::convertNode(const QString &candidateId, const QString &nodeId)
{
    const Node *n = node(candidateId, nodeId);
    if (!n)
        return tr("There is no node '%1'.").arg(nodeId);
    if (!canConvert(n->kind))
        return tr("Only functions and services can be converted.");
    const Node after = convertedNode(*n);
    // The undo text says what the conversion assumed (the status bar shows it too).
    const QLocale locale;
    const QString text =
        after.kind == NodeKind::Function
            ? tr("Convert %1 to a function: %2 MB, at most %3 instances (%4 replicas × %5 "
                 "workers)")
                  .arg(toQ(n->name), locale.toString(after.number("memoryMb")),
                       locale.toString(after.number("concurrencyLimit")),
                       locale.toString(n->number("maxReplicas")),
                       locale.toString(n->number("concurrencyPerReplica")))
            : tr("Convert %1 to a service: %2 vCPU for %3 MB (%4 MB per vCPU), %5 per replica "
                 "for %6 % CPU-bound work")
                  .arg(toQ(n->name), locale.toString(after.number("vcpu")),
                       locale.toString(n->number("memoryMb")), locale.toString(lambdaMbPerVcpu),
                       workersText(int(after.number("concurrencyPerReplica"))),
                       locale.toString(100.0 * n->number("cpuBoundShare")));
    push(text, {replaced(toStd(candidateId), *n, after)});
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
    push(tr("Set workload of %1").arg(toQ(n->name)), {replaced(toStd(candidateId), *n, after)});
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
        ops.push_back(replaced(c->id, *n, after));
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
    // A gateway's routes are shares of its requests: a new one gets what the others leave.
    if (a->kind == NodeKind::Gateway)
        e.perRequest = leftoverRouteShare(*c, a->id);
    Op op = inserted(c->id, c->edges.size(), e);
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
    push(tr("Edit connection"), {replaced(toStd(candidateId), *current, after)});
    return {};
}

void Document::removeEdges(const QString &candidateId, const QStringList &edgeIds)
{
    removeItems(candidateId, {}, edgeIds, {},
                tr("Delete %n connection(s)", "", int(edgeIds.size())));
}

// --- contexts --------------------------------------------------------------------------------

std::vector<DocumentOperation> Document::membershipOps(const Candidate &after,
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
            ops.push_back(replaced(now->id, *current, updated));
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
    Op op = inserted(c->id, c->contexts.size(), x);
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
    push(tr("Rename context"), {replaced(toStd(candidateId), *x, after)});
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
    std::vector<Op> ops{replaced(c->id, *x, contextAfter)};
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
        Op op = removed(c->id, i, c->edges[i]);
        ops.push_back(op);
    }
    // Nodes that stay but lose their context.
    for (const Node &n : c->nodes) {
        if (nodes.count(n.id) || !contexts.count(n.context))
            continue;
        Node after = n;
        after.context.clear();
        ops.push_back(replaced(c->id, n, after));
    }
    for (size_t i = c->nodes.size(); i-- > 0;) {
        if (!nodes.count(c->nodes[i].id))
            continue;
        Op op = removed(c->id, i, c->nodes[i]);
        ops.push_back(op);
    }
    for (size_t i = c->contexts.size(); i-- > 0;) {
        if (!contexts.count(c->contexts[i].id))
            continue;
        Op op = removed(c->id, i, c->contexts[i]);
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
    return QByteArray::fromStdString(writeFragment(m_project, *c, ids));
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
    std::vector<Problem> problems;
    const std::optional<Fragment> read = readFragment(fragment.toStdString(), problems);
    if (!read)
        return refuse(tr("The clipboard holds no Skyline nodes."));
    if (!problems.empty())
        return refuse(tr("The clipboard content is damaged: %1").arg(toQ(describe(problems[0]))));
    if (read->nodes.empty())
        return refuse(tr("The clipboard holds no Skyline nodes."));

    const Fragment placed = placeFragment(m_project, *c, *read, offset);
    std::vector<Op> ops;
    for (const Workload &w : placed.workloads)
        ops.push_back(inserted({}, m_project.workloads.size() + ops.size(), w));
    QStringList newIds;
    for (size_t i = 0; i < placed.nodes.size(); ++i) {
        ops.push_back(inserted(c->id, c->nodes.size() + i, placed.nodes[i]));
        newIds << toQ(placed.nodes[i].id);
    }
    for (size_t i = 0; i < placed.edges.size(); ++i)
        ops.push_back(inserted(c->id, c->edges.size() + i, placed.edges[i]));
    push(tr("Paste %n node(s)", "", int(newIds.size())), std::move(ops));
    if (error)
        error->clear();
    return newIds;
}

} // namespace skyline
