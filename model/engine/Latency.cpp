#include "engine/Latency.h"

#include "engine/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace skyline {
namespace {

constexpr int tableSize = 256;            ///< quantile table entries over u in [0, tableTopU)
constexpr double tableTopU = 0.99;        ///< above it, quantiles are computed exactly
constexpr int maxCallsSampledPerEdge = 8; ///< more calls are represented by 8, scaled
constexpr int maxVisitsPerSample = 4000;  ///< beyond it, every edge makes one sampled call

double sampleFromTable(const std::vector<double> &table, double meanMs, double cv, double u);

/// Per node: its latency when it is a leaf that always answers in the same time (a gateway or
/// datastore that calls nothing), else NaN. Such calls need no recursion.
std::vector<double> fixedLeafLatencies(const SyncCallGraph &graph,
                                       const std::vector<NodeLatencyModel> &models)
{
    std::vector<double> fixed(models.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t u = 0; u < models.size() && u < graph.calls.size(); ++u) {
        if (!graph.calls[u].empty())
            continue;
        switch (models[u].kind) {
        case NodeKind::Gateway:
        case NodeKind::Datastore: fixed[u] = models[u].fixedMs; break;
        case NodeKind::Client:
        case NodeKind::Queue: fixed[u] = 0.0; break;
        case NodeKind::Function:
        case NodeKind::Service: break;
        }
    }
    return fixed;
}

struct Sampler
{
    const SyncCallGraph &graph;
    const std::vector<NodeLatencyModel> &models;
    SeededRandom &random;
    std::vector<double> fixedLeafMs = fixedLeafLatencies(graph, models);
    int minute = 0;
    int visits = 0;
    bool cold = false;

    double nodeOwnMs(int u)
    {
        const NodeLatencyModel &m = models[std::size_t(u)];
        switch (m.kind) {
        case NodeKind::Gateway:
        case NodeKind::Datastore: return m.fixedMs;
        case NodeKind::Function: {
            double ms = m.runTimeTableMs.empty()
                            ? sampleRunTimeMs(m.durationMs, m.durationCv, random)
                            : sampleFromTable(m.runTimeTableMs, m.durationMs, m.durationCv,
                                              random.uniform());
            const double p = m.coldProbabilityPerMinute.empty()
                                 ? 0.0
                                 : m.coldProbabilityPerMinute[std::size_t(minute)];
            if (p > 0 && random.uniform() < p) {
                ms += m.coldStartMs;
                cold = true;
            }
            return ms;
        }
        case NodeKind::Service:
            if (m.serviceMinutes && !m.serviceMinutes->empty())
                return sampleServiceResponseMs(m.service, (*m.serviceMinutes)[std::size_t(minute)],
                                               random);
            return random.exponential(m.service.serviceTimeMs);
        case NodeKind::Client:
        case NodeKind::Queue: return 0.0;
        }
        return 0.0;
    }

    int callCount(const SyncCallGraph::Call &call)
    {
        return call.wholeCalls
            + (call.extraCallChance > 0 && random.uniform() < call.extraCallChance ? 1 : 0);
    }

