#pragma once
// The comparison table (DESIGN.md §3 "Comparison"): every candidate's headline figures side by
// side, and which candidate is best in each row. No widgets: the HTML report and the GUI's
// comparison view both build on it.

#include "engine/Evaluation.h"
#include "engine/Uncertainty.h"
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
    /// Per candidate: as good as the best within the 95 % intervals of Monte Carlo figures, so
    /// none of them is marked best; the text starts with "≈".
    std::vector<bool> tied;

    bool isBest(int column) const { return column >= 0 && column < int(best.size()) && best[column]; }
    bool isTied(int column) const { return column >= 0 && column < int(tied.size()) && tied[column]; }
};

class ComparisonTable
{
public:
    /// The headline figures of every candidate of `evaluation`, in its order. A candidate
    /// that could not be evaluated (a cycle) shows no figures and is never best.
    static ComparisonTable build(const Evaluation &evaluation);
    /// build() and, when `uncertainty` is given (the project has ranges), the row
    /// "cheapestShare": how often each candidate is the cheapest among the samples drawn from
    /// the ranges ("87 %"), the highest marked best. Without ranges there is no such row: a
    /// "100 %" would claim a certainty nobody stated.
    static ComparisonTable build(const Evaluation &evaluation,
                                 const UncertaintyResult *uncertainty);

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

    /// A row's value with its 95 % interval (low, high); equal bounds for an exact figure.
    struct Estimate
    {
        double value = 0;
        double low = 0;
        double high = 0;
    };
    /// Marks the best of a row of estimates (lower is better), in `best`, only when its
    /// interval does not overlap the runner-up's; otherwise the candidates whose intervals
    /// overlap the best one's are `tied`. Candidates without an estimate or `excluded` (their
    /// requests fail) are never best but count as compared.
    static void markBestBeyondIntervals(const std::vector<std::optional<Estimate>> &estimates,
                                        const std::vector<bool> &excluded,
                                        std::vector<bool> &best, std::vector<bool> &tied);

private:
    void addCheapestShareRow(const UncertaintyResult &uncertainty);

    QStringList m_candidateIds;
    QStringList m_candidateNames;
    std::vector<ComparisonRow> m_rows;
};

/// Figures the table shows, usable on their own (e.g. in the GUI's status texts).
/// Monthly cost per million client requests; nullopt without requests.
std::optional<double> costPerMillionRequestsUsd(const CandidateEvaluation &candidate);
/// The largest p99 of the entry points at the busiest hour (+infinity: it falls among failures).
double peakP99Ms(const CandidateEvaluation &candidate);
/// The largest share of failed requests of the entry points at the busiest hour.
double worstFailedShare(const CandidateEvaluation &candidate);
/// More than this share of failed requests, and a candidate is never best on latency.
inline constexpr double maxFailedShareForBest = 0.01;
/// Share of function invocations that start cold (weighted by each function's rate).
double coldStartShare(const CandidateEvaluation &candidate);
/// The largest blast radius of any node (share of client traffic that fails).
double worstBlastRadius(const CandidateEvaluation &candidate);
/// The lowest availability of the entry points (1 without entries).
double worstAvailability(const CandidateEvaluation &candidate);

} // namespace skyline
