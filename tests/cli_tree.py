"""Walk the click command tree of `broadcaster` (loading the lazily imported command modules)."""

from __future__ import annotations

from collections.abc import Iterator

import click

from broadcaster.cli import main


def walk(group: click.Group = main, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """(path, command) for every command and group under `group`, depth first, e.g. (("slots", "add"), cmd)."""
    ctx = click.Context(group, info_name=" ".join(("broadcaster", *prefix)))
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from walk(command, (*prefix, name))


def command_at(path: tuple[str, ...]) -> click.Command:
    return dict(walk())[path]
