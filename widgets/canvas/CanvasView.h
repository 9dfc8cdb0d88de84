#pragma once
// The canvas of one candidate: a QGraphicsView over a CanvasScene. Zoom (wheel around the
// cursor, slots for the menu's Ctrl+= / Ctrl+- / Ctrl+0), pan (middle mouse or Space+drag),
// rubber-band selection, tool modes, the clipboard, and drops from the node palette.

#include "CanvasScene.h"

#include <QGraphicsView>
#include <QLineEdit>
#include <QPointer>

namespace skyline {

class Document;

class CanvasView : public QGraphicsView
{
    Q_OBJECT
public:
    static constexpr double minimumZoom = 0.05;
    static constexpr double maximumZoom = 8.0;
    static constexpr double zoomStep = 1.25;

    CanvasView(Document *document, const QString &candidateId, QWidget *parent = nullptr);

    QString currentCandidateId() const;
    CanvasScene *canvasScene() const { return m_scene; }
    Document *document() const { return m_document; }
    /// The current scale factor (1 = 100 %).
    double zoom() const;
    /// Whether the view re-fits the diagram when it is resized: after zoomToFit() until the
    /// user zooms or pans (a diagram opened in a window that then grows fills it).
    bool fitFollowsResize() const { return m_fitFollowsResize; }
    CanvasScene::Tool tool() const { return m_scene->tool(); }
    bool snapToGrid() const { return m_scene->snapToGrid(); }
    /// The short "how to start" text drawn on an empty canvas; empty when the canvas has nodes.
    QString emptyHint() const;
    /// The in-place name editor while a rename is in progress, else nullptr.
    QLineEdit *renameEditor() const { return m_renameEditor; }

public slots:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void resetZoom();
    /// Multiplies the scale by `factor` (clamped), keeping the view centre in place.
    void zoomBy(double factor);

    void setTool(skyline::CanvasScene::Tool tool);
    void setSelectTool() { setTool(CanvasScene::Tool::Select); }
    void setConnectApiTool() { setTool(CanvasScene::Tool::ConnectApi); }
    void setConnectEventTool() { setTool(CanvasScene::Tool::ConnectEvent); }
    void setAddContextTool() { setTool(CanvasScene::Tool::AddContext); }
    void setSnapToGrid(bool on);

    void deleteSelection();
    void copySelection();
    void cutSelection();
    void paste();
    void selectAll();
    /// Adds a node at a free spot near the centre of the visible area and selects it (the
    /// palette's click).
    void addNodeAtViewCenter(skyline::NodeKind kind);
    /// Copies the selected nodes (and the edges among them) beside them, in one undo step,
    /// without touching the clipboard; the copies become the selection.
    void duplicateSelection();
    /// Renames the selected node or context in place (an editor over its title).
    void renameSelection();
    /// Starts the in-place editor over the title of node or context `id`.
    void startRename(const QString &id);
    /// Moves the selected nodes to free spots inside the context's box (one undo step).
    void bringSelectionIntoContext(const QString &contextId);

signals:
    void selectionChanged(const QStringList &nodeIds, const QStringList &edgeIds,
                          const QStringList &contextIds);
    void zoomChanged(double zoom);
    void toolChanged(skyline::CanvasScene::Tool tool);
    /// A message for the status bar (e.g. why a connection was refused).
    void statusMessage(const QString &message);
    /// A right click: the item under it is selected first (unless already selected); the
    /// window shows its menu for the selection at `globalPos`.
    void contextMenuRequested(const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyScale(double factor);
    void updateDragMode();
    void showRefusal(const QString &reason);
    QPointF viewCenterInScene() const;
    void finishRename(bool commit);

    Document *m_document;
    CanvasScene *m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    bool m_fitFollowsResize = false;
    QPoint m_panLast;
    int m_pasteCount = 0;
    QByteArray m_lastPasted;
    QPointer<QLineEdit> m_renameEditor;
    QString m_renameId;
};

} // namespace skyline