    double sample(int u)
    {
        ++visits;
        double total = nodeOwnMs(u);
        double parallelMax = 0;
        for (const SyncCallGraph::Call &call : graph.calls[std::size_t(u)]) {
            const int n = callCount(call);
            if (n == 0)
                continue;
            const int sampled = visits > maxVisitsPerSample ? 1 : std::min(n, maxCallsSampledPerEdge);
            const double fixedMs = fixedLeafMs[std::size_t(call.target)];
            if (!std::isnan(fixedMs)) { // every call takes the same time: no draws, no recursion
                visits += sampled;
                const double one = call.latencyMs + fixedMs;
                if (call.parallel)
                    parallelMax = std::max(parallelMax, one);
                else
                    total += one * double(n);
                continue;
            }
            double sum = 0, slowest = 0;
            for (int i = 0; i < sampled; ++i) {
                const double one = call.latencyMs + sample(call.target);
                sum += one;
                slowest = std::max(slowest, one);
            }
            if (call.parallel)
                parallelMax = std::max(parallelMax, slowest);
            else
                total += n == sampled ? sum : sum * double(n) / sampled;
        }
        return total + parallelMax;
    }
};

/// Inversion through the quantile table, exact beyond its top.
double sampleFromTable(const std::vector<double> &table, double meanMs, double cv, double u)
{
    if (u >= tableTopU)
        return runTimeQuantileMs(meanMs, cv, u);
    const double x = u / tableTopU * (tableSize - 1);
    const int i = std::min(int(x), tableSize - 2);
    const double f = x - i;
    return table[std::size_t(i)] * (1 - f) + table[std::size_t(i + 1)] * f;
}

/// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
double normalQuantile(double p)
{
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                               -2.759285104469687e+02, 1.383577518672690e+02,
                               -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                               -1.556989798598866e+02, 6.680131188771972e+01,
                               -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                               -2.400758277161838e+00, -2.549732539343734e+00,
                               4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                               2.445134137142996e+00, 3.754408661907416e+00};
    p = std::clamp(p, 1e-300, 1.0 - 1e-16);
    const double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

Percentiles percentilesOf(std::vector<double> &values)
{
    Percentiles p;
    if (values.empty())
        return p;
    // Ascending quantiles: after each selection everything from its index on is no smaller,
    // so the next one searches only there.
    std::size_t from = 0;
    auto at = [&](double q) {
        const std::size_t k = std::min(values.size() - 1, std::size_t(q * double(values.size())));
        std::nth_element(values.begin() + std::ptrdiff_t(from),
                         values.begin() + std::ptrdiff_t(k), values.end());
        from = k;
        return values[k];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    return p;
}

/// Picks minutes in proportion to the rate (uniformly when the rate is zero). A guide table
/// (Chen's method) starts the search for u x total in the right bucket, so a pick costs a step
/// or two instead of a binary search over the day; it picks exactly what upper_bound would.
class MinutePicker
{
public:
    MinutePicker(const std::vector<double> &rps, int first, int count) : m_first(first)
    {
        double sum = 0;
        for (int i = 0; i < count; ++i) {
            sum += rps[std::size_t((first + i) % int(rps.size()))];
            m_cumulative.push_back(sum);
        }
        m_size = int(rps.size());
        const double total = m_cumulative.back();
        m_guide.resize(m_cumulative.size());
        std::size_t i = 0;
        for (std::size_t g = 0; g < m_guide.size(); ++g) {
            const double threshold = total * double(g) / double(m_guide.size());
            while (i + 1 < m_cumulative.size() && m_cumulative[i] <= threshold)
                ++i;
            m_guide[g] = i;
        }
    }
    int pick(SeededRandom &random) const
    {
        const double total = m_cumulative.back();
        std::size_t offset;
        if (total <= 0) {
            offset = std::size_t(random.below(m_cumulative.size()));
        } else {
            const double u = random.uniform();
            const double target = u * total;
            // The bucket of u starts at or before the answer: its threshold is <= target.
            offset = m_guide[std::min(m_guide.size() - 1, std::size_t(u * double(m_guide.size())))];
            while (offset > 0 && m_cumulative[offset - 1] > target) // rounding at the edge
                --offset;
            while (offset < m_cumulative.size() && m_cumulative[offset] <= target)
                ++offset;
        }
        offset = std::min(offset, m_cumulative.size() - 1);
        return (m_first + int(offset)) % m_size;
    }

private:
    std::vector<double> m_cumulative;
    std::vector<std::size_t> m_guide; ///< per bucket of u: first index whose sum exceeds its start
    int m_first = 0;
    int m_size = 1;
};

} // namespace

SyncCallGraph SyncCallGraph::build(const Candidate &candidate)
{
    SyncCallGraph graph;
    graph.calls.resize(candidate.nodes.size());
    std::map<std::string, int> indexOf;
    for (std::size_t i = 0; i < candidate.nodes.size(); ++i)
        indexOf.emplace(candidate.nodes[i].id, int(i));
    for (const Edge &e : candidate.edges) {
        if (e.kind != EdgeKind::Api)
            continue;
        auto from = indexOf.find(e.from);
        auto to = indexOf.find(e.to);
        if (from == indexOf.end() || to == indexOf.end())
            continue;
        SyncCallGraph::Call call;
        call.target = to->second;
        call.perRequest = std::max(0.0, e.perRequest);
        call.latencyMs = std::max(0.0, e.latencyMs);
        call.parallel = e.parallel;
        const double whole = std::floor(call.perRequest);
        call.wholeCalls = int(std::min(whole, 1e9));
        call.extraCallChance = call.perRequest - whole;
        graph.calls[std::size_t(from->second)].push_back(call);
    }
    return graph;
}

double sampleRunTimeMs(double meanMs, double cv, SeededRandom &random)
{
    if (meanMs <= 0 || cv <= 1e-9)
        return std::max(0.0, meanMs);
    if (std::fabs(cv - 1.0) < 1e-9)
        return random.exponential(meanMs);
    const double sigma2 = std::log(1.0 + cv * cv);
    const double mu = std::log(meanMs) - 0.5 * sigma2;
    return std::exp(mu + std::sqrt(sigma2) * random.normal());
}

double runTimeQuantileMs(double meanMs, double cv, double u)
{
    if (meanMs <= 0 || cv <= 1e-9)
        return std::max(0.0, meanMs);
    u = std::clamp(u, 0.0, 1.0 - 1e-16);
    if (std::fabs(cv - 1.0) < 1e-9)
        return -meanMs * std::log1p(-u);
    const double sigma2 = std::log(1.0 + cv * cv);
    const double mu = std::log(meanMs) - 0.5 * sigma2;
    return std::exp(mu + std::sqrt(sigma2) * normalQuantile(u));
}

std::vector<double> prepareRunTimeTable(double meanMs, double cv)
{
    // Every distribution here scales with its mean: keep the tables of mean 1 for the few
    // variabilities a model uses, and scale them (256 multiplications instead of 256 logs).
    struct UnitTable { double cv; std::vector<double> quantiles; };
    thread_local std::vector<UnitTable> unitTables;
    auto unit = std::find_if(unitTables.begin(), unitTables.end(),
                             [cv](const UnitTable &t) { return t.cv == cv; });
    if (unit == unitTables.end()) {
        if (unitTables.size() >= 16)
            unitTables.erase(unitTables.begin());
        UnitTable made{cv, std::vector<double>(tableSize)};
        for (int i = 0; i < tableSize; ++i)
            made.quantiles[std::size_t(i)] =
                runTimeQuantileMs(1.0, cv, tableTopU * i / (tableSize - 1));
        unitTables.push_back(std::move(made));
        unit = unitTables.end() - 1;
    }
    std::vector<double> table(tableSize);
    const double mean = std::max(0.0, meanMs);
    for (int i = 0; i < tableSize; ++i)
        table[std::size_t(i)] = mean * unit->quantiles[std::size_t(i)];
    return table;
}

int busiestHourStart(const std::vector<double> &rps)
{
    const int n = int(rps.size());
    if (n == 0)
        return 0;
    const int w = std::min(60, n);
    double window = 0;
    for (int i = 0; i < w; ++i)
        window += rps[std::size_t(i)];
    double best = window;
    int bestStart = 0;
    for (int start = 1; start < n; ++start) {
        window += rps[std::size_t((start + w - 1) % n)] - rps[std::size_t(start - 1)];
        if (window > best + 1e-9 * std::fabs(best)) {
            best = window;
            bestStart = start;
        }
    }
    return bestStart;
}

EntryLatency entryLatency(const SyncCallGraph &graph, const std::vector<NodeLatencyModel> &models,
                          int clientIndex, const std::vector<double> &clientRps,
                          std::uint64_t seed, int samples)
{
    EntryLatency result;
    if (clientRps.empty() || samples <= 0)
        return result;
    result.busiestHourStartMinute = busiestHourStart(clientRps);
    SeededRandom random(seed ^ (0xC0FFEEull + std::uint64_t(clientIndex) * 0x9E3779B9ull));
    Sampler sampler{graph, models, random};

    auto run = [&](const MinutePicker &picker, std::vector<char> *coldFlags) {
        std::vector<double> values(static_cast<std::size_t>(samples), 0.0);
        for (int i = 0; i < samples; ++i) {
            sampler.minute = picker.pick(random);
            sampler.visits = 0;
            sampler.cold = false;
            values[std::size_t(i)] = sampler.sample(clientIndex);
            if (coldFlags)
                (*coldFlags)[std::size_t(i)] = sampler.cold;
        }
        return values;
    };

    std::vector<char> coldFlags(std::size_t(samples), 0);
    std::vector<double> hour =
        run(MinutePicker(clientRps, result.busiestHourStartMinute, 60), &coldFlags);
    // Share of the slowest 1% of the busiest hour that hit a cold start.
    std::vector<std::size_t> order(hour.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const std::size_t tail = std::max<std::size_t>(1, hour.size() / 100);
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(tail), order.end(),
                      [&](std::size_t a, std::size_t b) { return hour[a] > hour[b]; });
    std::size_t coldInTail = 0;
    for (std::size_t i = 0; i < tail; ++i)
        coldInTail += coldFlags[order[i]] ? 1 : 0;
    result.coldShareOfSlowest = double(coldInTail) / double(tail);
    result.busiestHourMs = percentilesOf(hour);

    std::vector<double> day = run(MinutePicker(clientRps, 0, int(clientRps.size())), nullptr);
    result.dayMs = percentilesOf(day);
    return result;
}

QueueBacklog queueBacklog(const std::vector<double> &inflowRps, double capacityRps)
{
    QueueBacklog result;
    const std::size_t n = inflowRps.size();
    result.messagesPerMinute.assign(n, 0.0);
    if (n == 0)
        return result;
    const double capacity = std::max(0.0, capacityRps);
    auto runDay = [&](double start) {
        double backlog = start;
        for (std::size_t m = 0; m < n; ++m) {
            backlog = std::max(0.0, backlog + (inflowRps[m] - capacity) * 60.0);
            result.messagesPerMinute[m] = backlog;
        }
        return backlog;
    };
    const double firstMidnight = runDay(0.0);
    const double secondMidnight = runDay(firstMidnight);
    double inflowPerDay = 0;
    for (double r : inflowRps)
        inflowPerDay += r * 60.0;
    result.neverDrains = secondMidnight > firstMidnight + 1e-9 * std::max(1.0, inflowPerDay);
    for (double b : result.messagesPerMinute)
        result.maxMessages = std::max(result.maxMessages, b);
    if (result.maxMessages > 0)
        result.maxAgeS = capacity > 0 ? std::min(result.maxMessages / capacity, 86400.0)
                                      : 86400.0; // nothing drains it: a day old at least
    return result;
}

} // namespace skyline
