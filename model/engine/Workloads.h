#pragma once
// Workloads over the representative day (DESIGN.md §2, §3): 1,440 one-minute buckets of
// requests per second, and the CSV import of trace workloads.

#include "domain/Project.h"

#include <array>
#include <string>
#include <vector>

namespace skyline {

/// Requests per second in each of the 1,440 minutes of the day, scaled by `multiplier`.
/// diurnal: cosine between trough and peak, peak at peakHour; business-hours: half-hour smooth
/// ramps around startHour and endHour (an end before the start spans midnight); spiky: base
/// rate with spikesPerDay spikes placed by the workload's seed; trace: points folded onto the
/// day (minute mod 1,440), averaged per minute, gaps interpolated linearly around the clock.
std::vector<double> workloadRatePerMinute(const Workload &workload, double multiplier = 1.0);

/// Resamples trace points [minute, rps] onto 1,440 minutes (see workloadRatePerMinute).
std::vector<double> resampleTrace(const std::vector<std::array<double, 2>> &points);

struct TraceCsvResult
{
    std::vector<std::array<double, 2>> points; ///< [minute, rps]; minutes from the first day's midnight
    std::vector<std::string> problems;         ///< "line 17: rate 'abc' is not a number"
    bool ok() const { return problems.empty() && !points.empty(); }
};

/// Parses "minute,rps" or "ISO timestamp,rps" rows (an optional header line, blank lines and
/// lines starting with '#' are skipped; ';' and tabs also separate; fields may be quoted).
/// Timestamps count minutes from midnight of the first row's date, so folding onto the day
/// keeps the time of day; they are read on the first timestamp's clock (its UTC offset, or as
/// written when it has none): a later row with another offset is converted to that clock.
TraceCsvResult parseTraceCsv(const std::string &text);

} // namespace skyline
