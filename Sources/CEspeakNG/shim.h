#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

// espeak-ng 1.51 keeps synthesis state in function-local statics (pitch flutter
// index, wave phase, echo buffer) that no API resets, so the same text renders
// differently on every call within one process, and loading a voice costs 3-6 ms.
// So the parent initialises espeak-ng once and forks one "zygote" per voice setting,
// which sets the voice and then never synthesises: for every request it forks a
// grandchild that renders from the zygote's pristine state, streams the samples
// into the pipe sent with the request and exits. Forking the zygote, whose memory
// never changes, instead of the busy multi-threaded parent spares the parent the
// copy-on-write faults after every fork, and every run the loading of its voice.
// Everything after a fork runs only this C code.

enum {
    VOICEPREP_SYSTEM = -1, // errno says why
    VOICEPREP_UNKNOWN_VOICE = -2,
    VOICEPREP_SYNTH_FAILED = -3,
    VOICEPREP_CRASHED = -4,
    VOICEPREP_ZYGOTE_GONE = -5, // the zygote died: start another
    VOICEPREP_TOO_LONG = -6,
};
enum { VOICEPREP_MAX_TEXT = 64 * 1024, VOICEPREP_SOCKET_FD = 3 };
#define VOICEPREP_MAGIC 0x31535056u

/// A reply is the magic, the samples, then this trailer; the zygote greets with a trailer
/// too. No magic means no grandchild ever served the request (the zygote died); no trailer
/// means the grandchild died mid-way.
typedef struct { uint32_t magic; int32_t status; int32_t error; } voiceprep_trailer;

static int voiceprep_child_fd = -1;

static inline int voiceprep_write_all(int fd, const void *data, size_t left) {
    const char *p = (const char *)data;
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += n;
        left -= (size_t)n;
    }
    return 0;
}

static int voiceprep_child_callback(short *wav, int numsamples, espeak_EVENT *events) {
    (void)events;
    if (wav == NULL || numsamples <= 0) return 0;
    // Nonzero aborts the synthesis: the parent stopped reading.
    return voiceprep_write_all(voiceprep_child_fd, wav, (size_t)numsamples * sizeof(short)) != 0;
}

static inline void voiceprep_reply(int fd, int status, int error) {
    voiceprep_trailer t = { VOICEPREP_MAGIC, status, error };
    (void)voiceprep_write_all(fd, &t, sizeof t);
}

// Served by the zygote itself: the request never reached espeak-ng.
static inline void voiceprep_refuse(int fd, int status, int error) {
    uint32_t magic = VOICEPREP_MAGIC;
    if (voiceprep_write_all(fd, &magic, sizeof magic) == 0) voiceprep_reply(fd, status, error);
}

static inline void __attribute__((noreturn)) voiceprep_grandchild(int out, const char *text, size_t size) {
    close(VOICEPREP_SOCKET_FD); // so only the zygote keeps its end of the socket alive
    voiceprep_child_fd = out;
    uint32_t magic = VOICEPREP_MAGIC;
    if (voiceprep_write_all(out, &magic, sizeof magic) != 0) _exit(0);
    // Plain text, not SSML: espeak-ng 1.51 reloads the voice and its dictionary (2 MB for
    // Russian) at the start of every SSML utterance, which cost more than the synthesis of a
    // short run; the samples of the speech are the same. Pauses are exact silence added by
    // the caller, so no markup is needed.
    espeak_ERROR rc = espeak_Synth(text, size, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
    voiceprep_reply(out, rc == EE_OK ? 0 : VOICEPREP_SYNTH_FAILED, 0);
    _exit(0);
}

static inline void __attribute__((noreturn)) voiceprep_zygote_serve(void) {
    static char text[VOICEPREP_MAX_TEXT + 1];
    for (;;) {
        union { struct cmsghdr align; char buf[CMSG_SPACE(4 * sizeof(int))]; } ctl;
        struct iovec iov = { text, sizeof text };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
        ssize_t n = recvmsg(VOICEPREP_SOCKET_FD, &msg, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) _exit(0); // the parent closed its end or died
        int out = -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
            size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < count; i++) {
                int fd;
                memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                if (out < 0) out = fd; else close(fd);
            }
        }
        if (out < 0) continue; // nowhere to answer
        if (msg.msg_flags & MSG_TRUNC) {
            voiceprep_refuse(out, VOICEPREP_TOO_LONG, 0);
        } else if (text[n - 1] != '\0') {
            voiceprep_refuse(out, VOICEPREP_SYNTH_FAILED, 0);
        } else {
            pid_t pid = fork();
            if (pid == 0) voiceprep_grandchild(out, text, (size_t)n);
            if (pid < 0) voiceprep_refuse(out, VOICEPREP_SYSTEM, errno);
        }
        close(out);
    }
}

