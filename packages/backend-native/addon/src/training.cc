#include "training.h"

#include <algorithm>
#include <cmath>

#include "cpu-features.h"
#include "gemm.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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
      // tfjs's relu (x < 0 ? 0 : x): NaN stays NaN instead of becoming 0.
      for (int j = 0; j < cols; ++j) row[j] = row[j] < 0.0f ? 0.0f : row[j];
    }
  }
}

void DenseBackward(const float* x, const float* w, const float* y, const float* dy, int rows, int in, int out,
                   Activation act, float* dw, float* db, float* dx, float* scratch) {
  const float* g = dy;
  if (act == Activation::kRelu) {
    const std::size_t n = static_cast<std::size_t>(rows) * out;
    // tfjs's relu gradient, dy · step(x): step is NaN where x is NaN (and so is y).
    for (std::size_t i = 0; i < n; ++i) scratch[i] = y[i] > 0.0f ? dy[i] : (std::isnan(y[i]) ? y[i] : 0.0f);
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

void SoftmaxCrossEntropy(const float* logits, const float* labels, int rows, int cols, float scale, float* loss,
                         float* grad) {
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
    for (int j = 0; j < cols; ++j) d[j] = static_cast<float>(d[j] * norm - t[j]) * scale;
  }
}

namespace {

// One element of Adam's rule; the vector loops below do the same operations in the same order,
// so every path gives the same bits.
inline void AdamOne(std::size_t i, const float* g, const float* m, const float* v, const float* param,
                    const AdamParams& p, float* out, float* m_out, float* v_out) {
  const float gi = g[i];
  const float mi = p.beta1 * m[i] + p.one_minus_beta1 * gi;
  const float vi = p.beta2 * v[i] + p.one_minus_beta2 * (gi * gi);
  m_out[i] = mi;
  v_out[i] = vi;
  float u = (mi * p.step_scale) / (std::sqrt(vi) + p.eps_hat);
  if (p.weight_decay != 0.0f) u += p.weight_decay * param[i];
  u *= p.scale;
  out[i] = param != nullptr ? param[i] + u : u;
}

#if defined(__x86_64__)
// Eight lanes at a time with AVX (no FMA: a fused multiply-add would round differently from the
// scalar tail and the generic build). Each block is loaded before it is stored, so outputs may be
// the inputs themselves (an update in place).
__attribute__((target("avx2"))) void AdamAvx2(std::size_t n, const float* g, const float* m, const float* v,
                                               const float* param, const AdamParams& p, float* out, float* m_out,
                                               float* v_out) {
  const __m256 b1 = _mm256_set1_ps(p.beta1), k1 = _mm256_set1_ps(p.one_minus_beta1);
  const __m256 b2 = _mm256_set1_ps(p.beta2), k2 = _mm256_set1_ps(p.one_minus_beta2);
  const __m256 step = _mm256_set1_ps(p.step_scale), eps = _mm256_set1_ps(p.eps_hat);
  const __m256 wd = _mm256_set1_ps(p.weight_decay), scale = _mm256_set1_ps(p.scale);
  const bool decay = p.weight_decay != 0.0f;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 gi = _mm256_loadu_ps(g + i);
    const __m256 mi = _mm256_add_ps(_mm256_mul_ps(b1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(k1, gi));
    const __m256 vi =
        _mm256_add_ps(_mm256_mul_ps(b2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(k2, _mm256_mul_ps(gi, gi)));
    __m256 u = _mm256_div_ps(_mm256_mul_ps(mi, step), _mm256_add_ps(_mm256_sqrt_ps(vi), eps));
    __m256 pi = _mm256_setzero_ps();
    if (param != nullptr) pi = _mm256_loadu_ps(param + i);
    if (decay) u = _mm256_add_ps(u, _mm256_mul_ps(wd, pi));
    u = _mm256_mul_ps(u, scale);
    _mm256_storeu_ps(m_out + i, mi);
    _mm256_storeu_ps(v_out + i, vi);
    _mm256_storeu_ps(out + i, param != nullptr ? _mm256_add_ps(pi, u) : u);
  }
  for (; i < n; ++i) AdamOne(i, g, m, v, param, p, out, m_out, v_out);
}
#endif

}  // namespace

void AdamUpdate(std::size_t n, const float* g, const float* m, const float* v, const float* param,
                const AdamParams& p, float* out, float* m_out, float* v_out) {
#if defined(__x86_64__)
  if (CurrentIsa() != Isa::kGeneric) return AdamAvx2(n, g, m, v, param, p, out, m_out, v_out);
#endif
  for (std::size_t i = 0; i < n; ++i) AdamOne(i, g, m, v, param, p, out, m_out, v_out);
}

namespace {

inline void RmspropOne(std::size_t i, const float* g, const float* nu, const float* mu, const float* param,
                       float decay, float keep, float eps, bool eps_in_sqrt, float scale, float* out, float* nu_out,
                       float* mu_out) {
  const float gi = g[i];
  const float ni = nu[i] * decay + (gi * gi) * keep;
  float var = ni;
  if (mu != nullptr) {
    const float mi = mu[i] * decay + gi * keep;
    mu_out[i] = mi;
    var = ni - mi * mi;
  }
  nu_out[i] = ni;
  const float den = eps_in_sqrt ? std::sqrt(var + eps) : std::sqrt(var) + eps;
  const float u = (gi / den) * scale;
  out[i] = param != nullptr ? param[i] + u : u;
}

// The same loop compiled for AVX2 (no FMA, so it rounds as the generic build); GCC vectorizes it
// when the outputs do not overlap the inputs and runs it element by element when they are the
// same arrays (an update in place), which is also correct.
#if defined(__x86_64__)
__attribute__((target("avx2"))) void RmspropAvx2(std::size_t n, const float* g, const float* nu, const float* mu,
                                                  const float* param, float decay, float keep, float eps,
                                                  bool eps_in_sqrt, float scale, float* out, float* nu_out,
                                                  float* mu_out) {
  for (std::size_t i = 0; i < n; ++i) RmspropOne(i, g, nu, mu, param, decay, keep, eps, eps_in_sqrt, scale, out, nu_out, mu_out);
}
#endif

}  // namespace

void RmspropUpdate(std::size_t n, const float* g, const float* nu, const float* mu, const float* param, float decay,
                   float one_minus_decay, float eps, bool eps_in_sqrt, float scale, float* out, float* nu_out,
                   float* mu_out) {
#if defined(__x86_64__)
  if (CurrentIsa() != Isa::kGeneric) {
    return RmspropAvx2(n, g, nu, mu, param, decay, one_minus_decay, eps, eps_in_sqrt, scale, out, nu_out, mu_out);
  }
#endif
  for (std::size_t i = 0; i < n; ++i) {
    RmspropOne(i, g, nu, mu, param, decay, one_minus_decay, eps, eps_in_sqrt, scale, out, nu_out, mu_out);
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
