// The anonymous contact: every field required and coded; clinics.
#include "synlig/followup/contact.h"

#include <gtest/gtest.h>

namespace synlig::followup {
namespace {

const Date kToday{std::chrono::year{2025}, std::chrono::month{10}, std::chrono::day{15}};

ContactInput Valid() {
  ContactInput in;
  in.date = "2025-10-15";
  in.values = {"phone", "new", "man", "35_49", "buyer", "internet", "none"};
  return in;
}

TEST(ContactTest, AcceptsOneCodeForEveryField) {
  auto c = ValidateContact(Valid(), 3, kToday);
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->clinic_id, 3);
  EXPECT_EQ(c->Value(ContactField::kChannel), 0u);
  EXPECT_EQ(c->Value(ContactField::kGender), 1u);
  EXPECT_EQ(c->Value(ContactField::kAgeBand), 3u);
  EXPECT_EQ(c->Value(ContactField::kKind), 0u);
}

TEST(ContactTest, RejectsMissingOrUnknownCodesNamingTheField) {
  for (const ContactDimension& dim : ContactDimensions()) {
    for (const std::string bad : {"", "Phone", "19700101-1234", "anna@example.org"}) {
      ContactInput in = Valid();
      in.values[static_cast<std::size_t>(dim.field)] = bad;
      auto c = ValidateContact(in, 3, kToday);
      ASSERT_FALSE(c) << dim.id << " " << bad;
      EXPECT_EQ(c.error().code(), ErrorCode::kInvalidArgument);
      EXPECT_EQ(c.error().field(), dim.id);
    }
  }
}

TEST(ContactTest, RejectsDatesInTheFutureOrMalformed) {
  for (const char* bad : {"2025-10-16", "1999-12-31", "15/10/2025", "2025-10-15 ", ""}) {
    ContactInput in = Valid();
    in.date = bad;
    auto c = ValidateContact(in, 3, kToday);
    ASSERT_FALSE(c) << bad;
    EXPECT_EQ(c.error().field(), "date");
  }
}

TEST(ClinicTest, ValidatesNameKindAndCity) {
  auto c = ValidateClinic(" KAST Östergötland ", "kast", "Linköping");
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->name, "KAST Östergötland");
  EXPECT_EQ(c->kind, ClinicKind::kKast);
  EXPECT_EQ(ValidateClinic("", "kast", "").error().field(), "name");
  EXPECT_EQ(ValidateClinic("K", "both", "").error().field(), "kind");
  EXPECT_EQ(ValidateClinic("K", "mika", std::string(101, 'x')).error().field(), "city");
}

}  // namespace
}  // namespace synlig::followup
