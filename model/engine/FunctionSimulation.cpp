// Discrete-event simulation of the function lifecycle (DESIGN.md §3 "Functions").
//
// State: the busy instances as a min-heap of departure times, and the idle instances as a
// stack of idle-since times. Warm requests take the top of the stack (the most recently idle
// instance), so the stack stays sorted by idle-since and the instances that expire are always
// at its bottom: they are dropped lazily, at the moment the next event passes their expiry.
// Provisioned instances are a separate always-alive pool that is used first.

#include "engine/FunctionDetail.h"
#include "engine/FunctionModel.h"
#include "engine/RunTimeDistribution.h"
#include "engine/SeededRandom.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <sstream>

namespace skyline {

using functiondetail::Lifecycle;
using functiondetail::RunTime;

namespace {

constexpr double secondsPerMinute = 60.0;
constexpr double secondsPerDay = minutesPerDay * secondsPerMinute;
constexpr double never = std::numeric_limits<double>::infinity();

/// SeededRandom(seed + 1) replays SeededRandom(seed) shifted by one draw (SplitMix64 steps by
/// a constant), so neighbouring seeds would give nearly the same day: scramble the seed first.
std::uint64_t scrambledSeed(std::uint64_t seed)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/// Draws run times of a given mean and cv (RunTimeDistribution: parameters computed once).
class RunTimeSampler
{
public:
    explicit RunTimeSampler(const RunTime &runTime) : m_runTime(runTime.meanS, runTime.cv) {}

    double draw(SeededRandom &random) const { return m_runTime.draw(random); }

private:
    RunTimeDistribution m_runTime;
};

/// Non-homogeneous Poisson arrivals with a rate constant within each minute; the day repeats,
/// so any time (negative ones too, for the warm-up) maps onto the 1,440 minute rates.
class ArrivalClock
{
public:
    ArrivalClock(const std::vector<double> &ratePerMinuteRps, double startS, double endS)
        : m_rates(ratePerMinuteRps), m_nowS(startS), m_endS(endS),
          m_minute(static_cast<long>(std::floor(startS / secondsPerMinute)))
    {}

    /// Time of the next arrival, or infinity past the end.
    double next(SeededRandom &random)
    {
        double work = random.exponential(1.0); // unit-rate time to spend against the rate
        for (;;) {
            const double minuteEndS = (m_minute + 1) * secondsPerMinute;
            const double rate = rateOf(m_minute);
            if (rate > 0) {
                const double stepS = work / rate;
                if (m_nowS + stepS < minuteEndS) {
                    m_nowS += stepS;
                    return m_nowS < m_endS ? m_nowS : never;
                }
                work -= rate * (minuteEndS - m_nowS);
            }
            m_nowS = minuteEndS;
            ++m_minute;
            if (m_nowS >= m_endS)
                return never;
        }
    }

private:
    double rateOf(long minute) const
    {
        const long index = ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
        return std::max(0.0, m_rates[static_cast<std::size_t>(index)]);
    }

    const std::vector<double> &m_rates;
    double m_nowS;
    double m_endS;
    long m_minute;
};

/// Log-spaced latency histogram (0.5% wide bins from 1 µs to ~100 days).
class LatencyHistogram
{
public:
    LatencyHistogram() : m_counts(binCount, 0) {}

    void add(double seconds)
    {
        int bin = 0;
        if (seconds > minS)
            bin = static_cast<int>(std::min<double>(binCount - 1, // min first: +inf stays in range
                                                    std::log(seconds / minS) * binsPerLn));
        ++m_counts[static_cast<std::size_t>(bin)];
        ++m_total;
    }

    void merge(const LatencyHistogram &other)
    {
        for (std::size_t i = 0; i < m_counts.size(); ++i)
            m_counts[i] += other.m_counts[i];
        m_total += other.m_total;
    }

