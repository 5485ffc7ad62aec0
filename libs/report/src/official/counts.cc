// Crime codes and labels, and counts as official tables write them.
#include <string>

#include "official/text_util.h"
#include "synlig/report/official.h"

namespace synlig::report {

std::string_view CrimeCode(Crime crime) {
  switch (crime) {
    case Crime::kSexPurchase:
      return "brb_6_11";
    case Crime::kProcuring:
      return "brb_6_12";
    case Crime::kTrafficking:
      return "brb_4_1a";
  }
  return "";
}

std::string_view CrimeLabelSv(Crime crime) {
  switch (crime) {
    case Crime::kSexPurchase:
      return "Köp av sexuell tjänst (BrB 6 kap. 11 §)";
    case Crime::kProcuring:
      return "Koppleri (BrB 6 kap. 12 §)";
    case Crime::kTrafficking:
      return "Människohandel (BrB 4 kap. 1 a §)";
  }
  return "";
}

std::string_view CrimeLabelEn(Crime crime) {
  switch (crime) {
    case Crime::kSexPurchase:
      return "Purchase of a sexual service (Penal Code 6:11)";
    case Crime::kProcuring:
      return "Procuring (Penal Code 6:12)";
    case Crime::kTrafficking:
      return "Trafficking in human beings (Penal Code 4:1a)";
  }
  return "";
}

Result<Crime> ParseCrimeCode(std::string_view code) {
  for (Crime c : kAllCrimes) {
    if (CrimeCode(c) == code) return c;
  }
  return InvalidArgument("unknown crime code '" + std::string(code) + "'", "crime");
}

Result<std::int64_t> ParseCount(std::string_view text, std::string_view where, bool& missing) {
  missing = false;
  std::string_view t = internal::Trim(text);
  if (t.empty() || t == ".." || t == "." || t == "\xE2\x80\xA6" || t == "...") {
    missing = true;
    return 0;
  }
  if (t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94") return 0;
  auto bad = [&]() {
    return InvalidArgument(std::string(where) + ": " + internal::Quote(t) + " is not a whole count",
                           "file");
  };
  std::int64_t value = 0;
  std::size_t digits = 0;
  std::size_t i = 0;
  int group = -1;  // digits since the last group separator; -1 before any separator
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      if (value > (INT64_MAX - 9) / 10) return bad();
      value = value * 10 + (c - '0');
      ++digits;
      if (group >= 0) ++group;
      continue;
    }
    std::size_t sep = c == ' '                                  ? 1
                      : t.substr(i).starts_with("\xC2\xA0")     ? 2
                      : t.substr(i).starts_with("\xE2\x80\x89") ? 3
                      : t.substr(i).starts_with("\xE2\x80\xAF") ? 3
                                                                : 0;
    if (sep > 0) {
      if (digits == 0 || (group >= 0 && group != 3)) return bad();
      group = 0;
      i += sep - 1;
      continue;
    }
    break;
  }
  if (digits == 0 || (group >= 0 && group != 3)) return bad();
  if (i < t.size()) {
    // Only a decimal part of zeros: "12,0", "12.00".
    if (t[i] != ',' && t[i] != '.') return bad();
    std::string_view fraction = t.substr(i + 1);
    if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos) {
      return bad();
    }
  }
  return value;
}

std::string NormaliseArea(std::string_view name) {
  std::string f = internal::Folded(name);
  // A leading region code: "0580 linköping", "0580-linköping".
  std::size_t i = 0;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
  if (i > 0 && i < f.size() && (f[i] == ' ' || f[i] == '-')) f = f.substr(i + 1);
  f = std::string(internal::Trim(f));
  for (std::string_view suffix : {" kommun", " municipality"}) {
    if (f.size() > suffix.size() && f.ends_with(suffix)) f.resize(f.size() - suffix.size());
  }
  return f;
}

}  // namespace synlig::report
