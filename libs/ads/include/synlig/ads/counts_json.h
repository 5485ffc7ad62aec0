// The counts of a round as one JSON object: what `synlig ads analyze --json` prints and what
// the server keeps per import. Aggregates only: no text, number, name or hash. Usage:
//   std::string json = synlig::ads::CountsReportJson(counts, summary, linking, rules);
#pragma once

#include <string>

#include "synlig/ads/counts.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/jsonl_reader.h"
#include "synlig/ads/link.h"

namespace synlig::ads {

// Keys: input (lines, ads_read, lines_skipped, skipped_by_field), sample_days, ads (raw,
// unique, reposts), site_days, advertisers (phone_links_only, all_links, range), networks,
// stated_gender, age_bands, stated_nationality_region, arenas, indicators (ads_by_count,
// advertisers_by_count, per_indicator with weight/ads/advertisers), linking (statistics).
// indent < 0 gives one line.
std::string CountsReportJson(const RoundCounts& counts, const ReadSummary& summary,
                             const Linking& linking, const IndicatorRules& rules, int indent = 2);

}  // namespace synlig::ads
