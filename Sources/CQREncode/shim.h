#ifndef BORGERDIALOG_CQRENCODE_SHIM_H
#define BORGERDIALOG_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
