"""The bytes of a text file as text: UTF-8 with or without a BOM, UTF-16 with or without one (Excel's
"Unicode Text"). The old Vietnamese encodings are named, with how to save the file again."""

from __future__ import annotations

import codecs
import itertools
from pathlib import Path

# Windows-1258 writes a tone as a combining mark after its letter: grave, hook, tilde, acute, dot below.
CP1258_TONES = frozenset(b"\xcc\xd2\xde\xec\xf2")
CP1258_LETTERS = frozenset(b"aeiouyAEIOUY\xe2\xea\xf4\xe3\xf5\xfd\xc2\xca\xd4\xc3\xd5\xdd")
CP1258_BASES = frozenset(b"\xc2\xc3\xca\xd0\xd4\xd5\xdd\xe2\xe3\xea\xf0\xf4\xf5\xfd")
RESAVE = (
    "mở tệp bằng Excel, chọn Tệp > Lưu thành > “CSV UTF-8 (Comma delimited) (*.csv)”; hoặc bằng "
    "LibreOffice: Lưu thành…, Bộ ký tự “Unicode (UTF-8)”; rồi nhập lại."
)


def decode(path: Path, data: bytes) -> str:
    from broadcaster.intake.readers import fail

    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(path, data, "utf-16")
    else:
        order = _utf16_without_bom(data)
        if order:
            return _utf16(path, data, order)
    if b"\x00" in data[:4096]:
        raise fail(
            path,
            "không phải tệp văn bản (có byte nhị phân).",
            "chọn nhầm tệp (ảnh, Word, PDF…).",
            "xuất dữ liệu ra CSV (UTF-8), JSON hoặc YAML rồi nhập lại.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _cp1258(data):
            raise fail(
                path,
                f"tệp lưu bằng bảng mã Windows-1258, không phải UTF-8 (byte {data[exc.start]:#04x} ở "
                f"vị trí {exc.start}).",
                "Excel lưu “CSV (Comma delimited)” theo bảng mã của Windows tiếng Việt.",
                RESAVE,
            ) from exc
        raise fail(
            path,
            f"tệp gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) hoặc VNI, không phải Unicode UTF-8 "
            f"(byte {data[exc.start]:#04x} ở vị trí {exc.start}).",
            "văn bản soạn bằng bảng mã cũ trước khi có Unicode.",
            "chuyển mã bằng Unikey (Công cụ chuyển mã: nguồn TCVN3 (ABC) hoặc VNI Windows, đích Unicode), "
            "rồi " + RESAVE,
        ) from exc


def _utf16(path: Path, data: bytes, encoding: str) -> str:
    from broadcaster.intake.readers import fail

    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise fail(path, f"tệp UTF-16 bị hỏng (byte lỗi ở vị trí {exc.start}).", None, RESAVE) from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is zero, as in text of mostly Latin letters."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _cp1258(data: bytes) -> bool:
    """Windows-1258 rather than TCVN3/VNI: tone marks written after their vowel, or its letters (â ê ô ơ ư đ
    at 0xc2-0xfd) with none of TCVN3's (â ă ê ô ơ ư đ at 0xa8-0xae)."""
    high = sum(1 for b in data if b > 0x7F)
    tones = sum(1 for before, b in itertools.pairwise(data) if b in CP1258_TONES and before in CP1258_LETTERS)
    if tones and tones * 4 >= high:
        return True
    return not any(0xA8 <= b <= 0xAE for b in data) and any(b in CP1258_BASES for b in data)
