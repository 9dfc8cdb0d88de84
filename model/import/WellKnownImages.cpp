#include "WellKnownImages.h"

#include <array>

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

// Products are those of ParamSchema.cpp. RDS runs PostgreSQL, MySQL and MariaDB, so those are
// exact; software Skyline has no product for gets the nearest one in how it is priced and
// behaves, and the importer lists that choice for review.
constexpr const char *instanceDb = "an instance priced by the hour, like a self-run cluster";
constexpr std::array<Entry, 21> entries = {{
    {"postgres", NodeKind::Datastore, "aws-rds", true, "PostgreSQL", ""},
    {"postgresql", NodeKind::Datastore, "aws-rds", true, "PostgreSQL", ""},
    {"mysql", NodeKind::Datastore, "aws-rds", true, "MySQL", ""},
    {"mariadb", NodeKind::Datastore, "aws-rds", true, "MariaDB", ""},
    {"redis", NodeKind::Datastore, "redis", true, "Redis", ""},
    {"valkey", NodeKind::Datastore, "redis", true, "Valkey", ""},
    {"memcached", NodeKind::Datastore, "redis", false, "Memcached",
     "an in-memory cache like Redis"},
    {"mongo", NodeKind::Datastore, "aws-rds", false, "MongoDB", instanceDb},
    {"mongodb", NodeKind::Datastore, "aws-rds", false, "MongoDB", instanceDb},
    {"elasticsearch", NodeKind::Datastore, "aws-rds", false, "Elasticsearch", instanceDb},
    {"opensearch", NodeKind::Datastore, "aws-rds", false, "OpenSearch", instanceDb},
    {"cassandra", NodeKind::Datastore, "aws-rds", false, "Cassandra", instanceDb},
    {"kafka", NodeKind::Queue, "kafka", true, "Kafka", ""},
    {"cp-kafka", NodeKind::Queue, "kafka", true, "Kafka", ""},
    {"cp-server", NodeKind::Queue, "kafka", true, "Kafka", ""},
    {"redpanda", NodeKind::Queue, "kafka", false, "Redpanda", "a Kafka-compatible broker"},
    {"rabbitmq", NodeKind::Queue, "aws-sqs", false, "RabbitMQ",
     "a message queue delivering each message to one consumer"},
    {"activemq", NodeKind::Queue, "aws-sqs", false, "ActiveMQ",
     "a message queue delivering each message to one consumer"},
    {"artemis", NodeKind::Queue, "aws-sqs", false, "ActiveMQ Artemis",
     "a message queue delivering each message to one consumer"},
    {"nats", NodeKind::Queue, "aws-sns", false, "NATS",
     "subject-based publish/subscribe that fans out like a topic"},
    {"pulsar", NodeKind::Queue, "kafka", false, "Pulsar", "a partitioned log like Kafka"},
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
    const std::string last = slash == std::string::npos ? repository : repository.substr(slash + 1);
    for (const Entry &entry : entries)
        if (last == entry.name)
            return WellKnownImage{entry.kind, entry.product, entry.exactProduct, entry.software,
                                  entry.why};
    return std::nullopt;
}

} // namespace skyline::importing
