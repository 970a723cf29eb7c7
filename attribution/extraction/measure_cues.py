"""The phrase shapes of measures (consequences): their verbs, agents, targets and what is only referred to."""

import re

from attribution.extraction.cues import GROUP_NUMBERS
from attribution.extraction.name_cues import DAYS_AND_MONTHS, NAME, NOT_A_PRICE, PERSON_TRADES
from attribution.extraction.prefilter import prefiltered

# kind -> cue (the phrases that state the measure)
CONSEQUENCES = [
    (
        "severed_diplomatic_relations",
        r"(?:sever\w*|cut\w*|snap\w*|break\w*|broke|end\w*) (?:off )?(?:its |all |their )?"
        r"(?:diplomatic )?(?:ties|relations)|"
        # "the severing of relations by Tirana", "the rupture of diplomatic ties"
        r"(?:severing|severance|rupture|breaking off) of (?:diplomatic )?(?:ties|relations)",
    ),
    (
        "expelled_diplomats",
        # (people of a state's mission: "expelled Jindal" from a party is no diplomatic measure)
        r"(?:expel\w*|expulsions? of)(?=[^.;]{0,80}?\b(?:diplomat|envoy|ambassador|attach|officials?\b|officers?\b|"
        # ("chargé d'affaires", not "appeared in court on charges")
        r"staff|spies|spy\b|agents?\b|embass|consul|personnel|charg(?:é|e\s+d)|intelligence|employees|members of)|"
        r"\s+(?:them|him|her)\b)|"
        r"(?:diplomat|envoy|ambassador|attach|official|officer|staff|spies|agent|consul|personnel)\w*\s+"
        r"(?:[\w-]+\s+){0,4}?(?:were|was|been|being|are|is)\s+(?:\w+\s+)?expelled|"
        r"persona non grata|(?:ordered|told|gave) .{0,60}(?:diplomats|embassy staff).{0,40}"
        r"(?:to leave|hours to leave|out of the country)",
    ),
    (
        "sanctions",
        # ("announced parallel designations of Ermakov": of someone named, not "of individuals linked to the group")
        r"(?:impos\w+|announc\w+|slapp\w+) (?:[\w'’-]+ ){0,3}?(?:sanctions|travel bans?|asset freezes?|"
        r"designations?(?= of (?-i:[A-Z])))|"
        # "Aeza Group and four of its executives were hit with U.S. sanctions"
        r"(?<=\s)(?:hit|targeted) with (?:new |fresh )?(?:[\w.'’-]+ ){0,2}?sanctions|"
        # "Asset freezes and travel bans hit Dmitry Badin, an officer the EU says took part in the attack"
        r"(?P<measures_hit>(?:sanctions|asset freezes|travel bans|restrictive measures)\s+(?:also\s+)?hit\s+"
        r"(?=(?-i:[A-Z])))|"
        # "Britain and the United States on Thursday hit seven Russian men with sanctions"
        r"\bhit\s+(?=(?:[\w'’.-]+\s+){1,5}?with\s+(?:[\w'’-]+\s+){0,3}?sanctions\b)|"
        # (not "froze the assets of and imposed travel bans on X": the second verb names the target)
        # (not "obtained a court order freezing the assets of Hong and Chin": a court's order)
        r"sanction(?:ed|s) (?:on|against)|"
        r"(?<!court order )(?<!court orders )(?:froze|frozen|freez\w*) (?:the )?assets(?! of and\b)|"
        # "The Council said asset freezes and travel bans would apply to Igor Kostyukov, …, and to Dmitry Badin"
        r"(?:asset freezes|travel bans|sanctions|restrictive measures)\s+(?:(?:would|will|also|now)\s+)*"
        r"appl(?:y|ies)\s+to|"
        # "added A, B and C to the bloc's cyber sanctions list", "placed both men on its sanctions list"
        # ("Added to the blacklist as well were…")
        r"add\w*\s+to\s+(?:the\s+|its\s+|their\s+)(?:[\w.]+'s\s+)?(?:[\w-]+\s+){0,2}?(?:(?:sanctions|designation)\s+list|"
        r"blacklist)|"
        # ("added three organizations…, including the hacker groups Andariel and BlueNoroff, to its list of asset
        # freeze targets", "on its asset freeze list")
        r"(?:add\w*|plac\w*|put)\s+(?:[^.;]{1,160}?)\s+(?:to|on)\s+(?:the\s+|its\s+|their\s+)?(?:[\w.]+'s\s+)?"
        r"(?:[\w-]+\s+){0,2}?"
        r"(?:(?:sanctions|designation|entity|freeze)\s+list|blacklist|list\s+of\s+(?:asset[- ]freeze|sanction\w*|"
        r"designated)\s+(?:[\w-]+\s+)?(?:targets|entities|individuals|persons|organi[sz]ations|groups))|"
        # (not "restricted rail transit of sanctioned goods": what is under sanctions already)
        r"sanctioned(?!\s+(?:goods|items|products|oil|exports|imports|technology|cargo|vessels|tankers|entities|banks|"
        r"regimes?|countries|states)\b)|designat\w+ .{0,40}(?:under|pursuant)|placed .{0,80}?under sanctions|"
        # "The U.S. Treasury on Thursday blacklisted Evil Corp"
        r"(?<=\s)blacklist(?:ed|s|ing)\s+(?=(?-i:[A-Z])|(?:the|a|an|two|three|four|five|six|seven|\d+)\s)|"
        # a headline's present tense: "Australia sanctions Russian man over Medibank hack", "Australia hits Russian
        # man with first cyber sanctions"
        rf"(?P<headline>(?<!\b(?:of|on|by|to) )(?<!\bnew )(?<!\bthe )sanctions\s+"
        rf"(?=(?-i:(?!(?:{DAYS_AND_MONTHS})\b)[A-Z][a-z]))|"
        r"\bhits\s+(?=(?:[\w'’.-]+\s+){1,5}?with\s+(?:[\w'’-]+\s+){0,3}?sanctions\b))",
    ),
    # "is charged with protecting sectors" gives a duty, not a criminal charge
    (
        "indictment",
        # (not "…, the indictment said": the document speaks of what was done)
        r"indict\w*\b(?!\s+(?:said|says|alleges?|alleged|states?|stated|showed|shows|claims?|"
        r"claimed|described|describes|added|adds)\b)|charg(?:es|ing)\s+(?=(?:[\w.'’-]+,?\s+){1,8}?with\b)|"
        # a headline's present tense: "US charges Russian hacker Ivan Petrov over ransomware attacks"
        r"(?P<headline>(?<=[A-Za-z.] )charges\s+(?=(?-i:[A-Z]|(?:two|three|four|five|six|seven|eight|nine|ten|\d+) ))"
        r"(?=(?:[\w.'’-]+,?\s+){1,8}?(?:over|for)\s))|"
        # "unsealed a criminal complaint in the Western District of Texas charging Maxim Rudometov, who is alleged
        # to be…": a document charging a person named by a full name (not a price: "LockBit was charging Western
        # European companies a fee")
        r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )charging"
        rf"(?=\s+(?-i:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z])){NOT_A_PRICE}\s+|"
        # "Court papers … charge Marc Baier, 49, Ryan Adams, 34, and Daniel Gericke, 40, with conspiring"
        r"charge\s+(?=(?-i:[A-Z][a-z]+\s+[A-Z]))(?=(?:[\w.'’-]+,?\s+){1,12}?with\b)|"
        # "Police in Harbin on Tuesday put three agents of the US National Security Agency on a wanted list"
        r"\bput(?=\s+[^.;]{1,80}?\s+on\s+(?:a|an|its|the|their)\s+(?:[\w-]+\s+)?wanted\s+list)|"
        # "was named in a criminal complaint filed in Los Angeles"
        r"(?:named|charged|accused) in (?:a |an )?(?:\w+ )?criminal complaint|criminal complaints? against|"
        # "unsealed charges a day earlier against three FSB officers", "filed criminal charges"
        r"(?:unseal\w*|filed|fil(?:es|ing)|brought|bring\w*|laid|lay(?:s|ing)?|levell?ed|announc\w*|press\w*)\s+"
        r"(?:new\s+|fresh\s+)?(?:criminal\s+)?charges\b|"
        # "Charges have been brought against two Vietnamese men"
        r"charges\s+(?:have|has|had)\s+been\s+(?:brought|filed|laid|pressed)\s+against|"
        # Indian English: "The FIR … names A and B" (a first information report), "booked two men under the IT Act"
        r"(?-i:\bFIRs?\b)(?!\s+(?:said|says|alleges?|alleged|states?|stated)\b)|"
        r"booked\s+(?=(?:[\w.'’-]+,?\s+){0,8}?under\s+(?:sections?\s+\d|the\s+(?:[\w.-]+\s+){0,6}?(?:Act|Code)\b|IPC\b))|"
        r"(?:criminal )?charg(?:ed|es against)(?! with (?:protecting|overseeing|ensuring|the task|"
        r"(?:the )?responsibility|managing|coordinating|securing|defending|monitoring|supervising|regulating))"
        rf"{NOT_A_PRICE}",
    ),
    # (not "a reward for information leading to the arrest of…")
    # ("was captured by agents of the CTI judicial police")
    (
        "arrest",
        # (nor "an arrest warrant for X", "a warrant for the arrest of X": a court's order, not a detention)
        r"(?<!leading to the )(?<!lead to the )(?<!warrant for the )(?<!warrants for the )(?<!warrant for his )"
        r"arrest\w*(?!\s+warrants?\b)|taken into custody|detain(?:ed|ing)\b|"
        r"(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s)|(?<=\bbeing\s))(?:captured|picked up)\b",
    ),
    ("extradition", r"extradit\w+\b(?!\s+(?:treat(?:y|ies)|agreements?|laws?|arrangements?))"),
    # a court's judgment: "was sentenced to 13 years", "convicted him of", "pleaded guilty to"
    (
        "prosecution",
        r"sentenced\b|convicted\b|(?P<headline>convicts\s)|found guilty|pleaded guilty|"
        r"entered (?:a|his|her|their) guilty pleas?|"
        # "The court found Artem Zayets, Alexei Malozemov and Daniil Puzyrevsky guilty of…"
        r"found\b(?=(?:\s+(?!not\b)[\w'’.-]+,?){1,16}?\s+guilty\b)|"
        r"(?:put|stand|stood) on trial|went on trial|"
        # "A Bucharest court on Tuesday jailed Mihai Ionescu for seven years"
        # ("jailed Ryan Ackroyd, 26, a former soldier from Mexborough, for 30 months": the person described first)
        r"(?:jailed|imprisoned)\b(?=\s+(?:[\w'’.,-]+\s+){0,10}?for\s+"
        r"(?:up to\s+|nearly\s+|almost\s+|about\s+|more than\s+)?(?:\w+|\d+)\s+(?:years?|months?))|"
        # "must serve 13 years in prison", "will spend five years in a U.S. prison", "ordered … to serve nine years"
        r"(?:must|will|to)\s+(?:serve|spend)\s+(?:\w+\s+){0,4}?(?:years?|months?)\b|"
        # "received a three-year prison sentence", "handed the 26-year-old a prison sentence of six years"
        r"(?:received|handed|given)\s+(?:[\w'’-]+\s+){0,4}?(?:prison|jail|custodial)\s+(?:sentence|term)\b|"
        # "received a 20-month sentence suspended for two years"
        r"(?:received|handed|given)\s+an?\s+(?:[\w'’-]+\s+){0,2}?(?:suspended\s+)?sentence\b|"
        # "admitted in federal court on Wednesday that he ran the Kelihos botnet": a plea in court
        r"admitted\s+in\s+(?:[\w-]+\s+)?court\b",
    ),
    (
        "summoned_ambassador",
        r"(?:summon\w*|call(?:ed|s|ing)? in) .{0,40}?(?:ambassador|envoy|charg[ée] d'affaires|top diplomat)|"
        r"(?:ambassador|envoy|charg[ée] d'affaires|top diplomat)(?:,[^,]{1,40},)?\s+(?:\w+\s+){0,3}?"
        r"(?:was|were|had been|has been|is being|would be|will be)\s+(?:summoned|called in)\b",
    ),
    ("recalled_ambassador", r"recall\w* .{0,30}(?:ambassador|envoy)"),
    # "had protested to Beijing through diplomatic channels", "lodged a formal protest with Moscow"
    (
        "protest_note",
        r"(?:lodg|fil|sen|deliver|issu|ma[dk])\w* (?:a |an )?(?:formal |strong |stern |diplomatic )*(?:protest|"
        r"demarche|démarche)s?|protested (?:to|with)\b|(?:note|letter) of protest|protest (?:note|letter)s?\b|"
        # "delivered a diplomatic note asking Washington for an investigation"
        # (not "a diplomatic note to Mexico requesting the extradition of…": a request)
        r"(?:sen|deliver|hand|issu)\w* (?:a |an )?(?:formal )?(?:diplomatic note|note verbale)s?\b"
        r"(?![^.;]{0,60}\b(?:extradit\w*|assistance|help|cooperation|co-operation|information)\b)|"
        # "Beijing has lodged stern representations with Washington"
        r"(?:lodg|ma[dk])\w* [\"“]?(?:\w+ )?representations[\"”]? (?:\w+ )?(?:with|to)\b",
    ),
    # "shut down two Russian-owned compounds in Maryland and New York"
    (
        "closed_mission",
        r"(?:clos\w+|shut(?:s|ting)?(?: down)?) .{0,30}(?:embassy|consulate|mission|diplomatic compounds?|"
        r"(?:[\w-]+-owned )compounds?)",
    ),
    (
        "pledged_response",
        r'further action|hold .{1,40} accountable|vow\w* to respond|(?:will|would) ["“]?(?:respond|retaliate)|'
        r"international consequences|vow\w* (?:revenge|retaliation)|take (?:its |their )?revenge|vow\w* to retaliate|"
        r"(?:pledg|promis)\w* .{0,30}(?:response|consequences)|"
        r"(?:promis|pledg|vow)\w* to (?:respond|retaliate|reciprocate)|"
        # "warned of retaliation", "said it would take countermeasures"
        r"warn\w* of (?:\w+ )?(?:retaliation|countermeasures)|"
        r"(?:will|would|could) (?:take|adopt|impose) (?:\w+ )?counter-?measures|"
        # "the ministry had begun preparing retaliatory measures"
        r"(?:prepar\w+|draw\w* up|announc\w*) (?:\w+ )?(?:retaliatory|counter-?measures?)\b|"
        # "said Moscow would respond in kind", "would take appropriate measures in response"
        r"(?:will|would) [\"“]?(?:\w+ )?respond [\"“]?in kind|reserves? the right to respond|"
        r"(?:take|adopt)\w* [\"“]?(?:appropriate|necessary|reciprocal|resolute|firm|retaliatory|countermeasures)"
        r"[\"”]? (?:\w+ )?(?:measures|steps|action)?\s*(?:in response|to respond)|"
        r"(?:will|would) (?:have|face|bear) (?:serious |severe )?"
        r"consequences|there will be consequences|"
        # '"…will not remain without consequences"', "would not go unanswered"
        r"(?:will|would) not (?:remain|go|be left) (?:without consequences|unanswered|unpunished)|"
        # 'vowed that the group behind the attack would be "identified and punished"'
        r"(?:vow|pledg|promis)\w* (?:that )?(?:the|those) (?:[\w-]+ )?(?:group|gang|hackers|attackers|perpetrators|"
        # ("vowed that those behind the leak would be punished")
        r"culprits|people|individuals|responsible|behind)\b[^.;]{0,40}? (?:will|would) be [\"“]?(?:\w+ and )?"
        r"(?:punished|brought to justice)",
    ),
    # calling the operation "unacceptable" condemns it
    # a takedown: law enforcement or the military seizes or dismantles the attackers' infrastructure
    (
        "cyber_operation",
        r"(?:took|taken|take|taking|takes) (?:down|over|control of) (?:[\w'’-]+ ){0,3}?(?:infrastructure|servers|"
        r"platform|botnet|malware|domains|leak sites?)|takedowns? of|seiz\w+ control of|hack(?:ed|ing|s)? back\b|"
        r"hunt[- ]forward|dismantl\w+ (?:\w+ ){0,3}?(?:infrastructure|servers|botnet|network)|"
        # "it had dismantled Qakbot", "neutralised the Hive ransomware group": a named tool or gang put out of action
        # ("an attack that disrupted Albanian government services" is the attack's effect)
        r"(?:dismantl|neutrali[sz])\w+ (?:the )?(?=(?-i:[A-Z]))|"
        # ("forced the Bundestag to shut down its computer network": a victim's own network)
        r"shut (?:down|off) (?!(?:its|their|our|his|her) )(?:the )?(?:[\w'’-]+ ){0,3}?(?:servers|infrastructure|botnet|"
        r"network|leak sites?)|"
        # "had taken Genesis Market offline", "seized control of LockBit's dark web leak site", "deleted PlugX malware
        # from more than 4,200 computers", "remotely wiped malicious files from hundreds of routers"
        # (not "Victoria's Secret took its U.S. website offline": a victim's own)
        # (nor "the provider, which then took several traffic-routing components offline": what is taken offline is
        # named, or is servers, sites or markets)
        r"(?:took|taken|take|taking|takes) (?!(?:its|their|our|his|her|some of its|some of their) )"
        r"(?=(?:[\w'’.-]+ ){0,3}?(?:(?-i:[A-Z])[\w'’.-]*|"
        r"[\w-]*(?:server|infrastructure|botnet|site|domain|forum|market|platform)\w*) )(?:[\w'’.-]+ ){1,4}?offline|"
        r"seiz\w+ (?:control of )?(?:the )?(?:[\w'’-]+ ){0,3}?(?:leak sites?|dark web sites?)|"
        r"(?:deleted|removed|wiped|purged) (?:[\w'’-]+ ){0,3}?(?:malware|malicious (?:files|software|code)|implants?) "
        r"from\b|"
        # "US Cyber Command carried out online strikes against…": a state's own cyber attack in response
        r"(?:cyber|online|digital)[- ]?strikes?\b",
    ),
    # a seizure of the attackers' websites, domains or servers is done under a court's warrant (EuRepoC, CFR)
    (
        "court_order",
        r"seiz\w+ (?:control of )?(?:the |its |their )?(?:[\w-]+ ){0,3}?(?:websites?|domains?|sites|servers)\b|"
        r"(?:court|judge)[- ](?:authori[sz]ed|ordered|approved)|seizure (?:warrant|order)s?|"
        r"(?:court|judicial) orders? (?:freezing|seizing|blocking|barring|to (?:freeze|seize|block))",
    ),
    (
        "condemnation",
        # ('said it was "completely unacceptable" that…')
        r"condemn\w*|decri\w+|denounc\w+|deplor\w+|(?:is|was|are|were|as) [\"“]?(?:\w+ )?(?:unacceptable|intolerable)|"
        # 'calling it "totally unacceptable"', 'called the attack "completely unacceptable"' (what is called so follows
        # the cue; not 'called the attack "an unacceptable attack on…"', which describes it)
        r"call\w*(?= (?:it|them|this|that|the (?:[\w-]+ ){0,2}?(?:attacks?|hacks?|intrusions?|breach(?:es)?|"
        r"operations?|campaigns?|activit(?:y|ies)|incidents?)) [\"“]?(?:(?!an?\s)\w+ )?(?:unacceptable|intolerable))",
    ),
    ("emergency_declaration", r"declar\w+ (?:a |an )?(?:national )?(?:state of )?emergency"),
    (
        "reward",
        r"rewards? of|offer\w* (?:an? |up to )?(?:(?:US)?\$?[\d.,]+\s*(?:m|million|bn|billion)?\s+)?rewards?|"
        r"Rewards for Justice|bount(?:y|ies)\b|"
        r"(?:would|will) pay (?:a reward of )?up to|"
        # "is offering up to $10 million for information on four Iranian men"
        # ("offering up to $100,000 each for information leading to the arrest of Agha and Dardar")
        r"offer\w* (?:up to )?(?:US)?\$[\d.,]+\s*(?:m|million|bn|billion)?\s+(?:each\s+|apiece\s+)?for information\b",
    ),
    # an advisory or alert published for defenders names the threat to the public
    (
        "awareness_raising",
        r"(?:joint |technical |cybersecurity |security |public )*advisor(?:y|ies)\b(?!\s+(?:board|council|committee|"
        r"firm|role|group|panel|body))|issued (?:a |an )?(?:[\w-]+ ){0,2}?(?:alert|warning)\b|co-?sealed|"
        # "In a joint technical report, cyber security agencies from Britain, … said the malware…"
        r"joint (?:technical |cyber ?security |security )?(?:report|bulletin|guidance)\b|"
        # "in an unprecedented joint warning issued by the two countries' cyber agencies"
        r"joint (?:[\w-]+ )?(?:alert|warning)s? (?:issued|published|released)\b|"
        # "…and published technical indicators so that organisations could detect the intrusion"
        r"publish\w* (?:[\w-]+ ){0,2}?(?:indicators|detection rules|signatures|IOCs)\b|"
        # "In a technical alert issued late on Tuesday, the Department of Homeland Security… said"
        r"(?:technical|cyber ?security|security|public|flash) (?:alert|warning|bulletin)s? "
        r"(?:issued|published|released)\b|"
        # "Britain's National Cyber Security Centre warned on Thursday that hackers working for the Iranian state were
        # sending…", "warned universities about Charming Kitten": a public warning of the attackers
        r"warn(?:ed|s|ing)\s+(?:on\s+\w+\s+)?(?:(?:[\w-]+\s+){0,4}?(?:about|of|against)\s+(?=(?:the\s+)?(?-i:[A-Z]))|"
        # ("warned energy, water and telecommunications companies that a hacking group…")
        r"(?:[\w-]+,?\s+){0,6}?that\s+(?=(?:[\w'’-]+\s+){0,8}?(?:hackers|hacking group|group|actors?|spies)\b))|"
        # "It urged the public to ignore such messages, not to click on links": a public warning
        r"(?:urg|advis)(?:ed|es|ing)\s+(?:the\s+)?(?:general\s+)?(?:public|users|citizens|residents|customers|"
        r"organi[sz]ations|companies|businesses|owners|administrators)\s+to\s+(?:\w+ly\s+)?(?:ignore|not|never|"
        r"beware|be\s+(?:vigilant|cautious|careful|wary)|change|update|patch|report|check|avoid|disregard)\b",
    ),
]

