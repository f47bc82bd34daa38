"""Lookups the spreadsheet import needs in one query each."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Cadre, Post


def cadres_with_posts(session: Session) -> list[Cadre]:
    stmt = select(Cadre).options(selectinload(Cadre.posts).selectinload(Post.unit)).order_by(Cadre.full_name)
    return list(session.scalars(stmt))
