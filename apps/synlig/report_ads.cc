// Reading ads::CountsReportJson back for the report; nlohmann's exceptions stay in here.
#include "report_ads.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

namespace synlig::app {
namespace {

using nlohmann::json;

void Buckets(const json& j, std::span<const char* const> names, std::span<std::uint64_t> out) {
  for (std::size_t i = 0; i < names.size(); ++i) out[i] = j.at(names[i]).get<std::uint64_t>();
}

}  // namespace

Result<ads::RoundCounts> RoundCountsFromJson(std::string_view text) {
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgument("the stored ad counts are not a JSON object", "counts_json");
  }
  ads::RoundCounts c;
  try {
    for (const json& d : j.at("sample_days")) {
      auto day = ParseDate(d.get<std::string>());
      if (!day) return InvalidArgument("bad sample day in the stored ad counts", "counts_json");
      c.days.push_back(*day);
    }
    const json& a = j.at("ads");
    c.ads = a.at("raw").get<std::uint64_t>();
    c.unique_ads = a.at("unique").get<std::uint64_t>();
    c.reposts = a.at("reposts").get<std::uint64_t>();
    for (const json& s : j.at("site_days")) {
      auto day = ParseDate(s.at("day").get<std::string>());
      if (!day) return InvalidArgument("bad day in the stored ad counts", "counts_json");
      c.site_days.push_back(
          {s.at("site").get<std::string>(), *day, s.at("raw_ads").get<std::uint64_t>(),
           s.at("unique_ads").get<std::uint64_t>(), s.at("reposts").get<std::uint64_t>(),
           s.at("advertisers").get<std::uint64_t>()});
    }
    const json& adv = j.at("advertisers");
    c.advertisers_phone_only = adv.at("phone_links_only").get<std::uint64_t>();
    c.advertisers_all_links = adv.at("all_links").get<std::uint64_t>();
    const json& net = j.at("networks");
    c.networks = net.at("count").get<std::uint64_t>();
    c.networks_with_several_advertisers = net.at("with_several_advertisers").get<std::uint64_t>();
    c.largest_network = net.at("largest_in_advertisers").get<std::uint64_t>();
    Buckets(net.at("by_advertisers"), ads::kNetworkSizes, c.network_sizes);
    const json& ind = j.at("indicators");
    Buckets(ind.at("ads_by_count"), ads::kIndicatorBuckets, c.ads_by_indicator_count);
    Buckets(ind.at("advertisers_by_count"), ads::kIndicatorBuckets,
            c.advertisers_by_indicator_count);
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("the stored ad counts lack a figure: ") + e.what(),
                           "counts_json");
  }
  return c;
}

Result<std::optional<ads::RoundCounts>> LoadAdCounts(storage::Database& db, storage::Id round_id) {
  auto imports = db.ad_imports().ListForRound(round_id);
  if (!imports) return Unexpected(imports.error());
  const auto used = std::find_if(imports->begin(), imports->end(),
                                 [](const storage::AdImport& im) { return im.for_report; });
  if (used == imports->end()) return std::optional<ads::RoundCounts>();
  auto counts = RoundCountsFromJson(used->counts_json);
  if (!counts) return Unexpected(counts.error());
  return std::optional<ads::RoundCounts>(*std::move(counts));
}

}  // namespace synlig::app
