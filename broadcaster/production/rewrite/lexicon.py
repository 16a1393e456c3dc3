"""Vietnamese word tables used by the fact guard and the extractive summarizer (data only).

Number words and abbreviations are not here: they are the normalizer's (``broadcaster.vi.numbers``
and ``vi/data/abbreviations.csv``), shared so the guard hears what the voice says. Offices, places,
target groups, procedures and documents are in ``vi/data/rewrite_terms.yaml`` (extendable in
config.yaml). Every phrase here is lower case and matched on whole words.
"""

from __future__ import annotations

from broadcaster.vi.numbers import SCALES

# A lone number word ("năm", "một") counts as a number only next to one of these words.
UNIT_WORDS = frozenset(
    {
        *SCALES,
        "đồng",
        "giờ",
        "phút",
        "ngày",
        "tuần",
        "tháng",
        "năm",
        "người",
        "hộ",
        "lần",
        "buổi",
        "bản",
        "bộ",
        "phần",
        "%",
        "km",
        "mét",
        "m",
        "ha",
        "sào",
        "mẫu",
        "héc",
        "hécta",
        "hecta",
        "kg",
        "tấn",
        "tạ",
        "yến",
        "con",
        "cháu",
        "trẻ",
        "xã",
        "thôn",
        "điểm",
        "chiếc",
        "suất",
        "liều",
        "mũi",
        "độ",
        "tuổi",
        "trang",
    }
)
CONTEXT_BEFORE = frozenset({"ngày", "mùng", "mồng", "tháng", "lúc", "số", "khoảng", "đến", "từ"})
NOT_NUMBER_AFTER = frozenset({"thứ"})  # "thứ hai" is Monday, not 2

DAY_PERIODS = {"sáng": 0, "trưa": 12, "chiều": 12, "tối": 12, "đêm": 12}
# Hours a day part covers (start inclusive, end exclusive; "đêm" wraps round midnight).
DAY_PART_HOURS = {"sáng": (0, 12), "trưa": (10, 14), "chiều": (12, 19), "tối": (17, 24), "đêm": (19, 29)}
NOT_DAY_PART_AFTER = frozenset({"ăn", "bữa", "ánh", "chiếu", "rạng"})  # "ăn sáng" is breakfast

# Free of charge, however it is said (matched after the text is lower-cased).
FREE_PATTERNS = (
    r"miễn (?:phí|lệ phí|học phí|tiền|mọi chi phí|chi phí)",
    r"không (?:phải |cần )?(?:thu|mất|tốn|trả|nộp|đóng|góp)(?: góp)? (?:bất kỳ |một )?(?:khoản |đồng )?"
    r"(?:phí|lệ phí|học phí|tiền|chi phí|kinh phí)",
    r"không (?:phải |cần )?(?:mất|tốn|trả|nộp|đóng) (?:một )?đồng nào",
    r"không (?:ai )?được thu (?:bất kỳ |một )?(?:khoản )?(?:phí|tiền|chi phí)",
    r"không (?:phải|cần) (?:trả|đóng|nộp)(?: góp)?(?= *(?:[.,;:!?)]|$| và| nhưng| nhé))",
    r"được miễn(?! (?:phí|lệ phí|học phí|tiền|chi phí|mọi chi phí|thuế|thi|khám|nghĩa)\b)",
    r"không (?:phải|cần) (?:trả|đóng|nộp) (?:bất kỳ |một )?(?:khoản )?(?:phí|tiền)",
)
# Money asked of the listener without an amount ("phải nộp lệ phí", "có thu phí").
PAID_PATTERNS = (
    r"(?:phải|cần|sẽ|cũng phải) (?:nộp|trả|đóng)(?: góp)?(?: thêm)? (?:phí|lệ phí|học phí|tiền|kinh phí|chi phí)",
    r"(?:phải|cần|cũng phải) (?:nộp|trả|đóng)(?: góp)?(?= *(?:[.,;:!?]|$))",
    r"(?:có )?thu (?:phí|lệ phí|tiền)(?! của người dân)",
    r"(?:mất|tốn|trả) (?:phí|tiền)(?! (?:điện|nước|mặt|hóa đơn|cước|sử dụng đất|thuế))",
    r"đóng góp kinh phí",
    r"bán với giá",
    r"có giá",
    r"thu theo quy định",
    r"nộp lệ phí",
    r"lệ phí (?:theo|thu theo) quy định",
    r"(?:phải |cần )?tự (?:trả|chi trả|thanh toán|bỏ tiền|lo kinh phí|chịu chi phí)",
    r"(?:phải|cần) (?:chi trả|thanh toán)",
)
# A sum of money the listener pays (fee) or receives (support), by the words before it.
FEE_WORDS = (
    "phí",
    "lệ phí",
    "giá",
    "mức đóng",
    "mức thu",
    "chi phí",
    "nộp",
    "đóng",
    "thu",
    "trả",
    "tiền thuê",
    "góp",
    "học phí",
    "công tiêm",
)
SUPPORT_WORDS = ("hỗ trợ", "trợ cấp", "được nhận", "được hưởng", "được vay", "vay", "thưởng", "tặng", "cho vay")

