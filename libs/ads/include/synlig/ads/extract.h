// Extraction: from one raw Ad to what Synlig keeps of it (ExtractedAd) — keyed hashes of its
// phone numbers (from the phone field and written in the title or text) and of the name in its
// title, stated age, gender and nationality region, features found by the lexicon, image hashes
// and word-shingle hashes of the text. The raw text, numbers and names are dropped as soon as
// each ad is done. Usage:
//   auto ex = synlig::ads::Extractor::Create(*synlig::ads::DefaultLexicon(), round_key);
//   for (const Ad& ad : ads) ex->Add(ad);
//   synlig::ads::Corpus corpus = ex->TakeCorpus();
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/ads/ad.h"
#include "synlig/ads/lexicon.h"
#include "synlig/core/crypto.h"
#include "synlig/core/error.h"

namespace synlig::ads {
namespace internal {
class HashCache;
}  // namespace internal

// What is kept of one ad. Nothing here identifies a person directly: numbers and names are
// keyed hashes (the key stays outside), the text only as 32-bit hashes of word triples.
struct ExtractedAd {
  std::string ad_id;
  std::uint32_t site = 0;  // index into Corpus::sites
  std::uint32_t city = 0;  // index into Corpus::cities
  std::int32_t day = 0;    // captured_on as days since 1970-01-01
  std::vector<std::uint32_t> phones;  // indices into Corpus::phone_hashes, valid numbers only
  std::uint16_t phones_shown = 0;     // phone strings displayed
  std::uint16_t phones_invalid = 0;   // displayed numbers that are not valid numbers
  std::uint16_t phones_in_text = 0;   // valid numbers read from the title or text only
  bool phone_obscured = false;        // a number was written in an obfuscated form
  std::uint64_t name_hash = 0;        // keyed hash of the name in the title; 0 = no name
  std::int16_t age = -1;              // stated (field or text); -1 = not stated
  std::int8_t gender = -1;            // index into Lexicon::gender_names; -1 = not stated
  std::int8_t region = -1;            // index into Lexicon::region_names; -1 = not stated
  bool nationality_stated = false;    // a nationality was stated (known region or not)
  std::uint32_t features = 0;         // bit (1 << Feature) per feature found
  std::vector<std::uint64_t> image_hashes;  // given, then those of the image files
  std::uint16_t images_read = 0;            // image files hashed (see ExtractOptions)
  std::uint16_t images_unread = 0;          // image files not hashed (unreadable, or not read)
  std::vector<std::uint32_t> shingles;  // sorted, unique
  std::optional<AdTruth> truth;         // synthetic files only

  bool Has(Feature f) const { return features & (1u << static_cast<unsigned>(f)); }
};

struct Corpus {
  std::vector<std::string> sites;
  std::vector<std::string> cities;
  std::vector<std::string> phone_hashes;  // keyed BLAKE2b of E.164 numbers, hex
  std::vector<std::string> gender_names;  // from the lexicon
  std::vector<std::string> region_names;  // from the lexicon
  std::vector<ExtractedAd> ads;
};

struct ExtractOptions {
  int shingle_words = 3;  // words per shingle (1-8)
  // The 64-bit perceptual hash of an image file named in an ad's `images` (the path as the
  // ad gives it), nullopt when it cannot be read as an image. Called from the importer's
  // worker threads, so it must be thread-safe. Unset (the default, and always in the server,
  // which never reads files an upload names): image paths are counted, not read. The library
  // reads no files itself; the CLI sets it when built with OpenCV's img_hash.
  std::function<std::optional<std::uint64_t>(const std::string& path)> hash_image;
};

class Extractor {
 public:
  // Errors: kInvalidArgument (field "shingle_words") outside 1-8; (field "default_region")
  // when libphonenumber does not know the lexicon's default region.
  static Result<Extractor> Create(const Lexicon& lexicon, const SecretKey& key,
                                  ExtractOptions options = {});
  // As above; extractors given one cache (and one key) share what they have hashed.
  static Result<Extractor> Create(const Lexicon& lexicon, const SecretKey& key,
                                  ExtractOptions options,
                                  std::shared_ptr<internal::HashCache> cache);
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Extracts ad into the corpus and returns the stored record. Never fails: what cannot be
  // read (an invalid number) is counted, not kept. The reference is valid until the next Add.
  // Not thread-safe.
  const ExtractedAd& Add(const Ad& ad);
  const Corpus& corpus() const;
  // Hands over the corpus and starts an empty one (indices restart at 0); what was learnt about
  // numbers and names is kept, so the next corpus is faster to build.
  Corpus TakeCorpus();
  // The same, and in phone_ids, for each of the corpus's phone hashes, a value that is equal
  // for equal hashes across the extractors sharing one cache (the importer's workers), so that
  // their corpora can be joined without comparing the hashes themselves.
  Corpus TakeCorpus(std::vector<std::uint64_t>& phone_ids);

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace synlig::ads
