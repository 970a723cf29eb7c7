"""The phrase shapes that introduce names: speakers with their office, accused people, companies by legal
name, datelines, and the words that tie a threat group to the state it works for."""

import re

from attribution.extraction.prefilter import prefiltered

TITLES = (
    r"(?:prime minister|president|foreign minister|minister|spokes(?:man|woman|person)|secretary(?: of state)?|"
    r"ambassador|envoy|director(?: general)?|chief|head|official|prosecutor|attorney general|chancellor|"
    r"commissioner|adviser|advisor|analyst|researcher|deputy \w+)"
)

# Offices that speak for a government (not "analyst", "researcher", "adviser" at a firm).
OFFICIAL_TITLES = (
    r"(?:prime minister|president|foreign minister|minister|spokes(?:man|woman|person)|secretary(?: of state)?|"
    r"ambassador|envoy|director(?: general)?|chief|head|prosecutor|attorney general|chancellor|commissioner|"
    # ("Hikmet Hajiyev, foreign policy adviser to Azerbaijani President Ilham Aliyev, dismissed…")
    r"(?:adviser|advisor|aide)(?=\s+to\b))"
)

# A word of a personal name: capitalised, accents allowed, its parts joined by a hyphen or an apostrophe
# ("Vachon-Desjardins", "Dong-hoon", "O'Brien").
# The letters of names in Latin script, with those of Central European and Turkish names ("Emre Yıldız", "Łukasz",
# "Šimon", "Ștefan"): Latin Extended-A holds both cases.
UPPER = "A-ZÀ-ÖØ-ÝĀ-ŽȘȚ"
LOWER = "a-zß-öø-ÿĀ-žșț"
NAME_WORD = rf"[{UPPER}][{LOWER}'’-]+(?:(?<=[-'’])[{UPPER}][{LOWER}'’-]+)*"
# The small words inside a name: "Pepijn van der S.", "Alexandre de Moraes", "Mohammed bin Salman".
NAME_PARTICLE = r"(?:van|von|der|den|de|da|do|dos|das|del|della|di|du|bin|ibn)"
# A later word of a name is not a day or a month ("Ni Gaobin Monday" is no name of three words).
# After "charged", not a price: "i-Soon charged Chinese government clients between $10,000 and $75,000 for each inbox",
# "LockBit was charging Western European companies a fee".
NOT_A_PRICE = (
    # (not "charged Ilya Lichtenstein over $4.5 billion stolen": the skipped words are the object, no preposition)
    r"(?!(?:\s+(?!(?:with|over|for|in|of|after|from)\b)[\w'’-]+){0,5}?\s+(?:(?:(?:between|about|around|roughly|up\s+to|"
    r"more\s+than|as\s+much\s+as|"
    r"some)\s+)*(?:US)?\$\d|(?:a|an)\s+(?:[\w-]+\s+)?(?:fee|price|rate|commission|premium)s?\b))"
)
DAYS_AND_MONTHS = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December"
)
_LATER_NAME_WORD = rf"(?!(?:{DAYS_AND_MONTHS})\b)(?:{NAME_PARTICLE}\s+)*{NAME_WORD}"
# A personal name: two to four capitalised words ("Nicolás Maduro", "Guan Tianfeng", "Seyyed Mohammad Hosein
# Kazemi"). With initials: "K. Shanmugam", "John C. Demers"; with the initial of the family name only, as privacy rules
# in Germany, the Netherlands or Poland have it: "Oleksandr K.", "Pepijn van der S." (the name stops before the dot).
NAME = (
    rf"(?:[{UPPER}]\.\s+{NAME_WORD}(?:\s+{_LATER_NAME_WORD}){{0,2}}|"
    rf"{NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_LATER_NAME_WORD}){{1,4}}|"
    rf"{NAME_WORD}(?:\s+{NAME_PARTICLE})*\s+[A-Z](?=\.|$))"
)

# What people are called by trade or status in news: "a Russian national", "British security researcher".
PERSON_TRADES = (
    r"nationals?|citizens?|m[ae]n|wom[ae]n|hackers?|programmers?|developers?|suspects?|defendants?|businessm[ae]n|"
    r"engineers?|residents?|students?|researchers?|teenagers?|journalists?|activists?|bloggers?"
)

PERSON = re.compile(
    rf"\b(?P<title>(?:[A-Z][\w'’.-]+\s+){{0,5}}(?i:{TITLES})(?:\s+(?:of|for)\s+(?:[A-Z][\w'’-]+\s+){{1,3}}?)?)\s*"
    rf"(?<=\s)(?P<name>{NAME})\b"
)

_OFFICE_QUALIFIERS = "deputy|foreign|home|defence|defense|interior|justice|security"

# "The Foreign Secretary, David Lammy, told MPs": the name in commas after a capitalised office, or after an office
# of a government the article names ("The foreign secretary, David Cameron, said", "the deputy prime minister, Oliver
# Dowden, told the Commons").
PERSON_AFTER_TITLE = re.compile(
    rf"\b(?P<title>(?:[A-Z][\w'’.-]+\s+){{0,3}}(?=[A-Z])(?i:{TITLES})|"
    # (a government's office only: not "The spokesperson, Tyler Mason," of a company; "secretary" with its department)
    rf"(?<=\b[Tt]he\s)(?:(?:{_OFFICE_QUALIFIERS}|prime|vice)\s+){{0,2}}(?:minister|attorney general|ambassador|envoy|"
    rf"chancellor)|(?<=\b[Tt]he\s)(?:(?:{_OFFICE_QUALIFIERS})\s+){{1,2}}secretary),\s+(?P<name>{NAME}),"
)

# "A spokesperson for the Chinese embassy in Washington, Liu Pengyu, said": the office first, the name in commas.
PERSON_APPOSITIVE = re.compile(
    rf"\b(?i:an?|the)\s+(?:\w+\s+)?(?P<title>(?i:{TITLES}))\s+(?:for|of|at|with|from)\s+(?P<org>[^,;]{{3,80}}),\s+"
    rf"(?P<name>{NAME}),"
)

# "Costa Rica's new president, Rodrigo Chaves, declared…", "Britain's foreign secretary, David Lammy, said": the
# office of a state first, with its holder in commas.
POSSESSED_OFFICE_PERSON = re.compile(
    rf"(?P<org>\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})['’]s\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?P<title>(?i:{OFFICIAL_TITLES})),\s+(?P<name>{NAME}),"
)

# "Illia Vitiuk, head of the SBU's cyber security department, told Reuters", "Caroline Xavier, the chief of Canada's
# Communications Security Establishment, said": the name first, the office in commas, then the reporting verb.
PERSON_APPOSED_OFFICE = re.compile(
    rf"(?<![\w'’.-])(?P<name>{NAME}),\s+(?:the\s+|a\s+|an\s+)?(?P<pre>(?:[\w'’-]+\s+){{0,3}}?)(?P<title>(?i:{OFFICIAL_TITLES}))\b"
    r"(?P<org>[^,;\"“”]{0,90}),\s+(?:has\s+|had\s+)?(?:on\s+\w+\s+)?(?:said|says|told|added|warned|wrote|stated|"
    # "Liu Pengyu, a spokesman for the Chinese embassy in Washington, rejected…": the reaction is the office's
    # ("Liu Chia-zung, deputy director of the MJIB's Cyber Security Investigation Office, identified the groups as…")
    # (not "…, named in the indictment, denied…": the participle of someone named)
    r"confirmed|rejected|dismissed|denied|called|described|condemned|accused|blamed|urged|"
    r"(?:identified|named|attributed|linked|traced)(?!\s+(?:in|by|to|with|on|as|after|among)\b))\b"
)

