// Sector codes and names.
#include "synlig/core/sector.h"

#include <string>

namespace synlig {
namespace {
struct SectorInfo {
  Sector sector;
  std::string_view code, sv, en;
};
constexpr std::array<SectorInfo, 7> kInfo = {{
    {Sector::kSocialServices, "social_services", "Socialtjänst", "Social services"},
    {Sector::kSchool, "school", "Skola", "School"},
    {Sector::kHealthCare, "health_care", "Hälso- och sjukvård", "Health care"},
    {Sector::kPolice, "police", "Polis", "Police"},
    {Sector::kNgo, "ngo", "Idéburen organisation", "NGO"},
    {Sector::kOtherMunicipal, "other_municipal", "Annan kommunal verksamhet",
     "Other municipal service"},
    {Sector::kMikaKast, "mika_kast", "MIKA/KAST-mottagning", "MIKA/KAST clinic"},
}};
const SectorInfo& Info(Sector s) { return kInfo[static_cast<std::size_t>(s)]; }
}  // namespace

std::string_view SectorCode(Sector sector) { return Info(sector).code; }
std::string_view SectorNameSv(Sector sector) { return Info(sector).sv; }
std::string_view SectorNameEn(Sector sector) { return Info(sector).en; }

Result<Sector> ParseSector(std::string_view code) {
  for (const auto& info : kInfo) {
    if (info.code == code) return info.sector;
  }
  return InvalidArgument("unknown sector '" + std::string(code) + "'", "sector");
}

}  // namespace synlig
