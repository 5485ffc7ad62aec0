// The synthetic ad generator: a population of independent advertisers and organised groups,
// planned over the sample days, then emitted day by day.
#include "synlig/ads/synth.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "synth_text.h"

namespace synlig::ads {
namespace {

using internal::Lang;
using internal::SynthPhone;

struct Profile {
  double organised_unit;        // a new unit is a group
  double second_phone;          // an independent advertiser has two numbers
  double personal_phone_in_group;  // a group member's ad also shows her own number
  double obfuscate;             // the number is obfuscated once
  double obfuscate_twice;       // ... twice
  double unreadable_phone;      // no readable number at all
  double no_images;
  double stock_image;
  double no_name_in_title;
  double tour_independent;      // per active day, elsewhere than at home
  double tour_group;            // per day, the group moves
  double copy_template;         // a group copies another group's template
  double independent_copies_template;
  int max_edits;                // word edits of a re-post
  double other_site;            // an ad on another site than the usual one
  double phone_in_text;         // the number is also written in the text ...
  double phone_only_in_text;    // ... and of those, only there (the phone field is empty)
};

constexpr Profile kEasy{0.12, 0.10, 0.30, 0.15, 0.0, 0.0, 0.20, 0.03, 0.02,
                        0.10, 0.50, 0.0, 0.0, 1, 0.10, 0.0, 0.0};
constexpr Profile kHard{0.18, 0.25, 0.20, 0.45, 0.15, 0.04, 0.35, 0.10, 0.10,
                        0.25, 0.70, 0.60, 0.05, 3, 0.25, 0.15, 0.5};

// How an ad leads in to a number written in its text.
constexpr std::string_view kCallSv[] = {"Ring", "Ring mig på", "sms", "Nås på", "Tel:"};
constexpr std::string_view kCallEn[] = {"Call", "Call me on", "sms", "Text me", "Tel:"};

constexpr std::string_view kSites[] = {"site-a.example", "site-b.example", "site-c.example"};
constexpr int kSiteWeights[] = {50, 30, 20};

bool Chance(double p, std::mt19937_64& rng) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}
int Uniform(int lo, int hi, std::mt19937_64& rng) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
template <typename T>
const T& PickFrom(std::span<const T> items, std::mt19937_64& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}
template <typename T, typename W>
std::size_t PickWeighted(std::span<const T> items, W weight, std::mt19937_64& rng) {
  int total = 0;
  for (const T& item : items) total += weight(item);
  int r = Uniform(0, total - 1, rng);
  for (std::size_t i = 0; i < items.size(); ++i) {
    r -= weight(items[i]);
    if (r < 0) return i;
  }
  return items.size() - 1;
}

struct Group {
  std::vector<SynthPhone> phones;
  std::string template_text;  // with {name} {age} {nat} {city}
  Lang lang;
  std::vector<std::size_t> city_of_day;
  std::size_t id;
};

struct Person {
  std::size_t id;
  std::int64_t group = -1;
  std::string_view name;
  int age;
  int gender;  // 0 female, 1 trans, 2 male
  std::size_t nationality;
  Lang lang;
  std::size_t home_city;
  std::vector<SynthPhone> phones;
  std::vector<std::uint64_t> photos;
  std::string template_text;
  std::size_t site;
  int price;
  std::vector<int> ads_on_day;  // planned ads per sample day
};

class Generator {
 public:
  Generator(const SynthOptions& options, std::mt19937_64& rng)
      : options_(options),
        profile_(options.profile == SynthProfile::kHard ? kHard : kEasy),
        rng_(rng) {
    const std::size_t stock = std::max<std::size_t>(8, options.ads / 400);
    for (std::size_t i = 0; i < stock; ++i) stock_images_.push_back(rng_());
  }
  void Plan();
  void Emit(const Date& first_day, const std::function<void(Ad&&)>& sink);

 private:
  SynthPhone NewPhone(bool foreign);
  std::string NewTemplate(Lang lang, bool organised);
  void AddIndependent();
  void AddGroup();
  void PlanDays(Person& person, const std::vector<char>* group_days);
  Ad MakeAd(const Person& person, int day, int repost, const Date& date);
  std::size_t PlannedTotal() const { return planned_; }

