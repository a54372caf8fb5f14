"""The normaliser registry.

A normaliser is a function ``name(text, ctx) -> list[Edit]`` registered with
:func:`normaliser`. Its function name is its registry key, its :class:`Config`
field, its ``--only``/``--skip`` value and the ``step`` of its change records.
It returns sorted, non-overlapping edits in the coordinates of ``text`` and
never changes anything itself; the pipeline applies the edits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .changes import Edit
from .config import Config


@dataclass
class StepContext:
    """What a normaliser may use besides its text: the configuration and a
    counter for its statistics (keys are prefixed with the step name)."""

    config: Config
    step: str = ""
    stats: Counter[str] = field(default_factory=Counter)

    def count(self, key: str, n: int = 1) -> None:
        self.stats[f"{self.step}.{key}"] += n


NormaliserFunc = Callable[[str, StepContext], list[Edit]]


@dataclass(frozen=True)
class Normaliser:
    name: str
    func: NormaliserFunc
    order: int
    dictionaries: tuple[str, ...]
    load: Callable[[], object] | None = None
    """Loads everything the step would otherwise load lazily, at its first
    document that passes its gate (see :func:`textrepair.pipeline.load`)."""
    english_only: bool = False
    """The step reads English (its words, spelling or punctuation): the pipeline
    keeps it out of paragraphs in other languages (:mod:`textrepair.language`)."""


REGISTRY: dict[str, Normaliser] = {}


def normaliser(
    order: int,
    dictionaries: tuple[str, ...] = (),
    load: Callable[[], object] | None = None,
    english_only: bool = False,
) -> Callable[[NormaliserFunc], NormaliserFunc]:
    """Register a normaliser. ``order`` places it in the pipeline (lower runs
    first); ``dictionaries`` names the files in ``dictionaries/`` it reads, so
    the change log header can record their checksums; ``load`` builds the
    step's lazily built tables now (batch workers call it before they fork);
    ``english_only`` keeps it out of text in other languages."""

    def register(func: NormaliserFunc) -> NormaliserFunc:
        name = func.__name__
        if name in REGISTRY:
            raise ValueError(f"normaliser {name} registered twice")
        if name not in Config().step_names():
            raise ValueError(f"normaliser {name} has no on/off field in Config")
        REGISTRY[name] = Normaliser(name, func, order, dictionaries, load, english_only)
        return func

    return register
