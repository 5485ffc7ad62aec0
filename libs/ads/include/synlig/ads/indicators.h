// Indicators of possible trafficking or third-party control, per ad and per advertiser, from a
// rule file (TOML) with weights and thresholds; the defaults are embedded. An indicator is a
// reason to look closer, never proof. Usage:
//   auto rules = synlig::ads::DefaultIndicatorRules();
//   auto result = synlig::ads::ScoreIndicators(corpus, linking, *rules);
//   result.ad_count[i]   // indicators with weight > 0 that fired for ad i
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "synlig/ads/extract.h"
#include "synlig/ads/link.h"
#include "synlig/core/error.h"

namespace synlig::ads {

enum class Indicator : std::uint8_t {
  kPhoneManyNames,
  kPhoneManyCities,
  kProfileManyPhones,
  kTemplateManyPhones,
  kImageManyNames,
  kThirdParty,
  kObscuredPhone,
  kNationality,
  kYouth,
  kRealPhotos,
  kUnprotected,
  kMovement,
};
inline constexpr int kIndicatorCount = 12;
// Snake-case name as in the rule file ("phone_many_names", ..., "movement").
std::string_view IndicatorName(Indicator indicator);

struct IndicatorRules {
  std::array<double, kIndicatorCount> weights{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
  int phone_min_names = 2;
  int phone_min_cities = 3;
  int profile_min_phones = 3;
  int template_min_phones = 3;
  int template_min_names = 3;
  double weight(Indicator i) const { return weights[static_cast<std::size_t>(i)]; }
};

// Errors: kInvalidArgument naming the key for a syntax error, an unknown indicator or key, a
// weight that is negative or not a number, or a threshold below 2 (field "<indicator>.<key>").
Result<IndicatorRules> ParseIndicatorRules(std::string_view toml, std::string_view source_name);
// The embedded rules/default_indicators.toml; kInternal if it does not parse.
Result<IndicatorRules> DefaultIndicatorRules();
std::string_view DefaultIndicatorRulesText();

struct IndicatorResult {
  // Bit (1 << Indicator) per indicator that fired.
  std::vector<std::uint32_t> ad_bits;
  std::vector<std::uint32_t> advertiser_bits;  // indexed by advertiser id; union of its ads
  std::vector<double> ad_score;                // sum of the weights of the fired indicators
  std::vector<double> advertiser_score;
  // Number of fired indicators with weight > 0.
  int CountOf(std::uint32_t bits, const IndicatorRules& rules) const;
};

// Precondition: linking was made from corpus.
IndicatorResult ScoreIndicators(const Corpus& corpus, const Linking& linking,
                                const IndicatorRules& rules);

}  // namespace synlig::ads