# '"We believe Lazarus is behind these attacks," said Eric Chien, technical director at Symantec Security Response':
# the speaker after the verb, the office in commas after the name.
PERSON_SAID_OFFICE = re.compile(
    # (not "said John Sipher, a former senior official of the CIA": an office held no longer)
    rf"\b(?:said|says|added|wrote)\s+(?P<name>{NAME}),\s+(?:the\s+|a\s+|an\s+)?(?!(?:[\w'’-]+\s+){{0,2}}(?:former|ex-|retired)\b)"
    rf"(?P<pre>(?:[\w'’-]+\s+){{0,3}}?)"
    rf"(?P<title>(?i:{TITLES}))\b(?P<org>[^,;\"“”]{{0,90}})(?=[.;]\s*$|,\s+(?:adding|saying|who)\b|$)"
)

# "Mr. Vasiliev, 33, a dual Russian and Canadian national, had been charged": a person by the surname alone.
HONORIFIC_SURNAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<surname>[A-Z][\w'’-]+)\b")

# "Mr. Garland said…": a verb of saying right after a name.
SPEAKS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|added|adds|noted|stated|argued|insisted)\b")

# Words that open a sentence or clause and are given names in some language as well ("In", "So", "Do").
# (Articles and pronouns are in gazetteer.NOT_NAMES, read with these.)
FUNCTION_WORDS = frozenset(
    {"In", "At", "On", "By", "For", "From", "To", "With", "After", "Before", "Under", "Over", "As", "Of", "And", "But",
     "Or", "If", "When", "While", "Since", "Until", "During", "Into", "Then", "So", "Do"}
)  # fmt: skip

# "…coordinated with Washington, where the Justice Department…": a body of the place a "where" clause is set in
WHERE_CLAUSE = re.compile(r",\s+where\s+(?:(?:on|last|this)\s+\w+\s+)?(?:the\s+|its\s+)?(?:[\w-]+\s+)?")

# Bodies that act where they are: the police, prosecutors and courts of a report's dateline.
LOCAL_BODY = re.compile(r"police|prosecutor|court", re.IGNORECASE)

# "Mumbai police", "Sao Paulo state prosecutors": the city a local body serves, right before it.
# ("the Federal Police", "National Police", "Cyber Police" name no city)
CITY_BEFORE = re.compile(
    r"(?<![\w'’-])(?<!\bthe\s)(?!(?:Federal|National|State|Cyber|Royal|Civil|Secret|Military|Judicial|Border|Central|"
    r"Metropolitan|Regional|Provincial|District|Supreme|High|Criminal|Local|Special)\b)"
    r"([A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+)?)\s+(?:(?:city|state)\s+)?$"
)

# An abbreviated state of the United States in a dateline ("N.J.", "Calif.", "W.Va.").
_STATE_ABBREVIATION = r"(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.|W\.Va\."
# "CARACAS - …", "SEOUL, June 2 (Reuters) - …": the one place a report is filed from.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý .'’/-]+?)"
    # "HAMILTON, Ontario, March 16 (Reuters) -", "CAMDEN, N.J., Feb 17 (Reuters) -": a region before the date
    rf"(?:,\s*(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|{_STATE_ABBREVIATION})"
    r"(?=,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\b))?"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:,?\s*\d{4})?)?"
    # "THE HAGUE, Netherlands (AP) —": the country after the city
    rf"(?:,\s*(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|{_STATE_ABBREVIATION})(?=\s*\(|\s+-?[-–—]\s))?"
    # ("TOKYO, Jan. 9 (Kyodo) -- A hacker group…": two hyphens for a dash)
    r"(?:\s*\([^)]*\))?\s+-?[-–—]\s"
    # "By Staff Reporter | SINGAPORE | July 20, 2025": a byline with the place between bars
    r"|^By\s[^|]{1,60}\|\s*(?P<place2>[A-Z][A-Z .'’-]+?)\s*\|"
    # "MUMBAI: The cyber police of…" (Indian newspapers)
    r"|^(?P<place3>[A-Z][A-Z .'’-]+?):\s(?=[A-Z])"
    # "(CNN) — A Chinese state-sponsored hacking group…": the agency alone, no place
    r"|^\([A-Z][A-Za-z .-]{1,20}\)\s*-?[-–—]\s*(?=[A-Z\"“])"
    # "Taipei, Aug. 19 (CNA) Two hacker groups…", "Seoul, March 5 (Yonhap) --": a city in title case, the date and
    # the agency
    r"|^(?P<place4>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:,?\s*\d{4})?"
    r"\s*\([A-Za-z .-]{2,20}\)\s*(?:-?[-–—]\s*)?(?=[A-Z])"
    # "Jan 19 (Reuters) - Microsoft said…": a wire's date and name without a place
    r"|^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+)\((?:Reuters|AP|AFP|Bloomberg|dpa|Kyodo|Yonhap|Xinhua|ANI|PTI)\)\s+-?[-–—]\s"
)

# Offices a report names without their state when they are the host country's: "President Nicolás Maduro" in a
# report from Caracas.
HEAD_TITLES = re.compile(
    r"(?:president|prime minister|premier|chancellor|king|emir|supreme leader|(?:chief )?cabinet secretary|"
    r"secretary of (?:state|defen[cs]e|homeland security)|attorney general|national security advis[eo]r|"
    r"(?:foreign|home|defen[cs]e|interior) secretary|"
    # "Coordinating Minister for National Security K. Shanmugam" in a report from Singapore
    r"(?:[A-Z]\w+\s+){0,2}minister(?:\s+(?:for|of)\s+(?:[A-Z]\w+\s*){1,4})?)",
    re.IGNORECASE,
)

# People a report accuses by name: the subject of a legal act in the passive ("Su Bin, who owns…, was taken
# into custody"; "Guan Tianfeng, 30, is accused in an indictment") or its object ("charged Su Bin with").
LEGAL_PASSIVE = (
    r"(?:is|was|were|are|has been|have been|had been)\s+(?:\w+\s+)?(?:accused|charged|indicted|arrested|sanctioned|"
    r"detained|taken into custody|extradited|named in|named as|designated|convicted|sentenced|wanted|jailed|"
    # "Arion Kurtaj, from Oxford, was found by a jury … to have carried out the hacks"
    r"imprisoned|remanded|found guilty|found by a (?:jury|court))|"
    r"faces? (?:\w+ )?charges?|pleaded (?:not )?guilty|(?:has|have) admitted"
)

# "Kirill Parubets, 34, was charged…", "Spanish police said Mikhail Orlov was arrested…": the person a passive legal
# act is about, opening the sentence or the reported clause.
ACCUSED_PERSON_SUBJECT = re.compile(
    r"^(?:[^.;\"“]{0,100}?\b(?:said|says|announced|confirmed|stated|added)\s+(?:on\s+\w+\s+)?(?:that\s+)?)?"
    rf"\W*(?P<name>{NAME})(?:,[^;]{{0,220}}?,)?\s+(?:{LEGAL_PASSIVE})\b"
)

