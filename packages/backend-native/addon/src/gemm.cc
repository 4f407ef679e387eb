#include "gemm.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "cpu-features.h"
#include "thread-pool.h"

namespace lab {
namespace {

using MicroKernel = void (*)(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, int mr, int nr,
                             bool accumulate);

struct Kernel {
  int mr;
  int nr;
  MicroKernel fn;
};

// The micro-kernel body, shared by every instruction set: an MR × (NV · lanes) block of C held in
// registers, updated with one rank-1 product per k from the packed panels of A and B. It is
// force-inlined into wrappers compiled for each target, so V's width decides the instructions.
template <typename V, int MR, int NV>
__attribute__((always_inline)) inline void MicroBody(int kc, const float* a, const float* b, float* c,
                                                     std::ptrdiff_t ldc, int mr, int nr, bool accumulate) {
  constexpr int kLanes = sizeof(V) / sizeof(float);
  constexpr int NR = kLanes * NV;
  V acc[MR][NV];
#pragma GCC unroll 16
  for (int r = 0; r < MR; ++r)
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) acc[r][v] = V{};
  for (int k = 0; k < kc; ++k) {
    V bv[NV];
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) std::memcpy(&bv[v], b + v * kLanes, sizeof(V));
#pragma GCC unroll 16
    for (int r = 0; r < MR; ++r) {
      const float s = a[r];
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v) acc[r][v] += s * bv[v];
    }
    a += MR;
    b += NR;
  }
  if (mr == MR && nr == NR) {
#pragma GCC unroll 16
    for (int r = 0; r < MR; ++r) {
      float* row = c + r * ldc;
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v) {
        V out = acc[r][v];
        if (accumulate) {
          V old;
          std::memcpy(&old, row + v * kLanes, sizeof(V));
          out += old;
        }
        std::memcpy(row + v * kLanes, &out, sizeof(V));
      }
    }
    return;
  }
  alignas(64) float tile[MR * NR];
  std::memcpy(tile, acc, sizeof(tile));
  for (int r = 0; r < mr; ++r) {
    float* row = c + r * ldc;
    const float* t = tile + r * NR;
    if (accumulate) {
      for (int j = 0; j < nr; ++j) row[j] += t[j];
    } else {
      for (int j = 0; j < nr; ++j) row[j] = t[j];
    }
  }
}

typedef float V4 __attribute__((vector_size(16)));
typedef float V8 __attribute__((vector_size(32)));
typedef float V16 __attribute__((vector_size(64)));

void MicroGeneric(int kc, const float* a, const float* b, float* c, std::ptrdiff_t ldc, int mr, int nr, bool acc) {
  MicroBody<V4, 4, 2>(kc, a, b, c, ldc, mr, nr, acc);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) void MicroAvx2(int kc, const float* a, const float* b, float* c,
                                                     std::ptrdiff_t ldc, int mr, int nr, bool acc) {
  MicroBody<V8, 6, 2>(kc, a, b, c, ldc, mr, nr, acc);
}

__attribute__((target("avx512f"))) void MicroAvx512(int kc, const float* a, const float* b, float* c,
                                                      std::ptrdiff_t ldc, int mr, int nr, bool acc) {
  MicroBody<V16, 8, 2>(kc, a, b, c, ldc, mr, nr, acc);
}
#endif

constexpr int kKernelCount = 3;

Kernel KernelFor(Isa isa) {
#if defined(__x86_64__)
  if (isa == Isa::kAvx512) return {8, 32, MicroAvx512};
  if (isa == Isa::kAvx2) return {6, 16, MicroAvx2};
#endif
  (void)isa;
  return {4, 8, MicroGeneric};
}

// Packs rows [0, mc) × columns [0, kc) of A into MR-row panels: panel p holds, for each k, the MR
// values A(p·MR + r, k), zero-padded past mc.
void PackA(int mc, int kc, View a, int mr, float* dst) {
  for (int i0 = 0; i0 < mc; i0 += mr) {
    const int rows = std::min(mr, mc - i0);
    const float* src = a.p + i0 * a.rs;
    if (a.cs == 1) {
      for (int r = 0; r < rows; ++r) {
        const float* s = src + r * a.rs;
        for (int k = 0; k < kc; ++k) dst[k * mr + r] = s[k];
      }
    } else {
      for (int k = 0; k < kc; ++k) {
        const float* s = src + k * a.cs;
        for (int r = 0; r < rows; ++r) dst[k * mr + r] = s[r * a.rs];
      }
    }
    if (rows < mr) {
      for (int k = 0; k < kc; ++k)
        for (int r = rows; r < mr; ++r) dst[k * mr + r] = 0.0f;
    }
    dst += kc * mr;
  }
}

