// AWS SAM and CloudFormation templates (JSON or YAML with short tags) read into the one
// ModelBuilder. See CloudFormation.h for what the Serverless Framework reader shares.

#include "CloudFormation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>
#include <utility>

namespace skyline::importing {

namespace cloudformation {

YAML::Node at(const YAML::Node &node, const std::string &key)
{
    if (!node.IsDefined() || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node &constNode = node;
    YAML::Node value = constNode[key];
    if (!value)
        return YAML::Node(YAML::NodeType::Undefined);
    return value;
}

std::string scalar(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? node.Scalar() : std::string();
}

std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node &node)
{
    std::vector<std::pair<YAML::Node, YAML::Node>> out;
    if (node.IsDefined() && node.IsMap())
        for (const auto &entry : node)
            out.emplace_back(entry.first, entry.second);
    return out;
}

void addVariables(Variables &variables, const YAML::Node &map)
{
    for (const auto &[key, value] : entries(map)) {
        const std::string name = scalar(key);
        auto same = [&](const auto &entry) { return entry.first == name; };
        if (auto it = std::find_if(variables.begin(), variables.end(), same); it != variables.end())
            it->second = value; // a pair member, not a handle into the document: rebinding
        else
            variables.emplace_back(name, value);
    }
}

namespace {
const char *const scratchKey = "\x01skyline-import-scratch";
}

NodeFactory::NodeFactory(YAML::Node document) : m_document(std::move(document))
{
    if (!m_document.IsMap())
        return;
    m_scratch.reset(YAML::Node(YAML::NodeType::Sequence));
    m_document[scratchKey] = m_scratch; // the scratch list now shares the document's memory
}

NodeFactory::~NodeFactory()
{
    if (m_scratch.IsDefined() && m_document.IsMap())
        m_document.remove(scratchKey);
}

YAML::Node NodeFactory::make(YAML::NodeType::value type)
{
    YAML::Node fresh(type);
    if (m_scratch.IsDefined() && m_scratch.IsSequence())
        m_scratch.push_back(fresh); // merges the tiny memory of `fresh` into the document's
    return fresh;
}

std::vector<YAML::Node> items(const YAML::Node &node)
{
    std::vector<YAML::Node> out;
    if (node.IsDefined() && node.IsSequence())
        for (const auto &item : node)
            out.push_back(item);
    return out;
}

std::optional<double> parseNumber(const std::string &text)
{
    if (text.empty())
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace {

const char *const samTransform = "AWS::Serverless-2016-10-31";

/// The long form of a short tag ("!GetAtt" -> "Fn::GetAtt"), or empty when it is none.
std::string longFormOf(const std::string &tag)
{
    static const std::set<std::string> functions = {
        "GetAtt", "Sub",    "Join",      "If",           "Select", "FindInMap", "ImportValue",
        "GetAZs", "Split",  "Base64",    "Equals",       "Not",    "And",       "Or",
        "Cidr",   "Length", "Transform", "ToJsonString", "ForEach"};
    if (tag.size() < 2 || tag[0] != '!')
        return {};
    const std::string name = tag.substr(1);
    if (name == "Ref" || name == "Condition")
        return name;
    if (functions.count(name))
        return "Fn::" + name;
    return {};
}

/// The one-key map {Ref: X} / {Fn::Name: args}: the function's name and argument.
std::optional<std::pair<std::string, YAML::Node>> intrinsic(const YAML::Node &node)
{
    if (!node.IsDefined() || !node.IsMap() || node.size() != 1)
        return std::nullopt;
    const auto entry = node.begin();
    const std::string name = scalar(entry->first);
    if (name == "Ref" || name == "Condition" || name.rfind("Fn::", 0) == 0)
        return std::make_pair(name, entry->second);
    return std::nullopt;
}

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator))
        parts.push_back(part);
    if (!text.empty() && text.back() == separator)
        parts.emplace_back();
    return parts;
}

void merge(Value &into, const Value &from)
{
    for (const std::string &resource : from.resources)
        if (std::find(into.resources.begin(), into.resources.end(), resource) ==
            into.resources.end())
            into.resources.push_back(resource);
    for (const std::string &problem : from.problems)
        if (std::find(into.problems.begin(), into.problems.end(), problem) == into.problems.end())
            into.problems.push_back(problem);
}

/// The values of one cron field ("0/15", "MON-FRI", "1,15", "*", "?"); nullopt when it uses
/// what Skyline does not count (L, W, #).
std::optional<int> cronFieldCount(const std::string &field, int lowest, int highest,
                                  const std::vector<std::string> &names, std::string &problem)
{
    auto valueOf = [&](const std::string &text) -> std::optional<int> {
        const std::string name = upper(text);
        for (size_t i = 0; i < names.size(); ++i)
            if (names[i] == name)
                return lowest + static_cast<int>(i);
        const auto number = parseNumber(text);
        if (!number || *number != std::floor(*number) || *number < lowest || *number > highest)
            return std::nullopt;
        return static_cast<int>(*number);
    };
    if (field == "*" || field == "?")
        return highest - lowest + 1;
    std::set<int> values;
    for (const std::string &item : split(field, ',')) {
        std::string range = item;
        int step = 1;
        if (const auto slash = item.find('/'); slash != std::string::npos) {
            range = item.substr(0, slash);
            const auto stepValue = parseNumber(item.substr(slash + 1));
            if (!stepValue || *stepValue < 1) {
                problem = "cron field '" + field + "' has an unreadable step";
                return std::nullopt;
            }
            step = static_cast<int>(*stepValue);
        }
        int first = lowest;
        int last = highest;
        if (range != "*") {
            const auto dash = range.find('-');
            const auto from = valueOf(range.substr(0, dash));
            const auto to = dash == std::string::npos ? from : valueOf(range.substr(dash + 1));
            if (!from || !to) {
                problem = "cron field '" + field +
                          "' is not a list of values and ranges "
                          "(L, W and # are not counted)";
                return std::nullopt;
            }
            first = *from;
            last = item.find('/') != std::string::npos && dash == std::string::npos ? highest : *to;
        }
        for (int v = first; v <= last; v += step)
            values.insert(v);
    }
    return static_cast<int>(values.size());
}

} // namespace

bool VisitedNodes::firstVisit(const YAML::Node &node)
{
    if (!node.IsDefined() || !(node.IsMap() || node.IsSequence()))
        return true;
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.pos < 0)
        return true;
    return m_positions.insert(static_cast<std::size_t>(mark.pos)).second;
}

namespace {

void expandShortTagsIn(YAML::Node node, NodeFactory &factory, VisitedNodes &visited)
{
    if (!visited.firstVisit(node))
        return; // an alias of a node already expanded
    auto expanded = [&](YAML::Node value) -> std::optional<YAML::Node> {
        const std::string name = longFormOf(value.Tag());
        if (name.empty())
            return std::nullopt;
        value.SetTag("");
        YAML::Node wrapper = factory.make(YAML::NodeType::Map);
        wrapper[name] = value; // "a.b" stays one scalar (and keeps its place): read as [a, b]
        return wrapper;
    };
    if (node.IsMap()) {
        for (auto entry : node) {
            YAML::Node value = entry.second;
            expandShortTagsIn(value, factory, visited);
            if (auto wrapper = expanded(value))
                entry.second = *wrapper;
        }
    } else if (node.IsSequence()) {
        for (size_t i = 0; i < node.size(); ++i) {
            YAML::Node value = node[i];
            expandShortTagsIn(value, factory, visited);
            if (auto wrapper = expanded(value))
                node[i] = *wrapper;
        }
    }
}

} // namespace

void expandShortTags(YAML::Node node)
{
    NodeFactory factory(node);
    VisitedNodes visited;
    expandShortTagsIn(node, factory, visited);
}

std::optional<double> scheduleRatePerSecond(const std::string &expression, std::string &problem)
{
    auto inside = [&](const std::string &prefix) -> std::optional<std::string> {
        if (expression.rfind(prefix + "(", 0) != 0 || expression.back() != ')')
            return std::nullopt;
        return expression.substr(prefix.size() + 1, expression.size() - prefix.size() - 2);
    };
    if (const auto rate = inside("rate")) {
        std::istringstream in(*rate);
        double count = 0;
        std::string unit;
        if (!(in >> count >> unit) || count <= 0 || count != std::floor(count)) {
            problem = "'" + expression + "' is not rate(N minutes|hours|days)";
            return std::nullopt;
        }
        if (unit.back() == 's')
            unit.pop_back();
        const double seconds = unit == "minute" ? 60.0
                               : unit == "hour" ? 3600.0
                               : unit == "day"  ? 86400.0
                                                : 0.0;
        if (seconds == 0.0) {
            problem = "'" + expression + "' has the unknown unit '" + unit + "'";
            return std::nullopt;
        }
        return 1.0 / (count * seconds);
    }
    if (const auto cron = inside("cron")) {
        std::istringstream in(*cron);
        std::vector<std::string> fields;
        for (std::string field; in >> field;)
            fields.push_back(field);
        if (fields.size() != 6) {
            problem = "'" + expression +
                      "' does not have the six fields of an AWS cron "
                      "expression (minutes hours day-of-month month day-of-week year)";
            return std::nullopt;
        }
        static const std::vector<std::string> months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
        static const std::vector<std::string> weekdays = {"SUN", "MON", "TUE", "WED",
                                                          "THU", "FRI", "SAT"};
        const auto minutes = cronFieldCount(fields[0], 0, 59, {}, problem);
        const auto hours = cronFieldCount(fields[1], 0, 23, {}, problem);
        const auto daysOfMonth = cronFieldCount(fields[2], 1, 31, {}, problem);
        const auto monthCount = cronFieldCount(fields[3], 1, 12, months, problem);
        const auto daysOfWeek = cronFieldCount(fields[4], 1, 7, weekdays, problem);
        if (!minutes || !hours || !daysOfMonth || !monthCount || !daysOfWeek) {
            problem = "'" + expression + "': " + problem;
            return std::nullopt;
        }
        const bool everyDayOfMonth = fields[2] == "*" || fields[2] == "?";
        const bool everyDayOfWeek = fields[4] == "*" || fields[4] == "?";
        double shareOfDays = *monthCount / 12.0;
        if (!everyDayOfMonth)
            shareOfDays *= std::min(1.0, *daysOfMonth / (365.25 / 12.0));
        if (!everyDayOfWeek)
            shareOfDays *= *daysOfWeek / 7.0;
        const double perDay = double(*minutes) * double(*hours) * shareOfDays;
        return perDay / 86400.0;
    }
    if (inside("at")) {
        problem = "'" + expression + "' runs once and has no steady rate";
        return std::nullopt;
    }
    problem = "'" + expression + "' is neither rate(...) nor cron(...)";
    return std::nullopt;
}

