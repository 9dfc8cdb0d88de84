// Analytic model of the function lifecycle (DESIGN.md §3 "Functions"); the method and its
// justification are in FUNCTIONS.md. In short: the busy instances B(t) follow an M/G/inf
// process truncated at the concurrency limit (Poisson levels), and with most-recently-idle
// reuse the instances alive at t are about the maximum of B over the last keep-alive window.
// A request starts cold when B is at that window maximum. Both follow from the rate at which
// B first crosses each level n upwards (clusters of quick re-crossings counted once).

#include "engine/FunctionDetail.h"
#include "engine/FunctionModel.h"
#include "engine/RunTimeDistribution.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>
#include <limits>

namespace skyline {

using functiondetail::expOfMinus;
using functiondetail::Lifecycle;
using functiondetail::RunTime;

namespace {

constexpr double secondsPerMinute = 60.0;
constexpr double minutesPerDayD = minutesPerDay;
/// Largest crossing intensity kept per minute: beyond it exp(-x) is 0 anyway, and keeping
/// prefix sums small keeps their differences exact.
constexpr double maxCrossingsPerMinute = 1e4;
/// A level crossed this often in every keep-alive window is alive for sure: exp(-40) < 5e-18.
constexpr double saturatedCrossings = 40.0;
/// Poisson terms smaller than this share of the mode are treated as zero.
constexpr double negligibleShare = 1e-10;

/// The levels n (instances) the model tracks: groups of `stride` consecutive levels from
/// `first` to `last` (inclusive), each represented by its middle level.
struct LevelGrid
{
    int first = 0;
    int last = -1;
    int stride = 1;

    int count() const { return last < first ? 0 : (last - first) / stride + 1; }
    int representative(int k) const
    {
        if (stride == 1)
            return first + k;
        const int begin = first + k * stride;
        const int end = std::min(last, begin + stride - 1);
        return (begin + end) / 2;
    }
    double weight(int k) const
    {
        if (stride == 1)
            return 1.0;
        const int begin = first + k * stride;
        return std::min(last, begin + stride - 1) - begin + 1;
    }
};

/// A storm's peak in the simulation, against the fluid model's (stormColdStarts), in units of
/// sqrt(requests of one init time): on average that much higher (the requests come at random,
/// and a storm goes on as long as the idle instances run out now and then), and spread by
/// that much from storm to storm. Fitted to the simulation (FUNCTIONS.md, "Steps").
constexpr double stormAboveFluid = 0.8;
constexpr double stormSpread = 0.65;

/// A cold-start storm: the expected count of instances alive at its peak, and its spread.
struct Storm
{
    double peak = 0;
    double spread = 0;
};

/// Makes `values` hold at least `size` entries, never fewer: the day's tables are reused by
/// functions of different widths, and shrinking then growing again would zero megabytes.
template <typename T>
void growTo(std::vector<T> &values, std::size_t size)
{
    if (values.size() < size)
        values.resize(size);
}

/// Per-level figures of stationary stretches (the minutes of the day, or the stationary case):
/// row r, level k at [r * width + k]. Flat, so a day costs a handful of allocations.
struct LevelTable
{
    std::size_t width = 0;
    std::vector<double> throttled;   ///< P(B = limit): Erlang B, per row
    std::vector<double> busyMean;    ///< mean of the truncated Poisson, per row
    std::vector<double> load;        ///< the Poisson's mean (before truncation), per row
    /// Per row, the levels that carry anything: [activeLow, activeHigh). Below, the level is
    /// saturated: crossed so often (or at the cap, cdf 0) that any keep-alive window holds at
    /// least saturatedCrossings first crossings, so it is alive for sure and starts nothing
    /// cold. From activeHigh on, cdf 1 and no crossings.
    std::vector<int> activeLow, activeHigh;
    std::vector<double> crossRate;   ///< first up-crossings of n per second, given B <= n
    std::vector<double> coldWeight;  ///< P(B = n) * P(not a quick re-crossing)
    std::vector<double> cdf;         ///< P(B <= n)
    std::vector<double> scratchLow;  ///< Poisson terms of the row being filled below its mode

    LevelTable() = default;
    LevelTable(std::size_t rows, const LevelGrid &grid) { reset(rows, grid); }

