"""The demo province as plain data: units, people and their posts, the six rounds of the plan, and
the round voting today.

Dates are offsets from the day the demo is loaded, so the calendar always has something overdue,
something due this week and something far ahead; one round is open on the day itself.
"""

from __future__ import annotations

from ballots.levels import FillMethod, PlaceKind, Rulebook, UnitLevel

PLAN_NUMBER = "96-KH/TU-DEMO"
PROVINCE = "Tỉnh Hà Sơn"

# (key, name, level, parent key)
UNITS = [
    ("tinh", PROVINCE, UnitLevel.PROVINCE, None),
    ("hdnd", "HĐND tỉnh Hà Sơn", UnitLevel.PROVINCE, "tinh"),
    ("ubnd", "UBND tỉnh Hà Sơn", UnitLevel.PROVINCE, "tinh"),
    ("stc", "Sở Tài chính", UnitLevel.PROVINCE, "tinh"),
    ("skhdt", "Sở Kế hoạch và Đầu tư", UnitLevel.PROVINCE, "tinh"),
    ("snv", "Sở Nội vụ", UnitLevel.PROVINCE, "tinh"),
    ("btc", "Ban Tổ chức Tỉnh ủy", UnitLevel.PROVINCE, "tinh"),
    ("dongson", "Huyện Đông Sơn", UnitLevel.DISTRICT, "tinh"),
    ("ds_tckh", "Phòng Tài chính - Kế hoạch huyện Đông Sơn", UnitLevel.DISTRICT, "dongson"),
    ("ds_vp", "Văn phòng HĐND và UBND huyện Đông Sơn", UnitLevel.DISTRICT, "dongson"),
    ("tayha", "Huyện Tây Hà", UnitLevel.DISTRICT, "tinh"),
    ("stp", "Sở Tư pháp", UnitLevel.PROVINCE, "tinh"),
]

C, P, A = FillMethod.COUNCIL_ELECTED, FillMethod.PARTY_ELECTED, FillMethod.APPOINTED

