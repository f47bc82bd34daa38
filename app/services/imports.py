"""Spreadsheet import and export: all rows or none, every problem reported by row and column.

The checks live in app/spreadsheets (unit_rows, cadre_rows); this module loads what they compare
against, writes the result, and builds the export rows in exactly the format the import reads.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from ballots.errors import InvalidInput
from ballots.levels import FillMethod, UnitLevel
from ballots.records import NAME_LENGTH
from ballots.records import name_key as key

from ..models import Cadre, Gender, Post, RosterEntry, Unit
from ..repositories import common
from ..repositories import imports as repo
from ..repositories import rounds as round_repo
from ..repositories import units as unit_repo
from ..spreadsheets.cadre_rows import person_key, plan_cadres
from ..spreadsheets.errors import ImportFailed, RowError
from ..spreadsheets.parse import Cells
from ..spreadsheets.reader import Row
from ..spreadsheets.references import Directory
from ..spreadsheets.sheets import ROSTER
from ..spreadsheets.unit_rows import plan_units
from . import eligibility
from .rounds import get as get_round
from .rounds import get_locked as get_locked_round
from .rounds import require_editable

LEVEL_LABELS = {UnitLevel.PROVINCE: "Tỉnh", UnitLevel.DISTRICT: "Huyện"}
GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
FILLED_BY_LABELS = {
    FillMethod.COUNCIL_ELECTED: "HĐND bầu",
    FillMethod.PARTY_ELECTED: "Cấp ủy bầu",
    FillMethod.APPOINTED: "Bổ nhiệm",
}


def import_units(session: Session, rows: list[Row]) -> dict[str, int]:
    repo.lock_sheet(session, "units")
    directory = Directory.of_units(unit_repo.all_units(session))
    pending = plan_units(rows, directory)
    created: dict[int, Unit] = {}
    # Parents first, whatever order the rows came in (the plan has no loops).
    while pending:
        waiting = []
        for new in pending:
            parent = new.parent
            parent_unit = None if parent is None else parent.unit or created.get(id(parent))
            if parent is not None and parent_unit is None:
                waiting.append(new)
                continue
            unit = Unit(name=new.entry.name, level=new.level, parent=parent_unit)
            created[id(new.entry)] = common.add(session, unit)
        assert len(waiting) < len(pending), "plan_units refuses loops"
        pending = waiting
    return {"units": len(created)}


def import_cadres(session: Session, rows: list[Row], today: date, now: datetime) -> dict[str, int]:
    # Before the known people are read, so a concurrent import of the same file finds them.
    repo.lock_sheet(session, "cadres")
    directory = Directory.of_units(unit_repo.all_units(session))
    people = {
        person_key(c.full_name, c.date_of_birth): c for c in repo.cadres_with_posts(session, active_only=True)
    }
    created = updated = posts = 0
    for person in plan_cadres(rows, directory, people, today):
        cadre = person.existing
        if cadre is None:
            cadre = Cadre(full_name=person.full_name, date_of_birth=person.date_of_birth)
            session.add(cadre)
            created += 1
        else:
            updated += 1
        if "gender" in person.fields:
            cadre.gender = person.fields["gender"]
        if "standing" in person.fields:
            cadre.standing_committee_unit = person.fields["standing"]
        if "retirement" in person.fields:
            cadre.retirement_notice_date = person.fields["retirement"]
        for post in person.posts:
            cadre.posts.append(
                Post(
                    title=post.title,
                    unit_id=post.unit.id,
                    filled_by=post.filled_by,
                    since=post.since,
                    ended_on=post.ended_on,
                )
            )
            posts += 1
        session.flush()
        eligibility.reassess_cadre(session, cadre, now)
    return {"cadres": created, "cadres_updated": updated, "posts": posts}


def import_roster(session: Session, round_id: str, rows: list[Row]) -> dict[str, int]:
    round_ = get_locked_round(session, round_id)
    require_editable(round_)
    errors: list[RowError] = []
    headers = {c.key: c.header for c in ROSTER.columns}
    existing = {(key(r.full_name), key(r.contact)) for r in round_.roster}
    seen: dict[tuple[str, str], int] = {}
    entries = []
    for row in rows:
        cells = Cells(row.number, row.values, headers, errors)
        name = cells.text("full_name", required=True, length=NAME_LENGTH)
        title, contact = cells.text("title"), cells.text("contact")
        found = (key(name), key(contact))
        if name and found in existing:
            cells.fail("full_name", f"{name} đã có trong danh sách triệu tập của hội nghị; bỏ dòng này")
        elif name and found in seen:
            cells.fail("full_name", f"{name} lặp lại trong tệp (dòng {seen[found]}); chỉ giữ một dòng")
        seen.setdefault(found, row.number)
        entries.append((name, title, contact))
    if errors:
        raise ImportFailed(errors, len(rows))
    start = round_repo.next_position(session, RosterEntry, round_.id)
    common.add_all(
        session,
        [
            RosterEntry(round_id=round_.id, position=start + i, full_name=n, title=t, contact=c)
            for i, (n, t, c) in enumerate(entries)
        ],
    )
    return {"roster_entries": len(entries)}


def _posts_or_nothing(cadre: Cadre) -> list[Post | None]:
    return [*cadre.posts] or [None]


def _post_cells(directory: Directory, post: Post | None) -> list[object]:
    if post is None:  # a person without posts still has a row, so an export loses no one
        return [None] * 5
    return [
        post.title,
        directory.label(post.unit),
        FILLED_BY_LABELS[post.filled_by],
        post.since,
        post.ended_on,
    ]


def export_rows(session: Session, sheet: str, round_id: str | None) -> list[list[object]]:
    """The rows of an export; unit names are qualified with their parent only where ambiguous."""
    if sheet == "roster":
        if round_id is None:
            raise InvalidInput("give round_id to export a roster", details={"field": "round_id"})
        return [[r.full_name, r.title, r.contact] for r in get_round(session, round_id).roster]
    units = unit_repo.all_units(session)
    directory = Directory.of_units(units)
    if sheet == "units":
        return [
            [u.name, LEVEL_LABELS[u.level], directory.label(u.parent) or None]
            for u in units
            if u.archived_at is None
        ]
    return [
        [
            c.full_name,
            c.date_of_birth,
            GENDER_LABELS.get(c.gender) if c.gender else None,
            *_post_cells(directory, post),
            directory.label(c.standing_committee_unit) or None,
            c.retirement_notice_date,
        ]
        for c in repo.cadres_with_posts(session, active_only=True)
        for post in _posts_or_nothing(c)
    ]
