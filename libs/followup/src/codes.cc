// The code lists of the follow-up modules and their lookup.
#include "synlig/followup/codes.h"

#include <array>
#include <string>

namespace synlig::followup {
namespace {

constexpr std::array<Code, 7> kActivityKinds = {{
    {"lesson", "Lektion", "Lesson"},
    {"workshop", "Workshop", "Workshop"},
    {"theme_day", "Temadag", "Theme day"},
    {"parent_meeting", "Föräldramöte", "Parent meeting"},
    {"staff_day", "Personaldag", "Staff day"},
    {"campaign", "Kampanj", "Campaign"},
    {"partnership", "Samverkan med företag eller förening",
     "Partnership with a company or association"},
}};

constexpr std::array<Code, 5> kTargetGroups = {{
    {"grade", "Elever i årskurs", "Pupils by grade"},
    {"age", "Åldersgrupp", "Age group"},
    {"staff", "Personal", "Staff"},
    {"parents", "Föräldrar", "Parents"},
    {"business", "Näringsliv och föreningar", "Businesses and associations"},
}};

constexpr std::array<Code, 13> kGrades = {{
    {"f", "Förskoleklass", "Preschool class"},
    {"1", "Åk 1", "Year 1"},
    {"2", "Åk 2", "Year 2"},
    {"3", "Åk 3", "Year 3"},
    {"4", "Åk 4", "Year 4"},
    {"5", "Åk 5", "Year 5"},
    {"6", "Åk 6", "Year 6"},
    {"7", "Åk 7", "Year 7"},
    {"8", "Åk 8", "Year 8"},
    {"9", "Åk 9", "Year 9"},
    {"gy1", "Gymnasiet år 1", "Upper secondary year 1"},
    {"gy2", "Gymnasiet år 2", "Upper secondary year 2"},
    {"gy3", "Gymnasiet år 3", "Upper secondary year 3"},
}};

constexpr std::array<Code, 4> kAttitudeQuestions = {{
    {"buying_ok", "Det är okej att köpa sex.", "It is okay to buy sex."},
    {"gift_is_payment", "Att ge pengar, presenter eller annat i utbyte mot sex är att köpa sex.",
     "Giving money, gifts or anything else in exchange for sex is buying sex."},
    {"harms_seller", "Sexköp skadar den som säljer sex.",
     "Buying sex harms the person who sells it."},
    {"know_help", "Jag vet var man kan få hjälp om någon har sex mot ersättning.",
     "I know where to get help if someone has sex for compensation."},
}};

constexpr std::array<Code, kLikertOptions> kLikert = {{
    {"agree_fully", "Stämmer helt", "Agree completely"},
    {"agree_partly", "Stämmer delvis", "Agree partly"},
    {"disagree_partly", "Stämmer dåligt", "Disagree partly"},
    {"disagree_fully", "Stämmer inte alls", "Disagree completely"},
    {"dont_know", "Vet inte", "Don't know"},
}};

constexpr std::array<Code, 3> kClinicKinds = {{
    {"mika", "MIKA (personer med erfarenhet av prostitution och sexuellt självskadebeteende)",
     "MIKA (people with experience of prostitution and sexual self-harm)"},
    {"kast", "KAST (personer som köper eller riskerar att köpa sex)",
     "KAST (people who buy or risk buying sex)"},
    {"mika_kast", "MIKA och KAST", "MIKA and KAST"},
}};

constexpr std::array<Code, 4> kChannels = {{
    {"phone", "Telefon", "Phone"},
    {"email", "E-post", "E-mail"},
    {"chat", "Chatt", "Chat"},
    {"visit", "Besök", "Visit"},
}};

constexpr std::array<Code, 2> kVisits = {{
    {"new", "Ny kontakt", "New"},
    {"returning", "Återkommande", "Returning"},
}};

constexpr std::array<Code, 4> kGenders = {{
    {"woman", "Kvinna", "Woman"},
    {"man", "Man", "Man"},
    {"other", "Annan könsidentitet", "Other gender identity"},
    {"unknown", "Okänt eller vill inte uppge", "Unknown or not stated"},
}};

constexpr std::array<Code, 6> kAgeBands = {{
    {"under_18", "Under 18 år", "Under 18"},
    {"18_24", "18–24 år", "18–24"},
    {"25_34", "25–34 år", "25–34"},
    {"35_49", "35–49 år", "35–49"},
    {"50_plus", "50 år eller äldre", "50 or older"},
    {"unknown", "Okänd ålder", "Age unknown"},
}};

constexpr std::array<Code, 4> kContactKinds = {{
    {"buyer", "Köper eller har köpt sex", "Buys or has bought sex"},
    {"selling", "Säljer eller har sålt sex", "Sells or has sold sex"},
    {"relative", "Anhörig", "Relative or partner"},
    {"professional", "Yrkesverksam som söker råd", "Professional seeking advice"},
}};

constexpr std::array<Code, 10> kFoundVia = {{
    {"internet", "Internet eller sökmotor", "Internet or search engine"},
    {"campaign", "Kampanj eller informationsmaterial", "Campaign or information material"},
    {"social_services", "Socialtjänsten", "Social services"},
    {"health_care", "Hälso- och sjukvården", "Health care"},
    {"police", "Polisen", "Police"},
    {"school", "Skola eller elevhälsa", "School or pupil health"},
    {"ngo", "Idéburen organisation", "Non-profit organisation"},
    {"friend", "Vän eller anhörig", "Friend or relative"},
    {"other", "Annat", "Other"},
    {"unknown", "Okänt", "Unknown"},
}};

constexpr std::array<Code, 7> kReferrals = {{
    {"none", "Ingen hänvisning", "No referral"},
    {"social_services", "Socialtjänsten", "Social services"},
    {"health_care", "Hälso- och sjukvården", "Health care"},
    {"addiction_care", "Beroendevården", "Addiction care"},
    {"police", "Polisen", "Police"},
    {"ngo", "Idéburen organisation", "Non-profit organisation"},
    {"other", "Annan verksamhet", "Other service"},
}};

constexpr std::array<ContactDimension, kContactFields> kDimensions = {{
    {ContactField::kChannel, "channel", "Kontaktväg", "Channel", kChannels},
    {ContactField::kVisit, "visit", "Ny eller återkommande", "New or returning", kVisits},
    {ContactField::kGender, "gender", "Kön", "Gender", kGenders},
    {ContactField::kAgeBand, "age_band", "Åldersgrupp", "Age band", kAgeBands},
    {ContactField::kKind, "kind", "Typ av kontakt", "Kind of contact", kContactKinds},
    {ContactField::kFoundVia, "found_via", "Hur kontakten hittade mottagningen",
     "How they found the clinic", kFoundVia},
    {ContactField::kReferral, "referral", "Hänvisning", "Referral made", kReferrals},
}};

}  // namespace

Result<std::size_t> ParseCode(std::span<const Code> codes, std::string_view text,
                              std::string_view field) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i].code == text) return i;
  }
  std::string shown(text.substr(0, 40));
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  }
  return InvalidArgument(std::string(field) + " '" + shown + "' is not a known code",
                         std::string(field));
}

std::string_view Label(std::span<const Code> codes, std::size_t index, bool english) {
  return english ? codes[index].en : codes[index].sv;
}

std::span<const Code> ActivityKinds() { return kActivityKinds; }
std::span<const Code> TargetGroups() { return kTargetGroups; }
std::span<const Code> Grades() { return kGrades; }
std::span<const Code> AttitudeQuestions() { return kAttitudeQuestions; }
std::span<const Code> LikertOptions() { return kLikert; }
std::span<const Code> ClinicKinds() { return kClinicKinds; }
std::span<const ContactDimension> ContactDimensions() { return kDimensions; }
const ContactDimension& DimensionOf(ContactField field) {
  return kDimensions[static_cast<std::size_t>(field)];
}

}  // namespace synlig::followup