ACCUSED_PERSON_OBJECT = re.compile(
    r"\b(?:charg(?:ed|es|ing)|indict(?:ed|s|ing)|arrest(?:ed|s|ing)|sanction(?:ed|s|ing)|designat(?:ed|es|ing)|"
    r"extradit(?:ed|e|es|ing)|detain(?:ed|s|ing)|accus(?:e|ed|es|ing)|wanted|"
    r"(?:indictment|charges|criminal complaint|arrest warrant)\s+against|"
    # "a reward for information leading to the arrest of Maksim Yakubets"
    r"(?:arrest|capture|conviction|whereabouts|location|identification)\s+of|"
    # "put a $5 million bounty on Maksim Viktorovich Yakubets"
    r"(?:bounty|reward)\s+(?:on|for)|"
    # "added to its cyber sanctions list Maksim Yakubets, the group's alleged leader, along with Igor Turashev"
    r"(?:sanctions|designation)\s+list,?)\s+(?:both\s+)?"
    # "detained a Sri Lankan man, Shalika Perera,", "arrested a 22-year-old university student, Rakib Hasan": the
    # person described first and named in apposition
    rf"(?:an?\s+(?:[\w'’-]+\s+){{0,4}}?(?:{PERSON_TRADES}|youths?|employees?|workers?|agents?),\s+)?"
    # ("accused opposition leader María Corina Machado", "charged former lawmaker Lester Toledo": a role first)
    # ("accuse former President Ricardo Martinelli of…")
    r"(?:(?:former|opposition|exiled|fugitive)\s+(?:[a-z][\w-]*\s+){0,2}?(?:leader|lawmaker|politician|businessman|"
    r"businesswoman|official|minister|activist|journalist|mayor|senator|deputy|candidate|"
    r"(?i:president|prime\s+minister|premier|governor))\s+)?"
    # (not "indicted Mr Rim": a surname after an honorific is the full name given elsewhere, HONORIFIC_SURNAME)
    rf"(?!(?:Mr|Mrs|Ms|Dr)\.?\s)(?P<name>{NAME})\b"
)

# "designated Yuliya Pankratova, the group's leader, and Denis Degtyarenko, its primary hacker", "added Maksim
# Yakubets to the list along with Igor Turashev": the next name in a list that began with an accused person.
# ("Arsenii Penzev, Aeza's chief executive; Yurii Bozoyan, its general director; and Igor Knyazev": in semicolons)
NEXT_LISTED_PERSON = re.compile(
    r"(?:(?:,\s+(?:\d{2}|[^,;()\"“”]{1,60}?),)?\s*(?:,\s*)?(?:and|as well as|along with|together with)|"
    r"[^;()\"“”.]{0,160}?;(?:\s+and)?)\s+"
    rf"(?P<name>{NAME})\b"
)

# "accuses Li Xiaoyu, 34, and Dong Jiazhi, 33, of stealing", "charged A, B and Amir Hossein Nickaein Ravari with":
# the people a legal act names as its objects, listed with their ages (names of up to four words).
LONG_NAME = rf"[{UPPER}][{LOWER}'’-]+(?:\s+[{UPPER}][{LOWER}'’-]+){{1,3}}"
ACCUSED_PERSON_OBJECTS = re.compile(
    r"\b(?:charg(?:ed|es|ing)|indict(?:ed|s|ing)|accus(?:ed|es|ing))\s+(?:both\s+)?"
    rf"(?P<names>{LONG_NAME}(?:,\s+\d{{2}})?(?:\s*(?:,|and|,\s+and)\s+{LONG_NAME}(?:,\s+\d{{2}})?)+),?\s+(?:of|with)\b"
    # "added Nikolay Korchagin, Vitaly Shevchenko and Yuriy Denisov, all officers of…, to the sanctions list"
    r"|\b(?:add(?:ed|s|ing)|plac(?:ed|es|ing)|designat(?:ed|es|ing)|sanction(?:ed|s|ing)|names|named|lists|listed|"
    r"identifies|identified)\s+"
    rf"(?P<names2>{LONG_NAME}(?:\s*(?:,|and|,\s+and)\s+{LONG_NAME})+)(?=,|\.|\s+(?:to|on|among|as)\b)"
)

# "…and two individuals, Zhao Guangzong and Ni Gaobin", "the six, identified as A, B and C": people a legal act
# names in apposition to the noun that counts them.
ACCUSED_PERSON_LIST = re.compile(
    r"\b(?:individuals?|men|women|nationals?|citizens?|officers?|officials|hackers?|people|persons|suspects?|defendants?|"
    r"members?|brothers|employees|operators?|figures|[Tt]he (?:two|three|four|five|six|seven|eight|nine|ten|\d+))"
    # "three FSB officers — Pavel Akulov, 36, Mikhail Gavrilov, 42, and Marat Tyukov, 39 —"
    # ("Four people were also named: A, …"
    r"(?:\s+(?:were|was|are|have been|had been)(?:\s+also)?\s+(?:named|designated|listed|sanctioned|charged)(?=:))?"
    r"(?:[,:]?\s+|\s*[—–]\s*|\s+-\s+)(?:named\s+(?:as\s+)?|identified as\s+)?"
    rf"(?P<names>{NAME}(?:,\s+\d{{2}})?(?:\s*(?:,|and|,\s+and)\s+{NAME}(?:,\s+\d{{2}})?)*)"
)