# (key, full name, born, gender, standing committee of (unit key), posts: (title, unit key, how, since))
PersonSpec = tuple[str, str, str, str, str | None, list[tuple[str, str, FillMethod, str]]]
# fmt: off
PEOPLE: list[PersonSpec] = [
    ("bithu", "Nguyễn Quang Thịnh", "1966-03-12", "male", "tinh", [
        ("Bí thư Tỉnh ủy", "tinh", P, "2020-10-15"),
    ]),
    ("pbt", "Trần Thị Thanh Hương", "1970-07-02", "female", "tinh", [
        ("Phó Bí thư Thường trực Tỉnh ủy", "tinh", P, "2020-10-15"),
    ]),
    ("cthdnd", "Lê Văn Thành", "1968-11-20", "male", "tinh", [
        ("Chủ tịch HĐND tỉnh", "hdnd", C, "2021-06-25"),
        ("Phó Bí thư Tỉnh ủy", "tinh", P, "2020-10-15"),
    ]),
    ("ctubnd", "Phạm Minh Khôi", "1971-01-08", "male", "tinh", [
        ("Chủ tịch UBND tỉnh", "ubnd", C, "2021-06-25"),
        ("Phó Bí thư Tỉnh ủy", "tinh", P, "2021-05-10"),
    ]),
    ("tbtc", "Đỗ Thị Kim Oanh", "1974-05-19", "female", "tinh", [
        ("Trưởng Ban Tổ chức Tỉnh ủy", "btc", P, "2020-11-02"),
    ]),
    ("pct1", "Hoàng Minh Tuấn", "1972-09-30", "male", "tinh", [
        ("Phó Chủ tịch UBND tỉnh", "ubnd", C, "2021-06-25"),
        ("Ủy viên Ban Thường vụ Tỉnh ủy", "tinh", P, "2020-10-15"),
        ("Giám đốc Sở Kế hoạch và Đầu tư", "skhdt", A, "2019-04-01"),
    ]),
    ("pct2", "Vũ Thị Ngọc Lan", "1975-12-14", "female", None, [
        ("Phó Chủ tịch UBND tỉnh", "ubnd", C, "2021-06-25"),
    ]),
    ("pcthdnd1", "Bùi Đức Long", "1969-02-27", "male", None, [
        ("Phó Chủ tịch HĐND tỉnh", "hdnd", C, "2021-06-25"),
    ]),
    ("pcthdnd2", "Ngô Thị Bích Hạnh", "1973-08-08", "female", None, [
        ("Phó Chủ tịch HĐND tỉnh", "hdnd", C, "2021-06-25"),
    ]),
    ("tbkt", "Dương Văn Hải", "1976-04-16", "male", None, [
        ("Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh", "hdnd", C, "2021-06-25"),
    ]),
    ("tbpc", "Lý Thị Mỹ Dung", "1978-10-03", "female", None, [
        ("Trưởng Ban Pháp chế HĐND tỉnh", "hdnd", C, "2021-06-25"),
    ]),
    ("gdtc", "Phan Văn Hùng", "1970-06-21", "male", None, [
        ("Giám đốc Sở Tài chính", "stc", A, "2019-08-01"),
    ]),
    ("pgdtc1", "Huỳnh Thị Thu Trang", "1977-03-05", "female", None, [
        ("Phó Giám đốc Sở Tài chính", "stc", A, "2020-02-10"),
    ]),
    ("pgdtc2", "Đặng Quốc Bảo", "1965-01-30", "male", None, [
        ("Phó Giám đốc Sở Tài chính", "stc", A, "2018-05-15"),
    ]),
    ("pgdtc3", "Võ Thị Hồng Nhung", "1980-09-09", "female", None, [
        ("Phó Giám đốc Sở Tài chính", "stc", A, "2021-09-01"),
    ]),
    ("cvptc", "Trịnh Văn Toàn", "1979-12-01", "male", None, [
        ("Chánh Văn phòng Sở Tài chính", "stc", A, "2020-07-01"),
    ]),
    ("tpns", "Mai Thị Phương", "1982-02-18", "female", None, [
        ("Trưởng phòng Quản lý ngân sách", "stc", A, "2021-03-01"),
    ]),
    ("pgdkh1", "Tạ Minh Quân", "1976-07-07", "male", None, [
        ("Phó Giám đốc Sở Kế hoạch và Đầu tư", "skhdt", A, "2020-06-01"),
    ]),
    ("pgdkh2", "Lương Thị Hoài Thu", "1981-11-11", "female", None, [
        ("Phó Giám đốc Sở Kế hoạch và Đầu tư", "skhdt", A, "2021-01-15"),
    ]),
    ("pgdkh3", "Cao Văn Định", "1979-05-25", "male", None, [
        ("Phó Giám đốc Sở Kế hoạch và Đầu tư", "skhdt", A, "VOTE_YEAR-01-02"),
    ]),
    ("ctkh", "Kiều Thị Ánh Tuyết", "1983-04-12", "female", None, [
        ("Chánh Thanh tra Sở Kế hoạch và Đầu tư", "skhdt", A, "2021-08-01"),
    ]),
    ("gdnv", "Đinh Công Sơn", "1971-10-10", "male", None, [("Giám đốc Sở Nội vụ", "snv", A, "2020-03-01")]),
    ("pgdnv1", "Hà Thị Minh Châu", "1978-01-22", "female", None, [
        ("Phó Giám đốc Sở Nội vụ", "snv", A, "2020-09-15"),
    ]),
    ("pgdnv2", "Chu Văn Thắng", "1980-06-06", "male", None, [
        ("Phó Giám đốc Sở Nội vụ", "snv", A, "2021-04-01"),
    ]),
    ("tbtd", "Lâm Thị Xuân", "1977-08-29", "female", None, [
        ("Trưởng ban Thi đua - Khen thưởng", "snv", A, "2019-12-01"),
    ]),
    ("cvpnv", "Nghiêm Văn Khánh", "1984-03-03", "male", None, [
        ("Chánh Văn phòng Sở Nội vụ", "snv", A, "2021-02-01"),
    ]),
    ("tptckh", "Phùng Văn Lợi", "1975-09-17", "male", None, [
        ("Trưởng phòng Tài chính - Kế hoạch huyện", "ds_tckh", A, "2020-05-01"),
    ]),
    ("pptckh", "Tô Thị Hằng", "1983-12-24", "female", None, [
        ("Phó Trưởng phòng Tài chính - Kế hoạch huyện", "ds_tckh", A, "2021-07-01"),
    ]),
    ("cvpds", "Triệu Văn Nam", "1978-02-14", "male", None, [
        ("Chánh Văn phòng HĐND và UBND huyện", "ds_vp", A, "2020-08-01"),
    ]),
    ("pcvpds", "Mạc Thị Lệ", "1985-06-30", "female", None, [
        ("Phó Chánh Văn phòng HĐND và UBND huyện", "ds_vp", A, "2021-10-01"),
    ]),
    ("btds", "Âu Dương Khải", "1970-04-04", "male", "dongson", [
        ("Bí thư Huyện ủy Đông Sơn", "dongson", P, "2020-08-20"),
    ]),
    ("ctds", "Quách Thị Thùy", "1974-11-28", "female", "dongson", [
        ("Chủ tịch UBND huyện Đông Sơn", "dongson", C, "2021-06-28"),
    ]),
    ("btth", "Giang Văn Phúc", "1969-07-19", "male", "tayha", [
        ("Bí thư Huyện ủy Tây Hà", "tayha", P, "2020-08-22"),
    ]),
    ("ctth", "Khúc Thị Ngân", "1976-03-13", "female", "tayha", [
        ("Chủ tịch UBND huyện Tây Hà", "tayha", C, "2021-06-29"),
    ]),
    ("pctth", "Tống Văn Bình", "1979-01-01", "male", None, [
        ("Phó Chủ tịch UBND huyện Tây Hà", "tayha", C, "2021-06-29"),
    ]),
    ("ppbtc", "Hứa Thị Diệu Linh", "1981-05-05", "female", None, [
        ("Phó Trưởng Ban Tổ chức Tỉnh ủy", "btc", A, "2020-12-01"),
    ]),
    ("ppbtc2", "Lạc Văn Trung", "1977-02-02", "male", None, [
        ("Phó Trưởng Ban Tổ chức Tỉnh ủy", "btc", A, "2021-03-15"),
    ]),
    ("pgdtc4", "Ông Thị Mai Anh", "1986-08-18", "female", None, [
        ("Phó Chánh Văn phòng Sở Tài chính", "stc", A, "2022-01-10"),
    ]),
    ("tpkh", "Doãn Văn Hòa", "1982-10-20", "male", None, [
        ("Trưởng phòng Tổng hợp, Sở Kế hoạch và Đầu tư", "skhdt", A, "2021-11-01"),
    ]),
    ("tpnv", "Vi Thị Sen", "1980-12-12", "female", None, [
        ("Trưởng phòng Nội vụ huyện Đông Sơn", "dongson", A, "2020-10-01"),
    ]),
    ("gdtp", "Lò Văn Quyết", "1972-08-15", "male", None, [("Giám đốc Sở Tư pháp", "stp", A, "2020-04-01")]),
    ("pgdtp1", "Nông Thị Thanh Tâm", "1979-04-27", "female", None, [
        ("Phó Giám đốc Sở Tư pháp", "stp", A, "2020-11-16"),
    ]),
    ("pgdtp2", "Sầm Văn Đức", "1981-09-03", "male", None, [
        ("Phó Giám đốc Sở Tư pháp", "stp", A, "2021-05-04"),
    ]),
    ("cttp", "Thân Thị Bảo Ngọc", "1983-01-19", "female", None, [
        ("Chánh Thanh tra Sở Tư pháp", "stp", A, "2021-02-22"),
    ]),
    ("cvptp", "Yên Văn Lực", "1984-07-11", "male", None, [
        ("Chánh Văn phòng Sở Tư pháp", "stp", A, "2021-08-09"),
    ]),
]
# fmt: on

