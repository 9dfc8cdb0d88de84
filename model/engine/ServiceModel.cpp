#include "engine/ServiceModel.h"

#include "engine/Queueing.h"
#include "engine/Failures.h"
#include "engine/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace skyline {
namespace {

constexpr double saturationLoad = 0.99; ///< overloaded minutes are timed at this utilisation

int windowMinutes(double delayS) { return 1 + int(std::lround(std::max(0.0, delayS) / 60.0)); }

/// Replicas per request per second the autoscaler wants: busy seconds per request over the
/// workers a replica keeps busy at the target utilisation.
double replicasPerRps(const ServiceConfig &c)
{
    const double workers = double(c.concurrencyPerReplica) * std::max(0.05, c.targetUtilization);
    return c.serviceTimeMs / 1000.0 / workers;
}

int desiredReplicas(const ServiceConfig &c, double replicasPerRps, double rps)
{
    // A rate without a figure (NaN) wants the most: clamp would pass NaN to the conversion.
    const double want = std::isnan(rps) ? double(c.maxReplicas)
                                        : std::ceil(rps * replicasPerRps - 1e-9);
    const double clamped = std::clamp(want, double(c.minReplicas), double(c.maxReplicas));
    return int(clamped);
}

double standardNormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double standardNormalPdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * 3.14159265358979); }

/// Over the repeating day: the minimum (or maximum) of the `w` minutes ending at each minute
/// (the window reaches back into the day before). A monotonic queue of indices, kept in one
/// vector (indices enter in order, so the front only moves forward).
template <bool minimum>
std::vector<int> slidingExtremeAroundTheClock(const std::vector<int> &values, int w)
{
    const int n = int(values.size());
    w = std::clamp(w, 1, n);
    std::vector<int> out(values.size());
    std::vector<int> window(std::size_t(n + w)); // times t in [-(w - 1), n), value at t mod n
    auto valueAt = [&](int t) { return values[std::size_t(t < 0 ? t + n : t)]; };
    std::size_t front = 0, back = 0; // the queue is window[front, back)
    for (int t = -(w - 1); t < n; ++t) {
        const int value = valueAt(t);
        while (back > front
               && (minimum ? valueAt(window[back - 1]) >= value : valueAt(window[back - 1]) <= value))
            --back;
        window[back++] = t;
        while (window[front] + w <= t)
            ++front;
        if (t >= 0)
            out[std::size_t(t)] = valueAt(window[front]);
    }
    return out;
}

/// The day's response-time distribution: a share `noWait` of requests is served at once
/// (S ~ Exp(mu)); the others wait W ~ Exp(r_g) first, per group of similar minutes.
struct ResponseMixture
{
    double mu = 1;
    double noWait = 0;
    std::vector<std::pair<double, double>> waiting; ///< (weight, r)
    double total = 0;

    double survival(double t) const
    {
        const double serviceOnly = std::exp(-mu * t);
        double s = noWait * serviceOnly;
        for (const auto &[weight, r] : waiting) {
            const double gap = r - mu;
            if (std::fabs(gap) > 1e-3 * mu) // P(S + W > t) = (r e^-mu t - mu e^-r t) / (r - mu)
                s += weight * (r * serviceOnly - mu * std::exp(-r * t)) / gap;
            else
                s += weight * serviceOnly * (1.0 + mu * t);
        }
        return std::clamp(s / total, 0.0, 1.0);
    }

    double quantileS(double q) const
    {
        if (total <= 0)
            return 0;
        const double target = 1.0 - q;
        double lo = 0, hi = 1.0 / mu;
        for (int i = 0; i < 200 && survival(hi) > target; ++i) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 60 && hi - lo > 1e-4 * hi; ++i) {
            const double mid = 0.5 * (lo + hi);
            (survival(mid) > target ? lo : hi) = mid;
        }
        return 0.5 * (lo + hi);
    }
};

} // namespace

