// The demo training register: departments, units, fictional employees, completions, targets.
#include "demo_training.h"

#include <array>
#include <chrono>
#include <map>
#include <string>

#include "synlig/training/coverage.h"

namespace synlig::app::demo {
namespace {

constexpr std::array<const char*, 25> kFirst = {
    "Alva",  "Bo",    "Cecilia", "David",   "Elin", "Filip",  "Greta", "Hugo",  "Ingrid",
    "Jonas", "Karin", "Leo",     "Maja",    "Nils", "Olivia", "Per",   "Ronja", "Sven",
    "Tove",  "Ulf",   "Vera",    "Wilhelm", "Ylva", "Åke",    "Östen"};
constexpr std::array<const char*, 8> kLast = {"Exempelsson", "Påhittsson", "Testberg",
                                              "Provqvist",   "Demodahl",   "Låtsasson",
                                              "Fiktivén",    "Övningsson"};

struct DemoUnit {
  const char* name;
  int department;                    // index into kDepartments
  const char* manager;               // "" = no manager address
  std::array<const char*, 5> roles;  // by employee index / 10
};

constexpr std::array<std::pair<const char*, training::OrgKind>, 4> kDepartments = {{
    {"Socialförvaltningen", training::OrgKind::kDepartment},
    {"Utbildningsförvaltningen", training::OrgKind::kDepartment},
    {"Kultur- och fritidsförvaltningen", training::OrgKind::kDepartment},
    {"Bostadsbolaget Eken AB (demo)", training::OrgKind::kCompany},
}};

constexpr const char* kSocSek = "Socialsekreterare";
constexpr std::array<DemoUnit, 10> kUnits = {{
    {"Barn och unga",
     0,
     "chef.barnochunga@demo.synlig.invalid",
     {kSocSek, kSocSek, kSocSek, kSocSek, "Enhetschef"}},
    {"Vuxenenheten",
     0,
     "chef.vuxen@demo.synlig.invalid",
     {kSocSek, "Behandlingsassistent", kSocSek, "Behandlingsassistent", "Administratör"}},
    {"Fältgruppen",
     0,
     "chef.falt@demo.synlig.invalid",
     {"Fältassistent", "Fältassistent", "Fältassistent", "Fältassistent", "Fältassistent"}},
    {"Socialjouren", 0, "", {kSocSek, kSocSek, kSocSek, kSocSek, kSocSek}},
    {"Elevhälsan, centrala teamet",
     1,
     "chef.elevhalsan@demo.synlig.invalid",
     {"Skolsköterska", "Kurator", "Skolsköterska", "Kurator", "Administratör"}},
    {"Norrbrinks gymnasium (demo)",
     1,
     "rektor.norrbrink@demo.synlig.invalid",
     {"Lärare", "Lärare", "Kurator", "Lärare", "Lärare"}},
    {"Ljungdalsskolan 7–9 (demo)",
     1,
     "rektor.ljungdal@demo.synlig.invalid",
     {"Lärare", "Lärare", "Lärare", "Lärare", "Enhetschef"}},
    {"Fritidsgården Kvarnen (demo)",
     2,
     "chef.kvarnen@demo.synlig.invalid",
     {"Fritidsledare", "Fritidsledare", "Fritidsledare", "Fritidsledare", "Fritidsledare"}},
    {"Fritidsgården Ekdungen (demo)",
     2,
     "chef.ekdungen@demo.synlig.invalid",
     {"Fritidsledare", "Fritidsledare", "Fritidsledare", "Fritidsledare", "Enhetschef"}},
    {"Bovärdar och kundservice (demo)", 3, "", {"Bovärd", "Bovärd", "Bovärd", "Bovärd", "Bovärd"}},
}};

std::string Ascii(std::string text) {
  const std::array<std::pair<std::string, std::string>, 6> map = {
      {{"å", "a"}, {"ä", "a"}, {"ö", "o"}, {"Å", "a"}, {"Ö", "o"}, {"é", "e"}}};
  for (const auto& [from, to] : map) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from)) {
      text.replace(at, from.size(), to);
    }
  }
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

