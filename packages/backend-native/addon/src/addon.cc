// The N-API surface: checked wrappers from Float32Arrays and attrs objects to the kernels. Every
// entry point is `fn(arrays..., attrs)`: the arrays positionally (outputs after inputs, null for
// an optional one), sizes and options in one object read into a struct. args.h checks them all
// before any memory is touched and throws a TypeError or RangeError naming the function and the
// argument; Guard() turns any C++ exception into a JavaScript error, so no input crashes Node.
#include <napi.h>

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "args.h"
#include "conv.h"
#include "cpu-features.h"
#include "elementwise.h"
#include "enums.h"
#include "filter.h"
#include "gemm.h"
#include "pool.h"
#include "thread-pool.h"
#include "training.h"

namespace {

using lab::Activation;
using lab::napi::Args;
using lab::napi::Attrs;
using lab::napi::F32;
using lab::napi::F64;
using lab::napi::Guard;
using lab::napi::Key;

struct MatMulAttrs {
  int batch, m, n, k;
  bool transpose_a, transpose_b;
  int batch_a, batch_b;  // A and B hold batch_a and batch_b matrices; batch i reads i % batch_a, i % batch_b
  Activation activation;

  explicit MatMulAttrs(const Attrs& a)
      : batch(a.Size(Key::batch)),
        m(a.Size(Key::m)),
        n(a.Size(Key::n)),
        k(a.Size(Key::k)),
        transpose_a(a.Bool(Key::transposeA)),
        transpose_b(a.Bool(Key::transposeB)),
        batch_a(a.Size(Key::batchA, 1)),
        batch_b(a.Size(Key::batchB, 1)),
        activation(a.ActivationCode(Key::activation)) {}
};

// matmul(a, b, out, bias | null, { batch, m, n, k, transposeA, transposeB, batchA, batchB, activation })
Napi::Value MatMul(const Napi::CallbackInfo& info) {
  return Guard(info, "matmul", [&] {
    const Args args(info, "matmul", "a, b, out, bias, attrs");
    const MatMulAttrs at(args.AttrsAt(4));
    const int batch = at.batch, m = at.m, n = at.n, k = at.k, batch_a = at.batch_a, batch_b = at.batch_b;
    const std::size_t mk = args.Product(m, k, "m × k"), kn = args.Product(k, n, "k × n"),
                      mn = args.Product(m, n, "m × n");
    const F32 a = args.Float32(0, args.Product(mk, batch_a, "batchA × m × k"), "batchA × m × k");
    const F32 b = args.Float32(1, args.Product(kn, batch_b, "batchB × k × n"), "batchB × k × n");
    const F32 c = args.Float32(2, args.Product(mn, batch, "batch × m × n"), "batch × m × n");
    const F32 bias = args.OptionalFloat32(3);
    if (bias.given && bias.length != static_cast<std::size_t>(n) && bias.length != 1) {
      args.Fail("bias has " + std::to_string(bias.length) + " elements, needs n (" + std::to_string(n) + ") or 1", true);
    }
    // The epilogue walks batch × m rows as one int.
    if (static_cast<std::size_t>(batch) * m > INT_MAX) args.Fail("batch × m must be at most 2147483647", true);
    if (mn * batch == 0) return info.Env().Undefined();  // nothing to write
    for (int bi = 0; bi < batch; ++bi) {
      const float* ab = a.data + (bi % batch_a) * mk;
      const float* bb = b.data + (bi % batch_b) * kn;
      const lab::View av = at.transpose_a ? lab::View{ab, 1, m} : lab::View{ab, k, 1};
      const lab::View bv = at.transpose_b ? lab::View{bb, 1, k} : lab::View{bb, n, 1};
      lab::Gemm(m, n, k, av, bv, c.data + bi * mn, n);
    }
    if (bias.given || at.activation != Activation::kLinear) {
      lab::BiasActivation(c.data, batch * m, n, bias.data, static_cast<int>(bias.length), at.activation);
    }
    return info.Env().Undefined();
  });
}

struct DenseBackwardAttrs {
  int rows, inputs, outputs;
  Activation activation;