# "Treasury official Brian Nelson", "former Russian spy Sergei Skripal", "The target, 27-year-old Omar Abdulaziz":
# outside a report's legal acts, a name after these words is no one it accuses.
NOT_ACCUSED_PERSON_BEFORE = re.compile(
    r"\b(?:attorney|official|secretary|director|minister|spokes\w+|ambassador|head|chief|gen\.|general|lawyer|judge|"
    r"victim|journalist|researcher|analyst|professor|expert|president|commissioner|officer|chairman|editor|founder|"
    r"lawmaker|senator|mp|deputy|investigator|prosecutor|counsel|executive|ceo|adviser|advisor|presenter|activist|"
    r"dissident|critic|envoy|representative|spy|poisoning\s+of|poisoned|poison|plaintiff|target)(?:s|es)?\.?,?\s+"
    r"(?:(?!(?:said|says|say|told|added|believe|believes|alleged|allege)\b)[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)

# A rank or an honorific read as the first word of a name: "Colonel Yuriy Denisov", "Lieutenants Vladislav Borovkov and
# Denis Denisenko", "Dr Ahmad Reza".
RANK_BEFORE_NAME = re.compile(
    r"^(?:(?:Colonel|Lieutenant|Lieutenants|Captain|Sergeant|Corporal|Commander|Admiral|Brigadier|"
    # ("Lawyers Paula Reyes and Mark Davis said…": a trade read as a first name)
    r"Lts?|Cols?|Capt|Sgt|Mr|Mrs|Ms|Dr|Lawyers?|Hackers?|Programmers?|Engineers?)\.?\s+)+(?=[A-Z])"
)

# "Alireza Shafie Nasab, Reza Kazemifar, Hossein Harooni and Komeil Baradaran Salmani worked for front companies":
# in a report of a legal act, people listed by full name are those it concerns.
# ("Ruslan Aleksandrovich Peretyatko, an FSB intelligence officer, and Andrey Stanislavovich Korinets were…": a
# name described in commas)
_LISTED_NAME = rf"{NAME}(?:,\s+\d{{2}}|,\s+(?:an?|the)\s+[^,;()]{{1,60}}(?=,))?"
LISTED_NAMES = re.compile(rf"(?<![\w'’.-])(?P<names>{_LISTED_NAME}(?:,\s+{_LISTED_NAME})*,?\s+and\s+{NAME})(?![\w'’-])")

# Where a list of names is not one of people: "two companies — A and B", "in Kuala Lumpur and…".
NOT_PEOPLE_LISTED_BEFORE = re.compile(
    r"(?:compan(?:y|ies)|firms?|entities|organi[sz]ations?|groups?|\b(?:in|at|from|to))\W*$", re.IGNORECASE
)

# "identified only as Oleksandr K. under German privacy rules", "The man, identified under Dutch privacy rules as
# Pepijn van der S.": the name the authorities give a person.
IDENTIFIED_AS = re.compile(rf"\bidentified\s+(?:[^,.;]{{0,60}}?\s+)?as\s+(?P<name>{NAME})(?![\w'’-])")

# "It identifies a man named Chen Ping, who used the handle cpyy, as…": a person introduced as such.
PERSON_NAMED = re.compile(
    rf"\b(?:an?|one)\s+(?:\d{{2}}-year-old\s+)?(?:[a-z]+\s+)?(?:man|woman|hacker|officer|programmer|developer|"
    rf"engineer|national|citizen|individual|person|suspect)\s+(?:named|called)\s+(?P<name>{NAME})\b"
)

# "Song Kum Hyok, a member of the Andariel hacking group, had…": a person described as one of a group's people.
PERSON_OF_GROUP = re.compile(
    rf"(?<![\w'’])(?P<name>{NAME}),\s+(?:an?|the)\s+(?:(?:alleged|suspected|senior|key|founding)\s+)?(?:member|leader|"
    r"administrator|operator|developer|affiliate)\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?i:group|gang|unit|ring|"
    r"crew|collective)\b"
)

# ("Prosecutors said Masoud Jalili, Seyyed Ali Aghamiri and Yasar Balaghi used spear-phishing…")
_ATTACK_VERBS = (
    r"carried out|conducted|launched|hacked|attacked|broke into|breached|infiltrated|compromised|stole|"
    r"used\s+(?:spear-?phishing|phishing|malware|ransomware)"
)
# The words LISTED_ATTACKERS_AFTER needs, to spare the search of lists in sentences without them.
ATTACK_WORD = re.compile(rf"\b(?:behind|responsible|{_ATTACK_VERBS})\b")
# After a list of names: what says they did it ("…, officers of the GRU, were behind these attacks").
LISTED_ATTACKERS_AFTER = re.compile(
    r"(?:,\s+[^,;.]{1,60},)?\s+(?:(?:were|was|are|had\s+been)\s+(?:also\s+)?(?:behind|responsible\s+for)|"
    rf"(?:had\s+)?(?:{_ATTACK_VERBS})\b)"
)

# "Dmitry Khoroshev, from Voronezh in southwestern Russia, is the administrator…": a person opening a sentence with
# where they come from (not "John Hultquist, of Mandiant, said…" nor "…, from Mandiant, said": someone quoted).
PERSON_FROM = re.compile(
    rf"^\W*(?P<name>{NAME}),\s+from\s+(?-i:[A-Z])(?![^,.;]{{0,80}},\s+(?:said|says|told|added|warned)\b)"
)
# "Aleksandr Ermakov, 33,", "Yevgeniy Polyanin, a 28-year-old Russian national": news gives a person's age after
# the name.
PERSON_WITH_AGE = re.compile(rf"\b(?P<name>{NAME}),\s+(?:\d{{2}},|an?\s+\d{{2}}-year-old\b)")

# "sanctions on Aleksandr Ermakov", "indicted Wu Haibo and Chen Cheng": in a sentence about a legal act, a given name
# (gazetteer.given_names) and one or two more capitalised words name a person ("Donald Trump's campaign" is not).
# ("Sebastien Vachon-Desjardins"; "Hacker Andres Fernando Sepulveda Ardila": the trade before the name is not the
# person's)
_GIVEN_NAME_WORD = rf"[{UPPER}][{LOWER}-]+(?:(?<=-)[{UPPER}][{LOWER}-]+)*(?:['’][A-Z][a-z]+)?"
GIVEN_NAME_PERSON = re.compile(
    rf"(?<![\w'’.-])(?<!\bthe\s)(?<!\d\s)(?!An\s)(?P<name>{_GIVEN_NAME_WORD}(?:\s+{_GIVEN_NAME_WORD}){{1,4}})(?![\w'’-])"
)
# "travel bans on GRU chief Igor Kostyukov": an office holder a measure is against.
TITLED_TARGET_BEFORE = re.compile(
    r"\b(?:on|against)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?i:chief|head|director|commander|officer|deputy|"
    r"leader)\s+$|"
    # "An indictment names i-Soon founder Wu Haibo…", "prosecutors charged GRU officer…": the object of the act
    r"\b(?:names|named|charged|charges|indicted|indicts|sanctioned|sanctions|arrested|designated)\s+(?:the\s+)?"
    r"(?:[\w'’.-]+\s+){0,2}(?i:founder|co-founder|chief\s+executive|ceo|owner|chief|head|director|commander|officer|"
    r"deputy|leader|administrator)\s+$"
)
# Where such a name is a place, a victim, a speaker or an office holder, not an accused: "in San Diego", "the
# accounts of Barack Obama and Elon Musk", "said Chris Madsen", "Special Counsel Robert Mueller".
NOT_ACCUSED_BEFORE = re.compile(
    r"\b(?:in|at|from|to|near|said|says|told)\s+$|"
    # "the accounts of Barack Obama", not "the arrest of Mikhail Orlov"
    r"(?<!arrest\s)(?<!extradition\s)(?<!trial\s)(?<!conviction\s)(?<!capture\s)(?<!whereabouts\s)(?<!identity\s)"
    r"(?<!location\s)(?<!sentencing\s)(?<!assets\s)\bof\s+$|"
    r"\b(?:of|including)\s+(?:[A-Z][\w'’-]+\s+){1,3}and\s+$|"
    rf"\b(?i:{TITLES}|counsel|judge|justice|lawyer|senator|leader|ayatollah|governor|mayor|congressman|"
    r"congresswoman|lawmaker|MP|CEO|founder)\s+$|"
    # "the foreign minister, Penny Wong, and the defence minister, Richard Marles, announced": an office's holder
    # (not "Iran's Ministry of Intelligence and Security and its minister, Esmail Khatib": one sanctioned)
    r"\b(?i:the)\s+(?:(?![\w-]+['’]s\b)[\w-]+\s+){0,3}(?i:minister|secretary|spokes\w+|commissioner)\s*,\s+$"
)

# "Four officers of Russia's GRU, A, B, C and D, were listed for…", "…, which was also listed": in a text or report
# about sanctions, being listed is a sanction.
LISTING = re.compile(
    r"(?:(?<=\bwere\s)|(?<=\bwas\s)|(?<=\bis\s)|(?<=\bare\s)|(?<=\bbeen\s)|(?<=\bbeing\s)|(?<=\balso\s))listed\b"
    # (not "is listed on the Moscow Exchange")
    r"(?!\s+(?:on|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?i:exchange|stock|index|nasdaq|market)\b)"
)

LEGAL_ACT = re.compile(
    r"sanction|charg|indict|arrest|wanted|reward|bount|extradit|accus|designat|detain|convict|sentenc|guilty|custody|"
    r"prison|jail|(?-i:FIRs?\b)|booked|"
    r"travel bans?|asset freezes?|froze|frozen|blacklist|"
    rf"{LISTING.pattern}",
    re.IGNORECASE,
)

# "…imposed its own sanctions on the Wuhan company": a company the report named in full, by its first word.
COMPANY_BY_FIRST_WORD = re.compile(r"\bthe\s+(?P<word>[A-Z][\w-]+)\s+(?:company|firm)\b")

# Words that make a capitalised sequence an organisation or a title, not a person's name.
NOT_PERSON_WORDS = {
    "Department", "Ministry", "Court", "Agency", "Group", "Company", "Inc", "Ltd", "Co", "Corp", "Technology",
    "Technologies", "Bureau", "Office", "Service", "Services", "Police", "Army", "Council", "Committee",
    "Commission", "University", "Lab", "Labs", "Institute", "Foundation", "News", "Times", "Post", "Party",
    "International", "Security", "Cyber", "Network", "Networks", "Systems", "Solutions", "Bank", "State", "States",
    "The", "This", "That", "These", "Those", "Federal", "National", "Republic", "Government", "Justice", "Treasury",
    "Attorney", "General", "President", "Minister", "Secretary", "Judge", "Senator", "Chancellor",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Prosecutors",
    "Officials", "Authorities", "Investigators", "Researchers", "Both", "Two", "Three", "Four", "Five", "Six",
    "Crime", "Crimes", "Cybercrime", "Terrorism", "Counter", "Unit", "Division", "Directorate", "Command",
}  # fmt: skip

# A state standing in front of a group's name qualifies it: "North Korean hacking group Kimsuky", "China's
# APT40", "Beijing-linked APT31", "Chinese state-sponsored actors known as APT40". The words between describe
# a state's hackers; a criminal gang's nationality ("a Russian cybercriminal group called Qilin") is no sponsor.
SPONSOR_BEFORE_GROUP = re.compile(
    r"(?:'s|’s)?(?:-(?:linked|backed|sponsored|affiliated|aligned|controlled|run|nexus))?"
    r"(?:\s+(?:state(?:-[a-z]+)?|government(?:-[a-z]+)?|military|intelligence|hacking|hacker|hackers|"
    r"cyber(?:-?espionage)?|espionage|spy|spying|threat|advanced|persistent|group|groups|actor|actors|team|unit|"
    # ("a North Korea-nexus cluster of activity tracked as UNC4736")
    r"cluster|cluster of activity|activity|"
    r"operators?|elite|notorious|prolific|so-called|known as|called|dubbed|nicknamed|tracked as|"
    r"(?:it|they|(?:which|that)\s+(?:[\w.'’-]+\s+){1,4}?(?:have\s+|has\s+)?)\s*(?:calls|called|dubs|dubbed|tracks\s+as|"
    r"names|named)))*?"
    # ("the Russia-controlled Advanced Persistent Threat Actor 28 (APT28)": the group's full name, then the one known)
    r"(?:\s+(?:the\s+)?|(?:\s+(?:[A-Z][\w-]*|\d+)){1,6}\s+\()$"
)

# What ties a group to its sponsor after its name: "Kimsuky operated under the Reconnaissance General Bureau",
# "the Callisto group, which Microsoft tracks as Star Blizzard, was run by an FSB unit", "APT31, which the
# statement said is publicly associated with the Ministry of State Security", "which she described as operating
# from China".
SPONSOR_AFTER_GROUP = re.compile(
    # ('the group "almost certainly" operates as part of…': words in quotation marks too)
    # ("Charming Kitten, a group the firm has tracked for years and which it says operates on behalf of Tehran")
    r"^[\"”’']?(?:,[^,;]{0,80}?,)?\s*(?:,\s*)?(?:(?:an?|the)\s+group\s+[^,;]{0,60}?\s+and\s+(?=which\b))?"
    r"(?:(?:which|who|that)\s*)?(?:[\"“]?[\w'’]+[\"”]?\s+){0,6}?(?:[\"“]\s*)?"
    r"(?:operat\w+ (?:under|for|on behalf of|from)|(?:was|is|are|were|been|being)?\s*(?:run|controlled|directed|backed|"
    r"sponsored|supported|overseen|tasked|funded|commanded) by|work(?:s|ing|ed)? (?:for|on behalf of)|"
    r"act(?:s|ing|ed)? (?:for|on behalf of)|(?:closely )?(?:linked|tied|affiliated|associated|connected) (?:to|with)|"
    # "Sandworm, a hacking group it links to Russia's GRU" (the verb, not "has links to")
    r"(?:(?<=\bit )|(?<=\bthey ))(?:links|ties) (?:it |them )?to|"
    # ("APT28, which it described as an instrument of Russia's GRU", "a front for the ministry")
    r"(?:an? )?(?:part|unit|arm|instrument|tool|proxy|branch|wing|division) of|(?:an? )?(?:proxy|front) for|"
    # ("UNC4899, which it described as an element of North Korea's Reconnaissance General Bureau", "Labyrinth
    # Chollima, one of the most prolific units in North Korea's hacking apparatus": "in" only before a state's
    # possession, SPONSOR_INSIDE)
    r"(?:elements?|components?|cells?|sub-?units?|units|arms|branches|divisions) (?:of|(?P<inside>in|within))|"
    r"belong(?:s|ing|ed)? to|receiv\w+ tasking from|based in|on behalf of|"
    # "Ghostwriter, which is made up of officers of the Belarusian military"
    r"(?:made up|composed|consisting) of (?:\w+ ){0,2}?(?:officers|members|agents|employees|soldiers) of)\s+"
    r"(?:(?:the|an?|its)\s+)?$"
)


def sponsor_tie(gap: str, after: str, *, whole: bool = True) -> re.Match | None:
    """SPONSOR_AFTER_GROUP over the `gap` between a group and a state (the whole of it unless `whole` is false), whose
    name `after` follows: "in" a state only before its possession ("one of the units in North Korea's hacking
    apparatus", not "a group with cells in China")."""
    tie = SPONSOR_AFTER_GROUP.match(gap)
    if tie is None or (whole and tie.end() != len(gap)) or (tie.group("inside") and not re.match(r"['’]s\b", after)):
        return None
    return tie


# "hackers working on behalf of the Vietnamese government", "groups tied to Russian intelligence": the words before the
# state the attackers work for.
SPONSOR_BEFORE_STATE = re.compile(
    r"\b(?:on behalf of|working for|backed by|sponsored by|directed by|tied to|linked to|"
    r"(?:on|under) the orders of|at the (?:direction|behest) of)\s+(?:the\s+)?$"
)

# The words that make a group a criminal gang ("a ransomware group", "a cybercriminal gang").
CRIMINAL_WORDS = r"(?:cyber-?crim\w+|criminal|crime|fraud|ransomware|extortion)"
CRIMINAL_WORD = re.compile(rf"\b{CRIMINAL_WORDS}\b", re.IGNORECASE)
# "DarkSide, a ransomware group believed to operate from Russia": where a criminal gang works from is not whom it
# works for.
BASE_VERB = re.compile(r"\b(?:operat\w+ from|based in)\b")
# "the Russian-speaking criminal group Conti", "the Conti ransomware group", "Conti, a ransomware gang": a report's
# word that a group is a gang.
CRIMINAL_NAMED = (
    rf"\b{CRIMINAL_WORDS}\s+(?:group|gang|syndicate|crew|outfit)\s+{{name}}\b|"
    rf"\b{{name}}\s+{CRIMINAL_WORDS}\s+(?:group|gang|syndicate|crew|outfit|operation)\b|"
    rf"\b{{name}},\s+(?:an?|the)\s+(?:[\w-]+\s+){{{{0,2}}}}?{CRIMINAL_WORDS}\b"
)

# "two companies — Najee Technology Hooshmand Fater and Afkar System Yazd — that it said were affiliated with Iran's
# Islamic Revolutionary Guard Corps", "Chosun Expo, a front company for the Reconnaissance General Bureau": the state a
# company works for (not where it is based).
COMPANY_TIE = re.compile(
    r"^\s*(?:[—–,]\s*)?(?:(?:which|that)\s+(?:[\w'’]+\s+){0,4}?(?:is|are|was|were)\s+(?:closely\s+)?"
    r"(?:affiliated|linked|tied|associated|connected)\s+(?:to|with)|an?\s+front(?:\s+company)?\s+(?:for|of))\s+"
    r"(?:the\s+)?$"
)

# '…said APT29 had targeted vaccine developers, and that the group "almost certainly" operates as part of the Russian
# intelligence services': the group just named, as the subject of a further reported clause.
GROUP_ANAPHOR_CLAUSE = re.compile(
    r",?\s+and\s+that\s+(?:the|this)\s+(?:group|gang|unit|hackers|actor)\b", re.IGNORECASE
)

# "That group, it said, is run by the GRU", "The group, the agency said, operates under…": the group just named.
GROUP_ANAPHOR_SUBJECT = re.compile(
    r"^\W*(?:the|that|this)\s+(?:group|gang|unit|hackers|cluster|actor)\b(?:,\s+[^,;]{1,40}?\s+(?:said|says|added),)?",
    re.IGNORECASE,
)

OFFICE_WORDS = {"Officer", "Executive", "Manager", "Director", "Chief", "Minister", "Secretary", "Spokesman", "Head"}

# "Sichuan Silence Information Technology Co Ltd": a company's legal name; later reports use its first words.
LEGAL_COMPANY_NAME = re.compile(
    # ("Wuhan Xiaoruizhi Science and Technology Company")
    # (not "Chengdu-based Sichuan Silence…": where it is, not its name)
    r"\b(?![A-Z][\w.]*-(?:based|headquartered|registered)\b)"
    r"(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}?)(?:\s+(?:and\s+)?(?:Information|Network|Science|Technology|"
    r"Technologies|Electronic|Electronics|Trading|Digital|Security|Cyber|Software|Internet|Communications?))*"
    r"\s+(?P<form>Co\.?,?\s+Ltd\.?|Co\.?|Company Limited|Company|Ltd\.?|Limited|Inc\.?|Corp\.?|Corporation|LLC|"
    r"GmbH|JSC|S\.A\.|SA|AD|Zrt|Kft|AG|B\.?V\.?|PLC|plc|SRL|Srl|OOO|OU|OÜ|SIA|UAB|LLP)(?!\w)"
)

# "PT Bank Syariah Indonesia (BSI)": initials the report defines for a name of its own (which may be another party's
# initials elsewhere: Germany's BSI).
DEFINED_INITIALS = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’.-]*\s+(?:(?:and|of|for|on)\s+)?){1,6}?[A-Z][\w&'’.-]*)\s+\((?P<initials>[A-Z]{2,6})\)"
)
# The words that make such a name a company's or an institution's.
INSTITUTION_WORDS = {
    "Bank", "Corp", "Corporation", "Company", "Group", "Holdings", "Inc", "Ltd", "Limited", "PT", "Airlines",
    "Airways", "Telecom", "Telecommunications", "Insurance", "Energy", "Petroleum", "Oil", "Gas", "Power", "Electric",
    "Hospital", "University", "Exchange", "Railways", "Ports",
}  # fmt: skip

