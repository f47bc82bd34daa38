"""Import refusals: every problem found, row by row in Vietnamese (the language of the sheet), with
the refusal as a whole in English (``message``) and Vietnamese (``message_vi``) like every error."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ballots.errors import InvalidInput

MAX_REPORTED = 200


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str
    value: str


class SheetUnreadable(InvalidInput):
    """The file itself cannot be used (wrong type, damaged, missing columns)."""

    code = "import_failed"

    def __init__(self, message_vi: str, message: str, errors: list[RowError] | None = None) -> None:
        super().__init__(
            f"The spreadsheet cannot be imported: {message}",
            message_vi=message_vi,
            details={"errors": [asdict(e) for e in errors or []], "rows_read": 0},
        )


class ImportFailed(InvalidInput):
    """Rows with errors: nothing was written."""

    code = "import_failed"

    def __init__(self, errors: list[RowError], rows_read: int) -> None:
        shown = errors[:MAX_REPORTED]
        first = f"dòng {shown[0].row}, cột {shown[0].column}: {shown[0].message}"
        super().__init__(
            f"Nothing was imported: {len(errors)} problem(s) in the sheet, listed row by row in "
            "details.errors (in Vietnamese); correct them and send the file again",
            message_vi=f"Không nhập được: {len(errors)} lỗi, chưa ghi gì vào hệ thống ({first}…)",
            details={
                "errors": [asdict(e) for e in shown],
                "rows_read": rows_read,
                "error_count": len(errors),
            },
        )
