"""Who is voted on where (regulation.md §2)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date

import pytest

from ballots.eligibility import (
    Cadre,
    Nomination,
    Place,
    Post,
    Reason,
    ReasonCode,
    assess,
    choose_places,
    place_priority,
    post_exclusions,
)
from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel

VOTE = date(2023, 9, 20)


def cadre(*, notice: date | None = None, standing: Iterable[str] = ()) -> Cadre:
    return Cadre("c1", "Nguyễn Văn An", notice, frozenset(standing))


def post(pid: str = "p1", *, since: date = date(2021, 3, 1), by: FillMethod = FillMethod.APPOINTED) -> Post:
    return Post(pid, "Giám đốc Sở", by, since)


def place(
    rid: str,
    *,
    kind: PlaceKind = PlaceKind.WORKPLACE,
    level: UnitLevel = UnitLevel.PROVINCE,
    locality: str = "tinh",
    when: date = VOTE,
    rulebook: Rulebook | None = None,
    label: str = "",
) -> Place:
    book = rulebook or (Rulebook.NQ96 if kind is PlaceKind.COUNCIL else Rulebook.QD96)
    return Place(rid, kind, level, locality, when, book, label)


def nominate(p: Place, *posts: Post, committee: bool = False) -> Nomination:
    """A nomination with the given posts, or one post that fits the place's rulebook."""
    chosen = posts or (
        post(by=FillMethod.COUNCIL_ELECTED if p.rulebook is Rulebook.NQ96 else FillMethod.APPOINTED),
    )
    return Nomination(p, chosen, committee)


def codes(reasons: tuple[Reason, ...]) -> list[ReasonCode]:
    return [r.code for r in reasons]


def round_ids(nominations: Iterable[Nomination]) -> list[str]:
    return [n.place.round_id for n in nominations]


# --- exclusions of a post (§2 "Excluded") -------------------------------------------------------


@pytest.mark.parametrize(
    ("notice", "excluded"),
    [
        (None, False),
        (date(2022, 11, 1), True),
        (date(2023, 5, 1), True),
        (VOTE, True),
        (date(2023, 9, 21), False),
    ],
    ids=["no-notice", "notice-last-year", "notice-before", "notice-on-vote-day", "notice-after"],
)
def test_a_cadre_with_a_retirement_notice_pending_at_the_vote_is_not_voted_on(
    notice: date | None, excluded: bool
) -> None:
    reasons = post_exclusions(cadre(notice=notice), post(), place("r1"))
    assert (ReasonCode.RETIREMENT_PENDING in codes(reasons)) is excluded
    if excluded:
        assert notice is not None
        (reason,) = reasons
        assert reason.post_id == "p1"
        assert reason.details == {"notice_date": notice.isoformat()}
        assert "thông báo nghỉ công tác chờ nghỉ hưu" in reason.message_vi
        assert f"{notice:%d/%m/%Y}" in reason.message_vi


@pytest.mark.parametrize(
    ("since", "excluded"),
    [
        (date(2020, 6, 15), False),
        (date(2022, 12, 31), False),
        (date(2023, 1, 1), True),
        (date(2023, 9, 20), True),
        (date(2023, 12, 31), True),
    ],
    ids=[
        "years-before",
        "last-day-of-previous-year",
        "jan-1-of-vote-year",
        "vote-day",
        "dec-31-of-vote-year",
    ],
)
def test_a_post_filled_in_the_calendar_year_of_the_vote_is_not_voted_on(since: date, excluded: bool) -> None:
    reasons = post_exclusions(cadre(), post(since=since), place("r1"))
    assert (ReasonCode.FILLED_IN_VOTE_YEAR in codes(reasons)) is excluded
    if excluded:
        (reason,) = reasons
        assert reason.details == {"since": since.isoformat(), "vote_year": 2023}
        assert "trong năm lấy phiếu 2023" in reason.message_vi


def test_no_months_in_office_test_applies_any_more() -> None:
    # Filled on the last day of the previous year, voted on 2 January: 2 days in office, still voted on.
    assert post_exclusions(cadre(), post(since=date(2022, 12, 31)), place("r1", when=date(2023, 1, 2))) == ()


