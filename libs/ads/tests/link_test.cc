// Tests of linking: exact links by phone and image, controller phones, stock images, text
// near-duplicates, and the trap of unrelated groups that share one ad template.
#include "synlig/ads/link.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <span>

#include "minhash.h"

namespace synlig::ads {
namespace {

// Shingle set: the template's shingles 0..base-1 plus `extra` shingles of its own from `from`.
std::vector<std::uint32_t> Text(std::uint32_t base, std::uint32_t from, std::uint32_t extra,
                                std::uint32_t template_id = 0) {
  std::vector<std::uint32_t> s;
  for (std::uint32_t i = 0; i < base; ++i) s.push_back(template_id * 100000 + i);
  for (std::uint32_t i = 0; i < extra; ++i) s.push_back(1000000 + from + i);
  std::sort(s.begin(), s.end());
  return s;
}

class CorpusBuilder {
 public:
  CorpusBuilder() { corpus_.cities = {"Linköping"}; corpus_.sites = {"s"}; }
  // Returns the ad's index.
  std::uint32_t Add(std::vector<std::uint32_t> phones, std::uint64_t name,
                    std::vector<std::uint64_t> images, std::vector<std::uint32_t> shingles) {
    ExtractedAd ad;
    ad.ad_id = std::to_string(corpus_.ads.size());
    for (std::uint32_t p : phones) {
      while (corpus_.phone_hashes.size() <= p) {
        corpus_.phone_hashes.push_back("h" + std::to_string(corpus_.phone_hashes.size()));
      }
    }
    ad.phones = std::move(phones);
    ad.name_hash = name;
    ad.image_hashes = std::move(images);
    ad.shingles = std::move(shingles);
    corpus_.ads.push_back(std::move(ad));
    return static_cast<std::uint32_t>(corpus_.ads.size() - 1);
  }
  Linking Link(const LinkOptions& options = {}) {
    std::mt19937_64 rng(42);
    auto linking = ads::Link(corpus_, options, rng);
    EXPECT_TRUE(linking) << linking.error().ToString();
    return *linking;
  }

