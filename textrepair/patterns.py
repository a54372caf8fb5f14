"""Regular expressions and small tables shared by the normalisers.

They live here, apart from the logic that uses them, grouped by the normaliser
family that owns them. Long patterns are verbose and commented case by case.
"""

from __future__ import annotations

import re

import regex

# A word as the dictionaries count it: letters, with inner apostrophes or hyphens
# ("don't", "long-term"), or a letter-digit identifier ("IGF-1", "COVID-19").
WORD = regex.compile(r"\p{L}[\p{L}\p{M}\d]*(?:['’\-][\p{L}\d][\p{L}\p{M}\d]*)*")

# --- encoding: restore_replacement_chars ---
# A lost character (U+FFFD, or "?" from an encoder with errors="replace") where
# only an apostrophe fits. Each case is certain enough on its own; {lost} is
# the character that stands for the lost one:
_LOST_APOSTROPHE = r"""
      (?<=\p{{L}}){lost}(?=s\b)          # possessive or "it's": "system�s"
    | (?<=\p{{L}}n){lost}(?=t\b)         # negation: "don�t", "isn�t"
    | (?<=\b(?i:i|you|we|they|he|she|it|who|that|there|what|where|how|here|let))
      {lost}(?=(?:re|ve|ll|d|m|s)\b)   # pronoun contractions: "we�re", "I�m"
    | (?<=\b[Odl]){lost}(?=\p{{Lu}}\p{{Ll}})  # name prefixes: "O�Donnell", "d�Arc", "l�Hôpital"
"""
# (Not "D" or "L": "vitamin D", "Part D" and "size L" are words of their own,
# and "Vitamin D—The Facts" lost its dash the same way.)
REPLACEMENT_APOSTROPHE = regex.compile(_LOST_APOSTROPHE.format(lost=r"\uFFFD"), regex.VERBOSE)
QMARK_APOSTROPHE = regex.compile(_LOST_APOSTROPHE.format(lost=r"\?"), regex.VERBOSE)
# "?" after the hyphen of a number range ("pages 118-?145"): a second character
# of the dash (or an invisible one) that the encoder could not write.
QMARK_IN_RANGE = regex.compile(r"(?<=\d-)\?(?=\d)")
# Lost quotes: an opening "?" glued before a word (after a space, "(" or the line
# start) and the next "?" closing it in the same sentence (no sentence end
# between). A closing "?" is a quote only where a question mark cannot be:
# after a period, comma, "!" or a question mark ("matching.?", "me??"), or
# before a lowercase word or , ; : ) ] ("?insulin dependent? diabetes"), never
# at a sentence end.
QMARK_QUOTES = regex.compile(
    r"""
    (?<![^\s(\[])(?P<open>\?)(?=\p{L})
    (?P<inner>(?:[^?\n.!]|[.!](?!\s))*?(?:[.,!](?=\?)|\?(?=\?))?)
    (?P<close>
        (?<=[.,!?])\?(?![\p{L}\d?])
      | (?<=[\p{L}\d])\?(?=[,;:)\]]|\.(?!\S)|\ +\p{Ll})
    )
    """,
    regex.VERBOSE,
)
# A "?" that says nothing against lost quotes (no lost letter at a word edge,
# no code): one that ends a question (after a word, a number or a closing
# bracket or quote, before a space, a closing bracket or quote, or the end), one
# standing alone between spaces (a lost bullet or dash: "cancer ? a disease"),
# one beside a digit and no letter (a lost dash or sign: "2010?2015", "?5 mg"),
# or one after a period or comma at a word end (a lost closing quote: "he
# said.? The").
QMARK_HARMLESS = regex.compile(
    r"""
      (?<=[\p{L}\d)\]"”’'])\?(?=[\s"”’')\]]|$)
    | (?<!\S)\?(?!\S) | (?<=[.,])\?(?!\S)
    | (?<!\p{L})\?(?=\d) | (?<=\d)\?(?!\p{L})
    """,
    regex.VERBOSE,
)
# A token (no spaces) with one of these is a URL, an e-mail address, a query
# string or code ("index.php?s=1", "a?s:t"): its "?" are left alone.
CODE_TOKEN_SIGN = regex.compile(r"[/\\=&@#<>{}\[\]|_~^`*+%$]|:(?!\d)|\.(?=[\p{L}\d])")
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
# A code identifier, letters on both sides of an underscore ("PRE_MEM_READ",
# "sys_time"; not a variant name, "c.428_451dup", "NP_057953.1"):
# a line that holds one is code, not tokenized prose.
SNAKE_CASE = regex.compile(r"\p{L}_\p{L}")
# A hyphen written as a token: "locked - in", "Brain - computer".
PTB_HYPHEN = regex.compile(r"(?<=(?P<left>\b[\p{L}\d]+)) - (?=(?P<right>[\p{L}\d]+\b))")
# Dashes a document writes as dashes (so a spaced hyphen there is a hyphen).
OTHER_DASH = regex.compile(r"[—–]|--")

