#include "MainWindow.h"

#include "Document.h"
#include "Language.h"
#include "PreferencesDialog.h"
#include "RecoveryManager.h"
#include "canvas/CanvasView.h"
#include "canvas/NodePalette.h"
#include "panels/PropertyPanel.h"
#include "panels/WorkloadEditor.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QResizeEvent>
#include <QShowEvent>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace skyline {
namespace {

const char *recentFilesKey = "recentFiles";
const char *geometryKey = "mainWindow/geometry";
const char *stateKey = "mainWindow/state";
const char *snapKey = "canvas/snapToGrid";
// Dynamic properties holding the English source of a text that follows the language.
const char *textSourceProperty = "skylineTextSource";
const char *toolTipSourceProperty = "skylineToolTipSource";
const char *toolTipKeyProperty = "skylineToolTipKey";
const char *toolRole = "canvasTool";
constexpr int statusTimeoutMs = 5000;

} // namespace

MainWindow::MainWindow(const QString &recoveryDirectory, QWidget *parent) : QMainWindow(parent)
{
    m_document = new Document(this);
    m_document->resetProject(Document::newProject());
    m_recovery = new RecoveryManager(m_document, recoveryDirectory, this);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("candidateTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(false); // the tab order is the project's candidate order
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    setCentralWidget(m_tabs);

    createActions();
    createResultActions();
    createImportActions();
    createDocks();
    createMenus();
    createToolBar();
    connectDocument();

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::deleteCandidate);
    connect(m_tabs, &QTabWidget::tabBarDoubleClicked, this, [this](int index) {
        if (index >= 0)
            renameCandidate(index);
        else
            addCandidate(); // double-click on the empty bar, as in browsers
    });
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        const int index = m_tabs->tabBar()->tabAt(pos);
        if (index < 0)
            return;
        QMenu menu(this);
        menu.addAction(tr("&Rename…"), this, [this, index] { renameCandidate(index); });
        menu.addAction(tr("D&uplicate"), this, [this, index] { duplicateCandidate(index); });
        QAction *remove = menu.addAction(tr("&Delete…"), this,
                                         [this, index] { deleteCandidate(index); });
        remove->setEnabled(m_tabs->count() > 1);
        menu.exec(m_tabs->tabBar()->mapToGlobal(pos));
    });

    statusBar()->showMessage(tr("Ready"), statusTimeoutMs);
    rebuildTabs();
    readSettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Nothing of the window runs during the rest of its teardown, and the editing panels go
    // first, while the window is whole: a field being edited would otherwise commit its
    // half-typed value when the closing window takes its focus.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    delete m_propertyPanel;
    m_propertyPanel = nullptr;
    delete m_workloadEditor;
    m_workloadEditor = nullptr;
}

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!key.isEmpty())
        action->setShortcut(key);
    return action;
}

QAction *MainWindow::makeAction(const QString &name, const char *source, const QKeySequence &key)
{
    QAction *action = makeAction(name, QString(), key);
    setTranslatedText(action, source);
    return action;
}

void MainWindow::setTranslatedText(QObject *object, const char *source)
{
    object->setProperty(textSourceProperty, QByteArray(source));
    applyTranslatedText(object);
}

void MainWindow::setTranslatedToolTip(QAction *action, const char *source, const QString &key)
{
    action->setProperty(toolTipSourceProperty, QByteArray(source));
    action->setProperty(toolTipKeyProperty, key);
    applyTranslatedText(action);
}

void MainWindow::applyTranslatedText(QObject *object)
{
    const QByteArray source = object->property(textSourceProperty).toByteArray();
    if (!source.isEmpty()) {
        const QString text = tr(source.constData());
        if (auto *a = qobject_cast<QAction *>(object))
            a->setText(text);
        else if (auto *menu = qobject_cast<QMenu *>(object))
            menu->setTitle(text);
        else if (auto *widget = qobject_cast<QWidget *>(object))
            widget->setWindowTitle(text); // docks and tool bars
    }
    const QByteArray tip = object->property(toolTipSourceProperty).toByteArray();
    if (auto *a = qobject_cast<QAction *>(object); a && !tip.isEmpty()) {
        const QString key = object->property(toolTipKeyProperty).toString();
        a->setToolTip(key.isEmpty() ? tr(tip.constData())
                                    : tr(tip.constData()) + QStringLiteral(" (%1)").arg(key));
    }
}

QMenu *MainWindow::addTranslatedMenu(QWidget *parent, const char *source)
{
    auto *menu = new QMenu(parent);
    setTranslatedText(menu, source);
    if (auto *bar = qobject_cast<QMenuBar *>(parent))
        bar->addMenu(menu);
    else if (auto *parentMenu = qobject_cast<QMenu *>(parent))
        parentMenu->addMenu(menu);
    return menu;
}

