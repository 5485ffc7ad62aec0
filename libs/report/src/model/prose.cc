// The report's own words in Swedish and English: section titles, section introductions built
// from published figures only, and the method and quality appendix.
#include "model/prose.h"

#include <cmath>

#include "model/tables.h"

namespace synlig::report::internal {
namespace {

constexpr int kSv = 0, kEn = 1;

std::string Num(std::int64_t n, Language lang) { return Thousands(n, lang); }

std::string Pct(double p, Language lang) {
  return std::to_string(static_cast<int>(std::lround(p))) + (lang == Language::kSv ? " %" : "%");
}

double AnsweredShare(const std::vector<UnitResponse>& units) {
  int answered = 0;
  for (const auto& u : units) answered += u.submitted > 0 ? 1 : 0;
  return units.empty() ? 0 : 100.0 * answered / static_cast<double>(units.size());
}

}  // namespace

Block Paragraph(std::string text) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.runs.push_back({std::move(text)});
  return b;
}

Block Heading(std::string text, int level) {
  Block b;
  b.kind = Block::Kind::kHeading;
  b.level = level;
  b.runs.push_back({std::move(text)});
  return b;
}

Block Bullets(std::vector<std::string> items) {
  Block b;
  b.kind = Block::Kind::kBullets;
  for (auto& i : items) b.items.push_back({Run{std::move(i)}});
  return b;
}

void Append(Both& to, const Text& paragraph) {
  if (!paragraph.sv.empty()) to[kSv].push_back(Paragraph(paragraph.sv));
  if (!paragraph.en.empty()) to[kEn].push_back(Paragraph(paragraph.en));
}

const std::vector<SectionTitle>& SectionTitles() {
  static const std::vector<SectionTitle> kTitles = {
      {"response_rates", {"Svar från verksamheterna", "Response from the services"}},
      {"persons_known", {"Kända personer", "Persons known"}},
      {"arenas", {"Arenor och plats", "Arenas and place"}},
      {"trafficking", {"Människohandel", "Trafficking in human beings"}},
      {"estimate", {"Skattat totalt antal", "Estimated total"}},
      {"online_ads", {"Annonser på nätet", "Online ads"}},
      {"official_statistics", {"Anmälda brott", "Reported offences"}},
      {"followup",
       {"Utbildning, attitydarbete och MIKA/KAST", "Training, attitude work and MIKA/KAST"}},
      {"change", {"Förändring sedan föregående omgång", "Change since the previous round"}},
      {"methods", {"Metod och kvalitet", "Method and quality"}},
  };
  return kTitles;
}

std::optional<std::int64_t> Published(const std::vector<BuiltTable>& tables, std::string_view table,
                                      std::string_view row, int col) {
  for (const BuiltTable& b : tables) {
    if (b.table.id != table) continue;
    for (const Row& r : b.table.rows) {
      if (r.code != row || col >= static_cast<int>(r.cells.size())) continue;
      const Cell& c = r.cells[static_cast<std::size_t>(col)];
      if (c.kind == CellKind::kCount) return c.count;
    }
  }
  return std::nullopt;
}

