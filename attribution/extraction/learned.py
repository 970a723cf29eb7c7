"""A learned second reading of the rules' output: three logistic models over pairs of parties named in a sentence.

The rules (cues.py, claims.py, measures.py) read the shapes of news language one by one. What they miss most is a
claim or measure whose parties are both recognised in a sentence but never linked, and what they take wrongly often
shows in how the pair stands. Three linear models, trained on the keyed reports and phrasing batteries under
`tests/attribution/` (`python -m tests.attribution.train_weights`), read every ordered pair (A, B) of parties named in
a sentence (a subject the rules carried over from an earlier sentence counts as named):
- the *checker* scores each claim and measure the rules found, from the pair's readings in the sentences that gave
  it: below its threshold the item is dropped. It reads kinds, roles, order, cues and what the rules found, not words;
- the *linker* scores a pair the rules did not link: above its threshold, A's claim against B is added, quoted from
  the sentence that scored highest;
- the *measure linker* scores a pair for each measure kind the sentence's words name, and for each measure the rules
  found in one of the two sentences before ("The Treasury sanctioned two men. They are A and B."): above its
  threshold, A's measure against B is added.
The documented rules bound what is added: nothing from a sentence the rules read as background or commentary; a group
or a person never accuses; a measure is never taken by the people or groups it concerns nor by a news organisation.

Features are the parties' kinds and roles, their order and distance, the lower-case words between and around them
(other parties and capitalised words are read as their kind, so no name is learned), which cues, hedges and
background phrases the sentence holds, whether the rules read it as background, and what the rules found in it. The
weights and thresholds live in `attribution/data/extraction_weights.json`; without that file the rules' output is
returned unchanged.
"""

import datetime as dt
import json
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path

from attribution.extraction.cues import ATTRIBUTION_CUES, BACKGROUND, COMMENTARY, HEDGE, REFUTED_REPORT, habitual_denial
from attribution.extraction.gazetteer import PartyRef
from attribution.extraction.mentions import Mention, consequence_key, party_key
from attribution.extraction.text import Sentence

logger = logging.getLogger(__name__)

WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "extraction_weights.json"

# A word, a number, or one of the parties' placeholders.
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")
# A sentence naming more parties (a list of designations) is read only for the pairs the rules found in it: the
# pairs grow with the square of the names.
CROWDED = 40
# The prefixes of the features that name a word between, before or after the two parties.
_WORD_FEATURES = ("b:", "b0", "b1", "pa:", "pb:", "na:", "nb:")
# The features read together with each measure kind.
_MEASURE_CONJOINED = ("k:", "b0", "b1", "a_", "b_", "found")
# Context flags and what the rules found are read together with the parties' kinds and order.
_CONJOINED = ("b0", "b1", "cue", "a_", "b_", "found", "nothing")


def load_weights(path: Path | None = None) -> dict | None:
    """The models of `path` (the weights file by default): {"linker", "measures", "checker"}, each with its "bias",
    "weights" and "threshold"; None when there is no such file."""
    return _load(path or WEIGHTS)


@lru_cache(maxsize=4)
def _load(path: Path) -> dict | None:
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        logger.warning("Extraction weights %s unreadable (%s): the rules' output is used alone", path, error)
        return None
    parts = ("linker", "measures", "checker")
    if not isinstance(model, dict) or any(
        not isinstance(model.get(part), dict) or not {"bias", "weights", "threshold"} <= model[part].keys()
        for part in parts
    ):
        logger.warning("Extraction weights %s lack a model's bias, weights or threshold: rules alone", path)
        return None
    return model


