// Kubernetes manifests (multi-document YAML, `kind: List`, several files) into one candidate.
//
// What maps to what (docs/import.md, section Kubernetes, says the same for users):
// - Deployment, StatefulSet, ReplicaSet → a service (hosting kubernetes) with replicas and the
//   pod's CPU/memory requests; a well-known datastore or broker image (KnownImages.h) in
//   the pod's first container makes it a datastore or queue node instead. DaemonSets are
//   ignored: one pod per cluster node runs agents (logs, metrics), not the request path.
// - HorizontalPodAutoscaler → min/max replicas and target utilisation of its target.
// - Service → which workloads its selector reaches; type LoadBalancer or NodePort, and every
//   Ingress, → a gateway (aws-alb, assumed) with an entry point and api edges to the backends.
// - env values naming a Service (`orders`, `orders:8080`, URLs, `*.svc.cluster.local`) →
//   inferred edges, also through ConfigMaps (`envFrom`, `configMapKeyRef`) in the input.
// - namespaces → contexts. Every other kind (ConfigMap, Secret, Job, CronJob ...) → one
//   `ignored` item per kind with its count.

#include "EnvReferences.h"
#include "KnownImages.h"
#include "KubernetesQuantity.h"
#include "Readers.h"
#include "domain/ParamSchema.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace skyline::importing {

