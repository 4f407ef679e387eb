#include "cpu-features.h"

namespace lab {

Isa DetectIsa() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  // AVX-512 kernels use only the foundation subset; AVX2 kernels need FMA too.
  if (__builtin_cpu_supports("avx512f")) return Isa::kAvx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::kAvx2;
#endif
  return Isa::kGeneric;
}

namespace {
Isa& Current() {
  static Isa isa = DetectIsa();
  return isa;
}
}  // namespace

Isa CurrentIsa() { return Current(); }

bool SetIsa(Isa isa) {
  if (static_cast<int>(isa) > static_cast<int>(DetectIsa())) return false;
  Current() = isa;
  return true;
}

const char* IsaName(Isa isa) {
  switch (isa) {
#define LAB_ISA_NAME(id, value, js_name) \
  case Isa::id:                          \
    return js_name;
    LAB_ISAS(LAB_ISA_NAME)
#undef LAB_ISA_NAME
  }
  return "generic";
}

}  // namespace lab
