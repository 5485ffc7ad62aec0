// Role codes and names.
#include "synlig/core/role.h"

#include <string>

namespace synlig {
namespace {
struct RoleInfo {
  Role role;
  std::string_view code, sv, en;
};
constexpr std::array<RoleInfo, 8> kInfo = {{
    {Role::kAdmin, "admin", "Systemförvaltare", "Administrator"},
    {Role::kAnalyst, "analyst", "Utredare", "Analyst"},
    {Role::kCoordinator, "coordinator", "Kontaktperson", "Unit coordinator"},
    {Role::kTrainingCoordinator, "training_coordinator", "Utbildningssamordnare",
     "Training coordinator"},
    {Role::kPreventionCoordinator, "prevention_coordinator", "Förebyggande samordnare",
     "Prevention coordinator"},
    {Role::kClinicStaff, "clinic_staff", "Mottagningspersonal", "Clinic staff"},
    {Role::kReader, "reader", "Läsare", "Reader"},
    {Role::kManager, "manager", "Chef (godkänner rapporter)", "Manager (approves reports)"},
}};
const RoleInfo& Info(Role r) { return kInfo[static_cast<std::size_t>(r)]; }
}  // namespace

std::string_view RoleCode(Role role) { return Info(role).code; }
std::string_view RoleNameSv(Role role) { return Info(role).sv; }
std::string_view RoleNameEn(Role role) { return Info(role).en; }

Result<Role> ParseRole(std::string_view code) {
  for (const auto& info : kInfo) {
    if (info.code == code) return info.role;
  }
  return InvalidArgument("unknown role '" + std::string(code) + "'", "role");
}

}  // namespace synlig