    /// Sizes the table for `rows` rows, reusing its memory (no page faults on repeat calls).
    /// The contents are left as they were: fillRow() writes every entry of its row.
    void reset(std::size_t rows, const LevelGrid &grid)
    {
        width = static_cast<std::size_t>(grid.count());
        throttled.resize(rows);
        busyMean.resize(rows);
        load.resize(rows);
        activeLow.resize(rows);
        activeHigh.resize(rows);
        growTo(crossRate, rows * width);
        growTo(coldWeight, rows * width);
        growTo(cdf, rows * width);
    }
};

/// The mode of the Poisson(load) truncated at `limit`. Clamped before the conversion: a load
/// beyond the int range (fan-out that multiplies the traffic) must not overflow it.
int modeLevel(double load, int limit)
{
    if (std::isnan(load))
        return 0;
    return static_cast<int>(std::floor(std::clamp(load, 0.0, static_cast<double>(limit))));
}

/// Support [low, high] of the Poisson(load) truncated at `limit`: the levels whose term is
/// at least negligibleShare of the mode's (found by walking the term ratios, no factorials).
void poissonSupport(double load, int limit, int &low, int &high, int &mode)
{
    mode = modeLevel(load, limit);
    high = mode;
    for (double term = 1.0; high < limit; ++high) {
        term *= load / (high + 1);
        if (term < negligibleShare)
            break;
    }
    low = mode;
    for (double term = 1.0; low > 0 && load > 0; --low) {
        term *= low / load;
        if (term < negligibleShare)
            break;
    }
}

/// exp(-x) for x >= 0, the chance that a level is not newly reached during x expected first
/// crossings (about 1e-304 from x = 700 on). Branch-free, so that its loops vectorise.
inline double quietShare(double x)
{
    return expOfMinus(std::min(std::max(x, 0.0), 700.0));
}

/// 1/n for n < count (entry 0 unused), grown in `inverse` as needed. The Poisson terms and the
/// scale function are chains of steps by load / n; multiplying by a stored inverse is several
/// times faster than dividing.
const double *inverseIntegers(std::vector<double> &inverse, std::size_t count)
{
    if (inverse.empty())
        inverse.push_back(0.0);
    if (inverse.size() < count) {
        inverse.reserve(count);
        for (std::size_t n = inverse.size(); n < count; ++n)
            inverse.push_back(1.0 / static_cast<double>(n));
    }
    return inverse.data();
}

/// Fills row `rowIndex` for a minute of rate `rateRps` and busy load `load`. Levels crossed
/// at least `saturatedRatePerS` times a second count as saturated (see activeLow). `inverse`
/// holds the inverseIntegers.
void fillRow(LevelTable &table, std::size_t rowIndex, double rateRps, double load, int limit,
             const LevelGrid &grid, double saturatedRatePerS, std::vector<double> &inverseTable)
{
    const int levels = grid.count();
    double *crossRate = table.crossRate.data() + rowIndex * table.width;
    double *coldWeight = table.coldWeight.data() + rowIndex * table.width;
    double *cdf = table.cdf.data() + rowIndex * table.width;
    table.load[rowIndex] = load;
    if (limit <= 0) {
        table.throttled[rowIndex] = rateRps > 0 ? 1.0 : 0.0;
        table.busyMean[rowIndex] = 0.0;
        std::fill_n(crossRate, levels, 0.0);
        std::fill_n(coldWeight, levels, 0.0);
        std::fill_n(cdf, levels, 1.0);
        table.activeLow[rowIndex] = 0;
        table.activeHigh[rowIndex] = 0;
        return;
    }
    // Poisson terms relative to the mode's, generated outwards until negligible: no factorials,
    // no underflow. First the terms below the mode (walking down), then one walk up from the
    // lowest level that generates the terms above the mode as it goes, and fills the row with
    // unnormalised cdf and cold weights, scaled once the total is known. The crossing rate is
    // a ratio of the two, so it needs no scaling. The tail beyond mode + 20 sqrt(load) + 64 is
    // far below negligibleShare, so the table of inverses never cuts the walk short.
    const int mode = modeLevel(load, limit);
    const int bound = static_cast<int>(std::min<double>(
        limit, mode + 20.0 * std::sqrt(std::max(0.0, load)) + 64.0));
    const double *inverse = inverseIntegers(inverseTable, static_cast<std::size_t>(bound) + 2);
    std::vector<double> &lower = table.scratchLow; // lower[i]: level mode - 1 - i
    lower.resize(static_cast<std::size_t>(mode));
    const double inverseLoad = load > 0 ? 1.0 / load : 0.0;
    std::size_t below = 0;
    for (double term = 1.0; below < lower.size(); ++below) {
        term *= static_cast<double>(mode - below) * inverseLoad; // level mode - 1 - below
        if (term < negligibleShare)
            break;
        lower[below] = term;
    }
    const int low = mode - static_cast<int>(below);

    // Walk the levels: cdf, and the chance h(n) that a crossing of n from n is a quick
    // re-crossing (B reaches n+1 before falling back to the mode) = S(n) / (S(n) + 1/p(n)),
    // S(n) = sum over mode <= j < n of 1/p(j): the birth-death scale function. With
    // r(n) = S(n) p(n): 1 - h(n) = 1 / (1 + r(n)).
    int k = 0;
    const double maxRate = maxCrossingsPerMinute / secondsPerMinute;
    while (k < levels && grid.representative(k) < low) {
        cdf[k] = 0.0;
        coldWeight[k] = 0.0;
        crossRate[k] = maxRate;
        ++k;
    }
    const int firstFilled = k;
    double cumulative = 0;     // unnormalised P(B <= n)
    double weightedLevels = 0; // unnormalised E[B; B <= n]
    double scaled = 0;         // r(n)
    double term = 1.0;         // unnormalised p(n)
    // r(n) = p(n) S(n) with S(n) = S(n-1) + 1/p(n-1): three short chains (a product, a sum and
    // a product) instead of r's own recurrence, whose add-multiply chain set the walk's pace.
    double inverseTerm = 1.0;  // 1 / p(n - 1) above the mode
    double inverseSum = 0.0;   // S(n)
    int next = k < levels ? grid.representative(k) : bound + 1;
    // Adds level n to the running figures and, on a grid level, stores them in its column.
    auto visit = [&](int n) {
        cumulative += term;
        weightedLevels += term * n;
        if (n != next)
            return;
        // The serial walk only keeps its running figures; the divisions are done below, in
        // a loop that vectorises: the row's columns hold cumulative, term and 1 + r(n) so far.
        cdf[k] = cumulative;
        coldWeight[k] = term;
        crossRate[k] = 1.0 + scaled;
        ++k;
        next = k < levels ? grid.representative(k) : bound + 1;
    };
    int n = low;
    for (; n < mode; ++n) { // below the mode: the stored terms, r(n) = 0
        term = lower[static_cast<std::size_t>(mode - 1 - n)];
        visit(n);
    }
    term = 1.0;
    visit(n++);
    for (; n <= bound; ++n) { // above: the terms generated as the walk goes
        term *= load * inverse[n];
        if (term < negligibleShare)
            break;
        inverseSum += inverseTerm;
        inverseTerm *= static_cast<double>(n) * inverseLoad;
        scaled = term * inverseSum;
        visit(n);
    }
    const int high = n - 1;
    const double inverseTotal = 1.0 / cumulative;
    {
        double *__restrict cdfOut = cdf;
        double *__restrict coldOut = coldWeight;
        double *__restrict rateOut = crossRate;
#pragma omp simd
        for (int j = firstFilled; j < k; ++j) {
            const double below = cdfOut[j];
            const double share = coldOut[j] / (rateOut[j] * below); // p(n) (1 - h(n)) / F(n)
            cdfOut[j] = std::min(1.0, below * inverseTotal);
            coldOut[j] = share * below * inverseTotal;
            rateOut[j] = std::min(maxRate, rateRps * share);
        }
    }
    table.busyMean[rowIndex] = weightedLevels * inverseTotal;
    int saturated = firstFilled;
    while (saturated < k && crossRate[saturated] >= saturatedRatePerS)
        ++saturated;
    table.activeLow[rowIndex] = saturated;
    table.activeHigh[rowIndex] = k;
    table.throttled[rowIndex] = high == limit ? term * inverseTotal : 0.0;
    // Levels above the support: cdf 1 and no crossings.
    for (; k < levels; ++k) {
        cdf[k] = 1.0;
        coldWeight[k] = 0.0;
        crossRate[k] = 0.0;
    }
}

/// A minute of a flat stretch shares the per-level columns of the stretch's first row (see
/// runStart in analyzeFunctionDay); only its few per-row figures are copied.
void copyRowFigures(LevelTable &table, std::size_t from, std::size_t to)
{
    table.throttled[to] = table.throttled[from];
    table.busyMean[to] = table.busyMean[from];
    table.load[to] = table.load[from];
    table.activeLow[to] = table.activeLow[from];
    table.activeHigh[to] = table.activeHigh[from];
}

/// Working arrays of activeLevelsAround: the minutes' bounds in a row, and the monotonic
/// queues (positions).
struct SlidingBounds
{
    std::vector<int> lows, highs;
    std::vector<std::size_t> lowQueue, highQueue;
};

/// For each minute m of the repeating day, the levels that carry anything in any of the
/// minutes m - reach .. m + 2: the smallest activeLow and the largest activeHigh there (sliding
/// window minimum and maximum with monotonic queues). Levels below are at their floor and
/// levels above at their ceiling in every keep-alive window that ends within minute m.
void activeLevelsAround(const LevelTable &rows, int reach, std::vector<std::pair<int, int>> &out,
                        SlidingBounds &work)
{
    const int day = minutesPerDay;
    out.resize(minutesPerDay);
    if (reach + 3 >= day) {
        const int low = *std::min_element(rows.activeLow.begin(), rows.activeLow.end());
        const int high = *std::max_element(rows.activeHigh.begin(), rows.activeHigh.end());
        std::fill(out.begin(), out.end(), std::make_pair(low, high));
        return;
    }
    const int length = reach + 3; // minutes in each window
    // The minutes t = -reach .. day + 1 laid out in a row (around the clock), so that the
    // queues below index without wrapping.
    const std::size_t span = static_cast<std::size_t>(day + reach + 2);
    std::vector<int> &lows = work.lows, &highs = work.highs;
    lows.resize(span);
    highs.resize(span);
    for (std::size_t i = 0; i < span; ++i) {
        const int t = static_cast<int>(i) - reach;
        const auto minute = static_cast<std::size_t>(t < 0 ? t + day : t >= day ? t - day : t);
        lows[i] = rows.activeLow[minute];
        highs[i] = rows.activeHigh[minute];
    }
    std::vector<std::size_t> &lowQueue = work.lowQueue, &highQueue = work.highQueue;
    lowQueue.resize(span);
    highQueue.resize(span);
    std::size_t lowFront = 0, lowBack = 0, highFront = 0, highBack = 0;
    for (std::size_t i = 0; i < span; ++i) { // position i enters; the window ending at i is m = i - reach - 2
        while (lowBack > lowFront && lows[lowQueue[lowBack - 1]] >= lows[i])
            --lowBack;
        lowQueue[lowBack++] = i;
        while (highBack > highFront && highs[highQueue[highBack - 1]] <= highs[i])
            --highBack;
        highQueue[highBack++] = i;
        if (i + 1 < static_cast<std::size_t>(length))
            continue;
        const std::size_t windowStart = i + 1 - static_cast<std::size_t>(length);
        while (lowQueue[lowFront] < windowStart)
            ++lowFront;
        while (highQueue[highFront] < windowStart)
            ++highFront;
        out[windowStart] = {lows[lowQueue[lowFront]], highs[highQueue[highFront]]};
    }
}

LevelGrid gridFor(int provisioned, int limit, double maxLoad)
{
    LevelGrid grid;
    int low = 0, high = 0, mode = 0;
    poissonSupport(maxLoad, std::max(0, limit), low, high, mode);
    grid.first = std::max(0, provisioned);
    grid.last = std::min(limit - 1, high);
    // Thousands of levels: sample them in odd-sized groups well below the spread sqrt(load).
    if (maxLoad > 400) {
        // No stride wider than the levels there are: clamped before the conversion, so a
        // load beyond the int range cannot wrap it (issue 12 item 6).
        grid.stride = std::max(1, static_cast<int>(std::min(
                                      std::sqrt(maxLoad) / 8.0, static_cast<double>(std::max(1, limit)))));
        if (grid.stride % 2 == 0)
            ++grid.stride;
    }
    return grid;
}

double clampedRate(double rate)
{
    return std::isfinite(rate) ? std::max(0.0, rate) : 0.0;
}

/// Mean busy load per minute of an M/G/inf system whose rate steps every minute: the load
/// relaxes towards rate x mean run time with the run time as time constant (circular day).
std::vector<double> busyLoadPerMinute(const std::vector<double> &rates,
                                      const std::vector<double> &meanRunS)
{
    std::vector<double> load(minutesPerDay, 0.0);
    bool lagged = false;
    for (std::size_t i = 0; i < minutesPerDay; ++i) {
        load[i] = rates[i] * meanRunS[i];
        lagged = lagged || meanRunS[i] > secondsPerMinute / 40.0;
    }
    if (!lagged)
        return load;
    std::vector<double> average(minutesPerDay, 0.0);
    double start = load[minutesPerDay - 1];
    for (int pass = 0; pass < 3; ++pass) { // the day repeats: go round until it settles
        for (std::size_t i = 0; i < minutesPerDay; ++i) {
            const double tau = std::max(1e-9, meanRunS[i]);
            const double decay = std::exp(-secondsPerMinute / tau);
            const double target = load[i];
            average[i] = target + (start - target) * tau / secondsPerMinute * (1.0 - decay);
            start = target + (start - target) * decay;
        }
    }
    return average;
}

/// Instances a cold-start storm creates, in the fluid limit: from t = 0 requests arrive at
/// rateRps; an idle instance takes one if there is any, otherwise a new instance starts cold
/// and is held for its init, then for a run; `busy` instances are running. Runs end at the
/// rate running / mean run time (exact for exponential run times, the mean's effect for the
/// others). The storm ends when instances free up as fast as requests arrive. With init >=
/// the run time this is about rate x (init + run / 2) minus the pool's help: every request
/// of the first init starts cold, then the first cold runs end and free instances at a rate
/// that reaches the arrival rate after one more mean run time. Steps of 1/32 of the shorter
/// of init and run time, over init + 6 run times (at most a minute, at most 20,000 steps).
double stormColdStarts(const Lifecycle &lifecycle, double rateRps, double idle, double busy)
{
    const double warmS = lifecycle.warm.meanS;
    const double initS = lifecycle.coldInitS;
    if (warmS <= 0 || initS <= 0 || rateRps <= 0)
        return 0.0;
    const double horizonS = std::min(secondsPerMinute, initS + 6.0 * warmS);
    const int steps = static_cast<int>(std::min(20000.0,
                                                std::ceil(horizonS * 32.0 / std::min(warmS, initS))));
    const double stepS = horizonS / steps;
    const int initSteps = std::max(1, static_cast<int>(std::lround(initS / stepS)));
    std::vector<double> starting(static_cast<std::size_t>(steps), 0.0); // cold, per step
    const double endShare = 1.0 - std::exp(-stepS / warmS); // of the running, per step
    const double perStep = rateRps * stepS;
    double running = busy;
    double created = 0;
    for (int k = 0; k < steps; ++k) {
        const double freed = running * endShare;
        running -= freed;
        idle += freed;
        if (k >= initSteps) // the cold starts of one init ago begin to run
            running += starting[static_cast<std::size_t>(k - initSteps)];
        const double taken = std::min(idle, perStep);
        idle -= taken;
        running += taken;
        starting[static_cast<std::size_t>(k)] = perStep - taken;
        created += perStep - taken;
    }
    return created;
}

/// Cold-start storms. When the rate jumps above what the pool carried from the minutes before
/// can serve, the excess requests all start cold and hold their instance for init + run time,
/// so the pool overshoots the level the Poisson model expects (stormColdStarts: about
/// rate x (init + run / 2) on a step far above the pool), all of it cold. The overshoot
/// stays alive for a keep-alive. Adds the overshoot to alive, returns the cold starts beyond
/// the Poisson model's per minute, and adds each storm to `storms` (its expected peak, and
/// the spread of the requests of its init time, sqrt(rate x init)).
std::vector<double> addColdStartStorms(const Lifecycle &lifecycle,
                                       const std::vector<double> &rates,
                                       const std::vector<double> &throttled,
                                       const std::vector<double> &aliveBoundary,
                                       FunctionDayResult &result, std::vector<Storm> &storms)
{
    std::vector<double> extraColdStarts(minutesPerDay, 0.0);
    const double warmS = lifecycle.warm.meanS;
    const double coldS = lifecycle.coldMeanS();
    if (lifecycle.coldInitS <= 0 || warmS <= 0)
        return extraColdStarts;
    const int keepAliveMinutes = static_cast<int>(std::ceil(lifecycle.keepAliveS
                                                            / secondsPerMinute));
    std::vector<double> stormPeak(minutesPerDay, 0.0);
    // Storms are rare: remember when (counting minutes over the rounds) the last one was written,
    // so that minutes with none in their keep-alive window skip the scan.
    int lastStormTime = -2 * minutesPerDay - keepAliveMinutes - 1;
    int now = 0;
    auto floorAt = [&](int minute) { // instances still alive from storms of earlier minutes
        double floor = 0;
        if (now - lastStormTime > keepAliveMinutes)
            return floor;
        for (int back = 1; back <= keepAliveMinutes && back <= minutesPerDay; ++back)
            floor = std::max(floor, stormPeak[static_cast<std::size_t>(
                                        (minute - back + 2 * minutesPerDay) % minutesPerDay)]);
        return floor;
    };
    // Twice round the day, so storms late in the day carry over midnight.
    for (int round = 0; round < 2; ++round) {
        for (int m = 0; m < minutesPerDay; ++m) {
            const auto i = static_cast<std::size_t>(m);
            const double pool = std::max(aliveBoundary[i], floorAt(m));
            const double servedRps = rates[i] * (1.0 - throttled[i]);
            const double excessRps = servedRps - pool / warmS;
            const double expected = std::max(pool, aliveBoundary[i + 1]);
            // Every request cold for init + run time bounds the storm; below the expected
            // pool there is none, and the fluid model is not needed.
            double overshoot = excessRps > 0
                ? std::min<double>(lifecycle.concurrencyLimit, pool + excessRps * coldS) : 0.0;
            if (overshoot > expected) {
                const double busy = std::min(pool, result.busyPerMinute[(i + minutesPerDay - 1)
                                                                        % minutesPerDay]);
                overshoot = std::min<double>(
                    lifecycle.concurrencyLimit,
                    pool + stormColdStarts(lifecycle, servedRps, pool - busy, busy)
                        + stormAboveFluid * std::sqrt(servedRps * lifecycle.coldInitS));
            }
            stormPeak[i] = overshoot > expected ? overshoot : 0.0;
            if (round == 1 && stormPeak[i] != 0.0)
                storms.push_back({stormPeak[i],
                                  stormSpread * std::sqrt(servedRps * lifecycle.coldInitS)});
            if (stormPeak[i] != 0.0)
                lastStormTime = now;
            ++now;
            if (round == 1)
                extraColdStarts[i] = std::max(0.0, stormPeak[i] - expected);
        }
    }
    // Each storm of the reported round keeps its overshoot alive for the minute and a
    // keep-alive after it (around the clock).
    std::vector<double> stormFloor;
    for (int m = 0; m < minutesPerDay; ++m) {
        const double peak = stormPeak[static_cast<std::size_t>(m)];
        if (peak == 0.0)
            continue;
        stormFloor.resize(minutesPerDay, 0.0);
        for (int after = 0; after <= keepAliveMinutes && after < minutesPerDay; ++after) {
            double &floor = stormFloor[static_cast<std::size_t>((m + after) % minutesPerDay)];
            floor = std::max(floor, peak);
        }
    }
    if (!stormFloor.empty())
        for (std::size_t i = 0; i < minutesPerDay; ++i)
            result.alivePerMinute[i] = std::max(result.alivePerMinute[i], stormFloor[i]);
    return extraColdStarts;
}

/// The day's highest busy count, where requests above the pool start cold (FUNCTIONS.md,
/// "Peaks of cold excursions"): what followTheDay records per minute for it, and
/// sumExcursions computes on the last pass only.
struct ExcursionMinute
{
    std::size_t minute;
    std::pair<int, int> levels; ///< the minute's active levels
    std::pair<int, int> needed; ///< the levels the day's maximum needs (excursionCrossings)
    std::size_t pools;          ///< where its P(pool <= level) from levels.first on start
    int repeats;                ///< the skipped minutes after it that repeat it
};

/// The parts of excursionCrossings' chains that depend on the pool w and the level n only, not
/// on the minute's load: 1 / d(n) and G_w(n) for grid levels pool < k, one row per pool. They
/// are the same in every minute of a function day, so each row is computed once per day, as
/// far as the minutes need it, and read by every minute after (the same operations in the
/// same order as computing them per minute: the same figures, bit for bit).
class PoolChains
{
public:
    /// Forgets the rows: the day's grid starts at level `firstLevel` and its cold instances
    /// end with share `coldExitShare` (coldExitShareOf).
    void reset(int width, int firstLevel, double coldExitShare)
    {
        m_width = static_cast<std::size_t>(width);
        m_firstLevel = firstLevel;
        m_coldExitShare = coldExitShare;
        growTo(m_inverseLeaving, m_width * (m_width + 1) / 2);
        growTo(m_growth, m_width * (m_width + 1) / 2);
        m_filledTo.resize(m_width);
        for (std::size_t pool = 0; pool < m_width; ++pool)
            m_filledTo[pool] = static_cast<int>(pool) + 1;
    }