# --- boundaries: split_glued_words, rejoin_split_words ---
# A whitespace token as the boundary steps see it: leading punctuation, a core
# of letters only, trailing punctuation. Any other token (digits, hyphens,
# apostrophes, "@", "/", "#": IGF-1, COVID-19, e-mails, URLs, hashtags, code)
# matches the last alternative and has no core, so it is never split or joined.
BOUNDARY_TOKEN = regex.compile(
    r"""(?<!\S)(?P<lead>["“‘'(\[]*)(?P<core>\p{L}+)(?P<trail>[.,;:!?)\]"”’']*)(?!\S)|\S+"""
)
# The punctuation BOUNDARY_TOKEN puts before or after a core (str.strip argument).
BOUNDARY_STRIP = "\"“‘'([.,;:!?)]”’"
# A cheap look at a token for any glue BOUNDARY_PUNCT_GLUE or BOUNDARY_QUOTE_GLUE
# might find in it (looser than they are: they decide).
BOUNDARY_PUNCT_GATE = regex.compile(
    r"""\p{Ll}{3}\(\w | \p{Ll},[\p{L}\d] | \p{L}{3}:[\d\p{Lu}] | \p{Ll}{3}\.\p{Lu}\p{Ll}
    | \)\p{Ll}{3} | \p{Ll}\d | \d(?:and|or|the|with) | \p{L}[,.]“
    | \p{Lu}\.\p{Lu}\.\p{Lu} | \d\p{L}{3} | \d\.\d+\p{L}{2}""",
    regex.VERBOSE,
)
# Units written glued to a number ("2.5mcg"): never split off.
BOUNDARY_UNITS = frozenset(
    """mcg mmol kcal mmhg meq nmol pmol umol µmol µg mol mgs hrs min mins sec secs cal
    cals kgs lbs mls ppm ppb bpm cfu dose doses fold times""".split()
)
# The letters-only core of a token (a split candidate if no dictionary knows it).
BOUNDARY_CANDIDATE = regex.compile(r"""(?<!\S)["“‘'(\[]*(\p{L}+)[.,;:!?)\]"”’']*(?!\S)""")
# Punctuation glued to the next word; a space goes where the match ends. Each
# group names its rule. Tokens inside URLs and e-mail addresses are skipped.
BOUNDARY_PUNCT_GLUE = regex.compile(
    r"""
      (?P<open_paren>(?<!\p{L})(?P<before>\p{L}\p{Ll}{3,}))   # "sclerosis(ALS)", not "patient(s)"
        (?=\((?:\p{Lu}[^()\s]+\)|\p{Ll}{3,}[^()\s]*\)|\p{Lu}\p{Ll}{2,}\s))  # "del(5q)"
    | (?P<comma>(?<=\p{Ll}{3}),)(?=\p{Ll}{2,}\b)       # "information,more"
    | (?P<comma_capital>(?<=\p{L}\p{Ll}),)(?=\p{Lu})    # "Tanhermhong,T.", not "N,N-diethyl"
    | (?P<comma_year>(?<=\p{L}\p{Ll}),)(?=(?:1[89]|20)\d\d\b)   # "Neumann,2003"
    | (?P<colon>(?<=\p{L}{3}):)(?=\d+\s|\p{Lu}\p{Ll}|\p{Lu}\s)   # "Related:11 ", not "10:30"
    | (?P<initials>(?<=(?<!\p{L})\p{Lu}\.\p{Lu}\.))(?=\p{Lu}\p{Ll}{2,})   # "R.S.Michalski"
    | (?P<digit_word>(?<=(?<![\p{L}\d.,])\d{1,4}))(?=\p{Lu}\p{Ll}{2,}\b)  # "15That" (common words)
    | (?P<decimal_word>(?<=(?<![\p{L}\d.])\d+\.\d+))(?=\p{L}{3,}|\p{L}{2}\d)  # "0.76umcp", not units
    | (?P<period>(?<=\p{Ll}{3})\.)(?=\p{Lu}\p{Ll}+\b)    # "words.The"
    | (?P<comma_article>(?<=\p{Ll}{3}),)(?=(?:a|I)\s)   # "Therefore,a keyword"
    | (?P<close_paren>(?<=\([\p{Lu}\d][^()\s]*[\p{L}\d]\)))(?=\p{Ll}{3,}\b)  # "(2002)are", not "(s)he"
    | (?P<word_digit>(?<=(?<!\S)(?:of|in|and|to|on|at|by|for|from|with|the|January
        |February|March|April|May|June|July|August|September|October|November
        |December)))(?=\d)                                 # "of18th", "September30"
    | (?P<digit_function>(?<=(?<![\p{L}\d.,])\d{1,4}))(?=(?:and|or|the|with)\b)  # "8and"
    """,
    regex.VERBOSE,
)
# An opening curly quote glued after a comma or period and before a capital:
# "treatments,“Dr" was "treatments,” Dr" where the quote closes an open one.
BOUNDARY_QUOTE_GLUE = regex.compile(r"(?<=\p{L}[,.])(“)(?=\p{Lu})")
# An e-mail address with a word glued on either side:
# "tocommunity@livescience.comwith" -> "to community@livescience.com with".
BOUNDARY_EMAIL_GLUE = regex.compile(
    r"""(?<![\w.+-])(?P<lead>to|at|email|contact|or|and|via|from)?
        (?P<local>[\w.+-]{4,})@(?P<domain>[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu))
        (?P<tail>\p{Ll}+)?\b""",
    regex.VERBOSE,
)
# The word just before and just after a token (the neighbours of a split candidate).
BOUNDARY_LAST_WORD = regex.compile(r"(?<!\S)(\p{L}+)[ \t]+$")
BOUNDARY_FIRST_WORD = regex.compile(r"[ \t]+(\p{L}+)(?!\S)")
BOUNDARY_FIRST_LETTERS = regex.compile(r"\p{Ll}+")
BOUNDARY_LETTERS = regex.compile(r"\p{L}*")
# The letters next to a fragment, across the space (what a join might add to it).
BOUNDARY_PREV_LETTERS = regex.compile(r"(\p{L}+)[ \t]+$")
BOUNDARY_NEXT_LETTERS = regex.compile(r"[ \t]+[\"“‘'(\[]*(\p{L}+)")
# Spaces after a hyphen that ends a token, before a lower-case word (group 1):
# "error- correction" -> "error-correction".
# Function words that end a hyphenated compound ("bottom- up", "built- in",
# "add- on"); the others after a hyphen and a space ("long- and short-term",
# "low- to high-grade") mean a suspended hyphen.
BOUNDARY_HYPHEN_PARTICLES = frozenset("up in out on off down over".split())
BOUNDARY_HYPHEN_SPACE = regex.compile(r"[ \t]+(\p{Ll}{2,})(?=[\s.,;:!?)]|$)")
# Two adjacent words, the first lower-case or Capitalised (a candidate pair for
# "doc tors" -> "doctors", "Conjunct ion" -> "Conjunction").
BOUNDARY_WORD_PAIR = regex.compile(
    r"(?<![\p{L}\p{M}\d'’-])(\p{Lu}?\p{Ll}{2,}) (\p{Ll}{2,})(?![\p{L}\p{M}\d'’-])"
)
# Two-letter strings that are words on their own (others, "ta", "th", are fragments).
BOUNDARY_TWO_LETTER_WORDS = frozenset(
    "am an as at be by do go he if in is it me my no of oh on or ox so to up us we".split()
)
# Suffixes that dictionaries list but that are fragments when they stand alone.
BOUNDARY_FRAGMENT_SUFFIXES = frozenset("ing ment tion sion ness ity ies ers est ful ous ive".split())
# Second halves of compounds ("twelvefold", "childlike"): never split off alone.
BOUNDARY_COMPOUND_TAILS = frozenset(
    "fold like wide free based hood ward wards wise work worthy proof ally ted form ship born".split()
)
# Prefixes English writes joined to a word ("nonevaluable", "overinflation",
# "postscreening"): a token that is one of these and a known word is not glue.
BOUNDARY_PREFIXES = frozenset(
    """non over under post pre anti para extra micro macro electro pseudo trans supra
    hyper hypo radio dis sub inter intra multi semi auto counter mis out bio neuro
    cardio photo poly mono tele ultra mid self cross super infra peri endo exo
    phenyl acetyl methyl ethyl amino hydroxy chloro fluoro glyco lipo chemo pan
    histo cyto immuno onco neo hemo haemo patho pharmaco vaso myo osteo gastro
    nephro hepato angio lympho leuko thrombo uni down hetero pro lymph plasma up per""".split()
)
# Modal verbs: "can is" is never English, "canis" is Latin ("Toxocara canis").
BOUNDARY_MODALS = frozenset("can could will would may might must shall should".split())
# Short words that also end Latin and chemical names ("cornealis", "langerin").
BOUNDARY_TRAILING_SHORT = frozenset("is in or on as at an a".split())
# Function words: a split into a function word and a word needs no more evidence.
BOUNDARY_FUNCTION_WORDS = frozenset(
    """a an the and or but nor of to in on at by for from with as into onto than
    that this these those is are was were be been has have had do does did not
    no so if why how what when where which who whose whom some any all most more
    less very can could will would should may might must its their our your his
    her they we you he she it also about after before over under between up out
    off down such not above below each every both either neither only other
    another many much few same see including using within without through during
    because while would should could might then than also""".split()
)