static inline void voiceprep_close_from(int lowest) {
    if (syscall(SYS_close_range, (unsigned)lowest, ~0U, 0) == 0) return;
    long max = sysconf(_SC_OPEN_MAX);
    for (long fd = lowest; fd < (max > 0 ? max : 65536); fd++) close((int)fd);
}

static inline void __attribute__((noreturn)) voiceprep_zygote_main(int sock, pid_t parent, const char *voice,
                                                                   int rate, int pitch, int range) {
    // Any other inherited descriptor could be the write end of another request's pipe,
    // whose reader would then never see EOF, or the parent's end of a socket.
    if (sock != VOICEPREP_SOCKET_FD && dup2(sock, VOICEPREP_SOCKET_FD) < 0) _exit(1);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        if (sock < 3 && sock != null) dup2(null, sock);
    }
    voiceprep_close_from(VOICEPREP_SOCKET_FD + 1);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(0);
    // The parent's handlers are Swift code; its ignored signals stay ignored.
    for (int s = 1; s < NSIG; s++) {
        struct sigaction old;
        if (sigaction(s, NULL, &old) == 0 && old.sa_handler != SIG_IGN && old.sa_handler != SIG_DFL)
            signal(s, SIG_DFL);
    }
    signal(SIGCHLD, SIG_IGN); // grandchildren reap themselves
    signal(SIGPIPE, SIG_IGN); // a grandchild whose reader left gets EPIPE and stops
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);

    int status = espeak_SetVoiceByName(voice) == EE_OK ? 0 : VOICEPREP_UNKNOWN_VOICE;
    if (status == 0) {
        espeak_SetParameter(espeakRATE, rate, 0);
        espeak_SetParameter(espeakPITCH, pitch, 0);
        espeak_SetParameter(espeakRANGE, range, 0);
        espeak_SetSynthCallback(voiceprep_child_callback);
    }
    voiceprep_trailer hello = { VOICEPREP_MAGIC, status, 0 };
    while (send(VOICEPREP_SOCKET_FD, &hello, sizeof hello, MSG_NOSIGNAL) < 0 && errno == EINTR) {}
    if (status != 0) _exit(0);
    voiceprep_zygote_serve();
}

typedef struct {
    const char *voice;
    int rate, pitch, range;
    int status, error, sock;
    pid_t pid;
    sem_t done;
} voiceprep_spawn;

// PR_SET_PDEATHSIG fires when the *thread* that forked a process ends, and the
// Swift runtime's pool threads exit when idle. So each zygote is forked by a thread
// of its own, which then waits to reap it and ends only after it.
static void *voiceprep_keeper(void *arg) {
    voiceprep_spawn *job = (voiceprep_spawn *)arg;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
        job->error = errno;
        sem_post(&job->done);
        return NULL;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) voiceprep_zygote_main(sv[1], parent, job->voice, job->rate, job->pitch, job->range);
    job->error = errno;
    close(sv[1]);
    if (pid < 0) {
        close(sv[0]);
        sem_post(&job->done);
        return NULL;
    }
    voiceprep_trailer hello;
    ssize_t n;
    do n = recv(sv[0], &hello, sizeof hello, 0); while (n < 0 && errno == EINTR);
    job->status = (n == (ssize_t)sizeof hello && hello.magic == VOICEPREP_MAGIC) ? hello.status : VOICEPREP_CRASHED;
    if (job->status == 0) {
        job->sock = sv[0];
        job->pid = pid;
    } else {
        close(sv[0]); // a zygote still running sees EOF and exits
    }
    sem_post(&job->done); // job belongs to the caller again
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
    return NULL;
}

