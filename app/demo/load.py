"""Load the demo province in one transaction; every verdict comes from the rule core."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from ballots.calendar import VIETNAM_TZ, Milestone, check_schedule, midterm_year
from ballots.levels import FillMethod, Level, PlaceKind

from ..models import Cadre, Candidate, CommitteeMember, Document, Plan, Post, RosterEntry, Round, Unit
from ..models.organization import Gender
from ..models.plan import RoundStatus
from ..models.user import Role
from ..repositories import common
from ..repositories import plans as plans_repo
from ..services import auth, casting, eligibility, slips, voting
from ..services import rounds as round_service
from . import data
from .counted import count_and_publish

OFFSETS = (8, 12, 17, 25, 35, 45)


@dataclass
class Loaded:
    already: bool
    plan_id: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    passwords: dict[str, str] = field(default_factory=dict)
    token: str = ""
    open_round: OpenRound | None = None
    counted_round_id: str = ""  # voted this morning, counted and published


@dataclass
class OpenRound:
    """The round voting today: where to vote, two codes nobody has used, and the rows of its ballot."""

    id: str
    title: str
    codes: list[str]
    cadre_ids: list[str]
    # (user name, committee member's name): accounts that enter this round's paper ballots
    committee_accounts: list[tuple[str, str]] = field(default_factory=list)


def round_dates(today: date) -> list[date]:
    """Six vote dates in one calendar year, as close to ``OFFSETS`` days ahead as the year allows."""
    end = date(today.year, 12, 31)
    left = (end - today).days
    if left >= OFFSETS[-1]:
        return [today + timedelta(days=o) for o in OFFSETS]
    if left > OFFSETS[3]:
        dates = [today + timedelta(days=o) for o in OFFSETS[:4]]
        return [*dates, min(today + timedelta(days=OFFSETS[4]), end - timedelta(days=1)), end]
    # Too close to the year's end: the whole plan moves into the next year.
    to_new_year = (date(today.year + 1, 1, 1) - today).days
    return [today + timedelta(days=max(o, to_new_year + i)) for i, o in enumerate(OFFSETS)]


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), VIETNAM_TZ).astimezone(UTC)


def voter_name(i: int) -> str:
    family = data.FAMILY[i % len(data.FAMILY)]
    middle = data.MIDDLE[(i // 3) % len(data.MIDDLE)]
    return f"{family} {middle} {data.GIVEN[(i * 7) % len(data.GIVEN)]}"


def load(session: Session, today: date, secret: bytes) -> Loaded:
    """The demo province, loaded once; ``secret`` is the service secret (Settings.secret_bytes), which
    keys the open round's slips and ballot box exactly as the API does."""
    if plans_repo.by_number(session, data.PLAN_NUMBER) is not None:
        return Loaded(already=True)
    now = at(today, 8)
    dates = round_dates(today)
    year = dates[0].year

    units: dict[str, Unit] = {}
    for key, name, level, parent in data.UNITS:
        units[key] = Unit(name=name, level=level, parent=units[parent] if parent else None)
        common.stage(session, units[key])
    common.flush(session)

    cadres: dict[str, Cadre] = {}
    for key, name, born, gender, standing, posts in data.PEOPLE:
        notice_days = data.RETIREMENT_NOTICE_DAYS_AGO.get(key)
        cadre = Cadre(
            full_name=name,
            date_of_birth=date.fromisoformat(born),
            gender=Gender(gender),
            standing_committee_unit_id=units[standing].id if standing else None,
            retirement_notice_date=today - timedelta(days=notice_days) if notice_days else None,
        )
        for title, unit, how, since in posts:
            since_day = date.fromisoformat(since.replace("VOTE_YEAR", str(year)))
            cadre.posts.append(Post(title=title, unit_id=units[unit].id, filled_by=how, since=since_day))
        cadres[key] = cadre
        common.stage(session, cadre)
    common.flush(session)

    plan = _plan(session, data.PLAN_NUMBER, year)
    # The open round votes today, in the plan's year; near the year's end the plan's rounds move into
    # January, and today's round goes into a plan of this year beside it.
    open_plan = plan if today.year == year else _plan(session, data.OPEN_PLAN_NUMBER, today.year)

    rounds: dict[str, Round] = {}
    for spec in data.ROUNDS:
        key, index = spec[0], spec[3]
        rounds[key] = _round(
            session, spec, plan, dates[index], _override(key, dates[index], today), units, cadres
        )
    open_round = _round(session, data.OPEN_ROUND, open_plan, today, None, units, cadres)
    rounds[data.OPEN_ROUND[0]] = open_round
    counted_round = _round(session, data.COUNTED_ROUND, open_plan, today, None, units, cadres)
    rounds[data.COUNTED_ROUND[0]] = counted_round
    common.flush(session)
    for cadre in cadres.values():
        common.refresh(session, cadre)
        eligibility.reassess_cadre(session, cadre, now)

    _documents(session, rounds, cadres, today)
    loaded = Loaded(already=False, plan_id=plan.id)
    voting_today = loaded.open_round = _open_and_vote(session, open_round, today, secret)
    loaded.counted_round_id = count_and_publish(session, counted_round, today, now, secret)
    for username, role, full_name in (
        ("quantri", Role.ADMIN, "Quản trị hệ thống"),
        ("tochuc", Role.ORGANIZER, "Ban Tổ chức Tỉnh ủy"),
        ("kiemphieu", Role.COMMITTEE, "Ban kiểm phiếu"),
        ("kiemphieu2", Role.COMMITTEE, "Ban kiểm phiếu"),
        ("giamsat", Role.OBSERVER, "Ủy ban Kiểm tra Tỉnh ủy"),
    ):
        user, password = auth.create_user(session, username, role, full_name=full_name)
        loaded.passwords[username] = password
        if role is Role.COMMITTEE:
            # The open round's first two committee members: the two passes of a paper ballot.
            member = open_round.committee[len(voting_today.committee_accounts)]
            member.user = user
            voting_today.committee_accounts.append((username, member.full_name))
    _, loaded.token = auth.create_token(session, "tochuc", now, days=90, name="demo")
    loaded.counts = {
        "units": len(units),
        "cadres": len(cadres),
        "plans": 1 if open_plan is plan else 2,
        "rounds": len(rounds),
        "voters": sum(data.ROSTER_SIZES.values()),
        "ineligible": sum(not c.eligible for r in rounds.values() for c in r.candidates),
    }
    return loaded


