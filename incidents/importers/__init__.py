"""Importers of structured inputs (actor lists, STIX bundles, MISP events, datasets), one per ImportJob kind.

Each importer takes the job's input and a `Progress`, writes each item in its own transaction (an item
is imported whole or not at all) and returns an `ImportResult`: counts, the items it could not import
with the reason, and ids worth showing. A second run over the same input creates nothing.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field


class ImportFailure(Exception):
    """The input as a whole cannot be imported (not the expected format, or a strict import with bad
    items); nothing was written. `problems` lists the items at fault, one line each."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])


@dataclass
class ImportResult:
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)  # one line per item not imported, with its position
    details: dict = field(default_factory=dict)


class Progress:
    """Reports progress as a percentage between `start` and `end` of the job's bar, at most every `every`
    items, to the job (and to a terminal, when a command runs the job)."""

    def __init__(self, report: Callable[[int, str], None], start: int = 10, end: int = 95, every: int = 50):
        self.report, self.start, self.end, self.every = report, start, end, every

    def __call__(self, done: int, total: int, what: str) -> None:
        if total and (done % self.every == 0 or done == total):
            percent = self.start + (self.end - self.start) * done // total
            self.report(percent, f"{what} {done:,}/{total:,}")


def item_error(error: Exception) -> str:
    """Why one item could not be imported, in words for the job's list: the model's messages when its
    rules refused it, a lost database connection as such, else the error's own message."""
    from django.db import InterfaceError, OperationalError

    if isinstance(error, OperationalError | InterfaceError):  # its transaction was rolled back: nothing written
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return f"the database connection was lost ({reason}); nothing of this item was imported, run the import again"
    messages = getattr(error, "messages", None)
    if messages:
        return "; ".join(messages)
    return str(error) or type(error).__name__


IMPORTERS = {
    "actors": "incidents.importers.actors.import_actors",
    "stix": "incidents.importers.stix.import_stix",
    "misp_event": "incidents.importers.misp.import_misp_event",
    "dataset": "incidents.importers.datasets.import_dataset",
}


def importer_for(kind: str) -> Callable:
    """The function that imports one job of `kind` (any ImportJob kind but "report"):
    f(content: bytes, *, options, user, progress) -> ImportResult."""
    from django.utils.module_loading import import_string

    return import_string(IMPORTERS[kind])