void MainWindow::retranslateUi()
{
    for (QObject *object : findChildren<QObject *>())
        applyTranslatedText(object);
    retranslateResults();
    retranslateUndoRedo();
    placeToolBars(); // the texts of the new language have other widths
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_document)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUndoRedo()
{
    const QUndoStack *stack = m_document->undoStack();
    auto apply = [](QAction *action, const QString &prefix, const QString &word,
                    const QString &command) {
        if (!action)
            return;
        action->setText(command.isEmpty() ? prefix : prefix + QLatin1Char(' ') + command);
        action->setIconText(word);
    };
    apply(action(QStringLiteral("undo")), tr("&Undo"), tr("Undo"), stack->undoText());
    apply(action(QStringLiteral("redo")), tr("&Redo"), tr("Redo"), stack->redoText());
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

CanvasView *MainWindow::currentCanvas() const
{
    return qobject_cast<CanvasView *>(m_tabs->currentWidget());
}

// --- actions and menus ---------------------------------------------------------------------

void MainWindow::createActions()
{
    auto onCanvas = [this](void (CanvasView::*slot)()) {
        return [this, slot] {
            if (CanvasView *canvas = currentCanvas())
                (canvas->*slot)();
        };
    };

    connect(makeAction("new", QT_TR_NOOP("&New"), QKeySequence::New), &QAction::triggered, this,
            &MainWindow::newProject);
    connect(makeAction("open", QT_TR_NOOP("&Open…"), QKeySequence::Open), &QAction::triggered, this,
            &MainWindow::open);
    connect(makeAction("save", QT_TR_NOOP("&Save"), QKeySequence::Save), &QAction::triggered, this,
            &MainWindow::save);
    connect(makeAction("saveAs", QT_TR_NOOP("Save &As…"), QKeySequence(tr("Ctrl+Shift+S"))),
            &QAction::triggered, this, &MainWindow::saveAs);
    connect(makeAction("revert", QT_TR_NOOP("Re&vert")), &QAction::triggered, this,
            &MainWindow::revert);
    QAction *quit = makeAction("quit", QT_TR_NOOP("&Quit"), QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redo"));
    // Ctrl+Y as well as the platform's redo (Ctrl+Shift+Z on Linux).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(tr("Ctrl+Y"))))
        redoKeys << QKeySequence(tr("Ctrl+Y"));
    redo->setShortcuts(redoKeys);
    // The toolbar shows a fixed word, the menu and the tooltip the command ("Undo Move Cart"):
    // a button carrying the command text widened and shifted the toolbar after every edit.
    undo->setIconText(tr("Undo"));
    redo->setIconText(tr("Redo"));
    auto followCommandText = [](QAction *action) {
        const auto withoutMnemonic = [](QString text) {
            return text.replace(QLatin1String("&&"), QStringLiteral("\x01"))
                .remove(QLatin1Char('&'))
                .replace(QChar(1), QLatin1Char('&'));
        };
        action->setToolTip(withoutMnemonic(action->text()));
        connect(action, &QAction::changed, action, [action, withoutMnemonic] {
            const QString tip = withoutMnemonic(action->text());
            if (action->toolTip() != tip)
                action->setToolTip(tip);
        });
    };
    followCommandText(undo);
    followCommandText(redo);
    // After QUndoStack's own connections, so the prefix in the current language wins.
    connect(m_document->undoStack(), &QUndoStack::undoTextChanged, this,
            &MainWindow::retranslateUndoRedo);
    connect(m_document->undoStack(), &QUndoStack::redoTextChanged, this,
            &MainWindow::retranslateUndoRedo);
    connect(makeAction("cut", QT_TR_NOOP("Cu&t"), QKeySequence::Cut), &QAction::triggered, this,
            onCanvas(&CanvasView::cutSelection));
    connect(makeAction("copy", QT_TR_NOOP("&Copy"), QKeySequence::Copy), &QAction::triggered, this,
            onCanvas(&CanvasView::copySelection));
    connect(makeAction("paste", QT_TR_NOOP("&Paste"), QKeySequence::Paste), &QAction::triggered,
            this, onCanvas(&CanvasView::paste));
    connect(makeAction("delete", QT_TR_NOOP("&Delete"), QKeySequence::Delete), &QAction::triggered,
            this, onCanvas(&CanvasView::deleteSelection));
    connect(makeAction("selectAll", QT_TR_NOOP("Select &All"), QKeySequence::SelectAll),
            &QAction::triggered, this, onCanvas(&CanvasView::selectAll));
    QAction *renameItem =
        makeAction("renameItem", QT_TR_NOOP("Re&name"), QKeySequence(tr("Ctrl+R")));
    setTranslatedToolTip(renameItem,
                         QT_TR_NOOP("Rename the selected node or context in place (or "
                                    "double-click its title)"),
                         QString());
    connect(renameItem, &QAction::triggered, this, onCanvas(&CanvasView::renameSelection));
    QAction *duplicate =
        makeAction("duplicate", QT_TR_NOOP("Duplicate &Selection"), QKeySequence(tr("Ctrl+D")));
    setTranslatedToolTip(duplicate,
                         QT_TR_NOOP("Copy the selected nodes and the calls among them beside them"),
                         QString());
    connect(duplicate, &QAction::triggered, this, onCanvas(&CanvasView::duplicateSelection));
    QAction *gettingStarted =
        makeAction("gettingStarted", QT_TR_NOOP("&Getting Started"), QKeySequence::HelpContents);
    setTranslatedToolTip(gettingStarted,
                         QT_TR_NOOP("A short guide: draw a candidate, read its figures, compare"),
                         QString());
    connect(gettingStarted, &QAction::triggered, this, &MainWindow::showGettingStarted);
    QAction *preferences =
        makeAction("preferences", QT_TR_NOOP("Pre&ferences…"), QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);

    connect(makeAction("zoomIn", QT_TR_NOOP("Zoom &In"), QKeySequence::ZoomIn), &QAction::triggered,
            this, onCanvas(&CanvasView::zoomIn));
    connect(makeAction("zoomOut", QT_TR_NOOP("Zoom &Out"), QKeySequence::ZoomOut),
            &QAction::triggered, this, onCanvas(&CanvasView::zoomOut));
    connect(makeAction("zoomToFit", QT_TR_NOOP("Zoom to &Fit"), QKeySequence(tr("Ctrl+9"))),
            &QAction::triggered, this, onCanvas(&CanvasView::zoomToFit));
    connect(makeAction("resetZoom", QT_TR_NOOP("&Actual Size"), QKeySequence(tr("Ctrl+0"))),
            &QAction::triggered, this, onCanvas(&CanvasView::resetZoom));
    QAction *snap = makeAction("snapToGrid", QT_TR_NOOP("&Snap to Grid"));
    snap->setCheckable(true);
    snap->setChecked(QSettings().value(snapKey, true).toBool());
    connect(snap, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < m_tabs->count(); ++i)
            if (auto *canvas = qobject_cast<CanvasView *>(m_tabs->widget(i)))
                canvas->setSnapToGrid(on);
        QSettings().setValue(snapKey, on);
    });

    connect(makeAction("addCandidate", QT_TR_NOOP("&Add Candidate"), QKeySequence(tr("Ctrl+T"))),
            &QAction::triggered, this, &MainWindow::addCandidate);
    connect(makeAction("renameCandidate", QT_TR_NOOP("&Rename Candidate…"), QKeySequence(tr("F2"))),
            &QAction::triggered, this, [this] { renameCandidate(); });
    connect(makeAction("duplicateCandidate", QT_TR_NOOP("D&uplicate Candidate")),
            &QAction::triggered, this, [this] { duplicateCandidate(); });
    connect(makeAction("deleteCandidate", QT_TR_NOOP("&Delete Candidate…")), &QAction::triggered,
            this, [this] { deleteCandidate(); });

    QAction *about = makeAction("about", QT_TR_NOOP("&About Skyline"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    // Canvas tool modes: exactly one is active on the current canvas.
    m_toolGroup = new QActionGroup(this);
    const struct
    {
        const char *name;
        const char *text; ///< English, translated by makeAction
        const char *tip;
        CanvasScene::Tool tool;
        const char *key;
    } tools[] = {
        {"toolSelect", QT_TR_NOOP("Select"), QT_TR_NOOP("Select, move and resize (Esc)"),
         CanvasScene::Tool::Select, "S"},
        {"toolApi", QT_TR_NOOP("API Call"), QT_TR_NOOP("Draw synchronous API calls between nodes"),
         CanvasScene::Tool::ConnectApi, "A"},
        {"toolEvent", QT_TR_NOOP("Event"), QT_TR_NOOP("Draw asynchronous events between nodes"),
         CanvasScene::Tool::ConnectEvent, "E"},
        {"toolContext", QT_TR_NOOP("Context"), QT_TR_NOOP("Draw a bounded context box"),
         CanvasScene::Tool::AddContext, "B"},
    };
    for (const auto &tool : tools) {
        QAction *action = makeAction(tool.name, tool.text, QKeySequence(QString::fromLatin1(tool.key)));
        setTranslatedToolTip(action, tool.tip, QString::fromLatin1(tool.key));
        action->setCheckable(true);
        action->setProperty(toolRole, int(tool.tool));
        m_toolGroup->addAction(action);
    }
    action("toolSelect")->setChecked(true);
    connect(m_toolGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        if (CanvasView *canvas = currentCanvas())
            canvas->setTool(CanvasScene::Tool(action->property(toolRole).toInt()));
    });
}

void MainWindow::createMenus()
{
    QMenu *file = addTranslatedMenu(menuBar(), QT_TR_NOOP("&File"));
    file->addAction(action("new"));
    file->addAction(action("open"));
    m_recentMenu = addTranslatedMenu(file, QT_TR_NOOP("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu(); // so that the menu is not empty before its first show (and for tests)
    file->addSeparator();
    file->addAction(action("save"));
    file->addAction(action("saveAs"));
    file->addAction(action("revert"));
    file->addSeparator();
    file->addAction(action("quit"));

    QMenu *edit = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Edit"));
    edit->addAction(action("undo"));
    edit->addAction(action("redo"));
    edit->addSeparator();
    edit->addAction(action("cut"));
    edit->addAction(action("copy"));
    edit->addAction(action("paste"));
    edit->addAction(action("delete"));
    edit->addAction(action("renameItem"));
    edit->addAction(action("duplicate"));
    m_bringIntoContextMenu = addTranslatedMenu(edit, QT_TR_NOOP("Bring into Conte&xt"));
    m_bringIntoContextMenu->menuAction()->setObjectName(QStringLiteral("bringIntoContext"));
    setTranslatedToolTip(m_bringIntoContextMenu->menuAction(),
                         QT_TR_NOOP("Move the selected nodes into a bounded context"), QString());
    connect(m_bringIntoContextMenu, &QMenu::aboutToShow, this,
            &MainWindow::fillBringIntoContextMenu);
    edit->addSeparator();
    edit->addAction(action("selectAll"));
    edit->addSeparator();
    edit->addAction(action("preferences"));

    QMenu *view = addTranslatedMenu(menuBar(), QT_TR_NOOP("&View"));
    view->addAction(action("zoomIn"));
    view->addAction(action("zoomOut"));
    view->addAction(action("zoomToFit"));
    view->addAction(action("resetZoom"));
    view->addSeparator();
    view->addAction(action("snapToGrid"));
    view->addSeparator();
    QMenu *tools = addTranslatedMenu(view, QT_TR_NOOP("&Tool"));
    tools->addActions(m_toolGroup->actions());
    QMenu *panels = addTranslatedMenu(view, QT_TR_NOOP("&Panels"));
    for (QDockWidget *dock : m_docks)
        panels->addAction(dock->toggleViewAction());

    QMenu *candidate = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Candidate"));
    candidate->addAction(action("addCandidate"));
    candidate->addAction(action("renameCandidate"));
    candidate->addAction(action("duplicateCandidate"));
    candidate->addAction(action("deleteCandidate"));

    addResultMenus(file, view, candidate);
    addImportMenus(file);

    QMenu *help = addTranslatedMenu(menuBar(), QT_TR_NOOP("&Help"));
    help->addAction(action("gettingStarted"));
    m_examplesMenu = addTranslatedMenu(help, QT_TR_NOOP("&Examples"));
    fillExamplesMenu();
    help->addSeparator();
    help->addAction(action("about"));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(QString());
    setTranslatedText(bar, QT_TR_NOOP("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(action("new"));
    bar->addAction(action("open"));
    bar->addAction(action("save"));
    bar->addSeparator();
    bar->addAction(action("undo"));
    bar->addAction(action("redo"));
    bar->addSeparator();
    bar->addActions(m_toolGroup->actions());
    bar->addSeparator();
    bar->addAction(action("zoomToFit"));
    bar->addAction(action("addCandidate"));
    addResultToolBar();
}

void MainWindow::createDocks()
{
    auto makeDock = [this](const QString &name, const char *title, QWidget *content,
                           Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(this);
        setTranslatedText(dock, title);
        dock->setObjectName(name);
        dock->setWidget(content);
        addDockWidget(area, dock);
        m_docks << dock;
        return dock;
    };
    m_palette = new NodePalette;
    connect(m_palette, &NodePalette::addNodeRequested, this, [this](NodeKind kind) {
        if (CanvasView *canvas = currentCanvas())
            canvas->addNodeAtViewCenter(kind);
    });
    makeDock("paletteDock", QT_TR_NOOP("Components"), m_palette, Qt::LeftDockWidgetArea);

    m_propertyPanel = new PropertyPanel(m_document);
    QDockWidget *properties = makeDock("propertiesDock", QT_TR_NOOP("Properties"), m_propertyPanel,
                                       Qt::RightDockWidgetArea);
    m_workloadEditor = new WorkloadEditor(m_document);
    QDockWidget *workloads = makeDock("workloadsDock", QT_TR_NOOP("Workloads"), m_workloadEditor,
                                      Qt::RightDockWidgetArea);
    tabifyDockWidget(properties, workloads);
    properties->raise();
    // The property, workload and warnings column runs the full height: the workload editor
    // needs ~430 px, and above the bottom area it would squeeze the charts to ~180 px.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    createResultDocks(); // the live evaluation, one dock per chart, warnings, comparison
    createImportDock();  // the review list of the last import
}

// --- document ------------------------------------------------------------------------------

void MainWindow::connectDocument()
{
    connect(m_document, &Document::projectReset, this, [this] {
        rebuildTabs();
        updateTitle();
        // Once the new canvases have their size, show every diagram whole.
        QTimer::singleShot(0, this, [this] {
            for (int i = 0; i < m_tabs->count(); ++i)
                if (auto *canvas = qobject_cast<CanvasView *>(m_tabs->widget(i)))
                    canvas->zoomToFit();
        });
    });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::metaChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::candidateAdded, this, [this](const QString &candidateId) {
        insertTab(candidateId);
        m_tabs->setCurrentIndex(tabOf(candidateId));
        updateActions();
    });
    connect(m_document, &Document::candidateRemoved, this, [this](const QString &candidateId) {
        const int index = tabOf(candidateId);
        if (index < 0)
            return;
        QWidget *page = m_tabs->widget(index);
        m_tabs->removeTab(index);
        page->deleteLater();
        updateActions();
    });
    connect(m_document, &Document::candidateChanged, this, [this](const QString &candidateId) {
        const int index = tabOf(candidateId);
        if (const Candidate *candidate = m_document->candidate(candidateId); candidate && index >= 0)
            m_tabs->setTabText(index, toQ(candidate->name));
    });
}

void MainWindow::rebuildTabs()
{
    QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        page->deleteLater();
    }
    for (const Candidate &candidate : m_document->project().candidates)
        insertTab(toQ(candidate.id));
    m_tabs->setCurrentIndex(0);
    blocker.unblock(); // the current-tab handling below must run
    onCurrentTabChanged();
    updateActions();
}

void MainWindow::insertTab(const QString &candidateId)
{
    const Candidate *candidate = m_document->candidate(candidateId);
    if (!candidate || tabOf(candidateId) >= 0)
        return;
    const auto &candidates = m_document->project().candidates;
    int position = 0;
    while (position < int(candidates.size()) && candidates[size_t(position)].id != candidate->id)
        ++position;
    auto *canvas = new CanvasView(m_document, candidateId);
    canvas->setSnapToGrid(action("snapToGrid")->isChecked());
    m_tabs->insertTab(std::min(position, m_tabs->count()), canvas, toQ(candidate->name));
    connect(canvas, &CanvasView::selectionChanged, this,
            [this, canvas](const QStringList &nodes, const QStringList &edges,
                           const QStringList &contexts) {
                if (canvas == currentCanvas())
                {
                    m_propertyPanel->setSelection(nodes, edges, contexts);
                    onCanvasSelection(nodes);
                }
            });
    connect(canvas, &CanvasView::contextMenuRequested, this,
            [this, canvas](const QPoint &globalPos) {
                if (canvas == currentCanvas())
                    showCanvasMenu(globalPos);
            });
    connect(canvas, &CanvasView::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, statusTimeoutMs); });
    connect(canvas, &CanvasView::toolChanged, this, [this, canvas](CanvasScene::Tool tool) {
        if (canvas != currentCanvas())
            return;
        for (QAction *a : m_toolGroup->actions())
            if (a->property(toolRole).toInt() == int(tool))
                a->setChecked(true);
    });
}

int MainWindow::tabOf(const QString &candidateId) const
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (candidateAt(i) == candidateId)
            return i;
    return -1;
}

