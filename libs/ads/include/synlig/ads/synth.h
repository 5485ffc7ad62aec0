// Synthetic online ads with ground truth, for tests and benchmarks: independent advertisers
// and organised groups (3-8 persons sharing booking phones and a slot template, touring
// between cities), re-posts with small edits, obfuscated numbers, Swedish and English text,
// stock images shared by unrelated ads and, in the hard profile, templates copied across
// unrelated groups. Every ad carries _truth (person, advertiser = person, network, organised).
// All names, numbers and texts are made up. Usage:
//   std::mt19937_64 rng(seed);
//   synlig::ads::GenerateAds({.ads = 2000, .profile = SynthProfile::kHard}, rng,
//                            [&](Ad&& ad) { out << FormatAdJson(ad) << '\n'; });
#pragma once

#include <cstddef>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "synlig/ads/ad.h"
#include "synlig/core/error.h"

namespace synlig::ads {

enum class SynthProfile { kEasy, kHard };

// "easy" or "hard"; kInvalidArgument (field "profile") otherwise.
Result<SynthProfile> ParseSynthProfile(std::string_view text);

struct SynthOptions {
  std::size_t ads = 1000;  // exactly this many ads (1 - 10,000,000)
  SynthProfile profile = SynthProfile::kEasy;
  int sample_days = 8;                        // 1-16, one week apart
  std::string first_day = "2025-03-03";       // the first sample day
};

// Calls sink once per ad, ordered by sample day. Errors: kInvalidArgument naming the option.
Status GenerateAds(const SynthOptions& options, std::mt19937_64& rng,
                   const std::function<void(Ad&&)>& sink);

// One JSON object on one line (no newline), the import format, with images and _truth when
// present.
std::string FormatAdJson(const Ad& ad);

}  // namespace synlig::ads
