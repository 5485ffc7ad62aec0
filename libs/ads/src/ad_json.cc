// FormatAdJson: one ad as a line of the JSON Lines import format.
#include <cstdio>

#include "synlig/ads/synth.h"

namespace synlig::ads {
namespace {

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

void AppendField(std::string& out, std::string_view key) {
  if (out.size() > 1) out.push_back(',');
  AppendJsonString(out, key);
  out.push_back(':');
}

}  // namespace

std::string FormatAdJson(const Ad& ad) {
  std::string out = "{";
  auto string_field = [&](std::string_view key, std::string_view value) {
    AppendField(out, key);
    AppendJsonString(out, value);
  };
  auto optional_field = [&](std::string_view key, const std::optional<std::string>& value) {
    AppendField(out, key);
    if (value) {
      AppendJsonString(out, *value);
    } else {
      out += "null";
    }
  };
  string_field("site", ad.site);
  string_field("ad_id", ad.ad_id);
  string_field("captured_on", FormatDate(ad.captured_on));
  string_field("city", ad.city);
  string_field("title", ad.title);
  string_field("text", ad.text);
  AppendField(out, "phones");
  out.push_back('[');
  for (std::size_t i = 0; i < ad.phones.size(); ++i) {
    if (i) out.push_back(',');
    AppendJsonString(out, ad.phones[i]);
  }
  out.push_back(']');
  AppendField(out, "stated_age");
  out += ad.stated_age ? std::to_string(*ad.stated_age) : "null";
  optional_field("stated_gender", ad.stated_gender.empty()
                                      ? std::nullopt
                                      : std::optional<std::string>(ad.stated_gender));
  optional_field("stated_nationality", ad.stated_nationality);
  optional_field("price", ad.price);
  AppendField(out, "image_hashes");
  out.push_back('[');
  for (std::size_t i = 0; i < ad.image_hashes.size(); ++i) {
    if (i) out.push_back(',');
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(ad.image_hashes[i]));
    AppendJsonString(out, hex);
  }
  out.push_back(']');
  if (!ad.images.empty()) {
    AppendField(out, "images");
    out.push_back('[');
    for (std::size_t i = 0; i < ad.images.size(); ++i) {
      if (i) out.push_back(',');
      AppendJsonString(out, ad.images[i]);
    }
    out.push_back(']');
  }
  if (ad.truth) {
    AppendField(out, "_truth");
    std::string inner = "{";
    auto inner_field = [&](std::string_view key, std::string_view value) {
      if (inner.size() > 1) inner.push_back(',');
      AppendJsonString(inner, key);
      inner.push_back(':');
      AppendJsonString(inner, value);
    };
    inner_field("person_id", ad.truth->person_id);
    inner_field("advertiser_id", ad.truth->advertiser_id);
    inner_field("network_id", ad.truth->network_id);
    inner += std::string(",\"organised\":") + (ad.truth->organised ? "true" : "false") + "}";
    out += inner;
  }
  out.push_back('}');
  return out;
}

}  // namespace synlig::ads
