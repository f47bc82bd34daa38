"""A file answered as a download (the API's and the pages' alike): its type, its name, and for a
document nobody else should get from a cache, ``no-store``. The names are the service's own
ASCII slugs; an uploaded file's own name goes through services.uploads.content_disposition."""

from __future__ import annotations

from fastapi import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(
    content: bytes, media_type: str, name: str, *, private: bool = False, status_code: int = 200
) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if private:
        headers["Cache-Control"] = "no-store"
    return Response(content, status_code=status_code, media_type=media_type, headers=headers)