    /// Row `pool` from level pool + 1 up to level `to` (exclusive): entry j is level
    /// pool + 1 + j. Computes what is missing.
    void rowUpTo(int pool, int to, const double *&inverseLeaving, const double *&growth)
    {
        const std::size_t offset = rowOffset(pool);
        int &filled = m_filledTo[static_cast<std::size_t>(pool)];
        if (filled < to)
            fill(pool, filled, to, m_inverseLeaving.data() + offset, m_growth.data() + offset);
        filled = std::max(filled, to);
        inverseLeaving = m_inverseLeaving.data() + offset;
        growth = m_growth.data() + offset;
    }

private:
    /// Row `pool` starts after the rows of the pools below, each one level shorter.
    std::size_t rowOffset(int pool) const
    {
        const auto p = static_cast<std::size_t>(pool);
        return p * m_width - p * (p + 1) / 2;
    }

    /// d(n) = w + kappa (n - w): its inverse, and G_w(n) as the running product of n / d(n).
    void fill(int pool, int from, int to, double *inverseLeaving, double *growth) const
    {
        const double w = std::max(1, m_firstLevel + pool);
        const double leavingBase = w * (1.0 - m_coldExitShare);
        const double inverseW = 1.0 / w;
        double product = from == pool + 1 ? 1.0 : growth[from - pool - 2];
        for (int k = from; k < to; ++k) {
            const double n = m_firstLevel + k;
            const double inverse = m_coldExitShare == 0.0
                ? inverseW : 1.0 / (leavingBase + m_coldExitShare * n);
            product *= n * inverse;
            const auto j = static_cast<std::size_t>(k - pool - 1);
            inverseLeaving[j] = inverse;
            growth[j] = product;
        }
    }

