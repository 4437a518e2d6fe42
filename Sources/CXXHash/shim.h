// The one door to Debian's libxxhash (libxxhash-dev): XXH3, a fast non-cryptographic hash.
#ifndef QNREAD_CXXHASH_SHIM_H
#define QNREAD_CXXHASH_SHIM_H

#include <xxhash.h>

#endif
