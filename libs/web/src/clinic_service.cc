// Contacts, clinics, staff assignments, reference figures and assumptions, audit-logged.
#include "clinic_service.h"

#include <charconv>

#include "audit.h"
#include "prevention_service.h"

namespace synlig::web {
namespace {

std::string ClinicObject(std::int64_t id) { return "clinic:" + std::to_string(id); }

}  // namespace

std::optional<std::int64_t> ParseFormId(std::string_view text) {
  std::int64_t value = 0;
  if (text.empty() || text.size() > 18) return std::nullopt;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Status CheckStaffOf(storage::Database& db, std::int64_t user_id, std::int64_t clinic_id) {
  auto own = db.clinics().ClinicOfUser(user_id);
  if (!own) return Unexpected(own.error());
  if (!*own || **own != clinic_id) {
    return NotFound("clinic " + std::to_string(clinic_id) + " not found");
  }
  return Ok();
}

Result<std::int64_t> LogContact(storage::Database& db, const Clock& clock,
                                std::int64_t clinic_id, const followup::ContactInput& input,
                                const Actor& actor) {
  auto contact = followup::ValidateContact(input, clinic_id, TodayOf(clock));
  if (!contact) return Unexpected(contact.error());
  auto id = db.clinics().AddContact(*contact, actor.user_id.value_or(0), clock.NowUnix());
  if (!id) return Unexpected(id.error());
  if (auto s = AppendAudit(db, clock, actor, "contact_create", ClinicObject(clinic_id),
                           "contact " + std::to_string(*id));
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Status RemoveContact(storage::Database& db, const Clock& clock, std::int64_t clinic_id,
                     std::int64_t contact_id, const Actor& actor) {
  if (auto s = db.clinics().DeleteContact(clinic_id, contact_id); !s) return s;
  return AppendAudit(db, clock, actor, "contact_delete", ClinicObject(clinic_id),
                     "contact " + std::to_string(contact_id));
}

Result<std::int64_t> AddClinic(storage::Database& db, const Clock& clock, std::string_view name,
                               std::string_view kind, std::string_view city, const Actor& actor) {
  auto clinic = followup::ValidateClinic(name, kind, city);
  if (!clinic) return Unexpected(clinic.error());
  auto id = db.clinics().CreateClinic(*clinic);
  if (!id) return Unexpected(id.error());
  if (auto s = AppendAudit(db, clock, actor, "clinic_create", ClinicObject(*id),
                           std::string(kind));
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Status AssignClinicStaff(storage::Database& db, const Clock& clock, std::int64_t user_id,
                         std::optional<std::int64_t> clinic_id, const Actor& actor) {
  auto user = db.users().Find(user_id);
  if (!user) {
    if (user.error().code() == ErrorCode::kNotFound) {
      return InvalidArgument("user " + std::to_string(user_id) + " does not exist", "user");
    }
    return Unexpected(user.error());
  }
  if (user->role != Role::kClinicStaff) {
    return InvalidArgument("user " + user->username + " is not clinic staff", "user");
  }
  if (clinic_id) {
    if (auto s = db.clinics().AssignStaff(user_id, *clinic_id); !s) return s;
  } else if (auto s = db.clinics().UnassignStaff(user_id); !s) {
    return s;
  }
  return AppendAudit(db, clock, actor, "clinic_staff_assign", "user:" + std::to_string(user_id),
                     clinic_id ? ClinicObject(*clinic_id) : std::string("none"));
}

Result<std::int64_t> AddReference(storage::Database& db, const Clock& clock,
                                  const followup::ReferenceInput& input, const Actor& actor) {
  auto figure = followup::ValidateReference(input);
  if (!figure) return Unexpected(figure.error());
  auto id = db.clinics().AddReferenceFigure(*figure);
  if (!id) return Unexpected(id.error());
  if (auto s = AppendAudit(db, clock, actor, "reference_create",
                           "reference:" + std::to_string(*id), figure->clinic);
      !s) {
    return Unexpected(s.error());
  }
  return *id;
}

Status RemoveReference(storage::Database& db, const Clock& clock, std::int64_t id,
                       const Actor& actor) {
  if (auto s = db.clinics().DeleteReferenceFigure(id); !s) return s;
  return AppendAudit(db, clock, actor, "reference_delete", "reference:" + std::to_string(id), "");
}

Status SaveCostAssumptions(storage::Database& db, const Clock& clock,
                           const followup::AssumptionsInput& input, const Actor& actor) {
  auto a = followup::ValidateAssumptions(input);
  if (!a) return Unexpected(a.error());
  if (auto s = db.clinics().SaveAssumptions(*a, actor.user_id.value_or(0), clock.NowUnix()); !s) {
    return s;
  }
  return AppendAudit(db, clock, actor, "assumptions_save", "feasibility", "");
}

}  // namespace synlig::web
