// The stored counts of an ad import as page tables. Category names come from the catalog
// ("ads.gender.female", "ads.indicator.youth", ...); an unknown code is shown as it is.
#include "ads_view.h"

#include <nlohmann/json.hpp>

#include "page.h"

namespace synlig::web {
namespace {

std::string Num(const nlohmann::json& v) {
  return v.is_number_integer() ? std::to_string(v.get<std::int64_t>()) : std::string("–");
}

// The catalog's name of a code under prefix, or the code itself.
std::string Name(const RequestContext& ctx, const std::string& prefix, const std::string& code) {
  const std::string key = prefix + code;
  std::string_view text = ctx.T(key);
  return text == key ? code : std::string(text);
}

// name/count rows of a JSON object {"code": n, ...}, in its order.
void Rows(const RequestContext& ctx, TemplateData& data, const std::string& key,
          const nlohmann::json& object, const std::string& prefix) {
  TemplateData& rows = NewList(data, key);
  if (!object.is_object()) return;
  for (const auto& [code, count] : object.items()) {
    TemplateData& row = Append(rows);
    Put(row, "name", prefix.empty() ? code : Name(ctx, prefix, code));
    Put(row, "count", Num(count));
  }
}

}  // namespace

std::string AdErrorText(const RequestContext& ctx, const storage::AdImportError& error,
                        const std::string& format) {
  std::string_view key = format == "html" ? "ads.error.listing" : "ads.error.line";
  if (error.problem == "syntax") key = "ads.error.syntax";
  if (error.problem == "too_long") key = "ads.error.too_long";
  std::string text(ctx.T(key));
  auto fill = [&](std::string_view slot, const std::string& value) {
    if (auto at = text.find(slot); at != std::string::npos) text.replace(at, slot.size(), value);
  };
  fill("{line}", std::to_string(error.line));
  fill("{field}", error.field);
  fill("{problem}", Name(ctx, "ads.problem.", error.problem));
  return text;
}

Status FillAdImport(const RequestContext& ctx, const storage::AdImport& im, TemplateData& data) {
  nlohmann::json j = nlohmann::json::parse(im.counts_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Internal("the stored counts of ad import " + std::to_string(im.id) + " do not parse");
  }
  Put(data, "import_id", std::to_string(im.id));
  Put(data, "created", FormatTime(im.created_at));
  Put(data, "file_name", im.file_name);
  Put(data, "format", Name(ctx, "ads.format.", im.format));
  Put(data, "lines", std::to_string(im.lines));
  Put(data, "ads_read", std::to_string(im.ads_read));
  Put(data, "skipped", std::to_string(im.skipped));
  const nlohmann::json& ads = j["ads"];
  Put(data, "unique_ads", Num(ads["unique"]));
  Put(data, "reposts", Num(ads["reposts"]));
  const nlohmann::json& adv = j["advertisers"];
  Put(data, "advertisers_phone", Num(adv["phone_links_only"]));
  Put(data, "advertisers_all", Num(adv["all_links"]));
  if (adv["range"].is_array() && adv["range"].size() == 2) {
    Put(data, "advertisers_range", Num(adv["range"][0]) + "–" + Num(adv["range"][1]));
  }
  const nlohmann::json& net = j["networks"];
  Put(data, "networks", Num(net["count"]));
  Put(data, "networks_several", Num(net["with_several_advertisers"]));
  Put(data, "largest_network", Num(net["largest_in_advertisers"]));
  Rows(ctx, data, "network_sizes", net["by_advertisers"], "");

  TemplateData& days = NewList(data, "site_days");
  if (j["site_days"].is_array()) {
    for (const nlohmann::json& s : j["site_days"]) {
      TemplateData& row = Append(days);
      Put(row, "site", s.value("site", std::string()));
      Put(row, "day", s.value("day", std::string()));
      Put(row, "raw", Num(s["raw_ads"]));
      Put(row, "unique", Num(s["unique_ads"]));
      Put(row, "reposts", Num(s["reposts"]));
      Put(row, "advertisers", Num(s["advertisers"]));
    }
  }
  Rows(ctx, data, "gender", j["stated_gender"], "ads.gender.");
  Rows(ctx, data, "age_bands", j["age_bands"], "ads.age.");
  Rows(ctx, data, "nationality", j["stated_nationality_region"], "ads.region.");
  Rows(ctx, data, "arenas", j["arenas"], "ads.arena.");

  const nlohmann::json& ind = j["indicators"];
  TemplateData& buckets = NewList(data, "indicator_buckets");
  if (ind["ads_by_count"].is_object()) {
    for (const auto& [bucket, count] : ind["ads_by_count"].items()) {
      TemplateData& row = Append(buckets);
      Put(row, "bucket", bucket);
      Put(row, "ads", Num(count));
      Put(row, "advertisers", Num(ind["advertisers_by_count"][bucket]));
    }
  }
  TemplateData& per = NewList(data, "indicators");
  if (ind["per_indicator"].is_object()) {
    for (const auto& [code, v] : ind["per_indicator"].items()) {
      TemplateData& row = Append(per);
      Put(row, "name", Name(ctx, "ads.indicator.", code));
      Put(row, "weight", v["weight"].is_number() ? v["weight"].dump() : std::string("–"));
      Put(row, "ads", Num(v["ads"]));
      Put(row, "advertisers", Num(v["advertisers"]));
    }
  }

  // Capture histories: the pattern-count CSV as a table (header row, then one row a pattern).
  if (!im.captures_csv.empty()) {
    Put(data, "has_captures", true);
    TemplateData& header = NewList(data, "capture_header");
    TemplateData& rows = NewList(data, "capture_rows");
    std::size_t pos = 0;
    bool first = true;
    while (pos < im.captures_csv.size()) {
      std::size_t nl = im.captures_csv.find('\n', pos);
      if (nl == std::string::npos) nl = im.captures_csv.size();
      const std::string line = im.captures_csv.substr(pos, nl - pos);
      pos = nl + 1;
      if (line.empty()) continue;
      TemplateData* cells = &header;
      if (!first) cells = &NewList(Append(rows), "cells");
      std::size_t c = 0;
      while (c <= line.size()) {
        std::size_t comma = line.find(',', c);
        if (comma == std::string::npos) comma = line.size();
        Put(Append(*cells), "value", line.substr(c, comma - c));
        c = comma + 1;
      }
      first = false;
    }
  }

  TemplateData& errors = NewList(data, "import_errors");
  for (const storage::AdImportError& e : im.errors) {
    std::string text = AdErrorText(ctx, e, im.format);
    if (im.files > 1) {  // "Fil 2: Rad 12: …"
      std::string in_file(ctx.T("ads.error.in_file"));
      if (auto at = in_file.find("{file}"); at != std::string::npos) {
        in_file.replace(at, 6, std::to_string(e.file));
      }
      text = in_file + text;
    }
    Put(Append(errors), "text", text);
  }
  if (!im.errors.empty()) Put(data, "has_import_errors", true);
  if (im.skipped > static_cast<std::int64_t>(im.errors.size())) {
    std::string more(ctx.T("ads.error.more"));
    if (auto at = more.find("{n}"); at != std::string::npos) {
      more.replace(at, 3, std::to_string(im.skipped - static_cast<std::int64_t>(im.errors.size())));
    }
    Put(data, "more_errors", more);
  }
  return Ok();
}

}  // namespace synlig::web
