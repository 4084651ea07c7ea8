"""Text corpora for the language model, from openly licensed Debian packages:
manpages-uk / manpages-ru / manpages (GPL and other free licences) and hunspell word
lists (hunspell-uk, hunspell-ru, hunspell-en-us).

Translation catalogs (/usr/share/locale/*/LC_MESSAGES) are never read here: they are
reserved for independent evaluation.

Every file and every hunspell word falls into one of three splits by a stable hash, so
training, tuning and the benchmark never see the same text:
  eval  (20%)  held out: scripts/bench-lang only
  dev   (10%)  tuning of the few hand-set constants in train-lang
  train (70%)  counts for the model
"""
import glob, gzip, hashlib, random, re

MAN_DIRS = {"uk": "/usr/share/man/uk", "ru": "/usr/share/man/ru"}
HUNSPELL = {"uk": "/usr/share/hunspell/uk_UA.dic", "ru": "/usr/share/hunspell/ru_RU.dic", "en": "/usr/share/hunspell/en_US.dic"}
LANGS = ("uk", "ru", "en")

# troff escapes and font changes; what remains is the running text of the page.
TROFF = re.compile(r"\\f[BIRP1-4]|\\f\[[A-Za-z]*\]|\\\(..|\\\[[^\]]*\]|\\[-&e|^%0 ]|\\s[-+]?\d+|\\\*\(..|\\\*\[[^\]]*\]|\\\*.|\\[cd]")
CYRILLIC = re.compile(r"[а-яёіїєґА-ЯЁІЇЄҐ]")
LATIN = re.compile(r"[A-Za-z]")
SENTENCE = re.compile(r"(?<=[.!?;:])\s+")


def split_of(key):
    h = int(hashlib.md5(key.encode()).hexdigest(), 16) % 10
    return "eval" if h < 2 else "dev" if h == 2 else "train"


def man_files(lang):
    if lang == "en":
        # The English pages of the manpages package and everything else installed in
        # /usr/share/man; a stable sample keeps training time reasonable.
        files = sorted(glob.glob("/usr/share/man/man[1-8]/*.gz"))
        return [f for f in files if int(hashlib.md5(f.encode()).hexdigest(), 16) % 4 == 0]
    return sorted(glob.glob(f"{MAN_DIRS[lang]}/man*/*.gz"))


def man_paragraphs(path):
    """Running text of one page, one paragraph per item, markup removed."""
    try:
        text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    except Exception:
        return
    para = []
    for line in text.splitlines():
        if line.startswith((".", "'")):
            m = re.match(r"^\.(B|I|BR|IR|RB|RI|BI|IB|SM|SB)\s+(.*)", line)
            if m:
                para.append(m.group(2).replace('"', ""))
                continue
            if para:
                yield " ".join(para)
                para = []
            m = re.match(r"^\.(SH|SS|TP|IP)\s+(.*)", line)
            if m and len(m.group(2)) > 3:
                yield m.group(2).replace('"', "")
            continue
        line = line.strip()
        if not line:
            if para:
                yield " ".join(para)
                para = []
            continue
        para.append(line)
    if para:
        yield " ".join(para)


def clean(s):
    s = TROFF.sub("", s)
    s = s.replace("\\", "")
    return re.sub(r"\s+", " ", s).strip()


def man_text(lang, split):
    """Cleaned paragraphs of the pages in one split."""
    for path in man_files(lang):
        if split_of(path) != split:
            continue
        for p in man_paragraphs(path):
            p = clean(p)
            if len(p) >= 8:
                yield p


def hunspell_words(lang, split=None):
    with open(HUNSPELL[lang], encoding="utf-8", errors="replace") as f:
        next(f, None)
        for line in f:
            w = line.split("/")[0].split("\t")[0].strip()
            if not w or any(c.isdigit() for c in w):
                continue
            if split is None or split_of("hunspell:" + w) == split:
                yield w


def belongs(lang, s):
    """A snippet stands for its language only if it is written in that language's
    script: a line of option names in a Russian page says nothing about Russian."""
    cyr = len(CYRILLIC.findall(s))
    lat = len(LATIN.findall(s))
    if cyr + lat < 4:
        return False
    if lang == "en":
        return cyr == 0
    return cyr >= 2 * lat


def snippets(lang, split, limit, seed=7):
    """SMS-length pieces (8–160 characters) of held-out running text, plus short runs of
    held-out hunspell words (one in five), deterministic for a given seed."""
    rng = random.Random(f"{seed}:{lang}:{split}")
    out = []
    for p in man_text(lang, split):
        for sent in SENTENCE.split(p):
            words = sent.split()
            while words:
                n = rng.randint(2, 24)
                piece = " ".join(words[:n])
                words = words[n:]
                if 8 <= len(piece) <= 160 and belongs(lang, piece):
                    out.append(piece)
    rng.shuffle(out)
    man_part = out[: limit - limit // 5]
    words = list(hunspell_words(lang, split))
    rng.shuffle(words)
    word_part = []
    i = 0
    while len(word_part) < limit // 5 and i < len(words):
        n = rng.randint(1, 3)
        piece = " ".join(words[i:i + n])
        i += n
        if belongs(lang, piece):
            word_part.append(piece)
    return man_part + word_part
