#include "ReviewPanel.h"

#include "Document.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>

namespace skyline {
namespace {

using importing::ReviewKind;

enum Role { NodeRole = Qt::UserRole + 1, EdgeRole, KindRole, RowRole };

/// The order of the groups: what most needs a look first.
constexpr std::array<ReviewKind, 5> groupOrder = {ReviewKind::Unresolved, ReviewKind::InferredEdge,
                                                  ReviewKind::AssumedValue,
                                                  ReviewKind::DefaultWorkload, ReviewKind::Ignored};

QString kindName(ReviewKind kind)
{
    switch (kind) {
    case ReviewKind::InferredEdge:
        return ReviewPanel::tr("Inferred edge");
    case ReviewKind::AssumedValue:
        return ReviewPanel::tr("Assumed value");
    case ReviewKind::DefaultWorkload:
        return ReviewPanel::tr("Default workload");
    case ReviewKind::Unresolved:
        return ReviewPanel::tr("Unresolved");
    case ReviewKind::Ignored:
        return ReviewPanel::tr("Ignored");
    }
    return {};
}

QString groupTitle(ReviewKind kind, int count)
{
    switch (kind) {
    case ReviewKind::InferredEdge:
        return ReviewPanel::tr("Inferred edges: %1").arg(count);
    case ReviewKind::AssumedValue:
        return ReviewPanel::tr("Assumed values: %1").arg(count);
    case ReviewKind::DefaultWorkload:
        return ReviewPanel::tr("Default workloads: %1").arg(count);
    case ReviewKind::Unresolved:
        return ReviewPanel::tr("Unresolved: %1").arg(count);
    case ReviewKind::Ignored:
        return ReviewPanel::tr("Ignored: %1").arg(count);
    }
    return {};
}

/// "compose.yaml:12:3": the file's name (not its folder) and the place.
QString sourcePlace(const importing::SourceLocation &where)
{
    if (where.path.empty())
        return {};
    importing::SourceLocation shortened = where;
    shortened.path = QFileInfo(QString::fromStdString(where.path)).fileName().toStdString();
    return QString::fromStdString(importing::describe(shortened));
}

} // namespace

ReviewPanel::ReviewPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("reviewPanel"));
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("reviewSummary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("reviewList"));
    m_list->setColumnCount(ColumnCount);
    setHeaderTexts();
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ItemColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { onItemActivated(item); });
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { onItemActivated(item); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_list, 1);

    if (m_document) {
        // Undoing an import removes its candidate: the rows stay, greyed, until a redo.
        connect(m_document, &Document::projectChanged, this, &ReviewPanel::updateAvailability);
        // New, Open, Revert: another project, whose ids may look the same; the list empties.
        connect(m_document, &Document::projectReset, this, &ReviewPanel::clear);
    }
    rebuild();
}

void ReviewPanel::setReview(const QString &candidateId,
                            const std::vector<importing::ReviewItem> &items,
                            const importing::ImportSummary &summary, const QStringList &sourceFiles)
{
    m_candidateId = candidateId;
    m_items = items;
    m_summary = summary;
    m_sourceFiles = sourceFiles;
    rebuild();
}

void ReviewPanel::clear()
{
    m_candidateId.clear();
    m_items.clear();
    m_summary = {};
    m_sourceFiles.clear();
    rebuild();
}

QString ReviewPanel::summaryText() const
{
    return m_summaryLabel->text();
}

void ReviewPanel::setHeaderTexts()
{
    m_list->setHeaderLabels({tr("Kind"), tr("Node or edge"), tr("What to check"), tr("Source")});
}

