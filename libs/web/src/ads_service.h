// The server's online-ad import: analyses an uploaded file (JSON Lines, or a saved listing
// page with a site's rules) in the request with libs/ads, and gives what is stored of it —
// the round's aggregate counts, the capture histories and the bad lines by number, field and
// problem code. The file's text, numbers and names are dropped when this returns. Usage:
//   auto import = AnalyzeAdUpload(upload, round_key, round_id);
//   if (import) db.ad_imports().Create(*import);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/storage/ads.h"

namespace synlig::web {

// The most ads one upload is analysed with, in the request (about 2 s on 2 cores); larger
// uploads are refused (the CLI takes any size).
inline constexpr std::size_t kMaxUploadAds = 50'000;

struct AdFile {
  std::string name;  // as the browser sent it
  std::string data;  // the file
};

// One or more files, analysed together as one input: JSON Lines files one after the other (one
// per sample day, say), or listing pages of one site on one sample day.
struct AdUpload {
  std::vector<AdFile> files;
  std::string site_rules;   // HTML only: the site's rule file (TOML); "" = the example site
  std::string captured_on;  // HTML only: YYYY-MM-DD; "" = captured_on of the rules
};

// The import to store for round_id (created_at and created_by left for the caller); its bad
// lines name their file by number. Errors, kInvalidArgument with field: "file" for no file or
// more than storage::kMaxAdImportFiles, an empty file, one that is neither JSON Lines nor HTML,
// files of both kinds ("kinds"), more than kMaxUploadAds ads in all (kResourceExhausted) or no
// ad that could be read; "site" for a bad rule file; "captured_on" for a missing or bad sample
// day of a page; "items" when the rules find no listing on a page.
Result<storage::AdImport> AnalyzeAdUpload(const AdUpload& upload, const SecretKey& round_key,
                                          storage::Id round_id);

// The key the round's phone and name hashes are made with: derived from the round's secret
// (kept outside the database, destroyed at publication), never stored.
SecretKey AdHashKey(const SecretKey& round_key);

}  // namespace synlig::web