std::optional<Arn> parseArn(const std::string &text)
{
    if (text.rfind("arn:", 0) != 0)
        return std::nullopt;
    // The colon after each of the first five fields; a colon inside "${aws:region}" (an
    // unresolved variable standing for a field) is not one.
    auto nextColon = [&](size_t from) {
        int depth = 0;
        for (size_t i = from; i < text.size(); ++i) {
            if (text.compare(i, 2, "${") == 0)
                ++depth;
            else if (text[i] == '}' && depth > 0)
                --depth;
            else if (text[i] == ':' && depth == 0)
                return i;
        }
        return std::string::npos;
    };
    std::vector<std::string> parts;
    size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        const auto colon = nextColon(start);
        if (colon == std::string::npos)
            return std::nullopt;
        parts.push_back(text.substr(start, colon - start));
        start = colon + 1;
    }
    const std::string service = parts[2];
    std::string resource = text.substr(start);
    std::string name = resource;
    auto after = [&](const std::string &prefix) {
        if (resource.rfind(prefix, 0) == 0)
            name = resource.substr(prefix.size());
    };
    after("table/");
    after("stream/");
    after("event-bus/");
    after("rule/");
    after("function:");
    name = name.substr(0, name.find_first_of("/:"));
    return Arn{service, name};
}

// ---------------------------------------------------------------------------------------

TemplateReader::TemplateReader(const ParsedFile &file, YAML::Node root, ModelBuilder &builder)
    : m_file(file), m_root(std::move(root)), m_resources(at(m_root, "Resources")),
      m_builder(builder)
{
    // yaml-cpp finds a key by walking the map: an index, as references are looked up often.
    for (const auto &[key, value] : entries(m_resources))
        m_resourceByLogicalId.emplace(scalar(key), value);
}

YAML::Node TemplateReader::resource(const std::string &logicalId) const
{
    const auto found = m_resourceByLogicalId.find(logicalId);
    return found == m_resourceByLogicalId.end() ? YAML::Node(YAML::NodeType::Undefined)
                                                : found->second;
}

SourceLocation TemplateReader::where(const YAML::Node &node) const
{
    SourceLocation place = locate(m_file, node);
    // A long form made from a short tag has no place itself: its argument has.
    if (place.line == 0 && node.IsDefined() && (node.IsMap() || node.IsSequence()) &&
        node.size() > 0) {
        const YAML::Node first = node.IsMap() ? node.begin()->second : node[0];
        return where(first);
    }
    return place;
}

YAML::Node TemplateReader::property(const YAML::Node &resource, const std::string &key) const
{
    YAML::Node value = at(at(resource, "Properties"), key);
    if (value.IsDefined() || scalar(at(resource, "Type")) != "AWS::Serverless::Function")
        return value;
    return at(at(at(m_root, "Globals"), "Function"), key);
}

std::string TemplateReader::addNode(NodeKind kind, const std::string &sourceName,
                                    const SourceLocation &place)
{
    const std::string nodeId = m_builder.addNode(kind, sourceName, place);
    m_created.push_back(nodeId);
    return nodeId;
}

std::string TemplateReader::nodeFor(const std::string &logicalId) const
{
    const auto found = m_nodeByLogicalId.find(logicalId);
    return found == m_nodeByLogicalId.end() ? std::string() : found->second;
}

void TemplateReader::alias(const std::string &logicalId, const std::string &nodeId)
{
    m_nodeByLogicalId[logicalId] = nodeId;
}

void TemplateReader::reportProblems(const std::vector<std::string> &problems,
                                    const std::string &what, const SourceLocation &where)
{
    for (const std::string &problem : problems) {
        const std::string message = what + ": " + problem;
        if (m_reported.insert(message).second)
            m_builder.unresolved(message, where);
    }
}

// --- evaluation ------------------------------------------------------------------------

namespace {
/// Nodes one evaluation may look at: far above any real template value (a policy's Resource
/// list), far below what nine levels of repeated aliases expand to.
constexpr int evaluationBudget = 100000;
} // namespace

Value TemplateReader::evaluate(const YAML::Node &value)
{
    std::vector<std::string> stack;
    m_evaluationBudget = evaluationBudget;
    m_evaluationDepth = 0;
    return evaluateGuarded(value, stack);
}

std::optional<ParamValue> TemplateReader::paramValue(const YAML::Node &value,
                                                     const std::string &what)
{
    const Value result = evaluate(value);
    if (!result.problems.empty() || !result.text) {
        const bool shapeless = value.IsSequence() || (value.IsMap() && !intrinsic(value));
        reportProblems(!result.problems.empty() ? result.problems
                       : shapeless ? std::vector<std::string>{"a list or map where one value "
                                                              "belongs: Skyline's default is kept"}
                                   : std::vector<std::string>{"its value cannot be read offline"},
                       what, where(value));
        return std::nullopt;
    }
    if (const auto number = parseNumber(*result.text))
        return ParamValue(*number);
    return ParamValue(*result.text);
}

Value TemplateReader::evaluateGuarded(const YAML::Node &value, std::vector<std::string> &stack)
{
    Value result;
    if (!value.IsDefined() || value.IsNull())
        return result;
    if (--m_evaluationBudget < 0 || m_evaluationDepth > 64) {
        result.problems.push_back("the value is too large or too deeply nested to evaluate "
                                  "(an alias that repeats or contains itself?)");
        return result;
    }
    struct Deeper
    {
        int &depth;
        explicit Deeper(int &d) : depth(++d) {}
        ~Deeper() { --depth; }
    } deeper(m_evaluationDepth);
    if (value.IsScalar()) {
        result.text = value.Scalar();
        return result;
    }
    const auto function = intrinsic(value);
    if (!function) {
        // A plain list or map (a policy's Resource list): what it refers to, but no text.
        if (value.IsMap()) {
            for (const auto &entry : value)
                merge(result, evaluateGuarded(entry.second, stack));
        } else {
            for (const auto &item : value)
                merge(result, evaluateGuarded(item, stack));
        }
        return result;
    }
    const auto &[name, argument] = *function;
    if (name == "Ref")
        return evaluateRef(scalar(argument), stack);
    if (name == "Fn::GetAtt") {
        if (argument.IsScalar()) {
            const std::string text = argument.Scalar();
            const auto dot = text.find('.');
            return evaluateGetAtt(text.substr(0, dot),
                                  dot == std::string::npos ? "" : text.substr(dot + 1), stack);
        }
        if (argument.IsSequence() && argument.size() == 2)
            return evaluateGetAtt(scalar(argument[0]), scalar(argument[1]), stack);
        result.problems.push_back("Fn::GetAtt needs [resource, attribute]");
        return result;
    }
    if (name == "Fn::Sub")
        return evaluateSub(argument, stack);
    if (name == "Fn::Base64")
        return evaluateGuarded(argument, stack);
    if (name == "Fn::Join" && argument.IsSequence() && argument.size() == 2) {
        const std::string delimiter = scalar(argument[0]);
        const YAML::Node list = argument[1];
        if (!list.IsSequence()) {
            merge(result, evaluateGuarded(list, stack));
            return result;
        }
        std::string text;
        bool complete = true;
        for (size_t i = 0; i < list.size(); ++i) {
            const Value part = evaluateGuarded(list[i], stack);
            merge(result, part);
            complete = complete && part.text.has_value();
            text += (i ? delimiter : "") + part.text.value_or("");
        }
        if (complete)
            result.text = text;
        return result;
    }
    if (name == "Fn::Select" && argument.IsSequence() && argument.size() == 2) {
        const Value index = evaluateGuarded(argument[0], stack);
        const auto position = parseNumber(index.text.value_or(""));
        const YAML::Node list = argument[1];
        if (position && list.IsSequence() && *position >= 0 && *position < list.size())
            return evaluateGuarded(list[static_cast<size_t>(*position)], stack);
        merge(result, index);
        merge(result, evaluateGuarded(list, stack));
        if (result.problems.empty())
            result.problems.push_back("Fn::Select cannot pick from a list known only at deploy "
                                      "time");
        return result;
    }
    if (name == "Fn::If" && argument.IsSequence() && argument.size() == 3) {
        const auto decided = condition(scalar(argument[0]), stack, result.problems);
        if (decided)
            return evaluateGuarded(argument[*decided ? 1 : 2], stack);
        return result;
    }
    if (name == "Fn::FindInMap" && argument.IsSequence() && argument.size() == 3) {
        std::vector<std::string> keys;
        for (size_t i = 0; i < 3; ++i) {
            const Value key = evaluateGuarded(argument[i], stack);
            merge(result, key);
            keys.push_back(key.text.value_or(""));
        }
        if (!result.problems.empty())
            return result;
        const YAML::Node found = at(at(at(at(m_root, "Mappings"), keys[0]), keys[1]), keys[2]);
        if (!found.IsDefined()) {
            result.problems.push_back("Fn::FindInMap finds no " + keys[0] + "/" + keys[1] + "/" +
                                      keys[2] + " in Mappings");
            return result;
        }
        return evaluateGuarded(found, stack);
    }
    if (name == "Fn::ImportValue") {
        const Value exported = evaluateGuarded(argument, stack);
        result.problems.push_back("the export '" + exported.text.value_or("?") +
                                  "' of another stack cannot be resolved offline");
        return result;
    }
    merge(result, evaluateGuarded(argument, stack));
    if (name == "Fn::GetAZs" || name == "Fn::Cidr" || name == "Fn::Transform")
        result.problems.push_back(name + " cannot be evaluated offline");
    return result;
}

