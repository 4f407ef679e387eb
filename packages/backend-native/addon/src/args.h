// The checked N-API boundary: one reader for every entry point's arguments. Each entry point takes
// its arrays positionally and its sizes and options as one attrs object, `fn(arrays..., attrs)`;
// the reader checks the argument count, that every array is a Float32Array (or null where it is
// optional), that sizes are integers in [0, 2^31 − 1] whose products do not overflow, that
// numbers, booleans and enum codes are what they claim, and that every array holds the elements
// the sizes ask for. Anything else throws a JavaScript TypeError or RangeError that names the
// function and the argument ("lab_native.matmul: attrs.m must be ..."), before any memory is
// touched. Guard() runs an entry point so that no C++ exception leaves it: they become JS errors.
#pragma once

#include <napi.h>

#include <cstddef>
#include <string>

#include "enums.h"

namespace lab::napi {

// Every key an attrs object may carry: entry points name keys by this enum, so a misspelt key
// does not compile.
#define LAB_ATTR_KEYS(X)                                                                                         \
  X(batch) X(m) X(n) X(k) X(transposeA) X(transposeB) X(batchA) X(batchB) X(activation) X(rows) X(inputs)        \
      X(outputs) X(cols) X(scale) X(beta1) X(beta2) X(stepScale) X(epsHat) X(weightDecay) X(decay) X(nesterov) \
          X(epsilon) X(epsInSqrt) X(op) X(inHeight) X(inWidth) X(inChannels) X(outHeight) X(outWidth)            \
              X(outChannels) X(channels) X(filterHeight) X(filterWidth) X(strideHeight) X(strideWidth)          \
                  X(dilationHeight) X(dilationWidth) X(padTop) X(padLeft) X(alpha) X(outer) X(length)      \
                      X(inner) X(size) X(cval)

enum class Key {
#define LAB_KEY_ENTRY(name) name,
  LAB_ATTR_KEYS(LAB_KEY_ENTRY)
#undef LAB_KEY_ENTRY
      kCount
};

// The JavaScript name of a key.
const char* KeyName(Key key);

// A Float32Array's memory; data is null for an optional array that was not given (or is empty).
struct F32 {
  float* data = nullptr;
  std::size_t length = 0;
  bool given = false;
};

// A Float64Array's memory (weights and indices that float32 cannot hold exactly).
struct F64 {
  const double* data = nullptr;
  std::size_t length = 0;
};

class Args;

// The attrs object of a call: typed, checked reads of its properties.
class Attrs {
 public:
  Attrs(const Args& args, Napi::Object object) : args_(args), object_(object) {}

  // An integer in [0, 2^31 − 1] (a size); at least `min`.
  int Size(Key key, int min = 0) const;
  // true or false.
  bool Bool(Key key) const;
  // Any JavaScript number (NaN and infinities included: they are values the math carries).
  double Number(Key key) const;
  // Number(), or `fallback` when the property is undefined.
  double OptionalNumber(Key key, double fallback) const;
  Activation ActivationCode(Key key) const;
  BinaryOp BinaryOpCode(Key key) const;

 private:
  Napi::Value Get(Key key) const;
  [[noreturn]] void Bad(Key key, const char* expected, const Napi::Value& got, bool range) const;

  const Args& args_;
  Napi::Object object_;
};

// The arguments of one call of entry point `fn`. `signature` names its parameters in order,
// "a, b, out, bias, attrs" (empty for none): the count is checked, the names go into errors.
class Args {
 public:
  // Throws unless exactly as many arguments as the signature names were passed.
  Args(const Napi::CallbackInfo& info, const char* fn, const char* signature);

  Napi::Env Env() const { return info_.Env(); }
  const char* Fn() const { return fn_; }

  // Argument i as a Float32Array of at least `need` elements; `what` says where `need` comes
  // from ("m × k") for the error.
  F32 Float32(std::size_t i, std::size_t need = 0, const char* what = nullptr) const;
  // Like Float32, but null or undefined gives an F32 that is not `given`.
  F32 OptionalFloat32(std::size_t i, std::size_t need = 0, const char* what = nullptr) const;
  // Argument i as a Float64Array of exactly `need` elements (`what` says where `need` comes from).
  F64 Float64(std::size_t i, std::size_t need, const char* what) const;
  // Checks that a given array has at least `need` elements (for sizes known after reading it).
  void Need(std::size_t i, const F32& array, std::size_t need, const char* what) const;
  // Argument i as an attrs object.
  Attrs AttrsAt(std::size_t i) const;
  // Argument i as an integer in [min, 2^31 − 1] (setThreads).
  int SizeAt(std::size_t i, int min) const;
  // Argument i as an instruction set's code (setIsa).
  Isa IsaAt(std::size_t i) const;

  // a × b (× c), or a RangeError naming `what` when the product overflows.
  std::size_t Product(std::size_t a, std::size_t b, const char* what) const;
  std::size_t Product(std::size_t a, std::size_t b, std::size_t c, const char* what) const;

  // Throws a TypeError (or a RangeError) "lab_native.<fn>: <message>".
  [[noreturn]] void Fail(const std::string& message, bool range = false) const;

 private:
  F32 ReadFloat32(std::size_t i, bool optional, std::size_t need, const char* what) const;
  // The name of parameter i, from the signature.
  std::string Param(std::size_t i) const;

  const Napi::CallbackInfo& info_;
  const char* fn_;
  const char* signature_;
};

// How a value reads in an error message: "-1", "NaN", "a string", "a Float64Array", "null".
std::string Describe(const Napi::Value& value);

// Runs `body` (which returns the call's result), turning every C++ exception into a JavaScript
// error: a Napi::Error (bad arguments, or a JS exception raised while reading them, such as a
// throwing getter) is rethrown as itself, std::bad_alloc as a RangeError, anything else as an
// Error that names the function.
template <typename Body>
Napi::Value Guard(const Napi::CallbackInfo& info, const char* fn, Body&& body) {
  const Napi::Env env = info.Env();
  try {
    return body();
  } catch (const Napi::Error& e) {
    e.ThrowAsJavaScriptException();
  } catch (const std::bad_alloc&) {
    Napi::RangeError::New(env, std::string("lab_native.") + fn + ": out of memory").ThrowAsJavaScriptException();
  } catch (const std::exception& e) {
    Napi::Error::New(env, std::string("lab_native.") + fn + ": internal error: " + e.what())
        .ThrowAsJavaScriptException();
  } catch (...) {
    Napi::Error::New(env, std::string("lab_native.") + fn + ": internal error").ThrowAsJavaScriptException();
  }
  return Napi::Value();
}

}  // namespace lab::napi
