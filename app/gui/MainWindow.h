#pragma once
// The main window: one canvas tab per candidate, the node palette, property panel, workload
// editor and results docks, and the File / Edit / View / Candidate / Help menus. Files go
// through the Document (load, atomic save); unsaved changes are guarded by a Save / Discard /
// Cancel question and by the recovery copy.

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QTabWidget;

namespace skyline {

class CanvasView;
class Document;
class NodePalette;
class PropertyPanel;
class RecoveryManager;
class ResultsPanel;
class WorkloadEditor;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int maxRecentFiles = 8;

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

public slots:
    /// Opens a file; on failure a message lists the problems and the open project stays.
    bool openFile(const QString &path);
    bool save();
    bool saveAs();
    /// Saves to `path` (atomic); reports a failure in a message box.
    bool saveTo(const QString &path);
    void newProject();
    void open();
    void revert();
    void openExample(const QString &resourcePath);
    /// Offers to restore copies left by sessions that crashed (called once at start).
    void offerRecovery();

    void addCandidate();
    void renameCandidate(int tabIndex = -1);
    void duplicateCandidate(int tabIndex = -1);
    /// Deletes a candidate after confirmation (undoable); refused for the last one.
    void deleteCandidate(int tabIndex = -1);
    void showPreferences();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void connectDocument();
    void rebuildTabs();
    void insertTab(const QString &candidateId);
    int tabOf(const QString &candidateId) const;
    QString candidateAt(int tabIndex) const;
    void onCurrentTabChanged();
    void updateTitle();
    void updateActions();
    /// Save / Discard / Cancel before losing unsaved changes; true when it is fine to go on.
    bool maybeSave();
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    void fillExamplesMenu();
    void readSettings();
    void writeSettings();
    QAction *makeAction(const QString &name, const QString &text, const QKeySequence &key = {});

    Document *m_document = nullptr;
    QTabWidget *m_tabs = nullptr;
    NodePalette *m_palette = nullptr;
    PropertyPanel *m_propertyPanel = nullptr;
    WorkloadEditor *m_workloadEditor = nullptr;
    ResultsPanel *m_resultsPanel = nullptr;
    RecoveryManager *m_recovery = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_examplesMenu = nullptr;
    QActionGroup *m_toolGroup = nullptr;
    QList<QDockWidget *> m_docks;
    QPointer<CanvasView> m_connectedCanvas;
};

} // namespace skyline
