#ifndef BORGERDIALOG_CSTEMMER_SHIM_H
#define BORGERDIALOG_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