  explicit DenseBackwardAttrs(const Attrs& a)
      : rows(a.Size(Key::rows)),
        inputs(a.Size(Key::inputs)),
        outputs(a.Size(Key::outputs)),
        activation(a.ActivationCode(Key::activation)) {}
};

// denseBackward(x, w, y, dy, dw, db | null, dx | null, { rows, inputs, outputs, activation })
Napi::Value DenseBackward(const Napi::CallbackInfo& info) {
  return Guard(info, "denseBackward", [&] {
    const Args args(info, "denseBackward", "x, w, y, dy, dw, db, dx, attrs");
    const DenseBackwardAttrs at(args.AttrsAt(7));
    const int rows = at.rows, in = at.inputs, out = at.outputs;
    const std::size_t ri = args.Product(rows, in, "rows × inputs"), io = args.Product(in, out, "inputs × outputs"),
                      ro = args.Product(rows, out, "rows × outputs");
    const F32 x = args.Float32(0, ri, "rows × inputs");
    const F32 w = args.Float32(1, io, "inputs × outputs");
    const F32 y = args.Float32(2, ro, "rows × outputs");
    const F32 dy = args.Float32(3, ro, "rows × outputs");
    const F32 dw = args.Float32(4, io, "inputs × outputs");
    const F32 db = args.OptionalFloat32(5, out, "outputs");
    const F32 dx = args.OptionalFloat32(6, ri, "rows × inputs");
    if (io == 0 && (!db.given || out == 0) && (!dx.given || ri == 0)) return info.Env().Undefined();  // nothing to write
    std::vector<float> scratch(at.activation == Activation::kLinear ? 0 : ro);
    lab::DenseBackward(x.data, w.data, y.data, dy.data, rows, in, out, at.activation, dw.data, db.data, dx.data,
                       scratch.data());
    return info.Env().Undefined();
  });
}

// softmaxCrossEntropy(logits, labels, loss, grad, { rows, cols, scale = 1 })
Napi::Value SoftmaxCrossEntropy(const Napi::CallbackInfo& info) {
  return Guard(info, "softmaxCrossEntropy", [&] {
    const Args args(info, "softmaxCrossEntropy", "logits, labels, loss, grad, attrs");
    const Attrs attrs = args.AttrsAt(4);
    const int rows = attrs.Size(Key::rows), cols = attrs.Size(Key::cols);
    const float scale = static_cast<float>(attrs.OptionalNumber(Key::scale, 1.0));
    const std::size_t rc = args.Product(rows, cols, "rows × cols");
    const F32 z = args.Float32(0, rc, "rows × cols");
    const F32 t = args.Float32(1, rc, "rows × cols");
    const F32 loss = args.Float32(2, rows, "rows");
    const F32 grad = args.Float32(3, rc, "rows × cols");
    lab::SoftmaxCrossEntropy(z.data, t.data, rows, cols, scale, loss.data, grad.data);
    return info.Env().Undefined();
  });
}

// adamUpdate(g, m, v, param | null, out, mOut, vOut, { beta1, beta2, stepScale, epsHat, scale, weightDecay })
// Every array has (at least) g's length.
Napi::Value AdamUpdate(const Napi::CallbackInfo& info) {
  return Guard(info, "adamUpdate", [&] {
    const Args args(info, "adamUpdate", "g, m, v, param, out, mOut, vOut, attrs");
    const F32 g = args.Float32(0);
    const std::size_t n = g.length;
    const F32 m = args.Float32(1, n, "g's length"), v = args.Float32(2, n, "g's length");
    const F32 p = args.OptionalFloat32(3, n, "g's length");
    const F32 out = args.Float32(4, n, "g's length"), mo = args.Float32(5, n, "g's length"),
              vo = args.Float32(6, n, "g's length");
    const Attrs attrs = args.AttrsAt(7);
    const double beta1 = attrs.Number(Key::beta1), beta2 = attrs.Number(Key::beta2);
    const float step_scale = static_cast<float>(attrs.Number(Key::stepScale));
    const float eps_hat = static_cast<float>(attrs.Number(Key::epsHat));
    const float scale = static_cast<float>(attrs.Number(Key::scale));
    const float weight_decay = static_cast<float>(attrs.Number(Key::weightDecay));
    const lab::AdamParams params{static_cast<float>(beta1), static_cast<float>(beta2),
                                 static_cast<float>(1.0 - beta1), static_cast<float>(1.0 - beta2),
                                 step_scale, eps_hat, scale, weight_decay};
    if (params.weight_decay != 0.0f && !p.given) args.Fail("attrs.weightDecay is not 0, which needs param (got null)");
    lab::AdamUpdate(n, g.data, m.data, v.data, p.data, params, out.data, mo.data, vo.data);
    return info.Env().Undefined();
  });
}

// momentumUpdate(g, trace, param | null, out, traceOut, { decay, nesterov, scale })
Napi::Value MomentumUpdate(const Napi::CallbackInfo& info) {
  return Guard(info, "momentumUpdate", [&] {
    const Args args(info, "momentumUpdate", "g, trace, param, out, traceOut, attrs");
    const F32 g = args.Float32(0);
    const std::size_t n = g.length;
    const F32 t = args.Float32(1, n, "g's length");
    const F32 p = args.OptionalFloat32(2, n, "g's length");
    const F32 out = args.Float32(3, n, "g's length"), to = args.Float32(4, n, "g's length");
    const Attrs attrs = args.AttrsAt(5);
    const float decay = static_cast<float>(attrs.Number(Key::decay));
    const bool nesterov = attrs.Bool(Key::nesterov);
    const float scale = static_cast<float>(attrs.Number(Key::scale));
    lab::MomentumUpdate(n, g.data, t.data, p.data, decay, nesterov, scale, out.data, to.data);
    return info.Env().Undefined();
  });
}

// rmspropUpdate(g, nu, mu | null, param | null, out, nuOut, muOut | null, { decay, epsilon, epsInSqrt, scale })
Napi::Value RmspropUpdate(const Napi::CallbackInfo& info) {
  return Guard(info, "rmspropUpdate", [&] {
    const Args args(info, "rmspropUpdate", "g, nu, mu, param, out, nuOut, muOut, attrs");
    const F32 g = args.Float32(0);
    const std::size_t n = g.length;
    const F32 nu = args.Float32(1, n, "g's length");
    const F32 mu = args.OptionalFloat32(2, n, "g's length"), p = args.OptionalFloat32(3, n, "g's length");
    const F32 out = args.Float32(4, n, "g's length"), nuo = args.Float32(5, n, "g's length");
    const F32 muo = args.OptionalFloat32(6, n, "g's length");
    if (mu.given != muo.given) args.Fail("mu and muOut must be given together (or both null)");
    const Attrs attrs = args.AttrsAt(7);
    const double decay = attrs.Number(Key::decay);
    const float epsilon = static_cast<float>(attrs.Number(Key::epsilon));
    const bool eps_in_sqrt = attrs.Bool(Key::epsInSqrt);
    const float scale = static_cast<float>(attrs.Number(Key::scale));
    lab::RmspropUpdate(n, g.data, nu.data, mu.given ? mu.data : nullptr, p.data, static_cast<float>(decay),
                       static_cast<float>(1.0 - decay), epsilon, eps_in_sqrt, scale, out.data, nuo.data,
                       muo.given ? muo.data : nullptr);
    return info.Env().Undefined();
  });
}

// sgdUpdate(g, param | null, out, { scale })
Napi::Value SgdUpdate(const Napi::CallbackInfo& info) {
  return Guard(info, "sgdUpdate", [&] {
    const Args args(info, "sgdUpdate", "g, param, out, attrs");
    const F32 g = args.Float32(0);
    const std::size_t n = g.length;
    const F32 p = args.OptionalFloat32(1, n, "g's length");
    const F32 out = args.Float32(2, n, "g's length");
    const float scale = static_cast<float>(args.AttrsAt(3).Number(Key::scale));
    lab::SgdUpdate(n, g.data, p.data, scale, out.data);
    return info.Env().Undefined();
  });
}

// binary(a, b, out, { op }): out[i] = op(a[i % a.length], b[i % b.length]); both lengths divide out's.
Napi::Value Binary(const Napi::CallbackInfo& info) {
  return Guard(info, "binary", [&] {
    const Args args(info, "binary", "a, b, out, attrs");
    const lab::BinaryOp op = args.AttrsAt(3).BinaryOpCode(Key::op);
    const F32 a = args.Float32(0), b = args.Float32(1), out = args.Float32(2);
    const std::size_t na = a.length, nb = b.length, n = out.length;
    if (n > 0 && (na == 0 || nb == 0 || n % na != 0 || n % nb != 0)) {
      args.Fail("the lengths of a (" + std::to_string(na) + ") and b (" + std::to_string(nb) +
                    ") must be nonzero and divide out's (" + std::to_string(n) + ")",
                true);
    }
    if (n > 0) lab::Binary(op, a.data, na, b.data, nb, out.data, n);
    return info.Env().Undefined();
  });
}

// The sizes of a convolution: { batch, inHeight, inWidth, inChannels, outHeight, outWidth,
// outChannels, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth,
// padTop, padLeft }; filter sizes, strides and dilations at least 1. Also the element counts of
// its arrays, checked for overflow.
struct ConvSizes {
  lab::ConvShape s;
  std::size_t x, filter, y;

