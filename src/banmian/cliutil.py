"""Small pieces shared by the command modules."""

from __future__ import annotations

from datetime import date as Date

import click


# --ner on the commands that parse (parse, ingest): one definition, one help text
NER_OPTION = click.option(
    "--ner", is_flag=True,
    help="Also run the statistical tagger for people, organizations and places the rules miss (~30 ms per page).")


def parse_date_option(ctx, param, value: str | None) -> Date | None:
    """click callback: a YYYY-MM-DD option value, or a usage error naming it."""
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def iso(d) -> str | None:
    """A date (or a date string from the database) as YYYY-MM-DD."""
    return None if d is None else (d if isinstance(d, str) else d.isoformat())
