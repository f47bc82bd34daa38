"""Recounting a round's record with its private key: what an auditor runs (``tinnhiem verify --key``).

Every sealed ballot is opened and read in the record's layout, the accepted paper ballots are added,
and ``ballots.tally`` counts them again; every figure of every candidate must equal what the signed
results say. A result changed and signed again passes the signature check but not this one.

A follow-up (``nq96``) round is recounted the same way with its two boxes ("Tín nhiệm" / "Không
tín nhiệm") and ``tally_follow_up`` over the results' ``deputies``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .ballot import Ballot, CheckedBallot, Row, RowOutcome, check_ballot, check_row, row_from_marks
from .errors import BallotsError, InvalidInput
from .levels import FollowUpLevel, Level
from .record import Finding, field, sealed_ballots
from .sealing import decode_ballot, unseal_all
from .tally import CandidateResult, ConfidenceResult, FollowUpResult, tally, tally_follow_up


def figures(result: ConfidenceResult) -> dict[str, Any]:
    """A candidate's figures as the results document writes them (design.md, "Contracts")."""
    levels = {lv.value: {"count": c.count, "percent": c.percent} for lv, c in result.levels.items()}
    return {
        "valid": result.valid,
        "invalid": result.invalid,
        **levels,
        "band": result.band.value,
        "review": result.review,
    }


def follow_up_figures(result: FollowUpResult) -> dict[str, Any]:
    """A candidate's figures in a follow-up vote's results document."""
    levels = {lv.value: {"count": c.count, "percent": c.percent} for lv, c in result.levels.items()}
    return {
        "valid": result.valid,
        "invalid": result.invalid,
        **levels,
        "no_confidence_majority": result.no_confidence_majority,
    }


def _figures(result: CandidateResult[Any]) -> dict[str, Any]:
    return follow_up_figures(result) if isinstance(result, FollowUpResult) else figures(result)  # type: ignore[arg-type]


# An online ballot's row is one level or blank: its outcome is checked once per level by the core's
# own rule and shared by every ballot (a million rows of 20k x 50 cost a lookup, not a check).
def _outcomes(levels: type[Level] | type[FollowUpLevel]) -> dict[Any, RowOutcome[Any]]:
    return {lv: check_row(Row(frozenset() if lv is None else frozenset({lv}))) for lv in (*levels, None)}


def _online(
    layout: Sequence[str], opened: Sequence[bytes], levels: type[Level] | type[FollowUpLevel]
) -> list[CheckedBallot[Any]]:
    outcomes = _outcomes(levels)
    return [
        CheckedBallot({c: outcomes[lv] for c, lv in decode_ballot(layout, data, levels).items()})  # type: ignore[arg-type]
        for data in opened
    ]


def _paper(entries: Sequence[Any], levels: Any) -> list[Ballot[Any]]:
    """``levels``: Level or FollowUpLevel, the boxes printed on the round's ballot."""
    ballots = []
    for entry in entries:
        rows = field(entry, "rows", dict)
        parsed = {
            str(c): row_from_marks(field(r, "marks", list), levels, name_struck=bool(r.get("struck")))
            for c, r in rows.items()
        }
        ballots.append(Ballot(rows=parsed, issued=bool(entry.get("stamped"))))
    return ballots


def _differences(recorded: Sequence[Any], counted: Sequence[CandidateResult[Any]]) -> list[dict[str, Any]]:
    by_cadre = {str(c.get("cadre_id")): c for c in recorded if isinstance(c, Mapping)}
    found = []
    for result in counted:
        written = by_cadre.pop(result.cadre_id, None)
        if written is None:
            found.append({"cadre_id": result.cadre_id, "field": "candidate", "recorded": None})
            continue
        for name, value in _figures(result).items():
            if written.get(name) != value:
                found.append(
                    {
                        "cadre_id": result.cadre_id,
                        "field": name,
                        "recorded": written.get(name),
                        "recounted": value,
                    }
                )
    found += [{"cadre_id": c, "field": "candidate", "recounted": None} for c in sorted(by_cadre)]
    return found


def _compare(results: Mapping[str, Any], counted: Sequence[CandidateResult[Any]], returned: int) -> Finding:
    found = _differences(field(results, "candidates", list), counted)
    if results.get("ballots_returned") != returned:
        recorded = results.get("ballots_returned")
        found.insert(0, {"field": "ballots_returned", "recorded": recorded, "recounted": returned})
    if not found:
        return Finding(
            "recount",
            True,
            f"{returned} ballots opened and recounted: every figure of the results is confirmed",
            f"Đã mở và kiểm lại {returned} phiếu: mọi số liệu của kết quả đều đúng",
        )
    return Finding(
        "recount",
        False,
        f"the recount differs from the signed results in {len(found)} figure(s)",
        f"Kết quả kiểm lại khác kết quả đã ký ở {len(found)} số liệu",
        {"differences": found},
    )


def _number(results: Mapping[str, Any], name: str) -> int:
    value = results.get(name)
    if not isinstance(value, int):
        raise InvalidInput(f"the results have no '{name}'", message_vi=f"Kết quả thiếu mục '{name}'")
    return value


def recount_record(record: Mapping[str, Any], private_key: bytes) -> Finding:
    """Open, read, recount and compare; the first ballot that does not open or read fails the check."""
    try:
        round_ = field(record, "round", dict)
        follow_up = round_.get("kind") == "follow_up"
        levels: type[Level] | type[FollowUpLevel] = FollowUpLevel if follow_up else Level
        layout = [str(c) for c in field(record, "layout", list)]
        results = field(record, "results", dict)
        opened = unseal_all(sealed_ballots(record), private_key, str(round_.get("id")))
        paper = [check_ballot(b, layout) for b in _paper(field(record, "paper_ballots", list), levels)]
        checked = _online(layout, opened, levels) + paper
        issued = _number(results, "ballots_issued")
        if follow_up:
            counted: Sequence[CandidateResult[Any]] = tally_follow_up(
                layout, checked, issued, _number(results, "deputies")
            )
        else:
            counted = tally(layout, checked, issued)
        return _compare(results, counted, len(checked))
    except BallotsError as exc:
        return Finding("recount", False, exc.message, exc.message_vi or exc.message, exc.details)
