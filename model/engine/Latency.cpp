#include "engine/Latency.h"

#include "engine/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace skyline {
namespace {

constexpr int maxCallsSampledPerEdge = 8; ///< more calls are represented by 8, scaled
constexpr int maxVisitsPerSample = 4000;  ///< beyond it, every edge makes one sampled call

struct Sampler
{
    const SyncCallGraph &graph;
    const std::vector<NodeLatencyModel> &models;
    SeededRandom &random;
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
            double ms = sampleRunTimeMs(m.durationMs, m.durationCv, random);
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

    int callCount(double perRequest)
    {
        const double whole = std::floor(perRequest);
        return int(whole) + (random.uniform() < perRequest - whole ? 1 : 0);
    }

    double sample(int u)
    {
        ++visits;
        double total = nodeOwnMs(u);
        double parallelMax = 0;
        for (const SyncCallGraph::Call &call : graph.calls[std::size_t(u)]) {
            const int n = callCount(call.perRequest);
            if (n == 0)
                continue;
            const int sampled = visits > maxVisitsPerSample ? 1 : std::min(n, maxCallsSampledPerEdge);
            double sum = 0, slowest = 0;
            for (int i = 0; i < sampled; ++i) {
                const double one = call.latencyMs + sample(call.target);
                sum += one;
                slowest = std::max(slowest, one);
            }
            if (call.parallel)
                parallelMax = std::max(parallelMax, slowest);
            else
                total += sum * double(n) / sampled;
        }
        return total + parallelMax;
    }
};

Percentiles percentilesOf(std::vector<double> &values)
{
    Percentiles p;
    if (values.empty())
        return p;
    auto at = [&](double q) {
        const std::size_t k = std::min(values.size() - 1, std::size_t(q * double(values.size())));
        std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
        return values[k];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    return p;
}

/// Picks minutes in proportion to the rate (uniformly when the rate is zero).
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
    }
    int pick(SeededRandom &random) const
    {
        const double total = m_cumulative.back();
        int offset;
        if (total <= 0)
            offset = int(random.below(m_cumulative.size()));
        else
            offset = int(std::upper_bound(m_cumulative.begin(), m_cumulative.end(),
                                          random.uniform() * total) -
                         m_cumulative.begin());
        offset = std::min(offset, int(m_cumulative.size()) - 1);
        return (m_first + offset) % m_size;
    }

private:
    std::vector<double> m_cumulative;
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
        graph.calls[std::size_t(from->second)].push_back(
            {to->second, std::max(0.0, e.perRequest), std::max(0.0, e.latencyMs), e.parallel});
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
