// Indicator rules (TOML) and scoring of ads and advertisers.
#include "synlig/ads/indicators.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "group_counts.h"
#include "toml_util.h"

namespace synlig::ads {
namespace internal {
std::optional<std::string_view> EmbeddedFile(std::string_view name);
}  // namespace internal

namespace {

constexpr std::string_view kNames[kIndicatorCount] = {
    "phone_many_names", "phone_many_cities", "profile_many_phones", "template_many_phones",
    "image_many_names", "third_party",       "obscured_phone",      "nationality",
    "youth",            "real_photos",       "unprotected",         "movement"};

Status ReadThreshold(const toml::node& node, const std::string& key, int& out) {
  auto v = node.value<std::int64_t>();
  if (!v || *v < 2 || *v > 1000) {
    return InvalidArgument(key + " must be a whole number 2-1000", key);
  }
  out = static_cast<int>(*v);
  return Ok();
}

}  // namespace

std::string_view IndicatorName(Indicator indicator) {
  return kNames[static_cast<std::size_t>(indicator)];
}

int IndicatorResult::CountOf(std::uint32_t bits, const IndicatorRules& rules) const {
  int count = 0;
  for (int i = 0; i < kIndicatorCount; ++i) {
    if ((bits >> i) & 1u && rules.weights[static_cast<std::size_t>(i)] > 0) ++count;
  }
  return count;
}

Result<IndicatorRules> ParseIndicatorRules(std::string_view toml_text,
                                           std::string_view source_name) {
  auto table = internal::ParseToml(toml_text, source_name);
  if (!table) return Unexpected(table.error());
  IndicatorRules rules;
  const std::string source(source_name);
  for (const auto& [section, node] : *table) {
    std::string name(section.str());
    int index = -1;
    for (int i = 0; i < kIndicatorCount; ++i) {
      if (kNames[i] == name) index = i;
    }
    if (index < 0) {
      return InvalidArgument(source + ": unknown indicator '" + name + "'", name);
    }
    const toml::table* t = node.as_table();
    if (!t) return InvalidArgument(source + ": " + name + " must be a table", name);
    for (const auto& [k, value] : *t) {
      std::string key = name + "." + std::string(k.str());
      Status ok;
      if (k.str() == "weight") {
        auto w = value.value<double>();
        if (!w || !std::isfinite(*w) || *w < 0) {
          ok = InvalidArgument(key + " must be a number >= 0", key);
        } else {
          rules.weights[static_cast<std::size_t>(index)] = *w;
        }
      } else if (name == "phone_many_names" && k.str() == "min_names") {
        ok = ReadThreshold(value, key, rules.phone_min_names);
      } else if (name == "phone_many_cities" && k.str() == "min_cities") {
        ok = ReadThreshold(value, key, rules.phone_min_cities);
      } else if (name == "profile_many_phones" && k.str() == "min_phones") {
        ok = ReadThreshold(value, key, rules.profile_min_phones);
      } else if (name == "template_many_phones" && k.str() == "min_phones") {
        ok = ReadThreshold(value, key, rules.template_min_phones);
      } else if (name == "template_many_phones" && k.str() == "min_names") {
        ok = ReadThreshold(value, key, rules.template_min_names);
      } else {
        ok = InvalidArgument("unknown key '" + key + "'", key);
      }
      if (!ok) return InvalidArgument(source + ": " + ok.error().message(), key);
    }
  }
  return rules;
}

std::string_view DefaultIndicatorRulesText() {
  return internal::EmbeddedFile("libs/ads/rules/default_indicators.toml").value_or("");
}

Result<IndicatorRules> DefaultIndicatorRules() {
  auto rules = ParseIndicatorRules(DefaultIndicatorRulesText(), "default indicator rules");
  if (!rules) return Internal("the embedded indicator rules do not parse: " +
                              rules.error().message());
  return rules;
}

IndicatorResult ScoreIndicators(const Corpus& corpus, const Linking& linking,
                                const IndicatorRules& rules) {
  const std::vector<ExtractedAd>& ads = corpus.ads;
  const std::size_t n = ads.size();
  const std::size_t phones = corpus.phone_hashes.size();

  // Names as dense ids (0: no name), then (group, value) pairs of each kind.
  std::vector<std::uint64_t> name_hashes(n);
  for (std::size_t i = 0; i < n; ++i) name_hashes[i] = ads[i].name_hash;
  std::uint32_t names = 0;
  const std::vector<std::uint32_t> name_id = internal::DenseIds(name_hashes, names);
  std::vector<std::uint64_t>().swap(name_hashes);
  using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  Pairs phone_names;
  Pairs phone_cities;
  Pairs advertiser_phones;
  Pairs template_phones;
  Pairs template_names;
  std::uint32_t cities = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const ExtractedAd& ad = ads[i];
    cities = std::max(cities, ad.city + 1);
    for (std::uint32_t p : ad.phones) {
      if (ad.name_hash != 0) phone_names.emplace_back(p, name_id[i]);
      phone_cities.emplace_back(p, ad.city);
      advertiser_phones.emplace_back(linking.advertiser[i], p);
      template_phones.emplace_back(linking.template_cluster[i], p);
    }
    if (ad.name_hash != 0) template_names.emplace_back(linking.template_cluster[i], name_id[i]);
  }
  const std::size_t templates = linking.template_clusters;
  using internal::DistinctPerGroup;
  auto names_of_phone = DistinctPerGroup(phones, names, phone_names);
  auto cities_of_phone = DistinctPerGroup(phones, cities, phone_cities);
  auto phones_of_advertiser = DistinctPerGroup(linking.advertisers, phones, advertiser_phones);
  auto phones_of_template = DistinctPerGroup(templates, phones, template_phones);
  auto names_of_template = DistinctPerGroup(templates, names, template_names);

