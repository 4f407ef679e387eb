// Single-precision matrix product C = op(A) · op(B), packed and blocked (GotoBLAS style), with
// micro-kernels for AVX-512, AVX2+FMA and plain C++ (whatever the compiler vectorizes).
#pragma once
#include <cstddef>

namespace lab {

// A matrix view: element (i, j) lives at p[i * rs + j * cs]. Transposes are just swapped strides.
struct View {
  const float* p;
  std::ptrdiff_t rs;
  std::ptrdiff_t cs;
};

// C (row-major, leading dimension ldc) = A (m × k) · B (k × n). Overwrites C.
// Splits large products across the pool's threads.
void Gemm(int m, int n, int k, View a, View b, float* c, std::ptrdiff_t ldc);

}  // namespace lab
