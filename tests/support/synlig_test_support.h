// Included first in every test binary (cmake/SynligHelpers.cmake, synlig_test): where the
// source tree is, found at run time so the build commands carry no absolute path and compiled
// objects can be reused between checkouts (ccache).
//   std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/mse/" + name);
#pragma once

// The checkout's root: $SYNLIG_SOURCE_DIR when set (ctest sets it), else the nearest directory
// above the running binary that holds libs/core/CMakeLists.txt, else ".". Never null.
const char* SynligTestSourceDir();

#define SYNLIG_SOURCE_DIR SynligTestSourceDir()
