"""Polarity and modality bound to the predicate they govern: "không cần mang hộ khẩu" is the claim
(not_required, mang, {hộ khẩu}); "phải nộp tiền chậm nộp" is (required, nộp, {tiền, chậm}).

Stances: prohibited, not_required, advised_not, negated (the negative family); required, requested,
invited, permitted, advised, affirmed (the positive family). A predicate that one of the two texts
negates somewhere is also read where it stands without a stance word ("affirmed"), so "có lương hưu"
is compared with "không có lương hưu".
"""

from __future__ import annotations

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import STOP, Claim, Document
from broadcaster.production.rewrite.claims_text import money_spans

_STANCES = sorted(((tuple(p.split()), v) for p, v in lx.STANCE_WORDS), key=lambda pv: -len(pv[0]))
_NOT_STANCE = [tuple(p.split()) for p in lx.NOT_STANCE]
_POSITIVE_ORDER = ("required", "requested", "invited", "advised", "permitted")
_SYNONYMS = {
    "đem": "mang",
    "cầm": "mang",
    "tới": "đến",
    "dự": "tham",
    "đóng": "nộp",
    "trả": "nộp",
    "mở": "mở",
    "phát": "cấp",
    "làm": "làm",
    "lấy": "thu",
    "cho": "cho",
    "tổ": "tổ",
}
# A predicate right after one of these is a noun ("đã nhận hỗ trợ", "mức hỗ trợ"), not a statement.
_NOMINAL_BEFORE = frozenset({"nhận", "mức", "khoản", "tiền", "gói", "sách"})
_AUDIENCE = (
    ("bà", "con"),
    ("người", "dân"),
    ("nhân", "dân"),
    ("các", "hộ"),
    ("gia", "đình"),
    ("hộ", "dân"),
    ("mọi", "người"),
    ("các", "gia"),
)


_SETTING = frozenset({"trong", "khi", "tại", "từ", "sau", "trước", "vào", "suốt", "ở"})
_PURPOSE = frozenset({"để", "nhằm", "vì", "do", "nếu", "khi", "tuy"})  # "Để không gián đoạn…" is no rule


def _imperative(doc: Document, i: int) -> bool:
    """A negation that tells the listener not to do something: at the start of a sentence ("Không đổ
    rác…"), after a short subject ("Phụ huynh không đưa trẻ…"), after "bà con", "người dân"…, in a clause of
    a sentence said to them ("Các hộ đắp bờ, không tự ý phá bờ…") or after a setting ("Trong hai ngày hội,
    không bán hàng rong…"), or after "đề nghị"/"yêu cầu" in its sentence; never in "… thì …" (a condition)."""
    words, tokens = doc.reading.words, doc.reading.tokens
    if i == 0 or tokens[i - 1].sentence != tokens[i].sentence:
        return True
    first = doc.reading.sentence_start(i)
    if "thì" in (w for k, w in enumerate(words[i:], start=i) if tokens[k].sentence == tokens[i].sentence):
        return False  # "Hộ không cử được người thì đóng góp…": a condition, not a rule
    if tokens[i - 1].clause != tokens[i].clause and (
        tuple(words[first : first + 2]) in _AUDIENCE
        or any(m.first == first and m.category == "groups" for m in doc.mentions)
    ):
        return True  # a clause of a sentence said to the listeners: "Các hộ đắp bờ giữ nước, không tự ý phá bờ…"
    if tuple(words[max(0, i - 2) : i]) in _AUDIENCE:
        return True
    if tokens[i - 1].clause != tokens[i].clause and words[first] in _SETTING:
        return True  # the main clause after a setting: "Trong hai ngày hội, không bán hàng rong…"
    if i - first <= 3 and all(tokens[k].is_word for k in range(first, i)) and words[first] not in _PURPOSE:
        return True  # a short subject first: "Phụ huynh không đưa trẻ…", "Người vào rừng không mang…"
    return any(
        words[k : k + 2] in (["đề", "nghị"], ["yêu", "cầu"]) and words[k - 1] not in ("đơn", "giấy", "bản")
        for k in range(max(1, i - 30), i)
        if tokens[k].sentence == tokens[i].sentence
    )