@pytest.mark.parametrize(
    ("by", "rulebook", "mismatch"),
    [
        (FillMethod.COUNCIL_ELECTED, Rulebook.NQ96, False),
        (FillMethod.COUNCIL_ELECTED, Rulebook.QD96, True),
        (FillMethod.APPOINTED, Rulebook.NQ96, True),
        (FillMethod.APPOINTED, Rulebook.QD96, False),
        (FillMethod.PARTY_ELECTED, Rulebook.NQ96, True),
        (FillMethod.PARTY_ELECTED, Rulebook.QD96, False),
    ],
)
def test_a_post_is_voted_on_only_under_the_rulebook_of_how_it_was_filled(
    by: FillMethod, rulebook: Rulebook, mismatch: bool
) -> None:
    reasons = post_exclusions(cadre(), post(by=by), place("r1", rulebook=rulebook))
    assert (ReasonCode.RULEBOOK_MISMATCH in codes(reasons)) is mismatch
    if mismatch:
        assert reasons[0].details == {"expected": by.rulebook.value, "round": rulebook.value}
        assert by.rulebook.label_vi in reasons[0].message_vi


def test_every_exclusion_of_a_post_is_listed_not_only_the_first() -> None:
    reasons = post_exclusions(
        cadre(notice=date(2023, 1, 10)),
        post(since=date(2023, 3, 1), by=FillMethod.COUNCIL_ELECTED),
        place("r1"),
    )
    assert codes(reasons) == [
        ReasonCode.RETIREMENT_PENDING,
        ReasonCode.FILLED_IN_VOTE_YEAR,
        ReasonCode.RULEBOOK_MISMATCH,
    ]


# --- the verdict of one nomination ----------------------------------------------------------


def test_an_eligible_cadre_is_voted_on_for_the_posts_nominated() -> None:
    nomination = nominate(place("r1"))
    verdict = assess(cadre(), nomination, [])
    assert verdict.eligible and verdict.reasons == () and verdict.posts == nomination.posts
    assert (verdict.cadre_id, verdict.round_id) == ("c1", "r1")


def test_a_cadre_nominated_without_posts_is_refused() -> None:
    verdict = assess(cadre(), Nomination(place("r1"), ()), [])
    assert not verdict.eligible and verdict.posts == ()
    assert codes(verdict.reasons) == [ReasonCode.NO_POSTS]
    assert verdict.reasons[0].post_id is None


@pytest.mark.parametrize("others", [[], [nominate(place("r2", when=date(2023, 9, 25)))]])
def test_a_cadre_on_the_counting_committee_of_the_round_is_not_voted_on_there(
    others: list[Nomination],
) -> None:
    verdict = assess(cadre(), nominate(place("r1"), committee=True), others)
    assert not verdict.eligible and verdict.posts == ()
    assert codes(verdict.reasons) == [ReasonCode.ON_COUNTING_COMMITTEE]
    assert "ban kiểm phiếu" in verdict.reasons[0].message_vi


@pytest.mark.parametrize(
    ("excluded", "code"),
    [
        (post("new", since=date(2023, 2, 1)), ReasonCode.FILLED_IN_VOTE_YEAR),
        (post("hdnd", by=FillMethod.COUNCIL_ELECTED), ReasonCode.RULEBOOK_MISMATCH),
    ],
)
def test_a_partially_excluded_cadre_stays_eligible_on_the_other_posts_with_the_reason_listed(
    excluded: Post, code: ReasonCode
) -> None:
    kept = post("old")
    verdict = assess(cadre(), nominate(place("r1"), kept, excluded), [])
    assert verdict.eligible and verdict.posts == (kept,)
    assert [(r.code, r.post_id) for r in verdict.reasons] == [(code, excluded.post_id)]


def test_a_cadre_with_several_posts_excluded_gets_one_reason_per_excluded_post() -> None:
    kept, new, council = (
        post("old"),
        post("new", since=date(2023, 2, 1)),
        post("hdnd", by=FillMethod.COUNCIL_ELECTED),
    )
    verdict = assess(cadre(), nominate(place("r1"), new, kept, council), [])
    assert verdict.eligible and verdict.posts == (kept,)
    assert [(r.code, r.post_id) for r in verdict.reasons] == [
        (ReasonCode.FILLED_IN_VOTE_YEAR, "new"),
        (ReasonCode.RULEBOOK_MISMATCH, "hdnd"),
    ]


def test_a_cadre_whose_every_post_is_excluded_is_refused_with_each_reason() -> None:
    verdict = assess(cadre(notice=date(2023, 1, 10)), nominate(place("r1"), post(since=date(2023, 3, 1))), [])
    assert not verdict.eligible and verdict.posts == ()
    assert codes(verdict.reasons) == [ReasonCode.RETIREMENT_PENDING, ReasonCode.FILLED_IN_VOTE_YEAR]


def test_a_retirement_notice_between_two_rounds_excludes_only_the_later_one() -> None:
    notified = cadre(notice=date(2023, 9, 1))
    before = nominate(place("before", when=date(2023, 8, 15)))
    after = nominate(place("after", when=date(2023, 9, 15)))
    assert assess(notified, before, [before, after]).eligible
    late = assess(notified, after, [before, after])
    assert not late.eligible and codes(late.reasons) == [ReasonCode.RETIREMENT_PENDING]


