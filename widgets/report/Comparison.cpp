#include "Comparison.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace skyline {

namespace {

bool evaluated(const CandidateEvaluation &candidate)
{
    return candidate.errors.empty();
}

QString notAvailable()
{
    return QStringLiteral("—");
}

struct RowSpec
{
    const char *key;
    const char *label; ///< English (the report); ComparisonView shows its own translation
    ComparisonRow::Better better;
    std::optional<double> (*value)(const CandidateEvaluation &);
    QString (*format)(double);
    /// Latency rows: the value with its 95 % interval; such rows mark a best value only beyond
    /// the intervals, and never for a candidate whose requests fail.
    std::optional<ComparisonTable::Estimate> (*estimate)(const CandidateEvaluation &) = nullptr;
};

/// The worst entry's p99 at the busiest hour with its interval.
std::optional<ComparisonTable::Estimate> peakP99Estimate(const CandidateEvaluation &c)
{
    const EntryResult *worst = nullptr;
    for (const EntryResult &entry : c.entries)
        if (!worst || entry.latencyMs.p99 > worst->latencyMs.p99)
            worst = &entry;
    if (!worst)
        return std::nullopt;
    return ComparisonTable::Estimate{worst->latencyMs.p99, worst->latencyCi95Ms.low.p99,
                                     worst->latencyCi95Ms.high.p99};
}

/// A percentile among failed requests.
QString failsText()
{
    return QCoreApplication::translate("skyline::ComparisonView", "fails");
}

QString failedShareText(double value)
{
    return formatShare(value, 2);
}

QString usdText(double value)
{
    return formatUsd(value);
}

QString msText(double value)
{
    return formatMs(value);
}

QString countText(double value)
{
    return formatCount(value);
}

QString scoreText(double value)
{
    return formatNumber(value, 1);
}

QString shareText(double value)
{
    return formatShare(value, 1);
}

/// Cold starts are usually a fraction of a percent: two decimals keep them apart from zero.
QString coldStartShareText(double value)
{
    return formatShare(value, 2);
}

QString availabilityText(double value)
{
    return formatShare(value, 3);
}

const std::vector<RowSpec> &rowSpecs()
{
    using B = ComparisonRow::Better;
    static const std::vector<RowSpec> specs = {
        {"monthlyCostUsd", "Monthly cost", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> { return c.monthlyCostUsd; },
         usdText},
        {"costPerMillionUsd", "Cost per million requests", B::Lower,
         costPerMillionRequestsUsd, usdText},
        {"p99PeakMs", "p99 at peak (worst entry)", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> {
             if (c.entries.empty())
                 return std::nullopt;
             return peakP99Ms(c);
         },
         msText, peakP99Estimate},
        {"failedShare", "Failed requests", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> {
             if (c.entries.empty())
                 return std::nullopt;
             return worstFailedShare(c);
         },
         failedShareText},
        {"coldStartShare", "Cold-start share", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> { return coldStartShare(c); },
         coldStartShareText},
        {"peakInstances", "Peak instances", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> { return peakInstances(c); },
         countText},
        {"complexityScore", "Operational complexity", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> {
             return c.complexity.score;
         },
         scoreText},
        {"worstBlastRadius", "Worst blast radius", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> {
             return worstBlastRadius(c);
         },
         shareText},
        {"availability", "Availability (worst entry)", B::Higher,
         [](const CandidateEvaluation &c) -> std::optional<double> {
             if (c.entries.empty())
                 return std::nullopt;
             return worstAvailability(c);
         },
         availabilityText},
        {"warningCount", "Warnings", B::Lower,
         [](const CandidateEvaluation &c) -> std::optional<double> {
             return double(c.warnings.size());
         },
         countText},
    };
    return specs;
}

/// The 95% ± of a row's value from the simulation's intervals, for the rows made of function
/// figures; nodes are simulated independently, so their half-widths add in quadrature.
std::optional<double> simulationHalfWidth(const CandidateEvaluation &candidate,
                                          const std::string &key)
{
    double invocations = 0;
    double sumSquares = 0;
    bool known = false;
    for (const NodeResult &node : candidate.nodes) {
        if (node.kind != NodeKind::Function || !node.simulation.hasIntervals)
            continue;
        const Interval &interval = key == "coldStartShare" ? node.simulation.coldStartProbability
                                                           : node.simulation.peak;
        const double weight = key == "coldStartShare" ? node.avgRps : 1.0;
        sumSquares += std::pow(0.5 * (interval.hi - interval.lo) * weight, 2);
        invocations += node.avgRps;
        known = true;
    }
    if (!known || (key == "coldStartShare" && invocations <= 0))
        return std::nullopt;
    return std::sqrt(sumSquares) / (key == "coldStartShare" ? invocations : 1.0);
}

/// Cells that read alike are marked alike: a candidate whose figure is written like the best
/// one's ("0.00 %" beside "★ 0.00 %", values apart by less than the rounding) is best too, and
/// when every figure reads alike nobody stands out.
void markAlikeTextsAlike(ComparisonRow &row)
{
    QString bestText;
    for (std::size_t i = 0; i < row.best.size(); ++i)
        if (row.best[i])
            bestText = row.texts[int(i)];
    if (bestText.isEmpty())
        return;
    bool allAlike = true;
    for (std::size_t i = 0; i < row.values.size(); ++i) {
        if (!row.values[i])
            continue;
        if (row.texts[int(i)] == bestText)
            row.best[i] = true;
        else
            allAlike = false;
    }
    if (allAlike)
        row.best.assign(row.best.size(), false);
}

} // namespace

