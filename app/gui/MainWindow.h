#pragma once
// The main window: one canvas tab per candidate, the node palette, property panel, workload
// editor and results docks, and the File / Edit / View / Candidate / Help menus. Files go
// through the Document (load, atomic save); unsaved changes are guarded by a Save / Discard /
// Cancel question and by the recovery copy.

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <functional>

class QAction;
class QActionGroup;
class QDragEnterEvent;
class QDropEvent;
class QDialog;
class QDockWidget;
class QMenu;
class QTabWidget;

#include "canvas/NodeItem.h"

namespace skyline {

class CanvasView;
class ChartsPanel;
class ComparisonView;
class EvaluationRunner;
class RangeRunner;
class ResultChart;
class TrafficSlider;
class WarningsPanel;
struct CandidateEvaluation;
class Document;
class NodePalette;
class PropertyPanel;
class ReviewPanel;
class RecoveryManager;
class WorkloadEditor;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int maxRecentFiles = 8;
    /// The share of the window's height the chart docks get on a fresh layout.
    static constexpr double defaultChartShare = 0.4;

    /// `recoveryDirectory` empty: the standard application data folder.
    explicit MainWindow(const QString &recoveryDirectory = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    QTabWidget *candidateTabs() const { return m_tabs; }
    CanvasView *currentCanvas() const;
    PropertyPanel *propertyPanel() const { return m_propertyPanel; }
    WorkloadEditor *workloadEditor() const { return m_workloadEditor; }
    RecoveryManager *recovery() const { return m_recovery; }
    /// The action of a menu entry by object name ("save", "undo", "zoomIn" ...).
    QAction *action(const QString &name) const;

    static QStringList recentFiles();

    EvaluationRunner *runner() const { return m_runner; }
    /// The ranges' uncertainty and sensitivity in the background (bands, tornado).
    RangeRunner *rangeRunner() const { return m_rangeRunner; }
    ChartsPanel *chartsPanel() const { return m_chartsPanel; }
    WarningsPanel *warningsPanel() const { return m_warningsPanel; }
    ComparisonView *comparisonView() const { return m_comparisonView; }
    TrafficSlider *trafficSlider() const { return m_trafficSlider; }
    /// The chart docks, in the order of ChartsPanel::charts().
    QList<QDockWidget *> chartDocks() const { return m_chartDocks; }
    /// The chart an export of "the current chart" takes (the last one shown).
    ResultChart *currentChart() const;

    // Exports by file name (the suffix picks the format); false and *error on failure.
    bool exportCanvas(const QString &path, QString *error);
    bool exportChart(ResultChart *chart, const QString &path, QString *error);
    bool exportFigures(const QString &path, QString *error);
    bool exportReport(const QString &path, QString *error);
    /// The current candidate as a Mermaid flowchart (.md: inside a ```mermaid fence).
    bool exportMermaid(const QString &path, QString *error);

    // MainWindowImport.cpp: issue 13 (File ▸ Import…, dropped files, the review list).
    enum class ImportTarget { Ask, NewProject, NewCandidate };
    /// Imports `paths` (one candidate) as a new project or as a new candidate of the open one
    /// (one undo step) and shows the review list. On failure nothing changes; the problems
    /// (file, line, column) go to `*error`, or to a message box when `error` is null.
    /// `Ask` asks which target; false also when the user cancels.
    bool importFiles(const QStringList &paths, ImportTarget target = ImportTarget::Ask,
                     QString *error = nullptr);
    ReviewPanel *reviewPanel() const { return m_reviewPanel; }

    /// Object names of the last canvas context menu's entries ("-" for a separator).
    QStringList lastCanvasMenuEntries() const { return m_lastCanvasMenuEntries; }
    /// Replaces the menu's exec() (tests look at the menu instead of running it).
    void setCanvasMenuShownHook(std::function<void(QMenu *)> hook)
    {
        m_canvasMenuShown = std::move(hook);
    }

public slots:
    /// Opens a file; on failure a message lists the problems and the open project stays.
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    /// Saves to `path` (atomic); reports a failure in a message box.
    bool saveTo(const QString &path);
    void newProject();
    void open();
    /// File ▸ Import…: picks files, then as importFiles().
    void importInteractive();
    void revert();
    void openExample(const QString &resourcePath);
    /// Offers to restore each copy left by sessions that crashed, newest first, one after
    /// another (called once at start); true when work was restored into this window. The first
    /// copy restored goes into this window, every further one into a window of its own. Restored
    /// work is written to its window's recovery copy before the old copy is removed.
    bool offerRecovery();
    /// At start (`skyline FILE...`): offers recovery, then opens the files. Restored work is
    /// never replaced: the first file opens here only when nothing was restored, every other
    /// file in a window of its own.
    void openAtStart(const QStringList &files);
    /// A new main window, deleted when closed, sharing this one's recovery folder.
    MainWindow *newWindow();

    void addCandidate();
    void renameCandidate(int tabIndex = -1);
    void duplicateCandidate(int tabIndex = -1);
    /// Deletes a candidate after confirmation (undoable); refused for the last one.
    void deleteCandidate(int tabIndex = -1);
    void showPreferences();
    void showAbout();
    /// Help ▸ Getting Started: docs/getting-started.md (compiled in) in a window.
    void showGettingStarted();
    /// The menu of a right click on the canvas, for its selection (the menus' own actions).
    void showCanvasMenu(const QPoint &globalPos);
    /// Selects a node on its candidate's canvas tab and scrolls it into view.
    void revealNode(const QString &candidateId, const QString &nodeId);
    /// Candidate ▸ Convert: the selected service becomes a function or back (undoable).
    void convertSelectedNode();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void connectDocument();
    /// Asks whether to restore the crashed session's `copy` (the `number`th of `count`).
    bool askToRestore(const QString &copy, int number, int count);
    /// Reads `copy` into this window's document; false (and the copy removed) when unreadable.
    bool restoreRecoveryCopy(const QString &copy);
    void rebuildTabs();
    void insertTab(const QString &candidateId);
    int tabOf(const QString &candidateId) const;
    /// Brings the candidate's tab to the front; its canvas, or null when it has none.
    CanvasView *showCandidateCanvas(const QString &candidateId);
    QString candidateAt(int tabIndex) const;
    void onCurrentTabChanged();
    void updateTitle();
    void updateActions();
    /// Save / Discard / Cancel before losing unsaved changes; true when it is fine to go on.
    bool maybeSave();
    /// Commits the value of the field being edited (a focused line edit) through its panel.
    void commitFieldBeingEdited();
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    void fillExamplesMenu();
    void fillBringIntoContextMenu();
    void readSettings();
    void writeSettings();
    /// Without a remembered layout: gives the chart docks a readable share of the height.
    void applyDefaultDockSizes();

    // MainWindowResults.cpp: evaluation, charts, warnings, comparison, exports.
    void createResultDocks();
    void placeWarningsDock(QDockWidget *firstChartDock);
    void createResultActions();
    void addResultMenus(QMenu *file, QMenu *view, QMenu *candidate);
    void addResultToolBar();
    void showEvaluation();
    void followCurrentCandidate();
    void updateBadges();
    void onCanvasSelection(const QStringList &nodeIds);
    void updateResultActions();
    QString askExportPath(const QString &title, const QString &suffix, const QString &filter);
    void reportExport(bool ok, const QString &path, const QString &error);
    void exportCanvasInteractive(const QString &suffix);
    void exportChartInteractive(const QString &suffix);
    void exportFiguresInteractive();
    void exportReportInteractive();

    // MainWindowImport.cpp
    void createImportActions();
    void createImportDock();
    void addImportMenus(QMenu *file);
    ImportTarget askImportTarget(const QStringList &paths);
    void revealEdge(const QString &candidateId, const QString &edgeId);
    void exportMermaidInteractive();

    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &key = {});
    /// An action whose text `source` (English, QT_TR_NOOP-marked) follows the language.
    QAction *makeAction(const QString &name, const char *source, const QKeySequence &key = {});
    /// Sets the text of an action, menu, dock or tool bar from `source`, translated now and
    /// again on every language change.
    void setTranslatedText(QObject *object, const char *source);
    /// The same for an action's tooltip, with " (key)" after it when `key` is not empty.
    void setTranslatedToolTip(QAction *action, const char *source, const QString &key = {});
    void applyTranslatedText(QObject *object);
    /// A menu under `parent` (the menu bar or a menu) whose title follows the language.
    QMenu *addTranslatedMenu(QWidget *parent, const char *source);
    /// Every text of the window in the current language, and every figure in its locale.
    void retranslateUi();
    /// The results' part of retranslateUi: docks, panels, badges (MainWindowResults.cpp).
    void retranslateResults();
    /// Undo/Redo: "&Undo" + the command's text, in the current language. QUndoStack keeps the
    /// prefix it was created with, so these texts are set here after each of its updates.
    void retranslateUndoRedo();
    /// The what-if tool bar goes on a row of its own when it does not fit beside the main one
    /// (a 1024 px window clipped "Compare Candidates"), and back when it fits again.
    void placeToolBars();

