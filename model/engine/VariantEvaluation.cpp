#include "engine/VariantEvaluation.h"

#include "engine/EngineWorkspace.h"
#include "engine/ParallelFor.h"

#include <memory>

namespace skyline {

bool evaluateVariants(std::size_t count, const EvalOptions &options, const MakeVariant &make,
                      const KeepVariant &keep, const VariantRun &run)
{
    if (run.cancel && run.cancel->load())
        return count == 0;
    // One workspace per worker; worker 0 is the calling thread and may bring its own.
    const std::size_t workers = parallelWorkers(count, run.threads);
    std::vector<std::unique_ptr<EngineWorkspace>> owned(workers);
    std::vector<EngineWorkspace *> workspaces(workers);
    for (std::size_t w = 0; w < workers; ++w) {
        if (w == 0 && run.callerWorkspace) {
            workspaces[w] = run.callerWorkspace;
            continue;
        }
        owned[w] = std::make_unique<EngineWorkspace>();
        workspaces[w] = owned[w].get();
    }
    // The kept figures serve every worker; the caller's workspace gets its own setting back.
    const KeptFigures *callerReuse = run.callerWorkspace ? run.callerWorkspace->reuse : nullptr;
    for (EngineWorkspace *workspace : workspaces)
        workspace->reuse = run.reuse;
    auto evaluateOne = [&](std::size_t i, std::size_t worker) {
        EvalOptions variantOptions = options;
        const Project variant = make(i, variantOptions);
        keep(i, evaluate(variant, variantOptions, *workspaces[worker]));
    };
    const bool finished = parallelFor(count, run.threads, evaluateOne, run.progress, run.cancel);
    if (run.callerWorkspace)
        run.callerWorkspace->reuse = callerReuse;
    return finished;
}

MakeVariant copiesOf(const Project &project, const ApplyVariant &apply)
{
    return [&project, &apply](std::size_t i, EvalOptions &options) {
        Project copy = project;
        apply(i, copy, options);
        return copy;
    };
}

VariantResults<Evaluation> evaluateVariants(const Project &project, std::size_t count,
                                            const ApplyVariant &apply,
                                            const EvalOptions &options, const VariantRun &run)
{
    VariantResults<Evaluation> out;
    out.results.resize(count);
    auto keep = [&](std::size_t i, Evaluation &&evaluation) {
        out.results[i] = std::move(evaluation);
    };
    out.cancelled = !evaluateVariants(count, options, copiesOf(project, apply), keep, run);
    return out;
}

} // namespace skyline
