"""`thucydides explain "TEXT"`: the parse, the actors and every pattern decision."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from ..model import Article
from ..settings import load_settings
from .app import MODEL_OPTION, app


@app.command()
def explain(
    text: str = typer.Argument(..., help="The text to explain."),
    date: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD."),
    model: Optional[str] = MODEL_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Show how a text is coded: parse, actors, candidate patterns and modality."""
    from ..events.explain import explain_doc  # spaCy: imported only by the commands that code
    from ..pipeline import Pipeline

    pipeline = Pipeline(load_settings(model=model))
    article = Article(text=text, date=date)
    sentences = explain_doc(pipeline.coder, pipeline.nlp(text), article)
    if as_json:
        print(json.dumps([asdict(s) for s in sentences], ensure_ascii=False, indent=2))
        return
    console = Console()
    for s in sentences:
        console.rule(f"sentence {s.index}: {s.text}")
        parse = Table("i", "text", "lemma", "pos", "dep", "head", title="parse")
        for t in s.tokens:
            parse.add_row(*(str(t[k]) for k in ("i", "text", "lemma", "pos", "dep", "head")))
        console.print(parse)
        actors = Table("text", "code", "country", "role", title="actors")
        for a in s.actors:
            actors.add_row(a["text"], a["code"], a["country"] or "", a["role"] or "")
        console.print(actors)
        cands = Table("predicate", "rule", "code", "result", "source", "target", "modality", title="patterns")
        for c in s.candidates:
            result = "[green]fired[/]" if c["fired"] else f"[red]{c['why']}[/]"
            cands.add_row(c["predicate"], c["rule"], c["code"], result, ",".join(c["sources"]),
                          ",".join(c["targets"]), f"{c['modality']} ({c['modality_reason']})")
        console.print(cands)
