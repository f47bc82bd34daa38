"""Attachments: read with a size cap, and accept only what the content proves to be PDF or DOCX."""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO
from urllib.parse import quote

from ballots.errors import InvalidInput
from ballots.records import has_control_characters

from ..errors import PayloadTooLarge

CHUNK = 64 * 1024
MAX_NAME = 255  # the width of documents.file_name
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX}
ACCEPTED = "a PDF (.pdf) or Word (.docx) file"


@dataclass(frozen=True)
class Attachment:
    file_name: str
    content_type: str
    data: bytes
    sha256: str


ATTACHMENT_TOO_LARGE = (
    "the file is larger than the limit of {kib} KiB (TINNHIEM_UPLOAD_MAX_BYTES); attach a smaller PDF or DOCX"
)
SPREADSHEET_TOO_LARGE = (
    "Tệp bảng tính lớn hơn giới hạn {kib} KiB (TINNHIEM_IMPORT_MAX_BYTES); hãy chia thành nhiều tệp"
)


def read_capped(stream: BinaryIO, limit: int, too_large: str = ATTACHMENT_TOO_LARGE) -> bytes:
    """Read in chunks and stop as soon as the data passes ``limit``: an upload is never read whole
    into memory just to be refused. ``too_large`` names the limit that applies."""
    buffer = bytearray()
    while chunk := stream.read(CHUNK):
        buffer += chunk
        if len(buffer) > limit:
            raise PayloadTooLarge(too_large.format(kib=limit // 1024), details={"limit_bytes": limit})
    return bytes(buffer)


def sniff(data: bytes) -> str | None:
    """The type the content proves: PDF by its header, DOCX as a zip holding word/document.xml."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK"):
        try:
            # Only the central directory is read: nothing is decompressed, so a zip bomb costs nothing.
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return DOCX
        except zipfile.BadZipFile:
            return None
    return None


def clean_name(file_name: str) -> str:
    """The last part of what the browser sent: Windows browsers may send a whole path."""
    name = PurePosixPath((file_name or "").replace("\\", "/")).name
    if has_control_characters(name) or len(name) > MAX_NAME:
        raise InvalidInput(
            f"the file name must be at most {MAX_NAME} characters without control characters; "
            "rename the file and attach it again",
            details={"field": "file"},
        )
    return name


def accept(file_name: str, stream: BinaryIO, limit: int) -> Attachment:
    name = clean_name(file_name)
    expected = EXTENSIONS.get(PurePosixPath(name).suffix.lower())
    data = read_capped(stream, limit)
    actual = sniff(data)
    if expected is None or actual != expected:
        raise InvalidInput(
            f"'{name}' is not accepted: attach {ACCEPTED} whose content matches its name",
            details={
                "field": "file",
                "file_name": name,
                "accepted": sorted(EXTENSIONS),
                "detected": actual,
            },
        )
    return Attachment(name, expected, data, hashlib.sha256(data).hexdigest())


def content_disposition(name: str) -> str:
    """An ASCII ``filename`` for old clients and the exact UTF-8 one (RFC 6266) for the others."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(c for c in plain if c.isascii() and c.isprintable() and c not in '"\\;')
    return f"attachment; filename=\"{ascii_name or 'file'}\"; filename*=UTF-8''{quote(name)}"
