// Extraction of one ad: phones to keyed hashes, the title's name to a keyed hash, stated
// fields, lexicon features and text shingles.
#include "synlig/ads/extract.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "flat_index.h"
#include "hash_cache.h"
#include "phone_number.h"
#include "phone_text.h"
#include "phrase_matcher.h"
#include "shingles.h"
#include "text.h"
#include "text_phones.h"

namespace synlig::ads {
namespace {

using internal::NormalizeText;
using internal::PhraseMatcher;

constexpr std::size_t kMaxTitleWordsForName = 6;
constexpr std::size_t kMaxTitleWordsForAge = 8;
// Numbers taken from one ad's title and text at most (a page of numbers is not one person's).
constexpr std::uint16_t kMaxTextPhones = 16;

std::vector<std::vector<std::string>> SplitPhrases(const std::vector<std::string>& phrases) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& p : phrases) {
    std::vector<std::string> words;
    for (std::string_view w : internal::Words(p)) words.emplace_back(w);
    out.push_back(std::move(words));
  }
  return out;
}

bool AllDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), internal::IsAsciiDigit);
}

int ToInt(std::string_view w) {
  int v = 0;
  std::from_chars(w.data(), w.data() + w.size(), v);
  return v;
}

}  // namespace

struct Extractor::Impl {
  Lexicon lexicon;
  SecretKey key;
  ExtractOptions options;
  PhraseMatcher features;
  PhraseMatcher regions;
  std::unordered_map<std::string, std::int8_t> genders;
  std::unordered_set<std::string> not_names;
  std::vector<std::vector<std::string>> age_after;
  std::vector<std::vector<std::string>> age_before;
  internal::PhoneTextReader phone_reader;
  internal::TextPhoneFinder text_phones;
  // Candidate digits (by a 128-bit hash, so the raw digits are not kept) -> phone index or -1.
  // Numbers and names already hashed; kept across TakeCorpus, maybe shared with others.
  std::shared_ptr<internal::HashCache> cache;
  // Names this extractor has hashed, in front of `cache` (whose look-ups take a lock).
  mutable internal::FingerprintTable<std::uint64_t> names_seen;
  // The phone index of each keyed hash, by the hash's address in the cache (one per number).
  internal::FlatIndex phone_index;
  std::vector<std::uint64_t> phone_ids;  // per corpus phone: its hash's address in the cache
  // What each displayed phone string gave (by its fingerprint): an advertiser shows the same
  // string on many ads. Holds addresses of keyed hashes in `cache`, never digits.
  struct Shown {
    std::uint64_t fingerprint_high = 0;      // the rest of the 128-bit fingerprint (low: the key)
    std::vector<const std::string*> hashed;  // its valid numbers, in order
    std::uint16_t invalid = 0;
    bool obscured = false;
  };
  std::vector<Shown> shown_results;
  internal::FlatIndex shown_index;  // fingerprint.low64 -> index into shown_results
  Shown shown_uncached;  // for the (astronomically rare) string whose low 64 bits collide
  std::unordered_map<std::string, std::uint32_t> site_index;
  std::unordered_map<std::string, std::uint32_t> city_index;
  Corpus corpus;
  std::string normalized;                   // scratch: title + text of the current ad
  std::vector<std::string_view> word_list;  // scratch: the words of `normalized`
  std::vector<std::uint32_t> shingle_scratch;
  std::string city_raw;  // the last city seen and its normal form
  std::string city_normal;

  Impl(const Lexicon& lex, const SecretKey& k, ExtractOptions opts,
       std::shared_ptr<internal::HashCache> shared)
      : lexicon(lex),
        key(k),
        options(opts),
        phone_reader(lex.digit_words),
        text_phones(lex.digit_words),
        cache(shared ? std::move(shared) : std::make_shared<internal::HashCache>()) {}

  void Setup();
  void ReadPhones(const Ad& ad, ExtractedAd& out);
  void ReadTextPhones(std::string_view text, ExtractedAd& out);
  // The phone index of candidate digits ("+46..." or "070..."), hashed once per import;
  // nullopt when they are not a valid number.
  std::optional<std::uint32_t> PhoneId(std::string& digits);
  // The keyed hash of candidate digits in `cache`, "" when they are not a valid number.
  const std::string* HashedPhone(std::string& digits);
  const Shown& ReadShown(const std::string& shown_text);
  // This corpus's index of a keyed hash from `cache`.
  std::uint32_t PhoneIndex(const std::string* hashed);
  // The keyed hash of the title's name; city is the ad's city in normal form.
  std::uint64_t NameHash(const Ad& ad, const std::string& city) const;
  // The stated age, else one read from the words (the first title_words are the title's).
  std::int16_t Age(const Ad& ad, const std::vector<std::string_view>& words,
                   std::size_t title_words) const;
  static std::uint32_t Intern(std::unordered_map<std::string, std::uint32_t>& index,
                              std::vector<std::string>& names, const std::string& name);
  // Consecutive ads mostly come from one site and city: remember the last ones.
  std::uint32_t last_site = UINT32_MAX;
  std::uint32_t last_city = UINT32_MAX;
};