ComparisonTable ComparisonTable::build(const Evaluation &evaluation)
{
    ComparisonTable table;
    for (const CandidateEvaluation &candidate : evaluation.candidates) {
        table.m_candidateIds << QString::fromStdString(candidate.id);
        table.m_candidateNames << QString::fromStdString(candidate.name);
    }
    for (const RowSpec &spec : rowSpecs()) {
        ComparisonRow row;
        row.key = QString::fromLatin1(spec.key);
        row.label = QString::fromLatin1(spec.label); // English: the report's; the view translates
        row.better = spec.better;
        std::vector<std::optional<Estimate>> estimates;
        std::vector<bool> excluded;
        for (const CandidateEvaluation &candidate : evaluation.candidates) {
            std::optional<double> value;
            if (evaluated(candidate))
                value = spec.value(candidate);
            const bool failing = value && std::isinf(*value) && *value > 0;
            if (value && !std::isfinite(*value))
                value.reset();
            row.values.push_back(value);
            row.texts << (failing ? failsText() : value ? spec.format(*value) : notAvailable());
            const bool simulated = (row.key == "coldStartShare" || row.key == "peakInstances")
                && evaluation.method == EvalMethod::Simulation;
            if (const auto halfWidth = value && !failing && simulated
                    ? simulationHalfWidth(candidate, spec.key) : std::nullopt)
                row.texts.back() += QStringLiteral(" ± ") + spec.format(*halfWidth);
            if (spec.estimate) {
                std::optional<Estimate> estimate;
                if (value)
                    estimate = spec.estimate(candidate);
                estimates.push_back(estimate);
                excluded.push_back(failing || (evaluated(candidate)
                                               && worstFailedShare(candidate)
                                                   > maxFailedShareForBest));
            }
        }
        if (spec.estimate) {
            markBestBeyondIntervals(estimates, excluded, row.best, row.tied);
            for (int i = 0; i < int(row.tied.size()); ++i)
                if (row.tied[std::size_t(i)])
                    row.texts[i] = QStringLiteral("≈ ") + row.texts[i];
        } else {
            row.best = bestOf(row.values, row.better);
            row.tied.assign(row.values.size(), false);
            markAlikeTextsAlike(row);
        }
        table.m_rows.push_back(std::move(row));
    }
    return table;
}

ComparisonTable ComparisonTable::build(const Evaluation &evaluation,
                                       const UncertaintyResult *uncertainty)
{
    ComparisonTable table = build(evaluation);
    // Sampled at another traffic (the slider moved and the ranges are catching up): no row.
    if (uncertainty && uncertainty->samples > 0 && !uncertainty->cancelled
        && uncertainty->trafficMultiplier == evaluation.trafficMultiplier)
        table.addCheapestShareRow(*uncertainty);
    return table;
}

void ComparisonTable::addCheapestShareRow(const UncertaintyResult &uncertainty)
{
    ComparisonRow row;
    row.key = QStringLiteral("cheapestShare");
    row.label = QStringLiteral("Cheapest in % of samples"); // English: the report's
    row.better = ComparisonRow::Better::Higher;
    for (const QString &id : std::as_const(m_candidateIds)) {
        std::optional<double> value;
        for (const CandidateUncertainty &candidate : uncertainty.candidates)
            if (QString::fromStdString(candidate.id) == id && candidate.error.empty())
                value = candidate.probabilityCheapest;
        row.values.push_back(value);
        row.texts << (value ? formatShare(*value, 0) : notAvailable());
    }
    row.best = bestOf(row.values, row.better);
    row.tied.assign(row.values.size(), false);
    markAlikeTextsAlike(row);
    // After the cost rows: it answers "how sure is the cheapest".
    auto at = m_rows.begin();
    while (at != m_rows.end() && (at->key == "monthlyCostUsd" || at->key == "costPerMillionUsd"))
        ++at;
    m_rows.insert(at, std::move(row));
}

