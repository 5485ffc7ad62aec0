// A mapping round's persons as capture data: each sector of the units that met a person is a
// list, so persons met by several sectors are the overlaps multiple systems estimation needs.
// Shared by the council report and the MIKA/KAST feasibility page.
//   auto table = estimate::CaptureTableBySector(sightings);
//   auto fit = estimate::EstimateWithFallbacks(*table, "stepwise");
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/core/sector.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/estimation.h"

namespace synlig::estimate {

// A person (by matching key; empty = could not be matched) met by a unit of `sector`.
struct SectorSighting {
  std::string_view person;
  Sector sector;
};

// The capture table of the persons with a key, the sectors that met any of them as lists (in
// Sector order, named in Swedish). kFailedPrecondition (field "lists") when fewer than two
// sectors met a matched person; CaptureTable::Create's errors otherwise.
Result<CaptureTable> CaptureTableBySector(std::span<const SectorSighting> sightings);

// `preferred` (a method name of ParseMethod) and then stepwise, independence and chapman, the
// first that gives an estimate, without bootstrap and with a fixed seed (the same table gives
// the same result). Each method that fails adds a line to `notes`. kFailedPrecondition when
// none gives an estimate.
Result<MethodResult> EstimateWithFallbacks(const CaptureTable& table, std::string_view preferred,
                                           std::vector<std::string>& notes);

}  // namespace synlig::estimate
