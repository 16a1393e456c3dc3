"""Compose script segments from Jinja2 templates (templates/*.j2, Vietnamese).

Scripts keep the written form (01/12/2026, 7h30, UBND): that is what the officer reads and
approves. The spoken form is made later by the normalizer, just before a voice reads it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re

import jinja2

from broadcaster.config import Station
from broadcaster.production.rewrite.result import RewriteResult
from broadcaster.timeutil import WEEKDAY_VI, local


@dataclasses.dataclass(frozen=True)
class SegmentText:
    kind: str  # opening | announcement | tthc | closing
    ref_id: int | None
    title: str
    text: str  # what will be read: the rewrite when accepted, else the template text
    rewrite: RewriteResult | None = None  # set by the rewrite step (broadcaster.rewrite.week)
    priority: str = "normal"  # emergencies are read in full, never rewritten

    @property
    def source(self) -> str:
        return self.rewrite.source if self.rewrite else self.text

    @property
    def rewrite_status(self) -> str:
        return self.rewrite.status if self.rewrite else "off"

    @property
    def rewrite_reason(self) -> str:
        return self.rewrite.reason if self.rewrite else ""


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("broadcaster.production.script", "templates"),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["ngay"] = lambda d: f"{d:%d/%m/%Y}" if d else ""
    env.filters["thu"] = lambda d: WEEKDAY_VI[d.weekday()]
    env.filters["gio"] = lambda t: f"{t.hour}h{t.minute:02d}" if t.minute else f"{t.hour} giờ"
    env.filters["cau"] = _sentence
    env.filters["so_hieu"] = document_number
    return env


_DOCUMENT_WORDS = re.compile(r"^\s*(?:quyết\s+định|qđ)\s*(?:số\s*)?(?::\s*)?", re.IGNORECASE)


def document_number(decision: str) -> str:
    """'Quyết định số 1234/QĐ-UBND' or 'QĐ 1234/QĐ-UBND' -> '1234/QĐ-UBND': the templates say "Quyết định số"
    themselves, and an office writes the field either way."""
    return _DOCUMENT_WORDS.sub("", decision).strip()


def _sentence(text: str | None) -> str:
    """Trim and end with a full stop, so templates can join fields into sentences."""
    text = " ".join((text or "").split())
    return text if not text or text[-1] in ".!?…" else text + "."


def _render(template: str, **context) -> str:
    text = environment().get_template(template).render(**context)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def opening(station: Station, slot_at: dt.datetime, count: int, emergency: bool = False) -> SegmentText:
    when = local(slot_at)
    text = _render(
        "opening.j2",
        station=station,
        day=when.date(),
        time=when.time(),
        count=count,
        emergency=emergency,
        morning=when.hour < 12,
    )
    return SegmentText("opening", None, "Mở đầu", text)


def closing(station: Station, slot_at: dt.datetime) -> SegmentText:
    when = local(slot_at)
    return SegmentText(
        "closing", None, "Kết thúc", _render("closing.j2", station=station, day=when.date(), morning=when.hour < 12)
    )


def announcement(item, station: Station) -> SegmentText:
    """Any object with the Announcement fields (a model row or a plain record)."""
    name = f"announcement/{item.category}.j2"
    if name not in environment().list_templates():
        name = "announcement/general.j2"
    return SegmentText(
        "announcement",
        getattr(item, "id", None),
        item.title,
        _render(name, a=item, station=station),
        priority=item.priority,
    )


def tthc(item, station: Station) -> SegmentText:
    return SegmentText(
        "tthc",
        getattr(item, "id", None),
        f"TTHC {item.code}: {item.name}",
        _render(f"tthc/{item.change_type}.j2", t=item, station=station),
    )