  IndicatorResult out;
  out.ad_bits.assign(n, 0);
  out.ad_score.assign(n, 0);
  out.advertiser_bits.assign(linking.advertisers, 0);
  out.advertiser_score.assign(linking.advertisers, 0);
  auto bit = [](Indicator i) { return 1u << static_cast<unsigned>(i); };
  for (std::uint32_t i = 0; i < n; ++i) {
    const ExtractedAd& ad = ads[i];
    std::uint32_t bits = 0;
    for (std::uint32_t p : ad.phones) {
      if (names_of_phone[p] >= static_cast<std::uint32_t>(rules.phone_min_names)) {
        bits |= bit(Indicator::kPhoneManyNames);
      }
      if (cities_of_phone[p] >= static_cast<std::uint32_t>(rules.phone_min_cities)) {
        bits |= bit(Indicator::kPhoneManyCities);
      }
    }
    if (phones_of_advertiser[linking.advertiser[i]] >=
        static_cast<std::uint32_t>(rules.profile_min_phones)) {
      bits |= bit(Indicator::kProfileManyPhones);
    }
    std::uint32_t t = linking.template_cluster[i];
    if (phones_of_template[t] >= static_cast<std::uint32_t>(rules.template_min_phones) ||
        names_of_template[t] >= static_cast<std::uint32_t>(rules.template_min_names)) {
      bits |= bit(Indicator::kTemplateManyPhones);
    }
    if (linking.flags[i] & kImageSharedByNames) bits |= bit(Indicator::kImageManyNames);
    if (ad.Has(Feature::kThirdParty) || ad.Has(Feature::kMultiPerson)) {
      bits |= bit(Indicator::kThirdParty);
    }
    if (ad.phone_obscured) bits |= bit(Indicator::kObscuredPhone);
    if (ad.nationality_stated || ad.Has(Feature::kEthnicity)) bits |= bit(Indicator::kNationality);
    if (ad.Has(Feature::kYouth)) bits |= bit(Indicator::kYouth);
    if (ad.Has(Feature::kRealPhotos)) bits |= bit(Indicator::kRealPhotos);
    if (ad.Has(Feature::kUnprotected)) bits |= bit(Indicator::kUnprotected);
    if (ad.Has(Feature::kNewInTown)) bits |= bit(Indicator::kMovement);
    out.ad_bits[i] = bits;
    out.advertiser_bits[linking.advertiser[i]] |= bits;
  }
  auto score = [&](std::uint32_t bits) {
    double s = 0;
    for (int k = 0; k < kIndicatorCount; ++k) {
      if ((bits >> k) & 1u) s += rules.weights[static_cast<std::size_t>(k)];
    }
    return s;
  };
  for (std::size_t i = 0; i < n; ++i) out.ad_score[i] = score(out.ad_bits[i]);
  for (std::size_t a = 0; a < out.advertiser_bits.size(); ++a) {
    out.advertiser_score[a] = score(out.advertiser_bits[a]);
  }
  return out;
}

}  // namespace synlig::ads
