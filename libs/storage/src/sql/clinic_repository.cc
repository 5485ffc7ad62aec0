// Clinics, staff assignments, the anonymous contact log, reference figures and assumptions.
#include <string>

#include "sql/followup_repositories.h"

namespace synlig::storage::sql {
namespace {

using followup::Clinic;
using followup::Contact;
using followup::ContactDimensions;
using followup::ReferenceFigure;

constexpr std::string_view kSelectClinic = "SELECT id, name, kind, city, active FROM clinics ";
constexpr std::string_view kSelectContact =
    "SELECT id, clinic_id, contact_date, channel, visit, gender, age_band, kind, found_via,"
    " referral FROM clinic_contacts ";

RowSink CollectClinics(std::vector<Clinic>& out) {
  return [&out](const Row& row) -> Status {
    Clinic c;
    c.id = row.Int(0);
    c.name = std::string(row.Text(1));
    auto kind = followup::ParseCode(followup::ClinicKinds(), row.Text(2), "kind");
    if (!kind) return Internal("stored kind of clinic " + std::to_string(c.id) + " is unknown");
    c.kind = static_cast<followup::ClinicKind>(*kind);
    c.city = std::string(row.Text(3));
    c.active = row.Int(4) != 0;
    out.push_back(std::move(c));
    return Ok();
  };
}

RowSink CollectContacts(std::vector<Contact>& out) {
  return [&out](const Row& row) -> Status {
    Contact c;
    c.id = row.Int(0);
    c.clinic_id = row.Int(1);
    auto date = ParseDate(row.Text(2));
    if (!date) return Internal("stored date of contact " + std::to_string(c.id) + " is malformed");
    c.date = *date;
    for (const followup::ContactDimension& dim : ContactDimensions()) {
      const auto f = static_cast<std::size_t>(dim.field);
      auto v = followup::ParseCode(dim.codes, row.Text(3 + static_cast<int>(f)), dim.id);
      if (!v) {
        return Internal("stored " + std::string(dim.id) + " of contact " + std::to_string(c.id) +
                        " is unknown");
      }
      c.values[f] = static_cast<std::uint8_t>(*v);
    }
    out.push_back(c);
    return Ok();
  };
}

Status RequireClinic(Tx& tx, std::int64_t clinic_id) {
  auto clinic = QueryInt(tx, "SELECT id FROM clinics WHERE id = $1", {clinic_id});
  if (!clinic) return Unexpected(clinic.error());
  if (!*clinic) {
    return InvalidArgument("clinic " + std::to_string(clinic_id) + " does not exist", "clinic");
  }
  return Ok();
}

bool ValidAssumptions(const followup::Assumptions& a) {
  return a.counsellors_x100 > 0 && a.cost_per_fte > 0 && a.other_costs >= 0 &&
         a.expected_clients > 0;
}

}  // namespace

Result<std::int64_t> SqlClinicRepository::CreateClinic(const Clinic& clinic) {
  if (clinic.name.empty()) return InvalidArgument("a clinic needs a name", "name");
  std::int64_t id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id = QueryInt(
        tx, "INSERT INTO clinics (name, kind, city, active) VALUES ($1, $2, $3, $4) RETURNING id",
        {std::string_view(clinic.name),
         followup::ClinicKinds()[static_cast<std::size_t>(clinic.kind)].code,
         std::string_view(clinic.city), std::int64_t{clinic.active ? 1 : 0}});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) {
    if (status.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "clinic name '" + clinic.name + "' is already taken",
                  "name");
    }
    return Annotate(status.error(), "creating clinic '" + clinic.name + "'");
  }
  return id;
}

Result<Clinic> SqlClinicRepository::FindClinic(std::int64_t id) {
  std::vector<Clinic> found;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kSelectClinic) + "WHERE id = $1", {id}, CollectClinics(found));
  });
  if (!status) return Annotate(status.error(), "reading clinic " + std::to_string(id));
  if (found.empty()) return NotFound("clinic " + std::to_string(id) + " not found");
  return std::move(found.front());
}

Result<std::vector<Clinic>> SqlClinicRepository::ListClinics() {
  std::vector<Clinic> clinics;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kSelectClinic) + "ORDER BY name, id", {}, CollectClinics(clinics));
  });
  if (!status) return Annotate(status.error(), "listing clinics");
  return clinics;
}

