#include "args.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace lab::napi {

namespace {

constexpr double kMaxSize = std::numeric_limits<std::int32_t>::max();

const char* const kKeyNames[] = {
#define LAB_KEY_NAME(name) #name,
    LAB_ATTR_KEYS(LAB_KEY_NAME)
#undef LAB_KEY_NAME
};
static_assert(sizeof(kKeyNames) / sizeof(kKeyNames[0]) == static_cast<std::size_t>(Key::kCount));

const char* TypedArrayName(napi_typedarray_type type) {
  switch (type) {
    case napi_int8_array: return "an Int8Array";
    case napi_uint8_array: return "a Uint8Array";
    case napi_uint8_clamped_array: return "a Uint8ClampedArray";
    case napi_int16_array: return "an Int16Array";
    case napi_uint16_array: return "a Uint16Array";
    case napi_int32_array: return "an Int32Array";
    case napi_uint32_array: return "a Uint32Array";
    case napi_float32_array: return "a Float32Array";
    case napi_float64_array: return "a Float64Array";
    case napi_bigint64_array: return "a BigInt64Array";
    case napi_biguint64_array: return "a BigUint64Array";
    default: return "a typed array";
  }
}

// "linear = 0, relu = 1", for the error of an unknown code.
#define LAB_CODE_LIST(id, value, js_name) js_name " = " #value ", "
const char kActivationCodes[] = LAB_ACTIVATIONS(LAB_CODE_LIST);
const char kBinaryOpCodes[] = LAB_BINARY_OPS(LAB_CODE_LIST);
const char kIsaCodes[] = LAB_ISAS(LAB_CODE_LIST);
#undef LAB_CODE_LIST

std::string CodeList(const char* list) {
  std::string s(list);
  return "one of " + s.substr(0, s.size() - 2);
}

}  // namespace

const char* KeyName(Key key) { return kKeyNames[static_cast<int>(key)]; }

std::string Describe(const Napi::Value& value) {
  switch (value.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return value.As<Napi::Boolean>().Value() ? "true" : "false";
    case napi_number: return value.ToString().Utf8Value();  // JavaScript's own formatting: -1, NaN, 1.5
    case napi_string: return "a string";
    case napi_symbol: return "a symbol";
    case napi_bigint: return "a bigint";
    case napi_function: return "a function";
    case napi_external: return "an external";
    case napi_object:
      if (value.IsTypedArray()) return TypedArrayName(value.As<Napi::TypedArray>().TypedArrayType());
      if (value.IsArrayBuffer()) return "an ArrayBuffer";
      if (value.IsDataView()) return "a DataView";
      if (value.IsArray()) return "an array";
      return "an object";
  }
  return "an unknown value";
}

// ---- Attrs ----

// A getter or proxy trap that throws makes Get throw a Napi::Error holding that exception.
Napi::Value Attrs::Get(Key key) const { return object_.Get(KeyName(key)); }

void Attrs::Bad(Key key, const char* expected, const Napi::Value& got, bool range) const {
  args_.Fail(std::string("attrs.") + KeyName(key) + " must be " + expected + ", got " + Describe(got), range);
}

int Attrs::Size(Key key, int min) const {
  const Napi::Value v = Get(key);
  const bool number = v.IsNumber();
  const double d = number ? v.As<Napi::Number>().DoubleValue() : 0.0;
  // NaN fails the first comparison; fractions and infinities the second.
  if (!number || !(d >= min && d <= kMaxSize) || d != std::floor(d)) {
    Bad(key, ("an integer in [" + std::to_string(min) + ", 2147483647]").c_str(), v, number);
  }
  return static_cast<int>(d);
}

bool Attrs::Bool(Key key) const {
  const Napi::Value v = Get(key);
  if (!v.IsBoolean()) Bad(key, "a boolean", v, false);
  return v.As<Napi::Boolean>().Value();
}

double Attrs::Number(Key key) const {
  const Napi::Value v = Get(key);
  if (!v.IsNumber()) Bad(key, "a number", v, false);
  return v.As<Napi::Number>().DoubleValue();
}

double Attrs::OptionalNumber(Key key, double fallback) const {
  const Napi::Value v = Get(key);
  if (v.IsUndefined()) return fallback;
  if (!v.IsNumber()) Bad(key, "a number or undefined", v, false);
  return v.As<Napi::Number>().DoubleValue();
}

Activation Attrs::ActivationCode(Key key) const {
  const Napi::Value v = Get(key);
  const bool number = v.IsNumber();
  const double d = number ? v.As<Napi::Number>().DoubleValue() : -1.0;
#define LAB_MATCH(id, value, js_name) \
  if (number && d == value) return Activation::id;
  LAB_ACTIVATIONS(LAB_MATCH)
#undef LAB_MATCH
  Bad(key, CodeList(kActivationCodes).c_str(), v, number);
}

BinaryOp Attrs::BinaryOpCode(Key key) const {
  const Napi::Value v = Get(key);
  const bool number = v.IsNumber();
  const double d = number ? v.As<Napi::Number>().DoubleValue() : -1.0;
#define LAB_MATCH(id, value, js_name) \
  if (number && d == value) return BinaryOp::id;
  LAB_BINARY_OPS(LAB_MATCH)
#undef LAB_MATCH
  Bad(key, CodeList(kBinaryOpCodes).c_str(), v, number);
}

