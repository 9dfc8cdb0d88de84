#include "engine/Workloads.h"

#include "engine/Evaluation.h"
#include "engine/SeededRandom.h"
#include "io/Utf8.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>

namespace skyline {
namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double minutesPerDayD = minutesPerDay;
constexpr double rampHalfWidthMin = 15.0; ///< business-hours ramps take half an hour

std::vector<double> constantDay(double rps) { return std::vector<double>(minutesPerDay, rps); }

std::vector<double> diurnalDay(const Workload &w)
{
    const double peak = w.number("peakRps");
    const double trough = w.number("troughRps");
    const double peakMinute = w.number("peakHour") * 60.0;
    std::vector<double> day(minutesPerDay);
    for (int m = 0; m < minutesPerDay; ++m) {
        const double phase = 2.0 * pi * (m - peakMinute) / minutesPerDayD;
        day[m] = trough + (peak - trough) * 0.5 * (1.0 + std::cos(phase));
    }
    return day;
}

/// 0 well before `edgeMinute`, 1 well after, a smooth cosine ramp in between.
double smoothStep(double minutesAfterEdge)
{
    if (minutesAfterEdge <= -rampHalfWidthMin)
        return 0.0;
    if (minutesAfterEdge >= rampHalfWidthMin)
        return 1.0;
    return 0.5 * (1.0 - std::cos(pi * (minutesAfterEdge + rampHalfWidthMin) /
                                 (2.0 * rampHalfWidthMin)));
}

std::vector<double> businessHoursDay(const Workload &w)
{
    const double open = w.number("peakRps");
    const double closed = w.number("troughRps");
    const double start = w.number("startHour") * 60.0;
    const double end = w.number("endHour") * 60.0;
    std::vector<double> day(minutesPerDay, closed);
    if (std::fabs(end - start) < 1e-9)
        return day; // no office hours
    // Length of the open span going forward from start to end (wrapping past midnight).
    const double openLength = std::fmod(end - start + minutesPerDayD, minutesPerDayD);
    for (int m = 0; m < minutesPerDay; ++m) {
        const double t = m + 0.5;
        const double sinceStart = std::fmod(t - start + 2 * minutesPerDayD, minutesPerDayD);
        double level;
        if (sinceStart <= openLength) { // open: ramps up after the start, down before the end
            level = std::min(smoothStep(sinceStart), smoothStep(openLength - sinceStart));
        } else { // closed: the tails of the ramps reach back before the start, after the end
            const double afterEnd = sinceStart - openLength;
            const double beforeStart = minutesPerDayD - sinceStart;
            level = std::max(smoothStep(-beforeStart), smoothStep(-afterEnd));
        }
        if (openLength < 2 * rampHalfWidthMin) // very short office hours: ramps overlap
            level *= openLength / (2 * rampHalfWidthMin);
        day[m] = closed + (open - closed) * level;
    }
    return day;
}

std::vector<double> spikyDay(const Workload &w)
{
    const double base = w.number("baseRps");
    const double spike = w.number("spikeRps");
    const int spikes = int(std::clamp(w.number("spikesPerDay"), 0.0, minutesPerDayD));
    const int length = int(std::clamp(std::round(w.number("spikeDurationMin")), 1.0,
                                      minutesPerDayD));
    std::vector<double> day(minutesPerDay, base);
    SeededRandom random(std::uint64_t(std::max(0.0, w.number("seed"))) + 0x5eedull);
    for (int i = 0; i < spikes; ++i) {
        const int start = int(random.below(minutesPerDay));
        for (int k = 0; k < length; ++k)
            day[(start + k) % minutesPerDay] = std::max(base, spike);
    }
    return day;
}

} // namespace

