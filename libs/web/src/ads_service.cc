// The upload analysis: format, size check, extraction with the round's key, linking,
// indicators and counts; the error list without anything the file said.
#include "ads_service.h"

#include <algorithm>
#include <random>

#include "synlig/ads/counts.h"
#include "synlig/ads/counts_json.h"
#include "synlig/ads/extract.h"
#include "synlig/ads/html_import.h"
#include "synlig/ads/import.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/link.h"

namespace synlig::web {
namespace {

constexpr int kThreads = 2;
constexpr std::size_t kMaxFileName = 100;

// The file's own name without directories, in printable characters, at most kMaxFileName
// bytes (cut at a character boundary).
std::string CleanFileName(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") + 1);
  std::string out;
  for (unsigned char c : base) {
    if (c < 0x20 || c == 0x7F) continue;
    out.push_back(static_cast<char>(c));
  }
  if (out.size() > kMaxFileName) {
    std::size_t cut = kMaxFileName;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.empty() ? std::string("upload") : out;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// "html", "jsonl" or "" (neither): by the name, else by the first character that is not
// white space (and not a byte-order mark).
std::string FormatOf(const AdUpload& upload) {
  if (EndsWith(upload.file_name, ".html") || EndsWith(upload.file_name, ".htm")) return "html";
  if (EndsWith(upload.file_name, ".jsonl") || EndsWith(upload.file_name, ".ndjson") ||
      EndsWith(upload.file_name, ".json")) {
    return "jsonl";
  }
  std::string_view d = upload.data;
  if (d.starts_with("\xEF\xBB\xBF")) d.remove_prefix(3);
  const std::size_t first = d.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  if (d[first] == '{') return "jsonl";
  if (d[first] == '<') return "html";
  return "";
}

std::size_t NonBlankLines(std::string_view data) {
  std::size_t lines = 0;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++lines;
    pos = nl + 1;
  }
  return lines;
}

Unexpected TooMany(std::size_t ads) {
  return Fail(ErrorCode::kResourceExhausted,
              "the file has " + std::to_string(ads) + " ads; at most " +
                  std::to_string(kMaxUploadAds) + " are analysed in the server",
              "file");
}

// Extraction of a JSON Lines file; errors of its lines into `im`.
Result<ads::Corpus> ReadJsonLines(const AdUpload& upload, const SecretKey& key,
                                  storage::AdImport& im, ads::ReadSummary& summary) {
  const std::size_t lines = NonBlankLines(upload.data);
  if (lines > kMaxUploadAds) return TooMany(lines);
  auto importer = ads::AdImporter::Create(*ads::DefaultLexicon(), key, kThreads);
  if (!importer) return Unexpected(importer.error());
  importer->ExpectBytes(upload.data.size());
  importer->Feed(upload.data);
  ads::ImportResult result = importer->Finish();
  const ads::ReadSummary& s = result.summary;
  summary.lines = s.lines;
  summary.read = s.read;
  summary.skipped = s.skipped;
  summary.reasons = s.reasons;
  im.lines = static_cast<std::int64_t>(s.lines);
  im.ads_read = static_cast<std::int64_t>(s.read);
  im.skipped = static_cast<std::int64_t>(s.skipped);
  for (const ads::LineError& e : s.errors) {
    if (im.errors.size() >= storage::kMaxStoredAdImportErrors) break;
    im.errors.push_back(
        {static_cast<std::int64_t>(e.line), e.field, std::string(ads::LineProblemCode(e))});
  }
  return std::move(result.corpus);
}

// Extraction of a saved listing page; errors of its listings into `im`.
Result<ads::Corpus> ReadHtml(const AdUpload& upload, const SecretKey& key, storage::AdImport& im,
                             ads::ReadSummary& summary) {
  auto rules = upload.site_rules.empty() ? ads::DefaultSiteRules()
                                         : ads::ParseSiteRules(upload.site_rules, "site");
  if (!rules) return InvalidArgument(rules.error().message(), "site");
  std::optional<Date> day = rules->captured_on();
  if (!upload.captured_on.empty()) {
    auto parsed = ParseDate(upload.captured_on);
    if (!parsed) return InvalidArgument(parsed.error().message(), "captured_on");
    day = *parsed;
  }
  if (!day) return InvalidArgument("the sample day of the page is missing", "captured_on");
  auto page = ads::ReadHtmlPage(upload.data, *rules, *day);
  if (!page) {
    if (page.error().field() == "items.select") {
      return InvalidArgument(page.error().message(), "items");
    }
    return InvalidArgument(page.error().message(), "file");
  }
  if (page->items > kMaxUploadAds) return TooMany(page->items);
  auto extractor = ads::Extractor::Create(*ads::DefaultLexicon(), key);
  if (!extractor) return Unexpected(extractor.error());
  for (const ads::Ad& ad : page->ads) extractor->Add(ad);
  im.lines = static_cast<std::int64_t>(page->items);
  im.ads_read = static_cast<std::int64_t>(page->ads.size());
  im.skipped = static_cast<std::int64_t>(page->errors.size());
  summary.lines = page->items;
  summary.read = page->ads.size();
  summary.skipped = page->errors.size();
  for (const ads::ItemError& e : page->errors) {
    ++summary.reasons[e.field];
    if (im.errors.size() >= storage::kMaxStoredAdImportErrors) continue;
    im.errors.push_back({static_cast<std::int64_t>(e.item), e.field, e.problem});
  }
  return extractor->TakeCorpus();
}

}  // namespace

SecretKey AdHashKey(const SecretKey& round_key) {
  // KeyedHash gives 64 hex characters: exactly a key.
  return *SecretKey::FromHex(KeyedHash(round_key, "ads|phone-and-name-hash-key"));
}

Result<storage::AdImport> AnalyzeAdUpload(const AdUpload& upload, const SecretKey& round_key,
                                          storage::Id round_id) {
  storage::AdImport im;
  im.round_id = round_id;
  im.file_name = CleanFileName(upload.file_name);
  im.format = FormatOf(upload);
  if (upload.data.empty()) return InvalidArgument("the file is empty", "file");
  if (im.format.empty()) {
    return InvalidArgument("the file is neither JSON Lines nor an HTML page", "file");
  }
  const SecretKey key = AdHashKey(round_key);
  ads::ReadSummary summary;
  auto corpus = im.format == "html" ? ReadHtml(upload, key, im, summary)
                                    : ReadJsonLines(upload, key, im, summary);
  if (!corpus) return Unexpected(corpus.error());
  if (corpus->ads.empty()) return InvalidArgument("no ad could be read from the file", "file");

  std::mt19937_64 rng(1);
  ads::LinkOptions options;
  options.threads = kThreads;
  auto linking = ads::Link(*corpus, options, rng);
  if (!linking) return Unexpected(linking.error());
  auto rules = ads::DefaultIndicatorRules();
  if (!rules) return Unexpected(rules.error());
  const ads::RoundCounts counts = ads::AnalyzeRound(*corpus, *linking, *rules, kThreads).counts;
  im.counts_json = ads::CountsReportJson(counts, summary, *linking, *rules, -1);
  auto captures = ads::CaptureHistoryCsv(counts);
  im.captures_csv = captures ? *captures : std::string();
  return im;
}

}  // namespace synlig::web
