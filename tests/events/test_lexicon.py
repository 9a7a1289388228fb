"""The cue lexicon: shipped data is valid and broad, the loader reports bad files, users extend."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from realpolitik.errors import KnowledgeError
from realpolitik.events.lexicon import Lexicon, dump_lexicon, load_lexicon
from realpolitik.ontology import cameo_table

ROOTS = [f"{root:02d}" for root in range(1, 21)]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_code_in_the_lexicon_is_a_cameo_code(lexicon: Lexicon) -> None:
    table = cameo_table()
    codes = {cue.code for cue in lexicon.cues}
    for family in lexicon.intent_families:
        codes |= {family.default, *family.mapping.values()}
        assert all(key in table for key in family.mapping), family.name
    assert codes <= set(table), sorted(codes - set(table))


def test_every_root_has_at_least_three_cues(lexicon: Lexicon) -> None:
    per_root = Counter(cue.code[:2] for cue in lexicon.cues)
    assert [root for root in ROOTS if per_root[root] < 3] == []


def test_verb_cues_rank_constrained_cues_first(lexicon: Lexicon) -> None:
    impose = lexicon.verb_cues("impose")
    assert impose[0].code == "163"
    assert "sanction" in impose[0].objects
    assert impose[0].target == "prep"
    for lemma in ("impose", "sign", "hold", "call", "attack"):
        ranks = [cue.specificity for cue in lexicon.verb_cues(lemma)]
        assert ranks == sorted(ranks, reverse=True), lemma


def test_bare_lemmas_and_particles(lexicon: Lexicon) -> None:
    assert "192" in {cue.code for cue in lexicon.verb_cues("invade")}
    assert "057" in {cue.code for cue in lexicon.verb_cues("sign") if "treaty" in cue.objects}
    step_down = [cue for cue in lexicon.verb_cues("step") if cue.particle == "down"]
    assert [cue.code for cue in step_down] == ["0831"]
    assert lexicon.verb_cues("banana") == []


def test_noun_cues_carry_their_prepositions(lexicon: Lexicon) -> None:
    (invasion,) = lexicon.noun_cues("invasion")
    assert invasion.code == "192"
    assert invasion.pos == "noun"
    assert invasion.source_preps == ("by",)
    assert "of" in invasion.target_preps
    hunger = [cue for cue in lexicon.noun_cues("strike") if "hunger" in cue.objects]
    assert [cue.code for cue in hunger] == ["142"]


def test_is_cue_lemma_covers_verbs_nouns_and_governors(lexicon: Lexicon) -> None:
    assert lexicon.is_cue_lemma("bomb")
    assert lexicon.is_cue_lemma("airstrike")
    assert lexicon.is_cue_lemma("vow")
    assert not lexicon.is_cue_lemma("banana")
    assert {"hold", "launch", "carry", "pay"} <= lexicon.light_verbs


def test_intent_families_map_embedded_codes(lexicon: Lexicon) -> None:
    vow = lexicon.family_of("vow")
    assert vow is not None
    assert vow.name == "intent"
    assert vow.code_for("0841") == "0353"
    assert vow.code_for("046") == "036"
    assert vow.code_for("195") == "1384"
    assert vow.code_for(None) == "030"
    refuse = lexicon.family_of("refuse")
    assert refuse is not None
    assert refuse.code_for("010") == "011"
    assert refuse.code_for("0871") == "1246"
    urge = lexicon.family_of("urge")
    demand = lexicon.family_of("demand")
    assert urge is not None and demand is not None
    assert (urge.code_for("087"), demand.code_for("087")) == ("0256", "1056")
    assert lexicon.family_of("banana") is None


def test_package_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


def test_bad_entries_are_all_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "verbs:\n"
        '  - {code: "999", lemmas: [zap]}\n'
        "  - {code: 42, lemmas: [zap]}\n"
        '  - {code: "190", lemmas: [Zap]}\n'
        '  - {code: "190", lemmas: [zap], target: prep}\n'
        '  - {code: "190", lemmas: [zap], preps: [on]}\n'
        '  - {code: "190", lemmas: [zap], colour: red}\n'
        '  - {code: "19", lemmas: [zap]}\n'
        "nouns:\n"
        '  - {code: "190", lemmas: [zap], modifiers: [two words]}\n',
    )
    with pytest.raises(KnowledgeError) as caught:
        load_lexicon([path])
    message = str(caught.value)
    assert message.startswith("[E311] 8 bad lexicon entries")
    assert f"{path}:2: verbs entry 1: unknown CAMEO code '999'" in message
    assert f"{path}:3: verbs entry 2: code" in message
    assert f"{path}:4: verbs entry 3: lemma 'Zap' must be lower case" in message
    assert f"{path}:5: verbs entry 4: target 'prep' needs" in message
    assert f"{path}:6: verbs entry 5: preps.0" in message
    assert "booleans" in message
    assert f"{path}:7: verbs entry 6: colour" in message
    assert f"{path}:8: verbs entry 7: root code '19'" in message
    assert f"{path}:10: nouns entry 1: modifiers word 'two words'" in message


def test_one_trigger_with_two_codes_in_one_file_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'verbs:\n  - {code: "190", lemmas: [zap]}\n  - {code: "173", lemmas: [zap]}\n',
    )
    with pytest.raises(KnowledgeError, match=r"verb cue 'zap' .* given for both 190 and 173"):
        load_lexicon([path])


def test_bad_family_codes_are_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'families:\n  - {family: intent, governors: [vow], map: {"77": "036"}, default: "03"}\n',
    )
    with pytest.raises(KnowledgeError) as caught:
        load_lexicon([path])
    assert "unknown CAMEO code '77'" in str(caught.value)
    assert "root code '03'" in str(caught.value)


def test_codeless_entries_must_be_roots(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "families:\n"
        '  - {family: intent, governors: [vow], default: "030", codeless: ["111"]}\n',
    )
    with pytest.raises(KnowledgeError, match="codeless '111' is not a CAMEO root"):
        load_lexicon([path])


def test_family_has_no_code_over_its_codeless_roots(lexicon: Lexicon) -> None:
    intent = lexicon.family_named("intent")
    assert not intent.codes("090") and not intent.codes("1124")
    assert intent.codes("0841") and intent.codes(None)
    prepare = lexicon.family_named("prepare")
    assert not prepare.codes(None) and prepare.codes("043")


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"^\[E312\] .*missing.yaml: cannot read"):
        load_lexicon([tmp_path / "missing.yaml"])
    broken = write(tmp_path, "verbs: [\n  {code: '190'\n")
    with pytest.raises(KnowledgeError, match=r"^\[E310\] .*user.yaml:\d+: not valid YAML"):
        load_lexicon([broken])
    listing = write(tmp_path, "- just\n- a list\n")
    with pytest.raises(KnowledgeError, match=r"^\[E310\] .*expected a mapping"):
        load_lexicon([listing])
    unknown = write(tmp_path, "adverbs: []\n")
    with pytest.raises(KnowledgeError, match="unknown sections"):
        load_lexicon([unknown])


def test_user_file_adds_and_overrides(lexicon: Lexicon, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "light_verbs: [effect]\n"
        "verbs:\n"
        '  - {code: "190", lemmas: [invade]}\n'
        '  - {code: "173", lemmas: [zap, "zap up"]}\n'
        "nouns:\n"
        '  - {code: "195", lemmas: [overflight], target_preps: [over]}\n'
        "families:\n"
        '  - {family: intent, governors: [swear], map: {"04": "036"}, default: "030"}\n',
    )
    extended = load_lexicon([path])
    invade = [(cue.code, bool(cue.objects)) for cue in extended.verb_cues("invade")]
    assert invade == [("192", True), ("190", False)]
    assert [(cue.code, cue.particle) for cue in extended.verb_cues("zap")] == [
        ("173", "up"),
        ("173", None),
    ]
    assert extended.noun_cues("overflight")[0].target_preps == ("over",)
    assert "effect" in extended.light_verbs
    swear = extended.family_of("swear")
    assert swear is not None and swear.code_for("0841") == "030"
    assert extended.family_of("vow") is None
    assert len(extended.cues) == len(lexicon.cues) + 3
    assert [cue.code for cue in load_lexicon().verb_cues("invade")] == ["192", "192"]


def test_dump_then_load_round_trips(lexicon: Lexicon, tmp_path: Path) -> None:
    path = tmp_path / "export.yaml"
    dump_lexicon(lexicon, path)
    reloaded = load_lexicon([path])
    assert reloaded.cues == lexicon.cues
    assert reloaded.light_verbs == lexicon.light_verbs
    assert reloaded.intent_families == lexicon.intent_families
    dump_lexicon(reloaded, tmp_path / "again.yaml")
    assert (tmp_path / "again.yaml").read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
