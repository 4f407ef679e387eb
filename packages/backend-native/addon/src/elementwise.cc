#include "elementwise.h"

#include <algorithm>
#include <vector>

namespace lab {
namespace {

struct Add { static float F(float x, float y) { return x + y; } };
struct Sub { static float F(float x, float y) { return x - y; } };
struct Mul { static float F(float x, float y) { return x * y; } };
struct Div { static float F(float x, float y) { return x / y; } };
// NaN propagates as in JavaScript's Math.max / Math.min, which the cpu backend uses.
struct Max { static float F(float x, float y) { return (x != x || y != y) ? x + y : (x > y ? x : y); } };
struct Min { static float F(float x, float y) { return (x != x || y != y) ? x + y : (x < y ? x : y); } };
struct SqDiff { static float F(float x, float y) { return (x - y) * (x - y); } };

template <typename Op>
void Run(const float* a, std::size_t na, const float* b, std::size_t nb, float* out, std::size_t n) {
  if (na == n && nb == n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = Op::F(a[i], b[i]);
  } else if (nb == 1 && na == n) {
    const float y = b[0];
    for (std::size_t i = 0; i < n; ++i) out[i] = Op::F(a[i], y);
  } else if (na == 1 && nb == n) {
    const float x = a[0];
    for (std::size_t i = 0; i < n; ++i) out[i] = Op::F(x, b[i]);
  } else if (na == n) {
    for (std::size_t r = 0; r < n; r += nb)
      for (std::size_t j = 0; j < nb; ++j) out[r + j] = Op::F(a[r + j], b[j]);
  } else if (nb == n) {
    for (std::size_t r = 0; r < n; r += na)
      for (std::size_t j = 0; j < na; ++j) out[r + j] = Op::F(a[j], b[r + j]);
  } else {
    for (std::size_t i = 0; i < n; ++i) out[i] = Op::F(a[i % na], b[i % nb]);
  }
}

}  // namespace

void Binary(BinaryOp op, const float* a, std::size_t na, const float* b, std::size_t nb, float* out, std::size_t n) {
  switch (op) {
    case BinaryOp::kAdd: return Run<Add>(a, na, b, nb, out, n);
    case BinaryOp::kSub: return Run<Sub>(a, na, b, nb, out, n);
    case BinaryOp::kMul: return Run<Mul>(a, na, b, nb, out, n);
    case BinaryOp::kDiv: return Run<Div>(a, na, b, nb, out, n);
    case BinaryOp::kMax: return Run<Max>(a, na, b, nb, out, n);
    case BinaryOp::kMin: return Run<Min>(a, na, b, nb, out, n);
    case BinaryOp::kSquaredDifference: return Run<SqDiff>(a, na, b, nb, out, n);
  }
}

void Relu(const float* x, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = x[i] < 0.0f ? 0.0f : x[i];
}

void Step(const float* x, float alpha, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = x[i] > 0.0f ? 1.0f : (x[i] != x[i] ? x[i] : alpha);
}

void ColumnSums(const float* x, std::size_t rows, std::size_t cols, float* out) {
  std::vector<double> sums(cols, 0.0);
  for (std::size_t r = 0; r < rows; ++r) {
    const float* row = x + r * cols;
    for (std::size_t j = 0; j < cols; ++j) sums[j] += row[j];
  }
  for (std::size_t j = 0; j < cols; ++j) out[j] = static_cast<float>(sums[j]);
}

}  // namespace lab
