"""`checker compare`: the judge on two statements, or on a JSONL file of pairs."""
from __future__ import annotations

import json
import sys

import click


def _load_parser_without_torch() -> None:
    """Load spaCy with torch hidden: thinc imports torch whenever it is installed (over a second
    here), and the small English pipeline never uses it. Compare needs no embedding model, so
    this is most of the time to a first answer. torch stays importable afterwards."""
    if "torch" in sys.modules or "spacy" in sys.modules:
        return
    sys.modules["torch"] = None  # makes `import torch` fail: thinc then runs without it
    try:
        from checker.extract.sentences import load_nlp

        load_nlp()
    finally:
        del sys.modules["torch"]


@click.command("compare")
@click.argument("statements", nargs=-1)
@click.option("--pairs", type=click.File("r", encoding="utf-8"),
              help='JSONL file of {"id", "a", "b"}; writes {"id", "relation", "kind", "detail"} lines to stdout.')
@click.option("--published", help="Publication date (YYYY-MM-DD) to resolve relative dates against (default: today).")
def compare_command(statements, pairs, published) -> None:
    """Say whether statement A corroborates, contradicts or is unrelated to statement B, and why."""
    import datetime as dt

    from checker.compare import compare_many
    from checker.errors import CheckerError

    day = None
    if published:
        try:
            day = dt.date.fromisoformat(published)
        except ValueError:
            raise CheckerError(f"--published '{published}' is not a date", hint="use YYYY-MM-DD") from None
    _load_parser_without_torch()
    if pairs is not None:
        if statements:
            raise CheckerError("give either two statements or --pairs, not both")
        triples = []
        for n, line in enumerate(pairs, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                triples.append((str(row.get("id", n)), str(row["a"]), str(row["b"])))
            except (json.JSONDecodeError, KeyError, TypeError):
                raise CheckerError(f"{pairs.name}, line {n}: expected a JSON object with \"a\" and \"b\"") from None
        for result in compare_many(triples, published=day):
            sys.stdout.write(json.dumps(result.model_dump(include={"id", "relation", "kind", "detail"})) + "\n")
        return
    if len(statements) != 2:
        raise CheckerError("compare needs two statements", hint='checker compare "A" "B", or --pairs FILE')
    if not all(s.strip() for s in statements):
        raise CheckerError("a statement is empty")
    result = compare_many([("", statements[0], statements[1])], published=day)[0]
    click.echo(f"{result.relation}" + (f" ({result.kind})" if result.kind else "") + f": {result.detail}")