# Stance words, longest first: polarity and modality of the predicate that follows.
STANCE_WORDS: tuple[tuple[str, str], ...] = (
    ("tuyệt đối không được", "prohibited"),
    ("tuyệt đối không", "prohibited"),
    ("không ai được phép", "prohibited"),
    ("không ai được", "prohibited"),
    ("nghiêm cấm", "prohibited"),
    ("không được phép", "prohibited"),
    ("không cho phép", "prohibited"),
    ("không được", "prohibited"),
    ("cấm", "prohibited"),
    ("đừng", "prohibited"),
    ("không yêu cầu", "not_required"),
    ("không đòi hỏi", "not_required"),
    ("không bắt buộc phải", "not_required"),
    ("không bắt buộc", "not_required"),
    ("không cần phải", "not_required"),
    ("không cần", "not_required"),
    ("không phải", "not_required"),
    ("không buộc phải", "not_required"),
    ("không nên", "advised_not"),
    ("không còn", "negated"),
    ("không hề", "negated"),
    ("chưa được", "negated"),
    ("không", "negated"),
    ("chưa", "negated"),
    ("chẳng", "negated"),
    ("tránh", "negated"),
    ("để khỏi", "negated"),
    ("để tránh", "negated"),
    ("bắt buộc phải", "required"),
    ("buộc phải", "required"),
    ("bắt buộc", "required"),
    ("nhất thiết phải", "required"),
    ("cần phải", "required"),
    ("phải", "required"),
    ("cần", "required"),
    ("có trách nhiệm", "required"),
    ("đề nghị", "requested"),
    ("yêu cầu", "requested"),
    ("hãy", "requested"),
    ("nhớ", "requested"),
    ("xin", "requested"),
    ("kính mời", "invited"),
    ("mời", "invited"),
    ("được phép", "permitted"),
    ("cho phép", "permitted"),
    ("có thể", "permitted"),
    ("được", "permitted"),
    ("nên", "advised"),
    ("khuyến khích", "advised"),
    ("khuyến cáo", "advised"),
)
NEGATIVE_STANCES = frozenset({"prohibited", "not_required", "advised_not", "negated"})
# Pairs of stances that contradict each other beyond polarity (one weaker or of another kind).
STANCE_CONFLICTS = frozenset(
    {
        frozenset({"required", "permitted"}),
        frozenset({"required", "advised"}),
        frozenset({"permitted", "advised"}),
        frozenset({"invited", "permitted"}),
        frozenset({"requested", "permitted"}),
        frozenset({"prohibited", "advised_not"}),
        frozenset({"prohibited", "not_required"}),
        frozenset({"not_required", "advised_not"}),
    }
)
# Words between a stance word and its predicate that change nothing ("không tự ý trèo", "vẫn được").
STANCE_SKIP = frozenset(
    {
        "tự",
        "ý",
        "sẽ",
        "đã",
        "vẫn",
        "cũng",
        "còn",
        "chủ",
        "động",
        "tiếp",
        "tục",
        "ngay",
        "bị",
        "hãy",
        "nữa",
        "thêm",
        "luôn",
        "hoàn",
        "toàn",
        "được",
        "phải",
        "cần",
        "nên",
        "chỉ",
        "đều",
    }
)
# After "đề nghị", "kính mời"…: who is asked, skipped before the predicate.
ADDRESSEES = frozenset(
    {
        "bà",
        "con",
        "các",
        "hộ",
        "gia",
        "đình",
        "người",
        "dân",
        "nhân",
        "cử",
        "tri",
        "thôn",
        "phụ",
        "huynh",
        "chủ",
        "mọi",
        "quý",
        "vị",
        "đồng",
        "chí",
        "cán",
        "bộ",
        "tham",
    }
)
# Negations that are not about the next word.
NOT_STANCE = (
    "cần câu",
    "cần cẩu",
    "không đổi",
    "không thay đổi",
    "không khí",
    "không gian",
    "không chỉ",
    "không những",
    "không ít",
    "hay không",
    "không phẩy",
    "không trăm",
    "có hay không",
    "xin lỗi",
    "xin chào",
    "xin phép",
    "không kể",
    "không thể thiếu",
)