# Function words for the boundary steps' splits (BOUNDARY_FUNCTION_WORDS is
# shared with other steps): "Thereis" -> "There is".
BOUNDARY_SPLIT_FUNCTION_WORDS = BOUNDARY_FUNCTION_WORDS | frozenset({"there"})
# A function word glued to "a"/"an" ("isa", "ina", "fora", "oran") and a few
# pairs English never writes as one word. Some are names or rare words in
# the dictionaries ("Isa", "Oran"): only the lower-case forms are split.
BOUNDARY_ARTICLE_GLUE = {
    head + art: (head, art)
    for head in """is in as for on of to at has was with from by into about have had
    or and that than such""".split()
    for art in ("a", "an")
    if head + art not in ("bean", "atan", "hasan", "onan", "ora", "ana")
} | {
    "atleast": ("at", "least"), "eachother": ("each", "other"),
    "inorder": ("in", "order"), "upto": ("up", "to"),
}

# Words after which a verb or preposition cannot stand: "the isa hierarchy" is a
# term (is-a), not "the is a" (no pronoun among them: "put her ina box" is "in a").
BOUNDARY_DETERMINERS = frozenset("the a an its their our my your".split())
# Function words that a word the document writes alone may be glued to
# ("monoidwith" where "monoid" stands): not the short ones that also end Latin
# and chemical names (BOUNDARY_TRAILING_SHORT), nor prefixes ("over", "out").
BOUNDARY_DOC_PART_AFTER = frozenset("and with the of for from that which are was were".split())
BOUNDARY_DOC_PART_BEFORE = frozenset("the of and with for from that which to".split())