  ConvSizes(const Args& args, const Attrs& a)
      : s{a.Size(Key::batch),          a.Size(Key::inHeight),        a.Size(Key::inWidth),
          a.Size(Key::inChannels),     a.Size(Key::outHeight),       a.Size(Key::outWidth),
          a.Size(Key::outChannels),    a.Size(Key::filterHeight, 1), a.Size(Key::filterWidth, 1),
          a.Size(Key::strideHeight, 1), a.Size(Key::strideWidth, 1), a.Size(Key::dilationHeight, 1),
          a.Size(Key::dilationWidth, 1), a.Size(Key::padTop),        a.Size(Key::padLeft)} {
    const char* taps_what = "attrs.filterHeight × attrs.filterWidth × attrs.inChannels";
    const std::size_t taps = args.Product(s.filter_h, s.filter_w, s.in_c, taps_what);
    // The GEMM's depth (forward) or width (input gradient) is one int.
    if (taps > INT_MAX) args.Fail(std::string(taps_what) + " must be at most 2147483647", true);
    x = args.Product(args.Product(s.batch, s.in_h, s.in_w, "batch × inHeight × inWidth × inChannels"), s.in_c,
                     "batch × inHeight × inWidth × inChannels");
    filter = args.Product(taps, s.out_c, "filterHeight × filterWidth × inChannels × outChannels");
    y = args.Product(args.Product(s.batch, s.out_h, s.out_w, "batch × outHeight × outWidth × outChannels"), s.out_c,
                     "batch × outHeight × outWidth × outChannels");
  }
};

constexpr const char* kXSize = "batch × inHeight × inWidth × inChannels";
constexpr const char* kFilterSize = "filterHeight × filterWidth × inChannels × outChannels";
constexpr const char* kYSize = "batch × outHeight × outWidth × outChannels";

// conv2d(x, filter, bias | null, out, { ...conv sizes, activation }): out = act(conv(x, filter) + bias),
// NHWC; bias has outChannels values or 1.
Napi::Value Conv2D(const Napi::CallbackInfo& info) {
  return Guard(info, "conv2d", [&] {
    const Args args(info, "conv2d", "x, filter, bias, out, attrs");
    const Attrs attrs = args.AttrsAt(4);
    const ConvSizes z(args, attrs);
    const Activation activation = attrs.ActivationCode(Key::activation);
    const F32 x = args.Float32(0, z.x, kXSize);
    const F32 filter = args.Float32(1, z.filter, kFilterSize);
    const F32 bias = args.OptionalFloat32(2);
    const F32 out = args.Float32(3, z.y, kYSize);
    if (bias.given && bias.length != static_cast<std::size_t>(z.s.out_c) && bias.length != 1) {
      args.Fail("bias has " + std::to_string(bias.length) + " elements, needs outChannels (" +
                    std::to_string(z.s.out_c) + ") or 1",
                true);
    }
    if (z.y == 0) return info.Env().Undefined();  // nothing to write
    lab::Conv2DForward(z.s, x.data, filter.data, bias.data, static_cast<int>(bias.length), activation, out.data);
    return info.Env().Undefined();
  });
}

// conv2dBackpropInput(dy, filter, dx, { ...conv sizes }): the input's gradient.
Napi::Value Conv2DBackpropInput(const Napi::CallbackInfo& info) {
  return Guard(info, "conv2dBackpropInput", [&] {
    const Args args(info, "conv2dBackpropInput", "dy, filter, dx, attrs");
    const ConvSizes z(args, args.AttrsAt(3));
    const F32 dy = args.Float32(0, z.y, kYSize);
    const F32 filter = args.Float32(1, z.filter, kFilterSize);
    const F32 dx = args.Float32(2, z.x, kXSize);
    if (z.x == 0) return info.Env().Undefined();
    lab::Conv2DBackpropInput(z.s, dy.data, filter.data, dx.data);
    return info.Env().Undefined();
  });
}

// conv2dBackpropFilter(x, dy, dfilter, { ...conv sizes }): the filter's gradient.
Napi::Value Conv2DBackpropFilter(const Napi::CallbackInfo& info) {
  return Guard(info, "conv2dBackpropFilter", [&] {
    const Args args(info, "conv2dBackpropFilter", "x, dy, dfilter, attrs");
    const ConvSizes z(args, args.AttrsAt(3));
    const F32 x = args.Float32(0, z.x, kXSize);
    const F32 dy = args.Float32(1, z.y, kYSize);
    const F32 dfilter = args.Float32(2, z.filter, kFilterSize);
    if (z.filter == 0) return info.Env().Undefined();
    lab::Conv2DBackpropFilter(z.s, x.data, dy.data, dfilter.data);
    return info.Env().Undefined();
  });
}

// The sizes of a pool: { batch, inHeight, inWidth, channels, outHeight, outWidth, filterHeight,
// filterWidth, strideHeight, strideWidth, padTop, padLeft }, and the element counts of x and y.
struct PoolSizes {
  lab::PoolShape s;
  std::size_t x, y;