Status SqlClinicRepository::AssignStaff(std::int64_t user_id, std::int64_t clinic_id) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s = RequireUser(tx, user_id, "user"); !s) return s;
    if (Status s = RequireClinic(tx, clinic_id); !s) return s;
    auto done = Exec(tx,
                     "INSERT INTO clinic_staff (user_id, clinic_id) VALUES ($1, $2)"
                     " ON CONFLICT (user_id) DO UPDATE SET clinic_id = excluded.clinic_id",
                     {user_id, clinic_id});
    if (!done) return Unexpected(done.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "assigning user " + std::to_string(user_id));
  return Ok();
}

Status SqlClinicRepository::UnassignStaff(std::int64_t user_id) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto done = Exec(tx, "DELETE FROM clinic_staff WHERE user_id = $1", {user_id});
    if (!done) return Unexpected(done.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "unassigning user " + std::to_string(user_id));
  return Ok();
}

Result<std::optional<std::int64_t>> SqlClinicRepository::ClinicOfUser(std::int64_t user_id) {
  std::optional<std::int64_t> clinic;
  Status status = store_.Read([&](Tx& tx) -> Status {
    auto found = QueryInt(tx, "SELECT clinic_id FROM clinic_staff WHERE user_id = $1", {user_id});
    if (!found) return Unexpected(found.error());
    clinic = *found;
    return Ok();
  });
  if (!status)
    return Annotate(status.error(), "reading the clinic of user " + std::to_string(user_id));
  return clinic;
}

Result<std::vector<ClinicStaff>> SqlClinicRepository::ListStaff() {
  std::vector<ClinicStaff> staff;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx, "SELECT user_id, clinic_id FROM clinic_staff ORDER BY clinic_id, user_id", {},
                 [&](const Row& row) -> Status {
                   staff.push_back(ClinicStaff{row.Int(0), row.Int(1)});
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "listing clinic staff");
  return staff;
}

Result<std::int64_t> SqlClinicRepository::AddContact(const Contact& contact,
                                                     std::int64_t created_by, std::int64_t now) {
  std::array<std::string_view, followup::kContactFields> codes;
  for (const followup::ContactDimension& dim : ContactDimensions()) {
    const auto f = static_cast<std::size_t>(dim.field);
    if (contact.values[f] >= dim.codes.size()) {
      return InvalidArgument(std::string(dim.id) + " value " + std::to_string(contact.values[f]) +
                                 " is not one of its codes",
                             std::string(dim.id));
    }
    codes[f] = dim.codes[contact.values[f]].code;
  }
  const std::string date = FormatDate(contact.date);
  std::int64_t id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (Status s = RequireClinic(tx, contact.clinic_id); !s) return s;
    if (created_by != 0) {
      if (Status s = RequireUser(tx, created_by, "created_by"); !s) return s;
    }
    auto new_id = QueryInt(
        tx,
        "INSERT INTO clinic_contacts (clinic_id, contact_date, channel, visit, gender, age_band,"
        " kind, found_via, referral, created_by, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        {contact.clinic_id, std::string_view(date), codes[0], codes[1], codes[2], codes[3],
         codes[4], codes[5], codes[6], created_by != 0 ? Param(created_by) : kNull, now});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return Annotate(status.error(), "adding a contact");
  return id;
}

Result<std::vector<Contact>> SqlClinicRepository::ListContacts(
    std::optional<std::int64_t> clinic_id, const Period& period) {
  const std::string from = FormatDate(period.from);
  const std::string to = FormatDate(period.to);
  std::vector<Contact> contacts;
  Status status = store_.Read([&](Tx& tx) -> Status {
    if (clinic_id) {
      return Query(tx,
                   std::string(kSelectContact) +
                       "WHERE clinic_id = $1 AND contact_date BETWEEN $2 AND $3"
                       " ORDER BY contact_date, id",
                   {*clinic_id, std::string_view(from), std::string_view(to)},
                   CollectContacts(contacts));
    }
    return Query(tx,
                 std::string(kSelectContact) +
                     "WHERE contact_date BETWEEN $1 AND $2 ORDER BY contact_date, id",
                 {std::string_view(from), std::string_view(to)}, CollectContacts(contacts));
  });
  if (!status) return Annotate(status.error(), "listing contacts");
  return contacts;
}

Status SqlClinicRepository::DeleteContact(std::int64_t clinic_id, std::int64_t contact_id) {
  std::int64_t changed = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto n = Exec(tx, "DELETE FROM clinic_contacts WHERE id = $1 AND clinic_id = $2",
                  {contact_id, clinic_id});
    if (!n) return Unexpected(n.error());
    changed = *n;
    return Ok();
  });
  if (!status) return Annotate(status.error(), "deleting contact " + std::to_string(contact_id));
  if (changed == 0) {
    return NotFound("clinic " + std::to_string(clinic_id) + " has no contact " +
                    std::to_string(contact_id));
  }
  return Ok();
}

