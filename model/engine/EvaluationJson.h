#pragma once
// The evaluation as text (DESIGN.md §5): the JSON that `skyline-cli evaluate` prints, and CSV
// tables per node and per minute.

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace skyline {

/// The §5 document: {"method", "seed", "candidates": [{"id", "name", "monthlyCostUsd",
/// "cost", "nodes", "entries", "complexity", "faultIsolation", "warnings"}]} with the names
/// of §5 kept and more fields added (errors, series excluded).
OrderedJson evaluationToJson(const Evaluation &evaluation);

/// evaluationToJson in the canonical pretty form (newline at the end).
std::string evaluationToJsonText(const Evaluation &evaluation);

/// One row per node of every candidate, with a header row; the candidate's and the node's name
/// beside their ids (from `project`, the evaluated one). io/Csv.h: names that could start a
/// spreadsheet formula are neutralised.
std::string evaluationNodesCsv(const Evaluation &evaluation, const Project &project);

/// One row per node and minute (rps, alive and busy instances, cold starts per second), with a
/// header row and the names beside the ids; needs the series (EvalOptions::computeSeries).
std::string evaluationMinutesCsv(const Evaluation &evaluation, const Project &project);
/// The same, written to `out` a node at a time: 20,000 nodes make 28.8 million rows (1.2 GB),
/// which the CLI streams instead of holding.
void writeEvaluationMinutesCsv(const Evaluation &evaluation, const Project &project,
                               std::ostream &out);

/// The JSON pointers of every impossible figure in an evaluation's JSON: a negative number, or
/// a null where jsonNumber met a non-finite one. Every figure of the engine is finite and at
/// least 0 (a load the model cannot represent fails its candidate instead, LoadPropagation.h),
/// except a percentile among failed requests (DESIGN.md §7): null is allowed for p50/p95/p99,
/// their ci95 bounds and asyncCompletionLagMs in a candidate that reports a failedShare above
/// zero. A non-empty list is an engine defect: the CLI refuses to print such a document and
/// the tests walk adversarial files through it.
std::vector<std::string> impossibleFigures(const OrderedJson &evaluationJson);

/// Six significant digits keep the output readable; non-finite numbers become null.
OrderedJson jsonNumber(double value);

/// A number of a result row under one name, its JSON key and its CSV column: a writer lists
/// its rows' numbers once for both formats (MemorySweep's sizes, Sensitivity's parameters).
template <typename Row>
struct NumberField
{
    const char *name;
    double Row::*value;
};

/// Adds the row's numbers to a JSON object, in the list's order.
template <typename Row, std::size_t N>
void addNumberFields(OrderedJson &object, const Row &row, const NumberField<Row> (&fields)[N])
{
    for (const NumberField<Row> &field : fields)
        object[field.name] = jsonNumber(row.*field.value);
}

} // namespace skyline
