#ifndef BORGERDIALOG_CMICROHTTPD_SHIM_H
#define BORGERDIALOG_CMICROHTTPD_SHIM_H
/* libmicrohttpd needs the socket types declared before its header. */
#include <sys/types.h>
#include <sys/socket.h>
#include <stdarg.h>
#include <stdint.h>
#include <microhttpd.h>
#endif
