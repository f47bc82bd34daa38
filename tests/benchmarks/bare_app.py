"""The yardstick of tests/benchmarks/cast.py: a bare FastAPI endpoint doing one INSERT.

    uvicorn bare_app:create_app --factory --workers N   (TINNHIEM_DATABASE_URL set)

Same database, same engine settings (app.db.make_engine) and the same kind of endpoint (sync, in
the thread pool, one transaction per request) as the real cast, without anything else: no
validation beyond a body of one string, no sealing, no credential. Only the benchmark serves it.
"""

from __future__ import annotations

import os
import uuid

from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import Column, MetaData, String, Table

from app.db import make_engine

metadata = MetaData()
bare = Table("bench_bare", metadata, Column("id", String(32), primary_key=True), Column("body", String))


class Body(BaseModel):
    body: str


def create_app() -> FastAPI:
    engine = make_engine(os.environ["TINNHIEM_DATABASE_URL"])
    app = FastAPI()

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/bare", status_code=201)
    def insert(item: Body) -> dict[str, str]:
        row = uuid.uuid4().hex
        with engine.begin() as conn:
            conn.execute(bare.insert().values(id=row, body=item.body))
        return {"id": row}

    return app


def create_table(url: str) -> None:
    engine = make_engine(url)
    metadata.create_all(engine)
    engine.dispose()
