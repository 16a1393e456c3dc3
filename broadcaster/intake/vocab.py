"""Data tables for imports: accepted column headers and values (Vietnamese and English).

Keys are compared after `fold()`: lower-case, without diacritics, punctuation or extra spaces,
so "Mã TTHC", "ma tthc" and "MÃ TTHC:" are the same header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# field -> accepted headers
ANNOUNCEMENT_HEADERS: dict[str, tuple[str, ...]] = {
    "uid": ("id", "uid", "mã", "mã thông báo", "số hiệu"),
    "title": ("title", "tiêu đề", "tên thông báo", "tên"),
    "body": ("body", "nội dung", "text", "văn bản"),
    "category": ("category", "chuyên mục", "loại", "loại tin", "thể loại"),
    "priority": ("priority", "mức ưu tiên", "ưu tiên", "mức độ"),
    "valid_from": ("valid_from", "from", "từ ngày", "ngày bắt đầu", "hiệu lực từ"),
    "valid_until": ("valid_until", "until", "đến ngày", "ngày kết thúc", "hiệu lực đến"),
    "repeat": ("repeat", "số lần phát", "số lần", "lần phát"),
}
ANNOUNCEMENT_REQUIRED = ("title", "body", "valid_from")

TTHC_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("code", "mã tthc", "mã thủ tục", "mã số", "mã"),
    "name": ("name", "tên thủ tục", "tên tthc", "tên thủ tục hành chính"),
    "field": ("field", "lĩnh vực"),
    "change_type": ("change_type", "loại thay đổi", "hình thức", "loại"),
    "effective_date": ("effective_date", "ngày hiệu lực", "hiệu lực từ ngày", "ngày có hiệu lực"),
    "decision": ("decision", "quyết định công bố", "văn bản quyết định", "quyết định", "số quyết định", "căn cứ"),
    "processing_time": ("processing_time", "thời hạn giải quyết", "thời gian giải quyết"),
    "fee": ("fee", "phí lệ phí", "phí, lệ phí", "lệ phí", "phí"),
    "submit_place": ("submit_place", "nơi tiếp nhận", "địa điểm thực hiện", "nơi nộp hồ sơ", "cách thức thực hiện"),
    "online_level": ("online_level", "mức độ dvc trực tuyến", "dịch vụ công trực tuyến", "mức độ trực tuyến"),
    "details": ("details", "nội dung thay đổi", "nội dung sửa đổi", "ghi chú"),
    "replaces": ("replaces", "thay thế cho", "thay thế thủ tục"),
    "source_url": ("source_url", "nguồn", "đường dẫn"),
    "retrieved_at": ("retrieved_at", "ngày lấy", "ngày truy cập", "ngày thu thập"),
}
TTHC_REQUIRED = ("code", "name", "field", "change_type", "effective_date")

IGNORED_HEADERS = ("stt", "số thứ tự", "tt")

# The name a field goes by in messages when the file gave it no header of its own (YAML keys,
# missing columns): the officer's word for it, as in the sample files.
ANNOUNCEMENT_NAMES: dict[str, str] = {
    "uid": "mã",
    "title": "tiêu đề",
    "body": "nội dung",
    "category": "chuyên mục",
    "priority": "mức ưu tiên",
    "valid_from": "từ ngày",
    "valid_until": "đến ngày",
    "repeat": "số lần phát",
}
TTHC_NAMES: dict[str, str] = {
    "code": "Mã TTHC",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "change_type": "Loại thay đổi",
    "effective_date": "Ngày hiệu lực",
    "decision": "Quyết định công bố",
    "processing_time": "Thời hạn giải quyết",
    "fee": "Phí, lệ phí",
    "submit_place": "Nơi tiếp nhận",
    "online_level": "Mức độ DVC trực tuyến",
    "details": "Nội dung thay đổi",
    "replaces": "Thay thế cho",
    "source_url": "Nguồn",
    "retrieved_at": "Ngày lấy",
}

PRIORITY_VALUES: dict[str, tuple[str, ...]] = {
    "normal": ("normal", "thường", "bình thường", "thông thường"),
    "priority": ("priority", "ưu tiên", "quan trọng"),
    "emergency": ("emergency", "khẩn cấp", "khẩn", "cấp bách"),
}

CHANGE_TYPE_VALUES: dict[str, tuple[str, ...]] = {
    "new": ("new", "mới", "mới ban hành", "ban hành mới"),
    "amended": ("amended", "sửa đổi", "sửa đổi, bổ sung", "sửa đổi bổ sung", "bổ sung"),
    "replaced": ("replaced", "thay thế", "được thay thế", "bị thay thế"),
    "abolished": ("abolished", "bãi bỏ", "bị bãi bỏ", "hủy bỏ"),
}

CATEGORY_VALUES: dict[str, tuple[str, ...]] = {
    "general": ("general", "chung", "thông báo chung", "thông báo"),
    "meeting": ("meeting", "họp", "hội nghị", "cuộc họp", "tiếp xúc cử tri"),
    "health": ("health", "y tế", "tiêm chủng", "sức khỏe"),
    "tax": ("tax", "thuế", "thuế phí"),
    "insurance": ("insurance", "bảo hiểm", "bhyt", "bhxh"),
    "weather": ("weather", "thời tiết", "thiên tai", "phòng chống thiên tai", "cảnh báo"),
    "digital": ("digital", "chuyển đổi số", "cđs", "dịch vụ công trực tuyến"),
    "security": ("security", "an ninh", "an ninh trật tự", "quốc phòng", "quân sự"),
    "agriculture": ("agriculture", "nông nghiệp", "khuyến nông", "chăn nuôi", "trồng trọt"),
}

# The word the officer reads for each stored value (lists, messages).
PRIORITY_VI = {key: aliases[1] for key, aliases in PRIORITY_VALUES.items()}
CATEGORY_VI = {key: aliases[1] for key, aliases in CATEGORY_VALUES.items()}
CHANGE_TYPE_VI = {"new": "mới ban hành", "amended": "sửa đổi, bổ sung", "replaced": "thay thế", "abolished": "bãi bỏ"}

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Compare key: lower-case, no diacritics (đ -> d), no punctuation, single spaces."""
    text = unicodedata.normalize("NFD", str(text).strip().lower()).replace("đ", "d")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(_PUNCT.sub(" ", text).split())


def lookup(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Turn {canonical: aliases} into {folded alias: canonical}."""
    return {fold(alias): key for key, aliases in table.items() for alias in (key, *aliases)}
