"""Code slips: issued before voting opens, stored only as keyed hashes, spent online or on paper.

``issue_slips`` is what both slip endpoints call (JSON here, the printable PDF beside it): the codes
leave the service exactly once, in the answer, and never reach the database or a log.
"""

from __future__ import annotations

import os

from sqlalchemy.orm import Session

from ballots.codes import code_digest, new_code, parse_code, round_key
from ballots.errors import Conflict, InvalidInput, NotFound

from ..documents.slips import render_slips
from ..models import CredentialState, RoundStatus
from ..repositories import rounds as rounds_repo
from ..repositories import voting as repo
from .eligibility import PREPARING
from .rounds import get_locked

CODE_PURPOSE = "code"


def digest_of(secret: bytes, round_id: str, code: str) -> str:
    """The keyed hash stored for a code; a mistyped code is refused here (422, which character)."""
    return code_digest(round_key(secret, round_id, CODE_PURPOSE), code)


def issue_slips(session: Session, round_id: str, count: int | None, secret: bytes) -> list[str]:
    """``count`` new codes (default: one per summoned voter) replacing every earlier slip of the round."""
    round_ = get_locked(session, round_id)  # one issue at a time, and never while the round opens
    if round_.archived_at is not None or round_.status not in PREPARING:
        state = "archived" if round_.archived_at is not None else round_.status.value
        raise Conflict(
            f"round '{round_.title}' is {state}; slips are issued only before voting opens",
            message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {state}; "
            "chỉ in phiếu mã trước khi mở bỏ phiếu",
            details={"status": state},
        )
    if count is None:
        count = rounds_repo.member_counts(session, [round_id])[round_id].roster
        if count == 0:
            raise InvalidInput(
                "the round has no summoned voters: give the number of slips ('count')",
                message_vi="Hội nghị chưa có danh sách người được triệu tập: hãy nhập số phiếu mã cần in",
                details={"field": "count"},
            )
    key = round_key(secret, round_id, CODE_PURPOSE)
    codes: dict[str, str] = {}
    while len(codes) < count:  # a repeated digest (2^-80) is simply drawn again
        code = new_code(os.urandom(10))
        codes[code_digest(key, code)] = code
    repo.replace_credentials(session, round_id, list(codes))
    return list(codes.values())


def vote_url(public_url: str, round_id: str) -> str:
    """The round's voting address as the slips print it (the voter pages, app/web/vote_pages.py)."""
    return f"{public_url.rstrip('/')}/bo-phieu/{round_id}"


def issue_slips_pdf(
    session: Session, round_id: str, count: int | None, secret: bytes, public_url: str
) -> tuple[bytes, str]:
    """The same issue as ``issue_slips``, printed: the A4 PDF of the slips and its file name.

    The PDF is made inside the issuing transaction: if it cannot be made (a title too long for a
    slip), nothing is issued and the earlier slips stay valid.
    """
    codes = issue_slips(session, round_id, count, secret)
    round_ = get_locked(session, round_id)
    pdf = render_slips(
        round_title=round_.title,
        unit_name=round_.unit.name,
        vote_date=round_.vote_date,
        venue=round_.venue.strip() or "Theo giấy triệu tập",
        codes=codes,
        vote_url=vote_url(public_url, round_id),
    )
    return pdf, f"phieu-ma-{round_.vote_date:%Y%m%d}-{round_id[:8]}.pdf"


def spend_on_paper(session: Session, round_id: str, code: str, secret: bytes) -> None:
    """The voter took a paper ballot: the slip can never be used online afterwards (nor twice here)."""
    canonical = parse_code(code)
    round_ = get_locked(session, round_id)
    if round_.status is not RoundStatus.OPEN:
        raise Conflict(
            f"round '{round_.title}' is {round_.status.value}; paper ballots are handed out while it is open",
            message_vi=f"Hội nghị '{round_.title}' đang ở trạng thái {round_.status.value}; "
            "chỉ phát phiếu giấy khi đang bỏ phiếu",
            details={"status": round_.status.value},
        )
    digest = digest_of(secret, round_id, canonical)
    if repo.spend(session, round_id, digest, CredentialState.PAPER):
        return
    found = repo.credential_state(session, round_id, digest)
    if found is None:
        raise NotFound(
            "no slip of this round has this code",
            message_vi="Không có phiếu mã nào của hội nghị này mang mã đó",
            details={"field": "code"},
        )
    how, how_vi = (
        ("on paper", "để nhận phiếu giấy") if found[0] is CredentialState.PAPER else ("online", "trực tuyến")
    )
    raise Conflict(
        f"this slip was already used {how}; it gives no paper ballot",
        message_vi=f"Phiếu mã này đã được dùng {how_vi}; không phát thêm phiếu giấy",
        details={"field": "code", "spent": found[0].value},
    )