def probability(model: dict, features: dict[str, float]) -> float:
    """The model's probability for a set of features (each present feature counts 1)."""
    total = model["bias"] + sum(map(model["weights"].get, features, repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def tokens(text: str, mentions: list) -> tuple[list[str], list[int]]:
    """The sentence's words, each party named in it as one token "<kind>" and other capitalised words as "<cap>";
    and the token index of each mention."""
    spans = sorted((m.start, m.end, index) for index, m in enumerate(mentions))
    words: list[str] = []
    at = [0] * len(mentions)
    position = 0
    for start, end, index in spans:
        if start < position:
            at[index] = len(words) - 1  # overlapping mentions share a token
            continue
        words += _plain_words(text[position:start])
        at[index] = len(words)
        words.append(f"<{mentions[index].party.kind}>")
        position = end
    words += _plain_words(text[position:])
    return words, at


def _plain_words(text: str) -> list[str]:
    return [word if word[0].islower() else "<cap>" for word in _WORD.findall(text)]


def sentence_flags(text: str, first=None) -> dict[str, float]:
    """Whether the sentence holds an attribution cue, a hedge, a mark of background or of commentary, or a quote
    (`first(pattern, text)` finds a pattern's first match, by default `pattern.search(text)`)."""
    flags = {}
    first = first or (lambda pattern, text: pattern.search(text))
    for name, pattern in (("cue", ATTRIBUTION_CUES), ("hedge", HEDGE), ("bg", BACKGROUND), ("comm", COMMENTARY)):
        if first(pattern, text):
            flags[name] = 1.0
    if '"' in text or "“" in text:
        flags["quote"] = 1.0
    return flags


def pair_features(words, at_a, at_b, a, b, flags, here, measure_kinds) -> dict[str, float]:
    """Features of the ordered pair (a, b) of mentions in one sentence (`a_key`/`b_key` are their party keys in
    `here`, the (initiator, target) keys of what the rules found in the sentence)."""
    (a, a_key), (b, b_key) = a, b
    order = "ab" if at_a <= at_b else "ba"
    kinds = f"k:{a.party.kind}|{b.party.kind}|{order}"
    features = {kinds: 1.0, f"ka:{a.party.kind}": 1.0, f"kb:{b.party.kind}": 1.0, f"ra:{a.role}": 1.0}
    features[f"rb:{b.role}"] = 1.0
    low, high = (at_a + 1, at_b) if order == "ab" else (at_b + 1, at_a)
    between = words[low:high]
    features[f"n:{min(len(between), 15) // 3}|{order}"] = 1.0
    for word in between[:12]:
        features[f"b:{order}:{word}"] = 1.0
    for index, word in enumerate(between[:3]):
        features[f"b0{index}:{order}:{word}"] = 1.0
    for index, word in enumerate(reversed(between[-3:])):
        features[f"b1{index}:{order}:{word}"] = 1.0
    for prefix, window in (
        ("pa", words[max(0, at_a - 3) : at_a]),
        ("pb", words[max(0, at_b - 2) : at_b]),
        ("nb", words[at_b + 1 : at_b + 4]),
        ("na", words[at_a + 1 : at_a + 3]),
    ):
        for word in window:
            features[f"{prefix}:{word}"] = 1.0
    features.update(flags)
    initiators = {x for x, _ in here}
    targets = {y for _, y in here}
    for name, holds in (
        ("a_acts", a_key in initiators),
        ("b_hit", b_key in targets),
        ("b_acts", b_key in initiators),
        ("a_hit", a_key in targets),
        ("found", (a_key, b_key) in here),
        ("nothing", not here),
    ):
        if holds:
            features[name] = 1.0
    for kind in measure_kinds:
        features[f"ck:{kind}"] = 1.0
    features.update({f"{kinds}&{name}": 1.0 for name in list(features) if name.startswith(_CONJOINED)})
    return features


def features_kinds(features: dict) -> str:
    return next(name for name in features if name.startswith("k:"))


@lru_cache(maxsize=65536)
def _lexical(name: str) -> bool:
    """Whether a feature names a word: the checker reads kinds, roles, order, cues and what the rules found, not the
    words themselves (a veto on a rule's reading needs more than one word's weight)."""
    return any(part.startswith(_WORD_FEATURES) for part in name.split("&"))


def checker_features(category: str, item: tuple, evidence: list[dict]) -> dict[str, float]:
    """Features of an item the rules found: the union of its pair's features in the sentences that gave it."""
    features: dict[str, float] = {}
    for row in evidence:
        features.update((name, value) for name, value in row.items() if not _lexical(name))
    if not evidence:
        features["nosent"] = 1.0
    features[f"cat:{category}"] = 1.0
    features[f"nsent:{min(len(evidence), 5)}"] = 1.0
    pair_kinds = [name for name in features if name.startswith("k:") and "&" not in name]
    if category == "consequences":
        features[f"kind:{item[2]}"] = 1.0
        features.update({f"{item[2]}&{name}": 1.0 for name in list(features) if name.startswith(("k:", "ra:", "rb:"))})
    features.update({f"{category}&{name}": 1.0 for name in pair_kinds})
    return features


def checked_items(extractor, evidence: dict) -> list[tuple[str, tuple, dict, dict[str, float]]]:
    """(category, key, record, the checker's features) of every claim and measure the rules found."""
    return [
        (category, key, record, checker_features(category, key, evidence.get(key[:2], [])))
        for category in ("attributions", "consequences")
        for record in getattr(extractor.result, category)
        for key in [record_key(record, category)]
    ]


def record_key(record: dict, category: str) -> tuple:
    if category == "attributions":
        return (party_key(PartyRef(**record["made_by"])), party_key(PartyRef(**record["attributed_to"])))
    return consequence_key(record)


@dataclass
class Reading:
    """An ordered pair of parties named in one sentence (a before or after b), as the models read it."""

    a_key: tuple
    b_key: tuple
    sentence: Sentence
    a: Mention
    b: Mention
    features: dict[str, float]
    # the measure kinds whose words the sentence holds or the rules found in it, those a cue of the sentence names,
    # and those the rules found a taking
    kinds: tuple[str, ...]
    cued: frozenset[str]
    taken_by_a: frozenset[str]
    source: dict | None = None  # for a measure carried from an earlier sentence: the rules' record of it

    @cached_property
    def measure_conjoined(self) -> list[str]:
        """The features a measure kind is read together with."""
        return [name for name in self.features if name.startswith(_MEASURE_CONJOINED) and "&" not in name]


def measure_features(reading: Reading, kind: str) -> dict[str, float]:
    """The pair's features for the measure `kind` taken by a against b."""
    features = dict(reading.features)
    pair_kinds = features_kinds(features)
    features[f"kind:{kind}"] = 1.0
    if kind in reading.cued:
        features["cued"] = features[f"{kind}&cued"] = 1.0
    if kind in reading.taken_by_a:
        features["a_takes_kind"] = features[f"{kind}&a_takes_kind"] = 1.0
    features.update({f"{kind}&{name}": 1.0 for name in reading.measure_conjoined})
    features[f"{pair_kinds}&{kind}"] = 1.0
    return features


# A measures model's weights by kind (see `_by_kind`), for the weights dicts in use.
_KIND_WEIGHTS: dict[int, tuple[dict, dict]] = {}


def _by_kind(weights: dict[str, float]) -> dict[str, dict[str, float]]:
    """The weights of the features a measure kind is read together with, by kind: "sanctions&a_acts" as
    {"sanctions": {"a_acts": w}}."""
    held = _KIND_WEIGHTS.get(id(weights))
    if held is None or held[0] is not weights:
        if len(_KIND_WEIGHTS) > 8:
            _KIND_WEIGHTS.clear()
        index: dict[str, dict[str, float]] = defaultdict(dict)
        for name, weight in weights.items():
            kind, joined, rest = name.partition("&")
            if joined:
                index[kind][rest] = weight
        held = _KIND_WEIGHTS[id(weights)] = (weights, dict(index))
    return held[1]


def measure_probability(model: dict, reading: Reading, kind: str, base: dict) -> float:
    """`probability(model, measure_features(reading, kind))`: the same sum in the same order, with the pair's own
    features summed once per reading (`base`: reading id -> that sum) and only those of the kind added to it (none of
    which a pair's features hold)."""
    weights = model["weights"]
    key = id(reading)
    if key not in base:
        base[key] = sum(map(weights.get, reading.features, repeat(0.0)))
    total = base[key] + weights.get(f"kind:{kind}", 0.0)
    joined = _by_kind(weights).get(kind, {})
    if kind in reading.cued:
        total = total + weights.get("cued", 0.0) + joined.get("cued", 0.0)
    if kind in reading.taken_by_a:
        total = total + weights.get("a_takes_kind", 0.0) + joined.get("a_takes_kind", 0.0)
    for name in reading.measure_conjoined:
        total += joined.get(name, 0.0)
    total += weights.get(f"{features_kinds(reading.features)}&{kind}", 0.0)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, model["bias"] + total))))


