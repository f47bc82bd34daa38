"""What a committee account may reach: the rounds whose counting committee it sits on, nothing else.

Organizers and admins act on every round; observers read every round and act on none; a committee
account (role committee) reads and acts on the conference day of its own rounds only. An unknown
round is "not found" for everyone, so the answer for a round one may not reach says only that.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ballots.errors import PermissionDenied

from ..models.user import Role
from ..repositories import committee as repo
from ..repositories.common import not_found
from ..security import Scope
from .auth import Principal


def is_committee(principal: Principal) -> bool:
    return principal.role is Role.COMMITTEE


def refuse_outside_rounds(principal: Principal) -> None:
    """Plans, units, cadres and documents at large are not a committee account's business."""
    if is_committee(principal):
        raise PermissionDenied(
            "a committee account reaches only the rounds whose counting committee it sits on",
            message_vi="Tài khoản kiểm phiếu chỉ truy cập được hội nghị mà mình là thành viên tổ kiểm phiếu",
            details={"role": principal.role.value},
        )


def _require_seat(session: Session, principal: Principal, round_id: str) -> None:
    if not repo.round_exists(session, round_id):
        raise not_found("round", round_id)
    if not repo.sits_on(session, round_id, principal.user_id):
        raise PermissionDenied(
            "you are not on the counting committee of this round; ask its organizer to give you an account "
            "linked to the committee",
            message_vi="Bạn không thuộc tổ kiểm phiếu của hội nghị này; hãy đề nghị người tổ chức cấp tài "
            "khoản gắn với tổ kiểm phiếu",
            details={"round_id": round_id},
        )


def _lacks(principal: Principal, scope: Scope) -> PermissionDenied:
    held = ", ".join(sorted(principal.scopes)) or "none"
    return PermissionDenied(
        f"this needs the '{scope.value}' right; your token has: {held}",
        details={"needed": scope.value, "role": principal.role.value},
    )


def require_read(session: Session, principal: Principal, round_id: str) -> None:
    """Read one round: any reader, a committee account only on its own rounds."""
    if Scope.READ not in principal.scopes:
        raise _lacks(principal, Scope.READ)
    if is_committee(principal):
        _require_seat(session, principal, round_id)


def require_act(session: Session, principal: Principal, round_id: str) -> None:
    """Do the round's conference-day work (slips, paper ballots): organizers, admins, and the
    round's own committee members."""
    if is_committee(principal):
        if Scope.READ not in principal.scopes:
            raise _lacks(principal, Scope.READ)
        _require_seat(session, principal, round_id)
    elif Scope.WRITE not in principal.scopes:
        raise _lacks(principal, Scope.WRITE)


def visible_round_ids(session: Session, principal: Principal) -> list[str] | None:
    """The rounds a caller may list: ``None`` for all of them."""
    return repo.round_ids_of(session, principal.user_id) if is_committee(principal) else None


def result_scopes(session: Session, principal: Principal, round_id: str) -> frozenset[Scope]:
    """The rights a caller reads a round's results with: a committee account reads its own rounds'
    results once counted (its members sign the minutes), and other rounds' only once published,
    like another system's ``results`` token."""
    if is_committee(principal) and not repo.sits_on(session, round_id, principal.user_id):
        return (principal.scopes - {Scope.READ}) | {Scope.RESULTS}
    return principal.scopes