QString MainWindow::candidateAt(int tabIndex) const
{
    auto *canvas = qobject_cast<CanvasView *>(m_tabs->widget(tabIndex));
    return canvas ? canvas->currentCandidateId() : QString();
}

void MainWindow::onCurrentTabChanged()
{
    CanvasView *canvas = currentCanvas();
    m_propertyPanel->setCandidate(canvas ? canvas->currentCandidateId() : QString());
    if (canvas) {
        canvas->scene()->clearSelection(); // the panel starts from the project again
        for (QAction *a : m_toolGroup->actions())
            if (a->property(toolRole).toInt() == int(canvas->tool()))
                a->setChecked(true);
    }
    updateActions();
    followCurrentCandidate();
}

void MainWindow::updateTitle()
{
    QString name;
    if (!m_document->filePath().isEmpty())
        name = QFileInfo(m_document->filePath()).fileName();
    else if (!m_document->project().name.empty())
        name = toQ(m_document->project().name);
    else
        name = tr("Untitled");
    setWindowTitle(tr("%1[*] — Skyline").arg(name));
    setWindowModified(m_document->isModified());
    action("revert")->setEnabled(!m_document->filePath().isEmpty() && m_document->isModified());
}

void MainWindow::updateActions()
{
    const bool hasCanvas = currentCanvas() != nullptr;
    for (const char *name : {"cut", "copy", "paste", "delete", "selectAll", "zoomIn", "zoomOut",
                             "zoomToFit", "resetZoom", "renameCandidate", "duplicateCandidate",
                             "renameItem", "duplicate"})
        action(name)->setEnabled(hasCanvas);
    action("deleteCandidate")->setEnabled(m_tabs->count() > 1);
    m_tabs->setTabsClosable(m_tabs->count() > 1);
}