# Comparators bound to the threshold after them (or "trở lên"/"trở xuống" after it).
COMPARATORS: tuple[tuple[str, str], ...] = (
    ("không vượt quá", "max"),
    ("không quá", "max"),
    ("tối đa", "max"),
    ("cao nhất", "max"),
    ("nhiều nhất", "max"),
    ("không dưới", "min"),
    ("tối thiểu", "min"),
    ("ít nhất", "min"),
    ("thấp nhất", "min"),
    ("từ đủ", "min"),
    ("nhỏ hơn", "lt"),
    ("thấp hơn", "lt"),
    ("ít hơn", "lt"),
    ("ngắn hơn", "lt"),
    ("lớn hơn", "gt"),
    ("cao hơn", "gt"),
    ("nhiều hơn", "gt"),
    ("dài hơn", "gt"),
    ("trên", "gt"),
    ("quá", "gt"),
    ("sau khi hết", "gt"),
    ("sau", "gt"),
    ("hơn", "gt"),
    ("vượt", "gt"),
    ("dưới", "lt"),
    ("chưa đủ", "lt"),
    ("chưa đến", "lt"),
    ("khoảng", "approx"),
    ("chừng", "approx"),
    ("tầm", "approx"),
    ("gần", "approx"),
    ("dự kiến", "approx"),
    ("từ", "from"),
    ("đến", "to"),
    ("tới", "to"),
)
COMPARATOR_AFTER = (("trở lên", "min"), ("trở xuống", "max"))
# Comparators that say the same of a threshold.
COMPARATOR_GROUPS = {"max": "max", "to": "max", "min": "min", "from": "min", "gt": "gt", "lt": "lt", "approx": "approx"}

# Direction of a change, and of time, bound to what follows or precedes.
TRENDS: tuple[tuple[str, str], ...] = (
    ("giữ nguyên", "same"),
    ("không đổi", "same"),
    ("không thay đổi", "same"),
    ("như cũ", "same"),
    ("tăng lên", "up"),
    ("tăng dần", "up"),
    ("tăng", "up"),
    ("nâng lên", "up"),
    ("cao hơn", "up"),
    ("giảm dần", "down"),
    ("giảm xuống", "down"),
    ("giảm", "down"),
    ("hạ xuống", "down"),
    ("rút ngắn", "down"),
    ("thấp hơn", "down"),
    ("bớt", "down"),
)
NOT_TREND = ("tăng cường", "tăng gia", "giảm thiểu", "giảm nghèo", "giảm sút")
ORDER_WORDS = (("trước khi", "before"), ("sau khi", "after"), ("trước", "before"), ("sau", "after"))

# Manner pairs: a rewrite may not trade one for the other.
MANNERS: tuple[tuple[str, str], ...] = (
    ("trực tuyến toàn trình", "online_full"),
    ("trực tuyến một phần", "online_part"),
    ("toàn trình", "online_full"),
    ("trực tuyến", "online"),
    ("qua mạng", "online"),
    ("trực tiếp", "in_person"),
    ("mở cửa", "open"),
    ("đóng cửa", "closed"),
)
MANNER_CONFLICTS = frozenset(
    {
        frozenset({"online", "in_person"}),
        frozenset({"online_full", "online_part"}),
        frozenset({"online_full", "in_person"}),
        frozenset({"online_part", "in_person"}),
        frozenset({"open", "closed"}),
    }
)

