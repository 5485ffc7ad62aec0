// Turning the training register, the attitude-work log and the MIKA/KAST contact log into the
// report's count tables (totals only where they are sums of the cells).
#include "report_followup.h"

#include <map>
#include <string>

#include "synlig/followup/codes.h"
#include "synlig/training/coverage.h"

namespace synlig::app {
namespace {

report::Text Label(std::span<const followup::Code> codes, std::size_t index) {
  return {std::string(followup::Label(codes, index, false)),
          std::string(followup::Label(codes, index, true))};
}

Result<std::optional<report::FollowupInput>> Training(storage::Database& db, const Date& as_of) {
  auto reg = db.training().LoadRegister();
  if (!reg) return Unexpected(reg.error());
  const training::CoverageSummary s = training::SummariseCoverage(*reg, as_of);
  if (s.overall.target_group == 0) return std::optional<report::FollowupInput>();
  report::CountTable t;
  t.id = "training_coverage";
  t.title = {"Utbildade i målgruppen per förvaltning", "Trained in the target group by department"};
  t.row_heading = {"Förvaltning", "Department"};
  t.col_labels = {{"Utbildade", "Trained"}, {"Ännu inte utbildade", "Not yet trained"}};
  t.compare_col = 0;  // the trained, between rounds
  for (const training::DepartmentCoverage& d : s.departments) {
    if (d.count.target_group == 0) continue;
    t.row_labels.push_back({d.name, d.name});
    t.cells.push_back({d.count.covered, d.count.missing()});
  }
  const std::string date = FormatDate(as_of);
  t.note = {"Anställda i en roll som hör till målgruppen, den " + date +
                ". Utbildad: har gått minst en utbildning som räknas mot målet.",
            "Employees in a role of the target group, on " + date +
                ". Trained: has completed at least one course that counts towards the target."};
  report::FollowupInput in;
  in.summary = {
      "Utbildningsregistret visar hur stor del av målgruppen som har utbildats om "
      "prostitution och människohandel, per förvaltning.",
      "The training register shows how much of the target group has been trained on "
      "prostitution and trafficking, by department."};
  in.tables.push_back(std::move(t));
  return std::optional<report::FollowupInput>(std::move(in));
}

Result<std::optional<report::FollowupInput>> Attitude(storage::Database& db, const Period& period) {
  auto activities = db.prevention().ListActivities(period);
  if (!activities) return Unexpected(activities.error());
  if (activities->empty()) return std::optional<report::FollowupInput>();
  const auto kinds = followup::ActivityKinds();
  std::vector<std::vector<std::int64_t>> cells(kinds.size(), std::vector<std::int64_t>(2, 0));
  for (const followup::Activity& a : *activities) {
    auto& row = cells[static_cast<std::size_t>(a.kind)];
    row[0] += 1;
    row[1] += a.reached;
  }
  report::CountTable t;
  t.id = "attitude_activities";
  t.title = {"Attitydarbete efter slag av aktivitet", "Attitude work by kind of activity"};
  t.row_heading = {"Aktivitet", "Activity"};
  t.col_labels = {{"Aktiviteter", "Activities"}, {"Nådda personer", "Persons reached"}};
  t.row_totals = false;  // activities and persons do not add up
  t.compare_col = 1;     // persons reached, between rounds
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    t.row_labels.push_back(Label(kinds, k));
    t.cells.push_back(cells[k]);
  }
  t.note = {"Aktiviteter under omgångens period. En person kan ha nåtts av flera aktiviteter.",
            "Activities in the round's period. A person may have been reached by several."};
  report::FollowupInput in;
  in.summary = {
      "Attitydarbetet förs in i Synlig per aktivitet: slag, målgrupp och hur många "
      "som nåddes.",
      "Attitude work is recorded in Synlig per activity: kind, target group and how "
      "many were reached."};
  in.tables.push_back(std::move(t));
  return std::optional<report::FollowupInput>(std::move(in));
}

Result<std::optional<report::FollowupInput>> Clinics(storage::Database& db, const Period& period) {
  auto contacts = db.clinics().ListContacts(std::nullopt, period);
  if (!contacts) return Unexpected(contacts.error());
  if (contacts->empty()) return std::optional<report::FollowupInput>();
  auto clinics = db.clinics().ListClinics();
  if (!clinics) return Unexpected(clinics.error());
  std::map<std::int64_t, std::int64_t> per_clinic;
  for (const followup::Contact& c : *contacts) ++per_clinic[c.clinic_id];
  report::CountTable t;
  t.id = "clinic_contacts";
  t.title = {"Kontakter med MIKA- och KAST-mottagningar", "Contacts with MIKA and KAST clinics"};
  t.row_heading = {"Mottagning", "Clinic"};
  t.col_labels = {{"Kontakter", "Contacts"}};
  t.row_totals = false;  // one column: its row total would repeat it
  for (const followup::Clinic& c : *clinics) {
    auto it = per_clinic.find(c.id);
    if (it == per_clinic.end() && !c.active) continue;
    t.row_labels.push_back({c.name, c.name});
    t.cells.push_back({it == per_clinic.end() ? 0 : it->second});
  }
  t.note = {"Kontakter under omgångens period, registrerade anonymt av mottagningarna.",
            "Contacts in the round's period, recorded anonymously by the clinics."};
  report::FollowupInput in;
  in.summary = {
      "Mottagningarna för personer som köper sex (KAST) och som säljer sex (MIKA) "
      "för en anonym kontaktlogg i Synlig.",
      "The clinics for people who buy sex (KAST) and who sell sex (MIKA) keep an "
      "anonymous contact log in Synlig."};
  in.tables.push_back(std::move(t));
  return std::optional<report::FollowupInput>(std::move(in));
}

}  // namespace

Result<FollowupParts> LoadFollowup(storage::Database& db, const Period& period) {
  FollowupParts out;
  auto training = Training(db, period.to);
  if (!training) return Unexpected(training.error());
  out.training = *std::move(training);
  auto attitude = Attitude(db, period);
  if (!attitude) return Unexpected(attitude.error());
  out.attitude_work = *std::move(attitude);
  auto clinics = Clinics(db, period);
  if (!clinics) return Unexpected(clinics.error());
  out.clinics = *std::move(clinics);
  return out;
}

}  // namespace synlig::app
