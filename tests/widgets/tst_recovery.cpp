// Unsaved work is never lost (issue 12, items 1-5): recovery copies are keyed by a unique
// session id and guarded by a lock, a copy whose owner is alive is never touched and one whose
// owner is gone is always offered (also when the process id repeats), stale locks are removed,
// the sidecar holds an absolute path, restored work is written to the new session's copy
// before the old copy goes, `skyline FILE` after a crash keeps the restored work, and closing
// a panel with a field being edited runs no handler of the half-destroyed panel.
//
// A crashed session is a real one: this binary started again with --crash-session DIR writes a
// recovery copy of an edited project and ends with _exit, as a kill -9 would leave it.

#include "Document.h"
#include "MainWindow.h"
#include "RecoveryManager.h"
#include "panels/PropertyPanel.h"
#include "panels/WorkloadEditor.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QLockFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cstdio>
#include <memory>

#include <unistd.h>

using namespace skyline;

namespace {

const char *crashFlag = "--crash-session";
const char *crashedProjectName = "Work of a crashed session";

/// The child's part: an edited, unsaved project with a recovery copy, then a hard stop.
int runCrashingSession(const QString &directory, const QString &originalPath)
{
    Document document;
    document.resetProject(Document::newProject(), originalPath);
    document.setProjectName(QString::fromUtf8(crashedProjectName));
    RecoveryManager recovery(&document, directory);
    if (!recovery.writeNow())
        return 2;
    if (qEnvironmentVariableIsSet("SKYLINE_TEST_STAY_ALIVE")) {
        std::puts("ready"); // alive until the test closes our input or kills us
        std::fflush(stdout);
        while (std::getchar() != EOF) {
        }
    }
    ::_exit(0); // no destructors: the lock and the copy stay behind
}

/// Clicks the button with `text` ("&Restore", "&Discard") of the next modal message box.
void clickInNextMessageBox(const QString &text)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons())
            if (button->text() == text) {
                button->click();
                timer->stop();
                timer->deleteLater();
                return;
            }
    });
    timer->start();
}

QStringList filesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

QStringList copiesIn(const QString &directory)
{
    return QDir(directory).entryList({QStringLiteral("recovery-*.skyline")}, QDir::Files);
}

/// Answers the next message boxes one after another with the buttons `texts`; the number of
/// boxes answered so far is in the returned counter.
std::shared_ptr<int> answerMessageBoxes(const QStringList &texts)
{
    auto answered = std::make_shared<int>(0);
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, texts, answered] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->property("answered").toBool())
            return; // none yet, or the one just answered is still closing
        for (QAbstractButton *button : box->buttons())
            if (button->text() == texts.value(*answered)) {
                box->setProperty("answered", true);
                ++*answered;
                button->click();
                break;
            }
        if (*answered == texts.size()) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
    return answered;
}

QStringList locksIn(const QString &directory)
{
    return QDir(directory).entryList({QStringLiteral("*.lock")}, QDir::Files | QDir::Hidden);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void backdate(const QString &path, int seconds)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds),
                             QFileDevice::FileModificationTime));
}

