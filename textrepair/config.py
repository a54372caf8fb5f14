"""The configuration: one on/off field per normaliser, plus tuning knobs.

A :class:`Config` is frozen and validated when it is made, so a bad value fails
at construction with a plain message, not halfway through a run. The on/off
field of a normaliser has the normaliser's name; ``--only``/``--skip`` on the
command line and :meth:`Config.only`/:meth:`Config.skip` set them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "bool": bool, "int": int, "float": (int, float), "str": str,
}


@dataclass(frozen=True)
class Config:
    # --- on/off, one field per normaliser (the registry checks they match) ---
    fix_mojibake: bool = True
    """Repair mojibake (UTF-8 read as cp1252/latin-1 and similar) with ftfy."""
    restore_replacement_chars: bool = True
    """Restore an apostrophe lost as U+FFFD where the context makes it certain."""
    rejoin_wrapped_lines: bool = True
    """Rejoin hard-wrapped lines, split bullets and words hyphenated at a line end."""
    detokenize_ptb_spacing: bool = True
    """Undo Penn-Treebank token spacing (" , ", "( FDA )", "do n't") in text that shows it."""
    split_glued_words: bool = True
    """Split words glued together where links were stripped ("patientsare", "analyzedDNAfrom")."""
    rejoin_split_words: bool = True
    """Remove stray spaces inside words from PDF/OCR text ("treat ment", "Abst rac t")."""
    restore_spun_words: bool = True
    """Undo article spinning: wrong-sense synonyms ("cistron" for gene) and lost inflections."""
    repair_ocr_garble: bool = True
    """Repair OCR character confusions in unknown words ("tbe", "nmnber", "pr0cedures")."""

    # --- tuning knobs ---
    other_language_min_markers: int = 3
    """Common words of one other language ("le", "und", "que") that a paragraph
    needs, and more than twice as many as English ones, before the steps that
    read English leave it alone (textrepair.language); 0 reads every paragraph
    as English."""
    min_confidence: float = 0.0
    """Edits whose confidence is below this are not made (0 makes every edit the
    steps are sure enough to propose; raise it to trade recall for precision)."""
    ptb_min_signals: int = 2
    """How many Penn-Treebank spacing signals (" , ", " .", "( X )", "do n't") a
    paragraph needs before detokenize_ptb_spacing touches it."""
    ptb_doc_min_signals: int = 4
    """How many signals a whole document needs before every paragraph in it is
    treated as tokenized (catches short paragraphs with a single signal)."""

    spin_doc_min_rate: float = 5.0
    """Spinner evidence (summed log likelihood ratios of distinct fingerprints) per 100
    words a document needs before restore_spun_words touches it (clean health
    documents show under 7, spun ones mostly over 10)..."""
    spin_doc_min_score: float = 0.7
    """...and per square root of its word count (short pages: a few odd words are noise;
    at 0.6 short clean pages whose topic words the health tables had not seen opened
    the gate: 1 of 1,515 documents with tables from the other half of the corpus)."""
    spin_doc_min_signals: int = 3
    """...and how many distinct fingerprints at least (one odd word is not spinning)."""
    spin_paragraph_min_signals: int = 1
    """Fingerprints a paragraph of a spun document needs before its words are restored."""
    spin_margin: float = 1.0
    """How much better (natural-log probability) a restoration must score than keeping
    the word, under either spin_decision; with "margins" its confidence is 0.5 at this
    margin and rises towards 1 above it, so --min-confidence filters the closest calls
    (with "model" the confidence is the model's P(right))."""
    spin_inflect_margin: float = -1.0
    """With spin_decision "model": the margin over keeping the word from which an
    inflection of the word's own lemma (a lost plural, -ing, past or -s form) is put to
    the model (synonyms and spans need spin_margin); the lower of this and spin_margin
    counts. It may be negative: many lost plurals score a little under keeping the word
    and only the model's other evidence tells them from fine singulars."""
    spin_inflect_threshold: float = 0.35
    """With spin_decision "model": the spin_model_threshold of an inflection whose margin
    is under spin_margin (put to the model by spin_inflect_margin): the sites where a
    fine singular is most often changed."""
    spin_common_extra_margin: float = 2.0
    """With spin_decision "margins": extra margin a synonym needs to replace a word that
    is common in health text (most such words were left alone by the spinner, and a
    wrong swap is costly); the model weighs that itself."""
    spin_decision: str = "model"
    """How restore_spun_words decides whether to make its best restoration of a word:
    "margins" (the hand-set rule: spin_margin, spin_common_extra_margin) or "model"
    (gradient-boosted trees over the evidence, dictionaries/spin_model.tsv; the edit's
    confidence is its probability of restoring the original)."""
    spin_model_threshold: float = 0.15
    """With spin_decision "model": how many errors a change must be expected to remove,
    P(right) - P(the word was fine), before it is made (0: whenever it is expected to
    remove more than it adds; raise it towards 1 for fewer, surer changes)."""
    spin_pair_confidence: float = 0.7
    """With spin_decision "model": the P(right) a change needs when the second pass makes
    it on a word the first pass left alone (a word that is no fingerprint) because a
    neighbour changed: restored by the first pass, or restored with it as a pair
    ("normally inherit" -> "usually inherited"); 1 turns such changes off. A restored
    neighbour also makes a fine word's collocations look better ("severe consequences"
    -> serious), so these changes need more than spin_model_threshold."""
    wrap_min_lines: int = 3
    """Lines ending mid-sentence before a lower-case line that a document needs before
    rejoin_wrapped_lines touches it (clean one-paragraph-a-line text has none)."""
    wrap_min_width: int = 30
    """Narrowest wrap width (characters) rejoin_wrapped_lines believes; narrower
    lower-case lines are verse, lists or code."""

    ocr_margin: float = 2.0
    """How much better (zipf points: log10 frequency minus confusion cost, plus
    context) a repair of an unknown word must score than keeping it."""
    ocr_doc_min_signals: int = 1
    """Repairs through a listed OCR confusion (not the one-letter-edit backoff) that
    repair_ocr_garble must find in a document before it makes any (the OCR gate) ..."""
    ocr_doc_min_rate: float = 1.0
    """... and how many per 100 words (a lone typo in a long clean page is no OCR).
    Both 0 turn the gate off, for text known to be OCR output."""
    ocr_wide_distance: int = 0
    """For text known to be OCR output (with the gate off): above 0, also repair
    long tokens garbled in several characters ("flmctional", "Intelli~enc~e") that
    neither a dictionary nor wordfreq knows and that show OCR damage (a mark or
    digit inside, a letter trigram English rarely has), searching words up to this
    many edits away (at most 3; symspellpy) and pricing them by a weighted edit
    distance. The search index takes about 7 s to build at first use."""
    ocr_cluster_letters: int = 1
    """In a document past the OCR gate (or with it off), also read each run of
    marks, digits or brackets inside a long unknown token (with a letter beside it)
    as up to this many letters OCR could not read ("1)rol)osed" -> "proposed",
    "exl)erimenl,s" -> "experiments"; 0 = off, at most 2: "l;(;" as "te"), the token's other
    letters as themselves or a letter of the same shape, and price the common words
    that fit by a weighted edit distance (no search index needed)."""

    boundary_doc_min_repairs: float = 3.0
    """Evidence of broken word boundaries a document must show before
    split_glued_words or rejoin_split_words make any edit (the boundary gate):
    each glued token split on evidence counts 1 (a half on word costs alone),
    each word rejoined from a fragment 1, punctuation glue nothing. A page that
    lost its link markup shows many, a clean page a stray typo or two ..."""
    boundary_doc_min_rate: float = 0.25
    """... and how much per 100 words (a long clean page collects stray ones).
    Both 0 turn the gate off, for text known to have lost its word boundaries
    (PDF extraction, stripped links)."""
    boundary_lm_margin: float = 4.0
    """Once the boundary gate is open (or off): how much likelier (log10; a
    bigram model of English mixed with the document's own word counts, the
    words on both sides as context) split_glued_words' last resort must find
    a lower-case token no rule split read as 2-4 words than as it stands.
    Under it, a two-part reading the model prefers at all is still taken
    when both parts (3+ letters) stand alone elsewhere in the document."""
    boundary_moved_margin: float = 4.0
    """Once the boundary gate is open (or off): how much likelier (log10; the
    same bigram model, the words on both sides as context) rejoin_split_words
    must find two words with a space moved by one or two letters than the
    tokens as they stand ("th einformation" -> "the information")."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            expected = _FIELD_TYPES[str(f.type)]
            if not isinstance(value, expected) or (
                f.type != "bool" and isinstance(value, bool)
            ):
                raise ValueError(f"Config.{f.name} must be {f.type}, got {value!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(
                f"Config.min_confidence must be between 0 and 1, got {self.min_confidence}"
            )
        if self.ptb_min_signals < 1 or self.ptb_doc_min_signals < 1:
            raise ValueError("Config.ptb_min_signals and ptb_doc_min_signals must be >= 1")
        if min(self.spin_doc_min_rate, self.spin_doc_min_score, self.spin_margin,
               self.spin_common_extra_margin) < 0:
            raise ValueError(
                "Config.spin_doc_min_rate, spin_doc_min_score, spin_margin and "
                "spin_common_extra_margin must be >= 0"
            )
        if not -1.0 <= self.spin_inflect_threshold <= 1.0:
            raise ValueError("Config.spin_inflect_threshold must be between -1 and 1")
        if not -5.0 <= self.spin_inflect_margin <= 12.0:
            raise ValueError("Config.spin_inflect_margin must be between -5 and 12")
        if self.spin_decision not in ("margins", "model"):
            raise ValueError(
                f"Config.spin_decision must be 'margins' or 'model', got {self.spin_decision!r}"
            )
        if not -1.0 <= self.spin_model_threshold <= 1.0:
            raise ValueError("Config.spin_model_threshold must be between -1 and 1")
        if not 0.0 <= self.spin_pair_confidence <= 1.0:
            raise ValueError("Config.spin_pair_confidence must be between 0 and 1")
        if self.spin_paragraph_min_signals < 0 or self.spin_doc_min_signals < 0:
            raise ValueError(
                "Config.spin_paragraph_min_signals and spin_doc_min_signals must be >= 0"
            )

        if min(self.ocr_margin, self.ocr_doc_min_rate, self.ocr_doc_min_signals) < 0:
            raise ValueError(
                "Config.ocr_margin, ocr_doc_min_rate and ocr_doc_min_signals must be >= 0"
            )
        if not 0 <= self.ocr_wide_distance <= 3:
            raise ValueError(
                f"Config.ocr_wide_distance must be 0 (off) to 3, got {self.ocr_wide_distance}"
            )
        if not 0 <= self.ocr_cluster_letters <= 2:
            raise ValueError(
                f"Config.ocr_cluster_letters must be 0 (off) to 2, got {self.ocr_cluster_letters}"
            )
        if min(self.boundary_doc_min_repairs, self.boundary_doc_min_rate,
               self.boundary_lm_margin, self.boundary_moved_margin) < 0:
            raise ValueError(
                "Config.boundary_doc_min_repairs, boundary_doc_min_rate, "
                "boundary_lm_margin and boundary_moved_margin must be >= 0"
            )
        if self.wrap_min_lines < 1 or self.wrap_min_width < 1:
            raise ValueError("Config.wrap_min_lines and wrap_min_width must be >= 1")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Config:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown Config fields: {', '.join(unknown)}")
        return cls(**values)

    def with_values(self, **values: Any) -> Config:
        return replace(self, **values)

    def gates_off(self) -> Config:
        """Every per-document gate open (the spun, OCR and word-boundary steps'
        ``*_doc_min_*`` and ``spin_paragraph_min_signals`` at 0): for text known
        to be damaged, in one pass. A second pass over the output may change more
        (restored words are new context); clean text needs the gates."""
        return replace(
            self, spin_doc_min_rate=0.0, spin_doc_min_score=0.0, spin_doc_min_signals=0,
            spin_paragraph_min_signals=0, ocr_doc_min_signals=0, ocr_doc_min_rate=0.0,
            boundary_doc_min_repairs=0.0, boundary_doc_min_rate=0.0,
        )

    def for_source(self, *sources: str) -> Config:
        """The settings for text known to come from ``sources`` (names in
        :data:`SOURCES`): the gates of the damage that source makes are open,
        since the user knows the damage is there. ``"ocr"``: OCR output (the
        OCR gate off and the wide search on); ``"pdf"``: PDF extraction (the
        word-boundary gate off, Penn-Treebank spacing believed at one signal);
        ``"damaged"``: every gate off (:meth:`gates_off`). For one pass over
        such text; clean text needs the default gates.

        >>> Config().for_source("ocr", "pdf").ocr_wide_distance
        3
        """
        config = self
        for source in sources:
            if source not in SOURCES:
                raise ValueError(
                    f"unknown source {source!r}; choose from {', '.join(SOURCES)}"
                )
            if source == "damaged":
                config = config.gates_off()
            config = replace(config, **SOURCES[source])
        return config

    def with_setting(self, setting: str) -> Config:
        """``setting`` is "FIELD=VALUE" (the command line's ``--set``): the value
        is read as the field's type (a bool as true/false, yes/no, on/off or 1/0).

        >>> Config().with_setting("ocr_margin=2.5").ocr_margin
        2.5
        """
        name, sep, raw = setting.partition("=")
        name, raw = name.strip(), raw.strip()
        kinds = {f.name: f.type for f in fields(self)}
        if not sep or name not in kinds:
            raise ValueError(
                f"--set wants FIELD=VALUE with a Config field, got {setting!r} "
                "(the fields: python -c 'import textrepair; help(textrepair.Config)')"
            )
        kind = kinds[name]
        try:
            if kind == "bool":
                value: Any = {"true": True, "yes": True, "on": True, "1": True, "false": False,
                              "no": False, "off": False, "0": False}[raw.lower()]
            elif kind == "int":
                value = int(raw)
            elif kind == "float":
                value = float(raw)
            else:
                value = raw
        except (KeyError, ValueError):
            raise ValueError(f"--set {name}: {raw!r} is not a {kind}") from None
        return replace(self, **{name: value})

    def step_names(self) -> list[str]:
        """The names of all on/off fields, in declaration order."""
        return [f.name for f in fields(self) if f.type == "bool"]

    def enabled(self, step: str) -> bool:
        return bool(getattr(self, step))

    def only(self, steps: Iterable[str]) -> Config:
        """Turn on exactly ``steps`` and turn every other normaliser off."""
        wanted = set(steps)
        self._check_steps(wanted)
        values: dict[str, Any] = {s: s in wanted for s in self.step_names()}
        return replace(self, **values)

    def skip(self, steps: Iterable[str]) -> Config:
        """Turn ``steps`` off."""
        unwanted = set(steps)
        self._check_steps(unwanted)
        values: dict[str, Any] = {s: False for s in unwanted}
        return replace(self, **values)

    def _check_steps(self, steps: set[str]) -> None:
        unknown = sorted(steps - set(self.step_names()))
        if unknown:
            raise ValueError(
                f"unknown normaliser {', '.join(unknown)}; "
                f"choose from {', '.join(self.step_names())}"
            )


# What a user may know about where a text comes from (Config.for_source, the
# command line's --source): the settings that open the gates of that source's
# damage. The gates exist for text that may be clean; known damage needs none.
SOURCES: dict[str, dict[str, Any]] = {
    # OCR output: repair_ocr_garble with its gate off and the wide search on
    # (docs/results/ocr.md, "OCR known" rows).
    "ocr": {"ocr_doc_min_signals": 0, "ocr_doc_min_rate": 0.0, "ocr_wide_distance": 3},
    # PDF extraction: both word-boundary steps with their gate off, and Penn-
    # Treebank spacing believed at one signal (docs/results/glued_words.md,
    # "known PDF" rows).
    "pdf": {
        "boundary_doc_min_repairs": 0.0, "boundary_doc_min_rate": 0.0,
        "ptb_min_signals": 1, "ptb_doc_min_signals": 1,
    },
    # Damage of unknown kind: every per-document gate off (Config.gates_off).
    "damaged": {},
}
