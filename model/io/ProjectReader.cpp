#include "io/ProjectJson.h"

#include "domain/FunctionMemory.h"
#include "domain/ParamSchema.h"
#include "io/JsonPointer.h"
#include "io/Utf8.h"

#include <cmath>
#include <unordered_set>
#include <sstream>
#include <stdexcept>

namespace skyline {

// Reading a project: parsing with the place of every problem, then the fields of each object.

namespace {

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
    FieldReader(const OrderedJson &object, JsonPointer pointer, std::vector<Problem> &problems)
        : m_object(object), m_pointer(std::move(pointer)), m_problems(problems)
    {
        if (!m_object.is_object())
            fail(m_pointer, std::string("expected an object, found ") + typeName(m_object));
    }

    bool valid() const { return m_object.is_object(); }
    const JsonPointer &pointer() const { return m_pointer; }

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
                fail(m_pointer / key, "is missing (expected a string)");
            return fallback;
        }
        if (!j->is_string()) {
            fail(m_pointer / key, std::string("expected a string, found ") + typeName(*j));
            return fallback;
        }
        return j->get<std::string>();
    }

    std::string id(const std::string &key = "id")
    {
        std::string value = string(key, true);
        if (find(key) && find(key)->is_string() && value.empty())
            fail(m_pointer / key, "must not be empty");
        return value;
    }

    /// A number of the schema, its default when absent; the range message is the schema's.
    double number(const ParamSpec &spec)
    {
        const double fallback = std::get<double>(spec.defaultValue);
        const OrderedJson *j = find(spec.key);
        if (!j)
            return fallback;
        if (!j->is_number()) {
            fail(m_pointer / spec.key, std::string("expected a number, found ") + typeName(*j));
            return fallback;
        }
        const double v = j->get<double>();
        const std::string why = checkParamValue(spec, v);
        if (!why.empty()) {
            fail(m_pointer / spec.key, why);
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
            fail(m_pointer / key, std::string("expected true or false, found ") + typeName(*j));
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
                fail(m_pointer / key, "is missing (expected an array of " +
                                                std::to_string(count) + " numbers)");
            return out;
        }
        if (!j->is_array() || j->size() != count) {
            fail(m_pointer / key,
                 "expected an array of " + std::to_string(count) + " numbers");
            return out;
        }
        for (size_t i = 0; i < count; ++i) {
            const OrderedJson &e = (*j)[i];
            if (!e.is_number() || !std::isfinite(e.get<double>()) ||
                std::fabs(e.get<double>()) > 1e9) {
                fail(m_pointer / key / i, "expected a finite number");
                continue;
            }
            out[i] = e.get<double>();
        }
        return out;
    }

    void fail(const JsonPointer &pointer, const std::string &message)
    {
        m_problems.push_back({pointer.to_string(), message});
    }

private:
    const OrderedJson &m_object;
    JsonPointer m_pointer;
    std::vector<Problem> &m_problems;
};

/// One parameter; `params` is the place of the object holding it (its own pointer is built
/// only for a problem: a file has about ten parameters per node).
std::optional<ParamValue> paramFromJson(const OrderedJson &j, const ParamSpec &spec,
                                        const JsonPointer &params,
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
        problems.push_back(
            {(params / spec.key).to_string(), std::string("expected a value, found ") + typeName(j)});
        return std::nullopt;
    }
    const std::string why = checkParamValue(spec, value);
    if (!why.empty()) {
        problems.push_back({(params / spec.key).to_string(), why});
        return std::nullopt;
    }
    return value;
}

/// Reads the params of `specs` from `object` (keys absent take their defaults).
ParamMap paramsFromJson(const OrderedJson &object, const std::vector<ParamSpec> &specs,
                        const JsonPointer &pointer, std::vector<Problem> &problems)
{
    ParamMap params;
    for (const ParamSpec &spec : specs) {
        params[spec.key] = spec.defaultValue;
        if (!object.is_object())
            continue;
        auto it = object.find(spec.key);
        if (it == object.end())
            continue;
        if (auto v = paramFromJson(*it, spec, pointer, problems))
            params[spec.key] = *v;
    }
    return params;
}

/// The `ranges` object of `holder` (the object holding the parameters, at `pointer`): each
/// key with [low, high], two finite numbers. Which keys may have a range and where the ends
/// may lie is a rule of the values (domain/Validation.h), checked with the project.
RangeMap rangesFromJson(const OrderedJson &holder, const JsonPointer &pointer,
                        std::vector<Problem> &problems)
{
    RangeMap ranges;
    if (!holder.is_object())
        return ranges;
    auto it = holder.find("ranges");
    if (it == holder.end())
        return ranges;
    const JsonPointer at = pointer / "ranges";
    if (!it->is_object()) {
        problems.push_back({at.to_string(), std::string("expected an object, found ") +
                                                 typeName(*it)});
        return ranges;
    }
    for (const auto &[key, value] : it->items()) {
        const bool pair = value.is_array() && value.size() == 2 && value[0].is_number() &&
                          value[1].is_number() && std::isfinite(value[0].get<double>()) &&
                          std::isfinite(value[1].get<double>());
        if (!pair) {
            problems.push_back({(at / key).to_string(), "expected [low, high], two numbers"});
            continue;
        }
        ranges[key] = {value[0].get<double>(), value[1].get<double>()};
    }
    return ranges;
}

