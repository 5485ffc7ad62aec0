// The online-ad counts of a round for the council report (section 6): the counts of the ad
// import chosen for the report, else of the newest (the JSON of ads::CountsReportJson) read
// back into ads::RoundCounts.
#pragma once

#include <optional>
#include <string_view>

#include "synlig/ads/counts.h"
#include "synlig/core/error.h"
#include "synlig/storage/database.h"

namespace synlig::app {

// The counts the report uses (ads, sample days and sites, advertisers as a range, networks,
// advertisers and ads by number of indicators). kInvalidArgument (field "counts_json") when
// the JSON is malformed or lacks one of them.
Result<ads::RoundCounts> RoundCountsFromJson(std::string_view json);

// The import the report uses (AdImport::for_report: the chosen one, else the newest); nullopt
// when the round has none. Store errors as they come.
Result<std::optional<ads::RoundCounts>> LoadAdCounts(storage::Database& db, storage::Id round_id);

}  // namespace synlig::app