# "The Treasury … said it had designated both Guan and Sichuan Silence": a designation is a sanction where
# the sentence speaks of sanctions or of the bodies that impose them.
# ("the designated parties", "a designated foreign terrorist organisation": a word describing, no act)
DESIGNATION = re.compile(r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)\bdesignat(?:ed|es|ing)\b(?!\s+as\b)", re.IGNORECASE)

SANCTIONS_CONTEXT = re.compile(r"sanction|Treasury|Assets Control|OFAC|asset freeze|blacklist", re.IGNORECASE)

# "Guan Tianfeng is accused in an indictment", "were among those sanctioned by London": a measure in the passive,
# whose target is the clause's subject and whose agent follows "by" (or is the court or body named after it).
# "Conor Brian Fitzpatrick pleaded guilty in federal court": a plea is made by the accused, before a court; it reads as
# a passive, its subject the target.
PLEA = re.compile(
    r"pleaded (?:not )?guilty|found guilty|entered (?:a|his|her|their) guilty plea|"
    # "X must serve 13 years in prison", "X received a three-year prison sentence", "X admitted in federal court…":
    # the sentenced or pleading person is the subject
    r"(?:must|will) (?:serve|spend)\b|received\s|admitted in\b",
    re.IGNORECASE,
)

# What stands between "by" and the body that acts: "by a Manhattan federal judge", "by a Dutch court".
BY_QUALIFIED_BODY = re.compile(
    # ("captured by agents of the CTI judicial police")
    r"(?:(?:agents|officers|detectives|members|investigators)\s+(?:of|from)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?)?"
    r"(?:an?\s+)?(?:[A-Z][\w.'’-]*\s+){0,2}"
)

