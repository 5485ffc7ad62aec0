// The MIKA/KAST store: clinics, which clinic a clinic_staff user works at, the anonymous
// contact log (coded values only: the table has no column a name, identity number, contact
// detail or free text could go into), and the feasibility inquiry's cited reference figures
// and cost assumptions. Records and validation: followup/contact.h, followup/feasibility.h.
//   auto clinic = db.clinics().ClinicOfUser(user.id);   // nullopt: not assigned
//   auto rows = db.clinics().ListContacts(*clinic, period);
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/followup/contact.h"
#include "synlig/followup/feasibility.h"

namespace synlig::storage {

// Who staffs which clinic (a clinic_staff user has at most one clinic).
struct ClinicStaff {
  std::int64_t user_id = 0;
  std::int64_t clinic_id = 0;
};

// The analyst's assumptions as last saved.
struct SavedAssumptions {
  followup::Assumptions assumptions;
  std::int64_t updated_at = 0;
  std::int64_t updated_by = 0;  // 0 = unknown
};

class ClinicRepository {
 public:
  virtual ~ClinicRepository() = default;

  // kAlreadyExists (field "name") for a name in use; kInvalidArgument for an empty name.
  virtual Result<std::int64_t> CreateClinic(const followup::Clinic& clinic) = 0;
  virtual Result<followup::Clinic> FindClinic(std::int64_t id) = 0;  // kNotFound
  virtual Result<std::vector<followup::Clinic>> ListClinics() = 0;   // by name

  // Assigns the user to the clinic, replacing an earlier assignment. kInvalidArgument for an
  // unknown user ("user") or clinic ("clinic"). Which roles may be assigned is the caller's
  // policy.
  virtual Status AssignStaff(std::int64_t user_id, std::int64_t clinic_id) = 0;
  // Removing an assignment that is not there is not an error.
  virtual Status UnassignStaff(std::int64_t user_id) = 0;
  virtual Result<std::optional<std::int64_t>> ClinicOfUser(std::int64_t user_id) = 0;
  virtual Result<std::vector<ClinicStaff>> ListStaff() = 0;  // by clinic, then user

  // Stores one contact; returns its id. kInvalidArgument: unknown clinic ("clinic"), a code
  // index outside its dimension (the dimension's id), created_by not 0 and not a user
  // ("created_by").
  virtual Result<std::int64_t> AddContact(const followup::Contact& contact, std::int64_t created_by,
                                          std::int64_t now) = 0;
  // The contacts dated within the period, of one clinic or (nullopt) of all, by date then
  // id. Rows: callers audit-log when staff see them one by one.
  virtual Result<std::vector<followup::Contact>> ListContacts(std::optional<std::int64_t> clinic_id,
                                                              const Period& period) = 0;
  // Deletes a contact of the given clinic. kNotFound when the clinic has no such contact
  // (also when the id belongs to another clinic).
  virtual Status DeleteContact(std::int64_t clinic_id, std::int64_t contact_id) = 0;

  // Reference figures by clinic name, then year (figures without a year first), then id.
  virtual Result<std::vector<followup::ReferenceFigure>> ListReferenceFigures() = 0;
  // kInvalidArgument for an empty clinic, measure or source (named by field).
  virtual Result<std::int64_t> AddReferenceFigure(const followup::ReferenceFigure& figure) = 0;
  virtual Status DeleteReferenceFigure(std::int64_t id) = 0;  // kNotFound

  // nullopt until first saved.
  virtual Result<std::optional<SavedAssumptions>> GetAssumptions() = 0;
  // kInvalidArgument ("assumptions") for a value ValidateAssumptions would refuse.
  virtual Status SaveAssumptions(const followup::Assumptions& assumptions, std::int64_t updated_by,
                                 std::int64_t now) = 0;
};

}  // namespace synlig::storage
