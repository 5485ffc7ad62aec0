// The roles of product.md. A user holds exactly one role; each route names the roles it admits.
#pragma once

#include <array>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig {

enum class Role {
  kAdmin,                  // systemförvaltare: users, units, settings; no case data
  kAnalyst,                // utredare: rounds, imports, estimation; pseudonymised case rows
  kCoordinator,            // kontaktperson: own unit's response status
  kTrainingCoordinator,    // training register
  kPreventionCoordinator,  // attitude-work log
  kClinicStaff,            // MIKA/KAST anonymous contact log
  kReader,                 // published aggregates only, after disclosure control
  kManager,                // chef: approves or sends back report drafts; reads published reports
};

inline constexpr std::array<Role, 8> kAllRoles = {
    Role::kAdmin,         Role::kAnalyst,     Role::kCoordinator, Role::kTrainingCoordinator,
    Role::kPreventionCoordinator, Role::kClinicStaff, Role::kReader, Role::kManager};

// "admin", "analyst", "coordinator", "training_coordinator", "prevention_coordinator",
// "clinic_staff", "reader", "manager"
std::string_view RoleCode(Role role);
Result<Role> ParseRole(std::string_view code);
std::string_view RoleNameSv(Role role);
std::string_view RoleNameEn(Role role);

}  // namespace synlig
