"""split_glued_words and rejoin_split_words: example tables and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textrepair import Config, repair

# The example tables hold one damaged word a sentence: they run with the
# document gate off (text known to have lost its word boundaries); the gate
# has its own tests below.
KNOWN_DAMAGED = Config(boundary_doc_min_repairs=0, boundary_doc_min_rate=0.0)
SPLIT = KNOWN_DAMAGED.only(["split_glued_words"])
REJOIN = KNOWN_DAMAGED.only(["rejoin_split_words"])
BOTH = KNOWN_DAMAGED.only(["split_glued_words", "rejoin_split_words"])


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("New patientsare diagnosed.", "New patients are diagnosed."),
        ("Drugs such asriluzole slow it.", "Drugs such as riluzole slow it."),
        ("Researchers analyzedDNAfrom saliva.", "Researchers analyzed DNA from saliva."),
        ("Published in the journalNeurology today.", "Published in the journal Neurology today."),
        ("Patients havelow levelsof it.", "Patients have low levels of it."),
        ("Trials havehadmixedresults so far.", "Trials have had mixed results so far."),
        ("Ever wonder whysome people recover?", "Ever wonder why some people recover?"),
        ("lateral sclerosis(ALS) is rare", "lateral sclerosis (ALS) is rare"),
        ("Related:11 children were diagnosed", "Related: 11 children were diagnosed"),
        ('"It is promising treatments,“Dr. Smith said.', '"It is promising treatments,” Dr. Smith said.'),
        ("Write tocommunity@livescience.comwith questions.",
         "Write to community@livescience.com with questions."),
        ("It is one ofthe causes.", "It is one of the causes."),
        ("Onthe other hand, it works.", "On the other hand, it works."),
        ("The CFSandinfection link.", "The CFS and infection link."),
        ("Smith (2002)are right.", "Smith (2002) are right."),
        ("Therefore,a keyword matched.", "Therefore, a keyword matched."),
        ("Lower levels ofBabesia and ofBabesia again.", "Lower levels of Babesia and of Babesia again."),
        ("This isa test of it.", "This is a test of it."),
        ("It lasts atleast a week.", "It lasts at least a week."),
        ("Thereis no cure yet.", "There is no cure yet."),
        ("Cases rose inLatin America and in Latin America.",
         "Cases rose in Latin America and in Latin America."),
        ("Addison disease is rare; Addisondisease is treated.",
         "Addison disease is rare; Addison disease is treated."),
        ("Found in aLouisiana study.", "Found in a Louisiana study."),
        ("It uses a wordclass model.", "It uses a word class model."),
        ("Data from friends(Linguistic Data Consortium).",
         "Data from friends (Linguistic Data Consortium)."),
        ("As shown by Neumann,2003 and others.", "As shown by Neumann, 2003 and others."),
        ("Work by R.S.Michalski on it.", "Work by R.S. Michalski on it."),
        ("duluth 0.76umcp 0.65", "duluth 0.76 umcp 0.65"),
        ("We tried newtreatments today.", "We tried new treatments today."),
        ("Marzipan is sweet. Marzipanand sugar are too.",
         "Marzipan is sweet. Marzipan and sugar are too."),
        # A word no dictionary knows, written alone elsewhere in the document.
        ("A monoid is a set. A commutative monoidwith identity.",
         "A monoid is a set. A commutative monoid with identity."),
        ("The zorbetal test. Results ofzorbetal tests vary.",
         "The zorbetal test. Results of zorbetal tests vary."),
        ("Zorbetal is rare. The zorbetaldisease spreads.",
         "Zorbetal is rare. The zorbetal disease spreads."),
        ("The nevus grew. Removal of thenevus helps.", "The nevus grew. Removal of the nevus helps."),
        ("It isa test.", "It is a test."),
        # Three parts: a function word between long words needs no bigram.
        ("Apply the repellenttoexposed skin daily.", "Apply the repellent to exposed skin daily."),
        ("Work on the preventionoffilariasis goes on.", "Work on the prevention of filariasis goes on."),
        # "inthe" stands alone, but it is glue itself: "within the", not "with inthe".
        ("Seen inthe clinic; withinthe week.", "Seen in the clinic; within the week."),
    ],
)
def test_split_glued_words(text_in: str, text_out: str) -> None:
    assert repair(text_in, SPLIT).text == text_out


@pytest.mark.parametrize(
    "clean",
    [
        "IGFBP7, IGF-1, GLP-1, AMX0035 and COVID-19 are names.",
        "The iPhone, McDonald and PubMed stay as they are.",
        "Ingrida Domarkienė studied the Tiangong station.",
        "Risk increased twelvefold in people with the gene.",
        "Take 10mg twice daily; see #ALSawareness and www.cancer.gov.",
        "Write to contact@nih.gov or tomato@example.com for help.",
        "The patient(s) had a receptor(s) test.",
        "Zampolli and Crayle wrote it; Zampolli agreed.",
        "Meet at 10:30, ratio 1:2.",
        "Use getElementById in code.",
        "The (s)he form and the del(5q) and der(22) chromosomes.",
        "Acellular dermal matrix, an arcus cornealis and exportin 1.",
        "Drugs that block exportin 1 block the export of proteins.",
        "One was nonevaluable; overinflation and postscreening too.",
        "Results of Eurospeech and the HealthDay news.",
        "Vice versa, acne inversa.",
        "Infected with Toxocara canis or orbicularis oris.",
        "A significant upshoot and a hormonal inbalance.",
        "One was liveborn; twinship and peroral routes.",
        "The (MU)scle, (LI)ver and (BR)ain forms.",
        "Take 2.5mcg or 1.5mmol with 0.5fold change.",
        "Isa and Oran wrote it, Ina agreed.",
        "Marzipanand sugar are sweet.",
        "Telomerase and shelterin work together; the shelterin complex is a shelter.",
        "Copeland and Rowland wrote it.",
        "The HealthDay news and YouTube videos.",
        "Fibroblasts are the main expressor of the protein.",
        "Numbers for double-expressor tumours; an expressor of both.",
        # "is a" cannot follow an article: a term ("is-a" relation).
        "Inherited via the isa hierarchy, and an isa link.",
        # The word written alone elsewhere, but the remainder ends a Latin or
        # chemical name, or is itself two glued words, or the form recurs.
        "The zorbet is rare; zorbetin binds it.",
        "A monoid; monoidwith and monoidwith again.",
        # The plural of a known word is a word, not "her+it+abilities".
        "It has one of the highest heritabilities of any cancer.",
    ],
)
def test_split_glued_words_leaves_alone(clean: str) -> None:
    assert repair(clean, SPLIT).changes == []


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("The treat ment was new.", "The treatment was new."),
        ("Abst rac t", "Abstract"),
        ("Take the medi cation daily.", "Take the medication daily."),
        ("We did an analys is.", "We did an analysis."),
        ("t h e a r c, a n d t h e end", "the arc, and the end"),
        ("The doc tors said so.", "The doctors said so."),
        ("Leish mania is spread by flies.", "Leishmania is spread by flies."),
        ("the r e p r e s e n t a t i o n s of it", "the representations of it"),
        ("it i s the end", "it is the end"),
        ("an error- correction step", "an error-correction step"),
        ("Papers on Cardio- vascular care", "Papers on Cardio-vascular care"),
        ("a defecati on diary", "a defecation diary"),
        ("liver fl ukes are spread", "liver flukes are spread"),
        ("Autoimmune disease: the auto immune form, after treat ment.",
         "Autoimmune disease: the autoimmune form, after treatment."),
        ("In published form. W e therefore agree.", "In published form. We therefore agree."),
        ("2.3 Conjunct ion", "2.3 Conjunction"),
        ("a pure bottom- up parser, built- in", "a pure bottom-up parser, built-in"),
    ],
)
def test_rejoin_split_words(text_in: str, text_out: str) -> None:
    assert repair(text_in, REJOIN).text == text_out


@pytest.mark.parametrize(
    "clean",
    [
        "Get in to a health care plan.",
        "Vitamin D in the diet, hepatitis B or type A.",
        "Any one of them can take a part in it.",
        "Dr. Jesse Crayle said so.",
        "J. R. R. Tolkien wrote it.",
        "Long- and short-term effects differ.",
        "Pre- and post-operative care.",
        "The tumor weighed 1.2 g in the control group.",
        "He had cold flashes with goose bumps.",
        "It may be in different places, a web page.",
        "Long- and short-term effects, low- versus high-grade.",
        "Low- to high-grade, first- or second-line.",
        "Markers: hepatitis B e antigen (HBeAg); B e antigen.",
        "The TGF- signaling pathway.",
        "Hepatitis B e antigen (HBeAg).",
        "Urine vanillyl mandelic acid.",
    ],
)
def test_rejoin_split_words_leaves_alone(clean: str) -> None:
    assert repair(clean, REJOIN).changes == []


def test_a_word_written_whole_elsewhere_does_not_join_a_function_word() -> None:
    text = "Results were inconsistent. Survivors engaged in consistent exercise after treat ment."
    assert repair(text, REJOIN).text == text.replace("treat ment", "treatment")


# --- the document gate (default Config) -------------------------------------

DEFAULT_BOTH = Config().only(["split_glued_words", "rejoin_split_words"])
STRAY = (
    "Most people with the condition have mild symptoms that come and go. "
    "Those with liver failureor cirrhosis may need a transplant, and the "
    "treat ment is planned with a team of doctors over several visits."
)
LINKS_STRIPPED = (
    "New patientsare diagnosed every year, and researchers analyzedDNAfrom "
    "saliva of people who havelow levelsof the protein. Treatments havehadmixedresults."
)


@pytest.mark.parametrize("config", [DEFAULT_BOTH, Config()], ids=["boundary steps", "pipeline"])
def test_gate_leaves_a_stray_glued_word_and_a_stray_space_alone(config: Config) -> None:
    assert repair(STRAY, config).changes == []


def test_gate_off_repairs_the_stray_ones() -> None:
    assert repair(STRAY, BOTH).text == STRAY.replace("failureor", "failure or").replace(
        "treat ment", "treatment"
    )


def test_gate_opens_on_a_page_with_several_glued_words() -> None:
    result = repair(LINKS_STRIPPED, DEFAULT_BOTH)
    assert result.text == repair(LINKS_STRIPPED, BOTH).text
    assert "analyzed DNA from saliva" in result.text and "have had mixed results" in result.text


def test_gate_counts_joins_and_splits_together() -> None:
    # Two joins and one split: neither kind alone reaches the default of 3.
    text = "The treat ment of the medi cation, given patientsare tired, went well."
    assert repair(text, DEFAULT_BOTH).text == (
        "The treatment of the medication, given patients are tired, went well."
    )


def test_gate_counts_a_repeated_glued_form_once() -> None:
    text = "Old patientsare tired. Young patientsare not. All patientsare seen."
    assert repair(text, DEFAULT_BOTH).changes == []
    assert repair(text, BOTH).text == text.replace("patientsare", "patients are")


def test_gate_rate_grows_with_the_document() -> None:
    # The same three repairs in a page of about 1,600 words are stray typos.
    filler = " ".join(["The study followed the patients for many years."] * 200)
    text = "The treat ment of the medi cation, given patientsare tired, went well. " + filler
    assert repair(text, DEFAULT_BOTH).changes == []


@pytest.mark.parametrize(
    "values",
    [{"boundary_doc_min_repairs": -1}, {"boundary_doc_min_rate": -0.5},
     {"boundary_lm_margin": -1.0}],
)
def test_gate_knobs_are_validated(values: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be >= 0"):
        Config(**values)


# The bigram model, the split of last resort: lower-case tokens the rules
# leave alone, split when the model with both neighbours finds the words far
# likelier than the token as it stands.
@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("Doctors check your bloodpressure at each visit.",
         "Doctors check your blood pressure at each visit."),
        ("Symptoms can varya lot between people.", "Symptoms can vary a lot between people."),
        ("Rest is needed tobe sure it heals.", "Rest is needed to be sure it heals."),
        ("Pain around the widestpart of the foot.", "Pain around the widest part of the foot."),
        ("Keep the hottub clean.", "Keep the hot tub clean."),
    ],
)
def test_bigram_model_splits_lower_case_glue(text_in: str, text_out: str) -> None:
    result = repair(text_in, SPLIT)
    assert result.text == text_out
    assert all("bigram model" in c.reason for c in result.changes)


@pytest.mark.parametrize(
    "clean",
    [
        "A tradeoff between cost and benefit, a longterm plan.",  # closed compounds in use
        "The nonhormone therapy worked.",  # a prefixed word
        "Lichen planus follicularis is rare.",  # a Latin ending after -ar
        "It binds exportin 1.",  # "in" with no word after it: a chemical ending
        "Check the bloodpressure; the bloodpressure is high.",  # it recurs: a term
        "A hot-tub rash from the hottub water.",  # written hyphenated elsewhere
    ],
)
def test_bigram_model_leaves_alone(clean: str) -> None:
    assert repair(clean, SPLIT).changes == []


def test_bigram_model_waits_for_the_gate_and_its_margin() -> None:
    text = "Doctors check your bloodpressure at each visit."
    assert repair(text, DEFAULT_BOTH).changes == []  # one glued token: the gate stays closed
    assert repair(text, SPLIT.with_values(boundary_lm_margin=20.0)).changes == []


_WORDS = st.sampled_from(
    "the patients are treated with riluzole in a new study of ALS and DNA".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12))
def test_clean_sentences_of_real_words_are_a_fixed_point(words: list[str]) -> None:
    text = " ".join(words) + "."
    assert repair(text, BOTH).changes == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzAB .,()@", max_size=60))
def test_boundary_steps_are_idempotent(text: str) -> None:
    once = repair(text, BOTH).text
    assert repair(once, BOTH).text == once


def test_a_piece_of_a_broken_word_is_no_word_of_the_document() -> None:
    # "lanoma" stands alone only as the piece of "me lanoma": "themelanoma"
    # is "the melanoma", not "theme lanoma".
    text = "A drug for me lanoma, themelanoma cells die."
    assert repair(text, BOTH).text == "A drug for melanoma, the melanoma cells die."
