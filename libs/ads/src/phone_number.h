// The libphonenumber adapter: candidate digits to E.164, validity always checked. Only this
// file's implementation and phone_rules.cc (libphonenumber's metadata compiled to automata,
// which settle the common forms without Parse and IsValidNumber) include libphonenumber's
// headers.
#pragma once

#include <optional>
#include <string>

namespace synlig::ads::internal {

// Mutes libphonenumber's logger (it could print numbers) and checks the region.
// False when libphonenumber does not know region (ISO 3166 code such as "SE").
bool InitPhoneNumbers(const std::string& region);

// "+46701740605" for "0701740605" in region "SE"; nullopt when the text does not parse or the
// number is not valid. A number without '+' that is not valid in the region is tried once
// more as international ("48601234567" -> "+48601234567"). Never throws.
// In region "SE" a national number "0X" (X of digits, not starting with 0) is built directly
// as +46 X and only validated, as Parse would build it; so is "+CC N" or "00CC N" where Parse
// would take N as it is (see FromRules in the implementation). Validation of those runs
// libphonenumber's own patterns as digit automata (phone_rules.h). Tests compare this with
// ToE164Parsed on example numbers of every region and their variations.
std::optional<std::string> ToE164(const std::string& digits, const std::string& region);
// ToE164 always through libphonenumber's Parse (the general path).
std::optional<std::string> ToE164Parsed(const std::string& digits, const std::string& region);

// Folds the ways of writing one number that ToE164 maps alike into one form, so that a cache
// of its results is asked once per number: in region "SE", "+46X", "0046X", "+460X" and
// "00460X" (X of digits, not starting with 0) become "0X". Other candidates are left as they
// are.
void FoldPhoneDigits(std::string& digits, const std::string& region);

}  // namespace synlig::ads::internal
