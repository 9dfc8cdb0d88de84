// Preferences switch the language while the studio runs (issue 10 point 12): menus, docks,
// the palette and the figures (decimal comma) change at once, and back, without a restart.
// Compiles translations/skyline_de.ts with lrelease (skipped without it). Runs offscreen.

#include "Document.h"
#include "Language.h"
#include "MainWindow.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "canvas/NodeBadges.h"
#include "canvas/NodeItem.h"
#include "canvas/NodePalette.h"
#include "EvaluationRunner.h"
#include "panels/ComparisonView.h"
#include "panels/PropertyPanel.h"
#include "panels/ReviewPanel.h"
#include "panels/WorkloadEditor.h"
#include "support/Examples.h"

#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QLibraryInfo>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace skyline;

namespace {
QString lreleasePath()
{
    const QString beside = QLibraryInfo::path(QLibraryInfo::BinariesPath);
    for (const QString &name : {QStringLiteral("lrelease"), QStringLiteral("lrelease-qt6")}) {
        const QString found = QStandardPaths::findExecutable(name, {beside});
        if (!found.isEmpty())
            return found;
    }
    return QStandardPaths::findExecutable(QStringLiteral("lrelease"));
}

QString menuTitles(MainWindow *window)
{
    QStringList titles;
    for (QAction *menu : window->menuBar()->actions())
        titles << menu->text();
    return titles.join(QLatin1Char('|'));
}
} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_catalogueDir; ///< holds skyline_de.qm and skyline_en.qm; empty without lrelease

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SkylineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_languageswitch"));
        QVERIFY(m_dir.isValid());
        const QString lrelease = lreleasePath();
        if (lrelease.isEmpty())
            return;
        for (const char *language : {"de", "en"}) {
            const QString name = QStringLiteral("skyline_%1").arg(QLatin1String(language));
            QProcess process;
            process.start(lrelease, {QStringLiteral(SKYLINE_SOURCE_DIR "/translations/") + name
                                         + QStringLiteral(".ts"),
                                     QStringLiteral("-qm"), m_dir.filePath(name + ".qm")});
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 0);
        }
        m_catalogueDir = m_dir.path();
    }

    void cleanup() { language::apply(QStringLiteral("en"), m_catalogueDir); }

    void germanAndBackWithoutARestart()
    {
        if (m_catalogueDir.isEmpty())
            QSKIP("lrelease is not installed; cannot compile the catalogue");
        language::apply(QStringLiteral("en"), m_catalogueDir);
        MainWindow window(m_dir.filePath(QStringLiteral("recovery")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString english = menuTitles(&window);
        QVERIFY2(english.startsWith(QStringLiteral("&File|&Edit")), qPrintable(english));
        auto *palette = window.findChild<NodePalette *>();
        QVERIFY(palette);
        const QString clientEnglish = palette->item(0)->text();

        language::apply(QStringLiteral("de"), m_catalogueDir);
        const QString german = menuTitles(&window);
        QVERIFY2(german.startsWith(QStringLiteral("&Datei|")), qPrintable(german));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("save"))->text() !=
                QStringLiteral("&Save"));
        QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("warningsDock"))->windowTitle(),
                 QCoreApplication::translate("skyline::MainWindow", "Warnings"));
        QCOMPARE(palette->item(0)->text(),
                 QCoreApplication::translate("skyline::NodeKind", "Client"));
        // Figures in the German locale: a decimal comma on the badge.
        NodeBadges badges;
        badges.p99Ms = 1412.0;
        QCOMPARE(badgeText(badges), QStringLiteral("p99 1,4 s"));

        language::apply(QStringLiteral("en"), m_catalogueDir);
        QCOMPARE(menuTitles(&window), english);
        QCOMPARE(palette->item(0)->text(), clientEnglish);
        QCOMPARE(badgeText(badges), QStringLiteral("p99 1.4 s"));
        window.document()->undoStack()->setClean();
    }

    void englishCountsCandidatesWithPluralForms_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("candidates");
        QTest::addColumn<QString>("caption");
        QTest::newRow("one") << "en" << 1 << QStringLiteral("1 candidate on the same workloads");
        QTest::newRow("three") << "en" << 3 << QStringLiteral("3 candidates on the same workloads");
        // A system locale without a catalogue of its own (Xvfb's "C") shows English.
        QTest::newRow("C locale") << "C" << 3 << QStringLiteral("3 candidates on the same workloads");
    }

    /// English plurals come from English's own catalogue of numerus forms (skyline_en.ts), as
    /// Qt does it: the header said "3 candidate(s)".
    void englishCountsCandidatesWithPluralForms()
    {
        QFETCH(QString, language);
        QFETCH(int, candidates);
        QFETCH(QString, caption);
        if (m_catalogueDir.isEmpty())
            QSKIP("lrelease is not installed; cannot compile the catalogue");
        language::apply(language, m_catalogueDir);
        Project project = test::loadExample(QStringLiteral("checkout.skyline"));
        QVERIFY(int(project.candidates.size()) >= candidates);
        project.candidates.resize(std::size_t(candidates));
        ComparisonView view;
        view.setEvaluation(test::evaluateShared(project),
                           std::make_shared<const Project>(project));
        auto *label = view.findChild<QLabel *>(QStringLiteral("comparisonCaption"));
        QVERIFY(label);
        QVERIFY2(label->text().startsWith(caption), qPrintable(label->text()));
        QVERIFY(!label->text().contains(QStringLiteral("(s)")));
    }

    /// Issue 10 point 12's remainder: the property panel, the workload editor, the import
    /// review and the Undo/Redo prefixes follow a language change too.
    void panelsAndUndoFollowTheLanguage()
    {
        if (m_catalogueDir.isEmpty())
            QSKIP("lrelease is not installed; cannot compile the catalogue");
        language::apply(QStringLiteral("en"), m_catalogueDir);
        MainWindow window(m_dir.filePath(QStringLiteral("recovery3")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.runner()->setSimulationEnabled(false);
        window.runner()->setSweepEnabled(false);
        QVERIFY(window.openFile(
            QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/thumbnails.skyline")));
        // One edit, so that Undo carries a command text after its prefix.
        window.document()->setDescription(QStringLiteral("retranslated"));
        auto *undo = window.findChild<QAction *>(QStringLiteral("undo"));
        QVERIFY(undo);
        QVERIFY2(undo->text().startsWith(QStringLiteral("&Undo ")), qPrintable(undo->text()));

        auto *panel = window.findChild<PropertyPanel *>();
        auto *workloads = window.findChild<WorkloadEditor *>();
        auto *review = window.findChild<ReviewPanel *>();
        QVERIFY(panel && workloads && review);
        auto labelOf = [](QWidget *editor) {
            auto *form = editor ? editor->parentWidget()->parentWidget()->findChild<QFormLayout *>()
                                : nullptr;
            auto *label = form ? qobject_cast<QLabel *>(form->labelForField(editor->parentWidget()))
                               : nullptr;
            return label ? label->text() : QString();
        };
        QCOMPARE(labelOf(panel->editor(QStringLiteral("hoursPerMonth"))),
                 QStringLiteral("Hours per month"));
        auto *addWorkload = workloads->findChild<QPushButton *>();
        QVERIFY(addWorkload);
        QCOMPARE(addWorkload->text(), QStringLiteral("Add"));
        auto *reviewList = review->findChild<QTreeWidget *>();
        QVERIFY(reviewList);
        QCOMPARE(reviewList->headerItem()->text(0), QStringLiteral("Kind"));

        language::apply(QStringLiteral("de"), m_catalogueDir);
        auto de = [](const char *context, const char *source) {
            const QString text = QCoreApplication::translate(context, source);
            return text == QLatin1String(source) ? QString() : text; // must be translated
        };
        const QString undoPrefix = de("skyline::MainWindow", "&Undo");
        QVERIFY(!undoPrefix.isEmpty());
        QVERIFY2(undo->text().startsWith(undoPrefix + QLatin1Char(' ')), qPrintable(undo->text()));
        QCOMPARE(undo->iconText(), de("skyline::MainWindow", "Undo"));
        QCOMPARE(labelOf(panel->editor(QStringLiteral("hoursPerMonth"))),
                 de("skyline::PropertyPanel", "Hours per month"));
        QCOMPARE(workloads->findChild<QPushButton *>()->text(), de("skyline::WorkloadEditor", "Add"));
        QCOMPARE(reviewList->headerItem()->text(0), de("skyline::ReviewPanel", "Kind"));
        QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("reviewDock"))->windowTitle(),
                 de("skyline::MainWindow", "Import Review"));

        language::apply(QStringLiteral("en"), m_catalogueDir);
        QVERIFY2(undo->text().startsWith(QStringLiteral("&Undo ")), qPrintable(undo->text()));
        QCOMPARE(labelOf(panel->editor(QStringLiteral("hoursPerMonth"))),
                 QStringLiteral("Hours per month"));
        window.document()->undoStack()->setClean();
    }

    void badgesOnTheCanvasFollowTheLocale()
    {
        language::apply(QStringLiteral("en"), m_catalogueDir);
        MainWindow window(m_dir.filePath(QStringLiteral("recovery2")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EvaluationRunner *runner = window.runner();
        runner->setSimulationEnabled(false);
        runner->setSweepEnabled(false);
        const quint64 before = runner->generation();
        QVERIFY(window.openFile(
            QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/thumbnails.skyline")));
        QTRY_VERIFY_WITH_TIMEOUT(
            runner->generation() > before && !runner->isBusy() && runner->latest(), 20000);
        auto *canvas = window.findChild<CanvasView *>();
        QVERIFY(canvas);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QGraphicsItem *item : canvas->canvasScene()->items())
                    if (auto *node = dynamic_cast<NodeItem *>(item);
                        node && node->badgeText().contains(QLatin1Char('.')))
                        return true;
                return false;
            }(),
            10000);
        language::apply(QStringLiteral("de"), m_catalogueDir);
        bool comma = false;
        for (QGraphicsItem *item : canvas->canvasScene()->items())
            if (auto *node = dynamic_cast<NodeItem *>(item)) {
                QVERIFY2(!node->badgeText().contains(QRegularExpression("[0-9]\\.[0-9]")),
                         qPrintable(node->badgeText()));
                comma = comma || node->badgeText().contains(QRegularExpression("[0-9],[0-9]"));
                QVERIFY(node->boundingRect().contains(node->badgeRect()));
            }
        QVERIFY(comma);
        window.document()->undoStack()->setClean();
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
