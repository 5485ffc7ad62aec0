// TrainingRepository on every backend: records and their uniqueness, completions, staged
// imports applied all-or-nothing, targets and the register as a whole.
#include <algorithm>
#include <set>

#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"
#include "synlig/training/coverage.h"

namespace synlig::storage {
namespace {

using training::Id;

Date D(const char* text) { return *ParseDate(text); }

class TrainingFixture {
 public:
  explicit TrainingFixture(TrainingRepository& repo) : repo_(repo) {}
  Id Department(const std::string& name) {
    return *repo_.CreateDepartment({0, name, training::OrgKind::kDepartment});
  }
  Id Unit(Id department, const std::string& name) {
    return *repo_.CreateUnit({0, department, name, "", true});
  }
  Id Role(const std::string& name, bool target) { return *repo_.CreateRole({0, name, target}); }
  Id Employee(const std::string& name, const std::string& email, Id unit, Id role) {
    return *repo_.CreateEmployee({0, name, email, unit, role, true}, kNow);
  }
  Id SeededCourse(const std::string& code) {
    auto reg = repo_.LoadRegister();
    if (!reg) return 0;
    for (const auto& c : reg->courses) {
      if (c.code == code) return c.id;
    }
    return 0;
  }

 private:
  TrainingRepository& repo_;
};

TEST_P(TrainingRepositoryTest, MigrationSeedsRolesAndTheNationalCourses) {
  auto reg = db().training().LoadRegister();
  ASSERT_TRUE(reg) << reg.error().ToString();
  EXPECT_TRUE(reg->departments.empty());
  bool social_secretary = false;
  bool manager = false;
  for (const auto& r : reg->roles) {
    if (r.name == "Socialsekreterare") social_secretary = r.target_group;
    if (r.name == "Enhetschef") manager = !r.target_group;
  }
  EXPECT_TRUE(social_secretary);
  EXPECT_TRUE(manager);
  ASSERT_EQ(reg->courses.size(), 4u);
  std::set<std::string> codes;
  for (const auto& c : reg->courses) {
    codes.insert(c.code);
    EXPECT_TRUE(c.counts);
    EXPECT_FALSE(c.local);
    EXPECT_TRUE(c.url.starts_with("https://")) << c.url;
  }
  EXPECT_EQ(codes, (std::set<std::string>{"JAMY-SEPM", "NMT-MHBU", "SOS-BARN-UNGA", "SOS-VUXNA"}));
  for (const auto& c : reg->courses) {
    if (c.code == "SOS-VUXNA") {
      EXPECT_EQ(c.track, training::CourseTrack::kAdults);
      EXPECT_EQ(c.provider, "Socialstyrelsen");
      EXPECT_EQ(c.aliases, (std::vector<std::string>{"Sex mot ersättning - vuxna",
                                                     "Sex mot ersättning (vuxna)"}));
    }
  }
}

TEST_P(TrainingRepositoryTest, DepartmentsUnitsAndRolesAreUniqueByName) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id social = f.Department("Socialförvaltningen");
  auto again = repo.CreateDepartment({0, " Socialförvaltningen ", training::OrgKind::kCompany});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().field(), "name");
  const Id unit = f.Unit(social, "Fältgruppen");
  auto orphan = repo.CreateUnit({0, 999, "Ingenstans", "", true});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(orphan.error().field(), "department");
  EXPECT_EQ(repo.CreateUnit({0, social, "Fältgruppen", "", true}).error().field(), "name");
  ASSERT_TRUE(repo.UpdateUnit({unit, social, "Fältgruppen city", "Chef@X.se", false}));
  EXPECT_EQ(repo.UpdateUnit({999, social, "Z", "", true}).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(repo.CreateRole({0, "Socialsekreterare", true}).error().field(), "name");
  const Id role = f.Role("Ungdomsbehandlare", true);
  ASSERT_TRUE(repo.UpdateRole({role, "Ungdomsbehandlare", false}));
  ASSERT_TRUE(repo.UpdateDepartment({social, "Socialförvaltningen", training::OrgKind::kCompany}));
  auto reg = repo.LoadRegister();
  ASSERT_TRUE(reg);
  ASSERT_EQ(reg->units.size(), 1u);
  EXPECT_EQ(reg->units[0].name, "Fältgruppen city");
  EXPECT_EQ(reg->units[0].manager_email, "chef@x.se");
  EXPECT_FALSE(reg->units[0].active);
  EXPECT_EQ(reg->departments[0].kind, training::OrgKind::kCompany);
}

TEST_P(TrainingRepositoryTest, EmployeesHaveUniqueEmailsAndValidReferences) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id unit = f.Unit(f.Department("S"), "U");
  const Id role = f.Role("R", true);
  const Id anna = f.Employee("Anna Exempel", "Anna@Kommun.se", unit, role);
  auto dup = repo.CreateEmployee({0, "Annan Anna", "anna@kommun.se", unit, role, true}, kNow);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().field(), "email");
  EXPECT_EQ(repo.CreateEmployee({0, "X", "x@k.se", 999, role, true}, kNow).error().field(), "unit");
  EXPECT_EQ(repo.CreateEmployee({0, "X", "x@k.se", unit, 999, true}, kNow).error().field(), "role");
  EXPECT_EQ(repo.CreateEmployee({0, "X", "x", unit, role, true}, kNow).error().field(), "email");
  auto found = repo.FindEmployee(anna);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->email, "anna@kommun.se");
  training::Employee changed = *found;
  changed.active = false;
  changed.name = "Anna Exempel-Berg";
  ASSERT_TRUE(repo.UpdateEmployee(changed, kNow + 1));
  EXPECT_FALSE(repo.FindEmployee(anna)->active);
  f.Employee("Bo", "bo@kommun.se", unit, role);
  changed.email = "bo@kommun.se";
  EXPECT_EQ(repo.UpdateEmployee(changed, kNow).error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(repo.FindEmployee(anna)->email, "anna@kommun.se");  // nothing half-saved
  auto all = repo.ListEmployees();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "Anna Exempel-Berg");
  EXPECT_EQ(repo.FindEmployee(999).error().code(), ErrorCode::kNotFound);
}