// --- files ---------------------------------------------------------------------------------

void MainWindow::commitFieldBeingEdited()
{
    // A field commits its value when it loses the focus: do that now, so that the question
    // below sees what was typed instead of the window closing over it.
    QWidget *focused = QApplication::focusWidget();
    if (!focused || !isAncestorOf(focused))
        return;
    focused->clearFocus();
    focused->setFocus(Qt::OtherFocusReason);
}

bool MainWindow::maybeSave()
{
    commitFieldBeingEdited();
    if (!m_document->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("“%1” has unsaved changes.").arg(windowTitle().section(QStringLiteral("[*]"), 0, 0)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Do you want to save them?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_document->resetProject(Document::newProject());
    m_recovery->discard();
    statusBar()->showMessage(tr("New project"), statusTimeoutMs);
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QStringList recent = recentFiles();
    const QString startDir = recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.front()).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), startDir,
                                                      tr("Skyline projects (*.skyline);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    if (!m_document->load(path, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot Open File"),
                        tr("“%1” could not be opened. The open project is unchanged.")
                            .arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, this);
        box.setInformativeText(error);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
        return false;
    }
    addRecentFile(path);
    m_recovery->discard();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), statusTimeoutMs);
    return true;
}

bool MainWindow::save()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return saveAs();
    return saveTo(path);
}