void Extractor::Impl::Setup() {
  for (int f = 0; f < kFeatureCount; ++f) {
    for (const std::string& p : lexicon.features[static_cast<std::size_t>(f)]) {
      features.Add(p, static_cast<std::uint32_t>(f));
    }
  }
  features.Build();
  for (std::size_t r = 0; r < lexicon.region_words.size(); ++r) {
    for (const std::string& p : lexicon.region_words[r]) {
      regions.Add(p, static_cast<std::uint32_t>(r));
    }
  }
  regions.Build();
  for (std::size_t g = 0; g < lexicon.gender_words.size(); ++g) {
    for (const std::string& w : lexicon.gender_words[g]) {
      genders.emplace(w, static_cast<std::int8_t>(g));
    }
  }
  // Words of any lexicon phrase are never names ("Latina", "Massage").
  auto add_words = [&](const std::vector<std::string>& phrases) {
    for (const std::string& p : phrases) {
      std::string plain = p.back() == '*' ? p.substr(0, p.size() - 1) : p;
      for (std::string_view w : internal::Words(plain)) not_names.emplace(w);
    }
  };
  add_words(lexicon.not_names);
  for (const auto& list : lexicon.features) add_words(list);
  for (const auto& list : lexicon.region_words) add_words(list);
  for (const auto& list : lexicon.gender_words) add_words(list);
  age_after = SplitPhrases(lexicon.age_after);
  age_before = SplitPhrases(lexicon.age_before);
  corpus.gender_names = lexicon.gender_names;
  corpus.region_names = lexicon.region_names;
}

