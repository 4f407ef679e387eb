// Exactness needs every product rounded before it is added, as scipy's C does: no FMA contraction
// in this file, whatever the build's flags (binding.gyp contracts elsewhere).
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#include "filter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "cpu-features.h"
#include "thread-pool.h"

namespace lab {
namespace {

using i64 = std::int64_t;

// Lines filtered together: the inner loops run over them, so they vectorize.
constexpr int kLanes = 32;
// Filters touching fewer values than this run on one thread.
constexpr double kParallelValues = 1 << 17;

// A chunk of up to kLanes lines: line l starts at base + l · lane_stride, and its positions are
// pos_stride apart. Where inner is 1, the lines of a chunk are consecutive rows (lane stride
// length); otherwise they are neighbours within one row (lane stride 1, position stride inner).
struct Chunk {
  i64 base;
  i64 lane_stride;
  i64 pos_stride;
  int lanes;
};

// Chunks in order: with inner 1, chunk c covers rows [c·kLanes, …); else row o's lanes in
// blocks of kLanes.
struct Chunks {
  i64 count;
  i64 per_row;  // chunks per row (inner > 1)
  const LineShape& s;

  explicit Chunks(const LineShape& shape) : count(0), per_row(0), s(shape) {
    if (s.inner == 1) {
      count = (static_cast<i64>(s.outer) + kLanes - 1) / kLanes;
    } else {
      per_row = (static_cast<i64>(s.inner) + kLanes - 1) / kLanes;
      count = per_row * s.outer;
    }
  }

  Chunk At(i64 c) const {
    if (s.inner == 1) {
      const i64 first = c * kLanes;
      return Chunk{first * s.length, s.length, 1, static_cast<int>(std::min<i64>(kLanes, s.outer - first))};
    }
    const i64 o = c / per_row;
    const i64 j = (c % per_row) * kLanes;
    return Chunk{o * s.length * s.inner + j, 1, s.inner, static_cast<int>(std::min<i64>(kLanes, s.inner - j))};
  }
};

// The chunk's lines extended into ext[e · kLanes + l] (float64), e in [0, span).
__attribute__((always_inline)) inline void Extend(const Chunk& k, const float* x, const std::int32_t* at, int span,
                                                  double cval, double* __restrict ext) {
  for (int e = 0; e < span; ++e) {
    double* __restrict row = ext + static_cast<i64>(e) * kLanes;
    const std::int32_t a = at[e];
    if (a < 0) {
      for (int l = 0; l < k.lanes; ++l) row[l] = cval;
      continue;
    }
    const float* src = x + k.base + a * k.pos_stride;
    if (k.lane_stride == 1) {
      for (int l = 0; l < k.lanes; ++l) row[l] = src[l];
    } else {
      for (int l = 0; l < k.lanes; ++l) row[l] = src[l * k.lane_stride];
    }
  }
}

__attribute__((always_inline)) inline void Store(const Chunk& k, const double* __restrict acc, float* out, i64 p) {
  float* dst = out + k.base + p * k.pos_stride;
  if (k.lane_stride == 1) {
    for (int l = 0; l < k.lanes; ++l) dst[l] = static_cast<float>(acc[l]);
  } else {
    for (int l = 0; l < k.lanes; ++l) dst[l * k.lane_stride] = static_cast<float>(acc[l]);
  }
}

// 1: odd and symmetric to DBL_EPSILON; −1: antisymmetric; 0: neither (scipy's test).
int Symmetry(const double* w, int taps) {
  if (taps % 2 == 0) return 0;
  const int half = taps / 2;
  bool symmetric = true;
  for (int i = 1; i <= half && symmetric; ++i) symmetric = std::fabs(w[half + i] - w[half - i]) <= std::numeric_limits<double>::epsilon();
  if (symmetric) return 1;
  for (int i = 1; i <= half; ++i) {
    if (std::fabs(w[half + i] + w[half - i]) > std::numeric_limits<double>::epsilon()) return 0;
  }
  return -1;
}

struct CorrelateArgs {
  const LineShape& s;
  const float* x;
  float* out;
  const double* w;
  int taps;
  int symmetry;
  const std::int32_t* at;
  double cval;
};

__attribute__((always_inline)) inline void CorrelateBody(const CorrelateArgs& a, i64 c0, i64 c1, double* ext) {
  const Chunks chunks(a.s);
  const int span = a.s.length + a.taps - 1;
  const int size1 = a.taps / 2;
  const int size2 = a.taps - size1 - 1;
  double acc[kLanes];
  for (i64 c = c0; c < c1; ++c) {
    const Chunk k = chunks.At(c);
    Extend(k, a.x, a.at, span, a.cval, ext);
    const int n = k.lanes;
    for (i64 p = 0; p < a.s.length; ++p) {
      // The centre of output p sits at extended position p + size1.
      const double* centre = ext + (p + size1) * kLanes;
      if (a.symmetry != 0) {
        const double w0 = a.w[size1];
        for (int l = 0; l < n; ++l) acc[l] = centre[l] * w0;
        for (int t = -size1; t < 0; ++t) {
          const double wt = a.w[size1 + t];
          const double* lo = centre + static_cast<i64>(t) * kLanes;
          const double* hi = centre - static_cast<i64>(t) * kLanes;
          if (a.symmetry > 0) {
            for (int l = 0; l < n; ++l) acc[l] += (lo[l] + hi[l]) * wt;
          } else {
            for (int l = 0; l < n; ++l) acc[l] += (lo[l] - hi[l]) * wt;
          }
        }
      } else {
        const double wl = a.w[a.taps - 1];
        const double* last = centre + static_cast<i64>(size2) * kLanes;
        for (int l = 0; l < n; ++l) acc[l] = last[l] * wl;
        for (int t = -size1; t < size2; ++t) {
          const double wt = a.w[size1 + t];
          const double* v = centre + static_cast<i64>(t) * kLanes;
          for (int l = 0; l < n; ++l) acc[l] += v[l] * wt;
        }
      }
      Store(k, acc, a.out, p);
    }
  }
}

struct UniformArgs {
  const LineShape& s;
  const float* x;
  float* out;
  int size;
  const std::int32_t* at;
  double cval;
};

__attribute__((always_inline)) inline void UniformBody(const UniformArgs& a, i64 c0, i64 c1, double* ext) {
  const Chunks chunks(a.s);
  const int span = a.s.length + a.size - 1;
  const double size = a.size;
  double sum[kLanes];
  double acc[kLanes];
  for (i64 c = c0; c < c1; ++c) {
    const Chunk k = chunks.At(c);
    Extend(k, a.x, a.at, span, a.cval, ext);
    const int n = k.lanes;
    for (int l = 0; l < n; ++l) sum[l] = 0.0;
    for (int t = 0; t < a.size; ++t) {
      const double* v = ext + static_cast<i64>(t) * kLanes;
      for (int l = 0; l < n; ++l) sum[l] += v[l];
    }
    for (int l = 0; l < n; ++l) acc[l] = sum[l] / size;
    Store(k, acc, a.out, 0);
    for (i64 p = 1; p < a.s.length; ++p) {
      const double* enter = ext + (p + a.size - 1) * kLanes;
      const double* leave = ext + (p - 1) * kLanes;
      for (int l = 0; l < n; ++l) {
        sum[l] += enter[l] - leave[l];
        acc[l] = sum[l] / size;
      }
      Store(k, acc, a.out, p);
    }
  }
}

// One function per body and instruction set: NameGeneric, NameAvx2, NameAvx512.
#if defined(__x86_64__)
#define LAB_FILTER_VARIANTS(name, Args)                                                                        \
  void name##Generic(const Args& a, i64 c0, i64 c1, double* ext) { name##Body(a, c0, c1, ext); }               \
  __attribute__((target("avx2"))) void name##Avx2(const Args& a, i64 c0, i64 c1, double* ext) {                \
    name##Body(a, c0, c1, ext);                                                                                \
  }                                                                                                            \
  __attribute__((target("avx512f"))) void name##Avx512(const Args& a, i64 c0, i64 c1, double* ext) {           \
    name##Body(a, c0, c1, ext);                                                                                \
  }                                                                                                            \
  void name##Call(const Args& a, i64 c0, i64 c1, double* ext) {                                                \
    const Isa isa = CurrentIsa();                                                                              \
    if (isa == Isa::kAvx512) name##Avx512(a, c0, c1, ext);                                                     \
    else if (isa == Isa::kAvx2) name##Avx2(a, c0, c1, ext);                                                    \
    else name##Generic(a, c0, c1, ext);                                                                        \
  }
