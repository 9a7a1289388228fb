"""Find the event cues of a sentence: which tokens name an act, and which CAMEO code.

This is the "find" half of the events stage. It only looks at lemmas and the
dependency tree around a candidate token, so it never codes a sentence that
has no cue: there is no default code.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from realpolitik.errors import KnowledgeError
from realpolitik.events.constructions import construction_words
from realpolitik.events.dates import date_words
from realpolitik.events.lexicon import Cue, IntentFamily, Lexicon, restored_lemma

VERB_TAGS = frozenset({"VERB"})
NOUN_TAGS = frozenset({"NOUN"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
EMBEDDING_DEPS = frozenset({"xcomp", "ccomp"})
ADVERB_PARTICLES = frozenset({"down", "up", "out", "off", "back"})
RESULT_PARTICLES = frozenset({"free", "loose"})
RESULT_DEPS = frozenset({"ccomp", "xcomp", "acomp", "oprd", "advmod", "advcl"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
MODIFYING_PREPS = frozenset({"of", "in"})
MEANS_PREPS = frozenset({"in", "with", "by", "during", "through"})
# Prepositions that set an act in another act or a circumstance, never name what it acts
# on: "the worst attack in the current uprising", "suspended aid in protest at ...".
SETTING_PREPS = frozenset({"in", "during", "amid"})
VIOLENT_ROOTS = frozenset({"18", "19"})
ACCUSE_FAMILY = "accuse"
CLAIM_OF_DEED = "015"
STATEMENT_ROOT = "01"
PLAIN_STATEMENT = "010"
# The parser labels "to" in "provide support to Israel" a dative: it is the cue's preposition.
PREP_DEPS = frozenset({"prep", "prt", "agent", "dative"})


MODALS_FILE = "modal_demands.yaml"


@cache
def _obligation_data() -> dict[str, dict[str, str]]:
    """The modal and obliging-verb maps; a broken file is a knowledge error naming it."""
    text = resources.files("realpolitik.events.data").joinpath(MODALS_FILE).read_text()
    try:
        data = yaml.safe_load(text)
        return {key: {str(word): str(family) for word, family in data[key].items()}
                for key in ("modals", "obliging_verbs")}
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        raise KnowledgeError(
            f"events/data/{MODALS_FILE}: needs 'modals' and 'obliging_verbs' maps of word to "
            f"family ({error})",
            code="E319",
        ) from error


def modal_families() -> dict[str, str]:
    """Modal word → the family a statement with that modal in its clause belongs to."""
    return _obligation_data()["modals"]


def _obliging_family(clause: Token) -> str | None:
    """"Japan needs to enact reforms": an obliging verb with an infinitive.

    Not under a modal: "NATO would need to remain" predicts, it does not ask.
    """
    family = _obligation_data()["obliging_verbs"].get(clause.lemma_.lower())
    if any(child.dep_ == "aux" and child.tag_ == "MD" for child in clause.children):
        return None
    has_infinitive = any(
        child.dep_ == "xcomp" and any(aux.lower_ == "to" for aux in child.children)
        for child in clause.children
    )
    return family if has_infinitive else None


def _obliged_clause(statement: Token) -> tuple[Token, str] | None:
    """The reported clause telling another actor what it must do, and the modal's family."""
    for clause in statement.children:
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if clause.dep_ != "ccomp" or subject is None or _speaker_itself(subject):
            continue
        for aux in clause.children:
            family = modal_families().get(aux.lower_) if aux.dep_ == "aux" else None
            if family is not None:
                return clause, family
        family = _obliging_family(clause)
        if family is not None:
            return clause, family
    return None


@dataclass(slots=True)
class CueMatch:
    """A token that carries an event, with the cue that matched it.

    ``light`` is the light verb ("held talks", "launched an attack") whose
    subject is the nominal event's source; ``governor`` and ``family`` are set
    when the act is an intent, appeal, demand, refusal or threat about an
    embedded act ("agreed to meet", "urged Iran to release").
    """

    token: Token
    cue: Cue
    light: Token | None = None
    governor: Token | None = None
    family: IntentFamily | None = None
    embedded: CueMatch | None = None


