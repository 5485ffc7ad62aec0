// Persons by sector as a capture table, and an estimate with fallbacks (sector_capture.h).
#include "synlig/estimate/sector_capture.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace synlig::estimate {

Result<CaptureTable> CaptureTableBySector(std::span<const SectorSighting> sightings) {
  std::map<std::string_view, std::set<Sector>> persons;
  for (const SectorSighting& s : sightings) {
    if (!s.person.empty()) persons[s.person].insert(s.sector);
  }
  std::vector<Sector> lists;
  for (const auto& [person, sectors] : persons) {
    for (Sector s : sectors) {
      if (std::find(lists.begin(), lists.end(), s) == lists.end()) lists.push_back(s);
    }
  }
  std::sort(lists.begin(), lists.end());
  if (lists.size() < 2) {
    return Fail(ErrorCode::kFailedPrecondition,
                "persons were matched in fewer than two sectors", "lists");
  }
  std::vector<std::int64_t> counts(std::size_t{1} << lists.size(), 0);
  for (const auto& [person, sectors] : persons) {
    Pattern p = 0;
    for (std::size_t j = 0; j < lists.size(); ++j) {
      if (sectors.contains(lists[j])) p |= Pattern{1} << j;
    }
    ++counts[p];
  }
  std::vector<std::string> names;
  for (Sector s : lists) names.emplace_back(SectorNameSv(s));
  return CaptureTable::Create(names, counts);
}

Result<MethodResult> EstimateWithFallbacks(const CaptureTable& table, std::string_view preferred,
                                           std::vector<std::string>& notes) {
  std::vector<std::string> tried = {std::string(preferred)};
  for (const char* fallback : {"stepwise", "independence", "chapman"}) {
    if (std::find(tried.begin(), tried.end(), fallback) == tried.end()) tried.emplace_back(fallback);
  }
  for (const std::string& name : tried) {
    auto method = ParseMethod(name);
    if (!method) continue;
    std::mt19937_64 rng(1234);
    auto result = Estimate(table, {.method = *method, .bootstrap = 0, .threads = 2}, rng);
    if (result) return result;
    notes.push_back("estimate by " + name + " failed: " + result.error().message());
  }
  return Fail(ErrorCode::kFailedPrecondition, "no method gave an estimate", "method");
}

}  // namespace synlig::estimate