#else
#define LAB_FILTER_VARIANTS(name, Args) \
  void name##Call(const Args& a, i64 c0, i64 c1, double* ext) { name##Body(a, c0, c1, ext); }
#endif

LAB_FILTER_VARIANTS(Correlate, CorrelateArgs)
LAB_FILTER_VARIANTS(Uniform, UniformArgs)

#undef LAB_FILTER_VARIANTS

double* Scratch(std::size_t n) {
  thread_local std::vector<double> buffer;
  if (buffer.size() < n) buffer.resize(n);
  return buffer.data();
}

// Runs body(c0, c1, ext) over all chunks, split across the pool's threads when the array is big.
template <typename Body>
void ForChunks(const LineShape& s, int span, Body body) {
  const Chunks chunks(s);
  const std::size_t scratch = static_cast<std::size_t>(span) * kLanes;
  const double values = static_cast<double>(s.outer) * s.length * s.inner;
  const int threads = Threads();
  if (threads <= 1 || chunks.count < 2 || values < kParallelValues) {
    body(0, chunks.count, Scratch(scratch));
    return;
  }
  const int parts = static_cast<int>(std::min<i64>(threads, chunks.count));
  ParallelFor(parts, [&](int part) {
    body(chunks.count * part / parts, chunks.count * (part + 1) / parts, Scratch(scratch));
  });
}

bool Empty(const LineShape& s) { return s.outer == 0 || s.length == 0 || s.inner == 0; }

}  // namespace

void Correlate1D(const LineShape& s, const float* x, float* out, const double* weights, int taps,
                 const std::int32_t* at, double cval) {
  if (Empty(s) || taps == 0) return;
  const CorrelateArgs a{s, x, out, weights, taps, Symmetry(weights, taps), at, cval};
  ForChunks(s, s.length + taps - 1, [&](i64 c0, i64 c1, double* ext) { CorrelateCall(a, c0, c1, ext); });
}

void Uniform1D(const LineShape& s, const float* x, float* out, int size, const std::int32_t* at, double cval) {
  if (Empty(s) || size == 0) return;
  const UniformArgs a{s, x, out, size, at, cval};
  ForChunks(s, s.length + size - 1, [&](i64 c0, i64 c1, double* ext) { UniformCall(a, c0, c1, ext); });
}

}  // namespace lab