# The words that make a name with initials a public body's ("The Information System Authority (RIA)").
# (not "Centre" or "Service", which firms' names hold too: "Genians Security Center (GSC)")
BODY_WORDS = {"Authority", "Agency", "Directorate", "Ministry", "Inspectorate", "Bureau", "Commission", "Police"}

# "a Russian citizen, Aleksandr Ermakov": a person named with the state they belong to.
NAMED_PERSON_PATTERN = re.compile(
    r"(?P<who>\b[A-Z][\w-]+)\s+(?:citizen|national|man|woman|hacker|officer|businessman)s?,?\s+"
    rf"(?P<name>{NAME})\b"
)

# "the Polisario Front", "the Awami League": a political movement or party, named by its kind's last word.
MOVEMENT_NAME = re.compile(r"\b(?:the|The)\s+(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}(?:Front|Party|Movement|League))\b")

# "Integrity Technology Group, a Beijing-based cybersecurity company": an organisation introduced by apposition.
APPOSED_COMPANY = re.compile(
    # (after what places it: "Beijing-based Integrity Technology Group, a cybersecurity firm")
    r"\b(?:[A-Z][\w.]*-(?:based|headquartered|registered)\s+)?"
    # (not the legal form of a name read in full: "Sichuan Silence Information Technology Co., Ltd., a … firm")
    # ("i-Soon, a Shanghai-based contractor": a name may open with a lower-case prefix)
    # ("Under the Breach, an Israel-based data breach monitoring service": a name with a small word inside)
    r"(?!(?:Ltd|Limited|Inc|Corp|LLC|Co)\b)(?P<name>(?:[a-z]{1,2}-)?[A-Z][\w&.-]*(?:\s+(?:the\s+)?[A-Z][\w&.-]*){0,4}),"
    r"\s+(?:"
    r"an?\s+(?:(?!of\b)[\w.'’-]+\s+){0,4}?(?:company|firm|contractor|vendor|provider|entity|business|maker|"
    r"(?:monitoring|intelligence|security|research)\s+service|"
    r"manufacturer|exchange|mixer|marketplace|market|forum|mixing service|"
    # "Issue Makers Lab, a Seoul-based group of researchers…"
    r"group\s+of\s+(?:[\w-]+\s+)?(?:researchers|analysts|experts)|research\s+(?:group|lab|firm|team)|"
    # "DCSO, a cybersecurity body founded by Bayer, Allianz, BASF and Volkswagen"
    r"(?:cyber-?security|security|industry)\s+(?:body|organi[sz]ation|association|consortium|initiative))|"
    # "Garantex, a Moscow-based cryptocurrency exchange", "Hydra Market, the world's largest darknet marketplace" (not
    # "…, the US security firm said": a reporting clause)
    r"the\s+(?:(?!of\b)[\w.'’-]+\s+){0,4}?(?:exchange|mixer|marketplace|market|forum|mixing service))\b(?!['’])"
)

