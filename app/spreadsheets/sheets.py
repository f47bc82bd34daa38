"""The columns of each sheet: Vietnamese headers first, with the aliases people actually type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NOTE = re.compile(r"\(.*?\)")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    help_vi: str
    aliases: tuple[str, ...] = ()
    width: int = 24
    choices: tuple[str, ...] = ()  # offered as a drop-down in the template
    is_date: bool = False  # typed as text in the template, so Excel never turns 03/09 into 9 March


@dataclass(frozen=True)
class Sheet:
    name: str
    title_vi: str
    columns: tuple[Column, ...]
    example: tuple[str, ...]
    notes_vi: tuple[str, ...] = ()


def normalize(header: object) -> str:
    """Compare headers without case, diacritics, notes or stars: 'Ngày sinh (dd/mm/yyyy) *' == 'ngay sinh'."""
    text = unicodedata.normalize("NFD", str(header or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = NOTE.sub(" ", text.lower()).replace("*", " ").replace("_", " ")
    return " ".join(text.split())


UNIT_REFERENCE = (
    "nếu có hai đơn vị trùng tên, ghi kèm đơn vị cấp trên trong ngoặc: 'Phòng Nội vụ (Huyện Đông Sơn)'"
)

UNITS = Sheet(
    "units",
    "Đơn vị",
    (
        Column(
            "name",
            "Tên đơn vị",
            True,
            "Tên đầy đủ, ví dụ: Sở Tài chính",
            ("name", "unit name", "ten", "don vi"),
            36,
        ),
        Column(
            "level",
            "Cấp",
            True,
            "Tỉnh hoặc Huyện (cũng nhận: province, district)",
            ("level", "cap don vi"),
            12,
            choices=("Tỉnh", "Huyện"),
        ),
        Column(
            "parent",
            "Đơn vị cấp trên",
            False,
            "Tên đơn vị cấp trên, đã có trong hệ thống hoặc ở dòng khác của tệp (trên hay dưới đều được); "
            f"để trống nếu là cấp cao nhất; {UNIT_REFERENCE}",
            ("parent", "parent unit", "cap tren"),
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
            "Mỗi dòng là một chức vụ; các dòng cùng họ tên và ngày sinh là một người",
            ("full name", "name", "ho ten"),
            28,
        ),
        Column(
            "date_of_birth",
            "Ngày sinh",
            False,
            "dd/mm/yyyy, ví dụ 14/05/1972",
            ("date of birth", "birth date", "dob", "ngay thang nam sinh"),
            14,
            is_date=True,
        ),
        Column(
            "gender",
            "Giới tính",
            False,
            "Nam hoặc Nữ",
            ("gender", "sex", "gioi"),
            10,
            choices=("Nam", "Nữ"),
        ),
        Column(
            "title",
            "Chức vụ",
            True,
            "Ví dụ: Giám đốc Sở Tài chính; để trống cả 5 cột chức vụ nếu chỉ ghi thông tin người",
            ("post", "title", "position", "chuc danh"),
            34,
        ),
        Column(
            "unit",
            "Đơn vị",
            True,
            f"Tên đơn vị đã có trong hệ thống; {UNIT_REFERENCE}",
            ("unit", "co quan", "don vi cong tac"),
            30,
        ),
        Column(
            "filled_by",
            "Hình thức",
            True,
            "HĐND bầu, HĐND phê chuẩn, Cấp ủy bầu (Đảng bầu) hoặc Bổ nhiệm",
            ("filled by", "hinh thuc bo nhiem", "hinh thuc bau bo nhiem"),
            16,
            choices=("HĐND bầu", "HĐND phê chuẩn", "Cấp ủy bầu", "Bổ nhiệm"),
        ),
        Column(
            "since",
            "Từ ngày",
            True,
            "Ngày được bầu/bổ nhiệm vào chức vụ, dd/mm/yyyy",
            ("since", "start date", "ngay bo nhiem", "ngay bau"),
            14,
            is_date=True,
        ),
        Column(
            "ended_on",
            "Đến ngày",
            False,
            "Ngày thôi giữ chức vụ, dd/mm/yyyy; để trống nếu đang giữ",
            ("ended on", "end date", "until", "ngay thoi giu chuc vu"),
            14,
            is_date=True,
        ),
        Column(
            "standing",
            "Ủy viên BTV",
            False,
            "Tên tỉnh/huyện nếu là Ủy viên Ban Thường vụ cấp ủy ở đó (ví dụ: Tỉnh Hà Sơn); "
            "để trống nếu không",
            ("standing committee", "uy vien ban thuong vu", "btv"),
            22,
        ),
        Column(
            "retirement",
            "Ngày thông báo nghỉ hưu",
            False,
            "Ngày có thông báo nghỉ công tác chờ nghỉ hưu, dd/mm/yyyy; để trống nếu không có",
            ("retirement notice", "retirement notice date", "thong bao nghi huu"),
            22,
            is_date=True,
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
        "",
    ),
    (
        "Người có nhiều chức vụ: ghi mỗi chức vụ một dòng, lặp lại họ tên và ngày sinh; giới tính, "
        "Ủy viên BTV và ngày thông báo nghỉ hưu ghi giống nhau (hoặc để trống) ở các dòng của cùng người.",
        "Người đã có trong hệ thống (cùng họ tên và ngày sinh) được thêm chức vụ mới; "
        "chức vụ đã có thì báo lỗi.",
    ),
)

ROSTER = Sheet(
    "roster",
    "Danh sách triệu tập",
    (
        Column("full_name", "Họ và tên", True, "Người được triệu tập", ("full name", "name", "ho ten"), 28),
        Column("title", "Chức vụ", False, "Chức vụ, đơn vị công tác", ("title", "post", "position"), 34),
        Column(
            "contact",
            "Liên hệ",
            False,
            "Thư điện tử hoặc số điện thoại",
            ("contact", "email", "phone", "dien thoai", "so dien thoai"),
            28,
        ),
    ),
    ("Lê Thị Mai", "Trưởng phòng Ngân sách", "mai.lt@example.vn"),
    ("Một người chỉ ghi một lần; người đã có trong danh sách của hội nghị thì báo lỗi.",),
)

SHEETS = {s.name: s for s in (UNITS, CADRES, ROSTER)}