def _governed_code(embedded: CueMatch | None, governor: Token) -> str | None:
    """The embedded act's code as its governor sees it: an act a cessation verb ends
    between them is its de-escalation ("agreed to halt fighting")."""
    if embedded is None:
        return None
    code = embedded.cue.code
    words = construction_words()
    node = embedded.token.head
    while node.i != governor.i and node.head.i != node.i:
        if node.lemma_.lower() in words.cessation_verbs:
            return words.ceased_codes.get(code[:2], code)
        node = node.head
    return code


def _own_deed(act: Token) -> bool:
    """The reported act's subject is a pronoun, as a speaker names its own deed."""
    return any(
        child.dep_ == "nsubj" and child.lower_ in construction_words().speaker_pronouns
        for child in act.children
    )


def _particle(token: Token) -> str | None:
    """The verb's particle; the parser labels some ("stepped down") as adverbs, and the
    result word of "let free", "set free" as a clause of its own."""
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in ADVERB_PARTICLES):
            return child.lower_
        if child.dep_ in RESULT_DEPS and child.lower_ in RESULT_PARTICLES:
            return child.lower_
        # "let free six workers": the parser hangs "free" on the object as its adjective.
        if child.dep_ == "dobj" and any(
            mod.i == token.i + 1 and mod.lower_ in RESULT_PARTICLES for mod in child.children
        ):
            return token.nbor().lower_
    for child in token.children:
        # "forced the agency out of the country": "out of" is parsed as a preposition.
        if child.dep_ == "prep" and child.lower_ == "out" and child.i > token.i + 1:
            return child.lower_
    return None


def _object_lemmas(token: Token, preps: tuple[str, ...]) -> set[str]:
    """Lemmas a cue's ``object`` constraint may match: the object and its modifiers."""
    lemmas: set[str] = set()
    # "25,000 tons of food aid": the measured thing is the object too.
    heads = [child for child in token.children if child.dep_ in OBJECT_DEPS]
    # "will not accept refugees fleeing violence", parsed as a clause "refugees fleeing".
    heads += [subject for clause in token.children if clause.dep_ == "ccomp"
              and clause.tag_ == "VBG" for subject in clause.children if subject.dep_ == "nsubj"]
    if token.dep_ in {"relcl", "acl"} and token.tag_ == "VBN":
        heads.append(token.head)
    for child in token.children:
        if child.dep_ == "prep" and (
            child.lower_ in preps if preps else child.lower_ not in SETTING_PREPS
        ):
            heads.extend(gc for gc in child.children if gc.dep_ == "pobj")
        if child.dep_ in EMBEDDING_DEPS and child.pos_ == "NOUN":
            heads.append(child)
    heads += [gc for head in heads
              if _is_measure(head) or head.lemma_.lower() in construction_words().movement_nouns
              for child in head.children
              if child.lower_ == "of" for gc in child.children if gc.dep_ == "pobj"]
    # "$500 million in aid", "$3 billion in loans": the amount is of what follows "in".
    heads += [gc for head in heads if head.like_num for child in head.children
              if child.lower_ == "in" for gc in child.children if gc.dep_ == "pobj"]
    # "rejected an offer for talks", "accepted calls for a ceasefire": what is offered.
    heads += [gc for head in heads if head.dep_ == "dobj" for child in head.children
              if child.lower_ == "for" for gc in child.children if gc.dep_ == "pobj"]
    # "the Malaysia Airlines Boeing, flight MH17": an apposition names the object again.
    heads += [child for head in heads for child in head.children if child.dep_ == "appos"]
    for head in heads:
        for item in (head, *head.conjuncts):
            lemmas.add(item.lemma_.lower())
            modifiers = [mod for mod in item.children
                         if mod.dep_ in {"compound", "amod"} and not _is_so_called(mod)]
            lemmas.update(mod.lemma_.lower() for mod in modifiers)
            # "cease-fire" is the tokeniser's split of "ceasefire".
            lemmas.update(f"{mod.lower_}{item.lemma_.lower()}" for mod in modifiers
                          if mod.i + 2 == item.i and mod.nbor().text == "-")
    return lemmas


