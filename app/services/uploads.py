"""Attachments: read with a size cap, and accept only what the content proves to be PDF or DOCX."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from ballots.errors import InvalidInput

from ..errors import PayloadTooLarge

CHUNK = 64 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX}


@dataclass(frozen=True)
class Attachment:
    file_name: str
    content_type: str
    data: bytes
    sha256: str


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """Read at most ``limit`` bytes; one byte more and the upload is refused."""
    buffer = bytearray()
    while chunk := stream.read(CHUNK):
        buffer += chunk
        if len(buffer) > limit:
            raise PayloadTooLarge(
                f"the file is larger than the limit of {limit // 1024} KiB",
                details={"limit_bytes": limit},
            )
    return bytes(buffer)


def sniff(data: bytes) -> str | None:
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return DOCX
        except zipfile.BadZipFile:
            return None
    return None


def accept(file_name: str, stream: BinaryIO, limit: int) -> Attachment:
    name = PurePath(file_name or "").name
    expected = EXTENSIONS.get(PurePath(name).suffix.lower())
    data = read_capped(stream, limit)
    actual = sniff(data)
    if expected is None or actual != expected:
        raise InvalidInput(
            f"'{name}' is not accepted: attach a PDF (.pdf) or Word (.docx) file "
            "whose content matches its name",
            details={"file_name": name, "accepted": sorted(EXTENSIONS)},
        )
    return Attachment(name, expected, data, hashlib.sha256(data).hexdigest())
