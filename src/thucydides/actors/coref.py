"""Within-article coreference: pronouns, definite descriptions and bare surnames.

The resolver keeps its `resolve(token, date)` interface; the first call for a document
builds a `DocMemory` (stored on the spaCy Doc as `doc._.thuc_actors`) that passes over the
document's pronouns and noun chunks in order, only as far as the last anaphor asked
about. The pass itself is cheap: a chunk is resolved only when something looks back at
it (a pronoun's window, a description, the coder), a pronoun is linked only when the
coder asks about it, and the result does not depend on when that happens:

* every noun chunk is resolved on its own (memoised: the coder's later calls for the
  same heads are dictionary look-ups) and, if it is an actor, becomes a possible
  antecedent with its kind (person, IGO, group, country), number and title words;
* a person named with a role ("Istanbul's mayor, Ekrem İmamoğlu") is remembered by full
  name and surname, so a later "İmamoğlu said" inherits the role;
* a pronoun links to the nearest compatible antecedent in its own or the two previous
  sentences: he/she -> a person; it -> a country or organisation; they -> a plural
  phrase, a coordination ("Russia and China") or an organisation;
* a definite description listed in the dictionary's `anaphora` section ("the alliance",
  "the minister", "the two countries") links to the nearest antecedent of the kind,
  organisation ids and roles it names, preferring a person whose titles contain the
  description's words ("the prime minister").

A linked mention keeps its own text and offsets and takes the antecedent's code, name,
country, role and wikidata.

Anaphora entries (roles.yaml, or a user's file)::

    anaphora:
      alliance: {kind: igo, ids: [NATO]}         # kind: person, igo, group or country
      militants: {kind: group, roles: [REB, UAF]}
      two countries: {kind: country, count: 2}
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import PRON
from spacy.tokens import Doc

from ..dateline import doc_dateline_end
from ..model import Actor, trusted_replace
from ..nlp import NOMINAL_SUBJECT_DEPS, children_of, clause_top, doc_ents, doc_sents, doc_text, labelled_children, noun_chunks, pos_of, sentence_of
from .dictionary import COUNTRY, GROUP, IGO, PARTY, PERSON, ROLE, SPOKESBODY, Anaphor
from ..names import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .resolver import ActorResolver, Found

EXTENSION = "thuc_actors"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)
_EXTENSION_KEY = ("._.", EXTENSION, None, None)  # where spaCy stores the Doc's value

PRONOUN_WINDOW = 2  # sentences back a pronoun may look
# Prepositions of a place mention ("clashed *in* Omdurman"), which names no party.
_PLACE_PREPS = frozenset({"in", "at", "near", "into", "inside", "outside", "around", "across", "from"})

# Children that make a "the ..." phrase a new description rather than an anaphor:
# "the president of France", "the minister, who", "the group's leader".
_SPECIFYING_DEPS = frozenset({"prep", "appos", "poss", "acl", "relcl", "compound"})
# Objects their clause's subject binds: "Erdogan met Rubio. Erdogan praised *him*" is not Erdogan.
_BOUND_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
_AIM_PREPS = frozenset({"at", "against", "on", "upon", "toward", "towards"})
_COORDINATION = frozenset({"conj"})


@dataclass
class _Entry:
    """A possible antecedent."""

    index: int  # token index of the mention's head
    sentence: int
    kind: str  # PERSON, IGO, GROUP, COUNTRY or ROLE
    actors: tuple[Actor, ...]  # more than one for a coordination
    plural: bool
    org: str | None = None
    titles: frozenset[str] = frozenset()
    dep: str = ""
    head: int = -1
    gender: str | None = None  # "f"/"m" when known: "she" skips a man, "he" a woman


@dataclass
class _Pending:
    """A noun chunk (or a pronoun) passed over but not yet resolved: most chunks of an
    article are never an antecedent of anything, so they are resolved only when a
    pronoun or description looks back at them (or the coder asks about them). A linked
    pronoun is itself a mention of its referent: "'We are watching,' *he* said. *He*
    added ..." keeps the speaker salient from sentence to sentence."""

    chunk: Span
    root: Token  # chunk.root, which spaCy works out afresh on every access
    sentence: int
    position: int  # its place in DocMemory._entries
    entries: list[_Entry] | None = field(default=None, repr=False)  # once resolved
    pronoun: bool = False


