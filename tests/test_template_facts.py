"""A script states only facts that are in the data: every template, rendered with every optional field
missing and with all present, says no date, number, amount or place that the item (or the station)
does not hold; a missing field is left out, never filled with another one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from broadcaster.config import Station
from broadcaster.intake.vocab import CATEGORY_VALUES, CHANGE_TYPE_VALUES, PRIORITY_VALUES
from broadcaster.production.script import compose

STATION = Station()
DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A place or a name: capitalized words, not the first word of a sentence or after a colon.
PROPER = re.compile(r"(?<![.:!?]\s)(?<!^)\b([A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*)*)")
# Words of the templates themselves, not facts about an item.
TEMPLATE_WORDS = {
    "Thông",
    "Quyết",
    "Thủ",
    "Tin",
    "Đề",
    "Bà",
    "Hôm",
    "Trong",
    "Đây",
    "Kính",
    "Mọi",
    "Cảm",
    "Thưa",
    "Chủ",
    "Chuyển",
    "Mức",
    "Phí",
    "Thời",
    "Xin",
    "Nếu",
}


@dataclasses.dataclass
class A:
    title: str = "Họp dân thôn Phước Lộc"
    body: str = "Mời bà con họp lúc 19h00 ngày 02/12/2026 tại nhà văn hóa thôn Phước Lộc."
    category: str = "general"
    priority: str = "normal"
    valid_from: dt.date = dt.date(2026, 11, 30)
    valid_until: dt.date = dt.date(2026, 12, 31)  # the last airing day: never a deadline
    id: int = 7


@dataclasses.dataclass
class T:
    code: str = "1.001193"
    name: str = "Đăng ký khai sinh"
    field: str = "Hộ tịch"
    change_type: str = "new"
    effective_date: dt.date = dt.date(2026, 12, 1)
    decision: str = "2345/QĐ-UBND"
    processing_time: str | None = "03 ngày làm việc"
    fee: str | None = "15.000 đồng"
    submit_place: str | None = "Trung tâm Phục vụ hành chính công xã"
    online_level: str | None = "toàn trình"
    details: str | None = "Không phải nộp bản sao giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư"
    replaces: str | None = "Cấp giấy xác nhận tình trạng hôn nhân (mẫu cũ)"
    source_url: str | None = "https://dichvucong.gov.vn"
    retrieved_at: dt.date | None = dt.date(2026, 11, 20)
    id: int = 3


TTHC_OPTIONAL = (
    "decision",
    "processing_time",
    "fee",
    "submit_place",
    "online_level",
    "details",
    "replaces",
    "source_url",
    "retrieved_at",
)


def data_text(item) -> str:
    """Everything the item and the station hold, dates written the way the templates write them."""
    values = [*dataclasses.asdict(item).values(), *dataclasses.asdict(STATION).values()]
    return " ".join(f"{v:%d/%m/%Y}" if isinstance(v, dt.date) else str(v) for v in values if v is not None)


def unsupported(text: str, item) -> list[str]:
    data = data_text(item)
    found = [d for d in DATE.findall(text) if d not in data]
    found += [n for n in NUMBER.findall(text) if n not in data]
    for sentence in re.split(r"(?<=[.:!?])\s+|\n+", text):
        for match in PROPER.finditer(sentence):
            phrase = match.group(1)
            if match.start(1) > 0 and phrase.split()[0] not in TEMPLATE_WORDS and phrase not in data:
                found.append(phrase)
    return found


ANNOUNCEMENTS = [A(category=c, priority=p) for c in CATEGORY_VALUES for p in PRIORITY_VALUES]


@pytest.mark.parametrize("item", ANNOUNCEMENTS, ids=[f"{a.category}-{a.priority}" for a in ANNOUNCEMENTS])
def test_announcement_templates_state_only_the_items_facts(item):
    text = compose.announcement(item, STATION).text
    assert unsupported(text, item) == [], text
    assert "31/12/2026" not in text  # valid_until is when airing stops, not a deadline


def test_the_tax_template_does_not_turn_the_last_airing_day_into_a_deadline():
    item = A(
        category="tax",
        title="Hạn nộp thuế sử dụng đất",
        body="Hạn cuối nộp thuế là ngày 31/12/2026.",
        valid_until=dt.date(2026, 12, 5),
    )
    text = compose.announcement(item, STATION).text
    assert "05/12/2026" not in text and "31/12/2026" in text


CASES = [(change, missing) for change in CHANGE_TYPE_VALUES for missing in (False, True)]


@pytest.mark.parametrize("change_type, missing", CASES, ids=[f"{c}-{'bare' if m else 'full'}" for c, m in CASES])
def test_tthc_templates_state_only_the_items_facts(change_type, missing):
    item = T(change_type=change_type)
    if missing:
        item = dataclasses.replace(item, **{name: "" if name == "decision" else None for name in TTHC_OPTIONAL})
    text = compose.tthc(item, STATION).text
    assert unsupported(text, item) == [], text
    for required in (item.name, item.code, "01/12/2026"):
        assert required in text
    if missing:
        assert "Quyết định" not in text and "lệ phí" not in text.lower() and "thay thế cho" not in text
    else:
        for optional in ("2345/QĐ-UBND", "15.000 đồng", "03 ngày làm việc"):
            assert optional in text or change_type == "abolished"


def test_a_replaced_procedure_without_the_old_name_still_says_it_is_replaced():
    item = T(change_type="replaced", replaces=None, details=None)
    text = compose.tthc(item, STATION).text
    assert "được thay thế" in text and "thay thế cho" not in text
