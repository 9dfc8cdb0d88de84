// Import in the main window (issue 13): a compose file imported as a new candidate of the open
// project is one undo step and opens the review list, whose rows select on the new canvas; as
// a new project it replaces the document (unsaved); a broken file changes nothing and names
// its line and column; dropped files import, a dropped .skyline opens; the Import and Mermaid
// actions sit in the File menu.
#include "Document.h"
#include "MainWindow.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "EvaluationRunner.h"
#include "import/Import.h"
#include "panels/ReviewPanel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace skyline;

namespace {

const QString fixture = QStringLiteral(SKYLINE_SOURCE_DIR "/tests/widgets/data/shop-compose.yaml");
const QString checkout = QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/checkout.skyline");

importing::ImportResult importFixture()
{
    QFile file(fixture);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return importing::importFiles({{fixture.toStdString(), file.readAll().toStdString()}});
}

/// Clicks the button named `buttonName` (the default one when empty) of the next modal
/// message box; keeps the name of its default button in `defaultName`.
void clickInNextMessageBox(const QString &buttonName, QString *defaultName = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, buttonName, defaultName] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (defaultName && box->defaultButton())
            *defaultName = box->defaultButton()->objectName();
        QPushButton *button =
            buttonName.isEmpty() ? box->defaultButton() : box->findChild<QPushButton *>(buttonName);
        if (button)
            button->click();
        else
            box->reject();
        timer->stop();
        timer->deleteLater();
    });
    timer->start();
}

/// Sends a drag of `paths` over the window and drops it.
void dropFiles(QWidget *window, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    const QPointF at(window->width() / 2.0, 40);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    QVERIFY(drop.isAccepted());
}

} // namespace

class TestImportWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

    Document *doc() const { return m_window->document(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SkylineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importwindow"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_window = new MainWindow(m_dir.filePath(QStringLiteral("recovery")));
        m_window->runner()->setSimulationEnabled(false); // figures are not what is tested
        m_window->runner()->setSweepEnabled(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        doc()->undoStack()->setClean(); // no Save/Discard question when closing
        delete m_window;
    }

    void importAsNewCandidateIsOneUndoStep()
    {
        QVERIFY(m_window->openFile(checkout));
        const Project before = doc()->project();
        const int tabs = m_window->candidateTabs()->count();
        const importing::ImportResult expected = importFixture();
        QVERIFY(expected.ok());
        const Candidate &imported = expected.project->candidates.front();

        QString error;
        QVERIFY2(m_window->importFiles({fixture}, MainWindow::ImportTarget::NewCandidate, &error),
                 qPrintable(error));
        QCOMPARE(doc()->undoStack()->count(), 1);
        QCOMPARE(doc()->project().candidates.size(), before.candidates.size() + 1);
        QCOMPARE(m_window->candidateTabs()->count(), tabs + 1);
        QCOMPARE(m_window->candidateTabs()->currentIndex(), tabs); // the new candidate in front
        const Candidate &added = doc()->project().candidates.back();
        QCOMPARE(added.nodes.size(), imported.nodes.size());
        QCOMPARE(added.edges.size(), imported.edges.size());
        for (size_t i = 0; i < before.candidates.size(); ++i)
            QVERIFY(doc()->project().candidates[i] == before.candidates[i]);
        QVERIFY(validateProject(doc()->project()).empty());

        // The review list opens with one row per review item, about the new candidate.
        ReviewPanel *review = m_window->reviewPanel();
        QVERIFY(review->isVisible());
        QCOMPARE(review->candidate(), toQ(added.id));
        QCOMPARE(review->rowCount(), int(expected.review.size()));

        // Clicking an inferred edge selects that edge on the new canvas (ids were renamed,
        // the checkout example uses n1.., e1..; the row follows).
        int edgeRow = -1;
        for (int row = 0; row < review->rowCount() && edgeRow < 0; ++row)
            if (!review->edgeAt(row).isEmpty())
                edgeRow = row;
        QVERIFY(edgeRow >= 0);
        review->activateRow(edgeRow);
        CanvasView *canvas = m_window->currentCanvas();
        QCOMPARE(canvas->currentCandidateId(), toQ(added.id));
        QCOMPARE(canvas->canvasScene()->selectedEdgeIds(), QStringList{review->edgeAt(edgeRow)});
        const Edge *edge = doc()->edge(toQ(added.id), review->edgeAt(edgeRow));
        QVERIFY(edge);
        // The same edge as in the import: the same ends, by name.
        const std::string fromName = added.findNode(edge->from)->name;
        const std::string toName = added.findNode(edge->to)->name;
        bool sameEdge = false;
        for (const Edge &e : imported.edges)
            sameEdge = sameEdge || (imported.findNode(e.from)->name == fromName &&
                                    imported.findNode(e.to)->name == toName);
        QVERIFY(sameEdge);
        // A row about a node selects the node.
        for (int row = 0; row < review->rowCount(); ++row) {
            if (review->edgeAt(row).isEmpty() && !review->nodeAt(row).isEmpty()) {
                review->activateRow(row);
                QCOMPARE(m_window->currentCanvas()->canvasScene()->selectedNodeIds(),
                         QStringList{review->nodeAt(row)});
                break;
            }
        }

        // One undo takes it all back; one redo brings back the same candidate.
        const Project after = doc()->project();
        doc()->undoStack()->undo();
        QVERIFY(doc()->project() == before);
        QCOMPARE(m_window->candidateTabs()->count(), tabs);
        doc()->undoStack()->redo();
        QVERIFY(doc()->project() == after);
        QCOMPARE(m_window->candidateTabs()->count(), tabs + 1);
    }

    void importAsNewProjectReplacesTheDocument()
    {
        QVERIFY(m_window->openFile(checkout));
        QString error;
        QVERIFY2(m_window->importFiles({fixture}, MainWindow::ImportTarget::NewProject, &error),
                 qPrintable(error));
        const importing::ImportResult expected = importFixture();
        QVERIFY(doc()->project() == *expected.project);
        QCOMPARE(m_window->candidateTabs()->count(), 1);
        QVERIFY(doc()->filePath().isEmpty()); // Save asks where
        QVERIFY(doc()->isModified());         // closing asks before losing it
        QCOMPARE(doc()->undoStack()->count(), 0);
        QCOMPARE(m_window->reviewPanel()->rowCount(), int(expected.review.size()));
        QCOMPARE(m_window->reviewPanel()->candidate(),
                 toQ(expected.project->candidates.front().id));
    }

    void brokenFileChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("place"); // after the file name
        QTest::newRow("malformed YAML")
            << QByteArray("services:\n  web:\n    image: [nginx\n") << QStringLiteral(":4:");
        QTest::newRow("not a format") << QByteArray("name: CI\non:\n  push: {}\njobs: {}\n")
                                      << QStringLiteral("not a format");
    }

    void brokenFileChangesNothing()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, place);
        QVERIFY(m_window->openFile(checkout));
        const Project before = doc()->project();
        const QString path = m_dir.filePath(QStringLiteral("broken.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        QString error;
        QVERIFY(!m_window->importFiles({path}, MainWindow::ImportTarget::NewCandidate, &error));
        QVERIFY2(error.contains(QStringLiteral("broken.yaml")) && error.contains(place),
                 qPrintable(error));
        QVERIFY(doc()->project() == before);
        QCOMPARE(doc()->undoStack()->count(), 0);
        QVERIFY(!m_window->reviewPanel()->isVisible());
    }

    void droppedFilesImportAndProjectsOpen()
    {
        QVERIFY(m_window->openFile(checkout));
        const size_t candidates = doc()->project().candidates.size();
        // A project with nodes is open: the question offers "new candidate" first.
        QString offered;
        clickInNextMessageBox({}, &offered);
        dropFiles(m_window, {fixture});
        QTRY_COMPARE(doc()->project().candidates.size(), candidates + 1);
        QCOMPARE(offered, QStringLiteral("importAsCandidate"));
        QCOMPARE(doc()->undoStack()->count(), 1);

        doc()->undoStack()->setClean();
        const QString copy = m_dir.filePath(QStringLiteral("dropped.skyline"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(checkout, copy));
        dropFiles(m_window, {copy});
        QTRY_COMPARE(doc()->filePath(), copy);
        QCOMPARE(doc()->project().candidates.size(), candidates);
    }

    void emptyProjectOffersANewProject()
    {
        // A fresh window: one empty candidate. The question offers "new project" first.
        QString offered;
        clickInNextMessageBox({}, &offered);
        dropFiles(m_window, {fixture});
        QTRY_COMPARE(offered, QStringLiteral("importAsProject"));
        QTRY_COMPARE(doc()->project().candidates.size(), size_t(1));
        QCOMPARE(doc()->project().candidates.front().nodes.size(),
                 importFixture().project->candidates.front().nodes.size());
        QCOMPARE(doc()->undoStack()->count(), 0);
    }

    void menusOfferImportAndMermaid()
    {
        QAction *import = m_window->action(QStringLiteral("import"));
        QVERIFY(import);
        QCOMPARE(import->shortcut(), QKeySequence(QStringLiteral("Ctrl+I")));
        QMenu *file = m_window->menuBar()->actions().first()->menu();
        QVERIFY(file->actions().contains(import));
        auto *exportMenu = file->findChild<QMenu *>(QStringLiteral("exportMenu"));
        QVERIFY(exportMenu);
        QVERIFY(exportMenu->actions().contains(m_window->action(QStringLiteral("exportMermaid"))));
        bool listed = false;
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
            if (dock->objectName() == QLatin1String("reviewDock"))
                for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
                    listed = listed || menu->actions().contains(dock->toggleViewAction());
        QVERIFY(listed);
    }

    void exportMermaidWritesTheCurrentCandidate()
    {
        QVERIFY(m_window->openFile(checkout));
        QString error;
        const QString mmd = m_dir.filePath(QStringLiteral("checkout.mmd"));
        QVERIFY2(m_window->exportMermaid(mmd, &error), qPrintable(error));
        QFile plain(mmd);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        const QByteArray text = plain.readAll();
        QVERIFY(text.startsWith("%% "));
        QVERIFY(text.contains("\nflowchart LR\n"));
        QVERIFY(text.contains(
            QByteArray::fromStdString(doc()->project().candidates.front().nodes.front().name)));

        const QString md = m_dir.filePath(QStringLiteral("checkout.md"));
        QVERIFY2(m_window->exportMermaid(md, &error), qPrintable(error));
        QFile fenced(md);
        QVERIFY(fenced.open(QIODevice::ReadOnly));
        const QByteArray markdown = fenced.readAll();
        QVERIFY(markdown.startsWith("```mermaid\n%% "));
        QVERIFY(markdown.endsWith("```\n"));
    }
};

QTEST_MAIN(TestImportWindow)
#include "tst_importwindow.moc"
