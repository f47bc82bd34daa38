"""Rounds ("hội nghị lấy phiếu"): scheduling under the legal calendar and the status workflow."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from ballots.calendar import check_schedule, deadlines
from ballots.errors import Conflict, InvalidInput
from ballots.levels import PlaceKind, RoundKind, Rulebook

from ..models import Plan, Round
from ..models.plan import RoundStatus
from ..repositories import common
from ..repositories import rounds as repo
from ..repositories.common import archive as archive_entity
from ..repositories.common import get_or_404, not_found
from ..schemas.rounds import RoundIn, RoundPatch
from . import eligibility, round_keys
from .round_keys import KeyShare
from .units import get_active

NEXT: dict[RoundStatus, tuple[RoundStatus, ...]] = {
    RoundStatus.DRAFT: (RoundStatus.SCHEDULED,),
    RoundStatus.SCHEDULED: (RoundStatus.DRAFT, RoundStatus.OPEN),
    RoundStatus.OPEN: (RoundStatus.CLOSED,),
    RoundStatus.CLOSED: (RoundStatus.COUNTED,),
    RoundStatus.COUNTED: (RoundStatus.PUBLISHED,),
    RoundStatus.PUBLISHED: (),
}
EDITABLE = eligibility.PREPARING
# Statuses with figures behind them: reached only through their own routes, never as a bare label.
BY_ITS_OWN_ROUTE = {
    RoundStatus.CLOSED: ("close", "closing it (present, slips not handed out)", "thao tác kết thúc bỏ phiếu"),
    RoundStatus.COUNTED: ("count", "counting it", "thao tác kiểm phiếu"),
    RoundStatus.PUBLISHED: ("publish", "publishing its results", "thao tác công bố kết quả"),
}


def get(session: Session, round_id: str) -> Round:
    return get_or_404(session, Round, round_id, "round")


def get_locked(session: Session, round_id: str) -> Round:
    """The round, locked until the transaction ends: changes to its members and status take turns."""
    round_ = repo.get_for_update(session, round_id)
    if round_ is None:
        raise not_found("round", round_id)
    return round_


def search(
    session: Session,
    *,
    plan_id: str | None,
    unit_id: str | None,
    status: RoundStatus | None,
    rulebook: Rulebook | None,
    date_from: date | None,
    date_to: date | None,
    include_archived: bool,
    limit: int,
    offset: int,
    only: list[str] | None = None,
) -> tuple[list[Round], int]:
    """``only``: the rounds the caller may see (a committee account's own), ``None`` for all."""
    if date_from is not None and date_to is not None and date_from > date_to:
        # An empty page would hide the typo; say which bound is wrong instead.
        raise InvalidInput(
            f"date_from {date_from.isoformat()} is after date_to {date_to.isoformat()}; swap them",
            message_vi=f"Từ ngày {date_from:%d/%m/%Y} sau đến ngày {date_to:%d/%m/%Y}; hãy đổi chỗ hai ngày",
            details={"date_from": date_from.isoformat(), "date_to": date_to.isoformat()},
        )
    return repo.search(
        session,
        plan_id=plan_id,
        unit_id=unit_id,
        status=status,
        rulebook=rulebook,
        date_from=date_from,
        date_to=date_to,
        include_archived=include_archived,
        limit=limit,
        offset=offset,
        only=only,
    )


def listed(
    session: Session, *, status: RoundStatus | None = None, only: list[str] | None = None, limit: int = 200
) -> list[Round]:
    """Rounds for a page's choices: not archived, optionally of one status or among ``only``."""
    found, _ = search(
        session,
        plan_id=None,
        unit_id=None,
        status=status,
        rulebook=None,
        date_from=None,
        date_to=None,
        include_archived=False,
        limit=limit,
        offset=0,
        only=only,
    )
    return found


def require_editable(round_: Round) -> None:
    if round_.archived_at is not None:
        raise Conflict(
            f"round '{round_.title}' is archived",
            message_vi=f"Hội nghị '{round_.title}' đã lưu trữ",
            details={"status": "archived"},
        )
    if round_.status not in EDITABLE:
        raise Conflict(
            f"round '{round_.title}' is {round_.status.value}; it changes only while draft or scheduled",
            message_vi=(
                f"Hội nghị '{round_.title}' đang ở trạng thái {round_.status.value}; "
                "chỉ sửa được khi còn là bản nháp hoặc đã lên lịch"
            ),
            details={"status": round_.status.value},
        )


def _place_kind(rulebook: Rulebook, kind: PlaceKind | None) -> PlaceKind:
    kind = kind or (PlaceKind.COUNCIL if rulebook is Rulebook.NQ96 else PlaceKind.WORKPLACE)
    if (rulebook is Rulebook.NQ96) != (kind is PlaceKind.COUNCIL):
        raise InvalidInput(
            "an nq96 round is a People's Council session and a council session votes under nq96",
            message_vi="Hội nghị theo nq96 là kỳ họp HĐND, và kỳ họp HĐND lấy phiếu theo nq96",
            details={"rulebook": rulebook.value, "place_kind": kind.value},
        )
    return kind


def _check_date(plan: Plan, vote_date: date, today: date, override_reason: str | None) -> str | None:
    if vote_date.year != plan.vote_year:
        raise InvalidInput(
            f"the vote date {vote_date.isoformat()} is not in the plan's vote year {plan.vote_year}",
            message_vi=(
                f"Ngày bỏ phiếu {vote_date:%d/%m/%Y} không thuộc năm lấy phiếu {plan.vote_year} của kế hoạch"
            ),
            details={"field": "vote_date"},
        )
    return check_schedule(vote_date, today, override_reason).override_reason


def _warnings(round_: Round, today: date) -> list[tuple[str, str]]:
    """What an organizer should see before the conference, in English and Vietnamese: a late
    vote, deadlines already missed."""
    found = []
    completion = round_.plan.completion_date
    if completion is not None and round_.vote_date > completion:
        found.append(
            (
                f"the vote is after the plan's completion date {completion.isoformat()}",
                f"Ngày hội nghị sau hạn hoàn thành của kế hoạch ({completion:%d/%m/%Y})",
            )
        )
    if round_.status in (RoundStatus.DRAFT, RoundStatus.SCHEDULED):
        for milestone, day in deadlines(round_.vote_date).items():
            if day < today:
                found.append(
                    (
                        f"the D-{milestone.days_before} deadline ({milestone.value}) was {day.isoformat()}, "
                        "already past: record what arrived and when, or move the vote date",
                        f"Hạn D−{milestone.days_before} ({milestone.label_vi}) là {day:%d/%m/%Y}, đã qua: "
                        "hãy ghi nhận tài liệu đã đến và thời điểm đến, hoặc dời ngày hội nghị",
                    )
                )
    return found


def warnings(round_: Round, today: date) -> list[str]:
    return [en for en, _ in _warnings(round_, today)]


def warnings_vi(round_: Round, today: date) -> list[str]:
    return [vi for _, vi in _warnings(round_, today)]


def create(session: Session, data: RoundIn, today: date) -> Round:
    plan = get_or_404(session, Plan, data.plan_id, "plan")
    if plan.archived_at is not None:
        raise Conflict(
            f"plan '{plan.number}' is archived",
            message_vi=f"Kế hoạch '{plan.number}' đã lưu trữ",
            details={"plan_id": plan.id},
        )
    get_active(session, data.unit_id)
    round_keys.check_setting(data.sealing, data.threshold)
    if data.kind is RoundKind.FOLLOW_UP and data.rulebook is not Rulebook.NQ96:
        raise InvalidInput(
            "a follow-up vote (trust / no trust) is held only under nq96, by a People's Council",
            message_vi="Bỏ phiếu tín nhiệm (tín nhiệm / không tín nhiệm) chỉ áp dụng theo nq96, "
            "tại kỳ họp HĐND",
            details={"field": "kind", "rulebook": data.rulebook.value},
        )
    round_ = Round(
        kind=data.kind,
        plan_id=plan.id,
        unit_id=data.unit_id,
        title=data.title,
        venue=data.venue,
        vote_date=data.vote_date,
        rulebook=data.rulebook,
        place_kind=_place_kind(data.rulebook, data.place_kind),
        schedule_override_reason=_check_date(plan, data.vote_date, today, data.override_reason),
        sealing=data.sealing,
        sealing_threshold=data.threshold,
    )
    common.add(session, round_)
    session.refresh(round_)
    return round_


def update(session: Session, round_id: str, data: RoundPatch, now: datetime, today: date) -> Round:
    # Locked, so the round cannot open between the check below and the change.
    round_ = get_locked(session, round_id)
    require_editable(round_)
    changes = data.model_dump(exclude_unset=True, exclude={"override_reason"})
    round_keys.patch_setting(round_, changes)
    if "unit_id" in changes:
        get_active(session, changes["unit_id"])
    if "place_kind" in changes:
        _place_kind(round_.rulebook, changes["place_kind"])
    if "vote_date" in changes and changes["vote_date"] != round_.vote_date:
        round_.schedule_override_reason = _check_date(
            round_.plan, changes["vote_date"], today, data.override_reason
        )
    # These move the round as a place (date, level, locality, priority) or rename it in the reasons
    # stored on the cadres' other rounds; the venue text changes no verdict.
    moved = any(
        k in changes and changes[k] != getattr(round_, k)
        for k in ("title", "vote_date", "unit_id", "place_kind")
    )
    for key, value in changes.items():
        setattr(round_, key, value)
    session.flush()
    session.refresh(round_)
    if moved:
        eligibility.reassess_round(session, round_, now)
    return round_


def change_status(
    session: Session,
    round_id: str,
    status: RoundStatus,
    override_reason: str | None,
    today: date,
    secret: bytes,
) -> tuple[Round, list[KeyShare]]:
    """The round in its new status; opening keys its ballot box (committee shares are returned once)."""
    # Locked: opening a round while a candidate is being added would print a ballot without them.
    round_ = get_locked(session, round_id)
    if round_.archived_at is not None:
        raise Conflict(
            f"round '{round_.title}' is archived; its status no longer changes",
            message_vi=f"Hội nghị '{round_.title}' đã lưu trữ; không đổi trạng thái được nữa",
            details={"status": "archived"},
        )
    allowed = NEXT[round_.status]
    if status not in allowed:
        names = ", ".join(s.value for s in allowed) or "none (the round is published)"
        raise Conflict(
            f"a {round_.status.value} round cannot become {status.value}; next: {names}",
            message_vi=f"Hội nghị ở trạng thái {round_.status.value} không chuyển sang {status.value} được; "
            f"trạng thái tiếp theo: {names}",
            details={"status": round_.status.value, "allowed": [s.value for s in allowed]},
        )
    if status in BY_ITS_OWN_ROUTE:
        path, what, what_vi = BY_ITS_OWN_ROUTE[status]
        raise InvalidInput(
            f"a round becomes {status.value} only by {what}: POST /api/v1/rounds/{{id}}/{path}",
            message_vi=f"Hội nghị chỉ chuyển sang trạng thái {status.value} qua {what_vi}",
            details={"field": "status", "use": f"/api/v1/rounds/{round_id}/{path}"},
        )
    if status is RoundStatus.SCHEDULED:
        # Time has passed since the draft was saved: the 20-day rule is checked again now.
        reason = override_reason or round_.schedule_override_reason
        round_.schedule_override_reason = _check_date(round_.plan, round_.vote_date, today, reason)
    shares: list[KeyShare] = []
    if status is RoundStatus.OPEN:
        _check_ready(round_)
        shares = round_keys.make(session, round_, secret)
    round_.status = status
    session.flush()
    return round_, shares


def _check_ready(round_: Round) -> None:
    missing, missing_vi = [], []
    if not any(c.eligible for c in round_.candidates):
        missing.append("at least one eligible candidate")
        missing_vi.append("ít nhất một người đủ điều kiện lấy phiếu")
    if not round_.roster:
        missing.append("a roster of summoned voters")
        missing_vi.append("danh sách người được triệu tập")
    if missing:
        raise InvalidInput(
            f"the round cannot open without {' and '.join(missing)}",
            message_vi=f"Chưa mở bỏ phiếu được: còn thiếu {' và '.join(missing_vi)}",
            details={"missing": missing},
        )


def archive(session: Session, round_id: str, now: datetime) -> Round:
    round_ = archive_entity(session, get_locked(session, round_id), now)
    # An archived round holds no place any more, so a refused third place may now be free.
    eligibility.reassess_cadres(session, {c.cadre_id for c in round_.candidates}, now)
    return round_


def delete(session: Session, round_id: str, now: datetime) -> None:
    round_ = get_locked(session, round_id)
    if round_.status not in EDITABLE:
        raise Conflict(
            f"round '{round_.title}' is {round_.status.value} and may hold ballots; archive it instead",
            message_vi=(
                f"Hội nghị '{round_.title}' đã ở trạng thái {round_.status.value}, có thể đã có phiếu; "
                "hãy lưu trữ thay vì xóa"
            ),
            details={"status": round_.status.value},
        )
    cadre_ids = {c.cadre_id for c in round_.candidates}
    common.delete(session, round_)
    eligibility.reassess_cadres(session, cadre_ids, now)