def _is_so_called(modifier: Token) -> bool:
    """"so-called camps" names the camps; it is no call."""
    return modifier.lower_ == "called" and any(child.lower_ == "so" for child in modifier.children)


def _is_measure(noun: Token) -> bool:
    """A counted quantity ("25,000 tons", "thousands") or a share ("part of a
    stronghold") rather than a thing in itself."""
    return (
        noun.like_num
        or noun.lemma_.lower() in construction_words().measure_nouns
        or any(child.dep_ == "nummod" for child in noun.children)
    )


def _prep_lemmas(token: Token) -> set[str]:
    """Prepositions around the cue, less those that only say when ("called on Tuesday")."""
    found = {child.lower_ for child in token.children
             if child.dep_ in PREP_DEPS and not _says_when(child)}
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            found.update(gc.lower_ for gc in child.children
                         if gc.dep_ == "prep" and not _says_when(gc))
    return found


def _says_when(prep: Token) -> bool:
    """A phrase of time: a DATE or TIME entity, or a weekday or month named where the
    entity recogniser did not run ("Erdogan called Putin on Tuesday")."""
    words = date_words()
    return any(
        obj.dep_ == "pobj" and (
            obj.ent_type_ in TIME_ENTITIES or obj.lower_ in words.weekdays
            or (obj.lower_ in words.months and obj.pos_ == "PROPN")
        )
        for obj in prep.children
    )


def _modifier_lemmas(noun: Token) -> set[str]:
    """A noun cue's ``objects`` are its own modifiers ("hunger strike", "air strike"), and
    what its "of" or "in" phrase names ("a suspension of aid", "a cut in aid" are aid cuts)."""
    lemmas = {child.lemma_.lower() for child in noun.children if child.dep_ in NOUN_MODIFIER_DEPS}
    named = [grandchild for child in noun.children
             if child.dep_ == "prep" and child.lower_ in MODIFYING_PREPS
             for grandchild in child.children if grandchild.dep_ == "pobj"]
    for thing in named:
        lemmas.add(thing.lemma_.lower())
        lemmas.update(child.lemma_.lower() for child in thing.children
                      if child.dep_ in NOUN_MODIFIER_DEPS)
    return lemmas


def _cue_fits(
    cue: Cue, token: Token, particle: str | None, objects: dict[tuple[str, ...], set[str]]
) -> bool:
    if cue.particle and cue.particle != particle:
        return False
    if cue.preps and not set(cue.preps) & _prep_lemmas(token):
        return False
    if not cue.objects:
        return True
    if cue.pos == "noun":
        return bool(cue.objects & _modifier_lemmas(token))
    if cue.preps not in objects:
        objects[cue.preps] = _object_lemmas(token, cue.preps)
    return bool(cue.objects & objects[cue.preps])


def best_cue(cues: list[Cue], token: Token) -> Cue | None:
    """The most specific cue whose constraints hold around ``token``."""
    particle = _particle(token)
    # A lemma's cues share few preposition sets: read each one's objects once.
    objects: dict[tuple[str, ...], set[str]] = {}
    for cue in cues:
        if _cue_fits(cue, token, particle, objects):
            return cue
    return None


def embedded_clauses(governor: Token) -> list[Token]:
    """The clauses a governor embeds an act in.

    Besides its xcomp and ccomp, a "for ... to" clause, which the parser hangs
    as an adverbial clause: "called for Burma to institute reforms".
    """
    return [
        child for child in governor.children
        if child.dep_ in EMBEDDING_DEPS
        or (child.dep_ == "advcl" and any(
            mark.dep_ == "mark" and mark.lower_ == "for" for mark in child.children
        ))
    ]


def asks_as_it_should(governor: Token, lemma: str) -> bool:
    """A governor that asks only through a preposition ("called on", "called for") has one."""
    needed = construction_words().governor_preps.get(lemma)
    if needed is None:
        return True
    marks = [mark for clause in governor.children if clause.dep_ == "advcl"
             for mark in clause.children if mark.dep_ == "mark"]
    preps = (c for c in governor.children if c.dep_ in {"prep", "prt"} and not _says_when(c))
    return any(word.lower_ in needed for word in (*marks, *preps))


