#pragma once
// The skyline-cli commands that draw (DESIGN.md §5): `render FILE --out DIR` writes every
// candidate's canvas and charts as PNG and SVG; `report FILE --out FILE.html` writes the
// self-contained decision record. They need Qt Widgets, so they live in skyline_cli_render and
// construct a QApplication (offscreen unless QT_QPA_PLATFORM says otherwise) only when run.

#include <iosfwd>
#include <string>
#include <vector>

namespace skyline::cli {

/// Adds render and report to skyline-cli's command table.
void registerRenderCommands();

int runRender(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);
int runReport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace skyline::cli
