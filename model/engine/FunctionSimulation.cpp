// Discrete-event simulation of the function lifecycle (DESIGN.md §3 "Functions").
//
// State (InstancePool): the busy instances as a min-heap of departure times; the idle ones
// twice, as a max-heap by creation (a warm request takes the idle instance created most
// recently, DESIGN.md §3 and SimFaaS) and as a queue by idle-since time (instances become idle
// in time order, so the first in the queue is the next to expire). An instance taken or
// expired leaves a stale entry in the other structure, recognised by its idle stamp and
// skipped. Provisioned instances never expire and are used first.
//
// Precision (DESIGN.md §7): independent days, each after its own warm-up, until the 95%
// confidence intervals between days are narrow enough or the time budget ends; P(cold) with a
// control variate of exactly known mean where it applies (ServiceCount, FUNCTIONS.md).

#include "engine/FunctionDetail.h"
#include "engine/FunctionModel.h"
#include "engine/RunTimeDistribution.h"
#include "engine/SeededRandom.h"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <functional>
#include <future>
#include <limits>
#include <optional>
#include <sstream>
#include <thread>

namespace skyline {

using functiondetail::Lifecycle;
using functiondetail::RunTime;

namespace {

constexpr double secondsPerMinute = 60.0;
constexpr double secondsPerDay = minutesPerDay * secondsPerMinute;
constexpr double never = std::numeric_limits<double>::infinity();
constexpr int hoursPerDay = 24;

/// The one seed derivation of the simulation: the random stream of one day (and of one block
/// of minutes in a sampled day). SeededRandom scrambles its seed, so neighbouring values give
/// independent streams.
std::uint64_t streamSeed(std::uint64_t seed, int day, int block)
{
    return seed + 0x9E3779B97F4A7C15ull * (static_cast<std::uint64_t>(day) * 256u
                                           + static_cast<std::uint64_t>(block));
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
        : m_rates(ratePerMinuteRps), m_nowS(startS), m_endS(endS)
    {
        enterMinute(static_cast<long>(std::floor(startS / secondsPerMinute)));
    }

    /// Time of the next arrival, or infinity past the end.
    double next(SeededRandom &random)
    {
        double work = random.exponential(1.0); // unit-rate time to spend against the rate
        for (;;) {
            if (m_rate > 0) {
                const double stepS = work / m_rate;
                if (m_nowS + stepS < m_minuteEndS) {
                    m_nowS += stepS;
                    return m_nowS < m_endS ? m_nowS : never;
                }
                work -= m_rate * (m_minuteEndS - m_nowS);
            }
            m_nowS = m_minuteEndS;
            enterMinute(m_minute + 1);
            if (m_nowS >= m_endS)
                return never;
        }
    }

private:
    void enterMinute(long minute)
    {
        m_minute = minute;
        m_minuteEndS = (minute + 1) * secondsPerMinute;
        const long index = ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
        m_rate = std::max(0.0, m_rates[static_cast<std::size_t>(index)]);
    }

    const std::vector<double> &m_rates;
    double m_nowS;
    double m_endS;
    long m_minute = 0;
    double m_minuteEndS = 0;
    double m_rate = 0; ///< of m_minute
};

/// Latency histogram with bins of a double's exponent and its 7 leading mantissa bits: 128
/// per octave (0.4-0.8 % wide), from 2^-20 s (about 1 µs) to 2^27 s (about 4 years). The bin
/// is the top bits of the number: no logarithm per request.
class LatencyHistogram
{
public:
    LatencyHistogram() : m_counts(binCount, 0) {}

    void add(double seconds)
    {
        std::size_t bin = 0;
        if (seconds >= maxS) // +infinity too
            bin = binCount - 1;
        else if (seconds > minS) // not NaN
            bin = static_cast<std::size_t>(keyOf(seconds) - keyOf(minS));
        ++m_counts[bin];
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
        for (std::size_t bin = 0; bin < binCount; ++bin) {
            cumulative += static_cast<double>(m_counts[bin]);
            if (cumulative >= target)
                return 0.5 * (lowerEdge(bin) + lowerEdge(bin + 1));
        }
        return maxS;
    }

private:
    static constexpr int shift = 52 - 7;
    static constexpr double minS = 0x1p-20;
    static constexpr double maxS = 0x1p27;
    static constexpr std::uint64_t keyOf(double seconds)
    {
        return std::bit_cast<std::uint64_t>(seconds) >> shift;
    }
    static double lowerEdge(std::size_t bin)
    {
        return std::bit_cast<double>((keyOf(minS) + bin) << shift);
    }
    // 47 octaves of 128 bins (keyOf(maxS) - keyOf(minS), which a member cannot compute here)
    static constexpr std::size_t binCount = 47 * 128;
    std::vector<std::uint64_t> m_counts;
    std::uint64_t m_total = 0;
};

/// A busy instance: when its request ends, and its slot in the pool.
struct Busy
{
    double endS;
    int slot;
};

/// Heap with four children per node: half the depth of a binary heap, and the children sit
/// next to each other in memory; the earliest child is picked without branches (which child
/// wins is unpredictable). The item of the smallest `KeyOf{}(item)` comes out first. Most of a
/// simulation's time goes into its two heaps (busy instances by end time, idle ones by
/// creation).
template <class Item, class KeyOf>
class FourAryHeap
{
public:
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    const Item &top() const { return m_items.front(); }

    void push(const Item &item)
    {
        std::size_t i = m_items.size();
        m_items.push_back(item);
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (KeyOf{}(m_items[parent]) <= KeyOf{}(item))
                break;
            m_items[i] = m_items[parent];
            i = parent;
        }
        m_items[i] = item;
    }

    Item pop()
    {
        const Item top = m_items.front();
        const Item last = m_items.back();
        m_items.pop_back();
        const std::size_t n = m_items.size();
        if (n == 0)
            return top;
        std::size_t i = 0;
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= n)
                break;
            std::size_t least = first;
            auto leastKey = KeyOf{}(m_items[first]);
            const std::size_t end = std::min(first + 4, n);
            for (std::size_t child = first + 1; child < end; ++child) {
                const auto key = KeyOf{}(m_items[child]);
                const bool smaller = key < leastKey;
                least = smaller ? child : least;
                leastKey = smaller ? key : leastKey;
            }
            if (leastKey >= KeyOf{}(last))
                break;
            m_items[i] = m_items[least];
            i = least;
        }
        m_items[i] = last;
        return top;
    }

    /// Drops the items for which `drop` holds.
    template <class Drop>
    void eraseIf(Drop &&drop)
    {
        std::vector<Item> kept = std::move(m_items);
        m_items.clear();
        std::erase_if(kept, drop);
        for (const Item &item : kept)
            push(item);
    }

private:
    std::vector<Item> m_items;
};

struct EndOf
{
    double operator()(const Busy &busy) const { return busy.endS; }
};
/// Min-heap of busy instances by end time.
using DepartureHeap = FourAryHeap<Busy, EndOf>;

/// The instances of one function. Reuse follows DESIGN.md §3: a provisioned idle instance
/// first, then the idle instance created most recently (so the older ones expire), otherwise a
/// new instance starts cold; at the concurrency limit the request is throttled.
class InstancePool
{
public:
    enum class Outcome { Warm, Cold, Throttled };
    struct Served
    {
        Outcome outcome = Outcome::Throttled;
        std::int64_t instance = 0; ///< creation number, 1 for the first; 0 when throttled
        double runS = 0;           ///< how long the request holds its instance
    };

    InstancePool(int concurrencyLimit, int provisioned, double keepAliveS)
        : m_limit(std::max(0, concurrencyLimit)), m_keepAliveS(std::max(0.0, keepAliveS))
    {
        const int always = std::clamp(provisioned, 0, m_limit);
        for (int slot = 0; slot < always; ++slot) {
            m_instances.push_back({++m_created, 0, true});
            m_provisionedIdle.push_back(slot);
        }
        m_alive = always;
    }