def _asks_another(governor: Token, noun: Token | None = None) -> bool:
    """"wants Germany to pay" asks someone else to act; "wants to pay" intends to; so does
    a wish noun's clause with a subject of its own ("expressed his wish that Saudi Arabia
    would help").

    Holds whether or not the embedded act has a cue of its own.
    """
    if noun is not None:
        return any(
            child.dep_ == "nsubj" and not _speaker_itself(child)
            for clause in _request_clauses(noun) if clause.pos_ in ("VERB", "AUX")
            for child in clause.children
        )
    clause = next(iter(embedded_clauses(governor)), None)
    if clause is None:
        return False
    if any(child.dep_ == "dobj" for child in governor.children):
        return clause.dep_ == "xcomp"
    return any(child.dep_ == "nsubj" and not _speaker_itself(child) for child in clause.children)


def _speaker_itself(subject: Token) -> bool:
    """"agreed that their countries should cooperate", "said it must defend itself":
    a pronoun subject, or one a pronoun possesses, is the speaker again, not another."""
    return subject.pos_ == "PRON" or any(
        child.dep_ == "poss" and child.pos_ == "PRON" for child in subject.children
    )


def _is_predicate(token: Token) -> bool:
    """Verbs, a main-clause "be", and predicate adjectives ("was pessimistic about")."""
    return (
        token.pos_ in VERB_TAGS
        or (token.pos_ == "AUX" and token.dep_ == "ROOT")
        or (token.pos_ == "ADJ" and token.dep_ == "acomp")
    )


def _can_govern(token: Token) -> bool:
    """Verbs govern embedded acts, and so do intent adjectives ("is ready to send")."""
    return token.pos_ in VERB_TAGS or (token.pos_ == "ADJ" and token.dep_ == "acomp")


def _has_complement(token: Token) -> bool:
    return bool(embedded_clauses(token)) or any(child.dep_ == "dobj" for child in token.children)


def _family_cue(code: str, governor: Token) -> Cue:
    """A cue made on the fly for an intent/appeal/threat construction."""
    return Cue(
        code=code,
        lemma=governor.lemma_.lower(),
        pos="verb",
        particle=None,
        objects=frozenset(),
        preps=(),
        target="dobj",
        source_preps=(),
        target_preps=(),
        specificity=1,
    )


def verb_lemma(token: Token, lexicon: Lexicon) -> str:
    """The token's lemma, repaired where the lemmatiser cut a final "e" off a cue,
    a light verb or a governor ("staged", "hopes")."""
    return restored_lemma(token, lambda lemma: (
        lexicon.is_cue_lemma(lemma) or lemma in lexicon.light_verbs
        or lexicon.family_of(lemma) is not None
    ))


def _request_clauses(noun: Token) -> list[Token]:
    """The act a request noun asks for: its clause ("demand that X ease") or the
    object of its "for"/"to" ("call for the release", "pledge to withdraw")."""
    clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp"}]
    clauses += [gc for c in noun.children if c.dep_ == "prep" and c.lower_ in {"for", "to"}
                for gc in c.children if gc.dep_ == "pobj"]
    return clauses


def _light_verb_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb a nominal act hangs from: its object ("held talks") or, for
    "engaged in ethnic cleansing", "took part in the attack", the object of its "in"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in":
        head = head.head
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    return head if verb_lemma(head, lexicon) in lexicon.light_verbs else None


def _adopt_means(nouns: list[CueMatch], verbs: dict[int, CueMatch]) -> None:
    """"killed three soldiers in a suicide bombing" is a suicide bombing.

    A violent verb says what happened to whom; the nominal act it was done
    "in" or "with" often says how, with the more specific CAMEO code. So does
    a modified noun after a light verb ("carried out a suicide bombing"). The
    verb keeps its actors and takes that code; the noun then only restates it.
    """
    for match in nouns:
        verb = _verb_refined_by(match, verbs)
        code = match.cue.code
        if verb is not None and len(code) >= len(verb.cue.code) and code != verb.cue.code:
            verb.cue = replace(verb.cue, code=code, objects=match.cue.objects or verb.cue.objects)


