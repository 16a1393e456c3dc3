"""Output hygiene: what a model says around the text is not the text.

A rewrite is refused when it carries a preamble ("Sau đây là văn bản đã viết lại:", "Sure! Here's…"),
a note about itself ("(Lưu ý: tôi đã lược bỏ…)", "Hy vọng bản này phù hợp"), a refusal ("Xin lỗi, tôi
không thể…", "I'm sorry…"), an English sentence, or markdown. A phrase the source itself contains
is never held against the rewrite.
"""

from __future__ import annotations

import re
import unicodedata

# Vietnamese meta-talk: about the text, the rewrite or the model itself.
_META = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:sau đây|dưới đây|đây) là (?:văn bản|bản|nội dung|thông báo|phiên bản|bản tin)\b",
        (
            r"\b(?:văn bản|bản|nội dung|bản tin|thông báo)(?: gốc)? (?:đã|đã được) (?:được )?"
            r"(?:viết lại|biên tập|chỉnh sửa|rút gọn|lược bớt)"
        ),
        r"\b(?:bản|văn bản) viết lại\b",
        r"\bviết lại như sau\b",
        r"\btôi (?:đã|sẽ|xin|không thể|không|có thể|giữ|lược|rút|bỏ|thay)\b",
        r"\bmình đã\b",
        r"\bhy vọng\b",
        r"\bbạn có muốn\b",
        r"\bnếu bạn cần\b",
        r"\bbạn (?:cần|muốn|có thể|thấy|nhé)\b",
        r"\bcho (?:tôi|mình) biết\b",
        r"\b(?:chúc|cảm ơn) bạn\b",
        r"\bghi chú(?: của [^\s:]+)?\s*:",
        r"\b(?:đã|được) (?:lược bỏ|lược bớt|rút gọn|bỏ phần|bỏ bớt)\b",
        r"\blà một (?:mô hình|trợ lý)\b",
        r"\bchắc chắn rồi\b",
        r"\bđược rồi\b",
        r"\b(?:xin lỗi|rất tiếc)\b.*\b(?:không thể|không được phép)\b",
        r"\bkhông thể (?:viết lại|thực hiện|hỗ trợ|giúp|thay đổi|đảm bảo)\b",
        r"\blưu ý\s*:\s*(?:văn bản|bản|tôi|đã|các con số|nội dung)",
    )
]
_ENGLISH = frozenset(
    {
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "here",
        "here's",
        "this",
        "that",
        "of",
        "to",
        "for",
        "and",
        "with",
        "i",
        "i'm",
        "you",
        "your",
        "can't",
        "cannot",
        "sorry",
        "sure",
        "certainly",
        "course",
        "text",
        "rewritten",
        "announcement",
        "as",
        "requested",
        "note",
        "kept",
        "it",
        "be",
        "in",
        "on",
        "all",
        "free",
        "charge",
        "residents",
        "help",
        "request",
        "but",
        "source",
        "number",
        "decision",
        "have",
        "has",
        "will",
        "hope",
        "helps",
        "let",
        "me",
        "know",
        "if",
        "need",
        "any",
        "changes",
        "please",
        "feel",
        "below",
        "rewrite",
        "version",
        "summary",
        "would",
        "like",
        "want",
        "more",
        "okay",
        "happy",
        "glad",
        "thanks",
        "thank",
        "following",
        "original",
        "updated",
        "changed",
        "removed",
        "added",
        "simplified",
        "radio",
        "script",
        "listeners",
        "my",
        "we",
    }
)
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_MARKDOWN = re.compile(r"\*\*|__|^#{1,6}\s|^\s*[-*•]\s|`", re.MULTILINE)
_BRACKET = re.compile(r"[(\[]([^()\[\]]{3,})[)\]]")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _english(sentence: str) -> bool:
    words = sentence.split()
    ascii_words = [w.strip(".,:;!?\"'()").lower() for w in words if _ASCII_WORD.fullmatch(w.strip(".,:;!?\"'()"))]
    known = [w for w in ascii_words if w in _ENGLISH]
    return len(known) >= 2 and len(ascii_words) >= 3 and len(ascii_words) >= 0.6 * len(words)


def chatter(source: str, rewrite: str) -> list[str]:
    """The pieces of `rewrite` that are the model talking, not the announcement (empty when clean)."""
    src, text = _fold(source), unicodedata.normalize("NFC", rewrite)
    found: list[str] = []
    for sentence in _SENTENCE.findall(text):
        piece = sentence.strip()
        if not piece:
            continue
        for part in re.split(r"(?<=[:])\s+", piece):
            low = _fold(part)
            if _english(part) and low not in src:
                found.append(part)
                break
            hit = next((m for p in _META if (m := p.search(low)) and m.group() not in src), None)
            if hit:
                found.append(part)
                break
    for m in _BRACKET.finditer(text):
        inner = _fold(m.group(1))
        if (
            inner not in src
            and any(p.search(inner) for p in _META[:])
            or re.search(r"\b(?:đã|tôi|lược|rút gọn|giữ nguyên|viết lại|ghi chú|lưu ý)\b", inner)
            and inner not in src
        ):
            found.append(m.group())
    if _MARKDOWN.search(text) and not _MARKDOWN.search(source):
        found.append(_MARKDOWN.search(text).group().strip() or "markdown")  # type: ignore[union-attr]
    seen: list[str] = []
    for f in found:
        if f not in seen:
            seen.append(f)
    return seen
