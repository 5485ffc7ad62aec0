// Word banks of the generator. Everything here is invented for testing.
#include "synth_text.h"

#include <array>
#include <sstream>

namespace synlig::ads::internal {
namespace {

// Phrase kinds: 0 neutral, 1 incall, 2 outcall, 3 hotel, 4 massage, 5 new in town, 6 real
// photos, 7 youth, 8 several persons, 9 third party, 10 unprotected, 11 unusual services,
// 12 ethnicity.
constexpr Phrase kSv[] = {
    {"Hej och välkommen till min annons", 0},
    {"Jag är en glad och trevlig tjej som gillar att ha det mysigt", 0},
    {"Du kommer inte att ångra dig", 0},
    {"Ring eller skicka sms för mer information", 0},
    {"Endast seriösa förfrågningar tack", 0},
    {"Jag är alltid diskret och noga med hygienen", 0},
    {"Skicka ett meddelande så svarar jag så fort jag kan", 0},
    {"Jag tar mig gott om tid och stressar aldrig", 0},
    {"Du är varmt välkommen att höra av dig", 0},
    {"Jag pratar svenska och lite engelska", 0},
    {"Tillgänglig både dagtid och kvällar hela veckan", 0},
    {"Hör gärna av dig i god tid innan", 0},
    {"Vi ses snart hoppas jag", 0},
    {"Trevliga och artiga herrar föredras", 0},
    {"Mjuk hud och ett varmt leende väntar på dig", 0},
    {"Perfekt för en avkopplande stund efter jobbet", 0},
    {"Jag älskar långa samtal och god stämning", 0},
    {"Inga dolda avgifter och inga överraskningar", 0},
    {"Svarar inte på dolda nummer", 0},
    {"Kontakta mig helst via sms först", 0},
    {"Jag bjuder på kaffe eller ett glas vin", 0},
    {"Lugn och trygg miljö med parkering nära", 0},
    {"Boka gärna en timme eller mer", 0},
    {"Jag har fina recensioner från nöjda kunder", 0},
    {"Tar emot i egen lägenhet centralt", 1},
    {"Träffas hos mig i lugn och ro", 1},
    {"Jag kommer gärna hem till dig", 2},
    {"Kommer hem till dig i hela stan", 2},
    {"Hotellbesök går också bra", 3},
    {"Kan träffas på ditt hotell", 3},
    {"Erbjuder avslappnande massage", 4},
    {"Body to body massage med olja", 4},
    {"Ny i stan bara några dagar", 5},
    {"Kort besök här så passa på", 5},
    {"100 % äkta bilder utan redigering", 6},
    {"Riktiga bilder inga fejk", 6},
    {"Ung och söt tjej", 7},
    {"Precis 18 och lite oerfaren", 7},
    {"Vi är två tjejer som gillar att ha kul", 8},
    {"Nya tjejer varje vecka", 8},
    {"Bokning via sms till min chef", 9},
    {"Min vän svarar i telefon", 9},
    {"Allt utan skydd går att ordna", 10},
    {"Grekiskt och rollspel finns", 11},
    {"Exotisk skönhet med het temperament", 12},
};

constexpr Phrase kEn[] = {
    {"Hello and welcome to my ad", 0},
    {"I am a happy and friendly girl who loves good company", 0},
    {"You will not regret it", 0},
    {"Call or send a text for more information", 0},
    {"Serious requests only please", 0},
    {"I am always discreet and clean", 0},
    {"Send me a message and I will answer as soon as I can", 0},
    {"I take my time and never rush", 0},
    {"You are very welcome to contact me", 0},
    {"I speak English and a little Swedish", 0},
    {"Available days and evenings all week", 0},
    {"Please book well in advance", 0},
    {"Hope to see you soon", 0},
    {"Polite gentlemen preferred", 0},
    {"Soft skin and a warm smile are waiting for you", 0},
    {"Perfect for a relaxing moment after work", 0},
    {"I love long conversations and a good mood", 0},
    {"No hidden fees and no surprises", 0},
    {"I do not answer hidden numbers", 0},
    {"Text me first please", 0},
    {"Coffee or a glass of wine included", 0},
    {"Calm and safe place with parking nearby", 0},
    {"Book one hour or more", 0},
    {"Many happy reviews from my clients", 0},
    {"Incall in my private apartment downtown", 1},
    {"Visit me at my place", 1},
    {"Outcall to your place", 2},
    {"I can come to you anywhere in town", 2},
    {"Hotel visits are fine", 3},
    {"I can meet you at your hotel room", 3},
    {"Relaxing sensual massage", 4},
    {"Body to body massage with oil", 4},
    {"New in town only a few days", 5},
    {"Just arrived for a short visit", 5},
    {"100% real photos no editing", 6},
    {"Real pictures no fake", 6},
    {"Young and sweet girl", 7},
    {"Just 18 and inexperienced", 7},
    {"We are two girls who love fun", 8},
    {"New girls every week", 8},
    {"Booking via text to my manager", 9},
    {"My friend answers the phone", 9},
    {"Everything without condom possible", 10},
    {"Greek and role play available", 11},
    {"Exotic beauty with a hot temper", 12},
};

constexpr std::string_view kNames[] = {
    "Anna", "Sofia", "Emma", "Maja", "Elsa", "Alice", "Julia", "Linnea", "Ella", "Wilma",
    "Ebba", "Olivia", "Saga", "Klara", "Nora", "Vera", "Alma", "Stella", "Moa", "Ida",
    "Jenny", "Sara", "Lisa", "Hanna", "Emilia", "Amanda", "Natalie", "Jessica", "Mia", "Nina",
    "Eva", "Diana", "Monica", "Andreea", "Ioana", "Elena", "Maria", "Alexandra", "Bianca",
    "Cristina", "Daniela", "Gabriela", "Roxana", "Larisa", "Irina", "Natasha", "Olga",
    "Svetlana", "Tatiana", "Katya", "Oksana", "Alina", "Yulia", "Daria", "Polina",
    "Agnieszka", "Kasia", "Magda", "Zofia", "Ewa", "Dorota", "Joanna", "Petra", "Lenka",
    "Zuzana", "Kinga", "Reka", "Dora", "Lucia", "Carla", "Camila", "Valentina", "Isabella",
    "Fernanda", "Juliana", "Paola", "Luna", "Mariana", "Bruna", "Yasmin", "Leila", "Amira",
    "Nadia", "Samira", "Zara", "Aisha", "Joy", "Blessing", "Grace", "Precious", "Faith",
    "Mercy", "Lin", "Mei", "Ling", "Suki", "Yuki", "Nok", "Ploy", "Dao", "Kim", "Mai", "Lan",
    "Hoa", "Rosa", "Lola", "Kiki", "Bella", "Chloe", "Jade", "Ruby", "Lily", "Angel", "Candy",
    "Destiny", "Honey", "Jasmine", "Scarlett", "Venus", "Roxy", "Tina", "Lara", "Mira",
    "Selma", "Tilda", "Ronja", "Livia", "Nelly", "Vilja", "Iris", "Tove", "Lova", "Cleo",
};

constexpr std::string_view kTaglinesSv[] = {
    "ny i stan", "massage", "incall och outcall", "100 % äkta", "diskret", "välkommen",
    "bara idag", "het och söt", "hotellbesök", "trevlig stund"};
constexpr std::string_view kTaglinesEn[] = {
    "new in town", "massage", "incall and outcall", "100% real", "discreet", "welcome",
    "today only", "hot and sweet", "hotel visits", "good time"};

constexpr std::string_view kSlotsSv[] = {
    "Jag heter {name} och är {age} år", "Jag kommer från {nat}",
    "Nu i {city} en kort tid", "{name} {age} år väntar på dig i {city}",
    "Fråga efter {name} när du ringer"};
constexpr std::string_view kSlotsEn[] = {
    "My name is {name} and I am {age} years old", "I am from {nat}",
    "Now in {city} for a short time", "{name} {age} years is waiting for you in {city}",
    "Ask for {name} when you call"};

constexpr Nationality kNationalities[] = {
    {"svensk", "Swedish", 40, 1},       {"rumänsk", "Romanian", 8, 20},
    {"polsk", "Polish", 6, 8},          {"bulgarisk", "Bulgarian", 3, 10},
    {"ungersk", "Hungarian", 3, 8},     {"ukrainsk", "Ukrainian", 5, 8},
    {"rysk", "Russian", 4, 5},         {"nigeriansk", "Nigerian", 2, 12},
    {"thailändsk", "Thai", 6, 10},      {"kinesisk", "Chinese", 2, 8},
    {"brasiliansk", "Brazilian", 5, 6}, {"colombiansk", "Colombian", 3, 5},
    {"spansk", "Spanish", 5, 1},        {"finsk", "Finnish", 4, 1},
    {"tysk", "German", 3, 1},
};

constexpr City kCities[] = {
    {"Linköping", 35}, {"Norrköping", 30}, {"Motala", 6},   {"Mjölby", 4},
    {"Finspång", 3},   {"Stockholm", 10},  {"Göteborg", 6}, {"Malmö", 6},
};

constexpr std::string_view kFillerSv[] = {
    "mycket", "verkligen", "gärna", "alltid", "nu", "också", "bara", "så", "idag", "ikväll",
    "riktigt", "extra", "helt", "ganska", "väldigt", "särskilt", "absolut", "kanske", "faktiskt",
    "snart", "ofta", "lugnt", "mjukt", "varmt", "ljuvligt", "härligt", "skönt", "fint", "lätt",
    "enkelt", "gott", "glatt", "tyst", "nära", "direkt", "hemma", "ute", "sent", "tidigt",
    "dessutom", "givetvis", "självklart", "verkligt", "äntligen", "precis", "endast", "ofta"};
constexpr std::string_view kFillerEn[] = {
    "very", "really", "always", "now", "also", "just", "so", "today", "tonight", "truly",
    "quite", "extra", "fully", "rather", "especially", "absolutely", "maybe", "actually",
    "soon", "often", "calmly", "softly", "warmly", "lovely", "sweetly", "gently", "finely",
    "easily", "simply", "gladly", "quietly", "nearby", "directly", "late", "early", "indeed",
    "certainly", "naturally", "finally", "exactly", "only", "kindly", "happily", "surely"};

constexpr std::array<std::string_view, 10> kDigitWordsSv = {
    "noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"};
constexpr std::array<std::string_view, 10> kDigitWordsEn = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
constexpr std::string_view kEmojiSeparators[] = {"\xF0\x9F\x92\x8B", "\xF0\x9F\x8C\xB9",
                                                 "\xE2\x9D\xA4\xEF\xB8\x8F",
                                                 "\xF0\x9F\x94\xA5"};

template <typename T, std::size_t N>
const T& Pick(const T (&items)[N], std::mt19937_64& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

bool Chance(double p, std::mt19937_64& rng) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

// The number as written without tricks, in one of the usual layouts.
std::string PlainLayout(const SynthPhone& phone, std::mt19937_64& rng) {
  const std::string& n = phone.national;
  std::string cc = std::to_string(phone.country);
  if (phone.country != 46) {
    switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
      case 0: return "+" + cc + " " + n.substr(0, 3) + " " + n.substr(3, 3) + " " + n.substr(6);
      case 1: return "00" + cc + n;
      default: return "+" + cc + n;
    }
  }
  std::string local = "0" + n;  // 0701740605
  switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
    case 0: return local;
    case 1: return local.substr(0, 3) + "-" + local.substr(3);
    case 2:
      return local.substr(0, 3) + "-" + local.substr(3, 3) + " " + local.substr(6, 2) + " " +
             local.substr(8);
    case 3:
      return local.substr(0, 3) + " " + local.substr(3, 3) + " " + local.substr(6, 2) + " " +
             local.substr(8);
    case 4: return "+46 " + n.substr(0, 2) + " " + n.substr(2, 3) + " " + n.substr(5);
    default: return "+46 (0)" + n.substr(0, 2) + "-" + n.substr(2);
  }
}

std::string Obfuscate(const std::string& shown, std::mt19937_64& rng) {
  std::string out;
  const int trick = std::uniform_int_distribution<int>(0, 6)(rng);
  switch (trick) {
    case 0:  // O for zero
      for (char c : shown) out.push_back(c == '0' ? (Chance(0.5, rng) ? 'O' : 'o') : c);
      return out;
    case 1: {  // some digits as words
      const auto& words = Chance(0.5, rng) ? kDigitWordsSv : kDigitWordsEn;
      int replaced = 0;
      for (char c : shown) {
        if (c >= '0' && c <= '9' && replaced < 4 && Chance(0.3, rng)) {
          out += " " + std::string(words[static_cast<std::size_t>(c - '0')]) + " ";
          ++replaced;
        } else {
          out.push_back(c);
        }
      }
      return out;
    }
    case 2: {  // emoji between groups
      std::string_view sep = Pick(kEmojiSeparators, rng);
      for (char c : shown) {
        if (c == ' ' || c == '-') {
          out += sep;
        } else {
          out.push_back(c);
        }
      }
      return out;
    }
    case 3:  // a dot between every digit
    case 4: {  // a space between every digit
      char sep = trick == 3 ? '.' : ' ';
      for (char c : shown) {
        if (c == ' ' || c == '-') continue;
        if (!out.empty() && c >= '0' && c <= '9') out.push_back(sep);
        out.push_back(c);
      }
      return out;
    }
    case 5: {  // keycap emoji digits for the first three digits
      int done = 0;
      for (char c : shown) {
        out.push_back(c);
        if (c >= '0' && c <= '9' && done < 3) {
          out += "\xEF\xB8\x8F\xE2\x83\xA3";
          ++done;
        }
      }
      return out;
    }
    default:  // full-width digits
      for (char c : shown) {
        if (c >= '0' && c <= '9') {
          out += "\xEF\xBC";
          out.push_back(static_cast<char>(0x90 + (c - '0')));
        } else {
          out.push_back(c);
        }
      }
      return out;
  }
}

}  // namespace

