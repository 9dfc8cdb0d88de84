#include "io/ProjectJson.h"

#include "domain/ParamSchema.h"
#include "io/Utf8.h"

#include <cmath>
#include <cstdio>
#include <unordered_set>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace skyline {

std::string describe(const Problem &problem)
{
    if (problem.pointer.empty())
        return problem.message;
    return problem.pointer + ": " + problem.message;
}

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

OrderedJson paramToJson(const ParamValue &value)
{
    if (const double *d = std::get_if<double>(&value))
        return *d;
    if (const bool *b = std::get_if<bool>(&value))
        return *b;
    return std::get<std::string>(value);
}

OrderedJson paramsToJson(const ParamMap &params, const std::vector<ParamSpec> &specs)
{
    OrderedJson out = OrderedJson::object();
    for (const ParamSpec &spec : specs) {
        auto it = params.find(spec.key);
        out[spec.key] = paramToJson(it != params.end() ? it->second : spec.defaultValue);
    }
    return out;
}

} // namespace

OrderedJson toJson(const Workload &workload)
{
    OrderedJson out;
    out["id"] = workload.id;
    out["name"] = workload.name;
    out["shape"] = toString(workload.shape);
    const OrderedJson params = paramsToJson(workload.params, workloadParamSpecs(workload.shape));
    for (const auto &[key, value] : params.items())
        out[key] = value;
    if (workload.shape == WorkloadShape::Trace) {
        OrderedJson points = OrderedJson::array();
        for (const auto &p : workload.points)
            points.push_back(OrderedJson::array({p[0], p[1]}));
        out["points"] = std::move(points);
    }
    return out;
}

OrderedJson toJson(const Context &context)
{
    OrderedJson out;
    out["id"] = context.id;
    out["name"] = context.name;
    out["rect"] = OrderedJson::array(
        {context.rect.x, context.rect.y, context.rect.width, context.rect.height});
    return out;
}

OrderedJson toJson(const Node &node)
{
    OrderedJson out;
    out["id"] = node.id;
    out["kind"] = toString(node.kind);
    out["name"] = node.name;
    out["pos"] = OrderedJson::array({node.pos.x, node.pos.y});
    if (!node.context.empty())
        out["context"] = node.context;
    if (node.kind == NodeKind::Client)
        out["workload"] = node.workload;
    const auto &specs = nodeParamSpecs(node.kind);
    if (!specs.empty())
        out["params"] = paramsToJson(node.params, specs);
    return out;
}

OrderedJson toJson(const Edge &edge)
{
    OrderedJson out;
    out["id"] = edge.id;
    out["kind"] = toString(edge.kind);
    out["from"] = edge.from;
    out["to"] = edge.to;
    out["perRequest"] = edge.perRequest;
    out["latencyMs"] = edge.latencyMs;
    if (edge.parallel)
        out["parallel"] = true;
    if (edge.fallback)
        out["fallback"] = true;
    return out;
}

OrderedJson toJson(const Candidate &candidate)
{
    OrderedJson out;
    out["id"] = candidate.id;
    out["name"] = candidate.name;
    out["contexts"] = OrderedJson::array();
    for (const Context &c : candidate.contexts)
        out["contexts"].push_back(toJson(c));
    out["nodes"] = OrderedJson::array();
    for (const Node &n : candidate.nodes)
        out["nodes"].push_back(toJson(n));
    out["edges"] = OrderedJson::array();
    for (const Edge &e : candidate.edges)
        out["edges"].push_back(toJson(e));
    return out;
}

OrderedJson toJson(const Project &project)
{
    OrderedJson out;
    out["format"] = "skyline";
    out["version"] = project.version;
    out["name"] = project.name;
    out["description"] = project.description;
    OrderedJson pricing;
    pricing["catalog"] = project.pricing.catalog;
    pricing["freeTier"] = project.pricing.freeTier;
    pricing["hoursPerMonth"] = project.pricing.hoursPerMonth;
    pricing["overrides"] = OrderedJson::object();
    for (const auto &[key, value] : project.pricing.overrides)
        pricing["overrides"][key] = value;
    out["pricing"] = std::move(pricing);
    out["workloads"] = OrderedJson::array();
    for (const Workload &w : project.workloads)
        out["workloads"].push_back(toJson(w));
    out["candidates"] = OrderedJson::array();
    for (const Candidate &c : project.candidates)
        out["candidates"].push_back(toJson(c));
    return out;
}

