"""The units sheet checked as a whole: names, levels, parents (earlier, later or in the database)."""

from __future__ import annotations

from dataclasses import dataclass

from ballots.levels import UnitLevel
from ballots.records import NAME_LENGTH

from .errors import ImportFailed, RowError
from .parse import LEVEL_HINT, LEVELS, Cells
from .reader import Row
from .references import Directory, Entry, ambiguity
from .sheets import UNITS

HEADERS = {c.key: c.header for c in UNITS.columns}


@dataclass(eq=False)
class NewUnit:
    entry: Entry
    level: UnitLevel
    parent: Entry | None


def _cycle(directory: Directory, entry: Entry) -> list[Entry] | None:
    """The chain of new units that leads from ``entry`` back to itself, if its parents loop."""
    chain, current = [entry], directory.parent_of(entry)
    while current is not None and current.unit is None:
        if current is entry:
            return [*chain, entry]
        if current in chain:
            return None  # a loop further up; its own rows report it
        chain.append(current)
        current = directory.parent_of(current)
    return None


def plan_units(rows: list[Row], directory: Directory) -> list[NewUnit]:
    """Every row checked against the others and the database; all errors, or the units to create."""
    errors: list[RowError] = []
    parsed: list[tuple[Row, Entry | None, UnitLevel | None]] = []
    for row in rows:
        cells = Cells(row.number, row.values, HEADERS, errors)
        name = cells.text("name", required=True, length=NAME_LENGTH)
        level = cells.choice("level", LEVELS, LEVEL_HINT, required=True)
        parent_ref = cells.text("parent")
        entry = directory.add(Entry(name, row=row.number, parent_ref=parent_ref)) if name else None
        parsed.append((row, entry, level))
    levels = {id(entry): level for _, entry, level in parsed if entry is not None}

    planned: list[NewUnit] = []
    for row, entry, level in parsed:
        if entry is None:
            continue
        cells = Cells(row.number, row.values, HEADERS, errors)
        parent: Entry | None = None
        if entry.parent_ref:
            found = directory.find(entry.parent_ref)
            if not found:
                cells.fail(
                    "parent",
                    f"Không tìm thấy đơn vị cấp trên '{entry.parent_ref}' trong hệ thống hay trong tệp; "
                    "kiểm tra chính tả hoặc thêm dòng cho đơn vị đó",
                )
            elif len(found) > 1:
                cells.fail("parent", ambiguity(directory, entry.parent_ref, found))
            else:
                parent = found[0]
        if parent is not None or not entry.parent_ref:
            twins = [
                e for e in directory.named(entry.name) if e is not entry and directory.parent_of(e) is parent
            ]
            where = f"thuộc '{parent.name}'" if parent is not None else "ở cấp cao nhất"
            if any(t.unit is not None for t in twins):
                cells.fail("name", f"Đơn vị này đã có trong hệ thống ({where}); bỏ dòng này")
            elif twins:
                others = ", ".join(str(t.row) for t in twins)
                cells.fail(
                    "name", f"Tên đơn vị lặp lại trong tệp ({where}), ở dòng {others}; chỉ giữ một dòng"
                )
        parent_level = (parent.unit.level if parent.unit else levels.get(id(parent))) if parent else None
        if level is UnitLevel.PROVINCE and parent_level is UnitLevel.DISTRICT:
            cells.fail(
                "level",
                f"Đơn vị cấp tỉnh không thể trực thuộc đơn vị cấp huyện '{parent.name if parent else ''}'; "
                "sửa cấp hoặc đơn vị cấp trên",
            )
        if (loop := _cycle(directory, entry)) is not None:
            path = " → ".join(e.name for e in loop)
            cells.fail("parent", f"Các đơn vị cấp trên tham chiếu vòng tròn ({path}); sửa đơn vị cấp trên")
        if level is not None:
            planned.append(NewUnit(entry, level, parent))
    if errors:
        raise ImportFailed(errors, len(rows))
    return planned
