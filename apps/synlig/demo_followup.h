// The demo municipality's attitude work and MIKA/KAST clinic (all synthetic): a few schools
// with their grades, about twenty activities over the last two school years with aggregated
// before/after answers, a KAST clinic with the demo clinic_staff login assigned and about
// sixty made-up anonymous contacts spread over the last twelve months, and example cost
// assumptions. The same seed gives the same data.
#pragma once

#include <cstdint>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/error.h"
#include "synlig/storage/database.h"

namespace synlig::app::demo {

struct FollowupSummary {
  int schools = 0;
  int activities = 0;
  int contacts = 0;
};

// Precondition: the demo's units and logins exist (`unit_ids` in demo::Units() order).
Result<FollowupSummary> CreateFollowupDemo(storage::Database& db, const Clock& clock,
                                           std::uint64_t seed,
                                           const std::vector<std::int64_t>& unit_ids);

}  // namespace synlig::app::demo
