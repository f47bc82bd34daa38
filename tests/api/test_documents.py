from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import Any

import pytest
from api_builders import make_cadre, make_plan, make_round, make_unit, post_body, propose
from fastapi.testclient import TestClient

from app.clock import Clock

Headers = dict[str, str]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Báo cáo</w:document>")
    return buffer.getvalue()


@pytest.fixture
def scene(client: TestClient, organizer: Headers) -> dict[str, str]:
    unit = make_unit(client, organizer, "Sở Tài chính")
    round_ = make_round(
        client, organizer, make_plan(client, organizer), unit
    )  # vote 2027-09-20, report due 08-31
    cadre = make_cadre(client, organizer, "Nguyễn Văn Hùng", [post_body(unit)])
    propose(client, organizer, round_["id"], cadre["id"])
    outsider = make_cadre(client, organizer, "Trần Văn Ngoài", [post_body(unit, title="Phó Giám đốc Sở")])
    return {"round": round_["id"], "cadre": cadre["id"], "outsider": outsider["id"]}


def travel_to(client: TestClient, moment: datetime) -> None:
    app: Any = client.app
    app.state.clock = Clock(fixed=moment)


def upload(client: TestClient, headers: Headers, round_id: str, files: Any = None, **fields: Any) -> Any:
    data = {"kind": "report", "title": "Báo cáo tự kiểm điểm"} | fields
    return client.post(f"/api/v1/rounds/{round_id}/documents", data=data, files=files, headers=headers)


def documents(client: TestClient, headers: Headers, round_id: str) -> list[dict[str, Any]]:
    return list(client.get(f"/api/v1/rounds/{round_id}/documents", headers=headers).json())


def test_a_report_in_text_is_recorded_on_time(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    response = upload(
        client,
        organizer,
        scene["round"],
        cadre_id=scene["cadre"],
        body="Nội dung",
        submitted_at="2027-05-20T09:00:00+07:00",
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["deadline"], body["on_time"], body["days_late"], body["file_name"]) == (
        "2027-08-31",
        True,
        0,
        None,
    )


@pytest.mark.parametrize(
    ("name", "content", "media"),
    [
        ("bao-cao.pdf", PDF, "application/pdf"),
        ("Báo cáo.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_a_pdf_or_docx_attachment_is_stored_and_downloaded_unchanged(
    client: TestClient, organizer: Headers, scene: dict[str, str], name: str, content: bytes, media: str
) -> None:
    response = upload(
        client, organizer, scene["round"], files={"file": (name, content)}, cadre_id=scene["cadre"]
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["file_name"], body["content_type"], body["file_size"]) == (name, media, len(content))
    download = client.get(f"/api/v1/documents/{body['id']}/file", headers=organizer)
    assert download.content == content
    assert download.headers["content-type"].startswith(media)
    assert "attachment" in download.headers["content-disposition"]


@pytest.mark.parametrize(
    ("submitted_at", "days_late"),
    [("2027-09-02T10:00:00+07:00", 2), ("2027-08-31T17:30:00Z", 1), ("2027-08-31T16:30:00Z", 0)],
    ids=["two-days-late", "after-midnight-in-vietnam", "before-midnight-in-vietnam"],
)
def test_lateness_is_counted_in_days_in_vietnam(
    client: TestClient, organizer: Headers, scene: dict[str, str], submitted_at: str, days_late: int
) -> None:
    travel_to(client, datetime(2027, 9, 10, 2, tzinfo=UTC))
    body = upload(
        client, organizer, scene["round"], cadre_id=scene["cadre"], body="x", submitted_at=submitted_at
    ).json()
    assert (body["days_late"], body["on_time"]) == (days_late, days_late == 0)


@pytest.mark.parametrize(
    ("files", "fields", "status", "words"),
    [
        ({"file": ("big.pdf", PDF + b"0" * 70_000)}, {}, 413, "larger than"),
        ({"file": ("virus.pdf", b"MZ\x90\x00 not a pdf")}, {}, 422, "not accepted"),
        ({"file": ("report.txt", PDF)}, {}, 422, "not accepted"),
        ({"file": ("fake.docx", b"PK\x03\x04broken")}, {}, 422, "not accepted"),
        (None, {}, 422, "text body or an attached file"),
        (None, {"body": "x", "kind": "minutes"}, 422, "kind"),
        (None, {"body": "x", "cadre_id": None}, 422, "give cadre_id"),
        (None, {"body": "x", "submitted_at": "2027-06-02T09:00:00+07:00"}, 422, "in the future"),
        (None, {"body": "x", "submitted_at": "hôm qua"}, 422, "submitted_at"),
        (None, {"body": "x\u0000y"}, 422, "control characters"),
    ],
)
def test_a_bad_document_is_refused_and_nothing_is_saved(
    client: TestClient,
    organizer: Headers,
    scene: dict[str, str],
    files: Any,
    fields: dict[str, Any],
    status: int,
    words: str,
) -> None:
    fields = {"cadre_id": scene["cadre"]} | fields
    fields = {k: v for k, v in fields.items() if v is not None}
    response = upload(client, organizer, scene["round"], files=files, **fields)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert documents(client, organizer, scene["round"]) == []


def test_a_document_about_someone_not_voted_on_here_is_refused(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    response = upload(client, organizer, scene["round"], cadre_id=scene["outsider"], body="x")
    assert response.status_code == 422 and "not a candidate" in response.json()["error"]["message"]


def test_unknown_rounds_documents_and_files_are_not_found(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    assert upload(client, organizer, "no-round", body="x", kind="dossier").status_code == 404
    text = upload(client, organizer, scene["round"], body="Hồ sơ", kind="dossier").json()
    assert client.get(f"/api/v1/documents/{text['id']}/file", headers=organizer).status_code == 404
    assert client.get("/api/v1/documents/nope", headers=organizer).status_code == 404


def test_an_observer_reads_documents_but_cannot_add_or_delete(
    client: TestClient, organizer: Headers, observer: Headers, scene: dict[str, str]
) -> None:
    doc = upload(client, organizer, scene["round"], body="Hồ sơ", kind="dossier").json()
    assert upload(client, observer, scene["round"], body="x", kind="dossier").status_code == 403
    assert client.get(f"/api/v1/documents/{doc['id']}", headers=observer).status_code == 200
    assert client.delete(f"/api/v1/documents/{doc['id']}", headers=observer).status_code == 403
    assert client.delete(f"/api/v1/documents/{doc['id']}", headers=organizer).status_code == 204
    assert documents(client, organizer, scene["round"]) == []


def test_documents_are_listed_by_kind_and_cadre(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    upload(client, organizer, scene["round"], body="Hồ sơ", kind="dossier")
    upload(client, organizer, scene["round"], body="Báo cáo", cadre_id=scene["cadre"])
    path = f"/api/v1/rounds/{scene['round']}/documents"
    assert [d["kind"] for d in client.get(f"{path}?kind=dossier", headers=organizer).json()] == ["dossier"]
    assert [d["kind"] for d in client.get(f"{path}?cadre_id={scene['cadre']}", headers=organizer).json()] == [
        "report"
    ]
