// Plain-language Swedish summary of an estimate for a council report.
#include <cmath>
#include <string>

#include "synlig/estimate/estimation.h"

namespace synlig::estimate {
namespace {

// Rounded to the precision the uncertainty allows (3 significant digits, at least whole people),
// with a space between thousands as in Swedish.
std::string SwedishNumber(double x, bool exact = false) {
  if (!std::isfinite(x)) return "obegränsat";
  double rounded = std::round(x);
  if (rounded >= 1000 && !exact) {
    const double scale = std::pow(10.0, std::floor(std::log10(rounded)) - 2);
    rounded = std::round(rounded / scale) * scale;
  }
  std::string digits = std::to_string(static_cast<long long>(rounded));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits.size() > 4) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string MethodInSwedish(const MethodResult& r) {
  if (r.method == "chapman") return "Chapmans skattning för två källor";
  if (r.method == "independence") {
    return "en log-linjär modell som antar att källorna registrerar personer oberoende av "
           "varandra";
  }
  if (r.method == "aic" || r.method == "bic") {
    return "en log-linjär modell vald med " + std::string(r.method == "aic" ? "AIC" : "BIC") +
           " bland alla modeller med samband mellan par av källor (" + r.model + ")";
  }
  if (r.method == "stepwise") {
    return "en log-linjär modell vald stegvis enligt Chan, Silverman och Vincent (2021) (" +
           r.model + ")";
  }
  if (r.method == "closedp") return "modellen " + r.model + " för slutna populationer";
  return "metoden " + r.method;
}

}  // namespace

std::string SwedishSummary(const CaptureTable& table, const MethodResult& r) {
  const double n = static_cast<double>(table.n_observed());
  std::string text = "Uppskattningsvis " + SwedishNumber(r.estimate) + " personer (95 % intervall " +
                     SwedishNumber(r.interval.low) + "–" + SwedishNumber(r.interval.high) +
                     "). Av dem har " + SwedishNumber(n, /*exact=*/true) + " registrerats av minst en av " +
                     std::to_string(table.num_lists()) + " källor, och uppskattningsvis " +
                     SwedishNumber(std::max(0.0, r.estimate - n)) +
                     " har inte registrerats av någon. Skattningen bygger på " + MethodInSwedish(r) +
                     ".";
  if (r.interval_kind.find("BCa") != std::string::npos) {
    text += " Intervallet är ett bootstrapintervall som tar hänsyn till osäkerheten i valet av "
            "modell.";
  } else if (r.method != "chapman" && r.method != "independence") {
    text += " Intervallet gäller givet den valda modellen och tar inte hänsyn till osäkerheten "
            "i valet av modell; det verkliga intervallet är bredare.";
  }
  text += "\n\nFörbehåll: metoden förutsätter att gruppen är densamma under hela perioden, att "
          "alla i gruppen hade en chans att registreras av någon källa och att personer matchats "
          "korrekt mellan källorna.";
  if (std::isfinite(r.interval.high) && r.interval.low > 0 && r.interval.high / r.interval.low > 3) {
    text += " Intervallet är mycket brett: det verkliga antalet är osäkert och siffran bör "
            "redovisas som en storleksordning.";
  }
  if (!std::isfinite(r.interval.high)) {
    text += " Data räcker inte för att ange någon övre gräns.";
  }
  if (r.estimate > 10 * n) {
    text += " Skattningen är mer än tio gånger antalet registrerade och vilar på få personer som "
            "finns i flera källor; den ska tolkas med stor försiktighet.";
  }
  bool no_overlap = false;
  for (const std::string& w : r.warnings) {
    no_overlap = no_overlap || w.find("share nobody") != std::string::npos;
  }
  if (no_overlap) {
    text += " Några källor har inga personer gemensamt, vilket gör skattningen känslig för "
            "modellvalet.";
  }
  if (n < 50) text += " Antalet registrerade är litet, vilket gör alla skattningar osäkra.";
  return text;
}

}  // namespace synlig::estimate
