// Build-time tool: renders an SVG icon to a square PNG, so the hicolor PNGs are drawn from the
// SVGs in this folder and never drift from them.
// usage: skyline_render_icon IN.svg SIZE OUT.png

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int sizePx = args.size() == 4 ? args.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || sizePx < 16 || sizePx > 1024) {
        std::fprintf(stderr, "usage: skyline_render_icon IN.svg SIZE OUT.png (SIZE 16..1024)\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "skyline_render_icon: %s is not a valid SVG\n",
                     qPrintable(args.at(1)));
        return 1;
    }
    QImage image(sizePx, sizePx, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(args.at(3), "PNG")) {
        std::fprintf(stderr, "skyline_render_icon: cannot write %s\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