PASSIVE_BEFORE_MEASURE = re.compile(r"\b(?:is|was|were|are|been|being)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)
# "Glenn Mangham, a British student who hacked into Facebook, was jailed", "Joshua Schulte, 35, a former CIA engineer,
# was sentenced": one person's age or description between the name and the passive measure.
PERSON_DESCRIBED = re.compile(
    r",\s+(?:\d{2},\s+)?(?:an?|the|who|whose)\b[^;:()]*?,\s+"
    r"(?:is|was|were|are|has\s+been|had\s+been|have\s+been)\s+(?:\w+\s+){0,2}?"
)
# "They face a 21-count indictment charging them with…": those who face charges are charged (not "could face").
FACING_CHARGES = re.compile(
    r"(?<!\bcould\s)(?<!\bwould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bwill\s)(?<!\bto\s)"
    r"\b(?:face|faces|faced|facing)\s+(?!(?:\S+\s+){0,2}?(?:possible|potential|likely)\b)(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)

# "A Chinese businessman arrested in British Columbia": a participle right after a noun is a reduced passive.
REDUCED_PASSIVE = re.compile(
    r"\b(?!(?:has|have|had|and|or|to|who|which|that|it|they|he|she|also|then|later|authorities|police)\b)"
    r"[a-z]+\s+$"
)

# …and is followed by where, when or by whom, not by an object ("Washington on Monday charged five officers").
AFTER_REDUCED_PASSIVE = re.compile(
    r"\s+(?:in|at|on|by|last|earlier|after|during|with|under|over|for|this|in)\b", re.IGNORECASE
)

# "…, who was arrested in Vancouver": a relative clause, whose subject is the noun before "who".
RELATIVE_BEFORE_MEASURE = re.compile(r",\s+(?:who|which|that)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)

# Where the list of those a measure targets ends and what they did begins: "charged seven officers, including
# Morenets, with hacking the OPCW" (the OPCW is a victim, not a target).
CHARGE_CONTENT = re.compile(
    # (not "two of its administrators": people counted among the targets)
    r"\b(?:with|for|over|in|(?<!one\s)(?<!two\s)(?<!three\s)(?<!four\s)(?<!five\s)(?<!six\s)(?<!all\s)(?<!both\s)"
    r"(?<!some\s)(?<!several\s)of)\s+(?:allegedly\s+)?(?:\w+ing\b|their\b|his\b|her\b|its\b|conspir|alleged)"
    r"|\b(?:over|for|in connection with)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:(?:cyber)?attacks?|hacks?|"
    r"intrusions?|breach\w*|campaigns?|operations?|thefts?|roles?|involvement)\b"
    r"|,\s+(?:when|after|as(?!\s+well\s+as)|because|which|who|whom|where|saying|adding|while)\b"
    # "on six individuals and three entities it held responsible for, or involved in, several major cyberattacks"
    r"|\b(?:responsible for|involved in)\b",
    re.IGNORECASE,
)

# "…charged Yin Kecheng, 38, and Zhou Shuai, 45, whom they described as members of the hacking group APT27": what
# the people of a list are said to belong to.
MEMBERS_DESCRIBED = re.compile(
    r"(?:,\s+\d+)?,\s+(?:who|whom)\s+(?:(?:it|they|he|she|prosecutors|officials|the\s+\w+)\s+(?:said|says|described|"
    r"called|identified)\s+(?:as\s+)?)?(?:(?:were|are|is|was)\s+)?(?:all\s+)?(?:members?|part|operatives|officers)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?",
    re.IGNORECASE,
)

# "violations of sanctions on Iran", "Her arrest has complicated…": a measure spoken of, not taken here.
MEASURE_REFERENCE = re.compile(
    # "…weeks after Britain expelled 23 Russian diplomats": an earlier measure that dates this one
    # ("…comes a year after Poland shut the Russian consulate")
    r"(?:\b(?:weeks|months|years|a year|a month|a week)\s+(?:\w+\s+)?after\s+(?:[\w.'’-]+\s+){1,4}$|"
    r"\b(?:violat\w+|evad\w+|evasion of|breach\w*|circumvent\w*|lift\w*|eas(?:e|ed|ing))\s+(?:of\s+)?(?:\w+\s+)?"
    # "the case has not moved since the indictment was unsealed": a measure dating another event
    r"|\b(?:since|after|before|until|once|when)\s+(?:the|its|their|that|this|those)\s+(?:[\w-]+\s+)?"
    # "shortly after Vinnik's arrest": a measure that dates another event
    r"|\b(?:since|after|before|until|following)\s+(?-i:(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+(?:[\w-]+\s+)?"
    r"|\b(?:her|his|their|its)\s+)$",
    re.IGNORECASE,
)

# "a joint advisory with the FBI and the NSA", "together with Britain": partners acting with the subject.
JOINT_WITH = re.compile(
    r"\b(?:joint(?:ly)?\b[^,;]{0,50}?\bwith|together with|in (?:partnership|coordination) with|alongside|joined by)"
    r"\s+(?:the\s+)?(?:(?:their\s+|its\s+)?(?:[\w-]+\s+(?:and\s+[\w-]+\s+)?)?(?:counterparts|partners|agencies|"
    r"authorities)\s+(?:in|from|of)\s+(?:the\s+)?)?",
    re.IGNORECASE,
)

# Measures aimed at a state rather than at its hackers: a condemnation, a warning of a response. (An advisory warns of
# the group it describes.)
STATE_FIRST = {"condemnation", "pledged_response"}

# Acts only a state or an organisation of states takes ("i-Soon charged clients $10,000": no indictment).
STATE_ACTS = {
    "indictment", "sanctions", "arrest", "extradition", "expelled_diplomats", "summoned_ambassador",
    "recalled_ambassador", "severed_diplomatic_relations", "closed_mission", "prosecution", "reward",
}  # fmt: skip

# Acts that take people into custody, hand them over or try them: taken against persons, never against a state as such.
PERSONAL_MEASURES = {"arrest", "extradition", "prosecution"}
# Measures that, taken against people, are not taken against the state the report ties them to.
PEOPLE_MEASURES = PERSONAL_MEASURES | {"indictment", "reward", "sanctions"}

# Measures against people a sentence may describe first and name in the next one.
NAMED_LATER_KINDS = {"arrest", "indictment", "extradition", "prosecution", "reward", "sanctions"}

PASSIVE_KINDS = {"indictment", "arrest", "extradition", "sanctions", "prosecution"}

# Measures against lists ("sanctions on A, B and C", "including X and Y"): every named party is a target.
LIST_KINDS = {"sanctions", "indictment", "reward"}

# "US prosecutors charged him with wire fraud", "an indictment charging him…": a legal act against the person
# the report named last.
# ("…on a 23-count indictment charging him with wire and bank fraud")
PERSON_PRONOUN_OBJECT = re.compile(r"\s*(?:against\s+|(?:charging|accusing|naming)\s+)?(?<!\w)(?:him|her)\b(?!self)")
# "…and the Treasury imposed sanctions on them", "…, and the Justice Department unsealed an indictment against both":
# the people the sentence named before.
PEOPLE_PRONOUN_OBJECT = re.compile(r"\s*(?:on\s+|against\s+)?(?:them|both)\b(?!\s+(?:countries|states|governments))")
# "…for information leading to his identification or location": the one person of before.
PERSON_REFERENCE = re.compile(
    r"[^.;]{0,80}?\b(his|her)\s+(?:arrest|capture|conviction|whereabouts|identification|location)\b", re.IGNORECASE
)
# "…for information leading to their arrest", "on each of the five men", "on the suspects": the people of the measure
# before, in the plural.
PEOPLE_REFERENCE = re.compile(
    r"[^.;]{0,80}?\b(?:their\s+(?:arrest|capture|conviction|whereabouts|identification|location)|(?:on|against)\s+"
    r"(?:them|all\s+(?:of\s+them|three|four|five|six|seven)|each\s+of\s+(?:them|the\s+\w+(?:\s+\w+)?)|the\s+(?:two|three|"
    # ("for information on the three FSB officers": their body before the noun)
    r"four|five|six|seven|eight|nine|ten)?\s*(?:(?-i:[A-Z][\w-]*)\s+){0,2}(?:suspects|men|women|hackers|defendants|"
    r"accused|officers|officials|"
    r"nationals|individuals|pair|trio)))\b",
    re.IGNORECASE,
)
# "…and offered rewards for the capture of two of them": some of the people the sentence told of.
SOME_OF_THEM = re.compile(r"[^.;,]{0,40}?\b(?:one|two|three|four|five|both|all|each)\s+of\s+them\b")
# "blamed the blackout on a U.S. cyberattack", "caused by a Russian hack": a state's kind of attack, after these words.
KIND_OF_ATTACK_BEFORE = re.compile(r"\b(?:on|by|of|from)\s+an?\s+$")
# "The Czech Republic condemned Russian cyberattacks on its foreign ministry": the attacks of that state.
CONDEMNED_BEFORE = re.compile(r"\b(?:condemn|denounc|decri)\w*\s+(?:the\s+|these\s+|recent\s+|repeated\s+)*$", re.I)

# "Treasury named the four as Arsenii Penzev, Yurii Bozoyan, …", "The bloc named the Armageddon members as A and B":
# the people of the measure just told.
NAMED_COUNTED = re.compile(
    r"\b(?:named|naming|identified|identifying|listed|listing)\s+the\s+(?:[\w-]+\s+){0,2}?(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|"
    r"members|officers|men|individuals|people|suspects|defendants)\s+as\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)

# "…, a hosting provider accused of renting servers to LockBit, along with two of its Russian administrators, A and
# B", "…, and its general director Aleksandr Volosovik", "…, which it described as a front for the ministry, as well
# as on Zhao and Ni": a list of targets resumed after what describes one of them.
LIST_RESUMED = re.compile(
    r",\s+(?:along with|together with|as well as|and also|and)\s+(?:of\s+)?"
    r"(?:(?:one|two|three|four|five|six|several|all)\s+of\s+)?"
    r"(?:(?:its|their|his|her|the\s+company's|the\s+group's)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:administrators?|director|directors|executives?|owners?|founders?|employees?|officers?|operators?|members?|"
    r"leaders?|chief executive|managers?|officials?|associates?|operatives?|nationals|citizens|individuals)\b,?\s+|"
    r",\s+(?:along with|together with|as well as|and also)\s+(?:(?:on|against)\s+)?(?=[A-Z])|"
    # "travel bans on GRU chief Igor Kostyukov and on Dmitry Badin"
    r",?\s+and\s+(?:also\s+)?(?:on|against|to)\s+(?=(?-i:[A-Z]))"
)

# ", along with ", ", together with ", ", as well as ": a list joined on with no preposition of the measure and no
# noun of people (only people are read as targets after it).
BARE_LIST_JOIN = re.compile(r",\s+(?:along with|together with|as well as|and also)\s+")

# Between two names of a list, a clause that says what the first did ends the list: "designated Integrity Technology
# Group, a cybersecurity firm it said had supported the hacking group Flax Typhoon".
DESCRIBING_CLAUSE = re.compile(
    r"\b(?:it|they|he|she|officials|the department|the treasury)\s+(?:said|says|alleged|accused)\b|"
    r"\b(?:which|who|that)\s+(?:had|has|have|was|were|is|are|allegedly|\w+ed)\b|"
    # "names A, 36, B, 34, and C, 37, all of whom prosecutors say work for Iran's IRGC"
    r"\b(?:all|both|each|one|some)\s+of\s+(?:whom|which)\b"
)

# "sanctioned Ruslan Peretyatko, who it said is an FSB intelligence officer, and Andrey Korinets", "sanctions on Wuhan
# Xiaoruizhi, which it called a front for the ministry, and on Zhao and Ni", "Ruslan Peretyatko, an FSB intelligence
# officer, and Andrey Korinets": a clause or an apposition describing one name of a list, which goes on after it.
RELATIVE_IN_LIST = re.compile(
    # ("Ruslan Peretyatko, described as an FSB intelligence officer, and Andrey Korinets")
    # ("…, which it described as a front for the ministry, together with Zhao Guangzong and Ni Gaobin")
    r",\s+(?:who|whom|which|an?|the|described\s+as|identified\s+as)\b[^,;:]{1,100},\s+"
    r"(?P<join>and|together\s+with|along\s+with|as\s+well\s+as)\s+(?:on\s+|against\s+)?"
    # ("…, and on two men, Zhao Guangzong and Ni Gaobin", "…, and two Chinese nationals, Zhao Guangzong and Ni Gaobin")
    rf"(?:(?:{'|'.join(GROUP_NUMBERS)}|\d+)\s+(?:[A-Z][\w-]+\s+)?(?:men|women|individuals|people|nationals|officers),\s+)?"
)

# "sanctions targeting six individuals and three entities from Russia, China and North Korea": where those targeted
# come from, not targets.
PEOPLE_FROM = re.compile(
    r"\b(?:individuals|entities|people|persons|nationals|companies|firms|organi[sz]ations|citizens)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "was summoned to the German foreign ministry", "were declared persona non grata by Bulgaria": who acts on envoys.
ENVOY_AGENT_AFTER = re.compile(r"\s+(?:(?:on|last|this)\s+\w+\s+)?(?:to|by)\s+(?:the\s+)?")

# "charged a Chinese national": one person, whom the report may name below.
ONE_PERSON_NOUN = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:national|citizen|man|woman|businessman|businesswoman|student|resident|individual|person|hacker)\b"
    # ("The Russian was arrested in Spain": the demonym as a noun)
    r"|\s+(?:was|is|has|had|who|,\s+who)\b"
    # ("US charges Russian held in Prague with LinkedIn hacks")
    r"|\s+(?:held|arrested|detained|jailed)\b",
    re.IGNORECASE,
)

# "charges against two Russian men": people a measure counts, whom the next sentence may name.
COUNTED_PEOPLE = re.compile(
    # "…an asset freeze and travel ban on two Russian military intelligence officers"
    rf"\s+(?:[^.;]{{0,40}}?\b(?:against|on|accusing|charging|naming|targeting)\s+)?(?P<number>{'|'.join(GROUP_NUMBERS)})\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:men|women|nationals|citizens|people|individuals|suspects|hackers|defendants|officers|officials|employees|"
    r"members|operatives|agents|"
    # ("charged seven Iranians working for companies tied to the Revolutionary Guards")
    # (not "two Sudanese brothers": a demonym before a noun of people is read with that noun)
    r"(?-i:[A-Z][a-z]+(?:ians|ans|is|ese))(?!\s+(?:[a-z]+s|men|women)\b))\b",
    re.IGNORECASE,
)

# "…took the service's website offline": the service, the platform or the gang the report named last before it.
OWNER_ANAPHOR = re.compile(
    r"\bthe\s+(?P<noun>service|platform|site|market(?:place)?|mixer|exchange|forum|group|gang|crew)['’]s\b",
    re.IGNORECASE,
)

# "was sentenced at Canterbury Crown Court": the place of a body, and the word that makes it a court.
AT_PLACE = re.compile(r"\bat\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE)
COURT_WORD = re.compile(r"\bcourt\b", re.IGNORECASE)
# "…for Russian government agencies": a party a preposition other than "by" governs.
OBJECT_OF_PREPOSITION = re.compile(
    r"\b(?:for|to|of|from|against|on|into|at|with|targeting)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?$", re.IGNORECASE
)

# A day or a month named after a verb: "were arrested in April in Curitiba", "was detained on Tuesday in Kyiv".
WHEN = rf"(?:{DAYS_AND_MONTHS}|week|month|year)\b"

# "was designated along with Mahdi Lashgarian, …": others the passive measure takes with its subject.
# "were charged in November", "in 2019", "last year": a measure's own earlier date.
DATED_EARLIER = re.compile(
    r"\b(?:in|since)\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:19|20)\d\d)\b|\blast\s+(?:year|month)\b|\b(?:years|months)\s+ago\b"
)
# "an Indonesian hacker who goes by the name Direxer": between a person's nationality and the alias they are named by.
ALIAS_OF_PERSON = re.compile(
    r"(?:\s+[a-z][\w-]*){1,2},?\s+(?:who\s+(?:goes|went)\s+by|known\s+(?:online\s+)?as|who\s+calls\s+himself|"
    r"who\s+called\s+himself|using)(?:\s+the\s+(?:name|alias|handle|nickname|moniker))?\s+['\"“]?"
)
ALONG_WITH = re.compile(r"\s+(?:[^,;.]{0,40}?\s)?(?:along|together)\s+with\s+")
# "…was arrested in Boston and James Peraire-Bueno, 28, in New York": a second person whose verb is left out, before
# the place (PLACE_AFTER_GAPPED) where the same measure took them.
GAPPED_PLACE = re.compile(r"\s+(?:in|at)\s+(?:[A-Z][\w.'’-]*\s+){1,3}and\s+")
PLACE_AFTER_GAPPED = re.compile(r"(?:,\s+\d{2},)?\s+(?:in|at)\s+(?-i:[A-Z])")

# "were charged in an indictment unsealed in Los Angeles", "a complaint filed on Monday in Manhattan": where the
# charge was brought (the city names the state that brings it).
FILED_IN = re.compile(
    r"\b(?:unsealed|filed|returned|brought|lodged|announced)\s+(?:(?:on|last)\s+\w+\s+)?in\s+(?:the\s+)?",
    re.IGNORECASE,
)

# "two officers of China's Ministry of State Security": the body the people counted serve.
OF_STATE_BODY = re.compile(r"\s+(?:of|in|from|with)\s+(?:the\s+)?")

# "Two Russians, one of them an FSB officer, were sanctioned…": a sentence opening with the people it counts.
COUNTED_SUBJECT = re.compile(rf"^\W*(?P<number>{'|'.join(GROUP_NUMBERS)})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)

# "…has extradited Yevgeniy Nikulin to the United States, where he is charged with hacking": the state named before
# the clause acts.
WHERE_PASSIVE = re.compile(
    r",\s+where\s+(?:he|she|they|it)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been|will\s+be)\s+"
    r"(?:\w+ly\s+)?$",
    re.IGNORECASE,
)

# "…Special Technologies, also known as Unit 74455 or Sandworm": the other names of a party, one after another.
ALIAS_GAP = re.compile(
    r"(?:['’]s\s+[A-Z][\w-]*(?:\s+(?:(?:for|of|and|the)\s+)?[A-Z][\w-]*){0,5})?"
    # ("a GRU unit known to researchers as Sandworm", "a GRU unit that cybersecurity researchers call Sandworm")
    r"(?:\s+(?:[a-z][\w-]*\s+)?(?:unit|group|team|cell|division|directorate))?,?\s+"
    r"(?:(?:(?:also|better|widely)\s+)?(?:known|tracked)\s+(?:to\s+(?:[\w-]+\s+){1,2}?)?as|"
    r"(?:that|which)\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,3}?(?:calls?|tracks?\s+as|dubs?|refers?\s+to\s+as))\s+"
    r"(?:(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s+or\s+)?(?:the\s+)?"
)

# "software made by the Florida-based firm Kaseya": who made a product, not who used it (malware "developed by the
# GRU" names the attacker).
MAKER_BEFORE = re.compile(
    r"\b(?!(?:malware|wipers?|ransomware|spyware|tools?|implants?|backdoors?|viruse?s?|worms?|code)\s)[a-z]+\s+(?:made|"
    r"developed|sold|produced|manufactured|supplied|built|designed)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
)

# "from Russian IP addresses", "Chinese servers", "Iranian territory": where an attack came through, not who did it.
INFRASTRUCTURE_AFTER = re.compile(
    r"\s+(?:IP\s+addresses|IP\s+address|servers?|infrastructure|territory|soil|internet\s+addresses)\b", re.IGNORECASE
)

# "Britain sanctioned the same company and the two men", "the Treasury sanctioned the Wuhan company and the two men":
# an organisation a measure before was taken against (by the first word of its name).
SAME_ORGANISATION = re.compile(
    r"\bthe (?:same|(?P<word>[A-Z][\w-]+)) (?:company|firm|entity|group|front company)\b", re.IGNORECASE
)

# "both men", "as well as the four men", "for information on the two defendants": people counted and named before.
# ("for information on the three", "on any of the seven", "on each of the five officers": the same people)
COUNTED_ANAPHOR = re.compile(
    # ("charges against the same two men", "for information on either of them")
    rf"\bthe\s+(?:same\s+)?(?P<number>{'|'.join(GROUP_NUMBERS)})(?:\s+(?:men|women|defendants|suspects|hackers|officers|"
    # ("charges the seven with wire fraud")
    r"nationals|individuals|officials|employees|agents|operatives)\b|(?=\s*[.,;]|\s+(?:who|whom|and|in|with|over)\b))|"
    r"\b(?:both men|both of them|either of them|the (?:same )?pair|the duo|the trio)\b",
    re.IGNORECASE,
)

# What a body owns that was hacked: "Ukrainian government computer systems", "the ministry's networks".
HACKED_PROPERTY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:computer\s+)?(?:systems?|networks?|websites?|servers?|accounts?|portals?|databases?)\b",
    re.IGNORECASE,
)

# An act against victims between a person and a name: "with hacking into the networks of … Trimble".
HACKED_BEFORE = re.compile(
    r"\b(?:hack\w*|break\w* into|broke into|breach\w*|infiltrat\w*)\s+(?:into\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:networks?|systems?|computers?|servers?|accounts?|email)\s+(?:of|at|belonging to)\b",
    re.IGNORECASE,
)

# What a relative clause is about stands right before it: "North Korea's launch, which…" (a few words may follow it).
BEFORE_RELATIVE = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,3}?[\s,]*")

# "sentenced … by a federal judge in the United States": the state of whoever acts, after "by".
BY_SOMEONE_IN = re.compile(r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?")

# "has been extradited from Greece": the state that hands the person over.
HANDED_FROM = re.compile(r"\s+from\s+(?:the\s+)?(?:country\s+of\s+)?")  # ("from the country of Georgia")

# "Also charged in the indictment were Ivan Yermakov, 35, …": a passive measure with its subject after the verb.
_INVERTED_PASSIVE = (
    # ("Added to the blacklist as well were Yaroslav Vasinskyi, …, and Russian national Yevgeniy Polyanin")
    r"^\W*(?i:(?:also\s+)?(?:charged|indicted|named|listed|sanctioned|designated|arrested|added\s+to\s+(?:the|its)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:blacklist|sanctions\s+list))\s+(?:as\s+well\s+|also\s+)?"
    r"(?:in\s+(?:the|a)\s+[^.;]{0,80}?\s+)?(?:are|were)\s+)"
)
INVERTED_PASSIVE = re.compile(_INVERTED_PASSIVE)

# "…was charged in court on Tuesday": a court, of the state the report is about.
IN_COURT = re.compile(r"\s+(?:\w+\s+){0,2}?in\s+(?:a\s+|the\s+)?(?:\w+\s+)?court\b")

# "originated in China": the source of an operation, not a place.
ORIGIN_BEFORE = re.compile(r"\boriginat\w+\s+in\s+(?:the\s+)?$")

# "Russia's embassy in Washington": where a mission is, not whose it is.
MISSION_IN = re.compile(r"\b(?:embassy|consulate|mission|ambassador|envoy)\s+(?:in|to)\s+(?:the\s+)?$", re.IGNORECASE)

# Whom a state's own cyber operation is aimed at: "online strikes on Thursday evening against Iranian systems".
AIMED_AGAINST = re.compile(r"[^.;,]{0,40}?\bagainst\s+(?:the\s+)?")

CONSEQUENCE_CUES = [(kind, re.compile(rf"\b(?:{cue})", re.IGNORECASE)) for kind, cue in CONSEQUENCES]
CUE_OF_KIND = dict(CONSEQUENCE_CUES)

# Lower-case words one of which every phrase of a kind holds: a sentence without any is not searched for it (the
# cues are long alternations; most sentences name no measure).
CUE_WORDS = {
    "severed_diplomatic_relations": ("ties", "relations"),
    "expelled_diplomats": ("expel", "expuls", "persona non grata", "diplomats", "embassy staff"),
    "sanctions": (
        "sanction", "travel ban", "asset freeze", "froze", "frozen", "freez", "designat", "blacklist", "entity list",
    ),
    "indictment": ("indict", "charg", "complaint", "wanted list", "fir ", "fir,", "fir.", "firs ", "booked"),
    "arrest": ("arrest", "custody", "detain", "captured", "picked up"),
    "prosecution": (
        "sentenced", "convict", "guilty", "trial", "jailed", "imprisoned", "serve", "spend", "sentence", "admitted",
    ),
    "extradition": ("extradit",),
    "summoned_ambassador": ("ambassador", "envoy", "charg", "diplomat"),
    "recalled_ambassador": ("recall",),
    "protest_note": ("protest", "demarche", "démarche", "representations", "diplomatic note", "note verbale"),
    "closed_mission": ("embassy", "consulate", "mission", "compound"),
    "pledged_response": (
        "action", "accountable", "respond", "retaliat", "consequences", "revenge", "response", "reciprocate", "counter",
        "unanswered", "unpunished", "punished", "brought to justice",
    ),
    "cyber_operation": (
        "down", "over", "control of", "takedown", "hack", "hunt", "dismantl", "strike", "offline", "seiz", "from",
        "neutrali", "shut",
    ),
    "court_order": ("seiz", "court", "judge"),
    "condemnation": ("condemn", "decri", "denounc", "deplor", "unacceptable", "intolerable"),
    "emergency_declaration": ("emergency",),
    "reward": ("reward", "bount", "pay", "offer"),
    "awareness_raising": (
        "advis", "alert", "warn", "sealed", "joint", "indicators", "detection rules", "signatures", "iocs", "urg",
    ),
}  # fmt: skip

# "…arrested four people suspected of hacking the mobile phones of the justice minister": the people an arrest is for,
# with the cyber deed they are suspected of.
SUSPECTED_OF_DEED = re.compile(
    # ("suspected of running the hacking forum BreachForums and of stealing data from French companies")
    r"\b(?:suspected|accused)\s+of\s+(?:[^.;]{0,60}?\band\s+of\s+)?(?:\w+ly\s+)?(?:hacking|breaking\s+into|breaching|"
    r"stealing\s+data|carrying\s+out\s+"
    r"(?:the\s+|a\s+)?(?:cyber-?\s?attacks?|ransomware|ddos)|launching\s+(?:the\s+|a\s+)?cyber-?\s?attacks?|deploying\s+"
    r"ransomware|running\s+(?:the\s+|a\s+)?(?:botnet|ransomware|malware))\b",
    re.IGNORECASE,
)

# Measures that, in a report about a cyber operation, also state who is blamed for it.
LEGAL_OR_ECONOMIC = {"sanctions", "indictment", "expelled_diplomats", "prosecution", "reward"}

# "the group Microsoft calls Flax Typhoon", "which Google tracks as APT42": a namer followed by the name.
NAMER = re.compile(r"\s+(?:calls|called|dubs|dubbed|has dubbed|tracks as|tracked as|refers to as|names)\s+[A-Z\"“]")

# "two Sudanese brothers", "a Chinese national": people named by their nationality.
PEOPLE_NOUN = re.compile(
    r"\s+(?:nationals?|citizens?|men|man|women|woman|brothers|sisters|individuals?|people|persons|residents?|"
    r"businessm[ae]n|students?|programmers?|developers?|engineers?|doctors?|cardiologists?|executives?|employees?|"
    r"workers?)\b",
    re.IGNORECASE,
)
# "The Iranian defendants", "two Russian suspects": people a legal act is against, named by their nationality.
LEGAL_PEOPLE_NOUN = re.compile(r"\s+(?:defendants?|suspects)\b", re.IGNORECASE)
ACCUSED_PEOPLE_NOUN = re.compile(rf"{PEOPLE_NOUN.pattern}|{LEGAL_PEOPLE_NOUN.pattern}", re.IGNORECASE)
# "charged two Iranian men with…", "An Iranian man pleaded guilty", "were sentenced": a legal act taken against people
# (not "accused", "suspect": a claim's own words).
LEGAL_ACT_ON_PEOPLE = re.compile(
    r"\b(?:charg(?:ed|es|ing)|indict\w*|plead\w*\s+guilty|sentenc\w*|convict\w*|arrest\w*|extradit\w*|detain\w*|"
    # ("filed a lawsuit against two Russian nationals it accused of running a botnet": a civil suit)
    r"prosecut\w*|sanction\w*|su(?:ed|es|ing)|lawsuits?|complaint)\b",
    re.IGNORECASE,
)
# "two Russian affiliates, Aeza Logistic LLC and Cloud Solutions LLC": organisations of a state, named after it.
ORGANISATIONS_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:affiliates|companies|firms|entities|subsidiaries|businesses)(?:,\s+|\s*[:—–]\s*)",
    re.IGNORECASE,
)
# "sanctioned a Chinese company and two individuals": a firm of that state, named later if at all.
FIRM_OF_STATE = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:company|companies|firms?|entity|entities)\b")
# "GRU chief Igor Kostyukov", "Russia's military intelligence officer Dmitry Badin": an office between a body or state
# and the person holding it.
OFFICE_BEFORE_PERSON = re.compile(
    r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s+(?:chief|head|director|commander|officer|official|agent|deputy|leader|boss|"
    r"general|colonel|major|captain|lieutenant)\s+"
)
# "Two Ministry of Public Security officers, Wang Liyu and Sheng Jing": the people of a body named before them.
BODY_PEOPLE = re.compile(
    rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:officers?|officials?|agents?|employees|operatives|{PERSON_TRADES})\b"
)
# "British security researcher Marcus Hutchins", "a Russian software developer": one person of that state
PERSON_OF_STATE = re.compile(rf"(?:\s+[a-z][\w-]*){{0,2}}?\s+(?:{PERSON_TRADES})\b")

