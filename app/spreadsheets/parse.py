"""Cells to typed values; each failure becomes a row error instead of an exception."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from ballots.errors import BallotsError
from ballots.levels import FillMethod, UnitLevel
from ballots.records import has_control_characters

from ..models.organization import Gender
from .errors import RowError
from .limits import preview
from .sheets import normalize

# A trailing midnight is what Excel writes when a date cell is saved as CSV.
TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
DMY = re.compile(rf"^(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}){TIME}$")
ISO = re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){TIME}$")
LEVELS = {
    "tinh": UnitLevel.PROVINCE,
    "cap tinh": UnitLevel.PROVINCE,
    "province": UnitLevel.PROVINCE,
    "huyen": UnitLevel.DISTRICT,
    "cap huyen": UnitLevel.DISTRICT,
    "district": UnitLevel.DISTRICT,
}
GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "nu": Gender.FEMALE, "female": Gender.FEMALE}
FILLED_BY = {
    "hdnd bau": FillMethod.COUNCIL_ELECTED,
    "hdnd phe chuan": FillMethod.COUNCIL_ELECTED,
    "hoi dong nhan dan bau": FillMethod.COUNCIL_ELECTED,
    "hoi dong nhan dan phe chuan": FillMethod.COUNCIL_ELECTED,
    "council elected": FillMethod.COUNCIL_ELECTED,
    "cap uy bau": FillMethod.PARTY_ELECTED,
    "dang bau": FillMethod.PARTY_ELECTED,
    "dang uy bau": FillMethod.PARTY_ELECTED,
    "party elected": FillMethod.PARTY_ELECTED,
    "bo nhiem": FillMethod.APPOINTED,
    "appointed": FillMethod.APPOINTED,
}
LEVEL_HINT = "Tỉnh, Huyện"
GENDER_HINT = "Nam, Nữ"
FILLED_BY_HINT = "HĐND bầu, HĐND phê chuẩn, Cấp ủy bầu, Bổ nhiệm"


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class Cells:
    """Reads one row's cells and collects what is wrong with them."""

    def __init__(
        self, row: int, values: dict[str, Any], headers: dict[str, str], errors: list[RowError]
    ) -> None:
        self.row, self.values, self.headers, self.errors = row, values, headers, errors

    def fail(self, key: str, message: str) -> None:
        value = self.values.get(key)
        shown = f"{value:%d/%m/%Y}" if isinstance(value, date) else preview(value)
        self.errors.append(RowError(self.row, self.headers[key], message, shown))

    def refuse(self, refused: BallotsError) -> None:
        """A refusal of the rules shared with the API, on the cell of the field it names."""
        self.fail(str(refused.details.get("field", "")), refused.message_vi or refused.message)

    def given(self, key: str) -> bool:
        return not is_blank(self.values.get(key))

    def text(self, key: str, *, required: bool = False, length: tuple[int, int] = (1, 200)) -> str:
        value = self.values.get(key)
        # NFC: text typed on some systems arrives decomposed and would never match a stored name.
        text = unicodedata.normalize("NFC", "" if value is None else " ".join(str(value).split()))
        if has_control_characters(text):
            self.fail(key, "Có ký tự điều khiển không hợp lệ; hãy xóa và gõ lại ô này")
        elif required and not text:
            self.fail(key, "Ô này bắt buộc, chưa có nội dung")
        elif text and len(text) < length[0]:
            self.fail(key, f"Ngắn quá: cần ít nhất {length[0]} ký tự")
        elif len(text) > length[1]:
            self.fail(key, f"Dài quá {length[1]} ký tự; hãy viết gọn lại")
            return text[: length[1]]  # the row is refused; later messages quote no more than this
        return text

    def date(self, key: str, *, required: bool = False) -> date | None:
        value = self.values.get(key)
        if isinstance(value, datetime):  # a real Excel date cell
            return value.date()
        if isinstance(value, date):
            return value
        text = self.text(key, required=required)
        if not text:
            return None
        match = DMY.match(text)
        parts: tuple[str, ...] | None = (match.group(3), match.group(2), match.group(1)) if match else None
        if parts is None and (iso := ISO.match(text)):
            parts = iso.groups()
        try:
            if parts is None:
                raise ValueError
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            self.fail(key, f"Ngày '{preview(text)}' không hợp lệ, dùng dạng dd/mm/yyyy")
            return None

    def choice(self, key: str, options: dict[str, Any], hint: str, *, required: bool = False) -> Any:
        text = self.text(key, required=required)
        if not text:
            return None
        found = options.get(normalize(text))
        if found is None:
            self.fail(key, f"Giá trị '{preview(text)}' không hợp lệ; dùng: {hint}")
        return found
