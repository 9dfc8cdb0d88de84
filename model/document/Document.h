#pragma once
// The document: the one write path to a project (STYLE.md habits 3 and 4). Every edit method
// pushes one undoable command onto the document's QUndoStack; the command's redo()/undo()
// apply primitive operations that emit fine-grained change signals. Views listen and never
// write model fields themselves.

#include "domain/Project.h"
#include "io/ProjectJson.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace skyline {

class EditCommand;
struct DocumentOperation; // Operation.h, seen only by Document.cpp and EditCommand.cpp
struct MetaChange;
template <typename T>
struct EntityChange;

inline QString toQ(const std::string &s) { return QString::fromStdString(s); }
inline std::string toStd(const QString &s) { return s.toStdString(); }

/// The project-level fields that are not lists: name, description, pricing.
struct ProjectMeta
{
    std::string name;
    std::string description;
    Pricing pricing;
};

/// MIME type of copied nodes on the clipboard (the text is a JSON fragment).
inline constexpr const char *fragmentMimeType = "application/x-skyline-fragment";

class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Project &project() const { return m_project; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // --- files ------------------------------------------------------------------------------
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    bool isModified() const;
    /// Replaces the whole project (New, Open, Revert): clears undo history, emits projectReset.
    /// `unsaved`: the project is not on disk as it is (restored or imported work), so it stays
    /// marked modified and Close asks to save it.
    void resetProject(const Project &project, const QString &filePath = {}, bool unsaved = false);
    /// Reads and validates a file. On failure the open document is untouched and `error`
    /// names every problem with its JSON pointer.
    bool load(const QString &path, QString *error);
    /// Writes atomically (QSaveFile); marks the document clean on success.
    bool save(const QString &path, QString *error);
    /// A fresh project: one candidate, one workload, no nodes.
    static Project newProject();

    // --- lookups ----------------------------------------------------------------------------
    const Candidate *candidate(const QString &candidateId) const;
    const Node *node(const QString &candidateId, const QString &nodeId) const;
    const Edge *edge(const QString &candidateId, const QString &edgeId) const;
    const Context *context(const QString &candidateId, const QString &contextId) const;
    const Workload *workload(const QString &workloadId) const;
    /// The context whose rectangle contains `pos` (the smallest one), or empty.
    QString contextAt(const QString &candidateId, const PointF &pos) const;

    // --- edits (each one undo step; errors are returned, nothing is stored then) -----------
    void setProjectName(const QString &name);
    void setDescription(const QString &description);
    void setPricing(const Pricing &pricing);

    QString addCandidate(const QString &name);
    void renameCandidate(const QString &candidateId, const QString &name);
    /// Copies a candidate with fresh ids; returns the new candidate's id.
    QString duplicateCandidate(const QString &candidateId);
    void removeCandidate(const QString &candidateId);
    /// Adds an imported candidate and the workloads its clients use, in one undo step. Ids
    /// that clash with the project's get fresh ones (the candidate's id always does when taken);
    /// `renamed` receives every changed id, old -> new, so a review list can follow. Returns
    /// the new candidate's id.
    QString addImportedCandidate(const Candidate &candidate, const std::vector<Workload> &workloads,
                                 std::map<std::string, std::string> *renamed = nullptr);

    QString addWorkload(WorkloadShape shape, const QString &name);
    /// Replaces a workload's name, shape, parameters or points. Returns an error when a value
    /// is out of range.
    QString setWorkload(const Workload &workload);
    /// Refused (error returned) while a client uses the workload.
    QString removeWorkload(const QString &workloadId);

    QString addNode(const QString &candidateId, NodeKind kind, const PointF &pos,
                    const QString &name = {});
    void renameNode(const QString &candidateId, const QString &nodeId, const QString &name);
    /// Sets one parameter; returns why it was refused (range, type), or an empty string.
    QString setNodeParam(const QString &candidateId, const QString &nodeId, const QString &key,
                         const ParamValue &value);
    /// Sets (or, with nullopt, removes) the range of one numeric parameter, one undo step;
    /// returns why it was refused (low above the value, outside the allowed values, not a
    /// numeric parameter), or an empty string. Edges and workloads carry their ranges through
    /// setEdge and setWorkload.
    QString setNodeRange(const QString &candidateId, const QString &nodeId, const QString &key,
                         const std::optional<ParamRange> &range);
    /// The same for a connection's "perRequest" or "latencyMs" (undo text names the field and
    /// the connection's ends).
    QString setEdgeRange(const QString &candidateId, const QString &edgeId, const QString &key,
                         const std::optional<ParamRange> &range);
    /// The same for a workload's shape parameter ("rps", "peakRps" …).
    QString setWorkloadRange(const QString &workloadId, const QString &key,
                             const std::optional<ParamRange> &range);
    /// Turns a service into a function or back (one undo step), carrying over what maps:
    /// run time and its variability, memory, architecture, runtime, capacity. Returns why it
    /// was refused (only functions and services convert), or an empty string.
    QString convertNode(const QString &candidateId, const QString &nodeId);
    void setNodeWorkload(const QString &candidateId, const QString &nodeId,
                         const QString &workloadId);
    /// Moves nodes (one undo step); a node whose new position falls inside a context box
    /// joins that context, one moved out of every box leaves its context.
    void moveNodes(const QString &candidateId, const std::map<QString, PointF> &newPositions);
    /// Removes nodes, the edges that touch them, in one undo step.
    void removeNodes(const QString &candidateId, const QStringList &nodeIds);

