// The upload analysis: format, size check, extraction with the round's key, linking,
// indicators and counts; the error list without anything the file said.
#include "ads_service.h"

#include <algorithm>
#include <optional>
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

// The cleaned names of the files, joined by ", " and cut to kMaxJoinedNames bytes (at a
// character boundary, an ellipsis marking the cut).
std::string JoinedNames(const std::vector<AdFile>& files) {
  constexpr std::size_t kMaxJoinedNames = 200;
  std::string out;
  for (const AdFile& f : files) out += (out.empty() ? "" : ", ") + CleanFileName(f.name);
  if (out.size() > kMaxJoinedNames) {
    std::size_t cut = kMaxJoinedNames - 3;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "\u2026";
  }
  return out;
}

// "html", "jsonl" or "" (neither): by the name, else by the first character that is not
// white space (and not a byte-order mark).
std::string FormatOf(const AdFile& file) {
  if (EndsWith(file.name, ".html") || EndsWith(file.name, ".htm")) return "html";
  if (EndsWith(file.name, ".jsonl") || EndsWith(file.name, ".ndjson") ||
      EndsWith(file.name, ".json")) {
    return "jsonl";
  }
  std::string_view d = file.data;
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
              "the upload has " + std::to_string(ads) + " ads; at most " +
                  std::to_string(kMaxUploadAds) + " are analysed in the server",
              "file");
}

// Extraction of JSON Lines files, one after the other as one input (a file whose last line has
// no line break gets one); errors of their lines into `im`, by file and line.
Result<ads::Corpus> ReadJsonLines(const AdUpload& upload, const SecretKey& key,
                                  storage::AdImport& im, ads::ReadSummary& summary) {
  std::size_t lines = 0;
  std::size_t bytes = 0;
  for (const AdFile& f : upload.files) {
    lines += NonBlankLines(f.data);
    bytes += f.data.size() + 1;
  }
  if (lines > kMaxUploadAds) return TooMany(lines);
  auto importer = ads::AdImporter::Create(*ads::DefaultLexicon(), key, kThreads);
  if (!importer) return Unexpected(importer.error());
  importer->ExpectBytes(bytes);
  std::vector<std::size_t> first_line;  // of each file, in the whole input
  std::size_t line = 1;
  for (const AdFile& f : upload.files) {
    first_line.push_back(line);
    importer->Feed(f.data);
    line += static_cast<std::size_t>(std::count(f.data.begin(), f.data.end(), '\n'));
    if (f.data.back() != '\n') {
      importer->Feed("\n");
      ++line;
    }
  }
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
    const auto file = static_cast<std::size_t>(
        std::upper_bound(first_line.begin(), first_line.end(), e.line) - first_line.begin());
    im.errors.push_back({static_cast<std::int64_t>(e.line - first_line[file - 1] + 1), e.field,
                         std::string(ads::LineProblemCode(e)), static_cast<std::int64_t>(file)});
  }
  return std::move(result.corpus);
}

// Extraction of saved listing pages of one site; errors of their listings into `im`, by page
// and listing. A page's sample day is the date its file name begins with, else the form's
// (else the rule file's).
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
  std::vector<ads::HtmlPage> pages;
  std::size_t items = 0;
  for (std::size_t p = 0; p < upload.files.size(); ++p) {
    const AdFile& f = upload.files[p];
    auto named = ads::SampleDayInFileName(f.name);
    if (!named) return Unexpected(named.error());
    const std::optional<Date> page_day = named->has_value() ? *named : day;
    if (!page_day) {
      return InvalidArgument("the sample day of page " + std::to_string(p + 1) + " is missing",
                             "captured_on");
    }
    auto page = ads::ReadHtmlPage(f.data, *rules, *page_day);
    if (!page) {
      if (page.error().field() == "items.select") {
        return InvalidArgument(page.error().message(), "items");
      }
      return InvalidArgument(page.error().message(), "file");
    }
    items += page->items;
    if (items > kMaxUploadAds) return TooMany(items);
    pages.push_back(std::move(*page));
  }
  auto extractor = ads::Extractor::Create(*ads::DefaultLexicon(), key);
  if (!extractor) return Unexpected(extractor.error());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const ads::HtmlPage& page = pages[p];
    for (const ads::Ad& ad : page.ads) extractor->Add(ad);
    im.lines += static_cast<std::int64_t>(page.items);
    im.ads_read += static_cast<std::int64_t>(page.ads.size());
    im.skipped += static_cast<std::int64_t>(page.errors.size());
    summary.lines += page.items;
    summary.read += page.ads.size();
    summary.skipped += page.errors.size();
    for (const ads::ItemError& e : page.errors) {
      ++summary.reasons[e.field];
      if (im.errors.size() >= storage::kMaxStoredAdImportErrors) continue;
      im.errors.push_back({static_cast<std::int64_t>(e.item), e.field, e.problem,
                           static_cast<std::int64_t>(p + 1)});
    }
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
  if (upload.files.empty()) return InvalidArgument("no file was given", "file");
  if (upload.files.size() > static_cast<std::size_t>(storage::kMaxAdImportFiles)) {
    return InvalidArgument("at most " + std::to_string(storage::kMaxAdImportFiles) +
                               " files are analysed together",
                           "file");
  }
  im.file_name = JoinedNames(upload.files);
  im.files = static_cast<std::int64_t>(upload.files.size());
  for (const AdFile& f : upload.files) {
    if (f.data.empty()) return InvalidArgument("a file is empty", "file");
    const std::string format = FormatOf(f);
    if (format.empty()) {
      return InvalidArgument("a file is neither JSON Lines nor an HTML page", "file");
    }
    if (!im.format.empty() && format != im.format) {
      return InvalidArgument("the files are not all of one kind", "kinds");
    }
    im.format = format;
  }
  const SecretKey key = AdHashKey(round_key);
  ads::ReadSummary summary;
  auto corpus = im.format == "html" ? ReadHtml(upload, key, im, summary)
                                    : ReadJsonLines(upload, key, im, summary);
  if (!corpus) return Unexpected(corpus.error());
  if (corpus->ads.empty()) return InvalidArgument("no ad could be read from the upload", "file");

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
