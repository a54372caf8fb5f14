"""Regular expressions and small tables shared by the normalisers.

They live here, apart from the logic that uses them, grouped by the normaliser
family that owns them. Long patterns are verbose and commented case by case.
"""

from __future__ import annotations

import regex

# A word as the dictionaries count it: letters, with inner apostrophes or hyphens
# ("don't", "long-term"), or a letter-digit identifier ("IGF-1", "COVID-19").
WORD = regex.compile(r"\p{L}[\p{L}\p{M}\d]*(?:['’\-][\p{L}\d][\p{L}\p{M}\d]*)*")

# --- encoding: restore_replacement_chars ---
# U+FFFD where only an apostrophe fits. Each case is certain enough on its own:
REPLACEMENT_APOSTROPHE = regex.compile(
    r"""
      (?<=\p{L})\uFFFD(?=s\b)          # possessive or "it's": "system�s"
    | (?<=\p{L}n)\uFFFD(?=t\b)         # negation: "don�t", "isn�t"
    | (?<=\b(?i:i|you|we|they|he|she|it|who|that|there|what|where|how|here|let))
      \uFFFD(?=(?:re|ve|ll|d|m|s)\b)   # pronoun contractions: "we�re", "I�m"
    """,
    regex.VERBOSE,
)
# A non-ASCII apostrophe between two letters, to learn which one a document
# uses (an ASCII apostrophe never turns into U+FFFD, so it is not a candidate).
INNER_APOSTROPHE = regex.compile(r"(?<=\p{L})[’ʼ´‘](?=\p{L})")

# --- spacing: detokenize_ptb_spacing ---
# Signals that a paragraph was Penn-Treebank tokenized. Only forms that careful
# English and French typography never write count: French spaces before ; : ! ?
# but not before a comma or a period.
PTB_SIGNAL = regex.compile(
    r"""
      (?<=[\p{L}\d)"”’]) \ ,(?=\s)           # "rare , but"
    | (?<=[\p{L}\d)]) \ \.(?=\s*$|\s+[\p{Lu}"“])   # "every year . The"
    | \(\ (?=\S)                             # "( FDA )" (one signal a pair)
    | (?<=\p{L})\ n['’]t\b                      # "do n't"
    | (?<=\p{L})\ ['’](?:s|re|ve|ll|d|m)\b      # "it 's", "we 're"
    """,
    regex.VERBOSE | regex.MULTILINE,
)
# Substrings one of which every PTB_SIGNAL match contains (a fast pre-test).
PTB_CHEAP_SIGNS = (" ,", " .", "( ", " n'", " n’", " '", " ’")
# The spaces to remove in a paragraph that shows the pattern; each group names
# its rule, which becomes the change record's reason.
PTB_SPACE = regex.compile(
    r"""
      (?<=\S)(?P<before_punct>\ +)(?=[,.;:!?](?:\s|$|["”’)\]]))   # "rare ," "year ." "why ?"
    | (?<=\d)(?P<before_percent>\ +)(?=%)                         # "1 %"
    | (?<=\p{L})(?P<before_contraction>\ +)(?=n['’]t\b|['’](?:s|re|ve|ll|d|m)\b)  # "do n't"
    | (?<=\p{L}s)(?P<before_plural_possessive>\ +)(?=['’]\ )      # "patients ' DNA"
    | (?<=[(\[{])(?P<after_open_bracket>\ +)(?=\S)                # "( FDA"
    | (?<=\S)(?P<before_close_bracket>\ +)(?=[)\]}])              # "FDA )"
    | (?<=\$)(?P<after_currency>\ +)(?=\d)                        # "$ 5"
    """,
    regex.VERBOSE,
)
# A hyphen written as a token: "locked - in", "Brain - computer".
PTB_HYPHEN = regex.compile(r"(?<=(?P<left>\b[\p{L}\d]+)) - (?=(?P<right>[\p{L}\d]+\b))")
# Dashes a document writes as dashes (so a spaced hyphen there is a hyphen).
OTHER_DASH = regex.compile(r"[—–]|--")
