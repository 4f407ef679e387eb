#include "conv.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "gemm.h"
#include "thread-pool.h"
#include "training.h"

namespace lab {
namespace {

using i64 = std::int64_t;

// Convolutions below this many multiply-adds run on one thread. Their blocks are independent
// (no operand is repacked per thread), so the bar is lower than the plain matmul's.
constexpr double kParallelMacs = 1 << 22;
// Columns per block of im2col rows: 96 kB (forward, input gradient), 256 kB (filter gradient,
// whose block is the GEMM's depth).
constexpr i64 kBlockFloats = 24 * 1024;
constexpr i64 kFilterBlockFloats = 64 * 1024;

i64 Rows(const ConvShape& s) { return static_cast<i64>(s.batch) * s.out_h * s.out_w; }
int Taps(const ConvShape& s) { return s.filter_h * s.filter_w * s.in_c; }  // at most INT_MAX (checked at the boundary)

// How many im2col rows make a block of about `floats` columns: at least 16, at most 4096 and `rows`.
int BlockRows(int taps, i64 rows, i64 floats) {
  const i64 r = std::clamp<i64>(floats / std::max(taps, 1), 16, 4096);
  return static_cast<int>(std::max<i64>(1, std::min(r, rows)));
}

// A per-thread scratch buffer of at least n floats (contents arbitrary).
float* Scratch(std::size_t n) {
  thread_local std::vector<float> buffer;
  if (buffer.size() < n) buffer.resize(n);
  return buffer.data();
}

// Whether output pixel (b, oy, ox) reads input pixel (b, oy, ox) alone: a 1 × 1 filter, stride 1,
// no padding, output as large as the input. Then the input is its own im2col matrix.
bool Pointwise(const ConvShape& s) {
  return s.filter_h == 1 && s.filter_w == 1 && s.stride_h == 1 && s.stride_w == 1 && s.pad_top == 0 &&
         s.pad_left == 0 && s.out_h == s.in_h && s.out_w == s.in_w;
}

// Walks rows [row0, row0 + count) of the im2col matrix: calls tap(i, ky, kx_first, kx_count,
// input offset, column offset) for each run of taps of row i that lie inside the input (contiguous
// there when dilation_w is 1), and gap(i, column offset, length) for the taps over the padding.
// Row (b, oy, ox) holds, in (ky, kx, channel) order, the input window output pixel (oy, ox) sees.
template <typename Inside, typename Outside>
void ForEachWindow(const ConvShape& s, i64 row0, int count, Inside inside, Outside outside) {
  const int c = s.in_c;
  const i64 taps = Taps(s);
  const i64 ohw = static_cast<i64>(s.out_h) * s.out_w;
  i64 b = row0 / ohw;
  i64 oy = (row0 % ohw) / s.out_w;
  i64 ox = row0 % s.out_w;
  const i64 span = static_cast<i64>(s.filter_w) * c;
  for (int i = 0; i < count; ++i) {
    i64 col = static_cast<i64>(i) * taps;
    const i64 image = b * s.in_h * s.in_w;
    const i64 y0 = oy * s.stride_h - s.pad_top;
    const i64 x0 = ox * s.stride_w - s.pad_left;
    const bool cols_inside = s.dilation_w == 1 && x0 >= 0 && x0 + s.filter_w <= s.in_w;
    for (int ky = 0; ky < s.filter_h; ++ky, col += span) {
      const i64 iy = y0 + static_cast<i64>(ky) * s.dilation_h;
      if (iy < 0 || iy >= s.in_h) {
        outside(col, span);
        continue;
      }
      const i64 row_start = (image + iy * s.in_w) * c;
      if (cols_inside) {
        inside(row_start + x0 * c, col, span);
        continue;
      }
      for (int kx = 0; kx < s.filter_w; ++kx) {
        const i64 ix = x0 + static_cast<i64>(kx) * s.dilation_w;
        if (ix < 0 || ix >= s.in_w) {
          outside(col + static_cast<i64>(kx) * c, c);
        } else {
          inside(row_start + ix * c, col + static_cast<i64>(kx) * c, c);
        }
      }
    }
    if (++ox == s.out_w) {
      ox = 0;
      if (++oy == s.out_h) {
        oy = 0;
        ++b;
      }
    }
  }
}

// Rows [row0, row0 + count) of the im2col matrix of x into cols (count × taps, row-major).
void Im2Col(const ConvShape& s, const float* x, i64 row0, int count, float* cols) {
  ForEachWindow(
      s, row0, count, [&](i64 from, i64 to, i64 n) { std::memcpy(cols + to, x + from, n * sizeof(float)); },
      [&](i64 to, i64 n) { std::fill(cols + to, cols + to + n, 0.0f); });
}

// The adjoint of Im2Col: adds rows [row0, row0 + count) of cols back into the input windows of dx.
void Col2ImAdd(const ConvShape& s, const float* cols, i64 row0, int count, float* dx) {
  ForEachWindow(
      s, row0, count,
      [&](i64 to, i64 from, i64 n) {
        float* __restrict d = dx + to;
        const float* __restrict c = cols + from;
        for (i64 j = 0; j < n; ++j) d[j] += c[j];
      },
      [](i64, i64) {});
}

// Runs body(first, last) over [0, blocks) in parts: on the pool when the work is large enough.
template <typename Body>
void ForBlocks(i64 blocks, double macs, Body body) {
  const int threads = Threads();
  if (threads <= 1 || blocks < 2 || macs < kParallelMacs) {
    body(0, blocks);
    return;
  }
  // A few parts per thread, claimed as threads come free, balance uneven blocks.
  const int parts = static_cast<int>(std::min<i64>(blocks, static_cast<i64>(threads) * 4));
  ParallelFor(parts, [&](int part) { body(blocks * part / parts, blocks * (part + 1) / parts); });
}

}  // namespace

void Conv2DForward(const ConvShape& s, const float* x, const float* filter, const float* bias, int bias_size,
                   Activation act, float* out) {
  const i64 rows = Rows(s);
  const int taps = Taps(s), n = s.out_c;
  if (rows == 0 || n == 0) return;
  const bool epilogue = bias != nullptr || act != Activation::kLinear;
  const int block = BlockRows(taps, rows, kBlockFloats);
  const i64 blocks = (rows + block - 1) / block;
  if (taps == 0) {
    for (i64 r0 = 0; r0 < rows; r0 += block) {
      const int count = static_cast<int>(std::min<i64>(block, rows - r0));
      std::fill(out + r0 * n, out + (r0 + count) * n, 0.0f);
      if (epilogue) BiasActivation(out + r0 * n, count, n, bias, bias_size, act);
    }
    return;
  }
  const PackedB packed(taps, n, View{filter, n, 1});
  const bool pointwise = Pointwise(s);
  ForBlocks(blocks, static_cast<double>(rows) * taps * n, [&](i64 first, i64 last) {
    for (i64 bi = first; bi < last; ++bi) {
      const i64 r0 = bi * block;
      const int count = static_cast<int>(std::min<i64>(block, rows - r0));
      float* c = out + r0 * n;
      if (pointwise) {
        GemmPacked(count, View{x + r0 * taps, taps, 1}, packed, c, n, false);
      } else {
        float* cols = Scratch(static_cast<std::size_t>(block) * taps);
        Im2Col(s, x, r0, count, cols);
        GemmPacked(count, View{cols, taps, 1}, packed, c, n, false);
      }
      // The epilogue while the block is still in cache.
      if (epilogue) BiasActivation(c, count, n, bias, bias_size, act);
    }
  });
}

void Conv2DBackpropInput(const ConvShape& s, const float* dy, const float* filter, float* dx) {
  const i64 image_size = static_cast<i64>(s.in_h) * s.in_w * s.in_c;
  const i64 per_image = static_cast<i64>(s.out_h) * s.out_w;
  const int taps = Taps(s), n = s.out_c;
  if (image_size == 0 || s.batch == 0) return;
  if (per_image == 0 || n == 0 || taps == 0) {
    std::fill(dx, dx + image_size * s.batch, 0.0f);
    return;
  }
  // dcols = dy · filterᵀ, block by block of rows, each added into dx at once (col2im). Images are
  // the parts: the windows of one image overlap, those of two never do.
  const PackedB packed(n, taps, View{filter, 1, n});
  const int block = BlockRows(taps, per_image, kBlockFloats);
  ForBlocks(s.batch, static_cast<double>(Rows(s)) * taps * n, [&](i64 first, i64 last) {
    float* cols = Scratch(static_cast<std::size_t>(block) * taps);
    for (i64 b = first; b < last; ++b) {
      std::fill(dx + b * image_size, dx + (b + 1) * image_size, 0.0f);
      for (i64 r0 = b * per_image; r0 < (b + 1) * per_image; r0 += block) {
        const int count = static_cast<int>(std::min<i64>(block, (b + 1) * per_image - r0));
        GemmPacked(count, View{dy + r0 * n, n, 1}, packed, cols, taps, false);
        Col2ImAdd(s, cols, r0, count, dx);
      }
    }
  });
}

void Conv2DBackpropFilter(const ConvShape& s, const float* x, const float* dy, float* dfilter) {
  const int taps = Taps(s), n = s.out_c;
  const std::size_t size = static_cast<std::size_t>(taps) * n;
  if (size == 0) return;
  const i64 rows = Rows(s);
  std::fill(dfilter, dfilter + size, 0.0f);
  if (rows == 0) return;
  // dfilter = Σ over blocks of rows of im2col(x)ᵀ · dy, the transpose a stride. Each part sums its
  // blocks into its own copy (the first into dfilter itself); the copies are added at the end.
  const int block = BlockRows(taps, rows, kFilterBlockFloats);
  const i64 blocks = (rows + block - 1) / block;
  const double macs = static_cast<double>(rows) * taps * n;
  const int parts = Threads() > 1 && blocks >= 2 && macs >= kParallelMacs
                        ? static_cast<int>(std::min<i64>(blocks, Threads()))
                        : 1;
  std::vector<std::vector<float>> partial(parts - 1, std::vector<float>(size, 0.0f));
  const bool pointwise = Pointwise(s);
  auto run = [&](int part) {
    float* acc = part == 0 ? dfilter : partial[part - 1].data();
    for (i64 bi = blocks * part / parts; bi < blocks * (part + 1) / parts; ++bi) {
      const i64 r0 = bi * block;
      const int count = static_cast<int>(std::min<i64>(block, rows - r0));
      const float* cols = x + r0 * taps;
      if (!pointwise) {
        float* buffer = Scratch(static_cast<std::size_t>(block) * taps);
        Im2Col(s, x, r0, count, buffer);
        cols = buffer;
      }
      GemmSingleThread(taps, n, count, View{cols, 1, taps}, View{dy + r0 * n, n, 1}, acc, n, true);
    }
  };
  if (parts == 1) {
    run(0);
  } else {
    ParallelFor(parts, run);
  }
  for (const std::vector<float>& p : partial) {
    for (std::size_t i = 0; i < size; ++i) dfilter[i] += p[i];
  }
}

}  // namespace lab
