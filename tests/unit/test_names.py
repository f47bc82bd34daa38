"""People are listed by given name, then the rest of the name, in the Vietnamese alphabet."""

from __future__ import annotations

import unicodedata

import pytest

from ballots.names import search_key, sort_key


def listed(*names: str) -> list[str]:
    return sorted(names, key=sort_key)


def test_the_given_name_comes_first_then_the_rest_of_the_name_from_its_start() -> None:
    assert listed("Trần Văn Em", "Vũ Đức Dũng", "Nguyễn Văn Bình", "Đặng Văn An", "Dương Thị An") == [
        "Dương Thị An",
        "Đặng Văn An",
        "Nguyễn Văn Bình",
        "Vũ Đức Dũng",
        "Trần Văn Em",
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Lê Văn Dũng", "Lê Văn Đạt"),  # Đ after D, not after V as in code-point order
        ("Lê Văn Đạt", "Lê Văn Em"),
        ("Lê Văn Ánh", "Lê Văn Ăn"),  # Ă is a letter of its own, after every A
        ("Lê Văn Ăn", "Lê Văn Âu"),
        ("Lê Văn Ông", "Lê Văn Ơn"),
        ("Lê Văn Uy", "Lê Văn Ưng"),
        ("Lê Văn An", "Lê Văn Anh"),  # a shorter given name first
        ("Lê An", "Lê Văn An"),  # then the shorter rest
        ("Lê Văn Em", "Lê Văn Fan"),  # letters Vietnamese lacks keep their Latin place
        ("Lê Văn An2", "Lê Văn Anh"),  # digits before letters
        ("Lê Văn Zoe", "Lê Văn 李"),  # any other script after every letter
    ],
)
def test_letters_follow_the_vietnamese_alphabet(before: str, after: str) -> None:
    assert sort_key(before) < sort_key(after)


def test_tones_only_break_ties_in_dictionary_order() -> None:
    assert listed("Lê Ạn", "Lê Án", "Lê Ãn", "Lê Ản", "Lê Àn", "Lê An") == [
        "Lê An",
        "Lê Àn",
        "Lê Ản",
        "Lê Ãn",
        "Lê Án",
        "Lê Ạn",
    ]
    assert sort_key("Lê Ạn") < sort_key("Lê Anh")  # the tone of "Ạn" does not outrank the letters


def test_capitals_spacing_and_unicode_forms_do_not_matter() -> None:
    nfd = unicodedata.normalize("NFD", "Đặng Văn Ấn")
    assert sort_key("ĐẶNG  văn ấn ") == sort_key(nfd) == sort_key("đặng văn ấn")


def test_stray_marks_are_ignored() -> None:
    # A mark with no letter before it, and marks Vietnamese does not use (a diaeresis), change nothing.
    assert sort_key("\u0301\u0306An") == sort_key("An")
    assert sort_key("Lê Anü") == sort_key("Lê Anu")


def test_a_key_is_plain_ascii_apart_from_other_scripts_so_any_byte_wise_collation_sorts_it() -> None:
    assert sort_key("Nguyễn Thị Ưng Ơn").isascii()
    assert sort_key("") == " "


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Nguyễn  Văn Ánh", "nguyen van anh"),
        ("ĐẶNG THỊ ĐÀO", "dang thi dao"),
        ("Sở Tư pháp", "so tu phap"),
        ("Nguye\u0302\u0303n", "nguyen"),  # typed decomposed (NFD) on some keyboards
        ("  ", ""),
    ],
)
def test_the_search_key_is_the_name_typed_without_marks(typed, stored):
    assert search_key(typed) == stored