TEST_P(TrainingRepositoryTest, CoursesAreUniqueByCodeAndName) {
  auto& repo = db().training();
  training::Course local;
  local.code = "LOKAL-1";
  local.name = "Lokal halvdag";
  local.local = true;
  local.aliases = {"Halvdag"};
  auto id = repo.CreateCourse(local);
  ASSERT_TRUE(id) << id.error().ToString();
  local.name = "Annat namn";
  EXPECT_EQ(repo.CreateCourse(local).error().field(), "code");
  local.code = "LOKAL-2";
  local.name = "Lokal halvdag";
  EXPECT_EQ(repo.CreateCourse(local).error().field(), "name");
  local.id = *id;
  local.code = "SOS-VUXNA";
  EXPECT_EQ(repo.UpdateCourse(local).error().field(), "code");
  local.code = "LOKAL-1";
  local.counts = false;
  ASSERT_TRUE(repo.UpdateCourse(local));
  auto reg = repo.LoadRegister();
  ASSERT_TRUE(reg);
  for (const auto& c : reg->courses) {
    if (c.id == *id) {
      EXPECT_FALSE(c.counts);
      EXPECT_TRUE(c.local);
      EXPECT_EQ(c.aliases, std::vector<std::string>{"Halvdag"});
    }
  }
}

TEST_P(TrainingRepositoryTest, CompletionsAreUniquePerEmployeeCourseAndDay) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id unit = f.Unit(f.Department("S"), "U");
  const Id e = f.Employee("A", "a@k.se", unit, f.Role("R", true));
  const Id course = f.SeededCourse("SOS-VUXNA");
  training::Completion c{0, e, course, D("2026-03-05"), training::CompletionSource::kImport, 9};
  auto id = repo.AddCompletion(c, std::nullopt, kNow);
  ASSERT_TRUE(id) << id.error().ToString();
  auto dup = repo.AddCompletion(c, std::nullopt, kNow);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(dup.error().field(), "date");
  c.date = D("2026-04-01");
  ASSERT_TRUE(repo.AddCompletion(c, std::nullopt, kNow));
  c.employee_id = 999;
  EXPECT_EQ(repo.AddCompletion(c, std::nullopt, kNow).error().field(), "employee");
  auto list = repo.ListCompletions(e);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(FormatDate((*list)[0].date), "2026-04-01");  // newest first
  EXPECT_EQ((*list)[1].source, training::CompletionSource::kManual);
  EXPECT_EQ((*list)[1].import_id, 0);
  ASSERT_TRUE(repo.DeleteCompletion(*id));
  EXPECT_EQ(repo.DeleteCompletion(*id).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(repo.ListCompletions(std::nullopt)->size(), 1u);
}

