// The demo municipality's units and logins.
#include "demo_data.h"

#include <array>

namespace synlig::app::demo {
namespace {

constexpr char kSocial[] = "Socialförvaltningen";
constexpr char kEducation[] = "Utbildningsförvaltningen";
constexpr char kLeisure[] = "Kultur- och fritidsförvaltningen";
constexpr char kRegion[] = "Region Östergötland";

constexpr std::array<DemoUnit, 20> kUnits = {{
    {"Barn och unga", Sector::kSocialServices, kSocial},
    {"Vuxenenheten", Sector::kSocialServices, kSocial},
    {"Mottagningsenheten", Sector::kSocialServices, kSocial},
    {"Socialjouren", Sector::kSocialServices, kSocial},
    {"Fältgruppen", Sector::kSocialServices, kSocial},
    {"Beroendeenheten", Sector::kSocialServices, kSocial},
    {"Norrbrinks gymnasium (demo)", Sector::kSchool, kEducation},
    {"Tallbackens gymnasium (demo)", Sector::kSchool, kEducation},
    {"Ljungdalsskolan 7–9 (demo)", Sector::kSchool, kEducation},
    {"Elevhälsan, centrala teamet", Sector::kSchool, kEducation},
    {"Fritidsgården Kvarnen (demo)", Sector::kOtherMunicipal, kLeisure},
    {"Fritidsgården Ekdungen (demo)", Sector::kOtherMunicipal, kLeisure},
    {"Polisen, lokalpolisområde Linköping", Sector::kPolice, "Polisregion Öst"},
    {"Ungdomsmottagningen", Sector::kHealthCare, kRegion},
    {"Kvinnokliniken", Sector::kHealthCare, kRegion},
    {"Beroendemottagningen", Sector::kHealthCare, kRegion},
    {"Kvinnojouren Vågen (demo)", Sector::kNgo, "Ideell förening"},
    {"Stödföreningen Ankaret (demo)", Sector::kNgo, "Ideell förening"},
    {"MIKA/KAST-mottagningen (demo)", Sector::kMikaKast, kRegion},
    {"Familjecentralen (demo)", Sector::kOtherMunicipal, kSocial},
}};

}  // namespace

std::span<const DemoUnit> Units() { return kUnits; }

std::size_t CoordinatorUnitIndex() { return 1; }  // Vuxenenheten

std::vector<DemoLogin> Logins() {
  std::vector<DemoLogin> logins;
  for (Role role : kAllRoles) {
    std::string code(RoleCode(role));
    logins.push_back({"demo." + code, role, std::string(RoleNameSv(role)) + " (demo)",
                      "demo-" + code + "-2026"});
  }
  return logins;
}

}  // namespace synlig::app::demo
