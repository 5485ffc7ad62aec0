// The counts of a mapping round from its online ads: per site and sample day (raw ads, unique
// ads, re-posts), unique advertisers as a range, stated gender, age bands, stated nationality
// region, arenas, indicator distribution, network sizes, and the capture histories of
// advertisers across sample days for multiple systems estimation. Aggregates only. Usage:
//   synlig::ads::RoundCounts counts = synlig::ads::CountRound(corpus, linking, indicators, rules);
//   // or the indicators and the counts at once, on two threads:
//   synlig::ads::RoundAnalysis both = synlig::ads::AnalyzeRound(corpus, linking, rules, 2);
//   auto csv = synlig::ads::CaptureHistoryCsv(counts);   // what `synlig estimate` reads
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "synlig/ads/extract.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/link.h"
#include "synlig/core/date.h"
#include "synlig/core/error.h"

namespace synlig::ads {

struct SiteDayCount {
  std::string site;
  Date day;
  std::uint64_t raw_ads = 0;     // lines read for this site and day
  std::uint64_t unique_ads = 0;  // distinct ad ids
  std::uint64_t reposts = 0;     // unique ads whose text an earlier ad of the same advertiser
                                 // on this site already had under another id
  std::uint64_t advertisers = 0;  // advertisers with an ad on this site and day
};

struct NamedCount {
  std::string name;
  std::uint64_t count = 0;
};

// Age bands of the questionnaire: <15, 15-17, 18-24, 25-34, 35-49, 50+, and not stated.
inline constexpr std::array<const char*, 7> kAgeBands = {"<15",   "15-17", "18-24", "25-34",
                                                         "35-49", "50+",   "not_stated"};
// Indicator distribution buckets: 0, 1, 2, >= 3.
inline constexpr std::array<const char*, 4> kIndicatorBuckets = {"0", "1", "2", "3+"};
// Network sizes in advertisers: 1, 2, 3-5, 6-10, 11+.
inline constexpr std::array<const char*, 5> kNetworkSizes = {"1", "2", "3-5", "6-10", "11+"};

struct RoundCounts {
  std::vector<SiteDayCount> site_days;  // ordered by day, then site
  std::vector<Date> days;               // the sample days, ascending
  std::uint64_t ads = 0;
  std::uint64_t unique_ads = 0;  // distinct (site, ad id) in the round
  std::uint64_t reposts = 0;     // sum over sites and days
  // Unique advertisers as a range: by phone links alone (each ad without a readable number is
  // its own) and by all links.
  std::uint64_t advertisers_phone_only = 0;
  std::uint64_t advertisers_all_links = 0;
  std::uint64_t networks = 0;
  std::uint64_t networks_with_several_advertisers = 0;
  std::uint64_t largest_network = 0;  // advertisers
  std::array<std::uint64_t, 5> network_sizes{};  // kNetworkSizes
  // Per advertiser, from its ads (the value stated most often).
  std::vector<NamedCount> gender;       // lexicon categories + "not_stated"
  std::array<std::uint64_t, 7> age_bands{};  // kAgeBands
  std::vector<NamedCount> nationality;  // regions + "other_stated" + "not_stated"
  std::vector<NamedCount> arenas;       // incall, outcall, hotel, massage: advertisers with any
  // Indicator distribution (weight > 0 only) and per indicator, for ads and advertisers.
  std::array<std::uint64_t, 4> ads_by_indicator_count{};
  std::array<std::uint64_t, 4> advertisers_by_indicator_count{};
  std::array<std::uint64_t, kIndicatorCount> ads_with_indicator{};
  std::array<std::uint64_t, kIndicatorCount> advertisers_with_indicator{};
  // Capture histories: count of advertisers per pattern of sample days (bit d = seen on day d),
  // 2^days entries, entry 0 always 0. Empty when there are more than 16 days.
  std::vector<std::uint64_t> capture_patterns;
};

// Precondition: linking and indicators were made from corpus.
RoundCounts CountRound(const Corpus& corpus, const Linking& linking,
                       const IndicatorResult& indicators, const IndicatorRules& rules);

struct RoundAnalysis {
  IndicatorResult indicators;
  RoundCounts counts;
};

// ScoreIndicators and then CountRound, the same results; with threads > 1 the counts per site
// and day (which need no indicators) are made on a second thread meanwhile.
// Precondition: linking was made from corpus.
RoundAnalysis AnalyzeRound(const Corpus& corpus, const Linking& linking,
                           const IndicatorRules& rules, int threads);

// The capture histories as the pattern-count CSV of `synlig estimate`: one 0/1 column per
// sample day (named by its date), then `count`, every non-empty pattern (zeros included), rows
// ordered as binary numbers with the first day as the most significant bit.
// Errors: kFailedPrecondition when there are fewer than 2 or more than 16 sample days.
Result<std::string> CaptureHistoryCsv(const RoundCounts& counts);

}  // namespace synlig::ads
