// One linear system over several tables: figures of linked tables (same row labels, same row
// sums) share their row totals and grand total.
#pragma once

#include <cstdint>
#include <vector>

#include "lp.h"
#include "synlig/disclosure/disclosure.h"

namespace synlig::disclosure::internal {

struct TableView {
  const Table* table;
  std::vector<CellStatus> status;    // flat (figures.h)
  std::vector<std::int64_t> values;  // flat: what the attacker sees for published figures
  std::vector<std::int64_t> below;   // flat "<N" bounds, or empty
};

struct Joint {
  System system;
  std::vector<std::vector<int>> id;      // per table: flat figure -> system id
  std::vector<int> table_of, figure_of;  // per system id: its first table and figure
  std::vector<CellStatus> status;        // per system id (the strongest over the tables)
  std::vector<std::int64_t> value;       // per system id
};

// Links tables when `link` (see ProtectLinked) and builds the system: published figures known,
// others unknown with bounds [0, inf) or from "<N" (lower 1 unless zeros_unsafe).
// Errors: kInvalidArgument (field "tables") for linked tables with different published row
// totals, or a linked table with row groups.
Result<Joint> BuildJoint(const std::vector<TableView>& views, bool link, bool zeros_unsafe);

// The flat figures of a ProtectedTable: the published values and the "<N" bounds.
std::vector<std::int64_t> GatherPublished(const ProtectedTable& p);
std::vector<std::int64_t> GatherBelow(const ProtectedTable& p);

}  // namespace synlig::disclosure::internal