    std::size_t m_width = 0;
    int m_firstLevel = 0;
    double m_coldExitShare = 1.0;
    std::vector<double> m_inverseLeaving, m_growth; ///< rows of pools 0, 1, ... one after another
    std::vector<int> m_filledTo; ///< per pool: the levels up to here (exclusive) are computed
};

} // namespace

/// analyzeFunctionDay's tables, kept from call to call: a day's tables are a few MB, and fresh
/// pages cost more than the arithmetic. Each call writes every entry it reads.
struct FunctionDayWorkspace::Tables
{
    std::vector<double> inverseIntegers;   ///< 1/n (inverseIntegers), grown as needed
    std::vector<double> levelWeight;       ///< [k]: levels that grid level k stands for
    std::vector<double> weightBelow;       ///< [k]: sum of the weights of levels < k
    LevelTable rows;                       ///< per minute and level
    std::vector<double> prefix;            ///< [m * width + k]: crossings of level k before m
    std::vector<std::size_t> runStart;     ///< [m]: first minute of m's flat stretch
    std::vector<std::pair<int, int>> activeAround; ///< [m]: levels that carry anything
    SlidingBounds slidingBounds;           ///< activeLevelsAround's working arrays
    std::vector<double> window;            ///< crossings and quiet shares of three windows
    /// [k]: first crossings of level k over the day added by the cold excursions
    /// (excursionCrossings), and those of the last minute computed (repeated by flat minutes)
    std::vector<double> excursionTotal, excursionMinute;
    std::vector<double> excursionScratch; ///< excursionCrossings' working arrays
    PoolChains poolChains;                ///< excursionCrossings' per-day chains
    std::vector<ExcursionMinute> excursionMinutes; ///< recorded by followTheDay
    std::vector<double> excursionPools;   ///< their P(pool <= level)
};

FunctionDayWorkspace::FunctionDayWorkspace() : m_tables(std::make_unique<Tables>()) {}

FunctionDayWorkspace::~FunctionDayWorkspace() = default;

namespace functiondetail {

namespace {

/// The mixture of warm and cold answers: warm runs, and cold ones that first initialise.
struct AnswerMixture
{
    double cold;
    RunTimeDistribution warm, coldRun;
    double coldInitS;

    AnswerMixture(const Lifecycle &lifecycle, double coldProbability)
        : cold(std::clamp(coldProbability, 0.0, 1.0)),
          warm(lifecycle.warm.meanS, lifecycle.warm.cv),
          coldRun(lifecycle.coldRun.meanS, lifecycle.coldRun.cv),
          coldInitS(lifecycle.coldInitS)
    {}

    double cdf(double timeS) const
    {
        return (1.0 - cold) * warm.cdf(timeS) + cold * coldRun.cdf(timeS - coldInitS);
    }
};

double quantileMs(const AnswerMixture &mixture, const Lifecycle &lifecycle, double q)
{
    double high = std::max({1e-9, lifecycle.warm.meanS, lifecycle.coldMeanS()});
    while (mixture.cdf(high) < q && high < 1e12)
        high *= 2;
    double low = 0;
    for (int step = 0; step < 100 && high - low > 1e-12 * high; ++step) {
        const double mid = 0.5 * (low + high);
        (mixture.cdf(mid) < q ? low : high) = mid;
    }
    return 1000.0 * high;
}

} // namespace

double mixtureCdf(const Lifecycle &lifecycle, double coldProbability, double timeS)
{
    return AnswerMixture(lifecycle, coldProbability).cdf(timeS);
}

double mixtureQuantileMs(const Lifecycle &lifecycle, double coldProbability, double q)
{
    return quantileMs(AnswerMixture(lifecycle, coldProbability), lifecycle, q);
}

Percentiles mixtureLatencyMs(const Lifecycle &lifecycle, double coldProbability)
{
    const AnswerMixture mixture(lifecycle, coldProbability);
    return {quantileMs(mixture, lifecycle, 0.50), quantileMs(mixture, lifecycle, 0.95),
            quantileMs(mixture, lifecycle, 0.99)};
}

} // namespace functiondetail

StationaryResult analyzeFunctionStationary(double rateRps, double warmMeanS, double coldMeanS,
                                           double keepAliveS, int concurrencyLimit)
{
    StationaryResult result;
    const double rate = clampedRate(rateRps);
    if (rate <= 0)
        return result; // no requests: nothing runs, nothing starts cold
    const int limit = std::max(0, concurrencyLimit);
    const double keepAlive = std::max(0.0, keepAliveS);
    std::vector<double> inverse; // inverseIntegers
    double coldProbability = 0;
    for (int iteration = 0; iteration < 30; ++iteration) {
        // Cold requests run longer, which raises the load, which lowers cold starts: a fixed point.
        const double meanRunS = warmMeanS + coldProbability * (coldMeanS - warmMeanS);
        const double load = rate * std::max(0.0, meanRunS);
        const LevelGrid grid = gridFor(0, limit, load);
        LevelTable row(1, grid);
        fillRow(row, 0, rate, load, limit, grid, std::numeric_limits<double>::infinity(),
                inverse);
        double cold = 0;
        double alive = 0;
        for (int k = 0; k < grid.count(); ++k) {
            const auto i = static_cast<std::size_t>(k);
            const double quiet = std::exp(-keepAlive * row.crossRate[i]);
            cold += grid.weight(k) * row.coldWeight[i] * quiet;
            alive += grid.weight(k) * (1.0 - row.cdf[i] * quiet);
        }
        const double served = 1.0 - row.throttled[0];
        double next = served > 0 ? std::min(1.0, cold / served) : 0.0;
        if (keepAlive <= 0) // an instance dies as it idles: every request starts cold
            next = 1.0;
        result.throttledFraction = row.throttled[0];
        result.avgBusy = row.busyMean[0];
        result.avgAlive = alive;
        const bool settled = std::abs(next - coldProbability) < 1e-12;
        coldProbability = next;
        if (settled)
            break;
    }
    result.coldStartProbability = coldProbability;
    return result;
}

FunctionDayResult analyzeFunctionDay(const FunctionConfig &config,
                                     const std::vector<double> &ratePerMinuteRps)
{
    FunctionDayWorkspace workspace;
    return analyzeFunctionDay(config, ratePerMinuteRps, workspace);
}

namespace {

using Levels = std::pair<int, int>; // grid levels [first, end)

/// The lifecycle of `config` in seconds, each setting clamped to its range.
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

/// The day's 1,440 request rates; missing, negative or not finite ones are 0.
std::vector<double> dayRates(const std::vector<double> &ratePerMinuteRps)
{
    std::vector<double> rates(minutesPerDay, 0.0);
    for (std::size_t i = 0; i < minutesPerDay && i < ratePerMinuteRps.size(); ++i)
        rates[i] = clampedRate(ratePerMinuteRps[i]);
    return rates;
}

/// What one pass of the level model finds per minute, and the next pass starts from.
struct MinuteFigures
{
    std::vector<double> coldProbability = std::vector<double>(minutesPerDay, 0.0);
    std::vector<double> throttled = std::vector<double>(minutesPerDay, 0.0);
    /// Instances alive at the start of each minute (1,441: the last is the day's end).
    std::vector<double> aliveBoundary = std::vector<double>(minutesPerDay + 1, 0.0);
};

/// Mean run time per minute: warm, plus the init time of the minute's share of cold requests.
std::vector<double> meanRunTimesS(const Lifecycle &lifecycle,
                                  const std::vector<double> &coldProbability)
{
    std::vector<double> meanRunS(minutesPerDay);
    for (std::size_t i = 0; i < minutesPerDay; ++i)
        meanRunS[i] = lifecycle.warm.meanS + coldProbability[i] * lifecycle.coldInitS;
    return meanRunS;
}

/// The levels each grid level stands for, and the sums of those below each.
void weighLevels(const LevelGrid &grid, FunctionDayWorkspace::Tables &tables)
{
    const auto width = static_cast<std::size_t>(grid.count());
    std::vector<double> &levelWeight = tables.levelWeight;
    levelWeight.resize(width);
    std::vector<double> &weightBelow = tables.weightBelow;
    weightBelow.resize(width + 1);
    weightBelow[0] = 0.0;
    for (std::size_t k = 0; k < width; ++k) {
        levelWeight[k] = grid.weight(static_cast<int>(k));
        weightBelow[k + 1] = weightBelow[k] + levelWeight[k];
    }
}

/// Every minute's row of the level table (flat stretches share their first minute's columns,
/// see runStart), and the prefix sums of each level's first crossings over the day.
void tabulateMinutes(const std::vector<double> &rates, const std::vector<double> &load, int limit,
                     const LevelGrid &grid, double saturatedRatePerS,
                     FunctionDayWorkspace::Tables &tables)
{
    const auto width = static_cast<std::size_t>(grid.count());
    LevelTable &rows = tables.rows;
    std::vector<double> &prefix = tables.prefix;
    rows.reset(minutesPerDay, grid);
    // prefix[m * width + k]: crossings of level k in minutes [0, m).
    growTo(prefix, (minutesPerDay + 1) * width);
    std::fill_n(prefix.begin(), width, 0.0); // later rows are all written below
    // runStart[m]: first minute of the flat stretch (identical rows) holding minute m; the
    // per-level columns of minute m are those of row runStart[m].
    std::vector<std::size_t> &runStart = tables.runStart;
    runStart.resize(minutesPerDay);
    for (std::size_t m = 0; m < minutesPerDay; ++m) {
        if (m > 0 && rates[m] == rates[m - 1] && load[m] == load[m - 1]) {
            copyRowFigures(rows, m - 1, m); // flat stretches (constant, office hours) are common
            runStart[m] = runStart[m - 1];
        } else {
            fillRow(rows, m, rates[m], load[m], limit, grid, saturatedRatePerS,
                    tables.inverseIntegers);
            runStart[m] = m;
        }
        const double *__restrict before = prefix.data() + m * width;
        const double *__restrict rate = rows.crossRate.data() + runStart[m] * width;
        double *__restrict after = prefix.data() + (m + 1) * width;
#pragma omp simd
        for (std::size_t k = 0; k < width; ++k)
            after[k] = before[k] + rate[k] * secondsPerMinute;
    }
}

/// The keep-alive window ending at any time x (in minutes, the day repeating) over the tables
/// of tabulateMinutes: per level, its first crossings in the window and the chance it was not
/// newly reached there; the instances that leaves alive; the cold starts over a stretch.
class KeepAliveWindows
{
public:
    KeepAliveWindows(const FunctionDayWorkspace::Tables &tables, std::size_t width,
                     double windowMinutes, int provisioned)
        : m_tables(tables), m_width(width), m_windowMinutes(windowMinutes),
          m_provisioned(provisioned),
          m_dayTotal(tables.prefix.data() + minutesPerDay * width)
    {
    }

