"""The CLI starts light: heavy libraries are imported by the commands that use them, not at start-up.

Behaviour, not timing (speed is measured by benchmarks/cli_startup.py): a fresh interpreter imports
the CLI, or runs `--help` / `normalize`, and the heavy modules must not be in sys.modules afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from broadcaster.cli import COMMANDS, main

REPO = Path(__file__).resolve().parents[1]
HEAVY = (
    "sqlalchemy",
    "jinja2",
    "openai",
    "gtts",
    "apscheduler",
    "openpyxl",
    "broadcaster.audio",
    "broadcaster.store",
    "broadcaster.intake.catalog",
    "broadcaster.production",
    "broadcaster.speech",
    "broadcaster.onair",
)


def modules_after(code: str, cwd: Path) -> set[str]:
    """sys.modules of a fresh interpreter after running `code` (SystemExit from click is fine)."""
    script = (
        "import json, sys\ntry:\n"
        + "".join(f"    {line}\n" for line in code.splitlines())
        + "except SystemExit:\n    pass\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", script], check=False, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.splitlines()[-1]))


# Registries that config.yaml is checked against when it loads (engine and output names and option
# keys): their modules import no heavy library at the top (gtts, openai stay out, checked above).
# The state machine's enums and labels are plain Python too.
REGISTRIES = (
    "broadcaster.speech",
    "broadcaster.onair",
    "broadcaster.onair.outputs",
    "broadcaster.onair.rules",
    "broadcaster.store",
    "broadcaster.store.states",
)


def heavy(modules: set[str]) -> list[str]:
    def is_heavy(m: str) -> bool:
        if m in REGISTRIES or m.startswith(("broadcaster.onair.outputs.", "broadcaster.speech.")):
            return False
        return m in HEAVY or m.split(".")[0] in HEAVY or any(m.startswith(h + ".") for h in HEAVY)

    return sorted(m for m in modules if is_heavy(m))


def test_importing_the_cli_loads_no_heavy_module(tmp_path):
    loaded = modules_after("import broadcaster.cli", tmp_path)
    assert "broadcaster.cli" in loaded
    for name in ("sqlalchemy", "jinja2", "openai", "gtts", "apscheduler"):
        assert name not in loaded
    assert heavy(loaded) == []


def test_help_loads_no_command_module(tmp_path):
    loaded = modules_after("from broadcaster.cli import main\nmain(['--help'])", tmp_path)
    assert heavy(loaded) == []
    assert not any(m.startswith("broadcaster.cli.") and m != "broadcaster.cli.vietnamese" for m in loaded)


def test_normalize_loads_the_normalizer_and_nothing_heavy(project):
    code = (
        f"from broadcaster.cli import main\nmain(['--config', {str(project / 'config.yaml')!r}, 'normalize', '7h30'])"
    )
    loaded = modules_after(code, project)
    assert "broadcaster.vi.normalize" in loaded
    assert [m for m in heavy(loaded) if not m.startswith("broadcaster.production")] == []


@pytest.mark.xfail(
    strict=True,
    reason="broadcaster.config imports RewriteSettings from broadcaster.production.rewrite, "
    "whose __init__ imports the guard, cache and facts (~20 ms; that package is being rewritten)",
)
def test_loading_the_config_imports_no_production_module(project):
    loaded = modules_after(
        f"from broadcaster.config import load_settings\nload_settings({str(project / 'config.yaml')!r})", project
    )
    assert heavy(loaded) == []


@pytest.mark.parametrize("module", sorted({entry.module for entry in COMMANDS.values()}))
def test_command_modules_import_nothing_heavy_at_the_top(tmp_path, module):
    assert heavy(modules_after(f"import broadcaster.cli.{module}", tmp_path)) == []


def test_the_command_table_matches_the_command_modules():
    for entry in set(COMMANDS.values()):
        __import__(f"broadcaster.cli.{entry.module}")
    assert sorted(main.commands) == sorted(COMMANDS)
    for name, command in main.commands.items():
        assert command.callback.__module__ == f"broadcaster.cli.{COMMANDS[name].module}", name
        assert command.get_short_help_str(10**6) == COMMANDS[name].summary, name


def test_help_lists_every_command_with_its_summary():
    ctx = click.Context(main, info_name="broadcaster")
    assert [name for name, _ in main.summaries(ctx, 1000)] == sorted(COMMANDS)
    assert dict(main.summaries(ctx, 1000))["slots"] == COMMANDS["slots"].summary
