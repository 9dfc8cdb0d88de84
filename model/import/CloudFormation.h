#pragma once
// Internal to skyline_import: the CloudFormation mapping that the SAM, CloudFormation and
// Serverless Framework readers share (a SAM template is a CloudFormation template with a
// transform; a serverless.yml's `resources.Resources` is CloudFormation). Resources become
// nodes, event sources and integrations become edges, references in policies and environment
// variables become inferred edges; what cannot be resolved offline is listed, never guessed.

#include "Readers.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace skyline::importing::cloudformation {

/// A child of a map, or an undefined node (never inserts, never throws on a missing key).
YAML::Node at(const YAML::Node &node, const std::string &key);
/// The text of a scalar, or empty.
std::string scalar(const YAML::Node &node);
/// Environment variables as name and value nodes (later entries override earlier ones).
using Variables = std::vector<std::pair<std::string, YAML::Node>>;
/// Adds (or overrides) the entries of an `Environment.Variables`-like map.
void addVariables(Variables &variables, const YAML::Node &map);

/// New maps and lists inside a document's memory. yaml-cpp merges the node sets of two
/// memories on every assignment between them, so putting document nodes into a fresh node
/// costs the document's size each time; nodes made here cost nothing. Attaches a scratch list
/// to the document (a map) and removes it again when destroyed.
class NodeFactory
{
public:
    explicit NodeFactory(YAML::Node document);
    ~NodeFactory();
    NodeFactory(const NodeFactory &) = delete;
    NodeFactory &operator=(const NodeFactory &) = delete;
    YAML::Node make(YAML::NodeType::value type);

private:
    YAML::Node m_document;
    YAML::Node m_scratch;
};

/// Containers already walked, by their place in the file: an alias is the node it names, so
/// a walk that meets it again stops (a list that contains itself, a "billion laughs").
class VisitedNodes
{
public:
    /// True the first time a map or list is met (always for nodes made by the readers).
    bool firstVisit(const YAML::Node &node);

private:
    std::set<std::size_t> m_positions;
};

/// The entries of a map, or none when the node is anything else (a list where a map belongs
/// is skipped instead of throwing).
std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node &node);
/// The items of a list, or none when the node is anything else.
std::vector<YAML::Node> items(const YAML::Node &node);
/// A number written as text ("512", "0.25"), or nullopt.
std::optional<double> parseNumber(const std::string &text);

/// Rewrites CloudFormation's short tags to their long forms in place, recursively:
/// `!Ref X` -> {Ref: X}, `!GetAtt a.b` -> {Fn::GetAtt: [a, b]}, `!Sub s` -> {Fn::Sub: s},
/// `!Condition C` -> {Condition: C}, every other `!Name` -> {Fn::Name: ...}. The rewritten
/// values keep their places in the file.
void expandShortTags(YAML::Node node);

/// Invocations per second of a schedule expression: "rate(5 minutes)" -> 1/300,
/// "cron(0 12 * * ? *)" -> invocations per day / 86,400. Nullopt with `problem` set when the
/// expression cannot be read.
std::optional<double> scheduleRatePerSecond(const std::string &expression, std::string &problem);

/// The parts of an ARN ("arn:aws:sqs:eu-west-1:123:orders" -> service "sqs", name "orders";
/// "...:table/Orders/stream/..." -> "dynamodb", "Orders"); nullopt when the text is no ARN.
struct Arn
{
    std::string service;
    std::string name;
};
std::optional<Arn> parseArn(const std::string &text);

/// What a template value evaluates to offline: its text when it has one (pseudo parameters
/// stay as "${AWS::Region}"), the logical ids of the resources it refers to, and why parts of it
/// cannot be resolved (a parameter without Default, an import of another stack, a cycle ...).
struct Value
{
    std::optional<std::string> text;
    std::vector<std::string> resources;
    std::vector<std::string> problems;
};

/// Which kind of event source a function is attached to (decides the node's product).
enum class EventSource { Sqs, Sns, EventBus, Kinesis, DynamoDbStream };

/// One template (or a serverless.yml's resources) read into a builder. The readers call
/// readResources() to create the nodes, connect() for the stated edges, then infer() for the
/// edges that policies and environment variables imply. The Serverless reader also uses the
/// helpers below to attach its own functions to the same nodes.
class TemplateReader
{
public:
    /// `root` holds Resources (and Parameters, Mappings, Conditions, Globals when present).
    TemplateReader(const ParsedFile &file, YAML::Node root, ModelBuilder &builder);

    void readResources();
    /// Edges the template states: events, subscriptions, rules, mappings, integrations.
    void connect();
    /// Inferred edges (policies, roles, environment variables), after every stated edge.
    void infer();
    /// Adds a client with a default workload to every gateway, and to every queue, topic or
    /// bus that feeds something but is fed by nothing in the file (call once, at the end).
    void addEntryPoints();

    /// A node (through the builder) that createdNodes() lists.
    std::string addNode(NodeKind kind, const std::string &sourceName, const SourceLocation &where);
    /// Every node this reader created, clients excepted, in order.
    const std::vector<std::string> &createdNodes() const { return m_created; }

    /// The node created for a logical id (a resource, or a name given with alias()), or empty.
    std::string nodeFor(const std::string &logicalId) const;
    void alias(const std::string &logicalId, const std::string &nodeId);

    Value evaluate(const YAML::Node &value);
    /// The value as a parameter value: a number when it reads as one, else its text. Nullopt
    /// (and the problems listed as unresolved, naming `what`) when it cannot be resolved.
    std::optional<ParamValue> paramValue(const YAML::Node &value, const std::string &what);

