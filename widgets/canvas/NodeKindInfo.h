#pragma once
// How each node kind looks and reads on the canvas and in the palette, as Qt types: translated
// from the node-kind table (model/domain/NodeKinds), so the palette, the node items and the
// benchmark agree on names, colours and icons.

#include "domain/Project.h"

#include <QColor>
#include <QIcon>
#include <QString>

#include <optional>

namespace skyline {

/// MIME type of a palette drag; the data is the kind's file name ("function", "queue" ...).
inline constexpr const char *nodeKindMimeType = "application/x-skyline-node-kind";

/// The translated display name of a kind ("Function", "Queue" ...).
QString nodeKindDisplayName(NodeKind kind);
/// A one- or two-sentence translated description, used as the palette tooltip.
QString nodeKindDescription(NodeKind kind);
/// The accent colour of a kind.
QColor nodeKindColor(NodeKind kind);
/// The resource path of the kind's SVG icon (":/icons/function.svg" ...).
QString nodeKindIconPath(NodeKind kind);
QIcon nodeKindIcon(NodeKind kind);
/// The kind carried by palette drag data, if the data names one.
std::optional<NodeKind> nodeKindFromMimeData(const QByteArray &data);

} // namespace skyline
