// Linking: exact evidence (phones, images) first, then text near-duplicates under the rules
// that keep unrelated groups sharing a template apart; networks on top of advertisers.
#include "synlig/ads/link.h"

#include <algorithm>
#include <bit>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>

#include "flat_index.h"
#include "group_counts.h"
#include "image_clusters.h"
#include "minhash.h"
#include "radix_sort.h"
#include "union_find.h"

namespace synlig::ads {
namespace {

using internal::UnionFind;

constexpr std::uint64_t kManyNames = ~0ull;

Status CheckOptions(const LinkOptions& o) {
  auto bad = [](const std::string& name, const std::string& rule) {
    return InvalidArgument(name + " must be " + rule, name);
  };
  if (o.minhash_bands < 1 || o.minhash_bands > 64) return bad("minhash_bands", "1-64");
  if (o.minhash_rows < 1 || o.minhash_rows > 16) return bad("minhash_rows", "1-16");
  auto unit = [](double v) { return v > 0 && v <= 1; };
  if (!unit(o.near_duplicate)) return bad("near_duplicate", "in (0, 1]");
  if (!unit(o.strong_text)) return bad("strong_text", "in (0, 1]");
  if (!unit(o.template_similarity)) return bad("template_similarity", "in (0, 1]");
  if (o.template_similarity > o.near_duplicate || o.near_duplicate > o.strong_text) {
    return bad("near_duplicate", "between template_similarity and strong_text");
  }
  if (o.image_hamming < 0 || o.image_hamming > 8) return bad("image_hamming", "0-8");
  if (o.stock_image_spread < 2) return bad("stock_image_spread", "at least 2");
  if (o.max_bucket < 2) return bad("max_bucket", "at least 2");
  if (o.bucket_window < 1) return bad("bucket_window", "at least 1");
  if (o.threads < 1 || o.threads > 16) return bad("threads", "1-16");
  return Ok();
}

// Item -> ads lists in compressed form (offsets into one array).
struct Index {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> ads;
  std::size_t items() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  template <typename F>
  void ForEach(std::size_t item, F&& f) const {
    for (std::uint32_t k = offsets[item]; k < offsets[item + 1]; ++k) f(ads[k]);
  }
};

// Builds item -> ads from (item, ad) pairs given in ascending order of ads (a counting sort,
// which keeps that order within an item); an ad given twice for one item appears once.
Index BuildIndex(std::size_t items,
                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  Index index;
  index.offsets.assign(items + 1, 0);
  for (const auto& [item, ad] : pairs) ++index.offsets[item + 1];
  for (std::size_t i = 0; i < items; ++i) index.offsets[i + 1] += index.offsets[i];
  std::vector<std::uint32_t> at(index.offsets.begin(), index.offsets.end() - 1);
  index.ads.resize(pairs.size());
  for (const auto& [item, ad] : pairs) {
    const std::uint32_t k = at[item];
    if (k > index.offsets[item] && index.ads[k - 1] == ad) continue;  // a repeat
    index.ads[k] = ad;
    at[item] = k + 1;
  }
  // Close the gaps the repeats left.
  std::uint32_t out = 0;
  for (std::size_t item = 0; item < items; ++item) {
    const std::uint32_t from = index.offsets[item];
    index.offsets[item] = out;
    for (std::uint32_t k = from; k < at[item]; ++k) index.ads[out++] = index.ads[k];
  }
  index.offsets[items] = out;
  index.ads.resize(out);
  return index;
}

// Counts distinct values of key(ad) over an item's ads, stopping at `cap`; 0 keys ignored.
template <typename Key>
int DistinctUpTo(const Index& index, std::size_t item, int cap, Key&& key) {
  std::uint64_t seen[16];
  int count = 0;
  bool stop = false;
  index.ForEach(item, [&](std::uint32_t ad) {
    if (stop) return;
    std::uint64_t k = key(ad);
    if (k == 0) return;
    for (int i = 0; i < count; ++i) {
      if (seen[i] == k) return;
    }
    seen[count++] = k;
    if (count >= cap || count >= 16) stop = true;
  });
  return count;
}

struct Component {
  std::uint64_t name = 0;  // 0: none known; kManyNames: several
  int age = -1;            // -1: none stated; -2: several
  bool anchored = false;   // has a personal phone or image
  std::int64_t ctrl = -1;  // an ad with a controller phone, or -1
};

struct TextPair {
  std::uint32_t a;
  std::uint32_t b;
  float jaccard;
};

// The near-duplicates among the similar pairs that could join two advertisers (those the
// filter called relevant), most similar first, then by a, then by b (radix sorts by b, a and
// the similarity).
std::vector<TextPair> NearPairs(std::span<const internal::SimilarPair> relevant,
                                double near_duplicate) {
  std::vector<TextPair> near;
  std::uint32_t largest = 1;
  for (const internal::SimilarPair& p : relevant) {
    if (p.jaccard < near_duplicate) continue;
    near.push_back({p.a, p.b, p.jaccard});
    largest = std::max(largest, p.b);
  }
  const int bits = std::bit_width(largest);
  std::vector<TextPair> scratch;
  internal::RadixSortBy(near, bits, [](const TextPair& p) { return p.b; }, scratch);
  internal::RadixSortBy(near, bits, [](const TextPair& p) { return p.a; }, scratch);
  // Similarities are >= 0: their bits order as they do; complemented, the most similar first.
  internal::RadixSortBy(
      near, 32, [](const TextPair& p) { return ~std::bit_cast<std::uint32_t>(p.jaccard); },
      scratch);
  return near;
}

// Joins advertisers by the near-duplicate pairs, in their order, where the rules let text
// join them; comp holds the facts of each advertiser (by root) and is kept current.
void LinkByText(const std::vector<TextPair>& near, const LinkOptions& options, UnionFind& adv,
                std::vector<Component>& comp, UnionFind& exact_net, LinkStats& stats) {
  for (std::size_t k = 0; k < near.size(); ++k) {
    // What the pairs ahead will read, asked for early (they are spread over memory).
    if (k + 16 < near.size()) {
      adv.Prefetch(near[k + 16].a);
      adv.Prefetch(near[k + 16].b);
    }
    if (k + 8 < near.size()) {
      __builtin_prefetch(&comp[adv.Parent(near[k + 8].a)]);
      __builtin_prefetch(&comp[adv.Parent(near[k + 8].b)]);
    }
    const TextPair& pair = near[k];
    std::uint32_t ra = adv.Find(pair.a);
    std::uint32_t rb = adv.Find(pair.b);
    if (ra == rb) continue;
    const Component& ca = comp[ra];
    const Component& cb = comp[rb];
    bool names_differ = ca.name != 0 && cb.name != 0 &&
                        (ca.name != cb.name || ca.name == kManyNames);
    // Text never joins two networks: both sides booked through different networks, or one
    // through a network and the other with evidence of its own outside it.
    bool networks_differ =
        (ca.ctrl >= 0 && cb.ctrl >= 0 &&
         exact_net.Find(static_cast<std::uint32_t>(ca.ctrl)) !=
             exact_net.Find(static_cast<std::uint32_t>(cb.ctrl))) ||
        (ca.ctrl >= 0 && cb.ctrl < 0 && cb.anchored) ||
        (cb.ctrl >= 0 && ca.ctrl < 0 && ca.anchored);
    bool both_evidenced = ca.anchored && cb.anchored;
    bool same_name = ca.name != 0 && ca.name == cb.name && ca.name != kManyNames;
    bool strong = pair.jaccard >= options.strong_text && same_name;
    // Two evidenced groups under one name, booked through one network, stating the same age
    // (or none) and writing alike: one person whose ads showed different photos.
    bool ages_agree = ca.age == -1 || cb.age == -1 || (ca.age >= 0 && ca.age == cb.age);
    bool corroborated = same_name && ages_agree && ca.ctrl >= 0 && cb.ctrl >= 0;
    if (names_differ || networks_differ || (both_evidenced && !strong && !corroborated)) {
      ++stats.blocked_text_links;
      continue;
    }
    Component merged{ca.name != 0 ? ca.name : cb.name,
                     ca.age == -1 ? cb.age : (cb.age == -1 || cb.age == ca.age ? ca.age : -2),
                     ca.anchored || cb.anchored, ca.ctrl >= 0 ? ca.ctrl : cb.ctrl};
    comp[adv.Union(ra, rb)] = merged;
    ++stats.text_links;
  }
}

}  // namespace

Result<Linking> Link(const Corpus& corpus, const LinkOptions& options, std::mt19937_64& rng) {
  if (auto ok = CheckOptions(options); !ok) return Unexpected(ok.error());
  const std::vector<ExtractedAd>& ads = corpus.ads;
  const std::size_t n = ads.size();
  Linking out;
  UnionFind phone_only(n);
  UnionFind adv(n);
  UnionFind ctrl(n);  // ads tied by controller phones
  std::vector<std::uint8_t> flags(n, 0);
  std::vector<char> anchored_ad(n, 0);
  auto name_of = [&](std::uint32_t ad) { return ads[ad].name_hash; };

  // Text: template clusters (indicator) and near-duplicate pairs (linking, re-posts). The
  // candidate pairs do not depend on the exact links: with several threads they are searched
  // for while this thread makes the exact links.
  std::vector<const std::vector<std::uint32_t>*> sets(n);
  for (std::size_t i = 0; i < n; ++i) sets[i] = &ads[i].shingles;
  internal::LshOptions lsh;
  lsh.bands = options.minhash_bands;
  lsh.rows = options.minhash_rows;
  lsh.threshold = options.template_similarity;
  lsh.max_bucket = static_cast<std::size_t>(options.max_bucket);
  lsh.window = static_cast<std::size_t>(options.bucket_window);
  lsh.threads = options.threads;
  internal::CandidatePairs candidates;
  auto search = [&] { candidates = internal::FindCandidatePairs(sets, lsh, rng); };
  std::thread candidate_search;
  if (options.threads > 1) {
    candidate_search = std::thread(search);
  } else {
    search();
  }

  // Phones: personal when all its ads carry one name (or none), else a controller phone.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::uint32_t p : ads[i].phones) pairs.emplace_back(p, i);
  }
  Index phones = BuildIndex(corpus.phone_hashes.size(), pairs);
  for (std::size_t p = 0; p < phones.items(); ++p) {
    if (phones.offsets[p] == phones.offsets[p + 1]) continue;
    std::uint32_t first = phones.ads[phones.offsets[p]];
    phones.ForEach(p, [&](std::uint32_t ad) { phone_only.Union(first, ad); });
    if (DistinctUpTo(phones, p, 2, name_of) >= 2) {
      ++out.stats.controller_phones;
      phones.ForEach(p, [&](std::uint32_t ad) {
        ctrl.Union(first, ad);
        flags[ad] |= kPhoneSharedByNames;
      });
    } else {
      phones.ForEach(p, [&](std::uint32_t ad) {
        adv.Union(first, ad);
        anchored_ad[ad] = 1;
      });
    }
  }