namespace {

const std::string defaultNamespace = "default";
constexpr double bytesPerGb = 1073741824.0; // memoryGb counts 2^30 bytes, as memory is priced

// ---- YAML access that never throws on a missing key or a scalar where a map was expected

/// The value of `key` in a map, or an undefined node (never yaml-cpp's invalid "zombie" node,
/// which throws on most uses). Compares the keys' text: yaml-cpp's own lookup decodes every key
/// into a new string, which dominated the import of large manifests.
YAML::Node child(const YAML::Node &node, const char *key)
{
    static const YAML::Node undefined(YAML::NodeType::Undefined);
    if (!node.IsDefined() || !node.IsMap())
        return undefined;
    for (auto it = node.begin(); it != node.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    return undefined;
}

YAML::Node path(YAML::Node node, std::initializer_list<const char *> keys)
{
    // reset() rebinds; operator= would write into the document the node belongs to.
    for (const char *key : keys)
        node.reset(child(node, key));
    return node;
}

std::optional<std::string> scalar(const YAML::Node &node)
{
    if (!node.IsDefined() || !node.IsScalar())
        return std::nullopt;
    return node.Scalar();
}

std::string scalarOr(const YAML::Node &node, const std::string &fallback)
{
    const std::optional<std::string> text = scalar(node);
    return text && !text->empty() ? *text : fallback;
}

std::optional<double> number(const YAML::Node &node)
{
    const std::optional<std::string> text = scalar(node);
    if (!text)
        return std::nullopt;
    // A plain decimal number (replicas, percentages): a quantity without suffix, read without
    // the locale (a German locale would stop strtod at the '.').
    if (text->find_first_not_of("+-.0123456789") != std::string::npos)
        return std::nullopt;
    std::string problem;
    return parseKubernetesQuantity(*text, problem);
}

std::vector<YAML::Node> sequence(const YAML::Node &node)
{
    std::vector<YAML::Node> items;
    if (node.IsDefined() && node.IsSequence())
        for (const YAML::Node &item : node)
            items.push_back(item);
    return items;
}

std::map<std::string, std::string> stringMap(const YAML::Node &node)
{
    std::map<std::string, std::string> values;
    if (node.IsDefined() && node.IsMap())
        for (const auto &entry : node)
            if (const auto key = scalar(entry.first))
                if (const auto value = scalar(entry.second))
                    values[*key] = *value;
    return values;
}

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// ---- The objects of the input

struct Object
{
    const ParsedFile *file = nullptr;
    YAML::Node node;
    std::string kind;
    std::string name;
    std::string ns;
    SourceLocation where;
};

using ObjectKey = std::pair<std::string, std::string>; // namespace, name

struct Workload
{
    const Object *object = nullptr;
    std::string nodeId;
    std::map<std::string, std::string> podLabels;
    YAML::Node podSpec;
};

struct Backend
{
    const Object *object = nullptr;
    std::vector<std::string> nodeIds; ///< the workloads its selector reaches
};

/// A Service a gateway sends traffic to, and where the input names it.
struct BackendRef
{
    std::string ns;
    std::string service;
    const Object *source = nullptr; ///< the Ingress, Service or route that names it
    YAML::Node place;
};

/// Everything that was read, then mapped in a fixed order by KubernetesImport.
struct Inventory
{
    std::vector<Object> objects;
    std::vector<std::string> kindOrder; ///< ignored kinds, first seen first
    std::map<std::string, std::pair<int, SourceLocation>> ignoredKinds; ///< count, first place
};

/// The well-known datastore or broker an image runs, or nullptr. Reverse proxies (nginx,
/// envoy ...) stay services: in a cluster the gateways are the Services of type LoadBalancer
/// and the Ingresses, and a proxy pod is one more hop.
const KnownImage *datastoreOrBroker(const std::string &image)
{
    const KnownImage *known = image.empty() ? nullptr : knownImage(image);
    return known && known->kind != NodeKind::Gateway ? known : nullptr;
}

/// The first Helm expression (`{{ .Values.x }}`, `{{ include ... }}`) of a chart template in
/// the file, if it has one. Other `{{ }}` (alert templates inside a ConfigMap) are not Helm's.
std::optional<SourceLocation> helmExpression(const ParsedFile &file)
{
    if (!file.file)
        return std::nullopt;
    const std::string &text = file.file->text;
    static const char *const helmWords[] = {".Values",  ".Release", ".Chart",
                                            "include ", "toYaml",   "template "};
    std::size_t at = text.find("{{");
    for (; at != std::string::npos; at = text.find("{{", at + 2)) {
        const std::size_t end = text.find("}}", at);
        const std::string expression = text.substr(at, end == std::string::npos ? 80 : end - at);
        if (std::any_of(std::begin(helmWords), std::end(helmWords), [&](const char *word) {
                return expression.find(word) != std::string::npos;
            }))
            break;
    }
    if (at == std::string::npos)
        return std::nullopt;
    const std::size_t lineStart = text.rfind('\n', at);
    SourceLocation where{file.file->path};
    where.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    where.column = 1 + static_cast<int>(at - (lineStart == std::string::npos ? 0 : lineStart + 1));
    return where;
}

bool isWorkloadKind(const std::string &kind)
{
    return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet";
}

class KubernetesImport
{
public:
    explicit KubernetesImport(ModelBuilder &builder) : m_builder(builder) {}

    void read(const std::vector<ParsedFile> &files);

private:
    void collect(const ParsedFile &file, const YAML::Node &document, int depth);
    void countIgnored(const std::string &kind, const SourceLocation &where);

    void addWorkload(const Object &object);
    void setResources(const Workload &workload);
    void setResource(const Workload &workload, const char *resource, const std::string &key,
                     double unitsPerValue, const std::string &unitName);
    void setReplicas(const Workload &workload);
    void applyAutoscaler(const Object &hpa, const Workload &workload);
    void setTargetUtilization(const Object &hpa, const Workload &workload);

    void addService(const Object &object);
    void addGateway(const Object &object, const std::string &what,
                    const std::vector<BackendRef> &backends);
    void addIngress(const Object &object);
    void addGatewayApiRoutes();
    void addAutoscalers();
    void addScaledObjects();
    void applyScaledObject(const Object &scaler, const Workload &workload);
    void addConsumerEdges(const Workload &workload, const std::string &origin,
                          const std::string &value, const SourceLocation &where);

    void addEnvEdges(const Workload &workload);
    void addEnvEdge(const Workload &workload, const std::string &origin, const std::string &key,
                    const std::string &value, const SourceLocation &where);
    const Backend *resolveHost(const std::string &host, const std::string &ns,
                               std::string &serviceName, bool &clusterName) const;
    bool reaches(const std::string &fromNodeId, const std::string &toNodeId) const;
    void addEdge(EdgeKind kind, const std::string &from, const std::string &to,
                 const SourceLocation &where, const std::string *inferredWhy);

    SourceLocation locate(const Object &object, const YAML::Node &node) const
    {
        return node.IsDefined() ? skyline::importing::locate(*object.file, node) : object.where;
    }

    ModelBuilder &m_builder;
    Inventory m_inventory;
    std::map<ObjectKey, Workload> m_workloads; ///< by namespace and name
    std::vector<ObjectKey> m_workloadOrder;
    std::map<std::string, std::vector<const Workload *>> m_workloadsByNamespace; ///< input order
    std::map<ObjectKey, Backend> m_services;
    std::map<ObjectKey, const Object *> m_configMaps;
    std::set<ObjectKey> m_autoscaled; ///< namespace, "Kind/name" of every autoscaler's target
    std::map<std::string, std::set<std::string>> m_edges; ///< from node -> to nodes
};

// ---- Collecting

void KubernetesImport::collect(const ParsedFile &file, const YAML::Node &document, int depth)
{
    const SourceLocation where = skyline::importing::locate(file, document);
    const std::optional<std::string> kind = scalar(child(document, "kind"));
    if (!document.IsMap() || !kind || kind->empty()) {
        m_builder.ignored("A document without a kind is not a Kubernetes object; skipped.", where);
        return;
    }
    // `kind: List` (and typed lists such as DeploymentList, as `kubectl get -o yaml` writes).
    const YAML::Node items = child(document, "items");
    if (kind->size() >= 4 && kind->compare(kind->size() - 4, 4, "List") == 0 && items.IsDefined() &&
        items.IsSequence()) {
        if (depth > 8) {
            m_builder.error("Lists nested more than 8 deep.", where);
            return;
        }
        for (const YAML::Node &item : items)
            collect(file, item, depth + 1);
        return;
    }
    Object object;
    object.file = &file;
    object.node.reset(document);
    object.kind = *kind;
    object.name = scalarOr(path(document, {"metadata", "name"}), "");
    object.ns = scalarOr(path(document, {"metadata", "namespace"}), defaultNamespace);
    object.where = where;
    if (object.name.empty()) {
        m_builder.ignored("A " + object.kind + " without metadata.name; skipped.", where);
        return;
    }
    m_inventory.objects.push_back(std::move(object));
}

void KubernetesImport::countIgnored(const std::string &kind, const SourceLocation &where)
{
    auto [it, inserted] = m_inventory.ignoredKinds.try_emplace(kind, 0, where);
    if (inserted)
        m_inventory.kindOrder.push_back(kind);
    ++it->second.first;
}

// ---- Workloads

void KubernetesImport::addWorkload(const Object &object)
{
    const ObjectKey key{object.ns, object.name};
    if (m_workloads.count(key)) {
        m_builder.ignored("A second workload named " + object.name + " in namespace " + object.ns +
                              " (" + object.kind + "); the first one is used.",
                          object.where);
        return;
    }
    Workload workload;
    workload.object = &object;
    const YAML::Node spec = child(object.node, "spec");
    const YAML::Node podTemplate = child(spec, "template");
    workload.podLabels = stringMap(path(podTemplate, {"metadata", "labels"}));
    workload.podSpec.reset(child(podTemplate, "spec"));
    const std::vector<YAML::Node> containers = sequence(child(workload.podSpec, "containers"));
    if (containers.empty()) {
        m_builder.ignored(object.kind + " " + object.name +
                              " has no containers in spec.template.spec; skipped.",
                          object.where);
        return;
    }
    const std::string image = scalarOr(child(containers.front(), "image"), "");
    const KnownImage *known = datastoreOrBroker(image);
    const NodeKind kind = known ? known->kind : NodeKind::Service;
    workload.nodeId = m_builder.addNode(kind, object.name, object.where);
    m_builder.putInContext(workload.nodeId, m_builder.addContext(object.ns));
    const SourceLocation imageWhere = locate(object, child(containers.front(), "image"));
    if (known) {
        setKnownImageProduct(m_builder, workload.nodeId, *known, image, imageWhere);
    } else {
        m_builder.setParam(workload.nodeId, "hosting", std::string("kubernetes"), object.where);
        const YAML::Node arch = path(workload.podSpec, {"nodeSelector", "kubernetes.io/arch"});
        if (scalarOr(arch, "") == "arm64")
            m_builder.setParam(workload.nodeId, "arch", std::string("arm"), locate(object, arch));
    }
    m_workloadOrder.push_back(key);
    m_workloadsByNamespace[object.ns].push_back(&(m_workloads[key] = workload));
    if (kind != NodeKind::Service)
        return;
    setResources(workload);
    setReplicas(workload);
}

void KubernetesImport::setResources(const Workload &workload)
{
    setResource(workload, "cpu", "vcpu", 1.0, "vCPU");
    setResource(workload, "memory", "memoryGb", bytesPerGb, "GB");
}

/// The pod's request of `resource` (summed over its containers; a container without a request
/// counts its limit, as Kubernetes then requests the limit) into parameter `key`.
void KubernetesImport::setResource(const Workload &workload, const char *resource,
                                   const std::string &key, double unitsPerValue,
                                   const std::string &unitName)
{
    const Object &object = *workload.object;
    const ParamSpec *spec = findNodeParamSpec(NodeKind::Service, key);
    const double fallback = std::get<double>(spec->defaultValue);
    double total = 0;
    int counted = 0;
    bool fromLimits = false;
    std::string stated; // "web 250m + envoy 100m"
    SourceLocation where = object.where;
    const std::vector<YAML::Node> containers = sequence(child(workload.podSpec, "containers"));
    for (const YAML::Node &container : containers) {
        const std::string name = scalarOr(child(container, "name"), "?");
        const YAML::Node resources = child(container, "resources");
        YAML::Node quantity = path(resources, {"requests", resource});
        bool fromLimit = false;
        if (!quantity.IsDefined()) {
            quantity.reset(path(resources, {"limits", resource}));
            fromLimit = quantity.IsDefined();
        }
        if (!quantity.IsDefined())
            continue;
        const SourceLocation place = locate(object, quantity);
        const std::string text = quantity.IsScalar() ? quantity.Scalar() : "(a map or list)";
        std::string problem;
        const std::optional<double> value = parseKubernetesQuantity(text, problem);
        if (!value || *value < 0) {
            if (value)
                problem = "it is negative";
            m_builder.assumeParam(workload.nodeId, key, fallback,
                                  std::string(resource) + (fromLimit ? " limit '" : " request '") +
                                      text + "' of container " + name +
                                      " is not a Kubernetes quantity: " + problem +
                                      "; Skyline's default kept",
                                  place);
            return;
        }
        if (counted == 0)
            where = place;
        total += *value / unitsPerValue;
        ++counted;
        fromLimits = fromLimits || fromLimit;
        stated += (stated.empty() ? "" : " + ") + name + " " + text + (fromLimit ? " (limit)" : "");
    }
    if (counted == 0) {
        m_builder.assumeParam(workload.nodeId, key, fallback,
                              object.kind + " " + object.name + " states no " + resource +
                                  " request or limit: Skyline's default",
                              object.where);
        return;
    }
    if (total < spec->minimum) {
        m_builder.assumeParam(workload.nodeId, key, spec->minimum,
                              "the pod requests " + formatNumber(total) + " " + unitName + " (" +
                                  stated + "), below Skyline's smallest value",
                              where);
    } else if (counted > 1 || fromLimits) {
        std::string why = counted > 1 ? "the sum over the pod's containers: " + stated : stated;
        if (fromLimits)
            why += "; a container without a request counts its limit, as Kubernetes does";
        m_builder.assumeParam(workload.nodeId, key, total, why, where);
    } else {
        m_builder.setParam(workload.nodeId, key, total, where);
    }
}

void KubernetesImport::setReplicas(const Workload &workload)
{
    const Object &object = *workload.object;
    if (m_autoscaled.count({object.ns, object.kind + "/" + object.name}))
        return; // the autoscaler sets the replicas (addAutoscalers)
    const YAML::Node replicas = path(object.node, {"spec", "replicas"});
    if (!replicas.IsDefined()) {
        const std::string why = object.kind + " " + object.name +
                                " states no replicas and has no autoscaler: Kubernetes runs 1";
        m_builder.assumeParam(workload.nodeId, "minReplicas", 1.0, why, object.where);
        m_builder.assumeParam(workload.nodeId, "maxReplicas", 1.0, why, object.where);
        return;
    }
    const SourceLocation where = locate(object, replicas);
    const std::optional<double> count = number(replicas);
    if (!count) {
        m_builder.assumeParam(workload.nodeId, "minReplicas",
                              findNodeParamSpec(NodeKind::Service, "minReplicas")->defaultValue,
                              "replicas '" + scalarOr(replicas, "") +
                                  "' is not a number: Skyline's default kept",
                              where);
        return;
    }
    // A fixed count without an autoscaler: never fewer, never more.
    m_builder.setParam(workload.nodeId, "minReplicas", *count, where);
    m_builder.setParam(workload.nodeId, "maxReplicas", *count, where);
}

// ---- Autoscalers

void KubernetesImport::addAutoscalers()
{
    for (const Object &object : m_inventory.objects) {
        if (object.kind != "HorizontalPodAutoscaler")
            continue;
        const YAML::Node target = path(object.node, {"spec", "scaleTargetRef"});
        const std::string targetKind = scalarOr(child(target, "kind"), "");
        const std::string targetName = scalarOr(child(target, "name"), "");
        if (targetKind.empty() || targetName.empty()) {
            m_builder.unresolved("HorizontalPodAutoscaler " + object.name +
                                     " names no target: spec.scaleTargetRef needs kind and name.",
                                 locate(object, target));
            continue;
        }
        const auto it = m_workloads.find({object.ns, targetName});
        if (it == m_workloads.end() || it->second.object->kind != targetKind) {
            m_builder.unresolved("HorizontalPodAutoscaler " + object.name + " scales " +
                                     targetKind + " " + targetName + " in namespace " + object.ns +
                                     ", which is not in the input.",
                                 locate(object, target.IsDefined() ? target : object.node));
            continue;
        }
        applyAutoscaler(object, it->second);
    }
}

void KubernetesImport::applyAutoscaler(const Object &hpa, const Workload &workload)
{
    const Node *node = m_builder.node(workload.nodeId);
    if (!node || node->kind != NodeKind::Service) {
        m_builder.ignored("HorizontalPodAutoscaler " + hpa.name + " scales " +
                              workload.object->name +
                              ", a datastore or broker here: Skyline does not model its replicas.",
                          hpa.where);
        return;
    }
    const YAML::Node spec = child(hpa.node, "spec");
    const YAML::Node minReplicas = child(spec, "minReplicas");
    if (const std::optional<double> count = number(minReplicas))
        m_builder.setParam(workload.nodeId, "minReplicas", *count, locate(hpa, minReplicas));
    else
        m_builder.assumeParam(workload.nodeId, "minReplicas", 1.0,
                              "HorizontalPodAutoscaler " + hpa.name +
                                  " states no minReplicas: Kubernetes' default",
                              hpa.where);
    const YAML::Node maxReplicas = child(spec, "maxReplicas");
    if (const std::optional<double> count = number(maxReplicas))
        m_builder.setParam(workload.nodeId, "maxReplicas", *count, locate(hpa, maxReplicas));
    else
        m_builder.unresolved("HorizontalPodAutoscaler " + hpa.name +
                                 " states no maxReplicas (Kubernetes requires it); Skyline's "
                                 "default kept.",
                             hpa.where);
    setTargetUtilization(hpa, workload);
    // Kubernetes waits this long on lower demand before removing replicas (default 300 s, as
    // Skyline's). The scale-up window is not mapped: Skyline's scale-up delay also counts the
    // time a new pod takes to start, which the manifest does not say.
    const YAML::Node window = path(spec, {"behavior", "scaleDown", "stabilizationWindowSeconds"});
    if (const std::optional<double> seconds = number(window))
        m_builder.setParam(workload.nodeId, "scaleDownDelayS", *seconds, locate(hpa, window));
}

/// autoscaling/v1 `targetCPUUtilizationPercentage`, v2 `metrics` (Resource cpu Utilization),
/// v2beta1 `targetAverageUtilization`. Other metrics cannot be modelled: said, default kept.
void KubernetesImport::setTargetUtilization(const Object &hpa, const Workload &workload)
{
    const YAML::Node spec = child(hpa.node, "spec");
    const YAML::Node v1 = child(spec, "targetCPUUtilizationPercentage");
    const std::vector<YAML::Node> metrics = sequence(child(spec, "metrics"));
    YAML::Node percent;
    percent.reset(v1);
    std::vector<std::string> others;
    for (const YAML::Node &metric : metrics) {
        const std::string type = scalarOr(child(metric, "type"), "?");
        const YAML::Node resource = child(metric, "resource");
        const std::string resourceName = scalarOr(child(resource, "name"), "");
        YAML::Node utilization = path(resource, {"target", "averageUtilization"});
        if (!utilization.IsDefined())
            utilization.reset(child(resource, "targetAverageUtilization")); // v2beta1
        if (type == "Resource" && resourceName == "cpu" && utilization.IsDefined())
            percent.reset(utilization);
        else
            others.push_back(type == "Resource" ? resourceName : type + " metric");
    }
    const double fallback =
        std::get<double>(findNodeParamSpec(NodeKind::Service, "targetUtilization")->defaultValue);
    std::string otherText;
    for (const std::string &other : others)
        otherText += (otherText.empty() ? "" : ", ") + other;
    if (percent.IsDefined()) {
        if (const std::optional<double> value = number(percent))
            m_builder.setParam(workload.nodeId, "targetUtilization", *value / 100.0,
                               locate(hpa, percent));
        else
            m_builder.assumeParam(workload.nodeId, "targetUtilization", fallback,
                                  "HorizontalPodAutoscaler " + hpa.name + ": target utilisation '" +
                                      scalarOr(percent, "") +
                                      "' is not a number: Skyline's default kept",
                                  locate(hpa, percent));
        if (!others.empty())
            m_builder.ignored("HorizontalPodAutoscaler " + hpa.name + " also scales on " +
                                  otherText + "; Skyline follows the CPU target only.",
                              hpa.where);
    } else if (!others.empty()) {
        m_builder.assumeParam(workload.nodeId, "targetUtilization", fallback,
                              "HorizontalPodAutoscaler " + hpa.name + " scales on " + otherText +
                                  ", not on CPU utilisation: Skyline's default kept",
                              hpa.where);
    } else {
        m_builder.assumeParam(workload.nodeId, "targetUtilization", 0.8,
                              "HorizontalPodAutoscaler " + hpa.name +
                                  " states no metric: Kubernetes' default, 80 % CPU",
                              hpa.where);
    }
}

/// KEDA ScaledObjects (keda.sh/v1alpha1): replicas between minReplicaCount (default 0: scale
/// to zero) and maxReplicaCount (default 100) of the target; a `cpu` trigger gives the target
/// utilisation, and a kafka or rabbitmq trigger says the target consumes from that broker.
void KubernetesImport::addScaledObjects()
{
    for (const Object &object : m_inventory.objects) {
        if (object.kind != "ScaledObject")
            continue;
        const YAML::Node target = path(object.node, {"spec", "scaleTargetRef"});
        const std::string targetKind = scalarOr(child(target, "kind"), "Deployment");
        const std::string targetName = scalarOr(child(target, "name"), "");
        const auto it = m_workloads.find({object.ns, targetName});
        if (targetName.empty() || it == m_workloads.end() ||
            it->second.object->kind != targetKind) {
            m_builder.unresolved("ScaledObject " + object.name + " scales " + targetKind + " " +
                                     (targetName.empty() ? "(no name)" : targetName) +
                                     " in namespace " + object.ns + ", which is not in the input.",
                                 locate(object, target));
            continue;
        }
        const Node *node = m_builder.node(it->second.nodeId);
        if (!node || node->kind != NodeKind::Service) {
            m_builder.ignored("ScaledObject " + object.name + " scales " + targetName +
                                  ", a datastore or broker here: Skyline does not model its "
                                  "replicas.",
                              object.where);
            continue;
        }
        applyScaledObject(object, it->second);
    }
}

void KubernetesImport::applyScaledObject(const Object &scaler, const Workload &workload)
{
    const YAML::Node spec = child(scaler.node, "spec");
    const std::string what = "ScaledObject " + scaler.name;
    const YAML::Node minCount = child(spec, "minReplicaCount");
    if (const std::optional<double> count = number(minCount))
        m_builder.setParam(workload.nodeId, "minReplicas", *count, locate(scaler, minCount));
    else
        m_builder.assumeParam(workload.nodeId, "minReplicas", 0.0,
                              what + " states no minReplicaCount: KEDA's default (scale to zero)",
                              scaler.where);
    const YAML::Node maxCount = child(spec, "maxReplicaCount");
    if (const std::optional<double> count = number(maxCount))
        m_builder.setParam(workload.nodeId, "maxReplicas", *count, locate(scaler, maxCount));
    else
        m_builder.assumeParam(workload.nodeId, "maxReplicas", 100.0,
                              what + " states no maxReplicaCount: KEDA's default", scaler.where);
    bool cpu = false;
    std::string others;
    for (const YAML::Node &trigger : sequence(child(spec, "triggers"))) {
        const std::string type = scalarOr(child(trigger, "type"), "?");
        const YAML::Node metadata = child(trigger, "metadata");
        if (type == "cpu" &&
            scalarOr(child(trigger, "metricType"), "Utilization") == "Utilization") {
            const YAML::Node value = child(metadata, "value");
            if (const std::optional<double> percent = number(value)) {
                m_builder.setParam(workload.nodeId, "targetUtilization", *percent / 100.0,
                                   locate(scaler, value));
                cpu = true;
            }
            continue;
        }
        others += (others.empty() ? "" : ", ") + type;
        // The scaler reads the consumer's lag or queue length: the workload consumes there.
        const char *hostKey = type == "kafka"            ? "bootstrapServers"
                              : type == "rabbitmq"       ? "host"
                              : type == "nats-jetstream" ? "natsServerMonitoringEndpoint"
                                                         : nullptr;
        const YAML::Node hosts = hostKey ? child(metadata, hostKey) : YAML::Node();
        if (const std::optional<std::string> text = scalar(hosts))
            addConsumerEdges(workload, what + " (trigger " + type + ")", *text,
                             locate(scaler, hosts));
    }
    if (!cpu) {
        const double fallback = std::get<double>(
            findNodeParamSpec(NodeKind::Service, "targetUtilization")->defaultValue);
        m_builder.assumeParam(workload.nodeId, "targetUtilization", fallback,
                              what + " scales on " + (others.empty() ? "no trigger" : others) +
                                  ", not on CPU utilisation: Skyline's default kept",
                              scaler.where);
    }
}

/// Event edges from the brokers a scaler trigger reads (kafka:9092, amqp://rabbitmq) to the
/// workload that consumes there.
void KubernetesImport::addConsumerEdges(const Workload &workload, const std::string &origin,
                                        const std::string &value, const SourceLocation &where)
{
    const Object &object = *workload.object;
    for (const HostReference &reference : hostReferences("HOST", value)) {
        std::string serviceName;
        bool clusterName = false;
        const Backend *backend = resolveHost(reference.host, object.ns, serviceName, clusterName);
        if (!backend) {
            m_builder.unresolved(origin + " of " + object.name + " reads the broker " +
                                     reference.host + ", which is not a Service in the input.",
                                 where);
            continue;
        }
        for (const std::string &broker : backend->nodeIds) {
            const Node *brokerNode = m_builder.node(broker);
            if (!brokerNode || brokerNode->kind != NodeKind::Queue || broker == workload.nodeId)
                continue;
            const std::string why = origin + " reads " + reference.host + ": " + object.name +
                                    " consumes from " + brokerNode->name;
            addEdge(EdgeKind::Event, broker, workload.nodeId, where, &why);
        }
    }
}

// ---- Services and ingresses

void KubernetesImport::addService(const Object &object)
{
    const YAML::Node spec = child(object.node, "spec");
    const std::string type = scalarOr(child(spec, "type"), "ClusterIP");
    Backend backend;
    backend.object = &object;
    const std::map<std::string, std::string> selector = stringMap(child(spec, "selector"));
    if (type == "ExternalName") {
        m_builder.ignored("Service " + object.name + " is an ExternalName alias of " +
                              scalarOr(child(spec, "externalName"), "?") +
                              ", outside the cluster; not modelled.",
                          object.where);
    } else if (selector.empty()) {
        m_builder.ignored("Service " + object.name +
                              " has no selector (its endpoints are managed by hand); "
                              "it reaches no workload here.",
                          object.where);
    } else {
        for (const Workload *candidate : m_workloadsByNamespace[object.ns]) {
            const Workload &workload = *candidate;
            const bool matches = std::all_of(selector.begin(), selector.end(), [&](const auto &s) {
                const auto label = workload.podLabels.find(s.first);
                return label != workload.podLabels.end() && label->second == s.second;
            });
            if (matches)
                backend.nodeIds.push_back(workload.nodeId);
        }
        if (backend.nodeIds.empty()) {
            std::string labels;
            for (const auto &[k, v] : selector)
                labels += (labels.empty() ? "" : ",") + k + "=" + v;
            m_builder.unresolved("Service " + object.name + " selects pods labelled " + labels +
                                     " in namespace " + object.ns +
                                     "; no workload in the input has those labels.",
                                 locate(object, child(spec, "selector")));
        }
    }
    m_services[{object.ns, object.name}] = backend;
    if (type == "LoadBalancer" || type == "NodePort")
        addGateway(object, "Service " + object.name + " of type " + type,
                   {{object.ns, object.name, &object, object.node}});
}

void KubernetesImport::addGateway(const Object &object, const std::string &what,
                                  const std::vector<BackendRef> &backends)
{
    std::vector<std::pair<std::string, SourceLocation>> targets;
    for (const BackendRef &ref : backends) {
        const SourceLocation where = locate(*ref.source, ref.place);
        const auto it = m_services.find({ref.ns, ref.service});
        if (it == m_services.end()) {
            m_builder.unresolved(ref.source->kind + " " + ref.source->name +
                                     " sends traffic to Service " + ref.service + " in namespace " +
                                     ref.ns + ", which is not in the input.",
                                 where);
            continue;
        }
        for (const std::string &nodeId : it->second.nodeIds)
            targets.emplace_back(nodeId, where);
    }
    if (targets.empty())
        return; // a gateway in front of nothing: the unresolved items above say why
    const std::string gatewayId =
        m_builder.addNode(NodeKind::Gateway, object.name + " (" + object.kind + ")", object.where);
    m_builder.putInContext(gatewayId, m_builder.addContext(object.ns));
    m_builder.assumeParam(gatewayId, "product", std::string("aws-alb"),
                          what + " is served by a load balancer or ingress controller of the "
                                 "cluster; an AWS Application Load Balancer is the closest product",
                          object.where);
    for (const auto &[nodeId, where] : targets)
        addEdge(EdgeKind::Api, gatewayId, nodeId, where, nullptr);
    m_builder.addEntryPoint(gatewayId, "Users of " + object.name, object.where);
}

void KubernetesImport::addIngress(const Object &object)
{
    std::vector<BackendRef> backends;
    auto addBackend = [&](const YAML::Node &backend) {
        if (!backend.IsDefined())
            return;
        // networking.k8s.io/v1: backend.service.name; v1beta1: backend.serviceName.
        YAML::Node name = path(backend, {"service", "name"});
        if (!name.IsDefined())
            name.reset(child(backend, "serviceName"));
        if (const std::optional<std::string> text = scalar(name)) {
            backends.push_back({object.ns, *text, &object, name});
            return;
        }
        m_builder.ignored("Ingress " + object.name +
                              " has a backend that is not a Service (a resource); not modelled.",
                          locate(object, backend));
    };
    const YAML::Node spec = child(object.node, "spec");
    addBackend(child(spec, "defaultBackend"));
    addBackend(child(spec, "backend"));
    for (const YAML::Node &rule : sequence(child(spec, "rules")))
        for (const YAML::Node &httpPath : sequence(path(rule, {"http", "paths"})))
            addBackend(child(httpPath, "backend"));
    if (backends.empty()) {
        m_builder.unresolved("Ingress " + object.name + " names no backend Service.", object.where);
        return;
    }
    addGateway(object, "Ingress " + object.name, backends);
}

/// Gateway API (gateway.networking.k8s.io): every Gateway that routes reach is one gateway
/// node; its HTTPRoutes and GRPCRoutes send traffic to their `backendRefs` (Services).
void KubernetesImport::addGatewayApiRoutes()
{
    std::map<ObjectKey, std::vector<BackendRef>> backendsOfGateway;
    std::map<ObjectKey, const Object *> gateways;
    for (const Object &object : m_inventory.objects)
        if (object.kind == "Gateway")
            gateways.emplace(ObjectKey{object.ns, object.name}, &object);
    for (const Object &route : m_inventory.objects) {
        if (route.kind != "HTTPRoute" && route.kind != "GRPCRoute")
            continue;
        const YAML::Node spec = child(route.node, "spec");
        std::vector<BackendRef> backends;
        for (const YAML::Node &rule : sequence(child(spec, "rules")))
            for (const YAML::Node &ref : sequence(child(rule, "backendRefs"))) {
                const std::string kind = scalarOr(child(ref, "kind"), "Service");
                const YAML::Node name = child(ref, "name");
                if (kind != "Service" || !scalar(name)) {
                    m_builder.ignored(route.kind + " " + route.name + " has a backend that is " +
                                          "not a Service (" + kind + "); not modelled.",
                                      locate(route, ref));
                    continue;
                }
                backends.push_back(
                    {scalarOr(child(ref, "namespace"), route.ns), name.Scalar(), &route, name});
            }
        if (backends.empty()) {
            m_builder.unresolved(route.kind + " " + route.name + " names no backend Service.",
                                 route.where);
            continue;
        }
        for (const YAML::Node &parent : sequence(child(spec, "parentRefs"))) {
            const std::string kind = scalarOr(child(parent, "kind"), "Gateway");
            const ObjectKey key{scalarOr(child(parent, "namespace"), route.ns),
                                scalarOr(child(parent, "name"), "?")};
            if (kind != "Gateway") {
                m_builder.ignored(route.kind + " " + route.name + " attaches to a " + kind +
                                      " (a service mesh route); not modelled.",
                                  locate(route, parent));
            } else if (!gateways.count(key)) {
                m_builder.unresolved(route.kind + " " + route.name + " attaches to Gateway " +
                                         key.second + " in namespace " + key.first +
                                         ", which is not in the input.",
                                     locate(route, parent));
            } else {
                auto &all = backendsOfGateway[key];
                all.insert(all.end(), backends.begin(), backends.end());
            }
        }
    }
    for (const Object &object : m_inventory.objects) {
        if (object.kind != "Gateway")
            continue;
        const auto it = backendsOfGateway.find({object.ns, object.name});
        if (it == backendsOfGateway.end())
            m_builder.ignored("Gateway " + object.name +
                                  " has no route in the input: it reaches no workload.",
                              object.where);
        else
            addGateway(object, "Gateway " + object.name, it->second);
    }
}

// ---- Edges from env values

/// The Service a host name reaches from namespace `ns`: `svc`, `svc.ns`, `svc.ns.svc` and
/// `svc.ns.svc.<cluster domain>`. `clusterName` tells whether the name can only be a Service.
const Backend *KubernetesImport::resolveHost(const std::string &host, const std::string &ns,
                                             std::string &serviceName, bool &clusterName) const
{
    std::vector<std::string> labels;
    std::stringstream parts(host);
    std::string label;
    while (std::getline(parts, label, '.'))
        labels.push_back(label);
    clusterName = labels.size() >= 3 && labels[2] == "svc";
    if (labels.empty() || (labels.size() == 2 && labels[1].empty()))
        return nullptr;
    serviceName = labels[0];
    std::string serviceNs = ns;
    if (labels.size() >= 2) {
        if (labels.size() > 2 && !clusterName)
            return nullptr; // an outside name (api.example.com)
        serviceNs = labels[1];
    }
    const auto it = m_services.find({serviceNs, serviceName});
    return it == m_services.end() ? nullptr : &it->second;
}

bool KubernetesImport::reaches(const std::string &fromNodeId, const std::string &toNodeId) const
{
    std::set<std::string> seen;
    std::vector<std::string> todo{fromNodeId};
    while (!todo.empty()) {
        const std::string current = todo.back();
        todo.pop_back();
        if (current == toNodeId)
            return true;
        if (!seen.insert(current).second)
            continue;
        const auto it = m_edges.find(current);
        if (it != m_edges.end())
            todo.insert(todo.end(), it->second.begin(), it->second.end());
    }
    return false;
}

void KubernetesImport::addEdge(EdgeKind kind, const std::string &from, const std::string &to,
                               const SourceLocation &where, const std::string *inferredWhy)
{
    if (!m_edges[from].insert(to).second)
        return; // one edge per pair, however often the source names it
    if (inferredWhy)
        m_builder.addInferredEdge(kind, from, to, *inferredWhy, where);
    else
        m_builder.addEdge(kind, from, to, where);
}

void KubernetesImport::addEnvEdge(const Workload &workload, const std::string &origin,
                                  const std::string &key, const std::string &value,
                                  const SourceLocation &where)
{
    const Object &object = *workload.object;
    for (const HostReference &reference : hostReferences(key, value)) {
        const std::string &host = reference.host;
        std::string serviceName;
        bool clusterName = false;
        const Backend *backend = resolveHost(host, object.ns, serviceName, clusterName);
        // A bare word ("info", "orders" under LOG_LEVEL or APP_NAME) is no call; a URL, a
        // host:port, a host-naming key or a cluster DNS name (orders.shop.svc) is.
        if (!reference.certain && !clusterName)
            continue;
        if (!backend) {
            if (clusterName)
                m_builder.unresolved(origin + " of " + object.name + " names Service " + host +
                                         ", which is not in the input.",
                                     where);
            continue;
        }
        for (const std::string &target : backend->nodeIds) {
            if (target == workload.nodeId ||
                (m_edges.count(workload.nodeId) && m_edges.at(workload.nodeId).count(target)))
                continue;
            const Node *targetNode = m_builder.node(target);
            const std::string targetName = targetNode ? targetNode->name : serviceName;
            if (targetNode && targetNode->kind == NodeKind::Queue && m_edges.count(target) &&
                m_edges.at(target).count(workload.nodeId))
                continue; // the connection of a consumer (a scaler trigger says so)
            if (reaches(target, workload.nodeId)) {
                m_builder.unresolved(origin + " of " + object.name + " names Service " +
                                         serviceName + ", but " + targetName + " already calls " +
                                         object.name +
                                         ": the edge would close a cycle, which "
                                         "Skyline cannot evaluate; not added.",
                                     where);
                continue;
            }
            const bool queue = targetNode && targetNode->kind == NodeKind::Queue;
            const std::string why = origin + " of " + object.name + " is '" + value +
                                    "', naming Service " + serviceName +
                                    (queue ? "; taken as publishing to it (reverse the edge if " +
                                                 object.name + " consumes)"
                                           : "");
            addEdge(queue ? EdgeKind::Event : EdgeKind::Api, workload.nodeId, target, where, &why);
        }
    }
}

/// Kubernetes' `$(VAR)` expansion: a reference to a variable defined earlier in the list is
/// replaced once, `$$` is a `$`, anything else stays as written (no recursion: cannot loop).
std::string expandVariables(const std::string &value,
                            const std::map<std::string, std::string> &defined)
{
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '$' && i + 1 < value.size() && value[i + 1] == '$') {
            out += '$';
            ++i;
        } else if (value[i] == '$' && i + 1 < value.size() && value[i + 1] == '(') {
            const std::size_t close = value.find(')', i + 2);
            const auto it = close == std::string::npos
                                ? defined.end()
                                : defined.find(value.substr(i + 2, close - i - 2));
            if (it == defined.end()) {
                out += value[i];
                continue;
            }
            out += it->second;
            i = close;
        } else {
            out += value[i];
        }
    }
    return out;
}