    int alive() const { return m_alive; }
    int busy() const { return static_cast<int>(m_busy.size()); }
    /// Whether a request arriving now would start cold: no idle instance, and room for one more.
    bool startsCold() const
    {
        return m_provisionedIdle.empty() && m_idleOnDemand == 0 && m_alive < m_limit;
    }
    /// Whether a request arriving now would be throttled: no idle instance, and no room.
    bool throttles() const
    {
        return m_provisionedIdle.empty() && m_idleOnDemand == 0 && m_alive >= m_limit;
    }

    double nextDepartureS() const { return m_busy.empty() ? never : m_busy.top().endS; }

    /// When the next idle instance's keep-alive ends, or infinity.
    double nextExpiryS()
    {
        while (m_expiryHead < m_expiries.size() && !isCurrent(m_expiries[m_expiryHead]))
            ++m_expiryHead;
        if (m_expiryHead == m_expiries.size()) {
            m_expiries.clear();
            m_expiryHead = 0;
            return never;
        }
        if (m_expiryHead > 4096 && m_expiryHead * 2 > m_expiries.size()) {
            m_expiries.erase(m_expiries.begin(),
                             m_expiries.begin() + static_cast<long>(m_expiryHead));
            m_expiryHead = 0;
        }
        return m_expiries[m_expiryHead].timeS;
    }

    /// Reclaims the instance of nextExpiryS() (which must be finite).
    void expireNext()
    {
        const IdleEntry &entry = m_expiries[m_expiryHead++];
        m_instances[static_cast<std::size_t>(entry.slot)].idleStamp = 0;
        m_freeSlots.push_back(entry.slot);
        --m_alive;
        --m_idleOnDemand;
    }

    /// The busy instance of nextDepartureS() becomes idle.
    void departNext()
    {
        const Busy done = m_busy.pop();
        Instance &instance = m_instances[static_cast<std::size_t>(done.slot)];
        if (instance.provisioned) {
            m_provisionedIdle.push_back(done.slot);
            return;
        }
        instance.idleStamp = ++m_lastStamp;
        m_newestIdle.push({instance.created, done.slot, instance.idleStamp});
        m_expiries.push_back({done.endS + m_keepAliveS, done.slot, instance.idleStamp});
        ++m_idleOnDemand;
    }

    /// Serves a request arriving at nowS; drawRunS(cold) gives the time it holds its instance.
    template <class DrawRunS>
    Served serve(double nowS, DrawRunS &&drawRunS)
    {
        if (!m_provisionedIdle.empty()) {
            const int slot = m_provisionedIdle.back();
            m_provisionedIdle.pop_back();
            return start(slot, nowS, drawRunS(false), Outcome::Warm);
        }
        if (const int slot = takeNewestIdle(); slot >= 0)
            return start(slot, nowS, drawRunS(false), Outcome::Warm);
        if (m_alive < m_limit) {
            ++m_alive;
            return start(newInstance(), nowS, drawRunS(true), Outcome::Cold);
        }
        return {};
    }

private:
    struct Instance
    {
        std::int64_t created = 0;    ///< creation number
        std::uint64_t idleStamp = 0; ///< non-zero while idle: which idle spell
        bool provisioned = false;
    };
    struct IdleEntry
    {
        double timeS; ///< expiry time (queue) or unused (heap)
        int slot;
        std::uint64_t stamp;
    };
    struct NewestEntry
    {
        std::int64_t created;
        int slot;
        std::uint64_t stamp;
    };

    struct NewestFirst
    {
        std::int64_t operator()(const NewestEntry &entry) const { return -entry.created; }
    };

    template <class Entry>
    bool isCurrent(const Entry &entry) const
    {
        return m_instances[static_cast<std::size_t>(entry.slot)].idleStamp == entry.stamp;
    }

    /// Slot of the idle on-demand instance created last (taken out of the idle set), or -1.
    int takeNewestIdle()
    {
        while (!m_newestIdle.empty()) {
            const NewestEntry entry = m_newestIdle.pop();
            if (!isCurrent(entry))
                continue; // expired meanwhile
            m_instances[static_cast<std::size_t>(entry.slot)].idleStamp = 0;
            --m_idleOnDemand;
            return entry.slot;
        }
        return -1;
    }

    int newInstance()
    {
        // Expired instances leave their entries in the heap until they surface: drop them
        // when they outnumber the idle instances, so the heap stays small.
        if (m_newestIdle.size() > 64 + 2 * static_cast<std::size_t>(m_idleOnDemand)) {
            m_newestIdle.eraseIf([this](const NewestEntry &e) { return !isCurrent(e); });
        }
        const Instance instance{++m_created, 0, false};
        if (m_freeSlots.empty()) {
            m_instances.push_back(instance);
            return static_cast<int>(m_instances.size() - 1);
        }
        const int slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_instances[static_cast<std::size_t>(slot)] = instance;
        return slot;
    }

    Served start(int slot, double nowS, double runS, Outcome outcome)
    {
        m_busy.push({nowS + runS, slot});
        return {outcome, m_instances[static_cast<std::size_t>(slot)].created, runS};
    }

    int m_limit;
    double m_keepAliveS;
    int m_alive = 0; ///< provisioned ones included
    int m_idleOnDemand = 0;
    std::int64_t m_created = 0;
    std::uint64_t m_lastStamp = 0;
    std::vector<Instance> m_instances; ///< by slot; slots of expired instances are reused
    std::vector<int> m_freeSlots;
    std::vector<int> m_provisionedIdle;
    DepartureHeap m_busy;
    FourAryHeap<NewestEntry, NewestFirst> m_newestIdle; ///< by creation, newest first (may
                                                         ///< hold stale entries)
    std::vector<IdleEntry> m_expiries;     ///< idle spells in time order, from m_expiryHead
    std::size_t m_expiryHead = 0;
};

/// Which part of a run is counted, and what to record.
struct Window
{
    double startS = 0;      ///< the pool is empty here (warm-up starts)
    double countStartS = 0; ///< statistics cover [countStartS, countEndS)
    double countEndS = 0;
    bool perMinute = false; ///< record 1,440 per-minute series (count window within one day)
    int batches = 1;        ///< equal-time batches for the confidence interval (stationary)
    /// Requests in service (ServiceCount) recorded per hour of the count window (whole days):
    /// levels levelLow … levelLow + levelBins - 1 (the ends hold everything beyond); 0: not.
    int levelLow = 0;
    int levelBins = 0;
};

struct Tally
{
    double arrivals = 0;
    double coldStarts = 0;    ///< counted
    /// The cold starts expected on the path: the integral of the arrival rate over the time in
    /// which an arrival would start cold (and the served ones: over the time in which it would
    /// not be throttled). Arrivals are Poisson whatever the path so far, so these have the
    /// counts' means without the coin flips of the arrivals; P(cold) is their ratio.
    double coldExpected = 0;
    double servedExpected = 0;
    double throttled = 0;
    double busyArea = 0;  ///< instance-seconds busy
    double aliveArea = 0; ///< instance-seconds alive
    double peakAlive = 0;
    double events = 0;
    /// coldPerMinute: coldExpected per minute
    std::vector<double> busyPerMinute, alivePerMinute, coldPerMinute, arrivalsPerMinute,
        throttledPerMinute;
    /// Per batch: served counted, and coldExpected and servedExpected
    std::vector<double> batchServed, batchCold, batchServedExpected;
    /// Per hour and level of ServiceCount (hour x levelBins): the integral of the arrival rate
    /// over the time the count was at that level (the control variate, FUNCTIONS.md "Precision")
    std::vector<double> levelRate;
    double throttledAll = 0; ///< throttled requests, warm-up included
    LatencyHistogram latency;
};

/// The number of requests in service when every request holds its instance for its run time
/// only, a cold one without its init: with Poisson arrivals and no throttling an M/G/∞ count
/// whose distribution is known exactly (Poisson, ServiceCountMeans). It is the pool's busy
/// count less the cold requests that are in the init part of their stay (each counts from its
/// arrival for its run time, i.e. leaves the count `init` before it leaves its instance).
class ServiceCount
{
public:
    explicit ServiceCount(double initS) : m_initS(initS) {}

