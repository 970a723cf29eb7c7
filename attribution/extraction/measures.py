"""Readings of a sentence that find measures (consequences) and their agents and targets (part of the extractor)."""

import itertools
import re
from typing import NamedTuple

from attribution.extraction.cues import (
    BLAMED_ON,
    COORDINATION,
    CYBER,
    DOCUMENT_SUBJECT,
    INFRASTRUCTURE_PLACE,
    NAMES_INCIDENT,
    REPORTED_ATTACKER,
    STATE_KINDS,
    SUBJECT_AT_END,
    VICTIM_LIST,
    VICTIM_NOUN,
    VICTIM_PREPOSITION,
)
from attribution.extraction.gazetteer import PartyRef, city_state_at
from attribution.extraction.measure_cues import (
    ABOUT_THE_INCIDENT,
    ACTORS_IN_PLACE,
    ADJACENT_AGENT_GAP,
    AFTER_REDUCED_PASSIVE,
    AGENTS_NOUN,
    AIMED_AGAINST,
    ALIAS_OF_PERSON,
    ALONG_WITH,
    AT_PLACE,
    BARE_LIST_JOIN,
    BEFORE_RELATIVE,
    BODY_PEOPLE,
    BY_QUALIFIED_BODY,
    BY_SOMEONE_IN,
    CAUSED_TO,
    CHARGE_CONTENT,
    CLAUSE_END,
    CONDEMNED_BEFORE,
    COUNTED_ANAPHOR,
    COUNTED_DESCRIBED,
    COUNTED_PEOPLE,
    COUNTED_STATES_BEFORE,
    COUNTED_SUBJECT,
    COURT_AFTER,
    COURT_WORD,
    DATED_EARLIER,
    DECISION_BEFORE,
    DESCRIBING_CLAUSE,
    DESCRIBING_WORDS,
    DOCUMENT_VERB,
    ENVOY_AGENT_AFTER,
    ENVOY_BEFORE,
    FACING_CHARGES,
    FILED_IN,
    FIRM_OF_STATE,
    GAPPED_PLACE,
    GROUP_PEOPLE_NOUN,
    HACKED_BEFORE,
    HACKED_PROPERTY_AFTER,
    HACKING_GROUP_NOUN,
    HANDED_FROM,
    HEADLINE_TARGET_GAP,
    IDENTIFIED_THEM,
    IMPLIED_TARGET,
    IN_COURT,
    INCIDENT_PHRASE,
    INCLUDING,
    INFRASTRUCTURE_AFTER,
    INVERTED_PASSIVE,
    ISSUED_BY,
    JOINT_WITH,
    KIND_OF_ATTACK_BEFORE,
    LEGAL_OR_ECONOMIC,
    LIST_ITEM,
    LIST_KINDS,
    LIST_RESUMED,
    LISTED_APPOSITION,
    MAKER_BEFORE,
    MATCHING_MEASURES,
    MEASURE_NOUN,
    MEASURE_NOUN_KINDS,
    MEASURE_REASON,
    MEMBERS_DESCRIBED,
    MISSION_IN,
    NAMED_AFTER_COLON,
    NAMED_LATER,
    NAMED_LATER_KINDS,
    NAMER,
    NOMINAL_AGENT_BY,
    NOMINAL_BY,
    NOMINAL_MEASURE,
    OBJECT_OF_PREPOSITION,
    OF_STATE_BODY,
    OFFICE_BEFORE_PERSON,
    ONE_PERSON_NOUN,
    ORGANISATIONS_NOUN,
    ORIGIN_BEFORE,
    OWN_CLAUSE,
    OWNER_ANAPHOR,
    PARTNER_BEFORE,
    PASSIVE_ANAPHOR,
    PASSIVE_BEFORE_MEASURE,
    PASSIVE_KINDS,
    PEOPLE_FROM,
    PEOPLE_MEASURES,
    PEOPLE_NOUN,
    PEOPLE_PRONOUN_OBJECT,
    PEOPLE_REFERENCE,
    PERSON_AFFILIATION,
    PERSON_DESCRIBED,
    PERSON_LIST_GAP,
    PERSON_OF_STATE,
    PERSON_PRONOUN_OBJECT,
    PERSON_REFERENCE,
    PERSONAL_MEASURES,
    PLACE_AFTER_GAPPED,
    PLACE_BEFORE,
    PLEA,
    PUBLISHED_BY,
    PUBLISHER_LINK,
    REDUCED_PASSIVE,
    RELATIVE_AGENTS,
    RELATIVE_BEFORE_MEASURE,
    RELATIVE_CLOSED,
    RELATIVE_IN_LIST,
    RELATIVE_SUBJECT,
    REPORTED_UNNAMED_PEOPLE,
    REPORTING_BODY_VERB,
    RETALIATION,
    SAME_ORGANISATION,
    SEIZED_FROM_USER,
    SEIZED_USER_VERB,
    SENT_FROM_BEFORE,
    SOME_OF_THEM,
    STATE_ACTS,
    STATE_AS_MODIFIER,
    STATE_FIRST,
    SUSPECTED_OF_DEED,
    UNNAMED_PERSON_OBJECT,
    UNNAMED_PERSON_SUBJECT,
    VICTIM_LINK,
    VISITED_BEFORE,
    WHEN,
    WHERE_PASSIVE,
    anaphor_count,
    count_of,
    text_after,
)
from attribution.extraction.mentions import Mention, consequence_key, listed_names
from attribution.extraction.mentions import iso as _iso
from attribution.extraction.mentions import party_key as _key
from attribution.extraction.name_cues import (
    DATELINE,
    NAME,
    NOT_PERSON_WORDS,
    ORG_NAME,
    ORG_NAMES,
    SPONSOR_BEFORE_GROUP,
)
from attribution.extraction.text import Sentence, sentences

# "… and on two of the companies, A and B": organisations a measure takes with the people it counted.
ORGANISATIONS_AFTER_PEOPLE = re.compile(
    r"\s+and\s+(?:on\s+|against\s+)?(?:(?:two|three|four|five|both)\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
    rf"(?:companies|firms|entities|groups|organi[sz]ations),\s+(?=(?P<names>{ORG_NAMES}(?:,?\s+and\s+{ORG_NAME})?))"
)


class UnnamedMeasure(NamedTuple):
    """A measure against people its sentence describes without naming ("detained a 28-year-old man"), waiting for
    the next sentences to name them (`_named_later`)."""

    agents: list
    kind: str
    sentence: Sentence
    match: re.Match
    stated_on: object
    speaker: object
    blames: bool
    sentences_left: int = 3  # named, if at all, in the next three sentences
    to_name: int = 0  # how many people the sentence counted ("Three Chinese nationals were charged"), if it did
    others: bool = False  # some were named already: only "the two other defendants, A and B" name the rest