def _verb_refined_by(noun: CueMatch, verbs: dict[int, CueMatch]) -> CueMatch | None:
    """The violent verb a nominal act says the manner of: "killed ... in a suicide
    bombing", "carried out a suicide bombing", or "a roadside bombing killed ..."."""
    token = noun.token
    if noun.light is not None and noun.cue.objects and token.dep_ == "dobj":
        return verbs.get(noun.light.i)
    if token.dep_ == "nsubj":
        verb = verbs.get(token.head.i)
    elif token.dep_ == "pobj" and token.head.lower_ in MEANS_PREPS:
        verb = verbs.get(token.head.head.i)
    else:
        return None
    if verb is None or {verb.cue.code[:2], noun.cue.code[:2]} - VIOLENT_ROOTS:
        return None
    return verb


def _acknowledges(verb: Token) -> bool:
    """A finite that-clause: a fact is recognised. The parser often takes the clause's
    subject for the verb's object ("recognizes a bailout is the only way")."""
    return any(
        child.dep_ == "ccomp" and (child.tag_ in FINITE_TAGS or any(
            inner.dep_ in {"nsubj", "nsubjpass"} for inner in child.children))
        for child in verb.children
    )


class CueFinder:
    """Matches the lexicon's verb and noun cues against one parsed sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def verb_match(self, token: Token) -> CueMatch | None:
        lemma = verb_lemma(token, self.lexicon)
        if lemma in construction_words().fact_verbs and _acknowledges(token):
            return None
        cue = best_cue(self.lexicon.verb_cues(lemma), token)
        return CueMatch(token, cue) if cue else None

    def noun_match(self, token: Token) -> CueMatch | None:
        cue = best_cue(self.lexicon.noun_cues(token.lemma_.lower()), token)
        if cue is None:
            return None
        return CueMatch(token, cue, light=_light_verb_of(token, self.lexicon))

    def find(self, sent: Span) -> list[CueMatch]:
        """Every cue in ``sent``; embedded acts hang under their governors."""
        verbs: dict[int, CueMatch] = {}
        nouns: list[CueMatch] = []
        # One Token object per word, shared by both walks over the sentence.
        tokens = list(sent)
        for token in tokens:
            if _is_predicate(token):
                match = self.verb_match(token)
                if match:
                    verbs[token.i] = match
            elif (
                token.pos_ in NOUN_TAGS
                and token.dep_ != "compound"
                and self.lexicon.noun_cues(token.lemma_.lower())
            ):
                match = self.noun_match(token)
                if match:
                    nouns.append(match)
        _adopt_means(nouns, verbs)
        matches = [*verbs.values(), *self._nouns_not_covered(nouns, verbs)]
        return self._attach_families(tokens, matches)

    def _nouns_not_covered(
        self, nouns: list[CueMatch], verbs: dict[int, CueMatch]
    ) -> list[CueMatch]:
        """Drop a noun cue that only restates its verb's act ("imposed sanctions")."""
        kept = []
        acts = {match.token.i for match in nouns}
        for match in nouns:
            head = match.token.head
            if head.dep_ == "prep" and head.lower_ in SETTING_PREPS and head.head.i in acts:
                # "the worst attack in the current uprising": the uprising is the setting.
                continue
            announced = match.light is not None and match.light.i == head.i and (
                head.i in verbs and verbs[head.i].cue.code == PLAIN_STATEMENT
            )
            if announced:
                # "Italy announced a suspension of links": the act, not its announcement.
                kept.append(match)
                continue
            if head.i in verbs and match.token.dep_ in {"dobj", "nsubjpass", "pobj"}:
                continue
            if head.dep_ == "prep" and head.head.i in verbs and head.head.i != match.token.i:
                verb_cue = verbs[head.head.i].cue
                restated = match.token.lemma_.lower() in verb_cue.objects
                if restated or verb_cue.code == match.cue.code:
                    continue
            kept.append(match)
        return kept

    def _governed(
        self, token: Token, own: CueMatch | None, by_token: dict[int, CueMatch]
    ) -> tuple[IntentFamily, CueMatch | None, Token | None] | None:
        """The family ``token`` (one that can govern) governs an act in, that act's
        match if it has a cue, and the request noun that carried the family, if one did.

        A statement with an obliged clause ("said Sudan must return") counts
        even when the clause has no cue: the demand is the event.
        """
        lemma = verb_lemma(token, self.lexicon)
        family = self.lexicon.family_of(lemma) if asks_as_it_should(token, lemma) else None
        is_statement = own is not None and own.cue.code.startswith(STATEMENT_ROOT)
        obliged = _obliged_clause(token) if is_statement else None
        if obliged is not None:
            family = self.lexicon.family_named(obliged[1])
        request = self._request_noun(token)
        noun = None
        if family is None and request is not None and (own is None or is_statement):
            family, noun = request
        if family is None:
            return None
        clauses = embedded_clauses(token)
        if request is not None:
            clauses += _request_clauses(request[1])
        # "prepared to resume shelling": a verb of phase passes on the act it governs, and
        # so does one that ends it ("agreed to halt fighting", read by _governed_code).
        words = construction_words()
        passing = words.phase_verbs | words.cessation_verbs
        clauses += [inner for c in clauses if c.i not in by_token
                    and c.lemma_.lower() in passing for inner in c.children
                    if inner.dep_ == "xcomp"]
        # "threatened to institute a curfew": a clause verb with no cue of its own
        # carries the act its object names.
        clauses += [obj for c in clauses if c.i not in by_token for obj in c.children
                    if obj.dep_ == "dobj"]
        embedded = next((by_token[c.i] for c in clauses if c.i in by_token), None)
        if embedded is None and obliged is None and (own or not _has_complement(token)):
            return None
        return family, embedded, noun

    def _request_noun(self, verb: Token) -> tuple[IntentFamily, Token] | None:
        """A noun that names the request a verb makes or repeats.

        "reiterated its demand that Israel ease ...", "renewed its call for the
        release of ...", "insisted on its demands that ...": the verb only
        delivers the request; the noun's family and its clause say what it is.
        """
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
        nouns += [gc for c in verb.children if c.dep_ == "prep" for gc in c.children
                  if gc.dep_ == "pobj"]
        says_what = any(c.dep_ in EMBEDDING_DEPS for c in verb.children)
        for noun in nouns:
            family = self.lexicon.family_of(noun.lemma_.lower())
            if noun.pos_ == "NOUN" and family is not None and (
                says_what or _request_clauses(noun)
            ):
                return family, noun
        return None

    def _attach_families(self, tokens: list[Token], matches: list[CueMatch]) -> list[CueMatch]:
        """Turn "agreed to meet", "urged X to withdraw" into one intent/appeal event."""
        by_token = {match.token.i: match for match in matches}
        result = list(matches)
        for token in tokens:
            if not _can_govern(token):
                continue
            own = by_token.get(token.i)
            governed = self._governed(token, own, by_token)
            if governed is None:
                continue
            family, embedded, noun = governed
            if family.name == "intent" and _asks_another(token, noun):
                family = self.lexicon.family_named("appeal")
            embedded_code = _governed_code(embedded, token)
            if not family.codes(embedded_code):
                # "vowed to condemn Uganda": the vow is no pledge of cooperation either.
                if own is not None and own in result:
                    result.remove(own)
                continue
            # A repeated request ("reiterated its demand that X ease") asks for an act
            # that has not happened: the request replaces the noun and the asked act.
            asked = (by_token.get(noun.i), embedded) if noun is not None else ()
            for replaced in (own, *asked):
                if replaced is not None and replaced in result:
                    result.remove(replaced)
            code = family.code_for(embedded_code)
            if family.name == ACCUSE_FAMILY and embedded is not None and _own_deed(embedded.token):
                # "the US claimed that they had attacked Iraq" accuses nobody: it claims a deed.
                code = CLAIM_OF_DEED
            result.append(
                CueMatch(token, _family_cue(code, token), governor=token, family=family,
                         embedded=embedded)
            )
        return result
