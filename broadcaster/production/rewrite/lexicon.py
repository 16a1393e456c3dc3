"""Vietnamese word tables used by the fact guard and the extractive summarizer (data only).

Number words and abbreviations are not here: they are the normalizer's (``broadcaster.vi.numbers``
and ``vi/data/abbreviations.csv``), shared so the guard hears what the voice says.
"""

from __future__ import annotations

from broadcaster.vi.numbers import SCALES

# A lone number word ("năm", "một") counts as a number only next to one of these words.
UNIT_WORDS = frozenset({
    *SCALES, "đồng", "giờ", "phút", "ngày", "tuần", "tháng", "năm",
    "người", "hộ", "lần", "buổi", "bản", "bộ", "phần", "%", "km", "mét", "m", "ha", "kg", "tấn",
    "con", "cháu", "trẻ", "xã", "thôn", "điểm", "chiếc", "suất", "liều", "mũi", "độ",
})
CONTEXT_BEFORE = frozenset({"ngày", "mùng", "mồng", "tháng", "lúc", "số", "khoảng", "đến", "từ"})
NOT_NUMBER_AFTER = frozenset({"thứ"})  # "thứ hai" is Monday, not 2

DAY_PERIODS = {"sáng": 0, "trưa": 12, "chiều": 12, "tối": 12, "đêm": 12}

CURRENCY_WORDS = ("đồng", "vnđ", "vnd", "đ")
FREE_PHRASES = ("miễn phí", "không thu phí", "không mất phí", "không thu tiền", "không mất tiền",
                "miễn lệ phí", "không thu lệ phí")

# A date in a sentence with one of these is an effective date or a deadline: a rewrite must keep it.
DEADLINE_WORDS = (
    "hiệu lực", "áp dụng", "thời hạn", "hạn chót", "hạn cuối", "hết hạn", "hạn nộp", "hạn đăng ký",
    "trước ngày", "chậm nhất", "kể từ", "từ ngày", "đến ngày", "đến hết", "hết ngày", "trước",
)

PLACE_TRIGGERS = frozenset({
    "xã", "thôn", "ấp", "bản", "xóm", "buôn", "làng", "tổ", "phường", "thị", "trấn", "huyện",
    "quận", "tỉnh", "phố", "đường", "chợ", "trường", "trạm", "sông", "cầu", "núi", "hội",
})

# Capitalised by convention, not names: dropped from the start of a run of Capitalised words.
COMMON_CAPITALISED = frozenset({
    "nghị", "định", "quyết", "thông", "tư", "luật", "chỉ", "thị", "công", "văn", "kế", "hoạch",
    "bộ", "phận", "nhân", "dân", "nhà", "nước", "đảng", "bác", "hồ",
})

# Words that mark a sentence worth keeping in an extractive summary (what to do, where, fees).
ACTION_WORDS = (
    "đề nghị", "yêu cầu", "mang theo", "nộp", "đăng ký", "liên hệ", "tham gia", "chuẩn bị",
    "không được", "cần", "phải", "tập trung", "có mặt", "đến", "tiêm", "kê khai", "chấp hành",
)
FEE_WORDS = ("phí", "lệ phí", "đồng", "miễn phí", "mức thu")