bool MainWindow::saveAs()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty() || suggestion.startsWith(QLatin1Char(':'))) {
        const QString name = m_document->project().name.empty() ? tr("Untitled")
                                                                 : toQ(m_document->project().name);
        const QStringList recent = recentFiles();
        const QString dir = recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.front()).path();
        suggestion = QDir(dir).filePath(name + QStringLiteral(".skyline"));
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestion,
                                                tr("Skyline projects (*.skyline)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".skyline");
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path)
{
    QString error;
    if (!m_document->save(path, &error)) {
        QMessageBox::critical(this, tr("Cannot Save"), error);
        return false;
    }
    addRecentFile(path);
    m_recovery->discard();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), statusTimeoutMs);
    return true;
}

void MainWindow::revert()
{
    const QString path = m_document->filePath();
    if (path.isEmpty() || !m_document->isModified())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Revert"),
        tr("Discard your changes and reload “%1” from disk?").arg(QFileInfo(path).fileName()),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        openFile(path);
}

void MainWindow::openExample(const QString &resourcePath)
{
    if (!maybeSave())
        return;
    QFile file(resourcePath);
    ReadResult<Project> result;
    if (file.open(QIODevice::ReadOnly))
        result = readProject(file.readAll().toStdString());
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Cannot Open Example"),
                             tr("The example %1 cannot be read.").arg(resourcePath));
        return;
    }
    // An untitled copy: Save asks where to put it.
    m_document->resetProject(*result.value);
    m_recovery->discard();
}