Both Introduction(const std::string& section, const ReportInputs& in,
                  const std::vector<BuiltTable>& tables) {
  Both b;
  const RoundData& r = in.current;
  if (section == "response_rates") {
    if (r.units.empty()) {
      Append(b, {"Inga verksamheter deltog i omgången.", "No services took part in the round."});
      return b;
    }
    double share = AnsweredShare(r.units);
    Append(b, {Pct(share, Language::kSv) +
                   " av de deltagande verksamheterna skickade in svar under perioden " +
                   FormatDate(r.info.period.from) + "–" + FormatDate(r.info.period.to) + ".",
               Pct(share, Language::kEn) +
                   " of the participating services submitted an answer "
                   "for the period " +
                   FormatDate(r.info.period.from) + " to " + FormatDate(r.info.period.to) + "."});
    return b;
  }
  if (section == "persons_known") {
    auto entries = Published(tables, "persons_range", "entries", 0);
    auto unique = Published(tables, "persons_range", "unique_persons", 0);
    if (entries && unique) {
      Append(
          b,
          {"Verksamheterna rapporterade " + Num(*entries, Language::kSv) +
               " personposter. Efter matchning motsvarar de mellan " + Num(*unique, Language::kSv) +
               " och " + Num(*entries, Language::kSv) + " personer.",
           "The services reported " + Num(*entries, Language::kEn) +
               " person entries. After matching they correspond to between " +
               Num(*unique, Language::kEn) + " and " + Num(*entries, Language::kEn) + " persons."});
    } else {
      Append(b, {"Antalet rapporterade personer är för litet för att redovisas.",
                 "The number of persons reported is too small to be shown."});
    }
    Append(b, {"Personer under 18 år redovisas alltid för sig och slås aldrig ihop med vuxna.",
               "Persons under 18 are always reported on their own, never merged with adults."});
    return b;
  }
  if (section == "arenas") {
    Append(b, {"Var personerna kom i kontakt med sex mot ersättning (arena) och om det skedde i "
               "kommunen eller på annan ort.",
               "Where the persons came into contact with sex for compensation (arena) and "
               "whether it happened in the municipality or elsewhere."});
    return b;
  }
  if (section == "trafficking") {
    Append(b, {"Misstänkt människohandel anges som möjlig eller bekräftad enligt respondentens "
               "bedömning. Tecken på kontroll följer IOM:s standard för ärendedata om "
               "människohandel (HTCDS).",
               "Suspected trafficking is given as possible or confirmed as the respondent "
               "judged it. Signs of control follow IOM's Human Trafficking Case Data Standard "
               "(HTCDS)."});
    return b;
  }
  if (section == "estimate") {
    if (!r.estimate) {
      Append(b, {"Ingen skattning av det totala antalet har gjorts för omgången.",
                 "No estimate of the total has been made for the round."});
      return b;
    }
    const EstimateInput& e = *r.estimate;
    Append(b, {e.summary_sv, ""});
    if (std::isfinite(e.result.estimate)) {
      Append(b, {"", "An estimated " + Num(std::llround(e.result.estimate), Language::kEn) +
                         " persons in total (95% interval " +
                         (std::isfinite(e.result.interval.low)
                              ? Num(std::llround(e.result.interval.low), Language::kEn)
                              : std::string("unbounded")) +
                         " to " +
                         (std::isfinite(e.result.interval.high)
                              ? Num(std::llround(e.result.interval.high), Language::kEn)
                              : std::string("unbounded")) +
                         "), by " + e.result.method +
                         " with the sectors as lists. The "
                         "estimate includes persons no service knows of."});
    }
    return b;
  }
  if (section == "online_ads") {
    if (!r.ads) {
      Append(b, kNotYetRecorded);
      return b;
    }
    const std::string days = std::to_string(r.ads->days.size());
    Append(b, {"Annonser för sexuella tjänster räknades på " + days +
                   " urvalsdagar. Samma "
                   "annonsör kan ha flera annonser; antalet annonsörer anges därför som ett "
                   "intervall. Indikatorerna på människohandel är tecken, inte bevis.",
               "Ads for sexual services were counted on " + days +
                   " sample days. One "
                   "advertiser may have several ads, so the number of advertisers is a range. The "
                   "trafficking indicators are signs, not proof."});
    return b;
  }
  if (section == "official_statistics") {
    if (in.crimes.empty()) {
      Append(b, kNotYetRecorded);
      return b;
    }
    Append(b, {"Polisanmälda brott i kommunen enligt Brottsförebyggande rådets (Brå) statistik "
               "över anmälda brott, per år och per 100 000 invånare.",
               "Offences reported to the police in the municipality according to the Swedish "
               "National Council for Crime Prevention (Brå), per year and per 100,000 "
               "inhabitants."});
    return b;
  }
  if (section == "change") {
    if (!in.previous) {
      Append(b, {"Det finns ingen tidigare avslutad kartläggningsomgång att jämföra med.",
                 "There is no earlier closed mapping round to compare with."});
      return b;
    }
    const RoundInfo& p = in.previous->info;
    Append(b, {"Jämförelse med " + p.name + " (" + FormatDate(p.period.from) + "–" +
                   FormatDate(p.period.to) +
                   "). En förändring visas bara där båda omgångarnas "
                   "uppgifter är publicerade. Skillnader kan bero på att fler eller andra "
                   "verksamheter svarade.",
               "Comparison with " + p.name + " (" + FormatDate(p.period.from) + " to " +
                   FormatDate(p.period.to) +
                   "). A change is shown only where both rounds' "
                   "figures are published. Differences may come from more or other services "
                   "answering."});
    return b;
  }
  return b;
}

