"""Cadres ("cán bộ") and their posts: records, checks, and verdicts kept current on every change."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from api_builders import count, make_cadre, make_plan, make_unit, post_body
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Cadre, Candidate, Post, Round
from app.models.plan import RoundStatus
from ballots.levels import PlaceKind, Rulebook

Headers = dict[str, str]
CADRES = "/api/v1/cadres"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


def stored(session: Session) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every cadre and post row, column by column: equal snapshots mean nothing was written."""
    cadres = session.execute(
        select(
            Cadre.id,
            Cadre.full_name,
            Cadre.date_of_birth,
            Cadre.retirement_notice_date,
            Cadre.standing_committee_unit_id,
            Cadre.archived_at,
        ).order_by(Cadre.id)
    )
    posts = session.execute(
        select(
            Post.id, Post.cadre_id, Post.title, Post.unit_id, Post.filled_by, Post.since, Post.ended_on
        ).order_by(Post.id)
    )
    return [tuple(r) for r in cadres], [tuple(r) for r in posts]


def nominate(
    session: Session,
    plan_id: str,
    unit_id: str,
    cadre: dict[str, Any],
    status: RoundStatus = RoundStatus.DRAFT,
) -> Candidate:
    """A round with the cadre as its candidate, written straight to the database (rounds API aside)."""
    round_ = Round(
        plan_id=plan_id,
        unit_id=unit_id,
        title="Hội nghị lấy phiếu tín nhiệm Sở Tài chính",
        vote_date=date(2027, 9, 20),
        rulebook=Rulebook.QD96,
        place_kind=PlaceKind.WORKPLACE,
        status=status,
    )
    session.add(round_)
    session.flush()
    candidate = Candidate(
        round_id=round_.id,
        cadre_id=cadre["id"],
        position=1,
        post_ids=[p["id"] for p in cadre["posts"]],
        eligible=True,
        reasons=[],
    )
    session.add(candidate)
    session.commit()
    return candidate


def reason_codes(session: Session, candidate: Candidate) -> list[str]:
    session.refresh(candidate)
    return [str(r["code"]) for r in candidate.reasons]


@pytest.fixture
def unit(client: TestClient, organizer: Headers) -> str:
    return make_unit(client, organizer, "Sở Tài chính")


# --- Recording and finding cadres -------------------------------------------------------------


def test_an_organizer_records_a_cadre_with_posts_and_their_rulebooks(
    client: TestClient, organizer: Headers, unit: str
) -> None:
    council = make_unit(client, organizer, "HĐND tỉnh")
    cadre = make_cadre(
        client,
        organizer,
        "Trần Thị Thu Hà",
        [
            post_body(unit),
            post_body(council, title="Trưởng Ban Kinh tế - Ngân sách", filled_by="council_elected"),
        ],
        date_of_birth="1974-02-10",
        gender="female",
    )
    assert [(p["title"], p["rulebook"], p["unit_name"]) for p in cadre["posts"]] == [
        ("Giám đốc Sở", "qd96", "Sở Tài chính"),
        ("Trưởng Ban Kinh tế - Ngân sách", "nq96", "HĐND tỉnh"),
    ]
    again = client.get(f"{CADRES}/{cadre['id']}", headers=organizer).json()
    assert again == cadre
    assert (again["gender"], again["date_of_birth"], again["archived_at"]) == ("female", "1974-02-10", None)


def test_cadres_are_found_by_name_unit_and_how_their_posts_were_filled(
    client: TestClient, organizer: Headers, observer: Headers, unit: str
) -> None:
    council = make_unit(client, organizer, "HĐND tỉnh")
    make_cadre(client, organizer, "Trần Thị Thu Hà", [post_body(council, filled_by="council_elected")])
    make_cadre(client, organizer, "Đặng Văn Sơn", [post_body(unit)])
    make_cadre(client, organizer, "Lý Thị Mai", [])

    def names(query: str) -> list[str]:
        return [c["full_name"] for c in client.get(f"{CADRES}?{query}", headers=observer).json()["items"]]

    assert names(f"unit_id={council}") == ["Trần Thị Thu Hà"]
    assert names("filled_by=appointed") == ["Đặng Văn Sơn"]
    assert names("filled_by=party_elected") == []
    assert names("q=thu") == ["Trần Thị Thu Hà"]
    assert names("q=đặng") == ["Đặng Văn Sơn"]  # Vietnamese letters match whatever their case
    assert names("q=%25") == []
    page = client.get(f"{CADRES}?limit=2&offset=1", headers=observer).json()
    assert (page["total"], len(page["items"]), page["limit"], page["offset"]) == (3, 2, 2, 1)