bool MainWindow::offerRecovery()
{
    const QStringList orphans = m_recovery->orphanedRecoveryFiles(); // newest first
    bool restoredHere = false;
    for (int i = 0; i < orphans.size(); ++i) {
        if (!askToRestore(orphans[i], i + 1, int(orphans.size()))) {
            m_recovery->removeRecoveryFile(orphans[i]);
            continue;
        }
        // Restored work is never replaced: the first goes here, each further one elsewhere.
        MainWindow *target = restoredHere ? newWindow() : this;
        const bool restored = target->restoreRecoveryCopy(orphans[i]);
        if (target == this)
            restoredHere = restored;
        else if (!restored)
            target->close();
    }
    return restoredHere;
}

bool MainWindow::askToRestore(const QString &copy, int number, int count)
{
    const QString original = RecoveryManager::originalFilePath(copy);
    QMessageBox box(QMessageBox::Question,
                    count > 1 ? tr("Recover Unsaved Work (%1 of %2)").arg(number).arg(count)
                              : tr("Recover Unsaved Work"),
                    tr("Skyline did not shut down cleanly. Unsaved work from %1 was kept.")
                        .arg(QLocale().toString(QFileInfo(copy).lastModified(),
                                                QLocale::ShortFormat)),
                    QMessageBox::NoButton, this);
    box.setInformativeText(original.isEmpty()
                               ? tr("Restore it?")
                               : tr("It holds changes to “%1”. Restore it?")
                                     .arg(QDir::toNativeSeparators(original)));
    QPushButton *restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

bool MainWindow::restoreRecoveryCopy(const QString &copy)
{
    QFile file(copy);
    ReadResult<Project> result;
    if (file.open(QIODevice::ReadOnly))
        result = readProject(file.readAll().toStdString());
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Recover Unsaved Work"),
                             tr("The recovery copy cannot be read; it is discarded."));
        m_recovery->removeRecoveryFile(copy);
        return false;
    }
    // Restored work is unsaved work: keep the modified marker and the prompts.
    m_document->resetProject(*result.value, RecoveryManager::originalFilePath(copy), true);
    // The old copy goes only once the work is safe in this session's copy: a second crash
    // right after restoring loses nothing.
    if (m_recovery->writeNow())
        m_recovery->removeRecoveryFile(copy);
    return true;
}

void MainWindow::openAtStart(const QStringList &files)
{
    const bool restored = offerRecovery();
    for (int i = 0; i < files.size(); ++i) {
        MainWindow *target = (i == 0 && !restored) ? this : newWindow();
        if (!target->openFile(files[i]) && target != this)
            target->close();
    }
}