Result<TrainingSummary> CreateTrainingDemo(storage::Database& db, const Clock& clock) {
  storage::TrainingRepository& repo = db.training();
  auto seeded = repo.LoadRegister();
  if (!seeded) return Unexpected(seeded.error());
  std::map<std::string, training::Id> roles;
  for (const training::JobRole& r : seeded->roles) roles[r.name] = r.id;
  std::map<std::string, training::Id> courses;
  for (const training::Course& c : seeded->courses) courses[c.code] = c.id;
  std::vector<training::Id> departments;
  for (const auto& [name, kind] : kDepartments) {
    auto id = repo.CreateDepartment({0, name, kind});
    if (!id) return Unexpected(id.error());
    departments.push_back(*id);
  }
  std::vector<training::Id> units;
  for (const DemoUnit& u : kUnits) {
    auto id = repo.CreateUnit(
        {0, departments[static_cast<std::size_t>(u.department)], u.name, u.manager, true});
    if (!id) return Unexpected(id.error());
    units.push_back(*id);
  }
  training::Course local;
  local.code = "LOKAL-HALVDAG";
  local.name = "Sex mot ersättning i vår kommun – halvdag (demo)";
  local.provider = "Kommunens samordnare mot våld (demo)";
  local.local = true;
  local.aliases = {"Halvdag sex mot ersättning"};
  auto local_id = repo.CreateCourse(local);
  if (!local_id) return Unexpected(local_id.error());

  const std::int64_t now = clock.NowUnix();
  const auto today = std::chrono::floor<std::chrono::days>(clock.Now());
  TrainingSummary summary;
  std::vector<training::PlannedCompletion> imported;
  for (int i = 0; i < 50; ++i) {
    const DemoUnit& u = kUnits[static_cast<std::size_t>(i % 10)];
    const std::string first = kFirst[static_cast<std::size_t>(i % 25)];
    const std::string last = kLast[static_cast<std::size_t>((i + (i / 25) * 3) % 8)];
    const std::string role = u.roles[static_cast<std::size_t>(i / 10)];
    training::Employee e;
    e.name = first + " " + last;
    e.email = Ascii(first) + "." + Ascii(last) + "@demo.synlig.invalid";
    e.unit_id = units[static_cast<std::size_t>(i % 10)];
    e.role_id = roles.at(role);
    e.active = i != 13 && i != 49;  // two have left
    auto id = repo.CreateEmployee(e, now);
    if (!id) return Unexpected(id.error());
    ++summary.employees;
    // Two in five have completed a course, spread over the last eleven months.
    if (i % 5 > 1) continue;
    const training::Id course =
        (i % 10 == 1 || i % 10 == 3) ? courses.at("SOS-VUXNA") : courses.at("SOS-BARN-UNGA");
    const Date day{today - std::chrono::days(3 + (i * 37) % 330)};
    if (i % 3 == 0) {
      imported.push_back({i + 2, *id, course, day});
    } else if (auto c = repo.AddCompletion({0, *id, course, day, {}, 0}, std::nullopt, now); !c) {
      return Unexpected(c.error());
    }
    if (i % 10 == 0) {
      const Date later{today - std::chrono::days(1 + (i * 13) % 60)};
      if (auto c = repo.AddCompletion({0, *id, *local_id, later, {}, 0}, std::nullopt, now); !c) {
        return Unexpected(c.error());
      }
    }
  }
  storage::StagedImport staged;
  staged.created_at = now - 30 * 24 * 3600;
  staged.file_name = "larplattform-export-demo.csv";
  staged.encoding = "windows-1252";
  staged.content = "(demo)";
  auto import_id = repo.StageImport(staged);
  if (!import_id) return Unexpected(import_id.error());
  if (auto applied = repo.ApplyImport(*import_id, imported, now - 30 * 24 * 3600); !applied) {
    return Unexpected(applied.error());
  }
  const int year = static_cast<int>(Date{today}.year());
  const Date next_year_end{std::chrono::year(year + 1) / 12 / 31};
  if (auto s = repo.SetTarget({std::nullopt, 80, next_year_end, "KF (demo) § 42"}); !s) {
    return Unexpected(s.error());
  }
  const Date this_year_end{std::chrono::year(year) / 12 / 31};
  if (auto s = repo.SetTarget({departments[1], 60, this_year_end, "UBN (demo) § 7"}); !s) {
    return Unexpected(s.error());
  }
  auto reg = repo.LoadRegister();
  if (!reg) return Unexpected(reg.error());
  const training::CoverageSummary coverage = training::SummariseCoverage(*reg, Date{today});
  summary.target_group = coverage.overall.target_group;
  summary.covered = coverage.overall.covered;
  return summary;
}

}  // namespace synlig::app::demo
