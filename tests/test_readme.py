"""The README documents the whole CLI, and every command line it shows is one the CLI accepts.

As sqlite-utils checks its docs: walk the click command tree; every command and every option must be
used by some `broadcaster …` line of the README's fenced code blocks; every such line must parse
(click's make_context on each subcommand in turn, resilient parsing off, nothing runs). Optional
parts may be written in brackets (`[--json]`, `[--engine gtts]`): they must parse too. A `#`
starts a comment; one command per line.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from cli_tree import walk
from click.core import ParameterSource

from broadcaster.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def command_lines(text: str) -> list[str]:
    """Every line of a fenced code block that starts with `broadcaster `."""
    return [
        line.strip()
        for block in FENCE.findall(text)
        for line in block.splitlines()
        if line.strip().startswith("broadcaster ")
    ]


def arguments(line: str) -> list[str]:
    """The words after `broadcaster`, comment dropped, optional brackets opened."""
    words = shlex.split(line, comments=True)[1:]
    assert "|" not in words, f"one command per line: {line}"
    return [word.removeprefix("[").removesuffix("]") for word in words if word not in ("[", "]")]


def resolve(args: list[str]) -> list[click.Context]:
    """Parse like `broadcaster ARGS` would, without running anything: the contexts from root to leaf."""
    contexts = [main.make_context("broadcaster", list(args), resilient_parsing=False)]
    while isinstance(contexts[-1].command, click.Group):
        ctx = contexts[-1]
        rest = [*ctx.protected_args, *ctx.args]
        name, command, rest = ctx.command.resolve_command(ctx, rest)
        contexts.append(command.make_context(name, rest, parent=ctx, resilient_parsing=False))
    return contexts


def used_options(contexts: list[click.Context]) -> set[tuple[tuple[str, ...], str]]:
    """(command path, option name) of each option given on the command line."""
    used = set()
    for ctx in contexts:
        path = tuple(ctx.command_path.split()[1:])
        for param in ctx.command.get_params(ctx):
            if isinstance(param, click.Option) and ctx.get_parameter_source(param.name) is ParameterSource.COMMANDLINE:
                used.add((path, param.name))
    return used


def test_the_demo_transcript_is_what_demo_prints(demo_project):
    """The README quotes the first `broadcaster demo` ("…" stands for the sample files' folder)."""
    [block] = [b for b in FENCE.findall(README.read_text(encoding="utf-8")) if "Chương trình tuần 2026-W49" in b]
    quoted = block.strip().splitlines()
    printed = demo_project.output.strip().splitlines()
    assert len(printed) == len(quoted)
    for said, shown in zip(printed, quoted):
        assert re.fullmatch(re.escape(shown).replace("…", ".*"), said), f"README: {shown}\ndemo:   {said}"


def parse(line: str, folder: Path) -> list[click.Context]:
    """resolve() the line inside `folder`, where the files it names exist (empty) for click.Path(exists=True)."""
    args = arguments(line)
    for word in args:
        if re.fullmatch(r"[\w.-]+\.(txt|csv|yaml|xlsx|json)", word):
            (folder / word).touch()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        return resolve(args)


LINES = command_lines(README.read_text(encoding="utf-8"))


def test_the_readme_has_command_lines():
    assert len(LINES) > 20


@pytest.mark.parametrize(
    "line",
    [
        "broadcaster slots add tue",
        "broadcaster slots cancell 2",
        "broadcaster cache stats | cache prune",
        "broadcaster weekly --weeks 2026-W49",
    ],
)
def test_a_wrong_line_is_caught(line, tmp_path):
    with pytest.raises((AssertionError, click.ClickException)):
        parse(line, tmp_path)


@pytest.mark.parametrize("line", LINES)
def test_every_command_line_parses(line, tmp_path):
    parse(line, tmp_path)


@pytest.fixture(scope="module")
def documented(tmp_path_factory) -> tuple[set[tuple[str, ...]], set[tuple[tuple[str, ...], str]]]:
    """The command paths and the (command path, option) pairs the README's parsable lines use."""
    commands, options = set(), set()
    for line in LINES:
        try:
            contexts = parse(line, tmp_path_factory.mktemp("readme"))
        except (AssertionError, click.ClickException, click.exceptions.Exit):
            continue  # reported by test_every_command_line_parses
        commands.add(tuple(contexts[-1].command_path.split()[1:]))
        options |= used_options(contexts)
    return commands, options


LEAVES = [path for path, command in walk() if not isinstance(command, click.Group)]


@pytest.mark.parametrize("path", LEAVES, ids=" ".join)
def test_every_command_is_shown(path, documented):
    assert path in documented[0], f"README.md shows no `broadcaster {' '.join(path)} …` line"


OPTIONS = [
    (path, param)
    for path, command in [((), main), *walk()]
    for param in command.params
    if isinstance(param, click.Option)
]


@pytest.mark.parametrize("path, option", OPTIONS, ids=[" ".join((*p, max(o.opts, key=len))) for p, o in OPTIONS])
def test_every_option_is_shown(path, option, documented):
    assert (path, option.name) in documented[1], (
        f"README.md shows no `broadcaster {' '.join(path)} …` line with {' / '.join(option.opts)}"
    )