  PoolSizes(const Args& args, const Attrs& a)
      : s{a.Size(Key::batch),          a.Size(Key::inHeight),        a.Size(Key::inWidth),
          a.Size(Key::channels),       a.Size(Key::outHeight),       a.Size(Key::outWidth),
          a.Size(Key::filterHeight, 1), a.Size(Key::filterWidth, 1), a.Size(Key::strideHeight, 1),
          a.Size(Key::strideWidth, 1), a.Size(Key::padTop),          a.Size(Key::padLeft)} {
    x = args.Product(args.Product(s.batch, s.in_h, s.in_w, "batch × inHeight × inWidth × channels"), s.channels,
                     "batch × inHeight × inWidth × channels");
    y = args.Product(args.Product(s.batch, s.out_h, s.out_w, "batch × outHeight × outWidth × channels"), s.channels,
                     "batch × outHeight × outWidth × channels");
  }
};

constexpr const char* kPoolXSize = "batch × inHeight × inWidth × channels";
constexpr const char* kPoolYSize = "batch × outHeight × outWidth × channels";

// maxPool(x, out, { ...pool sizes }) and avgPool(x, out, { ...pool sizes }).
template <void (*Kernel)(const lab::PoolShape&, const float*, float*)>
Napi::Value Pool(const Napi::CallbackInfo& info, const char* fn) {
  return Guard(info, fn, [&] {
    const Args args(info, fn, "x, out, attrs");
    const PoolSizes z(args, args.AttrsAt(2));
    const F32 x = args.Float32(0, z.x, kPoolXSize);
    const F32 out = args.Float32(1, z.y, kPoolYSize);
    if (z.y > 0) Kernel(z.s, x.data, out.data);
    return info.Env().Undefined();
  });
}

Napi::Value MaxPool(const Napi::CallbackInfo& info) { return Pool<lab::MaxPool>(info, "maxPool"); }
Napi::Value AvgPool(const Napi::CallbackInfo& info) { return Pool<lab::AvgPool>(info, "avgPool"); }

// maxPoolGrad(x, dy, dx, { ...pool sizes }): dy of each window added at its maximum in x.
Napi::Value MaxPoolGrad(const Napi::CallbackInfo& info) {
  return Guard(info, "maxPoolGrad", [&] {
    const Args args(info, "maxPoolGrad", "x, dy, dx, attrs");
    const PoolSizes z(args, args.AttrsAt(3));
    const F32 x = args.Float32(0, z.x, kPoolXSize);
    const F32 dy = args.Float32(1, z.y, kPoolYSize);
    const F32 dx = args.Float32(2, z.x, kPoolXSize);
    if (z.x > 0) lab::MaxPoolGrad(z.s, x.data, dy.data, dx.data);
    return info.Env().Undefined();
  });
}

// avgPoolGrad(dy, dx, { ...pool sizes }).
Napi::Value AvgPoolGrad(const Napi::CallbackInfo& info) {
  return Guard(info, "avgPoolGrad", [&] {
    const Args args(info, "avgPoolGrad", "dy, dx, attrs");
    const PoolSizes z(args, args.AttrsAt(2));
    const F32 dy = args.Float32(0, z.y, kPoolYSize);
    const F32 dx = args.Float32(1, z.x, kPoolXSize);
    if (z.x > 0) lab::AvgPoolGrad(z.s, dy.data, dx.data);
    return info.Env().Undefined();
  });
}

// relu(x, out, {}): out[i] = x[i] < 0 ? 0 : x[i] over x's length.
Napi::Value Relu(const Napi::CallbackInfo& info) {
  return Guard(info, "relu", [&] {
    const Args args(info, "relu", "x, out, attrs");
    args.AttrsAt(2);
    const F32 x = args.Float32(0);
    const F32 out = args.Float32(1, x.length, "x's length");
    if (x.length > 0) lab::Relu(x.data, out.data, x.length);
    return info.Env().Undefined();
  });
}

// step(x, out, { alpha }): out[i] = x[i] > 0 ? 1 : (NaN ? NaN : alpha) over x's length.
Napi::Value Step(const Napi::CallbackInfo& info) {
  return Guard(info, "step", [&] {
    const Args args(info, "step", "x, out, attrs");
    const float alpha = static_cast<float>(args.AttrsAt(2).Number(Key::alpha));
    const F32 x = args.Float32(0);
    const F32 out = args.Float32(1, x.length, "x's length");
    if (x.length > 0) lab::Step(x.data, alpha, out.data, x.length);
    return info.Env().Undefined();
  });
}

// columnSums(x, out, { rows, cols }): out[j] = Σ_i x[i, j], summed in double.
Napi::Value ColumnSums(const Napi::CallbackInfo& info) {
  return Guard(info, "columnSums", [&] {
    const Args args(info, "columnSums", "x, out, attrs");
    const Attrs attrs = args.AttrsAt(2);
    const int rows = attrs.Size(Key::rows), cols = attrs.Size(Key::cols);
    const F32 x = args.Float32(0, args.Product(rows, cols, "rows × cols"), "rows × cols");
    const F32 out = args.Float32(1, cols, "cols");
    if (cols > 0) lab::ColumnSums(x.data, rows, cols, out.data);
    return info.Env().Undefined();
  });
}

// The sizes of a line filter, { outer, length, inner, cval }, and the extension `at` read from
// `indices` (length + taps − 1 integers in [−1, length), as float64: −1 reads cval).
struct LineFilter {
  lab::LineShape s;
  double cval;
  std::size_t values;
  std::vector<std::int32_t> at;