def test_a_filter_with_a_bad_value_is_refused(client: TestClient, observer: Headers) -> None:
    response = client.get(f"{CADRES}?filled_by=inherited", headers=observer)
    assert response.status_code == 422 and "filled_by" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"posts": [{"unit_id": "missing"}]}, 422, "posts.0.title"),
        ({"posts": "Giám đốc Sở"}, 422, "posts"),
        ({"date_of_birth": "2027-06-01"}, 422, "not in the past"),
        ({"date_of_birth": "2030-01-01"}, 422, "not in the past"),
        ({"date_of_birth": "2009-06-02"}, 422, "age of 17"),
        ({"date_of_birth": "1920-01-01"}, 422, "age of 107"),
        ({"date_of_birth": "14/05/1972"}, 422, "date_of_birth"),
        ({"gender": "other"}, 422, "gender"),
        ({"retirement_notice_date": "sắp tới"}, 422, "retirement_notice_date"),
        ({"standing_committee_unit_id": "no-such-unit"}, 404, "no unit"),
        ({"full_name": ""}, 422, "full_name"),
        ({"full_name": "   "}, 422, "full_name"),
        ({"full_name": 42}, 422, "full_name"),
        ({"full_name": "Lê\x00Minh"}, 422, "control characters"),
        ({"rank": "Đại tá"}, 422, "rank"),
    ],
)
def test_a_bad_cadre_is_refused_and_nothing_is_saved(
    client: TestClient, organizer: Headers, session: Session, change: dict[str, Any], status: int, words: str
) -> None:
    before = stored(session)
    response = client.post(CADRES, json={"full_name": "Lê Minh Đức"} | change, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert stored(session) == before


def test_an_eighteen_year_old_is_old_enough(client: TestClient, organizer: Headers) -> None:
    body = {"full_name": "Lê Minh Đức", "date_of_birth": "2009-06-01"}
    assert client.post(CADRES, json=body, headers=organizer).status_code == 201


@pytest.mark.parametrize(
    ("post", "status", "words"),
    [
        ({"unit_id": "no-such-unit"}, 404, "posts[0]: no unit"),
        ({"since": "2027-06-02"}, 422, "in the future"),
        ({"since": "2022-01-01", "ended_on": "2021-12-31"}, 422, "before it starts"),
        ({"filled_by": "inherited"}, 422, "filled_by"),
        ({"since": "2021-02-30"}, 422, "since"),
        ({"title": "G"}, 422, "title"),
        ({"salary": 10}, 422, "salary"),
    ],
)
def test_a_bad_post_refuses_the_whole_cadre(
    client: TestClient,
    organizer: Headers,
    session: Session,
    unit: str,
    post: dict[str, Any],
    status: int,
    words: str,
) -> None:
    before = stored(session)
    body = {"full_name": "Phạm Văn Nam", "posts": [post_body(unit) | post]}
    response = client.post(CADRES, json=body, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert stored(session) == before


def test_the_same_post_twice_in_one_body_is_a_conflict_naming_the_second(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    before = stored(session)
    posts = [post_body(unit), post_body(unit, title="giám đốc sở", since="2022-01-01")]
    response = client.post(CADRES, json={"full_name": "Phạm Văn Nam", "posts": posts}, headers=organizer)
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["message"] == "posts[1]: Phạm Văn Nam already holds 'Giám đốc Sở' in that unit"
    assert error["details"]["post_index"] == 1
    assert stored(session) == before


def test_no_new_post_goes_to_an_archived_unit(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    client.post(f"/api/v1/units/{unit}/archive", headers=organizer)
    before = stored(session)
    response = client.post(
        CADRES, json={"full_name": "Phạm Văn Nam", "posts": [post_body(unit)]}, headers=organizer
    )
    assert response.status_code == 409 and "archived" in response.json()["error"]["message"]
    assert stored(session) == before


# --- The standing committee ------------------------------------------------------------------


def test_a_standing_committee_seat_belongs_to_a_province_or_a_district(
    client: TestClient, organizer: Headers, session: Session
) -> None:
    province = make_unit(client, organizer, "Tỉnh Bắc Giang")
    district = make_unit(client, organizer, "Huyện Lục Nam", "district", province)
    department = make_unit(client, organizer, "Sở Tài chính", "province", province)
    for locality in (province, district):
        seat = {"full_name": "Nguyễn Văn Hùng", "standing_committee_unit_id": locality}
        assert client.post(CADRES, json=seat, headers=organizer).status_code == 201
    before = stored(session)
    body = {"full_name": "Nguyễn Văn Hùng", "standing_committee_unit_id": department}
    response = client.post(CADRES, json=body, headers=organizer)
    assert response.status_code == 422
    error = response.json()["error"]
    assert "did you mean 'Tỉnh Bắc Giang'" in error["message"]
    assert error["details"]["locality_id"] == province
    assert stored(session) == before


def test_a_cadre_keeps_a_seat_whose_unit_was_archived_since(client: TestClient, organizer: Headers) -> None:
    province = make_unit(client, organizer, "Tỉnh Bắc Giang")
    cadre = make_cadre(client, organizer, "Nguyễn Văn Hùng", [], standing_committee_unit_id=province)
    client.post(f"/api/v1/units/{province}/archive", headers=organizer)
    resent = {"full_name": "Nguyễn Văn Hùng", "standing_committee_unit_id": province}
    assert client.patch(f"{CADRES}/{cadre['id']}", json=resent, headers=organizer).status_code == 200
    other = make_cadre(client, organizer, "Lê Thị Hoa", [])
    seat = {"standing_committee_unit_id": province}
    assert client.patch(f"{CADRES}/{other['id']}", json=seat, headers=organizer).status_code == 409


# --- Changing a cadre ------------------------------------------------------------------------


def test_a_cadre_is_changed_field_by_field(client: TestClient, organizer: Headers) -> None:
    cadre = make_cadre(client, organizer, "Ngô Thị Hoa", [], gender="female", date_of_birth="1975-01-02")
    changed = client.patch(f"{CADRES}/{cadre['id']}", json={"full_name": "Ngô Thị Hoà"}, headers=organizer)
    assert changed.status_code == 200
    assert (changed.json()["full_name"], changed.json()["gender"]) == ("Ngô Thị Hoà", "female")
    cleared = client.patch(f"{CADRES}/{cadre['id']}", json={"gender": None}, headers=organizer).json()
    assert (cleared["gender"], cleared["date_of_birth"]) == (None, "1975-01-02")


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"full_name": None}, 422, "cannot be emptied"),
        ({"date_of_birth": "2028-01-01"}, 422, "not in the past"),
        ({"standing_committee_unit_id": "nope"}, 404, "no unit"),
        ({"posts": []}, 422, "posts"),
        ({"id": "x"}, 422, "id"),
    ],
)
def test_a_bad_change_to_a_cadre_leaves_it_as_it_was(
    client: TestClient,
    organizer: Headers,
    session: Session,
    unit: str,
    change: dict[str, Any],
    status: int,
    words: str,
) -> None:
    cadre = make_cadre(client, organizer, "Ngô Thị Hoa", [post_body(unit)], date_of_birth="1975-01-02")
    before = stored(session)
    response = client.patch(f"{CADRES}/{cadre['id']}", json=change, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert stored(session) == before


# --- Posts -----------------------------------------------------------------------------------


def test_posts_are_added_changed_and_removed(client: TestClient, organizer: Headers, unit: str) -> None:
    cadre = make_cadre(client, organizer, "Hoàng Văn Thái", [post_body(unit)])
    path = f"{CADRES}/{cadre['id']}/posts"
    deputy = client.post(path, json=post_body(unit, title="Phó Giám đốc Sở"), headers=organizer)
    assert deputy.status_code == 201
    post_id = deputy.json()["id"]
    changed = client.patch(f"{path}/{post_id}", json={"ended_on": "2026-12-31"}, headers=organizer)
    assert changed.status_code == 200 and changed.json()["ended_on"] == "2026-12-31"
    reopened = client.patch(f"{path}/{post_id}", json={"ended_on": None}, headers=organizer)
    assert reopened.json()["ended_on"] is None
    assert client.delete(f"{path}/{post_id}", headers=organizer).status_code == 204
    titles = [p["title"] for p in client.get(f"{CADRES}/{cadre['id']}", headers=organizer).json()["posts"]]
    assert titles == ["Giám đốc Sở"]


def test_a_post_moved_to_another_unit_shows_that_unit_and_its_rulebook(
    client: TestClient, organizer: Headers, unit: str
) -> None:
    council = make_unit(client, organizer, "HĐND tỉnh")
    cadre = make_cadre(client, organizer, "Hoàng Văn Thái", [post_body(unit)])
    path = f"{CADRES}/{cadre['id']}/posts/{cadre['posts'][0]['id']}"
    moved = client.patch(path, json={"unit_id": council, "filled_by": "council_elected"}, headers=organizer)
    assert moved.status_code == 200
    assert (moved.json()["unit_name"], moved.json()["rulebook"]) == ("HĐND tỉnh", "nq96")


def test_a_post_in_an_archived_unit_can_still_be_ended(
    client: TestClient, organizer: Headers, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Hoàng Văn Thái", [post_body(unit)])
    client.post(f"/api/v1/units/{unit}/archive", headers=organizer)
    path = f"{CADRES}/{cadre['id']}/posts/{cadre['posts'][0]['id']}"
    assert client.patch(path, json={"ended_on": "2027-05-31"}, headers=organizer).status_code == 200


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"title": "PHÓ GIÁM ĐỐC SỞ"}, 409, "already holds 'Phó Giám đốc Sở'"),
        ({"since": "2027-06-02"}, 422, "in the future"),
        ({"ended_on": "2020-01-01"}, 422, "before it starts"),
        ({"title": None}, 422, "cannot be emptied"),
        ({"unit_id": "no-such-unit"}, 404, "no unit"),
        ({"filled_by": "elected"}, 422, "filled_by"),
        ({"cadre_id": "someone-else"}, 422, "cadre_id"),
    ],
)
def test_a_bad_change_to_a_post_leaves_it_as_it_was(
    client: TestClient,
    organizer: Headers,
    session: Session,
    unit: str,
    change: dict[str, Any],
    status: int,
    words: str,
) -> None:
    cadre = make_cadre(
        client, organizer, "Hoàng Văn Thái", [post_body(unit), post_body(unit, title="Phó Giám đốc Sở")]
    )
    before = stored(session)
    path = f"{CADRES}/{cadre['id']}/posts/{cadre['posts'][0]['id']}"
    response = client.patch(path, json=change, headers=organizer)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert stored(session) == before


