/*
 * raw_peer: the physical limit of libmicrohttpd on this machine, for bench/http/run.
 *
 * Answers every request with the same fixed bytes, with the daemon set up like Borgerdialog's
 * (internal polling thread pool over epoll), so the benchmark can print the service's figures
 * as ratios to this one. Keep-alive done right: MHD 0.9.75 closes the connection when a response
 * is queued on the first handler call for a request, so the first call only marks the request,
 * later calls swallow any body, and the response is queued once the body is complete.
 *
 * Usage: raw_peer PORT [THREADS]   (prints "ready" once listening; stops on SIGTERM/SIGINT)
 */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char answer[] = "{\"status\":\"ok\"}";
static struct MHD_Response *fixed_response;
static volatile sig_atomic_t stopping = 0;
static int request_marker;

static enum MHD_Result handle(void *context, struct MHD_Connection *connection, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **request_state) {
    (void)context; (void)url; (void)method; (void)version; (void)upload_data;
    if (*request_state == NULL) {
        *request_state = &request_marker;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    return MHD_queue_response(connection, MHD_HTTP_OK, fixed_response);
}

static void stop(int signal_number) {
    (void)signal_number;
    stopping = 1;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [THREADS]\n", argv[0]);
        return 2;
    }
    unsigned port = (unsigned)atoi(argv[1]);
    unsigned threads = argc > 2 ? (unsigned)atoi(argv[2]) : 4;
    fixed_response = MHD_create_response_from_buffer(strlen(answer), (void *)answer, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(fixed_response, "Content-Type", "application/json");
    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL,
        &handle, NULL,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_LIMIT, 1000u,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u,
        MHD_OPTION_END);
    if (daemon == NULL) {
        fprintf(stderr, "raw_peer: cannot listen on port %u\n", port);
        return 1;
    }
    signal(SIGTERM, stop);
    signal(SIGINT, stop);
    printf("ready\n");
    fflush(stdout);
    while (!stopping) {
        pause();
    }
    MHD_stop_daemon(daemon);
    MHD_destroy_response(fixed_response);
    return 0;
}
