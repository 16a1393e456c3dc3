"""The rewrite inside `broadcaster preview` and `broadcaster weekly`, against the fake server."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fakes.openai_server import FakeChatServer, answer, source_of, status
from sqlalchemy import func, select
from week_helpers import SUNDAY_BEFORE

from broadcaster.config import load_settings
from broadcaster.production.build import sample_files
from broadcaster.store import db
from broadcaster.store.models import RewriteUsage, Segment

WEEK = "2026-W49"


@pytest.fixture(autouse=True)
def before_the_week(clock):
    """The station clock before 2026-W49: every broadcast of the week is still to come."""
    clock(SUNDAY_BEFORE)


@pytest.fixture()
def commune(project: Path, cli):
    """The sample commune with a given `rewrite:` section; returns the CLI runner of conftest."""

    def setup(rewrite: dict):
        path = project / "config.yaml"
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw["rewrite"] = rewrite
        path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
        announcements, tthc = sample_files()
        cli("announce", "import", str(announcements))
        cli("tthc", "import", str(tthc))
        return cli

    setup.config = project / "config.yaml"
    return setup


def mixed_responder(request: dict):
    """Faithful (the source itself), except: one invents a place, one breaks the server."""
    source = source_of(request)
    if "1.001193" in source:
        return answer(source + " Bà con có thể nộp tại thôn Phước Thuận.")
    if "lở mồm long móng" in source:
        return status(500)
    return answer(source, tokens_in=100, tokens_out=50)


@pytest.fixture()
def server():
    with FakeChatServer() as fake:
        fake.responder = mixed_responder
        yield fake


def openai_rewrite(server: FakeChatServer) -> dict:
    return {
        "engine": "openai",
        "base_url": server.base_url,
        "model": "fake-vi",
        "timeout_s": 5,
        "max_retries": 0,
        "max_words": 400,
    }


def test_preview_rewrite_json_reports_every_segment(commune, server):
    data = commune(openai_rewrite(server)).json("preview", "--week", WEEK, "--rewrite", "--json")
    segments = [seg for slot in data["slots"] for seg in slot["segments"]]
    assert all({"text", "source", "rewrite_status", "rewrite_reason"} <= set(seg) for seg in segments)
    by_status = {}
    for seg in segments:
        by_status.setdefault(seg["rewrite_status"], []).append(seg)
    assert {s["kind"] for s in by_status["off"]} == {"opening", "closing", "announcement"}
    # the only announcement left as written is the emergency: safety instructions are read in full
    assert {s["title"] for s in by_status["off"] if s["kind"] == "announcement"} == {
        "Cảnh báo mưa lớn, nguy cơ lũ quét và sạt lở đất"
    }
    rejected = [s for s in by_status["rejected"] if "1.001193" in s["title"]]
    assert rejected and "Phước Thuận" in rejected[0]["rewrite_reason"]
    assert rejected[0]["text"] == rejected[0]["source"]
    failed = by_status["failed"]
    assert failed and all("HTTP 500" in s["rewrite_reason"] and s["text"] == s["source"] for s in failed)
    assert all(s["text"] == s["rewrite"] and s["rewrite_reason"] == "" for s in by_status["accepted"])
    assert data["rewrite"]["tokens_in"] > 0 and data["rewrite"]["failed"] == len({s["source"] for s in failed})


def test_preview_rewrite_side_by_side(commune, server):
    result = commune(openai_rewrite(server))("preview", "--week", WEEK, "--rewrite")
    assert "VĂN BẢN GỐC" in result.output and "BẢN VIẾT LẠI" in result.output
    assert "BỊ TỪ CHỐI" in result.output and "Lý do: Bản viết lại có thông tin không có" in result.output
    assert "Viết lại (openai fake-vi)" in result.output


def test_preview_rewrite_needs_an_engine(commune):
    result = commune({"engine": "none"})("preview", "--week", WEEK, "--rewrite", ok=False)
    assert result.exit_code == 1
    assert "rewrite.engine đang là none" in result.output


def test_unknown_engine_lists_valid_ones(commune, cli):
    commune({})
    config = commune.config
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    raw["rewrite"] = {"engine": "gpt"}
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = cli("preview", "--week", WEEK, "--rewrite", ok=False)  # refused when the config is read
    assert result.exit_code == 1
    assert "extractive, none, openai" in result.output and "Traceback" not in result.output


def test_weekly_survives_a_dead_llm_and_records_why(commune):
    with FakeChatServer() as dead:
        dead.script(status(503))
        data = commune(
            {"engine": "openai", "base_url": dead.base_url, "model": "m", "max_retries": 1, "timeout_s": 2}
        ).json("weekly", "--week", WEEK, "--json")
    assert data["rewrite"]["failed"] == data["rewrite"]["segments"] > 0
    assert all(b["audio"] for b in data["broadcasts"])
    settings = load_settings(commune.config)
    with db.session_scope(settings.database_url) as session:
        statuses = dict(
            session.execute(select(Segment.rewrite_status, func.count()).group_by(Segment.rewrite_status)).all()
        )
        reasons = session.scalars(select(Segment.rewrite_reason).where(Segment.rewrite_status == "failed")).all()
        usage = session.scalars(select(RewriteUsage).where(RewriteUsage.week == WEEK)).all()
    assert set(statuses) == {"off", "failed"}
    assert all("HTTP 503" in r for r in reasons)
    assert [u.job for u in usage] == ["weekly"] and usage[0].tokens_in == 0


def test_preview_tokens_are_recorded_and_cache_reused(commune, server):
    cli = commune(openai_rewrite(server))
    cli("preview", "--week", WEEK)
    first = len(server.requests)
    cli("preview", "--week", WEEK)
    assert len(server.requests) - first == 1  # only the 500 is asked again; the rest is cached
    settings = load_settings(commune.config)
    with db.session_scope(settings.database_url) as session:
        rows = session.execute(
            select(RewriteUsage.job, RewriteUsage.tokens_in, RewriteUsage.cached)
            .where(RewriteUsage.week == WEEK)
            .order_by(RewriteUsage.id)
        ).all()
    assert rows[0].tokens_in > 0 and rows[1].tokens_in == 0 and rows[1].cached > 0