QList<MainWindow *> mainWindows()
{
    QList<MainWindow *> windows;
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(widget); window && window->isVisible())
            windows << window;
    return windows;
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_root;
    int m_dirCount = 0;

    /// A fresh, empty recovery folder for one test.
    QString freshDirectory()
    {
        const QString path = m_root.filePath(QStringLiteral("recovery-%1").arg(++m_dirCount));
        QDir().mkpath(path);
        return path;
    }

    /// Runs a session in a child process that crashes with unsaved work; returns its copy.
    QString crashedSession(const QString &directory, const QString &originalPath = {})
    {
        const QStringList before = copiesIn(directory);
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(crashFlag), directory, originalPath});
        if (!child.waitForFinished(30000) || child.exitCode() != 0) {
            qWarning() << "crashing session failed:" << child.readAllStandardError();
            return {};
        }
        QStringList copies = copiesIn(directory);
        for (const QString &copy : before)
            copies.removeAll(copy);
        return copies.size() == 1 ? QDir(directory).filePath(copies.front()) : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SkylineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recovery"));
        QSettings().clear();
        QVERIFY(m_root.isValid());
    }

    void cleanup()
    {
        for (MainWindow *window : mainWindows()) {
            window->document()->undoStack()->setClean();
            window->close();
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    // --- item 2: unique session ids, a lock per session ----------------------------------

    void sessionsOfOneProcessHaveTheirOwnCopies()
    {
        const QString dir = freshDirectory();
        Document first, second;
        first.resetProject(Document::newProject());
        second.resetProject(Document::newProject());
        RecoveryManager a(&first, dir), b(&second, dir);
        QVERIFY(a.sessionId() != b.sessionId());
        QVERIFY(a.recoveryFilePath() != b.recoveryFilePath());
        first.setProjectName(QStringLiteral("first"));
        second.setProjectName(QStringLiteral("second"));
        QVERIFY(a.writeNow());
        QVERIFY(b.writeNow());
        // Each is alive: neither is offered to the other, neither is removed.
        QVERIFY(a.orphanedRecoveryFiles().isEmpty());
        QVERIFY(b.orphanedRecoveryFiles().isEmpty());
        QVERIFY(!a.removeRecoveryFile(b.recoveryFilePath()));
        QVERIFY(QFile::exists(b.recoveryFilePath()));
        QVERIFY(QFile::exists(a.recoveryFilePath()));
    }

    void crashedSessionIsOfferedAndItsLockRemoved()
    {
        const QString dir = freshDirectory();
        const QString copy = crashedSession(dir);
        QVERIFY(!copy.isEmpty());
        QCOMPARE(locksIn(dir).size(), 1); // the crashed session's lock stayed behind

        Document document;
        document.resetProject(Document::newProject());
        RecoveryManager recovery(&document, dir);
        QCOMPARE(recovery.orphanedRecoveryFiles(), QStringList{copy});
        // The stale lock is gone; only this session's own lock remains.
        QCOMPARE(locksIn(dir), QStringList{QFileInfo(recovery.lockFilePath()).fileName()});
    }

    void copyOfAnAliveOwnerIsNeverTouched()
    {
        const QString dir = freshDirectory();
        Document ownerDocument;
        ownerDocument.resetProject(Document::newProject());
        ownerDocument.setProjectName(QStringLiteral("still being edited"));
        RecoveryManager owner(&ownerDocument, dir);
        QVERIFY(owner.writeNow());
        // The owner has run for an hour: its lock's age says nothing about its life.
        backdate(owner.lockFilePath(), 3600);

        Document document;
        document.resetProject(Document::newProject());
        RecoveryManager other(&document, dir);
        QVERIFY(other.orphanedRecoveryFiles().isEmpty());
        QVERIFY(!other.removeRecoveryFile(owner.recoveryFilePath()));
        QVERIFY(QFile::exists(owner.recoveryFilePath()));
        QVERIFY(QFile::exists(owner.lockFilePath()));
    }

    void otherProcessIsAliveThenGone()
    {
        // Another studio process, running for an hour: its copy is not offered, nor removed;
        // once it is killed, its copy is offered and its lock removed.
        const QString dir = freshDirectory();
        QProcess owner;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SKYLINE_TEST_STAY_ALIVE"), QStringLiteral("1"));
        owner.setProcessEnvironment(env);
        owner.start(QCoreApplication::applicationFilePath(),
                    {QString::fromLatin1(crashFlag), dir, QString()});
        QVERIFY(owner.waitForReadyRead(30000));
        const QStringList locks = locksIn(dir);
        QCOMPARE(locks.size(), 1);
        backdate(QDir(dir).filePath(locks.front()), 3600);

        Document document;
        document.resetProject(Document::newProject());
        RecoveryManager recovery(&document, dir);
        QVERIFY(recovery.orphanedRecoveryFiles().isEmpty());
        QVERIFY(QFile::exists(QDir(dir).filePath(locks.front())));

        owner.kill();
        QVERIFY(owner.waitForFinished(30000));
        QCOMPARE(recovery.orphanedRecoveryFiles().size(), 1);
        QVERIFY(!QFile::exists(QDir(dir).filePath(locks.front())));
    }

    void repeatedProcessIdStillOffersTheCopy()
    {
        // A crashed session of an earlier process that had this process's id (containers):
        // its lock names a running process, this one, but no session this process runs.
        const QString dir = freshDirectory();
        Document document;
        document.resetProject(Document::newProject());
        RecoveryManager recovery(&document, dir);
        const QString earlierId = QStringLiteral("00000000-0000-4000-8000-000000000001");
        const QString earlierLock =
            QDir(dir).filePath(QStringLiteral("session-%1.lock").arg(earlierId));
        const QString earlierCopy =
            QDir(dir).filePath(QStringLiteral("recovery-%1.skyline").arg(earlierId));
        QVERIFY(QFile::copy(recovery.lockFilePath(), earlierLock)); // same pid, host, boot
        Project crashed = Document::newProject();
        crashed.name = "Earlier process";
        writeFile(earlierCopy, QByteArray::fromStdString(writeProject(crashed)));

        // Not taken over by this session's tick either.
        document.setProjectName(QStringLiteral("this session's work"));
        QVERIFY(recovery.writeNow());
        QVERIFY(QFile::exists(earlierCopy));
        QCOMPARE(recovery.orphanedRecoveryFiles(), QStringList{earlierCopy});
        QVERIFY(!QFile::exists(earlierLock)); // stale lock removed
    }

    void foreignLockIsStaleOnlyWhenItsOwnerStoppedRefreshingIt()
    {
        const QString dir = freshDirectory();
        const QString id = QStringLiteral("00000000-0000-4000-8000-000000000002");
        const QString lock = QDir(dir).filePath(QStringLiteral("session-%1.lock").arg(id));
        const QString copy = QDir(dir).filePath(QStringLiteral("recovery-%1.skyline").arg(id));
        writeFile(lock, "4242\nskyline\nanother-host\nanother-machine-id\nanother-boot\n");
        writeFile(copy, QByteArray::fromStdString(writeProject(Document::newProject())));

        Document document;
        document.resetProject(Document::newProject());
        RecoveryManager recovery(&document, dir);
        QVERIFY(recovery.orphanedRecoveryFiles().isEmpty()); // refreshed recently: alive
        backdate(lock, RecoveryManager::foreignLockStaleMs / 1000 + 60);
        QCOMPARE(recovery.orphanedRecoveryFiles(), QStringList{copy});
        QVERIFY(!QFile::exists(lock));
    }

    // --- item 4: stale locks removed, absolute paths ---------------------------------------

    void staleLocksWithoutCopiesAreRemovedAtStart()
    {
        const QString dir = freshDirectory();
        const QString copy = crashedSession(dir);
        QVERIFY(!copy.isEmpty());
        QFile::remove(copy); // e.g. declined by a session that kept no lock clean-up
        QFile::remove(copy + QStringLiteral(".path"));
        QCOMPARE(locksIn(dir).size(), 1);

        Document document;
        document.resetProject(Document::newProject());
        RecoveryManager recovery(&document, dir);
        QCOMPARE(locksIn(dir), QStringList{QFileInfo(recovery.lockFilePath()).fileName()});
    }

    void sidecarHoldsAnAbsolutePath()
    {
        const QString dir = freshDirectory();
        const QString work = m_root.filePath(QStringLiteral("work"));
        QDir().mkpath(work);
        writeFile(QDir(work).filePath(QStringLiteral("shop.skyline")),
                  QByteArray::fromStdString(writeProject(Document::newProject())));
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(work));
        Document document;
        QString error;
        const bool loaded = document.load(QStringLiteral("shop.skyline"), &error); // as typed
        RecoveryManager recovery(&document, dir);
        document.setProjectName(QStringLiteral("edited"));
        const bool written = recovery.writeNow();
        QDir::setCurrent(previous); // the next session starts elsewhere
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(written);
        QCOMPARE(RecoveryManager::originalFilePath(recovery.recoveryFilePath()),
                 QDir(work).filePath(QStringLiteral("shop.skyline")));
    }

    // --- items 3 and 1: restoring --------------------------------------------------------

    void restoredWorkIsInTheNewCopyBeforeTheOldOneGoes()
    {
        const QString dir = freshDirectory();
        const QString copy = crashedSession(dir);
        QVERIFY(!copy.isEmpty());

        auto *window = new MainWindow(dir);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        clickInNextMessageBox(QStringLiteral("&Restore"));
        QVERIFY(window->offerRecovery());
        QCOMPARE(window->document()->project().name, std::string(crashedProjectName));
        QVERIFY(window->isWindowModified());
        QVERIFY(!QFile::exists(copy));
        // A second crash right now (no 30 s tick yet) would leave this copy: nothing lost.
        QFile restored(window->recovery()->recoveryFilePath());
        QVERIFY(restored.open(QIODevice::ReadOnly));
        const ReadResult<Project> read = readProject(restored.readAll().toStdString());
        QVERIFY(read.ok());
        QCOMPARE(read.value->name, std::string(crashedProjectName));
    }

    void everyCrashedSessionIsOfferedOneAfterAnother()
    {
        // Three sessions crashed (newest last); each copy is offered, not only the newest.
        const QString dir = freshDirectory();
        QStringList originals, copies;
        for (const char *name : {"oldest.skyline", "middle.skyline", "newest.skyline"}) {
            originals << m_root.filePath(QString::fromLatin1(name));
            copies << crashedSession(dir, originals.back());
            QVERIFY(!copies.back().isEmpty());
        }
        backdate(copies[0], 300);
        backdate(copies[1], 200);
        backdate(copies[2], 100);

        auto *window = new MainWindow(dir);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        const auto answered = answerMessageBoxes(
            {QStringLiteral("&Restore"), QStringLiteral("&Discard"), QStringLiteral("&Restore")});
        QVERIFY(window->offerRecovery());
        QCOMPARE(*answered, 3); // newest, middle, oldest

        // The newest is restored here, the oldest in a window of its own, the middle discarded.
        QCOMPARE(window->document()->filePath(), originals[2]);
        QVERIFY(window->document()->isModified());
        const QList<MainWindow *> windows = mainWindows();
        QCOMPARE(windows.size(), 2);
        MainWindow *second = windows.front() == window ? windows.back() : windows.front();
        QCOMPARE(second->document()->filePath(), originals[0]);
        QCOMPARE(second->document()->project().name, std::string(crashedProjectName));
        QVERIFY(second->document()->isModified());
        // Each restored project is in its window's copy; no crashed session's copy is left.
        for (const QString &copy : copies)
            QVERIFY(!QFile::exists(copy));
        QVERIFY(QFile::exists(window->recovery()->recoveryFilePath()));
        QVERIFY(QFile::exists(second->recovery()->recoveryFilePath()));
        QVERIFY(window->recovery()->orphanedRecoveryFiles().isEmpty());
    }

    void startingWithAFileKeepsTheRestoredWork()
    {
        const QString dir = freshDirectory();
        const QString other = m_root.filePath(QStringLiteral("other.skyline"));
        Project otherProject = Document::newProject();
        otherProject.name = "The file on the command line";
        writeFile(other, QByteArray::fromStdString(writeProject(otherProject)));
        const QString copy = crashedSession(dir);
        QVERIFY(!copy.isEmpty());

        auto *window = new MainWindow(dir);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        clickInNextMessageBox(QStringLiteral("&Restore"));
        window->openAtStart({other}); // skyline other.skyline

        // The restored work stays in its window, unsaved, with its recovery copy ...
        QCOMPARE(window->document()->project().name, std::string(crashedProjectName));
        QVERIFY(window->document()->isModified());
        QVERIFY(QFile::exists(window->recovery()->recoveryFilePath()));
        // ... and the file opens in a window of its own.
        const QList<MainWindow *> windows = mainWindows();
        QCOMPARE(windows.size(), 2);
        MainWindow *second = windows.front() == window ? windows.back() : windows.front();
        QCOMPARE(second->document()->project().name, otherProject.name);
        QCOMPARE(QFileInfo(second->document()->filePath()).absoluteFilePath(),
                 QFileInfo(other).absoluteFilePath());
    }

    void startingWithAFileAndNothingToRestoreOpensItHere()
    {
        const QString dir = freshDirectory();
        auto *window = new MainWindow(dir);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        window->openAtStart({QStringLiteral(SKYLINE_SOURCE_DIR
                                            "/resources/examples/checkout.skyline")});
        QCOMPARE(mainWindows().size(), 1);
        QVERIFY(window->document()->filePath().endsWith(QStringLiteral("checkout.skyline")));
    }

    // --- item 5: no handler of a panel being destroyed --------------------------------------

    void closingWithAFieldBeingEditedCommitsNothing_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::newRow("property panel") << QStringLiteral("PropertyPanel");
        QTest::newRow("workload editor") << QStringLiteral("WorkloadEditor");
    }
    void closingWithAFieldBeingEditedCommitsNothing()
    {
        QFETCH(QString, panel);
        Document document;
        document.resetProject(Document::newProject());
        const std::string projectName = document.project().name;
        const std::string workloadName = document.project().workloads.front().name;

        auto *host = new QWidget; // the window the panel is docked in
        auto *layout = new QVBoxLayout(host);
        QLineEdit *field = nullptr;
        QWidget *shown = nullptr;
        if (panel == QLatin1String("PropertyPanel")) {
            auto *properties = new PropertyPanel(&document);
            shown = properties;
            layout->addWidget(properties);
            field = qobject_cast<QLineEdit *>(properties->editor(QStringLiteral("name")));
        } else {
            auto *workloads = new WorkloadEditor(&document);
            shown = workloads;
            layout->addWidget(workloads);
            workloads->setCurrentWorkload(QString::fromStdString(
                document.project().workloads.front().id));
            field = qobject_cast<QLineEdit *>(workloads->editor(QStringLiteral("name")));
        }
        QVERIFY(field);
        host->show();
        QVERIFY(QTest::qWaitForWindowActive(host));
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral(" half typed"));

        delete shown; // the field loses its focus while the panel is torn down
        delete host;
        QCOMPARE(document.project().name, projectName);
        QCOMPARE(document.project().workloads.front().name, workloadName);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void destroyingTheStudioWithAFieldBeingEditedCommitsNothing()
    {
        auto *window = new MainWindow(freshDirectory());
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window));
        auto *field =
            qobject_cast<QLineEdit *>(window->propertyPanel()->editor(QStringLiteral("name")));
        QVERIFY(field);
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral(" half typed"));
        QSignalSpy edits(window->document()->undoStack(), &QUndoStack::indexChanged);
        delete window; // no handler may run on what is being torn down
        QCOMPARE(edits.count(), 0);
    }

    void closingAsksAboutTheFieldBeingEdited()
    {
        auto *window = new MainWindow(freshDirectory());
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window));
        auto *field =
            qobject_cast<QLineEdit *>(window->propertyPanel()->editor(QStringLiteral("name")));
        QVERIFY(field);
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral(" typed just before quitting"));
        // The typed name is an unsaved change: Quit asks (here: Cancel) instead of dropping it.
        clickInNextMessageBox(QStringLiteral("Cancel"));
        QVERIFY(!window->close());
        QVERIFY(window->isVisible());
        QVERIFY(window->document()->project().name.ends_with("typed just before quitting"));
        QVERIFY(window->document()->isModified());
    }

    void declinedCopyIsRemovedWithItsLock()
    {
        const QString dir = freshDirectory();
        const QString copy = crashedSession(dir, m_root.filePath(QStringLiteral("x.skyline")));
        QVERIFY(!copy.isEmpty());
        auto *window = new MainWindow(dir);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        clickInNextMessageBox(QStringLiteral("&Discard"));
        QVERIFY(!window->offerRecovery());
        QVERIFY(!window->isWindowModified());
        QCOMPARE(filesIn(dir),
                 QStringList{QFileInfo(window->recovery()->lockFilePath()).fileName()});
    }
};

int main(int argc, char *argv[])
{
    if (argc >= 3 && qstrcmp(argv[1], crashFlag) == 0) {
        QCoreApplication app(argc, argv);
        return runCrashingSession(QString::fromLocal8Bit(argv[2]),
                                  argc >= 4 ? QString::fromLocal8Bit(argv[3]) : QString());
    }
    QApplication app(argc, argv);
    TestRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recovery.moc"
