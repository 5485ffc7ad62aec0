// Code lists: exact lookup, labels, and that every stored code is a safe identifier.
#include "synlig/followup/codes.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace synlig::followup {
namespace {

void ExpectSafeUniqueCodes(std::span<const Code> codes) {
  std::set<std::string_view> seen;
  for (const Code& c : codes) {
    EXPECT_TRUE(seen.insert(c.code).second) << c.code;
    EXPECT_FALSE(c.sv.empty());
    EXPECT_FALSE(c.en.empty());
    for (const char ch : c.code) {
      EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_') << c.code;
    }
  }
}

TEST(CodesTest, EveryListHasUniqueSafeCodesAndBothLabels) {
  ExpectSafeUniqueCodes(ActivityKinds());
  ExpectSafeUniqueCodes(TargetGroups());
  ExpectSafeUniqueCodes(Grades());
  ExpectSafeUniqueCodes(AttitudeQuestions());
  ExpectSafeUniqueCodes(LikertOptions());
  ExpectSafeUniqueCodes(ClinicKinds());
  for (const ContactDimension& d : ContactDimensions()) ExpectSafeUniqueCodes(d.codes);
}

TEST(CodesTest, ListsFollowTheirEnumerations) {
  EXPECT_EQ(ActivityKinds().size(), 7u);
  EXPECT_EQ(ActivityKinds()[static_cast<std::size_t>(ActivityKind::kPartnership)].code,
            "partnership");
  EXPECT_EQ(TargetGroups()[static_cast<std::size_t>(TargetGroup::kBusiness)].code, "business");
  EXPECT_EQ(Grades().size(), static_cast<std::size_t>(kMaxGrade + 1));
  EXPECT_EQ(Grades()[0].code, "f");
  EXPECT_EQ(Grades()[9].code, "9");
  EXPECT_EQ(Grades()[12].code, "gy3");
  EXPECT_EQ(LikertOptions().size(), kLikertOptions);
  ASSERT_EQ(ContactDimensions().size(), kContactFields);
  for (std::size_t i = 0; i < kContactFields; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(ContactDimensions()[i].field), i);
  }
  EXPECT_EQ(DimensionOf(ContactField::kKind).id, "kind");
  EXPECT_EQ(DimensionOf(ContactField::kChannel).codes.size(), 4u);  // phone, e-mail, chat, visit
}

TEST(CodesTest, ParseIsExactAndNamesTheRejectedValue) {
  EXPECT_EQ(ParseCode(ActivityKinds(), "workshop", "kind").value_or(99), 1u);
  for (const std::string bad : {"Workshop", " workshop", "workshop ", "", "work\nshop"}) {
    auto r = ParseCode(ActivityKinds(), bad, "kind");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field(), "kind");
  }
  auto r = ParseCode(ActivityKinds(), "teaching", "kind");
  EXPECT_NE(r.error().message().find("'teaching'"), std::string::npos);
}

TEST(CodesTest, LabelsInBothLanguages) {
  EXPECT_EQ(Label(ActivityKinds(), 3, false), "Föräldramöte");
  EXPECT_EQ(Label(ActivityKinds(), 3, true), "Parent meeting");
}

}  // namespace
}  // namespace synlig::followup
