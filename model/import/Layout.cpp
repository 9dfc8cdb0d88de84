#include "Layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace skyline::importing {

namespace {
constexpr double columnGapPx = 90; // room for the arrow between two columns
constexpr double rowGapPx = 24 + nodeBadgePx;
constexpr double columnPitchPx = nodeWidthPx + columnGapPx;
constexpr double rowPitchPx = nodeHeightPx + rowGapPx;
constexpr double bandGapPx = 40;
constexpr size_t fewestRowsPerColumn = 4;

bool isCompute(NodeKind kind)
{
    return kind == NodeKind::Function || kind == NodeKind::Service;
}

struct Graph
{
    std::map<std::string, size_t> indexOf;
    std::vector<std::vector<size_t>> callees; ///< api edges, by node index
    std::vector<std::vector<size_t>> targets; ///< every edge, by node index
    std::vector<std::vector<size_t>> callers; ///< every edge, reversed, by node index
};

Graph makeGraph(const Candidate &c)
{
    Graph g;
    for (size_t i = 0; i < c.nodes.size(); ++i)
        g.indexOf[c.nodes[i].id] = i;
    g.callees.resize(c.nodes.size());
    g.targets.resize(c.nodes.size());
    g.callers.resize(c.nodes.size());
    for (const Edge &e : c.edges) {
        auto from = g.indexOf.find(e.from);
        auto to = g.indexOf.find(e.to);
        if (from == g.indexOf.end() || to == g.indexOf.end())
            continue;
        if (e.kind == EdgeKind::Api)
            g.callees[from->second].push_back(to->second);
        g.targets[from->second].push_back(to->second);
        g.callers[to->second].push_back(from->second);
    }
    return g;
}

/// The nodes the flow runs through: functions, services, and the queues that deliver to
/// one of them (a queue nobody is seen consuming stays with the queues on the right).
std::vector<bool> flowNodes(const Candidate &c, const Graph &g)
{
    std::vector<bool> flow(c.nodes.size(), false);
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        if (isCompute(c.nodes[i].kind))
            flow[i] = true;
        else if (c.nodes[i].kind == NodeKind::Queue)
            for (size_t j : g.targets[i])
                flow[i] = flow[i] || isCompute(c.nodes[j].kind);
    }
    return flow;
}

/// Longest path, over calls and events, from a flow node that no other flow node reaches to
/// each flow node: a service called by another sits one column further, and a consumer one
/// column after the queue that feeds it. Cycles (a calls b calls a) are cut where a
/// depth-first walk finds them, so the walk is linear and ends on any input.
std::vector<int> flowDepths(const Candidate &c, const Graph &g, const std::vector<bool> &flow)
{
    const size_t n = c.nodes.size();
    auto flowTargets = [&](size_t i) {
        std::vector<size_t> out;
        for (size_t j : g.targets[i])
            if (flow[j] && j != i)
                out.push_back(j);
        return out;
    };
    // Depth-first walk (explicit stack): post-order gives a topological order of the graph
    // without its back edges.
    enum class Mark { New, Open, Done };
    std::vector<Mark> mark(n, Mark::New);
    std::vector<size_t> postOrder;
    std::vector<std::vector<size_t>> forward(n); // flow targets that are not back edges
    for (size_t root = 0; root < n; ++root) {
        if (!flow[root] || mark[root] != Mark::New)
            continue;
        std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
        std::vector<std::vector<size_t>> next(1, flowTargets(root));
        mark[root] = Mark::Open;
        while (!stack.empty()) {
            auto &[node, child] = stack.back();
            if (child < next.back().size()) {
                const size_t to = next.back()[child++];
                if (mark[to] == Mark::Open)
                    continue; // back edge: cut
                forward[node].push_back(to);
                if (mark[to] == Mark::New) {
                    mark[to] = Mark::Open;
                    stack.push_back({to, 0});
                    next.push_back(flowTargets(to));
                }
                continue;
            }
            mark[node] = Mark::Done;
            postOrder.push_back(node);
            stack.pop_back();
            next.pop_back();
        }
    }
    std::vector<int> depth(n, 0);
    for (auto it = postOrder.rbegin(); it != postOrder.rend(); ++it)
        for (size_t to : forward[*it])
            depth[to] = std::max(depth[to], depth[*it] + 1);
    return depth;
}

