"""A cheap test in front of a costly pattern: the words any match of it must contain.

Python's regular expression engine tries a long alternation of cue phrases at every position of a sentence, which
makes the widest cue patterns the costliest part of extraction, although most sentences contain none of their
words. `prefiltered(pattern)` reads the words every match must contain from the pattern itself (a run of literal
characters in each branch the match has to pass through) and answers "no match" straight away for a text without any
of them; a pattern written as one alternation runs with only the alternatives whose words the text holds. Either way
the results are the same with or without the test.
"""

import re
from re import _constants as opcodes
from re import _parser

# Characters that match an ASCII letter under re.IGNORECASE but are not it once lowercased ("ſ" and "s", "ı" and "i",
# "İ" lowercases to two characters, the Kelvin sign to "k"): a text holding one is always handed to the pattern.
_CASE_OUTLIERS = ("ſ", "ı", "İ", "K")
_REPEATS = (opcodes.MAX_REPEAT, opcodes.MIN_REPEAT, getattr(opcodes, "POSSESSIVE_REPEAT", opcodes.MAX_REPEAT))
_lowered: dict[str, str | None] = {}
# Texts longer than a sentence (a whole report, maybe megabytes of an uploaded PDF) always go to the pattern itself:
# they are neither lowercased for every call nor kept.
_SENTENCE_LENGTH = 2000


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
            # a positive look-ahead or look-behind holds words the text must contain too (the test is made on the whole
            # string, whatever span of it is searched, so words looked for behind the match are in it as well)
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


def lowered(text: str) -> str | None:
    """`text` lowercased, or None when lowercasing could hide a case-insensitive match."""
    return None if any(outlier in text for outlier in _CASE_OUTLIERS) else text.lower()


def _lower(text: str) -> str | None:
    """`lowered(text)`, None for a text longer than a sentence (kept for the recent sentences: a sentence is tested
    by many patterns)."""
    if len(text) > _SENTENCE_LENGTH:
        return None
    found = _lowered.get(text, "")
    if found == "":
        if len(_lowered) > 2048:
            _lowered.clear()
        found = _lowered[text] = lowered(text)
    return found


def _alternation(source: str) -> tuple[str, list[str], str] | None:
    """A pattern written as one alternation, "A|B|C" or "\\b(?:A|B|C)", split into what comes before the
    alternatives, the alternatives and what comes after; None for any other shape."""
    depth, index, cuts, in_class, opened = 0, 0, [], False, None
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if source[index + 1 : index + 2] == "]" or source[index + 1 : index + 3] == "^]":
                index += 2 if source[index + 1] == "]" else 3  # "[]…]" and "[^]…]": a bracket inside the class
                continue
        elif char == "(":
            depth += 1
            if depth == 1 and opened is None and source[:index] in ("", "\\b") and source.startswith("(?:", index):
                opened = index
        elif char == ")":
            depth -= 1
            if depth == 0 and opened is not None and index != len(source) - 1:
                opened = -1  # the group closes before the end: no alternation of the whole pattern
        elif char == "|" and (depth == 0 or (depth == 1 and opened not in (None, -1))):
            cuts.append((depth, index))
        index += 1
    if cuts and all(level == 0 for level, _ in cuts):
        return "", _cut(source, 0, len(source), [at for _, at in cuts]), ""
    if cuts and opened not in (None, -1) and all(level == 1 for level, _ in cuts):
        return source[: opened + 3], _cut(source, opened + 3, len(source) - 1, [at for _, at in cuts]), ")"
    return None


def _cut(source: str, start: int, end: int, bars: list[int]) -> list[str]:
    edges = [start - 1, *bars, end]
    return [source[left + 1 : right] for left, right in zip(edges, edges[1:], strict=False)]


