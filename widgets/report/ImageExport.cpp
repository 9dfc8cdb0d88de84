#include "ImageExport.h"

#include "engine/EvaluationJson.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace skyline {

namespace {

/// Where a source rectangle lands inside `target` when scaled to fit, centred.
QRectF fittedTarget(const QRectF &source, const QRectF &target)
{
    if (source.isEmpty())
        return target;
    const double scale = std::min(target.width() / source.width(),
                                  target.height() / source.height());
    const QSizeF size = source.size() * scale;
    return QRectF(target.x() + (target.width() - size.width()) / 2,
                  target.y() + (target.height() - size.height()) / 2, size.width(),
                  size.height());
}

/// QSvgGenerator writes the title verbatim: a name with '<' or '&' would break the XML.
QString svgText(const QString &text)
{
    return text.toHtmlEscaped();
}

void paintScene(QGraphicsScene *scene, QPainter &painter, const QRectF &target)
{
    const QRectF source = sceneExportRect(scene);
    if (source.isEmpty())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // Exports are on white whatever the canvas shows on screen; the scene gets its brush back.
    const QBrush screenBackground = scene->backgroundBrush();
    scene->setBackgroundBrush(Qt::white);
    scene->render(&painter, fittedTarget(source, target), source, Qt::KeepAspectRatio);
    scene->setBackgroundBrush(screenBackground);
}

} // namespace

QRectF sceneExportRect(QGraphicsScene *scene, double marginPx)
{
    if (!scene)
        return {};
    const QRectF items = scene->itemsBoundingRect();
    if (items.isEmpty())
        return {};
    return items.adjusted(-marginPx, -marginPx, marginPx, marginPx);
}

QImage renderSceneImage(QGraphicsScene *scene, QSize size)
{
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintScene(scene, painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    painter.end();
    return image;
}

QSize fittedSceneSize(QGraphicsScene *scene, int maxWidthPx, int maxHeightPx, double maxScale)
{
    const QRectF source = sceneExportRect(scene);
    if (source.isEmpty())
        return QSize(std::min(maxWidthPx, 400), std::min(maxHeightPx, 200));
    const double scale = std::min({maxScale, maxWidthPx / source.width(),
                                   maxHeightPx / source.height()});
    return QSize(std::max(1, int(std::lround(source.width() * scale))),
                 std::max(1, int(std::lround(source.height() * scale))));
}

bool exportScenePng(QGraphicsScene *scene, const QString &path, QSize size)
{
    return writeFileBytes(path, pngBytes(renderSceneImage(scene, size)));
}

QByteArray sceneSvg(QGraphicsScene *scene, const QString &title)
{
    QRectF source = sceneExportRect(scene);
    if (source.isEmpty())
        source = QRectF(0, 0, 400, 200);
    const QSize size = source.size().toSize();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(svgText(title));
    generator.setDescription(QStringLiteral("Skyline canvas"));
    QPainter painter;
    if (!painter.begin(&generator))
        return {};
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    paintScene(scene, painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return buffer.data();
}

bool exportSceneSvg(QGraphicsScene *scene, const QString &path, const QString &title)
{
    const QByteArray svg = sceneSvg(scene, title);
    return !svg.isEmpty() && writeFileBytes(path, svg);
}

bool exportScenePdf(QGraphicsScene *scene, const QString &path, const QString &title)
{
    QRectF source = sceneExportRect(scene);
    if (source.isEmpty())
        source = QRectF(0, 0, 400, 200);
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Skyline"));
    writer.setResolution(96);
    // One page the shape of the scene, 1 scene px = 1 px at 96 dpi (0.75 pt).
    writer.setPageSize(QPageSize(source.size() * 0.75, QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const QRectF page(0, 0, writer.width(), writer.height());
    painter.fillRect(page, Qt::white);
    paintScene(scene, painter, page);
    return painter.end();
}

QImage renderPlotImage(QCustomPlot *plot, QSize size)
{
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    if (!plot)
        return image;
    const QPixmap pixmap = plot->toPixmap(image.width(), image.height());
    QPainter painter(&image);
    painter.drawPixmap(0, 0, pixmap);
    painter.end();
    return image;
}

bool exportPlotPng(QCustomPlot *plot, const QString &path, QSize size)
{
    return writeFileBytes(path, pngBytes(renderPlotImage(plot, size)));
}

QByteArray plotSvg(QCustomPlot *plot, QSize size, const QString &title)
{
    if (!plot)
        return {};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(svgText(title));
    QCPPainter painter;
    if (!painter.begin(&generator))
        return {};
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return buffer.data();
}

bool exportPlotSvg(QCustomPlot *plot, const QString &path, QSize size, const QString &title)
{
    const QByteArray svg = plotSvg(plot, size, title);
    return !svg.isEmpty() && writeFileBytes(path, svg);
}

bool exportPlotPdf(QCustomPlot *plot, const QString &path, QSize size, const QString &title)
{
    return plot
        && plot->savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
                         QStringLiteral("Skyline"), title);
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

QString pngDataUri(const QImage &image)
{
    return QStringLiteral("data:image/png;base64,")
        + QString::fromLatin1(pngBytes(image).toBase64());
}

bool writeFileBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool exportNodesCsv(const Evaluation &evaluation, const Project &project, const QString &path,
                    QString *error)
{
    return writeFileBytes(
        path, QByteArray::fromStdString(evaluationNodesCsv(evaluation, project)), error);
}

bool exportMinutesCsv(const Evaluation &evaluation, const Project &project, const QString &path,
                      QString *error)
{
    return writeFileBytes(
        path, QByteArray::fromStdString(evaluationMinutesCsv(evaluation, project)), error);
}

std::map<std::string, QString> candidateFileStems(const Project &project)
{
    std::map<std::string, QString> stems;
    QSet<QString> used; // case-folded
    for (const Candidate &candidate : project.candidates) {
        if (stems.count(candidate.id))
            continue; // a duplicate id (refused when reading a file) keeps its first stem
        QString base;
        for (const QChar ch : QString::fromStdString(candidate.id))
            base += (ch.isLetterOrNumber() || ch == QLatin1Char('-') || ch == QLatin1Char('_'))
                ? ch : QLatin1Char('_');
        if (base.isEmpty())
            base = QStringLiteral("candidate");
        QString stem = base;
        for (int k = 2; used.contains(stem.toCaseFolded()); ++k)
            stem = base + QLatin1Char('-') + QString::number(k);
        used.insert(stem.toCaseFolded());
        stems.emplace(candidate.id, stem);
    }
    return stems;
}

} // namespace skyline