    Document *m_document = nullptr;
    QTabWidget *m_tabs = nullptr;
    NodePalette *m_palette = nullptr;
    PropertyPanel *m_propertyPanel = nullptr;
    WorkloadEditor *m_workloadEditor = nullptr;
    RecoveryManager *m_recovery = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_examplesMenu = nullptr;
    QMenu *m_bringIntoContextMenu = nullptr;
    QPointer<QDialog> m_gettingStarted;
    QStringList m_lastCanvasMenuEntries;
    std::function<void(QMenu *)> m_canvasMenuShown;
    QActionGroup *m_toolGroup = nullptr;
    QList<QDockWidget *> m_docks;
    QPointer<CanvasView> m_connectedCanvas;
    EvaluationRunner *m_runner = nullptr;
    RangeRunner *m_rangeRunner = nullptr;
    ChartsPanel *m_chartsPanel = nullptr;
    WarningsPanel *m_warningsPanel = nullptr;
    ComparisonView *m_comparisonView = nullptr;
    QDockWidget *m_comparisonDock = nullptr;
    TrafficSlider *m_trafficSlider = nullptr;
    ReviewPanel *m_reviewPanel = nullptr;
    QDockWidget *m_reviewDock = nullptr;
    QList<QDockWidget *> m_chartDocks;
    int m_currentChartIndex = 0;
    bool m_defaultDockSizesPending = false;
    /// A fresh layout keeps the charts' share as the window is resized, until the user drags
    /// a dock separator.
    bool m_chartsFollowWindowHeight = false;
};

} // namespace skyline