void KubernetesImport::addEnvEdges(const Workload &workload)
{
    const Object &object = *workload.object;
    std::vector<std::string> secrets;
    auto configMap = [&](const YAML::Node &nameNode) -> const Object * {
        const std::string name = scalarOr(nameNode, "?");
        const auto it = m_configMaps.find({object.ns, name});
        if (it != m_configMaps.end())
            return it->second;
        m_builder.unresolved(object.name + " reads env values from ConfigMap " + name +
                                 " in namespace " + object.ns + ", which is not in the input.",
                             locate(object, nameNode));
        return nullptr;
    };
    auto containersOf = [&](const char *key) { return sequence(child(workload.podSpec, key)); };
    for (const YAML::Node &container : containersOf("containers")) {
        std::map<std::string, std::string> defined;
        // envFrom first, then env (which overrides it), as Kubernetes composes them.
        for (const YAML::Node &source : sequence(child(container, "envFrom"))) {
            const std::string prefix = scalarOr(child(source, "prefix"), "");
            if (const YAML::Node ref = child(source, "configMapRef"); ref.IsDefined()) {
                if (const Object *map = configMap(child(ref, "name")))
                    for (const auto &entry : child(map->node, "data"))
                        if (const auto key = scalar(entry.first))
                            if (const auto value = scalar(entry.second)) {
                                defined[prefix + *key] = *value;
                                addEnvEdge(workload,
                                           "env " + prefix + *key + " (from ConfigMap " +
                                               map->name + ")",
                                           *key, *value, locate(*map, entry.second));
                            }
            } else if (const YAML::Node secret = child(source, "secretRef"); secret.IsDefined()) {
                secrets.push_back("all of Secret " + scalarOr(child(secret, "name"), "?"));
            }
        }
        for (const YAML::Node &variable : sequence(child(container, "env"))) {
            const std::string name = scalarOr(child(variable, "name"), "?");
            const YAML::Node valueNode = child(variable, "value");
            const YAML::Node from = child(variable, "valueFrom");
            if (const auto value = scalar(valueNode)) {
                const std::string expanded = expandVariables(*value, defined);
                defined[name] = expanded;
                addEnvEdge(workload, "env " + name, name, expanded, locate(object, valueNode));
            } else if (const YAML::Node ref = child(from, "configMapKeyRef"); ref.IsDefined()) {
                const Object *map = configMap(child(ref, "name"));
                const std::string key = scalarOr(child(ref, "key"), "?");
                const YAML::Node data = path(map ? map->node : YAML::Node(), {"data", key.c_str()});
                if (const auto value = scalar(data)) {
                    defined[name] = *value;
                    addEnvEdge(workload,
                               "env " + name + " (from ConfigMap " + map->name + " key " + key +
                                   ")",
                               name, *value, locate(*map, data));
                } else if (map) {
                    m_builder.unresolved("env " + name + " of " + object.name + " reads key " +
                                             key + " of ConfigMap " + map->name +
                                             ", which has no such key.",
                                         locate(object, ref));
                }
            } else if (child(from, "secretKeyRef").IsDefined()) {
                secrets.push_back(name);
            }
        }
    }
    if (!secrets.empty()) {
        std::string list;
        for (const std::string &secret : secrets)
            list += (list.empty() ? "" : ", ") + secret;
        m_builder.ignored(object.name + " reads env values from Secrets (" + list +
                              "); Secrets are not read, so no edge comes from them.",
                          object.where);
    }
}

