"""Tests for repair_ocr_garble: OCR confusions repaired, good text left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair
from textrepair.changes import replay
from textrepair.ocr import _candidates

ONLY = Config().only(["repair_ocr_garble"])
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Each case is a short OCR'd sentence the tests write themselves.
CASES = [
    ("rn_for_m", "Most patients frorn the trial were well.", "Most patients from the trial were well."),
    ("cl_for_d", "The patients were cliagnosed early.", "The patients were diagnosed early."),
    ("li_for_h", "Tlie drug was given to all of them.", "The drug was given to all of them."),
    ("b_for_h", "Tbe drug was given to tbe patients.", "The drug was given to the patients."),
    ("one_for_l", "Ca11s to the helpline rose.", "Calls to the helpline rose."),
    ("zero_for_o", "The pr0cedures were safe.", "The procedures were safe."),
    ("ligature", "The effect was signiﬁcant in both arms.", "The effect was significant in both arms."),
    ("stray_period", "They chose the be.st treatment plan.", "They chose the best treatment plan."),
    ("lost_space", "Most ofthe patients recovered.", "Most of the patients recovered."),
    ("lost_apostrophe", "The patient?s records were lost.", "The patient's records were lost."),
    ("c_for_e", "Doctors havc found a cure.", "Doctors have found a cure."),
    ("punctuation_kept", "Tbe trial (phase 2) ended.", "The trial (phase 2) ended."),
    ("glyph_mark_with_letter", "Most of l;he patients recovered.", "Most of the patients recovered."),
    ("glyph_mark_alone", "The dose-response rel,tion was flat.", "The dose-response relation was flat."),
    ("glyph_at_sentence_start", "It ended. l:rom then on, all was well.", "It ended. From then on, all was well."),
    ("minim_regrouping", "Tbe nmnber of patients who nmst wait rose.",
     "The number of patients who must wait rose."),
    ("speck_likelier_than_glyph", "Tbe rash was mi.ld in most.", "The rash was mild in most."),
    ("capital_and_period_ending_a_sentence", "Take vitamin C. Tbis helps.",
     "Take vitamin C. This helps."),
]

NEGATIVES = [
    ("clean_sentence", "The trial enrolled 120 patients with lung cancer in 2019."),
    ("drug_names", "Imatinib (Gleevec) and trastuzumab (Herceptin) are targeted drugs."),
    ("identifiers", "IGFBP7, IGF-1, COVID-19, HbA1c and mRNA are measured."),
    ("abbreviations", "Use it as directed, e.g. twice a day, i.e. every 12 h, in the U.S."),
    ("names", "Dr. Crayle and Prof. Hertel led the study at Kraków."),
    ("numbers", "Take 10 mg at 08:00 and 1.5 ml at 20:00 (v2.1, ref 0O1)."),
    ("other_language", "Les patients atteints de sclérose latérale ont été suivis."),
    ("rare_word", "A new clade of the virus and its hila were described."),
    ("lone_typo_long_doc", "Patients were well. " * 40 + "The fiIm was shown. " + "It ended. " * 20),
    ("url_email", "See www.cancer.gov/abouttbe or mail info@tbe.org for help."),
    ("apostrophes", "It's the patient's choice; they'll decide, won't they?"),
]

# Negatives in a document the gate lets through ("Tbe" is OCR): only "Tbe" changes.
OPEN_GATE_NEGATIVES = [
    ("old_spelling_apostrophe", "Tbe patient lov'd the sea."),
    ("glyph_reading_too_short", "Tbe value is X*t,k here."),
    ("glyph_fragment_of_longer_garble", "Tbe nodes (tistril)ui;ions are shown."),
    ("lost_space_before_a_capital", "Tbe best diet.A walk helps too."),
    ("surname_after_initial", "Tbe work of J. Huang, G. Saon and B. Kingsbury was cited."),
]


@pytest.mark.parametrize(("text_in", "text_out"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_repair_ocr_garble(text_in: str, text_out: str) -> None:
    assert repair(text_in, ONLY).text == text_out


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_left_alone(text: str) -> None:
    assert repair(text, ONLY).changes == []


@pytest.mark.parametrize(
    "text", [c[1] for c in OPEN_GATE_NEGATIVES], ids=[c[0] for c in OPEN_GATE_NEGATIVES]
)
def test_left_alone_in_ocr_text(text: str) -> None:
    assert [(c.before, c.after) for c in repair(text, ONLY).changes] == [("Tbe", "The")]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seeds_untouched(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert repair(text, ONLY).changes == []


def test_change_record_carries_confusion_and_score() -> None:
    change = repair("Tbe drug was given to tbe patients.", ONLY).changes[0]
    assert change.step == "repair_ocr_garble"
    assert "b->h" in change.reason and "score" in change.reason
    assert 0.0 < change.confidence <= 1.0


def test_candidates_come_from_the_error_model() -> None:
    # "tbe" -> "the" is a listed confusion (b->h); "tae" is one edit away from
    # "the" too, but no listed confusion and too short for the backoff.
    assert "the" in [c.word for c in _candidates("tbe")]
    assert "the" not in [c.word for c in _candidates("tae")]


def test_gate_needs_a_listed_confusion() -> None:
    # A one-letter typo the backoff could fix is no OCR evidence on its own.
    text = "Patients with carcionoma were treated."
    assert repair(text, ONLY).changes == []


def test_min_confidence_filters() -> None:
    strict = ONLY.with_values(min_confidence=1.0)
    assert repair("Tbe drug was given to tbe patients.", strict).changes == []


def test_config_validates_knobs() -> None:
    with pytest.raises(ValueError):
        Config(ocr_margin=-1.0)
    with pytest.raises(ValueError):
        Config(ocr_doc_min_rate=-0.5)


def test_gate_off_for_known_ocr() -> None:
    # With the gate off (text known to be OCR), a backoff repair alone is made.
    off = ONLY.with_values(ocr_doc_min_signals=0, ocr_doc_min_rate=0.0)
    assert repair("Patients with carcionoma were treated.", off).text == (
        "Patients with carcinoma were treated."
    )


WORDS = st.sampled_from(
    "the patients were treated with drugs from tbe trial frorn rnild cliagnosed "
    "pr0cedures ca11s be.st ofthe l;he Rel,tion l:rom hcrc IGF-1 Gleevec 10 mg , . ( )".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30))
def test_replay_and_idempotence(words: list[str]) -> None:
    _replays_and_is_idempotent(" ".join(words), ONLY)


def _replays_and_is_idempotent(text: str, config: Config) -> None:
    result = repair(text, config)
    assert replay(text, result.changes) == result.text
    assert repair(result.text, config).changes == []


# Lower-case ASCII letters: real words, garble of them and random strings.
LETTER_WORDS = st.one_of(
    st.sampled_from("tbe frorn rnild cliagnosed havc ofthe patients clade hila fiIm tlie".split()),
    st.text(alphabet="abcdehilmnortuvwy", min_size=3, max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(LETTER_WORDS)
def test_first_look_pretest_never_hides_a_candidate(word: str) -> None:
    """The cheap pre-test may let a word through for nothing, never stop one
    the one-confusion search would find a candidate for."""
    from textrepair.ocr import _MIN_CANDIDATE_ZIPF, _may_have_candidate, _model

    found = [c for c in _candidates(word, full=False) if c.zipf >= _MIN_CANDIDATE_ZIPF]
    if found:
        assert _may_have_candidate(word.lower(), _model())


def test_first_look_pretest_on_garbled_common_words() -> None:
    """Every listed confusion run backwards on common words makes garble whose
    one-confusion candidates the pre-test must not hide."""
    from textrepair.ocr import _MIN_CANDIDATE_ZIPF, _may_have_candidate, _model

    words = ("patients doctor medicine treatment children disease hospital blood "
             "health would should number family mild form diagnosed hearing").split()
    checked = 0
    for word in words:
        for c in _model():
            if not (c.gold and c.gold.isalpha() and c.ocr.isascii()) or c.gold not in word:
                continue
            garbled = word.replace(c.gold, c.ocr, 1)
            if not garbled.isalpha():
                continue
            found = [x for x in _candidates(garbled, full=False) if x.zipf >= _MIN_CANDIDATE_ZIPF]
            if found:
                checked += 1
                assert _may_have_candidate(garbled.lower(), _model()), garbled
    assert checked > 50


ASCII_TOKENS = st.text(alphabet="abcXYZ019|.,;:'~^`!?-/()", min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(ASCII_TOKENS)
def test_ascii_part_pattern_agrees_with_unicode_one(token: str) -> None:
    from textrepair.patterns import OCR_PART, OCR_PART_ASCII

    assert [m.group() for m in OCR_PART_ASCII.finditer(token)] == [
        m.group() for m in OCR_PART.finditer(token)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcAB .,;:~^`?wgovrt", max_size=40))
def test_inner_mark_pretest_is_exact_on_ascii(text: str) -> None:
    from textrepair.ocr import _inner_mark, _joins_two_words
    from textrepair.patterns import OCR_INNER_MARK

    expected = any(
        not (m.group()[2] in ",;:" and _joins_two_words(text, m.start() + 2))
        for m in OCR_INNER_MARK.finditer(text, overlapped=True)
    )
    assert _inner_mark(text) == expected


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Rel,tion of the be.st cases", True),
        ("a mark inside a wo;rd", True),
        ("See ClinicalTrials.gov or Smokefree.gov today.", False),
        ("a recessive pattern,which means", False),
        ("the arginine:glycine ratio", False),
    ],
)
def test_inner_mark_is_not_a_domain_or_two_words(text: str, inner: bool) -> None:
    from textrepair.ocr import _inner_mark

    assert _inner_mark(text) is inner


def test_other_language_words_agree_with_wordfreq() -> None:
    import wordfreq

    from textrepair.ocr import _OTHER_LANGUAGE_ZIPF, _OTHER_LANGUAGES, _other_language

    words = ("atrophie blanche controversie patients the maladie Krankheit enfermedad "
             "malattia ziekte tbe frorn Zampolli qwzx Estudio De La").split()
    for word in words:
        expected = any(
            wordfreq.zipf_frequency(word, lang) >= _OTHER_LANGUAGE_ZIPF for lang in _OTHER_LANGUAGES
        )
        assert _other_language(word) == expected, word


MIXED_TOKENS = st.one_of(
    st.sampled_from("Tbe COVID mRNA tbe l;he Rel,tion e.g U.S patIents IGFBP7 ﬁrst Kraków ca11s".split()),
    st.text(alphabet="abehilmnortuvTIL01.,;~'", min_size=1, max_size=10),
)


@settings(max_examples=300, deadline=None)
@given(MIXED_TOKENS)
def test_first_look_question_agrees_with_the_one_confusion_search(part: str) -> None:
    """The first look's guards and pre-test answer exactly what the
    one-confusion search (with the same guards) finds."""
    from textrepair.ocr import _analyse, _has_listed_candidate

    assert _has_listed_candidate(part) == (_analyse(part, full=False).best is not None)


# --- the wide search (Config.ocr_wide_distance), for text known to be OCR ---

KNOWN_OCR = ONLY.with_values(ocr_doc_min_signals=0, ocr_doc_min_rate=0.0, ocr_wide_distance=3)

WIDE_CASES = [
    ("marks_read_as_letters", "The diaqnos~s was made early.", "The diagnosis was made early."),
    ("two_marks", "The vacc~nat~on rate rose.", "The vaccination rate rose."),
    ("three_edits", "The treatrnemt was safe.", "The treatment was safe."),
    ("mark_and_shape_letter", "It was a hosp~tai stay.", "It was a hospital stay."),
    ("sentence_start", "Hosp~tai stays were short.", "Hospital stays were short."),
]

WIDE_NEGATIVES = [
    ("rare_terms", "The covarying factors, immunoassays and nephrotoxicity were studied."),
    ("more_terms", "Dysregulation of subclinical hyperkalaemia in glomerulonephritis."),
    ("names", "It was studied by Nakamura and Kowalczyk in Wrocław."),
    ("capitalised_mid_sentence", "The records of Hosp~tai Group were lost."),
    ("compounds_and_pairs", "The bottom-up and/or top-down view of him/her."),
    ("identifiers", "The HbA1c, IGFBP7 and rs12345678 values."),
    ("mark_at_the_end", "The diagnos~ was made."),
    ("paired_brackets", "The gene(s) and mass(es) were found."),
    ("dash_joined_words", "The life—time risk was small."),
    ("capital_after_a_mark", "Eat a better diet.A walk helps."),
    ("word_glued_to_a_number", "Proc. of18th COLING; the 1990sand 2004in trials."),
]


@pytest.mark.parametrize(("text_in", "text_out"), [c[1:] for c in WIDE_CASES],
                         ids=[c[0] for c in WIDE_CASES])
def test_wide_search(text_in: str, text_out: str) -> None:
    result = repair(text_in, KNOWN_OCR)
    assert result.text == text_out
    assert all("ocr: wide" in c.reason for c in result.changes)


@pytest.mark.parametrize("text", [c[1] for c in WIDE_NEGATIVES], ids=[c[0] for c in WIDE_NEGATIVES])
def test_wide_search_leaves_alone(text: str) -> None:
    assert repair(text, KNOWN_OCR).changes == []


def test_wide_search_is_off_by_default() -> None:
    assert Config().ocr_wide_distance == 0
    off = ONLY.with_values(ocr_doc_min_signals=0, ocr_doc_min_rate=0.0)
    assert repair("The treatrnemt was safe.", off).changes == []
    # A token with marks inside is read by the glyph clusters (tests/test_ocr_clusters.py).
    assert repair("The vacc~nat~on rate rose.", off.with_values(ocr_cluster_letters=0)).changes == []


def test_wide_search_distance_validated() -> None:
    for bad in (-1, 4):
        with pytest.raises(ValueError):
            Config(ocr_wide_distance=bad)


def test_wide_repairs_are_no_gate_signal() -> None:
    # With the gate on, a wide repair alone does not open it (a long typo is no OCR).
    gate_on = ONLY.with_values(ocr_wide_distance=3)
    text = "Patients had a short treatrnemt course. " + "They were well. " * 10
    assert repair(text, gate_on).changes == []


def test_weighted_distance_prices_ocr_edits_below_others() -> None:
    from textrepair.ocr import _model, _weighted_distance

    def wd(ocr: str) -> float:
        return _weighted_distance(ocr, "hospital", _model())

    assert wd("hospital") == 0.0
    assert wd("hosp~tal") < wd("hospxtal")  # a mark inside a word is noise
    assert wd("hospltal") < wd("hospwtal")  # l for i: the same stem shape
    assert wd("hospiztal") < wd("hospitals")  # an added end is morphology, not OCR
    assert wd("hospetal") < wd("hospitak")  # so is a changed last letter
    assert wd("hospital") < wd("xhospital") and wd("hospiztal") < wd("rehospital")  # a prefix


WIDE_WORDS = st.sampled_from(
    "the patients were treated with tbe diaqnos~s vacc~nat~on treatrnemt hosp~tai Hosp~tai "
    "frorn covarying immunoassays Nakamura . , ( )".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WIDE_WORDS, min_size=1, max_size=30))
def test_wide_replay_and_idempotence(words: list[str]) -> None:
    _replays_and_is_idempotent(" ".join(words), KNOWN_OCR)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(WIDE_WORDS, st.text(alphabet="abcdeilmnrstu~;(.)/—ﬁé0123", min_size=1,
                                              max_size=14)), min_size=1, max_size=20))
def test_wide_search_on_any_tokens_keeps_the_contract(words: list[str]) -> None:
    text = " ".join(words)
    result = repair(text, KNOWN_OCR)
    assert replay(text, result.changes) == result.text
    spans = sorted((c.orig_start, c.orig_end) for c in result.changes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_wide_search_repairs_whole_tokens_only() -> None:
    # "vacc~nat~on" alone is repaired; inside a longer token it is a fragment.
    text = "The vacc~nat~on and x(vacc~nat~on rates."
    assert [(c.before, c.after) for c in repair(text, KNOWN_OCR).changes] == [
        ("vacc~nat~on", "vaccination")
    ]