  const SynthOptions& options_;
  Profile profile_;
  std::mt19937_64& rng_;
  std::vector<std::uint64_t> stock_images_;
  std::vector<Group> groups_;
  std::vector<Person> persons_;
  std::set<std::string> used_numbers_;
  std::size_t planned_ = 0;
  std::size_t next_ad_id_ = 1;
};

SynthPhone Generator::NewPhone(bool foreign) {
  for (;;) {
    SynthPhone phone;
    std::string rest;
    for (int i = 0; i < 7; ++i) rest.push_back(static_cast<char>('0' + Uniform(0, 9, rng_)));
    if (!foreign) {
      static constexpr char kSeries[] = {'0', '2', '3', '6', '9'};
      phone = {46, std::string("7") + kSeries[Uniform(0, 4, rng_)] + rest};
    } else if (Chance(0.5, rng_)) {
      phone = {48, (Chance(0.5, rng_) ? "60" : "69") + rest};
    } else {
      phone = {40, "72" + rest};
    }
    std::string key = std::to_string(phone.country) + phone.national;
    if (used_numbers_.insert(key).second) return phone;
  }
}

std::string Generator::NewTemplate(Lang lang, bool organised) {
  auto phrases = internal::Phrases(lang);
  auto slots = internal::SlotPhrases(lang);
  std::vector<std::string_view> parts;
  const int count = organised ? Uniform(6, 9, rng_) : Uniform(5, 8, rng_);
  while (static_cast<int>(parts.size()) < count) {
    const internal::Phrase& p = PickFrom(phrases, rng_);
    // Independent ads speak of arenas; organised templates lean towards risk language.
    double keep = p.kind == 0 ? 0.8 : p.kind <= 4 ? 0.6 : organised ? 0.6 : 0.08;
    if (!Chance(keep, rng_)) continue;
    if (std::find(parts.begin(), parts.end(), p.text) != parts.end()) continue;
    parts.push_back(p.text);
  }
  // One or two slot phrases at random places.
  const int slot_count = organised ? 2 : 1;
  for (int i = 0; i < slot_count; ++i) {
    auto at = parts.begin() + Uniform(0, static_cast<int>(parts.size()), rng_);
    parts.insert(at, PickFrom(slots, rng_));
  }
  std::string text;
  for (std::string_view p : parts) {
    if (!text.empty()) text += ". ";
    text += p;
  }
  return text + ".";
}

void Generator::PlanDays(Person& person, const std::vector<char>* group_days) {
  const int days = options_.sample_days;
  person.ads_on_day.assign(static_cast<std::size_t>(days), 0);
  double active = std::uniform_real_distribution<double>(0.25, 0.9)(rng_);
  bool any = false;
  for (int d = 0; d < days; ++d) {
    bool on = group_days ? ((*group_days)[static_cast<std::size_t>(d)] && Chance(0.85, rng_))
                         : Chance(active, rng_);
    if (!on) continue;
    int ads = 1;
    while (ads < 4 && Chance(0.45, rng_)) ++ads;
    person.ads_on_day[static_cast<std::size_t>(d)] = ads;
    planned_ += static_cast<std::size_t>(ads);
    any = true;
  }
  if (!any) {
    person.ads_on_day[static_cast<std::size_t>(Uniform(0, days - 1, rng_))] = 1;
    ++planned_;
  }
}

void Generator::AddIndependent() {
  Person p;
  p.id = persons_.size();
  p.name = PickFrom(internal::FirstNames(), rng_);
  p.age = Uniform(0, 9, rng_) < 2 ? Uniform(18, 21, rng_) : Uniform(20, 45, rng_);
  int g = Uniform(0, 99, rng_);
  p.gender = g < 85 ? 0 : g < 93 ? 1 : 2;
  auto nats = internal::Nationalities();
  p.nationality = PickWeighted(nats, [](const auto& n) { return n.weight_independent; }, rng_);
  p.lang = (p.nationality == 0 ? Chance(0.8, rng_) : Chance(0.3, rng_)) ? Lang::kSv : Lang::kEn;
  p.home_city = PickWeighted(internal::Cities(), [](const auto& c) { return c.weight; }, rng_);
  p.phones.push_back(NewPhone(Chance(0.05, rng_)));
  if (Chance(profile_.second_phone, rng_)) p.phones.push_back(NewPhone(false));
  for (int i = Uniform(2, 6, rng_); i > 0; --i) p.photos.push_back(rng_());
  if (!groups_.empty() && Chance(profile_.independent_copies_template, rng_)) {
    const Group& g2 = groups_[static_cast<std::size_t>(
        Uniform(0, static_cast<int>(groups_.size()) - 1, rng_))];
    p.template_text = g2.template_text;
    p.lang = g2.lang;
  } else {
    // Everyone words the usual phrases a little differently.
    p.template_text = internal::EditText(NewTemplate(p.lang, false), Uniform(4, 10, rng_), p.lang,
                                         rng_);
  }
  p.site = PickWeighted(std::span<const int>(kSiteWeights), [](int w) { return w; }, rng_);
  p.price = Uniform(10, 30, rng_) * 100;
  PlanDays(p, nullptr);
  persons_.push_back(std::move(p));
}

void Generator::AddGroup() {
  Group g;
  g.id = groups_.size();
  g.lang = Chance(0.7, rng_) ? Lang::kEn : Lang::kSv;
  const int phones = Uniform(1, 3, rng_);
  for (int i = 0; i < phones; ++i) g.phones.push_back(NewPhone(Chance(0.5, rng_)));
  if (!groups_.empty() && Chance(profile_.copy_template, rng_)) {
    const Group& from = groups_[static_cast<std::size_t>(
        Uniform(0, static_cast<int>(groups_.size()) - 1, rng_))];
    g.template_text = from.template_text;  // copied by an unrelated group
    g.lang = from.lang;
  } else {
    g.template_text =
        internal::EditText(NewTemplate(g.lang, true), Uniform(3, 8, rng_), g.lang, rng_);
  }
  auto cities = internal::Cities();
  auto weight = [](const auto& c) { return c.weight; };
  std::size_t city = PickWeighted(cities, weight, rng_);
  std::vector<char> days(static_cast<std::size_t>(options_.sample_days), 0);
  for (auto& d : days) d = Chance(0.7, rng_);
  for (int d = 0; d < options_.sample_days; ++d) {
    if (Chance(profile_.tour_group, rng_)) city = PickWeighted(cities, weight, rng_);
    g.city_of_day.push_back(city);
  }
  const int members = Uniform(3, 8, rng_);
  std::size_t site = PickWeighted(std::span<const int>(kSiteWeights), [](int w) { return w; },
                                  rng_);
  int price = Uniform(10, 25, rng_) * 100;
  auto nats = internal::Nationalities();
  std::size_t group_nat =
      PickWeighted(nats, [](const auto& n) { return n.weight_organised; }, rng_);
  for (int m = 0; m < members; ++m) {
    Person p;
    p.id = persons_.size();
    p.group = static_cast<std::int64_t>(g.id);
    p.name = PickFrom(internal::FirstNames(), rng_);
    p.age = Uniform(0, 9, rng_) < 4 ? Uniform(18, 21, rng_) : Uniform(20, 35, rng_);
    p.gender = Chance(0.95, rng_) ? 0 : 1;
    p.nationality = Chance(0.7, rng_)
                        ? group_nat
                        : PickWeighted(nats, [](const auto& n) { return n.weight_organised; },
                                       rng_);
    p.lang = g.lang;
    p.home_city = g.city_of_day[0];
    if (Chance(profile_.personal_phone_in_group, rng_)) p.phones.push_back(NewPhone(false));
    for (int i = Uniform(2, 5, rng_); i > 0; --i) p.photos.push_back(rng_());
    p.template_text = g.template_text;
    p.site = site;
    p.price = price;
    PlanDays(p, &days);
    persons_.push_back(std::move(p));
  }
  groups_.push_back(std::move(g));
}

void Generator::Plan() {
  while (planned_ < options_.ads) {
    if (Chance(profile_.organised_unit, rng_)) {
      AddGroup();
    } else {
      AddIndependent();
    }
  }
  // Trim the plan to exactly options_.ads, taking ads from the last persons.
  std::size_t excess = planned_ - options_.ads;
  while (excess > 0) {
    Person& last = persons_.back();
    for (auto it = last.ads_on_day.rbegin(); it != last.ads_on_day.rend() && excess > 0; ++it) {
      int take = std::min<int>(*it, static_cast<int>(excess));
      *it -= take;
      excess -= static_cast<std::size_t>(take);
    }
    if (std::all_of(last.ads_on_day.begin(), last.ads_on_day.end(),
                    [](int a) { return a == 0; })) {
      persons_.pop_back();
    }
  }
  planned_ = options_.ads;
}

Ad Generator::MakeAd(const Person& p, int day, int repost, const Date& date) {
  Ad ad;
  const Group* group = p.group >= 0 ? &groups_[static_cast<std::size_t>(p.group)] : nullptr;
  std::size_t site = p.site;
  if (Chance(profile_.other_site, rng_)) site = (site + 1 + rng_() % 2) % 3;
  ad.site = std::string(kSites[site]);
  ad.ad_id = std::string(1, static_cast<char>('a' + site)) + "-" + std::to_string(next_ad_id_++);
  ad.captured_on = date;
  auto cities = internal::Cities();
  std::size_t city = p.home_city;
  if (group) {
    city = group->city_of_day[static_cast<std::size_t>(day)];
  } else if (Chance(profile_.tour_independent, rng_)) {
    city = PickWeighted(cities, [](const auto& c) { return c.weight; }, rng_);
  }
  ad.city = std::string(cities[city].name);
  const internal::Nationality& nat = internal::Nationalities()[p.nationality];
  std::string_view nat_word = p.lang == Lang::kSv ? nat.sv : nat.en;

  // Text: the person's template with her slots; re-posts and new days get small edits.
  std::string text = internal::FillSlots(p.template_text, p.name, p.age, nat_word, ad.city);
  if (repost > 0 || Chance(0.3, rng_)) {
    text = internal::EditText(text, Uniform(1, profile_.max_edits, rng_), p.lang, rng_);
  }
  ad.text = std::move(text);

  std::string tag(PickFrom(internal::Taglines(p.lang), rng_));
  std::string cap_tag = tag;
  cap_tag[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap_tag[0])));
  std::string name(p.name);
  std::string age = std::to_string(p.age);
  if (Chance(profile_.no_name_in_title, rng_)) {
    ad.title = cap_tag + " " + (p.lang == Lang::kSv ? "i " : "in ") + ad.city;
  } else {
    switch (Uniform(0, 3, rng_)) {
      case 0: ad.title = name + " " + age; break;
      case 1: ad.title = name + ", " + age + " - " + tag; break;
      case 2: ad.title = cap_tag + "! " + name + " " + age; break;
      default:
        ad.title = "Sexy " + name + (p.lang == Lang::kSv ? " i " : " in ") + ad.city;
        break;
    }
  }

  // Phones.
  auto display = [&](const SynthPhone& phone) {
    int level = 0;
    if (Chance(profile_.obfuscate, rng_)) level = 1;
    if (level == 1 && Chance(profile_.obfuscate_twice / profile_.obfuscate, rng_)) level = 2;
    return internal::DisplayPhone(phone, level, rng_);
  };
  const bool readable = !Chance(profile_.unreadable_phone, rng_);
  if (!readable) {
    ad.phones.push_back(p.lang == Lang::kSv ? "se bild" : "number in picture");
  } else if (group) {
    const SynthPhone& main = group->phones[0];
    const SynthPhone& phone =
        Chance(0.7, rng_) ? main : PickFrom(std::span<const SynthPhone>(group->phones), rng_);
    ad.phones.push_back(display(phone));
    if (!p.phones.empty() && Chance(0.5, rng_)) ad.phones.push_back(display(p.phones[0]));
  } else {
    const SynthPhone& phone = PickFrom(std::span<const SynthPhone>(p.phones), rng_);
    ad.phones.push_back(display(phone));
  }

  // Some write the number in the text too, or only there (the easy profile draws nothing
  // here, so its stream of random numbers is as before).
  if (profile_.phone_in_text > 0 && readable && Chance(profile_.phone_in_text, rng_)) {
    std::string_view lead = p.lang == Lang::kSv
                                ? PickFrom(std::span<const std::string_view>(kCallSv), rng_)
                                : PickFrom(std::span<const std::string_view>(kCallEn), rng_);
    ad.text += " " + std::string(lead) + " " + ad.phones[0];
    if (Chance(profile_.phone_only_in_text, rng_)) ad.phones.erase(ad.phones.begin());
  }

  // Images: some of her photos, re-encoded (a few bits flipped); now and then a stock image.
  if (!Chance(profile_.no_images, rng_)) {
    std::vector<std::uint64_t> photos = p.photos;
    std::shuffle(photos.begin(), photos.end(), rng_);
    const int shown = std::min<int>(Uniform(1, 3, rng_), static_cast<int>(photos.size()));
    for (int i = 0; i < shown; ++i) {
      std::uint64_t h = photos[static_cast<std::size_t>(i)];
      for (int f = Uniform(0, 2, rng_); f > 0; --f) h ^= std::uint64_t{1} << Uniform(0, 63, rng_);
      ad.image_hashes.push_back(h);
    }
  }
  if (Chance(profile_.stock_image, rng_)) {
    ad.image_hashes.push_back(PickFrom(std::span<const std::uint64_t>(stock_images_), rng_));
  }

  if (Chance(0.7, rng_)) ad.stated_age = p.age;
  if (Chance(0.9, rng_)) {
    static constexpr std::string_view kGenderSv[] = {"kvinna", "trans", "man"};
    static constexpr std::string_view kGenderEn[] = {"female", "trans", "male"};
    ad.stated_gender = std::string(
        (p.lang == Lang::kSv ? kGenderSv : kGenderEn)[static_cast<std::size_t>(p.gender)]);
  }
  if (Chance(0.6, rng_)) ad.stated_nationality = std::string(nat_word);
  if (Chance(0.8, rng_)) {
    ad.price = std::to_string(p.price) + (p.lang == Lang::kSv ? " kr/h" : " SEK/h");
  }
  AdTruth truth;
  truth.person_id = "p" + std::to_string(p.id);
  truth.advertiser_id = "a" + std::to_string(p.id);
  truth.network_id = group ? "g" + std::to_string(group->id) : "i" + std::to_string(p.id);
  truth.organised = group != nullptr;
  ad.truth = std::move(truth);
  return ad;
}

