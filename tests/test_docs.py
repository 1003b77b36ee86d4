"""Every command has help text and is documented in README.md or docs/."""

from __future__ import annotations

import click
import pytest

from banmian.cli import cli

from .conftest import ROOT


def all_commands(group: click.Group, prefix: str = ""):
    for name, cmd in group.commands.items():
        if cmd.hidden:  # old spellings kept as aliases (banmian eval-people)
            continue
        yield prefix + name, cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, prefix + name + " ")


@pytest.mark.parametrize("name,cmd", list(all_commands(cli)))
def test_command_has_help(name, cmd):
    assert cmd.help and len(cmd.help.strip()) > 20, f"banmian {name} has no help"
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden and param.name not in ("help",):
            assert param.help, f"banmian {name} {param.opts[0]} has no help"


@pytest.mark.parametrize("name,cmd", list(all_commands(cli)))
def test_command_is_documented(name, cmd):
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    for f in sorted((ROOT / "docs").glob("*.md")):
        docs += f.read_text(encoding="utf-8")
    assert f"banmian {name}" in docs, f"banmian {name} is not documented in README.md or docs/"