  LineFilter(const Args& args, const Attrs& a, std::size_t indices_arg, int taps)
      : s{a.Size(Key::outer), a.Size(Key::length), a.Size(Key::inner)}, cval(a.Number(Key::cval)) {
    values = args.Product(s.outer, s.length, s.inner, "outer × length × inner");
    const std::size_t span = static_cast<std::size_t>(s.length) + static_cast<std::size_t>(taps) - 1;
    const F64 indices = args.Float64(indices_arg, span, "length + taps − 1");
    at.resize(span);
    for (std::size_t e = 0; e < span; ++e) {
      const double v = indices.data[e];
      if (!(v >= -1 && v < s.length) || v != static_cast<double>(static_cast<std::int32_t>(v))) {
        args.Fail("indices[" + std::to_string(e) + "] must be an integer in [-1, " + std::to_string(s.length) +
                      "), got " + lab::napi::Describe(Napi::Number::New(args.Env(), v)),
                  true);
      }
      at[e] = static_cast<std::int32_t>(v);
    }
  }
};

constexpr const char* kLineSize = "outer × length × inner";

// correlate1d(x, out, weights, indices, { outer, length, inner, cval }): scipy's correlate1d
// along the middle axis of [outer, length, inner] (filter.h); weights is a non-empty Float64Array.
Napi::Value Correlate1D(const Napi::CallbackInfo& info) {
  return Guard(info, "correlate1d", [&] {
    const Args args(info, "correlate1d", "x, out, weights, indices, attrs");
    const Attrs attrs = args.AttrsAt(4);
    const Napi::Value w = info[2];
    const std::size_t taps = w.IsTypedArray() ? w.As<Napi::TypedArray>().ElementLength() : 0;
    if (taps > static_cast<std::size_t>(INT_MAX)) args.Fail("weights has too many elements", true);
    const F64 weights = args.Float64(2, taps == 0 ? 1 : taps, "at least one tap");
    const LineFilter f(args, attrs, 3, static_cast<int>(taps));
    const F32 x = args.Float32(0, f.values, kLineSize);
    const F32 out = args.Float32(1, f.values, kLineSize);
    if (f.values > 0) lab::Correlate1D(f.s, x.data, out.data, weights.data, static_cast<int>(taps), f.at.data(), f.cval);
    return info.Env().Undefined();
  });
}

// uniform1d(x, out, indices, { outer, length, inner, size, cval }): scipy's uniform_filter1d
// along the middle axis (filter.h), a window of size ≥ 1.
Napi::Value Uniform1D(const Napi::CallbackInfo& info) {
  return Guard(info, "uniform1d", [&] {
    const Args args(info, "uniform1d", "x, out, indices, attrs");
    const Attrs attrs = args.AttrsAt(3);
    const int size = attrs.Size(Key::size, 1);
    const LineFilter f(args, attrs, 2, size);
    const F32 x = args.Float32(0, f.values, kLineSize);
    const F32 out = args.Float32(1, f.values, kLineSize);
    if (f.values > 0) lab::Uniform1D(f.s, x.data, out.data, size, f.at.data(), f.cval);
    return info.Env().Undefined();
  });
}

// info() → { isa, detectedIsa, threads }
Napi::Value Info(const Napi::CallbackInfo& info) {
  return Guard(info, "info", [&] {
    const Args args(info, "info", "");
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("isa", lab::IsaName(lab::CurrentIsa()));
    o.Set("detectedIsa", lab::IsaName(lab::DetectIsa()));
    o.Set("threads", lab::Threads());
    return Napi::Value(o);
  });
}

// setIsa(isa code) → whether the CPU supports it (and it is now in use)
Napi::Value SetIsa(const Napi::CallbackInfo& info) {
  return Guard(info, "setIsa", [&] {
    const Args args(info, "setIsa", "isa");
    return Napi::Value(Napi::Boolean::New(info.Env(), lab::SetIsa(args.IsaAt(0))));
  });
}

// setThreads(threads ≥ 1); more than 64 means 64.
Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  return Guard(info, "setThreads", [&] {
    const Args args(info, "setThreads", "threads");
    lab::SetThreads(args.SizeAt(0, 1));
    return info.Env().Undefined();
  });
}

