// JSON Lines import of ads: one JSON object per line, strict about the types of known fields,
// unknown fields ignored. Pure: the caller reads the file and feeds the bytes. Usage:
//   synlig::ads::JsonlAdReader reader;
//   reader.Feed(chunk, [&](Ad&& ad) { ... });   // as often as there are chunks
//   reader.Finish([&](Ad&& ad) { ... });
//   for (const auto& e : reader.summary().errors) print(e.line, e.reason);
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/ads/ad.h"
#include "synlig/core/error.h"

namespace synlig::ads {

// The longest line accepted (one ad); longer lines are reported and skipped.
inline constexpr std::size_t kMaxLineBytes = 1 << 20;

// Parses one JSON object (a line without its newline). Reusable; not thread-safe.
class JsonlAdParser {
 public:
  JsonlAdParser();
  ~JsonlAdParser();
  JsonlAdParser(const JsonlAdParser&) = delete;
  JsonlAdParser& operator=(const JsonlAdParser&) = delete;

  // Fields: site, ad_id, captured_on (required strings; captured_on YYYY-MM-DD), city, title,
  // text, stated_gender (string or null), stated_age (integer 0-120 or null),
  // stated_nationality, price (string or null), phones, images (arrays of strings, at most
  // 64), image_hashes (array of 1-16 hex digit strings, at most 64), _truth (object).
  // Errors: kInvalidArgument with field set to the offending JSON field ("json" for syntax,
  // "line" for size) and a message naming the problem; never throws.
  Result<Ad> Parse(std::string_view line);
  // The same into ad, every field of which is reset first (its memory reused).
  Status ParseInto(std::string_view line, Ad& ad);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct LineError {
  std::size_t line = 0;  // 1-based
  std::string reason;    // English; may quote a short piece of the line
  std::string field;     // the JSON field at fault, "json" for syntax, "line" for size
};

// A code for what is wrong, never quoting the line: "syntax", "too_long", "missing", "twice",
// "date", "range", "too_many", "empty", "hash", "type" or "value". For stores and messages
// that must not hold what the line said.
std::string_view LineProblemCode(const LineError& error);

struct ReadSummary {
  std::size_t lines = 0;    // non-blank lines seen
  std::size_t read = 0;     // ads parsed
  std::size_t skipped = 0;  // bad lines
  std::vector<LineError> errors;               // the first kMaxReportedErrors bad lines
  std::map<std::string, std::size_t> reasons;  // skipped lines per field ("json", "phones", ...)
};

inline constexpr std::size_t kMaxReportedErrors = 1000;

// Splits a byte stream into lines (\n or \r\n), parses each non-blank line and hands the ads to
// a sink; bad lines are recorded in summary() and skipped.
class JsonlAdReader {
 public:
  using Sink = std::function<void(Ad&&)>;

  // Precondition: none; chunks may split lines anywhere.
  void Feed(std::string_view chunk, const Sink& sink);
  // Handles a last line without a newline.
  void Finish(const Sink& sink);
  const ReadSummary& summary() const { return summary_; }
  std::size_t bytes_fed() const { return bytes_; }

 private:
  void HandleLine(std::string_view line, const Sink& sink);

  JsonlAdParser parser_;
  Ad ad_;  // the current line's ad, reused
  ReadSummary summary_;
  std::string partial_;
  bool partial_too_long_ = false;
  std::size_t line_no_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace synlig::ads
