"""Who a sentence names: parties from the gazetteer, groups and companies named by their kind, accused persons,
generic bodies resolved to their state, and speakers introduced with their office."""

import datetime as dt
import re
from dataclasses import dataclass

from attribution.extraction.cues import (
    COMMENTARY,
    COUNTRY_MEDIA_AFTER,
    CRIMINAL_GANG_AFTER,
    DEMONYM_AS_NOUN,
    DEMONYM_PERSON_HEADLINE,
    DESCRIBING_NAME_END,
    DESCRIBING_SUFFIX,
    HEDGE,
    INDEFINITE_BEFORE,
    STATE_KINDS,
)
from attribution.extraction.gazetteer import (
    FEDERAL_COURT,
    FEDERAL_STATES,
    GROUP_NAME_PATTERN,
    MEDIA_DESCRIBED,
    MISSIONS,
    NAMED_COMPANY_PATTERN,
    NAMED_GROUP_PATTERN,
    NAMED_MEDIA_PATTERN,
    NOT_NAMES,
    STATE_MEDIA_BEFORE,
    US_TERRITORIES,
    PartyRef,
    city_state_at,
    city_states,
    given_names,
    group_from_name,
    office_holder,
)
from attribution.extraction.measure_cues import LISTED_CONTINUATION, NAMED_COUNTED, PEOPLE_NOUN
from attribution.extraction.name_cues import (
    ACCUSED_PERSON_LIST,
    ACCUSED_PERSON_OBJECT,
    ACCUSED_PERSON_OBJECTS,
    ACCUSED_PERSON_SUBJECT,
    APPOSED_ACTORS,
    APPOSED_BODY,
    APPOSED_COMPANY,
    APPOSED_SPONSOR,
    ATTACK_WORD,
    BASE_VERB,
    BODY_WORDS,
    CITY_BEFORE,
    COMPANY_AFTER_PLACE,
    COMPANY_BY_FIRST_WORD,
    COMPANY_TIE,
    COPULA_SPONSOR,
    CRIMINAL_NAMED,
    CRIMINAL_WORD,
    DATELINE,
    DEFENDING_BODY,
    DEFINED_INITIALS,
    DESCRIBING_PREFIX,
    FORMER_OFFICE,
    FORMER_SPEAKER_AFTER,
    FORMER_SPEAKER_BEFORE,
    FUNCTION_WORDS,
    GIVEN_NAME_PERSON,
    GROUP_ANAPHOR_CLAUSE,
    GROUP_ANAPHOR_SUBJECT,
    HEAD_TITLES,
    HONORIFIC_SURNAME,
    IDENTIFIED_AS,
    INSTITUTION_AFTER_PLACE,
    INSTITUTION_WORDS,
    LEGAL_ACT,
    LEGAL_COMPANY_NAME,
    LIST_SEPARATOR,
    LISTED_ATTACKERS_AFTER,
    LISTED_COMPANIES,
    LISTED_GROUP_NAME,
    LISTED_GROUPS,
    LISTED_NAMES,
    LISTED_ORGANISATION,
    LISTED_PERSON,
    LOCAL_BODY,
    LOWER,
    MOVEMENT_NAME,
    NAME,
    NAME_WORD,
    NAMED_AS_COMPANY,
    NAMED_PERSON_PATTERN,
    NATIONAL_CYBER_CENTRE,
    NEXT_LISTED_PERSON,
    NOT_ACCUSED_BEFORE,
    NOT_ACCUSED_PERSON_BEFORE,
    NOT_PEOPLE_LISTED_BEFORE,
    NOT_PERSON_WORDS,
    OFFICE_WORDS,
    OFFICIAL_TITLES,
    OPENING_IN,
    OPERATION_BEFORE,
    PATRONYMIC,
    PERSON,
    PERSON_AFTER_TITLE,
    PERSON_APPOSED_OFFICE,
    PERSON_APPOSITIVE,
    PERSON_FROM,
    PERSON_IN_GROUP,
    PERSON_IN_STATE_BODY,
    PERSON_NAMED,
    PERSON_OF_GROUP,
    PERSON_SAID_OFFICE,
    PERSON_TRADES,
    PERSON_WITH_AGE,
    PLATFORM_AFTER,
    POSSESSED_OFFICE_PERSON,
    POSSESSED_ORGAN,
    RANK_BEFORE_NAME,
    SELF_STANCE,
    SELF_STYLED_GROUP,
    SPEAKS_AFTER,
    SPONSOR_BEFORE_GROUP,
    STATE_BACKED_AFTER,
    STATE_DIRECTED,
    STATE_ENVOY_APPOSED,
    STATE_TIED_SUFFIX,
    TITLE_BEFORE,
    TITLED_TARGET_BEFORE,
    TOOL_APPOSITION,
    UNNAMED_FIRM_AFTER,
    UNNAMED_FIRM_BEFORE,
    WHERE_CLAUSE,
    sponsor_tie,
)
from attribution.extraction.text import Sentence


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


# The last words of a company's own name ("Funnull Technology", "Sichuan Silence Information Technology Co").
COMPANY_LAST_WORDS = {
    "Technology", "Technologies", "Solutions", "Systems", "Networks", "Holdings", "Ltd", "Limited", "Inc", "LLC",
    "Corporation", "Corp", "Co", "Company",
}  # fmt: skip

# The words of a company's own name that NOT_PERSON_WORDS holds ("Integrity Technology Group", "Issue Makers Lab").
TRADE_WORDS = {
    "Group", "Technology", "Technologies", "Security", "Network", "Networks", "Systems", "Solutions", "Lab", "Labs",
    "Foundation",
}  # fmt: skip


def _legal_name(match: re.Match, text: str) -> str:
    """A company's full legal name as matched, without the sentence's full stop ("…, Chatextech SIA and Hightrade
    Finance Ltd." ending the sentence is "Hightrade Finance Ltd")."""
    full = match.group().strip()
    return full[:-1] if full.endswith(".") and not text[match.end() :].strip() else full


# The groups of NAMED_GROUP_PATTERN and NAMED_COMPANY_PATTERN that hold a name, in the order they are tried.
NAME_GROUPS = ("name", *(f"name{n}" for n in range(2, 12)))


def without_full_stop(name: str) -> str:
    """A name a pattern read up to the sentence's full stop ("…a gang it tracks as Gold Mystic."), without it (not the
    dot of an initial or of a dotted name: "Jakub K.", "F.A.C.C.T.")."""
    return name[:-1] if name.endswith(".") and not re.search(r"(?:\b[A-Z]|\.\w+)\.$", name) else name


