#include "NodePalette.h"

#include "NodeKindInfo.h"

#include "domain/NodeKinds.h"

#include <QKeyEvent>
#include <QMimeData>

namespace skyline {

NodePalette::NodePalette(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("nodePalette"));
    setViewMode(QListView::ListMode);
    setIconSize(QSize(28, 28));
    setSpacing(2);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    for (const NodeKindTraits &row : nodeKindTable()) {
        const NodeKind kind = row.kind;
        auto *item = new QListWidgetItem(nodeKindIcon(kind), QString(), this);
        item->setData(kindRole, int(kind));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    retranslate();
    connect(this, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { emit addNodeRequested(kindAt(row(item))); });
}

void NodePalette::retranslate()
{
    setToolTip(tr("Click a kind to add it at the centre of the canvas, or drag it onto the "
                  "canvas."));
    for (int i = 0; i < count(); ++i) {
        const NodeKind kind = kindAt(i);
        item(i)->setText(nodeKindDisplayName(kind));
        item(i)->setToolTip(nodeKindDescription(kind));
        item(i)->setStatusTip(nodeKindDescription(kind));
    }
}

void NodePalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QListWidget::changeEvent(event);
}

NodeKind NodePalette::kindAt(int row) const
{
    const QListWidgetItem *entry = item(row);
    return entry ? NodeKind(entry->data(kindRole).toInt()) : NodeKind::Function;
}

QMimeData *NodePalette::mimeDataForKind(NodeKind kind)
{
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(nodeKindMimeType), QByteArray(toString(kind)));
    return mime;
}

QMimeData *NodePalette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    return mimeDataForKind(NodeKind(items.first()->data(kindRole).toInt()));
}

QStringList NodePalette::mimeTypes() const { return {QString::fromLatin1(nodeKindMimeType)}; }

void NodePalette::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
        emit addNodeRequested(kindAt(currentRow()));
        event->accept();
        return;
    }
    QListWidget::keyPressEvent(event);
}

} // namespace skyline
