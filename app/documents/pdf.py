"""Every PDF of the service comes out of one typst call: its template, its data as JSON.

Built-in fonts only (they cover Vietnamese; a government machine's own fonts must not change a
document), and ``timestamp=0`` so the same data always gives the same bytes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.abc import Traversable
from typing import Any

import typst


def render_pdf(template: Traversable, data: Mapping[str, Any]) -> bytes:
    pdf = typst.compile(
        template.read_bytes(),
        format="pdf",
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
        ignore_system_fonts=True,
        timestamp=0,
    )
    if not isinstance(pdf, bytes):  # pragma: no cover - typst returns pages as a list only for PNG/SVG
        raise TypeError("typst returned no PDF")
    return pdf