Value TemplateReader::evaluateRef(const std::string &name, std::vector<std::string> &stack)
{
    Value result;
    if (name.rfind("AWS::", 0) == 0) {
        // Pseudo parameters stay as placeholders: equal expressions still compare equal.
        if (name != "AWS::NoValue")
            result.text = "${" + name + "}";
        return result;
    }
    if (resource(name).IsDefined() || !nodeFor(name).empty()) {
        result.resources.push_back(name);
        result.text = physicalName(name, stack, result.problems).value_or("${" + name + "}");
        return result;
    }
    const YAML::Node parameter = at(at(m_root, "Parameters"), name);
    if (parameter.IsDefined()) {
        const YAML::Node fallback = at(parameter, "Default");
        if (!fallback.IsDefined()) {
            result.problems.push_back("parameter " + name + " has no Default");
            return result;
        }
        return evaluateGuarded(fallback, stack);
    }
    result.problems.push_back(name + " is neither a parameter nor a resource of this template");
    return result;
}

Value TemplateReader::evaluateGetAtt(const std::string &resource, const std::string &attribute,
                                     std::vector<std::string> &stack)
{
    Value result;
    if (!this->resource(resource).IsDefined() && nodeFor(resource).empty()) {
        result.problems.push_back(resource + " is not a resource of this template");
        return result;
    }
    result.resources.push_back(resource);
    static const std::set<std::string> nameAttributes = {"QueueName", "TopicName", "Name",
                                                         "TableName"};
    if (nameAttributes.count(attribute))
        result.text = physicalName(resource, stack, result.problems);
    else
        result.text = "${" + resource + "." + attribute + "}";
    return result;
}

Value TemplateReader::evaluateSub(const YAML::Node &argument, std::vector<std::string> &stack)
{
    Value result;
    std::string pattern;
    YAML::Node variables;
    if (argument.IsScalar()) {
        pattern = argument.Scalar();
    } else if (argument.IsSequence() && argument.size() == 2) {
        pattern = scalar(argument[0]);
        variables.reset(argument[1]); // rebind (assigning would overwrite)
    } else {
        result.problems.push_back("Fn::Sub needs a string or [string, variables]");
        return result;
    }
    std::string text;
    bool complete = true;
    size_t position = 0;
    while (position < pattern.size()) {
        const auto open = pattern.find("${", position);
        if (open == std::string::npos) {
            text += pattern.substr(position);
            break;
        }
        text += pattern.substr(position, open - position);
        const auto close = pattern.find('}', open);
        if (close == std::string::npos) {
            text += pattern.substr(open);
            break;
        }
        const std::string variable = pattern.substr(open + 2, close - open - 2);
        position = close + 1;
        if (!variable.empty() && variable[0] == '!') { // ${!Literal} stays "${Literal}"
            text += "${" + variable.substr(1) + "}";
            continue;
        }
        Value part;
        if (const YAML::Node given = at(variables, variable); given.IsDefined()) {
            part = evaluateGuarded(given, stack);
        } else if (const auto dot = variable.find('.');
                   dot != std::string::npos && variable.rfind("AWS::", 0) != 0) {
            part = evaluateGetAtt(variable.substr(0, dot), variable.substr(dot + 1), stack);
        } else {
            part = evaluateRef(variable, stack);
        }
        merge(result, part);
        complete = complete && part.text.has_value();
        text += part.text.value_or("");
    }
    if (complete)
        result.text = text;
    return result;
}

std::optional<bool> TemplateReader::condition(const std::string &name,
                                              std::vector<std::string> &stack,
                                              std::vector<std::string> &problems)
{
    const YAML::Node definition = at(at(m_root, "Conditions"), name);
    if (!definition.IsDefined()) {
        problems.push_back("condition " + name + " is not defined in Conditions");
        return std::nullopt;
    }
    const std::string key = "condition " + name;
    if (const auto seen = std::find(stack.begin(), stack.end(), key); seen != stack.end()) {
        std::string chain;
        for (auto it = seen; it != stack.end(); ++it)
            chain += *it + " -> ";
        problems.push_back("cyclic reference: " + chain + key);
        return std::nullopt;
    }
    stack.push_back(key);
    const auto decided = conditionValue(definition, stack, problems);
    stack.pop_back();
    return decided;
}

std::optional<bool> TemplateReader::conditionValue(const YAML::Node &value,
                                                   std::vector<std::string> &stack,
                                                   std::vector<std::string> &problems)
{
    const auto function = intrinsic(value);
    if (!function) {
        const std::string text = scalar(value);
        if (text == "true" || text == "false")
            return text == "true";
        problems.push_back("a condition is neither true, false nor a condition function");
        return std::nullopt;
    }
    const auto &[name, argument] = *function;
    if (name == "Condition")
        return condition(scalar(argument), stack, problems);
    if (name == "Fn::Equals" && argument.IsSequence() && argument.size() == 2) {
        const Value left = evaluateGuarded(argument[0], stack);
        const Value right = evaluateGuarded(argument[1], stack);
        problems.insert(problems.end(), left.problems.begin(), left.problems.end());
        problems.insert(problems.end(), right.problems.begin(), right.problems.end());
        auto known = [](const Value &v) {
            return v.text && v.text->find("${") == std::string::npos;
        };
        if (!known(left) || !known(right)) {
            if (left.problems.empty() && right.problems.empty())
                problems.push_back("a condition compares values known only at deploy time");
            return std::nullopt;
        }
        return *left.text == *right.text;
    }
    if (name == "Fn::Not" && argument.IsSequence() && argument.size() == 1) {
        const auto inner = conditionValue(argument[0], stack, problems);
        return inner ? std::optional<bool>(!*inner) : std::nullopt;
    }
    if ((name == "Fn::And" || name == "Fn::Or") && argument.IsSequence()) {
        const bool isAnd = name == "Fn::And";
        bool undecided = false;
        for (const auto &item : argument) {
            const auto part = conditionValue(item, stack, problems);
            if (!part)
                undecided = true;
            else if (*part != isAnd)
                return !isAnd;
        }
        return undecided ? std::nullopt : std::optional<bool>(isAnd);
    }
    problems.push_back(name + " is not a condition function, or has the wrong arguments");
    return std::nullopt;
}

std::optional<std::string> TemplateReader::physicalName(const std::string &logicalId,
                                                        std::vector<std::string> &stack,
                                                        std::vector<std::string> &problems)
{
    if (const auto seen = std::find(stack.begin(), stack.end(), logicalId); seen != stack.end()) {
        std::string chain;
        for (auto it = seen; it != stack.end(); ++it)
            chain += *it + " -> ";
        problems.push_back("cyclic reference: " + chain + logicalId);
        return std::nullopt;
    }
    const YAML::Node definition = resource(logicalId);
    static const std::vector<std::string> nameKeys = {"TableName",
                                                      "QueueName",
                                                      "TopicName",
                                                      "FunctionName",
                                                      "Name",
                                                      "DBClusterIdentifier",
                                                      "DBInstanceIdentifier",
                                                      "StreamName"};
    for (const std::string &key : nameKeys) {
        const YAML::Node name = at(at(definition, "Properties"), key);
        if (!name.IsDefined())
            continue;
        stack.push_back(logicalId);
        Value value = evaluateGuarded(name, stack);
        stack.pop_back();
        problems.insert(problems.end(), value.problems.begin(), value.problems.end());
        return value.text;
    }
    return std::nullopt;
}

// --- resources -> nodes ----------------------------------------------------------------

namespace {

enum class Mapped { Node, Part, Ignored };

std::string gatewayProduct(const std::string &type, const YAML::Node &resource)
{
    if (type == "AWS::Serverless::HttpApi")
        return "aws-http-api";
    if (type == "AWS::ApiGatewayV2::Api")
        return "aws-http-api";
    (void)resource;
    return "aws-rest-api";
}

bool isFunctionType(const std::string &type)
{
    return type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function";
}

/// Types whose resources are parts of a node (an API's stages and routes, an ECS task
/// definition, a subscription or rule read as an edge): read, never listed as ignored.
bool isPartType(const std::string &type)
{
    static const std::set<std::string> parts = {
        "AWS::SNS::Subscription", "AWS::Events::Rule",        "AWS::Lambda::EventSourceMapping",
        "AWS::Lambda::Alias",     "AWS::ECS::TaskDefinition", "AWS::Lambda::Permission",
        "AWS::Lambda::Version",   "AWS::IAM::Role",           "AWS::IAM::Policy",
        "AWS::SQS::QueuePolicy",  "AWS::SNS::TopicPolicy"};
    return parts.count(type) || type.rfind("AWS::ApiGateway::", 0) == 0 ||
           type.rfind("AWS::ApiGatewayV2::", 0) == 0;
}

} // namespace