template <typename T, typename Reader>
std::vector<T> readArray(FieldReader &fields, const std::string &key, bool required,
                         std::vector<Problem> &problems, Reader reader)
{
    std::vector<T> out;
    const OrderedJson *j = fields.find(key);
    if (!j) {
        if (required && fields.valid())
            fields.fail(fields.pointer() / key, "is missing (expected an array)");
        return out;
    }
    if (!j->is_array()) {
        fields.fail(fields.pointer() / key,
                    std::string("expected an array, found ") + typeName(*j));
        return out;
    }
    for (size_t i = 0; i < j->size(); ++i)
        if (auto item = reader((*j)[i], fields.pointer() / key / i, problems))
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

namespace {

std::optional<Workload> readWorkload(const OrderedJson &json, const JsonPointer &pointer,
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
            fields.fail(pointer / "shape",
                        "unknown shape '" + shapeText +
                            "' (expected constant, diurnal, business-hours, spiky or trace)");
        return std::nullopt;
    }
    w.shape = *shape;
    w.params = paramsFromJson(json, workloadParamSpecs(w.shape), pointer, problems);
    if (w.shape == WorkloadShape::Trace) {
        const OrderedJson *points = fields.find("points");
        if (!points || !points->is_array() || points->empty()) {
            fields.fail(pointer / "points",
                        "expected an array of [minute, rps] pairs with at least one pair");
        } else {
            for (size_t i = 0; i < points->size(); ++i) {
                const OrderedJson &p = (*points)[i];
                const JsonPointer at = pointer / "points" / i;
                if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
                    fields.fail(at, "expected [minute, rps]");
                    continue;
                }
                const double minute = p[0].get<double>(), rps = p[1].get<double>();
                if (!std::isfinite(minute) || minute < 0 || minute > 1e7) {
                    fields.fail(at / std::size_t{0}, "minute must be between 0 and 10,000,000");
                    continue;
                }
                if (!std::isfinite(rps) || rps < 0 || rps > 1e7) {
                    fields.fail(at / std::size_t{1}, "rate must be between 0 and 10,000,000 req/s");
                    continue;
                }
                w.points.push_back({minute, rps});
            }
        }
    }
    w.ranges = rangesFromJson(json, pointer, problems);
    return okOr(std::move(w), before, problems);
}

std::optional<Context> readContext(const OrderedJson &json, const JsonPointer &pointer,
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
        fields.fail(pointer / "rect", "width and height must be positive");
    return okOr(std::move(c), before, problems);
}

std::optional<Node> readNode(const OrderedJson &json, const JsonPointer &pointer,
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
            fields.fail(pointer / "kind",
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
        fields.fail(pointer / "params",
                    std::string("expected an object, found ") + typeName(*params));
    n.params = paramsFromJson(params ? *params : OrderedJson::object(),
                              nodeParamSpecs(n.kind), pointer / "params", problems);
    // A function's run time without the memory it is stated at is stated at its own memory
    // (files from before issue 11.3 keep their figures); from here on the field is explicit,
    // so a later memory edit keeps the stated size fixed.
    if (n.kind == NodeKind::Function && !(params && params->contains(runTimeAtMemoryKey)))
        n.params[runTimeAtMemoryKey] = n.params["memoryMb"];
    if (params)
        n.ranges = rangesFromJson(*params, pointer / "params", problems);
    return okOr(std::move(n), before, problems);
}

std::optional<Edge> readEdge(const OrderedJson &json, const JsonPointer &pointer,
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
        fields.fail(pointer / "kind",
                    "unknown edge kind '" + kindText + "' (expected api or event)");
    e.kind = kind.value_or(EdgeKind::Api);
    e.from = fields.id("from");
    e.to = fields.id("to");
    e.perRequest = fields.number(*findEdgeFieldSpec("perRequest"));
    e.latencyMs = fields.number(*findEdgeFieldSpec("latencyMs"));
    e.parallel = fields.boolean("parallel", false);
    e.fallback = fields.boolean("fallback", false);
    e.ranges = rangesFromJson(json, pointer, problems);
    return okOr(std::move(e), before, problems);
}

std::optional<Candidate> readCandidate(const OrderedJson &json, const JsonPointer &pointer,
                                           std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, pointer, problems);
    if (!fields.valid())
        return std::nullopt;
    Candidate c;
    c.id = fields.id();
    c.name = fields.string("name", false);
    c.contexts = readArray<Context>(fields, "contexts", false, problems, readContext);
    c.nodes = readArray<Node>(fields, "nodes", true, problems, readNode);
    c.edges = readArray<Edge>(fields, "edges", false, problems, readEdge);
    return okOr(std::move(c), before, problems);
}

} // namespace