    /// A cold request that leaves its instance at endS.
    void addCold(double endS)
    {
        if (m_initS <= 0)
            return;
        m_runEnds.push_back({endS - m_initS, endS});
        std::push_heap(m_runEnds.begin(), m_runEnds.end(), std::greater<>());
    }
    /// Requests in the pool's busy count that this count leaves out.
    int overhang() const { return static_cast<int>(m_overhang.size() - m_overhangHead); }
    /// When overhang() next changes, or infinity.
    double nextChangeS() const
    {
        const double runEnd = m_runEnds.empty() ? never : m_runEnds.front().first;
        const double leave = m_overhangHead < m_overhang.size() ? m_overhang[m_overhangHead]
                                                                : never;
        return std::min(runEnd, leave);
    }
    /// Applies the change at nextChangeS().
    void changeNext()
    {
        const double leave = m_overhangHead < m_overhang.size() ? m_overhang[m_overhangHead]
                                                                : never;
        if (!m_runEnds.empty() && m_runEnds.front().first < leave) {
            std::pop_heap(m_runEnds.begin(), m_runEnds.end(), std::greater<>());
            m_overhang.push_back(m_runEnds.back().second); // the pool's departure time
            m_runEnds.pop_back();
            return;
        }
        if (++m_overhangHead == m_overhang.size()) {
            m_overhang.clear();
            m_overhangHead = 0;
        }
    }

private:
    double m_initS;
    /// min-heap of (run end, departure) of the cold requests whose run part has not ended
    std::vector<std::pair<double, double>> m_runEnds;
    std::vector<double> m_overhang; ///< instance release times in time order (init constant)
    std::size_t m_overhangHead = 0;
};

/// One run of the lifecycle over [window.startS, window.countEndS).
class LifecycleRun
{
public:
    LifecycleRun(const Lifecycle &lifecycle, const std::vector<double> &rates,
                 const Window &window, std::uint64_t seed)
        : m_lifecycle(lifecycle), m_rates(rates), m_window(window), m_random(seed),
          m_warm(lifecycle.warm), m_coldRun(lifecycle.coldRun),
          m_pool(lifecycle.concurrencyLimit, lifecycle.provisioned, lifecycle.keepAliveS),
          m_serviceCount(lifecycle.coldInitS)
    {
        m_lastS = window.startS;
        if (window.levelBins > 0)
            m_tally.levelRate.assign(static_cast<std::size_t>(hoursPerDay * window.levelBins), 0.0);
        if (window.perMinute) {
            for (auto *series : {&m_tally.busyPerMinute, &m_tally.alivePerMinute,
                                 &m_tally.coldPerMinute, &m_tally.arrivalsPerMinute,
                                 &m_tally.throttledPerMinute})
                series->assign(minutesPerDay, 0.0);
        }
        m_batchS = (window.countEndS - window.countStartS) / std::max(1, window.batches);
        m_tally.batchServed.assign(static_cast<std::size_t>(std::max(1, window.batches)), 0.0);
        m_tally.batchCold = m_tally.batchServed;
        m_tally.batchServedExpected = m_tally.batchServed;
    }

