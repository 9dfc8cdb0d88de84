#pragma once
// Container images Skyline recognises (Compose services; Kubernetes containers too): an image
// named after a database, cache, broker or reverse proxy becomes that kind of node with the
// matching product instead of one of the team's services. One table for every reader.

#include "ModelBuilder.h"

#include <string>

namespace skyline::importing {

struct KnownImage
{
    const char *name; ///< image name without registry, namespace, tag or digest
    NodeKind kind;
    const char *product;
    const char *why; ///< empty when the product is the image's own; else why it is the closest
};

/// "registry.example.com:5000/bitnami/kafka:3.6@sha256:..." -> "kafka" (lower case).
std::string imageName(const std::string &image);
/// The well-known image `image` is, or nullptr (then it is one of the team's services).
const KnownImage *knownImage(const std::string &image);
/// Sets the node's product (a node of `known.kind`): carried when the image is the product's
/// own (postgres -> aws-rds), assumed and listed when it is only the closest (mongo -> aws-rds).
void setKnownImageProduct(ModelBuilder &builder, const std::string &nodeId,
                          const KnownImage &known, const std::string &image,
                          const SourceLocation &where);

} // namespace skyline::importing
