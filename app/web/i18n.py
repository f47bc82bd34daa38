"""The pages speak Vietnamese; this table gives each phrase its English for the language switch.

Keys are the Vietnamese phrases themselves, so a template reads as the page will, and a phrase
missing here simply stays Vietnamese instead of breaking the page.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from .i18n_conference import CONFERENCE_EN
from .i18n_data import DATA_EN
from .i18n_rounds import ROUND_EN

LANGS = ("vi", "en")
COOKIE = "tn_lang"

EN: dict[str, str] = {
    "Tín nhiệm": "Tín nhiệm",
    "Lấy phiếu tín nhiệm": "Confidence votes",
    "Chuyển sang tiếng Anh": "Switch to English",
    "Chuyển sang tiếng Việt": "Switch to Vietnamese",
    "Đi tới nội dung chính": "Skip to main content",
    "Điều hướng chính": "Main navigation",
    "Ngôn ngữ": "Language",
    "Đăng nhập": "Log in",
    "Đăng xuất": "Log out",
    "Tên đăng nhập": "User name",
    "Mật khẩu": "Password",
    "Đổi mật khẩu": "Change password",
    "Mật khẩu hiện tại": "Current password",
    "Mật khẩu mới (ít nhất 10 ký tự)": "New password (at least 10 characters)",
    "Nhập lại mật khẩu mới": "New password again",
    "Đã đổi mật khẩu. Các phiên đăng nhập và mã API khác đã bị thu hồi.": (
        "Password changed. Your other sessions and API tokens have been revoked."
    ),
    "Sai tên đăng nhập hoặc mật khẩu.": "Wrong user name or password.",
    "Hãy nhập tên đăng nhập và mật khẩu.": "Enter your user name and password.",
    "Mật khẩu hiện tại không đúng.": "The current password is wrong.",
    "Hai lần nhập mật khẩu mới không giống nhau.": "The two new passwords differ.",
    "Mật khẩu mới cần ít nhất 10 ký tự.": "The new password needs at least 10 characters.",
    "Thử quá nhiều lần. Hãy đợi {n} giây rồi thử lại.": "Too many attempts. Wait {n} seconds and try again.",
    "Kế hoạch": "Plans",
    "Tài liệu API": "API documentation",
    "Quản trị": "Administrator",
    "Tổ chức": "Organizer",
    "Kiểm phiếu": "Counting committee",
    "Giám sát": "Observer",
    "Vai trò": "Role",
    # Errors
    "Không có quyền": "Not allowed",
    "Không tìm thấy": "Not found",
    "Xung đột dữ liệu": "Conflict",
    "Dữ liệu chưa hợp lệ": "Invalid input",
    "Đã có lỗi": "Something went wrong",
    "Thử quá nhiều lần": "Too many attempts",
    "Dữ liệu gửi lên chưa hợp lệ; hãy kiểm tra lại biểu mẫu.": "What was sent is not valid; check the form.",
    "Hệ thống đang bận; hãy thử lại sau giây lát.": "The service is busy; try again in a moment.",
    "Hệ thống đang bận": "The service is busy",
    "Trang này không tồn tại hoặc đã bị chuyển đi.": "This page does not exist or has moved.",
    "Bạn không có quyền xem hoặc làm việc này.": "You may not see or do this.",
    "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi gửi lại.": (
        "The form has expired or is not valid. Reload the page and send it again."
    ),
    "Dữ liệu vừa gửi xung đột với dữ liệu hiện có.": "What you sent conflicts with existing data.",
    "Hệ thống gặp lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.": (
        "An unexpected error occurred. Try again; if it persists, tell the administrator."
    ),
    "Về trang chủ": "Back to the start page",
    "Về trang nhập mã bỏ phiếu": "Back to the code entry",
    # Plans
    "Danh sách kế hoạch": "Plans",
    "Số": "Number",
    "Tên kế hoạch": "Title",
    "Năm lấy phiếu": "Vote year",
    "Số hội nghị": "Rounds",
    "Chưa có kế hoạch nào.": "No plan yet.",
    "Hạn hoàn thành": "Completion date",
    "Tiến độ": "Progress",
    "Đã bỏ phiếu {done}/{total} hội nghị": "{done} of {total} rounds voted",
    "Còn {n} ngày đến hạn hoàn thành": "{n} days to the completion date",
    "Đã quá hạn hoàn thành {n} ngày": "{n} days past the completion date",
    "Chưa đặt hạn hoàn thành": "No completion date set",
    "Hội nghị sau hạn hoàn thành": "Rounds after the completion date",
    "Các hội nghị": "Rounds",
    "Lịch theo tháng": "Month calendar",
    "Ngày bỏ phiếu": "Vote date",
    "Trạng thái": "Status",
    "Hội nghị": "Round",
    "Bảng thời hạn": "Deadline board",
    "Thời hạn D−20, D−15, D−10, D−3 của mỗi hội nghị:": "Each round's D−20, D−15, D−10, D−3 deadlines:",
    "Đến hạn trong 7 ngày": "Due in 7 days",
    "Quá hạn": "Overdue",
    "Không có.": "None.",
    "Hạn": "Deadline",
    "Cán bộ": "Cadre",
    "Việc": "Item",
    "Hồ sơ của hội nghị": "The round's dossier",
    "Trường hợp không đủ điều kiện": "Excluded cadres",
    "Lý do": "Reasons",
    "Vấn đề về thứ tự": "Ordering problems",
    "Hôm nay": "Today",
    "Đã xong": "Done",
    "Đã xong, có nộp muộn": "Done, some late",
    "Còn {n} ngày": "{n} days left",
    "Chưa đến hạn": "Not yet due",
    "Quá hạn ({n})": "Overdue ({n})",
    "D−20 · Báo cáo tự kiểm điểm": "D−20 · Self-assessment report",
    "D−15 · Gửi hồ sơ": "D−15 · Dossier sent",
    "D−10 · Yêu cầu làm rõ": "D−10 · Clarification requests",
    "D−3 · Giải trình": "D−3 · Answers",
    "Bỏ phiếu": "Vote",
    "Đã qua giai đoạn chuẩn bị": "Preparation is over",
    "Người được lấy phiếu / đủ điều kiện": "Candidates / eligible",
    "Dự thảo": "Draft",
    "Đã lên lịch": "Scheduled",
    "Đang bỏ phiếu": "Voting open",
    "Đã đóng": "Closed",
    "Đã kiểm phiếu": "Counted",
    "Đã công bố": "Published",
    "T2": "Mon",
    "T3": "Tue",
    "T4": "Wed",
    "T5": "Thu",
    "T6": "Fri",
    "T7": "Sat",
    "CN": "Sun",
    "Tháng {m}/{y}": "{m}/{y}",
    "quá {n} ngày": "{n} days late",
    "còn {n} ngày": "{n} days left",
    # Voting
    "Nhập mã bỏ phiếu": "Enter your voting code",
    "Mã in trên phiếu mã của bạn. Mã chỉ dùng được một lần.": (
        "The code is printed on your code slip. It can be used once only."
    ),
    "Mã bỏ phiếu": "Voting code",
    "Dạng": "Format",
    "Tiếp tục": "Continue",
    "Mã không đúng, kiểm tra lại từng ký tự": "The code is mistyped; check each character",
    "Mã không hợp lệ hoặc đã được sử dụng": "The code is not valid or has already been used",
    "Phiếu gửi lên có lựa chọn không hợp lệ; hãy điền lại phiếu.": (
        "The ballot sent has a choice that is not valid; fill in the ballot again."
    ),
    "Bảng tin biên nhận của hội nghị": "The round's board of receipts",
    "Hội nghị chưa mở bỏ phiếu": "Voting has not opened yet",
    "Hội nghị đã kết thúc bỏ phiếu": "Voting is closed",
    "Không thể bỏ phiếu trực tuyến": "Online voting is not possible",
    "Phiếu tín nhiệm": "Confidence ballot",
    "Với mỗi người, chọn một mức tín nhiệm. "
    "Dòng để trống được tính là phiếu không hợp lệ đối với người đó.": (
        "For each person, choose one level. A blank row is counted as an invalid vote for that person."
    ),
    "Xem lại phiếu": "Review the ballot",
    "Có {n} dòng để trống.": "{n} row(s) left blank.",
    "Dòng để trống được tính là phiếu không hợp lệ đối với người đó": (
        "A blank row is counted as an invalid vote for that person"
    ),
    "Để trống": "Blank",
    "Để trống (không chọn)": "Leave blank (no choice)",
    "Tài liệu về": "Documents about",
    "Sau khi bỏ phiếu, không thể sửa lại.": "Once cast, the ballot cannot be changed.",
    "Sửa lại": "Change",
    "Đã bỏ phiếu": "Ballot cast",
    "Phiếu của bạn đã được bỏ vào hòm phiếu.": "Your ballot is in the ballot box.",
    "Biên nhận": "Receipt",
    "Mã ngắn (để đọc):": "Short form (to read aloud):",
    "Biên nhận đầy đủ:": "Full receipt:",
    "Biên nhận không cho biết bạn đã chọn gì. Hãy ghi lại để tự kiểm tra phiếu của mình trên bảng tin.": (
        "The receipt says nothing about your choices. Note it down to find your ballot on the board."
    ),
    "Bảng tin biên nhận": "Board of receipts",
    "Đã phát {issued} phiếu mã; đã nhận {returned} phiếu.": (
        "{issued} code slips issued; {returned} ballots received."
    ),
    "Tìm biên nhận": "Find a receipt",
    "Nhập biên nhận đầy đủ hoặc mã ngắn (8 ký tự đầu).": (
        "Enter the full receipt or its short form (first 8 characters)."
    ),
    "Tìm": "Search",
    "Biên nhận gồm các chữ số 0–9 và chữ a–f; hãy nhập ít nhất 8 ký tự.": (
        "A receipt has digits 0–9 and letters a–f; enter at least 8 characters."
    ),
    "Có trên bảng tin:": "On the board:",
    "Không có trên bảng tin.": "Not on the board.",
    "Các biên nhận ({n})": "Receipts ({n})",
    "Chưa có phiếu nào.": "No ballot yet.",
    "Mã tổng hợp của bảng tin:": "Digest of the board:",
    # Results
    "Kết quả": "Results",
    "Kết quả kiểm phiếu": "Count results",
    "Số liệu chung": "Figures",
    "Đủ số lượng": "Quorum met",
    "Không đủ số lượng": "Quorum not met",
    "Có mặt {present}/{summoned} người được triệu tập: đạt ít nhất 2/3.": (
        "{present} of {summoned} summoned present: at least 2/3."
    ),
    "Có mặt {present}/{summoned} người được triệu tập: chưa đạt 2/3.": (
        "{present} of {summoned} summoned present: fewer than 2/3."
    ),
    "Lý do vẫn kiểm phiếu khi không đủ số lượng": "Why it was counted without a quorum",
    "Phiếu phát ra: {issued}; phiếu thu về: {returned}.": "Ballots issued: {issued}; returned: {returned}.",
    "Tỷ lệ phần trăm tính trên số phiếu thu về.": "Percentages are of the ballots returned.",
    "Tải về": "Download",
    "Biên bản kiểm phiếu (PDF)": "Count minutes (PDF)",
    "Bảng kết quả (Excel)": "Results (Excel)",
    "Bảng kết quả (CSV)": "Results (CSV)",
    "Kết quả từng người": "Result of each cadre",
    "Chú giải": "Legend",
    "Tín nhiệm cao": "High confidence",
    "Tín nhiệm thấp": "Low confidence",
    "Không hợp lệ": "Invalid",
    "Hợp lệ": "Valid",
    "Không thuộc diện xem xét": "No band",
    "Mã băm kết quả": "Results digest",
    "Tổng hợp kết quả": "Results summary",
    "Đã kiểm phiếu {done}/{total} hội nghị": "{done} of {total} rounds counted",
    "Theo nơi lấy phiếu": "By place",
    "Phiếu thu về": "Ballots returned",
}

EN.update(DATA_EN)
EN.update(ROUND_EN)
EN.update(CONFERENCE_EN)


def language(request: Request) -> str:
    """``?lang=`` wins (the switch is a plain link), then the cookie it leaves, then Vietnamese."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    kept = request.cookies.get(COOKIE)
    return kept if kept in LANGS else "vi"


def translator(lang: str) -> Callable[..., str]:
    def translate(phrase: str, **values: object) -> str:
        text = EN.get(phrase, phrase) if lang == "en" else phrase
        return text.format(**values) if values else text

    return translate
