// Synthetic attitude-work and contact-log data of the demo municipality.
#include "demo_followup.h"

#include <array>
#include <chrono>
#include <random>
#include <string>

#include "synlig/followup/activity.h"
#include "synlig/followup/contact.h"

namespace synlig::app::demo {
namespace {

using followup::ActivityKind;
using followup::TargetGroup;

struct DemoSchool {
  const char* name;
  std::vector<int> grades;
};

Date DaysBefore(const Date& today, int days) {
  return Date{std::chrono::sys_days(today) - std::chrono::days{days}};
}

// A weighted pick of an index.
std::uint8_t Pick(std::mt19937_64& rng, std::initializer_list<double> weights) {
  std::discrete_distribution<int> d(weights);
  return static_cast<std::uint8_t>(d(rng));
}

}  // namespace

Result<FollowupSummary> CreateFollowupDemo(storage::Database& db, const Clock& clock,
                                           std::uint64_t seed,
                                           const std::vector<std::int64_t>& unit_ids) {
  FollowupSummary summary;
  std::mt19937_64 rng(seed * 7919 + 17);
  const Date today{std::chrono::floor<std::chrono::days>(clock.Now())};
  const std::int64_t now = clock.NowUnix();
  auto prevention_user = db.users().FindByUsername("demo.prevention_coordinator");
  if (!prevention_user) return Unexpected(prevention_user.error());
  auto clinic_user = db.users().FindByUsername("demo.clinic_staff");
  if (!clinic_user) return Unexpected(clinic_user.error());

  const std::vector<DemoSchool> schools = {
      {"Ljungdalsskolan 7–9 (demo)", {7, 8, 9}},
      {"Solbergaskolan 4–9 (demo)", {4, 5, 6, 7, 8, 9}},
      {"Norrbrinks gymnasium (demo)", {10, 11, 12}},
      {"Tallbackens gymnasium (demo)", {10, 11, 12}},
      {"Ekbackens skola F–6 (demo)", {0, 1, 2, 3, 4, 5, 6}},
  };
  std::vector<std::int64_t> school_ids;
  for (const DemoSchool& s : schools) {
    auto id = db.prevention().CreateSchool(followup::School{0, s.name, s.grades, true});
    if (!id) return Unexpected(id.error());
    school_ids.push_back(*id);
    ++summary.schools;
  }

  // Twenty activities over the last ~14 months; lessons and workshops at schools for grades
  // 8–9 and upper secondary, parent meetings, a staff day, a campaign and a partnership with
  // the hotel and restaurant trade held by units.
  struct Plan {
    int days_ago;
    ActivityKind kind;
    int school;        // index into schools, -1 = a unit
    std::size_t unit;  // index into demo::Units() when school is -1
    TargetGroup target;
    std::vector<int> grades;
    int reached;
    const char* method;
    const char* partner;
    bool attitudes;
  };
  const std::vector<Plan> plans = {
      {400,
       ActivityKind::kLesson,
       0,
       0,
       TargetGroup::kGrade,
       {9},
       54,
       "Värderingsövning",
       "",
       true},
      {385, ActivityKind::kWorkshop, 2, 0, TargetGroup::kGrade, {11}, 62, "Forumspel", "", true},
      {370,
       ActivityKind::kParentMeeting,
       0,
       0,
       TargetGroup::kParents,
       {},
       38,
       "Information om sexuell exploatering",
       "",
       false},
      {340,
       ActivityKind::kStaffDay,
       -1,
       9,
       TargetGroup::kStaff,
       {},
       45,
       "Föreläsning om sex mot ersättning",
       "",
       false},
      {310,
       ActivityKind::kThemeDay,
       3,
       0,
       TargetGroup::kGrade,
       {10, 11},
       180,
       "Temadag om relationer och gränser",
       "",
       true},
      {290,
       ActivityKind::kLesson,
       1,
       0,
       TargetGroup::kGrade,
       {8},
       48,
       "Lärarhandledning",
       "",
       true},
      {260,
       ActivityKind::kCampaign,
       -1,
       10,
       TargetGroup::kAge,
       {},
       300,
       "Affischer och sociala medier",
       "",
       false},
      {230,
       ActivityKind::kPartnership,
       -1,
       19,
       TargetGroup::kBusiness,
       {},
       24,
       "Utbildning för hotellpersonal",
       "Hotell- och restaurangnätverket (demo)",
       false},
      {200,
       ActivityKind::kLesson,
       0,
       0,
       TargetGroup::kGrade,
       {8, 9},
       101,
       "Värderingsövning",
       "",
       true},
      {120, ActivityKind::kWorkshop, 2, 0, TargetGroup::kGrade, {10}, 58, "Forumspel", "", true},
      {110,
       ActivityKind::kLesson,
       3,
       0,
       TargetGroup::kGrade,
       {12},
       66,
       "Film och samtal",
       "",
       true},
      {100,
       ActivityKind::kParentMeeting,
       1,
       0,
       TargetGroup::kParents,
       {},
       41,
       "Information om sexuell exploatering",
       "",
       false},
      {90, ActivityKind::kLesson, 1, 0, TargetGroup::kGrade, {9}, 50, "Lärarhandledning", "", true},
      {75,
       ActivityKind::kStaffDay,
       4,
       0,
       TargetGroup::kStaff,
       {},
       28,
       "Elevhälsans tema",
       "",
       false},
      {60,
       ActivityKind::kWorkshop,
       0,
       0,
       TargetGroup::kGrade,
       {7},
       52,
       "Normkritisk övning",
       "",
       true},
      {45,
       ActivityKind::kThemeDay,
       2,
       0,
       TargetGroup::kGrade,
       {10, 11, 12},
       240,
       "Temadag om relationer och gränser",
       "",
       true},
      {30,
       ActivityKind::kPartnership,
       -1,
       10,
       TargetGroup::kAge,
       {},
       35,
       "Samtalsgrupper på fritidsgården",
       "Idrottsföreningen Kvarnen (demo)",
       false},
      {21,
       ActivityKind::kCampaign,
       -1,
       12,
       TargetGroup::kBusiness,
       {},
       60,
       "Kampanj mot sexköp i samband med evenemang",
       "Citysamverkan (demo)",
       false},
      {14, ActivityKind::kLesson, 3, 0, TargetGroup::kGrade, {11}, 63, "Film och samtal", "", true},
      {7, ActivityKind::kLesson, 1, 0, TargetGroup::kGrade, {8}, 47, "Värderingsövning", "", true},
  };
  for (const Plan& p : plans) {
    followup::Activity a;
    a.date = DaysBefore(today, p.days_ago);
    a.kind = p.kind;
    if (p.school >= 0) {
      a.school_id = school_ids[static_cast<std::size_t>(p.school)];
    } else {
      a.unit_id = unit_ids.at(p.unit);
    }
    a.target = p.target;
    a.grades = p.grades;
    if (p.target == TargetGroup::kAge) {
      a.age_from = 13;
      a.age_to = 19;
    }
    a.reached = p.reached;
    a.method = p.method;
    a.partner = p.partner;
    if (p.attitudes) {
      // Asked of most of those reached: before, fewer disagree that buying is okay than after.
      const std::int64_t n = p.reached * 9 / 10;
      std::uniform_int_distribution<std::int64_t> wobble(0, 3);
      const std::int64_t ok_before = n * 12 / 100 + wobble(rng);
      const std::int64_t ok_after = n * 5 / 100 + wobble(rng);
      const std::int64_t dk_before = n * 15 / 100;
      const std::int64_t dk_after = n * 6 / 100;
      followup::AttitudeResult buying{0, {}, {}};
      buying.before = {ok_before / 2, ok_before - ok_before / 2, n * 20 / 100,
                       n - ok_before - n * 20 / 100 - dk_before, dk_before};
      buying.after = {ok_after / 2, ok_after - ok_after / 2, n * 12 / 100,
                      n - ok_after - n * 12 / 100 - dk_after, dk_after};
      followup::AttitudeResult help{3, {}, {}};
      help.before = {n * 10 / 100, n * 25 / 100, n * 30 / 100, n * 20 / 100, n - n * 85 / 100};
      help.after = {n * 35 / 100, n * 35 / 100, n * 15 / 100, n * 5 / 100, n - n * 90 / 100};
      a.attitudes = {buying, help};
    }
    auto id = db.prevention().CreateActivity(a, prevention_user->id, now);
    if (!id) return Unexpected(id.error());
    ++summary.activities;
  }

  // A KAST clinic with the demo staff login, and sixty anonymous contacts over twelve months.
  auto clinic = db.clinics().CreateClinic(followup::Clinic{
      0, "KAST Östergötland (demo)", followup::ClinicKind::kKast, "Linköping", true});
  if (!clinic) return Unexpected(clinic.error());
  if (auto s = db.clinics().AssignStaff(clinic_user->id, *clinic); !s) return Unexpected(s.error());
  std::uniform_int_distribution<int> day(0, 364);
  for (int i = 0; i < 60; ++i) {
    followup::Contact c;
    c.clinic_id = *clinic;
    c.date = DaysBefore(today, day(rng));
    c.values = {Pick(rng, {45, 15, 25, 15}),                    // channel
                Pick(rng, {55, 45}),                            // visit
                Pick(rng, {12, 82, 2, 4}),                      // gender
                Pick(rng, {3, 14, 26, 33, 20, 4}),              // age band
                Pick(rng, {78, 4, 10, 8}),                      // kind
                Pick(rng, {40, 15, 12, 10, 4, 2, 3, 8, 4, 2}),  // found via
                Pick(rng, {70, 8, 10, 8, 0, 2, 2})};            // referral
    auto id = db.clinics().AddContact(c, clinic_user->id, now);
    if (!id) return Unexpected(id.error());
    ++summary.contacts;
  }
  if (auto s = db.clinics().SaveAssumptions(followup::Assumptions{250, 720000, 150000, 60}, 0, now);
      !s) {
    return Unexpected(s.error());
  }
  return summary;
}

}  // namespace synlig::app::demo
