"""Words for refusals that no service phrased itself: validation problems, 405s, and the Vietnamese
fallback of a refusal that carries only an English message."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from starlette.routing import Match

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
GENERIC_VI = {
    "invalid_input": "Dữ liệu chưa hợp lệ",
    "not_found": "Không tìm thấy",
    "conflict": "Xung đột với dữ liệu hiện có",
    "permission_denied": "Không có quyền thực hiện việc này",
    "unauthenticated": "Chưa đăng nhập hoặc mã truy cập không hợp lệ",
    "payload_too_large": "Dữ liệu gửi lên quá lớn",
    "rate_limited": "Thử quá nhiều lần; hãy đợi rồi thử lại",
    "import_failed": "Không nhập được tệp",
}
GENERIC_RULE_VI = "Quy định không cho phép việc này"

# pydantic's error types, said in Vietnamese; {name} fields come from the error's context.
TYPES_VI = {
    "missing": "bắt buộc, chưa có",
    "extra_forbidden": "không có trường này; kiểm tra chính tả tên trường",
    "string_too_short": "cần ít nhất {min_length} ký tự",
    "string_too_long": "dài quá {max_length} ký tự",
    "too_short": "cần ít nhất {min_length} phần tử",
    "too_long": "nhiều quá {max_length} phần tử",
    "greater_than_equal": "phải từ {ge} trở lên",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "không được quá {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "string_type": "phải là chuỗi ký tự",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một đối tượng JSON",
    "model_type": "phải là một đối tượng JSON",
    "enum": "phải là một trong: {expected}",
    "literal_error": "phải là một trong: {expected}",
    "date_type": "ngày phải viết dạng YYYY-MM-DD (ví dụ 2027-09-20)",
    "date_parsing": "ngày phải viết dạng YYYY-MM-DD (ví dụ 2027-09-20)",
    "date_from_datetime_parsing": "ngày phải viết dạng YYYY-MM-DD (ví dụ 2027-09-20)",
}
# Our own validators raise ValueError; their English words pick the Vietnamese ones.
VALUE_ERRORS_VI = {
    "YYYY-MM-DD": "ngày phải viết dạng YYYY-MM-DD (ví dụ 2027-09-20) và là ngày có thật",
    "control characters": "có ký tự điều khiển không hợp lệ; hãy xóa và gõ lại",
    "cannot be emptied": "không được để trống; ghi giá trị hoặc bỏ trường này ra khỏi yêu cầu",
}


def vietnamese_fallback(code: str, message: str) -> str:
    generic = GENERIC_VI.get(code, GENERIC_RULE_VI)
    return f"{generic} ({message})"


def _vietnamese(err: dict[str, Any]) -> str:
    kind = str(err.get("type", ""))
    context = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
    if kind == "value_error":
        text = str(err.get("msg", ""))
        return next(
            (vi for en, vi in VALUE_ERRORS_VI.items() if en in text), f"giá trị không hợp lệ ({text})"
        )
    template = TYPES_VI.get(kind)
    if template is None:
        return f"giá trị không hợp lệ ({err.get('msg', '')})"
    try:
        return template.format(**context)
    except KeyError:
        return template


def field_problem(err: dict[str, Any]) -> dict[str, str]:
    """One validation problem: the field it is about (dotted path), in English and Vietnamese."""
    if err.get("type") == "json_invalid":
        # The location of a JSON syntax error is a character offset, not a field.
        where = err["loc"][-1] if len(err.get("loc", ())) > 1 else "?"
        reason = (err.get("ctx") or {}).get("error", "syntax error")
        return {
            "field": "",
            "message": f"the body is not valid JSON ({reason} at character {where})",
            "message_vi": f"nội dung không phải JSON hợp lệ ({reason}, tại ký tự {where})",
        }
    field = ".".join(str(p) for p in err["loc"] if p != "body")
    message = str(err["msg"])
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return {"field": field, "message": message, "message_vi": _vietnamese(err)}


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (Starlette reports only the first route's)."""
    routes = request.app.router.routes
    return [
        method
        for method in METHODS
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)
    ]
