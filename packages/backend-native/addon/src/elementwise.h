// Broadcasting binary arithmetic for the shapes training makes: equal shapes, a scalar, or a
// smaller operand repeating over the leading axes (a bias row). The cpu backend's JavaScript
// handles any broadcast by index arithmetic per element, which dominates a training step.
#pragma once
#include <cstddef>

#include "enums.h"

namespace lab {

// out[i] = op(a[i % na], b[i % nb]) for i < n, where na and nb divide n.
void Binary(BinaryOp op, const float* a, std::size_t na, const float* b, std::size_t nb, float* out, std::size_t n);

// out[i] = x[i] < 0 ? 0 : x[i] (tfjs's relu: NaN and −0 stay).
void Relu(const float* x, float* out, std::size_t n);
// out[i] = x[i] > 0 ? 1 : (x[i] is NaN ? NaN : alpha) (tfjs's step).
void Step(const float* x, float alpha, float* out, std::size_t n);
// out[j] = Σ_i x[i · cols + j] over rows × cols, summed in double in row order, rounded once.
void ColumnSums(const float* x, std::size_t rows, std::size_t cols, float* out);

}  // namespace lab
