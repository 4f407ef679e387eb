// One-dimensional filters along the middle axis of a [outer, length, inner] float32 array, as
// scipy.ndimage computes them for a float32 input: each line is extended into a float64 buffer,
// filtered in float64 in scipy's order of operations, and rounded once to float32. The line
// (o, j) is x[(o · length + p) · inner + j] for p in [0, length). The extension is given, not a
// mode: extended position e (of length + taps − 1) reads the line at index at[e], or cval where
// at[e] < 0 (the caller makes `at` for reflect, nearest, mirror, constant or wrap). The loops run
// over many lines at once, compiled for AVX-512, AVX2 and plain C++ (chosen at run time), with
// contraction into FMA off, so every instruction set gives the same bits.
#pragma once

#include <cstdint>

namespace lab {

struct LineShape {
  int outer, length, inner;
};

// scipy.ndimage.correlate1d: out at p = Σ_t x_ext[p + t] · weights[t], centred at taps / 2; an
// odd kernel symmetric (antisymmetric) to DBL_EPSILON sums the centre tap, then the pairs from
// the outermost in, as scipy does. `at` has length + taps − 1 entries in [−1, length).
void Correlate1D(const LineShape& s, const float* x, float* out, const double* weights, int taps,
                 const std::int32_t* at, double cval);

// scipy.ndimage.uniform_filter1d: a float64 running sum over a `size` window (the first window
// summed, then each step adding the entering value minus the leaving one), divided by size at
// each position. `at` has length + size − 1 entries in [−1, length).
void Uniform1D(const LineShape& s, const float* x, float* out, int size, const std::int32_t* at, double cval);

}  // namespace lab
