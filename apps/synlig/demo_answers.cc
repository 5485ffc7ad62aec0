// Synthetic mapping answers for the demo: a population of invented persons of a few typical
// kinds, each reported by one to three units. Distributions are plausible, not real figures.
#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "demo_data.h"

namespace synlig::app::demo {
namespace {

using Weighted = std::vector<std::pair<std::string, double>>;

class Dice {
 public:
  explicit Dice(std::mt19937_64& rng) : rng_(rng) {}
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::size_t Index(const std::vector<double>& weights) {
    return std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(rng_);
  }
  const std::string& One(const Weighted& options) {
    std::vector<double> w;
    for (const auto& o : options) w.push_back(o.second);
    return options[Index(w)].first;
  }
  // Each option independently with its probability; `empty` alone when none was drawn.
  std::vector<std::string> Some(const Weighted& options, const std::string& empty) {
    std::vector<std::string> out;
    for (const auto& [code, p] : options) {
      if (Chance(p)) out.push_back(code);
    }
    if (out.empty()) out.push_back(empty);
    return out;
  }

 private:
  std::mt19937_64& rng_;
};

enum class Kind { kYoungWoman, kMinor, kBuyer, kYoungMan, kOlderWoman, kTrafficked };

struct KindSpec {
  Kind kind;
  double weight;
  std::vector<std::pair<std::size_t, double>> units;  // index into Units(), weight
};

const std::vector<KindSpec>& Kinds() {
  static const std::vector<KindSpec> kKinds = {
      {Kind::kYoungWoman, 50,
       {{1, 3}, {2, 2}, {3, 1}, {5, 1}, {12, 2}, {14, 2}, {15, 1}, {16, 3}, {17, 2}, {18, 3}}},
      {Kind::kMinor, 12,
       {{0, 4}, {4, 3}, {6, 2}, {7, 2}, {8, 1}, {9, 3}, {10, 2}, {11, 1}, {13, 3}, {3, 1}, {12, 1}}},
      {Kind::kBuyer, 13, {{12, 4}, {18, 4}, {1, 1}, {15, 1}, {5, 1}}},
      {Kind::kYoungMan, 7, {{1, 2}, {2, 1}, {13, 1}, {15, 1}, {17, 2}, {18, 2}}},
      {Kind::kOlderWoman, 10, {{1, 2}, {5, 3}, {15, 3}, {16, 1}, {17, 2}, {12, 1}}},
      {Kind::kTrafficked, 8, {{12, 4}, {16, 3}, {2, 2}, {17, 1}, {14, 1}, {1, 1}}},
  };
  return kKinds;
}

// What is true of a synthetic person, before any reporter describes them.
struct Person {
  Kind kind;
  std::string gender;
  std::string age_band;
  int birth_year = 0;
  char32_t first = U'A';
  char32_t last = U'A';
  std::vector<std::string> forms;
  std::vector<std::string> arenas;
  std::string location;
  std::string citizenship;
  std::vector<std::string> control;
};

int AgeIn(Dice& dice, const std::string& band) {
  if (band == "under_15") return dice.Int(13, 14);
  if (band == "15_17") return dice.Int(15, 17);
  if (band == "18_24") return dice.Int(18, 24);
  if (band == "25_34") return dice.Int(25, 34);
  if (band == "35_49") return dice.Int(35, 49);
  return dice.Int(50, 64);
}

char32_t Initial(Dice& dice) {
  static constexpr std::array<char32_t, 24> kLetters = {
      U'A', U'B', U'C', U'D', U'E', U'F', U'G', U'H', U'I', U'J', U'K', U'L',
      U'M', U'N', U'O', U'P', U'R', U'S', U'T', U'V', U'Y', U'Å', U'Ä', U'Ö'};
  return kLetters[static_cast<std::size_t>(dice.Int(0, kLetters.size() - 1))];
}

const Weighted kSwedishMostly = {{"sweden", 0.78}, {"nordic", 0.03}, {"eu_eea", 0.08},
                                 {"europe_other", 0.04}, {"africa", 0.03}, {"asia", 0.02},
                                 {"unknown", 0.02}};

Person MakePerson(Dice& dice, Kind kind, int year) {
  Person p;
  p.kind = kind;
  p.location = dice.One({{"in_municipality", 0.6}, {"both", 0.25}, {"elsewhere", 0.1},
                         {"unknown", 0.05}});
  p.citizenship = dice.One(kSwedishMostly);
  switch (kind) {
    case Kind::kYoungWoman:
      p.gender = dice.Chance(0.96) ? "woman" : "other";
      p.age_band = dice.Chance(0.5) ? "18_24" : "25_34";
      p.forms = {"sells"};
      if (dice.Chance(0.15)) p.forms.push_back("sexual_self_harm");
      if (dice.Chance(0.08)) p.forms.push_back("trafficking_possible");
      p.arenas = dice.Some({{"internet_ads", 0.7}, {"social_media_apps", 0.55},
                            {"sugar_dating", 0.2}, {"hotel", 0.15}, {"short_let_flat", 0.1},
                            {"street", 0.05}},
                           "unknown");
      break;
    case Kind::kMinor:
      p.gender = dice.One({{"woman", 0.8}, {"man", 0.15}, {"other", 0.05}});
      p.age_band = dice.Chance(0.8) ? "15_17" : "under_15";
      if (dice.Chance(0.6)) p.forms.push_back("sells");
      if (p.forms.empty() || dice.Chance(0.5)) p.forms.push_back("sexual_self_harm");
      if (dice.Chance(0.05)) p.forms.push_back("trafficking_possible");
      p.arenas = dice.Some({{"social_media_apps", 0.8}, {"internet_ads", 0.15},
                            {"sugar_dating", 0.15}, {"other", 0.1}},
                           "unknown");
      p.location = dice.Chance(0.85) ? "in_municipality" : "both";
      break;
    case Kind::kBuyer:
      p.gender = "man";
      p.age_band = dice.One({{"25_34", 0.3}, {"35_49", 0.45}, {"50_plus", 0.25}});
      p.forms = {"buys"};
      p.arenas = dice.Some({{"internet_ads", 0.7}, {"massage_parlour", 0.15}, {"street", 0.1},
                            {"hotel", 0.1}, {"sugar_dating", 0.1}},
                           "unknown");
      break;
    case Kind::kYoungMan:
      p.gender = "man";
      p.age_band = dice.Chance(0.5) ? "18_24" : "25_34";
      p.forms = {"sells"};
      if (dice.Chance(0.2)) p.forms.push_back("sexual_self_harm");
      p.arenas = dice.Some({{"social_media_apps", 0.6}, {"internet_ads", 0.5}}, "unknown");
      break;
    case Kind::kOlderWoman:
      p.gender = "woman";
      p.age_band = dice.Chance(0.7) ? "35_49" : "50_plus";
      p.forms = {"sells"};
      p.arenas = dice.Some({{"internet_ads", 0.6}, {"street", 0.25}, {"hotel", 0.15}},
                           "unknown");
      break;
    case Kind::kTrafficked:
      p.gender = dice.Chance(0.95) ? "woman" : "man";
      p.age_band = dice.One({{"18_24", 0.5}, {"25_34", 0.45}, {"15_17", 0.05}});
      p.forms = {"sells", dice.Chance(0.3) ? "trafficking_confirmed" : "trafficking_possible"};
      if (dice.Chance(0.4)) p.forms.push_back("procuring");
      p.arenas = dice.Some({{"internet_ads", 0.8}, {"short_let_flat", 0.5}, {"hotel", 0.4},
                            {"massage_parlour", 0.2}},
                           "unknown");
      p.citizenship = dice.One({{"eu_eea", 0.4}, {"europe_other", 0.2}, {"africa", 0.15},
                                {"asia", 0.15}, {"latin_america", 0.05}, {"unknown", 0.05}});
      p.control = dice.Some({{"takes_earnings", 0.6}, {"restricts_movement", 0.4},
                             {"debt_bondage", 0.35}, {"withholds_documents", 0.25},
                             {"physical_threats", 0.3}, {"psychological_abuse", 0.4}},
                            "unknown");
      break;
  }
  p.birth_year = year - AgeIn(dice, p.age_band);
  p.first = Initial(dice);
  p.last = Initial(dice);
  return p;
}

struct SectorHabits {
  Weighted origin;
  Weighted support;
  Weighted referrals;
};

SectorHabits HabitsOf(Sector sector) {
  switch (sector) {
    case Sector::kSocialServices:
      return {{{"own_casework", 0.5}, {"referral_from_other_agency", 0.3},
               {"person_sought_help", 0.2}},
              {{"counselling", 0.6}, {"financial_support", 0.2}, {"shelter", 0.1}},
              {{"health_care", 0.3}, {"mika_kast", 0.2}, {"ngo", 0.2}, {"police", 0.1}}};
    case Sector::kPolice:
      return {{{"tip_or_report", 0.6}, {"own_casework", 0.4}},
              {{"interpreter", 0.1}},
              {{"social_services", 0.6}, {"ngo", 0.3}}};
    case Sector::kHealthCare:
      return {{{"person_sought_help", 0.7}, {"referral_from_other_agency", 0.3}},
              {{"health_care", 0.7}, {"counselling", 0.4}},
              {{"social_services", 0.3}, {"mika_kast", 0.2}}};
    case Sector::kSchool:
      return {{{"own_casework", 0.6}, {"relative_or_acquaintance", 0.4}},
              {{"counselling", 0.7}},
              {{"social_services", 0.7}, {"health_care", 0.2}}};
    case Sector::kNgo:
      return {{{"person_sought_help", 0.6}, {"outreach", 0.4}},
              {{"counselling", 0.7}, {"shelter", 0.3}, {"legal_support", 0.2}},
              {{"social_services", 0.4}, {"police", 0.2}}};
    case Sector::kMikaKast:
      return {{{"person_sought_help", 0.8}, {"referral_from_other_agency", 0.2}},
              {{"counselling", 0.9}},
              {{"health_care", 0.2}, {"social_services", 0.1}}};
    case Sector::kOtherMunicipal:
      return {{{"outreach", 0.5}, {"own_casework", 0.5}},
              {{"counselling", 0.3}},
              {{"social_services", 0.6}}};
  }
  return {};
}

// How one reporting unit describes the person: the core is the same, details vary with what
// the unit knows.
DemoEntry Describe(Dice& dice, const Person& p, Sector sector) {
  DemoEntry e;
  auto& v = e.answers.values;
  v["gender"] = {p.gender};
  v["age_band"] = {dice.Chance(0.06) ? "unknown" : p.age_band};
  v["forms"] = p.forms;
  std::vector<std::string> arenas;
  for (const auto& a : p.arenas) {
    if (a == "unknown" || dice.Chance(0.85)) arenas.push_back(a);
  }
  v["arenas"] = arenas.empty() ? std::vector<std::string>{"unknown"} : arenas;
  v["location"] = {p.location};
  v["citizenship_region"] = {dice.Chance(0.9) ? p.citizenship : "unknown"};
  if (!p.control.empty() && (sector == Sector::kPolice || sector == Sector::kNgo ||
                             dice.Chance(0.5))) {
    v["control_signs"] = p.control;
  } else {
    v["control_signs"] = {dice.Chance(0.7) ? "none" : "unknown"};
  }
  SectorHabits habits = HabitsOf(sector);
  v["contact_origin"] = {dice.One(habits.origin)};
  v["support_offered"] = dice.Some(habits.support, "none");
  v["referrals"] = dice.Some(habits.referrals, "none");
  std::erase_if(v["referrals"], [&](const std::string& r) {
    return (r == "police" && sector == Sector::kPolice) ||
           (r == "social_services" && sector == Sector::kSocialServices) ||
           (r == "mika_kast" && sector == Sector::kMikaKast);
  });
  if (v["referrals"].empty()) v["referrals"] = {"none"};
  bool confirmed = std::ranges::find(p.forms, "trafficking_confirmed") != p.forms.end();
  if (sector == Sector::kPolice || confirmed) {
    v["reported_to_police"] = {"yes"};
  } else {
    v["reported_to_police"] = {dice.One({{"no", 0.6}, {"unknown", 0.3}, {"yes", 0.1}})};
  }

  // The matching key as the respondent typed it: usually all of it, sometimes only the
  // birth year (then it cannot be matched with the full key of another unit), sometimes none.
  int key_draw = dice.Int(0, 99);
  if (key_draw < 80) {
    e.key = survey::MatchingKey{p.gender, p.birth_year, p.first, p.last};
  } else if (key_draw < 88) {
    e.key = survey::MatchingKey{p.gender, p.birth_year, std::nullopt, std::nullopt};
  } else if (key_draw < 92) {
    e.key = survey::MatchingKey{p.gender, std::nullopt, std::nullopt, std::nullopt};
  }
  return e;
}

// Units that never start the closed round, and the one that leaves a draft.
constexpr std::array<std::size_t, 2> kNotStarted = {11, 19};
constexpr std::size_t kDraftOnly = 7;

std::vector<UnitReport> EmptyReports() {
  std::vector<UnitReport> reports(Units().size());
  for (std::size_t i = 0; i < reports.size(); ++i) reports[i].unit = i;
  return reports;
}

// Adds `persons` synthetic persons to the reports, each with one to three reporters.
void Populate(Dice& dice, int year, int persons, std::vector<UnitReport>& reports) {
  std::vector<double> kind_weights;
  for (const auto& k : Kinds()) kind_weights.push_back(k.weight);
  for (int n = 0; n < persons; ++n) {
    const KindSpec& spec = Kinds()[dice.Index(kind_weights)];
    Person person = MakePerson(dice, spec.kind, year);
    std::size_t reporters = dice.Chance(0.62) ? 1 : (dice.Chance(0.7) ? 2 : 3);
    std::vector<std::pair<std::size_t, double>> candidates = spec.units;
    for (std::size_t r = 0; r < reporters && !candidates.empty(); ++r) {
      std::vector<double> w;
      for (const auto& c : candidates) w.push_back(c.second);
      std::size_t pick = dice.Index(w);
      std::size_t unit = candidates[pick].first;
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
      reports[unit].entries.push_back(Describe(dice, person, Units()[unit].sector));
    }
  }
}

}  // namespace

std::vector<UnitReport> ClosedRoundReports(int period_year, std::mt19937_64& rng) {
  Dice dice(rng);
  std::vector<UnitReport> reports = EmptyReports();
  Populate(dice, period_year, 190, reports);
  for (UnitReport& r : reports) {
    if (std::ranges::find(kNotStarted, r.unit) != kNotStarted.end()) {
      r.status = UnitReport::Status::kNotStarted;
      r.entries.clear();
    } else if (r.unit == kDraftOnly) {
      r.status = UnitReport::Status::kDraft;
      r.met_anyone = r.entries.empty() ? survey::MetAnyone::kNo : survey::MetAnyone::kYes;
    } else {
      r.status = UnitReport::Status::kSubmitted;
      r.met_anyone = r.entries.empty() ? survey::MetAnyone::kNo : survey::MetAnyone::kYes;
    }
  }
  return reports;
}

std::vector<UnitReport> OpenRoundReports(int period_year, std::mt19937_64& rng) {
  Dice dice(rng);
  std::vector<UnitReport> all = EmptyReports();
  Populate(dice, period_year, 12, all);
  // Only three units have begun; the rest of the population is not reported yet.
  std::vector<UnitReport> reports = EmptyReports();
  for (std::size_t unit : {std::size_t{2}, std::size_t{12}, std::size_t{16}}) {
    UnitReport& r = reports[unit];
    r.status = UnitReport::Status::kDraft;
    r.met_anyone = survey::MetAnyone::kYes;
    r.entries = all[unit].entries;
    if (r.entries.size() > 2) r.entries.resize(2);
    if (r.entries.empty()) r.met_anyone.reset();
  }
  return reports;
}

}  // namespace synlig::app::demo
