"""What a file's bytes are written in: the encoding to read them with, and the language.

When UTF-8 fails, the encodings newsrooms meet most are tried first (cp1252, Latin-1 for
Western text), and a decoding is taken only when the text it gives is plausible: no
control characters, no UTF-8 read as cp1252 ("Ã©"), and accented letters inside words
that are otherwise Latin ("ministère", "Calderón"), not whole words of them (Cyrillic
bytes read as cp1252 come out as "Ìèíèñòåðñòâî"). The language comes from CLD2 (pycld2:
a compiled detector with no model to load, accurate on article-length text).
"""
from __future__ import annotations

import re
import unicodedata

_C1 = re.compile("[\x80-\x9f]")
# UTF-8 sequences read as cp1252: 'Ã©' for 'é', 'â€™' for '’', 'Â ' for a no-break space.
_MOJIBAKE = re.compile("Ã[\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|Â[\u00a0-\u00bf]|â€")
_WORD = re.compile(r"[^\W\d_]+")
# A sign between two letters ('poinformowa³o': Polish cp1250 read as Latin-1; 'minist√®re':
# UTF-8 read as Mac Roman) is a letter of another code page. Apostrophes and hyphens are not signs.
_SIGN_IN_WORD = re.compile(r"(?<=[^\W\d_])(?:[^\x00-\x7f\w\s]|[\u00b2\u00b3\u00b9]){1,3}(?=[^\W\d_])")


def _sign_in_word(text: str) -> bool:
    return any(ch != "\u00b7" and (unicodedata.category(ch)[0] in "SN" or "\u00a1" <= ch <= "\u00bf")
               for m in _SIGN_IN_WORD.finditer(text) for ch in m.group())
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
MIN_LETTERS = 150
_COMMON = ["cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_2", "koi8_r", "mac_roman"]  # below this, a language guess is too unsure to set an article aside


def plausible(text: str) -> bool:
    """Whether decoded text reads as text: no control characters, no UTF-8 read as cp1252, no
    sign inside a word, each word in one script, and Latin words mostly plain letters."""
    if _C1.search(text) or _MOJIBAKE.search(text) or _sign_in_word(text):
        return False
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    latin_heavy = 0
    for w in words:
        scripts = {_script(ch) for ch in w}
        if len(scripts) > 1:
            return False
        # Western words mix their accented letters with plain ones ('déclaré'); a whole word of
        # accented letters is another alphabet read through the wrong table ('Ìèíèñòåðñòâî').
        if scripts == {"LATIN"} and len(w) >= 4 and sum(ch.isascii() for ch in w) * 2 < len(w):
            latin_heavy += 1
    return latin_heavy <= max(1, len(words) // 10)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "?"


def decode_western(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes that are plausible cp1252 or Latin-1 text, else None. Named
    Latin-1 when no byte uses cp1252's extra characters (the two agree on everything else)."""
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            if encoding == "cp1252" and not any(0x80 <= b <= 0x9f for b in data):
                encoding = "latin-1"
            return text, encoding
    return None


def guess_encoding(data: bytes) -> str | None:
    """An encoding to advise for bytes that are neither UTF-8 nor Western: the first of
    charset-normalizer's candidates, then of common code pages, that decodes the bytes into
    plausible text. None when nothing does: then no encoding is advised."""
    candidates: list[str] = []
    try:
        from charset_normalizer import from_bytes

        candidates = [m.encoding for m in from_bytes(data)]
    except Exception:  # the guess only words the message; never fail on it
        pass
    for encoding in [*candidates, *_COMMON]:
        if encoding in ("utf_8", "ascii", "cp1252", "latin_1"):
            continue
        try:
            if plausible(data.decode(encoding)):
                return encoding.replace("_", "-")
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def detect_language(text: str) -> tuple[str, str] | None:
    """(code, name) of the language an article is written in, when it is surely not English:
    enough letters, a reliable detection, most of the text in that language and little in
    English. None for English, mixed or too-short text, or when pycld2 is not installed."""
    try:
        import pycld2
    except ImportError:
        return None
    sample = _CONTROL.sub(" ", text[:30_000])
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    try:
        reliable, _, details = pycld2.detect(sample.encode("utf-8", "replace"), isPlainText=True)
    except (pycld2.error, ValueError):
        return None
    name, code, percent, _ = details[0]
    english = sum(p for _, c, p, _ in details if c == "en")
    if not reliable or code in ("en", "un") or percent < 60 or english >= 20:
        return None
    return code, name.title()
