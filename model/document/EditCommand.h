#pragma once
// The one undo command of the document: a list of primitive operations applied in order by
// redo() and reversed by undo(). Every user edit is one EditCommand with a translatable text.
// (A single generic command instead of one class per verb: each verb is just a different list
// of insert/remove/replace operations, so the undo logic exists once.)

#include "Document.h"

#include <QUndoCommand>

#include <vector>

namespace skyline {

class EditCommand : public QUndoCommand
{
public:
    /// `mergeKey` != -1 lets consecutive commands with the same key and `mergeTag` merge
    /// (e.g. repeated nudges of the same nodes).
    EditCommand(Document *document, const QString &text, std::vector<Document::Operation> ops,
                int mergeKey = -1, QString mergeTag = {});

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    std::vector<Document::Operation> m_ops;
    int m_mergeKey;
    QString m_mergeTag;
};

} // namespace skyline
