"""The order in which people are listed: Vietnamese names, given name first, in the Vietnamese alphabet.

A Vietnamese full name puts the family name first and the given name last ("Nguyễn Văn An"), and
lists of people are read by given name: "An" before "Bình" whatever the family. Ties are broken by
the rest of the name from its start. Letters follow the Vietnamese alphabet (Đ after D, Ơ after Ô,
Ư after U), with tones only as a second key (a à ả ã á ạ) and capitals ignored.

``sort_key`` returns a plain ASCII-ordered string, so a database can store it and sort by it with a
byte-wise collation and every page of a list comes out in this order.
"""

from __future__ import annotations

import unicodedata

# Digits, then the Vietnamese alphabet with the Latin letters it lacks (f, j, w, z) in their Latin place.
LETTERS = [*"0123456789", "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l"]
LETTERS += ["m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
# Each letter becomes one character from "0" upwards: byte order is alphabet order.
CODES = {letter: chr(ord("0") + i) for i, letter in enumerate(LETTERS)}
# The marks that make a letter of its own (ă, â, ê, ô, ơ, ư), in NFD.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
# Below every letter code: the end of the first key sorts a shorter name first, then words part.
END, WORD = " ", "!"
# Anything else (another script, punctuation) after every letter, by its own code point.
OTHER = "~"


def _letters(word: str) -> tuple[str, str]:
    """(letter codes, tone digits) of one lower-case word."""
    letters: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES and tones:
            tones[-1] = TONES[ch]
        elif ch in LETTER_MARKS and letters:
            letters[-1] += ch
        elif unicodedata.combining(ch):
            continue  # a mark of no meaning in Vietnamese spelling
        else:
            letters.append(ch)
            tones.append("0")
    codes = [CODES.get(unicodedata.normalize("NFC", letter), OTHER + letter) for letter in letters]
    return "".join(codes), "".join(tones)


def sort_key(full_name: str) -> str:
    """The key that lists ``full_name`` in Vietnamese order (see the module docstring)."""
    words = full_name.casefold().split()
    ordered = words[-1:] + words[:-1]
    parts = [_letters(w) for w in ordered]
    return WORD.join(p[0] for p in parts) + END + WORD.join(p[1] for p in parts)


def search_key(text: str) -> str:
    """``text`` as people type it on a keyboard without Vietnamese input: no tones or letter marks,
    Đ as D, lower case, single spaces ("Nguyễn  Văn Ánh" -> "nguyen van anh"), so a search for
    "nguyen van a" finds "Nguyễn Văn A"."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(stripped.replace("đ", "d").replace("Đ", "D").casefold().split())