/// Column group of each node: clients, gateways, the flow (functions, services and the
/// queues between them) by depth, the other queues, datastores.
std::vector<int> layers(const Candidate &c, const Graph &g)
{
    const std::vector<bool> flow = flowNodes(c, g);
    const std::vector<int> depth = flowDepths(c, g, flow);
    int deepest = -1;
    for (size_t i = 0; i < c.nodes.size(); ++i)
        if (flow[i])
            deepest = std::max(deepest, depth[i]);
    std::vector<int> layer(c.nodes.size(), 0);
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        switch (c.nodes[i].kind) {
        case NodeKind::Client:
            layer[i] = 0;
            break;
        case NodeKind::Gateway:
            layer[i] = 1;
            break;
        case NodeKind::Function:
        case NodeKind::Service:
            layer[i] = 2 + depth[i];
            break;
        case NodeKind::Queue:
            layer[i] = flow[i] ? 2 + depth[i] : 3 + deepest;
            break;
        case NodeKind::Datastore:
            layer[i] = 4 + deepest;
            break;
        }
    }
    // Drop empty layers so a file without gateways does not leave a gap.
    std::vector<int> used(layer);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int &l : layer)
        l = static_cast<int>(std::lower_bound(used.begin(), used.end(), l) - used.begin());
    return layer;
}

/// Band of each node: 0 for nodes outside every context, 1 + the context's index otherwise.
/// A client takes the band of the first node it calls, so its edge runs straight.
std::vector<size_t> bands(const Candidate &c, const Graph &g)
{
    std::map<std::string, size_t> bandOfContext;
    for (size_t i = 0; i < c.contexts.size(); ++i)
        bandOfContext[c.contexts[i].id] = i + 1;
    auto bandOf = [&](const Node &n) -> size_t {
        auto it = bandOfContext.find(n.context);
        return it == bandOfContext.end() ? 0 : it->second;
    };
    std::vector<size_t> band(c.nodes.size(), 0);
    for (size_t i = 0; i < c.nodes.size(); ++i) {
        const Node &n = c.nodes[i];
        band[i] = bandOf(n);
        if (n.kind == NodeKind::Client && n.context.empty() && !g.callees[i].empty())
            band[i] = bandOf(c.nodes[g.callees[i].front()]);
    }
    return band;
}
} // namespace

