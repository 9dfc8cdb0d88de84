#pragma once
// Container images of well-known datastores and brokers (postgres, redis, kafka ...), shared
// by the importers that read image names (Kubernetes, Compose). Matched by the image's last
// path component without registry, tag or digest: "docker.io/bitnami/kafka:3.6" is "kafka",
// "confluentinc/cp-kafka" is "cp-kafka".

#include "domain/Project.h"

#include <optional>
#include <string>

namespace skyline::importing {

struct WellKnownImage
{
    NodeKind kind = NodeKind::Datastore; ///< Datastore, Queue or Gateway (reverse proxies)
    std::string product;                 ///< a product of ParamSchema for that kind
    bool exactProduct = false; ///< the product is that software (redis, kafka, RDS engines)
    std::string software;      ///< "PostgreSQL", "RabbitMQ" (for messages)
    std::string why;           ///< when not exact: why this product is the closest
};

/// "bitnami/kafka" for "docker.io/bitnami/kafka:3.6@sha256:...": registry, tag and digest removed.
std::string imageRepository(const std::string &image);
/// The datastore, broker or reverse proxy an image runs, or nullopt for any other image.
std::optional<WellKnownImage> wellKnownImage(const std::string &image);

} // namespace skyline::importing
