"""Every command has --help text (Vietnamese) that exits 0."""

import click
import pytest
from click.testing import CliRunner

from broadcaster.cli import main


def commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


@pytest.mark.parametrize("path", list(commands(main)), ids=" ".join)
def test_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    command = main
    for name in path:
        command = command.commands[name]
    assert command.help and command.help.strip()
