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
- a report introduces its own names before it uses them: people it accuses ("Guan Tianfeng, 30, is accused
  in an indictment"), companies by legal name, the state a group works for ("North Korean hacking group
  Kimsuky", "APT31, which is associated with the Ministry of State Security") and its dateline's state;
  these are read in a first pass (mentions.learn_*), so an accusation of the group accuses its state too.
- a person the report accuses stands for the group or state it says they work for ("charging A with deploying
  LockBit", "at the direction of China's MSS", "members of the PLA"); the person is the accused only when the
  report ties them to neither (mentions.learn_affiliations); measures are taken by states, bodies and
  organisations, never by the people they concern; a measure negated ("does not extradite") or spoken of ("the
  indictment proved…") is not taken;
- those who sign, co-seal, publish or join a document the report is about make its claim (claims._co_signers,
  claims._endorsement); partners of a joint act act too ("a joint advisory with the FBI", "together with
  counterparts in Britain, Canada and Australia", "an advisory by the FBI and agencies from…"); an advisory warns of
  the actor its content names;
- a charge names the people it is brought against ("an indictment … accuses A, 34, and B, 33, of…"): each is a
  target, and so is the state or group the report ties them to; a legal document as subject speaks for the
  government that brought it;
- a denial answers an accusation: refusals ("denied bail"), denials of what happened ("denied that customer data
  had been stolen", "denied paying a ransom") and a party cleared by someone else ("Biden said the Russian
  government was not behind it") are none; negated acts ("had not breached", "was not behind") blame no one;
- references are not acts: "On the same day" after a background sentence, "since the indictment was unsealed",
  "weeks after Britain expelled…", "a campaign by another group", servers in a country, partners of an
  operation ("coordinated by Europol") and news organisations reporting a claim.

The rules live in: cues.py, measure_cues.py and name_cues.py (the phrase shapes of claims and denials, of
measures, and of names), mentions.py (parties and speakers), claims.py (who blames whom), measures.py
(consequences), and this module (the pass over sentences, subjects, denials, background). learned.py reads
their output a second time (drops doubtful claims and measures, links parties the rules left apart).
"""

import datetime as dt
import gc
import re
from dataclasses import dataclass, field

from attribution.extraction import learned
from attribution.extraction.claims import ClaimsMixin
from attribution.extraction.cues import (
    ABOUT_A_CLAIM,
    ACCORDING_TO,
    ACCUSED_OF_REPEATED,
    ACKNOWLEDGE,
    ACTOR_RELATIVE,
    AGENCIES_OF_PLACE,
    ANAPHOR_KINDS,
    ANAPHORIC_SUBJECT,
    ARMS_TRADE,
    ATTRIBUTION_CUES,
    BACKGROUND,
    BODY_VIEW_VERB,
    CALLED_SO,
    CHARGE_DENIED_BY,
    CITED_SPEAKER,
    CLIENT_COUNSEL,
    COMMENTARY,
    COMPANY_NOUN,
    COUNTER,
    CYBER,
    DATED_DOCUMENT,
    DENIAL,
    DENIAL_OF_INCIDENT,
    DENIAL_OWNER,
    DENIED_ARMING,
    DENIED_BY,
    DENIED_CLAUSE,
    DISCLAIMER,
    DOCUMENT_PLACE,
    DOCUMENT_SUBJECT,
    EARLIER_DENIAL,
    EARLIER_YEAR,
    EVIDENCE_WITHHELD,
    FIRM_AFTER_DEMONYM,
    GROUP_ANAPHOR,
    GROUP_NUMBERS,
    HEDGE,
    HEDGE_OF_WHAT_WAS_SAID,
    HEDGED_CLAUSE,
    IN_PAST_YEAR,
    IN_PREPOSITIONAL_PHRASE,
    INCIDENT_SUBJECT,
    INVOLVEMENT,
    IT_SUBJECT,
    JUDGING_WORDS,
    LEADING_TIME,
    LEAKED_MATERIAL,
    MODIFIES_INCIDENT,
    NAME_SUBJECT,
    NOT_AN_ACTOR_BEFORE,
    OFFICER_AT_BODY,
    ONE_THING_JUDGED,
    OPEN_RELATIVE,
    OPENING_TIME_CLAUSE,
    ORG_APPOSITION,
    OTHER_OFFENCES,
    OWN_INVOLVEMENT,
    OWN_SUBJECT_CLAUSE,
    PARENTHETICAL_SAYER,
    PAST_PERFECT,
    PEOPLE_IN_PLACE,
    PERSON_DENIED,
    PREPOSITIONS_BEFORE_TARGET,
    PRESENT_OR_QUOTED,
    PRONOUN_SUBJECT,
    QUOTE_THEN_ANAPHOR,
    QUOTE_THEN_PRONOUN,
    REFUSAL_OBJECT,
    REFUTED_REPORT,
    RELATIVE_DENIER,
    RELATIVE_THEN_MAIN,
    REPORTED_BODY_VIEW,
    REPORTED_DEED_BEFORE,
    REPORTING_DOCUMENT,
    SAME_TIME,
    SAME_YEAR,
    SECOND_SPEAKER,
    SHELTERS,
    SOURCE_REFERENCE,
    SPEAKER_BEFORE_SOURCE,
    SPECULATION_OF_WHAT_WAS_SAID,
    STATE_KINDS,
    SUBJECT_AT_END,
    TAIL_ANAPHOR,
    THEY_SAID,
    THIRD_PARTY,
    TYPE_CUES,
    UNNAMED_COMPANY,
    UNNAMED_NATIONAL_SUBJECT,
    UNNAMED_OFFICIAL,
    UNNAMED_SPOKESMAN,
    UNRESOLVED_BODY_SUBJECT,
    VICTIM_OF_RELATIVE,
    WAR_REASON,
    habitual_denial,
    habitual_denial_at,
)
from attribution.extraction.gazetteer import NOT_NAMES, Entry, PartyRef, body_patterns, build_matcher, city_states
from attribution.extraction.measure_cues import (
    ACCUSED_PEOPLE_NOUN,
    CITED_DOCUMENT_BEFORE,
    CONSEQUENCE_CUES,
    CUE_OF_KIND,
    CUE_WORDS,
    DESIGNATION,
    DOCUMENT_VERB,
    LEADING_DOCUMENT,
    LEGAL_ACT_ON_PEOPLE,
    LEGAL_PEOPLE_NOUN,
    LISTED_CONTINUATION,
    MATCHING_MEASURES,
    MEASURE_AS_SUBJECT,
    MEASURE_NOW_FOR,
    MEASURE_REASON,
    MEASURE_REASON_BEFORE,
    MEASURE_REFERENCE,
    MEASURE_TO_COME,
    NAMED_COUNTED,
    NEGATED_MEASURE,
    PEOPLE_MEASURES,
    PERSON_OF_STATE,
    REQUESTED_MEASURE_BEFORE,
    SANCTIONS_CONTEXT,
    SANCTIONS_REGIME,
)
from attribution.extraction.measures import MeasuresMixin, UnnamedMeasure
from attribution.extraction.mentions import Mention, MentionsMixin, Speaker, consequence_key
from attribution.extraction.mentions import iso as _iso
from attribution.extraction.mentions import party_key as _key
from attribution.extraction.name_cues import (
    DATELINE,
    LISTING,
    NOT_PERSON_WORDS,
)
from attribution.extraction.prefilter import absent, lowered, prefiltered
from attribution.extraction.text import MONTHS, Sentence, find_dates, quoted_spans, sentences

# A speaker's verb and the time it was said ("Mandiant said in November", "the agency wrote on March 3"; not "the
# hack disclosed in December", "which the company reported in January": what was told of the deed, not who says so).
SAID_ON = re.compile(r"\b(?:said|wrote|stated)\s+(?:in|on)\s+")
# "rejected what he called \"groundless speculation\"", "dismissed the speculation": speculation that is denied.
SPECULATION_DENIED = re.compile(
    r"\b(?:reject\w*|dismiss\w*|den(?:y|ied|ies)|refut\w*)\s+(?:what\s+(?:it|he|she|they)\s+(?:called|described\s+as)\s+)?"
    r"(?:(?:the|such|any|all)\s+)?[\"“]?(?:(?:groundless|baseless|unfounded|wild|malicious|irresponsible)\s+)?speculat\w+|"
    r"\b(?:groundless|baseless|unfounded)\s+speculat\w+",
    re.IGNORECASE,
)

# "this week", "this month": the news's own time where no date says it (find_dates reads "on Tuesday", "today").
THIS_PERIOD = re.compile(r"\bthis\s+(?:week|month)\b")

# "The United States in April formally blamed…": a subject, a date and the verb of a claim or a measure.
DATED_SUBJECT_BEFORE = re.compile(r"^\W*(?:the\s+)?(?-i:[A-Z])[^,;]{0,60}?\s(?:in|on)\s+$", re.IGNORECASE)
ACT_AFTER_DATE = re.compile(
    r",?\s+(?:\w+ly\s+)?(?:blamed|accused|attributed|linked|sanctioned|charged|indicted|expelled|imposed|announced|"
    r"said|named|designated)\b",
    re.IGNORECASE,
)
# "Google said last year that attacks originating in China…": a statement of a year before the news.
SAID_LAST_YEAR = re.compile(r"\b(?:said|wrote|stated)\s+last\s+year\b(?!['’])")
RELATIVE_BEFORE_VERB = re.compile(r"\b(?:which|that|who|whom|whose)\b[^,;]*$")
# A relative clause still open before a background word ("…, which it said had previously hit…"): the word tells what
# the party the clause describes did before, not when the sentence's news happened.
# ("…, a group that other researchers have previously linked to Iran")
RELATIVE_DESCRIBES = re.compile(
    r",\s+(?:(?:an?|the)\s+(?:(?-i:[a-z][\w-]*)\s+){0,3}?(?<!said\s)(?<!says\s)(?<!told\s)(?<!added\s)(?<!stated\s)"
    r"(?:that|which|who|whom)|which|who|whose)\b[^,;]*$"
)
DESCRIBING_PAST = re.compile(r"(?i:previously|in the past|has long|had long|historically|on many occasions)")


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


def extract_report(
    text: str, *, published: dt.date | None = None, extra_parties: list[Entry] = (), second_reading: bool = True
) -> ExtractionResult:
    """Draft incidents, claims, reactions and consequences stated in `text` (no database access); with
    `second_reading` off, the rules' output alone (learned.py).

    The cyclic garbage collector waits while a report is read: the reading makes many short-lived objects (matches,
    mentions, features), freed as they go out of use, and no cycles worth a collection in the middle of a report;
    left on, its passes over every object of the process took about a twentieth of the time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Extractor(text, published, extra_parties).run(second_reading=second_reading)
    finally:
        if collecting:
            gc.enable()


# "past operations attributed to…": blaming words that describe deeds, not someone's claim.
DESCRIBED_DEEDS_BEFORE = re.compile(
    r"\b(?:operations|attacks|campaigns|activity|activities|hacks|intrusions|breaches|incidents)\s+$", re.IGNORECASE
)

# "'s ", "'s biggest telecoms operator ": between a state and a company or outlet of it.
OWNED_ORG_GAP = re.compile(
    r"['’]s\s+(?:(?:[a-z][\w-]*\s+){0,4}(?:operator|company|firm|carrier|giant|lender|bank|provider|maker|"
    r"manufacturer|broadcaster|newspaper|daily|outlet|utility|conglomerate|airline|insurer|retailer|vendor|"
    r"contractor|exchange|platform|producer|supplier)\s+)?"
)

# "that attack", "those intrusions": the event of the sentence before.
THAT_EVENT = re.compile(
    r"\b(?:that|those)\s+(?:earlier\s+|previous\s+)?(?:cyber\s*)?(?:attacks?|hacks?|breach(?:es)?|intrusions?|"
    r"campaigns?|operations?|incidents?|thefts?|heists?)\b",
    re.IGNORECASE,
)

# "the February 2016 theft", "the 2014 hack of Sony": a deed named by its year.
YEAR_OF_DEED = re.compile(
    r"\b((?:19|20)\d\d)\s+(?:[\w$-]+\s+){0,2}?(?:cyber\s*)?(?:attacks?|hacks?|breach(?:es)?|intrusions?|campaigns?|"
    r"thefts?|heists?|cyberattacks?|cyber-attacks?)\b",
    re.IGNORECASE,
)

# "…, noting that Seoul blamed Pyongyang for": a claim a reported clause tells, up to the deed it is about.
BLAME_TOLD_BEFORE = re.compile(
    r"\b(?:noting|recalling|pointing\s+out)\s+that\s+[^;,]{0,60}?\b(?:blamed|accused|attributed)\b[^;,]{0,60}$",
    re.IGNORECASE,
)

# The incident types (TYPE_CUES), each as a pattern read over the whole report.
TYPE_PATTERNS = {kind: prefiltered(re.compile(rf"\b(?:{cue})", re.IGNORECASE)) for kind, cue in TYPE_CUES.items()}

# The words that end a group's fuller name ("the Lazarus Group", "Winnti Umbrella").
GROUP_NAME_ENDINGS = ("Group", "group", "Team", "team", "Umbrella", "Gang", "gang", "Collective", "Crew")
CAPITALISED_ENDINGS = "|".join(word for word in GROUP_NAME_ENDINGS if word[0].isupper())
# The words that end a company's fuller name ("Kaspersky Lab").
COMPANY_NAME_ENDINGS = ("Lab", "Labs")


class _Extractor(MentionsMixin, ClaimsMixin, MeasuresMixin):
    def __init__(self, text: str, published: dt.date | None, extra: list[Entry]):
        self.text, self.published = text, published
        self.matcher, self.entries = build_matcher(tuple(extra))
        self.bodies = body_patterns()
        self.bodies_in: dict[str, list[re.Pattern]] = {}  # sentence -> the body patterns to run on it (_bodies_in)
        self.speakers: dict[str, Speaker] = {}  # by surname and full name
        self.persons: dict[str, PartyRef] = {}  # accused people ("a Russian citizen, Aleksandr Ermakov"), by surname
        self.britain_named: bool | None = None  # whether the report names Britain (_speaks_of_britain)
        self.persons_sharing: dict[str, list[PartyRef]] = {}  # a word of several people's names -> each of them
        self.first_company: PartyRef | None = None  # the first company the report names ("Mandiant")
        self.local_names: dict[str, PartyRef] = {}  # organisations this report names ("Sichuan Silence")
        self.named_by_kind: dict[str, PartyRef] = {}  # companies and groups named by their kind ("firm Fox-IT")
        self.dateline_state: PartyRef | None = None  # the state of the report's dateline ("CARACAS - …")
        self.persons_named = 0  # how many accused people the report names
        self.affiliations: dict[str, PartyRef] = {}  # accused person (lowercase name) -> the group they work in
        self.acronyms: dict[str, PartyRef] = {}  # initials of bodies the report names in full ("NPA")
        self.directing_state: PartyRef | None = None  # the state said to direct those accused ("at the direction of")
        self.sponsors: dict[tuple, PartyRef] = {}  # threat group -> the state the report ties it to
        self.last_accused_state: PartyRef | None = None  # the state last blamed, directly or through its group
        self.last_speaker: Speaker | None = None
        self.last_subject: PartyRef | None = None
        self.last_state: PartyRef | None = None  # the last state that was a sentence's subject
        self.last_state_named: PartyRef | None = None  # the last state named anywhere in the sentences before
        self.subject_inherited = False  # this sentence's subject was carried over, not named in it
        self.subjects: list[PartyRef] = []  # every sentence's subject so far, for anaphors by kind
        self.found_dates: dict[str, list] = {}
        self.found_cues: dict[str, list] = {}
        self.named_otherwise: dict[str, bool] = {}  # a name read as a person's -> whether it is not (learn_names)
        self.found_words: dict[str, frozenset[str]] = {}  # text -> the measure kinds whose words it holds (_worded)
        self.scanned: dict[tuple, list] = {}  # (pattern, sentence) -> its matches (_scan)
        self.read_until: int | None = None  # where the news of the sentence being read ends (_background)
        self.legal_at: dict[int, bool] = {}  # sentence start -> whether it speaks of a legal act (learn_names)
        self.speaking: dict[str, bool] = {}  # surname -> whether the report quotes the person (_speaks)
        self.titled_names: set[str] = set()  # surnames of the people the report names with an office
        self.states_named: list[PartyRef] = []  # every state or state body named so far, in order
        self.named_words: list[tuple] = []  # (sentence start, the words, party) of every mention, in order
        self.result = ExtractionResult()
        # Legal and economic acts state a claim when the report as a whole is about a cyber operation.
        self.cyber_report = bool(CYBER.search(text))
        # "It designated Rana and APT39 as…" in a report about sanctions: a designation is a sanction
        self.sanctions_report = bool(re.search(r"\bsanction", text, re.IGNORECASE))
        self.seen: set[tuple] = set()
        self.previous_text, self.previous_start, self.previous_end = "", -1, 0  # the sentence before, where it is
        self.claim_sentences: dict[tuple, list[Sentence]] = {}  # claim key -> every sentence that made it
        self.people_states: set[tuple] = set()  # measures against a state that stood for people ("four Iranian men")
        self.accused: set[tuple] = set()
        self.accusers: set[tuple] = set()  # keys of the parties that made a claim so far
        self.claims: dict[tuple, int] = {}  # claim key -> its index in result.attributions
        self.last_accused: PartyRef | None = None
        self.last_target: PartyRef | None = None  # the party the last measure was taken against
        self.people_targeted: list[PartyRef] = []  # the people the last measure against people was taken against
        self.people_targeted_in = -1  # (the start of its sentence)
        self.last_sentencing: tuple[PartyRef, int] | None = None  # who last sentenced a person, in which sentence
        self.last_measure: tuple[list[PartyRef], str] | None = None  # who took the last measure, and its kind
        self.last_measure_end = 0  # where the words of the last measure end in the text
        self.unnamed_measure: UnnamedMeasure | None = None  # people a measure described, not yet named
        self.types: list[str] | None = None  # the incident types the report names
        self.background = False  # the last sentence was background
        self.accusers_by_sentence: dict[int, list[PartyRef]] = {}  # sentence start -> the parties blaming in it
        self.group_subject: list[PartyRef] = []  # "the two countries": the accusers they stand for
        self.commentary = False  # the last sentence was commentary ("Analysts said…"); "They added…" goes on
        self.subject_named_before = False  # this sentence's subject is "it" / "the company" of an earlier one
        # every sentence with its parties, its subject (None when it has none) and whether it is read for statements
        # (not background, not commentary), in order
        self.sentence_mentions: list[tuple[Sentence, list[Mention], PartyRef | None, bool]] = []

    # --- mentions and speakers -------------------------------------------------------------------
    def run(self, second_reading: bool = True) -> ExtractionResult:
        in_quote = False
        # The rules read straight apostrophes and plain spaces; the same-length copy keeps every offset, and quotes
        # are cut from the text as given.
        parts = sentences(self.text.replace("’", "'").replace("\u00a0", " "))
        self.learn_dateline(parts)
        parts = [_after_dateline(sentence) if index < 3 else sentence for index, sentence in enumerate(parts)]
        self.learn_names(parts)
        self.learn_sponsors(parts)
        self.persons_named = len(set(self.persons.values()))
        self.learn_affiliations(parts)
        # a quotation's opening sentence whose speaker is named only after the quotation ends, in the next sentence
        # ('"We condemn these attacks. Breaking into government websites is not the way…," presidential spokesman
        # Edwin Lacierda told reporters.'): read once that speaker is known
        unattributed: tuple[Sentence, list[Mention]] | None = None
        for sentence in parts:
            mentions = self.mentions(sentence)
            speakers = self.speakers_in(sentence, mentions)
            opened = in_quote
            quoted, in_quote = quoted_spans(sentence.text, in_quote)
            self.subject_named_before = False  # set when the subject is "it" / "the company" of before
            self.group_subject = self._group_subject(sentence)
            subject, speaker = self._subject(sentence, mentions, speakers, quoted)
            if self.group_subject:
                subject, speaker = self.group_subject[0], None
            self._incident(sentence, mentions)
            commentary = self._first(COMMENTARY, sentence.text) is not None or (
                self.commentary and re.match(r"^\W*(?:they|others)\b", sentence.text, re.IGNORECASE) is not None
            )
            self.commentary = commentary
            # "In November 2018, prosecutors charged… On the same day, the Treasury…": a time told by reference to
            # the sentence before is that sentence's time, background or not
            self.read_until = None  # set by _background: the news ends where a clause of the past begins
            self.read_from = None  # set by _background: the news begins where a clause of the past ends
            background = (
                self._background(sentence)
                or (self.background and (SAME_TIME.match(sentence.text) is not None or self._goes_on(sentence)))
                # "…which US and British authorities accused in 2018 of a campaign. The same year, US prosecutors
                # charged…": the year the sentence before named
                or (SAME_YEAR.search(sentence.text) is not None and self._past_year_in(self.previous_text))
                or self._earlier_deed_named_before(sentence)
            )
            self.background = background
            if self.unnamed_measure is not None:
                self._named_later(sentence)
            if self.unnamed_measure is not None:
                left = self.unnamed_measure.sentences_left - 1
                self.unnamed_measure = self.unnamed_measure._replace(sentences_left=left) if left else None
            self.sentence_mentions.append((sentence, mentions, subject, not background and not commentary))
            if not background and not commentary:
                read, read_mentions = sentence, mentions
                if self.read_until is not None:
                    # "…said the campaign was the work of OilRig, a group that other researchers have previously linked
                    # to Iran": the claim of now, without the earlier claim its relative clause tells
                    cut = self.read_until
                    read = Sentence(sentence.start, sentence.start + cut, sentence.text[:cut])
                    read_mentions = [m for m in mentions if m.end <= cut]
                if self.read_from is not None:
                    # "…had expelled four Russian officers at the time, while Britain's National Cyber Security
                    # Centre blamed the GRU for a string of attacks": the clause of now after one of the past
                    cut = self.read_from
                    read = Sentence(read.start + cut, read.end, read.text[cut:])
                    read_mentions = [
                        Mention(m.start - cut, m.end - cut, m.party, m.role) for m in read_mentions if m.start >= cut
                    ]
                self._statements(read, read_mentions, subject, speaker)
                if unattributed is not None and opened and quoted and not in_quote and speaker is not None:
                    self._statements(*unattributed, subject, speaker)
            unattributed = None
            opens_quote = sentence.text.lstrip()[:1] in ('"', "“")
            if subject is None and in_quote and opens_quote and not background and not commentary:
                unattributed = (sentence, mentions)
            named_states = [m.party for m in mentions if m.party.kind == "state"]
            self.states_named += [m.party for m in mentions if m.party.kind in STATE_KINDS and m.party.country]
            self.last_state_named = named_states[-1] if named_states else self.last_state_named
            if subject is not None and not self.subject_inherited:
                self.last_subject = subject
                if subject.kind == "state":
                    self.last_state = subject  # a generic body named later ("the court") is most likely this state's
                self.subjects.append(subject)
            if speaker is not None:
                self.last_speaker = speaker
            self.previous_text, self.previous_start, self.previous_end = sentence.text, sentence.start, sentence.end
        self.tidy()
        if second_reading:
            learned.second_reading(self)
        self._full_group_names()
        return self.result

    def _full_group_names(self) -> None:
        """ "Lazarus" in a report that also says "the Lazarus Group": one group, under the fuller name the report gives
        it (only a word that says what it is: not "Anonymous" for "Anonymous Sudan"); "Kaspersky" in a report that says
        "Kaspersky Lab" is the same company, "Bloomberg" in one that says "Bloomberg News" the same newspaper."""
        named = {
            m.party.name: m.party
            for _, mentions, _, _ in self.sentence_mentions
            for m in mentions
            if m.party.kind in ("threat_group", "company", "media")
        }
        fuller = {
            name: named[f"{name} {word}"]
            for name in named
            for word in (GROUP_NAME_ENDINGS if named[name].kind == "threat_group" else COMPANY_NAME_ENDINGS)
            if f"{name} {word}" in named and named[f"{name} {word}"].kind == named[name].kind
        }
        for name, party in named.items():
            # "Bloomberg News reported…": a news organisation under the fuller name the report gives it
            if party.kind == "media" and (news := re.search(rf"\b{re.escape(name)}\s+News\b", self.text)):
                fuller[name] = PartyRef(re.sub(r"\s+", " ", news.group()), "media", party.country)
            if party.kind != "threat_group" or name in fuller:
                continue
            # ('It was signed "Lapsus$ Group"': a fuller name the report gives, with its capital, though no list has it)
            written = re.search(rf"(?<=[\"“])(?i:{re.escape(name)})\s+(?:{CAPITALISED_ENDINGS})\b", self.text)
            if written:
                fuller[name] = PartyRef(re.sub(r"\s+", " ", written.group()), "threat_group", party.country)
        if not fuller:
            return
        for category, fields, extra in (
            ("attributions", ("made_by", "attributed_to"), None),
            ("reactions", ("party",), "stance"),
            ("consequences", ("initiated_by", "target"), "kind"),
        ):
            kept, seen = [], set()
            for record in getattr(self.result, category):
                for name in fields:
                    kind = record[name]["kind"]
                    party = fuller.get(record[name]["name"]) if kind in ("threat_group", "company", "media") else None
                    party = party if party is None or party.kind == kind else None
                    if party is not None:
                        record[name] = {**party.as_dict(), "country": party.country or record[name]["country"]}
                key = (*(_key(PartyRef(**record[name])) for name in fields), record.get(extra))
                if key not in seen:
                    seen.add(key)
                    kept.append(record)
            setattr(self.result, category, kept)

    def tidy(self) -> None:
        """The rules' last pass over what was found (run again after the learned second reading)."""
        self._drop_states_of_people_named()
        self._drop_claims_on_states_of_people()
        self._drop_claims_disclaimed_next()
        self._drop_denials_of_accusers_only()
        self._drop_unmeasured_claims_on_companies()

    def _drop_unmeasured_claims_on_companies(self) -> None:
        """A state names a company as a culprit when it acts against it (charges, sanctions, a takedown); a company a
        state's claim only mentions is most often a victim, a vendor or a contractor ("…hacked through software made
        by a firm in Florida"), so such claims are dropped."""
        acted_on = {consequence_key(c)[:2] for c in self.result.consequences}
        self.result.attributions = [
            a
            for a in self.result.attributions
            if not (
                a["made_by"]["kind"] in STATE_KINDS
                and a["attributed_to"]["kind"] == "company"
                and (_key(PartyRef(**a["made_by"])), _key(PartyRef(**a["attributed_to"]))) not in acted_on
            )
        ]

    def _drop_denials_of_accusers_only(self) -> None:
        """A party that blames others and that nobody blames denies nothing: "China firmly opposes all forms of cyber
        attacks", said by the state accusing the NSA, rejects no accusation of its own."""
        accusers = {_key(PartyRef(**a["made_by"])) for a in self.result.attributions}
        accused = {_key(PartyRef(**a["attributed_to"])) for a in self.result.attributions}
        accused |= {_key(PartyRef(**c["target"])) for c in self.result.consequences}
        only_accusers = accusers - accused
        self.result.reactions = [
            r
            for r in self.result.reactions
            if not (r["stance"] == "denial" and _key(PartyRef(**r["party"])) in only_accusers)
        ]

    def _person_after_speaker(self, before: int, pronoun: str) -> PartyRef | None:
        """The accused person "he" or "she" stands for when the report named them after its last speaker."""
        word = re.search(r"\b(?:he|she)$", pronoun, re.IGNORECASE)
        person = self._last_person(before, "her" if word and word.group().lower() == "she" else "him") if word else None
        if person is None:
            return None
        spoken = [
            m.start() for m in re.finditer(rf"\b{re.escape(self.last_speaker.name.split()[-1])}\b", self.text[:before])
        ]
        # (named as the subject of a sentence of their own: "Nikulin, 30, was flown out overnight…. He pleaded not
        # guilty", not "Peskov said Moscow would seek access to Nikulin. He denied…")
        opening = SENTENCE_OPENING_NAME.format(surname=re.escape(person.name.split()[-1]))
        named = [m.end() for m in re.finditer(opening, self.text[:before])]
        return person if named and (not spoken or named[-1] > spoken[-1]) else None

    def _drop_states_of_people_named(self) -> None:
        """ "…offering up to $10 million for information on four Iranian men… The notice names them as A, B, C and
        D", "sanctioned a Chinese company and two individuals… Wuhan Xiaoruizhi…": a charge, sanction or reward the
        report takes against people or firms it names is against them, not against the state their nationality first
        stood for."""
        keyed = [(consequence_key(c), c) for c in self.result.consequences]
        named = {(agent, kind) for (agent, _, kind), c in keyed if c["target"]["kind"] in ("person", "company")}
        self.result.consequences = [
            c for key, c in keyed if key not in self.people_states or (key[0], key[2]) not in named
        ]
        # A charge, sanction or reward of a party against a state, when the same party takes the same measure against a
        # group or firm the report names, is framed against it ("imposed its own sanctions on North Korea's Kimsuky
        # hacking group"): keys name the state only when the measure is taken against the state itself.
        keyed = [(consequence_key(c), c) for c in self.result.consequences]
        # (not when the others are people only: "added A, B and C, all officers of GRU unit 29155, to its sanctions
        # list" is against them and the state they serve, as the studied keys have it)
        named = {(agent, kind) for (agent, _, kind), c in keyed if c["target"]["kind"] in ("threat_group", "company")}
        self.result.consequences = [
            c
            for key, c in keyed
            if not (
                key[2] in PEOPLE_MEASURES
                and c["target"]["kind"] == "state"
                and c["target"]["country"]
                and (key[0], key[2]) in named
            )
        ]

    def _drop_claims_disclaimed_next(self) -> None:
        """ "The attacks came from India, Bangladesh and China," Atamaint said. She stressed that the council was "not
        accusing any government or any country"': a claim on a state told only in the sentence before a disclaimer (or
        in the disclaimer's own sentence) is taken back, when the disclaimer is the accuser's own (its subject, or no
        subject named); so is any claim told only in the sentence before one that calls it speculation ('"…the obvious
        suspects would be Russian services. At this stage it is speculation"')."""
        disclaimed: dict[int, tuple | None] = {}  # sentence start -> the key of who disclaims (None: unnamed)
        speculated: set[int] = set()
        previous = None
        for sentence, _, subject, _ in self.sentence_mentions:
            if DISCLAIMER.search(sentence.text):
                who = _key(subject) if subject is not None else None
                disclaimed[sentence.start] = who
                if previous is not None:
                    disclaimed.setdefault(previous.start, who)
            if previous is not None and SPECULATION_OF_WHAT_WAS_SAID.match(sentence.text):
                speculated.add(previous.start)
            previous = sentence
        if not disclaimed and not speculated:
            return
        kept = []
        for claim in self.result.attributions:
            accuser = _key(PartyRef(**claim["made_by"]))
            key = ("attribution", accuser, _key(PartyRef(**claim["attributed_to"])))
            made_in = {s.start for s in self.claim_sentences.get(key, [])}
            taken_back = claim["attributed_to"]["kind"] == "state" and all(
                start in disclaimed and disclaimed[start] in (None, accuser) for start in made_in
            )
            if made_in and (made_in <= speculated or taken_back):
                continue
            kept.append(claim)
        self.result.attributions = kept

    def _drop_claims_on_states_of_people(self) -> None:
        """A claim whose accused state the claim's sentences name only as the nationality of people is against the
        people, not their state, when each sentence tells of a legal act against them or calls them defendants or
        suspects ("…charged two Russian nationals with…", "An Iranian man pleaded guilty to…", "The Iranian
        defendants allegedly deployed…"), or when the report names those people ("…targeting a Russian man it says was
        responsible… Aleksandr Ermakov, a 33-year-old Russian national"). A state named otherwise in the claim's
        sentences stays, and so does "said Chinese nationals hacked the Treasury": people unnamed, in no legal act."""
        blamed_people: dict[tuple, list[str]] = {}
        for a in self.result.attributions:
            if a["attributed_to"]["kind"] == "person":
                blamed_people.setdefault(_key(PartyRef(**a["made_by"])), []).append(a["attributed_to"]["name"])
        kept = []
        for claim in self.result.attributions:
            accuser, accused = _key(PartyRef(**claim["made_by"])), _key(PartyRef(**claim["attributed_to"]))
            made_in = self.claim_sentences.get(("attribution", accuser, accused), [])
            of_state = {
                sentence.start: [m for m in self.learned_mentions.get(sentence.start, []) if _key(m.party) == accused]
                for sentence in made_in
            }
            people = claim["attributed_to"]["kind"] == "state" and any(of_state.values())
            people = people and all(
                # ("charged a Moscow man with leading the Qakbot operation": a capital naming where he lives)
                m.role in ("demonym", "metonym") and ACCUSED_PEOPLE_NOUN.match(sentence.text, m.end)
                for sentence in made_in
                for m in of_state[sentence.start]
            )
            legal = people and all(
                LEGAL_ACT_ON_PEOPLE.search(sentence.text)
                or any(LEGAL_PEOPLE_NOUN.match(sentence.text, m.end) for m in of_state[sentence.start])
                for sentence in made_in
            )
            demonyms = {sentence.text[m.start : m.end] for sentence in made_in for m in of_state[sentence.start]}
            # ("said the operation was run by an Egyptian man": one person of the state, not the state; `people` holds
            # the people noun after each demonym)
            one = people and all(
                re.search(r"\b(?:an?|one)\s+$", sentence.text[max(0, m.start - 6) : m.start], re.IGNORECASE)
                for sentence in made_in
                for m in of_state[sentence.start]
            )
            described = any(self._described_as(name, demonyms) for name in blamed_people.get(accuser, []))
            if people and (legal or one or described):
                continue
            kept.append(claim)
        self.result.attributions = kept

    def _described_as(self, name: str, demonyms: set[str]) -> bool:
        """Whether the report gives the person the nationality ("Aleksandr Ermakov, a 33-year-old Russian national",
        "Russian hacker Aleksandr Ermakov")."""
        words = "|".join(re.escape(d) for d in demonyms)
        person = re.escape(name)
        return bool(
            re.search(rf"\b(?:{words})\b[^.;]{{0,40}}?{person}|{person}\b[^.;]{{0,60}}?\b(?:{words})\b", self.text)
        )

    def dates_in(self, text: str) -> list:
        """find_dates of `text`, once per report: several readings ask about the same sentence."""
        if text not in self.found_dates:
            self.found_dates[text] = find_dates(text, self.published)
        return self.found_dates[text]

    def measure_cues_in(self, text: str) -> list[tuple[str, re.Match | None]]:
        """Each measure kind with its first cue in `text` (None when there is none), once per report: the
        background test and the reading of measures both ask. A kind's cue is searched only in a text holding one
        of its words (CUE_WORDS)."""
        if text not in self.found_cues:
            worded = self._worded(text)
            self.found_cues[text] = [
                (kind, pattern.search(text) if kind in worded else None) for kind, pattern in CONSEQUENCE_CUES
            ]
        matching = MATCHING_MEASURES.search(text) if self.last_measure is not None else None
        if matching is not None:
            # "Hours later the United States and Britain announced matching measures": the kind taken last
            return [
                (kind, matching if kind == self.last_measure[1] and cue is None else cue)
                for kind, cue in self.found_cues[text]
            ]
        return self.found_cues[text]

    def measure_kinds_in(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The measure kinds whose words `text` holds (CUE_WORDS), and those whose cue it holds."""
        self.measure_cues_in(text)
        return self._worded(text), frozenset(kind for kind, cue in self.found_cues[text] if cue is not None)

    def _worded(self, text: str) -> frozenset[str]:
        """The measure kinds whose words `text` holds (CUE_WORDS), once per report."""
        if text not in self.found_words:
            holds = text.lower().__contains__
            self.found_words[text] = frozenset(kind for kind, words in CUE_WORDS.items() if any(map(holds, words)))
        return self.found_words[text]

    def _group_subject(self, sentence: Sentence) -> list[PartyRef]:
        """ "The two countries issued a technical alert", "Both governments…": the parties that blamed together
        in the latest sentence where several did."""
        anaphor = GROUP_ANAPHOR.match(sentence.text)
        if not anaphor and THEY_SAID.match(sentence.text):
            # "The United States, Japan and South Korea said… They said the Lazarus Group … were behind…"
            recent = [
                parties
                for start, parties in self.accusers_by_sentence.items()
                if len(parties) > 1 and start >= sentence.start - 600
            ]
            return recent[-1] if recent else []
        if not anaphor:
            return []
        groups = [parties for parties in self.accusers_by_sentence.values() if len(parties) > 1]
        number = GROUP_NUMBERS.index(anaphor.group("number")) + 2 if anaphor.group("number") else 0
        number = 2 if anaphor.group("both") else number
        if number and (not groups or len(groups[-1]) != number):
            # "…published an advisory with Britain's NCSC and South Korea's NIS. The three governments said…": the
            # last states named, as many as the anaphor counts
            named: list[PartyRef] = []
            for party in reversed(self.states_named):
                if all(_key(party) != _key(p) for p in named):
                    named.append(party)
                if len(named) == number:
                    return list(reversed(named))
        return groups[-1] if groups else []

    def _past_year_in(self, text: str) -> bool:
        """Whether `text` names a year before the report's."""
        years = [int(year) for year in re.findall(r"\b((?:19|20)\d\d)\b", text)]
        return self.published is not None and any(year < self.published.year for year in years)

    def _earlier_deed_named_before(self, sentence: Sentence) -> bool:
        """ "…revived memories of the February 2016 theft of $81 million from Bangladesh Bank. U.S. officials have since
        blamed that attack on North Korea's Lazarus group": "that attack" is the deed of an earlier year the sentence
        before named, in the same paragraph, when the sentence names no date of the news."""
        that = THAT_EVENT.search(sentence.text) if "th" in sentence.text else None
        if that is None or self.published is None or "\n" in self.text[self.previous_end : sentence.start]:
            return False
        if any(abs((self.published - d.value).days) <= 10 for d in self.dates_in(sentence.text)):
            return False
        if any(int(year) < self.published.year for year in YEAR_OF_DEED.findall(self.previous_text)):
            return True
        years = re.findall(r"\b(?:19|20)\d\d\b", self.previous_text)
        if years and all(int(year) < self.published.year for year in years):
            # ("…including attacks that cut power to hundreds of thousands of Ukrainians in the winters of 2015 and
            # 2016. Russia has denied involvement in those attacks.": deeds of earlier years only)
            return True
        # ("…resembled NotPetya, the malware that crippled Ukrainian companies in June. Kiev blamed that attack on…" in
        # October: a month well before the news)
        return any((self.published - d.value).days > 45 for d in self.dates_in(self.previous_text))

    def _goes_on(self, sentence: Sentence) -> bool:
        """Whether the sentence goes on with the story of the background sentence before it: the same paragraph, a
        measure told in the simple past, no date of its own ("The U.S. Justice Department charged Matveev in May
        2023… The State Department offered up to $10 million for information leading to his arrest.")."""
        before = self.previous_text
        if "\n" in self.text[self.previous_end : sentence.start] or self.dates_in(sentence.text):
            return False
        if THAT_EVENT.search(sentence.text):
            # "Shamoon was first used in 2012 against Aramco. U.S. officials later said Iran was behind that attack":
            # the event the background told
            return True
        if PRESENT_OR_QUOTED.search(sentence.text) or PRESENT_OR_QUOTED.search(before):
            return False  # (not after "Berlin said it could now attribute the campaign of early 2023 to APT28")
        answer = PERSON_DENIED.match(sentence.text)
        if answer and answer.group("name") in self.persons and answer.group("name") in before:
            return True  # "…through a network run by Ilan Shor, who lives in Russia. Shor denied wrongdoing."
        return all(
            any(match is not None for _, match in self.measure_cues_in(text)) for text in (before, sentence.text)
        )

    def _read_until(self, sentence: Sentence, at: int) -> bool:
        """Whether the sentence's main clause, before the clause of the past at `at`, blames someone itself, and is
        then read up to there (the first such clause ends it): not "the campaign resembled past operations attributed
        to a group known as Kimsuky", where the blaming words describe operations."""
        cue = self._attribution_cue(sentence.text[:at])
        if cue is None or DESCRIBED_DEEDS_BEFORE.search(sentence.text, 0, cue.start()):
            return False
        self.read_until = at if self.read_until is None else min(at, self.read_until)
        return True

    def _background(self, sentence: Sentence) -> bool:
        """Background: "in the past", "previously", or an opening time adverbial ("In April,", "In 2016 the
        Justice Department…") that dates the sentence well before the report."""
        for found in self._scan(BACKGROUND, sentence.text):
            if found.group("relative_claim"):
                # (only about a deed of an earlier year, "the 2016 theft…, which…": not "the breach of the parliament's
                # network, which Danish security officials have blamed on APT28", a claim of now)
                years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence.text[: found.start()])]
                if self.published is None or not any(year < self.published.year for year in years):
                    continue
                if self._read_until(sentence, found.start()):
                    continue
                return True
            relative = RELATIVE_DESCRIBES.search(sentence.text, 0, found.start())
            if relative is None or not DESCRIBING_PAST.fullmatch(found.group()):
                later = [c for c in SECOND_SPEAKER.finditer(sentence.text, found.end()) if c.group().startswith(",")]
                # (not "Previously, the United States blamed…, while Britain accused…": a word opening the sentence
                # dates all of it)
                inside = len(sentence.text[: found.start()].split()) >= 4
                if inside and later and not self._scan(BACKGROUND, sentence.text[later[0].end() :]):
                    self.read_from = later[0].end()
                    continue
                return True
            end = sentence.text.find(",", found.end())
            if ATTRIBUTION_CUES.search(sentence.text[relative.start() + 1 : end if end >= 0 else None]):
                if self._read_until(sentence, relative.start()):
                    continue
                return True  # (not "Kimsuky, which Seoul's spy agency has previously linked to Pyongyang": a claim)
            # "…by IRIDIUM, a group…, which it said had previously hit 200 agencies": what the actor did before
        if self.published is None:
            return False
        current = [d for d in self.dates_in(sentence.text) if abs((self.published - d.value).days) <= 10]
        if not current and ACCUSED_OF_REPEATED.search(sentence.text) and not THIS_PERIOD.search(sentence.text):
            return True
        document = DATED_DOCUMENT.search(sentence.text)
        if document and not current:
            month = MONTHS[document.group("month").lower()] if document.group("month") else 12
            if (self.published - dt.date(int(document.group("year")), month, 28)).days > 90:
                return True
        first_year = self._first(IN_PAST_YEAR, sentence.text)
        example = first_year and re.search(r",\s+including\b", sentence.text[: first_year.start()])
        if current and first_year and current[0].start < first_year.start():
            return False  # "Australia on Tuesday imposed sanctions … for the 2022 breach of Medibank": news of now
        if current and example and current[0].start < example.start():
            # "The Council on Thursday imposed sanctions over several attacks, including the hacking of the OPCW in
            # 2018": the year dates an example of what the news is about
            return False
        for found in self._scan(IN_PAST_YEAR, sentence.text):
            if found.group().lower().startswith("since") and (
                current or re.search(r"\b(?:has|have)\s+(?:[\w'’-]+\s+){1,5}$", sentence.text[: found.start()][-60:])
            ):
                # "…has carried out attacks on Japan since 2019, the agency said on Wednesday", "Igor Kostyukov, who
                # has led the GRU since 2018": what lasts until now
                continue
            if re.fullmatch(r"\W*", sentence.text[found.end() :]) and found.group("year"):
                continue  # "…those of 14 members of the government in 2019.": the year dates a detail, not the act
            event = "event_year" if found.group("event_year") else "event_year2"
            reason = found.group(event) and MEASURE_REASON_BEFORE.search(sentence.text[: found.start(event)])
            now = current or re.search(r"\b(?:has|have)\s+(?:now\s+)?been\s+\w+ed\b", sentence.text)
            if reason and now and not re.search(r"\blast (?:week|month|year)\b|\bearlier this\b", sentence.text, re.I):
                continue  # "…have been charged with hacking over the 2017 NotPetya attack": the year dates the reason
            if found.group("year") and MEASURE_NOW_FOR.search(sentence.text[: found.start()]):
                # "The Office of the Prosecutor General has brought charges against three officers … for breaking into
                # the systems of several ministries in 2020": the year dates the deed of a measure taken now
                continue
            if self._acting_measure_before(sentence, found.start()) and not re.search(
                r",\s*$", sentence.text[: found.start()]
            ):
                # "…added to its sanctions list Yakubets, …, and seven others the US sanctioned in 2019" (not
                # "Washington sanctioned the Lazarus Group, North Korea's best-known hacking outfit, in 2019,": past the
                # apposition, the year of the sentence's own act)
                continue
            if ACTOR_RELATIVE.search(sentence.text[: found.start()]):
                continue  # "…by the same group that hacked Korea Hydro in 2014": the year describes the actor
            if (
                REPORTED_DEED_BEFORE.search(sentence.text[: found.start()])
                and not LEADING_TIME.match(sentence.text)
                # (not "…, noting that Seoul blamed Pyongyang for a 2013 cyberattack": an earlier claim told)
                and not (found.group(event) and BLAME_TOLD_BEFORE.search(sentence.text, 0, found.start()))
            ):
                # "Prosecutors said the men belong to APT31 … and that it sent tracking emails in 2021 to…": the year
                # dates the deed they tell of now, not their telling
                continue
            inside = OPEN_RELATIVE.search(sentence.text[: found.start()])
            closed = sentence.text.find(",", found.end())
            if (
                inside
                and closed >= 0
                and (any(d.start > closed for d in current) or RELATIVE_THEN_MAIN.match(sentence.text, closed))
            ):
                # "Ngo, who was lured to Guam in 2013, was sentenced on Tuesday", "attribute the campaign, which
                # exploited a flaw in early 2023, to APT28": the year dates the clause
                continue
            relative = re.search(r",\s+(?:where|which|who|whom|when)\b", sentence.text[: found.start()])
            if relative and re.search(r"\b(?:has|have)\s+\w+ed\b", sentence.text[: relative.start()]):
                continue  # "…has extradited Nikulin to the United States, where he is charged with hacking … in 2012"
            if int(found.group("year") or found.group(event)) < self.published.year:
                return True
        said_before = SAID_LAST_YEAR.search(sentence.text)
        if said_before and not RELATIVE_BEFORE_VERB.search(sentence.text, 0, said_before.start()):
            return True
        for said in SAID_ON.finditer(sentence.text):
            # "Mandiant said in November it had linked UNC1151 to the Belarusian government", in a report of February: a
            # statement dated well before the news
            if RELATIVE_BEFORE_VERB.search(sentence.text, 0, said.start()):
                continue
            dated = [d for d in self.dates_in(sentence.text) if d.start == said.end()]
            if dated and dated[0].precision != "year" and (self.published - dated[0].value).days > 60:
                return True
        for found in self.dates_in(sentence.text):
            # "The United States in April formally blamed Russia's SVR for the SolarWinds hack", in a report of October:
            # a claim or measure dated, between its subject and its verb, well before the news
            if (
                found.precision != "year"
                and (self.published - found.value).days > 60
                and DATED_SUBJECT_BEFORE.search(sentence.text, 0, found.start)
                and ACT_AFTER_DATE.match(sentence.text, found.end)
                and not RELATIVE_BEFORE_VERB.search(sentence.text, 0, found.start)
                # (not "Britain in February accused China…, and on Monday it sanctioned two Chinese men": news after)
                and not any(
                    d.start > found.end and abs((self.published - d.value).days) <= 10
                    for d in self.dates_in(sentence.text)
                )
                and not THIS_PERIOD.search(sentence.text, found.end)
            ):
                return True
        if LEADING_TIME.match(sentence.text):
            opening = sentence.text[:40]
            for found in self.dates_in(opening):
                if found.start < 25 and (self.published - found.value).days > 60:
                    return True
            if re.match(r"^\W*last year\b", sentence.text, re.IGNORECASE):
                return True
        if re.search(r"\blast year\s+(?:\w+ly\s+)?[a-z]+ed\b", sentence.text):
            return True  # "Seoul last year sanctioned seven North Korean individuals": an act of the year before
        last = re.search(
            # ("placed the Lazarus Group on its asset freeze list last December")
            r"\b(?:charged|indicted|sanctioned|arrested|named|accused|blamed|expelled|designated|list(?:ed)?)\s+"
            r"last\s+(year|"
            r"january|february|march|april|may|june|july|august|september|october|november|december)\b",
            sentence.text,
            re.IGNORECASE,
        )
        if last and last.group(1).lower() == "year":
            return True  # "were among five GRU officers charged last year": told as what came before
        if last:
            month = MONTHS[last.group(1).lower()]
            year = self.published.year if month < self.published.month else self.published.year - 1
            if (self.published - dt.date(year, month, 1)).days > 60:
                return True  # "…charged last September" in a report of January
        if PAST_PERFECT.search(sentence.text):  # "had already sanctioned them in December", "… in 2018"
            years = [int(f.group("year")) for f in self._scan(IN_PAST_YEAR, sentence.text) if f.group("year")]
            return any(year < self.published.year for year in years) or any(
                (self.published - d.value).days > 60 for d in self.dates_in(sentence.text)
            )
        return False

    def _acting_measure_before(self, sentence: Sentence, at: int) -> bool:
        """Whether the sentence's own act is a measure its subject takes, told before `at` and well before it (a
        year that far after it dates a detail of whom it is taken against)."""
        for _, cue in self.measure_cues_in(sentence.text):
            if cue is None or at - cue.end() <= 40 or cue.start() > 120:
                continue
            if not re.match(r"(?:impos|add|plac|expel|summon|sanction|designat|charg|indict)\w*", cue.group(), re.I):
                continue
            if self.matcher.search(sentence.text[: cue.start()]):
                return True  # a party named before the measure takes it
        return False

    def _subject(
        self, sentence: Sentence, mentions: list[Mention], speakers, quoted: list[tuple[int, int]]
    ) -> tuple[PartyRef | None, Speaker | None]:
        """Who acts in the sentence: a pronoun's speaker, the first named speaker, or the first party
        not governed by a preposition. Words inside quotation marks are the speaker's, so their parties
        are not the sentence's subject; a sentence wholly inside a quotation belongs to the last speaker.
        A subject carried over from before (a pronoun, an anaphor, a quotation) does not become the new
        `last_subject`: only a party named in the sentence does."""
        self.subject_inherited = True
        if quoted:
            after_quote = sentence.text[quoted[0][1] :]
            if QUOTE_THEN_PRONOUN.match(after_quote) and self.last_speaker:
                return self.last_speaker.party, self.last_speaker  # '"…," she said, adding that X…'
            if (
                QUOTE_THEN_PRONOUN.match(after_quote)
                and self.last_subject is not None
                and self.last_subject.kind in STATE_KINDS
                and UNNAMED_OFFICIAL.search(self.previous_text)
            ):
                # 'A spokesman for the Russian embassy in Paris dismissed the report. "…," he told the BBC': the party
                # of the unnamed speaker of the sentence before, not the outlet he spoke to
                return self.last_subject, None
            anaphor = QUOTE_THEN_ANAPHOR.match(after_quote)
            if anaphor and self._antecedent(anaphor.group("noun")):
                return self._antecedent(anaphor.group("noun")), None  # '"…," the company said'
            outside = [m for m in mentions if not any(a <= m.start < b for a, b in quoted)]
            speakers_outside = [sp for sp in speakers if not any(a <= sp[0] < b for a, b in quoted)]
            anaphor = ANAPHORIC_SUBJECT.match(sentence.text)
            if outside or speakers_outside:
                mentions, speakers = outside, speakers_outside
            elif anaphor and self._antecedent(anaphor.group("noun")):
                return self._antecedent(anaphor.group("noun")), None  # 'The statement warned that "…"'
            elif self.last_speaker:
                return self.last_speaker.party, self.last_speaker
            else:
                return None, None  # words of someone unnamed: what they name is not the subject
        if re.match(r"^\W*(?i:its|their)\s+(?:[A-Z]|(?i:spokes\w+|ambassador|envoy|minister)\b)", sentence.text) and (
            self.last_state_named
        ):
            # "Taiwan's government dismissed… Its Mainland Affairs Council said", "China's foreign ministry rejected the
            # findings. Its spokesperson, Guo Jiakun, said…": a body or an officer of the state just named
            return self.last_state_named, None
        aside = PARENTHETICAL_SAYER.match(sentence.text)
        if aside and aside.group("pronoun").lower() in ("they", "it") and self.last_subject is not None:
            # "The culprit, they said, was a previously unknown group…": those who spoke last
            self.subject_named_before = True
            return self.last_subject, None
        if aside and self.last_speaker is not None:
            return self.last_speaker.party, self.last_speaker  # "The attack, she said, was…"
        pronoun = PRONOUN_SUBJECT.match(sentence.text)
        if pronoun and self.last_speaker:
            person = self._person_after_speaker(sentence.start, pronoun.group())
            if person is not None:  # "…Nikulin, 30, was flown out overnight…. He pleaded not guilty."
                return person, None
            return self.last_speaker.party, self.last_speaker
        if re.match(r"^\W*the (?:spokes\w+|minister|official)\b", sentence.text, re.I) and self.last_speaker:
            return self.last_speaker.party, self.last_speaker
        unnamed = UNNAMED_SPOKESMAN.match(sentence.text)
        spoke = [p for p in self.subjects[-3:] if p.kind not in ("threat_group", "person")]
        if unnamed and not any(m.start < unnamed.end() for m in mentions) and spoke:
            # "China's foreign ministry said… A spokesperson told a news conference that…": the spokesperson of
            # the party that just spoke, whatever the parties they name
            self.subject_named_before = True
            return spoke[-1], None
        if IT_SUBJECT.match(sentence.text) and self.last_subject:
            self.subject_named_before = True
            return self.last_subject, None  # "It said the campaign…": the organisation just named
        anaphor = ANAPHORIC_SUBJECT.match(sentence.text)
        if anaphor and any(m.start < anaphor.end("noun") and anaphor.start("phrase") < m.end for m in mentions):
            anaphor = None  # "the Council of the EU said", "The presidential office said": a name, not an anaphor
        if anaphor and any(re.fullmatch(r"\s*,\s*", sentence.text[anaphor.end() : m.start]) for m in mentions):
            anaphor = None  # "The firm, CrowdStrike, said": the name in apposition
        if anaphor and (antecedent := self._antecedent(anaphor.group("noun"), sentence)):
            self.subject_named_before = True
            return antecedent, None
        self.subject_inherited = False
        according = ACCORDING_TO.search(sentence.text)
        if according:
            group = "who" if according.group("who") else "who2"
            source = [
                m
                for m in mentions
                if according.start(group) <= m.start < according.end(group)
                # ("according to a report released by U.S. cybersecurity firm FireEye": the firm, not its country)
                and not self._modifies_named_org(sentence, m, mentions)
            ]
            # ("According to Handelsblatt, the BSI said…": the one the outlet cites speaks)
            relayed = (
                source
                and source[0].party.kind == "media"
                and (
                    CITED_SPEAKER.search(sentence.text, according.end())
                    # ("…, Czech Transport Minister Martin Kupka said, according to the Financial Times")
                    or (
                        group == "who2"
                        and SPEAKER_BEFORE_SOURCE.search(sentence.text, 0, according.start())
                        and any(start < according.start() for start, _, sp in speakers if sp.party is not None)
                    )
                )
            )
            if source and not relayed:
                return source[0].party, None
            anaphor = TAIL_ANAPHOR.fullmatch(according.group(group).strip())
            if anaphor and (antecedent := self._antecedent(anaphor.group("noun"), sentence)):
                self.subject_named_before = True
                return antecedent, None  # "According to the ministry, Russia was behind the attack"
        tail = SUBJECT_AT_END.search(sentence.text)
        reporter = [
            m
            for m in mentions
            if tail
            and tail.start("who") <= m.start < tail.end("who")
            and not self._modifies_named_org(sentence, m, mentions)
        ]
        if reporter:
            party = self._reporting_party(sentence, mentions, reporter[0])
            together = self._co_reporters(sentence, mentions, reporter, tail)
            if party is not None and len(together) > 1 and any(_key(p) == _key(party) for p in together):
                # "…, Britain, the European Union and the United States said on Tuesday": each of them
                self.group_subject = together
                return together[0], None
            return party, None
        closing = [
            sp for start, _, sp in speakers if tail and tail.start("who") <= start < tail.end("who") and sp.party
        ]
        if closing:
            # "Russia was responsible…, Foreign Minister Ine Eriksen Soereide said" in a report from Oslo: the speaker's
            # state
            return closing[0].party, closing[0]
        anaphor = TAIL_ANAPHOR.fullmatch(tail.group("who")) if tail else None
        if anaphor and (antecedent := self._tail_antecedent(sentence, mentions, tail.start(), anaphor.group("noun"))):
            return antecedent, None
        named = NAME_SUBJECT.match(sentence.text)
        if (
            named
            and not any(m.start < named.end("name") and named.start("name") < m.end for m in mentions)
            and not any(start < named.end("name") and named.start("name") < end for start, end, _ in speakers)
            and not set(named.group("name").split()) & (NOT_NAMES | NOT_PERSON_WORDS)
        ):
            view = REPORTED_BODY_VIEW.search(sentence.text, named.end("name"))
            body = [m for m in mentions if view and m.start == view.end() and m.party.kind in STATE_KINDS]
            if body and BODY_VIEW_VERB.match(sentence.text, body[0].end):
                # "Illia Vitiuk told journalists that the Security Service of Ukraine believes…": the body's view
                return body[0].party, None
            return None, None  # "Guaidó dismissed the accusation": someone the report gives no party for
        person = UNNAMED_NATIONAL_SUBJECT.match(sentence.text)
        if person and (entry := self.entries.get(person.group("demonym"))) is not None and entry.role == "demonym":
            # "An Algerian accused of running a global cyber-theft operation pleaded not guilty in a US federal court":
            # someone the sentence does not name acts, not the court's state
            return None, None
        unresolved = UNRESOLVED_BODY_SUBJECT.match(sentence.text)
        if unresolved and not any(m.start < unresolved.end() for m in mentions):
            # "Police link China to MirrorFace cyberattacks": a body whose state the report leaves out
            return None, None
        document = self._first(DOCUMENT_SUBJECT, sentence.text)
        verb = DOCUMENT_VERB.search(sentence.text, document.end()) if document else None
        if verb is not None:
            # "A federal indictment unsealed in New Jersey accuses A, B and C of…": those after the document's
            # verb are whom it accuses; with no body named before it, the document is the last government's
            mentions = [m for m in mentions if m.start < verb.start()]
            if not mentions:
                return next((p for p in reversed(self.subjects) if p.kind in STATE_KINDS), None), None
            if all(self._governed(sentence, m.start) for m in mentions):
                # "Court papers unsealed in Washington charge A, B and C": the state whose court it is
                places = [m.party for m in mentions if m.party.kind in STATE_KINDS and m.party.country]
                return (places[0] if places else None), None
        candidates = [
            (m.start, m.party, None)
            for m in mentions
            if not self._governed(sentence, m.start)
            and not self._modifies_named_org(sentence, m, mentions)
            and not MODIFIES_INCIDENT.match(sentence.text[m.end :])
            # "A Russian national, Andrei Tyurin, who prosecutors said…": a person, not the state, is the subject
            and not (m.role == "demonym" and PERSON_OF_STATE.match(sentence.text[m.end :]))
        ]
        candidates += [(start, sp.party, sp) for start, _, sp in speakers if sp.party is not None]
        # "Judge Deborah Taylor at Southwark Crown Court jailed…": the body of the titled name opening the sentence
        candidates += [
            (m.start, m.party, None)
            for m in mentions[:1]
            if m.role in ("body", "named_body") and OFFICER_AT_BODY.fullmatch(sentence.text, 0, m.start)
        ]
        if not candidates:
            return None, None
        # a speaker whose title names their body ("Foreign Ministry spokeswoman Mao Ning") is the subject as a person
        start, party, speaker = min(candidates, key=lambda item: (item[0], item[2] is None))
        first = next((m for m in mentions if m.start == start), None)
        if (
            speaker is None
            and first is not None
            and first.role in ("demonym", "state")
            and UNNAMED_COMPANY.match(sentence.text[first.end :])
        ):
            # "An American computer security company has traced…": the company the report names, not its state
            return self.first_company, None
        return party, speaker

    def _denial_owner(self, sentence, mentions, match) -> PartyRef | None:
        """ "Pyongyang's denial": the possessor. "India says …; Beijing denies": the subject of the denial's own
        clause (SECOND_SPEAKER or a semicolon starts one)."""
        owner = [m for m in mentions if DENIAL_OWNER.fullmatch(sentence.text[m.end : match.start()])]
        if owner:
            return owner[-1].party
        denier = [
            m
            for m in mentions
            if m.end <= match.start()
            and re.fullmatch(
                # ("…, a charge that Iran's foreign ministry, in a statement issued hours later, rejected as…")
                r"(?:,[^,;]{1,60},)?\s*(?:(?:has|had|have|also|repeatedly|consistently|long|strongly|flatly)\s+)*"
                # "…, an accusation Beijing dismissed as \"fabricated\""
                r"(?:(?:dismissed|rejected|called|described)\s+(?:it\s+)?(?:as\s+)?[\"“]?)?",
                sentence.text[m.end : match.start()],
            )
            and (
                CHARGE_DENIED_BY.search(sentence.text[: m.start]) or re.search(r"\bwhich\s+$", sentence.text[: m.start])
            )
        ]
        if denier:
            return denier[-1].party  # "…, a charge North Korea denied", "…, which Moscow has also denied"
        negated = [
            m
            for m in mentions
            if m.end <= match.start()
            and m.party.kind in ("state", "government_body")
            and re.fullmatch(r"\s+(?:(?:had|has|have)\s+)?", sentence.text[m.end : match.start()])
            and re.match(r"(?:did|does|do) not|never|nothing to do|(?:had|has|have|played) no", match.group(), re.I)
        ]
        if negated:
            return negated[-1].party  # "…insisted that Russia did not engage in hacking": the one who did not
        adjacent = [
            m
            for m in mentions
            if m.end <= match.start()
            and m.party.kind != "person"
            and re.fullmatch(
                # ("…, while the Russian Embassy in Berlin rejected…")
                r"(?:\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
                r"\s+(?:(?:has|had|have|also|swiftly|quickly|\w+ly|on \w+)\s+)*",
                sentence.text[m.end : match.start()],
            )
            and not self._governed(sentence, m.start)
            # ("…, though the Greek government has denied ever buying Predator")
            and OWN_SUBJECT_CLAUSE.search(sentence.text[: m.start])
        ]
        if adjacent:
            return adjacent[
                -1
            ].party  # "…refused to confirm a report, while Beijing dismissed the claim": its own subject
        gerund = re.match(r"\w+ing\b", match.group()) is not None
        absolute = [
            m
            for m in mentions
            if gerund
            and m.end <= match.start()
            and re.search(r",\s+with\s+(?:the\s+)?$", sentence.text[: m.start])
            and re.fullmatch(r"\s+(?:(?:on|late on|early on)\s+\w+\s+|\w+ly\s+)?", sentence.text[m.end : match.start()])
        ]
        if absolute:
            return absolute[-1].party  # "…, the National Police Agency said, with China on Thursday rejecting it"
        cuts = [cut.end() for cut in SECOND_SPEAKER.finditer(sentence.text[: match.start()])]
        cuts += [cut.end() for cut in re.finditer(r";\s*", sentence.text[: match.start()])]
        if cuts:
            own = [
                m for m in mentions if max(cuts) <= m.start < match.start() and not self._governed(sentence, m.start)
            ]
            return own[0].party if own else None
        return None

    def _denier(self, sentence, mentions, denial, subject, text):
        """Who a denial in the sentence is by: a relative clause's party, the owner of the denial, else the subject;
        corrected for an office without its state, a person a reporting verb names, a lawyer's client and a denial in
        a relative clause about someone unnamed."""
        denier = (
            self._relative_clause_party(sentence, mentions, denial.start())
            or self._denial_owner(sentence, mentions, denial)
            or subject
        )
        named = {_key(m.party) for m in mentions if m.role != "body"}
        if (
            denier is not None
            and _key(denier) in self.accusers
            and _key(denier) not in named
            and self.last_accused_state is not None
            and _key(self.last_accused_state) not in self.accusers
        ):
            # "US officials accused Iran… Foreign ministry spokesman Nasser Kanaani said the claims were
            # fabricated": a ministry or spokesman without their state who rejects the claims is the accused's
            denier = self.last_accused_state
        reported = [
            m
            for m in mentions
            if m.party.kind == "person"
            and m.end <= denial.start()
            and re.fullmatch(r"\s*[\"“]?\s*", sentence.text[m.end : denial.start()])
            and re.search(r"\b(?:said|says|told\s+\w+)\s+(?:that\s+)?$", sentence.text[: m.start])
        ]
        if reported and denier is not None and denier.kind == "person":
            denier = reported[-1].party  # 'His lawyer, Maksim Nefedov, said Klyushin "denies all of the charges"'
        counsel = [
            m
            for m in mentions
            if m.role in ("demonym", "state") and re.match(r"\s+(?:lawyer|attorney|counsel)\b", sentence.text[m.end :])
        ]
        if denier is not None and any(_key(m.party) == _key(denier) for m in counsel):
            # "Klyushin is innocent, his U.S. lawyer said": the client denies, not the lawyer's country
            clients = [m.party for m in mentions if m.party.kind == "person" and m.start < denial.start()]
            denier = clients[-1] if clients else None
        if denier is subject and RELATIVE_DENIER.search(text[: denial.start()]):
            denier = None  # "…ties the group to a Ho Chi Minh City IT firm, which denies link": not the subject
        client_counsel = CLIENT_COUNSEL.search(text)
        told = denier is not None and denier.kind == "media"  # ("His lawyer told public broadcaster Yle that…")
        # ("His lawyer, Frederic Belot, rejected the accusations": the lawyer named beside the words)
        apposed = client_counsel and any(
            m.party == denier and re.fullmatch(r"\s*,?\s*", text[client_counsel.end() : m.start])
            for m in mentions
            if m.start >= client_counsel.end()
        )
        if client_counsel and (
            denier is None or told or apposed or (denier.kind == "person" and denier not in self.persons.values())
        ):
            # '"He had nothing to do with Locky," his lawyer Frederic Belot told AFP': the client the report accuses,
            # named before the sentence (the lawyer of a client named in it is read above)
            # (the client may be named a few paragraphs before: "he", "the player" in between)
            clients = self._last_persons(sentence.start + client_counsel.start(), 1, window=1200)
            denier = clients[0] if clients else denier
        return denier

    def _cleared(self, sentence: Sentence, mentions: list[Mention], subject: PartyRef) -> bool:
        """ "Biden said the Russian government was not behind it": a party the subject clears of the act, which is
        no denial (the accused's own says "it", "we", or names the subject itself)."""
        match = _denial(sentence.text)
        if match is None or not re.match(r"(?:was|were|is|are) not|(?:did|does|do) not|never", match.group(), re.I):
            return False
        named = THIRD_PARTY.search(sentence.text[: match.start()])
        cleared = [m for m in mentions if named and named.start() <= m.start < match.start()]
        return bool(cleared) and all(_key(m.party) != _key(subject) for m in cleared)

    def _co_reporters(self, sentence: Sentence, mentions: list[Mention], reporter: list[Mention], tail) -> list:
        """The parties a reporting clause at the end lists ("Japan's National Police Agency and the FBI said"), with
        those listed before its comma ("…, Britain, the European Union and the United States said"; not "the
        invasion of Ukraine, …")."""
        kinds = ("state", "government_body", "international_org", "company")
        if not re.search(r"\band\b", tail.group("who")):
            return []  # one reporter ("the German news magazine Der Spiegel")
        listed = [m for m in reporter if m.party.kind in kinds and m.role != "demonym"]
        for mention in reversed(self._with_coordinated_before(sentence, mentions, reporter[0])[:-1]):
            if mention.party.kind not in kinds or self._governed(sentence, mention.start):
                break
            if re.search(
                r"\b(?:for|by)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$", sentence.text[: mention.start][-40:]
            ):
                # ("hackers working for China's Ministry of State Security, Britain's foreign secretary … said")
                break
            listed.insert(0, mention)
        parties: list[PartyRef] = []
        for mention in listed:
            if all(_key(mention.party) != _key(p) for p in parties):
                parties.append(mention.party)
        return parties

    def _reporting_party(self, sentence: Sentence, mentions: list[Mention], reporter: Mention) -> PartyRef | None:
        """The party a reporting clause names: "…, the US security firm said" is the firm the report names (in the
        sentence, else before), not its country."""
        if reporter.role not in ("demonym", "state") or not FIRM_AFTER_DEMONYM.match(sentence.text, reporter.end):
            return reporter.party
        firms = [m.party for m in mentions if m.party.kind == "company" and m.start < reporter.start]
        firm = firms[-1] if firms else self._antecedent("firm")
        return firm if firm is not None and firm.kind == "company" else None

    def _antecedent(self, noun: str, sentence: Sentence | None = None) -> PartyRef | None:
        """The party an anaphoric noun ("the ministry", "the firm", "the alliance") refers to: the latest
        subject of the kind the noun names (ANAPHOR_KINDS; offices of government by default), else the
        latest subject."""
        kinds = ANAPHOR_KINDS.get(noun.lower(), STATE_KINDS)
        speaker = self.last_speaker
        if noun.lower() == "ministry" and speaker and speaker.party and "minist" in speaker.title.lower():
            return speaker.party  # "Defence Minister X said… The ministry said": the minister's ministry
        charging = [c for c in self.result.consequences if c["kind"] == "indictment"]
        if noun.lower() in ("indictment", "complaint", "affidavit", "filing") and charging:
            # "The indictment, unsealed in San Francisco, was…": the charges of the party that brought them
            return PartyRef(**charging[-1]["initiated_by"])
        if noun.lower() in ("indictment", "complaint", "affidavit", "filing"):
            # "Six Russian officers were charged… The indictment, unsealed in Pittsburgh, names…": the state of the
            # court it was filed in, never the state of those it charges
            # (or the sentence before: "…according to a federal indictment unsealed Thursday in Kansas City, Kan. The
            # indictment, returned by a grand jury…, charges A, B and C")
            filed = (sentence and DOCUMENT_PLACE.search(sentence.text)) or DOCUMENT_PLACE.search(self.previous_text)
            city = city_states().get(filed.group("place")) if filed else None
            federal = (filed and filed.group("federal")) or re.search(
                r"\bfederal\s+(?:indictment|grand jury|criminal complaint)", self.previous_text
            )
            return city or (self.entries["U.S."].party if federal else None)
        if noun.lower() in ("statement", "declaration", "report", "advisory", "document", "group", "researchers"):
            return self.last_subject
        if noun.lower() == "embassy" and self.last_accused_state is not None:
            # "…hackers working for the Chinese government tried to break in. The embassy rejected the allegations":
            # an embassy spoken of without its state is the accused state's
            return self.last_accused_state
        # "The Council of the European Union imposed sanctions… which the Council said…": the party last named in words
        # that hold the noun (one that names bodies, not any government or firm), before the latest subject of its kind
        if noun.lower() in NAME_NOUNS:
            for start, words, party in reversed(self.named_words):
                if start < self.previous_end and party.kind in kinds and re.search(rf"\b{noun.lower()}\b", words):
                    return party
        for party in reversed(self.subjects):
            if party.kind in kinds:
                return party
        return None if kinds == ("media",) else self.last_subject  # ("the paper": a newspaper named before only)

    def _tail_antecedent(self, sentence: Sentence, mentions: list[Mention], at: int, noun: str) -> PartyRef | None:
        """The party "the company" or "the ministry" in a closing "…, the company said" stands for: the last of its
        kind the sentence names before `at` ("…gained access to some of Microsoft's executives, the company said",
        "…breached the networks of Germany's interior ministry, the ministry said"; never a state named only by an
        adjective, the attackers' "Chinese hackers"), else the last of its kind that spoke before."""
        kinds = ANAPHOR_KINDS.get(noun.lower(), STATE_KINDS)
        roles = ("company",) if kinds == ("company",) else ("body", "named_body", "org")
        roles += ("state",) if noun.lower() == "government" else ()
        named = [m for m in mentions if m.end <= at and m.party.kind in kinds and m.role in roles]
        if noun.lower() in ("ministry", "embassy"):
            # ("…was the work of hackers working for Russia's GRU, the ministry said": a ministry named as one)
            named = [
                m
                for m in named
                if re.match(rf"[^,;]{{0,30}}\b{noun}", sentence.text[m.start : m.end + 30], re.IGNORECASE)
            ]
        named = [m.party for m in named]
        if named:
            return named[-1]
        antecedent = self._antecedent(noun, sentence)
        return antecedent if antecedent is not None and antecedent.kind in kinds else None

    @staticmethod
    def _modifies_named_org(sentence: Sentence, mention: Mention, mentions: list[Mention]) -> bool:
        """ "A US cybersecurity firm, Recorded Future, said": the firm is the subject, not its country."""
        if mention.role not in ("demonym", "state"):
            return False
        for other in mentions:
            gap = sentence.text[mention.end : other.start]
            if other.role == "company" and 0 < other.start - mention.end <= 45 and ORG_APPOSITION.fullmatch(gap):
                return True
            if other.party.kind in ("media", "company") and OWNED_ORG_GAP.fullmatch(gap):
                # "Brazil's TV Globo reported…", "Belgium's state-controlled telecoms operator Belgacom said": the
                # outlet or the company, not its country
                return True
        return False

    @staticmethod
    def _governed(sentence: Sentence, at: int) -> bool:
        """A mention after a preposition ("against Albania", "with Iran") is not the sentence's subject."""
        before = sentence.text[max(0, at - 30) : at]
        if IN_PREPOSITIONAL_PHRASE.search(before):
            return True  # "sanctions against North Korean government officials": "government" is inside the phrase
        if VICTIM_OF_RELATIVE.search(sentence.text[max(0, at - 60) : at]):
            return True  # "The ransomware attacks that hit state-owned oil refiner CPC Corp. …": the victim
        if OPENING_TIME_CLAUSE.match(sentence.text[:at]):
            return True  # "Hours after Microsoft went public, the NSA … issued…": the main clause's subject acts
        return (
            bool(PREPOSITIONS_BEFORE_TARGET.search(before[-20:]))
            and not PEOPLE_IN_PLACE.search(before)
            and not AGENCIES_OF_PLACE.match(sentence.text[:at])
        )

    # --- statements ----------------------------------------------------------------------------------
    def _statements(self, sentence: Sentence, mentions: list[Mention], subject, speaker) -> None:
        hedge = self._first(HEDGE, sentence.text)
        breaks = [b for b in HEDGED_CLAUSE.finditer(sentence.text) if hedge and b.start() < hedge.start()]
        # ('"There is a plausible link to Moscow, but that is still speculative," said one researcher': the hedge is of
        # the whole claim)
        whole = bool(breaks) and HEDGE_OF_WHAT_WAS_SAID.match(sentence.text, breaks[-1].end()) is not None
        if breaks and breaks[-1].start() > 20 and not whole:
            # "…was carried out by Rhysida, the FBI said, adding that it had no evidence that any government
            # directed it": the hedge qualifies its own trailing clause, so the sentence is read up to it
            cut = breaks[-1].start()
            sentence = Sentence(sentence.start, sentence.start + cut, sentence.text[:cut])
            mentions = [m for m in mentions if m.end <= cut]
        text = sentence.text
        hedged = self._first(HEDGE, text) is not None
        stated_on = self._stated_on(sentence)
        accusations = None if hedged else self._accusations_by(sentence, mentions, speaker, stated_on, subject)
        if accusations is not None:
            text = text[: accusations.start()]  # what the denial says of them is not a new accusation
        if habitual_denial(text):
            # "North Korea has routinely denied involvement and dismissed such accusations as a smear campaign by
            # Washington": the denier's habit, neither a denial of this report nor a claim
            subject = None
        if COUNTER.search(text) and subject is not None:
            self._reaction(sentence, subject, "counter_accusation", speaker, stated_on, COUNTER.search(text))
        elif (
            (denied_by := DENIED_BY.search(text))
            and not hedged
            and (deniers := [m.party for m in mentions if denied_by.end() <= m.start <= denied_by.end() + 30])
        ):
            # "The allegations were rejected by the Chinese embassy in London", "Involvement … was denied on Friday by
            # Pakistan's Foreign Office": the denier follows "by"
            self._reaction(sentence, deniers[0], "denial", speaker, stated_on, denied_by)
        elif (
            (denial := _denial(text, sentence.text))
            and (subject is not None or CLIENT_COUNSEL.search(text))
            and not (hedged and _hedges_denial(text, denial))
            and not self._cleared(sentence, mentions, subject)
            and not _denies_other_offence(text[: denial.start()])
        ):
            denier = self._denier(sentence, mentions, denial, subject, text)
            refuted = REFUTED_REPORT.search(text)
            actor = [m for m in mentions if refuted and m.start >= refuted.end() and m.role in ("state", "metonym")]
            if actor and actor[0].start - refuted.end() < 12 and _key(actor[0].party) != _key(denier):
                # "Iran dismissed reports that the United States had launched cyberattacks against it": what someone
                # else did is denied, not the denier's own part
                denier = None
            if denier is not None:
                self._reaction(sentence, denier, "denial", speaker, stated_on, denial)
            if denier is subject and subject is not None:
                # "Both Moscow and Minsk denied involvement": each state named with the subject (not "the British
                # researcher" nor a victim organisation named beside it)
                # ("Puzyrevsky and Khansvyarov, both 30, rejected the charges": each person of the subject)
                named = {
                    _key(m.party)
                    for m in mentions
                    if m.role in ("state", "metonym", "person") and m.start < denial.start()
                }
                for other in self._co_subjects(sentence, mentions, denial.start(), subject)[1:]:
                    if _key(other) in named and (other.kind == "person") == (subject.kind == "person"):
                        self._reaction(sentence, other, "denial", speaker, stated_on, denial)
            if denier is subject and ATTRIBUTION_CUES.search(text):
                # "…rejected the accusations and accused the United States of…": blame in a denial answers it
                self._reaction(
                    sentence, subject, "counter_accusation", speaker, stated_on, ATTRIBUTION_CUES.search(text)
                )
                subject = None
        elif ACKNOWLEDGE.search(text) and subject is not None and not hedged:
            acknowledged = ACKNOWLEDGE.search(text)
            self._reaction(sentence, subject, "acknowledgement", speaker, stated_on, acknowledged)
            if subject.kind == "person":
                # "Zaets and Malozemov partially admitted guilt": each person of the subject
                for other in self._co_subjects(sentence, mentions, acknowledged.start(), subject)[1:]:
                    if other.kind == "person":
                        self._reaction(sentence, other, "acknowledgement", speaker, stated_on, acknowledged)
        refuted = REFUTED_REPORT.search(text)
        if refuted and refuted.start() > 0:
            # "BIN rejected reports that its network had been penetrated by a group linked to China": what the
            # rejected reports say is no claim of the one rejecting them
            claims_sentence = Sentence(sentence.start, sentence.start + refuted.start(), text[: refuted.start()])
            claims_mentions = [m for m in mentions if m.end <= refuted.start()]
        else:
            claims_sentence, claims_mentions = sentence, mentions
        about_cyber = CYBER.search(text) or (self.cyber_report and not OTHER_OFFENCES.search(text))
        listed = LISTED_CONTINUATION.match(text) or NAMED_COUNTED.search(text)
        if listed and re.match(r"\W*the (?:new )?list\b", text, re.I) and self.last_measure_end <= self.previous_start:
            listed = None  # "The list includes…" right after the measure's sentence, not after others
        # "They include the Internet Research Agency, … and Yevgeny Prigozhin": a list of the last measure, no claim
        a_list = bool(listed and self.last_measure)
        if (
            not hedged
            and not COUNTER.search(text)
            and subject is not None
            and about_cyber
            and accusations is None
            and not a_list
        ):
            for clause, clause_mentions, clause_subject, clause_speaker in self._clauses(
                claims_sentence, claims_mentions, subject, speaker
            ):
                self._claims(clause, clause_mentions, clause_subject, clause_speaker, stated_on)
                self._endorsement(clause, clause_mentions, clause_subject, clause_speaker, stated_on)
        if not hedged:
            self._co_signers(sentence, mentions, speaker, stated_on)
        if listed and self.last_measure and not hedged:
            self._listed(sentence, mentions, speaker, stated_on, listed)
        for kind, match in self.measure_cues_in(text):
            if match is None and kind == "sanctions":
                match = self._designation(text)
            if match and listed and self.last_measure and match.start() < listed.end():
                continue  # "Those sanctioned include…", "Among those designated were…": the measure of before
            if match and (
                SOURCE_REFERENCE.search(text[: match.start()]) or MEASURE_REFERENCE.search(text[: match.start()])
            ):
                continue
            document = self._first(DOCUMENT_SUBJECT, text)
            if match and document and match.start() < document.end() and REPORTING_DOCUMENT.match(text, document.end()):
                continue  # "The indictment, unsealed in St. Louis, says…": the measure is the source of what follows
            if (
                match
                and re.search(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$", text[: match.start()], re.I)
                and MEASURE_AS_SUBJECT.match(text, match.end())
            ):
                continue  # "the indictment proved Tehran wanted…": a measure spoken of, not taken here
            if match and NEGATED_MEASURE.search(text[: match.start()]):
                continue  # "China does not extradite its citizens": a measure not taken
            if match and REQUESTED_MEASURE_BEFORE.search(text[: match.start()]):
                continue  # "Lawmakers have called on the government to expel Russian diplomats": asked for, not taken
            if match and CITED_DOCUMENT_BEFORE.search(text[: match.start()]):
                continue  # "…were targeted by a Chinese group, according to a U.S. indictment": the source cited
            if match and re.search(
                r"\b(?:has|have|had)\s+(?:repeatedly|routinely|often|long)\s+$", text[: match.start()]
            ):
                continue  # "Russia … has repeatedly denounced his transfer to France": a habit, not this report's act
            if match and MEASURE_TO_COME.match(text, match.end()):
                continue  # "…, adding that more sanctions against other cyber criminals could follow"
            if (
                match
                and kind == "sanctions"
                and SANCTIONS_REGIME.search(text, max(0, match.start() - 30), match.end() + 30)
            ):
                continue  # "experts who monitor UN sanctions on Pyongyang": a sanctions regime spoken of, no measure
            reason = MEASURE_REASON.match(text, match.end()) if match else None
            other = reason and (
                OTHER_OFFENCES.search(reason.group("reason"))
                or WAR_REASON.search(reason.group("reason"))
                or ARMS_TRADE.search(reason.group("reason"))
            )
            if other and not CYBER.search(reason.group("reason")):
                continue  # "Japan has joined Western sanctions against Moscow over its invasion of Ukraine"
            if match and kind in PEOPLE_MEASURES and LEADING_DOCUMENT.fullmatch(text, 0, match.start()):
                # "In a separate indictment unsealed the same day, prosecutors charged A": the verb that follows acts
                match = CUE_OF_KIND[kind].search(text, match.end()) or match
            while match and self._dated_before(text, match):
                # "Tsarev and Galochkin were among those sanctioned by London and Washington last year"; "The Treasury,
                # which first sanctioned Evil Corp in 2019, on Tuesday designated…": the next cue of the kind
                after = match.end()
                match = CUE_OF_KIND[kind].search(text, after)
                if match is None and kind == "sanctions":
                    match = self._designation(text, after)
            if match and not hedged:
                self._consequence(sentence, mentions, subject, speaker, stated_on, kind, match)

    def _designation(self, text: str, pos: int = 0) -> re.Match | None:
        """ "Designated" in a text or report about sanctions is a sanction ("It designated Rana and APT39 as…"), and
        so is being listed ("Four officers of Russia's GRU … were listed for the attempt")."""
        if SANCTIONS_CONTEXT.search(text) or self.sanctions_report:
            return DESIGNATION.search(text, pos) or LISTING.search(text, pos)
        return None

    def _dated_before(self, text: str, match: re.Match) -> bool:
        """A measure its own words date to an earlier year than the report's ("sanctioned … last year", "was charged
        in 2018"): background, not a measure of this report."""
        if self.published is None:
            return False
        dated = EARLIER_YEAR.match(text, match.end())
        if dated is None:
            return False
        year = dated.group("year")
        return year is None or int(year) < self.published.year

    def _clauses(self, sentence: Sentence, mentions: list[Mention], subject, speaker):
        """The sentence cut where a second speaker takes over ("New Zealand said…, while Japan said…"): each
        clause with its own mentions (offsets from the clause) and its own subject, the first party it names."""
        cuts = list(SECOND_SPEAKER.finditer(sentence.text))
        starts = [0] + [cut.end() for cut in cuts]
        ends = [cut.start() for cut in cuts] + [len(sentence.text)]
        for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
            clause = Sentence(sentence.start + start, sentence.start + end, sentence.text[start:end])
            inside = [
                Mention(m.start - start, m.end - start, m.party, m.role) for m in mentions if start <= m.start < end
            ]
            if index == 0:
                yield clause, inside, subject, speaker
                continue
            own = [m for m in inside if not self._governed(clause, m.start)]
            firm = bool(own) and own[0].role in ("demonym", "state") and COMPANY_NOUN.match(clause.text[own[0].end :])
            if firm:
                # "…, after a U.S. cybersecurity company said", "…, when the US company Mandiant reported": the firm
                named = [m for m in own[1:] if m.party.kind == "company"]
                company = named[0].party if named else self.first_company
                if company is not None:  # (a firm the report never names accuses no one: the clause is left out)
                    yield clause, inside, company, None
            elif own:
                yield clause, inside, own[0].party, None

    def _reaction(self, sentence, party, stance, speaker, stated_on, match) -> None:
        key = ("reaction", _key(party), stance)
        if key in self.seen:
            return
        if (
            stance == "denial"
            and _key(party) in self.accusers
            and _key(party) not in self.accused
            and not OWN_INVOLVEMENT.search(sentence.text)
        ):
            return  # an accuser no one has accused denies nothing of its own ("the White House denied a report…")
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

    def _quote_span(self, sentence: Sentence, at: int) -> tuple[int, int]:
        """The clause around the cue, cut at the nearest clause break before it."""
        breaks = [m.end() for m in re.finditer(r"[,;:]\s+(?=[a-z“\"]|\w+ed\b)", sentence.text[:at])]
        start = breaks[-1] if breaks and at - breaks[-1] > 15 else 0
        return sentence.start + start, sentence.end

    def _stated_on(self, sentence: Sentence) -> dt.date | None:
        """A weekday or date in the sentence when it is close to publication, else the publication date."""
        for found in self.dates_in(sentence.text):
            if self.published and found.precision == "day" and 0 <= (self.published - found.value).days <= 7:
                return found.value
        return self.published

    # --- the incident --------------------------------------------------------------------------------
    def _incident(self, sentence: Sentence, mentions: list[Mention]) -> None:
        if not re.search(
            r"\b(?:cyber-?attack|cyber operation|hack|breach|ransomware attack|attack)\w*\b", sentence.text, re.I
        ):
            return
        dates = [d for d in self.dates_in(sentence.text) if d.precision in ("day", "month")]
        dates = [d for d in dates if self.published is None or (self.published - d.value).days > 3]  # no overflow
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
        if self.types is None:  # the report's incident types, read from the whole text once
            text = lowered(self.text)
            self.types = [
                kind for kind, cue in TYPE_PATTERNS.items() if not absent(cue, text) and cue.search(self.text)
            ]
        types = self.types
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


# The anaphoric nouns that are part of bodies' names: "the Council" is the "Council of the European Union" named before.
NAME_NOUNS = {"council", "commission", "bureau", "agency", "alliance", "centre", "center"}


def _denial(text: str, whole: str | None = None) -> re.Match | None:
    """The first words denying an accusation: not a denial that the incident happened or did harm, nor one
    told as history ("reversing an earlier denial"), nor one told as the denier's habit (`habitual_denial`)."""
    if habitual_denial(text):
        return None
    for match in DENIAL.finditer(text):
        if habitual_denial_at(text, match):
            continue  # "…, although Moscow has repeatedly denied carrying out cyberattacks": its habit, not an answer
        if DENIAL_OF_INCIDENT.match(text[match.end() :]) or EARLIER_DENIAL.search(text[: match.start()]):
            continue
        if re.match(r"(?:had|has|have) not", match.group(), re.I) and not re.search(
            r"\b[A-Z][\w.'’-]*\s+$", text[: match.start()]
        ):
            continue  # "They… have not carried out a successful attack": not a named party's own denial
        if re.match(r"denial", match.group(), re.I) and re.fullmatch(
            r"\W*(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?", text[: match.start()], re.IGNORECASE
        ):
            continue  # "The denial came hours after the FBI said…": a denial told before, not a new one
        if re.search(r"\bconfirm\s+(?:or|nor)\s+$", text[: match.start()], re.IGNORECASE):
            continue  # "does not confirm or deny allegations": no answer at all
        if re.match(r"den", match.group(), re.I) and (
            REFUSAL_OBJECT.match(text[match.end() :])
            or re.search(r"\b(?:was|were|been|being|is|are)\s+$", text[: match.start()])
        ):
            continue  # "a judge denied bail", "they were denied access": a refusal, not a denial
        clause = (
            DENIED_CLAUSE.match(text[match.end() :]) if re.match(r"den|reject|dismiss", match.group(), re.I) else None
        )
        if clause and (
            INCIDENT_SUBJECT.match(text, match.end() + clause.end())
            or not INVOLVEMENT.search(text[match.end() + clause.end() : match.end() + clause.end() + 150])
        ):
            continue  # "denied that customer data had been stolen", "rejected claims that it had been slow to respond"
        arming = DENIED_ARMING.match(text, match.end()) if re.match(r"den", match.group(), re.I) else None
        if arming and not CYBER.search(arming.group()):
            continue  # "Russia has denied sending troops and weapons to support the separatists": another deed
        if re.match(r"dismiss|reject|denounc", match.group(), re.I) and LEAKED_MATERIAL.match(text, match.end()):
            continue  # "dismissed as fake a trove of emails that hackers said they had stolen": a leak's truth
        if clause and SHELTERS.match(text, match.end() + clause.end()):
            continue  # "Moscow has repeatedly denied that it shelters cybercriminals": a denial of something else
        if re.match(r"nothing to do", match.group(), re.I) and NOT_AN_ACTOR_BEFORE.search(text[: match.start()]):
            continue  # "the outage had nothing to do with the attack": what caused what, not who did it
        # (what is said of a claim may follow in the whole sentence: 'denounced as "a fabrication" claims by…')
        near = (whole or text)[max(0, match.start() - 80) : match.end() + 80]
        called = CALLED_SO.search(text[: match.start()])
        if re.match(r"(?:russo|sino|irano)phob", match.group(), re.I) and not re.search(
            r"\b(?:accus\w+|allegations?|claims?|attribution)\b", near, re.I
        ):
            continue  # "sanctions driven by Russophobia": a measure rejected, not an accusation
        if JUDGING_WORDS.match(match.group()) and not (ABOUT_A_CLAIM.search(near) or called):
            continue
        if JUDGING_WORDS.match(match.group()) and re.fullmatch(
            r"\W*(?:the|these|those)\s+", text[: match.start()], re.I
        ):
            continue  # "The fabricated remarks, published on the website of the Qatar News Agency, …": what was planted
        describing = re.match(
            r"\s+(?!(?:by|of|and|or|to|from|in|on|that|which|against)\b)[a-z]+\b", text[match.end() :]
        )
        if (
            JUDGING_WORDS.match(match.group())
            and not called
            and describing
            and ONE_THING_JUDGED.search(text[: match.start()])
        ):
            continue  # "an attack during which a fabricated report appeared twice": what was planted, not a reply
        return match
    return None


# A sentence that opens with a person's name (up to three words before the surname).
SENTENCE_OPENING_NAME = r"(?:^|[.!?][\"”']?\s+)(?:[A-Z][\w'’-]+\s+){{0,3}}{surname}\b"


def _denies_other_offence(before: str) -> bool:
    """'accusing it of supporting "terrorism" - a charge Doha has consistently denied': the charge denied is of
    another offence."""
    charge = re.search(r"\b(?:accus\w*|charg\w*)\s+(?:[\w'’-]+\s+){0,3}?(?:of|with)\s+[^.;]{0,80}$", before, re.I)
    other = charge and (OTHER_OFFENCES.search(charge.group()) or WAR_REASON.search(charge.group()))
    return bool(other) and not CYBER.search(charge.group())


def _hedges_denial(text: str, denial: re.Match) -> bool:
    """Whether a hedge of the sentence bears on its denial: "…rejected the accusations as unfounded and said Germany
    had presented no evidence" only strengthens the denial before it."""
    denied = [
        found.span()
        for found in SPECULATION_DENIED.finditer(text)
        # (not "did not deny speculation that…", "declined to deny…")
        if not re.search(r"\b(?:not|never|n['’]t|declined\s+to|refused\s+to)\s+$", text[: found.start()], re.IGNORECASE)
    ]
    return any(
        (
            (hedge.start() < denial.start() and not EVIDENCE_WITHHELD.search(text[: hedge.start()]))
            or not hedge.group().lower().startswith("no evidence")
        )
        # (not "rejected what he called \"groundless speculation\" linking Beijing…": the speculation is what it denies)
        and not any(start <= hedge.start() < end for start, end in denied)
        for hedge in HEDGE.finditer(text)
    )


def _after_dateline(sentence: Sentence) -> Sentence:
    """The sentence without its dateline ("SAN FRANCISCO, Aug 5 - Alexander Vinnik… has been extradited"), so
    that what opens a sentence opens this one too; the dateline itself is read by learn_dateline."""
    found = DATELINE.match(sentence.text)
    if found is None or found.end() >= len(sentence.text):
        return sentence
    label = found.group("place3") or found.group("place4")
    if label and " ".join(w.capitalize() for w in label.split()) not in city_states():
        return sentence  # "IDF: …", "EXCLUSIVE: …": a label, not a dateline
    return Sentence(sentence.start + found.end(), sentence.end, sentence.text[found.end() :])


def _incident_title(victims: list[str], when: dt.date, precision: str) -> str:
    from attribution.countries import country_name
    from attribution.dates import format_date

    whom = " and ".join(country_name(code) for code in victims) or "unknown victims"
    return f"Cyberattack on {whom} ({format_date(when, precision)})"
