// Channels-last (NHWC) 2-D max and average pooling and their gradients, with tfjs-cpu's exact
// semantics: a max ignores NaN (an all-NaN window gives −∞) and its gradient goes to the first
// maximum in row-major window order; an average divides by the pixels inside the input, while
// its gradient divides by the whole window (as tfjs-cpu's AvgPoolGrad does). The loops run over
// channels, compiled for AVX-512, AVX2 and plain C++, chosen at run time like the GEMM's.
#pragma once

namespace lab {

// Output position (oy, ox) pools input rows [oy · stride_h − pad_top, + filter_h) (clipped to
// the input), and likewise columns.
struct PoolShape {
  int batch, in_h, in_w, channels;
  int out_h, out_w;
  int filter_h, filter_w;
  int stride_h, stride_w;
  int pad_top, pad_left;
};

// out [batch, out_h, out_w, channels]: each window's maximum.
void MaxPool(const PoolShape& s, const float* x, float* out);
// dx [batch, in_h, in_w, channels]: dy of each window added at its maximum.
void MaxPoolGrad(const PoolShape& s, const float* x, const float* dy, float* dx);
// out: each window's mean over the pixels inside the input (NaN for a window with none).
void AvgPool(const PoolShape& s, const float* x, float* out);
// dx: the sum of dy over the windows that hold each pixel, over filter_h · filter_w.
void AvgPoolGrad(const PoolShape& s, const float* dy, float* dx);

}  // namespace lab