def test_the_same_post_again_is_a_conflict_and_nothing_is_added(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Hoàng Văn Thái", [post_body(unit)])
    before = stored(session)
    again = client.post(f"{CADRES}/{cadre['id']}/posts", json=post_body(unit), headers=organizer)
    assert again.status_code == 409
    assert again.json()["error"]["message"] == "Hoàng Văn Thái already holds 'Giám đốc Sở' in that unit"
    assert stored(session) == before
    other_unit = make_unit(client, organizer, "Sở Xây dựng")
    elsewhere = client.post(f"{CADRES}/{cadre['id']}/posts", json=post_body(other_unit), headers=organizer)
    assert elsewhere.status_code == 201


def test_a_post_is_reached_only_through_its_own_cadre(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    owner = make_cadre(client, organizer, "Hoàng Văn Thái", [post_body(unit)])
    other = make_cadre(client, organizer, "Lê Thị Hoa", [])
    before = stored(session)
    path = f"{CADRES}/{other['id']}/posts/{owner['posts'][0]['id']}"
    assert client.patch(path, json={"ended_on": "2027-01-01"}, headers=organizer).status_code == 404
    assert client.delete(path, headers=organizer).status_code == 404
    assert stored(session) == before


# --- Verdicts follow every change ------------------------------------------------------------


def test_a_retirement_notice_makes_the_cadre_ineligible_in_the_rounds_already_planned(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Vũ Đức Long", [post_body(unit)])
    candidate = nominate(session, make_plan(client, organizer), unit, cadre)
    response = client.patch(
        f"{CADRES}/{cadre['id']}", json={"retirement_notice_date": "2027-05-20"}, headers=organizer
    )
    assert response.status_code == 200
    session.refresh(candidate)
    assert candidate.eligible is False
    assert [r["code"] for r in candidate.reasons] == ["retirement_pending"]
    client.patch(f"{CADRES}/{cadre['id']}", json={"retirement_notice_date": None}, headers=organizer)
    assert reason_codes(session, candidate) == [] and candidate.eligible is True


def test_a_post_filled_in_the_vote_year_is_no_longer_voted_on(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Vũ Đức Long", [post_body(unit)])
    candidate = nominate(session, make_plan(client, organizer), unit, cadre)
    path = f"{CADRES}/{cadre['id']}/posts/{cadre['posts'][0]['id']}"
    assert client.patch(path, json={"since": "2027-02-01"}, headers=organizer).status_code == 200
    assert reason_codes(session, candidate) == ["filled_in_vote_year"]
    assert candidate.eligible is False


def test_a_post_added_or_removed_changes_the_verdicts_of_draft_rounds(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Vũ Đức Long", [post_body(unit)])
    candidate = nominate(session, make_plan(client, organizer), unit, cadre)
    path = f"{CADRES}/{cadre['id']}/posts/{cadre['posts'][0]['id']}"
    assert client.delete(path, headers=organizer).status_code == 204
    session.refresh(candidate)
    assert candidate.eligible is False and "no_posts" in reason_codes(session, candidate)


def test_a_round_whose_voting_opened_keeps_its_verdicts(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Vũ Đức Long", [post_body(unit)])
    candidate = nominate(session, make_plan(client, organizer), unit, cadre, RoundStatus.OPEN)
    change = {"retirement_notice_date": "2027-05-20"}
    assert client.patch(f"{CADRES}/{cadre['id']}", json=change, headers=organizer).status_code == 200
    session.refresh(candidate)
    assert candidate.eligible is True


# --- Archiving and deleting ------------------------------------------------------------------


def test_a_nominated_cadre_is_archived_not_deleted_and_a_voted_post_stays(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Đặng Thị Lan", [post_body(unit)])
    nominate(session, make_plan(client, organizer), unit, cadre, RoundStatus.SCHEDULED)
    before = stored(session)
    refused = client.delete(f"{CADRES}/{cadre['id']}", headers=organizer)
    assert refused.status_code == 409 and "archive instead" in refused.json()["error"]["message"]
    post_id = cadre["posts"][0]["id"]
    kept = client.delete(f"{CADRES}/{cadre['id']}/posts/{post_id}", headers=organizer)
    assert kept.status_code == 409 and "set its end date instead" in kept.json()["error"]["message"]
    assert stored(session) == before
    archived = client.post(f"{CADRES}/{cadre['id']}/archive", headers=organizer)
    assert archived.json()["archived_at"] == "2027-06-01T02:00:00Z"
    assert client.get(CADRES, headers=organizer).json()["total"] == 0
    assert count(client, organizer, CADRES) == 1


def test_a_post_voted_on_only_in_a_draft_round_can_be_removed(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Đặng Thị Lan", [post_body(unit)])
    nominate(session, make_plan(client, organizer), unit, cadre)
    post_id = cadre["posts"][0]["id"]
    assert client.delete(f"{CADRES}/{cadre['id']}/posts/{post_id}", headers=organizer).status_code == 204


def test_an_unreferenced_cadre_is_deleted_with_its_posts(
    client: TestClient, organizer: Headers, session: Session, unit: str
) -> None:
    cadre = make_cadre(client, organizer, "Bùi Văn Tâm", [post_body(unit)])
    assert client.delete(f"{CADRES}/{cadre['id']}", headers=organizer).status_code == 204
    assert client.get(f"{CADRES}/{cadre['id']}", headers=organizer).status_code == 404
    assert stored(session) == ([], [])


# --- Unknown ids and rights ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"{CADRES}/{UNKNOWN}", None),
        ("PATCH", f"{CADRES}/{UNKNOWN}", {"gender": "male"}),
        ("POST", f"{CADRES}/{UNKNOWN}/archive", None),
        ("DELETE", f"{CADRES}/{UNKNOWN}", None),
        ("PATCH", f"{CADRES}/{UNKNOWN}/posts/{UNKNOWN}", {"ended_on": "2027-01-01"}),
        ("DELETE", f"{CADRES}/{UNKNOWN}/posts/{UNKNOWN}", None),
    ],
)
def test_an_unknown_cadre_is_not_found(
    client: TestClient, organizer: Headers, method: str, path: str, body: dict[str, Any] | None
) -> None:
    response = client.request(method, path, json=body, headers=organizer)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == f"no cadre with id '{UNKNOWN}'"


def test_a_post_for_an_unknown_cadre_is_not_found(client: TestClient, organizer: Headers, unit: str) -> None:
    response = client.post(f"{CADRES}/{UNKNOWN}/posts", json=post_body(unit), headers=organizer)
    assert response.status_code == 404 and response.json()["error"]["details"]["kind"] == "cadre"


def test_an_unknown_post_is_not_found(client: TestClient, organizer: Headers) -> None:
    cadre = make_cadre(client, organizer, "Bùi Văn Tâm", [])
    response = client.delete(f"{CADRES}/{cadre['id']}/posts/{UNKNOWN}", headers=organizer)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == f"Bùi Văn Tâm has no post with id '{UNKNOWN}'"


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("POST", "", {"full_name": "Ngô Văn Ba"}),
        ("PATCH", "/{cadre}", {"full_name": "Ngô Văn Ba"}),
        ("POST", "/{cadre}/posts", {"title": "Phó Giám đốc Sở"}),
        ("PATCH", "/{cadre}/posts/{post}", {"ended_on": "2027-01-01"}),
        ("DELETE", "/{cadre}/posts/{post}", None),
        ("POST", "/{cadre}/archive", None),
        ("DELETE", "/{cadre}", None),
    ],
)
def test_an_observer_cannot_change_cadres(
    client: TestClient,
    organizer: Headers,
    observer: Headers,
    session: Session,
    unit: str,
    method: str,
    suffix: str,
    body: dict[str, Any] | None,
) -> None:
    cadre = make_cadre(client, organizer, "Ngô Thị Hoa", [post_body(unit)])
    if body is not None and "title" in body:
        body = post_body(unit) | body
    before = stored(session)
    path = CADRES + suffix.format(cadre=cadre["id"], post=cadre["posts"][0]["id"])
    response = client.request(method, path, json=body, headers=observer)
    assert response.status_code == 403
    assert stored(session) == before


def test_a_search_without_diacritics_finds_the_name_with_them(
    client: TestClient, organizer: Headers, unit: str
) -> None:
    for name in ("Nguyễn Văn An", "Đặng Thị Đào", "Trần Văn Bình"):
        make_cadre(client, organizer, name, [post_body(unit)])
    for typed, expected in (("nguyen van a", ["Nguyễn Văn An"]), ("dang thi dao", ["Đặng Thị Đào"])):
        found = client.get(CADRES, params={"q": typed}, headers=organizer).json()["items"]
        assert [c["full_name"] for c in found] == expected
    # Typing the marks still finds it, and so does a part of a word.
    assert client.get(CADRES, params={"q": "Đào"}, headers=organizer).json()["total"] == 1
    assert client.get(CADRES, params={"q": "binh"}, headers=organizer).json()["total"] == 1
    units = client.get("/api/v1/units", params={"q": "so tai"}, headers=organizer).json()["items"]
    assert [u["name"] for u in units] == ["Sở Tài chính"]
