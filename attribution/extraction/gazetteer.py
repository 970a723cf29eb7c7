"""Names that stand for parties in news text: countries, demonyms, capitals, government bodies,
international organisations, security companies and threat groups.

pycountry alone does not know how news names states ("Russia", "the UK", "Tehran", "the Kremlin"),
so common names, demonyms and metonyms are listed here. Extra parties (threat groups and others
from the Party table) can be added by the caller.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from attribution.countries import country_names
from attribution.knowledge import default_names


@dataclass(frozen=True)
class PartyRef:
    """A party as extraction reports it: {"name", "kind", "country"}."""

    name: str
    kind: str
    country: str | None

    def as_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "country": self.country}


# code: (demonyms, capitals and other metonyms, extra names)
_STATES = {
    "AL": (["Albanian"], ["Tirana"], []),
    "IR": (["Iranian"], ["Tehran"], ["Islamic Republic of Iran", "Islamic Republic"]),
    "US": (
        ["American", "U.S.", "US"],
        ["Washington", "the White House"],
        ["United States", "United States of America", "U.S.", "US", "USA", "America"],
    ),
    "GB": (["British"], ["London", "Downing Street"], ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"]),
    "RU": (["Russian"], ["Moscow", "the Kremlin", "Kremlin"], ["Russia", "Russian Federation"]),
    "CN": (["Chinese"], ["Beijing"], ["China", "People's Republic of China", "PRC"]),
    "KP": (["North Korean"], ["Pyongyang"], ["North Korea", "DPRK"]),
    "KR": (["South Korean"], ["Seoul"], ["South Korea"]),
    "IL": (["Israeli"], ["Jerusalem", "Tel Aviv"], ["Israel"]),
    "UA": (["Ukrainian"], ["Kyiv", "Kiev"], ["Ukraine"]),
    "FR": (["French"], ["Paris", "the Elysee"], ["France"]),
    "DE": (["German"], ["Berlin"], ["Germany"]),
    "NL": (["Dutch"], ["The Hague", "Amsterdam"], ["Netherlands", "the Netherlands"]),
    "CA": (["Canadian"], ["Ottawa"], ["Canada"]),
    "AU": (["Australian"], ["Canberra"], ["Australia"]),
    "NZ": (["New Zealand"], ["Wellington"], ["New Zealand"]),
    "JP": (["Japanese"], ["Tokyo"], ["Japan"]),
    "IN": (["Indian"], ["New Delhi"], ["India"]),
    "PK": (["Pakistani"], ["Islamabad"], ["Pakistan"]),
    "SA": (["Saudi"], ["Riyadh"], ["Saudi Arabia"]),
    "AE": (["Emirati"], ["Abu Dhabi"], ["United Arab Emirates", "UAE"]),
    "TR": (["Turkish"], ["Ankara"], ["Turkey", "Türkiye"]),
    "EE": (["Estonian"], ["Tallinn"], ["Estonia"]),
    "LV": (["Latvian"], ["Riga"], ["Latvia"]),
    "LT": (["Lithuanian"], ["Vilnius"], ["Lithuania"]),
    "PL": (["Polish"], ["Warsaw"], ["Poland"]),
    "CZ": (["Czech"], ["Prague"], ["Czech Republic", "Czechia"]),
    "ME": (["Montenegrin"], ["Podgorica"], ["Montenegro"]),
    "GE": (["Georgian"], ["Tbilisi"], ["Georgia"]),
    "BY": (["Belarusian"], ["Minsk"], ["Belarus"]),
    "VN": (["Vietnamese"], ["Hanoi"], ["Vietnam"]),
    "TW": (["Taiwanese"], ["Taipei"], ["Taiwan"]),
    "SE": (["Swedish"], ["Stockholm"], ["Sweden"]),
    "NO": (["Norwegian"], ["Oslo"], ["Norway"]),
    "DK": (["Danish"], ["Copenhagen"], ["Denmark"]),
    "FI": (["Finnish"], ["Helsinki"], ["Finland"]),
    "ES": (["Spanish"], ["Madrid"], ["Spain"]),
    "IT": (["Italian"], ["Rome"], ["Italy"]),
    "BE": (["Belgian"], ["Brussels"], ["Belgium"]),
    "SY": (["Syrian"], ["Damascus"], ["Syria"]),
    "VE": (["Venezuelan"], ["Caracas"], ["Venezuela"]),
    "CU": (["Cuban"], ["Havana"], ["Cuba"]),
    "MX": (["Mexican"], ["Mexico City"], ["Mexico"]),
    "BR": (["Brazilian"], ["Brasilia"], ["Brazil"]),
    "CH": (["Swiss"], ["Bern"], ["Switzerland"]),
    "AT": (["Austrian"], ["Vienna"], ["Austria"]),
    "SG": (["Singaporean"], [], ["Singapore"]),
    "MY": (["Malaysian"], ["Kuala Lumpur"], ["Malaysia"]),
    "PH": (["Filipino", "Philippine"], ["Manila"], ["Philippines", "the Philippines"]),
    "EG": (["Egyptian"], ["Cairo"], ["Egypt"]),
    "IQ": (["Iraqi"], ["Baghdad"], ["Iraq"]),
    "LB": (["Lebanese"], ["Beirut"], ["Lebanon"]),
    "QA": (["Qatari"], ["Doha"], ["Qatar"]),
    "KZ": (["Kazakh"], ["Astana"], ["Kazakhstan"]),
    "IE": (["Irish"], ["Dublin"], ["Ireland"]),
    "GR": (["Greek"], ["Athens"], ["Greece"]),
    "RO": (["Romanian"], ["Bucharest"], ["Romania"]),
    "BG": (["Bulgarian"], ["Sofia"], ["Bulgaria"]),
    "HU": (["Hungarian"], ["Budapest"], ["Hungary"]),
    "MD": (["Moldovan"], ["Chisinau"], ["Moldova"]),
    "CO": (["Colombian"], ["Bogota"], ["Colombia"]),
    "CR": (["Costa Rican"], ["San Jose"], ["Costa Rica"]),
}

# Generic bodies of a state; the text around them tells which state ("Iran's foreign ministry").
_BODIES = [
    r"(?:foreign|external affairs) ministry|ministry of foreign affairs|foreign office",
    r"interior ministry|ministry of (?:the )?interior|home office",
    r"defen[cs]e ministry|ministry of defen[cs]e|pentagon|department of defense",
    r"justice department|department of justice|ministry of justice",
    r"treasury(?: department)?|department of the treasury",
    r"state department|department of state",
    r"national security council",
    r"national cyber security centre|national cyber security center",
    r"government|cabinet|council of ministers|authorities|prime minister's office|presidency",
    r"intelligence (?:agency|service|ministry)|ministry of intelligence",
    r"police|prosecutors?|prosecutor's office|attorney general",
    r"military|armed forces|army",
]
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
_ORGS = {
    "NATO": "NATO",
    "North Atlantic Council": "NATO",
    "European Union": "European Union",
    "EU": "European Union",
    "United Nations": "United Nations",
    "UN": "United Nations",
    "OSCE": "OSCE",
    "G7": "G7",
}
_COMPANIES = [
    "Microsoft",
    "Mandiant",
    "Google",
    "Google's Threat Analysis Group",
    "CrowdStrike",
    "Kaspersky",
    "ESET",
    "Symantec",
    "Broadcom",
    "Recorded Future",
    "FireEye",
    "Palo Alto Networks",
    "Unit 42",
    "Check Point",
    "Cisco Talos",
    "Talos",
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
    role: str  # state, demonym, metonym, body, named_body, org, company, group, group_word


@cache
def _builtin_entries() -> tuple[Entry, ...]:
    names = country_names()
    entries: list[Entry] = []
    for code, (demonyms, metonyms, extra) in _STATES.items():
        state = PartyRef(names.get(code, code), "state", code)
        for name in {names.get(code, code), *extra}:
            entries.append(Entry(re.escape(name), state, "state"))
        entries += [Entry(re.escape(d), state, "demonym") for d in demonyms]
        entries += [Entry(re.escape(m), state, "metonym") for m in metonyms]
    for short, (name, code) in _NAMED_BODIES.items():
        entries.append(Entry(re.escape(short), PartyRef(name, "government_body", code), "named_body"))
    for short, name in _ORGS.items():
        entries.append(Entry(re.escape(short), PartyRef(name, "international_org", None), "org"))
    for company in _COMPANIES:
        entries.append(Entry(re.escape(company), PartyRef(company, "company", None), "company"))
    for group, code in _GROUPS.items():
        entries.append(Entry(re.escape(group), PartyRef(group, "threat_group", code), "group"))
    entries += _knowledge_base_entries(names)
    return tuple(entries)


def _knowledge_base_entries(names: dict[str, str]) -> list[Entry]:
    """Threat groups and state agencies of the shipped MISP galaxies (attribution.knowledge).

    A group is reported under the name the text uses. An agency's name is taken only when it names its
    state ("Australian Signals Directorate") or is a proper name of its own ("Mossad"): generic ones
    ("Ministry of Defence") belong to whichever state the text is about, as the generic bodies do.
    Group names that look like ordinary words get the role of `group_role`.
    """
    own_words = {code: {names.get(code, code), *extra, *demonyms} for code, (demonyms, _, extra) in _STATES.items()}
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
    return entries


def group_role(name: str) -> str:
    """ "group_word" for a one-word group name that looks like an ordinary word ("Play", "Silence"): it
    names the group only inside a sentence, where its capital marks a name; "group" otherwise."""
    return "group_word" if re.fullmatch(r"[A-Z][a-z]+", name) else "group"


@cache
def body_patterns() -> tuple[re.Pattern, ...]:
    """Generic bodies ("the foreign ministry") whose country comes from the text around them."""
    return tuple(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for pattern in _BODIES)


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
    r"\b(?P<name>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*)?)(?=\s+(?:\w+\s+)?(?:group|gang|collective|crew)\b)"
    # "carried out with Brain Cipher ransomware", "hit by LockBit ransomware": the gang behind the tool
    r"|\b(?:with|by)\s+(?:the\s+)?(?P<name4>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*)?)(?=\s+ransomware\b)"
    r"|\b(?:group|gang|collective|crew|actors?|cluster|hackers)\s+(?:(?:that\s+)?(?:it|they|\w+)\s+)?"
    r"(?:calls?|calling itself|known as|named|called|dubbed|tracks as)\s+"
    r"(?P<name2>[A-Z][\w$&.-]*(?:\s+[A-Z][\w$&.-]*)?)"
    r"|\b(?:hacking|hacker|hacktivist|ransomware|extortion|cyber(?:crime)?)\s+(?:group|gang|collective|crew)\s+"
    r"(?P<name3>[A-Z][\w$&.-]*(?:\(\w+\))?)"
)
# "Danish shipping company Maersk", "Uber said": an organisation named by its kind or as a speaker.
NAMED_COMPANY_PATTERN = re.compile(
    r"\b(?:company|firm|vendor|provider|maker|giant|operator|carrier|retailer|bank|airline|insurer),?\s+"
    r"(?P<name>[A-Z][\w$&-]*(?:\.[\w$&-]+)*(?:\s+[A-Z][\w$&-]*(?:\.[\w$&-]+)*)?)"
    r"|^(?P<name2>[A-Z][\w$&-]*(?:\.[\w$&-]+)*)\s+(?:said|says|confirmed|announced|disclosed|told|reported)\b"
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
