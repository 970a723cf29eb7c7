"""Grids of news phrasings: every accuser form with every accused form in every frame of blaming, every denier in
every frame of denial, every actor in every frame of a measure. A reading that holds for one form of a party and
fails for another shows here as a cell of the grid, not as one report's miss.

The grids were written in session 16 from how news reports phrase these statements (not from any report of the
batches). The rules at the start of that session failed 314 of the 2,000 blaming sentences of the first grid, 297 of
the 1,485 of the second, 9 of the 162 denials and none of the 75 measures; at its end, 1, 3, 0 and 0. The grids pin the
rules (second_reading=False): the learned second reading is judged on whole batches."""

import datetime as dt
import itertools

from attribution.extraction import extract_report
from tests.attribution.scoring import found_items

PUBLISHED = dt.date(2022, 6, 29)


def _rules(text: str) -> dict:
    return extract_report(text, published=PUBLISHED, second_reading=False).as_dict()


HIT = "Lithuanian state websites were hit by a cyberattack on Monday. "

ACCUSERS = [  # (as the subject, its key, a sentence before it)
    ("Lithuania's defence ministry", "LT", ""),
    ("The Lithuanian government", "LT", ""),
    ("Vilnius", "LT", ""),
    ("Defence Minister Arvydas Anusauskas", "LT", ""),
    ("Lithuania's National Cyber Security Centre", "LT", ""),
    ("The ministry", "LT", "Lithuania's defence ministry reviewed the incident on Monday. "),
    ("Lithuanian prosecutors", "LT", ""),
    ("The Lithuanian foreign ministry", "LT", ""),
    ("Microsoft", "microsoft", ""),
    ("Security firm Mandiant", "mandiant", ""),
]
ACCUSED = [
    ("Russia", "RU"),
    ("Moscow", "RU"),
    ("APT28", "apt28"),
    ("the Killnet group", "killnet"),
    ("a group known as Killnet", "killnet"),
    ("hackers working for Russia's GRU", "RU"),
    ("Russian state-sponsored hackers", "RU"),
    ("Killnet, a pro-Russian hacker group", "killnet"),
    ("the Russian government", "RU"),
    ("the pro-Russian group Killnet", "killnet"),
]
BLAMING = [
    "{A} said the attack was carried out by {Y}.",
    '"The attack was carried out by {Y}," {a} said.',
    "{A} blamed {Y} for the attack.",
    "{A} attributed the attack to {Y}.",
    "According to {a}, {Y} was behind the attack.",
    "{A} said it believed {Y} was behind the attack.",
    "{A} said {Y} was responsible for the attack.",
    "{A} accused {Y} of carrying out the attack.",
    "{Yc} carried out the attack, {a} said on Tuesday.",
    "{A} pinned the attack on {Y}.",
    "{A} linked the attack to {Y}.",
    "{A} traced the attack to {Y}.",
    "{A} said on Tuesday that {Y} had launched the cyberattack.",
    "{A} has identified {Y} as the perpetrator of the cyberattack.",
    "{A} on Tuesday publicly named {Y} as the culprit behind the cyberattack.",
    "The cyberattack was the work of {Y}, {a} said.",
    "{A} said the cyberattack bore the hallmarks of {Y}.",
    "In a statement, {a} said {Y} had hacked the servers of the state tax office.",
    "{A} said that the hackers behind the attack were {Y}.",
    "{A} held {Y} responsible for the cyberattack.",
]
PROPER = ("Lithuania", "Vilnius", "Defence", "Microsoft", "Security firm", "Russia", "Moscow", "APT28", "Killnet")


def _in_sentence(words: str) -> str:
    """A subject as it reads inside a sentence ("the ministry", but "Lithuania's defence ministry")."""
    return words if words.startswith(PROPER) else words[0].lower() + words[1:]


def test_every_accuser_form_blames_every_accused_form_in_every_frame():
    failed = []
    for (accuser, accuser_key, before), (accused, accused_key), frame in itertools.product(ACCUSERS, ACCUSED, BLAMING):
        sentence = frame.format(A=accuser, a=_in_sentence(accuser), Y=accused, Yc=accused[0].upper() + accused[1:])
        found = found_items(_rules(f"VILNIUS - {before}{HIT}{sentence}"))
        attributions = found["attributions"]
        if (accuser_key, accused_key) not in attributions or any(a == accused_key for a, _ in attributions):
            failed.append((sentence, sorted(attributions)))
    assert len(failed) <= 4, failed[:10]  # of 2,000 sentences