  // Images: personal when under one name and few phone groups; stock when spread widely.
  std::vector<std::uint64_t> all_hashes;
  for (const ExtractedAd& ad : ads) {
    all_hashes.insert(all_hashes.end(), ad.image_hashes.begin(), ad.image_hashes.end());
  }
  internal::ImageClusters images =
      internal::ClusterImageHashes(all_hashes, options.image_hamming, options.threads);
  std::vector<std::uint64_t>().swap(all_hashes);
  out.stats.image_clusters = images.count;
  pairs.clear();
  for (std::uint32_t i = 0, k = 0; i < n; ++i) {
    for (std::size_t j = 0; j < ads[i].image_hashes.size(); ++j) {
      pairs.emplace_back(images.cluster[k++], i);
    }
  }
  Index image_ads = BuildIndex(images.count, pairs);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shared_image_links;
  for (std::size_t c = 0; c < image_ads.items(); ++c) {
    if (image_ads.offsets[c] == image_ads.offsets[c + 1]) continue;
    const int spread = options.stock_image_spread;
    // Spread: distinct names, plus distinct phone groups among the ads that give no name.
    int names = DistinctUpTo(image_ads, c, spread, name_of);
    int unnamed_groups = DistinctUpTo(image_ads, c, spread, [&](std::uint32_t ad) {
      if (ads[ad].name_hash != 0 || ads[ad].phones.empty()) return std::uint64_t{0};
      return std::uint64_t{phone_only.Find(ad)} + 1;
    });
    std::uint32_t first = image_ads.ads[image_ads.offsets[c]];
    if (names + unnamed_groups >= spread) {
      ++out.stats.stock_images;
      image_ads.ForEach(c, [&](std::uint32_t ad) { flags[ad] |= kStockImage; });
    } else if (names >= 2) {
      image_ads.ForEach(c, [&](std::uint32_t ad) {
        flags[ad] |= kImageSharedByNames;
        shared_image_links.emplace_back(first, ad);
      });
    } else {
      image_ads.ForEach(c, [&](std::uint32_t ad) {
        adv.Union(first, ad);
        anchored_ad[ad] = 1;
      });
    }
  }

