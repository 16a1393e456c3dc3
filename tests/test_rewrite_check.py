"""`broadcaster rewrite check`, the optional second opinion (rewrite.verify) against the fake server,
the settings that turn them on, and the word-level change in `preview --rewrite`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from fakes.openai_server import FakeChatServer, answer, source_of
from sqlalchemy import select

from broadcaster.errors import ConfigError
from broadcaster.production.build import sample_files
from broadcaster.production.rewrite import MemoryRewriteCache, RewriteSettings, check_rewrite, rewrite_text
from broadcaster.store import db
from broadcaster.store.models import RewriteUsage

SOURCE = (
    "Trạm Y tế xã tiêm chủng cho trẻ em dưới 5 tuổi vào ngày 03/12/2026, từ 7h30 đến 11h00, tại hội trường "
    "Trạm Y tế xã. Phụ huynh mang theo sổ tiêm chủng của trẻ."
)
FAITHFUL = (
    "Ngày 3 tháng 12 năm 2026, từ 7 giờ 30 đến 11 giờ, Trạm Y tế xã tiêm chủng cho trẻ em dưới năm tuổi tại "
    "hội trường Trạm Y tế xã. Phụ huynh nhớ mang theo sổ tiêm chủng của trẻ."
)
UNFAITHFUL = FAITHFUL.replace("11 giờ", "12 giờ")
CLEAN = json.dumps({"contradictions": [], "unsupported": []})
DOUBT = json.dumps(
    {"contradictions": ["Bản viết lại nói tiêm cho trẻ em mọi lứa tuổi."], "unsupported": []}, ensure_ascii=False
)


def is_verify(request: dict) -> bool:
    return "người kiểm tra sự thật" in request["messages"][0]["content"]


@pytest.fixture()
def server():
    with FakeChatServer() as fake:
        yield fake


def serve(server: FakeChatServer, rewrite: str, verdict: str) -> None:
    server.responder = lambda request: (
        answer(verdict, tokens_in=200, tokens_out=30)
        if is_verify(request)
        else answer(rewrite, tokens_in=400, tokens_out=120)
    )


def settings_for(server: FakeChatServer, **overrides) -> RewriteSettings:
    values = {
        "engine": "openai",
        "base_url": server.base_url,
        "model": "fake-vi",
        "timeout_s": 5.0,
        "max_retries": 0,
        "max_words": 120,
        "verify": True,
        **overrides,
    }
    return RewriteSettings(**values)


# ---- the second opinion ----------------------------------------------------------------------------
def test_second_opinion_adds_a_rejection_and_its_tokens_count(server):
    serve(server, FAITHFUL, DOUBT)
    result = rewrite_text(SOURCE, settings_for(server))
    assert result.status == "rejected" and result.text == SOURCE
    assert "Kiểm tra lần hai (mô hình) thấy bản viết lại nói khác văn bản gốc: Bản viết lại nói tiêm" in result.reason
    assert (result.tokens_in, result.tokens_out) == (600, 150)
    verify_request = server.requests[1]["json"]
    assert is_verify(verify_request) and SOURCE in verify_request["messages"][1]["content"]


def test_second_opinion_agreeing_keeps_the_rewrite_and_is_cached(server):
    serve(server, FAITHFUL, CLEAN)
    cache = MemoryRewriteCache()
    first = rewrite_text(SOURCE, settings_for(server), cache=cache)
    assert first.status == "accepted" and first.verified and (first.tokens_in, first.tokens_out) == (600, 150)
    second = rewrite_text(SOURCE, settings_for(server), cache=cache)
    assert second.status == "accepted" and (second.tokens_in, second.tokens_out) == (0, 0)
    assert len(server.requests) == 2  # one rewrite, one second opinion; the rest from the cache


def test_second_opinion_never_waives_a_rejection(server):
    serve(server, UNFAITHFUL, CLEAN)
    result = rewrite_text(SOURCE, settings_for(server))
    assert result.status == "rejected" and "“12 giờ”" in result.reason
    assert [is_verify(r["json"]) for r in server.requests] == [False]  # not even asked


def test_unreadable_second_opinion_fails_safe(server):
    serve(server, FAITHFUL, "Tôi thấy bản viết lại ổn.")
    result = rewrite_text(SOURCE, settings_for(server))
    assert result.status == "failed" and result.text == SOURCE
    assert "Không kiểm tra lần hai được" in result.reason and "JSON" in result.reason


def test_check_alone_with_and_without_verify(server):
    serve(server, FAITHFUL, DOUBT)
    assert check_rewrite(SOURCE, FAITHFUL).ok  # no settings: the fact guard only
    assert check_rewrite(SOURCE, FAITHFUL, settings_for(server), verify=False).ok
    checked = check_rewrite(SOURCE, FAITHFUL, settings_for(server))
    assert not checked.ok and checked.verified and (checked.tokens_in, checked.tokens_out) == (200, 30)


# ---- settings ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "mapping, words",
    [
        ({"verify": "yes"}, ["rewrite.verify", "true hoặc false"]),
        ({"engine": "extractive", "verify": True}, ["rewrite.verify", "engine: openai"]),
        ({"places": [3]}, ["rewrite.places", "danh sách tên"]),
        ({"groups": {"a": 1}}, ["rewrite.groups"]),
    ],
)
def test_bad_verify_and_term_settings_name_the_key(mapping, words):
    with pytest.raises(ConfigError) as err:
        RewriteSettings.from_mapping(mapping)
    assert all(w in err.value.message for w in words), err.value.message


def test_term_settings_are_read():
    s = RewriteSettings.from_mapping(
        {
            "engine": "openai",
            "model": "m",
            "verify": True,
            "places": "Nhà bia liệt sĩ | nhà bia",
            "offices": ["hợp tác xã Tân Tiến"],
        }
    )
    assert s.verify and s.terms == {"places": ("nhà bia liệt sĩ | nhà bia",), "offices": ("hợp tác xã tân tiến",)}


# ---- broadcaster rewrite check -----------------------------------------------------------------------
def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_check_reads_json_lines_and_writes_one_verdict_each(cli):
    pairs = [
        {"source": SOURCE, "rewrite": FAITHFUL},
        {"source": SOURCE, "rewrite": UNFAITHFUL},
        {"source": SOURCE, "rewrite": "Sau đây là văn bản đã viết lại: " + FAITHFUL},
    ]
    out = lines(cli("rewrite", "check", input="\n".join(json.dumps(p, ensure_ascii=False) for p in pairs) + "\n"))
    assert [o["accepted"] for o in out] == [True, False, False]
    assert out[0]["reasons"] == []
    assert any("giờ “12 giờ”" in r for r in out[1]["reasons"])
    assert any("lời của mô hình" in r for r in out[2]["reasons"])


def test_check_reads_two_files_and_flags_bad_lines(cli, tmp_path):
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(UNFAITHFUL, encoding="utf-8")
    out = lines(cli("rewrite", "check", "--source", str(tmp_path / "src.txt"), "--rewrite", str(tmp_path / "new.txt")))
    assert out[0]["accepted"] is False
    bad = cli("rewrite", "check", input='{"source": "a"}\nkhông phải JSON\n', ok=False)
    assert bad.exit_code == 1 and [o["accepted"] for o in lines(bad)] == [False, False]
    assert "Dòng 1" in lines(bad)[0]["reasons"][0] and "Dòng 2" in lines(bad)[1]["reasons"][0]


def _with_rewrite(project: Path, rewrite: dict) -> None:
    path = project / "config.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["rewrite"] = rewrite
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def test_check_uses_the_communes_terms_and_second_opinion(cli, project, server):
    pair = json.dumps({"source": SOURCE, "rewrite": FAITHFUL + " Gần nhà bia liệt sĩ."}, ensure_ascii=False)
    assert lines(cli("rewrite", "check", input=pair))[0]["accepted"] is True
    _with_rewrite(
        project, {"engine": "openai", "base_url": server.base_url, "model": "fake-vi", "places": ["nhà bia liệt sĩ"]}
    )
    out = lines(cli("rewrite", "check", input=pair))[0]
    assert out["accepted"] is False and "địa điểm “nhà bia liệt sĩ”" in out["reasons"][0]
    serve(server, FAITHFUL, DOUBT)
    faithful = json.dumps({"source": SOURCE, "rewrite": FAITHFUL}, ensure_ascii=False)
    assert lines(cli("rewrite", "check", input=faithful))[0]["accepted"] is True  # verify is off in config
    out = lines(cli("rewrite", "check", "--verify", input=faithful))[0]
    assert out["accepted"] is False and "Kiểm tra lần hai" in out["reasons"][0]


def test_verify_needs_an_endpoint(cli):
    result = cli("rewrite", "check", "--verify", input="{}\n", ok=False)
    assert result.exit_code != 0 and "rewrite.engine: openai" in result.output


# ---- the week: second opinion's tokens in rewrite_usage; preview shows the change -----------------------
def _import_sample(cli) -> None:
    announcements, tthc = sample_files()
    cli("announce", "import", str(announcements))
    cli("tthc", "import", str(tthc))


def test_preview_records_second_opinion_tokens(cli, project, settings, server):
    server.responder = lambda request: (
        answer(CLEAN, tokens_in=200, tokens_out=30)
        if is_verify(request)
        else answer(source_of(request), tokens_in=400, tokens_out=120)
    )
    _with_rewrite(
        project,
        {
            "engine": "openai",
            "base_url": server.base_url,
            "model": "fake-vi",
            "verify": True,
            "max_retries": 0,
            "max_words": 400,
        },
    )
    _import_sample(cli)
    data = cli.json("preview", "--week", "2026-W49", "--rewrite", "--json")
    usage = data["rewrite"]
    asks = len(server.requests)
    verifies = sum(is_verify(r["json"]) for r in server.requests)
    assert verifies == usage["accepted"] > 0 and asks == usage["segments"] + verifies
    assert (usage["tokens_in"], usage["tokens_out"]) == (
        400 * usage["segments"] + 200 * verifies,
        120 * usage["segments"] + 30 * verifies,
    )
    with db.session_scope(settings.database_url) as session:
        row = session.scalars(select(RewriteUsage).where(RewriteUsage.week == "2026-W49")).one()
    assert row.tokens_in == usage["tokens_in"]


def test_preview_shows_the_word_level_change_and_the_deciding_claims(cli, project):
    _with_rewrite(project, {"engine": "extractive", "max_words": 40})
    _import_sample(cli)
    out = cli("preview", "--week", "2026-W49", "--rewrite").stdout
    assert "Thay đổi từng từ ([-bỏ-] {+thêm+}):" in out and "[-" in out
    assert "Căn cứ:" in out and "Giữ đủ" in out and "dữ kiện bắt buộc" in out
    data = cli.json("preview", "--week", "2026-W49", "--rewrite", "--json")
    segments = [s for slot in data["slots"] for s in slot["segments"] if s["rewrite_status"] == "accepted"]
    assert segments and all(s["rewrite_claims"] for s in segments)


def test_a_guard_error_refuses_the_rewrite_instead_of_failing_the_job(monkeypatch):
    from broadcaster.production.rewrite import check

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(check, "guard_check", broken)
    result = check.check_rewrite(SOURCE, FAITHFUL)
    assert not result.ok and "Lỗi khi kiểm tra bản viết lại (RuntimeError)" in result.reason
