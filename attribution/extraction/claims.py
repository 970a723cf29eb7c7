"""Readings of a sentence that find who blames whom (part of the extractor)."""

import re

from attribution.extraction.cues import (
    ACCORDING_TO,
    ACCUSATIONS_BY,
    ACCUSED_ACT,
    ACCUSED_BY,
    ACCUSED_OF,
    ACCUSED_OF_WHAT,
    AGENCY_ANAPHOR_ACTOR,
    APPOSED_CULPRIT,
    APPOSITION_BEFORE,
    ATTACKER_BEFORE,
    ATTRIBUTION_CUES,
    BEHIND_GROUP,
    BLAMED_BY_ON,
    BODIES_OF_STATES,
    BRACKETING,
    CITED_SPEAKER,
    CITED_STUDY,
    CLAUSE_AFTER_PARTICIPLE,
    CO_SIGNED,
    COORDINATION,
    COUNTERPARTS_SIGNED,
    CYBER,
    CYBER_DEED,
    DATED_LEGAL_VERB,
    DESCRIBED_GROUP,
    DESCRIBED_PERSON,
    DOCUMENT_OPENING,
    DOCUMENT_WORD,
    ENDORSEMENT,
    FURTHER_REPORTED_ATTACKER,
    GENERIC_ACTS_BEFORE,
    GROUP_AFTER_STATE,
    GROUP_ANAPHOR_ACTOR,
    GROUP_CALLED_AFTER,
    HOME_VOICE,
    IDENTIFIED_AS_CULPRIT,
    IDENTIFIED_BY,
    JOINED_BY,
    JOINED_IN,
    LEDE_ACTOR,
    LINKED_BY,
    LIST_END,
    MEMBERS_OF_GROUP,
    MODIFIES_INCIDENT,
    NAMED_PEOPLE,
    NAMING_CULPRITS,
    NAMING_GROUPS,
    NEGATED_ACT,
    NOT_ACTOR_BEFORE_CUE,
    OBSERVERS_CLAUSE,
    OTHER_OFFENCES,
    PART_OF,
    PASSIVE,
    PASSIVE_AUXILIARY,
    PLACE_OF_PEOPLE_BEFORE,
    POSSESSED_ACCUSATION,
    POSSESSIVE_GAP,
    PREDICATE_CUES,
    QUALIFIED_ACCUSATION,
    QUOTE_OPENING,
    QUOTED_OPENING,
    RELATIVE_DESCRIBED,
    RELATIVE_LINKED,
    RELATIVE_PRONOUN,
    RELATIVE_SAYER,
    RELATIVE_SUBJECT,
    REPORTED_ATTACKER,
    REPORTED_PASSIVE,
    REPORTING_TAIL,
    REPORTING_VERB,
    RESEARCHERS_IN_PLACE,
    SAYING_CLAUSE,
    SECOND_THAT_CLAUSE,
    SOLIDARITY_WITH,
    SPONSORED_DESCRIPTION,
    STATE_KINDS,
    SUBJECT_AT_END,
    SUBJECT_LINK,
    TAIL_ANAPHOR,
    TOOL_OR_INCIDENT_AFTER,
    UNNAMED_COMPANY,
    UNNAMED_REPORT_CLAUSE,
    UNNAMED_REPORTER,
    UNNAMED_SUBJECT_BEFORE,
    UNRECOGNISED_NAMES,
    USED_TOOL,
    VENDOR_TRACKS,
    WITH_COUNTERPARTS,
    WORKS_FROM_BEFORE,
)
from attribution.extraction.gazetteer import PartyRef, given_name_gender
from attribution.extraction.measure_cues import (
    ALIAS_GAP,
    CLAUSE_END,
    RELATIVE_IN_LIST,
    UNNAMED_PERSON_SUBJECT,
    WHERE_PASSIVE,
)
from attribution.extraction.mentions import Mention
from attribution.extraction.mentions import iso as _iso
from attribution.extraction.mentions import party_key as _key
from attribution.extraction.name_cues import (
    SPONSOR_BEFORE_GROUP,
    SPONSOR_BEFORE_STATE,
    sponsor_tie,
)
from attribution.extraction.text import Sentence, quoted_spans