std::vector<double> resampleTrace(const std::vector<std::array<double, 2>> &points)
{
    std::vector<double> sum(minutesPerDay, 0.0);
    std::vector<int> count(minutesPerDay, 0);
    for (const auto &[minute, rps] : points) {
        if (!std::isfinite(minute) || !std::isfinite(rps))
            continue;
        double folded = std::fmod(std::floor(minute), minutesPerDayD);
        if (folded < 0)
            folded += minutesPerDayD;
        const int bucket = std::clamp(int(folded), 0, minutesPerDay - 1);
        sum[bucket] += std::max(0.0, rps);
        ++count[bucket];
    }
    std::vector<int> filled;
    for (int m = 0; m < minutesPerDay; ++m)
        if (count[m] > 0)
            filled.push_back(m);
    std::vector<double> day(minutesPerDay, 0.0);
    if (filled.empty())
        return day;
    for (int m : filled)
        day[m] = sum[m] / count[m];
    // Linear interpolation between neighbouring filled minutes, around the clock.
    for (std::size_t i = 0; i < filled.size(); ++i) {
        const int a = filled[i];
        const int b = filled[(i + 1) % filled.size()];
        const int gap = (b - a + minutesPerDay) % minutesPerDay;
        const int span = gap == 0 ? minutesPerDay : gap;
        for (int k = 1; k < span; ++k) {
            const double f = double(k) / span;
            day[(a + k) % minutesPerDay] = day[a] * (1 - f) + day[b] * f;
        }
    }
    return day;
}

std::vector<double> workloadRatePerMinute(const Workload &workload, double multiplier)
{
    std::vector<double> day;
    switch (workload.shape) {
    case WorkloadShape::Constant: day = constantDay(workload.number("rps")); break;
    case WorkloadShape::Diurnal: day = diurnalDay(workload); break;
    case WorkloadShape::BusinessHours: day = businessHoursDay(workload); break;
    case WorkloadShape::Spiky: day = spikyDay(workload); break;
    case WorkloadShape::Trace: day = resampleTrace(workload.points); break;
    }
    const double scale = std::isfinite(multiplier) ? std::max(0.0, multiplier) : 0.0;
    for (double &rps : day)
        rps = std::isfinite(rps) ? std::max(0.0, rps * scale) : 0.0;
    return day;
}

namespace {

/// The text without white space around it.
std::string trimSpace(const std::string &s)
{
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return s.substr(a, b - a);
}

bool parseDouble(const std::string &text, double &value)
{
    if (text.empty())
        return false;
    char *end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(value);
}

/// A timestamp of a trace row: minutes since the epoch as the clock on the wall read them,
/// and the UTC offset written with it (none when the text has no zone).
struct TraceTimestamp
{
    double wallMinutes = 0;
    std::optional<int> offsetMinutes;
};

/// "+01:00", "-0530", "+02" -> minutes east of UTC; "Z" -> 0.
std::optional<int> parseUtcOffset(const std::string &text)
{
    if (text == "Z" || text == "z")
        return 0;
    int hours = 0, minutes = 0;
    char sign = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%c%2d:%2d%n", &sign, &hours, &minutes, &consumed) == 3 ||
        std::sscanf(text.c_str(), "%c%2d%2d%n", &sign, &hours, &minutes, &consumed) == 3 ||
        (minutes = 0, std::sscanf(text.c_str(), "%c%2d%n", &sign, &hours, &consumed) == 2)) {
        if (std::size_t(consumed) != text.size() || (sign != '+' && sign != '-') || hours > 14 ||
            minutes > 59)
            return std::nullopt;
        return (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
    }
    return std::nullopt;
}

/// "2026-11-26T14:03[:05[.5]][Z|+01:00]" (or a space instead of T), with a real calendar date.
std::optional<TraceTimestamp> parseIsoTimestamp(const std::string &text)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    char sep = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi,
                    &consumed) != 6 ||
        (sep != 'T' && sep != ' ' && sep != 't'))
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{unsigned(mo)},
                                           std::chrono::day{unsigned(d)}};
    if (!date.ok() || h < 0 || h > 23 || mi < 0 || mi > 59)
        return std::nullopt;
    double seconds = 0;
    std::string rest = text.substr(std::size_t(consumed));
    if (!rest.empty() && rest[0] == ':') {
        std::size_t i = 1;
        while (i < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[i])) ||
                                   rest[i] == '.'))
            ++i;
        if (!parseDouble(rest.substr(1, i - 1), seconds) || seconds < 0 || seconds >= 61)
            return std::nullopt;
        rest = rest.substr(i);
    }
    TraceTimestamp stamp;
    if (!rest.empty()) {
        stamp.offsetMinutes = parseUtcOffset(rest);
        if (!stamp.offsetMinutes)
            return std::nullopt;
    }
    const double days = std::chrono::sys_days{date}.time_since_epoch().count();
    stamp.wallMinutes = days * minutesPerDayD + h * 60.0 + mi + seconds / 60.0;
    return stamp;
}

