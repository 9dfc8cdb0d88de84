// The main window: candidate tabs follow the document, the title carries the modified
// marker, files round-trip through Save and Open, a broken file is reported with its JSON
// pointer while the open project stays, unsaved changes are guarded, and recovery copies work.

#include "Document.h"
#include "MainWindow.h"
#include "RecoveryManager.h"
#include "canvas/CanvasView.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
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

/// Answers the next modal message box with `button` and keeps its text in `text`.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
        if (QAbstractButton *b = box->button(button))
            b->click();
        else
            box->done(button);
        timer->stop();
        timer->deleteLater();
    });
    timer->start();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestMainWindow : public QObject
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
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_window = new MainWindow(m_dir.filePath(QStringLiteral("recovery")));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        doc()->undoStack()->setClean(); // no Save/Discard question when closing
        delete m_window;
    }

    void oneTabPerCandidate()
    {
        QCOMPARE(m_window->candidateTabs()->count(), int(doc()->project().candidates.size()));
        QVERIFY(m_window->currentCanvas());
        QVERIFY(m_window->windowTitle().endsWith(QStringLiteral("[*] — Skyline")));
        QVERIFY(!m_window->isWindowModified());
    }

    void modifiedMarkerFollowsTheUndoStack()
    {
        doc()->setProjectName(QStringLiteral("Checkout"));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Checkout[*] — Skyline"));
        QVERIFY(m_window->action("undo")->isEnabled());
        QVERIFY(m_window->action("undo")->text().contains(QStringLiteral("Rename project")));
        m_window->action("undo")->trigger();
        QVERIFY(!m_window->isWindowModified());
        m_window->action("redo")->trigger();
        QVERIFY(m_window->isWindowModified());
    }

    void candidateTabsFollowTheDocument()
    {
        const int before = m_window->candidateTabs()->count();
        m_window->action("addCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 1);
        QCOMPARE(m_window->candidateTabs()->currentIndex(), before);
        const QString added = m_window->currentCanvas()->currentCandidateId();

        doc()->renameCandidate(added, QStringLiteral("Microservices"));
        QCOMPARE(m_window->candidateTabs()->tabText(before), QStringLiteral("Microservices"));

        m_window->action("duplicateCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 2);

        // Delete asks first; Cancel keeps the candidate, Yes removes it (undoable).
        m_window->candidateTabs()->setCurrentIndex(before);
        answerNextMessageBox(QMessageBox::Cancel);
        m_window->action("deleteCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 2);
        answerNextMessageBox(QMessageBox::Yes);
        m_window->action("deleteCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 1);
        QVERIFY(!doc()->candidate(added));
        doc()->undoStack()->undo();
        QCOMPARE(m_window->candidateTabs()->count(), before + 2);
        QCOMPARE(m_window->candidateTabs()->tabText(before), QStringLiteral("Microservices"));
    }

    void lastCandidateCannotBeDeleted()
    {
        while (doc()->project().candidates.size() > 1)
            doc()->removeCandidate(QString::fromStdString(doc()->project().candidates.back().id));
        QVERIFY(!m_window->action("deleteCandidate")->isEnabled());
        m_window->deleteCandidate(0);
        QCOMPARE(doc()->project().candidates.size(), size_t(1));
    }

    void saveOpenRoundTrip()
    {
        const QString candidateId = m_window->currentCanvas()->currentCandidateId();
        doc()->setProjectName(QStringLiteral("Round trip"));
        doc()->addNode(candidateId, NodeKind::Function, {120, 80}, QStringLiteral("Resize"));
        doc()->addCandidate(QStringLiteral("Second"));
        const Project saved = doc()->project();
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.skyline"));
        QVERIFY(m_window->saveTo(path));
        QVERIFY(!m_window->isWindowModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("roundtrip.skyline[*] — Skyline"));
        QCOMPARE(MainWindow::recentFiles().value(0), QFileInfo(path).absoluteFilePath());

        m_window->newProject();
        QVERIFY(!(doc()->project() == saved));
        QVERIFY(m_window->openFile(path));
        QCOMPARE(doc()->project(), saved);
        QCOMPARE(m_window->candidateTabs()->count(), 2);
        QCOMPARE(m_window->candidateTabs()->tabText(1), QStringLiteral("Second"));
        QCOMPARE(doc()->filePath(), path);
    }

    void brokenFileKeepsTheDocumentAndNamesThePointer()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.skyline"));
        doc()->setProjectName(QStringLiteral("Kept"));
        QVERIFY(m_window->saveTo(good));
        const Project before = doc()->project();

        // Take the saved file and break one value deep inside it.
        QFile file(good);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        const QString candidateId = QString::fromStdString(before.candidates.front().id);
        Project broken = before;
        Node node = makeDefaultNode(NodeKind::Function, "n1", "F", {0, 0});
        node.params["memoryMb"] = 99999.0;
        broken.candidates.front().nodes.push_back(node);
        const QString bad = m_dir.filePath(QStringLiteral("bad.skyline"));
        writeFile(bad, QByteArray::fromStdString(writeProject(broken)));

        QString message;
        answerNextMessageBox(QMessageBox::Ok, &message);
        QVERIFY(!m_window->openFile(bad));
        QVERIFY2(message.contains(QStringLiteral("/candidates/0/nodes/0/params/memoryMb")),
                 qPrintable(message));
        QCOMPARE(doc()->project(), before);
        QCOMPARE(doc()->filePath(), good);
        QCOMPARE(m_window->candidateTabs()->count(), int(before.candidates.size()));
        Q_UNUSED(candidateId);
        Q_UNUSED(text);
    }

    void unsavedChangesAreGuarded()
    {
        doc()->setProjectName(QStringLiteral("Unsaved"));
        answerNextMessageBox(QMessageBox::Cancel);
        m_window->newProject();
        QCOMPARE(doc()->project().name, std::string("Unsaved")); // Cancel keeps the work

        answerNextMessageBox(QMessageBox::Discard);
        m_window->newProject();
        QVERIFY(doc()->project().name != "Unsaved");
        QVERIFY(!m_window->isWindowModified());

        doc()->setProjectName(QStringLiteral("Unsaved again"));
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!m_window->close()); // the window stays open
        QVERIFY(m_window->isVisible());
    }

    void recoveryCopyIsWrittenAndRestored()
    {
        RecoveryManager *recovery = m_window->recovery();
        QVERIFY(!recovery->writeNow()); // nothing unsaved: no copy
        QVERIFY(!QFile::exists(recovery->recoveryFilePath()));

        doc()->setProjectName(QStringLiteral("Crashed work"));
        QVERIFY(recovery->writeNow());
        QVERIFY(QFile::exists(recovery->recoveryFilePath()));
        // Our own copy is not an orphan while we run.
        QVERIFY(recovery->orphanedRecoveryFiles().isEmpty());

        // A copy from a session that no longer runs is offered and restored as unsaved work.
        const QString orphan =
            QDir(recovery->directory()).filePath(QStringLiteral("recovery-999999.skyline"));
        QVERIFY(QFile::copy(recovery->recoveryFilePath(), orphan));
        QCOMPARE(recovery->orphanedRecoveryFiles(), QStringList{orphan});
        answerNextMessageBox(QMessageBox::Discard); // leave "Crashed work" without saving
        m_window->newProject();
        QVERIFY(!QFile::exists(recovery->recoveryFilePath())); // discarded with the work

        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                box->defaultButton()->click(); // "Restore"
                timer->stop();
            }
        });
        timer->start();
        m_window->offerRecovery();
        QCOMPARE(doc()->project().name, std::string("Crashed work"));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(!QFile::exists(orphan));
    }

    void recentFilesKeepEight()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY(m_window->saveTo(m_dir.filePath(QStringLiteral("r%1.skyline").arg(i))));
        const QStringList recent = MainWindow::recentFiles();
        QCOMPARE(recent.size(), MainWindow::maxRecentFiles);
        QCOMPARE(recent.front(), QFileInfo(m_dir.filePath("r9.skyline")).absoluteFilePath());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
