// Reading and extracting a JSON Lines file on several threads. The input is cut into batches
// of whole lines; each worker parses and extracts its batches; the parts are joined in input
// order, so the result (ads, indices, bad lines and their numbers) is the same whatever the
// number of threads. Pure: the caller reads the file. Usage:
//   auto importer = synlig::ads::AdImporter::Create(lexicon, round_key, /*threads=*/2);
//   while (read chunk) importer->Feed(chunk);
//   synlig::ads::ImportResult result = importer->Finish();
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "synlig/ads/extract.h"
#include "synlig/ads/jsonl_reader.h"
#include "synlig/core/error.h"

namespace synlig::ads {

struct ImportResult {
  Corpus corpus;
  ReadSummary summary;  // line numbers of the whole input
};

class AdImporter {
 public:
  // threads: 1-16 workers. Errors: those of Extractor::Create; kInvalidArgument (field
  // "threads") outside 1-16.
  static Result<AdImporter> Create(const Lexicon& lexicon, const SecretKey& key, int threads,
                                   ExtractOptions options = {});
  AdImporter(AdImporter&&) noexcept;
  AdImporter& operator=(AdImporter&&) noexcept;
  ~AdImporter();

  // Chunks may split lines anywhere. Blocks while the workers are more than a few batches
  // behind, so memory stays bounded.
  void Feed(std::string_view chunk);
  // Optional, before the first Feed: the input's total size in bytes, when known (a file's
  // size). The joined corpus is then reserved once, for as many ads as the first batches
  // suggest, instead of growing; and a small input is cut into smaller batches, so that every
  // worker has a share of it.
  void ExpectBytes(std::uint64_t total);
  // Precondition: called once, after the last Feed.
  ImportResult Finish();
  std::size_t bytes_fed() const;
  // Batches handed to the workers so far.
  std::size_t batches() const;

 private:
  struct Impl;
  explicit AdImporter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace synlig::ads