def readings(extractor) -> tuple[list[Reading], dict]:
    """Every ordered pair of parties named in a sentence; the measures the rules found in a sentence, read against
    each party named in the two sentences after it ("The Treasury sanctioned two men. They are A and B."); and the
    (a key, b key) pairs the rules found in some sentence -> those sentences' features of the pair."""
    result = extractor.result
    found = [
        (record_key(record, category), record["quote_start"], record["quote_end"], record)
        for category in ("attributions", "consequences")
        for record in getattr(result, category)
    ]
    denials = [
        (party_key(PartyRef(**record["party"])), record["quote_start"], record["quote_end"])
        for record in result.reactions
        if record["stance"] == "denial"
    ]
    pairs, evidence = [], defaultdict(list)
    taken_in: list[list[tuple]] = []  # per sentence: (measure key, the rules' record) of the measures found there
    for sentence, mentions, subject, read in extractor.sentence_mentions:
        found_here = [
            (key, record) for key, start, end, record in found if start < sentence.end and end > sentence.start
        ]
        taken_in.append(
            [
                (key, record)
                for key, start, _, record in found
                if len(key) == 3 and sentence.start <= start < sentence.end
            ]
        )
        named = {party_key(m.party) for m in mentions}
        if subject is not None and party_key(subject) not in named:
            # "It blamed Iran", "the ministry said": the subject the rules carried over stands before the sentence
            mentions = [Mention(0, 0, subject, "subject elsewhere"), *mentions]
            named.add(party_key(subject))
        # the parties of what the rules found here that the sentence does not name ("According to the minister, …")
        for _, record in found_here:
            for party in _record_parties(record):
                if party_key(party) not in named:
                    mentions = [Mention(0, 0, party, "named elsewhere"), *mentions]
                    named.add(party_key(party))
        keys = [party_key(m.party) for m in mentions]
        if len(set(keys)) < 2 and not any(taken_in[-3:-1]):
            continue  # no pair, and no measure of the two sentences before to read against what it names
        subject_key = party_key(subject) if subject is not None else None
        here = {key[:2] for key, _ in found_here}
        words, at = tokens(sentence.text, mentions)
        flags = sentence_flags(sentence.text, extractor._first)
        if not read:
            flags["unread"] = 1.0  # background or commentary to the rules
        if habitual_denial(sentence.text):
            flags["habit"] = 1.0  # "has routinely denied hacking and dismissed such accusations as a smear by…"
        refuted = REFUTED_REPORT.search(sentence.text)
        # the parties whose denial the rules read here: they answer an accusation, they make none
        deniers = {key for key, start, end in denials if start < sentence.end and end > sentence.start}
        worded, cued = extractor.measure_kinds_in(sentence.text)
        kinds = tuple(sorted(worded | cued | {key[2] for key, _ in found_here if len(key) == 3}))
        for i, a in enumerate(mentions):
            taken = frozenset(key[2] for key, _ in found_here if len(key) == 3 and key[0] == keys[i])
            # a pair neither linker may read is needed only as the evidence of what the rules found
            unused = not read or len(mentions) > CROWDED or a.party.kind in ("threat_group", "person")
            for j, b in enumerate(mentions):
                if keys[i] == keys[j] or (unused and (keys[i], keys[j]) not in here):
                    continue
                features = pair_features(words, at[i], at[j], (a, keys[i]), (b, keys[j]), flags, here, cued)
                if keys[i] in deniers:
                    features["a_denies"] = 1.0
                if refuted and a.start < refuted.end() <= b.start:
                    features["refuted"] = 1.0  # "dismissed reports that hackers of B…": the reports' word, not a's
                if keys[i] == subject_key:
                    features["a_subject"] = features[f"{features_kinds(features)}&a_subject"] = 1.0
                elif keys[j] == subject_key:
                    features["b_subject"] = 1.0
                pairs.append(Reading(keys[i], keys[j], sentence, a, b, features, kinds, cued, taken))
                if (keys[i], keys[j]) in here:
                    evidence[(keys[i], keys[j])].append(features)
        for distance, earlier in ((1, taken_in[-2:-1]), (2, taken_in[-3:-2])):
            for key, record in earlier[0] if earlier else []:
                pairs += _carried(key, record, distance, sentence, mentions, keys, flags, here, cued)
    return pairs, evidence