class MentionsMixin:
    """Finding parties and speakers in a sentence (part of the extractor)."""

    def learn_dateline(self, parts: list[Sentence]) -> None:
        """The state a report is filed from, when its dateline names one place ("CARACAS - …"); several places
        ("PARIS/RABAT/ALGIERS") name none."""
        for sentence in parts[:4]:
            # ("MUMBAI:" on a line of its own, as Indian papers write it)
            alone = re.fullmatch(r"([A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,30}):?", sentence.text.strip())
            place = " ".join(word.capitalize() for word in alone.group(1).split()) if alone else ""
            if alone and place in city_states():
                self.dateline_state = city_states()[place]  # "LONDON" on a line of its own above the text
                return
            found = DATELINE.match(sentence.text)
            named = found and (
                found.group("place") or found.group("place2") or found.group("place3") or found.group("place4")
            )
            if found is None or not named or "/" in named:
                continue  # (nor "Jan 19 (Reuters) -": a wire's date, no place)
            place = " ".join(word.capitalize() for word in named.split())
            if (
                (found.group("place3") or found.group("place4"))
                and place not in city_states()
                and place not in self.entries
            ):
                continue  # "EXCLUSIVE: …", "IDF: …": a label, not a dateline with a colon
            region = found.group("region") or ""
            if region in city_states():  # "LONDON, Ontario, March 16 (Reuters) -": the region's state, not the city's
                self.dateline_state = city_states()[region]
                return
            entry = self.entries.get(place) or self.entries.get(found.group("country") or "")
            if entry is not None and entry.party.kind == "state":
                self.dateline_state = entry.party
            elif entry is None or entry.party.kind == "international_org":
                # ("BRUSSELS (AFP) -": the city is Belgium's, whatever else its name stands for)
                # "MUMBAI - …", "LITCHFIELD PARK, Ariz. —" ("BANGKOK/WASHINGTON" names none)
                self.dateline_state = city_states().get(place) or city_states().get(found.group("country") or "")
            return

    def _speaks(self, surname: str) -> bool:
        """Whether the report quotes the person anywhere ("…, said Brian Nelson", "Nelson told reporters")."""
        if surname not in self.speaking:
            self.speaking[surname] = self._quoted_anywhere(surname)
        return self.speaking[surname]

    def _quoted_anywhere(self, surname: str) -> bool:
        word = re.escape(surname)
        return bool(
            # (the subject of the reporting verb, past what describes it in commas: "Elliott Abrams, the State
            # Department's special envoy for Venezuela, had earlier called…, telling reporters")
            re.search(
                rf"\b{word}(?:,\s+(?:(?:[^.;]|\.(?=[\w,]|\s+[a-z]))){{1,200}}?,)?\s+(?:[\w'’-]+\s+){{0,4}}?"
                r"(?:said|says|told|telling|added|wrote|warned|noted)\b",
                self.text,
            )
            # ("…, said Treasury official Brian Nelson.": the name closing the reporting clause)
            or re.search(
                rf"\b(?:said|says|told|according to)\s+(?:[\w.'’-]+\s+){{0,4}}?{word}\b(?=\s*(?:[,.;]|$))", self.text
            )
        )

    def learn_names(self, parts: list[Sentence]) -> None:
        """Names the report itself introduces, read before the pass over sentences so that a lede's "a Chinese
        national" can be the "Guan Tianfeng" named below it: people it accuses by name, and companies named
        by their legal name ("Sichuan Silence Information Technology Co Ltd", later "Sichuan Silence")."""
        previous_legal = False  # the sentence before speaks of a legal act
        for sentence in parts:
            # "Pompeo says Russia behind hacking spree" above "Secretary of State Mike Pompeo said…": a person's name
            for pattern in (PERSON, PERSON_AFTER_TITLE):
                self.titled_names.update(
                    m.group("name").split()[-1]
                    for m in self._scan(pattern, sentence.text)
                    if not _former_office(sentence.text, m)
                )
            for match in self._scan(NAMED_GROUP_PATTERN, sentence.text):
                # "the network behind the Egregor ransomware": a gang's name, known wherever the report uses it bare
                # ("…support to Egregor, which…")
                # (and "a hacker who goes by the name Direxer": the alias wherever the report uses it)
                name = match.group("name4") or match.group("name10") or match.group("name11")
                name = without_full_stop(name) if name else name  # ("…who goes by the name Direxer.")
                if name and name not in NOT_NAMES and not self.matcher.search(name) and name not in self.local_names:
                    # (a hacker's alias names a person)
                    self.local_names[name] = PartyRef(name, "person" if match.group("name11") else "threat_group", None)
            for match in MOVEMENT_NAME.finditer(sentence.text):
                # "The Polisario Front, which seeks independence…, said": a movement or party speaks for itself
                name = match.group("name")
                first = name.split()[0]
                if self.matcher.search(name) or name in self.local_names or first in self.entries:
                    continue  # ("the Chinese Communist Party": the state's own)
                self.local_names[name] = PartyRef(name, "ngo", None)
            for match in APPOSED_COMPANY.finditer(sentence.text):
                name = match.group("name")
                generic = set(name.split()) & (NOT_PERSON_WORDS - TRADE_WORDS)
                if not generic and not self.matcher.search(name) and not GROUP_NAME_PATTERN.search(name):
                    party = self.local_names.setdefault(name, PartyRef(name, "company", None))
                    short = re.sub(r"\s+(?:Group|Holdings?|Company|Corporation)$", "", name)
                    if short != name and " " in short:  # "Integrity Technology Group", later "Integrity Technology"
                        self.local_names.setdefault(short, party)
            for match in DEFINED_INITIALS.finditer(sentence.text):
                name, initials = match.group("name"), match.group("initials")
                owner = re.match(r"([A-Z][\w&.-]*)['’]s\s", name)
                entry = self.entries.get(owner.group(1)) if owner else None
                owned = entry.party if entry is not None else self.local_names.get(owner.group(1)) if owner else None
                if owned is not None and owned.kind == "company" and initials not in self.entries:
                    # "Google's Threat Analysis Group (TAG)": a company's own unit, later "TAG researcher … wrote"
                    self.local_names.setdefault(initials, owned)
                    continue
                name = re.sub(r"^(?:The|A|An)\s+", "", name)
                if (
                    self.dateline_state is not None
                    and set(name.split()) & BODY_WORDS
                    and not self.matcher.search(name)
                    and initials not in self.entries  # ("KISA": initials the gazetteer knows)
                    # (not "The Cyber Security Agency (CSA) of Singapore": the state named after it)
                    and not re.match(r"\s*,?\s+(?:of|in)\s+(?-i:[A-Z])", sentence.text[match.end() :])
                    and not set(name.split()) & INSTITUTION_WORDS
                    and name not in self.local_names
                ):
                    # "TALLINN - … The Information System Authority (RIA) said…": a public body of the dateline's state
                    party = PartyRef(name, "government_body", self.dateline_state.country)
                    self.local_names[name] = party
                    self.local_names.setdefault(initials, party)
                    continue
                other = self.entries.get(initials)
                if other is None or self.matcher.fullmatch(name) or not set(name.split()) & INSTITUTION_WORDS:
                    continue
                # "PT Bank Syariah Indonesia (BSI)": the report's own name for the initials, not Germany's BSI
                party = self.local_names.setdefault(name, PartyRef(name, "company", None))
                self.local_names.setdefault(initials, party)
            for match in APPOSED_BODY.finditer(sentence.text):
                name, state = match.group("name"), match.group("state")
                if self.matcher.search(name) or name in self.local_names or set(name.split()) & NOT_NAMES:
                    continue
                if name.split()[0].lower() in given_names() and re.fullmatch(NAME, name):
                    continue  # ("Ivan Petrov, a Russian police officer": a person)
                entry = self.entries.get(state) if state else None
                body_of = entry.party if entry and entry.party.kind == "state" else None
                if state and body_of is None and state.lower() not in ("state", "country", "nation", "national"):
                    continue  # ("X, the Mandiant-run agency…": not a state's)
                body_of = body_of or self.dateline_state
                if body_of is not None:
                    self.local_names[name] = PartyRef(name, "government_body", body_of.country)
            for match in LEGAL_COMPANY_NAME.finditer(sentence.text):
                name = match.group("name")
                if self.matcher.fullmatch(match.group().strip().rstrip(".")):
                    continue  # "Evil Corp": a known group's name, not the company "Evil"
                described = re.fullmatch(r"Company|Corporation", match.group("form"))
                # (not "Microsoft Corporation": a party the gazetteer knows by its short name)
                if name.split()[0] not in NOT_PERSON_WORDS and described and not self.matcher.fullmatch(name):
                    # "Sichuan Silence Information Technology Company", later "Sichuan Silence": one company, under
                    # its full name
                    full = _legal_name(match, sentence.text)
                    party = self.local_names.setdefault(full, PartyRef(full, "company", None))
                    self.local_names.setdefault(name, party)
                    continue
                if name.split()[0] not in NOT_PERSON_WORDS and not self.matcher.fullmatch(name):
                    self.local_names.setdefault(name, PartyRef(name, "company", None))
                if name.split()[0] not in NOT_PERSON_WORDS and not re.match(r"Co\b|Inc|Corp", match.group("form")):
                    # "Intellexa S.A." and "Intellexa Limited" are two companies: each named in full where it is
                    # ("Sony Corp." is Sony)
                    full = _legal_name(match, sentence.text)
                    self.local_names.setdefault(full, PartyRef(full, "company", None))
            for match in LISTED_COMPANIES.finditer(sentence.text):
                for name in listed_names(match.group("names")):
                    if not self.matcher.fullmatch(name):
                        self.local_names.setdefault(name, PartyRef(name, "company", None))
            listed_people = []
            for match in LISTED_GROUPS.finditer(sentence.text):
                people = PEOPLE_NOUN.search(sentence.text[: match.start()]) is not None and re.search(
                    r"\b(?:them|him|her)\s+as\b", match.group()
                )
                for name in LIST_SEPARATOR.split(match.group("names") or match.group("names2")):
                    name = name.strip()
                    if people and re.fullmatch(NAME, name):
                        # "Two men were detained…, identifying them as Rakibul Hasan and Tanvir Ahmed": people
                        listed_people.append(name)
                    elif LISTED_GROUP_NAME.fullmatch(name) and not self.matcher.fullmatch(name):
                        self.local_names.setdefault(name, PartyRef(name, "threat_group", None))
            # (or in the sentence before: "…offered a reward for information on six officials. The officials — A, B
            # and C — belong to…")
            legal_here = self.legal_at[sentence.start] = LEGAL_ACT.search(sentence.text) is not None
            legal = legal_here or previous_legal
            names = [
                name
                for match in ACCUSED_PERSON_LIST.finditer(sentence.text)
                if legal
                for name in listed_names(match.group("names"))
            ]
            if legal:
                names += [match.group("name") for match in IDENTIFIED_AS.finditer(sentence.text)]
                for match in LISTED_NAMES.finditer(sentence.text):
                    listed = [name for name in listed_names(match.group("names")) if re.fullmatch(NAME, name)]
                    words = {word for name in listed for word in re.split(r"[\s-]+", name)}
                    before = sentence.text[max(0, match.start() - 60) : match.start()]
                    if (
                        words & (NOT_PERSON_WORDS | OFFICE_WORDS)
                        or NOT_PEOPLE_LISTED_BEFORE.search(before)
                        or NOT_ACCUSED_BEFORE.search(before)
                    ):
                        continue  # "two companies — Najee Technology Hooshmand Fater and Afkar System Yazd"
                    names += listed
            if self.cyber_report:
                names += [match.group("name") for match in PERSON_WITH_AGE.finditer(sentence.text)]
                names += [match.group("name") for match in PERSON_NAMED.finditer(sentence.text)]
                names += [match.group("name") for match in PERSON_OF_GROUP.finditer(sentence.text)]
                # "Dmitry Khoroshev, from Voronezh in southwestern Russia, is the administrator…": a person opening the
                # sentence with where they come from (a given name first: not "Microsoft, from Redmond")
                names += [
                    match.group("name")
                    for match in PERSON_FROM.finditer(sentence.text)
                    if match.group("name").split()[0].lower() in given_names()
                ]
                # "…we can say that Nikolai Korchagin, Vitali Shevchenko and Yuri Denisov, officers of the GRU, were
                # behind these attacks": people a list names as the attackers
                names += [
                    name
                    for match in (LISTED_NAMES.finditer(sentence.text) if ATTACK_WORD.search(sentence.text) else ())
                    if LISTED_ATTACKERS_AFTER.match(sentence.text, match.end())
                    for name in listed_names(match.group("names"))
                    if re.fullmatch(NAME, name) and not set(name.split()) & (NOT_PERSON_WORDS | OFFICE_WORDS)
                ]
            if LISTED_CONTINUATION.match(sentence.text) or NAMED_COUNTED.search(sentence.text):
                # "Those sanctioned include Tal Jonathan Dilian, a former…, and Sara Aleksandra Fayssal Hamou": each
                # person the list names
                names += [m.group() for m in LISTED_PERSON.finditer(sentence.text) if m.start() > 0]
                for found in LISTED_ORGANISATION.finditer(sentence.text):  # "the Internet Research Agency"
                    name = found.group("name")
                    if not self.matcher.fullmatch(name):
                        self.local_names.setdefault(name, PartyRef(name, "company", None))
            names += listed_people
            for pattern in (ACCUSED_PERSON_SUBJECT, ACCUSED_PERSON_OBJECT):
                names += [match.group("name") for match in pattern.finditer(sentence.text)]
            for match in ACCUSED_PERSON_OBJECTS.finditer(sentence.text):
                names += listed_names(match.group("names") or match.group("names2"))
            if legal:
                # "Mr. Vasiliev, 33, … had been charged": the person the report names in full elsewhere
                for match in HONORIFIC_SURNAME.finditer(sentence.text):
                    surname = match.group("surname")
                    if surname in self.titled_names or SPEAKS_AFTER.match(sentence.text, match.end()):
                        continue  # "Mr. Garland said the charges…": who speaks of the act, not who it is against
                    if re.match(
                        r"\s+(?:\w+ly\s+)?(?:accused|accuses|blamed|blames|alleged|alleges)\b",
                        sentence.text[match.end() :],
                    ):
                        continue  # "Mr Ha accused it of attempting to conceal the breach": who accuses
                    full = re.search(
                        rf"(?<![\w'’-])(?!(?:Mr|Mrs|Ms|Dr)\b)(?:{NAME_WORD}\s+){{1,2}}{re.escape(surname)}\b", self.text
                    ) or re.search(
                        # "Rim Jong Hyok…", later "Mr Rim": a family name written first
                        rf"(?<![\w'’.-])(?<!Mr\s)(?<!Mrs\s)(?<!Ms\s)(?<!Dr\s){re.escape(surname)}(?:\s+{NAME_WORD}){{1,2}}"
                        r"(?![\w'’-])",
                        self.text,
                    )
                    words = full.group().split() if full else []
                    if len(words) > 2 and words[0] in self.entries:
                        words = words[1:]  # "Russian Mikhail Vasiliev": the name after the demonym
                    if words and words[0] not in FUNCTION_WORDS | NOT_NAMES:
                        names.append(" ".join(words))
            if legal_here or self.cyber_report:
                for match in GIVEN_NAME_PERSON.finditer(sentence.text):
                    words = match.group("name").split()
                    # ("Hacker Ivan Petrov", "Colonel Yuriy Denisov": a trade or a rank before the name)
                    trade = re.fullmatch(f"(?:{PERSON_TRADES})", words[0].lower()) or RANK_BEFORE_NAME.match(
                        " ".join(words[:2])
                    )
                    lead = 1 if len(words) > 2 and trade else 0
                    name, first = " ".join(words[lead:]), words[lead]
                    at = match.start() + match.group("name").find(name)
                    before = sentence.text[max(0, at - 60) : at]
                    if first in FUNCTION_WORDS | NOT_NAMES or first.lower() not in given_names():
                        continue  # ("In New Jersey, U.S. prosecutors unsealed…": "In" is a given name too)
                    # ("travel bans on GRU chief Igor Kostyukov", "travel bans would apply to Igor Kostyukov, chief of
                    # the GRU": the object of a measure, who never speaks in the report)
                    held_office = legal_here and (
                        (TITLED_TARGET_BEFORE.search(before) and not self._speaks(name.split()[-1]))
                        or re.search(r"\b(?:appl(?:y|ies)\s+to|,\s+and\s+to)\s+$", before)
                    )
                    if name in names or (NOT_ACCUSED_BEFORE.search(before) and not held_office):
                        continue  # (a titled name is an office holder, unless a measure is against them)
                    if name.split()[-1] in self.titled_names and not held_office:
                        # "Foreign Minister Penny Wong said…" (not "…travel bans on GRU chief Igor Kostyukov", who
                        # never speaks in the report)
                        continue
                    if (
                        not legal_here
                        and (
                            first == "Al"  # ("Al Jazeera")
                            or NOT_ACCUSED_PERSON_BEFORE.search(before[-40:])
                            # ("the Eurovision Song Contest": part of a longer name)
                            or re.match(r"\s+[A-Z]", sentence.text[at + len(name) :])
                            or re.search(r"\S\s+[A-Z][\w-]*\s+$", sentence.text[: match.start()])
                            or self._speaks(name.split()[-1])
                        )
                    ):
                        continue
                    names.append(name)
            for name in list(names):
                # the people listed after one the report accuses: "A, the group's leader, and B, its hacker"
                at = sentence.text.find(name)
                while at >= 0:
                    following = NEXT_LISTED_PERSON.match(sentence.text, at + len(name))
                    if following is None or following.group("name") in names:
                        break
                    name = following.group("name")
                    names.append(name)
                    at = following.start("name")
            names = [RANK_BEFORE_NAME.sub("", name) for name in names]  # "Colonel Yuriy Denisov", "Lieutenants A and B"
            names = [re.sub(r"['’]s$", "", name) for name in names]  # "designated Media Land's subsidiary": the owner
            for index, name in enumerate(names):
                # "Amir Hossein Nickaein Ravari": a name of four words the three-word reading cut short
                longer = re.search(rf"\b{re.escape(name)}\s+(?P<more>[A-Z][{LOWER}'’-]+)\b", sentence.text)
                if longer and len(name.split()) == 3 and longer.group("more") not in NOT_PERSON_WORDS | NOT_NAMES:
                    names[index] = name = f"{name} {longer.group('more')}"
                known = self.matcher.search(name)
                surname = known and known.end() == len(name) and " " in name[: known.start()].strip()
                if set(re.split(r"[\s-]+", name)) & NOT_PERSON_WORDS or (known and not surname):
                    # "Justice Department", "Chinese Premier": an organisation or a title ("Paulo Mendes Lima" is a name
                    # that ends like a capital)
                    if not known and name.split()[-1] in COMPANY_LAST_WORDS and legal_here:
                        # "sanctioned Funnull Technology and Liu Lizhi": a company a legal act names by its own name
                        self.local_names.setdefault(name, PartyRef(name, "company", None))
                    continue
                if name in self.local_names or any(name.startswith(n) for n in self.local_names):
                    continue
                if self._named_otherwise(name):
                    continue
                self._add_person(PartyRef(name, "person", None))
            previous_legal = legal_here

    def _named_otherwise(self, name: str) -> bool:
        """Whether the report tells a name read as a person's to be a company's ("front companies, including Mehrsam
        Andisheh Saz Nik, which presented itself as…") or an envoy's ("Zheng Zeguang, China's ambassador, was
        summoned"), once per report."""
        if name not in self.named_otherwise:
            self.named_otherwise[name] = bool(
                ("compan" in self.text or f"{name}," in self.text)
                and re.search(NAMED_AS_COMPANY.format(name=re.escape(name)), self.text)
            ) or bool(
                f"{name}," in self.text and re.search(rf"\b{re.escape(name)},\s+{STATE_ENVOY_APPOSED}", self.text)
            )
        return self.named_otherwise[name]

    def learn_sponsors(self, parts: list[Sentence]) -> None:
        """The state the report ties each threat group to, wherever it says so: a state qualifying the group's
        name (SPONSOR_BEFORE_GROUP) or a phrase after it (SPONSOR_AFTER_GROUP). An accusation of the group is
        then an accusation of that state too."""
        self.learned_mentions = {}
        last_group = None
        for sentence in parts:
            found = self.learned_mentions[sentence.start] = self.mentions(sentence)
            self.named_words += [(sentence.start, sentence.text[m.start : m.end].lower(), m.party) for m in found]
            opening = GROUP_ANAPHOR_SUBJECT.match(sentence.text)
            states = [m for m in found if opening and m.party.kind in ("state", "government_body") and m.party.country]
            if (
                opening
                and last_group is not None
                and states
                and not any(m.start < states[0].start and m.party.kind == "threat_group" for m in found)
            ):
                gap = sentence.text[opening.end() : states[0].start]
                if sponsor_tie(gap, sentence.text[states[0].end :]):
                    # "The agency attributed the campaigns to a group it tracks as APT28. That group, it said, is run by
                    # the GRU": the group just named
                    self.sponsors.setdefault(party_key(last_group), states[0].party)
            clause = GROUP_ANAPHOR_CLAUSE.search(sentence.text) if "that" in sentence.text else None
            named = [m for m in found if clause and m.end <= clause.start() and m.party.kind == "threat_group"]
            served = [m for m in found if clause and m.start >= clause.end() and m.party.kind in STATE_KINDS]
            if named and served and served[0].party.country:
                gap = sentence.text[clause.end() : served[0].start]
                negated = HEDGE.search(gap) or re.search(r"\b(?:not|never|no)\b", gap)
                # (not "…, and that the group had also targeted companies linked to the Ukrainian government": victims)
                negated = negated or re.search(
                    r"\b(?:target|attack|hack|breach|focus|compromis|infiltrat|spied|stole)", gap
                )
                if sponsor_tie(gap, sentence.text[served[0].end :]) and not negated:
                    for group in named:  # ("a hacking group known as APT29, or "Cozy Bear", had…": each name)
                        self.sponsors.setdefault(party_key(group.party), served[0].party)
            groups = [m.party for m in found if m.party.kind == "threat_group"]
            last_group = groups[-1] if groups else last_group
            commentary = self._first(COMMENTARY, sentence.text)
            if commentary and not any(m.start < commentary.end() for m in found):
                continue  # "Some Western researchers had suggested Anonymous Sudan was a front for Russian…": no tie
            companies = [m.party for m in found if m.role == "company"]
            self.first_company = self.first_company or (companies[0] if companies else None)
            for index, mention in enumerate(found):
                state = found[index + 1] if mention.party.kind == "company" and index + 1 < len(found) else None
                if (
                    state is not None
                    and state.party.kind in ("state", "government_body")
                    and state.party.country
                    and COMPANY_TIE.match(sentence.text[mention.end : state.start])
                ):
                    for company in self._with_coordinated_before(sentence, found[:index], mention):
                        if company.party.kind == "company":
                            self.sponsors.setdefault(party_key(company.party), state.party)
                if mention.party.kind != "threat_group":
                    continue
                sponsor = None
                for other in reversed(found[:index]):
                    gap = sentence.text[other.end : mention.start]
                    if len(gap) <= 60 and other.party.country and SPONSOR_BEFORE_GROUP.fullmatch(gap):
                        if other.party.kind in ("state", "government_body"):
                            sponsor = other.party
                        break
                for other in found[index + 1 :]:
                    gap = sentence.text[mention.end : other.start]
                    after = sentence.text[other.end :]
                    if (
                        sponsor is None
                        and (
                            other.role == "demonym"
                            or (other.role == "state" and STATE_BACKED_AFTER.match(after))
                            # ("UNC4736, a North Korea-nexus group", "a Russia-linked group")
                            or (other.role in ("state", "metonym") and STATE_TIED_SUFFIX.match(after))
                        )
                        and APPOSED_SPONSOR.fullmatch(gap)
                        and APPOSED_ACTORS.match(after)
                    ):
                        # "TraderTraitor, a group of North Korean cyber actors", 'Volt Typhoon, "a People's Republic
                        # of China state-sponsored cyber actor"'
                        sponsor = other.party
                        break
                    if sponsor is None and other.party.country and COPULA_SPONSOR.match(gap):
                        if STATE_BACKED_AFTER.match(after):  # "Flax Typhoon is a Chinese state-sponsored group"
                            sponsor = other.party
                        break
                    if sponsor is None and len(gap) <= 140 and other.party.kind in ("state", "government_body"):
                        tie = sponsor_tie(gap, after)
                        base = BASE_VERB.search(gap) is not None
                        # ("found no evidence that LockBit was directed by the Russian state": no tie)
                        hedged = HEDGE.search(sentence.text, max(0, mention.start - 80), mention.start) or re.search(
                            r"\b(?:not|never|no)\b", gap
                        )
                        if tie and not hedged and not (base and self._criminal(mention.party.name, gap)):
                            sponsor = other.party
                        break
                if sponsor is not None:
                    self.sponsors.setdefault(party_key(mention.party), sponsor)

    def _criminal(self, name: str, gap: str) -> bool:
        """Whether the report calls the group a criminal or ransomware gang ("DarkSide, a ransomware group believed
        to operate from Russia", "the Russian-speaking criminal group Conti"): where it works from is no sponsor."""
        if CRIMINAL_WORD.search(gap):
            return True
        return re.search(CRIMINAL_NAMED.format(name=re.escape(name)), self.text) is not None

    def learn_affiliations(self, parts: list[Sentence]) -> None:
        """Who stands behind the people a report accuses. News names a hacker to tell what group or state he
        works for: "charging two Russian nationals, A and B, with deploying LockBit" (the group named after the
        person), "accused of stealing research at the direction of China's Ministry of State Security" (a state
        said to direct those accused). A claim or measure against the person is then one against that group or
        state; a person stays the accused only when the report ties them to neither (a company they work for is
        named with them, not instead of them)."""
        for sentence in parts:
            found = self.learned_mentions.get(sentence.start)
            if found is None or any(acronym in sentence.text for acronym in self.acronyms):
                found = self.mentions(sentence)  # (the same as learn_sponsors found, unless an acronym was learned)
            legal = self.legal_at.get(sentence.start, False)  # (as learn_names found it)
            for mention in found:  # "Japan's National Police Agency", later "the NPA": a body's initials name it
                words = re.findall(r"\b[A-Z]", sentence.text[mention.start : mention.end])
                if mention.role == "body" and len(words) >= 3 and mention.party.kind in ("state", "government_body"):
                    self.acronyms.setdefault("".join(words), mention.party)
            for index, mention in enumerate(found):
                directed = STATE_DIRECTED.search(sentence.text[max(0, mention.start - 40) : mention.start])
                if legal and directed and mention.party.kind in ("state", "government_body") and mention.party.country:
                    self.directing_state = self.directing_state or mention.party
                if mention.party.kind != "person" or not legal:
                    continue
                for other in found[index + 1 :]:
                    in_body = other.party.kind in ("state", "government_body") and other.party.country
                    member = PERSON_IN_STATE_BODY.match(sentence.text[mention.end : other.start]) if in_body else None
                    if member and re.search(r"\bin\s+$", member.group()) and other.role in ("state", "metonym"):
                        member = None  # ("handed Bendelladj over to FBI agents in Bangkok": where the agents were)
                    if member:
                        for person in [m.party for m in found[: index + 1] if m.party.kind == "person"]:
                            self.affiliations.setdefault(person.name.lower(), other.party)
                        break
                    if other.party.kind == "threat_group" and PERSON_IN_GROUP.match(
                        sentence.text[mention.end : other.start]
                    ):
                        for person in [m.party for m in found[: index + 1] if m.party.kind == "person"]:
                            self.affiliations.setdefault(person.name.lower(), other.party)
                        break

    def behind(self, party: PartyRef) -> PartyRef:
        """The group or state behind an accused person (learn_affiliations), else the party itself."""
        if party.kind != "person":
            return party
        return self.affiliations.get(party.name.lower()) or self.directing_state or party

    def _add_person(self, person: PartyRef) -> PartyRef:
        """Known by the full name and by each end of it: "Su Bin" is "Su" later, "Aleksandr Ermakov" "Ermakov"."""
        if re.search(r"\s[A-Z]$", person.name) and f"{person.name}." in self.text:
            person = PartyRef(f"{person.name}.", person.kind, person.country)  # "Oleksandr K.": the initial is a name
        words = person.name.split()
        known = self.persons.get(words[-1])
        longer = max((known.name.split(), words), key=len) if known else []
        # (one name of two words, the other with a patronymic between: not "Kim Ryong Hyok" and "Kim Chol Hyok")
        if (
            known
            and known.name.split()[0] == words[0]
            and known.name.split()[-1] == words[-1]
            and min(len(known.name.split()), len(words)) == 2
            and len(longer) == 3
            and PATRONYMIC.fullmatch(longer[1])
        ):
            self.persons.setdefault(person.name, known)  # "Dmitry Yuryevich Khoroshev", later "Dmitry Khoroshev"
            return known
        if len(words) == 3 and PATRONYMIC.fullmatch(words[1]) and f"{words[0]} {words[2]}" in self.text:
            # "Dmitry Yuryevich Khoroshev", elsewhere "Dmitry Khoroshev": the name the report goes on to use
            short = PartyRef(f"{words[0]} {words[2]}", person.kind, person.country)
            self.persons.setdefault(person.name, short)
            person, words = short, [words[0], words[2]]
        self.persons.setdefault(person.name, person)
        for word in (words[0], words[-1]):
            if len(word) > 1 and word not in NOT_PERSON_WORDS:
                self.persons.setdefault(word, person)
                sharing = self.persons_sharing.setdefault(word, [])
                if person not in sharing:
                    sharing.append(person)
        return person

    def _person_meant(self, word: str, person: PartyRef, sentence: Sentence) -> PartyRef:
        """The person a bare name stands for in `sentence`, of several who share it: the one named in full beside the
        others this sentence names ("Maksim Yakubets … along with Igor Turashev", later "Yakubets, Turashev and
        Ryzhenkov"; "Yin Kecheng and Zhou Shuai", later "Yin and Zhou"), else the first named."""
        sharing = self.persons_sharing.get(word, [])
        if len(sharing) < 2:
            return person
        others = {
            w
            for w, p in self.persons.items()
            if " " not in w and w != word and p not in sharing and re.search(rf"\b{re.escape(w)}\b", sentence.text)
        }

        def beside(candidate: PartyRef) -> int:
            at = self.text.find(candidate.name)
            start, end = self.text.rfind(".", 0, at) + 1, self.text.find(".", at)
            return sum(1 for w in others if re.search(rf"\b{re.escape(w)}\b", self.text[start:end]))

        return max(sharing, key=beside) if any(beside(p) for p in sharing) else person

    def _scan(self, pattern: re.Pattern, text: str) -> list[re.Match]:
        """Every match of a fixed pattern in a sentence, found once per report: mentions() reads each sentence at
        least twice (learning names, then reading statements), and these patterns do not depend on what was read."""
        key = (id(pattern), text)
        if key not in self.scanned:
            self.scanned[key] = list(pattern.finditer(text))
        return self.scanned[key]

    def _bodies_in(self, text: str) -> list[re.Pattern]:
        """The patterns of generic bodies whose words `text` holds, in order, once per report."""
        if text not in self.bodies_in:
            holds = text.lower().__contains__
            self.bodies_in[text] = [pattern for words, pattern in self.bodies if any(map(holds, words))]
        return self.bodies_in[text]

    def _first(self, pattern: re.Pattern, text: str) -> re.Match | None:
        """The first match of a fixed pattern in a sentence (`_scan`: found once per report, by the rules and the
        second reading alike)."""
        found = self._scan(pattern, text)
        return found[0] if found else None

    def mentions(self, sentence: Sentence) -> list[Mention]:
        found = []
        # (and the companies and groups a sentence of the report names by their kind, recorded below as the first pass
        # over the sentences, learn_sponsors, reads them: "Dutch security firm Fox-IT said… Fox-IT, a unit of Britain's
        # NCC Group, said…", "a group calling itself the 'Pakistan Cyber Army'… carried out by the Pakistan Cyber Army")
        known_names = {**self.named_by_kind, **self.local_names}
        for name, party in sorted(known_names.items(), key=lambda item: -len(item[0])):
            if name not in sentence.text:
                continue
            for match in re.finditer(rf"\b{re.escape(name)}(?!\w)", sentence.text):
                if not any(m.start < match.end() and match.start() < m.end for m in found):
                    role = {"threat_group": "group", "government_body": "named_body", "person": "person"}.get(
                        party.kind, "company"
                    )
                    found.append(Mention(match.start(), match.end(), party, role))
        for match in COMPANY_BY_FIRST_WORD.finditer(sentence.text):
            named = {p for n, p in self.local_names.items() if p.kind == "company" and n.split()[0] == match["word"]}
            if len(named) == 1 and not any(m.start < match.end() and match.start() < m.end for m in found):
                found.append(Mention(match.start("word"), match.end(), named.pop(), "company"))
        local = list(found)
        for match in self._scan(self.matcher, sentence.text):
            entry = self.entries[match.group()]
            if any(m.start < match.end() and match.start() < m.end for m in local):
                continue  # "Sichuan Silence": the company this report names, not the group "Silence"
            if match.start() > 0 and sentence.text[match.start() - 1] == "-":
                continue  # "pro-Russian", "anti-Iranian" describe, they do not name an actor
            if entry.role == "demonym" and (
                (
                    INDEFINITE_BEFORE.search(sentence.text, max(0, match.start() - 4), match.start())
                    and DEMONYM_AS_NOUN.match(sentence.text, match.end())
                )
                # ("Ukrainian charged in U.S. over Raccoon Infostealer malware": a person of that country)
                or (match.start() == 0 and DEMONYM_PERSON_HEADLINE.match(sentence.text, match.end()))
                or COUNTRY_MEDIA_AFTER.match(sentence.text, match.end())
            ):
                # "sanctions on a North Korean and a Russian", "…, German broadcaster says": a person of that
                # nationality or the country's press, not its state
                found.append(Mention(match.start(), match.end(), entry.party, "origin"))
                continue
            if (
                entry.role == "demonym"
                and (article := UNNAMED_FIRM_BEFORE.search(sentence.text, max(0, match.start() - 12), match.start()))
                and re.search(r"\b(?:and|from)\s+$", sentence.text[: article.start()])
                and UNNAMED_FIRM_AFTER.match(sentence.text, match.end())
            ):
                # "added NSO and another Israeli firm to a trade blacklist": a firm of that country, unnamed, not its
                # state
                found.append(Mention(match.start(), match.end(), entry.party, "origin"))
                continue
            if entry.role == "demonym" and CRIMINAL_GANG_AFTER.match(sentence.text, match.end()):
                # "the Russian cybercrime gang": where criminals come from, not a state that acts (kept until the
                # names are read, so that "A Russian" is no group's name)
                found.append(Mention(match.start(), match.end(), entry.party, "origin"))
                continue
            if re.match(r"\s+(?:dollars?|cents?|currency)\b|\$", sentence.text[match.end() :]):
                continue  # "a reward of up to 10,000 yuan (about 1,390 U.S. dollars)", "US$8 million": money
            surname = re.match(r"\s+([A-Z][a-z]+)(?=,\s+(?:a|an|the)\s|\s+said\b)", sentence.text[match.end() :])
            if (
                entry.role == "state"
                and surname
                and match.group().lower() in given_names()
                and surname.group(1) not in NOT_PERSON_WORDS | NOT_NAMES
                and surname.group(1) not in self.entries
            ):
                continue  # "said Jordan Leclerc, a security researcher": a person's given name, not the state
            if entry.role in ("metonym", "state") and INSTITUTION_AFTER_PLACE.match(sentence.text, match.end()):
                continue  # "Pyongyang University of Automation", "Kabul Polytechnic": an institution's name
            carrier = (
                COMPANY_AFTER_PLACE.match(sentence.text, match.end()) if entry.role in ("metonym", "state") else None
            )
            if carrier:
                # "Malaysia Airlines said…": a company named after its country
                name = sentence.text[match.start() : carrier.end()]
                found.append(Mention(match.start(), carrier.end(), PartyRef(name, "company", None), "company"))
                continue
            if (
                entry.role == "metonym"
                and TITLE_BEFORE.search(sentence.text, 0, match.start())
                and re.match(r"\s+[A-Z][a-z]", sentence.text[match.end() :])
            ):
                continue  # "prosecutor Wellington Divino Marques de Oliveira": a person's given name, not the capital
            if DESCRIBING_SUFFIX.match(sentence.text[match.end() :]):
                # "Belgium-based SWIFT", "Singapore-headquartered Group-IB": where someone is, not who acts;
                # "a French-speaking gang": the language it speaks
                continue
            named = re.match(r"\s+Ransomware\b", sentence.text[match.end() :])
            if entry.party.kind == "state" and entry.role == "state" and named:
                # '"Cuba Ransomware is behind this attack"': a gang's name, capitalised, not the state
                name = sentence.text[match.start() : match.end() + named.end()]
                found.append(
                    Mention(match.start(), match.end() + named.end(), PartyRef(name, "threat_group", None), "group")
                )
                continue
            if (
                entry.party.kind == "state"
                and re.match(r"\s+ransomware\b", sentence.text[match.end() :], re.IGNORECASE)
                and re.search(r"\b(?:called|named|dubbed|known as|by|the|of)\s+$", sentence.text[: match.start()])
            ):
                continue  # "a criminal group called Cuba ransomware": the gang's name, not the state
            role = entry.role
            if role == "place":
                continue  # "British Columbia", "the South China Sea": a place, matched only to hide the demonym
            if role == "group_word":
                if not sentence.text[: match.start()].strip(" \"'“‘(-"):
                    continue  # "Play", "Silence" opening a sentence are words, not names
                role = "group"
            previous = found[-1] if found else None
            if previous and previous.role == "group" and role == "state" and previous.end + 1 == match.start():
                # "Anonymous Sudan", "Cyber Army of Russia": a group naming itself after a state is one name
                name = sentence.text[previous.start : match.end()]
                found[-1] = Mention(previous.start, match.end(), PartyRef(name, "threat_group", None), "group")
                continue
            found.append(Mention(match.start(), match.end(), entry.party, role))
        for acronym, party in self.acronyms.items():
            if acronym not in sentence.text:
                continue
            for match in re.finditer(rf"\b{acronym}\b", sentence.text):
                if not any(m.start < match.end() and match.start() < m.end for m in found):
                    found.append(Mention(match.start(), match.end(), party, "body"))
        for match in self._scan(GROUP_NAME_PATTERN, sentence.text):
            if not any(m.start < match.end() and match.start() < m.end for m in found):
                found.append(Mention(match.start(), match.end(), group_from_name(match.group()), "group"))
        for match in self._scan(NAMED_PERSON_PATTERN, sentence.text):
            nationality = [m for m in found if m.start == match.start("who")]
            if nationality and not any(m.start < match.end("name") and match.start("name") < m.end for m in found):
                person = PartyRef(match.group("name"), "person", nationality[0].party.country)
                person = self._add_person(person)
                found.append(Mention(match.start("name"), match.end("name"), person, "person"))
        for surname, person in sorted(self.persons.items(), key=lambda item: -len(item[0])):
            if surname not in sentence.text:
                continue
            for match in re.finditer(rf"\b{re.escape(surname)}\b", sentence.text):
                if not any(m.start <= match.start() < m.end for m in found):
                    # ("Paulo Mendes Lima": the person, not the capital his name ends with)
                    found = [m for m in found if not (match.start() < m.start and m.end <= match.end())]
                    meant = self._person_meant(surname, person, sentence)
                    found.append(Mention(match.start(), match.end(), meant, "person"))
        for pattern, kind in ((NAMED_GROUP_PATTERN, "threat_group"), (NAMED_COMPANY_PATTERN, "company")):
            for match in self._scan(pattern, sentence.text):
                group = next(g for g in NAME_GROUPS if match.groupdict().get(g))
                name, start, end = match.group(group), match.start(group), match.end(group)
                stripped = without_full_stop(name)  # ("…a gang it tracks as Gold Mystic.": the sentence's full stop)
                name, end = stripped, end - (len(name) - len(stripped))
                known = name in NOT_NAMES or name in self.entries or name in self.speakers  # a demonym, a person…
                known = known or name in self.titled_names
                known = known or any(pattern.fullmatch(name) for _, pattern in self.bodies)  # "Treasury said"
                known = known or DESCRIBING_NAME_END.search(name)
                inside = [m for m in found if start <= m.start and m.end <= end and m.party.kind == "threat_group"]
                overlapping = [m for m in found if m.start < end and start < m.end]
                if group == "name5" and not known and inside and len(inside) == len(overlapping):
                    # "Winnti Umbrella, a hacking group": the whole name, not the known group inside it
                    found = [m for m in found if m not in inside]
                whole = group == "name8" or (group == "name2" and " " in name)
                # ("hacker group LulzSec Peru": a group's chapter named by its country, the whole name)
                whole = whole or (
                    kind == "threat_group"
                    and " " in name
                    and any(m.start > start and m.end == end and m.role == "state" for m in overlapping)
                )
                if whole and not known and all(start <= m.start and m.end <= end for m in overlapping):
                    # "the so-called IT Army of Ukraine", "a hacktivist collective calling itself Mysterious Team
                    # Bangladesh": the group's whole name, not the state inside it
                    found = [m for m in found if m not in overlapping]
                if known or any(m.start < end and start < m.end for m in found):
                    continue
                if group == "name11":  # "a hacker who goes by the name Direxer": a person's alias
                    found.append(Mention(start, end, PartyRef(name, "person", None), "person"))
                    continue
                found.append(
                    Mention(start, end, PartyRef(name, kind, None), "group" if kind == "threat_group" else kind)
                )
                if group == ("name" if kind == "company" else "name2") or (kind == "threat_group" and group == "name3"):
                    self.named_by_kind.setdefault(name, found[-1].party)
        for match in self._scan(NAMED_MEDIA_PATTERN, sentence.text):
            name, start, end = match.group("name"), match.start("name"), match.end()
            # ("The Flemish daily De Standaard reported": the outlet, not a person of that name)
            # (not "the Russian state-controlled broadcaster, Kostiantyn Kalashnikov, 31": a person after it)
            taken_for_people = [
                m
                for m in found
                if m.start < end
                and start < m.end
                and m.party.kind == "person"
                and m.start >= start
                and "," not in sentence.text[match.start() : start]
            ]
            found = [m for m in found if m not in taken_for_people]
            if name in NOT_NAMES or name in self.entries or any(m.start < end and start < m.end for m in found):
                continue
            if STATE_MEDIA_BEFORE.search(sentence.text[max(0, match.start() - 40) : start]):
                continue  # "North Korea's official news agency KCNA": the state's voice
            # ("Danish public broadcaster DR": the country describes the broadcaster, it does not speak)
            found = [
                m
                for m in found
                if not (m.role == "demonym" and MEDIA_DESCRIBED.fullmatch(sentence.text[m.end : start]))
            ]
            found.append(Mention(start, end, PartyRef(match.group("full") or name, "media", None), "org"))
        for pattern in self._bodies_in(sentence.text):
            for match in self._scan(pattern, sentence.text):
                if any(m.start <= match.start() < m.end for m in found):
                    continue
                inside = [m for m in found if m.role == "body" and match.start() < m.start < match.end()]
                found = [m for m in found if m not in inside]  # "Federal prosecutors", not its "prosecutors"
                possessors = [m for m in found if re.fullmatch(r"['’]s\s+", sentence.text[m.end : match.start()])]
                if any(m.party.kind == "international_org" for m in possessors):
                    continue  # "Europol, the EU's police agency": a body of an international organisation
                of = re.match(r"\s+(?:from|of)\s+(?:the\s+)?", sentence.text[match.end() :])
                of = None if MISSIONS.fullmatch(match.group()) else of
                owner = [m for m in found if of and m.start == match.end() + of.end() and m.party.kind == "state"]
                if owner and match.group().lower().endswith("s"):
                    continue  # "intelligence agencies from the United States, Canada and…": the states act
                country = (
                    owner[0].party
                    if owner
                    else self._country_near(
                        match.start(),
                        found,
                        sentence.text,
                        match.end(),
                        mission=bool(MISSIONS.fullmatch(match.group())),
                    )
                )
                if country is not None and country.country in US_TERRITORIES and FEDERAL_COURT.fullmatch(match.group()):
                    country = self.entries["U.S."].party  # "federal court in Puerto Rico": an American court
                if country is not None:
                    found.append(Mention(match.start(), match.end(), country, "body"))
        # "North Korea's Technical Reconnaissance Bureau": an organ of the state, named in full after it
        for mention in [m for m in found if m.role in ("state", "metonym") and m.party.kind == "state"]:
            organ = POSSESSED_ORGAN.match(sentence.text, mention.end)
            if organ and not any(mention.end < m.start < organ.end() for m in found):
                body = PartyRef(organ.group("name"), "government_body", mention.party.country)
                found = [m if m is not mention else Mention(m.start, organ.end(), body, "named_body") for m in found]
        # "the Syrian Electronic Army", "the Iranian Cyber Army": a group named with a demonym is one name
        for mention in [m for m in found if m.role == "demonym"]:
            named = SELF_STYLED_GROUP.match(sentence.text, mention.end)
            if named:
                name = sentence.text[mention.start : named.end()]
                found = [m for m in found if not (mention.start <= m.start < named.end())]
                found.append(Mention(mention.start, named.end(), PartyRef(name, "threat_group", None), "group"))
        # "the European Union's police agency Europol": the organisation named, not the one describing it
        found = [
            m
            for m in found
            if not (
                m.party.kind == "international_org"
                and any(
                    o.party.kind != "state"
                    and re.fullmatch(r"['’]s\s+(?:[a-z][\w-]*\s+){1,4}", sentence.text[m.end : o.start])
                    for o in found
                )
            )
        ]
        # "In a Facebook post", "its Telegram channel": a platform someone speaks on, not an actor
        found = [m for m in found if not (m.role == "company" and PLATFORM_AFTER.match(sentence.text, m.end))]
        # "pro-Assad", "anti-Kremlin": what describes someone does not name an actor
        found = [m for m in found if not DESCRIBING_PREFIX.search(sentence.text[max(0, m.start - 5) : m.start])]
        # "Snake, a sophisticated piece of malware that Russia's FSB has used": a tool named as one, not a group
        found = [
            m for m in found if not (m.party.kind == "threat_group" and TOOL_APPOSITION.match(sentence.text, m.end))
        ]
        # ("The National Cyber Security Centre (NCSC) said…" of Switzerland: "NCSC" is Britain's only in a report that
        # names Britain)
        found = [
            m
            for m in found
            if not (
                m.party.country == "GB" and sentence.text[m.start : m.end] == "NCSC" and not self._speaks_of_britain()
            )
        ]
        # "Google-owned cybersecurity firm Mandiant": the owning company describes the one named (not "two
        # Russian-owned compounds", the state's)
        found = [m for m in found if not (m.role == "company" and sentence.text.startswith("-owned", m.end))]
        # "Operation Cloud Hopper", "Operation Aurora": the name of a campaign, not of who ran it
        found = [m for m in found if not OPERATION_BEFORE.search(sentence.text[max(0, m.start - 10) : m.start])]
        # "said a former U.S. intelligence official": a state that person no longer speaks for
        if "former" in sentence.text:
            found = [
                m
                for m in found
                if not (
                    m.party.kind in STATE_KINDS
                    and FORMER_SPEAKER_BEFORE.search(sentence.text, 0, m.start)
                    and FORMER_SPEAKER_AFTER.match(sentence.text, m.end)
                )
            ]
        return sorted((m for m in found if m.role != "origin"), key=lambda m: m.start)

    def _country_near(
        self, at: int, found: list[Mention], text: str, end: int, *, mission: bool = False
    ) -> PartyRef | None:
        """The state a generic body ("the foreign ministry") belongs to: the state qualifying it ("Iran's
        foreign ministry"), else the place after it ("the foreign ministry in Moscow"), else the subject of
        the text so far."""
        if re.search(r"\bCrown\s+Court\b", text[at:end]):
            return self.entries["Britain"].party  # "Kingston Crown Court": English, wherever it sits
        before = [
            m
            for m in found
            if m.end <= at
            and at - m.end <= 12
            and m.party.kind == "state"
            and re.fullmatch(r"(?:'s|’s|'|’)?\s*(?:[\w-]+\s+)?", text[m.end : at])
        ]
        if before:
            return before[-1].party
        if re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", text[max(0, at - 25) : at]):
            # "Britain sanctioned the same company, and its Foreign Office summoned…", "Albania blamed Iran for the
            # attack on its government websites": the state the sentence is about, its first named
            named = [m for m in found if m.end <= at and m.party.kind == "state" and m.role in ("state", "metonym")]
            if named:
                return named[0].party
        if mission:
            return None
        where = [  # "…coordinated with Washington, where the Justice Department unsealed…": the place the clause is in
            m
            for m in found
            if m.party.kind == "state" and m.role in ("state", "metonym") and WHERE_CLAUSE.fullmatch(text[m.end : at])
        ]
        if where:
            return where[-1].party
        leading = [  # "In Tehran, foreign ministry spokesman …": the place opening the sentence
            m
            for m in found
            if m.end <= at
            and m.party.kind == "state"
            and OPENING_IN.fullmatch(text, 0, m.start)
            # ("In Washington the Justice Department on the same day unsealed charges…, and the Treasury…")
            and re.match(r"\s*,|\s+the\s+(?-i:[A-Z])", text[m.end :])
        ]
        if leading:
            return leading[0].party
        # "the foreign ministry in Moscow" (not "the Foreign Office called in China's ambassador")
        place = re.match(
            r"(?:\s+(?!(?:called|calls|call|\w+ed)\b)[\w'’-]+){0,3}?\s+(?:in|at)\s+(?:the\s+)?", text[end:]
        )
        after = [m for m in found if place and m.start == end + place.end() and m.party.kind == "state"]
        if after:
            return after[0].party
        of_place = re.match(r"\s+of\s+", text[end:])  # "The cyber police of Mumbai's West Region"
        place = place or of_place
        city = city_state_at(text, end + place.end()) if place and LOCAL_BODY.search(text[at:end]) else None
        if city and not any(m.start == city[0].start() for m in found):
            return city[1]  # "Police in Mumbai", "a court in Araraquara on Monday": the city's state
        named = CITY_BEFORE.search(text[:at]) if LOCAL_BODY.search(text[at:end]) else None
        if named and not any(m.start <= named.start() < m.end for m in found) and named.group(1) in city_states():
            return city_states()[named.group(1)]  # "Mumbai police"
        # "…spokeswoman Mao Ning told a regular briefing in Beijing": where the speaker speaks
        briefing = re.match(
            r"[^.;]{0,60}?\b(?:briefing|news conference|press conference|reporters)\s+in\s+(?:the\s+)?", text[end:]
        )
        held = [m for m in found if briefing and m.start == end + briefing.end() and m.party.kind == "state"]
        if held and not mission:
            return held[0].party
        # "At a briefing in Beijing, Foreign Ministry spokeswoman…": the place the clause is set in
        setting = [
            m
            for m in found
            if m.end <= at
            and m.party.kind == "state"
            and m.role in ("state", "metonym")
            and re.search(r"\bin\s+(?:the\s+)?$", text[max(0, m.start - 10) : m.start])
            and not re.search(r"[;.]", text[m.end : at])
        ]
        if setting:
            return setting[-1].party
        federal = FEDERAL_COURT.fullmatch(text[at:end])
        charged = [c for c in self.result.consequences[-3:] if c["kind"] in ("indictment", "prosecution")]
        if re.fullmatch(r"(?i:(?:federal\s+)?prosecutors?)", text[at:end]) and charged:
            # "…the U.S. Justice Department unsealed an indictment charging two Chinese nationals… Prosecutors said the
            # men were members of APT10", in a report from Ottawa: the prosecutors of the charges just told
            last = charged[-1]["initiated_by"]
            if last["kind"] in ("state", "government_body") and last["country"]:
                return PartyRef(**last)
        if (
            self.dateline_state is not None
            and self.last_subject is not None
            and not self.has_acted(self.last_subject)
            and party_key(self.last_subject) != party_key(self.dateline_state)
            and LOCAL_BODY.search(text[at:end])
        ):
            # "BOSTON — A Russian businessman … was sentenced…, prosecutors say": the dateline's prosecutors, not those
            # of a state the report has only named, which has blamed no one
            return self.dateline_state
        if (
            self.dateline_state is not None
            and (
                re.match(r"(?i:federal|national)\s+(?i:office|agency|bureau)", text[at:end])
                # "HELSINKI (Reuters) - … The National Cyber Security Centre … said": the dateline's, in a report that
                # does not speak of Britain
                or (NATIONAL_CYBER_CENTRE.fullmatch(text[at:end]) and not self._speaks_of_britain())
            )
        ):
            # "GENEVA (Reuters) - … The Federal Office for Cyber Security said…": a national office of the dateline's
            return self.dateline_state
        if (
            self.last_subject
            # ("The U.S. Justice Department unsealed indictments… Prosecutors said": the department, keyed by its state)
            and (self.last_subject.kind == "state" or (self.last_subject.kind == "government_body" and not federal))
            and self.last_subject.country
            and (not federal or self.last_subject.country in FEDERAL_STATES)
        ):
            if (
                self.dateline_state is not None
                and DEFENDING_BODY.fullmatch(text[at:end])
                and party_key(self.last_subject) in self.accused
                and not self.has_acted(self.last_subject)
                and party_key(self.dateline_state) != party_key(self.last_subject)
            ):
                # "SEOUL (AP) - … concluded that the Reconnaissance General Bureau was behind… The Defense Ministry
                # said…": not a body of the accused, which has blamed no one, but the dateline's (a body that defends
                # the state at home; a foreign ministry or embassy is as often the accused's, answering)
                return self.dateline_state
            return self.last_subject
        if federal:
            return self.entries["U.S."].party  # unqualified, "federal court" is American in English-language news
        if self.dateline_state is not None and (
            LOCAL_BODY.search(text[at:end])
            or (
                re.fullmatch(r"(?i:military|armed forces|army)", text[at:end])
                and (
                    re.match(r"\s+(?:investigators|prosecutors)\b", text[end:])
                    # "BOGOTA (AP) - The weekly Semana reported that army intelligence ran a listening post": the
                    # dateline's army, in what a newspaper reports
                    or any(m.party.kind == "media" and m.end <= at for m in found)
                    or (self.last_subject is not None and self.last_subject.kind == "media")
                )
            )
        ):
            # "TAIPEI - Prosecutors have indicted…", "SEOUL - … military investigators said": the police, courts and
            # armed forces of the dateline
            return self.dateline_state
        if (
            self.dateline_state is not None
            and not self.states_named
            and not any(m.party.kind in ("state", "government_body") and m.end <= at for m in found)
            and re.fullmatch(r"(?i:government|cabinet|presidency)", text[at:end])
            # (not "Government-backed hacking groups", "Government hackers from Russia", "Government officials across
            # Europe": the government speaks, or its spokesperson)
            and re.match(
                r"\s+(?:spokes\w+|said|says|denied|denies|rejected|rejects|dismissed|dismisses|has\s+denied)\b",
                text[end:],
            )
        ):
            # "WARSAW (Reuters) - Government spokesman Piotr Müller denied…": before any state is named, the
            # government of the dateline's
            return self.dateline_state
        if re.fullmatch(r"(?i:treasury)(?: [Dd]epartment)?", text[at:end]):
            return self.entries["U.S."].party  # "The Treasury sanctioned…": unqualified, American in news usage
        if NATIONAL_CYBER_CENTRE.fullmatch(text[at:end]) and self._speaks_of_britain():
            # "the National Cyber Security Centre, the FBI and South Korea's NIS said…" in a report that speaks of
            # Britain: Britain's (other states' centres of that name are named with their state)
            return self.entries["Britain"].party
        return None

    def has_acted(self, party: PartyRef) -> bool:
        """Whether the party has blamed someone or taken a measure in the report so far."""
        key = party_key(party)
        return key in self.accusers or any(consequence_key(c)[0] == key for c in self.result.consequences)

    def _speaks_of_britain(self) -> bool:
        """Whether the report names Britain at all ("Britain", "UK", "British", "London"…), once per report."""
        if self.britain_named is None:
            self.britain_named = bool(
                re.search(
                    r"\b(?:Britain|British|UK|United Kingdom|London|England|Scotland|Wales)\b|\bU\.K\.", self.text
                )
            )
        return self.britain_named

    def speakers_in(self, sentence: Sentence, mentions: list[Mention]) -> list[tuple[int, int, Speaker]]:
        """The people the sentence names with their office, and the party each speaks for. A place inside a
        speaker's name ("Lisa Monaco") is taken out of `mentions`."""
        found = []
        matches = list(self._scan(PERSON, sentence.text))
        matches += [
            m
            for m in self._scan(PERSON_AFTER_TITLE, sentence.text)
            if not any(p.start("name") < m.end("name") and m.start("name") < p.end("name") for p in matches)
        ]
        for match in matches:
            name = match.group("name")
            first, _, rest = name.partition(" ")
            if first in NOT_PERSON_WORDS and re.fullmatch(NAME, rest):
                # "Minister for National Security K. Shanmugam": the office's last word is not the name's first
                match = re.compile(rf"(?P<title>.*\b{first})\s+(?P<name>{re.escape(rest)})").match(
                    sentence.text, match.start(), match.end()
                )
                name = rest
            if set(name.split()) & (NOT_PERSON_WORDS | OFFICE_WORDS):
                continue  # "Chief Information Security Officer": an office, not a name
            if any(m.start <= match.start("name") < m.end for m in mentions):
                continue  # the "name" is a party (e.g. "Prime Minister Edi Rama" is fine, "Secretary Iran" is not)
            within = [m for m in mentions if match.start("name") < m.start < match.end("name")]
            if within and match.group("name").split()[0] not in NOT_NAMES:
                # "Deputy Attorney General Lisa Monaco": a surname that is also a place names the person only
                mentions[:] = [m for m in mentions if m not in within]
            inside = [m for m in mentions if match.start("title") <= m.start < match.end("title")]
            # "Chinese foreign ministry spokeswoman Mao Ning": the office's state stands before the title
            modifier = [
                m
                for m in mentions
                if m.end <= match.start("title")
                and m.party.kind in ("state", "government_body")
                # (not "blamed on China by Prime Minister Ingrida Simonyte": a preposition between)
                and re.fullmatch(
                    r"(?:'s|’s)?(?:\s+(?!(?:by|to|on|for|with|from|at|of|and|in|against|as)\b)[a-z][\w-]*){0,3}\s+",
                    sentence.text[m.end : match.start("title")],
                )
            ]
            inside = inside or modifier[-1:]
            start = min([match.start(), *(m.start for m in modifier[-1:])])
            said = re.match(r"\s+(?:said|says|told \w+)(?: that)?\s+(?:the\s+)?", sentence.text[match.end("name") :])
            named_next = [
                m
                for m in mentions
                if said
                and m.start == match.end("name") + said.end()
                and m.role not in ("person", "demonym")
                # "spokesman Wang Wenbin said China firmly opposes…": the speaker's own state speaking of itself (not
                # "Secretary of State Mike Pompeo said Russia was behind…", where the state named is the accused)
                and SELF_STANCE.match(sentence.text, m.end)
            ]
            known = self.speakers.get(name)
            spokes = re.search(r"spokes", match.group("title"), re.IGNORECASE) and not inside
            if spokes and self.last_subject is not None and self.last_subject.kind in ("state", "government_body"):
                named_next = []  # "China's embassy rejected… Spokesperson Liu Pengyu said the U.S. had…": its own
            party = (inside or named_next or [None])[0]
            if party is not None:
                party = party.party
            elif _former_office(sentence.text, match):
                pass  # "former President Ricardo Martinelli": an office held no longer speaks for its state
            elif known is not None and known.party is not None:
                party = known.party  # introduced before with their state: "British Foreign Secretary Dominic Raab"
            elif (holder := office_holder(name, self.published)) is not None:
                party = holder  # "Secretary of State Antony Blinken said": his office is American
            elif (
                placed := [
                    m
                    for m in mentions
                    if m.end <= match.start()
                    and m.party.kind == "state"
                    and m.role in ("state", "metonym")
                    and OPENING_IN.fullmatch(sentence.text, 0, m.start)
                    # (not "In Kyiv, visiting Foreign Minister Jean Dupont of France said…": a guest's)
                    and "visiting" not in sentence.text[max(0, match.start("name") - 60) : match.start("name")]
                    and not re.match(r",?\s+of\s+(?-i:[A-Z])", sentence.text[match.end("name") :])
                ]
            ):
                # "In Brasilia, where the reaction was sharper, Foreign Minister Luiz Alberto Figueiredo summoned…":
                # the place that opens the sentence
                party = placed[0].party
            elif self.dateline_state is not None and HEAD_TITLES.fullmatch(
                re.sub(r"^(?:the|a|an)\s+", "", match.group("title").strip(), flags=re.IGNORECASE)
            ):
                party = self.dateline_state  # "President Nicolás Maduro" in a report from Caracas
            elif (
                self.dateline_state is not None
                and not self.states_named
                and not inside
                and re.search(rf"\b(?i:{OFFICIAL_TITLES})\b", match.group("title"))
                # (not a visitor's office: "SINGAPORE - Cyber Ambassador Nathaniel Fick", "MUNICH - Foreign Policy Chief
                # Josep Borrell", nor a firm's)
                and not re.search(
                    r"\b(?i:company|firm|bank|university|party|ambassador|envoy|chief|head|director|commissioner)\b",
                    match.group("title"),
                )
            ):
                # "NAIROBI, Kenya - Information and Communications Permanent Secretary Bitange Ndemo said…": before any
                # state is named, an office of the dateline's government
                party = self.dateline_state
            elif self.last_subject is not None and self.last_subject.kind in ("state", "government_body"):
                party = self.last_subject
            speaker = Speaker(name, match.group("title").strip(), party)
            self.speakers[name] = speaker
            self.speakers[name.split()[-1]] = speaker
            self.speakers.setdefault(name.split()[0], speaker)  # "Qin Gang" is "Qin" later
            found.append((start, match.end(), speaker))
        # "Caroline Xavier, the chief of Canada's Communications Security Establishment, said", "Maria Zakharova, the
        # Russian foreign ministry's spokeswoman, rejected…": an office of a state
        # ("Oliver Dowden, the deputy prime minister, told the House of Commons…" in a report from London: an office of
        # government with no state named is the dateline's)
        appositions = list(PERSON_APPOSED_OFFICE.finditer(sentence.text))
        appositions += list(PERSON_SAID_OFFICE.finditer(sentence.text))
        home_office = [
            match
            for match in appositions
            if not match.group("org").strip()
            and HEAD_TITLES.fullmatch(f"{match.group('pre')}{match.group('title')}".strip())
            and not any(_in_office(match, m) for m in mentions)
            # (the state the list of office holders knows first: "Sergei Lavrov, the foreign minister," in a report
            # from Washington; the dateline's only while no other state has been a subject)
            and (
                office_holder(match.group("name"), self.published) is not None
                or (
                    self.dateline_state is not None
                    and (self.last_state is None or party_key(self.last_state) == party_key(self.dateline_state))
                )
            )
        ]
        apposed = [
            match
            for match in appositions
            # ("Shane Huntley, head of Google's Threat Analysis Group, said": a firm's office too)
            if any(
                _in_office(match, m) and m.party.kind in (*STATE_KINDS, "company", "international_org")
                for m in mentions
            )
            or (self.dateline_state is not None and re.search(r"\bthe\s+government['’]s\b", match.group("org")))
        ]
        for match in [
            *PERSON_APPOSITIVE.finditer(sentence.text),
            *apposed,
            *POSSESSED_OFFICE_PERSON.finditer(sentence.text),
            *home_office,
        ]:
            offices = [m for m in mentions if _in_office(match, m) and m.role != "person"]
            if (
                not offices
                and self.dateline_state is not None
                and re.search(r"\bthe\s+government['’]s\b", match.group("org") or "")
                and re.fullmatch(rf"(?i:{OFFICIAL_TITLES})", match.group("title"))
            ):
                # "MANILA - Louis Napoleon Casambre, executive director of the government's Information and
                # Communications Technology Office, said…": an office of the dateline's government
                offices = [Mention(match.start("org"), match.end("org"), self.dateline_state, "body")]
            if len(offices) > 1 and re.fullmatch(r"['’]s\s+", sentence.text[offices[0].end : offices[1].start]):
                offices = offices[1:]  # ("chief analyst at Google's Mandiant": the company owned)
            if match in home_office:
                state = office_holder(match.group("name"), self.published) or self.dateline_state
                offices = [Mention(match.start("title"), match.end("title"), state, "body")]
            if offices and not any(start <= match.start("name") < end for start, end, _ in found):
                speaker = Speaker(match.group("name"), match.group("title"), offices[0].party)
                self.speakers[speaker.name] = speaker
                self.speakers[speaker.name.split()[-1]] = speaker
                self.speakers.setdefault(speaker.name.split()[0], speaker)
                found.append((match.start(), match.end("name"), speaker))
        for surname, speaker in list(self.speakers.items()):
            if surname not in sentence.text:
                continue
            for match in re.finditer(rf"\b{re.escape(surname)}\b", sentence.text):
                if not any(start <= match.start() < end for start, end, _ in found):
                    found.append((match.start(), match.end(), speaker))
        return sorted(found, key=lambda item: item[0])

    # --- the pass over sentences -------------------------------------------------------------------


