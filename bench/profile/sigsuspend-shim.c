/* Preloaded into the server under valgrind by bench/profile-booking.sh only.
 * Valgrind 3.19 (Debian 12) writes to the signal mask that rt_sigsuspend is
 * given, and libdispatch passes a mask in read-only memory, so valgrind dies
 * with an internal SIGSEGV before the server listens. This sigsuspend passes
 * a writable copy; the call is otherwise the same. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
