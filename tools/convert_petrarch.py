"""Convert the open PETRARCH-2 / Phoenix dictionaries into the package's broad layer.

    .venv/bin/python tools/convert_petrarch.py ../shared/reference/petrarch2-dictionaries

Writes `src/thucydides/data/lexicon/broad/cameo-2.0.yaml` (the verb dictionary as
lexicon entries, and the discard list) and the files of
`src/thucydides/data/actors/phoenix/` (actors and agents, as JSON: eighteen thousand
people parse ten times faster than from YAML), each carrying the MIT notice of its
source (a YAML comment, a JSON `notice`). The conversion
itself is `thucydides.petrarch.convert`, the same code that reads a user's
`--dictionaries DIR` at run time; this script only writes its result down.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from thucydides.actors.dictionary import curated_dictionary
from thucydides.names import alias_key
from thucydides.nlp import load_model, verb_lemma_checker
from thucydides.ontology import default_ontology
from thucydides.petrarch.convert import convert, give_distinctive_surnames
from thucydides.petrarch.folder import load_dictionaries
from thucydides.settings import DEFAULT_MODEL

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "thucydides" / "data"

NOTICE = """\
# Converted by tools/convert_petrarch.py from {sources} of the PETRARCH-2
# distribution (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf).
# Do not edit by hand: change the converter and run it again.
#
# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

"""


class _PlainDumper(yaml.SafeDumper):
    """No anchors and aliases: every entry reads on its own."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def write(path: Path, sources: str, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=120,
                     default_flow_style=None)
    path.write_text(NOTICE.format(sources=sources) + body, encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def write_json(path: Path, sources: str, document: dict[str, object]) -> None:
    """One entry per line, so that a change to the data reads as a small diff."""
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = [f'"notice": {json.dumps(NOTICE.format(sources=sources).replace("# ", "").replace("#", ""))}']
    for key, value in document.items():
        if isinstance(value, dict) and value:
            entries = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
            parts.append(f"{json.dumps(key)}: {{\n{entries}\n  }}")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    path.write_text("{\n  " + ",\n  ".join(parts) + "\n}\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def main(folder: str) -> None:
    found = load_dictionaries(folder)
    if found.errors:
        sys.exit("\n".join(map(str, found.errors)))
    lemma_of = verb_lemma_checker(load_model(DEFAULT_MODEL))
    curated = curated_dictionary()
    known = frozenset(curated.countries)

    def taken(name: str) -> bool:  # a name the curated files give to someone or something
        key = alias_key(name)
        return curated.entity(key) is not None or curated.role_term(key) is not None

    # below the curated files, a country's organs are read from its country and role words
    converted = convert(found, "broad", default_ontology(), lemma_of, known, institutions=False, taken=taken,
                        faithful=False)
    for issue in converted.issues:
        print(issue, file=sys.stderr)
    given = give_distinctive_surnames([document for _, document in converted.actors.values()], taken, alias_key)
    print(f"gave {given:,} people a bare surname")
    verb_files = ", ".join(v.file for v in found.verbs)
    write(PACKAGE / "lexicon" / "broad" / "cameo-2.0.yaml", verb_files, converted.lexicon)
    for name, (sources, document) in converted.actors.items():
        # bundled, they add only what the curated files lack (actors/dictionary.py)
        target = PACKAGE / "actors" / "phoenix" / name.replace(".yaml", ".json")
        write_json(target, sources, {"broad": True, **document})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/petrarch2-dictionaries")
