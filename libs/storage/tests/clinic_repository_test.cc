// The MIKA/KAST store on every backend: clinics and staff, contacts of every coded value,
// one clinic's rows kept from another's, the seeded reference figures and the assumptions.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

using followup::Clinic;
using followup::ClinicKind;
using followup::Contact;
using followup::ContactDimensions;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Contact At(std::int64_t clinic, Date date, std::array<std::uint8_t, 7> values = {}) {
  Contact c;
  c.clinic_id = clinic;
  c.date = date;
  c.values = values;
  return c;
}

TEST_P(ClinicRepositoryTest, ClinicsAndStaffAssignments) {
  auto kast = db().clinics().CreateClinic(
      Clinic{0, "KAST Östergötland", ClinicKind::kKast, "Linköping", true});
  ASSERT_TRUE(kast) << kast.error().ToString();
  auto mika = db().clinics().CreateClinic(Clinic{0, "MIKA", ClinicKind::kMika, "", true});
  ASSERT_TRUE(mika);
  EXPECT_EQ(
      db().clinics().CreateClinic(Clinic{0, "MIKA", ClinicKind::kMika, "", true}).error().code(),
      ErrorCode::kAlreadyExists);
  EXPECT_EQ(db().clinics().FindClinic(*kast)->city, "Linköping");
  EXPECT_EQ(db().clinics().ListClinics()->front().name, "KAST Östergötland");

  const Id user = MakeUser("kim", Role::kClinicStaff);
  EXPECT_FALSE(*db().clinics().ClinicOfUser(user));
  ASSERT_TRUE(db().clinics().AssignStaff(user, *kast));
  EXPECT_EQ(*db().clinics().ClinicOfUser(user), *kast);
  ASSERT_TRUE(db().clinics().AssignStaff(user, *mika));  // replaces
  EXPECT_EQ(*db().clinics().ClinicOfUser(user), *mika);
  ASSERT_EQ(db().clinics().ListStaff()->size(), 1u);
  EXPECT_EQ(db().clinics().AssignStaff(9999, *kast).error().field(), "user");
  EXPECT_EQ(db().clinics().AssignStaff(user, 9999).error().field(), "clinic");
  ASSERT_TRUE(db().clinics().UnassignStaff(user));
  ASSERT_TRUE(db().clinics().UnassignStaff(user));
  EXPECT_FALSE(*db().clinics().ClinicOfUser(user));
}

TEST_P(ClinicRepositoryTest, EveryCodeOfEveryFieldCanBeStoredAndReadBack) {
  const Id clinic = *db().clinics().CreateClinic(Clinic{0, "K", ClinicKind::kKast, "", true});
  std::vector<Contact> stored;
  for (const followup::ContactDimension& dim : ContactDimensions()) {
    for (std::size_t v = 0; v < dim.codes.size(); ++v) {
      Contact c = At(clinic, D(2025, 3, 1));
      c.values[static_cast<std::size_t>(dim.field)] = static_cast<std::uint8_t>(v);
      auto id = db().clinics().AddContact(c, 0, kNow);
      ASSERT_TRUE(id) << dim.id << " " << dim.codes[v].code << ": " << id.error().ToString();
      c.id = *id;
      stored.push_back(c);
    }
  }
  auto back = db().clinics().ListContacts(clinic, Period{D(2025, 3, 1), D(2025, 3, 1)});
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, stored);
  Contact bad = At(clinic, D(2025, 3, 1));
  bad.values[static_cast<std::size_t>(followup::ContactField::kReferral)] = 7;
  EXPECT_EQ(db().clinics().AddContact(bad, 0, kNow).error().field(), "referral");
  EXPECT_EQ(db().clinics().AddContact(At(999, D(2025, 3, 1)), 0, kNow).error().field(), "clinic");
}

