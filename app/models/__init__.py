"""SQLAlchemy models; importing this package registers every table on ``Base.metadata``."""

from .base import Base
from .counting import KeyShareEntry, RoundClosing
from .document import Document
from .import_draft import ImportDraft
from .organization import Cadre, Gender, Post, Unit
from .plan import Candidate, CommitteeMember, Plan, RosterEntry, Round, RoundStatus
from .results import RoundResult, SigningKey
from .user import ApiToken, Role, User
from .voting import Ballot, Credential, CredentialState, PaperEntry, PaperIssue, RoundKey, SealingMode

__all__ = [
    "ApiToken",
    "Ballot",
    "Base",
    "Cadre",
    "Candidate",
    "CommitteeMember",
    "Credential",
    "CredentialState",
    "Document",
    "Gender",
    "ImportDraft",
    "KeyShareEntry",
    "PaperEntry",
    "PaperIssue",
    "Plan",
    "Post",
    "Role",
    "RosterEntry",
    "Round",
    "RoundClosing",
    "RoundKey",
    "RoundResult",
    "RoundStatus",
    "SealingMode",
    "SigningKey",
    "Unit",
    "User",
]