# --- at most two places per plan, by priority ------------------------------------------------


def test_two_places_are_allowed() -> None:
    first, second = nominate(place("r1")), nominate(place("r2", when=date(2023, 9, 25)))
    assert assess(cadre(), second, [first]).eligible
    assert assess(cadre(), first, [first, second]).eligible
    assert choose_places(cadre(), [first, second]).dropped == ()


def test_two_places_are_the_limit_whatever_the_number_of_posts() -> None:
    many = tuple(post(f"p{i}") for i in range(4))
    plan = [nominate(place(f"r{i}", when=date(2023, 9, 10 + i)), *many) for i in range(1, 4)]
    verdicts = [assess(cadre(), n, plan) for n in plan]
    assert [v.eligible for v in verdicts] == [True, True, False]
    assert verdicts[0].posts == many


def test_a_third_place_is_refused_naming_the_two_kept() -> None:
    plan = [nominate(place(f"r{i}", when=date(2023, 9, 10 + i))) for i in range(1, 4)]
    verdict = assess(cadre(), plan[2], plan)
    assert not verdict.eligible and verdict.posts == ()
    assert codes(verdict.reasons) == [ReasonCode.THIRD_PLACE]
    assert verdict.reasons[0].post_id is None
    assert verdict.reasons[0].details == {"kept_round_ids": ["r1", "r2"]}
    assert "2 nơi" in verdict.reasons[0].message_vi


SITTING = cadre(standing={"tinh"})
PARTY = nominate(place("party", kind=PlaceKind.PARTY_COMMITTEE, when=date(2023, 10, 5)))
COUNCIL = nominate(place("council", kind=PlaceKind.COUNCIL, when=date(2023, 9, 30)))
WORK = nominate(place("work", when=date(2023, 9, 1)))


@pytest.mark.parametrize(
    "order", list(itertools.permutations([PARTY, COUNCIL, WORK])), ids=lambda o: "-".join(round_ids(o))
)
def test_the_lowest_priority_place_is_the_third_whatever_the_order_of_the_plan(
    order: tuple[Nomination, ...],
) -> None:
    # Priority (1) the standing committee's Party committee, (2) the council, (3) the workplace,
    # although the workplace round comes first in time.
    verdicts = {n.place.round_id: assess(SITTING, n, order) for n in order}
    assert {rid: v.eligible for rid, v in verdicts.items()} == {"party": True, "council": True, "work": False}
    assert verdicts["work"].reasons[0].details == {"kept_round_ids": ["party", "council"]}


def test_the_places_follow_the_priority_standing_committee_then_council_then_workplace() -> None:
    choice = choose_places(SITTING, [WORK, COUNCIL, PARTY])
    assert round_ids(choice.kept) == ["party", "council"]
    assert [(n.place.round_id, r.code) for n, r in choice.dropped] == [("work", ReasonCode.THIRD_PLACE)]


@pytest.mark.parametrize(
    ("who", "nomination", "rank"),
    [
        (cadre(standing={"tinh"}), nominate(place("p", kind=PlaceKind.PARTY_COMMITTEE)), 0),
        (cadre(standing={"huyen"}), nominate(place("p", kind=PlaceKind.PARTY_COMMITTEE)), 2),
        (cadre(), nominate(place("p", kind=PlaceKind.PARTY_COMMITTEE)), 2),
        (cadre(), nominate(place("c", kind=PlaceKind.COUNCIL)), 1),
        (cadre(), Nomination(place("c", kind=PlaceKind.COUNCIL, rulebook=Rulebook.QD96), (post(),)), 2),
        (cadre(standing={"tinh"}), nominate(place("w")), 2),
    ],
    ids=[
        "party-committee-on-its-standing-committee",
        "party-committee-of-another-locality",
        "party-committee-not-on-standing-committee",
        "council-with-council-elected-post",
        "council-without-council-elected-post",
        "workplace",
    ],
)
def test_a_place_has_priority_only_through_the_standing_committee_or_a_council_elected_post(
    who: Cadre, nomination: Nomination, rank: int
) -> None:
    assert place_priority(who, nomination)[0] == rank