class ClaimsMixin:
    """Attribution claims: ledes, reported attackers, predicates, passives and blaming words."""

    def _accusations_by(self, sentence, mentions, speaker, stated_on, subject=None) -> re.Match | None:
        """ "…rejected accusations by the United States and Britain that Russian officers sabotaged the
        Games": each named accuser blames the actor of the that-clause."""
        found = (
            ACCUSATIONS_BY.search(sentence.text)
            or POSSESSED_ACCUSATION.search(sentence.text)
            or QUALIFIED_ACCUSATION.search(sentence.text)
        )
        if found is None:
            return None
        act = ACCUSED_ACT.search(found.group("rest"))
        if act is None:
            return None
        rest = found.start("rest")
        accusers = [m.party for m in mentions if found.start("who") <= m.start < found.end("who")]
        first = [m for m in mentions if found.start("who") <= m.start < found.end("who")][:1]
        if first and first[0].role in ("demonym", "state") and UNNAMED_COMPANY.match(sentence.text[first[0].end :]):
            # "accusations by a U.S. cybersecurity firm that…": the firm the report names, not its state ("a report by
            # the U.S. cybersecurity firm Volexity": the one named there)
            named = [p for p in accusers if p.kind == "company"]
            accusers = named[:1] or ([self.first_company] if self.first_company else [])
        accused = [
            m.party
            for m in mentions
            if rest <= m.start < rest + act.end("actor")
            # (not "the hacking group behind last year's SolarWinds intrusion": the incident's victim)
            and not (m.party.kind not in ("threat_group", "person") and MODIFIES_INCIDENT.match(sentence.text, m.end))
        ]
        accused.sort(key=lambda p: p.kind != "threat_group")
        if not accused and subject is not None and re.match(r"\s*(?:it|they)\b", act.group("actor"), re.IGNORECASE):
            accused = [subject]  # "China rejected accusations by the United States that it was behind the hack"
        if found.re is QUALIFIED_ACCUSATION and not all(p.kind in STATE_KINDS for p in accusers):
            return None  # "the Dutch and British accusations that…": states qualifying the noun
        if not accusers or not accused:
            return None
        for accuser in accusers:
            if _key(accuser) != _key(accused[0]):
                self._add_attribution(sentence, accuser, accused[0], speaker, stated_on, found)
        return found

    def _claims(self, sentence, mentions, subject, speaker, stated_on) -> None:
        """The first reading of the sentence that finds a claim: a lede, a reported attacker, a predicate
        ("Y was behind"), or blaming words."""
        if self._relative_sayer(sentence, mentions, speaker, stated_on):
            return
        if self._lede_attribution(sentence, mentions, speaker, stated_on):
            return
        if self._reported_attacker(sentence, mentions, subject, speaker, stated_on):
            return
        if self._sponsored_description(sentence, mentions, subject, speaker, stated_on):
            return
        if self._relative_linked(sentence, mentions, speaker, stated_on):
            return
        if self._apposed_culprit(sentence, mentions, subject, speaker, stated_on):
            return
        if self._relative_described(sentence, mentions, subject, speaker, stated_on):
            return
        named_people = NAMED_PEOPLE.search(sentence.text)
        people = [
            m.party for m in mentions if named_people and m.start >= named_people.end() and m.party.kind == "person"
        ]
        if people and subject is not None and _key(subject) in self.accusers:
            # "The SBU has identified the members of the group…. The service named five officers: A, B, C, D and E"
            for person in people:
                self._add_attribution(sentence, subject, person, speaker, stated_on, named_people)
            return
        member = MEMBERS_OF_GROUP.search(sentence.text)
        groups = [
            m
            for m in mentions
            if member
            and m.start >= member.end()
            and m.party.kind == "threat_group"
            # (the group they belong to, not one a relative clause about it names: "…members of a student hacking club
            # that had warned of APT29 phishing")
            and not re.search(r"\b(?:that|which|who|whose|where)\b|[;.]", sentence.text[member.end() : m.start])
        ]
        if groups and subject is not None and subject.kind in (*STATE_KINDS, "company", "international_org"):
            # "Prosecutors said the three belonged to hacking units known as the Lazarus Group and APT38": the people
            # blamed work in the groups, and so the groups are blamed
            for group in self._with_coordinated(sentence, mentions, groups[0].party, groups[0].start):
                self._add_attribution(sentence, subject, group, speaker, stated_on, member)
            return
        part = PART_OF.search(sentence.text)
        who = "who" if part and part.group("who") else "who2"
        owners = [m for m in mentions if part and part.start(who) <= m.start < part.end(who)]
        if owners and _key(owners[0].party) != _key(subject):
            self._add_attribution(sentence, subject, owners[0].party, speaker, stated_on, part)
            return
        predicate = PREDICATE_CUES.search(sentence.text)
        cue = self._attribution_cue(sentence.text)
        if predicate and (cue is None or predicate.start() < cue.start()):
            tail = SUBJECT_AT_END.search(sentence.text)
            reporter = subject if tail and tail.start() > predicate.end() else None
            quoted = QUOTED_OPENING.match(sentence.text)
            if reporter is None and quoted and quoted.end() > predicate.end():
                reporter = subject  # the words of the speaker named after the quotation
            self._predicate_attribution(sentence, mentions, speaker, stated_on, predicate, reporter)
        elif cue:
            self._attribution(sentence, mentions, subject, speaker, stated_on, cue)
        later = self._attribution_cue(sentence.text, cue.end()) if cue is not None else None
        if later is not None:
            # "The suspects are accused of providing support to Egregor, which French investigators hold responsible
            # for…": a relative clause with its own accuser, past the sentence's first blaming words
            self._object_relative_claim(sentence, mentions, later, speaker, stated_on)
        saying = SAYING_CLAUSE.search(sentence.text, cue.end()) if cue is not None else None
        further = self._attribution_cue(sentence.text, saying.end()) if saying is not None else None
        if further is not None and subject is not None:
            # "…publicly blamed Russia's GRU for the attacks, saying they had been carried out by the APT28 group": the
            # subject's words go on to blame another party
            self._attribution(sentence, mentions, subject, speaker, stated_on, further)
        naming = NAMING_GROUPS.search(sentence.text)
        groups = [m for m in mentions if naming and m.start >= naming.end() and m.party.kind == "threat_group"]
        if groups and subject is not None and cue is not None and cue.start() < naming.start():
            # "accused China of cyberattacks, naming the groups APT27, APT30, APT31 and Gallium": each group too
            for group in self._with_coordinated(sentence, mentions, groups[0].party, groups[0].start):
                self._add_attribution(sentence, subject, group, speaker, stated_on, naming)
        tracked = VENDOR_TRACKS.search(sentence.text)
        named = [m for m in mentions if tracked and m.start == tracked.end() and m.party.kind == "threat_group"]
        # ("The AIVD and MIVD have dubbed the group Laundry Bear": a state body naming the group it blamed before)
        namer = subject is not None and (
            subject.kind == "company" or (subject.kind in STATE_KINDS and _key(subject) in self.accusers)
        )
        if named and namer and _key(subject) != _key(named[0].party):
            # "describing the intruders only as a highly skilled actor it tracks as UNC2452", "Microsoft calls the
            # group Flax Typhoon": a security firm naming the attackers it describes blames the cluster it names
            the_group = tracked.group().lower().split()[1:2] == ["the"]
            described = self._state_of_group_described(sentence) if the_group else None
            if described is not None and _key(named[0].party) not in self.sponsors:
                # ("…a previously unknown Russian hacker group…. It tracks the group as Void Blizzard": its state)
                self.sponsors[_key(named[0].party)] = described
            self._add_attribution(sentence, subject, named[0].party, speaker, stated_on, tracked)

    def _attribution_cue(self, text: str, pos: int = 0) -> re.Match | None:
        """The first blaming words of the sentence (from `pos`) that describe the attackers, not bystanders."""
        for cue in self._scan(ATTRIBUTION_CUES, text) if pos == 0 else ATTRIBUTION_CUES.finditer(text, pos):
            if cue.start() > 0 and text[cue.start() - 1] == "-":
                continue  # "Hezbollah-linked hackers": a compound describing the attackers, not someone linking them
            if cue.group().lower().startswith("link") and NOT_ACTOR_BEFORE_CUE.search(text[: cue.start()]):
                continue
            if cue.group().lower() == "attributed" and GENERIC_ACTS_BEFORE.search(text[: cue.start()]):
                continue  # "less attention than operations attributed to China, Russia or North Korea": no one claims
            if re.search(r"based|operating|located", cue.group()) and not ATTACKER_BEFORE.search(text[: cue.start()]):
                continue
            return cue
        return None

    def _predicate_attribution(self, sentence, mentions, speaker, stated_on, cue, reporter=None) -> None:
        """ "X says Y was behind the hack": Y is accused, X (the reporting subject before Y) accuses. "Y was behind
        the attack, X said": X is the `reporter` the sentence ends with."""
        apposition = APPOSITION_BEFORE.search(sentence.text[: cue.start()])
        # "the Lazarus Group and APT38, cyber actors associated with the DPRK, are responsible": before the apposition
        cut = apposition.start() if apposition and any(m.end <= apposition.start() for m in mentions) else cue.start()
        before = [m for m in mentions if m.end <= cut]
        if not before or (len(before) < 2 and speaker is None and reporter is None):
            return
        if UNNAMED_SUBJECT_BEFORE.search(sentence.text, before[-1].end, cue.start()):
            return  # "…citing sources who suspect a foreign power is behind the attack": no party named as the doer
        first = len(before) - 1  # "the Lazarus Group and APT38 … are responsible": both
        while first > 0 and COORDINATION.fullmatch(sentence.text[before[first - 1].end : before[first].start]):
            first -= 1
        joined = [m.party for m in before[first:]]
        accusers = [
            m
            for m in before[:first]
            if not self._governed(sentence, m.start)
            # ("Belgium's state-controlled telecoms operator Belgacom said": the company, not its state)
            and not self._modifies_named_org(sentence, m, mentions)
            # ("North Korean state-backed hacking groups Lazarus Group and Andariel were behind…": their sponsor)
            and not (m.role == "demonym" and SPONSOR_BEFORE_GROUP.fullmatch(sentence.text[m.end : before[first].start]))
            # (nor "said North Korea's Lazarus Group was to blame": the group's possessor)
            # (but "Czechia's cyber watchdog said APT31 was to blame": the state whose body speaks)
            and not re.fullmatch(
                r"['’]s\s+(?:(?!(?:said|says|say|told|added|believes?|concluded)\b)[\w-]+\s+){0,3}",
                sentence.text[m.end : before[first].start],
            )
        ]
        if UNNAMED_REPORTER.search(sentence.text, accusers[0].end if accusers else 0, before[first].start):
            # "Belgacom said its network had been infiltrated, as a leading Belgian newspaper reported that the NSA
            # was behind the intrusion": the claim of someone the sentence does not name
            return
        if reporter is not None and any(_key(reporter) == _key(m.party) for m in before[:first] if m not in accusers):
            # ("…, police said Thursday": not the state that qualifies the groups, taken for the subject)
            reporter = None
        if reporter is not None and QUOTE_OPENING.match(sentence.text):
            accusers = []  # '"…we confirmed that Lazarus is responsible," the bureau said': the speaker accuses
        subject = accusers[0].party if accusers else (speaker.party if speaker else reporter)
        if subject is None or _key(subject) == _key(joined[-1]):
            return
        directed = self._groups_behind(sentence, mentions, cue)
        joined += [group for group in directed[:1] if all(_key(group) != _key(p) for p in joined)]
        for accuser in self._co_subjects(sentence, mentions, before[first].start, subject):
            for accused in joined:
                if _key(accuser) != _key(accused):
                    self._add_attribution(sentence, accuser, accused, speaker, stated_on, cue)

    @staticmethod
    def _groups_behind(sentence, mentions, cue: re.Match) -> list[PartyRef]:
        """The groups named right after blaming words that end in "behind" ("…was behind a hacking group known as Star
        Blizzard"; not "behind the Triton malware", a tool)."""
        return [
            m.party
            for m in mentions
            if cue.group().lower().endswith("behind")
            and m.party.kind == "threat_group"
            and BEHIND_GROUP.fullmatch(sentence.text, cue.end(), m.start)
            and not TOOL_OR_INCIDENT_AFTER.match(sentence.text, m.end)
        ]

    def _passive_attribution(self, sentence, mentions, speaker, stated_on, cue, subject=None) -> bool:
        """ "The hack was blamed on X by Y": X is accused, Y accuses (nothing without a Y). "X has been accused
        by Y of…": Y accuses the subject X."""
        linked_by = LINKED_BY.search(sentence.text)
        if linked_by is not None:  # "APT40 has been linked by the United States to China's MSS"
            accusers = [m.party for m in mentions if m.start == linked_by.end()]
            before = [m for m in mentions if m.end <= linked_by.start() and not self._governed(sentence, m.start)]
            to = re.search(r"\bto\s+(?:the\s+)?", sentence.text[linked_by.end() :])
            after = [m for m in mentions if to and m.start == linked_by.end() + to.end()]
            if accusers:
                for accused in [m.party for m in (after[:1] or before[:1])]:  # the state it is linked to, if named
                    if _key(accused) != _key(accusers[0]):
                        self._add_attribution(sentence, accusers[0], accused, speaker, stated_on, cue)
            return True
        identified_by = IDENTIFIED_BY.search(sentence.text)
        if identified_by is not None and IDENTIFIED_AS_CULPRIT.match(sentence.text, identified_by.end()):
            accusers = [m for m in mentions if m.start == identified_by.end()]
            before = [m for m in mentions if m.end <= identified_by.start() and not self._governed(sentence, m.start)]
            if accusers and before:
                for accuser in self._with_coordinated(sentence, mentions, accusers[0].party, accusers[0].start):
                    if _key(accuser) != _key(before[0].party):
                        self._add_attribution(sentence, accuser, before[0].party, speaker, stated_on, cue)
            return True
        accused_by = ACCUSED_BY.search(sentence.text)
        if accused_by is not None:
            accusers = [m for m in mentions if m.start == accused_by.end()]
            according = ACCORDING_TO.search(sentence.text, accused_by.end())
            if not accusers and according is not None:
                # "Ardit Ferizi, 20, is accused of computer hacking, according to a criminal complaint filed in
                # federal court in the Eastern District of Virginia": the source named after the charge
                group = "who" if according.group("who") else "who2"
                accusers = [
                    m
                    for m in mentions
                    if according.start(group) <= m.start < according.end(group) and m.party.kind in STATE_KINDS
                ][:1]
            before = [m for m in mentions if m.end <= accused_by.start() and not self._governed(sentence, m.start)]
            if accusers and before:
                target = self._target_mention(sentence, before, before[0].start, exclude=accusers[0].party)
                wanted = "wanted" in accused_by.group().lower()
                if wanted and target is not None and target.party.kind not in ("person", "threat_group"):
                    target = None  # ("Thai police presented a man they said was wanted by…": not the police)
                if target is not None and target.start == before[0].start:
                    self._add_attribution(sentence, accusers[0].party, target.party, speaker, stated_on, cue)
            return True
        by_on = BLAMED_BY_ON.search(sentence.text)
        blamers = [m.party for m in mentions if by_on and by_on.start("who") <= m.start < by_on.end("who")]
        if blamers:
            # "The breach was blamed by US officials on hackers working for the Chinese government"
            named = [m for m in mentions if m.start == by_on.end()]
            accused = named[0].party if named else self._target_after(sentence, mentions, by_on.end(), exclude=None)
            if accused is not None and _key(accused) != _key(blamers[0]):
                self._add_attribution(sentence, blamers[0], accused, speaker, stated_on, cue)
            return True
        passive = PASSIVE.search(sentence.text)
        if passive is None or passive.start() >= cue.end():
            return False  # ("attributed the attacks to MirrorFace, a group it said was linked to…": a description)
        accused = self._target_after(sentence, mentions, passive.end(), exclude=None)
        by = re.search(r"\bby\s+(?:the\s+)?", sentence.text[passive.end() :])
        agents = [m.party for m in mentions if by and m.start == passive.end() + by.end()]
        if by and not agents:
            # "…was blamed on Sandworm by the government's computer emergency response team, CERT-UA": the body named
            # in the agent's phrase
            start = passive.end() + by.end()
            agents = [
                m.party
                for m in mentions
                if start < m.start <= start + 80
                and m.party.kind in ("state", "government_body", "international_org", "company")
                and not re.search(r"[;.]", sentence.text[start : m.start])
            ][:1]
        if by and not agents:
            # "The attack was blamed on China by Prime Minister Ingrida Simonyte": a speaker the agent's phrase names
            agent_words = sentence.text[passive.end() + by.end() :][:80]
            agents = [
                known.party
                for name, known in self.speakers.items()
                if " " in name
                and known.party is not None
                and re.match(rf"(?:[\w'’.-]+\s+){{0,4}}?{re.escape(name)}\b", agent_words)
            ][:1]
        reported = REPORTED_PASSIVE.search(sentence.text[: passive.start()])
        if not agents and reported:  # "Amnesty … concluded that those infections were linked to a Moroccan client"
            agents = [m.party for m in mentions if m.end <= reported.start() and not self._governed(sentence, m.start)]
        quoted = QUOTED_OPENING.match(sentence.text)
        if (
            not agents
            and not by
            and subject is not None
            and quoted
            and quoted.end() > cue.end()
            and accused is not None
            and accused.kind in ("threat_group", "person")
            and not NEGATED_ACT.search(sentence.text[: cue.start()])
        ):
            # '"The campaigns are linked to the Russian government-backed actor APT29," Google researcher Clement
            # Lecigne wrote': the words of the one named after the quotation
            agents = [subject]
        if accused is not None and agents and _key(agents[0]) != _key(accused):
            # "the FBI, the Defense Department's center and Japan's National Police Agency said the theft was
            # carried out by TraderTraitor": each reporter joined to the first
            joined = (
                self._co_subjects(sentence, mentions, reported.start(), agents[0])
                if reported and not by
                else [agents[0]]
            )
            for agent in joined:
                if _key(agent) != _key(accused):
                    self._add_attribution(sentence, agent, accused, speaker, stated_on, cue)
        return True

    def _attribution(self, sentence, mentions, subject, speaker, stated_on, cue) -> None:
        if self._passive_attribution(sentence, mentions, speaker, stated_on, cue, subject):
            return
        if re.match(r"linked\s+to\b", sentence.text[cue.start() :], re.IGNORECASE) and any(
            re.fullmatch(r"\s+", sentence.text[m.end : cue.start()]) for m in mentions
        ):
            return  # "Israel linked to cyberattack that paralysed Iranian port": a headline's passive, no accuser
        if OBSERVERS_CLAUSE.search(sentence.text[: cue.start()]):
            return  # "…, as security researchers said the code bore the hallmarks of…": observers' words
        if UNNAMED_REPORT_CLAUSE.search(sentence.text[: cue.start()]):
            return  # "RNC says IT contractor breached as report links hack to Russia": the report's words
        if WHERE_PASSIVE.search(sentence.text[: cue.start()]):
            return  # "…extradited Nikulin to the United States, where he is charged with hacking": the measure's claim
        object_relative = re.search(
            r"\b(?:which|whom)\s+(?:they|it|he|she)\s+(?:\w+\s+)?$", sentence.text[: cue.start()]
        )
        if object_relative is None and re.match(r"\s+(?:of|for)\b", sentence.text[cue.end() :]):
            # "Dmitry Badin, a Russian military intelligence officer they accuse of hacking the Bundestag"
            object_relative = re.search(r"(?<=[a-z]\s)(?:they|he|she)\s+(?:\w+\s+)?$", sentence.text[: cue.start()])
        antecedent = [m for m in mentions if object_relative and 0 <= object_relative.start() - m.end <= 60]
        if antecedent and self._placed(sentence, mentions, antecedent[-1]):
            # "eight North Korean agents based in China, Russia and elsewhere whom it accused of…": where the accused
            # are, not who they are
            antecedent = []
        if antecedent and _key(antecedent[-1].party) != _key(subject):
            # "…the Clop ransomware gang, which they blamed for extortion attacks": the sentence's subject blames
            # the party the relative clause is about
            self._add_attribution(sentence, subject, antecedent[-1].party, speaker, stated_on, cue)
            return
        relative = bool(RELATIVE_PRONOUN.search(sentence.text[: cue.start()]))
        relative_accusers: list[PartyRef] = []
        clause = RELATIVE_SUBJECT.search(sentence.text[: cue.start()])
        sayers = [m for m in mentions if clause and clause.start("who") <= m.start < clause.end("who")]
        if self._object_relative_claim(sentence, mentions, cue, speaker, stated_on):
            return
        if re.match(r"(?:held|holds|hold|holding)\s+responsible\b", sentence.text[cue.start() :], re.IGNORECASE):
            return  # "…on three entities it held responsible for…": whom it holds responsible stands before
        if sayers and not self._governed(sentence, sayers[0].start):
            # "the 2015 hack, which German security officials have blamed on APT28": the relative clause's subject
            subject, relative = sayers[0].party, True
        elif relative:
            before = [m for m in mentions if m.end <= cue.start()]
            if not before:
                return
            backer = subject
            subject = before[-1].party  # "a report by a US firm that accused Vietnamese hackers": the firm accuses
            listed = self._with_coordinated_before(sentence, mentions, before[-1])
            backing = backer is not None and SOLIDARITY_WITH.search(sentence.text[: listed[0].start]) is not None
            if len(listed) > 1 or backing:
                # "…in solidarity with Germany and Czechia, which have blamed…": each of them, and who backs them
                relative_accusers = [m.party for m in listed] + ([backer] if backing else [])
        dated = re.match(r"[^,;.]*?\bin\s+((?:19|20)\d\d)\b", sentence.text[cue.start() :])
        if relative and dated and self.published and int(dated.group(1)) < self.published.year:
            return  # "…APT10, which US and British authorities accused in 2018 of a global campaign": told as history
        tail = SUBJECT_AT_END.search(sentence.text)
        reporter_at_end = tail is not None and tail.start() > cue.end()
        # "The attack was carried out by China, according to Mandiant": the source named after the claim
        according = ACCORDING_TO.search(sentence.text)
        reporter_at_end = reporter_at_end or (according is not None and according.start() > cue.end())
        # '"This was a deliberate attack by the Chinese state," said Australia's home affairs minister': the speaker
        # after the quotation
        reporter_at_end = (
            reporter_at_end
            or (
                QUOTE_OPENING.match(sentence.text) is not None
                # ('"…carried out by the Killnet group," Lithuania's defence ministry said')
                and re.search(
                    r"[,.!?][\"”]\s+(?:(?!(?:he|she|they|it|we)\s)[\w'’.-]+\s+){0,6}?(?:said|says|told|added)\b",
                    sentence.text[cue.end() :],
                )
                is not None
            )
        )
        if (
            not any(m.start < cue.start() for m in mentions)
            and speaker is None
            and not self.subject_named_before
            and not reporter_at_end
        ):
            return  # nobody named before the blaming words: "researchers said it was carried out by X"
        if not relative:
            subject = self._adjacent_agent(sentence, mentions, cue.start()) or subject
        if re.search(r"\bby$", cue.group()) and any(
            m.party == subject and PASSIVE_AUXILIARY.fullmatch(sentence.text, m.end, cue.start()) for m in mentions
        ):
            return  # "Poly Network was launched by a group that includes…": the subject is what was done, no accuser
        of_act = ACCUSED_OF_WHAT.match(sentence.text[cue.end() :])
        if cue.group().lower().startswith("accus") and of_act and OTHER_OFFENCES.match(of_act.group(1)):
            return  # "Russia accused the United States of kidnapping a Russian citizen": no cyber operation
        what = sentence.text[cue.end() + of_act.start(1) : cue.end() + of_act.end(1) + 80] if of_act else ""
        if cue.group().lower().startswith("accus") and of_act and not (CYBER.search(what) or CYBER_DEED.search(what)):
            return  # 'accusing US authorities of "hunting" Russian citizens': an accusation of something else
        if re.match(r"as\s+the\s+", cue.group(), re.IGNORECASE) and re.search(
            r"\b(?:disguis\w*|mask(?:ed|ing|s)?|pass\w*\s+off|made\s+to\s+look|dress\w*\s+up|fram(?:e|ed|es|ing))\b[^.;]{0,60}$",
            sentence.text[: cue.start()],
            re.IGNORECASE,
        ):
            return  # "the GRU had tried to disguise the attack as the work of North Korean hackers": a false flag
        if re.match(r"(?:indicted|charged)\b", cue.group(), re.IGNORECASE) and re.search(
            r"\b(?:is|was|were|are|been|being)\s+(?:\w+ly\s+)?$", sentence.text[: cue.start()]
        ):
            return  # "A North Korean operative has been charged with hacking…": a passive measure, read as one
        legal_verb = DATED_LEGAL_VERB.match(sentence.text, cue.start())
        if legal_verb and self._dated_before(sentence.text, legal_verb):
            return  # "Dmytro Levchenko, whom the United States indicted in 2021 on charges of…": told as history
        accused = self._accused(sentence, mentions, cue, subject)
        # (a quotation opening the sentence: not the partial quote of 'the allies "formally attribute…" to hackers')
        quote = next(
            (span for span in quoted_spans(sentence.text, False)[0] if span[0] == 0 < cue.start() < span[1]), None
        )
        if quote and not any(m.party == accused and cue.end() <= m.start < quote[1] for m in mentions):
            return  # '"…what they have always charged that the Chinese are doing," William Plummer said': the speaker
        described = DESCRIBED_PERSON.search(sentence.text[: cue.start()])
        people = [m for m in mentions if described and m.end <= described.start() and m.party.kind == "person"]
        people += [
            m
            for m in mentions
            if m.party.kind == "person" and re.fullmatch(r",\s+", sentence.text[m.end : cue.start()])
        ]
        unnamed = UNNAMED_PERSON_SUBJECT.match(sentence.text[: cue.start()])
        if (
            unnamed
            and not sentence.text[unnamed.end() : cue.start()].strip()
            and ACCUSED_OF.match(sentence.text[cue.start() :])
        ):
            return  # "A Russian man accused of developing malware … has been extradited from Georgia": someone unnamed
        if people and ACCUSED_OF.match(sentence.text[cue.start() :]):
            if not reporter_at_end:
                return  # "Greece extradited Alexander Vinnik, accused of laundering…": a description, no one's claim
            accused = people[-1].party  # "Vinnik, a Russian national accused of…, the Justice Department said"
        if accused is None or re.match(r"\s+another\b", sentence.text[cue.end() :], re.IGNORECASE):
            return  # "warned of a campaign by another Chinese group": an actor set beside the report's, another story
        if ("attribution", _key(accused), _key(subject)) in self.seen:  # the accused blaming its accuser answers
            self._reaction(sentence, subject, "counter_accusation", speaker, stated_on, cue)
            return
        accusers = relative_accusers or (
            [subject] if relative else self._co_subjects(sentence, mentions, cue.start(), subject)
        )
        if accused.kind == "threat_group" and cue.group().lower().startswith("link"):
            # "CrowdStrike links Fancy Bear, also known as APT28, to Russia's military intelligence agency": the state
            # it is linked to is the group's sponsor
            to = re.compile(r"\bto\s+(?:the\s+)?").search(sentence.text, cue.end())
            state = [m.party for m in mentions if to and m.start == to.end() and m.party.kind in STATE_KINDS]
            if state and state[0].country and _key(accused) not in self.sponsors:
                self.sponsors[_key(accused)] = state[0]
        targets = self._with_coordinated(sentence, mentions, accused, cue.start())
        at = next((m for m in mentions if m.start >= cue.end() and m.party == accused), None)
        named = GROUP_CALLED_AFTER.match(sentence.text, at.end) if at is not None and accused.kind == "state" else None
        # "…run by hackers working for Pyongyang, a group the U.S. government calls Hidden Cobra": the group named too
        targets += [m.party for m in mentions if named and m.start == named.end() and m.party.kind == "threat_group"]
        for target in targets:
            for accuser in accusers:
                if _key(accuser) != _key(target):
                    self._add_attribution(sentence, accuser, target, speaker, stated_on, cue)

    def _object_relative_claim(self, sentence, mentions, cue, speaker, stated_on) -> bool:
        """ "…support to Egregor, which French investigators hold responsible for a string of attacks", "the Lazarus
        Group, which the FBI blames for…": the relative clause's subject blames the party the clause is about."""
        clause = RELATIVE_SUBJECT.search(sentence.text, 0, cue.start())
        if clause is None or not sentence.text.startswith("which", clause.start()):
            return False
        blamed_for = re.match(r"\s+(?:responsible\s+)?(?:for|of)\b[^;]{0,160}", sentence.text[cue.end() :])
        if not blamed_for or not CYBER.search(blamed_for.group()):
            return False  # (not "Russia, which Britain holds responsible for the war in Ukraine": no cyber deed)
        sayers = [m for m in mentions if clause.start("who") <= m.start < clause.end("who")]
        which = [m for m in mentions if re.fullmatch(r",\s*", sentence.text[m.end : clause.start()])]
        if not sayers or not which or self._governed(sentence, sayers[0].start):
            return False
        for sayer in self._with_coordinated(sentence, mentions, sayers[0].party, sayers[0].start):
            if _key(sayer) != _key(which[-1].party):
                self._add_attribution(sentence, sayer, which[-1].party, speaker, stated_on, cue)
        return True

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
            gap = sentence.text[previous.end : mention.start]
            if mention.party.kind == "threat_group" and previous.party.kind in STATE_KINDS and ALIAS_GAP.fullmatch(gap):
                # "the GRU's Main Centre for Special Technologies, also known as Unit 74455 or Sandworm": the unit's
                # name as a group
                if all(_key(mention.party) != _key(p) for p in found):
                    found.append(mention.party)
                previous = mention
                continue
            described = RELATIVE_IN_LIST.match(sentence.text, previous.end) if previous.party.kind == "person" else None
            if described and mention.start < described.end():
                continue  # "Ruslan Peretyatko, whom it described as an FSB intelligence officer, and Andrey Korinets"
            listed_next = described and mention.start == described.end() and mention.party.kind == "person"
            if not listed_next and not COORDINATION.fullmatch(gap):
                if _key(mention.party) == _key(previous.party) and POSSESSIVE_GAP.fullmatch(gap):
                    previous = mention  # "Britain's National Cyber Security Centre and South Korea's…": one party
                    continue
                if previous.party is not party and POSSESSIVE_GAP.fullmatch(
                    sentence.text[previous.end : mention.start]
                ):
                    # "Iran and Lebanon's Hezbollah": the party possessed, not its possessor
                    found = [p for p in found if p is not previous.party]
                    if all(_key(mention.party) != _key(p) for p in found):
                        found.append(mention.party)
                    previous = mention
                    continue
                break
            if all(_key(mention.party) != _key(p) for p in found):
                found.append(mention.party)
            previous = mention
        return found

    def _lede_attribution(self, sentence, mentions, speaker, stated_on) -> bool:
        """A sentence that names the attacker first and the party saying so last."""
        actor, tail = LEDE_ACTOR.match(sentence.text), REPORTING_TAIL.search(sentence.text)
        if actor is None or tail is None or NEGATED_ACT.search(actor.group()):
            return False
        # "A hacking group tied to Lebanon's Hezbollah": the party possessed, not its possessor
        starts = {m.start for m in mentions}
        gaps = [POSSESSIVE_GAP.match(sentence.text, m.end) for m in mentions]
        possessors = {m.end for m, gap in zip(mentions, gaps, strict=True) if gap and gap.end() in starts}
        # ("Israel's police used the NSO Group's Pegasus spyware to hack…": the user, not the tool's maker)
        tool = USED_TOOL.search(actor.group())
        limit = actor.start() + tool.start() if tool else actor.end()
        accused = sorted(
            (m for m in mentions if m.start < limit and m.end not in possessors),
            # ('"From his perch in Russia, Matveev allegedly targeted…"': the person, not where he is)
            key=lambda m: (m.party.kind != "threat_group", m.party.kind != "person"),
        )
        who = "who" if tail.group("who") else "source"
        if RESEARCHERS_IN_PLACE.match(tail.group(who)):
            return False  # ("…, researchers in Canada and the United States said": where they work, no state's claim)
        reporters = [
            m
            for m in mentions
            if tail.start(who) <= m.start < tail.end(who) and not self._modifies_named_org(sentence, m, mentions)
        ]
        reporter = self._reporting_party(sentence, mentions, reporters[0]) if reporters else None
        anaphor = TAIL_ANAPHOR.fullmatch(tail.group(who)) if not reporters else None
        if anaphor:
            # "A Russian state-sponsored group gained access to the email of some of Microsoft's executives, the
            # company said": the company the sentence names
            reporter = self._tail_antecedent(sentence, mentions, tail.start(), anaphor.group("noun"))
        if (
            reporter is None
            and speaker is not None
            and re.search(rf"\b{re.escape(speaker.name.split()[-1])}\b", tail.group(who))
        ):
            # "Russia carried out the attack, Defence Minister Arvydas Anusauskas said": the speaker's state
            reporter = speaker.party
        if HOME_VOICE.fullmatch(tail.group(who).strip()):
            # "Hackers based in Iran were behind the attack, a government spokesman said" in a report from Vilnius: the
            # government that last acted or blamed ("Albania cut ties with Iran…"), else the dateline's, never the
            # state named last
            acted = (
                self.last_subject is not None
                and self.last_subject.kind == "state"
                and self.has_acted(self.last_subject)
            )
            reporter = self.last_subject if acted else (self.dateline_state or reporter)
        if not accused or reporter is None or _key(accused[0].party) == _key(reporter):
            return False
        together = [reporter]
        if self.group_subject and any(_key(p) == _key(reporter) for p in self.group_subject):
            together = list(self.group_subject)  # "…, Britain, the European Union and the United States said"
        # "Government-backed hacking groups from China, Iran, North Korea and Turkey are exploiting…": each of them
        accused_parties = self._with_coordinated(sentence, mentions, accused[0].party, accused[0].start)
        if accused[0].party.kind == "threat_group":
            # "Hackers working on behalf of the Vietnamese government, a group that FireEye calls APT32, tried…": the
            # state the subject says they work for, too
            accused_parties += self._sponsor_state(sentence, accused)
        naming = NAMING_CULPRITS.search(sentence.text, tail.end(who))
        named = [m for m in mentions if naming and m.start == naming.end() and m.party.kind == "threat_group"][:1]
        for party in accused_parties + [m.party for m in named]:  # "…, naming the culprits as the TraderTraitor group"
            for one in together:
                if _key(one) != _key(party):
                    self._add_attribution(sentence, one, party, speaker, stated_on, actor)
        return True

    @staticmethod
    def _sponsor_state(sentence, mentions) -> list[PartyRef]:
        """The first state of `mentions` the attackers are said to work for ("hackers working on behalf of the
        Vietnamese government", "groups tied to Russian intelligence"), as a list of at most one."""
        return [
            m.party
            for m in mentions
            if m.party.kind in STATE_KINDS
            and SPONSOR_BEFORE_STATE.search(sentence.text[max(0, m.start - 30) : m.start])
        ][:1]

    def _reported_attacker(self, sentence, mentions, subject, speaker, stated_on) -> bool:
        """ "Germany concluded that Russian hackers had broken in": the subject accuses the named attacker; "…, and
        that APT31 had carried out reconnaissance…": and each attacker of a further reported clause of theirs."""
        found, accusers, blamed = REPORTED_ATTACKER.search(sentence.text), None, False
        while found is not None:
            accusers = self._reported_actors(sentence, mentions, subject, speaker, stated_on, found, accusers)
            later = (
                CLAUSE_AFTER_PARTICIPLE.match(sentence.text, found.end())
                if accusers is None and subject is not None and subject.kind == "media"
                else None
            )
            if later is not None:
                # ("…, citing documents leaked by Edward Snowden, that the agency had monitored…": the clause after)
                accusers = self._reported_actors(sentence, mentions, subject, speaker, stated_on, later, None)
            if accusers is None:
                return blamed
            blamed = True
            further = FURTHER_REPORTED_ATTACKER.search(sentence.text, found.end())
            if further and re.search(
                r"\b(?:said|says|say|told|added|stated)\b", sentence.text[found.end() : further.start()]
            ):
                further = None  # "…, but the commission's chief executive said that…, and that…": another speaker's
            found = further
        return blamed

    def _reported_actors(self, sentence, mentions, subject, speaker, stated_on, found, accusers) -> list | None:
        """The accusers of `found` (given when it is a further clause of theirs), or None when it names no
        attacker."""
        if re.search(r"\b(?:was|were|been|being|is|are)\s+$", found.group("actor"), re.IGNORECASE):
            return None  # "said the attack was carried out by X": passive, the actor follows "by"
        if NEGATED_ACT.search(found.group("actor")):
            return None  # "said Russian hackers had not breached the network": a negated act blames no one
        if re.match(r"\s+by\b", sentence.text[found.end() :]):
            return None  # "the campaign against Czechia, conducted by APT31": a participle, its actor follows "by"
        named = [m for m in mentions if found.start("actor") <= m.start < found.end("actor")]
        told = re.search(
            r"^.*\b(?:told|informed|warned|assured)\s+(?:it|them|him|her|us|the\s+\w+)\s+that\s+", found.group("actor")
        )
        if told:
            # "Citrix said the FBI had told it that international cyber criminals had gained access": the FBI tells,
            # the actor is in what it told
            named = [m for m in named if m.start >= found.start("actor") + told.end()]
        # ("the Trickbot Group operated out of Russia, Belarus, Ukraine and Suriname and used the malware to steal…":
        # where the actor works from, not the actor)
        # ("Microsoft says SolarWinds hackers hijacked USAID email account": a victim naming the incident's hackers)
        named = [
            m
            for m in named
            if not (
                m.party.kind == "company" and re.match(r"\s+(?:hackers|attackers|intruders)\b", sentence.text[m.end :])
            )
        ]
        heads = {id(m): self._with_coordinated_before(sentence, mentions, m)[0].start for m in named}
        named = [
            m
            for m in named
            if not (
                WORKS_FROM_BEFORE.search(sentence.text, 0, heads[id(m)])
                # (a name before it is the actor: not "a group operating out of Russia hacked the company")
                and re.search(r"\b(?-i:[A-Z])\w+", sentence.text[found.start("actor") : heads[id(m)]])
            )
        ]
        served: list[PartyRef] = []
        if not named and GROUP_ANAPHOR_ACTOR.fullmatch(found.group("actor")):
            # "The NCA named Evil Corp…. Britain said the group had carried out attacks": the group last named
            last = self._last_group_named(sentence, mentions, found.start())
            named = [Mention(found.start("actor"), found.end("actor"), last, "group")] if last else []
            # ("…had carried out attacks on the orders of Russia's intelligence services": and the state it served)
            clause_end = CLAUSE_END.search(sentence.text, found.end())
            further = re.compile(r"\band\s+that\b|,\s+and\b").search(sentence.text, found.end())
            end = min([e.start() for e in (clause_end, further) if e is not None], default=len(sentence.text))
            served = self._sponsor_state(sentence, [m for m in mentions if found.end() <= m.start < end])
        if not named and AGENCY_ANAPHOR_ACTOR.fullmatch(found.group("actor")):
            # "…, citing documents leaked by former NSA contractor Edward Snowden, that the agency had monitored…": the
            # agency the sentence named before, by its name
            bodies = [m for m in mentions if m.end <= found.start("actor") and m.role == "named_body"]
            named = (
                [Mention(found.start("actor"), found.end("actor"), bodies[-1].party, "named_body")] if bodies else []
            )
        # "a Chinese group it calls RedEcho": the group; else the actor nearest the act ("said Washington had
        # concluded that Iran conducted the attack": Iran)
        # a group is named first and its aliases after it ("APT29, also called Cozy Bear")
        named.sort(
            key=lambda m: (m.party.kind != "threat_group", m.start if m.party.kind == "threat_group" else -m.start)
        )
        someone_before = speaker is not None or any(m.start < found.start() for m in mentions)
        someone_before = someone_before or bool(self.group_subject) or self.subject_named_before
        someone_before = someone_before or found.group().lower().startswith("according to")
        if not named or _key(named[0].party) == _key(subject) or not someone_before:
            return None
        if re.search(r"\banother\b", sentence.text[found.start("actor") : named[0].start], re.IGNORECASE):
            return []  # "warned of a campaign by another Chinese group, dubbed Salt Typhoon": another story
        further = accusers is not None  # (a further clause of the same accusers)
        if not further:
            accusers = self._co_subjects(sentence, mentions, found.start(), subject)
            accusers += [p for p in self._joint_partners(sentence, mentions) if p not in accusers]
            own = [
                m
                for m in mentions
                if m.end <= found.start()
                and re.fullmatch(r"\s*(?:(?:has|had|have|also|later|first)\s+)*", sentence.text[m.end : found.start()])
                and m.role not in ("demonym", "person")
                and not self._governed(sentence, m.start)
            ]
            before = sentence.text[: own[0].start] if own else ""
            if own and re.search(r"\b(?:after|when|as|because|since|before)\s+(?:the\s+)?$", before):
                # "France called in the U.S. ambassador after Le Monde reported that the NSA had recorded…": the
                # reporting verb's own subject
                accusers = [own[0].party]
        # "said the groups, DragonForce Malaysia and Hacktivist Indonesia, had targeted…": each group joined to it
        actors = [named[0].party]
        current = named[0]
        # (a group's joined names are read by _with_coordinated below)
        earlier_named = [m for m in named if m.start < named[0].start] if named[0].party.kind != "threat_group" else []
        for earlier in sorted(earlier_named, key=lambda m: -m.start):
            gap = sentence.text[earlier.end : current.start]
            if earlier.role == "demonym" and SPONSOR_BEFORE_GROUP.fullmatch(gap):
                current = earlier  # ("Iran and the Lebanese group Hezbollah were behind…": a demonym describing it)
            elif COORDINATION.fullmatch(gap):
                actors.insert(0, earlier.party)  # "…said Iran and the Lebanese group Hezbollah were behind…"
                current = earlier
            else:
                break
        if named[0].party.kind == "threat_group":
            actors = self._with_coordinated(sentence, mentions, named[0].party, named[0].start)
            # "said two groups tied to Russian intelligence, which it calls Cozy Bear and Fancy Bear, had been
            # inside": the state the attackers are said to work for, too
            actors += self._sponsor_state(
                sentence, [m for m in mentions if found.start("actor") <= m.start < named[0].start]
            )
        opening = [m for m in named if m.start == found.start("actor") and m.party.kind == "person"]
        if opening and named[0].party.kind != "threat_group":
            # "…we can say that A, B and C, officers of the GRU, were behind these attacks": the people listed (and
            # those they are said to serve, through learn_affiliations), not the body that describes them
            actors = self._with_coordinated(sentence, mentions, opening[0].party, opening[0].start)
        actors += [p for p in served if all(_key(p) != _key(a) for a in actors)]
        directed = self._groups_behind(sentence, mentions, found)
        # ("…said that Centre 18, a unit of the FSB, was behind a hacking group known as Star Blizzard": the group too)
        actors += [p for p in directed[:1] if all(_key(p) != _key(a) for a in actors)]
        apposed = DESCRIBED_GROUP.search(sentence.text[: found.start()]) if not further else None
        described = [m for m in mentions if apposed and m.end == apposed.start() and m.party.kind == "threat_group"]
        if described and _key(described[0].party) not in {_key(a) for a in accusers}:
            # "named Winnti Umbrella, a hacking group it said has links to China, as responsible": the group too
            actors = [described[0].party, *actors]
        for accuser in accusers:
            for actor in actors:
                if _key(accuser) != _key(actor):
                    self._add_attribution(sentence, accuser, actor, speaker, stated_on, found)
        return accusers

    def _state_of_group_described(self, sentence) -> PartyRef | None:
        """The state of the last unnamed group the report described before `sentence` by it ("a previously unknown
        Russian hacker group"), if that state is the one it blamed last."""
        lower = self.text.lower()
        for start, words, party in reversed(self.named_words):
            if start >= sentence.start or party.kind != "state":
                continue
            at = lower.find(words, start)
            if at >= 0 and GROUP_AFTER_STATE.match(self.text, at + len(words)):
                last = self.last_accused_state
                return party if last is not None and _key(last) == _key(party) else None
        return None

    def _last_group_named(self, sentence, mentions, before: int) -> PartyRef | None:
        """The threat group named last before `before` in this sentence or the one before it, else the last named
        that the report has blamed ("…members of the Trickbot group… spreading ransomware including Conti. … said
        the group": Trickbot), else the last named."""
        here = [m.party for m in mentions if m.end <= before and m.party.kind == "threat_group"]
        named = [p for start, _, p in self.named_words if start < sentence.start and p.kind == "threat_group"] + here
        just_named = [
            p for start, _, p in self.named_words if start == self.previous_start and p.kind == "threat_group"
        ]
        if just_named or here:
            return (just_named + here)[-1]
        blamed = {_key(p) for p in self.groups_blamed()}
        return next((p for p in reversed(named) if _key(p) in blamed), named[-1] if named else None)

    def _relative_linked(self, sentence, mentions, speaker, stated_on) -> bool:
        """ "…claimed by a group calling itself Predatory Sparrow, which Iranian officials have linked to Israel": the
        relative clause's subject blames the party after "to" (and the group it describes)."""
        found = RELATIVE_LINKED.search(sentence.text)
        if found is None:
            return False
        accusers = [m.party for m in mentions if found.start("who") <= m.start < found.end("who")]
        accused = [m.party for m in mentions if m.start == found.end()]
        described = [m for m in mentions if m.end <= found.start() and found.start() - m.end <= 30]
        if not accusers or not accused:
            return False
        targets = accused + [m.party for m in described[-1:] if m.party.kind == "threat_group"]
        for target in targets:
            if _key(target) != _key(accusers[0]):
                self._add_attribution(sentence, accusers[0], target, speaker, stated_on, found)
        return True

    def _apposed_culprit(self, sentence, mentions, subject, speaker, stated_on) -> bool:
        """ "BSSN said it had received the key from Brain Cipher, the group it has identified as responsible for the
        attack": the speaker blames the group the apposition describes as the culprit."""
        found = APPOSED_CULPRIT.search(sentence.text)
        if found is None or subject is None or subject.kind not in (*STATE_KINDS, "company"):
            return False
        if not REPORTING_VERB.search(sentence.text):
            return False
        groups = [m.party for m in mentions if m.end == found.start() and m.party.kind == "threat_group"]
        for group in groups:
            self._add_attribution(sentence, subject, group, speaker, stated_on, found)
        return bool(groups)

    def _relative_described(self, sentence, mentions, subject, speaker, stated_on) -> bool:
        """ "The SBU has identified the members of the hacker group Armageddon, which it describes as a special project
        of the Russian FSB": the subject blames the group and the state it describes it as serving."""
        found = RELATIVE_DESCRIBED.search(sentence.text)
        if found is None or subject is None or subject.kind not in (*STATE_KINDS, "company"):
            return False
        states = [m.party for m in mentions if m.start == found.end() and m.party.kind in STATE_KINDS]
        groups = [m.party for m in mentions if m.end <= found.start() and m.party.kind == "threat_group"][-1:]
        for accused in groups + states:
            if _key(accused) != _key(subject):
                self._add_attribution(sentence, subject, accused, speaker, stated_on, found)
        return bool(states)

    def _sponsored_description(self, sentence, mentions, subject, speaker, stated_on) -> bool:
        """ "…said Andariel is a North Korean state-sponsored group": the subject blames the group and its state."""
        found = SPONSORED_DESCRIPTION.search(sentence.text)
        if found is None or subject is None:
            return False
        groups = [m.party for m in mentions if found.start("group") <= m.start < found.end("group")]
        states = [
            m.party
            for m in mentions
            if found.start("who") <= m.start < found.end("who") and m.party.kind in ("state", "government_body")
        ]
        if not states:
            return False
        accusers = self._co_subjects(sentence, mentions, found.start(), subject)
        accusers += [p for p in self._joint_partners(sentence, mentions) if p not in accusers]
        for accuser in accusers:
            for accused in [g for g in groups[:1] if g.kind == "threat_group"] + states[:1]:
                if _key(accuser) != _key(accused):
                    self._add_attribution(sentence, accuser, accused, speaker, stated_on, found)
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
        qualified = [
            m for m in mentions if m.role == "demonym" and re.fullmatch(r"\s+", sentence.text[m.end : cue.start()])
        ]
        if word.startswith("link") and qualified and _key(qualified[-1].party) != _key(subject):
            return qualified[-1].party  # "spyware with Chinese links": the state the links lead to
        second = SECOND_THAT_CLAUSE.search(sentence.text, at)
        if second is not None:  # "…servers linked to the group and that authorities had alerted…": another clause
            mentions = [m for m in mentions if m.start < second.start()]
        pronoun = re.match(r"\s+(him|her|them)\b", sentence.text[at:], re.IGNORECASE)
        if pronoun and pronoun.group(1).lower() == "them":
            if not word.startswith("hold"):
                return None  # "accused them of…": whoever they are, the clause names no one after it
            return self._target_after(sentence, mentions, at, exclude=subject)  # "holding them responsible"
        if pronoun:
            # "The indictment accuses him of…": the person last named, never a party named later in the clause
            if re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+", sentence.text[1:at]):
                return None  # "Critics of President Donald Trump accused him": someone of this sentence
            return self._last_person(sentence.start, pronoun.group(1))
        closing = BRACKETING.get(word)
        if closing:
            end = re.search(closing, sentence.text[at : at + 120], re.IGNORECASE)
            if end is None and word.startswith("hold"):
                return None  # "held talks", "hold a meeting"
            if end is not None:
                between = self._target_after(
                    sentence, [m for m in mentions if m.start < at + end.start()], at, exclude=subject
                )
                anaphor = between is None and GROUP_ANAPHOR_ACTOR.fullmatch(
                    sentence.text[at : at + end.start()].strip() + " "
                )
                after_to = self._target_after(sentence, mentions, at + end.end(), exclude=subject) if anaphor else None
                if (
                    anaphor
                    # (not "reports linking the group to China": the state it is tied to)
                    and (after_to is None or after_to.kind not in STATE_KINDS)
                    # (nor "British media have linked the group to…": no one's own claim)
                    and not any(m.role == "demonym" and m.end <= cue.start() and m.party == subject for m in mentions)
                ):
                    # "The agency also linked the group to the 2015 sabotage of broadcaster TV5Monde": the group named
                    # before, not the victim after "to"
                    return self._last_group_named(sentence, mentions, cue.start())
                if between is not None and (not word.startswith("link") or between.kind not in ("company", "media")):
                    return between  # ("linked a Google Chrome zero-day to Lazarus": not the product's maker)
                at += end.end()
        elif word.startswith("attribut"):
            # ("attribute the campaign, which exploited a flaw in Outlook to access SPD accounts, to APT28": the "to" of
            # a party, not of a verb)
            to = re.search(r"\bto\s+(?=(?:the\s+)?[A-Z])", sentence.text[at:]) or re.search(
                r"\bto\b", sentence.text[at:]
            )
            at = at + to.end() if to else at
        return self._target_after(sentence, mentions, at, exclude=subject)

    def _placed(self, sentence, mentions, mention) -> bool:
        """Whether the list `mention` ends tells where people are ("agents based in China, Russia and elsewhere"),
        not who they are."""
        head = self._with_coordinated_before(sentence, mentions, mention)[0]
        return PLACE_OF_PEOPLE_BEFORE.search(sentence.text, max(0, head.start - 30), head.start) is not None

    @staticmethod
    def _with_coordinated_before(sentence, mentions, last) -> list:
        """The mentions coordinated with `last` before it ("Germany and Czechia"), in order, ending with it."""
        listed = [last]
        earlier = [m for m in mentions if m.end <= last.start]
        for mention in reversed(earlier):
            if not COORDINATION.fullmatch(sentence.text[mention.end : listed[0].start]):
                break
            listed.insert(0, mention)
        return listed

    def _last_person(self, before: int, pronoun: str = "") -> PartyRef | None:
        """The person the report named last before offset `before` (the antecedent of "him" or "her"): "any charges
        against her" is not about "Alexandre de Moraes" named last, but about the woman before him."""
        other = {"her": "male", "him": "female"}.get(pronoun.lower())
        for person in self._last_persons(before, 3):
            if other is None or given_name_gender(person.name) != other:
                return person
        return None

    def _last_persons(self, before: int, count: int, window: int = 400) -> list[PartyRef]:
        """The last `count` different people the report named in the `window` characters before offset `before`."""
        named = []
        for surname, person in self.persons.items():
            for match in re.finditer(rf"\b{re.escape(surname)}\b", self.text[max(0, before - window) : before]):
                named.append((match.start(), person))
        found: list[PartyRef] = []
        for _, person in sorted(named, key=lambda item: -item[0]):
            if person not in found:
                found.append(person)
        return found[:count]

    def _co_subjects(self, sentence: Sentence, mentions: list[Mention], at: int, subject: PartyRef) -> list[PartyRef]:
        """The subject and the actors coordinated with it at the head of the clause: "London and
        Washington blamed Russia" has two accusers; "expelled Russian diplomats" adds none."""
        if self.group_subject and _key(self.group_subject[0]) == _key(subject):
            return list(self.group_subject)  # "The two countries issued a technical alert": each of them
        clause_start = max((m.end() for m in re.finditer(r";|\bwhile\b|\bbut\b", sentence.text[:at])), default=0)
        heads = [
            m
            for m in mentions
            if clause_start <= m.start < at
            and not self._governed(sentence, m.start)
            and not self._modifies_named_org(sentence, m, mentions)
        ]
        if heads and clause_start > 0:
            subject = heads[0].party  # "…, while Japan said…": the clause has its own subject
        found = {_key(subject): subject}
        if not heads or _key(heads[0].party) != _key(subject):
            return [subject]  # "the firm, run by a former South Korean researcher, said": no one joins the subject
        span_end = heads[0].start
        for mention in heads:
            gap = sentence.text[span_end : mention.start]
            if mention is not heads[0] and not SUBJECT_LINK.fullmatch(gap):
                break
            if (
                mention is not heads[0]
                and gap.strip() == ","
                and mention.party.kind == "company"
                and heads[0].party.kind == "company"
                and re.match(r"['’]s\s", sentence.text[mention.end :])
            ):
                break  # "Mandiant, Google's cyber-security unit, published…": what the subject is, not another one
            span_end = mention.end
            owned = next((m for m in heads if m.start >= mention.end), None)
            if (
                owned is not None
                and mention.party.kind == "state"
                and owned.party.kind in ("media", "company", "ngo")
                and POSSESSIVE_GAP.fullmatch(sentence.text[mention.end : owned.start])
            ):
                continue  # "The New York Times and Germany's Der Spiegel reported…": the outlet, not its country
            found.setdefault(_key(mention.party), mention.party)
        companions = JOINED_BY.match(sentence.text, span_end)
        later = JOINED_BY.search(sentence.text, span_end, at) if companions is None else None
        if later and UNRECOGNISED_NAMES.fullmatch(sentence.text[span_end : later.start()]):
            # "the FBI and the Cybersecurity and Infrastructure Security Agency, together with the Australian Signals
            # Directorate, …": past a name the gazetteer does not know
            companions = later
        listed = [m for m in mentions if companions and m.start == companions.end() and m.end < at]
        # "The FBI and cybersecurity agencies of Britain, Canada and Australia warned…": states, joining a state's body
        # (not "Microsoft and its counterparts in China")
        bodies = BODIES_OF_STATES.match(sentence.text, span_end) if heads[0].party.kind in STATE_KINDS else None
        listed += [m for m in mentions if bodies and m.start == bodies.end() and m.end < at and m.party.kind == "state"]
        if listed:
            # "The United States, joined by the European Union, Britain and NATO, on Monday formally accused…",
            # "The United States and its allies, including NATO, the European Union and Britain, blamed China"
            for party in self._with_coordinated(sentence, mentions, listed[0].party, listed[0].start):
                found.setdefault(_key(party), party)
        joined = JOINED_IN.match(sentence.text, span_end)
        first = [m for m in mentions if joined and m.start == joined.start("who") and joined.end() >= at]
        if first:
            # "Britain joined the United States, the European Union and NATO in blaming Beijing": each of them
            for party in self._with_coordinated(sentence, mentions, first[0].party, first[0].start):
                found.setdefault(_key(party), party)
        return list(found.values())

    def _relative_sayer(self, sentence, mentions, speaker, stated_on) -> bool:
        """ "…the Armageddon hacking group, which the Council said was supported by the FSB": the speaker of the
        relative clause ("the Council", resolved like any anaphor) accuses the group it describes, and the
        sponsor it names."""
        found = RELATIVE_SAYER.search(sentence.text)
        if found is None:
            return False
        described = [m for m in mentions if m.end <= found.start() and found.start() - m.end <= 30]
        if not described or described[-1].party.kind not in ("threat_group", "person", "company"):
            return False
        sayer = [m.party for m in mentions if found.start("sayer") <= m.start < found.end("sayer")]
        noun = re.match(r"(?:the\s+)?(\w+)$", found.group("sayer"), re.IGNORECASE)
        if not sayer and noun and found.group("sayer").lower().startswith("the "):
            sayer = [self._antecedent(noun.group(1))] if self._antecedent(noun.group(1)) else []
        if not sayer or sayer[0] is None:
            return False
        group = described[-1].party
        if _key(group) != _key(sayer[0]) and re.search(CYBER.pattern + r"|\bby\b", sentence.text[found.end() :]):
            self._add_attribution(sentence, sayer[0], group, speaker, stated_on, found)
        after = [m for m in mentions if m.start >= found.end() and m.party.kind in ("state", "government_body")]
        gap = " " + sentence.text[found.end() : after[0].start] if after else ""
        tie = sponsor_tie(gap, sentence.text[after[0].end :], whole=False) if after else None
        if after and tie and _key(after[0].party) != _key(sayer[0]):
            self._add_attribution(sentence, sayer[0], after[0].party, speaker, stated_on, found)
        return True

    def _endorsement(self, sentence, mentions, subject, speaker, stated_on) -> None:
        """ "Canada and Australia issued similar statements": the subject and those joined to it repeat the claim
        against the party last blamed."""
        found = ENDORSEMENT.search(sentence.text)
        accused = self.last_accused_state or self.last_accused
        if found is None or accused is None or subject is None:
            return
        for accuser in self._co_subjects(sentence, mentions, found.start(), subject):
            if _key(accuser) != _key(accused):
                self._add_attribution(sentence, accuser, accused, speaker, stated_on, found)

    def groups_blamed(self, by: list[PartyRef] = ()) -> list[PartyRef]:
        """The threat groups the report has blamed so far (by one of `by`, if given), in the order it blamed them."""
        accusers = {_key(p) for p in by}
        return [
            PartyRef(**a["attributed_to"])
            for a in self.result.attributions
            if a["attributed_to"]["kind"] == "threat_group"
            and (not accusers or _key(PartyRef(**a["made_by"])) in accusers)
        ]

    def _co_signers(self, sentence, mentions, speaker, stated_on) -> None:
        """ "It was co-sealed by agencies from the United States, Britain, …": each party that signs or publishes
        the document the report is about makes the claim the document makes, against the party it blames."""
        signed = CO_SIGNED.search(sentence.text)
        opening = DOCUMENT_OPENING.match(sentence.text)
        accused = self.last_accused_state or self.last_accused
        gap = sentence.text[opening.end() : signed.start()] if signed and opening else ""
        # ("The advisory, which didn't use Microsoft's name for the group, was co-signed by…": past a relative clause)
        described = re.fullmatch(r"\s*,\s+(?:which|that)\b[^,;]{0,100},\s+(?:was|were|has\s+been|had\s+been)\s+", gap)
        if accused is None:
            return
        start = signed.end() if signed else 0  # where the list of signers begins
        if signed is None or opening is None or (len(gap) > 40 and not described):
            # "Their counterparts in Australia, Canada, … signed on to it too", "a joint advisory with counterparts from
            # the UK, Canada, …": other forms of the same list
            listed = COUNTERPARTS_SIGNED.match(sentence.text)
            joint = WITH_COUNTERPARTS.search(sentence.text) if listed is None else None
            if listed is None and joint is None:
                return  # the signing verb must belong to the document: "It was co-sealed by", "reports published by"
            signed = listed or joint
            start = listed.start("list") if listed else joint.end()
            opening = DOCUMENT_WORD.search(sentence.text) or DOCUMENT_WORD.search(self.previous_text)
        end = LIST_END.search(sentence.text, start)
        listed = [m for m in mentions if start <= m.start and (end is None or m.start < end.start())]
        for index, mention in enumerate(listed):
            following = listed[index + 1] if index + 1 < len(listed) else None
            if (
                mention.role == "demonym"
                and following
                and following.party.kind != "state"
                and following.start - mention.end < 45
            ):
                continue  # "the Chinese internet security company Qihoo 360": the company signs
            # (and the group the document blamed with its state: "…said the group, known as APT40, conducts
            # operations for China's Ministry of State Security. The advisory was co-signed by…")
            if _key(mention.party) == _key(accused):
                continue  # ("…each of which endorsed the assessment that Beijing is behind Volt Typhoon")
            sponsored = [g for g in self.groups_blamed() if _key(self.sponsors.get(_key(g)) or g) == _key(accused)]
            groups = sponsored[-1:]
            for party in [accused, *groups]:
                if _key(mention.party) != _key(party):
                    self._add_attribution(sentence, mention.party, party, speaker, stated_on, signed)
            advisory = opening is not None and re.search(r"advisor|alert|warning", opening.group(), re.IGNORECASE)
            if advisory and mention.party.kind in STATE_KINDS and (groups or accused.kind in STATE_KINDS):
                target = (groups or [accused])[0]
                if _key(mention.party) != _key(target):
                    self._add_consequence(sentence, mention.party, target, "awareness_raising", stated_on, signed)

    def _add_attribution(self, sentence, subject, accused, speaker, stated_on, cue, *, legal=False) -> None:
        """`legal`: the claim a legal or economic act states (a charge is never an answer to the charged)."""
        behind = self.behind(accused)
        if behind is not accused:
            # "charges against three Iranian men, A, B and C": the people named are accused, and the state or group
            # the report ties them to
            self._add_attribution(sentence, subject, behind, speaker, stated_on, cue, legal=legal)
        cited = CITED_STUDY.search(sentence.text) if subject.kind == "media" else None
        named = self.matcher.match(sentence.text, cited.end()) if cited else None
        if named and (entry := self.entries.get(named.group())) and entry.party.kind in ("company", "ngo", "other"):
            subject = entry.party  # "…, The New York Times reported, citing a study by Recorded Future": the firm's
        if subject.kind == "media" and self._media_finding(sentence, subject, self._written_names(sentence, subject)):
            pass  # "Le Monde reported that the NSA had recorded data on 70 million calls": its own investigation
        elif _key(accused) == _key(subject) or subject.kind in ("media", "threat_group", "person"):
            return  # a news organisation reports claims ("WASHINGTON (Reuters) -"); a group is accused, never accuses
        if ("attribution", _key(accused), _key(subject)) in self.seen and not legal:
            self._reaction(sentence, subject, "counter_accusation", speaker, stated_on, cue)
            return  # "Geng said the United States had itself carried out intrusions": an answer, not a claim
        self.accusers_by_sentence.setdefault(sentence.start, [])
        if all(_key(p) != _key(subject) for p in self.accusers_by_sentence[sentence.start]):
            self.accusers_by_sentence[sentence.start].append(subject)
        key = ("attribution", _key(subject), _key(accused))
        self.claim_sentences.setdefault(key, []).append(sentence)
        if key in self.seen:
            self._complete(key, speaker, sentence)
            sponsor = self.sponsors.get(_key(accused))
            if sponsor is not None and ("attribution", _key(subject), _key(sponsor)) not in self.seen:
                self._add_attribution(sentence, subject, sponsor, speaker, stated_on, cue)  # a sponsor named later
            return
        self.seen.add(key)
        self.accused.add(_key(accused))
        self.accusers.add(_key(subject))
        self.last_accused = accused
        sponsor = self.sponsors.get(_key(accused))
        if accused.kind in ("state", "government_body") and accused.country:
            self.last_accused_state = accused
        elif sponsor is not None:
            self.last_accused_state = sponsor
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
        if sponsor is not None and _key(sponsor) != _key(subject):
            self._add_attribution(sentence, subject, sponsor, speaker, stated_on, cue)  # the group's state too

    def _written_names(self, sentence: Sentence, party: PartyRef) -> list[str]:
        """The names the sentence gives a party the gazetteer knows ("RFE/RL" for Radio Free Europe/Radio Liberty)."""
        return [
            found.group()
            for found in self.matcher.finditer(sentence.text)
            if (entry := self.entries.get(found.group())) is not None and entry.party == party
        ]

    @staticmethod
    def _media_finding(sentence: Sentence, outlet: PartyRef, written: list[str] = ()) -> bool:
        """A news organisation accuses when it reports what its reporting found ("Le Monde reported that…", "Der
        Spiegel, citing documents from Edward Snowden, reported…"), also from unnamed sources ("The New York Times
        reported…, citing two people briefed on the investigation": the claim is the paper's, its sources unnamed),
        or as its source ("According to The Washington Post, …"), not when it only files the story ("WASHINGTON
        (Reuters) -")."""
        text = sentence.text
        bare = re.sub(r"^The\s+", "", outlet.name)  # "The New York Times", written "the New York Times" or without
        names = "|".join(re.escape(name) for name in sorted({bare, *written}, key=len, reverse=True))
        found = list(re.finditer(rf"(?:\b[Tt]he\s+)?(?:{names})", text))
        # ("The paper also reported that…": the newspaper named before)
        # (not "The paper, written by researchers at Oxford, found…": a study)
        found = found or list(
            re.finditer(r"^\W*[Tt]he\s+(?:news)?paper\b(?!,?\s+(?:written|published|authored|co-authored|by)\b)", text)
        )
        at = found[-1].start() if found else -1
        if at < 0 or text[max(0, at - 1) : at] == "(":
            return False  # "WASHINGTON, Oct 23 (Reuters) -": the agency that filed the story
        if re.search(r"\b[Aa]ccording to\s+(?:(?!(?:by|and|of)\b)[\w'’-]+\s+){0,5}$", text[:at]):
            # "According to the specialised technology site BleepingComputer, the attack was…" (not "According to
            # Handelsblatt, the BSI said…", "…was blamed by U.S. officials": the words of someone the outlet cites)
            return CITED_SPEAKER.search(text, at) is None
        tail = text[at : at + 160]
        # ("…website Mamfakinch accused the authorities of trying to spy on its contributors": its own accusation)
        verbs = r"reported|reports|revealed|reveals|published|found|said|says|accused|accuses|blamed|blames"
        return re.search(rf"\b(?:{verbs})\b", tail) is not None

    def _complete(self, key: tuple, speaker, sentence: Sentence) -> None:
        """A claim stated again: keep the first quote, take the speaker and basis it lacked."""
        claim = self.result.attributions[self.claims[key]]
        if claim["speaker"] is None and speaker is not None:
            claim["speaker"] = speaker.name
        if claim["basis"] is None and re.search(r"\binvestigat", sentence.text, re.I):
            claim["basis"] = "investigation"


def _actor_order(mention: Mention) -> tuple:
    """A threat group before other parties; among groups the first named (aliases follow it), among others the
    one nearest the act."""
    group = mention.party.kind == "threat_group"
    return (not group, mention.start if group else -mention.start)