# --- spinning: restore_spun_words ---
# A token as the spin step sees it: a word with inner apostrophes, or a
# letter-digit form a thesaurus lists ("2d" for second). Punctuation between two
# tokens breaks the bigram context.
SPIN_TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)*|\d+\p{L}+|\d+")
# Words a spinner leaves alone and the step never writes (WordNet lists "be",
# "have", "will", "can" as nouns; replacing them is never a restoration).
SPIN_FUNCTION_WORDS = frozenset(
    """a an the and or but nor of to in on at by for from with as into onto than
    that this these those is are was were be been being am has have had having do
    does did done not no so if why how what when where which who whose whom some
    any all most more less very can could will would should may might must shall
    its their our your his her they we you he she it i me us them him my also about
    after before over under between up out off down such there here then one two
    three four five six seven eight nine ten many much each every other another
    own same just only even still yet""".split()
)
# Words after which a bare verb lemma with a distinct participle is a spinner's
# lost inflection ("has approve", "are diagnose", "can be treat").
SPIN_AUXILIARIES = frozenset("has have had having is are was were be been being am".split())
# Subjects after which a bare lemma is a lost third-person or past form ("he say").
SPIN_SUBJECT_PRONOUNS = frozenset("he she it".split())
# Words after which a noun is plural ("these finding" was "these findings").
SPIN_PLURAL_DETERMINERS = frozenset(
    """these those many several few both various numerous two three four five six
    seven eight nine ten twelve dozens hundreds thousands millions""".split()
)
# The spin gate's cheap tokens: runs of ASCII letters in lower-cased text (every
# fingerprint is one or more such runs). The gate gets them as
# text.lower().encode("ascii", "replace").translate(SPIN_GATE_BYTES).decode().split():
# every byte but a-z becomes a space; the same words as SPIN_GATE_TOKEN.findall,
# in about half the time.
SPIN_GATE_TOKEN = re.compile(r"[a-z]+")
SPIN_GATE_BYTES = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# Verbs after which a noun is plural ("affected individual are" was "individuals are").
SPIN_PLURAL_VERBS = frozenset("are were have do".split())
# Agreement that keeps a bare form: a singular determiner before the noun ("an
# infected rodent") or a singular verb after it ("the most common symptom is")
# keeps a noun singular; a modal, do or to before a verb keeps its base form
# ("do not transmit", "may simply delay").
SPIN_SINGULAR_DETERMINERS = frozenset("a an one each every another either neither".split())
SPIN_SINGULAR_VERBS = frozenset("is was has does".split())
# Relative pronouns: the verb after one agrees with the noun before it.
SPIN_RELATIVE_PRONOUNS = frozenset("that which who".split())
# A partitive asks for a plural: "one of the caseful" was "one of the cases".
SPIN_PARTITIVE_QUANTIFIERS = frozenset("one many some most all several few both".split())
SPIN_POSSESSIVE_DETERMINERS = frozenset("the these those their our your his her its".split())
# Determiners before "other": without one, "other" heads a plural ("and other
# complications"); with one it may not ("the other hand", "any other way").
SPIN_DETERMINERS = frozenset(
    "a an the this that any some no each every either neither my our your his her its their".split()
)
# Prepositions: an -ing form follows one ("a method for treating"), and a
# noun's verb can sit behind a prepositional phrase ("the levels of iron are").
SPIN_PREPOSITIONS = frozenset(
    "of in on at for from with about by without through into after before during".split()
)
SPIN_BASE_VERB_MARKERS = frozenset(
    "to do does did can could may might must shall should will would".split()
)
# Reporting verbs, which follow the document's narrative tense ("he say" -> "said").
SPIN_REPORTING_VERBS = frozenset(
    """say tell report note explain add write state suggest show find conclude
    claim announce describe aver""".split()
)

