// Single-precision matrix product C = op(A) · op(B), packed and blocked (GotoBLAS style), with
// micro-kernels for AVX-512, AVX2+FMA and plain C++ (whatever the compiler vectorizes).
#pragma once
#include <cstddef>
#include <vector>

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

// C (+)= A (m × k) · B (k × n) on the calling thread only: for kernels that split their own work
// across the pool (the convolutions). With accumulate, adds the product to C instead of
// overwriting it.
void GemmSingleThread(int m, int n, int k, View a, View b, float* c, std::ptrdiff_t ldc, bool accumulate);

// B packed once for many products with it (a convolution's filter, reused for every block of
// rows), in the micro-kernel of the instruction set in use when it was packed.
class PackedB {
 public:
  PackedB() = default;
  // Packs B (k × n); k and n at least 1.
  PackedB(int k, int n, View b);
  int k() const { return k_; }
  int n() const { return n_; }

 private:
  friend void GemmPacked(int m, View a, const PackedB& b, float* c, std::ptrdiff_t ldc, bool accumulate);
  int k_ = 0, n_ = 0, padded_n_ = 0, kernel_ = 0;
  std::vector<float> data_;
};

// C (+)= A (m × b.k()) · B on the calling thread only, with B packed beforehand.
void GemmPacked(int m, View a, const PackedB& b, float* c, std::ptrdiff_t ldc, bool accumulate);

}  // namespace lab
