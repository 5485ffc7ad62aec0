// Synthetic inputs for the report tests: seeded person entries over the standard questionnaire,
// units, an estimate, ad counts and Brå figures. All made up.
#pragma once

#include <random>
#include <vector>

#include "synlig/report/report.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::report::testing {

inline std::vector<survey::TabEntry> Entries(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](std::vector<std::string> options) {
    return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)];
  };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  std::vector<survey::TabEntry> out;
  for (int i = 0; i < n; ++i) {
    survey::TabEntry e;
    e.sector = static_cast<Sector>(std::uniform_int_distribution<int>(0, 6)(rng));
    if (chance(0.8)) e.match_hash = "h" + std::to_string(i % (n * 3 / 4 + 1));
    auto& v = e.answers.values;
    v["gender"] = {chance(0.75) ? "woman" : pick({"man", "other", "unknown"})};
    v["age_band"] = {chance(0.7) ? pick({"18_24", "25_34"})
                                 : pick({"under_15", "15_17", "35_49", "50_plus", "unknown"})};
    std::vector<std::string> forms;
    if (chance(0.7)) forms.push_back("sells");
    if (chance(0.15)) forms.push_back("buys");
    if (chance(0.1)) forms.push_back("sexual_self_harm");
    if (chance(0.08)) forms.push_back("trafficking_possible");
    if (chance(0.03)) forms.push_back("trafficking_confirmed");
    if (chance(0.03)) forms.push_back("procuring");
    if (forms.empty()) forms.push_back("sells");
    v["forms"] = forms;
    std::vector<std::string> arenas;
    if (chance(0.6)) arenas.push_back("internet_ads");
    if (chance(0.3)) arenas.push_back("social_media_apps");
    if (chance(0.05)) arenas.push_back("street");
    if (chance(0.05)) arenas.push_back("hotel");
    if (!arenas.empty()) v["arenas"] = arenas;
    v["location"] = {chance(0.8) ? "in_municipality" : pick({"elsewhere", "both", "unknown"})};
    if (chance(0.5)) {
      v["control_signs"] = {
          chance(0.5) ? "none" : pick({"debt_bondage", "takes_earnings", "physical_threats"})};
    }
    out.push_back(std::move(e));
  }
  return out;
}

inline RoundData Round(const std::string& name, int year, int n, std::uint64_t seed, int k = 5) {
  RoundData r;
  r.info.name = name;
  r.info.period = *MakePeriod(std::chrono::year(year) / 1 / 1, std::chrono::year(year) / 12 / 31);
  r.info.min_cell_k = k;
  r.info.municipality = "Linköping";
  auto entries = Entries(n, seed);
  r.tables = TabulateRound(survey::StandardQuestionnaire(), entries);
  std::map<Sector, int> per_sector;
  for (const auto& e : entries) ++per_sector[e.sector];
  for (const auto& [sector, count] : per_sector) {
    r.units.push_back({"Enhet " + std::string(SectorCode(sector)), sector, 2, 1, 1, count});
  }
  r.units.push_back({"Tyst enhet", Sector::kSchool, 1, 0, 0, 0});
  return r;
}

inline std::vector<CrimeYear> Crimes() {
  std::vector<CrimeYear> out;
  const int buy[] = {35, 47, 58, 41, 49};
  const int proc[] = {2, 5, 1, 3, 2};
  for (int i = 0; i < 5; ++i) {
    out.push_back({Crime::kSexPurchase, 2020 + i, buy[i], i == 4, "Brå (test)", "2025-03-01"});
    out.push_back({Crime::kProcuring, 2020 + i, proc[i], i == 4, "Brå (test)", "2025-03-01"});
  }
  return out;
}

inline std::vector<PopulationYear> Population() {
  std::vector<PopulationYear> out;
  const int pop[] = {164616, 165527, 166673, 167392, 168890};
  for (int i = 0; i < 5; ++i) out.push_back({2020 + i, pop[i], "SCB (test)"});
  return out;
}

}  // namespace synlig::report::testing