# --- lines: rejoin_wrapped_lines ---
# A line break: Windows, old Mac or Unix. Form feeds, vertical tabs and Unicode
# line separators stay inside a line and make it structural (kept as it is).
LINES_BREAK = regex.compile(r"\r\n|\r|\n")
# A list item's marker (group 1): a bullet, a dash, "12." "3)" "(4)" "a)" "(b)".
LINES_MARKER = regex.compile(
    r"[ \t]*([-*•·▪◦‣+–—]|\d{1,3}[.)]|\(\d{1,3}\)|\p{Ll}\)|\(\p{Ll}\))[ \t]+(?=\S)"
)
# Lines that are structure, never wrapped prose; the breaks around them stay.
LINES_STRUCTURAL = regex.compile(
    r"""
      \#{1,6}\s                    # Markdown heading
    | \|                           # table row
    | >                            # quotation
    | `{3} | ~{3}                  # code fence
    | [-*_=]{3,}\s*$               # rule or underline
    | .*[\f\v\x00-\x08\x0e-\x1f\x85\u2028\u2029]   # page break, control character
    | .*\S(?:\t|\ {3,})\S          # columns: a tab or three spaces inside
    """,
    regex.VERBOSE,
)
# A line that ends a sentence or introduces something (closing quotes allowed).
LINES_ENDS_SENTENCE = regex.compile(r"[.!?…:][\"'”’)\]]*$")
# The first piece of a line the wrapper could have moved up: a word up to its
# first hyphen ("immune-" of "immune-based"), else the whole first word.
LINES_FIRST_CHUNK = regex.compile(r"\p{L}[\p{L}\p{M}\d]*-(?=[\p{L}\d])|\S+")
# A word broken by a hyphen at the line end: the word part is group 1
# ("treat-", "long-", "COVID-", "mother-in-").
LINES_END_HYPHEN = regex.compile(
    r"(?<![\p{L}\p{M}\d'’])([\p{L}\d][\p{L}\p{M}\d'’]*(?:-[\p{L}\d][\p{L}\p{M}\d'’]*)*)-$"
)
# The word at the start of the next line ("ment", "term", "19").
LINES_FIRST_WORD = regex.compile(r"[\p{L}\d][\p{L}\p{M}\d]*")
# An acronym or code at a line start ("ALS patients", "AMX0035").
LINES_ACRONYM = regex.compile(r"\p{Lu}(?:[\p{Lu}\d]+\b|-)")
# A sentence end inside a line, before the next sentence's first word.
LINES_SENTENCE_GAP = regex.compile(r"[.!?][\"'”’)\]]* +(?=[\p{Lu}\d\"“(])")
# Words after a hyphen at a line end that make it a suspended hyphen, kept with
# its space: "both non-\nand for-profit" -> "both non- and for-profit".
LINES_SUSPENDED_HYPHEN_NEXT = frozenset("and or nor to".split())
# Words a sentence cannot end with: a line ending in one is cut mid-sentence
# ("developed by\nDr. Gonzalez", "the United\nStates" is not caught: a name).
LINES_CONTINUING_WORDS = frozenset(
    """a an the and or nor but of to in on at by for from with into onto than
    that which whose whom its their our your his her my as such including
    between among during per via versus vs like is are was were be been has
    have had""".split()
)