ServiceConfig ServiceConfig::fromNode(const Node &node)
{
    ServiceConfig c;
    c.serviceTimeMs = std::max(1e-6, node.number("serviceTimeMs"));
    c.serviceTimeCv = std::max(0.0, node.number("serviceTimeCv"));
    c.concurrencyPerReplica = int(std::clamp(node.number("concurrencyPerReplica"), 1.0, 1e5));
    c.minReplicas = int(std::clamp(node.number("minReplicas"), 0.0, 1e5));
    c.maxReplicas = int(std::clamp(node.number("maxReplicas"), 1.0, 1e5));
    c.maxReplicas = std::max(c.maxReplicas, c.minReplicas);
    c.targetUtilization = std::clamp(node.number("targetUtilization"), 0.05, 1.0);
    c.scaleUpDelayS = std::max(0.0, node.number("scaleUpDelayS"));
    c.scaleDownDelayS = std::max(0.0, node.number("scaleDownDelayS"));
    return c;
}

double waitProbabilityFast(double load, double servers)
{
    if (load <= 0)
        return 0.0;
    if (servers <= 0 || load >= servers)
        return 1.0;
    // Far below capacity the probability of waiting is negligible (Poisson tail < 1e-14).
    if (servers - load > 8.0 * std::sqrt(load) + 12.0)
        return 0.0;
    if (servers <= 20000)
        return erlangC(load, int(servers));
    const double beta = (servers - load) / std::sqrt(load); // Halfin-Whitt regime
    return 1.0 / (1.0 + beta * standardNormalCdf(beta) / standardNormalPdf(beta));
}

std::vector<int> autoscaleReplicas(const ServiceConfig &config, const std::vector<double> &rps)
{
    const int n = int(rps.size());
    if (n == 0)
        return {};
    std::vector<int> desired(std::size_t(n), 0);
    const double perRps = replicasPerRps(config);
    for (int i = 0; i < n; ++i)
        desired[std::size_t(i)] = desiredReplicas(config, perRps, rps[std::size_t(i)]);
    // Scaling up waits until the desired count has held for the up delay (the minimum over that
    // window), scaling down until it has held for the down delay (the maximum).
    const std::vector<int> upFloor =
        slidingExtremeAroundTheClock<true>(desired, windowMinutes(config.scaleUpDelayS));
    const std::vector<int> downCeil =
        slidingExtremeAroundTheClock<false>(desired, windowMinutes(config.scaleDownDelayS));
    // Three rounds of the day: the first two warm the autoscaler up, the third is reported.
    // A round is decided by the replicas it starts with: when the second round ends where the
    // first did, the third repeats the second.
    std::vector<int> replicas(static_cast<std::size_t>(n));
    auto round = [&](int current) {
        for (std::size_t i = 0; i < std::size_t(n); ++i) {
            if (upFloor[i] > current)
                current = upFloor[i];
            else if (downCeil[i] < current)
                current = downCeil[i];
            replicas[i] = current;
        }
        return current;
    };
    const int afterFirst = round(desired[0]);
    if (round(afterFirst) != afterFirst)
        round(replicas.back());
    return replicas;
}

double serviceResponseSurvival(const ServiceConfig &config, const ServiceMinute &minute,
                               double t)
{
    if (t <= 0)
        return 1.0;
    const double mu = 1000.0 / config.serviceTimeMs;
    const double noWait = std::exp(-mu * t);
    const double c = minute.waitProbability;
    if (c <= 0)
        return noWait;
    const double r = minute.waitRatePerS;
    // P(S + W > t), S ~ Exp(mu), W ~ Exp(r), stable when r is close to mu.
    const double lo = std::min(mu, r), hi = std::max(mu, r);
    const double gap = hi - lo;
    const double ratio = gap > 0 ? -std::expm1(-gap * t) / gap : t;
    const double withWait = std::exp(-lo * t) * (1.0 + lo * ratio);
    return (1.0 - c) * noWait + c * withWait;
}

