from __future__ import annotations

from datetime import date

import pytest

from ballots.eligibility import (
    Cadre,
    Nomination,
    Place,
    Post,
    ReasonCode,
    assess,
    choose_places,
    place_priority,
    post_exclusions,
)
from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel

VOTE = date(2023, 9, 20)


def cadre(*, notice: date | None = None, standing: frozenset[str] = frozenset()) -> Cadre:
    return Cadre("c1", "Nguyễn Văn An", notice, standing)


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
) -> Place:
    book = rulebook or (Rulebook.NQ96 if kind is PlaceKind.COUNCIL else Rulebook.QD96)
    return Place(rid, kind, level, locality, when, book)


def nominate(p: Place, *posts: Post, committee: bool = False) -> Nomination:
    chosen = posts or (
        post(by=FillMethod.COUNCIL_ELECTED if p.rulebook is Rulebook.NQ96 else FillMethod.APPOINTED),
    )
    return Nomination(p, chosen, committee)


def codes(reasons: object) -> list[ReasonCode]:
    assert isinstance(reasons, tuple)
    return [r.code for r in reasons]


@pytest.mark.parametrize(
    ("notice", "excluded"),
    [(None, False), (date(2023, 5, 1), True), (VOTE, True), (date(2023, 9, 21), False)],
    ids=["no-notice", "notice-before", "notice-on-vote-day", "notice-after"],
)
def test_a_cadre_with_a_retirement_notice_pending_is_not_voted_on(
    notice: date | None, excluded: bool
) -> None:
    reasons = post_exclusions(cadre(notice=notice), post(), place("r1"))
    assert (ReasonCode.RETIREMENT_PENDING in codes(reasons)) is excluded


@pytest.mark.parametrize(
    ("since", "excluded"),
    [
        (date(2022, 12, 31), False),
        (date(2023, 1, 1), True),
        (date(2023, 12, 31), True),
        (date(2020, 6, 15), False),
    ],
)
def test_a_post_filled_in_the_calendar_year_of_the_vote_is_not_voted_on(since: date, excluded: bool) -> None:
    reasons = post_exclusions(cadre(), post(since=since), place("r1"))
    assert (ReasonCode.FILLED_IN_VOTE_YEAR in codes(reasons)) is excluded
    if excluded:
        assert "trong năm lấy phiếu 2023" in reasons[0].message_vi


@pytest.mark.parametrize(
    ("by", "rulebook", "mismatch"),
    [
        (FillMethod.COUNCIL_ELECTED, Rulebook.NQ96, False),
        (FillMethod.COUNCIL_ELECTED, Rulebook.QD96, True),
        (FillMethod.APPOINTED, Rulebook.NQ96, True),
        (FillMethod.PARTY_ELECTED, Rulebook.QD96, False),
    ],
)
def test_a_post_is_voted_on_under_the_rulebook_of_how_it_was_filled(
    by: FillMethod, rulebook: Rulebook, mismatch: bool
) -> None:
    reasons = post_exclusions(cadre(), post(by=by), place("r1", rulebook=rulebook))
    assert (ReasonCode.RULEBOOK_MISMATCH in codes(reasons)) is mismatch


def test_an_eligible_cadre_is_voted_on_for_the_posts_nominated() -> None:
    nomination = nominate(place("r1"))
    verdict = assess(cadre(), nomination, [])
    assert verdict.eligible and verdict.reasons == () and verdict.posts == nomination.posts
    assert (verdict.cadre_id, verdict.round_id) == ("c1", "r1")


def test_a_cadre_nominated_without_posts_is_refused() -> None:
    verdict = assess(cadre(), Nomination(place("r1"), ()), [])
    assert not verdict.eligible and codes(verdict.reasons) == [ReasonCode.NO_POSTS]


def test_a_cadre_on_the_counting_committee_of_the_round_is_refused() -> None:
    verdict = assess(cadre(), nominate(place("r1"), committee=True), [])
    assert not verdict.eligible and codes(verdict.reasons) == [ReasonCode.ON_COUNTING_COMMITTEE]


def test_a_partially_excluded_cadre_stays_eligible_on_the_other_posts_with_the_reason_kept() -> None:
    old, new = post("old"), post("new", since=date(2023, 2, 1))
    verdict = assess(cadre(), nominate(place("r1"), old, new), [])
    assert verdict.eligible and verdict.posts == (old,)
    assert codes(verdict.reasons) == [ReasonCode.FILLED_IN_VOTE_YEAR]
    assert verdict.reasons[0].post_id == "new"


def test_a_cadre_whose_every_post_is_excluded_is_refused_with_each_reason() -> None:
    verdict = assess(cadre(notice=date(2023, 1, 10)), nominate(place("r1"), post(since=date(2023, 3, 1))), [])
    assert not verdict.eligible and verdict.posts == ()
    assert codes(verdict.reasons) == [ReasonCode.RETIREMENT_PENDING, ReasonCode.FILLED_IN_VOTE_YEAR]