 private:
  Corpus corpus_;
};

TEST(LinkTest, SamePhoneIsOneAdvertiser) {
  CorpusBuilder b;
  auto x = b.Add({0}, 11, {}, Text(0, 0, 20));
  auto y = b.Add({0}, 11, {}, Text(0, 100, 20));
  auto z = b.Add({1}, 12, {}, Text(0, 200, 20));
  Linking l = b.Link();
  EXPECT_EQ(l.advertiser[x], l.advertiser[y]);
  EXPECT_NE(l.advertiser[x], l.advertiser[z]);
  EXPECT_EQ(l.advertisers, 2u);
  EXPECT_EQ(l.networks, 2u);
  EXPECT_EQ(l.phone_only_groups, 2u);
}

TEST(LinkTest, PhoneUnderSeveralNamesTiesNetworkNotAdvertiser) {
  CorpusBuilder b;
  auto a1 = b.Add({0, 5}, 11, {}, Text(0, 0, 20));
  auto a2 = b.Add({5}, 11, {}, Text(0, 100, 20));
  auto c1 = b.Add({0, 6}, 12, {}, Text(0, 200, 20));
  Linking l = b.Link();
  EXPECT_EQ(l.advertiser[a1], l.advertiser[a2]);  // personal phone 5
  EXPECT_NE(l.advertiser[a1], l.advertiser[c1]);
  EXPECT_EQ(l.network[a1], l.network[c1]);  // phone 0 under names 11 and 12
  EXPECT_TRUE(l.flags[a1] & kPhoneSharedByNames);
  EXPECT_FALSE(l.flags[a2] & kPhoneSharedByNames);
  EXPECT_EQ(l.stats.controller_phones, 1u);
  EXPECT_EQ(l.phone_only_groups, 1u);  // phone links alone join all three
}

TEST(LinkTest, ImagesWithinHammingDistanceLink) {
  CorpusBuilder b;
  const std::uint64_t img = 0x0123456789abcdefull;
  auto x = b.Add({}, 0, {img}, {});
  auto y = b.Add({}, 0, {img ^ 0b1011}, {});           // 3 bits differ
  auto z = b.Add({}, 0, {img ^ 0b11111000000ull}, {});  // 5 bits differ from x
  Linking l = b.Link();
  EXPECT_EQ(l.advertiser[x], l.advertiser[y]);
  EXPECT_NE(l.advertiser[x], l.advertiser[z]);
  LinkOptions exact;
  exact.image_hamming = 0;
  Linking e = b.Link(exact);
  EXPECT_NE(e.advertiser[x], e.advertiser[y]);
}

TEST(LinkTest, StockImageUnderManyNamesLinksNothing) {
  CorpusBuilder b;
  const std::uint64_t stock = 0xfeedfacecafebeefull;
  auto x = b.Add({0}, 11, {stock}, {});
  auto y = b.Add({1}, 12, {stock}, {});
  auto z = b.Add({2}, 13, {stock}, {});
  Linking l = b.Link();
  EXPECT_EQ(l.advertisers, 3u);
  EXPECT_EQ(l.networks, 3u);
  EXPECT_TRUE(l.flags[x] & kStockImage);
  EXPECT_TRUE(l.flags[z] & kStockImage);
  EXPECT_EQ(l.stats.stock_images, 1u);
  (void)y;
}

TEST(LinkTest, ImageUnderTwoNamesTiesNetworksAndIsFlagged) {
  CorpusBuilder b;
  const std::uint64_t img = 0x1111222233334444ull;
  auto x = b.Add({0}, 11, {img}, {});
  auto y = b.Add({1}, 12, {img}, {});
  Linking l = b.Link();
  EXPECT_NE(l.advertiser[x], l.advertiser[y]);
  EXPECT_EQ(l.network[x], l.network[y]);
  EXPECT_TRUE(l.flags[y] & kImageSharedByNames);
  LinkOptions no_image_networks;
  no_image_networks.shared_images_link_networks = false;
  EXPECT_NE(b.Link(no_image_networks).network[x], b.Link(no_image_networks).network[y]);
}

TEST(LinkTest, RepostWithoutPhoneJoinsItsNearDuplicate) {
  CorpusBuilder b;
  auto x = b.Add({0}, 11, {}, Text(40, 0, 4));
  auto repost = b.Add({}, 11, {}, Text(40, 1, 4));  // shares 43 of 45 shingles
  auto other = b.Add({1}, 12, {}, Text(0, 500, 40));
  Linking l = b.Link();
  EXPECT_EQ(l.advertiser[x], l.advertiser[repost]);
  EXPECT_NE(l.advertiser[x], l.advertiser[other]);
  EXPECT_EQ(l.content_group[x], l.content_group[repost]);
  EXPECT_EQ(l.stats.text_links, 1u);
}

TEST(LinkTest, OrphanJoinsOnlyItsBestMatch) {
  CorpusBuilder b;
  // Two advertisers with the same template; the orphan is closest to the first.
  auto p = b.Add({0}, 0, {}, Text(40, 0, 6));
  auto q = b.Add({1}, 0, {}, Text(40, 100, 6));
  auto orphan = b.Add({}, 0, {}, Text(40, 1, 6));
  Linking l = b.Link();
  EXPECT_EQ(l.advertiser[orphan], l.advertiser[p]);
  EXPECT_NE(l.advertiser[p], l.advertiser[q]);
  EXPECT_NE(l.network[p], l.network[q]);
}

// The trap: two unrelated organised groups use the same ad template (slots for name, age,
// city). Within a group, persons share a booking phone. Text similarity between the groups is
// as high as within them, but nothing else ties them: they must stay apart.
TEST(LinkTest, SharedTemplateDoesNotMergeUnrelatedGroups) {
  CorpusBuilder b;
  std::vector<std::uint32_t> group_a;
  std::vector<std::uint32_t> group_b;
  std::uint32_t slot = 0;
  for (int person = 0; person < 4; ++person) {
    for (int ad = 0; ad < 3; ++ad) {
      // Same template (id 0), a few slot words per person, a re-post varies one more word.
      group_a.push_back(b.Add({100, static_cast<std::uint32_t>(person)},
                              1000 + static_cast<std::uint64_t>(person), {},
                              Text(40, slot + static_cast<std::uint32_t>(ad), 5)));
      group_b.push_back(b.Add({200, static_cast<std::uint32_t>(10 + person)},
                              2000 + static_cast<std::uint64_t>(person), {},
                              Text(40, 50000 + slot + static_cast<std::uint32_t>(ad), 5)));
    }
    slot += 100;
  }
  // Ads of the template with no phone, no name and no image: they may join one group at most.
  auto stray = b.Add({}, 0, {}, Text(40, 90000, 5));
  Linking l = b.Link();
  for (auto a : group_a) EXPECT_EQ(l.network[a], l.network[group_a[0]]);
  for (auto x : group_b) EXPECT_EQ(l.network[x], l.network[group_b[0]]);
  EXPECT_NE(l.network[group_a[0]], l.network[group_b[0]]);
  EXPECT_EQ(l.advertiser[group_a[0]], l.advertiser[group_a[2]]);
  EXPECT_NE(l.advertiser[group_a[0]], l.advertiser[group_a[3]]);
  EXPECT_TRUE(l.network[stray] == l.network[group_a[0]] ||
              l.network[stray] == l.network[group_b[0]] || l.networks == 3u);
  EXPECT_EQ(l.advertisers, 8u + (l.networks == 3u ? 1u : 0u));
  // They do form one template cluster: the indicator sees the shared template.
  EXPECT_EQ(l.template_cluster[group_a[0]], l.template_cluster[group_b[0]]);
  EXPECT_GT(l.stats.blocked_text_links, 0u);
}

TEST(LinkTest, SharedTemplateWithoutNamesStaysApartEvenWhenNearlyIdentical) {
  CorpusBuilder b;
  auto x = b.Add({0}, 0, {}, Text(60, 0, 1));
  auto y = b.Add({1}, 0, {}, Text(60, 10, 1));  // Jaccard 60/62
  Linking l = b.Link();
  EXPECT_NE(l.advertiser[x], l.advertiser[y]);
  EXPECT_NE(l.network[x], l.network[y]);
}

TEST(LinkTest, NearlyIdenticalTextWithSameNameJoinsEvidencedAdvertisers) {
  CorpusBuilder b;
  auto x = b.Add({0}, 77, {}, Text(60, 0, 1));
  auto y = b.Add({1}, 77, {}, Text(60, 10, 1));  // new number, same name, same text
  auto z = b.Add({2}, 77, {}, Text(40, 20, 8));  // same name, only similar: stays apart
  Linking l = b.Link();
  EXPECT_EQ(l.advertiser[x], l.advertiser[y]);
  EXPECT_NE(l.advertiser[x], l.advertiser[z]);
}

TEST(LinkTest, SameResultAndCountsOnAnyNumberOfThreads) {
  CorpusBuilder b;
  std::mt19937_64 text_rng(3);
  for (std::uint32_t i = 0; i < 300; ++i) {
    // Ten templates; a third of the ads with a phone of a few, most with one of a few names.
    std::vector<std::uint32_t> phones;
    if (i % 3 == 0) phones.push_back(static_cast<std::uint32_t>(text_rng() % 40));
    b.Add(phones, i % 4 == 0 ? 0 : 1 + text_rng() % 30, {},
          Text(30, 1000 * i, 2 + static_cast<std::uint32_t>(text_rng() % 10),
               static_cast<std::uint32_t>(text_rng() % 10)));
  }
  LinkOptions o;
  o.max_bucket = 8;  // some buckets sampled
  Linking one = b.Link(o);
  for (int threads : {2, 5}) {
    o.threads = threads;
    Linking many = b.Link(o);
    EXPECT_EQ(many.advertiser, one.advertiser);
    EXPECT_EQ(many.network, one.network);
    EXPECT_EQ(many.template_cluster, one.template_cluster);
    EXPECT_EQ(many.content_group, one.content_group);
    EXPECT_EQ(many.stats.candidate_pairs, one.stats.candidate_pairs);
    EXPECT_EQ(many.stats.similar_pairs, one.stats.similar_pairs);
    EXPECT_EQ(many.stats.text_links, one.stats.text_links);
    EXPECT_EQ(many.stats.blocked_text_links, one.stats.blocked_text_links);
  }
  EXPECT_GT(one.stats.text_links, 0u);
}

TEST(LinkTest, EmptyCorpusLinksNothing) {
  std::mt19937_64 rng(1);
  LinkOptions o;
  o.threads = 2;
  auto l = Link(Corpus{}, o, rng);
  ASSERT_TRUE(l) << l.error().ToString();
  EXPECT_EQ(l->advertisers, 0u);
  EXPECT_EQ(l->template_clusters, 0u);
}

TEST(LinkTest, RejectsOptionsOutOfRange) {
  CorpusBuilder b;
  std::mt19937_64 rng(1);
  LinkOptions o;
  o.minhash_bands = 0;
  auto r = Link(Corpus{}, o, rng);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "minhash_bands");
  o = LinkOptions{};
  o.near_duplicate = 0.3;  // below template_similarity
  r = Link(Corpus{}, o, rng);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "near_duplicate");
  o = LinkOptions{};
  o.image_hamming = 9;
  r = Link(Corpus{}, o, rng);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field(), "image_hamming");
}