    /// crossings[k]: first crossings of level k in the keep-alive window ending at x; quiet[k]
    /// = exp(-crossings) = P(level k not newly reached in that window). Filled for `levels`,
    /// the levels that carry anything; the others are never read.
    void fill(double x, Levels levels, double *__restrict crossings,
              double *__restrict quiet) const
    {
        const Point end = pointAt(x);
        const Point start = pointAt(x - m_windowMinutes);
        const double days = end.days - start.days;
        const double *__restrict dayTotal = m_dayTotal;
        const double *__restrict endPrefix = m_tables.prefix.data() + end.minute * m_width;
        const double *__restrict startPrefix = m_tables.prefix.data() + start.minute * m_width;
        const double *__restrict endRate = columnOf(m_tables.rows.crossRate, end.minute);
        const double *__restrict startRate = columnOf(m_tables.rows.crossRate, start.minute);
        const double endShare = end.fraction * secondsPerMinute;
        const double startShare = start.fraction * secondsPerMinute;
        const auto first = static_cast<std::size_t>(levels.first);
        const auto last = static_cast<std::size_t>(std::max(levels.first, levels.second));
#pragma omp simd
        for (std::size_t k = first; k < last; ++k)
            crossings[k] = std::max(0.0, days * dayTotal[k] + endPrefix[k] - startPrefix[k]
                                             + endShare * endRate[k]
                                             - startShare * startRate[k]);
#pragma omp simd
        for (std::size_t k = first; k < last; ++k)
            quiet[k] = quietShare(crossings[k]);
    }

    /// P(B <= n) per level at the start of the keep-alive window ending at x.
    const double *cdfAtWindowStart(double x) const
    {
        return columnOf(m_tables.rows.cdf, pointAt(x - m_windowMinutes).minute);
    }

    /// Instances alive at x: levels of the pool still used within the keep-alive window.
    double aliveAt(double x, const double *__restrict quiet, Levels levels) const
    {
        const double *__restrict startCdf =
            columnOf(m_tables.rows.cdf, pointAt(x - m_windowMinutes).minute);
        const double *__restrict weight = m_tables.levelWeight.data();
        const auto first = static_cast<std::size_t>(levels.first);
        const auto last = static_cast<std::size_t>(std::max(levels.first, levels.second));
        double alive = m_provisioned + m_tables.weightBelow[first];
#pragma omp simd reduction(+ : alive)
        for (std::size_t k = first; k < last; ++k)
            alive += weight[k] * (1.0 - startCdf[k] * quiet[k]);
        return alive;
    }

    /// Over a piece of minute m in which the keep-alive window's start stays within one
    /// minute (its middle is midX): the cold starts, i.e. the integral over the piece of
    /// rate x P(B <= n) x exp(-X(t)) over coldLevels (first crossings of a level not crossed in
    /// the window before), and the mean instances alive over levels. The crossings X in the
    /// window go linearly from xa to xb, so the mean of exp(-X) over the piece is exactly
    /// (qa - qb) / (xb - xa), shared by both.
    std::pair<double, double> coldStartsAndAliveOver(double midX, const double *__restrict xa,
                                                     const double *__restrict qa,
                                                     const double *__restrict xb,
                                                     const double *__restrict qb,
                                                     double lengthMinutes, std::size_t m,
                                                     Levels levels, Levels coldLevels) const
    {
        const double *__restrict startCdf =
            columnOf(m_tables.rows.cdf, pointAt(midX - m_windowMinutes).minute);
        const double *__restrict crossRate = columnOf(m_tables.rows.crossRate, m);
        const double *__restrict cdf = columnOf(m_tables.rows.cdf, m);
        const double *__restrict weight = m_tables.levelWeight.data();
        const auto first = static_cast<std::size_t>(levels.first);
        const auto last = static_cast<std::size_t>(std::max(levels.first, levels.second));
        const auto coldFirst = static_cast<std::size_t>(coldLevels.first);
        const auto coldLast = static_cast<std::size_t>(std::max(coldLevels.first,
                                                                coldLevels.second));
        double alive = m_provisioned + m_tables.weightBelow[first];
        double starts = 0;
#pragma omp simd reduction(+ : alive, starts)
        for (std::size_t k = first; k < last; ++k) {
            const double dx = xb[k] - xa[k];
            const double meanQuiet = std::abs(dx) < 1e-9 ? qa[k] : (qa[k] - qb[k]) / dx;
            alive += weight[k] * (1.0 - startCdf[k] * meanQuiet);
            const double cold = weight[k] * cdf[k] * crossRate[k] * meanQuiet;
            starts += k >= coldFirst && k < coldLast ? cold : 0.0;
        }
        return {starts * secondsPerMinute * lengthMinutes, alive};
    }

private:
    struct Point
    {
        double days;
        std::size_t minute;
        double fraction;
    };
    static Point pointAt(double x)
    {
        // Within the day or the next (almost always) without the division and floor's call:
        // x / 1,440 rounds below 1 for every x below 1,440, so the days are the same.
        const double days = x >= 0.0 && x < minutesPerDayD ? 0.0
            : x >= minutesPerDayD && x < 2.0 * minutesPerDayD ? 1.0
                                                              : std::floor(x / minutesPerDayD);
        const double within = x - days * minutesPerDayD;
        const auto minute = std::min<std::size_t>(minutesPerDay - 1,
                                                  static_cast<std::size_t>(within));
        return Point{days, minute, within - static_cast<double>(minute)};
    }
    /// Minute m's per-level column of `table` (the first row of its flat stretch).
    const double *columnOf(const std::vector<double> &table, std::size_t m) const
    {
        return table.data() + m_tables.runStart[m] * m_width;
    }

