// The validity rules of libphonenumber's own metadata (the release the program is linked
// with, read through the library's exported metadata), compiled to digit automata: whether a
// national significant number is valid in a region, as PhoneNumberUtil::IsValidNumber decides
// it, without its regular-expression engine. Used by phone_number.cc for the common forms;
// whatever these rules cannot settle goes to libphonenumber itself.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace synlig::ads::internal {

class PhoneRules {
 public:
  // The rules of the linked metadata, read on first use; thread-safe.
  static const PhoneRules& Get();

  // What the metadata says of a calling code and of the country it belongs to.
  struct Country {
    std::string region;                    // "SE"; empty when the code is unknown
    bool several_regions = false;          // the code is shared ("+1", "+7", "+44", ...)
    bool non_geographic = false;           // "001": global services
    std::string national_prefix;           // for parsing, when it is digits only ("0")
    bool national_prefix_pattern = false;  // for parsing, a pattern: not settled here
    std::string international_prefix;      // when it is digits only ("00")
  };
  // The calling code that starts `digits` (1-3 digits; codes are prefix-free), 0 if none.
  int CallingCodeAtStart(std::string_view digits) const;
  // The country of a calling code (region empty if unknown).
  const Country& CountryOf(int calling_code) const;
  // The country of a region code ("SE"); nullptr if unknown.
  const Country* CountryOfRegion(std::string_view region) const;

  enum class Validity { kValid, kInvalid, kUnknown };
  // Whether `nsn` (digits, no leading zero) is a valid number of `region`: it matches the
  // general description (possible lengths and pattern) and that of one number type. kUnknown
  // when the region's patterns could not be compiled (the caller asks libphonenumber).
  Validity Check(std::string_view region, std::string_view nsn) const;

  PhoneRules(const PhoneRules&) = delete;
  PhoneRules& operator=(const PhoneRules&) = delete;
  ~PhoneRules();

 private:
  PhoneRules();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace synlig::ads::internal
