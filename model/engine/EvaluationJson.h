#pragma once
// The evaluation as text (DESIGN.md §5): the JSON that `skyline-cli evaluate` prints, and CSV
// tables per node and per minute.

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <string>

namespace skyline {

/// The §5 document: {"method", "seed", "candidates": [{"id", "name", "monthlyCostUsd",
/// "cost", "nodes", "entries", "complexity", "faultIsolation", "warnings"}]} with the names
/// of §5 kept and more fields added (errors, series excluded).
OrderedJson evaluationToJson(const Evaluation &evaluation);

/// evaluationToJson in the canonical pretty form (newline at the end).
std::string evaluationToJsonText(const Evaluation &evaluation);

/// One row per node of every candidate, with a header row.
std::string evaluationNodesCsv(const Evaluation &evaluation);

/// One row per node and minute (rps, alive and busy instances, cold starts per second), with a
/// header row; needs the series (EvalOptions::computeSeries).
std::string evaluationMinutesCsv(const Evaluation &evaluation);

/// Six significant digits keep the output readable; non-finite numbers become null.
OrderedJson jsonNumber(double value);
/// The same six digits for CSV; non-finite numbers become an empty field.
std::string csvNumber(double value);
/// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string csvField(const std::string &text);

} // namespace skyline