    const FunctionDayWorkspace::Tables &m_tables;
    std::size_t m_width;
    double m_windowMinutes;
    int m_provisioned;
    const double *m_dayTotal; ///< crossings of each level over the whole day
};

/// How likely a cold instance ends within a warm run's mean time, against a warm one: an
/// excursion of the busy count above the pool lasts about that long, and an instance still
/// in its init cannot end (0 when the init is longer than the warm run). 1 (no difference)
/// without keep-alive, where every request is cold and the load already holds the init.
double coldExitShareOf(const Lifecycle &lifecycle)
{
    const double warmS = lifecycle.warm.meanS;
    if (lifecycle.keepAliveS <= 0 || warmS <= 0 || lifecycle.coldInitS <= 0)
        return 1.0;
    const RunTimeDistribution run(warmS, lifecycle.warm.cv);
    const double warmEnds = run.cdf(warmS);
    return warmEnds > 0 ? std::clamp(run.cdf(warmS - lifecycle.coldInitS) / warmEnds, 0.0, 1.0)
                        : 1.0;
}

/// The day's highest busy count, where requests above the pool start cold (FUNCTIONS.md,
/// "Peaks of cold excursions"). With a pool of w instances alive, a request that finds all w
/// busy starts cold and holds its new instance for init + run, holdRatio times a warm run.
/// As a birth-death chain with the pool fixed, above w the chain leaves level n at
/// d(n) = w + (n - w) / holdRatio warm run times' worth instead of n, so its terms grow by
/// G_w(n) = product over w < j <= n of j / d(j) against the Poisson's, and its quick
/// re-crossing share follows r(n) = x(n) (1 + r(n - 1)) with x = load / d(n) instead of
/// load / n. The pool is the maximum of B over the keep-alive window (its distribution is
/// the alive count's: P(pool <= i) = P(B <= i at the window's start) x quiet(i), given in
/// poolsAtMost from levels.first on), and a first
/// crossing of n needs a pool below n: the Poisson first crossings of n are scaled by the mean
/// of G_w(n) (1 + r(n)) / (1 + r_w(n)) over the pools w < n. The mean of the rates, not the
/// rate of a mean pool: a pool one below the typical one makes a high excursion several
/// times likelier. Pools below the Poisson mode count as the mode (the chain's own mode
/// would move: that is a storm, addColdStartStorms), an empty pool as one. The normalisation is left as it is (the
/// excursions' levels carry a tiny share). Writes, per level of `levels`, the first
/// crossings per minute this adds to crossRate (minute m's column), computed only for the
/// `needed` levels (the others get 0): those not saturated over the day (exp(-40) of the
/// day's maximum is 0 anyway) and below the minute's activeHigh (no crossings). Grids of grouped levels
/// (loads over 400) are left as they are: there an excursion moves the peak by a fraction of
/// a level against hundreds.
void excursionCrossings(const LevelGrid &grid, double load, double coldExitShare,
                        const double *__restrict poolsAtMost,
                        const double *__restrict crossRate, Levels levels, Levels needed,
                        const double *__restrict inverse, std::vector<double> &scratch,
                        PoolChains &chains, double *__restrict added)
{
    std::fill(added + levels.first, added + std::max(levels.first, levels.second), 0.0);
    const int from = std::max(levels.first, needed.first);
    const int to = std::min(levels.second, needed.second);
    if (grid.stride != 1 || !(coldExitShare < 1.0) || !(load > 0) || from >= to)
        return;
    const double maxRate = maxCrossingsPerMinute / secondsPerMinute;
    const int mode = static_cast<int>(std::floor(load));
    const auto count = static_cast<std::size_t>(to);
    growTo(scratch, 4 * count);
    double *poissonRatio = scratch.data();      // [k]: r(n) of the Poisson levels
    double *poolAt = poissonRatio + count;      // [k]: P(pool = n)
    double *scaled = poolAt + count;            // [k]: sum over pools of P(pool) x factor
    double *poissonShare = scaled + count;      // [k]: 1 + r(n)
    double ratio = 0;
    for (int n = mode + 1; n < grid.first; ++n) // provisioned levels below the grid
        ratio = load * inverse[n] * (1.0 + ratio);
    // Below both the mode and `levels` nothing is read: no pool (P(pool = n) is 0 there, as
    // the saturated levels are alive for sure) and r(n) stays 0 up to the mode.
    const int modeIndex = std::max(0, mode - grid.first);
    const int low = std::min(levels.first, modeIndex);
    double poolBelow = 0; // P(pool <= n - 1); saturated levels below `levels`: alive for sure
    for (int k = low; k < to; ++k) {
        const int n = grid.first + k;
        if (n > mode)
            ratio = load * inverse[n] * (1.0 + ratio);
        poissonRatio[k] = ratio;
        poissonShare[k] = 1.0 + ratio;
        const double poolAtMost = k >= levels.first ? poolsAtMost[k - levels.first] : 0.0;
        poolAt[k] = std::max(0.0, poolAtMost - poolBelow);
        poolBelow = std::max(poolBelow, poolAtMost);
        scaled[k] = 0.0;
    }
    // Pools less likely than this in the minute are left out (1e-4 to 1e-12 give the same
    // peaks to 0.1 on the stepsAndSpikes days).
    constexpr double negligiblePool = 1e-6;
    double poolMass = 0; // P(pool <= the pool level before k)
    for (int pool = low; pool < to; ++pool) {
        double share = poolAt[pool];
        if (pool < modeIndex) { // a pool below the mode counts as the mode
            poolMass += share;
            continue;
        }
        if (pool == modeIndex)
            share += poolMass;
        if (share < negligiblePool)
            continue;
        // d(n) = w + kappa (n - w): 1 / d(n) and G_w(n) from the day's table; the chain's
        // r_w(n), which depends on the load, up to the first needed level, then the scaling.
        const double *inverseLeaving = nullptr;
        const double *growth = nullptr;
        chains.rowUpTo(pool, to, inverseLeaving, growth); // entry j: level pool + 1 + j
        double chainRatio = poissonRatio[pool];
        int k = pool + 1;
        for (; k < from; ++k)
            chainRatio = load * inverseLeaving[k - pool - 1] * (1.0 + chainRatio);
        for (; k < to; ++k) {
            chainRatio = load * inverseLeaving[k - pool - 1] * (1.0 + chainRatio);
            scaled[k] += share * growth[k - pool - 1] * poissonShare[k] / (1.0 + chainRatio);
        }
    }
    double poolAtMost = 0; // P(pool <= n - 1)
    for (int k = low; k < to; ++k) {
        if (k >= from && poolAtMost > 0) {
            // The pools below n; a pool at or above n leaves the Poisson rate (factor 1).
            const double factor = scaled[k] / poolAtMost;
            const double rate = crossRate[k];
            added[k] = factor > 1.0
                ? (std::min(maxRate, rate * factor) - rate) * secondsPerMinute : 0.0;
        }
        poolAtMost += poolAt[k];
    }
}

/// Walks the day minute by minute through the keep-alive windows: per minute the cold starts
/// (their share of the served requests), the throttled share, the instances alive (at the
/// minute's start and as the minute's mean) and busy.
void followTheDay(const Lifecycle &lifecycle, const std::vector<double> &rates,
                  const LevelGrid &grid, FunctionDayWorkspace::Tables &tables,
                  MinuteFigures &figures, FunctionDayResult &result)
{
    const auto width = static_cast<std::size_t>(grid.count());
    const int provisioned = lifecycle.provisioned;
    const double windowMinutes = lifecycle.keepAliveS / secondsPerMinute;
    const LevelTable &rows = tables.rows;
    const std::vector<std::size_t> &runStart = tables.runStart;
    std::vector<double> &coldProbability = figures.coldProbability;
    std::vector<double> &throttled = figures.throttled;
    std::vector<double> &aliveBoundary = figures.aliveBoundary;
    // The levels that carry anything in the keep-alive windows ending within each minute
    // (one minute more on each side, to be safe from rounding). Below, every minute of the
    // window is at the crossing cap: nothing survives, and those levels are all alive.
    // Above, nothing crosses: quiet 1, cdf 1, nothing alive and no cold start.
    std::vector<Levels> &activeAround = tables.activeAround;
    activeLevelsAround(rows, static_cast<int>(std::ceil(windowMinutes)) + 1, activeAround,
                       tables.slidingBounds);
    const KeepAliveWindows windows(tables, width, windowMinutes, provisioned);
    // Within a minute the window's tail crosses a minute boundary once (when the keep-alive
    // is not a whole number of minutes): split the minute there, so that the crossings in
    // the window are linear in time on each piece.
    const double tailFraction = windowMinutes - std::floor(windowMinutes);
    const double split = tailFraction > 1e-9 ? tailFraction : 1.0;
    std::vector<double> &window = tables.window;
    growTo(window, 6 * width);
    double *crossStart = window.data(), *quietStart = crossStart + width;
    double *crossSplit = quietStart + width, *quietSplit = crossSplit + width;
    double *crossEnd = quietSplit + width, *quietEnd = crossEnd + width;
    windows.fill(0.0, activeAround[0], crossStart, quietStart);
    double aliveStart = windows.aliveAt(0.0, quietStart, activeAround[0]);
    Levels startLevels = activeAround[0]; // the levels the start arrays hold
    // A minute whose row, and every row of its keep-alive window and the minute before, are
    // those of the minute before repeats that minute's figures exactly: skip the levels.
    const auto windowWhole = static_cast<std::size_t>(std::ceil(windowMinutes));
    double lastColdStarts = 0;
    // The day's maximum: the pools of each minute computed, for the cold excursions
    // (sumExcursions, on the last pass only); a skipped minute repeats the one before.
    std::vector<ExcursionMinute> &excursionMinutes = tables.excursionMinutes;
    std::vector<double> &excursionPools = tables.excursionPools;
    excursionMinutes.clear();
    excursionPools.clear();
    // Levels crossed saturatedCrossings times over the day are surely reached: no excursion
    // changes the day's maximum there.
    const double *dayCrossings = tables.prefix.data() + minutesPerDay * width;
    int unsaturated = 0;
    while (static_cast<std::size_t>(unsaturated) < width
           && dayCrossings[unsaturated] >= saturatedCrossings)
        ++unsaturated;
    // Levels the Poisson levels cross fewer than unreachedCrossings times a day stay out: the
    // excursions multiply a level's crossings by tens to hundreds (48 times at the 60 s steps'
    // level 13), so there they would add less than 1e-4 to the peak.
    constexpr double unreachedCrossings = 1e-7;
    int reached = unsaturated;
    while (static_cast<std::size_t>(reached) < width
           && dayCrossings[reached] >= unreachedCrossings)
        ++reached;
    bool startFilled = true; // the start arrays hold the window ending at m
    for (std::size_t m = 0; m < minutesPerDay; ++m) {
        if (m > 0 && runStart[m] + windowWhole + 1 <= m) {
            ++excursionMinutes.back().repeats;
            startFilled = false;
            const double servedRequests = rates[m] * secondsPerMinute
                * (1.0 - rows.throttled[m]);
            const double coldStarts = lifecycle.keepAliveS <= 0 && provisioned == 0
                ? servedRequests : lastColdStarts;
            coldProbability[m] = servedRequests > 0
                ? std::min(1.0, coldStarts / servedRequests) : 0.0;
            throttled[m] = rows.throttled[m];
            result.alivePerMinute[m] = aliveStart;
            aliveBoundary[m] = aliveStart;
            aliveBoundary[m + 1] = aliveStart;
            result.busyPerMinute[m] = rows.busyMean[m];
            continue;
        }
        const Levels levels = activeAround[m];
        if (!startFilled) { // after a skipped stretch: its figures, for this minute's levels
            windows.fill(static_cast<double>(m), levels, crossStart, quietStart);
            startLevels = levels;
        }
        startFilled = true;
        // The start arrays hold the window ending at m for the levels of the minute before:
        // complete them to this minute's (the mean alive below reads them all).
        if (levels.first < startLevels.first)
            windows.fill(static_cast<double>(m), {levels.first, std::min(startLevels.first,
                                                                         levels.second)},
                         crossStart, quietStart);
        if (levels.second > startLevels.second)
            windows.fill(static_cast<double>(m), {std::max(startLevels.second, levels.first),
                                                  levels.second},
                         crossStart, quietStart);
        // Cold starts come from the levels that are neither saturated in the windows of the
        // minute's start or of its end (quiet is below exp(-40) throughout the minute
        // otherwise) nor above the minute's own support (no crossings).
        const Levels coldLevels{std::max(levels.first, startLevels.first),
                                std::min(levels.second, rows.activeHigh[m])};
        windows.fill(m + 1.0, levels, crossEnd, quietEnd);
        {
            Levels needed{std::max(levels.first, unsaturated),
                          std::min({levels.second, reached, rows.activeHigh[m]})};
            // A minute whose Poisson crossings of every needed level are below
            // quietMinuteShare of the level's day adds nothing: the excursions multiply a
            // minute's crossings by at most about 10^6 (a pool of one below level 10).
            constexpr double quietMinuteShare = 1e-9;
            const double *minuteRate = rows.crossRate.data() + runStart[m] * width;
            bool matters = false;
            for (int k = needed.first; k < needed.second && !matters; ++k)
                matters = minuteRate[k] * secondsPerMinute >= quietMinuteShare * dayCrossings[k];
            if (!matters)
                needed.second = needed.first;
            excursionMinutes.push_back({m, levels, needed, excursionPools.size(), 0});
            // The pools excursionCrossings reads: none when no level of the minute is needed.
            const int poolsEnd = std::min(levels.second, needed.second);
            if (std::max(levels.first, needed.first) < poolsEnd) {
                const std::size_t at = excursionPools.size();
                excursionPools.resize(at + static_cast<std::size_t>(poolsEnd - levels.first));
                const double *__restrict startCdf = windows.cdfAtWindowStart(m + 1.0);
                double *__restrict pools = excursionPools.data() + at; // from levels.first
                for (int k = levels.first; k < poolsEnd; ++k)
                    pools[k - levels.first] = startCdf[k] * quietEnd[k];
            }
        }
        if (split < 1.0)
            windows.fill(m + split, levels, crossSplit, quietSplit);
        const double aliveEnd = windows.aliveAt(m + 1.0, quietEnd, levels);
        // Cold starts and the mean alive over the minute, exactly (not the mean of its two
        // ends: after a step the pool is there within seconds, and with a keep-alive of a
        // minute it stays until the minute's end), piece by piece.
        const double md = static_cast<double>(m);
        std::pair<double, double> pieces;
        if (split < 1.0) {
            const auto [cold1, alive1] = windows.coldStartsAndAliveOver(
                md + 0.5 * split, crossStart, quietStart, crossSplit, quietSplit, split, m,
                levels, coldLevels);
            const auto [cold2, alive2] = windows.coldStartsAndAliveOver(
                md + 0.5 * (1.0 + split), crossSplit, quietSplit, crossEnd, quietEnd,
                1.0 - split, m, levels, coldLevels);
            pieces = {cold1 + cold2, split * alive1 + (1.0 - split) * alive2};
        } else {
            pieces = windows.coldStartsAndAliveOver(md + 0.5, crossStart, quietStart, crossEnd,
                                                    quietEnd, 1.0, m, levels, coldLevels);
        }
        double coldStarts = pieces.first;
        lastColdStarts = coldStarts;
        // Without keep-alive every request that finds no provisioned instance is cold.
        if (lifecycle.keepAliveS <= 0 && provisioned == 0)
            coldStarts = rates[m] * secondsPerMinute * (1.0 - rows.throttled[m]);
        const double servedRequests = rates[m] * secondsPerMinute * (1.0 - rows.throttled[m]);
        coldProbability[m] = servedRequests > 0 ? std::min(1.0, coldStarts / servedRequests)
                                                : 0.0;
        throttled[m] = rows.throttled[m];
        result.alivePerMinute[m] = pieces.second;
        aliveBoundary[m] = aliveStart;
        aliveBoundary[m + 1] = aliveEnd;
        result.busyPerMinute[m] = rows.busyMean[m];
        std::swap(quietStart, quietEnd);
        std::swap(crossStart, crossEnd);
        aliveStart = aliveEnd;
        startLevels = levels;
    }
}

/// The largest relative change of a minute's mean run time that the cold share found would
/// make: below 1% a second pass moves no figure by 1%.
double largestLoadShift(const Lifecycle &lifecycle, const std::vector<double> &coldProbability,
                        const std::vector<double> &meanRunS)
{
    double loadShift = 0;
    for (std::size_t m = 0; m < minutesPerDay; ++m)
        loadShift = std::max(loadShift, coldProbability[m] * lifecycle.coldInitS
                                 / std::max(1e-9, meanRunS[m]));
    return loadShift;
}

/// The first crossings the cold excursions add to each level over the day (excursionCrossings
/// over the minutes followTheDay recorded), into tables.excursionTotal.
void sumExcursions(const Lifecycle &lifecycle, const LevelGrid &grid,
                   FunctionDayWorkspace::Tables &tables)
{
    const auto width = static_cast<std::size_t>(grid.count());
    std::vector<double> &total = tables.excursionTotal;
    total.assign(width, 0.0);
    const double coldExitShare = coldExitShareOf(lifecycle);
    if (!(coldExitShare < 1.0) || grid.stride != 1)
        return;
    growTo(tables.excursionMinute, width);
    double *added = tables.excursionMinute.data();
    const double *inverse = inverseIntegers(
        tables.inverseIntegers, static_cast<std::size_t>(grid.first) + width + 2);
    const LevelTable &rows = tables.rows;
    tables.poolChains.reset(grid.count(), grid.first, coldExitShare);
    for (const ExcursionMinute &entry : tables.excursionMinutes) {
        const std::size_t m = entry.minute;
        excursionCrossings(grid, rows.load[m], coldExitShare,
                           tables.excursionPools.data() + entry.pools,
                           rows.crossRate.data() + tables.runStart[m] * width, entry.levels,
                           entry.needed, inverse, tables.excursionScratch, tables.poolChains,
                           added);
        const double times = 1.0 + entry.repeats;
        for (int k = std::max(entry.levels.first, entry.needed.first);
             k < std::min(entry.levels.second, entry.needed.second); ++k)
            total[static_cast<std::size_t>(k)] += added[k] * times;
    }
}

/// The distribution of the day's highest count of busy instances, per grid level: P(max <=
/// the level) = P(B <= n at the start) x exp(-first crossings of n over the day).
struct DayMaximum
{
    int provisioned = 0;
    int limit = 0;
    LevelGrid grid;
    std::vector<double> atMost; ///< per grid level k, at its representative level

