"""Claims in words: direction and manner, conditions, money without an amount (free, paid), offices,
places, groups, procedures and required documents, named places and actors."""

from __future__ import annotations

import re

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import (
    _KEY_HEADS,
    Claim,
    Document,
    _phrases,
    anchor,
    key_at,
    match_at,
    named_after,
)

_TRENDS = _phrases(lx.TRENDS)
_MANNERS = _phrases(lx.MANNERS)
_ORDERS = _phrases(lx.ORDER_WORDS)
_DOC_LIST = frozenset(
    {
        "và",
        "hoặc",
        "các",
        "của",
        "trẻ",
        "theo",
        "mẫu",
        "bản",
        "sao",
        "gốc",
        "chính",
        "cùng",
        "cả",
        "kèm",
        "x",
        "người",
        "chủ",
        "hộ",
        "một",
        "hai",
        "tấm",
    }
)
_CONDITION_END = frozenset({"thì", "phải", "cần", "sẽ", "nên", "hãy", "xin", "vui"})


# ---- direction, manner, conditions -------------------------------------------------------------
def tables(doc: Document) -> list[Claim]:
    """Manner ("trực tuyến", "mở cửa"), trend ("tăng", "giữ nguyên") and order ("trước khi", "sau")."""
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    i = 0
    while i < len(words):
        if any(words[i : i + len(p.split())] == p.split() for p in lx.NOT_TREND):
            i += 2
            continue
        for kind, table in (("manner", _MANNERS), ("trend", _TRENDS), ("order", _ORDERS)):
            hit = match_at(words, i, table)
            if not hit:
                continue
            size, value = hit
            if (
                kind == "order"
                and (
                    i + size >= len(words)
                    or tokens[i + size].clause != tokens[i].clause  # "… như trước.", "5 ngày như trước,"
                    or (i and words[i - 1] in ("như", "mức", "hôm", "năm", "tháng", "tuần"))
                    or (  # "trước 7 giờ" is a clock time's role; "trước 30 phút", "sau 30 ngày" are an order
                        tokens[i + size].is_number
                        and words[i + size + 1 : i + size + 2] not in (["phút"], ["ngày"], ["tuần"], ["tháng"])
                    )
                    or words[i + size] in ("ngày", "thời", "hạn", "tháng", "đây", "đó")
                )
            ):
                break  # a date or time role, not the order of two events
            t = tokens[i]
            out.append(
                Claim(
                    kind,
                    value,
                    " ".join(words[i : i + size]),
                    i,
                    t.sentence,
                    t.clause,
                    anchor=anchor(doc.reading, i, i + size, 5, 4),
                )
            )
            i += size - 1
            break
        i += 1
    return out


def _opposite_table() -> list[tuple[tuple[str, ...], str]]:
    rows = []
    for n, row in enumerate(lx.OPPOSITES):
        for side, spellings in enumerate(row.split(" / ")):
            rows += [(s.strip(), f"{n}:{side}") for s in spellings.split("|") if s.strip()]
    return _phrases(tuple(rows))


_OPPOSITES = _opposite_table()


def contrast_marks(words: frozenset[str]) -> set[tuple[int, int]]:
    """(row, side) of every spelling of lexicon.OPPOSITES whose words are all in `words` (an anchor)."""
    return {
        (int(row), int(side))
        for phrase, value in _OPPOSITES
        for row, side in [value.split(":")]
        if set(phrase) <= words
    }


def opposites(doc: Document) -> list[Claim]:
    """Words of a pair of opposites (lexicon.OPPOSITES), longest spelling first: value "row:side"."""
    words, tokens = doc.reading.words, doc.reading.tokens
    out, i = [], 0
    while i < len(words):
        hit = match_at(words, i, _OPPOSITES)
        if hit is None:
            i += 1
            continue
        size, value = hit
        t = tokens[i]
        out.append(
            Claim(
                "opposite",
                value,
                " ".join(words[i : i + size]),
                i,
                t.sentence,
                t.clause,
                anchor=anchor(doc.reading, i, i + size, 5, 4),
            )
        )
        i += size
    return out


