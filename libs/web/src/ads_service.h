// The server's online-ad import: analyses an uploaded file (JSON Lines, or a saved listing
// page with a site's rules) in the request with libs/ads, and gives what is stored of it —
// the round's aggregate counts, the capture histories and the bad lines by number, field and
// problem code. The file's text, numbers and names are dropped when this returns. Usage:
//   auto import = AnalyzeAdUpload(upload, round_key, round_id);
//   if (import) db.ad_imports().Create(*import);
#pragma once

#include <cstddef>
#include <string>

#include "synlig/core/crypto.h"
#include "synlig/core/error.h"
#include "synlig/storage/ads.h"

namespace synlig::web {

// The most ads one upload is analysed with, in the request (about 2 s on 2 cores); larger
// files are refused (the CLI takes any size).
inline constexpr std::size_t kMaxUploadAds = 50'000;

struct AdUpload {
  std::string file_name;    // as the browser sent it
  std::string data;         // the file
  std::string site_rules;   // HTML only: the site's rule file (TOML); "" = the example site
  std::string captured_on;  // HTML only: YYYY-MM-DD; "" = captured_on of the rules
};

// The import to store for round_id (created_at and created_by left for the caller).
// Errors, kInvalidArgument with field: "file" for an empty file, one that is neither JSON
// Lines nor HTML, more than kMaxUploadAds ads (kResourceExhausted) or no ad that could be
// read; "site" for a bad rule file; "captured_on" for a missing or bad sample day of a page;
// "items" when the rules find no listing on the page.
Result<storage::AdImport> AnalyzeAdUpload(const AdUpload& upload, const SecretKey& round_key,
                                          storage::Id round_id);

// The key the round's phone and name hashes are made with: derived from the round's secret
// (kept outside the database, destroyed at publication), never stored.
SecretKey AdHashKey(const SecretKey& round_key);

}  // namespace synlig::web
