"""Every command has --help text (Vietnamese) that exits 0."""

import pytest
from cli_tree import command_at, walk
from click.testing import CliRunner

from broadcaster.cli import main


@pytest.mark.parametrize("path", [path for path, _ in walk()], ids=" ".join)
def test_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0 and "Cách dùng:" in result.output
    assert "Tùy chọn:" in result.output and "Hiện hướng dẫn này rồi thoát." in result.output
    assert "Options:" not in result.output and "Show this message" not in result.output
    command = command_at(path)
    assert command.help and command.help.strip()
