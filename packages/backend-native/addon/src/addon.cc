// The N-API surface: thin, checked wrappers from Float32Arrays to the kernels. Every function
// validates lengths before touching memory and throws a TypeError naming the argument at fault.
#include <napi.h>

#include <string>
#include <vector>

#include "cpu-features.h"
#include "elementwise.h"
#include "gemm.h"
#include "thread-pool.h"
#include "training.h"

namespace {

using lab::Activation;

bool Fail(const Napi::Env& env, const std::string& message) {
  Napi::TypeError::New(env, "lab_native: " + message).ThrowAsJavaScriptException();
  return false;
}

// Reads argument i as a Float32Array of at least `need` elements (or null when optional).
bool F32(const Napi::CallbackInfo& info, size_t i, const char* name, size_t need, float** out, bool optional = false) {
  const Napi::Value v = info[i];
  if (optional && (v.IsNull() || v.IsUndefined())) {
    *out = nullptr;
    return true;
  }
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
    return Fail(info.Env(), std::string(name) + " must be a Float32Array");
  }
  Napi::Float32Array a = v.As<Napi::Float32Array>();
  if (a.ElementLength() < need) {
    return Fail(info.Env(), std::string(name) + " has " + std::to_string(a.ElementLength()) + " elements, needs " +
                                std::to_string(need));
  }
  *out = a.Data();
  return true;
}

int Int(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().Int32Value(); }
float Num(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().FloatValue(); }
bool Bool(const Napi::CallbackInfo& info, size_t i) { return info[i].ToBoolean().Value(); }

// matmul(a, b, out, batch, m, n, k, transposeA, transposeB, batchA, batchB, bias | null, activation)
Napi::Value MatMul(const Napi::CallbackInfo& info) {
  const int batch = Int(info, 3), m = Int(info, 4), n = Int(info, 5), k = Int(info, 6);
  const bool ta = Bool(info, 7), tb = Bool(info, 8);
  const int batch_a = Int(info, 9), batch_b = Int(info, 10);
  const int act = Int(info, 12);
  if (batch < 0 || m < 0 || n < 0 || k < 0 || batch_a < 1 || batch_b < 1) {
    Fail(info.Env(), "matmul: negative size");
    return info.Env().Undefined();
  }
  const size_t mk = static_cast<size_t>(m) * k, kn = static_cast<size_t>(k) * n, mn = static_cast<size_t>(m) * n;
  float *a, *b, *c, *bias;
  if (!F32(info, 0, "a", mk * batch_a, &a) || !F32(info, 1, "b", kn * batch_b, &b) ||
      !F32(info, 2, "out", mn * batch, &c) || !F32(info, 11, "bias", 1, &bias, true)) {
    return info.Env().Undefined();
  }
  int bias_size = 0;
  if (bias != nullptr) {
    bias_size = static_cast<int>(info[11].As<Napi::Float32Array>().ElementLength());
    if (bias_size != n && bias_size != 1) {
      Fail(info.Env(), "matmul: bias must have n or 1 elements");
      return info.Env().Undefined();
    }
  }
  for (int bi = 0; bi < batch; ++bi) {
    const float* ab = a + (bi % batch_a) * mk;
    const float* bb = b + (bi % batch_b) * kn;
    const lab::View av = ta ? lab::View{ab, 1, m} : lab::View{ab, k, 1};
    const lab::View bv = tb ? lab::View{bb, 1, k} : lab::View{bb, n, 1};
    lab::Gemm(m, n, k, av, bv, c + bi * mn, n);
  }
  if (bias != nullptr || act != 0) {
    lab::BiasActivation(c, batch * m, n, bias, bias_size, static_cast<Activation>(act));
  }
  return info.Env().Undefined();
}

// denseBackward(x, w, y, dy, rows, in, out, activation, dw, db | null, dx | null)
Napi::Value DenseBackward(const Napi::CallbackInfo& info) {
  const int rows = Int(info, 4), in = Int(info, 5), out = Int(info, 6), act = Int(info, 7);
  const size_t ro = static_cast<size_t>(rows) * out;
  float *x, *w, *y, *dy, *dw, *db, *dx;
  if (!F32(info, 0, "x", static_cast<size_t>(rows) * in, &x) || !F32(info, 1, "w", static_cast<size_t>(in) * out, &w) ||
      !F32(info, 2, "y", ro, &y) || !F32(info, 3, "dy", ro, &dy) ||
      !F32(info, 8, "dw", static_cast<size_t>(in) * out, &dw) || !F32(info, 9, "db", out, &db, true) ||
      !F32(info, 10, "dx", static_cast<size_t>(rows) * in, &dx, true)) {
    return info.Env().Undefined();
  }
  std::vector<float> scratch(act == 0 ? 0 : ro);
  lab::DenseBackward(x, w, y, dy, rows, in, out, static_cast<Activation>(act), dw, db, dx, scratch.data());
  return info.Env().Undefined();
}