MainWindow *MainWindow::newWindow()
{
    auto *window = new MainWindow(m_recovery->directory());
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

QStringList MainWindow::recentFiles()
{
    return QSettings().value(recentFilesKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    QSettings().setValue(recentFilesKey, files);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *entry = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] {
                if (maybeSave())
                    openFile(path);
            });
        entry->setToolTip(QDir::toNativeSeparators(path));
        entry->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No Recent Files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"), this,
                                             [] { QSettings().remove(recentFilesKey); });
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::fillExamplesMenu()
{
    const QDir examples(QStringLiteral(":/examples"));
    const QStringList names = examples.entryList({QStringLiteral("*.skyline")}, QDir::Files,
                                                 QDir::Name);
    for (const QString &name : names) {
        QString title = QFileInfo(name).completeBaseName();
        title.replace(QLatin1Char('-'), QLatin1Char(' '));
        if (!title.isEmpty())
            title[0] = title[0].toUpper();
        const QString path = examples.filePath(name);
        m_examplesMenu->addAction(title, this, [this, path] { openExample(path); });
    }
    if (names.isEmpty())
        m_examplesMenu->addAction(tr("No Examples Installed"))->setEnabled(false);
}

// --- settings, dialogs, closing ------------------------------------------------------------

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1280, 800);
    // Dock sizes only mean something once the window has its size: set them when it shows.
    m_defaultDockSizesPending = !restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::applyDefaultDockSizes()
{
    // A narrow window (1024 px) left the canvas a quarter of its width, too small to read the
    // diagram: the side columns give way down to a share of the window.
    QList<QDockWidget *> sides;
    QList<int> widths;
    const struct
    {
        const char *name;
        double share;
        int minimumPx;
    } columns[] = {{"paletteDock", 0.15, 140}, {"propertiesDock", 0.27, 250}};
    for (const auto &column : columns) {
        auto *dock = findChild<QDockWidget *>(QString::fromLatin1(column.name));
        if (!dock || !dock->isVisible() || dock->isFloating())
            continue;
        int minimumPx = column.minimumPx;
        if (dock->widget() == m_palette) // its longest name whole ("Warteschlange / Topic")
            minimumPx = std::max(minimumPx, m_palette->sizeHintForColumn(0)
                                                + 2 * m_palette->frameWidth() + 8);
        const int cap = std::max(minimumPx, int(width() * column.share));
        if (dock->width() > cap || dock->width() < minimumPx) {
            sides << dock;
            widths << std::clamp(dock->width(), minimumPx, cap);
        }
    }
    if (!sides.isEmpty())
        resizeDocks(sides, widths, Qt::Horizontal);
    for (QDockWidget *dock : std::as_const(m_chartDocks)) {
        if (dock->isVisible() && !dock->isFloating()
            && dockWidgetArea(dock) == Qt::BottomDockWidgetArea) {
            resizeDocks({dock}, {int(height() * defaultChartShare)}, Qt::Vertical);
            return;
        }
    }
}

void MainWindow::placeToolBars()
{
    auto *main = findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    auto *whatIf = findChild<QToolBar *>(QStringLiteral("whatIfToolBar"));
    if (!main || !whatIf || toolBarArea(main) != Qt::TopToolBarArea
        || toolBarArea(whatIf) != Qt::TopToolBarArea || main->isFloating()
        || whatIf->isFloating())
        return; // the user placed them elsewhere
    const int slackPx = 24; // the handles and the layout's spacing
    const bool fits =
        main->sizeHint().width() + whatIf->sizeHint().width() + slackPx <= width();
    if (fits == !toolBarBreak(whatIf))
        return;
    if (fits)
        removeToolBarBreak(whatIf);
    else
        insertToolBarBreak(whatIf);
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
}

void MainWindow::addCandidate()
{
    const int number = int(m_document->project().candidates.size()) + 1;
    m_document->addCandidate(tr("Candidate %1").arg(number));
}

void MainWindow::renameCandidate(int tabIndex)
{
    const QString candidateId = candidateAt(tabIndex < 0 ? m_tabs->currentIndex() : tabIndex);
    const Candidate *candidate = m_document->candidate(candidateId);
    if (!candidate)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Candidate"), tr("Name:"),
                                               QLineEdit::Normal, toQ(candidate->name), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        m_document->renameCandidate(candidateId, name);
}

void MainWindow::duplicateCandidate(int tabIndex)
{
    const QString candidateId = candidateAt(tabIndex < 0 ? m_tabs->currentIndex() : tabIndex);
    if (m_document->candidate(candidateId))
        m_document->duplicateCandidate(candidateId);
}

