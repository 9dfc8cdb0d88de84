// MainWindow, issue 13: File ▸ Import… and dropped files (Compose, SAM/CloudFormation,
// Serverless Framework, Kubernetes) as a new project or as a new candidate of the open one,
// the review list dock, and File ▸ Export ▸ Mermaid. Kept apart from MainWindow.cpp.
#include "MainWindow.h"

#include "Document.h"
#include "RecoveryManager.h"
#include "canvas/CanvasView.h"
#include "canvas/EdgeItem.h"
#include "import/Import.h"
#include "io/MermaidExport.h"
#include "panels/ReviewPanel.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

namespace skyline {
namespace {

constexpr int importStatusTimeoutMs = 5000;
const char *importDirectoryKey = "import/directory";

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

bool isProjectFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("skyline"), Qt::CaseInsensitive) == 0;
}

QStringList fileNames(const QStringList &paths)
{
    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();
    return names;
}

} // namespace

void MainWindow::createImportActions()
{
    QAction *import = makeAction("import", QT_TR_NOOP("&Import…"), QKeySequence(tr("Ctrl+I")));
    setTranslatedToolTip(import, QT_TR_NOOP("Import Docker Compose, AWS SAM / CloudFormation, "
                                            "Serverless Framework or Kubernetes files as a "
                                            "project or a candidate"));
    connect(import, &QAction::triggered, this, &MainWindow::importInteractive);
    connect(makeAction("exportMermaid", QT_TR_NOOP("Candidate as &Mermaid…")), &QAction::triggered,
            this, &MainWindow::exportMermaidInteractive);
    setAcceptDrops(true);
}

void MainWindow::createImportDock()
{
    m_reviewPanel = new ReviewPanel(m_document);
    m_reviewDock = new QDockWidget(this);
    setTranslatedText(m_reviewDock, QT_TR_NOOP("Import Review"));
    m_reviewDock->setObjectName(QStringLiteral("reviewDock"));
    m_reviewDock->setWidget(m_reviewPanel);
    // Beside the charts at the bottom: the rows are long sentences and need the width.
    addDockWidget(Qt::BottomDockWidgetArea, m_reviewDock);
    if (!m_chartDocks.isEmpty())
        tabifyDockWidget(m_chartDocks.last(), m_reviewDock);
    m_reviewDock->hide(); // until something is imported
    m_docks << m_reviewDock;
    connect(m_reviewPanel, &ReviewPanel::itemActivated, this,
            [this](const QString &candidateId, const QString &nodeId, const QString &edgeId) {
                if (!edgeId.isEmpty())
                    revealEdge(candidateId, edgeId);
                else
                    revealNode(candidateId, nodeId);
            });
}

void MainWindow::addImportMenus(QMenu *file)
{
    // File: New, Open, Open Recent, Import…; Export ▸ … Mermaid after the canvas images.
    const QList<QAction *> fileActions = file->actions();
    const qsizetype recent = fileActions.indexOf(m_recentMenu->menuAction());
    file->insertAction(recent + 1 < fileActions.size() ? fileActions[recent + 1] : nullptr,
                       action("import"));
    if (auto *exportMenu = file->findChild<QMenu *>(QStringLiteral("exportMenu"))) {
        const QList<QAction *> exports = exportMenu->actions();
        const qsizetype pdf = exports.indexOf(action("exportCanvasPdf"));
        exportMenu->insertAction(pdf >= 0 && pdf + 1 < exports.size() ? exports[pdf + 1] : nullptr,
                                 action("exportMermaid"));
    } else {
        file->insertAction(action("quit"), action("exportMermaid"));
    }
}

void MainWindow::revealEdge(const QString &candidateId, const QString &edgeId)
{
    CanvasView *canvas = showCandidateCanvas(candidateId);
    if (!canvas)
        return;
    canvas->canvasScene()->selectIds({}, {edgeId});
    if (EdgeItem *item = canvas->canvasScene()->edgeItem(edgeId))
        canvas->centerOn(item);
}

// --- import ----------------------------------------------------------------------------------

void MainWindow::importInteractive()
{
    const QString dir = QSettings().value(importDirectoryKey, QDir::homePath()).toString();
    const QStringList filters = {
        tr("Infrastructure files (*.yaml *.yml *.json *.template)"),
        tr("Docker Compose (*compose*.yaml *compose*.yml)"),
        tr("AWS SAM / CloudFormation (*.yaml *.yml *.json *.template)"),
        tr("Serverless Framework (serverless.yml serverless.yaml)"),
        tr("Kubernetes manifests (*.yaml *.yml)"),
        tr("All files (*)"),
    };
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import"), dir, filters.join(QStringLiteral(";;")));
    if (paths.isEmpty())
        return;
    QSettings().setValue(importDirectoryKey, QFileInfo(paths.front()).absolutePath());
    importFiles(paths);
}

