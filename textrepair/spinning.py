"""Undo article spinning: restore words an automatic spinner replaced by synonyms.

A spinner looks each content word up in a thesaurus, takes a synonym (often of
the wrong sense: "cistron" for gene, "affected role" for patients, "cheek" for
nerves) and writes it in its base form ("has approve", "these finding"). The
result reads as nonsense but every word is a real word, so spell checkers pass
it. :func:`restore_spun_words` reverses it with a noisy-channel choice:

* **candidates** come from a reverse synonym index (``dictionaries/
  spin_synonyms.tsv``, built from WordNet and the Moby thesaurus by
  ``scripts/build_synonyms.py``): every common word the observed word or
  multiword span can stand for, in every inflection (lemminflect), plus the
  inflections of the observed word itself (lost inflection), favoured where
  syntax asks for one ("has approve" -> approved, "these finding" ->
  findings, "he say" -> said) and, for reporting verbs, in the document's
  narrative tense ("tell apart" -> told in a page that writes "said").
  Past the gate, where nothing else beats keeping a word, a synonym only
  Moby lists is a candidate too when it makes a strong collocation with a
  neighbour the observed word makes an unseen pair with (a "tortured
  phrase": "kidney disappointment" -> failure).
  The prior of a lost inflection is the lemma's own chance to be picked by
  such a spinner (WordNet: "symptom" has one sense and one lemma, so a spun
  "symptoms" is always "symptom"; "gene" shares its synset with "cistron" and
  "factor").
* **scores** add how well a candidate fits between its left and right
  neighbours (bigram counts of the health corpus and of symspellpy, backed off
  to wordfreq's general frequency), how often the original lemma occurs
  elsewhere in the same document (the spinner is random, so "cistron" is
  "gene" two sentences later), WordNet's sense counts (which lemma of a
  synset is the usual one) and, beside a person's name ("Jane Doe, lead study
  generator and"), whether a candidate's usual sense names a person;
* **the spin gate** comes first: a document is only touched when its distinct
  fingerprints add up to enough evidence. A fingerprint is a form a spinner
  writes far more often than clean text does: the log likelihood ratio of the
  form under "a spinner replaced 30% of the words by a random WordNet sense and
  lemma" against clean health and general English ("cistron": gene is common,
  cistron is not; "affected role": health text never pairs the two words),
  plus base-form verbs after auxiliaries ("are diagnose") and singular nouns
  after "these". Spelling variants ("tumour") carry no evidence. In a spun
  document, short paragraphs (captions, boilerplate) need a fingerprint of
  their own. The gate is set arithmetic over the lower-cased words, so clean
  documents cost little.
* **the decision** (``Config.spin_decision``): by default gradient-boosted trees
  (``dictionaries/spin_model.tsv``, trained by ``scripts/build_spin_model.py``
  on our own spinner's output, where the original of every spun word is known)
  read the evidence above for the best candidate of a site and give
  P(it restores the original) and P(the word was fine); the change is made
  when its margin reaches ``Config.spin_margin`` and P(right) - P(fine)
  reaches ``Config.spin_model_threshold``, and P(right) is its confidence.
  ``"margins"`` is the older hand-set rule (a common word's synonym needs
  ``Config.spin_common_extra_margin`` more).

The main false positive is a rare but genuine word in clean text ("lentigo" in
a dermatology page, "he say" quoted dialect). The gate guards against it: clean
documents almost never reach the evidence rate (a page repeating "lentigo"
shows one distinct fingerprint, not ten), and inside a spun document a change
needs a margin of ``Config.spin_margin`` (natural-log units) over keeping the
word, a word common in health text ``Config.spin_common_extra_margin`` more,
and Moby's loose associations are never used for a field term ("clavicle" is
not restored to bone). The accepted cost: fine-English synonyms ("hard" for
difficult) and common words in the wrong sense ("cheek" for nerves) stay.

>>> from textrepair.config import Config
>>> from textrepair.registry import StepContext
>>> from textrepair.changes import apply_edits
>>> spun = ("The cistron codes for a protein. Affected role are diagnose early. "
...         "The gene is rare. Many affected role have no symptom. He say the "
...         "discourse has approve.")
>>> ctx = StepContext(Config(), "restore_spun_words")
>>> apply_edits(spun, restore_spun_words(spun, ctx))[:60]
'The gene codes for a protein. Patients are diagnosed early. '
>>> clean = "The gene codes for a protein. Patients are diagnosed early."
>>> restore_spun_words(clean, ctx)
[]
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources as importlib_resources
from typing import NamedTuple

from .changes import Edit
from .patterns import (
    SPIN_AUXILIARIES,
    SPIN_BASE_VERB_MARKERS,
    SPIN_DETERMINERS,
    SPIN_FUNCTION_WORDS,
    SPIN_GATE_BYTES,
    SPIN_PARTITIVE_QUANTIFIERS,
    SPIN_PLURAL_DETERMINERS,
    SPIN_PLURAL_VERBS,
    SPIN_POSSESSIVE_DETERMINERS,
    SPIN_PREPOSITIONS,
    SPIN_RELATIVE_PRONOUNS,
    SPIN_REPORTING_VERBS,
    SPIN_SINGULAR_DETERMINERS,
    SPIN_SINGULAR_VERBS,
    SPIN_SUBJECT_PRONOUNS,
    SPIN_TOKEN,
)
from .registry import StepContext, normaliser
from .resources import DictionaryError, load_counts, load_table, symspell_counts, table_rows
from .tokens import WORD_CACHE_SIZE

# P(observed | original) of the noisy channel, as log-probabilities.
_KEEP = math.log(0.7)  # a word the spinner left alone
# The spinner kept the lemma but dropped the inflection: _SPIN_RATE times the
# lemma's own chance to be picked (spin_synonyms rows with spun = original),
# this for a lemma WordNet does not list.
_SELF_DEFAULT = 0.25
_SYNONYM = math.log(0.3 * 0.05)  # the spinner wrote a synonym Moby lists
_SPIN_RATE = 0.3  # a WordNet synonym: times the chance of that sense and lemma
# A pair only the broad Moby thesaurus knows is this much less likely (Moby
# lists loose associations: "lentigo" under point, check and score).
_MOBY_ONLY = -6.0
_MOBY_MIN_ZIPF = 2.8
# A tortured phrase ("kidney disappointment" for kidney failure, "amino
# corrosive" for amino acid): a Moby-only candidate makes a collocation with
# a neighbour (its pointwise association, log P(pair) over independence under
# :func:`_logp`, of at least _COLLOCATION_MIN nats: "kidney failure" 8.3,
# "amino acid" 11.0, "the failure" 2.7) where the observed word's pair with
# that neighbour is in none of the bigram lists. Past the gate, with the
# learned decision, where no other synonym and no inflection beats keeping
# the word, such a candidate is scored with the channel of a listed synonym
# (no _MOBY_ONLY), even for a word that reads as English or that general
# English hardly uses, and the model reads the association (feature
# ``collocation``) and how much of the page only Moby explains (``page_moby``).
# spun.md, "Thirteenth session: beyond WordNet".
_COLLOCATION_MIN = 5.0
# The words after a noun phrase in apposition to a name (:func:`_apposition`)
# that end it: "Jane Doe, study author and a neurologist at".
_APPOSITION_RIGHT = ("and", "at", "of", "in", "with", "from", "for", "who", "on")
# Subjects whose bare verb follows the page's past narrative (:func:`_person_agent`).
_AGENT_PRONOUNS = ("he", "she")
_AGENT_GROUPS = ("colleagues", "team", "coworkers", "collaborators")
# Fifteenth session (spun.md): the head of a noun phrase in apposition to a
# person's name names a person or a role ("Jane Doe, lead study author and").
# There a synonym whose most frequent WordNet noun sense is a person
# (``spin_person.tsv``) scores this much more when the observed word's is not
# ("generator" -> author), and this much less in the reverse case.
_PERSON_WEIGHT = 1.0
# Bonus for a reporting verb in the document's narrative tense.
_TENSE_WEIGHT = 2.0
# Weight of log(1 + how often the document writes a candidate form itself).
_FORM_WEIGHT = 1.0
# An inflection no syntactic trigger asks for is this much less likely.
_UNTRIGGERED = -0.5
# A synonym's form other than the one syntax asks for ("there are no
# treatment" for treatments) is this much less likely.
_SYN_UNASKED = -1.0
# A list item's plural where a neighbouring item is plural ("canals, lake,
# rivers") is this much more likely (list items share their number; tuning
# harness, 400 documents: 0 48.2%, 1 48.4%, 2 48.5%, 3 48.5% with more fine
# words changed).
_PARALLEL = 2.0
# Extra margin of a common multiword span (not a fingerprint, word pairs
# health text writes: "thyroid gland", "in general", "make it") over a common
# single word. Such spans were never restored before; tuning harness (400
# documents): restoring them gained 0.9 points with 13 more fine words
# changed ("shortness of breath" -> sobbing among them) at 0, 0.8 points
# with 2 more at 2, 0.6 points at 4.
_SPAN_EXTRA = 2.0
# Extra margin a word common in health text needs to be re-inflected.
_STRICT_INFLECT = 0.0
# The model builder records inflection sites with a margin over keeping the
# word from this (scripts/build_spin_model.py sets it; at most 0).
_TRACE_FLOOR = 0.0
# Where syntax asks for an inflection of a bare lemma, and which (Penn tags).
_TRIGGERS: dict[str, tuple[str, ...]] = {
    **{w: ("VBN",) for w in ("has", "have", "had", "having", "been")},
    **{w: ("VBN", "VBG") for w in ("is", "are", "was", "were", "be", "being", "am")},
    **{w: ("VBD", "VBZ") for w in SPIN_SUBJECT_PRONOUNS},
    **{w: ("NNS",) for w in SPIN_PLURAL_DETERMINERS},
    **{w: ("VBG",) for w in "by without after before while".split()},
}
# Spin gate: a form is a fingerprint when spun text shows it this many nats
# more often than clean text; one form counts at most _FINGERPRINT_CAP.
_FINGERPRINT_MIN = 0.5
_FINGERPRINT_CAP = 6.0
# Share of the needed evidence single words must show before the gate looks
# for multiword fingerprints and bare lemmas (the second look), and the share
# they must show for a document to open without confirmation. The first keeps
# clean pages cheap: single-word fingerprints by set intersection, then stop.
# The second is a guard of its own: a clean page's pair evidence can be high
# ("does it go", "medical checkup") while it has few rare single words, so a
# document whose evidence sits mostly in pairs is confirmed in context (below).
# Both are 0.3: a lower _FIRST_LOOK sends the pages between the two to the
# confirmation band. Seventh session (spun.md, "Seventh session: gate"):
# 0.05 recovers 6 spun tuning documents in 400 that have all the evidence
# they need but a single fingerprint word, and more with a wider band, but
# takes the second look on 120 of the 600 callgrind pages (+13% of the
# instructions) and the confirming pass on more clean pages. Eighth session
# ("Eighth session: gate"): 0.15, with the band from 0.5 behind the quick
# confirmation; 0.05 would open more (tuning harness 54.48% against 53.86%)
# but its second looks and the expensive clean pages its band reaches cost
# about a fifth more on the clean path. Ninth session ("Ninth session: gate
# cost"): 0.05, affordable with a second look over bytes
# (:func:`_gate_evidence`) and a stricter quick confirmation for the pages
# under _QUICK_STRICT_BELOW (below).
_FIRST_LOOK = 0.05
_OPEN_SINGLE = 0.3
# A document whose fingerprints reach _CONFIRM_EV of the needed evidence and
# show _CONFIRM_SIGNALS distinct signals, but that does not open outright
# (short of the evidence, of spin_doc_min_signals distinct signals, or of
# single-word evidence), is scored as a spun one would be, and restored only
# when the first pass confirms it: its restorations' margins, each capped at
# _CONFIRM_CAP and counted once per distinct observed form (its best), must
# add up to _CONFIRM_MARGINS times the needed evidence. Context decides what
# the fingerprints alone could not: on a spun page most of them are restored
# by wide margins, and so are many common words around them, each a different
# word; on a clean page a rare word fits its neighbours, and what the first
# pass does restore is mostly one topic word repeated (a clean tuning page's
# first pass restores one word five times by 8.6 nats: 3.0 times its needed
# evidence counted per restoration, 1.2 counted per form). Until the seventh
# session the band was 3 signals and 3.0 times the evidence summed over all
# restorations. Measured before choosing (clean pages with health tables
# built from the other half of dev.jsonl, which had not seen them, and with
# the shipped tables; every clean page that reaches the band at any of the
# settings tried, down to 0.5 of the evidence and 2 signals): the sum per
# form is at most 2.15 (1.86 on the tuning half, 2.15 on the held-out half,
# 2.00 with the shipped tables). Tuning harness (400 documents): 52.23% ->
# 52.44% of word errors removed. The cost: a page in the band gets a first
# pass (the two clean pages of the callgrind set that a 0.5 band reaches
# cost 533M instructions, two thirds of what the other 598 cost), which is
# why the band started at 0.8 (3 of the 3,062 clean dev pages reach it with
# the shipped tables). Eighth session: a quick confirmation
# (:func:`_quick_confirmation`, about a tenth of the first pass's cost)
# filters the band first; a page passes it when its sum per form reaches
# _CONFIRM_QUICK times what the full pass must reach (0.8 times the needed
# evidence, against 2.75; no filter when _CONFIRM_MARGINS is 0). Chosen from the pages of the
# widest band tried (first look 0.05, band 0.5): 0.8 passes 35 of the 38
# spun tuning documents the full pass confirms and 7 of the 48 clean pages
# in the band (both halves, shipped tables and tables that had not seen
# them). With it the band opens from 0.5: 13 clean dev pages reach it, and
# on the 17 clean pages of the widest band the step costs 202M instructions
# against 287M at 0.8 without the filter (tuning harness 52.98% -> 53.86%).
# The quick confirmation scores no synonym of a single word: with the 3
# most likely originals (by prior) the clean pages' quick sums reach 2.00 of
# the needed evidence (1.13 without) and those 17 pages cost 1,415M
# instructions against 1,008M (at _CONFIRM_QUICK 0.3, before the inflection
# tables were read without lemminflect's copy).
_CONFIRM_EV = 0.5
_CONFIRM_SIGNALS = 2
_CONFIRM_MARGINS = 2.75
_CONFIRM_CAP = 6.0
_CONFIRM_QUICK = 0.8 / _CONFIRM_MARGINS
# A page whose single-word fingerprints show under _QUICK_STRICT_BELOW of the
# needed evidence (the eighth session's first look) must reach
# _CONFIRM_QUICK_STRICT times what the full pass must reach instead: the less
# its rare words show, the more the page must show in context before the
# full first pass is paid. Ninth session: on the tuning pages 0-800 the spun
# pages the band 0.05-0.15 restores score 1.79-3.66 times the needed
# evidence in the quick confirmation; the clean dev pages of the widest band
# at most 1.13 with the shipped tables and 1.33 with tables that had not
# seen them (48 pages, "Eighth session: gate"); 1.5 stops the two clean dev
# pages the 0.8 goal let through to the full pass from that band.
_QUICK_STRICT_BELOW = 0.15
_CONFIRM_QUICK_STRICT = 1.5 / _CONFIRM_MARGINS
# Gate evidence of a bare lemma after a trigger ("are diagnose", "these finding").
_BARE_LEMMA_EVIDENCE = 2.0
# Paragraphs with at least this many words are restored in a spun document
# even without a fingerprint of their own (short ones may be captions or
# boilerplate the spinner never saw: seed 000's image captions have 6-12
# words). Tuning harness (400 documents): 40 49.3%, 25 49.5%, 20 49.6%, 10
# 49.8%; 20 keeps captions and headings to the stricter rule.
_PARA_LONG = 20
# Weights of log(1 + occurrences of the original's lemma in the document) and
# of log(1 + WordNet's sense count of the original in the shared synset).
_DOC_WEIGHT = 1.5
# The same weight for the observed word's own lemma elsewhere in the document,
# against a synonym only ("itch mite" in a page that writes "itch" 16 times is
# not spun from scabies, which it writes 42 times); not against its own
# inflections, which share the lemma's count. Tuning harness (400 documents):
# 0 -> 1.5 gained 0.4 points and cut fine words changed from 335 to 286.
_KEEP_DOC_WEIGHT = _DOC_WEIGHT
_SENSE_WEIGHT = 0.3
# The bigram model: health bigrams, symspellpy bigrams and wordfreq unigrams.
_W_HEALTH = 0.45
_W_GENERAL = 0.45
_W_UNIGRAM = 0.1
# Share of wordsegment's web bigrams in the general-English part.
_W_WEB = 0.8
_K_WEB = 1e6
# Add-k constants of the two bigram sources (their counts differ in scale).
_K_HEALTH = 5.0
_K_SYMSPELL = 1e6
# What a pair missing from a truncated bigram list may still have had: half
# the list's cut (health pairs >= 3, symspellpy's >= 6.4M, wordsegment's >= 100k).
_ABSENT_HEALTH = 1.5
_ABSENT_SYMSPELL = 3.2e6
_ABSENT_WEB = 5e4


# --- evidence -------------------------------------------------------------


@cache
def _reverse_index() -> dict[str, tuple[tuple[str, int, float | None], ...]]:
    """spun form -> ((original, WordNet tag count or -1 for Moby only,
    channel log-probability), ...)."""
    index: dict[str, list[tuple[str, int, float | None]]] = defaultdict(list)
    acronyms = _acronyms()
    for spun, original, sources, count, p_spin in table_rows("spin_synonyms"):
        if (
            spun != original
            and original not in SPIN_FUNCTION_WORDS
            and original not in acronyms
            and len(original) > 1
        ):
            # The channel log-probability of this replacement, or None for a
            # pair only Moby knows (no spinner model to weigh it).
            channel = math.log(_SPIN_RATE * float(p_spin)) if float(p_spin) > 0 else None
            index[spun].append((original, int(count) if "wn" in sources else -1, channel))
    return {k: tuple(v) for k, v in index.items()}


@cache
def _person_nouns() -> frozenset[str]:
    """The nouns whose most frequent WordNet sense names a person."""
    return frozenset(row[0] for row in table_rows("spin_person"))


@cache
def _acronyms() -> frozenset[str]:
    """Lower-cased words health text mostly writes in capitals ("TB", "HIV"):
    restoring one in lower case would be wrong even when the sense is right."""
    counts: Counter[str] = Counter()
    for word, n in load_counts("health_words").items():
        if len(word) > 1 and word.isupper():
            counts[word.lower()] += n
    health = _health()
    freq = _wordfreq()
    return frozenset(
        w for w, n in counts.items() if 2 * n > health.get(w, 0) and _zipf(freq.get(w, 0.0)) < 4
    )


@cache
def _self_rates() -> dict[str, float]:
    """lemma -> chance that a WordNet spinner picking a random sense and lemma of
    it writes the lemma itself (then only its inflection is lost)."""
    return {
        spun: float(p_spin)
        for spun, original, _, _, p_spin in table_rows("spin_synonyms")
        if spun == original
    }


@cache
def _health() -> dict[str, int]:
    counts: Counter[str] = Counter()
    for word, n in load_counts("health_words").items():
        counts[word.lower()] += n
    return dict(counts)


@cache
def _wordfreq() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en")


@cache
def _symspell() -> tuple[dict[str, int], dict[str, int]]:
    return (
        symspell_counts("frequency_dictionary_en_82_765.txt"),
        symspell_counts("frequency_bigramdictionary_en_243_342.txt"),
    )


@cache
def _suspicious() -> frozenset[str]:
    """Spun forms clean health text hardly uses although a common synonym exists.

    A multiword WordNet lemma ("affected role", "book of account") qualifies
    when health text lacks one of its word pairs and one of its originals is a
    health word (>= 20 occurrences); a single word when health text uses it at
    most twice and general English rarely (zipf < 3.5) while one of its
    originals is a frequent health word (>= 100 occurrences).
    """
    health, freq, pairs = _health(), _wordfreq(), _health_bigrams()
    out = set()
    for spun, originals in _reverse_index().items():
        if spun.isdigit():
            continue  # WordNet lists "50" as a lemma of fifty
        best = max(health.get(o, 0) for o, _, _ in originals)
        if " " in spun:
            words = spun.split(" ")
            if (
                best >= 20
                and not (len(words) == 2 and words[0] in SPIN_FUNCTION_WORDS)
                and not all(pairs.get(f"{a} {b}", 0) >= 3 for a, b in zip(words, words[1:]))
            ):
                out.add(spun)
        elif best < 100:
            continue
        elif health.get(spun, 0) <= 2 and _zipf(freq.get(spun, 0.0)) < 3.5:
            out.add(spun)
    return frozenset(out)


@cache
def _moby_prints() -> frozenset[str]:
    """Single words only Moby lists as a replacement of a common health word
    (no WordNet row), that health text hardly uses (at most twice) and general
    English rarely (zipf < 3.5), as :func:`_suspicious` picks its single
    words: a Moby spinner writes them, a WordNet spinner does not. Tuning
    documents 0-200 (thirteenth session), per 100 words of a page, distinct:
    Moby-spun pages 1.5 - 5.3 (10th - 90th percentile), WordNet-spun and
    clean pages 0.0 (90th percentile 0.27 and 0.15)."""
    health, freq = _health(), _wordfreq()
    return frozenset(
        spun for spun, originals in _reverse_index().items()
        if " " not in spun and all(count < 0 for _, count, _ in originals)
        and health.get(spun, 0) <= 2 and _zipf(freq.get(spun, 0.0)) < 3.5
    )


@cache
def _fingerprints() -> dict[str, float]:
    """Spun form -> log likelihood ratio of seeing it in spun vs clean text.

    Under a spinner that replaces a share ``_SPIN_RATE`` of the words, a form
    ``w`` turns up with probability ``(1 - r) p(w) + r sum_o p(o) p_spin(w | o)``
    instead of ``p(w)``; ``p`` mixes health-text and general-English frequency
    (for a multiword form, its rarest word pair). Forms whose ratio is at least
    ``_FINGERPRINT_MIN`` nats are kept ("cistron": gene is common, cistron is
    not; "affected role": health text never pairs the two words).
    """
    health, freq, pairs = _health(), _wordfreq(), _health_bigrams()
    n_health = sum(health.values())
    uni, bi = _symspell()
    n_bi = sum(bi.values())
    web_bi = _wordsegment()[1]
    n_web = sum(web_bi.values())

    def p(form: str) -> float:
        if " " not in form and "-" not in form:
            return 0.5 * health.get(form, 0) / n_health + 0.5 * freq.get(form, 0.0) + 1e-8
        if "-" not in form:
            words = form.split(" ")
            return 1e-8 + min(
                0.5 * pairs.get(f"{a} {b}", 0) / n_health + 0.5 * bi.get(f"{a} {b}", 0) / n_bi
                for a, b in zip(words, words[1:])
            )
        # A hyphenated form ("post-mortem"): general English counts no
        # hyphenated compound, so its word pairs as if spaced stand in, from
        # symspellpy's or wordsegment's (web) bigrams, the larger ("post
        # mortem" is only in the latter); or health text's own count of it
        # ("follow-up", "x-ray": a page of the field writes them), the larger.
        words = form.replace("-", " ").split(" ")
        return 1e-8 + max(0.5 * health.get(form, 0) / n_health, min(
            0.5 * pairs.get(f"{a} {b}", 0) / n_health
            + 0.5 * max(bi.get(f"{a} {b}", 0) / n_bi, web_bi.get(f"{a} {b}", 0) / n_web)
            for a, b in zip(words, words[1:])
        ))

    out = {}
    for spun, originals in _reverse_index().items():
        if spun.isdigit() or spun in SPIN_FUNCTION_WORDS:
            continue  # WordNet lists "50" as a lemma of fifty
        mass = sum(
            p(o) * math.exp(ch)
            for o, _, ch in originals
            # A spelling variant is no evidence, hyphenated or not ("tumour",
            # "co-ordinate", "life-style").
            if ch is not None and _skeleton(o) != _skeleton(spun.replace("-", ""))
        )
        ratio = math.log(1 - _SPIN_RATE + mass / p(spun))
        if ratio >= _FINGERPRINT_MIN:
            out[spun] = min(ratio, _FINGERPRINT_CAP)
    return out


def _skeleton(word: str) -> str:
    """Consonants with s for z and doubles collapsed: spelling variants share it
    ("tumour" and "tumor", "paediatric" and "pediatric", "anaesthetise" and
    "anesthetize"). WordNet lists such variants as lemmas of one synset; a
    British page is not spun for using them."""
    out: list[str] = []
    for c in word.replace("z", "s"):
        if c not in "aeiouy" and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


@cache
def _health_bigrams() -> dict[str, int]:
    return load_counts("health_bigrams")


@cache
def _bare_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """Bare forms that are a lost inflection after a trigger word.

    The first set holds verb lemmas whose past participle differs from the
    lemma and is a health word, and that are not adjectives ("is present"):
    after "has" or "are" they are a spinner's base form ("are diagnose"). The
    second holds nouns with a distinct plural that are not verbs ("these
    finding"; "these cause pain" is English).
    """
    from lemminflect import getAllInflections, getInflection

    health = _health()
    words = set()
    for spun, originals in _reverse_index().items():
        if " " not in spun:
            words.add(spun)
        words.update(o for o, _, _ in originals)
    verbs, nouns = set(), set()
    for word in words:
        verb = getAllInflections(word, upos="VERB")
        if verb:
            vbn = getInflection(word, "VBN")
            if vbn and vbn[0] != word and health.get(vbn[0], 0) >= 5 and not getAllInflections(
                word, upos="ADJ"
            ):
                verbs.add(word)
            continue
        plural = getAllInflections(word, upos="NOUN").get("NNS", (word,))
        if plural[0] != word and health.get(plural[0], 0) >= 5:
            nouns.add(word)
    return frozenset(verbs), frozenset(nouns)


def _zipf(freq: float) -> float:
    return math.log10(freq) + 9 if freq > 0 else 0.0


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _logp(word: str, prev: str | None) -> float:
    """log P(word | prev), interpolating health and symspellpy bigrams with
    wordfreq's unigram frequency; ``prev`` None means no usable left context."""
    freq, uni, bi, web_uni, web_bi = _bigram_tables()
    unigram = freq.get(word, 0.0) + 1e-9
    if prev is None:
        return math.log(unigram)
    pair = f"{prev} {word}"
    health_words = _health()
    # Each bigram list is truncated (health pairs seen >= 3 times, symspellpy's
    # >= 6.4M, wordsegment's >= 100k), so a missing pair only says its count
    # is below the cut: where the pair's count under independence would be
    # below the cut too, absence is no evidence and the word's own frequency
    # stands in ("exciting breakthrough" is missing from every list, as most
    # pairs of a rarer word are). Without this a rare word the spinner left
    # alone lost about 2.3 nats a side to any common synonym.
    # Per list: count(pair) / (count(prev) + k); for a missing pair, the
    # word's own probability (independence) capped at what a pair under the
    # list's cut can have (absent / (count(prev) + k)). Written out rather
    # than as a function of the list: a miss of this cache is a third of the
    # step's time on a spun page.
    n_prev = health_words.get(prev, 0) + _K_HEALTH
    count = _health_bigrams().get(pair, 0)
    if count:
        health = count / n_prev
    else:
        health = min(health_words.get(word, 0) / _health_total(), _ABSENT_HEALTH / n_prev) * (
            n_prev - _K_HEALTH) / n_prev
    n_prev = uni.get(prev, 0) + _K_SYMSPELL
    count = bi.get(pair, 0)
    if count:
        general = count / n_prev
    else:
        general = min(unigram, _ABSENT_SYMSPELL / n_prev) * (n_prev - _K_SYMSPELL) / n_prev
    if _W_WEB:
        n_prev = web_uni.get(prev, 0) + _K_WEB
        count = web_bi.get(pair, 0)
        if count:
            web = count / n_prev
        else:
            web = min(unigram, _ABSENT_WEB / n_prev) * (n_prev - _K_WEB) / n_prev
        general = (1 - _W_WEB) * general + _W_WEB * web
    return math.log(_W_HEALTH * health + _W_GENERAL * general + _W_UNIGRAM * unigram)


@cache
def _bigram_tables() -> tuple[
    dict[str, float], dict[str, int], dict[str, int], dict[str, int], dict[str, int],
]:
    """The general-English tables :func:`_logp` reads, in one tuple (one call
    per cache miss): wordfreq's frequencies, symspellpy's and wordsegment's
    unigrams and bigrams. The health tables are read through their own
    functions, which the leak-free evaluation (``scripts/eval_kinds/spun.py``)
    replaces."""
    return (_wordfreq(), *_symspell(), *_wordsegment())


@cache
def _health_total() -> int:
    return sum(_health().values())


@cache
def _wordsegment() -> tuple[dict[str, int], dict[str, int]]:
    """wordsegment's unigram and bigram counts (Google Web Trillion Word
    Corpus, Apache 2.0, as the package ships them)."""
    base = importlib_resources.files("wordsegment")
    out = []
    for name in ("unigrams.txt", "bigrams.txt"):
        table = {}
        for line in (base / name).read_text("utf-8").splitlines():
            key, _, n = line.rpartition("\t")
            table[key] = int(n)
        out.append(table)
    return out[0], out[1]


@cache
def _inflection_tables() -> tuple[
    dict[str, dict[str, tuple[str, ...]]], dict[str, dict[str, tuple[str, ...]]],
    dict[str, dict[str, tuple[str, ...]]], dict[str, dict[str, tuple[str, ...]]],
]:
    """lemminflect's tables, read in place: inflections by lemma and their
    overrides, lemmas by word and theirs. Its public calls
    (``getAllInflections``, ``getInflection``, ``getAllLemmas``) deep-copy a
    word's entry on every call: about a third of the first pass's cost on a
    page the caches have not seen. The private readers are pinned by the
    lemminflect range in pyproject.toml and checked by
    tests/test_spin_cost8.py."""
    from lemminflect import Inflections, Lemmatizer

    inflections, lemmas = Inflections(), Lemmatizer()
    return (
        inflections._getInflDict(), inflections._getOverridesDict(),
        lemmas._getLemmaDict(), lemmas._getOverridesDict(),
    )


def _lower_style(word: str) -> bool:
    """Whether lemminflect's ``getCapsStyle(word)`` is "lower" (it then
    lower-cases what it returns for the word)."""
    return not word.isupper() and not word[:1].isupper()


def _inflection_entry(key: str) -> dict[str, tuple[str, ...]] | None:
    """lemminflect's inflections of ``key`` (looked up as given) with its
    overrides applied, as ``getAllInflections`` merges them, uncopied: the
    caller must not change it."""
    table, overrides = _inflection_tables()[:2]
    forms = table.get(key)
    extra = overrides.get(key)
    if extra:
        forms = {**(forms or {}), **extra}
    return forms


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _tagged_inflections(lemma: str) -> tuple[tuple[str, str], ...]:
    """(form, Penn tag) for every inflection of ``lemma`` other than itself.

    The tuples ``getAllInflections(lemma)`` and ``getInflection(lemma,
    "VBN")`` give, read without their copies (tests/test_spin_cost8.py
    compares the two over every lemma lemminflect knows and every word the
    step can ask about). A lemma with capitals (never asked: the step asks
    lower-case words) takes lemminflect's own calls, which apply its
    capitalisation style.
    """
    if not _lower_style(lemma):
        return _tagged_inflections_copied(lemma)
    forms = _inflection_entry(lemma.lower()) or {}
    # lemminflect lower-cases each spelling for a lower-case lemma.
    table = {tag: tuple(f.lower() for f in spellings) for tag, spellings in forms.items()}
    if "VBD" in table and "VBN" not in table:
        # getInflection's fallback: a regular verb's past participle is
        # listed only as its past tense.
        table["VBN"] = table["VBD"]
    return _tagged_forms(lemma, table)


def _tagged_inflections_copied(lemma: str) -> tuple[tuple[str, str], ...]:
    """:func:`_tagged_inflections` through lemminflect's public calls."""
    from lemminflect import getAllInflections, getInflection

    table = dict(getAllInflections(lemma))
    if "VBD" in table:
        table["VBN"] = getInflection(lemma, "VBN")
    return _tagged_forms(lemma, table)


def _tagged_forms(lemma: str, table: dict[str, tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    # lemminflect lists a mass-noun reading beside the plural ("treatments",
    # "treatment"); as the plural, only the inflected form counts.
    if len(table.get("NNS", ())) > 1:
        table["NNS"] = tuple(f for f in table["NNS"] if f != lemma)
    return tuple(
        sorted({(f, tag) for tag, forms in table.items() for f in forms if f.isalpha()})
    )


_UPOS = {"N": "NOUN", "V": "VERB", "J": "ADJ", "R": "ADV"}


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _parts_of_speech(word: str) -> frozenset[str]:
    """The word classes lemminflect lists ``word`` as a lemma of ("NOUN",
    "VERB", ...); empty when it does not know the word. The Penn tags of its
    entry (``getAllInflections(word)``'s keys, read without the copy), sorted
    by class as ``getAllInflections(word, upos=...)`` sorts them."""
    from lemminflect.core.LexicalUtils import uposToTags

    tags = _inflection_entry(word.lower()) or {}
    return frozenset(u for u in _UPOS.values() if any(t in tags for t in uposToTags(u)))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _lemmas(word: str) -> frozenset[str]:
    """``word`` and every lemma ``getAllLemmas(word)`` lists, read without its
    copy (a word with capitals, never asked, takes lemminflect's call)."""
    if not _lower_style(word):
        from lemminflect import getAllLemmas

        out = {word}
        for values in getAllLemmas(word).values():
            out.update(values)
        return frozenset(out)
    table, overrides = _inflection_tables()[2:]
    key = word.lower()
    entry = table.get(key)
    extra = overrides.get(key)
    if extra:
        entry = {**(entry or {}), **extra}
    out = {word}
    for values in (entry or {}).values():
        out.update(v.lower() for v in values)
    return frozenset(out)


def warm_up() -> None:
    """Build every table restore_spun_words reads (about 6 s, 4 of them the
    reverse index, the fingerprints and the bare lemmas, otherwise built on the
    first document that reaches the gate's second look), so that batch workers
    forked afterwards share them instead of each building its own."""
    for build in (
        _reverse_index, _self_rates, _acronyms, _fingerprint_byte_set, _gate_tables,
        _suspicious, _moby_prints, _bare_lemmas, _symspell, _wordsegment, _bigram_tables,
        _topic, _model, _person_nouns,
    ):
        build()
    # lemminflect's tables (its lemma table about 0.8 s), read on the first
    # document the gate scores in full, a clean one it must confirm included.
    _inflection_tables()


# --- the gate -------------------------------------------------------------


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in SPIN_TOKEN.finditer(text)]


def _evidence(words: list[str]) -> tuple[float, int]:
    """How strongly a run of lower-case tokens shows a spinner: the summed log
    likelihood ratios of its distinct fingerprints, and how many there are.

    Distinct forms only: a rare word a page repeats ("lentigo" in a page about
    lentigines) is its topic, while a spinner scatters different ones; so is
    a bare lemma after a trigger ("are diagnose", "these finding"), counted
    once per distinct pair. The words are read as ASCII bytes, as the gate's
    first look reads a page (:func:`_gate_evidence`); every fingerprint is
    ASCII (tests/test_spin_gate9.py), so a word with another letter, which
    becomes ``?``, matches none, as it matched none as a string.
    """
    raw = " ".join(words).encode("ascii", "replace").split(b" ")
    return _gate_evidence(raw, _fingerprint_byte_set().intersection(raw))


def _gate_evidence(raw: list[bytes], singles: Iterable[bytes]) -> tuple[float, int]:
    """:func:`_evidence` of the words ``raw``, whose single-word fingerprints
    ``singles`` the caller has found (the gate's first look has them).

    Ninth session: one pass over the adjacent pairs tests each against the
    union of every pair the gate knows (two-word fingerprints, first and last
    pairs of three-word ones, trigger pairs of a bare lemma), without
    building a set of the page's pairs or decoding it to str (the bytes keep
    the hashes the first look computed); only the few pairs found are then
    sorted by kind. Cheaper than the eighth session's set operations over str
    words, pairs and triples, so that the second look can run on more pages
    (spun.md, "Ninth session: gate cost").
    """
    prints = _fingerprint_bytes()
    pair_prints, triple_prints, triples_by_start, triggers, known = _gate_tables()
    hits = known.intersection(zip(raw, raw[1:]))
    found = [prints[w] for w in singles]
    found += [pair_prints[p] for p in hits if p in pair_prints]
    # A three-word fingerprint needs its first and its last two words among
    # the pairs found; only then is the page searched for the three in a row
    # (common first pairs, "of the", are on most pages: a pass over the
    # page's word triples cost as much as the one over its pairs).
    line = b""
    for start in [p for p in hits if p in triples_by_start]:
        for triple in triples_by_start[start]:
            if (triple[1], triple[2]) in hits:
                line = line or b" " + b" ".join(raw) + b" "
                if b" %b %b %b " % triple in line:
                    found.append(triple_prints[triple])
    bare = len(hits & triggers)
    # math.fsum: a float sum over a set depends on its iteration order, which
    # depends on PYTHONHASHSEED (the model's features must not).
    return math.fsum(found) + _BARE_LEMMA_EVIDENCE * bare, len(found) + bare


def _signals(words: list[str]) -> int:
    return _evidence(words)[1]


@cache
def _fingerprint_bytes() -> dict[bytes, float]:
    """The single-word fingerprints as ASCII bytes (the gate's first look)."""
    return {
        f.encode(): v for f, v in _fingerprints().items()
        if " " not in f and "-" not in f and f.isascii()
    }


@cache
def _fingerprint_byte_set() -> frozenset[bytes]:
    return frozenset(_fingerprint_bytes())


@cache
def _gate_tables() -> tuple[
    dict[tuple[bytes, bytes], float], dict[tuple[bytes, bytes, bytes], float],
    dict[tuple[bytes, bytes], tuple[tuple[bytes, bytes, bytes], ...]],
    frozenset[tuple[bytes, bytes]], frozenset[tuple[bytes, bytes]],
]:
    """The gate's tables over word pairs, as ASCII bytes: two-word fingerprints'
    weights by their words, three-word ones' by theirs, the three-word ones by
    their first pair, the trigger pairs of a bare lemma (an auxiliary or
    he/she/it before a verb lemma, a plural determiner before a noun lemma:
    :func:`_bare_lemmas`), and the union of all these pairs and of the first
    and last pairs of the three-word fingerprints (what :func:`_gate_evidence`
    tests each of a page's pairs against). One bytes object per word, shared
    by the tuples."""
    words: dict[str, bytes] = {}

    def key(form: str) -> tuple[bytes, ...]:
        return tuple(words.setdefault(w, w.encode()) for w in form.split(" "))

    pair_prints: dict[tuple[bytes, bytes], float] = {}
    triple_prints: dict[tuple[bytes, bytes, bytes], float] = {}
    for form, value in _fingerprints().items():
        if not form.isascii() or "-" in form:
            # The gate reads ASCII bytes, and runs of letters only: no
            # fingerprint is other, and a hyphenated one ("liver-colored") is
            # the step's (:func:`_hyphen_spans`), not the gate's.
            continue
        k = key(form)
        if len(k) == 2:
            pair_prints[(k[0], k[1])] = value
        elif len(k) == 3:
            triple_prints[(k[0], k[1], k[2])] = value
    verbs, nouns = _bare_lemmas()
    triggers = {
        (key(a)[0], key(v)[0]) for a in SPIN_AUXILIARIES | SPIN_SUBJECT_PRONOUNS for v in verbs}
    triggers.update((key(d)[0], key(n)[0]) for d in SPIN_PLURAL_DETERMINERS for n in nouns)
    by_start: dict[tuple[bytes, bytes], list[tuple[bytes, bytes, bytes]]] = defaultdict(list)
    for t in sorted(triple_prints):
        by_start[(t[0], t[1])].append(t)
    ends = {(t[1], t[2]) for t in triple_prints}
    return (pair_prints, triple_prints, {k: tuple(v) for k, v in by_start.items()},
            frozenset(triggers), frozenset(pair_prints.keys() | by_start.keys() | ends | triggers))


# --- scoring ---------------------------------------------------------------


def _context_score(forms: list[str], left: str | None, right: str | None) -> float:
    score = _logp(forms[0], left)
    for a, b in zip(forms, forms[1:]):
        score += _logp(b, a)
    if right is not None:
        score += _logp(right, forms[-1]) - _logp(right, None)
    return score


class _Option(NamedTuple):
    """One way to restore a span: its score, the restored form, the evidence
    text, and what the learned decision reads about it."""

    score: float
    form: str
    why: str
    synonym: bool  # a synonym (else an inflection of the observed lemma)
    asked: bool  # syntax asks for the form's tag
    prior: float  # channel log-probability of the replacement
    lemma: str  # the original lemma
    senses: int  # WordNet's sense count of the original (-1: Moby only)
    tag: str = ""  # an inflection's Penn tag ("" for a synonym)
    collocation: float = 0.0  # a lifted Moby-only candidate's association (_COLLOCATION_MIN)


_NOTHING_ASKED: frozenset[str] = frozenset()


class _Options(NamedTuple):
    keep: float  # keeping the span, against an inflection
    keep_syn: float  # keeping it against a synonym (the page's own uses weigh)
    inflected: _Option | None
    synonym: _Option | None
    strict: bool


def _margin_choice(opts: _Options, extra: float) -> tuple[float, _Option] | None:
    """The option with the largest margin over keeping the span (a synonym of a
    ``strict`` span over the best inflection too, and ``extra`` more)."""
    options = []
    if opts.inflected is not None:
        options.append((_inflection_margin(opts, opts.inflected), opts.inflected))
    if opts.synonym is not None:
        floor = opts.keep_syn
        if opts.strict and opts.inflected is not None:
            floor = max(floor, opts.inflected.score)
        options.append((opts.synonym.score - floor - (extra if opts.strict else 0.0),
                        opts.synonym))
    if not options:
        return None
    return max(options, key=lambda o: o[0])


def _inflection_margin(opts: _Options, inflected: _Option) -> float:
    """The margin of the best inflection over keeping the span."""
    return inflected.score - opts.keep - (_STRICT_INFLECT if opts.strict else 0.0)


def _options(
    span: list[str], left: str | None, right: str | None, doc_lemmas: Counter[str],
    doc_forms: Counter[str], strict: bool,
    agreement: tuple[frozenset[str], tuple[str, ...], float] = (frozenset(), (), 0.0),
    topic: _Topic | None = None, person: bool = False,
) -> _Options:
    """The scores of keeping a lower-case span, of its best inflection and of
    its best synonym; ``person``: the span heads a noun phrase in apposition
    to a person's name (:func:`_person_slot`), where a synonym that names a
    person where the observed word does not scores ``_PERSON_WEIGHT`` more,
    and one that does not where it does that much less.

    The word's own inflections are candidates when it is a bare lemma, more
    likely where syntax asks for one (``_TRIGGERS``: "has approve", "these
    finding", "he say") than elsewhere (``_UNTRIGGERED``); no candidate has a
    tag in ``blocked`` (syntax keeps the bare form there: :func:`_agreement`). When ``strict`` (the
    word or span is no fingerprint: it reads as English), a synonym must
    beat the best inflection too.

    The candidate loops are the step's hot path on spun pages (about 20
    candidates a site): the single-word context score is inlined there and
    the right neighbour's unigram term taken once, in the same order of float
    operations as :func:`_context_score`, so every score is the same number.
    """
    observed = " ".join(span)
    keep = _context_score(span, left, right) + _KEEP
    inflected: _Option | None = None
    blocked, favoured, parallel = agreement
    # (A numeral before the word asks for a plural through ``agreement``.)
    tags = _TRIGGERS.get(left or "", ())
    if right in SPIN_PLURAL_VERBS:
        tags = (*tags, "NNS")
    tags = (*tags, *favoured)
    # The head of a span that reads as English may be a lost inflection beside
    # words the spinner left alone ("had go on to" is "had gone on to", not
    # "had happened to"). Tuning harness: -0.05 points on two sets of 400
    # documents (a spun "pass on" for given becomes "passed on", one word too
    # many), kept because it stops a restored span from eating a fine word.
    head, rest = span[0], span[1:]
    if len(span) == 1 or strict:
        for lemma in _lemmas(head):
            if lemma != head:
                continue  # already inflected: the spinner writes base forms
            for form, tag in _tagged_inflections(lemma):
                if form == head or tag in blocked:
                    continue
                own = math.log(_SPIN_RATE * _self_rates().get(lemma, _SELF_DEFAULT))
                prior = own + (0.0 if tag in tags else _UNTRIGGERED)
                # A list asks for the number of the span's last word, not its head's.
                prior += parallel if tag in favoured and not rest else 0.0
                prior += _FORM_WEIGHT * math.log1p(doc_forms.get(form, 0))
                prior += _tense_bonus(lemma, tag, doc_forms)
                score = prior + _context_score([form, *rest], left, right)
                if inflected is None or score > inflected.score:
                    why = f"inflect {lemma} {tag}" + ("" if tag in tags else " (context)")
                    inflected = _Option(score, " ".join([form, *rest]), why, False,
                                        tag in tags, own, lemma, 0, tag)
    synonym: _Option | None = None
    # Moby lists topic words under their field ("clavicle" under bone). The
    # tortured phrases Moby restores are general English ("bosom peril"), so a
    # word general English hardly uses (a term of the page's field) keeps it.
    moby_blocked = _zipf(_wordfreq().get(observed, 0.0)) < _MOBY_MIN_ZIPF
    logp, log1p, forms_get = _logp, math.log1p, doc_forms.get
    right_alone = logp(right, None) if right is not None else 0.0
    best = 0.0
    # Past the gate, with the learned decision: how much better each candidate
    # fits the rest of the page than the observed words (:func:`_site_fit`),
    # a term of the candidates' ranking.
    fit = _site_fit(topic, span) if topic is not None else None
    persons = _person_nouns() if person else frozenset()
    observed_person = observed in persons

    def ranked(original: str, count: int, chan: float) -> tuple[
        int, list[tuple[float, float, str, bool]]
    ]:
        """The page's count of ``original`` and (rank, score, form, asked) of
        each of its forms the site allows."""
        doc = doc_lemmas.get(original, 0)
        prior = _DOC_WEIGHT * log1p(doc) + _SENSE_WEIGHT * log1p(max(count, 0))
        prior += chan
        if person and (original in persons) != observed_person:
            prior += -_PERSON_WEIGHT if observed_person else _PERSON_WEIGHT
        inflections = _tagged_inflections(original)
        # Where syntax asks for an inflection the original has, its other
        # forms are as unlikely as an untriggered inflection.
        asked = {t for _, t in inflections if t in tags} if tags else _NOTHING_ASKED
        reporting = original in SPIN_REPORTING_VERBS
        cands = []
        for form, tag in ((original, "base"), *inflections):
            if tag in blocked:
                continue
            # The page's other uses of the form: not the span's own words
            # ("calendar week" counts no "week" for week against weeks).
            n = max(0, forms_get(form, 0) - span.count(form))
            score = prior + (_FORM_WEIGHT * log1p(n) if n else 0.0)
            if asked and tag not in asked:
                score += _SYN_UNASKED
            if reporting:
                score += _tense_bonus(original, tag, doc_forms)
            if parallel and tag in favoured:
                score += parallel
            context = logp(form, left)
            if right is not None:
                context += logp(right, form) - right_alone
            score += context
            cands.append((score, form, tag))
        # A reporting verb's tense is the page's narrative (_tense_bonus), not
        # its topic: its best-scoring form alone is ranked (seed 000's "tell
        # apart" was restored as "tell", the topic fitting it 0.34 better
        # than "told"). Tuning harness: one more right, none lost.
        if reporting and cands:
            cands = [max(cands)]
        # The topic ranks the candidates but leaves the chosen one's score
        # (its margin over keeping the word) to the pair scoring.
        return doc, [
            (score + _TOPIC_WEIGHT * fit(form) if fit is not None else score, score, form,
             bool(asked) and tag in asked)
            for score, form, tag in cands
        ]

    entries = _reverse_index().get(observed, ())
    for original, count, channel in entries:
        if count < 0 and (strict or moby_blocked):
            continue  # Moby's loose associations: only for rare general words
        chan = _SYNONYM + _MOBY_ONLY if channel is None else channel
        doc, cands = ranked(original, count, chan)
        for rank, score, form, asked_form in cands:
            if synonym is None or rank > best:
                best = rank
                synonym = _Option(score, form, f"syn {original} doc={doc} wn={count}", True,
                                  asked_form, chan, original, count)
    keep_syn = keep
    # The document's other uses of the observed lemma weigh for keeping it
    # against a synonym as the original's uses weigh for the synonym.
    if _KEEP_DOC_WEIGHT and len(span) == 1:
        keep_syn += _KEEP_DOC_WEIGHT * math.log1p(max(0, doc_lemmas.get(observed, 0) - 1))
    # Past the gate, with the learned decision, where no synonym and no
    # inflection beats keeping the word (Moby explains what WordNet cannot):
    # a Moby-only candidate that makes a collocation where the observed word
    # makes an unseen pair (_COLLOCATION_MIN), with the channel of a listed
    # synonym.
    if topic is not None and (synonym is None or synonym.score <= keep_syn) and (
        inflected is None or inflected.score <= keep
    ):
        unseen = _unseen_sides(observed, left, right)
        fallback: _Option | None = None
        best = 0.0
        for original, count, _ in entries if unseen[0] or unseen[1] else ():
            if count >= 0 or original in _lemmas(observed):
                continue
            collocation = _collocation(original, *unseen)
            if not collocation:
                continue
            doc, cands = ranked(original, count, _SYNONYM)
            for rank, score, form, asked_form in cands:
                if fallback is None or rank > best:
                    best = rank
                    fallback = _Option(
                        score, form, f"syn {original} doc={doc} moby collocation="
                        f"{collocation:.1f}", True, asked_form, _SYNONYM, original, count,
                        collocation=collocation)
        synonym = fallback or synonym
    return _Options(keep, keep_syn, inflected, synonym, strict)


def _unseen_sides(observed: str, left: str | None, right: str | None) -> tuple[
    str | None, str | None
]:
    """The left and right neighbours of a one-word span whose pair with it is
    in none of the bigram lists (health, symspellpy, wordsegment), else None.
    Function words count: "are corrosive" is unseen, "are malignant" common;
    without them (content words only) the Moby tuning harness, with the
    twelfth session's model, restored 369 words by a collocation (50 wrong,
    3 fine words) instead of 542 (91, 3)."""
    if " " in observed:
        return None, None
    lists = (_health_bigrams(), _symspell()[1], _wordsegment()[1])

    def unseen(word: str | None, pair: str) -> str | None:
        if word is None or any(pair in b for b in lists):
            return None
        return word

    return unseen(left, f"{left} {observed}"), unseen(right, f"{observed} {right}")


def _collocation(original: str, left: str | None, right: str | None) -> float:
    """The strongest association (nats over independence, :func:`_logp`) that a
    form of ``original`` makes with the neighbours given (the sides where the
    observed pair is unseen), or 0.0 under _COLLOCATION_MIN."""
    best = 0.0
    for form in (original, *(f for f, _ in _tagged_inflections(original))):
        if left is not None:
            best = max(best, _logp(form, left) - _logp(form, None))
        if right is not None:
            best = max(best, _logp(right, form) - _logp(right, None))
    return best if best >= _COLLOCATION_MIN else 0.0


def _tense_bonus(lemma: str, tag: str, doc_forms: Counter[str]) -> float:
    """Reporting verbs follow the document's narrative tense: a page that writes
    "said" more than "says" gets "told", not "tells", for "tell apart"."""
    if lemma not in SPIN_REPORTING_VERBS or tag not in ("VBD", "VBZ"):
        return 0.0
    narrative = _narrative(doc_forms)
    if not narrative:
        return 0.0
    return _TENSE_WEIGHT if (tag == "VBD") == (narrative > 0) else -_TENSE_WEIGHT


def _narrative(doc_forms: Counter[str]) -> int:
    """The document's narrative tense: 1 where it writes "said" and "told" more
    than "says" and "tells", -1 where less, 0 where as often."""
    past = doc_forms.get("said", 0) + doc_forms.get("told", 0)
    present = doc_forms.get("says", 0) + doc_forms.get("tells", 0)
    return (past > present) - (past < present)


def _restore_case(
    form: str, observed: str, text: str, tokens: list[tuple[int, int, str]], i: int
) -> str:
    """``form`` with the observed word's capital; a spun form without a cased
    first letter at a sentence start ("5-hydroxytryptamine is made ...") says
    nothing of case, so the restoration is capitalised there ("Serotonin")."""
    if observed[:1].isupper() or (
        not observed[:1].isalpha() and _sentence_start(text, tokens, i)
    ):
        return form[:1].upper() + form[1:]
    return form


def _gate_bytes(text: str) -> list[bytes]:
    """The runs of ASCII letters in the lower-cased text (SPIN_GATE_TOKEN's
    words) as bytes, through a byte table rather than a regex. Bytes, because
    splitting bytes makes its objects in about half the time of str and the
    first look of the gate only tests them against a set.

    >>> _gate_bytes("The Cistron’s 2nd café")
    [b'the', b'cistron', b's', b'nd', b'caf']
    """
    return text.lower().encode("ascii", "replace").translate(SPIN_GATE_BYTES).split()


@normaliser(
    order=70,
    dictionaries=("spin_synonyms", "spin_model", "spin_topic", "spin_person", "health_words",
                  "health_bigrams"),
    load=warm_up,
    english_only=True,
)
def restore_spun_words(text: str, ctx: StepContext) -> list[Edit]:
    """Restore words and multiword spans a spinner replaced, and lost inflections."""
    cfg = ctx.config
    raw = _gate_bytes(text)  # the gate needs no offsets
    if len(raw) < 20:
        return []
    # The evidence a document needs: per 100 words (long pages) and per square
    # root of its length (short ones, where a few fingerprints are noise).
    needed = max(cfg.spin_doc_min_rate * len(raw) / 100, cfg.spin_doc_min_score * math.sqrt(
        len(raw)))
    # Cheap first look: single-word fingerprints by set intersection. Spun
    # pages carry most of their evidence there; clean ones stop here.
    byte_prints = _fingerprint_bytes()
    singles = _fingerprint_byte_set().intersection(raw)
    single = math.fsum(byte_prints[w] for w in singles)
    if single < _FIRST_LOOK * needed:
        return []
    evidence, doc_signals = _gate_evidence(raw, singles)
    confirm = (
        evidence < needed or doc_signals < cfg.spin_doc_min_signals
        or single < _OPEN_SINGLE * needed
    )
    if confirm and (evidence < _CONFIRM_EV * needed or doc_signals < _CONFIRM_SIGNALS):
        ctx.count("doc_below_gate")
        return []
    tokens = _tokens(text)
    lower = [t[2].lower() for t in tokens]
    strict = single < _QUICK_STRICT_BELOW * needed
    goal = (_CONFIRM_QUICK_STRICT if strict else _CONFIRM_QUICK) * _CONFIRM_MARGINS * needed
    if confirm and _quick_confirmation(
        text, tokens, lower, goal, cfg.spin_common_extra_margin, cfg.spin_margin,
        cfg.spin_paragraph_min_signals,
    ) < goal:
        ctx.count("doc_below_gate")
        return []
    doc_lemmas: Counter[str] = Counter()
    for w in lower:
        for lemma in _lemmas(w):
            doc_lemmas[lemma] += 1
    forms = Counter(lower)
    page = _Page(doc_lemmas, forms, _narrative(forms) > 0, {})
    model = cfg.spin_decision == "model"
    topic = _doc_topic(lower) if model else None
    # Which spinner the page shows: its distinct words only Moby explains,
    # per 100 words (:func:`_moby_prints`; the learned decision reads it).
    moby_rate = 100 * len(_moby_prints().intersection(lower)) / len(lower) if model else 0.0
    paragraphs = []
    starts = [t[0] for t in tokens]
    for para_start, para_end in _paragraphs(text):
        idx = list(range(bisect_left(starts, para_start), bisect_left(starts, para_end)))
        if not idx:
            continue
        para_words = [lower[i] for i in idx]
        short = len(idx) < _PARA_LONG
        if short and _signals(para_words) < cfg.spin_paragraph_min_signals:
            ctx.count("paragraphs_left_alone")
            continue
        site = None
        if model:
            para_evidence = 100 * _evidence(para_words)[0] / len(idx)
            # With the gate off (every spin_doc_min_* at 0: text known to be
            # spun) the page counts as far past it.
            ratio = evidence / needed if needed > 0 else math.inf
            site = _SiteContext(ratio, para_evidence, frozenset(), 0.0, topic, moby_rate)
        paragraphs.append((idx, site))
    # A document short of evidence is confirmed by the first pass's margins
    # under the hand-set rule (before the second pass, which would double the
    # cost on a clean page).
    firsts: list[list[tuple[tuple[int, int], Edit, float]] | None] = [None] * len(paragraphs)
    if confirm or not model:
        firsts = [
            _restore_pass(text, tokens, lower, idx, page, ctx, (lower, lower), False, None)
            for idx, _ in paragraphs
        ]
    if confirm:
        if _confirmation(lower, firsts) < _CONFIRM_MARGINS * needed:
            ctx.count("doc_below_gate")
            return []
        ctx.count("docs_confirmed")
    edits: list[Edit] = []
    for (idx, site), first in zip(paragraphs, firsts):
        if site is not None:
            first = _restore_pass(text, tokens, lower, idx, page, ctx, (lower, lower),
                                  False, site)
        edits.extend(_restore_paragraph(text, tokens, lower, idx, page, ctx, first or [],
                                        site))
    ctx.count("docs_gated")
    return edits


def _confirmation(
    lower: list[str], firsts: list[list[tuple[tuple[int, int], Edit, float]] | None],
) -> float:
    """The first pass's support for a document in the confirmation band: the
    margins of its restorations, each capped at _CONFIRM_CAP, the best once
    per distinct observed form (a topic word a clean page repeats is one
    piece of evidence, as in :func:`_evidence`)."""
    best: dict[tuple[str, ...], float] = {}
    for first in firsts:
        for (a, b), _, margin in first or ():
            form = tuple(lower[a : b + 1])
            best[form] = max(best.get(form, 0.0), min(margin, _CONFIRM_CAP))
    return math.fsum(best.values())


def _quick_confirmation(
    text: str, tokens: list[tuple[int, int, str]], lower: list[str], goal: float,
    extra: float, floor: float, para_signals: int,
) -> float:
    """A cheap look-ahead of :func:`_confirmation`, a filter in front of the
    full first pass (which still decides). It scores what carries a spun
    page's margins - lost inflections of a bare lemma ("inherit" for
    inherited) and multiword spans the index lists ("add up" for amount),
    not single words' synonyms, with no agreement or tense rule; the margins over
    keeping the span (``extra`` more when it is no fingerprint, and
    ``_SPAN_EXTRA`` for a span), from ``floor`` up, each capped at
    _CONFIRM_CAP and counted once per distinct form, as the full confirmation
    counts them. Stops once the sum reaches ``goal``."""
    if goal <= 0:
        return 0.0
    index, prints = _reverse_index(), _fingerprints()
    # The page's words stand in for its lemmas (the full pass counts both).
    doc_forms = Counter(lower)
    logp, log1p = _logp, math.log1p
    best: dict[str, float] = {}
    total = 0.0
    starts = [t[0] for t in tokens]
    paragraphs = []
    for para_start, para_end in _paragraphs(text):
        idx = list(range(bisect_left(starts, para_start), bisect_left(starts, para_end)))
        if idx and (len(idx) >= _PARA_LONG or _signals(
            [lower[i] for i in idx]) >= para_signals):
            paragraphs.append(idx)

    def context(form: str, left: str | None, right: str | None, right_alone: float) -> float:
        score = logp(form, left)
        return score + logp(right, form) - right_alone if right is not None else score

    for idx in paragraphs:
        k = 0
        while k < len(idx):
            i = idx[k]
            step = 1
            for n in (3, 2, 1):
                if k + n > len(idx):
                    continue
                ids = idx[k : k + n]
                span = [lower[j] for j in ids]
                form = " ".join(span)
                entries = index.get(form, ())
                if n > 1 and (not entries or not _plain_span(text, tokens, ids)
                              or tokens[i][2][:1].isupper()):
                    continue
                if n == 1 and _skip_word(text, tokens, i, form):
                    break
                left = _neighbour(text, tokens, lower, ids[0], -1, idx)
                right = _neighbour(text, tokens, lower, ids[-1], 1, idx)
                right_alone = logp(right, None) if right is not None else 0.0
                keep = _KEEP + context(span[0], left, None if n > 1 else right, right_alone)
                for a, b in zip(span, span[1:]):
                    keep += logp(b, a)
                if n > 1 and right is not None:
                    keep += logp(right, span[-1]) - right_alone
                strict = form not in prints and (n == 1 or form not in _suspicious())
                margin = -math.inf
                if n == 1:
                    tags = _TRIGGERS.get(left or "") or (
                        ("NNS",) if left and left.isdigit() and left != "1" else ())
                    own = math.log(_SPIN_RATE * _self_rates().get(form, _SELF_DEFAULT))
                    for inflected, tag in _quick_inflections(form):
                        if inflected != form:
                            margin = max(margin, own + (0.0 if tag in tags else _UNTRIGGERED)
                                         + _FORM_WEIGHT * log1p(doc_forms.get(inflected, 0))
                                         + context(inflected, left, right, right_alone) - keep)
                else:  # a multiword span the index lists, against its originals
                    loose = not strict and _zipf(_wordfreq().get(form, 0.0)) >= _MOBY_MIN_ZIPF
                    floor_syn = keep + ((extra + _SPAN_EXTRA) if strict else 0.0)
                    for original, count, channel in entries:
                        if count < 0 and not loose:
                            continue
                        prior = (_DOC_WEIGHT * log1p(doc_forms.get(original, 0))
                                 + _SENSE_WEIGHT * log1p(max(count, 0))
                                 + (_SYNONYM + _MOBY_ONLY if channel is None else channel))
                        for candidate in (original, *(f for f, _ in _quick_inflections(original))):
                            m = doc_forms.get(candidate, 0)
                            margin = max(margin, prior + (_FORM_WEIGHT * log1p(m) if m else 0.0)
                                         + context(candidate, left, right, right_alone) - floor_syn)
                if margin < floor:
                    continue
                step = n
                if margin > best.get(form, 0.0):
                    total += min(margin, _CONFIRM_CAP) - best.get(form, 0.0)
                    best[form] = min(margin, _CONFIRM_CAP)
                    if total >= goal:
                        return total
                break
            k += step
    return total


def _quick_inflections(lemma: str) -> list[tuple[str, str]]:
    """(form, Penn tag) for the inflections lemminflect lists for ``lemma``,
    read in place as :func:`_tagged_inflections` reads them, unsorted and
    without its clean-up: the lemma itself included, no lower-casing (the
    step asks lower-case words) and no past participle made from the past
    tense, which a filter can do without."""
    forms = _inflection_entry(lemma)
    return [(f, tag) for tag, spellings in forms.items() for f in spellings] if forms else []


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _neighbour(text: str, tokens: list[tuple[int, int, str]], view: list[str], i: int,
               step: int, idx: list[int]) -> str | None:
    """The lower-case word next to token i as ``view`` shows it, or None across
    punctuation."""
    j = i + step
    if j < idx[0] or j > idx[-1]:
        return None
    gap = text[tokens[i][1] : tokens[j][0]] if step > 0 else text[tokens[j][1] : tokens[i][0]]
    return view[j] if gap.strip() == "" else None


def _restore_paragraph(
    text: str, tokens: list[tuple[int, int, str]], lower: list[str], idx: list[int],
    page: _Page, ctx: StepContext,
    first: list[tuple[tuple[int, int], Edit, float]], site: _SiteContext | None,
) -> list[Edit]:
    """The second of two passes: the first (``first``, :func:`_restore_pass`
    over the spun neighbours) restores against the spun neighbours, the second
    again with the first pass's restorations as the neighbours (a spun
    neighbour is poor context: "affected role are diagnose").

    The second pass may revise the first pass's restorations and restore rare
    forms (fingerprints), but a common word the first pass left alone it
    changes only beside a neighbour that changed (``beside``), and, since a
    restored neighbour also makes a fine word's collocations look better
    ("patients taking care", "severe consequences" -> serious), only when the
    learned decision gives P(right) >= ``Config.spin_pair_confidence``. With
    the learned decision, two adjacent words the first pass both left alone
    may also be restored as a pair (:func:`_joint_pairs`: the spinner spins
    each word on its own, so "subject line" comes out as "dependent
    ancestry", and each word's only context is the other's spun form): each
    is decided with its partner's candidate as its neighbour, and the pair is
    kept only when both are restored to those candidates."""
    cfg = ctx.config
    pairing = site is not None and cfg.spin_pair_confidence < 1.0
    pairs = _joint_pairs(text, tokens, lower, idx, page, first, site, cfg.spin_margin) if (
        pairing and site is not None) else []
    if not first and not pairs:
        return []
    seen_from_right, seen_from_left = list(lower), list(lower)
    for (a, b), edit, _ in first:
        words = edit.after.lower().split(" ")
        seen_from_right[b] = words[-1]
        seen_from_left[a] = words[0]
    for i, j, before, after in pairs:
        seen_from_right[i] = before
        seen_from_left[j] = after
    changed = {a for (a, _), _, _ in first}
    hypothesised = frozenset(t for i, j, _, _ in pairs for t in (i, j))
    beside = set(hypothesised)
    if pairing:
        for (a, b), _, _ in first:
            if a > idx[0] and text[tokens[a - 1][1] : tokens[a][0]].strip() == "":
                beside.add(a - 1)
            if b < idx[-1] and text[tokens[b][1] : tokens[b + 1][0]].strip() == "":
                beside.add(b + 1)
    if site is not None:
        covered = frozenset(j for (a, b), _, _ in first for j in range(a, b + 1))
        site = site._replace(changed=covered | hypothesised, share=len(covered) / len(idx))
    out = [
        ((a, b), e)
        for (a, b), e, _ in _restore_pass(
            text, tokens, lower, idx, page, ctx, (seen_from_right, seen_from_left), True,
            site,
        )
        if a in changed or a != b or lower[a] in _fingerprints()
        or (a in beside and (e.confidence or 0.0) >= cfg.spin_pair_confidence)
    ]
    if pairs:
        made = {a: e.after.lower() for (a, b), e in out if a == b}
        dropped = {
            t for i, j, before, after in pairs
            if made.get(i) != before or made.get(j) != after
            for t in (i, j)
        }
        out = [((a, b), e) for (a, b), e in out if not (a == b and a in dropped)]
        if len(dropped) < 2 * len(pairs):
            ctx.count("pairs_restored", len(pairs) - len(dropped) // 2)
    return [e for _, e in out]


def _joint_pairs(
    text: str, tokens: list[tuple[int, int, str]], lower: list[str], idx: list[int],
    page: _Page, first: list[tuple[tuple[int, int], Edit, float]], site: _SiteContext,
    margin: float,
) -> list[tuple[int, int, str, str]]:
    """Adjacent words the first pass both left alone that read better restored
    together, as (token, next token, its restoration, the next one's).

    Each word's candidates are the first pass's (its best inflection and best
    synonym, scored against the other's spun form; no new scoring), their
    gains over keeping the word taken without the partner's side, and the
    pair scored with the bigram between the two candidates. A pair is taken
    when it beats keeping both and each one-sided alternative by ``margin``:
    "normally inherit" -> "usually inherited" (the pair of originals is common
    English, "usually inherit" and "normally inherited" less so than the
    pair). The main false positive is a fine word beside a spun one pulled
    along by the bigram ("emit hard" -> "breathing difficult"); the learned
    decision then reads each word with its partner's candidate as its
    neighbour, and both must pass it (:func:`_restore_paragraph`).
    """
    covered = {j for (a, b), _, _ in first for j in range(a, b + 1)}
    views = (lower, lower)
    joins = _hyphen_joins(text, tokens, idx)
    logp = _logp

    def options(t: int, left: str | None, right: str | None) -> dict[str, float]:
        """The first pass's candidates of token t and their gains over keeping it."""
        form = lower[t]
        strict = form not in _fingerprints()
        agreement = _agreement(text, tokens, views, [t], idx, page.past)
        person = _person_slot(text, tokens, views, [t], idx, right)
        opts = _site_options(page, [form], left, right, strict, agreement, site.topic, person)
        return {
            o.form: o.score - (opts.keep_syn if o.synonym else opts.keep)
            for o in (opts.inflected, opts.synonym) if o is not None and " " not in o.form
        }

    def link(a: str, b: str) -> float:
        return logp(b, a) - logp(b, None)

    out: list[tuple[int, int, str, str]] = []
    taken = -1
    for i, j in zip(idx, idx[1:]):
        if i <= taken or i in covered or j in covered or text[tokens[i][1] : tokens[j][0]] != " ":
            continue
        if i in joins or j in joins or i - 1 in joins:
            continue  # parts of hyphenated words are the hyphenated spans' to read
        if _skip_word(text, tokens, i, lower[i]) or _skip_word(text, tokens, j, lower[j]):
            continue
        x, y = lower[i], lower[j]
        left = _neighbour(text, tokens, lower, i, -1, idx)
        right = _neighbour(text, tokens, lower, j, 1, idx)
        # Each gain was scored against the partner's spun form: take that link
        # out and put the observed pair's back (keeping the word had it too).
        observed = link(x, y)
        first_i = options(i, left, y)
        if not first_i:
            continue
        first_j = options(j, x, right)
        if not first_j:
            continue
        gains_i = {x: 0.0, **{a: g - link(a, y) + observed for a, g in first_i.items()}}
        gains_j = {y: 0.0, **{b: g - link(x, b) + observed for b, g in first_j.items()}}
        best, alone = None, -math.inf
        for a, gain_a in gains_i.items():
            for b, gain_b in gains_j.items():
                total = gain_a + gain_b + link(a, b)
                if a == x or b == y:
                    alone = max(alone, total)
                elif best is None or total > best[0]:
                    best = (total, a, b)
        if best is not None and best[0] - alone >= margin:
            out.append((i, j, best[1], best[2]))
            taken = j
    return out


def _site_options(
    page: _Page, span: list[str], left: str | None, right: str | None, strict: bool,
    agreement: tuple[frozenset[str], tuple[str, ...], float], topic: _Topic | None,
    person: bool = False,
) -> _Options:
    """:func:`_options` of a site, memoised on the page: a site scored before
    (the first pass where the second sees the same neighbours, a word the page
    repeats, the pair search reading the first pass's candidates) is not
    scored again."""
    key = (" ".join(span), left, right, strict, agreement, topic is not None, person)
    opts = page.scored.get(key)
    if opts is None:
        opts = page.scored[key] = _options(span, left, right, page.lemmas, page.forms, strict,
                                           agreement, topic, person)
    return opts


class _Page(NamedTuple):
    """What every site of a document shares: the lower-cased lemmas and words
    the document writes (with their counts), and the sites scored so far
    (:func:`_options` is a function of the site and these counts)."""

    lemmas: Counter[str]
    forms: Counter[str]
    past: bool  # the page's narrative is past (:func:`_narrative`)
    scored: dict[tuple[str, str | None, str | None, bool,
                       tuple[frozenset[str], tuple[str, ...], float], bool, bool], _Options]


class _SiteContext(NamedTuple):
    """What the learned decision reads about a paragraph beyond the site: the
    document's gate evidence over the needed, the paragraph's fingerprint
    evidence per 100 words, (second pass) the tokens the first pass
    changed and their share of the paragraph, the document's topic
    (:func:`_doc_topic`) and its distinct words only Moby explains per 100
    words (:func:`_moby_prints`)."""

    doc_ratio: float
    para_evidence: float
    changed: frozenset[int]
    share: float
    topic: _Topic | None = None
    moby_rate: float = 0.0


def _restore_pass(
    text: str, tokens: list[tuple[int, int, str]], lower: list[str], idx: list[int],
    page: _Page, ctx: StepContext, views: tuple[list[str], list[str]],
    final: bool, site: _SiteContext | None,
) -> list[tuple[tuple[int, int], Edit, float]]:
    """Edits for one paragraph, each with the first and last token it covers
    and its margin;
    ``views`` give each token as its right and its left neighbour see it; only
    the ``final`` pass counts its uncertain calls. With ``site`` the learned
    model decides (:func:`_decide`), else the hand-set margins."""
    doc_lemmas, doc_forms = page.lemmas, page.forms
    cfg = ctx.config
    edits: list[tuple[tuple[int, int], Edit, float]] = []
    joins = _hyphen_joins(text, tokens, idx)
    k = 0
    while k < len(idx):
        i = idx[k]
        done = False
        # Hyphenated spans first ("give-up the ghost", "liver-colored"), then
        # the spans of words joined by single spaces, longest first.
        spans = _SPACED_SPANS
        if joins and (i in joins or i + 1 in joins or i + 2 in joins):
            spans = (*_hyphen_spans(text, tokens, lower, idx, k, joins), *spans)
        for n, words in spans:
            if k + n > len(idx):
                continue
            span_ids = idx[k : k + n]
            span = words or [lower[j] for j in span_ids]
            form = " ".join(span)
            if n > 1 and (_not_a_spun_span(form) or not (
                words or _plain_span(text, tokens, span_ids)
            ) or (tokens[i][2][:1].isupper() and not _sentence_start(text, tokens, i))):
                continue  # a capitalised span mid-sentence is a name ("January 1")
            word = tokens[i][2]
            if n == 1 and _skip_word(text, tokens, i, span[0]):
                break
            left = _neighbour(text, tokens, views[0], span_ids[0], -1, idx)
            if left is not None and _counts(text, tokens, views[0], span_ids[0] - 1,
                                            span_ids[-1], idx):
                # The word lists have no digits: a count reads as "two" ("2
                # weeks", "1-2 days"), whose pairs they have.
                left = "two"
            right = _neighbour(text, tokens, views[1], span_ids[-1], 1, idx)
            strict = form not in _fingerprints() and (n == 1 or form not in _suspicious())
            agreement = _agreement(text, tokens, views, span_ids, idx, page.past)
            topic = site.topic if site is not None else None
            person = _person_slot(text, tokens, views, span_ids, idx, right)
            opts = _site_options(page, span, left, right, strict, agreement, topic, person)
            if site is None:
                extra = cfg.spin_common_extra_margin + (_SPAN_EXTRA if n > 1 else 0.0)
                found = _margin_choice(opts, extra)
                if found is None or found[0] <= 0:
                    continue
                margin, option = found
                needed = cfg.spin_margin
                if margin < needed:
                    if final:
                        ctx.count("uncertain_left_alone")
                    continue
                confidence = round(1.0 - 0.5 * math.exp(-(margin - needed)), 3)
                reason = f"spin: {option.why} margin={margin:.1f}"
            else:
                found = _margin_choice(opts, 0.0)
                # A lost inflection that loses to keeping the word by less than
                # the floor is still the model's to decide (and the builder's
                # to record, down to its own floor).
                inflect_floor = min(cfg.spin_margin, cfg.spin_inflect_margin)
                lowest = min(0.0, inflect_floor, _TRACE_FLOOR if _TRACE is not None else 0.0)
                if (found is None or found[0] <= 0) and lowest < 0 and opts.inflected:
                    found = _inflection_margin(opts, opts.inflected), opts.inflected
                if found is None or found[0] <= lowest or found[0] <= 0 and found[1].synonym:
                    continue
                margin, option = found
                # Only a plural or a verb form: a comparative is no lost
                # inflection a page shows ("the level was high" -> higher).
                floor = cfg.spin_margin if option.synonym or option.tag[:2] not in (
                    "NN", "VB") else inflect_floor
                # The builder records the sites under the floor too (the
                # model was trained on every site with a positive margin).
                if margin < floor and _TRACE is None:
                    if final:
                        ctx.count("uncertain_left_alone")
                    continue
                phrase = 0.0 if option.synonym else _verb_after_phrase(
                    text, tokens, views[1], span_ids[-1], idx)
                features = _features(opts, option, margin, span, left, right, doc_lemmas,
                                     doc_forms, site, span_ids, word, final, phrase)
                confidence, gain = _decide(features)
                if _TRACE is not None:
                    _TRACE.append((final, tokens[span_ids[0]][0], tokens[span_ids[-1]][1],
                                   _restore_case(option.form, word, text, tokens, span_ids[0]),
                                   features, gain))
                threshold = cfg.spin_model_threshold if margin >= cfg.spin_margin else (
                    cfg.spin_inflect_threshold)
                if margin < floor or gain < threshold:
                    if final:
                        ctx.count("uncertain_left_alone")
                    continue
                reason = f"spin: {option.why} margin={margin:.1f} p={confidence:.2f}"
            after = _restore_case(option.form, word, text, tokens, span_ids[0])
            start, end = tokens[span_ids[0]][0], tokens[span_ids[-1]][1]
            if text[start:end] != after:
                edits.append(((span_ids[0], span_ids[-1]), Edit(
                    start, end, after, reason, confidence
                ), margin))
            k += n
            done = True
            break
        if not done:
            k += 1
    return edits


# --- the learned decision ---------------------------------------------------

# Set to a list by scripts/build_spin_model.py to record every site the model
# decides: (final pass, start, end, restored form, features, gain).
_TRACE: list[tuple[bool, int, int, str, tuple[float, ...], float]] | None = None

FEATURES = (
    "bias", "inflection", "synonym", "synonym_fingerprint", "span", "strict",
    "margin_inflection", "margin_synonym", "margin_synonym_fingerprint", "margin_span",
    "runner_up", "fingerprint", "zipf_observed", "zipf_candidate", "health_observed",
    "health_candidate", "channel", "asked", "left_gain", "right_gain", "no_left", "no_right",
    "doc_original", "doc_observed", "doc_form", "sense_count", "moby", "capital",
    "doc_ratio", "para_evidence", "second_pass", "neighbours_changed", "para_changed",
    "margin_over_1", "margin_over_3", "margin_over_6", "plural", "verb_form", "inflected_synonym",
    "topic_gain", "topic_candidate", "topic_missing",
    "doc_bare", "verb_after_phrase", "ing_after_preposition", "page_tense", "collocation",
    "page_moby",
)


def _features(
    opts: _Options, option: _Option, margin: float, span: list[str], left: str | None,
    right: str | None, doc_lemmas: Counter[str], doc_forms: Counter[str], site: _SiteContext,
    span_ids: list[int], word: str, final: bool, phrase: float = 0.0,
) -> tuple[float, ...]:
    """The evidence the scoring computed about a site and its best candidate,
    as the model's inputs (names in ``FEATURES``); ``phrase`` is
    :func:`_verb_after_phrase` for an inflection.

    Ninth session (spun.md, "Ninth session: lost inflections"), for an
    inflection only: the page's other uses of the bare form (``doc_bare``,
    against ``doc_form``, its uses of the candidate), the number of a verb
    behind a prepositional phrase, an -ing form after a preposition, and the
    page's narrative tense for a past or -s form (log of its was/were/had
    over is/are/has, signed for the tag)."""
    observed = " ".join(span)
    freq, health = _wordfreq(), _health()
    cand = option.form.split(" ")
    m = min(margin, 12.0)
    is_span = len(span) > 1
    fingerprint = _fingerprints().get(observed, 0.0)
    kind = (
        (0.0, 0.0, 0.0, 1.0) if is_span else (1.0, 0.0, 0.0, 0.0) if not option.synonym
        else (0.0, 0.0, 1.0, 0.0) if not opts.strict else (0.0, 1.0, 0.0, 0.0)
    )
    other = opts.synonym if not option.synonym else opts.inflected
    runner_up = -5.0
    if other is not None:
        runner_up = max(-5.0, min(12.0, other.score - (
            opts.keep_syn if other.synonym else opts.keep)))
    left_gain = _logp(cand[0], left) - _logp(span[0], left) if left is not None else 0.0
    right_gain = (
        _logp(right, cand[-1]) - _logp(right, span[-1]) if right is not None else 0.0
    )
    changed = sum(1 for j in (span_ids[0] - 1, span_ids[-1] + 1) if j in site.changed)
    topic = (0.0, 0.0, 0.0)
    if option.synonym and site.topic is not None:
        topic = _topic_fit(site.topic, span, cand)
    tag = option.tag
    ninth = (0.0, 0.0, 0.0, 0.0)
    if not option.synonym:
        tense = 0.0
        if tag in ("VBD", "VBZ"):
            get = doc_forms.get
            tense = math.log((1 + get("was", 0) + get("were", 0) + get("had", 0)) / (
                1 + get("is", 0) + get("are", 0) + get("has", 0)))
            tense = tense if tag == "VBD" else -tense
        ninth = (
            math.log1p(max(0, doc_forms.get(observed, 0) - 1)), phrase,
            float(tag == "VBG" and left in SPIN_PREPOSITIONS), tense,
        )
    return (
        1.0, kind[0], kind[1], kind[2], kind[3], float(opts.strict),
        m * kind[0], m * kind[1], m * kind[2], m * kind[3],
        runner_up, fingerprint,
        min(_zipf(freq.get(w, 0.0)) for w in span),
        min(_zipf(freq.get(w, 0.0)) for w in cand),
        math.log1p(health.get(observed, 0)), math.log1p(health.get(option.form, 0)),
        max(option.prior, -12.0), float(option.asked),
        max(-10.0, min(10.0, left_gain)), max(-10.0, min(10.0, right_gain)),
        float(left is None), float(right is None),
        math.log1p(doc_lemmas.get(option.lemma, 0)) if option.synonym else 0.0,
        math.log1p(max(0, doc_lemmas.get(observed, 0) - 1)),
        math.log1p(doc_forms.get(option.form, 0)),
        math.log1p(max(option.senses, 0)), float(option.senses < 0), float(word[:1].isupper()),
        min(site.doc_ratio, 4.0), min(site.para_evidence, 40.0) / 10, float(final),
        float(changed), site.share,
        max(0.0, m - 1), max(0.0, m - 3), max(0.0, m - 6),
        float(not option.synonym and tag == "NNS"),
        float(not option.synonym and tag != "NNS"),
        float(option.synonym and option.form != option.lemma),
        *topic, *ninth, min(option.collocation, 12.0), min(site.moby_rate, 10.0),
    )


def _verb_after_phrase(text: str, tokens: list[tuple[int, int, str]], view: list[str],
                       last: int, idx: list[int]) -> float:
    """The number of the verb behind a prepositional phrase right of token
    ``last``: 1.0 plural ("the level of iron are"), -1.0 singular ("the
    level of iron is"), 0.0 none within five words, or no phrase."""
    if _neighbour(text, tokens, view, last, 1, idx) not in SPIN_PREPOSITIONS:
        return 0.0
    for j in range(last + 1, last + 6):
        word = _neighbour(text, tokens, view, j, 1, idx)
        if word in SPIN_PLURAL_VERBS:
            return 1.0
        if word in SPIN_SINGULAR_VERBS:
            return -1.0
        if word is None or word in SPIN_RELATIVE_PRONOUNS or word in ("and", "or"):
            return 0.0
    return 0.0


# --- topical fit -------------------------------------------------------------


@cache
def _topic() -> tuple[dict[str, int], memoryview, int]:
    """Topical word vectors (``dictionaries/spin_topic.tsv``, built by
    ``scripts/build_topic_vectors.py``): word -> row, every row's int8 vector in
    one bytes blob (unit length x 127), and the dimensions."""
    index: dict[str, int] = {}
    blob = bytearray()
    for word, vector in table_rows("spin_topic"):
        index[word] = len(index)
        blob += bytes.fromhex(vector)
    dims = len(blob) // len(index) if index else 0
    return index, memoryview(bytes(blob)).cast("b"), dims


# Nats per unit of topical gain (a cosine difference, mostly within +-0.5)
# added to a synonym candidate's rank past the gate (docs/results/spun.md,
# "Eighth session: candidate choice": tuning harness +0.22 points at 4, +0.00
# at 8; added to the score itself, so moving the margin too, +0.92 at 4 but
# fine words changed, "The study ended" -> concluded).
_TOPIC_WEIGHT = 4.0


class _Topic(NamedTuple):
    """A document's topic: the sum of the vectors of its distinct words and
    that sum's squared length, and per candidate form seen so far its row and
    its vector's length (None: no vector)."""

    centroid: tuple[float, ...]
    norm2: float
    rows: dict[str, tuple[int, float] | None]


def _doc_topic(lower: list[str]) -> _Topic:
    """The topic of a document from its lower-cased words (run past the gate
    only: one vector per distinct word)."""
    index = _topic()[0]
    centroid = _row_sum([index[w] for w in set(lower) if w in index])
    return _Topic(centroid, sum(x * x for x in centroid), {})


def _site_fit(topic: _Topic, observed: list[str]) -> Callable[[str], float] | None:
    """For a site, the function that gives a one-word candidate's topical gain
    over the observed words (as ``topic_gain`` of :func:`_topic_fit`: the
    cosine of the candidate with the rest of the page less the observed
    words' cosine), 0.0 for a candidate without a vector; None when the
    observed words have no vector or the page has no other words."""
    seen = _phrase_vector(observed)
    if seen is None:
        return None
    centroid = topic.centroid
    rest = tuple(map(operator.sub, centroid, seen))
    rest2 = sum(map(operator.mul, rest, rest))
    seen2 = sum(map(operator.mul, seen, seen))
    if rest2 <= 1e-6 * topic.norm2 or seen2 <= 0:
        return None
    rest_norm = math.sqrt(rest2)
    fit_seen = sum(map(operator.mul, seen, rest)) / (math.sqrt(seen2) * rest_norm)
    index, blob, dims = _topic()
    rows, mul = topic.rows, operator.mul

    def fit(form: str) -> float:
        if form in rows:
            known = rows[form]
        else:
            r = index.get(form)
            known = rows[form] = None if r is None else (r, math.sqrt(sum(
                x * x for x in blob[r * dims : (r + 1) * dims])))
        if known is None:
            return 0.0
        r, norm = known
        return sum(map(mul, blob[r * dims : (r + 1) * dims], rest)) / (norm * rest_norm) - fit_seen

    return fit


def _phrase_vector(words: list[str]) -> tuple[float, ...] | None:
    """The sum of the words' vectors, or None when one has none."""
    index = _topic()[0]
    rows = [index[w] for w in words if w in index]
    return _row_sum(rows) if len(rows) == len(words) else None


def _row_sum(rows: list[int]) -> tuple[float, ...]:
    """The sum of the table's vectors in ``rows`` (zeros for none; integer
    sums, so the order of the rows does not matter)."""
    _, blob, dims = _topic()
    if not rows:
        return (0.0,) * dims
    return tuple(float(sum(col)) for col in zip(*(blob[r * dims : (r + 1) * dims]
                                                  for r in rows)))


def _topic_fit(topic: _Topic, observed: list[str], candidate: list[str]) -> tuple[
    float, float, float
]:
    """How much better the candidate fits the rest of the document than the
    observed words do (cosines with the document's topic less the observed
    words), the candidate's own fit, and 1.0 when either has no vector.

    A spinner's wrong sense often reads well beside its neighbours but not on
    the page ("cheek" for nerves in a neurology article)."""
    seen = _phrase_vector(observed)
    cand = _phrase_vector(candidate)
    if seen is None or cand is None:
        return 0.0, 0.0, 1.0
    dot = operator.mul
    seen_c = sum(map(dot, seen, topic.centroid))
    seen2 = sum(map(dot, seen, seen))
    rest2 = topic.norm2 - 2 * seen_c + seen2
    cand2 = sum(map(dot, cand, cand))
    if rest2 <= 1e-6 * topic.norm2 or cand2 <= 0 or seen2 <= 0:
        return 0.0, 0.0, 1.0
    rest = math.sqrt(rest2)
    fit_seen = (seen_c - seen2) / (math.sqrt(seen2) * rest)
    fit_cand = (sum(map(dot, cand, topic.centroid)) - sum(map(dot, cand, seen))) / (
        math.sqrt(cand2) * rest)
    return fit_cand - fit_seen, fit_cand, 0.0


Trees = tuple[
    tuple[tuple[int, int], ...], tuple[int, ...], tuple[float, ...], tuple[int, ...],
    tuple[int, ...], tuple[float, ...],
]


@cache
def _model() -> Trees:
    """The learned decision's gradient-boosted trees
    (``dictionaries/spin_model.tsv``, built by ``scripts/build_spin_model.py``),
    read once (:func:`warm_up`)."""
    return _parse_trees(load_table("spin_model").rows)


def _parse_trees(rows: tuple[tuple[str, ...], ...]) -> Trees:
    """Rows of the table (tree, class, nodes: trees numbered from 0 in order,
    their classes 0, 1, 2 in turn; a tree's nodes space-separated from its root, node 0, an inner node as
    feature,threshold,left,right, a leaf as its value) as flat tuples: (root,
    class) of every tree, then per node the index in ``FEATURES`` of the
    feature it tests (-1 at a leaf), its threshold, the indices of its two
    children (-1 at a leaf) and its leaf value (0 at an inner node)."""
    index = {name: i for i, name in enumerate(FEATURES)}
    roots: list[tuple[int, int]] = []
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    for t, row in enumerate(rows):
        if int(row[0]) != t or row[1] != "012"[t % 3]:
            raise DictionaryError(f"spin_model: tree {row[0]} (class {row[1]}) out of order")
        base = len(feature)
        roots.append((base, int(row[1])))
        entries = row[2].split(" ")
        for entry in entries:
            if "," in entry:
                name, at, low, high = entry.split(",")
                feature.append(index[name])
                threshold.append(float(at))
                left.append(base + int(low))
                right.append(base + int(high))
                value.append(0.0)
            else:
                feature.append(-1)
                threshold.append(0.0)
                left.append(-1)
                right.append(-1)
                value.append(float(entry))
        end = len(feature)
        for i in range(base, end):
            if feature[i] >= 0 and not i < min(left[i], right[i]) <= max(left[i], right[i]) < end:
                raise DictionaryError(f"spin_model: tree {t}'s node {i - base} has a child "
                                      "outside the tree")
    return (tuple(roots), tuple(feature), tuple(threshold), tuple(left), tuple(right),
            tuple(value))


def _scores(trees: Trees, features: tuple[float, ...]) -> list[float]:
    """The log-odds of the three classes (a wrong word on a spun word, right,
    fine): each tree sends the site to one leaf (left where the feature is at
    most the node's threshold), and a class's log-odds is the sum of the leaves
    its trees reach."""
    roots, feature, threshold, low, high, value = trees
    scores = [0.0, 0.0, 0.0]
    for i, cls in roots:
        f = feature[i]
        while f >= 0:
            i = low[i] if features[f] <= threshold[i] else high[i]
            f = feature[i]
        scores[cls] += value[i]
    return scores


def _decide(features: tuple[float, ...]) -> tuple[float, float]:
    """P(the change restores the original) and the expected errors it removes
    (P(right) - P(a fine word changed)), the softmax of :func:`_scores`."""
    scores = _scores(_model(), features)
    top = max(scores)
    wrong, right, fine = (math.exp(s - top) for s in scores)
    total = wrong + right + fine
    p_right, p_fine = right / total, fine / total
    return round(p_right, 3), p_right - p_fine


def _agreement(
    text: str, tokens: list[tuple[int, int, str]], views: tuple[list[str], list[str]],
    span_ids: list[int], idx: list[int], past: bool = False,
) -> tuple[frozenset[str], tuple[str, ...], float]:
    """Inflections (Penn tags) the words around a span rule out, those they
    ask for beyond the adjacent trigger words of ``_TRIGGERS``, and a bonus
    for those (``_PARALLEL`` where a list asks, else 0).

    Ruled out, because English writes the bare form there too: a noun stays
    singular after a singular determiner in its noun phrase ("an infected
    rodent", "a key symptom"), before a singular verb ("the clinical symptom
    is") and as the first noun of a compound ("symptom onset", "patient
    death"); a verb keeps its base form after a modal, do or to, over adverbs
    and "not" ("do not transmit", "may simply delay"; "to" still takes "-ing":
    "an approach to treating"). The cost: a spun plural inside a compound or a
    spun past tense after "to" is not restored.

    Asked for: a plural after a plural determiner or numeral further left in
    the noun phrase ("these rare finding") and after "no" that follows "are"
    or "were" ("there are presently no discourse"), and in a partitive ("one
    of the caseful", "many of their").

    Eighth session (spun.md, "Eighth session: inflection"): a singular
    determiner also rules out the -s form as a verb ("a genetic disorders");
    a noun after "the" and names stays singular ("the CDKL5 gene"; a number
    glued to letters is no numeral); "other" without a determiner asks for a
    plural ("and other autoimmune disease"); the verb to the right agrees
    over an adverb ("mite generally do"); a verb after "noun that/which/who"
    agrees with the noun; a list's plural counts for a multiword span's last
    word.
    """
    blocked: set[str] = set()
    favoured: tuple[str, ...] = ()
    bonus = 0.0
    right = _neighbour(text, tokens, views[1], span_ids[-1], 1, idx)
    singular_right = right is not None and (
        right in SPIN_SINGULAR_VERBS or (right not in SPIN_FUNCTION_WORDS and _parts_of_speech(
            right) == {"NOUN"} and right in
                                         _lemmas(right) and not right.endswith("s"))
    )
    # The verb agrees over an adverb too ("mite generally do not", "the
    # symptom often is"); an auxiliary is a function word, never spun.
    plural_right = False
    if right is not None and right not in SPIN_FUNCTION_WORDS and "ADV" in _parts_of_speech(
        right
    ) and not _parts_of_speech(right) & {"NOUN", "VERB"}:
        verb = _neighbour(text, tokens, views[1], span_ids[-1] + 1, 1, idx)
        singular_right = verb in SPIN_SINGULAR_VERBS
        plural_right = verb in SPIN_PLURAL_VERBS
    # A verb after a relative pronoun agrees with the noun before it ("a
    # disease that affect" was "affects"; "mutations that cause" stays).
    # Tuning half of dev.jsonl (first 1,500 documents), the verb after "noun
    # that/which/who": after a singular noun 625 -s forms, 118 past, 114
    # base forms; after a plural 37 -s forms, 862 past, 1,243 base forms.
    # Thirteenth session (spun.md), same documents: after a singular noun
    # lemminflect also lists as another word class ("condition that") 518
    # -s forms, 157 past, 115 base, as after a noun alone (651 / 120 / 111);
    # after "noun, which" 367 -s forms, 32 past, 13 base, but after "plural,
    # which" 36 -s forms against 79 base (the clause may be the antecedent),
    # so across a comma only the singular asks.
    left = _neighbour(text, tokens, views[0], span_ids[0], -1, idx)
    if left in SPIN_RELATIVE_PRONOUNS:
        j = span_ids[0] - 1
        antecedent = _neighbour(text, tokens, views[0], j, -1, idx)
        if antecedent is not None and _is_plural_noun(antecedent):
            blocked.add("VBZ")
        elif antecedent is None and left == "which" and j > idx[0] and text[
            tokens[j - 1][1] : tokens[j][0]
        ].strip() == ",":  # "leishmaniasis, which sham" was "affects"
            antecedent = views[0][j - 1]
        if antecedent is not None and _singular_noun(antecedent, only=False):
            favoured = ("VBZ",)
    elif left is not None:
        # A verb right after its subject agrees with it, over adverbs too
        # ("measures reckon on" stays plural, "prognosis depart" was
        # "varies", "strength usually ameliorate" was "improves"). The -s
        # form is asked for only for a verb: a site word lemminflect lists
        # as a noun may be the second noun of a compound ("heart defect"),
        # and the noun of a prepositional phrase is not the subject ("cases
        # of the syndrome appear"). Same documents, a verb form that is no
        # noun right after a noun (over adverbs) outside a prepositional
        # phrase: after a singular noun alone 4,684 -s forms, 1,728 past or
        # participle, 379 base; after a plural 237 -s forms, 2,314 base (8%
        # -s forms inside a phrase, 3.5% outside).
        subject: str | None = left
        j = span_ids[0] - 1
        for _ in range(2):
            if subject is None or subject in SPIN_FUNCTION_WORDS or not _adverb(subject):
                break
            subject = _neighbour(text, tokens, views[0], j, -1, idx)
            j -= 1
        if subject is not None and subject not in SPIN_FUNCTION_WORDS:
            plural = _is_plural_noun(subject)
            singular = not plural and _singular_noun(subject, only=True) and (
                "NOUN" not in _parts_of_speech(tokens[span_ids[0]][2].lower()))
            if (plural or singular) and not _in_phrase(text, tokens, views[0], j, idx):
                if plural:
                    blocked.add("VBZ")
                else:
                    favoured = ("VBZ",)
        # Fourteenth session (spun.md): on a page whose narrative is past
        # (:func:`_narrative`), a bare verb after a person ("Doe and
        # colleagues compare" was "compared"; a reporting verb has its own
        # bonus, :func:`_tense_bonus`). Tuning half of dev.jsonl, the word
        # after such a subject (over adverbs) on those pages: 59 past forms,
        # 1 -s form, no base form.
        if past and subject is not None and tokens[span_ids[0]][2].lower() not in (
            SPIN_REPORTING_VERBS
        ) and _person_agent(text, tokens, views[0], j, idx):
            favoured, bonus = ("VBD",), _TENSE_WEIGHT
    i = span_ids[0]
    after_no = False
    names = 0  # the words passed so far are all names ("the BTD", "the CDKL5")
    adverbs_only = True  # and all adverbs or "not" ("may simply delay")
    for step in range(4):
        left = _neighbour(text, tokens, views[0], i, -1, idx)
        if left is None:
            break
        if left == "the" and names == step > 0:
            # A noun after "the" and a name is singular: "in the CDKL5 gene"
            # (tuning half of dev.jsonl: 2,594 singular nouns, 117 plurals).
            blocked.add("NNS")
            break
        if _name_token(tokens, i - 1):
            names += 1
            i -= 1
            continue
        if left in SPIN_SINGULAR_DETERMINERS:
            # Nor a verb's -s form, which is often the plural's spelling ("a
            # genetic disorders" is not a verb either).
            blocked.update(("NNS", "VBZ"))
            break
        if left in SPIN_BASE_VERB_MARKERS:
            # Only over adverbs: "may include difficulty suspire" is a noun
            # phrase's head ("breathing"), not a verb after "may".
            if adverbs_only:
                blocked.update(
                    ("VBD", "VBN", "VBZ") if left == "to" else ("VBD", "VBN", "VBZ", "VBG"))
            break
        if left in SPIN_PLURAL_DETERMINERS or (left.isdigit() and left != "1") or (
            after_no and left in ("are", "were")
        ):
            if "NNS" not in blocked:
                favoured = ("NNS",)
            break
        if left in SPIN_POSSESSIVE_DETERMINERS and _partitive(text, tokens, views[0], i - 1, idx):
            if "NNS" not in blocked:
                favoured = ("NNS",)
            break
        if left == "other" and _neighbour(text, tokens, views[0], i - 1, -1, idx) not in (
            SPIN_DETERMINERS
        ):  # "and other autoimmune disease" (not "the other hand", "any other way")
            if "NNS" not in blocked:
                favoured = ("NNS",)
            break
        if left == "no":
            after_no = True
        elif left in SPIN_FUNCTION_WORDS and left != "not":
            break
        if adverbs_only and left != "not" and not _adverb(left):
            adverbs_only = False
        i -= 1
    if singular_right and not favoured:  # "one of the symptoms is": the verb agrees with one
        blocked.add("NNS")
    elif not favoured and _person_slot(
        text, tokens, views, span_ids, idx, right
    ):  # "Dr. Jane Doe, lead study author and": nor the verb's -s form, its spelling
        blocked.update(("NNS", "VBZ"))
    if plural_right and not favoured and "NNS" not in blocked:
        favoured = ("NNS",)
    if not favoured and "NNS" not in blocked and _coordinated_plural(
        text, tokens, views, span_ids[0], span_ids[-1], idx
    ):
        return frozenset(blocked), ("NNS",), _PARALLEL
    return frozenset(blocked), favoured, bonus


def _person_agent(text: str, tokens: list[tuple[int, int, str]], view: list[str], j: int,
                  idx: list[int]) -> bool:
    """Whether token j ends a subject a news report narrates: "he", "she" or
    a named person's group ("Jane Doe and colleagues", "Doe and her team")."""
    word = view[j]
    if word in _AGENT_PRONOUNS:
        return True
    if word not in _AGENT_GROUPS:
        return False
    before = _neighbour(text, tokens, view, j, -1, idx)
    if before in ("his", "her", "their"):
        j -= 1
        before = _neighbour(text, tokens, view, j, -1, idx)
    return before == "and" and _neighbour(text, tokens, view, j - 1, -1, idx) is not None and (
        _title_word(tokens[j - 2][2]))


def _person_slot(text: str, tokens: list[tuple[int, int, str]],
                 views: tuple[list[str], list[str]], span_ids: list[int], idx: list[int],
                 right: str | None) -> bool:
    """Whether a span heads a noun phrase in apposition to a person's name (the
    phrase ends at punctuation or a word of _APPOSITION_RIGHT, ``right``)."""
    return right in (None, *_APPOSITION_RIGHT) and _apposition(
        text, tokens, views[0], span_ids[0], idx)


def _apposition(text: str, tokens: list[tuple[int, int, str]], view: list[str], first: int,
                idx: list[int]) -> bool:
    """Whether the words from token ``first`` on are a bare noun phrase in
    apposition to one person's name ("Dr. Jane Doe, lead study author and",
    "said Jane Doe, director of"): up to three words, none a function word,
    after a comma after two or more capitalised words, which follow
    punctuation, the start of the paragraph or a reporting verb. Not after a
    list or a coordination ("Smith and Jones, study authors"), a preposition
    or a determiner ("In the United States, the term", "In New York, study
    authors"), nor after one capitalised word ("However, patients",
    "Intervention: Initially, two-view"), nor with a number in the phrase.

    Health dev text (3,062 documents, the head a noun, the phrase ended by
    punctuation or _APPOSITION_RIGHT): 6 singular heads ("Dr. Eric Winer,
    chief of"), no plural."""
    j = first
    for _ in range(3):
        word = _neighbour(text, tokens, view, j, -1, idx)
        if word is None:
            break
        # A count is no part of a role ("Access Program, 98 patients (9.3%)").
        if word in SPIN_FUNCTION_WORDS or any(c.isdigit() for c in word):
            return False
        j -= 1
    else:
        return False
    if j - 1 < idx[0] or text[tokens[j - 1][1] : tokens[j][0]].strip() != ",":
        return False
    k = j - 1
    while k >= idx[0] and _title_word(tokens[k][2]) and (k == j - 1 or text[
        tokens[k][1] : tokens[k + 1][0]
    ] == " "):
        k -= 1
    if k > j - 3:
        return False
    if k < idx[0]:
        return True
    gap = text[tokens[k][1] : tokens[k + 1][0]]
    quoted = any(q in gap for q in "\"”’'")  # '“It works,” Jane Doe, lead author'
    return ("," not in gap or quoted) and "&" not in gap and (
        gap.strip() != "" or bool(_lemmas(view[k]) & SPIN_REPORTING_VERBS))


def _title_word(word: str) -> bool:
    """Whether ``word`` is written as a name is (a capital, then lower case)
    and is no function word ("At Mayo Clinic" is no name's first word)."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and (
        word.lower() not in SPIN_FUNCTION_WORDS and word.lower() not in SPIN_PREPOSITIONS)


def _adverb(word: str) -> bool:
    """Whether lemminflect lists ``word`` as an adverb and not as a verb."""
    pos = _parts_of_speech(word)
    return "ADV" in pos and "VERB" not in pos


def _singular_noun(word: str, only: bool) -> bool:
    """Whether ``word`` is a singular noun: lemminflect lists it as a noun
    (``only``: as nothing else) and as its own lemma, and not as a plural."""
    pos = _parts_of_speech(word)
    return (pos == {"NOUN"} if only else "NOUN" in pos) and word in _lemmas(
        word) and not _is_plural_noun(word)


def _counts(text: str, tokens: list[tuple[int, int, str]], view: list[str], j: int, last: int,
            idx: list[int]) -> bool:
    """Whether token j is a numeral over 1 that counts the noun ending at token
    ``last`` ("for 2 weeks", "1-2 days"): not part of a name ("CDKL5",
    "ataxin-3", "chromosome 15") nor of a modifier ("a 20 year-old")."""
    if j < idx[0] or not view[j].isdigit() or view[j] == "1" or _glued(tokens, j):
        return False
    if last < idx[-1] and text[tokens[last][1] : tokens[last + 1][0]] in ("-", "\u2013"):
        return False
    if j == idx[0]:
        return True
    gap, before = text[tokens[j - 1][1] : tokens[j][0]], view[j - 1]
    if gap in ("-", "\u2013"):
        return before.isdigit()
    return gap.strip() != "" or before in SPIN_FUNCTION_WORDS or bool(
        _parts_of_speech(before) - {"NOUN"})


def _in_phrase(text: str, tokens: list[tuple[int, int, str]], view: list[str], j: int,
               idx: list[int]) -> bool:
    """Whether token j (a noun) ends a prepositional phrase ("cases of the
    syndrome"): within three words to its left a preposition comes before any
    other function word (determiners pass)."""
    for _ in range(3):
        word = _neighbour(text, tokens, view, j, -1, idx)
        if word is None or word in SPIN_PREPOSITIONS:
            return word is not None
        if word in SPIN_FUNCTION_WORDS and word not in SPIN_DETERMINERS:
            return False
        j -= 1
    return False


def _glued(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether token j (a number) is glued to the letters before it: "5" in
    "CDKL5" is part of a name, not a numeral."""
    return j > 0 and tokens[j - 1][1] == tokens[j][0] and tokens[j - 1][2][-1:].isalpha()


def _name_token(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether token j is (part of) a name or code: two or more characters
    from a capital to a capital or a digit ("BTD", "CDKL"), or a number glued
    to one ("5" of "CDKL5")."""
    if j < 0:
        return False
    word = tokens[j][2]
    if word.isdigit():
        return _glued(tokens, j)
    return len(word) > 1 and word[0].isupper() and (word[-1].isupper() or word[-1].isdigit())


def _coordinated_plural(
    text: str, tokens: list[tuple[int, int, str]], views: tuple[list[str], list[str]],
    first: int, last: int, idx: list[int],
) -> bool:
    """Whether the noun next to the span of tokens first to last across a
    comma, "and", "or" or "and/or" is a plural ("canals, lake, rivers", "arms
    and/or leg", "weeks or calendar month"): list items share their number.
    The cost: a singular item in a list of plurals ("fever, headaches and
    rash") may be pluralised where its bigrams agree."""
    for step, view, i in ((-1, views[0], first), (1, views[1], last)):
        j = i + step
        seen_and = False
        while idx[0] <= j <= idx[-1]:
            a, b = (tokens[j][1], tokens[j + 1][0]) if step < 0 else (tokens[j - 1][1], tokens[j][0])
            gap = text[a:b].strip()
            word = view[j]
            if gap not in ("", ",", "/") or (gap == "/" and word not in ("and", "or")):
                break
            if word in ("and", "or") and not seen_and:
                seen_and = True
                j += step
                continue
            if (gap == "," or seen_and) and _is_plural_noun(word):
                return True
            break
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_plural_noun(word: str) -> bool:
    """Whether lemminflect lists ``word`` as the plural of another noun."""
    return any(
        lemma != word and (word, "NNS") in _tagged_inflections(lemma) for lemma in _lemmas(word)
    )


def _partitive(text: str, tokens: list[tuple[int, int, str]], view: list[str], i: int,
               idx: list[int]) -> bool:
    """Whether token i (a determiner) follows a quantifier and "of" ("one of
    the", "many of their"): the noun after it is plural."""
    of = _neighbour(text, tokens, view, i, -1, idx)
    if of != "of":
        return False
    return _neighbour(text, tokens, view, i - 1, -1, idx) in SPIN_PARTITIVE_QUANTIFIERS


# The spans of words joined by single spaces _restore_pass reads: (tokens, None).
_SPACED_SPANS: tuple[tuple[int, list[str] | None], ...] = ((3, None), (2, None), (1, None))


def _hyphen_joins(text: str, tokens: list[tuple[int, int, str]], idx: list[int]) -> frozenset[int]:
    """The tokens of the paragraph ``idx`` joined to the next one by a single
    hyphen and nothing else ("liver" in "liver-colored"); empty, at the cost
    of one search, when the paragraph has no hyphen."""
    start, end = tokens[idx[0]][1], tokens[idx[-1]][0]
    at = text.find("-", start, end)
    if at < 0:
        return frozenset()
    starts = [tokens[j][0] for j in idx]
    out = set()
    while at >= 0:
        k = bisect_left(starts, at + 1)  # the token after the hyphen
        if 0 < k and starts[k] == at + 1 and tokens[idx[k - 1]][1] == at:
            out.add(idx[k - 1])
        at = text.find("-", at + 1, end)
    return frozenset(out)


def _hyphen_spans(
    text: str, tokens: list[tuple[int, int, str]], lower: list[str], idx: list[int], k: int,
    joins: frozenset[int],
) -> list[tuple[int, list[str]]]:
    """The spans from token ``idx[k]`` of one to three words (a word: tokens
    joined by single hyphens; words: joined by single spaces) that hold a
    hyphen, as (tokens, lower-case words), longest first: a spinner writes
    hyphenated WordNet lemmas verbatim ("liver-colored" for liver, "give-up
    the ghost" for passing), which SPIN_TOKEN reads as several tokens.

    A span starts and ends at the edges of a hyphenated word (not "colored"
    alone out of "liver-colored"), its later tokens are plain lower-case
    words (:func:`_foreign`), and it is restored only when the index lists it
    as a fingerprint (:func:`_not_a_spun_span`).

    >>> text = "a liver-colored spot"
    >>> tokens = _tokens(text)
    >>> lower = [t[2].lower() for t in tokens]
    >>> idx = list(range(len(tokens)))
    >>> _hyphen_spans(text, tokens, lower, idx, 1, _hyphen_joins(text, tokens, idx))
    [(3, ['liver-colored', 'spot']), (2, ['liver-colored'])]
    """
    i = idx[k]
    if i - 1 in joins or (i > 0 and tokens[i - 1][1] == tokens[i][0]):
        return []  # inside a hyphenated word, or glued to a code ("CDKL5-related")
    out: list[tuple[int, list[str]]] = []
    words: list[str] = []
    parts: list[str] = []
    hyphen = False
    last = idx[-1]
    j = i
    while j <= last:
        if _foreign(text, tokens, j) if j > i else _glued_to_code(text, tokens, j):
            break
        parts.append(lower[j])
        if j in joins:
            hyphen = True
            j += 1
            continue
        words.append("-".join(parts))
        parts = []
        if hyphen:
            out.append((j - i + 1, list(words)))
        if len(words) == 3 or j == last or text[tokens[j][1] : tokens[j + 1][0]] != " ":
            break
        j += 1
    return out[::-1]


def _glued_to_code(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token i runs on into a letter or digit ("B" of "B12")."""
    return tokens[i][1] < len(text) and text[tokens[i][1]].isalnum()


def _plain_span(text: str, tokens: list[tuple[int, int, str]], ids: list[int]) -> bool:
    """Whether the tokens ``ids`` are written as words with one space between
    them and none after the first is in a foreign word: only such a span can
    be a multiword lemma the spinner wrote."""
    if text[tokens[ids[0]][0] : tokens[ids[-1]][1]] != " ".join(tokens[j][2] for j in ids):
        return False
    return not any(_foreign(text, tokens, j) for j in ids[1:])


def _not_a_spun_span(form: str) -> bool:
    """Multiword spans are restored as wholes when the index lists them ("have
    it away", "take into account", "iron overload"); one that is neither a
    fingerprint nor a WordNet lemma whose word pairs health text lacks
    ("suspicious") reads as English and needs the common-word margin and
    ``_SPAN_EXTRA`` more ("shortness of breath" is not spun from sobbing).

    A hyphenated span must be a fingerprint: health text writes many
    hyphenated WordNet lemmas itself ("follow-up", "x-ray", "well-known",
    "co-ordinate"), which are no evidence of a spinner and stay as written."""
    if "-" in form:
        return form not in _fingerprints()
    return form not in _reverse_index()


def _foreign(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """A token inside a span that the spinner cannot have written: capitalised
    ("vitamin B"), glued to a code ("B12") or not a plain word."""
    word = tokens[i][2]
    glued = tokens[i][1] < len(text) and text[tokens[i][1]].isalnum()
    return word[:1].isupper() or glued or not word.isalnum()


def _skip_word(text: str, tokens: list[tuple[int, int, str]], i: int, low: str) -> bool:
    """Function words, numbers, acronyms and capitalised names are never spun
    (the spinner only replaces lower-case content words and sentence starts)."""
    word = tokens[i][2]
    if low in SPIN_FUNCTION_WORDS or not word.isalnum() or word.isdigit() or (
        len(word) > 1 and word.isupper()
    ):
        return True
    if tokens[i][1] < len(text) and text[tokens[i][1]].isalnum():
        return True  # part of a code such as "B12"
    return word[:1].isupper() and not _sentence_start(text, tokens, i)


def _sentence_start(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    before = text[: tokens[i][0]].rstrip(" \"“'‘(")
    return before == "" or before[-1] in ".?!\n"