Result<std::vector<ReferenceFigure>> SqlClinicRepository::ListReferenceFigures() {
  std::vector<ReferenceFigure> figures;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT id, clinic, city, figure_year, value_x100, measure, source"
                 " FROM clinic_reference_figures"
                 " ORDER BY clinic, CASE WHEN figure_year IS NULL THEN 0 ELSE 1 END,"
                 " figure_year, id",
                 {}, [&](const Row& row) -> Status {
                   ReferenceFigure f;
                   f.id = row.Int(0);
                   f.clinic = std::string(row.Text(1));
                   f.city = std::string(row.Text(2));
                   if (!row.IsNull(3)) f.year = static_cast<int>(row.Int(3));
                   f.value_x100 = row.Int(4);
                   f.measure = std::string(row.Text(5));
                   f.source = std::string(row.Text(6));
                   figures.push_back(std::move(f));
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "listing reference figures");
  return figures;
}

Result<std::int64_t> SqlClinicRepository::AddReferenceFigure(const ReferenceFigure& f) {
  if (f.clinic.empty()) return InvalidArgument("a figure needs a clinic", "clinic");
  if (f.measure.empty()) return InvalidArgument("a figure needs what it measures", "measure");
  if (f.source.empty()) return InvalidArgument("a figure needs its source", "source");
  if (f.value_x100 < 0) return InvalidArgument("a figure cannot be negative", "value");
  std::int64_t id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto new_id = QueryInt(tx,
                           "INSERT INTO clinic_reference_figures (clinic, city, figure_year,"
                           " value_x100, measure, source) VALUES ($1, $2, $3, $4, $5, $6)"
                           " RETURNING id",
                           {std::string_view(f.clinic), std::string_view(f.city),
                            f.year ? Param(std::int64_t{*f.year}) : kNull, f.value_x100,
                            std::string_view(f.measure), std::string_view(f.source)});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) return Annotate(status.error(), "adding a reference figure");
  return id;
}

Status SqlClinicRepository::DeleteReferenceFigure(std::int64_t id) {
  std::int64_t changed = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto n = Exec(tx, "DELETE FROM clinic_reference_figures WHERE id = $1", {id});
    if (!n) return Unexpected(n.error());
    changed = *n;
    return Ok();
  });
  if (!status) return Annotate(status.error(), "deleting reference figure " + std::to_string(id));
  if (changed == 0) return NotFound("reference figure " + std::to_string(id) + " not found");
  return Ok();
}

Result<std::optional<SavedAssumptions>> SqlClinicRepository::GetAssumptions() {
  std::optional<SavedAssumptions> saved;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT counsellors_x100, cost_per_fte, other_costs, expected_clients,"
                 " updated_at, updated_by FROM clinic_assumptions WHERE id = 1",
                 {}, [&](const Row& row) -> Status {
                   SavedAssumptions s;
                   s.assumptions.counsellors_x100 = row.Int(0);
                   s.assumptions.cost_per_fte = row.Int(1);
                   s.assumptions.other_costs = row.Int(2);
                   s.assumptions.expected_clients = row.Int(3);
                   s.updated_at = row.Int(4);
                   s.updated_by = row.Int(5);
                   saved = s;
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "reading the cost assumptions");
  return saved;
}

Status SqlClinicRepository::SaveAssumptions(const followup::Assumptions& a, std::int64_t updated_by,
                                            std::int64_t now) {
  if (!ValidAssumptions(a)) {
    return InvalidArgument("counsellors, cost per FTE and expected clients must be positive",
                           "assumptions");
  }
  Status status = store_.Write([&](Tx& tx) -> Status {
    if (updated_by != 0) {
      if (Status s = RequireUser(tx, updated_by, "updated_by"); !s) return s;
    }
    auto done = Exec(tx,
                     "INSERT INTO clinic_assumptions (id, counsellors_x100, cost_per_fte,"
                     " other_costs, expected_clients, updated_at, updated_by)"
                     " VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET"
                     " counsellors_x100 = excluded.counsellors_x100,"
                     " cost_per_fte = excluded.cost_per_fte, other_costs = excluded.other_costs,"
                     " expected_clients = excluded.expected_clients,"
                     " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                     {a.counsellors_x100, a.cost_per_fte, a.other_costs, a.expected_clients, now,
                      updated_by != 0 ? Param(updated_by) : kNull});
    if (!done) return Unexpected(done.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "saving the cost assumptions");
  return Ok();
}

}  // namespace synlig::storage::sql