std::uint32_t Extractor::Impl::Intern(std::unordered_map<std::string, std::uint32_t>& index,
                                      std::vector<std::string>& names, const std::string& name) {
  // Looked up before inserting: emplace would build (allocate) a node for every ad.
  if (auto it = index.find(name); it != index.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(names.size());
  index.emplace(name, id);
  names.push_back(name);
  return id;
}

const std::string* Extractor::Impl::HashedPhone(std::string& digits) {
  internal::FoldPhoneDigits(digits, lexicon.default_region);
  XXH128_hash_t h = XXH3_128bits(digits.data(), digits.size());
  return cache->Phone(h, [&] {
    std::string keyed;
    if (auto e164 = internal::ToE164(digits, lexicon.default_region)) {
      keyed = KeyedHash(key, "phone|" + *e164);
      std::fill(e164->begin(), e164->end(), '\0');  // drop the number at once
    }
    return keyed;
  });
}

std::uint32_t Extractor::Impl::PhoneIndex(const std::string* hashed) {
  auto [index, inserted] =
      phone_index.Insert(reinterpret_cast<std::uintptr_t>(hashed),
                         static_cast<std::uint32_t>(corpus.phone_hashes.size()));
  if (inserted) {
    corpus.phone_hashes.push_back(*hashed);
    phone_ids.push_back(reinterpret_cast<std::uintptr_t>(hashed));
  }
  return *index;
}

std::optional<std::uint32_t> Extractor::Impl::PhoneId(std::string& digits) {
  const std::string* hashed = HashedPhone(digits);
  if (hashed->empty()) return std::nullopt;
  return PhoneIndex(hashed);
}

const Extractor::Impl::Shown& Extractor::Impl::ReadShown(const std::string& shown_text) {
  const XXH128_hash_t h = XXH3_128bits(shown_text.data(), shown_text.size());
  auto [index, inserted] =
      shown_index.Insert(h.low64, static_cast<std::uint32_t>(shown_results.size()));
  if (!inserted && shown_results[*index].fingerprint_high == h.high64) {
    return shown_results[*index];
  }
  Shown& out = inserted ? shown_results.emplace_back() : (shown_uncached = Shown{});
  out.fingerprint_high = h.high64;
  internal::PhoneCandidates candidates = phone_reader.Read(shown_text);
  out.obscured = candidates.obscured;
  if (candidates.numbers.empty()) ++out.invalid;
  for (std::string& digits : candidates.numbers) {
    const std::string* hashed = HashedPhone(digits);
    std::fill(digits.begin(), digits.end(), '\0');
    if (hashed->empty()) {
      ++out.invalid;
    } else {
      out.hashed.push_back(hashed);
    }
  }
  return out;
}

void Extractor::Impl::ReadPhones(const Ad& ad, ExtractedAd& out) {
  out.phones_shown = static_cast<std::uint16_t>(ad.phones.size());
  for (const std::string& shown : ad.phones) {
    const Shown& read = ReadShown(shown);
    out.phone_obscured = out.phone_obscured || read.obscured;
    out.phones_invalid = static_cast<std::uint16_t>(out.phones_invalid + read.invalid);
    for (const std::string* hashed : read.hashed) {
      const std::uint32_t id = PhoneIndex(hashed);
      if (std::find(out.phones.begin(), out.phones.end(), id) == out.phones.end()) {
        out.phones.push_back(id);
      }
    }
  }
}

void Extractor::Impl::ReadTextPhones(std::string_view text, ExtractedAd& out) {
  internal::TextPhoneFinder::Found found =
      text_phones.Find(text, [&](const std::string& candidate) {
        std::string digits = candidate;
        std::optional<std::uint32_t> id = PhoneId(digits);
        std::fill(digits.begin(), digits.end(), '\0');
        if (!id) return false;
        if (std::find(out.phones.begin(), out.phones.end(), *id) == out.phones.end() &&
            out.phones_in_text < kMaxTextPhones) {
          out.phones.push_back(*id);
          ++out.phones_in_text;
        }
        return true;
      });
  out.phone_obscured = out.phone_obscured || found.obscured;
}

std::uint64_t Extractor::Impl::NameHash(const Ad& ad, const std::string& city) const {
  std::size_t pos = 0;
  std::size_t words = 0;
  const std::string_view title = ad.title;
  while (pos < title.size() && words < kMaxTitleWordsForName) {
    std::size_t q = pos;
    auto cp = internal::NextCodePoint(title, q);
    if (!cp || !internal::IsLatinLetter(*cp)) {
      pos = q;
      continue;
    }
    // One word of letters; digits or other characters end it.
    std::string lower;
    bool capitalised = internal::ToLowerLatin(*cp) != *cp;
    bool rest_lower = true;
    std::size_t letters = 0;
    while (pos < title.size()) {
      q = pos;
      cp = internal::NextCodePoint(title, q);
      if (!cp || !internal::IsLatinLetter(*cp)) break;
      char32_t lc = internal::ToLowerLatin(*cp);
      if (letters > 0 && lc != *cp) rest_lower = false;
      internal::AppendUtf8(lower, lc);
      ++letters;
      pos = q;
    }
    ++words;
    if (capitalised && rest_lower && letters >= 2 && letters <= 20 && lower != city &&
        !not_names.contains(lower)) {
      XXH128_hash_t fingerprint = XXH3_128bits(lower.data(), lower.size());
      if (const std::uint64_t* seen = names_seen.Find(fingerprint)) {
        std::fill(lower.begin(), lower.end(), '\0');
        return *seen;
      }
      const std::uint64_t h = cache->Name(fingerprint, [&] {
        std::string hex = KeyedHash(key, "name|" + lower);
        std::uint64_t value = 0;
        std::from_chars(hex.data(), hex.data() + 16, value, 16);
        return value == 0 ? std::uint64_t{1} : value;
      });
      names_seen.Insert(fingerprint, h);
      std::fill(lower.begin(), lower.end(), '\0');
      return h;
    }
  }
  return 0;
}

std::int16_t Extractor::Impl::Age(const Ad& ad, const std::vector<std::string_view>& words,
                                  std::size_t title_words) const {
  if (ad.stated_age) return static_cast<std::int16_t>(*ad.stated_age);
  auto matches_at = [&](std::size_t at, const std::vector<std::string>& phrase) {
    if (at + phrase.size() > words.size()) return false;
    for (std::size_t k = 0; k < phrase.size(); ++k) {
      if (words[at + k] != phrase[k]) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!AllDigits(words[i]) || words[i].size() > 2) continue;
    int value = ToInt(words[i]);
    if (value < 16 || value > 79) continue;
    for (const auto& after : age_after) {
      if (matches_at(i + 1, after)) return static_cast<std::int16_t>(value);
    }
    for (const auto& before : age_before) {
      if (i >= before.size() && matches_at(i - before.size(), before)) {
        return static_cast<std::int16_t>(value);
      }
    }
  }
  // A lone number 18-69 among the first words of the title ("Sofia 23").
  for (std::size_t i = 0; i < title_words && i < kMaxTitleWordsForAge; ++i) {
    if (AllDigits(words[i]) && words[i].size() == 2) {
      int value = ToInt(words[i]);
      if (value >= 18 && value <= 69) return static_cast<std::int16_t>(value);
    }
  }
  return -1;
}

Result<Extractor> Extractor::Create(const Lexicon& lexicon, const SecretKey& key,
                                    ExtractOptions options) {
  return Create(lexicon, key, options, nullptr);
}

Result<Extractor> Extractor::Create(const Lexicon& lexicon, const SecretKey& key,
                                    ExtractOptions options,
                                    std::shared_ptr<internal::HashCache> cache) {
  if (options.shingle_words < 1 || options.shingle_words > 8) {
    return InvalidArgument(
        "shingle_words must be 1-8, got " + std::to_string(options.shingle_words), "shingle_words");
  }
  if (!internal::InitPhoneNumbers(lexicon.default_region)) {
    return InvalidArgument(
        "phone region '" + lexicon.default_region + "' is not known to libphonenumber",
        "default_region");
  }
  auto impl = std::make_unique<Impl>(lexicon, key, options, std::move(cache));
  impl->Setup();
  return Extractor(std::move(impl));
}

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

const ExtractedAd& Extractor::Add(const Ad& ad) {
  Impl& m = *impl_;
  ExtractedAd out;
  out.ad_id = ad.ad_id;
  out.site = m.last_site < m.corpus.sites.size() && m.corpus.sites[m.last_site] == ad.site
                 ? m.last_site
                 : Impl::Intern(m.site_index, m.corpus.sites, ad.site);
  out.city = m.last_city < m.corpus.cities.size() && m.corpus.cities[m.last_city] == ad.city
                 ? m.last_city
                 : Impl::Intern(m.city_index, m.corpus.cities, ad.city);
  m.last_site = out.site;
  m.last_city = out.city;
  out.day =
      static_cast<std::int32_t>(std::chrono::sys_days(ad.captured_on).time_since_epoch().count());
  m.ReadPhones(ad, out);
  m.ReadTextPhones(ad.title, out);
  m.ReadTextPhones(ad.text, out);
  if (ad.city != m.city_raw) {
    m.city_raw = ad.city;
    m.city_normal = NormalizeText(ad.city);
  }
  out.name_hash = m.NameHash(ad, m.city_normal);

  m.normalized.clear();
  internal::AppendNormalized(ad.title, m.normalized);
  const std::size_t title_bytes = m.normalized.size();
  internal::AppendNormalized(ad.text, m.normalized);
  internal::SplitWords(m.normalized, m.word_list);
  const char* text_start = m.normalized.data() + title_bytes;
  const auto title_words = static_cast<std::size_t>(
      std::find_if(m.word_list.begin(), m.word_list.end(),
                   [&](std::string_view w) { return w.data() >= text_start; }) -
      m.word_list.begin());
  m.features.MatchAtWordStarts(m.normalized, m.word_list,
                               [&](std::uint32_t f) { out.features |= 1u << f; });
  out.age = m.Age(ad, m.word_list, title_words);
  internal::HashShingles(m.word_list, static_cast<std::size_t>(m.options.shingle_words),
                         out.shingles, m.shingle_scratch);
  std::fill(m.normalized.begin(), m.normalized.end(), '\0');

  if (auto g = m.genders.find(NormalizeText(ad.stated_gender)); g != m.genders.end()) {
    out.gender = g->second;
  }
  if (ad.stated_nationality && !NormalizeText(*ad.stated_nationality).empty()) {
    out.nationality_stated = true;
    std::string nat = NormalizeText(*ad.stated_nationality);
    std::int32_t best = -1;
    m.regions.Match(nat, [&](std::uint32_t r) {
      if (best < 0) best = static_cast<std::int32_t>(r);
    });
    out.region = static_cast<std::int8_t>(best);
  }
  out.image_hashes = ad.image_hashes;
  for (const std::string& path : ad.images) {
    std::optional<std::uint64_t> hash;
    if (m.options.hash_image) hash = m.options.hash_image(path);
    std::uint16_t& count = hash ? out.images_read : out.images_unread;
    if (hash) out.image_hashes.push_back(*hash);
    if (count < UINT16_MAX) ++count;
  }
  out.truth = ad.truth;
  m.corpus.ads.push_back(std::move(out));
  return m.corpus.ads.back();
}

const Corpus& Extractor::corpus() const { return impl_->corpus; }

Corpus Extractor::TakeCorpus() {
  std::vector<std::uint64_t> phone_ids;
  return TakeCorpus(phone_ids);
}

Corpus Extractor::TakeCorpus(std::vector<std::uint64_t>& phone_ids) {
  phone_ids = std::move(impl_->phone_ids);
  impl_->phone_ids.clear();
  Corpus out = std::move(impl_->corpus);
  impl_->corpus = Corpus{};
  impl_->corpus.ads.reserve(out.ads.size());  // the next batch is about as large
  impl_->corpus.gender_names = impl_->lexicon.gender_names;
  impl_->corpus.region_names = impl_->lexicon.region_names;
  impl_->phone_index.Clear();
  impl_->site_index.clear();
  impl_->city_index.clear();
  impl_->last_site = UINT32_MAX;
  impl_->last_city = UINT32_MAX;
  return out;
}

}  // namespace synlig::ads
