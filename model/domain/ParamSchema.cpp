#include "domain/ParamSchema.h"

#include "domain/FunctionMemory.h"
#include "domain/NumberText.h"
#include "domain/Products.h"

#include <cmath>

namespace skyline {
namespace {

ParamSpec number(std::string key, std::string label, std::string unit, double lo, double hi,
                 double def, std::string help)
{
    return {std::move(key), std::move(label), ParamType::Number, std::move(unit), lo, hi, def,
            {}, std::move(help)};
}

ParamSpec integer(std::string key, std::string label, std::string unit, double lo, double hi,
                  double def, std::string help)
{
    return {std::move(key), std::move(label), ParamType::Integer, std::move(unit), lo, hi, def,
            {}, std::move(help)};
}

ParamSpec flag(std::string key, std::string label, bool def, std::string help)
{
    return {std::move(key), std::move(label), ParamType::Flag, {}, 0, 0, def, {}, std::move(help)};
}

ParamSpec choice(std::string key, std::string label, std::vector<std::string> choices,
                 std::string help)
{
    ParamValue def = choices.front();
    return {std::move(key), std::move(label), ParamType::Choice, {}, 0, 0, def,
            std::move(choices), std::move(help)};
}

ParamSpec text(std::string key, std::string label, std::string def, std::string help)
{
    return {std::move(key), std::move(label), ParamType::Text, {}, 0, 0, std::move(def), {},
            std::move(help)};
}

ParamSpec cpuBoundShare(const char *whatItDoes)
{
    return number("cpuBoundShare", "CPU-bound share", "of run time", 0.0, 1.0, 0.25,
                  std::string("Share of the run time that is CPU work (0 = all waiting on calls, "
                              "1 = all computation). ") + whatItDoes);
}

ParamSpec availability(double def)
{
    return number("availability", "Availability", "", 0.0, 1.0, def,
                  "Share of time the component is up (0.999 = three nines); feeds the "
                  "availability of every entry point that calls it.");
}

std::vector<ParamSpec> gatewaySpecs()
{
    return {choice("product", "Product", productIds(NodeKind::Gateway),
                   "Which gateway or load balancer; decides the price per call or per hour."),
            number("latencyMs", "Latency", "ms", 0, 10000, 8,
                   "Latency the gateway adds to every call it forwards."),
            availability(0.9995)};
}

std::vector<ParamSpec> functionSpecs()
{
    return {
        choice("provider", "Provider", productIds(NodeKind::Function),
               "Serverless platform; decides prices and the execution time limit."),
        choice("arch", "Architecture", {"x86", "arm"}, "CPU architecture (arm is cheaper)."),
        integer("memoryMb", "Memory", "MB", 128, 10240, 512,
                "Memory of one instance; billed as GB-seconds."),
        number("durationMs", "Run time", "ms", 0.1, 3600000, 120,
               "Mean warm run time of one invocation, at the memory it is stated at."),
        integer("runTimeAtMemoryMb", "Run time stated at", "MB", 128, 10240, 512,
                "Memory at which the run time and the cold start were measured or estimated; "
                "at another memory their CPU-bound share scales with the vCPU share (1 vCPU "
                "per 1,769 MB). A file without it states them at the function's own memory."),
        number("durationCv", "Run time variability", "CV", 0, 10, 1.0,
               "Coefficient of variation of the run time (1 = exponential, 0 = constant)."),
        cpuBoundShare("More memory gives more vCPU (one per 1,769 MB), which speeds up this "
                      "share of the run time and of the cold start, not the rest."),
        number("coldStartMs", "Cold start", "ms", 0, 60000, 400,
               "Init time a new instance spends before its first request (billed), at the "
               "memory the run time is stated at."),
        number("keepAliveS", "Keep-alive", "s", 1, 86400, 600,
               "Idle time after which the platform reclaims an instance."),
        integer("concurrencyLimit", "Concurrency limit", "instances", 1, 1000000, 1000,
                "Most instances at once; requests beyond it are throttled."),
        integer("provisionedConcurrency", "Provisioned concurrency", "instances", 0, 1000000, 0,
                "Instances kept warm all day (billed whether used or not)."),
        flag("needsState", "Needs state", false,
             "The function keeps state between requests, so it must reach a datastore."),
        text("runtime", "Runtime", "nodejs20", "Language runtime (counts towards complexity)."),
        availability(0.9995)};
}

std::vector<ParamSpec> serviceSpecs()
{
    return {
        choice("hosting", "Hosting", productIds(NodeKind::Service),
               "Where the replicas run; decides prices and platform fees."),
        choice("arch", "Architecture", {"x86", "arm"}, "CPU architecture (arm is cheaper)."),
        number("vcpu", "vCPU", "vCPU", 0.125, 192, 0.5, "vCPUs of one replica."),
        number("memoryGb", "Memory", "GB", 0.125, 1024, 1, "Memory of one replica."),
        number("serviceTimeMs", "Service time", "ms", 0.01, 3600000, 20,
               "Mean time one worker spends on one request."),
        number("serviceTimeCv", "Service time variability", "CV", 0, 10, 1.0,
               "Coefficient of variation of the service time (1 = exponential)."),
        cpuBoundShare("A replica's vCPUs keep vCPU / share busy workers running; Convert "
                      "sizes the workers per replica from it."),
        integer("concurrencyPerReplica", "Workers per replica", "workers", 1, 100000, 8,
                "Requests one replica serves at once."),
        integer("minReplicas", "Min replicas", "replicas", 0, 100000, 2,
                "Replicas that always run."),
        integer("maxReplicas", "Max replicas", "replicas", 1, 100000, 20,
                "Most replicas the autoscaler starts."),
        number("targetUtilization", "Target utilisation", "", 0.05, 1.0, 0.6,
               "Utilisation the autoscaler aims for."),
        number("scaleUpDelayS", "Scale-up delay", "s", 0, 3600, 90,
               "Time before the autoscaler adds replicas for higher demand."),
        number("scaleDownDelayS", "Scale-down delay", "s", 0, 86400, 300,
               "Time of lower demand before the autoscaler removes replicas."),
        text("runtime", "Runtime", "java21", "Language runtime (counts towards complexity)."),
        availability(0.999)};
}

std::vector<ParamSpec> queueSpecs()
{
    return {choice("product", "Product", productIds(NodeKind::Queue),
                   "Queue, topic or event bus; decides prices."),
            number("deliveryLatencyMs", "Delivery latency", "ms", 0, 3600000, 20,
                   "Time from publish to delivery (asynchronous: not added to the caller)."),
            integer("batchSize", "Batch size", "messages", 1, 10000, 1,
                    "Messages delivered per consumer invocation."),
            number("messageKb", "Message size", "KB", 0.001, 1024, 2,
                   "Size of one message; SQS bills per 64 KB chunk."),
            availability(0.9999)};
}

std::vector<ParamSpec> datastoreSpecs()
{
    return {choice("product", "Product", productIds(NodeKind::Datastore),
                   "Database or cache; decides prices per request or per hour."),
            number("latencyMs", "Latency", "ms", 0, 60000, 6, "Latency of one call."),
            integer("maxConnections", "Max connections", "connections", 0, 10000000, 0,
                    "Connection limit (0 = no limit); too many function instances exhaust it."),
            availability(0.9999)};
}

} // namespace

const std::vector<ParamSpec> &nodeParamSpecs(NodeKind kind)
{
    static const std::vector<ParamSpec> none;
    static const std::vector<ParamSpec> gateway = gatewaySpecs();
    static const std::vector<ParamSpec> function = functionSpecs();
    static const std::vector<ParamSpec> service = serviceSpecs();
    static const std::vector<ParamSpec> queue = queueSpecs();
    static const std::vector<ParamSpec> datastore = datastoreSpecs();
    switch (kind) {
    case NodeKind::Client: return none;
    case NodeKind::Gateway: return gateway;
    case NodeKind::Function: return function;
    case NodeKind::Service: return service;
    case NodeKind::Queue: return queue;
    case NodeKind::Datastore: return datastore;
    }
    return none;
}

const std::vector<ParamSpec> &workloadParamSpecs(WorkloadShape shape)
{
    static const std::vector<ParamSpec> constant = {
        number("rps", "Rate", "req/s", 0, 1e7, 10, "Requests per second all day.")};
    static const std::vector<ParamSpec> diurnal = {
        number("peakRps", "Peak rate", "req/s", 0, 1e7, 100, "Rate at the peak hour."),
        number("troughRps", "Trough rate", "req/s", 0, 1e7, 10,
               "Rate twelve hours from the peak."),
        number("peakHour", "Peak hour", "h", 0, 23.99, 14, "Hour of the day of the peak.")};
    static const std::vector<ParamSpec> businessHours = {
        number("peakRps", "Office-hours rate", "req/s", 0, 1e7, 100,
               "Rate during office hours."),
        number("troughRps", "Off-hours rate", "req/s", 0, 1e7, 5, "Rate outside office hours."),
        number("startHour", "Opens", "h", 0, 24, 9, "Hour office hours start."),
        number("endHour", "Closes", "h", 0, 24, 17, "Hour office hours end.")};
    static const std::vector<ParamSpec> spiky = {
        number("baseRps", "Base rate", "req/s", 0, 1e7, 10, "Rate between spikes."),
        number("spikeRps", "Spike rate", "req/s", 0, 1e7, 200, "Rate during a spike."),
        integer("spikesPerDay", "Spikes per day", "spikes", 0, 1440, 6, "How many spikes."),
        number("spikeDurationMin", "Spike length", "min", 1, 1440, 10, "Length of one spike."),
        integer("seed", "Seed", "", 0, 2147483647, 1, "Seed that places the spikes.")};
    static const std::vector<ParamSpec> trace;
    switch (shape) {
    case WorkloadShape::Constant: return constant;
    case WorkloadShape::Diurnal: return diurnal;
    case WorkloadShape::BusinessHours: return businessHours;
    case WorkloadShape::Spiky: return spiky;
    case WorkloadShape::Trace: return trace;
    }
    return trace;
}

const std::vector<ParamSpec> &edgeFieldSpecs()
{
    static const std::vector<ParamSpec> specs = {
        number("perRequest", "Calls per request", "", 0, maxPerRequest, 1,
               "How many calls or events the source makes for each request it handles."),
        number("latencyMs", "Latency", "ms", 0, maxEdgeLatencyMs, 0,
               "Latency of one call on the network (API calls).")};
    return specs;
}

const std::vector<ParamSpec> &pricingFieldSpecs()
{
    static const std::vector<ParamSpec> specs = {
        number("hoursPerMonth", "Hours per month", "h", 1, 744, 730,
               "Hours in a billing month (730 is the convention of the AWS Pricing "
               "Calculator).")};
    return specs;
}

namespace {
const ParamSpec *findSpec(const std::vector<ParamSpec> &specs, const std::string &key)
{
    for (const ParamSpec &spec : specs)
        if (spec.key == key)
            return &spec;
    return nullptr;
}
} // namespace

const ParamSpec *findEdgeFieldSpec(const std::string &key)
{
    return findSpec(edgeFieldSpecs(), key);
}

const ParamSpec *findPricingFieldSpec(const std::string &key)
{
    return findSpec(pricingFieldSpecs(), key);
}

const ParamSpec *findNodeParamSpec(NodeKind kind, const std::string &key)
{
    return findSpec(nodeParamSpecs(kind), key);
}

const ParamSpec *findWorkloadParamSpec(WorkloadShape shape, const std::string &key)
{
    return findSpec(workloadParamSpecs(shape), key);
}

bool isRangeable(const ParamSpec &spec)
{
    // The stated memory is where a run time was measured, not a quantity with an "around".
    return (spec.type == ParamType::Number || spec.type == ParamType::Integer)
        && spec.key != "seed" && spec.key != runTimeAtMemoryKey;
}

namespace {
/// checkParamValue's sentence for one end of a range, with the end named.
std::string checkRangeEnd(const ParamSpec &spec, const char *end, double v)
{
    if (!std::isfinite(v))
        return std::string(end) + " must be a finite number";
    if (v < spec.minimum || v > spec.maximum) {
        std::string range = std::string(end) + " must be between " + numberText(spec.minimum)
            + " and " + numberText(spec.maximum);
        if (!spec.unit.empty())
            range += " " + spec.unit;
        return range;
    }
    return {};
}
} // namespace

std::string checkParamRange(const ParamSpec &spec, double value, const ParamRange &range)
{
    if (spec.key == runTimeAtMemoryKey)
        return "the memory the run time is stated at cannot have a range (give the run time "
               "one)";
    if (!isRangeable(spec))
        return "only numeric parameters can have a range";
    if (std::string problem = checkRangeEnd(spec, "low", range.low); !problem.empty())
        return problem;
    if (std::string problem = checkRangeEnd(spec, "high", range.high); !problem.empty())
        return problem;
    if (range.low > value)
        return "low " + numberText(range.low) + " must not be above the value "
            + numberText(value);
    if (range.high < value)
        return "high " + numberText(range.high) + " must not be below the value "
            + numberText(value);
    return {};
}

std::string checkParamValue(const ParamSpec &spec, const ParamValue &value)
{
    switch (spec.type) {
    case ParamType::Number:
    case ParamType::Integer: {
        const double *v = std::get_if<double>(&value);
        if (!v)
            return "must be a number";
        if (!std::isfinite(*v))
            return "must be a finite number";
        if (spec.type == ParamType::Integer && std::floor(*v) != *v)
            return "must be a whole number";
        if (*v < spec.minimum || *v > spec.maximum) {
            std::string range = "must be between " + numberText(spec.minimum) + " and " +
                                numberText(spec.maximum);
            if (!spec.unit.empty())
                range += " " + spec.unit;
            return range;
        }
        return {};
    }
    case ParamType::Flag:
        return std::holds_alternative<bool>(value) ? std::string() : "must be true or false";
    case ParamType::Choice: {
        const std::string *s = std::get_if<std::string>(&value);
        if (!s)
            return "must be a string";
        for (const std::string &c : spec.choices)
            if (c == *s)
                return {};
        std::string list;
        for (const std::string &c : spec.choices)
            list += (list.empty() ? "" : ", ") + c;
        return "must be one of " + list;
    }
    case ParamType::Text: {
        const std::string *s = std::get_if<std::string>(&value);
        if (!s)
            return "must be a string";
        if (s->size() > 200)
            return "must be at most 200 characters";
        return {};
    }
    }
    return {};
}

} // namespace skyline