# "Flax Typhoon is a Chinese state-sponsored group": a state named in a description of the group after a copula.
# "Midnight Blizzard, which it described as the Russian state-sponsored actor": the same, through a description.
COPULA_SPONSOR = re.compile(
    r"^[\"”]?(?:,\s+(?:an?\s+(?:[\w-]+\s+)?(?:group|actor|unit|team)\s+)?(?:which|who|that)?\s*(?:it|they|he|she|[A-Z]\w+)\s+"
    r"(?:described|describes|called|calls)\s+as|"
    r"\s+(?:is|was|are|were))\s+(?:a|an|the)\s+(?:[\w-]+\s+)?$"
)

STATE_BACKED_AFTER = re.compile(
    r"^(?:'s)?\s+(?:state|government|military|intelligence)(?:[- ](?:sponsored|backed|linked|affiliated|run|"
    r"controlled|nexus))?\b",
    re.IGNORECASE,
)


# "charging two Russian nationals, A and B, with deploying LockBit", "members of the Conti gang": the group a
# person the report accuses works in, named after the person in the sentence that accuses them.
PERSON_IN_GROUP = re.compile(
    # (not "for supplying infrastructure to the LockBit gang": a service to a group is no membership)
    r"^(?:[^.;]{0,160}?\b(?:with|for|over)\s+(?:allegedly\s+)?(?:\w+ing|being)\s+(?:\w+\s+){0,3}?(?<!\bto\s)(?<!\bto\sthe\s)|"
    r"[^.;]{0,80}?\b(?:members?|affiliates?|operators?|administrators?|leaders?|developers?|part)\s+of\s+"
    r"(?:the\s+)?"
    # ("whom they described as members of the group tracked by private-sector researchers as APT27")
    r"(?:(?:[\w-]+\s+)?(?:group|gang|crew|collective|cluster)\s+(?:(?:that\s+)?(?:is\s+)?(?:tracked|known|dubbed|"
    r"called|referred\s+to)\s+(?:[\w-]+\s+){0,4}?as|named|called|dubbed)\s+)?)$",
    re.IGNORECASE,
)

