"""Results across rounds: a cadre's at each place, side by side, and a plan's summary.

regulation.md §2: the results of a cadre's places are reported separately, never summed or averaged;
the competent level weighs them together. So nothing here adds figures of two rounds: a cadre's view
lists each round's own figures, and a plan's summary counts rounds and lists cadres by band.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..documents.plan_summary import BANDS, BandEntry, PlanResults, RoundLine, render_plan_pdf
from ..repositories import results as repo
from ..spreadsheets.plan_book import render_plan_xlsx
from . import cadres, plans


@dataclass(frozen=True)
class PlaceResult:
    round_id: str
    title: str
    unit: str
    vote_date: date
    rulebook: str
    place_kind: str
    kind: str  # "confidence" or "follow_up"
    returned: int
    figures: dict[str, Any]  # the cadre's entry of the round's results document, as stored

    def as_json(self) -> dict[str, Any]:
        return {
            "round": {
                "id": self.round_id,
                "title": self.title,
                "unit": self.unit,
                "vote_date": self.vote_date.isoformat(),
                "rulebook": self.rulebook,
                "place_kind": self.place_kind,
                "kind": self.kind,
            },
            "ballots_returned": self.returned,
            **{k: v for k, v in self.figures.items() if k not in ("cadre_id", "name", "posts")},
        }


@dataclass(frozen=True)
class CadreResults:
    cadre_id: str
    name: str
    places: list[PlaceResult]

    def as_json(self) -> dict[str, Any]:
        return {
            "cadre_id": self.cadre_id,
            "name": self.name,
            "note": "Each place's result stands alone: never summed or averaged (regulation §2).",
            "places": [p.as_json() for p in self.places],
        }


def cadre_results(session: Session, cadre_id: str) -> CadreResults:
    cadre = cadres.get(session, cadre_id)
    places = []
    for result, round_ in repo.of_cadre(session, cadre_id):
        entry = next((c for c in result.document["candidates"] if c["cadre_id"] == cadre_id), None)
        if entry is None:  # proposed, but not on the ballot (found ineligible before it opened)
            continue
        places.append(
            PlaceResult(
                round_.id,
                round_.title,
                round_.unit.name,
                round_.vote_date,
                round_.rulebook.value,
                round_.place_kind.value,
                result.document["round"].get("kind", "confidence"),
                int(result.document["ballots_returned"]),
                dict(entry),
            )
        )
    return CadreResults(cadre.id, cadre.full_name, places)


def plan_results(session: Session, plan_id: str, today: date) -> PlanResults:
    plan = plans.get(session, plan_id)
    stored = repo.of_plan(session, plan_id)
    lines: list[RoundLine] = []
    bands: dict[str, list[BandEntry]] = {band: [] for band in BANDS}
    for round_ in repo.plan_rounds(session, plan_id):
        heading = (round_.id, round_.title, round_.unit.name, round_.vote_date, round_.status.value)
        result = stored.get(round_.id)
        if result is None:
            lines.append(RoundLine(*heading, False, None, None, {}))
            continue
        doc = result.document
        in_band = dict.fromkeys(BANDS, 0)
        for c in doc["candidates"]:
            band = c.get("band", "none")  # a follow-up vote has no band
            if band in bands:
                in_band[band] += 1
                low = c["low"]
                bands[band].append(
                    BandEntry(c["cadre_id"], c["name"], round_.id, round_.title, low, c["review"])
                )
        lines.append(
            RoundLine(*heading, True, int(doc["ballots_returned"]), bool(doc["quorum_met"]), in_band)
        )
    return PlanResults(plan.id, plan.number, plan.title, plan.completion_date, today, lines, bands)


def plan_results_xlsx(session: Session, plan_id: str, today: date) -> tuple[bytes, str]:
    return render_plan_xlsx(plan_results(session, plan_id, today)), f"tong-hop-ket-qua-{plan_id[:8]}.xlsx"


def plan_results_pdf(session: Session, plan_id: str, today: date) -> tuple[bytes, str]:
    return render_plan_pdf(plan_results(session, plan_id, today)), f"tong-hop-ket-qua-{plan_id[:8]}.pdf"
