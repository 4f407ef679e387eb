// The numbers that cross the N-API boundary, defined once. Each table lists (C++ name, value,
// JavaScript name); the enums below and the addon's `enums` export are both made from it, and
// src/native-enums.ts mirrors it (src/native-enums.test.ts checks the mirror against the export).
// Change a value here and there together.
#pragma once

#define LAB_ACTIVATIONS(X) \
  X(kLinear, 0, "linear")  \
  X(kRelu, 1, "relu")

#define LAB_BINARY_OPS(X) \
  X(kAdd, 0, "add")       \
  X(kSub, 1, "sub")       \
  X(kMul, 2, "mul")       \
  X(kDiv, 3, "div")       \
  X(kMax, 4, "max")       \
  X(kMin, 5, "min")       \
  X(kSquaredDifference, 6, "squaredDifference")

#define LAB_ISAS(X)        \
  X(kGeneric, 0, "generic") \
  X(kAvx2, 1, "avx2")       \
  X(kAvx512, 2, "avx512")

namespace lab {

#define LAB_ENUM_ENTRY(id, value, js_name) id = value,
// The epilogue of a matmul, and the activation whose gradient a Dense backward pass applies.
enum class Activation { LAB_ACTIVATIONS(LAB_ENUM_ENTRY) };
// Broadcasting binary arithmetic (elementwise.h).
enum class BinaryOp { LAB_BINARY_OPS(LAB_ENUM_ENTRY) };
// Instruction sets the kernels are compiled for, best last (cpu-features.h).
enum class Isa { LAB_ISAS(LAB_ENUM_ENTRY) };
#undef LAB_ENUM_ENTRY

}  // namespace lab
