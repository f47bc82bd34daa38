"""Documents on the ballot: each row lists what the voters may read about that cadre, and a voter
downloads it without a token while the round is open; no other document is reachable that way."""

from __future__ import annotations

from typing import Any

from api_builders import created
from fastapi.testclient import TestClient
from voting_builders import issue, open_round, prepared_round

Headers = dict[str, str]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(client: TestClient, headers: Headers, round_id: str, files: Any = None, **fields: str) -> str:
    answer = client.post(f"/api/v1/rounds/{round_id}/documents", data=fields, files=files, headers=headers)
    return str(created(answer)["id"])


def cadres_of(client: TestClient, headers: Headers, round_id: str) -> list[str]:
    items = client.get(f"/api/v1/rounds/{round_id}/candidates", headers=headers).json()["items"]
    return [c["cadre_id"] for c in items]


def test_the_ballot_lists_each_cadres_documents_and_voters_download_them(
    client: TestClient, organizer: Headers
) -> None:
    round_id = prepared_round(client, organizer)
    first, second = cadres_of(client, organizer, round_id)
    report = upload(
        client,
        organizer,
        round_id,
        files={"file": ("Báo cáo Đông.pdf", PDF)},
        kind="report",
        title="Báo cáo tự kiểm điểm",
        cadre_id=first,
    )
    answers = upload(
        client,
        organizer,
        round_id,
        kind="answers",
        title="Giải trình",
        body="Tôi xin giải trình.",
        cadre_id=second,
    )
    # A dossier of the round as a whole is not a row's document: not on the ballot, not downloadable.
    general = upload(client, organizer, round_id, kind="dossier", title="Hồ sơ chung", body="...")
    issue(client, organizer, round_id)
    open_round(client, organizer, round_id)

    rows = {
        r["cadre_id"]: r["documents"] for r in client.get(f"/api/v1/rounds/{round_id}/ballot").json()["rows"]
    }
    assert rows[first] == [
        {
            "id": report,
            "kind": "report",
            "title": "Báo cáo tự kiểm điểm",
            "url": f"/bo-phieu/{round_id}/tai-lieu/{report}",
        }
    ]
    assert [d["id"] for d in rows[second]] == [answers]

    pdf = client.get(rows[first][0]["url"])  # no token
    assert pdf.status_code == 200 and pdf.content == PDF
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith('attachment; filename="Bao cao Dong.pdf"')
    text = client.get(rows[second][0]["url"])
    assert text.status_code == 200 and text.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Tôi xin giải trình." in text.text and "attachment" in text.headers["content-disposition"]

    for unreachable in (general, "00000000-0000-4000-8000-000000000000", "x" * 40):
        assert client.get(f"/bo-phieu/{round_id}/tai-lieu/{unreachable}").status_code == 404


def test_another_rounds_document_is_not_found_and_a_round_not_open_lends_nothing(
    client: TestClient, organizer: Headers
) -> None:
    round_id = prepared_round(client, organizer)
    other = prepared_round(client, organizer, tag=" 2")
    (cadre, *_) = cadres_of(client, organizer, other)
    foreign = upload(
        client, organizer, other, kind="report", title="Báo cáo", body="Chưa công bố", cadre_id=cadre
    )
    issue(client, organizer, round_id)
    open_round(client, organizer, round_id)
    assert client.get(f"/bo-phieu/{round_id}/tai-lieu/{foreign}").status_code == 404
    # The other round is not open: its own documents are not handed out to anyone without a token.
    refused = client.get(f"/bo-phieu/{other}/tai-lieu/{foreign}")
    assert refused.status_code == 409 and "Chưa công bố" not in refused.text
