// Linking ads into advertisers (the person behind ads) and networks (advertisers tied by
// shared phones or images). Exact evidence: the same phone hash, the same image (perceptual
// hashes within a Hamming distance). Text: near-duplicates found by MinHash LSH over word
// shingles, verified by exact Jaccard similarity. A phone or image seen under several names is
// a network's (a booking phone), not a person's: it ties networks, not advertisers. Text links
// an ad without evidence of its own (no personal phone or image) to its best match, but text
// alone never joins two networks, nor two advertisers with evidence of their own (unrelated
// groups share templates) unless they carry the same name and either are in one network or
// write nearly identical text. Usage:
//   std::mt19937_64 rng(seed);
//   auto linking = synlig::ads::Link(corpus, synlig::ads::LinkOptions{}, rng);
//   linking->advertiser[i], linking->network[i]   // per ad, numbered from 0
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "synlig/ads/extract.h"
#include "synlig/core/error.h"

namespace synlig::ads {

struct LinkOptions {
  int minhash_bands = 16;            // LSH bands (1-64)
  int minhash_rows = 4;              // hashes per band (1-16)
  double near_duplicate = 0.6;       // Jaccard of a re-post or same-person text (0-1]
  double strong_text = 0.9;          // Jaccard at which same-name texts join evidenced groups
  double template_similarity = 0.45;  // Jaccard of a shared template (indicator only)
  int image_hamming = 4;             // bits two hashes of one image may differ by (0-8)
  int stock_image_spread = 3;  // names (+ phone groups of unnamed ads) making an image stock
  bool shared_images_link_networks = true;  // an image under two names ties their networks
  int max_bucket = 64;               // LSH buckets larger than this are sampled
  int bucket_window = 8;             // neighbours compared per ad in a sampled bucket (>= 1)
  int threads = 1;                   // threads for the text search (1-16); same result
};

// Per-ad flags found while linking (for the indicators).
enum AdLinkFlag : std::uint8_t {
  kPhoneSharedByNames = 1u << 0,  // a phone of this ad is on ads with different names
  kImageSharedByNames = 1u << 1,  // an image of this ad is under other names or phones
  kStockImage = 1u << 2,          // an image of this ad is widely shared (stock); ignored
};

struct LinkStats {
  std::uint64_t candidate_pairs = 0;  // text pairs compared
  std::uint64_t similar_pairs = 0;    // pairs at or above template_similarity
  std::uint64_t text_links = 0;       // text links that joined advertisers
  std::uint64_t blocked_text_links = 0;  // near-duplicates not used (conflicting evidence)
  std::uint32_t controller_phones = 0;  // phones on ads with several names
  std::uint32_t image_clusters = 0;
  std::uint32_t stock_images = 0;
};

struct Linking {
  // Per ad, ids numbered 0.. in order of first appearance.
  std::vector<std::uint32_t> advertiser;
  std::vector<std::uint32_t> network;
  std::vector<std::uint32_t> phone_only;        // advertisers by phone links alone
  std::vector<std::uint32_t> template_cluster;  // ads tied by text >= template_similarity
  std::vector<std::uint32_t> content_group;     // same advertiser and template cluster
  std::vector<std::uint8_t> flags;              // AdLinkFlag bits
  std::uint32_t advertisers = 0;
  std::uint32_t networks = 0;
  std::uint32_t phone_only_groups = 0;
  std::uint32_t template_clusters = 0;
  std::uint32_t content_groups = 0;
  LinkStats stats;
};

// Errors: kInvalidArgument naming the option when one is out of range. rng draws the MinHash
// functions and the samples of large buckets; the same seed gives the same result.
Result<Linking> Link(const Corpus& corpus, const LinkOptions& options, std::mt19937_64& rng);

// Pairwise precision, recall and F1 of a clustering against the truth: a pair of items is
// positive when both are in one cluster.
struct PairScores {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  std::uint64_t true_pairs = 0;
  std::uint64_t predicted_pairs = 0;
  std::uint64_t correct_pairs = 0;
};
// Precondition: predicted.size() == truth.size(). With no pairs at all on a side, its ratio is
// 1 (nothing to find or nothing wrongly joined).
PairScores ScorePairs(const std::vector<std::uint32_t>& predicted,
                      const std::vector<std::uint32_t>& truth);

}  // namespace synlig::ads