    double quantileS(double q) const
    {
        if (m_total == 0)
            return 0;
        const double target = q * static_cast<double>(m_total);
        double cumulative = 0;
        for (int bin = 0; bin < binCount; ++bin) {
            cumulative += static_cast<double>(m_counts[static_cast<std::size_t>(bin)]);
            if (cumulative >= target)
                return minS * std::exp((bin + 0.5) / binsPerLn);
        }
        return minS * std::exp(binCount / binsPerLn);
    }

private:
    static constexpr double minS = 1e-6;
    static constexpr int binCount = 6000;
    static constexpr double binsPerLn = 200.5; // 1 / ln(1.005)
    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_total = 0;
};

/// Which part of a run is counted, and what to record.
struct Window
{
    double startS = 0;      ///< the pool is empty here (warm-up starts)
    double countStartS = 0; ///< statistics cover [countStartS, countEndS)
    double countEndS = 0;
    bool perMinute = false; ///< record 1,440 per-minute series (count window within one day)
    int batches = 20;       ///< equal-time batches for the confidence interval
};

struct Tally
{
    double arrivals = 0;
    double coldStarts = 0;
    double throttled = 0;
    double busyArea = 0;  ///< instance-seconds busy
    double aliveArea = 0; ///< instance-seconds alive
    double peakAlive = 0;
    double events = 0;
    std::vector<double> busyPerMinute, alivePerMinute, coldPerMinute, arrivalsPerMinute,
        throttledPerMinute;
    std::vector<double> batchServed, batchCold;
    LatencyHistogram latency;
};

/// One run of the lifecycle over [window.startS, window.countEndS).
class LifecycleRun
{
public:
    LifecycleRun(const Lifecycle &lifecycle, const std::vector<double> &rates,
                 const Window &window, std::uint64_t seed)
        : m_lifecycle(lifecycle), m_rates(rates), m_window(window), m_random(scrambledSeed(seed)),
          m_warm(lifecycle.warm), m_coldRun(lifecycle.coldRun),
          m_provisioned(std::clamp(lifecycle.provisioned, 0, lifecycle.concurrencyLimit)),
          m_limit(std::max(0, lifecycle.concurrencyLimit))
    {
        m_provisionedIdle = m_provisioned;
        m_alive = m_provisioned;
        m_lastS = window.startS;
        if (window.perMinute) {
            for (auto *series : {&m_tally.busyPerMinute, &m_tally.alivePerMinute,
                                 &m_tally.coldPerMinute, &m_tally.arrivalsPerMinute,
                                 &m_tally.throttledPerMinute})
                series->assign(minutesPerDay, 0.0);
        }
        m_batchS = (window.countEndS - window.countStartS) / std::max(1, window.batches);
        m_tally.batchServed.assign(static_cast<std::size_t>(std::max(1, window.batches)), 0.0);
        m_tally.batchCold = m_tally.batchServed;
    }

    Tally run()
    {
        ArrivalClock arrivals(m_rates, m_window.startS, m_window.countEndS);
        double nextArrivalS = arrivals.next(m_random);
        for (;;) {
            const double nextDepartureS = nextDepartureTime();
            if (nextDepartureS <= nextArrivalS) {
                if (nextDepartureS >= m_window.countEndS)
                    break;
                moveTo(nextDepartureS);
                depart();
            } else {
                if (nextArrivalS >= m_window.countEndS)
                    break;
                moveTo(nextArrivalS);
                arrive(nextArrivalS);
                nextArrivalS = arrivals.next(m_random);
            }
            m_tally.events += 1;
        }
        moveTo(m_window.countEndS);
        return std::move(m_tally);
    }

private:
    using MinHeap = std::priority_queue<double, std::vector<double>, std::greater<>>;

    double nextDepartureTime() const
    {
        const double onDemand = m_busyOnDemand.empty() ? never : m_busyOnDemand.top();
        const double provisioned = m_busyProvisioned.empty() ? never : m_busyProvisioned.top();
        return std::min(onDemand, provisioned);
    }

