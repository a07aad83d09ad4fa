#ifndef BORGERDIALOG_CMICROHTTPD_SHIM_H
#define BORGERDIALOG_CMICROHTTPD_SHIM_H
/* libmicrohttpd needs the socket types declared before its header. */
#include <sys/types.h>
#include <sys/socket.h>
#include <stdarg.h>
#include <stdint.h>
#include <microhttpd.h>

/*
 * Non-variadic wrappers: Swift cannot call C variadic functions, and the
 * va_list route makes every option's C type a silent contract. With
 * MHD_OPTION_ARRAY each option is a typed `struct MHD_OptionItem`, which
 * Swift builds safely; these three one-liners are all the C there is.
 */

/* Starts a daemon whose options are given as an MHD_OPTION_END-terminated array.
   With MHD_OPTION_SOCK_ADDR the address decides the port; `port` then only names it in messages. */
static inline struct MHD_Daemon *
borgerdialog_mhd_start_daemon (unsigned int flags,
                               uint16_t port,
                               MHD_AccessHandlerCallback handler,
                               void *handler_context,
                               struct MHD_OptionItem *options)
{
  return MHD_start_daemon (flags, port, NULL, NULL, handler, handler_context,
                           MHD_OPTION_ARRAY, options,
                           MHD_OPTION_END);
}

/* The port the daemon's listening socket is bound to, or 0 if unknown. */
static inline uint16_t
borgerdialog_mhd_bound_port (struct MHD_Daemon *daemon)
{
  const union MHD_DaemonInfo *info =
    MHD_get_daemon_info (daemon, MHD_DAEMON_INFO_BIND_PORT);
  return (NULL == info) ? 0 : info->port;
}

/* The connecting client's socket address, or NULL if unknown. */
static inline const struct sockaddr *
borgerdialog_mhd_client_address (struct MHD_Connection *connection)
{
  const union MHD_ConnectionInfo *info =
    MHD_get_connection_info (connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  return (NULL == info) ? NULL : info->client_addr;
}

#endif
