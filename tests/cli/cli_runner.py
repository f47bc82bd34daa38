"""The ``tinnhiem`` command run in-process (no interpreter start per call) against a real database."""

from __future__ import annotations

from collections.abc import Callable

from click.testing import Result

Tinnhiem = Callable[..., Result]
