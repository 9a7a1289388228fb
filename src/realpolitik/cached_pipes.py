"""Two of the model's rule components, giving the same annotations for less.

spaCy's ``AttributeRuler`` runs a ``Matcher`` with about 180 patterns over
every token: a third of the first pass, more than the tagger. Nearly all of
those patterns test one token on its form and its tags, so every token with
the same form and tags matches the same rules. ``CachedAttributeRuler`` asks
the ``Matcher`` once per such kind of token and remembers the answer, with
what the matched rules leave on such a token, which it writes back as arrays.
Patterns of several tokens, or on attributes a kind does not fix, still go
through a ``Matcher`` of their own; where one may match, the
``AttributeRuler``'s own code applies all matches in its order. Either way the
annotations are the model's.

The rule lemmatizer sets lemmas one ``Token`` at a time and caches no word
that is already a base form, which is most of them. ``CachedLemmatizer``
reads form, POS and morphology as arrays, lemmatises each new kind of token
once with the model's own rules, and writes the lemmas back in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy
from numpy.typing import NDArray
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.types import Ints2d

#: Attributes of the word form itself: equal forms have equal values.
LEXICAL = frozenset({
    "ORTH", "TEXT", "LOWER", "SHAPE", "LENGTH", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT",
    "IS_SPACE", "IS_TITLE", "IS_UPPER", "IS_LOWER", "LIKE_NUM",
})
#: Annotations a kind of token is keyed on and a stand-in token can carry.
ANNOTATED = ("TAG", "POS", "MORPH", "LEMMA")
#: What the rules may set through arrays; a rule that sets anything else is applied by
#: the ``AttributeRuler``'s own code.
SETTABLE = (TAG, POS, MORPH, LEMMA)
#: The match key of the first tokens of patterns of several tokens.
OPENER = "opener"
#: Known kinds at most, before a memory is cleared (a long run meets new words forever):
#: a few hundred bytes each, and news reuses far fewer.
MAX_KINDS = 50_000

Match = tuple[int, int, int, int]
#: For each token, the position of its kind in a document's list of kinds.
Positions = numpy.ndarray[tuple[int], numpy.dtype[numpy.intp]]
Pattern = list[dict[int | str, Any]]
#: The same, as ``Matcher.add`` types it (the ruler's keys may be attribute IDs too).
MatcherPatterns = list[list[dict[str, Any]]]


def _distinct_rows(rows: NDArray[Any]) -> tuple[list[tuple[int, ...]], Positions, list[int]]:
    """The distinct rows of a token-attribute array, for each token the position of its
    row among them, and for each row a token that has it."""
    keys = list(zip(*rows.T.tolist(), strict=True))
    distinct = {key: position for position, key in enumerate(dict.fromkeys(keys))}
    where = numpy.fromiter(map(distinct.__getitem__, keys), dtype=numpy.intp, count=len(keys))
    holder = numpy.zeros(len(distinct), dtype=numpy.intp)
    holder[where] = numpy.arange(len(keys))
    return list(distinct), where, holder.tolist()


def _is_single(pattern: Pattern, index: int) -> bool:
    """A pattern of one token, on its form and tags only, whose rule sets that token."""
    if len(pattern) != 1 or index not in (0, -1):
        return False
    return all(key in LEXICAL or key in ANNOTATED or key == "DEP" for key in pattern[0])


@dataclass(frozen=True, slots=True)
class _Kind:
    """What the one-token rules do to every token of one kind.

    ``rules`` holds the (rule index, match key) of each rule it matches;
    ``opens`` says whether a pattern of several tokens may start at it.
    ``values`` is what those rules leave in each column of ``SETTABLE``, and
    ``written`` which columns they write; None when one sets something else.
    """

    rules: tuple[tuple[int, int], ...]
    opens: bool
    values: tuple[int, ...]
    written: tuple[bool, ...] | None


class CachedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that matches one-token patterns once per kind of token.

    A kind is a word form with its tag annotations (those the patterns test)
    and, on a parsed document, its dependency label; a document whose tokens
    carry dependency labels is matched the plain way, since a stand-in token
    cannot carry one without a tree. A document where no pattern of several
    tokens can start gets its annotations through arrays; any other through
    the ``AttributeRuler``'s own code.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset()

    def _reset(self) -> None:
        self._single = Matcher(self.vocab, validate=self.validate)
        self._several = Matcher(self.vocab, validate=self.validate)
        self._openers = Matcher(self.vocab, validate=self.validate)
        self._annotated: list[str] = []
        self._tests_dep = False
        self._opens_anywhere = False
        self._kinds: dict[tuple[int, ...], _Kind] = {}
        self._results: dict[_Kind, _Kind] = {}

    def clear(self) -> None:
        super().clear()
        self._reset()

    def add(self, patterns: Iterable[Pattern], attrs: dict[str, Any], index: int = 0) -> None:
        patterns = list(patterns)
        super().add(patterns, attrs, index)
        key = self.vocab.strings[str(len(self.attrs) - 1)]
        single = [pattern for pattern in patterns if _is_single(pattern, index)]
        several = [pattern for pattern in patterns if not _is_single(pattern, index)]
        if single:
            self._single.add(key, cast(MatcherPatterns, single))
        if several:
            self._several.add(key, cast(MatcherPatterns, several))
        # A pattern of several tokens starts where its first token matches, unless that
        # token is optional or tests what a stand-in token cannot show.
        openers = [pattern[:1] for pattern in several]
        if any(not _is_single(opener, 0) for opener in openers):
            self._opens_anywhere = True
        elif openers:
            self._openers.add(OPENER, cast(MatcherPatterns, openers))
        tested = {name for pattern in single + openers for name in pattern[0]}
        self._annotated = [name for name in ANNOTATED if name in tested or name in self._annotated]
        self._tests_dep = self._tests_dep or "DEP" in tested
        self._kinds.clear()
        self._results.clear()

    def __call__(self, doc: Doc) -> Doc:
        found = self._kinds_of(doc)
        if found is None or self._opens_anywhere:
            return super().__call__(doc)
        positions, kinds = found
        if any(kind.opens or kind.written is None for kind in kinds):
            matches = self._matches(doc, positions, kinds)
            self.set_annotations(doc, matches)  # type: ignore[no-untyped-call]
            return doc
        shape = (len(kinds), len(SETTABLE))
        table = numpy.array([kind.values for kind in kinds], dtype=numpy.uint64).reshape(shape)
        is_set = numpy.array([kind.written for kind in kinds], dtype=bool).reshape(shape)
        values = numpy.where(is_set[positions], table[positions], doc.to_array(list(SETTABLE)))
        written = cast(list[bool], is_set.any(axis=0).tolist())
        if any(written):
            attrs = [attr for attr, used in zip(SETTABLE, written, strict=True) if used]
            doc.from_array(attrs, cast(Ints2d, numpy.ascontiguousarray(values[:, written])))
        return doc

    def match(self, doc: Doc) -> list[Match]:
        """The same matches as ``AttributeRuler.match``, sorted the same way."""
        found = self._kinds_of(doc)
        if found is None:
            return cast(list[Match], super().match(doc))
        return self._matches(doc, *found)

    def _matches(self, doc: Doc, positions: Positions, kinds: list[_Kind]) -> list[Match]:
        strings = self.vocab.strings
        matches = [
            (rule, match_id, i, i + 1) for i, position in enumerate(positions.tolist())
            for rule, match_id in kinds[position].rules
        ]
        found = self._several(doc, allow_missing=True, as_spans=False)
        matches.extend((int(strings[m]), m, start, end) for m, start, end in found)
        matches.sort()
        return matches

    def _kinds_of(self, doc: Doc) -> tuple[Positions, list[_Kind]] | None:
        """The kinds of ``doc``'s tokens, once each, and where each token's is in that
        list; None for a parsed doc whose labels the patterns test."""
        if self._tests_dep and doc.has_annotation("DEP"):
            return None
        columns = [ORTH, *(IDS[name] for name in self._annotated)]
        keys, where, _ = _distinct_rows(doc.to_array(columns))
        new = [key for key in keys if key not in self._kinds]
        if len(self._kinds) + len(new) > MAX_KINDS:
            self._kinds.clear()
            new = keys
        if new:
            self._learn(new)
        return where, list(map(self._kinds.__getitem__, keys))

    def _learn(self, keys: Sequence[tuple[int, ...]]) -> None:
        """Match one stand-in token of each new kind, all in one document."""
        strings = self.vocab.strings
        stand_ins = Doc(self.vocab, words=[strings[key[0]] for key in keys])
        if self._annotated:
            values = numpy.array([key[1:] for key in keys], dtype=numpy.uint64)
            stand_ins.from_array([IDS[name] for name in self._annotated], cast(Ints2d, values))
        rules: list[list[tuple[int, int]]] = [[] for _ in keys]
        for match_id, start, _ in self._single(stand_ins, allow_missing=True, as_spans=False):
            rules[start].append((int(strings[match_id]), match_id))
        opens = {start for _, start, _ in self._openers(stand_ins, allow_missing=True,
                                                           as_spans=False)}
        for i, key in enumerate(keys):
            matched = tuple(sorted(rules[i]))
            kind = _Kind(matched, i in opens, *self._settings(matched))
            # A hundred or so distinct kinds of result: one object each, whatever the words.
            self._kinds[key] = self._results.setdefault(kind, kind)

    def _settings(
        self, rules: tuple[tuple[int, int], ...]
    ) -> tuple[tuple[int, ...], tuple[bool, ...] | None]:
        """What ``rules``, applied in order, leave in the columns of ``SETTABLE``, and
        which columns they write (None when one sets something else)."""
        values = [0] * len(SETTABLE)
        written = [False] * len(SETTABLE)
        for rule, _ in rules:
            for attr, value in self.attrs[rule].items():
                if attr not in SETTABLE:
                    return tuple(values), None
                values[SETTABLE.index(attr)] = value
                written[SETTABLE.index(attr)] = True
        return tuple(values), tuple(written)


class CachedLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, run once per kind of token (form, POS, morphology).

    Those three are all its rules read; spaCy's own cache is keyed on them too.
    Like the model's, it leaves a lemma the attribute rules set, unless told to
    overwrite.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, ...], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(rows[:, 3] == 0)
        if len(self._lemmas) > MAX_KINDS:
            self._lemmas.clear()
        kinds, where, holders = _distinct_rows(rows[todo, :3])
        lemmas = list(map(self._lemmas.get, kinds))
        for position, lemma in enumerate(lemmas):
            if lemma is None:
                token = doc[int(todo[holders[position]])]
                lemma = self.vocab.strings.add(self.lemmatize(token)[0])
                lemmas[position] = self._lemmas[kinds[position]] = lemma
        rows[todo, 3] = numpy.array(lemmas, dtype=numpy.uint64)[where]
        doc.from_array([LEMMA], cast(Ints2d, numpy.ascontiguousarray(rows[:, 3:])))
        return doc


@Language.factory("realpolitik_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    """What ``speed_up`` swaps the model's ruler for (its patterns copied over)."""
    return CachedAttributeRuler(nlp.vocab, name)


@Language.factory(
    "realpolitik_lemmatizer", default_config={"mode": "rule", "overwrite": False}
)
def make_cached_lemmatizer(
    nlp: Language, name: str, mode: str, overwrite: bool
) -> CachedLemmatizer:
    """What ``speed_up`` swaps the model's lemmatizer for (its tables copied over)."""
    return CachedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def speed_up(nlp: Language) -> None:
    """Swap the model's attribute ruler and rule lemmatizer for the cached ones above."""
    rules = cast(AttributeRuler, nlp.get_pipe("attribute_ruler")).patterns
    ruler = nlp.replace_pipe("attribute_ruler", "realpolitik_attribute_ruler")
    cast(CachedAttributeRuler, ruler).add_patterns(rules)
    model = cast(EnglishLemmatizer, nlp.get_pipe("lemmatizer"))
    if type(model) is not EnglishLemmatizer or model.mode != "rule":
        return
    config = {"mode": model.mode, "overwrite": model.overwrite}
    lemmatizer = nlp.replace_pipe("lemmatizer", "realpolitik_lemmatizer", config=config)
    cast(CachedLemmatizer, lemmatizer).initialize(lookups=model.lookups)