# "…stole research at the direction of China's Ministry of State Security", "worked with officers of the MSS":
# the state a report says directs the people it accuses.
STATE_DIRECTED = re.compile(
    r"\b(?:at the (?:direction|behest) of|on (?:the )?(?:behalf|orders) of|(?:worked|working|works) (?:with|for)"
    # ("indicted a German-Russian dual national… on charges of spying for Russian military intelligence")
    r" officers of|tasked by|directed by|employed by|in the service of|spying for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "charging A and B, whom prosecutors described as members of the People's Liberation Army", "two officers of
# Russia's GRU": people named as serving in a state's body work for that state.
PERSON_IN_STATE_BODY = re.compile(
    r"^[^.;]{0,120}?\b"
    # (not those attacked: "charging A and B over a campaign that targeted employees of U.S. intelligence agencies")
    r"(?<!target )(?<!targeted )(?<!targeting )(?<!against )(?<!current and former )(?<!on )"
    r"(?:members?|officers?|agents?|employees?|soldiers?|operatives?)\s+(?:of|in|with)\s+(?:the\s+)?"
    # "officers of the Jiangsu Province bureau of the Ministry of State Security"
    r"(?:(?:[\w'’-]+\s+){0,3}(?:bureau|unit|branch|department|division|office|directorate)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)

# "spokesman Wang Wenbin said China firmly opposes…": a state named after "said" speaking of itself.
SELF_STANCE = re.compile(
    r"\s+(?:(?:has|had|was|is)\s+)?(?:firmly|never|always|itself|does not|did not|do not|opposes|rejects|denies|"
    r"condemns|is a victim|was a victim|has been a victim)\b",
    re.IGNORECASE,
)

# "…, which they described as an Iranian-backed group": a describer's words before what it calls the one named.
DESCRIBED_AS = (
    r"which\s+(?:[\w'’-]+\s+){0,3}?(?:described|describes|identified|identifies|called|calls|characteri[sz]ed)\s+as\s+"
)
# "TraderTraitor, a group of North Korean cyber actors", "Malek Team, which they described as an Iranian-backed group":
# a group's sponsor named in an apposition.
APPOSED_SPONSOR = re.compile(rf",\s+(?:{DESCRIBED_AS})?[\"“]?(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:of\s+)?")
# "In Tehran, …", "In the United States, …": the place opening a sentence, before its state's mention.
OPENING_IN = re.compile(r"\W*in\s+(?:the\s+)?", re.IGNORECASE)

# "a Russia-linked group", "a North Korea-nexus group": a state joined to the word that ties a group to it.
STATE_TIED_SUFFIX = re.compile(r"-(?:backed|sponsored|linked|nexus|aligned|affiliated)\b")
APPOSED_ACTORS = re.compile(
    rf"(?:{STATE_TIED_SUFFIX.pattern})?\s+(?:[\w-]+\s+){{0,2}}?(?:actors?|hackers?|group|unit|operators?|team|APT|"
    r"spies)\b",
    re.IGNORECASE,
)

# "the Syrian Electronic Army", "the Iranian Cyber Army": a group named with a demonym is one name.
SELF_STYLED_GROUP = re.compile(
    r"(?:\s+(?!Army\b|Armed\b|Navy\b)[A-Z][a-z]+){0,2}\s+(?:Electronic|Cyber)\s+(?:Army|Legion|Brigade|Team|Squad|Front|"
    r"Warriors|Fighters)\b|\s+Hackers?\s+(?:Team|Group|Army|Squad)\b"
)

# "In a Facebook post", "its Telegram channel": a platform someone speaks on, not an actor.
PLATFORM_AFTER = re.compile(r"\s+(?:posts?|page|account|channel|video|message)\b")

# "pro-Assad", "anti-Kremlin": what describes someone does not name an actor.
DESCRIBING_PREFIX = re.compile(r"\b(?:pro|anti)-$", re.IGNORECASE)

# "Operation Cloud Hopper": the name of a campaign, not of who ran it.
OPERATION_BEFORE = re.compile(r"\bOperation\s+$")

# 'said a former U.S. intelligence official', "A former head of Israeli military intelligence said…", "…, a former
# U.S. official said": a speaker who no longer speaks for the state or body named after "former" (not "sanctioned
# Eduard Benderskiy, a former FSB officer", "said a former GRU officer had carried out the attack": whom the words
# concern). FORMER_SPEAKER_AFTER checks that the office holder speaks.
# "former President Ricardo Martinelli", "ex-Prime Minister X": the office before a name is held no longer.
FORMER_OFFICE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
FORMER_SPEAKER_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|according\s+to)\s+|^\W*|,\s+)(?:a|an|one)\s+former\s+(?:(?:senior|top|high-ranking|"
    r"chief|deputy|acting)\s+)*(?:(?:head|director|chief|member|officer|official|commander)\s+(?:of|at|in)\s+"
    r"(?:the\s+)?)?$",
    re.IGNORECASE,
)
FORMER_SPEAKER_AFTER = re.compile(
    r"\s*(?:[\w.'’-]+\s+){0,3}?[\w.'’-]*(?:official|officer|diplomat|minister|ambassador|adviser|advisor|director|chief|"
    r"head|agent|analyst|spokes\w+|secretary|intelligence|service|agency)s?\b(?:\s*[.\"”]*\s*$|,?\s+(?:who\s+[^.,;]*,\s+)?"
    r"(?:said|says|told|wrote|added|argued|noted|warned)\b)",
    re.IGNORECASE,
)

# Items of a list: "A, B and C".
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# A listed group's name: capitalised, up to five words ("Cyber Group HOAX 1337").
LISTED_GROUP_NAME = re.compile(r"[A-Z][\w$&().-]*(?:\s+[\w$&().-]+){0,4}")

# The people and organisations a list names ("Those sanctioned include A, a former…, and the Internet Research
# Agency"): a person's name is not possessed nor introduced by "the" ("the GRU's Main Centre", "the St Petersburg
# troll factory"); an organisation's ends in what it is.
LISTED_PERSON = re.compile(rf"(?<![\w'’.-])(?<!['’]s\s)(?<!\bthe\s)(?<!\bin\s){LONG_NAME}\b")  # not "in New Jersey"
LISTED_ORGANISATION = re.compile(
    r"\bthe\s+(?P<name>(?:[A-Z][\w&.-]*\s+){1,4}(?:Agency|Company|Corporation|Bank|Group|Institute|Centre|Center|"
    r"Exchange|Foundation|Association|Laboratory))\b"
)

# "designating ten individuals and two companies — Najee Technology Hooshmand Fater and Afkar System Yazd —": the
# companies a list names.
# An organisation's name of up to five capitalised words, and a list of them ("A, B and C").
ORG_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}"
ORG_NAMES = rf"{ORG_NAME}(?:,\s+{ORG_NAME})*"
LISTED_COMPANIES = re.compile(
    rf"\b(?:companies|firms|entities|businesses)\s*(?:[—–:]|,|\s-)\s*(?P<names>{ORG_NAMES},?\s+and\s+{ORG_NAME})"
)

# "Maharashtra Cyber, the State police's nodal agency for cybersecurity", "Cyber Horus, Ghana's cyber agency": a body
# the gazetteer does not know, named with what it is (its state named in the apposition, else the dateline's).
APPOSED_BODY = re.compile(
    r"(?<![\w'’.-])(?!(?:The|A|An|This|That|In|On|At)\s)(?P<name>[A-Z][\w&.-]*(?:\s+(?:of\s+)?[A-Z][\w&.-]*){0,4}),\s+"
    r"(?:the|a|an)\s+(?:(?P<state>[A-Z][\w.-]*)(?:['’]s)?\s+)?(?:(?!said|says|which|who|that|and)[\w'’-]+\s+){0,4}?"
    r"(?:agency|police|ministry|directorate|authority|regulator|bureau|prosecutor['’]s office|cyber cell|"
    r"cyber wing|cybersecurity centre|cybersecurity center|intelligence service|security service)\b"
    # (not "Guo Jiakun, the foreign ministry spokesman", "Tom Jones, a former police officer": a person)
    r"(?!\s+(?:spokes\w*|officials?|officers?|chiefs?|heads?|ministers?|directors?|agents?|investigators?|"
    r"commissioners?|detectives?|sources?)\b)"
)

