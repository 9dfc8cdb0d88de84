// Docker Compose (compose-spec, and the older version 2 / 3 files): services, their images,
// replicas, resources, published ports, networks, depends_on, links and environment.
//
// Compose runs containers on hosts the team runs, so every service is hosted on "aws-ec2"
// (virtual machines: no per-task platform like Fargate, no cluster like Kubernetes); the
// review list says so once. Compose has no autoscaler: a service runs exactly its
// `deploy.replicas` (or `scale`) containers, one when neither is given, so min and max
// replicas are both that count.

#include "EnvReferences.h"
#include "KnownImages.h"
#include "Readers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace skyline::importing {

namespace {

constexpr int maxMergeDepth = 16; // `<<: *a` chains; an anchor that merges itself stops here

// --- YAML helpers (merge keys included) ------------------------------------------------------

/// `map[key]`, also looked up in the maps merged in with `<<` (explicit keys win; earlier
/// merged maps win over later ones, as the YAML merge-key spec says).
YAML::Node field(const YAML::Node &map, const std::string &key, int depth = 0)
{
    if (!map.IsMap() || depth > maxMergeDepth)
        return YAML::Node(YAML::NodeType::Undefined);
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar() || it->first.Scalar() != "<<")
            continue;
        const YAML::Node merged = it->second;
        if (merged.IsMap())
            return field(merged, key, depth + 1);
        if (merged.IsSequence())
            for (const YAML::Node &part : merged)
                if (YAML::Node found = field(part, key, depth + 1); found.IsDefined())
                    return found;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

/// Every key of `map` with its value, merge keys expanded, in source order.
void collectFields(const YAML::Node &map, std::vector<std::pair<YAML::Node, YAML::Node>> &out,
                   std::set<std::string> &seen, int depth = 0)
{
    if (!map.IsMap() || depth > maxMergeDepth)
        return;
    std::vector<YAML::Node> merges;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const std::string &key = it->first.Scalar();
        if (key == "<<") {
            merges.push_back(it->second);
            continue;
        }
        if (seen.insert(key).second)
            out.push_back({it->first, it->second});
    }
    for (const YAML::Node &merged : merges) {
        if (merged.IsMap())
            collectFields(merged, out, seen, depth + 1);
        else if (merged.IsSequence())
            for (const YAML::Node &part : merged)
                collectFields(part, out, seen, depth + 1);
    }
}

