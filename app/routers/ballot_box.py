"""Casting a ballot (no token, no cookie: the code is the credential).

Mounted before every other route (app/main.py): a request is matched against the routes in order,
and the one that comes by the hundred a second should not walk past a hundred others first.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from ..deps import BoxesDep, CodeAttemptDep, SecretDep, WriteUnitDep
from ..schemas.common import ERROR_RESPONSES
from ..schemas.voting import CastIn, ReceiptOut
from ..services import casting

router = APIRouter(prefix="/api/v1/rounds/{round_id}", tags=["voting"], responses=ERROR_RESPONSES)
REFUSED: dict[int | str, dict[str, Any]] = {
    200: {"model": ReceiptOut, "description": "This very ballot was cast before: its receipt again"},
    403: ERROR_RESPONSES[403] | {"description": "The code is unknown or already used"},
}


@router.post(
    "/ballots",
    response_model=ReceiptOut,
    status_code=201,
    summary="Cast a ballot with a code (no token); the identical request again answers 200",
    responses=REFUSED,
)
async def cast(
    round_id: str,
    body: CastIn,
    unit: WriteUnitDep,
    secret: SecretDep,
    attempt: CodeAttemptDep,
    boxes: BoxesDep,
) -> Response:
    # A coroutine that sends the work and its commit to the thread pool in one hop (app/write_unit.py)
    # and answers with the response itself (no second validation of a two-field answer).
    prepare = partial(casting.prepare, round_id, body.code, body.choices, secret, boxes)
    store = partial(
        casting.store, round_id=round_id, code=body.code, choices=body.choices, secret=secret, boxes=boxes
    )
    with attempt.of(round_id):
        made, stored = await unit.run(prepare, store)
    return JSONResponse({"receipt": made}, status_code=201 if stored else 200)
