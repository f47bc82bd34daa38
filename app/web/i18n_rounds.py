"""English for a round's pages (the wizard: create, edit, members, documents, open)."""

from __future__ import annotations

ROUND_EN: dict[str, str] = {
    "← Kế hoạch": "← Plan",
    "{a} người được lấy phiếu ({b} đủ điều kiện) · {c} người được triệu tập · {d} thành viên tổ kiểm phiếu": (
        "{a} candidates ({b} eligible) · {c} summoned voters · {d} counting committee members"
    ),
    "Bước tiếp theo": "Next step",
    "Mở bỏ phiếu: khóa danh sách người được lấy phiếu và tạo khóa hòm phiếu. "
    "Không sửa được hội nghị sau bước này.": (
        "Open voting: the list of candidates is frozen and the ballot box is keyed. The round cannot be "
        "edited after this step."
    ),
    "Các hạn và tài liệu": "Deadlines and documents",
    "Mốc": "Milestone",
    "Tình trạng": "State",
    "Chưa có người được lấy phiếu": "No candidate yet",
    "Sửa hội nghị": "Edit the round",
    "Xem các hạn": "Show the deadlines",
    "Hội nghị mới": "New round",
    "năm lấy phiếu": "vote year",
    "Tạo hội nghị": "Create the round",
    "Tên hội nghị": "Title of the round",
    "Đơn vị tổ chức hội nghị": "Unit holding the conference",
    "Địa điểm": "Venue",
    "Ngày hội nghị": "Vote date",
    "Các hạn D−20, D−15, D−10, D−3 tính từ ngày hội nghị. "
    "Đổi ngày rồi bấm “Xem các hạn” để xem trước khi lưu.": (
        "The D−20, D−15, D−10 and D−3 deadlines count back from the vote date. Change the date and press "
        "“Show the deadlines” to see them before saving."
    ),
    "Các hạn theo ngày {d}:": "Deadlines for {d}:",
    "Lý do tổ chức sớm (khi còn dưới 20 ngày; ít nhất 10 ký tự)": (
        "Reason for short notice (under 20 days; at least 10 characters)"
    ),
    "Giữ khóa hòm phiếu": "Who keeps the ballot box key",
    "Số thành viên tối thiểu để mở hòm (khi tổ kiểm phiếu giữ khóa)": (
        "Members needed to open the box (committee keeps the key)"
    ),
    "Người được lấy phiếu": "Candidates",
    "TT": "No.",
    "Chức vụ được lấy phiếu": "Posts voted on",
    "Kết luận": "Verdict",
    "Thao tác": "Action",
    "Đủ điều kiện": "Eligible",
    "Không lấy phiếu": "Not voted on",
    "Rút khỏi danh sách": "Withdraw",
    "Chưa có ai.": "Nobody yet.",
    "Tìm cán bộ để đề xuất (gõ có dấu hoặc không dấu)": (
        "Find a cadre to propose (with or without diacritics)"
    ),
    "Đề xuất": "Propose",
    "Không tìm thấy cán bộ nào chưa được đề xuất.": "No cadre found who is not proposed already.",
    "Người được triệu tập ({n})": "Summoned voters ({n})",
    "Bỏ": "Remove",
    "Hiện {k} người đầu theo tên.": "The first {k} by name are shown.",
    "Thêm người được triệu tập": "Summon a voter",
    "Cả danh sách: dùng trang": "A whole list: use the page",
    "Tổ kiểm phiếu": "Counting committee",
    "Nhiệm vụ": "Role",
    "Thêm thành viên": "Add a member",
    "Tài liệu": "Documents",
    "Loại": "Kind",
    "Tiêu đề": "Title",
    "Nhận ngày": "Received",
    "Đúng hạn": "On time",
    "Muộn {n} ngày": "{n} days late",
    "Chưa có tài liệu nào.": "No document yet.",
    "Loại tài liệu": "Kind of document",
    "Của / gửi cán bộ": "From / to the cadre",
    "(hồ sơ chung của hội nghị)": "(the round's dossier)",
    "Ngày nhận (để trống: hôm nay)": "Day received (empty: today)",
    "Người gửi": "Sender",
    "Tệp PDF hoặc DOCX": "PDF or DOCX file",
    "Hoặc nội dung": "Or the text",
    "Ghi nhận tài liệu": "Record the document",
    "Người được triệu tập": "Summoned voters",
    "Mảnh khóa của tổ kiểm phiếu": "The counting committee's key shares",
    "Trang này chỉ hiện một lần.": "This page is shown once only.",
    "Hệ thống không giữ bản sao nào: in trang này, cắt rời từng mảnh và trao tận tay từng thành viên. "
    "Cần {k} mảnh để mở hòm phiếu khi kiểm phiếu.": (
        "The service keeps no copy: print this page, cut the shares apart and hand each member their own. "
        "{k} shares are needed to open the ballot box at the count."
    ),
    "Tôi đã in và trao các mảnh khóa — về trang hội nghị": (
        "I have printed and handed out the shares — back to the round"
    ),
    "+ Thêm hội nghị": "+ Add a round",
    "Máy chủ giữ khóa (mặc định)": "The server keeps the key (default)",
    "Tổ kiểm phiếu giữ khóa (chia cho các thành viên)": "The committee keeps the key (split among members)",
    "Lên lịch": "Schedule",
    "Mở bỏ phiếu": "Open voting",
    "Nộp đúng hạn": "On time",
    "Nộp muộn {n} ngày": "{n} days late",
    "Quá hạn {n} ngày": "{n} days overdue",
    "Không cần": "Not needed",
    "Không có yêu cầu": "No request",
    "Thao tác này không làm trên trang này được (đóng, kiểm phiếu, công bố có bước riêng).": (
        "This cannot be done here (closing, counting and publishing have steps of their own)."
    ),
    "Tài khoản kiểm phiếu của {name}:": "Counting committee account of {name}:",
    "mật khẩu": "password",
    "Mật khẩu chỉ hiện lần này: hãy trao tận tay; thành viên đổi mật khẩu khi đăng nhập lần đầu.": (
        "The password is shown this once: hand it over in person; the member changes it at first login."
    ),
    "tài khoản": "account",
    "Cấp tài khoản": "Give an account",
}
