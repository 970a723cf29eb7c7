"""From report text to draft records: who blamed whom, who denied it, what measures followed.

The rules follow how news reports such events, not any one article:
- the accuser is the subject of the sentence (a state, a body, a company, or a speaker introduced
  earlier with their office: "Foreign Ministry spokesman Nasser Kanaani", later "Kanaani", "he");
- the accused is the party named after the blaming words ("blamed Iran", "orchestrated by Iran");
- reported speech keeps its speaker ("the ministry said", "she added");
- hedges and negations ("no evidence", "declined to speculate", "may have") and background ("in the
  past", "for many years") produce nothing;
- a denial belongs to the accused who makes it; "attributing the allegations to third parties" is a
  counter-accusation, not a claim;
- a measure (severed ties, expulsions, sanctions, charges) is taken by the sentence's agent against
  the party named after it; legal and economic acts over a hack also state an attribution.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from attribution.extraction.gazetteer import (
    GROUP_NAME_PATTERN,
    NAMED_COMPANY_PATTERN,
    NAMED_GROUP_PATTERN,
    NOT_NAMES,
    Entry,
    PartyRef,
    body_patterns,
    build_matcher,
    group_from_name,
)
from attribution.extraction.text import Sentence, find_dates, sentences

CYBER = re.compile(
    r"\b(?:cyber\w*|hack\w*|attack\w*|breach\w*|intrusion\w*|ransomware|malware|wiper|espionage|operation|"
    r"campaign|phishing|ddos|denial[- ]of[- ]service|compromise\w*|incident)\b",
    re.IGNORECASE,
)
# In a report about a cyber operation, a claim refers to it unless the sentence names another kind of act
# ("which Tehran accuses of carrying out terrorist acts").
OTHER_OFFENCES = re.compile(
    r"\b(?:terror\w*|murder\w*|assassinat\w*|bomb\w*|kidnap\w*|shoot\w*|killings?|poison\w*|war crimes?|"
    r"smuggl\w*|corruption|money laundering|drug\w*|invasion|airstrikes?|missiles?|coup)\b",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"\b(?:no evidence|not (?:yet )?(?:been )?(?:attributed|blamed|identified)|declined to (?:speculate|name|"
    r"attribute|say who|identify)|speculat\w+|may have been|might have been|could have been|possibly|"
    r"unclear|did not (?:name|say who|identify|attribute)|without naming|would not say|if (?:it|they) (?:were|was)|"
    r"whether|rumou?r\w*|unconfirmed|unverified|it is not known|not (?:yet )?clear|"
    r"if (?:it|they|he|she|investigators) (?:determin|conclud|f[io]und|confirm|establish)\w*|"
    r"no (?:one|group|country|government|suspect|party|individual|state)s? (?:has|have|had|was|were|is)|"
    r"(?:could|might|may) be (?:read|seen|interpreted|viewed)|"
    r"(?:was|were|is|are) (?:reported|said) to (?:have|be))\b",
    re.IGNORECASE,
)
BACKGROUND = re.compile(
    r"\b(?:in the past|on many occasions|for (?:many )?years|previously|in (?:19|20)\d\d, |decades? ago|"
    r"historically|has long|had long|at the time(?! of)|"
    r"(?<!with )earlier (?:\w+ )?(?:thefts|attacks|hacks|breaches|intrusions|incidents|campaigns|operations))\b",
    re.IGNORECASE,
)
ATTRIBUTION_CUES = re.compile(
    r"\b(?:blam\w*|attribut\w*|accus(?:e|ed|es|ing)\b|pinned\b|"
    r"(?:orchestrated|sponsored|carried out|conducted|perpetrated|launched|directed|committed) by|"
    r"(?:indicted|charged) \w+|sanction\w* \w+ (?:for|over)|culprit|"
    r"(?:cyber)?(?:attack|hack|breach|intrusion|campaign|operation)s? by|point\w* the finger at|"
    r"(?:held|holds|hold|holding)(?=\s+(?:[\w'’-]+\s+){1,6}?responsible\b)|link\w*|"
    r"(?:came|come|comes|originated|originating|emanat\w+|were launched|was launched|(?:were|was|been) (?:conducted|"
    r"carried out|mounted|staged)) from|traced (?:back )?to|(?:carried out|conducted|launched) (?:with|using)|"
    r"(?:was|were|is|are|been) (?:\w+ )?the work of|identif\w+|"
    r"(?:hackers?|actors?|groups?|spies) (?:operating|based|working|acting) (?:from|in|for|out of|on behalf of))",
    re.IGNORECASE,
)
# Cues whose accused may stand between the verb and a closing word: "held China responsible",
# "linked Chinese hackers to the breach"; otherwise the accused follows ("linked the breach to Russia").
BRACKETING = {
    "held": r"responsible",
    "hold": r"responsible",
    "holds": r"responsible",
    "holding": r"responsible",
    "link": r"\bto\b",
    "linked": r"\bto\b",
    "links": r"\bto\b|\band\b",
    "linking": r"\bto\b",
    "identified": r"\bas\s+(?:being\s+)?(?:responsible|the\s+(?:culprit|perpetrator|attacker|source)s?)\b",
    "identifying": r"\bas\s+(?:being\s+)?(?:responsible|the\s+(?:culprit|perpetrator|attacker|source)s?)\b",
    "identifies": r"\bas\s+(?:being\s+)?(?:responsible|the\s+(?:culprit|perpetrator|attacker|source)s?)\b",
    "identify": r"\bas\s+(?:being\s+)?(?:responsible|the\s+(?:culprit|perpetrator|attacker|source)s?)\b",
}
# A news lede: "Chinese state hackers broke into a Dutch network, the Dutch intelligence service said."
# What an attacker does, in the past tense of news reports (shared by the readings below).
ATTACK_ACTS = (
    r"hacked|broken into|broke into|breached|attacked|targeted|compromised|infiltrated|stole|spied on|"
    r"penetrated|were behind|was behind|carried out|conducted|launched|sent phishing|deployed|planted|gained access|"
    r"accessed|obtained access|(?:was|were|is|are|has been|had been) (?:preparing|targeting|plotting)|"
    r"prepositioned|manipulated|disrupted|sabotaged|tampered with|hijacked|defaced|leaked|exploited|orchestrated|"
    r"mounted|staged|(?:was|were|is|are|had been) (?:\w+ ){0,2}?responsible(?: for\b|(?=\s*[.,;]))"
)
LEDE_ACTOR = re.compile(
    rf"^\W*(?:[\w'’.$-]+\s+){{1,8}}?(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS})\b",
    re.IGNORECASE,
)
# "…concluded that Russian military hackers had broken into…": the attacker named inside a reported clause.
REPORTED_ATTACKER = re.compile(
    r"\b(?:said|says|concluded|found|determined|assessed|believes?|confirmed|announced|stated|disclosed|revealed|"
    r"alleged|added|established|reported|claimed|judged|told \w+(?: \w+)?|warned)\s+"
    r"(?:in (?:an? |its |their )?\w+\s+)?(?:that\s+)?(?P<actor>(?:[\w'’.$,()-]+\s+){1,16}?)"
    rf"(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS})\b",
    re.IGNORECASE,
)
# "…said the group was part of a wider Russian campaign": the campaign's owner is accused.
PART_OF = re.compile(
    r"\b(?:was|were|is|are)\s+part of\s+(?:a |an |the )?(?:\w+\s+){0,2}?(?P<who>(?:[\w'’-]+\s+){1,2}?)"
    r"(?:campaign|effort|operation|strategy|pattern|programme|program)\b",
    re.IGNORECASE,
)
REPORTING_TAIL = re.compile(
    r",\s+(?P<who>[^,;]{2,80}?)\s+(?:said|says|announced|reported|alleged|concluded)\b[^,;]*(?:[,;]|$)"
)
# "The hack was blamed on Russia (by Britain)": the accused follows, the accuser comes after "by".
PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:blamed|attributed|pinned|linked|tied)\s+(?:on|to)\b", re.I
)
# "attacks against Albania" name a victim; "blamed it on Iran" names the accused.
VICTIM_PREPOSITION = re.compile(
    r"\b(?:against|targeting|on)\s+(?:the\s+)?$|\b(?:hack|attack|breach|compromise)\w*\s+(?:of|on)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
BLAMED_ON = re.compile(r"\b(?:blam\w*|pinn\w*)\s+(?:\w+\s+)?on\s+(?:the\s+)?$", re.IGNORECASE)
# "Russia was behind the hack": the accused stands before these words.
PREDICATE_CUES = re.compile(
    r"\b(?:was|were|is|are|had been|has been)\s+(?:\w+\s+)?(?:behind|responsible for)\b|"
    r"\b(?:was|were|is|are)\s+[\"“]?(?:the\s+)?(?:leading|main|prime|chief|likely|most likely|top)\s+"
    r"(?:suspect|culprit)s?\b",
    re.IGNORECASE,
)
DENIAL = re.compile(
    r"\b(?:den(?:y|ied|ies|ying|ial(?![- ]of[- ]service))|"
    r"dismiss\w* (?:the |these |such |that |this |those )?"
    r"(?:allegation|accusation|claim|report|charge|suggestion)\w*|"
    r"reject\w* (?:the |these |such |that |this |those )?"
    r"(?:allegation|accusation|claim|charge|suggestion|assertion)\w*|"
    r"baseless|unfounded|groundless|"
    r"call\w* (?:the |these |such )?(?:allegation|accusation|claim|charge)s?\b|"
    r"nothing to do with|categorically|fabricat\w+|slander\w*|made up|unsubstantiated|smear\w*|"
    r"irresponsible (?:\w+ ){0,2}?(?:accusation|allegation|claim|remark|statement|assertion|speculation)s?|"
    r"(?:accusation|allegation|claim|report)s? (?:\w+ ){0,4}?(?:lack\w*|without) (?:any )?evidence|unprofessional|"
    r"(?:accusation|allegation|claim|remark|statement|assertion|speculation)s? (?:\w+ ){0,3}?"
    r"(?:was|were|is|are|as) (?:\w+ )?irresponsible|"
    r"(?:did|does|do) not (?:conduct|carry out|engage in)|never (?:conducted|carried out)|"
    r"opposes? .{0,40}all forms of|nonsense|absurd|ridiculous|rubbish|disinformation|"
    r"(?:was|were|is|are) not (?:behind|involved|responsible))",
    re.IGNORECASE,
)
COUNTER = re.compile(
    r"\b(?:attribut\w+ (?:the |these |such )?(?:allegation|accusation|claim)\w* .{0,80}?to|blamed .{0,40}instead|"
    r"accused .{0,60}of (?:staging|fabricating|a false flag)|false[- ]flag)",
    re.IGNORECASE,
)
ACKNOWLEDGE = re.compile(
    r"\b(?:claimed responsibility|admitted|took responsibility|acknowledged (?:carrying|that it))", re.IGNORECASE
)
NO_COMMENT = re.compile(
    r"\b(?:declined to comment|did not respond to (?:a )?requests? for comment|no comment)\b", re.IGNORECASE
)
# kind -> cue (the phrases that state the measure)
CONSEQUENCES = [
    (
        "severed_diplomatic_relations",
        r"(?:sever\w*|cut\w*|snap\w*|break\w*|broke|end\w*) (?:off )?(?:its |all |their )?"
        r"(?:diplomatic )?(?:ties|relations)",
    ),
    (
        "expelled_diplomats",
        r"expel\w*|persona non grata|(?:ordered|told|gave) .{0,60}(?:diplomats|embassy staff).{0,40}"
        r"(?:to leave|hours to leave)",
    ),
    (
        "sanctions",
        r"(?:impos\w+|announc\w+|slapp\w+) (?:\w+ ){0,3}?sanctions|sanction(?:ed|s) (?:on|against)|"
        r"sanctioned|designat\w+ .{0,40}(?:under|pursuant)",
    ),
    ("indictment", r"indict\w*|(?:criminal )?charg(?:ed|es against)"),
    ("arrest", r"arrest\w*"),
    (
        "summoned_ambassador",
        r"summon\w* .{0,40}(?:ambassador|envoy|charg[ée] d'affaires|top diplomat)|"
        r"(?:ambassador|envoy|charg[ée] d'affaires|top diplomat)\s+(?:\w+\s+){0,3}?(?:was|were|had been|has been|"
        r"is being)\s+summoned",
    ),
    ("recalled_ambassador", r"recall\w* .{0,30}(?:ambassador|envoy)"),
    ("closed_mission", r"clos\w+ .{0,30}(?:embassy|consulate|mission)"),
    (
        "pledged_response",
        r'further action|hold .{1,40} accountable|vow\w* to respond|(?:will|would) ["“]?(?:respond|retaliate)|'
        r"international consequences|vow\w* (?:revenge|retaliation)|take (?:its |their )?revenge|vow\w* to retaliate|"
        r"(?:pledg|promis)\w* .{0,30}(?:response|consequences)",
    ),
    ("condemnation", r"condemn\w*|decri\w+|denounc\w+"),
    ("emergency_declaration", r"declar\w+ (?:a |an )?(?:national )?(?:state of )?emergency"),
    ("reward", r"reward of"),
]
CONSEQUENCE_CUES = [(kind, re.compile(rf"\b(?:{cue})", re.IGNORECASE)) for kind, cue in CONSEQUENCES]
# Measures that, in a report about a cyber operation, also state who is blamed for it.
LEGAL_OR_ECONOMIC = {"sanctions", "indictment", "expelled_diplomats"}
TITLES = (
    r"(?:prime minister|president|foreign minister|minister|spokes(?:man|woman|person)|secretary(?: of state)?|"
    r"ambassador|envoy|director(?: general)?|chief|head|official|prosecutor|attorney general|chancellor|"
    r"commissioner|adviser|advisor|analyst|researcher|deputy \w+)"
)
PERSON = re.compile(
    rf"\b(?P<title>(?:[A-Z][\w'’.-]+\s+){{0,5}}(?i:{TITLES})(?:\s+of\s+(?:[A-Z][\w'’-]+\s+){{1,3}}?)?)\s*"
    rf"(?<=\s)(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{1,2}})\b"
)
NAMES_INCIDENT = re.compile(
    r"\s+(?:supply[- ]chain\s+)?(?:hacks?|hacking|attacks?|breach(?:es)?|cyberattacks?|incidents?|compromises?|"
    r"campaigns?|intrusions?|leaks?)\b",
    re.IGNORECASE,
)
COORDINATION = re.compile(r"\s*(?:,|and|or|as well as)\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)
# "a Russian citizen, Aleksandr Ermakov": a person named with the state they belong to.
NAMED_PERSON_PATTERN = re.compile(
    r"(?P<who>\b[A-Z][\w-]+)\s+(?:citizen|national|man|woman|hacker|officer|businessman)s?,?\s+"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b"
)
ORG_APPOSITION = re.compile(
    r"\s+[\w\s-]*?(?:company|firm|vendor|provider|maker|giant|operator|group|agency)\s*,?\s+", re.IGNORECASE
)
VICTIM_NOUN = re.compile(
    r"\s+(?:accounts?|employees|staff|systems?|networks?|servers?|users|customers|websites?|data|infrastructure|"
    r"email|computers?|databases?|platforms?|countries|members|allies|states|nations|partners)\b",
    re.IGNORECASE,
)
# Where the object of a measure ends: "condemned the attack and offered Kyiv help" names no target.
CLAUSE_END = re.compile(
    r";|\b(?:and|but|while)\s+(?:\w+ed|offered|said|says|called|urged|vowed)\b|,\s+(?:noting|saying|adding|citing)\b",
    re.IGNORECASE,
)
# A condemnation of "the attack" (not of "Pelosi's visit") is aimed at whoever the report accuses.
ABOUT_THE_INCIDENT = re.compile(
    r"\s+(?:the\s+|this\s+|these\s+|such\s+)?(?:\w+\s+)?(?:(?:cyber)?attacks?|hacks?|hacking|breach\w*|operations?|"
    r"campaigns?|incident|intrusions?|activit(?:y|ies)|behaviou?r|it|them)\b|\s*[.,;]|\s*$",
    re.IGNORECASE,
)


# "Some analysts said…", "experts believe…": commentary by unnamed observers states no claim or measure.
COMMENTARY = re.compile(
    r"^\W*(?:(?:some|many|other|several|most|independent|security|cybersecurity)\s+)*(?:analysts|experts|observers|"
    r"commentators|critics|researchers|others)\b(?:\s+\w+){0,3}?\s+(?:said|say|says|believe|believed|suggested|"
    r"noted|cautioned|warned|argued|think|thought|speculated|questioned)\b",
    re.IGNORECASE,
)
# "accusations by the United States and Britain that Russian officers sabotaged…": the accusers and the accused
# inside a noun phrase, usually in a denial.
ACCUSATIONS_BY = re.compile(
    r"\b(?:accusations?|allegations?|claims?|charges?|assertions?|assessments?)\s+(?:by|from)\s+"
    r"(?P<who>[^;:]{2,120}?)\s+that\s+(?P<rest>.*)$",
    re.IGNORECASE,
)
ACCUSED_ACT = re.compile(
    r"(?P<actor>^.{0,120}?)\b(?:(?:was|were|is|are|had been|has been)\s+(?:\w+\s+)?(?:behind|responsible)|"
    rf"(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS}|tried|attempted|sought|(?:were|was|had been) "
    r"(?:trying|attempting|seeking)))\b",
    re.IGNORECASE,
)
# A time adverbial opening a sentence ("In April,", "In 2016 the…", "Last year") dates what it tells.
LEADING_TIME = re.compile(r"^\W*(?:in|since|back in|earlier in|as early as|last|during)\b", re.IGNORECASE)
IN_PAST_YEAR = re.compile(
    r"\b(?:(?:in|since|back in|during)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)|"
    r"(?:for|over) the (?P<event_year>(?:19|20)\d\d) (?:\w+ )?(?:hack|attack|breach|intrusion|theft|heist|leak)s?\b)",
    re.IGNORECASE,
)
# "Russia's ambassador had been summoned": the envoy's state is named before the measure.
ENVOY_BEFORE = re.compile(
    r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:ambassador|envoy|charg[ée] d'affaires|diplomats?)\b", re.IGNORECASE
)
ADJACENT_AGENT_GAP = re.compile(
    r"\s+(?:(?:also|later|then|separately|formally|jointly|officially|swiftly|has|have|had|on \w+|last \w+|"
    r"this \w+|earlier)\s+)*$",
    re.IGNORECASE,
)


def text_after(match: re.Match) -> str:
    return match.string[match.end() : match.end() + 60]


# Measures whose target, when the sentence names none, is the party the report accuses.
IMPLIED_TARGET = {"pledged_response", "condemnation", "sanctions", "indictment"}
# What may stand between coordinated subjects: "London and Washington", "The US, the UK and NATO".
SUBJECT_LINK = re.compile(r"(?:\s*(?:,|and|as well as|along with|the|its|allies?|[A-Z][\w'’.-]*)\s*)*")
# "In a statement, the bureau said": an institution named by its kind is the last subject.
ANAPHORIC_SUBJECT = re.compile(
    r"^\W*(?:[A-Z][\w ]{0,30}, )?the (?:bureau|agency|ministry|department|company|firm|government|council|"
    r"alliance|administration|office|centre|center|authorities)\b",
    re.IGNORECASE,
)
PRONOUN_SUBJECT = re.compile(r"^(?:\W*)(?:he|she|they)\b", re.IGNORECASE)
# Right after a closing quotation mark: '"…," she said' / '"…," the company said'.
QUOTE_THEN_PRONOUN = re.compile(r"^\W{0,4}(?:he|she|they)\s+(?:said|says|added|told|wrote)\b", re.IGNORECASE)
QUOTE_THEN_ANAPHOR = re.compile(
    r"^\W{0,4}(?:the|its) (?:company|firm|vendor|agency|ministry|bureau|department|government|group|researchers)"
    r"\s+(?:said|says|added|wrote|stated)\b",
    re.IGNORECASE,
)
PREPOSITIONS_BEFORE_TARGET = re.compile(
    r"\b(?:against|on|with|over|from|of|targeting|to|in|at|between|among)\s+(?:the\s+)?$", re.I
)
# "officials in Kyiv", "a spokesman in Berlin": the place stands for the state they speak for.
PEOPLE_IN_PLACE = re.compile(
    r"\b(?:officials?|authorities|government|prosecutors|investigators|police|spokes(?:man|woman|person)|"
    r"ministry|embassy|diplomats?|leaders?|lawmakers)\s+(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
TYPE_CUES = {
    "ransomware": r"ransomware",
    "wiper": r"wiper|eras\w+ (?:data|digital|systems|files)|destroy\w* data|data destruction",
    "ddos": r"ddos|denial[- ]of[- ]service",
    "defacement": r"defac\w+",
    "espionage": r"espionage|spying|cyber[- ]?spy",
    "hack_and_leak": r"leak\w*|dox\w*",
    "data_theft": r"st(?:o|ea)l\w* .{0,40}(?:data|records|communication|emails|information)|exfiltrat\w+|"
    r"hack into .{0,20}records",
    "disruption": r"halt|disrupt\w*|paralyz\w+|paralys\w+|outage|offline|knocked out|shut down",
    "financial_theft": r"stole \$|heist|cryptocurrency theft",
}


@dataclass
class Mention:
    start: int
    end: int
    party: PartyRef
    role: str


@dataclass
class Speaker:
    name: str
    title: str
    party: PartyRef | None  # the state, body or company they speak for


@dataclass
class ExtractionResult:
    incidents: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    reactions: list[dict] = field(default_factory=list)
    consequences: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "incidents": self.incidents,
            "attributions": self.attributions,
            "reactions": self.reactions,
            "consequences": self.consequences,
        }


def extract_report(text: str, *, published: dt.date | None = None, extra_parties: list[Entry] = ()) -> ExtractionResult:
    """Draft incidents, claims, reactions and consequences stated in `text` (no database access)."""
    return _Extractor(text, published, extra_parties).run()


class _Extractor:
    def __init__(self, text: str, published: dt.date | None, extra: list[Entry]):
        self.text, self.published = text, published
        self.matcher, self.entries = build_matcher(tuple(extra))
        self.bodies = body_patterns()
        self.speakers: dict[str, Speaker] = {}  # by surname and full name
        self.persons: dict[str, PartyRef] = {}  # accused people ("a Russian citizen, Aleksandr Ermakov"), by surname
        self.last_speaker: Speaker | None = None
        self.last_subject: PartyRef | None = None
        self.result = ExtractionResult()
        # Legal and economic acts state a claim when the report as a whole is about a cyber operation.
        self.cyber_report = bool(CYBER.search(text))
        self.seen: set[tuple] = set()
        self.accused: set[tuple] = set()
        self.claims: dict[tuple, int] = {}  # claim key -> its index in result.attributions
        self.last_accused: PartyRef | None = None
        self.commentary = False  # the last sentence was commentary ("Analysts said…"); "They added…" goes on
        self.subject_named_before = False  # this sentence's subject is "it" / "the company" of an earlier one

    # --- mentions and speakers -------------------------------------------------------------------
    def mentions(self, sentence: Sentence) -> list[Mention]:
        found = []
        for match in self.matcher.finditer(sentence.text):
            if match.start() > 0 and sentence.text[match.start() - 1] == "-":
                continue  # "pro-Russian", "anti-Iranian" describe, they do not name an actor
            entry = self.entries[match.group()]
            role = entry.role
            if role == "group_word":
                if not sentence.text[: match.start()].strip(" \"'“‘(-"):
                    continue  # "Play", "Silence" opening a sentence are words, not names
                role = "group"
            found.append(Mention(match.start(), match.end(), entry.party, role))
        for match in GROUP_NAME_PATTERN.finditer(sentence.text):
            if not any(m.start < match.end() and match.start() < m.end for m in found):
                found.append(Mention(match.start(), match.end(), group_from_name(match.group()), "group"))
        for match in NAMED_PERSON_PATTERN.finditer(sentence.text):
            nationality = [m for m in found if m.start == match.start("who")]
            if nationality and not any(m.start < match.end("name") and match.start("name") < m.end for m in found):
                person = PartyRef(match.group("name"), "person", nationality[0].party.country)
                self.persons[match.group("name").split()[-1]] = person
                found.append(Mention(match.start("name"), match.end("name"), person, "person"))
        for surname, person in self.persons.items():
            for match in re.finditer(rf"\b{re.escape(surname)}\b", sentence.text):
                if not any(m.start <= match.start() < m.end for m in found):
                    found.append(Mention(match.start(), match.end(), person, "person"))
        for pattern, kind in ((NAMED_GROUP_PATTERN, "threat_group"), (NAMED_COMPANY_PATTERN, "company")):
            for match in pattern.finditer(sentence.text):
                group = next(g for g in ("name", "name2", "name3", "name4") if match.groupdict().get(g))
                name, start, end = match.group(group), match.start(group), match.end(group)
                known = name in NOT_NAMES or name in self.entries or name in self.speakers  # a demonym, a person…
                if known or any(m.start < end and start < m.end for m in found):
                    continue
                found.append(
                    Mention(start, end, PartyRef(name, kind, None), "group" if kind == "threat_group" else kind)
                )
        for pattern in self.bodies:
            for match in pattern.finditer(sentence.text):
                if any(m.start <= match.start() < m.end for m in found):
                    continue
                country = self._country_near(match.start(), found, sentence.text, match.end())
                if country is not None:
                    found.append(Mention(match.start(), match.end(), country, "body"))
        return sorted(found, key=lambda m: m.start)

    def _country_near(self, at: int, found: list[Mention], text: str, end: int) -> PartyRef | None:
        """The state a generic body ("the foreign ministry") belongs to: the state qualifying it ("Iran's
        foreign ministry"), else the place after it ("the foreign ministry in Moscow"), else the subject of
        the text so far."""
        before = [
            m
            for m in found
            if m.end <= at
            and at - m.end <= 12
            and m.party.kind == "state"
            and re.fullmatch(r"(?:'s|’s)?\s*(?:[\w-]+\s+)?", text[m.end : at])
        ]
        if before:
            return before[-1].party
        leading = [  # "In Tehran, foreign ministry spokesman …": the place opening the sentence
            m
            for m in found
            if m.end <= at
            and m.party.kind == "state"
            and re.fullmatch(r"\W*in\s+(?:the\s+)?", text[: m.start], re.IGNORECASE)
            and re.match(r"\s*,", text[m.end :])
        ]
        if leading:
            return leading[0].party
        place = re.match(r"(?:\s+[\w'’-]+){0,3}?\s+in\s+", text[end:])  # "the foreign ministry in Moscow"
        after = [m for m in found if place and m.start == end + place.end() and m.party.kind == "state"]
        if after:
            return after[0].party
        return self.last_subject if self.last_subject and self.last_subject.kind == "state" else None

    def speakers_in(self, sentence: Sentence, mentions: list[Mention]) -> list[tuple[int, int, Speaker]]:
        found = []
        for match in PERSON.finditer(sentence.text):
            name = match.group("name")
            if any(m.start < match.end("name") and m.end > match.start("name") for m in mentions):
                continue  # the "name" is a party (e.g. "Prime Minister Edi Rama" is fine, "Secretary Iran" is not)
            inside = [m for m in mentions if match.start("title") <= m.start < match.end("title")]
            said = re.match(r"\s+(?:said|says|told \w+)(?: that)?\s+(?:the\s+)?", sentence.text[match.end("name") :])
            named_next = [
                m for m in mentions if said and m.start == match.end("name") + said.end() and m.role != "person"
            ]
            party = (inside or named_next or [None])[0]
            if party is not None:
                party = party.party
            elif self.last_subject is not None and self.last_subject.kind in ("state", "government_body"):
                party = self.last_subject
            speaker = Speaker(name, match.group("title").strip(), party)
            self.speakers[name] = speaker
            self.speakers[name.split()[-1]] = speaker
            self.speakers.setdefault(name.split()[0], speaker)  # "Qin Gang" is "Qin" later
            found.append((match.start(), match.end(), speaker))
        for surname, speaker in list(self.speakers.items()):
            for match in re.finditer(rf"\b{re.escape(surname)}\b", sentence.text):
                if not any(start <= match.start() < end for start, end, _ in found):
                    found.append((match.start(), match.end(), speaker))
        return sorted(found, key=lambda item: item[0])

    # --- the pass over sentences -------------------------------------------------------------------
    def run(self) -> ExtractionResult:
        in_quote = False
        for sentence in sentences(self.text):
            mentions = self.mentions(sentence)
            speakers = self.speakers_in(sentence, mentions)
            quoted, in_quote = _quoted_spans(sentence.text, in_quote)
            self.subject_named_before = False  # set when the subject is "it" / "the company" of before
            subject, speaker = self._subject(sentence, mentions, speakers, quoted)
            self._incident(sentence, mentions)
            commentary = bool(COMMENTARY.search(sentence.text)) or (
                self.commentary and re.match(r"^\W*(?:they|others)\b", sentence.text, re.IGNORECASE) is not None
            )
            self.commentary = commentary
            if not self._background(sentence) and not commentary:
                self._statements(sentence, mentions, subject, speaker)
            if subject is not None:
                self.last_subject = subject
            if speaker is not None:
                self.last_speaker = speaker
        return self.result

    def _background(self, sentence: Sentence) -> bool:
        """Background: "in the past", "previously", or an opening time adverbial ("In April,", "In 2016 the
        Justice Department…") that dates the sentence well before the report."""
        if BACKGROUND.search(sentence.text):
            return True
        if self.published is None:
            return False
        for found in IN_PAST_YEAR.finditer(sentence.text):
            if int(found.group("year") or found.group("event_year")) < self.published.year:
                return True
        if LEADING_TIME.match(sentence.text):
            opening = sentence.text[:40]
            for found in find_dates(opening, self.published):
                if found.start < 25 and (self.published - found.value).days > 60:
                    return True
            if re.match(r"^\W*last year\b", sentence.text, re.IGNORECASE):
                return True
        return False

    def _subject(
        self, sentence: Sentence, mentions: list[Mention], speakers, quoted: list[tuple[int, int]]
    ) -> tuple[PartyRef | None, Speaker | None]:
        """Who acts in the sentence: a pronoun's speaker, the first named speaker, or the first party
        not governed by a preposition. Words inside quotation marks are the speaker's, so their parties
        are not the sentence's subject; a sentence wholly inside a quotation belongs to the last speaker."""
        if quoted:
            after_quote = sentence.text[quoted[0][1] :]
            if QUOTE_THEN_PRONOUN.match(after_quote) and self.last_speaker:
                return self.last_speaker.party, self.last_speaker  # '"…," she said, adding that X…'
            if QUOTE_THEN_ANAPHOR.match(after_quote) and self.last_subject:
                return self.last_subject, None  # '"…," the company said'
            outside = [m for m in mentions if not any(a <= m.start < b for a, b in quoted)]
            speakers_outside = [sp for sp in speakers if not any(a <= sp[0] < b for a, b in quoted)]
            if outside or speakers_outside:
                mentions, speakers = outside, speakers_outside
            elif self.last_speaker:
                return self.last_speaker.party, self.last_speaker
            else:
                return None, None  # words of someone unnamed: what they name is not the subject
        if PRONOUN_SUBJECT.match(sentence.text) and self.last_speaker:
            return self.last_speaker.party, self.last_speaker
        if re.match(r"^\W*the (?:spokes\w+|minister|official)\b", sentence.text, re.I) and self.last_speaker:
            return self.last_speaker.party, self.last_speaker
        if re.match(r"^\W*it\s+(?:said|says|added|wrote)\b", sentence.text, re.I) and self.last_subject:
            self.subject_named_before = True
            return self.last_subject, None  # "It said the campaign…": the organisation just named
        if ANAPHORIC_SUBJECT.match(sentence.text) and self.last_subject:
            self.subject_named_before = True
            return self.last_subject, None
        candidates = [
            (m.start, m.party, None)
            for m in mentions
            if not self._governed(sentence, m.start) and not self._modifies_named_org(sentence, m, mentions)
        ]
        candidates += [(start, sp.party, sp) for start, _, sp in speakers if sp.party is not None]
        if not candidates:
            return None, None
        _, party, speaker = min(candidates, key=lambda item: item[0])
        return party, speaker

    @staticmethod
    def _modifies_named_org(sentence: Sentence, mention: Mention, mentions: list[Mention]) -> bool:
        """ "A US cybersecurity firm, Recorded Future, said": the firm is the subject, not its country."""
        if mention.role not in ("demonym", "state"):
            return False
        for other in mentions:
            gap = sentence.text[mention.end : other.start]
            if other.role == "company" and 0 < other.start - mention.end <= 45 and ORG_APPOSITION.fullmatch(gap):
                return True
        return False

    @staticmethod
    def _governed(sentence: Sentence, at: int) -> bool:
        """A mention after a preposition ("against Albania", "with Iran") is not the sentence's subject."""
        before = sentence.text[max(0, at - 30) : at]
        return bool(PREPOSITIONS_BEFORE_TARGET.search(before[-20:])) and not PEOPLE_IN_PLACE.search(before)

    # --- statements ----------------------------------------------------------------------------------
    def _statements(self, sentence: Sentence, mentions: list[Mention], subject, speaker) -> None:
        text = sentence.text
        hedged = bool(HEDGE.search(text))
        stated_on = self._stated_on(sentence)
        accusations = None if hedged else self._accusations_by(sentence, mentions, speaker, stated_on)
        if accusations is not None:
            text = text[: accusations.start()]  # what the denial says of them is not a new accusation
        if COUNTER.search(text) and subject is not None:
            self._reaction(sentence, subject, "counter_accusation", speaker, stated_on, COUNTER.search(text))
        elif DENIAL.search(text) and subject is not None and not hedged:
            denier = self._relative_clause_party(sentence, mentions, DENIAL.search(text).start()) or subject
            self._reaction(sentence, denier, "denial", speaker, stated_on, DENIAL.search(text))
            if denier is subject and ATTRIBUTION_CUES.search(text):
                # "…rejected the accusations and accused the United States of…": blame in a denial answers it
                self._reaction(
                    sentence, subject, "counter_accusation", speaker, stated_on, ATTRIBUTION_CUES.search(text)
                )
                subject = None
        elif ACKNOWLEDGE.search(text) and subject is not None and not hedged:
            self._reaction(sentence, subject, "acknowledgement", speaker, stated_on, ACKNOWLEDGE.search(text))
        about_cyber = CYBER.search(text) or (self.cyber_report and not OTHER_OFFENCES.search(text))
        if not hedged and not COUNTER.search(text) and subject is not None and about_cyber and accusations is None:
            self._claims(sentence, mentions, subject, speaker, stated_on)
        for kind, pattern in CONSEQUENCE_CUES:
            match = pattern.search(text)
            if match and not hedged:
                self._consequence(sentence, mentions, subject, speaker, stated_on, kind, match)

    def _accusations_by(self, sentence, mentions, speaker, stated_on) -> re.Match | None:
        """ "…rejected accusations by the United States and Britain that Russian officers sabotaged the
        Games": each named accuser blames the actor of the that-clause."""
        found = ACCUSATIONS_BY.search(sentence.text)
        if found is None:
            return None
        act = ACCUSED_ACT.search(found.group("rest"))
        if act is None:
            return None
        rest = found.start("rest")
        accusers = [m.party for m in mentions if found.start("who") <= m.start < found.end("who")]
        accused = [m for m in mentions if rest <= m.start < rest + act.end("actor")]
        accused.sort(key=lambda m: m.party.kind != "threat_group")
        if not accusers or not accused:
            return None
        for accuser in accusers:
            if _key(accuser) != _key(accused[0].party):
                self._add_attribution(sentence, accuser, accused[0].party, speaker, stated_on, found)
        return found

    def _claims(self, sentence, mentions, subject, speaker, stated_on) -> None:
        """The first reading of the sentence that finds a claim: a lede, a reported attacker, a predicate
        ("Y was behind"), or blaming words."""
        if self._lede_attribution(sentence, mentions, speaker, stated_on):
            return
        if self._reported_attacker(sentence, mentions, subject, speaker, stated_on):
            return
        part = PART_OF.search(sentence.text)
        owners = [m for m in mentions if part and part.start("who") <= m.start < part.end("who")]
        if owners and _key(owners[0].party) != _key(subject):
            self._add_attribution(sentence, subject, owners[0].party, speaker, stated_on, part)
            return
        predicate = PREDICATE_CUES.search(sentence.text)
        cue = ATTRIBUTION_CUES.search(sentence.text)
        if predicate and (cue is None or predicate.start() < cue.start()):
            self._predicate_attribution(sentence, mentions, speaker, stated_on, predicate)
        elif cue:
            self._attribution(sentence, mentions, subject, speaker, stated_on, cue)

    def _predicate_attribution(self, sentence, mentions, speaker, stated_on, cue) -> None:
        """ "X says Y was behind the hack": Y is accused, X (the reporting subject before Y) accuses."""
        before = [m for m in mentions if m.end <= cue.start()]
        if len(before) < 2 and speaker is None:
            return
        accused = before[-1].party
        accusers = [m for m in before[:-1] if not self._governed(sentence, m.start)]
        subject = accusers[0].party if accusers else (speaker.party if speaker else None)
        if subject is None or _key(subject) == _key(accused):
            return
        for accuser in self._co_subjects(sentence, mentions, before[-1].start, subject):
            if _key(accuser) != _key(accused):
                self._add_attribution(sentence, accuser, accused, speaker, stated_on, cue)

    def _passive_attribution(self, sentence, mentions, speaker, stated_on, cue) -> bool:
        """ "The hack was blamed on X by Y": X is accused, Y accuses (nothing without a Y)."""
        passive = PASSIVE.search(sentence.text)
        if passive is None:
            return False
        accused = self._target_after(sentence, mentions, passive.end(), exclude=None)
        by = re.search(r"\bby\s+(?:the\s+)?", sentence.text[passive.end() :])
        agents = [m for m in mentions if by and m.start == passive.end() + by.end()]
        if accused is not None and agents and _key(agents[0].party) != _key(accused):
            self._add_attribution(sentence, agents[0].party, accused, speaker, stated_on, cue)
        return True

    def _attribution(self, sentence, mentions, subject, speaker, stated_on, cue) -> None:
        if self._passive_attribution(sentence, mentions, speaker, stated_on, cue):
            return
        relative = bool(RELATIVE_PRONOUN.search(sentence.text[: cue.start()]))
        if relative:
            before = [m for m in mentions if m.end <= cue.start()]
            if not before:
                return
            subject = before[-1].party  # "a report by a US firm that accused Vietnamese hackers": the firm accuses
        if not any(m.start < cue.start() for m in mentions) and speaker is None and not self.subject_named_before:
            return  # nobody named before the blaming words: "researchers said it was carried out by X"
        if not relative:
            subject = self._adjacent_agent(sentence, mentions, cue.start()) or subject
        accused = self._accused(sentence, mentions, cue, subject)
        if accused is None:
            return
        if ("attribution", _key(accused), _key(subject)) in self.seen:  # the accused blaming its accuser answers
            self._reaction(sentence, subject, "counter_accusation", speaker, stated_on, cue)
            return
        accusers = [subject] if relative else self._co_subjects(sentence, mentions, cue.start(), subject)
        for target in self._with_coordinated(sentence, mentions, accused, cue.start()):
            for accuser in accusers:
                if _key(accuser) != _key(target):
                    self._add_attribution(sentence, accuser, target, speaker, stated_on, cue)

    @staticmethod
    def _with_coordinated(sentence, mentions, party: PartyRef, at: int) -> list[PartyRef]:
        """The accused and those joined to it: "originating from China and Russia" accuses both."""
        found, previous = [party], None
        for mention in mentions:
            if mention.start < at:
                continue
            if previous is None:
                if _key(mention.party) == _key(party):
                    previous = mention
                continue
            if not COORDINATION.fullmatch(sentence.text[previous.end : mention.start]):
                break
            if all(_key(mention.party) != _key(p) for p in found):
                found.append(mention.party)
            previous = mention
        return found

    def _lede_attribution(self, sentence, mentions, speaker, stated_on) -> bool:
        """A sentence that names the attacker first and the party saying so last."""
        actor, tail = LEDE_ACTOR.match(sentence.text), REPORTING_TAIL.search(sentence.text)
        if actor is None or tail is None:
            return False
        accused = sorted((m for m in mentions if m.start < actor.end()), key=lambda m: m.party.kind != "threat_group")
        reporters = [m for m in mentions if tail.start("who") <= m.start < tail.end("who")]
        if not accused or not reporters or _key(accused[0].party) == _key(reporters[0].party):
            return False
        self._add_attribution(sentence, reporters[0].party, accused[0].party, speaker, stated_on, actor)
        return True

    def _reported_attacker(self, sentence, mentions, subject, speaker, stated_on) -> bool:
        """ "Germany concluded that Russian hackers had broken in": the subject accuses the named attacker."""
        found = REPORTED_ATTACKER.search(sentence.text)
        if found is None:
            return False
        if re.search(r"\b(?:was|were|been|being|is|are)\s+$", found.group("actor"), re.IGNORECASE):
            return False  # "said the attack was carried out by X": passive, the actor follows "by"
        named = [m for m in mentions if found.start("actor") <= m.start < found.end("actor")]
        # "a Chinese group it calls RedEcho": the group; else the actor nearest the act ("said Washington had
        # concluded that Iran conducted the attack": Iran)
        named.sort(key=lambda m: (m.party.kind != "threat_group", -m.start))
        someone_before = speaker is not None or any(m.start < found.start() for m in mentions)
        if not named or _key(named[0].party) == _key(subject) or not someone_before:
            return False
        for accuser in self._co_subjects(sentence, mentions, found.start(), subject):
            if _key(accuser) != _key(named[0].party):
                self._add_attribution(sentence, accuser, named[0].party, speaker, stated_on, found)
        return True

    @staticmethod
    def _relative_clause_party(sentence, mentions, at: int) -> PartyRef | None:
        """ "…at Russia, which has rejected the accusations": the party the relative clause is about."""
        for mention in reversed([m for m in mentions if m.end <= at]):
            if re.match(r",\s+(?:which|who)\b[^,;]*$", sentence.text[mention.end : at]):
                return mention.party
        return None

    def _accused(self, sentence, mentions, cue, subject) -> PartyRef | None:
        """Who the blaming words point at, by the shape of the phrase."""
        word = cue.group().lower().split()[0]
        at = cue.end()
        closing = BRACKETING.get(word)
        if closing:
            end = re.search(closing, sentence.text[at : at + 120], re.IGNORECASE)
            if end is None and word.startswith("hold"):
                return None  # "held talks", "hold a meeting"
            if end is not None:
                between = self._target_after(
                    sentence, [m for m in mentions if m.start < at + end.start()], at, exclude=subject
                )
                if between is not None:
                    return between
                at += end.end()
        elif word.startswith("attribut"):
            to = re.search(r"\bto\b", sentence.text[at:])
            at = at + to.end() if to else at
        return self._target_after(sentence, mentions, at, exclude=subject)

    def _co_subjects(self, sentence: Sentence, mentions: list[Mention], at: int, subject: PartyRef) -> list[PartyRef]:
        """The subject and the actors coordinated with it at the head of the clause: "London and
        Washington blamed Russia" has two accusers; "expelled Russian diplomats" adds none."""
        clause_start = max((m.end() for m in re.finditer(r";|\bwhile\b|\bbut\b", sentence.text[:at])), default=0)
        heads = [
            m
            for m in mentions
            if clause_start <= m.start < at
            and not self._governed(sentence, m.start)
            and not self._modifies_named_org(sentence, m, mentions)
        ]
        found = {_key(subject): subject}
        if not heads:
            return [subject]
        span_end = heads[0].start
        for mention in heads:
            gap = sentence.text[span_end : mention.start]
            if mention is not heads[0] and not SUBJECT_LINK.fullmatch(gap):
                break
            found.setdefault(_key(mention.party), mention.party)
            span_end = mention.end
        return list(found.values())

    def _add_attribution(self, sentence, subject, accused, speaker, stated_on, cue) -> None:
        if ("attribution", _key(accused), _key(subject)) in self.seen:
            self._reaction(sentence, subject, "counter_accusation", speaker, stated_on, cue)
            return  # "Geng said the United States had itself carried out intrusions": an answer, not a claim
        key = ("attribution", _key(subject), _key(accused))
        if key in self.seen:
            self._complete(key, speaker, sentence)
            return
        self.seen.add(key)
        self.accused.add(_key(accused))
        self.last_accused = accused
        start, end = self._quote_span(sentence, cue.start())
        self.claims[key] = len(self.result.attributions)
        self.result.attributions.append(
            {
                "made_by": subject.as_dict(),
                "attributed_to": accused.as_dict(),
                "speaker": speaker.name if speaker else None,
                "stated_on": _iso(stated_on),
                "basis": "investigation" if re.search(r"\binvestigat", sentence.text, re.I) else None,
                "quote": self.text[start:end],
                "quote_start": start,
                "quote_end": end,
            }
        )

    def _complete(self, key: tuple, speaker, sentence: Sentence) -> None:
        """A claim stated again: keep the first quote, take the speaker and basis it lacked."""
        claim = self.result.attributions[self.claims[key]]
        if claim["speaker"] is None and speaker is not None:
            claim["speaker"] = speaker.name
        if claim["basis"] is None and re.search(r"\binvestigat", sentence.text, re.I):
            claim["basis"] = "investigation"

    def _reaction(self, sentence, party, stance, speaker, stated_on, match) -> None:
        key = ("reaction", _key(party), stance)
        if key in self.seen:
            return
        self.seen.add(key)
        start, end = self._quote_span(sentence, match.start())
        self.result.reactions.append(
            {
                "party": party.as_dict(),
                "stance": stance,
                "speaker": speaker.name if speaker else None,
                "stated_on": _iso(stated_on),
                "quote": self.text[start:end],
                "quote_start": start,
                "quote_end": end,
            }
        )

    def _consequence(self, sentence, mentions, subject, speaker, stated_on, kind, match) -> None:
        agent = (
            self._agent_before(sentence, mentions, match.start())
            or self._adjacent_agent(sentence, mentions, match.start())
            or subject
        )
        if agent is None:
            return
        clause_end = CLAUSE_END.search(sentence.text, match.end())
        in_clause = [m for m in mentions if clause_end is None or m.start < clause_end.start()]
        about_incident = kind == "condemnation" and ABOUT_THE_INCIDENT.match(text_after(match))
        target = None
        if about_incident and not re.match(r"\s+(?:\w+\s+){0,4}?(?:by|from)\s", text_after(match)):
            target = self.last_accused if self.last_accused and _key(self.last_accused) != _key(agent) else None
        if target is None:
            target = self._target_after(sentence, in_clause, match.start(), exclude=agent)
        if target is None and kind in ("summoned_ambassador", "recalled_ambassador", "expelled_diplomats"):
            target = self._envoy_state(sentence, mentions, match, agent)
        implied = kind in IMPLIED_TARGET and (kind != "condemnation" or about_incident)
        if target is None and implied and self.last_accused and _key(self.last_accused) != _key(agent):
            target = self.last_accused
        if target is None:
            return
        agents = [agent] if agent is not subject else self._co_subjects(sentence, mentions, match.start(), agent)
        for initiator in agents:
            if _key(initiator) != _key(target):
                self._add_consequence(sentence, initiator, target, kind, stated_on, match)
        if kind in LEGAL_OR_ECONOMIC and self.cyber_report:
            self._attribution(sentence, mentions, agent, speaker, stated_on, match)

    def _add_consequence(self, sentence, agent, target, kind, stated_on, match) -> None:
        key = ("consequence", _key(agent), _key(target), kind)
        if key in self.seen:
            return
        self.seen.add(key)
        start, end = self._quote_span(sentence, match.start())
        self.result.consequences.append(
            {
                "initiated_by": agent.as_dict(),
                "target": target.as_dict(),
                "kind": kind,
                "announced_on": _iso(stated_on),
                "quote": self.text[start:end],
                "quote_start": start,
                "quote_end": end,
            }
        )

    @staticmethod
    def _envoy_state(sentence, mentions, match, agent) -> PartyRef | None:
        """ "Russia's ambassador had been summoned": the state named just before the envoy."""
        for mention in reversed([m for m in mentions if m.end <= match.start() + 1]):
            if ENVOY_BEFORE.match(sentence.text[mention.end : match.end()]) and _key(mention.party) != _key(agent):
                return mention.party
        return None

    def _adjacent_agent(self, sentence: Sentence, mentions: list[Mention], at: int) -> PartyRef | None:
        """The actor standing right before the verb ("hours after Washington charged five officers"):
        the verb's own subject, whatever the sentence's main subject is."""
        before = [m for m in mentions if m.end <= at and m.role != "person"]
        if not before:
            return None
        last = before[-1]
        if not ADJACENT_AGENT_GAP.fullmatch(sentence.text[last.end : at]) or self._governed(sentence, last.start):
            return None
        if sentence.text[last.end : last.end + 2] in ("'s", "’s"):
            return None
        if len(before) > 1 and COORDINATION.fullmatch(sentence.text[before[-2].end : last.start]):
            return None  # "The United States and Britain imposed…": the coordinated subject acts together
        return last.party

    def _agent_before(self, sentence: Sentence, mentions: list[Mention], at: int) -> PartyRef | None:
        """The agent named just before a measure: "a decision by Albania to sever ties"."""
        window = sentence.text[max(0, at - 40) : at]
        agent = re.search(r"\bby\s+(?:the\s+)?$|\bby\s+\S+(?:\s+\S+)?\s+to\s+$", window)
        if agent is None:
            return None
        before = [m for m in mentions if m.end <= at and m.start >= at - 40]
        return before[-1].party if before else None

    def _target_after(self, sentence, mentions, at: int, *, exclude: PartyRef | None) -> PartyRef | None:
        """The first party named after `at` that is not the actor, nor the victim ("against Albania")."""
        for mention in mentions:
            if mention.start < at:
                continue
            party = mention.party
            if exclude is not None and _key(party) == _key(exclude):
                continue
            if mention.role == "demonym" and any(
                m.role == "person" and 0 < m.start - mention.end <= 25 for m in mentions
            ):
                continue  # "a Russian citizen, Aleksandr Ermakov": the person is meant
            if NAMES_INCIDENT.match(sentence.text[mention.end :]) or VICTIM_NOUN.match(sentence.text[mention.end :]):
                continue  # "the SolarWinds hack", "Twitter accounts": the incident or the victim, not a party
            before = sentence.text[max(0, mention.start - 30) : mention.start]
            if VICTIM_PREPOSITION.search(before) and not BLAMED_ON.search(before):
                continue
            return party
        return None

    def _quote_span(self, sentence: Sentence, at: int) -> tuple[int, int]:
        """The clause around the cue, cut at the nearest clause break before it."""
        breaks = [m.end() for m in re.finditer(r"[,;:]\s+(?=[a-z“\"]|\w+ed\b)", sentence.text[:at])]
        start = breaks[-1] if breaks and at - breaks[-1] > 15 else 0
        return sentence.start + start, sentence.end

    def _stated_on(self, sentence: Sentence) -> dt.date | None:
        """A weekday or date in the sentence when it is close to publication, else the publication date."""
        for found in find_dates(sentence.text, self.published):
            if self.published and found.precision == "day" and 0 <= (self.published - found.value).days <= 7:
                return found.value
        return self.published

    # --- the incident --------------------------------------------------------------------------------
    def _incident(self, sentence: Sentence, mentions: list[Mention]) -> None:
        if not re.search(
            r"\b(?:cyber-?attack|cyber operation|hack|breach|ransomware attack|attack)\w*\b", sentence.text, re.I
        ):
            return
        dates = [d for d in find_dates(sentence.text, self.published) if d.precision in ("day", "month")]
        dates = [d for d in dates if self.published is None or d.value < self.published - dt.timedelta(days=3)]
        if not dates:
            return
        best = min(dates, key=lambda d: (d.precision != "day",))
        victims = sorted(
            {
                m.party.country
                for m in mentions
                if m.role in ("demonym", "state", "metonym", "body")
                and m.party.country
                and self._victim_like(sentence, m)
            }
        )
        types = [kind for kind, cue in TYPE_CUES.items() if re.search(rf"\b(?:{cue})", self.text, re.I)]
        incident = {
            "title": _incident_title(victims, best.value, best.precision),
            "occurred_on": best.value.isoformat(),
            "date_precision": best.precision,
            "victim_countries": victims,
            "types": types or ["other"],
        }
        existing = self.result.incidents[0] if self.result.incidents else None
        if existing is None:
            self.result.incidents.append(incident)
        elif existing["date_precision"] != "day" and best.precision == "day":
            incident["victim_countries"] = sorted(set(existing["victim_countries"]) | set(victims))
            self.result.incidents[0] = incident

    @staticmethod
    def _victim_like(sentence: Sentence, mention: Mention) -> bool:
        after = sentence.text[mention.end : mention.end + 40].lower()
        before = sentence.text[max(0, mention.start - 16) : mention.start].lower()
        return bool(
            re.match(
                r"\s*(?:government|state|public|ministr|websites|institutions|systems|services|"
                r"networks|infrastructure|agencies)",
                after,
            )
        ) or bool(re.search(r"(?:against|targeting|on|in)\s+(?:the\s+)?$", before))


def _quoted_spans(text: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of `text` inside quotation marks (a quotation may have opened in an earlier sentence) and
    whether one is still open at the end. Curly quotes say which side they are; straight ones alternate."""
    spans, start = [], 0 if open_at_start else None
    for match in re.finditer(r'["“”]', text):
        mark = match.group()
        if start is None and mark != "”":
            start = match.start()
        elif start is not None and mark != "“":
            spans.append((start, match.end()))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    # A short quoted phrase ("baseless", "rampant Russophobia") is the sentence's own words.
    spans = [(a, b) for a, b in spans if b - a > 40 or (a == 0 and b < len(text))]
    return spans, start is not None


def _key(party: PartyRef) -> tuple:
    """States and their bodies are one actor for de-duplication; others by name."""
    if party.country and party.kind in ("state", "government_body"):
        return ("country", party.country)
    return ("name", party.name.lower())


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _incident_title(victims: list[str], when: dt.date, precision: str) -> str:
    from attribution.countries import country_name
    from attribution.dates import format_date

    whom = " and ".join(country_name(code) for code in victims) or "unknown victims"
    return f"Cyberattack on {whom} ({format_date(when, precision)})"