/// Starts a zygote for `voice` and the parameters (after `espeak_Initialize`). Returns 0 and
/// the parent's end of its socket in *sock (closing it stops the zygote), or a negative code.
static inline int voiceprep_zygote_start(const char *voice, int rate, int pitch, int range, int *sock, pid_t *pid) {
    voiceprep_spawn job = { .voice = voice, .rate = rate, .pitch = pitch, .range = range,
                            .status = VOICEPREP_SYSTEM, .sock = -1, .pid = -1 };
    if (sem_init(&job.done, 0, 0) != 0) return VOICEPREP_SYSTEM;
    pthread_attr_t attr;
    pthread_t thread;
    int rc = pthread_attr_init(&attr);
    if (rc == 0) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        // The zygote and its grandchildren run on a copy of this stack; espeak-ng is
        // used to a main thread's. Untouched pages cost nothing.
        pthread_attr_setstacksize(&attr, 8 << 20);
        rc = pthread_create(&thread, &attr, voiceprep_keeper, &job);
        pthread_attr_destroy(&attr);
    }
    if (rc != 0) {
        sem_destroy(&job.done);
        errno = rc;
        return VOICEPREP_SYSTEM;
    }
    while (sem_wait(&job.done) != 0 && errno == EINTR) {}
    sem_destroy(&job.done);
    *sock = job.sock;
    *pid = job.pid;
    errno = job.error;
    return job.status;
}

/// Synthesises `text` (UTF-8, plain text) in a grandchild of the zygote behind `sock`. Returns
/// the number of 16-bit samples stored in a malloc'd buffer at *out (the caller frees it), or a
/// negative code. Safe to call from several threads at once on one socket.
static inline long voiceprep_zygote_synth(int sock, const char *text, short **out) {
    *out = NULL;
    size_t length = strnlen(text, VOICEPREP_MAX_TEXT + 1);
    if (length > VOICEPREP_MAX_TEXT) return VOICEPREP_TOO_LONG;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return VOICEPREP_SYSTEM;
    union { struct cmsghdr align; char buf[CMSG_SPACE(sizeof(int))]; } ctl;
    memset(&ctl, 0, sizeof ctl);
    // With its NUL: an empty message would read as end-of-file to the zygote.
    struct iovec iov = { (void *)text, length + 1 };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fds[1], sizeof(int));
    ssize_t sent;
    do sent = sendmsg(sock, &msg, MSG_NOSIGNAL); while (sent < 0 && errno == EINTR);
    int error = errno;
    close(fds[1]); // from now on only the grandchild holds it: EOF when it is done
    if (sent < 0) {
        close(fds[0]);
        errno = error;
        return (error == EPIPE || error == ECONNRESET || error == ENOTCONN) ? VOICEPREP_ZYGOTE_GONE : VOICEPREP_SYSTEM;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = (char *)malloc(cap);
    for (;;) {
        if (buf == NULL) break;
        if (len == cap) {
            char *grown = (char *)realloc(buf, cap * 2);
            if (grown == NULL) { free(buf); buf = NULL; break; }
            buf = grown;
            cap *= 2;
        }
        ssize_t n = read(fds[0], buf + len, cap - len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        len += (size_t)n;
    }
    close(fds[0]);
    if (buf == NULL) {
        errno = ENOMEM;
        return VOICEPREP_SYSTEM;
    }
    uint32_t magic = 0;
    voiceprep_trailer t = { 0, 0, 0 };
    size_t body = 0;
    if (len >= sizeof magic + sizeof t) {
        memcpy(&magic, buf, sizeof magic);
        memcpy(&t, buf + len - sizeof t, sizeof t);
        body = len - sizeof magic - sizeof t;
    }
    if (magic != VOICEPREP_MAGIC || t.magic != VOICEPREP_MAGIC || body % sizeof(short) != 0) {
        free(buf);
        return len == 0 ? VOICEPREP_ZYGOTE_GONE : VOICEPREP_CRASHED;
    }
    if (t.status != 0) {
        free(buf);
        errno = t.error;
        return t.status < 0 ? t.status : VOICEPREP_CRASHED;
    }
    memmove(buf, buf + sizeof magic, body);
    *out = (short *)buf;
    return (long)(body / sizeof(short));
}