def _record_parties(record: dict) -> tuple[PartyRef, PartyRef]:
    if "made_by" in record:
        return PartyRef(**record["made_by"]), PartyRef(**record["attributed_to"])
    return PartyRef(**record["initiated_by"]), PartyRef(**record["target"])


def _carried(key, record, distance, sentence, mentions, keys, flags, here, cued) -> list[Reading]:
    """The measure `key` (the rules' `record`) found `distance` sentences before, read against each party this
    sentence names."""
    a_key, target_key, kind = key
    initiator, target_kind = PartyRef(**record["initiated_by"]), record["target"]["kind"]
    if a_key in keys:
        a_mention = mentions[keys.index(a_key)]
    else:
        a_mention = Mention(0, 0, initiator, "measure before")
        mentions, keys = [a_mention, *mentions], [a_key, *keys]
    words, at = tokens(sentence.text, mentions)
    a_at = at[mentions.index(a_mention)]
    found = []
    for b, b_key, b_at in zip(mentions, keys, at, strict=True):
        if b_key in (a_key, target_key) or b.role in ("subject elsewhere", "named elsewhere"):
            continue
        features = pair_features(words, a_at, b_at, (a_mention, a_key), (b, b_key), flags, here, cued)
        features.update({"carried": 1.0, f"carried:{distance}": 1.0, f"carried&kb:{b.party.kind}": 1.0})
        features[f"carried&same_target_kind:{b.party.kind == target_kind}"] = 1.0
        found.append(Reading(a_key, b_key, sentence, a_mention, b, features, (kind,), cued, frozenset({kind}), record))
    return found


