import dataclasses
import datetime as dt

import pytest

from broadcaster.config import Station
from broadcaster.intake.vocab import CATEGORY_VALUES, CHANGE_TYPE_VALUES
from broadcaster.production.script import compose
from broadcaster.timeutil import TZ

STATION = Station()


@dataclasses.dataclass
class A:
    title: str = "Họp dân thôn 2"
    body: str = "Mời bà con thôn 2 họp lúc 19h00 ngày 02/12/2026 tại nhà văn hóa."
    category: str = "general"
    priority: str = "normal"
    valid_from: dt.date = dt.date(2026, 12, 1)
    valid_until: dt.date = dt.date(2026, 12, 2)
    id: int = 7


@dataclasses.dataclass
class T:
    code: str = "1.001193"
    name: str = "Đăng ký khai sinh"
    field: str = "Hộ tịch"
    change_type: str = "new"
    effective_date: dt.date = dt.date(2026, 12, 1)
    decision: str = "2345/QĐ-UBND"
    processing_time: str | None = "Trong ngày làm việc"
    fee: str | None = "Miễn lệ phí"
    submit_place: str | None = "Trung tâm Phục vụ hành chính công xã"
    online_level: str | None = "toàn trình"
    details: str | None = "Không phải nộp bản sao giấy tờ đã có trong cơ sở dữ liệu"
    replaces: str | None = "1.000001"
    id: int = 3


@pytest.mark.parametrize("category", list(CATEGORY_VALUES))
def test_every_category_has_a_script_with_title_and_body(category):
    seg = compose.announcement(A(category=category), STATION)
    assert seg.kind == "announcement" and seg.ref_id == 7
    assert "Họp dân thôn 2." in seg.text and "19h00 ngày 02/12/2026" in seg.text


@pytest.mark.parametrize("change_type", list(CHANGE_TYPE_VALUES))
def test_every_tthc_change_type_says_what_when_and_where(change_type):
    text = compose.tthc(T(change_type=change_type), STATION).text
    for fact in ("Đăng ký khai sinh", "1.001193", "01/12/2026", "2345/QĐ-UBND"):
        assert fact in text
    if change_type != "abolished":
        assert "Trung tâm Phục vụ hành chính công xã" in text and "Miễn lệ phí" in text
    assert {
        "new": "mới ban hành",
        "amended": "sửa đổi, bổ sung",
        "replaced": "thay thế cho thủ tục 1.000001",
        "abolished": "không còn thực hiện",
    }[change_type] in text


@pytest.mark.parametrize("change_type", list(CHANGE_TYPE_VALUES))
@pytest.mark.parametrize(
    "decision", ["Quyết định số 2345/QĐ-UBND", "Quyết định 2345/QĐ-UBND", "QĐ số 2345/QĐ-UBND", "2345/QĐ-UBND"]
)
def test_the_decision_is_named_once_however_the_office_wrote_it(change_type, decision):
    text = compose.tthc(T(change_type=change_type, decision=decision), STATION).text
    assert "Quyết định số 2345/QĐ-UBND" in text
    assert text.count("Quyết định") == 1 and "QĐ số" not in text


def test_opening_names_the_station_day_and_count_and_closing_gives_the_contact():
    at = dt.datetime(2026, 12, 4, 17, 30, tzinfo=TZ)
    opening = compose.opening(STATION, at, 5).text
    assert STATION.name in opening and "thứ Sáu, ngày 04/12/2026" in opening and "5 tin" in opening
    assert "chiều nay" in opening
    closing = compose.closing(STATION, at).text
    assert STATION.phone in closing and "kết thúc" in closing


def test_opening_uses_station_time_not_utc():
    at = dt.datetime(2026, 11, 30, 23, 0, tzinfo=dt.UTC)  # 06:00 on 01/12 in Vietnam
    assert "thứ Ba, ngày 01/12/2026" in compose.opening(STATION, at, 1).text
