#pragma once
// The canvas of one candidate: a QGraphicsView over a CanvasScene. Zoom (wheel around the
// cursor, slots for the menu's Ctrl+= / Ctrl+- / Ctrl+0), pan (middle mouse or Space+drag),
// rubber-band selection, tool modes, the clipboard, and drops from the node palette.

#include "CanvasScene.h"

#include <QGraphicsView>

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
    /// Adds a node at the centre of the visible area (the palette's click).
    void addNodeAtViewCenter(skyline::NodeKind kind);

signals:
    void selectionChanged(const QStringList &nodeIds, const QStringList &edgeIds,
                          const QStringList &contextIds);
    void zoomChanged(double zoom);
    void toolChanged(skyline::CanvasScene::Tool tool);
    /// A message for the status bar (e.g. why a connection was refused).
    void statusMessage(const QString &message);

protected:
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
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyScale(double factor);
    void updateDragMode();
    void showRefusal(const QString &reason);
    QPointF viewCenterInScene() const;

    Document *m_document;
    CanvasScene *m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    bool m_fitFollowsResize = false;
    QPoint m_panLast;
    int m_pasteCount = 0;
    QByteArray m_lastPasted;
};

} // namespace skyline
