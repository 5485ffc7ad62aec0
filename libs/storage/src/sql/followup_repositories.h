// The follow-up modules' repositories (storage/prevention.h, storage/clinic.h) over the SQL
// seam, in SQL both SQLite and PostgreSQL accept. Semantics and errors: those headers.
#pragma once

#include "sql/store.h"
#include "synlig/storage/clinic.h"
#include "synlig/storage/prevention.h"

namespace synlig::storage::sql {

class SqlPreventionRepository final : public PreventionRepository {
 public:
  explicit SqlPreventionRepository(Store& store) : store_(store) {}
  Result<std::int64_t> CreateSchool(const followup::School& school) override;
  Result<std::vector<followup::School>> ListSchools() override;
  Result<std::int64_t> CreateActivity(const followup::Activity& activity, std::int64_t created_by,
                                      std::int64_t now) override;
  Result<followup::Activity> FindActivity(std::int64_t id) override;
  Result<std::vector<followup::Activity>> ListActivities(const Period& period) override;
  Status SetAttitudes(std::int64_t activity_id,
                      const std::vector<followup::AttitudeResult>& results) override;
  Status DeleteActivity(std::int64_t id) override;

 private:
  Store& store_;
};

class SqlClinicRepository final : public ClinicRepository {
 public:
  explicit SqlClinicRepository(Store& store) : store_(store) {}
  Result<std::int64_t> CreateClinic(const followup::Clinic& clinic) override;
  Result<followup::Clinic> FindClinic(std::int64_t id) override;
  Result<std::vector<followup::Clinic>> ListClinics() override;
  Status AssignStaff(std::int64_t user_id, std::int64_t clinic_id) override;
  Status UnassignStaff(std::int64_t user_id) override;
  Result<std::optional<std::int64_t>> ClinicOfUser(std::int64_t user_id) override;
  Result<std::vector<ClinicStaff>> ListStaff() override;
  Result<std::int64_t> AddContact(const followup::Contact& contact, std::int64_t created_by,
                                  std::int64_t now) override;
  Result<std::vector<followup::Contact>> ListContacts(std::optional<std::int64_t> clinic_id,
                                                      const Period& period) override;
  Status DeleteContact(std::int64_t clinic_id, std::int64_t contact_id) override;
  Result<std::vector<followup::ReferenceFigure>> ListReferenceFigures() override;
  Result<std::int64_t> AddReferenceFigure(const followup::ReferenceFigure& figure) override;
  Status DeleteReferenceFigure(std::int64_t id) override;
  Result<std::optional<SavedAssumptions>> GetAssumptions() override;
  Status SaveAssumptions(const followup::Assumptions& assumptions, std::int64_t updated_by,
                         std::int64_t now) override;

 private:
  Store& store_;
};

}  // namespace synlig::storage::sql
