#include "Comparison.h"


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
};

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
         msText},
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
        for (const CandidateEvaluation &candidate : evaluation.candidates) {
            std::optional<double> value;
            if (evaluated(candidate))
                value = spec.value(candidate);
            if (value && !std::isfinite(*value))
                value.reset();
            row.values.push_back(value);
            row.texts << (value ? spec.format(*value) : notAvailable());
        }
        row.best = bestOf(row.values, row.better);
        table.m_rows.push_back(std::move(row));
    }
    return table;
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

double peakInstances(const CandidateEvaluation &candidate)
{
    double total = 0;
    for (const NodeResult &node : candidate.nodes)
        if (node.kind == NodeKind::Function || node.kind == NodeKind::Service)
            total += node.instances.peak;
    return total;
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
