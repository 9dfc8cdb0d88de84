#pragma once
// The warnings list: every warning of the latest evaluation with its code,
// node and sentence, for the current candidate or for all of them (then with a candidate
// column). Errors that stop a candidate's evaluation (a cycle) are listed too. Clicking a row
// names its node so that the window can select it on its canvas.

#include "engine/Evaluation.h"

#include <QString>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace skyline {

class WarningsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { CodeColumn, CandidateColumn, NodeColumn, MessageColumn, ColumnCount };

    explicit WarningsPanel(QWidget *parent = nullptr);

    /// Shows the warnings of `evaluation`; `project` gives node names (may be null).
    void setEvaluation(std::shared_ptr<const Evaluation> evaluation,
                       std::shared_ptr<const Project> project = nullptr);
    /// The candidate of the current canvas tab (used unless all candidates are shown).
    void setCandidate(const QString &candidateId);
    QString candidate() const { return m_candidateId; }
    /// Lists every candidate's warnings, with a candidate column.
    void setShowAllCandidates(bool all);
    bool showsAllCandidates() const { return m_showAll; }

    /// Rows listed (warnings and errors).
    int rowCount() const;
    /// Code, candidate id and node id of a row (for tests and the window).
    QString codeAt(int row) const;
    QString candidateAt(int row) const;
    QString nodeAt(int row) const;
    /// True when the "No warnings" state is shown instead of the list.
    bool isEmptyStateShown() const;
    QTreeWidget *list() const { return m_list; }

public slots:
    /// Acts as a click on `row`: emits nodeActivated when the row names a node.
    void activateRow(int row);

signals:
    void nodeActivated(const QString &candidateId, const QString &nodeId);

protected:
    /// A new language (Preferences): headers and every message again.
    void changeEvent(QEvent *event) override;
    /// The list's viewport resized: the columns fit its width again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    /// Code, candidate and node as wide as their texts but together at most half the width
    /// (longer ones elide; their tooltips hold them), the warning the rest, wrapped: the
    /// table never scrolls sideways, even in the narrow dock of a 1024 × 700 window.
    void fitColumns();
    void addRows(const CandidateEvaluation &candidate);
    QString nodeName(const std::string &candidateId, const std::string &nodeId) const;
    void onItemActivated(QTreeWidgetItem *item);

    std::shared_ptr<const Evaluation> m_evaluation;
    std::shared_ptr<const Project> m_project;
    QString m_candidateId;
    bool m_showAll = false;
    QStackedWidget *m_stack = nullptr;
    QTreeWidget *m_list = nullptr;
    int m_fittedWidthPx = -1; ///< the list width fitColumns() last laid the rows out for
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_allCandidates = nullptr;
};

} // namespace skyline