# What joins another victim to one already named: "EU member states and Ukraine", "Albania, Montenegro and".
VICTIM_LINK = re.compile(r"\s*(?:,|and|or|as well as)\s*(?:,\s*)?(?:and\s+)?(?:the\s+|other\s+)?", re.IGNORECASE)

# Where the object of a measure ends: "condemned the attack and offered Kyiv help" names no target.
CLAUSE_END = re.compile(
    # "Thai police arrest four in Phuket as US charges two Russians": a clause of another subject
    # (not "such as", "known as" before a name)
    r"\s(?<!such\s)(?<!known\s)(?:as|while|after)\s+(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}\s+"
    r"(?-i:[a-z]+(?:s|ed))\b|"
    # "…sanctioned members of the gang Evil Corp, with Britain saying the group had worked on the orders of Russia's…"
    r",\s+with\s+(?:the\s+)?(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}\s+(?:saying|adding|accusing|blaming)\b|"
    r";|,\s+(?:and|but|while)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:\w+ed|said|says)\b|\b(?:and|but|while)\s+(?:\w+ed|offered|said|says|called|urged|vowed)\b|,\s+(?:noting|saying|adding|citing)\b",
    re.IGNORECASE,
)

# A condemnation of "the attack" (not of "Pelosi's visit") is aimed at whoever the report accuses; so is one that ends
# its clause ("This is intolerable and will not remain without consequences").
ABOUT_THE_INCIDENT = re.compile(
    r"[\"”’']?\s+(?:the\s+|this\s+|these\s+|such\s+)?(?:\w+\s+)?(?:(?:cyber)?attacks?|hacks?|hacking|breach\w*|operations?|"
    # ("condemned the targeting of democratic institutions as 'completely unacceptable'")
    r"campaigns?|incident|intrusions?|activit(?:y|ies)|behaviou?r|targeting|interference|meddling|espionage|it|them)\b|"
    r"[\"”’']?\s*[.,;]|[\"”’']?\s*$|"
    r"\s+and\s+(?:will|would|must|cannot|can['’]t|should|shall)\b",
    re.IGNORECASE,
)