# Extra facts that make some cadres ineligible on purpose.
RETIREMENT_NOTICE_DAYS_AGO = {"pgdtc2": 30}

# (key, title, unit key, date index, rulebook, place kind, status, candidates,
#  committee as (name, role, cadre key))
RoundSpec = tuple[str, str, str, int, Rulebook, PlaceKind, str, list[str], list[tuple[str, str, str | None]]]
# fmt: off
ROUNDS: list[RoundSpec] = [
    ("r_tc", "Hội nghị lấy phiếu tín nhiệm lãnh đạo Sở Tài chính",
     "stc", 0, Rulebook.QD96, PlaceKind.WORKPLACE, "scheduled",
     ["gdtc", "pgdtc1", "pgdtc2", "pgdtc3", "cvptc", "tpns"],
     [
         ("Nguyễn Thị Hoa", "Trưởng ban", None),
         ("Trần Văn Dũng", "Thành viên", None),
         ("Lê Thị Hà", "Thành viên", None),
     ]),
    ("r_kh", "Hội nghị lấy phiếu tín nhiệm lãnh đạo Sở Kế hoạch và Đầu tư",
     "skhdt", 1, Rulebook.QD96, PlaceKind.WORKPLACE, "scheduled",
     ["pct1", "pgdkh1", "pgdkh2", "pgdkh3", "ctkh"],
     [
         ("Doãn Văn Hòa", "Trưởng ban", "tpkh"),
         ("Phạm Thị Nga", "Thành viên", None),
         ("Vũ Văn Tâm", "Thành viên", None),
     ]),
    ("r_nv", "Hội nghị lấy phiếu tín nhiệm lãnh đạo Sở Nội vụ",
     "snv", 2, Rulebook.QD96, PlaceKind.WORKPLACE, "scheduled",
     ["gdnv", "pgdnv1", "pgdnv2", "tbtd"],
     [
         ("Nghiêm Văn Khánh", "Trưởng ban", "cvpnv"),
         ("Đào Thị Liên", "Thành viên", None),
         ("Hồ Văn Phước", "Thành viên", None),
     ]),
    ("r_hdnd", "Kỳ họp HĐND tỉnh: lấy phiếu tín nhiệm người giữ chức vụ do HĐND bầu",
     "hdnd", 3, Rulebook.NQ96, PlaceKind.COUNCIL, "scheduled",
     ["cthdnd", "pcthdnd1", "pcthdnd2", "tbkt", "tbpc", "ctubnd", "pct1", "pct2"],
     [
         ("Phan Thị Thủy", "Trưởng ban", None),
         ("Lê Văn Cường", "Thành viên", None),
         ("Bùi Thị Yến", "Thành viên", None),
         ("Đỗ Văn Hiếu", "Thành viên", None),
         ("Ngô Văn Sáng", "Thành viên", None),
     ]),
    ("r_ds", "Hội nghị lấy phiếu tín nhiệm cán bộ huyện Đông Sơn",
     "dongson", 4, Rulebook.QD96, PlaceKind.WORKPLACE, "draft",
     ["tptckh", "pptckh", "cvpds", "tpnv"],
     [
         ("Lưu Văn Thọ", "Trưởng ban", None),
         ("Kim Thị Duyên", "Thành viên", None),
         ("Tăng Văn Lực", "Thành viên", None),
     ]),
    ("r_btv", "Hội nghị Ban Chấp hành Đảng bộ tỉnh: lấy phiếu tín nhiệm Ủy viên Ban Thường vụ",
     "tinh", 5, Rulebook.QD96, PlaceKind.PARTY_COMMITTEE, "scheduled",
     ["bithu", "pbt", "cthdnd", "ctubnd", "tbtc", "pct1"],
     [
         ("Hứa Thị Diệu Linh", "Trưởng ban", "ppbtc"),
         ("Lạc Văn Trung", "Thành viên", "ppbtc2"),
         ("Chu Thị Quỳnh", "Thành viên", None),
     ]),
]
# fmt: on