TEST_P(TrainingRepositoryTest, ImportIsAppliedOnceAllOrNothing) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id unit = f.Unit(f.Department("S"), "U");
  const Id role = f.Role("R", true);
  const Id a = f.Employee("A", "a@k.se", unit, role);
  const Id b = f.Employee("B", "b@k.se", unit, role);
  const Id course = f.SeededCourse("SOS-BARN-UNGA");
  ASSERT_TRUE(repo.AddCompletion({0, a, course, D("2026-03-05"), {}, 0}, std::nullopt, kNow));
  StagedImport staged;
  staged.created_at = kNow;
  staged.file_name = "export.csv";
  staged.encoding = "windows-1252";
  staged.content = "E-post;Kurs;Datum\na@k.se;SOS;2026-03-05\n";
  auto id = repo.StageImport(staged);
  ASSERT_TRUE(id) << id.error().ToString();
  auto found = repo.FindImport(*id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->state, ImportState::kPending);
  EXPECT_EQ(found->content, staged.content);

  // A row naming a missing employee stores nothing, and the import stays pending.
  std::vector<training::PlannedCompletion> bad = {{2, b, course, D("2026-01-01")},
                                                  {3, 999, course, D("2026-01-01")}};
  auto failed = repo.ApplyImport(*id, bad, kNow);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().field(), "employee");
  EXPECT_EQ(repo.ListCompletions(b)->size(), 0u);
  EXPECT_EQ(repo.FindImport(*id)->state, ImportState::kPending);

  std::vector<training::PlannedCompletion> rows = {{2, a, course, D("2026-03-05")},  // known
                                                   {3, b, course, D("2026-01-01")}};
  auto outcome = repo.ApplyImport(*id, rows, kNow + 5);
  ASSERT_TRUE(outcome) << outcome.error().ToString();
  EXPECT_EQ(outcome->added, 1);
  EXPECT_EQ(outcome->skipped, 1);
  auto applied = repo.FindImport(*id);
  EXPECT_EQ(applied->state, ImportState::kApplied);
  EXPECT_EQ(applied->content, "");  // the staff list is not kept
  EXPECT_EQ(applied->rows_added, 1);
  EXPECT_EQ(applied->finished_at, kNow + 5);
  auto of_b = repo.ListCompletions(b);
  ASSERT_EQ(of_b->size(), 1u);
  EXPECT_EQ((*of_b)[0].source, training::CompletionSource::kImport);
  EXPECT_EQ((*of_b)[0].import_id, *id);
  auto twice = repo.ApplyImport(*id, rows, kNow);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo.DiscardImport(*id, kNow).error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(repo.ApplyImport(999, rows, kNow).error().code(), ErrorCode::kNotFound);
}

TEST_P(TrainingRepositoryTest, StaleImportsAreDiscardedAndListedWithoutContent) {
  auto& repo = db().training();
  StagedImport s;
  s.encoding = "utf-8";
  s.content = "x";
  s.created_at = kNow - 100;
  const Id old_one = *repo.StageImport(s);
  s.created_at = kNow;
  const Id fresh = *repo.StageImport(s);
  EXPECT_EQ(repo.StageImport(StagedImport{}).error().field(), "file");
  auto n = repo.DiscardStaleImports(kNow - 10, kNow);
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(repo.FindImport(old_one)->state, ImportState::kDiscarded);
  EXPECT_EQ(repo.FindImport(old_one)->content, "");
  ASSERT_TRUE(repo.DiscardImport(fresh, kNow));
  auto list = repo.ListImports(10);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, fresh);
  EXPECT_EQ(repo.ListImports(0).error().field(), "limit");
}