// Packs rows [0, kc) × columns [0, nc) of B into NR-column panels: panel p holds, for each k, the
// NR values B(k, p·NR + j), zero-padded past nc.
void PackB(int kc, int nc, View b, int nr, float* dst) {
  for (int j0 = 0; j0 < nc; j0 += nr) {
    const int cols = std::min(nr, nc - j0);
    const float* src = b.p + j0 * b.cs;
    if (b.cs == 1) {
      for (int k = 0; k < kc; ++k) {
        const float* s = src + k * b.rs;
        float* d = dst + k * nr;
        std::memcpy(d, s, cols * sizeof(float));
        for (int j = cols; j < nr; ++j) d[j] = 0.0f;
      }
    } else {
      for (int j = 0; j < cols; ++j) {
        const float* s = src + j * b.cs;
        for (int k = 0; k < kc; ++k) dst[k * nr + j] = s[k * b.rs];
      }
      if (cols < nr) {
        for (int k = 0; k < kc; ++k)
          for (int j = cols; j < nr; ++j) dst[k * nr + j] = 0.0f;
      }
    }
    dst += kc * nr;
  }
}

// A growable, 64-byte-aligned scratch buffer, one per thread and use.
struct Scratch {
  float* p = nullptr;
  std::size_t size = 0;
  ~Scratch() { std::free(p); }
  float* Get(std::size_t n) {
    if (n > size) {
      std::free(p);
      size = (n + 15) & ~static_cast<std::size_t>(15);
      p = static_cast<float*>(std::aligned_alloc(64, size * sizeof(float)));
      if (p == nullptr) throw std::bad_alloc();
    }
    return p;
  }
};

constexpr int kKc = 256;

void GemmSerial(int m, int n, int k, View a, View b, float* c, std::ptrdiff_t ldc, const Kernel& kernel,
                bool accumulate = false) {
  if (k == 0) {
    if (!accumulate) {
      for (int i = 0; i < m; ++i) std::fill(c + i * ldc, c + i * ldc + n, 0.0f);
    }
    return;
  }
  thread_local Scratch a_buf, b_buf;
  const int mc_max = kernel.mr * 24;
  const int nc_max = kernel.nr * 128;
  const int kc_max = std::min(k, kKc);
  float* ap = a_buf.Get(static_cast<std::size_t>(mc_max + kernel.mr) * kc_max);
  float* bp = b_buf.Get(static_cast<std::size_t>(std::min(n, nc_max) + kernel.nr) * kc_max);
  for (int jc = 0; jc < n; jc += nc_max) {
    const int nc = std::min(nc_max, n - jc);
    for (int pc = 0; pc < k; pc += kKc) {
      const int kc = std::min(kKc, k - pc);
      PackB(kc, nc, View{b.p + pc * b.rs + jc * b.cs, b.rs, b.cs}, kernel.nr, bp);
      for (int ic = 0; ic < m; ic += mc_max) {
        const int mc = std::min(mc_max, m - ic);
        PackA(mc, kc, View{a.p + ic * a.rs + pc * a.cs, a.rs, a.cs}, kernel.mr, ap);
        for (int jr = 0; jr < nc; jr += kernel.nr) {
          const float* bpanel = bp + (jr / kernel.nr) * kc * kernel.nr;
          for (int ir = 0; ir < mc; ir += kernel.mr) {
            kernel.fn(kc, ap + (ir / kernel.mr) * kc * kernel.mr, bpanel, c + (ic + ir) * ldc + jc + jr, ldc,
                      std::min(kernel.mr, mc - ir), std::min(kernel.nr, nc - jr), accumulate || pc > 0);
          }
        }
      }
    }
  }
}

// Products below this many multiply-adds run on one thread. On a 2-core machine the lesson's
// 64 × 784 × 128 products (6.4M) trained 1.2 s per epoch on one thread and 1.8 s on two: the
// second thread's wake-ups and the repacking of A in each part cost more than the split saves.
constexpr double kParallelMacs = 1 << 24;

}  // namespace

