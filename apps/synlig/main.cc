// Entry point of the synlig binary: wires the real streams, environment, clock and randomness
// into the CLI.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "synlig/core/crypto.h"

int main(int argc, char** argv) {
  if (auto ok = synlig::InitCrypto(); !ok) {
    std::cerr << "synlig: error: " << ok.error().message() << "\n";
    return 1;
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  synlig::SystemClock clock;
  synlig::SystemRandom random;
  synlig::app::CliContext ctx{std::cout, std::cerr, std::cin,
                              synlig::app::ProcessEnvironment(), clock, random};
  int code = synlig::app::RunCli(args, ctx);
  std::cout.flush();
  return code;
}