// ---- The whole import

void KubernetesImport::read(const std::vector<ParsedFile> &files)
{
    std::vector<SourceLocation> templates;
    for (const ParsedFile &file : files) {
        if (const std::optional<SourceLocation> where = helmExpression(file))
            templates.push_back(*where);
        for (const YAML::Node &document : file.documents)
            collect(file, document, 0);
    }
    if (m_builder.hasErrors())
        return;
    for (const SourceLocation &where : templates)
        m_builder.unresolved("a Helm chart template: its {{ ... }} expressions are not rendered "
                             "offline; import the output of `helm template` instead",
                             where);

    for (const Object &object : m_inventory.objects) {
        if (object.kind != "HorizontalPodAutoscaler" && object.kind != "ScaledObject")
            continue;
        const YAML::Node target = path(object.node, {"spec", "scaleTargetRef"});
        // KEDA's scaleTargetRef may leave out the kind: a Deployment then.
        const std::string defaultKind = object.kind == "ScaledObject" ? "Deployment" : "";
        m_autoscaled.insert({object.ns, scalarOr(child(target, "kind"), defaultKind) + "/" +
                                            scalarOr(child(target, "name"), "")});
    }
    // `kubectl get all -o yaml` lists a Deployment's ReplicaSets too: the Deployment stands for
    // their pods, so those ReplicaSets do not become a second node.
    std::set<ObjectKey> deployments;
    for (const Object &object : m_inventory.objects)
        if (object.kind == "Deployment")
            deployments.insert({object.ns, object.name});
    auto ownedByDeployment = [&](const Object &object) {
        const std::vector<YAML::Node> owners =
            sequence(path(object.node, {"metadata", "ownerReferences"}));
        return std::any_of(owners.begin(), owners.end(), [&](const YAML::Node &owner) {
            return scalarOr(child(owner, "kind"), "") == "Deployment" &&
                   deployments.count({object.ns, scalarOr(child(owner, "name"), "")});
        });
    };
    for (const Object &object : m_inventory.objects) {
        if (object.kind == "ReplicaSet" && ownedByDeployment(object))
            countIgnored("ReplicaSet", object.where);
        else if (isWorkloadKind(object.kind))
            addWorkload(object);
        else if (object.kind == "ConfigMap")
            m_configMaps.emplace(ObjectKey{object.ns, object.name}, &object);
    }
    if (m_workloads.empty()) {
        if (!templates.empty())
            m_builder.error("a Helm chart template: its {{ ... }} expressions are not rendered "
                            "offline, so no workload can be read; import the output of `helm "
                            "template` instead",
                            templates.front());
        else
            m_builder.error("No Deployment, StatefulSet or ReplicaSet in the input: nothing to "
                            "import.",
                            files.empty() ? SourceLocation{}
                                          : SourceLocation{files.front().file->path});
        return;
    }
    for (const Object &object : m_inventory.objects)
        if (object.kind == "Service")
            addService(object);
    for (const Object &object : m_inventory.objects)
        if (object.kind == "Ingress")
            addIngress(object);
    addGatewayApiRoutes();
    addAutoscalers();
    addScaledObjects();
    for (const ObjectKey &key : m_workloadOrder) {
        const Workload &workload = m_workloads.at(key);
        const Node *node = m_builder.node(workload.nodeId);
        if (node && node->kind == NodeKind::Service)
            addEnvEdges(workload); // a datastore's env configures itself, it calls nothing
    }

    for (const Object &object : m_inventory.objects) {
        static const std::set<std::string> mapped = {"Deployment", "StatefulSet",
                                                     "ReplicaSet", "Service",
                                                     "Ingress",    "HorizontalPodAutoscaler",
                                                     "Gateway",    "HTTPRoute",
                                                     "GRPCRoute",  "ScaledObject"};
        if (!mapped.count(object.kind))
            countIgnored(object.kind, object.where);
    }
    for (const std::string &kind : m_inventory.kindOrder) {
        const auto &[count, where] = m_inventory.ignoredKinds.at(kind);
        std::string why = "not modelled";
        if (kind == "ConfigMap")
            why = "read only for the env values of workloads";
        else if (kind == "DaemonSet")
            why = "one pod per cluster node runs agents, not part of the request path";
        else if (kind == "Job" || kind == "CronJob")
            why = "batch runs, whose calls the manifest does not say";
        else if (kind == "Namespace")
            why = "their workloads are grouped in contexts";
        else if (kind == "Secret")
            why = "secrets are not read";
        else if (kind == "ReplicaSet")
            why = "managed by a Deployment in the input, which stands for their pods";
        else if (kind == "Pod")
            why = "pods are read from the templates of their workloads";
        m_builder.ignored(std::to_string(count) + " " + kind + (count == 1 ? "" : " objects") +
                              ": " + why + ".",
                          where);
    }
}

} // namespace

bool detectsKubernetes(const ParsedFile &file)
{
    for (const YAML::Node &document : file.documents) {
        const std::optional<std::string> apiVersion = scalar(child(document, "apiVersion"));
        const std::optional<std::string> kind = scalar(child(document, "kind"));
        if (!apiVersion || !kind || kind->empty())
            continue;
        // "v1", "apps/v1", "networking.k8s.io/v1beta1": an optional group, then v<digits>...
        const std::size_t slash = apiVersion->rfind('/');
        const std::string version =
            slash == std::string::npos ? *apiVersion : apiVersion->substr(slash + 1);
        if (version.size() >= 2 && version[0] == 'v' && version[1] >= '1' && version[1] <= '9')
            return true;
    }
    return false;
}

void readKubernetes(const std::vector<ParsedFile> &files, ModelBuilder &builder)
{
    KubernetesImport(builder).read(files);
}

} // namespace skyline::importing
