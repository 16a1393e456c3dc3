"""Shared fixtures: a throw-away commune (config, database, output folders) in a temp folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from broadcaster.cli import main
from broadcaster.config import load_settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the repository's config.yaml (all paths relative to it)."""
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.fixture
def settings(project: Path):
    return load_settings(project / "config.yaml")


@pytest.fixture
def cli(project: Path):
    """Run the CLI against the temp project: cli("announce", "list") -> click Result."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None, ok: bool = True):
        result = runner.invoke(main, ["--config", str(project / "config.yaml"), *args], input=input,
                               catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    run.json = lambda *args: json.loads(run(*args).stdout)
    return run
