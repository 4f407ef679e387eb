#include "thread-pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define LAB_PAUSE() _mm_pause()
#else
#define LAB_PAUSE() ((void)0)
#endif

namespace lab {
namespace {

int DefaultThreads() {
  if (const char* env = std::getenv("LAB_NATIVE_THREADS")) {
    int n = std::atoi(env);
    if (n >= 1) return n;
  }
  int hw = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, std::min(2, hw));
}

std::atomic<int> g_threads{DefaultThreads()};

// One fork-join task: parts are claimed from a shared counter by the caller and by any worker
// that is awake, so the caller never waits for a worker to wake up: it only waits for parts a
// worker has already started. Workers hold the task by shared_ptr; one that wakes after the
// caller returned finds every part claimed and never calls `fn` (whose captures are gone).
struct Task {
  std::function<void(int)> fn;
  int parts = 0;
  std::atomic<int> next{0};
  std::atomic<int> done{0};

  void Drain() {
    for (;;) {
      const int i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= parts) return;
      fn(i);
      done.fetch_add(1, std::memory_order_release);
    }
  }
};

// Workers spin briefly after each task (the next matmul usually follows within microseconds),
// then sleep on a condition variable so that an idle process costs no CPU.
class Pool {
 public:
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      generation_.fetch_add(1);
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
  }

  bool TryRun(int parts, const std::function<void(int)>& fn) {
    std::unique_lock<std::mutex> busy(busy_, std::try_to_lock);
    if (!busy.owns_lock()) return false;
    while (static_cast<int>(workers_.size()) < Threads() - 1) {
      // The worker starts from the generation before this task's, whenever it gets to run.
      const unsigned seen = generation_.load();
      workers_.emplace_back([this, seen] { Loop(seen); });
    }
    auto task = std::make_shared<Task>();
    task->fn = fn;
    task->parts = parts;
    {
      std::lock_guard<std::mutex> lock(mu_);
      task_ = task;
      generation_.fetch_add(1);
    }
    wake_.notify_all();
    task->Drain();
    while (task->done.load(std::memory_order_acquire) != parts) LAB_PAUSE();
    return true;
  }

 private:
  void Loop(unsigned seen) {
    for (;;) {
      for (int spin = 0; spin < 20000 && generation_.load(std::memory_order_acquire) == seen; ++spin) LAB_PAUSE();
      std::shared_ptr<Task> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait(lock, [&] { return generation_.load() != seen; });
        seen = generation_.load();
        if (stop_) return;
        task = task_;
      }
      if (task) task->Drain();
    }
  }

  std::mutex busy_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::vector<std::thread> workers_;
  std::atomic<unsigned> generation_{0};
  std::shared_ptr<Task> task_;
  bool stop_ = false;
};

Pool& ThePool() {
  static Pool pool;
  return pool;
}

}  // namespace

int Threads() { return g_threads.load(); }

void SetThreads(int threads) { g_threads.store(std::max(1, std::min(threads, 64))); }

void ParallelFor(int parts, const std::function<void(int)>& fn) {
  if (parts <= 1 || !ThePool().TryRun(parts, fn)) {
    for (int i = 0; i < parts; ++i) fn(i);
  }
}

}  // namespace lab