    /// E[max], the day's storms included: each is a normal peak of its own (independent of
    /// the rest of the day), so P(max <= n) is the product.
    double expected(const std::vector<Storm> &storms) const
    {
        auto stormsAtMost = [&storms](int level) {
            double share = 1.0;
            for (const Storm &storm : storms)
                share *= storm.spread > 0
                    ? 0.5 * std::erfc(-(level + 0.5 - storm.peak) / (storm.spread * std::sqrt(2.0)))
                    : (level + 0.5 >= storm.peak ? 1.0 : 0.0);
            return share;
        };
        double peak = provisioned;
        for (int k = 0; k < grid.count(); ++k) {
            const double stormShare = storms.empty() ? 1.0 : stormsAtMost(grid.representative(k));
            peak += grid.weight(k) * (1.0 - atMost[static_cast<std::size_t>(k)] * stormShare);
        }
        if (storms.empty())
            return peak;
        // Levels above the busy process's support: only the storms reach them.
        for (int level = std::max(provisioned, grid.last + 1); level < limit; ++level) {
            const double above = 1.0 - stormsAtMost(level);
            if (above < 1e-12)
                break;
            peak += above;
        }
        return peak;
    }
};

/// The day's maximum of the busy instances (before cold-start storms).
DayMaximum dayMaximum(int provisioned, int limit, const LevelGrid &grid,
                      const FunctionDayWorkspace::Tables &tables)
{
    DayMaximum maximum{provisioned, limit, grid, {}};
    const auto width = static_cast<std::size_t>(grid.count());
    maximum.atMost.resize(width);
    for (std::size_t k = 0; k < width; ++k)
        maximum.atMost[k] = tables.rows.cdf[k]
            * std::exp(-(tables.prefix[minutesPerDay * width + k] + tables.excursionTotal[k]));
    return maximum;
}

/// The day's totals and per-minute cold starts, in vector lanes (the lanes change only the
/// last bits of the sums); returns the requests served.
double sumTheDay(const std::vector<double> &rates, const MinuteFigures &figures,
                 const std::vector<double> &stormColdStarts, FunctionDayResult &result)
{
    const double *throttled = figures.throttled.data();
    const double *coldProbability = figures.coldProbability.data();
    const double *aliveBoundary = figures.aliveBoundary.data();
    double served = 0, invocationsPerDay = 0, throttledPerDay = 0, coldStartsPerDay = 0;
    double aliveSum = 0, busySum = 0, alivePeak = result.instances.peak;
    const double *alive = result.alivePerMinute.data();
    const double *busy = result.busyPerMinute.data();
    double *coldPerS = result.coldStartsPerMinute.data();
#pragma omp simd reduction(+ : served, invocationsPerDay, throttledPerDay, coldStartsPerDay, \
                               aliveSum, busySum) reduction(max : alivePeak)
    for (std::size_t m = 0; m < minutesPerDay; ++m) {
        const double invocations = rates[m] * secondsPerMinute;
        const double servedHere = invocations * (1.0 - throttled[m]);
        // Every instance alive was once a cold start: a minute in which the expected pool
        // grows by n instances holds at least n cold starts. On a steep spike the pool grows
        // by the whole spike's worth within a minute or two, which the crossing rates above
        // (built for a load that changes slowly against the keep-alive) under-count by half.
        const double rise = aliveBoundary[m + 1] - aliveBoundary[m];
        // A storm's instances beyond the pool the Poisson model expects are cold starts too.
        const double modelled = servedHere * coldProbability[m];
        const double coldHere = (rise > modelled ? rise : modelled) + stormColdStarts[m];
        invocationsPerDay += invocations;
        throttledPerDay += invocations * throttled[m];
        coldStartsPerDay += coldHere;
        coldPerS[m] = coldHere / secondsPerMinute;
        aliveSum += alive[m];
        busySum += busy[m];
        alivePeak = alive[m] > alivePeak ? alive[m] : alivePeak;
        served += servedHere;
    }
    result.invocationsPerDay = invocationsPerDay;
    result.throttledPerDay = throttledPerDay;
    result.coldStartsPerDay = coldStartsPerDay;
    result.instances.avgAlive = aliveSum / minutesPerDayD;
    result.instances.avgBusy = busySum / minutesPerDayD;
    result.instances.peak = alivePeak;
    result.coldStartProbability = served > 0 ? result.coldStartsPerDay / served : 0;
    result.throttledFraction = result.invocationsPerDay > 0
        ? result.throttledPerDay / result.invocationsPerDay : 0;
    result.throttledSharePerMinute = figures.throttled; // the latency Monte Carlo fails these
    return served;
}

} // namespace