Both MethodAppendix(const ReportInputs& in, int published, int primary, int secondary) {
  Both b;
  const RoundData& r = in.current;
  const int k = r.info.min_cell_k;
  const std::string ks = std::to_string(k);
  b[kSv].push_back(Heading("Vad som frågades", 3));
  b[kEn].push_back(Heading("What was asked", 3));
  Append(b,
         {"Yrkesverksamma i de deltagande verksamheterna besvarade en enkät om personer de "
          "mött under perioden " +
              FormatDate(r.info.period.from) + "–" + FormatDate(r.info.period.to) +
              ": kön, åldersgrupp, former av sex mot ersättning, "
              "arenor, plats, tecken på kontroll, stöd och anmälan. Inga namn, personnummer eller "
              "fritext om personer samlades in.",
          "Professionals in the participating services answered a questionnaire about persons "
          "they met in the period " +
              FormatDate(r.info.period.from) + " to " + FormatDate(r.info.period.to) +
              ": gender, age group, forms of sex for "
              "compensation, arenas, place, signs of control, support and police reports. No "
              "names, identity numbers or free text about persons were collected."});
  b[kSv].push_back(Heading("Svar och matchning", 3));
  b[kEn].push_back(Heading("Response and matching", 3));
  const double share = AnsweredShare(r.units);
  Append(b,
         {Pct(share, Language::kSv) +
              " av verksamheterna svarade. Personer som mötts av "
              "verksamheter som inte svarat saknas i tabellerna. Samma person kan ha rapporterats "
              "av flera verksamheter; poster matchas med en nyckel av kön, födelseår och "
              "initialer som krypteras direkt, och därför redovisas antalet kända personer som "
              "ett intervall.",
          Pct(share, Language::kEn) +
              " of the services answered. Persons met by services "
              "that did not answer are missing from the tables. The same person may have been "
              "reported by several services; entries are matched on a key of gender, birth year "
              "and initials that is encrypted at once, so the number of persons known is given "
              "as a range."});
  b[kSv].push_back(Heading("Vad anmälda brott mäter", 3));
  b[kEn].push_back(Heading("What reported offences measure", 3));
  Append(b, {"Anmälda brott visar de brott som kommit till polisens kännedom. Antalet beror på "
             "polisens prioriteringar och arbetssätt, till exempel insatser mot sexköp, och "
             "mäter inte hur vanligt sexköp, koppleri eller människohandel är. Varje gärning "
             "räknas som ett brott, och en utredning kan ge många anmälda brott samma år.",
             "Reported offences show the offences that came to the police's knowledge. Their "
             "number depends on police priorities and methods, such as operations against sex "
             "purchase, and does not measure how common sex purchase, procuring or trafficking "
             "is. Every act counts as one offence, and one investigation can give many reported "
             "offences in the same year."});
  b[kSv].push_back(Heading("Skattningens antaganden", 3));
  b[kEn].push_back(Heading("The estimate's assumptions", 3));
  Append(b, {"Det totala antalet skattas med multipel systemskattning (capture–recapture) där "
             "sektorerna är listor: hur många personer flera sektorer känner till ger ett mått på "
             "hur många ingen känner till. Skattningen förutsätter att gruppen är densamma under "
             "perioden, att samma person matchas rätt mellan sektorerna och att modellen fångar "
             "beroendena mellan sektorerna. Intervallet visar den statistiska osäkerheten, inte "
             "fel i matchning eller täckning.",
             "The total is estimated by multiple systems estimation (capture-recapture) with the "
             "sectors as lists: how many persons several sectors know of measures how many no "
             "one knows of. The estimate assumes that the group stays the same during the "
             "period, that the same person is matched correctly between sectors, and that the "
             "model captures the dependences between sectors. The interval shows the "
             "statistical uncertainty, not errors in matching or coverage."});
  if (r.estimate && !r.estimate->result.warnings.empty()) {
    b[kSv].push_back(Paragraph("Skattningsmetodens varningar:"));
    b[kSv].push_back(Bullets(r.estimate->result.warnings_sv));
    b[kEn].push_back(Paragraph("Warnings of the estimation method:"));
    b[kEn].push_back(Bullets(r.estimate->result.warnings));
  }
  b[kSv].push_back(Heading("Röjandekontroll", 3));
  b[kEn].push_back(Heading("Disclosure control", 3));
  const int suppressed = primary + secondary;
  const int all = published + suppressed;
  Append(b,
         {"Underlaget är sekretessbelagt (OSL 26 kap. 1 §) och känsligt enligt "
          "dataskyddsförordningen. Varje tal i rapportens tabeller har därför "
          "röjandekontrollerats: uppgifter om färre än " +
              ks +
              " har undertryckts, och "
              "ytterligare uppgifter har undertryckts så att ingen undertryckt uppgift kan räknas "
              "fram ur summor (kontrollerat med linjärprogrammering). Undertryckta uppgifter visas "
              "som en punkt (.), saknade uppgifter som två punkter (..). Av " +
              std::to_string(all) + " uppgifter i tabellerna har " + std::to_string(suppressed) +
              " undertryckts: " + std::to_string(primary) + " för att de avser färre än " + ks +
              " och " + std::to_string(secondary) + " för att skydda dem.",
          "The underlying data are confidential (Public Access to Information and Secrecy "
          "Act 26:1) and sensitive under the GDPR. Every number in the report's tables has "
          "therefore passed disclosure control: figures under " +
              ks +
              " are suppressed, and "
              "further figures are suppressed so that no suppressed figure can be worked out "
              "from totals (verified by linear programming). Suppressed figures are shown as a "
              "dot (.), missing figures as two dots (..). Of " +
              std::to_string(all) + " figures in the tables, " + std::to_string(suppressed) +
              " are suppressed: " + std::to_string(primary) + " because they are under " + ks +
              " and " + std::to_string(secondary) + " to protect those."});
  Append(b, {"En person kan ha flera former, arenor och tecken på kontroll. Summor redovisas "
             "därför bara där de är summor av tabellens celler; antalet personer per kön, "
             "åldersgrupp, arena och plats redovisas i egna tabeller.",
             "A person may have several forms, arenas and signs of control. Totals are therefore "
             "shown only where they are sums of the table's cells; the number of persons per "
             "gender, age group, arena and place is shown in tables of their own."});
  return b;
}

}  // namespace synlig::report::internal