@pytest.mark.parametrize(
    ("nominations", "kept"),
    [
        (
            [
                nominate(
                    place("a-district", level=UnitLevel.DISTRICT, locality="huyen", when=date(2023, 9, 1))
                ),
                nominate(place("b-province", when=date(2023, 9, 30))),
                nominate(place("c-province", when=date(2023, 10, 30))),
            ],
            ["b-province", "c-province"],
        ),
        (
            [
                nominate(place("a-late", when=date(2023, 10, 1))),
                nominate(place("b-early", when=date(2023, 9, 1))),
                nominate(place("c-middle", when=date(2023, 9, 15))),
            ],
            ["b-early", "c-middle"],
        ),
        (
            [nominate(place(rid)) for rid in ("z", "x", "y")],
            ["x", "y"],
        ),
        (
            [
                nominate(
                    place(
                        "district-btv",
                        kind=PlaceKind.PARTY_COMMITTEE,
                        level=UnitLevel.DISTRICT,
                        locality="huyen",
                    )
                ),
                nominate(place("work", when=date(2023, 1, 5))),
                nominate(place("province-btv", kind=PlaceKind.PARTY_COMMITTEE, when=date(2023, 12, 1))),
            ],
            ["province-btv", "district-btv"],
        ),
    ],
    ids=["province-before-district", "then-earlier-date", "then-round-id", "highest-party-committee-first"],
)
def test_ties_of_priority_go_to_the_province_then_the_earlier_date_then_the_round_id(
    nominations: list[Nomination], kept: list[str]
) -> None:
    sitting = cadre(standing={"tinh", "huyen"})
    assert round_ids(choose_places(sitting, nominations).kept) == kept
    assert round_ids(choose_places(sitting, reversed(nominations)).kept) == kept


@pytest.mark.parametrize(
    "blocked",
    [
        nominate(place("blocked", when=date(2023, 9, 1)), post(since=date(2023, 1, 5))),
        nominate(place("blocked", when=date(2023, 9, 1)), post(by=FillMethod.COUNCIL_ELECTED)),
        nominate(place("blocked", when=date(2023, 9, 1)), committee=True),
        Nomination(place("blocked", when=date(2023, 9, 1)), ()),
        nominate(place("blocked", when=date(2024, 9, 1)), post(since=date(2024, 1, 5))),
    ],
    ids=["filled-in-vote-year", "rulebook-mismatch", "on-counting-committee", "no-posts", "later-plan-year"],
)
def test_a_place_where_the_cadre_is_excluded_anyway_takes_no_slot(blocked: Nomination) -> None:
    plan = [blocked, nominate(place("r1")), nominate(place("r2", when=date(2023, 9, 21)))]
    assert [assess(cadre(), n, plan).eligible for n in plan] == [False, True, True]
    assert round_ids(choose_places(cadre(), plan).kept) == ["r1", "r2"]
    assert ReasonCode.THIRD_PLACE not in codes(assess(cadre(), blocked, plan).reasons)


def test_a_place_before_a_retirement_notice_takes_a_slot_and_one_after_it_does_not() -> None:
    notified = cadre(notice=date(2023, 9, 10))
    plan = [
        nominate(place("r1", when=date(2023, 9, 1))),
        nominate(place("r2", when=date(2023, 9, 5))),
        nominate(place("r3", when=date(2023, 9, 15))),
    ]
    assert [assess(notified, n, plan).eligible for n in plan] == [True, True, False]
    assert codes(assess(notified, plan[2], plan).reasons) == [ReasonCode.RETIREMENT_PENDING]


# --- nq96: all council posts voted on once --------------------------------------------------


def test_all_council_posts_of_a_person_are_voted_on_once() -> None:
    first = nominate(place("hdnd-1", kind=PlaceKind.COUNCIL, when=date(2023, 7, 1)))
    second = nominate(place("hdnd-2", kind=PlaceKind.COUNCIL, when=date(2023, 7, 2)))
    verdict = assess(cadre(), second, [first])
    assert not verdict.eligible and verdict.posts == ()
    assert codes(verdict.reasons) == [ReasonCode.COUNCIL_ALREADY_VOTED]
    assert verdict.reasons[0].details == {"kept_round_id": "hdnd-1"}
    assert "HĐND" in verdict.reasons[0].message_vi
    # Assessed the other way round, the earlier session is still the one kept.
    assert assess(cadre(), first, [second]).eligible


def test_a_second_council_round_takes_no_slot_from_the_workplace() -> None:
    council_1 = nominate(place("hdnd-1", kind=PlaceKind.COUNCIL, when=date(2023, 7, 1)))
    council_2 = nominate(place("hdnd-2", kind=PlaceKind.COUNCIL, when=date(2023, 7, 2)))
    work = nominate(place("work"))
    choice = choose_places(cadre(), [work, council_2, council_1])
    assert round_ids(choice.kept) == ["hdnd-1", "work"]
    assert [(n.place.round_id, r.code) for n, r in choice.dropped] == [
        ("hdnd-2", ReasonCode.COUNCIL_ALREADY_VOTED)
    ]


