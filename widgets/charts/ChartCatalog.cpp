#include "ChartCatalog.h"

#include <cstring>

#include "BlastRadiusChart.h"
#include "ColdStartChart.h"
#include "ComplexityChart.h"
#include "CostChart.h"
#include "InstancesChart.h"
#include "LatencyChart.h"
#include "LoadChart.h"
#include "MemorySweepChart.h"
#include "SweepChart.h"
#include "TornadoChart.h"

#include <QCoreApplication>

namespace skyline {

namespace {

/// The titles keep the context they had as ChartsPanel::tr() so the catalogues keep them.
const char *const titleContext = "skyline::ChartsPanel";

template <typename Chart>
ResultChart *make(QWidget *parent)
{
    return new Chart(parent);
}

} // namespace

QString ChartInfo::translatedTitle() const
{
    return QCoreApplication::translate(titleContext, title);
}

QString ChartInfo::translatedCaption() const
{
    return caption ? QCoreApplication::translate(titleContext, caption) : QString();
}

const std::vector<ChartInfo> &chartCatalog()
{
    static const std::vector<ChartInfo> table = {
        {"load", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Load"), "loadChartDock", true,
         &make<LoadChart>},
        {"instances", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Instances"),
         "instancesChartDock", true, &make<InstancesChart>},
        {"latency", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Latency"), "latencyChartDock",
         true, &make<LatencyChart>},
        {"cold-starts", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Cold starts"),
         "coldStartChartDock", true, &make<ColdStartChart>},
        {"cost", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Cost"), "costChartDock", true,
         &make<CostChart>},
        // All candidates over a range of load: the panel feeds it the runner's sweep.
        {"sweep", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Cost vs load"), "sweepChartDock",
         false, &make<SweepChart>},
        {"complexity", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Complexity"),
         "complexityChartDock", true, &make<ComplexityChart>},
        {"blast-radius", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Blast radius"),
         "blastRadiusChartDock", true, &make<BlastRadiusChart>},
        // A candidate's sensitivity (ResultChart::setSensitivity): in the studio the
        // RangeRunner's results, in render and report the ones they compute.
        {"tornado", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "What drives the cost"),
         "tornadoChartDock", true, &make<TornadoChart>,
         QT_TRANSLATE_NOOP("skyline::ChartsPanel",
                           "What drives the cost: each bar moves one parameter from its low to "
                           "its high (its range, or ±20 % where it has none) with every other "
                           "parameter at its value, analytic method. The dashed line is the "
                           "monthly cost at the values; the light end of a bar is the cost at "
                           "the parameter's low, the dark end at its high; the widest swing is "
                           "on top. Orange bars make another candidate the cheapest at one "
                           "end.")},
        // The selected function's cost and p99 across memory sizes; it sweeps on its own
        // (MemorySweepRunner) and needs a selection, so render and report leave it out.
        {"memory-sweep", QT_TRANSLATE_NOOP("skyline::ChartsPanel", "Memory sweep"),
         "memorySweepChartDock", false, &make<MemorySweepChart>},
    };
    return table;
}

const ChartInfo &chartInfo(const char *key)
{
    for (const ChartInfo &info : chartCatalog())
        if (std::strcmp(info.key, key) == 0)
            return info;
    Q_ASSERT_X(false, "chartInfo", key);
    return chartCatalog().front();
}

} // namespace skyline
