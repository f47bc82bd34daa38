"""Units named in a sheet: by name, or as 'Name (Parent)' when the name alone is ambiguous.

Unit names are unique only under one parent ("Phòng Nội vụ" exists in every district), so a cell
may qualify a name with its parent's reference, recursively: 'Phòng Nội vụ (Huyện Đông Sơn)'.
Entries are database units and rows of the file being imported; a row's parent is found lazily
from the reference it typed, so a parent may sit on a later row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..models import Unit
from ..text import text_key

# Sheets compare names exactly as the unique indexes on units and plans do.
key = text_key


@dataclass(eq=False)
class Entry:
    name: str
    unit: Unit | None = None  # a unit already in the database
    row: int = 0  # or a row of the file
    parent_ref: str = ""  # a row's parent, as typed


class Directory:
    def __init__(self) -> None:
        self._named: dict[str, list[Entry]] = defaultdict(list)
        self._of_unit: dict[str, Entry] = {}
        self._parents: dict[int, Entry | None] = {}
        self._resolving: set[int] = set()

    @classmethod
    def of_units(cls, units: list[Unit]) -> Directory:
        directory = cls()
        for unit in units:
            directory.add(Entry(unit.name, unit=unit))
        return directory

    def add(self, entry: Entry) -> Entry:
        self._named[key(entry.name)].append(entry)
        if entry.unit is not None:
            self._of_unit[entry.unit.id] = entry
        return entry

    def named(self, name: str) -> list[Entry]:
        """Entries with exactly this name, without reading it as 'Name (Parent)'."""
        return list(self._named.get(key(name), []))

    def entry_of(self, unit: Unit) -> Entry:
        return self._of_unit[unit.id]

    def parent_of(self, entry: Entry) -> Entry | None:
        if entry.unit is not None:
            parent = entry.unit.parent
            return self._of_unit.get(parent.id) if parent is not None else None
        if not entry.parent_ref:
            return None
        ident = id(entry)
        if ident not in self._parents:
            if ident in self._resolving:  # a reference that leads back to itself names nothing
                return None
            self._resolving.add(ident)
            found = self.find(entry.parent_ref)
            self._resolving.discard(ident)
            self._parents[ident] = found[0] if len(found) == 1 else None
        return self._parents[ident]

    def find(self, ref: str) -> list[Entry]:
        """Every entry the reference may mean: one is an answer, none or several are an error."""
        wanted = key(ref)
        found = list(self._named.get(wanted, []))
        if wanted.endswith(")"):
            # Names may contain brackets themselves, so try every '(' as the start of the qualifier.
            for index, char in enumerate(wanted):
                name, parent_ref = wanted[:index].strip(), wanted[index + 1 : -1].strip()
                if char != "(" or not name or not parent_ref:
                    continue
                parents = self.find(parent_ref)
                found += [e for e in self._named.get(name, []) if self.parent_of(e) in parents]
        return list(dict.fromkeys(found))

    def described(self, entry: Entry) -> str:
        """The name with its parent's name, for messages: 'Phòng Nội vụ (Huyện Đông Sơn)'."""
        parent = self.parent_of(entry)
        return f"{entry.name} ({parent.name})" if parent is not None else entry.name

    def label(self, unit: Unit | None) -> str:
        """The shortest reference that names this unit alone, as the export writes it."""
        if unit is None:
            return ""
        entry = self.entry_of(unit)
        if len(self._named[key(entry.name)]) == 1 or unit.parent is None:
            return unit.name
        qualified = f"{unit.name} ({self.label(unit.parent)})"
        return qualified if self.find(qualified) == [entry] else unit.name


def ambiguity(directory: Directory, ref: str, found: list[Entry]) -> str:
    options = [directory.described(e) for e in found]
    return (
        f"Có {len(found)} đơn vị tên '{ref}': {'; '.join(options)}. "
        f"Hãy ghi kèm đơn vị cấp trên trong ngoặc, ví dụ '{options[0]}'"
    )
