"""A cheap test in front of a costly pattern: the words any match of it must contain.

Python's regular expression engine tries a long alternation of cue phrases at every position of a sentence, which
makes the widest cue patterns the costliest part of extraction, although most sentences contain none of their
words. `prefiltered(pattern)` reads the words every match must contain from the pattern itself (a run of literal
characters in each branch the match has to pass through) and answers "no match" straight away for a text without any
of them; otherwise the pattern runs as usual, so the results are the same with or without the test.
"""

import re
from re import _constants as opcodes
from re import _parser

# Characters that match an ASCII letter under re.IGNORECASE but are not it once lowercased ("ſ" and "s", "ı" and "i",
# "İ" lowercases to two characters, the Kelvin sign to "k"): a text holding one is always handed to the pattern.
_CASE_OUTLIERS = ("ſ", "ı", "İ", "K")
_REPEATS = (opcodes.MAX_REPEAT, opcodes.MIN_REPEAT, getattr(opcodes, "POSSESSIVE_REPEAT", opcodes.MAX_REPEAT))
_lowered: dict[str, str | None] = {}


def _selective(options: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several word sets a match must meet, the one a text is least likely to meet: its shortest word the
    longest, then the fewest words."""
    options = [option for option in options if option]
    return max(options, key=lambda words: (min(map(len, words)), -len(words))) if options else None


def _required(items) -> frozenset[str] | None:
    """The lowercased words of which a match of the parsed pattern `items` contains at least one, or None."""
    options, run = [], []

    def close_run() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, argument in items:
        if op is opcodes.LITERAL:
            run.append(chr(argument).lower())
            continue
        close_run()
        if op is opcodes.SUBPATTERN:
            options.append(_required(argument[3]))
        elif op is opcodes.ATOMIC_GROUP:
            options.append(_required(argument))
        elif op in _REPEATS and argument[0] >= 1:
            options.append(_required(argument[2]))
        elif op is opcodes.BRANCH:
            branches = [_required(branch) for branch in argument[1]]
            if all(branches):
                options.append(frozenset().union(*branches))
        elif op is opcodes.ASSERT:
            # a positive look-ahead or look-behind holds words the text must contain too (the test is made only on
            # whole texts, so words looked for behind the match are in the text as well)
            options.append(_required(argument[1]))
        # A character class, a negative look-around, an anchor or an optional part requires no word.
    close_run()
    return _selective(options)


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """The lowercased words (two characters or longer) of which every match of `pattern` contains one, or None when
    the pattern requires none."""
    try:
        words = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a pattern the parser reads differently is simply not prefiltered
        return None
    return words if words and min(map(len, words)) >= 2 else None


def _lower(text: str) -> str | None:
    """`text` lowercased, or None when lowercasing could hide a case-insensitive match (kept for the recent texts:
    a sentence is tested by many patterns)."""
    lowered = _lowered.get(text, "")
    if lowered == "":
        if len(_lowered) > 2048:
            _lowered.clear()
        lowered = _lowered[text] = None if any(outlier in text for outlier in _CASE_OUTLIERS) else text.lower()
    return lowered


class Prefiltered:
    """A compiled pattern that answers "no match" at once for a whole text without any of its required words. Calls
    with a start or end position, and every other attribute, go to the pattern itself."""

    __slots__ = ("compiled", "words")

    def __init__(self, compiled: re.Pattern, words: frozenset[str]):
        self.compiled, self.words = compiled, tuple(sorted(words, key=len))

    def _absent(self, text: str) -> bool:
        lowered = _lower(text)
        return lowered is not None and not any(map(lowered.__contains__, self.words))

    def search(self, text: str, *positions):
        return None if not positions and self._absent(text) else self.compiled.search(text, *positions)

    def match(self, text: str, *positions):
        return None if not positions and self._absent(text) else self.compiled.match(text, *positions)

    def fullmatch(self, text: str, *positions):
        return None if not positions and self._absent(text) else self.compiled.fullmatch(text, *positions)

    def finditer(self, text: str, *positions):
        return iter(()) if not positions and self._absent(text) else self.compiled.finditer(text, *positions)

    def findall(self, text: str, *positions):
        return [] if not positions and self._absent(text) else self.compiled.findall(text, *positions)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"prefiltered({self.compiled!r})"


def prefiltered(compiled: re.Pattern) -> "re.Pattern | Prefiltered":
    """`compiled` behind the test of its required words; the pattern itself when it requires none."""
    words = required_words(compiled)
    return Prefiltered(compiled, words) if words else compiled
