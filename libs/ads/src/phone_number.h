// The libphonenumber adapter: candidate digits to E.164, with IsValidNumber always checked.
// Only this file's implementation includes libphonenumber's headers.
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
std::optional<std::string> ToE164(const std::string& digits, const std::string& region);

}  // namespace synlig::ads::internal