def may_claim(reading: Reading) -> bool:
    """Whether the linker reads the pair as a claim: not a measure carried from an earlier sentence, not from a sentence
    telling a denial as a habit, not a party's reading of reports it rejects nor a claim by a party denying in the
    sentence (its blame answers an accusation: the rules read it), and an accuser the rules too would let accuse (a
    group is accused, never accuses; a person speaks for a party)."""
    barred = {"carried", "unread", "habit", "refuted", "a_denies"}
    return not barred & reading.features.keys() and reading.a.party.kind not in ("threat_group", "person")


def may_measure(reading: Reading) -> bool:
    """Whether the measure linker reads the pair: measures are taken by states, bodies, organisations and companies,
    never by the people or groups they concern, nor by news organisations."""
    return "unread" not in reading.features and reading.a.party.kind not in ("threat_group", "person", "media")


def second_reading(extractor, model: dict | None = None) -> None:
    """Drop what the checker doubts, then add the claims and measures the linkers read (see the module's docstring);
    `model` defaults to the weights file."""
    model = model if model is not None else load_weights()
    if model is None:
        return
    result = extractor.result
    pairs, evidence = readings(extractor)
    checker, linker, measures = model["checker"], model["linker"], model["measures"]
    linked = {record_key(record, "attributions") for record in result.attributions}
    measured = {record_key(record, "consequences") for record in result.consequences}
    doubted = {
        id(record)
        for _, key, record, features in checked_items(extractor, evidence)
        if (key[2] if len(key) == 3 else "claim") in checker.get("reads", ("claim",))
        and probability(checker, features) < checker["threshold"]
    }
    result.attributions = [record for record in result.attributions if id(record) not in doubted]
    result.consequences = [record for record in result.consequences if id(record) not in doubted]
    best: dict[tuple, tuple] = {}  # claim or measure key -> (probability, reading)
    summed: dict[int, float] = {}  # reading id -> the measures model's sum of its pair's features
    for reading in pairs:
        pair = (reading.a_key, reading.b_key)
        if pair not in linked and may_claim(reading):
            score = probability(linker, reading.features)
            if score > linker["threshold"] and score > best.get(pair, (0.0,))[0]:
                best[pair] = (score, reading)
        for kind in reading.kinds if may_measure(reading) else ():
            if (*pair, kind) not in measured:
                score = measure_probability(measures, reading, kind, summed)
                if score > measures["threshold"] and score > best.get((*pair, kind), (0.0,))[0]:
                    best[(*pair, kind)] = (score, reading)
    for key, (_, reading) in sorted(best.items(), key=lambda item: (item[1][1].sentence.start, item[0])):
        sentence, source = reading.sentence, reading.source
        stated_on = extractor._stated_on(sentence)
        start = sentence.start
        if source is not None:  # a measure carried from an earlier sentence: its words and date are there
            start = source["quote_start"]
            stated_on = dt.date.fromisoformat(source["announced_on"]) if source["announced_on"] else None
        quoted = {"quote": extractor.text[start : sentence.end], "quote_start": start, "quote_end": sentence.end}
        if len(key) == 2:
            claim = {"made_by": reading.a.party.as_dict(), "attributed_to": reading.b.party.as_dict(), "speaker": None}
            claim["stated_on"] = stated_on.isoformat() if stated_on else None
            claim["basis"] = "investigation" if re.search(r"\binvestigat", sentence.text, re.I) else None
            result.attributions.append(claim | quoted)
        else:
            measure = {"initiated_by": reading.a.party.as_dict(), "target": reading.b.party.as_dict(), "kind": key[2]}
            measure["announced_on"] = stated_on.isoformat() if stated_on else None
            result.consequences.append(measure | quoted)
    extractor.tidy()  # what is added and what is left is held to the rules' last pass
