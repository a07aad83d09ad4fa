#ifndef BORGERDIALOG_CARGON2_SHIM_H
#define BORGERDIALOG_CARGON2_SHIM_H
#include <argon2.h>
#endif
