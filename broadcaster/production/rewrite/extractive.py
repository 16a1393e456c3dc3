"""Offline summarizer: keep the sentences that carry dates, times, places, fees and what to do.

Every sentence with a claim the fact guard requires a rewrite to keep (a date or time, a deadline, a
prohibition, a fee or exemption, a required document, a condition, a place) is kept, whatever the
word budget; the budget only decides which of the others are dropped."""

from __future__ import annotations

import logging
import re

from broadcaster.production.rewrite.claims import read
from broadcaster.production.rewrite.facts import extract_facts
from broadcaster.production.rewrite.lexicon import ACTION_WORDS, DEADLINE_WORDS, FEE_MARK_WORDS
from broadcaster.production.rewrite.result import Draft
from broadcaster.production.rewrite.settings import RewriteSettings

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*")
_KIND_SCORES = {"date": 3, "month": 3, "time": 2, "amount": 2, "free": 2, "name": 1, "phone": 1, "code": 1, "doc": 1}


def split_sentences(text: str) -> list[str]:
    return [s.strip(" -•*\t") for s in _SENTENCE_END.split(text.strip()) if s.strip(" -•*\t")]


def score_sentence(sentence: str) -> int:
    """Higher for sentences a listener needs: when, where, how much, by when, what to do."""
    _, facts = extract_facts(sentence)
    low = sentence.lower()
    score = sum(_KIND_SCORES.get(kind, 0) for kind in {f.kind for f in facts})
    score += 3 if any(w in low for w in DEADLINE_WORDS) else 0
    score += 2 if any(w in low for w in ACTION_WORDS) else 0
    score += 2 if any(w in low for w in FEE_MARK_WORDS) else 0
    return score


def has_deadline(sentence: str) -> bool:
    """A sentence with a date and a word like 'hiệu lực', 'trước ngày', 'hạn'."""
    _, facts = extract_facts(sentence)
    low = sentence.lower()
    return any(f.kind in ("date", "month") for f in facts) and any(w in low for w in DEADLINE_WORDS)


def must_keep(sentence: str) -> bool:
    """A sentence the fact guard would miss: it carries a must-keep claim (or a deadline)."""
    from broadcaster.production.rewrite.terms import Terms

    return has_deadline(sentence) or any(c.keep for c in read(sentence, Terms.load()).claims)


def summarize_extractive(source: str, max_words: int) -> str:
    """The source itself when it fits; else the best sentences, in source order, within the budget."""
    sentences = split_sentences(source)
    if len(source.split()) <= max_words or len(sentences) <= 1:
        return " ".join(sentences)
    scores = [score_sentence(s) + (2 if i == 0 else 0) for i, s in enumerate(sentences)]
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen = [i for i in order if must_keep(sentences[i])]  # the fact guard insists on these
    used = sum(len(sentences[i].split()) for i in chosen)
    for i in order:
        words = len(sentences[i].split())
        if i not in chosen and scores[i] > 0 and used + words <= max_words:
            chosen.append(i)
            used += words
    if not chosen:
        chosen = [order[0]]
        log.debug("Không câu nào vừa %d từ; giữ câu quan trọng nhất", max_words)
    return " ".join(sentences[i] for i in sorted(chosen))


class ExtractiveSummarizer:
    """`extractive`: no network, no model; never invents, may drop."""

    name = "extractive"
    cacheable = False

    def __init__(self, settings: RewriteSettings) -> None:
        self.model = ""

    def summarize(self, source: str, max_words: int) -> Draft:
        return Draft(summarize_extractive(source, max_words))