    bool counting(double timeS) const
    {
        return timeS >= m_window.countStartS && timeS < m_window.countEndS;
    }

    /// Advances the clock, reclaiming the instances whose keep-alive ends on the way.
    void moveTo(double timeS)
    {
        while (m_idleBottom < m_idleSinceS.size()
               && m_idleSinceS[m_idleBottom] + m_lifecycle.keepAliveS <= timeS) {
            integrateTo(m_idleSinceS[m_idleBottom] + m_lifecycle.keepAliveS);
            ++m_idleBottom;
            --m_alive;
            m_tally.events += 1;
        }
        if (m_idleBottom == m_idleSinceS.size()) {
            m_idleSinceS.clear();
            m_idleBottom = 0;
        } else if (m_idleBottom > 4096 && m_idleBottom * 2 > m_idleSinceS.size()) {
            m_idleSinceS.erase(m_idleSinceS.begin(),
                               m_idleSinceS.begin() + static_cast<long>(m_idleBottom));
            m_idleBottom = 0;
        }
        integrateTo(timeS);
    }

    /// Adds busy and alive instance-seconds of [m_lastS, timeS) inside the count window.
    void integrateTo(double timeS)
    {
        double from = std::max(m_lastS, m_window.countStartS);
        const double to = std::min(timeS, m_window.countEndS);
        if (timeS > m_lastS)
            m_lastS = timeS;
        if (from >= to)
            return;
        const double busy = busyCount();
        const double alive = m_alive;
        m_tally.busyArea += busy * (to - from);
        m_tally.aliveArea += alive * (to - from);
        m_tally.peakAlive = std::max(m_tally.peakAlive, alive);
        if (!m_window.perMinute)
            return;
        while (from < to) {
            const auto minute = minuteIndex(from);
            const double end = std::min(to, (std::floor(from / secondsPerMinute) + 1) * secondsPerMinute);
            m_tally.busyPerMinute[minute] += busy * (end - from);
            m_tally.alivePerMinute[minute] += alive * (end - from);
            from = end;
        }
    }

    std::size_t minuteIndex(double timeS) const
    {
        const long minute = static_cast<long>(std::floor(timeS / secondsPerMinute));
        return static_cast<std::size_t>(((minute % minutesPerDay) + minutesPerDay) % minutesPerDay);
    }

    double busyCount() const
    {
        return static_cast<double>(m_busyOnDemand.size() + m_busyProvisioned.size());
    }

    void arrive(double nowS)
    {
        const bool counted = counting(nowS);
        bool cold = false;
        double runS = 0;
        if (m_provisionedIdle > 0) {
            --m_provisionedIdle;
            runS = m_warm.draw(m_random);
            m_busyProvisioned.push(nowS + runS);
        } else if (m_idleBottom < m_idleSinceS.size()) {
            m_idleSinceS.pop_back(); // the most recently idle instance
            runS = m_warm.draw(m_random);
            m_busyOnDemand.push(nowS + runS);
        } else if (m_alive < m_limit) {
            ++m_alive;
            cold = true;
            runS = m_lifecycle.coldInitS + m_coldRun.draw(m_random);
            m_busyOnDemand.push(nowS + runS);
            if (counted)
                m_tally.peakAlive = std::max(m_tally.peakAlive, double(m_alive));
        } else {
            if (counted) {
                m_tally.arrivals += 1;
                m_tally.throttled += 1;
                if (m_window.perMinute) {
                    m_tally.arrivalsPerMinute[minuteIndex(nowS)] += 1;
                    m_tally.throttledPerMinute[minuteIndex(nowS)] += 1;
                }
            }
            return;
        }
        if (!counted)
            return;
        m_tally.arrivals += 1;
        m_tally.coldStarts += cold ? 1 : 0;
        m_tally.latency.add(runS);
        const auto batch = std::min(m_tally.batchServed.size() - 1,
                                    static_cast<std::size_t>((nowS - m_window.countStartS) / m_batchS));
        m_tally.batchServed[batch] += 1;
        m_tally.batchCold[batch] += cold ? 1 : 0;
        if (m_window.perMinute) {
            const auto minute = minuteIndex(nowS);
            m_tally.arrivalsPerMinute[minute] += 1;
            m_tally.coldPerMinute[minute] += cold ? 1 : 0;
        }
    }