# Words of opposite meaning: a rewrite that says one where the source says the other (and never the
# first) contradicts it ("bắt đầu" for "kết thúc", "công dân nam" for "công dân nữ"). Each row lists
# spellings of one side, then " / ", then the other side.
OPPOSITES = (
    "bắt đầu | khởi công | khai mạc / kết thúc | hoàn thành | bế mạc",
    "bật / tắt",
    "cấp mới | cấp giấy | cấp phép | cấp đổi / thu hồi",
    "đồng ý | chấp thuận | chấp nhận / từ chối | không chấp thuận",
    "tiếp tục | duy trì / tạm dừng | tạm ngừng | dừng | ngừng | tạm hoãn | hoãn",
    "đi học / nghỉ học",
    "đúng hạn / quá hạn | trễ hạn | chậm",
    "từ mức | trên mức | trở lên / dưới mức | trở xuống",
    "trong thời hạn | trong vòng / sau khi hết | sau thời hạn | quá thời hạn | hết thời hạn",
    "có mặt | tham dự / vắng mặt",
    "sớm / muộn | trễ",
    "đầu tháng / cuối tháng",
    "đầu năm / cuối năm",
    "đầu tuần / cuối tuần",
    "trong giờ hành chính / ngoài giờ hành chính",
    "nam / nữ",
    "đủ / thiếu",
    "đạt / không đạt",
    "an toàn / nguy hiểm",
    "nội trú / ngoại trú",
    "thêm / bớt",
    "vùng cao / vùng trũng | vùng thấp",
    "nơi cao ráo / nơi trũng thấp",
    "nặng / nhẹ",
    "ban ngày / ban đêm",
    "trong nhà / ngoài trời",
    "ăn / nhịn ăn",
    "tự nguyện / bắt buộc",
    "tập trung / phân tán",
)

# Date and time roles, from the words just before them.
# The first kind may stand a few words before the date ("hạn cuối nộp thuế … là ngày"); the second
# (NEAR_ROLE_WORDS) only right before it ("từ ngày", "đến 11h00", "lúc 6h30").
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("có hiệu lực từ", "effective"),
    ("hiệu lực", "effective"),
    ("áp dụng từ", "effective"),
    ("áp dụng", "effective"),
    ("bắt đầu", "start"),
    ("khai giảng", "start"),
    ("kết thúc", "end"),
    ("hạn chót", "deadline"),
    ("hạn cuối", "deadline"),
    ("hạn nộp", "deadline"),
    ("chậm nhất", "deadline"),
    ("hết hạn", "expiry"),
)
NEAR_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("kể từ", "start"),
    ("bắt đầu từ", "start"),
    ("từ", "start"),
    ("đến hết", "end"),
    ("đến", "end"),
    ("tới", "end"),
    ("trước", "deadline"),
    ("hạn", "deadline"),
    ("sau", "after"),
    ("lúc", "event"),
    ("vào", "event"),
)
# Roles that may stand for each other (a date "từ" in one text may be "áp dụng từ" in the other).
ROLE_GROUPS = {
    "effective": "start",
    "start": "start",
    "end": "end",
    "deadline": "end",
    "expiry": "end",
    "after": "after",
    "event": "event",
}

WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
WEEKDAY_CONTEXT = frozenset(
    {
        "sáng",
        "trưa",
        "chiều",
        "tối",
        "đêm",
        "vào",
        "từ",
        "đến",
        "tới",
        "các",
        "hôm",
        "và",
        "hoặc",
        "ngày",
        "mỗi",
        "hằng",
        "là",
        "lúc",
        "trước",
        "sau",
        "buổi",
    }
)

# Universal quantifiers: a rewrite that says "every" when the source does not widens who or what it is about.
SCOPE_WORDS = ("tất cả", "toàn bộ", "toàn dân", "mọi", "bất kỳ")