    /// Connects two nodes; returns the new edge id, or empty when refused (`error` says why:
    /// same node, a client as target, an existing edge of that kind).
    QString addEdge(const QString &candidateId, EdgeKind kind, const QString &from,
                    const QString &to, QString *error = nullptr);
    /// Replaces an edge's kind, perRequest, latencyMs, parallel, fallback (ends stay).
    QString setEdge(const QString &candidateId, const Edge &edge);
    void removeEdges(const QString &candidateId, const QStringList &edgeIds);

    QString addContext(const QString &candidateId, const QString &name, const RectF &rect);
    void renameContext(const QString &candidateId, const QString &contextId, const QString &name);
    /// Moves or resizes a context box. Moving carries its nodes; afterwards every node's
    /// membership follows the boxes.
    void setContextRect(const QString &candidateId, const QString &contextId, const RectF &rect);
    /// Removes a context box; its nodes stay, outside any context.
    void removeContext(const QString &candidateId, const QString &contextId);

    /// Removes nodes, edges and contexts together (one undo step, e.g. Delete or Cut).
    void removeItems(const QString &candidateId, const QStringList &nodeIds,
                     const QStringList &edgeIds, const QStringList &contextIds,
                     const QString &undoText = {});

    // --- clipboard --------------------------------------------------------------------------
    /// The JSON fragment of the nodes and the edges among them.
    QByteArray copyFragment(const QString &candidateId, const QStringList &nodeIds) const;
    /// Pastes a fragment with fresh ids, offset by `offset`; returns the new node ids, or an
    /// empty list (and `error`) when the fragment cannot be read.
    QStringList pasteFragment(const QString &candidateId, const QByteArray &fragment,
                              const PointF &offset, QString *error = nullptr);

    // --- grouped edits ----------------------------------------------------------------------
    /// Makes the edits until the matching endGroup() one undo step named `text` (e.g. a drag
    /// that moves boxes and nodes together). Each edit takes effect at once, so later edits of
    /// the group see the earlier ones; groups nest (the outermost one names the step); a group
    /// without edits leaves no step, and one with a single edit keeps that edit's own text.
    void beginGroup(const QString &text);
    void endGroup();

signals:
    void projectReset();
    void metaChanged(); ///< name, description or pricing
    void candidateAdded(const QString &candidateId);
    void candidateRemoved(const QString &candidateId);
    void candidateChanged(const QString &candidateId); ///< renamed
    void workloadAdded(const QString &workloadId);
    void workloadRemoved(const QString &workloadId);
    void workloadChanged(const QString &workloadId);
    void nodeAdded(const QString &candidateId, const QString &nodeId);
    void nodeRemoved(const QString &candidateId, const QString &nodeId);
    void nodeChanged(const QString &candidateId, const QString &nodeId);
    void edgeAdded(const QString &candidateId, const QString &edgeId);
    void edgeRemoved(const QString &candidateId, const QString &edgeId);
    void edgeChanged(const QString &candidateId, const QString &edgeId);
    void contextAdded(const QString &candidateId, const QString &contextId);
    void contextRemoved(const QString &candidateId, const QString &contextId);
    void contextChanged(const QString &candidateId, const QString &contextId);
    /// After any change of the project (edit, undo, redo, reset): re-evaluate, retitle.
    void projectChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    friend class EditCommand;
    using Operation = DocumentOperation; // a std::variant of the changes of each entity kind
    /// Applies one operation forwards or backwards and emits its fine-grained signal.
    void apply(const Operation &op, bool forward);
    void applyChange(const MetaChange &change, bool forward);
    template <typename T>
    void applyChange(const EntityChange<T> &change, bool forward);
    /// One undo step of `ops`, or a part of the open group.
    void push(const QString &text, std::vector<Operation> ops);
    std::vector<Operation> membershipOps(const Candidate &after, const QString &candidateId) const;

    Project m_project;
    QString m_filePath;
    QUndoStack *m_undoStack = nullptr;

    struct Group
    {
        int depth = 0;
        QString text;               ///< the outermost group's text
        int parts = 0;              ///< edits made in the group
        QString firstPartText;      ///< the text of the first of them
        std::vector<Operation> ops; ///< applied already, in order
    };
    std::unique_ptr<Group> m_group; ///< the open group, or none
};

/// Opens a group of edits for its lifetime (Document::beginGroup/endGroup).
class EditGroup
{
public:
    EditGroup(Document *document, const QString &text) : m_document(document)
    {
        m_document->beginGroup(text);
    }
    ~EditGroup() { m_document->endGroup(); }
    EditGroup(const EditGroup &) = delete;
    EditGroup &operator=(const EditGroup &) = delete;

private:
    Document *m_document;
};

} // namespace skyline