// softmaxCrossEntropy(logits, labels, rows, cols, loss, grad, scale = 1)
Napi::Value SoftmaxCrossEntropy(const Napi::CallbackInfo& info) {
  const int rows = Int(info, 2), cols = Int(info, 3);
  const size_t rc = static_cast<size_t>(rows) * cols;
  float *z, *t, *loss, *grad;
  if (!F32(info, 0, "logits", rc, &z) || !F32(info, 1, "labels", rc, &t) || !F32(info, 4, "loss", rows, &loss) ||
      !F32(info, 5, "grad", rc, &grad)) {
    return info.Env().Undefined();
  }
  const float scale = info.Length() > 6 && info[6].IsNumber() ? static_cast<float>(Num(info, 6)) : 1.0f;
  lab::SoftmaxCrossEntropy(z, t, rows, cols, scale, loss, grad);
  return info.Env().Undefined();
}

// adamUpdate(g, m, v, param | null, out, mOut, vOut, beta1, beta2, stepScale, epsHat, scale, weightDecay)
Napi::Value AdamUpdate(const Napi::CallbackInfo& info) {
  if (!info[0].IsTypedArray()) {
    Fail(info.Env(), "adamUpdate: g must be a Float32Array");
    return info.Env().Undefined();
  }
  const size_t n = info[0].As<Napi::TypedArray>().ElementLength();
  float *g, *m, *v, *p, *out, *mo, *vo;
  if (!F32(info, 0, "g", n, &g) || !F32(info, 1, "m", n, &m) || !F32(info, 2, "v", n, &v) ||
      !F32(info, 3, "param", n, &p, true) || !F32(info, 4, "out", n, &out) || !F32(info, 5, "mOut", n, &mo) ||
      !F32(info, 6, "vOut", n, &vo)) {
    return info.Env().Undefined();
  }
  const double beta1 = info[7].As<Napi::Number>().DoubleValue(), beta2 = info[8].As<Napi::Number>().DoubleValue();
  const lab::AdamParams params{static_cast<float>(beta1), static_cast<float>(beta2),
                               static_cast<float>(1.0 - beta1), static_cast<float>(1.0 - beta2),
                               static_cast<float>(Num(info, 9)), static_cast<float>(Num(info, 10)),
                               static_cast<float>(Num(info, 11)), static_cast<float>(Num(info, 12))};
  if (params.weight_decay != 0.0f && p == nullptr) {
    Fail(info.Env(), "adamUpdate: weight decay needs param");
    return info.Env().Undefined();
  }
  lab::AdamUpdate(n, g, m, v, p, params, out, mo, vo);
  return info.Env().Undefined();
}

// momentumUpdate(g, trace, param | null, out, traceOut, decay, nesterov, scale)
Napi::Value MomentumUpdate(const Napi::CallbackInfo& info) {
  if (!info[0].IsTypedArray()) {
    Fail(info.Env(), "momentumUpdate: g must be a Float32Array");
    return info.Env().Undefined();
  }
  const size_t n = info[0].As<Napi::TypedArray>().ElementLength();
  float *g, *t, *p, *out, *to;
  if (!F32(info, 0, "g", n, &g) || !F32(info, 1, "trace", n, &t) || !F32(info, 2, "param", n, &p, true) ||
      !F32(info, 3, "out", n, &out) || !F32(info, 4, "traceOut", n, &to)) {
    return info.Env().Undefined();
  }
  lab::MomentumUpdate(n, g, t, p, Num(info, 5), Bool(info, 6), Num(info, 7), out, to);
  return info.Env().Undefined();
}

