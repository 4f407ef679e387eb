// A tiny fork-join pool for the large matmuls: the calling thread and any awake worker claim parts
// from a shared counter, so a sleeping worker never delays the caller.
#pragma once
#include <functional>

namespace lab {

// Threads used for large kernels, including the caller (default: 2, capped by the hardware).
int Threads();
void SetThreads(int threads);

// Runs fn(0) ... fn(parts - 1), each once, on the calling thread and on workers that are awake,
// and returns when all are done. If the pool is busy (another Node thread is using it), runs every
// part on the caller.
void ParallelFor(int parts, const std::function<void(int)>& fn);

}  // namespace lab
