"""Secrets in addresses never reach a log: the access log's ``code`` and ``bien-nhan`` are masked.

A slip's QR code opens ``/bo-phieu/{round_id}?code=…`` (the only address that may carry a voting
code) and the board's search sends ``?bien-nhan=…`` (a receipt). uvicorn writes every request to
the ``uvicorn.access`` logger as ``'%s - "%s %s HTTP/%s" %d'`` with the path and its query string as
an argument; the filter here rewrites such values to ``***`` before any handler (or the root
logger, or a test's capture) sees the record. ``create_app`` installs it, so each worker of
``tinnhiem serve`` (or any uvicorn started on the factory) has it.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

# Query parameters whose values are secrets: compared after percent-decoding, in any case.
SECRET_PARAMS = frozenset({"code", "bien-nhan"})
MASK = "***"
LOGGERS = ("uvicorn.access", "uvicorn.error", "uvicorn")
_QUERY = re.compile(r"\?([^\s\"]*)")


def _mask_query(query: str) -> str:
    pairs = []
    for pair in query.split("&"):
        name = pair.partition("=")[0]
        if unquote_plus(name).strip().lower() in SECRET_PARAMS:
            pair = f"{name}={MASK}"
        pairs.append(pair)
    return "&".join(pairs)


def redact(text: str) -> str:
    """``text`` with the value of every secret query parameter of every address in it masked."""
    if "?" not in text:
        return text
    return _QUERY.sub(lambda m: "?" + _mask_query(m.group(1)), text)


class RedactSecretQueries(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


def install() -> None:
    """Once per process, however many apps it makes (the tests make several)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecretQueries) for f in logger.filters):
            logger.addFilter(RedactSecretQueries())