  // A pair matters for linking only if it could join two advertisers: not when both ads are
  // already one advertiser, nor when they carry different names.
  std::vector<std::uint32_t> adv_root(n);
  for (std::uint32_t i = 0; i < n; ++i) adv_root[i] = adv.Find(i);
  internal::PairFilter never_links;
  never_links.group = adv_root;
  never_links.label.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) never_links.label[i] = ads[i].name_hash;
  // Networks as the exact evidence has them (advertisers joined by controller phones): two
  // groups in different ones are not joined by text.
  UnionFind exact_net = adv;
  for (std::uint32_t i = 0; i < n; ++i) exact_net.Union(i, ctrl.Find(i));

  // Component facts after the exact links.
  std::vector<Component> comp(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    Component& c = comp[adv.Find(i)];
    std::uint64_t name = ads[i].name_hash;
    if (name != 0) c.name = (c.name == 0 || c.name == name) ? name : kManyNames;
    if (ads[i].age >= 0) c.age = (c.age == -1 || c.age == ads[i].age) ? ads[i].age : -2;
    c.anchored = c.anchored || anchored_ad[i];
    if ((flags[i] & kPhoneSharedByNames) && c.ctrl < 0) c.ctrl = i;
  }
  // Text links are made from the relevant pairs while the others are searched for ties.
  if (candidate_search.joinable()) candidate_search.join();
  internal::LshResult similar = internal::VerifyCandidates(
      sets, candidates, lsh, never_links,
      [&](std::span<const internal::SimilarPair> relevant) {
        LinkByText(NearPairs(relevant, options.near_duplicate), options, adv, comp, exact_net,
                   out.stats);
      });
  candidates.partners.reset();
  out.stats.candidate_pairs = similar.compared;
  out.stats.similar_pairs = similar.pairs.size();
  // The other near-duplicates that join two advertisers are under two different names: no
  // rule ever lets them link, they are only counted.
  for (std::size_t k = similar.relevant; k < similar.pairs.size(); ++k) {
    const internal::SimilarPair& p = similar.pairs[k];
    if (p.jaccard >= options.near_duplicate && adv_root[p.a] != adv_root[p.b]) {
      ++out.stats.blocked_text_links;
    }
  }
  UnionFind templates(n);
  for (std::uint32_t i = 0; i < n; ++i) templates.Union(i, similar.tied_to[i]);
  std::vector<internal::SimilarPair>().swap(similar.pairs);

  // Re-posts: ads of one advertiser in one template cluster (the same text, edited).
  UnionFind content(n);
  {
    internal::FlatIndex first(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      std::uint64_t key = (std::uint64_t{adv.Find(i)} << 32) | templates.Find(i);
      auto [at, inserted] = first.Insert(key, i);
      if (!inserted) content.Union(*at, i);
    }
  }

  // Networks: advertisers joined by controller phones and shared images.
  UnionFind net = adv;
  for (std::uint32_t i = 0; i < n; ++i) net.Union(i, ctrl.Find(i));
  if (options.shared_images_link_networks) {
    for (const auto& [a, b] : shared_image_links) net.Union(a, b);
  }

  out.advertisers = adv.Number(out.advertiser);
  out.networks = net.Number(out.network);
  out.phone_only_groups = phone_only.Number(out.phone_only);
  out.template_clusters = templates.Number(out.template_cluster);
  out.content_groups = content.Number(out.content_group);
  out.flags = std::move(flags);
  return out;
}