# A name the report shows to be a company's: "front companies, including X", "X, which presented itself as…".
NAMED_AS_COMPANY = r"\bcompan(?:y|ies),?\s+(?:including|called|named|known as)\s+{name}\b|\b{name},\s+which\b"

# "It named them as APT36, Pakistan Cyber Force, Team Insane PK and National Cyber Crew", "naming the groups APT27,
# APT30, APT31 and Gallium": the groups a report lists after saying how many carried out the attacks.
GROUPS_NAMED_AS = (
    r"(?:named|naming|identified|identifying|listed|listing)\s+"
    r"(?:(?:them|those (?:groups|responsible)|the (?:\w+\s+)?groups|the (?:culprits?|perpetrators?|attackers|hackers))"
    r"\s+as|the (?:\w+\s+)?groups(?=\s+[A-Z])|"
    # "the agency named seven advanced persistent threat groups behind the attacks, among them APT 36, …"
    # (not "listed several groups of targets, including Elering": victims)
    r"(?:\w+\s+){0,4}?(?:threat|hacker|hacking|hacktivist|ransomware|cyber|criminal|APT)\s+groups\b(?!\s+of\b)"
    r"[^.;:\"“]{0,60}?,?\s+(?:among them|including|namely))"
)
LISTED_GROUPS = re.compile(
    rf"\b{GROUPS_NAMED_AS}\s+(?P<names>[A-Z][^.;:]{{2,300}})"
    # "the groups, DragonForce Malaysia and Hacktivist Indonesia, had targeted…"
    r"|\bthe\s+(?:two\s+|three\s+|four\s+)?(?:hacker\s+|hacking\s+|hacktivist\s+)?groups,\s+"
    r"(?P<names2>[A-Z][^,;.]{1,60}?(?:,\s+[A-Z][^,;.]{1,60}?)*,?\s+and\s+[A-Z][^,;.]{1,60}?),"
)

# An East Slavic patronymic between a given name and a surname: "Dmitry Yuryevich Khoroshev", "Yuliya Pankratova
# Vladimirovna" is not one (the patronymic stands second).
PATRONYMIC = re.compile(r"[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|yich)")

# A name in apposition to what makes it a tool: "Snake, a sophisticated piece of malware" (not "Emotet, a botnet",
# which names its operators too).
TOOL_APPOSITION = re.compile(
    # (not "Lazarus, a group using custom malware", "Sandworm, a unit behind wiper attacks")
    r",\s+(?:a|an|the)\s+(?:(?!(?:group|unit|gang|actor|crew|team|hackers?|behind|using|with|deploying)\b)[\w-]+\s+){0,3}?"
    r"(?:piece\s+of\s+)?(?:malware|implant|backdoor|spyware|trojan|worm|virus|"
    r"wiper)\b(?!\s+(?:network|operation|gang|group|botnet|crew|family\s+run))"
)

# Bodies that defend a state at home: "the Defense Ministry", "the military".
DEFENDING_BODY = re.compile(r"(?i:defen[cs]e ministry|ministry of defen[cs]e|military|armed forces|army)")

# A national cyber security centre named without its state: Britain's in most English-language news.
NATIONAL_CYBER_CENTRE = re.compile(r"(?i:national cyber ?security cent(?:re|er))")

# After a name: the office of a state's envoy or spokesperson ("Zheng Zeguang, China's ambassador, was summoned").
STATE_ENVOY_APPOSED = (
    r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*['’]s\s+(?:[\w-]+\s+){0,2}?(?:ambassador|envoy|charg[eé]|"
    r"spokes(?:man|woman|person))\b"
)

# "North Korea's Technical Reconnaissance Bureau", "Iran's Cyber Defense Command": a state's organ by its own name.
POSSESSED_ORGAN = re.compile(
    r"['’]s\s+(?P<name>(?:[A-Z][\w-]*\s+){1,4}(?:Bureau|Agency|Directorate|Command|Service|Department|Ministry|Corps|"
    r"Administration|Commission|Committee|Authority|Office|Centre|Center|Council))\b"
)

# "another Israeli firm", "an Indian company": a firm of that country, left unnamed.
UNNAMED_FIRM_BEFORE = re.compile(r"\b(?:an?|another|one|a\s+second)\s+$", re.IGNORECASE)
UNNAMED_FIRM_AFTER = re.compile(
    r"\s+(?!(?:[\w-]+\s+){0,2}?state)(?:[\w-]+\s+){0,2}?(?:firm|company|vendor|maker|developer|startup)\b"
    r"(?!,?\s+(?:called\s+|named\s+)?[A-Z])"
)

# "Malaysia Airlines", "Qatar Airways": a company named after its country.
COMPANY_AFTER_PLACE = re.compile(r"\s+(?:Airlines|Airways|Telecom|Railways|Petroleum)\b")

# A place opening an institution's name ("Pyongyang University of Automation", "Tehran Stock Exchange").
INSTITUTION_AFTER_PLACE = re.compile(
    r"\s+(?:State\s+|National\s+|Technical\s+|Polytechnic\s+)?(?:University|Institute|College|Academy|Polytechnic|"
    r"Airport|Stock\s+Exchange|Zoo|Museum|Stadium|Marathon|Metro|Philharmonic)\b"
)

# "prosecutor Wellington Divino Marques de Oliveira": a title right before a name.
TITLE_BEFORE = re.compile(rf"\b(?i:{TITLES})\s+$")

# The widest patterns answer at once for a text without any of the words they require (prefilter.py).
APPOSED_COMPANY = prefiltered(APPOSED_COMPANY)
NAMED_PERSON_PATTERN = prefiltered(NAMED_PERSON_PATTERN)
LEGAL_ACT = prefiltered(LEGAL_ACT)
PERSON_OF_GROUP = prefiltered(PERSON_OF_GROUP)
LISTED_NAMES = prefiltered(LISTED_NAMES)
PERSON_APPOSED_OFFICE = prefiltered(PERSON_APPOSED_OFFICE)
PERSON_SAID_OFFICE = prefiltered(PERSON_SAID_OFFICE)
PERSON_AFTER_TITLE = prefiltered(PERSON_AFTER_TITLE)
PERSON = prefiltered(PERSON)
APPOSED_BODY = prefiltered(APPOSED_BODY)
POSSESSED_OFFICE_PERSON = prefiltered(POSSESSED_OFFICE_PERSON)
PERSON_APPOSITIVE = prefiltered(PERSON_APPOSITIVE)
LISTED_GROUPS = prefiltered(LISTED_GROUPS)
ACCUSED_PERSON_SUBJECT = prefiltered(ACCUSED_PERSON_SUBJECT)
ACCUSED_PERSON_OBJECT = prefiltered(ACCUSED_PERSON_OBJECT)
ACCUSED_PERSON_OBJECTS = prefiltered(ACCUSED_PERSON_OBJECTS)
COMPANY_BY_FIRST_WORD = prefiltered(COMPANY_BY_FIRST_WORD)
ACCUSED_PERSON_LIST = prefiltered(ACCUSED_PERSON_LIST)
HEAD_TITLES = prefiltered(HEAD_TITLES)