# "Russia's ambassador had been summoned": the envoy's state is named before the measure.
ENVOY_BEFORE = re.compile(
    r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:ambassador|envoy|charg[ée] d'affaires|diplomats?)\b", re.IGNORECASE
)

# "North Korean firm Chosun Expo", "Russian hacker Ivan Petrov": the lower-case words between a demonym and the name
# it describes.
DESCRIBING_WORDS = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}\s+")

# A headline's present tense ("US charges Russian hacker Ivan Petrov over…", "Australia sanctions Russian man over…"):
# the measure's target is who is named right after the verb, past what describes them; a state standing for unnamed
# people ("charges three Iranians") is left to the report's body, which names them.
HEADLINE_TARGET_GAP = re.compile(
    r"(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:[\w'’-]+\s+){0,3}?"
)

# "In a separate indictment unsealed the same day, prosecutors charged…": a document named in an opening phrase.
LEADING_DOCUMENT = re.compile(
    r"\W*(?:in|under|through|with)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE
)

# "…charged with conspiracy over the 2017 NotPetya attack": a year that dates what a measure is over.
MEASURE_REASON_BEFORE = re.compile(
    r"\b(?:charg\w+|sanction\w*|indict\w*|accus\w+|convicted|sentenced|arrested|designated)\b[^.;]{0,80}?"
    r"\b(?:over|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# "…has brought charges against three officers … for breaking into …": a measure in the present perfect, then what
# it is for; "One indictment charges Evgeny Gladkikh, …, with conspiring to…": a document's charge in the present.
MEASURE_NOW_FOR = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|\w+ly\s+)?(?:brought|filed|pressed|laid|charged|indicted|sanctioned|arrested|"
    r"detained|convicted|sentenced|designated|imposed)\b[^.;]{0,120}?\b(?:for|over)\s+(?:[\w-]+ing|the|its|their|an?)\b"
    r"[^.;]*$|"
    r"\b(?:indictment|complaint|affidavit|filing|charge sheet|papers|documents)\s+(?:charges|accuses|indicts)\s+"
    r"[^.;]{0,160}?\b(?:with|of)\s+[\w-]+ing\b[^.;]*$",
    re.IGNORECASE,
)

# "…announced matching measures", "took similar steps": the measure taken last, taken again by others.
MATCHING_MEASURES = re.compile(
    r"\b(?:announced|imposed|unveiled|took|adopted|introduced)\s+(?:their\s+own\s+)?(?:matching|"
    r"identical|corresponding|mirroring)\s+(?:measures|steps|penalties)\b",
    re.IGNORECASE,
)

# A place of up to four capitalised words ("Alexandria", "New York City").
_PLACE = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}"
# "…the United States and Britain, which announced their own sanctions against him": a relative clause whose subject
# is the actor named right before it, with its verb bringing the measure.
RELATIVE_SUBJECT = re.compile(
    r"(?:,\s+(?:which|who)\s+(?:(?:also|later|then|separately|jointly|had|has|have|on \w+|last \w+|this \w+)\s+)*|"
    # ("…a federal court in Alexandria, Virginia, where an indictment against him was unsealed": the court's act)
    rf"(?:\s+in\s+{_PLACE}(?:,\s+{_PLACE})?)?,\s+where\s+(?:an?\s+|the\s+)?)"
    r"(?:(?:announced|imposed|issued|unsealed|filed|brought|levelled|leveled|placed)\s+(?:(?:its|their|an?|the)\s+)?"
    r"(?:own\s+|new\s+|fresh\s+|separate\s+|parallel\s+)*)?",
    re.IGNORECASE,
)

# "…, prompting Moscow to promise a response": the party a sentence's event moves to act.
CAUSED_TO = re.compile(r"\b(?:prompting|prompted|leading|led|causing|caused|forcing|forced)\s+(?:the\s+)?$")

ADJACENT_AGENT_GAP = re.compile(
    r"\s+(?:(?:also|later|then|separately|formally|jointly|officially|swiftly|strongly|firmly|sharply|roundly|"
    r"publicly|has|have|had|on \w+|last \w+|"
    r"this \w+|earlier)\s+)*"
    # "U.S. prosecutors on Tuesday unsealed charges against…", "…, where the Justice Department unsealed an indictment":
    # the verb that brings the measure named after it
    r"(?:(?:unsealed|filed|brought|announced|imposed|issued|laid|levelled|leveled|carried out|conducted|launched)\s+"
    r"(?:an?\s+|the\s+|its\s+|their\s+)?(?:new\s+|fresh\s+)?)?$",
    re.IGNORECASE,
)


def count_of(number: str) -> int:
    """How many people a number word counts ("two" -> 2), as GROUP_NUMBERS lists them from two."""
    return GROUP_NUMBERS.index(number.lower()) + 2


def anaphor_count(anaphor: re.Match) -> int:
    """How many people "the three", "the pair", "both men" or "the trio" stand for."""
    if anaphor.groupdict().get("number"):
        return count_of(anaphor.group("number"))
    if anaphor.groupdict().get("one"):
        return 1
    return 3 if "trio" in anaphor.group().lower() else 2


def text_after(match: re.Match) -> str:
    return match.string[match.end() : match.end() + 60]


# "…the United States and the United Kingdom had taken action, with both countries announcing their own sanctions":
# the states named before, as the agent of a measure.
COUNTED_STATES_BEFORE = re.compile(
    rf"\b(?:both|the\s+(?P<number>{'|'.join(GROUP_NUMBERS)}))\s+(?:countries|governments|nations|allies)\s+"
    r"(?:(?:also|then|each|jointly)\s+)?$",
    re.IGNORECASE,
)

# "Lawmakers have called on the government to expel Russian diplomats", "urged Brussels to impose sanctions", "called
# for the expulsion of": a measure asked for, not taken.
REQUESTED_MEASURE_BEFORE = re.compile(
    r"\b(?:call(?:ed|s|ing)? on|urg(?:ed|es|ing)|ask(?:ed|s|ing)?|demand(?:ed|s|ing)|press(?:ed|es|ing)|"
    r"appeal(?:ed|s|ing) to)\b[^.;]{0,120}?\bto\s+(?:\w+\s+)?$|"
    # "would ask Interpol to issue a red notice for Martinelli's arrest"
    r"\b(?:ask(?:ed|s|ing)?|request(?:ed|s|ing)?|urg(?:e|ed|es|ing))\b[^.;]{0,60}?\bto\s+issue\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+)?(?:red\s+notice|warrant)\s+for\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,4}?$|"
    r"\b(?:call(?:ed|s|ing)?|push(?:ed|es|ing)?|press(?:ed|es|ing)?)\s+for\s+(?:the\s+|an?\s+)?(?:\w+\s+)?$|"
    # "Poland has yet to rule on a U.S. request to extradite Vasinskyi"
    # (not "Greece approved a U.S. request to extradite…": a request granted)
    r"\b(?:on|for|of|with|after|awaiting)\s+(?:an?\s+|the\s+)?(?:[\w.'’]+\s+)?(?:requests?|bids?|applications?|motions?|"
    r"demands?)\s+to\s+$",
    re.IGNORECASE,
)

