#pragma once
// How the process keeps the memory an evaluation frees.

namespace skyline {

/// Keeps memory that an evaluation frees in the process (up to 256 MB) for the next one,
/// instead of handing it back to the system after each evaluation. The studio evaluates on
/// every edit, and memory handed back must be faulted in again: on a 2,000-node model that
/// tripled the time of an evaluation (143 ms -> 470 ms on the benchmark machine). Call once at
/// start-up, before other threads run. glibc only; elsewhere it does nothing.
void keepFreedMemoryForReuse();

} // namespace skyline
