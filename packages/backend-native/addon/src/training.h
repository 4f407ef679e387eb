// Fused training kernels: whole-layer epilogues and backward passes, losses and optimizer updates.
// Outputs are separate arrays, except that the optimizer updates may write over their own inputs
// element for element (an update in place: out = param, m_out = m, ...).
#pragma once
#include <cstddef>

#include "enums.h"

namespace lab {

// c[i, j] = act(c[i, j] + bias[j % bias_size]) over rows × cols; bias may be null.
void BiasActivation(float* c, int rows, int cols, const float* bias, int bias_size, Activation act);

// Dense backward for y = act(x · w + b): g = dy ⊙ act'(y); dw = xᵀ g; db = Σ_rows g; dx = g wᵀ.
// db and dx may be null (not wanted). scratch must hold rows × out floats.
void DenseBackward(const float* x, const float* w, const float* y, const float* dy, int rows, int in, int out,
                   Activation act, float* dw, float* db, float* dx, float* scratch);

// Per row: loss = lse(z) Σ labels − Σ labels ⊙ z; grad = scale (softmax(z) Σ labels − labels).
void SoftmaxCrossEntropy(const float* logits, const float* labels, int rows, int cols, float scale, float* loss,
                         float* grad);

struct AdamParams {
  float beta1, beta2;
  // 1 − beta1 and 1 − beta2 worked out in double, then rounded: 1.0f − 0.999f is 0.00099998713,
  // not the float nearest 0.001 that the composite tfjs path uses (a 1.3e-5 relative error in v).
  float one_minus_beta1, one_minus_beta2;
  float step_scale;  // sqrt(1 - beta2^t) / (1 - beta1^t)
  float eps_hat;     // epsilon · sqrt(1 - beta2^t)
  float scale;       // multiplies the update (e.g. −learning rate)
  float weight_decay;
};

// m' = b1 m + (1 − b1) g; v' = b2 v + (1 − b2) g²;
// u = scale (m' step_scale / (sqrt(v') + eps_hat) + weight_decay · param);
// out = param + u when param is given, else u. param may be null only when weight_decay is 0.
void AdamUpdate(std::size_t n, const float* g, const float* m, const float* v, const float* param,
                const AdamParams& p, float* out, float* m_out, float* v_out);

// trace' = g + decay · trace; u = scale · (nesterov ? g + decay · trace' : trace');
// out = param + u when param is given, else u.
void MomentumUpdate(std::size_t n, const float* g, const float* trace, const float* param, float decay,
                    bool nesterov, float scale, float* out, float* trace_out);

// RMSProp (optax's scale_by_rms, centered when mu is given): nu' = decay nu + (1 − decay) g²;
// mu' = decay mu + (1 − decay) g; var = nu' (− mu'² when centered);
// u = scale · g / (eps_in_sqrt ? sqrt(var + eps) : sqrt(var) + eps); out = param + u, or u.
// one_minus_decay is 1 − decay worked out in double, then rounded, as the composite ops do.
void RmspropUpdate(std::size_t n, const float* g, const float* nu, const float* mu, const float* param, float decay,
                   float one_minus_decay, float eps, bool eps_in_sqrt, float scale, float* out, float* nu_out,
                   float* mu_out);

// out = param + scale · g when param is given, else scale · g.
void SgdUpdate(std::size_t n, const float* g, const float* param, float scale, float* out);

}  // namespace lab
