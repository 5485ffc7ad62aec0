// Stable codes of the stored enumerations (round state, response status).
#include "synlig/storage/model.h"

#include <array>
#include <string>

namespace synlig::storage {
namespace {
constexpr std::array<std::string_view, 4> kRoundStateCodes = {"draft", "open", "closed",
                                                              "published"};
constexpr std::array<std::string_view, 3> kResponseStatusCodes = {"not_started", "draft",
                                                                  "submitted"};
}  // namespace

std::string_view RoundStateCode(RoundState s) {
  return kRoundStateCodes[static_cast<std::size_t>(s)];
}

Result<RoundState> ParseRoundState(std::string_view code) {
  for (std::size_t i = 0; i < kRoundStateCodes.size(); ++i) {
    if (kRoundStateCodes[i] == code) return static_cast<RoundState>(i);
  }
  return InvalidArgument("unknown round state '" + std::string(code) + "'", "state");
}

std::string_view ResponseStatusCode(ResponseStatus s) {
  return kResponseStatusCodes[static_cast<std::size_t>(s)];
}

Result<ResponseStatus> ParseResponseStatus(std::string_view code) {
  for (std::size_t i = 0; i < kResponseStatusCodes.size(); ++i) {
    if (kResponseStatusCodes[i] == code) return static_cast<ResponseStatus>(i);
  }
  return InvalidArgument("unknown response status '" + std::string(code) + "'", "status");
}

}  // namespace synlig::storage
