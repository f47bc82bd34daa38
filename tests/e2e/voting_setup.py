"""An open round with code slips in a migrated SQLite file, for the live-server voting tests.

It is built through the API in-process, with the settings a live server started by
``live_server.serve`` reads from the environment (the development secret), so the codes issued
here are the ones that server accepts.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from fastapi.testclient import TestClient

from app.clock import Clock
from app.db import transaction
from app.main import create_app
from app.migrate import upgrade
from app.models.user import Role
from app.services import auth
from app.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))

from voting_builders import VotingRound, voting_round


def open_round_in(database_url: str, slips: int = 3, cadres: int = 3) -> VotingRound:
    upgrade(database_url)
    app = create_app(Settings(database_url=database_url, fast_password_hashing=True))
    with transaction(app.state.sessionmaker) as session:
        user, _ = auth.create_user(
            session, f"tochuc-{uuid.uuid4().hex[:6]}", Role.ORGANIZER, password="x" * 12
        )
        _, secret = auth.create_token(session, user.username, Clock().now())
    with TestClient(app) as client:
        return voting_round(client, {"Authorization": f"Bearer {secret}"}, slips=slips, cadres=cadres)
