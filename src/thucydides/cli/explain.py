"""`thucydides explain "TEXT"`: the parse, the actors and every pattern decision."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from ..model import Article
from ..settings import load_settings
from .app import JSON_ALIAS_OPTION, TABLE_OR_JSON_OPTION, MODEL_OPTION, TableOrJson, app, day_option, format_or_alias
from .app import DICTIONARIES_OPTION, ONLY_DICTIONARIES_OPTION, dictionary_settings, report_dictionary_issues


@app.command()
def explain(
    text: str = typer.Argument(..., help="The text to explain."),
    date: Optional[str] = day_option("--date", "Publication date (YYYY-MM-DD): relative dates are read from it."),
    model: Optional[str] = MODEL_OPTION,
    fmt: TableOrJson = TABLE_OR_JSON_OPTION,
    as_json: bool = JSON_ALIAS_OPTION,
    dictionaries: list[Path] = DICTIONARIES_OPTION,
    only_dictionaries: bool = ONLY_DICTIONARIES_OPTION,
) -> None:
    """Show how a text is coded: parse, actors, candidate patterns and modality."""
    from ..events.explain import explain_doc  # spaCy: imported only by the commands that code
    from ..pipeline import Pipeline

    pipeline = Pipeline(load_settings(model=model, **dictionary_settings(dictionaries, only_dictionaries)))
    report_dictionary_issues(pipeline.dictionary_issues)
    article = Article(text=text, date=date)
    sentences = explain_doc(pipeline.coder, pipeline.nlp(text), article)
    if format_or_alias(fmt, as_json, TableOrJson.json) is TableOrJson.json:
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
            cands.add_row(c["predicate"], _rule_cell(c), c["code"], result, ",".join(c["sources"]),
                          ",".join(c["targets"]), f"{c['modality']} ({c['modality_reason']})")
        console.print(cands)


def _rule_cell(candidate: dict[str, object]) -> str:
    """The rule, and for the broad and dictionary layers where it came from and its pattern:
    "broad/arrange.859.v (broad layer, CAMEO.2.0.txt:859: * rally)"."""
    if candidate["layer"] == "curated":
        return str(candidate["rule"])
    where = ", ".join(str(x) for x in (candidate["origin"], candidate["pattern"]) if x)
    return f"{candidate['rule']} ({candidate['layer']} layer{', ' + where if where else ''})"