ServiceDayResult analyzeServiceDay(const ServiceConfig &config, const std::vector<double> &rps,
                                   double timeoutMs)
{
    ServiceDayResult result;
    const int n = int(rps.size());
    const std::vector<int> replicas = autoscaleReplicas(config, rps);
    const double serviceS = config.serviceTimeMs / 1000.0;
    const double cvFactor = 2.0 / (1.0 + config.serviceTimeCv * config.serviceTimeCv);
    result.minutes.resize(n);
    result.busyWorkersPerMinute.resize(n);
    double requests = 0, dropped = 0, busySum = 0, capacitySum = 0, replicaSum = 0;
    // Minutes grouped by (replicas, utilisation to 1%) for the day's percentiles.
    std::map<std::pair<int, int>, std::pair<ServiceMinute, double>> groups;
    auto group = groups.end(); // the group of the minute before
    double previousTimedLoad = -1, previousWorkers = -1;
    for (int m = 0; m < n; ++m) {
        ServiceMinute &minute = result.minutes[m];
        minute.replicas = replicas[m];
        const double workers = double(replicas[m]) * config.concurrencyPerReplica;
        const double load = rps[m] * serviceS;
        minute.utilization = workers > 0 ? load / workers : (load > 0 ? 1e9 : 0.0);
        const double capacityRps = workers / serviceS;
        const double servedRps = std::min(rps[m], capacityRps);
        minute.droppedRps = rps[m] - servedRps;
        if (minute.utilization >= 1.0 && load > 0)
            ++result.overloadedMinutes;
        const double timedLoad = std::min(load, saturationLoad * workers);
        // Flat stretches repeat the minute before: its Erlang C needs no second computation.
        const bool sameAsBefore = m > 0 && timedLoad == previousTimedLoad
            && workers == previousWorkers;
        minute.waitProbability = sameAsBefore ? result.minutes[m - 1].waitProbability
                                              : waitProbabilityFast(timedLoad, workers);
        previousTimedLoad = timedLoad;
        previousWorkers = workers;
        minute.waitRatePerS = std::max(1e-12, (workers - timedLoad) / serviceS) * cvFactor;
        result.busyWorkersPerMinute[m] = servedRps * serviceS;
        requests += rps[m];
        dropped += minute.droppedRps;
        busySum += servedRps * serviceS;
        capacitySum += workers;
        replicaSum += replicas[m];
        result.instances.peak = std::max(result.instances.peak, double(replicas[m]));
        result.peakUtilization = std::max(result.peakUtilization, minute.utilization);
        if (servedRps > 0 && workers > 0) {
            const int bucket =
                int(std::lround(std::clamp(minute.utilization, 0.0, 1.0) * 100)); // in range
            const std::pair<int, int> key{replicas[m], bucket};
            if (group == groups.end() || group->first != key) // neighbours mostly share a group
                group = groups.try_emplace(key).first;
            auto &g = group->second;
            if (g.second == 0)
                g.first = minute;
            g.second += servedRps;
        }
    }
    if (n > 0) {
        result.instances.avgBusy = busySum / n;
        result.instances.avgAlive = replicaSum / n;
    }
    result.utilization = capacitySum > 0 ? busySum / capacitySum : 0.0;
    result.droppedFraction = requests > 0 ? dropped / requests : 0.0;
    ResponseMixture mixture;
    mixture.mu = 1.0 / serviceS;
    for (const auto &[key, g] : groups) {
        const double waiting = g.second * g.first.waitProbability;
        mixture.total += g.second;
        mixture.noWait += g.second - waiting;
        if (waiting > 1e-9 * g.second)
            mixture.waiting.push_back({waiting, g.first.waitRatePerS});
    }
    if (mixture.total <= 0) { // an idle service still answers in its service time
        mixture.total = 1;
        mixture.noWait = 1;
    }
    const double dropShare = std::clamp(result.droppedFraction, 0.0, 1.0);
    result.latencyMs = percentilesOverAllMs(
        [&mixture](double q) { return 1000.0 * mixture.quantileS(q); }, dropShare, timeoutMs);
    result.failedShare.timedOut =
        dropShare + (1.0 - dropShare) * mixture.survival(std::max(0.0, timeoutMs) / 1000.0);
    result.failedShare.total = result.failedShare.timedOut;
    return result;
}

} // namespace skyline
