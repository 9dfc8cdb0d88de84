#include "EditCommand.h"

namespace skyline {

EditCommand::EditCommand(Document *document, const QString &text,
                         std::vector<DocumentOperation> ops, bool applied)
    : m_document(document), m_ops(std::move(ops)), m_applied(applied)
{
    setText(text);
}

void EditCommand::redo()
{
    if (m_applied)
        m_applied = false;
    else
        for (const DocumentOperation &op : m_ops)
            m_document->apply(op, true);
    emit m_document->projectChanged();
}

void EditCommand::undo()
{
    for (auto it = m_ops.rbegin(); it != m_ops.rend(); ++it)
        m_document->apply(*it, false);
    emit m_document->projectChanged();
}

} // namespace skyline