// rmspropUpdate(g, nu, mu | null, param | null, out, nuOut, muOut | null, decay, epsilon, epsInSqrt, scale)
Napi::Value RmspropUpdate(const Napi::CallbackInfo& info) {
  if (!info[0].IsTypedArray()) {
    Fail(info.Env(), "rmspropUpdate: g must be a Float32Array");
    return info.Env().Undefined();
  }
  const size_t n = info[0].As<Napi::TypedArray>().ElementLength();
  float *g, *nu, *mu, *p, *out, *nuo, *muo;
  if (!F32(info, 0, "g", n, &g) || !F32(info, 1, "nu", n, &nu) || !F32(info, 2, "mu", n, &mu, true) ||
      !F32(info, 3, "param", n, &p, true) || !F32(info, 4, "out", n, &out) || !F32(info, 5, "nuOut", n, &nuo) ||
      !F32(info, 6, "muOut", n, &muo, true)) {
    return info.Env().Undefined();
  }
  if ((mu == nullptr) != (muo == nullptr)) {
    Fail(info.Env(), "rmspropUpdate: mu and muOut must be given together");
    return info.Env().Undefined();
  }
  const double decay = info[7].As<Napi::Number>().DoubleValue();
  lab::RmspropUpdate(n, g, nu, mu, p, static_cast<float>(decay), static_cast<float>(1.0 - decay), Num(info, 8),
                     Bool(info, 9), Num(info, 10), out, nuo, muo);
  return info.Env().Undefined();
}

// sgdUpdate(g, param | null, out, scale)
Napi::Value SgdUpdate(const Napi::CallbackInfo& info) {
  if (!info[0].IsTypedArray()) {
    Fail(info.Env(), "sgdUpdate: g must be a Float32Array");
    return info.Env().Undefined();
  }
  const size_t n = info[0].As<Napi::TypedArray>().ElementLength();
  float *g, *p, *out;
  if (!F32(info, 0, "g", n, &g) || !F32(info, 1, "param", n, &p, true) || !F32(info, 2, "out", n, &out)) {
    return info.Env().Undefined();
  }
  lab::SgdUpdate(n, g, p, Num(info, 3), out);
  return info.Env().Undefined();
}

// binary(op, a, b, out): out[i] = op(a[i % a.length], b[i % b.length]); both lengths divide out's.
Napi::Value Binary(const Napi::CallbackInfo& info) {
  const int op = Int(info, 0);
  float *a, *b, *out;
  if (!F32(info, 1, "a", 0, &a) || !F32(info, 2, "b", 0, &b) || !F32(info, 3, "out", 0, &out)) {
    return info.Env().Undefined();
  }
  const size_t na = info[1].As<Napi::TypedArray>().ElementLength();
  const size_t nb = info[2].As<Napi::TypedArray>().ElementLength();
  const size_t n = info[3].As<Napi::TypedArray>().ElementLength();
  if (op < 0 || op > 6 || (n > 0 && (na == 0 || nb == 0 || n % na != 0 || n % nb != 0))) {
    Fail(info.Env(), "binary: bad op or sizes");
    return info.Env().Undefined();
  }
  if (n > 0) lab::Binary(static_cast<lab::BinaryOp>(op), a, na, b, nb, out, n);
  return info.Env().Undefined();
}

// info() → { isa, detectedIsa, threads }
Napi::Value Info(const Napi::CallbackInfo& info) {
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("isa", lab::IsaName(lab::CurrentIsa()));
  o.Set("detectedIsa", lab::IsaName(lab::DetectIsa()));
  o.Set("threads", lab::Threads());
  return o;
}

// setIsa('generic' | 'avx2' | 'avx512') → whether the CPU supports it (and it is now in use)
Napi::Value SetIsa(const Napi::CallbackInfo& info) {
  const std::string name = info[0].As<Napi::String>().Utf8Value();
  lab::Isa isa = lab::Isa::kGeneric;
  if (name == "avx2") isa = lab::Isa::kAvx2;
  else if (name == "avx512") isa = lab::Isa::kAvx512;
  else if (name != "generic") return Napi::Boolean::New(info.Env(), false);
  return Napi::Boolean::New(info.Env(), lab::SetIsa(isa));
}

// setThreads(n)
Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  lab::SetThreads(Int(info, 0));
  return info.Env().Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("matmul", Napi::Function::New(env, MatMul));
  exports.Set("denseBackward", Napi::Function::New(env, DenseBackward));
  exports.Set("softmaxCrossEntropy", Napi::Function::New(env, SoftmaxCrossEntropy));
  exports.Set("rmspropUpdate", Napi::Function::New(env, RmspropUpdate));
  exports.Set("adamUpdate", Napi::Function::New(env, AdamUpdate));
  exports.Set("momentumUpdate", Napi::Function::New(env, MomentumUpdate));
  exports.Set("sgdUpdate", Napi::Function::New(env, SgdUpdate));
  exports.Set("binary", Napi::Function::New(env, Binary));
  exports.Set("info", Napi::Function::New(env, Info));
  exports.Set("setIsa", Napi::Function::New(env, SetIsa));
  exports.Set("setThreads", Napi::Function::New(env, SetThreads));
  return exports;
}

}  // namespace

NODE_API_MODULE(lab_native, Init)