namespace {

bool isScalar(const OrderedJson &j)
{
    return !j.is_object() && !j.is_array();
}

bool isFlatArray(const OrderedJson &j)
{
    if (!j.is_array() || j.size() > 16)
        return false;
    for (const auto &e : j)
        if (!isScalar(e))
            return false;
    return true;
}

void writeScalar(const OrderedJson &j, std::string &out)
{
    if (j.is_number_float()) {
        const double v = j.get<double>();
        if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.0f", v);
            out += buffer;
            return;
        }
    }
    // Strings are valid UTF-8 by the time they reach a project; should one not be, Save
    // writes U+FFFD for the stray byte instead of throwing and losing the whole file.
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void writeValue(const OrderedJson &j, int indent, std::string &out)
{
    const std::string pad(static_cast<size_t>(indent) * 2, ' ');
    const std::string innerPad(static_cast<size_t>(indent + 1) * 2, ' ');
    if (isScalar(j)) {
        writeScalar(j, out);
    } else if (j.is_array()) {
        if (j.empty()) {
            out += "[]";
        } else if (isFlatArray(j)) {
            out += '[';
            bool first = true;
            for (const auto &e : j) {
                if (!first)
                    out += ", ";
                first = false;
                writeScalar(e, out);
            }
            out += ']';
        } else {
            out += "[\n";
            bool first = true;
            for (const auto &e : j) {
                if (!first)
                    out += ",\n";
                first = false;
                out += innerPad;
                writeValue(e, indent + 1, out);
            }
            out += '\n' + pad + ']';
        }
    } else {
        if (j.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto &[key, value] : j.items()) {
            if (!first)
                out += ",\n";
            first = false;
            out += innerPad + OrderedJson(key).dump() + ": ";
            writeValue(value, indent + 1, out);
        }
        out += '\n' + pad + '}';
    }
}

} // namespace

std::string formatCanonicalJson(const OrderedJson &json)
{
    std::string out;
    writeValue(json, 0, out);
    out += '\n';
    return out;
}

std::string writeProject(const Project &project)
{
    return formatCanonicalJson(toJson(project));
}

// ---------------------------------------------------------------------------------------------
// Reading

