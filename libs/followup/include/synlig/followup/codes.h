// The coded values of the follow-up modules (attitude-work log and MIKA/KAST contact log):
// every stored enumeration is one of these short ASCII codes, with a Swedish and an English
// label. Codes are stable: they are stored and appear in exports. Usage:
//   auto kind = followup::ParseCode(followup::ActivityKinds(), "workshop", "kind");
//   if (!kind) return Unexpected(kind.error());   // kInvalidArgument naming "workshop"
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "synlig/core/error.h"

namespace synlig::followup {

struct Code {
  std::string_view code;  // [a-z0-9_]+
  std::string_view sv;
  std::string_view en;
};

// The index of `text` in `codes`, or kInvalidArgument with `field`, naming the text. The text
// must match a code exactly (no trimming, no case folding).
Result<std::size_t> ParseCode(std::span<const Code> codes, std::string_view text,
                              std::string_view field);

// Precondition: index < codes.size().
std::string_view Label(std::span<const Code> codes, std::size_t index, bool english);

// --- attitude work -------------------------------------------------------------------------

enum class ActivityKind {
  kLesson,
  kWorkshop,
  kThemeDay,
  kParentMeeting,
  kStaffDay,
  kCampaign,
  kPartnership
};
std::span<const Code> ActivityKinds();  // in enum order

enum class TargetGroup { kGrade, kAge, kStaff, kParents, kBusiness };
std::span<const Code> TargetGroups();  // in enum order

// School grades as numbers: 0 förskoleklass, 1..9 grundskola, 10..12 gymnasiet år 1..3.
inline constexpr int kMinGrade = 0;
inline constexpr int kMaxGrade = 12;
std::span<const Code> Grades();  // index = grade: "f", "1" .. "9", "gy1", "gy2", "gy3"

// The attitude questions asked before and after an activity (fixed, so results add up over
// activities and years), and their answer scale.
std::span<const Code> AttitudeQuestions();
inline constexpr std::size_t kLikertOptions = 5;
std::span<const Code> LikertOptions();  // agree_fully, agree_partly, disagree_partly,
                                        // disagree_fully, dont_know
// Options 0 and 1 are "agree" when shares agreeing are summarised.
inline constexpr std::size_t kAgreeOptions = 2;

// --- clinics --------------------------------------------------------------------------------

enum class ClinicKind { kMika, kKast, kMikaKast };
std::span<const Code> ClinicKinds();  // "mika", "kast", "mika_kast"

// The coded fields of an anonymous contact, in this order everywhere (storage, forms,
// statistics). A contact is one value of each; there is no free text.
enum class ContactField { kChannel, kVisit, kGender, kAgeBand, kKind, kFoundVia, kReferral };
inline constexpr std::size_t kContactFields = 7;

struct ContactDimension {
  ContactField field;
  std::string_view id;  // form field and column name: "channel", "visit", ...
  std::string_view sv, en;
  std::span<const Code> codes;
};
std::span<const ContactDimension> ContactDimensions();  // in ContactField order
const ContactDimension& DimensionOf(ContactField field);

}  // namespace synlig::followup