class Prefiltered:
    """A compiled pattern that answers "no match" at once for a text without any of its required words. A pattern
    written as one alternation of cue phrases also runs with only the alternatives whose words the text holds (the
    others are left out, or made to fail at once when they hold a group, so every group keeps its number and name and
    the leftmost match is the same).
    Every other attribute is the pattern's own."""

    __slots__ = ("compiled", "words", "alternatives", "shape", "narrowed", "word_masks", "always", "every")

    def __init__(self, compiled: re.Pattern, words: frozenset[str]):
        self.compiled, self.words = compiled, tuple(sorted(words, key=len))
        self.alternatives: list[tuple[str, tuple[str, ...] | None]] = []
        self.shape = ("", "")
        self.narrowed: dict[int, re.Pattern] = {}  # the alternatives left (a bit each) -> the pattern of them
        split = None if compiled.flags & re.VERBOSE else _alternation(compiled.pattern)
        if split is not None and len(split[1]) > 2:
            prefix, sources, suffix = split
            self.shape = (prefix, suffix)
            for source in sources:
                try:
                    needed = _required(_parser.parse(source, compiled.flags))
                except Exception:  # noqa: BLE001 - an alternative that cannot stand alone (a reference) always runs
                    needed = None
                usable = needed is not None and min(map(len, needed)) >= 2
                self.alternatives.append((source, tuple(sorted(needed, key=len)) if usable else None))
        # each word the alternatives need with the alternatives (a bit each) that need it, and those that need none
        masks: dict[str, int] = {}
        self.always = 0
        for index, (_, needed) in enumerate(self.alternatives):
            for word in needed or ():
                masks[word] = masks.get(word, 0) | 1 << index
            if needed is None:
                self.always |= 1 << index
        self.word_masks = sorted(masks.items(), key=lambda item: len(item[0]))
        self.every = (1 << len(self.alternatives)) - 1

    def _for(self, text: str) -> re.Pattern | None:
        """The pattern to run on `text`: None when no match is possible, else the pattern with only the
        alternatives the text can match."""
        lowered = _lower(text)
        if lowered is None:
            return self.compiled
        holds = lowered.__contains__
        if not any(map(holds, self.words)):
            return None
        if not self.alternatives:
            return self.compiled
        live = self.always
        for word, mask in self.word_masks:
            if mask & ~live and holds(word):
                live |= mask
        if live == self.every:
            return self.compiled
        pattern = self.narrowed.get(live)
        if pattern is None:
            if len(self.narrowed) > 256:
                self.narrowed.clear()
            # (an alternative that cannot match is left out, or, when it holds a group, made to fail at once)
            body = "|".join(
                source if live >> index & 1 else f"(?!){source}"
                for index, (source, _) in enumerate(self.alternatives)
                if live >> index & 1 or "(?P<" in source or re.search(r"(?<!\\)\((?!\?)", source)
            )
            prefix, suffix = self.shape
            pattern = self.narrowed[live] = re.compile(f"{prefix}{body}{suffix}", self.compiled.flags)
        return pattern

    def _absent(self, text: str) -> bool:
        return self.lacks(_lower(text))

    def lacks(self, lowered_text: str | None) -> bool:
        """Whether a text, as `lowered` gives it, holds none of the words a match needs."""
        return lowered_text is not None and not any(map(lowered_text.__contains__, self.words))

    # An unanchored scan may be narrowed for any span of the text (what a match needs is in the whole text); a match
    # at a given position is cheap, and is tested only on a whole text.
    def search(self, text: str, *positions):
        pattern = self._for(text)
        return None if pattern is None else pattern.search(text, *positions)

    def finditer(self, text: str, *positions):
        pattern = self._for(text)
        return iter(()) if pattern is None else pattern.finditer(text, *positions)

    def findall(self, text: str, *positions):
        pattern = self._for(text)
        return [] if pattern is None else pattern.findall(text, *positions)

    def match(self, text: str, *positions):
        return None if not positions and self._absent(text) else self.compiled.match(text, *positions)

    def fullmatch(self, text: str, *positions):
        return None if not positions and self._absent(text) else self.compiled.fullmatch(text, *positions)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"prefiltered({self.compiled!r})"


def prefiltered(compiled: re.Pattern) -> "re.Pattern | Prefiltered":
    """`compiled` behind the test of its required words; the pattern itself when it requires none."""
    words = required_words(compiled)
    return Prefiltered(compiled, words) if words else compiled


def absent(pattern: "re.Pattern | Prefiltered", lowered_text: str | None) -> bool:
    """Whether a text, given as `lowered` gives it (a whole report, lowercased once for several patterns), lacks every
    word a match of `pattern` needs."""
    return isinstance(pattern, Prefiltered) and pattern.lacks(lowered_text)