void ReviewPanel::changeEvent(QEvent *event)
{
    // The language changed at run time: headers, summary and every row anew.
    if (event->type() == QEvent::LanguageChange && m_list) {
        setHeaderTexts();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void ReviewPanel::rebuild()
{
    m_list->clear();
    if (m_candidateId.isEmpty()) {
        m_summaryLabel->setText(tr("Nothing imported yet: File ▸ Import… reads Compose, "
                                   "SAM/CloudFormation, Serverless Framework and Kubernetes "
                                   "files."));
        return;
    }
    QStringList names;
    for (const QString &file : m_sourceFiles)
        names << QFileInfo(file).fileName();
    const importing::ImportSummary &s = m_summary;
    // Counts as "label: number" pairs: no plural forms needed in any language.
    m_summaryLabel->setText(
        tr("%1 — nodes: %2, edges: %3 · values carried over: %4, assumed: %5 · inferred edges: "
           "%6 · unresolved: %7")
            .arg(names.join(QStringLiteral(", ")))
            .arg(s.nodes)
            .arg(s.edges)
            .arg(s.carriedValues)
            .arg(s.assumedValues)
            .arg(s.inferredEdges)
            .arg(s.unresolved));

    const QIcon attention = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon information = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    int row = 0;
    for (ReviewKind kind : groupOrder) {
        int count = 0;
        for (const importing::ReviewItem &item : m_items)
            count += item.kind == kind ? 1 : 0;
        if (count == 0)
            continue;
        auto *group = new QTreeWidgetItem(m_list);
        group->setText(KindColumn, groupTitle(kind, count));
        group->setFirstColumnSpanned(true);
        group->setData(KindColumn, KindRole, int(kind));
        group->setIcon(KindColumn, kind == ReviewKind::Unresolved ? attention : information);
        QFont bold = group->font(KindColumn);
        bold.setBold(true);
        group->setFont(KindColumn, bold);
        group->setFlags(Qt::ItemIsEnabled);
        for (const importing::ReviewItem &item : m_items) {
            if (item.kind != kind)
                continue;
            auto *line = new QTreeWidgetItem(group);
            line->setText(KindColumn, kindName(kind));
            line->setText(ItemColumn, itemName(item));
            line->setText(MessageColumn, QString::fromStdString(item.message));
            line->setText(SourceColumn, sourcePlace(item.where));
            line->setToolTip(MessageColumn, line->text(MessageColumn));
            line->setToolTip(SourceColumn, QString::fromStdString(importing::describe(item.where)));
            const bool selectable = !item.nodeId.empty() || !item.edgeId.empty();
            if (selectable)
                line->setToolTip(ItemColumn, tr("Click to select it on the canvas"));
            line->setData(KindColumn, KindRole, int(kind));
            line->setData(KindColumn, NodeRole, QString::fromStdString(item.nodeId));
            line->setData(KindColumn, EdgeRole, QString::fromStdString(item.edgeId));
            line->setData(KindColumn, RowRole, row++);
        }
        group->setExpanded(true);
    }
    updateAvailability();
}

QString ReviewPanel::itemName(const importing::ReviewItem &item) const
{
    const QString candidateId = m_candidateId;
    QString name;
    if (!item.edgeId.empty()) {
        const Edge *edge = m_document
                               ? m_document->edge(candidateId, QString::fromStdString(item.edgeId))
                               : nullptr;
        if (edge) {
            const Node *from = m_document->node(candidateId, QString::fromStdString(edge->from));
            const Node *to = m_document->node(candidateId, QString::fromStdString(edge->to));
            name = tr("%1 → %2").arg(QString::fromStdString(from ? from->name : edge->from),
                                     QString::fromStdString(to ? to->name : edge->to));
        } else {
            name = QString::fromStdString(item.edgeId);
        }
    } else if (!item.nodeId.empty()) {
        const Node *node = m_document
                               ? m_document->node(candidateId, QString::fromStdString(item.nodeId))
                               : nullptr;
        name = QString::fromStdString(node ? node->name : item.nodeId);
    }
    if (!item.key.empty())
        name +=
            (name.isEmpty() ? QString() : QStringLiteral(" · ")) + QString::fromStdString(item.key);
    return name;
}

void ReviewPanel::updateAvailability()
{
    const bool present =
        m_document && !m_candidateId.isEmpty() && m_document->candidate(m_candidateId) != nullptr;
    m_list->setEnabled(present || m_candidateId.isEmpty());
    m_list->setToolTip(present || m_candidateId.isEmpty()
                           ? QString()
                           : tr("The imported candidate is no longer in the project (undone)."));
}

int ReviewPanel::rowCount() const
{
    int count = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        count += m_list->topLevelItem(i)->childCount();
    return count;
}

QTreeWidgetItem *ReviewPanel::rowItem(int row) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_list->topLevelItem(i);
        if (row < group->childCount())
            return group->child(row);
        row -= group->childCount();
    }
    return nullptr;
}

QTreeWidgetItem *ReviewPanel::groupItem(importing::ReviewKind kind) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(KindColumn, KindRole).toInt() == int(kind))
            return m_list->topLevelItem(i);
    return nullptr;
}

importing::ReviewKind ReviewPanel::kindAt(int row) const
{
    const QTreeWidgetItem *item = rowItem(row);
    return item ? ReviewKind(item->data(KindColumn, KindRole).toInt()) : ReviewKind::Ignored;
}

QString ReviewPanel::nodeAt(int row) const
{
    const QTreeWidgetItem *item = rowItem(row);
    return item ? item->data(KindColumn, NodeRole).toString() : QString();
}

QString ReviewPanel::edgeAt(int row) const
{
    const QTreeWidgetItem *item = rowItem(row);
    return item ? item->data(KindColumn, EdgeRole).toString() : QString();
}

QString ReviewPanel::messageAt(int row) const
{
    const QTreeWidgetItem *item = rowItem(row);
    return item ? item->text(MessageColumn) : QString();
}

void ReviewPanel::activateRow(int row)
{
    onItemActivated(rowItem(row));
}

void ReviewPanel::onItemActivated(QTreeWidgetItem *item)
{
    if (!item || !item->parent())
        return; // a group heading
    const QString nodeId = item->data(KindColumn, NodeRole).toString();
    const QString edgeId = item->data(KindColumn, EdgeRole).toString();
    if (nodeId.isEmpty() && edgeId.isEmpty())
        return;
    // An edge row selects the edge; a node row (or an assumed value of a node) the node.
    emit itemActivated(m_candidateId, edgeId.isEmpty() ? nodeId : QString(), edgeId);
}

} // namespace skyline