def _in_office(match: re.Match, mention: Mention) -> bool:
    """Whether a mention names the office of a person introduced with it: in the words after the title ("the chief
    of Canada's CSE") or before it ("the Russian foreign ministry's spokeswoman")."""
    spans = [(match.start("org"), match.end("org"))]
    if "pre" in match.re.groupindex and match.group("pre"):
        spans.append((match.start("pre"), match.end("pre")))
    return any(start <= mention.start < end for start, end in spans)


def listed_names(listed: str) -> list[str]:
    """ "Masoud Jalili, 36, Seyyed Ali Aghamiri, 34, and Yasar Balaghi, 37": the names, without their ages."""
    return re.split(r"\s*(?:,\s+and|,)\s+|\s+and\s+", re.sub(r",\s+\d{2}\b", "", listed))


def party_key(party: PartyRef) -> tuple:
    """States and their bodies are one actor for de-duplication; others by name."""
    if party.country and party.kind in ("state", "government_body"):
        return ("country", party.country)
    return ("name", party.name.lower())


def consequence_key(record: dict) -> tuple:
    """A recorded consequence as (initiator, target, kind), its parties keyed as `party_key` keys them."""
    return (
        party_key(PartyRef(**record["initiated_by"])),
        party_key(PartyRef(**record["target"])),
        record["kind"],
    )


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _former_office(text: str, match: re.Match) -> bool:
    """ "former President Ricardo Martinelli", "Former Prime Minister X": an office held no longer, whose holder speaks
    for no state."""
    return bool(
        FORMER_OFFICE.search(text, max(0, match.start("title") - 12), match.start("title"))
        or re.match(r"(?i:former|ex-)", match.group("title"))
    )