/// One CSV field: white space around it dropped, and surrounding quotes removed with "" read
/// as one quote.
std::string unquoteField(const std::string &field)
{
    const std::string text = trimSpace(field);
    if (text.size() < 2 || text.front() != '"' || text.back() != '"')
        return text;
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        out += text[i];
        if (text[i] == '"' && text[i + 1] == '"')
            ++i;
    }
    return out;
}

/// Splits a row at ',' (or ';' or a tab when the row has no comma outside quotes), keeping
/// separators inside quoted fields.
std::vector<std::string> splitFields(const std::string &line)
{
    auto outsideQuotes = [&line](char wanted) {
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == wanted && !quoted)
                return true;
        }
        return false;
    };
    const char sep = outsideQuotes(',') ? ',' : outsideQuotes(';') ? ';' : '\t';
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        if (c == sep && !quoted) {
            fields.push_back(unquoteField(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(unquoteField(field));
    return fields;
}

} // namespace

TraceCsvResult parseTraceCsv(const std::string &text)
{
    TraceCsvResult result;
    std::stringstream stream(text);
    std::string line;
    int lineNumber = 0;
    bool seenRow = false;
    bool firstDaySet = false;
    double firstDayStartMin = 0;
    int referenceOffsetMin = 0; ///< the zone of the first timestamp: the trace's local time
    constexpr std::size_t maxProblems = 20;
    while (std::getline(stream, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (lineNumber == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line = line.substr(3); // UTF-8 byte order mark
        const std::string trimmed = trimSpace(line);
        if (trimmed.empty() || trimmed[0] == '#')
            continue;
        const std::string where = "line " + std::to_string(lineNumber) + ": ";
        auto problem = [&](const std::string &message) {
            if (result.problems.size() < maxProblems)
                result.problems.push_back(where + message);
        };
        const std::vector<std::string> fields = splitFields(trimmed);
        if (fields.size() != 2) {
            problem("expected two columns (minute or timestamp, rps), found " +
                    std::to_string(fields.size()));
            seenRow = true;
            continue;
        }
        double minute = 0;
        double rps = 0;
        const bool timeIsNumber = parseDouble(fields[0], minute);
        const std::optional<TraceTimestamp> stamp =
            timeIsNumber ? std::nullopt : parseIsoTimestamp(fields[0]);
        const bool timeIsStamp = stamp.has_value();
        const bool rateIsNumber = parseDouble(fields[1], rps);
        if (!seenRow && !timeIsNumber && !timeIsStamp && !rateIsNumber) {
            seenRow = true; // a header line such as "minute,rps"
            continue;
        }
        seenRow = true;
        if (!timeIsNumber && !timeIsStamp) {
            problem("time '" + utf8Excerpt(fields[0]) + "' is neither a minute nor an ISO timestamp");
            continue;
        }
        if (!rateIsNumber) {
            problem("rate '" + utf8Excerpt(fields[1]) + "' is not a number");
            continue;
        }
        if (rps < 0) {
            problem("rate " + utf8Excerpt(fields[1]) + " is negative");
            continue;
        }
        if (timeIsNumber && minute < 0) {
            problem("minute " + utf8Excerpt(fields[0]) + " is negative");
            continue;
        }
        if (timeIsStamp) {
            if (!firstDaySet) {
                referenceOffsetMin = stamp->offsetMinutes.value_or(0);
                firstDayStartMin =
                    std::floor(stamp->wallMinutes / minutesPerDayD) * minutesPerDayD;
                firstDaySet = true;
            }
            // Later rows in another zone (a daylight-saving switch, a merged export) are read
            // on the first row's clock: same instant, first row's time of day.
            const double wallMin =
                stamp->wallMinutes +
                (stamp->offsetMinutes ? referenceOffsetMin - *stamp->offsetMinutes : 0);
            minute = wallMin - firstDayStartMin;
        }
        result.points.push_back({minute, rps});
    }
    if (result.points.empty() && result.problems.empty())
        result.problems.push_back("no data rows: expected lines such as '0,12.5'");
    return result;
}

} // namespace skyline