void TemplateReader::readResources()
{
    if (!m_resources.IsDefined() || !m_resources.IsMap())
        return; // a serverless.yml without resources
    std::vector<std::pair<std::string, YAML::Node>> clusterMembers;
    for (const auto &entry : entries(m_resources)) {
        const std::string logicalId = scalar(entry.first);
        const YAML::Node resource = entry.second;
        if (!isCreated(logicalId, resource)) {
            m_notCreated.insert(logicalId);
            continue;
        }
        if (scalar(at(resource, "Type")) == "AWS::RDS::DBInstance" &&
            at(at(resource, "Properties"), "DBClusterIdentifier").IsDefined())
            clusterMembers.emplace_back(logicalId, resource);
        else
            readResource(logicalId, resource);
    }
    // Instances of an Aurora cluster are the cluster's node, not nodes of their own.
    for (const auto &[logicalId, resource] : clusterMembers) {
        const Value cluster = evaluate(at(at(resource, "Properties"), "DBClusterIdentifier"));
        for (const std::string &clusterId : cluster.resources)
            if (const std::string node = nodeFor(clusterId); !node.empty())
                alias(logicalId, node);
        if (nodeFor(logicalId).empty())
            readResource(logicalId, resource);
    }
    // Physical names (TableName, QueueName ...), to find resources that code names literally.
    for (const auto &[logicalId, nodeId] : m_nodeByLogicalId) {
        std::vector<std::string> stack;
        std::vector<std::string> problems;
        m_evaluationBudget = evaluationBudget;
        m_evaluationDepth = 0;
        const auto name = physicalName(logicalId, stack, problems);
        reportProblems(problems, "the name of " + logicalId, where(resource(logicalId)));
        if (name)
            m_nodeByPhysicalName.emplace(*name, nodeId);
    }
}

std::string TemplateReader::queueNode(const std::string &sourceName, const std::string &product,
                                      const SourceLocation &place)
{
    const std::string nodeId = addNode(NodeKind::Queue, sourceName, place);
    m_builder.setParam(nodeId, "product", product, place);
    return nodeId;
}

void TemplateReader::readResource(const std::string &logicalId, const YAML::Node &resource)
{
    const std::string type = scalar(at(resource, "Type"));
    const SourceLocation place = where(resource);
    const YAML::Node properties = at(resource, "Properties");
    auto datastore = [&](const std::string &product) {
        const std::string nodeId = addNode(NodeKind::Datastore, logicalId, place);
        m_builder.setParam(nodeId, "product", product, place);
        alias(logicalId, nodeId);
        return nodeId;
    };
    if (isFunctionType(type)) {
        readFunction(logicalId, resource);
    } else if (type == "AWS::Serverless::Api" || type == "AWS::ApiGateway::RestApi" ||
               type == "AWS::Serverless::HttpApi" || type == "AWS::ApiGatewayV2::Api") {
        const std::string nodeId = addNode(NodeKind::Gateway, logicalId, place);
        m_builder.setParam(nodeId, "product", gatewayProduct(type, resource), place);
        if (upper(scalar(at(properties, "ProtocolType"))) == "WEBSOCKET")
            m_builder.assumeParam(nodeId, "product", std::string("aws-http-api"),
                                  "the WebSocket API " + logicalId +
                                      " has no Skyline product: priced as an HTTP API",
                                  place);
        m_gateways.emplace_back(nodeId, place);
        alias(logicalId, nodeId);
    } else if (type == "AWS::SQS::Queue") {
        alias(logicalId, queueNode(logicalId, "aws-sqs", place));
    } else if (type == "AWS::SNS::Topic") {
        alias(logicalId, queueNode(logicalId, "aws-sns", place));
    } else if (type == "AWS::Events::EventBus") {
        alias(logicalId, queueNode(logicalId, "aws-eventbridge", place));
    } else if (type == "AWS::Kinesis::Stream") {
        const std::string nodeId = addNode(NodeKind::Queue, logicalId, place);
        m_builder.assumeParam(nodeId, "product", std::string("aws-sqs"),
                              "the Kinesis stream " + logicalId +
                                  " has no Skyline product: priced per message as the nearest "
                                  "queue, SQS (Kinesis bills shard hours and payload units)",
                              place);
        alias(logicalId, nodeId);
    } else if (type == "AWS::DynamoDB::Table" || type == "AWS::DynamoDB::GlobalTable") {
        const std::string nodeId = datastore("aws-dynamodb-on-demand");
        const std::string billing = upper(scalar(at(properties, "BillingMode")));
        if (billing != "PAY_PER_REQUEST")
            m_builder.assumeParam(nodeId, "product", std::string("aws-dynamodb-on-demand"),
                                  "the table " + logicalId + " has " +
                                      (billing.empty() ? std::string("no BillingMode (provisioned)")
                                                       : "BillingMode " + billing) +
                                      ": priced on demand, the only DynamoDB product Skyline has",
                                  place);
    } else if (type == "AWS::Serverless::SimpleTable") {
        const std::string nodeId = datastore("aws-dynamodb-on-demand");
        if (at(properties, "ProvisionedThroughput").IsDefined())
            m_builder.assumeParam(nodeId, "product", std::string("aws-dynamodb-on-demand"),
                                  "the table " + logicalId +
                                      " has provisioned throughput: priced on demand, the only "
                                      "DynamoDB product Skyline has",
                                  place);
    } else if (type == "AWS::RDS::DBInstance" || type == "AWS::RDS::DBCluster") {
        datastore("aws-rds");
    } else if (type.rfind("AWS::ElastiCache::", 0) == 0 &&
               (type == "AWS::ElastiCache::CacheCluster" ||
                type == "AWS::ElastiCache::ReplicationGroup" ||
                type == "AWS::ElastiCache::ServerlessCache")) {
        const std::string nodeId = datastore("redis");
        const std::string engine = scalar(at(properties, "Engine"));
        if (!engine.empty() && engine != "redis" && engine != "valkey")
            m_builder.assumeParam(nodeId, "product", std::string("redis"),
                                  "the " + engine + " cache " + logicalId +
                                      " is modelled as redis, the only cache Skyline has",
                                  place);
    } else if (type == "AWS::ECS::Service") {
        readEcsService(logicalId, resource);
    }
}

void TemplateReader::readFunction(const std::string &logicalId, const YAML::Node &resource)
{
    const SourceLocation place = where(resource);
    const std::string nodeId = addNode(NodeKind::Function, logicalId, place);
    alias(logicalId, nodeId);
    auto carry = [&](const std::string &templateKey, const std::string &key) {
        const YAML::Node given = property(resource, templateKey);
        if (!given.IsDefined())
            return false;
        if (const auto value = paramValue(given, templateKey + " of " + logicalId))
            m_builder.setParam(nodeId, key, *value, where(given));
        return true;
    };
    if (!carry("MemorySize", "memoryMb"))
        m_builder.assumeParam(nodeId, "memoryMb", 128.0,
                              "the template gives no MemorySize for " + logicalId +
                                  ": Lambda's default, 128 MB",
                              place);
    std::string limit;
    if (const YAML::Node timeout = property(resource, "Timeout"); timeout.IsDefined()) {
        const Value value = evaluate(timeout);
        if (value.problems.empty() && value.text)
            limit = "; its Timeout of " + *value.text + " s is only the limit";
        else
            paramValue(timeout, "Timeout of " + logicalId); // lists why it is unresolved
    }
    m_builder.assumeParam(nodeId, "durationMs", 120.0,
                          "the template states no run time for " + logicalId +
                              ": Skyline's default 120 ms" + limit,
                          place);
    carry("ReservedConcurrentExecutions", "concurrencyLimit");
    if (const YAML::Node provisioned = property(resource, "ProvisionedConcurrencyConfig");
        provisioned.IsDefined()) {
        const YAML::Node count = at(provisioned, "ProvisionedConcurrentExecutions");
        if (const auto value = paramValue(count, "ProvisionedConcurrencyConfig of " + logicalId))
            m_builder.setParam(nodeId, "provisionedConcurrency", *value, where(count));
    }
    if (const YAML::Node architectures = property(resource, "Architectures");
        architectures.IsDefined()) {
        const YAML::Node first = architectures.IsSequence() && architectures.size() > 0
                                     ? architectures[0]
                                     : architectures;
        if (const auto value = paramValue(first, "Architectures of " + logicalId)) {
            ParamValue arch = *value;
            if (const auto *text = std::get_if<std::string>(&arch))
                arch = *text == "arm64" ? "arm" : *text == "x86_64" ? "x86" : *text;
            m_builder.setParam(nodeId, "arch", arch, where(first));
        }
    }
    if (!carry("Runtime", "runtime"))
        m_builder.assumeParam(nodeId, "runtime", std::string("nodejs20"),
                              "the template gives no Runtime for " + logicalId +
                                  " (a container image?): Skyline's default nodejs20",
                              place);
}

