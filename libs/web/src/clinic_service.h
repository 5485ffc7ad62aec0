// MIKA/KAST: the anonymous contact log of a clinic's own staff, clinics and staff assignments
// (admin), and the feasibility inquiry's reference figures and cost assumptions (analyst).
// Every change is audit-logged; so is every page of contact rows a staff member sees.
#pragma once

#include <optional>
#include <string>

#include "synlig/core/clock.h"
#include "synlig/followup/contact.h"
#include "synlig/followup/feasibility.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

// kNotFound unless `user_id` is assigned to `clinic_id`: another clinic's data looks exactly
// like data that does not exist.
Status CheckStaffOf(storage::Database& db, std::int64_t user_id, std::int64_t clinic_id);

// Validates (followup::ValidateContact, whose errors it returns) and stores one contact of the
// clinic; audit-logs "contact_create" (object "clinic:<id>", no values).
Result<std::int64_t> LogContact(storage::Database& db, const Clock& clock,
                                std::int64_t clinic_id, const followup::ContactInput& input,
                                const Actor& actor);

// Deletes a contact of the clinic; audit-logs "contact_delete". kNotFound (also for another
// clinic's contact).
Status RemoveContact(storage::Database& db, const Clock& clock, std::int64_t clinic_id,
                     std::int64_t contact_id, const Actor& actor);

// Admin: a new clinic (followup::ValidateClinic; kAlreadyExists "name"), audit "clinic_create".
Result<std::int64_t> AddClinic(storage::Database& db, const Clock& clock, std::string_view name,
                               std::string_view kind, std::string_view city, const Actor& actor);

// Admin: assigns a clinic_staff user to a clinic, or (clinic nullopt) removes the assignment;
// audit "clinic_staff_assign". kInvalidArgument with field "user" (unknown, or not of role
// clinic_staff) or "clinic" (unknown).
Status AssignClinicStaff(storage::Database& db, const Clock& clock, std::int64_t user_id,
                         std::optional<std::int64_t> clinic_id, const Actor& actor);

// Analyst: a cited reference figure (followup::ValidateReference), audit "reference_create";
// its deletion, audit "reference_delete" (kNotFound).
Result<std::int64_t> AddReference(storage::Database& db, const Clock& clock,
                                  const followup::ReferenceInput& input, const Actor& actor);
Status RemoveReference(storage::Database& db, const Clock& clock, std::int64_t id,
                       const Actor& actor);

// Analyst: the cost and staffing assumptions (followup::ValidateAssumptions), audit
// "assumptions_save".
Status SaveCostAssumptions(storage::Database& db, const Clock& clock,
                           const followup::AssumptionsInput& input, const Actor& actor);

// A positive decimal id from a form field; nullopt for anything else.
std::optional<std::int64_t> ParseFormId(std::string_view text);

}  // namespace synlig::web