# "…, according to a U.S. indictment", "according to the charges": a document cited as the source, not a measure taken.
CITED_DOCUMENT_BEFORE = re.compile(r"\baccording to (?:an?|the)\s+(?:[\w.'’-]+\s+){0,3}$", re.IGNORECASE)

# "by a Lisbon court", "by a Portuguese judge": a court or judge named by its place.
COURT_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:court|judge|tribunal|magistrate)s?\b", re.IGNORECASE)

# "- Hamid Reza Lashgarian, head of the IRGC-CEC;", "2) Mahdi Lashgarian": a line of a list.
LIST_ITEM = re.compile(r"\s*(?:[-–—•*]|\d{1,2}[.)])\s+")

# Measures whose target, when the sentence names none, is the party the report accuses. (Not a court order: a
# seizure of servers or domains is against whoever used them, which the sentence names (SEIZED_FROM_USER) or leaves
# unsaid, and "the FBI seized domains used by the hackers" is no court order against the state they are said to work
# for. Other court orders with no target named were wrong more often than right in the studied reports, "after the
# Seoul High Court approved Washington's extradition request" among them, so they too need their target named.)
IMPLIED_TARGET = {
    "pledged_response", "condemnation", "sanctions", "indictment", "awareness_raising", "reward", "cyber_operation",
    "summoned_ambassador", "recalled_ambassador", "expelled_diplomats", "protest_note",
}  # fmt: skip

# "seized control of the servers and websites that Hive used", "seized domains used by APT27": the seized things'
# user, named after the cue (up to here) and followed, in the first shape, by its verb (SEIZED_USER_VERB).
SEIZED_FROM_USER = re.compile(
    r"\s*(?:[\w'’-]+,?\s+){0,8}?(?:(?P<relative>that|which)\s+|(?:used|operated|run|controlled)\s+by\s+)(?:the\s+)?$"
)
SEIZED_USER_VERB = re.compile(r"\s+(?:had\s+|has\s+)?(?:used|operated|ran|run|controlled)\b")

# "…attempt, which Seoul, Washington and Tokyo condemned", "Dmitry Khoroshev, whom the United States sanctioned": the
# agents of a measure inside a relative clause.
RELATIVE_AGENTS = re.compile(r",\s+(?:which|whom)\s+(?P<agents>[^,;]{0,80}?(?:,[^,;]{0,40}?){0,4})\s*$")

# "…, which it described as an instrument of Russia's GRU, and said it condemns": the relative clause closed, the
# sentence's subject goes on.
# ("The Polisario Front, which seeks independence for the former Spanish colony, said … that it condemns…": the main
# verb after the clause)
RELATIVE_CLOSED = re.compile(r",\s+and\s+(?:said|says|added|adds|[a-z]+ed)\b|,\s+(?:said|says|told|stated|announced)\b")