void TemplateReader::readEcsService(const std::string &logicalId, const YAML::Node &resource)
{
    const SourceLocation place = where(resource);
    const YAML::Node properties = at(resource, "Properties");
    const std::string nodeId = addNode(NodeKind::Service, logicalId, place);
    alias(logicalId, nodeId);

    const YAML::Node launchType = at(properties, "LaunchType");
    std::string providers;
    for (const auto &item : items(at(properties, "CapacityProviderStrategy")))
        providers += scalar(at(item, "CapacityProvider")) + " ";
    if (launchType.IsDefined()) {
        const std::string text = upper(scalar(launchType));
        m_builder.setParam(nodeId, "hosting",
                           text == "FARGATE" ? std::string("aws-fargate")
                           : text == "EC2"   ? std::string("aws-ec2")
                                             : text,
                           where(launchType));
    } else if (providers.find("FARGATE") != std::string::npos) {
        m_builder.setParam(nodeId, "hosting", std::string("aws-fargate"), place);
    } else {
        m_builder.assumeParam(nodeId, "hosting", std::string("aws-fargate"),
                              "the ECS service " + logicalId +
                                  " gives no LaunchType: assumed to run on Fargate",
                              place);
    }

    const YAML::Node desired = at(properties, "DesiredCount");
    if (desired.IsDefined()) {
        if (const auto count = paramValue(desired, "DesiredCount of " + logicalId)) {
            // No autoscaling is stated: the service runs exactly DesiredCount tasks.
            m_builder.setParam(nodeId, "maxReplicas", *count, where(desired));
            m_builder.setParam(nodeId, "minReplicas", *count, where(desired));
        }
    } else {
        m_builder.assumeParam(nodeId, "minReplicas", 1.0,
                              "the ECS service " + logicalId +
                                  " gives no DesiredCount: ECS "
                                  "starts 1 task",
                              place);
        m_builder.assumeParam(nodeId, "maxReplicas", 1.0,
                              "the ECS service " + logicalId +
                                  " gives no DesiredCount: ECS "
                                  "starts 1 task",
                              place);
    }
    m_builder.assumeParam(nodeId, "serviceTimeMs", 20.0,
                          "the template states no service time for " + logicalId +
                              ": Skyline's default 20 ms",
                          place);

    const Value taskDefinition = evaluate(at(properties, "TaskDefinition"));
    reportProblems(taskDefinition.problems, "TaskDefinition of " + logicalId, place);
    for (const std::string &taskId : taskDefinition.resources) {
        const YAML::Node task = at(this->resource(taskId), "Properties");
        if (const YAML::Node cpu = at(task, "Cpu"); cpu.IsDefined()) {
            if (auto value = paramValue(cpu, "Cpu of " + taskId)) {
                // "256" CPU units (1024 per vCPU) or "0.25 vCPU".
                if (const double *units = std::get_if<double>(&*value))
                    value = *units / 1024.0;
                else if (const auto text = std::get<std::string>(*value);
                         text.find("vCPU") != std::string::npos)
                    value = parseNumber(text.substr(0, text.find_first_of(" v"))).value_or(0.0);
                m_builder.setParam(nodeId, "vcpu", *value, where(cpu));
            }
        }
        if (const YAML::Node memory = at(task, "Memory"); memory.IsDefined()) {
            if (auto value = paramValue(memory, "Memory of " + taskId)) {
                // "512" MiB or "1 GB".
                if (const double *mib = std::get_if<double>(&*value))
                    value = *mib / 1024.0;
                else if (const auto text = std::get<std::string>(*value);
                         text.find("GB") != std::string::npos)
                    value = parseNumber(text.substr(0, text.find_first_of(" G"))).value_or(0.0);
                m_builder.setParam(nodeId, "memoryGb", *value, where(memory));
            }
        }
        const std::string arch = upper(scalar(at(at(task, "RuntimePlatform"), "CpuArchitecture")));
        if (arch == "ARM64")
            m_builder.setParam(nodeId, "arch", std::string("arm"), place);
        else if (arch == "X86_64")
            m_builder.setParam(nodeId, "arch", std::string("x86"), place);
    }
}

// --- connections -----------------------------------------------------------------------

bool TemplateReader::isCreated(const std::string &logicalId, const YAML::Node &resource)
{
    const YAML::Node name = at(resource, "Condition");
    if (!name.IsDefined())
        return true;
    std::vector<std::string> stack;
    std::vector<std::string> problems;
    m_evaluationBudget = evaluationBudget;
    m_evaluationDepth = 0;
    const auto created = condition(scalar(name), stack, problems);
    if (!created) {
        // Undecided: imported, and said to exist only under the condition.
        problems.push_back("it exists only when the condition " + scalar(name) +
                           " holds, which cannot be decided offline: imported");
        reportProblems(problems, logicalId, where(name));
        return true;
    }
    if (!*created)
        m_builder.ignored("the resource " + logicalId + " is not created: its condition " +
                              scalar(name) + " is false with the parameters' defaults",
                          where(name));
    return *created;
}

void TemplateReader::connect()
{
    for (const auto &entry : entries(m_resources))
        if (!m_notCreated.count(scalar(entry.first)))
            connectResource(scalar(entry.first), entry.second);
}

void TemplateReader::infer()
{
    // After every stated edge: an inference that would close a cycle with one is refused.
    std::map<std::string, std::vector<std::string>> functionsByRole;
    std::vector<std::string> policies;
    for (const auto &entry : entries(m_resources)) {
        const std::string logicalId = scalar(entry.first);
        if (m_notCreated.count(logicalId))
            continue;
        const YAML::Node resource = entry.second;
        const YAML::Node properties = at(resource, "Properties");
        const std::string type = scalar(at(resource, "Type"));
        const std::string nodeId = nodeFor(logicalId);
        if (type == "AWS::IAM::Policy") {
            policies.push_back(logicalId);
        } else if (isFunctionType(type)) {
            // Globals' variables first; the function's own override them.
            Variables variables;
            if (type == "AWS::Serverless::Function")
                addVariables(variables, at(at(at(at(m_root, "Globals"), "Function"), "Environment"),
                                           "Variables"));
            addVariables(variables, at(at(properties, "Environment"), "Variables"));
            inferFromPolicies(nodeId, at(properties, "Policies"), logicalId);
            inferFromEnvironment(nodeId, variables, logicalId);
            const Value role = evaluate(property(resource, "Role"));
            for (const std::string &roleId : role.resources) {
                functionsByRole[roleId].push_back(logicalId);
                for (const auto &policy :
                     items(at(at(this->resource(roleId), "Properties"), "Policies")))
                    inferFromStatements(nodeId, at(at(policy, "PolicyDocument"), "Statement"),
                                        logicalId);
            }
        } else if (type == "AWS::ECS::Service") {
            const Value task = evaluate(at(properties, "TaskDefinition"));
            for (const std::string &taskId : task.resources)
                for (const auto &container :
                     items(at(at(this->resource(taskId), "Properties"), "ContainerDefinitions"))) {
                    Variables variables;
                    for (const auto &variable : items(at(container, "Environment")))
                        variables.emplace_back(scalar(at(variable, "Name")), at(variable, "Value"));
                    inferFromEnvironment(nodeId, variables, logicalId);
                }
        }
    }
    // Statements of stand-alone policies apply to every function with one of their roles.
    for (const std::string &policyId : policies) {
        const YAML::Node properties = at(resource(policyId), "Properties");
        const Value roles = evaluate(at(properties, "Roles"));
        for (const std::string &roleId : roles.resources)
            for (const std::string &functionId : functionsByRole[roleId])
                inferFromStatements(nodeFor(functionId),
                                    at(at(properties, "PolicyDocument"), "Statement"), functionId);
    }
}