def memory_for(resolver: ActorResolver, doc: Doc, date: str | None) -> DocMemory:
    """The document's memory for this resolver and date, built on first use."""
    # `doc._.thuc_actors`, read where spaCy keeps it: every `doc._` access builds an
    # Underscore object, and the coder asks for the memory ~15 times an article.
    user_data: dict[Any, Any] = doc.user_data  # spaCy types its keys as str; these are tuples
    memory = user_data.get(_EXTENSION_KEY)
    if not isinstance(memory, DocMemory) or memory.resolver is not resolver or memory.date != date:
        memory = user_data[_EXTENSION_KEY] = DocMemory(resolver, doc, date)
    return memory


class DocMemory:
    """Resolved mentions of one document and the links of its anaphors."""

    def __init__(self, resolver: ActorResolver, doc: Doc, date: str | None) -> None:
        self.resolver = resolver
        self.grammar = resolver.grammar  # its pronouns, titles and person nouns
        self.doc = doc
        self.date = date
        self._base: dict[int, Found | None] = {}
        self._links: dict[int, tuple[tuple[Actor, ...], Span]] = {}  # i -> (antecedents, own span)
        # Name words -> (token index, person phrase) in document order: a bare name
        # takes the last person remembered *before* it, also when resolved lazily.
        self._names: dict[tuple[str, ...], list[tuple[int, Found]]] = {}
        self._entries: list[_Entry | _Pending] = []
        self._pending_at: dict[int, _Pending] = {}  # chunk root index -> pending chunk
        # The pass runs only once an anaphor is asked about, and only as far as it:
        # tokens after the last anaphor the coder asks about are never scanned.
        self._scanned_to = 0
        # root index -> chunk and its root, read ahead of the pass
        self._chunks: dict[int, tuple[Span, Token]] = {}
        self._chunk_iter: Iterator[Span] | None = None
        self._covered: set[int] = set()  # token indexes inside the chunks read so far
        self._unchunked: dict[int, Span] = {}  # people the noun chunker missed, by head
        self._pronouns: list[int] = []  # indexes of the personal/neuter/plural pronouns
        # Pronouns passed over, not yet linked: index -> (entries before it, sentence).
        # A pronoun is linked only when asked about; most are never arguments.
        self._unlinked: dict[int, tuple[int, int]] = {}
        self._antecedents: dict[int, _Entry] = {}  # linked pronoun -> the entry it took

    # --- look-ups -----------------------------------------------------------------------

    def base(self, token: Token) -> Found | None:
        if token.i not in self._base:
            self._base[token.i] = self.resolver.resolve_phrase(token, self.date)
        return self._base[token.i]

    def resolve(self, token: Token) -> Actor | None:
        actors = self.resolve_many(token)
        return actors[0] if actors else None

    def resolve_many(self, token: Token) -> list[Actor]:
        if token.i >= self._scanned_to and self._may_be_anaphor(token):
            self._scan_to(token.i + 1)
        pending = self._pending_at.get(token.i)
        if pending is not None:
            self._expand(pending)  # a bare name may link to a person named earlier
        unlinked = self._unlinked.pop(token.i, None)
        if unlinked is not None:
            self._link_pronoun(token, *unlinked)
        link = self._links.get(token.i)
        if link is not None:
            actors, span = link
            return [trusted_replace(a, text=span.text, start=span.start_char, end=span.end_char) for a in actors]
        found = self.base(token)
        if found is None:
            return self._owners_country(token)
        owner = self._pronoun_owner(token, found.actor)
        if owner is not None:  # "*her* government" after "Sheikh Hasina": Bangladesh's
            return [trusted_replace(found.actor, country=owner, code=owner + found.actor.code)]
        return self.resolver.coordinated_countries(token, found) or [found.actor]

    def _owners_country(self, token: Token) -> list[Actor]:
        """ "*his country*", "*their nation*": the country of the possessive's antecedent."""
        if token.lemma_.lower() not in self.grammar.country_nouns:
            return []
        poss = next((c for c in children_of(token) if c.dep_ == "poss" and c.lower_ in self.grammar.possessive_pronouns),
                    None)
        if poss is None:
            return []
        owner = self.resolve(poss)
        if owner is None or not owner.country:
            return []
        start = poss.idx  # "his country"
        return [Actor(code=owner.country, text=doc_text(token.doc)[start:token.idx + len(token.text)], start=start,
                      end=token.idx + len(token.text), country=owner.country)]

    def _pronoun_owner(self, token: Token, actor: Actor) -> str | None:
        """The country of the antecedent of a possessive pronoun that qualifies a
        role without a country ("his government", "their police")."""
        if actor.country or not actor.role or actor.code != actor.role:
            return None
        possessives = self.grammar.possessive_pronouns
        poss = next((c for c in children_of(token) if c.dep_ == "poss" and c.lower_ in possessives), None)
        owner = self.resolve(poss) if poss is not None else None
        return owner.country if owner is not None else None

    def _may_be_anaphor(self, token: Token) -> bool:
        """Cheap test: could a link exist for this token? Most arguments are names or
        role phrases that need no pass over the document at all."""
        grammar = self.grammar
        if token.lower_ in grammar.anaphoric_pronouns:
            return True
        if pos_of(token) == "PROPN" or token.ent_type_ == "PERSON":
            return self.base(token) is None
        if token.lemma_.lower() in grammar.spokesperson_nouns:
            return True
        return any(c.lower_ in grammar.description_determiners or c.lower_ in grammar.description_openers
                   for c in children_of(token))

    def _candidate(self, chunk: Span, root: Token) -> bool:
        """Whether a chunk can be an antecedent: it has a name or an entity, or its head
        or a word before it is a dictionary role noun ("the talks", "prices" are skipped
        unresolved)."""
        if doc_text(chunk.doc)[chunk.start_char:chunk.end_char].lower() in self.grammar.wire_services:  # chunk.text
            return False  # "told AFP": the agency is no party to the story
        if any(pos_of(t) == "PROPN" or t.ent_type_ for t in chunk):
            return True
        d = self.resolver.dictionary
        # a role word may qualify the head: "an *opposition* coalition"
        return any(d.role_term(words(t.lemma_)) or d.role_term(words(t.text)) for t in chunk if t.i <= root.i)

    # --- the pass ------------------------------------------------------------------------

    def _scan_to(self, stop: int) -> None:
        """Continue the in-order pass over the document up to token `stop`, visiting
        only the tokens that matter: pronouns and the heads of noun chunks."""
        doc = self.doc
        if self._chunk_iter is None:
            try:
                doc_sents(doc)  # raises ValueError without sentence boundaries
                self._chunk_iter = iter(noun_chunks(doc))
                self._unchunked = _unchunked_people(doc)
            except ValueError:  # no parse: no coreference, plain resolution only
                self._scanned_to = len(doc)
                return
            self._pronouns = _pronoun_indexes(doc, self.grammar.anaphoric_pronouns)
        for chunk in self._chunk_iter:  # chunks come in document order
            root = chunk.root
            self._chunks[root.i] = (chunk, root)
            self._covered.update(range(chunk.start, chunk.end))
            if chunk.start >= stop:
                break
        for i in [i for i in self._unchunked if i < stop]:
            span = self._unchunked.pop(i)
            if i not in self._covered:
                self._chunks[i] = (span, span.root)  # its root may not be token i
        start, stop = self._scanned_to, min(stop, len(doc))
        pronouns = set(self._pronouns[bisect_left(self._pronouns, start) : bisect_left(self._pronouns, stop)])
        dateline = doc_dateline_end(doc)  # "PORT SUDAN, Feb 14 (Reuters) -" is no one's antecedent
        for i in sorted({*pronouns, *(i for i in self._chunks if start <= i < stop)}):
            if doc[i].idx < dateline:
                continue
            sentence = sentence_of(doc, i)[0]
            if i in pronouns:
                if doc[i].dep_ != "expl":
                    self._unlinked[i] = (len(self._entries), sentence)
                    self._entries.append(_Pending(doc[i : i + 1], doc[i], sentence, len(self._entries), pronoun=True))
                continue
            self._mention(*self._chunks[i], sentence)
        self._scanned_to = max(self._scanned_to, stop)

    def _mention(self, chunk: Span, root: Token, sentence: int) -> None:
        anaphor = self._description(chunk, root)
        if anaphor is not None:
            entries = self._find_description(anaphor, chunk)
            if not entries and anaphor.otherwise is not None:
                entries = self._find_description(replace(anaphor, kind=anaphor.otherwise, otherwise=None), chunk)
            if entries:
                actors = tuple(a for e in entries for a in e.actors)[: max(anaphor.count, 1)]
                self._links[root.i] = (actors, _without_det(chunk, self.grammar.articles))
                self._push_like(entries[0], root, sentence, actors)
                return
        earlier = self._same_head_before(chunk, root)
        if earlier is not None:
            self._links[root.i] = (earlier.actors, _without_det(chunk, self.grammar.articles))
            self._push_like(earlier, root, sentence, earlier.actors)
            return
        pending = _Pending(chunk, root, sentence, len(self._entries))
        self._entries.append(pending)
        if _names_person(root) or any(_bracketed_acronym(t) for t in chunk):
            self._expand(pending)  # later bare names and acronyms depend on it: now, in order
        else:
            self._pending_at[root.i] = pending

    def _same_head_before(self, chunk: Span, root: Token) -> _Entry | None:
        """ "*The ministry* also rejected the sanctions" after "Nicaragua's foreign
        ministry ordered ...": a definite role phrase with no country of its own names
        the latest earlier actor with the same head noun that has one (before the
        article's country in focus is guessed for it); a definite phrase that names no
        actor at all, the latest actor with its head ("the coalition")."""
        if chunk[0].lower_ not in self.grammar.description_determiners or pos_of(root) == "PROPN" or root.ent_type_:
            return None
        if any(c.dep_ in _SPECIFYING_DEPS and not _in_key(c, chunk) for c in children_of(root)):
            return None
        found = self.base(root)
        if found is not None and (found.actor.country or not found.actor.role):
            return None
        lemma = root.lemma_.lower()
        role = found.actor.role if found is not None else None  # none: "*the coalition*" after "an opposition coalition"

        def fits(entry: _Entry) -> bool:
            if len(entry.actors) != 1 or self.doc[entry.index].lemma_.lower() != lemma:
                return False
            actor = entry.actors[0]
            return role is None or (actor.country is not None and actor.role == role)

        return next((e for e in self._recent() if fits(e)), None)

    def _expand(self, pending: _Pending) -> list[_Entry]:
        """The antecedent entries of a chunk (none, one, or two for "Russia and
        China"), resolved on first use. Depends only on the chunk and on what came
        before it, so the result is the same whenever it is asked for."""
        if pending.entries is None:
            pending.entries = self._resolve_chunk(pending)
        return pending.entries

    def _resolve_chunk(self, pending: _Pending) -> list[_Entry]:
        if pending.pronoun:
            return self._pronoun_entry(pending)
        chunk, root, sentence = pending.chunk, pending.root, pending.sentence
        found = self.base(root) if self._candidate(chunk, root) else None
        if found is None and (root.ent_type_ == "PERSON" or pos_of(root) == "PROPN"):
            found = self._name_before(_name_key(root, full=True), root.i) or self._name_before(
                _name_key(root, full=False), root.i
            )
            if found is not None:
                self._links[root.i] = ((found.actor,), _without_det(chunk, self.grammar.articles))
        if found is None:
            return []
        self._remember_names(root, found)
        kind = found.kind
        if kind not in (IGO, GROUP) and not found.plural and (
            root.lemma_.lower() in self.grammar.person_nouns
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in children_of(root))
        ):
            kind = PERSON
        entry = _Entry(
            index=root.i, sentence=sentence, kind=kind, actors=(found.actor,),
            plural=found.plural, org=found.org, titles=found.titles, dep=root.dep_, head=root.head.i,
            gender=found.gender or _title_gender(chunk, self.grammar.gender_titles),
        )
        if root.dep_ == "conj":  # "Russia and China": the pair is an antecedent of "they"
            first = next(self._recent(before=pending.position, index=root.head.i), None)
            if first is not None:
                return [entry, replace(entry, actors=first.actors + entry.actors, plural=True)]
        return [entry]

    def _recent(self, before: int | None = None, since_sentence: int = -1, index: int | None = None) -> Iterator[_Entry]:
        """Entries, most recent first (only those before position `before`, in
        sentences from `since_sentence` on, at token `index`), resolving pending
        chunks as they are reached."""
        for k in range((len(self._entries) if before is None else before) - 1, -1, -1):
            item = self._entries[k]
            if item.sentence < since_sentence:
                return
            if isinstance(item, _Pending):
                if index is not None and item.root.i != index:
                    continue
                yield from reversed(self._expand(item))
            elif index is None or item.index == index:
                yield item

    def _name_before(self, key: tuple[str, ...], i: int) -> Found | None:
        """The person last remembered under `key` before token `i`."""
        found = None
        for at, person in self._names.get(key, ()):
            if at >= i:
                break
            found = person
        return found

    def _push_like(self, entry: _Entry, root: Token, sentence: int, actors: tuple[Actor, ...]) -> None:
        """A linked description is itself the most recent mention of its referent; one
        that stands for several ("both leaders") is plural, an antecedent of "them"."""
        self._entries.append(replace(entry, index=root.i, sentence=sentence, actors=actors, dep=root.dep_,
                                     head=root.head.i, plural=entry.plural or len(actors) > 1))

    def _remember_names(self, root: Token, found: Found) -> None:
        """Full name and surname of the person a phrase names: its head or an apposition
        to the head ("Istanbul's mayor, Ekrem İmamoğlu")."""
        if not (found.actor.role or found.actor.country):
            return
        people = [root] if root.ent_type_ == "PERSON" else [
            c for c in children_of(root) if c.dep_ == "appos" and c.ent_type_ == "PERSON"
        ]
        # "the Pakistan Tehreek-e-Insaf (*PTI*) party ... The PTI said": an acronym
        # defined in brackets names the phrase's actor from then on
        doc = root.doc
        for acronym in (t for t in doc[root.left_edge.i: root.right_edge.i + 1] if _bracketed_acronym(t)):
            insort(self._names.setdefault((acronym.text.lower(),), []), (root.i, found), key=lambda item: item[0])
        for person in people:
            for full in (True, False):
                key = _name_key(person, full)
                if key:
                    insort(self._names.setdefault(key, []), (root.i, found), key=lambda item: item[0])

    # --- pronouns and descriptions ------------------------------------------------------

    def _pronoun_entry(self, pending: _Pending) -> list[_Entry]:
        """A pronoun as a mention of its antecedent (none when it has none)."""
        token = pending.root
        unlinked = self._unlinked.pop(token.i, None)
        if unlinked is not None:
            self._link_pronoun(token, *unlinked)
        antecedent = self._antecedents.get(token.i)
        if antecedent is None:
            return []
        return [replace(antecedent, index=token.i, sentence=pending.sentence, dep=token.dep_, head=token.head.i)]

    def _link_pronoun(self, token: Token, before: int, sentence: int) -> None:
        """Link a pronoun to the most salient fitting antecedent among the first
        `before` entries (those the pass had met when it reached the pronoun)."""
        low = token.lower_
        fits = [e for e in self._window(token, before, sentence) if self._pronoun_fits(low, e)]
        first = _most_salient(token, sentence, fits)
        if first is not None and low in self.grammar.feminine_pronouns and first.gender != "f":
            # Most people named without a known gender are men: "she" prefers a woman.
            first = next((e for e in fits if e.gender == "f"), first)
        if first is not None and low in self.grammar.plural_pronouns and not first.plural:
            # An organisation is "they" only at a pinch: "they" prefers people named in the plural.
            first = next((e for e in fits if e.plural), first)
        if first is not None:
            self._links[token.i] = (first.actors, token.doc[token.i : token.i + 1])
            self._antecedents[token.i] = first
            if first.gender is None and low in self.grammar.personal_pronouns:
                # "Zourabichvili said *she* would not step down": later pronouns know it too
                first.gender = "f" if low in self.grammar.feminine_pronouns else "m"

    def _window(self, token: Token, before: int, sentence: int) -> Iterator[_Entry]:
        """Possible antecedents, nearest first, within the pronoun window."""
        bound: set[tuple[str, str | None]] = set()  # who "him" cannot be
        # the verbs whose subject binds the pronoun, if it is an object (read once, not per entry)
        binders = _binding_verbs(token) if token.dep_ in _BOUND_OBJECT_DEPS or _aimed_at(token) or _part_of_object(token) \
            else set()
        for entry in self._recent(before=before, since_sentence=sentence - PRONOUN_WINDOW):
            if entry.head in binders and entry.dep.startswith("nsubj"):
                bound.update((a.code, a.name) for a in entry.actors)
                continue  # "Erdogan met Rubio. Erdogan praised him": not Erdogan, here or before
            group = _example_of(self.doc[entry.index])
            if group is not None and self.base(group) is not None:
                continue  # "nine officials, including *the police chief and two judges* ... accusing *them*"
            if not bound or not any((a.code, a.name) in bound for a in entry.actors):
                yield entry

    def _pronoun_fits(self, low: str, entry: _Entry) -> bool:
        if low in self.grammar.personal_pronouns:
            other = "m" if low in self.grammar.feminine_pronouns else "f"  # the gender it cannot refer to
            return entry.kind == PERSON and not entry.plural and entry.gender != other
        if low in self.grammar.neuter_pronouns:
            body = entry.kind in (COUNTRY, IGO, GROUP) or (
                entry.kind == ROLE and self.doc[entry.index].lemma_.lower() in self.grammar.organisation_nouns)
            return body and not entry.plural and len(entry.actors) == 1
        return entry.plural or entry.kind in (IGO, GROUP)

    def _description(self, chunk: Span, root: Token) -> Anaphor | None:
        if pos_of(root) == "PROPN" or root.ent_type_:
            return None
        first = chunk[0]
        determiners = self.grammar.description_determiners
        if first.lower_ in self.grammar.articles and root.lemma_.lower() in self.grammar.spokesperson_nouns:
            determiners = determiners | {first.lower_}  # "*a* spokesperson said": the one who spoke before
        elif first.lower_ not in determiners and first.lower_ not in self.grammar.description_openers:
            return None
        if any(c.dep_ in _SPECIFYING_DEPS and not _in_key(c, chunk) and not _gerund_phrase(c)
               for c in children_of(root)):
            return None
        body = chunk[1:] if first.lower_ in determiners else chunk
        key = tuple(w for t in body for w in words(t.text))
        return self.resolver.dictionary.anaphora.get(key)

    def _namers(self, chunk: Span, sentence: int) -> set[str]:
        """The countries (or codes) of the subject of the clause a description is the
        object of."""
        verb = chunk.root.head
        return {a.country or a.code for e in self._recent(since_sentence=sentence)
                if e.sentence == sentence and e.dep in NOMINAL_SUBJECT_DEPS and e.head == verb.i
                for a in e.actors}

    def _side(self, actor: Actor, anaphor: Anaphor) -> str:
        """Which side an antecedent is, for a description of several: its country, for a
        country or a party the state acts for; else the actor itself."""
        if actor.country and anaphor.kind == COUNTRY:
            return actor.country
        if actor.country and anaphor.kind == PARTY and actor.role and actor.role.lower() in self.grammar.state_roles:
            return actor.country + "/state"
        return actor.code

    def _find_description(self, anaphor: Anaphor, chunk: Span) -> list[_Entry]:
        """The nearest antecedents fitting the description (`count` distinct ones)."""
        want = set(words(chunk.text)) - self.grammar.description_fillers
        fitting: Iterable[_Entry] = (e for e in self._recent() if _fits(e, anaphor))
        if anaphor.kind == SPOKESBODY:
            # "The State Department condemned the verdict. '...,' *a spokesperson* said":
            # the body or state that was the subject of an earlier sentence
            sentence = sentence_of(chunk.doc, chunk.root.i)[0]
            fitting = (e for e in fitting if e.sentence < sentence and e.dep in {"nsubj", "nsubjpass"})
        elif anaphor.kind == PARTY or (anaphor.count > 1 and not _acting_people(anaphor, chunk)):
            # "OCHA ... called on *both sides*", "(Kazakhstan's president) called *both
            # leaders*": the parties of what came before, not the speaker who names them;
            # and a place ("clashed *in Omdurman*") is no party
            doc = chunk.doc
            sentence = sentence_of(doc, chunk.root.i)[0]
            # nor the one who names them, met before ("Blinken praised *both leaders*"
            # after "the United States welcomed the agreement")
            namer = self._namers(chunk, sentence)
            fitting = (e for e in fitting if e.sentence < sentence
                       and not (e.dep == "pobj" and doc[e.head].lower_ in _PLACE_PREPS)
                       and not any((a.country or a.code) in namer for a in e.actors))
        if anaphor.kind == PERSON:  # a titled person anywhere before beats a nearer one
            every = list(fitting)
            fitting = [e for e in every if want and want <= e.titles] or every
        out: list[_Entry] = []
        seen: set[str] = set()
        for entry in fitting:
            key = self._side(entry.actors[0], anaphor)
            if len(entry.actors) > 1:
                if not out:
                    return [entry]  # "urged *them* to de-escalate ... called on *both sides*": the same two
                continue
            if key in seen:
                continue
            seen.add(key)
            out.append(entry)
            if len(out) == anaphor.count:
                return out
        return []


