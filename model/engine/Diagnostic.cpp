#include "engine/Diagnostic.h"

#include "domain/NodeKinds.h" // SKYLINE_TR_NOOP
#include "domain/NumberText.h"

#include <cmath>
#include <cstdio>

namespace skyline {
namespace {

struct TextTemplate
{
    const char *key;
    const char *text; ///< English; %1, %2 … are the diagnostic's arguments in order
};

// The one table of warning and error texts. The studio translates each text in context
// "skyline::Diagnostic" (lupdate reads this file); a new code needs one row here.
constexpr TextTemplate textTemplates[] = {
    // Warnings (DESIGN.md §3)
    {"function-timeout",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Function '%1' runs %2 on average; %3 of its invocations would exceed the "
                     "%4 limit of %5.")},
    {"throttling",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Function '%1' throttles %2 of its requests at its concurrency limit of %3 "
                     "instances.")},
    {"sampled-simulation",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Function '%1' gets too many requests to simulate each one (%2 on average): "
                     "each simulated day covers blocks of 5 minutes and interpolates between them, "
                     "so a spike between two blocks is missed and the peak can be too low. The "
                     "analytic method covers the whole day.")},
    {"stateful-function",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Function '%1' needs state but calls no datastore: functions keep nothing "
                     "between invocations.")},
    {"cold-start-p99",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Cold starts dominate the p99 of '%1': %2 of invocations start cold and pay "
                     "%3 of init (p99 %4).")},
    {"cold-start-p99/entry",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Cold starts dominate the end-to-end p99 of '%1': %2 of its slowest 1% of "
                     "requests at the busiest hour hit one.")},
    {"overload",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Service '%1' is overloaded at peak (utilisation %2 with %3 replicas at "
                     "most): %4 of the day's requests exceed its capacity.")},
    {"shared-datastore",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Datastore '%1' is used from %2 bounded contexts (%3): they are coupled "
                     "through its schema.")},
    {"connection-exhaustion",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Up to %1 function instances connect to '%2', beyond its limit of %3 "
                     "connections.")},
    {"deep-chain",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Requests of '%1' pass through a synchronous chain of %2 hops (more than "
                     "%3): every hop adds latency and a failure path.")},
    {"backlog-growth",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "The backlog of '%1' never drains: its consumers handle fewer messages per "
                     "day than arrive, so it grows every day.")},
    {"cpu-oversubscribed",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "Service '%1' keeps up to %2 workers per replica busy at peak; at %3 CPU work "
                     "each they need %4 vCPU, more than its %5: CPU-bound requests wait for the "
                     "CPU and run slower than modelled.")},
    {"gateway-routes",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "The routes of gateway '%1' take %2 of its requests: each request takes one "
                     "route, so their shares should add up to 100%.")},
    {"unused-node",
     SKYLINE_TR_NOOP("skyline::Diagnostic", "No client reaches '%1': it receives no requests.")},
    {"unused-node/client",
     SKYLINE_TR_NOOP("skyline::Diagnostic", "Client '%1' calls nothing: its requests go nowhere.")},
    {"load-out-of-range",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "'%1' would receive %2 at its busiest minute, beyond the %3 the model "
                     "represents (its workload times the traffic multiplier)")},
    {"load-out-of-range/edge",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "'%1' would receive %2 at its busiest minute, beyond the %3 the model "
                     "represents: the connection from '%4' multiplies its %5 by %6")},
    // Errors: the candidate has no figures then
    {"load-out-of-range/error",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "load out of range: '%1' would receive %2 at its busiest minute, beyond the "
                     "%3 the model represents (its workload times the traffic multiplier)")},
    {"load-out-of-range/edge/error",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "load out of range: '%1' would receive %2 at its busiest minute, beyond the "
                     "%3 the model represents: the connection from '%4' multiplies its %5 by "
                     "%6")},
    {"cycle", SKYLINE_TR_NOOP("skyline::Diagnostic", "cycle: %1")},
    {"cycle/edges", SKYLINE_TR_NOOP("skyline::Diagnostic", "cycle among the edges")},
    {"duplicate-node-id", SKYLINE_TR_NOOP("skyline::Diagnostic", "duplicate node id '%1'")},
    {"unknown-node",
     SKYLINE_TR_NOOP("skyline::Diagnostic",
                     "a connection of '%1' leads to the unknown node '%2'")},
    {"unknown-workload",
     SKYLINE_TR_NOOP("skyline::Diagnostic", "client '%1': unknown workload '%2'")},
};

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

/// "%.Ng" without the "+" and leading zero of the exponent ("1e+10" reads "1e10").
std::string significant(double value, int digits)
{
    if (!std::isfinite(value))
        return "more than 1e308";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    std::string text = buffer;
    if (const auto e = text.find("e+"); e != std::string::npos)
        text.replace(e, text[e + 2] == '0' ? 3 : 2, "e");
    return text;
}

} // namespace

MessageArg nameArg(std::string name)
{
    MessageArg arg;
    arg.name = std::move(name);
    return arg;
}

MessageArg numberArg(double value, MessageArg::Unit unit)
{
    MessageArg arg;
    arg.unit = unit;
    arg.value = value;
    return arg;
}

Diagnostic makeDiagnostic(std::string code, std::string node, std::vector<MessageArg> args,
                          std::string textKey)
{
    Diagnostic d{std::move(code), std::move(node), std::move(textKey), std::move(args), {}};
    d.message = englishMessage(d.templateKey(), d.args);
    return d;
}

const char *messageTemplate(const std::string &textKey)
{
    for (const TextTemplate &row : textTemplates)
        if (textKey == row.key)
            return row.text;
    return nullptr;
}

std::vector<std::string> messageTextKeys()
{
    std::vector<std::string> keys;
    for (const TextTemplate &row : textTemplates)
        keys.emplace_back(row.key);
    return keys;
}

std::string englishArg(const MessageArg &arg)
{
    using Unit = MessageArg::Unit;
    switch (arg.unit) {
    case Unit::Name:
        return arg.name;
    case Unit::Count: // as the studio writes counts (formatCount): "1,000"
        return numberText(std::round(arg.value));
    case Unit::Share:
        return fixed(100.0 * arg.value, arg.value < 0.01 ? 2 : 1) + "%";
    case Unit::Seconds:
        return fixed(arg.value, arg.value == std::round(arg.value) ? 0 : 1) + " s";
    case Unit::Milliseconds:
        return fixed(arg.value, 0) + " ms";
    case Unit::RequestsPerSecond: // as the studio writes rates (formatRps): "3,381", "2.5"
        if (!std::isfinite(arg.value))
            return significant(arg.value, 3) + " req/s";
        return numberText(std::abs(arg.value) < 10 ? std::round(arg.value * 100.0) / 100.0
                                                   : std::round(arg.value))
            + " req/s";
    case Unit::Factor: // as the studio writes factors (formatNumber, 6 decimals): "1,000", "1.5"
        if (!std::isfinite(arg.value) || std::abs(arg.value) >= 1e12)
            return significant(arg.value, 6);
        return numberText(std::round(arg.value * 1e6) / 1e6);
    }
    return {};
}

std::string englishMessage(const std::string &textKey, const std::vector<MessageArg> &args)
{
    const char *text = messageTemplate(textKey);
    if (!text)
        return textKey;
    std::string out;
    for (const char *p = text; *p; ++p) {
        if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
            const std::size_t index = std::size_t(p[1] - '1');
            if (index < args.size())
                out += englishArg(args[index]);
            ++p;
            continue;
        }
        out += *p;
    }
    return out;
}

} // namespace skyline
