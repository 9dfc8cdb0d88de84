#include "WarningsPanel.h"

#include "report/DiagnosticText.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace skyline {
namespace {

enum Role { CandidateRole = Qt::UserRole + 1, NodeRole };
/// A tree view measures its rows without their columns' widths (QTreeView::indexRowSizeHint):
/// this delegate gives the measure the column's width, so that a wrapped warning gets the
/// height of all its lines. Other columns keep their one-line measure.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    WrappingDelegate(QTreeView *view, int wrappedColumn)
        : QStyledItemDelegate(view), m_view(view), m_wrappedColumn(wrappedColumn)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != m_wrappedColumn)
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem measured = option;
        measured.rect = QRect(0, 0, m_view->header()->sectionSize(index.column()), 1);
        measured.features |= QStyleOptionViewItem::WrapText;
        return QStyledItemDelegate::sizeHint(measured, index);
    }

private:
    QTreeView *m_view;
    int m_wrappedColumn;
};


} // namespace

WarningsPanel::WarningsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("warningsPanel"));

    m_summary = new QLabel(this);
    m_allCandidates = new QCheckBox(this);
    m_allCandidates->setObjectName(QStringLiteral("allCandidates"));
    connect(m_allCandidates, &QCheckBox::toggled, this, &WarningsPanel::setShowAllCandidates);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("warningsList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    // The warning wraps within the list's width (fitColumns()) instead of running off it.
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel); // a row taller than the list
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_list->setItemDelegate(new WrappingDelegate(m_list, MessageColumn));
    m_list->viewport()->installEventFilter(this);
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { onItemActivated(item); });
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { onItemActivated(item); });

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("noWarnings"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_allCandidates);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    refresh();
}

void WarningsPanel::setEvaluation(std::shared_ptr<const Evaluation> evaluation,
                                  std::shared_ptr<const Project> project)
{
    m_evaluation = std::move(evaluation);
    m_project = std::move(project);
    refresh();
}

void WarningsPanel::setCandidate(const QString &candidateId)
{
    if (candidateId == m_candidateId)
        return;
    m_candidateId = candidateId;
    refresh();
}

void WarningsPanel::setShowAllCandidates(bool all)
{
    const QSignalBlocker blocker(m_allCandidates);
    m_allCandidates->setChecked(all);
    if (all == m_showAll)
        return;
    m_showAll = all;
    refresh();
}

int WarningsPanel::rowCount() const
{
    return m_list->topLevelItemCount();
}

QString WarningsPanel::codeAt(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->text(CodeColumn) : QString();
}

QString WarningsPanel::candidateAt(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->data(CodeColumn, CandidateRole).toString() : QString();
}

QString WarningsPanel::nodeAt(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->data(CodeColumn, NodeRole).toString() : QString();
}

bool WarningsPanel::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

void WarningsPanel::activateRow(int row)
{
    onItemActivated(m_list->topLevelItem(row));
}

void WarningsPanel::onItemActivated(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString nodeId = item->data(CodeColumn, NodeRole).toString();
    if (!nodeId.isEmpty())
        emit nodeActivated(item->data(CodeColumn, CandidateRole).toString(), nodeId);
}

void WarningsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_list)
        refresh();
    QWidget::changeEvent(event);
}

void WarningsPanel::refresh()
{
    m_allCandidates->setText(tr("All candidates"));
    m_allCandidates->setToolTip(tr("List the warnings of every candidate, not only the current"));
    m_list->setHeaderLabels({tr("Code"), tr("Candidate"), tr("Node"), tr("Warning")});
    m_list->clear();
    m_list->setColumnHidden(CandidateColumn, !m_showAll);
    if (m_evaluation) {
        for (const CandidateEvaluation &candidate : m_evaluation->candidates) {
            if (m_showAll || QString::fromStdString(candidate.id) == m_candidateId)
                addRows(candidate);
        }
    }
    const int count = rowCount();
    if (!m_evaluation)
        m_empty->setText(tr("No evaluation yet"));
    else
        m_empty->setText(tr("No warnings"));
    m_stack->setCurrentWidget(count > 0 ? static_cast<QWidget *>(m_list) : m_empty);
    m_summary->setText(m_evaluation ? tr("%n warning(s)", "", count) : QString());
    fitColumns();
}

bool WarningsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

void WarningsPanel::fitColumns()
{
    QHeaderView *header = m_list->header();
    const int available = m_list->viewport()->width();
    QList<int> sideColumns{CodeColumn, NodeColumn};
    if (m_showAll)
        sideColumns.insert(1, CandidateColumn);
    const auto *view = static_cast<const QAbstractItemView *>(m_list);
    QList<int> wanted;
    int wantedTotal = 0;
    for (int column : sideColumns) {
        const int width = std::max(view->sizeHintForColumn(column),
                                   header->sectionSizeHint(column));
        wanted << width;
        wantedTotal += width;
    }
    const double share = wantedTotal > available / 2 && wantedTotal > 0
                             ? (available / 2.0) / wantedTotal
                             : 1.0;
    bool changed = false;
    for (int i = 0; i < sideColumns.size(); ++i) {
        const int width = int(wanted.at(i) * share);
        changed |= header->sectionSize(sideColumns.at(i)) != width;
        header->resizeSection(sideColumns.at(i), width);
    }
    changed |= available != m_fittedWidthPx;
    m_fittedWidthPx = available;
    // The warning stretches over the rest; its rows are measured again at the new width.
    if (changed)
        m_list->doItemsLayout();
}

void WarningsPanel::addRows(const CandidateEvaluation &candidate)
{
    const QString candidateId = QString::fromStdString(candidate.id);
    const QString candidateName = QString::fromStdString(candidate.name);
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Diagnostic &error : candidate.errors) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setIcon(CodeColumn, errorIcon);
        item->setText(CodeColumn, QString::fromStdString(error.code));
        item->setText(CandidateColumn, candidateName);
        if (!error.node.empty())
            item->setText(NodeColumn, nodeName(candidate.id, error.node));
        item->setText(MessageColumn, diagnosticText(error));
        item->setToolTip(MessageColumn, item->text(MessageColumn));
        item->setData(CodeColumn, CandidateRole, candidateId);
    }
    for (const Warning &warning : candidate.warnings) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setIcon(CodeColumn, warningIcon);
        item->setText(CodeColumn, QString::fromStdString(warning.code));
        item->setText(CandidateColumn, candidateName);
        item->setText(NodeColumn, nodeName(candidate.id, warning.node));
        item->setToolTip(NodeColumn, item->text(NodeColumn)); // elided when the dock is narrow
        item->setText(MessageColumn, diagnosticText(warning));
        item->setToolTip(MessageColumn, item->text(MessageColumn));
        item->setToolTip(CodeColumn, tr("Click to select the node on its canvas"));
        item->setData(CodeColumn, CandidateRole, candidateId);
        item->setData(CodeColumn, NodeRole, QString::fromStdString(warning.node));
    }
}

QString WarningsPanel::nodeName(const std::string &candidateId, const std::string &nodeId) const
{
    if (m_project) {
        for (const Candidate &candidate : m_project->candidates) {
            if (candidate.id != candidateId)
                continue;
            for (const Node &node : candidate.nodes)
                if (node.id == nodeId)
                    return QString::fromStdString(node.name);
        }
    }
    return QString::fromStdString(nodeId);
}

} // namespace skyline