_CONDITIONS = _phrases(tuple((c, "if") for c in lx.CONDITION_WORDS))


def conditions(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    for i in range(len(words)):
        hit = match_at(words, i, _CONDITIONS)
        negative_when = words[i] == "khi" and i + 1 < len(words) and words[i + 1] in ("chưa", "không")
        if not hit and not negative_when:
            continue
        size = hit[0] if hit else 1
        if hit and i and words[i - 1] in ("trong",) and size == 2:
            continue
        content = []
        for j in range(i + size, min(len(words), i + size + 9)):
            if tokens[j].clause != tokens[i].clause or words[j] in _CONDITION_END or words[j : j + 2] == ["có", "thể"]:
                break
            if words[j] not in lx.CONDITION_STOP:
                content.append(words[j])
        if not content and words[i : i + 2] == ["nếu", "có"]:
            content = ["nếu có"]  # "sổ tiêm chủng hoặc phiếu tiêm chủng, nếu có": optional, not required
        if content:
            out.append(
                Claim(
                    "condition",
                    frozenset(content),
                    " ".join(words[i : i + size] + content),
                    i,
                    tokens[i].sentence,
                    tokens[i].clause,
                    keep=True,
                )
            )
    return out


def lists(doc: Document) -> list[Claim]:
    """Lists of three or more short items ("trẻ mắc bệnh tim, động kinh hoặc đang sốt", "gà, vịt và
    ngan"): each item a rewrite that keeps the list must keep. Value: each item's content words, in order."""
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    for c, w in enumerate(words):
        if w not in ("và", "hoặc", "hay") or c == 0 or tokens[c - 1].clause != tokens[c].clause:
            continue
        clause = tokens[c].clause
        start = doc.reading.clause_start(c)
        last = [words[k] for k in range(c + 1, min(len(words), c + 3)) if tokens[k].clause == clause]
        items = [words[start:c], last[:2]]
        k = start - 1
        while k >= 0 and tokens[k].sentence == tokens[c].sentence:
            first = doc.reading.clause_start(k)
            items.insert(0, words[max(first, k - 1) : k + 1])
            if k - first + 1 > 4:
                break  # the clause that holds the predicate: its last two words are the first item
            k = first - 1
        content = [tuple(x for x in item if x not in STOP_ITEM) for item in items]
        span = range(k + 1, c + 1 + len(last[:2]))
        if (
            len(items) < 3
            or any(len(item) > 3 for item in items[1:-1])
            or not all(content)
            or any(tokens[x].is_number or doc.norm[tokens[x].start].isupper() for x in span if x != k + 1)
        ):
            continue  # not a list of things: numbers, names and dates have claims of their own
        first_index = k + 1
        out.append(
            Claim(
                "list",
                tuple(content),
                ", ".join(" ".join(item) for item in items),
                first_index,
                tokens[c].sentence,
                clause,
                keep=True,
            )
        )
    return out


def group_lists(doc: Document) -> list[Claim]:
    """Target groups named together ("hộ nghèo và hộ có hoàn cảnh đặc biệt khó khăn"): a rewrite that
    keeps one keeps all. Value: the groups' names."""
    words = doc.reading.words
    groups = [m for m in doc.mentions if m.category == "groups"]
    out, run = [], groups[:1]
    for m in groups[1:] + [None]:  # type: ignore[list-item]
        if (
            m is not None
            and m.first - run[-1].end <= 2
            and all(w in ("và", "hoặc", "cùng") for w in words[run[-1].end : m.first])
        ):
            run.append(m)
            continue
        if len({x.name for x in run}) >= 2:
            first = run[0].first
            out.append(
                Claim(
                    "grouplist",
                    tuple(x.name for x in run),
                    ", ".join(" ".join(words[x.first : x.end]) for x in run),
                    first,
                    doc.reading.tokens[first].sentence,
                    doc.reading.tokens[first].clause,
                    keep=True,
                )
            )
        run = [m] if m is not None else []
    return out


STOP_ITEM = frozenset(
    {
        "các",
        "những",
        "của",
        "và",
        "hoặc",
        "hay",
        "có",
        "đang",
        "bị",
        "mắc",
        "không",
        "cho",
        "thì",
        "là",
        "gồm",
        "như",
        "với",
    }
)


# ---- money without an amount, entities, places, documents --------------------------------------
_FREE = re.compile("|".join(f"(?:{p})" for p in lx.FREE_PATTERNS))
_PAID = re.compile("|".join(f"(?:{p})" for p in lx.PAID_PATTERNS))


def money_claims(doc: Document) -> list[Claim]:
    out = []
    free_spans = []
    for m in _FREE.finditer(doc.low):
        free_spans.append((m.start(), m.end()))
        i = doc.reading.index_at(m.start())
        t = doc.reading.tokens[i]
        out.append(
            Claim(
                "money",
                "free",
                doc.norm[m.start() : m.end()],
                i,
                t.sentence,
                t.clause,
                key=key_at(doc.reading, doc.mentions, i),
                anchor=anchor(doc.reading, i, i + 2, 6, 5),
                keep=True,
            )
        )
    for m in _PAID.finditer(doc.low):
        if any(a <= m.start() < b for a, b in free_spans):
            continue
        i = doc.reading.index_at(m.start())
        t = doc.reading.tokens[i]
        out.append(
            Claim(
                "money",
                "paid",
                doc.norm[m.start() : m.end()],
                i,
                t.sentence,
                t.clause,
                key=key_at(doc.reading, doc.mentions, i),
                anchor=anchor(doc.reading, i, i + 2, 6, 5),
            )
        )
    return out


def money_spans(doc: Document, free_only: bool = False) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for rx in ((_FREE,) if free_only else (_FREE, _PAID)) for m in rx.finditer(doc.low)]


