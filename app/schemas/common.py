"""Shapes shared by every resource: pages of results and the error body."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any, ClassVar, Generic, Self, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic import Strict as StrictType

from ballots.records import has_control_characters

T = TypeVar("T")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value: Any) -> Any:
    """Dates are YYYY-MM-DD strings: a number would otherwise be read as seconds since 1970."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not ISO_DAY.match(value):
        raise ValueError(f"expected a date written YYYY-MM-DD (e.g. 2027-09-20), got {value!r:.40}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a day of the calendar; write it YYYY-MM-DD") from None


# Field types for bodies and queries that never coerce: `false` is not 0, `0` is not 1970-01-01.
Day = Annotated[date, BeforeValidator(_iso_day)]
Int = Annotated[int, StrictType()]
Flag = Annotated[bool, StrictType()]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many match the filters, across all pages.")
    limit: int
    offset: int


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no round with id '…'"])
    details: Any = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Strict(BaseModel):
    """Request bodies refuse unknown fields, so a typo is an error instead of being ignored.

    Text is stored composed (NFC), as a Vietnamese keyboard types it: some input methods send "ệ" as
    "e" plus two combining marks, which would never match a search, a duplicate check or a printout.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _clean_text(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if has_control_characters(value):
            raise ValueError("must not contain control characters")
        return unicodedata.normalize("NFC", value)


class Patch(Strict):
    """A PATCH body: a field left out stays as it is; only the fields in ``NULLABLE`` may be emptied."""

    NULLABLE: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _required_fields_stay_filled(self) -> Self:
        emptied = sorted(
            f for f in self.model_fields_set if getattr(self, f) is None and f not in self.NULLABLE
        )
        if emptied:
            raise ValueError(f"{', '.join(emptied)} cannot be emptied; give a value or leave the field out")
        return self


class Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No valid API token"},
    403: {"model": ErrorBody, "description": "The token lacks the right for this"},
    404: {"model": ErrorBody, "description": "Not found"},
    409: {"model": ErrorBody, "description": "Conflicts with existing data"},
    422: {"model": ErrorBody, "description": "Invalid input, or refused by the regulation"},
}
