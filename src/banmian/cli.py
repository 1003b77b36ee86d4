"""The ``banmian`` command: thin click commands over library functions.

Library errors (:class:`~banmian.errors.BanmianError`) become one line on
stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import copy
import sys
from datetime import date as Date
from pathlib import Path

import click

from . import __version__
from .cliutil import NER_OPTION, parse_date_option
from .errors import BanmianError


def _say_error(e: BanmianError) -> None:
    click.echo(f"banmian: error: {e}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="banmian")
def cli() -> None:
    """banmian (版面): Chinese newspaper pages → clean, linked, searchable articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--date", "day", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="Issue date (else read from the file name or the page's folio).")
@click.option("--paper", metavar="NAME", help="Newspaper name, e.g. 港闸报.")
@click.option("--page", "page_number", type=click.IntRange(min=1), metavar="N",
              help="Page number (版次) when parsing a single file.")
@click.option("--encoding", metavar="CODEC", help="Force the text encoding (e.g. gb18030, big5) instead of detecting it.")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "text"]), default="json", show_default=True,
              help="json: the edition contract; markdown: a clean reading copy; text: plain articles.")
@NER_OPTION
def parse(paths: tuple[Path, ...], day: Date | None, paper: str | None, page_number: int | None,
          encoding: str | None, fmt: str, ner: bool) -> None:
    """Parse page files (or folders of them) into one edition.

    A file is a page: text as converters and crawlers leave it (.txt, .md), an
    e-paper HTML article page (.htm, .html) or an e-paper PDF (.pdf; a PDF of a
    whole issue is split at its folios).  A file that cannot be read is reported
    on stderr with the reason and skipped; the exit status is 1 when any file failed.
    """
    from .pipeline import parse_files
    from .render import RENDERERS

    result = parse_files(list(paths), day=day, paper=paper, page_number=page_number, encoding=encoding,
                         ner=ner)
    for e in result.errors:
        _say_error(e)
    if result.edition.pages:
        click.echo(RENDERERS[fmt](result.edition), nl=False)
    if result.errors:
        sys.exit(1)


@cli.group(name="eval", invoke_without_command=True)
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder of gold files (default: tests/gold of the source tree).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: one row per field; json: totals and per-page counts.")
@click.option("--per-page", is_flag=True, help="Also print the scores of each gold page.")
@click.option("--split", metavar="NAME",
              help="Only the gold pages of this split (dev, or a held-out split nobody tunes on).")
@click.option("--variant", metavar="FORMAT",
              help="Read the gold pages that have another rendering of the same page (pdf) from it.")
@click.pass_context
def eval_group(ctx: click.Context, gold_dir: Path | None, fmt: str, per_page: bool, split: str | None,
               variant: str | None) -> None:
    """Score each stage against gold.  Bare ``banmian eval`` scores the parser
    against gold pages: headline, kicker, subtitle, byline, paragraph and kind
    precision / recall / F1.  Subcommands score the later stages: ``people``,
    ``events``, ``entities`` (organizations and places) and ``ner`` (the tagger
    on the People's Daily 1998 test split)."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from .evaluation.parse_eval import evaluate, format_table, gold_dir_or_default

    report = evaluate(gold_dir_or_default(gold_dir), split=split, variant=variant)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report, per_page=per_page))


def _add_eval_subcommand(command: click.Command, name: str) -> None:
    """``banmian eval NAME``, and the older ``banmian eval-NAME`` kept as a hidden alias."""
    eval_group.add_command(command, name=name)
    alias = copy.copy(command)
    alias.hidden = True
    cli.add_command(alias, name=f"eval-{name}")


from .archive.cli import COMMANDS as ARCHIVE_COMMANDS  # noqa: E402

for _command in ARCHIVE_COMMANDS:
    cli.add_command(_command)

# eval subcommands
from .evaluation.entities_eval import entities_cmd  # noqa: E402
from .evaluation.events_eval import eval_events_cmd  # noqa: E402
from .evaluation.people_eval import eval_people_cmd  # noqa: E402

_add_eval_subcommand(eval_people_cmd, "people")
_add_eval_subcommand(eval_events_cmd, "events")
_add_eval_subcommand(entities_cmd, "entities")

from .ner.cli import eval_ner_cmd, tag_cmd  # noqa: E402

cli.add_command(tag_cmd)
_add_eval_subcommand(eval_ner_cmd, "ner")


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except BanmianError as e:
        _say_error(e)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except BrokenPipeError:
        sys.exit(0)
