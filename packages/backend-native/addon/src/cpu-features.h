// Which instruction set the kernels use, chosen once at load time from what the CPU reports.
#pragma once

#include "enums.h"

namespace lab {

// The best instruction set this CPU (and this build) supports.
Isa DetectIsa();
// The instruction set in use; starts as DetectIsa().
Isa CurrentIsa();
// Forces an instruction set no better than DetectIsa(); returns false (and changes nothing) otherwise.
bool SetIsa(Isa isa);
const char* IsaName(Isa isa);

}  // namespace lab