def entities(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    triggers = [tuple(t.split()) for t in lx.DOCUMENT_TRIGGERS]
    last_place: Claim | None = None
    for m in doc.mentions:
        t = tokens[m.first]
        role = m.role
        if (  # "tại Trường Tiểu học Bình An và trụ sở ủy ban nhân dân xã": both are places
            last_place is not None
            and m.category in ("places", "offices")
            and last_place.sentence == t.sentence
            and m.first - last_place.index <= 10
            and words[m.first - 1] in ("và", "hoặc")
        ):
            role = "place"
        out.append(
            Claim(
                "entity",
                (m.category, m.name),
                " ".join(words[m.first : m.end]),
                m.first,
                t.sentence,
                t.clause,
                role=role,
                keep=(role == "place" and m.category in ("places", "offices"))
                or (m.category == "offices" and "xác nhận" in " ".join(words[max(0, m.first - 3) : m.first])),
            )
        )
        if out[-1].keep:
            last_place = out[-1]
        if m.category != "documents":
            continue
        required = False
        in_docs = {k for d in doc.mentions if d.category == "documents" for k in range(d.first, d.end)}
        listed = [  # "Hồ sơ gồm đơn … có xác nhận của nhà trường, bản sao … và bản photo học bạ": all of it
            k for k in range(max(0, m.first - 60), m.first) if tokens[k].sentence == t.sentence and words[k] == "gồm"
        ]
        if listed and not {"không", "chưa"} & set(words[max(0, m.first - 3) : m.first]):
            required = True
        if (
            m.first
            and words[m.first - 1] in ("và", "cùng")
            and any(  # "mang theo điện thoại … và căn cước"
                tokens[k].clause == t.clause and " ".join(words[k : k + 2]) in ("mang theo", "cầm theo", "đem theo")
                for k in range(max(0, m.first - 16), m.first - 1)
            )
        ):
            required = True
        for k in range(m.first - 1, max(-1, m.first - 40), -1):
            if required or tokens[k].sentence != t.sentence:
                break
            trigger = next((p for p in triggers if k + 1 >= len(p) and tuple(words[k + 1 - len(p) : k + 1]) == p), None)
            if trigger:
                start = k + 1 - len(trigger)
                required = not any(w in ("không", "chưa", "chẳng") for w in words[max(0, start - 3) : start])
                break
            if k not in in_docs and words[k] not in _DOC_LIST and not tokens[k].is_number:
                break
        if required:
            out.append(
                Claim("document", m.name, " ".join(words[m.first : m.end]), m.first, t.sentence, t.clause, keep=True)
            )
    return out


def places(doc: Document) -> list[Claim]:
    """Named villages a rewrite must keep, each one: after 'tại', 'ở', 'địa điểm' ("tại nhà văn hóa thôn
    Trung Sơn", "tại thôn 3", "tại các thôn Đông, Tây và Trung") and wherever else the text names them
    ("các hộ dân thôn Đông và thôn Nam")."""
    words, tokens, norm = doc.reading.words, doc.reading.tokens, doc.norm

    def capital(k: int) -> bool:
        return tokens[k].is_word and norm[tokens[k].start].isupper()

    def village_list(i: int, j: int) -> tuple[list[str], int]:
        """The villages named from word j on (a trigger at i, or i == j)."""
        head, names = "", []
        while j < len(words) and tokens[j].sentence == tokens[i].sentence and j < i + 16:
            if named_after(doc.reading, j):
                head, j = words[j], j + 1
                continue
            if head and (tokens[j].is_number or capital(j)):
                k = j + 1
                while (
                    not tokens[j].is_number and k < len(words) and tokens[k].clause == tokens[j].clause and capital(k)
                ):
                    k += 1
                names.append(f"{head} {' '.join(words[j:k])}")
                j = k
                continue
            if words[j] in ("các", "và", "hoặc") or (not head and tokens[j].clause == tokens[i].clause and i != j):
                j += 1
                continue
            break
        return names, j

    out: list[Claim] = []
    seen: set[int] = set()
    for phrase in ("tại", "ở", "địa điểm"):
        for i in doc.reading.find(phrase):
            names, end = village_list(i, i + len(phrase.split()))
            seen.update(range(i, end))
            out += [Claim("place", name, name, i, tokens[i].sentence, tokens[i].clause, keep=True) for name in names]
    for i, w in enumerate(words):
        if i in seen or w not in _KEY_HEADS:
            continue
        names, end = village_list(i, i)
        seen.update(range(i, end))
        out += [Claim("place", name, name, i, tokens[i].sentence, tokens[i].clause, keep=True) for name in names]
    return out


def actors(doc: Document) -> list[Claim]:
    out = [
        Claim("actor", m.name, m.name, m.first) for m in doc.mentions if m.role == "actor" and m.category == "offices"
    ]
    words, tokens, norm = doc.reading.words, doc.reading.tokens, doc.norm
    for i, t in enumerate(tokens):
        if (i and tokens[i - 1].clause == t.clause) or not norm[t.start].isupper():
            continue
        j = i
        while (
            j < len(words)
            and tokens[j].clause == t.clause
            and (norm[tokens[j].start].isupper() or words[j] in ("xã", "huyện", "số") or tokens[j].is_number)
        ):
            j += 1
        capitals = [x for x in range(i, j) if tokens[x].is_word and norm[tokens[x].start].isupper()]
        if (
            len(capitals) >= 2
            and words[i] not in _KEY_HEADS
            and j < len(words)
            and words[j] in lx.ACTOR_VERBS
            and not any(m.first <= i < m.end for m in doc.mentions)
        ):
            out.append(Claim("actor", " ".join(words[i:j]), norm[t.start : tokens[j - 1].end], i))
    return out