# --- ocr: repair_ocr_garble ---
# A token of marks alone (" , ", " ( ", " - "): no word for a gate's rate per
# 100 words, so that PTB spacing, undone by a later step, does not move it.
OCR_MARK_TOKEN = regex.compile(r"(?<!\S)[^\w\s]+(?!\S)")
# Punctuation around a token that is not part of the word (str.strip argument).
OCR_STRIP = "\"“‘'([{.,;:!?)]}”’*"
# A word as OCR may have garbled it: a letter (or a "1"/"|" read for "l" before
# lower-case letters), then letters, digits, "|", and punctuation that has a
# letter or digit after it ("pr0cedures", "be.st", "Master?s", "l;he"). Hyphens,
# slashes and brackets end a part: "exalnple-based" is two parts.
OCR_PART = regex.compile(r"(?:[1|](?=\p{Ll}))?\p{L}(?:[\p{L}\p{M}\d|]|[.,;:'’~^`!?](?=[\p{L}\d]))*")
# The same for ASCII text, in the stdlib engine (several times faster on the
# short tokens of the OCR first look): in ASCII, \p{L} is [A-Za-z], \p{Ll} is
# [a-z], \d is [0-9], and there are no marks (\p{M}) or curly apostrophes.
OCR_PART_ASCII = re.compile(r"(?:[1|](?=[a-z]))?[A-Za-z](?:[A-Za-z0-9|]|[.,;:'~^`!?](?=[A-Za-z0-9]))*")
# A sure sign of OCR in a part: a digit or a mark between letters, or a ligature.
OCR_SIGNATURE = regex.compile(r"\p{L}[\d.,;:~^`|!?]\p{L}|[ﬁﬂﬀﬃﬄﬅﬆ]")
# Abbreviations with inner periods ("e.g", "U.S", "Ph.D"): never garble.
OCR_ABBREVIATION = regex.compile(r"(?:\p{L}\.)+\p{L}|\p{Lu}\p{Ll}{0,2}\.\p{Lu}\p{L}*")
# The word just before a position and just after one, across spaces only.
OCR_PREV_WORD = regex.compile(r"(?<!\p{L})(\p{L}+)[ \t]+$")
OCR_NEXT_WORD = regex.compile(r"[ \t]+(\p{L}+)")
# A mark inside a word after two lower-case letters ("be.st", "Master?s"), not
# in a domain name ("ClinicalTrials.gov", "nih.nlm.gov"): the OCR sign the
# first look cannot see in its tokens.
OCR_INNER_MARK = regex.compile(
    r"\p{Ll}{2}(?:\.(?!(?:gov|org|com|edu|net)\b)|[,;:~^`?])\p{Ll}"
    r"(?!\p{Ll}*\.(?:gov|org|com|edu|net)\b)"
)
# The letters before a position, and after one (a word a mark touches).
OCR_LETTERS_BEFORE = regex.compile(r"\p{L}+\Z")
OCR_LETTERS_AFTER = regex.compile(r"\p{L}+")
# Its fast pre-test (the stdlib engine scans a plain class much faster).
OCR_INNER_MARK_HINT = re.compile(r"[.,;:~^`?][a-z]")
# Digits between lower-case letters ("ca11s", "pr0cedures"): worth the full look.
OCR_DIGIT_INSIDE = regex.compile(r"\p{Ll}[01]+\p{Ll}")
# A mark OCR writes for a speck or a glyph it cannot read, against a letter
# ("Bi~d", "\\Text", "l|ne"): evidence for the OCR gate. A backtick only
# between two letters ("Bi`d"): at a word's edge it quotes code or a name
# ("`configure'", "``tqdm``" in package descriptions).
OCR_GARBLE_MARK = regex.compile(r"\p{L}`\p{L}|\p{L}[~|\\^]|[~|\\^]\p{L}")