namespace {

std::string escapePointerToken(const std::string &token)
{
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string child(const std::string &pointer, const std::string &key)
{
    return pointer + "/" + escapePointerToken(key);
}

std::string child(const std::string &pointer, size_t index)
{
    return pointer + "/" + std::to_string(index);
}

const char *typeName(const OrderedJson &j)
{
    if (j.is_null())
        return "null";
    if (j.is_boolean())
        return "a boolean";
    if (j.is_number())
        return "a number";
    if (j.is_string())
        return "a string";
    if (j.is_array())
        return "an array";
    return "an object";
}

/// Reads fields of one JSON object, noting every problem under its pointer.
class FieldReader
{
public:
    FieldReader(const OrderedJson &object, std::string pointer, std::vector<Problem> &problems)
        : m_object(object), m_pointer(std::move(pointer)), m_problems(problems)
    {
        if (!m_object.is_object())
            fail(m_pointer, std::string("expected an object, found ") + typeName(m_object));
    }

    bool valid() const { return m_object.is_object(); }
    const std::string &pointer() const { return m_pointer; }

    const OrderedJson *find(const std::string &key) const
    {
        if (!valid())
            return nullptr;
        auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }

    std::string string(const std::string &key, bool required, const std::string &fallback = {})
    {
        const OrderedJson *j = find(key);
        if (!j) {
            if (required && valid())
                fail(child(m_pointer, key), "is missing (expected a string)");
            return fallback;
        }
        if (!j->is_string()) {
            fail(child(m_pointer, key), std::string("expected a string, found ") + typeName(*j));
            return fallback;
        }
        return j->get<std::string>();
    }

    std::string id(const std::string &key = "id")
    {
        std::string value = string(key, true);
        if (find(key) && find(key)->is_string() && value.empty())
            fail(child(m_pointer, key), "must not be empty");
        return value;
    }

    double number(const std::string &key, bool required, double fallback, double lo, double hi)
    {
        const OrderedJson *j = find(key);
        if (!j) {
            if (required && valid())
                fail(child(m_pointer, key), "is missing (expected a number)");
            return fallback;
        }
        if (!j->is_number()) {
            fail(child(m_pointer, key), std::string("expected a number, found ") + typeName(*j));
            return fallback;
        }
        const double v = j->get<double>();
        if (!std::isfinite(v) || v < lo || v > hi) {
            std::ostringstream msg;
            msg << "must be between " << lo << " and " << hi;
            fail(child(m_pointer, key), msg.str());
            return fallback;
        }
        return v;
    }

    bool boolean(const std::string &key, bool fallback)
    {
        const OrderedJson *j = find(key);
        if (!j)
            return fallback;
        if (!j->is_boolean()) {
            fail(child(m_pointer, key), std::string("expected true or false, found ") + typeName(*j));
            return fallback;
        }
        return j->get<bool>();
    }

    /// An array of `count` numbers, e.g. "pos": [x, y].
    std::vector<double> numbers(const std::string &key, size_t count, bool required)
    {
        const OrderedJson *j = find(key);
        std::vector<double> out(count, 0.0);
        if (!j) {
            if (required && valid())
                fail(child(m_pointer, key), "is missing (expected an array of " +
                                                std::to_string(count) + " numbers)");
            return out;
        }
        if (!j->is_array() || j->size() != count) {
            fail(child(m_pointer, key),
                 "expected an array of " + std::to_string(count) + " numbers");
            return out;
        }
        for (size_t i = 0; i < count; ++i) {
            const OrderedJson &e = (*j)[i];
            if (!e.is_number() || !std::isfinite(e.get<double>()) ||
                std::fabs(e.get<double>()) > 1e9) {
                fail(child(child(m_pointer, key), i), "expected a finite number");
                continue;
            }
            out[i] = e.get<double>();
        }
        return out;
    }

    void fail(const std::string &pointer, const std::string &message)
    {
        m_problems.push_back({pointer, message});
    }

private:
    const OrderedJson &m_object;
    std::string m_pointer;
    std::vector<Problem> &m_problems;
};

std::optional<ParamValue> paramFromJson(const OrderedJson &j, const ParamSpec &spec,
                                        const std::string &pointer,
                                        std::vector<Problem> &problems)
{
    ParamValue value;
    if (j.is_number())
        value = j.get<double>();
    else if (j.is_boolean())
        value = j.get<bool>();
    else if (j.is_string())
        value = j.get<std::string>();
    else {
        problems.push_back({pointer, std::string("expected a value, found ") + typeName(j)});
        return std::nullopt;
    }
    const std::string why = checkParamValue(spec, value);
    if (!why.empty()) {
        problems.push_back({pointer, why});
        return std::nullopt;
    }
    return value;
}

/// Reads the params of `specs` from `object` (keys absent take their defaults).
ParamMap paramsFromJson(const OrderedJson &object, const std::vector<ParamSpec> &specs,
                        const std::string &pointer, std::vector<Problem> &problems)
{
    ParamMap params;
    for (const ParamSpec &spec : specs) {
        params[spec.key] = spec.defaultValue;
        if (!object.is_object())
            continue;
        auto it = object.find(spec.key);
        if (it == object.end())
            continue;
        if (auto v = paramFromJson(*it, spec, child(pointer, spec.key), problems))
            params[spec.key] = *v;
    }
    return params;
}

template <typename T, typename Reader>
std::vector<T> readArray(FieldReader &fields, const std::string &key, bool required,
                         std::vector<Problem> &problems, Reader reader)
{
    std::vector<T> out;
    const OrderedJson *j = fields.find(key);
    if (!j) {
        if (required && fields.valid())
            fields.fail(child(fields.pointer(), key), "is missing (expected an array)");
        return out;
    }
    if (!j->is_array()) {
        fields.fail(child(fields.pointer(), key),
                    std::string("expected an array, found ") + typeName(*j));
        return out;
    }
    for (size_t i = 0; i < j->size(); ++i)
        if (auto item = reader((*j)[i], child(child(fields.pointer(), key), i), problems))
            out.push_back(std::move(*item));
    return out;
}

template <typename T>
std::optional<T> okOr(T value, size_t problemsBefore, const std::vector<Problem> &problems)
{
    if (problems.size() != problemsBefore)
        return std::nullopt;
    return value;
}

} // namespace

std::optional<Workload> workloadFromJson(const OrderedJson &json, const std::string &pointer,
                                         std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, pointer, problems);
    if (!fields.valid())
        return std::nullopt;
    Workload w;
    w.id = fields.id();
    w.name = fields.string("name", false);
    const std::string shapeText = fields.string("shape", true);
    const auto shape = workloadShapeFromString(shapeText);
    if (!shape) {
        if (fields.find("shape") && fields.find("shape")->is_string())
            fields.fail(child(pointer, "shape"),
                        "unknown shape '" + shapeText +
                            "' (expected constant, diurnal, business-hours, spiky or trace)");
        return std::nullopt;
    }
    w.shape = *shape;
    w.params = paramsFromJson(json, workloadParamSpecs(w.shape), pointer, problems);
    if (w.shape == WorkloadShape::Trace) {
        const OrderedJson *points = fields.find("points");
        if (!points || !points->is_array() || points->empty()) {
            fields.fail(child(pointer, "points"),
                        "expected an array of [minute, rps] pairs with at least one pair");
        } else {
            for (size_t i = 0; i < points->size(); ++i) {
                const OrderedJson &p = (*points)[i];
                const std::string at = child(child(pointer, "points"), i);
                if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
                    fields.fail(at, "expected [minute, rps]");
                    continue;
                }
                const double minute = p[0].get<double>(), rps = p[1].get<double>();
                if (!std::isfinite(minute) || minute < 0 || minute > 1e7) {
                    fields.fail(child(at, 0), "minute must be between 0 and 10000000");
                    continue;
                }
                if (!std::isfinite(rps) || rps < 0 || rps > 1e7) {
                    fields.fail(child(at, 1), "rate must be between 0 and 10000000 req/s");
                    continue;
                }
                w.points.push_back({minute, rps});
            }
        }
    }
    return okOr(std::move(w), before, problems);
}