TEST_P(ClinicRepositoryTest, ContactsAreListedAndDeletedPerClinic) {
  const Id a = *db().clinics().CreateClinic(Clinic{0, "A", ClinicKind::kKast, "", true});
  const Id b = *db().clinics().CreateClinic(Clinic{0, "B", ClinicKind::kMika, "", true});
  const Id a1 = *db().clinics().AddContact(At(a, D(2025, 1, 31)), 0, kNow);
  ASSERT_TRUE(db().clinics().AddContact(At(a, D(2025, 2, 1)), 0, kNow));
  const Id b1 = *db().clinics().AddContact(At(b, D(2025, 1, 15)), 0, kNow);
  const Period january{D(2025, 1, 1), D(2025, 1, 31)};
  EXPECT_EQ(db().clinics().ListContacts(a, january)->size(), 1u);
  EXPECT_EQ(db().clinics().ListContacts(std::nullopt, january)->size(), 2u);
  // Clinic A cannot delete clinic B's row: it looks as if it did not exist.
  EXPECT_EQ(db().clinics().DeleteContact(a, b1).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().clinics().ListContacts(b, january)->size(), 1u);
  ASSERT_TRUE(db().clinics().DeleteContact(a, a1));
  EXPECT_TRUE(db().clinics().ListContacts(a, january)->empty());
}

TEST_P(ClinicRepositoryTest, ReferenceFiguresAreSeededWithTheirSourceAndCanBeAdded) {
  auto seeded = db().clinics().ListReferenceFigures();
  ASSERT_TRUE(seeded);
  ASSERT_EQ(seeded->size(), 3u);
  EXPECT_EQ((*seeded)[0].clinic, "KAST Göteborg");
  EXPECT_FALSE((*seeded)[0].year);  // its first year: no year given
  EXPECT_EQ((*seeded)[0].value_x100, 1500);
  EXPECT_EQ((*seeded)[1].year, 2017);
  EXPECT_EQ((*seeded)[1].value_x100, 11500);
  EXPECT_EQ((*seeded)[2].clinic, "KAST Stockholm");
  EXPECT_EQ((*seeded)[2].value_x100, 200);
  for (const auto& f : *seeded) EXPECT_FALSE(f.source.empty());

  followup::ReferenceFigure f{0, "MIKA Malmö", "Malmö", 2020, 4050, "besök", "Årsrapport 2020"};
  auto id = db().clinics().AddReferenceFigure(f);
  ASSERT_TRUE(id) << id.error().ToString();
  f.id = *id;
  auto all = db().clinics().ListReferenceFigures();
  EXPECT_EQ(all->back(), f);
  f.source = "";
  EXPECT_EQ(db().clinics().AddReferenceFigure(f).error().field(), "source");
  ASSERT_TRUE(db().clinics().DeleteReferenceFigure(*id));
  EXPECT_EQ(db().clinics().DeleteReferenceFigure(*id).error().code(), ErrorCode::kNotFound);
}

TEST_P(ClinicRepositoryTest, AssumptionsAreOneRowReplacedOnSave) {
  EXPECT_FALSE(*db().clinics().GetAssumptions());
  const Id user = MakeUser("ana", Role::kAnalyst);
  const followup::Assumptions a{250, 720000, 150000, 60};
  ASSERT_TRUE(db().clinics().SaveAssumptions(a, user, kNow));
  const followup::Assumptions b{100, 700000, 0, 3};
  ASSERT_TRUE(db().clinics().SaveAssumptions(b, 0, kNow + 5));
  auto saved = db().clinics().GetAssumptions();
  ASSERT_TRUE(saved && *saved);
  EXPECT_EQ((*saved)->assumptions, b);
  EXPECT_EQ((*saved)->updated_at, kNow + 5);
  EXPECT_EQ((*saved)->updated_by, 0);
  EXPECT_EQ(db().clinics().SaveAssumptions({0, 1, 0, 1}, 0, kNow).error().field(), "assumptions");
}

}  // namespace
}  // namespace synlig::storage