void TemplateReader::connectResource(const std::string &logicalId, const YAML::Node &resource)
{
    const std::string type = scalar(at(resource, "Type"));
    const YAML::Node properties = at(resource, "Properties");
    const SourceLocation place = where(resource);
    if (isFunctionType(type)) {
        readFunctionEvents(logicalId, at(properties, "Events"));
        return;
    }
    if (type == "AWS::SNS::Topic" || type == "AWS::SNS::Subscription") {
        std::vector<std::pair<std::string, YAML::Node>> subscriptions; // topic node, spec
        if (type == "AWS::SNS::Topic") {
            for (const auto &item : items(at(properties, "Subscription")))
                subscriptions.emplace_back(nodeFor(logicalId), item);
        } else {
            const std::string topic = eventSourceNode(at(properties, "TopicArn"), EventSource::Sns,
                                                      "TopicArn of " + logicalId);
            if (!topic.empty())
                subscriptions.emplace_back(topic, properties);
        }
        for (const auto &[topicId, spec] : subscriptions) {
            const std::string protocol = scalar(at(spec, "Protocol"));
            const YAML::Node endpoint = at(spec, "Endpoint");
            const std::string what = "the " + protocol + " subscription of " + logicalId;
            if (protocol.empty()) {
                m_builder.unresolved("a subscription of " + logicalId + " has no Protocol",
                                     where(spec));
                continue;
            }
            if (protocol == "lambda") {
                if (const std::string target = functionNodeFor(endpoint, what); !target.empty())
                    addEventEdge(topicId, target, where(spec));
            } else if (protocol == "sqs") {
                if (const std::string target = eventSourceNode(endpoint, EventSource::Sqs, what);
                    !target.empty())
                    addEventEdge(topicId, target, where(spec));
            } else {
                m_builder.ignored(what + " delivers outside the template; Skyline does not "
                                         "model it",
                                  where(spec));
            }
        }
        return;
    }
    if (type == "AWS::Events::Rule") {
        const YAML::Node busName = at(properties, "EventBusName");
        const YAML::Node schedule = at(properties, "ScheduleExpression");
        std::string busId;
        if (!schedule.IsDefined())
            busId = busName.IsDefined() ? eventSourceNode(busName, EventSource::EventBus,
                                                          "EventBusName of " + logicalId)
                                        : defaultEventBus(place);
        for (const auto &target : items(at(properties, "Targets"))) {
            const Value arn = evaluate(at(target, "Arn"));
            std::string targetId;
            for (const std::string &id : arn.resources)
                if (targetId.empty())
                    targetId = nodeFor(id);
            if (targetId.empty() && arn.text && arn.problems.empty())
                targetId = nodeForName(*arn.text, std::nullopt);
            if (targetId.empty()) {
                if (!arn.problems.empty())
                    reportProblems(arn.problems, "a target of " + logicalId, where(target));
                else
                    m_builder.unresolved("the target " + arn.text.value_or("?") + " of the rule " +
                                             logicalId + " is not defined in this template",
                                         where(target));
                continue;
            }
            if (schedule.IsDefined())
                addSchedule(targetId, schedule, logicalId);
            else if (!busId.empty())
                addEventEdge(busId, targetId, where(target));
        }
        return;
    }
    if (type == "AWS::Lambda::EventSourceMapping") {
        const YAML::Node source = at(properties, "EventSourceArn");
        const Value sourceValue = evaluate(source);
        EventSource kind = EventSource::Sqs;
        for (const std::string &id : sourceValue.resources) {
            const std::string sourceType = scalar(at(this->resource(id), "Type"));
            if (sourceType == "AWS::Kinesis::Stream")
                kind = EventSource::Kinesis;
            else if (sourceType.rfind("AWS::DynamoDB::", 0) == 0)
                kind = EventSource::DynamoDbStream;
        }
        if (const auto arn = parseArn(sourceValue.text.value_or(""))) {
            if (arn->service == "kinesis")
                kind = EventSource::Kinesis;
            else if (arn->service == "dynamodb")
                kind = EventSource::DynamoDbStream;
        }
        const std::string what = "the event source mapping " + logicalId;
        const std::string queueId = eventSourceNode(source, kind, what);
        const std::string functionId = functionNodeFor(at(properties, "FunctionName"), what);
        if (queueId.empty() || functionId.empty())
            return;
        if (const YAML::Node batch = at(properties, "BatchSize"); batch.IsDefined())
            if (const auto value = paramValue(batch, "BatchSize of " + logicalId))
                m_builder.setParam(queueId, "batchSize", *value, where(batch));
        addEventEdge(queueId, functionId, place);
        return;
    }
    if (type == "AWS::Lambda::Alias" || type == "AWS::Lambda::Version") {
        const YAML::Node count =
            at(at(properties, "ProvisionedConcurrencyConfig"), "ProvisionedConcurrentExecutions");
        if (!count.IsDefined())
            return;
        const std::string functionId =
            functionNodeFor(at(properties, "FunctionName"), "FunctionName of " + logicalId);
        if (functionId.empty())
            return;
        if (const auto value = paramValue(count, "ProvisionedConcurrencyConfig of " + logicalId))
            m_builder.setParam(functionId, "provisionedConcurrency", *value, where(count));
        return;
    }
    if (type == "AWS::ApiGateway::Method" || type == "AWS::ApiGatewayV2::Integration") {
        const bool rest = type == "AWS::ApiGateway::Method";
        const YAML::Node api = at(properties, rest ? "RestApiId" : "ApiId");
        const YAML::Node uri =
            rest ? at(at(properties, "Integration"), "Uri") : at(properties, "IntegrationUri");
        if (!uri.IsDefined())
            return; // a mock or an OPTIONS method: nothing behind it
        const std::string what = "the integration " + logicalId;
        const std::string gatewayId = gatewayNode(api, "", "", place, what);
        const Value target = evaluate(uri);
        std::string targetId;
        for (const std::string &id : target.resources)
            if (const std::string node = nodeFor(id); !node.empty() && node != gatewayId)
                targetId = node;
        if (targetId.empty()) {
            if (!target.problems.empty())
                reportProblems(target.problems, what, place);
            else
                m_builder.unresolved(what + " calls " + target.text.value_or("?") +
                                         ", which is not defined in this template",
                                     place);
            return;
        }
        if (gatewayId.empty())
            return;
        const Node *callee = m_builder.node(targetId);
        if (callee && callee->kind == NodeKind::Queue)
            addEventEdge(gatewayId, targetId, place);
        else
            addApiRoute(gatewayId, targetId, place);
        return;
    }
    if (type == "AWS::ECS::Service")
        return; // its task definition's environment is read by infer()
    if (nodeFor(logicalId).empty() && !isPartType(type))
        m_builder.ignored("the resource " + logicalId + " (" +
                              (type.empty() ? std::string("no Type") : type) +
                              ") is not modelled by Skyline",
                          place);
}

void TemplateReader::readFunctionEvents(const std::string &logicalId, const YAML::Node &events)
{
    const std::string functionId = nodeFor(logicalId);
    for (const auto &entry : entries(events))
        readFunctionEvent(functionId, logicalId, scalar(entry.first), entry.second);
}

void TemplateReader::readFunctionEvent(const std::string &functionId,
                                       const std::string &functionName,
                                       const std::string &eventName, const YAML::Node &event)
{
    const std::string type = scalar(at(event, "Type"));
    const YAML::Node properties = at(event, "Properties");
    const SourceLocation place = where(event);
    const std::string what = "the " + type + " event " + eventName + " of " + functionName;
    if (type.empty()) {
        m_builder.unresolved("the event " + eventName + " of " + functionName + " has no Type",
                             place);
        return;
    }
    auto attach = [&](const YAML::Node &source, EventSource kind) {
        const std::string queueId = eventSourceNode(source, kind, what);
        if (queueId.empty())
            return;
        if (const YAML::Node batch = at(properties, "BatchSize"); batch.IsDefined())
            if (const auto value = paramValue(batch, "BatchSize of " + what))
                m_builder.setParam(queueId, "batchSize", *value, where(batch));
        addEventEdge(queueId, functionId, place);
    };
    if (type == "Api" || type == "HttpApi") {
        const bool rest = type == "Api";
        const std::string gatewayId =
            gatewayNode(at(properties, rest ? "RestApiId" : "ApiId"),
                        rest ? "ServerlessRestApi" : "ServerlessHttpApi",
                        rest ? "aws-rest-api" : "aws-http-api", place, what);
        if (!gatewayId.empty())
            addApiRoute(gatewayId, functionId, place);
    } else if (type == "SQS") {
        attach(at(properties, "Queue"), EventSource::Sqs);
    } else if (type == "SNS") {
        attach(at(properties, "Topic"), EventSource::Sns);
    } else if (type == "Kinesis") {
        attach(at(properties, "Stream"), EventSource::Kinesis);
    } else if (type == "DynamoDB") {
        attach(at(properties, "Stream"), EventSource::DynamoDbStream);
    } else if (type == "EventBridgeRule" || type == "CloudWatchEvent") {
        const YAML::Node bus = at(properties, "EventBusName");
        const std::string busId = bus.IsDefined()
                                      ? eventSourceNode(bus, EventSource::EventBus, what)
                                      : defaultEventBus(place);
        if (!busId.empty())
            addEventEdge(busId, functionId, place);
    } else if (type == "Schedule") {
        addSchedule(functionId, at(properties, "Schedule"), functionName + " " + eventName);
    } else if (type == "ScheduleV2") {
        addSchedule(functionId, at(properties, "ScheduleExpression"),
                    functionName + " " + eventName);
    } else {
        m_builder.ignored(what + " is not modelled by Skyline (no node stands for its source)",
                          place);
    }
}

std::string TemplateReader::functionNodeFor(const YAML::Node &reference, const std::string &what)
{
    const Value value = evaluate(reference);
    for (const std::string &id : value.resources)
        if (const std::string node = nodeFor(id); !node.empty())
            return node;
    if (!value.problems.empty()) {
        reportProblems(value.problems, what, where(reference));
        return {};
    }
    if (value.text)
        if (const std::string node = nodeForName(*value.text, NodeKind::Function); !node.empty())
            return node;
    m_builder.unresolved(what + " names the function " + value.text.value_or("?") +
                             ", which is not defined in this template",
                         where(reference));
    return {};
}

