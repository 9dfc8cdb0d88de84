#include "engine/Backlog.h"

#include <algorithm>

namespace skyline {

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
