#pragma once
// The engine's working memory: buffers that evaluate() and the models under it reuse from one
// call to the next instead of allocating them anew.

#include "engine/FunctionModel.h"
#include "engine/Latency.h"

namespace skyline {

class KeptFigures;

/// Owned by the caller and passed down: evaluate() → each candidate → each node's model and
/// each client's Monte Carlo. No engine function keeps state of its own between calls. One per
/// thread that evaluates, never shared by two threads at once (the studio's runner keeps one
/// per worker thread; a sweep one for all its points). Its contents never change a figure, only
/// how long an evaluation takes: a reused workspace spares the allocations and page faults of
/// tables that are a few MB for a large function.
struct EngineWorkspace
{
    FunctionDayWorkspace functionDay; ///< the analytic function day's level tables
    LatencyWorkspace latency;         ///< quantile tables and percentile keys of the Monte Carlo
    /// Figures of an earlier evaluation to take instead of recomputing them where their inputs
    /// are the same (KeptFigures.h; ignored when its method or series setting differ), and
    /// where to record this evaluation's. Neither changes a figure.
    const KeptFigures *reuse = nullptr;
    KeptFigures *record = nullptr;
};

} // namespace skyline