std::optional<Context> contextFromJson(const OrderedJson &json, const std::string &pointer,
                                       std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, pointer, problems);
    if (!fields.valid())
        return std::nullopt;
    Context c;
    c.id = fields.id();
    c.name = fields.string("name", false);
    const auto r = fields.numbers("rect", 4, true);
    c.rect = {r[0], r[1], r[2], r[3]};
    if (problems.size() == before && (c.rect.width <= 0 || c.rect.height <= 0))
        fields.fail(child(pointer, "rect"), "width and height must be positive");
    return okOr(std::move(c), before, problems);
}

std::optional<Node> nodeFromJson(const OrderedJson &json, const std::string &pointer,
                                 std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, pointer, problems);
    if (!fields.valid())
        return std::nullopt;
    Node n;
    n.id = fields.id();
    const std::string kindText = fields.string("kind", true);
    const auto kind = nodeKindFromString(kindText);
    if (!kind) {
        if (fields.find("kind") && fields.find("kind")->is_string())
            fields.fail(child(pointer, "kind"),
                        "unknown node kind '" + kindText +
                            "' (expected client, gateway, function, service, queue or datastore)");
        return std::nullopt;
    }
    n.kind = *kind;
    n.name = fields.string("name", false);
    const auto pos = fields.numbers("pos", 2, true);
    n.pos = {pos[0], pos[1]};
    n.context = fields.string("context", false);
    if (n.kind == NodeKind::Client)
        n.workload = fields.string("workload", true);
    const OrderedJson *params = fields.find("params");
    if (params && !params->is_object())
        fields.fail(child(pointer, "params"),
                    std::string("expected an object, found ") + typeName(*params));
    n.params = paramsFromJson(params ? *params : OrderedJson::object(),
                              nodeParamSpecs(n.kind), child(pointer, "params"), problems);
    return okOr(std::move(n), before, problems);
}