const ComparisonRow *ComparisonTable::row(const QString &key) const
{
    for (const ComparisonRow &r : m_rows)
        if (r.key == key)
            return &r;
    return nullptr;
}

QStringList ComparisonTable::bestCandidateIds(const QString &key) const
{
    QStringList ids;
    if (const ComparisonRow *r = row(key))
        for (int i = 0; i < columnCount(); ++i)
            if (r->isBest(i))
                ids << m_candidateIds.at(i);
    return ids;
}

std::vector<bool> ComparisonTable::bestOf(const std::vector<std::optional<double>> &values,
                                          ComparisonRow::Better better)
{
    std::vector<bool> best(values.size(), false);
    std::vector<double> present;
    for (const auto &v : values)
        if (v)
            present.push_back(*v);
    if (present.size() < 2)
        return best;
    const auto [lowest, highest] = std::minmax_element(present.begin(), present.end());
    const double tolerance = 1e-9 * std::max({1.0, std::abs(*lowest), std::abs(*highest)});
    if (*highest - *lowest <= tolerance)
        return best; // all equal: nobody stands out
    const double target = better == ComparisonRow::Better::Lower ? *lowest : *highest;
    for (std::size_t i = 0; i < values.size(); ++i)
        best[i] = values[i] && std::abs(*values[i] - target) <= tolerance;
    return best;
}

void ComparisonTable::markBestBeyondIntervals(const std::vector<std::optional<Estimate>> &estimates,
                                              const std::vector<bool> &excluded,
                                              std::vector<bool> &best, std::vector<bool> &tied)
{
    const std::size_t n = estimates.size();
    best.assign(n, false);
    tied.assign(n, false);
    std::vector<std::size_t> eligible;
    std::size_t compared = 0; // candidates with a figure, failing ones included
    for (std::size_t i = 0; i < n; ++i) {
        const bool failing = i < excluded.size() && excluded[i];
        compared += estimates[i] || failing ? 1 : 0;
        if (estimates[i] && !failing && std::isfinite(estimates[i]->value))
            eligible.push_back(i);
    }
    if (compared < 2 || eligible.empty())
        return;
    std::size_t leader = eligible.front();
    for (std::size_t i : eligible)
        if (estimates[i]->value < estimates[leader]->value)
            leader = i;
    // Others whose interval reaches the leader's: no one can be called faster.
    const Estimate &lead = *estimates[leader];
    const double leadHigh = std::max(lead.high, lead.value);
    bool anyTie = false;
    for (std::size_t i : eligible) {
        if (i == leader)
            continue;
        const double low = std::min(estimates[i]->low, estimates[i]->value);
        if (low <= leadHigh) {
            tied[i] = true;
            anyTie = true;
        }
    }
    if (anyTie)
        tied[leader] = true;
    else
        best[leader] = true;
}

std::optional<double> costPerMillionRequestsUsd(const CandidateEvaluation &candidate)
{
    if (!(candidate.monthlyRequests > 0))
        return std::nullopt;
    return candidate.monthlyCostUsd / (candidate.monthlyRequests / 1e6);
}

double peakP99Ms(const CandidateEvaluation &candidate)
{
    double worst = 0;
    for (const EntryResult &entry : candidate.entries)
        worst = std::max(worst, entry.latencyMs.p99);
    return worst;
}

double worstFailedShare(const CandidateEvaluation &candidate)
{
    double worst = 0;
    for (const EntryResult &entry : candidate.entries)
        worst = std::max(worst, entry.failedShare.total);
    return worst;
}

double coldStartShare(const CandidateEvaluation &candidate)
{
    double invocations = 0;
    double cold = 0;
    for (const NodeResult &node : candidate.nodes) {
        if (node.kind != NodeKind::Function)
            continue;
        invocations += node.avgRps;
        cold += node.avgRps * node.coldStartProbability;
    }
    return invocations > 0 ? cold / invocations : 0.0;
}

double worstBlastRadius(const CandidateEvaluation &candidate)
{
    std::map<std::string, NodeKind> kinds;
    for (const NodeResult &node : candidate.nodes)
        kinds[node.id] = node.kind;
    double worst = 0;
    for (const FaultResult &fault : candidate.faultIsolation) {
        // A client going down is its own traffic vanishing, not a failure of the architecture.
        const auto kind = kinds.find(fault.node);
        if (kind != kinds.end() && kind->second == NodeKind::Client)
            continue;
        worst = std::max(worst, fault.blastRadius);
    }
    return worst;
}

double worstAvailability(const CandidateEvaluation &candidate)
{
    double worst = 1.0;
    for (const EntryResult &entry : candidate.entries)
        worst = std::min(worst, entry.availability);
    return worst;
}

} // namespace skyline
