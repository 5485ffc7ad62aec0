// The demo municipality ("Linköping-like", all names of units invented or generic, all data
// synthetic): its units, its demo logins and the synthetic mapping answers. Pure: the
// generator takes a seeded std::mt19937_64, so a seed always gives the same demo.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/role.h"
#include "synlig/core/sector.h"
#include "synlig/survey/answers.h"
#include "synlig/survey/matching_key.h"

namespace synlig::app::demo {

// Stored in the settings table ("demo") so a second run recognises the demo.
inline constexpr char kDemoVersion[] = "linkoping-demo-v1";
inline constexpr char kMunicipality[] = "Linköping (demo)";

struct DemoUnit {
  std::string_view name;
  Sector sector;
  std::string_view department;
};
std::span<const DemoUnit> Units();
// Index into Units() of the unit whose coordinator is a demo login.
std::size_t CoordinatorUnitIndex();

struct DemoLogin {
  std::string username;      // "demo.<role>"
  Role role;
  std::string display_name;  // Swedish role name + " (demo)"
  std::string password;      // "demo-<role code>-2026": deterministic, demo only
};
std::vector<DemoLogin> Logins();

// One person entry as a reporting unit gives it: answers plus the matching-key input the
// respondent typed (hashed at once by the caller; nullopt = the respondent left it out).
struct DemoEntry {
  survey::EntryAnswers answers;
  std::optional<survey::MatchingKey> key;
};

// What one unit answered in a round.
struct UnitReport {
  std::size_t unit = 0;  // index into Units()
  enum class Status { kNotStarted, kDraft, kSubmitted } status = Status::kNotStarted;
  std::optional<survey::MetAnyone> met_anyone;
  std::vector<DemoEntry> entries;
};

// The closed round of `period_year`: about 190 synthetic persons, each reported by one to
// three units (the same matching key each time, unless a respondent did not know it), so
// deduplication gives a range. Most units submit; a few never start or leave a draft.
std::vector<UnitReport> ClosedRoundReports(int period_year, std::mt19937_64& rng);

// The open round of `period_year`: nothing submitted yet, a few drafts.
std::vector<UnitReport> OpenRoundReports(int period_year, std::mt19937_64& rng);

}  // namespace synlig::app::demo
