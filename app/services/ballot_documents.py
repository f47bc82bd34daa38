"""The documents a voter may read beside the ballot: each candidate's report, the clarification
requests about them and their answers (and the dossier), listed on the ballot and downloadable
without a token while the round is open. Nothing else is reachable through the voter's address."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ballots.calendar import Milestone

from ..models import Document
from ..repositories import documents as repo
from ..repositories.common import not_found
from .uploads import content_disposition

# Read by the voters before they vote (regulation.md: the report reaches them, requests and answers too).
FOR_VOTERS = (Milestone.REPORT, Milestone.DOSSIER, Milestone.CLARIFICATION_REQUEST, Milestone.ANSWERS)
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class BallotDocument:
    id: str
    kind: Milestone
    title: str
    url: str


@dataclass(frozen=True)
class VoterCopy:
    content: bytes
    media_type: str
    disposition: str


def url_of(round_id: str, document_id: str) -> str:
    return f"/bo-phieu/{round_id}/tai-lieu/{document_id}"


def by_cadre(session: Session, round_id: str, cadre_ids: list[str]) -> dict[str, list[BallotDocument]]:
    """The documents of each row of the ballot, oldest first (one query)."""
    found: dict[str, list[BallotDocument]] = {c: [] for c in cadre_ids}
    for d in repo.for_voters(session, round_id, cadre_ids, FOR_VOTERS):
        if d.cadre_id is not None:
            found[d.cadre_id].append(BallotDocument(d.id, d.kind, d.title, url_of(round_id, d.id)))
    return found


def voter_copy(session: Session, round_id: str, cadre_ids: list[str], document_id: str) -> VoterCopy:
    """The document's file as uploaded, or its text when it has none; any other id is not found,
    the same whether it does not exist, belongs to another round or is not for the voters."""
    document = repo.voter_copy(session, round_id, document_id, cadre_ids, FOR_VOTERS)
    if document is None:
        raise not_found("document", document_id)
    return _copy(document)


def _copy(document: Document) -> VoterCopy:
    if document.file_data is not None and document.content_type:
        name = document.file_name or document.title
        return VoterCopy(document.file_data, document.content_type, content_disposition(name))
    text = f"{document.title}\n\n{document.body}\n".encode()
    return VoterCopy(text, TEXT, content_disposition(f"{document.title}.txt"))