class MeasuresMixin:
    """Consequences: who takes a measure against whom."""

    def _consequence(self, sentence, mentions, subject, speaker, stated_on, kind, match) -> None:
        """One measure: who takes it (the clause's agent and those acting with it) against whom (the party
        named after it, else the one the report accuses). Legal and economic acts over a hack also blame."""
        if kind == "severed_diplomatic_relations" and "diplomatic" not in match.group().lower():
            with_ = re.match(r"\s+with\s+(?:the\s+)?", sentence.text[match.end() :])
            partner = [m for m in mentions if with_ and m.start == match.end() + with_.end()]
            if not partner or partner[0].role not in ("state", "metonym"):
                return  # "cut all ties with Emirati intelligence agencies": no state's relations are severed
        passive = self._passive_measure(sentence, mentions, kind, match) if kind in PASSIVE_KINDS else None
        inverted = INVERTED_PASSIVE.match(sentence.text) if match.start() < 12 else None
        listed = [m for m in mentions if inverted and m.start >= inverted.end() and m.role == "person"]
        took = self._last_takers() if listed else []
        if took:
            # "Also charged in the indictment were A, 35; B, 34; and C, 28": those who took the last measure
            passive = (took, list(dict.fromkeys(m.party for m in listed)))
        hit = "measures_hit" in match.re.groupindex and match.group("measures_hit")
        first = [m for m in mentions if hit and m.start == match.end() and m.party.kind == "person"]
        if first and self.last_measure is not None and self.last_measure[1] == kind:
            # "The European Union imposed sanctions… Asset freezes and travel bans hit Dmitry Badin, …, and Igor
            # Kostyukov": the people, of the measure of before
            people = self._with_coordinated(sentence, mentions, first[0].party, first[0].start)
            passive = (self._last_takers(), [p for p in people if p.kind == "person"])
        facing = re.match(r"(?:will|would) (?:have|face|bear)\b", match.group(), re.IGNORECASE)
        faced = [m for m in mentions if facing and m.end <= match.start() and match.start() - m.end <= 2]
        if kind == "pledged_response" and faced and subject is not None and _key(subject) != _key(faced[-1].party):
            # "…, adding that Moscow would face consequences": the one who faces them is the target
            passive = ([subject], [faced[-1].party])
        passive_envoy = re.search(
            r"\b(?:was|were|been|be)\s+(?:\w+\s+)?(?:summoned|called in|expelled)\b", match.group()
        ) or (kind == "expelled_diplomats" and PASSIVE_BEFORE_MEASURE.search(sentence.text[: match.start()]))
        if kind in ("summoned_ambassador", "expelled_diplomats") and passive_envoy:
            # "China's ambassador was summoned to the German foreign ministry", "Seven Russian diplomats were declared
            # persona non grata by Bulgaria": the envoys' state is the target, the one after "to" or "by" acts
            by = ENVOY_AGENT_AFTER.match(sentence.text, match.end())
            acting = [m.party for m in mentions if by and m.start == by.end() and m.party.kind in STATE_KINDS]
            envoys = [m.party for m in mentions if m.end <= match.start() and m.party.kind in STATE_KINDS][-1:]
            if acting and envoys and _key(acting[0]) != _key(envoys[0]):
                passive = (acting[:1], envoys)
            elif kind == "summoned_ambassador":
                passive = self._passive_summons(sentence, mentions, match)
        relative = RELATIVE_AGENTS.search(sentence.text[: match.start()])
        if relative and re.search(r",\s*$", sentence.text[: match.start()]):
            relative = None  # "The United States, which has blamed Iran…, imposed sanctions": a clause closed before it
        elif relative and RELATIVE_CLOSED.search(relative.group("agents")):
            relative = None  # "…by APT28, which it described as an instrument of Russia's GRU, and said it condemns…"
        relative_agents = [
            m for m in mentions if relative and relative.start("agents") <= m.start < relative.end("agents")
        ]
        issued = ISSUED_BY.match(sentence.text, match.end())
        issuers = [m for m in mentions if issued and m.start == issued.end()]
        if passive is None and issuers:  # "five indictments had been issued by French and U.S. authorities"
            agents = [m for m in self._with_coordinated(sentence, mentions, issuers[0].party, issuers[0].start)]
            accused = self.last_accused_state or self.last_accused
            targets = [accused] if accused is not None and kind in IMPLIED_TARGET else []
            passive = (agents, targets)
        later = None
        if NOMINAL_MEASURE.match(match.group()):
            later = NOMINAL_AGENT_BY.match(sentence.text, match.end()) or NOMINAL_BY.match(sentence.text, match.end())
        announcers = [
            m for m in mentions if later and later.end() <= m.start <= later.end() + 30 and m.role != "person"
        ]
        if passive is None and announcers:
            # "The expulsion of four Russian intelligence officers was announced by the Dutch defence minister"
            agents = [announcers[0].party]
            passive = (agents, self._measure_targets(sentence, mentions, kind, match, agents))
        spoken_for = speaker.party if speaker is not None and speaker.party is not None else None
        if passive is not None and not passive[0] and kind in LIST_KINDS and spoken_for and spoken_for.kind == "state":
            # "Twelve Russian military intelligence officers were indicted on Friday by Special Counsel Robert
            # Mueller's office…, Deputy Attorney General Rod Rosenstein said": the speaker's state, unnamed otherwise
            by_someone = re.match(r"[^,;]{0,40}?\bby\b", sentence.text[match.end() :])
            if by_someone:
                passive = ([spoken_for], passive[1])
        if passive is not None:
            agents, targets = passive
        elif relative_agents:  # "North Korea's failed launch, which Seoul, Washington and Tokyo condemned"
            agents = [m.party for m in relative_agents]
            described = [m for m in mentions if m.end <= relative.start()]
            named = self._target_mention(sentence, mentions, match.end(), exclude=agents)
            gap = sentence.text[match.end() : named.start] if named is not None else ""
            if named is not None and re.fullmatch(r"[^,;]{0,40}?\b(?:with|against|on)\s+(?:the\s+)?", gap):
                # "…, which Albania said prompted it to sever ties with Tehran": the target is named after it
                targets = [named.party]
            else:
                # "North Korea's failed launch, which Seoul… condemned": what the clause is about stands right before
                # it ("the Tornado Cash mixer, which the U.S. Treasury sanctioned" names no party)
                near = [m for m in described if BEFORE_RELATIVE.fullmatch(sentence.text[m.end : relative.start()])]
                targets = [near[0].party] if near else []
        elif counted_states := self._counted_states(sentence, mentions, match.start()):
            # "…said the United States and the United Kingdom had taken action, with both countries announcing their
            # own sanctions against Mr Ermakov": each of the states the sentence named before
            agents = counted_states
            targets = self._measure_targets(sentence, mentions, kind, match, agents)
        elif publishers := (self._publishers(sentence, mentions, match) if kind == "awareness_raising" else []):
            # "a September advisory by the FBI and cybersecurity agencies from the United States, Britain and
            # Canada": every publisher listed after "by" issues it
            agents = publishers
            targets = self._measure_targets(sentence, mentions, kind, match, agents)
        else:
            document = self._first(DOCUMENT_SUBJECT, sentence.text)
            filers = [m.party for m in mentions if document and m.role == "body" and m.end <= match.start()]
            relative_subject = self._relative_subject(sentence, mentions, match.start())
            # "with the FBI indictment", "a U.S. indictment": the state or body that qualifies the measure's noun
            qualifying = [
                m.party
                for m in (mentions if NOMINAL_MEASURE.match(match.group()) else [])
                if m.end < match.start()
                and sentence.text[m.end : match.start()] == " "
                and m.party.kind in STATE_KINDS
                # ("the latest round of Russia sanctions": a state before "sanctions" is their target)
                and (m.role in ("body", "named_body") or (m.role == "state" and kind != "sanctions"))
            ]
            agent = (
                (qualifying[-1] if qualifying else None)
                or self._agent_before(sentence, mentions, match.start())
                or (filers[0] if filers else None)
                or (relative_subject[-1] if relative_subject else None)
                or self._adjacent_agent(sentence, mentions, match.start())
                or subject
                # "The Justice Department said… An indictment unsealed in Brooklyn charged them…": a document that
                # names no filer is the state's that spoke last
                or (
                    self.last_subject
                    if document and self.last_subject and self.last_subject.kind in STATE_KINDS
                    else None
                )
            )
            unnamed = agent is None or agent.kind == "person"  # (a person named after the measure is its target)
            # ("…appeared before a magistrate judge in Atlanta on a 23-count indictment charging him": not "returned
            # home after serving time on an indictment charging him", a document of another state)
            document_of_person = kind == "indictment" and re.match(
                r"\s+(?:charging|accusing)\s+(?:him|her|them)\b", text_after(match)
            )
            in_court = re.search(r"\b(?:appeared|appears|arraigned)\b", sentence.text[: match.start()])
            dateline_document = not document_of_person or in_court
            if (
                unnamed
                and kind in PERSONAL_MEASURES | {"indictment"}
                and dateline_document
                and self._after_dateline_only(sentence)
            ):
                agent = self.dateline_state  # "HANOI - Charges have been brought against two Vietnamese men, A and B"
            elif unnamed and document_of_person and in_court and not any(m.party.kind in STATE_KINDS for m in mentions):
                # "ATLANTA - … Hamza Bendelladj, 24, appeared before a magistrate judge on a 23-count indictment
                # charging him with wire fraud": the document of the dateline's state
                agent = self.dateline_state
            if agent is None:
                return
            agents = [agent]
            # "Germany and the Czech Republic said…, and Germany recalled its ambassador": a clause of its own
            own_clause = re.search(r"(?:,\s+and|;)\s+(?:the\s+)?[^,;]{0,40}$", sentence.text[: match.start()])
            alone = own_clause is not None and any(own_clause.start() < m.start and m.party == agent for m in mentions)
            if agent is subject and not alone:
                agents = self._co_subjects(sentence, mentions, match.start(), agent)
                agents += [p for p in self._joint_partners(sentence, mentions) if p not in agents]
                if kind in STATE_ACTS:
                    # ("designated Wuhan Xiaoruizhi…, together with Zhao Guangzong and Ni Gaobin": people cannot
                    # impose sanctions with a state; those named with the target are targets too)
                    agents = [p for p in agents if p is agent or p.kind != "person"]
            elif relative_subject and agent is relative_subject[-1]:
                agents = relative_subject
            targets = self._measure_targets(sentence, mentions, kind, match, agents)
        if match.re is MATCHING_MEASURES and self.last_measure is not None:
            # "…announced matching measures": against the people, firms or groups that those who took the last
            # measure hit with measures of its kind (a report's measures of one kind often span several sentences)
            earlier = {_key(a) for a in self.last_measure[0]}
            targets = [
                PartyRef(**c["target"])
                for c in self.result.consequences
                if c["kind"] == kind
                and consequence_key(c)[0] in earlier
                and c["target"]["kind"] in ("person", "company", "threat_group")
                # (not a state that stood for people named since: "sanctions on a Russian man")
                and consequence_key(c) not in self.people_states
            ]
            targets = list(dict.fromkeys(targets))
        if "headline" in match.re.groupindex and match.group("headline"):
            if sentence.start > 0 and re.search(r"[.!?][\"”'’]?\s*$", sentence.text):
                return  # a present tense in the body ("Russia released convicts A and B"), not in a headline
            targets = self._headline_targets(sentence, mentions, match)
        # "…a pro-Russian group knocked a website offline, and Lithuania expelled a Russian diplomat over activities
        # incompatible with his status": a measure blames for the operation only when its own clause speaks of one
        starts = [
            b.end()
            for b in OWN_CLAUSE.finditer(sentence.text[: match.start()])
            # "Thalha Jubair, 19, from east London, and Owen Flowers, 18, …, were charged": a list of people, one clause
            if not (
                any(m.start == b.end() and m.role == "person" for m in mentions)
                and any(m.end <= b.start() and m.role == "person" for m in mentions)
            )
        ]
        end = OWN_CLAUSE.search(sentence.text, match.end())
        clause = sentence.text[max(starts, default=0) : end.start() if end else len(sentence.text)]
        cyber_clause = not starts or CYBER.search(clause) is not None
        # (a sanction in a clause of its own that gives no other reason still blames the people, companies and groups
        # it takes: "…, while the Treasury sanctioned the Wuhan company and the two men"; not "…, and the EU sanctioned
        # Belarus over the crackdown", nor "…, while the United States sanctioned Russian President Vladimir Putin")
        unreasoned = (
            not cyber_clause
            and kind == "sanctions"
            and not MEASURE_REASON.search(sentence.text, match.end(), end.start() if end else len(sentence.text))
        )
        blames = kind in LEGAL_OR_ECONOMIC and self.cyber_report and (cyber_clause or unreasoned)
        # "arrested four people suspected of hacking the mobile phones of…": an arrest for a cyber deed named as such
        deed = SUSPECTED_OF_DEED.search(clause) if kind == "arrest" and self.cyber_report else None
        deed_text = clause[deed.start() :] if deed else ""  # (what they are suspected of names victims, not culprits)
        blames = (blames or deed is not None) and not RETALIATION.search(clause)
        information = re.match(r"[^.;]{0,40}?\bfor information (?:on|about)", sentence.text[match.end() :])
        described = (
            kind in NAMED_LATER_KINDS
            and (
                UNNAMED_PERSON_OBJECT.match(sentence.text, match.end())
                # "offered a reward of up to $10 million for information on six Iranian officials"
                or (information and UNNAMED_PERSON_OBJECT.match(sentence.text, match.end() + information.end()))
                or (passive is not None and UNNAMED_PERSON_SUBJECT.match(sentence.text[: match.start()]))
            )
        )
        identified = (
            IDENTIFIED_THEM.search(sentence.text, match.end())
            or NAMED_AFTER_COLON.match(sentence.text, match.end())
            # "Six other people were charged, including Walter Delgatti Neto, whom police…": one of them, named
            or INCLUDING.match(sentence.text, match.end())
            if described
            else None
        )
        named_here = [m for m in mentions if identified and m.start == identified.end() and m.role == "person"]
        if agents and named_here and not any(t.kind == "person" for t in targets):
            # "Two men were detained on Tuesday…, officials said, identifying them as Rakibul Hasan and Tanvir Ahmed"
            targets = self._with_coordinated(sentence, mentions, named_here[0].party, named_here[0].start)
        elif agents and described and not any(t.kind == "person" for t in targets):
            # "Police detained a 28-year-old man in Kyiv… The suspect, Oleh Marchenko, …": named next
            counted = COUNTED_DESCRIBED.search(sentence.text)
            to_name = count_of(counted.group("number")) if counted else 0
            self.unnamed_measure = UnnamedMeasure(
                list(agents), kind, sentence, match, stated_on, speaker, blames, to_name=to_name
            )
        if agents and kind in LIST_KINDS:
            self.last_measure = (list(agents), kind)
            self.last_measure_end = sentence.start + match.end()
        people_of = {
            _key(m.party)
            for m in mentions
            if m.role == "demonym"
            and (
                PERSON_OF_STATE.match(sentence.text, m.end)
                or FIRM_OF_STATE.match(sentence.text, m.end)
                # ("sanctions on Jalili and six other Iranians": a demonym for people)
                or re.fullmatch(r"[A-Z]\w+(?:ians|ans|is|ers)", sentence.text[m.start : m.end])
            )
        }
        if (kind == "reward" and any(t.kind == "person" for t in targets)) or (described and kind in PEOPLE_MEASURES):
            # "rewards for information on the trio", "imposed sanctions on two men it said were involved", "charged two
            # officers of China's Ministry of State Security": the people, and the state only while they are unnamed
            people_of |= {_key(t) for t in targets if t.kind in STATE_KINDS}
        for target in targets:
            for initiator in agents:
                if _key(initiator) != _key(target):
                    if _key(target) in people_of and kind in PEOPLE_MEASURES:
                        self.people_states.add((_key(initiator), _key(target), kind))
                    self._add_consequence(sentence, initiator, target, kind, stated_on, match)
                    if unreasoned and target.kind not in ("company", "threat_group", "person"):
                        continue
                    if blames and not (initiator.kind in ("company", "ngo", "other") and kind in STATE_ACTS):
                        if kind == "arrest" and (
                            target.kind not in ("person", "threat_group") or target.name in deed_text
                        ):
                            continue  # (an arrest blames the people arrested, never a victim named with the deed)
                        self._add_attribution(sentence, initiator, target, speaker, stated_on, match, legal=True)

    def _claimed_since(self, claim: dict, start: int) -> bool:
        """Whether a sentence starting at `start` or later made the attribution `claim`."""
        key = ("attribution", _key(PartyRef(**claim["made_by"])), _key(PartyRef(**claim["attributed_to"])))
        return any(sentence.start >= start for sentence in self.claim_sentences.get(key, []))

    def _last_takers(self) -> list[PartyRef]:
        """The states or unions of states that took the last measure (else whoever took the last one recorded)."""
        states_or_unions = (*STATE_KINDS, "international_org")
        took = [p for p in self.last_measure[0] if p.kind in states_or_unions] if self.last_measure is not None else []
        return took or [PartyRef(**c["initiated_by"]) for c in self.result.consequences[-1:]]

    def _named_later(self, sentence: Sentence) -> None:
        """The people an earlier sentence's measure described without naming, named in this one ("The suspect,
        Oleh Marchenko, is accused…"): the measure is against each of them."""
        found = NAMED_LATER.search(sentence.text)
        if found is None:
            return
        if self.unnamed_measure.others and not re.search(r"\b(?:other|others|remaining|rest)\b", found.group()):
            return
        agents, kind, before, match, stated_on, speaker, blames, _, to_name, _ = self.unnamed_measure
        if not found.group("names13") and not found.group("names14"):
            self.unnamed_measure = None
        else:  # (some named in a sentence of their own: the next may name others)
            self.unnamed_measure = self.unnamed_measure._replace(sentences_left=2)
        names = next(g for g in found.groups() if g).replace(";", ",")  # ("A, 32; B, 35; and C, 28")
        people = []
        for piece in listed_names(names.strip(", ").rstrip(".")):
            piece = piece.strip().rstrip(".")  # ("Marek Z. and Tomasz R.": the dots come back with the names)
            if re.match(r"(?:from|of|in)\s", piece):
                continue  # ("Owen Flowers, 18, from Walsall in the West Midlands": where a person comes from)
            name = re.search(rf"{NAME}$", piece)  # "his brother Bilal Qureshi"
            name = name.group() if name else piece
            first = self.entries.get(name.split()[0]) if name.count(" ") > 1 else None
            if first is not None and first.role == "demonym":
                name = name.split(" ", 1)[1]  # "Latvian Andrejs Peregudovs": the person, after their nationality
            alias = found.group("names16") is not None  # ("under the aliases ShinyHunters, Hollow, …": one word each)
            entry = self.entries.get(name) if alias else None
            if entry is not None and entry.party.kind == "threat_group":
                people.append(entry.party)  # (an alias a list knows as a group's: "ShinyHunters")
                continue
            if (
                set(name.split()) & NOT_PERSON_WORDS
                or self.matcher.search(name)
                or not (alias or re.fullmatch(NAME, name))
            ):
                continue  # (nor what describes a person: "…, a Russian national also wanted by the FBI, …")
            known = self.persons.get(name.split()[-1])
            people.append(known if known is not None and known.name == name else PartyRef(name, "person", None))
        if people:
            people += self._along_with(sentence, self.mentions(sentence), found.end())
        if self.unnamed_measure is None and people and to_name > len(people):
            # "Three Chinese nationals were charged…. Iat Hong, 26, … was arrested…. The two other defendants, Bo Zheng
            # and Hung Chin, remain at large": the others counted, named next
            self.unnamed_measure = UnnamedMeasure(
                agents, kind, before, match, stated_on, speaker, blames, 2, to_name - len(people), True
            )
        for person in people:
            person = self._add_person(person)
            for agent in agents:
                self._add_consequence(before, agent, person, kind, stated_on, match)
                if blames and not (agent.kind in ("company", "ngo", "other") and kind in STATE_ACTS):
                    self._add_attribution(before, agent, person, speaker, stated_on, match, legal=True)

    def _listed(self, sentence, mentions, speaker, stated_on, listed) -> None:
        """ "Those listed include four officers of Russia's GRU…": the last measure's agents take it against each
        party the sentence lists (up to what it says they did)."""
        agents, kind = self.last_measure
        targets: list[PartyRef] = []
        at = listed.end()
        while True:
            found = self._target_mention(sentence, mentions, at, exclude=agents)
            content = CHARGE_CONTENT.search(sentence.text, at)
            if found is None or (content is not None and content.start() < found.start):
                break
            if all(_key(found.party) != _key(t) for t in targets):
                targets.append(found.party)
            at = found.end
            of = PERSON_AFFILIATION.match(sentence.text, at) if found.party.kind == "person" else None
            at = of.end() if of else at  # "Mykola Chernykh of the FSB-backed Armageddon group": where he works
            described = LISTED_APPOSITION.match(sentence.text, at)
            at = described.end() if described else at  # what describes the party names no other target
        for target in targets:
            for agent in agents:
                self._add_consequence(sentence, agent, target, kind, stated_on, listed)
                if kind in LEGAL_OR_ECONOMIC and self.cyber_report:
                    self._add_attribution(sentence, agent, target, speaker, stated_on, listed, legal=True)

    def _passive_summons(self, sentence, mentions, match) -> tuple[list, list] | None:
        """ "Russia's ambassador was summoned to the foreign ministry": the envoy's state is the target, the state
        that last accused it summons (the sentence's subject is the envoy)."""
        envoy = [m.party for m in mentions if match.start() <= m.start < match.end() or m.end <= match.start()]
        envoy = [p for p in envoy if p.kind in ("state", "government_body")][-1:] or (
            [self.last_accused_state] if self.last_accused_state else []
        )
        if not envoy:
            return None
        accusers = [
            PartyRef(**a["made_by"])
            for a in reversed(self.result.attributions)
            if a["made_by"]["kind"] in ("state", "government_body") and a["made_by"]["country"] != envoy[0].country
        ]
        return (accusers[:1], envoy) if accusers else None

    def _measure_targets(self, sentence, mentions, kind, match, agents) -> list[PartyRef]:
        """Whom a measure is against, with the state behind a targeted group: a condemnation or a warning is
        against the state the report blames (STATE_FIRST); a sanction, a charge or an advisory hits the group
        named."""
        targets = self._named_targets(sentence, mentions, kind, match, agents)
        state = self.last_accused_state
        if (
            kind == "cyber_operation"
            and targets
            and state is not None
            and all(_key(state) != _key(a) for a in agents)
            # (the servers of a gang tied to no state are its own: "taken control of LockBit's leak site")
            and not (targets[0].kind in ("threat_group", "company", "person") and _key(targets[0]) not in self.sponsors)
        ):
            targets = [state]  # a takedown of malware or servers is against the state the report says uses them
        expanded: list[PartyRef] = []
        for target in targets:
            sponsor = self.sponsors.get(_key(target))
            if sponsor is not None and kind in STATE_FIRST:
                target = sponsor
            if (kind in PEOPLE_MEASURES or kind in ("awareness_raising", "cyber_operation")) and target is not sponsor:
                # ("the FBI took control of a botnet run by Flax Typhoon": the group's servers, not its state's)
                # "sanctioned Kimsuky, a North Korean hacking group": the group (keys name its state only when the
                # measure is framed against the state; the claim that the state stands behind it is kept)
                sponsor = None
            for party in (target, sponsor):
                if party is not None and all(_key(party) != _key(p) for p in expanded):
                    expanded.append(party)
        if kind == "court_order" and match.group().lower().startswith("seiz"):
            # "seized domains used by APT27", "seized internet domains used by Chinese state hackers": the users'
            # servers, not those of the state behind them or of their nationality
            expanded = [t for t in expanded if t.kind not in STATE_KINDS]
        return [t for t in expanded if all(_key(t) != _key(a) for a in agents)]

    def _named_targets(self, sentence, mentions, kind, match, agents) -> list[PartyRef]:
        if kind == "cyber_operation":
            # "carried out online strikes on Thursday against Iranian computer systems": a state's own operation is
            # against whom it is aimed
            aimed = AIMED_AGAINST.match(sentence.text, match.end())
            against = [m for m in mentions if aimed and m.start == aimed.end() and m.party.kind in STATE_KINDS]
            if against and all(_key(against[0].party) != _key(a) for a in agents):
                return [against[0].party]
        inner = re.search(r"\b(?:them|him|her)\b", match.group())
        if inner and kind in PEOPLE_MEASURES:
            # "the Treasury Department added them to its sanctions list": the people of before, never their state
            return self._pronoun_people(sentence.start + match.start(), inner.group())
        anaphor = COUNTED_ANAPHOR.search(sentence.text, match.start())
        clause_end = CLAUSE_END.search(sentence.text, match.end())
        if anaphor and kind in LIST_KINDS and (clause_end is None or anaphor.start() < clause_end.start()):
            # "placed both men on its sanctions list", "designated two front companies, as well as the four men",
            # "rewards for information on the four men": the people the report named last
            number = anaphor_count(anaphor)
            people = self._last_persons(sentence.start, number, window=3000)
            if len(people) == number:
                named = [m.party for m in mentions if match.end() <= m.start < anaphor.start()]
                named = [p for p in named if p.kind in ("company", "threat_group", "person") and p not in agents]
                same = SAME_ORGANISATION.search(sentence.text, match.end(), anaphor.start())
                if same:
                    # "Britain sanctioned the same company and the two men": the organisation of the measure before
                    wanted = "threat_group" if same.group().lower().endswith("group") else "company"
                    word = same.group("word") if same.group("word") and same.group("word")[0].isupper() else ""
                    named += [
                        PartyRef(**c["target"])
                        for c in self.result.consequences
                        if c["target"]["kind"] == wanted
                        and (c["target"]["name"].startswith(f"{word} ") if word else c["kind"] == kind)
                    ][-1:]
                more = ORGANISATIONS_AFTER_PEOPLE.match(sentence.text, anaphor.end())
                if more:
                    # "…on the four men and on two of the companies, Mehrsam Andisheh Saz Nik and Dadeh Afzar Arman":
                    # the organisations listed after the people
                    named += [
                        m.party
                        for m in mentions
                        if more.end() <= m.start < more.end() + len(more.group("names"))
                        and m.party.kind in ("company", "threat_group")
                    ]
                return named + people
        counted = COUNTED_PEOPLE.match(sentence.text, match.end())
        if counted and kind in PASSIVE_KINDS:
            # "unsealed charges against two Russian men…. The department said A, 33, and B, 39, were charged": the
            # people the next sentence names, when it names as many
            number = count_of(counted.group("number"))
            following = self._next_persons(sentence)
            if len(following) == number:
                # ("charged two officers of China's Ministry of State Security": and the state they serve)
                body = [
                    m.party
                    for m in mentions
                    if m.party.kind in STATE_KINDS
                    and OF_STATE_BODY.fullmatch(sentence.text[counted.end() : m.start])
                    and all(_key(m.party) != _key(a) for a in agents)
                ]
                return following + body[:1]
        document = self._first(DOCUMENT_SUBJECT, sentence.text)
        verb = DOCUMENT_VERB.search(sentence.text, match.end()) if document and match.start() < document.end() else None
        if verb is not None:
            # "An indictment returned by a grand jury in Spokane and unsealed on Tuesday accuses A and B of…": the
            # document's own verb names whom it is against, after what describes the document
            match = verb
        clause_end = CLAUSE_END.search(sentence.text, match.end())
        resumed = LIST_RESUMED.match(sentence.text, clause_end.start()) if clause_end else None
        if (
            resumed
            and kind in LIST_KINDS
            and re.search(r",\s+wh(?:ich|o)\b", sentence.text[match.end() : resumed.start()])
        ):
            # "…Company, which it described as a front…, and two of its alleged operatives, A and B": the list goes on
            clause_end = CLAUSE_END.search(sentence.text, resumed.end())
        in_clause = [m for m in mentions if clause_end is None or m.start < clause_end.start()]
        plural = PEOPLE_REFERENCE.match(sentence.text, match.end()) if kind in PEOPLE_MEASURES else None
        inside = [m for m in mentions if plural and match.end() <= m.start < plural.end()]
        count = re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten)\b", plural.group()) if plural else None
        if (
            plural
            and len(self.people_targeted) > 1
            and inside
            and all(m.party.kind in STATE_KINDS and m.start >= plural.end() - 40 for m in inside)
            # (not "…on the two Russian officials who oversaw the unit, Ivan Sokolov and Oleg Orlov": named here)
            and not any(m.party.kind == "person" for m in mentions if m.start >= plural.end())
            and (count is None or count_of(count.group(1)) == len(self.people_targeted))
        ):
            # "…charged A, B and C. The State Department offered rewards for information on the three FSB officers":
            # the people the last measure was against, whatever body the words name them by
            return list(self.people_targeted)
        agent = agents[0]
        accused = self.last_accused
        if self.last_accused_state is not None:  # an unnamed target ("the three defendants") is the state blamed
            accused = self.last_accused_state
        if accused is not None and _key(accused) == _key(agent):
            accused = None
        about_incident = kind == "condemnation" and ABOUT_THE_INCIDENT.match(text_after(match))
        if about_incident and not re.match(r"\s+(?:\w+\s+){0,4}?(?:by|from)\s", text_after(match)) and accused:
            return [accused]
        if kind == "awareness_raising":
            # an advisory warns of the actor its content names ("an advisory warning that IRGC-affiliated actors
            # were scanning…", "an advisory…, which said Integrity Technology had operated a botnet"), else of
            # whoever the report blames
            content = REPORTED_ATTACKER.search(sentence.text, match.end())
            actors = [m for m in mentions if content and content.start("actor") <= m.start < content.end("actor")]
            actors.sort(key=lambda m: m.party.kind != "threat_group")
            if actors and all(_key(actors[0].party) != _key(a) for a in agents):
                return [actors[0].party]
            hackers = [
                m.party
                for m in mentions
                if m.start > match.end()
                and m.role == "demonym"
                and re.match(r"(?:\s+[\w-]+)?\s+(?:hackers|actors|operatives|spies)\b", sentence.text[m.end :])
            ]
            if hackers and all(_key(hackers[0]) != _key(a) for a in agents):
                return hackers[:1]  # "…an advisory about malware that North Korean government hackers had hidden…"
            # (else the group the report blamed last: "…issued a joint advisory warning of its tactics")
            # ("The AIVD and MIVD have issued a technical advisory listing the group's methods": the group they blamed)
            groups = [
                g for g in self.groups_blamed(agents) or self.groups_blamed() if all(_key(g) != _key(a) for a in agents)
            ]
            return groups[-1:] or ([accused] if accused else [])
        first = self._target_mention(sentence, in_clause, match.start(), exclude=agents)
        content = CHARGE_CONTENT.search(sentence.text, match.end())
        if (
            first is not None
            and content is not None
            and kind in LIST_KINDS
            and first.start > content.start()
            and re.search(r"\w", sentence.text[match.end() : content.start()])
        ):
            first = None  # "charging the two men with hacking into networks in Britain": what they did, not whom
            including = INCLUDING.search(sentence.text, content.end())
            if including is not None and not INCIDENT_PHRASE.match(sentence.text, including.end()):
                # "sanctions on six people it said were responsible for attacks on Ukraine, including two members
                # of a group backed by the FSB": the list after "including" names them
                first = self._target_mention(sentence, in_clause, including.end(), exclude=agents)
                between = sentence.text[including.end() : first.start] if first is not None else ""
                if len(between) > 70 or CHARGE_CONTENT.search(between):
                    first = None  # "…, including a Kansas medical center, and of laundering… in China": not a target
                content = None
        if first is not None:
            targets = [first.party]
            if content is not None and content.start() < first.start:
                # "sanctions over cyberattacks, targeting entities from Russia, China and North Korea": the list
                # ends at what follows it, not at what came before it
                content = CHARGE_CONTENT.search(sentence.text, first.end)
            # "sanctions on A, B and C", "including X and two figures linked to Y", "arrested two men, A and B"
            while kind in LIST_KINDS or (kind in PERSONAL_MEASURES and first.party.kind == "person"):
                following = self._target_mention(sentence, in_clause, first.end, exclude=agents)
                resumed = LIST_RESUMED.search(sentence.text, first.end)
                if resumed and kind in LIST_KINDS and ";" not in sentence.text[first.end : resumed.start()]:
                    # "sanctioned Zservers, a hosting provider accused of renting servers to LockBit, along with two of
                    # its administrators, A and B": the list goes on after what describes its last member
                    after = self._target_mention(sentence, in_clause, resumed.end(), exclude=agents)
                    if after is None and re.search(r"\b(?:on|against)\s+$", resumed.group()):
                        # "…, as well as on Zhao and Ni": the measure's own preposition, no victim's
                        after = next(
                            (
                                m
                                for m in in_clause
                                if m.start == resumed.end() and all(_key(m.party) != _key(a) for a in agents)
                            ),
                            None,
                        )
                    elif after is None:
                        # "designated Wuhan Xiaoruizhi, which it described as a front…, together with Zhao Guangzong
                        # and Ni Gaobin": people joined to the list (partners are states and their bodies)
                        after = next(
                            (m for m in in_clause if m.start == resumed.end() and m.party.kind == "person"), None
                        )
                    if after is not None and BARE_LIST_JOIN.fullmatch(resumed.group()) and after.party.kind != "person":
                        # ("sanctioned Khoroshev, who led the gang, along with Britain and Australia": partners;
                        # "as well as Bangladesh Bank and Microsoft": victims)
                        after = None
                    if after is not None and after.start == resumed.end():
                        following, content = after, CHARGE_CONTENT.search(sentence.text, after.end)
                        joined = [following.party]
                        if following.party.kind == "person":  # ("…, together with Zhao Guangzong and Ni Gaobin")
                            joined = self._with_coordinated(sentence, in_clause, following.party, following.start)
                        for party in joined:
                            if all(_key(party) != _key(t) for t in targets):
                                targets.append(party)
                        first = following
                        continue
                relative = RELATIVE_IN_LIST.match(sentence.text, first.end)
                after = relative and next((m for m in in_clause if m.start == relative.end()), None)
                if after and relative["join"] != "and" and after.party.kind != "person":
                    after = None  # (only people are joined to a list with "together with", "along with", "as well as")
                if after:
                    # "sanctioned A, who it said is an FSB officer, and B": past the clause (and what it says)
                    following, content = after, CHARGE_CONTENT.search(sentence.text, after.end)
                elif following is None or (content is not None and following.start > content.start()):
                    # ("charged A, 38, and B, 45, whom they described as members of the hacking group APT27": the group
                    # too)
                    if (
                        following is not None
                        and following.party.kind == "threat_group"
                        and MEMBERS_DESCRIBED.fullmatch(sentence.text, first.end, following.start)
                        and all(_key(following.party) != _key(t) for t in targets)
                    ):
                        targets.append(following.party)
                    break
                elif DESCRIBING_CLAUSE.search(sentence.text, first.end, following.start):
                    break  # "Integrity Technology Group, a firm it said had supported Flax Typhoon": what it did
                if all(_key(following.party) != _key(t) for t in targets):
                    targets.append(following.party)
                first = following
            return targets
        owner = OWNER_ANAPHOR.search(sentence.text, match.start(), match.end()) if kind == "cyber_operation" else None
        if owner is not None:
            # "…sanctioned Sinbad.io, a mixing service, while police took the service's website offline": the
            # service (or the gang) named last before it in the report
            if owner.group("noun").lower() in ("group", "gang", "crew"):
                last = self._last_group_named(sentence, mentions, match.start())
            else:
                here = [m.party for m in mentions if m.end <= match.start() and m.party.kind == "company"]
                earlier = [p for start, _, p in self.named_words if start < sentence.start and p.kind == "company"]
                last = (earlier + here)[-1] if earlier + here else None
            if last is not None and all(_key(last) != _key(a) for a in agents):
                return [last]
        pronoun = PERSON_PRONOUN_OBJECT.match(sentence.text, match.end())
        if (kind in PASSIVE_KINDS or kind == "reward") and pronoun:
            person = self._last_person(sentence.start + match.end(), pronoun.group().strip())
            return [person] if person is not None else []
        them = PEOPLE_PRONOUN_OBJECT.match(sentence.text, match.end())
        people = [m.party for m in mentions if m.end <= match.start() and m.party.kind == "person"]
        if (kind in PASSIVE_KINDS or kind == "reward") and them and people:
            # "The institute's founders, A and B, were among those charged, and the Treasury imposed sanctions on them"
            return list(dict.fromkeys(people))
        if kind in PEOPLE_MEASURES and them and re.match(r"\s*(?:on\s+|against\s+)?them\b", them.group()):
            # '"…the first time that a government has identified a cyber criminal and imposed cyber sanctions on
            # them"': the people of before, never the state the report blames
            return self._pronoun_people(sentence.start + match.start(), "them")
        if plural and len(self.people_targeted) > 1 and not people:
            # "…charged A, B and C. The State Department offered rewards for information leading to their arrest":
            # the people the last measure was against
            return list(self.people_targeted)
        singular = PERSON_REFERENCE.match(sentence.text, match.end()) if kind in PEOPLE_MEASURES else None
        if singular and not people:
            # "…indicted Rim Jong Hyok…. The State Department offered a reward for information leading to his
            # identification or location": the person named last
            if len(self.people_targeted) == 1:
                return list(self.people_targeted)  # the one person the last measure was against
            person = self._pronoun_people(sentence.start + match.start(), {"his": "him"}.get(singular.group(1), "her"))
            if person:
                return person
        target = None
        if kind in ("summoned_ambassador", "recalled_ambassador", "expelled_diplomats"):
            target = self._envoy_state(sentence, mentions, match, agent)
        owner = [m for m in mentions if re.fullmatch(r"(?:'s|’s)\s+(?:\w+\s+)?", sentence.text[m.end : match.start()])]
        if target is None and owner and _key(owner[-1].party) != _key(agent):
            target = owner[-1].party  # "seeking Su's extradition"
        if target is None and kind == "court_order":
            # (the party the report accuses also by a shorter name than its mention: "the Hive gang" … "that Hive used")
            named = [(m.start, m.end, m.party) for m in mentions]
            if self.last_accused is not None and self.last_accused.kind not in STATE_KINDS:
                words = re.escape(self.last_accused.name)
                named += [(m.start(), m.end(), self.last_accused) for m in re.finditer(rf"\b{words}\b", sentence.text)]
            for start, end, party in sorted(named, key=lambda n: n[0]):
                if party.kind in STATE_KINDS:
                    continue  # ("domains used by Chinese state hackers": the hackers', not the state's)
                user = SEIZED_FROM_USER.fullmatch(sentence.text, match.end(), start)
                if user and (not user.group("relative") or SEIZED_USER_VERB.match(sentence.text, end)):
                    target = party  # "seized the servers that Hive used", "seized domains used by APT27"
                    break
        implied = kind in IMPLIED_TARGET and (kind != "condemnation" or about_incident)
        answered = self._answered(sentence, agent) if kind in ("pledged_response", "condemnation") else None
        if target is None and implied and answered is not None:
            target = answered  # "Russia called the sanctions unfounded and said Moscow would respond": to the EU
        recent = (
            self.last_measure and self.last_measure[1] == "sanctions" and sentence.start - self.last_measure_end < 200
        )
        took = self.last_measure[0] if recent and self.last_target else []
        if target is None and kind == "pledged_response" and took and _key(self.last_target) == _key(agent):
            target = took[0]  # "The EU sanctioned Russia…. Moscow would respond in kind": to the one that acted
        if (
            accused is not None
            and accused.kind == "threat_group"
            and kind in PEOPLE_MEASURES
            and (UNNAMED_PERSON_OBJECT.match(sentence.text, match.end()) or SOME_OF_THEM.match(text_after(match)))
        ):
            # "charged three Syrian men over a campaign by the Syrian Electronic Army, and offered rewards for the
            # capture of two of them": the men, not the group the report blames
            accused = None
        if accused is not None and accused.kind == "person" and kind == "cyber_operation":
            accused = None  # "…dismantled the servers that powered the service": not the person charged before
        if target is None and implied and accused:
            target = accused
        return [target] if target is not None else []

    def _pronoun_people(self, at: int, pronoun: str) -> list[PartyRef]:
        """The people "them", "him" or "her" before offset `at` stand for: for "them" those the last measure against
        people was taken against, else the person named last (of the pronoun's gender)."""
        if pronoun == "them" and self.people_targeted:
            return list(self.people_targeted)
        if pronoun == "them":
            # "…said the seven men - A, 38; B, 37; … - were members of APT31. An indictment charged them": everyone
            # the sentence that named people last named
            named = [
                (start, party)
                for start, words, party in self.named_words
                if party.kind == "person" and start < at and words in self.text[start:at].lower()
            ]
            together = list(dict.fromkeys(party for start, party in named if start == named[-1][0])) if named else []
            if len(together) > 1:
                return together
        person = self._last_person(at, pronoun)
        return [person] if person is not None else []

    def _answered(self, sentence, party: PartyRef) -> PartyRef | None:
        """ "Russia's foreign ministry called the sanctions unfounded and said Moscow would respond": a party
        answering a measure the sentence names answers whoever took that measure against it."""
        named = MEASURE_NOUN.search(sentence.text)
        if named is None:
            return None
        kind = MEASURE_NOUN_KINDS[named.group(1).lower()[:5]]
        for record in reversed(self.result.consequences):
            if record["kind"] == kind and _key(PartyRef(**record["target"])) == _key(party):
                return PartyRef(**record["initiated_by"])
        return None

    def _passive_measure(self, sentence, mentions, kind, match) -> tuple[list, list] | None:
        """ "Su Bin … was taken into custody by the Royal Canadian Mounted Police", "Guan Tianfeng is accused
        in an indictment unsealed in federal court": the target is the clause's subject, the agent follows
        "by" or is the court or body named after the measure; without both there is no measure to record.
        None when the measure is not in the passive."""
        before = sentence.text[: match.start()]
        participle = re.match(r"\w+ed\b|taken\b", match.group())
        after_participle = sentence.text[match.start() + len(participle.group()) :] if participle else ""
        reduced = (
            participle
            # ("Kosovo hacker held in Malaysia charged by U.S. with…": a headline's passive with its agent)
            and (REDUCED_PASSIVE.search(before) or re.match(r"\s+by\s", after_participle))
            and AFTER_REDUCED_PASSIVE.match(after_participle)
        )
        facing = FACING_CHARGES.search(before) if kind == "indictment" else None
        if not PASSIVE_BEFORE_MEASURE.search(before) and not reduced and not PLEA.match(match.group()) and not facing:
            return None
        if re.search(r"\b(?:has|have|had)\s+$", before):
            return None  # "has charged": active
        relative = RELATIVE_BEFORE_MEASURE.search(before)
        reporting_body = None
        if relative:  # "Meng Wanzhou, …, who was arrested": the noun before "who" is the target, not a modifier
            subjects = [
                m
                for m in mentions
                if m.end == relative.start() and not re.search(r"\bof\b[^,]*$", sentence.text[: m.start])
            ]
        else:
            clause_start = max((m.end() for m in re.finditer(r"[;:]|\bwhile\b|\bbut\b", before)), default=0)
            reported = REPORTING_BODY_VERB.search(before, clause_start)
            if reported is not None and not REPORTED_UNNAMED_PEOPLE.search(before):
                # "Spanish police said Mikhail Orlov was arrested": the police report their own act
                bodies = [
                    m
                    for m in mentions
                    if clause_start <= m.start < reported.start() and m.role in ("body", "named_body")
                ]
                reporting_body = bodies[-1].party if bodies else None
                clause_start = reported.end()
            subjects = [
                m for m in mentions if clause_start <= m.start < match.start() and not self._governed(sentence, m.start)
            ]
        # ("were arrested in April in Curitiba": where, after when; "was detained on Oct. 8 as he crossed into
        # Poland": where they were going)
        where = (
            re.match(
                rf"(?:\s+(?:(?:on|in|last)\s+)?(?:{WHEN}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
                r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?\s+(?:in|(?:as|when|after)\s+(?:he|she|they)\s+(?:crossed|entered|"
                r"arrived|landed|flew|travell?ed)\s+(?:into|in|at|to))\s+(?:the\s+)?",
                sentence.text[match.end() :],
            )
            if kind == "arrest"
            else None
        )
        places = [
            m for m in mentions if where and m.start == match.end() + where.end() and m.role in ("state", "metonym")
        ]
        if not subjects and places and not re.search(r"\bby\b", sentence.text[match.end() : match.end() + 40]):
            # "Two people were arrested in Poland and Ukraine": each state arrests on its soil whoever the report
            # accuses, when the sentence names no one else
            accused = self.last_accused or self.last_target
            places = self._with_coordinated(sentence, mentions, places[0].party, places[0].start)
            return (places, [accused]) if accused is not None else ([], [])
        # ("They face a 21-count indictment": who faces it)
        anaphor = PASSIVE_ANAPHOR.match(before[: facing.start()] if facing else before) if not subjects else None
        number = anaphor_count(anaphor) if anaphor else 0
        named_before = self._last_persons(sentence.start, number, window=1500) if anaphor else []
        one = anaphor.group("one").lower() if anaphor and anaphor.group("one") else ""
        pronoun = one if one in ("he", "she") else ""
        if pronoun:
            person = self._last_person(sentence.start, {"he": "him", "she": "her"}[pronoun])  # of the pronoun's gender
            named_before = [person] if person is not None else []
        if anaphor and anaphor.group("they"):
            # "They have been charged with…": the people the measure of the sentence before was taken against (not of
            # one further back: "…sanctioned A and B. Police detained five affiliates. They were charged")
            recent = self.people_targeted_in == self.previous_start
            named_before = list(self.people_targeted) if len(self.people_targeted) > 1 and recent else []
            number = len(named_before) or 2
        if anaphor and anaphor.group("they") and not named_before and len(self.sentence_mentions) > 1:
            # "A, B and C arrived in Cleveland on Wednesday… They face a 21-count indictment": the people the sentence
            # before was about
            _, previous_mentions, previous_subject, _ = self.sentence_mentions[-2]
            people = list(dict.fromkeys(m.party for m in previous_mentions if m.party.kind == "person"))
            if previous_subject is not None and previous_subject.kind == "person" and len(people) > 1:
                named_before, number = people, len(people)
            elif not people:
                # "A, B, C and D arrived in the United States on Thursday…, the U.S. Attorney's Office said. According
                # to an indictment…, the four were senior members of… The men are charged with…": the people a sentence
                # opened with, past up to two that name no one
                for _, earlier, _, _ in self.sentence_mentions[-3:-5:-1]:
                    opening = list(dict.fromkeys(m.party for m in earlier if m.party.kind == "person"))
                    if len(opening) > 1 and earlier[0].party.kind == "person" and earlier[0].start < 5:
                        named_before, number = opening, len(opening)
                    if opening:
                        break
        named = anaphor is not None and len(named_before) == number
        if not subjects and UNNAMED_PERSON_SUBJECT.match(before) is None and not named:
            return [], []
        unnamed = REPORTED_UNNAMED_PEOPLE.search(before)
        reporters = [m for m in subjects if unnamed and m.end <= unnamed.start()]
        accused = self.last_accused
        if reporters and accused is not None and _key(accused) != _key(reporters[0].party):
            # "the police said six suspects had been identified and detained": the police arrest, the suspects
            # are of the party the report accuses
            return [reporters[0].party], [accused]
        clause_end = CLAUSE_END.search(sentence.text, match.end())
        next_verb = re.compile(r"\b(?:has|have|had|is|was|were|are)\s+\w+").search(sentence.text, match.end())
        ends = [e.start() for e in (clause_end, next_verb) if e is not None]
        after = [m for m in mentions if m.start >= match.end() and (not ends or m.start < min(ends))]
        # (not a body whose systems were hit: "charged in Maryland with conspiring to wreck Ukrainian government
        # computer systems")
        after = [m for m in after if not HACKED_PROPERTY_AFTER.match(sentence.text, m.end)]
        # the agent of this verb, not of a later one ("arrested in B.C. last month has been accused by U.S. …")
        by = re.match(
            r"(?:\s+(?!(?:has|have|had|is|was|were|been|are)\b)[\w-]+){0,10}?\s+by\s+(?:the\s+)?",
            sentence.text[match.end() :],
        )
        # ("at the request of U.S. authorities": who asked, past what qualifies them)
        asked = re.compile(r"\b(?:request|behalf) of\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}$")
        after = [m for m in after if not asked.search(sentence.text[: m.start])]
        agents = [m for m in after if by and m.start == match.end() + by.end()]
        at = match.end() + by.end() if by else 0
        # "sentenced … by a Manhattan federal judge": a body, after what qualifies it; "… by a federal judge in the
        # United States": the state of the court or body that acts
        for roles, gap in ((("body", "named_body"), BY_QUALIFIED_BODY), (("state", "metonym"), BY_SOMEONE_IN)):
            if by and not agents:
                agents = [m for m in after if m.role in roles and gap.fullmatch(sentence.text[at : m.start])][:1]
        if by and not agents:
            # "…given a four-year suspended prison sentence by a Lisbon court": the state of the court's place
            agents = [
                m
                for m in after
                if m.role in ("state", "metonym", "demonym")
                and re.fullmatch(r"(?:an?\s+|the\s+)?", sentence.text[at : m.start])
                and COURT_AFTER.match(sentence.text, m.end)
            ][:1]
        handed = HANDED_FROM.match(sentence.text[match.end() :]) if kind == "extradition" else None
        # "has been extradited from Greece to the United States": the state that hands the person over
        agents = agents or [m for m in after if handed and m.start == match.end() + handed.end() and m.role != "body"]
        where_clause = WHERE_PASSIVE.search(before)
        there = [
            m for m in mentions if where_clause and m.end == where_clause.start() and m.role in ("state", "metonym")
        ]
        if agents:
            agents = [agents[0].party, *self._with_coordinated(sentence, after, agents[0].party, agents[0].start)[1:]]
        elif there:
            agents = [there[0].party]  # "…extradited Nikulin to the United States, where he is charged with hacking"
        else:
            agents = [
                m.party
                for m in after
                if m.party.kind in ("government_body", "state")
                and m.role == "body"
                # (not "…was sanctioned for procuring diving systems for Russian government agencies": whom it served;
                # but "was sentenced at Canterbury Crown Court": the court that sentences)
                and (
                    not OBJECT_OF_PREPOSITION.search(sentence.text, max(0, m.start - 40), m.start)
                    or (
                        AT_PLACE.search(sentence.text, max(0, m.start - 40), m.start) is not None
                        and COURT_WORD.search(sentence.text, m.start, m.end) is not None
                    )
                )
            ][:1]
        inside = [m.party for m in mentions if match.start() <= m.start < match.end() and m.party.kind in STATE_KINDS]
        if not agents and inside:
            agents = inside[:1]  # "were hit with U.S. sanctions": the state that imposes them
        if not agents and not places and reporting_body is not None and kind in PERSONAL_MEASURES | {"indictment"}:
            agents = [reporting_body]
        closing = (
            self._closing_body(sentence, mentions, match)
            if not agents and kind in ("prosecution", "indictment")
            else None
        )
        if closing is not None:
            # "…was sentenced on Wednesday to 11 years in prison…, the Justice Department said"
            agents = [closing.party]
        bodies = [
            m.party
            for m in mentions
            if m.role in ("body", "named_body")
            and m.party.kind in STATE_KINDS
            # (not "a hack of the FBI's email server": the victim)
            and not re.search(r"\b(?:on|of|against|into|at|targeting)\s+(?:the\s+)?$", sentence.text[: m.start])
            and not re.match(r"['’]s\b", sentence.text[m.end :])
        ]
        if not agents and not subjects and kind in PERSONAL_MEASURES | {"indictment"} and len(set(bodies)) == 1:
            # "Two teenagers have been charged over the attack on TfL, which the National Crime Agency says caused…":
            # the one body the sentence names, for the people the next sentences name
            agents = bodies[:1]
        if not agents and places:
            agents = [places[0].party]  # "Ramon Olorunwa Abbas … was arrested in Dubai": the state that arrests
        city = city_state_at(sentence.text, match.end() + where.end()) if where and not agents else None
        if city and not any(m.start == city[0].start() for m in mentions):
            agents = [city[1]]  # "…was detained in Barcelona on a U.S. warrant"
        closing = self._closing_body(sentence, mentions, match) if not agents and kind in PERSONAL_MEASURES else None
        if closing is not None and re.search(
            r"police|court", sentence.text[closing.start : closing.end], re.IGNORECASE
        ):
            agents = [closing.party]  # "Levashov was detained on Friday…, Spain's National Court said": its own act
        filed = FILED_IN.search(sentence.text, match.end(), min(ends) if ends else len(sentence.text))
        city = city_state_at(sentence.text, filed.end()) if filed and not agents else None
        if city and not any(m.start == city[0].start() for m in mentions):
            agents = [city[1]]  # "…were charged in an indictment unsealed in Los Angeles on Wednesday"
        dateline = DATELINE.match(before)
        opening = before[dateline.end() :] if dateline else before
        lede = dateline is not None or self._after_dateline_only(sentence)
        # "Glenn Mangham, a British student who hacked into Facebook, was jailed": what describes the person is not
        # of the subject
        described_person = (
            subjects
            and subjects[0].party.kind == "person"
            and PERSON_DESCRIBED.fullmatch(sentence.text, subjects[0].end, match.start())
            and not any(m.party.kind == "person" for m in subjects[1:])
            # (not "…, was sentenced by a Los Angeles court": a court the reading does not place)
            and not re.match(r"\s+(?:\w+\s+){0,3}?by\b", sentence.text[match.end() :])
        )
        lede_people = (
            lede
            and kind in PERSONAL_MEASURES | {"indictment"}
            and (described_person or all(m.party.kind == "person" for m in subjects))
        )
        if (
            not agents
            and self.dateline_state is not None
            and (UNNAMED_PERSON_SUBJECT.match(opening) or subjects and lede_people)
        ):
            # "PITTSBURGH (AP) — Six Russian military intelligence officers were charged Monday…", "PRETORIA - Sipho
            # Nkosi, 31, and Pieter Botha, 36, were picked up…": where it happened
            agents = [self.dateline_state]
        if not agents and subjects and self.last_measure and self.last_measure[1] == kind:
            # "The Treasury sanctioned six members of the gang. A, B and C, all Russian nationals, were designated": the
            # measure of before, of the same kind
            agents = list(self.last_measure[0])
        persons = [m for m in subjects if m.party.kind == "person"]
        sentenced = self.last_sentencing
        if (
            not agents
            and kind == "prosecution"
            and persons
            and sentenced
            and sentenced[1] == self.previous_start
            # (not "…, was sentenced to 10 years in a U.S. prison", "is expected to be sentenced": another court, none)
            and not any(m.party.kind in STATE_KINDS and _key(m.party) != _key(sentenced[0]) for m in mentions)
            and not re.search(r"\b(?:expected|could|will|would|may|might|faces?|facing)\b", before)
        ):
            # "Judge Deborah Taylor at Southwark Crown Court jailed A and B. C was sentenced to two years": the court
            # of the sentence just before
            agents = [sentenced[0]]
        opening = re.match(r"\W*(?:separately|meanwhile|in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*,)", sentence.text, re.I)
        if not agents and kind == "sanctions" and len(persons) > 1 and not opening:
            # "Britain has accused Russia's FSB…. Two members of the group, A and B, have been sanctioned": the state
            # that made a claim in the sentences just before sanctions the people it names
            accusers = [
                PartyRef(**a["made_by"])
                for a in self.result.attributions
                if a["made_by"]["kind"] in STATE_KINDS and self._claimed_since(a, sentence.start - 600)
            ]
            accused = {_key(p.party) for p in persons}
            agents = [a for a in accusers[-1:] if _key(a) not in accused]
        if not agents and not subjects and named and kind in ("indictment", "prosecution"):
            # "A and B were arrested at their homes by NCA officers…. Both have been charged with…": whoever took the
            # last measure against the people the anaphor stands for (not for an extradition: the state that hands
            # them over is not the one that arrested them)
            # (nor the state that extradited them: "…extradited from Spain…. The five were charged in November")
            keys = {_key(p) for p in named_before}
            agents = [
                PartyRef(**c["initiated_by"])
                for c in self.result.consequences
                if consequence_key(c)[1] in keys and c["kind"] != "extradition"
            ][-1:]
        if (
            not agents
            and not subjects
            and named
            and kind in ("indictment", "prosecution")
            and len(self.sentence_mentions) > 1
        ):
            # "A, B and C … appeared in federal court, where they pleaded not guilty. They face a 21-count indictment":
            # the court the sentence before named
            previous, previous_mentions = self.sentence_mentions[-2][:2]
            agents = [
                m.party
                for m in previous_mentions
                if m.role == "body"
                and m.party.kind in STATE_KINDS
                and COURT_WORD.search(previous.text, m.start, m.end) is not None
            ][:1]
        if (
            not agents
            and not subjects
            and named
            and kind == "indictment"
            # (not "The five were charged in November": charges told with their own earlier date)
            and not DATED_EARLIER.search(sentence.text, match.end())
        ):
            # "…, the U.S. Attorney's Office said in a statement. … The men are charged with wire fraud conspiracy": the
            # state that spoke last of them
            agents = [p for p in self.subjects[-3:] if p.kind in STATE_KINDS and p.country][-1:]
        if not subjects and named and agents:
            # "A, 19, and B, 18, were charged…. The pair were arrested at their homes by NCA officers": the people named
            # before
            return agents, named_before
        if not subjects:
            # "Six officials of the Cyber-Electronic Command of Iran's IRGC were sanctioned by the U.S. Treasury": the
            # agent, for the people the next sentences name
            return agents[:1], []
        target = self._one_person(sentence, subjects[0]) or subjects[0].party
        described = [
            m
            for m in subjects[1:2]
            if subjects[0].role == "demonym"
            and re.search(r"(?:^|[,;:—–]\s*)\W*(?:(?:the|a|an)\s+)?$", sentence.text[: subjects[0].start])
            and m.role in ("company", "group")
            and DESCRIBING_WORDS.fullmatch(sentence.text[subjects[0].end : m.start])
        ]
        if described:
            target = described[0].party  # "North Korean firm Chosun Expo was also listed": the firm, not its state
        court = IN_COURT.match(sentence.text[match.end() :])
        if not agents and court and target.kind == "person" and self.last_state is not None:
            agents = [self.last_state]  # "…was charged in court on Tuesday": the court of the state the report is about
        people = [m.party for m in subjects if m.party.kind == "person"]
        listed_people = len(people) > 1 and all(m.party.kind == "person" or m.role == "demonym" for m in subjects)
        if len(persons) > 1 and all(
            PERSON_LIST_GAP.fullmatch(sentence.text, a.end, b.start) for a, b in zip(persons, persons[1:], strict=False)
        ):
            # "Thalha Jubair, 19, from east London, and Owen Flowers, 18, from Walsall, were arrested": people with
            # their ages and where they come from
            listed_people, people = True, [m.party for m in persons]
        if len(people) > 1 and not listed_people and subjects[0].party.kind == "person":
            # "Ruslan Peretyatko, described as an FSB intelligence officer, and Andrey Korinets have been sanctioned":
            # the people of the list, past what describes one of them
            listed = self._with_coordinated(sentence, subjects, people[0], subjects[0].start)
            listed_people = len(listed) > 1 and all(p.kind == "person" for p in listed)
            people = listed if listed_people else people
        # "Six officers of Russia's GRU - A, 32, B, 35, … and F, 32, all assigned to Unit 74455, … - have been
        # charged": a list of people, each with an age, inside the subject
        listed_people = listed_people or (
            len(persons) > 2
            and all(
                re.fullmatch(r",\s+\d{2},\s+(?:and\s+)?", sentence.text[a.end : b.start])
                for a, b in zip(persons, persons[1:], strict=False)
            )
        )
        # ("Two Ministry of Public Security officers, A and B, were charged": a body's people)
        of_body = subjects[0].role in ("body", "named_body") and BODY_PEOPLE.match(sentence.text, subjects[0].end)
        if people and (subjects[0].role in ("demonym", "state") or of_body or listed_people):
            # "Three North Korean military intelligence officers — A, 31, B, 27, and C, 36 — were charged", "A, 31, and
            # B, 26, were arrested": the people
            agents = [a for a in agents if all(_key(a) != _key(p) for p in people)]
            return (agents, people) if agents else ([], [])
        counted = COUNTED_SUBJECT.match(sentence.text[: subjects[0].start])
        if counted and subjects[0].role in ("demonym", "state"):
            # "Two Russians, one of them an FSB officer, were sanctioned by Britain…. Ruslan Peretyatko and Andrey
            # Korinets were…": the people the next sentence names, when it names as many
            following = self._next_persons(sentence)
            if len(following) == count_of(counted.group("number")):
                agents = [a for a in agents if all(_key(a) != _key(p) for p in following)]
                return (agents, following) if agents else ([], [])
        targets = [target] + (self._along_with(sentence, mentions, match.end()) if target.kind == "person" else [])
        kept = [a for a in agents if all(_key(a) != _key(t) for t in targets)]
        if (
            not kept
            and agents
            and subjects[0].role == "demonym"
            and UNNAMED_PERSON_SUBJECT.match(before[dateline.end() if dateline else 0 :])
        ):
            # "NEW YORK - An American computer activist was sentenced…": people of the agent's own state, unnamed (the
            # next sentences name them)
            return agents, []
        return (kept, targets) if kept else ([], [])

    @staticmethod
    def _closing_body(sentence, mentions, match) -> Mention | None:
        """The body that tells the measure in a closing "…, the Justice Department said" after it."""
        tail = SUBJECT_AT_END.search(sentence.text)
        if tail is None or tail.start() <= match.end():
            return None
        bodies = [
            m for m in mentions if tail.start("who") <= m.start < tail.end("who") and m.role in ("body", "named_body")
        ]
        return bodies[0] if bodies else None

    def _along_with(self, sentence, mentions, at: int) -> list[PartyRef]:
        """The people a passive measure takes with its subject, listed at `at`: "Hamid Reza Lashgarian, the head of
        the command, was designated along with Mahdi Lashgarian, Hamid Homayunfal and Milad Mansuri"."""
        along = ALONG_WITH.match(sentence.text, at)
        listed = [m for m in mentions if along and m.start == along.end() and m.party.kind == "person"]
        if listed:
            return self._with_coordinated(sentence, mentions, listed[0].party, listed[0].start)
        # "Anton Peraire-Bueno, 24, was arrested in Boston and James Peraire-Bueno, 28, in New York": the verb left out
        gapped = GAPPED_PLACE.match(sentence.text, at)
        return [
            m.party
            for m in mentions
            if gapped
            and m.start == gapped.end()
            and m.party.kind == "person"
            and PLACE_AFTER_GAPPED.match(sentence.text, m.end)
        ][:1]

    def _after_dateline_only(self, sentence) -> bool:
        """Whether only a dateline stands before the sentence ("HANOI - " before the lede), and perhaps a headline
        above it."""
        head = self.text[: sentence.start]
        opening = head.rstrip().rfind("\n") + 1
        if head[:opening].strip().count("\n") > 1:
            return False  # (a dateline further down opens no lede)
        dateline = DATELINE.match(head[opening:])
        return dateline is not None and opening + dateline.end() >= len(head.rstrip())

    def _one_person(self, sentence, mention) -> PartyRef | None:
        """ "a Chinese national", "a Chinese aviation businessman" in a report that names one accused person:
        that person (news names in its second sentence the man its lede describes); in a report that names
        several, the first named after the sentence, when the next sentence names him."""
        if mention.role != "demonym" or not ONE_PERSON_NOUN.match(sentence.text[mention.end :]):
            return None
        if self.persons_named == 1:
            return next(iter(self.persons.values()))
        following = self._next_persons(sentence)
        if not following and not re.search(r"[.!?][\"”'’]?\s*$", sentence.text):
            # a headline's "US charges Russian held in Prague…": its lede describes him too, the next sentence names him
            following = self._next_persons(sentence, skip=1)
        return following[0] if following else None

    def _next_persons(self, sentence, skip: int = 0) -> list[PartyRef]:
        """The accused people the sentence after this one (after `skip` more) names, in order; else those a list below
        names ("…sanctioned six officials of the IRGC. … The following officials were designated today:" and a line
        for each)."""
        parts = sentences(self.text[sentence.end : sentence.end + 2000])
        named = self._persons_in(parts[skip].text if len(parts) > skip else "")
        if named:
            return named
        for index in range(skip, min(skip + 6, len(parts))):
            # (a line ending in a colon introduces the lines below it)
            start = index + 1 if parts[index].text.rstrip().endswith(":") else index
            items = list(itertools.takewhile(lambda part: LIST_ITEM.match(part.text), parts[start:]))
            if items:
                return self._persons_in(" ".join(item.text for item in items))
        return []

    @staticmethod
    def _counted_states(sentence, mentions, at: int) -> list[PartyRef]:
        """The states "both countries" or "the three governments" right before offset `at` stand for: as many states
        as it counts, the last the sentence named before it."""
        counted = COUNTED_STATES_BEFORE.search(sentence.text[:at])
        if counted is None:
            return []
        number = count_of(counted.group("number")) if counted.group("number") else 2
        named: list[PartyRef] = []
        for mention in reversed([m for m in mentions if m.end <= counted.start() and m.role in ("state", "metonym")]):
            if all(_key(mention.party) != _key(p) for p in named):
                named.append(mention.party)
        return list(reversed(named)) if len(named) == number else []

    def _persons_in(self, text: str) -> list[PartyRef]:
        """The accused people `text` names, in order."""
        named: dict[PartyRef, int] = {}
        for name, person in self.persons.items():
            for found in re.finditer(rf"\b{re.escape(name)}\b", text):
                named[person] = min(named.get(person, found.start()), found.start())
        return sorted(named, key=named.get)

    @staticmethod
    def _publishers(sentence, mentions, match) -> list[PartyRef]:
        """Those listed after "by" right after a document's noun ("an advisory by the FBI and agencies from the
        United States, Britain and Canada"): the list runs while only joining words and the nouns of agencies
        stand between its names."""
        by = PUBLISHED_BY.match(sentence.text, match.end())
        if by is None:
            return []
        found, at = [], by.end()
        for mention in mentions:
            if mention.start < at:
                continue
            if not PUBLISHER_LINK.fullmatch(sentence.text[at : mention.start]) or mention.role == "demonym":
                break
            if mention.party.kind in ("state", "government_body", "international_org", "company"):
                found.append(mention.party)
            at = mention.end
        return found

    def _joint_partners(self, sentence, mentions) -> list[PartyRef]:
        """ "issued a joint advisory with the U.S. FBI, the State Department and the NSA": those the subject
        acts together with are agents too."""
        for joint in JOINT_WITH.finditer(sentence.text):
            # (past "Alongside the operation, the FBI … published a joint advisory with counterparts from the UK…")
            after = [m for m in mentions if m.start >= joint.end()]
            if after and after[0].start == joint.end():
                return self._with_coordinated(sentence, after, after[0].party, after[0].start)
        return []

    def _add_consequence(self, sentence, agent, target, kind, stated_on, match) -> None:
        behind = self.behind(target)
        if behind is not target and kind not in PEOPLE_MEASURES:
            # a measure against people that is not a legal one ("expelled the officers"): the report's tie of them to
            # a state or group makes it a measure against that party too (a charge, sanction or reward against named
            # people is against them, not the state or group the report ties them to)
            self._add_one_consequence(sentence, agent, target, kind, stated_on, match)
            self._add_one_consequence(sentence, agent, behind, kind, stated_on, match)
            return
        self._add_one_consequence(sentence, agent, target, kind, stated_on, match)

    def _add_one_consequence(self, sentence, agent, target, kind, stated_on, match) -> None:
        if agent.kind in ("person", "media", "threat_group") or _key(agent) == _key(target):
            return  # measures are taken by states, bodies and organisations, not by the people they concern
        if agent.kind in ("company", "ngo", "other") and kind in STATE_ACTS:
            return  # "i-Soon charged clients $10,000 an inbox": only a state charges, sanctions or expels
        if kind in PERSONAL_MEASURES and (target.kind in STATE_KINDS or (kind == "arrest" and target.kind != "person")):
            # "Thai police arrested two Russian nationals": an arrest takes people, not their state; "arrested two
            # members of REvil": nor their gang
            return
        key = ("consequence", _key(agent), _key(target), kind)
        if target.kind == "person":
            # (the people this sentence's measures take, those recorded before too: "Two brothers … have been arrested.
            # A, 24, was arrested in Boston and B, 28, in New York. An indictment … charges them")
            if self.people_targeted_in != sentence.start:
                self.people_targeted, self.people_targeted_in = [], sentence.start
            if target not in self.people_targeted:
                self.people_targeted.append(target)
        if key in self.seen:
            return
        self.seen.add(key)
        self.last_target = target
        if target.kind == "person" and kind == "prosecution":
            self.last_sentencing = (agent, sentence.start)
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
        if len(before) > 1 and MISSION_IN.search(sentence.text[: last.start]):
            last = before[-2]  # "Russia's embassy in Washington condemned…": the mission acts, not where it is
        agents_noun = AGENTS_NOUN.fullmatch(sentence.text[last.end : at])
        if last.role in ("demonym", "state") and agents_noun and not self._governed(sentence, last.start):
            return last.party  # "after U.S. agents detained Roman Seleznev": the agents' state acts
        if last.role == "demonym":
            return None  # "the Russian chargé d'affaires had been summoned": an adjective describes, it does not act
        if re.fullmatch(r"\s+to\s+", sentence.text[last.end : at]) and CAUSED_TO.search(sentence.text, 0, last.start):
            return last.party  # "…, prompting Moscow to promise a response": the one prompted acts
        if not ADJACENT_AGENT_GAP.fullmatch(sentence.text[last.end : at]) or self._governed(sentence, last.start):
            return None
        if sentence.text[last.end : last.end + 2] in ("'s", "’s"):
            return None
        head = len(before) - 1
        while head > 0 and re.fullmatch(r"(?:'s|’s)?\s+", sentence.text[before[head - 1].end : before[head].start]):
            head -= 1  # ("Britain's Foreign Office", "the U.S. Treasury Department": one actor's words)
        if head > 0 and COORDINATION.fullmatch(sentence.text[before[head - 1].end : before[head].start]):
            return None  # "The United States and Britain imposed…": the coordinated subject acts together
        return last.party

    def _headline_targets(self, sentence: Sentence, mentions: list[Mention], match: re.Match) -> list[PartyRef]:
        """Who a headline's present-tense measure names right after its verb: "US charges Russian hacker Ivan Petrov
        over…" (Petrov), "Australia hits Russian man with sanctions" (the one man the report names); no one when it
        names people only by their state ("charges three Iranians")."""
        after = [m for m in mentions if m.start >= match.end()]
        if not after or not HEADLINE_TARGET_GAP.fullmatch(sentence.text[match.end() : after[0].start]):
            return []
        first = after[0]
        if first.role == "demonym":
            described = [
                m
                for m in after[1:2]
                if m.role == "person" and DESCRIBING_WORDS.fullmatch(sentence.text[first.end : m.start])
            ]
            if described:
                first = described[0]
            else:
                person = self._one_person(sentence, first)
                return [person] if person is not None else []
        if first.party.kind not in ("person", "company", "threat_group"):
            return []
        return self._with_coordinated(sentence, mentions, first.party, first.start)

    def _relative_subject(self, sentence: Sentence, mentions: list[Mention], at: int) -> list[PartyRef]:
        """ "…worked closely with the United States and Britain, which announced their own sanctions against him":
        the actors a relative clause opening right before the measure is about (with those joined to them)."""
        before = [m for m in mentions if m.end <= at and m.role != "demonym"]
        before = [m for m in before if m.party.kind in ("state", "government_body", "international_org")]
        if not before or not RELATIVE_SUBJECT.fullmatch(sentence.text[before[-1].end : at]):
            return []
        listed = self._with_coordinated_before(sentence, mentions, before[-1])
        return [m.party for m in listed if m.role != "demonym"]

    def _agent_before(self, sentence: Sentence, mentions: list[Mention], at: int) -> PartyRef | None:
        """The agent named just before a measure: "a decision by Albania to sever ties"."""
        offset = max(0, at - 40)
        window = sentence.text[offset:at]
        decided = DECISION_BEFORE.search(window)
        owners = [m for m in mentions if decided and m.end == offset + decided.start()]
        if owners:
            return owners[-1].party  # "Tirana's decision to expel", "the Albanian decision to cut ties"
        agent = re.search(r"\bby\s+(?:the\s+)?$|\bby\s+\S+(?:\s+\S+)?\s+to\s+$", window)
        if agent is None:
            return None
        before = [m for m in mentions if m.end <= at and m.start >= at - 40]
        return before[-1].party if before else None

    def _target_after(self, sentence, mentions, at: int, *, exclude: PartyRef | None) -> PartyRef | None:
        """The first party named after `at` that is not the actor, nor the victim ("against Albania")."""
        found = self._target_mention(sentence, mentions, at, exclude=exclude)
        return found.party if found else None

    def _target_mention(self, sentence, mentions, at: int, *, exclude) -> Mention | None:
        """The mention `_target_after` reads. Victims are skipped with what is joined to them ("attacks against
        EU member states and Ukraine"); people named by nationality ("two Sudanese brothers") give way to the
        organisation or person named later in the clause ("with running Anonymous Sudan")."""
        clause_end = CLAUSE_END.search(sentence.text, at)
        excluded = {_key(p) for p in (exclude if isinstance(exclude, list) else [exclude]) if p is not None}
        victim_end = None
        for index, mention in enumerate(mentions):
            if mention.start < at:
                continue
            party = mention.party
            if (
                mention.role == "demonym"
                and any(
                    m.role == "person"
                    and (
                        0 < m.start - mention.end <= 25
                        # ("sentenced Russian cryptocurrency specialist Alexander Vinnik")
                        or re.fullmatch(r"(?:\s+[a-z][\w-]*){1,3}\s+", sentence.text[mention.end : m.start])
                        # ("an Indonesian hacker who goes by the name Direxer")
                        or ALIAS_OF_PERSON.fullmatch(sentence.text, mention.end, m.start)
                    )
                    for m in mentions
                )
            ):
                continue  # "a Russian citizen, Aleksandr Ermakov": the person is meant
            if mention.role in ("body", "named_body", "state", "metonym") and any(
                m.role == "person"
                and m.start > mention.end
                and OFFICE_BEFORE_PERSON.fullmatch(sentence.text, mention.end, m.start)
                for m in mentions
            ):
                continue  # "travel bans on GRU chief Igor Kostyukov": the person, not the body he heads
            after = sentence.text[mention.end :]
            if re.match(r"['’]s\s+behalf\b", after) and _key(party) not in excluded:
                return mention  # "hackers acting on Beijing's behalf": whom they act for, not a victim "on" them
            if party.kind in STATE_KINDS and self._placed(sentence, mentions, mention):
                continue  # "designated eight North Korean agents based in China, Russia and elsewhere": where they are
            if victim_end is not None and VICTIM_LINK.fullmatch(sentence.text[victim_end : mention.start]):
                victim_end = mention.end + (VICTIM_NOUN.match(after).end() if VICTIM_NOUN.match(after) else 0)
                continue  # "against EU member states and Ukraine": joined to a victim
            if NAMER.match(after):
                continue  # "the group Microsoft calls Flax Typhoon": the one who names it, not the group
            if MAKER_BEFORE.search(sentence.text[max(0, mention.start - 60) : mention.start]):
                continue  # "by exploiting software made by the Florida-based firm Kaseya": the maker of what was used
            if mention.role == "demonym" and re.match(
                r"\s+(?:[\w-]+\s+)?(?:city|province|region|town|port|capital)\b", after
            ):
                continue  # "traced to the northeastern Chinese city of Shenyang": a place
            if mention.role == "demonym" and INFRASTRUCTURE_AFTER.match(after):
                continue  # "carried out from Russian IP addresses by the pro-Russian group Killnet": where from
            group_word = HACKING_GROUP_NOUN.match(after)
            before = sentence.text[max(0, mention.start - 30) : mention.start]
            if party.kind == "threat_group" and GROUP_PEOPLE_NOUN.match(after):
                return mention  # "sanctions on three Evil Corp members": the group's people, not its victims
            # ("blamed the blackout on a U.S. cyberattack", "caused by a Russian hack": a state's kind of attack)
            by_state = mention.role in ("demonym", "state") and (
                KIND_OF_ATTACK_BEFORE.search(before) or CONDEMNED_BEFORE.search(before)
            )
            if (
                NAMES_INCIDENT.match(after) and not (mention.role == "group" and group_word) and not by_state
            ) or VICTIM_NOUN.match(after):
                if VICTIM_NOUN.match(after):
                    victim_end = mention.end + VICTIM_NOUN.match(after).end()
                continue  # "the SolarWinds hack", "Twitter accounts": the incident or the victim, not a party
            if re.search(
                r"\b(?:men|women|officers|people|suspects|individuals|agents|diplomats|two|three|four|five|six|seven|"
                r"eight|nine|ten)\s+\w+ed\s+by\s+(?:the\s+)?$",
                before,
            ):
                continue  # "indicted seven GRU officers, including the four men expelled by the Dutch": who acted
            if party.kind == "international_org" and re.search(r"\bmembers?\s+of\s+(?:the\s+)?$", before):
                continue  # "unworthy of a permanent member of the UN Security Council": what describes someone
            partner = PARTNER_BEFORE.search(sentence.text, max(0, mention.start - 50), mention.start)
            if partner and partner.start() + len(partner.group().rstrip()) > at:
                # "an operation coordinated by Europol", "with the help of Dutch police": partners (not the blaming
                # words' own "cyberattacks … organised by Russian intelligence")
                continue
            if mention.role in ("state", "metonym") and VISITED_BEFORE.search(before):
                continue  # "…, Foreign Minister Annalena Baerbock said during a visit to Australia": where she spoke
            if mention.role in ("state", "metonym") and SENT_FROM_BEFORE.search(
                sentence.text[max(0, mention.start - 60) : mention.start]
            ):
                continue  # "…accused of running Phobos, extradited from South Korea to US": where he was sent
            if mention.role in ("state", "metonym") and INFRASTRUCTURE_PLACE.search(
                sentence.text[max(0, mention.start - 50) : mention.start]
            ):
                continue  # "traced to servers in the United States used by Iranian hackers": where, not who
            # ("cyberattacks on EU member states and Ukraine": a list of victims may be longer than the window)
            victim = VICTIM_PREPOSITION.search(before) or (
                re.search(r"(?:,|\band)\s+$", before)
                and VICTIM_PREPOSITION.search(sentence.text, max(0, mention.start - 60), mention.start)
            )
            # ("attacks against organisations, including NATO": a victim list; not a person or a group in it:
            # "sanctioned groups behind attacks on hospitals, including Evil Corp")
            window = sentence.text[max(0, mention.start - 200) : mention.start]
            victim = victim or (
                party.kind not in ("person", "threat_group")
                and ("including" in window or "such as" in window)
                and VICTIM_LIST.search(window)
            )
            if victim and not BLAMED_ON.search(before):
                victim_end = mention.end
                continue
            if mention.party.kind == "state" and PEOPLE_FROM.search(before):
                victim_end = mention.end  # "six individuals and three entities from Russia, China and North Korea"
                continue
            if (
                mention.role in ("state", "metonym")
                and PLACE_BEFORE.search(before)
                and not ORIGIN_BEFORE.search(before)  # "originated in China": its source
                and not STATE_AS_MODIFIER.match(after)  # "called in China's ambassador", "… the U.S. ambassador"
                and not ACTORS_IN_PLACE.search(before)
            ):
                continue  # "laundering the payments through facilitators in China", "offices in Texas": a place
            if _key(party) in excluded:
                continue
            if mention.role in ("demonym", "state", "metonym"):
                group = [
                    m
                    for m in mentions[index + 1 :]
                    if m.party.kind == "threat_group"
                    and m.start - mention.end <= 60
                    and SPONSOR_BEFORE_GROUP.fullmatch(sentence.text[mention.end : m.start])
                ]
                if group:
                    return group[0]  # "a Russian group known as Midnight Blizzard": the group (its state follows it)
            if self._one_person(sentence, mention):
                return Mention(mention.start, mention.end, self._one_person(sentence, mention), "person")
            organisations = ORGANISATIONS_NOUN.match(after)
            if organisations and mention.role == "demonym":
                # "two Russian affiliates, Aeza Logistic LLC and Cloud Solutions LLC": the ones named right after
                named = [m for m in mentions[index + 1 :] if m.start == mention.end + organisations.end()]
                if named and named[0].role in ("company", "group", "org"):
                    return named[0]
            if mention.role == "demonym" and PEOPLE_NOUN.match(after):
                named = [
                    m
                    for m in mentions[index + 1 :]
                    if m.role in ("group", "company", "person")
                    and (clause_end is None or m.start < clause_end.start())
                    # "…with carrying out the attack on software company Kaseya": the victim, not his organisation
                    and not VICTIM_PREPOSITION.search(sentence.text[max(0, m.start - 40) : m.start])
                    # "…with hacking into the networks of Moody's, Siemens and Trimble": victims of what they did
                    and not HACKED_BEFORE.search(sentence.text[mention.end : m.start])
                    # ("charged a Ukrainian national over the Kaseya attack": the incident, named by its victim)
                    and not (m.role == "company" and NAMES_INCIDENT.match(sentence.text[m.end :]))
                ]
                if named:
                    return named[0]
            return mention
        return None
