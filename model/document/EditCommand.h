#pragma once
// The one undo command of the document: a list of primitive operations applied in order by
// redo() and reversed by undo(). Every user edit is one EditCommand with a translatable text.
// (A single generic command instead of one class per verb: each verb is just a different list
// of insert/remove/replace operations, so the undo logic exists once.)

#include "Operation.h"

#include <QUndoCommand>

#include <vector>

namespace skyline {

class EditCommand : public QUndoCommand
{
public:
    /// `applied`: the operations have taken effect already (a grouped edit applies each part
    /// as it is made), so the first redo() only announces the change.
    EditCommand(Document *document, const QString &text, std::vector<DocumentOperation> ops,
                bool applied = false);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    std::vector<DocumentOperation> m_ops;
    bool m_applied;
};

} // namespace skyline
