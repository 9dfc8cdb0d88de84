#pragma once
// Evaluates many variants of a project on the machine's cores: uncertainty's samples,
// sensitivity's low and high ends, the sweep's traffic multipliers, the studio's bands. Each
// worker thread evaluates in an EngineWorkspace of its own, each variant's result lands in its
// own slot, so the figures depend neither on the thread count nor on the order in which the
// variants finish. Plain C++, no Qt: a QThread or QtConcurrent caller reports progress and
// cancels through VariantRun.

#include "engine/Evaluation.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <vector>

namespace skyline {

struct EngineWorkspace;
class KeptFigures;

/// How the variants run.
struct VariantRun
{
    int threads = 0; ///< 0: one per core; 1: all on the calling thread
    /// Called after each variant from a worker thread (never two at once) with (done, total);
    /// returning false cancels: no further variant starts.
    std::function<bool(std::size_t done, std::size_t total)> progress;
    /// Set from any thread to cancel (e.g. when a QFuture is cancelled); read before each
    /// variant starts. Optional.
    const std::atomic<bool> *cancel = nullptr;
    /// Working memory of the calling thread, which evaluates variants too (the studio's runner
    /// keeps one per worker thread). Optional: without it the call allocates its own.
    EngineWorkspace *callerWorkspace = nullptr;
    /// Figures of a base evaluation that every variant may take where its inputs are the same
    /// (KeptFigures.h; read by all workers at once, never changed). Optional.
    const KeptFigures *reuse = nullptr;
};

/// Variant i: the project to evaluate. `options` holds the common options on entry and may be
/// changed for this variant (a traffic multiplier). Called on a worker thread, possibly on
/// several at once: it must only read shared data.
using MakeVariant = std::function<Project(std::size_t i, EvalOptions &options)>;
/// Variant i as changes to `project`, a copy of the base project, and to `options`.
using ApplyVariant = std::function<void(std::size_t i, Project &project, EvalOptions &options)>;
/// Receives variant i's evaluation on the worker thread that computed it (one call per
/// evaluated variant; it must write only variant i's own slot).
using KeepVariant = std::function<void(std::size_t i, Evaluation &&evaluation)>;

/// Evaluates variants 0 … count-1 once each and hands each evaluation to `keep`. Returns false
/// when cancelled: then some variants were not evaluated and never reached `keep`.
bool evaluateVariants(std::size_t count, const EvalOptions &options, const MakeVariant &make,
                      const KeepVariant &keep, const VariantRun &run = {});

/// The MakeVariant of a base project: a copy of `project` changed by `apply` (both must outlive
/// the returned function).
MakeVariant copiesOf(const Project &project, const ApplyVariant &apply);

/// What evaluateVariants of a base project gives: one result per variant.
template <typename Result>
struct VariantResults
{
    std::vector<std::optional<Result>> results; ///< empty where cancelled before evaluating
    bool cancelled = false;
};

/// The variants of `project` (`apply` changes a copy for variant i), each evaluation reduced
/// by `summarize` to what the caller needs (a thousand whole evaluations of a large project
/// would not fit in memory; a summary of a few numbers does).
template <typename Summarize>
auto evaluateVariants(const Project &project, std::size_t count, const ApplyVariant &apply,
                      const Summarize &summarize, const EvalOptions &options,
                      const VariantRun &run = {})
    -> VariantResults<std::invoke_result_t<const Summarize &, const Evaluation &>>
{
    VariantResults<std::invoke_result_t<const Summarize &, const Evaluation &>> out;
    out.results.resize(count);
    auto keep = [&](std::size_t i, Evaluation &&evaluation) {
        out.results[i] = summarize(evaluation);
    };
    out.cancelled = !evaluateVariants(count, options, copiesOf(project, apply), keep, run);
    return out;
}

/// The same, keeping every evaluation whole (the studio's bands need the per-minute series).
VariantResults<Evaluation> evaluateVariants(const Project &project, std::size_t count,
                                            const ApplyVariant &apply,
                                            const EvalOptions &options,
                                            const VariantRun &run = {});

} // namespace skyline
