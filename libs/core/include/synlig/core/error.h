// Error values and the Result type used across Synlig: expected failures are values, never
// exceptions. Usage:
//   synlig::Result<Round> r = repo.FindRound(id);
//   if (!r) return synlig::Unexpected(r.error());
//   return synlig::InvalidArgument("age band 'x' is not in the questionnaire", "age_band");
// Result<T> has the std::expected API subset we use (has_value, operator bool, *, ->, value,
// error, value_or). It is our own because the fuzzing compiler (clang 14) cannot compile
// libstdc++'s std::expected; the same code then builds with g++ and clang.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <string_view>
#include <utility>

namespace synlig {

// A small, fixed set of codes (after Abseil). Return the most specific one.
enum class ErrorCode {
  kInvalidArgument,     // bad input from a user or a file; message names the value
  kNotFound,            // the thing asked for does not exist (or must look as if it did not)
  kAlreadyExists,       // a unique thing would be created twice
  kFailedPrecondition,  // the state does not allow it (round closed, already submitted)
  kPermissionDenied,    // authenticated but not allowed
  kUnauthenticated,     // no or bad credentials
  kResourceExhausted,   // too large, too many (body size, lock-out)
  kUnavailable,         // a store or peer cannot be reached; retrying may help
  kInternal,            // a broken invariant; a bug
};

std::string_view ErrorCodeName(ErrorCode code);

class Error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  ErrorCode code() const { return code_; }
  // English, for logs and the CLI; names the offending value.
  const std::string& message() const { return message_; }
  // The input field the error concerns, if any (used to place a UI message).
  const std::string& field() const { return field_; }
  // "INVALID_ARGUMENT: message"
  std::string ToString() const;

 private:
  ErrorCode code_;
  std::string message_;
  std::string field_;
};

// The error side of a Result, as std::unexpected is for std::expected.
class Unexpected {
 public:
  explicit Unexpected(Error error) : error_(std::move(error)) {}
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
};

namespace internal {
[[noreturn]] inline void BadResultAccess(const Error& e) {
  std::fprintf(stderr, "synlig: value() of a Result holding an error: %s\n", e.ToString().c_str());
  std::abort();
}
}  // namespace internal

template <typename T>
class [[nodiscard]] Result {
 public:
  using value_type = T;
  template <typename U = T>
    requires(std::is_constructible_v<T, U &&> &&
             !std::is_same_v<std::remove_cvref_t<U>, Result> &&
             !std::is_same_v<std::remove_cvref_t<U>, Unexpected> &&
             !std::is_same_v<std::remove_cvref_t<U>, Error>)
  Result(U&& value) : v_(std::in_place_index<0>, std::forward<U>(value)) {}  // NOLINT
  Result(Unexpected u) : v_(std::in_place_index<1>, std::move(u).error()) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { Check(); return std::get<0>(v_); }
  const T& value() const& { Check(); return std::get<0>(v_); }
  T&& value() && { Check(); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(fallback));
  }
  // Precondition: !has_value().
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  void Check() const {
    if (!has_value()) internal::BadResultAccess(std::get<1>(v_));
  }
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;
  Result() = default;
  Result(Unexpected u) : error_(std::move(u).error()) {}  // NOLINT
  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  void value() const {
    if (error_) internal::BadResultAccess(*error_);
  }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Unexpected Fail(ErrorCode code, std::string message, std::string field = {}) {
  return Unexpected(Error(code, std::move(message), std::move(field)));
}
inline Unexpected InvalidArgument(std::string message, std::string field = {}) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::move(field));
}
inline Unexpected NotFound(std::string message) {
  return Fail(ErrorCode::kNotFound, std::move(message));
}
inline Unexpected FailedPrecondition(std::string message) {
  return Fail(ErrorCode::kFailedPrecondition, std::move(message));
}
inline Unexpected Internal(std::string message) {
  return Fail(ErrorCode::kInternal, std::move(message));
}
inline Status Ok() { return {}; }

}  // namespace synlig