// ---- Args ----

Args::Args(const Napi::CallbackInfo& info, const char* fn, const char* signature)
    : info_(info), fn_(fn), signature_(signature) {
  std::size_t count = 0;
  if (signature[0] != '\0') {
    count = 1;
    for (const char* c = signature; *c != '\0'; ++c) count += *c == ',';
  }
  if (info.Length() != count) {
    Fail("expected " + std::to_string(count) + " argument" + (count == 1 ? "" : "s") + " (" + signature + "), got " +
         std::to_string(info.Length()));
  }
}

std::string Args::Param(std::size_t i) const {
  const char* start = signature_;
  for (std::size_t j = 0; j < i && start != nullptr; ++j) {
    start = std::strchr(start, ',');
    if (start != nullptr) start += 2;  // past ", "
  }
  if (start == nullptr) return "argument " + std::to_string(i);
  const char* end = std::strchr(start, ',');
  return end == nullptr ? std::string(start) : std::string(start, end);
}

void Args::Fail(const std::string& message, bool range) const {
  const std::string text = std::string("lab_native.") + fn_ + ": " + message;
  if (range) throw Napi::RangeError::New(Env(), text);
  throw Napi::TypeError::New(Env(), text);
}

F32 Args::ReadFloat32(std::size_t i, bool optional, std::size_t need, const char* what) const {
  const napi_env env = Env();
  const napi_value v = info_[i];
  napi_typedarray_type type = napi_float32_array;
  std::size_t length = 0;
  void* data = nullptr;
  // One call for the common case; it fails (napi_invalid_arg, nothing thrown) for anything that
  // is not a typed array.
  const bool typed = napi_get_typedarray_info(env, v, &type, &length, &data, nullptr, nullptr) == napi_ok;
  if (!typed || type != napi_float32_array) {
    const Napi::Value value(env, v);
    if (optional && (value.IsNull() || value.IsUndefined())) return F32{};
    Fail(Param(i) + " must be a Float32Array" + (optional ? " or null" : "") + ", got " + Describe(value));
  }
  const F32 array{static_cast<float*>(data), length, true};
  Need(i, array, need, what);
  return array;
}

F32 Args::Float32(std::size_t i, std::size_t need, const char* what) const { return ReadFloat32(i, false, need, what); }

F32 Args::OptionalFloat32(std::size_t i, std::size_t need, const char* what) const {
  return ReadFloat32(i, true, need, what);
}

F64 Args::Float64(std::size_t i, std::size_t need, const char* what) const {
  const napi_env env = Env();
  const napi_value v = info_[i];
  napi_typedarray_type type = napi_float64_array;
  std::size_t length = 0;
  void* data = nullptr;
  const bool typed = napi_get_typedarray_info(env, v, &type, &length, &data, nullptr, nullptr) == napi_ok;
  if (!typed || type != napi_float64_array) Fail(Param(i) + " must be a Float64Array, got " + Describe(Napi::Value(env, v)));
  if (length != need) {
    Fail(Param(i) + " has " + std::to_string(length) + " elements, needs " + std::to_string(need) + " (" + what + ")",
         true);
  }
  return F64{static_cast<const double*>(data), length};
}

void Args::Need(std::size_t i, const F32& array, std::size_t need, const char* what) const {
  if (!array.given || array.length >= need) return;
  Fail(Param(i) + " has " + std::to_string(array.length) + " elements, needs " + std::to_string(need) +
           (what != nullptr ? std::string(" (") + what + ")" : std::string()),
       true);
}

Attrs Args::AttrsAt(std::size_t i) const {
  const Napi::Value v = info_[i];
  if (v.Type() != napi_object) Fail(Param(i) + " must be an object, got " + Describe(v));
  return Attrs(*this, v.As<Napi::Object>());
}

int Args::SizeAt(std::size_t i, int min) const {
  const Napi::Value v = info_[i];
  const bool number = v.IsNumber();
  const double d = number ? v.As<Napi::Number>().DoubleValue() : 0.0;
  if (!number || !(d >= min && d <= kMaxSize) || d != std::floor(d)) {
    Fail(Param(i) + " must be an integer in [" + std::to_string(min) + ", 2147483647], got " + Describe(v), number);
  }
  return static_cast<int>(d);
}

Isa Args::IsaAt(std::size_t i) const {
  const Napi::Value v = info_[i];
  const bool number = v.IsNumber();
  const double d = number ? v.As<Napi::Number>().DoubleValue() : -1.0;
#define LAB_MATCH(id, value, js_name) \
  if (number && d == value) return Isa::id;
  LAB_ISAS(LAB_MATCH)
#undef LAB_MATCH
  Fail(Param(i) + " must be " + CodeList(kIsaCodes) + ", got " + Describe(v), number);
}

std::size_t Args::Product(std::size_t a, std::size_t b, const char* what) const {
  std::size_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) Fail(std::string(what) + " overflows", true);
  return r;
}

std::size_t Args::Product(std::size_t a, std::size_t b, std::size_t c, const char* what) const {
  return Product(Product(a, b, what), c, what);
}

}  // namespace lab::napi
