#pragma once
// What the studio calls the engine's stable keys: cost line items ("vcpu" → "vCPU") and
// complexity items ("syncEdges" → "Synchronous edges"), translated; and one colour per cost
// item and per node that every chart, the comparison and the exports share (issue 10 point 9).

#include <QColor>
#include <QString>

#include <string>

namespace skyline {

/// The name of a cost line item ("requests" → "Requests"); an unknown item as it is.
QString costItemLabel(const std::string &item);

/// The name of a complexity item ("crossContextEdges" → "Cross-context edges").
QString complexityItemLabel(const std::string &key);

/// The colour of a cost line item: fixed per item, whatever the data of a chart holds.
QColor costItemColor(const std::string &item);

/// The colour of a node: derived from its id, so that it is the same in every chart and
/// export of its candidate, whichever nodes a chart shows.
QColor nodeColor(const std::string &nodeId);

} // namespace skyline
