// One online ad as read from an import file (JSON Lines): the fields as displayed, before
// extraction. It holds raw text and phone strings, so it lives only in memory while one ad is
// extracted; nothing of it is stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "synlig/core/date.h"

namespace synlig::ads {

// The generator's ground truth (`_truth` in the input); only synthetic files carry it.
struct AdTruth {
  std::string person_id;
  std::string advertiser_id;
  std::string network_id;
  bool organised = false;
};

struct Ad {
  std::string site;
  std::string ad_id;
  Date captured_on;  // the sample day
  std::string city;
  std::string title;
  std::string text;
  std::vector<std::string> phones;  // as displayed, possibly obfuscated
  std::optional<int> stated_age;
  std::string stated_gender;  // empty when not stated
  std::optional<std::string> stated_nationality;
  std::optional<std::string> price;
  std::vector<std::uint64_t> image_hashes;  // 64-bit perceptual hashes
  std::vector<std::string> images;          // file paths; read only by an optional importer
  std::optional<AdTruth> truth;
};

}  // namespace synlig::ads
