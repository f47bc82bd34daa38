"""The cadres sheet checked as a whole: one row per post, rows grouped into people by name and birth date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ballots.errors import InvalidInput
from ballots.levels import FillMethod
from ballots.records import NAME_LENGTH, TITLE_LENGTH, check_birth_date, check_post_dates
from ballots.records import name_key as key

from ..models import Cadre, Gender, Unit
from .errors import ImportFailed, RowError
from .parse import FILLED_BY, FILLED_BY_HINT, GENDER_HINT, GENDERS, Cells
from .reader import Row
from .references import Directory, ambiguity
from .sheets import CADRES

HEADERS = {c.key: c.header for c in CADRES.columns}
POST_KEYS = ("title", "unit", "filled_by", "since", "ended_on")
PersonKey = tuple[str, date | None]


@dataclass
class NewPost:
    title: str
    unit: Unit
    filled_by: FillMethod
    since: date
    ended_on: date | None


@dataclass
class Person:
    full_name: str
    date_of_birth: date | None
    existing: Cadre | None
    fields: dict[str, Any] = field(default_factory=dict)  # gender, standing unit, retirement date
    first_row: dict[str, int] = field(default_factory=dict)  # where each of those was first given
    posts: list[NewPost] = field(default_factory=list)


def person_key(full_name: str, born: date | None) -> PersonKey:
    return key(full_name), born


def shown(row: Row, column: str) -> str:
    value = row.values.get(column)
    return f"{value:%d/%m/%Y}" if isinstance(value, date) else " ".join(str(value or "").split())


class CadreRows:
    def __init__(self, directory: Directory, people: dict[PersonKey, Cadre], today: date) -> None:
        self.directory, self.people, self.today = directory, people, today
        self.errors: list[RowError] = []
        self.planned: dict[PersonKey, Person] = {}
        self.post_rows: dict[tuple[PersonKey, str, str], int] = {}

    def unit(self, cells: Cells, column: str, ref: str, keep: Unit | None = None) -> Unit | None:
        """The one active unit the reference names (``keep`` may stay even if archived since)."""
        found = self.directory.find(ref)
        usable = [e for e in found if e.unit is not None and (e.unit.archived_at is None or e.unit is keep)]
        if len(usable) == 1:
            return usable[0].unit
        if usable:
            cells.fail(column, ambiguity(self.directory, ref, usable))
        elif found:
            cells.fail(column, f"Đơn vị '{ref}' đã lưu trữ (ngừng hoạt động); chọn đơn vị đang hoạt động")
        else:
            cells.fail(
                column, f"Không có đơn vị '{ref}' trong hệ thống; kiểm tra chính tả hoặc nhập đơn vị trước"
            )
        return None

    def born(self, cells: Cells) -> date | None:
        born = cells.date("date_of_birth")
        if born is not None:
            try:
                check_birth_date(born, self.today)
            except InvalidInput as refused:
                cells.refuse(refused)
                return None
        return born

    def same_person(self, cells: Cells, person: Person, column: str, value: Any, shown: str) -> None:
        """Gender, standing committee and retirement belong to the person: every row must agree."""
        if value is None:
            return
        if column not in person.fields:
            person.fields[column], person.first_row[column] = value, cells.row
        elif person.fields[column] != value:
            cells.fail(
                column,
                f"Khác với dòng {person.first_row[column]} của cùng người; "
                f"ghi giống nhau ở mọi dòng của người này hoặc để trống (giá trị ở đây: '{shown}')",
            )

    def post(self, cells: Cells, person: Person, found: PersonKey) -> None:
        born = found[1]
        given = any(cells.given(k) for k in POST_KEYS)
        title = cells.text("title", required=given, length=TITLE_LENGTH)
        unit_ref = cells.text("unit", required=given)
        unit = self.unit(cells, "unit", unit_ref) if unit_ref else None
        filled_by = cells.choice("filled_by", FILLED_BY, FILLED_BY_HINT, required=given)
        since = cells.date("since", required=given)
        ended = cells.date("ended_on")
        if since is not None:
            try:
                check_post_dates(title, since, ended, born, self.today)
            except InvalidInput as refused:
                cells.refuse(refused)
                since = None
        if not title or unit is None:
            return
        post_key = (found, key(title), unit.id)
        held = person.existing is not None and any(
            (key(p.title), p.unit_id) == post_key[1:] for p in person.existing.posts
        )
        if held or post_key in self.post_rows:
            where = "trong hệ thống" if held else f"ở dòng {self.post_rows[post_key]}"
            cells.fail(
                "title", f"{person.full_name} đã có chức vụ '{title}' tại đơn vị này ({where}); bỏ dòng này"
            )
        self.post_rows.setdefault(post_key, cells.row)
        if filled_by is not None and since is not None:
            person.posts.append(NewPost(title, unit, filled_by, since, ended))

    def add(self, row: Row) -> None:
        cells = Cells(row.number, row.values, HEADERS, self.errors)
        name = cells.text("full_name", required=True, length=NAME_LENGTH)
        born = self.born(cells)
        found = person_key(name, born)
        existing = self.people.get(found)
        person = self.planned.setdefault(found, Person(name, born, existing))
        gender: Gender | None = cells.choice("gender", GENDERS, GENDER_HINT)
        self.same_person(cells, person, "gender", gender, shown(row, "gender"))
        if name:
            self.post(cells, person, found)
        standing_ref = cells.text("standing")
        keep = existing.standing_committee_unit if existing else None
        standing = self.unit(cells, "standing", standing_ref, keep) if standing_ref else None
        if standing is not None and standing is not keep and standing.locality is not standing:
            label = self.directory.label(standing.locality)
            cells.fail(
                "standing",
                f"Ban Thường vụ là của tỉnh hoặc huyện, không phải của '{standing.name}'; có phải '{label}'?",
            )
            standing = None
        self.same_person(cells, person, "standing", standing, standing_ref)
        retirement = cells.date("retirement")
        self.same_person(cells, person, "retirement", retirement, shown(row, "retirement"))


def plan_cadres(
    rows: list[Row], directory: Directory, people: dict[PersonKey, Cadre], today: date
) -> list[Person]:
    """Every row checked; all the errors, or the people (new or existing) with their new posts."""
    check = CadreRows(directory, people, today)
    for row in rows:
        check.add(row)
    if check.errors:
        raise ImportFailed(check.errors, len(rows))
    return [p for p in check.planned.values() if p.full_name]
