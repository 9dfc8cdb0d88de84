#pragma once
// The review list after an import (issue 13): one row per thing the importer did not read
// from the source — inferred edges, assumed values, default workloads, unresolved references,
// ignored parts — grouped by kind, with the node or edge it concerns and its place in the
// input. A summary line on top counts what was imported. Clicking a row names its node or
// edge so that the window can select it on its canvas (as the warnings list does).

#include "import/Import.h"

#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace skyline {

class Document;

class ReviewPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { KindColumn, ItemColumn, MessageColumn, SourceColumn, ColumnCount };

    /// `document` gives the current names of nodes and edges (read only).
    explicit ReviewPanel(Document *document, QWidget *parent = nullptr);

    /// Shows the review of an import whose candidate is `candidateId` in the document. Ids
    /// in `items` are the document's (renamed ones already mapped).
    void setReview(const QString &candidateId, const std::vector<importing::ReviewItem> &items,
                   const importing::ImportSummary &summary, const QStringList &sourceFiles);
    /// Empties the list (also when the document is reset: New, Open, Revert).
    void clear();
    QString candidate() const { return m_candidateId; }

    /// Review rows (groups not counted), in the order shown.
    int rowCount() const;
    importing::ReviewKind kindAt(int row) const;
    QString nodeAt(int row) const;
    QString edgeAt(int row) const;
    QString messageAt(int row) const;
    QString summaryText() const;
    QTreeWidget *list() const { return m_list; }
    /// The group heading of a kind ("Inferred edges (3)"), or null when the kind has no rows.
    QTreeWidgetItem *groupItem(importing::ReviewKind kind) const;

public slots:
    /// Acts as a click on `row`: emits itemActivated when the row names a node or an edge.
    void activateRow(int row);

signals:
    /// A row was clicked: select `nodeId` or `edgeId` (one of them is empty) of the candidate.
    void itemActivated(const QString &candidateId, const QString &nodeId, const QString &edgeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setHeaderTexts();
    void rebuild();
    QTreeWidgetItem *rowItem(int row) const;
    QString itemName(const importing::ReviewItem &item) const;
    void onItemActivated(QTreeWidgetItem *item);
    void updateAvailability();

    Document *m_document = nullptr;
    QString m_candidateId;
    std::vector<importing::ReviewItem> m_items;
    importing::ImportSummary m_summary;
    QStringList m_sourceFiles;
    QLabel *m_summaryLabel = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace skyline