TEST(ScorePairsTest, CountsPairsAgainstTruth) {
  // Truth {0,1,2} {3,4}; predicted {0,1} {2,3,4}.
  PairScores s = ScorePairs({0, 0, 1, 1, 1}, {5, 5, 5, 6, 6});
  EXPECT_EQ(s.true_pairs, 4u);
  EXPECT_EQ(s.predicted_pairs, 4u);
  EXPECT_EQ(s.correct_pairs, 2u);  // (0,1) and (3,4)
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
  PairScores singletons = ScorePairs({0, 1}, {0, 1});
  EXPECT_DOUBLE_EQ(singletons.f1, 1.0);
}

TEST(MinHashTest, JaccardIsExact) {
  EXPECT_DOUBLE_EQ(internal::Jaccard({1, 2, 3, 4}, {3, 4, 5, 6}), 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(internal::Jaccard({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(internal::Jaccard({1}, {}), 0.0);
}

TEST(MinHashTest, JaccardAtLeastAgreesWithExactJaccardAboveThresholdAndRejectsBelow) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::uint32_t> a;
    std::vector<std::uint32_t> b;
    const auto universe = static_cast<std::uint32_t>(20 + rng() % 200);
    for (std::uint32_t x = 0; x < universe; ++x) {
      const std::uint64_t r = rng() % 10;
      if (r < 6) a.push_back(x * 2654435761u);  // spread over the 32-bit range
      if (r < 3 || r >= 7) b.push_back(x * 2654435761u);
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a.empty() && b.empty()) continue;
    const double exact = internal::Jaccard(a, b);
    for (double threshold : {0.3, 0.45, 0.6, 0.9}) {
      const double want = exact >= threshold ? exact : -1;
      EXPECT_EQ(internal::JaccardAtLeast(a.data(), a.size(), b.data(), b.size(), threshold), want);
      EXPECT_EQ(internal::JaccardFast(a.data(), a.size(), b.data(), b.size(), threshold), want);
      EXPECT_EQ(internal::JaccardFast(b.data(), b.size(), a.data(), a.size(), threshold), want);
    }
  }
}

// `n` ads over `templates` templates, each with 2-13 shingles of its own; advertisers of
// `group` ads in a row; names 1..names, none on every `no_name_every`-th ad.
struct TemplateAds {
  std::vector<std::vector<std::uint32_t>> texts;
  std::vector<const std::vector<std::uint32_t>*> sets;  // into texts
  internal::PairFilter filter;
};
TemplateAds MakeTemplateAds(std::uint64_t seed, std::uint32_t n, std::uint32_t templates,
                            std::uint32_t group, std::uint32_t no_name_every,
                            std::uint32_t names) {
  std::mt19937_64 rng(seed);
  TemplateAds out;
  for (std::uint32_t i = 0; i < n; ++i) {
    out.texts.push_back(Text(30, 1000 * i, 2 + static_cast<std::uint32_t>(rng() % 12),
                             static_cast<std::uint32_t>(rng() % templates)));
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    out.filter.group.push_back(i / group);
    out.filter.label.push_back(i % no_name_every == 0 ? 0 : 1 + i % names);
  }
  for (const auto& t : out.texts) out.sets.push_back(&t);  // texts no longer grow
  return out;
}

TEST(MinHashTest, SimilarPairsDoNotDependOnThreadCount) {
  // Twenty templates; ads in threes are one advertiser; every seventh ad without a name.
  const TemplateAds ads = MakeTemplateAds(11, 400, 20, 3, 7, 5);
  const auto& [texts, sets, filter] = ads;
  std::vector<internal::LshResult> results;
  for (int threads : {1, 2, 3}) {
    internal::LshOptions o;
    o.threshold = 0.45;
    o.max_bucket = 16;  // some buckets sampled
    o.threads = threads;
    std::mt19937_64 rng(5);
    results.push_back(internal::FindSimilarPairs(sets, o, rng, filter));
  }
  ASSERT_FALSE(results[0].pairs.empty());
  for (const internal::LshResult& r : results) {
    EXPECT_EQ(r.compared, results[0].compared);
    EXPECT_EQ(r.relevant, results[0].relevant);
    EXPECT_EQ(r.tied_to, results[0].tied_to);
    ASSERT_EQ(r.pairs.size(), results[0].pairs.size());
    for (std::size_t k = 0; k < r.pairs.size(); ++k) {
      EXPECT_EQ(r.pairs[k].a, results[0].pairs[k].a);
      EXPECT_EQ(r.pairs[k].b, results[0].pairs[k].b);
      EXPECT_EQ(r.pairs[k].jaccard, results[0].pairs[k].jaccard);
    }
  }
}

TEST(MinHashTest, RelevantPairsAreHandedOverWhileTheOthersAreSearched) {
  const TemplateAds ads = MakeTemplateAds(13, 300, 15, 4, 6, 4);
  const auto& [texts, sets, filter] = ads;
  for (int threads : {1, 2}) {
    SCOPED_TRACE(threads);
    internal::LshOptions o;
    o.threshold = 0.45;
    o.threads = threads;
    std::mt19937_64 rng(9);
    const internal::CandidatePairs candidates = internal::FindCandidatePairs(sets, o, rng);
    const internal::LshResult plain = internal::VerifyCandidates(sets, candidates, o, filter);
    std::vector<internal::SimilarPair> handed;
    int calls = 0;
    const internal::LshResult hooked = internal::VerifyCandidates(
        sets, candidates, o, filter, [&](std::span<const internal::SimilarPair> relevant) {
          ++calls;
          handed.assign(relevant.begin(), relevant.end());
        });
    EXPECT_EQ(calls, 1);
    ASSERT_GT(plain.relevant, 0u);
    ASSERT_LT(plain.relevant, plain.pairs.size());  // some irrelevant pairs too
    ASSERT_EQ(handed.size(), plain.relevant);
    ASSERT_EQ(hooked.pairs.size(), plain.pairs.size());
    EXPECT_EQ(hooked.relevant, plain.relevant);
    EXPECT_EQ(hooked.compared, plain.compared);
    EXPECT_EQ(hooked.tied_to, plain.tied_to);
    for (std::size_t k = 0; k < plain.pairs.size(); ++k) {
      EXPECT_EQ(hooked.pairs[k].a, plain.pairs[k].a);
      EXPECT_EQ(hooked.pairs[k].b, plain.pairs[k].b);
      EXPECT_EQ(hooked.pairs[k].jaccard, plain.pairs[k].jaccard);
      if (k < handed.size()) {
        EXPECT_EQ(handed[k].a, plain.pairs[k].a);
        EXPECT_EQ(handed[k].b, plain.pairs[k].b);
      }
    }
  }
}

TEST(MinHashTest, FindsNearDuplicatesAndSkipsSmallSets) {
  std::vector<std::vector<std::uint32_t>> texts = {Text(50, 0, 2), Text(50, 10, 2),
                                                   Text(0, 100, 50), {1, 2}, {1, 2}};
  std::vector<const std::vector<std::uint32_t>*> sets;
  for (const auto& t : texts) sets.push_back(&t);
  std::mt19937_64 rng(3);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
  internal::LshOptions o;
  o.threshold = 0.8;
  internal::LshResult r = internal::FindSimilarPairs(sets, o, rng, internal::PairFilter{});
  for (const internal::SimilarPair& p : r.pairs) {
    EXPECT_GE(p.jaccard, 0.8);
    found.emplace_back(p.a, p.b);
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (std::pair<std::uint32_t, std::uint32_t>{0, 1}));
}

}  // namespace
}  // namespace synlig::ads
