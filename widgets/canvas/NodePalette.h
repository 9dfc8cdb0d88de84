#pragma once
// The node palette: the six node kinds with icon, name and a tooltip describing the kind.
// A click asks for a node at the centre of the current view (addNodeRequested); dragging an
// entry onto a canvas adds the node at the drop point (MIME type nodeKindMimeType).

#include "domain/Project.h"

#include <QListWidget>

namespace skyline {

class NodePalette : public QListWidget
{
    Q_OBJECT
public:
    explicit NodePalette(QWidget *parent = nullptr);

    /// The kind shown in `row`.
    NodeKind kindAt(int row) const;
    /// The drag data for one kind, as a drop on the canvas expects it.
    static QMimeData *mimeDataForKind(NodeKind kind);

signals:
    void addNodeRequested(skyline::NodeKind kind);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
    void keyPressEvent(QKeyEvent *event) override;
    /// A new language (Preferences) renames the kinds at once.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    static constexpr int kindRole = Qt::UserRole + 1;
};

} // namespace skyline
