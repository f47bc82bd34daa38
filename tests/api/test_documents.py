"""Documents of a round's calendar: recorded as text or with a PDF/DOCX, on time or late in Vietnam."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from model_builders import make_cadre, make_candidate, make_round
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import PayloadTooLarge
from app.models import Document, Round
from app.models.plan import RoundStatus
from app.services.uploads import CHUNK, read_capped

Headers = dict[str, str]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LIMIT = 64 * 1024  # the tests' settings.upload_max_bytes


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Báo cáo tự kiểm điểm</w:document>")
    return buffer.getvalue()


def zip_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def upload(client: TestClient, headers: Headers, round_id: str, files: Any = None, **fields: Any) -> Any:
    data = {"kind": "report", "title": "Báo cáo tự kiểm điểm"} | fields
    return client.post(f"/api/v1/rounds/{round_id}/documents", data=data, files=files, headers=headers)


def count_documents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0


@pytest.fixture
def scene(session: Session) -> dict[str, str]:
    round_ = make_round(session)
    return {
        "round": round_.id,
        "cadre": make_candidate(session, round_, "Nguyễn Văn Hùng").id,
        "outsider": make_cadre(session, "Trần Văn Ngoài").id,
    }


# --- recording ------------------------------------------------------------------------------------


def test_a_report_in_text_only_is_recorded_with_its_deadline(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    response = upload(
        client,
        organizer,
        scene["round"],
        cadre_id=scene["cadre"],
        body="Nội dung tự kiểm điểm",
        submitted_by="Nguyễn Văn Hùng",
        submitted_at="2027-05-20T09:00:00+07:00",
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["kind"], body["cadre_id"], body["submitted_by"]) == (
        "report",
        scene["cadre"],
        "Nguyễn Văn Hùng",
    )
    assert (body["deadline"], body["on_time"], body["days_late"]) == ("2027-05-26", True, 0)
    assert (body["file_name"], body["file_size"], body["file_sha256"]) == (None, None, None)
    assert client.get(f"/api/v1/documents/{body['id']}", headers=organizer).json() == body


def test_a_document_without_a_time_is_dated_now(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    body = upload(client, organizer, scene["round"], kind="dossier", body="Hồ sơ").json()
    # Today is 2027-06-01 in Vietnam; the dossier was due 2027-05-31.
    assert body["submitted_at"].startswith("2027-06-01T02:00:00")
    assert (body["deadline"], body["on_time"], body["days_late"]) == ("2027-05-31", False, 1)


@pytest.mark.parametrize(
    ("name", "content", "media"),
    [("bao-cao.pdf", PDF, "application/pdf"), ("Báo cáo Đông.DOCX", docx(), DOCX_TYPE)],
    ids=["pdf", "docx"],
)
def test_a_pdf_or_docx_is_stored_and_downloaded_unchanged(
    client: TestClient, organizer: Headers, scene: dict[str, str], name: str, content: bytes, media: str
) -> None:
    response = upload(
        client, organizer, scene["round"], files={"file": (name, content)}, cadre_id=scene["cadre"]
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["file_name"], body["content_type"], body["file_size"]) == (name, media, len(content))
    assert body["file_sha256"] == hashlib.sha256(content).hexdigest()
    download = client.get(f"/api/v1/documents/{body['id']}/file", headers=organizer)
    assert download.status_code == 200
    assert download.content == content
    assert download.headers["content-type"].startswith(media)
    disposition = download.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=")
    assert "UTF-8''" in disposition


def test_a_vietnamese_file_name_keeps_its_accents_and_gets_an_ascii_fallback(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    doc = upload(
        client, organizer, scene["round"], files={"file": ("Báo cáo Đông.pdf", PDF)}, cadre_id=scene["cadre"]
    ).json()
    disposition = client.get(f"/api/v1/documents/{doc['id']}/file", headers=organizer).headers[
        "content-disposition"
    ]
    assert disposition == (
        "attachment; filename=\"Bao cao Dong.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%C4%90%C3%B4ng.pdf"
    )


def test_a_path_sent_as_the_file_name_keeps_only_the_name(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    files = {"file": ("C:\\Users\\hung\\..\\bao-cao.pdf", PDF)}
    body = upload(client, organizer, scene["round"], files=files, cadre_id=scene["cadre"]).json()
    assert body["file_name"] == "bao-cao.pdf"


# --- on time or late ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("submitted_at", "on_time", "days_late"),
    [
        ("2027-05-05T09:00:00+07:00", True, 0),  # 21 days before the D−20 deadline (2027-05-26)
        ("2027-05-28T09:00:00+07:00", False, 2),  # 2 days after it
        ("2027-05-25T23:30:00Z", True, 0),  # already 26 May, 06:30, in Vietnam: the deadline day
        ("2027-05-26T23:30:00Z", False, 1),  # 27 May in Vietnam although still 26 May in UTC
        ("2027-05-26T16:59:59Z", True, 0),  # 23:59:59 on the deadline day in Vietnam
        ("2027-05-26T18:00:00+07:00", True, 0),  # an evening in Vietnam keeps its day when stored
    ],
    ids=[
        "21-days-early",
        "2-days-late",
        "utc-evening-before",
        "utc-evening-of",
        "last-second",
        "ict-evening",
    ],
)
def test_a_report_is_on_time_by_the_day_it_arrived_in_vietnam(
    client: TestClient,
    organizer: Headers,
    scene: dict[str, str],
    submitted_at: str,
    on_time: bool,
    days_late: int,
) -> None:
    created = upload(
        client, organizer, scene["round"], cadre_id=scene["cadre"], body="x", submitted_at=submitted_at
    ).json()
    read = client.get(f"/api/v1/documents/{created['id']}", headers=organizer).json()
    assert (read["deadline"], read["on_time"], read["days_late"]) == ("2027-05-26", on_time, days_late)


def test_moving_the_vote_date_changes_whether_a_report_was_on_time(
    client: TestClient, organizer: Headers, session: Session, scene: dict[str, str]
) -> None:
    doc = upload(
        client,
        organizer,
        scene["round"],
        cadre_id=scene["cadre"],
        body="x",
        submitted_at="2027-05-28T09:00:00+07:00",
    ).json()
    assert (doc["on_time"], doc["days_late"]) == (False, 2)
    round_ = session.get(Round, scene["round"])
    assert round_ is not None
    round_.vote_date = date(2027, 6, 20)  # the report is now due 2027-05-31
    session.commit()
    moved = client.get(f"/api/v1/documents/{doc['id']}", headers=organizer).json()
    assert (moved["deadline"], moved["on_time"], moved["days_late"]) == ("2027-05-31", True, 0)


# --- refusals -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "fields", "status", "words"),
    [
        ({"file": ("big.pdf", PDF + b"0" * LIMIT)}, {}, 413, "larger than the limit of 64 KiB"),
        (
            {"file": ("virus.pdf", b"MZ\x90\x00\x03 this is a Windows program")},
            {},
            422,
            "attach a PDF (.pdf)",
        ),
        ({"file": ("report.txt", PDF)}, {}, 422, "or Word (.docx)"),
        ({"file": ("report.docx", PDF)}, {}, 422, "content matches its name"),
        ({"file": ("bang-tinh.docx", zip_without_document())}, {}, 422, "not accepted"),
        ({"file": ("fake.docx", b"PK\x03\x04broken")}, {}, 422, "not accepted"),
        ({"file": ("empty.pdf", b"")}, {}, 422, "not accepted"),
        (None, {}, 422, "a text body or an attached file"),
        (None, {"body": "   "}, 422, "a text body or an attached file"),
        (None, {"body": "x", "title": " "}, 422, "title"),
        (None, {"body": "x", "kind": "minutes"}, 422, "kind"),
        (None, {"body": "x", "cadre_id": None}, 422, "give cadre_id"),
        (None, {"body": "x", "kind": "answers", "cadre_id": None}, 422, "give cadre_id"),
        (None, {"body": "x", "submitted_at": "2027-06-02T09:00:00+07:00"}, 422, "in the future"),
        (None, {"body": "x", "submitted_at": "2027-05-20T09:00:00"}, 422, "time zone"),
        (None, {"body": "x", "submitted_at": "hôm qua"}, 422, "submitted_at"),
        (None, {"body": "x\u0000y"}, 422, "control characters"),
    ],
    ids=[
        "oversize",
        "exe-named-pdf",
        "pdf-named-txt",
        "pdf-named-docx",
        "zip-not-word",
        "broken-zip",
        "empty-file",
        "no-body-no-file",
        "blank-body",
        "blank-title",
        "unknown-kind",
        "report-without-cadre",
        "answers-without-cadre",
        "future",
        "no-zone",
        "not-a-time",
        "nul-character",
    ],
)
def test_a_bad_upload_is_refused_with_a_reason_and_nothing_is_saved(
    client: TestClient,
    organizer: Headers,
    session: Session,
    scene: dict[str, str],
    files: Any,
    fields: dict[str, Any],
    status: int,
    words: str,
) -> None:
    fields = {k: v for k, v in ({"cadre_id": scene["cadre"]} | fields).items() if v is not None}
    before = count_documents(session)
    response = upload(client, organizer, scene["round"], files=files, **fields)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]
    assert count_documents(session) == before


def test_a_wrong_type_names_the_accepted_types(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    response = upload(
        client, organizer, scene["round"], files={"file": ("a.exe", b"MZ")}, cadre_id=scene["cadre"]
    )
    error = response.json()["error"]
    assert response.status_code == 422
    assert error["details"]["accepted"] == [".docx", ".pdf"]
    assert "PDF (.pdf)" in error["message"] and "Word (.docx)" in error["message"]


def test_a_document_for_an_unknown_round_is_not_found(
    client: TestClient, organizer: Headers, session: Session, scene: dict[str, str]
) -> None:
    response = upload(client, organizer, "no-such-round", kind="dossier", body="Hồ sơ")
    assert response.status_code == 404
    assert "round" in response.json()["error"]["message"]
    assert count_documents(session) == 0


def test_a_document_about_a_cadre_not_voted_on_in_the_round_is_refused(
    client: TestClient, organizer: Headers, session: Session, scene: dict[str, str]
) -> None:
    for cadre_id in (scene["outsider"], "no-such-cadre"):
        response = upload(client, organizer, scene["round"], cadre_id=cadre_id, body="x")
        assert response.status_code == 422
        assert "not a candidate of this round" in response.json()["error"]["message"]
    assert count_documents(session) == 0


def test_an_archived_round_takes_no_documents(
    client: TestClient, organizer: Headers, session: Session, clock: Clock
) -> None:
    round_ = make_round(session, archived_at=clock.now())
    response = upload(client, organizer, round_.id, kind="dossier", body="Hồ sơ")
    assert response.status_code == 409 and "archived" in response.json()["error"]["message"]
    assert count_documents(session) == 0


def test_an_observer_reads_documents_but_cannot_upload(
    client: TestClient, organizer: Headers, observer: Headers, session: Session, scene: dict[str, str]
) -> None:
    refused = upload(client, observer, scene["round"], files={"file": ("a.pdf", PDF)}, kind="dossier")
    assert refused.status_code == 403
    assert count_documents(session) == 0
    doc = upload(client, organizer, scene["round"], files={"file": ("a.pdf", PDF)}, kind="dossier").json()
    assert client.get(f"/api/v1/documents/{doc['id']}", headers=observer).status_code == 200
    assert client.get(f"/api/v1/documents/{doc['id']}/file", headers=observer).content == PDF
    assert client.get(f"/api/v1/rounds/{scene['round']}/documents", headers=observer).json()["total"] == 1
    assert upload(client, {}, scene["round"], kind="dossier", body="x").status_code == 401


def test_the_upload_is_read_in_chunks_and_abandoned_past_the_limit() -> None:
    class Endless(io.RawIOBase):
        """A never-ending upload that counts what was read from it."""

        taken = 0

        def read(self, size: int = -1) -> bytes:
            self.taken += size
            return b"0" * size

    stream = Endless()
    with pytest.raises(PayloadTooLarge):
        read_capped(stream, LIMIT)
    assert stream.taken <= LIMIT + CHUNK


# --- reading and deleting -------------------------------------------------------------------------


def test_documents_are_listed_a_page_at_a_time_by_kind_and_cadre(
    client: TestClient, organizer: Headers, session: Session, scene: dict[str, str]
) -> None:
    other = make_candidate(session, session.get(Round, scene["round"]), "Đặng Thị Lan")
    upload(
        client,
        organizer,
        scene["round"],
        kind="dossier",
        body="Hồ sơ",
        submitted_at="2027-05-30T09:00:00+07:00",
    )
    upload(
        client,
        organizer,
        scene["round"],
        cadre_id=scene["cadre"],
        body="A",
        submitted_at="2027-05-20T09:00:00Z",
    )
    upload(
        client, organizer, scene["round"], cadre_id=other.id, body="B", submitted_at="2027-05-29T09:00:00Z"
    )
    path = f"/api/v1/rounds/{scene['round']}/documents"
    every = client.get(path, headers=organizer).json()
    assert [d["body"] for d in every["items"]] == ["A", "B", "Hồ sơ"]  # oldest first
    assert [d["on_time"] for d in every["items"]] == [True, False, True]
    assert [d["kind"] for d in client.get(f"{path}?kind=dossier", headers=organizer).json()["items"]] == [
        "dossier"
    ]
    mine = client.get(f"{path}?cadre_id={scene['cadre']}", headers=organizer).json()
    assert [d["body"] for d in mine["items"]] == ["A"]
    second = client.get(f"{path}?limit=1&offset=1", headers=organizer).json()
    assert (second["total"], [d["body"] for d in second["items"]]) == (3, ["B"])
    assert client.get(f"{path}?kind=minutes", headers=organizer).status_code == 422
    assert client.get("/api/v1/rounds/no-such-round/documents", headers=organizer).status_code == 404


def test_a_missing_document_or_file_is_not_found(
    client: TestClient, organizer: Headers, scene: dict[str, str]
) -> None:
    text_only = upload(client, organizer, scene["round"], kind="dossier", body="Hồ sơ").json()
    no_file = client.get(f"/api/v1/documents/{text_only['id']}/file", headers=organizer)
    assert no_file.status_code == 404 and "no attached file" in no_file.json()["error"]["message"]
    assert client.get("/api/v1/documents/nope", headers=organizer).status_code == 404
    assert client.get("/api/v1/documents/nope/file", headers=organizer).status_code == 404
    assert client.delete("/api/v1/documents/nope", headers=organizer).status_code == 404


def test_a_document_is_deleted_only_while_the_round_is_prepared(
    client: TestClient, organizer: Headers, observer: Headers, session: Session, scene: dict[str, str]
) -> None:
    first = upload(client, organizer, scene["round"], kind="dossier", body="Hồ sơ 1").json()
    second = upload(client, organizer, scene["round"], kind="dossier", body="Hồ sơ 2").json()
    assert client.delete(f"/api/v1/documents/{first['id']}", headers=observer).status_code == 403
    assert client.delete(f"/api/v1/documents/{first['id']}", headers=organizer).status_code == 204
    assert count_documents(session) == 1
    round_ = session.get(Round, scene["round"])
    assert round_ is not None
    round_.status = RoundStatus.OPEN
    session.commit()
    refused = client.delete(f"/api/v1/documents/{second['id']}", headers=organizer)
    assert refused.status_code == 409 and "open" in refused.json()["error"]["message"]
    assert count_documents(session) == 1
