/*
 * The ceiling of this machine for an HTTP server measured by wrk on the same
 * cores: a server that does nothing but answer. Bench-only (bench/ceiling.sh),
 * never part of the service.
 *
 * Two epoll threads share the listening socket (EPOLLEXCLUSIVE); each
 * connection is edge-triggered. A read is scanned only for the end of each
 * request head (CRLF CRLF; the last three bytes are kept across reads so a
 * head split between reads is still found) and for the path's first letter
 * after "GET /": "/facilities" gets the bytes of the file named on the command
 * line, anything else the health body. No request body, no pipelining limit,
 * no timeouts, no headers parsed: what is left is the kernel's and the load
 * generator's share of a request, which no real server can go below.
 *
 * usage: ceiling PORT FACILITIES_JSON
 */
#define _GNU_SOURCE
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <errno.h>

static int listener;
static char *health, *facilities;
static size_t health_len, facilities_len;

struct conn { int fd; unsigned tail; char path; int in_request; };

static char *response(const char *body, size_t len, size_t *out_len) {
    char head[256];
    int n = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n", len);
    char *r = malloc(n + len);
    if (!r) exit(1);
    memcpy(r, head, n);
    memcpy(r + n, body, len);
    *out_len = n + len;
    return r;
}

static void answer(struct conn *c, char *buf, ssize_t n) {
    char out[65536];
    size_t used = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char b = buf[i];
        if (!c->in_request) { c->in_request = 1; c->path = 0; }
        if (c->path == 0 && i >= 5 && memcmp(buf + i - 5, "GET /", 5) == 0) c->path = b;
        c->tail = (c->tail << 8) | b;
        if (c->tail == 0x0d0a0d0a) {
            const char *r = c->path == 'f' ? facilities : health;
            size_t len = c->path == 'f' ? facilities_len : health_len;
            if (used + len > sizeof out) { send(c->fd, out, used, MSG_NOSIGNAL); used = 0; }
            memcpy(out + used, r, len);
            used += len;
            c->in_request = 0;
        }
    }
    if (used) send(c->fd, out, used, MSG_NOSIGNAL);
}

static void *loop(void *unused) {
    (void)unused;
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLEXCLUSIVE, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    struct epoll_event events[256];
    char buf[16384];
    for (;;) {
        int n = epoll_wait(ep, events, 256, -1);
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    int one = 1;
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct conn *nc = calloc(1, sizeof *nc);
                    if (!nc) exit(1);
                    nc->fd = fd;
                    struct epoll_event e = {.events = EPOLLIN | EPOLLET | EPOLLRDHUP, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
                }
                continue;
            }
            for (;;) {
                ssize_t r = read(c->fd, buf, sizeof buf);
                if (r > 0) {
                    answer(c, buf, r);
                    if (r < (ssize_t)sizeof buf) break;
                } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                    close(c->fd);
                    free(c);
                    break;
                } else {
                    break;
                }
            }
        }
    }
    return NULL;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    static char data[1 << 20];
    *len = fread(data, 1, sizeof data, f);
    fclose(f);
    return data;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: ceiling PORT FACILITIES_JSON\n"); return 2; }
    static const char health_body[] = "{\"database\":\"ok\",\"status\":\"ok\"}";
    size_t body_len;
    char *body = slurp(argv[2], &body_len);
    health = response(health_body, sizeof health_body - 1, &health_len);
    facilities = response(body, body_len, &facilities_len);
    listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(listener, (struct sockaddr *)&a, sizeof a) || listen(listener, 4096)) { perror("listen"); return 1; }
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) pthread_create(&threads[i], NULL, loop, NULL);
    pthread_join(threads[0], NULL);
    return 0;
}