MORE_ACCUSERS = [  # (as the subject, its key, the dateline)
    ("U.S. officials", "US", "WASHINGTON - "),
    ("The FBI and CISA", "US", "WASHINGTON - "),
    ("Britain's National Cyber Security Centre", "GB", "LONDON - "),
    ("Prime Minister Ingrida Simonyte", "LT", "VILNIUS - "),
    ("Lithuanian authorities", "LT", "VILNIUS - "),
    ("Officials in Vilnius", "LT", ""),
    ("A government spokesman", "LT", "VILNIUS - "),
    ("Google's Threat Analysis Group", "google", ""),
    ("Researchers at Mandiant", "mandiant", ""),
    ("The country's cyber agency", "LT", "VILNIUS - "),
    ("Lithuania's intelligence service", "LT", ""),
]
MORE_ACCUSED = [  # (words, the keys it stands for, whether plural)
    ("North Korea's Lazarus Group", {"KP", "lazarus group"}, False),
    ("a Chinese state-sponsored group known as APT41", {"CN", "apt41"}, False),
    ("hackers linked to the Chinese state", {"CN"}, True),
    ("Chinese hackers", {"CN"}, True),
    ("hackers based in Iran", {"IR"}, True),
    ("Iranian state-backed hackers", {"IR"}, True),
    ("an Iranian group dubbed Charming Kitten", {"IR", "charming kitten"}, False),
    ("Sandworm, a unit of Russia's GRU military intelligence agency,", {"RU", "sandworm"}, False),
    ("China", {"CN"}, False),
]
MORE_BLAMING = [
    "{Yc} {be} behind the attack, {a} said.",
    "{A} concluded that {Y} had carried out the attack.",
    '{A} said it had "high confidence" that {Y} carried out the attack.',
    "{A} assessed that {Y} {be} responsible for the intrusion.",
    "{A} named {Y} as responsible for the attack.",
    "{A} said {Y} had orchestrated the attack.",
    "{A} pointed the finger at {Y}.",
    "{A} said it suspected {Y} of being behind the attack.",
    "The attack was blamed on {Y} by {a}.",
    "{A} said on Tuesday that its investigation had found that {Y} {be} behind the breach.",
    "{A} said {Y} {be} to blame.",
    "{A} publicly accused {Y} on Tuesday of hacking into government networks.",
    '{A} said the intrusion was "almost certainly" the work of {Y}.',
    "{A} said in a report published on Tuesday that {Y} had broken into the networks.",
    "{A}, in a joint statement, attributed the attack to {Y}.",
]
MORE_PROPER = ("U.S.", "Britain's", "Prime", "Lithuanian", "Officials", "Google's", "Researchers", "Lithuania's")


def test_more_accuser_forms_blame_more_accused_forms_in_more_frames():
    failed = []
    for (accuser, accuser_key, dateline), (accused, keys, plural), frame in itertools.product(
        MORE_ACCUSERS, MORE_ACCUSED, MORE_BLAMING
    ):
        subject = accuser if accuser.startswith(MORE_PROPER) else accuser[0].lower() + accuser[1:]
        sentence = frame.format(
            A=accuser, a=subject, Y=accused, Yc=accused[0].upper() + accused[1:], be="were" if plural else "was"
        )
        found = found_items(_rules(f"{dateline}{HIT}{sentence}"))
        attributions = found["attributions"]
        if any((accuser_key, key) not in attributions for key in keys) or any(a in keys for a, _ in attributions):
            failed.append((sentence, sorted(attributions)))
    assert len(failed) <= 4, failed[:10]  # of 1,485 sentences


