#pragma once
// The comparison table (DESIGN.md §3 "Comparison"): every candidate's headline figures side by
// side, and which candidate is best in each row. No widgets: the HTML report and the GUI's
// comparison view both build on it.

#include "engine/Evaluation.h"
#include "report/NumberFormat.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace skyline {

struct ComparisonRow
{
    enum class Better { Lower, Higher };

    QString key;   ///< stable: "monthlyCostUsd", "costPerMillionUsd", "p99PeakMs", ...
    QString label; ///< shown in the first column ("Monthly cost")
    Better better = Better::Lower;
    std::vector<std::optional<double>> values; ///< per candidate; nullopt: not available
    QStringList texts;                         ///< per candidate, formatted with the unit
    std::vector<bool> best;                    ///< per candidate: the best value of the row

    bool isBest(int column) const { return column >= 0 && column < int(best.size()) && best[column]; }
};

class ComparisonTable
{
public:
    /// The headline figures of every candidate of `evaluation`, in its order. A candidate
    /// that could not be evaluated (a cycle) shows no figures and is never best.
    static ComparisonTable build(const Evaluation &evaluation);

    int columnCount() const { return int(m_candidateIds.size()); }
    const QStringList &candidateIds() const { return m_candidateIds; }
    const QStringList &candidateNames() const { return m_candidateNames; }
    const std::vector<ComparisonRow> &rows() const { return m_rows; }
    /// The row with that key, or nullptr.
    const ComparisonRow *row(const QString &key) const;
    /// Columns marked best in that row (empty when the row is unknown or nobody stands out).
    QStringList bestCandidateIds(const QString &key) const;

    /// Marks the best value(s) of a row: the lowest (or highest) within a relative 1e-9; no
    /// mark when fewer than two candidates have a value or all of them are equal.
    static std::vector<bool> bestOf(const std::vector<std::optional<double>> &values,
                                    ComparisonRow::Better better);

private:
    QStringList m_candidateIds;
    QStringList m_candidateNames;
    std::vector<ComparisonRow> m_rows;
};

/// Figures the table shows, usable on their own (e.g. in the GUI's status texts).
/// Monthly cost per million client requests; nullopt without requests.
std::optional<double> costPerMillionRequestsUsd(const CandidateEvaluation &candidate);
/// The largest p99 of the entry points at the busiest hour.
double peakP99Ms(const CandidateEvaluation &candidate);
/// Share of function invocations that start cold (weighted by each function's rate).
double coldStartShare(const CandidateEvaluation &candidate);
/// Sum of the peak instances of functions and replicas of services.
double peakInstances(const CandidateEvaluation &candidate);
/// The largest blast radius of any node (share of client traffic that fails).
double worstBlastRadius(const CandidateEvaluation &candidate);
/// The lowest availability of the entry points (1 without entries).
double worstAvailability(const CandidateEvaluation &candidate);

} // namespace skyline
