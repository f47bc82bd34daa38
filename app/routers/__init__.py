"""HTTP routers; ``API_ROUTERS`` are mounted under /api/v1 by ``app.main``."""

from fastapi import APIRouter

from . import (
    across_results,
    auth,
    cadres,
    calendar,
    committee_accounts,
    counting,
    documents,
    nominations,
    plans,
    result_files,
    results,
    round_members,
    rounds,
    spreadsheets,
    units,
    voting,
)

API_ROUTERS: list[APIRouter] = [
    auth.router,
    units.router,
    plans.router,
    cadres.router,
    nominations.router,
    rounds.router,
    round_members.router,
    committee_accounts.router,
    documents.router,
    calendar.router,
    spreadsheets.router,
    voting.router,
    result_files.router,
    across_results.router,
    counting.router,
    results.router,
]
