#include "KnownImages.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace skyline::importing {

namespace {

constexpr const char *closestDatabase =
    "no product of its own in Skyline; aws-rds (a database billed per instance hour) is the "
    "closest";
constexpr const char *closestBroker =
    "no product of its own in Skyline; kafka (brokers billed per hour) is the closest queue "
    "product";
constexpr const char *closestProxy =
    "a reverse proxy the team runs; aws-alb (a load balancer billed per hour) is the closest "
    "gateway product";

const std::vector<KnownImage> &knownImages()
{
    static const std::vector<KnownImage> images = {
        {"postgres", NodeKind::Datastore, "aws-rds", ""},
        {"postgresql", NodeKind::Datastore, "aws-rds", ""},
        {"postgis", NodeKind::Datastore, "aws-rds", ""},
        {"timescaledb", NodeKind::Datastore, "aws-rds", ""},
        {"mysql", NodeKind::Datastore, "aws-rds", ""},
        {"mariadb", NodeKind::Datastore, "aws-rds", ""},
        {"percona", NodeKind::Datastore, "aws-rds", ""},
        {"mongo", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"mongodb", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"mongodb-community-server", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"cassandra", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"couchdb", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"elasticsearch", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"opensearch", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"clickhouse-server", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"influxdb", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"neo4j", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"cockroach", NodeKind::Datastore, "aws-rds", closestDatabase},
        {"redis", NodeKind::Datastore, "redis", ""},
        {"redis-stack", NodeKind::Datastore, "redis", ""},
        {"redis-stack-server", NodeKind::Datastore, "redis", ""},
        {"valkey", NodeKind::Datastore, "redis", ""},
        {"keydb", NodeKind::Datastore, "redis", ""},
        {"memcached", NodeKind::Datastore, "redis",
         "an in-memory cache without a product of its own; redis (cache nodes billed per hour) "
         "is the closest"},
        {"kafka", NodeKind::Queue, "kafka", ""},
        {"cp-kafka", NodeKind::Queue, "kafka", ""},
        {"cp-server", NodeKind::Queue, "kafka", ""},
        {"redpanda", NodeKind::Queue, "kafka", ""},
        {"rabbitmq", NodeKind::Queue, "kafka", closestBroker},
        {"nats", NodeKind::Queue, "kafka", closestBroker},
        {"activemq", NodeKind::Queue, "kafka", closestBroker},
        {"activemq-artemis", NodeKind::Queue, "kafka", closestBroker},
        {"pulsar", NodeKind::Queue, "kafka", closestBroker},
        {"nginx", NodeKind::Gateway, "aws-alb", closestProxy},
        {"traefik", NodeKind::Gateway, "aws-alb", closestProxy},
        {"envoy", NodeKind::Gateway, "aws-alb", closestProxy},
        {"haproxy", NodeKind::Gateway, "aws-alb", closestProxy},
        {"kong", NodeKind::Gateway, "aws-alb", closestProxy},
        {"caddy", NodeKind::Gateway, "aws-alb", closestProxy},
    };
    return images;
}

const char *productKey(NodeKind kind)
{
    return kind == NodeKind::Service ? "hosting" : "product";
}
} // namespace

std::string imageName(const std::string &image)
{
    std::string name = image;
    if (const auto at = name.find('@'); at != std::string::npos)
        name.erase(at);
    if (const auto slash = name.rfind('/'); slash != std::string::npos)
        name.erase(0, slash + 1);
    if (const auto colon = name.find(':'); colon != std::string::npos)
        name.erase(colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

const KnownImage *knownImage(const std::string &image)
{
    const std::string name = imageName(image);
    for (const KnownImage &known : knownImages())
        if (name == known.name)
            return &known;
    return nullptr;
}

void setKnownImageProduct(ModelBuilder &builder, const std::string &nodeId, const KnownImage &known,
                          const std::string &image, const SourceLocation &where)
{
    const std::string product = known.product;
    if (*known.why == '\0')
        builder.setParam(nodeId, productKey(known.kind), product, where);
    else
        builder.assumeParam(nodeId, productKey(known.kind), product,
                            "image " + imageName(image) + ": " + known.why, where);
}

} // namespace skyline::importing