// The shared enums (enums.h) as { activation: { linear: 0, ... }, binaryOp: { ... }, isa: { ... } }, frozen.
Napi::Object Enums(Napi::Env env) {
  Napi::Object enums = Napi::Object::New(env);
#define LAB_SET(id, value, js_name) group.Set(js_name, value);
#define LAB_GROUP(name, TABLE)                    \
  {                                               \
    Napi::Object group = Napi::Object::New(env); \
    TABLE(LAB_SET)                                \
    group.Freeze();                               \
    enums.Set(name, group);                       \
  }
  LAB_GROUP("activation", LAB_ACTIVATIONS)
  LAB_GROUP("binaryOp", LAB_BINARY_OPS)
  LAB_GROUP("isa", LAB_ISAS)
#undef LAB_GROUP
#undef LAB_SET
  enums.Freeze();
  return enums;
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
  exports.Set("relu", Napi::Function::New(env, Relu));
  exports.Set("step", Napi::Function::New(env, Step));
  exports.Set("columnSums", Napi::Function::New(env, ColumnSums));
  exports.Set("correlate1d", Napi::Function::New(env, Correlate1D));
  exports.Set("uniform1d", Napi::Function::New(env, Uniform1D));
  exports.Set("conv2d", Napi::Function::New(env, Conv2D));
  exports.Set("conv2dBackpropInput", Napi::Function::New(env, Conv2DBackpropInput));
  exports.Set("conv2dBackpropFilter", Napi::Function::New(env, Conv2DBackpropFilter));
  exports.Set("maxPool", Napi::Function::New(env, MaxPool));
  exports.Set("maxPoolGrad", Napi::Function::New(env, MaxPoolGrad));
  exports.Set("avgPool", Napi::Function::New(env, AvgPool));
  exports.Set("avgPoolGrad", Napi::Function::New(env, AvgPoolGrad));
  exports.Set("info", Napi::Function::New(env, Info));
  exports.Set("setIsa", Napi::Function::New(env, SetIsa));
  exports.Set("setThreads", Napi::Function::New(env, SetThreads));
  exports.Set("enums", Enums(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(lab_native, Init)
