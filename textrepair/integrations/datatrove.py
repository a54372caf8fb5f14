"""textrepair as a datatrove pipeline step, for runs on Slurm, Ray or one machine.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from textrepair.integrations.datatrove import TextRepairFormatter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), TextRepairFormatter(), JsonlWriter("out/")],
        tasks=8, workers=2, logging_dir="logs/",
    ).run()

:class:`TextRepairFormatter` repairs ``doc.text`` with the default pipeline
(or the :class:`~textrepair.config.Config` it is given) and, for every document
it changes, stores the change log in ``doc.metadata["textrepair"]`` as
``{"changes": [...]}`` (:meth:`textrepair.Change.to_json` records), so
``textrepair.undo(doc.text, changes)`` gives back the text it read. The log
header (version, config, dictionary checksums) is the same for every document
of a run: it goes to the task's log once, not into each document.

Per-step statistics go through datatrove's counters and end up in the run's
``stats.json``: ``documents``, ``changed``, ``unchanged``, ``passed_through``,
and per normaliser ``<step>.edits``, ``<step>.chars`` (characters removed plus
inserted) and ``<step>.docs``, plus the normalisers' own counters.

The step pickles (it holds only its configuration); dictionaries are loaded
once per worker process, at the first document it sees.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
except ImportError as exc:  # fail on import, with what to do, not halfway through a run
    raise ImportError(
        f"textrepair.integrations.datatrove needs datatrove ({exc}); "
        "pip install 'textrepair[datatrove]'"
    ) from exc

from ..batch import repair_with_limit, warm_up
from ..config import Config
from ..pipeline import log_header

logger = logging.getLogger(__name__)
_WARM = {"done": False}


class TextRepairFormatter(PipelineStep):
    """Repair each document's text and keep its change log in its metadata.

    ``timeout`` (seconds, 0 = none) passes a document that takes longer through
    unchanged and counts it as ``passed_through``, with the reason in
    ``doc.metadata[log_key]["passed_through"]``; it uses SIGALRM, so it only acts
    where the step runs in a process's main thread (datatrove's local and Slurm
    executors run tasks so).
    """

    name = "🩹 textrepair"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None, log_key: str = "textrepair",
                 timeout: float = 0.0) -> None:
        super().__init__()
        self.config = config or Config()
        self.log_key = log_key
        self.timeout = timeout

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if not _WARM["done"]:
            seconds = warm_up(self.config)
            _WARM["done"] = True
            self.stat_update("startup_ms", value=round(seconds * 1000), unit="worker")
            logger.info("textrepair %s", log_header(self.config))
        if data is None:
            return
        for doc in data:
            self.stat_update("documents")
            with self.track_time():
                result, why = repair_with_limit(doc.text, self.config, self.timeout)
            if result is None:
                self.stat_update("passed_through")
                doc.metadata[self.log_key] = {"changes": [], "passed_through": why}
            elif not result.changes:
                self.stat_update("unchanged")
                self._count([], result.stats)
            else:
                self.stat_update("changed")
                self._count(result.changes, result.stats)
                doc.metadata[self.log_key] = {"changes": [c.to_json() for c in result.changes]}
                doc.text = result.text
            yield doc

    def _count(self, changes: list[Any], stats: Counter[str]) -> None:
        chars: Counter[str] = Counter()
        for c in changes:
            chars[c.step] += len(c.before) + len(c.after)
        for step, n in chars.items():
            self.stat_update(f"{step}.chars", value=n)
            self.stat_update(f"{step}.docs")
        for key, n in stats.items():
            self.stat_update(key, value=n)
