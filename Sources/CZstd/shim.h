// The one door to Debian's libzstd (libzstd-dev): the store keeps article HTML compressed with it.
#ifndef QNREAD_CZSTD_SHIM_H
#define QNREAD_CZSTD_SHIM_H

#include <zstd.h>

#endif