std::optional<Edge> edgeFromJson(const OrderedJson &json, const std::string &pointer,
                                 std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, pointer, problems);
    if (!fields.valid())
        return std::nullopt;
    Edge e;
    e.id = fields.id();
    const std::string kindText = fields.string("kind", true);
    const auto kind = edgeKindFromString(kindText);
    if (!kind && fields.find("kind") && fields.find("kind")->is_string())
        fields.fail(child(pointer, "kind"),
                    "unknown edge kind '" + kindText + "' (expected api or event)");
    e.kind = kind.value_or(EdgeKind::Api);
    e.from = fields.id("from");
    e.to = fields.id("to");
    e.perRequest = fields.number("perRequest", false, 1.0, 0.0, maxPerRequest);
    e.latencyMs = fields.number("latencyMs", false, 0.0, 0.0, maxEdgeLatencyMs);
    e.parallel = fields.boolean("parallel", false);
    e.fallback = fields.boolean("fallback", false);
    return okOr(std::move(e), before, problems);
}

std::optional<Candidate> candidateFromJson(const OrderedJson &json, const std::string &pointer,
                                           std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, pointer, problems);
    if (!fields.valid())
        return std::nullopt;
    Candidate c;
    c.id = fields.id();
    c.name = fields.string("name", false);
    c.contexts = readArray<Context>(fields, "contexts", false, problems, contextFromJson);
    c.nodes = readArray<Node>(fields, "nodes", true, problems, nodeFromJson);
    c.edges = readArray<Edge>(fields, "edges", false, problems, edgeFromJson);
    return okOr(std::move(c), before, problems);
}

std::optional<Project> projectFromJson(const OrderedJson &json, std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, "", problems);
    if (!fields.valid())
        return std::nullopt;
    const OrderedJson *format = fields.find("format");
    if (!format || !format->is_string() || format->get<std::string>() != "skyline") {
        fields.fail("/format", "expected \"skyline\" (this is not a Skyline file)");
        return std::nullopt;
    }
    const OrderedJson *version = fields.find("version");
    if (!version || !version->is_number_integer()) {
        fields.fail("/version", "expected the format version, a whole number");
        return std::nullopt;
    }
    if (version->get<long long>() > Project::currentVersion) {
        fields.fail("/version", "version " + std::to_string(version->get<long long>()) +
                                    " was written by a newer Skyline; this one reads up to " +
                                    std::to_string(Project::currentVersion) +
                                    ". Update Skyline to open it.");
        return std::nullopt;
    }
    if (version->get<long long>() < 1) {
        fields.fail("/version", "expected a version of at least 1");
        return std::nullopt;
    }
    Project p;
    p.name = fields.string("name", false);
    p.description = fields.string("description", false);
    if (const OrderedJson *pricing = fields.find("pricing")) {
        FieldReader pf(*pricing, "/pricing", problems);
        if (pf.valid()) {
            p.pricing.catalog = pf.string("catalog", false, p.pricing.catalog);
            p.pricing.freeTier = pf.boolean("freeTier", false);
            p.pricing.hoursPerMonth = pf.number("hoursPerMonth", false, 730.0, 1.0, 744.0);
            if (const OrderedJson *overrides = pf.find("overrides")) {
                if (!overrides->is_object()) {
                    pf.fail("/pricing/overrides", "expected an object of price key -> number");
                } else {
                    for (const auto &[key, value] : overrides->items()) {
                        if (!value.is_number() || !std::isfinite(value.get<double>()) ||
                            value.get<double>() < 0)
                            pf.fail(child("/pricing/overrides", key),
                                    "expected a price, a number of at least 0");
                        else
                            p.pricing.overrides[key] = value.get<double>();
                    }
                }
            }
        }
    }
    p.workloads = readArray<Workload>(fields, "workloads", false, problems, workloadFromJson);
    p.candidates = readArray<Candidate>(fields, "candidates", true, problems, candidateFromJson);
    if (problems.size() != before)
        return std::nullopt;
    return p;
}

