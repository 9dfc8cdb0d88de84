#include "EditCommand.h"

namespace skyline {

EditCommand::EditCommand(Document *document, const QString &text,
                         std::vector<Document::Operation> ops, int mergeKey, QString mergeTag)
    : m_document(document), m_ops(std::move(ops)), m_mergeKey(mergeKey),
      m_mergeTag(std::move(mergeTag))
{
    setText(text);
}

void EditCommand::redo()
{
    for (const Document::Operation &op : m_ops)
        m_document->apply(op, true);
    emit m_document->projectChanged();
}

void EditCommand::undo()
{
    for (auto it = m_ops.rbegin(); it != m_ops.rend(); ++it)
        m_document->apply(*it, false);
    emit m_document->projectChanged();
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const EditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey || next->m_mergeTag != m_mergeTag || m_mergeTag.isEmpty())
        return false;
    // Replace operations on the same entities: keep our "before", take their "after".
    if (next->m_ops.size() != m_ops.size())
        return false;
    for (size_t i = 0; i < m_ops.size(); ++i) {
        Document::Operation &mine = m_ops[i];
        const Document::Operation &theirs = next->m_ops[i];
        if (mine.target != theirs.target || mine.candidateId != theirs.candidateId)
            return false;
    }
    for (size_t i = 0; i < m_ops.size(); ++i) {
        Document::Operation &mine = m_ops[i];
        const Document::Operation &theirs = next->m_ops[i];
        mine.nodeAfter = theirs.nodeAfter;
        mine.edgeAfter = theirs.edgeAfter;
        mine.contextAfter = theirs.contextAfter;
        mine.workloadAfter = theirs.workloadAfter;
        mine.candidateAfter = theirs.candidateAfter;
        mine.metaAfter = theirs.metaAfter;
    }
    return true;
}

} // namespace skyline
