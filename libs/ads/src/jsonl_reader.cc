// JSON Lines reader over simdjson's DOM API (error codes only, no exceptions). The DOM parser
// validates the whole line and uses the library's run-time CPU dispatch (AVX2 where present);
// the header-only On-Demand API would be compiled for the baseline CPU only.
#include "synlig/ads/jsonl_reader.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <utility>

namespace synlig::ads {
namespace {

namespace dom = simdjson::dom;

constexpr std::size_t kMaxArrayItems = 64;

Unexpected FieldError(std::string_view field, std::string message) {
  return InvalidArgument(std::string(field) + ": " + message, std::string(field));
}

Unexpected JsonError(simdjson::error_code code) {
  return InvalidArgument(std::string("not valid JSON (") + simdjson::error_message(code) + ")",
                         "json");
}

const char* TypeName(dom::element_type type) {
  switch (type) {
    case dom::element_type::ARRAY: return "an array";
    case dom::element_type::OBJECT: return "an object";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE: return "a number";
    case dom::element_type::STRING: return "a string";
    case dom::element_type::BOOL: return "a boolean";
    case dom::element_type::NULL_VALUE: return "null";
  }
  return "something else";
}

// A string field, viewed in the parser's buffer; null gives nullopt when null_ok, else an
// error.
Result<std::optional<std::string_view>> ReadString(dom::element v, std::string_view field,
                                                   bool null_ok) {
  if (v.is_null()) {
    if (null_ok) return std::optional<std::string_view>();
    return FieldError(field, "must be a string, got null");
  }
  if (!v.is_string()) {
    return FieldError(field, std::string("must be a string, got ") + TypeName(v.type()));
  }
  std::string_view s;
  if (auto e = v.get_string().get(s)) return JsonError(e);
  return std::optional<std::string_view>(s);
}

// An array of strings into out (its strings' memory reused).
Status ReadStringArray(dom::element v, std::string_view field, std::vector<std::string>& out) {
  out.clear();
  if (v.is_null()) return Ok();
  if (!v.is_array()) {
    return FieldError(field, std::string("must be an array of strings, got ") +
                                 TypeName(v.type()));
  }
  dom::array array;
  if (auto e = v.get_array().get(array)) return JsonError(e);
  for (dom::element item : array) {
    if (out.size() == kMaxArrayItems) {
      return FieldError(field, "has more than " + std::to_string(kMaxArrayItems) + " items");
    }
    if (!item.is_string()) {
      return FieldError(field, "item " + std::to_string(out.size() + 1) +
                                   " must be a string, got " + TypeName(item.type()));
    }
    std::string_view s;
    if (auto e = item.get_string().get(s)) return JsonError(e);
    out.emplace_back(s);
  }
  return Ok();
}

Result<std::uint64_t> ParseHexHash(std::string_view hex, std::string_view field) {
  if (hex.empty() || hex.size() > 16) {
    return FieldError(field, "'" + std::string(hex.substr(0, 40)) +
                                 "' is not a 64-bit hash of 1-16 hex digits");
  }
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  if (ec != std::errc() || ptr != hex.data() + hex.size()) {
    return FieldError(field, "'" + std::string(hex) + "' is not a hex number");
  }
  return value;
}

Result<AdTruth> ReadTruth(dom::element v) {
  if (!v.is_object()) return FieldError("_truth", "must be an object");
  AdTruth truth;
  dom::object obj;
  if (auto e = v.get_object().get(obj)) return JsonError(e);
  for (dom::key_value_pair kv : obj) {
    std::string* target = kv.key == "person_id"      ? &truth.person_id
                          : kv.key == "advertiser_id" ? &truth.advertiser_id
                          : kv.key == "network_id"    ? &truth.network_id
                                                      : nullptr;
    if (target) {
      if (!kv.value.is_string()) {
        return FieldError("_truth", std::string(kv.key) + " must be a string");
      }
      std::string_view s;
      if (auto e = kv.value.get_string().get(s)) return JsonError(e);
      target->assign(s);
    } else if (kv.key == "organised") {
      if (!kv.value.is_bool()) return FieldError("_truth", "organised must be a boolean");
      if (auto e = kv.value.get_bool().get(truth.organised)) return JsonError(e);
    }
  }
  return truth;
}

enum Seen : unsigned {
  kSite = 1u << 0, kAdId = 1u << 1, kCaptured = 1u << 2, kCity = 1u << 3, kTitle = 1u << 4,
  kText = 1u << 5, kPhones = 1u << 6, kAge = 1u << 7, kGender = 1u << 8,
  kNationality = 1u << 9, kPrice = 1u << 10, kImageHashes = 1u << 11, kImages = 1u << 12,
  kTruth = 1u << 13,
};

struct FieldSpec {
  std::string_view name;
  Seen bit;
};
constexpr FieldSpec kFields[] = {
    {"site", kSite},           {"ad_id", kAdId},
    {"captured_on", kCaptured}, {"city", kCity},
    {"title", kTitle},         {"text", kText},
    {"phones", kPhones},       {"stated_age", kAge},
    {"stated_gender", kGender}, {"stated_nationality", kNationality},
    {"price", kPrice},         {"image_hashes", kImageHashes},
    {"images", kImages},       {"_truth", kTruth},
};

// Empties every field, keeping the strings' memory for the next line.
void ResetAd(Ad& ad) {
  ad.site.clear();
  ad.ad_id.clear();
  ad.captured_on = Date{};
  ad.city.clear();
  ad.title.clear();
  ad.text.clear();
  ad.phones.clear();
  ad.stated_age.reset();
  ad.stated_gender.clear();
  ad.stated_nationality.reset();
  ad.price.reset();
  ad.image_hashes.clear();
  ad.images.clear();
  ad.truth.reset();
}

Status ReadField(Seen bit, std::string_view name, dom::element v, Ad& ad) {
  switch (bit) {
    case kSite: case kAdId: case kCaptured: {
      auto s = ReadString(v, name, /*null_ok=*/false);
      if (!s) return Unexpected(s.error());
      const std::string_view value = **s;
      if (value.empty()) return FieldError(name, "must not be empty");
      if (bit == kSite) ad.site.assign(value);
      if (bit == kAdId) ad.ad_id.assign(value);
      if (bit == kCaptured) {
        auto date = ParseDate(value);
        if (!date) {
          return FieldError(name, "'" + std::string(value) + "' is not a date YYYY-MM-DD");
        }
        ad.captured_on = *date;
      }
      return Ok();
    }
    case kCity: case kTitle: case kText: case kGender: {
      auto s = ReadString(v, name, /*null_ok=*/true);
      if (!s) return Unexpected(s.error());
      const std::string_view value = s->value_or(std::string_view());
      if (bit == kCity) ad.city.assign(value);
      if (bit == kTitle) ad.title.assign(value);
      if (bit == kText) ad.text.assign(value);
      if (bit == kGender) ad.stated_gender.assign(value);
      return Ok();
    }
    case kNationality: case kPrice: {
      auto s = ReadString(v, name, /*null_ok=*/true);
      if (!s) return Unexpected(s.error());
      std::optional<std::string>& target = bit == kNationality ? ad.stated_nationality : ad.price;
      if (*s) {
        target.emplace(**s);
      } else {
        target.reset();
      }
      return Ok();
    }
    case kPhones: case kImages: {
      return ReadStringArray(v, name, bit == kPhones ? ad.phones : ad.images);
    }
    case kImageHashes: {
      std::vector<std::string> list;
      if (auto ok = ReadStringArray(v, name, list); !ok) return ok;
      for (const std::string& hex : list) {
        auto h = ParseHexHash(hex, name);
        if (!h) return Unexpected(h.error());
        ad.image_hashes.push_back(*h);
      }
      return Ok();
    }
    case kAge: {
      if (v.is_null()) return Ok();
      if (!v.is_number()) {
        return FieldError(name, std::string("must be an integer or null, got ") +
                                    TypeName(v.type()));
      }
      if (!v.is_int64()) return FieldError(name, "must be a whole number");
      std::int64_t age = 0;
      if (auto e = v.get_int64().get(age)) return JsonError(e);
      if (age < 0 || age > 120) {
        return FieldError(name, std::to_string(age) + " is outside 0-120");
      }
      ad.stated_age = static_cast<int>(age);
      return Ok();
    }
    case kTruth: {
      auto truth = ReadTruth(v);
      if (!truth) return Unexpected(truth.error());
      ad.truth = std::move(*truth);
      return Ok();
    }
  }
  return Internal("unhandled field");
}

}  // namespace

struct JsonlAdParser::Impl {
  dom::parser parser;
  std::string buffer;
};

JsonlAdParser::JsonlAdParser() : impl_(std::make_unique<Impl>()) {}
JsonlAdParser::~JsonlAdParser() = default;

Result<Ad> JsonlAdParser::Parse(std::string_view line) {
  Ad ad;
  if (auto ok = ParseInto(line, ad); !ok) return Unexpected(ok.error());
  return ad;
}

Status JsonlAdParser::ParseInto(std::string_view line, Ad& ad) {
  ResetAd(ad);
  if (line.size() > kMaxLineBytes) {
    return InvalidArgument("line is longer than " + std::to_string(kMaxLineBytes) + " bytes",
                           "line");
  }
  // simdjson reads up to SIMDJSON_PADDING bytes past the end; copy into a padded buffer.
  std::string& buffer = impl_->buffer;
  if (buffer.size() < line.size() + simdjson::SIMDJSON_PADDING) {
    buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
  }
  if (!line.empty()) std::memcpy(buffer.data(), line.data(), line.size());
  std::memset(buffer.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
  dom::element root;
  if (auto e = impl_->parser.parse(buffer.data(), line.size(), /*realloc_if_needed=*/false)
                   .get(root)) {
    return JsonError(e);
  }
  if (!root.is_object()) return InvalidArgument("a line must hold one JSON object", "json");
  unsigned seen = 0;
  dom::object obj;
  if (auto e = root.get_object().get(obj)) return JsonError(e);
  for (dom::key_value_pair kv : obj) {
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : kFields) {
      if (f.name == kv.key) spec = &f;
    }
    if (!spec) continue;  // unknown fields are ignored
    if (seen & spec->bit) return FieldError(spec->name, "appears twice");
    seen |= spec->bit;
    if (auto ok = ReadField(spec->bit, spec->name, kv.value, ad); !ok) {
      return Unexpected(ok.error());
    }
  }
  if (!(seen & kSite)) return FieldError("site", "is missing");
  if (!(seen & kAdId)) return FieldError("ad_id", "is missing");
  if (!(seen & kCaptured)) return FieldError("captured_on", "is missing");
  return Ok();
}

void JsonlAdReader::Feed(std::string_view chunk, const Sink& sink) {
  bytes_ += chunk.size();
  while (!chunk.empty()) {
    std::size_t nl = chunk.find('\n');
    std::string_view piece = chunk.substr(0, nl);
    if (nl != std::string_view::npos && partial_.empty() && !partial_too_long_ &&
        piece.size() <= kMaxLineBytes + 1) {
      // A whole line inside the chunk: handled where it is, without a copy.
      chunk.remove_prefix(nl + 1);
      ++line_no_;
      HandleLine(piece, sink);
      continue;
    }
    if (!partial_too_long_) {
      if (partial_.size() + piece.size() > kMaxLineBytes + 1) {
        partial_too_long_ = true;
        partial_.clear();
      } else {
        partial_.append(piece);
      }
    }
    if (nl == std::string_view::npos) return;
    chunk.remove_prefix(nl + 1);
    ++line_no_;
    if (partial_too_long_) {
      ++summary_.lines;
      ++summary_.skipped;
      ++summary_.reasons["line"];
      if (summary_.errors.size() < kMaxReportedErrors) {
        summary_.errors.push_back(
            {line_no_, "line is longer than " + std::to_string(kMaxLineBytes) + " bytes", "line"});
      }
    } else {
      HandleLine(partial_, sink);
    }
    partial_.clear();
    partial_too_long_ = false;
  }
}

void JsonlAdReader::Finish(const Sink& sink) {
  if (partial_.empty() && !partial_too_long_) return;
  Feed("\n", sink);
  --bytes_;
}

void JsonlAdReader::HandleLine(std::string_view line, const Sink& sink) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank
  ++summary_.lines;
  // One Ad reused line after line: its strings keep their memory unless the sink moves them.
  if (auto ok = parser_.ParseInto(line, ad_); !ok) {
    ++summary_.skipped;
    const std::string field = ok.error().field().empty() ? "other" : ok.error().field();
    ++summary_.reasons[field];
    if (summary_.errors.size() < kMaxReportedErrors) {
      summary_.errors.push_back({line_no_, ok.error().message(), field});
    }
    return;
  }
  ++summary_.read;
  sink(std::move(ad_));
}

std::string_view LineProblemCode(const LineError& error) {
  if (error.field == "json") return "syntax";
  if (error.field == "line") return "too_long";
  auto says = [&](std::string_view what) { return error.reason.find(what) != std::string::npos; };
  if (says("is missing")) return "missing";
  if (says("appears twice")) return "twice";
  if (says("is not a date")) return "date";
  if (says("is outside")) return "range";
  if (says("has more than")) return "too_many";
  if (says("must not be empty")) return "empty";
  if (says("hex")) return "hash";
  if (says("must be")) return "type";
  return "value";
}

}  // namespace synlig::ads
