"""Spreadsheet import: all rows or none, with every problem reported by row and column."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ballots.levels import UnitLevel

from ..models import Cadre, Post, RosterEntry, Unit
from ..repositories import common
from ..repositories import imports as lookups
from ..repositories import rounds as round_repo
from ..repositories import units as unit_repo
from ..spreadsheets.errors import ImportFailed, RowError
from ..spreadsheets.parse import FILLED_BY, GENDERS, LEVELS, Cells
from ..spreadsheets.reader import Row
from ..spreadsheets.sheets import CADRES, ROSTER, UNITS, Sheet
from . import eligibility
from .rounds import get as get_round
from .rounds import require_editable


def _headers(sheet: Sheet) -> dict[str, str]:
    return {c.key: c.header for c in sheet.columns}


def _by_name(units: list[Unit]) -> dict[str, list[Unit]]:
    found: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        found[unit.name.casefold()].append(unit)
    return found


def import_units(session: Session, rows: list[Row]) -> dict[str, int]:
    errors: list[RowError] = []
    existing = _by_name(unit_repo.all_units(session))
    parsed: list[tuple[Row, str, UnitLevel | None, str]] = []
    for row in rows:
        cells = Cells(row.number, row.values, _headers(UNITS), errors)
        name = cells.text("name", required=True)
        level = cells.choice("level", LEVELS, "Tỉnh, Huyện", required=True)
        parsed.append((row, name, level, cells.text("parent")))
    names = Counter(name.casefold() for _, name, _, _ in parsed if name)
    in_file = {name.casefold(): (row, level) for row, name, level, _ in parsed}
    for row, name, _, parent in parsed:
        cells = Cells(row.number, row.values, _headers(UNITS), errors)
        if names[name.casefold()] > 1:
            cells.fail("name", "Tên đơn vị lặp lại trong tệp")
        if parent and parent.casefold() not in in_file and parent.casefold() not in existing:
            cells.fail("parent", f"Không tìm thấy đơn vị cấp trên '{parent}' trong hệ thống hay trong tệp")
        elif parent and parent.casefold() not in in_file and len(existing[parent.casefold()]) > 1:
            cells.fail("parent", f"Có nhiều đơn vị tên '{parent}'; hãy đổi tên cho phân biệt")
        twins = existing.get(name.casefold(), [])
        if any((t.parent.name.casefold() if t.parent else "") == parent.casefold() for t in twins):
            cells.fail("name", "Đơn vị này đã có trong hệ thống")
    if errors:
        raise ImportFailed(errors, len(rows))

    created: dict[str, Unit] = {}
    pending = list(parsed)
    while pending:
        waiting = []
        for row, name, level, parent in pending:
            key = parent.casefold()
            parent_unit = created.get(key) or (
                existing[key][0] if key in existing and key not in in_file else None
            )
            if parent and parent_unit is None:
                waiting.append((row, name, level, parent))
                continue
            assert level is not None
            if (
                parent_unit is not None
                and level is UnitLevel.PROVINCE
                and parent_unit.level is UnitLevel.DISTRICT
            ):
                errors.append(
                    RowError(
                        row.number, "Cấp", "Đơn vị cấp tỉnh không thể trực thuộc đơn vị cấp huyện", "Tỉnh"
                    )
                )
                continue
            unit = Unit(name=name, level=level, parent=parent_unit)
            common.add(session, unit)
            created[name.casefold()] = unit
        if len(waiting) == len(pending):
            errors += [
                RowError(r.number, "Đơn vị cấp trên", "Các đơn vị cấp trên tham chiếu vòng tròn", p)
                for r, _, _, p in waiting
            ]
            break
        pending = waiting
    if errors:
        raise ImportFailed(errors, len(rows))
    return {"units": len(created)}


def import_cadres(session: Session, rows: list[Row], today: date, now: datetime) -> dict[str, int]:
    errors: list[RowError] = []
    units = _by_name([u for u in unit_repo.all_units(session) if u.archived_at is None])
    people = {(c.full_name.casefold(), c.date_of_birth): c for c in lookups.cadres_with_posts(session)}
    headers = _headers(CADRES)
    plans: dict[tuple[str, date | None], list[dict[str, Any]]] = defaultdict(list)
    seen_posts: set[tuple[str, date | None, str, str]] = set()

    def unit_named(cells: Cells, key: str, name: str) -> Unit | None:
        matches = units.get(name.casefold(), [])
        if not matches:
            cells.fail(key, f"Không có đơn vị '{name}' trong hệ thống; hãy nhập danh sách đơn vị trước")
        elif len(matches) > 1:
            cells.fail(key, f"Có nhiều đơn vị tên '{name}'; hãy đổi tên cho phân biệt")
        return matches[0] if len(matches) == 1 else None

    for row in rows:
        cells = Cells(row.number, row.values, headers, errors)
        name = cells.text("full_name", required=True)
        born = cells.date("date_of_birth")
        if born is not None and not 18 <= today.year - born.year <= 100:
            cells.fail("date_of_birth", "Ngày sinh không hợp lý (tuổi phải từ 18 đến 100)")
        gender = cells.choice("gender", GENDERS, "Nam, Nữ")
        title = cells.text("title", required=True)
        unit_name = cells.text("unit", required=True)
        unit = unit_named(cells, "unit", unit_name) if unit_name else None
        filled_by = cells.choice("filled_by", FILLED_BY, "HĐND bầu, Cấp ủy bầu, Bổ nhiệm", required=True)
        since = cells.date("since", required=True)
        if since is not None and since > today:
            cells.fail("since", "Ngày bổ nhiệm/bầu ở tương lai")
        standing_name = cells.text("standing")
        standing = unit_named(cells, "standing", standing_name) if standing_name else None
        retirement = cells.date("retirement")
        post_key = (name.casefold(), born, title.casefold(), unit.id if unit else "")
        person = people.get((name.casefold(), born))
        held = person is not None and any(
            (p.title.casefold(), p.unit_id) == (title.casefold(), unit.id if unit else "")
            for p in person.posts
        )
        if post_key in seen_posts or held:
            cells.fail("title", f"{name} đã có chức vụ '{title}' tại đơn vị này")
        seen_posts.add(post_key)
        plans[(name, born)].append(
            {
                "gender": gender,
                "title": title,
                "unit": unit,
                "filled_by": filled_by,
                "since": since,
                "standing": standing,
                "retirement": retirement,
            }
        )
    if errors:
        raise ImportFailed(errors, len(rows))

    created = updated = posts = 0
    for (name, born), entries in plans.items():
        cadre = people.get((name.casefold(), born))
        if cadre is None:
            cadre = Cadre(full_name=name, date_of_birth=born)
            session.add(cadre)
            created += 1
        else:
            updated += 1
        cadre.gender = next((e["gender"] for e in entries if e["gender"]), cadre.gender)
        standing = next((e["standing"] for e in entries if e["standing"]), None)
        cadre.standing_committee_unit_id = standing.id if standing else cadre.standing_committee_unit_id
        cadre.retirement_notice_date = next(
            (e["retirement"] for e in entries if e["retirement"]), cadre.retirement_notice_date
        )
        for e in entries:
            cadre.posts.append(
                Post(title=e["title"], unit_id=e["unit"].id, filled_by=e["filled_by"], since=e["since"])
            )
            posts += 1
        session.flush()
        eligibility.reassess_cadre(session, cadre, now)
    return {"cadres": created, "cadres_updated": updated, "posts": posts}


def import_roster(session: Session, round_id: str, rows: list[Row]) -> dict[str, int]:
    round_ = get_round(session, round_id)
    require_editable(round_)
    errors: list[RowError] = []
    existing = {(r.full_name.casefold(), r.contact.casefold()) for r in round_.roster}
    seen: set[tuple[str, str]] = set()
    entries = []
    for row in rows:
        cells = Cells(row.number, row.values, _headers(ROSTER), errors)
        name = cells.text("full_name", required=True)
        title, contact = cells.text("title"), cells.text("contact")
        key = (name.casefold(), contact.casefold())
        if name and key in existing:
            cells.fail("full_name", f"{name} đã có trong danh sách triệu tập của hội nghị")
        elif name and key in seen:
            cells.fail("full_name", f"{name} lặp lại trong tệp")
        seen.add(key)
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
