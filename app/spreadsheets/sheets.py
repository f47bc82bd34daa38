"""The columns of each sheet: Vietnamese headers first, with the aliases people actually type."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    help_vi: str
    aliases: tuple[str, ...] = ()
    width: int = 24


@dataclass(frozen=True)
class Sheet:
    name: str
    title_vi: str
    columns: tuple[Column, ...]
    example: tuple[str, ...]


def normalize(header: object) -> str:
    """Compare headers without case, diacritics or extra spaces: 'Họ và tên' == 'ho va ten'."""
    text = unicodedata.normalize("NFD", str(header or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(text.lower().replace("*", " ").split())


UNITS = Sheet(
    "units",
    "Đơn vị",
    (
        Column("name", "Tên đơn vị", True, "Tên đầy đủ, ví dụ: Sở Tài chính", ("name", "ten", "don vi"), 36),
        Column("level", "Cấp", True, "Tỉnh hoặc Huyện", ("level", "cap don vi"), 12),
        Column(
            "parent",
            "Đơn vị cấp trên",
            False,
            "Tên đơn vị cấp trên (đã có hoặc có trong cùng tệp); để trống nếu là cấp cao nhất",
            ("parent", "cap tren"),
            36,
        ),
    ),
    ("Sở Tài chính", "Tỉnh", "Tỉnh Hà Sơn"),
)

CADRES = Sheet(
    "cadres",
    "Cán bộ",
    (
        Column(
            "full_name",
            "Họ và tên",
            True,
            "Mỗi dòng là một chức vụ; cùng họ tên và ngày sinh là một người",
            ("full name", "name", "ho ten"),
            28,
        ),
        Column("date_of_birth", "Ngày sinh", False, "dd/mm/yyyy", ("date of birth", "birth date"), 14),
        Column("gender", "Giới tính", False, "Nam hoặc Nữ", ("gender", "sex"), 10),
        Column("title", "Chức vụ", True, "Ví dụ: Giám đốc Sở Tài chính", ("post", "title", "chuc danh"), 34),
        Column("unit", "Đơn vị", True, "Tên đơn vị đã có trong hệ thống", ("unit", "co quan"), 30),
        Column(
            "filled_by",
            "Hình thức",
            True,
            "HĐND bầu, Cấp ủy bầu hoặc Bổ nhiệm",
            ("filled by", "hinh thuc bo nhiem"),
            16,
        ),
        Column(
            "since", "Từ ngày", True, "Ngày được bầu/bổ nhiệm, dd/mm/yyyy", ("since", "ngay bo nhiem"), 14
        ),
        Column(
            "standing",
            "Ủy viên BTV",
            False,
            "Tên tỉnh/huyện nếu là Ủy viên Ban Thường vụ cấp ủy ở đó",
            ("standing committee", "uy vien ban thuong vu"),
            22,
        ),
        Column(
            "retirement",
            "Ngày thông báo nghỉ hưu",
            False,
            "Ngày thông báo nghỉ công tác chờ nghỉ hưu, nếu có",
            ("retirement notice", "thong bao nghi huu"),
            22,
        ),
    ),
    (
        "Nguyễn Văn Hùng",
        "14/05/1972",
        "Nam",
        "Giám đốc Sở Tài chính",
        "Sở Tài chính",
        "Bổ nhiệm",
        "01/03/2021",
        "",
        "",
    ),
)

ROSTER = Sheet(
    "roster",
    "Danh sách triệu tập",
    (
        Column("full_name", "Họ và tên", True, "Người được triệu tập", ("full name", "name", "ho ten"), 28),
        Column("title", "Chức vụ", False, "Chức vụ, đơn vị công tác", ("title", "post"), 34),
        Column(
            "contact",
            "Liên hệ",
            False,
            "Thư điện tử hoặc số điện thoại",
            ("contact", "email", "dien thoai"),
            28,
        ),
    ),
    ("Lê Thị Mai", "Trưởng phòng Ngân sách", "mai.lt@example.vn"),
)

SHEETS = {s.name: s for s in (UNITS, CADRES, ROSTER)}