FunctionDayResult analyzeFunctionDay(const FunctionConfig &config,
                                     const std::vector<double> &ratePerMinuteRps,
                                     FunctionDayWorkspace &workspace)
{
    FunctionDayWorkspace::Tables &tables = workspace.tables();
    const Lifecycle lifecycle = lifecycleOf(config);
    const std::vector<double> rates = dayRates(ratePerMinuteRps);
    FunctionDayResult result;
    result.alivePerMinute.assign(minutesPerDay, 0.0);
    result.busyPerMinute.assign(minutesPerDay, 0.0);
    result.coldStartsPerMinute.assign(minutesPerDay, 0.0);
    MinuteFigures figures;
    // Crossed this often, a level is crossed saturatedCrossings times in any keep-alive window.
    const double saturatedRatePerS = lifecycle.keepAliveS > 0
        ? saturatedCrossings / lifecycle.keepAliveS : std::numeric_limits<double>::infinity();

    DayMaximum maximum;
    // Cold requests run longer, so the load depends on the cold share: a second pass uses the
    // first one's cold share when it moves the load by 1% or more (less moves no figure by 1%).
    for (int pass = 0; pass < 2; ++pass) {
        const std::vector<double> meanRunS = meanRunTimesS(lifecycle, figures.coldProbability);
        const std::vector<double> load = busyLoadPerMinute(rates, meanRunS);
        const LevelGrid grid = gridFor(lifecycle.provisioned, lifecycle.concurrencyLimit,
                                       *std::max_element(load.begin(), load.end()));
        weighLevels(grid, tables);
        tabulateMinutes(rates, load, lifecycle.concurrencyLimit, grid, saturatedRatePerS, tables);
        followTheDay(lifecycle, rates, grid, tables, figures, result);
        if (pass == 1 || largestLoadShift(lifecycle, figures.coldProbability, meanRunS) < 0.01) {
            sumExcursions(lifecycle, grid, tables);
            maximum = dayMaximum(lifecycle.provisioned, lifecycle.concurrencyLimit, grid, tables);
            break;
        }
    }

    std::vector<Storm> storms;
    const std::vector<double> stormColdStarts = addColdStartStorms(
        lifecycle, rates, figures.throttled, figures.aliveBoundary, result, storms);
    result.instances.peak = maximum.expected(storms);
    const double served = sumTheDay(rates, figures, stormColdStarts, result);
    if (served > 0) // no requests, no latency (as the simulation reports)
        result.latencyMs = functiondetail::mixtureLatencyMs(lifecycle,
                                                           result.coldStartProbability);
    return result;
}

} // namespace skyline
