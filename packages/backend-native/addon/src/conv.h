// Channels-last (NHWC) 2-D convolutions for training: the forward pass (with a bias and relu fused
// into it) and both gradients, as im2col + the packed GEMM (gemm.h), block by block of output
// rows so that each block's columns stay in cache, split across the thread pool. Filters are
// tfjs/Keras's [filterHeight, filterWidth, inChannels, outChannels], read as a
// [filterHeight · filterWidth · inChannels, outChannels] matrix.
#pragma once
#include <cstddef>

#include "enums.h"

namespace lab {

// Sizes of a convolution. Output position (oy, ox) sees input rows oy · stride_h − pad_top +
// ky · dilation_h (and likewise columns); taps outside the input read zeros.
struct ConvShape {
  int batch, in_h, in_w, in_c;
  int out_h, out_w, out_c;
  int filter_h, filter_w;
  int stride_h, stride_w;
  int dilation_h, dilation_w;
  int pad_top, pad_left;
};

// out [batch, out_h, out_w, out_c] = act(conv(x, filter) + bias); bias (bias_size = out_c or 1)
// may be null.
void Conv2DForward(const ConvShape& s, const float* x, const float* filter, const float* bias, int bias_size,
                   Activation act, float* out);

// dx [batch, in_h, in_w, in_c]: the gradient of the input for the output gradient dy.
void Conv2DBackpropInput(const ConvShape& s, const float* dy, const float* filter, float* dx);

// dfilter [filter_h, filter_w, in_c, out_c]: the gradient of the filter for the output gradient dy.
void Conv2DBackpropFilter(const ConvShape& s, const float* x, const float* dy, float* dfilter);

}  // namespace lab