void layOut(Candidate &c)
{
    const size_t n = c.nodes.size();
    if (n == 0)
        return;
    const Graph g = makeGraph(c);
    const std::vector<int> layer = layers(c, g);
    const std::vector<size_t> band = bands(c, g);
    const int layerCount = *std::max_element(layer.begin(), layer.end()) + 1;
    const size_t bandCount = c.contexts.size() + 1;

    // Cells (band x layer) filled layer by layer; within a cell, nodes follow the mean place
    // of their callers (fewer crossings), then the order of the source.
    std::vector<std::vector<std::vector<size_t>>> cell(
        bandCount, std::vector<std::vector<size_t>>(static_cast<size_t>(layerCount)));
    std::vector<double> order(n, 0); // global top-to-bottom rank of placed nodes
    std::vector<size_t> byLayer(n);
    for (size_t i = 0; i < n; ++i)
        byLayer[i] = i;
    std::stable_sort(byLayer.begin(), byLayer.end(),
                     [&](size_t a, size_t b) { return layer[a] < layer[b]; });
    std::vector<bool> placed(n, false);
    for (int l = 0; l < layerCount; ++l) {
        std::vector<std::pair<double, size_t>> keyed;
        for (size_t i : byLayer) {
            if (layer[i] != l)
                continue;
            double sum = 0;
            int count = 0;
            for (size_t from : g.callers[i])
                if (placed[from]) {
                    sum += order[from];
                    ++count;
                }
            keyed.push_back({count ? sum / count : 1e12 + static_cast<double>(i), i});
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[key, i] : keyed) {
            cell[band[i]][static_cast<size_t>(l)].push_back(i);
        }
        for (size_t b = 0; b < bandCount; ++b) {
            const auto &members = cell[b][static_cast<size_t>(l)];
            for (size_t k = 0; k < members.size(); ++k) {
                order[members[k]] = static_cast<double>(b) * 1e6 + static_cast<double>(k);
                placed[members[k]] = true;
            }
        }
    }

    // Tall cells wrap into several columns. The number of rows per column is the one that
    // gives the whole drawing the shape of a screen (16:10), so 100 services make a wide
    // block rather than one endless column, and 3 services stay one row.
    auto shape = [&](size_t rows, std::vector<size_t> &columnsOfLayer,
                     std::vector<size_t> &rowsOfBand) {
        columnsOfLayer.assign(static_cast<size_t>(layerCount), 1);
        rowsOfBand.assign(bandCount, 0);
        for (size_t b = 0; b < bandCount; ++b)
            for (size_t l = 0; l < static_cast<size_t>(layerCount); ++l) {
                const size_t count = cell[b][l].size();
                columnsOfLayer[l] = std::max(columnsOfLayer[l], (count + rows - 1) / rows);
                rowsOfBand[b] = std::max(rowsOfBand[b], std::min(count, rows));
            }
        double width = 0;
        for (size_t columns : columnsOfLayer)
            width += static_cast<double>(columns) * columnPitchPx;
        double height = 0;
        for (size_t b = 0; b < bandCount; ++b)
            if (rowsOfBand[b] > 0)
                height += static_cast<double>(rowsOfBand[b]) * rowPitchPx + bandGapPx +
                          (b > 0 ? contextLabelPx + 2 * contextMarginPx : 0);
        return std::abs(std::log(width / std::max(height, 1.0) / 1.6));
    };
    size_t tallestCell = 1;
    for (const auto &cells : cell)
        for (const auto &members : cells)
            tallestCell = std::max(tallestCell, members.size());
    std::vector<size_t> columnsOfLayer;
    std::vector<size_t> rowsOfBand;
    size_t rowsPerColumn = tallestCell;
    double bestScore = shape(rowsPerColumn, columnsOfLayer, rowsOfBand);
    for (size_t rows = fewestRowsPerColumn; rows < tallestCell; ++rows)
        if (const double score = shape(rows, columnsOfLayer, rowsOfBand);
            score < bestScore - 1e-9) {
            bestScore = score;
            rowsPerColumn = rows;
        }
    shape(rowsPerColumn, columnsOfLayer, rowsOfBand);
    std::vector<double> layerLeft(static_cast<size_t>(layerCount), 0);
    for (size_t l = 1; l < layerLeft.size(); ++l)
        layerLeft[l] =
            layerLeft[l - 1] + static_cast<double>(columnsOfLayer[l - 1]) * columnPitchPx;

    double y = 0;
    for (size_t b = 0; b < bandCount; ++b) {
        const bool boxed = b > 0;
        const double bandRows = static_cast<double>(std::max<size_t>(rowsOfBand[b], 1));
        const double top = y + (boxed ? contextLabelPx + contextMarginPx : 0);
        double minLeft = 1e300;
        double maxRight = -1e300;
        for (size_t l = 0; l < static_cast<size_t>(layerCount); ++l) {
            const auto &members = cell[b][l];
            for (size_t k = 0; k < members.size(); ++k) {
                Node &node = c.nodes[members[k]];
                const double left =
                    layerLeft[l] + static_cast<double>(k / rowsPerColumn) * columnPitchPx;
                node.pos = {left + nodeWidthPx / 2,
                            top + static_cast<double>(k % rowsPerColumn) * rowPitchPx +
                                nodeHeightPx / 2};
                if (node.kind != NodeKind::Client) {
                    minLeft = std::min(minLeft, left);
                    maxRight = std::max(maxRight, left + nodeWidthPx);
                }
            }
        }
        const double rowsHeight = bandRows * rowPitchPx - rowGapPx + nodeBadgePx;
        if (boxed) {
            Context &x = c.contexts[b - 1];
            if (minLeft > maxRight) { // an empty context: a small box of its own
                minLeft = layerLeft.size() > 1 ? layerLeft[1] : 0;
                maxRight = minLeft + nodeWidthPx;
            }
            x.rect = {minLeft - contextMarginPx, y, maxRight - minLeft + 2 * contextMarginPx,
                      contextLabelPx + rowsHeight + 2 * contextMarginPx};
            y = x.rect.y + x.rect.height + bandGapPx;
        } else if (rowsOfBand[b] > 0) {
            y = top + rowsHeight + bandGapPx;
        }
    }
}

} // namespace skyline::importing
