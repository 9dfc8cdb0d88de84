#pragma once
// Exports of what Skyline draws: a canvas (any QGraphicsScene) and any chart (QCustomPlot) to
// PNG (given size, white background), SVG (QSvgGenerator) and PDF (QPdfWriter); the figures
// behind them to CSV. The GUI's export actions, `skyline-cli render` and the HTML report share
// these functions, so an image looks the same wherever it is made.
//
// A scene is drawn as it is: selected items keep their selection outline (export from a
// scene without a selection, as the report and the CLI do, for clean images).

#include "engine/Evaluation.h"

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

#include <map>
#include <string>

class QCustomPlot;
class QGraphicsScene;

namespace skyline {

/// The part of a scene an export shows: its items' bounding rectangle plus a margin (an empty
/// scene gives an empty rectangle).
QRectF sceneExportRect(QGraphicsScene *scene, double marginPx = 24);

/// The scene drawn into an image of exactly `size` on white, scaled to fit and centred.
QImage renderSceneImage(QGraphicsScene *scene, QSize size);
/// A size of at most `maxWidthPx` x `maxHeightPx` with the scene's aspect ratio, at most
/// `maxScale` times the scene's own size (so a small diagram is not blown up).
QSize fittedSceneSize(QGraphicsScene *scene, int maxWidthPx, int maxHeightPx,
                      double maxScale = 2.0);
bool exportScenePng(QGraphicsScene *scene, const QString &path, QSize size);
/// The scene as an SVG document (in scene units), e.g. to inline into HTML.
QByteArray sceneSvg(QGraphicsScene *scene, const QString &title = {});
bool exportSceneSvg(QGraphicsScene *scene, const QString &path, const QString &title = {});
/// One page the shape of the scene.
bool exportScenePdf(QGraphicsScene *scene, const QString &path, const QString &title = {});

/// The plot drawn at exactly `size` on white (a transparent plot background becomes white).
QImage renderPlotImage(QCustomPlot *plot, QSize size);
bool exportPlotPng(QCustomPlot *plot, const QString &path, QSize size);
QByteArray plotSvg(QCustomPlot *plot, QSize size, const QString &title = {});
bool exportPlotSvg(QCustomPlot *plot, const QString &path, QSize size,
                   const QString &title = {});
bool exportPlotPdf(QCustomPlot *plot, const QString &path, QSize size,
                   const QString &title = {});

/// PNG bytes of an image (empty on failure).
QByteArray pngBytes(const QImage &image);
/// "data:image/png;base64,..." for embedding an image in a self-contained HTML file.
QString pngDataUri(const QImage &image);

/// A file-name part for every candidate of the project, by candidate id: `skyline-cli render`
/// names its images after it and the HTML report its section ids. Ids are user text: letters,
/// digits, '-' and '_' are kept, anything else becomes '_', an empty id "candidate". Two ids
/// that would give the same stem, also when compared case-insensitively (macOS and Windows
/// file systems), are told apart in candidate order: the later one gets "-2", "-3", ... (so
/// `c/1` and `c_1` never share a file).
std::map<std::string, QString> candidateFileStems(const Project &project);

/// Writes bytes atomically (QSaveFile); false and *error set on failure.
bool writeFileBytes(const QString &path, const QByteArray &bytes, QString *error = nullptr);
/// evaluationNodesCsv (one row per node of every candidate, names beside ids) to a file.
bool exportNodesCsv(const Evaluation &evaluation, const Project &project, const QString &path,
                    QString *error = nullptr);
/// evaluationMinutesCsv (one row per node and minute; needs the series) to a file.
bool exportMinutesCsv(const Evaluation &evaluation, const Project &project, const QString &path,
                      QString *error = nullptr);

} // namespace skyline
