#include "report/FigureLabels.h"

#include <QCoreApplication>

#include <cstring>
#include <functional>

namespace skyline {
namespace {

struct Label
{
    const char *key;
    const char *text; ///< English, translated in context "skyline::FigureLabels"
};

constexpr Label costItems[] = {
    {"requests", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Requests")},
    {"compute", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Compute")},
    {"init", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Init (cold starts)")},
    {"provisioned", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Provisioned concurrency")},
    {"provisioned-compute",
     QT_TRANSLATE_NOOP("skyline::FigureLabels", "Compute on provisioned instances")},
    {"vcpu", QT_TRANSLATE_NOOP("skyline::FigureLabels", "vCPU")},
    {"memory", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Memory")},
    {"calls", QT_TRANSLATE_NOOP("skyline::FigureLabels", "API calls")},
    {"hours", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Hours")},
    {"lcu", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Load balancer capacity units")},
    {"platform", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Platform fee")},
    {"publishes", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Publishes")},
    {"events", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Events")},
    {"reads", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Reads")},
    {"writes", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Writes")},
    {"storage", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Storage")},
};

constexpr Label complexityItems[] = {
    {"deployables", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Deployables")},
    {"runtimes", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Runtimes")},
    {"syncEdges", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Synchronous edges")},
    {"asyncEdges", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Asynchronous edges")},
    {"crossContextEdges", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Cross-context edges")},
    {"brokers", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Message brokers")},
    {"datastores", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Datastores")},
    {"selfRunInfrastructure",
     QT_TRANSLATE_NOOP("skyline::FigureLabels", "Self-run infrastructure")},
    {"managedComponents", QT_TRANSLATE_NOOP("skyline::FigureLabels", "Managed components")},
};

template<std::size_t N>
QString lookUp(const Label (&table)[N], const std::string &key)
{
    for (const Label &row : table)
        if (key == row.key)
            return QCoreApplication::translate("skyline::FigureLabels", row.text);
    return QString::fromStdString(key);
}

/// Tableau 10 (the charts' palette): distinguishable, print-safe.
const QColor &paletteColor(std::size_t index)
{
    static const QColor palette[] = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
        QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
        QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
        QColor(0xba, 0xb0, 0xac)};
    return palette[index % (sizeof palette / sizeof palette[0])];
}

/// FNV-1a: stable across runs and platforms (std::hash is not).
std::size_t stableHash(const std::string &text)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return std::size_t(h);
}

} // namespace

QString costItemLabel(const std::string &item)
{
    return lookUp(costItems, item);
}

QString complexityItemLabel(const std::string &key)
{
    return lookUp(complexityItems, key);
}

QColor costItemColor(const std::string &item)
{
    // The table's order gives the common items distinct colours; others hash.
    std::size_t index = 0;
    for (const Label &row : costItems) {
        if (item == row.key)
            return paletteColor(index);
        ++index;
    }
    return paletteColor(stableHash(item));
}

QColor nodeColor(const std::string &nodeId)
{
    // Ids are "n1", "n2", …: their number spreads neighbours over the palette; others hash.
    if (nodeId.size() > 1 && nodeId[0] == 'n'
        && nodeId.find_first_not_of("0123456789", 1) == std::string::npos
        && nodeId.size() < 10)
        return paletteColor(std::size_t(std::stoul(nodeId.substr(1))) + 9);
    return paletteColor(stableHash(nodeId));
}

} // namespace skyline