TEST_P(TrainingRepositoryTest, TargetsReplaceTheirScope) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id dept = f.Department("S");
  ASSERT_TRUE(repo.SetTarget({std::nullopt, 80, D("2027-12-31"), "KF 2025 § 12"}));
  ASSERT_TRUE(repo.SetTarget({std::nullopt, 90, D("2028-12-31"), ""}));
  ASSERT_TRUE(repo.SetTarget({dept, 50, D("2026-12-31"), ""}));
  EXPECT_EQ(repo.SetTarget({999, 50, D("2026-12-31"), ""}).error().field(), "department");
  EXPECT_EQ(repo.SetTarget({std::nullopt, 0, D("2026-12-31"), ""}).error().field(),
            "share_percent");
  auto reg = repo.LoadRegister();
  ASSERT_EQ(reg->targets.size(), 2u);
  EXPECT_FALSE(reg->targets[0].department_id);  // "all" sorts first
  EXPECT_EQ(reg->targets[0].share_percent, 90);
  EXPECT_EQ(FormatDate(reg->targets[0].due), "2028-12-31");
  EXPECT_EQ(reg->targets[1].department_id, dept);
  ASSERT_TRUE(repo.RemoveTarget(dept));
  ASSERT_TRUE(repo.RemoveTarget(dept));
  EXPECT_EQ(repo.LoadRegister()->targets.size(), 1u);
}

// What the council report calls: the stored register, summarised for the report's date
// (training::SummariseCoverage); a completion after that date does not count yet.
TEST_P(TrainingRepositoryTest, StoredRegisterGivesTheReportsCoverageSummaryForADate) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id dept = f.Department("Socialförvaltningen");
  const Id unit = f.Unit(dept, "Fältgruppen");
  const Id in_group = f.Role("Roll i målgruppen", true);
  const Id a = f.Employee("A", "a@k.se", unit, in_group);
  f.Employee("B", "b@k.se", unit, in_group);
  f.Employee("C", "c@k.se", unit, f.Role("Roll utanför målgruppen", false));
  const Id course = f.SeededCourse("SOS-VUXNA");
  ASSERT_TRUE(repo.AddCompletion({0, a, course, D("2026-03-05"), {}, 0}, std::nullopt, kNow));
  ASSERT_TRUE(repo.SetTarget({std::nullopt, 80, D("2027-12-31"), "KF 2025 § 12"}));
  auto reg = repo.LoadRegister();
  ASSERT_TRUE(reg) << reg.error().ToString();

  const training::CoverageSummary before = training::SummariseCoverage(*reg, D("2026-03-04"));
  EXPECT_EQ(before.overall.covered, 0);
  EXPECT_EQ(before.overall.target_group, 2);
  const training::CoverageSummary s = training::SummariseCoverage(*reg, D("2026-03-05"));
  EXPECT_EQ(FormatDate(s.as_of), "2026-03-05");
  EXPECT_EQ(s.overall.covered, 1);
  EXPECT_EQ(s.overall.target_group, 2);
  EXPECT_EQ(s.overall.SharePercent(), 50);
  ASSERT_TRUE(s.target);
  EXPECT_EQ(s.target->target.share_percent, 80);
  EXPECT_FALSE(s.target->met);
  EXPECT_EQ(s.target->needed, 1);  // ceil(0.8 * 2) - 1
  const auto d =
      std::find_if(s.departments.begin(), s.departments.end(),
                   [&](const training::DepartmentCoverage& x) { return x.department_id == dept; });
  ASSERT_NE(d, s.departments.end());
  EXPECT_EQ(d->count.covered, 1);
  EXPECT_EQ(d->count.target_group, 2);
}

TEST_P(TrainingRepositoryTest, FailingWriteLeavesTheRegisterUnchanged) {
  auto& repo = db().training();
  TrainingFixture f(repo);
  const Id unit = f.Unit(f.Department("S"), "U");
  const Id e = f.Employee("A", "a@k.se", unit, f.Role("R", true));
  const Id course = f.SeededCourse("SOS-VUXNA");
  StagedImport s;
  s.encoding = "utf-8";
  s.content = "x";
  const Id import_id = *repo.StageImport(s);
  std::vector<training::PlannedCompletion> rows;
  for (int day = 1; day <= 5; ++day) {
    rows.push_back({day + 1, e, course,
                    Date{std::chrono::year(2026), std::chrono::month(1),
                         std::chrono::day(static_cast<unsigned>(day))}});
  }
  for (int nth = 1; nth <= 40; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    auto r = repo.ApplyImport(import_id, rows, kNow);
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (r) {
      EXPECT_EQ(repo.ListCompletions(e)->size(), 5u);
      return;
    }
    EXPECT_EQ(r.error().code(), ErrorCode::kUnavailable) << nth;
    EXPECT_EQ(repo.ListCompletions(e)->size(), 0u) << nth;
    EXPECT_EQ(repo.FindImport(import_id)->state, ImportState::kPending) << nth;
  }
  FAIL() << "the import never succeeded";
}

}  // namespace
}  // namespace synlig::storage