std::optional<Workload> workloadFromJson(const OrderedJson &json, const std::string &pointer,
                                std::vector<Problem> &problems)
{
    return readWorkload(json, JsonPointer(pointer), problems);
}

std::optional<Context> contextFromJson(const OrderedJson &json, const std::string &pointer,
                                std::vector<Problem> &problems)
{
    return readContext(json, JsonPointer(pointer), problems);
}

std::optional<Node> nodeFromJson(const OrderedJson &json, const std::string &pointer,
                                std::vector<Problem> &problems)
{
    return readNode(json, JsonPointer(pointer), problems);
}

std::optional<Edge> edgeFromJson(const OrderedJson &json, const std::string &pointer,
                                std::vector<Problem> &problems)
{
    return readEdge(json, JsonPointer(pointer), problems);
}

std::optional<Candidate> candidateFromJson(const OrderedJson &json, const std::string &pointer,
                                std::vector<Problem> &problems)
{
    return readCandidate(json, JsonPointer(pointer), problems);
}

std::optional<Project> projectFromJson(const OrderedJson &json, std::vector<Problem> &problems)
{
    const size_t before = problems.size();
    FieldReader fields(json, JsonPointer(), problems);
    if (!fields.valid())
        return std::nullopt;
    const OrderedJson *format = fields.find("format");
    if (!format || !format->is_string() || format->get<std::string>() != "skyline") {
        fields.fail(JsonPointer("/format"), "expected \"skyline\" (this is not a Skyline file)");
        return std::nullopt;
    }
    const OrderedJson *version = fields.find("version");
    if (!version || !version->is_number_integer()) {
        fields.fail(JsonPointer("/version"), "expected the format version, a whole number");
        return std::nullopt;
    }
    if (version->get<long long>() > Project::currentVersion) {
        fields.fail(JsonPointer("/version"), "version " + std::to_string(version->get<long long>()) +
                                    " was written by a newer Skyline; this one reads up to " +
                                    std::to_string(Project::currentVersion) +
                                    ". Update Skyline to open it.");
        return std::nullopt;
    }
    if (version->get<long long>() < 1) {
        fields.fail(JsonPointer("/version"), "expected a version of at least 1");
        return std::nullopt;
    }
    Project p;
    p.name = fields.string("name", false);
    p.description = fields.string("description", false);
    if (const OrderedJson *pricing = fields.find("pricing")) {
        FieldReader pf(*pricing, JsonPointer("/pricing"), problems);
        if (pf.valid()) {
            p.pricing.catalog = pf.string("catalog", false, p.pricing.catalog);
            p.pricing.freeTier = pf.boolean("freeTier", false);
            p.pricing.hoursPerMonth = pf.number(*findPricingFieldSpec("hoursPerMonth"));
            if (const OrderedJson *overrides = pf.find("overrides")) {
                if (!overrides->is_object()) {
                    pf.fail(JsonPointer("/pricing/overrides"), "expected an object of price key -> number");
                } else {
                    for (const auto &[key, value] : overrides->items()) {
                        if (!value.is_number() || !std::isfinite(value.get<double>()) ||
                            value.get<double>() < 0)
                            pf.fail(JsonPointer("/pricing/overrides") / key,
                                    "expected a price, a number of at least 0");
                        else
                            p.pricing.overrides[key] = value.get<double>();
                    }
                }
            }
        }
    }
    p.workloads = readArray<Workload>(fields, "workloads", false, problems, readWorkload);
    p.candidates = readArray<Candidate>(fields, "candidates", true, problems, readCandidate);
    if (problems.size() != before)
        return std::nullopt;
    return p;
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
            m_problem = {(pointer() / key).to_string(),
                         "the key '" + key + "' appears twice in this object"};
            return false;
        }
        return m_dom.key(key);
    }

private:
    struct Container
    {
        bool isObject = false;
        std::string token; ///< its key or index, unescaped ("" for the root)
        std::unordered_set<std::string> keys;    ///< objects: the keys seen
        std::size_t nextIndex = 0;               ///< arrays: the index of the next element
        std::string lastKey;
    };

    bool open(bool isObject)
    {
        std::string token;
        if (m_depth > 0) {
            const Container &parent = m_open[m_depth - 1];
            token = parent.isObject ? parent.lastKey
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
            m_problem = {pointer().to_string(), "nested deeper than " + std::to_string(maxDepth) + " levels"};
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

    JsonPointer pointer() const
    {
        JsonPointer out;
        for (std::size_t i = 1; i < m_depth; ++i)
            out.push_back(m_open[i].token);
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
