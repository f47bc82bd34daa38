"""SQLAlchemy models; importing this package registers every table on ``Base.metadata``."""

from .base import Base
from .document import Document
from .organization import Cadre, Gender, Post, Unit
from .plan import Candidate, CommitteeMember, Plan, RosterEntry, Round, RoundStatus
from .user import ApiToken, Role, User

__all__ = [
    "ApiToken",
    "Base",
    "Cadre",
    "Candidate",
    "CommitteeMember",
    "Document",
    "Gender",
    "Plan",
    "Post",
    "Role",
    "RosterEntry",
    "Round",
    "RoundStatus",
    "Unit",
    "User",
]