_EXAMPLE_PREPS = frozenset({"including", "among", "like"})


def _example_of(token: Token) -> Token | None:
    """The group a member is named as an example of ("nine Nicaraguan officials,
    *including the police chief and two judges*"), to which a later pronoun refers when
    it names an actor ("several of the accused, including *two former ministers*" does not)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in _EXAMPLE_PREPS and token.head.head.i != token.head.i:
        return token.head.head
    return None


def _aimed_at(pronoun: Token) -> bool:
    """ "militants threw explosives *at them*": the object of a preposition of aim on a
    verb is no more its subject than a direct object is."""
    head = pronoun.head
    return pronoun.dep_ == "pobj" and head.lower_ in _AIM_PREPS and head.head.pos_ == "VERB"


def _part_of_object(pronoun: Token) -> bool:
    """ "killed *four of them*", "freed *some of them*": a pronoun naming the whole of
    which a verb's object is a part is bound as that object is."""
    of = pronoun.head
    return pronoun.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ in _BOUND_OBJECT_DEPS


def _binding_verbs(pronoun: Token) -> set[int]:
    """The verbs whose subject an object pronoun cannot be: its own, and the one whose
    subject its verb shares ("Mexico's president said ... and offered *him* asylum",
    "police used tear gas to stop *them*")."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if _part_of_object(pronoun):
        verb = verb.head  # "killed *four of them*": the verb of the part
    verbs = {verb.i}
    # ... and, for an infinitive or participle without a subject of its own, the verb
    # that controls it ("police used tear gas *to stop them*": not the police)
    while (verb.dep_ == "conj" or verb.dep_ in {"xcomp", "advcl"} and verb.tag_ in {"VB", "VBG"}) \
            and verb.head.i != verb.i and not any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in children_of(verb)):
        verb = verb.head
        verbs.add(verb.i)
    return verbs


def _most_salient(pronoun: Token, sentence: int, fits: list[_Entry]) -> _Entry | None:
    """The antecedent a reader takes (`fits` nearest first): in the pronoun's own
    sentence the subject of a clause that governs it ("Rubio, who met Fidan, said *he*
    had raised concerns": Rubio), or of the clause its own clause reports ("Britain
    sent troops to Mali, *its* ministry said"), else the nearest; in an earlier sentence the subject
    of its main clause ("Imamoglu was arrested ... *His* detention"), else the nearest
    of that sentence. Subjects stay in focus; objects and names in asides rarely do."""
    if not fits:
        return None
    nearest = fits[0]
    if nearest.sentence == sentence:
        reason = _reason_patient(pronoun, fits)
        if reason is not None:
            return reason
        governing = {a.i for a in pronoun.ancestors}
        subjects = [e for e in fits if e.sentence == sentence and e.dep in NOMINAL_SUBJECT_DEPS]
        # "Britain is deploying troops to Mali, *its* defence ministry said": the subject
        # of what the pronoun's clause reports
        verb = next((a for a in pronoun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        reported = {c.i for c in children_of(verb) if c.dep_ == "ccomp"} if verb is not None else set()
        return (next((e for e in subjects if e.head in governing), None)
                or next((e for e in subjects if e.head in reported), nearest))
    doc = pronoun.doc
    same = [e for e in fits if e.sentence == nearest.sentence]
    root = sentence_of(doc, nearest.index)[1].root
    # the sentence's root or a verb coordinated with it ("was arrested and charged")
    return next((e for e in same if e.dep in NOMINAL_SUBJECT_DEPS and clause_top(doc[e.head], _COORDINATION).i == root.i),
                nearest)


def _reason_patient(pronoun: Token, fits: list[_Entry]) -> _Entry | None:
    """ "Netanyahu thanked the emir *for his mediation*", "criticised China *for its*
    treatment of ...": the owner of a reason given for an act is whom it acts on."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    verb = noun.head.head
    return next((e for e in fits if e.head == verb.i and e.dep == "dobj"), None)


def _unchunked_people(doc: Doc) -> dict[int, Span]:
    """Named people as mentions where the noun chunker makes no chunk of them: "U.S.
    Secretary of State Marco Rubio, who ..., said" yields only "State"; the phrase is
    the name's head with its left dependents."""
    out: dict[int, Span] = {}
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            root = ent.root
            out[root.i] = doc[min(root.left_edge.i, ent.start) : root.i + 1]
    return out


def _pronoun_indexes(doc: Doc, pronouns: frozenset[str]) -> list[int]:
    """Where the pronouns a pass links are, from one array read of the document."""
    lower_pos = doc.to_array([LOWER, POS])
    wanted = {get_string_id(w) for w in pronouns}
    return [i for i, (low, pos) in enumerate(lower_pos.tolist()) if pos == PRON and low in wanted]


def _names_person(root: Token) -> bool:
    """Whether a chunk may name a person whom a later bare name refers back to: such
    chunks are resolved in document order, the rest only when needed."""
    return root.ent_type_ == "PERSON" or any(dep == "appos" and c.ent_type_ == "PERSON" for dep, c in labelled_children(root))


def _title_gender(chunk: Span, titles: dict[str, str]) -> str | None:
    return next((titles[t.lower_] for t in chunk if t.lower_ in titles), None)


def _acting_people(anaphor: Anaphor, chunk: Span) -> bool:
    """People who are the subject of their clause ("He met von der Leyen, and *the two
    leaders* signed"): those just named, in the same sentence too. As an object ("said
    he had spoken to *both leaders*") they are others than whoever names them."""
    return anaphor.kind == PERSON and chunk.root.dep_ in NOMINAL_SUBJECT_DEPS


def _fits(entry: _Entry, anaphor: Anaphor) -> bool:
    """Whether a mention can be the description's antecedent; one that stands for
    several ("urged *them*") only as a whole, for as many ("both sides")."""
    if len(entry.actors) > 1 and len({a.code for a in entry.actors}) != anaphor.count:
        return False
    return all(_fits_actor(entry, actor, anaphor) for actor in entry.actors)


def _fits_actor(entry: _Entry, actor: Actor, anaphor: Anaphor) -> bool:
    if anaphor.kind == PARTY:  # ("the warring parties": of the roles that fight)
        return (actor.country is not None or entry.kind in (IGO, GROUP)) and (
            not anaphor.roles or actor.role in anaphor.roles)
    if anaphor.kind == SPOKESBODY:
        return entry.kind in (IGO, GROUP, COUNTRY) and (actor.country is not None or entry.org is not None)
    if anaphor.kind == COUNTRY:
        return entry.kind == COUNTRY and actor.country is not None and actor.role in (None, "GOV")
    # an organisation's titled officer is a person too: "EU Commission *President* von der Leyen"
    officer = anaphor.kind == PERSON and entry.kind in (IGO, GROUP) and bool(entry.titles)
    # fighters named by role are a group: "Islamic State-linked *insurgents* ... *The militants* stormed"
    fighters = anaphor.kind == GROUP and entry.kind == ROLE and bool(anaphor.roles) and actor.role in anaphor.roles
    if entry.kind != anaphor.kind and not officer and not fighters:
        return False
    if anaphor.ids and entry.org not in anaphor.ids:
        return False
    return not anaphor.roles or actor.role in anaphor.roles


def _gerund_phrase(token: Token) -> bool:
    """A preposition with a gerund, which says what someone did, not who they are: the
    parser hangs "accused both sides *of blocking* convoys" on the object."""
    return token.dep_ == "prep" and any(c.dep_ == "pcomp" for c in children_of(token))


def _in_key(token: Token, chunk: Span) -> bool:
    """A compound inside the chunk is part of the description ("the prime minister")."""
    return token.dep_ == "compound" and chunk.start <= token.i < chunk.end


def _bracketed_acronym(token: Token) -> bool:
    """ "(PTI)", "(RSF)": an upper-case short name between brackets."""
    doc, text = token.doc, token.text
    # the token's own text first: the brackets around it are the dearer look-ups
    return (2 <= len(text) <= 8 and text.isupper() and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")")


def _name_key(token: Token, full: bool) -> tuple[str, ...]:
    """Words of the name around `token` (full) or its last word (surname): the PERSON
    entity, else the proper noun with its proper-noun compounds (a later "İmamoğlu" the
    small model does not tag)."""
    doc = token.doc
    if token.ent_type_ == "PERSON":
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    elif token.pos_ == "PROPN":
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        end = token.i + 1
    else:
        return ()
    toks = [t for t in doc[start:end] if t.tag_ != "POS"]
    if not toks:
        return ()
    if full:
        return ("=",) + tuple(w for t in toks for w in words(t.text))
    return words(toks[-1].text)


def _without_det(chunk: Span, articles: frozenset[str]) -> Span:
    start = chunk.start
    while start < chunk.end - 1 and chunk.doc[start].lower_ in articles:
        start += 1
    return chunk.doc[start : chunk.end]
