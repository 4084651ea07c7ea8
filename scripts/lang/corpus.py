"""Text corpora for the language model, from openly licensed Debian packages:
manpages-uk / manpages-ru / manpages (GPL and other free licences) and hunspell word
lists. Translation catalogs (/usr/share/locale) are never read: they are reserved for
independent evaluation."""
import glob, gzip, hashlib, re

MAN_DIRS = {"uk": "/usr/share/man/uk", "ru": "/usr/share/man/ru", "en": "/usr/share/man"}
HUNSPELL = {"uk": "/usr/share/hunspell/uk_UA.dic", "ru": "/usr/share/hunspell/ru_RU.dic", "en": "/usr/share/hunspell/en_US.dic"}

TROFF = re.compile(r"\\f[BIRP]|\\f\[[A-Z]*\]|\\\(..|\\\[[^\]]*\]|\\[-&e|^%]|\\s[-+]?\d|\\\*\(..|\\\*.")


def man_files(lang):
    if lang == "en":
        files = glob.glob("/usr/share/man/man[1-8]/*.gz")
    else:
        files = glob.glob(f"{MAN_DIRS[lang]}/man*/*.gz")
    return sorted(files)


def held_out(path):
    """A stable 20% of the files are kept for evaluation only."""
    return int(hashlib.md5(path.encode()).hexdigest(), 16) % 5 == 0


def man_sentences(lang, evaluation=False):
    for path in man_files(lang):
        if held_out(path) != evaluation:
            continue
        try:
            text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        except Exception:
            continue
        for line in text.splitlines():
            if line.startswith((".", "'")) and not line.startswith((".B ", ".I ", ".BR ", ".IR ")):
                continue
            line = TROFF.sub("", line)
            line = re.sub(r"^\.[A-Z]+ ", "", line).strip()
            if len(line) < 8:
                continue
            yield line


def hunspell_words(lang):
    with open(HUNSPELL[lang], encoding="utf-8", errors="replace") as f:
        next(f, None)
        for line in f:
            w = line.split("/")[0].strip()
            if w and not any(c.isdigit() for c in w):
                yield w
