#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>

/* Flag values as plain integers: Swift imports the glibc ones as enum cases. */
#define CLINUX_EPOLLIN 0x001u
#define CLINUX_EPOLLOUT 0x004u
#define CLINUX_EPOLLERR 0x008u
#define CLINUX_EPOLLHUP 0x010u
#define CLINUX_EPOLLRDHUP 0x2000u
#define CLINUX_EPOLLET (1u << 31)
#define CLINUX_EPOLLEXCLUSIVE (1u << 28)

static inline int clinux_errno(void) { return errno; }

static inline int clinux_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static inline int clinux_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

static inline uint32_t clinux_event_flags(const struct epoll_event *events, int i) { return events[i].events; }
static inline uint64_t clinux_event_data(const struct epoll_event *events, int i) { return events[i].data.u64; }

static inline int clinux_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

static inline void clinux_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t r;
    do { r = write(fd, &one, sizeof one); } while (r < 0 && errno == EINTR);
}

static inline void clinux_eventfd_drain(int fd) {
    uint64_t value;
    ssize_t r;
    do { r = read(fd, &value, sizeof value); } while (r < 0 && errno == EINTR);
}

static inline int clinux_accept(int fd) { return accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC); }

/* The peer's IPv4 address as text into out (at least INET_ADDRSTRLEN bytes); 0, or -1 on failure. */
static inline int clinux_peer_ipv4(int fd, char *out, socklen_t size) {
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    if (getpeername(fd, (struct sockaddr *)&addr, &len) < 0 || addr.sin_family != AF_INET) return -1;
    return inet_ntop(AF_INET, &addr.sin_addr, out, size) ? 0 : -1;
}

static inline int clinux_set_int_option(int fd, int level, int name, int value) {
    return setsockopt(fd, level, name, &value, sizeof value);
}

static inline int clinux_set_nodelay(int fd) { return clinux_set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1); }

/* host:port as an IPv4 address; -1 with errno EINVAL when host is not one. */
static inline int clinux_ipv4_address(const char *host, int port, struct sockaddr_in *addr) {
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &addr->sin_addr) != 1) { errno = EINVAL; return -1; }
    return 0;
}

/* A non-blocking IPv4 listening socket with SO_REUSEADDR; -1 with errno set
   on failure. reuse_port joins the port's SO_REUSEPORT group, so that every
   event loop can have a listener of its own and the kernel spreads new
   connections between them. */
static inline int clinux_listen_tcp4(const char *host, int port, int backlog, int reuse_port) {
    struct sockaddr_in addr;
    if (clinux_ipv4_address(host, port, &addr) < 0) return -1;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (clinux_set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1) < 0
        || (reuse_port && clinux_set_int_option(fd, SOL_SOCKET, SO_REUSEPORT, 1) < 0)
        || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0
        || listen(fd, backlog) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* 0 when no socket holds host:port: a socket bound there without
   SO_REUSEPORT and closed again. Binding a SO_REUSEPORT group to a port
   that another group of the same user holds would succeed and share it,
   so a second server on the port is found by this probe instead. */
static inline int clinux_probe_port_free(const char *host, int port) {
    struct sockaddr_in addr;
    if (clinux_ipv4_address(host, port, &addr) < 0) return -1;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int result = 0;
    if (clinux_set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1) < 0
        || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) result = -1;
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
}

static inline int clinux_bound_port(int fd) {
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    if (getsockname(fd, (struct sockaddr *)&addr, &len) < 0) return -1;
    return ntohs(addr.sin_port);
}

static inline ssize_t clinux_send(int fd, const void *buf, size_t len) {
    return send(fd, buf, len, MSG_NOSIGNAL);
}

static inline uint64_t clinux_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline int64_t clinux_realtime_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME_COARSE, &ts);
    return (int64_t)ts.tv_sec;
}

static inline void clinux_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

/* Raises the soft RLIMIT_NOFILE to the hard limit; returns the new soft limit. */
static inline long clinux_raise_nofile_limit(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) < 0) return -1;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &rl) < 0) return -1;
    }
    return (long)rl.rlim_cur;
}

/* Process supervision: the wait-status macros, and the signal the kernel
   sends a process when its parent dies (Linux prctl, variadic in C). */
static inline int clinux_exited(int status) { return WIFEXITED(status); }
static inline int clinux_exit_status(int status) { return WEXITSTATUS(status); }
static inline int clinux_signaled(int status) { return WIFSIGNALED(status); }
static inline int clinux_term_signal(int status) { return WTERMSIG(status); }
static inline int clinux_core_dumped(int status) { return WCOREDUMP(status); }
static inline int clinux_set_parent_death_signal(int sig) { return prctl(PR_SET_PDEATHSIG, (unsigned long)sig, 0, 0, 0); }
#endif