std::span<const std::string_view> FirstNames() { return kNames; }
std::span<const Phrase> Phrases(Lang lang) {
  if (lang == Lang::kSv) return kSv;
  return kEn;
}
std::span<const std::string_view> Taglines(Lang lang) {
  if (lang == Lang::kSv) return kTaglinesSv;
  return kTaglinesEn;
}
std::span<const std::string_view> SlotPhrases(Lang lang) {
  if (lang == Lang::kSv) return kSlotsSv;
  return kSlotsEn;
}
std::span<const Nationality> Nationalities() { return kNationalities; }
std::span<const City> Cities() { return kCities; }
std::span<const std::string_view> FillerWords(Lang lang) {
  if (lang == Lang::kSv) return kFillerSv;
  return kFillerEn;
}

std::string DisplayPhone(const SynthPhone& phone, int obfuscation_level, std::mt19937_64& rng) {
  std::string shown = PlainLayout(phone, rng);
  for (int i = 0; i < obfuscation_level; ++i) shown = Obfuscate(shown, rng);
  return shown;
}

std::string EditText(const std::string& text, int edits, Lang lang, std::mt19937_64& rng) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  auto fillers = FillerWords(lang);
  for (int e = 0; e < edits && !words.empty(); ++e) {
    std::size_t at = std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(rng);
    if (words[at].find('{') != std::string::npos) continue;  // never a slot
    std::string filler(fillers[std::uniform_int_distribution<std::size_t>(
        0, fillers.size() - 1)(rng)]);
    switch (std::uniform_int_distribution<int>(0, 2)(rng)) {
      case 0: words[at] = filler; break;
      case 1: words.erase(words.begin() + static_cast<std::ptrdiff_t>(at)); break;
      default: words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), filler); break;
    }
  }
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

std::string FillSlots(std::string_view s, std::string_view name, int age, std::string_view nat,
                      std::string_view city) {
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t open = s.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(s.substr(pos));
      break;
    }
    out.append(s.substr(pos, open - pos));
    std::size_t close = s.find('}', open);
    std::string_view slot = s.substr(open + 1, close - open - 1);
    if (slot == "name") out.append(name);
    if (slot == "age") out += std::to_string(age);
    if (slot == "nat") out.append(nat);
    if (slot == "city") out.append(city);
    pos = close + 1;
  }
  return out;
}

}  // namespace synlig::ads::internal