# Relative times: a rewrite may say them only when the source does (pairs are the same time).
RELATIVE_TIMES = (
    "hôm nay",
    "ngày mai",
    "hôm qua",
    "sáng nay",
    "trưa nay",
    "chiều nay",
    "tối nay",
    "đêm nay",
    "sáng mai",
    "trưa mai",
    "chiều mai",
    "tối mai",
    "đêm mai",
    "tuần này",
    "tuần sau",
    "tuần tới",
    "tuần trước",
    "tháng này",
    "tháng sau",
    "tháng tới",
    "năm nay",
    "năm sau",
    "năm tới",
    "sắp tới",
    "cuối tuần",
    "đầu tuần",
    "ngày kia",
    "bây giờ",
    "lúc này",
    "hiện nay",
    "mai",
)
RELATIVE_SAME = {"tuần tới": "tuần sau", "tháng tới": "tháng sau", "năm tới": "năm sau"}

# Conditions a rewrite must keep; "khi" only when a negation follows ("khi chưa được phép").
CONDITION_WORDS = (
    "trong trường hợp",
    "trường hợp",
    "nếu",
    "đối với",
    "với điều kiện",
    "chỉ khi",
    "trừ khi",
    "trừ trường hợp",
    "ngoại trừ",
    "trừ",
    "không kể",
    "không tính",
    "chưa kể",
    "chưa tính",
    "không bao gồm",
)
# Words a kept condition need not repeat.
CONDITION_STOP = frozenset(
    {
        "bà",
        "con",
        "thì",
        "các",
        "những",
        "của",
        "và",
        "là",
        "người",
        "hộ",
        "ai",
        "nào",
        "có",
        "được",
        "đã",
        "với",
        "xin",
        "đó",
        "này",
        "thuộc",
        "đang",
        "sẽ",
    }
)

# A document after one of these (in the same sentence, not negated) is required.
DOCUMENT_TRIGGERS = (
    "mang theo",
    "mang",
    "đem theo",
    "cầm theo",
    "xuất trình",
    "hồ sơ gồm",
    "hồ sơ",
    "kèm theo",
    "kèm",
    "cần có",
    "phải có",
    "nộp",
    "chuẩn bị",
    "đính kèm",
    "gồm",
)
# A place, an office to go to or ask, after one of these.
PLACE_WORDS = ("địa điểm", "tại", "ở", "đến", "tới", "về", "liên hệ", "gửi về", "nơi", "qua")
# Actors: an office at the start of a sentence followed by one of these is who acts.
ACTOR_VERBS = frozenset(
    {"thông", "tổ", "triển", "phối", "hướng", "cấp", "mở", "nhắc", "đề", "cho", "hỗ", "phát", "cùng"}
)

PLACE_TRIGGERS = frozenset(
    {
        "xã",
        "thôn",
        "ấp",
        "bản",
        "xóm",
        "buôn",
        "làng",
        "tổ",
        "phường",
        "thị",
        "trấn",
        "huyện",
        "quận",
        "tỉnh",
        "phố",
        "đường",
        "chợ",
        "trường",
        "trạm",
        "sông",
        "cầu",
        "núi",
        "hội",
    }
)

# Capitalised by convention, not names: dropped from the start of a run of Capitalised words.
COMMON_CAPITALISED = frozenset(
    {
        "nghị",
        "định",
        "quyết",
        "thông",
        "tư",
        "luật",
        "chỉ",
        "thị",
        "công",
        "văn",
        "kế",
        "hoạch",
        "bộ",
        "phận",
        "nhân",
        "dân",
        "nhà",
        "nước",
        "đảng",
        "bác",
        "hồ",
    }
)

# Words that mark a sentence worth keeping in an extractive summary (what to do, where, fees).
ACTION_WORDS = (
    "đề nghị",
    "yêu cầu",
    "mang theo",
    "nộp",
    "đăng ký",
    "liên hệ",
    "tham gia",
    "chuẩn bị",
    "không được",
    "cần",
    "phải",
    "tập trung",
    "có mặt",
    "đến",
    "tiêm",
    "kê khai",
    "chấp hành",
)
FEE_MARK_WORDS = ("phí", "lệ phí", "đồng", "miễn phí", "mức thu")
# A date in a sentence with one of these is an effective date or a deadline: a rewrite must keep it.
DEADLINE_WORDS = (
    "hiệu lực",
    "áp dụng",
    "thời hạn",
    "hạn chót",
    "hạn cuối",
    "hết hạn",
    "hạn nộp",
    "hạn đăng ký",
    "trước ngày",
    "chậm nhất",
    "kể từ",
    "từ ngày",
    "đến ngày",
    "đến hết",
    "hết ngày",
    "trước",
)