    void depart()
    {
        const double onDemand = m_busyOnDemand.empty() ? never : m_busyOnDemand.top();
        const double provisioned = m_busyProvisioned.empty() ? never : m_busyProvisioned.top();
        if (provisioned < onDemand) {
            m_busyProvisioned.pop();
            ++m_provisionedIdle;
        } else {
            m_busyOnDemand.pop();
            m_idleSinceS.push_back(onDemand);
        }
    }

    const Lifecycle &m_lifecycle;
    const std::vector<double> &m_rates;
    Window m_window;
    SeededRandom m_random;
    RunTimeSampler m_warm;
    RunTimeSampler m_coldRun;
    int m_provisioned;
    int m_limit;
    int m_provisionedIdle = 0;
    int m_alive = 0; ///< instances alive, provisioned ones included
    MinHeap m_busyOnDemand;
    MinHeap m_busyProvisioned;
    std::vector<double> m_idleSinceS; ///< idle on-demand instances, oldest at m_idleBottom
    std::size_t m_idleBottom = 0;
    double m_lastS = 0;
    double m_batchS = 1;
    Tally m_tally;
};

/// Half-width of the 95% confidence interval of a ratio estimate from independent batches
/// (delta method); batches are long compared to the keep-alive memory where we can afford it.
double ratioConfidence(const std::vector<double> &served, const std::vector<double> &cold)
{
    double totalServed = 0;
    double totalCold = 0;
    for (std::size_t i = 0; i < served.size(); ++i) {
        totalServed += served[i];
        totalCold += cold[i];
    }
    if (totalServed <= 0 || served.size() < 2)
        return 0;
    const double ratio = totalCold / totalServed;
    double sumSquares = 0;
    for (std::size_t i = 0; i < served.size(); ++i)
        sumSquares += std::pow(cold[i] - ratio * served[i], 2);
    const double batches = static_cast<double>(served.size());
    const double variance = sumSquares * batches / (batches - 1) / (totalServed * totalServed);
    return 1.96 * std::sqrt(variance);
}

/// Warm-up long enough for the pool to forget its empty start: the keep-alive memory plus many
/// run times, at least an hour, at most a day.
double warmUpS(const Lifecycle &lifecycle)
{
    const double runS = std::max(lifecycle.warm.meanS, lifecycle.coldMeanS());
    return std::min(secondsPerDay, std::max(3600.0, lifecycle.keepAliveS + 50.0 * runS));
}

double expectedArrivals(const std::vector<double> &rates, double startS, double endS)
{
    double total = 0;
    for (long minute = static_cast<long>(std::floor(startS / secondsPerMinute));
         minute * secondsPerMinute < endS; ++minute) {
        const double from = std::max(startS, minute * secondsPerMinute);
        const double to = std::min(endS, (minute + 1) * secondsPerMinute);
        const long index = ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
        total += std::max(0.0, rates[static_cast<std::size_t>(index)]) * (to - from);
    }
    return total;
}

std::vector<double> normalizedRates(const std::vector<double> &ratePerMinuteRps)
{
    std::vector<double> rates(minutesPerDay, 0.0);
    for (std::size_t i = 0; i < rates.size() && i < ratePerMinuteRps.size(); ++i)
        rates[i] = std::isfinite(ratePerMinuteRps[i]) ? std::max(0.0, ratePerMinuteRps[i]) : 0.0;
    return rates;
}

Lifecycle lifecycleOf(const FunctionConfig &config)
{
    Lifecycle lifecycle;
    lifecycle.warm = {std::max(0.0, config.durationMs) / 1000.0, std::max(0.0, config.durationCv)};
    lifecycle.coldRun = lifecycle.warm;
    lifecycle.coldInitS = std::max(0.0, config.coldStartMs) / 1000.0;
    lifecycle.keepAliveS = std::max(0.0, config.keepAliveS);
    lifecycle.concurrencyLimit = std::max(0, config.concurrencyLimit);
    lifecycle.provisioned = std::clamp(config.provisionedConcurrency, 0,
                                       lifecycle.concurrencyLimit);
    return lifecycle;
}

FunctionDayResult dayResultOf(const Tally &tally)
{
    FunctionDayResult result;
    result.invocationsPerDay = tally.arrivals;
    result.coldStartsPerDay = tally.coldStarts;
    result.throttledPerDay = tally.throttled;
    const double served = tally.arrivals - tally.throttled;
    result.coldStartProbability = served > 0 ? tally.coldStarts / served : 0;
    result.throttledFraction = tally.arrivals > 0 ? tally.throttled / tally.arrivals : 0;
    result.instances.avgBusy = tally.busyArea / secondsPerDay;
    result.instances.avgAlive = tally.aliveArea / secondsPerDay;
    result.instances.peak = tally.peakAlive;
    result.latencyMs = {1000.0 * tally.latency.quantileS(0.50),
                        1000.0 * tally.latency.quantileS(0.95),
                        1000.0 * tally.latency.quantileS(0.99)};
    result.alivePerMinute.resize(minutesPerDay);
    result.busyPerMinute.resize(minutesPerDay);
    result.coldStartsPerMinute.resize(minutesPerDay);
    for (std::size_t i = 0; i < minutesPerDay; ++i) {
        result.alivePerMinute[i] = tally.alivePerMinute[i] / secondsPerMinute;
        result.busyPerMinute[i] = tally.busyPerMinute[i] / secondsPerMinute;
        result.coldStartsPerMinute[i] = tally.coldPerMinute[i] / secondsPerMinute;
    }
    result.confidence = ratioConfidence(tally.batchServed, tally.batchCold);
    result.simulatedEvents = tally.events;
    return result;
}

/// Too many requests to simulate the whole day: simulate evenly spaced blocks of minutes, each
/// after its own warm-up, and interpolate between them; or, when even one block is too much,
/// report the analytic figures. Either way the result says so.
FunctionDayResult simulateSampledDay(const FunctionConfig &config, const Lifecycle &lifecycle,
                                     const std::vector<double> &rates, double dayArrivals,
                                     std::uint64_t seed)
{
    constexpr int blockMinutes = 5;
    const double runS = std::max(lifecycle.warm.meanS, lifecycle.coldMeanS());
    const double blockWarmUpS = std::min(secondsPerDay, lifecycle.keepAliveS + 20.0 * runS + 60);
    auto blockStart = [&](int block, int blocks) { return block * minutesPerDay / blocks; };
    auto costOf = [&](int blocks) {
        double cost = 0;
        for (int b = 0; b < blocks; ++b) {
            const double startS = blockStart(b, blocks) * secondsPerMinute;
            cost += expectedArrivals(rates, startS - blockWarmUpS,
                                     startS + blockMinutes * secondsPerMinute);
        }
        return cost;
    };
    int blocks = 0;
    for (int candidate : {144, 96, 72, 48, 36, 24, 18, 12, 8, 6, 4, 3, 2, 1}) {
        if (costOf(candidate) <= functiondetail::maxSimulatedArrivals) {
            blocks = candidate;
            break;
        }
    }
    std::ostringstream note;
    note << "rate too high to simulate every request: about " << std::llround(dayArrivals)
         << " requests (warm-up included) exceed the bound of "
         << std::llround(functiondetail::maxSimulatedArrivals) << "; ";
    if (blocks == 0) {
        FunctionDayResult result = analyzeFunctionDay(config, rates);
        result.sampled = true;
        result.confidence = 0;
        note << "even one simulated block is too many, so the analytic figures are reported";
        result.note = note.str();
        return result;
    }

    // Simulate the blocks; remember per-minute figures at the simulated minutes.
    std::vector<int> anchorMinutes;
    std::vector<double> anchorAlive, anchorBusy, anchorCold, anchorThrottled;
    std::vector<double> blockServed, blockCold;
    LatencyHistogram latency;
    double peak = 0;
    double events = 0;
    for (int b = 0; b < blocks; ++b) {
        const int first = blockStart(b, blocks);
        Window window;
        window.countStartS = first * secondsPerMinute;
        window.countEndS = (first + blockMinutes) * secondsPerMinute;
        window.startS = window.countStartS - blockWarmUpS;
        window.perMinute = true;
        window.batches = 1;
        const Tally tally = LifecycleRun(lifecycle, rates, window,
                                         seed + 0x9E3779B97F4A7C15ull * (b + 1)).run();
        const double served = tally.arrivals - tally.throttled;
        const double coldShare = served > 0 ? tally.coldStarts / served : 0;
        const double throttledShare = tally.arrivals > 0 ? tally.throttled / tally.arrivals : 0;
        for (int m = first; m < first + blockMinutes; ++m) {
            anchorMinutes.push_back(m);
            anchorAlive.push_back(tally.alivePerMinute[m] / secondsPerMinute);
            anchorBusy.push_back(tally.busyPerMinute[m] / secondsPerMinute);
            anchorCold.push_back(coldShare);
            anchorThrottled.push_back(throttledShare);
        }
        blockServed.push_back(served);
        blockCold.push_back(tally.coldStarts);
        latency.merge(tally.latency);
        peak = std::max(peak, tally.peakAlive);
        events += tally.events;
    }

    // Linear interpolation between simulated minutes, round the repeating day.
    FunctionDayResult result;
    result.alivePerMinute.assign(minutesPerDay, 0.0);
    result.busyPerMinute.assign(minutesPerDay, 0.0);
    result.coldStartsPerMinute.assign(minutesPerDay, 0.0);
    const std::size_t anchors = anchorMinutes.size();
    double servedPerDay = 0;
    for (int m = 0, next = 0; m < minutesPerDay; ++m) {
        while (next < static_cast<int>(anchors) && anchorMinutes[next] < m)
            ++next;
        const std::size_t after = static_cast<std::size_t>(next) % anchors;
        const std::size_t before = (after + anchors - (anchorMinutes[after] == m ? 0 : 1))
            % anchors;
        const int gap = (anchorMinutes[after] - anchorMinutes[before] + minutesPerDay)
            % minutesPerDay;
        const double t = gap == 0 ? 0.0
            : double((m - anchorMinutes[before] + minutesPerDay) % minutesPerDay) / gap;
        auto mix = [&](const std::vector<double> &values) {
            return values[before] + t * (values[after] - values[before]);
        };
        const double invocations = rates[static_cast<std::size_t>(m)] * secondsPerMinute;
        const double throttled = invocations * mix(anchorThrottled);
        const double coldStarts = (invocations - throttled) * mix(anchorCold);
        result.invocationsPerDay += invocations;
        result.throttledPerDay += throttled;
        result.coldStartsPerDay += coldStarts;
        servedPerDay += invocations - throttled;
        result.alivePerMinute[m] = mix(anchorAlive);
        result.busyPerMinute[m] = mix(anchorBusy);
        result.coldStartsPerMinute[m] = coldStarts / secondsPerMinute;
        result.instances.avgAlive += result.alivePerMinute[m] / minutesPerDay;
        result.instances.avgBusy += result.busyPerMinute[m] / minutesPerDay;
    }
    result.coldStartProbability = servedPerDay > 0 ? result.coldStartsPerDay / servedPerDay : 0;
    result.throttledFraction = result.invocationsPerDay > 0
        ? result.throttledPerDay / result.invocationsPerDay : 0;
    result.instances.peak = peak;
    result.latencyMs = {1000.0 * latency.quantileS(0.50), 1000.0 * latency.quantileS(0.95),
                        1000.0 * latency.quantileS(0.99)};
    result.confidence = ratioConfidence(blockServed, blockCold);
    result.sampled = true;
    result.simulatedEvents = events;
    note << "simulated " << blocks << " blocks of " << blockMinutes
         << " minutes (each after a " << std::llround(blockWarmUpS)
         << " s warm-up) and interpolated between them";
    result.note = note.str();
    return result;
}

} // namespace

FunctionDayResult simulateFunctionDay(const FunctionConfig &config,
                                      const std::vector<double> &ratePerMinuteRps,
                                      std::uint64_t seed)
{
    const Lifecycle lifecycle = lifecycleOf(config);
    const std::vector<double> rates = normalizedRates(ratePerMinuteRps);
    const double warmUp = warmUpS(lifecycle);
    const double arrivals = expectedArrivals(rates, -warmUp, secondsPerDay);
    if (arrivals > functiondetail::maxSimulatedArrivals)
        return simulateSampledDay(config, lifecycle, rates, arrivals, seed);
    Window window;
    window.startS = -warmUp;
    window.countStartS = 0;
    window.countEndS = secondsPerDay;
    window.perMinute = true;
    window.batches = 48; // half-hour batches: long against the keep-alive memory
    const Tally tally = LifecycleRun(lifecycle, rates, window, seed).run();
    return dayResultOf(tally);
}

StationaryResult simulateFunctionStationary(double rateRps, double warmMeanS, double coldMeanS,
                                            double keepAliveS, int concurrencyLimit,
                                            double simulatedS, std::uint64_t seed)
{
    Lifecycle lifecycle;
    lifecycle.warm = {warmMeanS, 1.0};
    lifecycle.coldRun = {coldMeanS, 1.0};
    lifecycle.coldInitS = 0;
    lifecycle.keepAliveS = std::max(0.0, keepAliveS);
    lifecycle.concurrencyLimit = std::max(0, concurrencyLimit);
    const double rate = std::isfinite(rateRps) ? std::max(0.0, rateRps) : 0.0;
    double warmUp = warmUpS(lifecycle);
    // Bounded: shorten the counted time (and at most halve the budget on the warm-up) rather
    // than run past the event budget.
    double countedS = std::max(0.0, simulatedS);
    const double budgetS = functiondetail::maxSimulatedArrivals / std::max(rate, 1e-300);
    if (warmUp + countedS > budgetS) {
        warmUp = std::min(warmUp, 0.5 * budgetS);
        countedS = std::min(countedS, budgetS - warmUp);
    }
    const std::vector<double> rates(minutesPerDay, rate);
    Window window;
    window.startS = 0;
    window.countStartS = warmUp;
    window.countEndS = warmUp + countedS;
    window.batches = 20;
    StationaryResult result;
    if (countedS <= 0)
        return result;
    const Tally tally = LifecycleRun(lifecycle, rates, window, seed).run();
    const double served = tally.arrivals - tally.throttled;
    result.coldStartProbability = served > 0 ? tally.coldStarts / served : 0;
    result.throttledFraction = tally.arrivals > 0 ? tally.throttled / tally.arrivals : 0;
    result.avgAlive = tally.aliveArea / countedS;
    result.avgBusy = tally.busyArea / countedS;
    result.confidence = ratioConfidence(tally.batchServed, tally.batchCold);
    return result;
}

} // namespace skyline