    /// The queue, topic, bus or stream node an event source expression (a reference, an ARN,
    /// a name) stands for. A source outside the template gets a node named after its ARN and
    /// an unresolved item; a reference that cannot be resolved gets only the item (empty id).
    std::string eventSourceNode(const YAML::Node &source, EventSource kind,
                                const std::string &what);
    /// The default event bus of the account (one node, made on first use).
    std::string defaultEventBus(const SourceLocation &where);
    /// The gateway a `RestApiId`/`ApiId` expression names, or the implicit API (`implicitId`,
    /// "ServerlessRestApi") when `api` is undefined.
    std::string gatewayNode(const YAML::Node &api, const std::string &implicitId,
                            const std::string &product, const SourceLocation &where,
                            const std::string &what);
    /// An api edge from a gateway, once per gateway and target.
    void addApiRoute(const std::string &gatewayId, const std::string &targetId,
                     const SourceLocation &where);
    /// An event edge, once per pair.
    void addEventEdge(const std::string &fromId, const std::string &toId,
                      const SourceLocation &where);
    /// A client with a constant workload from a schedule expression, calling `targetId`.
    void addSchedule(const std::string &targetId, const YAML::Node &expression,
                     const std::string &name);

    /// Inferred edges from `fromId` to every table, queue, topic, bus or function an
    /// environment variable refers to (by reference, name, URL or ARN).
    void inferFromEnvironment(const std::string &fromId, const Variables &variables,
                              const std::string &owner);
    /// Inferred edges from IAM statements (Effect Allow, Action, Resource) of `owner`.
    void inferFromStatements(const std::string &fromId, const YAML::Node &statements,
                             const std::string &owner);

    SourceLocation where(const YAML::Node &node) const;
    ModelBuilder &builder() { return m_builder; }

private:
    /// False when the resource's Condition is false with the parameters' defaults (listed as
    /// ignored); an undecidable condition imports it and lists that.
    bool isCreated(const std::string &logicalId, const YAML::Node &resource);
    void readResource(const std::string &logicalId, const YAML::Node &resource);
    void readFunction(const std::string &logicalId, const YAML::Node &resource);
    void readEcsService(const std::string &logicalId, const YAML::Node &resource);
    void readFunctionEvents(const std::string &logicalId, const YAML::Node &events);
    void readFunctionEvent(const std::string &functionId, const std::string &functionName,
                           const std::string &eventName, const YAML::Node &event);
    void inferFromPolicies(const std::string &fromId, const YAML::Node &policies,
                           const std::string &owner);
    void connectResource(const std::string &logicalId, const YAML::Node &resource);
    void inferTo(const std::string &fromId, const std::string &toId, const std::string &why,
                 const SourceLocation &where);
    /// Inferred edges to what `value` refers to; `what` names the value ("the environment
    /// variable T of F"), `verb` says how ("refers to", "names").
    void inferFromValue(const std::string &fromId, const YAML::Node &value, const std::string &what,
                        const std::string &verb, std::optional<NodeKind> wanted);
    std::string nodeForName(const std::string &text, std::optional<NodeKind> wanted) const;
    std::string queueNode(const std::string &sourceName, const std::string &product,
                          const SourceLocation &where);
    YAML::Node property(const YAML::Node &resource, const std::string &key) const;
    /// The resource with that logical id, or an undefined node.
    YAML::Node resource(const std::string &logicalId) const;
    std::string functionNodeFor(const YAML::Node &reference, const std::string &what);

    Value evaluateGuarded(const YAML::Node &value, std::vector<std::string> &stack);
    Value evaluateRef(const std::string &name, std::vector<std::string> &stack);
    Value evaluateGetAtt(const std::string &resource, const std::string &attribute,
                         std::vector<std::string> &stack);
    Value evaluateSub(const YAML::Node &argument, std::vector<std::string> &stack);
    std::optional<bool> condition(const std::string &name, std::vector<std::string> &stack,
                                  std::vector<std::string> &problems);
    std::optional<bool> conditionValue(const YAML::Node &value, std::vector<std::string> &stack,
                                       std::vector<std::string> &problems);
    std::optional<std::string> physicalName(const std::string &logicalId,
                                            std::vector<std::string> &stack,
                                            std::vector<std::string> &problems);
    void reportProblems(const std::vector<std::string> &problems, const std::string &what,
                        const SourceLocation &where);

    /// Nodes evaluate() may still look at, and how deep it is: a value that is a huge or
    /// self-containing structure (aliases) ends with a problem instead of a hang.
    int m_evaluationBudget = 0;
    int m_evaluationDepth = 0;

    const ParsedFile &m_file;
    YAML::Node m_root;
    YAML::Node m_resources;
    ModelBuilder &m_builder;
    std::map<std::string, YAML::Node> m_resourceByLogicalId;
    std::set<std::string> m_notCreated; ///< logical ids whose Condition is false
    std::map<std::string, std::string> m_nodeByLogicalId;
    std::map<std::string, std::string> m_nodeByPhysicalName;
    /// Edges this reader added (stated and inferred), to add each once and to refuse an
    /// inference that would close a cycle; false when the edge was there already.
    bool rememberEdge(const std::string &fromId, const std::string &toId);

    std::set<std::pair<std::string, std::string>> m_edges;
    std::map<std::string, std::vector<std::string>> m_edgesFrom;
    std::set<std::string> m_fed;
    std::set<std::string> m_reported;
    std::vector<std::pair<std::string, SourceLocation>> m_gateways; ///< id, place in the file
    std::string m_defaultBus;
    std::vector<std::string> m_created;
    /// Api edges from each gateway to its routes' targets (edge id, place).
    std::map<std::string, std::vector<std::pair<std::string, SourceLocation>>> m_routes;
};

} // namespace skyline::importing::cloudformation