def _plan(session: Session, number: str, year: int) -> Plan:
    plan = Plan(
        number=number,
        title="Kế hoạch lấy phiếu tín nhiệm giữa nhiệm kỳ đối với cán bộ diện Ban Thường vụ Tỉnh ủy quản lý",
        issuing_body="Ban Thường vụ Tỉnh ủy Hà Sơn",
        term_start=year - 3,
        term_end=year + 2,
        vote_year=year,
        completion_date=date(year, 12, 31),
        publication_audience="Cấp ủy, tập thể lãnh đạo cơ quan, đơn vị và cá nhân người được lấy phiếu",
        publication_days=15,
    )
    assert midterm_year(plan.term_start) == year
    common.stage(session, plan)
    common.flush(session)
    return plan


def _round(
    session: Session,
    spec: data.RoundSpec,
    plan: Plan,
    vote_date: date,
    override: str | None,
    units: dict[str, Unit],
    cadres: dict[str, Cadre],
) -> Round:
    key, title, unit, index, rulebook, kind, status, candidate_keys, committee = spec
    round_ = Round(
        plan_id=plan.id,
        unit_id=units[unit].id,
        title=title,
        venue=f"Hội trường {units[unit].name}",
        vote_date=vote_date,
        rulebook=rulebook,
        place_kind=kind,
        status=RoundStatus(status),
        schedule_override_reason=override,
    )
    common.stage(session, round_)
    common.flush(session)
    names_from = (index if index >= 0 else len(data.ROUNDS)) * 50  # each round summons other people
    for i in range(data.ROSTER_SIZES[key]):
        title_ = data.VOTER_TITLES[i % len(data.VOTER_TITLES)]
        common.stage(
            session,
            RosterEntry(
                round_id=round_.id, position=i + 1, full_name=voter_name(i + names_from), title=title_
            ),
        )
    for i, (name, role, cadre_key) in enumerate(committee):
        cadre_id = cadres[cadre_key].id if cadre_key else None
        common.stage(
            session,
            CommitteeMember(round_id=round_.id, position=i + 1, full_name=name, role=role, cadre_id=cadre_id),
        )
    for i, cadre_key in enumerate(candidate_keys):
        cadre = cadres[cadre_key]
        # Every nomination is stored, then reassess_cadre sets each verdict from ballots/.
        # The API would refuse the ineligible ones (require_eligible), but a nomination that
        # becomes ineligible later (a retirement notice, a third place) stays as a row with
        # eligible=False and its reasons: that is what a recomputation leaves, and what the
        # dashboard lists under "excluded". The demo shows that state directly.
        common.stage(
            session,
            Candidate(
                round_id=round_.id,
                cadre_id=cadre.id,
                position=i + 1,
                post_ids=_posts_for(cadre, round_, units),
                # Not a place held yet: no nomination wins a tie-break for having been stored first.
                eligible=False,
                reasons=[],
            ),
        )
    common.flush(session)
    return round_