    Tally run()
    {
        ArrivalClock arrivals(m_rates, m_window.startS, m_window.countEndS);
        double nextArrivalS = arrivals.next(m_random);
        for (;;) {
            const double nextDepartureS = m_pool.nextDepartureS();
            if (nextDepartureS <= nextArrivalS) {
                if (nextDepartureS >= m_window.countEndS)
                    break;
                moveTo(nextDepartureS);
                m_pool.departNext();
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
    bool counting(double timeS) const
    {
        return timeS >= m_window.countStartS && timeS < m_window.countEndS;
    }

    /// Advances the clock, reclaiming the instances whose keep-alive ends on the way.
    void moveTo(double timeS)
    {
        for (;;) {
            const double expiryS = m_pool.nextExpiryS();
            if (m_window.levelBins > 0) { // the control's count changes between the events too
                const double changeS = m_serviceCount.nextChangeS();
                if (changeS < expiryS && changeS <= timeS) {
                    integrateTo(changeS);
                    m_serviceCount.changeNext();
                    continue;
                }
            }
            if (expiryS > timeS)
                break;
            integrateTo(expiryS);
            m_pool.expireNext();
            m_tally.events += 1;
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
        const double busy = m_pool.busy();
        const double alive = m_pool.alive();
        m_tally.busyArea += busy * (to - from);
        m_tally.aliveArea += alive * (to - from);
        m_tally.peakAlive = std::max(m_tally.peakAlive, alive);
        const bool cold = m_pool.startsCold();
        const bool served = !m_pool.throttles();
        const int bins = m_window.levelBins;
        const std::size_t level = bins > 0
            ? static_cast<std::size_t>(std::clamp(m_pool.busy() - m_serviceCount.overhang()
                                                      - m_window.levelLow, 0, bins - 1))
            : 0;
        while (from < to) {
            const std::size_t minute = minuteIndex(from);
            const double end = std::min(to, m_minuteEndS);
            if (m_window.perMinute) {
                m_tally.busyPerMinute[minute] += busy * (end - from);
                m_tally.alivePerMinute[minute] += alive * (end - from);
            }
            const double expected = m_rates[minute] * (end - from);
            if (bins > 0)
                m_tally.levelRate[minute / 60 * static_cast<std::size_t>(bins) + level] += expected;
            if (served) {
                m_tally.servedExpected += expected;
                m_tally.batchServedExpected[batchOf(from)] += expected;
            }
            if (cold) {
                m_tally.coldExpected += expected;
                if (m_window.perMinute)
                    m_tally.coldPerMinute[minute] += expected;
                m_tally.batchCold[batchOf(from)] += expected;
            }
            from = end;
        }
    }

    /// The minute of the day that holds timeS (cached: the clock only moves forward).
    std::size_t minuteIndex(double timeS)
    {
        if (timeS < m_minuteStartS || timeS >= m_minuteEndS) {
            const double minute = std::floor(timeS / secondsPerMinute);
            m_minuteStartS = minute * secondsPerMinute;
            m_minuteEndS = m_minuteStartS + secondsPerMinute;
            const long index = static_cast<long>(minute) % minutesPerDay;
            m_minute = static_cast<std::size_t>(index < 0 ? index + minutesPerDay : index);
        }
        return m_minute;
    }

    void arrive(double nowS)
    {
        const InstancePool::Served served = m_pool.serve(nowS, [this](bool cold) {
            return cold ? m_lifecycle.coldInitS + m_coldRun.draw(m_random)
                        : m_warm.draw(m_random);
        });
        const bool cold = served.outcome == InstancePool::Outcome::Cold;
        if (cold && m_window.levelBins > 0)
            m_serviceCount.addCold(nowS + served.runS);
        if (served.outcome == InstancePool::Outcome::Throttled)
            m_tally.throttledAll += 1;
        if (!counting(nowS))
            return;
        m_tally.arrivals += 1;
        if (m_window.perMinute)
            m_tally.arrivalsPerMinute[minuteIndex(nowS)] += 1;
        if (served.outcome == InstancePool::Outcome::Throttled) {
            m_tally.throttled += 1;
            if (m_window.perMinute)
                m_tally.throttledPerMinute[minuteIndex(nowS)] += 1;
            return;
        }
        if (cold) {
            m_tally.coldStarts += 1;
            m_tally.peakAlive = std::max(m_tally.peakAlive, double(m_pool.alive()));
        }
        m_tally.latency.add(served.runS);
        m_tally.batchServed[batchOf(nowS)] += 1;
    }

    /// The batch (stationary confidence interval) that holds timeS.
    std::size_t batchOf(double timeS) const
    {
        if (m_tally.batchServed.size() == 1)
            return 0;
        return std::min(m_tally.batchServed.size() - 1,
                        static_cast<std::size_t>((timeS - m_window.countStartS) / m_batchS));
    }

    const Lifecycle &m_lifecycle;
    const std::vector<double> &m_rates;
    Window m_window;
    SeededRandom m_random;
    RunTimeSampler m_warm;
    RunTimeSampler m_coldRun;
    InstancePool m_pool;
    ServiceCount m_serviceCount; ///< kept only with window.levelBins > 0
    double m_lastS = 0;
    double m_batchS = 1;
    double m_minuteStartS = 0; ///< the minute minuteIndex() found last
    double m_minuteEndS = 0;
    std::size_t m_minute = 0;
    Tally m_tally;
};

/// The share of served requests that start cold: expected cold starts / expected served ones
/// (Tally::coldExpected).
double coldShareOf(const Tally &tally)
{
    return tally.servedExpected > 0 ? std::min(1.0, tally.coldExpected / tally.servedExpected)
                                    : 0.0;
}

/// Student's t quantile for a two-sided 95% interval with `dof` degrees of freedom.
double studentT95(int dof)
{
    static constexpr double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                       2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                       2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                       2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (dof < 1)
        return never;
    if (dof <= 30)
        return table[dof - 1];
    const double z = 1.959964;
    return z + (z * z * z + z) / (4.0 * dof); // Cornish-Fisher, within 0.001 beyond 30
}

/// Half-width of the 95% confidence interval of Σcold / Σserved from independent samples
/// (batches or days; delta method for a ratio).
double ratioHalfWidth(const std::vector<double> &served, const std::vector<double> &cold,
                      double quantile)
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
    const double samples = static_cast<double>(served.size());
    const double variance = sumSquares * samples / (samples - 1) / (totalServed * totalServed);
    return quantile * std::sqrt(variance);
}

/// Half-width of the 95% confidence interval of the mean of independent samples.
double meanHalfWidth(const std::vector<double> &samples)
{
    const std::size_t n = samples.size();
    if (n < 2)
        return 0;
    double mean = 0;
    for (const double x : samples)
        mean += x / static_cast<double>(n);
    double sumSquares = 0;
    for (const double x : samples)
        sumSquares += (x - mean) * (x - mean);
    const double variance = sumSquares / static_cast<double>(n - 1);
    return studentT95(static_cast<int>(n) - 1) * std::sqrt(variance / static_cast<double>(n));
}

double meanOf(const std::vector<double> &samples)
{
    double sum = 0;
    for (const double x : samples)
        sum += x;
    return samples.empty() ? 0 : sum / static_cast<double>(samples.size());
}

/// Whether the hours of a simulated day are nearly independent samples: the pool's memory (a
/// keep-alive plus the tail of the run times) is at most half an hour, so hours two apart do
/// not share it (neighbouring hours' covariance is measured, see hourStrataSpread).
bool hoursAreIndependent(const Lifecycle &lifecycle)
{
    const double runS = std::max(lifecycle.warm.meanS, lifecycle.coldMeanS());
    return lifecycle.keepAliveS + 50.0 * runS <= 1800.0;
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

/// ∫_0^x P(R > u) du for the run time R: the mean of min(R, x).
double integratedSurvival(const RunTime &runTime, double x)
{
    const double mean = std::max(0.0, runTime.meanS);
    if (x <= 0 || mean <= 0)
        return 0;
    if (runTime.cv <= 1e-9)
        return std::min(x, mean);
    if (std::abs(runTime.cv - 1.0) < 1e-9)
        return -mean * std::expm1(-x / mean);
    // lognormal: x P(R > x) + E[R; R <= x], the latter mean Φ((ln x - μ - σ²) / σ)
    const double sigma = std::sqrt(std::log1p(runTime.cv * runTime.cv));
    const double mu = std::log(mean) - 0.5 * sigma * sigma;
    const double z = (std::log(x) - mu) / sigma;
    const double above = 0.5 * std::erfc(z / std::sqrt(2.0));
    const double partialMean = mean * 0.5 * std::erfc(-(z - sigma) / std::sqrt(2.0));
    return x * above + partialMean;
}

/// The exact distribution of ServiceCount over a whole simulated day (Window::levelLow,
/// levelBins): with Poisson arrivals and no throttling it is an M/G/∞ count, at time t Poisson
/// with mean m(t) = ∫ λ(t - u) P(R > u) du over the time since the warm-up began (the pool
/// starts empty there), whatever the run-time distribution. `tails` holds, per hour and level
/// bin b, E[∫_hour λ(t) 1{count(t) >= levelLow + b} dt]; bin 0 is the whole rate integral.
/// The time integral is a midpoint sum over seconds (m(t) is smooth within a minute's rate,
/// and the same at every second of a constant day, where the sum is exact).
struct ServiceCountMeans
{
    int levelLow = 0;
    int levelBins = 0;
    std::vector<double> tails; ///< hour x levelBins

    double tailOf(int hour, int bin) const
    {
        return tails[static_cast<std::size_t>(hour * levelBins + bin)];
    }
};

ServiceCountMeans serviceCountMeans(const RunTime &runTime, const std::vector<double> &rates,
                                    double warmUpS)
{
    const double meanRunS = std::max(0.0, runTime.meanS);
    // ∫ P(R > u) du up to (the middle of second s of a minute) + j minutes, for the minutes
    // back to the warm-up's start or until the rest of the run-time distribution is negligible
    const long warmUpMinutes = static_cast<long>(std::ceil(warmUpS / secondsPerMinute));
    const long spanMinutes = minutesPerDay + warmUpMinutes + 1;
    long minutesBack = 1;
    while (minutesBack < spanMinutes
           && meanRunS - integratedSurvival(runTime, secondsPerMinute * (minutesBack - 1))
               > 1e-13 * meanRunS)
        ++minutesBack;
    constexpr std::size_t secondsPerMinuteN = 60;
    std::vector<double> survival(secondsPerMinuteN * static_cast<std::size_t>(minutesBack + 1));
    for (std::size_t second = 0; second < secondsPerMinuteN; ++second)
        for (long j = 0; j <= minutesBack; ++j)
            survival[second * static_cast<std::size_t>(minutesBack + 1)
                     + static_cast<std::size_t>(j)] =
                integratedSurvival(runTime, static_cast<double>(second) + 0.5
                                                + secondsPerMinute * static_cast<double>(j));
    // the count's mean at the middle of each second of the day
    std::vector<double> meanAt(static_cast<std::size_t>(secondsPerDay));
    double lowest = never, highest = 0;
    for (std::size_t i = 0; i < meanAt.size(); ++i) {
        const double t = static_cast<double>(i) + 0.5;
        const std::size_t second = i % secondsPerMinuteN;
        const double *g = &survival[second * static_cast<std::size_t>(minutesBack + 1)];
        const long minuteNow = static_cast<long>(i / secondsPerMinuteN);
        double m = 0;
        for (long j = 0; j < minutesBack; ++j) { // minute minuteNow - j
            const long minute = minuteNow - j;
            const long index = ((minute % minutesPerDay) + minutesPerDay) % minutesPerDay;
            const double rate = rates[static_cast<std::size_t>(index)];
            const double nearS = j == 0 ? 0.0 : g[j - 1];
            if (minute * secondsPerMinute <= -warmUpS) { // the warm-up starts within it
                if (rate > 0)
                    m += rate * (integratedSurvival(runTime, t + warmUpS) - nearS);
                break;
            }
            if (rate > 0)
                m += rate * (g[j] - nearS);
        }
        meanAt[i] = m;
        lowest = std::min(lowest, m);
        highest = std::max(highest, m);
    }
    ServiceCountMeans means;
    means.levelLow = std::max(0, static_cast<int>(std::floor(lowest - 8 * std::sqrt(lowest) - 8)));
    const int top = static_cast<int>(std::ceil(highest + 10 * std::sqrt(highest) + 20));
    means.levelBins = top - means.levelLow + 1;
    const auto bins = static_cast<std::size_t>(means.levelBins);
    means.tails.assign(hoursPerDay * bins, 0.0);
    std::vector<double> tail(bins, 0.0), pmfs(bins, 0.0);
    double tailMean = -1;
    for (std::size_t i = 0; i < meanAt.size(); ++i) {
        const double m = meanAt[i];
        const double rate = rates[i / 60];
        if (rate <= 0)
            continue;
        if (m != tailMean) { // P(count >= levelLow + b), summed from the top down
            tailMean = m;
            if (m <= 0) {
                std::fill(tail.begin(), tail.end(), 0.0);
            } else {
                // the pmf from its mode outwards (no underflow where it matters)
                const int mode = std::clamp(static_cast<int>(m), means.levelLow, top);
                const std::size_t modeBin = static_cast<std::size_t>(mode - means.levelLow);
                pmfs[modeBin] = std::exp(mode * std::log(m) - m - std::lgamma(mode + 1.0));
                for (std::size_t b = modeBin + 1; b < bins; ++b)
                    pmfs[b] = pmfs[b - 1] * m / static_cast<double>(means.levelLow + b);
                for (std::size_t b = modeBin; b-- > 0;)
                    pmfs[b] = pmfs[b + 1] * static_cast<double>(means.levelLow + b + 1) / m;
                double cumulative = 0; // P(count > top)
                double p = pmfs[bins - 1];
                for (double k = top + 1.0; p > 0;) {
                    p *= m / k;
                    k += 1;
                    if (p <= 1e-17 * cumulative)
                        break;
                    cumulative += p;
                }
                for (std::size_t b = bins; b-- > 0;) {
                    cumulative += pmfs[b];
                    tail[b] = cumulative;
                }
            }
            tail[0] = 1.0;
        }
        double *hourTails = &means.tails[i / 3600 * bins];
        for (std::size_t b = 0; b < bins; ++b)
            hourTails[b] += rate * tail[b];
    }
    return means;
}

/// The control variate's exact means where its conditions hold (functiondetail::
/// controlVariateApplies; hour strata are checked by the caller): Poisson arrivals (always),
/// the same run-time distribution for warm and cold requests, no throttling (the limit beyond
/// every level the count reaches; checked per day as well).
std::optional<ServiceCountMeans> controlMeansOf(const Lifecycle &lifecycle,
                                                const std::vector<double> &rates)
{
    if (lifecycle.coldRun.meanS != lifecycle.warm.meanS || lifecycle.coldRun.cv != lifecycle.warm.cv)
        return std::nullopt;
    ServiceCountMeans means = serviceCountMeans(lifecycle.warm, rates, warmUpS(lifecycle));
    if (lifecycle.concurrencyLimit < means.levelLow + means.levelBins)
        return std::nullopt;
    return means;
}

/// One simulated day: its figures (per-day counts, averages, per-minute series) and latencies.
struct SimulatedDay
{
    FunctionDayResult figures;  ///< latencyMs and simulation stay empty
    LatencyHistogram latency;
    double simulatedRequests = 0;   ///< really simulated (a sampled day interpolates the rest)
    double simulatedColdStarts = 0;
    std::vector<double> servedPerMinute; ///< whole days only (a sampled day leaves it empty)
    std::vector<double> levelRate;       ///< Tally::levelRate (whole days with a control)
    bool throttled = false;              ///< any request throttled, warm-up included
};

SimulatedDay wholeDayOf(Tally &&tally)
{
    SimulatedDay day;
    FunctionDayResult &result = day.figures;
    result.invocationsPerDay = tally.arrivals;
    // P(cold) is the ratio of the expected counts; the cold starts are that share of the
    // requests served, spread over the minutes as the expected ones are.
    const double served = tally.arrivals - tally.throttled;
    result.coldStartProbability = coldShareOf(tally);
    result.coldStartsPerDay = result.coldStartProbability * served;
    const double perExpected = tally.coldExpected > 0 ? result.coldStartsPerDay / tally.coldExpected
                                                      : 0.0;
    result.throttledPerDay = tally.throttled;
    result.throttledFraction = tally.arrivals > 0 ? tally.throttled / tally.arrivals : 0;
    result.instances.avgBusy = tally.busyArea / secondsPerDay;
    result.instances.avgAlive = tally.aliveArea / secondsPerDay;
    result.instances.peak = tally.peakAlive;
    result.alivePerMinute.resize(minutesPerDay);
    result.busyPerMinute.resize(minutesPerDay);
    result.coldStartsPerMinute.resize(minutesPerDay);
    for (std::size_t i = 0; i < minutesPerDay; ++i) {
        result.alivePerMinute[i] = tally.alivePerMinute[i] / secondsPerMinute;
        result.busyPerMinute[i] = tally.busyPerMinute[i] / secondsPerMinute;
        result.coldStartsPerMinute[i] = tally.coldPerMinute[i] * perExpected / secondsPerMinute;
    }
    result.simulatedEvents = tally.events;
    day.servedPerMinute.resize(minutesPerDay);
    for (std::size_t i = 0; i < minutesPerDay; ++i)
        day.servedPerMinute[i] = tally.arrivalsPerMinute[i] - tally.throttledPerMinute[i];
    day.latency = std::move(tally.latency);
    day.simulatedRequests = tally.arrivals;
    day.simulatedColdStarts = tally.coldStarts;
    day.levelRate = std::move(tally.levelRate);
    day.throttled = tally.throttledAll > 0;
    return day;
}

SimulatedDay simulateWholeDay(const Lifecycle &lifecycle, const std::vector<double> &rates,
                              std::uint64_t seed, const ServiceCountMeans *control)
{
    Window window;
    window.startS = -warmUpS(lifecycle);
    window.countStartS = 0;
    window.countEndS = secondsPerDay;
    window.perMinute = true;
    if (control) {
        window.levelLow = control->levelLow;
        window.levelBins = control->levelBins;
    }
    return wholeDayOf(LifecycleRun(lifecycle, rates, window, seed).run());
}

/// A day too busy to simulate every request is sampled in blocks of minutes.
struct BlockPlan
{
    static constexpr int blockMinutes = 5;
    int blocks = 0;       ///< evenly spaced blocks per day; 0: not even one fits the bound
    double warmUpS = 0;   ///< before each block
    int firstMinute(int block) const { return block * minutesPerDay / blocks; }
};

BlockPlan blockPlanOf(const Lifecycle &lifecycle, const std::vector<double> &rates)
{
    BlockPlan plan;
    const double runS = std::max(lifecycle.warm.meanS, lifecycle.coldMeanS());
    plan.warmUpS = std::min(secondsPerDay, lifecycle.keepAliveS + 20.0 * runS + 60);
    for (int candidate : {144, 96, 72, 48, 36, 24, 18, 12, 8, 6, 4, 3, 2, 1}) {
        plan.blocks = candidate;
        double cost = 0;
        for (int b = 0; b < candidate; ++b) {
            const double startS = plan.firstMinute(b) * secondsPerMinute;
            cost += expectedArrivals(rates, startS - plan.warmUpS,
                                     startS + BlockPlan::blockMinutes * secondsPerMinute);
        }
        if (cost <= functiondetail::maxSimulatedArrivals)
            return plan;
    }
    plan.blocks = 0;
    return plan;
}

/// Simulates the plan's blocks, each after its own warm-up, and interpolates linearly between
/// them round the repeating day.
SimulatedDay simulateSampledDay(const Lifecycle &lifecycle, const std::vector<double> &rates,
                                const BlockPlan &plan, std::uint64_t seed, int dayIndex)
{
    std::vector<int> anchorMinutes;
    std::vector<double> anchorAlive, anchorBusy, anchorCold, anchorThrottled;
    SimulatedDay day;
    double peak = 0;
    double events = 0;
    for (int b = 0; b < plan.blocks; ++b) {
        const int first = plan.firstMinute(b);
        Window window;
        window.countStartS = first * secondsPerMinute;
        window.countEndS = (first + BlockPlan::blockMinutes) * secondsPerMinute;
        window.startS = window.countStartS - plan.warmUpS;
        window.perMinute = true;
        const Tally tally =
            LifecycleRun(lifecycle, rates, window, streamSeed(seed, dayIndex, b + 1)).run();
        const double coldShare = coldShareOf(tally);
        const double throttledShare = tally.arrivals > 0 ? tally.throttled / tally.arrivals : 0;
        for (int m = first; m < first + BlockPlan::blockMinutes; ++m) {
            anchorMinutes.push_back(m);
            anchorAlive.push_back(tally.alivePerMinute[m] / secondsPerMinute);
            anchorBusy.push_back(tally.busyPerMinute[m] / secondsPerMinute);
            anchorCold.push_back(coldShare);
            anchorThrottled.push_back(throttledShare);
        }
        day.latency.merge(tally.latency);
        day.simulatedRequests += tally.arrivals;
        day.simulatedColdStarts += tally.coldStarts;
        peak = std::max(peak, tally.peakAlive);
        events += tally.events;
    }

    FunctionDayResult &result = day.figures;
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
    result.simulatedEvents = events;
    return day;
}

using HourSums = std::array<double, hoursPerDay>;

/// Sums of a per-minute series over each hour of the day (scaled by `scale`).
HourSums hourSumsOf(const std::vector<double> &perMinute, double scale)
{
    HourSums sums{};
    for (std::size_t m = 0; m < perMinute.size() && m < minutesPerDay; ++m)
        sums[m / 60] += perMinute[m] * scale;
    return sums;
}

/// The variance of the mean over days of a day's total, Σ over the hours, and its degrees of
/// freedom, from hour strata: per hour, the spread of that hour between the days (which leaves
/// out the differences between hours of the day), plus the covariance of neighbouring hours
/// (the pool carries a keep-alive's memory over the hour's end; hours two apart are taken as
/// independent). With n days that is about 24 (n - 1) degrees of freedom instead of n - 1, so
/// two days already give an interval. A negative covariance sum (by chance or by the pool's
/// carry-over) may shrink the variance to half the hours' own, not further.
struct Spread
{
    double variance = 0;
    double dof = 0;
};
Spread hourStrataSpread(const std::vector<HourSums> &days)
{
    const std::size_t n = days.size();
    if (n < 2)
        return {};
    HourSums mean{};
    for (const HourSums &day : days)
        for (int h = 0; h < hoursPerDay; ++h)
            mean[h] += day[h] / static_cast<double>(n);
    double own = 0, neighbours = 0, ownSquares = 0;
    for (int h = 0; h < hoursPerDay; ++h) {
        double variance = 0, covariance = 0;
        for (const HourSums &day : days) {
            variance += (day[h] - mean[h]) * (day[h] - mean[h]);
            if (h + 1 < hoursPerDay)
                covariance += (day[h] - mean[h]) * (day[h + 1] - mean[h + 1]);
        }
        variance /= static_cast<double>(n - 1);
        own += variance;
        ownSquares += variance * variance;
        neighbours += covariance / static_cast<double>(n - 1);
    }
    const double total = std::max(own + 2.0 * neighbours, 0.5 * own);
    const double dof = ownSquares > 0 ? own * own / (ownSquares / static_cast<double>(n - 1))
                                      : static_cast<double>(n - 1);
    return {total / static_cast<double>(n), dof};
}

/// The independent days simulated so far: their means, and how precise those are. With
/// `hourStrata` (whole days whose keep-alive memory is short against an hour) the intervals
/// of P(cold), alive and busy come from hour strata (hourStrataSpread), otherwise from the
/// spread between days.
class DayReplications
{
public:
    /// `control`: the exact means of the control variate, for whole days with hour strata only
    DayReplications(bool hourStrata, const ServiceCountMeans *control)
        : m_hourStrata(hourStrata), m_control(hourStrata ? control : nullptr)
    {
    }

    int count() const { return static_cast<int>(m_alive.size()); }

    void add(SimulatedDay &&day)
    {
        const FunctionDayResult &f = day.figures;
        if (m_days.alivePerMinute.empty()) {
            m_days.alivePerMinute.assign(minutesPerDay, 0.0);
            m_days.busyPerMinute.assign(minutesPerDay, 0.0);
            m_days.coldStartsPerMinute.assign(minutesPerDay, 0.0);
        }
        for (std::size_t m = 0; m < minutesPerDay; ++m) {
            m_days.alivePerMinute[m] += f.alivePerMinute[m];
            m_days.busyPerMinute[m] += f.busyPerMinute[m];
            m_days.coldStartsPerMinute[m] += f.coldStartsPerMinute[m];
        }
        m_days.invocationsPerDay += f.invocationsPerDay;
        m_days.coldStartsPerDay += f.coldStartsPerDay;
        m_days.throttledPerDay += f.throttledPerDay;
        m_days.simulatedEvents += f.simulatedEvents;
        m_served.push_back(f.invocationsPerDay - f.throttledPerDay);
        m_cold.push_back(f.coldStartsPerDay);
        m_alive.push_back(f.instances.avgAlive);
        m_busy.push_back(f.instances.avgBusy);
        m_peak.push_back(f.instances.peak);
        m_latency.merge(day.latency);
        m_requests += day.simulatedRequests;
        m_coldStarts += day.simulatedColdStarts;
        if (day.servedPerMinute.size() != minutesPerDay)
            m_hourStrata = false;
        if (m_control
            && (day.throttled
                || day.levelRate.size() != static_cast<std::size_t>(hoursPerDay
                                                                    * m_control->levelBins)))
            m_control = nullptr; // its mean is exact only without throttling
        if (m_control)
            m_hourLevels.push_back(std::move(day.levelRate));
        if (m_hourStrata) {
            m_hourServed.push_back(hourSumsOf(day.servedPerMinute, 1.0));
            m_hourCold.push_back(hourSumsOf(f.coldStartsPerMinute, secondsPerMinute));
            m_hourAlive.push_back(hourSumsOf(f.alivePerMinute, 1.0 / minutesPerDay));
            m_hourBusy.push_back(hourSumsOf(f.busyPerMinute, 1.0 / minutesPerDay));
        }
    }

    /// Whether the 95% CIs of P(cold), average alive and average busy are within ±relative
    /// of their means. P(cold) is exempt when a day holds fewer than one cold start on average:
    /// a relative bound on it would then take thousands of days and tell nothing more.
    bool isPrecise(double relative) const
    {
        if (count() < 2)
            return false;
        auto narrow = [relative](double halfWidth, double mean) {
            return halfWidth <= relative * std::abs(mean);
        };
        const ColdEstimate cold = coldEstimate();
        const bool coldPrecise = meanOf(m_cold) < 1.0 || narrow(cold.halfWidth, cold.probability);
        return coldPrecise && narrow(aliveHalfWidth(), meanOf(m_alive))
            && narrow(busyHalfWidth(), meanOf(m_busy));
    }

    FunctionDayResult result(double relative) const
    {
        const double days = std::max(1, count());
        FunctionDayResult result;
        result.invocationsPerDay = m_days.invocationsPerDay / days;
        const ColdEstimate cold = coldEstimate();
        // the control variate's correction moves the cold starts with P(cold)
        const double ratio = ratioOfSums();
        const double coldScale = ratio > 0 ? cold.probability / ratio : 1.0;
        result.coldStartsPerDay = m_days.coldStartsPerDay * coldScale / days;
        result.throttledPerDay = m_days.throttledPerDay / days;
        result.coldStartProbability = cold.probability;
        result.throttledFraction = m_days.invocationsPerDay > 0
            ? m_days.throttledPerDay / m_days.invocationsPerDay : 0;
        result.instances = {meanOf(m_busy), meanOf(m_alive), meanOf(m_peak)};
        result.latencyMs = {1000.0 * m_latency.quantileS(0.50), 1000.0 * m_latency.quantileS(0.95),
                            1000.0 * m_latency.quantileS(0.99)};
        for (auto [from, to] : {std::pair{&m_days.alivePerMinute, &result.alivePerMinute},
                                {&m_days.busyPerMinute, &result.busyPerMinute},
                                {&m_days.coldStartsPerMinute, &result.coldStartsPerMinute}}) {
            to->resize(from->size());
            for (std::size_t m = 0; m < from->size(); ++m)
                (*to)[m] = (*from)[m] / days;
        }
        for (double &perMinute : result.coldStartsPerMinute)
            perMinute *= coldScale;
        result.simulatedEvents = m_days.simulatedEvents;

        SimulationStats &stats = result.simulation;
        stats.days = count();
        stats.requests = m_requests;
        stats.coldStarts = m_coldStarts;
        stats.precise = isPrecise(relative);
        stats.hasIntervals = count() >= 2;
        if (stats.hasIntervals) {
            auto around = [](double mean, double halfWidth) {
                return Interval{std::max(0.0, mean - halfWidth), mean + halfWidth};
            };
            stats.coldStartProbability = around(result.coldStartProbability, cold.halfWidth);
            stats.coldStartProbability.hi = std::min(1.0, stats.coldStartProbability.hi);
            stats.avgAlive = around(result.instances.avgAlive, aliveHalfWidth());
            stats.avgBusy = around(result.instances.avgBusy, busyHalfWidth());
            stats.peak = around(result.instances.peak, meanHalfWidth(m_peak));
        }
        return result;
    }

private:
    /// P(cold) and the half-width of its 95% interval.
    struct ColdEstimate
    {
        double probability = 0;
        double halfWidth = 0;
    };

    /// From hour strata: the ratio's residuals cold - P(cold) x served per hour (delta method),
    /// less the control variate where there is one (controlledCold). Otherwise from the spread
    /// between days, but never below the Poisson bound of the cold starts counted: they are at
    /// least as variable as independent events (clusters add to it), and a spread measured on
    /// a few days can be small by chance. (With hour strata the spread has dozens of degrees of
    /// freedom, and the expected cold starts of the path vary less than a Poisson count, so the
    /// bound does not apply.)
    ColdEstimate coldEstimate() const
    {
        const double ratio = ratioOfSums();
        if (m_hourStrata && count() >= 2) {
            std::vector<HourSums> residuals(m_hourCold.size());
            for (std::size_t d = 0; d < residuals.size(); ++d)
                for (int h = 0; h < hoursPerDay; ++h)
                    residuals[d][h] = m_hourCold[d][h] - ratio * m_hourServed[d][h];
            const double servedPerDay = meanOf(m_served);
            if (servedPerDay <= 0)
                return {ratio, 0.0};
            double probability = ratio;
            if (m_control)
                probability = controlledCold(residuals, ratio);
            const Spread spread = hourStrataSpread(residuals);
            return {probability,
                    studentT95(static_cast<int>(spread.dof)) * std::sqrt(spread.variance)
                        / servedPerDay};
        }
        const double poisson = m_coldStarts > 0 ? ratio * 1.96 / std::sqrt(m_coldStarts) : 0.0;
        return {ratio,
                std::max(ratioHalfWidth(m_served, m_cold, studentT95(count() - 1)), poisson)};
    }

    /// The control variate (FUNCTIONS.md "Precision"): per day and hour, c = the arrival rate
    /// integrated over the time ServiceCount was at least k_h, less its exact mean, where k_h is
    /// the hour's mean count of instances alive (rounded up: cold starts come when the requests
    /// in service reach the instances alive). Regression estimator: beta from the residuals'
    /// and the control's covariance within the hours, P(cold) corrected by
    /// -beta Σc / Σserved; the residuals become r - beta c (and the ratio's share moves by the
    /// correction). Returns the corrected P(cold); `residuals` are replaced.
    double controlledCold(std::vector<HourSums> &residuals, double ratio) const
    {
        const std::size_t days = residuals.size();
        std::vector<HourSums> control(days);
        for (int h = 0; h < hoursPerDay; ++h) {
            double alive = 0; // hour mean over the days: hourSumsOf scaled by 1 / minutesPerDay
            for (const HourSums &day : m_hourAlive)
                alive += day[h] * hoursPerDay / static_cast<double>(days);
            const int bin = std::clamp(static_cast<int>(std::ceil(alive)) - m_control->levelLow,
                                       1, m_control->levelBins - 1);
            const auto bins = static_cast<std::size_t>(m_control->levelBins);
            for (std::size_t d = 0; d < days; ++d) {
                double sum = 0;
                for (std::size_t b = static_cast<std::size_t>(bin); b < bins; ++b)
                    sum += m_hourLevels[d][static_cast<std::size_t>(h) * bins + b];
                control[d][h] = sum - m_control->tailOf(h, bin);
            }
        }
        // two regressors: the hour's control and the previous hour's (its excursions leave
        // instances alive that absorb this hour's); the lag of hour 0 is the warm-up's, not
        // recorded: 0, its mean
        std::vector<HourSums> lagged(days);
        for (std::size_t d = 0; d < days; ++d)
            for (int h = 1; h < hoursPerDay; ++h)
                lagged[d][h] = control[d][h - 1];
        const std::array<const std::vector<HourSums> *, 2> regressors{&control, &lagged};
        double xx[2][2] = {}, xy[2] = {}, sums[2] = {}, servedSum = 0;
        for (int h = 0; h < hoursPerDay; ++h) {
            double meanR = 0, meanX[2] = {};
            for (std::size_t d = 0; d < days; ++d) {
                meanR += residuals[d][h] / static_cast<double>(days);
                for (int i = 0; i < 2; ++i)
                    meanX[i] += (*regressors[i])[d][h] / static_cast<double>(days);
            }
            for (std::size_t d = 0; d < days; ++d) {
                double x[2];
                for (int i = 0; i < 2; ++i) {
                    x[i] = (*regressors[i])[d][h] - meanX[i];
                    sums[i] += (*regressors[i])[d][h];
                }
                for (int i = 0; i < 2; ++i) {
                    xy[i] += x[i] * (residuals[d][h] - meanR);
                    for (int j = 0; j < 2; ++j)
                        xx[i][j] += x[i] * x[j];
                }
                servedSum += m_hourServed[d][h];
            }
        }
        const double determinant = xx[0][0] * xx[1][1] - xx[0][1] * xx[1][0];
        if (!(determinant > 1e-12 * xx[0][0] * xx[1][1]) || servedSum <= 0)
            return ratio;
        const double beta[2] = {(xx[1][1] * xy[0] - xx[0][1] * xy[1]) / determinant,
                                (xx[0][0] * xy[1] - xx[1][0] * xy[0]) / determinant};
        const double probability =
            std::max(0.0, ratio - (beta[0] * sums[0] + beta[1] * sums[1]) / servedSum);
        for (std::size_t d = 0; d < days; ++d)
            for (int h = 0; h < hoursPerDay; ++h)
                residuals[d][h] += (ratio - probability) * m_hourServed[d][h]
                    - beta[0] * control[d][h] - beta[1] * lagged[d][h];
        return probability;
    }

    double aliveHalfWidth() const { return instancesHalfWidth(m_hourAlive, m_alive); }
    double busyHalfWidth() const { return instancesHalfWidth(m_hourBusy, m_busy); }
    double instancesHalfWidth(const std::vector<HourSums> &hours,
                              const std::vector<double> &days) const
    {
        if (!m_hourStrata || count() < 2)
            return meanHalfWidth(days);
        const Spread spread = hourStrataSpread(hours);
        return studentT95(static_cast<int>(spread.dof)) * std::sqrt(spread.variance);
    }

    /// Σcold / Σserved over the days.
    double ratioOfSums() const
    {
        double served = 0;
        double cold = 0;
        for (std::size_t i = 0; i < m_served.size(); ++i) {
            served += m_served[i];
            cold += m_cold[i];
        }
        return served > 0 ? cold / served : 0;
    }

    /// Per day and hour: the control for threshold bin `bin` less its exact mean.
    std::vector<HourSums> controlDeviations(int bin) const
    {
        const auto bins = static_cast<std::size_t>(m_control->levelBins);
        std::vector<HourSums> deviations(m_hourLevels.size());
        for (std::size_t d = 0; d < deviations.size(); ++d)
            for (int h = 0; h < hoursPerDay; ++h) {
                double sum = 0;
                for (std::size_t b = static_cast<std::size_t>(bin); b < bins; ++b)
                    sum += m_hourLevels[d][static_cast<std::size_t>(h) * bins + b];
                deviations[d][h] = sum - m_control->tailOf(h, bin);
            }
        return deviations;
    }

    FunctionDayResult m_days; ///< sums over the days
    std::vector<double> m_served, m_cold, m_alive, m_busy, m_peak; ///< one entry per day
    bool m_hourStrata;
    const ServiceCountMeans *m_control; ///< null: no control variate
    std::vector<std::vector<double>> m_hourLevels; ///< per day: SimulatedDay::levelRate
    std::vector<HourSums> m_hourServed, m_hourCold, m_hourAlive, m_hourBusy; ///< per day
    LatencyHistogram m_latency;
    double m_requests = 0;
    double m_coldStarts = 0;
};

std::string formatted(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace

namespace functiondetail {

std::vector<ScriptedService> replayScriptedRequests(const Lifecycle &lifecycle,
                                                    const std::vector<ScriptedRequest> &requests)
{
    InstancePool pool(lifecycle.concurrencyLimit, lifecycle.provisioned, lifecycle.keepAliveS);
    std::vector<ScriptedService> services;
    services.reserve(requests.size());
    for (const ScriptedRequest &request : requests) {
        for (;;) { // what happens before the arrival, in time order (expiries first on ties)
            const double departureS = pool.nextDepartureS();
            const double expiryS = pool.nextExpiryS();
            if (expiryS <= departureS && expiryS <= request.arrivalS)
                pool.expireNext();
            else if (departureS <= request.arrivalS)
                pool.departNext();
            else
                break;
        }
        const InstancePool::Served served = pool.serve(request.arrivalS, [&](bool cold) {
            return (cold ? lifecycle.coldInitS : 0.0) + std::max(0.0, request.runS);
        });
        services.push_back({static_cast<int>(served.instance),
                            served.outcome == InstancePool::Outcome::Cold});
    }
    return services;
}

ServiceCountCheck checkServiceCount(const Lifecycle &lifecycle,
                                    const std::vector<double> &ratePerMinuteRps,
                                    std::uint64_t seed, int days)
{
    const std::vector<double> rates = normalizedRates(ratePerMinuteRps);
    const ServiceCountMeans means = serviceCountMeans(lifecycle.warm, rates, warmUpS(lifecycle));
    const auto bins = static_cast<std::size_t>(means.levelBins);
    ServiceCountCheck check;
    check.levelLow = means.levelLow;
    check.exactPerDay.assign(bins, 0.0);
    for (int h = 0; h < hoursPerDay; ++h)
        for (std::size_t b = 0; b < bins; ++b)
            check.exactPerDay[b] += means.tailOf(h, static_cast<int>(b));
    std::vector<double> sums(bins, 0.0), squares(bins, 0.0);
    for (int d = 0; d < days; ++d) {
        const SimulatedDay day = simulateWholeDay(lifecycle, rates, streamSeed(seed, d, 0), &means);
        std::vector<double> tails(bins, 0.0);
        for (int h = 0; h < hoursPerDay; ++h)
            for (std::size_t b = 0; b < bins; ++b)
                tails[b] += day.levelRate[static_cast<std::size_t>(h) * bins + b];
        for (std::size_t b = bins - 1; b-- > 0;)
            tails[b] += tails[b + 1];
        for (std::size_t b = 0; b < bins; ++b) {
            sums[b] += tails[b];
            squares[b] += tails[b] * tails[b];
        }
    }
    check.simulatedPerDay.resize(bins);
    check.standardError.resize(bins);
    for (std::size_t b = 0; b < bins; ++b) {
        const double mean = sums[b] / days;
        const double variance = days > 1 ? std::max(0.0, squares[b] - days * mean * mean) / (days - 1)
                                         : 0.0;
        check.simulatedPerDay[b] = mean;
        check.standardError[b] = std::sqrt(variance / days);
    }
    return check;
}

bool controlVariateApplies(const Lifecycle &lifecycle, const std::vector<double> &ratePerMinuteRps)
{
    const std::vector<double> rates = normalizedRates(ratePerMinuteRps);
    const double dayArrivals = expectedArrivals(rates, -warmUpS(lifecycle), secondsPerDay);
    return dayArrivals <= maxSimulatedArrivals && hoursAreIndependent(lifecycle)
        && controlMeansOf(lifecycle, rates).has_value();
}

} // namespace functiondetail

FunctionDayResult simulateFunctionDay(const FunctionConfig &config,
                                      const std::vector<double> &ratePerMinuteRps,
                                      std::uint64_t seed, const SimulationBudget &budget)
{
    const Lifecycle lifecycle = lifecycleOf(config);
    const std::vector<double> rates = normalizedRates(ratePerMinuteRps);
    const double dayArrivals = expectedArrivals(rates, -warmUpS(lifecycle), secondsPerDay);
    const bool sampled = dayArrivals > functiondetail::maxSimulatedArrivals;
    const BlockPlan plan = sampled ? blockPlanOf(lifecycle, rates) : BlockPlan{};
    std::ostringstream note;
    if (sampled)
        note << "rate too high to simulate every request: about " << std::llround(dayArrivals)
             << " requests a day (warm-up included) exceed the bound of "
             << std::llround(functiondetail::maxSimulatedArrivals) << "; ";
    if (sampled && plan.blocks == 0) {
        FunctionDayResult result = analyzeFunctionDay(config, rates);
        result.simulation = {};
        result.simulation.sampled = true;
        note << "even one simulated block is too many, so the analytic figures are reported";
        result.note = note.str();
        return result;
    }

    const bool hourStrata = !sampled && hoursAreIndependent(lifecycle);
    const std::optional<ServiceCountMeans> control =
        hourStrata ? controlMeansOf(lifecycle, rates) : std::nullopt;
    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    auto simulateDay = [&](int day) {
        return sampled ? simulateSampledDay(lifecycle, rates, plan, seed, day)
                       : simulateWholeDay(lifecycle, rates, streamSeed(seed, day, 0),
                                          control ? &*control : nullptr);
    };
    // Days run in waves, one per core (at most two), the first wave too: the intervals need
    // two days, so on two cores the second costs no wait. They are added in day order and the
    // stopping rule is checked after each one, so the figures do not depend on the wave size.
    const int wave = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 2);
    DayReplications days(hourStrata, control ? &*control : nullptr);
    int waves = 0;
    const int maxDays = std::max(1, budget.maxDays);
    bool outOfTime = false;
    while (days.count() < maxDays && !days.isPrecise(budget.relativePrecision)) {
        const int first = days.count();
        const int size = std::min(wave, maxDays - first);
        if (first > 0) { // start more days only if, at the pace so far, they end in time
            const double elapsedS = std::chrono::duration<double>(Clock::now() - started).count();
            const double perWaveS = elapsedS / waves;
            if (elapsedS + perWaveS > budget.maxSeconds) {
                outOfTime = true;
                break;
            }
        }
        std::vector<std::future<SimulatedDay>> others;
        for (int day = first + 1; day < first + size; ++day)
            others.push_back(std::async(std::launch::async, simulateDay, day));
        days.add(simulateDay(first));
        for (std::future<SimulatedDay> &other : others) {
            SimulatedDay day = other.get();
            if (!days.isPrecise(budget.relativePrecision))
                days.add(std::move(day));
        }
        ++waves;
    }
    FunctionDayResult result = days.result(budget.relativePrecision);
    result.simulation.sampled = sampled;
    if (sampled)
        note << "each day simulates " << plan.blocks << " blocks of " << BlockPlan::blockMinutes
             << " minutes (each after a " << std::llround(plan.warmUpS)
             << " s warm-up) and interpolates between them";
    if (outOfTime && !result.simulation.precise)
        note << (sampled ? "; " : "") << "the time budget of " << formatted(budget.maxSeconds)
             << " s ended the simulation after " << days.count()
             << (days.count() == 1 ? " day" : " days") << ", before the 95% intervals were within ±"
             << formatted(100 * budget.relativePrecision) << "%";
    result.note = note.str();
    return result;
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
    result.coldStartProbability = coldShareOf(tally);
    result.throttledFraction = tally.arrivals > 0 ? tally.throttled / tally.arrivals : 0;
    result.avgAlive = tally.aliveArea / countedS;
    result.avgBusy = tally.busyArea / countedS;
    result.confidence = ratioHalfWidth(tally.batchServedExpected, tally.batchCold, 1.96);
    return result;
}

} // namespace skyline