void Generator::Emit(const Date& first_day, const std::function<void(Ad&&)>& sink) {
  std::vector<std::pair<std::size_t, int>> slots;  // person, repost number
  for (int d = 0; d < options_.sample_days; ++d) {
    Date date{std::chrono::sys_days(first_day) + std::chrono::days(7 * d)};
    slots.clear();
    for (const Person& p : persons_) {
      for (int r = 0; r < p.ads_on_day[static_cast<std::size_t>(d)]; ++r) {
        slots.emplace_back(p.id, r);
      }
    }
    std::shuffle(slots.begin(), slots.end(), rng_);
    for (const auto& [person, repost] : slots) sink(MakeAd(persons_[person], d, repost, date));
  }
}

}  // namespace

Result<SynthProfile> ParseSynthProfile(std::string_view text) {
  if (text == "easy") return SynthProfile::kEasy;
  if (text == "hard") return SynthProfile::kHard;
  return InvalidArgument("profile must be easy or hard, got '" + std::string(text) + "'",
                         "profile");
}

Status GenerateAds(const SynthOptions& options, std::mt19937_64& rng,
                   const std::function<void(Ad&&)>& sink) {
  if (options.ads < 1 || options.ads > 10'000'000) {
    return InvalidArgument("ads must be 1-10000000, got " + std::to_string(options.ads), "ads");
  }
  if (options.sample_days < 1 || options.sample_days > 16) {
    return InvalidArgument("sample_days must be 1-16", "sample_days");
  }
  auto first = ParseDate(options.first_day);
  if (!first) return InvalidArgument(first.error().message(), "first_day");
  Generator generator(options, rng);
  generator.Plan();
  generator.Emit(*first, sink);
  return Ok();
}

}  // namespace synlig::ads
