"""Scoring extraction output as ../shared/seed/expected.json describes: party keys are ISO codes for
states and their organs, lowercase names otherwise; optional items count neither way."""

from dataclasses import dataclass, field


def party_key(party: dict) -> str:
    if party.get("country") and party.get("kind") in ("state", "government_body"):
        return party["country"]
    return party["name"].lower()


def found_items(output: dict) -> dict[str, set]:
    return {
        "attributions": {(party_key(a["made_by"]), party_key(a["attributed_to"])) for a in output["attributions"]},
        "denials": {party_key(r["party"]) for r in output["reactions"] if r["stance"] == "denial"},
        "consequences": {
            (party_key(c["initiated_by"]), party_key(c["target"]), c["kind"]) for c in output["consequences"]
        },
    }


def _as_items(values: list) -> set:
    return {tuple(v) if isinstance(v, list) else v for v in values}


@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 1.0

    def add(self, other: "Score") -> "Score":
        return Score(
            self.right + other.right, self.wrong + other.wrong, self.missed + other.missed, self.details + other.details
        )


def key_items(key: dict, grade: str = "required") -> dict[str, set]:
    """The items a key requires (or leaves optional), in the shape `found_items` gives: a second reader's key scored
    as if it were extraction output."""
    return {category: _as_items(key[category][grade]) for category in ("attributions", "denials", "consequences")}


def score(output: dict, expected: dict, name: str = "") -> Score:
    return score_items(found_items(output), expected, name)


def score_items(found: dict[str, set], expected: dict, name: str = "") -> Score:
    result = Score()
    for category in ("attributions", "denials", "consequences"):
        required = _as_items(expected[category]["required"])
        optional = _as_items(expected[category]["optional"])
        for item in found[category]:
            if item in required:
                result.right += 1
            elif item not in optional:
                result.wrong += 1
                result.details.append(f"{name} wrong {category}: {item}")
        for item in required - found[category]:
            result.missed += 1
            result.details.append(f"{name} missed {category}: {item}")
    return result


def score_folder(folder, second_reading: bool = True) -> Score:
    """The summed score of every NAME.txt in `folder` against its NAME.expected.json (with `second_reading` off, of
    the rules alone)."""
    import datetime as dt
    import json
    from pathlib import Path

    from attribution.extraction import extract_report

    total = Score()
    for path in sorted(Path(folder).glob("*.txt")):
        expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(expected["published"])
        output = extract_report(
            path.read_text(encoding="utf-8"), published=published, second_reading=second_reading
        ).as_dict()
        total = total.add(score(output, expected, path.stem))
    return total


@dataclass
class PhrasingScore:
    """A phrasing battery's count: required items found or missed, traps taken (forbidden) and other items found
    (extra). Precision counts both kinds of unasked items against the rules."""

    right: int = 0
    missed: int = 0
    forbidden: int = 0
    extra: int = 0

    @property
    def recall(self) -> float:
        return self.right / (self.right + self.missed) if self.right + self.missed else 1.0

    @property
    def precision(self) -> float:
        found = self.right + self.forbidden + self.extra
        return self.right / found if found else 1.0


def score_phrasings(path, second_reading: bool = True) -> PhrasingScore:
    """Every passage of a JSON Lines battery (tests/attribution/phrasings/README.md) against its required and
    forbidden items."""
    import datetime as dt
    import json
    from pathlib import Path

    from attribution.extraction import extract_report

    total = PhrasingScore()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        published = dt.date.fromisoformat(item["published"])
        output = extract_report(item["text"], published=published, second_reading=second_reading).as_dict()
        found = found_items(output)
        for category in ("attributions", "denials", "consequences"):
            required = _as_items(item["required"].get(category, []))
            forbidden = _as_items(item.get("forbidden", {}).get(category, []))
            total.right += len(required & found[category])
            total.missed += len(required - found[category])
            total.forbidden += len((found[category] - required) & forbidden)
            total.extra += len(found[category] - required - forbidden)
    return total
