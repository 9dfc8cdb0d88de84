#pragma once
// Runs independent jobs on the machine's cores (uncertainty samples, sensitivity ends). Each
// job writes only its own result slot, so the figures do not depend on the thread count.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace skyline {

/// Calls job(i) for i in [0, count) on up to `threads` threads (0: one per core). After each
/// finished job `progress(done, count)` is called (from a worker thread, never two at once);
/// when it returns false no new job starts. Returns false when stopped early.
inline bool parallelFor(std::size_t count, int threads, const std::function<void(std::size_t)> &job,
                        const std::function<bool(std::size_t, std::size_t)> &progress = {})
{
    std::size_t workers = threads > 0 ? std::size_t(threads)
                                      : std::max(1u, std::thread::hardware_concurrency());
    workers = std::min(workers, count);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex reporting;
    auto work = [&] {
        for (;;) {
            if (stop.load())
                return;
            const std::size_t i = next.fetch_add(1);
            if (i >= count)
                return;
            job(i);
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
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return !stop.load();
}

} // namespace skyline
