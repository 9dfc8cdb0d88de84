#pragma once
// Runs independent jobs on the machine's cores (VariantEvaluation.h: uncertainty samples,
// sensitivity ends, sweep points). Each job writes only its own result slot, so the figures do
// not depend on the thread count.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace skyline {

/// How many workers parallelFor(count, threads, …) runs: `threads` (0: one per core), at
/// most `count`, at least 1.
inline std::size_t parallelWorkers(std::size_t count, int threads)
{
    const std::size_t wanted = threads > 0 ? std::size_t(threads)
                                           : std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(wanted, count));
}

/// Calls job(i, worker) for i in [0, count) on parallelWorkers(count, threads) threads; worker
/// 0 is the calling thread, and one worker runs one job at a time (so a worker may own working
/// memory). After each finished job `progress(done, count)` is called (from a worker thread,
/// never two at once); when it returns false, or once `cancel` is set, no new job starts.
/// Returns false when stopped before every job ran.
inline bool parallelFor(std::size_t count, int threads,
                        const std::function<void(std::size_t i, std::size_t worker)> &job,
                        const std::function<bool(std::size_t, std::size_t)> &progress = {},
                        const std::atomic<bool> *cancel = nullptr)
{
    const std::size_t workers = parallelWorkers(count, threads);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex reporting;
    auto work = [&](std::size_t worker) {
        for (;;) {
            if (stop.load() || (cancel && cancel->load()))
                return;
            const std::size_t i = next.fetch_add(1);
            if (i >= count)
                return;
            job(i, worker);
            const std::size_t finished = done.fetch_add(1) + 1;
            if (!progress)
                continue;
            const std::lock_guard<std::mutex> lock(reporting);
            if (!progress(finished, count))
                stop.store(true);
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread &t : pool)
        t.join();
    return done.load() == count;
}

} // namespace skyline
