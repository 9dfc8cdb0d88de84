#include "WellKnownImages.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace skyline::importing {

namespace {

struct Entry
{
    const char *name; ///< last path component of the repository
    NodeKind kind;
    const char *product;
    bool exactProduct;
    const char *software;
    const char *why;
};

// Products are those of ParamSchema.cpp; one table for every importer, so an image means the
// same node whichever file names it. RDS runs PostgreSQL, MySQL and MariaDB,
// so those are exact; software Skyline has no product for gets the closest one in how it is
// billed, and the importer lists that choice for review.
constexpr const char *closestDatabase =
    "no product of its own in Skyline; aws-rds (a database billed per instance hour) is the "
    "closest";
constexpr const char *closestBroker =
    "no product of its own in Skyline; kafka (brokers billed per hour) is the closest queue "
    "product";
constexpr const char *closestProxy =
    "a reverse proxy the team runs; aws-alb (a load balancer billed per hour) is the closest "
    "gateway product";
constexpr const char *closestCache =
    "an in-memory cache without a product of its own; redis (cache nodes billed per hour) is "
    "the closest";

constexpr std::array<Entry, 40> entries = {{
    {"postgres", NodeKind::Datastore, "aws-rds", true, "PostgreSQL", ""},
    {"postgresql", NodeKind::Datastore, "aws-rds", true, "PostgreSQL", ""},
    {"postgis", NodeKind::Datastore, "aws-rds", true, "PostGIS", ""},
    {"timescaledb", NodeKind::Datastore, "aws-rds", true, "TimescaleDB", ""},
    {"mysql", NodeKind::Datastore, "aws-rds", true, "MySQL", ""},
    {"mariadb", NodeKind::Datastore, "aws-rds", true, "MariaDB", ""},
    {"percona", NodeKind::Datastore, "aws-rds", true, "Percona Server", ""},
    {"mongo", NodeKind::Datastore, "aws-rds", false, "MongoDB", closestDatabase},
    {"mongodb", NodeKind::Datastore, "aws-rds", false, "MongoDB", closestDatabase},
    {"mongodb-community-server", NodeKind::Datastore, "aws-rds", false, "MongoDB", closestDatabase},
    {"cassandra", NodeKind::Datastore, "aws-rds", false, "Cassandra", closestDatabase},
    {"couchdb", NodeKind::Datastore, "aws-rds", false, "CouchDB", closestDatabase},
    {"elasticsearch", NodeKind::Datastore, "aws-rds", false, "Elasticsearch", closestDatabase},
    {"opensearch", NodeKind::Datastore, "aws-rds", false, "OpenSearch", closestDatabase},
    {"clickhouse-server", NodeKind::Datastore, "aws-rds", false, "ClickHouse", closestDatabase},
    {"influxdb", NodeKind::Datastore, "aws-rds", false, "InfluxDB", closestDatabase},
    {"neo4j", NodeKind::Datastore, "aws-rds", false, "Neo4j", closestDatabase},
    {"cockroach", NodeKind::Datastore, "aws-rds", false, "CockroachDB", closestDatabase},
    {"redis", NodeKind::Datastore, "redis", true, "Redis", ""},
    {"redis-stack", NodeKind::Datastore, "redis", true, "Redis", ""},
    {"redis-stack-server", NodeKind::Datastore, "redis", true, "Redis", ""},
    {"valkey", NodeKind::Datastore, "redis", true, "Valkey", ""},
    {"keydb", NodeKind::Datastore, "redis", true, "KeyDB", ""},
    {"memcached", NodeKind::Datastore, "redis", false, "Memcached", closestCache},
    {"kafka", NodeKind::Queue, "kafka", true, "Kafka", ""},
    {"cp-kafka", NodeKind::Queue, "kafka", true, "Kafka", ""},
    {"cp-server", NodeKind::Queue, "kafka", true, "Kafka", ""},
    {"redpanda", NodeKind::Queue, "kafka", true, "Redpanda", ""},
    {"rabbitmq", NodeKind::Queue, "kafka", false, "RabbitMQ", closestBroker},
    {"nats", NodeKind::Queue, "kafka", false, "NATS", closestBroker},
    {"activemq", NodeKind::Queue, "kafka", false, "ActiveMQ", closestBroker},
    {"activemq-artemis", NodeKind::Queue, "kafka", false, "ActiveMQ Artemis", closestBroker},
    {"pulsar", NodeKind::Queue, "kafka", false, "Pulsar", closestBroker},
    {"nginx", NodeKind::Gateway, "aws-alb", false, "nginx", closestProxy},
    {"traefik", NodeKind::Gateway, "aws-alb", false, "Traefik", closestProxy},
    {"envoy", NodeKind::Gateway, "aws-alb", false, "Envoy", closestProxy},
    {"haproxy", NodeKind::Gateway, "aws-alb", false, "HAProxy", closestProxy},
    {"kong", NodeKind::Gateway, "aws-alb", false, "Kong", closestProxy},
    {"caddy", NodeKind::Gateway, "aws-alb", false, "Caddy", closestProxy},
    {"artemis", NodeKind::Queue, "kafka", false, "ActiveMQ Artemis", closestBroker},
}};

} // namespace

std::string imageRepository(const std::string &image)
{
    std::string name = image.substr(0, image.find('@'));
    const std::size_t lastSlash = name.rfind('/');
    const std::size_t colon = name.rfind(':');
    if (colon != std::string::npos && (lastSlash == std::string::npos || colon > lastSlash))
        name.resize(colon);
    // A first component with a dot or a port, or "localhost", names a registry.
    const std::size_t firstSlash = name.find('/');
    if (firstSlash != std::string::npos) {
        const std::string first = name.substr(0, firstSlash);
        if (first.find('.') != std::string::npos || first.find(':') != std::string::npos ||
            first == "localhost")
            name.erase(0, firstSlash + 1);
    }
    if (name.rfind("library/", 0) == 0)
        name.erase(0, 8);
    return name;
}

std::optional<WellKnownImage> wellKnownImage(const std::string &image)
{
    const std::string repository = imageRepository(image);
    const std::size_t slash = repository.rfind('/');
    std::string last = slash == std::string::npos ? repository : repository.substr(slash + 1);
    std::transform(last.begin(), last.end(), last.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const Entry &entry : entries)
        if (last == entry.name)
            return WellKnownImage{entry.kind, entry.product, entry.exactProduct, entry.software,
                                  entry.why};
    return std::nullopt;
}

} // namespace skyline::importing
