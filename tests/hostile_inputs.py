"""Hostile inputs shared by the robustness tests (issue #14).

`hostile_corpus(folder, seed)` writes a seeded, reproducible folder of good and
bad input: every format (JSON Lines, JSON, text in several encodings, HTML,
RSS, WARC) with good records among bad ones (malformed, truncated, nested too
deep, binary, NUL bytes, undecodable, over the size limit, decompression
bombs), links to themselves, to nothing and back up the tree, a FIFO, hidden
files and odd names. It returns what a reader must make of it: the ids of the
good records (each must be stored), the bad inputs (each must be named with a
reason) and every file (each must end up stored or named, never dropped unseen).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from thucydides.model import make_article_id

LEAD = "Turkish police detained 1,879 protesters in Istanbul on Sunday."
LAST = "Israeli troops killed three Palestinians in the West Bank on Monday, the health ministry said."

# Over 1,000,000 characters (spaCy's limit, error E088), yet quick to parse: two real
# sentences around a sea of whitespace. The real-text check of the offsets is in
# tests/test_pipeline.py.
HUGE = LEAD + "\n\n" + (" " * 999 + "\n") * 1000 + "\n" + LAST

# The size limit the corpus is read with: "huge" inputs only need to pass it.
MAX_BYTES = 20_000

_ACTORS = ["Turkish police", "Kenyan police", "Israeli troops", "Russian forces", "Iranian officials",
           "The European Union", "Chinese warships", "Ukrainian drones", "Nigerian soldiers", "French prosecutors"]
_ACTIONS = ["detained {n} protesters in {place}", "attacked a convoy near {place}", "arrested {n} people in {place}",
            "threatened to strike targets in {place}", "met opposition leaders in {place}",
            "imposed sanctions on traders in {place}", "killed {n} militants near {place}"]
_PLACES = ["Istanbul", "Nairobi", "Gaza", "Kharkiv", "Tehran", "Brussels", "Taipei", "Odesa", "Kano", "Lyon"]
_DAYS = ["on Sunday", "on Monday", "last week", "on Friday", "on 3 March 2024"]


def event_text(rng: random.Random) -> str:
    """A short news paragraph the coder finds an event in, never the same twice
    (two files of one text would be one article)."""
    action = rng.choice(_ACTIONS).format(n=rng.randint(2, 5000), place=rng.choice(_PLACES))
    second = rng.choice(_ACTIONS).format(n=rng.randint(2, 5000), place=rng.choice(_PLACES))
    return (f"{rng.choice(_ACTORS)} {action} {rng.choice(_DAYS)}. Witnesses said {rng.choice(_ACTORS).lower()} "
            f"{second}. Filed as report {rng.getrandbits(48):x}.")


@dataclass
class Corpus:
    root: Path
    good: set[str] = field(default_factory=set)  # ids that must be stored
    bad: set[tuple[str, int | None]] = field(default_factory=set)  # (path, line) that must be named
    files: set[str] = field(default_factory=set)  # every input file: stored or named, never dropped
    warned: set[str] = field(default_factory=set)  # paths that must get a warning
    inputs: int = 0  # files, links and records tried

    def path(self, name: str) -> Path:
        return self.root / name


def hostile_corpus(folder: Path, seed: int) -> Corpus:
    """Write the corpus of `seed` under `folder` (created) and say what reading it must give."""
    rng = random.Random(seed)
    corpus = Corpus(folder)
    (folder / "nested" / "deeper").mkdir(parents=True)
    writers = [_jsonl, _json_list, _texts, _html, _feed, _warc, _binary, _truncated, _oversized, _links, _names]
    for number, writer in enumerate(writers):
        writer(corpus, random.Random(rng.random()), f"{seed}-{number}")
    return corpus


def _file(corpus: Corpus, name: str, data: bytes) -> Path:
    path = corpus.path(name)
    path.write_bytes(data)
    corpus.files.add(str(path))
    corpus.inputs += 1
    return path


def _bad_file(corpus: Corpus, name: str, data: bytes) -> None:
    corpus.bad.add((str(_file(corpus, name, data)), None))


def _jsonl(corpus: Corpus, rng: random.Random, tag: str) -> None:
    """Good records among bad lines, in a random order."""
    lines: list[tuple[bytes, bool]] = []
    for i in range(rng.randint(6, 12)):
        record = {"id": f"j{tag}-{i}", "text": event_text(rng), "date": rng.choice(["2024-03-03", "yesterday", None])}
        if rng.random() < 0.2:
            record["text"] = "Caf\udce9 owner said: " + record["text"]  # a lone surrogate: replaced, with a warning
        lines.append((json.dumps(record).encode(), True))
    bad = [
        b'{"id": "broken", "text": "no end',
        b'{"text": "deep", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b"[1, 2, 3]",
        b'{"id": "no-text"}',
        b'{"text": "   "}',
        b'{"text": 42}',
        b'{"id": {"nested": "object"}, "text": "An id that is no id."}',
        b'{"id": "a/b c", "text": "An id the API cannot serve."}',
        b'{"text": "' + bytes(range(0x80, 0x100)) + b'"}',  # no charset reads all of them as text
        b'{"text": "' + b"x" * (MAX_BYTES + 10) + b'"}',
        b"\x00\x01\x02 binary in a line",
    ]
    lines += [(line, False) for line in rng.sample(bad, rng.randint(4, len(bad)))]
    rng.shuffle(lines)
    path = _file(corpus, f"records-{tag}.jsonl", b"\n".join(line for line, _ in lines) + b"\n")
    for number, (line, good) in enumerate(lines, start=1):
        corpus.inputs += 1
        if good:
            corpus.good.add(json.loads(line)["id"])
        else:
            corpus.bad.add((str(path), number))


def _json_list(corpus: Corpus, rng: random.Random, tag: str) -> None:
    records = [{"id": f"l{tag}-{i}", "text": event_text(rng)} for i in range(rng.randint(2, 5))]
    records.insert(rng.randrange(len(records)), {"title": "a record without text"})
    path = _file(corpus, f"nested/list-{tag}.json", json.dumps(records).encode())
    for number, record in enumerate(records, start=1):
        corpus.inputs += 1
        if "id" in record:
            corpus.good.add(record["id"])
        else:
            corpus.bad.add((f"{path}#{number}", None))


def _texts(corpus: Corpus, rng: random.Random, tag: str) -> None:
    """Plain text in the encodings news comes in; ids are hashes of the text."""
    encodings = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
    for number, encoding in enumerate(encodings):
        text = f"Le président a parlé à Genève. {event_text(rng)}" if encoding == "cp1252" else event_text(rng)
        _file(corpus, f"nested/deeper/text-{tag}-{number}.txt", text.encode(encoding))
        corpus.good.add(make_article_id(text))


def _html(corpus: Corpus, rng: random.Random, tag: str) -> None:
    body = "".join(f"<p>{event_text(rng)}</p>" for _ in range(3))
    page = f"<html><head><title>Report {tag}</title></head><body><article>{body}</article></body></html>"
    _file(corpus, f"page-{tag}.html", page.encode())  # its id hashes what trafilatura extracts: accounted by file
    _bad_file(corpus, f"empty-page-{tag}.html", b"<html><body><script>var x = 1;</script></body></html>")
    deep = b"<html><body>" + b"<div>" * 20_000 + b"Deep text." + b"</div>" * 20_000 + b"</body></html>"
    corpus.files.add(str(corpus.path(f"deep-{tag}.htm")))  # read or refused as too large, never lost
    corpus.path(f"deep-{tag}.htm").write_bytes(deep)
    corpus.inputs += 1


def _feed(corpus: Corpus, rng: random.Random, tag: str) -> None:
    items = []
    for i in range(rng.randint(2, 4)):
        url = f"https://wire.example/{tag}/{i}"
        items.append(f"<item><title>Item {i}</title><link>{url}</link><description>{event_text(rng)}</description>"
                     f"<pubDate>{rng.choice(['Sun, 03 Mar 2024 10:00:00 GMT', 'yesterday'])}</pubDate></item>")
        corpus.good.add(make_article_id("", url))
    items.insert(rng.randrange(len(items)), "<item><title>No text</title></item>")
    feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire {tag}</title>{''.join(items)}</channel></rss>"
    path = _file(corpus, f"wire-{tag}.rss", feed.encode())
    corpus.bad.add((f"{path}#{items.index('<item><title>No text</title></item>') + 1}", None))
    corpus.inputs += len(items)


def _response(writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]]) -> None:
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def _warc(corpus: Corpus, rng: random.Random, tag: str) -> None:
    """Good pages, a decompression bomb and, at random, a cut-off end."""
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    for i in range(rng.randint(2, 4)):
        url = f"https://site.example/{tag}/{i}"
        page = f"<html><head><title>Page {i}</title></head><body><article><p>{event_text(rng)}</p></article></body></html>"
        _response(writer, url, page.encode(), [("Content-Type", "text/html; charset=utf-8")])
        corpus.good.add(make_article_id("", url))
        corpus.inputs += 1
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    inflated = bomb.compress(b"<html><body><p>" + b"a" * (MAX_BYTES * 50) + b"</p>") + bomb.flush()
    _response(writer, f"https://site.example/{tag}/bomb", inflated, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
    corpus.inputs += 1
    data = stream.getvalue()
    path = _file(corpus, f"crawl-{tag}.warc.gz", data)
    corpus.bad.add((str(path), None))  # the bomb is named by its record: path@offset (see oracle)
    if rng.random() < 0.5:
        cut = _file(corpus, f"cut-{tag}.warc.gz", data[: len(data) - rng.randint(20, 200)])
        corpus.bad.add((str(cut), None))


def _binary(corpus: Corpus, rng: random.Random, tag: str) -> None:
    _bad_file(corpus, f"blob-{tag}.bin", bytes(rng.randrange(256) for _ in range(2000)) + b"\x00")
    _bad_file(corpus, f"nul-{tag}.txt", b"Police arrested \x00\x00\x00 him." * 10)
    _bad_file(corpus, f"empty-{tag}.txt", b"")
    _file(corpus, f"garbage-{tag}.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(600)))  # some charset may read it
    _bad_file(corpus, f"zipped-{tag}.txt.gz", gzip.compress(event_text(rng).encode() * 20))
    _bad_file(corpus, f"controls-{tag}", bytes(rng.randrange(1, 9) for _ in range(500)))


def _truncated(corpus: Corpus, rng: random.Random, tag: str) -> None:
    whole = json.dumps([{"id": f"t{tag}", "text": event_text(rng)}]).encode()
    _bad_file(corpus, f"cut-{tag}.json", whole[: rng.randint(5, len(whole) - 3)])
    _bad_file(corpus, f"cut-{tag}.xml", b"<?xml version='1.0'?><rss><channel><item><title>x</ti")
    nested = b"[" * 50_000 + b"]" * 50_000
    _bad_file(corpus, f"deep-{tag}.json", nested[: MAX_BYTES - 100])


def _oversized(corpus: Corpus, rng: random.Random, tag: str) -> None:
    path = corpus.path(f"huge-{tag}.txt")
    with path.open("wb") as sparse:
        sparse.truncate(MAX_BYTES * 1000)  # on paper only: the limit must refuse it from its size
    corpus.files.add(str(path))
    corpus.bad.add((str(path), None))
    corpus.inputs += 1
    _bad_file(corpus, f"one-line-{tag}.txt", b"word" * (MAX_BYTES // 2))


def _links(corpus: Corpus, rng: random.Random, tag: str) -> None:
    for name, target in ((f"loop-{tag}", f"loop-{tag}"), (f"broken-{tag}", "nowhere.txt"), (f"up-{tag}", "..")):
        os.symlink(target, corpus.path(f"nested/{name}"))
        corpus.bad.add((str(corpus.path(f"nested/{name}")), None))
        corpus.inputs += 1
    os.mkfifo(corpus.path(f"pipe-{tag}"))  # opening it would block: must be refused from its type
    corpus.files.add(str(corpus.path(f"pipe-{tag}")))
    corpus.bad.add((str(corpus.path(f"pipe-{tag}")), None))
    corpus.inputs += 1
    corpus.path(f".hidden-{tag}.txt").write_text(event_text(rng))
    corpus.warned.add(str(corpus.path(f".hidden-{tag}.txt")))
    corpus.inputs += 1


def _names(corpus: Corpus, rng: random.Random, tag: str) -> None:
    """Good text under names a shell or a careless path join would trip on."""
    for name in (f"with spaces {tag}.txt", f"ünïcødé-{tag}.txt", f"-dash-{tag}.txt", f"new\nline-{tag}.txt",
                 f"{'long' * 50}-{tag}.txt", f"quote'\"-{tag}.txt"):
        text = event_text(rng)
        _file(corpus, name, text.encode())
        corpus.good.add(make_article_id(text))


def accounted(path: str, names: set[str]) -> bool:
    """Whether `path` is among `names`, itself or as a record of it (path:LINE, #N, @OFFSET)."""
    return path in names or any(name.startswith(path) and name[len(path)] in ":#@" for name in names if len(name) > len(path))