MainWindow::ImportTarget MainWindow::askImportTarget(const QStringList &paths)
{
    const Project &open = m_document->project();
    bool hasNodes = false;
    for (const Candidate &c : open.candidates)
        hasNodes = hasNodes || !c.nodes.empty();
    const QString projectName =
        open.name.empty() ? windowTitle().section(QStringLiteral("[*]"), 0, 0) : toQ(open.name);
    QMessageBox box(QMessageBox::Question, tr("Import"),
                    tr("Import %1 as:").arg(fileNames(paths).join(QStringLiteral(", "))),
                    QMessageBox::Cancel, this);
    box.setInformativeText(tr("A new candidate sits next to the ones you have, to compare; "
                              "Edit ▸ Undo removes it again."));
    QPushButton *asProject = box.addButton(tr("Open as a New &Project"), QMessageBox::AcceptRole);
    QPushButton *asCandidate = box.addButton(tr("&Add as a New Candidate to “%1”").arg(projectName),
                                             QMessageBox::AcceptRole);
    asProject->setObjectName(QStringLiteral("importAsProject"));
    asCandidate->setObjectName(QStringLiteral("importAsCandidate"));
    box.setDefaultButton(hasNodes ? asCandidate : asProject);
    box.exec();
    if (box.clickedButton() == asProject)
        return ImportTarget::NewProject;
    if (box.clickedButton() == asCandidate)
        return ImportTarget::NewCandidate;
    return ImportTarget::Ask; // cancelled
}

bool MainWindow::importFiles(const QStringList &paths, ImportTarget target, QString *error)
{
    auto fail = [&](const QString &problems) {
        if (error) {
            *error = problems;
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Cannot Import"),
                            tr("%1 could not be imported. Nothing was changed.")
                                .arg(fileNames(paths).join(QStringLiteral(", "))),
                            QMessageBox::Ok, this);
            box.setInformativeText(problems);
            box.setTextInteractionFlags(Qt::TextSelectableByMouse);
            box.exec();
        }
        return false;
    };
    if (paths.isEmpty())
        return fail(tr("No files to import."));

    std::vector<importing::SourceFile> files;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("%1: cannot be read (%2)")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        files.push_back(
            {QDir::toNativeSeparators(path).toStdString(), file.readAll().toStdString()});
    }
    const importing::ImportResult result = importing::importFiles(files);
    if (!result.ok()) {
        QStringList problems;
        for (const std::string &e : result.errors)
            problems << QString::fromStdString(e);
        return fail(problems.isEmpty() ? tr("Nothing could be imported.")
                                       : problems.join(QLatin1Char('\n')));
    }

    if (target == ImportTarget::Ask)
        target = askImportTarget(paths);
    if (target == ImportTarget::Ask)
        return false; // cancelled

    std::vector<importing::ReviewItem> review = result.review;
    QString candidateId;
    if (target == ImportTarget::NewProject) {
        if (!maybeSave())
            return false;
        m_recovery->discard();
        // Nothing of it is on disk yet: keep the modified marker and the prompts.
        m_document->resetProject(*result.project, {}, true);
        candidateId = toQ(result.project->candidates.front().id);
    } else {
        std::map<std::string, std::string> renamed;
        candidateId = m_document->addImportedCandidate(result.project->candidates.front(),
                                                       result.project->workloads, &renamed);
        for (importing::ReviewItem &item : review) {
            if (renamed.count(item.nodeId))
                item.nodeId = renamed.at(item.nodeId);
            if (renamed.count(item.edgeId))
                item.edgeId = renamed.at(item.edgeId);
        }
        // The new tab's canvas gets its size once shown: then show the diagram whole.
        QTimer::singleShot(0, this, [this, candidateId] {
            const int index = tabOf(candidateId);
            if (auto *canvas = qobject_cast<CanvasView *>(m_tabs->widget(index)))
                canvas->zoomToFit();
        });
    }
    m_reviewPanel->setReview(candidateId, review, result.summary, paths);
    m_reviewDock->show();
    m_reviewDock->raise();
    statusBar()->showMessage(tr("Imported %1: %n node(s)", "", result.summary.nodes)
                                 .arg(fileNames(paths).join(QStringLiteral(", "))),
                             importStatusTimeoutMs);
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    // Let the drag end before any dialog opens.
    QTimer::singleShot(0, this, [this, paths] {
        // A Skyline project opens (the first one dropped); anything else is imported.
        for (const QString &path : paths) {
            if (isProjectFile(path)) {
                if (maybeSave())
                    openFile(path);
                return;
            }
        }
        importFiles(paths);
    });
}

// --- Mermaid -----------------------------------------------------------------------------------

bool MainWindow::exportMermaid(const QString &path, QString *error)
{
    CanvasView *canvas = currentCanvas();
    const Candidate *candidate =
        canvas ? m_document->candidate(canvas->currentCandidateId()) : nullptr;
    if (!candidate) {
        *error = tr("There is no candidate to export.");
        return false;
    }
    std::string text = skyline::exportMermaid(m_document->project(), *candidate);
    if (QFileInfo(path).suffix().compare(QLatin1String("md"), Qt::CaseInsensitive) == 0)
        text = "```mermaid\n" + text + "```\n";
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        *error = tr("Could not write “%1”.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void MainWindow::exportMermaidInteractive()
{
    const QString path = askExportPath(tr("Export Mermaid Diagram"), QStringLiteral("mmd"),
                                       tr("Mermaid diagrams (*.mmd);;Markdown (*.md)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportMermaid(path, &error);
    reportExport(ok, path, error);
}

} // namespace skyline