std::string TemplateReader::eventSourceNode(const YAML::Node &source, EventSource kind,
                                            const std::string &what)
{
    const SourceLocation place = where(source);
    if (!source.IsDefined()) {
        m_builder.unresolved(what + " names no source", place);
        return {};
    }
    const Value value = evaluate(source);
    std::string nodeId;
    std::string logicalId;
    for (const std::string &id : value.resources)
        if (nodeId.empty() && !nodeFor(id).empty()) {
            nodeId = nodeFor(id);
            logicalId = id;
        }
    if (nodeId.empty() && !value.problems.empty()) {
        reportProblems(value.problems, what, place);
        return {};
    }
    const std::string text = value.text.value_or("");
    if (nodeId.empty())
        nodeId = nodeForName(text, NodeKind::Queue);
    if (kind == EventSource::DynamoDbStream) {
        // The stream of a table in the template is a queue-like node of its own.
        const Node *table = nodeId.empty() ? nullptr : m_builder.node(nodeId);
        if (table && table->kind == NodeKind::Datastore) {
            // Names copied: adding a node may move the builder's nodes.
            const std::string tableName = table->name;
            const std::string streamName = (logicalId.empty() ? tableName : logicalId) + "Stream";
            if (const std::string existing = m_builder.findNode(streamName); !existing.empty())
                return existing;
            const std::string streamId = addNode(NodeKind::Queue, streamName, place);
            m_builder.assumeParam(streamId, "product", std::string("aws-sqs"),
                                  "the DynamoDB stream of " + tableName +
                                      " has no Skyline product: priced per message as the "
                                      "nearest queue, SQS (reads by Lambda are free on AWS)",
                                  place);
            return streamId;
        }
    }
    if (!nodeId.empty())
        return nodeId;

    // Outside the template: the source is stated (its ARN), its settings are not.
    const auto arn = parseArn(text);
    if (text.find("${") != std::string::npos) {
        m_builder.unresolved(what + ": its source " + text + " cannot be resolved offline", place);
        return {};
    }
    if (!arn || arn->name.empty()) {
        m_builder.unresolved(what + ": its source '" + text +
                                 "' is neither an ARN nor a resource of this template",
                             place);
        return {};
    }
    const std::string name = arn->name;
    if (const std::string existing = m_builder.findNode(name); !existing.empty())
        return existing;
    const char *label = kind == EventSource::Sqs        ? "queue"
                        : kind == EventSource::Sns      ? "topic"
                        : kind == EventSource::EventBus ? "event bus"
                        : kind == EventSource::Kinesis  ? "Kinesis stream"
                                                        : "DynamoDB stream";
    std::string product = kind == EventSource::Sns        ? "aws-sns"
                          : kind == EventSource::EventBus ? "aws-eventbridge"
                                                          : "aws-sqs";
    const std::string queueId = addNode(NodeKind::Queue, name, place);
    if (kind == EventSource::Kinesis || kind == EventSource::DynamoDbStream)
        m_builder.assumeParam(queueId, "product", product,
                              std::string("the ") + label + " " + name +
                                  " has no Skyline product: priced per message as the nearest "
                                  "queue, SQS",
                              place);
    else
        m_builder.setParam(queueId, "product", product, place);
    m_builder.unresolved(what + ": the " + label + " " + name + " (" + text +
                             ") is not defined in this file; its settings are Skyline's defaults",
                         place);
    return queueId;
}

std::string TemplateReader::defaultEventBus(const SourceLocation &place)
{
    if (m_defaultBus.empty())
        m_defaultBus = queueNode("default event bus", "aws-eventbridge", place);
    return m_defaultBus;
}

std::string TemplateReader::gatewayNode(const YAML::Node &api, const std::string &implicitId,
                                        const std::string &product, const SourceLocation &place,
                                        const std::string &what)
{
    if (api.IsDefined()) {
        const Value value = evaluate(api);
        for (const std::string &id : value.resources)
            if (const Node *node = m_builder.node(nodeFor(id));
                node && node->kind == NodeKind::Gateway)
                return node->id;
        if (!value.problems.empty())
            reportProblems(value.problems, what, place);
        else if (!value.resources.empty())
            m_builder.unresolved(what + ": " + value.resources.front() + " is not an API", place);
        else
            m_builder.unresolved(what + ": its API " + value.text.value_or("?") +
                                     " is not defined in this template",
                                 place);
        return {};
    }
    if (implicitId.empty())
        return {};
    if (const std::string existing = nodeFor(implicitId); !existing.empty())
        return existing;
    const std::string nodeId = addNode(NodeKind::Gateway, implicitId, place);
    m_builder.setParam(nodeId, "product", product, place);
    m_gateways.emplace_back(nodeId, place);
    alias(implicitId, nodeId);
    return nodeId;
}

bool TemplateReader::rememberEdge(const std::string &fromId, const std::string &toId)
{
    if (!m_edges.insert({fromId, toId}).second)
        return false;
    m_edgesFrom[fromId].push_back(toId);
    m_fed.insert(toId);
    return true;
}

void TemplateReader::addApiRoute(const std::string &gatewayId, const std::string &targetId,
                                 const SourceLocation &place)
{
    if (gatewayId.empty() || targetId.empty() || !rememberEdge(gatewayId, targetId))
        return;
    if (const std::string edgeId = m_builder.addEdge(EdgeKind::Api, gatewayId, targetId, place);
        !edgeId.empty())
        m_routes[gatewayId].emplace_back(edgeId, place);
}

void TemplateReader::addEventEdge(const std::string &fromId, const std::string &toId,
                                  const SourceLocation &place)
{
    if (fromId.empty() || toId.empty() || !rememberEdge(fromId, toId))
        return;
    m_builder.addEdge(EdgeKind::Event, fromId, toId, place);
}

void TemplateReader::addSchedule(const std::string &targetId, const YAML::Node &expression,
                                 const std::string &name)
{
    const SourceLocation place = where(expression);
    const std::string what = "the schedule " + name;
    const Value value = evaluate(expression);
    if (!value.problems.empty() || !value.text) {
        reportProblems(value.problems.empty()
                           ? std::vector<std::string>{"it gives no schedule expression"}
                           : value.problems,
                       what, place);
        return;
    }
    std::string problem;
    const auto rate = scheduleRatePerSecond(*value.text, problem);
    if (!rate) {
        m_builder.unresolved(what + ": " + problem, place);
        return;
    }
    Workload workload;
    workload.name = name;
    workload.shape = WorkloadShape::Constant;
    workload.params["rps"] = *rate;
    const std::string clientId = m_builder.addEntryPoint(targetId, name, place, workload);
    const Node *client = m_builder.node(clientId);
    const Node *target = m_builder.node(targetId);
    if (!client || !target)
        return;
    m_builder.assumeWorkload(clientId,
                             "the schedule " + *value.text + " of " + target->name +
                                 " becomes a constant workload of " + formatNumber(*rate) +
                                 " req/s (" + formatNumber(*rate * 86400.0) + " invocations a day)",
                             place);
}

void TemplateReader::addEntryPoints()
{
    for (const auto &[gatewayId, place] : m_gateways) {
        const Node *gateway = m_builder.node(gatewayId);
        if (!gateway)
            continue;
        const std::string gatewayName = gateway->name; // adding the client may move the nodes
        m_builder.addEntryPoint(gatewayId, gatewayName + " clients", place);
        // A gateway forwards each request to one route, not to all of them: the template
        // does not say how traffic splits, so an even share is assumed.
        const auto &routes = m_routes[gatewayId];
        if (routes.size() > 1)
            for (const auto &[edgeId, routePlace] : routes)
                m_builder.assumeEdgeShare(edgeId, 1.0 / double(routes.size()),
                                          gatewayName +
                                              " forwards each request to one of "
                                              "the " +
                                              std::to_string(routes.size()) +
                                              " functions behind it; the file does not say how "
                                              "traffic splits, so an even share",
                                          routePlace);
    }
    // A queue, topic or bus that feeds something but is fed by nothing in the file is fed
    // from outside it: an entry point too.
    for (const std::string &nodeId : m_created) {
        const Node *queue = m_builder.node(nodeId);
        if (!queue || queue->kind != NodeKind::Queue)
            continue;
        const bool feeds = m_edgesFrom.count(nodeId) > 0;
        const bool fed = m_fed.count(nodeId) > 0;
        if (feeds && !fed) {
            const std::string queueName = queue->name;
            m_builder.addEntryPoint(nodeId, queueName + " producers", where(resource(queueName)));
        }
    }
}

// --- inferred edges --------------------------------------------------------------------

std::string TemplateReader::nodeForName(const std::string &text,
                                        std::optional<NodeKind> wanted) const
{
    auto matching = [&](const std::string &name) -> std::string {
        const auto found = m_nodeByPhysicalName.find(name);
        if (found == m_nodeByPhysicalName.end())
            return {};
        const Node *node = m_builder.node(found->second);
        return node && (!wanted || node->kind == *wanted) ? node->id : std::string();
    };
    if (text.empty())
        return {};
    if (const std::string direct = matching(text); !direct.empty())
        return direct;
    if (const auto arn = parseArn(text))
        return matching(arn->name);
    if (text.rfind("https://sqs.", 0) == 0)
        return matching(text.substr(text.rfind('/') + 1));
    return {};
}

void TemplateReader::inferTo(const std::string &fromId, const std::string &toId,
                             const std::string &why, const SourceLocation &place)
{
    const Node *from = m_builder.node(fromId);
    const Node *to = m_builder.node(toId);
    if (!from || !to || fromId == toId)
        return;
    EdgeKind kind = EdgeKind::Api;
    if (to->kind == NodeKind::Queue)
        kind = EdgeKind::Event;
    else if (to->kind != NodeKind::Datastore && to->kind != NodeKind::Function)
        return;
    if (m_edges.count({fromId, toId}))
        return;
    // An edge back to what already feeds `from` would close a cycle (a consumer that knows
    // its own queue's URL): said, not drawn.
    std::set<std::string> reached;
    std::vector<std::string> open = {toId};
    while (!open.empty()) {
        const std::string current = open.back();
        open.pop_back();
        if (!reached.insert(current).second)
            continue;
        if (const auto next = m_edgesFrom.find(current); next != m_edgesFrom.end())
            open.insert(open.end(), next->second.begin(), next->second.end());
    }
    if (reached.count(fromId)) {
        m_builder.ignored(why + ", but " + to->name + " already leads to " + from->name +
                              ": no edge inferred (it would close a cycle)",
                          place);
        return;
    }
    rememberEdge(fromId, toId);
    m_builder.addInferredEdge(kind, fromId, toId, why, place);
}

