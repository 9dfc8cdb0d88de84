// Canvas benchmark: a 1,000-node project (a 40 × 25 grid, edges between neighbours, a few
// contexts). Times write -> read -> validate -> build the scene (target < 300 ms in total),
// then renders the view into a QImage while panning and zooming and reports frames per second.
// Run: QT_QPA_PLATFORM=offscreen build/bin/bench_canvas [repeats]

#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"

#include "Document.h"
#include "io/ProjectJson.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace skyline;

namespace {

constexpr int columns = 40;
constexpr int rows = 25;
constexpr double spacingXPx = 220;
constexpr double spacingYPx = 120;

Project makeGridProject()
{
    Project project = Document::newProject();
    Candidate &c = project.candidates.front();
    const std::string workload = project.workloads.front().id;
    const NodeKind cycle[] = {NodeKind::Gateway, NodeKind::Function, NodeKind::Service,
                              NodeKind::Queue, NodeKind::Datastore};
    // Four contexts, each a block of 10 columns × 12 rows.
    for (int i = 0; i < 4; ++i) {
        const double x = (i % 2) * 20 * spacingXPx - spacingXPx / 2;
        const double y = (i / 2) * 12 * spacingYPx - spacingYPx / 2;
        c.contexts.push_back(Context{"x" + std::to_string(i + 1),
                                     "Context " + std::to_string(i + 1),
                                     RectF{x, y, 10 * spacingXPx, 12 * spacingYPx}});
    }
    auto id = [](int col, int row) { return "n" + std::to_string(row * columns + col + 1); };
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < columns; ++col) {
            const NodeKind kind = col == 0 ? NodeKind::Client : cycle[(col + row) % 5];
            const PointF pos{col * spacingXPx, row * spacingYPx};
            Node node = makeDefaultNode(kind, id(col, row),
                                        "Node " + std::to_string(row * columns + col + 1), pos);
            if (kind == NodeKind::Client)
                node.workload = workload;
            for (const Context &x : c.contexts)
                if (x.rect.contains(pos))
                    node.context = x.id;
            c.nodes.push_back(node);
        }
    }
    int edgeCount = 0;
    auto connect = [&](int fromCol, int fromRow, int toCol, int toRow, EdgeKind kind) {
        if (toCol == 0)
            return; // clients receive no edges
        Edge e;
        e.id = "e" + std::to_string(++edgeCount);
        e.kind = kind;
        e.from = id(fromCol, fromRow);
        e.to = id(toCol, toRow);
        e.perRequest = (edgeCount % 7 == 0) ? 0.5 : 1.0;
        c.edges.push_back(e);
    };
    for (int row = 0; row < rows; ++row)
        for (int col = 0; col < columns; ++col) {
            if (col + 1 < columns)
                connect(col, row, col + 1, row, EdgeKind::Api);
            if (row + 1 < rows && col % 3 == 1)
                connect(col, row, col, row + 1, EdgeKind::Event);
        }
    return project;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double fps(CanvasView &view, QImage &image, int frames, const std::function<void(int)> &step)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        step(i);
        image.fill(Qt::white);
        QPainter painter(&image);
        view.render(&painter);
    }
    return frames * 1000.0 / std::max<qint64>(1, timer.elapsed());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    const Project project = makeGridProject();
    const Candidate &candidate = project.candidates.front();
    std::printf("project: %zu nodes, %zu edges, %zu contexts\n", candidate.nodes.size(),
                candidate.edges.size(), candidate.contexts.size());

    std::vector<double> writeMs, readMs, validateMs, sceneMs, totalMs;
    std::unique_ptr<Document> document;
    std::unique_ptr<CanvasView> view;
    for (int r = 0; r < repeats; ++r) {
        view.reset();
        document = std::make_unique<Document>();
        QElapsedTimer timer;
        timer.start();
        const std::string text = writeProject(project);
        const double w = timer.nsecsElapsed() / 1e6;
        ReadResult<Project> read = readProject(text);
        const double rd = timer.nsecsElapsed() / 1e6;
        const std::vector<Problem> problems = validateProject(*read.value);
        const double v = timer.nsecsElapsed() / 1e6;
        document->resetProject(*read.value);
        view = std::make_unique<CanvasView>(document.get(),
                                            toQ(read.value->candidates.front().id));
        const double s = timer.nsecsElapsed() / 1e6;
        if (!read.ok() || !problems.empty()) {
            std::fprintf(stderr, "generated project is invalid: %s\n",
                         read.problems.empty() ? describe(problems.front()).c_str()
                                               : describe(read.problems.front()).c_str());
            return 1;
        }
        if (view->canvasScene()->nodeItemCount() != int(candidate.nodes.size())
            || view->canvasScene()->edgeItemCount() != int(candidate.edges.size())) {
            std::fprintf(stderr, "scene does not mirror the project\n");
            return 1;
        }
        writeMs.push_back(w);
        readMs.push_back(rd - w);
        validateMs.push_back(v - rd);
        sceneMs.push_back(s - v);
        totalMs.push_back(s);
    }
    std::printf("file size: %zu bytes\n", writeProject(project).size());
    std::printf("median of %d: write %.1f ms, read %.1f ms, validate %.1f ms, "
                "document+scene %.1f ms, total %.1f ms (target < 300 ms)\n",
                repeats, median(writeMs), median(readMs), median(validateMs), median(sceneMs),
                median(totalMs));

    view->resize(1280, 800);
    view->show();
    QImage image(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const int frames = 60;

    view->resetZoom();
    view->centerOn(0, 0);
    const double pan100 = fps(*view, image, frames, [&](int i) {
        view->centerOn(600 + i * 40, 400 + i * 15);
    });
    const double zoomSweep = fps(*view, image, frames, [&](int i) {
        const double z = 0.2 + 1.6 * (i % 30) / 29.0;
        view->setTransform(QTransform::fromScale(z, z));
        view->centerOn(4000, 1500);
    });
    view->zoomToFit();
    const double fitZoom = view->zoom();
    const double panFit = fps(*view, image, frames, [&](int i) {
        view->centerOn(4300 + (i % 10) * 20, 1440 + (i % 7) * 20);
    });
    std::printf("render %dx%d: pan at 100%% %.1f fps; zoom sweep 20%%-180%% %.1f fps; "
                "pan at fit (%.0f%%, all 1,000 nodes visible) %.1f fps\n",
                image.width(), image.height(), pan100, zoomSweep, fitZoom * 100, panFit);
    return 0;
}
