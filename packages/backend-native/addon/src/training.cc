#include "training.h"

#include <algorithm>
#include <cmath>

#include "gemm.h"

namespace lab {

void BiasActivation(float* c, int rows, int cols, const float* bias, int bias_size, Activation act) {
  for (int i = 0; i < rows; ++i) {
    float* row = c + static_cast<std::ptrdiff_t>(i) * cols;
    if (bias != nullptr) {
      if (bias_size == cols) {
        for (int j = 0; j < cols; ++j) row[j] += bias[j];
      } else {
        const float b0 = bias[0];
        for (int j = 0; j < cols; ++j) row[j] += b0;
      }
    }
    if (act == Activation::kRelu) {
      for (int j = 0; j < cols; ++j) row[j] = row[j] > 0.0f ? row[j] : 0.0f;
    }
  }
}

void DenseBackward(const float* x, const float* w, const float* y, const float* dy, int rows, int in, int out,
                   Activation act, float* dw, float* db, float* dx, float* scratch) {
  const float* g = dy;
  if (act == Activation::kRelu) {
    const std::size_t n = static_cast<std::size_t>(rows) * out;
    for (std::size_t i = 0; i < n; ++i) scratch[i] = y[i] > 0.0f ? dy[i] : 0.0f;
    g = scratch;
  }
  // dw (in × out) = xᵀ (in × rows) · g (rows × out)
  Gemm(in, out, rows, View{x, 1, in}, View{g, out, 1}, dw, out);
  if (db != nullptr) {
    std::fill(db, db + out, 0.0f);
    for (int i = 0; i < rows; ++i) {
      const float* gr = g + static_cast<std::ptrdiff_t>(i) * out;
      for (int j = 0; j < out; ++j) db[j] += gr[j];
    }
  }
  // dx (rows × in) = g (rows × out) · wᵀ (out × in)
  if (dx != nullptr) Gemm(rows, in, out, View{g, out, 1}, View{w, 1, out}, dx, in);
}

void SoftmaxCrossEntropy(const float* logits, const float* labels, int rows, int cols, float* loss, float* grad) {
  for (int i = 0; i < rows; ++i) {
    const float* z = logits + static_cast<std::ptrdiff_t>(i) * cols;
    const float* t = labels + static_cast<std::ptrdiff_t>(i) * cols;
    float* d = grad + static_cast<std::ptrdiff_t>(i) * cols;
    float zmax = -INFINITY;
    for (int j = 0; j < cols; ++j) zmax = std::max(zmax, z[j]);
    double sum = 0.0, label_sum = 0.0, dot = 0.0;
    for (int j = 0; j < cols; ++j) {
      const float e = std::exp(z[j] - zmax);
      d[j] = e;
      sum += e;
      label_sum += t[j];
      dot += static_cast<double>(t[j]) * (z[j] - zmax);
    }
    loss[i] = static_cast<float>(std::log(sum) * label_sum - dot);
    const double norm = label_sum / sum;
    for (int j = 0; j < cols; ++j) d[j] = static_cast<float>(d[j] * norm - t[j]);
  }
}

void AdamUpdate(std::size_t n, const float* g, const float* m, const float* v, const float* param,
                const AdamParams& p, float* out, float* m_out, float* v_out) {
  const float k1 = p.one_minus_beta1, k2 = p.one_minus_beta2;
  for (std::size_t i = 0; i < n; ++i) {
    const float gi = g[i];
    const float mi = p.beta1 * m[i] + k1 * gi;
    const float vi = p.beta2 * v[i] + k2 * gi * gi;
    m_out[i] = mi;
    v_out[i] = vi;
    float u = mi * p.step_scale / (std::sqrt(vi) + p.eps_hat);
    if (p.weight_decay != 0.0f) u += p.weight_decay * param[i];
    u *= p.scale;
    out[i] = param != nullptr ? param[i] + u : u;
  }
}

void MomentumUpdate(std::size_t n, const float* g, const float* trace, const float* param, float decay,
                    bool nesterov, float scale, float* out, float* trace_out) {
  for (std::size_t i = 0; i < n; ++i) {
    const float t = g[i] + decay * trace[i];
    trace_out[i] = t;
    const float u = scale * (nesterov ? g[i] + decay * t : t);
    out[i] = param != nullptr ? param[i] + u : u;
  }
}

void SgdUpdate(std::size_t n, const float* g, const float* param, float scale, float* out) {
  for (std::size_t i = 0; i < n; ++i) out[i] = param != nullptr ? param[i] + scale * g[i] : scale * g[i];
}

}  // namespace lab
