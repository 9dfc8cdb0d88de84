// Serverless Framework services (serverless.yml) read into the one ModelBuilder. Functions,
// their events and the provider's defaults are read here; `resources.Resources` goes through
// the CloudFormation mapping (CloudFormation.h). `${...}` variables are resolved within the
// file where they can be; the rest, and every plugin, is listed, never guessed.

#include "CloudFormation.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <set>
#include <sstream>

namespace skyline::importing {

namespace {

using cloudformation::at;
using cloudformation::entries;
using cloudformation::EventSource;
using cloudformation::items;
using cloudformation::parseArn;
using cloudformation::parseNumber;
using cloudformation::scalar;
using cloudformation::TemplateReader;

/// The index of the `}` that closes the `${` at `open`, or npos.
size_t closingBrace(const std::string &text, size_t open)
{
    int depth = 0;
    for (size_t i = open; i < text.size(); ++i) {
        if (text.compare(i, 2, "${") == 0) {
            ++depth;
            ++i;
        } else if (text[i] == '}' && --depth == 0) {
            return i;
        }
    }
    return std::string::npos;
}

std::string trim(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// A Serverless variable is `${source:...}`; `${AWS::Region}` and `${Resource}` belong to
/// CloudFormation's Fn::Sub and stay as they are.
bool isVariable(const std::string &inside)
{
    size_t i = 0;
    while (i < inside.size() && (std::isalnum(static_cast<unsigned char>(inside[i]))))
        ++i;
    if (i == 0)
        return false;
    if (i < inside.size() && inside[i] == '(') // file(...), strToBool(...)
        return true;
    return i < inside.size() && inside[i] == ':' && inside.compare(i, 2, "::") != 0;
}

class ServerlessFile
{
public:
    ServerlessFile(const ParsedFile &file, YAML::Node root, ModelBuilder &builder)
        : m_file(file), m_root(std::move(root)), m_builder(builder)
    {
    }

    void read();

private:
    SourceLocation where(const YAML::Node &node) const { return locate(m_file, node); }

    // `${...}` variables
    void resolveVariables(YAML::Node node);
    /// The text with every variable it can resolve substituted; `whole` receives the node a
    /// text made of one variable stands for.
    std::string substitute(const std::string &text, const SourceLocation &place,
                           std::vector<std::string> &stack, std::optional<YAML::Node> *whole);
    std::optional<YAML::Node> resolveVariable(const std::string &inside,
                                              const SourceLocation &place,
                                              std::vector<std::string> &stack);
    std::optional<YAML::Node> resolveSelf(const std::string &path, const SourceLocation &place,
                                          std::vector<std::string> &stack);
    void listOnce(const std::string &message, const SourceLocation &place);

    bool readProvider();
    void readPlugins();
    void readFunction(const std::string &name, const YAML::Node &spec);
    void readEvent(const std::string &functionId, const std::string &functionName,
                   const YAML::Node &event);
    /// A number (or text) as the file gives it; nullopt, listed under `what`, when it is an
    /// unresolved variable.
    std::optional<ParamValue> number(const YAML::Node &value, const std::string &what);
    void carry(const std::string &nodeId, const YAML::Node &value, const std::string &key);

    const ParsedFile &m_file;
    YAML::Node m_root;
    ModelBuilder &m_builder;
    std::unique_ptr<TemplateReader> m_resources;
    YAML::Node m_provider;
    std::string m_service;
    std::string m_context;
    std::set<std::string> m_listed;
    cloudformation::VisitedNodes m_visited;
    std::vector<std::function<void()>> m_inferences; ///< run after every stated edge
};

void ServerlessFile::listOnce(const std::string &message, const SourceLocation &place)
{
    if (m_listed.insert(message).second)
        m_builder.unresolved(message, place);
}

// --- variables -------------------------------------------------------------------------

void ServerlessFile::resolveVariables(YAML::Node node)
{
    if (!m_visited.firstVisit(node))
        return; // an alias of a node already resolved
    auto resolved = [&](YAML::Node value) {
        if (!value.IsScalar() || value.Scalar().find("${") == std::string::npos)
            return false;
        std::vector<std::string> stack;
        std::optional<YAML::Node> whole;
        const std::string text = substitute(value.Scalar(), where(value), stack, &whole);
        if (whole && !whole->IsScalar()) {
            value = *whole; // a variable that stands for a map or a list
            return true;
        }
        if (text != value.Scalar())
            value = text;
        return false;
    };
    if (node.IsMap()) {
        for (auto entry : node)
            if (!resolved(entry.second))
                resolveVariables(entry.second);
    } else if (node.IsSequence()) {
        for (size_t i = 0; i < node.size(); ++i)
            if (!resolved(node[i]))
                resolveVariables(node[i]);
    }
}

std::string ServerlessFile::substitute(const std::string &text, const SourceLocation &place,
                                       std::vector<std::string> &stack,
                                       std::optional<YAML::Node> *whole)
{
    std::string out;
    size_t position = 0;
    while (position < text.size()) {
        const size_t open = text.find("${", position);
        if (open == std::string::npos) {
            out += text.substr(position);
            break;
        }
        out += text.substr(position, open - position);
        const size_t close = closingBrace(text, open);
        if (close == std::string::npos) {
            out += text.substr(open);
            break;
        }
        const std::string inside = text.substr(open + 2, close - open - 2);
        position = close + 1;
        if (!isVariable(inside)) {
            out += text.substr(open, close - open + 1);
            continue;
        }
        // Variables inside the variable first: ${self:custom.${opt:stage}.memory}.
        const std::string expanded = substitute(inside, place, stack, nullptr);
        const auto value = resolveVariable(expanded, place, stack);
        if (!value) {
            out += "${" + expanded + "}";
            continue;
        }
        if (whole && open == 0 && close + 1 == text.size()) {
            *whole = *value;
            if (!value->IsScalar())
                return text;
        }
        out += value->IsScalar() ? value->Scalar() : text.substr(open, close - open + 1);
    }
    return out;
}

std::optional<YAML::Node> ServerlessFile::resolveVariable(const std::string &inside,
                                                          const SourceLocation &place,
                                                          std::vector<std::string> &stack)
{
    // "source:address, default" (the default may be quoted, a number, or another variable).
    std::string source = inside;
    std::optional<std::string> fallback;
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < inside.size(); ++i) {
        const char c = inside[i];
        if (quote) {
            quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(' || c == '{') {
            ++depth;
        } else if (c == ')' || c == '}') {
            --depth;
        } else if (c == ',' && depth == 0) {
            source = trim(inside.substr(0, i));
            fallback = trim(inside.substr(i + 1));
            break;
        }
    }
    auto fallbackValue = [&]() -> std::optional<YAML::Node> {
        if (!fallback)
            return std::nullopt;
        const std::string text = *fallback;
        if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') &&
            text.back() == text.front())
            return YAML::Node(text.substr(1, text.size() - 2));
        if (isVariable(text))
            return resolveVariable(text, place, stack);
        return YAML::Node(text);
    };
    const std::string variable = "${" + inside + "}";
    if (source.rfind("self:", 0) == 0) {
        if (auto value = resolveSelf(source.substr(5), place, stack))
            return value;
        if (auto value = fallbackValue())
            return value;
        listOnce("the variable " + variable + " names nothing in the file", place);
        return std::nullopt;
    }
    // The Framework's stage and region: provider.stage / provider.region when the file
    // gives them (often ${opt:stage, 'dev'} themselves).
    if (source == "sls:stage" && at(m_provider, "stage").IsDefined())
        return resolveSelf("provider.stage", place, stack);
    if (source == "aws:region" && at(m_provider, "region").IsDefined())
        return resolveSelf("provider.region", place, stack);
    const auto value = fallbackValue();
    if (value && value->IsScalar()) {
        listOnce("the variable " + variable + " cannot be resolved offline; its default '" +
                     value->Scalar() + "' is used",
                 place);
        return value;
    }
    if (value)
        return value;
    listOnce("the variable " + variable + " cannot be resolved offline (" +
                 source.substr(0, source.find_first_of(":(")) + " is read at deploy time)",
             place);
    return std::nullopt;
}

std::optional<YAML::Node> ServerlessFile::resolveSelf(const std::string &path,
                                                      const SourceLocation &place,
                                                      std::vector<std::string> &stack)
{
    if (const auto seen = std::find(stack.begin(), stack.end(), path); seen != stack.end()) {
        std::string chain;
        for (auto it = seen; it != stack.end(); ++it)
            chain += "${self:" + *it + "} -> ";
        listOnce("cyclic reference: " + chain + "${self:" + path + "}", place);
        return YAML::Node("${self:" + path + "}"); // stays unresolved, listed here
    }
    YAML::Node node = m_root;
    std::istringstream parts(path);
    for (std::string part; std::getline(parts, part, '.');) {
        if (part.empty())
            continue;
        if (node.IsSequence()) {
            const auto index = parseNumber(part);
            if (!index || *index < 0 || *index >= node.size())
                return std::nullopt;
            node.reset(node[static_cast<size_t>(*index)]); // rebind, never assign
        } else {
            node.reset(at(node, part));
        }
        if (!node.IsDefined())
            return std::nullopt;
    }
    if (node.IsScalar() && node.Scalar().find("${") != std::string::npos) {
        stack.push_back(path);
        std::optional<YAML::Node> whole;
        const std::string text = substitute(node.Scalar(), place, stack, &whole);
        stack.pop_back();
        if (whole)
            return whole;
        // A value with a variable that failed keeps it ("${ssm:...}"): listed where it
        // failed, and whoever reads the value sees it cannot be used.
        return YAML::Node(text);
    }
    return node;
}

// --- provider, plugins, functions ------------------------------------------------------

bool ServerlessFile::readProvider()
{
    m_provider.reset(at(m_root, "provider"));
    const std::string name =
        m_provider.IsScalar() ? m_provider.Scalar() : scalar(at(m_provider, "name"));
    if (name != "aws") {
        m_builder.error(name.empty()
                            ? std::string("the service has no provider.name: Skyline imports "
                                          "Serverless Framework services on AWS")
                            : "provider.name is '" + name +
                                  "': Skyline imports Serverless Framework services on AWS "
                                  "only",
                        where(m_provider.IsDefined() ? m_provider : m_root));
        return false;
    }
    if (m_provider.IsScalar())
        m_provider.reset(YAML::Node(YAML::NodeType::Map));
    const std::string region = scalar(at(m_provider, "region"));
    if (!region.empty() && region != "us-east-1" && region.find("${") == std::string::npos)
        m_builder.ignored("the region " + region +
                              " is not priced separately: costs use the project's catalog "
                              "(aws-us-east-1 unless changed)",
                          where(at(m_provider, "region")));
    return true;
}

void ServerlessFile::readPlugins()
{
    YAML::Node plugins = at(m_root, "plugins");
    if (plugins.IsMap())
        plugins.reset(at(plugins, "modules"));
    for (const auto &plugin : items(plugins))
        m_builder.unresolved("the plugin " + scalar(plugin) +
                                 " is not run: whatever it adds to the service is not imported",
                             where(plugin));
}

std::optional<ParamValue> ServerlessFile::number(const YAML::Node &value, const std::string &what)
{
    const std::string text = scalar(value);
    if (text.find("${") != std::string::npos) {
        m_builder.unresolved(what + " is " + text +
                                 ", which cannot be resolved offline: "
                                 "Skyline's default is kept",
                             where(value));
        return std::nullopt;
    }
    if (!value.IsScalar())
        return m_resources->paramValue(value, what);
    if (const auto parsed = parseNumber(text))
        return ParamValue(*parsed);
    return ParamValue(text);
}

void ServerlessFile::carry(const std::string &nodeId, const YAML::Node &value,
                           const std::string &key)
{
    const Node *node = m_builder.node(nodeId);
    if (const auto parsed = number(value, key + " of " + (node ? node->name : nodeId)))
        m_builder.setParam(nodeId, key, *parsed, where(value));
}

/// The logical id the Framework gives a function's Lambda in CloudFormation
/// ("create-order" -> "CreateDashorderLambdaFunction"), which `resources` may reference.
std::string lambdaLogicalId(const std::string &name)
{
    std::string id;
    for (char c : name) {
        if (c == '-')
            id += "Dash";
        else if (c == '_')
            id += "Underscore";
        else
            id += c;
    }
    if (!id.empty())
        id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
    return id + "LambdaFunction";
}

void ServerlessFile::readFunction(const std::string &name, const YAML::Node &spec)
{
    const SourceLocation place = where(spec);
    if (!spec.IsMap()) {
        if (scalar(spec).find("${") == std::string::npos)
            m_builder.unresolved("the function " + name + " is not a map of settings", place);
        return;
    }
    const std::string nodeId = m_resources->addNode(NodeKind::Function, name, place);
    m_resources->alias(name, nodeId);
    m_resources->alias(lambdaLogicalId(name), nodeId);
    auto setting = [&](const std::string &key) {
        const YAML::Node own = at(spec, key);
        return own.IsDefined() ? own : at(m_provider, key);
    };

    if (const YAML::Node memory = setting("memorySize"); memory.IsDefined())
        carry(nodeId, memory, "memoryMb");
    else
        m_builder.assumeParam(nodeId, "memoryMb", 1024.0,
                              "neither " + name +
                                  " nor the provider gives memorySize: the Framework's "
                                  "default, 1024 MB",
                              place);
    const std::string timeout = scalar(setting("timeout"));
    m_builder.assumeParam(nodeId, "durationMs", 120.0,
                          "the file states no run time for " + name + ": Skyline's default 120 ms" +
                              (timeout.find("${") != std::string::npos
                                   ? std::string()
                                   : "; its timeout of " +
                                         (timeout.empty() ? std::string("6") : timeout) +
                                         " s is only the limit"),
                          place);
    if (const YAML::Node reserved = at(spec, "reservedConcurrency"); reserved.IsDefined())
        carry(nodeId, reserved, "concurrencyLimit");
    if (const YAML::Node provisioned = at(spec, "provisionedConcurrency"); provisioned.IsDefined())
        carry(nodeId, provisioned, "provisionedConcurrency");
    if (const YAML::Node arch = setting("architecture"); arch.IsDefined()) {
        const std::string text = scalar(arch);
        if (text.find("${") == std::string::npos)
            m_builder.setParam(nodeId, "arch",
                               text == "arm64"    ? std::string("arm")
                               : text == "x86_64" ? std::string("x86")
                                                  : text,
                               where(arch));
    }
    if (const YAML::Node runtime = setting("runtime"); runtime.IsDefined())
        carry(nodeId, runtime, "runtime");
    else
        m_builder.assumeParam(nodeId, "runtime", std::string("nodejs20"),
                              "neither " + name +
                                  " nor the provider gives a runtime: Skyline's default nodejs20",
                              place);

    cloudformation::Variables variables;
    cloudformation::addVariables(variables, at(m_provider, "environment"));
    cloudformation::addVariables(variables, at(spec, "environment"));

    for (const auto &event : items(at(spec, "events")))
        readEvent(nodeId, name, event);
    m_inferences.push_back([this, nodeId, name, spec, variables] {
        m_resources->inferFromEnvironment(nodeId, variables, name);
        m_resources->inferFromStatements(nodeId, at(m_provider, "iamRoleStatements"), name);
        m_resources->inferFromStatements(nodeId,
                                         at(at(at(m_provider, "iam"), "role"), "statements"), name);
        m_resources->inferFromStatements(nodeId, at(spec, "iamRoleStatements"), name);
    });
}

void ServerlessFile::readEvent(const std::string &functionId, const std::string &functionName,
                               const YAML::Node &event)
{
    if (!event.IsMap() || event.size() != 1) {
        m_builder.unresolved("an event of " + functionName + " is not one 'type: settings' pair",
                             where(event));
        return;
    }
    const std::string type = scalar(event.begin()->first);
    const YAML::Node spec = event.begin()->second;
    const SourceLocation place = where(spec);
    const std::string what = "the " + type + " event of " + functionName;
    TemplateReader &resources = *m_resources;

    auto sourceNode = [&](const YAML::Node &source, EventSource kind) {
        return resources.eventSourceNode(source, kind, what);
    };
    auto attach = [&](const std::string &queueId) {
        if (queueId.empty())
            return;
        if (const YAML::Node batch = at(spec, "batchSize"); batch.IsDefined())
            carry(queueId, batch, "batchSize");
        resources.addEventEdge(queueId, functionId, place);
    };
    /// A topic or bus the Framework creates when the file names it.
    auto created = [&](const std::string &name, const std::string &product) {
        if (const std::string existing = m_builder.findNode(name); !existing.empty())
            return existing;
        const std::string nodeId = m_resources->addNode(NodeKind::Queue, name, place);
        m_builder.setParam(nodeId, "product", product, place);
        return nodeId;
    };

    if (type == "http" || type == "httpApi") {
        const bool rest = type == "http";
        const std::string gatewayId = resources.gatewayNode(
            YAML::Node(YAML::NodeType::Undefined), rest ? "ApiGatewayRestApi" : "HttpApi",
            rest ? "aws-rest-api" : "aws-http-api", place, what);
        resources.addApiRoute(gatewayId, functionId, place);
    } else if (type == "sqs") {
        attach(sourceNode(spec.IsMap() && at(spec, "arn").IsDefined() ? at(spec, "arn") : spec,
                          EventSource::Sqs));
    } else if (type == "sns") {
        // An ARN (or a reference, or a variable) names a topic; a bare name is one the
        // Framework creates.
        const YAML::Node arn = spec.IsMap() ? at(spec, "arn") : spec;
        const std::string text = scalar(arn);
        const bool named = spec.IsMap()
                               ? !arn.IsDefined()
                               : text.rfind("arn:", 0) != 0 && text.find("${") == std::string::npos;
        const std::string name = spec.IsMap() ? scalar(at(spec, "topicName")) : text;
        if (!named)
            attach(sourceNode(arn, EventSource::Sns));
        else if (!name.empty())
            attach(created(name, "aws-sns"));
        else
            m_builder.unresolved(what + " names no topic", place);
    } else if (type == "stream") {
        const YAML::Node arn = spec.IsMap() ? at(spec, "arn") : spec;
        std::string kind = scalar(at(spec, "type"));
        if (const auto parsed = parseArn(scalar(arn)); parsed && kind.empty())
            kind = parsed->service;
        if (kind.empty() && !arn.IsScalar()) {
            const cloudformation::Value value = resources.evaluate(arn);
            if (value.text && value.text->find("StreamArn") != std::string::npos)
                kind = "dynamodb";
        }
        attach(sourceNode(arn,
                          kind == "dynamodb" ? EventSource::DynamoDbStream : EventSource::Kinesis));
    } else if (type == "eventBridge") {
        const YAML::Node bus = at(spec, "eventBus");
        const YAML::Node schedule = at(spec, "schedule");
        if (schedule.IsDefined()) {
            resources.addSchedule(functionId, schedule, functionName + " " + type);
            return;
        }
        std::string busId;
        if (!bus.IsDefined())
            busId = resources.defaultEventBus(place);
        else if (!bus.IsScalar() || scalar(bus).rfind("arn:", 0) == 0)
            busId = sourceNode(bus, EventSource::EventBus);
        else if (scalar(bus).find("${") == std::string::npos)
            busId = created(scalar(bus), "aws-eventbridge");
        if (!busId.empty())
            resources.addEventEdge(busId, functionId, place);
    } else if (type == "schedule") {
        if (spec.IsMap() && scalar(at(spec, "enabled")) == "false") {
            m_builder.ignored(what + " is disabled (enabled: false)", place);
            return;
        }
        YAML::Node rates = spec.IsMap() ? at(spec, "rate") : spec;
        if (rates.IsSequence()) {
            for (size_t i = 0; i < rates.size(); ++i)
                resources.addSchedule(functionId, rates[i],
                                      functionName + " schedule " + std::to_string(i + 1));
        } else {
            resources.addSchedule(functionId, rates, functionName + " schedule");
        }
    } else {
        m_builder.ignored(what + " is not modelled by Skyline (no node stands for its source)",
                          place);
    }
}

void ServerlessFile::read()
{
    const YAML::Node service = at(m_root, "service");
    m_service = service.IsMap() ? scalar(at(service, "name")) : scalar(service);
    m_provider.reset(at(m_root, "provider"));
    cloudformation::expandShortTags(m_root);
    resolveVariables(m_root);
    if (!readProvider())
        return;
    readPlugins();
    m_service = service.IsMap() ? scalar(at(service, "name")) : scalar(service);
    if (!m_service.empty())
        m_context = m_builder.addContext(m_service);

    // resources: one map, or a list of them (several files' worth).
    YAML::Node resources = at(m_root, "resources");
    YAML::Node templateRoot(YAML::NodeType::Map);
    if (resources.IsSequence()) {
        cloudformation::NodeFactory factory(m_root);
        YAML::Node merged = factory.make(YAML::NodeType::Map);
        for (const auto &part : items(resources))
            for (const auto &entry : entries(at(part, "Resources")))
                merged[entry.first] = entry.second;
        templateRoot["Resources"] = merged;
    } else if (resources.IsMap()) {
        templateRoot.reset(resources);
    }
    m_resources = std::make_unique<TemplateReader>(m_file, templateRoot, m_builder);
    m_resources->readResources();

    const YAML::Node functions = at(m_root, "functions");
    for (const auto &entry : functions)
        readFunction(scalar(entry.first), entry.second);
    m_resources->connect();
    // Inferred edges after every stated one: an inference that would close a cycle is refused.
    for (const auto &inference : m_inferences)
        inference();
    m_resources->infer();
    // The service is one bounded context: its functions, gateways, queues and tables.
    if (!m_context.empty())
        for (const std::string &nodeId : m_resources->createdNodes())
            m_builder.putInContext(nodeId, m_context);
    m_resources->addEntryPoints();
}

} // namespace

bool detectsServerless(const ParsedFile &file)
{
    if (file.documents.empty())
        return false;
    const YAML::Node &root = file.documents.front();
    if (!root.IsMap())
        return false;
    // `service` with a provider, and something to import (functions or resources); a
    // Compose file's `services` means it is not one.
    const YAML::Node service = at(root, "service");
    const bool named = service.IsScalar() || (service.IsMap() && at(service, "name").IsDefined());
    return named && at(root, "provider").IsDefined() && !at(root, "services").IsDefined() &&
           (at(root, "functions").IsMap() || at(root, "resources").IsDefined());
}

void readServerless(const std::vector<ParsedFile> &files, ModelBuilder &builder)
{
    for (const ParsedFile &file : files) {
        if (file.documents.empty() || !detectsServerless(file)) {
            builder.error("not a Serverless Framework service (no 'service' with a 'provider' "
                          "and 'functions' or 'resources')",
                          SourceLocation{file.file ? file.file->path : std::string(), 0, 0});
            continue;
        }
        ServerlessFile(file, file.documents.front(), builder).read();
    }
}

} // namespace skyline::importing