std::vector<std::pair<YAML::Node, YAML::Node>> fields(const YAML::Node &map)
{
    std::vector<std::pair<YAML::Node, YAML::Node>> out;
    std::set<std::string> seen;
    collectFields(map, out, seen);
    return out;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trim(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<double> parseNumber(const std::string &text)
{
    const std::string t = trim(text);
    if (t.empty())
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/// Compose byte sizes ("512M", "1g", "1.5GB", "2048k", "536870912") in GiB.
std::optional<double> parseMemoryGb(const std::string &text)
{
    std::string t = lower(trim(text));
    if (t.empty())
        return std::nullopt;
    size_t digits = 0;
    while (digits < t.size() &&
           (std::isdigit(static_cast<unsigned char>(t[digits])) || t[digits] == '.'))
        ++digits;
    const std::optional<double> amount = parseNumber(t.substr(0, digits));
    if (!amount)
        return std::nullopt;
    std::string unit = trim(t.substr(digits));
    if (unit.size() == 2 && (unit[1] == 'b' || unit[1] == 'i'))
        unit.pop_back(); // "mb", "mi"
    static const std::map<std::string, double> bytesPer = {
        {"", 1.0},
        {"b", 1.0},
        {"k", 1024.0},
        {"m", 1024.0 * 1024.0},
        {"g", 1024.0 * 1024.0 * 1024.0},
        {"t", 1024.0 * 1024.0 * 1024.0 * 1024.0}};
    auto it = bytesPer.find(unit);
    if (it == bytesPer.end())
        return std::nullopt;
    return *amount * it->second / (1024.0 * 1024.0 * 1024.0);
}

// --- the reader ------------------------------------------------------------------------------

/// One service as every file gives it (override files add to or replace the first one).
struct ServiceSource
{
    std::string name;
    std::vector<std::pair<const ParsedFile *, YAML::Node>> bodies; ///< in file order
    SourceLocation where;                                          ///< its key in the first file
    std::string nodeId;
};

class ComposeReader
{
public:
    ComposeReader(const std::vector<ParsedFile> &files, ModelBuilder &builder)
        : m_files(files), m_builder(builder)
    {
    }

    void read()
    {
        collectServices();
        if (m_services.empty()) {
            SourceLocation where;
            if (!m_files.empty() && m_files.front().file)
                where.path = m_files.front().file->path;
            m_builder.error("no services in the compose file", where);
            return;
        }
        for (ServiceSource &service : m_services)
            addServiceNode(service);
        placeInNetworks();
        for (ServiceSource &service : m_services) {
            readReplicas(service);
            readResources(service);
            readDependencies(service);
            readEnvironment(service);
            readPorts(service);
            readUnresolvable(service);
        }
        noteHosting();
        for (const ParsedFile &file : m_files)
            for (const YAML::Node &document : file.documents)
                if (const YAML::Node include = field(document, "include"); include.IsDefined())
                    m_builder.unresolved("include is not followed: the services of the included "
                                         "files are not imported",
                                         locate(file, include));
    }

private:
    /// The last value any file gives for `key` of the service (override files win).
    std::pair<const ParsedFile *, YAML::Node> last(const ServiceSource &service,
                                                   const std::string &key) const
    {
        for (auto it = service.bodies.rbegin(); it != service.bodies.rend(); ++it)
            if (YAML::Node value = field(it->second, key); value.IsDefined() && !value.IsNull())
                return {it->first, value};
        return {nullptr, YAML::Node(YAML::NodeType::Undefined)};
    }

    /// Every value the files give for `key` (lists such as ports and depends_on add up).
    std::vector<std::pair<const ParsedFile *, YAML::Node>> all(const ServiceSource &service,
                                                               const std::string &key) const
    {
        std::vector<std::pair<const ParsedFile *, YAML::Node>> out;
        for (const auto &[file, body] : service.bodies)
            if (YAML::Node value = field(body, key); value.IsDefined() && !value.IsNull())
                out.push_back({file, value});
        return out;
    }

    void collectServices()
    {
        for (const ParsedFile &file : m_files) {
            for (const YAML::Node &document : file.documents) {
                const YAML::Node services = field(document, "services");
                if (!services.IsMap()) {
                    if (services.IsDefined() && !services.IsNull())
                        m_builder.error("'services' must be a map of service names to their "
                                        "definitions",
                                        locate(file, services));
                    continue;
                }
                for (const auto &[key, body] : fields(services)) {
                    const std::string name = key.Scalar();
                    if (!body.IsMap() && !body.IsNull()) {
                        m_builder.error("service '" + name + "' must be a map", locate(file, key));
                        continue;
                    }
                    auto [index, added] = m_serviceIndex.emplace(name, m_services.size());
                    if (added)
                        m_services.push_back({name, {}, locate(file, key), {}});
                    m_services[index->second].bodies.push_back({&file, body});
                }
            }
        }
    }

    /// `text` with ${VAR:-default} replaced by the default and ${VAR} (no default: set only
    /// where it is deployed) by nothing, listed as unresolved; "$$" is a literal "$".
    std::string interpolate(const std::string &text, const SourceLocation &where)
    {
        std::string out;
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] != '$' || i + 1 >= text.size()) {
                out += text[i];
                continue;
            }
            if (text[i + 1] == '$') {
                out += '$';
                ++i;
                continue;
            }
            std::string name;
            std::string rest; // ":-default", "-default", ":?error" ...
            size_t end = i;
            if (text[i + 1] == '{') {
                int depth = 1;
                size_t j = i + 2;
                for (; j < text.size() && depth > 0; ++j) {
                    if (text[j] == '{')
                        ++depth;
                    else if (text[j] == '}')
                        --depth;
                }
                if (depth > 0) { // "${" without its "}": keep the text as it is
                    out += text.substr(i);
                    break;
                }
                const std::string inner = text.substr(i + 2, j - 1 - (i + 2));
                size_t k = 0;
                while (k < inner.size() &&
                       (std::isalnum(static_cast<unsigned char>(inner[k])) || inner[k] == '_'))
                    ++k;
                name = inner.substr(0, k);
                rest = inner.substr(k);
                end = j - 1;
            } else {
                size_t j = i + 1;
                while (j < text.size() &&
                       (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_'))
                    ++j;
                if (j == i + 1) {
                    out += '$';
                    continue;
                }
                name = text.substr(i + 1, j - i - 1);
                end = j - 1;
            }
            i = end;
            if (rest.rfind(":-", 0) == 0 || rest.rfind("-", 0) == 0) {
                out += interpolate(rest.substr(rest[0] == ':' ? 2 : 1), where);
                continue;
            }
            if (rest.rfind(":+", 0) == 0 || rest.rfind("+", 0) == 0)
                continue; // the alternative applies only when VAR is set: here it is not
            if (m_unresolvedVariables.insert({name, where.line, where.column}).second)
                m_builder.unresolved("${" + name +
                                         "} is set only where the file is deployed "
                                         "(no default here): read as empty",
                                     where);
        }
        return out;
    }

    std::string scalar(const ParsedFile *file, const YAML::Node &node)
    {
        if (!node.IsScalar())
            return {};
        return interpolate(node.Scalar(), locate(*file, node));
    }

    void addServiceNode(ServiceSource &service)
    {
        const auto [file, imageNode] = last(service, "image");
        const std::string image = file ? scalar(file, imageNode) : std::string();
        const KnownImage *known = image.empty() ? nullptr : knownImage(image);
        const NodeKind kind = known ? known->kind : NodeKind::Service;
        service.nodeId = m_builder.addNode(kind, service.name, service.where);
        if (!known) {
            m_builder.presetParam(service.nodeId, "hosting", std::string("aws-ec2"));
            ++m_hostedServices;
            return;
        }
        setKnownImageProduct(m_builder, service.nodeId, *known, image, locate(*file, imageNode));
    }

    void placeInNetworks()
    {
        bool anyNetworks = false;
        for (const ServiceSource &service : m_services)
            anyNetworks = anyNetworks || last(service, "networks").first;
        if (!anyNetworks)
            return; // one network for all: a box around everything says nothing
        for (const ServiceSource &service : m_services) {
            const auto [file, networks] = last(service, "networks");
            std::vector<std::string> names;
            if (networks.IsSequence()) {
                for (const YAML::Node &n : networks)
                    if (n.IsScalar())
                        names.push_back(scalar(file, n));
            } else if (networks.IsMap()) {
                for (const auto &[key, value] : fields(networks))
                    names.push_back(key.Scalar());
            }
            if (names.empty())
                names.push_back("default"); // Compose puts such services on "default"
            m_builder.putInContext(service.nodeId, m_builder.addContext(names.front()));
            if (names.size() > 1) {
                std::string others;
                for (size_t i = 1; i < names.size(); ++i)
                    others += (i > 1 ? ", " : "") + names[i];
                m_builder.ignored(service.name + " is also on network(s) " + others +
                                      ": a node sits in one context, so it is in " + names.front(),
                                  locate(*file, networks));
            }
        }
    }

    void setNumber(const ServiceSource &service, const std::string &key, const ParsedFile *file,
                   const YAML::Node &node, std::optional<double> (*parse)(const std::string &))
    {
        const std::string text = scalar(file, node);
        const SourceLocation where = locate(*file, node);
        if (const std::optional<double> value = parse(text))
            m_builder.setParam(service.nodeId, key, *value, where);
        else
            m_builder.setParam(service.nodeId, key, text, where); // refused: not a number
    }

    void readReplicas(const ServiceSource &service)
    {
        const Node *node = m_builder.node(service.nodeId);
        if (!node || node->kind != NodeKind::Service)
            return;
        // deploy.replicas, else the version 2 `scale`. (A YAML::Node is never assigned to:
        // assigning rebinds the node it refers to inside the document and merges whole
        // documents' memory, so the reader only ever constructs them.)
        const auto [deployFile, deploy] = last(service, "deploy");
        if (deployFile) {
            if (YAML::Node mode = field(deploy, "mode");
                mode.IsScalar() && mode.Scalar() == "global")
                m_builder.ignored(service.name + " runs in global mode (one container per "
                                                 "host): read as one replica",
                                  locate(*deployFile, mode));
        }
        const YAML::Node deployReplicas = deployFile ? field(deploy, "replicas") : YAML::Node();
        const bool fromDeploy = deployReplicas.IsDefined() && !deployReplicas.IsNull();
        const auto [scaleFile, scale] = last(service, "scale");
        const ParsedFile *file = fromDeploy ? deployFile : scaleFile;
        const YAML::Node replicas = fromDeploy ? deployReplicas : scale;
        if (!file) { // Compose runs one container of a service that gives no count
            m_builder.presetParam(service.nodeId, "minReplicas", 1.0);
            m_builder.presetParam(service.nodeId, "maxReplicas", 1.0);
            return;
        }
        setNumber(service, "minReplicas", file, replicas, parseNumber);
        setNumber(service, "maxReplicas", file, replicas, parseNumber);
    }

    void readResources(const ServiceSource &service)
    {
        const Node *node = m_builder.node(service.nodeId);
        if (!node || node->kind != NodeKind::Service)
            return;
        // Limits first (what one replica may use), else reservations, else the version 2
        // keys at the service level.
        // A pair, not a structured binding: lambdas cannot capture those before clang 16.
        const auto deployEntry = last(service, "deploy");
        const ParsedFile *deployFile = deployEntry.first;
        const YAML::Node resources =
            deployFile ? field(deployEntry.second, "resources") : YAML::Node();
        auto pick = [&](const char *key, const char *serviceKey,
                        const char *reservationKey) -> std::pair<const ParsedFile *, YAML::Node> {
            for (const char *part : {"limits", "reservations"})
                if (YAML::Node v = field(field(resources, part), key); v.IsScalar())
                    return {deployFile, v};
            for (const char *k : {serviceKey, reservationKey})
                if (k)
                    if (auto [file, v] = last(service, k); file && v.IsScalar())
                        return {file, v};
            return {nullptr, YAML::Node()};
        };
        if (auto [file, cpus] = pick("cpus", "cpus", nullptr); file)
            setNumber(service, "vcpu", file, cpus, parseNumber);
        if (auto [file, memory] = pick("memory", "mem_limit", "mem_reservation"); file)
            setNumber(service, "memoryGb", file, memory, parseMemoryGb);
    }

    const ServiceSource *serviceNamed(const std::string &name) const
    {
        auto it = m_serviceIndex.find(name);
        return it == m_serviceIndex.end() ? nullptr : &m_services[it->second];
    }

    /// An inferred edge from `from` to the service `targetName`; a queue is published to.
    void inferEdge(const ServiceSource &from, const std::string &targetName, const std::string &why,
                   const SourceLocation &where)
    {
        const ServiceSource *to = serviceNamed(targetName);
        if (!to) {
            m_builder.unresolved(from.name + " refers to '" + targetName +
                                     "', which is not a service of the file(s)",
                                 where);
            return;
        }
        if (to == &from)
            return;
        const Node *target = m_builder.node(to->nodeId);
        const EdgeKind kind =
            target && target->kind == NodeKind::Queue ? EdgeKind::Event : EdgeKind::Api;
        m_builder.addInferredEdge(kind, from.nodeId, to->nodeId, why, where);
    }

    void readDependencies(const ServiceSource &service)
    {
        for (const auto &[file, dependsOn] : all(service, "depends_on")) {
            if (dependsOn.IsSequence()) {
                for (const YAML::Node &dep : dependsOn)
                    if (dep.IsScalar())
                        inferEdge(service, scalar(file, dep),
                                  "depends_on gives start order, not calls", locate(*file, dep));
            } else if (dependsOn.IsMap()) {
                for (const auto &[key, value] : fields(dependsOn))
                    inferEdge(service, key.Scalar(), "depends_on gives start order, not calls",
                              locate(*file, key));
            }
        }
        for (const auto &[file, links] : all(service, "links")) {
            if (!links.IsSequence())
                continue;
            for (const YAML::Node &link : links) {
                if (!link.IsScalar())
                    continue;
                std::string target = scalar(file, link);
                target = target.substr(0, target.find(':')); // "db:database" -> "db"
                inferEdge(service, target, "links makes the service reachable, not called",
                          locate(*file, link));
            }
        }
    }

    /// Service names an environment value points at: URLs ("http://orders:8080/x",
    /// "redis://:pw@cache:6379"), "host:port" lists ("kafka:9092,kafka2:9092") and, under a
    /// key naming a host ("ORDERS_HOST=orders"), a bare service name.
    std::vector<std::string> referencedServices(const std::string &key, const std::string &value)
    {
        std::vector<std::string> names;
        for (const HostReference &reference : hostReferences(key, value))
            if (reference.certain && serviceNamed(reference.host))
                names.push_back(reference.host);
        return names;
    }

    void readEnvironment(const ServiceSource &service)
    {
        auto consider = [&](const ParsedFile *file, const std::string &key, const YAML::Node &node,
                            const std::string &value) {
            for (const std::string &name : referencedServices(key, value))
                inferEdge(service, name, "the environment names it (" + key + "=" + value + ")",
                          locate(*file, node));
        };
        for (const auto &[file, environment] : all(service, "environment")) {
            if (environment.IsSequence()) {
                for (const YAML::Node &entry : environment) {
                    if (!entry.IsScalar())
                        continue;
                    const std::string text = scalar(file, entry);
                    const auto eq = text.find('=');
                    if (eq != std::string::npos)
                        consider(file, text.substr(0, eq), entry, text.substr(eq + 1));
                }
            } else if (environment.IsMap()) {
                for (const auto &[key, value] : fields(environment))
                    if (value.IsScalar())
                        consider(file, key.Scalar(), value, scalar(file, value));
            }
        }
    }

    /// True when a `ports` entry publishes a port on the host ("8080:80", "80", long form
    /// with `published` or without: Compose then picks a host port).
    static bool publishes(const YAML::Node &entry) { return entry.IsScalar() || entry.IsMap(); }

    void readPorts(const ServiceSource &service)
    {
        for (const auto &[file, ports] : all(service, "ports")) {
            if (!ports.IsSequence() || ports.size() == 0)
                continue;
            bool any = false;
            for (const YAML::Node &entry : ports)
                any = any || publishes(entry);
            if (!any)
                continue;
            const SourceLocation where = locate(*file, ports);
            const Node *node = m_builder.node(service.nodeId);
            if (node && (node->kind == NodeKind::Datastore || node->kind == NodeKind::Queue)) {
                m_builder.ignored(service.name + " publishes a port: read as an administration "
                                                 "port, not an entry point (no client)",
                                  where);
                return;
            }
            m_builder.addEntryPoint(service.nodeId, service.name + " clients", where);
            return; // one client per service, however many ports it publishes
        }
    }

    void readUnresolvable(const ServiceSource &service)
    {
        if (const auto [file, profiles] = last(service, "profiles");
            file && profiles.IsSequence() && profiles.size() > 0) {
            std::string names;
            for (const YAML::Node &profile : profiles)
                if (profile.IsScalar())
                    names += (names.empty() ? "" : ", ") + scalar(file, profile);
            m_builder.ignored(service.name + " runs only with the profile(s) " + names +
                                  ": imported as if it always ran",
                              locate(*file, profiles));
        }
        for (const auto &[file, envFile] : all(service, "env_file")) {
            std::vector<std::pair<std::string, SourceLocation>> names;
            if (envFile.IsScalar())
                names.push_back({scalar(file, envFile), locate(*file, envFile)});
            if (envFile.IsSequence())
                for (const YAML::Node &entry : envFile) // paths, or maps with a path
                    names.push_back({entry.IsScalar() ? scalar(file, entry)
                                                      : scalar(file, field(entry, "path")),
                                     locate(*file, entry)});
            for (const auto &[name, where] : names)
                m_builder.unresolved(service.name + " reads environment variables from " + name +
                                         ", which is not read: services named there have no "
                                         "edge",
                                     where);
        }
        if (const auto [file, extends] = last(service, "extends"); file) {
            std::string base = extends.IsScalar() ? scalar(file, extends)
                                                  : scalar(file, field(extends, "service"));
            std::string from = scalar(file, field(extends, "file"));
            m_builder.unresolved(service.name + " extends " + (base.empty() ? "a service" : base) +
                                     (from.empty() ? std::string() : " of " + from) +
                                     ": its settings are not read",
                                 locate(*file, extends));
        }
    }

    void noteHosting()
    {
        if (m_hostedServices == 0)
            return;
        SourceLocation where;
        if (!m_files.empty() && m_files.front().file)
            where.path = m_files.front().file->path;
        m_builder.assumedForAll(
            "hosting",
            std::to_string(m_hostedServices) +
                " service(s) hosted on aws-ec2: Compose runs "
                "containers on hosts the team runs (virtual machines), and the file does not say "
                "which; replicas are fixed (Compose has no autoscaler)",
            where);
    }

    const std::vector<ParsedFile> &m_files;
    ModelBuilder &m_builder;
    std::vector<ServiceSource> m_services;
    std::map<std::string, size_t> m_serviceIndex; ///< name -> index in m_services
    std::set<std::tuple<std::string, int, int>> m_unresolvedVariables;
    int m_hostedServices = 0;
};

bool isComposeKey(const std::string &key)
{
    static const std::set<std::string> keys = {"version", "services", "networks", "volumes",
                                               "configs", "secrets",  "name",     "include"};
    return keys.count(key) || key.rfind("x-", 0) == 0;
}

} // namespace

bool detectsCompose(const ParsedFile &file)
{
    if (file.documents.size() != 1 || !file.documents.front().IsMap())
        return false;
    const YAML::Node &root = file.documents.front();
    if (!field(root, "services").IsMap())
        return false;
    // Serverless (`service`, `provider`, `functions`) and CloudFormation (`Resources`) files
    // have keys of their own: a file with a key Compose does not know is not Compose.
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!it->first.IsScalar() ||
            (!isComposeKey(it->first.Scalar()) && it->first.Scalar() != "<<"))
            return false;
    return true;
}

void readCompose(const std::vector<ParsedFile> &files, ModelBuilder &builder)
{
    ComposeReader(files, builder).read();
}

} // namespace skyline::importing