// ---------------------------------------------------------------------------------------------
// Semantic validation

std::vector<Problem> validateProject(const Project &project)
{
    std::vector<Problem> problems;
    std::set<std::string> workloadIds;
    for (size_t i = 0; i < project.workloads.size(); ++i) {
        const Workload &w = project.workloads[i];
        const std::string at = child("/workloads", i);
        if (w.id.empty())
            problems.push_back({child(at, "id"), "must not be empty"});
        else if (!workloadIds.insert(w.id).second)
            problems.push_back({child(at, "id"), "duplicate workload id '" + w.id + "'"});
        for (const ParamSpec &spec : workloadParamSpecs(w.shape)) {
            auto it = w.params.find(spec.key);
            if (it == w.params.end())
                continue;
            const std::string why = checkParamValue(spec, it->second);
            if (!why.empty())
                problems.push_back({child(at, spec.key), why});
        }
        if (w.shape == WorkloadShape::BusinessHours &&
            w.number("startHour") >= w.number("endHour"))
            problems.push_back({child(at, "endHour"), "must be later than startHour"});
        if (w.shape == WorkloadShape::Trace && w.points.empty())
            problems.push_back({child(at, "points"), "a trace needs at least one point"});
    }
    std::set<std::string> candidateIds;
    for (size_t ci = 0; ci < project.candidates.size(); ++ci) {
        const Candidate &c = project.candidates[ci];
        const std::string at = child("/candidates", ci);
        if (c.id.empty())
            problems.push_back({child(at, "id"), "must not be empty"});
        else if (!candidateIds.insert(c.id).second)
            problems.push_back({child(at, "id"), "duplicate candidate id '" + c.id + "'"});
        std::set<std::string> ids; // nodes, edges and contexts share one namespace
        std::set<std::string> contextIds;
        std::unordered_map<std::string, NodeKind> nodeKinds; // the first node of each id
        auto checkId = [&](const std::string &id, const std::string &pointer) {
            if (id.empty())
                problems.push_back({pointer, "must not be empty"});
            else if (!ids.insert(id).second)
                problems.push_back({pointer, "duplicate id '" + id + "' in candidate '" + c.id +
                                                 "'"});
        };
        for (size_t i = 0; i < c.contexts.size(); ++i) {
            checkId(c.contexts[i].id, child(child(child(at, "contexts"), i), "id"));
            contextIds.insert(c.contexts[i].id);
        }
        for (size_t i = 0; i < c.nodes.size(); ++i) {
            const Node &n = c.nodes[i];
            const std::string np = child(child(at, "nodes"), i);
            checkId(n.id, child(np, "id"));
            nodeKinds.emplace(n.id, n.kind);
            if (!n.context.empty() && !contextIds.count(n.context))
                problems.push_back({child(np, "context"),
                                    "refers to context '" + n.context + "', which does not exist"});
            if (n.kind == NodeKind::Client && !workloadIds.count(n.workload))
                problems.push_back({child(np, "workload"),
                                    n.workload.empty()
                                        ? std::string("a client needs a workload")
                                        : "refers to workload '" + n.workload +
                                              "', which does not exist"});
            for (const ParamSpec &spec : nodeParamSpecs(n.kind)) {
                auto it = n.params.find(spec.key);
                if (it == n.params.end())
                    continue;
                const std::string why = checkParamValue(spec, it->second);
                if (!why.empty())
                    problems.push_back({child(child(np, "params"), spec.key), why});
            }
            if (n.kind == NodeKind::Service && n.number("minReplicas") > n.number("maxReplicas"))
                problems.push_back({child(child(np, "params"), "maxReplicas"),
                                    "must be at least minReplicas"});
            if (n.kind == NodeKind::Function &&
                n.number("provisionedConcurrency") > n.number("concurrencyLimit"))
                problems.push_back({child(child(np, "params"), "provisionedConcurrency"),
                                    "must not exceed the concurrency limit"});
        }
        for (size_t i = 0; i < c.edges.size(); ++i) {
            const Edge &e = c.edges[i];
            const std::string ep = child(child(at, "edges"), i);
            checkId(e.id, child(ep, "id"));
            if (!nodeKinds.count(e.from))
                problems.push_back({child(ep, "from"),
                                    "refers to node '" + e.from + "', which does not exist"});
            if (!nodeKinds.count(e.to))
                problems.push_back({child(ep, "to"),
                                    "refers to node '" + e.to + "', which does not exist"});
            if (e.from == e.to && !e.from.empty())
                problems.push_back({child(ep, "to"), "an edge cannot connect a node to itself"});
            // A lookup per edge, not a search: 100,000 nodes took 26 s (issue 12 item 8).
            if (const auto to = nodeKinds.find(e.to);
                to != nodeKinds.end() && to->second == NodeKind::Client)
                problems.push_back({child(ep, "to"), "a client cannot receive calls"});
            if (e.perRequest < 0 || e.perRequest > maxPerRequest)
                problems.push_back({child(ep, "perRequest"), "must be between 0 and 1000"});
            if (e.latencyMs < 0 || e.latencyMs > maxEdgeLatencyMs)
                problems.push_back({child(ep, "latencyMs"), "must be between 0 and 60000 ms"});
        }
    }
    return problems;
}