void TemplateReader::inferFromValue(const std::string &fromId, const YAML::Node &value,
                                    const std::string &what, const std::string &verb,
                                    std::optional<NodeKind> wanted)
{
    const Value result = evaluate(value);
    const SourceLocation place = where(value);
    const std::string why = what + " " + verb;
    bool found = false;
    for (const std::string &id : result.resources) {
        const Node *node = m_builder.node(nodeFor(id));
        if (node && (!wanted || node->kind == *wanted)) {
            inferTo(fromId, node->id, why + " " + node->name, place);
            found = true;
        }
    }
    if (found || !result.problems.empty()) {
        reportProblems(result.problems, what, place);
        return;
    }
    if (!result.text)
        return;
    if (const std::string nodeId = nodeForName(*result.text, wanted); !nodeId.empty()) {
        inferTo(fromId, nodeId, why + " " + m_builder.node(nodeId)->name, place);
        return;
    }
    // Only a value that names a resource kind Skyline models is worth a line.
    if (const auto arn = parseArn(*result.text); arn && wanted)
        m_builder.unresolved(why + " " + arn->name + " (" + *result.text +
                                 "), which is not defined in this template",
                             place);
}

void TemplateReader::inferFromEnvironment(const std::string &fromId, const Variables &variables,
                                          const std::string &owner)
{
    for (const auto &[name, value] : variables)
        inferFromValue(fromId, value, "the environment variable " + name + " of " + owner,
                       "refers to", std::nullopt);
}

void TemplateReader::inferFromPolicies(const std::string &fromId, const YAML::Node &policies,
                                       const std::string &owner)
{
    // SAM policy templates that name a table, queue, topic, bus or function.
    static const std::map<std::string, std::pair<std::string, NodeKind>> templates = {
        {"DynamoDBCrudPolicy", {"TableName", NodeKind::Datastore}},
        {"DynamoDBReadPolicy", {"TableName", NodeKind::Datastore}},
        {"DynamoDBWritePolicy", {"TableName", NodeKind::Datastore}},
        {"DynamoDBReconfigurePolicy", {"TableName", NodeKind::Datastore}},
        {"SQSSendMessagePolicy", {"QueueName", NodeKind::Queue}},
        {"SNSPublishMessagePolicy", {"TopicName", NodeKind::Queue}},
        {"SNSCrudPolicy", {"TopicName", NodeKind::Queue}},
        {"EventBridgePutEventsPolicy", {"EventBusName", NodeKind::Queue}},
        {"KinesisCrudPolicy", {"StreamName", NodeKind::Queue}},
        {"LambdaInvokePolicy", {"FunctionName", NodeKind::Function}},
    };
    // Templates that only consume (pollers, stream readers) imply no call.
    static const std::set<std::string> consumers = {"SQSPollerPolicy", "DynamoDBStreamReadPolicy",
                                                    "KinesisStreamReadPolicy"};
    auto readOne = [&](const YAML::Node &policy) {
        if (!policy.IsMap())
            return; // a managed policy's name or ARN: no resource named
        if (at(policy, "Statement").IsDefined()) {
            inferFromStatements(fromId, at(policy, "Statement"), owner);
            return;
        }
        for (const auto &entry : policy) {
            const std::string name = scalar(entry.first);
            const auto known = templates.find(name);
            if (known == templates.end()) {
                if (!consumers.count(name))
                    m_builder.ignored("the policy template " + name + " of " + owner +
                                          " names nothing Skyline models",
                                      where(entry.second));
                continue;
            }
            const auto &[key, kind] = known->second;
            const YAML::Node argument = at(entry.second, key);
            if (!argument.IsDefined()) {
                m_builder.unresolved(name + " of " + owner + " gives no " + key,
                                     where(entry.second));
                continue;
            }
            const std::string what = name + " of " + owner;
            const Value value = evaluate(argument);
            if (value.resources.empty() && value.problems.empty() && value.text &&
                nodeForName(*value.text, kind).empty()) {
                m_builder.unresolved(what + " names " + *value.text +
                                         ", which is not defined in this template",
                                     where(argument));
                continue;
            }
            inferFromValue(fromId, argument, what, "names", kind);
        }
    };
    if (policies.IsSequence())
        for (const auto &policy : policies)
            readOne(policy);
    else
        readOne(policies);
}

void TemplateReader::inferFromStatements(const std::string &fromId, const YAML::Node &statements,
                                         const std::string &owner)
{
    auto readOne = [&](const YAML::Node &statement) {
        if (scalar(at(statement, "Effect")) != "Allow")
            return;
        // Which kinds of node the actions reach: writes and calls, not reads of a trigger.
        std::set<NodeKind> kinds;
        std::string firstAction;
        auto classify = [&](const std::string &action) {
            const std::string lower = [&] {
                std::string text = action;
                std::transform(text.begin(), text.end(), text.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                return text;
            }();
            const bool reaches =
                lower.rfind("dynamodb:", 0) == 0 || lower.rfind("rds-data:", 0) == 0 ||
                lower.rfind("rds-db:", 0) == 0 || lower == "sqs:*" ||
                lower.rfind("sqs:sendmessage", 0) == 0 || lower == "sns:*" ||
                lower == "sns:publish" || lower == "events:*" || lower == "events:putevents" ||
                lower.rfind("kinesis:put", 0) == 0 || lower == "lambda:invokefunction" ||
                lower == "lambda:*";
            if (!reaches)
                return;
            if (firstAction.empty())
                firstAction = action;
            if (lower.rfind("dynamodb:", 0) == 0 || lower.rfind("rds", 0) == 0)
                kinds.insert(NodeKind::Datastore);
            else if (lower.rfind("lambda:", 0) == 0)
                kinds.insert(NodeKind::Function);
            else
                kinds.insert(NodeKind::Queue);
        };
        const YAML::Node actions = at(statement, "Action");
        if (actions.IsSequence())
            for (const auto &action : actions)
                classify(scalar(action));
        else
            classify(scalar(actions));
        if (kinds.empty())
            return;
        const YAML::Node resources = at(statement, "Resource");
        const std::vector<YAML::Node> targets =
            resources.IsSequence() ? items(resources) : std::vector<YAML::Node>{resources};
        const std::string why = "the policy of " + owner + " allows " + firstAction + " on";
        for (const YAML::Node &item : targets) {
            const Value value = evaluate(item);
            if (value.resources.empty() && value.problems.empty() && value.text == "*") {
                m_builder.unresolved(why + " every resource ('*'): no edge inferred", where(item));
                continue;
            }
            bool found = false;
            for (const std::string &id : value.resources) {
                const Node *node = m_builder.node(nodeFor(id));
                if (node && kinds.count(node->kind)) {
                    inferTo(fromId, node->id, why + " " + node->name, where(item));
                    found = true;
                }
            }
            if (found || !value.resources.empty())
                continue;
            if (!value.problems.empty()) {
                reportProblems(value.problems, why, where(item));
                continue;
            }
            const std::string text = value.text.value_or("");
            std::string nodeId;
            for (const NodeKind kind : kinds)
                if (nodeId.empty())
                    nodeId = nodeForName(text, kind);
            if (!nodeId.empty())
                inferTo(fromId, nodeId, why + " " + m_builder.node(nodeId)->name, where(item));
            else
                m_builder.unresolved(why + " " + text + ", which is not defined in this template",
                                     where(item));
        }
    };
    if (statements.IsSequence())
        for (const auto &statement : statements)
            readOne(statement);
    else if (statements.IsMap())
        readOne(statements);
}

// --- detection and reading -------------------------------------------------------------

namespace {

bool hasSamTransform(const YAML::Node &document)
{
    const YAML::Node transform = at(document, "Transform");
    if (scalar(transform) == samTransform)
        return true;
    if (transform.IsSequence())
        for (const auto &item : transform)
            if (scalar(item) == samTransform)
                return true;
    return false;
}

bool looksLikeTemplate(const YAML::Node &document)
{
    if (!document.IsMap())
        return false;
    if (at(document, "AWSTemplateFormatVersion").IsDefined())
        return true;
    const YAML::Node resources = at(document, "Resources");
    if (!resources.IsMap())
        return false;
    for (const auto &entry : entries(resources)) {
        const std::string type = scalar(at(entry.second, "Type"));
        if (type.rfind("AWS::", 0) == 0 || type.rfind("Custom::", 0) == 0)
            return true;
    }
    return false;
}

void readTemplates(const std::vector<ParsedFile> &files, ModelBuilder &builder)
{
    for (const ParsedFile &file : files) {
        bool read = false;
        for (const YAML::Node &document : file.documents) {
            if (!looksLikeTemplate(document))
                continue;
            read = true;
            expandShortTags(document);
            TemplateReader reader(file, document, builder);
            reader.readResources();
            reader.connect();
            reader.infer();
            reader.addEntryPoints();
        }
        if (!read)
            builder.error("not a CloudFormation template (no AWSTemplateFormatVersion and no "
                          "Resources with AWS:: types)",
                          SourceLocation{file.file ? file.file->path : std::string(), 0, 0});
    }
}

} // namespace

} // namespace cloudformation

bool detectsSam(const ParsedFile &file)
{
    for (const YAML::Node &document : file.documents)
        if (document.IsMap() && cloudformation::hasSamTransform(document) &&
            cloudformation::at(document, "Resources").IsMap())
            return true;
    return false;
}

void readSam(const std::vector<ParsedFile> &files, ModelBuilder &builder)
{
    cloudformation::readTemplates(files, builder);
}

bool detectsCloudFormation(const ParsedFile &file)
{
    for (const YAML::Node &document : file.documents)
        if (cloudformation::looksLikeTemplate(document))
            return true;
    return false;
}

void readCloudFormation(const std::vector<ParsedFile> &files, ModelBuilder &builder)
{
    cloudformation::readTemplates(files, builder);
}

} // namespace skyline::importing