def test_with_the_standing_committee_first_a_second_council_round_is_still_council_already_voted() -> None:
    council_2 = nominate(place("hdnd-2", kind=PlaceKind.COUNCIL, when=date(2023, 10, 1)))
    plan = [WORK, COUNCIL, council_2, PARTY]
    choice = choose_places(SITTING, plan)
    assert round_ids(choice.kept) == ["party", "council"]
    assert [(n.place.round_id, r.code) for n, r in choice.dropped] == [
        ("hdnd-2", ReasonCode.COUNCIL_ALREADY_VOTED),
        ("work", ReasonCode.THIRD_PLACE),
    ]


def test_council_rounds_of_different_localities_are_different_places() -> None:
    province = nominate(place("hdnd-tinh", kind=PlaceKind.COUNCIL))
    district = nominate(
        place("hdnd-huyen", kind=PlaceKind.COUNCIL, locality="huyen", level=UnitLevel.DISTRICT)
    )
    assert assess(cadre(), district, [province]).eligible
    assert assess(cadre(), province, [district]).eligible


# --- assess() and the plan -----------------------------------------------------------------


def test_a_round_not_yet_saved_is_added_to_the_plan_when_assessed() -> None:
    saved = [nominate(place(f"r{i}", when=date(2023, 9, i))) for i in (1, 2)]
    proposed = nominate(place("r3", when=date(2023, 9, 3)))
    verdict = assess(cadre(), proposed, saved)
    assert codes(verdict.reasons) == [ReasonCode.THIRD_PLACE]
    assert verdict.round_id == "r3"


def test_a_proposed_round_replaces_its_saved_version_when_assessed() -> None:
    saved = nominate(place("r1"), post(since=date(2023, 1, 5)))
    proposed = nominate(place("r1"))
    assert assess(cadre(), proposed, [saved]).eligible
    # and the saved version is not counted as a second place
    other = nominate(place("r2", when=date(2023, 9, 25)))
    assert assess(cadre(), proposed, [saved, other]).eligible
    assert assess(cadre(), nominate(place("r1", when=date(2023, 10, 1))), [proposed, other]).eligible


def test_refusals_name_the_rounds_by_their_labels_when_given() -> None:
    kept = [nominate(place(f"r{i}", when=date(2023, 9, i + 1), label=f"Hội nghị {i}")) for i in (0, 1)]
    verdict = assess(cadre(), nominate(place("r3", when=date(2023, 9, 3))), kept)
    assert "(Hội nghị 0; Hội nghị 1)" in verdict.reasons[0].message_vi
    assert verdict.reasons[0].details == {"kept_round_ids": ["r0", "r1"]}
    council = nominate(place("hdnd-1", kind=PlaceKind.COUNCIL, label="Kỳ họp thứ 10"))
    again = assess(
        cadre(), nominate(place("hdnd-2", kind=PlaceKind.COUNCIL, when=date(2023, 9, 21))), [council]
    )
    assert "Kỳ họp thứ 10" in again.reasons[0].message
    assert "Kỳ họp thứ 10" in again.reasons[0].message_vi


@pytest.mark.parametrize(
    ("label", "name"), [("", "r1"), ("Hội nghị Ban Chấp hành", "Hội nghị Ban Chấp hành")]
)
def test_a_place_is_named_by_its_label_or_else_its_round_id(label: str, name: str) -> None:
    assert place("r1", label=label).name == name


def test_a_place_already_voted_on_is_kept_before_any_priority() -> None:
    sitting = Cadre("c1", "Nguyễn Văn An", None, frozenset({"tinh"}))
    opened = Nomination(place("opened", when=date(2023, 9, 12)), (post(),), fixed=True)
    draft = nominate(place("draft", when=date(2023, 9, 10)))
    party = nominate(place("party", kind=PlaceKind.PARTY_COMMITTEE, when=date(2023, 9, 25)))
    choice = choose_places(sitting, [draft, opened, party])
    assert [n.place.round_id for n in choice.kept] == ["opened", "party"]
    assert [n.place.round_id for n, _ in choice.dropped] == ["draft"]


def test_a_place_voted_on_holds_its_slot_even_after_a_retirement_notice() -> None:
    retiring = Cadre("c1", "Nguyễn Văn An", date(2023, 9, 1))
    opened = Nomination(place("opened", when=date(2023, 8, 20)), (post(),), fixed=True)
    assert [n.place.round_id for n in choose_places(retiring, [opened]).kept] == ["opened"]