void MainWindow::deleteCandidate(int tabIndex)
{
    const QString candidateId = candidateAt(tabIndex < 0 ? m_tabs->currentIndex() : tabIndex);
    const Candidate *candidate = m_document->candidate(candidateId);
    if (!candidate)
        return;
    if (m_document->project().candidates.size() <= 1) {
        statusBar()->showMessage(tr("A project keeps at least one candidate."), statusTimeoutMs);
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Delete Candidate"),
        tr("Delete the candidate “%1” and everything on its canvas? Edit ▸ Undo brings it back.")
            .arg(toQ(candidate->name)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_document->removeCandidate(candidateId);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    // The new language takes effect at once in every window (issue 10 point 12).
    if (dialog.exec() == QDialog::Accepted &&
        PreferencesDialog::effectiveLanguage() != language::current())
        language::apply(PreferencesDialog::effectiveLanguage());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Skyline"),
        tr("<h3>Skyline %1</h3><p>Sketch serverless and microservice candidates for the same "
           "product and compare how they scale, answer, fail and cost.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showGettingStarted()
{
    if (!m_gettingStarted) {
        QFile file(QStringLiteral(":/docs/getting-started.md"));
        QString text = tr("The guide is missing from this build.");
        if (file.open(QIODevice::ReadOnly | QIODevice::Text))
            text = QString::fromUtf8(file.readAll());
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("gettingStartedDialog"));
        dialog->setWindowTitle(tr("Getting Started"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *layout = new QVBoxLayout(dialog);
        auto *browser = new QTextBrowser;
        browser->setObjectName(QStringLiteral("gettingStartedText"));
        browser->setOpenExternalLinks(true);
        browser->setMarkdown(text);
        layout->addWidget(browser);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(680, 620);
        m_gettingStarted = dialog;
    }
    m_gettingStarted->show();
    m_gettingStarted->raise();
    m_gettingStarted->activateWindow();
}

void MainWindow::fillBringIntoContextMenu()
{
    m_bringIntoContextMenu->clear();
    CanvasView *canvas = currentCanvas();
    const Candidate *candidate =
        canvas ? m_document->candidate(canvas->currentCandidateId()) : nullptr;
    const bool nodesSelected = canvas && !canvas->canvasScene()->selectedNodeIds().isEmpty();
    if (!candidate || candidate->contexts.empty()) {
        m_bringIntoContextMenu->addAction(tr("No contexts: draw one with the Context tool (B)"))
            ->setEnabled(false);
        return;
    }
    for (const Context &context : candidate->contexts) {
        const QString id = toQ(context.id);
        QAction *entry = m_bringIntoContextMenu->addAction(toQ(context.name), this, [this, id] {
            if (CanvasView *current = currentCanvas())
                current->bringSelectionIntoContext(id);
        });
        entry->setEnabled(nodesSelected);
    }
}

void MainWindow::showCanvasMenu(const QPoint &globalPos)
{
    CanvasView *canvas = currentCanvas();
    if (!canvas)
        return;
    const CanvasScene *scene = canvas->canvasScene();
    const qsizetype nodes = scene->selectedNodeIds().size();
    const qsizetype edges = scene->selectedEdgeIds().size();
    const qsizetype contexts = scene->selectedContextIds().size();
    // The menus' own actions: one text, one shortcut and one behaviour everywhere.
    QList<QAction *> entries;
    auto add = [&](const char *name) { entries << action(QString::fromLatin1(name)); };
    auto separator = [&] { entries << nullptr; };
    if (nodes > 0) {
        if (nodes == 1 && contexts == 0)
            add("renameItem");
        add("duplicate");
        add("convertNode");
        separator();
        add("toolApi");
        add("toolEvent");
        entries << m_bringIntoContextMenu->menuAction();
        separator();
        add("cut");
        add("copy");
        add("delete");
    } else if (contexts > 0) {
        if (contexts == 1 && edges == 0)
            add("renameItem");
        add("delete");
    } else if (edges > 0) {
        add("delete");
    } else {
        add("paste");
        add("selectAll");
        separator();
        for (QAction *tool : m_toolGroup->actions())
            entries << tool;
        separator();
        add("zoomToFit");
    }
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("canvasMenu"));
    for (QAction *entry : std::as_const(entries)) {
        if (entry)
            menu.addAction(entry);
        else
            menu.addSeparator();
    }
    m_lastCanvasMenuEntries.clear();
    for (const QAction *entry : menu.actions())
        m_lastCanvasMenuEntries << (entry->isSeparator() ? QStringLiteral("-") : entry->objectName());
    if (m_canvasMenuShown)
        m_canvasMenuShown(&menu);
    else
        menu.exec(globalPos);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_defaultDockSizesPending && !event->spontaneous()) {
        m_defaultDockSizesPending = false;
        m_chartsFollowWindowHeight = true;
        applyDefaultDockSizes();
        // The first chart of the catalog in front: the hidden Import Review tab, tabified
        // last, otherwise hands the front to the last chart (a memory sweep waiting for a
        // selection is no first view).
        if (!m_chartDocks.isEmpty())
            m_chartDocks.first()->raise();
    }
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    placeToolBars();
    // The window manager (or -geometry) often sizes a new window just after it shows.
    if (m_chartsFollowWindowHeight && event->size().height() != event->oldSize().height())
        applyDefaultDockSizes();
}

bool MainWindow::event(QEvent *event)
{
    // A press on the window itself (not on a child) is on a dock separator: from now on the
    // user sizes the docks.
    if (event->type() == QEvent::MouseButtonPress)
        m_chartsFollowWindowHeight = false;
    return QMainWindow::event(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    m_recovery->discard();
    event->accept();
}

} // namespace skyline