# "China does not extradite its citizens", "has never sanctioned", "refused to expel": a measure not taken.
NEGATED_MEASURE = re.compile(
    r"\b(?:not|never|no longer|n[’']t|refus\w+ to|declin\w+ to|reluctant to|unwilling to|hesitant to)\s+"
    # ("Tokyo had not yet lodged a formal protest")
    r"(?:\w+ly\s+|yet\s+)?(?:(?:be|been|to)\s+)?$"
    # "would consider imposing sanctions", "threatened to expel": a measure weighed, not taken
    r"|\b(?:consider\w*|weigh\w*|mull\w*|threaten\w* to|plan(?:s|ned|ning)? to|propos\w* to)\s+(?:\w+ly\s+)?$"
    # "the Personal Data Protection Law, which allows administrative sanctions against…": what a law provides for
    r"|\b(?:allow\w*|permit\w*|provides?\s+for|provided\s+for|foresees?|envisag\w*)\s+(?:\w+\s+)?$"
    # "would push for new EU sanctions", "called for sanctions": a measure asked of others
    r"|\b(?:push\w*|press\w*|lobby\w*|call\w*|ask\w*|argu\w*)\s+for\s+(?:new\s+|further\s+|more\s+|tougher\s+)?"
    r"(?:[A-Z]{2,4}\s+|[\w-]+\s+)?$"
    # "have called for further steps, including the expulsion of Russian diplomats"
    r"|\b(?:push\w*|press\w*|lobby\w*|call\w*|ask\w*|argu\w*)\s+for\s+[^.;]{0,60}?,?\s+(?:including|such\s+as)\s+"
    r"(?:the\s+|an?\s+)?$"
    # "the US was expected to request the extradition of Berezhnoy and Glebov": asked for, not granted
    r"|\b(?:request\w*|apply\w* for|applied for)\s+(?:the\s+|an?\s+|their\s+|his\s+|her\s+)?$"
    # "two of those detained": the people of a measure told before
    r"|\bof\s+those\s+$"
    # "said it would seek European Union sanctions against those responsible"
    r"|\b(?:seek\w*|sought)\s+(?:new\s+|further\s+|more\s+|tougher\s+)?"
    r"(?:(?:the\s+)?(?:[A-Z][\w.]*\s+){1,3}|[\w-]+\s+)?$"
    # "Moscow would also seek Nikulin's extradition to Russia": a request yet to be made (not "Washington is seeking
    # Su's extradition", under way)
    r"|\b(?:would|will|to|could|may|might)\s+(?:also\s+)?seek\s+(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+$"
    # "would propose to its European partners that the three men be added to the EU's sanctions list": asked for
    r"|\b(?:propos\w*|urg(?:e|es|ed|ing)|demand\w*|ask\w*|recommend\w*|request\w*|insist\w*)\b[^.;]{0,80}?\bthat\s+"
    r"[^.;]{1,60}?(?<!\bwould)(?<!\bwill)(?<!\bcould)(?<!\bcan)(?<!\bmay)(?<!\bmight)(?<!\bto)\s+(?:should\s+|must\s+)?be\s+$"
    # "Moscow has objected to the arrest of its citizens", "fought his extradition": a measure opposed, not taken
    r"|\b(?:object\w* to|protest\w* against|oppos\w*|fought|fight\w*|contest\w*|challeng\w*|appeal\w* against|"
    r"resist\w*)\s+(?:the|its|his|her|their|an?)\s+(?:[\w-]+\s+)?$"
    # "planted a false warrant for the arrest of Justice Alexandre de Moraes": a forgery, not a measure
    r"|\b(?:fake|false|forged|bogus|fraudulent|counterfeit)\s+(?:[\w-]+\s+){0,2}?(?:warrants?|orders?)\s+"
    r"(?:for\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


# "Moscow retaliated by declaring two Estonian diplomats persona non grata": a measure answering another blames no one.
RETALIATION = re.compile(
    r"\b(?:retaliat\w*|tit-for-tat|in kind|reciprocal|in response to (?:the|its|their|this))\b", re.IGNORECASE
)

# "The expulsion of four Russian intelligence officers, …, was announced by the Dutch defence minister": a measure
# named by a noun, its target after "of", its agent after the verb's "by".
NOMINAL_MEASURE = re.compile(
    r"(?:expulsions?|sanctions|arrests?|extraditions?|indictments?|charges|closure|severing|severance|rupture|summoning|"
    r"breaking off)\b",
    re.I,
)
# "Tehran condemned Tirana's decision to expel its diplomats", "the Albanian decision to cut ties": the owner of the
# decision (named right before it) takes the measure.
DECISION_BEFORE = re.compile(
    r"(?:['’]s?\s+|\s+)(?:(?:sudden|abrupt|latest|recent|unilateral|hasty)\s+)?(?:decision|move)\s+to\s+$", re.I
)

# "Tehran criticised the expulsion of its diplomats by Albania", "protested the summoning of its ambassador by Czech
# officials": the agent of a measure named by its noun follows "by" (the sentence's subject is the one it was taken
# against).
NOMINAL_BY = re.compile(r"\s+(?:(?!(?:\w+ed|was|were|is|are)\s)[\w'’-]+\s+){0,4}?by\s+(?:the\s+)?(?=(?-i:[A-Z]))", re.I)
NOMINAL_AGENT_BY = re.compile(
    r"[^;]{0,200}?\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:announced|ordered|imposed|issued|"
    r"unveiled|decided|approved|agreed|carried out|disclosed|revealed|confirmed)\s+(?:on\s+\w+\s+)?by\s+"
    r"(?:the\s+|an?\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?=[A-Z])",
    re.IGNORECASE,
)

# "five indictments had been issued by French and U.S. authorities": a measure whose issuer follows "by"; it is
# against whoever the report accuses, not against the issuer.
ISSUED_BY = re.compile(
    r"\w*\s+(?:(?:had|have|has)\s+)?(?:been|were|was|are|is)\s+(?:\w+\s+)?(?:issued|filed|brought|unsealed|imposed|"
    r"announced|obtained)\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)

# "adding that more sanctions against other cyber criminals could follow": a measure still to come (not "sanctions
# that will come into force on Wednesday").
MEASURE_TO_COME = re.compile(
    r"\w*\s+(?:[^,.;]{0,60}?\s+)?(?:could|might|may|would|will)\s+(?:\w+ly\s+)?(?:follow\b|come\b(?!\s+into\s+(?:force|effect)))",
    re.IGNORECASE,
)

# "…the indictment proved Tehran wanted…", "the sanctions were largely symbolic": a measure that is the subject of
# a judgement is one spoken of.
MEASURE_AS_SUBJECT = re.compile(
    r"\w*\s+(?:proved|proves|showed|shows|demonstrat\w+|reflect\w+|signal\w*|suggest\w*|(?:was|were|is|are) "
    r"(?:largely |mostly |merely |only )?(?:symbolic|a sign|a signal|a message|meant|the (?:product|result|"
    # "the arrest was the product of more than two years of investigation into LockBit"
    r"culmination|fruit) of))\b",
    re.IGNORECASE,
)

# The verb of a legal document that is a sentence's subject: "An indictment unsealed on Tuesday accuses A and B", "An
# indictment unsealed in Brooklyn charged them".
DOCUMENT_VERB = re.compile(
    # ("The same indictment charges four Iranians — A, B, C and D — with…": people counted)
    r"\b(?:accuses|accuse|charges|charge|charged|names|identifies)\s+(?=[A-Z]|(?:them|him|her|both|(?:the\s+)?(?:two|"
    r"three|four|five|six|seven|eight|nine|ten|\d+))\b)"
)

# "an advisory by the FBI and cybersecurity agencies from the United States, Britain and Canada": its publishers.
PUBLISHED_BY = re.compile(
    r"(?:\s+(?:was|were|is|are|has been|had been))?(?:\s+\w+ed)?\s+by\s+(?:the\s+)?", re.IGNORECASE
)
PUBLISHER_LINK = re.compile(
    r"\s*(?:,|and|as well as)?\s*(?:and\s+)?(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:agencies|authorities|counterparts|"
    r"partners|officials|services)\s+(?:from|of|in)\s+(?:the\s+)?)?",
    re.IGNORECASE,
)

# "called the sanctions unfounded", "the expulsions": a measure named by its noun, and the kind it names.
MEASURE_NOUN = re.compile(
    r"\b(?:the|these|those|such)\s+(?:new\s+)?(sanctions|expulsions?|indictments?|charges|designations?)\b", re.I
)
MEASURE_NOUN_KINDS = {"sanct": "sanctions", "expul": "expelled_diplomats", "indic": "indictment", "charg": "indictment",
                      "desig": "sanctions"}  # fmt: skip

# Where a clause with its own subject begins or ends: "…offline, and Lithuania expelled…", "…; Britain…".
OWN_CLAUSE = re.compile(r";|,\s+(?:and|while|but|whereas)\s+(?=(?:the\s+)?(?-i:[A-Z]))")

# "an operation coordinated by Europol", "with the help of the Dutch police", "in cooperation with Germany": those who
# help take a measure, named where its target could stand.
PARTNER_BEFORE = re.compile(
    # ("charged a man wanted by the United States": who seeks the person, not whom the measure is against)
    r"(?:\b(?:coordinated|led|supported|assisted|aided|helped|organi[sz]ed|sought|requested|wanted)\s+by|"
    # "on warrants sought by Swiss and U.S. authorities", "at the request of the United States": who asked for it
    r"\bat the (?:request|behest) of|"
    r"\bwith the (?:help|support|assistance|cooperation) of|"
    r"\bin (?:cooperation|coordination|partnership|conjunction) with|"
    r"\btogether with|\balongside|\bjoined by)\s+(?:the\s+)?"
    # "in cooperation with the United States, South Korea and…": each partner listed
    r"(?:(?:[\w.'’-]+[\s,]+){1,3}?(?:and\s+|,\s+(?:and\s+)?)?(?:the\s+)?){0,4}$",
    re.IGNORECASE,
)

# "Those listed include four officers of Russia's GRU…", "Also named were two Chinese nationals…": the parties the
# last measure (sanctions, charges) was taken against, named in a sentence of their own.
LISTED_CONTINUATION = re.compile(
    r"^\W*(?:(?:those|the (?:people|individuals|entities|persons|officers|men))\s+(?:listed|sanctioned|designated|"
    r"named|targeted|charged|indicted)\s+(?:include[sd]?|are|were)|"
    # "The sanctioned individuals are…", "The designations target…", "Named in the designation are…", "Among the six
    # are…", "They are A, B and C"
    r"the (?:sanctioned|designated|targeted|listed|charged|indicted) (?:individuals|people|persons|entities|men|"
    r"companies|firms)\s+(?:include[sd]?|are|were)|"
    r"the (?:designations?|sanctions|measures|listings?)\s+(?:target(?:s|ed)?|name[sd]?|cover(?:s|ed)?)\b|"
    # "The list includes four officers of Russia's GRU - A, B, C and D - …"
    r"the (?:(?:sanctions|designation|new)\s+)?(?:list|blacklist)\s+(?:include[sd]?|names|named|comprises)\b|"
    r"named in the \w+\s+(?:are|were)|"
    rf"among the (?:{'|'.join(GROUP_NUMBERS)}|people|individuals|men|suspects|defendants)\s+(?:are|were)|"
    r"(?:they|these|those)\s+(?:are|were)(?=\s+[A-Z][a-z]+\s+[A-Z])|"
    # "The entities are Intellexa S.A., …; and Cytrox Holdings Zrt"
    # ("The arrestees are Md Rakibul Hasan, 32, …", "The four include Ahmed Samir Abdel-Fattah, 26, …")
    # ("The other five were named as A, B, C, D and E")
    # ("The suspects include Lin Wei-chieh, Huang Tzu-hao and Tsai Ming-yen, according to the notice")
    r"the (?:entities|companies|firms|individuals|arrestees|detainees|suspects|defendants|(?:new |other )?names|"
    rf"(?:other |remaining )?(?:{'|'.join(GROUP_NUMBERS)}))\s+(?:are|were|include[sd]?)"
    r"(?:\s+(?:named|identified|listed)\s+as)?|"
    # "They include the Internet Research Agency, … and Yevgeny Prigozhin" (right after a measure)
    # ("Among those held by the Delhi Police's cyber unit were A and B", "Among them was Eduard Benderskiy")
    # (not "Among those whose emails were stolen and published by the group was Sir Richard Dearlove": victims)
    r"(?:they|these)\s+include[sd]?|"
    r"among (?:them|those\b(?!\s+(?:whose|targeted|hacked|affected|hit)\b)[^.;]{0,60}?)\s+(?:are|were|was|is)\b|"
    # "Two of them are officers of Russia's Federal Security Service - Ruslan Peretyatko and Andrey Korinets -"
    rf"(?:{'|'.join(GROUP_NUMBERS)}|one) of (?:them|those)\s+(?:are|were|is|was)\b|"
    r"also (?:named|listed|sanctioned|designated|charged|targeted|"
    r"indicted) (?:were|was|are|is)|"
    # "Four people were also named: A, …; B, …; and C"
    rf"(?:{'|'.join(GROUP_NUMBERS)}|\d+) (?:people|individuals|persons|men|women|officers|executives|managers) "
    r"(?:were|are) (?:also )?(?:named|listed|sanctioned|designated|charged|indicted|targeted)\b|"
    r"among (?:those|the people|the individuals|the entities) (?:listed|sanctioned|"
    r"designated|named|charged|indicted|targeted) (?:were|are|was|is)|"
    # "Among the i-Soon employees charged were founder Wu Haibo and…"
    r"among the (?:[\w-]+\s+){0,2}?(?:employees|officers|officials|members|operatives|executives|staff|nationals|"
    r"suspects|defendants|men|hackers) (?:listed|sanctioned|designated|named|charged|indicted|targeted|arrested|"
    r"detained) (?:were|are|was|is)|"
    # "The officers, Andrei Volkov and Maxim Lebedev, belong to…", "The two men, Vitaliy Bondar, 28, and…"
    rf"the (?:(?:{'|'.join(GROUP_NUMBERS)})\s+)?(?:officers|men|women|suspects|defendants|hackers|individuals|people|"
    r"nationals|pair|trio)\s*(?:[,:—–](?=\s*[A-Z])|"
    # "The officers, members of PLA Unit 61398 in Shanghai, include Wang Dong and Sun Kailiang", "The men, named in the
    # indictment as A, B and C, are…"
    r",\s+[^,;]{1,80},\s+(?:include[sd]?|are|were)|,\s+(?:named|identified)\s+(?:[^,;]{0,40}?\s+)?as)|"
    # "The others named in the indictment were Wen Xinyu, Huang Zhenyu and Gu Chunhui"
    r"the others?\s+(?:named|charged|indicted|sanctioned|designated|listed)(?:\s+in\s+the\s+\w+)?\s+"
    r"(?:include[sd]?|are|were)|"
    # "The indictment names the officers as…", "The Foreign Office named the company as X and the director as Y", "The
    # indictment names the men, all members of GRU Unit 74455, as…"
    r"[^.;]{0,60}?\bnam(?:ed|es)\s+(?:them|the\s+(?:\w+\s+)?(?:officers|men|suspects|defendants|hackers|company|"
    r"companies|firm|director|individuals|two|three|four|five|six|seven|pair|trio|duo|nationals))"
    r"(?:,\s+[^,;]{1,80},)?\s+as)\b",
    re.IGNORECASE,
)

# "sanctions on six people it said were responsible for attacks, including two members of a group…": a list of
# targets after the measure's content; not one of incidents ("including the attempted hacking of the OPCW").
INCLUDING = re.compile(r",\s+including\s+")
INCIDENT_PHRASE = re.compile(
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:hack\w*|(?:cyber)?attacks?|breach\w*|intrusions?|campaigns?|operations?|"
    r"thefts?|outbreak)\b",
    re.IGNORECASE,
)

# "the police said six suspects had been identified and detained": people the reporter does not name.
# "Spanish police said Mikhail Orlov was arrested…": the body that reports a passive legal act in its own clause.
REPORTING_BODY_VERB = re.compile(
    # (the people's ages between commas: "said Roman Berezhnoy, 33, and Egor Glebov, 39, were charged")
    r"\b(?:said|says|announced|confirmed|stated)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?=(?:[^,;]|,\s*\d{1,3}\s*,)*$)",
    re.IGNORECASE,
)

REPORTED_UNNAMED_PEOPLE = re.compile(
    r"\b(?:said|says|announced|reported|confirmed)\s+(?:that\s+)?(?:\w+\s+){0,3}?(?:suspects|people|persons|"
    r"individuals|members|men|hackers|operators|affiliates)\s+(?:had\s+|have\s+|were\s+)?(?:been\s+)?"
    r"(?:\w+\s+and\s+)?$"
)

# "after U.S. agents detained Roman Seleznev": the people of a state who act for it.
AGENTS_NOUN = re.compile(
    r"\s+(?:federal\s+)?(?:agents|police|officials|authorities|prosecutors|investigators|officers|forces|troops)\s+"
)

# "the Sandworm hacking group" names the group; "three Evil Corp members" are its people, not its victims.
HACKING_GROUP_NOUN = re.compile(r"\s+hacking\s+(?:group|gang|unit|team|collective|crew|outfit|cell)s?\b")
GROUP_PEOPLE_NOUN = re.compile(r"\s+(?:members|operators|affiliates|leaders)\b")

# "through facilitators in China", "offices in Texas": a state named as a place …
PLACE_BEFORE = re.compile(
    r"\b(?:in|across|throughout|inside|within)\s+(?:the\s+)?$"
    # "Sergei Ivanov, a programmer from Moscow": where a person comes from
    rf"|\b(?:{PERSON_TRADES})\s+(?:originally\s+)?from\s+(?:the\s+)?$"
    # "Vinnik extradited to US", "sent him to the United States": where a person is taken, not whom a measure hits
    r"|\b(?:extradit\w*|sent|sends|handed(?: over)?|transferred|deported|flown|returned)\s+(?:\w+\s+){0,2}?to\s+"
    r"(?:the\s+)?$"
)
# … unless it qualifies a noun ("called in China's ambassador", "the U.S. ambassador") …
STATE_AS_MODIFIER = re.compile(
    r"['’]s\b|\s+(?:ambassador|envoy|embassy|charg|diplomat|officials?|government|authorities|military|forces|"
    r"hackers?|agents?|intelligence)"
)
# … or says where the actors are ("hackers based in China").
ACTORS_IN_PLACE = re.compile(
    r"\b(?:based|located|operating|hackers|groups?|actors?|spies|officers|units?)\s+in\s+(?:the\s+)?$", re.IGNORECASE
)

# What a measure is taken for: "sanctions against Moscow over its invasion of Ukraine".
MEASURE_REASON = re.compile(
    # ("recalled its ambassador to Israel in protest at Israeli arms sales to Azerbaijan")
    r"[^.;]{0,60}?\b(?:over|for|because of|in response to|in retaliation for|citing|in protest (?:at|over|against))\s+"
    r"(?P<reason>[^.;]{3,100})",
    re.IGNORECASE,
)

# "said during a visit to Australia", "speaking on a trip to Japan": where a speaker is, not whom a measure is against.
VISITED_BEFORE = re.compile(r"\b(?:visit|trip|tour|stop(?:over)?)\s+(?:to|in)\s+(?:the\s+)?$")
# "…accused of administering Phobos, has been extradited from South Korea to the United States": the states a
# person was sent from and to ("from the Republic of Georgia").
# (not "expelled four diplomats linked to Russia": those expelled are the state's)
SENT_FROM_BEFORE = re.compile(
    r"\b(?:extradited|deported|transferred|handed\s+over|flown)\s+(?:back\s+)?"
    r"(?:(?:from|to)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+(?:of\s+)?){1,4})?(?:from|to)\s+(?:the\s+)?"
    r"(?:Republic\s+of\s+)?$"
)

# "Oleksandr Sklianko and Mykola Chernykh of the FSB-backed Armageddon group, which…": the body or group a listed
# person belongs to, no target of its own.
PERSON_AFFILIATION = re.compile(
    r"\s+of\s+(?:the\s+|its\s+)?(?:[\w.'’-]+\s+){0,4}?(?:group|gang|unit|service|agency|team|directorate|ministry)\b"
)

# What describes a listed party up to the next item: "Tal Jonathan Dilian, a former Israeli military intelligence
# officer who founded Intellexa, and…", "Intellexa S.A., based in Greece;".
LISTED_APPOSITION = re.compile(
    # ('Maksim Mikhailov ("Baget"), who worked on development;': an alias in brackets before the description)
    r"(?:\s+\([^()]{1,40}\))?(?:,\s+(?:\d{2},\s+)?(?:an?\s|the\s|whom\s|who\s|which\s|based\s|both\s|registered\s|its\s|"
    r"his\s|her\s)[^;]*?(?=,\s+(?:and|as well as|along with)\s|;|,\s+(?-i:[A-Z])|$)|(?<=\))(?=[,;]))"
)


UNNAMED_PEOPLE = (
    rf"{PERSON_TRADES}|ringleaders?|leaders?|operators?|members?|youths?|brothers|sisters|people|persons|individuals|"
    r"specialists?|workers?|employees?|officers?|officials|agents?|administrators?|consultants?|graduates?|"
    r"technicians?|managers?|vendors?|owners?|accountants?|analysts?|expatriates?|operatives?|spy|spies"
)

# "detained a 28-year-old man in Kyiv", "the arrest of a 22-year-old British man", "charged two Ukrainian men": a
# legal act against people the sentence describes without naming them (the report names them next).
UNNAMED_PERSON_OBJECT = re.compile(
    rf"\s+(?:(?:of|on|against)\s+)?(?:an?|the|{'|'.join(GROUP_NUMBERS)}|\d{{1,2}})\s+(?:(?:suspected|alleged|\d{{2}}-year-old|[\w'’-]+)\s+){{0,4}}?"
    rf"(?:{UNNAMED_PEOPLE})\b(?!\s*,\s+(?-i:[A-Z]))|"
    r"\s+an?\s+\d{2}-year-old\b(?!\s*,\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# "The pair were arrested…", "The two men were charged…", "Both were detained…", "They have been charged…": people
# named before, as the subject of a passive measure.
PASSIVE_ANAPHOR = re.compile(
    rf"^\W*(?:the\s+(?:pair|duo|trio|(?P<number>{'|'.join(GROUP_NUMBERS)})(?:\s+(?:men|women|suspects|defendants|hackers|"
    # ("The men are charged with wire fraud conspiracy": the people named before, as "they")
    r"teenagers|brothers))?)|both(?:\s+(?:men|women|suspects))?|"
    r"(?P<they>they|the\s+(?:men|women|suspects|defendants))|"
    # "He was arrested by Spanish police last month": the one person named before
    r"(?P<one>he|she|the\s+(?:suspect|man|woman|hacker|defendant|accused|teenager|student|\d{2}-year-old)))"
    r"\s+(?:(?:had|have|has)\s+)?(?:also\s+)?(?:were|was|been|are|is)?\s*$",
    re.IGNORECASE,
)

# "A Russian national wanted by the United States… was held by the Guardia Civil": the same people as the subject of
# a passive measure.
# "Three Chinese nationals were charged": how many people a measure's sentence describes.
COUNTED_DESCRIBED = re.compile(
    rf"\b(?P<number>{'|'.join(GROUP_NUMBERS)})\s+(?:[\w-]+\s+){{0,3}}?(?:{UNNAMED_PEOPLE})\b", re.IGNORECASE
)

UNNAMED_PERSON_SUBJECT = re.compile(
    rf"^\W*(?:an?|{'|'.join(GROUP_NUMBERS)}|\d{{1,2}})\s+(?:(?:suspected|alleged|\d{{2}}-year-old|[\w'’-]+)\s+){{0,4}}?"
    rf"(?:{UNNAMED_PEOPLE})\b(?!\s*,\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)

# The sentence after that names them: "The suspect, Oleh Marchenko, is accused…", "The two men, Vitaliy Bondar, 28,
# and Serhiy Melnyk, 30, were…", "Named by investigators as Oleh Marchenko, he…", "Local media identified the suspect
# as Mario Lozano", "Walter Delgatti Neto, a hacker…, was taken into preventive custody", "The National Crime Agency
# named the suspect on Friday as Callum Reeves", "One of them… was later named by French prosecutors as Volodymyr
# Tkachenko", "Rahul Kumar, 26, and Sanjay Mahto, 29, were picked up…".
_NAMES = rf"{NAME}(?:,\s+\d{{2}})?(?:,?\s+and\s+{NAME}(?:,\s+\d{{2}})?)?"
_FROM = r"(?:,\s+(?:from|of)\s+[^,;.]{1,40})?"  # where a person listed with their age comes from ("of Chicago")
# Between two people of a list: "…, 19, from east London, and …".
PERSON_LIST_GAP = re.compile(r",\s+(?:\d{2},\s+)?(?:(?:from|of)\s+[^,;.]{1,40},\s+)?(?:and\s+)?")
# A list of names with ages and descriptions: "Igor Olegovich Turashev, a Russian national also wanted by the FBI, Irina
# Zemlianikina and Igor Garshin", "Yuriy Andrienko, 32; Sergey Detistov, 35; and Pavel Frolov, 28".
_LIST_ITEM = rf"{NAME}\.?(?:,\s+\d{{2}})?(?:,\s+(?:an?|the)\s+[^,;.]{{1,60}}(?=,))?"  # ("Marek Z. and Tomasz R.")
_NAME_LIST = rf"{_LIST_ITEM}(?:(?:[,;]\s+(?:and\s+)?|,?\s+and\s+){_LIST_ITEM})*"
# "Two men were detained…, officials said, identifying them as Rakibul Hasan and Tanvir Ahmed": the people a measure
# described, named at the end of its own sentence.
IDENTIFIED_THEM = re.compile(
    r",\s+(?:identifying|identified|naming|named)\s+(?:them|him|her|the\s+(?:two|three|four|five|men|suspects))\s+as\s+"
)
# "imposed sanctions on two men it said were involved in the activity: Ruslan Peretyatko, … and Andrey Korinets": the
# people the measure described, named after a colon.
NAMED_AFTER_COLON = re.compile(r"[^:;.]{0,100}:\s+")

NAMED_LATER = re.compile(
    # ("The engineer, Chen Wei-lun, has confessed")
    r"^\W*(?:The|That|This|Both)\s+(?:[\w-]+\s+){0,2}?(?:suspects?|m[ae]n|wom[ae]n|teenagers?|students?|pair|two|three|"
    r"youths?|hackers?|nationals?|citizens?|ringleader|leader|defendants?|officials|officers|accused|engineers?|"
    r"programmers?|administrators?|technicians?|consultants?|employees?|workers?|expatriates?|businessm[ae]n),\s+"
    rf"(?:\d{{2}}-year-old\s+)?(?P<names>{_NAMES}),|"
    # "The officials — Hamid Reza Lashgarian, Mahdi Lashgarian, … — belong to…", "According to the Internal Security
    # Service (KAPO), the three men — A, B and C — belong to…"
    r"^\W*(?:According to [^,;]{2,60},\s+)?[Tt]he\s+(?:[\w-]+\s+){0,2}?"
    r"(?:suspects|men|women|hackers|nationals|officials|officers|defendants|individuals)"
    rf"\s*[—–-]\s*(?P<names10>{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME})\s*[—–-]|"
    # ("The accused, identified as Nikhil Pawar, had worked…", "The four, named in a court order as A, B, C and D, were
    # detained")
    r"^\W*The\s+(?:suspects?|m[ae]n|wom[ae]n|accused|defendants?|detainees?|two|three|four|five|six|pair),\s+"
    r"(?:later\s+)?(?:named|identified)\s+[^,;]{0,60}?\bas\s+"
    rf"(?P<names2>{NAME}(?:,\s+{NAME})*(?:,?\s+and\s+{NAME})?)|"
    rf"^\W*(?:Named|Identified)\s+(?:[^,.;]{{0,60}}?\s+)?as\s+(?P<names3>{NAME}),|"
    # "Named in the indictment returned by a federal grand jury in Pittsburgh are Yuriy Andrienko, 32; Sergey Detistov,
    # 35; …"
    rf"{_INVERTED_PASSIVE}(?P<names12>{_NAME_LIST})|"
    # ("named two of the suspects as Isaac Mugisha, a systems administrator, and Sarah Nakato")
    r"\b(?:named|identified)\s+(?:him|her|them|(?:(?:one|two|three|four|five|six)\s+of\s+)?the\s+(?:suspects?|m[ae]n|"
    r"wom[ae]n|pair|two|teenager|student)s?)\s+"
    rf"(?:on\s+\w+\s+)?as\s+(?P<names4>{NAME}(?:,\s+{NAME})*(?:,\s+[^,;]{{1,60}},)?(?:,?\s+and\s+{NAME})?)|"
    rf"\bwas\s+later\s+named\s+(?:[^,.;]{{0,60}}?\s+)?as\s+(?P<names5>{NAME})|"
    # "The suspects were named as Igor Olegovich Turashev, a Russian national also wanted by the FBI, Irina
    # Zemlianikina and Igor Garshin"
    # ("The men, aged 24 and 29, were identified under Polish privacy law as Jakub K. and Pawel W.")
    r"^\W*The\s+(?:[\w-]+\s+){0,2}?(?:suspects|men|women|hackers|defendants|officers|officials|members|pair|two|"
    r"three|four)(?:,\s+[^,;]{1,40},)?\s+"
    rf"(?:were|have been|had been|are)\s+(?:named|identified)\s+(?:[^,.;]{{0,60}}?\s+)?as\s+(?P<names11>{_NAME_LIST})|"
    # "Ruslan Astamirov, 20, of Chechnya, is the third person charged", "Conor Brian Fitzpatrick, who the FBI says
    # used the alias…, was charged": a sentence that opens with a name and its age or a description
    # "Usman Qureshi, 27, and his brother Bilal Qureshi, 23, were picked up"
    rf"^\W*(?P<names9>{NAME},\s+\d{{2}},\s+and\s+(?:his|her)\s+\w+\s+{NAME},\s+\d{{2}}),\s+(?:were|have|had)\b|"
    # ("Jon Chang Hyok, 31, Kim Il, 27, and Park Jin Hyok, 36, are members of…")
    # ("Thalha Jubair, 19, from east London, and Owen Flowers, 18, from Walsall, were arrested")
    rf"^\W*(?P<names6>{NAME},\s+\d{{2}}{_FROM}(?:,\s+{NAME},\s+\d{{2}}{_FROM})*(?:,?\s+and\s+{NAME},\s+\d{{2}}{_FROM})?)\b|"
    # "Yuliya Pankratova is named as the leader and spokesperson of the group. Denis Degtyarenko is named as its primary
    # hacker.": one of those described, named in a sentence of their own
    rf"^\W*(?P<names13>{NAME})\s+(?:is|was|has been)\s+(?:also\s+)?(?:named|identified|described)\s+as\s+"
    r"(?:the|its|their|a|an|one)\b|"
    # "According to the Council, Ruslan Peretyatko and Andrey Korinets are members of the Callisto Group", "Oleksandr
    # Sklianko and Mykola Chernykh belong to Armageddon": those described, named by what they belong to, a sentence each
    rf"^\W*(?:According\s+to\s+[^,;]{{1,60}},\s+)?(?P<names14>{NAME}(?:,\s+{NAME})*(?:,?\s+and\s+{NAME})?)\s+"
    r"(?:(?:are|is|were|was)\s+(?:(?:also|both|all|allegedly|said\s+to\s+be)\s+)?(?:members?|officers?|operators?|"
    r"leaders?|employees|administrators?|developers?|affiliates?)\s+of|belongs?\s+to|belonged\s+to|"
    # ("Rim Jong Hyok worked for Andariel, a unit of North Korea's Reconnaissance General Bureau")
    r"work(?:s|ed)\s+for)\b|"
    # "Latvian Andrejs Peregudovs, Romanian Mihail Colibaba and Moldovan Niklaev Penkov were found guilty": a list of
    # two or more opening the sentence (each with their nationality, which _named_later takes off)
    rf"^\W*(?P<names15>{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME})\s+(?:were|are|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:found\s+guilty|convicted|sentenced|jailed|charged|indicted|arrested|detained|extradited|sanctioned|designated)\b|"
    rf"^\W*(?P<names7>{NAME}),\s+(?:an?|the|who|whom|of|from)\s+[^;]{{1,120}}?,\s+(?:[a-z]+\s+){{0,2}}?"
    r"(?:was|were|is|are|has|had|faces?|remains?|appeared|pleaded|used|ran)\b|"
    # "two of those detained, Roman Muromsky and Andrei Bessonov", "two of the men, Russian nationals Roman
    # Berezhnoy, 33, and Egor Nikolaevich Glebov, 39"
    r"\b(?:one|two|three|four|five|both|all)\s+of\s+(?:the|those|them)\b[^,;]{0,30},\s+(?:[A-Z]?[a-z][\w-]*\s+){0,3}?"
    rf"(?P<names8>{_NAMES})|"
    # "Investigators believe the four operate online under the aliases ShinyHunters, Hollow, Noct and Depressed"
    r"\b(?:the|these|those)\s+(?:suspects|men|women|hackers|pair|two|three|four|five|six)\s+(?:\w+\s+){0,2}?"
    r"(?:operate|operated|go|went|are\s+known|were\s+known)\s+(?:online\s+)?(?:under|by)\s+the\s+(?:aliases|handles|"
    r"nicknames|pseudonyms|monikers)\s+"
    r"(?P<names16>[A-Z][\w$.-]*(?:,\s+[A-Z][\w$.-]*)*,?\s+and\s+[A-Z][\w$.-]*)"
)

# "Independent experts who monitor UN sanctions on Pyongyang", "the UN panel that monitors sanctions on North Korea",
# "in defiance of international sanctions": a sanctions regime spoken of.
SANCTIONS_REGIME = re.compile(
    r"\bmonitor\w*\s+(?:(?:UN|U\.N\.|United Nations|international)\s+)?sanctions|sanctions\s+monitors|"
    r"sanctions\s+(?:committee|regime|panel|monitoring)|(?:defiance|evasion|violation)\s+of\s+(?:\w+\s+)?sanctions|"
    r"(?:evade|evading|circumvent\w*|bust\w*)\s+(?:\w+\s+)?sanctions",
    re.IGNORECASE,
)

# The widest patterns answer at once for a text without any of the words they require (prefilter.py).
NAMED_COUNTED = prefiltered(NAMED_COUNTED)
SANCTIONS_CONTEXT = prefiltered(SANCTIONS_CONTEXT)
LISTED_CONTINUATION = prefiltered(LISTED_CONTINUATION)
