"""The uk-versus-ru model: log-likelihood ratios of Cyrillic words and character
n-grams, and the scoring rule that Sources/VoiceText/LanguageDetector.swift mirrors.
Shared by scripts/train-lang (training, tuning on the dev split) and quick checks."""
import collections, math, re

APOSTROPHES = "’ʼ`'"
CYR = set("абвгдежзийклмнопрстуфхцчшщъыьэюяёєіїґ")
WORD = re.compile(r"[а-яёєіїґ]+(?:'[а-яёєіїґ]+)*")


def words(text):
    t = text.lower()
    for a in APOSTROPHES:
        t = t.replace(a, "'")
    return WORD.findall(t)


def ngrams(w, orders):
    p = f" {w} "
    for n in orders:
        for i in range(len(p) - n + 1):
            yield p[i:i + n]


class Counts:
    def __init__(self, orders):
        self.orders = orders
        self.grams = collections.Counter()
        self.words = collections.Counter()

    def add_text(self, text, weight=1):
        for w in words(text):
            self.words[w] += weight
            for g in ngrams(w, self.orders):
                self.grams[g] += weight


def log_ratios(a, b, keys, k=0.5):
    """log P(key | a) − log P(key | b) with add-k smoothing."""
    na, nb = sum(a.values()) or 1, sum(b.values()) or 1
    v = len(keys) or 1
    return {g: math.log((a[g] + k) / (na + k * v)) - math.log((b[g] + k) / (nb + k * v)) for g in keys}


def score(text, gram_w, word_w, word_scale, clip):
    """Positive: Ukrainian. A word the model knows speaks for itself; an unknown word
    is judged by its n-grams, each clipped so one odd n-gram cannot outvote a sentence."""
    s = 0.0
    for w in words(text):
        if w in word_w:
            s += word_scale * word_w[w]
            continue
        for g in ngrams(w, (1, 2, 3, 4, 5)):
            x = gram_w.get(g)
            if x is not None:
                s += max(-clip, min(clip, x))
    return s