# The round voting on the day the demo is loaded: opened with slips issued and a few ballots cast.
# Its date index (-1) is unused: its vote date is not one of round_dates() but today.
# fmt: off
OPEN_ROUND: RoundSpec = (
    "r_tp", "Hội nghị lấy phiếu tín nhiệm lãnh đạo Sở Tư pháp",
    "stp", -1, Rulebook.QD96, PlaceKind.WORKPLACE, "draft",
    ["gdtp", "pgdtp1", "pgdtp2", "cttp", "cvptp"],
    [
        ("Đinh Thị Thu Hà", "Trưởng ban", None),
        ("Mã Văn Kiên", "Thành viên", None),
        ("Thái Thị Hồng", "Thành viên", None),
    ],
)
# fmt: on
# The round held this morning: voted, closed, counted and published, so results show at once.
# fmt: off
COUNTED_ROUND: RoundSpec = (
    "r_btc", "Hội nghị lấy phiếu tín nhiệm lãnh đạo Ban Tổ chức Tỉnh ủy",
    "btc", -1, Rulebook.QD96, PlaceKind.WORKPLACE, "draft",
    ["ppbtc", "ppbtc2"],
    [
        ("Quan Thị Thanh", "Trưởng ban", None),
        ("Triệu Văn Minh", "Thành viên", None),
        ("Lò Thị Hằng", "Thành viên", None),
    ],
)
# fmt: on
# Its ballots, rows in ballot order: 17 cast of 20 slips; one slip not handed out, 18 present.
COUNTED_BALLOTS = (
    [["high", "low"]] * 3
    + [["high", "medium"]] * 4
    + [["high", "low"]] * 3
    + [["medium", "low"]] * 3
    + [["medium", "high"]] * 2
    + [["low", "high"]]
    + [["", "medium"]]
)
COUNTED_PRESENT = 18
COUNTED_UNUSED = 1
# Choices of the ballots already cast in the open round, one list per ballot, one entry per row in the
# ballot's order ("" leaves the row blank: counted as invalid for that cadre).
CAST_BALLOTS = [
    ["high", "high", "medium", "high", "medium"],
    ["medium", "high", "", "medium", "high"],
    ["high", "medium", "low", "", "medium"],
    ["low", "medium", "medium", "high", ""],
    ["high", "", "high", "medium", "low"],
]
UNUSED_CODES_SHOWN = 2
OPEN_PLAN_NUMBER = "96-KH/TU-DEMO-B"  # only near the year's end, when the plan's rounds move into January

OVERRIDE_ROUND = "r_nv"  # the round held under 20 days ahead, with a written reason
OVERRIDE_REASON = "Ban Thường vụ Tỉnh ủy thống nhất tổ chức sớm để hoàn thành trước kỳ họp HĐND tỉnh"
ROSTER_SIZES = {
    "r_tc": 32,
    "r_kh": 28,
    "r_nv": 25,
    "r_hdnd": 40,
    "r_ds": 18,
    "r_btv": 38,
    "r_tp": 30,
    "r_btc": 20,
}

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
]
MIDDLE = ["Văn", "Thị", "Đức", "Thị Thu", "Minh", "Thị Ngọc", "Quốc", "Thị Kim", "Hữu", "Thị Thanh"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Khánh",
    "Linh",
    "Mạnh",
    "Nhung",
    "Phong",
    "Quyên",
    "Sơn",
    "Thảo",
    "Uyên",
    "Vinh",
    "Xuân",
    "Yến",
    "Tùng",
    "Hạnh",
    "Lộc",
    "Trâm",
    "Nghĩa",
]
VOTER_TITLES = [
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chuyên viên chính",
    "Đại biểu HĐND",
    "Ủy viên BCH",
    "Bí thư chi bộ",
]
