"""Paragraphs in other languages are left alone by the steps that read English.

The foreign paragraphs are written for these tests (health prose in French,
Spanish, German, Italian, Dutch, Portuguese, Polish and Russian); the English
side uses the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from textrepair import Config, repair
from textrepair.changes import replay, undo
from textrepair.language import other_language_spans
from textrepair.pipeline import normalisers

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

FOREIGN = {
    "fr": "Le diabète de type 2 est une maladie chronique qui se caractérise par un excès "
    "de sucre dans le sang. Il touche environ 3,5 millions de personnes en France, et sa "
    "fréquence augmente avec l'âge. Les principaux facteurs de risque sont le surpoids, la "
    "sédentarité et une alimentation déséquilibrée.",
    "fr2": "Le traitement repose d'abord sur des mesures hygiéno-diététiques : une "
    "activité physique régulière, une alimentation équilibrée et, si nécessaire, une perte "
    "de poids. Lorsque ces mesures ne suffisent pas, le médecin peut prescrire des "
    "médicaments antidiabétiques, comme la metformine.",
    "es": "La diabetes tipo 2 es una enfermedad crónica que afecta la forma en que el "
    "cuerpo procesa el azúcar en la sangre. Los síntomas incluyen sed excesiva, micción "
    "frecuente y cansancio. El tratamiento incluye cambios en el estilo de vida y, en "
    "algunos casos, medicamentos o insulina.",
    "de": "Der Typ-2-Diabetes ist eine Stoffwechselerkrankung, bei der der "
    "Blutzuckerspiegel dauerhaft erhöht ist. Betroffen sind vor allem ältere Menschen, "
    "doch zunehmend erkranken auch jüngere Erwachsene. Regelmäßige Bewegung und eine "
    "ausgewogene Ernährung senken das Risiko deutlich.",
    "it": "Il diabete di tipo 2 è una malattia cronica che si manifesta soprattutto "
    "negli adulti. Nella maggior parte dei casi è legato al sovrappeso e alla mancanza "
    "di attività fisica, e si può prevenire con una dieta equilibrata.",
    "nl": "Diabetes type 2 is een chronische ziekte waarbij het lichaam niet goed "
    "reageert op insuline. Het risico wordt groter met de leeftijd en bij overgewicht, "
    "maar met voldoende beweging kan het vaak worden uitgesteld.",
    "pt": "O diabetes tipo 2 é uma doença crônica em que o organismo não usa bem a "
    "insulina. Os sintomas podem demorar anos para aparecer, por isso o diagnóstico "
    "precoce é importante para evitar complicações.",
    "pl": "Cukrzyca typu 2 jest chorobą przewlekłą, która rozwija się powoli i przez "
    "wiele lat może nie dawać żadnych objawów. Dlatego tak ważne są regularne badania "
    "poziomu cukru we krwi.",
    "ru": "Сахарный диабет второго типа — хроническое заболевание, при котором организм "
    "плохо усваивает глюкозу. Риск растёт с возрастом и при избыточном весе.",
}

# English health prose that borrows from other languages stays English.
LOANS = (
    "Smith et al. found de novo mutations in vitro, and per se these were rare.",
    "Patients with hepatitis C and low vitamin D were given aloe vera gel.",
    "Café au lait spots, a la carte menus and the joie de vivre of the ward.",
    "The doctor asked about the patient's bona fide symptoms vis-à-vis the diet.",
)

OFF = Config().with_values(other_language_min_markers=0)


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_a_foreign_paragraph_is_one_span(lang: str) -> None:
    text = FOREIGN[lang]
    assert other_language_spans(text) == [(0, len(text))]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_the_seeds_are_english(seed: Path) -> None:
    assert other_language_spans(seed.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", LOANS)
def test_loan_words_keep_a_paragraph_english(text: str) -> None:
    assert other_language_spans(text) == []
    assert other_language_spans(" ".join([text] * 5)) == []


def test_foreign_pages_come_back_unchanged() -> None:
    # Without the check restore_spun_words reads French "environ", "risque" and
    # "alimentation" as a spinner's synonyms of "surrounding", "blue", "feeding".
    page = "\n\n".join(FOREIGN[k] for k in ("fr", "fr2", "de", "es")) + "\n"
    off = repair(page, OFF)
    assert off.changes, "without the check the steps change these pages (the test would be empty)"
    result = repair(page)
    assert result.text == page
    assert not result.changes
    left = sum(v for k, v in result.stats.items() if k.endswith(".left_in_other_language"))
    assert left > 0


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_each_language_alone_comes_back_unchanged(lang: str) -> None:
    assert repair(FOREIGN[lang] + "\n").text == FOREIGN[lang] + "\n"


def test_english_paragraphs_of_a_mixed_page_are_still_repaired() -> None:
    seed = next(p for p in SEEDS if p.name.startswith("000")).read_text(encoding="utf-8")
    french = FOREIGN["fr"]
    text = seed.rstrip("\n") + "\n\n" + french + "\n"
    start = text.index(french)
    off = repair(text, OFF)
    assert any(c.orig_end > start for c in off.changes), "the check must be what protects it"
    result = repair(text)
    assert result.text.endswith("\n\n" + french + "\n")
    assert all(c.orig_end <= start for c in result.changes)
    # Every repair made to the seed alone is made on the mixed page too (the
    # French paragraph may add evidence to document gates, not take it away).
    alone = {(c.step, c.orig_start, c.before, c.after) for c in repair(seed).changes}
    mixed = {(c.step, c.orig_start, c.before, c.after) for c in result.changes}
    assert alone <= mixed
    # The change log still replays and undoes.
    assert replay(text, result.changes) == result.text
    assert undo(result.text, result.changes) == text


def test_the_knob_turns_the_check_off() -> None:
    assert other_language_spans(FOREIGN["fr"], min_markers=0) == []
    config = Config().with_setting("other_language_min_markers=0")
    assert config.other_language_min_markers == 0


def test_language_independent_steps_still_run() -> None:
    english_only = {n.name for n in normalisers() if n.english_only}
    assert "fix_mojibake" not in english_only and "rejoin_wrapped_lines" not in english_only
    mojibake = FOREIGN["fr"].replace("è", "Ã¨").replace("é", "Ã©")  # UTF-8 read as cp1252
    result = repair(mojibake)
    assert result.text == FOREIGN["fr"]
    assert {c.step for c in result.changes} == {"fix_mojibake"}


def test_a_page_written_a_paragraph_a_line_is_read_line_by_line() -> None:
    english = [
        "Breast cancer is the most common cancer in women in the United States.",
        "Most breast cancers are found when a woman feels a lump or has a mammogram.",
    ]
    spanish = FOREIGN["es"]
    text = "\n".join([english[0], spanish, english[1]]) + "\n"
    start = text.index(spanish)
    assert other_language_spans(text) == [(start, start + len(spanish))]


def test_a_short_line_takes_its_paragraphs_verdict() -> None:
    # Hard-wrapped French: some lines have too few markers of their own.
    words = FOREIGN["fr"].split()
    wrapped = "\n".join(" ".join(words[i : i + 6]) for i in range(0, len(words), 6))
    text = "The patients were treated with the drug.\n\n" + wrapped + "\n"
    start = text.index(wrapped)
    assert other_language_spans(text) == [(start, start + len(wrapped))]


def test_notation_glued_to_brackets_is_no_marker() -> None:
    text = "Good prognostic group: Normal; del(5q); del(20q); del(12p); double including del(5q)."
    assert other_language_spans(text) == []
    # The rule is what keeps it English: written free, five "del" read as Spanish.
    assert other_language_spans(text.replace("(", " (")) != []
