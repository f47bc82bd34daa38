"""Checks on people, posts and names that every way in (the API, the spreadsheet import) shares.

One rule, one place: the API raises what these raise; the import turns the same refusal into a
row error with its Vietnamese message. Each refusal names the field it is about in ``details``.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from .errors import InvalidInput

# A cadre in office is an adult and not a centenarian; anything else is a typing error.
MIN_AGE, MAX_AGE = 18, 100
NAME_LENGTH = (2, 200)  # a person's full name, a unit's name
TITLE_LENGTH = (2, 200)  # a post's title, a voter's title
ALLOWED_CONTROLS = frozenset("\t\n\r")


def name_key(text: str) -> str:
    """What two names or numbers are compared by: the same letters in any case, composed or not, with
    spaces collapsed ("Sở  tài chính" is "SỞ TÀI CHÍNH"). Stored beside unit names and plan numbers,
    where unique indexes use it: computed here, once, so SQLite and PostgreSQL agree."""
    folded = unicodedata.normalize("NFD", " ".join(text.split())).casefold()
    return unicodedata.normalize("NFC", folded)


def has_control_characters(text: str) -> bool:
    """NUL and other control characters break PostgreSQL and printed minutes; tabs and newlines do not."""
    return any(ch < " " and ch not in ALLOWED_CONTROLS for ch in text)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def check_birth_date(born: date, today: date) -> None:
    if born >= today:
        raise InvalidInput(
            f"the date of birth {born.isoformat()} is not in the past",
            message_vi=f"Ngày sinh {born:%d/%m/%Y} chưa qua; kiểm tra lại",
            details={"field": "date_of_birth"},
        )
    age = age_on(born, today)
    if not MIN_AGE <= age <= MAX_AGE:
        raise InvalidInput(
            f"the date of birth {born.isoformat()} gives an age of {age}, outside {MIN_AGE}–{MAX_AGE}",
            message_vi=(
                f"Ngày sinh {born:%d/%m/%Y} cho tuổi {age}, ngoài khoảng {MIN_AGE}–{MAX_AGE}; kiểm tra lại"
            ),
            details={"field": "date_of_birth", "age": age},
        )


def check_post_dates(title: str, since: date, ended_on: date | None, born: date | None, today: date) -> None:
    """A post has begun, began after its holder was born, and ends (if it does) after it began."""
    if since > today:
        raise InvalidInput(
            f"post '{title}' starts on {since.isoformat()}, in the future; record it once it has begun",
            message_vi=(
                f"Chức vụ '{title}' bắt đầu ngày {since:%d/%m/%Y}, ở tương lai; chỉ ghi chức vụ đã bắt đầu"
            ),
            details={"field": "since"},
        )
    if born is not None and since <= born:
        raise InvalidInput(
            f"post '{title}' starts on {since.isoformat()}, before its holder was born ({born.isoformat()})",
            message_vi=f"Chức vụ '{title}' bắt đầu ngày {since:%d/%m/%Y}, trước ngày sinh ({born:%d/%m/%Y})",
            details={"field": "since"},
        )
    if ended_on is not None and ended_on < since:
        raise InvalidInput(
            f"post '{title}' ends on {ended_on.isoformat()}, before it starts on {since.isoformat()}",
            message_vi=(
                f"Chức vụ '{title}' kết thúc ngày {ended_on:%d/%m/%Y}, trước ngày bắt đầu ({since:%d/%m/%Y})"
            ),
            details={"field": "ended_on"},
        )