# Words that are never the verb a stance word governs ("…, nên từ ngày 01/12": "nên" is "so").
_NOT_PREDICATE = frozenset(
    {
        "từ",
        "ngày",
        "tháng",
        "năm",
        "khi",
        "với",
        "tại",
        "ở",
        "theo",
        "vào",
        "trong",
        "của",
        "là",
        "và",
        "hoặc",
        "thì",
        "nếu",
        "lúc",
        "như",
        "bằng",
    }
)
_BANS = ("cấm", "nghiêm cấm")  # "cấm xe tải … đi qua": the word after is what is banned, not a verb


def predicate_of(word: str) -> str:
    return _SYNONYMS.get(word, word)


def _stance_at(words: list[str], i: int) -> tuple[int, str] | None:
    if any(words[i : i + len(p)] == list(p) for p in _NOT_STANCE):
        return None
    for phrase, value in _STANCES:
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase), value
    return None


def _combine(stances: list[str]) -> str:
    negative = [s for s in stances if s in lx.NEGATIVE_STANCES]
    if negative:
        return negative[0]
    return next((s for s in _POSITIVE_ORDER if s in stances), "affirmed")


def _words_around(doc: Document, first: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    words, tokens = doc.reading.words, doc.reading.tokens
    clause = tokens[first].clause
    before = [words[k] for k in range(max(0, first - 5), first) if tokens[k].clause == clause and words[k] not in STOP]
    after = [
        words[k] for k in range(end, min(len(words), end + 5)) if tokens[k].clause == clause and words[k] not in STOP
    ]
    return frozenset(before), frozenset(after)


_AT_CLAUSE_END = frozenset({"cấm", "nghiêm cấm", "được phép", "không được phép", "bắt buộc", "là bắt buộc"})
_MOTION = frozenset({"qua", "vào", "ra", "lên", "xuống", "về", "đến", "tới"})
_COMPARING = frozenset({"đủ", "đến", "tới", "quá", "vượt", "hơn"})
_SUBJECT_SKIP = frozenset({"việc", "hành", "vi", "riêng", "các", "mọi", "những", "còn", "cũng", "thì"})


def _clause_subject(doc: Document, i: int) -> int | None:
    """The first content word of the clause before a stance word at its end, if it is a verb-like word."""
    words, tokens = doc.reading.words, doc.reading.tokens
    first = doc.reading.sentence_start(i)
    for k in range(first, i):
        if words[k] in _SUBJECT_SKIP:
            continue
        return k if tokens[k].is_word and words[k] not in _NOT_PREDICATE else None
    return None


def stance_claims(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    spans = money_spans(doc, free_only=True)  # "không thu tiền" is about money; "phải nộp tiền" is a stance too
    in_money = {i for i, t in enumerate(tokens) if any(a <= t.start < b for a, b in spans)}
    out: list[Claim] = []
    covered: set[int] = set()
    i = 0
    while i < len(words):
        hit = _stance_at(words, i) if i not in in_money else None
        if hit and hit[1] == "permitted" and i and words[i - 1] == "để":
            hit = None  # "để được hướng dẫn": in order to be helped, not a permission
        if hit and words[i] == "xin" and i and words[i - 1] in ("vắc", "vác"):
            hit = None  # "vắc xin được tiêm": the vaccine, not a request
        if (
            hit
            and hit[1] == "requested"
            and i
            and words[i - 1] in ("sơ", "bản", "giấy", "đơn", "phiếu", "trình", "khai")
        ):
            hit = None  # "hồ sơ đề nghị hỗ trợ": the application, not a request
        if hit is None:
            i += 1
            continue
        chain, j = [hit[1]], i + hit[0]
        while j < len(words) and tokens[j].clause == tokens[i].clause:
            nxt = _stance_at(words, j)
            if nxt:
                chain.append(nxt[1])
                j += nxt[0]
            elif words[j] in lx.STANCE_SKIP or ({"requested", "invited"} & set(chain) and words[j] in lx.ADDRESSEES):
                j += 1
            else:
                break
        covered.update(range(i, j))
        resume = j + 1
        ends_clause = j >= len(words) or tokens[j].clause != tokens[i].clause
        head = i
        if ends_clause and " ".join(words[i:j]) in _AT_CLAUSE_END and (k := _clause_subject(doc, i)) is not None:
            resume, j, head = j, k, k  # "Việc tụ tập đua xe … bị nghiêm cấm", "riêng việc nấu ăn vẫn được phép"
        elif (
            ends_clause
            or not tokens[j].is_word
            or j in in_money
            or words[j] in _NOT_PREDICATE
            or (words[j] in _COMPARING and j + 1 < len(words) and tokens[j + 1].is_number)  # "chưa đủ 18 tuổi"
        ):
            i = max(j, i + 1)
            continue
        if j + 1 < len(words) and (
            (words[j] == "nhận" and words[j + 1] in ("hỗ", "trợ")) or (words[j] == "đi" and words[j + 1] in _MOTION)
        ):
            j += 1  # "chưa nhận hỗ trợ" says what "chưa được hỗ trợ" says; "không đi qua" what "không qua" says
        stance = _combine(chain)
        subject, obj = _words_around(doc, i, j + 1)
        imperative = stance == "prohibited" or (
            stance == "negated" and ("requested" in chain or _imperative(doc, i))
        )  # "đề nghị bà con không mua bán…"
        out.append(
            Claim(
                "stance",
                stance,
                " ".join(words[i : j + 1]) if head == i else f"{words[j]} … {' '.join(words[i:resume])}",
                j,
                tokens[i].sentence,
                tokens[i].clause,
                role=predicate_of(words[j]),
                anchor=subject | obj,
                extra=" ".join(sorted(obj)),
                keep=imperative,
            )
        )
        covered.add(j)
        i = resume
    negated = {c.role for c in out if c.value in lx.NEGATIVE_STANCES and not c.surface.startswith(_BANS)}
    return out + _affirmed(doc, negated, covered | in_money, out)


def _affirmed(doc: Document, predicates: set[str], covered: set[int], stances: list[Claim]) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    negations: dict[int, int] = {}
    for c in stances:
        if c.value in lx.NEGATIVE_STANCES:
            negations.setdefault(c.clause, c.index)
    named = {
        k for m in doc.mentions if m.category in ("procedures", "documents", "offices") for k in range(m.first, m.end)
    }  # "thủ tục Cấp giấy xác nhận …" states nothing
    for j, w in enumerate(words):
        if j in covered or j in named or predicate_of(w) not in predicates or not tokens[j].is_word:
            continue
        if j and words[j - 1] in _NOMINAL_BEFORE:
            continue
        if negations.get(tokens[j].clause, len(words)) < j:
            continue  # "không cần làm đơn hay nộp hồ sơ": the negation covers both
        if j and tokens[j - 1].clause == tokens[j].clause - 1 and j - negations.get(tokens[j - 1].clause, -9) <= 4:
            continue  # "không mua bán, vận chuyển lợn bệnh": a short list after one negation
        subject, obj = _words_around(doc, j, j + 1)
        out.append(
            Claim(
                "stance",
                "affirmed",
                w,
                j,
                tokens[j].sentence,
                tokens[j].clause,
                role=predicate_of(w),
                anchor=subject | obj,
                extra=" ".join(sorted(obj)),
            )
        )
    return out


def negated_predicates(doc: Document) -> set[str]:
    """The predicates a text negates (not the object of a ban: "cấm xe tải")."""
    return {c.role for c in doc.of("stance") if c.value in lx.NEGATIVE_STANCES and not c.surface.startswith(_BANS)}


def add_affirmed(doc: Document, predicates: set[str]) -> None:
    """Read `predicates` (negated in the other text) where this text states them without a stance."""
    have = {c.index for c in doc.claims if c.kind == "stance"}
    spans = money_spans(doc, free_only=True)
    in_money = {i for i, t in enumerate(doc.reading.tokens) if any(a <= t.start < b for a, b in spans)}
    covered = (
        have
        | in_money
        | {
            i
            for c in doc.claims
            if c.kind == "stance"
            for i in range(c.index - len(c.surface.split()) + 1, c.index + 1)
        }
    )
    known = {c.role for c in doc.claims if c.kind == "stance" and c.value == "affirmed"}
    doc.claims += _affirmed(doc, set(predicates) - known, covered, doc.of("stance"))
