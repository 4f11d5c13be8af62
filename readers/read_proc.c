/* read_proc.c — running an external converter safely: no shell, argv only,
 * stdin from /dev/null, output bounded in size and time (the whole process
 * group is killed past either bound). Safe from several loading threads:
 * posix_spawn, and pipes opened close-on-exec so that no child inherits
 * another's. */
#define _GNU_SOURCE
#include "read_int.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int read_run(char *const argv[], rbuf *out, char *errline, size_t errcap, int timeout_s, bool *timed_out)
{
    int po[2], pe[2];
    *timed_out = false;
    if (errcap) errline[0] = '\0';
    if (pipe2(po, O_CLOEXEC) != 0) { snprintf(errline, errcap, "%s", strerror(errno)); return 127; }
    if (pipe2(pe, O_CLOEXEC) != 0) {
        snprintf(errline, errcap, "%s", strerror(errno));
        close(po[0]); close(po[1]);
        return 127;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    posix_spawnattr_init(&at);
    posix_spawnattr_setpgroup(&at, 0);
    sigset_t def;
    sigemptyset(&def);
    sigaddset(&def, SIGPIPE);
    sigaddset(&def, SIGINT);
    sigaddset(&def, SIGTERM);
    posix_spawnattr_setsigdefault(&at, &def);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        snprintf(errline, errcap, "%s", strerror(rc));
        close(po[0]); close(pe[0]);
        return 127;
    }
    long long deadline = now_ms() + (long long)timeout_s * 1000;
    size_t elen = 0;
    bool killed = false;
    struct pollfd fds[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
    int open_fds = 2;
    char chunk[65536];
    while (open_fds > 0) {
        long long left = deadline - now_ms();
        if (left <= 0) { *timed_out = true; break; }
        int r = poll(fds, 2, left > 1000 ? 1000 : (int)left);
        if (r < 0) { if (errno == EINTR) continue; break; }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) { close(fds[i].fd); fds[i].fd = -1; open_fds--; continue; }
            if (i == 0) {
                rb_put(out, chunk, (size_t)n);
                if (out->over || out->oom) { killed = true; goto stop; }
            } else if (errcap && elen + 1 < errcap) {
                size_t k = (size_t)n < errcap - 1 - elen ? (size_t)n : errcap - 1 - elen;
                memcpy(errline + elen, chunk, k);
                elen += k;
                errline[elen] = '\0';
            }
        }
    }
stop:
    if (*timed_out || killed) kill(-pid, SIGKILL);
    for (int i = 0; i < 2; i++) if (fds[i].fd >= 0) close(fds[i].fd);
    int ws = 0;
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) {}
    if (errcap) {   /* first line only, printable */
        errline[strcspn(errline, "\n")] = '\0';
        for (char *p = errline; *p; p++) if ((unsigned char)*p < 0x20 || *p == 0x7F) *p = ' ';
    }
    if (*timed_out || killed) return -1;
    if (WIFEXITED(ws)) return WEXITSTATUS(ws);
    return -1;
}