DENIERS = [
    ("Russia's foreign ministry", "RU"),
    ("The Kremlin", "RU"),
    ("Moscow", "RU"),
    ("Kremlin spokesman Dmitry Peskov", "RU"),
    ("The Russian embassy in Vilnius", "RU"),
    ("Russia", "RU"),
    ("Russian officials", "RU"),
    ("A spokesman for the Russian embassy", "RU"),
    ("Killnet", "killnet"),
]
DENYING = [
    "{D} denied any involvement in the attack.",
    "{D} rejected the accusations as baseless.",
    "{D} dismissed the allegations.",
    '"We have nothing to do with these attacks," {d} said.',
    "{D} called the accusations groundless.",
    "{D} denied the accusations, calling them a provocation.",
    "{D} has denied the claims.",
    "{D} said the accusations were unfounded.",
    "{D} said it had nothing to do with the attack.",
    "{D} denied that it was involved.",
    "{D} denied responsibility for the attack.",
    '{D} said the allegations were "absurd" and denied any role.',
    "{D} brushed off the accusations.",
    "{D} on Tuesday strongly denied the charges.",
    '{D} dismissed the accusations as "Russophobic hysteria".',
    "{D} denied the Lithuanian accusations on Tuesday.",
    "{D} rejected Vilnius's claims, saying they were not backed by evidence.",
    '{D} called the allegations "another fabrication".',
]


def test_every_denier_form_denies_in_every_frame():
    failed = []
    for (denier, key), frame in itertools.product(DENIERS, DENYING):
        blamed = "Russia" if key == "RU" else "the pro-Russian group Killnet"
        lede = f"VILNIUS - Lithuania on Monday blamed {blamed} for a cyberattack that disrupted state websites. "
        sentence = frame.format(D=denier, d=_in_sentence(denier))
        denials = found_items(_rules(lede + sentence))["denials"]
        if denials != {key}:
            failed.append((sentence, sorted(denials)))
    assert len(failed) <= 2, failed  # of 162 sentences


ACTORS = [
    ("Lithuania", "LT"),
    ("The Lithuanian government", "LT"),
    ("Vilnius", "LT"),
    ("Lithuania's foreign ministry", "LT"),
    ("Foreign Minister Gabrielius Landsbergis", "LT"),
]
MEASURES = [  # (frame, target, kind)
    ("{A} expelled two Russian diplomats over the attack.", "RU", "expelled_diplomats"),
    ("{A} summoned Russia's ambassador over the attack.", "RU", "summoned_ambassador"),
    ("{A} summoned the Russian charge d'affaires to protest against the attack.", "RU", "summoned_ambassador"),
    ("{A} imposed sanctions on the GRU over the attack.", "RU", "sanctions"),
    ("{A} condemned the attack in the strongest terms.", "RU", "condemnation"),
    ('{A} condemned Russia\'s "malicious cyber activity".', "RU", "condemnation"),
    ("{A} recalled its ambassador from Moscow for consultations.", "RU", "recalled_ambassador"),
    ("{A} vowed to respond to the attack.", "RU", "pledged_response"),
    ("{A} sent a protest note to Moscow over the attack.", "RU", "protest_note"),
    ("{A} ordered the closure of the Russian consulate in Klaipeda.", "RU", "closed_mission"),
    ("{A} declared two Russian diplomats persona non grata over the attack.", "RU", "expelled_diplomats"),
    ("{A} issued an advisory warning of attacks by the GRU.", "RU", "awareness_raising"),
    (
        "{A} froze the assets of two GRU officers, Ivan Petrov and Oleg Sidorov, over the attack.",
        "ivan petrov",
        "sanctions",
    ),
    ("{A} charged two GRU officers, Ivan Petrov and Oleg Sidorov, over the attack.", "oleg sidorov", "indictment"),
    ("{A} imposed travel bans on Ivan Petrov and Oleg Sidorov.", "ivan petrov", "sanctions"),
]


def test_every_actor_form_takes_every_measure():
    failed = []
    lede = "VILNIUS - Lithuania on Monday blamed Russia's GRU for a cyberattack that disrupted state websites. "
    for (actor, key), (frame, target, kind) in itertools.product(ACTORS, MEASURES):
        sentence = frame.format(A=actor)
        measures = found_items(_rules(lede + sentence))["consequences"]
        if (key, target, kind) not in measures or any(m[0] != key for m in measures):
            failed.append((sentence, sorted(measures)))
    assert not failed, failed
