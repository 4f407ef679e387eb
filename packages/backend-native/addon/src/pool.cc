#include "pool.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "cpu-features.h"
#include "thread-pool.h"

namespace lab {
namespace {

using i64 = std::int64_t;

// Pools touching fewer input and output values than this run on one thread.
constexpr double kParallelValues = 1 << 18;

// The input rows (or columns) [lo, hi) that window `o` covers.
struct Span {
  i64 lo, hi;
};
inline Span Window(i64 o, int stride, int pad, int filter, int extent) {
  const i64 start = o * stride - pad;
  return Span{std::max<i64>(start, 0), std::min<i64>(start + filter, extent)};
}

// The bodies, over images [b0, b1): force-inlined into one wrapper per instruction set, so that
// the channel loops are vectorized for it. None multiplies and adds in one expression, so FMA
// contraction cannot make the paths round differently.
#define LAB_FOR_WINDOWS(s, b, body)                                                     \
  for (i64 oy = 0; oy < (s).out_h; ++oy) {                                              \
    const Span ys = Window(oy, (s).stride_h, (s).pad_top, (s).filter_h, (s).in_h);      \
    for (i64 ox = 0; ox < (s).out_w; ++ox) {                                            \
      const Span xs = Window(ox, (s).stride_w, (s).pad_left, (s).filter_w, (s).in_w);   \
      const i64 o = (((b) * (s).out_h + oy) * (s).out_w + ox) * (s).channels;           \
      body                                                                              \
    }                                                                                   \
  }

__attribute__((always_inline)) inline void MaxPoolBody(const PoolShape& s, const float* x, float* out, i64 b0,
                                                       i64 b1) {
  const i64 c = s.channels;
  for (i64 b = b0; b < b1; ++b) {
    LAB_FOR_WINDOWS(s, b, {
      float* __restrict dst = out + o;
      for (i64 k = 0; k < c; ++k) dst[k] = -std::numeric_limits<float>::infinity();
      for (i64 iy = ys.lo; iy < ys.hi; ++iy) {
        for (i64 ix = xs.lo; ix < xs.hi; ++ix) {
          const float* __restrict p = x + ((b * s.in_h + iy) * s.in_w + ix) * c;
          // tfjs-cpu's `pixel > max`: a NaN never wins.
          for (i64 k = 0; k < c; ++k) dst[k] = p[k] > dst[k] ? p[k] : dst[k];
        }
      }
    })
  }
}

// best and at hold `channels` values each (per-thread scratch).
template <typename Index>
__attribute__((always_inline)) inline void MaxPoolGradBody(const PoolShape& s, const float* x, const float* dy,
                                                           float* dx, i64 b0, i64 b1, float* best, Index* at) {
  const i64 c = s.channels;
  const i64 image = static_cast<i64>(s.in_h) * s.in_w * c;
  for (i64 b = b0; b < b1; ++b) {
    const float* xb = x + b * image;
    float* dxb = dx + b * image;
    std::fill(dxb, dxb + image, 0.0f);
    LAB_FOR_WINDOWS(s, b, {
      for (i64 k = 0; k < c; ++k) {
        best[k] = -std::numeric_limits<float>::infinity();
        at[k] = -1;
      }
      for (i64 iy = ys.lo; iy < ys.hi; ++iy) {
        for (i64 ix = xs.lo; ix < xs.hi; ++ix) {
          const Index pixel = static_cast<Index>(iy * s.in_w + ix);
          const float* __restrict p = xb + static_cast<i64>(pixel) * c;
          // The first strict maximum in row-major order, as tfjs-cpu's maxPoolPositions.
          for (i64 k = 0; k < c; ++k) {
            const bool greater = p[k] > best[k];
            best[k] = greater ? p[k] : best[k];
            at[k] = greater ? pixel : at[k];
          }
        }
      }
      const float* g = dy + o;
      for (i64 k = 0; k < c; ++k) {
        if (at[k] >= 0) dxb[static_cast<i64>(at[k]) * c + k] += g[k];
      }
    })
  }
}

// acc holds `channels` doubles: the sums are exact enough to round as tfjs-cpu's (a double sum,
// divided, rounded once).
__attribute__((always_inline)) inline void AvgPoolBody(const PoolShape& s, const float* x, float* out, i64 b0,
                                                       i64 b1, double* acc) {
  const i64 c = s.channels;
  for (i64 b = b0; b < b1; ++b) {
    LAB_FOR_WINDOWS(s, b, {
      for (i64 k = 0; k < c; ++k) acc[k] = 0.0;
      for (i64 iy = ys.lo; iy < ys.hi; ++iy) {
        for (i64 ix = xs.lo; ix < xs.hi; ++ix) {
          const float* __restrict p = x + ((b * s.in_h + iy) * s.in_w + ix) * c;
          for (i64 k = 0; k < c; ++k) acc[k] += p[k];
        }
      }
      const double count = static_cast<double>(std::max<i64>(ys.hi - ys.lo, 0) * std::max<i64>(xs.hi - xs.lo, 0));
      float* __restrict dst = out + o;
      for (i64 k = 0; k < c; ++k) dst[k] = static_cast<float>(acc[k] / count);
    })
  }
}

// acc holds one image (in_h × in_w × channels doubles).
__attribute__((always_inline)) inline void AvgPoolGradBody(const PoolShape& s, const float* dy, float* dx, i64 b0,
                                                           i64 b1, double* acc) {
  const i64 c = s.channels;
  const i64 image = static_cast<i64>(s.in_h) * s.in_w * c;
  const double scale = 1.0 / (static_cast<double>(s.filter_h) * s.filter_w);
  for (i64 b = b0; b < b1; ++b) {
    std::fill(acc, acc + image, 0.0);
    LAB_FOR_WINDOWS(s, b, {
      const float* __restrict g = dy + o;
      for (i64 iy = ys.lo; iy < ys.hi; ++iy) {
        for (i64 ix = xs.lo; ix < xs.hi; ++ix) {
          double* __restrict d = acc + (iy * s.in_w + ix) * c;
          for (i64 k = 0; k < c; ++k) d[k] += g[k];
        }
      }
    })
    float* __restrict dxb = dx + b * image;
    for (i64 i = 0; i < image; ++i) dxb[i] = static_cast<float>(acc[i] * scale);
  }
}

#undef LAB_FOR_WINDOWS

// One function per body and instruction set: NameGeneric, NameAvx2, NameAvx512.
#if defined(__x86_64__)
#define LAB_POOL_VARIANTS(name, params, args)                                     \
  void name##Generic params { name##Body args; }                                  \
  __attribute__((target("avx2"))) void name##Avx2 params { name##Body args; }     \
  __attribute__((target("avx512f"))) void name##Avx512 params { name##Body args; }
#define LAB_POOL_CALL(name, args)                                          \
  do {                                                                     \
    const Isa isa = CurrentIsa();                                          \
    if (isa == Isa::kAvx512) name##Avx512 args;                            \
    else if (isa == Isa::kAvx2) name##Avx2 args;                           \
    else name##Generic args;                                               \
  } while (0)
#else
#define LAB_POOL_VARIANTS(name, params, args) \
  void name##Generic params { name##Body args; }
#define LAB_POOL_CALL(name, args) name##Generic args
#endif

#define MaxPoolGrad32Body MaxPoolGradBody<std::int32_t>
#define MaxPoolGrad64Body MaxPoolGradBody<std::int64_t>

LAB_POOL_VARIANTS(MaxPool, (const PoolShape& s, const float* x, float* out, i64 b0, i64 b1), (s, x, out, b0, b1))
LAB_POOL_VARIANTS(MaxPoolGrad32,
                  (const PoolShape& s, const float* x, const float* dy, float* dx, i64 b0, i64 b1, float* best,
                   std::int32_t* at),
                  (s, x, dy, dx, b0, b1, best, at))
LAB_POOL_VARIANTS(MaxPoolGrad64,
                  (const PoolShape& s, const float* x, const float* dy, float* dx, i64 b0, i64 b1, float* best,
                   std::int64_t* at),
                  (s, x, dy, dx, b0, b1, best, at))
LAB_POOL_VARIANTS(AvgPool, (const PoolShape& s, const float* x, float* out, i64 b0, i64 b1, double* acc),
                  (s, x, out, b0, b1, acc))
LAB_POOL_VARIANTS(AvgPoolGrad, (const PoolShape& s, const float* dy, float* dx, i64 b0, i64 b1, double* acc),
                  (s, dy, dx, b0, b1, acc))

// Runs body(b0, b1) over the images, split across the pool when there is enough to do.
template <typename Body>
void ForImages(const PoolShape& s, Body body) {
  const double values = static_cast<double>(s.batch) * s.channels *
                        (static_cast<double>(s.in_h) * s.in_w + static_cast<double>(s.out_h) * s.out_w);
  const int threads = Threads();
  if (threads <= 1 || s.batch < 2 || values < kParallelValues) {
    body(0, s.batch);
    return;
  }
  const int parts = std::min(threads, s.batch);
  ParallelFor(parts, [&](int part) {
    body(static_cast<i64>(s.batch) * part / parts, static_cast<i64>(s.batch) * (part + 1) / parts);
  });
}

template <typename T>
T* Scratch(std::size_t n) {
  thread_local std::vector<T> buffer;
  if (buffer.size() < n) buffer.resize(n);
  return buffer.data();
}

bool Empty(const PoolShape& s) { return s.batch == 0 || s.channels == 0; }

}  // namespace

void MaxPool(const PoolShape& s, const float* x, float* out) {
  if (Empty(s) || s.out_h == 0 || s.out_w == 0) return;
  ForImages(s, [&](i64 b0, i64 b1) { LAB_POOL_CALL(MaxPool, (s, x, out, b0, b1)); });
}

void MaxPoolGrad(const PoolShape& s, const float* x, const float* dy, float* dx) {
  if (Empty(s) || s.in_h == 0 || s.in_w == 0) return;
  const bool narrow = static_cast<i64>(s.in_h) * s.in_w <= std::numeric_limits<std::int32_t>::max();
  ForImages(s, [&](i64 b0, i64 b1) {
    float* best = Scratch<float>(s.channels);
    if (narrow) {
      std::int32_t* at = Scratch<std::int32_t>(s.channels);
      LAB_POOL_CALL(MaxPoolGrad32, (s, x, dy, dx, b0, b1, best, at));
    } else {
      std::int64_t* at = Scratch<std::int64_t>(s.channels);
      LAB_POOL_CALL(MaxPoolGrad64, (s, x, dy, dx, b0, b1, best, at));
    }
  });
}

void AvgPool(const PoolShape& s, const float* x, float* out) {
  if (Empty(s) || s.out_h == 0 || s.out_w == 0) return;
  ForImages(s, [&](i64 b0, i64 b1) {
    double* acc = Scratch<double>(s.channels);
    LAB_POOL_CALL(AvgPool, (s, x, out, b0, b1, acc));
  });
}

void AvgPoolGrad(const PoolShape& s, const float* dy, float* dx) {
  if (Empty(s) || s.in_h == 0 || s.in_w == 0) return;
  ForImages(s, [&](i64 b0, i64 b1) {
    double* acc = Scratch<double>(static_cast<std::size_t>(s.in_h) * s.in_w * s.channels);
    LAB_POOL_CALL(AvgPoolGrad, (s, dy, dx, b0, b1, acc));
  });
}

}  // namespace lab
