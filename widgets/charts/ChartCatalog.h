#pragma once
// The chart table: one row per result chart with its key (file names of `skyline-cli render`
// and the report), its title (translated), the object name of its dock in the main window
// (QMainWindow::saveState remembers docks by it), whether it shows one candidate, a
// factory and, where the title does not say enough, the report's caption. ChartsPanel, the main window's docks and makeCandidateCharts (widgets/report/
// ResultImages) iterate it, so adding a chart = its class + one row here.

#include <QString>

#include <vector>

class QWidget;

namespace skyline {

class ResultChart;

struct ChartInfo
{
    const char *key;        ///< "load", "instances", "cold-starts", ... (file-name part)
    const char *title;      ///< English source text, translated in context "skyline::ChartsPanel"
    const char *dockName;   ///< "loadChartDock" ...
    bool perCandidate;      ///< drawn per candidate (render/report); false: all candidates
    ResultChart *(*make)(QWidget *parent);
    /// What the chart shows, for the report's caption under it (English source text, same
    /// context as the title); null: the chart's title says enough.
    const char *caption = nullptr;

    /// The translated title ("Load", "Cold starts" ...).
    QString translatedTitle() const;
    /// The translated caption, or empty.
    QString translatedCaption() const;
};

/// Every chart, in display order (the panel's tabs, the window's docks).
const std::vector<ChartInfo> &chartCatalog();

/// The row with this key; every key used in code is in the table (asserted).
const ChartInfo &chartInfo(const char *key);

} // namespace skyline
