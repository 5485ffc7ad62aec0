// Counting a round: per site and day, per advertiser, indicator distribution, network sizes
// and capture histories.
#include "synlig/ads/counts.h"

#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "flat_index.h"
#include "group_counts.h"
#include "radix_sort.h"

namespace synlig::ads {
namespace {

using internal::DistinctPerGroup;
using internal::FlatIndex;
using internal::RadixSort;

std::size_t AgeBand(int age) {
  if (age < 0) return 6;
  if (age < 15) return 0;
  if (age < 18) return 1;
  if (age < 25) return 2;
  if (age < 35) return 3;
  if (age < 50) return 4;
  return 5;
}

std::size_t Bucket(int indicators) { return static_cast<std::size_t>(std::min(indicators, 3)); }

std::size_t NetworkSizeBucket(std::uint64_t advertisers) {
  if (advertisers <= 1) return 0;
  if (advertisers == 2) return 1;
  if (advertisers <= 5) return 2;
  if (advertisers <= 10) return 3;
  return 4;
}

Date DayToDate(std::int32_t day) { return Date{std::chrono::sys_days(std::chrono::days(day))}; }

// The sample days, each ad's day (as an index), and the ads in order of day (stable).
struct DayIndex {
  std::vector<std::int32_t> days;
  std::vector<std::uint32_t> day_of;
  std::vector<std::uint32_t> order;
};

// The counts that come straight from the linking, and the days (out.days).
DayIndex StartCounts(const Corpus& corpus, const Linking& linking, RoundCounts& out) {
  const std::vector<ExtractedAd>& ads = corpus.ads;
  const std::size_t n = ads.size();
  out.ads = n;
  out.advertisers_phone_only = linking.phone_only_groups;
  out.advertisers_all_links = linking.advertisers;
  out.networks = linking.networks;

  DayIndex index;
  std::set<std::int32_t> day_set;
  for (const ExtractedAd& ad : ads) day_set.insert(ad.day);
  std::vector<std::int32_t>& days = index.days;
  days.assign(day_set.begin(), day_set.end());
  for (std::int32_t d : days) out.days.push_back(DayToDate(d));
  std::vector<std::uint32_t>& day_of = index.day_of;
  day_of.resize(n);
  std::vector<std::uint32_t> first_of_day(days.size() + 1, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    day_of[i] = static_cast<std::uint32_t>(
        std::lower_bound(days.begin(), days.end(), ads[i].day) - days.begin());
    ++first_of_day[day_of[i] + 1];
  }
  for (std::size_t d = 0; d < days.size(); ++d) first_of_day[d + 1] += first_of_day[d];
  index.order.resize(n);
  std::vector<std::uint32_t> at(first_of_day.begin(), first_of_day.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) index.order[at[day_of[i]]++] = i;
  return index;
}

// Per site and day (out.site_days), unique ads and re-posts: what needs no indicators.
void CountSiteDays(const Corpus& corpus, const Linking& linking, const DayIndex& index,
                   RoundCounts& out) {
  const std::vector<ExtractedAd>& ads = corpus.ads;
  const std::size_t n = ads.size();
  const std::vector<std::int32_t>& days = index.days;
  const std::vector<std::uint32_t>& day_of = index.day_of;
  const std::vector<std::uint32_t>& order = index.order;

  // Per site and day. Ads by (site, 64-bit hash of the id): the last day each was seen on.
  std::vector<SiteDayCount> cells;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cell_keys;  // (day index, site)
  std::vector<std::uint32_t> cell_of_site(corpus.sites.size(), FlatIndex::kNone);
  FlatIndex last_day(n);
  FlatIndex first_ad(n);  // (site, content group) -> the first ad, for its id
  std::vector<std::pair<std::uint32_t, std::uint32_t>> advertiser_cells;  // (cell, advertiser)
  std::uint32_t current_day = FlatIndex::kNone;
  for (std::uint32_t i : order) {
    const ExtractedAd& ad = ads[i];
    if (day_of[i] != current_day) {
      std::fill(cell_of_site.begin(), cell_of_site.end(), FlatIndex::kNone);
      current_day = day_of[i];
    }
    std::uint32_t& cell_index = cell_of_site[ad.site];
    if (cell_index == FlatIndex::kNone) {
      cell_index = static_cast<std::uint32_t>(cells.size());
      cells.emplace_back();
      cell_keys.emplace_back(current_day, ad.site);
    }
    SiteDayCount& cell = cells[cell_index];
    ++cell.raw_ads;
    const std::uint64_t id = XXH3_64bits_withSeed(ad.ad_id.data(), ad.ad_id.size(), ad.site);
    auto [seen_on, first_time] = last_day.Insert(id, current_day);
    if (!first_time && *seen_on == current_day) continue;  // seen today already
    *seen_on = current_day;
    ++cell.unique_ads;
    if (first_time) ++out.unique_ads;
    std::uint64_t key = (std::uint64_t{ad.site} << 32) | linking.content_group[i];
    auto [first, inserted] = first_ad.Insert(key, i);
    if (!inserted && ads[*first].ad_id != ad.ad_id) {
      ++cell.reposts;
      ++out.reposts;
    }
    advertiser_cells.emplace_back(cell_index, linking.advertiser[i]);
  }
  std::vector<std::uint32_t> advertisers_in =
      DistinctPerGroup(cells.size(), linking.advertisers, advertiser_cells);
  std::vector<std::uint32_t> cell_order(cells.size());
  for (std::uint32_t c = 0; c < cells.size(); ++c) cell_order[c] = c;
  std::sort(cell_order.begin(), cell_order.end(),
            [&](std::uint32_t x, std::uint32_t y) { return cell_keys[x] < cell_keys[y]; });
  for (std::uint32_t c : cell_order) {
    SiteDayCount& cell = cells[c];
    cell.advertisers = advertisers_in[c];
    cell.day = DayToDate(days[cell_keys[c].first]);
    cell.site = corpus.sites[cell_keys[c].second];
    out.site_days.push_back(std::move(cell));
  }
}

// The rest: per advertiser, indicators, networks and capture histories.
void CountAdvertisers(const Corpus& corpus, const Linking& linking,
                      const IndicatorResult& indicators, const IndicatorRules& rules,
                      const DayIndex& index, RoundCounts& out) {
  const std::vector<ExtractedAd>& ads = corpus.ads;
  const std::size_t n = ads.size();
  const std::vector<std::uint32_t>& day_of = index.day_of;

  // Per advertiser: stated values (the most frequent), arenas, days seen.
  const std::size_t advertisers = linking.advertisers;
  std::vector<int> gender(advertisers, -1);
  std::vector<int> age(advertisers, -1);
  std::vector<int> region(advertisers, -1);
  std::vector<char> nationality_stated(advertisers, 0);
  std::vector<std::uint32_t> features(advertisers, 0);
  std::vector<std::uint32_t> day_pattern(advertisers, 0);
  // (advertiser << 16 | value) of one stated field (values 0-32767), tallied by sorting.
  std::vector<std::uint64_t> stated;
  std::vector<std::uint64_t> scratch;
  int advertiser_bits = 1;
  while ((std::uint64_t{1} << advertiser_bits) < advertisers) ++advertiser_bits;
  auto most_common = [&](std::vector<int>& result, auto value_of) {
    stated.clear();
    for (std::uint32_t i = 0; i < n; ++i) {
      int v = value_of(ads[i]);
      if (v >= 0) stated.push_back(std::uint64_t{linking.advertiser[i]} << 16 | unsigned(v));
    }
    RadixSort(stated, 0, 16 + advertiser_bits, scratch);
    std::size_t best_run = 0;
    for (std::size_t k = 0; k < stated.size();) {
      std::size_t end = k;
      while (end < stated.size() && stated[end] == stated[k]) ++end;
      auto a = static_cast<std::uint32_t>(stated[k] >> 16);
      if (k == 0 || (stated[k - 1] >> 16) != a) best_run = 0;
      if (end - k > best_run) {  // ties: the smallest value, which comes first
        best_run = end - k;
        result[a] = static_cast<int>(stated[k] & 0xFFFFu);
      }
      k = end;
    }
  };
  most_common(gender, [](const ExtractedAd& ad) { return int{ad.gender}; });
  most_common(age, [](const ExtractedAd& ad) { return int{ad.age}; });
  most_common(region, [](const ExtractedAd& ad) { return int{ad.region}; });
  for (std::uint32_t i = 0; i < n; ++i) {
    const ExtractedAd& ad = ads[i];
    std::uint32_t a = linking.advertiser[i];
    if (ad.nationality_stated) nationality_stated[a] = 1;
    features[a] |= ad.features;
    if (day_of[i] < 32) day_pattern[a] |= 1u << day_of[i];
  }
  out.gender.resize(corpus.gender_names.size() + 1);
  for (std::size_t g = 0; g < corpus.gender_names.size(); ++g) {
    out.gender[g].name = corpus.gender_names[g];
  }
  out.gender.back().name = "not_stated";
  out.nationality.resize(corpus.region_names.size() + 2);
  for (std::size_t r = 0; r < corpus.region_names.size(); ++r) {
    out.nationality[r].name = corpus.region_names[r];
  }
  out.nationality[corpus.region_names.size()].name = "other_stated";
  out.nationality.back().name = "not_stated";
  const Feature arena_features[] = {Feature::kIncall, Feature::kOutcall, Feature::kHotel,
                                    Feature::kMassage};
  for (Feature f : arena_features) out.arenas.push_back({std::string(FeatureName(f)), 0});
  for (std::size_t a = 0; a < advertisers; ++a) {
    int g = gender[a];
    ++out.gender[g >= 0 ? static_cast<std::size_t>(g) : out.gender.size() - 1].count;
    ++out.age_bands[AgeBand(age[a])];
    int r = region[a];
    std::size_t slot = r >= 0                  ? static_cast<std::size_t>(r)
                       : nationality_stated[a] ? corpus.region_names.size()
                                               : out.nationality.size() - 1;
    ++out.nationality[slot].count;
    for (std::size_t k = 0; k < std::size(arena_features); ++k) {
      if (features[a] & (1u << static_cast<unsigned>(arena_features[k]))) ++out.arenas[k].count;
    }
  }

  // Indicators.
  for (std::size_t i = 0; i < n; ++i) {
    ++out.ads_by_indicator_count[Bucket(indicators.CountOf(indicators.ad_bits[i], rules))];
    for (int k = 0; k < kIndicatorCount; ++k) {
      if ((indicators.ad_bits[i] >> k) & 1u) ++out.ads_with_indicator[static_cast<std::size_t>(k)];
    }
  }
  for (std::size_t a = 0; a < indicators.advertiser_bits.size(); ++a) {
    std::uint32_t bits = indicators.advertiser_bits[a];
    ++out.advertisers_by_indicator_count[Bucket(indicators.CountOf(bits, rules))];
    for (int k = 0; k < kIndicatorCount; ++k) {
      if ((bits >> k) & 1u) ++out.advertisers_with_indicator[static_cast<std::size_t>(k)];
    }
  }

  // Networks: size in advertisers.
  std::vector<std::uint32_t> network_of_advertiser(advertisers, 0);
  for (std::size_t i = 0; i < n; ++i) {
    network_of_advertiser[linking.advertiser[i]] = linking.network[i];
  }
  std::vector<std::uint64_t> size(linking.networks, 0);
  for (std::uint32_t net : network_of_advertiser) ++size[net];
  for (std::uint64_t s : size) {
    ++out.network_sizes[NetworkSizeBucket(s)];
    if (s >= 2) ++out.networks_with_several_advertisers;
    out.largest_network = std::max(out.largest_network, s);
  }

  // Capture histories over the sample days.
  if (index.days.size() <= 16) {
    out.capture_patterns.assign(std::size_t{1} << index.days.size(), 0);
    for (std::uint32_t p : day_pattern) ++out.capture_patterns[p];
  }
}

}  // namespace

RoundCounts CountRound(const Corpus& corpus, const Linking& linking,
                       const IndicatorResult& indicators, const IndicatorRules& rules) {
  RoundCounts out;
  const DayIndex index = StartCounts(corpus, linking, out);
  CountSiteDays(corpus, linking, index, out);
  CountAdvertisers(corpus, linking, indicators, rules, index, out);
  return out;
}

RoundAnalysis AnalyzeRound(const Corpus& corpus, const Linking& linking,
                           const IndicatorRules& rules, int threads) {
  RoundAnalysis out;
  const DayIndex index = StartCounts(corpus, linking, out.counts);
  // The site-day counts write only their own fields of out.counts.
  std::jthread site_days;  // joined also when scoring throws
  if (threads > 1) {
    site_days = std::jthread([&] { CountSiteDays(corpus, linking, index, out.counts); });
  } else {
    CountSiteDays(corpus, linking, index, out.counts);
  }
  out.indicators = ScoreIndicators(corpus, linking, rules);
  CountAdvertisers(corpus, linking, out.indicators, rules, index, out.counts);
  if (site_days.joinable()) site_days.join();
  return out;
}

Result<std::string> CaptureHistoryCsv(const RoundCounts& counts) {
  const std::size_t k = counts.days.size();
  if (k < 2 || k > 16 || counts.capture_patterns.size() != (std::size_t{1} << k)) {
    return FailedPrecondition("capture histories need 2-16 sample days, the file has " +
                              std::to_string(k));
  }
  std::string csv;
  for (const Date& d : counts.days) csv += FormatDate(d) + ",";
  csv += "count\n";
  for (std::size_t row = 1; row < (std::size_t{1} << k); ++row) {
    std::size_t pattern = 0;
    for (std::size_t j = 0; j < k; ++j) {
      bool on = (row >> (k - 1 - j)) & 1u;
      csv += on ? "1," : "0,";
      if (on) pattern |= std::size_t{1} << j;
    }
    csv += std::to_string(counts.capture_patterns[pattern]) + "\n";
  }
  return csv;
}

}  // namespace synlig::ads
