"""No silent displacement: a place held is lost only to a place the regulation ranks higher (§2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ballots.eligibility import Cadre, Nomination, Place, Post, ReasonCode, assess, choose_places
from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel

SITTING = Cadre("c1", "Nguyễn Văn An", None, frozenset({"tinh"}))


def held(rid: str, day: int, *, kind: PlaceKind = PlaceKind.WORKPLACE, accepted: bool = True) -> Nomination:
    """A nomination of the cadre at a province round on ``day`` September 2023."""
    book = Rulebook.NQ96 if kind is PlaceKind.COUNCIL else Rulebook.QD96
    by = FillMethod.COUNCIL_ELECTED if kind is PlaceKind.COUNCIL else FillMethod.APPOINTED
    place = Place(rid, kind, UnitLevel.PROVINCE, "tinh", date(2023, 9, day), book, f"Hội nghị {rid}")
    return Nomination(place, (Post("p1", "Giám đốc Sở", by, date(2021, 3, 1)),), accepted=accepted)


def test_an_earlier_round_of_equal_priority_is_refused_instead_of_displacing_a_held_place() -> None:
    plan = [held("a", 20), held("b", 25)]
    earlier = held("new", 1, accepted=False)
    verdict = assess(SITTING, earlier, plan)
    assert not verdict.eligible
    assert [r.code for r in verdict.reasons] == [ReasonCode.THIRD_PLACE]
    assert verdict.reasons[0].details == {"kept_round_ids": ["a", "b"]}
    assert "Hội nghị a; Hội nghị b" in verdict.reasons[0].message
    # and the places held stay eligible, the refused one never counted
    assert all(assess(SITTING, n, [*plan, earlier]).eligible for n in plan)


def test_a_place_the_regulation_ranks_higher_displaces_the_lowest_held_place_and_says_why() -> None:
    plan = [held("a", 20), held("b", 25)]
    party = held("party", 28, kind=PlaceKind.PARTY_COMMITTEE, accepted=False)
    assert assess(SITTING, party, plan).eligible
    accepted = [*plan, replace(party, accepted=True)]
    choice = choose_places(SITTING, accepted)
    assert [n.place.round_id for n in choice.kept] == ["party", "a"]
    ((lost, reason),) = choice.dropped
    assert (lost.place.round_id, reason.code) == ("b", ReasonCode.DISPLACED)
    assert reason.details == {"kept_round_ids": ["party", "a"]}
    assert reason.message == (
        "Nguyễn Văn An is no longer voted on at this place (the place of work): the regulation puts "
        "Hội nghị party (the standing committee of the highest Party committee) before it, and a "
        "cadre is voted on at 2 places at most"
    )
    assert "Hội nghị party (Ban Thường vụ cấp ủy cao nhất)" in reason.message_vi


def test_places_held_stay_kept_although_a_waiting_one_of_equal_priority_comes_earlier() -> None:
    # b was displaced once; when the higher place goes, the places still held are not reshuffled.
    plan = [held("a", 20), held("c", 25), held("b", 1, accepted=False)]
    choice = choose_places(SITTING, plan)
    assert [n.place.round_id for n in choice.kept] == ["a", "c"]
    assert [(n.place.round_id, r.code) for n, r in choice.dropped] == [("b", ReasonCode.THIRD_PLACE)]


def test_a_held_place_lost_to_places_already_voted_on_names_them_as_voted_on() -> None:
    opened = [replace(held(rid, day), fixed=True) for rid, day in (("x", 2), ("y", 3))]
    choice = choose_places(SITTING, [held("a", 1), *opened])
    ((lost, reason),) = choice.dropped
    assert (lost.place.round_id, reason.code) == ("a", ReasonCode.DISPLACED)
    assert "already voted on" in reason.message and "đã bỏ phiếu" in reason.message_vi


def test_three_places_held_at_equal_priority_lose_the_last_by_tie_break_as_a_plain_third_place() -> None:
    # Only data saved before this rule can hold three; the one dropped is not told it was outranked.
    choice = choose_places(SITTING, [held("c", 3), held("b", 2), held("a", 1)])
    assert [(n.place.round_id, r.code) for n, r in choice.dropped] == [("c", ReasonCode.THIRD_PLACE)]
