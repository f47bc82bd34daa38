"""Forms of the data pages: fields in, the API's own schema checks, refusals in Vietnamese.

A form is validated by the same Pydantic schema as the JSON body of the matching API call (built
from JSON, so dates and numbers are read exactly as the API reads them): one set of rules, and an
empty field means "not given", as a blank cell does in the import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from ballots.errors import BallotsError, InvalidInput, PermissionDenied

from ..error_messages import field_problem, vietnamese_fallback
from ..errors import status_for
from ..security import Scope
from ..services import committee_access
from ..services.auth import Principal

M = TypeVar("M", bound=BaseModel)

# The field names of the schemas, as the forms label them.
LABELS_VI = {
    "name": "Tên",
    "level": "Cấp",
    "parent_id": "Đơn vị cấp trên",
    "full_name": "Họ và tên",
    "date_of_birth": "Ngày sinh",
    "gender": "Giới tính",
    "retirement_notice_date": "Ngày có thông báo nghỉ hưu",
    "standing_committee_unit_id": "Ủy viên Ban Thường vụ của",
    "title": "Chức vụ",
    "unit_id": "Đơn vị",
    "filled_by": "Hình thức",
    "since": "Từ ngày",
    "ended_on": "Đến ngày",
}


def require_catalog(user: Principal) -> None:
    """Plans, units and cadres are not a committee account's business (as in the API)."""
    committee_access.refuse_outside_rounds(user)


def require_writer(user: Principal) -> None:
    if Scope.WRITE not in user.scopes:
        raise PermissionDenied(
            "your role may only read", message_vi="Vai trò của bạn chỉ được xem, không được sửa đổi."
        )


def refusal(exc: BallotsError) -> str:
    """The refusal as the page shows it: its Vietnamese words, or the API's Vietnamese fallback."""
    return exc.message_vi or vietnamese_fallback(exc.code, exc.message)


class Undoable(Protocol):
    def rollback(self) -> None: ...


def undone(session: Undoable, exc: BallotsError) -> tuple[int, str]:
    """A form refused: whatever it began is undone (the page shown next commits nothing), and the
    status and Vietnamese words the page answers with."""
    session.rollback()
    return status_for(exc), refusal(exc)


def given(fields: Mapping[str, str], *, keep_blank: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The filled-in fields, trimmed; those in ``keep_blank`` send an emptied field as null (cleared)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        text = value.strip()
        if text:
            out[key] = text
        elif key in keep_blank:
            out[key] = None
    return out


def parse(model: type[M], data: Mapping[str, Any]) -> M:
    """The schema's object, or InvalidInput naming the first wrong field in Vietnamese."""
    try:
        return model.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        problem = field_problem(dict(exc.errors()[0]))
        label = LABELS_VI.get(problem["field"].split(".")[-1], problem["field"])
        raise InvalidInput(
            f"{problem['field']}: {problem['message']}",
            message_vi=f"{label}: {problem['message_vi']}",
            details={"field": problem["field"]},
        ) from exc


async def form_fields(request: Request) -> dict[str, str]:
    """Every text field of the posted form (files and the CSRF field left out)."""
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf"}
