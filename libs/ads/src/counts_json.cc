// The round's counts as JSON (nlohmann; kept out of the public header).
#include "synlig/ads/counts_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace synlig::ads {
namespace {

nlohmann::json Buckets(const auto& names, const auto& values) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < names.size(); ++i) j[names[i]] = values[i];
  return j;
}

nlohmann::json Named(const std::vector<NamedCount>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const NamedCount& c : counts) j[c.name] = c.count;
  return j;
}

}  // namespace

std::string CountsReportJson(const RoundCounts& c, const ReadSummary& summary,
                             const Linking& linking, const IndicatorRules& rules, int indent) {
  nlohmann::json j;
  nlohmann::json skipped = nlohmann::json::object();
  for (const auto& [field, count] : summary.reasons) skipped[field] = count;
  j["input"] = {{"lines", summary.lines},
                {"ads_read", summary.read},
                {"lines_skipped", summary.skipped},
                {"skipped_by_field", skipped}};
  nlohmann::json days = nlohmann::json::array();
  for (const Date& d : c.days) days.push_back(FormatDate(d));
  j["sample_days"] = days;
  j["ads"] = {{"raw", c.ads}, {"unique", c.unique_ads}, {"reposts", c.reposts}};
  j["site_days"] = nlohmann::json::array();
  for (const SiteDayCount& s : c.site_days) {
    j["site_days"].push_back({{"site", s.site},
                              {"day", FormatDate(s.day)},
                              {"raw_ads", s.raw_ads},
                              {"unique_ads", s.unique_ads},
                              {"reposts", s.reposts},
                              {"advertisers", s.advertisers}});
  }
  j["advertisers"] = {{"phone_links_only", c.advertisers_phone_only},
                      {"all_links", c.advertisers_all_links},
                      {"range",
                       {std::min(c.advertisers_phone_only, c.advertisers_all_links),
                        std::max(c.advertisers_phone_only, c.advertisers_all_links)}}};
  j["networks"] = {{"count", c.networks},
                   {"with_several_advertisers", c.networks_with_several_advertisers},
                   {"largest_in_advertisers", c.largest_network},
                   {"by_advertisers", Buckets(kNetworkSizes, c.network_sizes)}};
  j["stated_gender"] = Named(c.gender);
  j["age_bands"] = Buckets(kAgeBands, c.age_bands);
  j["stated_nationality_region"] = Named(c.nationality);
  j["arenas"] = Named(c.arenas);
  nlohmann::json per = nlohmann::json::object();
  for (int i = 0; i < kIndicatorCount; ++i) {
    auto k = static_cast<std::size_t>(i);
    per[std::string(IndicatorName(static_cast<Indicator>(i)))] = {
        {"weight", rules.weights[k]},
        {"ads", c.ads_with_indicator[k]},
        {"advertisers", c.advertisers_with_indicator[k]}};
  }
  j["indicators"] = {
      {"ads_by_count", Buckets(kIndicatorBuckets, c.ads_by_indicator_count)},
      {"advertisers_by_count", Buckets(kIndicatorBuckets, c.advertisers_by_indicator_count)},
      {"per_indicator", per}};
  const LinkStats& st = linking.stats;
  j["linking"] = {{"controller_phones", st.controller_phones},
                  {"stock_images", st.stock_images},
                  {"template_clusters", linking.template_clusters},
                  {"text_pairs_compared", st.candidate_pairs},
                  {"text_links", st.text_links},
                  {"text_links_blocked", st.blocked_text_links}};
  return j.dump(indent);
}

}  // namespace synlig::ads
