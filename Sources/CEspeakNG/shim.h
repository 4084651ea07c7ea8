#include <espeak-ng/speak_lib.h>
#include <espeak-ng/espeak_ng.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

// espeak-ng 1.51 keeps synthesis state in function-local statics (pitch flutter
// index, wave phase, echo buffer) that no API resets, so the same text renders
// differently on every call within one process. To give every utterance the
// same pristine state, the engine is initialised once in the parent and each
// utterance is synthesised in a forked child, which inherits that state, streams
// its samples back through a pipe and exits. The child runs only this C code.

static int voiceprep_child_fd = -1;

static int voiceprep_child_callback(short *wav, int numsamples, espeak_EVENT *events) {
    (void)events;
    if (wav == NULL || numsamples <= 0) return 0;
    const char *p = (const char *)wav;
    size_t left = (size_t)numsamples * sizeof(short);
    while (left > 0) {
        ssize_t n = write(voiceprep_child_fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return 1; // parent went away: abort synthesis
        }
        p += n;
        left -= (size_t)n;
    }
    return 0;
}

/// Synthesises `text` (UTF-8, SSML allowed) with `voice` and the given parameters in a
/// forked child. On success returns the number of 16-bit samples stored in a malloc'd
/// buffer at *out (the caller frees it). On failure returns a negative code:
/// -1 pipe/fork failed, -2 the voice is unknown, -3 espeak_Synth failed, -4 the child crashed.
static inline long voiceprep_synth_isolated(const char *text, const char *voice, int rate, int pitch, int range, short **out) {
    *out = NULL;
    int fds[2];
    if (pipe(fds) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        voiceprep_child_fd = fds[1];
        if (espeak_SetVoiceByName(voice) != EE_OK) _exit(2);
        espeak_SetParameter(espeakRATE, rate, 0);
        espeak_SetParameter(espeakPITCH, pitch, 0);
        espeak_SetParameter(espeakRANGE, range, 0);
        espeak_SetSynthCallback(voiceprep_child_callback);
        espeak_ERROR rc = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                       espeakCHARS_UTF8 | espeakSSML, NULL, NULL);
        close(fds[1]);
        _exit(rc == EE_OK ? 0 : 3);
    }
    close(fds[1]);
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
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (buf == NULL) return -1;
    if (!WIFEXITED(status)) { free(buf); return -4; }
    if (WEXITSTATUS(status) == 2) { free(buf); return -2; }
    if (WEXITSTATUS(status) != 0) { free(buf); return -3; }
    *out = (short *)buf;
    return (long)(len / sizeof(short));
}
