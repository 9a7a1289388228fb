"""Two of the model's rule components, giving the same annotations for less.

spaCy's ``AttributeRuler`` runs a ``Matcher`` with about 180 patterns over
every token: a third of the first pass, more than the tagger. Nearly all of
those patterns test one token on its form and its tags, so every token with
the same form and tags matches the same rules. ``CachedAttributeRuler`` asks
the ``Matcher`` once per such kind of token and remembers the answer;
patterns of several tokens, or on attributes a kind does not fix, still go
through a ``Matcher`` of their own. The matches are then applied by the
``AttributeRuler``'s own code, in its order, so the annotations are the same.

The rule lemmatizer sets lemmas one ``Token`` at a time and caches no word
that is already a base form, which is most of them. ``CachedLemmatizer``
reads form, POS and morphology as arrays, lemmatises each new kind of token
once with the model's own rules, and writes the lemmas back in one go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
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
#: Known kinds at most, before a memory is cleared (a long run meets new words forever).
MAX_KINDS = 200_000

Match = tuple[int, int, int, int]
Pattern = list[dict[int | str, Any]]
#: The same, as ``Matcher.add`` types it (the ruler's keys may be attribute IDs too).
MatcherPatterns = list[list[dict[str, Any]]]


def _is_single(pattern: Pattern, index: int) -> bool:
    """A pattern of one token, on its form and tags only, whose rule sets that token."""
    if len(pattern) != 1 or index not in (0, -1):
        return False
    return all(key in LEXICAL or key in ANNOTATED or key == "DEP" for key in pattern[0])


class CachedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that matches one-token patterns once per kind of token.

    A kind is a word form with its tag annotations (those the patterns test)
    and, on a parsed document, its dependency label; a document whose tokens
    carry dependency labels is matched the plain way, since a stand-in token
    cannot carry one without a tree.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset()

    def _reset(self) -> None:
        self._single = Matcher(self.vocab, validate=self.validate)
        self._several = Matcher(self.vocab, validate=self.validate)
        self._annotated: list[str] = []
        self._tests_dep = False
        self._kinds: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

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
        tested = {name for pattern in single for name in pattern[0]}
        self._annotated = [name for name in ANNOTATED if name in tested or name in self._annotated]
        self._tests_dep = self._tests_dep or "DEP" in tested
        self._kinds.clear()

    def match(self, doc: Doc) -> list[Match]:
        """The same matches as ``AttributeRuler.match``, sorted the same way."""
        if self._tests_dep and doc.has_annotation("DEP"):
            return cast(list[Match], super().match(doc))
        columns = [ORTH, *(IDS[name] for name in self._annotated)]
        kinds = [tuple(row) for row in doc.to_array(columns).tolist()]
        new = [kind for kind in dict.fromkeys(kinds) if kind not in self._kinds]
        if len(self._kinds) + len(new) > MAX_KINDS:
            self._kinds.clear()
            new = list(dict.fromkeys(kinds))
        if new:
            self._learn(new)
        strings = self.vocab.strings
        matches = [
            (rule, match_id, i, i + 1) for i, kind in enumerate(kinds)
            for rule, match_id in self._kinds[kind]
        ]
        found = self._several(doc, allow_missing=True, as_spans=False)
        matches.extend((int(strings[m]), m, start, end) for m, start, end in found)
        matches.sort()
        return matches

    def _learn(self, kinds: Sequence[tuple[int, ...]]) -> None:
        """Match one stand-in token of each new kind, all in one document."""
        strings = self.vocab.strings
        stand_ins = Doc(self.vocab, words=[strings[kind[0]] for kind in kinds])
        if self._annotated:
            values = numpy.array([kind[1:] for kind in kinds], dtype=numpy.uint64)
            stand_ins.from_array([IDS[name] for name in self._annotated], cast(Ints2d, values))
        rules: list[list[tuple[int, int]]] = [[] for _ in kinds]
        for match_id, start, _ in self._single(stand_ins, allow_missing=True, as_spans=False):
            rules[start].append((int(strings[match_id]), match_id))
        self._kinds.update(zip(kinds, map(tuple, rules), strict=True))


class CachedLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, run once per kind of token (form, POS, morphology).

    Those three are all its rules read; spaCy's own cache is keyed on them too.
    Like the model's, it leaves a lemma the attribute rules set, unless told to
    overwrite.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        if len(self._lemmas) > MAX_KINDS:
            self._lemmas.clear()
        strings = self.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            kind = (orth, pos, morph)
            found = self._lemmas.get(kind)
            if found is None:
                found = self._lemmas[kind] = strings.add(self.lemmatize(doc[i])[0])
            rows[i, 3] = found
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