def _open_and_vote(session: Session, round_: Round, today: date, secret: bytes) -> OpenRound:
    """Schedule today's round with the demo's short-notice reason, issue one slip per summoned voter,
    open it (which makes its keys) and cast a few ballots: all through the services the API calls."""
    round_service.change_status(
        session, round_.id, RoundStatus.SCHEDULED, data.OVERRIDE_REASON, today, secret
    )
    codes = slips.issue_slips(session, round_.id, None, secret)
    round_service.change_status(session, round_.id, RoundStatus.OPEN, None, today, secret)
    cadre_ids = [row.cadre_id for row in voting.ballot_paper(session, round_.id).rows]
    for code, marks in zip(codes, data.CAST_BALLOTS, strict=False):
        choices = {
            cadre_id: Level(mark) if mark else None for cadre_id, mark in zip(cadre_ids, marks, strict=True)
        }
        casting.cast(session, round_.id, code, choices, secret)
    unused = codes[len(data.CAST_BALLOTS) :][: data.UNUSED_CODES_SHOWN]
    return OpenRound(id=round_.id, title=round_.title, codes=unused, cadre_ids=cadre_ids)


def _override(round_key: str, vote_date: date, today: date) -> str | None:
    """The short-notice reason of the round scheduled under 20 days ahead. The rule core keeps a reason
    only when it was needed, so near the year's end (when every round moves into January, 20 days or
    more ahead) the demo stores none rather than a reason that explains nothing."""
    if round_key != data.OVERRIDE_ROUND:
        return None
    return check_schedule(vote_date, today, data.OVERRIDE_REASON).override_reason


def _posts_for(cadre: Cadre, round_: Round, units: dict[str, Unit]) -> list[str]:
    """The posts a round votes on: council posts at a council, Party posts at a Party committee,
    else the posts held in the round's unit or directly under it."""
    if round_.place_kind is PlaceKind.COUNCIL:
        return [p.id for p in cadre.posts if p.filled_by is FillMethod.COUNCIL_ELECTED]
    if round_.place_kind is PlaceKind.PARTY_COMMITTEE:
        return [p.id for p in cadre.posts if p.filled_by is FillMethod.PARTY_ELECTED]
    here = {round_.unit_id} | {u.id for u in units.values() if u.parent_id == round_.unit_id}
    return [p.id for p in cadre.posts if p.unit_id in here and p.filled_by is not FillMethod.COUNCIL_ELECTED]


def _documents(session: Session, rounds: dict[str, Round], cadres: dict[str, Cadre], today: date) -> None:
    """Reports and requests that show each calendar status: on time, late, missing, pending."""

    def add(round_key: str, kind: Milestone, days_ago: int, cadre_key: str | None, title: str) -> None:
        cadre = cadres[cadre_key] if cadre_key else None
        common.stage(
            session,
            Document(
                round_id=rounds[round_key].id,
                cadre_id=cadre.id if cadre else None,
                kind=kind,
                title=title,
                body=f"{title}. Nội dung tự đánh giá về phẩm chất chính trị, đạo đức, lối sống và kết quả "
                "thực hiện chức trách, nhiệm vụ được giao từ đầu nhiệm kỳ đến nay.",
                submitted_by=cadre.full_name if cadre else "Ban Tổ chức Tỉnh ủy",
                submitted_at=at(today - timedelta(days=days_ago)),
            ),
        )

    for key in ("gdtc", "pgdtc1", "pgdtc3", "cvptc", "tpns"):
        add("r_tc", Milestone.REPORT, 21, key, f"Báo cáo tự kiểm điểm của {cadres[key].full_name}")
    add("r_tc", Milestone.DOSSIER, 9, None, "Hồ sơ gửi người ghi phiếu")
    add("r_tc", Milestone.CLARIFICATION_REQUEST, 4, "gdtc", "Đề nghị làm rõ việc điều hành dự toán ngân sách")
    add("r_kh", Milestone.REPORT, 15, "pgdkh1", f"Báo cáo tự kiểm điểm của {cadres['pgdkh1'].full_name}")
    add("r_kh", Milestone.REPORT, 6, "pgdkh2", f"Báo cáo tự kiểm điểm của {cadres['pgdkh2'].full_name}")
    add("r_kh", Milestone.DOSSIER, 4, None, "Hồ sơ gửi người ghi phiếu")
    for key in ("gdnv", "pgdnv1"):
        add("r_nv", Milestone.REPORT, 1, key, f"Báo cáo tự kiểm điểm của {cadres[key].full_name}")
    common.flush(session)
