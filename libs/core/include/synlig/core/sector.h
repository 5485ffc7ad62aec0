// Sectors of the units that take part in a mapping round. In estimation the sectors are the
// lists (capture occasions). Codes are stable: they are stored and appear in exports.
#pragma once

#include <array>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig {

enum class Sector {
  kSocialServices,  // socialtjänst
  kSchool,          // skola
  kHealthCare,      // hälso- och sjukvård
  kPolice,          // polis
  kNgo,             // idéburen organisation
  kOtherMunicipal,  // annan kommunal verksamhet
  kMikaKast,        // MIKA/KAST-mottagning
};

inline constexpr std::array<Sector, 7> kAllSectors = {
    Sector::kSocialServices, Sector::kSchool,         Sector::kHealthCare, Sector::kPolice,
    Sector::kNgo,            Sector::kOtherMunicipal, Sector::kMikaKast};

// "social_services", "school", "health_care", "police", "ngo", "other_municipal", "mika_kast"
std::string_view SectorCode(Sector sector);
// Rejects unknown codes with kInvalidArgument naming the code.
Result<Sector> ParseSector(std::string_view code);
// Swedish and English display names.
std::string_view SectorNameSv(Sector sector);
std::string_view SectorNameEn(Sector sector);

}  // namespace synlig