void GemmSingleThread(int m, int n, int k, View a, View b, float* c, std::ptrdiff_t ldc, bool accumulate) {
  if (m <= 0 || n <= 0) return;
  GemmSerial(m, n, k, a, b, c, ldc, KernelFor(CurrentIsa()), accumulate);
}

// Layout: for each block of kKc rows of B, its NR-column panels (PackB's layout), each block
// kc × padded_n floats.
PackedB::PackedB(int k, int n, View b) : k_(k), n_(n), kernel_(static_cast<int>(CurrentIsa())) {
  const Kernel kernel = KernelFor(CurrentIsa());
  padded_n_ = (n + kernel.nr - 1) / kernel.nr * kernel.nr;
  data_.resize(static_cast<std::size_t>(k) * padded_n_);
  for (int pc = 0; pc < k; pc += kKc) {
    const int kc = std::min(kKc, k - pc);
    PackB(kc, n, View{b.p + pc * b.rs, b.rs, b.cs}, kernel.nr, data_.data() + static_cast<std::size_t>(pc) * padded_n_);
  }
}

void GemmPacked(int m, View a, const PackedB& b, float* c, std::ptrdiff_t ldc, bool accumulate) {
  const int n = b.n_, k = b.k_;
  if (m <= 0 || n <= 0 || k <= 0) return;
  static_assert(static_cast<int>(Isa::kAvx512) < kKernelCount);
  const Kernel kernel = KernelFor(static_cast<Isa>(b.kernel_));
  thread_local Scratch a_buf;
  const int mc_max = kernel.mr * 24;
  float* ap = a_buf.Get(static_cast<std::size_t>(mc_max + kernel.mr) * std::min(k, kKc));
  for (int pc = 0; pc < k; pc += kKc) {
    const int kc = std::min(kKc, k - pc);
    const float* bp = b.data_.data() + static_cast<std::size_t>(pc) * b.padded_n_;
    for (int ic = 0; ic < m; ic += mc_max) {
      const int mc = std::min(mc_max, m - ic);
      PackA(mc, kc, View{a.p + ic * a.rs + pc * a.cs, a.rs, a.cs}, kernel.mr, ap);
      for (int jr = 0; jr < n; jr += kernel.nr) {
        const float* bpanel = bp + static_cast<std::size_t>(jr / kernel.nr) * kc * kernel.nr;
        for (int ir = 0; ir < mc; ir += kernel.mr) {
          kernel.fn(kc, ap + (ir / kernel.mr) * kc * kernel.mr, bpanel, c + (ic + ir) * ldc + jr, ldc,
                    std::min(kernel.mr, mc - ir), std::min(kernel.nr, n - jr), accumulate || pc > 0);
        }
      }
    }
  }
}

void Gemm(int m, int n, int k, View a, View b, float* c, std::ptrdiff_t ldc) {
  const Kernel kernel = KernelFor(CurrentIsa());
  const int threads = Threads();
  const double macs = static_cast<double>(m) * n * k;
  if (threads <= 1 || macs < kParallelMacs) {
    GemmSerial(m, n, k, a, b, c, ldc, kernel);
    return;
  }
  // Split the dimension whose split duplicates less packing: splitting n repacks A (m·k) in every
  // part, splitting m repacks B (k·n). Parts are whole micro-tiles.
  const bool split_n = (m <= n && n >= 2 * kernel.nr) || m < 2 * kernel.mr;
  const int unit = split_n ? kernel.nr : kernel.mr;
  const int extent = split_n ? n : m;
  const int tiles = (extent + unit - 1) / unit;
  const int parts = std::min(threads, tiles);
  if (parts <= 1) {
    GemmSerial(m, n, k, a, b, c, ldc, kernel);
    return;
  }
  ParallelFor(parts, [&](int part) {
    const int t0 = tiles * part / parts;
    const int t1 = tiles * (part + 1) / parts;
    const int lo = t0 * unit;
    const int hi = std::min(extent, t1 * unit);
    if (hi <= lo) return;
    if (split_n) {
      GemmSerial(m, hi - lo, k, a, View{b.p + lo * b.cs, b.rs, b.cs}, c + lo, ldc, kernel);
    } else {
      GemmSerial(hi - lo, n, k, View{a.p + lo * a.rs, a.rs, a.cs}, b, c + lo * ldc, ldc, kernel);
    }
  });
}

}  // namespace lab
