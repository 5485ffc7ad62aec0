// `synlig_ads_tool`: `synlig ads` on its own (the ads commands without the server's
// libraries), for the numpy baseline's test and the benchmark scripts.
#include <iostream>
#include <string>
#include <vector>

#include "ads_command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return synlig::app::RunAdsCommand(args, std::cout, std::cerr);
}
