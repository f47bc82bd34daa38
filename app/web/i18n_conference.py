"""English for the conference-day page and the paper entry screen."""

from __future__ import annotations

CONFERENCE_EN: dict[str, str] = {
    "Ngày hội nghị": "Conference day",
    "← Trang hội nghị": "← The round's page",
    "← Các hội nghị của tôi": "← My rounds",
    "Số phiếu": "Ballots",
    "Triệu tập: {n} người; cần có mặt ít nhất {k} người (2/3)": (
        "Summoned: {n}; at least {k} must be present (2/3)"
    ),
    "Phiếu mã đã tạo: {n}": "Code slips made: {n}",
    "phiếu giấy đã phát: {n}": "paper ballots handed out: {n}",
    "Phiếu đã nhận: {n}": "Ballots returned: {n}",
    "Có mặt: {p}/{n}": "Present: {p}/{n}",
    "đủ 2/3": "quorum met (2/3)",
    "không đủ 2/3": "no quorum (under 2/3)",
    "Trong khi bỏ phiếu chỉ hiện số phiếu đã nhận, không hiện kết quả.": (
        "While voting runs only the number of ballots returned is shown, never a result."
    ),
    "In phiếu mã": "Print the code slips",
    "Mã chỉ hiện một lần, trong tệp PDF này. In lại sẽ hủy mọi phiếu mã in trước đó "
    "(chỉ khi chưa mở bỏ phiếu).": (
        "The codes appear once, in this PDF. Printing again voids every slip printed before "
        "(only before voting opens)."
    ),
    "Số phiếu mã (để trống: mỗi người được triệu tập một phiếu)": (
        "Number of slips (empty: one per summoned voter)"
    ),
    "Tạo và tải tệp PDF phiếu mã": "Make and download the slips PDF",
    "Phiếu giấy": "Paper ballots",
    "Số phiếu giấy đã phát": "Paper ballots handed out",
    "Ghi số phiếu đã phát": "Record the number handed out",
    "Đã thống nhất: {a} · chờ lượt nhập thứ hai: {p} · chưa khớp: {k}": (
        "Accepted: {a} · waiting for the second pass: {p} · disagreeing: {k}"
    ),
    "Nhập phiếu — lượt 1": "Enter ballots — pass 1",
    "Nhập phiếu — lượt 2": "Enter ballots — pass 2",
    "Phiếu cần xem lại trên giấy": "Ballots to check on paper",
    "Phiếu số {n}": "Ballot {n}",
    "mới nhập lượt {p}": "only pass {p} typed",
    "hai lượt nhập khác nhau": "the two passes differ",
    "dấu": "stamp",
    "nhập lại lượt {p}": "type pass {p} again",
    "Kết thúc bỏ phiếu": "Close voting",
    "Số người có mặt": "Number present",
    "Số phiếu mã không phát ra": "Code slips not handed out",
    "Sau bước này không nhận thêm phiếu trực tuyến; phiếu giấy vẫn được nhập.": (
        "After this no online ballot is taken; paper ballots can still be entered."
    ),
    "Đã nhập {e} trên {k} mảnh cần thiết": "{e} of the {k} shares needed are in",
    "Các từ của mảnh khóa của bạn (mỗi thành viên nhập trên tài khoản của mình)": (
        "The words of your key share (each member on their own account)"
    ),
    "Nhập mảnh khóa": "Enter the share",
    "Không đủ 2/3 người có mặt: lý do vẫn kiểm phiếu (ghi vào biên bản, ít nhất 10 ký tự)": (
        "Under 2/3 present: the reason to count anyway (goes into the minutes, at least 10 characters)"
    ),
    "Mở hòm phiếu, cộng phiếu trực tuyến và phiếu giấy đã thống nhất, ký và lưu kết quả.": (
        "Opens the ballot box, counts online and accepted paper ballots together, signs and stores "
        "the result."
    ),
    "Kết quả và biên bản": "Results and minutes",
    "Xem kết quả": "See the results",
    "Kết quả (Excel)": "Results (Excel)",
    "Hồ sơ hội nghị để kiểm tra độc lập (tinnhiem verify)": (
        "The round's record for independent checks (tinnhiem verify)"
    ),
    "Công bố: kết quả được cung cấp cho hệ thống khác và nơi nhận theo kế hoạch.": (
        "Publish: the results become available to other systems and the plan's audience."
    ),
    "Công bố kết quả": "Publish the results",
    "Các hội nghị mà bạn là thành viên tổ kiểm phiếu.": "The rounds whose counting committee you sit on.",
    "Ngày": "Date",
    "Chưa có hội nghị nào.": "No round yet.",
    "Nhập phiếu giấy": "Paper ballot entry",
    "← Ngày hội nghị": "← Conference day",
    "Nhập phiếu giấy — lượt {p}": "Paper ballot entry — pass {p}",
    "Đã phát {i} phiếu · đã thống nhất {a} · chờ lượt còn lại {p} · chưa khớp {k}": (
        "{i} handed out · {a} accepted · {p} waiting for the other pass · {k} disagreeing"
    ),
    "Đã nhập hết {n} phiếu ở lượt này.": "All {n} ballots of this pass are typed.",
    "Về trang ngày hội nghị": "Back to the conference day",
    "Mỗi dòng một phím:": "One key per row:",
    "không đánh dấu": "no mark",
    "tên bị gạch": "name struck",
    "nhiều ô: gõ nhiều số (vd. 13)": "several boxes: type several digits (e.g. 13)",
    "để lưu": "to save",
    "Phiếu có dấu của tổ kiểm phiếu": "The ballot bears the committee's stamp",
    "Lưu phiếu (Enter)": "Save the ballot (Enter)",
    "Ngày hội nghị: phiếu mã, phiếu giấy, kết thúc, kiểm phiếu": (
        "Conference day: slips, paper ballots, close, count"
    ),
    "Phiếu số {n}: hai lượt nhập khớp nhau, phiếu được chấp nhận.": (
        "Ballot {n}: both passes agree; accepted."
    ),
    "Phiếu số {n}: đã lưu lượt này, chờ lượt nhập còn lại.": "Ballot {n}: saved; waiting for the other pass.",
    "Phiếu số {n}: hai lượt nhập KHÁC nhau. Hãy xem lại phiếu giấy.": (
        "Ballot {n}: the two passes DIFFER. Check the paper ballot."
    ),
    "Đã ghi số phiếu giấy đã phát.": "The number of paper ballots handed out is recorded.",
    "Đã kết thúc bỏ phiếu.": "Voting is closed.",
    "Đã nhận mảnh khóa.": "Share received.",
    "Đã kiểm phiếu.": "Counted.",
    "Đã công bố kết quả.": "Results published.",
    "Đã in {n} phiếu mã; in lại sẽ hủy các phiếu đó.": "{n} slips are printed; printing again voids them.",
}