def test_refusals_name_the_rounds_by_their_labels_when_given() -> None:
    kept = [Nomination(place(f"r{i}", when=date(2023, 9, i)), (post(),)) for i in (1, 2)]
    labelled = [
        Nomination(Place(**{**n.place.__dict__, "label": f"Hội nghị {i}"}), n.posts)
        for i, n in enumerate(kept)
    ]
    third = nominate(place("r3", when=date(2023, 9, 3)))
    verdict = assess(cadre(), third, labelled)
    assert "(Hội nghị 0; Hội nghị 1)" in verdict.reasons[0].message_vi
    first = nominate(place("hdnd-1", kind=PlaceKind.COUNCIL))
    labelled_council = Nomination(Place(**{**first.place.__dict__, "label": "Kỳ họp thứ 10"}), first.posts)
    again = assess(
        cadre(), nominate(place("hdnd-2", kind=PlaceKind.COUNCIL, when=date(2023, 9, 21))), [labelled_council]
    )
    assert "Kỳ họp thứ 10" in again.reasons[0].message


def test_two_places_are_allowed() -> None:
    first, second = nominate(place("r1")), nominate(place("r2", when=date(2023, 9, 25)))
    assert assess(cadre(), second, [first]).eligible
    assert assess(cadre(), first, [first, second]).eligible


def test_a_third_place_is_refused_naming_the_two_kept() -> None:
    plan = [nominate(place(f"r{i}", when=date(2023, 9, 10 + i))) for i in range(1, 4)]
    verdict = assess(cadre(), plan[2], plan)
    assert not verdict.eligible
    assert codes(verdict.reasons) == [ReasonCode.THIRD_PLACE]
    assert verdict.reasons[0].details == {"kept_round_ids": "r1, r2"}
    assert "2 nơi" in verdict.reasons[0].message_vi


def test_the_places_follow_the_priority_standing_committee_then_council_then_workplace() -> None:
    sitting = cadre(standing=frozenset({"tinh"}))
    work = nominate(place("work", when=date(2023, 9, 1)))
    council = nominate(place("council", kind=PlaceKind.COUNCIL, when=date(2023, 9, 30)))
    party = nominate(place("party", kind=PlaceKind.PARTY_COMMITTEE, when=date(2023, 10, 5)))
    choice = choose_places(sitting, [work, council, party])
    assert [n.place.round_id for n in choice.kept] == ["party", "council"]
    assert [(n.place.round_id, r.code) for n, r in choice.dropped] == [("work", ReasonCode.THIRD_PLACE)]


def test_a_party_committee_place_has_no_priority_for_a_cadre_not_on_its_standing_committee() -> None:
    elsewhere = cadre(standing=frozenset({"huyen"}))
    party = nominate(place("party", kind=PlaceKind.PARTY_COMMITTEE))
    assert place_priority(elsewhere, party)[0] == 2
    assert place_priority(cadre(standing=frozenset({"tinh"})), party)[0] == 0


def test_a_council_place_has_priority_only_through_a_council_elected_post() -> None:
    council = place("council", kind=PlaceKind.COUNCIL)
    assert place_priority(cadre(), nominate(council))[0] == 1
    assert place_priority(cadre(), Nomination(council, (post(),)))[0] == 2


def test_ties_go_to_the_province_then_the_earlier_date_then_the_round_id() -> None:
    district = nominate(place("a", level=UnitLevel.DISTRICT, when=date(2023, 9, 1)))
    late = nominate(place("b", when=date(2023, 9, 30)))
    early_z = nominate(place("z", when=date(2023, 9, 5)))
    early_y = nominate(place("y", when=date(2023, 9, 5)))
    kept = choose_places(cadre(), [district, late, early_z, early_y]).kept
    assert [n.place.round_id for n in kept] == ["y", "z"]


def test_a_place_where_the_cadre_is_excluded_anyway_takes_no_slot() -> None:
    ineligible = nominate(place("r0", when=date(2023, 9, 1)), post(since=date(2023, 1, 5)))
    on_committee = nominate(place("r00", when=date(2023, 9, 2)), committee=True)
    plan = [ineligible, on_committee, nominate(place("r1")), nominate(place("r2", when=date(2023, 9, 21)))]
    assert assess(cadre(), plan[3], plan).eligible


def test_all_council_posts_of_a_person_are_voted_on_once() -> None:
    first = nominate(place("hdnd-1", kind=PlaceKind.COUNCIL, when=date(2023, 7, 1)))
    second = nominate(place("hdnd-2", kind=PlaceKind.COUNCIL, when=date(2023, 7, 2)))
    verdict = assess(cadre(), second, [first])
    assert not verdict.eligible
    assert codes(verdict.reasons) == [ReasonCode.COUNCIL_ALREADY_VOTED]
    assert verdict.reasons[0].details == {"kept_round_id": "hdnd-1"}


def test_council_rounds_of_different_localities_are_different_places() -> None:
    province = nominate(place("hdnd-tinh", kind=PlaceKind.COUNCIL))
    district = nominate(
        place("hdnd-huyen", kind=PlaceKind.COUNCIL, locality="huyen", level=UnitLevel.DISTRICT)
    )
    assert assess(cadre(), district, [province]).eligible


def test_a_proposed_round_replaces_its_saved_version_when_assessed() -> None:
    saved = nominate(place("r1"), post(since=date(2023, 1, 5)))
    proposed = nominate(place("r1"))
    assert assess(cadre(), proposed, [saved]).eligible