PairScores ScorePairs(const std::vector<std::uint32_t>& predicted,
                      const std::vector<std::uint32_t>& truth) {
  auto pairs_in = [](std::uint64_t m) { return m * (m - 1) / 2; };
  std::unordered_map<std::uint32_t, std::uint64_t> pred_sizes;
  std::unordered_map<std::uint32_t, std::uint64_t> true_sizes;
  std::unordered_map<std::uint64_t, std::uint64_t> both;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    ++pred_sizes[predicted[i]];
    ++true_sizes[truth[i]];
    ++both[(std::uint64_t{predicted[i]} << 32) | truth[i]];
  }
  PairScores s;
  for (const auto& [k, m] : pred_sizes) s.predicted_pairs += pairs_in(m);
  for (const auto& [k, m] : true_sizes) s.true_pairs += pairs_in(m);
  for (const auto& [k, m] : both) s.correct_pairs += pairs_in(m);
  s.precision = s.predicted_pairs == 0 ? 1.0
                                       : static_cast<double>(s.correct_pairs) /
                                             static_cast<double>(s.predicted_pairs);
  s.recall = s.true_pairs == 0 ? 1.0
                               : static_cast<double>(s.correct_pairs) /
                                     static_cast<double>(s.true_pairs);
  s.f1 = s.precision + s.recall == 0 ? 0.0
                                     : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace synlig::ads