namespace {

/// "line L, column C" of a byte offset; columns count characters, as an editor does.
std::string lineAndColumn(const std::string &text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    const std::size_t column =
        1 + utf8Characters(std::string_view(text).substr(lineStart), offset - lineStart);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string describeParseError(const std::string &text, const nlohmann::json::parse_error &e)
{
    std::string what = e.what();
    const auto pos = what.find("syntax error");
    if (pos != std::string::npos)
        what = what.substr(pos);
    // nlohmann quotes the bytes it last read, which can end inside a character.
    return "not valid JSON at " + lineAndColumn(text, e.byte == 0 ? 0 : e.byte - 1) + ": " +
           utf8Excerpt(what, 240);
}

/// Builds the document as OrderedJson::parse does, in the same single pass over the text
/// (nlohmann's SAX interface), and refuses nesting deeper than maxDepth (nlohmann copies and
/// destroys values recursively, so a deeply nested value would overflow the stack) and a key
/// that appears twice in one object (JSON leaves it undefined; nlohmann would keep the last
/// silently), each with the JSON pointer of the place. (A parse callback could see the same
/// events, but nlohmann's callback parser searches the parent container at the end of every
/// object: 100,000 nodes took seconds.)
class ParseWatcher
{
public:
    using Json = OrderedJson;
    static constexpr std::size_t maxDepth = 256;

    explicit ParseWatcher(Json &result) : m_dom(result, true) {}

    /// The problem found, empty while there is none.
    const Problem &problem() const { return m_problem; }

    bool null() { return m_dom.null() && valueDone(); }
    bool boolean(bool v) { return m_dom.boolean(v) && valueDone(); }
    bool number_integer(Json::number_integer_t v) { return m_dom.number_integer(v) && valueDone(); }
    bool number_unsigned(Json::number_unsigned_t v)
    {
        return m_dom.number_unsigned(v) && valueDone();
    }
    bool number_float(Json::number_float_t v, const Json::string_t &text)
    {
        return m_dom.number_float(v, text) && valueDone();
    }
    bool string(Json::string_t &v) { return m_dom.string(v) && valueDone(); }
    bool binary(Json::binary_t &v) { return m_dom.binary(v) && valueDone(); }
    bool start_object(std::size_t length) { return open(true) && m_dom.start_object(length); }
    bool start_array(std::size_t length) { return open(false) && m_dom.start_array(length); }
    bool end_object() { return m_dom.end_object() && close(); }
    bool end_array() { return m_dom.end_array() && close(); }
    template <typename Exception>
    bool parse_error(std::size_t position, const std::string &lastToken, const Exception &e)
    {
        return m_dom.parse_error(position, lastToken, e); // throws it, as parse() would
    }

    bool key(Json::string_t &key)
    {
        Container &object = m_open[m_depth - 1];
        object.lastKey = key;
        if (!object.keys.insert(key).second) {
            m_problem = {pointer() + "/" + escapePointerToken(key),
                         "the key '" + key + "' appears twice in this object"};
            return false;
        }
        return m_dom.key(key);
    }

private:
    struct Container
    {
        bool isObject = false;
        std::string token;                       ///< its pointer token ("" for the root)
        std::unordered_set<std::string> keys;    ///< objects: the keys seen
        std::size_t nextIndex = 0;               ///< arrays: the index of the next element
        std::string lastKey;
    };

    bool open(bool isObject)
    {
        std::string token;
        if (m_depth > 0) {
            const Container &parent = m_open[m_depth - 1];
            token = parent.isObject ? escapePointerToken(parent.lastKey)
                                    : std::to_string(parent.nextIndex);
        }
        if (m_depth == m_open.size())
            m_open.emplace_back();
        Container &c = m_open[m_depth++]; // frames are reused: their sets keep their buckets
        c.isObject = isObject;
        c.token = std::move(token);
        c.keys.clear();
        c.nextIndex = 0;
        if (m_depth > maxDepth + 1) {
            m_problem = {pointer(), "nested deeper than " + std::to_string(maxDepth) + " levels"};
            return false;
        }
        return true;
    }

    bool close()
    {
        --m_depth;
        return valueDone();
    }

    bool valueDone()
    {
        if (m_depth > 0 && !m_open[m_depth - 1].isObject)
            ++m_open[m_depth - 1].nextIndex;
        return true;
    }

    std::string pointer() const
    {
        std::string out;
        for (std::size_t i = 1; i < m_depth; ++i)
            out += "/" + m_open[i].token;
        return out;
    }

    nlohmann::detail::json_sax_dom_parser<Json> m_dom;
    std::vector<Container> m_open; ///< [0, m_depth) are open
    std::size_t m_depth = 0;
    Problem m_problem;
};

} // namespace

ReadResult<Project> readProject(const std::string &text)
{
    ReadResult<Project> result;
    const std::size_t firstByte = text.find_first_not_of(" \t\r\n");
    if (firstByte == std::string::npos) {
        result.problems.push_back({"", "the file is empty (expected a Skyline JSON document)"});
        return result;
    }
    OrderedJson json;
    try {
        ParseWatcher watcher(json);
        if (!OrderedJson::sax_parse(text, &watcher)) {
            result.problems.push_back(watcher.problem());
            return result;
        }
    } catch (const nlohmann::json::parse_error &e) {
        result.problems.push_back({"", describeParseError(text, e)});
        return result;
    } catch (const std::exception &e) {
        result.problems.push_back({"", "not valid JSON: " + validUtf8(e.what())});
        return result;
    }
    if (!json.is_object()) {
        result.problems.push_back(
            {"", "at " + lineAndColumn(text, firstByte) +
                     ": expected a Skyline project, a JSON object with \"format\": \"skyline\", "
                     "found " + typeName(json)});
        return result;
    }
    std::optional<Project> project;
    try {
        project = projectFromJson(json, result.problems);
    } catch (const std::exception &e) {
        result.problems.push_back({"", "unreadable: " + validUtf8(e.what())});
        return result;
    }
    if (!project)
        return result;
    result.problems = validateProject(*project);
    if (result.problems.empty())
        result.value = std::move(project);
    return result;
}

} // namespace skyline
