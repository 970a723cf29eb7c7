"""Extraction: the seed article meets ../shared/seed/expected.json, and the rules hold on other reports.

The seed article is read as the product reads it (rules and the learned second reading); the batches, batteries and
single readings (`_found`) pin the rules alone: the second reading is trained on them (test_learned.py)."""

import datetime as dt
import json
from dataclasses import astuple
from pathlib import Path

import pytest

from attribution.extraction import extract_report
from attribution.extraction.text import find_dates, sentences
from tests.attribution.scoring import PhrasingScore, Score, score, score_folder, score_phrasings
from tests.conftest import shared_path

ARTICLES = Path(__file__).parent / "articles"


def test_seed_article_finds_every_required_item_and_nothing_outside_the_expected():
    expected = json.loads(shared_path("seed", "expected.json").read_text())["albania-2022"]
    text = shared_path("seed", "articles", "albania-2022.txt").read_text(encoding="utf-8")
    output = extract_report(text, published=dt.date.fromisoformat(expected["published"])).as_dict()
    result = score(output, expected, "albania-2022")
    assert (result.wrong, result.missed) == (0, 0), result.details
    for item in output["attributions"] + output["reactions"] + output["consequences"]:
        assert text[item["quote_start"] : item["quote_end"]] == item["quote"]


def test_reading_a_report_leaves_no_cyclic_garbage_and_the_collector_as_it_was():
    """extract_report pauses the cyclic garbage collector while it reads: that holds only while reading makes no
    reference cycles, which would then wait for the next collection."""
    import gc

    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:40])
    extract_report(text[:2000], published=dt.date(2022, 9, 7))  # (what is loaded once: the gazetteer, the weights)
    gc.collect()
    gc.disable()
    try:
        result = extract_report(text, published=dt.date(2022, 9, 7))
        assert result.attributions and result.consequences
        assert gc.collect() == 0
        assert not gc.isenabled()  # a collector the caller turned off stays off
    finally:
        gc.enable()
    extract_report(text, published=dt.date(2022, 9, 7))
    assert gc.isenabled()


def test_rules_generalise_over_reports_of_other_incidents():
    total = Score()
    for path in sorted(ARTICLES.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text())
        output = extract_report(
            path.read_text(encoding="utf-8"),
            published=dt.date.fromisoformat(expected["published"]),
            second_reading=False,
        ).as_dict()
        total = total.add(score(output, expected, path.stem))
    assert total.precision >= 0.85 and total.recall >= 0.80, total.details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said there was no evidence that Russia was behind the cyberattack.", []),
        ("The ministry declined to speculate on whether China carried out the hack.", []),
        ("Analysts speculated that Iran may have been behind the attack on the port.", []),
        ("The United States and Britain on Monday blamed Russia for the cyberattack.", [("US", "RU"), ("GB", "RU")]),
        ("The hack was blamed on North Korea by the FBI.", [("US", "KP")]),
        ("The hack was blamed on North Korea.", []),  # passive without an accuser: no claim
    ],
)
def test_hedges_negations_and_coordination(text, expected):
    output = extract_report(text, published=dt.date(2023, 1, 10)).as_dict()
    pairs = [(a["made_by"]["country"], a["attributed_to"]["country"]) for a in output["attributions"]]
    assert pairs == expected


def test_reported_denial_belongs_to_the_accused():
    text = (
        "Estonia blamed Russia for the cyberattack on its government websites. "
        "The Kremlin denied any involvement in the attack."
    )
    output = extract_report(text, published=dt.date(2023, 1, 10)).as_dict()
    assert [(r["party"]["country"], r["stance"]) for r in output["reactions"]] == [("RU", "denial")]


def test_relative_dates_resolve_against_publication():
    found = find_dates("On Wednesday the ministry said the July 15 attack", dt.date(2022, 9, 7))
    assert [(f.value.isoformat(), f.precision) for f in found] == [("2022-09-07", "day"), ("2022-07-15", "day")]
    assert find_dates("in December", dt.date(2022, 9, 7))[0].value == dt.date(2021, 12, 1)


def test_sentences_keep_offsets_and_abbreviations():
    text = "The U.S. said so. Mr. Smith agreed.\nA new paragraph"
    parts = sentences(text)
    assert [p.text for p in parts] == ["The U.S. said so.", "Mr. Smith agreed.", "A new paragraph"]
    assert all(text[p.start : p.end] == p.text for p in parts)


def _found(text: str, published: dt.date = dt.date(2024, 5, 2)) -> dict[str, set]:
    """What the rules read in `text`: the readings below pin the rules; the learned second reading on top of them
    (attribution/extraction/learned.py) is judged on whole batches and in test_learned.py."""
    from tests.attribution.scoring import found_items

    return found_items(extract_report(text, published=published, second_reading=False).as_dict())


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft denied that customer data had been stolen in the cyberattack.",
        "Norway's government denied that any classified information had been compromised in the attack.",
        "Britain rejected claims that it had been slow to respond to the hack.",
        "Estonia denied paying a ransom to the hackers who attacked its ministries.",
        "A judge in Poland denied bail to the man accused of the cyberattack.",
        "The company said the outage had nothing to do with the cyberattack.",
        "Biden said the Russian government was not behind the ransomware attack.",
    ],
)
def test_a_refusal_or_a_denial_of_what_happened_is_no_denial_of_an_accusation(text):
    assert _found(text)["denials"] == set()


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        ("Moscow denied that Russian hackers were behind the attack.", "RU"),
        ("North Korea rejected claims that it was responsible for the hack.", "KP"),
        ("China dismissed any suggestion that it was involved in the cyberattack.", "CN"),
        ("China rejected the findings of the report on the hacking campaign on Tuesday.", "CN"),
    ],
)
def test_denials_of_involvement_are_found(text, denier):
    assert _found(text)["denials"] == {denier}


def test_an_indictment_names_each_charged_person_and_speaks_for_the_government_that_brought_it():
    text = (
        "The United States on Wednesday charged three Iranian men with hacking, officials said. "
        "A federal indictment unsealed in New Jersey accuses Mansour Ahmadi, Ahmad Khatibi Aghda and Amir Hossein "
        "Nickaein Ravari of exploiting software flaws to break into computers in the United States and Israel."
    )
    found = _found(text, dt.date(2022, 9, 14))
    assert {("US", name, "indictment") for name in ("mansour ahmadi", "ahmad khatibi aghda")} <= found["consequences"]
    assert ("US", "amir hossein nickaein ravari", "indictment") in found["consequences"]
    assert not any(made_by != "US" for made_by, _ in found["attributions"])  # the defendants accuse no one


def test_a_charge_list_ends_where_what_they_did_begins():
    text = (
        "Britain accused Russia's FSB of hacking lawmakers. "
        "The U.S. Justice Department unsealed an indictment charging the two men with hacking into computer networks "
        "in the United States, Britain and other NATO countries."
    )
    found = _found(text, dt.date(2023, 12, 7))
    assert ("US", "RU", "indictment") in found["consequences"]
    assert not any(target == "GB" for _, target, _ in found["consequences"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Germany blamed China for the cyberattack. The Foreign Office called in China's ambassador on Wednesday.",
            ("DE", "CN", "summoned_ambassador"),
        ),
        (
            "The FBI said the Hive gang was behind the attacks. The Justice Department said it has seized control of "
            "the servers and websites that Hive used.",
            ("US", "hive", "court_order"),
        ),
    ],
)
def test_measures_in_other_words(text, expected):
    assert expected in _found(text, dt.date(2024, 7, 31))["consequences"]


def test_co_publishers_of_an_advisory_make_its_claim():
    text = (
        "U.S. cybersecurity agencies, together with counterparts in Britain, Canada and Australia, also published a "
        "joint advisory warning that Iranian hackers were scanning for unpatched systems."
    )
    found = _found(text, dt.date(2022, 9, 14))
    assert {("GB", "IR"), ("CA", "IR"), ("AU", "IR")} <= found["attributions"]


@pytest.mark.parametrize(
    "text",
    [
        # a time told by reference to a background sentence is background too
        "In November 2018, prosecutors charged two Iranian men over the attack. On the same day, the Treasury "
        "Department imposed sanctions on two other Iranians over the ransom payments.",
        # a measure that dates another event is not taken in the sentence
        "Both men are believed to remain in Iran, and the case has not moved since the indictment was unsealed.",
        # a compound describing the attackers does not make their sponsor an accuser
        "Hezbollah-linked hackers breached telecoms and ISPs across the Middle East, US and UK, researchers say.",
        # a negated act blames no one
        "Officials said Russian hackers had not breached the network, the ministry said.",
    ],
)
def test_background_references_and_negations_make_no_claim(text):
    found = _found(text, dt.date(2023, 3, 22))
    assert found["attributions"] == set() and found["consequences"] == set()


def test_where_the_attackers_servers_are_is_not_who_they_are():
    text = (
        "Israeli officials said the intrusions had been traced to servers in the United States used by Iranian hackers."
    )
    assert _found(text, dt.date(2020, 5, 7))["attributions"] == {("IL", "IR")}


def test_an_unnamed_spokesperson_speaks_for_the_party_that_just_spoke():
    text = (
        "China's foreign ministry said on Monday that Beijing firmly opposed the sanctions over the hacking. "
        "A spokesperson told a regular news conference that the United States had been using cybersecurity issues to "
        "smear and discredit China."
    )
    assert _found(text, dt.date(2025, 1, 6))["denials"] == {"CN"}


def test_a_firm_described_before_it_is_named_is_the_firm_not_its_state():
    text = (
        "An American computer security company has traced years of intrusions to a building in Shanghai, saying the "
        "hackers working there are very likely part of a unit of China's People's Liberation Army. "
        "In a report released on Tuesday, Mandiant said the group had stolen data from 141 organisations."
    )
    assert _found(text, dt.date(2013, 2, 20))["attributions"] == {("mandiant", "CN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause closed before the measure does not take it
        (
            "Albania blamed Iran for the cyberattack. The United States, which has blamed Iran's Ministry of "
            "Intelligence and Security for the July attack, imposed sanctions on the ministry on Friday.",
            {("US", "IR", "sanctions")},
        ),
        # a measure weighed is not taken
        (
            "South Korea blamed North Korea for the hack. South Korea's foreign ministry said it would consider "
            "imposing independent sanctions on those involved.",
            set(),
        ),
        # partners of an operation are not its target
        (
            "Police in Ukraine have arrested the suspected leader of a ransomware gang in an operation coordinated "
            "by Europol, the agency said.",
            set(),
        ),
    ],
)
def test_who_takes_a_measure_and_whether_it_is_taken(text, expected):
    assert _found(text, dt.date(2022, 9, 10))["consequences"] == expected


def test_supporting_an_attribution_makes_it():
    text = (
        "The White House said Russia's foreign intelligence service was behind the hack. "
        "Britain, the European Union and NATO issued statements supporting the U.S. attribution."
    )
    assert {("GB", "RU"), ("european union", "RU"), ("nato", "RU")} <= _found(text, dt.date(2021, 4, 15))[
        "attributions"
    ]


def test_news_organisations_and_gang_names_are_not_accusers_or_states():
    found = _found(
        "DOHA, July 17 (2017) - The UAE orchestrated the hacking of Qatari government sites, the Washington Post "
        "reported on Sunday, citing U.S. intelligence officials. Montenegro said the attack was carried out by a "
        "criminal group called Cuba ransomware.",
        dt.date(2017, 7, 17),
    )
    assert all(
        made_by != "washington post" and accused not in ("US", "CU") for made_by, accused in found["attributions"]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plural bodies "from" the states they belong to: the states accuse, not an agency named before
        (
            "Russian military intelligence accused of spying\n\nSecurity and intelligence agencies from the United "
            "States, Canada and Australia on Wednesday jointly accused a Russian military intelligence unit of "
            "hacking logistics companies.",
            {("US", "RU"), ("CA", "RU"), ("AU", "RU")},
        ),
        # a counted group anaphor: the last states named
        (
            "The FBI published a joint advisory with Britain's National Cyber Security Centre and South Korea's "
            'National Intelligence Service. The three governments said Andariel is "a North Korean '
            'state-sponsored cyber group".',
            {("US", "KP"), ("GB", "KP"), ("KR", "KP"), ("US", "andariel"), ("GB", "andariel"), ("KR", "andariel")},
        ),
        # federal prosecutors after a report about a state without federal prosecutors are American
        (
            "Chinese intelligence officers charged\n\nFederal prosecutors have charged two officers of China's "
            "Ministry of State Security with a hacking campaign against aerospace companies.",
            {("US", "CN")},
        ),
        # the group a company links to a state: the state is the group's sponsor
        (
            "CrowdStrike said the hacking group it calls Fancy Bear planted spyware in an app. CrowdStrike links "
            "Fancy Bear to Russia's military intelligence agency, the GRU.",
            {("crowdstrike", "fancy bear"), ("crowdstrike", "RU")},
        ),
        # an object relative: the sentence's subject blames the party before "which"
        (
            "Ukrainian police said on Wednesday they had searched homes of people suspected of belonging to the "
            "Clop ransomware gang, which they blamed for extortion attacks on companies.",
            {("UA", "clop")},
        ),
        # the speaker after a quotation makes the claim in it
        (
            '"This was a deliberate attack by the Chinese state," said Australia\'s home affairs minister, '
            "Clare O'Neil.",
            {("AU", "CN")},
        ),
        # "was the work of" with the reporter at the end
        (
            "The hack was the work of Iranian state actors, Albanian Prime Minister Edi Rama said.",
            {("AL", "IR")},
        ),
    ],
)
def test_who_accuses_in_lists_anaphors_relatives_and_quotations(text, expected):
    assert _found(text, dt.date(2024, 6, 5))["attributions"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a comparison naming others' operations in general is no claim
        "The Dutch intelligence service said the Turkish cyber espionage group draws less attention than operations "
        "attributed to China or Russia.",
        # a threat group neither accuses nor takes measures
        "Volt Typhoon was first publicly described in a joint advisory from the United States, which said the "
        "hacking group was sponsored by the Chinese state.",
        # no culprit named yet
        "A cyberattack disrupted Iran's railways. Iranian officials acknowledged the disruption, but no culprit had "
        "been publicly identified before Check Point's report.",
        # a place where the accused moved money is not the accused
        "In a ransomware case, the FBI accused the hackers of laundering ransom payments through facilitators in "
        "China.",
    ],
)
def test_generic_mentions_groups_and_places_make_no_claim(text):
    found = _found(text, dt.date(2024, 6, 5))
    assert not {(a, b) for a, b in found["attributions"] if a in ("IR", "volt typhoon") or b in ("CN", "RU")}


def test_people_named_with_their_age_or_listed_are_the_targets_with_their_state():
    found = _found(
        "Australia names Russian man over Medibank hack\n\nBy Staff Correspondent | CANBERRA | January 23, 2024\n\n"
        "Australia on Tuesday imposed sanctions on a Russian citizen it said was responsible for the 2022 breach of "
        "health insurer Medibank. Investigators linked Aleksandr Ermakov, 33, to the attack. The United States and "
        "Britain announced their own sanctions against Ermakov on the same day.",
        dt.date(2024, 1, 23),
    )
    for state in ("AU", "US", "GB"):
        assert (state, "aleksandr ermakov", "sanctions") in found["consequences"]
    found = _found(
        "EU sanctions Russian officers over hacking\n\nBy Staff Reporter | BRUSSELS | January 27, 2025\n\n"
        "EU foreign ministers added Nikolay Korchagin, Vitaly Shevchenko and Yuriy Denisov, all officers of GRU "
        "military unit 29155, to the bloc's cyber sanctions list for cyberattacks on Estonian ministries.",
        dt.date(2025, 1, 27),
    )
    for person in ("nikolay korchagin", "vitaly shevchenko", "yuriy denisov"):
        assert ("european union", person, "sanctions") in found["consequences"]
    assert ("european union", "RU", "sanctions") in found["consequences"]


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        ("Britain accused Russia of the attack, which Moscow has also denied.", "RU"),
        (
            "Taiwan said Chinese hackers had attacked its presidential office website, an accusation Beijing "
            'dismissed as "fabricated".',
            "CN",
        ),
        (
            "France blamed the GRU, but the Kremlin insisted that Russia did not engage in hacking.",
            "RU",
        ),
        ("China's embassy in Washington rejected the accusations.", "CN"),
    ],
)
def test_who_denies(text, denier):
    assert _found(text, dt.date(2024, 6, 5))["denials"] == {denier}


def test_a_spokesperson_neither_confirming_nor_denying_makes_no_denial():
    found = _found(
        "China accused the NSA of hacking its time centre. An NSA spokesperson said the agency does not confirm or "
        "deny allegations in the media about its operations.",
        dt.date(2025, 4, 20),
    )
    assert "US" not in found["denials"]


def test_a_news_organisation_accuses_only_with_its_own_findings():
    found = _found(
        "France called in the U.S. ambassador on Monday after Le Monde reported that the National Security Agency "
        "had recorded data on more than 70 million French telephone calls in a spying programme.",
        dt.date(2013, 10, 22),
    )
    assert ("le monde", "US") in found["attributions"]
    assert ("FR", "US", "summoned_ambassador") in found["consequences"]
    found = _found(
        "WASHINGTON, Oct 23 (Reuters) - The U.S. Treasury Department on Friday imposed sanctions on a Russian "
        "government research institute it said was behind the Triton malware.",
        dt.date(2020, 10, 23),
    )
    assert all(accuser != "reuters" for accuser, _ in found["attributions"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's interior ministry blamed the attack on Anonymous Sudan, a group that has claimed a series of "
            "disruptive attacks this year.",
            {("KE", "anonymous sudan")},
        ),
        (
            "The attack on Iran's fuel stations was claimed by a group calling itself Predatory Sparrow, which "
            "Iranian officials have linked to Israel.",
            {("IR", "IL"), ("IR", "predatory sparrow")},
        ),
        (
            'Seoul\'s unification ministry said North Korea was "highly likely" to have been behind the hacking of '
            "its computers.",
            {("KR", "KP")},
        ),
        (
            "The hack, which Microsoft attributed to a Chinese group it calls Storm-0558, exposed emails of senior "
            "U.S. officials.",
            {("microsoft", "storm-0558"), ("microsoft", "CN")},
        ),
        (
            "Government-backed hacking groups from China, Iran, North Korea and Turkey are exploiting the Log4j "
            "software vulnerability, Microsoft said in an update to its security guidance on Tuesday.",
            {("microsoft", "CN"), ("microsoft", "IR"), ("microsoft", "KP"), ("microsoft", "TR")},
        ),
    ],
)
def test_claims_in_other_words(text, expected):
    assert expected <= _found(text, dt.date(2024, 6, 5))["attributions"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States accused Russia of the hack. Washington also offered a $5m reward for information "
            "leading to the arrest of Maksim Yakubets.",
            ("US", "maksim yakubets", "reward"),
        ),
        (
            "Nigeria's police blamed the fraud ring for the cyber heist. Ramon Olorunwa Abbas, the Instagram "
            "influencer known as Hushpuppi, was arrested in Dubai and flown to the United States.",
            ("AE", "ramon olorunwa abbas", "arrest"),
        ),
        (
            "The United States blamed the Evil Corp hacking group for the ransomware attacks. The Treasury Department "
            "sanctioned Evil Corp and 17 individuals linked to the group.",
            ("US", "evil corp", "sanctions"),
        ),
        (
            "Britain and the United States accused China of a hacking campaign. Britain sanctioned a front company, "
            "and its Foreign Office summoned China's ambassador.",
            ("GB", "CN", "summoned_ambassador"),
        ),
        (
            # the next name in a list that began with an accused person, past an apposition
            "The United States blamed the group for hacking water systems. The Treasury Department designated "
            "Yuliya Pankratova, the group's leader and spokesperson, and Denis Degtyarenko, its primary hacker.",
            ("US", "denis degtyarenko", "sanctions"),
        ),
    ],
)
def test_measures_against_people_groups_and_envoys(text, expected):
    found = _found(text, dt.date(2024, 6, 5))["consequences"]
    assert expected in found
    assert not any(kind == "arrest" and target == "maksim yakubets" for _, target, kind in found)


def test_rules_hold_on_the_held_out_batches_already_studied():
    """The batches whose per-item results were studied (README of each): what their rounds fixed stays fixed.
    The batches never looked at (heldout6, heldout7, heldout8) are an honest measure, not a test."""
    total = Score()
    for folder in ("heldout", "heldout2", "heldout3", "heldout5", "heldout9"):
        total = total.add(score_folder(ARTICLES.parent / folder, second_reading=False))
    assert total.precision >= 0.85 and total.recall >= 0.85, total.details


def test_rules_hold_on_the_newspaper_and_cybercrime_batches_studied_last():
    """The later studied batches (heldout10-13, 16 and 18: newspaper style, wire style from Europe, Asia-Pacific
    broadsheets, cybercrime wire and tech news, state-to-state online news) were harder and end their rounds lower
    (pooled P 0.74 / R 0.65 at the end of session 7); this keeps what their rounds fixed. heldout14 is never looked
    at; heldout15, 17 and 19 were studied in session 12 (their own test below)."""
    total = Score()
    for folder in ("heldout10", "heldout11", "heldout12", "heldout13", "heldout16", "heldout18"):
        total = total.add(score_folder(ARTICLES.parent / folder, second_reading=False))
    assert total.precision >= 0.70 and total.recall >= 0.60, total.details


def test_rules_hold_on_the_report_batches_written_and_studied_in_session_11():
    """heldout20 (wire copy on legal measures against named people) and heldout21 (regional news on state-to-state
    attributions), written by helpers who never saw the code: first sight P 0.73 / R 0.63 pooled with the rules of the
    session's start, P 0.84 / R 0.74 after their round. heldout22 and heldout25 are never looked at."""
    total = Score()
    for folder in ("heldout20", "heldout21"):
        total = total.add(score_folder(ARTICLES.parent / folder, second_reading=False))
    assert total.precision >= 0.80 and total.recall >= 0.70, total.details


def test_rules_hold_on_the_batches_left_unseen_until_session_12():
    """heldout15 (newspapers of the Americas), heldout17 (mixed registers) and heldout19 (online news like the seed
    article), written in session 7 and never looked at until session 12, when their scores had not moved for four
    sessions (pooled P 0.49 / R 0.38 at the session's start): studied then, to P 0.61 / R 0.57. Fresh unseen batches
    in the seed's register (heldout26-28) took their place as the honest measure."""
    total = Score()
    for folder in ("heldout15", "heldout17", "heldout19"):
        total = total.add(score_folder(ARTICLES.parent / folder, second_reading=False))
    assert total.precision >= 0.57 and total.recall >= 0.53, total.details


def test_rules_hold_on_the_report_batches_written_and_studied_in_session_13():
    """heldout29 (online news on Asia-Pacific, South Asia, Africa and the Americas), heldout30 (wire copy on legal
    measures against named people), heldout31 (broadsheets), heldout32 (regional newspapers outside the US and UK),
    heldout33 (online news like the seed article), heldout34 (TV and online news on ransomware), heldout35 (state news
    agencies) and heldout36 (short briefs), written by helpers who never saw the code: first sight P 0.80 / R 0.68
    pooled (29-32 with the rules of the session's start, 33-36 after the round on 29-32), P 0.91 / R 0.78 after the
    session's rounds. This keeps what their rounds fixed."""
    total = Score()
    for number in range(29, 37):
        total = total.add(score_folder(ARTICLES.parent / f"heldout{number}", second_reading=False))
    assert total.precision >= 0.88 and total.recall >= 0.75, total.details


def test_rules_hold_on_the_report_batches_written_and_studied_in_session_14():
    """heldout37 (advisories and joint statements naming state-backed groups), heldout38 (wire copy on legal and
    financial measures against named people), heldout39 (regional newspapers outside the US and UK), heldout40
    (technology press on ransomware), heldout41 (online news on Asia, Oceania and the Americas), heldout42 (wire copy
    on arrests, extraditions and trials), heldout43 (long-form press with heavy background) and heldout44 (short briefs
    and state news agencies), written by helpers who never saw the code: first sight P 0.81 / R 0.61 (37-40) and
    P 0.75 / R 0.61 (41-44) with the rules of the session's start, P 0.79 / R 0.66 for 41-44 after the round on
    37-40; P 0.86 / R 0.76 pooled after the session's rounds. This keeps what their rounds fixed."""
    total = Score()
    for number in range(37, 45):
        total = total.add(score_folder(ARTICLES.parent / f"heldout{number}", second_reading=False))
    assert total.precision >= 0.83 and total.recall >= 0.72, total.details


def test_rules_hold_on_the_report_batches_written_and_studied_in_session_15():
    """heldout45 (wire copy on allied measures against named hackers), heldout46 (English-language services of European
    broadcasters), heldout47 (cybersecurity trade press), heldout48 (press of South and Southeast Asia), heldout49
    (British press), heldout50 (wire copy on court cases), heldout51 (explainers and features with heavy background),
    heldout52 (press of Latin America, Africa and the Middle East), heldout53 (online news like the seed article),
    heldout54 (US newspapers' national-security reporting), heldout55 (press of Japan, Korea, Taiwan, Australia and
    New Zealand) and heldout56 (state media of Russia, China and Iran), written by helpers who never saw the code: first
    sight P 0.76 / R 0.74 (45-48, rules of the session's start), P 0.78 / R 0.63 (49-52, after the first readings of
    the round on 45-48) and P 0.72 / R 0.61 (53-56, after the rounds on 45-52); P 0.87 / R 0.82 pooled after the
    session's rounds. This keeps what their rounds fixed."""
    total = Score()
    for number in range(45, 57):
        total = total.add(score_folder(ARTICLES.parent / f"heldout{number}", second_reading=False))
    assert total.precision >= 0.84 and total.recall >= 0.79, total.details


def test_rules_hold_on_the_report_batches_written_in_session_16():
    """heldout57 (wire copy), heldout58 (press of Central and Eastern Europe, the Nordics and the Baltics), heldout59
    (business and security trade press), heldout60 (press of South Asia, Southeast Asia, the Gulf and Africa), heldout61
    (US and Canadian newspapers), heldout62 (French, German, Spanish, Italian and Dutch news in English), heldout63
    (explainers and roundups), heldout64 (Israeli, Turkish, Arab, Ukrainian and Russian independent media), heldout65
    (ransomware news), heldout66 (diplomatic reporting of joint statements), heldout67 (court reporting) and heldout68
    (Latin American, African and South Asian online news), written by helpers who never saw the code. First sight:
    P 0.80 / R 0.67 (57-60, rules of the session's start), P 0.82 / R 0.66 (61-64, after the round on 57-60; the
    same items as with the session-start rules but one) and P 0.75 / R 0.58 (65-68, after the rounds on 57-64 and the
    phrasing grids; 0.76 / 0.57 with the session-start rules). After the session's rounds (57-64 studied, 65 and 67
    partly read, two readings from 66 and 68 at the end): P 0.85 / R 0.72 pooled. This keeps what their rounds
    fixed."""
    total = Score()
    for number in range(57, 69):
        total = total.add(score_folder(ARTICLES.parent / f"heldout{number}", second_reading=False))
    assert total.precision >= 0.83 and total.recall >= 0.70, total.details


def test_rules_hold_on_the_report_batches_written_in_session_17():
    """heldout69 (British, Irish, Australian and New Zealand press), heldout70 (East Asian press), heldout71 (official
    announcements as republished), heldout72 (crypto and finance press), heldout73 (news briefs), heldout74 (security
    press on vendor findings), heldout75 (Iberian and Latin American press) and heldout76 (broadcasters' web copy),
    written by helpers who never saw the code. First sight: P 0.77 / R 0.63 (69-72, rules of the session's start) and
    P 0.78 / R 0.58 (73-76, after the round on 69-72: the same items as with the session-start rules). After the
    session's rounds (69-71 studied, readings from 73, 75 and 76): P 0.83 / R 0.75 pooled. This keeps what their rounds
    fixed."""
    total = Score()
    for number in range(69, 77):
        total = total.add(score_folder(ARTICLES.parent / f"heldout{number}", second_reading=False))
    assert total.precision >= 0.81 and total.recall >= 0.73, total.details


def test_rules_hold_on_the_report_batches_studied_in_session_20():
    """heldout77 (online news on Europe and the Middle East), heldout79 (measures and the accused's answers), heldout81
    (follow-up stories), heldout83 (agencies and firms naming groups), heldout85 (Israel, Iran and the Gulf), heldout87
    (Asia-Pacific), heldout89 (sanctions and charges against named people) and heldout91 (short briefs), written by
    helpers who never saw the code. First sight: P 0.60 / R 0.64 (77-83, rules of the session's start) and P 0.72 /
    R 0.61 (85-91, after the readings from 77-83). After the session's readings: P 0.71 / R 0.66. Their counterparts
    heldout78-92 (even numbers) are measured, never read. This keeps what the readings fixed."""
    total = Score()
    for number in (77, 79, 81, 83, 85, 87, 89, 91):
        total = total.add(score_folder(ARTICLES.parent / f"heldout{number}", second_reading=False))
    assert total.precision >= 0.70 and total.recall >= 0.64, total.details


def test_rules_hold_on_the_phrasing_batteries_studied():
    """Phrasing batteries 1-3 and 6-13 (tests/attribution/phrasings: short passages on legal measures against named
    people, claims and denials, diplomatic measures, official statements, measures told across sentences, incidents
    between other states, background told beside current items, items spread over sentences, speakers of many
    states, reactions of the accused, advisories and takedowns) were read in session 8, and 15-24 (arrests, sanctions
    lists, claims by firms, labs and newspapers, denials, claims across sentences, background, crowded reports,
    coalitions, short reports, long wire stories) in session 9: pooled, from P 0.73 / R 0.46 with the rules of session
    9's start to P 0.76 / R 0.52; 25 and 27-29 (names of every shape, measures told over several sentences, arrests by
    police of many countries, accusers beyond the great powers) in session 10: all studied batteries pooled P 0.77 / R
    0.55; 26 and 30-32 (people and private accusers, measures against people named in other sentences, governments
    blaming hackers and groups of new names, accusers named in varied ways) in session 11: all pooled P 0.78 / R 0.57;
    33 and 34 (lists of named people and firms; arrests, extraditions and trials) in session 12: all pooled P 0.79 /
    R 0.57; P 0.80 / R 0.58 after session 13's rounds on report batches. This keeps what their rounds fixed.
    Batteries 4, 5 and 14 are never looked at."""
    total = PhrasingScore()
    for number in (1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, *range(15, 35)):
        found = score_phrasings(ARTICLES.parent / "phrasings" / f"battery{number}.jsonl", second_reading=False)
        total = PhrasingScore(*(a + b for a, b in zip(astuple(total), astuple(found), strict=True)))
    assert total.precision >= 0.78 and total.recall >= 0.56, total


def test_a_measure_cue_never_matches_a_sentence_without_its_words():
    """The cue words only spare searches: over every report the suite holds, no cue matches a sentence without them."""
    from attribution.extraction.measure_cues import CONSEQUENCE_CUES, CUE_WORDS

    for path in sorted(ARTICLES.parent.glob("*/*.txt")):
        for sentence in sentences(path.read_text(encoding="utf-8")):
            lower = sentence.text.lower()
            for kind, pattern in CONSEQUENCE_CUES:
                if not any(word in lower for word in CUE_WORDS[kind]):
                    assert pattern.search(sentence.text) is None, (kind, path.name, sentence.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By Staff Reporter | LONDON | June 5, 2024\n\nThe Foreign Secretary, David Lammy, told MPs that the GRU "
            "had targeted British institutions in a hacking campaign.",
            {("GB", "RU")},
        ),
        (
            "The government in Canberra said on Friday that China's Ministry of State Security had directed the "
            "hackers.",
            {("AU", "CN")},
        ),
        (
            "The Philippine government said the intrusions came from China-based servers but stopped short of "
            "blaming Beijing.",
            set(),
        ),
    ],
)
def test_offices_named_before_the_name_and_claims_stopped_short(text, expected):
    assert _found(text, dt.date(2024, 6, 5))["attributions"] == expected


def test_protests_pledges_against_the_one_facing_them_and_measures_held_back():
    found = _found(
        "Chief Cabinet Secretary Yoshimasa Hayashi told reporters in Tokyo that hackers working for the Chinese "
        "military had penetrated defence networks. He said Japan had protested to Beijing through diplomatic "
        'channels. Estonia blamed Russia for a separate cyberattack. "We know who did this," Prime Minister Kaja '
        "Kallas said, adding that Moscow would face consequences.",
        dt.date(2024, 6, 5),
    )["consequences"]
    assert ("JP", "CN", "protest_note") in found
    assert ("EE", "RU", "pledged_response") in found
    held_back = _found(
        "France blamed Morocco for the spyware. Diplomats said the government was reluctant to lodge a formal "
        "protest before technical checks were completed.",
        dt.date(2021, 7, 22),
    )["consequences"]
    assert not any(kind == "protest_note" for *_, kind in held_back)


def test_rejected_reports_and_people_named_as_leaders():
    found = _found(
        "Indonesia's State Intelligence Agency on Tuesday rejected reports that its computer network had been "
        "penetrated by a hacking group linked to China.",
        dt.date(2021, 9, 14),
    )
    assert not found["attributions"]
    found = _found(
        "On Friday, the US Treasury Department imposed sanctions on two Russian nationals over attacks on water "
        "systems. Yuliya Pankratova is named as the leader of the Cyber Army of Russia Reborn. Treasury said Denis "
        "Degtyarenko, 30, had compromised the control system of a US energy company.",
        dt.date(2024, 7, 22),
    )
    assert all(accuser != "treasury" for accuser, _ in found["attributions"])


# Readings added in session 7 (studied on three new blind batches); each sentence is written for the test.
@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # a dateline no longer hides the sentence opening; "a Russian national accused of…" blames that person
        (
            "OSLO, May 3 (Reuters) - Piotr Malinowski, a Polish national accused of running a ransomware operation, "
            "has been extradited from Norway to the United States, the U.S. Justice Department said.",
            dt.date(2024, 5, 3),
            "consequences",
            {("NO", "piotr malinowski", "extradition")},
        ),
        (
            "OSLO, May 3 (Reuters) - Piotr Malinowski, a Polish national accused of running a ransomware operation, "
            "has been extradited from Norway to the United States, the U.S. Justice Department said.",
            dt.date(2024, 5, 3),
            "attributions",
            {("US", "piotr malinowski")},
        ),
        # counted people are those the next sentence names
        (
            "Spanish police arrested two men in Madrid, and U.S. prosecutors on Monday unsealed charges against two "
            "Ukrainian men over ransomware attacks. The Justice Department said Oleh Kovalenko, 29, and Taras "
            "Melnyk, 35, were charged with extortion.",
            dt.date(2024, 5, 7),
            "consequences",
            {("US", "oleh kovalenko", "indictment"), ("US", "taras melnyk", "indictment")},
        ),
        # passive "deployed by"; agencies "from" listed states after an opening phrase; a sponsor 6 words away
        (
            "In a joint advisory, cyber agencies from Britain, Canada and Japan said the malware had been deployed by "
            "Volt Typhoon, a hacking outfit they publicly identified as part of China's military.",
            dt.date(2024, 5, 2),
            "attributions",
            {("GB", "volt typhoon"), ("CA", "volt typhoon"), ("JP", "volt typhoon")},
        ),
        # the subject of a relative clause blames
        (
            "Sweden's foreign minister pointed to the breach of the parliament's network, which Danish security "
            "officials have blamed on the Russian hacking group APT28.",
            dt.date(2024, 5, 2),
            "attributions",
            {("DK", "apt28")},
        ),
        # "with Chinese links"; "originated in"
        (
            "Spyware with Chinese links targeted Vietnam's foreign ministry, a security firm says\n\nESET said on "
            "Thursday that the operation originated in China.",
            dt.date(2024, 5, 2),
            "attributions",
            {("eset", "CN")},
        ),
        (
            "Spyware targeted Vietnam's foreign ministry. ESET said on Thursday that the operation originated in "
            "China.",
            dt.date(2024, 5, 2),
            "attributions",
            {("eset", "CN")},
        ),
        # a second speaker after "after": the firm the report names
        (
            "Poland said on Monday it was investigating a breach of its news agency, after a U.S. cybersecurity "
            "company said hackers had planted false stories and linked the operation to Belarus. The company, "
            "Brightline Research, said the intrusion began in March.",
            dt.date(2024, 5, 6),
            "attributions",
            {("brightline research", "BY")},
        ),
        # the speaker after a quotation accuses in it; an apposition before "are responsible" is skipped
        (
            "South Korea's National Intelligence Service said on Monday it had traced the theft of $40 million. "
            '"We can confirm that Kimsuky and Andariel, hacking units tied to the DPRK, are responsible for the '
            'theft," the agency said.',
            dt.date(2024, 5, 2),
            "attributions",
            {("KR", "kimsuky"), ("KR", "andariel")},
        ),
        # groups listed after being blamed; groups in apposition
        (
            "Police in India's Kerala state said the attacks were carried out by four groups. It named them as Team "
            "Crimson Lotus, "
            "Dark Cobra Unit, Night Owls PK and Shadow Legion 77.",
            dt.date(2024, 5, 2),
            "attributions",
            {
                ("IN", "team crimson lotus"),
                ("IN", "dark cobra unit"),
                ("IN", "night owls pk"),
                ("IN", "shadow legion 77"),
            },
        ),
        # a conviction states a measure and who is blamed; the state of the court after "by a judge in"
        (
            "A 31-year-old Ghanaian man who ran a phishing service has been sentenced to eight years in prison by a "
            "federal judge in the United States. Kwame Mensah, who was arrested in London in 2021, was sentenced on "
            "Tuesday.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "kwame mensah", "prosecution")},
        ),
        # sanctions lists told in the next sentences: people of four names, companies by their full legal name
        (
            "The United States on Tuesday imposed sanctions on two people and two companies over the Nightjar "
            "spyware used against journalists. Those sanctioned include Daniel Avraham Ben Shimon, a former "
            "engineer who founded the firm, and Maria Elena Costa Ruiz, whom Treasury described as its manager. "
            "The entities are Nightjar Labs S.A., based in Cyprus; and Orbis Systems Kft, based in Hungary.",
            dt.date(2024, 5, 7),
            "consequences",
            {
                ("US", "daniel avraham ben shimon", "sanctions"),
                ("US", "maria elena costa ruiz", "sanctions"),
                ("US", "nightjar labs s.a.", "sanctions"),
                ("US", "orbis systems kft", "sanctions"),
            },
        ),
        # a name in apposition to a hacking group, over the known name inside it
        (
            "Taiwan's Ministry of Justice Investigation Bureau on Monday named Winnti Lantern, a hacking group it said "
            "has links to China, as responsible for the attack on the railway's ticketing system.",
            dt.date(2024, 5, 6),
            "attributions",
            {("TW", "winnti lantern")},
        ),
        # "pleaded not guilty" is a defendant's denial
        (
            "British programmer Tom Hale, 27, pleaded not guilty on Monday to U.S. charges that he built and sold "
            "banking malware.",
            dt.date(2024, 5, 6),
            "denials",
            {"tom hale"},
        ),
    ],
)
def test_readings_of_lists_appositions_datelines_and_courts(text, published, category, expected):
    assert expected <= _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "unexpected"),
    [
        # a measure taken over another offence, one opposed, one dating an event
        (
            "Hackers attacked Latvia's parliament. Latvia has joined Western sanctions against Moscow over its "
            "invasion of Ukraine. Moscow has repeatedly objected to the arrest of its citizens at the request of U.S. "
            "authorities. The exchange was shut down shortly after Kuznetsov's arrest.",
            dt.date(2024, 5, 2),
            "consequences",
            {("LV", "RU", "sanctions"), ("RU", "US", "arrest")},
        ),
        # "expelled" a party member is no diplomatic expulsion
        (
            "Hackers from Indonesia defaced 500 Indian websites over the remarks. India's ruling party expelled "
            "Naveen Jindal after Qatar protested.",
            dt.date(2022, 6, 15),
            "consequences",
            {("IN", "QA", "expelled_diplomats")},
        ),
        # "-speaking" and "-headquartered" name no state
        (
            "French-speaking hacking gang stole $11 million from African banks, Group-IB says\n\nA French-speaking "
            "cybercrime group has stolen at least $11 million from banks, Singapore-headquartered Group-IB said on "
            "Thursday.",
            dt.date(2022, 11, 3),
            "attributions",
            {("group-ib", "FR"), ("SG", "FR"), ("group-ib", "french-speaking")},
        ),
        # a participle describing a person is no one's claim; the destination of an extradition is no target
        (
            "ATHENS, Jan 23 (Reuters) - Greece extradited Russian national Ilya Sorokin, accused of laundering ransom "
            "payments from hacks, to France on Thursday, Greek police sources said.",
            dt.date(2020, 1, 23),
            "attributions",
            {("GR", "FR")},
        ),
        # an arrest takes people, not the state whose nationals they are
        (
            "BANGKOK, Feb 10 - Thai police arrested two Russian nationals in Phuket on Monday over a ransomware scheme "
            "that extorted hospitals across Europe, officials said. The suspects will be extradited to the United "
            "States.",
            dt.date(2025, 2, 10),
            "consequences",
            {("TH", "RU", "arrest"), ("TH", "RU", "extradition")},
        ),
        # a measure in retaliation blames no one
        (
            "Russian hackers attacked Estonian agencies, Tallinn said. Moscow retaliated on Monday by declaring two "
            "Estonian diplomats persona non grata.",
            dt.date(2024, 5, 2),
            "attributions",
            {("RU", "EE")},
        ),
        # where those a measure targets come from is no target
        (
            "Hackers attacked European firms. The European Union imposed its first-ever sanctions over cyberattacks "
            "on Thursday, targeting six individuals and three entities from Russia, China and North Korea.",
            dt.date(2020, 7, 30),
            "consequences",
            {("european union", "CN", "sanctions"), ("european union", "KP", "sanctions")},
        ),
        # a demonym describing a criminal gang is no state
        (
            "Hackers extorted hospitals. The Treasury Department on Tuesday designated seven more people tied to the "
            "Russian cybercrime gang Evil Corp, among them Aleksandr Ryzhenkov.",
            dt.date(2024, 10, 1),
            "consequences",
            {("US", "RU", "sanctions")},
        ),
        # an expulsion over protests is no measure of the hack
        (
            "CHISINAU - Moldova's security service said on Thursday that Russian-backed hackers had leaked the data of "
            "thousands of voters. In a separate move, the foreign ministry declared a Russian embassy employee persona "
            "non grata over his alleged role in organising paid anti-government protests.",
            dt.date(2024, 10, 3),
            "consequences",
            {("MD", "RU", "expelled_diplomats")},
        ),
        # a court tries people, not their state
        (
            "Hackers cut power in western Ukraine. A Kyiv court has sentenced in absentia two officers of Russia's GRU "
            "military intelligence to 15 years in prison each, the SBU security service said on Friday.",
            dt.date(2024, 5, 2),
            "consequences",
            {("UA", "RU", "prosecution")},
        ),
        # a measure its own words date to an earlier year is background
        (
            "The European Union on Monday imposed sanctions on six people over cyberattacks on member states. The "
            "final pair, Mikhail Tsarev and Maksim Galochkin, were sanctioned for their roles in the deployment of the "
            "Conti and Trickbot malware. Tsarev and Galochkin were among those sanctioned by London and Washington "
            "last year over the Trickbot operation.",
            dt.date(2024, 6, 24),
            "consequences",
            {("GB", "mikhail tsarev", "sanctions"), ("US", "mikhail tsarev", "sanctions")},
        ),
        # background: "as far back as 2018", "Last month…", the pluperfect dated to a month, "a year after"
        (
            "Russia's foreign ministry summoned British ambassador Nigel Casey on Friday, a day after Britain accused "
            "GRU Unit 29155 of cyberattacks on Ukraine's allies. Moscow had expelled Britain's defence attache in May. "
            "The United States and Britain had linked APT28 to the GRU as far back as 2018. Last month Japanese police "
            "and the FBI jointly blamed TraderTraitor, a North Korean hacking group, for the theft of $308 million. "
            "Warsaw gave a Russian consular official 48 hours to leave. The decision comes a year after Poland shut "
            "the Russian consulate in Poznan.",
            dt.date(2024, 9, 6),
            "consequences",
            {("RU", "GB", "expelled_diplomats"), ("PL", "RU", "closed_mission")},
        ),
        (
            "The United States and Britain had linked APT28 to the GRU as far back as 2018. Last month Japanese police "
            "and the FBI jointly blamed TraderTraitor, a North Korean hacking group, for the theft of $308 million.",
            dt.date(2024, 9, 6),
            "attributions",
            {("US", "RU"), ("GB", "apt28"), ("JP", "tradertraitor"), ("US", "tradertraitor")},
        ),
        # what advisories did "in recent years" is background
        (
            "Japan's National Police Agency on Friday blamed North Korea's Lazarus group for attacks on crypto firms. "
            "Washington and Seoul have in recent years issued a series of advisories on North Korean cyber operations.",
            dt.date(2022, 10, 15),
            "consequences",
            {("US", "KP", "awareness_raising"), ("KR", "KP", "awareness_raising")},
        ),
    ],
)
def test_measures_and_claims_that_are_not_taken_or_made(text, published, category, unexpected):
    assert not unexpected & _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # people counted and named before ("as well as the four men"), with the state blamed
        (
            "The United States charged four Iranian nationals over a hacking campaign. An indictment unsealed in "
            "Manhattan accuses Ali Rezaei, Hamid Karimi, Saeed Moradi and Javad Nouri of breaking into defence "
            "contractors' networks. The Treasury said it had designated two front companies, Pardis Sazan and Nik "
            "Afzar, as well as the four men.",
            dt.date(2024, 4, 24),
            "consequences",
            {
                ("US", "ali rezaei", "sanctions"),
                ("US", "hamid karimi", "sanctions"),
                ("US", "saeed moradi", "sanctions"),
                ("US", "javad nouri", "sanctions"),
            },
        ),
        # a body reporting a passive legal act took it: "police said X was arrested"
        (
            "Hackers stole the records of 2 million customers from a Spanish bank. Spanish police said Mikhail Orlov "
            "was arrested in Barcelona on Tuesday.",
            dt.date(2024, 3, 7),
            "consequences",
            {("ES", "mikhail orlov", "arrest")},
        ),
        # "charged him": a legal act against the person named last
        (
            "Hackers stole data from a US bank. Mikhail Orlov, 41, was detained in Geneva in March. US prosecutors "
            "charged him with wire fraud.",
            dt.date(2024, 3, 7),
            "consequences",
            {("US", "mikhail orlov", "indictment")},
        ),
        # the source of a claim named after it with "according to"
        (
            "North Korean hackers stole $600 million from the game's network, according to the FBI. The attack was "
            "carried out by hackers working for China, according to a report by Mandiant.",
            dt.date(2022, 4, 15),
            "attributions",
            {("US", "KP"), ("mandiant", "CN")},
        ),
        # "tied to Lebanon's Hezbollah": the party possessed is the accused, not its possessor
        (
            "A hacking group tied to Lebanon's Hezbollah has compromised 250 servers of telecoms firms, according "
            "to a report by Israeli cybersecurity firm ClearSky.",
            dt.date(2021, 1, 29),
            "attributions",
            {("clearsky", "hezbollah")},
        ),
        # a given name and a surname in a sentence about a legal act name a person
        (
            "Hackers stole card data from a Lisbon retailer. Portuguese police detained a 34-year-old man, Tiago "
            "Ferreira, on Friday, accusing him of selling the stolen records on a forum.",
            dt.date(2024, 6, 7),
            "consequences",
            {("PT", "tiago ferreira", "arrest")},
        ),
        # charges brought by a verb, away from "against"; people listed between dashes with their ages
        (
            "Hackers attacked power plants in 135 countries. The Justice Department unsealed charges a day earlier "
            "against three FSB officers — Pavel Akulov, 36, Mikhail Gavrilov, 42, and Marat Tyukov, 39 — over the "
            "campaign.",
            dt.date(2022, 3, 25),
            "consequences",
            {("US", "pavel akulov", "indictment"), ("US", "marat tyukov", "indictment")},
        ),
        # sanctions "on" a person named by a given name
        (
            "Hackers stole 9.7 million customers' records from Medibank. Australia imposed cyber sanctions on Tuesday "
            "on Aleksandr Ermakov, a Russian man it blamed for the theft.",
            dt.date(2024, 1, 23),
            "consequences",
            {("AU", "aleksandr ermakov", "sanctions")},
        ),
        # a guilty plea before a court, a sentence by a judge, a complaint against someone, a state named with "the"
        (
            "Hackers stole $2 million from a credit union. Oleg Brodsky, 31, pleaded guilty in federal court in "
            "Newark on Friday to wire fraud. His partner Ivan Sokolov was sentenced to six years in prison by a "
            "Brooklyn federal judge on Tuesday. US prosecutors filed a criminal complaint against Nadia Petrenko in "
            "March. Maxim Orlov has been extradited from the Netherlands to the United States.",
            dt.date(2024, 5, 2),
            "consequences",
            {
                ("US", "oleg brodsky", "prosecution"),
                ("US", "ivan sokolov", "prosecution"),
                ("US", "nadia petrenko", "indictment"),
                ("NL", "maxim orlov", "extradition"),
            },
        ),
        # those the subject joins in blaming blame too
        (
            "Canada joined the United States, the European Union and NATO in blaming Beijing for a hack of Microsoft "
            "Exchange servers.",
            dt.date(2021, 7, 19),
            "attributions",
            {("CA", "CN"), ("US", "CN"), ("european union", "CN"), ("nato", "CN")},
        ),
        # diplomatic "representations" are a protest; a response "in kind" is pledged
        (
            'Washington accused China of hacking lawmakers\' email. Beijing has lodged "stern representations" '
            "with Washington, spokesperson Lin Jian told a news briefing. The EU sanctioned Russia over the Bundestag "
            'hack. Foreign ministry spokeswoman Maria Zakharova said Moscow would respond "in kind".',
            dt.date(2024, 3, 26),
            "consequences",
            {("CN", "US", "protest_note"), ("RU", "european union", "pledged_response")},
        ),
        # an office holder named with a title but not the state speaks for the state of the office
        (
            "Hackers shut down the Colonial Pipeline. President Joe Biden said on Monday that Russia was behind it. "
            "Foreign Minister Annalena Baerbock said on Friday that Russia was behind the attack on the party.",
            dt.date(2021, 5, 10),
            "attributions",
            {("US", "RU"), ("DE", "RU")},
        ),
        # a denial in the passive: the denier after "by"
        (
            "India's Computer Emergency Response Team said the attacks had been carried out by hackers with the "
            "support of Pakistani state agencies. Involvement in the defacement of more than 100 Indian government "
            "websites was denied on Friday by Pakistan's Foreign Office.",
            dt.date(2024, 5, 3),
            "denials",
            {"PK"},
        ),
        # ruling out involvement, dismissing a warning: denials
        (
            "CrowdStrike said Russian government hackers had penetrated the committee's network. Kremlin spokesman "
            'Dmitry Peskov said he "completely ruled out" any involvement by the Russian government. Microsoft said '
            "Chinese state hackers had planted code in Guam's networks. Chinese foreign ministry spokeswoman Mao Ning "
            'dismissed the warning as "a collective disinformation campaign".',
            dt.date(2023, 5, 25),
            "denials",
            {"RU", "CN"},
        ),
        # a name, then the state office in commas, then the reporting verb
        (
            "Hackers cut mobile service for 24 million Kyivstar users. Illia Vitiuk, head of the SBU's cyber security "
            "department, told Reuters that Sandworm, a hacking unit of Russian military intelligence, was responsible.",
            dt.date(2024, 1, 4),
            "attributions",
            {("UA", "sandworm"), ("UA", "RU")},
        ),
        # a company placed by "-based" before its name; the clause describing what it did ends the list of targets
        (
            "Hackers compromised American infrastructure. The U.S. Treasury Department on Friday designated "
            "Beijing-based Integrity Technology Group, a cybersecurity firm it said had supported the hacking group "
            "Flax Typhoon.",
            dt.date(2025, 1, 3),
            "consequences",
            {("US", "integrity technology group", "sanctions")},
        ),
        # a measure named by a noun: its target after "of", its agent after "by"
        (
            "Russian hackers tried to break into the OPCW's network. The expulsion of four Russian intelligence "
            "officers was announced by the Dutch defence minister on Thursday. Lithuania announced the expulsion of "
            "three Russian diplomats.",
            dt.date(2018, 10, 4),
            "consequences",
            {("NL", "RU", "expelled_diplomats"), ("LT", "RU", "expelled_diplomats")},
        ),
        # sanctions "first-ever", then "targeting" whom they hit
        (
            "Hackers crippled Ukraine's systems with NotPetya. The European Union on Thursday imposed its first-ever "
            "sanctions over cyber-attacks, targeting Russia's GRU military intelligence.",
            dt.date(2020, 7, 30),
            "consequences",
            {("european union", "RU", "sanctions")},
        ),
        # "…, the US security firm said": the firm, not its country
        (
            "Hackers working on behalf of the Vietnamese government, a group that FireEye calls APT32, tried to break "
            "into the email accounts of staff at China's Ministry of Emergency Management, the US security firm said.",
            dt.date(2020, 4, 22),
            "attributions",
            {("fireeye", "VN")},
        ),
        # envoys summoned "to" or declared persona non grata "by" a state, in the passive
        (
            "Chinese state actors attacked the federal cartography agency. China's ambassador was summoned to the "
            "German foreign ministry on Wednesday. Hackers crippled the election commission's website. Seven Russian "
            "diplomats, including the embassy's deputy head of mission, were declared persona non grata by Bulgaria.",
            dt.date(2024, 8, 1),
            "consequences",
            {("DE", "CN", "summoned_ambassador"), ("BG", "RU", "expelled_diplomats")},
        ),
        # a claim "naming the groups" blames each of them
        (
            "Belgium on Monday formally accused China of cyberattacks against its defence and interior ministries, "
            "naming the groups APT27, APT30 and APT31 in a rare public rebuke.",
            dt.date(2025, 7, 21),
            "attributions",
            {("BE", "CN"), ("BE", "apt27"), ("BE", "apt30"), ("BE", "apt31")},
        ),
        # compounds a state owns, shut down, are its missions closed
        (
            "WASHINGTON, Dec 29 (Reuters) - The United States on Thursday ordered 35 Russian diplomats to leave the "
            "country and shut down two Russian-owned compounds in Maryland and New York, in retaliation for what the "
            "Obama administration said was a campaign of hacking.",
            dt.date(2016, 12, 29),
            "consequences",
            {("US", "RU", "closed_mission"), ("US", "RU", "expelled_diplomats")},
        ),
        # a company's legal name with "and" in it
        (
            "LONDON, March 25 (Reuters) - Hackers targeted the email accounts of lawmakers. The British government "
            "imposed sanctions on two individuals, Zhao Guangzong and Ni Gaobin, and on a company, Wuhan Xiaoruizhi "
            "Science and Technology Company, for their part in the hacking campaign.",
            dt.date(2024, 3, 25),
            "consequences",
            {("GB", "wuhan xiaoruizhi science and technology company", "sanctions"), ("GB", "ni gaobin", "sanctions")},
        ),
        # "entered his guilty plea before a federal judge"
        (
            "Hackers hit 200 hospitals with ransomware. Arturs Kalnins, 41, entered his guilty plea before a federal "
            "judge in Nashville on Wednesday.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "arturs kalnins", "prosecution")},
        ),
        # a court that jails someone for years; an indictment "by a federal grand jury"; a trade blacklist
        (
            "Hackers infected cash machines with skimming malware. A Bucharest court on Tuesday jailed Mihai Ionescu, "
            "32, for seven years for running the network. Rustam Gallyamov, 48, of Moscow, was indicted by a federal "
            "grand jury in Los Angeles. The U.S. Commerce Department added NSO Group and Candiru to its trade "
            "blacklist on Wednesday.",
            dt.date(2024, 5, 2),
            "consequences",
            {
                ("RO", "mihai ionescu", "prosecution"),
                ("US", "rustam gallyamov", "indictment"),
                ("US", "nso group", "sanctions"),
            },
        ),
        # the subject's words go on "saying…"; "the group was acting on behalf of"; a name before the full stop
        (
            "France's foreign ministry on Tuesday publicly blamed Russia's GRU military intelligence for a string of "
            "cyberattacks on French ministries, saying they had been carried out by the APT28 group. Japan's National "
            "Police Agency said a hacking group called MirrorFace had carried out 200 cyberattacks. The agency said "
            "the group was acting on behalf of the Chinese state. In a note to clients, cybersecurity company "
            "Secureworks attributed the attack to a ransomware gang it tracks as Gold Mystic.",
            dt.date(2025, 4, 29),
            "attributions",
            {("FR", "RU"), ("FR", "apt28"), ("JP", "CN"), ("secureworks", "gold mystic")},
        ),
        # "blamed by X on Y": the accuser first
        (
            "Hackers attacked the hospital. The ransomware attack on the hospital has been blamed by the Czech cyber "
            "security agency NUKIB on the LockBit gang. The breach at the Office of Personnel Management was blamed by "
            "US officials on hackers working for the Chinese government.",
            dt.date(2024, 3, 2),
            "attributions",
            {("CZ", "lockbit"), ("US", "CN")},
        ),
        # "the foreign ministries of A, B and C": each state accuses
        (
            "In a rare joint statement, the foreign ministries of Estonia, Latvia and Lithuania on Thursday accused "
            "Russia of orchestrating a wave of DDoS attacks.",
            dt.date(2024, 5, 2),
            "attributions",
            {("EE", "RU"), ("LV", "RU"), ("LT", "RU")},
        ),
        # an accusation inside its denial, with the accuser as possessor
        (
            "Iran's foreign ministry spokesman on Thursday dismissed as \"baseless\" Albania's accusation that Tehran "
            "was behind a cyberattack that knocked out Albanian government websites.",
            dt.date(2022, 9, 8),
            "attributions",
            {("AL", "IR")},
        ),
        # a denial judging the claims named after it
        (
            'North Korea\'s official KCNA news agency on Sunday denounced as "a ridiculous fabrication" claims by '
            "South Korea's National Intelligence Service that Pyongyang's hackers had stolen blueprints from defence "
            "contractors.",
            dt.date(2024, 3, 3),
            "denials",
            {"KP"},
        ),
        # a group "made up of officers of" a state's body is that state's
        (
            "KYIV, Jan 17 (AFP) - The defacement of dozens of Ukrainian government websites last week was the work of "
            "a hacking group called Ghostwriter, which is made up of officers of the Belarusian military, Ukraine's "
            "SBU security service said on Monday.",
            dt.date(2022, 1, 17),
            "attributions",
            {("UA", "BY"), ("UA", "ghostwriter")},
        ),
        # an arrest of several people named in a list takes each of them
        (
            "LAHORE - Pakistan's Federal Investigation Agency said on Friday it had arrested two men, Usman Tariq and "
            "Bilal Ahmed, for allegedly defacing Indian government websites.",
            dt.date(2024, 5, 3),
            "consequences",
            {("PK", "usman tariq", "arrest"), ("PK", "bilal ahmed", "arrest")},
        ),
        # a reporting clause at the end "said in a joint statement on Tuesday"
        (
            "TOKYO - The theft of $308 million in bitcoin from Japanese exchange DMM Bitcoin in May was carried out by "
            "TraderTraitor, a hacking group associated with North Korea, Japan's National Police Agency said in a "
            "joint statement on Tuesday.",
            dt.date(2024, 12, 24),
            "attributions",
            {("JP", "tradertraitor"), ("JP", "KP")},
        ),
        # a reporter at the end named first, the office in commas ("…, Gaby Portnoy, the head of …, said")
        (
            "Iran and Hezbollah were behind a failed attempt last month to hack into the Ziv hospital in Safed, Gaby "
            "Portnoy, the head of Israel's National Cyber Directorate, said on Monday. Hackers backed by Beijing have "
            "compromised at least 20 federal government networks over the past four years, Caroline Xavier, head of "
            "the Communications Security Establishment, told reporters on Wednesday.",
            dt.date(2024, 10, 30),
            "attributions",
            {("IL", "IR"), ("IL", "hezbollah"), ("CA", "CN")},
        ),
        # condemning a state's own cyber activities blames it
        (
            'NATO allies said in a statement on Friday that they "strongly condemn" Russia\'s malicious cyber '
            "activities against Germany and Czechia.",
            dt.date(2024, 5, 3),
            "attributions",
            {("nato", "RU")},
        ),
        # a dateline of two places is cut like one
        (
            "WASHINGTON/MOSCOW (Reuters) - President Barack Obama on Thursday ordered the expulsion of 35 Russian "
            "diplomats and imposed sanctions on the GRU and FSB intelligence agencies over what Washington says was "
            "Moscow's hacking of Democratic Party organisations.",
            dt.date(2016, 12, 29),
            "consequences",
            {("US", "RU", "expelled_diplomats"), ("US", "RU", "sanctions")},
        ),
        # an ambassador "had been called in": a summons in the passive
        (
            "WELLINGTON (Reuters) - New Zealand said a Chinese state-sponsored group had hacked its parliamentary "
            "network. Foreign Minister Winston Peters said the Chinese ambassador had been called in to hear the "
            "government's concerns.",
            dt.date(2024, 3, 26),
            "consequences",
            {("NZ", "CN", "summoned_ambassador")},
        ),
        # "Two Russians … were sanctioned": the people the next sentence names
        (
            "Hackers targeted lawmakers and think tanks for eight years. Two Russians, one of them an FSB intelligence "
            "officer, were sanctioned by Britain on Thursday for their role in the hacking campaign. Ruslan "
            "Peretyatko, 38, and Andrey Korinets, 37, were members of Star Blizzard, a group run by the FSB.",
            dt.date(2023, 12, 7),
            "consequences",
            {("GB", "ruslan peretyatko", "sanctions"), ("GB", "andrey korinets", "sanctions")},
        ),
        # "formally naming X as the perpetrator"
        (
            "The United States on Thursday issued a statement formally naming Russia's Foreign Intelligence Service, "
            "the SVR, as the perpetrator of the SolarWinds hack.",
            dt.date(2021, 4, 15),
            "attributions",
            {("US", "RU")},
        ),
        # the person a relative "whom" clause sanctions
        (
            "Hackers attacked hospitals with LockBit ransomware. Dmitry Khoroshev, whom the United States, Britain "
            "and Australia sanctioned on Tuesday as the gang's alleged leader, denied that he was its administrator.",
            dt.date(2024, 5, 8),
            "consequences",
            {("US", "dmitry khoroshev", "sanctions"), ("AU", "dmitry khoroshev", "sanctions")},
        ),
        # "charging him with…" right after the verb
        (
            "Hackers crippled the eCitizen government portal. Police in Nairobi arrested a Kenyan university student, "
            "Brian Otieno, 23, on Wednesday, charging him with crippling the portal.",
            dt.date(2023, 8, 3),
            "consequences",
            {("KE", "brian otieno", "indictment")},
        ),
        # asset freezes and travel bans on people named by a given name
        (
            "Hackers attacked the Bundestag. The European Union on Thursday froze the assets of and imposed travel "
            "bans on Igor Kostyukov, the head of Russia's GRU military intelligence. The bloc also froze the assets of "
            "Dmitry Badin, a GRU officer.",
            dt.date(2020, 10, 22),
            "consequences",
            {("european union", "igor kostyukov", "sanctions"), ("european union", "dmitry badin", "sanctions")},
        ),
        # people counted after a measure of several words, named in the next sentence
        (
            "BRUSSELS (AP) - The European Union on Monday imposed an asset freeze and travel ban on two Russian "
            "military intelligence officers over cyberattacks on government networks. Oleg Baranov and Sergei Kuzmin, "
            "both officers of the GRU's Unit 26165, are the first people sanctioned under the bloc's cyber regime.",
            dt.date(2025, 5, 19),
            "consequences",
            {("european union", "oleg baranov", "sanctions"), ("european union", "sergei kuzmin", "sanctions")},
        ),
        # the people of the last measure named in the next sentence: "The two men, A and B, …", "names them as"
        (
            "Federal prosecutors in Brooklyn unsealed an indictment accusing two Ukrainian men of stealing $20 million "
            "from U.S. businesses with banking malware. The two men, Vitaliy Bondar, 28, and Serhiy Melnyk, 30, were "
            "detained in Kyiv last month.",
            dt.date(2024, 6, 5),
            "consequences",
            {("US", "vitaliy bondar", "indictment"), ("US", "serhiy melnyk", "indictment")},
        ),
        # police, prosecutors and courts of the dateline's state
        (
            "TAIPEI - Prosecutors have indicted Chen Wei-lun, 41, a former network engineer at a telecoms operator, on "
            "charges of hacking into the company's servers and passing subscriber data to China's Ministry of State "
            "Security.",
            dt.date(2024, 9, 12),
            "consequences",
            {("TW", "chen wei-lun", "indictment")},
        ),
        # lists continued in later sentences: "Among those designated was…", "Also sanctioned were…"
        (
            "The U.S. Treasury Department on Thursday imposed sanctions on seven Russian nationals for their roles in "
            "the Trickbot cybercrime operation, which it said had deployed ransomware against American hospitals. "
            "Among those designated was Vitaly Kovalev, 35, whom officials described as a senior figure in the gang.",
            dt.date(2023, 2, 9),
            "consequences",
            {("US", "vitaly kovalev", "sanctions")},
        ),
        # "They include …" after a measure: organisations named by what they are, and people
        (
            "The United States on Thursday imposed sanctions on five entities and 19 individuals over election "
            "hacking. They include the Baltic Media Agency, a St Petersburg company accused of running fake accounts, "
            "and Oleg Smirnov, the businessman alleged to have financed it.",
            dt.date(2018, 3, 16),
            "consequences",
            {("US", "baltic media agency", "sanctions"), ("US", "oleg smirnov", "sanctions")},
        ),
        # a state's own online strikes
        (
            "Iran says US cyberattacks failed\n\nThe Washington Post reported on Saturday that US Cyber Command "
            "carried out online strikes on Thursday evening against Iranian computer systems.",
            dt.date(2019, 6, 24),
            "consequences",
            {("US", "IR", "cyber_operation")},
        ),
        # unnamed investigators speak for the body that just spoke
        (
            "South Korea's National Police Agency said on Sunday that hackers had sent phishing emails to 900 experts. "
            "Investigators concluded that the campaign was carried out by the same North Korean group that hacked a "
            "nuclear operator in 2014.",
            dt.date(2022, 12, 25),
            "attributions",
            {("KR", "KP")},
        ),
        # a pronoun after an opening phrase is the last speaker
        (
            "Iran repels cyberattack\n\nIran said on Wednesday it had repelled a large cyberattack on its e-government "
            "networks. Telecommunications Minister Mohammad Javad Azari Jahromi wrote on Twitter "
            "that the attack had been neutralised. In a subsequent post, he said the attack had been carried out by "
            '"APT27".',
            dt.date(2019, 2, 6),
            "attributions",
            {("IR", "apt27")},
        ),
    ],
)
def test_readings_of_counted_people_lists_missions_and_unnamed_speakers(text, published, category, expected):
    assert expected <= _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "unexpected"),
    [
        (
            "Trend Micro said the group, which it calls Pawn Storm, targeted the Dutch Safety Board. Germany's "
            "intelligence service has linked the group to attacks on its parliament. Trend Micro does not formally "
            "attribute Pawn Storm to any government.",
            dt.date(2015, 10, 23),
            "attributions",
            {("trend micro", "DE")},
        ),
        (
            "Iran on Monday dismissed reports that the United States had launched cyberattacks against its "
            "military, saying no such operation had succeeded.",
            dt.date(2019, 6, 24),
            "denials",
            {"IR"},
        ),
        (
            "A Russian businessman was extradited to the US over a hacking scheme. Russia's embassy condemned the "
            'move, accusing US authorities of "hunting" Russian citizens in third countries.',
            dt.date(2021, 12, 21),
            "attributions",
            {("RU", "US")},
        ),
        # an embassy's place is not its state
        (
            "The United States charged a Russian businessman with hacking. Moscow had also sought his extradition. "
            'Russia\'s embassy in Washington condemned the move, accusing US authorities of "hunting" Russian citizens '
            "in third countries.",
            dt.date(2021, 12, 21),
            "consequences",
            {("US", "RU", "condemnation")},
        ),
    ],
)
def test_claims_and_denials_that_are_not_made(text, published, category, unexpected):
    assert not unexpected & _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # a person a legal act describes is named in the next sentence
        (
            "KYIV - Ukrainian cyber police arrested a 28-year-old man in Kyiv on suspicion of running a phishing "
            "service. Named by investigators as Oleh Marchenko, he is accused of selling kits that mimicked banks.",
            dt.date(2023, 7, 19),
            "consequences",
            {("UA", "oleh marchenko", "arrest")},
        ),
        (
            "Spain's Civil Guard said on Friday it had arrested an 18-year-old in Alicante on suspicion of hacking "
            "the websites of NATO. Local media identified the suspect as Mario Lozano, a computer science student.",
            dt.date(2022, 11, 11),
            "consequences",
            {("ES", "mario lozano", "arrest")},
        ),
        (
            "BRASILIA - On Wednesday, the Federal Police arrested the man they believe hacked the judiciary's computer "
            "system. "
            "Walter Delgatti Neto, a hacker already known throughout the country, was taken into preventive custody "
            "at his home.",
            dt.date(2023, 8, 2),
            "consequences",
            {("BR", "walter delgatti neto", "arrest")},
        ),
        (
            "Police in Mumbai have arrested two men who allegedly hacked the email account of a pharmaceutical "
            "company. Rahul Kumar, 26, and Sanjay Mahto, 29, were picked up from Jamtara on Wednesday.",
            dt.date(2023, 2, 10),
            "consequences",
            {("IN", "rahul kumar", "arrest"), ("IN", "sanjay mahto", "arrest")},
        ),
        # a person described first and named in apposition
        (
            "Bangladeshi police detained a Sri Lankan man, Shalika Perera, on Sunday in connection with the hack of "
            "the central bank.",
            dt.date(2016, 3, 13),
            "consequences",
            {("BD", "shalika perera", "arrest")},
        ),
        # a reward for information on those behind a hack blames them
        (
            "The State Department on Tuesday offered a reward of up to $10 million for information on Guan Tianfeng, "
            "whom prosecutors accuse of hacking firewalls worldwide.",
            dt.date(2024, 12, 10),
            "attributions",
            {("US", "guan tianfeng")},
        ),
        # takedowns of a named botnet or a gang's leak site
        (
            "The FBI said on Tuesday it had dismantled Qakbot, a botnet used by ransomware gangs to break into "
            "networks.",
            dt.date(2023, 8, 29),
            "consequences",
            {("US", "qakbot", "cyber_operation")},
        ),
        (
            "Britain's National Crime Agency said on Tuesday it had taken control of LockBit's leak site and seized "
            "the source code of the ransomware.",
            dt.date(2024, 2, 20),
            "consequences",
            {("GB", "lockbit", "cyber_operation")},
        ),
    ],
)
def test_readings_of_people_named_later_rewards_and_takedowns(text, published, category, expected):
    assert expected <= _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "unexpected"),
    [
        # a denial in a relative clause is its antecedent's, not the subject's
        (
            "Facebook ties Vietnam-based hacking group to Ho Chi Minh City IT firm, which denies link",
            dt.date(2020, 12, 10),
            "denials",
            {"facebook"},
        ),
        # an attack that disrupts a victim is no takedown
        (
            "Georgia on Thursday said Russian military intelligence was behind a cyberattack last October that took "
            "down thousands of websites and disrupted the broadcasts of major television stations.",
            dt.date(2020, 2, 20),
            "consequences",
            {("GE", "RU", "cyber_operation")},
        ),
    ],
)
def test_readings_that_take_no_party_for_another(text, published, category, unexpected):
    assert not unexpected & _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a spokesperson named first, the office of a state in commas, then the reaction
        (
            "Hackers linked to Beijing penetrated the networks of U.S. telecoms companies, Anne Neuberger told "
            "reporters on Wednesday. Liu Pengyu, a spokesman for the Chinese embassy in Washington, rejected what he "
            'called "groundless" accusations.',
            dt.date(2024, 12, 5),
            {"CN"},
        ),
        # the accusation cut off what is read for the denial; the office before the title
        (
            "Maria Zakharova, the Russian foreign ministry's spokeswoman, on Thursday rejected Washington's "
            "accusation that hackers working for the SVR were behind the SolarWinds breach.",
            dt.date(2021, 4, 15),
            {"RU"},
        ),
        # an embassy without its state is the accused state's
        (
            "The Philippine National Security Council said hackers working for the Chinese government tried to break "
            "into the email systems of the presidential office. The embassy rejected the allegations, saying China "
            "was itself a victim.",
            dt.date(2023, 9, 14),
            {"CN"},
        ),
        # states coordinated as the subject of a denial
        (
            "Poland's digital affairs minister said Russian and Belarusian services were behind a cyberattack on the "
            "state news agency PAP. Both Moscow and Minsk denied involvement.",
            dt.date(2024, 5, 31),
            {"RU", "BY"},
        ),
        # a ministry without its state that rejects the claims is not the accuser's
        (
            "US officials accused Iran of hacking water facilities. Foreign ministry spokesman Nasser Kanaani said on "
            "Saturday the claims were fabricated.",
            dt.date(2024, 2, 3),
            {"IR"},
        ),
    ],
)
def test_denials_by_offices_anaphors_and_coordinated_states(text, published, expected):
    denials = _found(text, published)["denials"]
    assert expected <= denials
    assert not denials - expected


def test_a_denial_told_again_is_not_a_new_one():
    text = (
        "Tehran has denied any involvement. The denial came hours after the FBI said Iran had hacked Donald Trump's "
        "campaign."
    )
    assert _found(text, dt.date(2024, 8, 20))["denials"] == {"IR"}


@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # more shapes of a person named after the measure
        (
            "MOSCOW - Russia's Federal Security Service said on Wednesday it had detained a resident of Tomsk who "
            "carried out denial-of-service attacks on Russian energy companies. The suspect, 26-year-old Nikita Lapin, "
            "has been charged with high treason.",
            dt.date(2024, 8, 21),
            "consequences",
            {("RU", "nikita lapin", "arrest")},
        ),
        (
            "BANGKOK - Thai police arrested four European nationals on the resort island of Phuket on Monday on "
            "suspicion of running a ransomware operation. Hours later the U.S. Justice Department unsealed charges "
            "against two of the men, Russian nationals Roman Berezhnoy, 33, and Egor Nikolaevich Glebov, 39, accusing "
            "them of using Phobos ransomware.",
            dt.date(2025, 2, 11),
            "consequences",
            {("TH", "roman berezhnoy", "arrest"), ("TH", "egor nikolaevich glebov", "arrest")},
        ),
        (
            "TOKYO - Tokyo police have arrested a 25-year-old former factory worker on suspicion of creating "
            "ransomware. Ryuki Hayashi, of Kawasaki, used freely available AI tools to write the program, the police "
            "said.",
            dt.date(2024, 5, 28),
            "consequences",
            {("JP", "ryuki hayashi", "arrest")},
        ),
        (
            "MULTAN, Pakistan - Pakistan's Federal Investigation Agency has taken into custody two brothers accused "
            "of hacking into the e-mail accounts of senior officials. Usman Qureshi, 27, and his brother Bilal "
            "Qureshi, 23, were picked up in a raid on their home.",
            dt.date(2023, 6, 10),
            "consequences",
            {("PK", "usman qureshi", "arrest"), ("PK", "bilal qureshi", "arrest")},
        ),
        # a list of designated people goes on after a listed person's age and description and "as well as"
        (
            "The United States and Britain on Thursday imposed sanctions on seven Russian nationals they said were "
            "members of the Trickbot cybercrime gang. Those designated include Vitaly Kovalev, 35, a senior figure in "
            "the group who was also named in an indictment unsealed in New Jersey, as well as Maksim Mikhailov, "
            "Valentin Karyagin and Ivan Vakhromeyev.",
            dt.date(2023, 2, 9),
            "consequences",
            {("US", "maksim mikhailov", "sanctions"), ("GB", "ivan vakhromeyev", "sanctions")},
        ),
        # "the hackers … were from X"
        (
            "The hackers who broke into JumpCloud were from Labyrinth Chollima, a unit of North Korea's Reconnaissance "
            "General Bureau, CrowdStrike told Reuters on Thursday.",
            dt.date(2023, 7, 20),
            "attributions",
            {("crowdstrike", "labyrinth chollima")},
        ),
        # "linked a product's flaw to X": not the product's maker
        (
            "Kaspersky on Wednesday linked a Google Chrome zero-day exploit used in cyberattacks to North Korea's "
            "Lazarus group.",
            dt.date(2024, 10, 24),
            "attributions",
            {("kaspersky", "KP")},
        ),
        # a namer's clause in the lede's subject
        (
            "A Russian state-sponsored group that Microsoft calls Midnight Blizzard hacked email accounts of senior "
            "executives, Microsoft said on Friday.",
            dt.date(2024, 1, 20),
            "attributions",
            {("microsoft", "midnight blizzard"), ("microsoft", "RU")},
        ),
    ],
)
def test_readings_of_named_people_lists_and_vendor_claims(text, published, category, expected):
    assert expected <= _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            'Russian Foreign Ministry spokeswoman Maria Zakharova dismissed as "spy mania" a Dutch account of how four '
            "GRU officers tried to hack the network of the chemical weapons watchdog.",
            dt.date(2018, 10, 5),
            "RU",
        ),
        (
            "NSO Group, the Israeli surveillance firm sued on Tuesday by WhatsApp over attacks that hacked the phones "
            'of 1,400 users, said it disputed the allegations "in the strongest possible terms".',
            dt.date(2019, 10, 30),
            "nso group",
        ),
        (
            "ROME - Prime Minister Giorgia Meloni's office on Wednesday ruled out that Italy's intelligence services "
            "had spied on journalists whose phones were hacked with spyware.",
            dt.date(2025, 2, 6),
            "IT",
        ),
        (
            "SAN SALVADOR - The government of President Nayib Bukele said on Thursday it had no links to Israel's NSO "
            "Group, after researchers found the phones of 35 journalists had been hacked with the company's spyware.",
            dt.date(2022, 1, 14),
            "SV",
        ),
        (
            "The FBI says Huawei equipment was used by Chinese state hackers to break into U.S. networks. Huawei said "
            'on Thursday the U.S. allegations were "seriously inconsistent with the facts".',
            dt.date(2024, 9, 20),
            "huawei",
        ),
    ],
)
def test_denial_wordings(text, published, expected):
    assert expected in _found(text, published)["denials"]


def test_a_legal_form_after_a_company_name_is_no_company_and_a_state_of_the_us_no_person():
    found = _found(
        "The U.S. Treasury Department on Tuesday imposed sanctions on Sichuan Silence Information Technology Co., "
        "Ltd., a Chengdu-based cybersecurity firm, over a campaign that hacked firewalls. Those designated include "
        "Guan Tianfeng, an employee who was named in an indictment unsealed in New Jersey.",
        dt.date(2024, 12, 10),
    )
    targets = {target for _, target, _ in found["consequences"]}
    assert "ltd." not in targets and "new jersey" not in targets
    assert "guan tianfeng" in targets


def test_a_news_report_citing_a_study_passes_on_the_study_authors_claim():
    found = _found(
        "Chinese state-linked hackers targeted India's power grid, The New York Times reported on Sunday, citing a "
        "study by Massachusetts-based Recorded Future.",
        dt.date(2021, 3, 1),
    )["attributions"]
    assert ("recorded future", "CN") in found
    assert ("new york times", "CN") not in found


def test_a_measure_against_people_is_not_against_the_state_they_are_tied_to():
    """Keys of the studied reports never require the state of people charged, sanctioned, rewarded or arrested as a
    target of that measure (0 of 22 reports with people indicted; 2 of 20 with people sanctioned)."""
    found = _found(
        "The Justice Department on Wednesday charged two Iranian nationals, Masoud Jalili and Yasar Balaghi, with "
        "hacking the email accounts of U.S. officials on behalf of Iran's Revolutionary Guards, and the State "
        "Department offered a reward of up to $10 million for information on them.",
        dt.date(2024, 9, 27),
    )["consequences"]
    assert {("US", "masoud jalili", "indictment"), ("US", "yasar balaghi", "indictment")} <= found
    assert ("US", "IR", "indictment") not in found


def test_a_public_warning_of_attackers_is_awareness_raising():
    found = _found(
        "Britain's National Cyber Security Centre warned on Thursday that hackers working for the Iranian state were "
        "sending tailored phishing emails to British journalists.",
        dt.date(2023, 1, 26),
    )["consequences"]
    assert ("GB", "IR", "awareness_raising") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a list resumed after what describes one of its members
        (
            "The United States, Britain and Australia on Tuesday sanctioned Zservers, a Russia-based bulletproof "
            "hosting provider accused of renting servers to the LockBit ransomware gang, along with two of its Russian "
            "administrators, Alexander Mishin and Aleksandr Bolshakov.",
            dt.date(2025, 2, 11),
            {("US", "alexander mishin", "sanctions"), ("AU", "aleksandr bolshakov", "sanctions")},
        ),
        # the counted people of the measure just told, named as a list; sanctions in the passive with their state
        (
            "Aeza Group, a St. Petersburg-based bulletproof hosting company, and four of its executives were hit with "
            "U.S. sanctions on Tuesday for allegedly hosting ransomware operations. Treasury named the four as Arsenii "
            "Penzev, Yurii Bozoyan, Vladimir Gast and Igor Knyazev.",
            dt.date(2025, 7, 1),
            {
                ("US", "aeza group", "sanctions"),
                ("US", "vladimir gast", "sanctions"),
                ("US", "igor knyazev", "sanctions"),
            },
        ),
    ],
)
def test_lists_of_sanctioned_parties(text, published, expected):
    assert expected <= _found(text, published)["consequences"]


def test_takedowns_of_leak_sites_and_malware():
    found = _found(
        "The FBI and its partners seized the dark web leak site of the BlackCat ransomware gang on Tuesday and "
        "released a decryption tool to more than 500 victims.",
        dt.date(2023, 12, 20),
    )["consequences"]
    assert ("US", "blackcat", "cyber_operation") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "FireEye said on Sunday that hackers had inserted malicious code into updates of SolarWinds' Orion "
            "software, describing the intruders only as a highly skilled actor it tracks as UNC2452.",
            dt.date(2020, 12, 14),
            {("fireeye", "unc2452")},
        ),
        (
            "A Chinese state-backed hacking group has been gaining access to organisations in Taiwan, Microsoft warned "
            "on Thursday. Microsoft calls the group Flax Typhoon and said its activity overlaps with that of another "
            "actor.",
            dt.date(2023, 8, 25),
            {("microsoft", "flax typhoon")},
        ),
        (
            "The supply-chain attack on business phone software maker 3CX was carried out by a North Korea-nexus "
            "cluster of activity tracked as UNC4736, according to preliminary findings released on Tuesday by "
            "Mandiant, which 3CX hired to investigate the breach.",
            dt.date(2023, 4, 12),
            {("mandiant", "unc4736"), ("mandiant", "KP")},
        ),
    ],
)
def test_a_security_firm_naming_the_attackers_blames_the_cluster_it_names(text, published, expected):
    assert expected <= _found(text, published)["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "China on Tuesday rejected accusations by the United States and its allies that it was behind a hack of "
            "Microsoft's Exchange email software.",
            dt.date(2021, 7, 20),
            ("US", "CN"),
        ),
        (
            "An unnamed North Korean foreign ministry spokesman called the U.S. accusation that Pyongyang was behind "
            "the WannaCry cyberattack a grave political provocation.",
            dt.date(2017, 12, 21),
            ("US", "KP"),
        ),
        (
            "Kremlin spokesman Dmitry Peskov rejected London's statement that Russia was behind the NotPetya "
            "cyberattack.",
            dt.date(2018, 2, 15),
            ("GB", "RU"),
        ),
    ],
)
def test_accusations_told_by_those_who_answer_them(text, published, expected):
    assert expected in _found(text, published)["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a sponsor stated of "that group" in the next sentence
        (
            "LONDON - Britain's National Cyber Security Centre said on Thursday it had identified a string of cyber "
            "attacks against political institutions. The agency attributed the campaigns to a group it tracks as "
            "APT28. That group, it said, is run by the GRU, Russia's military intelligence service.",
            dt.date(2018, 10, 4),
            {("GB", "RU"), ("GB", "apt28")},
        ),
        # others' claims made the same
        (
            "The White House on Thursday blamed the Russian military for the June 2017 NotPetya cyber attack. Britain "
            "had made a similar statement hours earlier.",
            dt.date(2018, 2, 16),
            {("GB", "RU")},
        ),
        (
            "The White House formally named Russia's SVR foreign intelligence service as the perpetrator of the "
            "SolarWinds intrusion. Britain and Canada issued statements backing Washington's assessment.",
            dt.date(2021, 4, 15),
            {("GB", "RU"), ("CA", "RU")},
        ),
        # the office of a state first, its holder in commas, then quoted by surname
        (
            "SAN JOSE - Costa Rica's new president, Rodrigo Chaves, declared a national emergency on Sunday over "
            "ransomware attacks. Chaves said the attacks had been carried out by Conti, a Russian-speaking criminal "
            "gang.",
            dt.date(2022, 5, 9),
            {("CR", "conti")},
        ),
    ],
)
def test_claims_across_sentences_and_offices(text, published, expected):
    assert expected <= _found(text, published)["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Russia was behind a cyberattack on satellite company Viasat an hour before its invasion of Ukraine, "
            "Britain, the European Union and the United States said on Tuesday.",
            dt.date(2022, 5, 10),
            {("GB", "RU"), ("US", "RU"), ("european union", "RU")},
        ),
        (
            "The theft of $308 million was carried out by TraderTraitor, a hacking group associated with North Korea, "
            "Japan's National Police Agency and the FBI said in a joint statement on Tuesday.",
            dt.date(2024, 12, 24),
            {("JP", "tradertraitor"), ("US", "tradertraitor"), ("US", "KP")},
        ),
    ],
)
def test_every_reporter_listed_at_the_end_accuses(text, published, expected):
    found = _found(text, published)["attributions"]
    assert expected <= found
    assert ("UA", "RU") not in found


@pytest.mark.parametrize(
    "text",
    [
        "The United States, joined by the European Union, Britain and NATO, on Monday formally accused hackers working "
        "for China's Ministry of State Security of carrying out an intrusion into Microsoft Exchange servers.",
        "The United States and its allies, including NATO, the European Union and Britain, on Monday formally blamed "
        "China for a massive hack of Microsoft Exchange email servers.",
    ],
)
def test_companions_of_the_subject_accuse_with_it(text):
    found = _found(text, dt.date(2021, 7, 19))["attributions"]
    assert {("US", "CN"), ("GB", "CN"), ("european union", "CN"), ("nato", "CN")} <= found


def test_more_verbs_of_attack_in_a_lede():
    found = _found(
        "A China-based hacking group that Microsoft calls Storm-0558 forged authentication tokens to break into "
        "email accounts of about 25 organisations, Microsoft said late on Tuesday.",
        dt.date(2023, 7, 12),
    )["attributions"]
    assert ("microsoft", "storm-0558") in found


@pytest.mark.parametrize(
    ("text", "published", "expected", "unexpected"),
    [
        (
            "The Treasury sanctioned Garantex, a Moscow-based cryptocurrency exchange it said had processed "
            "transactions tied to ransomware actors.",
            dt.date(2022, 4, 5),
            ("US", "garantex", "sanctions"),
            None,
        ),
        (
            "The U.S. Treasury on Wednesday sanctioned Sinbad.io, a virtual currency mixer it described as a "
            "money-laundering tool for North Korea's Lazarus Group.",
            dt.date(2023, 11, 29),
            ("US", "sinbad.io", "sanctions"),
            None,
        ),
        # a person described as "the company's head" is no company
        (
            "The Justice Department charged two FSB officers over the hack of Yahoo. 'The indictment shows the "
            "attacks were state-sponsored,' said Chris Madsen, the company's head of global law enforcement.",
            dt.date(2017, 3, 16),
            None,
            ("US", "chris madsen", "indictment"),
        ),
    ],
)
def test_exchanges_mixers_and_the_unqualified_treasury(text, published, expected, unexpected):
    found = _found(text, published)["consequences"]
    assert expected is None or expected in found
    assert unexpected is None or unexpected not in found


def test_people_a_measure_counts_named_in_a_dashed_list_next():
    found = _found(
        "The State Department offered a reward of up to $10 million for information on six Iranian officials it says "
        "hacked water utility controllers in Pennsylvania. The officials — Hamid Reza Lashgarian, Mahdi Lashgarian, "
        "Hamid Homayunfal and Milad Mansuri — belong to the Islamic Revolutionary Guard Corps.",
        dt.date(2024, 2, 2),
    )["consequences"]
    assert {("US", "hamid reza lashgarian", "reward"), ("US", "milad mansuri", "reward")} <= found


def test_a_charge_dated_to_an_earlier_year_is_no_claim_of_the_report():
    found = _found(
        "Spanish police have arrested a Ukrainian national, Dmytro Levchenko, whom the United States indicted in 2021 "
        "on charges of helping run the Conti ransomware gang, the Interior Ministry said on Saturday.",
        dt.date(2025, 6, 14),
    )["attributions"]
    assert ("US", "conti") not in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "NATO said on Friday that it stood in solidarity with Germany and Czechia, which have blamed a string of "
            "attacks on their institutions on APT28, a group they say is controlled by Russia's GRU.",
            dt.date(2024, 5, 3),
            {("DE", "RU"), ("CZ", "RU"), ("nato", "RU")},
        ),
        (
            "The European Union stands in solidarity with Czechia, which has blamed China for a hacking campaign "
            "against its foreign ministry, High Representative Kaja Kallas said.",
            dt.date(2025, 5, 28),
            {("CZ", "CN"), ("european union", "CN")},
        ),
    ],
)
def test_accusers_in_a_relative_clause_and_those_standing_with_them(text, published, expected):
    assert expected <= _found(text, published)["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "expected", "unexpected"),
    [
        (
            "Vladislav Klyushin was extradited to the United States on Saturday to face charges that he traded on "
            "earnings reports stolen by hacking. Klyushin is innocent, his U.S. lawyer Maksim Nemtsev said on Monday.",
            dt.date(2021, 12, 21),
            "vladislav klyushin",
            "US",
        ),
        (
            "TIRANA, Sept 7 (Reuters) - Albania cut diplomatic ties with Iran over a cyber attack in July that Prime "
            "Minister Edi Rama said had been orchestrated by Tehran, a charge that Iran's foreign ministry, in a "
            'statement issued hours later, rejected as "baseless".',
            dt.date(2022, 9, 7),
            "IR",
            "AL",
        ),
    ],
)
def test_denials_by_clients_and_by_a_ministry_after_a_parenthesis(text, published, expected, unexpected):
    denials = _found(text, published)["denials"]
    assert expected in denials and unexpected not in denials


@pytest.mark.parametrize(
    ("text", "published", "expected", "unexpected"),
    [
        # a passive in the accused's description does not stand for the sentence's active claim
        (
            "Japan's National Police Agency said on Wednesday that hackers had stolen data from defence contractors. "
            "The agency attributed the cyberattacks to MirrorFace, a group it said was linked to the Chinese "
            "government.",
            dt.date(2025, 1, 8),
            ("JP", "mirrorface"),
            None,
        ),
        # a city named with a demonym is a place
        (
            "Investigators said several of the internet addresses used in the attack had been traced to the "
            "northeastern Chinese city of Shenyang, near the North Korean border.",
            dt.date(2015, 3, 17),
            None,
            ("KR", "CN"),
        ),
        # a headline's reduced passive names no accuser
        (
            "Israel linked to cyberattack that paralysed Iranian port, US newspaper reports",
            dt.date(2020, 5, 19),
            None,
            ("IL", "US"),
        ),
    ],
)
def test_passives_places_and_headlines(text, published, expected, unexpected):
    found = _found(text, published)["attributions"]
    assert expected is None or expected in found
    assert unexpected is None or unexpected not in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            'Russia "had nothing to do" with the hacking of Democratic Party emails, Deputy Foreign Minister Sergei '
            "Ryabkov told the state-run RIA news agency on Saturday.",
            dt.date(2018, 7, 14),
            "RU",
        ),
        (
            'A State Department spokesperson said the United States "had no involvement whatsoever" in an outage that '
            "disrupted computer systems at Iran's Shahid Rajaee port, which an Iranian official had blamed on an "
            "American cyberattack.",
            dt.date(2020, 5, 20),
            "US",
        ),
        (
            "The Justice Department charged three Iranian nationals with hacking hundreds of networks. Iran's foreign "
            'ministry dismissed the indictment as "politically motivated".',
            dt.date(2022, 9, 14),
            "IR",
        ),
        (
            "Vladislav Klyushin was extradited to the United States to face charges that he hacked into U.S. computer "
            'networks. His lawyer, Maksim Nefedov, said Klyushin "denies all of the charges".',
            dt.date(2021, 12, 20),
            "vladislav klyushin",
        ),
    ],
)
def test_more_denial_wordings_and_reported_deniers(text, published, expected):
    assert expected in _found(text, published)["denials"]


def test_a_sentence_or_charge_in_the_passive_is_the_reporting_body_s():
    found = _found(
        "Mykola Tkachuk, a Ukrainian national, was sentenced on Wednesday to 11 years in prison for deploying "
        "ransomware against dozens of American businesses, the Justice Department said.",
        dt.date(2024, 5, 2),
    )["consequences"]
    assert ("US", "mykola tkachuk", "prosecution") in found


def test_an_indictment_spoken_of_is_the_court_s_state_not_the_charged_people_s():
    found = _found(
        "PITTSBURGH/WASHINGTON, Oct 19 (Reuters) - Six Russian military intelligence officers were charged on Monday "
        "with carrying out some of the world's most disruptive cyberattacks, including the 2017 NotPetya outbreak. "
        "The indictment, unsealed in Pittsburgh, names Yuriy Andrienko, Sergey Detistov and Pavel Frolov, all "
        "officers of GRU Unit 74455.",
        dt.date(2020, 10, 19),
    )["consequences"]
    assert ("US", "yuriy andrienko", "indictment") in found
    assert ("RU", "yuriy andrienko", "indictment") not in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "PARIS, April 29 - France on Tuesday condemned Russia's military intelligence service for using the "
            "hacking group APT28 against around a dozen French entities since 2021.",
            dt.date(2025, 4, 29),
            ("FR", "RU"),
        ),
        (
            "The United States expelled 10 Russian diplomats, formally naming the SVR as the perpetrator of the "
            "SolarWinds hack. Britain, whose National Cyber Security Centre said it had reached the same conclusion, "
            "summoned the Russian ambassador.",
            dt.date(2021, 4, 15),
            ("GB", "RU"),
        ),
    ],
)
def test_condemning_a_state_for_using_hackers_and_reaching_the_same_conclusion(text, published, expected):
    assert expected in _found(text, published)["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "expected_attributions", "expected_denials"),
    [
        (
            "Germany recalled its ambassador to Russia after the government concluded that hackers working for Russian "
            "military intelligence had broken into email accounts of the Social Democrats. The European Union and NATO "
            "both condemned Russia's cyber campaign, while the Russian Embassy in Berlin rejected the accusations as "
            "unfounded.",
            dt.date(2024, 5, 6),
            {("european union", "RU"), ("nato", "RU")},
            {"RU"},
        ),
        (
            "Georgia, the United States and Britain on Thursday accused Russia's GRU of carrying out a large-scale "
            "cyberattack. Deputy Foreign Minister Andrei Rudenko said Moscow had not carried out and had no plans to "
            "carry out any cyberattacks against Georgia.",
            dt.date(2020, 2, 20),
            {("GE", "RU")},
            {"RU"},
        ),
    ],
)
def test_a_denial_in_its_own_clause_leaves_the_claims_of_the_sentence(
    text, published, expected_attributions, expected_denials
):
    found = _found(text, published)
    assert expected_attributions <= found["attributions"]
    assert found["denials"] == expected_denials


def test_an_accuser_no_one_accuses_denies_nothing_of_its_own():
    found = _found(
        "Taiwan's Investigation Bureau said on Wednesday that APT40, a hacking group controlled by China's state "
        "security ministry, had penetrated the systems of at least 10 government agencies. The Taiwan Affairs Office "
        "in Beijing dismissed the allegation.",
        dt.date(2024, 5, 22),
    )
    assert "TW" not in found["denials"]


def test_reporters_at_the_end_naming_the_culprits():
    found = _found(
        "North Korean hackers stole cryptocurrency worth $308 million from Japanese exchange DMM Bitcoin in May, the "
        "FBI and Japan's National Police Agency said in a joint statement on Monday, naming the culprits as the "
        "TraderTraitor group.",
        dt.date(2024, 12, 24),
    )["attributions"]
    assert {("US", "KP"), ("JP", "KP"), ("US", "tradertraitor"), ("JP", "tradertraitor")} <= found


def test_a_sanctions_regime_spoken_of_is_no_measure():
    found = _found(
        "The FBI blamed North Korea's Lazarus Group for the theft of $100 million from the Harmony bridge. The UN "
        "panel of experts that monitors sanctions on North Korea has described its cyber thefts as a source of money "
        "for its weapons programmes.",
        dt.date(2023, 1, 24),
    )["consequences"]
    assert not {c for c in found if c[2] == "sanctions"}


def test_more_national_agencies_and_a_namer_clause_of_several_words():
    found = _found(
        "THE HAGUE - A previously unknown Russian state-sponsored group that Dutch intelligence agencies have dubbed "
        "Laundry Bear stole work contact details of Dutch police officers in a 2024 breach, the AIVD and MIVD said on "
        "Tuesday.",
        dt.date(2025, 5, 27),
    )["attributions"]
    assert ("NL", "laundry bear") in found


def test_a_possessor_in_a_list_of_accused_gives_way_to_what_it_possesses():
    found = _found(
        "JERUSALEM - Iran and Lebanon's Hezbollah jointly orchestrated an attempted cyberattack on Ziv Medical Center "
        "in the northern city of Safed, Israel's National Cyber Directorate alleged on Tuesday.",
        dt.date(2023, 12, 19),
    )["attributions"]
    assert ("IL", "hezbollah") in found and ("IL", "LB") not in found


def test_a_bounty_on_a_named_person():
    found = _found(
        "The United States on Thursday put a $5 million bounty on Maksim Viktorovich Yakubets, the alleged leader of "
        "Evil Corp, a Russian hacking group it blamed for stealing more than $100 million.",
        dt.date(2019, 12, 6),
    )["consequences"]
    assert ("US", "maksim viktorovich yakubets", "reward") in found


@pytest.mark.parametrize(
    "text, published, category, expected",
    [
        # a family name joined by a hyphen
        (
            "Canadian national Marc-Andre Lafleur-Tremblay, 35, was charged in Tampa on Tuesday with deploying "
            "NetWalker ransomware, the Justice Department said.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "marc-andre lafleur-tremblay", "indictment")},
        ),
        # names of five words
        (
            "The Treasury Department on Friday sanctioned Seyyed Reza Hossein Amiri Tabar, 41, and Nasrin Kazemi, 38, "
            "for ransomware attacks on American hospitals.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "seyyed reza hossein amiri tabar", "sanctions"), ("US", "nasrin kazemi", "sanctions")},
        ),
        # a name given with the initial of the family name only, by a court in a city named with the day after it
        (
            "A regional court in Hamburg on Wednesday sentenced a 33-year-old Ukrainian, identified only as Dmytro H. "
            "under German privacy rules, to four years in prison for ransomware attacks on dozens of companies.",
            dt.date(2024, 5, 2),
            "consequences",
            {("DE", "dmytro h.", "prosecution")},
        ),
        # people listed by name in the sentence after a charge, one of them described in commas (family names first)
        (
            "Prosecutors in Los Angeles unsealed charges against a group of North Korean hackers on Wednesday. Kim "
            "Chol Min, a programmer, Ri Song Su and Pak Yong Nam worked for a trading company in Pyongyang, according "
            "to prosecutors. The State Department offered rewards of up to $5 million for information on the three "
            "men.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "kim chol min", "reward"), ("US", "ri song su", "reward"), ("US", "pak yong nam", "reward")},
        ),
        # people counted, then named: the measure is against them (not the state body they serve, since session 13)
        (
            "Federal prosecutors have charged two officers of China's Ministry of State Security with stealing "
            "aerospace secrets, the Justice Department said. An indictment alleges that Hu Lan and Bo Tao, officers "
            "of the Shanghai bureau of the Ministry of State Security, recruited insiders at a French company.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "hu lan", "indictment"), ("US", "bo tao", "indictment")},
        ),
        # a list of those a measure took, opened by "among them"
        (
            "Britain on Tuesday sanctioned 16 members of the Evil Corp gang. Among them was Eduard Benderskiy, a "
            "former officer of Russia's FSB.",
            dt.date(2024, 10, 1),
            "consequences",
            {("GB", "eduard benderskiy", "sanctions")},
        ),
        # companies listed after "companies", said to be tied to a state: the sanction is against them (since session
        # 12 not against the state, as the keys of the later batches have it; the claim against the state stays)
        (
            "The Treasury sanctioned two companies — Sadaf Pardaz Kish and Arman Rayan Sharif — that it said were "
            "affiliated with Iran's Islamic Revolutionary Guard Corps, over ransomware attacks on hospitals.",
            dt.date(2024, 5, 2),
            "consequences",
            {
                ("US", "sadaf pardaz kish", "sanctions"),
                ("US", "arman rayan sharif", "sanctions"),
            },
        ),
        # a person charged with spying for a state's intelligence service: a claim against that state
        (
            "Federal prosecutors in Karlsruhe have indicted a 41-year-old man, identified only as Andrej K., on "
            "charges of spying for Russian military intelligence by breaking into the email accounts of Bundestag "
            "members.",
            dt.date(2024, 5, 2),
            "attributions",
            {("DE", "RU"), ("DE", "andrej k.")},
        ),
    ],
)
def test_readings_of_names_of_every_shape_and_lists_of_people(text, published, category, expected):
    assert expected <= _found(text, published)[category]


def test_her_and_him_are_the_last_woman_or_man_named_and_a_false_warrant_is_no_measure():
    found = _found(
        "Brazil's attorney general charged Carla Zambelli, a congresswoman, with hacking the judiciary's computer "
        "system to plant a false warrant for the arrest of Alexandre Moraes, a Supreme Court justice. Prosecutors "
        "said the charges against her were based on the testimony of a hacker she had hired.",
        dt.date(2024, 5, 2),
    )["consequences"]
    assert ("BR", "carla zambelli", "indictment") in found and not {c for c in found if c[1] == "alexandre moraes"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # people named in apposition to the demonym that describes them, charged where the indictment was unsealed
        (
            "Two Iranian hackers - Behrouz Parsarad, 34, and Hamid Firoozi, 29 - were charged in an indictment "
            "unsealed in Los Angeles on Wednesday with attacking water utilities.",
            {("US", "behrouz parsarad", "indictment"), ("US", "hamid firoozi", "indictment")},
        ),
        # a person described at length before the passive legal act
        (
            "Ahmad Khatibi, the Iranian programmer who prosecutors say worked for a company in Tehran that supplied "
            "software to several government agencies and who took part in attacks on American hospitals and power "
            "utilities, was named in a criminal complaint filed in Los Angeles and unsealed on Thursday.",
            {("US", "ahmad khatibi", "indictment")},
        ),
        # the suspects of an earlier sentence named in the passive, one of them described
        (
            "Dutch prosecutors said on Monday they had charged three suspected leaders of a ransomware gang. The "
            "suspects were named as Pavel Orlov, a Russian national also wanted in Germany, Irina Sokolova and Oleg "
            "Morozov.",
            {
                ("NL", "pavel orlov", "indictment"),
                ("NL", "irina sokolova", "indictment"),
                ("NL", "oleg morozov", "indictment"),
            },
        ),
    ],
)
def test_charges_against_people_named_in_apposition_at_length_or_in_the_passive(text, expected):
    assert expected <= _found(text, dt.date(2024, 5, 2))["consequences"]


def test_a_court_finding_people_guilty_prosecutes_each():
    found = _found(
        "MOSCOW - A military court in St Petersburg found Artem Volkov, Denis Orlov and Pavel Sokolov guilty on "
        "Friday of running a ransomware gang that extorted companies abroad.",
        dt.date(2024, 10, 25),
    )["consequences"]
    assert {("RU", name, "prosecution") for name in ("artem volkov", "denis orlov", "pavel sokolov")} <= found


@pytest.mark.parametrize(
    "text, expected, unexpected",
    [
        # the list of those sanctioned goes on after "two of its administrators"; supplying a gang is no membership
        (
            "Britain imposed sanctions on Tuesday on Hostvault, a Russia-based hosting provider, and two of its "
            "administrators, Pavel Grekov and Oleg Lavrov, for supplying servers to the LockBit ransomware gang.",
            {("GB", "hostvault", "sanctions"), ("GB", "pavel grekov", "sanctions"), ("GB", "oleg lavrov", "sanctions")},
            {("GB", "lockbit", "sanctions")},
        ),
        # officials counted in a passive sentence, named in the next one with those designated along with the first
        (
            "Four officials of the Cyber-Electronic Command of Iran's Islamic Revolutionary Guard Corps were "
            "sanctioned by the U.S. Treasury on Friday over hacks of water utilities. Ali Reza Kamali, the head of "
            "the command, was designated along with Saeed Rahimi, Milad Kazemi and Reza Amin Tabrizi.",
            {
                ("US", name, "sanctions")
                for name in ("ali reza kamali", "saeed rahimi", "milad kazemi", "reza amin tabrizi")
            },
            set(),
        ),
    ],
)
def test_lists_of_those_sanctioned_that_go_on(text, expected, unexpected):
    found = _found(text, dt.date(2025, 2, 11))["consequences"]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    "text, expected",
    [
        # officers counted in an agentless passive under a dateline, named in the next sentence
        (
            "PITTSBURGH (AP) — Four Russian military intelligence officers were charged Monday with hacking attacks "
            "on Ukraine's power grid. The men, named in the indictment as Oleg Sidorov, Ivan Titov, Pavel Gromov and "
            "Yuri Belov, are all members of GRU Unit 74455.",
            {("US", name, "indictment") for name in ("oleg sidorov", "ivan titov", "pavel gromov", "yuri belov")},
        ),
        # the officers described before the verb of the list, and the others named in a further sentence
        (
            "A grand jury in Pittsburgh indicted four officers of China's People's Liberation Army on charges of "
            "hacking American companies. The officers, members of PLA Unit 61398 in Shanghai, include Li Wei and Zhou "
            "Ming. The others named in the indictment were Chen Bo and Xu Lin.",
            {("US", name, "indictment") for name in ("li wei", "zhou ming", "chen bo", "xu lin")},
        ),
        # a document naming the men, described in commas, as…
        (
            "Three officers of Russia's GRU were charged by the U.S. Justice Department on Monday over the NotPetya "
            "attacks. The indictment names the men, all members of GRU Unit 74455, as Ilya Markov, Boris Zotov and "
            "Anton Kiselev.",
            {("US", name, "indictment") for name in ("ilya markov", "boris zotov", "anton kiselev")},
        ),
    ],
)
def test_people_a_charge_counts_named_in_the_sentences_after(text, expected):
    assert expected <= _found(text, dt.date(2020, 10, 19))["consequences"]


def test_a_reward_for_information_on_the_three_is_for_the_three_named():
    found = _found(
        "Hamid Karimi, 36, Reza Sadeghi, 34, and Ali Nouri, 37, all members of Iran's Revolutionary Guards, were "
        "charged in an indictment unsealed on Friday with hacking a presidential campaign. The State Department "
        "offered a reward of up to $10 million for information on the three.",
        dt.date(2024, 9, 27),
    )["consequences"]
    assert {("US", name, "reward") for name in ("hamid karimi", "reza sadeghi", "ali nouri")} <= found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dateline with a colon, police "of" a city named with a possessive, a suspect identified in the next sentence
        (
            "MUMBAI: The cyber police of Mumbai's West Region on Wednesday arrested a 27-year-old software engineer "
            "from Thane for allegedly breaching the server of a cooperative bank. The accused, identified as Rohan "
            "Kulkarni, had worked for a vendor of the bank.",
            {("IN", "rohan kulkarni", "arrest")},
        ),
        # an administrator described, then named with the initial of the family name only
        (
            "VIENNA - Police in Styria have arrested a 34-year-old IT administrator who paralysed the computer network "
            "of a hospital operator with ransomware, prosecutors said. The man, named as Stefan P., confessed during "
            "questioning, a spokesman said.",
            {("AT", "stefan p.", "arrest")},
        ),
        # where the arrest happened, after when
        (
            "Two of the accused, Paulo Mendes Lima, 31, and Caio Ferreira, 26, were arrested in April in Curitiba "
            "over a ransomware attack on a hospital network.",
            {("BR", "paulo mendes lima", "arrest"), ("BR", "caio ferreira", "arrest")},
        ),
        # captured by a judicial police
        (
            "BOGOTA - Jorge Ivan Salazar, alias 'El Mago', was captured by agents of the CTI judicial police in "
            "Medellin and charged with abusive access to a computer system.",
            {("CO", "jorge ivan salazar", "arrest")},
        ),
    ],
)
def test_arrests_by_police_of_many_places(text, expected):
    assert expected <= _found(text, dt.date(2023, 8, 16))["consequences"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # two men described by age, then identified in the passive
        (
            "WARSAW - Poland's Central Bureau for Combating Cybercrime said on Thursday its officers had detained two "
            "men in Katowice, and prosecutors charged them with selling DDoS attacks. The men, aged 24 and 29, were "
            "identified under Polish privacy law as Marek Z. and Tomasz R.",
            {("PL", "marek z.", "arrest"), ("PL", "tomasz r.", "arrest")},
        ),
        # a person a spokesman names among the suspects, with a description between the names
        (
            "Ugandan police on Wednesday arrested nine people over the hacking of a mobile money platform. Police "
            "spokesman Fred Enanga named two of the suspects as Isaac Okello, a systems administrator, and Grace "
            "Achieng.",
            {("UG", "isaac okello", "arrest"), ("UG", "grace achieng", "arrest")},
        ),
        # a described manager sentenced under a dateline, named by age in the next sentence
        (
            "SINGAPORE - A former bank relationship manager who hacked into the online banking accounts of 14 people "
            "was sentenced to 30 months' jail on Tuesday. Tan Wei Ming, 33, had pleaded guilty to six charges under "
            "the Computer Misuse Act.",
            {("SG", "tan wei ming", "prosecution")},
        ),
        # picked up after a probe
        (
            "PRETORIA - Sipho Nkosi, 31, and Pieter Botha, 36, were picked up on Wednesday after a months-long probe "
            "into the hacking of the Road Accident Fund's payment system, Hawks spokesperson Thandi Mbambo said.",
            {("ZA", "sipho nkosi", "arrest"), ("ZA", "pieter botha", "arrest")},
        ),
    ],
)
def test_people_of_an_arrest_or_a_sentence_named_in_more_ways(text, expected):
    assert expected <= _found(text, dt.date(2024, 5, 2))["consequences"]


def test_ranks_are_no_part_of_names_and_a_hacked_government_does_not_charge():
    found = _found(
        "Three officers of Russia's GRU military intelligence agency were charged in Maryland with conspiring to wreck "
        "Ukrainian government computer systems, the Justice Department said on Thursday. The officers, all members of "
        "GRU Unit 29155, are Colonel Pavel Orlov, Lieutenant Ivan Sokolov and Captain Oleg Mironov.",
        dt.date(2024, 9, 5),
    )["consequences"]
    assert {("US", name, "indictment") for name in ("pavel orlov", "ivan sokolov", "oleg mironov")} <= found
    assert not {c for c in found if c[0] == "UA"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inverted sentence naming those charged, in a list with ages and semicolons
        (
            "PITTSBURGH (AP) — Three officers of Russia's GRU have been charged with the NotPetya attacks, the Justice "
            "Department announced Monday. Named in the indictment returned by a federal grand jury in Pittsburgh are "
            "Oleg Titov, 32; Boris Lagin, 35; and Ivan Zorin, 28.",
            {("US", name, "indictment") for name in ("oleg titov", "boris lagin", "ivan zorin")},
        ),
        # "on them": the people the sentence named before
        (
            "The institute's founders, Hossein Karimi and Reza Sadri, were among those charged, and the Treasury "
            "imposed sanctions on them and on the institute itself.",
            {("US", "hossein karimi", "sanctions"), ("US", "reza sadri", "sanctions")},
        ),
        # people listed with their nationality as the subject of a passive measure with its agents
        (
            "The U.S. Treasury on Tuesday imposed sanctions on a Russian hosting provider and two of its "
            "administrators. The two men, Pavel Lukin, 33, and Denis Gromov, 27, both Russian nationals, were also "
            "designated by Britain and Australia in a coordinated action.",
            {(state, name, "sanctions") for state in ("GB", "AU") for name in ("pavel lukin", "denis gromov")},
        ),
    ],
)
def test_people_named_in_inverted_sentences_pronouns_and_passive_lists(text, expected):
    assert expected <= _found(text, dt.date(2024, 5, 2))["consequences"]


def test_a_minister_named_at_the_end_speaks_for_the_dateline_state_and_a_gang_named_after_a_state_is_a_gang():
    found = _found(
        "OSLO - Russia was responsible for a cyberattack on the parliament's email system in August, Foreign Minister "
        "Ine Soereide said on Tuesday.",
        dt.date(2020, 10, 13),
    )["attributions"]
    assert ("NO", "RU") in found
    found = _found(
        "PODGORICA - A criminal gang known as Cuba Ransomware was behind the cyberattack on Montenegro's government "
        "servers, Public Administration Minister Maras Dukaj told reporters on Wednesday.",
        dt.date(2022, 8, 31),
    )["attributions"]
    assert ("ME", "cuba ransomware") in found and ("ME", "CU") not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a second clause opened by "as" with accusers of its own
        (
            "Norway's government on Monday blamed China for a cyberattack on the parliament, as the United States, "
            "Britain and the European Union accused Beijing of being behind the wider hacking campaign.",
            {("NO", "CN"), ("US", "CN"), ("GB", "CN"), ("european union", "CN")},
        ),
        # agreeing with another state's finding makes it
        (
            "Georgia's Foreign Ministry on Thursday pinned a large-scale cyberattack on Russia's GRU military "
            "intelligence. Britain and the United States, which carried out their own assessments, said they agreed "
            "with the finding.",
            {("GE", "RU"), ("GB", "RU"), ("US", "RU")},
        ),
        # an attempt to knock out power
        (
            "Hackers from Sandworm tried to knock out power to about two million people last week, Ukraine's CERT-UA "
            "said on Tuesday.",
            {("UA", "sandworm")},
        ),
    ],
)
def test_claims_in_an_as_clause_by_agreement_and_of_attempts(text, expected):
    assert expected <= _found(text, dt.date(2022, 4, 12))["attributions"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Venezuela blamed the blackout on a U.S. cyberattack.", ("VE", "US")),
        (
            "CARACAS - The blackout was caused by a U.S. cyberattack on the Guri dam, President Nicolas Maduro said on "
            "Saturday.",
            ("VE", "US"),
        ),
        ("Venezuela said the blackout was caused by Russian hackers.", ("VE", "RU")),
    ],
)
def test_an_attack_a_state_qualifies_is_that_states_and_caused_by_blames(text, expected):
    assert expected in _found(text, dt.date(2019, 3, 9))["attributions"]


def test_an_outage_caused_by_a_fault_blames_no_one():
    assert not _found("The outage was caused by a software fault, the company said.", dt.date(2019, 3, 9))[
        "attributions"
    ]


@pytest.mark.parametrize(
    "listing",
    [
        "The sanctioned individuals are Pavel Orlov, Ivan Sokolov and Oleg Mironov.",
        "The designations target Pavel Orlov, Ivan Sokolov and Oleg Mironov.",
        "Pavel Orlov, Ivan Sokolov and Oleg Mironov were among those designated.",
        "They are Pavel Orlov, Ivan Sokolov and Oleg Mironov.",
        "Among the six are Pavel Orlov, Ivan Sokolov and Oleg Mironov.",
        "Named in the designation are Pavel Orlov, Ivan Sokolov and Oleg Mironov.",
        "Pavel Orlov, Ivan Sokolov and Oleg Mironov, all Russian nationals, were designated.",
    ],
)
def test_those_a_sanction_counted_listed_in_the_next_sentence(listing):
    found = _found(
        "The U.S. Treasury on Tuesday imposed sanctions on six members of a Russian ransomware gang. " + listing,
        dt.date(2024, 5, 2),
    )["consequences"]
    assert {("US", name, "sanctions") for name in ("pavel orlov", "ivan sokolov", "oleg mironov")} <= found


def test_an_exchange_named_after_what_it_is_is_a_company():
    found = _found(
        "The U.S. Treasury on Tuesday sanctioned the cryptocurrency exchange Garantex and its operators Sergey "
        "Mendeleev and Aleksandr Mira Serda over ransomware laundering.",
        dt.date(2024, 5, 2),
    )["consequences"]
    assert ("US", "garantex", "sanctions") in found


def test_charges_brought_against_people_in_a_lede_are_the_dateline_states():
    found = _found(
        "BOGOTA - Charges have been brought against two Colombian men, Andres Felipe Rojas, 28, and Camilo Duarte, 31, "
        "over the hacking of a bank's payment system.",
        dt.date(2024, 5, 2),
    )["consequences"]
    assert {("CO", "andres felipe rojas", "indictment"), ("CO", "camilo duarte", "indictment")} <= found


@pytest.mark.parametrize(
    "text, category, unexpected",
    [
        # a list named after the measure stops where the names stop
        (
            "Dutch prosecutors said on Monday they had charged three suspected leaders of a ransomware gang. The "
            "suspects were named as Pavel Orlov and Irina Sokolova, according to a statement by chief prosecutor Anna "
            "de Vries.",
            "consequences",
            {("NL", "anna de vries", "indictment")},
        ),
        # negated causes, disagreements and acquittals
        ("Venezuela said the blackout was not caused by Russian hackers.", "attributions", {("VE", "RU")}),
        (
            "Georgia blamed Russia's GRU for the attack. China said it disagreed with the finding.",
            "attributions",
            {("CN", "RU")},
        ),
        (
            "A Moscow court found Ivan Petrov not guilty of hacking a bank.",
            "consequences",
            {("RU", "ivan petrov", "prosecution")},
        ),
        # a dateline does not make its state the author of sanctions against people
        (
            "MOSCOW (Reuters) - Ivan Petrov, 31, and Oleg Smirnov, 29, were sanctioned over ransomware attacks.",
            "consequences",
            {("RU", "ivan petrov", "sanctions")},
        ),
        # a trade before a name is not part of it, and lawyers are not charged
        (
            "Lawyers Paula Reyes and Mark Davis said their clients were charged with hacking.",
            "consequences",
            {("US", "lawyers paula reyes", "indictment")},
        ),
    ],
)
def test_readings_the_session_review_found_too_wide(text, category, unexpected):
    assert not unexpected & _found(text, dt.date(2024, 5, 2))[category]


def test_a_label_with_a_colon_is_no_dateline_and_a_us_state_is_the_us():
    found = _found(
        "EXCLUSIVE: Britain charges hackers\nLONDON (Reuters) - British prosecutors charged two men, Tom Hale and Ian "
        "Ross, with hacking a bank.",
        dt.date(2024, 5, 2),
    )["consequences"]
    assert ("GB", "tom hale", "indictment") in found
    found = _found(
        "Christina Chapman was arrested on Wednesday in Arizona over a scheme to help North Korean IT workers.",
        dt.date(2024, 5, 2),
    )["consequences"]
    assert ("US", "christina chapman", "arrest") in found


def test_a_list_is_split_on_the_word_and_not_inside_names_ending_in_it():
    from attribution.extraction.mentions import listed_names

    assert listed_names("Najee Technology Hooshmand Fater and Afkar System Yazd") == [
        "Najee Technology Hooshmand Fater",
        "Afkar System Yazd",
    ]
    assert listed_names("Roland Weber, 34, Bertrand Klein and Ferdinand Roth") == [
        "Roland Weber",
        "Bertrand Klein",
        "Ferdinand Roth",
    ]


@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # a firm tying the group it names to a state with a verb ("it links to"), not a noun ("has links to")
        (
            "BRATISLAVA - Slovak cybersecurity firm ESET warned on Tuesday that Sandworm, a hacking group it links to "
            "Russia's GRU military intelligence, had tried to knock out substations at a Ukrainian energy company.",
            dt.date(2022, 4, 12),
            "attributions",
            ("eset", "RU"),
        ),
        # "…, the company said": the company the sentence names
        (
            "REDMOND, Washington - A Russian state-sponsored hacking group gained access to the email accounts of some "
            "of Microsoft's most senior executives, the company disclosed in a regulatory filing on Friday.",
            dt.date(2024, 1, 20),
            "attributions",
            ("microsoft", "RU"),
        ),
        (
            "Chinese state hackers breached the networks of Germany's interior ministry, the ministry said on Friday.",
            dt.date(2024, 1, 20),
            "attributions",
            ("DE", "CN"),
        ),
        # "The firm, CrowdStrike, said": the name in apposition, and the state the named groups are tied to
        (
            "Russian government hackers broke into the network of the Democratic National Committee. The firm, "
            "CrowdStrike, said two separate groups tied to Russian intelligence, which it calls Cozy Bear and Fancy "
            "Bear, had been inside the network.",
            dt.date(2016, 6, 14),
            "attributions",
            ("crowdstrike", "RU"),
        ),
        (
            "Russian government hackers broke into the network of the Democratic National Committee. The firm, "
            "CrowdStrike, said two separate groups tied to Russian intelligence, which it calls Cozy Bear and Fancy "
            "Bear, had been inside the network.",
            dt.date(2016, 6, 14),
            "attributions",
            ("crowdstrike", "fancy bear"),
        ),
        (
            "Hackers broke into the network of the Democratic National Committee, CrowdStrike said. Kremlin spokesman "
            'Dmitry Peskov said he "completely ruled out" that the Russian government or its agencies were involved.',
            dt.date(2016, 6, 14),
            "denials",
            "RU",
        ),
        # spyware is a cyber matter
        (
            "BELGRADE - Serbian police and the country's main intelligence agency have been secretly infecting the "
            "phones of journalists and activists with a homegrown spyware called NoviSpy, Amnesty International said "
            "on Monday.",
            dt.date(2024, 12, 16),
            "attributions",
            ("amnesty international", "RS"),
        ),
        # "since 2019" in a statement dated today is no background
        (
            "TOKYO - A hacking group known as MirrorFace has carried out a string of cyberattacks on Japan's foreign "
            "and defence ministries since 2019, Japan's National Police Agency said on Wednesday.",
            dt.date(2025, 1, 8),
            "attributions",
            ("JP", "mirrorface"),
        ),
        # Turkish, Polish, Czech letters in names
        (
            "ISTANBUL - Istanbul prosecutors said on Thursday that police had detained a 19-year-old, Emre Yıldız, "
            "known online as 'Sultan', on suspicion of hacking the Health Ministry's vaccination system.",
            dt.date(2023, 1, 19),
            "consequences",
            ("TR", "emre yıldız", "arrest"),
        ),
        # people a measure described, named at the end of its own sentence
        (
            "DHAKA - Two men were detained on Tuesday over the leak of national identity card data through a Telegram "
            "bot, officials of the police's Counter Terrorism and Transnational Crime unit said, identifying them as "
            "Rakibul Hasan and Tanvir Ahmed.",
            dt.date(2023, 10, 17),
            "consequences",
            ("BD", "rakibul hasan", "arrest"),
        ),
    ],
)
def test_claims_and_measures_read_in_session_11(text, published, category, expected):
    assert expected in _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "unexpected"),
    [
        # researchers' belief that a group "has links to" a state is no claim of the government
        (
            "NAIROBI - Kenya's eCitizen portal was hit by a denial-of-service attack this week, and the government "
            "said on Thursday that a group calling itself Anonymous Sudan was responsible. Some cyber security "
            "researchers believe Anonymous Sudan has links to Russia, which the group has denied.",
            dt.date(2023, 7, 27),
            "attributions",
            ("KE", "RU"),
        ),
        # the Royal Canadian Mounted Police did not "mount" an attack
        (
            "Mikhail Vasiliev, 33, is in Canadian custody awaiting extradition, the department said, adding that he "
            "was detained on Oct. 26 after a joint investigation by the FBI and the Royal Canadian Mounted Police.",
            dt.date(2022, 11, 10),
            "attributions",
            ("US", "CA"),
        ),
        # a journalist's nationality does not make her state the sentence's subject
        (
            "SANTO DOMINGO - Dominican investigative journalist Nuria Piera pointed the finger at the state on Tuesday "
            "after Amnesty International found that her phone had been infected with Pegasus spyware.",
            dt.date(2023, 5, 3),
            "attributions",
            ("DO", "amnesty international"),
        ),
    ],
)
def test_readings_of_session_11_stay_narrow(text, published, category, unexpected):
    assert unexpected not in _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the rest of a list named in a later sentence, after a sentence that named some
        (
            "LONDON - Britain and the United States on Thursday jointly sanctioned seven Russian men over their roles "
            "in the Trickbot cybercrime gang. Among those designated were Vitaly Kovalev, 35, described by the U.S. "
            "Treasury as a senior figure in the group, and Valentin Karyagin. The other five were named as Maksim "
            "Mikhailov, Mikhail Iskritskiy, Dmitry Pleshevskiy, Ivan Vakhromeyev and Valery Sedletski.",
            dt.date(2023, 2, 9),
            ("US", "valery sedletski", "sanctions"),
        ),
        # "Two of them are officers of … - A and B -"; a person's group is no target of its own
        (
            "BRUSSELS - The European Union on Monday added six people to its cyber sanctions list over ransomware and "
            "espionage campaigns. Two of them are officers of Russia's Federal Security Service (FSB) - Ruslan "
            "Peretyatko and Andrey Korinets - who the EU Council said belonged to the Callisto Group. Also listed were "
            "Oleksandr Sklianko and Mykola Chernykh of the FSB-backed Armageddon group, which the Council blamed for "
            "attacks on Ukrainian government networks, and Mikhail Tsarev and Maksim Galochkin.",
            dt.date(2024, 6, 24),
            ("european union", "andrey korinets", "sanctions"),
        ),
        (
            "BRUSSELS - The European Union on Monday added six people to its cyber sanctions list over ransomware and "
            "espionage campaigns. Also listed were Oleksandr Sklianko and Mykola Chernykh of the FSB-backed Armageddon "
            "group, which the Council blamed for attacks on Ukrainian government networks, and Mikhail Tsarev and "
            "Maksim Galochkin.",
            dt.date(2024, 6, 24),
            ("european union", "maksim galochkin", "sanctions"),
        ),
        # "the Foreign Office named the pair as…"
        (
            "Britain on Monday sanctioned a Wuhan-based company and two Chinese nationals it said were part of a "
            "state-backed hacking group that targeted British lawmakers. In a statement, the Foreign Office named the "
            "pair as Zhao Guangzong and Ni Gaobin.",
            dt.date(2024, 3, 25),
            ("GB", "ni gaobin", "sanctions"),
        ),
        # a reward offered as a sum "for information on" the people, named in the next sentence
        (
            "The U.S. State Department is offering up to $10 million for information on four Iranian men it says "
            "hacked the networks of American water utilities, according to a Rewards for Justice notice published on "
            "Thursday. The notice names them as Reza Amiri Nejad, Ali Akbar Tavassoli, Mehdi Golzari and Saeed "
            "Hosseini-Fard.",
            dt.date(2024, 8, 22),
            ("US", "mehdi golzari", "reward"),
        ),
    ],
)
def test_measures_against_people_named_in_other_sentences_session_11(text, published, expected):
    assert expected in _found(text, published)["consequences"]


def test_a_measure_against_people_named_later_is_not_against_their_state():
    """ "…for information on four Iranian men… The notice names them as A, B, C and D": the reward is against the
    men; Iran stood for them only until they were named (the claim against Iran stays)."""
    found = _found(
        "The U.S. State Department is offering up to $10 million for information on four Iranian men it says hacked "
        "the networks of American water utilities on behalf of the Revolutionary Guards, according to a Rewards for "
        "Justice notice published on Thursday. The notice names them as Reza Amiri Nejad, Ali Akbar Tavassoli, Mehdi "
        "Golzari and Saeed Hosseini-Fard.",
        dt.date(2024, 8, 22),
    )
    assert ("US", "reza amiri nejad", "reward") in found["consequences"]
    assert ("US", "IR", "reward") not in found["consequences"]
    assert ("US", "IR") in found["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # a group the report introduces by what it is
        (
            "JAKARTA - Indonesia's national cyber agency said on Monday that a ransomware attack which paralysed a "
            "national data centre had been carried out by Brain Cipher, a group using a new variant of the LockBit "
            "3.0 malware.",
            dt.date(2024, 6, 24),
            "attributions",
            ("ID", "brain cipher"),
        ),
        (
            "MUMBAI - Maharashtra Cyber, the state police's cybercrime wing, said on Thursday that a Pakistan-based "
            "hacktivist group calling itself Team Insane PK had defaced more than 70 Indian websites.",
            dt.date(2023, 10, 19),
            "attributions",
            ("IN", "team insane pk"),
        ),
        (
            "MOSCOW - Russia's Foreign Ministry on Thursday accused the so-called IT Army of Ukraine of carrying out "
            "a wave of cyberattacks on Russian internet providers, saying the group was 'directly controlled' by Kyiv.",
            dt.date(2024, 3, 28),
            "attributions",
            ("RU", "it army of ukraine"),
        ),
        (
            "MOSCOW - Russia's Foreign Ministry on Thursday accused the so-called IT Army of Ukraine of carrying out "
            "a wave of cyberattacks on Russian internet providers, saying the group was 'directly controlled' by Kyiv.",
            dt.date(2024, 3, 28),
            "attributions",
            ("RU", "UA"),
        ),
        # the victims told between the activities and "by"; an element name of an old vendor scheme
        (
            "BRUSSELS - Belgium's government said on Monday it had detected malicious cyber activities against its "
            "interior ministry and armed forces by Chinese state-linked groups known as APT27, APT30, APT31 and "
            "Gallium.",
            dt.date(2021, 7, 19),
            "attributions",
            ("BE", "gallium"),
        ),
        # a hedge in a closing "and X said" clause leaves the denial before it whole
        (
            "Germany accused Russian military intelligence of hacking. The Kremlin rejected the allegations as "
            "unsubstantiated, and Russia's embassy said the German side had presented no evidence.",
            dt.date(2024, 5, 6),
            "denials",
            "RU",
        ),
        (
            'BERLIN - Germany accused Russia on Friday of a cyberattack on the Social Democrats. "State-sponsored '
            "Russian hackers attacked Germany in cyberspace. This is absolutely intolerable and will not remain "
            'without consequences," Foreign Minister Annalena Baerbock said during a visit to Australia.',
            dt.date(2024, 5, 3),
            "consequences",
            ("DE", "RU", "pledged_response"),
        ),
    ],
)
def test_groups_answers_and_pledges_read_in_session_11(text, published, category, expected):
    assert expected in _found(text, published)[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "unexpected"),
    [
        # where a criminal gang operates from is not whom it works for
        (
            "WASHINGTON - The FBI confirmed on Monday that DarkSide, a ransomware group believed to operate from "
            "Russia or Eastern Europe, was responsible for the attack that forced Colonial Pipeline to shut down, and "
            "President Joe Biden said there was 'no evidence' so far that the Russian government was involved.",
            dt.date(2021, 5, 10),
            "attributions",
            ("US", "RU"),
        ),
        # the country a minister visits is no target of her pledge
        (
            'BERLIN - Germany accused Russia on Friday of a cyberattack on the Social Democrats. "State-sponsored '
            "Russian hackers attacked Germany in cyberspace. This is absolutely intolerable and will not remain "
            'without consequences," Foreign Minister Annalena Baerbock said during a visit to Australia.',
            dt.date(2024, 5, 3),
            "consequences",
            ("DE", "AU", "pledged_response"),
        ),
        # "The Medusa ransomware group": the article is no part of the name
        (
            "MANILA - The Medusa ransomware group was responsible for the attack that shut down the Philippine Health "
            "Insurance Corp's systems on Friday, the department said.",
            dt.date(2023, 9, 25),
            "attributions",
            ("PH", "the medusa"),
        ),
    ],
)
def test_readings_of_session_11_round_3_stay_narrow(text, published, category, unexpected):
    assert unexpected not in _found(text, published)[category]


def test_a_list_of_measures_told_in_the_past_goes_on_in_the_background():
    """ "The U.S. Justice Department charged Matveev in May 2023…, and the Treasury sanctioned him the same day. The
    State Department offered up to $10 million for information leading to his arrest.": the same paragraph goes on
    with what was done then, not with news of the report's day."""
    found = _found(
        "MOSCOW - Russian police have charged a 32-year-old programmer, Mikhail Matveev, with creating ransomware.\n\n"
        "The U.S. Justice Department charged Matveev in May 2023 with using the LockBit, Babuk and Hive ransomware "
        "strains against thousands of victims, and the Treasury sanctioned him the same day. The State Department "
        "offered up to $10 million for information leading to his arrest or conviction.",
        dt.date(2024, 11, 29),
    )["consequences"]
    assert ("RU", "mikhail matveev", "indictment") in found
    assert not any(agent == "US" for agent, _, _ in found)


@pytest.mark.parametrize(
    ("text", "published", "category", "unexpected"),
    [
        # a gang the report calls criminal is not sponsored by the state it works from
        (
            "SAN JOSE - Costa Rica's President Rodrigo Chaves has declared a national emergency over ransomware "
            "attacks that his government blamed on the Russian-speaking criminal group Conti. Some analysts have "
            "suggested that Conti operates from Russia with the tacit tolerance of the authorities there.",
            dt.date(2022, 5, 9),
            "attributions",
            ("CR", "RU"),
        ),
        # a person sent to face charges is no expelled diplomat
        (
            "Instagram celebrity 'Hushpuppi' expelled from Dubai to face US fraud charges\n\nLOS ANGELES (AP) - A "
            "Nigerian man who flaunted private jets to millions of Instagram followers has been flown from Dubai to "
            "the United States to face charges that he laundered money stolen through email hacking schemes, federal "
            "prosecutors said Friday.",
            dt.date(2020, 7, 3),
            "consequences",
            ("US", "AE", "expelled_diplomats"),
        ),
    ],
)
def test_readings_of_session_11_round_4_stay_narrow(text, published, category, unexpected):
    assert unexpected not in _found(text, published)[category]


def test_a_sanctions_list_goes_on_after_a_relative_clause_describing_its_first_member():
    found = _found(
        "LONDON - China state-affiliated actors hacked the Electoral Commission, Britain said. Britain sanctioned "
        "Wuhan Xiaoruizhi Science and Technology Company, which it described as a front company for China's Ministry "
        "of State Security, and two of its alleged operatives, Zhao Guangzong and Ni Gaobin.",
        dt.date(2024, 3, 25),
    )["consequences"]
    assert ("GB", "ni gaobin", "sanctions") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "The pair were arrested…": the people named before, as the subject of a passive measure
        (
            "LONDON - Thalha Jubair, 19, and Owen Flowers, 18, were charged with hacking Transport for London, "
            "Britain's National Crime Agency said. The pair were arrested at their homes on Tuesday by NCA officers "
            "and City of London Police.",
            dt.date(2025, 9, 18),
            ("GB", "owen flowers", "arrest"),
        ),
        # "the trio": three people named before
        (
            "BEIJING - Chinese police have accused three agents of the US National Security Agency of carrying out "
            "cyberattacks during the Asian Winter Games. The Harbin public security bureau named the three as Katheryn "
            "A. Wilson, Robert J. Snelling and Stephen W. Johnson. Police offered rewards for information leading to "
            "the capture of the trio.",
            dt.date(2025, 4, 15),
            ("CN", "robert j. snelling", "reward"),
        ),
    ],
)
def test_people_named_before_and_referred_to_by_number(text, published, expected):
    assert expected in _found(text, published)["consequences"]


@pytest.mark.parametrize(
    ("text", "published", "category", "expected"),
    [
        # the "to" of a party after a relative clause with its own "to" and year
        (
            "Berlin said it could now clearly attribute the campaign, which exploited a then-unknown vulnerability in "
            "Microsoft Outlook to access SPD email accounts in early 2023, to APT28, also known as Fancy Bear.",
            dt.date(2024, 5, 6),
            "attributions",
            ("DE", "apt28"),
        ),
        # "…activities, including those carried out by APT28": the group too
        (
            "Russian hackers hacked the SPD. NATO's North Atlantic Council also condemned Russia's malicious cyber "
            "activities, including those carried out by APT28, and expressed solidarity with Berlin and Prague.",
            dt.date(2024, 5, 6),
            "attributions",
            ("nato", "apt28"),
        ),
    ],
)
def test_claims_read_in_session_11_round_5(text, published, category, expected):
    assert expected in _found(text, published)[category]


def test_a_measure_a_state_will_seek_is_not_taken():
    found = _found(
        "BERLIN - Germany summoned the Russian ambassador on Thursday over the 2015 cyberattack on the Bundestag and "
        "said it would seek European Union sanctions against those responsible, among them a Russian military "
        "intelligence officer wanted by German prosecutors.",
        dt.date(2020, 5, 28),
    )["consequences"]
    assert not any(kind == "sanctions" for _, _, kind in found)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a group named in quotes after "calling itself"
        (
            "SANTIAGO - Chile's Interior Ministry on Tuesday blamed a hacker group calling itself 'Cuervo Team' for a "
            "ransomware attack that knocked out the online services of the Civil Registry.",
            dt.date(2024, 8, 13),
            ("CL", "cuervo team"),
        ),
        # a group of one word in apposition to what it is
        (
            "DAKAR - Senegal's finance ministry said on Wednesday it had filed a criminal complaint against DarkRaid, "
            "a ransomware gang it said had encrypted servers of the Directorate General of Taxes.",
            dt.date(2024, 10, 30),
            ("SN", "darkraid"),
        ),
        # the victims told between the attacks and "by"
        (
            "ABU DHABI - The United Arab Emirates' Cyber Security Council said on Monday it had repelled attacks on "
            "government websites during last week's Federal National Council elections by Cyb3r Drag0nz, a hacktivist "
            "group it said had tried to disrupt the vote.",
            dt.date(2023, 10, 9),
            ("AE", "cyb3r drag0nz"),
        ),
    ],
)
def test_groups_of_new_names_read_in_session_11(text, published, expected):
    assert expected in _found(text, published)["attributions"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "…, naming the new defendants as A, 31, and B, 27"
        (
            "The Justice Department on Wednesday charged two more North Korean military hackers in a scheme to steal "
            "more than $1.3 billion from banks. \"North Korea's operatives are the world's leading bank robbers,\" "
            "Assistant Attorney General John Demers said, naming the new defendants as Jon Chang Hyok, 31, and Kim "
            "Il, 27.",
            dt.date(2021, 2, 17),
            ("US", "kim il", "indictment"),
        ),
        # "who has led the GRU since 2018": a state lasting until now, no background
        (
            "The European Union imposed asset freezes and travel bans on Thursday on the head of Russia's GRU military "
            "intelligence and one of the agency's officers over the cyberattack on the German parliament. In its "
            "Official Journal, the bloc named them as Igor Olegovich Kostyukov, who has led the GRU since 2018, and "
            "Dmitry Sergeyevich Badin, described as a member of the military hacking unit 26165.",
            dt.date(2020, 10, 22),
            ("european union", "dmitry sergeyevich badin", "sanctions"),
        ),
    ],
)
def test_people_named_after_a_measure_read_in_session_11_round_6(text, published, expected):
    assert expected in _found(text, published)["consequences"]


def test_a_list_resumed_with_of_after_an_asset_freeze():
    found = _found(
        "Britain, together with the United States and Australia, froze the assets of Zservers, a Russia-based "
        "bulletproof hosting provider accused of supplying servers to the LockBit ransomware gang, and of two of its "
        "Russian administrators, Alexander Mishin and Aleksandr Bolshakov.",
        dt.date(2025, 2, 11),
    )["consequences"]
    assert ("AU", "aleksandr bolshakov", "sanctions") in found


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the accusers listed "together with" past a body the gazetteer does not know
        (
            "Chinese hackers spied on Guam. In a joint advisory, the US National Security Agency, the FBI and the "
            "Cybersecurity and Infrastructure Security Agency, together with the Australian Signals Directorate, "
            "Canada's Communications Security Establishment, New Zealand's Government Communications Security Bureau "
            "and Britain's National Cyber Security Centre, said the intrusions were the work of Volt Typhoon.",
            dt.date(2023, 5, 25),
            ("NZ", "volt typhoon"),
        ),
        # a lede that ends "…, Microsoft and intelligence agencies say."
        (
            "A Chinese state-sponsored hacking group has been spying on critical infrastructure in the United States, "
            "including on the Pacific island of Guam, Microsoft and intelligence agencies from the Five Eyes alliance "
            "say.",
            dt.date(2023, 5, 25),
            ("microsoft", "CN"),
        ),
    ],
)
def test_accusers_read_in_session_11_round_7(text, published, expected):
    assert expected in _found(text, published)["attributions"]


def test_a_headline_of_several_accusers_saying_is_no_closing_reporter():
    found = _found(
        "EU, UK and US say Russia was behind satellite hack at start of Ukraine invasion\n\nThe European Union, "
        "Britain and the United States on Tuesday blamed Russia for a cyberattack on a satellite network.",
        dt.date(2022, 5, 10),
    )["attributions"]
    assert ("GB", "european union") not in found and ("GB", "RU") in found


def test_a_sanctions_list_resumed_with_nationals_after_a_relative_clause():
    found = _found(
        "The European Union on Thursday imposed its first-ever sanctions over cyber-attacks, targeting the Main Centre "
        "for Special Technologies of Russia's GRU military intelligence, which it blamed for the NotPetya attack, as "
        "well as two Chinese nationals, Gao Qiang and Zhang Shilong, over the 'Operation Cloud Hopper' campaign.",
        dt.date(2020, 7, 30),
    )["consequences"]
    assert ("european union", "zhang shilong", "sanctions") in found


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a day standing alone before ", a hacking group" is no group's name
        ("Ukraine said on Friday, a hacking group linked to Russia attacked its banks.", ("UA", "friday")),
        # the victims told between "attacks on" and "by" stop at a verb
        ("Attacks on the ministry's servers were detected by Microsoft, Germany said.", ("DE", "microsoft")),
    ],
)
def test_the_session_11_review_narrowed_these_readings(text, unexpected):
    assert unexpected not in _found(text, dt.date(2024, 6, 5))["attributions"]


def test_so_called_names_a_band_of_hackers_only_when_its_own_words_say_so():
    from attribution.extraction.gazetteer import NAMED_GROUP_PATTERN

    def so_called(text):
        return [m.group("name8") for m in NAMED_GROUP_PATTERN.finditer(text) if m.group("name8")]

    assert so_called("It blamed the so-called IT Army of Ukraine for the attacks.") == ["IT Army of Ukraine"]
    assert so_called("The so-called Great Firewall built by the Cyberspace Administration Team was used.") == []


def test_a_closing_anaphor_stands_for_a_named_body():
    found = _found("Russian hackers breached the networks of the FBI, the bureau said.", dt.date(2024, 6, 5))
    assert ("US", "RU") in found["attributions"]


def test_a_judging_word_that_describes_one_thing_answers_nothing():
    found = _found(
        "Poland's digital affairs minister said Russia was behind a cyberattack on the Polish Press Agency, during "
        "which a fabricated report announcing a mobilisation appeared twice on its newswire.",
        dt.date(2024, 5, 31),
    )
    assert found["denials"] == set() and ("PL", "RU") in found["attributions"]
    said_of_it = _found(
        'Seoul accused Pyongyang of the hack. North Korea\'s ambassador said the allegations were "a fabrication".',
        dt.date(2024, 5, 31),
    )
    assert said_of_it["denials"] == {"KP"}


def test_a_sponsor_state_named_in_a_quoted_apposition():
    found = _found(
        "The FBI and Canada's Communications Security Establishment said the intrusions were the work of Volt Typhoon, "
        '"a People\'s Republic of China state-sponsored cyber actor".',
        dt.date(2023, 5, 25),
    )["attributions"]
    assert {("US", "CN"), ("CA", "CN"), ("US", "volt typhoon")} <= found


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (
            # the agent of "unsealed an indictment" stands right before it, past the article
            "Estonia charged three GRU officers over the 2020 attack. The Estonian announcement was coordinated with "
            "Washington, where the Justice Department on Thursday unsealed an indictment charging Vladislav Borovkov "
            "and Denis Denisenko with conspiring to destroy Ukrainian government computer systems.",
            ("US", "vladislav borovkov", "indictment"),
            ("EE", "vladislav borovkov", "indictment"),
        ),
        (
            # a generic body in a "where" clause belongs to the place before it
            "Britain blamed the gang for the attack. The operation was coordinated with the Netherlands, where police "
            "arrested two men, Jan de Vries, 31, and Pieter Bakker, 28.",
            ("NL", "jan de vries", "arrest"),
            ("GB", "jan de vries", "arrest"),
        ),
        (
            # "against both": the people the sentence named before
            "The two men, FSB officer Ruslan Peretyatko and Andrey Korinets, are members of Star Blizzard, the Foreign "
            "Office said, and the U.S. Justice Department unsealed an indictment against both the same day.",
            ("US", "andrey korinets", "indictment"),
            ("US", "RU", "indictment"),
        ),
        (
            # the actors a relative clause right before the measure is about
            "Australia imposed cyber sanctions on Aleksandr Ermakov, 33, over the Medibank hack. Foreign Minister "
            "Penny Wong said the government had worked closely with the United States and the United Kingdom, which "
            "announced their own sanctions against Mr Ermakov overnight.",
            ("GB", "aleksandr ermakov", "sanctions"),
            ("AU", "GB", "sanctions"),
        ),
    ],
)
def test_who_takes_a_measure_and_against_whom_in_clauses_of_their_own(text, expected, unexpected):
    found = _found(text, dt.date(2024, 9, 6))["consequences"]
    assert expected in found and unexpected not in found


def test_an_arrest_warrant_is_no_arrest():
    found = _found(
        "BERLIN - Germany summoned Russia's ambassador on Thursday after federal prosecutors issued an arrest warrant "
        "for Dmitry Badin, a Russian military intelligence officer they accuse of hacking the Bundestag. A court "
        "later issued a warrant for the arrest of his colleague, Ivan Sokolov.",
        dt.date(2020, 5, 28),
    )["consequences"]
    assert not any(kind == "arrest" for _, _, kind in found) and ("DE", "RU", "summoned_ambassador") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Australia sanctions Russian hacker Aleksandr Ermakov over Medibank hack\n\nThe government said the "
            "sanctions were its first.",
            {("AU", "aleksandr ermakov", "sanctions")},
        ),
        (
            "US charges Russian hacker Ivan Petrov over ransomware attacks\n\nThe case was filed in New Jersey.",
            {("US", "ivan petrov", "indictment")},
        ),
        # people named only by their state in a headline are named in the report's body, not their state
        ("US charges three Iranians over Trump campaign hack\n\nThe case was filed in Washington.", set()),
    ],
)
def test_a_headline_in_the_present_tense_takes_its_measure(text, expected):
    assert _found(text, dt.date(2024, 9, 27))["consequences"] == expected


def test_identified_by_a_body_as_the_one_behind_the_attack():
    found = _found(
        "Aleksandr Ermakov, 33, was identified by the Australian Federal Police and the Australian Signals Directorate "
        "as the person behind the attack, in which the records of 9.7 million customers were stolen.",
        dt.date(2024, 1, 23),
    )["attributions"]
    assert found == {("AU", "aleksandr ermakov")}


def test_a_news_organisation_named_by_its_kind_is_no_state():
    found = _found(
        "The United States on Wednesday denied a report by French news magazine L'Express that it was behind a cyber "
        "attack on the Elysee Palace. Danish public broadcaster DR (Danmarks Radio) reported on Sunday that the NSA "
        "had tapped into Danish internet cables.",
        dt.date(2012, 11, 21),
    )
    assert not {("FR", "US"), ("DK", "US")} & found["attributions"]
    state_voice = _found(
        "Seoul accused Pyongyang of the hack. North Korea's official news agency KCNA called the accusation "
        '"a fabrication".',
        dt.date(2024, 5, 31),
    )
    assert state_voice["denials"] == {"KP"}


def test_a_dateline_with_a_region_and_a_passive_headline_with_its_agent():
    found = _found(
        "HAMILTON, Ontario, March 16 (Reuters) - Karim Baratov, a 22-year-old Canadian charged by the United States "
        "with helping Russian intelligence officers hack Yahoo, appeared briefly in a Hamilton court on Thursday.",
        dt.date(2017, 3, 16),
    )["consequences"]
    assert found == {("US", "karim baratov", "indictment")}
    headline = _found("Kosovo hacker held in Malaysia charged by U.S. with aiding Islamic State", dt.date(2015, 10, 15))
    assert ("XK", "US") not in headline["attributions"] and ("US", "XK", "indictment") in headline["consequences"]


def test_the_korean_national_police_agency_is_south_korean():
    found = _found(
        "The Korean National Police Agency said the groups known as Andariel and Kimsuky had compromised about 10 "
        "defence companies since late 2022.",
        dt.date(2024, 4, 23),
    )["attributions"]
    assert ("KR", "kimsuky") in found


def test_people_named_in_a_list_in_semicolons_after_a_designation():
    found = _found(
        "The Treasury sanctioned Aeza Group on Tuesday. The designations cover Aeza Group LLC and two Russian "
        "affiliates, Aeza Logistic LLC and Cloud Solutions LLC. Four people were also named: Arsenii Penzev, Aeza's "
        "chief executive; Yurii Bozoyan, its general director; and Igor Knyazev, a part-owner who the Treasury said "
        "has run the business. All property of the designated parties in the United States is frozen.",
        dt.date(2025, 7, 2),
    )["consequences"]
    assert {("US", name, "sanctions") for name in ("arsenii penzev", "yurii bozoyan", "igor knyazev")} <= found
    assert ("US", "aeza logistic llc", "sanctions") in found and ("US", "RU", "sanctions") not in found


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        (
            # an arrest reported by the court that ordered it, at another state's request
            "U.S. prosecutors charged Peter Levashov, 36, with running the Kelihos botnet. Levashov was detained on "
            "Friday at the request of U.S. authorities on an international warrant, Spain's National Court said.",
            ("ES", "peter levashov", "arrest"),
            ("US", "peter levashov", "arrest"),
        ),
        (
            # a court named before "where" brings the indictment unsealed there
            "Israel extradited Aleksei Burkov, 29, to the United States on Monday. On Tuesday he appeared before a "
            "federal court in Alexandria, Virginia, where an indictment against him was unsealed.",
            ("US", "aleksei burkov", "indictment"),
            ("IL", "aleksei burkov", "indictment"),
        ),
        (
            # "In" opening a sentence is no given name
            "Britain and the United States identified Russian national Dmitry Khoroshev, 31, as the administrator of "
            "LockBit. In New Jersey, U.S. prosecutors unsealed an indictment against him.",
            ("US", "dmitry khoroshev", "indictment"),
            ("US", "in new jersey", "indictment"),
        ),
    ],
)
def test_who_arrests_and_charges_when_others_asked_or_a_court_is_named(text, expected, unexpected):
    found = _found(text, dt.date(2019, 11, 12))["consequences"]
    assert expected in found and unexpected not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "Mr. Vasiliev" charged is the "Mikhail Vasiliev" named in full before
            "BRADFORD, Ont. — Neighbours knew Mikhail Vasiliev as a polite man. The U.S. Justice Department announced "
            "on Thursday that Mr. Vasiliev, 33, a dual Russian and Canadian national, had been charged in a criminal "
            "complaint filed in federal court in New Jersey.",
            ("US", "mikhail vasiliev", "indictment"),
        ),
        (
            # a dateline in capitals with an accent; the police named after a long "where" phrase
            "SÃO PAULO — João Nazareno Roque told police he had sold his password. Mr. Roque was arrested on Thursday "
            "night in the north of São Paulo by officers of the cybercrime division of the São Paulo state Civil "
            "Police.",
            ("BR", "joão nazareno roque", "arrest"),
        ),
        (
            # the verb after an opening phrase that names the document; a dateline with a state's abbreviation
            "LITCHFIELD PARK, Ariz. — The Justice Department on Thursday unsealed an indictment charging Christina "
            "Marie Chapman, 49, with helping North Korean IT workers. In a separate "
            "indictment unsealed the same day, prosecutors charged Oleksandr Didenko, 27, a Ukrainian national from "
            "Kyiv, with running a business that sold fake accounts.",
            ("US", "oleksandr didenko", "indictment"),
        ),
    ],
)
def test_people_and_agents_of_feature_style_reports(text, expected):
    assert expected in _found(text, dt.date(2024, 5, 16))["consequences"]


def test_an_arrest_spoken_of_as_the_product_of_an_investigation_is_no_new_arrest():
    found = _found(
        "Canadian police arrested Mikhail Vasiliev, 33, last month. Deputy Attorney General Lisa Monaco said the "
        "arrest was the product of more than two years of investigation into LockBit.",
        dt.date(2022, 11, 10),
    )["consequences"]
    assert not any(target == "lockbit" for _, target, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry's networks were hacked by Russia, Germany said on Sunday.", ("DE", "RU")),
        ("Germany said the ministry's networks were breached by Russian hackers.", ("DE", "RU")),
        (
            "The phones of dozens of journalists were hacked by Saudi Arabia, Citizen Lab said on Sunday.",
            ("citizen lab", "SA"),
        ),
        (
            "Chinese hackers breached the networks of Indonesia's intelligence agency. Recorded Future assesses that "
            'the activity is "very likely" the work of Mustang Panda.',
            ("recorded future", "mustang panda"),
        ),
    ],
)
def test_a_deed_in_the_passive_with_its_doer(text, expected):
    assert expected in _found(text, dt.date(2021, 9, 10))["attributions"]


def test_a_named_body_reporting_people_charged_with_their_ages():
    found = _found(
        "The U.S. Justice Department said Roman Berezhnoy, 33, and Egor Nikolaevich Glebov, 39, were charged with "
        "conspiracy to commit wire fraud and extortion over ransomware attacks.",
        dt.date(2025, 2, 11),
    )["consequences"]
    assert found == {("US", "roman berezhnoy", "indictment"), ("US", "egor nikolaevich glebov", "indictment")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Czech Republic condemned Russian cyberattacks on its foreign ministry.", ("CZ", "RU", "condemnation")),
        (
            "In a joint technical report, cyber security agencies from Britain and Canada said the malware had been "
            "deployed by Russia's GRU.",
            ("GB", "RU", "awareness_raising"),
        ),
    ],
)
def test_condemned_attacks_of_a_state_and_a_joint_report(text, expected):
    assert expected in _found(text, dt.date(2023, 8, 31))["consequences"]


@pytest.mark.parametrize(
    "text",
    [
        "According to Germany, Russia carried out the cyberattack on the Social Democrats.",
        'Germany said Russia was "clearly responsible" for the cyberattack on the Social Democrats.',
        'Russia was "clearly behind" the cyberattack on the Social Democrats, Germany said.',
    ],
)
def test_claims_told_through_according_to_and_quoted_words(text):
    assert ("DE", "RU") in _found(text, dt.date(2024, 6, 5))["attributions"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a habit of denying deeds in general answers nothing in this report
        ("Germany blamed Russia for the attack. Moscow has repeatedly denied carrying out cyberattacks.", set()),
        # …but a denial of this deed, however often repeated, does
        ("Germany blamed Russia for the attack. The Kremlin has repeatedly denied any role in the attack.", {"RU"}),
        ("Germany blamed Russia for the attack. Moscow described the accusations as Russophobic.", {"RU"}),
    ],
)
def test_denials_of_habit_and_of_this_deed(text, expected):
    assert _found(text, dt.date(2024, 6, 5))["denials"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two Russian diplomats were expelled by Germany.", ("DE", "RU", "expelled_diplomats")),
        ("Germany handed a protest note to the Russian ambassador.", ("DE", "RU", "protest_note")),
        ("Germany warned of retaliation.", ("DE", "RU", "pledged_response")),
        ("Berlin said it would take countermeasures.", ("DE", "RU", "pledged_response")),
    ],
)
def test_diplomatic_measures_in_more_words(text, expected):
    found = _found("Germany blamed Russia for the cyberattack on the Social Democrats. " + text, dt.date(2024, 6, 5))
    assert expected in found["consequences"]
    assert ("RU", "DE", "expelled_diplomats") not in found["consequences"]


def test_people_and_firms_listed_in_a_sanctions_report():
    found = _found(
        "The European Union on Thursday imposed its first-ever sanctions over cyberattacks. Four officers of Russia's "
        "GRU military intelligence service, Alexey Minin, Aleksei Morenets, Evgenii Serebriakov and Oleg Sotnikov, "
        "were listed for the attempt to break into the OPCW's Wi-Fi network. North Korean firm Chosun Expo was also "
        "listed.",
        dt.date(2020, 7, 30),
    )["consequences"]
    assert {("european union", name, "sanctions") for name in ("alexey minin", "oleg sotnikov", "chosun expo")} <= found
    assert ("european union", "KP", "sanctions") not in found and not any(a == "opcw" for a, _, _ in found)


def test_people_described_by_a_measure_then_named_one_sentence_each():
    found = _found(
        "On Friday, the US Treasury Department's Office of Foreign Assets Control imposed sanctions on two Russian "
        "nationals it described as the group's core. Yuliya Pankratova is named as the leader and spokesperson of "
        "the Cyber Army of Russia Reborn. Denis Degtyarenko is named as its primary hacker.",
        dt.date(2024, 7, 19),
    )["consequences"]
    assert found == {("US", "yuliya pankratova", "sanctions"), ("US", "denis degtyarenko", "sanctions")}


def test_where_a_listed_person_comes_from_is_no_target():
    found = _found(
        "The Treasury on Tuesday sanctioned Ivan Petrov, the group's alleged leader, and Sergei Ivanov, a programmer "
        "from Moscow who wrote the group's malware, as well as Olga Smirnova, who handled its finances.",
        dt.date(2024, 6, 5),
    )["consequences"]
    assert ("US", "RU", "sanctions") not in found and ("US", "olga smirnova", "sanctions") in found


@pytest.mark.parametrize(
    "reward",
    [
        "The State Department offered a reward of up to $10 million for information leading to their arrest.",
        "The State Department also offered up to $10 million for information on them.",
        "The State Department offered rewards of up to $10 million for information on each of the three.",
    ],
)
def test_a_reward_for_the_people_just_charged_in_the_plural(reward):
    found = _found(
        "The Justice Department charged Ivan Petrov, 35, Sergei Ivanov, 41, and Olga Smirnova, 29, with hacking. "
        + reward,
        dt.date(2024, 6, 5),
    )["consequences"]
    assert {("US", name, "reward") for name in ("ivan petrov", "sergei ivanov", "olga smirnova")} <= found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He was arrested by Spanish police last month.", ("ES", "ivan petrov", "arrest")),
        ("The Russian was arrested in Spain in March and is awaiting extradition.", ("ES", "ivan petrov", "arrest")),
        ("He was arrested in Ontario on Oct. 26, the department said.", ("CA", "ivan petrov", "arrest")),
    ],
)
def test_an_arrest_of_the_person_named_before(sentence, expected):
    found = _found("U.S. prosecutors charged Ivan Petrov, 35, with hacking. " + sentence, dt.date(2024, 6, 5))
    assert expected in found["consequences"]


def test_a_month_is_no_town():
    found = _found(
        "U.S. prosecutors charged Ivan Petrov, 35, with hacking. Petrov was arrested in March after landing in the "
        "Swiss town of Sion. His associate Oleg Sokolov, 31, was arrested in March in Madrid.",
        dt.date(2024, 6, 5),
    )["consequences"]
    assert ("GB", "ivan petrov", "arrest") not in found and ("ES", "oleg sokolov", "arrest") in found


def test_a_man_named_so_and_so_identified_as_one_of_the_people_behind_it():
    found = _found(
        "CrowdStrike said a unit of China's army hacked defence contractors. It identified a man named Chen Ping as "
        "one of the hackers behind the operation.",
        dt.date(2014, 6, 10),
    )["attributions"]
    assert ("crowdstrike", "chen ping") in found


@pytest.mark.parametrize(
    "text",
    [
        "DALLAS - Ivan Petrov, the Ukrainian who deployed REvil ransomware, must serve 13 years in prison, a federal "
        "judge in Dallas ruled on Wednesday.",
        "DALLAS - Ivan Petrov, 24, was jailed for nearly 14 years over the Kaseya ransomware attack.",
        "SEATTLE - Ivan Petrov, a 22-year-old from France, received a three-year prison sentence in Seattle on "
        "Tuesday for his part in the hacking group.",
        "NEW YORK - Ivan Petrov, 24, will spend five years in a U.S. prison for the ransomware attacks, under a "
        "sentence imposed on Friday in Manhattan federal court.",
    ],
)
def test_sentences_told_in_many_words(text):
    assert ("US", "ivan petrov", "prosecution") in _found(text, dt.date(2024, 5, 1))["consequences"]


def test_people_listed_with_ages_in_the_subject_of_a_charge_over_an_earlier_attack():
    found = _found(
        "Six officers of Russia's GRU military intelligence agency - Yuriy Andrienko, 32, Sergey Detistov, 35, Pavel "
        "Frolov, 28, Anatoliy Kovalev, 29, Artem Ochichenko, 27, and Petr Pliskin, 32, all assigned to Unit 74455 - "
        "have been charged with computer hacking over the 2017 NotPetya attack, the U.S. Justice Department said on "
        "Monday.",
        dt.date(2020, 10, 19),
    )["consequences"]
    assert {("US", name, "indictment") for name in ("yuriy andrienko", "pavel frolov", "petr pliskin")} <= found


def test_hit_with_sanctions_and_a_list_with_aliases_in_brackets():
    found = _found(
        "Britain and the United States on Thursday hit seven Russian men with sanctions, accusing them of belonging to "
        'Trickbot. They are Vitaliy Kovalev, 35, a senior figure; Maksim Mikhailov ("Baget"), who worked on '
        'development; Valentin Karyagin ("Globus"), a developer of ransomware; and Valery Sedletski ("Strix"), an '
        "administrator.",
        dt.date(2023, 2, 9),
    )["consequences"]
    assert {(state, "valery sedletski", "sanctions") for state in ("GB", "US")} <= found
    assert ("US", "valentin karyagin", "sanctions") in found


def test_a_sanction_on_a_group_is_not_one_on_the_state_behind_it():
    found = _found(
        "SEOUL - South Korea on Friday imposed sanctions on Kimsuky, a North Korean hacking group, and the U.S. "
        "Treasury blacklisted the Evil Corp gang, which it said worked with Russia's FSB.",
        dt.date(2023, 6, 2),
    )
    assert ("KR", "kimsuky", "sanctions") in found["consequences"] and ("KR", "KP") in found["attributions"]
    assert not any(target in ("KP", "RU") for _, target, _ in found["consequences"])


def test_a_blacklisting_and_the_list_it_includes():
    found = _found(
        "The U.S. Treasury on Thursday blacklisted Evil Corp, the group behind the Dridex banking malware. The list "
        "includes four officers of the group - Maksim Yakubets, Igor Turashev, Denis Gusev and Kirill Slobodskoy.",
        dt.date(2019, 12, 5),
    )["consequences"]
    assert {("US", name, "sanctions") for name in ("evil corp", "maksim yakubets", "kirill slobodskoy")} <= found


def test_people_indicted_by_an_office_the_speaker_speaks_for_and_named_next():
    found = _found(
        "Twelve Russian military intelligence officers were indicted on Friday by Special Counsel Robert Mueller's "
        "office on charges of hacking the Democratic National Committee, Deputy Attorney General Rod Rosenstein said. "
        "The officers, from GRU units 26165 and 74455, are Viktor Netyksho, Boris Antonov and Dmitriy Badin.",
        dt.date(2018, 7, 13),
    )["consequences"]
    assert {("US", name, "indictment") for name in ("viktor netyksho", "boris antonov", "dmitriy badin")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ardit Ferizi, 20, who used the online name Th3Dir3ctorY, is accused of computer hacking and identity "
            "theft, according to a criminal complaint filed in federal court in the Eastern District of Virginia.",
            ("US", "ardit ferizi"),
        ),
        (
            "Hackers working on behalf of the Vietnamese government targeted China's Ministry of Emergency Management, "
            "according to a report published on Wednesday by U.S. cybersecurity firm FireEye.",
            ("fireeye", "VN"),
        ),
    ],
)
def test_the_source_named_after_according_to(text, expected):
    assert expected in _found(text, dt.date(2020, 4, 22))["attributions"]


@pytest.mark.parametrize(
    ("text", "category", "unexpected"),
    [
        # the review of session 12: readings narrowed so that these ordinary sentences keep their old, right reading
        ("Germany blamed Russia for the attack. Moscow said the accusation was just a fabrication.", "denials", None),
        (
            "Germany told the newspaper Handelsblatt that Russia was behind the cyberattack on its parliament.",
            "attributions",
            None,
        ),
        (
            "The Treasury sanctioned Integrity Technology Group over the Flax Typhoon botnet. The hackers targeted "
            "dozens of U.S. firms. The list includes Microsoft, Google and Cisco.",
            "consequences",
            ("US", "microsoft", "sanctions"),
        ),
        (
            "The U.S. Treasury sanctioned two Russian men over ransomware attacks. Positive Technologies, a Russian "
            "security firm, is listed on the Moscow Exchange.",
            "consequences",
            ("US", "positive technologies", "sanctions"),
        ),
        (
            "Ukrainian power plants were attacked by Russian missiles on Friday, Kyiv said.",
            "attributions",
            ("UA", "RU"),
        ),
        (
            "Germany blamed Russia for the attack. Russia released convicts Alexander Vinnik and Vadim Krasikov in "
            "the prisoner swap.",
            "consequences",
            ("RU", "alexander vinnik", "prosecution"),
        ),
        (
            "Russia's GRU was behind the attack, Britain said on Tuesday. In 2020 the United States charged six GRU "
            "officers over the 2017 NotPetya attack.",
            "consequences",
            ("US", "RU", "indictment"),
        ),
    ],
)
def test_the_session_12_review_narrowed_these_readings(text, category, unexpected):
    found = _found(text, dt.date(2024, 6, 5))[category]
    if unexpected is None:
        assert found  # the denial or claim the sentence states is still read
    else:
        assert unexpected not in found


def test_where_a_gang_named_before_its_trade_works_from_is_no_sponsor():
    """ "the Conti ransomware group … Experts believe Conti operates from Russia": where a gang works from does not
    make a claim against the gang one against that state."""
    text = (
        "Costa Rica's President Rodrigo Chaves said on Monday that his country was at war with the Conti ransomware "
        "group, whose attacks have crippled government ministries. Experts widely believe Conti operates from Russia."
    )
    found = _found(text, dt.date(2022, 5, 17))
    assert ("CR", "conti") in found["attributions"]
    assert ("CR", "RU") not in found["attributions"]


def test_people_described_by_a_measure_named_by_what_they_belong_to_over_several_sentences():
    text = (
        "The Council of the European Union on Monday imposed sanctions on six people it holds responsible for "
        "cyberattacks against member states. The listings are the first of their kind. According to the Council, "
        "Ruslan Peretyatko and Andrey Korinets are members of the Callisto Group, which carried out phishing "
        "campaigns. Oleksandr Sklianko and Mykola Chernykh belong to Armageddon, a group supported by the FSB."
    )
    found = _found(text, dt.date(2024, 6, 25))["consequences"]
    for name in ("ruslan peretyatko", "andrey korinets", "oleksandr sklianko", "mykola chernykh"):
        assert ("european union", name, "sanctions") in found


def test_the_council_is_the_council_named_before():
    text = (
        "The Council of the European Union on Monday imposed sanctions on six people over cyberattacks on Ukraine. "
        "Ukraine welcomed the decision. Mikhail Tsarev was listed as a key actor in the deployment of the Trickbot "
        "malware, which the Council said was used in ransomware attacks against hospitals."
    )
    found = _found(text, dt.date(2024, 6, 25))["attributions"]
    assert ("european union", "trickbot") in found
    assert ("UA", "trickbot") not in found


def test_victims_after_cyberattacks_on_are_no_accused():
    text = (
        "EU blames six for cyberattacks on member states and Ukraine\n\n"
        "The Council of the European Union on Monday imposed sanctions on six people."
    )
    found = _found(text, dt.date(2024, 6, 25))
    assert ("european union", "UA") not in found["attributions"]
    assert ("european union", "UA", "sanctions") not in found["consequences"]


def test_a_denial_that_says_the_accuser_has_no_evidence():
    text = (
        "Germany blamed Russia for the hack. The Russian embassy in Berlin rejected the accusations as unfounded and "
        "said Germany had presented no evidence of any involvement of Russian state structures."
    )
    assert "RU" in _found(text)["denials"]


def test_a_condemnation_that_ends_its_clause_before_a_warning():
    text = (
        'Germany blamed Russia for the hack. "This is absolutely intolerable and will not remain without '
        'consequences," Foreign Minister Annalena Baerbock said.'
    )
    found = _found(text)["consequences"]
    assert ("DE", "RU", "condemnation") in found
    assert ("DE", "RU", "pledged_response") in found


def test_the_state_qualifying_the_accused_groups_does_not_accuse_them():
    text = (
        "North Korean state-backed hacking groups Lazarus Group and Andariel were behind the 2019 theft of 342,000 "
        "Ether from Upbit, South Korea's largest cryptocurrency exchange, police said Thursday."
    )
    found = _found(text, dt.date(2024, 11, 21))["attributions"]
    assert ("KP", "lazarus group") not in found and ("KP", "andariel") not in found


def test_a_denial_spoken_by_the_accused_persons_lawyer():
    text = (
        "A Paris court on Monday sentenced Russian national Alexander Vinnik to five years in prison for laundering "
        'the proceeds of ransomware attacks.\n\n"My client is not a hacker. He was a technical operator of an '
        'exchange and had nothing to do with Locky," his lawyer Frederic Belot told AFP after the verdict.'
    )
    assert "alexander vinnik" in _found(text, dt.date(2020, 12, 8))["denials"]


def test_he_is_the_accused_named_after_the_last_speaker():
    text = (
        "Czech authorities extradited Russian hacker Yevgeniy Nikulin to the United States on Friday over the 2012 "
        'hack of LinkedIn. "I have decided to extradite him to the United States," Justice Minister Robert Pelikan '
        "told reporters. Nikulin, 30, was flown out overnight and appeared on Friday before a federal judge in San "
        "Francisco, where a grand jury indicted him in 2016 on hacking charges. He pleaded not guilty."
    )
    found = _found(text, dt.date(2018, 3, 31))["denials"]
    assert "yevgeniy nikulin" in found and "CZ" not in found


def test_agents_coordinated_with_a_possessed_body():
    text = (
        "Australia sanctioned Aleksandr Ermakov over the Medibank hack. Hours later, the U.S. Treasury Department "
        "and Britain's Foreign Office announced matching sanctions on Ermakov."
    )
    found = _found(text, dt.date(2024, 1, 23))["consequences"]
    assert {("US", "aleksandr ermakov", "sanctions"), ("GB", "aleksandr ermakov", "sanctions")} <= found


@pytest.mark.parametrize(
    "sentence",
    [
        # a measure on "them": the people of before, not the state the report blames
        '"This is the first time that an Australian government has identified a cyber criminal and imposed cyber '
        'sanctions on them," Marles told reporters.',
        # a measure still to come
        "Cyber Security Minister Clare O'Neil said the identification was the result of painstaking work by the "
        "Australian Signals Directorate, adding that more sanctions against other cyber criminals could follow.",
    ],
)
def test_sanctions_on_them_or_to_come_are_not_against_the_state(sentence):
    text = (
        "Australia on Tuesday imposed financial sanctions on a Russian man it said was behind the 2022 hack of "
        "Medibank. Aleksandr Ermakov, 33, was responsible for the theft, Defense Minister Richard Marles said. "
        + sentence
    )
    found = _found(text, dt.date(2024, 1, 23))["consequences"]
    assert ("AU", "aleksandr ermakov", "sanctions") in found
    assert ("AU", "RU", "sanctions") not in found


def test_a_list_of_people_goes_on_after_a_clause_describing_one_of_them():
    text = (
        "Britain accused Russia of hacking. The Foreign Office sanctioned Ruslan Aleksandrovich Peretyatko, who it "
        "said is an FSB intelligence officer, and Andrey Stanislavovich Korinets, freezing any assets they hold."
    )
    found = _found(text, dt.date(2023, 12, 7))["consequences"]
    assert ("GB", "andrey stanislavovich korinets", "sanctions") in found


def test_a_measure_on_unnamed_people_is_on_them_once_named_not_on_their_state():
    text = (
        "Britain on Thursday accused Russia's Federal Security Service (FSB) of a years-long campaign of cyber "
        "espionage against lawmakers, including the leak of trade documents ahead of the 2019 election, and imposed "
        "sanctions on two men it said were involved. Junior foreign minister Leo Docherty told parliament that a unit "
        "of the FSB known as Centre 18 was behind the activity. The Foreign Office sanctioned Ruslan Peretyatko and "
        "Andrey Korinets, freezing any assets they hold in Britain."
    )
    found = _found(text, dt.date(2023, 12, 7))["consequences"]
    assert ("GB", "ruslan peretyatko", "sanctions") in found
    assert ("GB", "RU", "sanctions") not in found


def test_the_same_company_and_the_two_men_and_a_list_going_on_after_which():
    text = (
        "U.S. prosecutors unsealed an indictment charging seven Chinese nationals - Ni Gaobin, Weng Ming, Cheng Feng, "
        "Peng Yaowen, Sun Xiaohui, Xiong Wang and Zhao Guangzong - with computer intrusions as members of APT31. The "
        "Treasury Department imposed sanctions on Wuhan Xiaoruizhi Science and Technology Company, which it called a "
        "front for the ministry, and on Zhao and Ni. Britain sanctioned the same company and the two men."
    )
    found = _found(text, dt.date(2024, 3, 26))["consequences"]
    company = "wuhan xiaoruizhi science and technology company"
    assert {("US", "ni gaobin", "sanctions"), ("US", "zhao guangzong", "sanctions")} <= found
    assert {
        ("GB", company, "sanctions"),
        ("GB", "ni gaobin", "sanctions"),
        ("GB", "zhao guangzong", "sanctions"),
    } <= found
    assert ("GB", "CN", "sanctions") not in found


def test_people_named_after_a_colon_with_a_clause_between_them():
    text = (
        "Britain accused Russia's FSB of a years-long hacking campaign. London also imposed sanctions on two men it "
        "said were involved in the activity: Ruslan Peretyatko, whom it described as an FSB intelligence officer, and "
        "Andrey Korinets."
    )
    found = _found(text, dt.date(2023, 12, 7))["consequences"]
    assert {("GB", "ruslan peretyatko", "sanctions"), ("GB", "andrey korinets", "sanctions")} <= found
    assert ("GB", "RU", "sanctions") not in found


def test_the_employees_a_campaign_targeted_are_not_the_body_the_accused_serve():
    text = (
        "Britain sanctioned Ruslan Peretyatko and Andrey Korinets over a hacking campaign. The U.S. Justice "
        "Department unsealed an indictment charging Peretyatko and Korinets over a hacking campaign that prosecutors "
        "said targeted current and former employees of U.S. intelligence agencies."
    )
    assert ("GB", "US") not in _found(text, dt.date(2023, 12, 7))["attributions"]


def test_charged_where_the_person_was_handed_over_to():
    text = (
        "PRAGUE, March 30 (Reuters) - The Czech Republic has extradited Russian citizen Yevgeniy Nikulin to the United "
        "States, where he is charged with hacking into LinkedIn, Dropbox and other companies, the Czech justice "
        "ministry said on Friday."
    )
    found = _found(text, dt.date(2018, 3, 30))
    assert ("US", "yevgeniy nikulin", "indictment") in found["consequences"]
    assert ("CZ", "yevgeniy nikulin", "indictment") not in found["consequences"]
    assert ("CZ", "RU") not in found["attributions"]


def test_a_dateline_with_two_hyphens_and_a_denial_in_an_absolute_clause():
    text = (
        "TOKYO, Jan. 9 (Kyodo) -- A hacker group believed to be linked to the Chinese government has conducted a "
        "series of cyberattacks since 2019 targeting Japan's national security, the National Police Agency said, with "
        "China on Thursday rejecting the allegation."
    )
    found = _found(text, dt.date(2025, 1, 9))
    assert ("JP", "CN") in found["attributions"]
    assert found["denials"] == {"CN"}


def test_people_in_apposition_listed_and_the_group_of_one_not_sanctioned():
    text = (
        "Britain accused Russia's FSB of a campaign of cyber-espionage. The Foreign Office imposed sanctions on two "
        "men it said were involved in the campaign: Ruslan Peretyatko, an FSB intelligence officer, and Andrey "
        "Korinets, a member of Star Blizzard."
    )
    found = _found(text, dt.date(2023, 12, 7))["consequences"]
    assert {("GB", "ruslan peretyatko", "sanctions"), ("GB", "andrey korinets", "sanctions")} <= found
    assert ("GB", "star blizzard", "sanctions") not in found


def test_the_agent_of_a_participle_among_the_targets_is_no_target():
    text = (
        "The Netherlands expelled four Russian military intelligence officers over a hacking attempt on the OPCW. In "
        "Washington, the Justice Department announced that a federal grand jury had indicted seven GRU officers, "
        "including the four men expelled by the Dutch, on charges of hacking anti-doping agencies."
    )
    assert ("US", "NL", "indictment") not in _found(text, dt.date(2018, 10, 4))["consequences"]


def test_the_same_two_men_them_and_either_of_them_are_the_people_sanctioned_before():
    text = (
        "Britain imposed sanctions on Ruslan Peretyatko and Andrey Korinets over a hacking campaign it blamed on "
        "Russia's FSB. In Washington, the Justice Department unsealed charges against the same two men, while the "
        "Treasury Department added them to its sanctions list. The State Department offered rewards of up to $10 "
        "million for information on either of them."
    )
    found = _found(text, dt.date(2023, 12, 7))["consequences"]
    for kind in ("indictment", "sanctions", "reward"):
        assert {("US", "ruslan peretyatko", kind), ("US", "andrey korinets", kind)} <= found
        assert ("US", "RU", kind) not in found


def test_a_minister_in_a_report_from_brussels_and_the_statement_she_made():
    text = (
        'BRUSSELS (AFP) - China\'s embassy in Belgium on Tuesday rejected as "groundless" accusations by the Belgian '
        "government that Chinese state-linked hackers had broken into its networks.\n\nIn a rare public attribution, "
        "Foreign Minister Hadja Lahbib said on Monday that the intrusions could be traced to hacker groups linked to "
        "the Chinese state.\n\nThe statement named the groups as APT27, APT30, APT31 and Gallium."
    )
    found = _found(text, dt.date(2022, 7, 19))["attributions"]
    assert {("BE", "apt27"), ("BE", "gallium")} <= found
    assert ("CN", "apt27") not in found


def test_a_victim_shutting_down_its_own_network_is_no_operation():
    text = (
        "The European Union imposed sanctions on an officer of Russia's GRU over the 2015 hacking of the Bundestag. "
        "Germany said the intrusion forced the Bundestag to shut down its computer network for days."
    )
    found = _found(text, dt.date(2020, 10, 22))["consequences"]
    assert not any(kind == "cyber_operation" for _, _, kind in found)


@pytest.mark.parametrize(
    "sentence, category, unexpected",
    [
        # sanctions over a war are about something else
        (
            "Officials noted that Montenegro has joined European Union sanctions against Moscow over the war in "
            "Ukraine.",
            "consequences",
            ("european union", "RU", "sanctions"),
        ),
        # what was planted, judged by the reporter, is no one's denial
        (
            "The fabricated remarks, published on the website of the state news agency, quoted the emir praising Iran.",
            "denials",
            "IR",
        ),
        # a denial of another offence
        (
            'Saudi Arabia cut ties with Qatar, accusing it of supporting "terrorism" - a charge Doha has '
            "consistently denied.",
            "denials",
            "QA",
        ),
    ],
)
def test_measures_and_denials_about_other_things_in_a_hacking_report(sentence, category, unexpected):
    text = "Montenegro blamed Russia for the cyberattack on its government servers on Friday. " + sentence
    assert unexpected not in _found(text, dt.date(2022, 8, 27))[category]


def test_a_unit_known_by_a_group_name_a_condemnation_calling_it_unacceptable_and_ip_addresses():
    text = (
        "Georgia accused Russian military intelligence of a large-scale cyberattack. In London, Foreign Secretary "
        'Dominic Raab said the GRU had carried out "a reckless and brazen campaign of cyber-attacks against Georgia", '
        'calling it "totally unacceptable". US Secretary of State Mike Pompeo said the attack was the work of the '
        "GRU's Main Centre for Special Technologies, also known as Unit 74455 or Sandworm."
    )
    found = _found(text, dt.date(2020, 2, 20))
    assert ("US", "sandworm") in found["attributions"]
    assert ("GB", "RU", "condemnation") in found["consequences"]


def test_where_an_attack_came_from_is_not_who_did_it():
    text = (
        "SOFIA, Oct 16 (Reuters) - A cyberattack that took down the websites of Bulgaria's presidency on Saturday was "
        "carried out from Russian IP addresses by the pro-Russian hacker group Killnet, the country's prosecutors said "
        "on Sunday."
    )
    found = _found(text, dt.date(2022, 10, 16))["attributions"]
    assert ("BG", "killnet") in found and ("BG", "RU") not in found


def test_the_minister_named_in_apposition_who_announces_a_sanction_is_not_accused():
    text = (
        "Australia imposes first cyber sanctions on Russian man over Medibank hack\n\n"
        "Aleksandr Ermakov, 33, has been subjected to a targeted financial sanction and a travel ban, the foreign "
        'affairs minister, Penny Wong, and the defence minister, Richard Marles, announced on Tuesday. "This is the '
        'first time an Australian government has identified a cyber criminal and imposed cyber sanctions," Marles '
        "told reporters in Canberra."
    )
    found = _found(text, dt.date(2024, 1, 23))
    assert ("AU", "richard marles") not in found["attributions"]
    assert ("AU", "aleksandr ermakov", "sanctions") in found["consequences"]


def test_the_maker_of_the_software_used_and_a_denial_of_sheltering_criminals():
    text = (
        "WASHINGTON - The Justice Department on Monday unsealed charges against Yaroslav Vasinskyi, a 22-year-old "
        "Ukrainian man accused of deploying the ransomware that crippled as many as 1,500 businesses by exploiting "
        "software made by the Florida-based firm Kaseya. Moscow has repeatedly denied that it shelters "
        "cybercriminals."
    )
    found = _found(text, dt.date(2021, 11, 8))
    assert ("US", "kaseya") not in found["attributions"]
    assert ("US", "yaroslav vasinskyi", "indictment") in found["consequences"]
    assert "RU" not in found["denials"]


def test_a_state_and_a_described_organisation_joined_as_the_reported_attackers():
    text = (
        "JERUSALEM: Israel's National Cyber Directorate said on Sunday that Iran and the Lebanese group Hezbollah "
        "were behind an attempted cyberattack on Ziv Medical Center in the northern city of Safed."
    )
    found = _found(text, dt.date(2023, 11, 26))["attributions"]
    assert {("IL", "IR"), ("IL", "hezbollah")} <= found


def test_a_wire_dateline_without_a_place():
    text = (
        "Microsoft says Russian state hackers spied on senior executives' emails\n\n"
        "Jan 19 (Reuters) - Microsoft said on Friday that a Russian state-sponsored group it calls Midnight Blizzard "
        "had broken into a small number of corporate email accounts."
    )
    found = _found(text, dt.date(2024, 1, 19))["attributions"]
    assert {("microsoft", "RU"), ("microsoft", "midnight blizzard")} <= found


def test_the_suspects_include_and_money_in_dollars():
    text = (
        "GUANGZHOU, June 5 (CGTN) -- Police in Guangzhou on Thursday issued a bounty notice for 20 suspects belonging "
        "to a Taiwan military unit over a cyberattack on a technology company in the city. The police said the unit "
        "had carried out the attack. The suspects include Lin Wei-chieh, Huang Tzu-hao and Tsai Ming-yen, according "
        "to the notice. The police offered a reward of up to 10,000 yuan (about 1,390 U.S. dollars) for information "
        "leading to the capture of each suspect."
    )
    found = _found(text, dt.date(2025, 6, 5))
    assert ("CN", "lin wei-chieh", "reward") in found["consequences"]
    assert ("CN", "US") not in found["attributions"]
    assert not any(target == "US" for _, target, _ in found["consequences"])


def test_rejecting_attempts_to_link_a_group_to_the_state_is_a_denial_not_a_claim():
    text = (
        'The United States has blamed the Volt Typhoon hacking group on China. "China firmly rejects the US attempts '
        'to link the so-called Volt Typhoon to the Chinese government," Chinese foreign ministry spokesperson Lin '
        "Jian said."
    )
    found = _found(text, dt.date(2024, 10, 14))
    assert ("CN", "volt typhoon") not in found["attributions"]
    assert "CN" in found["denials"]


@pytest.mark.parametrize(
    "text, category, expected",
    [
        # a denial of a breach of "protected" networks is no denial of sheltering criminals
        (
            "Germany blamed Russia for the hack. Moscow denied that Russia breached protected government networks.",
            "denials",
            "RU",
        ),
        # a measure that "will come into force" is taken now
        (
            "Australia imposed sanctions on Aleksandr Ermakov over the Medibank hack that will come into force on "
            "Wednesday.",
            "consequences",
            ("AU", "aleksandr ermakov", "sanctions"),
        ),
        # attacks "on behalf of" a state name no victim
        (
            "The United States accused the group of conducting cyberattacks on behalf of Russia.",
            "attributions",
            ("US", "RU"),
        ),
        # malware "developed by" a service names the attacker, not a maker of what was used
        ("Ukraine blamed the attack on malware developed by the Russian GRU.", "attributions", ("UA", "RU")),
    ],
)
def test_the_session_13_review_kept_these_readings(text, category, expected):
    assert expected in _found(text, dt.date(2024, 1, 23))[category]


def test_a_group_merely_named_later_is_no_alias_of_the_accused():
    text = "Britain blamed Russia's hackers for hitting a bank once hit by a gang known as TrickBot."
    assert ("GB", "trickbot") not in _found(text, dt.date(2024, 1, 23))["attributions"]


def test_a_firm_and_people_described_by_their_state_then_named():
    text = (
        "The UK has accused China of being behind a cyber attack on the Electoral Commission, and has sanctioned a "
        "Chinese company and two individuals linked to a state-backed hacking group. The Foreign Office has imposed "
        "asset freezes and travel bans on Wuhan Xiaoruizhi Science and Technology Company, which it described as a "
        "front for China's Ministry of State Security, and on two men, Zhao Guangzong and Ni Gaobin, said to be "
        "members of APT31."
    )
    found = _found(text, dt.date(2024, 3, 25))["consequences"]
    assert {("GB", "zhao guangzong", "sanctions"), ("GB", "ni gaobin", "sanctions")} <= found
    assert ("GB", "wuhan xiaoruizhi science and technology company", "sanctions") in found
    assert ("GB", "CN", "sanctions") not in found


def test_a_company_named_again_by_the_first_word_of_its_name():
    text = (
        "Britain sanctioned Wuhan Xiaoruizhi Science and Technology Company and two men, Zhao Guangzong and Ni Gaobin, "
        "over the hacking of the Electoral Commission. In Washington, the Treasury sanctioned the Wuhan company and "
        "the two men."
    )
    found = _found(text, dt.date(2024, 3, 25))["consequences"]
    assert ("US", "wuhan xiaoruizhi science and technology company", "sanctions") in found
    assert ("US", "zhao guangzong", "sanctions") in found


def test_a_claim_in_a_dated_relative_clause_and_the_same_year_after_it_are_history():
    text = (
        "Japan's National Police Agency said on Wednesday that MirrorFace, a group it tied to China, had attacked "
        "Japanese ministries. Some researchers who have followed MirrorFace for years say it may be part of a broader "
        "hacking umbrella known as APT10, which US and British authorities accused in 2018 of a global campaign "
        "against technology service providers on behalf of China's Ministry of State Security. The same year, US "
        "prosecutors charged two Chinese nationals, Zhu Hua and Zhang Shilong, over APT10's activities."
    )
    found = _found(text, dt.date(2025, 1, 9))
    assert ("US", "CN") not in found["attributions"] and ("US", "apt10") not in found["attributions"]
    assert ("US", "zhu hua", "indictment") not in found["consequences"]


def test_its_spokesperson_speaks_for_the_state_just_named():
    text = (
        "Japan's police blamed China for the MirrorFace attacks. China's foreign ministry rejected the findings on "
        'Thursday. Its spokesperson, Guo Jiakun, said China "firmly opposes and combats all forms of hacking attacks", '
        'called the accusations "groundless" and urged Japan to "stop politicising cybersecurity issues".'
    )
    found = _found(text, dt.date(2025, 1, 9))["denials"]
    assert "CN" in found and "guo jiakun" not in found


def test_a_habitual_denial_of_thefts_in_general():
    text = (
        "The FBI said North Korea's Lazarus Group stole $1.5 billion in digital assets from the Bybit exchange. North "
        "Korea has consistently denied carrying out cyber thefts."
    )
    assert "KP" not in _found(text, dt.date(2025, 2, 27))["denials"]


def test_a_body_whose_state_is_left_out_and_a_protest_not_yet_lodged():
    text = (
        "Police link China to MirrorFace cyberattacks on Japan's ministries\n\n"
        "The National Police Agency said Wednesday that a hacking group known as MirrorFace carried out around 210 "
        "cyberattacks on Japanese organizations and that the campaign was associated with the Chinese state. A senior "
        "Foreign Ministry official said Tokyo had not yet lodged a formal protest with Beijing."
    )
    found = _found(text, dt.date(2025, 1, 9))
    assert ("CN", "mirrorface") not in found["attributions"]
    assert ("JP", "CN", "protest_note") not in found["consequences"]


def test_a_list_going_on_at_counted_nationals_after_a_relative_clause():
    text = (
        "Britain and the United States accused China of a hacking campaign. Both countries sanctioned the Wuhan "
        "Xiaoruizhi Science and Technology Company, which they described as a front for the ministry, and two Chinese "
        "nationals, Zhao Guangzong and Ni Gaobin."
    )
    found = _found(text, dt.date(2024, 3, 26))["consequences"]
    assert {("GB", "zhao guangzong", "sanctions"), ("US", "ni gaobin", "sanctions")} <= found


def test_a_charge_against_a_list_of_people_blames_them_though_the_list_has_an_and():
    text = (
        "Thai police arrested four hackers over the ransomware attacks. The U.S. Justice Department said Roman "
        "Berezhnoy, 33, and Egor Nikolaevich Glebov, 39, were charged with conspiracy to commit wire fraud."
    )
    found = _found(text, dt.date(2025, 2, 12))["attributions"]
    assert {("US", "roman berezhnoy"), ("US", "egor nikolaevich glebov")} <= found


def test_them_after_a_sentence_naming_several_people_and_an_indictment_naming_no_filer():
    text = (
        "The United States accused China of a cyberespionage campaign. The U.S. Justice Department said Ni Gaobin, "
        "38, Weng Ming, 37, and Zhao Guangzong, 38, were members of a hacking group. An indictment unsealed in "
        "Brooklyn charged them with conspiracy to commit computer intrusions and wire fraud."
    )
    found = _found(text, dt.date(2024, 3, 25))["consequences"]
    assert {(("US", name, "indictment")) for name in ("ni gaobin", "weng ming", "zhao guangzong")} <= found
    assert ("US", "CN", "indictment") not in found


def test_sanctions_going_on_as_well_as_on_people_after_a_relative_clause():
    text = (
        "The United States accused China of a cyberespionage campaign. The U.S. Justice Department said Ni Gaobin, "
        "38, and Zhao Guangzong, 38, were members of a hacking group. The Treasury Department imposed sanctions on "
        "Wuhan Xiaoruizhi Science and Technology Company, which it described as a front for the ministry, as well as "
        "on Zhao and Ni."
    )
    found = _found(text, dt.date(2024, 3, 25))["consequences"]
    assert {("US", "zhao guangzong", "sanctions"), ("US", "ni gaobin", "sanctions")} <= found


def test_a_further_reported_clause_of_the_same_speaker_names_another_attacker():
    text = (
        "Britain described a cyber campaign. Deputy Prime Minister Oliver Dowden told parliament that Chinese actors "
        "had compromised the systems of the Electoral Commission, and that APT31 had carried out reconnaissance "
        "against the email accounts of lawmakers."
    )
    assert ("GB", "apt31") in _found(text, dt.date(2024, 3, 25))["attributions"]


@pytest.mark.parametrize(
    "text, published, expected, unexpected",
    [
        (
            "Seoul and Washington blamed the North Korean hacking group Kimsuky for a phishing campaign against think "
            "tanks. South Korea's intelligence service and the FBI issued a joint advisory on Friday describing the "
            "group's methods.",
            dt.date(2023, 6, 2),
            {("KR", "kimsuky", "awareness_raising"), ("US", "kimsuky", "awareness_raising")},
            {("KR", "KP", "awareness_raising"), ("US", "KP", "awareness_raising")},
        ),
        (
            "The advisory, issued by the Cybersecurity and Infrastructure Security Agency, the National Security "
            "Agency and the FBI, identifies the culprit as Volt Typhoon, a People's Republic of China state-sponsored "
            "actor that has compromised water systems.",
            dt.date(2024, 2, 7),
            {("US", "volt typhoon", "awareness_raising")},
            {("US", "CN", "awareness_raising")},
        ),
    ],
)
def test_an_advisory_warns_of_the_group_it_is_about_not_of_its_state(text, published, expected, unexpected):
    found = _found(text, published)["consequences"]
    assert expected <= found and not unexpected & found


def test_the_group_a_state_is_behind_is_blamed_too_but_not_a_tool_named_after_it():
    text = (
        "The advisory described intrusions into water systems. Britain's National Cyber Security Centre and "
        "Canada's cyber centre endorsed the assessment that Beijing is behind Volt Typhoon."
    )
    found = _found(text, dt.date(2024, 2, 7))["attributions"]
    assert {("GB", "CN"), ("GB", "volt typhoon"), ("CA", "volt typhoon")} <= found
    text = (
        "The U.S. Treasury Department on Friday imposed sanctions on a Russian government research institute it said "
        "was behind the Triton malware, code used against a petrochemical plant in a cyberattack."
    )
    assert not any(accused == "triton" for _, accused in _found(text, dt.date(2020, 10, 23))["attributions"])


def test_a_passive_deed_with_its_means_before_by_and_a_relative_clause_closed_before_the_subject_goes_on():
    text = (
        "Germany blamed APT28 for the hack. The Czech foreign ministry said on Friday that Czech institutions had been "
        "targeted through the same Outlook flaw by APT28, which it described as an instrument of Russia's GRU, and "
        'said it "strongly condemns" the campaign.'
    )
    found = _found(text, dt.date(2024, 5, 3))
    assert {("CZ", "apt28"), ("CZ", "RU")} <= found["attributions"]
    assert ("CZ", "RU", "condemnation") in found["consequences"]
    assert not any(initiator == "RU" for initiator, _, _ in found["consequences"])
    text = (
        "Citizen Lab said the phones of 36 journalists were hacked with spyware sold by Israel's NSO Group in a "
        "campaign carried out on behalf of Saudi Arabia."
    )
    assert ("citizen lab", "IL") not in _found(text, dt.date(2020, 12, 20))["attributions"]


def test_evidence_the_accusers_withheld_is_part_of_the_denial_not_a_hedge():
    text = (
        "Germany blamed Russia for the hack. Russia's embassy in Berlin said it had been shown no evidence and "
        'rejected the accusations as "unfounded".'
    )
    assert "RU" in _found(text, dt.date(2024, 5, 3))["denials"]


def test_a_rank_before_a_name_in_a_list_of_people_charged():
    text = (
        "The U.S. Justice Department on Thursday unsealed charges against five officers of Russia's military "
        "intelligence agency over the WhisperGate cyberattacks. The indictment names Colonel Yuriy Denisov and "
        "lieutenants Vladislav Borovkov and Denis Denisenko."
    )
    found = _found(text, dt.date(2024, 9, 5))["consequences"]
    assert {("US", "yuriy denisov", "indictment"), ("US", "vladislav borovkov", "indictment")} <= found
    assert not any("colonel" in target for _, target, _ in found)


def test_bodies_whose_names_tell_their_state_even_when_they_hold_another_states_name():
    text = (
        "Chinese hackers launched an average of 2.4 million attacks per day on Taiwan's government service network "
        "last year, the National Security Bureau (NSB) said yesterday. Taiwan Affairs Office spokesman Chen Binhua "
        'said in a statement that the mainland "has never carried out" hacking attacks and rejected the accusations '
        "as groundless."
    )
    found = _found(text, dt.date(2025, 1, 6))
    assert ("TW", "CN") in found["attributions"]
    assert "CN" in found["denials"] and "TW" not in found["denials"]


def test_charges_now_for_a_deed_of_an_earlier_year_named_after_according_to_and_a_measure_only_proposed():
    text = (
        "Estonia charges three GRU officers over hack of ministries\n\n"
        "The Office of the Prosecutor General has brought charges against three officers of Russia's military "
        "intelligence service (GRU) for breaking into the computer systems of several Estonian ministries in 2020.\n\n"
        "According to the Internal Security Service (KAPO), the three men — Nikolai Korchagin, Vitali Shevchenko and "
        "Yuri Denisov — belong to GRU Unit 29155.\n\n"
        "Foreign Minister Margus Tsahkna said Estonia would also propose to its European partners that the three men "
        "be added to the EU's cyber sanctions list.\n\n"
        "On the same day, the US Department of Justice charged five GRU officers, including the three named by "
        "Estonia, and a civilian over the WhisperGate cyberattacks on Ukraine."
    )
    found = _found(text, dt.date(2024, 9, 6))
    assert {("EE", name, "indictment") for name in ("nikolai korchagin", "vitali shevchenko", "yuri denisov")} <= (
        found["consequences"]
    )
    assert not any(kind == "sanctions" for _, _, kind in found["consequences"])
    assert ("US", "EE") not in found["attributions"]


def test_people_named_outside_a_legal_sentence_of_a_hacking_report_but_not_speakers_officials_or_victims():
    text = (
        "The Netherlands expelled four Russians over a hacking attempt. Dutch officials said the four men, identified "
        "as Aleksei Morenets, Evgenii Serebriakov, Oleg Sotnikov and Alexey Minin, were GRU officers. U.S. "
        "prosecutors on Thursday charged the four men with hacking. The OPCW was analysing the nerve agent used to "
        "poison former Russian spy Sergei Skripal. Treasury official Brian Nelson said the men would be held "
        "accountable."
    )
    found = _found(text, dt.date(2018, 10, 4))
    names = ("aleksei morenets", "evgenii serebriakov", "oleg sotnikov", "alexey minin")
    assert {("US", name, "indictment") for name in names} <= found["consequences"]
    assert not any(target in ("sergei skripal", "brian nelson") for _, target, _ in found["consequences"])


def test_an_arrest_at_a_date_with_an_abbreviated_month_where_the_person_was_crossing_into():
    text = (
        "The U.S. charged a Ukrainian man over the Kaseya ransomware attack. Yaroslav Vasinskyi was detained on Oct. 8 "
        "as he crossed into Poland."
    )
    assert ("PL", "yaroslav vasinskyi", "arrest") in _found(text, dt.date(2021, 11, 8))["consequences"]


def test_matching_measures_are_the_last_measure_taken_by_others_against_the_same_people():
    text = (
        "Australia imposed sanctions on Aleksandr Ermakov, a Russian national, over the Medibank hack. Hours later "
        "the United States and Britain announced matching measures."
    )
    found = _found(text, dt.date(2024, 1, 23))["consequences"]
    assert {("US", "aleksandr ermakov", "sanctions"), ("GB", "aleksandr ermakov", "sanctions")} <= found
    assert not any(target == "RU" for _, target, _ in found)


def test_a_claim_against_a_man_named_by_nationality_then_by_name_is_not_against_his_state():
    text = (
        "Australia sanctions Russian hacker Aleksandr Ermakov over Medibank breach\n\n"
        "Australia imposed cyber sanctions for the first time, targeting a Russian man it says was responsible for "
        "the hack of Medibank."
    )
    found = _found(text, dt.date(2024, 1, 23))["attributions"]
    assert ("AU", "aleksandr ermakov") in found and ("AU", "RU") not in found


def test_people_charged_said_to_be_affiliated_with_a_state_body():
    text = (
        "The United States on Wednesday charged three Iranian nationals, Mansour Ahmadi, Ahmad Khatibi Aghda and Amir "
        "Hossein Nickaein Ravari, with ransomware attacks. The Treasury Department said the group was affiliated with "
        "Iran's Islamic Revolutionary Guard Corps."
    )
    assert ("US", "IR") in _found(text, dt.date(2022, 9, 14))["attributions"]


def test_people_counted_then_listed_with_ages_and_the_groups_they_are_said_to_belong_to():
    text = (
        "The U.S. Justice Department on Wednesday charged three North Korean military intelligence officers with "
        "conspiring to steal more than $1.3 billion in a cyber theft scheme.\n\n"
        "Jon Chang Hyok, 31, Kim Il, 27, and Park Jin Hyok, 36, are members of the Reconnaissance General Bureau, "
        "according to an indictment unsealed in Los Angeles. Prosecutors said the three belonged to hacking units "
        "known in the cybersecurity industry as the Lazarus Group and APT38.\n\n"
        "The FBI also issued an advisory on Wednesday warning companies about AppleJeus, malware that the agencies "
        "said North Korean government hackers had hidden inside fake cryptocurrency trading applications."
    )
    found = _found(text, dt.date(2021, 2, 17))
    assert {("US", "kim il", "indictment"), ("US", "park jin hyok", "indictment")} <= found["consequences"]
    assert {("US", "lazarus group"), ("US", "apt38")} <= found["attributions"]
    assert ("US", "KP", "awareness_raising") in found["consequences"]


def test_also_charged_in_the_indictment_were_a_list_of_people():
    text = (
        "A Russian businessman has been charged over a hacking scheme, U.S. prosecutors said. Vladislav Klyushin "
        "appeared in court. Also charged in the indictment were Ivan Yermakov, 35, an M-13 employee; Nikolai "
        "Rumiantcev, 34; and Mikhail Vladimirov, 28."
    )
    found = _found(text, dt.date(2021, 12, 21))["consequences"]
    names = ("ivan yermakov", "nikolai rumiantcev", "mikhail vladimirov")
    assert {("US", name, "indictment") for name in names} <= found


def test_a_district_court_abroad_a_lawyer_telling_a_broadcaster_and_a_man_wanted_by_another_state():
    text = (
        "HELSINKI (AFP) - A Finnish court on Tuesday sentenced a man to six years in prison for hacking into a "
        "psychotherapy centre's patient database.\n\n"
        "The Western Uusimaa District Court found Aleksanteri Kivimäki guilty of aggravated data breach. His lawyer "
        'told public broadcaster Yle after the ruling that his client "continues to reject the accusations".'
    )
    found = _found(text, dt.date(2024, 4, 30))
    assert ("FI", "aleksanteri kivimäki", "prosecution") in found["consequences"]
    assert not any(initiator == "US" for initiator, _, _ in found["consequences"])
    assert "yle" not in found["denials"]
    text = (
        "MOSCOW, Nov 29 (Reuters) - Russian police have charged a man wanted by the United States over ransomware "
        "attacks with creating malicious software, state media reported on Friday. Interior Ministry spokeswoman "
        "Irina Volk said police had completed their investigation of a programmer. The case has been sent to court, "
        "she said. Volk did not name the suspect, but state news agency RIA Novosti identified him as Mikhail "
        "Matveev."
    )
    found = _found(text, dt.date(2024, 11, 29))["consequences"]
    assert ("RU", "mikhail matveev", "indictment") in found and ("RU", "US", "indictment") not in found


def test_the_cosigners_of_an_advisory_blame_the_group_and_its_state_and_warn_of_the_group():
    text = (
        "Australia leads allies in accusing China-backed APT40 of hacking government networks\n\n"
        "Australia on Tuesday accused a Chinese state-sponsored hacking group of stealing passwords from government "
        "networks. An advisory issued by the Australian Signals Directorate said the group, known as APT40, conducts "
        "malicious cyber operations for China's Ministry of State Security. The advisory was co-signed by cyber "
        "agencies from the United States, Britain and Japan."
    )
    found = _found(text, dt.date(2024, 7, 9))
    assert {("GB", "apt40"), ("GB", "CN"), ("JP", "apt40")} <= found["attributions"]
    assert {("GB", "apt40", "awareness_raising"), ("US", "apt40", "awareness_raising")} <= found["consequences"]


def test_a_reported_attacker_in_the_present_tense():
    text = (
        "Australia on Tuesday accused a Chinese state-sponsored hacking group of stealing passwords from government "
        "networks. An advisory issued by the Australian Signals Directorate said the group, known as APT40, conducts "
        "malicious cyber operations for China's Ministry of State Security."
    )
    assert ("AU", "apt40") in _found(text, dt.date(2024, 7, 9))["attributions"]


def test_hackers_backed_by_a_state_trying_to_steal_is_a_claim_not_a_hack_back():
    text = (
        "OTTAWA/LONDON (Reuters) - Hackers backed by the Russian state are trying to steal COVID-19 vaccine research "
        "from academic and pharmaceutical institutions around the world, Canada, Britain and the United States said "
        "on Thursday."
    )
    found = _found(text, dt.date(2020, 7, 16))
    assert {("CA", "RU"), ("GB", "RU"), ("US", "RU")} <= found["attributions"]
    assert not any(kind == "cyber_operation" for _, _, kind in found["consequences"])


def test_two_of_those_detained_and_an_extradition_only_to_be_requested():
    text = (
        "Thai police have arrested four foreign nationals in Phuket in connection with a ransomware gang. Hours later "
        "the US Justice Department unsealed an indictment charging two of those detained, Roman Berezhnoy, 33, and "
        "Egor Glebov, 39, both Russian nationals. Thai officials said the US was expected to request the extradition "
        "of Berezhnoy and Glebov."
    )
    found = _found(text, dt.date(2025, 2, 11))["consequences"]
    assert ("US", "roman berezhnoy", "indictment") in found
    assert not any(kind == "extradition" or (initiator, kind) == ("US", "arrest") for initiator, _, kind in found)


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # a claim against a state stays when the person blamed later is no national of it
            "The United States said Chinese nationals hacked the Treasury in a cyber attack. Separately, the United "
            "States charged Ivan Petrov with running a botnet.",
            "attributions",
            {("US", "CN"), ("US", "ivan petrov")},
            set(),
        ),
        (  # the subject of a reported clause is not its speaker
            "Ivan Petrov hacked the ministry's network in a cyber attack, investigators said. The United States "
            "charged Petrov on Monday.",
            "consequences",
            {("US", "ivan petrov", "indictment")},
            set(),
        ),
        (  # an office word must be a word of its own ("headed" is no "head")
            "The ransomware gang, which was headed by Ivan Petrov, breached the ministry's network in a cyber attack. "
            "The United States charged Petrov on Monday.",
            "consequences",
            {("US", "ivan petrov", "indictment")},
            set(),
        ),
        (  # a further clause of another speaker
            "Britain said Chinese hackers had compromised the Electoral Commission in a cyber attack, but the "
            "commission's chief executive said that no data had been lost, and that Russian hackers had attacked the "
            "party's website.",
            "attributions",
            {("GB", "CN")},
            {("GB", "RU")},
        ),
        (  # who first saw the deed did not do it
            "Government networks were compromised in an intrusion first seen by Microsoft, Germany said.",
            "attributions",
            set(),
            {("DE", "microsoft")},
        ),
        (  # an address associated with a firm blames no firm
            "Germany said the IP address used in the cyber attack was associated with Hetzner, a German hosting "
            "company.",
            "attributions",
            set(),
            {("DE", "hetzner")},
        ),
        (  # a group named inside a relative clause about the club is not the one they belong to
            "The Dutch government said the two men were members of a student hacking club that had warned of APT29 "
            "phishing.",
            "attributions",
            set(),
            {("NL", "apt29")},
        ),
    ],
)
def test_the_session_14_review_kept_these_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2024, 5, 2))[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # a group's full name with its short name in brackets, after the state that controls it
            "The European Union strongly condemned the campaign conducted by the Russia-controlled Advanced "
            "Persistent Threat Actor 28 (APT28) against Germany.",
            "attributions",
            {("european union", "apt28"), ("european union", "RU")},
            set(),
        ),
        (  # an office holder speaks for their state only in the years of the office
            "The European Union backed Prague. In a statement on behalf of the bloc, foreign policy chief Kaja Kallas "
            'said the EU "strongly condemns the malicious cyber campaign conducted by APT31".',
            "attributions",
            {("european union", "apt31")},
            {("EE", "apt31")},
        ),
        (  # a name with a patronymic and the same name without it are one person
            "Britain identified a hacker, Dmitry Yuryevich Khoroshev, as the leader of LockBit. Prosecutors in New "
            "Jersey unsealed an indictment charging Dmitry Khoroshev with fraud and extortion over ransomware attacks.",
            "attributions",
            {("GB", "dmitry khoroshev"), ("US", "dmitry khoroshev")},
            {("GB", "dmitry yuryevich khoroshev")},
        ),
        (  # no evidence of a sponsor is no sponsor
            "The United States charged the administrator of the LockBit ransomware gang with extortion. The agency "
            "said it had found no evidence that LockBit was directed by the Russian state.",
            "attributions",
            {("US", "lockbit")},
            {("US", "RU")},
        ),
        (  # what is only possible is not said
            "Australia said it was possible that Russian hackers had carried out the attack.",
            "attributions",
            set(),
            {("AU", "RU")},
        ),
        (  # a clause of its own after "with Britain saying", and "the group" of the sentence before
            "Britain, the United States and Australia sanctioned members of the Russian cybercrime gang Evil Corp, "
            "with Britain saying the group had carried out cyber attacks against NATO allies on the orders of "
            "Russia's intelligence services.",
            "consequences",
            {("US", "evil corp", "sanctions")},
            {("US", "RU", "sanctions")},
        ),
        (
            "Evil Corp extorted banks for years. Britain said the group had carried out cyber attacks against NATO "
            "allies on the orders of Russia's intelligence services.",
            "attributions",
            {("GB", "evil corp"), ("GB", "RU")},
            set(),
        ),
        (  # a time before the group named in apposition is no group
            "On Monday, the ransomware group Rhysida listed the British Library on its leak site. The FBI said the "
            "group had carried out the attack.",
            "attributions",
            {("US", "rhysida")},
            {("US", "on monday")},
        ),
        (  # a company's name may open with a lower-case prefix
            "Eight of the defendants work for i-Soon, a Shanghai-based contractor, according to indictments unsealed "
            "in New York. The State Department offered a reward for information on i-Soon's leadership.",
            "consequences",
            {("US", "i-soon", "reward")},
            {("US", "soon", "reward")},
        ),
        (  # of two people who share a surname, the one named beside the others the sentence names
            "The United States charged i-Soon staff Wang Zhe and Zhou Weiwei with hacking. In a separate case, "
            "prosecutors charged Yin Kecheng, 38, and Zhou Shuai, 45, with breaching technology companies. The State "
            "Department offered rewards of up to $2 million each for Yin and Zhou.",
            "consequences",
            {("US", "zhou shuai", "reward")},
            {("US", "zhou weiwei", "reward")},
        ),
        (  # what the people of a list are said to belong to
            "Federal prosecutors in Washington charged Yin Kecheng, 38, and Zhou Shuai, 45, whom they described as "
            "members of the hacking group APT27, with breaching U.S. technology companies.",
            "attributions",
            {("US", "apt27"), ("US", "zhou shuai")},
            set(),
        ),
        (  # a price is no charge
            "The United States charged twelve Chinese nationals with hacking. An indictment alleges that i-Soon, a "
            "Shanghai-based contractor, charged Chinese government clients between about $10,000 and $75,000 for "
            "each inbox it broke into.",
            "attributions",
            set(),  # (nor, since session 21, the state of people charged, named only by their nationality)
            {("i-soon", "CN"), ("soon", "CN")},
        ),
        (  # the people of a body, named after it, and no ministry called "Two Ministry"
            "The United States charged 12 Chinese nationals with hacking. Two Ministry of Public Security officers, "
            "Wang Liyu and Sheng Jing, were charged with directing the work.",
            "consequences",
            {("US", "wang liyu", "indictment"), ("US", "sheng jing", "indictment")},
            set(),
        ),
        (  # a passive charge is the measure's, told by the body that closes the sentence; the dateline goes on past
            # an abbreviated state; the person named next is the one charged
            "KANSAS CITY, Kan. (AP) — A North Korean military intelligence operative has been charged with hacking "
            "U.S. hospitals, the Justice Department said Thursday. Rim Jong Hyok worked for Andariel, according to an "
            "indictment unsealed in federal court in Kansas.",
            "consequences",
            {("US", "rim jong hyok", "indictment")},
            {("KP", "US", "indictment")},
        ),
        (
            "A North Korean operative has been charged with hacking hospitals, the Justice Department said Thursday.",
            "attributions",
            {("US", "KP")},
            {("KP", "US")},
        ),
        (  # the owner of a firm describes it
            "Google-owned cybersecurity firm Mandiant published a report describing a group it calls APT45 as a North "
            "Korean cyber operator that has carried out espionage and ransomware attacks.",
            "attributions",
            {("mandiant", "apt45")},
            {("google", "apt45")},
        ),
        (  # each state of a list of bodies named with their states
            "The FBI, together with Britain's National Cyber Security Centre and South Korea's National Intelligence "
            "Service, issued a joint advisory warning that Andariel was stealing military information.",
            "attributions",
            {("GB", "andariel"), ("KR", "andariel")},
            set(),
        ),
        (  # a measure against an office holder who never speaks, and a list that goes on with "and on"
            "The European Union imposed sanctions over a 2015 cyberattack on the German parliament. The EU imposed "
            "travel bans on GRU chief Igor Kostyukov and on Dmitry Badin.",
            "consequences",
            {("european union", "igor kostyukov", "sanctions"), ("european union", "dmitry badin", "sanctions")},
            {("european union", "RU", "sanctions")},
        ),
        (  # the one an event prompts to act acts
            "The European Union on Thursday imposed sanctions on the head of Russia's GRU over a 2015 cyberattack on "
            "the German parliament, prompting Moscow to promise a response.",
            "consequences",
            {("RU", "european union", "pledged_response")},
            {("european union", "RU", "pledged_response")},
        ),
        (  # an extradition yet to be sought, and a capital that is a place
            "U.S. prosecutors charged a Russian man arrested in the Czech capital with hacking into LinkedIn. The "
            "Russian embassy said Moscow would also seek Nikulin's extradition to Russia.",
            "consequences",
            set(),
            {("RU", "nikulin", "extradition"), ("US", "CZ", "indictment")},
        ),
        (  # a headline's demonym as a noun, named two sentences on
            "US charges Russian held in Prague with LinkedIn, Dropbox hacks\n\nU.S. prosecutors on Friday charged a "
            "Russian man with hacking into LinkedIn. Yevgeniy Nikulin, 29, was indicted by a federal grand jury in San "
            "Francisco. His lawyer, Martin Sadilek, told Czech media that Nikulin denied the charges.",
            "consequences",
            {("US", "yevgeniy nikulin", "indictment")},
            {("US", "RU", "indictment")},
        ),
        (  # what describes the people listed ends the list; a plural demonym stands for people
            "The Justice Department charged three Iranian men with hacking the campaign. The indictment names Masoud "
            "Jalili, 36, Seyyed Ali Aghamiri, 34, and Yasar Balaghi, 37, all of whom prosecutors say work for Iran's "
            "Islamic Revolutionary Guard Corps. The Treasury Department imposed sanctions on Jalili and six other "
            "Iranians it accused of involvement in election interference.",
            "consequences",
            {("US", "masoud jalili", "sanctions")},
            {("US", "IR", "sanctions")},
        ),
        (  # a state body naming the group it blamed; a firm naming it too ("It tracks the group as…"), with the state
            # the group was said to serve; an advisory warns of the group its issuers blamed
            "A previously unknown Russian hacker group was behind the cyberattack on the Dutch police, the Dutch "
            "intelligence services said. The AIVD and the MIVD have dubbed the group Laundry Bear. Technology company "
            "Microsoft published its own analysis. It tracks the group as Void Blizzard. The AIVD and MIVD have issued "
            "a technical advisory listing the group's methods.",
            "attributions",
            {("NL", "laundry bear"), ("microsoft", "void blizzard"), ("microsoft", "RU")},
            set(),
        ),
        (
            "A previously unknown Russian hacker group was behind the cyberattack on the Dutch police, the Dutch "
            "intelligence services said. The AIVD and the MIVD have dubbed the group Laundry Bear. Technology company "
            "Microsoft published its own analysis. It tracks the group as Void Blizzard. The AIVD and MIVD have issued "
            "a technical advisory listing the group's methods.",
            "consequences",
            {("NL", "laundry bear", "awareness_raising")},
            {("NL", "void blizzard", "awareness_raising")},
        ),
        (  # a list of people said to be behind the attacks, with what describes them
            "Estonia on Thursday attributed the cyberattacks on its ministries to Russia's GRU. \"Thanks to a thorough "
            "criminal investigation, we can say that Nikolai Korchagin, Vitali Shevchenko and Yuri Denisov, officers "
            'of the GRU, were behind these attacks," Foreign Minister Margus Tsahkna said.',
            "attributions",
            {("EE", "nikolai korchagin"), ("EE", "vitali shevchenko"), ("EE", "yuri denisov"), ("EE", "RU")},
            set(),
        ),
        (  # "linked the group to the sabotage of a broadcaster": the group, not the victim
            "France accused Russia's GRU of cyberattacks, the ministry said. According to ANSSI, APT28 sought "
            "information on the Olympic Games. The agency also linked the group to the 2015 sabotage of broadcaster "
            "TV5Monde.",
            "attributions",
            {("FR", "apt28")},
            {("FR", "tv5monde")},
        ),
        (  # nor the group when it is linked to a state by reports, or by a country's media
            "Singapore blamed UNC3886 for the attacks. The Chinese embassy said it had noted media reports linking "
            "the group to China. British media have linked the group to this year's attacks on retailers.",
            "attributions",
            {("SG", "unc3886")},
            {("CN", "unc3886"), ("GB", "unc3886")},
        ),
        (  # a body a party is described as a member of is no target
            'France accused Russia of the cyberattacks. "These destabilising activities are unacceptable and unworthy '
            'of a permanent member of the UN Security Council," the ministry said.',
            "consequences",
            set(),
            {("FR", "united nations", "condemnation")},
        ),
        (  # measures said to apply to people, with what describes them, and a list going on with "and to"
            "The European Union imposed sanctions over the 2015 cyberattack on the Bundestag. The Council of the EU "
            "said asset freezes and travel bans would apply to Igor Kostyukov, chief of the GRU, and to Dmitry Badin, "
            "an officer of the GRU's 85th Main Centre for Special Services.",
            "consequences",
            {("european union", "igor kostyukov", "sanctions"), ("european union", "dmitry badin", "sanctions")},
            set(),
        ),
        (  # a relative clause with its time before the verb, after a list of accusers
            "The Belgian statement was timed to coincide with a coordinated move by the United States, Britain and the "
            "European Union, which on Monday accused China of being behind the hack of Microsoft Exchange servers.",
            "attributions",
            {("US", "CN"), ("GB", "CN"), ("european union", "CN")},
            {("BE", "CN")},
        ),
        (  # opposing the accusations denies them
            "Belgium linked four Chinese hacker groups to the attacks. The Chinese Embassy in Belgium said it "
            '"firmly opposes" the accusations, which it said were "not based on facts".',
            "denials",
            {"CN"},
            set(),
        ),
        (  # a name in apposition to "a piece of malware" is a tool, and the state said to use it is blamed
            "The US Justice Department said Tuesday it had neutralized Snake, a sophisticated piece of malware that "
            "Russia's Federal Security Service (FSB) has used for nearly two decades to steal documents.",
            "attributions",
            {("US", "RU")},
            {("US", "snake")},
        ),
        (  # partners of a joint act past an earlier "alongside"
            "The United States blamed Russia's FSB for the Snake malware. Alongside the operation, the FBI published a "
            "joint advisory with counterparts from the UK, Canada, Australia and New Zealand.",
            "consequences",
            {("GB", "RU", "awareness_raising"), ("NZ", "RU", "awareness_raising")},
            set(),
        ),
        (  # targets of hackers are victims
            "Nacsa 'studying' US indictment naming Malaysian targets of Chinese hackers",
            "attributions",
            set(),
            {("US", "MY")},
        ),
        (  # "condemned the attack as the work of…" blames, a disguise does not
            'Britain condemned the Exchange attack as the work of "Chinese state-backed groups". Britain\'s National '
            "Cyber Security Centre said the GRU had tried to disguise the PyeongChang attack as the work of North "
            "Korean hackers.",
            "attributions",
            {("GB", "CN")},
            {("GB", "KP")},
        ),
        (  # a person opening a sentence with where they come from; a passive measure of "he" by several states; an
            # earlier operation told after "follows … in February, when"
            "The leader of the LockBit ransomware gang has been named as a Russian national by the National Crime "
            "Agency. Dmitry Khoroshev, from Voronezh in southwestern Russia, is the administrator behind the gang, the "
            "NCA said. He has been sanctioned by Britain, the United States and Australia, freezing his assets. The "
            "announcement follows Operation Cronos in February, when the NCA and the FBI seized LockBit's servers.",
            "consequences",
            {("US", "dmitry khoroshev", "sanctions"), ("AU", "dmitry khoroshev", "sanctions")},
            {("GB", "lockbit", "cyber_operation")},
        ),
        (  # "was behind a hacking group known as X"; an agentless sanction of people by the state that blamed; a list
            # past "described as"; victims "among those whose emails were stolen"
            "Britain has accused Russia's FSB of running a cyber-espionage campaign. The Foreign Office said on "
            "Thursday that Centre 18, a unit of the FSB, was behind a hacking group known as Star Blizzard. Two "
            "members of the group, Ruslan Peretyatko, described as an FSB intelligence officer, and Andrey "
            "Korinets, have been sanctioned. The US State Department offered rewards for information on them. "
            "Among those whose emails were stolen and published by the group was Sir Richard Dearlove.",
            "consequences",
            {("GB", "ruslan peretyatko", "sanctions"), ("GB", "andrey korinets", "sanctions")},
            {("US", "sir richard dearlove", "reward")},
        ),
        (
            "Britain has accused Russia's FSB of running a cyber-espionage campaign. The Foreign Office said on "
            "Thursday that Centre 18, a unit of the FSB, was behind a hacking group known as Star Blizzard.",
            "attributions",
            {("GB", "star blizzard")},
            set(),
        ),
        (  # "last year's cyber-attack" dates the attack, not the charge; the one body of the sentence charges; the
            # people named next with their ages and where they come from
            "Two teenagers have been charged over last year's cyber-attack on Transport for London, which the National "
            "Crime Agency says caused millions of pounds of losses. Thalha Jubair, 19, from east London, and Owen "
            "Flowers, 18, from Walsall, were arrested at their homes on Tuesday by NCA officers.",
            "consequences",
            {
                ("GB", "thalha jubair", "indictment"),
                ("GB", "owen flowers", "indictment"),
                ("GB", "owen flowers", "arrest"),
            },
            set(),
        ),
        (  # an unqualified National Cyber Security Centre is Britain's in a report that names Britain
            "North Korean state hackers are targeting Britain's defence industry. In a joint advisory, the National "
            "Cyber Security Centre, the FBI and South Korea's National Intelligence Service said a group known as "
            "Andariel had compromised organisations.",
            "attributions",
            {("GB", "andariel"), ("US", "andariel"), ("KR", "andariel")},
            set(),
        ),
        (  # and not in a report that never names Britain
            "Several Swiss federal websites were unreachable on Wednesday. The National Cyber Security Centre (NCSC) "
            "said the attack had been carried out by the hacker group NoName057(16).",
            "attributions",
            set(),
            {("GB", "noname057(16)")},
        ),
        (  # what a subject is, in apposition, is no other subject; a clause hedging what was said hedges it all
            "The US charged Rim Jong Hyok. Mandiant, Google's cyber-security unit, published its own research on the "
            "same day, saying the campaign was the work of a North Korean state-backed group it tracks as APT45. "
            '"There is a plausible link to what is being shipped to Moscow, but that is still speculative," said one '
            "researcher at the Royal United Services Institute.",
            "attributions",
            {("mandiant", "apt45")},
            {("google", "apt45"), ("GB", "RU")},
        ),
        (  # "his identification" after a measure against one person
            "The US Justice Department unsealed an indictment against Rim Jong Hyok, an alleged Andariel member, "
            "accusing him of laundering ransom payments from hacking. The State Department offered a reward of up to "
            "$10 million for information leading to his identification or location.",
            "consequences",
            {("US", "rim jong hyok", "reward")},
            {("US", "andariel", "reward")},
        ),
        (  # each person of a subject denies; a client maintaining his innocence denies
            "A Russian military court on Friday sentenced four members of the REvil ransomware gang. The court found "
            "Artem Zaets, Alexei Malozemov, Daniil Puzyrevsky and Ruslan Khansvyarov guilty. Puzyrevsky and "
            "Khansvyarov, both 30, rejected the charges throughout the trial, their lawyers said.",
            "denials",
            {"daniil puzyrevsky", "ruslan khansvyarov"},
            set(),
        ),
        (
            "A federal judge in San Francisco sentenced Yevgeniy Nikulin, 32, to seven years in prison for hacking "
            "LinkedIn. Nikulin's lawyer, Adam Gasner, said his client maintained his innocence and would appeal.",
            "denials",
            {"yevgeniy nikulin"},
            set(),
        ),
        (  # what commentators suggest ties a group to no state
            "The United States has charged two Sudanese nationals with running Anonymous Sudan, the hacking group "
            "that knocked Kenya's government services offline. Some Western researchers had suggested Anonymous Sudan "
            "was a front for Russian state-backed hackers.",
            "attributions",
            {("US", "anonymous sudan")},
            {("US", "RU")},
        ),
        (  # a demonym and a trade before a person's name are his; a lawyer's "never had anything to do with" denies;
            # a habit of denouncing is no measure of this report
            "A Paris court on Monday sentenced Russian cryptocurrency specialist Alexander Vinnik to five years in "
            'prison for laundering ransomware proceeds. "He never had anything to do with Locky," his lawyer Frederic '
            "Belot told reporters. Russia has repeatedly denounced his transfer to France.",
            "consequences",
            {("FR", "alexander vinnik", "prosecution")},
            {("RU", "FR", "condemnation")},
        ),
        (
            "A Paris court on Monday sentenced Russian cryptocurrency specialist Alexander Vinnik to five years in "
            'prison for laundering ransomware proceeds. "He never had anything to do with Locky," his lawyer Frederic '
            "Belot told reporters.",
            "denials",
            {"alexander vinnik"},
            set(),
        ),
        (  # a dateline on a line of its own; an office of government in apposition is the dateline's; a company name
            # with "and" set off by commas; an envoy named with his office is not accused; "In Washington the Treasury"
            "Britain points at Beijing\n\nLONDON\n\nOliver Dowden, the deputy prime minister, told the House of "
            'Commons that "China state-affiliated actors" were responsible for the compromise of the Electoral '
            "Commission. The Foreign Office sanctioned a company, Wuhan Xiaoruizhi Science and Technology, which it "
            "described as a front for China's Ministry of State Security, and two men, Zhao Guangzong and Ni Gaobin. "
            "Zheng Zeguang, China's ambassador, was summoned. In Washington the Justice Department unsealed charges "
            "against seven alleged APT31 hackers, and the Treasury imposed its own sanctions on the company and the "
            "pair.",
            "consequences",
            {
                ("GB", "wuhan xiaoruizhi science and technology", "sanctions"),
                ("US", "zhao guangzong", "sanctions"),
                ("US", "ni gaobin", "sanctions"),
            },
            {("US", "zheng zeguang", "sanctions"), ("CN", "zhao guangzong", "sanctions")},
        ),
        (
            "Britain points at Beijing\n\nLONDON\n\nOliver Dowden, the deputy prime minister, told the House of "
            'Commons that "China state-affiliated actors" were responsible for the compromise of the Electoral '
            "Commission.",
            "attributions",
            {("GB", "CN")},
            set(),
        ),
        (  # "N. Korean" and "S. Korea", as headlines and agencies abbreviate them
            "Seoul on Friday imposed sanctions on the N. Korean hacking group Kimsuky over cyberattacks. S. Korea said "
            "the group stole data.",
            "attributions",
            {("KR", "KP"), ("KR", "kimsuky")},
            {("KR", "n. korean")},
        ),
        (  # goods under sanctions already are no new sanctions
            "Lithuanian officials blamed Killnet for a wave of DDoS attacks on state institutions, after Vilnius "
            "restricted rail transit of sanctioned goods to the Russian exclave of Kaliningrad.",
            "consequences",
            set(),
            {("LT", "RU", "sanctions")},
        ),
        (  # "the Biden administration" is the United States' government
            "The Biden administration on Friday imposed sanctions on six Iranian officials it said were behind a wave "
            "of cyberattacks on water utilities. Those designated include the command's head, Hamid Reza Lashgarian, "
            "along with Mahdi Lashgarian and Hamid Homayunfal.",
            "consequences",
            {("US", "hamid reza lashgarian", "sanctions"), ("US", "hamid homayunfal", "sanctions")},
            {("IR", "hamid homayunfal", "sanctions")},
        ),
        (  # people counted by a plural demonym, named in the next sentence
            "WASHINGTON — The Justice Department on Thursday charged seven Iranians working for companies tied to the "
            "Revolutionary Guards with cyberattacks against American banks. The indictment says the defendants — "
            "Ahmad Fathi, Hamid Firoozi, Amin Shokohi, Sadegh Ahmadzadegan, Omid Ghaffarinia, Sina Keissar and Nader "
            "Saedi — worked for two Iran-based computer companies.",
            "consequences",
            {("US", "ahmad fathi", "indictment"), ("US", "nader saedi", "indictment")},
            {("US", "IR", "indictment")},
        ),
        (  # co-signers named past a relative clause, with an adjective before "agencies", listed past "U.K."
            "In a joint advisory released the same day, the National Security Agency and the FBI attributed the "
            "activity to a Chinese state-sponsored cyber actor. The advisory, which didn't use Microsoft's name for "
            "the group, was co-signed by cybersecurity agencies from the U.K., Australia, Canada and New Zealand.",
            "attributions",
            {("GB", "CN"), ("AU", "CN"), ("CA", "CN"), ("NZ", "CN")},
            set(),
        ),
        (  # people put on a wanted list, counted and named in the next sentence, with a reward for their capture
            "HARBIN, April 15 (Xinhua) -- Police in Harbin on Tuesday put three agents of the US National Security "
            "Agency on a wanted list for carrying out cyberattacks during the Asian Winter Games. The three, "
            "identified as Katheryn A. Wilson, Robert J. Snelling and Stephen W. Johnson, repeatedly launched "
            "cyberattacks, the bureau said. The bureau said it is offering rewards for information leading to their "
            "capture.",
            "consequences",
            {("CN", "katheryn a. wilson", "reward"), ("CN", "stephen w. johnson", "indictment")},
            {("CN", "US", "reward")},
        ),
    ],
)
def test_session_15_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2025, 5, 28))[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # an office holder the list knows speaks for their own state, not the dateline's
            "WASHINGTON (Reuters) - Russian hackers breached several US agencies, officials said. Sergei Lavrov, the "
            "foreign minister, said the attack was carried out by Ukrainian hackers.",
            "attributions",
            {("RU", "UA")},
            {("US", "UA")},
        ),
        (  # a list of bodies named with their states goes on past a possessive
            "The FBI, the NSA, Britain's NCSC and Canada's Cyber Centre said APT29 was behind the intrusions.",
            "attributions",
            {("US", "apt29"), ("GB", "apt29"), ("CA", "apt29")},
            set(),
        ),
        (  # the group a firm names serves a state only when the report described it by that state
            "The United States accused Russia of hacking SolarWinds. Separately, Microsoft said a criminal gang had "
            "breached its email systems. Microsoft calls the group Storm-1152.",
            "attributions",
            {("microsoft", "storm-1152")},
            {("microsoft", "RU")},
        ),
        (  # an analyst introduced with his firm is quoted, not accused
            "The ransomware attack crippled hospitals. John Hultquist, of Mandiant, said the hackers were probably "
            "linked to the GRU. The Treasury on Tuesday sanctioned a Russian national over the attack.",
            "attributions",
            set(),
            {("US", "john hultquist")},
        ),
        (  # a sum after a preposition is no price
            "The United States charged Ilya Lichtenstein over $4.5 billion stolen in the Bitfinex hack.",
            "consequences",
            {("US", "ilya lichtenstein", "indictment")},
            set(),
        ),
        (  # a question about something else hedges no claim
            "Britain said Russia's GRU was behind the attack, but it is not yet clear how many systems were affected.",
            "attributions",
            {("GB", "RU")},
            set(),
        ),
        (  # "follows … in March, when" inside the sentence's news
            "Britain on Thursday sanctioned three GRU officers over the hack, in a move that follows an attack in "
            "March, when hackers hit the Electoral Commission.",
            "consequences",
            {("GB", "RU", "sanctions")},
            set(),
        ),
        (  # a group using malware is a group
            "The United States sanctioned Lazarus, a group using custom malware, on Tuesday over the hack.",
            "consequences",
            {("US", "lazarus", "sanctions")},
            set(),
        ),
        (  # an agentless sanction after "Separately" is nobody's
            "Moscow accused Washington of cyber aggression against Russian banks. Separately, Ivan Petrov and Oleg "
            "Smirnov have been sanctioned over the SolarWinds hack.",
            "consequences",
            set(),
            {("RU", "ivan petrov", "sanctions")},
        ),
        (  # "at the request of" is no tie to a sponsor
            "Europol said LockBit had been disrupted. Ukrainian police said the group had carried out attacks on "
            "hospitals in dozens of countries and that two members were held at the request of France.",
            "attributions",
            {("UA", "lockbit")},
            {("UA", "FR")},
        ),
        (  # the victim body does not charge
            "Two teenagers have been charged over a hack of the FBI's email server. Ivan Petrov, 19, and Oleg Smirnov, "
            "18, appeared in court.",
            "consequences",
            set(),
            {("US", "ivan petrov", "indictment")},
        ),
        (  # two people with the same first and last word are two people
            "The Justice Department charged Kim Ryong Hyok and Ri Jin Hyok with hacking. Separately, police in Seoul "
            "arrested Kim Chol Hyok.",
            "consequences",
            {("KR", "kim chol hyok", "arrest")},
            {("KR", "kim ryong hyok", "arrest")},
        ),
        (  # what a named firm's researchers say ties a group to its state
            "Researchers at Microsoft said Volt Typhoon is backed by the Chinese state. The NSA said Volt Typhoon was "
            "behind the intrusions.",
            "attributions",
            {("US", "CN")},
            set(),
        ),
        (  # "U.K." names Britain
            "The NCSC said on Tuesday that APT31 was behind the hack of U.K. lawmakers' emails.",
            "attributions",
            {("GB", "apt31")},
            set(),
        ),
        (  # two companies are not one name
            "The Treasury sanctioned the cryptocurrency exchange Garantex and Grinex, which it said laundered "
            "ransomware proceeds.",
            "consequences",
            {("US", "garantex", "sanctions")},
            {("US", "garantex and grinex", "sanctions")},
        ),
        (  # a framework is no false flag
            "Britain, under a framework agreed with its allies, condemned the attack as the work of Chinese "
            "state-backed hackers.",
            "attributions",
            {("GB", "CN")},
            set(),
        ),
    ],
)
def test_the_session_15_review_kept_these_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2024, 5, 1))[category]
    assert expected <= found and not unexpected & found


def test_an_office_ended_in_the_last_year_of_the_list_is_not_held_after_it():
    from attribution.extraction.gazetteer import office_holder

    assert office_holder("Antony Blinken", dt.date(2023, 6, 1)) is not None
    assert office_holder("Joe Biden", dt.date(2027, 3, 1)) is None
    assert office_holder("Kaja Kallas", dt.date(2025, 5, 28)) is None


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # a day before "the group" is no group's name
            "TOKYO, Jan. 9 (Kyodo) -- The National Police Agency said Wednesday the group, known as MirrorFace, was "
            "behind attacks from 2019 to 2024 on Japanese government bodies.",
            "attributions",
            {("JP", "mirrorface")},
            {("JP", "wednesday")},
        ),
        (  # an office holder named as the object of a legal act is one of those it is against
            "WASHINGTON, March 6 - The United States has charged 12 Chinese nationals, among them employees of "
            "contractor i-Soon, over a hacking campaign. An indictment unsealed in Manhattan federal court names "
            "i-Soon founder Wu Haibo and chief executive Chen Cheng among eight employees of the company.",
            "consequences",
            {("US", "wu haibo", "indictment"), ("US", "chen cheng", "indictment")},
            set(),
        ),
        (  # people who "directed some of" the attacks are accused of them
            "WASHINGTON, March 6 - The United States has charged 12 Chinese nationals. An indictment unsealed in "
            "Manhattan federal court names eight employees of the company. According to prosecutors, MPS officers "
            "Wang Liyu and Sheng Jing directed some of the intrusions.",
            "attributions",
            {("US", "wang liyu"), ("US", "sheng jing")},
            set(),
        ),
        (  # members of a group named by what researchers track it as
            "WASHINGTON, March 6 - The United States has charged 12 Chinese nationals over a hacking campaign. In a "
            "parallel case, prosecutors charged Yin Kecheng and Zhou Shuai, whom they described as members of the "
            "group tracked by private-sector researchers as APT27, with breaking into networks of U.S. companies.",
            "attributions",
            {("US", "apt27"), ("US", "zhou shuai")},
            set(),
        ),
        (  # a company named in full with where it is based, later by the first words of its name
            "The U.S. Treasury on Tuesday imposed sanctions on a Chinese cybersecurity company over a hacking "
            "campaign. The sanctions target Chengdu-based Sichuan Silence Information Technology Company and its "
            "employee Guan Tianfeng. The State Department offered $10 million for information on Sichuan Silence.",
            "consequences",
            {
                ("US", "sichuan silence information technology company", "sanctions"),
                ("US", "sichuan silence information technology company", "reward"),
            },
            {
                ("US", "silence", "reward"),
                ("US", "chengdu-based sichuan silence information technology company", "sanctions"),
            },
        ),
        (  # a dateline with a colon on its own line; a body the gazetteer does not know, named with what it is; an
            # opening adverbial of more than 60 characters before "the agency"; groups counted, then listed
            "MUMBAI:\n\nHacker groups launched more than 1.5 million cyberattacks on Indian websites, Maharashtra "
            "Cyber, the State police's nodal agency for cybersecurity, said on Tuesday.\n\nIn a report submitted to "
            "the Director-General of Police and the State Home Department, the agency named seven advanced persistent "
            "threat groups behind the attacks, among them APT 36, Pakistan Cyber Force and Indo Hacks Sec.",
            "attributions",
            {("IN", "apt 36"), ("IN", "pakistan cyber force"), ("IN", "indo hacks sec")},
            set(),
        ),
        (  # a group named by what it calls itself after a comma and "which"; an attempt to deface
            "Addis Abeba - The Information Network Security Agency (INSA) said it had thwarted a cyberattack on "
            "government websites. INSA Director General Shumete Gizaw told the state broadcaster that the group, which "
            "calls itself the Cyber Horus Group, had tried to deface the sites.",
            "attributions",
            {("ET", "cyber horus group")},
            set(),
        ),
        (  # "had no information that" hedges what follows; what social media users say is commentary
            "Addis Abeba - The Information Network Security Agency (INSA) said it had thwarted a cyberattack on "
            "government websites. He said the agency had traced the attacks to a group based in Egypt, but added that "
            "INSA had no information that the hackers were directed by the Egyptian government. Some Ethiopian social "
            "media users accused Cairo of orchestrating the attacks.",
            "attributions",
            set(),
            {("ET", "EG")},
        ),
        (  # a group in apposition, described as the one the speaker identified as responsible; a second predicate
            # of the same subject ("and was testing whether…") carries its own hedge
            "Indonesia's National Cyber and Crypto Agency (BSSN) said on Wednesday it had received the key from Brain "
            "Cipher, the group it has identified as responsible for the June 20 attack on the national data centre, "
            "and was testing whether it worked.",
            "attributions",
            {("ID", "brain cipher")},
            set(),
        ),
        (  # "the group behind the attack" in apposition, in a sentence that gives the speaker's words
            "Indonesia's National Cyber and Crypto Agency said on Wednesday that it had received a key from Brain "
            "Cipher, the group behind the June 20 attack on the national data centre.",
            "attributions",
            {("ID", "brain cipher")},
            set(),
        ),
        (  # a quotation that blames, given to a body named after it
            'VILNIUS - Lithuanian state institutions were hit by attacks on Monday. "The attacks were carried out by '
            "the Killnet group,\" Lithuania's defence ministry said.",
            "attributions",
            {("LT", "killnet")},
            set(),
        ),
        (  # a speaker the report gives no party for, telling what a body believes
            "KYIV - Illia Vitiuk told journalists on Jan. 4 that the Security Service of Ukraine believes the attack "
            "was carried out by Sandworm.",
            "attributions",
            {("UA", "sandworm")},
            set(),
        ),
        (  # traced to a group described before its name
            "VILNIUS - Lithuanian state websites were hit by a cyberattack on Monday. Lithuania's defence ministry "
            "traced the attack to a group known as Killnet.",
            "attributions",
            {("LT", "killnet")},
            set(),
        ),
        (  # the hallmarks of a party
            "VILNIUS - Lithuanian state websites were hit by a cyberattack on Monday. The Lithuanian government said "
            "the cyberattack bore the hallmarks of Russian state-sponsored hackers.",
            "attributions",
            {("LT", "RU")},
            set(),
        ),
        (  # "the hackers behind the attack were X"
            "VILNIUS - Lithuanian state websites were hit by a cyberattack on Monday. Lithuanian prosecutors said that "
            "the hackers behind the attack were the pro-Russian group Killnet.",
            "attributions",
            {("LT", "killnet")},
            set(),
        ),
        (  # the attacker first, a speaker of the dateline's government last
            "VILNIUS - Lithuanian state websites were hit by a cyberattack on Monday. Russia carried out the attack, "
            "Defence Minister Arvydas Anusauskas said on Tuesday.",
            "attributions",
            {("LT", "RU")},
            set(),
        ),
        (  # observers' words after "as", and "US$" is money
            "NEW DELHI - India's nuclear power operator confirmed on Wednesday that malware had been found at a plant, "
            "as security researchers in South Korea and elsewhere said the code bore the hallmarks of North Korean "
            "hackers. JAKARTA: The government will not pay the US$8 million ransom demanded by hackers who crippled "
            "the data centre, Communications Minister Budi Arie Setiadi said on Thursday.",
            "attributions",
            set(),
            {("IN", "KP"), ("ID", "US")},
        ),
        (  # "brushed off" the accusations
            "VILNIUS - Lithuania on Monday blamed Russia for a cyberattack on state websites. The Kremlin brushed off "
            "the accusations.",
            "denials",
            {"RU"},
            set(),
        ),
        (  # "according to the ministry": the ministry spoken of before
            "VILNIUS - Lithuania's defence ministry reviewed the incident on Monday. Lithuanian state websites were "
            "hit by a cyberattack. According to the ministry, APT28 was behind the attack.",
            "attributions",
            {("LT", "apt28")},
            set(),
        ),
        (  # the accused in apposition between "held" and "responsible"
            "VILNIUS - Lithuanian state websites were hit by a cyberattack on Monday. The Lithuanian government held "
            "Killnet, a pro-Russian hacker group, responsible for the cyberattack.",
            "attributions",
            {("LT", "killnet")},
            set(),
        ),
        (  # "the ministry" closing a sentence is not a body named as the attackers' master
            "VILNIUS - Lithuania's defence ministry reviewed the incident on Monday. Lithuanian state websites were "
            "hit by a cyberattack. The attack was the work of hackers working for Russia's GRU, the ministry said.",
            "attributions",
            {("LT", "RU")},
            set(),
        ),
        (  # a sentence opened by "late last year" is background
            "MANILA - The Philippines said on Sunday that Chinese hackers had tried to breach government email "
            "systems. Late last year, researchers at Palo Alto Networks' Unit 42 said a China-linked group known as "
            "Mustang Panda had targeted a Philippine government entity.",
            "attributions",
            {("PH", "CN")},
            {("palo alto networks", "mustang panda"), ("CN", "mustang panda")},
        ),
        (  # "The indictment" of the sentence before's federal indictment, unsealed on a weekday in a US city
            "Three officers of Russia's Federal Security Service broke into the network of a nuclear plant operator, "
            "according to a federal indictment unsealed Thursday in Kansas City, Kan. The indictment, returned by a "
            "grand jury last August, charges Pavel Aleksandrovich Akulov, Mikhail Mikhailovich Gavrilov and Marat "
            "Valeryevich Tyukov with conspiring to damage energy facilities.",
            "consequences",
            {("US", "pavel aleksandrovich akulov", "indictment"), ("US", "marat valeryevich tyukov", "indictment")},
            {("RU", "pavel aleksandrovich akulov", "indictment")},
        ),
        (  # a reward for "the three FSB officers": the people charged before, whatever body names them
            "WASHINGTON - A federal indictment charges Pavel Akulov, Mikhail Gavrilov and Marat Tyukov, officers of an "
            "FSB unit, with hacking energy companies. The State Department offered rewards of up to $10 million each "
            "for information on the three FSB officers, who are believed to be in Russia.",
            "consequences",
            {("US", "pavel akulov", "reward"), ("US", "marat tyukov", "reward")},
            {("US", "RU", "reward")},
        ),
        (  # victims before "targeted by" a group are not its accused; the group is the accused of the source after
            "OTTAWA - Canadian members of Parliament were among hundreds of politicians around the world targeted by a "
            "Chinese state-sponsored hacking group, according to a U.S. indictment.",
            "attributions",
            {("US", "CN")},
            {("US", "CA")},
        ),
        (  # a year inside a reported clause dates the deed told now
            "OTTAWA - The U.S. Justice Department on Monday charged seven Chinese nationals with computer intrusions. "
            "Prosecutors said the men belong to APT31, a group run by China's Ministry of State Security, and that it "
            "sent tracking emails in 2021 to members of the Inter-Parliamentary Alliance on China.",
            "attributions",
            {("US", "apt31"), ("US", "CN")},
            set(),
        ),
        (  # "Jordan" as a given name before a surname, in a speaker's place, is no state
            'OTTAWA - Canadian MPs were targeted by Chinese state hackers, officials said. "Canadian senators were '
            'spared," said Jordan Leclerc, a security researcher at the University of Ottawa, adding that the '
            "indictment may not list every target.",
            "attributions",
            set(),
            {("JO", "CN")},
        ),
        (  # an opening adverbial of more than 100 characters before "the agency said"
            "Japan's National Police Agency (NPA) this week took the unusual step of publicly linking a long-running "
            "espionage campaign to China. In an advisory issued Jan. 8 together with the National center of Incident "
            "readiness and Strategy for Cybersecurity (NISC), the agency said that a group known as MirrorFace had "
            "carried out some 210 cyberattacks between 2019 and 2024.",
            "attributions",
            {("JP", "mirrorface")},
            set(),
        ),
        (  # "The culprit, they said, was…": the sayer set off in the first clause; a group "christened" by them
            "When hackers made off with the contact details of Dutch police officers last September, the breach looked "
            "like one more data theft. On May 27th the Netherlands' two intelligence services, the civilian AIVD and "
            "the military MIVD, said otherwise. The culprit, they said, was a previously unknown group, which they "
            "have christened Laundry Bear, acting on behalf of the Russian government.",
            "attributions",
            {("NL", "laundry bear"), ("NL", "RU")},
            set(),
        ),
        (  # a group described as a state body's project in a relative clause; "the service" naming the people
            "KYIV - The Security Service of Ukraine (SBU) has identified the members of the hacker group Armageddon, "
            "which it describes as a special project of the Russian FSB aimed at Ukraine. The service named five "
            "officers: Oleksandr Sklianko, Mykola Chernykh, Anton Starchenko, Oleksandr Miroshnychenko and Oleksandr "
            "Sushchenko.",
            "attributions",
            {("UA", "armageddon"), ("UA", "RU"), ("UA", "oleksandr sklianko"), ("UA", "oleksandr sushchenko")},
            set(),
        ),
        (  # unqualified prosecutors are the dateline's, not those of a state the report has only named
            "Russian IT executive gets nine years in hack-to-trade scheme\n\nBOSTON — A Russian businessman whose "
            "Moscow technology firm counted the Kremlin among its clients was sentenced on Thursday to nine years in "
            "federal prison for his part in a scheme that, prosecutors say, hacked into two U.S. filing agents.\n\n"
            "Vladislav Klyushin, 42, the owner of the IT company M-13, was convicted by a federal jury in February.",
            "consequences",
            {("US", "vladislav klyushin", "prosecution")},
            {("RU", "vladislav klyushin", "prosecution")},
        ),
        (  # people counted by a legal act, named next as those who used spear-phishing
            "WASHINGTON - The Justice Department on Friday unsealed an indictment charging three Iranian men with "
            "hacking Donald Trump's presidential campaign. Prosecutors said Masoud Jalili, Seyyed Ali Aghamiri and "
            "Yasar Balaghi used spear-phishing to gain access to the accounts.",
            "consequences",
            {("US", "masoud jalili", "indictment"), ("US", "yasar balaghi", "indictment")},
            {("US", "IR", "indictment")},
        ),
        (  # "They said…" after several parties blamed together; "the three governments" after an opening phrase
            "WASHINGTON - The United States, Japan and South Korea said on Tuesday that North Korean hackers stole "
            "$659 million in cryptocurrency last year. They said the Lazarus Group and other North Korean groups were "
            "behind numerous thefts. Alongside the statement, the three governments issued a public warning to "
            "companies.",
            "attributions",
            {("US", "lazarus group"), ("JP", "lazarus group"), ("KR", "lazarus group")},
            {("KP", "lazarus group")},
        ),
        (  # a headline ending in the noun "dispute" denies nothing
            "Ethiopia says it foiled cyberattack by Egypt-based hackers amid dam dispute",
            "denials",
            set(),
            {"ET"},
        ),
    ],
)
def test_session_16_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2025, 3, 6))[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # a spokesman of a ministry in apposition is a person, not an unknown body of the dateline's state
            "WASHINGTON — China on Thursday rejected U.S. accusations over the hacking campaign. Guo Jiakun, the "
            "foreign ministry spokesman, said the United States was itself behind attacks on Chinese universities.",
            "attributions",
            {("CN", "US")},
            set(),
        ),
        (  # a person described as a police officer stays a person (and the target of the charge)
            "WASHINGTON — The United States charged Ivan Petrov, a Russian police officer, with hacking the Democratic "
            "National Committee.",
            "consequences",
            {("US", "ivan petrov", "indictment")},
            set(),
        ),
        (  # prosecutors are those of the state that has just acted, not the dateline's
            "LONDON — Germany on Thursday summoned Russia's ambassador over a cyberattack on the Bundestag. "
            "Prosecutors said the attack was carried out by Russia's GRU.",
            "attributions",
            {("DE", "RU")},
            {("GB", "RU")},
        ),
        (  # "a government spokesman" speaks for the government that has just acted
            "LONDON, May 2 (Reuters) - Albania cut diplomatic ties with Iran on Wednesday over a cyberattack on its "
            "government websites. Hackers based in Iran were behind the July attack, a government spokesman said.",
            "attributions",
            {("AL", "IR")},
            {("GB", "IR")},
        ),
        (  # people of a reward or sanction named in the sentence itself are its targets
            "WASHINGTON - A federal indictment charges Pavel Akulov, Mikhail Gavrilov and Marat Tyukov, officers of an "
            "FSB unit, with hacking energy companies. The Treasury also imposed sanctions on the two Russian officials "
            "who oversaw the unit, Ivan Sokolov and Oleg Orlov.",
            "consequences",
            {("US", "ivan sokolov", "sanctions"), ("US", "oleg orlov", "sanctions")},
            {("US", "pavel akulov", "sanctions")},
        ),
        (  # "the government said" closing a sentence is the government of the state named last as such
            "Hackers working for Russia attacked Lithuania last week, the government said.",
            "attributions",
            {("LT", "RU")},
            {("RU", "LT")},
        ),
        (  # groups of victims listed are not groups blamed
            "Estonia said Russia's GRU was behind the attack. The ministry listed several groups of targets, including "
            "Elering, Eesti Energia and Tallinn Airport.",
            "attributions",
            {("EE", "RU")},
            {("EE", "elering"), ("EE", "tallinn airport")},
        ),
        (  # "The service was restored": no security service speaking
            "Ukraine's SBU said it had opened an investigation into the outage at Kyivstar. The service was restored "
            "on Friday after hackers linked to Iran wiped thousands of servers.",
            "attributions",
            set(),
            {("UA", "IR")},
        ),
        (  # the state whose body speaks is the accuser, not a possessor of the group
            "Czechia's cyber watchdog said APT31 was to blame for the attack.",
            "attributions",
            {("CZ", "apt31")},
            set(),
        ),
        (  # "a suspected member", "on suspicion of": no claim of suspicion
            "Dutch police said they had arrested a suspected member of the group in Ukraine on suspicion of hacking "
            "dozens of companies.",
            "attributions",
            set(),
            {("NL", "UA")},
        ),
        (  # negated culprits and culprits described by nationality blame no state
            "The perpetrators were not Russian hackers, Lithuania's defence ministry said. The hackers behind the "
            "attack were French nationals, Estonia's police said.",
            "attributions",
            set(),
            {("LT", "RU"), ("EE", "FR")},
        ),
        (  # a known party under its legal name, and researchers of a named firm in a second clause
            "Microsoft Corporation said Russia's SVR hacked its email systems. The outage hit banks on Friday, and "
            "researchers at Mandiant said the attack was carried out by Russia's GRU.",
            "attributions",
            {("microsoft", "RU"), ("mandiant", "RU")},
            {("microsoft corporation", "RU")},
        ),
        (  # what the hackers called someone else is no name of theirs
            "Lithuania's defence ministry said the hackers, who called Anusauskas a puppet of Washington, were behind "
            "the attack.",
            "attributions",
            set(),
            {("LT", "anusauskas")},
        ),
    ],
)
def test_the_session_16_review_kept_these_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2024, 5, 2))[category]
    assert expected <= found and not unexpected & found


SESSION_17_LEDE = "The UK has accused China of being behind a cyber-attack on the Electoral Commission. "


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # "asset freezes and travel bans against" a company and people: the targets, not a victim, nor their state
            SESSION_17_LEDE + "The Foreign Office announced asset freezes and travel bans against Wuhan Xiaoruize "
            "Science and Technology Company, which it described as a front for China's Ministry of State Security, "
            "and against two individuals, Zhao Guangzong and Ni Gaobin, for their involvement in APT31.",
            "consequences",
            {
                ("GB", "wuhan xiaoruize science and technology company", "sanctions"),
                ("GB", "zhao guangzong", "sanctions"),
                ("GB", "ni gaobin", "sanctions"),
            },
            {("GB", "CN", "sanctions")},
        ),
        (  # "an asset freeze on" names its target as "sanctions on" does
            SESSION_17_LEDE + "The Treasury imposed an asset freeze on Wuhan Xiaoruize Science and Technology Company.",
            "consequences",
            {("GB", "wuhan xiaoruize science and technology company", "sanctions")},
            {("GB", "CN", "sanctions")},
        ),
        (  # "the Wuhan company": the company named in full before, by its first word
            SESSION_17_LEDE + "Britain sanctioned Wuhan Xiaoruize Science and Technology Company on Monday. Hours "
            "later the US Treasury imposed its own sanctions on the Wuhan company.",
            "consequences",
            {("US", "wuhan xiaoruize science and technology company", "sanctions")},
            {("US", "CN", "sanctions")},
        ),
        (  # a lowercase office before its holder in commas speaks for the government ("The foreign secretary, X,")
            SESSION_17_LEDE + "The foreign secretary, David Cameron, condemned the attack.",
            "consequences",
            {("GB", "CN", "condemnation")},
            set(),
        ),
        (  # 'said it was "completely unacceptable" that…': a condemnation by the speaker, not by the one blamed
            SESSION_17_LEDE + 'The foreign secretary, David Cameron, said it was "completely unacceptable" that '
            "Chinese state-affiliated organisations had targeted Britain's democratic institutions.",
            "consequences",
            {("GB", "CN", "condemnation")},
            {("CN", "GB", "condemnation")},
        ),
        (  # 'called the attack "completely unacceptable"' condemns it, and so the one blamed…
            SESSION_17_LEDE + 'Prime Minister Rishi Sunak called the attack "completely unacceptable".',
            "consequences",
            {("GB", "CN", "condemnation")},
            set(),
        ),
        (  # …but 'called the attack "an unacceptable attack on…"' describes it
            SESSION_17_LEDE + 'Prime Minister Rishi Sunak called the attack "an unacceptable attack on our democracy".',
            "consequences",
            set(),
            {("GB", "CN", "condemnation")},
        ),
        (  # people counted by a measure, named in a list below a line ending in a colon
            "WASHINGTON - The Treasury's Office of Foreign Assets Control sanctioned three officials of the IRGC "
            "Cyber-Electronic Command, which hacked water utility controllers in November.\n\nThe devices are widely "
            "used.\n\nThe following officials were designated today:\n- Hamid Reza Lashgarian, head of the "
            "command;\n- Mahdi Lashgarian and Milad Mansuri, senior officials of the command.\n\nAll their property "
            "in the United States is blocked.",
            "consequences",
            {
                ("US", "hamid reza lashgarian", "sanctions"),
                ("US", "mahdi lashgarian", "sanctions"),
                ("US", "milad mansuri", "sanctions"),
            },
            set(),
        ),
        (  # "Mr Rim" is the "Rim Jong Hyok" named before, family name first
            "WASHINGTON - The Justice Department said Rim Jong Hyok, who it says works for the Andariel unit of North "
            "Korea's Reconnaissance General Bureau, used ransom proceeds to fund hacking. A federal grand jury in "
            "Kansas indicted Mr Rim on charges of conspiring to hack computers.",
            "consequences",
            {("US", "rim jong hyok", "indictment")},
            {("US", "rim", "indictment")},
        ),
        (  # "Mr Ha accused it of…": the one who accuses is no accused person (nor, then, a denier)
            "SEOUL - Ha Tae-keung, an opposition lawmaker, said hackers linked to North Korea had broken into the "
            "institute's network. The institute at first rejected suggestions that it had been hacked when questioned "
            "by Mr Ha's office. It later acknowledged the breach, and Mr Ha accused it of attempting to conceal it.",
            "denials",
            set(),
            {"ha tae-keung"},
        ),
        (  # "Both have been charged": those arrested before, charged by whoever arrested them
            "LONDON - The National Crime Agency said Thalha Jubair, 19, and Owen Flowers, 18, were arrested at their "
            "homes on Tuesday by NCA officers over the cyber-attack on Transport for London. Both have been charged "
            "with conspiring to commit unauthorised acts against TfL.",
            "consequences",
            {("GB", "thalha jubair", "indictment"), ("GB", "owen flowers", "indictment")},
            set(),
        ),
        (  # "They have been charged": the people of the last measure against people
            "LONDON - The National Crime Agency said Thalha Jubair, 19, and Owen Flowers, 18, were arrested at their "
            "homes on Tuesday by NCA officers over the cyber-attack on Transport for London. They have been charged "
            "with conspiring to commit unauthorised acts against TfL.",
            "consequences",
            {("GB", "thalha jubair", "indictment"), ("GB", "owen flowers", "indictment")},
            set(),
        ),
        (  # "with both countries announcing their own sanctions": the two states the sentence named before
            "CANBERRA - Australia has imposed cyber sanctions on Aleksandr Ermakov over the Medibank hack. Foreign "
            "Minister Penny Wong said the United States and the United Kingdom had taken complementary action, with "
            "both countries announcing their own sanctions against Mr Ermakov on Tuesday.",
            "consequences",
            {("US", "aleksandr ermakov", "sanctions"), ("GB", "aleksandr ermakov", "sanctions")},
            set(),
        ),
        (  # "Among the i-Soon employees charged were A and B": the measure of before, against the people named
            "WASHINGTON - The United States has charged 12 Chinese nationals, including eight employees of "
            "Shanghai-based contractor i-Soon, over a hacking-for-hire scheme. Among the i-Soon employees charged "
            "were founder Wu Haibo and chief operating officer Chen Cheng.",
            "consequences",
            {("US", "wu haibo", "indictment"), ("US", "chen cheng", "indictment")},
            set(),
        ),
        (  # "Lts." and "Maj." do not end a sentence: the list of officers after them goes on
            "WASHINGTON, Sept. 5 (Kyodo) -- The U.S. Justice Department on Thursday charged five officers of Russia's "
            "military intelligence agency with conspiring to hack Ukrainian government systems. The officers were "
            "identified as Col. Yuriy Denisov and Lts. Vladislav Borovkov, Denis Denisenko, Dmitriy Goloshubov and "
            "Nikolay Korchagin.",
            "consequences",
            {("US", "vladislav borovkov", "indictment"), ("US", "nikolay korchagin", "indictment")},
            set(),
        ),
        (  # "…, the indictment said": the document speaks; no one named in the sentence takes a measure
            "WASHINGTON - The Justice Department on Thursday charged five officers of Russia's GRU with hacking "
            "Ukrainian government systems. The conspirators also probed computer networks in 26 NATO member states, "
            "the indictment said.",
            "consequences",
            set(),
            {("nato", "RU", "indictment")},
        ),
        (  # "according to a U.S. indictment": the source cited, no measure of the state the sentence is about
            "OTTAWA - Canadian members of Parliament were among hundreds of politicians targeted by a Chinese "
            "state-sponsored hacking group, according to a U.S. indictment that has prompted calls in Ottawa to follow "
            "Washington and London in punishing Beijing.",
            "consequences",
            set(),
            {("CA", "US", "indictment"), ("CA", "GB", "indictment")},
        ),
        (  # the Foreign, Commonwealth and Development Office is Britain's; "…, which it described as a front…,
            # together with A and B": the people joined to the list are targets, not partners in the measure
            "LONDON, March 26 (Reuters) - Britain has sanctioned a company and two men over the hacking of the "
            "Electoral Commission. The Foreign, Commonwealth and Development Office designated Wuhan Xiaoruizhi "
            "Science and Technology Company Ltd, which it described as a front for China's Ministry of State Security, "
            "together with Zhao Guangzong and Ni Gaobin, freezing their assets.",
            "consequences",
            {
                ("GB", "wuhan xiaoruizhi science and technology company", "sanctions"),
                ("GB", "zhao guangzong", "sanctions"),
                ("GB", "ni gaobin", "sanctions"),
            },
            set(),
        ),
        (  # "condemned the targeting of…": a condemnation of the operation, so of the one blamed for it
            SESSION_17_LEDE + "Foreign Secretary David Cameron condemned the targeting of democratic institutions as "
            '"completely unacceptable".',
            "consequences",
            {("GB", "CN", "condemnation")},
            set(),
        ),
        (  # a wire dateline in title case ("Taipei, Aug. 19 (CNA)"), the MJIB as Taiwan's, and a person in
            # apposition to an office who "identified the groups as…"
            "Taipei, Aug. 19 (CNA) Two hacker groups backed by the Chinese government have infiltrated at least 10 "
            "Taiwanese government agencies, the Ministry of Justice Investigation Bureau (MJIB) said Wednesday.\n\n"
            "Liu Chia-zung, deputy director of the MJIB's Cyber Security Investigation Office, identified the groups "
            "as Blacktech and Taidoor.",
            "attributions",
            {("TW", "CN"), ("TW", "blacktech"), ("TW", "taidoor")},
            set(),
        ),
        (  # the victim in "the attacks that hit X" is not the one who speaks of them
            "Taipei, May 15 (CNA) The ransomware attacks that hit state-owned oil refiner CPC Corp. earlier this month "
            "were carried out by a hacking group with ties to the Chinese government, Taiwan's Ministry of Justice "
            "Investigation Bureau said Friday.",
            "attributions",
            {("TW", "CN")},
            {("cpc", "CN")},
        ),
        (  # a dateline below a headline still opens the lede: its state sentences the person the lede names
            "Hacker who spied on Havana peace talks sentenced to 10 years\n\nBOGOTÁ - Andrés Sepúlveda, the hacker "
            "whose arrest rocked last year's presidential campaign, was sentenced on Thursday to 10 years in prison "
            "for spying on the peace negotiations.",
            "consequences",
            {("CO", "andrés sepúlveda", "prosecution")},
            set(),
        ),
        (  # "given a … prison sentence by a Lisbon court": the state of the court's place
            "Rui Pinto, the Portuguese hacker behind the Football Leaks revelations, was on Monday given a four-year "
            "suspended prison sentence by a Lisbon court that found him guilty of 90 crimes.",
            "consequences",
            {("PT", "rui pinto", "prosecution")},
            set(),
        ),
        (  # "announced parallel designations of Ermakov": a sanction on the person named…
            "SYDNEY, Jan 23 (Reuters) - Australia on Tuesday imposed sanctions on Russian citizen Aleksandr Ermakov "
            "over the Medibank hack. The U.S. Treasury and Britain's Foreign Office announced parallel designations of "
            "Ermakov.",
            "consequences",
            {("US", "aleksandr ermakov", "sanctions"), ("GB", "aleksandr ermakov", "sanctions")},
            set(),
        ),
        (  # …not "designations of individuals and entities linked to the group", which names no one
            "LONDON - Britain sanctioned members of the Russian gang Evil Corp over ransomware attacks. The Treasury "
            "announced its own designations of individuals and entities linked to the group.",
            "consequences",
            set(),
            {("US", "RU", "sanctions")},
        ),
        (  # "(CNN) —" opens the text as a dateline without a place does: the reporter at the end still blames
            "(CNN) — A Chinese state-sponsored hacking group has been spying on US critical infrastructure "
            "organizations, from communications to transportation, Microsoft said Wednesday.",
            "attributions",
            {("microsoft", "CN")},
            set(),
        ),
        (  # a time clause opening the sentence ("Hours after Microsoft went public,") holds no agent of the main clause
            "Microsoft said a Chinese state-sponsored group it calls Volt Typhoon had been spying on US networks. "
            "Hours after Microsoft went public, the National Security Agency, the FBI and the Cybersecurity and "
            "Infrastructure Security Agency issued a joint advisory warning about the group.",
            "consequences",
            {("US", "volt typhoon", "awareness_raising")},
            {("microsoft", "volt typhoon", "awareness_raising")},
        ),
        (  # a measure asked for is not taken
            "PODGORICA — Montenegro blamed Russia for the cyberattack. Some lawmakers in the ruling coalition have "
            "called on the caretaker government to expel Russian diplomats over the cyberattack.",
            "consequences",
            set(),
            {("ME", "RU", "expelled_diplomats")},
        ),
        (  # a party that blames others and that nobody blames denies nothing ("firmly opposes all cyberattacks")
            "BEIJING - Police in Harbin accused the US National Security Agency of launching cyberattacks on the Asian "
            'Winter Games. "We urge the US to take a responsible attitude on cybersecurity and stop its groundless '
            'smears and attacks against China," foreign ministry spokesman Guo Jiakun said.',
            "denials",
            set(),
            {"CN"},
        ),
        (  # a sanction against a state by a party that sanctions a group the report names is the group's
            "SEOUL - South Korea on Friday imposed its own sanctions on North Korea's Kimsuky hacking group, accusing "
            "it of stealing defence technology for Pyongyang. It is the first time Seoul has sanctioned the group.",
            "consequences",
            {("KR", "kimsuky", "sanctions")},
            {("KR", "KP", "sanctions")},
        ),
        (  # a company a state's claim only names is no culprit without a measure against it (a victim here)
            (ARTICLES.parent / "heldout67" / "revil-vasinskyi-kaseya-sentence-2024.txt").read_text(encoding="utf-8"),
            "attributions",
            {("US", "revil")},
            {("US", "kaseya")},
        ),
    ],
)
def test_session_17_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2024, 3, 25))[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # co-sanctioning states joined with "along with" after a relative clause are no targets
            "The United States sanctioned Dmitry Khoroshev, a Russian national who led the LockBit gang, along with "
            "Britain and Australia.",
            "consequences",
            {("US", "dmitry khoroshev", "sanctions")},
            {("US", "GB", "sanctions"), ("US", "AU", "sanctions")},
        ),
        (  # nor victims joined with "as well as"
            "The Justice Department indicted Park Jin Hyok, a North Korean programmer accused of hacking Sony "
            "Pictures, as well as Bangladesh Bank and Microsoft.",
            "consequences",
            {("US", "park jin hyok", "indictment")},
            {("US", "microsoft", "indictment")},
        ),
        (  # "Russia sanctions": sanctions on Russia, not by it
            "The US Treasury on Friday unveiled the latest round of Russia sanctions against 20 entities, including "
            "the hacking group Sandworm.",
            "consequences",
            {("US", "sandworm", "sanctions")},
            {("RU", "sandworm", "sanctions")},
        ),
        (  # "They" after a sentence about other people is not the people of an older measure
            "The US Treasury sanctioned Ivan Petrov and Sergei Volkov on Tuesday for their role in the LockBit "
            "ransomware operation. Ukrainian police separately detained five suspected affiliates of the gang in Kyiv. "
            "They were charged with extortion.",
            "consequences",
            set(),
            {("US", "ivan petrov", "indictment"), ("US", "sergei volkov", "indictment")},
        ),
        (  # "The spokesperson, X," is a company's as readily as a government's: no lowercase office but a government's
            "The FBI said Russian hackers were behind the ransomware attack on Change Healthcare. UnitedHealth, its "
            "parent company, confirmed the breach on Friday. The spokesperson, Tyler Mason, said the attack was "
            "carried out by the ALPHV gang.",
            "attributions",
            set(),
            {("US", "alphv")},
        ),
        (  # "…, named in the indictment, denied…": the participle of the one named, not a verb of his office
            "The Justice Department indicted 12 Russian intelligence officers on Friday. Viktor Netyksho, the chief of "
            "GRU Unit 26165, named in the indictment, denied the accusations in a statement to RIA Novosti.",
            "denials",
            {"viktor netyksho"},
            {"RU"},
        ),
    ],
)
def test_the_session_17_review_kept_these_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2024, 3, 25))[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "category", "expected", "unexpected"),
    [
        (  # a seizure of the hackers' domains is no court order against the state they are said to work for
            "The Justice Department said Chinese state hackers were behind the intrusions. The FBI seized internet "
            "domains used by the hackers.",
            "consequences",
            set(),
            {("US", "CN", "court_order")},
        ),
        (  # the group whose domains were seized, not its state
            "The FBI said APT27, a group working for China's Ministry of State Security, was behind the attacks. The "
            "FBI also seized internet domains used by APT27.",
            "consequences",
            {("US", "apt27", "court_order")},
            {("US", "CN", "court_order")},
        ),
        (  # a charging document "charging" a person by full name, with no "with" after it
            "The Justice Department unsealed a criminal complaint in the Western District of Texas charging Maxim "
            "Rudometov, who is alleged to be one of the developers of the RedLine infostealer.",
            "consequences",
            {("US", "maxim rudometov", "indictment")},
            set(),
        ),
        (  # "One indictment charges X … with conspiring … in 2017": the document's charge now, the year the deed's
            "The Justice Department on Thursday unsealed charges against four Russian government employees. One "
            "indictment charges Evgeny Gladkikh, a programmer at a Russian research institute, with conspiring to "
            "disable the safety systems of a Saudi plant in 2017 using malware known as Triton.",
            "consequences",
            {("US", "evgeny gladkikh", "indictment")},
            set(),
        ),
        (  # the progressive of carrying out a campaign is an attacker's act as the simple past is
            "The United States, Britain and South Korea issued a joint advisory warning that Andariel was carrying out "
            "a global cyber espionage campaign aimed at stealing military secrets.",
            "attributions",
            {("US", "andariel"), ("GB", "andariel"), ("KR", "andariel")},
            set(),
        ),
        (  # the states whose bodies join the subject, named after the bodies' plural noun
            "The FBI and cybersecurity agencies of Britain, Canada and Australia warned that Iranian hackers were "
            "exploiting known flaws in Fortinet devices.",
            "attributions",
            {("US", "IR"), ("GB", "IR"), ("CA", "IR"), ("AU", "IR")},
            set(),
        ),
        (  # "were continuing to exploit", "continue to target": an attacker's act going on
            "In a joint advisory, the FBI and CISA, together with the cyber agencies of Canada, Australia and Britain, "
            "warned that IRGC-affiliated hackers were continuing to exploit the same vulnerabilities.",
            "attributions",
            {("US", "IR"), ("GB", "IR"), ("CA", "IR"), ("AU", "IR")},
            set(),
        ),
        (  # "a finding by X that Y carried out…" inside a denial: X blames Y
            "China on Thursday dismissed as groundless a finding by Japan's National Police Agency that a hacking "
            "group linked to China carried out a years-long cyberespionage campaign.",
            "attributions",
            {("JP", "CN")},
            set(),
        ),
        (  # "together with partners including A, B and C": the partners join the subject, and are not accused
            "The FBI, CISA and NSA, together with partners including Ukraine's Security Service, Estonia's Internal "
            "Security Service and the Netherlands' Military Intelligence and Security Service, said Russia's GRU was "
            "behind the attacks.",
            "attributions",
            {("US", "RU"), ("UA", "RU"), ("EE", "RU")},
            {("US", "NL"), ("US", "UA")},
        ),
        (  # the agent of a measure named by its noun follows "by"; the sentence's subject is whom it was taken against
            "Albania blamed Iran for the cyberattack. Tehran criticised the expulsion of its diplomats by Albania.",
            "consequences",
            {("AL", "IR", "expelled_diplomats")},
            {("IR", "AL", "expelled_diplomats")},
        ),
        (  # "the severing of diplomatic relations" names the measure as "severed diplomatic relations" does
            "Albania blamed Iran for the cyberattack. Albania announced the severing of diplomatic relations with Iran "
            "on Wednesday.",
            "consequences",
            {("AL", "IR", "severed_diplomatic_relations")},
            set(),
        ),
        (  # the same for a summons
            "The Czech Republic blamed China for the hack. The Chinese embassy in Prague rejected the accusations and "
            "protested the summoning of its ambassador by Czech officials.",
            "consequences",
            {("CZ", "CN", "summoned_ambassador")},
            {("CN", "CZ", "summoned_ambassador")},
        ),
        (  # the owner of a decision named right before it takes the measure decided
            "Albania blamed Iran for the attack. Tehran condemned Tirana's decision to expel its diplomats.",
            "consequences",
            {("AL", "IR", "expelled_diplomats")},
            {("IR", "AL", "expelled_diplomats")},
        ),
        (
            "Albania blamed Iran for the attack. Iran's foreign ministry criticised the Albanian decision to cut ties "
            "with Tehran.",
            "consequences",
            {("AL", "IR", "severed_diplomatic_relations")},
            set(),
        ),
    ],
)
def test_session_18_readings(text, category, expected, unexpected):
    found = _found(text, dt.date(2024, 3, 25))[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "category", "unexpected"),
    [
        ("The FBI said Ukraine was conducting an investigation into the attacks.", "attributions", {("US", "UA")}),
        ("The FBI said China was waging a campaign against corruption.", "attributions", {("US", "CN")}),
        ("Kyiv said Poland was carrying out rescue operations after the attacks.", "attributions", {("UA", "PL")}),
        (
            "Microsoft said Ukraine continues to deploy patches after the cyber attack.",
            "attributions",
            {("microsoft", "UA")},
        ),
        (
            "Microsoft and its counterparts in China said that Russian hackers were behind the attack.",
            "attributions",
            {("CN", "RU")},
        ),
        (
            "LockBit was charging Western European companies a fee, the FBI said.",
            "consequences",
            {("US", "lockbit", "indictment")},
        ),
        (  # a price, whatever the tense
            "The FBI said the LockBit gang began charging Western European companies a fee for its software.",
            "consequences",
            {("US", "western european", "indictment"), ("US", "lockbit", "indictment")},
        ),
        (
            "The Justice Department said Chinese state hackers were behind the intrusions. The FBI seized internet "
            "domains used by Chinese state hackers.",
            "consequences",
            {("US", "CN", "court_order")},
        ),
        (  # charges of 2018 told in a report of 2024 are background, even with a participle of the deed after them
            "The United States brought charges against Park Jin Hyok, a North Korean programmer accused of hacking "
            "Sony, in 2018, officials said.",
            "consequences",
            {("US", "park jin hyok", "indictment")},
        ),
    ],
)
def test_the_session_18_review_kept_these_readings(text, category, unexpected):
    assert not unexpected & _found(text, dt.date(2024, 3, 25))[category]


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # what came weeks or more before the news is its background; a day before, the same news
            "The CDU said it had been hit by a serious cyberattack. The attack came weeks after the German government "
            "publicly blamed a group known as APT28 for a campaign against the Social Democrats.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("DE", "apt28")},
        ),
        (
            "New Zealand said China was behind the breach. The announcement came a day after Britain and the United "
            "States accused China of a campaign against lawmakers.",
            dt.date(2024, 3, 26),
            "attributions",
            {("GB", "CN"), ("US", "CN")},
            set(),
        ),
        (  # a report rejected with its verdict before it is not the claim of the one rejecting it
            'Hungarian Foreign Minister Peter Szijjarto on Wednesday dismissed as campaign "fake news" a report that '
            "hackers working for Russian intelligence had broken into his ministry's computer network.",
            dt.date(2022, 3, 30),
            "attributions",
            set(),
            {("HU", "RU")},
        ),
        (
            "Researchers at Citizen Lab found the spyware on the phones. Citizen Lab said it had not conclusively "
            "linked the infections to Azerbaijan.",
            dt.date(2023, 5, 25),
            "attributions",
            set(),
            {("citizen lab", "AZ")},
        ),
        (  # the parties listed after an attack "against" something, with "including", are its victims
            "Spanish police have arrested a suspected hacker accused of carrying out more than 40 cyberattacks against "
            "public and private organisations, including NATO, the U.S. Army, the United Nations and several Spanish "
            "state bodies, authorities said Wednesday.",
            dt.date(2025, 2, 5),
            "attributions",
            set(),
            {("ES", "US"), ("ES", "nato")},
        ),
        (  # (but the people listed after those a measure concerns are its targets)
            "The European Union on Monday imposed asset freezes and travel bans on six people it accused of cyber "
            "attacks against member states, among them Ruslan Peretyatko and Andrey Korinets.",
            dt.date(2024, 6, 24),
            "consequences",
            {("european union", "ruslan peretyatko", "sanctions"), ("european union", "andrey korinets", "sanctions")},
            set(),
        ),
        (  # a denial told as a habit, of deeds in general, answers nothing in this report
            "The FBI said Iranian hackers broke into the screens. Tehran has consistently said it does not conduct "
            "cyberattacks against other countries and that it is itself a victim of them.",
            dt.date(2024, 9, 27),
            "denials",
            set(),
            {"IR"},
        ),
        (
            "Seoul blamed North Korea for the attack. North Korea has routinely denied involvement in cyberattacks and "
            "dismissed such accusations as a smear campaign by Washington and Seoul.",
            dt.date(2023, 6, 2),
            "attributions",
            {("KR", "KP")},
            {("KP", "US"), ("KP", "KR")},
        ),
        (  # (a habitual denial of this report's attack is still a denial)
            "The United States blamed Russia for the SolarWinds breach. The Kremlin has repeatedly denied any role in "
            "the SolarWinds breach.",
            dt.date(2021, 4, 15),
            "denials",
            {"RU"},
            set(),
        ),
        (  # the lawyer named beside "his lawyer" answers for the client, named paragraphs before
            "Daniil Kasatkin, 26, was detained on June 21 at Charles de Gaulle airport near Paris shortly after "
            "arriving from Moscow with his fiancee, and remains in custody pending extradition proceedings, the source "
            "said.\n\nUS authorities accuse him of having acted as a negotiator for a hacking network that carried out "
            "ransomware attacks on about 900 companies and two federal institutions in the United States between 2020 "
            "and 2022, according to the source, who did not name the group.\n\nHis lawyer, Frederic Belot, rejected "
            "the accusations.",
            dt.date(2025, 7, 9),
            "denials",
            {"daniil kasatkin"},
            {"frederic belot"},
        ),
        (  # what someone else in the sentence did not do does not hedge the claim
            "Daniil Kasatkin was detained in Paris. US authorities accuse him of having acted as a negotiator for a "
            "hacking network, according to the source, who did not name the group.",
            dt.date(2025, 7, 9),
            "attributions",
            {("US", "daniil kasatkin")},
            set(),
        ),
        (  # accused now, by name, of a deed of an earlier year
            "Maksim Silnikau was handed over by Polish authorities on Friday, the Justice Department said. Prosecutors "
            "in New Jersey accuse Silnikau of creating the Ransom Cartel ransomware strain in 2021 and of sharing the "
            "proceeds with affiliates.",
            dt.date(2024, 8, 12),
            "attributions",
            {("US", "maksim silnikau")},
            set(),
        ),
        (  # a former official speaks for no state
            "A former U.S. intelligence official said Russia was behind the attack.",
            dt.date(2024, 8, 12),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (
            'The OPM breach was a criminal case, China said. "Calling it a criminal case lets Beijing cooperate on '
            'paper while denying that the state had anything to do with it," said a former U.S. intelligence official.',
            dt.date(2015, 12, 2),
            "denials",
            set(),
            {"US"},
        ),
        (  # a group named where its describer calls it a group, and the state tied to it
            "Researchers at Check Point said the breach had been carried out by Malek Team, which they described as "
            "an Iranian-backed group.",
            dt.date(2023, 11, 27),
            "attributions",
            {("check point", "malek team"), ("check point", "IR")},
            set(),
        ),
        (  # a gang whose capitalised name begins with a state's
            "Montenegro's public administration minister said the attack had been carried out by Cuba Ransomware.",
            dt.date(2022, 8, 30),
            "attributions",
            {("ME", "cuba ransomware")},
            {("ME", "CU")},
        ),
        (  # unplaced prosecutors are those of the government body last speaking, not of a state named in passing
            "A Russian national accused of helping develop the Trickbot malware, Vladimir Dunaev, 38, was extradited "
            "to the United States from South Korea and appeared in federal court in Cleveland on Thursday, the Justice "
            "Department said. Dunaev is charged in an 11-count indictment with computer fraud, identity theft and bank "
            "fraud over Trickbot infections that prosecutors said hit hospitals, schools and businesses.",
            dt.date(2021, 10, 28),
            "consequences",
            {("US", "vladimir dunaev", "indictment")},
            set(),
        ),
        (  # a person named as a member of a group is a person the report names, for the measure told before him
            "The United States on Tuesday imposed sanctions on a North Korean hacker. The Treasury Department said "
            "Song Kum Hyok, a member of the Andariel hacking group, had used stolen identities to recruit IT workers. "
            "Last year, a US grand jury indicted another alleged Andariel member, Rim Jong Hyok.",
            dt.date(2025, 7, 8),
            "consequences",
            {("US", "song kum hyok", "sanctions")},
            {("US", "rim jong hyok", "sanctions")},
        ),
        (  # a habitual denial after a claim, or beside a denial of this report, leaves them standing
            "The United States blamed Russia for the attack on the pipeline, although Moscow has repeatedly denied "
            "carrying out cyberattacks.",
            dt.date(2024, 8, 12),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (
            "The FBI blamed Russia for the attack. Moscow has repeatedly denied carrying out cyberattacks, and on "
            "Tuesday the Kremlin rejected the accusations as baseless.",
            dt.date(2024, 8, 12),
            "denials",
            {"RU"},
            set(),
        ),
        (  # a group after "including" is no victim; "among them" looks back to a measure's targets
            "The United States sanctioned groups behind ransomware attacks on hospitals, including Evil Corp and "
            "LockBit.",
            dt.date(2024, 8, 12),
            "consequences",
            {("US", "evil corp", "sanctions"), ("US", "lockbit", "sanctions")},
            set(),
        ),
        (
            "The European Union on Monday imposed sanctions on four entities it accused of cyberattacks against member "
            "states, among them the Chinese firm Huaying Haitai.",
            dt.date(2024, 8, 12),
            "consequences",
            {("european union", "huaying haitai", "sanctions")},
            set(),
        ),
        (  # a former officer the speaker tells of is no speaker: his state stays the accused
            "US prosecutors said a former GRU officer had carried out the attack on the pipeline.",
            dt.date(2024, 8, 12),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (
            "Russia was behind the attack, a former U.S. intelligence official said.",
            dt.date(2024, 8, 12),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (  # a group's member named with the capitalised "Group"
            "The United States on Tuesday charged a North Korean hacker. The FBI said Park Jin Hyok, a member of the "
            "Lazarus Group, had written the malware.",
            dt.date(2024, 8, 12),
            "consequences",
            {("US", "park jin hyok", "indictment")},
            set(),
        ),
        (  # a possessive is no part of a listed name
            "The United States on Wednesday imposed sanctions on Russian web hosting company Media Land. Treasury also "
            "designated Media Land's subsidiary ML.Cloud and two employees.",
            dt.date(2025, 11, 19),
            "consequences",
            {("US", "media land", "sanctions")},
            {("US", "media land's", "sanctions")},
        ),
    ],
)
def test_session_20_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    "text, published, category, expected, unexpected",
    [
        (  # people charged, named by their nationality only: the charge is no claim against their state
            "Federal prosecutors on Wednesday charged two Iranian men with carrying out the ransomware attack that "
            "paralyzed Atlanta's city government in March.",
            dt.date(2018, 11, 28),
            "attributions",
            set(),
            {("US", "IR")},
        ),
        (
            "An Iranian man pleaded guilty Tuesday to taking part in a string of ransomware attacks on American "
            "cities, the Justice Department said.",
            dt.date(2025, 5, 27),
            "attributions",
            set(),
            {("US", "IR")},
        ),
        (  # the state named otherwise in the claim's sentence stays
            "Federal prosecutors on Wednesday charged two Iranian men working for Iran's intelligence ministry with "
            "carrying out the ransomware attack on Atlanta's city government.",
            dt.date(2018, 11, 28),
            "attributions",
            {("US", "IR")},
            set(),
        ),
        (  # an organisation placed by its seat, speaking
            "Tel Aviv-based ClearSky said the attacks were carried out by Fox Kitten, an Iranian state-backed group.",
            dt.date(2020, 12, 17),
            "attributions",
            {("clearsky", "fox kitten"), ("clearsky", "IR")},
            set(),
        ),
        (  # an organisation introduced as a group of researchers
            "Issue Makers Lab, a Seoul-based group of researchers, said the malicious code had been written by North "
            "Korean hackers.",
            dt.date(2019, 11, 4),
            "attributions",
            {("issue makers lab", "KP")},
            set(),
        ),
        (  # a disclaimer takes back what the sentence before seemed to say of states
            "Ecuador's electoral council said the online voting system was hit by cyberattacks. \"The attacks came "
            'from India, Bangladesh, Pakistan, Russia and China," council president Diana Atamaint said. She stressed '
            'that the council was "not accusing any government or any country" of involvement.',
            dt.date(2023, 8, 21),
            "attributions",
            set(),
            {("EC", "RU"), ("EC", "CN")},
        ),
        (  # a sentence calling what was just said speculation takes it back
            "Poland's digital affairs minister Krzysztof Gawkowski said the space agency had been hacked. \"I believe "
            'the attack was carried out by Russian services. At this stage it is speculation," he said.',
            dt.date(2025, 3, 3),
            "attributions",
            set(),
            {("PL", "RU")},
        ),
        (  # what the suspects would be, or could as well be, is speculation
            "Poland's digital affairs minister Krzysztof Gawkowski said the space agency had been hacked. \"Given the "
            "agency's links to defence, the obvious suspects would be Russian or Belarusian services, but it could "
            'just as well be a criminal group looking for money," he said.',
            dt.date(2025, 3, 3),
            "attributions",
            set(),
            {("PL", "RU"), ("PL", "BY")},
        ),
        (  # a document dated months before, told of as what it said then
            "Samoa's government has publicly identified the hacking group APT40 as being behind cyberattacks on its "
            "networks. The document stops short of naming China. Instead, it links to a July 2024 advisory by "
            'Australia, the United States, Britain and Japan, which said APT40 carries out "malicious cyber '
            'operations for the PRC Ministry of State Security".',
            dt.date(2025, 2, 12),
            "attributions",
            {("WS", "apt40")},
            {("AU", "apt40"), ("US", "apt40"), ("GB", "apt40"), ("JP", "apt40")},
        ),
        (  # a deed dated by the year the sentence before named
            "Kaspersky attributed the campaign to APT31. The findings add to evidence that Chinese intelligence "
            'targets Russia despite the "no limits" partnership the two leaders proclaimed in 2022. Israeli firm Check '
            "Point reported that year that a Chinese group it named Twisted Panda had gone after Russian institutes.",
            dt.date(2024, 8, 12),
            "attributions",
            {("kaspersky", "apt31")},
            {("check point", "twisted panda"), ("check point", "CN")},
        ),
        (  # a doer left unnamed
            "A computer virus infected the Spanish Defence Ministry's internal network this month, El País newspaper "
            "reported on Tuesday, citing sources who suspect a foreign power is behind the attack.",
            dt.date(2019, 3, 26),
            "attributions",
            set(),
            {("ES", "el país")},
        ),
        (  # "the service's website": the service named last
            "The U.S. Treasury on Wednesday sanctioned Sinbad.io, a cryptocurrency mixing service. Dutch police took "
            "the service's website offline.",
            dt.date(2023, 11, 29),
            "consequences",
            {("NL", "sinbad.io", "cyber_operation")},
            set(),
        ),
        (  # a document charging people counted: the government whose document it is
            "A federal grand jury in Washington charged a former Air Force specialist with spying. The same "
            "indictment, unsealed Wednesday, charges four Iranians — Mojtaba Masoumpour, Behzad Mohammadzadeh, "
            "Fatemeh Mohammadi and Hossein Parvar — with conspiracy and attempted computer intrusion.",
            dt.date(2019, 2, 13),
            "consequences",
            {("US", "mojtaba masoumpour", "indictment"), ("US", "hossein parvar", "indictment")},
            {("IR", "mojtaba masoumpour", "indictment")},
        ),
        (  # a group described as one of a state's units
            "Adam Meyers, CrowdStrike's senior vice president for intelligence, said the intrusion was the work of "
            "Labyrinth Chollima, one of the most prolific units in North Korea's hacking apparatus.",
            dt.date(2023, 7, 20),
            "attributions",
            {("crowdstrike", "labyrinth chollima"), ("crowdstrike", "KP")},
            set(),
        ),
        (  # a quoted deed with its speaker after it
            '"Russian hackers stole the data from the network of Xplain," the Swiss National Cyber Security Centre '
            "said.",
            dt.date(2024, 3, 7),
            "attributions",
            {("CH", "RU")},
            set(),
        ),
        (  # the person who did it, not where he did it from
            'U.S. prosecutors on Tuesday charged Mikhail Matveev with ransomware attacks. "From his perch in Russia, '
            'Matveev allegedly targeted law enforcement, healthcare and other critical sectors," U.S. Attorney for New '
            "Jersey Philip Sellinger said in a statement.",
            dt.date(2023, 5, 16),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (  # "charges the seven with…": the people named last, counted
            "Estonian police detained Vladimir Tsastsin, 31, Timur Gerassimenko, 31, and Dmitri Jegorov, 33, on "
            "Tuesday. An indictment unsealed in Manhattan federal court charges the three with wire fraud.",
            dt.date(2011, 11, 10),
            "consequences",
            {("US", "vladimir tsastsin", "indictment"), ("US", "dmitri jegorov", "indictment")},
            set(),
        ),
        (  # whom the people sanctioned served is not who sanctions them
            "The U.S. Treasury on Monday imposed sanctions on five Russian entities. A fifth company, "
            "Divetechnoservices, was sanctioned for procuring underwater equipment for Russian government agencies.",
            dt.date(2018, 6, 11),
            "consequences",
            set(),
            {("RU", "divetechnoservices", "sanctions")},
        ),
        (  # a national office of the dateline's state, and the office it is after a quotation
            "GENEVA, June 13 (Reuters) - Websites of the Swiss federal administration have been hit by cyberattacks. "
            "The Federal Office for Cyber Security said several sites had been targeted by denial-of-service attacks. "
            '"The attacks were carried out by NoName057(16), a pro-Russian hacktivist group," the office said.',
            dt.date(2024, 6, 13),
            "attributions",
            {("CH", "noname057(16)")},
            set(),
        ),
        (  # a short denial right after a background sentence goes on with it
            "Moldova on Monday blamed Russia for the attacks. Moldovan authorities last year accused Moscow of trying "
            "to sway the presidential election through a vote-buying network run by fugitive businessman Ilan Shor, "
            "who lives in Russia. Shor denied wrongdoing.",
            dt.date(2025, 9, 29),
            "denials",
            set(),
            {"ilan shor"},
        ),
        (  # a role before the name of the accused
            "Venezuela's attorney general on Tuesday accused opposition leader María Corina Machado of being behind a "
            "cyberattack on the country's electoral system.",
            dt.date(2024, 7, 30),
            "attributions",
            {("VE", "maría corina machado")},
            set(),
        ),
        (  # the court a person is sentenced at; a Crown Court is England's, wherever it sits
            "Zain Qaiser, 24, from Barking in east London, was sentenced at Kingston Crown Court after pleading guilty "
            "to 11 offences including blackmail. Grant West, 26, was sentenced at Canterbury Crown Court on Friday.",
            dt.date(2019, 4, 9),
            "consequences",
            {("GB", "zain qaiser", "prosecution"), ("GB", "grant west", "prosecution")},
            {("JM", "zain qaiser", "prosecution")},
        ),
        (  # who a group is, told in the perfect: no claim of the news
            "German software company TeamViewer said on Friday that the hacking group APT29 broke into its corporate "
            "network. U.S. and British intelligence agencies have linked APT29 to Russia's Foreign Intelligence "
            "Service, the SVR.",
            dt.date(2024, 6, 28),
            "attributions",
            {("teamviewer", "apt29")},
            {("US", "apt29"), ("GB", "RU")},
        ),
        (  # what a "when" clause tells of the year since which something has gone on
            "Ukraine has been a testing ground for Russian cyber operations since at least 2015, when hackers that the "
            "United States and Ukraine later blamed on a unit of Russia's GRU cut power to 225,000 people.",
            dt.date(2022, 3, 29),
            "attributions",
            set(),
            {("US", "RU"), ("UA", "RU")},
        ),
        (  # "ST. LOUIS (AP) —": a dateline's abbreviated saint ends no sentence
            "ST. LOUIS (AP) — A British man was sentenced Tuesday to five years in prison for hacking. Nathan Wyatt, "
            "40, of Wellingborough, England, was also ordered to pay restitution.",
            dt.date(2021, 9, 21),
            "consequences",
            {("US", "nathan wyatt", "prosecution")},
            set(),
        ),
        (  # the head of a firm's unit speaks for the firm
            "Shane Huntley, head of Google's Threat Analysis Group, said on Thursday that a Chinese government-backed "
            "group known as APT31 had recently targeted staff on Joe Biden's campaign.",
            dt.date(2020, 6, 5),
            "attributions",
            {("google", "apt31"), ("google", "CN")},
            {("CN", "apt31")},
        ),
        (  # "the Zionist enemy": Israel, as Iranian officials name it
            "Iranian state television's satellite broadcasts were interrupted on Wednesday night. Communications "
            'Minister Sattar Hashemi said the hijacking was "part of the cyber war the Zionist enemy has launched '
            'against the Iranian nation" and vowed a "firm response".',
            dt.date(2025, 6, 19),
            "attributions",
            {("IR", "IL")},
            set(),
        ),
        (  # an organisation introduced as a cybersecurity body
            "The intruders were members of a group known as Wicked Panda, according to DCSO, a cybersecurity body "
            "founded by Bayer, Allianz, BASF and Volkswagen. Andreas Rohr, DCSO's chief technology officer, said the "
            "group operated from China and that DCSO believed it worked on behalf of Chinese state intelligence.",
            dt.date(2019, 4, 4),
            "attributions",
            {("dcso", "CN")},
            set(),
        ),
        (  # after the review: what the readings above must leave alone
            "The United States accused Chinese nationals of hacking the Treasury.",
            dt.date(2024, 5, 2),
            "attributions",
            {("US", "CN")},
            set(),
        ),
        (  # (a disclaimer by someone else)
            "The FBI said Russian hackers broke into its network. Microsoft did not blame any country.",
            dt.date(2024, 5, 2),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (  # (speculation about something else)
            "The FBI said Russian hackers broke into its network. It is speculation that they also targeted Google.",
            dt.date(2024, 5, 2),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (  # ("may well be" coming: no hedge of the claim)
            "Britain said the attack was carried out by APT28 and that further attacks may well be coming.",
            dt.date(2024, 5, 2),
            "attributions",
            {("GB", "apt28")},
            set(),
        ),
        (  # (where a group has cells is not who it works for)
            "Mandiant said the attack was carried out by UNC4899, a group with cells in China and Malaysia.",
            dt.date(2024, 5, 2),
            "attributions",
            {("mandiant", "unc4899")},
            {("mandiant", "CN")},
        ),
        (  # (a state's denial after a background sentence is news)
            "Moldova on Monday blamed Russia for the attacks. Moldova had accused Moscow in 2023 of meddling in its "
            "referendum. Russia's embassy denied involvement.",
            dt.date(2025, 9, 29),
            "denials",
            {"RU"},
            set(),
        ),
        (  # (a dated document opening the sentence)
            "Britain blamed China for the attack on Monday. A July 2023 advisory by the FBI said Chinese hackers had "
            "breached the networks.",
            dt.date(2024, 12, 2),
            "attributions",
            {("GB", "CN")},
            {("US", "CN")},
        ),
    ],
)
def test_session_21_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # what the actor did before, told in a relative clause, does not date the news
            "Resecurity said in a blog post on Monday that the attack had been carried out by IRIDIUM, a group it "
            "described as Iranian-linked, which it said had previously hit more than 200 government agencies.",
            dt.date(2019, 3, 11),
            "attributions",
            {("resecurity", "iridium")},
            set(),
        ),
        (  # (but a claim of before in the relative clause stays background)
            "Researchers said the campaign resembled operations of a group known as Kimsuky, which Seoul's spy agency "
            "has previously linked to Pyongyang.",
            dt.date(2020, 12, 31),
            "attributions",
            set(),
            {("KR", "KP")},
        ),
        (  # a demonym standing alone after "a" is a person of that nationality
            "On Thursday, the United States imposed sanctions on a North Korean and a Russian linked to a "
            "Moscow-registered firm.",
            dt.date(2023, 9, 1),
            "consequences",
            set(),
            {("US", "RU", "sanctions"), ("US", "KP", "sanctions")},
        ),
        (  # "added … to its list of asset freeze targets"
            "The Japanese government on Friday added three North Korea-based organizations linked to cyberattacks, "
            "including the hacker groups Andariel and BlueNoroff, to its list of asset freeze targets.",
            dt.date(2023, 9, 1),
            "consequences",
            {("JP", "andariel", "sanctions"), ("JP", "bluenoroff", "sanctions")},
            set(),
        ),
        (  # a listing of last December, in a report of September, is background
            "Japan froze the assets of Andariel on Friday. Japan placed the Lazarus Group on its sanctions list "
            "last December.",
            dt.date(2023, 9, 1),
            "consequences",
            {("JP", "andariel", "sanctions")},
            {("JP", "lazarus group", "sanctions")},
        ),
        (  # a civil suit against people named by nationality is no claim on their state
            "(Reuters) - Alphabet Inc's Google said on Tuesday it had filed a lawsuit against two Russian nationals it "
            "accused of running a botnet that has infected about 1 million computers running Microsoft Windows, and "
            "that it had taken steps to disrupt the network's infrastructure. Security firms have tracked Glupteba "
            "since at least 2011, when it was distributed as part of a wider malware operation.",
            dt.date(2021, 12, 7),
            "attributions",
            set(),
            {("google", "RU"), ("alphabet", "RU")},
        ),
        (  # "did not suggest any link": no claim
            "Google did not suggest any link between the defendants and the Russian government. Security firms have "
            "tracked Glupteba since at least 2011, when it was distributed as part of a wider malware operation.",
            dt.date(2021, 12, 7),
            "attributions",
            set(),
            {("google", "RU")},
        ),
        (  # "The designations follow … in February": what came before
            "Britain and the United States on Thursday sanctioned 11 members of the Trickbot gang. The designations "
            "follow a first round of joint sanctions in February against seven alleged Trickbot members, including "
            "Vitaly Kovalev, who had been charged with bank fraud by U.S. prosecutors a decade earlier.",
            dt.date(2023, 9, 7),
            "consequences",
            set(),
            {("US", "vitaly kovalev", "indictment"), ("US", "vitaly kovalev", "sanctions")},
        ),
        (  # a statement dated well before the news is background
            "Meta said on Sunday that Ghostwriter had targeted the accounts. U.S. cybersecurity firm Mandiant said in "
            "November it had linked UNC1151 to the Belarusian government.",
            dt.date(2022, 2, 28),
            "attributions",
            set(),
            {("mandiant", "BY"), ("mandiant", "unc1151")},
        ),
        (  # (what was announced months before is not who says so now)
            "Britain's National Cyber Security Centre said on Monday that Sandworm had targeted the Games' organisers "
            "in a campaign that was under way before the postponement was announced in March.",
            dt.date(2020, 10, 19),
            "attributions",
            {("GB", "sandworm")},
            set(),
        ),
        (  # a dateline with an abbreviated state before the date ("CAMDEN, N.J., Feb 17 (Reuters) -")
            "CAMDEN, N.J., Feb 17 (Reuters) - A Russian man accused of taking part in the largest hacking scheme ever "
            "prosecuted in the United States pleaded not guilty in federal court on Tuesday.",
            dt.date(2015, 2, 17),
            "denials",
            set(),
            {"reuters"},
        ),
        (  # the states a person is extradited from and to are not accused
            "A Russian national accused of administering the Phobos ransomware has been extradited from South Korea to "
            "the United States, the Justice Department announced Monday.",
            dt.date(2024, 11, 4),
            "attributions",
            set(),
            {("US", "KR"), ("RU", "KR")},
        ),
        (
            "Russian accused of running Phobos ransomware extradited from South Korea to US",
            dt.date(2024, 11, 4),
            "attributions",
            set(),
            {("RU", "KR"), ("RU", "US")},
        ),
        (  # ("from the Republic of Georgia")
            "A Russian man accused of taking part in the 2014 hacking of JPMorgan Chase has been extradited from the "
            "Republic of Georgia to face charges in New York, federal prosecutors said Friday.",
            dt.date(2018, 9, 7),
            "attributions",
            set(),
            {("US", "GE")},
        ),
        (  # a charged person named by nationality and trade, or by the city he lives in, is no claim on the state
            "A Venezuelan cardiologist has been charged in the United States with building and selling ransomware "
            "tools that prosecutors say were used by criminal gangs.",
            dt.date(2022, 5, 16),
            "attributions",
            set(),
            {("US", "VE")},
        ),
        (
            "U.S. prosecutors on Thursday charged a Moscow man with leading the Qakbot malware operation.",
            dt.date(2025, 5, 22),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (  # a country's press is not its state
            "Hackers suspected of Vietnam links breached BMW network, German broadcaster says",
            dt.date(2019, 12, 6),
            "attributions",
            set(),
            {("DE", "VN")},
        ),
        (  # (but "Iranian television", like "North Korean media" below, may be the state's own voice)
            "Iranian television said Israel was behind the attack on the country's fuel stations.",
            dt.date(2021, 10, 27),
            "attributions",
            {("IR", "IL")},
            set(),
        ),
        # (what the review of session 22 found too broad in the readings above)
        (
            "The FBI on Monday blamed Russia for the SolarWinds hack disclosed in December.",
            dt.date(2021, 3, 1),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (
            "Microsoft said on Monday that Iran was behind the attack, which the company reported in January.",
            dt.date(2024, 5, 2),
            "attributions",
            {("microsoft", "IR")},
            set(),
        ),
        (
            "Microsoft said the attack was carried out by a Chinese and Russian hacking group.",
            dt.date(2024, 5, 2),
            "attributions",
            {("microsoft", "CN"), ("microsoft", "RU")},
            set(),
        ),
        (
            "Microsoft said the attack was carried out by a Chinese, state-backed hacking group.",
            dt.date(2024, 5, 2),
            "attributions",
            {("microsoft", "CN")},
            set(),
        ),
        (
            "The Netherlands expelled four diplomats linked to Russia over the attempted hack of the OPCW.",
            dt.date(2018, 10, 4),
            "consequences",
            {("NL", "RU", "expelled_diplomats")},
            set(),
        ),
        (
            "Microsoft said Russia's APT29 was behind the breach but did not find any link to customer data.",
            dt.date(2024, 5, 2),
            "attributions",
            {("microsoft", "apt29")},
            set(),
        ),
        (
            "These sanctions follow an intrusion in June, and the FBI said on Thursday that North Korea was behind it.",
            dt.date(2023, 9, 7),
            "attributions",
            {("US", "KP")},
            set(),
        ),
        (
            "North Korean media said the United States was behind the cyberattack.",
            dt.date(2024, 5, 2),
            "attributions",
            {("KP", "US")},
            set(),
        ),
    ],
)
def test_session_22_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # a person accused in a criminal complaint is charged
            "Ruslan Astamirov, of the Chechen Republic, is accused in a criminal complaint filed in federal court in "
            "New Jersey of conspiring to intentionally damage protected computers.",
            dt.date(2023, 6, 15),
            "consequences",
            {("US", "ruslan astamirov", "indictment")},
            set(),
        ),
        (  # a body after a state's possessive and adjectives inside a prepositional phrase is no co-reporter
            "A hacking campaign was run by a group linked to Russia's foreign intelligence service, Poland's "
            "counter-intelligence service and CERT Polska said on Thursday.",
            dt.date(2023, 4, 13),
            "attributions",
            {("PL", "RU")},
            {("RU", "PL")},
        ),
        (  # "the two bodies" named together before are the subject
            "Poland's Military Counterintelligence Service and CERT Polska said on Thursday that hackers had been "
            "spying on diplomats. In a joint report, the two bodies attributed the operation to APT29.",
            dt.date(2023, 4, 13),
            "attributions",
            {("PL", "apt29")},
            set(),
        ),
        (  # "…, the agencies said": those named before
            "Poland's Military Counterintelligence Service and CERT Polska published a report on Thursday. The "
            "campaign was the work of APT29, the agencies said.",
            dt.date(2023, 4, 13),
            "attributions",
            {("PL", "apt29")},
            set(),
        ),
        (  # "previously undocumented tools" are new, not background
            "Poland's Military Counterintelligence Service attributed the operation to APT29 and published details "
            "of previously undocumented tools.",
            dt.date(2023, 4, 13),
            "attributions",
            {("PL", "apt29")},
            set(),
        ),
        (  # (but a group's previous deeds stay background)
            "Poland's Military Counterintelligence Service said APT29 had previously attacked foreign ministries.",
            dt.date(2023, 4, 13),
            "attributions",
            set(),
            {("PL", "apt29")},
        ),
        (  # an FIR (India's first information report) names those it accuses
            "NEW DELHI: The FIR, registered by the Delhi Police Crime Branch on a complaint from a UIDAI deputy "
            "director, names three men, Anil Kumar, Sunil Kumar and Raj Singh, who offered unauthorised access to the "
            "Aadhaar database.",
            dt.date(2018, 1, 8),
            "consequences",
            {("IN", "anil kumar", "indictment"), ("IN", "sunil kumar", "indictment")},
            set(),
        ),
        (  # "booked under the IT Act": charged, in Indian English
            "NEW DELHI: Anil Kumar was booked under Section 66 of the IT Act for hacking the state portal, police "
            "said.",
            dt.date(2018, 1, 8),
            "consequences",
            {("IN", "anil kumar", "indictment")},
            set(),
        ),
        (  # (not a booking of travel)
            "NEW DELHI: Anil Kumar was booked on a flight to Delhi after the hacking of the state portal.",
            dt.date(2018, 1, 8),
            "consequences",
            set(),
            {("IN", "anil kumar", "indictment")},
        ),
        (  # a titled speaker's state is the place that opens the sentence
            "MEXICO CITY, Sept 2 (Reuters) - Mexico accused the NSA of spying. In Brasilia, where the reaction was "
            "sharper, Foreign Minister Luiz Alberto Figueiredo summoned U.S. Ambassador Thomas Shannon over the "
            "hacking.",
            dt.date(2013, 9, 2),
            "consequences",
            {("BR", "US", "summoned_ambassador")},
            {("MX", "US", "summoned_ambassador")},
        ),
        (  # a diplomatic note delivered is a protest note
            "Mexico's foreign minister said he had delivered a diplomatic note asking Washington for an exhaustive "
            "investigation into the hacking of the president's emails by the NSA.",
            dt.date(2013, 9, 2),
            "consequences",
            {("MX", "US", "protest_note")},
            set(),
        ),
        (  # "The security firm": an anaphor with a word of what it does
            "Mandiant published a report on Tuesday. The security firm said APT41 was behind the intrusions.",
            dt.date(2024, 1, 20),
            "attributions",
            {("mandiant", "apt41")},
            set(),
        ),
        (  # (but "The presidential office" names an office for the first time, not the subject before)
            "Presidential office says N. Korea presumed to have hacked staffer's personal e-mail before Yoon's Europe "
            "trip\n\nSEOUL, Feb. 14 (Yonhap) -- The presidential office said Wednesday that hackers presumed to be "
            "from North Korea broke into the personal e-mail account of one of its staff members shortly before "
            "President Yoon Suk Yeol's trip to Europe in November.",
            dt.date(2024, 2, 14),
            "attributions",
            {("KR", "KP")},
            set(),
        ),
        (  # initials the report defines for a company are the company's, not another party's of the same initials
            "JAKARTA: PT Bank Syariah Indonesia (BSI), the country's largest Islamic lender, said on Thursday that "
            "services were being restored after an outage. BSI said the LockBit ransomware gang was behind the "
            "cyberattack.",
            dt.date(2023, 5, 11),
            "attributions",
            {("pt bank syariah indonesia", "lockbit")},
            {("DE", "lockbit")},
        ),
        (  # a group named short and in full is one group, under its full name
            "Estonian crypto payments firm CoinsPaid blames North Korea's Lazarus for $37 million theft\n\n"
            "Tallinn-based payment processor CoinsPaid said on Wednesday that hackers stole $37.3 million from it, and "
            "pinned the attack on the Lazarus Group, the North Korean state-backed hacking operation.",
            dt.date(2023, 7, 26),
            "attributions",
            {("coinspaid", "lazarus group")},
            {("coinspaid", "lazarus")},
        ),
        (  # (but not a group whose longer name is another group's)
            "Microsoft said Anonymous Sudan was behind the outages. Israel's cyber directorate blamed Anonymous for "
            "the defacement of ministry websites.",
            dt.date(2023, 7, 26),
            "attributions",
            {("microsoft", "anonymous sudan"), ("IL", "anonymous")},
            set(),
        ),
        (  # "the stolen funds": a participle describing a noun, not an act of whoever is named before it
            "CoinsPaid said on Wednesday that the Lazarus Group had stolen $37.3 million from it. The company said it "
            "had reported the incident to Estonian police and was working to freeze the stolen funds.",
            dt.date(2023, 7, 26),
            "attributions",
            {("coinspaid", "lazarus group")},
            {("coinspaid", "EE")},
        ),
        (  # "identified on Monday": when the attack was found, not who was named
            "Saipem said on Wednesday a cyberattack crippled hundreds of its servers. The attack, identified on "
            "Monday, hit servers mainly in the Middle East, including Saudi Arabia and Kuwait, the company said.",
            dt.date(2018, 12, 12),
            "attributions",
            set(),
            {("saipem", "SA"), ("saipem", "KW")},
        ),
        (  # a claim about "that attack" told right after a background event is background too
            "Saipem said on Wednesday a cyberattack crippled hundreds of its servers. Shamoon was first used in 2012 "
            "against Aramco, destroying data on about 30,000 computers. U.S. officials later said Iran was behind that "
            "attack.",
            dt.date(2018, 12, 12),
            "attributions",
            set(),
            {("US", "IR")},
        ),
        (  # "a technical alert issued": a public warning
            "In a technical alert issued late on Tuesday, the Department of Homeland Security and the FBI said the "
            "North Korean government had used a campaign dubbed FASTCash to compromise payment switch servers.",
            dt.date(2018, 10, 3),
            "consequences",
            {("US", "KP", "awareness_raising")},
            set(),
        ),
        (  # "The military said": the armed forces of the state named before
            "JERUSALEM (AP) - Israel's military said Tuesday that Hamas hacked the phones of soldiers. An officer said "
            "Hamas appeared to be interested in troop movements. The military said that, working together with the "
            "Shin Bet security service, its cyber defense division had monitored the operation for months before "
            "taking down the servers used to collect the stolen data.",
            dt.date(2018, 7, 3),
            "consequences",
            {("IL", "hamas", "cyber_operation")},
            set(),
        ),
        (  # "in the past two months": a recent span, not the past
            "Ukrainian President Petro Poroshenko on Thursday accused Russia's security services of waging a "
            '"cyberwar" against his country, saying Ukrainian state institutions had been hit by about 6,500 '
            "cyberattacks in the past two months alone.",
            dt.date(2016, 12, 29),
            "attributions",
            {("UA", "RU")},
            set(),
        ),
        (  # a federal court in Puerto Rico is American
            "SAN JUAN, Puerto Rico (AP) - Sergei Makinin, a Russian and Moldovan national, pleaded guilty in federal "
            "court in Puerto Rico to three counts of violating the Computer Fraud and Abuse Act.",
            dt.date(2023, 11, 14),
            "consequences",
            {("US", "sergei makinin", "prosecution")},
            {("PR", "sergei makinin", "prosecution")},
        ),
        (  # allegations called "very serious" are taken seriously, not denied
            "Google said the hacking campaign came from China. In Washington, Secretary of State Hillary Clinton "
            'called the allegations "very serious" and said the FBI was looking into them.',
            dt.date(2011, 6, 2),
            "denials",
            set(),
            {"US"},
        ),
        (  # (allegations called "groundless" are denied)
            "Google said the hacking campaign came from China. Foreign ministry spokesman Hong Lei called the "
            'allegations "groundless".',
            dt.date(2011, 6, 2),
            "denials",
            {"CN"},
            set(),
        ),
        (  # "Crypto lending platform Radiant Capital": a company named after what it is
            "Crypto lending platform Radiant Capital said North Korean state-backed hackers were behind the theft of "
            "about $50 million from its platform in October.",
            dt.date(2024, 12, 6),
            "attributions",
            {("radiant capital", "KP")},
            set(),
        ),
        (  # "a North Korea-nexus group", "a Russia-linked group": the state tied to the group in apposition
            "Mandiant attributed the attack to UNC4736, a North Korea-nexus group. Microsoft blamed the breach on "
            "Ember Bear, a Russia-linked group.",
            dt.date(2024, 12, 6),
            "attributions",
            {("mandiant", "KP"), ("microsoft", "RU")},
            set(),
        ),
        (  # "published technical indicators": a public warning about the group
            "CERT-UA attributed the campaign to a group it tracks as UAC-0142, and published technical indicators so "
            "that organizations could detect the intrusion.",
            dt.date(2022, 12, 18),
            "consequences",
            {("UA", "uac-0142", "awareness_raising")},
            set(),
        ),
        (  # a public body the report names with its initials, in a report from its state's capital
            "TALLINN, Aug 18 (Reuters) - The Information System Authority (RIA), which oversees the country's digital "
            "infrastructure, said in a statement that the attacks had been carried out by Killnet.",
            dt.date(2022, 8, 18),
            "attributions",
            {("EE", "killnet")},
            set(),
        ),
        (  # (not a firm's research centre: "Genians Security Center (GSC)")
            "SEOUL (Yonhap) - Genians Security Center (GSC) said on Monday that the Kimsuky group had sent phishing "
            "e-mails disguised as a request to review identification cards.",
            dt.date(2025, 9, 15),
            "attributions",
            set(),
            {("KR", "kimsuky")},
        ),
        (  # "identified the malware as a variant of LockBit": what the tool is, not who used it
            "JAKARTA (Reuters) - The National Cyber and Crypto Agency (BSSN) said investigators had identified the "
            "malware as a new variant developed from LockBit 3.0. The agency said the attack had been carried out by "
            "Brain Cipher.",
            dt.date(2024, 6, 24),
            "attributions",
            {("ID", "brain cipher")},
            {("ID", "lockbit")},
        ),
        (  # a claim of now, before a relative clause that tells an earlier claim about the group
            "Israeli cybersecurity company Morphisec said the campaign was the work of OilRig, a group that other "
            "researchers have previously linked to Iran.",
            dt.date(2017, 4, 26),
            "attributions",
            {("morphisec", "oilrig")},
            set(),
        ),
        (  # (and the earlier claim of the relative clause is not read as one of now)
            "ESET said the attack was carried out by Sandworm, a group that Germany has previously linked to Russia's "
            "GRU.",
            dt.date(2017, 4, 26),
            "attributions",
            {("eset", "sandworm")},
            {("DE", "sandworm"), ("DE", "RU")},
        ),
        (  # "a joint operation by Romanian police and the FBI": the police's operation, not an attack
            "CLEVELAND (Reuters) - The three Romanians accused of running the botnet were extradited to Ohio. The men "
            "were arrested in Romania in September in a joint operation by Romanian police and the FBI.",
            dt.date(2016, 12, 15),
            "attributions",
            set(),
            {("RO", "US")},
        ),
        (  # "They face a 21-count indictment": the people the sentence before was about, charged by its court
            "CLEVELAND (Reuters) - Bogdan Nicolescu, 34, Tiberiu Danet, 31, and Radu Miclaus, 36, accused of running "
            "a botnet, arrived in Cleveland on Wednesday and appeared in federal court. They face a 21-count "
            "indictment charging them with wire fraud and computer fraud.",
            dt.date(2016, 12, 15),
            "consequences",
            {
                ("US", "bogdan nicolescu", "indictment"),
                ("US", "tiberiu danet", "indictment"),
                ("US", "radu miclaus", "indictment"),
            },
            set(),
        ),
        (  # (not charges they "could face")
            "CLEVELAND (Reuters) - Bogdan Nicolescu, 34, Tiberiu Danet, 31, and Radu Miclaus, 36, accused of running "
            "a botnet, arrived in Cleveland on Wednesday and appeared in federal court. They could face an indictment "
            "for wire fraud and computer fraud.",
            dt.date(2016, 12, 15),
            "consequences",
            set(),
            {("US", "bogdan nicolescu", "indictment")},
        ),
        (  # a botnet and computer fraud are cyber operations: a charge over them blames
            "Three Romanian men who ran a botnet that infected 400,000 computers were charged in federal court in "
            "Cleveland with conspiracy to commit computer fraud. The men, Bogdan Nicolescu, Tiberiu Danet and Radu "
            "Miclaus, were charged in a 21-count indictment.",
            dt.date(2016, 12, 15),
            "attributions",
            {("US", "bogdan nicolescu")},
            set(),
        ),
        (  # a victim taking its own website offline is no operation against anyone
            "The United States blamed China for the breach. Victoria's Secret took its U.S. website offline on "
            "Wednesday after what it called a security incident.",
            dt.date(2025, 5, 29),
            "consequences",
            set(),
            {("US", "CN", "cyber_operation")},
        ),
        (  # taking down a state-backed group's botnet is an operation against the group, not its state
            "The FBI said Flax Typhoon, a Chinese state-sponsored group, ran the botnet. The FBI took control of the "
            "botnet's servers run by Flax Typhoon.",
            dt.date(2024, 9, 18),
            "consequences",
            {("US", "flax typhoon", "cyber_operation")},
            {("US", "CN", "cyber_operation")},
        ),
        (  # "Tuesday's measures build on a February operation": the operation is background
            "Britain sanctioned Dmitry Khoroshev on Tuesday. Tuesday's measures build on a February operation, dubbed "
            "Cronos, in which the NCA, the FBI and Europol seized the gang's servers and leak site.",
            dt.date(2024, 5, 7),
            "consequences",
            set(),
            {("GB", "dmitry khoroshev", "cyber_operation"), ("GB", "lockbit", "cyber_operation")},
        ),
        (  # an arrest takes people, not the gang they belong to
            "Russia's FSB said on Friday it had arrested 14 members of the REvil ransomware gang.",
            dt.date(2022, 1, 14),
            "consequences",
            set(),
            {("RU", "revil", "arrest")},
        ),
        (  # (the person named is arrested, not the gang he leads)
            "Spanish police arrested Denis Tokarenko, the alleged leader of the Carbanak gang, in Alicante.",
            dt.date(2018, 3, 26),
            "consequences",
            {("ES", "denis tokarenko", "arrest")},
            {("ES", "carbanak", "arrest")},
        ),
        (  # "identified 72 organisations compromised…, including the governments of…": the victims
            "McAfee said on Wednesday it had identified 72 organisations compromised in a campaign it dubbed "
            '"Operation Shady RAT", including the governments of the United States, Taiwan and India.',
            dt.date(2011, 8, 4),
            "attributions",
            set(),
            {("mcafee", "US"), ("mcafee", "TW"), ("mcafee", "IN")},
        ),
        (  # a statement made "last year" is background
            "China rejected the findings on Thursday. Google said last year that attacks originating in China had "
            "targeted its systems.",
            dt.date(2011, 8, 4),
            "attributions",
            set(),
            {("google", "CN")},
        ),
        (  # (but not "first disclosed last year": when the attack was disclosed, not when the claim is made)
            "On Friday, Interior Minister Nancy Faeser said the attack on the email accounts of SPD executives, first "
            "disclosed last year, had been carried out by APT28.",
            dt.date(2024, 5, 3),
            "attributions",
            {("DE", "apt28")},
            set(),
        ),
        (  # "agents based in China, Russia and elsewhere": where the people are, not whom the measure is against
            "The United States on Thursday imposed sanctions on Kimsuky. Treasury also designated eight North Korean "
            "agents based in China, Russia and elsewhere whom it accused of helping the country earn money for its "
            "weapons programmes through cyber theft.",
            dt.date(2023, 6, 2),
            "attributions",
            {("US", "kimsuky")},
            {("US", "CN"), ("US", "RU")},
        ),
        (  # (but "a state-sponsored actor based in China" is tied to the state)
            '"Volt Typhoon is a state-sponsored actor based in China that typically focuses on espionage," Microsoft '
            "said in a blog post, attributing the intrusions in Guam to the group.",
            dt.date(2023, 5, 25),
            "attributions",
            {("microsoft", "CN")},
            set(),
        ),
        (  # "operated out of Russia, Belarus, Ukraine and Suriname": where the group works from, not who acted
            "U.S. prosecutors charged Alla Witte with writing code for Trickbot. According to the indictment, the "
            "Trickbot Group operated out of Russia, Belarus, Ukraine and Suriname and used the malware to steal "
            "banking credentials.",
            dt.date(2021, 6, 5),
            "attributions",
            set(),
            {("BY", "RU"), ("BY", "UA"), ("BY", "SR")},
        ),
        (  # a claim told in a relative clause in the perfect, about an earlier deed, is background
            "Security experts compared the heist with the 2016 theft of $81 million from Bangladesh's central bank, "
            "which researchers and U.S. officials have linked to hackers working for North Korea.",
            dt.date(2018, 6, 11),
            "attributions",
            set(),
            {("US", "KP")},
        ),
        (  # (but a claim of now before it stays)
            "Morphisec said the campaign was the work of OilRig, which researchers have linked to Iran.",
            dt.date(2017, 4, 26),
            "attributions",
            {("morphisec", "oilrig")},
            set(),
        ),
        (  # (review guards) a visiting minister speaks for his own state, not the place of the visit
            "In Kyiv, visiting Foreign Minister Jean Dupont said Russia was behind the cyberattack.",
            dt.date(2024, 5, 7),
            "attributions",
            set(),
            {("UA", "RU")},
        ),
        (  # (hackers based in China are the state's in news usage)
            "The FBI said hackers based in China stole the designs.",
            dt.date(2024, 5, 7),
            "attributions",
            {("US", "CN")},
            set(),
        ),
        (  # (a possible indictment is not one)
            "CLEVELAND (Reuters) - Bogdan Nicolescu, 34, Tiberiu Danet, 31, and Radu Miclaus, 36, accused of running "
            "a botnet, arrived in Cleveland on Wednesday and appeared in federal court. They face a possible "
            "indictment for wire fraud and computer fraud.",
            dt.date(2016, 12, 15),
            "consequences",
            set(),
            {("US", "bogdan nicolescu", "indictment")},
        ),
        (  # (a diplomatic note requesting an extradition is a request, not a protest)
            "Washington delivered a diplomatic note to Mexico requesting the extradition of Ivan Petrov, a Russian "
            "hacker.",
            dt.date(2024, 5, 7),
            "consequences",
            set(),
            {("US", "MX", "protest_note")},
        ),
        (  # (booked at a jail is no charge)
            "HOUSTON (AP) - John Smith, 24, was booked at the Harris County jail on Tuesday after hacking the county's "
            "servers.",
            dt.date(2024, 5, 7),
            "consequences",
            set(),
            {("US", "john smith", "indictment")},
        ),
        (  # (hackers working for a state's ministry are not among those reporting)
            "The attack was carried out by hackers working for China's Ministry of State Security, Britain's foreign "
            "secretary and the head of the NCSC said on Monday.",
            dt.date(2024, 3, 25),
            "attributions",
            set(),
            {("CN", "GB")},
        ),
        (  # "SolarWinds hackers": a victim's name for the incident's hackers, not the actor
            "Microsoft says SolarWinds hackers hijacked USAID email account in new spree",
            dt.date(2021, 5, 28),
            "attributions",
            set(),
            {("microsoft", "solarwinds")},
        ),
        (  # "the FBI had told it that…": the FBI tells; the actor is in what it told
            "Citrix Systems Inc said on Friday the FBI had told it that international cyber criminals had likely "
            "gained access to its internal network.",
            dt.date(2019, 3, 8),
            "attributions",
            set(),
            {("citrix systems", "US")},
        ),
        (  # "the accounts identified by Google": who found them
            "Google said North Korean hackers posed as security researchers. Twitter said it had suspended the "
            "accounts identified by Google.",
            dt.date(2021, 1, 26),
            "attributions",
            set(),
            {("twitter", "google")},
        ),
        (  # a measure among the steps someone calls for is not taken
            "Germany recalled its ambassador to Moscow over the hacking by APT28. Some German lawmakers have called "
            "for further steps, including the expulsion of Russian diplomats.",
            dt.date(2024, 5, 6),
            "consequences",
            {("DE", "RU", "recalled_ambassador")},
            {("DE", "RU", "expelled_diplomats")},
        ),
        (  # "The attack comes less than a month after…": what came before is background
            "The FBI said on Monday that DarkSide was behind the attack on Colonial Pipeline. The attack comes less "
            "than a month after the Biden administration sanctioned Russia and expelled 10 diplomats over the "
            "SolarWinds hack.",
            dt.date(2021, 5, 11),
            "consequences",
            set(),
            {("US", "RU", "expelled_diplomats"), ("US", "darkside", "expelled_diplomats")},
        ),
    ],
)
def test_session_23_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        # session 24
        (  # a record of accusations ("has been accused … of repeated cyberattacks"), not one of the news
            "Russia, for its part, has been accused by Ukraine and its Western allies of repeated cyberattacks on "
            "Ukrainian infrastructure.",
            dt.date(2023, 11, 22),
            "attributions",
            set(),
            {("UA", "RU"), ("RU", "UA")},
        ),
        (  # "has repeatedly been accused": a habit of accusing
            "Russia has repeatedly been accused by Ukraine of cyberattacks on its infrastructure.",
            dt.date(2023, 11, 22),
            "attributions",
            set(),
            {("UA", "RU"), ("RU", "UA")},
        ),
        (  # (guard: an accusation of repeated attacks made on a day of the news)
            "Ukraine on Monday accused Russia of repeated cyberattacks on its infrastructure.",
            dt.date(2023, 11, 22),
            "attributions",
            {("UA", "RU")},
            set(),
        ),
        (  # a word between the auxiliaries of the passive: the one after "by" accuses
            "Russia has now been accused by Ukraine of the cyberattack on its infrastructure.",
            dt.date(2023, 11, 22),
            "attributions",
            {("UA", "RU")},
            {("RU", "UA")},
        ),
        (  # an earlier claim a reported clause tells ("noting that Seoul blamed Pyongyang for a 2013 cyberattack"),
            # and the denial of "that attack" after it
            "Some opposition lawmakers and private security experts said North Korea could not be ruled out, noting "
            "that Seoul blamed Pyongyang for a 2013 cyberattack that froze computers at banks and broadcasters. North "
            "Korea denied involvement in that attack.",
            dt.date(2014, 12, 22),
            "attributions",
            set(),
            {("KR", "KP")},
        ),
        (
            "Some opposition lawmakers and private security experts said North Korea could not be ruled out, noting "
            "that Seoul blamed Pyongyang for a 2013 cyberattack that froze computers at banks and broadcasters. North "
            "Korea denied involvement in that attack.",
            dt.date(2014, 12, 22),
            "denials",
            set(),
            {"KP"},
        ),
        (  # "for a 2013 cyberattack": the year of the deed a claim is about
            "Seoul blamed Pyongyang for a 2013 cyberattack that froze computers at banks.",
            dt.date(2014, 12, 22),
            "attributions",
            set(),
            {("KR", "KP")},
        ),
        (  # (guard: a claim of now about a deed of an earlier year)
            "Seoul on Monday blamed Pyongyang for a 2013 cyberattack that froze computers at banks.",
            dt.date(2014, 12, 22),
            "attributions",
            {("KR", "KP")},
            set(),
        ),
        (  # (guard: the deed a reported clause tells, dated)
            "South Korean prosecutors said on Monday that North Korea was behind the 2013 attack on banks.",
            dt.date(2014, 12, 22),
            "attributions",
            {("KR", "KP")},
            set(),
        ),
        (  # "without directly accusing": an adverb inside the hedge
            'Secretary of State Hillary Clinton demanded an investigation. "Countries or individuals that engage in '
            'cyberattacks should face consequences and international condemnation," she said, without directly '
            "accusing the Chinese authorities.",
            dt.date(2010, 1, 25),
            "attributions",
            set(),
            {("US", "CN")},
        ),
        (
            'Secretary of State Hillary Clinton demanded an investigation. "Countries or individuals that engage in '
            'cyberattacks should face consequences and international condemnation," she said, without directly '
            "accusing the Chinese authorities.",
            dt.date(2010, 1, 25),
            "consequences",
            set(),
            {("US", "CN", "condemnation")},
        ),
        (  # who built what was attacked is no one's culprit
            "Australia, Papua New Guinea's largest aid donor, said it had sent cyber security specialists at Port "
            "Moresby's request to help with the recovery. The IFMS is hosted in the government's National Data Centre, "
            "which was built by Chinese telecoms company Huawei with a loan from China's Export-Import Bank.",
            dt.date(2021, 10, 22),
            "attributions",
            set(),
            {("AU", "CN"), ("AU", "huawei")},
        ),
        (  # (guard: malware deployed by a group)
            "Australian authorities said the malware had been deployed by the Lazarus Group.",
            dt.date(2021, 10, 22),
            "attributions",
            {("AU", "lazarus group")},
            set(),
        ),
        (  # "military investigators" under a dateline: the dateline state's armed forces
            "SEOUL, May 2 (Yonhap) -- North Korean hackers were behind last year's breach of South Korea's military "
            "intranet, in which some classified documents were stolen, military investigators said Tuesday.",
            dt.date(2017, 5, 2),
            "attributions",
            {("KR", "KP")},
            set(),
        ),
        (  # people of the dateline's own state sentenced unnamed, named in the next sentence with age and home town
            "NEW YORK, Nov 15 (Reuters) - An American computer activist was sentenced on Friday to 10 years in prison "
            "for hacking into the private intelligence firm Strategic Forecasting Inc and other targets. Jeremy "
            "Hammond, 28, of Chicago, pleaded guilty in May to one count of violating the Computer Fraud and Abuse "
            "Act.",
            dt.date(2013, 11, 15),
            "consequences",
            {("US", "jeremy hammond", "prosecution")},
            {("US", "strategic forecasting", "prosecution")},
        ),
        (  # a list of people, each with their nationality, opening the sentence after the measure that described them
            "TAIPEI: The Taipei District Court yesterday sentenced three Eastern European men to five years in prison "
            "each for their roles in last July's theft from automated teller machines operated by First Commercial "
            "Bank. Latvian Andrejs Peregudovs, Romanian Mihail Colibaba and Moldovan Niklaev Penkov were found guilty "
            "of computer-related offences, fraud and money laundering.",
            dt.date(2017, 1, 12),
            "consequences",
            {
                ("TW", "andrejs peregudovs", "prosecution"),
                ("TW", "mihail colibaba", "prosecution"),
                ("TW", "niklaev penkov", "prosecution"),
            },
            set(),
        ),
        (  # a gang named by its ransomware, later bare in a relative clause with its own accuser past a first cue
            "Police arrested people suspected of belonging to the network behind the Egregor ransomware. The suspects "
            "are accused of providing hacking, logistical and financial support to Egregor, which French investigators "
            "hold responsible for a string of attacks on companies since September.",
            dt.date(2021, 2, 15),
            "attributions",
            {("FR", "egregor")},
            set(),
        ),
        (  # the object of a relative clause whose subject blames it
            "North Korea's Chosun Expo was sanctioned for supporting the Lazarus Group, which the EU holds responsible "
            "for WannaCry, the theft of $81 million from the Bangladesh central bank and other cyberattacks.",
            dt.date(2020, 7, 30),
            "attributions",
            {("european union", "lazarus group")},
            set(),
        ),
        (  # (guard: whom "it held responsible" stands before, unnamed; not the victim after)
            "The Council of the European Union on Thursday imposed asset freezes on six individuals and three "
            "entities it held responsible for the attempted cyber-attack against the OPCW.",
            dt.date(2020, 7, 30),
            "attributions",
            set(),
            {("european union", "opcw")},
        ),
        (  # (guard: a tool used, not a gang learned by name)
            "A Russian cryptocurrency entrepreneur accused of laundering ransom payments extracted by hackers using "
            "the Ryuk ransomware has been extradited from the Netherlands to the United States.",
            dt.date(2022, 8, 17),
            "attributions",
            set(),
            {("US", "ryuk")},
        ),
        (  # a claim dated between its subject and its verb, months before the news
            "The United States in April formally blamed Russia's Foreign Intelligence Service (SVR) for the SolarWinds "
            "hack, which compromised at least nine federal agencies, and announced sanctions and the expulsion of 10 "
            "Russian diplomats.",
            dt.date(2021, 10, 25),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (
            "The United States in April formally blamed Russia's Foreign Intelligence Service (SVR) for the SolarWinds "
            "hack, which compromised at least nine federal agencies, and announced sanctions and the expulsion of 10 "
            "Russian diplomats.",
            dt.date(2021, 10, 25),
            "consequences",
            set(),
            {("US", "RU", "sanctions"), ("US", "RU", "expelled_diplomats")},
        ),
        (  # (guard: the month of the news)
            "The United States in October formally blamed Russia's Foreign Intelligence Service for the hack.",
            dt.date(2021, 10, 25),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (  # the victim naming an incident inside the actor of a rejected report
            "The Kremlin on Monday rejected as groundless a report by Microsoft Corp that the hacking group behind "
            "last year's SolarWinds intrusion had tried to break into hundreds of companies.",
            dt.date(2021, 10, 25),
            "attributions",
            set(),
            {("microsoft", "solarwinds")},
        ),
        (  # a group calling itself by a name with a state inside it: the whole name
            "NEW DELHI: A hacktivist collective calling itself Mysterious Team Bangladesh has carried out more than "
            "750 distributed denial-of-service (DDoS) attacks since June 2022, with Indian government portals its main "
            "targets, cybersecurity company Group-IB said in a report released on Thursday.",
            dt.date(2023, 8, 10),
            "attributions",
            {("group-ib", "mysterious team bangladesh")},
            {("group-ib", "BD")},
        ),
        (  # the subject of a passive deed is what was hit, not who hit it
            "SEOUL, Dec. 28 (Yonhap) -- The personal information of 997 North Korean defectors living in South Korea "
            "has been leaked after a computer at a government-funded resettlement center was infected with malicious "
            "code, the unification ministry said Friday.",
            dt.date(2018, 12, 28),
            "attributions",
            set(),
            {("KR", "KP")},
        ),
        (  # (guard: an active deed in a lede)
            "SEOUL, Dec. 28 (Yonhap) -- North Korean hackers have leaked the personal information of 997 defectors "
            "living in South Korea, the unification ministry said Friday.",
            dt.date(2018, 12, 28),
            "attributions",
            {("KR", "KP")},
            set(),
        ),
        (  # a habit of denying "accusations that it conducts hacking operations": deeds in general
            "Iran's mission to the United Nations did not respond to a request for comment. Tehran has routinely "
            "denied accusations that it conducts hacking operations against the United States.",
            dt.date(2022, 11, 16),
            "denials",
            set(),
            {"IR"},
        ),
        (  # (guard: the accusation of this report's attack)
            "Tehran has routinely denied accusations that it carried out the attack on the agency.",
            dt.date(2022, 11, 16),
            "denials",
            {"IR"},
            set(),
        ),
        (  # people charged, named by an anaphor after their extradition: not charged by the state that handed them over
            "LOS ANGELES, April 25 (Reuters) - A 23-year-old Scottish man accused of belonging to a hacking crew that "
            "stole millions of dollars in cryptocurrency has been extradited from Spain, U.S. prosecutors said on "
            "Friday. Tyler Buchanan, of Dundee, was flown to the United States on Thursday after Spain's National "
            "Court approved his extradition. Prosecutors allege Buchanan and four co-defendants - Ahmed Hossam Eldin "
            "Elbadawy, Noah Michael Urban, Evans Onyeaka Osiebo and Joel Martin Evans - sent thousands of phishing "
            "text messages to employees of U.S. companies and broke into corporate networks. The five were charged in "
            "November.",
            dt.date(2025, 4, 25),
            "consequences",
            {("ES", "tyler buchanan", "extradition")},
            {("ES", "tyler buchanan", "indictment"), ("ES", "noah michael urban", "indictment")},
        ),
        (  # "Prosecutors allege X … broke into": the present of "alleged"
            "LOS ANGELES, April 25 (Reuters) - A 23-year-old Scottish man accused of belonging to a hacking crew that "
            "stole millions of dollars in cryptocurrency has been extradited from Spain, U.S. prosecutors said on "
            "Friday. Tyler Buchanan, of Dundee, was flown to the United States on Thursday after Spain's National "
            "Court approved his extradition. Prosecutors allege Buchanan and four co-defendants - Ahmed Hossam Eldin "
            "Elbadawy, Noah Michael Urban, Evans Onyeaka Osiebo and Joel Martin Evans - sent thousands of phishing "
            "text messages to employees of U.S. companies and broke into corporate networks. The five were charged in "
            "November.",
            dt.date(2025, 4, 25),
            "attributions",
            {("US", "tyler buchanan")},
            {("ES", "tyler buchanan")},
        ),
        (  # a duty breached is no intrusion
            "The Australian Communications and Media Authority (ACMA) alleges that Optus, owned by Singapore "
            "Telecommunications, breached its obligations under the Telecommunications Act after the 2022 cyberattack.",
            dt.date(2024, 5, 20),
            "attributions",
            set(),
            {("AU", "SG"), ("AU", "optus")},
        ),
        (  # someone unnamed "accused of developing malware" is described, not blamed by the state after "from"
            "TAMPA, Fla. (AP) — A Russian man accused of developing and selling malicious software that was used to "
            "break into tens of thousands of computers around the world has been extradited from the country of "
            "Georgia to face charges in Florida, federal prosecutors said Wednesday. Dariy Pankov, 28, made his first "
            "appearance in federal court in Tampa after arriving in the United States.",
            dt.date(2023, 2, 15),
            "attributions",
            set(),
            {("US", "GE")},
        ),
        (  # "extradited from the country of Georgia": the state that hands him over
            "TAMPA, Fla. (AP) — A Russian man accused of developing and selling malicious software that was used to "
            "break into tens of thousands of computers around the world has been extradited from the country of "
            "Georgia to face charges in Florida, federal prosecutors said Wednesday. Dariy Pankov, 28, made his first "
            "appearance in federal court in Tampa after arriving in the United States.",
            dt.date(2023, 2, 15),
            "consequences",
            {("GE", "dariy pankov", "extradition")},
            {("US", "dariy pankov", "extradition")},
        ),
        (  # a measure requested, not taken
            "Yaroslav Vasinskyi was charged with hacking. Poland has yet to rule on a U.S. request to extradite "
            "Vasinskyi.",
            dt.date(2021, 11, 8),
            "consequences",
            set(),
            {("PL", "yaroslav vasinskyi", "extradition"), ("US", "yaroslav vasinskyi", "extradition")},
        ),
        (  # an inverted passive ("Added to the blacklist as well were A, …, and B"); companies of Baltic legal forms
            "WASHINGTON, Nov 8 (Reuters) - The U.S. Treasury Department on Monday imposed sanctions on "
            "cryptocurrency exchange Chatex and blacklisted two alleged members of the REvil ransomware gang, as "
            "Washington stepped up efforts to choke off the money flowing to cyber extortionists.\n\n Treasury said "
            "more than half of Chatex's known transactions were directly linked to illicit or high-risk activity, "
            "including ransomware, and that the exchange had direct ties to Suex, a broker the department sanctioned "
            "in September. It also designated three companies it said had set up Chatex's infrastructure: IZIBITS "
            "OU, Chatextech SIA and Hightrade Finance Ltd.\n\n Added to the blacklist as well were Yaroslav "
            "Vasinskyi, a Ukrainian national arrested in Poland last month, and Russian national Yevgeniy Polyanin. "
            "The Justice Department unsealed charges accusing Vasinskyi of deploying REvil ransomware against U.S. "
            "software company Kaseya in July, and Polyanin of attacks on businesses and local governments in Texas.",
            dt.date(2021, 11, 8),
            "consequences",
            {
                ("US", "izibits ou", "sanctions"),
                ("US", "chatextech sia", "sanctions"),
                ("US", "hightrade finance ltd", "sanctions"),
                ("US", "yaroslav vasinskyi", "sanctions"),
                ("US", "yevgeniy polyanin", "sanctions"),
            },
            {("US", "hightrade finance ltd.", "sanctions")},
        ),
        (  # a state's organ named in full after it is sanctioned with firms and people; a place opening an
            # institution's name ("Pyongyang University of Automation") is not the subject
            "WASHINGTON, May 23 (Reuters) - The United States on Tuesday imposed sanctions on North Korea's "
            "Technical Reconnaissance Bureau and three other entities as well as one individual, accusing them of "
            "raising money and stealing information for Pyongyang's weapons programmes through malicious cyber "
            "operations and overseas IT workers.\n\n The Treasury Department said the bureau, part of the "
            "Reconnaissance General Bureau, North Korea's main foreign intelligence agency, develops the tools and "
            "tactics used in the country's hacking campaigns, and that a subordinate unit, the 110th Research "
            "Center, had conducted operations to steal military and technical information from foreign targets. It "
            "also blacklisted Pyongyang University of Automation, which it said trains the country's cyber "
            "personnel.\n\n Also designated were Chinyong Information Technology Cooperation Company, which Treasury "
            "said employs North Korean IT workers in Russia and Laos, and Kim Sang Man, a North Korean national it "
            "said had handled payments linked to the workers.",
            dt.date(2023, 5, 23),
            "consequences",
            {
                ("US", "KP", "sanctions"),
                ("US", "chinyong information technology cooperation company", "sanctions"),
                ("US", "kim sang man", "sanctions"),
            },
            {("KP", "kim sang man", "sanctions")},
        ),
        (  # the year of the sentence's own act, past an apposition
            "Washington sanctioned the Lazarus Group, North Korea's best-known hacking outfit, in 2019, accusing it "
            "of a string of bank heists and cryptocurrency thefts.",
            dt.date(2023, 5, 23),
            "consequences",
            set(),
            {("US", "lazarus group", "sanctions")},
        ),
        (  # three counted people charged, named over two sentences (one, then the two others)
            "(Bloomberg) -- Three Chinese nationals were charged with breaking into the computer networks of two "
            "prominent New York law firms and trading on stolen information about pending mergers, reaping more than "
            "$4 million in illegal profits, U.S. authorities said.\n\n Iat Hong, 26, a resident of Macau, was "
            "arrested in Hong Kong on Sunday at the request of U.S. authorities, Manhattan U.S. Attorney Preet "
            "Bharara said Tuesday. The two other defendants, Bo Zheng and Hung Chin, remain at large.",
            dt.date(2016, 12, 28),
            "consequences",
            {("US", "iat hong", "indictment"), ("US", "bo zheng", "indictment"), ("US", "hung chin", "indictment")},
            set(),
        ),
        (  # a court order freezing assets is a court's order, not a sanction
            "Three Chinese nationals were charged with breaking into the computer networks of two New York law "
            "firms, U.S. authorities said. Iat Hong, 26, a resident of Macau, was arrested in Hong Kong on Sunday. "
            "The Securities and Exchange Commission obtained a court order freezing the assets of Hong, the agency "
            "said.",
            dt.date(2016, 12, 28),
            "consequences",
            {("US", "iat hong", "court_order")},
            {("US", "iat hong", "sanctions")},
        ),
        (  # a clause of now after one of the past ("…had expelled four Russian officers at the time, while Britain's
            # National Cyber Security Centre blamed the GRU…")
            "OTTAWA, Oct 4 (Reuters) - Canada on Thursday accused Russia's GRU of hacking. Earlier in the day, the "
            "Dutch government said it had foiled a GRU attempt in April to hack into the Organisation for the "
            "Prohibition of Chemical Weapons in The Hague and had expelled four Russian officers at the time, while "
            "Britain's National Cyber Security Centre blamed the GRU for a string of attacks worldwide.",
            dt.date(2018, 10, 4),
            "attributions",
            {("GB", "RU")},
            set(),
        ),
        (  # "deplored": a condemnation
            "OTTAWA, Oct 4 (Reuters) - Canada on Thursday accused Russia's GRU of hacking. The European Union said "
            'it deplored "the hostile cyber operation carried out by the Russian military intelligence" against the '
            "OPCW.",
            dt.date(2018, 10, 4),
            "consequences",
            {("european union", "RU", "condemnation")},
            set(),
        ),
        (  # speculation rejected as groundless is what is denied, not a hedge of the denial
            'Liu Pengyu, a spokesman for the Chinese embassy in Washington, said China "firmly opposes and combats '
            'all forms of cyberattacks" and rejected what he called "groundless speculation" linking Beijing to the '
            "incident.",
            dt.date(2025, 6, 16),
            "denials",
            {"CN"},
            set(),
        ),
        (
            "China rejected the speculation as groundless.",
            dt.date(2025, 6, 16),
            "denials",
            {"CN"},
            set(),
        ),
        (  # (guard: a hedge that bears on the denial)
            "China said the attack may have been staged by others, and it was not clear whether it denied involvement.",
            dt.date(2025, 6, 16),
            "denials",
            set(),
            {"CN"},
        ),
        (  # a firm named by dotted initials after where it is based ("Moscow-based F.A.C.C.T. said")
            "MOSCOW (AFP) - Russian police have detained three men suspected of belonging to a ransomware gang, one "
            "of them Aleksandr Ermakov, the Russian national sanctioned last month by Australia, the United States "
            "and Britain over a 2022 hack of health insurer Medibank, a Russian cybersecurity firm said Tuesday.\n\n "
            "Moscow-based F.A.C.C.T. said the three were members of a group it tracks as Sugar, which it said had "
            "been extorting companies in Russia and abroad since late 2021, and that Ermakov -- known online under "
            'handles including "blade_runner" -- was among them.',
            dt.date(2024, 2, 20),
            "attributions",
            {("f.a.c.c.t.", "sugar")},
            set(),
        ),
        (  # a firm saying what "the group, which it tracks as StormBamboo" did names whom it blames
            "A hacking group that researchers link to China broke into an internet service provider and tampered "
            "with its customers' web traffic to deliver malware disguised as routine software updates, according to "
            "cybersecurity firm Volexity.\n\n In a report published on Friday, Volexity said the group, which it "
            "tracks as StormBamboo and which other companies call Evasive Panda or Daggerfly, poisoned DNS responses "
            "at the provider so that requests for legitimate update servers were quietly redirected to servers "
            "controlled by the attackers. Applications that fetched updates over unencrypted HTTP connections, "
            "without checking digital signatures, then installed malicious code instead of the genuine update.",
            dt.date(2024, 8, 2),
            "attributions",
            {("volexity", "stormbamboo")},
            set(),
        ),
        (  # what a victim takes offline is no operation against anyone
            "Volexity said the group broke into an internet service provider. Volexity said it alerted the provider, "
            "which then took several traffic-routing components offline, after which the malicious DNS responses "
            "stopped.",
            dt.date(2024, 8, 2),
            "consequences",
            set(),
            {("volexity", "CN", "cyber_operation")},
        ),
        (  # (guard: a market taken offline)
            "The FBI said on Thursday it had taken Genesis Market offline in an international operation.",
            dt.date(2023, 4, 6),
            "consequences",
            {("US", "genesis market", "cyber_operation")},
            set(),
        ),
        (  # a company's unit defined by its initials ("Google's Threat Analysis Group (TAG)") speaks for it; a passive
            # link in a quotation is the claim of the one named after it
            "In a report published Thursday, Google's Threat Analysis Group (TAG) said the so-called watering hole "
            "attacks ran from November 2023 until July 2024 and were served through the websites of Mongolia's "
            'cabinet and its Ministry of Foreign Affairs.\n\n "We assess with moderate confidence the campaigns are '
            'linked to the Russian government-backed actor APT29," TAG researcher Clement Lecigne wrote.',
            dt.date(2024, 8, 29),
            "attributions",
            {("google", "apt29"), ("google", "RU")},
            set(),
        ),
        (
            '"The hacking campaigns are linked to APT29," Google said.',
            dt.date(2024, 8, 29),
            "attributions",
            {("google", "apt29")},
            set(),
        ),
        (  # ", formally designating the group as APT43": the group the reporter names
            "A North Korean hacking group has been stealing and laundering cryptocurrency to pay for spying "
            "operations against South Korea, the United States and Japan, Google-owned cybersecurity firm Mandiant "
            "said Tuesday, formally designating the group as APT43.",
            dt.date(2023, 3, 28),
            "attributions",
            {("mandiant", "apt43")},
            set(),
        ),
        (  # "…on the four men and on two of the companies, A and B": the organisations a measure takes with the people
            # it counted
            "NEW YORK, April 23 (Reuters) - U.S. prosecutors on Tuesday unsealed criminal charges against four "
            "Iranian nationals accused of a years-long hacking campaign against more than a dozen American companies "
            "and the Treasury and State departments, carried out on behalf of the cyber arm of Iran's Islamic "
            "Revolutionary Guard Corps.\n\n An indictment filed in federal court in Manhattan charges Alireza Shafie "
            "Nasab, Reza Kazemifar, Hossein Harooni and Komeil Baradaran Salmani with conspiracy to commit computer "
            "fraud, wire fraud conspiracy and related offences. Prosecutors said the men used spear-phishing and "
            "other social engineering tricks from about 2016 through April 2021, at one point taking over more than "
            "200,000 employee accounts at a single victim company.\n\n According to the indictment, the men worked "
            "for front companies that presented themselves as cybersecurity firms but ran the intrusions for the "
            "IRGC's Cyber Electronic Command.\n\n \"As alleged, these defendants targeted American companies and "
            "U.S. government agencies in a coordinated campaign to steal information on behalf of the Iranian "
            'regime," U.S. Attorney Damian Williams said in a statement.\n\n The Treasury Department separately '
            "imposed sanctions on the four men and on two of the companies, Mehrsam Andisheh Saz Nik and Dadeh Afzar "
            "Arman, which it said had conducted malicious cyber activity for the Cyber Electronic Command. The "
            "designations freeze any U.S. assets and generally bar Americans from dealing with them.",
            dt.date(2024, 4, 23),
            "consequences",
            {
                ("US", "mehrsam andisheh saz nik", "sanctions"),
                ("US", "dadeh afzar arman", "sanctions"),
                ("US", "reza kazemifar", "sanctions"),
            },
            set(),
        ),
        (  # "another Israeli firm" left unnamed: a firm of that country, not its state
            "The U.S. Commerce Department added NSO Group and another Israeli firm to a trade blacklist over spyware "
            "hacking.",
            dt.date(2021, 11, 8),
            "consequences",
            {("US", "nso group", "sanctions")},
            {("US", "IL", "sanctions")},
        ),
        (  # "could not conclusively identify which customer had used the spyware": a hedge
            "Citizen Lab said it could not conclusively identify which customer had used the spyware, but noted that "
            "NSO Group, the Israeli maker of Pegasus, says it sells only to governments.",
            dt.date(2021, 12, 21),
            "attributions",
            set(),
            {("citizen lab", "nso group"), ("citizen lab", "IL")},
        ),
        (  # a capital as a given name after a title ("prosecutor Wellington Divino Marques de Oliveira")
            "RIO DE JANEIRO (AP) — Brazilian federal prosecutors on Tuesday charged American journalist Glenn "
            "Greenwald with cybercrimes for his alleged role in the hacking of cellphones of prosecutors and other "
            "officials, whose leaked messages formed the basis of a series of reports that embarrassed Justice "
            "Minister Sergio Moro.\n\n In the complaint, prosecutor Wellington Divino Marques de Oliveira accused "
            'Greenwald, a co-founder of the news site The Intercept, of being part of a "criminal organization" that '
            'invaded the Telegram accounts of hundreds of public officials. He alleged that Greenwald "directly '
            'assisted, encouraged and guided" the hackers while the intrusions were under way, citing an audio '
            "recording of a conversation between the journalist and one of them found on a seized computer.",
            dt.date(2020, 1, 21),
            "attributions",
            {("BR", "glenn greenwald")},
            {("NZ", "glenn greenwald")},
        ),
        (  # a company named after its country ("Malaysia Airlines"); a group of two words after "the hacker group"
            "In a statement, Malaysia Airlines said the hacker group Lizard Squad had compromised its domain name "
            "system (DNS), redirecting users who typed in the airline's web address to a site controlled by the "
            "hackers.",
            dt.date(2015, 1, 26),
            "attributions",
            {("malaysia airlines", "lizard squad")},
            {("MY", "lizard")},
        ),
        (  # "spyware from an Israeli company": a firm of that country, unnamed
            "Prosecutors accuse Martinelli of ordering the National Security Council to acquire surveillance "
            "equipment, including spyware from an Israeli company, and to use it to hack the phones and intercept "
            "the communications of his critics without a court order. He was tried for interception of "
            "telecommunications without judicial authorization, illegal surveillance and embezzlement.",
            dt.date(2021, 11, 10),
            "attributions",
            set(),
            {("PA", "IL")},
        ),
        (  # (guard: a group name that goes on with a number is no group of its first words)
            "WASHINGTON - The Justice Department today announced the unsealing of charges against two officers of "
            "the People's Republic of China's Ministry of Public Security (MPS), eight employees of the Chinese "
            "company Anxun Information Technology Co. Ltd., also known as i-Soon, and two members of the hacking "
            "group Advanced Persistent Threat 27 (APT27), for their roles in computer intrusion campaigns targeting "
            "victims in the United States and around the world.",
            dt.date(2025, 3, 5),
            "attributions",
            set(),
            {("US", "advanced persistent threat"), ("US", "advance")},
        ),
        (  # (guard: a relative clause whose subject blames its object for no cyber deed)
            "The suspects are accused of spying for Russia, which Britain holds responsible for the war in Ukraine.",
            dt.date(2024, 5, 2),
            "attributions",
            set(),
            {("GB", "RU")},
        ),
        (  # (guard: a negated link in a quotation)
            '"The attacks are not linked to China," Microsoft said.',
            dt.date(2024, 5, 2),
            "attributions",
            set(),
            {("microsoft", "CN")},
        ),
        (  # (guard: the victim a ransomware attack is named after)
            "The Treasury on Tuesday sanctioned the gang behind the Change Healthcare ransomware attack.",
            dt.date(2024, 5, 2),
            "consequences",
            set(),
            {("US", "change healthcare", "sanctions")},
        ),
        (  # (guard: a state-owned company blamed stands for its state)
            "Microsoft linked the intrusions to a Chinese state-owned company, the Financial Times reported.",
            dt.date(2024, 5, 2),
            "attributions",
            {("microsoft", "CN")},
            set(),
        ),
        (  # (guard: a background word opening the sentence dates all its clauses)
            "Previously, the United States blamed North Korea for WannaCry, while Britain accused the Lazarus Group "
            "of the Sony hack.",
            dt.date(2024, 5, 2),
            "attributions",
            set(),
            {("GB", "lazarus group"), ("US", "KP")},
        ),
        (  # (guard: speculation not denied)
            "Russia did not deny speculation that its hackers were behind the attack.",
            dt.date(2024, 5, 2),
            "denials",
            set(),
            {"RU"},
        ),
        (  # (guard: names opening the next sentence without a measure or verdict)
            "The FBI arrested a man in Florida on Tuesday. Christopher Wray and Merrick Garland have praised the "
            "operation.",
            dt.date(2024, 5, 2),
            "consequences",
            set(),
            {("US", "christopher wray", "arrest")},
        ),
        (  # (guard: an order freezing assets that is no court's)
            "The Treasury issued an order freezing the assets of the Lazarus Group on Tuesday.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "lazarus group", "sanctions")},
            set(),
        ),
        (  # (guard: an accusation of repeated attacks told with the days of the news)
            "Russia has been accused by Ukraine of multiple cyberattacks on its power grid this week, the SBU said "
            "on Tuesday.",
            dt.date(2024, 5, 2),
            "attributions",
            {("UA", "RU")},
            set(),
        ),
        (  # (guard: a clause dated now after one dated months before)
            "Britain in February accused China of hacking the Electoral Commission, and on Monday it sanctioned two "
            "Chinese men over the hack.",
            dt.date(2024, 5, 2),
            "consequences",
            {("GB", "CN", "sanctions")},
            set(),
        ),
        (  # (guard: the reporter's own claim about a deed of an earlier year)
            "Britain said that it blamed Russia for the 2022 attack on the Viasat satellite network.",
            dt.date(2024, 5, 2),
            "attributions",
            {("GB", "RU")},
            set(),
        ),
        (  # (guard: a request granted)
            "Greece approved a U.S. request to extradite Alexander Vinnik on Friday.",
            dt.date(2024, 5, 2),
            "consequences",
            {("GR", "alexander vinnik", "extradition")},
            set(),
        ),
        (  # (guard: after some of those counted are named, only "the other…" names the rest)
            "Three Chinese nationals were charged by the Justice Department on Tuesday. Iat Hong, 26, was arrested "
            "in Milan. Liu Pengyu, a spokesman for the Chinese embassy in Washington, has rejected the charges.",
            dt.date(2024, 5, 2),
            "consequences",
            {("US", "iat hong", "indictment")},
            {("US", "liu pengyu", "indictment")},
        ),
        (  # "Six other people were charged, including Walter Delgatti Neto": one of those a measure described, named in
            # its sentence
            "RIO DE JANEIRO (AP) — Brazilian federal prosecutors on Tuesday charged American journalist Glenn "
            "Greenwald with cybercrimes for his alleged role in the hacking of cellphones of prosecutors. Six other "
            "people were charged, including Walter Delgatti Neto, whom police have described as the leader of the "
            "group.",
            dt.date(2020, 1, 21),
            "consequences",
            {("BR", "walter delgatti neto", "indictment")},
            set(),
        ),
    ],
)
def test_session_24_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # "the Lazarus group": the group's fuller name, with its last word in lower case
            "Kaspersky said the Lazarus group was behind the attacks on South Korean software makers. Lazarus hacked "
            "at least six firms.",
            dt.date(2025, 4, 24),
            "attributions",
            {("kaspersky", "lazarus group")},
            {("kaspersky", "lazarus")},
        ),
        (  # "Iran and its allies Hezbollah and Hamas are behind": the allies are accused with Iran, by the speaker
            "TEL AVIV, June 9 (AFP) - Iran and its allies Hezbollah and Hamas are behind a sharp rise in "
            "attempts to hack into Israel's vital computer systems, Prime Minister Benjamin Netanyahu said on "
            "Sunday.",
            dt.date(2013, 6, 9),
            "attributions",
            {("IL", "IR"), ("IL", "hezbollah"), ("IL", "hamas")},
            {("IR", "hezbollah")},
        ),
        (  # "HELSINKI (Reuters) - … The National Cyber Security Centre … said": the dateline state's centre, in a
            # report that does not speak of Britain
            "HELSINKI, April 4 (Reuters) - The website of Finland's parliament was knocked offline by a "
            "denial-of-service attack on Tuesday. The National Cyber Security Centre, part of the Finnish "
            "Transport and Communications Agency Traficom, said the attack had been carried out by "
            "NoName057(16), a group that has repeatedly targeted countries supporting Ukraine.",
            dt.date(2023, 4, 4),
            "attributions",
            {("FI", "noname057(16)")},
            set(),
        ),
        (  # (guard: in a report that speaks of Britain, the centre is Britain's)
            "WASHINGTON, May 2 (Reuters) - British and U.S. officials issued warnings on Tuesday. The National "
            "Cyber Security Centre said the attacks had been carried out by APT29.",
            dt.date(2023, 5, 2),
            "attributions",
            {("GB", "apt29")},
            {("US", "apt29")},
        ),
        (  # "Israel's police used the NSO Group's Pegasus spyware to hack…": the user is accused, not the tool's maker
            "Israel's police used the NSO Group's Pegasus spyware to hack into the phones of Israeli citizens, "
            "including leaders of protests against former prime minister Benjamin Netanyahu, without court "
            "approval, the business daily Calcalist has reported.",
            dt.date(2022, 1, 19),
            "attributions",
            {("calcalist", "IL")},
            {("calcalist", "nso group")},
        ),
        (  # "The paper also reported that the U.S. National Security Agency had tried to eavesdrop on…": the newspaper
            # named before reports its finding
            "The Guardian newspaper, citing documents leaked by Edward Snowden, reported on Sunday that GCHQ had "
            "intercepted phone calls of delegates. The paper also reported that the U.S. National Security "
            "Agency had tried to eavesdrop on satellite phone calls made by then-Russian President Dmitry "
            "Medvedev from London.",
            dt.date(2013, 6, 17),
            "attributions",
            {("the guardian", "GB"), ("the guardian", "US")},
            set(),
        ),
        (  # (guard: "the paper" with no newspaper named before stands for no one)
            "Britain said the attack hit banks. The paper also said that the U.S. National "
            "Security Agency had tried to eavesdrop on satellite phone calls made by Dmitry Medvedev.",
            dt.date(2013, 6, 17),
            "attributions",
            set(),
            {("GB", "US")},
        ),
        (  # "and that the group \"almost certainly\" operates as part of the Russian intelligence services": the group
            # just named is tied to its state; "The assessment was issued jointly with" the agencies of two more states,
            # who make its claims
            "LONDON, July 19 (Reuters) - Britain's National Cyber Security Centre (NCSC) said on Thursday that a "
            'hacking group known as APT29, or "Cozy Bear", had targeted British, U.S. and Canadian organisations '
            'involved in COVID-19 vaccine development, and that the group "almost certainly" operates as part of '
            "the Russian intelligence services. The assessment was issued jointly with Canada's Communications "
            "Security Establishment and the U.S. National Security Agency.",
            dt.date(2020, 7, 19),
            "attributions",
            {("GB", "apt29"), ("GB", "RU"), ("CA", "apt29"), ("CA", "RU"), ("US", "apt29"), ("US", "RU")},
            set(),
        ),
        (  # (guard: "and that the group is not part of…" ties it to no state)
            "LONDON (Reuters) - Britain said on Thursday that the hacking group APT29 had targeted vaccine "
            "developers, and that the group is not part of the Russian intelligence services.",
            dt.date(2020, 7, 19),
            "attributions",
            {("GB", "apt29")},
            {("GB", "RU")},
        ),
        (  # "said Washington was helping Ukraine investigate but had not yet reached a conclusion on who was
            # responsible": a question, no claim
            "KYIV, Feb 16 (Reuters) - Ukraine's banks were hit by a cyberattack. A U.S. official, speaking on "
            "condition of anonymity, said Washington was helping Ukraine investigate but had not yet reached a "
            "conclusion on who was responsible.",
            dt.date(2022, 2, 16),
            "attributions",
            set(),
            {("US", "UA")},
        ),
        (  # "…revived memories of the February 2016 theft… U.S. officials have since blamed that attack on North
            # Korea's Lazarus group": the deed of an earlier year the sentence before named
            "DHAKA (Reuters) - Hackers stole money from Dutch-Bangla Bank, Group-IB said on Thursday.\n\nThe "
            "incident revived memories of the February 2016 theft of $81 million from Bangladesh Bank's account "
            "at the Federal Reserve Bank of New York. U.S. officials and security researchers have since blamed "
            "that attack on North Korea's Lazarus group, an accusation Pyongyang has rejected.",
            dt.date(2019, 8, 22),
            "attributions",
            set(),
            {("US", "lazarus group"), ("US", "KP")},
        ),
        (  # (guard: a claim dated on a day of the news is news, whatever the sentence before named)
            "SEOUL (Reuters) - Hackers stole $30 million from Upbit this week. The attack resembled the 2019 "
            "theft from the same exchange. South Korean police said on Thursday that North Korea's Lazarus group "
            "carried out that attack.",
            dt.date(2025, 11, 27),
            "attributions",
            {("KR", "lazarus group"), ("KR", "KP")},
            set(),
        ),
        (  # "the target of \"a criminal attack\" by the Lapsus$ hackers", signed "Lapsus$ Group": the group under the
            # fuller name the report gives it (written "Lapsus$")
            "BRASILIA, Dec 10 (Reuters) - A message posted on the ministry's homepage was signed \"Lapsus$ "
            'Group". Health Minister Marcelo Queiroga told reporters the ministry had been the target of "a '
            'criminal attack" by the Lapsus$ hackers. Justice Minister Anderson Torres vowed that the group '
            'behind the attack would be "identified and punished".',
            dt.date(2021, 12, 10),
            "attributions",
            {("BR", "lapsus$ group")},
            set(),
        ),
        (  # "vowed that the group behind the attack would be \"identified and punished\"": a pledged response
            "BRASILIA, Dec 10 (Reuters) - A message posted on the ministry's homepage was signed \"Lapsus$ "
            'Group". Health Minister Marcelo Queiroga told reporters the ministry had been the target of "a '
            'criminal attack" by the Lapsus$ hackers. Justice Minister Anderson Torres vowed that the group '
            'behind the attack would be "identified and punished".',
            dt.date(2021, 12, 10),
            "consequences",
            {("BR", "lapsus$ group", "pledged_response")},
            set(),
        ),
        (  # "the Lapsus$ group": a lower-case "group" describes the group, no fuller name
            "BRASILIA (Reuters) - Police said the Lapsus$ group was behind the hack of the ministry. The "
            "minister promised that the ministry would be restored.",
            dt.date(2021, 12, 10),
            "attributions",
            {("BR", "lapsus$")},
            {("BR", "lapsus$ group")},
        ),
        (  # "…reported, citing documents leaked by former NSA contractor Edward Snowden, that the agency had monitored
            # telephone calls": the clause past the participle, "the agency" the body named before in the sentence
            "The NSA spying scandal grew. Brazilian daily O Globo reported on Tuesday, citing documents leaked "
            "by former NSA contractor Edward Snowden, that the agency had monitored telephone calls and internet "
            "traffic across Latin America.",
            dt.date(2013, 7, 10),
            "attributions",
            {("o globo", "US")},
            {("o globo", "edward snowden")},
        ),
        (  # (guard: "the agency" with no agency named before it stands for no one)
            "The spying scandal grew. Brazilian daily O Globo reported on Tuesday, citing documents leaked by a "
            "former contractor, that the agency had monitored telephone calls and internet traffic across Latin "
            "America.",
            dt.date(2013, 7, 10),
            "attributions",
            set(),
            {("o globo", "BR")},
        ),
        (  # "Land registry agency denies hack after Algerian group leaks property documents": an agency the report has
            # not placed denies, not the group named after the verb
            "Land registry agency denies hack after Algerian group leaks property documents",
            dt.date(2025, 6, 9),
            "denials",
            set(),
            {"DZ"},
        ),
        (  # "Russian foreign ministry denies hack after Czech accusations": the ministry the demonym qualifies denies
            # (the verb between the party and "hack" is no modifier of the incident)
            "Russian foreign ministry denies hack after Czech accusations",
            dt.date(2024, 3, 1),
            "denials",
            {"RU"},
            {"CZ"},
        ),
        (  # "a hacker using the alias Jimbo": a hacker named by an alias; "the Personal Data Protection Law, which
            # allows administrative sanctions against…": what a law provides for, no measure taken
            "JAKARTA (Reuters) - The National Police say they are tracking down a hacker using the alias Jimbo, "
            "who they believe stole the personal data of 204 million voters from the General Elections "
            "Commission. The ministry said it had asked the commission to explain the incident under the "
            "Personal Data Protection Law, which allows administrative sanctions against institutions that fail "
            "to protect personal data.",
            dt.date(2023, 11, 30),
            "attributions",
            {("ID", "jimbo")},
            set(),
        ),
        (  # (the same report: no sanctions taken)
            "JAKARTA (Reuters) - The National Police say they are tracking down a hacker using the alias Jimbo, "
            "who they believe stole the personal data of 204 million voters from the General Elections "
            "Commission. The ministry said it had asked the commission to explain the incident under the "
            "Personal Data Protection Law, which allows administrative sanctions against institutions that fail "
            "to protect personal data.",
            dt.date(2023, 11, 30),
            "consequences",
            set(),
            {("ID", "jimbo", "sanctions")},
        ),
        (  # "an Indonesian hacker who goes by the name Direxer": a person known by an alias, wherever the report uses
            # it (not the state of his nationality)
            "NAIROBI, Kenya - Kenyan police said the websites were hacked by Direxer, an Indonesian hacker who "
            "goes by the name Direxer.",
            dt.date(2012, 1, 26),
            "attributions",
            {("KE", "direxer")},
            {("KE", "ID")},
        ),
        (  # "Hamza Bendelladj, who is wanted by the United States for hacking into bank accounts": the state that
            # seeks him blames him
            "BANGKOK (AFP) - Hamza Bendelladj, who is wanted by the United States for hacking into bank "
            "accounts, was detained on Saturday.",
            dt.date(2013, 1, 7),
            "attributions",
            {("US", "hamza bendelladj")},
            set(),
        ),
        (  # (guard: "Thai police presented an Algerian man they said was wanted by the United States": not the
            # police)
            "BANGKOK (AFP) - Thai police presented an Algerian man they said was wanted by the United States for "
            "stealing millions of dollars from banks by hacking into accounts.",
            dt.date(2013, 1, 7),
            "attributions",
            set(),
            {("US", "TH")},
        ),
        (  # (guard: "arrested a man wanted by the United States in connection with the 2022 hack…, as he tried to
            # board a flight to Moscow": no claim on the place)
            "Israeli police have arrested a man wanted by the United States in connection with the 2022 hack of "
            "the Nomad crypto bridge, as he tried to board a flight to Moscow.",
            dt.date(2025, 5, 2),
            "attributions",
            set(),
            {("IL", "RU")},
        ),
        (  # 'A spokesman for the Russian embassy in Paris dismissed the report. "…," he told the BBC': the unnamed
            # speaker's party, not the outlet he spoke to
            "PARIS (Reuters) - French investigators believe Russian hackers were behind the attack on TV5Monde, "
            "L'Express reported. A spokesman for the Russian embassy in Paris dismissed the report. \"These "
            'accusations are absurd and have nothing to do with Russia," he told the BBC.',
            dt.date(2015, 6, 10),
            "denials",
            {"RU"},
            {"bbc"},
        ),
        (  # "…the U.S. Justice Department unsealed an indictment charging two Chinese nationals… Prosecutors said
            # the men were members of APT10", in a report from Ottawa: the prosecutors of the charges just told
            "OTTAWA, Dec 21 (Reuters) - Canada has accused China's Ministry of State Security of running a "
            "years-long hacking campaign. The statement came hours after the U.S. Justice Department unsealed an "
            "indictment charging two Chinese nationals, Zhu Hua and Zhang Shilong, with conspiring to break into "
            "the computers of dozens of companies. Prosecutors said the men were members of APT10.",
            dt.date(2018, 12, 21),
            "attributions",
            {("US", "apt10")},
            {("CA", "apt10")},
        ),
        (  # "The ministry identified the 35-year-old only by his initials": how a suspect is named, no claim on the
            # state that issued the warrant
            "MADRID, April 26 (Reuters) - Spanish police have arrested a Dutch man suspected of orchestrating "
            "one of the biggest cyberattacks ever seen, Spain's Interior Ministry said on Friday. The ministry "
            "identified the 35-year-old only by his initials, S.K., and said he was detained on Thursday in "
            "Granollers on a European arrest warrant issued by Dutch prosecutors.",
            dt.date(2013, 4, 26),
            "attributions",
            set(),
            {("ES", "NL")},
        ),
        (  # "…concluded that the Reconnaissance General Bureau had planted the malware. The Defense Ministry said
            # the military would respond \"firmly\"": the dateline state's ministry, not a body of the accused
            "SEOUL, South Korea (AP) - North Korea's military intelligence agency was behind last month's "
            "cyberattack on banks, investigators in Seoul said Wednesday. The team said it concluded that the "
            "Reconnaissance General Bureau had planted the malware.\n\nThe Defense Ministry said the military "
            'would respond "firmly" to any further North Korean cyberattacks.',
            dt.date(2013, 4, 10),
            "consequences",
            {("KR", "KP", "pledged_response")},
            set(),
        ),
        (  # "Kaspersky Lab" named in the report: "Kaspersky" is the same company, under its fuller name
            "MOSCOW (Reuters) - Moscow-based Kaspersky Lab on Thursday rejected a report that Russian government "
            'hackers had used its antivirus software to steal classified U.S. cyber tools. "Kaspersky has not '
            'been provided any evidence," the company said.',
            dt.date(2017, 10, 5),
            "denials",
            {"kaspersky lab"},
            {"kaspersky"},
        ),
        (  # "The Yomiuri Shimbun reported Sunday that a Chinese cyberattack had penetrated…, citing multiple
            # government sources": the newspaper's claim, its sources unnamed (and not the attackers' state accusing
            # the victim)
            "TOKYO (Kyodo) - Japan declined to confirm the report. The Yomiuri Shimbun reported Sunday that a "
            "Chinese cyberattack had penetrated the Foreign Ministry's confidential communication network, "
            "citing multiple government sources.",
            dt.date(2024, 2, 5),
            "attributions",
            {("the yomiuri shimbun", "CN")},
            {("CN", "JP")},
        ),
        (  # "the group, which it has named Harvester, … used a mix of custom malware, including a … backdoor called
            # Graphon, and publicly available tools to steal information": the name the firm gave it, and the tools
            # listed with commas
            "In a report, Symantec, a division of Broadcom, said the group, which it has named Harvester, had "
            "been active since at least June 2021 and used a mix of custom malware, including a previously "
            "undocumented backdoor called Graphon, and publicly available tools to steal information from its "
            "victims.",
            dt.date(2021, 10, 19),
            "attributions",
            {("symantec", "harvester")},
            set(),
        ),
        (  # "…, researchers in Canada and the United States said": where the researchers work, no state's claim
            "Chinese authorities used a previously unknown tool to hijack ordinary internet traffic and turn it "
            "against websites that help users get around Beijing's censorship, researchers in Canada and the "
            "United States said on Friday.",
            dt.date(2015, 4, 10),
            "attributions",
            set(),
            {("CA", "CN"), ("US", "CN")},
        ),
        (  # "arrested four people suspected of hacking the mobile phones of…": an arrest for a cyber deed named as
            # such blames the people, named in the next sentence
            "BRASILIA (Reuters) - Brazil's Federal Police on Tuesday arrested four people suspected of hacking "
            "the mobile phones of Justice Minister Sergio Moro. The suspects, Walter Delgatti Neto and Gustavo "
            "Henrique Elias Santos, were detained in Araraquara.",
            dt.date(2019, 7, 24),
            "attributions",
            {("BR", "walter delgatti neto"), ("BR", "gustavo henrique elias santos")},
            set(),
        ),
        (  # (guard: the arrest blames the person, not a victim named with the deed)
            "BUCHAREST (Reuters) - Romanian prosecutors have detained Razvan Cernaianu, a 20-year-old student "
            "suspected of breaking into servers belonging to NASA and the U.S. Department of Defense.",
            dt.date(2012, 2, 1),
            "attributions",
            set(),
            {("RO", "US")},
        ),
        (  # 'the campaigns were "backed by the Indian state"': the state behind the campaigns is blamed
            "ISLAMABAD: Pakistan's CERT warned of attacks by SideWinder. The advisory said the campaigns were "
            '"backed by the Indian state" and had been aimed at stealing sensitive information.',
            dt.date(2025, 5, 13),
            "attributions",
            {("PK", "IN")},
            set(),
        ),
        (  # (guard: "The bill was backed by the Indian state government": what backs a bill is no attacker)
            "WASHINGTON (Reuters) - The bill was backed by the Indian state government, officials said, after "
            "the hacking of the ministry.",
            dt.date(2025, 5, 13),
            "attributions",
            set(),
            {("US", "IN")},
        ),
        (  # "Lin Jian, a foreign-ministry spokesman": the ministry written with a hyphen is the generic body
            "Britain accused China of hacking the parliament. China rejected all of it. Lin Jian, a "
            'foreign-ministry spokesman, called the British claims "completely fabricated".',
            dt.date(2024, 3, 26),
            "denials",
            {"CN"},
            {"lin jian"},
        ),
        (  # "The Justice Department has not suggested that the trading scheme was directed by the Russian state": no
            # claim
            "BERN (Reuters) - Switzerland has extradited Vladislav Klyushin to the United States, where he is "
            "charged with hacking. The Justice Department has not suggested that the trading scheme was directed "
            "by the Russian state.",
            dt.date(2021, 12, 20),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (  # "The National Cybersecurity Center, which is assisting the institute, issued an alert": the national
            # centre written "Cybersecurity", of the dateline's state
            "SANTO DOMINGO (AP) — The Dominican Republic's Agrarian Institute said Friday that a ransomware gang "
            "known as Quantum had broken into its network. The National Cybersecurity Center, which is assisting "
            "the institute, issued an alert to all public institutions on Friday warning about the Quantum "
            "group's methods.",
            dt.date(2022, 8, 19),
            "consequences",
            {("DO", "quantum", "awareness_raising")},
            set(),
        ),
        (  # "arrested four people suspected of running the hacking forum BreachForums and of stealing data… the four
            # operate online under the aliases ShinyHunters, Hollow, Noct and Depressed": the people named by their
            # aliases
            "PARIS, June 25, 2025 (AFP) - French police have arrested four people suspected of running the "
            "hacking forum BreachForums and of stealing data from French companies, the Paris prosecutor's "
            "office said Wednesday. Investigators believe the four operate online under the aliases "
            "ShinyHunters, Hollow, Noct and Depressed.",
            dt.date(2025, 6, 25),
            "consequences",
            {("FR", "hollow", "arrest"), ("FR", "noct", "arrest"), ("FR", "depressed", "arrest")},
            set(),
        ),
        (  # (the same report: each alias is blamed, a known group name among them)
            "PARIS, June 25, 2025 (AFP) - French police have arrested four people suspected of running the "
            "hacking forum BreachForums and of stealing data from French companies, the Paris prosecutor's "
            "office said Wednesday. Investigators believe the four operate online under the aliases "
            "ShinyHunters, Hollow, Noct and Depressed.",
            dt.date(2025, 6, 25),
            "attributions",
            {("FR", "shinyhunters"), ("FR", "hollow"), ("FR", "noct"), ("FR", "depressed")},
            set(),
        ),
        (  # "TV Globo's Fantástico programme reported…, based on documents leaked by former NSA contractor Edward
            # Snowden, that the agency had broken into…": the broadcaster's finding
            "The NSA spying scandal grew. TV Globo's Fantástico programme reported on Sunday, based on documents "
            "leaked by former NSA "
            "contractor Edward Snowden, that the agency had broken into Petrobras' private computer network.",
            dt.date(2013, 9, 9),
            "attributions",
            {("tv globo", "US")},
            {("tv globo", "edward snowden")},
        ),
        (  # (guard: "The paper, written by researchers at Oxford, found…": a study, not the newspaper named before)
            "LONDON (Reuters) - A hacking campaign targeted British universities, the BBC reported. The paper, "
            "written by researchers at Oxford, found that North Korean hackers were behind the cyberattack.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("bbc", "KP")},
        ),
        (  # (guard: "who is wanted by Russia on charges of murder": no cyber deed, no claim)
            "LONDON (Reuters) - Hackers leaked thousands of emails belonging to associates of exiled tycoon "
            "Mikhail Khodorkovsky, who is wanted by Russia on charges of murder, the Dossier Center said on "
            "Thursday.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("RU", "mikhail khodorkovsky")},
        ),
        (  # (guard: "its takedown operations were backed by a court order": no attacker)
            "WASHINGTON (Reuters) - Microsoft said on Tuesday its takedown operations were backed by a court "
            "order from a U.S. judge, after it seized domains used by Chinese hackers.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("microsoft", "US")},
        ),
        (  # (guard: "its attacks were backed by the Ukrainian government": the speaker's own attacks)
            "KYIV (Reuters) - Ukraine's volunteer IT Army said its attacks were backed by the Ukrainian "
            "government, after it knocked Russian bank websites offline.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("UA", "RU")},
        ),
        (  # (guard: "the FBI had monitored internet traffic from the hacked servers": a defender watching, the
            # attackers are blamed)
            "WASHINGTON (Reuters) - Microsoft said on Tuesday that the FBI had monitored internet traffic from "
            "the hacked servers after Chinese hackers breached them.",
            dt.date(2024, 6, 1),
            "attributions",
            {("microsoft", "CN")},
            {("microsoft", "US")},
        ),
        (  # (guard: "had tried to intercept the malware": a defender)
            "KYIV (Reuters) - Ukraine's SBU said Russian hackers attacked its networks. Microsoft said that "
            "Ukraine's cyber police had tried to intercept the malware before it spread.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("microsoft", "UA")},
        ),
        (  # (guard: GCHQ declined to comment after the Guardian reported…: the clause past the participle is the
            # newspaper's only)
            "LONDON (Reuters) - Britain's GCHQ eavesdropping agency declined to comment after The Guardian "
            "reported on Friday, citing documents leaked by former NSA contractor Edward Snowden, that the "
            "agency had monitored telephone calls of foreign diplomats.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("GB", "US")},
        ),
        (  # (guard: "and that the group had also targeted companies linked to the Ukrainian government": victims, no
            # sponsor)
            "LONDON (Reuters) - Britain's National Cyber Security Centre said on Thursday that a hacking group "
            "known as APT29 had attacked vaccine researchers, and that the group had also targeted companies "
            "linked to the Ukrainian government.",
            dt.date(2024, 6, 1),
            "attributions",
            {("GB", "apt29")},
            {("GB", "UA")},
        ),
        (  # (guard: "…," he told CNN after a company's sentence: no unnamed official spoke)
            "WASHINGTON (Reuters) - Senator Ron Wyden criticised the company on Tuesday for its security "
            'failures. Microsoft disclosed the breach of its email systems in January. "There is no doubt that '
            'Russia was behind this," he told CNN.',
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("microsoft", "RU")},
        ),
        (  # (guard: "Japan's Nikkei share average": the index, no newspaper)
            "TOKYO (Reuters) - Japan's Nikkei share average fell 1% on Tuesday after the government said Chinese "
            "hackers had breached the defence ministry's networks.",
            dt.date(2024, 6, 1),
            "attributions",
            {("JP", "CN")},
            {("nikkei", "CN")},
        ),
        (  # (guard: a title-case headline "LockBit Gang" is no fuller name)
            "FBI Says LockBit Gang Behind Boeing Hack\nWASHINGTON (Reuters) - The FBI said on Tuesday that the "
            "LockBit ransomware gang was behind a cyberattack on Boeing.",
            dt.date(2024, 6, 1),
            "attributions",
            {("US", "lockbit")},
            {("US", "lockbit gang")},
        ),
        (  # (guard: "arrested a teenager suspected of hacking the Twitter account of footballer Marcus Rashford":
            # the victim is not blamed)
            "LONDON (Reuters) - British police arrested a teenager suspected of hacking the Twitter account of "
            "footballer Marcus Rashford, police said on Tuesday.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("GB", "marcus rashford")},
        ),
        (  # (guard: "promised that staff … who ignored Microsoft warnings would be punished": no pledge against
            # Microsoft)
            "JAKARTA (Reuters) - Indonesia's communications minister promised that staff at the data centre who "
            "ignored Microsoft warnings would be punished after a ransomware attack by the LockBit gang.",
            dt.date(2024, 6, 1),
            "consequences",
            set(),
            {("ID", "microsoft", "pledged_response")},
        ),
        (  # (guard: "Microsoft had monitored internet traffic to the hacked servers after Chinese hackers breached
            # them")
            "BERLIN (Reuters) - Germany's BSI said on Tuesday that Microsoft had monitored internet traffic to "
            "the hacked servers after Chinese hackers breached them.",
            dt.date(2024, 6, 1),
            "attributions",
            {("DE", "CN")},
            set(),
        ),
        (  # "Brazil's TV Globo reported…": the outlet, not its country, is the subject
            "The NSA spying scandal grew. Brazil's TV Globo reported on Sunday, citing documents leaked by "
            "former NSA contractor Edward Snowden, that the agency intercepted emails and text messages of Pena "
            "Nieto.",
            dt.date(2013, 9, 2),
            "attributions",
            {("tv globo", "US")},
            {("BR", "US")},
        ),
    ],
)
def test_session_25_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # 'Glenn Mangham, a British student who hacked into Facebook, was jailed': the person's
            # description is not of the subject; the dateline's state sentences him
            "LONDON (Reuters) - Glenn Mangham, a British student who hacked into Facebook, was jailed for eight "
            "months on Friday.",
            dt.date(2012, 2, 17),
            "consequences",
            {("GB", "glenn mangham", "prosecution")},
            set(),
        ),
        (  # 'Joshua Schulte, 35, a former CIA engineer, was sentenced': his age and his description,
            # not the CIA's sentence
            "NEW YORK (Reuters) - Joshua Schulte, 35, a former CIA engineer, was sentenced on Thursday to 40 "
            "years in prison for leaking the agency's hacking tools.",
            dt.date(2024, 2, 1),
            "consequences",
            {("US", "joshua schulte", "prosecution")},
            {("US", "cia", "prosecution")},
        ),
        (  # 'Prosecutors accuse former President Ricardo Martinelli of…': a former president is a
            # person, accused by name, whose denial is his own
            "PANAMA CITY (AP) — Prosecutors accuse former President Ricardo Martinelli of using a surveillance "
            "unit to intercept the phone calls of critics. Martinelli denied the accusations on Twitter, calling "
            "the case political persecution.",
            dt.date(2015, 12, 22),
            "denials",
            {"ricardo martinelli"},
            {"PA"},
        ),
        (  # (and the prosecutors' claim on him)
            "PANAMA CITY (AP) — Prosecutors accuse former President Ricardo Martinelli of using a surveillance "
            "unit to intercept the phone calls of critics. Martinelli denied the accusations on Twitter, calling "
            "the case political persecution.",
            dt.date(2015, 12, 22),
            "attributions",
            {("PA", "ricardo martinelli")},
            set(),
        ),
        (  # 'Former President X denied…': an office held no longer speaks for the state
            "PANAMA CITY (AP) — A magistrate on Monday ordered the arrest of former President Ricardo Martinelli "
            "for spying on critics. Former President Ricardo Martinelli denied the accusations.",
            dt.date(2015, 12, 22),
            "denials",
            {"ricardo martinelli"},
            {"PA"},
        ),
        (  # 'the court would ask Interpol to issue a red notice for Martinelli's arrest': an arrest
            # asked for, not made
            "PANAMA CITY (AP) — A magistrate on Monday ordered the arrest of former President Ricardo Martinelli "
            "for spying on critics. He said the court would ask Interpol to issue a red notice for Martinelli's "
            "arrest.",
            dt.date(2015, 12, 22),
            "consequences",
            set(),
            {("interpol", "ricardo martinelli", "arrest")},
        ),
        (  # (a state official still in office speaks for the state: 'President Juan Carlos Varela
            # denied…')
            "PANAMA CITY (AP) — Hackers leaked the emails of opposition leaders. President Juan Carlos Varela "
            "denied that the government was behind the hack.",
            dt.date(2015, 12, 22),
            "denials",
            {"PA"},
            set(),
        ),
        (  # '…, while the Treasury sanctioned Wuhan Xiaoruizhi…': a sanction in a clause of its own
            # that gives no other reason blames its target in a report of a cyber operation
            "Britain imposed sanctions on Wuhan Xiaoruizhi Science and Technology Company, which it described as "
            "a front for China's Ministry of State Security, over a hack of the Electoral Commission. In "
            "Washington, the Justice Department unsealed an indictment charging seven alleged APT31 hackers, "
            "while the Treasury sanctioned Wuhan Xiaoruizhi Science and Technology Company.",
            dt.date(2024, 3, 25),
            "attributions",
            {("US", "wuhan xiaoruizhi science and technology company")},
            set(),
        ),
        (  # (not a sanction in its own clause for another reason: '…, and the European Union
            # sanctioned Belarus over the crackdown on protesters')
            "Hackers linked to Russia's GRU knocked the ministry's website offline last week, and the European "
            "Union on Monday sanctioned Belarus over the crackdown on protesters.",
            dt.date(2024, 3, 25),
            "attributions",
            set(),
            {("european union", "BY")},
        ),
        (  # 'Judge Deborah Taylor at Southwark Crown Court jailed A, 26, a former soldier from
            # Mexborough, for 30 months': the court of the judge opening the sentence, past the person's
            # description
            "LulzSec hackers jailed over attacks on Sony. LONDON, May 16 - Four British members of the hacking "
            "group LulzSec were sentenced on Thursday for a wave of cyber attacks in 2011. Judge Deborah Taylor "
            "at Southwark Crown Court jailed Ryan Ackroyd, 26, a former soldier from Mexborough, South Yorkshire,"
            " for 30 months and Ryan Cleary, 21, of Wickford, Essex, for 32 months.",
            dt.date(2013, 5, 16),
            "consequences",
            {("GB", "ryan ackroyd", "prosecution"), ("GB", "ryan cleary", "prosecution")},
            {("ryan ackroyd", "ryan cleary", "prosecution")},
        ),
        (  # '…jailed A and B. C was sentenced to two years': the court of the sentence just before
            "LulzSec hackers jailed over attacks on Sony. LONDON, May 16 - Four British members of the hacking "
            "group LulzSec were sentenced on Thursday for a wave of cyber attacks in 2011. Judge Deborah Taylor "
            "at Southwark Crown Court jailed Ryan Ackroyd, 26, for 30 months. Jake Davis, 20, from the Shetland "
            "Islands, was sentenced to two years in a young offender institution.",
            dt.date(2013, 5, 16),
            "consequences",
            {("GB", "jake davis", "prosecution")},
            set(),
        ),
        (  # 'received a 20-month sentence suspended for two years': a sentence without the word prison
            "LONDON, May 16 - Mustafa Al-Bassam, 18, of Peckham, received a 20-month sentence suspended for two "
            "years for hacking Sony.",
            dt.date(2013, 5, 16),
            "consequences",
            {("GB", "mustafa al-bassam", "prosecution")},
            set(),
        ),
        (  # (not the court of a sentence two sentences before)
            "LONDON, May 16 - Judge Deborah Taylor at Southwark Crown Court jailed Ryan Ackroyd, 26, for 30 "
            "months for hacking. Ackroyd's lawyer said he would appeal. Separately, Jake Davis, 20, was sentenced"
            " to two years in a young offender institution in Norway.",
            dt.date(2013, 5, 16),
            "consequences",
            set(),
            {("GB", "jake davis", "prosecution")},
        ),
        (  # 'Bloomberg News reported…': the newspaper under the fuller name the report gives it
            "WASHINGTON (AP) - The Republican National Committee said one of its contractors had been breached. "
            "Bloomberg News reported Tuesday that hackers working for Russia's foreign intelligence service, the "
            "group known as APT29, breached the RNC's systems.",
            dt.date(2021, 7, 7),
            "attributions",
            {("bloomberg news", "apt29")},
            {("bloomberg", "apt29")},
        ),
        (  # (only where the report says 'Bloomberg News': 'Bloomberg reported…' is Bloomberg)
            "LAS VEGAS (AP) - MGM Resorts said its systems were disrupted. Bloomberg reported that the hacking "
            "group Scattered Spider was behind the attack.",
            dt.date(2023, 9, 14),
            "attributions",
            {("bloomberg", "scattered spider")},
            {("bloomberg news", "scattered spider")},
        ),
        (  # 'APT29 was accused by U.S., British and Canadian officials last year of…': an accusation
            # the sentence dates to the year before
            "WASHINGTON (AP) - The RNC said a contractor had been breached. APT29 was accused by U.S., British "
            "and Canadian officials last year of trying to steal coronavirus vaccine research.",
            dt.date(2021, 7, 7),
            "attributions",
            set(),
            {("US", "apt29"), ("GB", "apt29")},
        ),
        (  # (the accusation of now stays: 'APT29 was accused by British officials on Monday of…')
            "LONDON (AP) - Hackers targeted vaccine makers. APT29 was accused by British officials on Monday of "
            "trying to steal coronavirus vaccine research.",
            dt.date(2020, 7, 16),
            "attributions",
            {("GB", "apt29")},
            set(),
        ),
        (  # 'RNC says IT contractor breached as report links hack to Russia': the unnamed report's
            # claim, not the RNC's
            "RNC says IT contractor breached as report links hack to Russia",
            dt.date(2021, 7, 7),
            "attributions",
            set(),
            {("rnc", "RU")},
        ),
        (  # (a claim before such a clause stays: 'The FBI blamed Russia for the breach, as reports
            # emerged of a second intrusion')
            "WASHINGTON (AP) - The FBI on Tuesday blamed Russia for the breach of the RNC's systems, as reports "
            "emerged of a second intrusion.",
            dt.date(2021, 7, 7),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (  # 'According to the specialised technology site BleepingComputer, the attack was carried out
            # by…': the site, named by its kind, as the source of the claim
            "Telecom Argentina suffered a ransomware attack over the weekend. According to the specialised "
            "technology site BleepingComputer, the attack was carried out by the REvil ransomware gang.",
            dt.date(2020, 7, 20),
            "attributions",
            {("bleepingcomputer", "revil")},
            set(),
        ),
        (  # (not 'according to cybersecurity researchers and technical data reviewed by Reuters':
            # others' findings the agency saw)
            "SEOUL, Aug 7 (Reuters) - North Korean hackers secretly broke into the networks of a leading Russian "
            "missile developer, according to cybersecurity researchers and technical data reviewed by Reuters.",
            dt.date(2023, 8, 7),
            "attributions",
            set(),
            {("reuters", "KP")},
        ),
        (  # 'The cybersecurity blog KrebsOnSecurity reported…': a news site named by its kind
            "The cybersecurity blog KrebsOnSecurity reported that the intrusion was the work of the ShinyHunters "
            "group.",
            dt.date(2024, 6, 1),
            "attributions",
            {("krebsonsecurity", "shinyhunters")},
            set(),
        ),
        (  # 'the Medusa ransomware operation': a gang named by what it runs
            "MANILA - United States cybersecurity agencies have issued a warning about the Medusa ransomware "
            "operation, the same group that crippled the Philippine Health Insurance Corp. (PhilHealth) in 2023, "
            "saying it has hit more than 300 victims.",
            dt.date(2025, 3, 13),
            "attributions",
            {("US", "medusa")},
            set(),
        ),
        (  # (not an operation of a body: 'the FBI operation', 'a Europol ransomware operation' names
            # no gang)
            "THE HAGUE - A Europol ransomware operation last week took down servers in six countries, the agency said.",
            dt.date(2025, 3, 13),
            "attributions",
            set(),
            {("europol", "europol")},
        ),
        (  # 'has for years impersonated Taiwan's ruling party … to steal email passwords':
            # impersonating as the deed
            "Taipei, Aug. 31 (CNA) A Chinese state-sponsored hacking group has for years impersonated Taiwan's "
            "ruling Democratic Progressive Party (DPP) to steal email passwords, U.S. cybersecurity firm Recorded"
            " Future said in a report released Tuesday.",
            dt.date(2022, 8, 31),
            "attributions",
            {("recorded future", "CN")},
            set(),
        ),
        (  # 'is conducting cyber-espionage on behalf of…': espionage written as one word with 'cyber-'
            "TAIPEI - Recorded Future published a report on Tuesday. RedAlpha is conducting cyber-espionage "
            "against rights groups, the firm said.",
            dt.date(2022, 8, 31),
            "attributions",
            {("recorded future", "redalpha")},
            set(),
        ),
        (  # 'A, 24, was arrested in Boston and B, 28, in New York': the second person of a measure
            # whose verb is left out
            "NEW YORK, May 15 (Reuters) - Two brothers who studied at MIT have been arrested and charged with "
            "exploiting a flaw in the Ethereum blockchain to steal $25 million in cryptocurrency, U.S. "
            "prosecutors said on Wednesday. Anton Peraire-Bueno, 24, was arrested in Boston and James "
            "Peraire-Bueno, 28, in New York on Tuesday, according to the U.S. Attorney's Office in Manhattan. An "
            "indictment unsealed on Wednesday charges them with wire fraud.",
            dt.date(2024, 5, 15),
            "consequences",
            {("US", "james peraire-bueno", "arrest")},
            set(),
        ),
        (  # (and 'An indictment … charges them' takes both, though the first one's arrest was recorded
            # from the sentence before)
            "NEW YORK, May 15 (Reuters) - Two brothers who studied at MIT have been arrested and charged with "
            "exploiting a flaw in the Ethereum blockchain to steal $25 million in cryptocurrency, U.S. "
            "prosecutors said on Wednesday. Anton Peraire-Bueno, 24, was arrested in Boston and James "
            "Peraire-Bueno, 28, in New York on Tuesday, according to the U.S. Attorney's Office in Manhattan. An "
            "indictment unsealed on Wednesday charges them with wire fraud.",
            dt.date(2024, 5, 15),
            "consequences",
            {("US", "anton peraire-bueno", "indictment"), ("US", "james peraire-bueno", "indictment")},
            set(),
        ),
        (  # (not a person after 'and' with a verb of their own: 'A, 24, was arrested in Boston and B, 28,
            # appeared in court in New York')
            "BOSTON (Reuters) - Two brothers were charged with hacking the Ethereum blockchain to steal $25 million. "
            "Anton Peraire-Bueno, 24, was arrested in Boston and James Peraire-Bueno, 28, appeared in court in New "
            "York on Tuesday.",
            dt.date(2024, 5, 15),
            "consequences",
            {("US", "anton peraire-bueno", "arrest")},
            {("US", "james peraire-bueno", "arrest")},
        ),
        (  # 'Talos said…': Cisco's research team, under the name news gives it in full
            "Researchers at Cisco Talos published a report on Tuesday. Talos said the MuddyWater group had "
            "hacked Turkish government bodies with malicious documents.",
            dt.date(2022, 1, 31),
            "attributions",
            {("cisco talos", "muddywater")},
            {("talos", "muddywater")},
        ),
        (  # 'WARSAW (Reuters) - Government spokesman Piotr Müller rejected suggestions that the state
            # was behind…': before any state is named, the government of the dateline's
            "WARSAW (Reuters) - Government spokesman Piotr Müller rejected suggestions that the state was behind "
            "the hacking of opposition politicians.",
            dt.date(2022, 1, 5),
            "denials",
            {"PL"},
            set(),
        ),
        (  # (not 'Government-backed hacking groups from China…': whose backing the compound leaves
            # unsaid)
            "SAN FRANCISCO - Government-backed hacking groups from China and Iran are exploiting the Log4j "
            "software vulnerability, Microsoft said on Tuesday.",
            dt.date(2021, 12, 15),
            "attributions",
            {("microsoft", "CN")},
            {("microsoft", "US")},
        ),
        (  # 'The Organized Crime and Corruption Reporting Project (OCCRP) reported that Azerbaijani
            # authorities had selected hundreds of local numbers for surveillance': the consortium by
            # name, selecting phones for surveillance as the deed
            "The Organized Crime and Corruption Reporting Project (OCCRP), a consortium member, reported that "
            "Azerbaijani authorities had selected hundreds of local numbers for surveillance.",
            dt.date(2021, 7, 19),
            "attributions",
            {("organized crime and corruption reporting project", "AZ")},
            set(),
        ),
        (  # 'RFE/RL reported…': Radio Free Europe/Radio Liberty under its full name
            "PRAGUE - RFE/RL reported on Monday that Azerbaijani authorities had hacked the phones of its journalists.",
            dt.date(2021, 7, 19),
            "attributions",
            {("radio free europe/radio liberty", "AZ")},
            set(),
        ),
        (  # '…published a joint advisory with counterparts from the UK, Canada, Australia and New
            # Zealand': each counterpart joins the claim of the document
            "The US Justice Department said Tuesday it had neutralized Snake, a sophisticated piece of malware that "
            "Russia's Federal Security Service (FSB) has used for nearly two decades to steal sensitive documents. "
            "Alongside the operation, the FBI and the NSA published a joint advisory with counterparts from the UK, "
            "Canada, Australia and New Zealand.",
            dt.date(2023, 5, 9),
            "attributions",
            {("GB", "RU"), ("CA", "RU"), ("AU", "RU"), ("NZ", "RU")},
            set(),
        ),
        (  # 'Their counterparts in Australia, Canada, New Zealand and the United Kingdom signed on to
            # it too': the co-signers of the advisory just told
            "WASHINGTON (AP) - The NSA, the FBI and CISA issued a joint advisory on Wednesday warning that "
            "Chinese state-sponsored hackers had breached critical infrastructure networks in Guam. Their "
            "counterparts in Australia, Canada, New Zealand and the United Kingdom signed on to it too.",
            dt.date(2023, 5, 25),
            "attributions",
            {("AU", "CN"), ("GB", "CN")},
            set(),
        ),
        (  # (not partners of one who issues a document of its own: 'Britain's NCSC, together with
            # partners in the United States, Canada…, issued an advisory')
            "LONDON (AP) - Britain accused Russia's FSB of a hacking campaign against politicians. Britain's "
            "National Cyber Security Centre, together with partners in the United States, Canada, Australia and "
            "New Zealand, issued an advisory warning that the hackers were still active.",
            dt.date(2023, 12, 7),
            "attributions",
            {("GB", "RU")},
            {("CA", "RU"), ("AU", "RU")},
        ),
        (  # (nor counterparts who did not sign: 'Their counterparts in Australia and Canada declined
            # to comment')
            "WASHINGTON (AP) - The NSA, the FBI and CISA issued a joint advisory on Wednesday warning that "
            "Chinese state-sponsored hackers had breached networks in Guam. Their counterparts in Australia and "
            "Canada declined to comment.",
            dt.date(2023, 5, 25),
            "attributions",
            set(),
            {("AU", "CN"), ("CA", "CN")},
        ),
        (  # 'the hacked devices had been under the control of a GRU unit that cybersecurity
            # researchers call Sandworm': control as the deed, and the unit's name as a group
            "WASHINGTON (AP) - Attorney General Merrick Garland said the hacked devices had been under the "
            "control of a GRU unit that cybersecurity researchers call Sandworm.",
            dt.date(2022, 4, 6),
            "attributions",
            {("US", "RU"), ("US", "sandworm")},
            set(),
        ),
        (  # 'was run by a GRU unit known as Sandworm': the unit's name as a group
            "WASHINGTON (AP) - Attorney General Merrick Garland said the hacking network was run by a GRU unit "
            "known as Sandworm.",
            dt.date(2022, 4, 6),
            "attributions",
            {("US", "RU"), ("US", "sandworm")},
            set(),
        ),
        (  # (not who holds what was hacked: 'the servers, which were under the control of a Polish
            # contractor, had been hacked by APT31')
            "BERLIN (Reuters) - Germany's interior ministry said the servers, which were under the control of a "
            "Polish contractor, had been hacked by APT31.",
            dt.date(2022, 4, 6),
            "attributions",
            {("DE", "apt31")},
            {("DE", "PL")},
        ),
        (  # 'NAIROBI, Kenya - Information and Communications Permanent Secretary Bitange Ndemo said…':
            # before any state is named, an office of the dateline's government; 'an Indonesian hacker
            # who goes by the name Direxer': the person, not his state
            "NAIROBI, Kenya - Information and Communications Permanent Secretary Bitange Ndemo said on Thursday "
            'that 103 sites had been broken into. "The websites were hacked by an Indonesian hacker who goes by '
            'the name Direxer. He exploited a weakness in the server," Ndemo told journalists in Nairobi.',
            dt.date(2012, 2, 16),
            "attributions",
            {("KE", "direxer")},
            {("KE", "ID")},
        ),
        (  # (after another state is named, an unqualified office is not the dateline's)
            "NAIROBI, Kenya - Tanzania blamed foreign hackers for an attack on its tax agency. Permanent "
            "Secretary John Mwita said the websites were hacked by Indonesian hackers.",
            dt.date(2012, 2, 16),
            "attributions",
            set(),
            {("KE", "ID")},
        ),
        (  # (nor a company's officer: 'NAIROBI - Safaricom chief executive Peter Ndegwa said…')
            "NAIROBI, Kenya - Safaricom Chief Executive Peter Ndegwa said the websites were hacked by Indonesian "
            "hackers.",
            dt.date(2012, 2, 16),
            "attributions",
            set(),
            {("KE", "ID")},
        ),
        (  # 'A, B and C arrived in the United States… Federal prosecutors … said… The three are charged
            # with…': the charges of the state that spoke of them last
            "NEW YORK (Reuters) - Isaac Oduro Boateng, Inusah Ahmed and Derrick Van Yeboah arrived in the United "
            "States on Thursday to face hacking charges. Federal prosecutors in Manhattan said the three ran a "
            "phishing ring. The three are charged with wire fraud conspiracy and computer intrusion.",
            dt.date(2025, 8, 8),
            "consequences",
            {("US", "isaac oduro boateng", "indictment"), ("US", "derrick van yeboah", "indictment")},
            set(),
        ),
        (  # 'The men are charged with…': the people a sentence opened with, past two that name no one,
            # charged by the state that spoke of them last
            "ACCRA/NEW YORK, Aug 8 (Reuters) - Four Ghanaian nationals accused of a hacking and fraud ring have "
            "been extradited to the United States, federal prosecutors in New York said on Friday. Isaac Oduro "
            "Boateng, Inusah Ahmed, Derrick Van Yeboah and Patrick Kwame Asare arrived in the United States on "
            "Thursday, the U.S. Attorney's Office said in a statement. According to an indictment unsealed on "
            "Friday, the four were senior members of a Ghana-based organisation that sent spoofed emails. Members"
            " also struck up online relationships with older men and women. The men are charged with wire fraud "
            "conspiracy and money laundering conspiracy.",
            dt.date(2025, 8, 8),
            "consequences",
            {("US", "isaac oduro boateng", "indictment"), ("US", "patrick kwame asare", "indictment")},
            {("GH", "isaac oduro boateng", "indictment")},
        ),
        (  # (not charges told with their own earlier date: 'The five were charged in November')
            "MADRID (Reuters) - Tyler Buchanan, 23, was extradited from Spain to the United States on Thursday. "
            "Prosecutors allege Buchanan and four co-defendants - Ahmed Hossam Eldin Elbadawy, Noah Michael "
            "Urban, Evans Onyeaka Osiebo and Joel Martin Evans - sent thousands of phishing text messages. The "
            "five were charged in November.",
            dt.date(2025, 4, 25),
            "consequences",
            set(),
            {("ES", "noah michael urban", "indictment"), ("US", "noah michael urban", "indictment")},
        ),
        (  # 'Google named Dmitry Starovikov and Alexander Filippov as operators of the Glupteba
            # botnet': those named as running what attacked
            "NEW YORK (Reuters) - Google sued two Russian men over a botnet that infected a million computers. In"
            " the complaint, filed in federal court in Manhattan, Google named Dmitry Starovikov and Alexander "
            "Filippov as operators of the Glupteba botnet.",
            dt.date(2021, 12, 7),
            "attributions",
            {("google", "dmitry starovikov"), ("google", "alexander filippov")},
            set(),
        ),
        (  # (not those named to run a defence: 'The company named Tom Burt as head of its operations against
            # the botnet')
            "REDMOND (Reuters) - Microsoft said it had disrupted a botnet that infected a million computers. The "
            "company named Tom Burt as head of its operations against the botnet.",
            dt.date(2021, 12, 7),
            "attributions",
            set(),
            {("microsoft", "tom burt")},
        ),
        (  # 'INEC website hacked, commission blames…': Nigeria's electoral commission, by its
            # initials, and then by 'commission'
            "#NigeriaDecides: INEC website hacked, commission blames 'Nigerian Cyber Army'  The Independent "
            "National Electoral Commission, INEC, has confirmed that its official website was hacked on Saturday.",
            dt.date(2015, 3, 29),
            "attributions",
            {("NG", "nigerian cyber army")},
            set(),
        ),
        (  # 'In a report published on Friday, Malwarebytes said…': security firms by name, wherever
            # the sentence names them
            "In a report published on Friday, Malwarebytes said the group, known as Patchwork, ran a "
            "spear-phishing campaign between late November and early December.",
            dt.date(2022, 1, 10),
            "attributions",
            {("malwarebytes", "patchwork")},
            set(),
        ),
        (  # (and blockchain-analysis firms: 'Elliptic said the hack of the Bybit crypto exchange was carried
            # out by…')
            "Elliptic said the hack of the Bybit crypto exchange was carried out by North Korea's Lazarus Group.",
            dt.date(2025, 2, 24),
            "attributions",
            {("elliptic", "lazarus group")},
            set(),
        ),
        (  # 'has warned energy, water and telecommunications companies that a hacking group controlled
            # by the Russian state…': a warning to a list of recipients
            "BERLIN, May 26 (Reuters) - Germany's domestic intelligence agency has warned energy, water and "
            "telecommunications companies that a hacking group controlled by the Russian state has been trying to"
            " break into their networks.",
            dt.date(2020, 5, 26),
            "consequences",
            {("DE", "RU", "awareness_raising")},
            set(),
        ),
        (  # (not a warning of something else to a list: 'warned banks, insurers and retailers that new
            # rules on data would apply')
            "BERLIN, May 26 (Reuters) - Germany's financial regulator warned banks, insurers and retailers that "
            "new rules on customer data would apply from June, after Russian hackers attacked several lenders.",
            dt.date(2020, 5, 26),
            "consequences",
            set(),
            {("DE", "RU", "awareness_raising")},
        ),
        (  # 'sanctioned Funnull Technology and Liu Lizhi': a company a legal act names by its own name
            "WASHINGTON, May 30 (Reuters) - The U.S. Treasury Department on Thursday sanctioned Funnull "
            "Technology and Liu Lizhi, a Chinese national it described as the company's administrator, saying "
            "Funnull had hosted websites used in cryptocurrency scams and hacking.",
            dt.date(2025, 5, 30),
            "consequences",
            {("US", "funnull technology", "sanctions"), ("US", "liu lizhi", "sanctions")},
            set(),
        ),
        (  # (not a company named as the victim: 'charged Liu Lizhi with hacking the networks of Orbit
            # Networks')
            "WASHINGTON, May 30 (Reuters) - The U.S. Justice Department on Thursday charged Liu Lizhi with "
            "hacking the networks of Orbit Networks and stealing customer data.",
            dt.date(2025, 5, 30),
            "attributions",
            {("US", "liu lizhi")},
            {("US", "orbit networks")},
        ),
        (  # (not 'Government hackers from Russia…': the government the compound names is not the
            # dateline's)
            "LONDON (Reuters) - Government hackers from Russia have targeted British lawmakers, Microsoft said on"
            " Tuesday.",
            dt.date(2024, 5, 20),
            "attributions",
            {("microsoft", "RU")},
            {("microsoft", "GB")},
        ),
        (  # (nor 'Government officials across Europe…': officials of no one government)
            "BRUSSELS (Reuters) - Government officials across Europe on Tuesday blamed Russian hackers for a wave"
            " of cyberattacks on election websites.",
            dt.date(2024, 5, 20),
            "attributions",
            set(),
            {("BE", "RU")},
        ),
        (  # (not 'According to Handelsblatt, the BSI said…': the outlet cites someone who speaks)
            "According to Handelsblatt, the BSI said on Friday that Chinese state hackers had breached the "
            "network of the German foreign ministry.",
            dt.date(2024, 5, 20),
            "attributions",
            {("DE", "CN")},
            {("handelsblatt", "CN")},
        ),
        (  # (nor 'According to CyberScoop, the Lazarus Group was blamed by U.S. officials…': a blame
            # the outlet relays)
            "According to CyberScoop, the Lazarus Group was blamed by U.S. officials for the theft.",
            dt.date(2024, 5, 20),
            "attributions",
            set(),
            {("cyberscoop", "US"), ("cyberscoop", "lazarus group")},
        ),
        (  # (not 'The hackers were charged…' after researchers named before: hackers are not 'they')
            "Alice Smith and Bob Jones, researchers at Citizen Lab, traced the spyware to a group of Chinese "
            "hackers. The hackers were charged by U.S. prosecutors on Monday.",
            dt.date(2024, 5, 20),
            "consequences",
            set(),
            {("US", "alice smith", "indictment"), ("US", "bob jones", "indictment")},
        ),
        (  # (not the dateline's charges when the report names no state that spoke: 'MADRID - … wanted
            # by the FBI, were detained at Barcelona airport. The men are charged…')
            "MADRID (Reuters) - Daniel Kaye and Tom Hughes, British nationals wanted by the FBI, were detained at"
            " Barcelona airport. The men are charged with hacking Twitter accounts.",
            dt.date(2024, 3, 26),
            "consequences",
            set(),
            {("ES", "daniel kaye", "indictment"), ("ES", "tom hughes", "indictment")},
        ),
        (  # (not 'was accused by Britain on Tuesday of hacking…, which it breached last year': the
            # year of the deed)
            "APT31 was accused by Britain on Tuesday of hacking the Electoral Commission, which it breached last year.",
            dt.date(2024, 3, 26),
            "attributions",
            {("GB", "apt31")},
            set(),
        ),
        (  # (not 'after the report linked…': the report the sentence before names the author of)
            "Mandiant published a 60-page report on Tuesday about the breach at the energy firm. The firm's "
            "shares fell 5% after the report linked the intrusion to Chinese state hackers.",
            dt.date(2024, 3, 26),
            "attributions",
            {("mandiant", "CN")},
            set(),
        ),
        (  # (not 'a city that has been under the control of Russian forces': who holds a place)
            "Ukraine's SBU said hackers had targeted a water utility in Melitopol, a city that has been under the"
            " control of Russian forces since March 2022.",
            dt.date(2024, 5, 20),
            "attributions",
            set(),
            {("UA", "RU")},
        ),
        (  # (nor 'The hacked servers were under the control of Dutch police after the takedown')
            "The hacked servers were under the control of Dutch police after the takedown, Europol said on Wednesday.",
            dt.date(2024, 1, 1),
            "attributions",
            set(),
            {("europol", "NL")},
        ),
        (  # (not counterparts who have not signed: 'Their counterparts in Germany and France have not
            # signed on to the accusation')
            "The United States and Britain on Monday accused China of a sweeping cyberespionage campaign against "
            "lawmakers and businesses. Their counterparts in Germany and France have not signed on to the "
            "accusation.",
            dt.date(2024, 3, 20),
            "attributions",
            {("US", "CN")},
            {("DE", "CN"), ("FR", "CN")},
        ),
        (  # (nor those a joint statement followed talks with: 'after talks with counterparts from
            # India, Brazil and South Africa')
            "Britain and the United States on Monday accused Russia's FSB of a years-long hacking campaign "
            "against politicians. Foreign ministers of the Group of Seven issued a joint statement on Tuesday "
            "after talks with counterparts from India, Brazil and South Africa.",
            dt.date(2024, 3, 20),
            "attributions",
            set(),
            {("IN", "RU"), ("BR", "RU"), ("ZA", "RU")},
        ),
        (  # (not a visitor's office: 'SINGAPORE (Reuters) - Cyber Ambassador Nathaniel Fick told a
            # security forum…')
            "SINGAPORE (Reuters) - Cyber Ambassador Nathaniel Fick told a security forum on Saturday that Chinese"
            " state hackers had planted malicious code in American power grids.",
            dt.date(2024, 5, 20),
            "attributions",
            set(),
            {("SG", "CN")},
        ),
        (  # (not the victim's administrator: 'named Oleksandr Kovalenko, the hospital's IT manager, as
            # the administrator of the network')
            "Hackers breached the Lviv hospital's servers last month. Ukraine's cyber police named Oleksandr "
            "Kovalenko, the hospital's IT manager, as the administrator of the network at the time of the breach.",
            dt.date(2023, 12, 20),
            "attributions",
            set(),
            {("UA", "oleksandr kovalenko")},
        ),
        (  # (not a sanction of a state's leaders in a clause of its own: '…, while the United States
            # sanctioned Russian President Vladimir Putin')
            "Ukraine said Russian hackers had knocked its bank websites offline, while the United States on "
            "Thursday sanctioned Russian President Vladimir Putin and Foreign Minister Sergei Lavrov.",
            dt.date(2022, 2, 25),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (  # (not the court of the sentence before for one sentenced elsewhere: 'was sentenced to 10
            # years in a U.S. prison')
            "Judge Deborah Taylor at Southwark Crown Court jailed Ryan Ackroyd, 26, a former soldier from "
            "Mexborough, for 30 months. Jeremy Hammond, an American member of the group, was sentenced to 10 "
            "years in a U.S. prison.",
            dt.date(2013, 5, 16),
            "consequences",
            set(),
            {("GB", "jeremy hammond", "prosecution")},
        ),
        (  # (not the dateline's sentence when a court the reading does not place sentences: 'was
            # sentenced by a Los Angeles court')
            "LONDON (Reuters) - Tyler Buchanan, a Scottish hacker who helped lead the Scattered Spider gang, was "
            "sentenced by a Los Angeles court on Tuesday to 10 years in prison.",
            dt.date(2024, 1, 1),
            "consequences",
            set(),
            {("GB", "tyler buchanan", "prosecution")},
        ),
        (  # 'Asset freezes and travel bans hit Dmitry Badin, …, and Igor Kostyukov': the people, of
            # the measure of the sentence before
            "BRUSSELS - The European Union on Thursday imposed sanctions over the 2015 cyberattack on the German "
            "Bundestag, listing two Russian military intelligence officers. Asset freezes and travel bans hit "
            "Dmitry Badin, an officer the EU says took part in the attack, and Igor Kostyukov, head of the GRU.",
            dt.date(2020, 10, 22),
            "consequences",
            {("european union", "dmitry badin", "sanctions"), ("european union", "igor kostyukov", "sanctions")},
            {("dmitry badin", "european union", "sanctions")},
        ),
        (  # (not sanctions that hit someone with no measure told before: 'Western sanctions hit
            # Russian businessman Oleg Deripaska hard last year')
            "MOSCOW (Reuters) - Western sanctions hit Russian businessman Oleg Deripaska hard last year, analysts"
            " said, as hackers targeted his companies.",
            dt.date(2020, 10, 22),
            "consequences",
            set(),
            {("RU", "oleg deripaska", "sanctions")},
        ),
    ],
)
def test_session_26_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # 'offering up to $100,000 each for information leading to the arrest of Agha and Dardar': a reward
            # per person
            "WASHINGTON (AFP) - Prosecutors charged Ahmad Umar Agha and Firas Dardar. The FBI is offering up to "
            "$100,000 each for information leading to the arrest of Agha and Dardar, who are believed to be in "
            "Syria.",
            dt.date(2016, 3, 23),
            "consequences",
            {("US", "ahmad umar agha", "reward"), ("US", "firas dardar", "reward")},
            set(),
        ),
        (  # 'charged three Syrian men over a hacking campaign by the Syrian Electronic Army, …, and offered
            # rewards for the capture of two of them': the measures are against the men, not the group the charges
            # blame
            "WASHINGTON (AFP) - The United States on Tuesday charged three Syrian men over a hacking campaign by "
            "the Syrian Electronic Army, the pro-government group that hijacked the websites of Western media "
            "outlets, and offered rewards for the capture of two of them.",
            dt.date(2016, 3, 23),
            "consequences",
            set(),
            {("US", "syrian electronic army", "indictment"), ("US", "syrian electronic army", "reward")},
        ),
        (  # (the group is still blamed)
            "WASHINGTON (AFP) - The United States on Tuesday charged three Syrian men over a hacking campaign by "
            "the Syrian Electronic Army, the pro-government group that hijacked the websites of Western media "
            "outlets, and offered rewards for the capture of two of them.",
            dt.date(2016, 3, 23),
            "attributions",
            {("US", "syrian electronic army")},
            set(),
        ),
        (  # (a group charged by name is still charged: 'filed charges against the Syrian Electronic Army')
            "WASHINGTON (AFP) - The United States on Tuesday charged three Syrian men over a hacking campaign. "
            "Prosecutors also filed charges against the Syrian Electronic Army.",
            dt.date(2016, 3, 23),
            "consequences",
            {("US", "syrian electronic army", "indictment")},
            set(),
        ),
        (  # '…, Czech Transport Minister Martin Kupka said, according to the Financial Times': the minister's
            # claim, which the newspaper relays
            "Russia is most likely behind a wave of cyberattacks on the Czech Republic's railway systems since "
            "the start of its full-scale invasion of Ukraine, Czech Transport Minister Martin Kupka said, "
            "according to the Financial Times.",
            dt.date(2024, 5, 27),
            "attributions",
            {("CZ", "RU")},
            {("financial times", "RU")},
        ),
        (  # (the newspaper's own finding: 'Russian military hackers were behind the attacks on the railways,
            # according to the Financial Times')
            "Russian military hackers were behind the attacks on the Czech railways, according to the Financial Times.",
            dt.date(2024, 5, 27),
            "attributions",
            {("financial times", "RU")},
            set(),
        ),
        (  # 'Microsoft said the same campaign was the work of Midnight Blizzard, which it describes as a Russian
            # threat actor linked to the SVR': Microsoft blames the group and Russia; the description is no claim
            # of Russia's
            "On Tuesday, Microsoft said the same campaign was the work of the group it tracks as Midnight "
            "Blizzard, which it describes as a Russian threat actor linked to the SVR.",
            dt.date(2024, 10, 31),
            "attributions",
            {("microsoft", "midnight blizzard"), ("microsoft", "RU")},
            {("RU", "midnight blizzard")},
        ),
        (  # (a relative clause whose subject links the group still blames: '…Predatory Sparrow, which Iranian
            # officials have linked to Israel')
            "The attack was claimed by a group calling itself Predatory Sparrow, which Iranian officials have "
            "linked to Israel.",
            dt.date(2022, 6, 28),
            "attributions",
            {("IR", "IL")},
            set(),
        ),
        (  # 'Amazon's chief information security officer CJ Moses said the emails were sent by APT29, …': the
            # sender of the phishing emails
            "In a post late Wednesday, Amazon's chief information security officer CJ Moses said the phishing "
            "emails were sent by APT29 and that the domains were designed to trick recipients into believing "
            "they were legitimate Amazon Web Services addresses.",
            dt.date(2024, 10, 31),
            "attributions",
            {("amazon", "apt29")},
            set(),
        ),
        (  # 'Dutch cybersecurity firm Fox-IT said… Fox-IT, part of Britain's NCC Group, said it attributed the
            # campaign … to the group known as APT20': a company named by its kind is the same company later
            "A hacking group broke into government agencies in at least 10 countries, Dutch cybersecurity firm "
            "Fox-IT said on Thursday. Fox-IT, part of Britain's NCC Group, said it attributed the campaign, "
            'which it dubbed "Operation Wocao," to the group known as APT20.',
            dt.date(2019, 12, 19),
            "attributions",
            {("fox-it", "apt20")},
            {("GB", "apt20")},
        ),
        (  # 'Poly Network was launched by a group that includes the founders of Neo, a blockchain project based
            # in China': the subject of a passive verb is what was done, no accuser
            "HONG KONG, Aug 12 - A hacker who stole more than $600 million in cryptocurrency from the decentralised "
            "finance platform Poly Network this week has begun returning the funds. Poly Network was launched by a "
            "group that includes the founders of Neo, a blockchain project based in China.",
            dt.date(2021, 8, 12),
            "attributions",
            set(),
            {("poly network", "CN")},
        ),
        (  # 'charged a Ukrainian national over the Kaseya attack': the incident, named by its victim, is no
            # target
            "REvil was behind attacks on software company Kaseya. The U.S. Justice Department charged a "
            "Ukrainian national over the Kaseya attack in November, when Washington offered rewards of up to $10 "
            "million for information on the group's leaders.",
            dt.date(2022, 1, 15),
            "consequences",
            set(),
            {("US", "kaseya", "indictment"), ("US", "kaseya", "reward")},
        ),
        (  # '"…what they have always charged that the Chinese are doing through us," William Plummer, a Huawei
            # vice president, told the New York Times': blaming words in a quotation blame no one named outside it
            "China on Monday demanded that the United States explain its alleged surveillance, after newspaper "
            "reports said the US National Security Agency had broken into the servers of the telecommunications "
            "giant Huawei. Huawei said that if the reports were accurate, it condemned such activities. "
            '"The irony is that exactly what they are doing to us is what they have always charged that the Chinese '
            'are doing through us," William Plummer, a Huawei vice president, told the New York Times.',
            dt.date(2014, 3, 23),
            "attributions",
            set(),
            {("huawei", "william plummer")},
        ),
        (  # 'The Israeli military said Wednesday that Hamas operatives posed as young Israeli women on Facebook
            # to lure dozens of soldiers…': posing as someone to lure targets is the deed
            "JERUSALEM (AP) - The Israeli military said Wednesday that Hamas operatives posed as young Israeli "
            "women on Facebook to lure dozens of soldiers into installing apps that turned their smartphones "
            "into surveillance tools.",
            dt.date(2017, 1, 11),
            "attributions",
            {("IL", "hamas")},
            set(),
        ),
        (  # '…personas on Facebook, Twitter, LinkedIn, Google+ and YouTube': a network's name is no blaming
            # word; 'iSight said…' after 'iSight Partners' is the firm, and a sentence may open with a small
            # letter
            "In a report released Thursday, iSight Partners said the hackers created at least 14 fictitious "
            "personas on Facebook, Twitter, LinkedIn, Google+ and YouTube. iSight said it had concluded that the "
            "operation was run from Iran.",
            dt.date(2014, 5, 29),
            "attributions",
            {("isight partners", "IR")},
            {("isight partners", "google"), ("isight partners", "youtube")},
        ),
        (  # '…hacked by a group calling itself the Pakistan Cyber Army… The CBI said the attack was carried out
            # by the Pakistan Cyber Army': a group named by its kind is the same group later, not Pakistan's army
            "NEW DELHI: The website of the Central Bureau of Investigation was hacked by a group calling itself "
            "the 'Pakistan Cyber Army'. The CBI said the attack was carried out by the Pakistan Cyber Army and "
            "the site was restored on Saturday.",
            dt.date(2010, 12, 4),
            "attributions",
            {("IN", "pakistan cyber army")},
            {("IN", "PK")},
        ),
        (  # 'Jakarta Police spokesman Sr. Comr. Argo Yuwono said': police ranks do not end a sentence
            "JAKARTA: The three suspects were members of a hacker community called Surabaya Black Hat, which had "
            "broken into more than 600 websites, Jakarta Police spokesman Sr. Comr. Argo Yuwono said on Tuesday.",
            dt.date(2018, 3, 14),
            "attributions",
            {("ID", "surabaya black hat")},
            set(),
        ),
        (  # '…said the Islamic militant group that rules the Gaza Strip was behind the campaign': a word that
            # describes a group is no name of it
            "JERUSALEM (AP) - The Israeli military said Wednesday that Hamas operatives posed as young Israeli "
            "women on Facebook to lure dozens of soldiers. A senior officer in the army's information security "
            "department, speaking on condition of anonymity under military rules, said the Islamic militant "
            "group that rules the Gaza Strip was behind the campaign.",
            dt.date(2017, 1, 11),
            "attributions",
            {("IL", "hamas")},
            {("IL", "islamic")},
        ),
        (  # '"We believe Lazarus is behind these attacks on banks," said Eric Chien, technical director at
            # Symantec Security Response': the speaker after the verb, his office in commas; 'the Lazarus group'
            # is the fuller name
            "Symantec said hackers tried to steal money from a Vietnamese bank using malware written by the "
            'Lazarus group. "We believe Lazarus is behind these attacks on banks," said Eric Chien, technical '
            "director at Symantec Security Response.",
            dt.date(2016, 5, 27),
            "attributions",
            {("symantec", "lazarus group")},
            set(),
        ),
        (  # 'Hackers working on behalf of China's Ministry of State Security broke into the networks of eight …,
            # a Reuters investigation has found': the news organisation's finding
            "June 26 (Reuters) - Hackers working on behalf of China's Ministry of State Security broke into the "
            "networks of eight of the world's biggest technology service providers, a Reuters investigation has "
            "found.",
            dt.date(2019, 6, 26),
            "attributions",
            {("reuters", "CN")},
            set(),
        ),
        (  # '…," said John Hultquist, chief analyst at Google's Mandiant. He said I-Soon had hacked…': the
            # company owned speaks, and goes on speaking
            "More than 500 files from I-Soon, a Shanghai-based company also known as Anxun, were posted on "
            'GitHub last week. "We have every reason to believe this is the authentic data of a contractor '
            "supporting cyber espionage operations out of China,\" said John Hultquist, chief analyst at Google's "
            "Mandiant. He said I-Soon had hacked targets abroad on behalf of China's Ministry of State Security.",
            dt.date(2024, 2, 22),
            "attributions",
            {("mandiant", "i-soon")},
            {("google", "i-soon")},
        ),
        (  # 'Citizen Lab said the campaign … was carried out by an operator it calls "Poison Carp"': a threat
            # actor named by what the lab calls it
            "Citizen Lab said the campaign, which ran for about a week in November 2018, was carried out by an "
            'operator it calls "Poison Carp".',
            dt.date(2019, 9, 25),
            "attributions",
            {("citizen lab", "poison carp")},
            set(),
        ),
        (  # 'Ukrainian charged in U.S. over Raccoon Infostealer malware that stole millions of passwords': the
            # headline's Ukrainian is the man charged, no accuser
            "Ukrainian charged in U.S. over Raccoon Infostealer malware that stole millions of passwords\n\n"
            "AUSTIN, Texas, Oct 25 - U.S. prosecutors on Tuesday charged Mark Sokolovsky, a Ukrainian man "
            "accused of helping run the malware operation.",
            dt.date(2022, 10, 25),
            "attributions",
            {("US", "mark sokolovsky")},
            {("UA", "infostealer")},
        ),
        (  # 'Mark Sokolovsky was charged…. The FBI dismantled the servers that powered the service, taking the
            # operation offline': a takedown of servers is not against the man charged
            "AUSTIN, Texas, Oct 25 - Mark Sokolovsky was charged in an indictment filed in federal court in Austin "
            "with conspiracy to commit computer fraud, the Justice Department said. Also in March, the FBI, working "
            "with law enforcement in Italy and the Netherlands, dismantled the servers that powered the service, "
            "taking the operation offline.",
            dt.date(2022, 10, 25),
            "consequences",
            {("US", "mark sokolovsky", "indictment")},
            {("US", "mark sokolovsky", "cyber_operation")},
        ),
        (  # '…resembled NotPetya, the malware that crippled Ukrainian companies in June. Kiev blamed that attack
            # on Russian security services, which Moscow denied.' in October: the deed of a month well before the
            # news
            "KIEV, Oct 25 (Reuters) - Researchers at ESET said parts of Bad Rabbit's code resembled NotPetya, "
            "the malware that crippled Ukrainian companies in June. Kiev blamed that attack on Russian security "
            "services, which Moscow denied.",
            dt.date(2017, 10, 25),
            "attributions",
            set(),
            {("UA", "RU")},
        ),
        (  # 'The Kremlin on Wednesday dismissed as fake a trove of emails that Ukrainian hackers said they had
            # stolen…': a leak's truth denied, not a part in an operation; 'Russia has denied sending troops and
            # weapons': another deed
            "MOSCOW, Oct 26 (Reuters) - The Kremlin on Wednesday dismissed as fake a trove of emails that "
            "Ukrainian hackers said they had stolen from the office of Vladislav Surkov. Russia has denied "
            "sending troops and weapons to support the separatists.",
            dt.date(2016, 10, 26),
            "denials",
            set(),
            {"RU"},
        ),
        (  # (a denial of hacking is still one: 'Russia has denied hacking the emails')
            "MOSCOW, Oct 26 (Reuters) - Ukraine said Russian hackers stole the emails. Russia has denied hacking "
            "the emails.",
            dt.date(2016, 10, 26),
            "denials",
            {"RU"},
            set(),
        ),
        (  # 'Hikmet Hajiyev, foreign policy adviser to Azerbaijani President Ilham Aliyev, dismissed the claim':
            # an adviser to a state's president speaks for the state
            "YEREVAN (RFE/RL) - Armenia's National Security Service said on Friday that Azerbaijan's special "
            "services were behind a wave of cyber attacks. Hikmet Hajiyev, foreign policy adviser to Azerbaijani "
            'President Ilham Aliyev, dismissed the claim as "another fabrication from Yerevan".',
            dt.date(2020, 10, 2),
            "denials",
            {"AZ"},
            {"hikmet hajiyev"},
        ),
        (  # 'Separately, Armenia on Thursday recalled its ambassador to Israel in protest at Israeli arms sales
            # to Azerbaijan': a measure over another deed
            "YEREVAN (RFE/RL) - Armenia's National Security Service said that Azerbaijan's special services were "
            "behind a wave of cyber attacks. Separately, Armenia on Thursday recalled its ambassador to Israel "
            "in protest at Israeli arms sales to Azerbaijan.",
            dt.date(2020, 10, 2),
            "consequences",
            set(),
            {("AM", "IL", "recalled_ambassador")},
        ),
        (  # (a recall in protest at the attacks is still one)
            "YEREVAN (RFE/RL) - Armenia's National Security Service said that Azerbaijan's special services were "
            "behind a wave of cyber attacks. Armenia on Thursday recalled its ambassador to Azerbaijan in "
            "protest at the cyber attacks.",
            dt.date(2020, 10, 2),
            "consequences",
            {("AM", "AZ", "recalled_ambassador")},
            set(),
        ),
        (  # 'Louis Napoleon Casambre, executive director of the government's Information and Communications
            # Technology Office, said…' in a report from Manila: the dateline's government; '"We condemn these
            # attacks. …," presidential spokesman Edwin Lacierda told reporters': the quotation's first sentence
            # is the speaker's named after it
            "MANILA, Philippines (AP) - Louis Napoleon Casambre, executive director of the government's "
            "Information and Communications Technology Office, said the defacements had been carried out by "
            'hackers belonging to Anonymous Philippines. "We condemn these attacks. Breaking into government '
            'websites is not the way to express opposition to a law," presidential spokesman Edwin Lacierda told '
            "reporters.",
            dt.date(2012, 10, 2),
            "consequences",
            {("PH", "anonymous philippines", "condemnation")},
            set(),
        ),
        (  # (not the news agency a lawyer speaks to: '"My client has nothing to do with any of this. …," the
            # lawyer told Italian news agency ANSA')
            'ROME (Reuters) - Police arrested Giulio Occhionero on charges of hacking. "My client has nothing to '
            'do with any of this. She never touched those computers," the lawyer told Italian news agency ANSA.',
            dt.date(2017, 1, 11),
            "denials",
            set(),
            {"ansa"},
        ),
        (  # 'Moroccan citizen journalism website Mamfakinch accused…': a news site named by its kind
            "RABAT, Aug 9 (AFP) - Moroccan citizen journalism website Mamfakinch accused the Moroccan "
            "authorities on Thursday of trying to spy on its contributors with surveillance software.",
            dt.date(2012, 8, 9),
            "attributions",
            {("mamfakinch", "MA")},
            set(),
        ),
        (  # 'An Algerian accused of running a global cyber-theft operation pleaded not guilty in a US federal
            # court…': the unnamed man pleads, not the court's state; '…a 23-count indictment charging him…' in a
            # report from Atlanta: the dateline's state charges
            "ATLANTA, May 3 (AFP) - An Algerian accused of running a global cyber-theft operation pleaded not "
            "guilty in a US federal court on Friday after being extradited from Thailand.\n\nHamza Bendelladj, 24, "
            "appeared before a magistrate judge in Atlanta on a 23-count indictment charging him with wire and "
            "bank fraud, computer fraud and conspiracy.",
            dt.date(2013, 5, 3),
            "consequences",
            {("US", "hamza bendelladj", "indictment")},
            set(),
        ),
        (  # (and no denial of the court's state)
            "ATLANTA, May 3 (AFP) - An Algerian accused of running a global cyber-theft operation pleaded not "
            "guilty in a US federal court on Friday after being extradited from Thailand.",
            dt.date(2013, 5, 3),
            "denials",
            set(),
            {"US"},
        ),
        (  # 'Thai authorities handed Bendelladj over to FBI agents in Bangkok': where the agents were, not a
            # body he belongs to
            "ATLANTA, May 3 (AFP) - Hamza Bendelladj, 24, appeared on an indictment charging him with computer fraud. "
            "Thai authorities handed Bendelladj over to FBI agents in Bangkok on Thursday after a Thai court "
            "approved his extradition, the US Justice Department said.",
            dt.date(2013, 5, 3),
            "attributions",
            {("US", "hamza bendelladj")},
            {("US", "TH")},
        ),
        (  # 'Experian said it had identified the individual, who is based in South Africa, …': where the person
            # is, not who he is
            "JOHANNESBURG, Aug 19 (Reuters) - Experian said a suspect had obtained the personal information of "
            "24 million South Africans in a data breach. Experian said it had identified the individual, who is "
            "based in South Africa, and had obtained a court order to impound and secure the data.",
            dt.date(2020, 8, 19),
            "attributions",
            set(),
            {("experian", "ZA")},
        ),
        (  # 'The AIVD told broadcaster RTL Nieuws that it had detected the attempts by the hacking groups APT28
            # and APT29, which it said operate on behalf of the Russian government': attempts by the groups are
            # theirs
            "The General Intelligence and Security Service (AIVD) told broadcaster RTL Nieuws that it had "
            "detected the attempts by the hacking groups APT28 and APT29, which it said operate on behalf of the "
            "Russian government.",
            dt.date(2017, 2, 4),
            "attributions",
            {("NL", "apt28"), ("NL", "apt29"), ("NL", "RU")},
            set(),
        ),
        (  # (not attempts of another kind: 'rejected attempts by Russia to join the talks')
            "The AIVD said it had rejected attempts by Russia to join the talks.",
            dt.date(2017, 2, 4),
            "attributions",
            set(),
            {("NL", "RU")},
        ),
        (  # '…the work of Charming Kitten, a group the firm has tracked for years and which it says operates on
            # behalf of Tehran': the sponsor after an apposition
            "Israeli cybersecurity firm ClearSky said the attempts, which began in March, were the work of "
            "Charming Kitten, a group the firm has tracked for years and which it says operates on behalf of "
            "Tehran.",
            dt.date(2020, 5, 1),
            "attributions",
            {("clearsky", "charming kitten"), ("clearsky", "IR")},
            set(),
        ),
        (  # '…was built and run by hackers working for Pyongyang, a group the U.S. government calls Hidden
            # Cobra, the department said': the group the blamed hackers are called
            "WASHINGTON (Reuters) - The botnet, known as Joanap, was built and run by hackers working for "
            "Pyongyang, a group the U.S. government calls Hidden Cobra, the department said.",
            dt.date(2019, 1, 30),
            "attributions",
            {("US", "KP"), ("US", "hidden cobra")},
            set(),
        ),
        (  # (a denial of targeting drugmakers is a denial: the deed denied is a hack, whatever its victims make)
            "Britain, the United States and Canada accused Russia of trying to steal COVID-19 vaccine research. "
            "Russia has denied targeting drugmakers developing COVID-19 vaccines.",
            dt.date(2020, 7, 16),
            "denials",
            {"RU"},
            set(),
        ),
        (  # (nor is a denial of stealing data from companies that make weapons)
            "Britain accused Russian hackers of stealing data from defence contractors. Moscow denied stealing "
            "data from British companies that make weapons.",
            dt.date(2020, 7, 16),
            "denials",
            {"RU"},
            set(),
        ),
        (  # (a measure over an attempt on the Organisation for the Prohibition of Chemical Weapons is over a
            # cyber operation)
            "The Netherlands expelled four Russian intelligence officers over an attempt to break into the "
            "network of the Organisation for the Prohibition of Chemical Weapons, Dutch Defence Minister Ank "
            "Bijleveld said.",
            dt.date(2018, 10, 4),
            "consequences",
            {("NL", "RU", "expelled_diplomats")},
            set(),
        ),
        (  # (a partial quotation inside the sentence still blames the party after it: '…its allies "formally
            # attribute … Microsoft Exchange servers" to hackers affiliated with China's Ministry of State
            # Security')
            'The White House said the United States and its allies "formally attribute with a high degree of '
            "confidence the exploitation of Microsoft Exchange servers\" to hackers affiliated with China's "
            "Ministry of State Security.",
            dt.date(2021, 7, 19),
            "attributions",
            {("US", "CN")},
            set(),
        ),
        (  # (unnamed sources the newspaper relays leave the claim the newspaper's: '…, two people familiar with
            # the matter said, according to the Wall Street Journal')
            "Russian hackers were behind the attack, two people familiar with the matter said, according to the "
            "Wall Street Journal.",
            dt.date(2024, 5, 1),
            "attributions",
            {("the wall street journal", "RU")},
            set(),
        ),
        (  # (a former official does not speak for the state: '…," said John Sipher, a former senior official of
            # the CIA')
            '"This has all the hallmarks of a Russian intelligence operation," said John Sipher, a former senior '
            "official of the CIA.",
            dt.date(2024, 5, 1),
            "attributions",
            set(),
            {("US", "RU")},
        ),
        (  # (a later clause names its accuser: 'A Russian who hacked into the DNC's servers was indicted by U.S.
            # prosecutors, who accused Moscow of directing the operation')
            "A Russian who hacked into the Democratic National Committee's servers was indicted by U.S. "
            "prosecutors, who accused Moscow of directing the operation.",
            dt.date(2024, 5, 1),
            "attributions",
            {("US", "RU")},
            set(),
        ),
        (  # (not the dateline's document: 'MOSCOW - Alexander Vinnik returned home … after serving time on an
            # indictment charging him with laundering…')
            "MOSCOW (Reuters) - Alexander Vinnik returned home in a prisoner swap on Tuesday after serving time "
            "on an indictment charging him with laundering billions through the BTC-e exchange.",
            dt.date(2024, 8, 1),
            "consequences",
            set(),
            {("RU", "alexander vinnik", "indictment")},
        ),
        (  # ('Sen. Bob Casey Jr.' ends a sentence: the Kremlin's denial is the next)
            "The hack was blamed on Russia by Sen. Bob Casey Jr. The Kremlin denied any involvement.",
            dt.date(2024, 5, 1),
            "denials",
            {"RU"},
            set(),
        ),
        (  # (not 'the emails were sent by a compromised account at Poland's foreign ministry': whose account was
            # used)
            "Mandiant said the emails were sent by a compromised account at Poland's foreign ministry to "
            "diplomats in Europe.",
            dt.date(2024, 5, 1),
            "attributions",
            set(),
            {("mandiant", "PL")},
        ),
        (  # (nor a gang's home: 'ShinyHunters, which it describes as a French hacking group that sells stolen
            # databases')
            "Check Point said the data was stolen by ShinyHunters, which it describes as a French hacking group "
            "that sells stolen databases on criminal forums.",
            dt.date(2024, 5, 1),
            "attributions",
            set(),
            {("check point", "FR")},
        ),
    ],
)
def test_session_27_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found


@pytest.mark.parametrize(
    ("text", "published", "category", "expected", "unexpected"),
    [
        (  # (a condemnation 'if this hacking is confirmed': what is said holds only once the deed is proven)
            "Belgium's prime minister Elio Di Rupo said that \"if this hacking is confirmed, the government "
            'strongly condemns this intrusion by the United States."',
            dt.date(2013, 9, 16),
            "consequences",
            set(),
            {("BE", "US", "condemnation")},
        ),
        (  # (nor the claim inside it)
            "Belgium's prime minister Elio Di Rupo said that \"if this hacking is confirmed, the government "
            'strongly condemns this intrusion by the United States."',
            dt.date(2013, 9, 16),
            "attributions",
            set(),
            {("BE", "US")},
        ),
        (  # 'Belgium's state-controlled telecoms operator Belgacom said': the company speaks, not its state
            "Belgium's state-controlled telecoms operator Belgacom said on Monday that the US National Security "
            "Agency was behind the intrusion.",
            dt.date(2013, 9, 16),
            "attributions",
            {("belgacom", "US")},
            {("BE", "US")},
        ),
        (  # '…, as a leading Belgian newspaper reported that the NSA was behind the intrusion': the claim of a
            # reporter the sentence does not name, not the company's
            "BRUSSELS, Sept 16 (AFP) - Belgacom said on Monday that its network had been infiltrated, as a leading "
            "Belgian newspaper reported that the US National Security Agency was behind the intrusion.",
            dt.date(2013, 9, 16),
            "attributions",
            set(),
            {("belgacom", "US"), ("BE", "US")},
        ),
        (  # 'The Flemish daily De Standaard reported': the outlet, not a person of that name
            "The Flemish daily De Standaard reported that the NSA had hacked into Belgacom's systems for two years.",
            dt.date(2013, 9, 16),
            "attributions",
            {("de standaard", "US")},
            set(),
        ),
        (  # 'accused Iran of sending thousands of fake text messages … that impersonated the Home Front Command': a
            # deed of deception, read as the cyber operation
            "Israel accused Iran on Tuesday of sending thousands of fake text messages to Israelis that "
            "impersonated the military's Home Front Command and warned of terror attacks at public bomb shelters.",
            dt.date(2025, 6, 17),
            "attributions",
            {("IL", "IR")},
            set(),
        ),
        (  # 'It urged the public to ignore such messages, not to click on links': a public warning against the party
            # blamed
            "The Israel National Cyber Directorate said Iran was behind the campaign. It urged the public to ignore "
            "such messages, not to click on links.",
            dt.date(2025, 6, 17),
            "consequences",
            {("IL", "IR", "awareness_raising")},
            set(),
        ),
        (  # (not 'urged the public to remain calm': no warning)
            "The Israel National Cyber Directorate said Iran was behind the campaign. It urged the public to remain "
            "calm.",
            dt.date(2025, 6, 17),
            "consequences",
            set(),
            {("IL", "IR", "awareness_raising")},
        ),
        (  # '"This is a psychological warfare campaign run by Iran," the directorate said': a campaign run by
            # someone
            '"This is a psychological warfare campaign run by Iran, designed to sow panic," the Israel National '
            "Cyber Directorate said in a statement.",
            dt.date(2025, 6, 17),
            "attributions",
            {("IL", "IR")},
            set(),
        ),
        (  # (not 'a company run by former officers': no deed)
            "The Israel National Cyber Directorate said the hackers had breached a security company run by "
            "former Iranian officers.",
            dt.date(2025, 6, 17),
            "attributions",
            set(),
            {("IL", "IR")},
        ),
        (  # 'run by an Egyptian man': one person of a state, not the state
            "Microsoft said the phishing operation was run by an Egyptian man.",
            dt.date(2024, 6, 1),
            "attributions",
            set(),
            {("microsoft", "EG")},
        ),
        (  # 'said they could not tell who was behind it': no claim
            "Researchers at Russian cybersecurity company Kaspersky said Tuesday they had uncovered an espionage "
            "campaign in Russian-controlled parts of Donetsk, but said they could not tell who was behind it.",
            dt.date(2023, 3, 21),
            "attributions",
            set(),
            {("kaspersky", "RU")},
        ),
        (  # 'targeted by hackers it said were acting on Beijing's behalf': the state the hackers act for
            "In its latest edition, Der Spiegel said the two companies had been targeted by hackers it said were "
            "acting on Beijing's behalf.",
            dt.date(2013, 2, 25),
            "attributions",
            {("der spiegel", "CN")},
            set(),
        ),
        (  # (not 'the Russian state-controlled broadcaster, Kostiantyn Kalashnikov, 31': a person after the outlet,
            # charged)
            "The Justice Department unsealed an indictment charging two employees of RT, the Russian "
            "state-controlled broadcaster, Kostiantyn Kalashnikov, 31, and Elena Afanasyeva, 27, with conspiracy to "
            "commit money laundering in an influence operation.",
            dt.date(2024, 9, 4),
            "consequences",
            {("US", "kostiantyn kalashnikov", "indictment")},
            set(),
        ),
        (  # 'Russia has denied involvement in those attacks' after a sentence naming only earlier years: a denial of
            # the earlier deeds
            "Ukraine's navy said on Saturday its website had been hacked. Kyiv has repeatedly accused Moscow of "
            "cyberattacks since 2014, including attacks that cut power to hundreds of thousands of Ukrainians in "
            "the winters of 2015 and 2016. Russia has denied involvement in those attacks.",
            dt.date(2021, 7, 3),
            "denials",
            set(),
            {"RU"},
        ),
        (  # 'cyberattacks on the Central Election Commission organised by Russian intelligence': the blaming words'
            # own 'organised by', not a partner
            "Ukraine's SBU security service said on Tuesday it had repelled a series of cyberattacks on the Central "
            "Election Commission organised by Russian intelligence, days before a presidential election in which "
            "comedian Volodymyr Zelenskiy leads the polls.",
            dt.date(2019, 3, 26),
            "attributions",
            {("UA", "RU")},
            {("UA", "volodymyr zelenskiy")},
        ),
        (  # (but 'an investigation conducted with the help of the FBI': a partner)
            "Qatar's attorney general said an investigation conducted with the help of the FBI and Britain's "
            "National Crime Agency had confirmed the hack.",
            dt.date(2017, 7, 20),
            "attributions",
            set(),
            {("QA", "US"), ("QA", "GB")},
        ),
        (  # 'the full database was being offered … on a dark web marketplace by a group calling itself
            # ShinyHunters', said by 'Under the Breach, an Israel-based data breach monitoring service': who sells the
            # stolen data, and a firm's name with a small word inside
            "Under the Breach, an Israel-based data breach monitoring service, said on Saturday that a hacker had "
            "leaked the records of 15 million Tokopedia users. The firm later said the full database was being "
            "offered for US$5,000 on a dark web marketplace by a group calling itself ShinyHunters.",
            dt.date(2020, 5, 4),
            "attributions",
            {("under the breach", "shinyhunters")},
            set(),
        ),
        (  # 'The Polisario Front, which seeks independence for the former Spanish colony, said … that it "strongly
            # condemns the Moroccan occupation's espionage"': a movement named by its kind's last word speaks; the
            # relative clause closes before the main verb
            "The Polisario Front, which seeks independence for the former Spanish colony, said in a statement that "
            'it "strongly condemns the Moroccan occupation\'s espionage" against Sahrawi activists.',
            dt.date(2021, 12, 2),
            "consequences",
            {("polisario front", "MA", "condemnation")},
            {("ES", "polisario front", "condemnation")},
        ),
        (  # (and the claim is the movement's)
            "The Polisario Front, which seeks independence for the former Spanish colony, said in a statement that "
            'it "strongly condemns the Moroccan occupation\'s espionage" against Sahrawi activists.',
            dt.date(2021, 12, 2),
            "attributions",
            {("polisario front", "MA")},
            {("ES", "MA")},
        ),
        (  # (not 'the Chinese Communist Party': the state's own)
            "The Chinese Communist Party said the United States was behind the attacks on Huawei.",
            dt.date(2021, 12, 2),
            "attributions",
            {("CN", "US")},
            {("chinese communist party", "US")},
        ),
        (  # 'vowed that those behind the leak would be punished': a pledged response against the group blamed
            "Peru's Presidency of the Council of Ministers said on Thursday that hacker group LulzSec Peru was "
            "responsible for breaking into the email accounts of several of its officials, and vowed that those "
            "behind the leak would be punished.",
            dt.date(2014, 8, 7),
            "consequences",
            {("PE", "lulzsec peru", "pledged_response")},
            set(),
        ),
        (  # 'hacker group LulzSec Peru': a group's chapter named by its country, one group
            "Peru's cabinet office said on Thursday that hacker group LulzSec Peru was responsible for the attack.",
            dt.date(2014, 8, 7),
            "attributions",
            {("PE", "lulzsec peru")},
            {("PE", "PE")},
        ),
    ],
)
def test_session_28_readings(text, published, category, expected, unexpected):
    found = _found(text, published)[category]
    assert expected <= found and not unexpected & found
