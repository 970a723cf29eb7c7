"""The words and phrase shapes that news reports use for claims, denials, subjects and background (regular
expressions; measures are in measure_cues.py, names in name_cues.py).

Each pattern is one linguistic rule; its comment says what shape of news language it reads.
"""

import re
from functools import lru_cache

from attribution.extraction.name_cues import CRIMINAL_WORDS, GROUPS_NAMED_AS, NOT_A_PRICE, PERSON_TRADES
from attribution.extraction.prefilter import prefiltered

CYBER = re.compile(
    r"\b(?:cyber\w*|hack\w*|attack\w*|breach\w*|intrusion\w*|ransomware|malware|spyware|wiper|espionage|operation|"
    r"campaign|phishing|ddos|denial[- ]of[- ]service|compromis\w*|incident|spying|spied|surveillance|eavesdrop\w*|"
    r"wiretap\w*|intercept\w*|"
    # "infected more than 400,000 computers with its botnet", "charged with conspiracy to commit computer fraud"
    r"botnets?|trojans?|keyloggers?|rootkits?|computer (?:fraud|crimes?|misuse|intrusions?)|cryptojack\w*|"
    r"data theft|sim[- ]swap\w*)\b",
    re.IGNORECASE,
)

# In a report about a cyber operation, a claim refers to it unless the sentence names another kind of act
# ("which Tehran accuses of carrying out terrorist acts").
OTHER_OFFENCES = re.compile(
    r"\b(?:terror\w*|murder\w*|assassinat\w*|bomb\w*|kidnap\w*|shoot\w*|killings?|poison\w*|war crimes?|"
    r"smuggl\w*|corruption|money laundering|drug\w*|invasion|airstrikes?|missiles?|coup|arson\w*|protests?|"
    r"executions?|riots?)\b",
    re.IGNORECASE,
)

# "denied sending troops and weapons to support the separatists": a deed of war, not a cyber operation (not "denied
# targeting drug companies", "denied stealing data from companies that make weapons": victims).
DENIED_ARMING = re.compile(
    r"\s+(?:\w+ly\s+|ever\s+)?(?:sending|supplying|deploying|providing|arming|funding)\b[^.;,]{0,40}?\b(?:troops|weapons|soldiers|fighters|arms|"
    r"mercenaries|militants)\b",
    re.I,
)
# "recalled its ambassador to Israel in protest at Israeli arms sales to Azerbaijan": a trade in arms as a reason (not
# "the Organisation for the Prohibition of Chemical Weapons": a victim's name).
ARMS_TRADE = re.compile(r"\b(?:arms|weapons)\s+(?:sales|deals|exports|supplies|deliveries)\b", re.I)

# "joined European Union sanctions against Moscow over the war in Ukraine": a war as what a measure or charge is about
# (not a "cyber war", "hybrid war" or "information war").
WAR_REASON = re.compile(r"(?<!cyber )(?<!cyber-)(?<!hybrid )(?<!information )\bwar\s+(?:in|on|against|with)\b", re.I)

HEDGE = re.compile(
    # ("…but added that INSA had no information that the hackers were directed by the Egyptian government")
    r"\b(?:no evidence|no information that|not (?:yet )?(?:been )?(?:attributed|blamed|identified)|"
    r"declined to (?:speculate|name|attribute|say who|identify)|speculat\w+|may have been|might have been|"
    r"could have been|possibly|"
    # "the obvious suspects would be Russian services, but it could just as well be a criminal group"
    r"(?:suspects?|culprits?|perpetrators?)\s+would\s+be\b|"
    # (not "further attacks may well be coming")
    r"(?:could|might|may)\s+(?:just\s+as|equally|as)\s+well\s+be\b|"
    # ("said it could not conclusively identify which customer had used the spyware")
    r"unclear|did not (?:name|say who|identify|attribute)|"
    r"(?:could|can)(?: not|n[’']t|not) (?:\w+ly )?(?:identify|tell who|say who|determine who)|"
    # ("The Justice Department has not suggested that the trading scheme was directed by the Russian state")
    r"(?:has|have|had|did|does) not (?:suggested|suggest|alleged|allege|claimed|claim)\b|"
    r"without (?:\w+ly )?(?:naming|blaming|accusing)|"
    r"stop\w* short of|"
    # "Trend Micro does not formally attribute Pawn Storm to any government", "Google did not suggest any link between
    # the defendants and the Russian government"
    # (not "did not find any link to customer data")
    r"(?:does|do|did)(?: not|n[’']t) (?:(?:\w+ly )?(?:attribute|blame|accuse|link)|(?:suggest|allege|claim|assert|"
    r"establish|find|make|draw)\s+(?:any|a)\s+(?:direct\s+)?(?:link|connection|tie)s?\s+between\b)|"
    # "Citizen Lab said it had not conclusively linked the infections to any customer"
    r"(?:has|have|had)(?: not|n[’']t)(?: yet)? (?:\w+ly )?(?:attributed|blamed|accused|linked|tied)\b|"
    r"would not say|if (?:it|they) (?:were|was)|"
    r"whether|rumou?r\w*|unconfirmed|unverified|it is not known|not (?:yet )?clear|"
    r"if (?:it|they|he|she|investigators) (?:determin|conclud|f[io]und|confirm|establish)\w*|"
    # ("if this hacking is confirmed and it concerns cyber espionage, the government strongly condemns this
    # intrusion", "if foreign involvement were established"): what is said holds only once the deed is proven
    r"\bif\s+(?:[\w-]+\s+){1,4}?(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?(?:confirmed|proven|proved|established|"
    r"verified|substantiated)\b|"
    r"no (?:one|group|country|government|suspect|party|individual|state|culprit|attacker|perpetrator|actor)s? "
    r"(?:has|have|had|was|were|is)|"
    r"(?:could|might|may) be (?:read|seen|interpreted|viewed)|"
    r"(?:was|were|is|are) (?:reported|said) to (?:have|be)|"
    # "attributing all Chinese malware to the Chinese state would be wrong": a claim called mistaken or premature
    r"would be (?:\W*)(?:wrong|misleading|premature|a mistake|unwise)|(?:too early|premature) to|"
    # "He said it was possible that other Russians helped run the operation"
    # (not "it was possible to trace the payments": an ability)
    r"(?:it|that)(?:\s+(?:is|was|remains|remained)|['’]s)\s+(?:\w+\s+)?possible\b(?!\s+to\b))",
    re.IGNORECASE,
)

# "…said the attacks came from India, Russia and China. She stressed that the council was 'not accusing any
# government or any country'": a disclaimer that takes back what the sentence before seemed to say of states.
DISCLAIMER = re.compile(
    r"\b(?:not|never|without)\s+(?:\w+ly\s+)?(?:accus\w+|blam\w+|attribut\w+|nam\w+|point\w*\s+(?:the|a)\s+finger\s+at)"
    r"\s+(?:[\w'’-]+\s+){0,4}?any\s+(?:\w+\s+)?(?:governments?|country|countries|states?|nations?)\b",
    re.IGNORECASE,
)

# '"…the obvious suspects would be Russian services." At this stage it is speculation," he said': a sentence that
# calls what was just said speculation takes it back.
SPECULATION_OF_WHAT_WAS_SAID = re.compile(
    r"^\W*(?:(?:at\s+this\s+(?:stage|point)|for\s+now|so\s+far|for\s+the\s+moment),?\s+)?(?:this|that|it|all\s+this)\s+"
    r"(?:is|was|remains|remained)\s+(?:still\s+|only\s+|pure\s+|just\s+|mere\s+)?(?:speculat\w+|conjecture|guesswork)\b"
    # (not "It is speculation that they also targeted Google": a clause of its own)
    r"(?!\s+(?:that|whether)\b)",
    re.IGNORECASE,
)

# A trailing clause that hedges what was just said: "…, but that is still speculative", "…, though it remains
# unconfirmed".
HEDGE_OF_WHAT_WAS_SAID = re.compile(
    r"\W*(?:that|this|it)\s+(?:is|was|remains|remained)\s+(?:still\s+|only\s+|so\s+far\s+)?(?:speculat\w*|unconfirmed|"
    r"unverified|unclear|not\s+(?:yet\s+)?(?:proven|confirmed|clear))\b"
    # (not "…, but it is not yet clear how many systems were affected": a question about something else)
    r"(?!\s+(?:whether|how|if|who|what|when|why|which)\b)",
    re.IGNORECASE,
)

# Where a trailing clause with its own qualification begins.
HEDGED_CLAUSE = re.compile(
    r",\s+(?:adding|saying|noting|but|though|although|while|whereas|without)\b|;\s+|\s+but\s+(?=\w+\s+(?:said|says|added|"
    r"declined|did|had|has|have|cautioned|noted))|"
    # "The Kremlin rejected the allegations, and Russia's embassy said the German side had presented no evidence"
    r",\s+and\s+(?=(?:[\w'’.-]+\s+){1,5}?(?:said|says|added|noted|insisted)\b)|"
    # "…it had received the key from Brain Cipher, the group it has identified as responsible, and was testing whether
    # it worked": the second predicate of the same subject
    r",\s+and\s+(?=(?:was|were|is|are)\s+\w+ing\b)|"
    # "…, according to the source, who did not name the group": what someone named in the sentence did not do
    r",\s+(?:who|which)\s+(?=(?:\w+\s+){0,2}?(?:did|does|do|has|have|had|would|could)\s+not\b)",
    re.IGNORECASE,
)

BACKGROUND = re.compile(
    # ("previously unknown", "previously undocumented tools": what is new now)
    # "…the 2016 theft from Bangladesh's central bank, which researchers and U.S. officials have linked to hackers
    # working for North Korea": a claim told in the perfect about an earlier deed (_background keeps a claim of now
    # before it)
    r"(?P<relative_claim>,\s+which\s+(?:[\w.'’-]+\s+){1,6}?(?:have|has)\s+(?:also\s+|widely\s+)?"
    r"(?:linked|tied|attributed|blamed|connected)\s+(?:to|on)\b)|"
    # ("hit by 6,500 cyberattacks in the past two months", "in the past week": a recent span, not the past)
    r"\b(?:in the past(?!\s+(?:(?:\d+|few|couple of|two|three|four|five|six|several)\s+)?(?:hours?|days?|weeks?|"
    r"months?|year)\b)|on many occasions|"
    r"previously(?! (?:un(?:known|documented|disclosed|reported|seen|detected|identified|named|published|described|"
    r"attributed)|secret)\b)|^\W*in (?:19|20)\d\d, |decades? ago|"
    r"historically|has long|had long|at the time(?! of)|(?:have|has|had) in recent years|^\W*in recent years|"
    # "Russia has repeatedly been accused of…", "…has been accused by Ukraine of repeated cyberattacks": a record of
    # accusations, not one of the news
    r"(?:has|have)\s+(?:repeatedly|often|frequently|regularly|routinely)\s+been\s+(?:accused|blamed)\b|"
    # "U.S. and British intelligence agencies have linked APT29 to Russia's Foreign Intelligence Service": who a group
    # is, told in the perfect, not a claim of the news
    r"(?:have|has)\s+(?:\w+ly\s+)?(?:linked|tied|attributed|connected)\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z]\w*))?"
    r"\s+to\s+(?:the\s+)?(?-i:[A-Z][\w.-]*)(?:['’]s\s+(?:[\w-]+\s+){0,2}?(?:intelligence|military|security|"
    r"(?-i:[A-Z]))|\s+(?:intelligence|military)\b)|"
    # "…had linked APT28 to the GRU as far back as 2018", "Last month Japanese police and the FBI jointly blamed…"
    # ("Late last year, researchers at Palo Alto Networks said…")
    r"as far back as|as early as (?:19|20)\d\d|^\W*(?:(?:late|early|earlier|later)\s+)?last (?:month|year)\b|"
    # "APT29 was accused by U.S., British and Canadian officials last year of trying to steal vaccine research"
    # (not "was accused by Britain on Tuesday of hacking…, which it breached last year": the year of the deed)
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:accused|blamed)\s+by\s+(?:(?!\b(?:on|of|for|over)\b)[^;]){1,80}?\s+last\s+year\b"
    r"(?!['’]s)|"
    # "…since at least 2015, when hackers that the United States later blamed on the GRU cut power…"
    r"\bsince\s+(?:at\s+least\s+)?(?:19|20)\d\d,\s+when\b|"
    r"^\W*earlier this (?:month|year)\b|"
    # "Moscow had expelled Britain's defence attache in May": a sentence in the pluperfect, dated to a month or year
    # (not "said it had expelled…", "concluded that Tehran had orchestrated…": what is reported now)
    r"^\W*(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}had\s+(?!been\b)\w+ed\b[^.;]{0,80}?\bin (?:(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)|(?:19|20)\d\d)\b|"
    r"(?<!with )earlier (?:\w+ )?(?:thefts|attacks|hacks|breaches|intrusions|incidents|campaigns|operations)|"
    # "The announcement follows Operation Cronos in February, when the NCA and the FBI seized LockBit's servers"
    r"^\W*(?:the|this|it|that)\s+(?:[\w-]+\s+){0,3}?(?:follows|followed|comes\s+after|came\s+after)\s+[^.;]{1,60}?"
    r"\bin\s+(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|(?:19|20)\d\d),\s+when|"
    # "The designations follow a first round of joint sanctions in February against seven alleged Trickbot members" (not
    # "These sanctions follow an intrusion in June, and the FBI said on Thursday that…": a claim of now after it)
    # ("Tuesday's measures build on a February operation, dubbed Cronos, in which the NCA … seized the gang's servers")
    r"^\W*(?:the|these|this|those|\w+day['’]s)\s+(?:[\w-]+\s+){0,2}?(?:designations|sanctions|measures|move|charges|"
    r"indictments?|arrests?|announcement|action|case)\s+(?:follows?|followed|comes?\s+after|came\s+after|builds?\s+on|"
    r"built\s+on)\s+[^.;]{0,60}?\b(?:in\s+|an?\s+)(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:19|20)\d\d)\b(?![^.;]*\b(?:said|says|told|announced)\b)|"
    # "The attack came weeks after the German government blamed APT28…", "The incident comes a month after…": what was
    # told weeks or more before the news is its background (not "came a day after", "days after": the same news)
    r"^\W*(?:the|this|it|that)\s+(?:[\w-]+\s+){0,3}?(?:comes?|came|follows|followed)\s+(?:(?:just|only|barely|about|"
    r"nearly|almost|some|more\s+than|less\s+than)\s+)?(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)?\s*"
    r"(?:weeks?|months?|years?)\s+after)\b",
    re.IGNORECASE,
)

# "as operators of the Glupteba botnet": those named as running what attacked.
_RUNNERS_OF = (
    r"(?:the\s+)?(?:operators?|administrators?|masterminds?|ringleaders?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:botnet|ransomware|malware|gang|scheme|campaign)s?"
)

ATTRIBUTION_CUES = re.compile(
    r"\b(?:blam\w*|attribut\w*|accus(?:e|ed|es|ing)\b|pinned\b|"
    # "Hamza Bendelladj, who is wanted by the United States for stealing millions…": the state that seeks him blames him
    r"(?:(?<=\bis )|(?<=\bwas ))wanted\s+by(?=[^.;]{1,60}?\b(?:for|over|in connection with|on charges)\b[^.;]{0,60}?"
    r"\b(?:hack\w*|cyber\w*|ransomware|malware|breach\w*|computer|data theft|ddos|botnet))|"
    r"(?:orchestrated|sponsored|carried out|conducted|perpetrated|launched|directed|committed|organi[sz]ed) by|"
    # 'said the campaigns were "backed by the Indian state"'
    r"(?<!\bits )(?<!\btheir )(?<!\bour )\b(?:campaigns?|attacks?|intrusions?)\s+(?:were|was|are|is)\s+[\"“]?"
    r"(?:\w+ly\s+)?backed\s+by(?=\s+(?:the\s+)?(?:[\w-]+\s+)?(?:state|government|military|intelligence|regime)\b)|"
    # "said the emails were sent by APT29": the phishing's sender
    # (not "sent by a compromised account at Poland's foreign ministry": whose account was used)
    r"(?:e-?mails|phishing\s+messages|lures)\s+(?:were|had\s+been|have\s+been)\s+sent\s+by\b(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # "the operation had been run by the GRU" (not "the firm, run by a former researcher")
    r"(?:was|were|been|is|are)\s+(?:\w+\s+)?(?:run|operated|mounted|staged|masterminded) by|"
    # "the full database was being offered for US$5,000 on a dark web marketplace by a group calling itself
    # ShinyHunters": who sells or leaks stolen data (not "data published by the ministry": no seller named so)
    r"(?:data(?:base)?s?|records|files|documents|e-?mails)\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been|"
    r"was\s+being|were\s+being|is\s+being|are\s+being)\s+(?:\w+ly\s+)?(?:leaked|offered|sold|dumped|"
    r"put\s+up\s+for\s+sale)\b[^.;\"“]{0,70}?\bby(?=\s+(?:an?\s+|the\s+)?(?:(?:[\w-]+\s+)?(?:group|hackers?|actor|gang|"
    r"seller)\b|(?-i:[A-Z])))|"
    # "a psychological warfare campaign run by Iran" (not "a company run by former officers": no deed)
    r"(?:(?<=campaign )|(?<=operation )|(?<=attack )|(?<=attacks )|(?<=intrusion )|(?<=intrusions ))"
    r"(?:\w+ly\s+)?(?:run|operated|mounted|staged|masterminded)\s+by\b|"
    # "the devices had been under the control of a GRU unit"
    # (not "the servers, which were under the control of a Polish contractor": what describes the victim's property)
    # (nor "a city that has been under the control of Russian forces", "under the control of Dutch police after the
    # takedown": who holds a place or what was seized)
    r"(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwhich\shad\s)(?<!\bthat\shad\s)(?<!\bwhich\shas\s)(?<!\bthat\shas\s)"
    r"(?<!\bwhich\shave\s)(?<!\bthat\shave\s)(?:was|were|been|is|are)\s+(?:\w+\s+)?under\s+the\s+control\s+of"
    r"(?!\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:forces|troops|authorities|police|administration|company|operator|"
    r"occupiers|army)\b)|"
    # "Britain condemned the Exchange attack as the work of Chinese state-backed groups"
    r"(?:as|was|were|is|are|been)\s+the\s+(?:handi)?work\s+of|"
    # "The culprit, they said, was a previously unknown group, which they have christened Laundry Bear"
    r"\b(?:culprits?|perpetrators?)(?:,\s+(?:\w+\s+){1,3}(?:said|say|says),)?\s+(?:was|were|is|are)"
    # (not "were not Russian hackers", "were French nationals")
    r"(?!\s+(?:not|never)\b)(?!\s+(?-i:[A-Z])\w+\s+(?:nationals|citizens|residents)\b)"
    r"(?=\s+(?:the\s+|an?\s+)?(?-i:[A-Z])|\s+(?:[\w-]+\s+){0,4}?(?:hackers|group|actors?|government)\b)|"
    # "said that the hackers behind the attack were Killnet"
    r"(?:hackers|group|attackers|culprits?|perpetrators?|actors?)\s+(?:responsible\s+for|behind)\s+(?:the\s+|this\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|hacks?|breach(?:es)?|intrusions?|operations?|campaigns?)\s+(?:was|were|is|are)"
    r"(?!\s+(?:not|never)\b)(?!\s+(?-i:[A-Z])\w+\s+(?:nationals|citizens|residents)\b)"
    r"(?=\s+(?:the\s+|an?\s+)?(?-i:[A-Z])|\s+(?:[\w-]+\s+){0,3}?(?:hackers|group|actors?|government)\b)|"
    # "said the cyberattack bore the hallmarks of Russian state hackers"
    r"(?:bore|bears|bear|had|has|carried|carries)\s+(?:all\s+)?(?:the\s+)?(?:hallmarks|fingerprints)\s+of|"
    # "the malware had been deployed by Sandworm", "was developed by the Lazarus Group", "saying the group was
    # 'directly controlled' by Kyiv"
    # (not "the data centre, which was built by Chinese telecoms company Huawei": who built what was attacked)
    r"(?:was|were|been|is|are)\s+[\"'“‘]?(?:\w+\s+)?(?:(?:deployed|developed|created|written|used|distributed|"
    r"controlled|planted)[\"'”’]?\s+by|(?:built|designed|installed)[\"'”’]?\s+by(?!\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:company|firm|giant|contractor|vendor|maker|manufacturer)\b))(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # "The ministry's networks were hacked by Russia, Germany said": the deed in the passive, its doer after "by"
    # ("…had been targeted through the same Outlook flaw by APT28": how, between the deed and its doer)
    # "…were among hundreds of politicians targeted by a Chinese state-sponsored hacking group, according to…": the
    # deed's participle after its victims
    r"(?<=\s)(?<!been\s)(?<!also\s)(?<!were\s)(?<!was\s)(?<!is\s)(?<!are\s)(?<!being\s)(?<!be\s)(?<!ly\s)"
    r"(?:targeted|hacked|attacked|breached|compromised)\s+by(?=\s+(?:an?\s+|the\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:group|hackers|actors?|unit|gang)\b)|"
    r"(?:was|were|been|is|are|being)\s+(?:\w+\s+)?(?:hacked|attacked|breached|targeted|compromised|infiltrated|"
    r"penetrated|hijacked|spied on|defaced|wiped|infected|accessed)"
    # (not "hacked with spyware sold by Israel's NSO Group": the doer of another verb)
    r"(?:\s+(?:through|via|using|with|in|during|over)(?:\s+(?!\w+ed\b|(?:sold|made|built|written|run|known|seen|found|"
    r"caught|spotted|held|given|taken|done)\b)"
    r"[\w'’-]+){1,5}?)?\s+by(?=\s+(?:the\s+|an?\s+)?(?-i:[A-Z]))"
    # (not "were targeted by U.S. sanctions", "were attacked by Russian missiles")
    r"(?!\s+(?:the\s+|an?\s+)?(?:[\w.-]+\s+){0,2}(?:sanctions|measures|tariffs|missiles?|strikes|drones?|forces|"
    r"troops|shelling|artillery)\b)|"
    rf"(?:indicted|charged){NOT_A_PRICE} (?!by\b)\w+|sanction\w* \w+ (?:for|over)|culprit|"
    # "said the group was affiliated with Iran's Islamic Revolutionary Guard Corps"
    r"\b(?:group|gang|hackers|men|they|actors?|unit|operators|individuals|suspects|(?-i:[A-Z][\w()-]*))\s+[\"“]?"
    r"(?:was|were|is|are)\s+(?:\w+ly\s+)?"
    r"(?:affiliated|associated)\s+with(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # ('the target of "a criminal attack" by the Lapsus$ hackers')
    # ("had detected the attempts by the hacking groups APT28 and APT29", "hacking attempts by…")
    r"(?:cyber)?(?:attack|hack|breach|intrusion|campaign|(?<=hacking )attempt|(?<=detected the )attempt|"
    r"(?<=detected )attempt)s?[\"”]? by|point\w* the finger at|"
    # (not "arrested in a joint operation by Romanian police and the FBI": the police's operation)
    r"(?<!\bjoint )(?<!\bpolice )(?<!\bsting )(?<!\bundercover )(?<!\bcoordinated )(?<!\binternational )"
    r"(?<!\benforcement )(?:cyber)?operations? by(?!\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:police|law enforcement|"
    r"authorities|FBI|Europol|prosecutors)\b)|"
    # "repelled attacks on government websites during last week's elections by Cyb3r Drag0nz"
    r"(?:cyber)?(?:attack|intrusion|campaign)s?\s+(?:on|against|targeting)\s+"
    r"(?:(?!\b(?:was|were|is|are|been|had|has|have)\b)[^,;]){1,80}?\s+by(?=\s+(?-i:[A-Z]))|"
    # "traced the attack to North Korea's RGB"
    # ("traced the attack to a group known as Killnet", "…to the pro-Russian group Killnet")
    r"traced (?:the |this |these )?[^;]{0,120}?\bto(?=\s+(?:the\s+)?(?-i:[A-Z])|\s+(?:an?\s+|the\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:group|gang|hackers|actor|unit|collective)\s+(?:(?:known as|called|named|dubbed)\s+)?(?-i:[A-Z]))|"
    # "named MuddyWater, a group it said is affiliated with Iran's MOIS, as the culprit"
    rf"nam(?:ed|es|ing)(?=[^.;]{{1,120}}?\bas\s+(?:being\s+)?(?:responsible|the\s+(?:culprit|perpetrator|attacker)s?|"
    rf"{_RUNNERS_OF})\b)|"
    # "It named them as APT36, Pakistan Cyber Force and…": the groups it has just blamed
    rf"{GROUPS_NAMED_AS}|"
    # ("held Killnet, a pro-Russian hacker group, responsible")
    # ("Egregor, which French investigators hold responsible for…": nothing between)
    r"(?:held|holds|hold|holding)(?=\s+(?:[\w'’-]+,?\s+){0,8}?responsible\b)|link(?!edin\b)\w*|"
    # (not "arrested a suspected member of the group… on suspicion of hacking": the adjective)
    r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)(?<!\bbeen\s)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)"
    r"(?:suspected|suspects)"
    r"(?=\s+(?:(?!suspicion\b)[\w'’-]+,?\s+){1,12}?of\s+(?:being\s+behind|having\s+(?:carried|launched|conducted|orchestrated)|"
    r"carrying out|launching|conducting|orchestrating|hacking|attacking)\b)|"
    r"(?:directed|orchestrated|controlled|run) from|"
    r"(?:came|come|comes|originated|originating|emanat\w+|were launched|was launched|(?:were|was|been) (?:conducted|"
    r"carried out|mounted|staged)) from|(?:originated|originating) in(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    r"traced (?:back )?to|(?:carried out|conducted|launched) (?:with|using)|"
    # ('the activity is "very likely" the work of Mustang Panda')
    r"(?:was|were|is|are|been) (?:[\"“]?\w+(?: \w+)?[\"”]? )?the work of|"
    # (not "The attack, identified on Monday, hit servers…": when it was found)
    # ("identified the malware as a new variant developed from LockBit 3.0": what the tool is, not who used it)
    # (nor "suspended the accounts identified by Google": who found them, with no culprit named "as")
    r"identif\w+\b(?!\s+(?:on|last|this|earlier|in)\s+[\w.]+(?:\s+\d{1,2})?,)(?!\s+by\b(?![^.;]*\bas\b))"
    r"(?!\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:malware|ransomware|virus|strain|code|tool|software|file|wiper)\s+as\b)"
    # (nor "identified the 35-year-old only by his initials, S.K.": how a suspect is named)
    r"(?![^.;,]{0,40}?\bby\s+(?:his|her|their)\s+(?:initials|first\s+names?|ages?|surnames?)\b)"
    # (nor "identified 72 organisations compromised in a campaign, including the governments of…": its victims)
    r"(?!\s+(?:(?:at\s+least|more\s+than|some|about|nearly)\s+)?(?:\d[\d,]*|dozens|hundreds|thousands)\s+(?:of\s+)?"
    r"(?:[\w-]+\s+)?(?:organi[sz]ations|victims|companies|targets|entities|firms|agencies|institutions|users))|"
    # "The blackout was caused by a U.S. cyberattack", "the outage was the result of hacking by Russia"
    r"(?:was|were|is|are|been) (?:(?!not\b|never\b)\w+ )?(?:caused by|the result of)"
    r"(?=\s+(?:an?\s+|the\s+)?(?:(?-i:[A-Z])|(?:[\w-]+\s+){0,2}?(?:cyber-?attacks?|hack\w*|attacks?)\s+(?:by|from)\b))|"
    # "exposes the involvement of the UAE in the hacking crime"
    r"(?<!no )(?<!any )involvement of(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # "The hackers who broke into JumpCloud were from Labyrinth Chollima, a unit of North Korea's RGB"
    r"(?:hackers|attackers|intruders|perpetrators|culprits)\b[^.;\"“]{0,100}?\b(?:was|were|are|is)\s+(?:all\s+)?from"
    r"(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # "…said the group was acting on behalf of the Chinese state"
    # ("…targeted by hackers it said were acting on Beijing's behalf")
    r"(?:hackers?|actors?|groups?|spies)(?: (?:it|they|he|she) (?:said|says|believed|believes))?"
    r"(?: (?:was|were|is|are|had been|has been|have been))? "
    r"(?:operating|based|working|acting|acted|worked|operated) (?:from|in|for|out of|on behalf of|"
    r"on(?=\s+(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w-]*)?['’]s\s+behalf\b))|"
    # "strongly condemns Russia's malicious activities in cyberspace": the condemned party's own operations
    r"condemn\w*[\"”']?(?=\s+(?:in the strongest terms\s+)?(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z]\w*)?['’]s?\s+"
    r"(?:[\w-]+\s+){0,2}?(?:cyber\s*)?(?:activit|behaviou?r|campaign|attack|operation|hack|intrusion|espionage))|"
    # "France condemned Russia's military intelligence service for using the hacking group APT28 against…"
    r"condemn\w*(?=\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z]\w*)?(?:['’]s\s+(?:[\w-]+\s+){0,3}?\w+)?\s+for\s+"
    r"(?:using|carrying out|conducting|launching|its role in|its involvement in|orchestrating|hacking|targeting))|"
    # "condemn the malicious behaviour in cyberspace by Russia"
    # ("detected malicious cyber activities against its interior ministry and armed forces by Chinese state-linked
    # groups": the victims told between)
    r"(?:activit(?:y|ies)|behaviou?r)(?: in cyberspace)?"
    r"(?:\s+(?:against|on|targeting)\s+(?:(?!\b(?:was|were|is|are|been|had|has|have)\b)[^,;]){1,80}?)?"
    r" by(?=\s+(?:the\s+)?(?-i:[A-Z]))|"
    # "the group, which it calls Storm-0558, was based in China": where the attackers are based is who they are
    r"(?:was|were|is|are)\s+(?:\w+\s+)?(?:based|operating|located)\s+(?:in|from|out of)\b|"
    # "urged China to uphold its commitments", "called on Russia to stop": telling a state to stop the activity
    # presupposes that it carries it out
    r"(?:urg\w+|call\w* (?:up)?on|press\w*|demand\w*(?: that)?)(?=\s+(?:the\s+)?(?-i:[A-Z])[\w.'’ -]{1,40}?\s+to\s+"
    r"(?:stop|cease|refrain|halt|end|uphold|abide|respect|rein in|desist)\b))",
    re.IGNORECASE,
)

# "individuals linked to the opposition party": a participle describing people or bodies that are not the
# attackers ties them to someone; it does not blame anyone for the operation.
NOT_ACTOR_BEFORE_CUE = re.compile(
    r"\b(?:individuals|people|persons|figures|politicians|journalists|activists|dissidents|critics|companies|firms|"
    r"organi[sz]ations|institutions|entities|accounts|sites|websites|targets|victims|experts|officials|lawmakers)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)

# What an accusation is of: "accused the United States of kidnapping…", 'accusing them of "hunting" citizens'.
ACCUSED_OF_WHAT = re.compile(r"[^;]{0,60}?\bof\s+[\"“]?(\w+)")

# What someone "is accused of" when it is a cyber operation even in other words: "of orchestrating the attack",
# "of spying on", "of interfering in the election".
CYBER_DEED = re.compile(
    r"\b(?:hack\w*|steal\w*|stole|spy\w*|target\w*|orchestrat\w*|carr\w+ out|conduct\w*|launch\w*|attack\w*|"
    r"interfer\w*|meddl\w*|break\w* into|compromis\w*|penetrat\w*|infiltrat\w*|sabotag\w*|disrupt\w*|leak\w*|"
    r"phish\w*|espionage|surveil\w*|intercept\w*|eavesdrop\w*|launder\w*|extort\w*|ransom\w*|fraud|theft|"
    r"operation|campaign|intrusion|breach|exploit\w*|vulnerab\w*|malware|worm|virus|spyware|computer\w*|network\w*|"
    r"servers?|data|emails?|accounts?|"
    # "of sending thousands of fake text messages to Israelis that impersonated the Home Front Command"
    r"spoof\w*|impersonat\w*|(?:fake|bogus|spoofed|fraudulent)\s+(?:text\s+|sms\s+)?(?:messages|texts|alerts))",
    re.IGNORECASE,
)

# "Alexander Vinnik, a Russian national accused of laundering…": a participle describing a person blames that
# person, whoever is named after it.
DESCRIBED_PERSON = re.compile(
    rf"\b(?:{PERSON_TRADES}|officers?|administrators?|operators?|brothers)\s+$",
    re.IGNORECASE,
)

# A sentence opening with a quotation ('"…are responsible for the theft," the agency said'), and its quoted part.
QUOTE_OPENING = re.compile(r"^\W*[\"“]")
QUOTED_OPENING = re.compile(r"^\W*[\"“][^\"”]*[\"”]")

# "the Lazarus Group and APT38, cyber actors associated with the DPRK, are responsible": an apposition before a
# predicate, which describes the parties before it.
APPOSITION_BEFORE = re.compile(r",\s+[^,;]{1,80},\s*$")

# "Vinnik, accused of laundering…": the participle describing a person.
ACCUSED_OF = re.compile(r"(?i:accused)\s+of\b")

# "…servers linked to the group and that authorities had alerted…": a second reported clause.
SECOND_THAT_CLAUSE = re.compile(r"\band that\b")

# "…by the same North Korean group that hacked Korea Hydro & Nuclear Power in 2014": a clause describing the actor.
ACTOR_RELATIVE = re.compile(
    r"\b(?:group|unit|gang|hackers|actors?|crew|team)\s+(?:that|which|who)\s+(?:also\s+|previously\s+)?[a-z]+ed\b[^,;]*$"
)

# "Ngo, who was lured to Guam in 2013, was sentenced": a relative clause still open at this point.
OPEN_RELATIVE = re.compile(r",\s+(?:which|who|whom)\b[^,]*$")

# "…, though the Greek government has denied…": a clause of its own subject begins.
OWN_SUBJECT_CLAUSE = re.compile(
    r"(?:,\s+(?:while|whereas|but|and|though|although|even though)|;)\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?$"
)

# "Belgium-based SWIFT", "Singapore-headquartered Group-IB", "a French-speaking gang", "Beijing-linked": a suffix
# that describes someone by a place or a language (not an actor); some also tie a group to a state.
PLACE_SUFFIXES = r"based|born|headquartered|registered|speaking|language"
# "the Russian cybercrime gang", "a Nigerian fraud ring": criminals described by where they come from.
CRIMINAL_GANG_AFTER = re.compile(
    rf"\s+(?:[\w-]+\s+)?{CRIMINAL_WORDS}\s+"
    r"(?:gang|group|ring|syndicate|network|outfit|crew|operation)s?\b",
    re.IGNORECASE,
)

# "sanctions on a North Korean and a Russian", "charged an Iranian who…": a demonym standing alone after "a" or "an"
# is a person of that nationality, not the state.
INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# (not "a Chinese and Russian hacking group", "a Chinese, state-backed group", "a Chinese linked group")
DEMONYM_AS_NOUN = re.compile(
    r"\s*(?:[.;:)]|$)|\s+(?:and|or)\s+an?\s|\s+(?:linked|tied|connected)\s+(?:to|with)\b|"
    r"\s+(?:who|whom|whose|accused|suspected|charged|living|born|working|arrested|detained|was|is|had|has|named|"
    r"identified|believed|described)\b"
)

# "…hackers working for Pyongyang, a group the U.S. government calls Hidden Cobra": the name someone gives those blamed.
GROUP_CALLED_AFTER = re.compile(
    r",\s+(?:a|the)\s+(?:group|unit|team|gang|network)\s+(?:that\s+)?(?:(?:the\s+)?[\w.'’-]+\s+){1,3}?(?:calls|dubs|has\s+dubbed|"
    r"tracks\s+as|refers\s+to\s+as)\s+"
)

# "An Algerian accused of running a global cyber-theft operation pleaded not guilty…": a person named by nationality.
UNNAMED_NATIONAL_SUBJECT = re.compile(
    r"^\W*An?\s+(?P<demonym>[A-Z][a-z]+)\s+(?:accused|suspected|charged|wanted|convicted|jailed)\b"
)

# "dismissed as fake a trove of emails", "rejected the leaked documents as forgeries": what a leak holds, judged.
LEAKED_MATERIAL = re.compile(
    r"\s+(?:as\s+(?:fake|forged|fabricated|forgeries|false)\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:of\s+)?"
    r"(?:e-?mails|documents|files|papers|recordings|correspondence|transcripts)\b"
)

# "Ukrainian charged in U.S. over…", "Russian jailed for hacking": a headline opening with a person's nationality.
DEMONYM_PERSON_HEADLINE = re.compile(
    r"\s+(?:(?:man|woman|national|hacker|citizen)\s+)?(?:charged|indicted|arrested|jailed|sentenced|extradited|detained|"
    r"convicted|pleads|pleaded|admits|gets|faces)\b"
)

# "German broadcaster says", "a Japanese newspaper reported": a news organisation of a country, not its state (not
# "North Korean media", "Iranian television": in some states the state's own voice).
COUNTRY_MEDIA_AFTER = re.compile(
    r"\s+(?:(?:public|private|commercial|local|independent|business|financial|daily|news)\s+)?"
    r"(?:broadcasters?|newspapers?|dailies|daily|outlets?|magazines?|weekly|tabloids?|news\s+sites?)\b",
    re.IGNORECASE,
)

DESCRIBING_SUFFIX = re.compile(rf"-(?:{PLACE_SUFFIXES})\b")
DESCRIBING_NAME_END = re.compile(rf"-(?:{PLACE_SUFFIXES}|linked|backed|sponsored|affiliated|aligned)$")

# "Winnti Umbrella, a hacking group it said has…": what a group is, in apposition, before a clause about it.
DESCRIBED_GROUP = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?:group|gang|collective|actor|unit|outfit|crew)\s+"
    r"(?:(?:that|which)\s+)?(?:it|they|he|she|officials|investigators|the \w+)\s+$",
    re.IGNORECASE,
)

# "operations attributed to China": a participle describing acts in general, with no one who attributes them.
GENERIC_ACTS_BEFORE = re.compile(
    r"\b(?:operations|attacks|campaigns|groups|hacks|intrusions|activity|activities|incidents|actors|breaches)\s+"
    r"(?:(?:widely|often|commonly|usually|previously|publicly)\s+)?$",
    re.IGNORECASE,
)

# "…was based in China" blames only when what is based there is the attacker, not a company or a speaker.
ATTACKER_BEFORE = re.compile(
    r"\b(?:group|hackers?|actors?|attackers?|gang|unit|operators?|campaign|operation|attack|intrusion|"
    r"[A-Z][a-z]+ (?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Panda|Bear|Kitten|Chollima|Spider)|"
    r"(?:APT|UNC|TA|Storm)-?\d+)"
    r"\b[^.;]{0,60}$"
)

# "According to Microsoft, the attack…", "…, according to the FBI.": the source is the subject.
ACCORDING_TO = re.compile(
    r"^\W*according to (?P<who>[^,]{2,60}),|,\s+according to (?P<who2>[^,;]{2,100}?)\s*(?:[.;]?\s*$|,)",
    re.IGNORECASE,
)

# "…, a charge North Korea denied": a relative clause naming who denies.
CHARGE_DENIED_BY = re.compile(
    r"\b(?:charges?|claims?|accusations?|allegations?|assertions?)\s+(?:that\s+|which\s+)?"
    r"(?:(?-i:[A-Z])[\w.'’-]*['’]s\s+)?$",  # "a charge that Iran's foreign ministry … rejected"
    re.IGNORECASE,
)

# "named MuddyWater … as the culprit", "identifies a man named Chen Ping … as one of the people behind the operation"
_CULPRIT_AS = (
    r"\bas\s+(?:being\s+)?(?:responsible|(?:one\s+of\s+)?the\s+(?:culprit|perpetrator|attacker|source|"
    rf"(?:people|persons|men|hackers|individuals|person|man|woman|hacker|group|actors?)\s+behind)s?|{_RUNNERS_OF})\b"
)

# Cues whose accused may stand between the verb and a closing word: "held China responsible",
# "linked Chinese hackers to the breach"; otherwise the accused follows ("linked the breach to Russia").
BRACKETING = {
    # "said it suspected North Korea's Lazarus Group of being behind the attack"
    "suspected": r"\bof\s+(?:being\s+behind|having\s+(?:carried|launched|conducted|orchestrated)|carrying out|"
    r"launching|conducting|orchestrating|hacking|attacking)\b",
    "suspects": r"\bof\s+(?:being\s+behind|having\s+(?:carried|launched|conducted|orchestrated)|carrying out|"
    r"launching|conducting|orchestrating|hacking|attacking)\b",
    "held": r"responsible",
    "hold": r"responsible",
    "holds": r"responsible",
    "holding": r"responsible",
    "link": r"\bto\b",
    "linked": r"\bto\b",
    "links": r"\bto\b|\band\b",
    "linking": r"\bto\b",
    "identified": _CULPRIT_AS,
    # "named MuddyWater, a group it said is affiliated with Iran's MOIS, as the culprit behind…"
    "named": _CULPRIT_AS,
    "names": _CULPRIT_AS,
    "naming": _CULPRIT_AS,
    "identifying": _CULPRIT_AS,
    "identifies": _CULPRIT_AS,
    "identify": _CULPRIT_AS,
}

# A word of a noun phrase before its head, no preposition opening another one ("an investigation into the attacks").
_NO_PREPOSITION = r"(?:(?!(?:into|against|of|to|after|on|for|from|about|over|in|with)\b)[\w-]+\s+)"

# A news lede: "Chinese state hackers broke into a Dutch network, the Dutch intelligence service said."
# What an attacker does, in the past tense of news reports (shared by the readings below).
# What an actor used for a deed: "the NSO Group's Pegasus spyware", "a mix of custom malware, including …, and tools".
_WHAT_IS_USED = r"(?:[\w'’.-]+,?\s+){1,16}?"

ATTACK_ACTS = (
    # (not "breached its obligations under the Telecommunications Act": a duty broken)
    r"hacked|broken into|broke into|"
    r"breached(?!\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+)?(?:obligations?|duty|duties|rules|terms|laws?|contracts?|"
    r"agreements?|code|regulations?|licen[cs]e|ceasefire|trust)\b)|"
    r"attacked|targeted|compromised|infiltrated|stole|spied on|"
    # ("has for years impersonated Taiwan's ruling party … to steal email passwords")
    # ("Hamas operatives posed as young Israeli women on Facebook to lure dozens of soldiers into installing apps")
    r"impersonated|spoofed|phished|posed as|"
    # ("had selected hundreds of local numbers for surveillance")
    r"selected (?:[\w-]+ ){0,4}?(?:numbers|phones|devices|targets) for (?:possible )?surveillance|"
    r"penetrated|were behind|was behind|(?:were|was|had been|have been|has been) inside|wiped|carried out|"
    # ("sent thousands of phishing text messages")
    r"conducted|launched|sent (?:(?:thousands|hundreds|millions|dozens) of )?phishing|deployed|planted|gained access|"
    # ("said the group, known as APT40, conducts malicious cyber operations for China's Ministry of State Security")
    r"conducts|carries out|"
    r"accessed|obtained access|stolen|intercepted|eavesdropped on|(?:wire)?tapped|bugged|"
    # ("had monitored telephone calls and internet traffic across Latin America")
    r"(?:recorded|collected|harvested|swept up|monitored) (?:[\w-]+ )?(?:data|records|communications|calls|metadata|"
    r"e-?mails)|"
    # ("MPS officers Wang Liyu and Sheng Jing directed some of the intrusions")
    r"ordered (?:(?:some|many|most|several|all|one) of )?(?:the |this |these )?(?:[\w-]+ )?"
    r"(?:attacks?|operations?|hacks?|campaigns?)|"
    r"directed (?:(?:some|many|most|several|all|one) of )?(?:the |a |an )?(?:[\w-]+ )?"
    r"(?:hackers|attacks?|operations?|hacks?|campaigns?|intrusions?)|"
    r"(?:ran|run|running|mounted|waged)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:campaign|operation)|"
    # ("have been secretly infecting the phones of journalists")
    r"(?:was|were|is|are|has been|had been|have been) (?:\w+ly )?(?:preparing|targeting|plotting|infecting|"
    r"going after|luring|tricking|duping|"
    r"impersonating|posing as|stealing|spying on|hacking|attacking|exploiting|deploying|sending|breaking into|"
    # ("warning that Andariel was carrying out a global cyber espionage campaign", "was conducting attacks"; not "was
    # conducting an investigation into the attacks", "was waging a campaign against corruption": the attacks are the
    # object itself, and operations or campaigns only cyber ones)
    r"(?:carrying out|conducting|running|launching|waging|mounting)\s+(?:(?:an?|the|its|their)\s+)?"
    rf"(?:{_NO_PREPOSITION}{{0,3}}?(?:attacks?|hacks?|intrusions?|breaches|(?:cyber-?)?espionage)\b|"
    rf"{_NO_PREPOSITION}{{0,2}}?(?:cyber[\w-]*|hacking|espionage|phishing|ransomware|malware|influence|"
    r"disinformation|intrusion|spying|sabotage|ddos|malicious)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:operations?|campaigns?)\b(?!\s+(?:to|against|for)\b)))|"
    # ("warned that IRGC-affiliated hackers were continuing to exploit the same vulnerabilities", "continue to target")
    r"(?:(?:was|were|is|are|has been|had been|have been) )?(?:continu(?:ing|es?|ed)|still) (?:to )?(?:exploit|target|"
    r"attack|hack|spy on|breach|compromise|infiltrate|steal)\b|"
    r"(?:was|were|is|are|had been|have been) scanning|operated (?:a |the |an )?(?:[\w-]+ )?(?:botnet|"
    r"infrastructure|servers|network of hijacked)|"
    r"prepositioned|manipulated|disrupted|sabotaged|tampered with|hijacked|defaced|leaked|exploited|orchestrated|"
    # "forged authentication tokens to get in", "infected computers at…", "siphoned data from…", "crippled…"
    r"forged|infected|extorted|encrypted|siphoned|exfiltrated|crippled|paralys\w+|paralyz\w+|knocked|took down|"
    r"gained entry|got into|broke in\b|"
    # (not the "Royal Canadian Mounted Police")
    r"(?-i:mounted)|staged|"
    # ('said Russia was "clearly responsible" for the attack')
    # (not "had not yet reached a conclusion on who was responsible": a question)
    r"(?<!\bwho )(?:was|were|is|are|had been) [\"“]?(?:(?!not |never )\w+ ){0,2}?responsible[\"”]?"
    r"(?: for\b|(?=\s*[.,;]))|"
    # ("used the NSO Group's Pegasus spyware to hack into the phones of…")
    # ("used a mix of custom malware, including a previously undocumented backdoor called Graphon, and publicly
    # available tools to steal information")
    rf"(?:used|(?:was|were|is|are|has been|have been) (?:\w+ly )?using)\s+{_WHAT_IS_USED}"
    r"(?:against|to (?:spy|hack|target|monitor|infiltrate|surveil|steal|reach|gain|break|compromise|access))|"
    # ("tried to knock out power to about two million people", "attempted to cripple")
    r"(?:tried|attempted|sought|(?:are|is|were|was|have been|has been) (?:trying|attempting|seeking)) to "
    r"(?:hack|break|breach|disrupt|infiltrate|access|steal|sabotage|penetrate|spy|"
    r"knock out|take down|cripple|paralyse|paralyze|shut down|wipe|destroy|compromise|attack|deface|eavesdrop)"
)

# "…used the NSO Group's Pegasus spyware to hack": the tool used for the act, after its user.
USED_TOOL = re.compile(rf"\b(?:used|using)\s+{_WHAT_IS_USED}(?:against|to\s+\w+)$", re.IGNORECASE)

# "…had not breached", "never hacked": an act negated just before it.
NEGATED_ACT = re.compile(r"\b(?:not|never|no longer|n[’']t)\s+(?:(?:been|have|had|has)\s+)?(?:\w+\s+)?$", re.IGNORECASE)

# Not after the auxiliary of a passive ("has been leaked", "were hacked").
NOT_PASSIVE = r"(?<!\bbeen\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeing\s)"

LEDE_ACTOR = re.compile(
    # (not "The raids were coordinated through Interpol and carried out…": what the police did)
    r"^\W*(?!(?:the\s+)?(?:raids?|searches|arrests?|operations?|investigations?|police|officers|authorities|"
    r"agents|investigators|prosecutors)\b)"
    # ("A Russian state-sponsored group that Microsoft calls Midnight Blizzard gained access…": a namer's clause)
    r"(?:(?!(?:said|says|after|that(?!\s+(?:[\w.'’-]+\s+){1,4}?(?:(?:have|has)\s+)?(?:calls|call|tracks|track|dubs|dubbed|"
    r"named|refers|refer)\b)|"
    r"reported|announced|told|according|comes|came)\b)[\w'’.$-]+,?\s+){1,15}?"
    # (not "Canadian MPs were among hundreds of politicians targeted by a Chinese group": the deed's victims; nor "The
    # personal information of 997 North Korean defectors has been leaked": a passive's subject is what was hit)
    rf"{NOT_PASSIVE}(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS})\b(?!\s+by\b)",
    re.IGNORECASE,
)

# "…concluded that Russian military hackers had broken into…": the attacker named inside a reported clause.
REPORTED_ATTACKER = re.compile(
    r"\b(?:said|says|say|concluded|found|determined|assessed|believes?|confirmed|announced|stated|disclosed|revealed|"
    r"alleged|alleges?|added|adding|established|reported|claimed|judged|told \w+(?: \w+)?|warned|warning|saying|"
    # "According to Germany, Russian hackers carried out the attack"
    r"(?<=^)according to [^,]{2,60},|(?<=^[\"“])according to [^,]{2,60},)\s+"
    r"(?:(?:on|last|this|late|early)\s+\w+\s+)?(?:in (?:an? |its |their )?\w+\s+)?(?:that\s+)?"
    r"(?P<actor>(?:[\w'’.$,()\"“”-]+\s+){1,20}?)"
    # (not "…was working to freeze the stolen funds": a participle describing a noun)
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)"
    rf"(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS})\b",
    re.IGNORECASE,
)

# "a previously unknown Russian hacker group": a group described by its state, without a name.
GROUP_AFTER_STATE = re.compile(r"(?:\s+[a-z][\w-]*){0,3}\s+(?:group|actor|gang|outfit|hackers)\b(?!\s+(?-i:[A-Z]))")

# "…, researchers in Canada and the United States said": where researchers work, no state's claim.
RESEARCHERS_IN_PLACE = re.compile(
    r"(?:[\w-]+\s+)?(?:researchers|experts|analysts|scientists|academics)\s+(?:in|from|based\s+in)\b", re.IGNORECASE
)

# "…, citing documents leaked by former NSA contractor Edward Snowden, that the agency had monitored…": an agency named
# before, as the actor of a reported clause.
AGENCY_ANAPHOR_ACTOR = re.compile(r"(?i:the|that)\s+(?:agency|bureau)\s+(?:had\s+|has\s+|have\s+)?")

# "Britain said the group had carried out attacks": a group named before, as the actor of a reported clause.
GROUP_ANAPHOR_ACTOR = re.compile(
    r"(?:the|that|this)\s+(?:same\s+)?(?:[\w-]+\s+)?(?:group|gang|crew|outfit|collective)\s+", re.IGNORECASE
)

# "…told parliament that Chinese actors had compromised the Electoral Commission, and that APT31 had carried out
# reconnaissance against…": a further reported clause of the same speaker.
FURTHER_REPORTED_ATTACKER = re.compile(
    r",?\s+and\s+that\s+(?P<actor>(?:[\w'’.$,()\"“”-]+\s+){1,20}?)"
    rf"(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS})\b",
    re.IGNORECASE,
)

# "…reported on Tuesday, citing documents leaked by former NSA contractor Edward Snowden, that the agency had
# monitored…": the reported clause past a parenthetical whose participle's doer follows "by".
CLAUSE_AFTER_PARTICIPLE = re.compile(
    r"\s+by\s+[^,;]{1,80},\s+that\s+(?P<actor>(?:[\w'’.$()\"“”-]+\s+){1,12}?)"
    rf"(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS})\b",
    re.IGNORECASE,
)

# "…it had received the key from Brain Cipher, the group it has identified as responsible for the attack", "…talks
# with LockBit, the gang behind the attack, the agency said": a group the sentence's speaker describes as the culprit.
APPOSED_CULPRIT = re.compile(
    r",\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:group|gang|crew|hackers|actor)\s+(?:(?:that\s+)?(?:it|they)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:identified\s+as\s+(?:being\s+)?(?:responsible\s+for|behind)|blamed\s+for|"
    r"held\s+responsible\s+for)|behind|responsible\s+for)\s+(?:the|this|its|an?)\s+"
)
# A reporting verb: the sentence gives someone's words.
REPORTING_VERB = re.compile(r"\b(?:said|says|told|announced|confirmed|stated)\b")

# "…a group calling itself Predatory Sparrow, which Iranian officials have linked to Israel": the relative clause's
# subject ties the group before it to the party after "to".
RELATIVE_LINKED = re.compile(
    # (not "…, which it describes as a Russian threat actor linked to the SVR": what the speaker calls the group)
    r",\s+which\s+(?!(?:it|they|he|she)\s+(?:describes?|described|calls?|called)\b)"
    r"(?P<who>[^,;]{2,60}?)\s+(?:have\s+|has\s+|had\s+)?(?:\w+ly\s+)?(?:linked|tied|attributed)\s+"
    r"(?:it\s+)?to\s+(?:the\s+)?",
    re.IGNORECASE,
)

# "…the hacker group Armageddon, which it describes as a special project of the Russian Federal Security Service":
# the subject describes the group as a state's.
RELATIVE_DESCRIBED = re.compile(
    r",\s+(?:also\s+known\s+as\s+[^,;]{1,40},\s+)?which\s+(?:it|they|he|she)\s+(?:describes?|described|calls?|called)\s+"
    r"(?:(?:as\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:project|unit|arm|tool|proxy|front|branch|division|part|team)\s+of\s+"
    r"(?:the\s+)?|"
    # "…Midnight Blizzard, which it describes as a Russian threat actor linked to the SVR": the state of its demonym
    # (not "ShinyHunters, which it describes as a French hacking group that sells stolen databases": a gang's home)
    r"as\s+an?\s+(?=(?-i:[A-Z])[\w-]+\s+(?:state[- ][\w-]+\s+(?:group|actor|hackers)|threat\s+actor|"
    r"espionage\s+group)\b))",
    re.IGNORECASE,
)

# "The service named five officers: A, B, C, D and E": the people an accuser names after its claim.
NAMED_PEOPLE = re.compile(
    r"\b(?:named|identified|listed)\s+(?:the\s+)?(?:\w+\s+)?(?:officers|members|hackers|suspects|men|individuals|"
    r"perpetrators|culprits|operatives)\s*(?::|\s+as\b)\s*",
    re.IGNORECASE,
)

# "The three governments said Andariel is \"a North Korean state-sponsored cyber group\"": a reported description of
# the group as working for a state names that state as its sponsor.
SPONSORED_DESCRIPTION = re.compile(
    r"\b(?:said|says|described|describes|called|calls|concluded|assessed|stated)\s+(?:that\s+)?(?P<group>[^,;]{2,60}?)"
    r"\s+(?:is|was|are|were|as)\s+[\"“]?\s*(?:(?:an?|the)\s+)?(?P<who>[\w'’. -]{2,40}?)(?:[\s-]+|'s\s+|’s\s+)"
    r"(?:state|government|military|intelligence)[- ](?:sponsored|backed|linked|affiliated|controlled|run|directed)\b",
    re.IGNORECASE,
)

# "…said the group was part of a wider Russian campaign": the campaign's owner is accused.
PART_OF = re.compile(
    r"\b(?:was|were|is|are)\s+part of\s+(?:a |an |the )?(?:\w+\s+){0,2}?(?P<who>(?:[\w'’-]+\s+){1,2}?)"
    r"(?:campaign|effort|operation|strategy|pattern|programme|program)\b"
    # "the hackers working there are very likely part of a unit of China's People's Liberation Army"
    r"|\b(?:hackers|attackers|operators|group|actors?)\b[^.;]{0,40}?\b(?:was|were|is|are)\s+(?:\w+\s+){0,2}?part of\s+"
    r"(?:a |an |the )?(?:[\w-]+\s+){0,2}?(?:unit|arm|branch|division)\s+of\s+(?:the\s+)?(?P<who2>[\w'’.-]+)",
    re.IGNORECASE,
)

# "Prosecutors said the three belonged to hacking units known as…", "said the men were members of the group": people
# reported to work in a group.
MEMBERS_OF_GROUP = re.compile(
    r"\b(?:said|says|say|added|alleged|alleges)\s+(?:that\s+)?(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:two|three|four|five|six|"
    r"seven|men|man|hackers?|officers?|suspects?|defendants?|individuals|nationals|they|he|she)\s+"
    r"(?:(?:had\s+)?belong(?:s|ed)?\s+to|(?:were|was|are|is)\s+(?:all\s+|also\s+)?(?:members?|part|operatives|officers)\s+of|"
    r"work(?:s|ed)?\s+for)\b",
    re.IGNORECASE,
)

# More bodies in a list of subjects, named but not known: " and the Cybersecurity and Infrastructure Security Agency".
UNRECOGNISED_NAMES = re.compile(r"(?:,?\s+(?:and\s+|of\s+|the\s+)*(?-i:[A-Z])[\w.&'’-]*)+")

# "Britain joined the United States, the European Union and NATO in blaming Beijing": those the subject joins in
# blaming blame too.
# "The United States, joined by the European Union, Britain and NATO, …": companions of the subject in commas.
# "…, together with partners including Ukraine's Security Service, …": the partners named after the plural.
JOINED_BY = re.compile(
    r"(?:\s+and\s+(?:its|their)\s+(?:allies|partners))?,\s+(?:joined by|together with|along with|backed by|"
    r"(?:and\s+)?including)\s+(?:(?:its\s+|their\s+)?(?:international\s+|foreign\s+)?(?:partners|allies|counterparts)"
    r"\s+(?:including|such as|from|in)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)

# "The FBI and cybersecurity agencies of Britain, Canada and Australia warned…": the states whose bodies join the
# subject, named after their plural noun.
BODIES_OF_STATES = re.compile(
    r"\s+and\s+(?:the\s+)?(?:(?!(?:its|their|his|her)\b)[\w-]+\s+){0,2}?(?:agencies|authorities|services|"
    r"governments|officials|ministries)\s+(?:of|from|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)

JOINED_IN = re.compile(
    r"\s+(?:(?:has|have|had|also|on \w+)\s+)*join(?:ed|s|ing)\s+(?:the\s+)?(?P<who>[A-Z][^;]{0,120}?)\s+in\s+"
    r"(?:\w+ly\s+)?(?:blam|accus|attribut|condemn|nam|point)\w*"
)

# "…, the US security firm said": a firm described by its country.
FIRM_AFTER_DEMONYM = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:firm|company|vendor)\b")

# "…accused China of cyberattacks, naming the groups APT27, APT30, APT31 and Gallium": the groups a claim names.
NAMING_GROUPS = re.compile(
    r",\s+(?:and\s+)?(?:naming|identifying|listing)\s+(?:the\s+)?(?:\w+\s+)?groups?\s+(?:as\s+)?|"
    # "condemned Russia's malicious cyber activities, including those carried out by APT28"
    r",\s+including\s+(?:those|some|one|attacks|operations|campaigns)\s+(?:\w+\s+)?(?:carried out|conducted|launched|"
    r"perpetrated|run)\s+by\s+(?:the\s+)?"
)

# "…blamed Russia's GRU for the attacks, saying they had been carried out by the APT28 group": the words go on.
SAYING_CLAUSE = re.compile(r",\s+(?:saying|adding|and said|and added)\s+(?:that\s+)?", re.IGNORECASE)

# "…sanctioned by London and Washington last year", "…was charged in 2018": the measure's own words date it (the year
# group is empty for "last year").
EARLIER_YEAR = re.compile(
    # (not "charged over last year's cyber-attack": the date of the attack)
    r"[^.;,]{0,60}?\b(?:last year(?!['’]s)|the (?:previous|preceding) year|in (?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?P<year>(?:19|20)\d\d))\b",
)

# "The allegations were rejected by the Chinese embassy", "Involvement … was denied on Friday by Pakistan's Foreign
# Office": a denial in the passive, the denier after "by".
DENIED_BY = re.compile(
    r"^\W*(?:the\s+)?(?:allegations?|accusations?|claims?|charges?|involvement|any role|responsibility|the report)\b"
    r"[^.;]{0,120}?\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:denied|rejected|dismissed)\s+"
    r"(?:(?:on|late|early)\s+\w+\s+)?by\s+(?:the\s+)?",
    re.IGNORECASE,
)

# A reporter named first, the office following in commas: "…, Gaby Portnoy, the head of …, said".
NAMED_FIRST = r"(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2},\s+)?"

# "Lebanon's Hezbollah": what lies between a possessor and the party it possesses.
POSSESSIVE_GAP = re.compile(r"['’]s\s+")

# "North Korean hackers stole $600 million, the FBI said" / ", according to the FBI": who reports a lede's claim.
REPORTING_TAIL = re.compile(
    # ('"The Play group exfiltrated the data," the NCSC wrote': a quotation's closing mark after the comma)
    rf",[\"”]?\s+(?:{NAMED_FIRST}(?P<who>[^,;]{{2,80}}?),?\s+"
    r"(?:(?:said|says|announced|reported|alleged|concluded|told|disclosed|confirmed|revealed|wrote)\b[^,;]*(?:[,;]|$)|"
    # ("…, Microsoft and intelligence agencies from the Five Eyes alliance say.": at the end only, not a headline's
    # "EU, UK and US say Russia was behind…")
    r"say(?=\s*\.?\s*$))|"
    r"according to\s+(?P<source>[^,;]{2,80}?)\s*(?:[.;,]|$))"
)

# "…was carried out by the Rhysida gang, the FBI said on Monday, adding that…": a reporting clause after the
# report is the sentence's subject.
SUBJECT_AT_END = re.compile(
    # ("…, Gaby Portnoy, the head of Israel's National Cyber Directorate, said": the office in commas after the name)
    rf",\s+{NAMED_FIRST}"
    r"(?P<who>(?:the\s+|a\s+|an\s+)?(?:[\w'’.&-]+\s+){0,10}?[\w'’.&-]+),?\s+(?:said|says|announced|reported|alleged|"
    # ("…, a Reuters investigation has found.")
    r"concluded|added|disclosed|confirmed|revealed|told\s+\w+|(?:has\s+|have\s+)?found)\b"
    # "…, the FBI said in a joint statement on Tuesday."
    r"(?:\s+(?:(?:on|last|this|late|early)\s+\w+|in\s+(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}[\w-]+|"
    # ("…, the Justice Department said Thursday.")
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday))*"
    r"\s*(?:[.;]?\s*$|,\s+(?:adding|saying|citing|naming|identifying|"
    r"according|in\s+\w+|as|amid|after|following|while|but|though|although)\b)"
)

# "The breach was blamed by US officials on hackers working for the Chinese government": the accuser first.
BLAMED_BY_ON = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:blamed|pinned)\s+by\s+(?:the\s+)?(?P<who>[^;,]{2,80}?)\s+on\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)

# "The hack was blamed on Russia (by Britain)": the accused follows, the accuser comes after "by".
PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:blamed|attributed|pinned|linked|tied)\s+(?:on|to)\b", re.I
)

# "A Chinese businessman … has been accused by U.S. authorities of helping hackers": the accuser follows "by".
# "It was co-sealed by agencies from the United States, Britain and Japan", "The allegations were set out in reports
# published by the CVERC and Qihoo 360": those who sign or publish a document the report is about make its claim.
DOCUMENT_OPENING = re.compile(
    r"^\W*(?:it|they|(?:the|this|these|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:advisory|advisories|statement|report|"
    r"reports|allegations?|accusations?|assessment|findings|attribution|document|declaration|warning|alert|claims?))\b",
    re.IGNORECASE,
)

CO_SIGNED = re.compile(
    r"\b(?:co-?(?:sealed|signed|authored|written|published|issued)|(?:jointly\s+)?(?:signed|endorsed|issued|published|"
    r"released|authored|prepared)|joined)\s+by\s+(?:(?:[\w-]+\s+)?(?:agencies|authorities|officials|counterparts|"
    r"partners|governments|representatives)\s+(?:from|of|in)\s+)?(?:the\s+)?|"
    # ("The assessment was issued jointly with Canada's Communications Security Establishment and the U.S. …")
    r"\b(?:issued|published|released|prepared|written)\s+jointly\s+with\s+(?:the\s+)?",
    re.IGNORECASE,
)

# The kinds of document states sign together.
_DOCUMENT = r"(?:advisory|advisories|statement|alert|warning|assessment)"
# "Their counterparts in Australia, Canada, New Zealand and the United Kingdom signed on to it too": those who joined
# the document of the sentence before, the signing verb right after their list (not "have not signed on", "joined a
# call with…").
_LISTED_PLACE = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
COUNTERPARTS_SIGNED = re.compile(
    r"^\W*(?i:their|its|the)\s+(?:[\w-]+\s+)?(?:counterparts|partners|allies)\s+(?:in|from|of)\s+"
    rf"(?P<list>{_LISTED_PLACE}(?:(?:,\s+|,?\s+and\s+){_LISTED_PLACE})*)\s+(?:have\s+|has\s+)?(?:also\s+)?"
    r"(?:signed\s+on|co-?signed|co-?sealed|endorsed)\b"
)
DOCUMENT_WORD = re.compile(rf"\b{_DOCUMENT}\b", re.IGNORECASE)
# "published a joint advisory with counterparts from the UK, Canada, …", "a joint advisory published the same day by
# the FBI, CISA and NSA together with partners including Ukraine's SBU, …": the other authors of a joint document
# (not "a joint statement … after talks with counterparts from India": those it was discussed with)
WITH_COUNTERPARTS = re.compile(
    rf"\bjoint\s+(?:[\w-]+\s+)?{_DOCUMENT}\s+(?:(?!(?:after|talks|meeting|call|consultations|discussions)\b)"
    r"[\w,.'’-]+\s+){0,12}?(?:with|together\s+with|alongside)\s+(?:their\s+|its\s+)?(?:[\w-]+\s+)?"
    r"(?:counterparts|partners|agencies)\s+(?:from|in|of|including|such\s+as)\s+(?:the\s+)?",
    re.IGNORECASE,
)

# Where a list of signers ends: "…, South Korea and Japan, including the U.S. …".
LIST_END = re.compile(
    # (not the dots of "the U.K., Australia, Canada and New Zealand")
    r";|(?<!\b[A-Z])\.(?!\w)|,\s+(?:including|which|who|where|while|but|said|saying)\b|\s+(?:said|says)\b|"
    r",?\s+(?:names|named|blames|blamed|accuses|accused|attributes|attributed|identifies|identified|links|linked|"
    r"describes|described|concludes|concluded|warns|warned|calls|called|urges|urged)\b",
    re.I,
)

# "Canada and Australia issued similar statements", "Canada said it was joining allies in identifying the
# ministry": a party that repeats or joins an attribution makes it too.
ENDORSEMENT = re.compile(
    # "Britain, whose National Cyber Security Centre said it had reached the same conclusion"
    r"\b(?:reached|come to|came to|made) the same (?:conclusion|assessment|finding|determination)|"
    r"\b(?:issued|made|released|published) (?:an? )?(?:similar|parallel|their own|its own|separate) (?:statements?|"
    r"declarations?|attributions?|assessments?)|followed suit|"
    # "Britain and Canada issued statements backing Washington's assessment"
    r"(?:back|support|endors)(?:s|ed|ing)? (?:[A-Z][\w.]*['’]s |the U\.S\. |the American |the British )"
    r"(?:attribution|assessment|findings?|accusations?|conclusions?)|"
    r"join(?:s|ed|ing)? (?:\w+ ){0,3}?in (?:blaming|condemning|identifying|attributing|calling out|naming|accusing)|"
    r"join(?:s|ed|ing)? (?:the |this |that )?(?:attribution|accusation|statement|condemnation)|"
    r"echo(?:es|ed|ing) (?:the |this |that )?(?:accusation|attribution|assessment|findings?)|"
    r"back(?:s|ed|ing) (?:the |this |that )?(?:attribution|assessment|findings?)|"
    # "Britain and the United States… said they agreed with the finding", "shares the assessment"
    r"(?<!\bnot )(?<!n't )(?<!never )\b(?:agree[sd]?|concur(?:s|red)?) with (?:the |this |that |its |their )?"
    r"(?:[\w-]+ )?(?:attribution|assessment|findings?|conclusions?|determination)|"
    r"(?<!\bnot )(?<!n't )\bshar(?:es|ed|ing) (?:the |this |that |its )?(?:assessment|conclusion)|"
    # "Britain, the European Union and NATO issued statements supporting the U.S. attribution"
    r"(?:support|endors)(?:s|ed|ing)? (?:the |this |that )?(?:[\w.'-]+ )?"
    r"(?:attribution|assessment|findings?|accusations?)",
    re.IGNORECASE,
)

# "A criminal complaint filed in federal court … charges Su", "One indictment charges Evgeny Gladkikh": a legal
# document speaks for the body it was filed in.
DOCUMENT_SUBJECT = re.compile(
    r"^\W*(?:(?:an?|the|one|another|each)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:complaint|indictment|affidavit|filing|charge ?sheet|lawsuit|(?-i:FIR))|"
    r"(?:the\s+)?(?:court|charging|legal)\s+(?:papers|documents|filings))\b",
    re.IGNORECASE,
)

REPORTING_DOCUMENT = re.compile(
    r"(?:,[^,;]{0,80},)?\s+(?:says|said|alleges|alleged|states|stated|shows|showed|describes|described|claims|details)\b"
)

# "Guan Tianfeng is accused in an indictment": the subject is accused; with no "by", nobody here accuses.
ACCUSED_BY = re.compile(
    # ("Russia has now been accused by Ukraine of…": a word between the auxiliaries)
    r"\b(?:was|were|is|are|(?:has|have|had)\s+(?:\w+ly\s+|now\s+|also\s+|already\s+)?been|being)\s+(?:\w+\s+)?"
    r"(?:accused|blamed(?=\s+for\b)|wanted(?=\s+by\b))\b"
    r"(?:\s+by\s+(?:the\s+)?)?",
    re.IGNORECASE,
)

# "X concluded that those infections were linked to Y": a passive claim inside reported speech is the speaker's.
REPORTED_PASSIVE = re.compile(
    r"\b(?:said|says|concluded|found|determined|assessed|believes?|confirmed|stated|established|judged)\s+"
    r"(?:[^;]{0,120}?\band\s+(?:concluded|found|determined|said)\s+)?(?:that\b)?[^;]*$",
    re.IGNORECASE,
)

# "Hours after Microsoft went public, the NSA and the FBI issued…", "When Britain blamed Russia, the Kremlin…": a time
# clause opening the sentence, before its comma.
OPENING_TIME_CLAUSE = re.compile(
    r"\W*(?:(?:hours|days|weeks|months|minutes|shortly|soon|just|only|moments)\s+)?(?:after|before|when|since|once)\s+"
    r"[^,;\"“”]{0,100}$",
    re.IGNORECASE,
)

# "The ransomware attacks that hit state-owned oil refiner CPC Corp. …": the object of a clause telling what the attack
# did is its victim.
VICTIM_OF_RELATIVE = re.compile(
    r"\b(?:attacks?|hacks?|breach(?:es)?|intrusions?|operations?|campaigns?)\s+(?:that|which)\s+(?:\w+\s+)?"
    r"(?:hit|struck|targeted|crippled|disrupted|paralysed|paralyzed|breached|compromised|affected)\s+"
    r"(?:[\w.'’-]+\s+){0,4}$",
    re.IGNORECASE,
)

# "attacks against Albania" name a victim; "blamed it on Iran" names the accused.
VICTIM_PREPOSITION = re.compile(
    r"\b(?:against|on)\s+(?:the\s+)?$|\b(?:(?:intrusions?|break-ins?)\s+into|attacks?\s+on|access\s+to)\s+(?:the\s+)?$|\btargeting\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$|\b(?:cyber-?)?(?:hack|attack|breach|compromise)\w*\s+(?:of|on)\s+(?!behalf\b)(?:[\w-]+\s+){0,3}$"
    # "hacking into American companies", "the computer networks of Westinghouse": what was broken into
    r"|\b(?:hacking|hacked|breaking|broke|broken|breaching|attacking|infiltrating|compromising|stealing from|"
    # ("the hacking group Killnet" names the attacker: "hacking" describes the group, it does not take an object)
    # (nor "were hacked by Russia": who did it)
    r"spying on)\s+(?!(?:group|gang|unit|team|collective|crew|outfit|cell|operation|campaign)s?\b)(?!by\b)"
    r"(?:into\s+)?(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$"
    r"|\b(?:networks?|systems?|computers?|servers?|accounts?|e-?mails?|devices|firewalls|websites?)\s+(?:of|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

# "cyberattacks against public and private organisations, including NATO, the U.S. Army and the UN": each party of a
# list introduced by "including" after an attack "against" or "on" something is a victim (not "sanctions against
# … individuals, including A and B": their targets; nor "operations on behalf of governments, including China"; nor
# "among them", which usually looks back to those a measure is against).
VICTIM_LIST = re.compile(
    r"\b(?:(?:cyber-?)?attacks?|hacks?|hacking|intrusions?|breaches|break-ins|campaigns?|operations?|espionage)\s+"
    r"(?:against|on(?!\s+behalf\b)|into|targeting)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:(?-i:[a-z])[\w-]*s),?\s+"
    r"(?:including|such\s+as)\s+(?:[^;:()]{0,100}?(?:,|\band)\s+)?(?:the\s+)?(?:[\w.'’-]+\s+){0,2}$",
    re.IGNORECASE,
)

# "servers in the United States", "IP addresses located in Europe": where the attackers' machines are, not who they are.
INFRASTRUCTURE_PLACE = re.compile(
    r"\b(?:servers?|computers?|(?:IP )?addresses|infrastructure|machines|devices|routers|proxies|nodes|hosts)\s+"
    r"(?:\w+\s+)?(?:in|located in|based in|hosted in|from)\s+(?:the\s+)?(?:\w+\s+(?:and|,)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)

# "blamed it on Iran", "sanctions on Jalili", "asset freezes and travel bans against Wuhan Xiaoruize": "on" names the
# accused or the target, not a victim.
BLAMED_ON = re.compile(
    r"\b(?:blam\w*|pinn\w*|sanctions?|penalties|restrictions|measures|bans?|freezes?|embargo(?:es)?|bount(?:y|ies)|"
    r"rewards?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?on\s+"
    r"(?:the\s+)?$|"
    # "returned an indictment against Rim Jong Hyok": the charged, not a victim
    r"\b(?:indictments?|charges|criminal complaints?|arrest warrants?|sanctions|lawsuits?|cases?)\s+against\s+"
    r"(?:the\s+)?$|"
    r"\b(?:bans?|freezes?|penalties|restrictive\s+measures)\s+(?:[\w'’-]+\s+){0,4}?against\s+(?:the\s+)?$|"
    r"\binformation\s+(?:on|about)\s+(?:the\s+)?$",  # a reward "for information on Rim's whereabouts"
    re.IGNORECASE,
)

# "Russia was behind the hack": the accused stands before these words.
PREDICATE_CUES = re.compile(
    r"\b(?:was|were|is|are|had been|has been)\s+[\"“]?(?:(?!not\b|never\b)\w+\s+){0,2}?(?:behind|responsible)[\"”]?"
    r"(?:(?<=behind)|\s+for)\b|"
    # 'North Korea was "highly likely" to have been behind the hacking'
    r"\b(?:was|were|is|are)\s+[\"“]?(?:\w+\s+){0,2}?likely[\"”]?\s+to have been\s+(?:behind|responsible for)\b|"
    r"\b(?:was|were|is|are)\s+[\"“]?(?:the\s+)?(?:leading|main|prime|chief|likely|most likely|top)\s+"
    r"(?:suspect|culprit)s?\b|"
    # "said Chinese hackers were to blame"
    r"\b(?:was|were|is|are)\s+[\"“]?(?:(?!not\b|never\b)\w+\s+){0,2}?to blame\b",
    re.IGNORECASE,
)

# "…the assessment that Beijing is behind Volt Typhoon", "Russia's GRU was behind the group known as Sandworm": the
# group a state is behind did the deed.
BEHIND_GROUP = re.compile(
    r"\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:group|actor|hackers|unit|network|collective)\s+"
    r"(?:known as|called|dubbed|tracked as)\s+)?"
)

# "Russia's embassy said it had been shown no evidence and rejected the accusations": evidence the accusers withheld,
# part of the denial rather than a hedge of it.
EVIDENCE_WITHHELD = re.compile(
    r"\b(?:shown|presented|provided|offered|given|produced|received|seen|handed)\s+(?:(?:it|them|us)\s+)?(?:with\s+)?$"
)

DENIAL = re.compile(
    r"\b(?:den(?:y|ied|ies|ying|ial(?![- ]of[- ]service))|"
    # "dismissed any suggestion", "rejected the latest findings": a refusal of what the accusers say
    # ("brushed off the accusations", "shrugged off the claims")
    r"(?:dismiss\w*|brush\w* (?:off|aside)|shrug\w* off) (?:(?:the|these|such|that|this|those|any|all)\s+)?"
    r"(?:[\w.'’-]+\s+){0,3}?"
    r"(?:allegation|accusation|claim|report|charge|suggestion|finding|conclusion|warning|advisory|advisories|"
    r"indictment)\w*|"
    # 'dismissed as "spy mania" a Dutch account of…', "dismisses U.S. hacking charges against GRU officers as…"
    r"(?:dismiss|reject)\w*\s+as\s+[\"“]|"
    # "disputed the allegations", "ruled out that Italy's intelligence services had spied on…"
    r"disput\w+ (?:(?:the|these|such|any|all)\s+)?(?:[\w.'’-]+\s+){0,2}?"
    r"(?:allegation|accusation|claim|charge|finding)s?\b|"
    # 'said it "firmly opposes" the accusations'
    r"oppos(?:e|es|ed|ing)[\"”]?\s+(?:the|these|such|those|any|all)\s+(?:[\w.'’-]+\s+){0,2}?"
    r"(?:allegation|accusation|claim|charge)s?\b|"
    r"(?<!not )(?<!n't )(?<!never )(?<!cannot )rul\w* out[\"”]? that\b|"
    # "the U.S. allegations were 'seriously inconsistent with the facts'", "had no links to Israel's NSO Group"
    r"inconsistent with (?:the )?facts|(?:had|has|have) no (?:\w+ )?(?:links?|ties|connections?) (?:to|with)\b|"
    # "Klyushin is innocent, his lawyer said"
    r"(?:is|was|are|were) innocent\b|"
    # "his client maintained his innocence"
    r"(?:maintain\w*|insist\w*\s+on|protest\w*|assert\w*)\s+(?:his|her|their)\s+innocence\b|"
    # "said he completely ruled out any involvement by the Russian government"
    r"(?<!not )(?<!n't )(?<!never )(?<!cannot )(?<!can't )rul\w* out[\"”]? (?:any |all )?(?:\w+ )?"
    r"(?:involvement|role|participation)\b|"
    r"reject\w* (?:(?:the|these|such|that|this|those|any|all|an?)\s+)?(?:[\w.'’-]+\s+){0,3}?"
    r"(?:allegation|accusation|claim|charge|suggestion|assertion|finding|conclusion|report)\w*|"
    # "China firmly rejects the US attempts to link the so-called Volt Typhoon to the Chinese government"
    r"(?:reject|dismiss|condemn)\w*\s+(?:the\s+|any\s+)?(?:[\w.'’-]+\s+){0,2}?attempts?\s+to\s+(?:link|tie|blame|smear|"
    r"accuse|connect|associate)\b|"
    # "China rejects link to hacking group", "denied any connection to": a refusal of the tie it is accused of
    r"reject\w* (?:any\s+)?(?:links?|connections?|involvement|ties)\b|"
    r"baseless|unfounded|groundless|"
    r"(?:was|were|is|are|been|of)\s+[\"“]?spread\w* (?:disinformation|lies|rumou?rs|falsehoods)|"
    # (not "called the allegations \"very serious\"": taken seriously, not denied)
    r"call\w* (?:the |these |such )?(?:allegation|accusation|claim|charge)s?\b(?!\s+[\"“]?(?:(?:very|extremely|deeply|"
    r"quite|most)\s+)?(?:serious|troubling|concerning|alarming|credible|grave|worrying|disturbing)\b)|"
    r"nothing to do[\"”]?(?: with)?\b|"
    # '"He never had anything to do with Locky," his lawyer said'
    r"(?:never|not)\s+(?:had|have|has)\s+anything\s+to\s+do\s+with\b|"
    r"categorically|fabricat\w+|slander\w*|made up|unsubstantiated|smear\w*|"
    # "has never engaged in, and will never engage in…", "had no involvement whatsoever"
    r"(?:has|have|had|will)\s+never\s+engage[sd]?\s+in|(?:had|has|have) no (?:\w+ )?involvement\b|"
    r"irresponsible[\"”]? (?:\w+ ){0,2}?(?:accusation|allegation|claim|remark|statement|assertion|speculation)s?|"
    r"(?:accusation|allegation|claim|report)s? (?:\w+ ){0,4}?(?:lack\w*|without) (?:any )?evidence|unprofessional|"
    r"(?:accusation|allegation|claim|remark|statement|assertion|speculation)s? (?:\w+ ){0,3}?"
    r"(?:was|were|is|are|as) (?:\w+ )?irresponsible|"
    r"(?:did|does|do) not (?:conduct|carry out|engage in)|never (?:conducted|carried out)|"
    # "said Moscow had not carried out and had no plans to carry out any cyberattacks"
    r"(?:had|has|have) not (?:carried out|conducted|engaged in)|"
    # "LockBit had not attacked the postal service"
    r"(?:did|does|do|had|has) not (?:attack|hack|target|breach)\w*\b|"
    r"oppos\w+ .{0,40}all forms of|nonsense|absurd|ridiculous|rubbish|disinformation|"
    # "described the accusations as Russophobic"
    r"russophob\w*|sinophob\w*|iranophob\w*|"
    r"(?:was|were|is|are) not (?:behind|involved|responsible)|"
    # "had no role whatsoever in the alleged hacking", "said the report was false"
    r"(?:had|has|have|played) no (?:\w+ )?role\b|"
    # "pleaded not guilty to U.S. charges": a defendant's denial in court
    r"plead\w* not guilty|"
    # "rejected Washington's accusation that…": the accusation itself is cut off the text read for the denial
    # (not "…amid dam dispute" ending a headline)
    r"(?:rejected|rejects|rejecting|dismissed|dismisses|dismissing|refuted|refutes|refuting|disputed|disputing)\s*$|"
    r"(?:report|accusations?|allegations?|claims?|charges?)\s+(?:was|were|is|are)\s+[\"“]?(?:false|untrue|lies)\b)",
    re.IGNORECASE,
)

# Words that judge a claim ("fabricated", "disinformation", "smears") deny it only when the sentence speaks of
# the claim or of someone rejecting it; "a campaign that planted fabricated news stories" denies nothing.
JUDGING_WORDS = re.compile(
    r"baseless|unfounded|groundless|categorically|fabricat|made up|unsubstantiated|nonsense|absurd|"
    r"ridiculous|rubbish|disinformation|unprofessional|russophob|sinophob|iranophob",
    re.IGNORECASE,
)

# "a fabricated report announcing a mobilisation": a judging word after "a", unquoted and not said of something ("was
# a fabrication", "as an unfounded claim"), describes one thing and answers nothing
ONE_THING_JUDGED = re.compile(r"(?<![\w'’])(?!(?:as|is|are|was|were|be|been)\s)[\w'’]+\s+(?:a|an)\s+$", re.IGNORECASE)

ABOUT_A_CLAIM = re.compile(
    r"\b(?:accus\w+|allegation\w*|claims?|charges?|reports?|findings|assertions?|attribution|suggestions?|"
    r"statements?|remarks|sanctions|speculation)\b",
    re.IGNORECASE,
)

CALLED_SO = re.compile(
    r"\b(?:call\w*|describ\w*(?: \w+)? as|dismiss\w*(?: \w+)? as|brand\w*|label\w*|term\w*)\s+"
    r"(?:[\w\"“'’.-]+\s+){0,5}?[\"“]?$",
    re.IGNORECASE,
)

# "…despite Pyongyang's denial that it was involved": the denial belongs to its possessor.
DENIAL_OWNER = re.compile(r"(?:'s|’s)\s+(?:\w+\s+)?$")

# "deny any lasting damage", "reversing an earlier denial", "had initially denied any breach": a denial that the
# incident happened or hurt, or one told as history, is no answer to an accusation.
DENIAL_OF_INCIDENT = re.compile(
    # "has denied reports that hackers demanded cryptocurrency": what the attackers did, told by their victim
    r"^\s*(?:the\s+|any\s+)?(?:media\s+|news\s+)?(?:reports?|claims?|suggestions?)\s+(?:that|of)\s+(?:the\s+|a\s+)?"
    r"(?:hackers|attackers|criminals|ransom|data|records|information|files|systems|the attack|the breach)\b|"
    r"^\s*that\s+(?:its|their|his|her|our)\s|^\s*(?:that\s+)?(?:any|a|the|its)?\s*(?:\w+\s+)?(?:damage|impact|breach(?:es)?|infection|loss(?:es)?|"
    r"disruption|compromise|intrusion|leak|harm)\b",
    re.IGNORECASE,
)

# "denied bail", "denied them access", "denying victims service": a refusal of something, not of an accusation.
REFUSAL_OBJECT = re.compile(
    r"^\s+(?:having\s+)?(?:paying|paid)\b|"
    r"^\s+(?:\w+\s+){0,2}?(?:bail|access|entry|visas?|requests?|motions?|appeals?|permission|service|licen[cs]es?|"
    r"applications?|asylum|a hearing)\b",
    re.IGNORECASE,
)

# "denied that…", "rejected claims that…", "dismissed reports that…": a denial whose object is a that-clause…
DENIED_CLAUSE = re.compile(
    r"^(?:\s+(?:(?:the|any|all|these|those|such)\s+)?(?:[\w-]+\s+)?(?:claims?|reports?|suggestions?|allegations?|"
    r"accusations?|assertions?))?\s+that\s+",
    re.IGNORECASE,
)

# …denies no accusation when the clause tells what happened to data, systems or the victims ("denied that customer
# data had been stolen", "that the attack had disrupted the elections")…
INCIDENT_SUBJECT = re.compile(
    r"(?:(?:any|the|its|their|some|no)\s+)?(?:[\w-]+\s+)?(?:data|information|records|files|e-?mails|systems?|networks?|"
    r"servers?|accounts?|sanctions|measures|attack|hack|breach|incident|outage|operations|services|elections?|ransom|"
    r"payments?|damage|documents)\b",
    re.IGNORECASE,
)

# …and only when the clause speaks of someone's part in an attack ("denied that it was involved").
INVOLVEMENT = re.compile(
    r"\b(?:behind|involved|involvement|responsib\w+|role|carried out|conducted|launched|hack(?:ed|ing)|"
    r"attack(?:ed|ing)|breach(?:ed|ing)|spied|spying|stole|steal\w*|target(?:ed|ing)|interfer\w+|sponsor\w*|support\w*|direct\w*|"
    r"order\w*|link\w*|ties|tied|connect\w*|work\w* for|on behalf of|cyber\w*|espionage)\b",
    re.IGNORECASE,
)

# "denied that it shelters cybercriminals": what the state allows on its soil, not what it did.
SHELTERS = re.compile(
    r"(?:it|they|he|she|[A-Z][\w-]+)\s+(?:(?:shelter|harbou?r|protect|tolerat)\w*|turn\w*\s+a\s+blind\s+eye\s+to)\s+"
    r"(?:the\s+)?(?:cyber-?)?(?:criminals|hackers|gangs|ransomware\s+gangs)\b"
)

# "the outage had nothing to do with the attack": an event, not an actor, had nothing to do with it.
NOT_AN_ACTOR_BEFORE = re.compile(
    r"\b(?:outage|incident|failure|disruption|problem|fire|blackout|crash|glitch|decision|move|closure|delay|"
    r"cancell?ation|timing)\s+(?:\w+\s+)?(?:had|has|have)\s+$",
    re.IGNORECASE,
)

# "…said the Russian government was not behind it": a party named as the subject of the negated act that is not a
# pronoun, told by someone else (the accused's own denial says "it", "we", "its government").
THIRD_PARTY = re.compile(
    r"\b(?:said|says|believed?|thought|concluded|found|told \w+)\s+(?:that\s+)?(?:the\s+)?"
    r"(?!(?:it|we|they|its|our|their)\b)[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}?\s+(?:was|were|is|are|did|does|do|had|has|have)?\s*$"
)

# '"He had nothing to do with Locky," his lawyer Frederic Belot told AFP': a denial a lawyer speaks is the client's.
CLIENT_COUNSEL = re.compile(
    r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:lawyers?|attorneys?|counsel|defen[cs]e\s+(?:lawyers?|team|attorneys?))\b",
    re.IGNORECASE,
)
# "…to Ho Chi Minh City IT firm, which denies link": a denial in a relative clause is its antecedent's.
RELATIVE_DENIER = re.compile(r",\s+(?:which|who)\s+(?:[\w']+\s+){0,2}$", re.IGNORECASE)

EARLIER_DENIAL = re.compile(r"\b(?:earlier|initial|initially|previous|previously|original|originally)\s+$", re.I)
# "Moscow has repeatedly denied carrying out cyberattacks", "North Korea, which has routinely denied involvement",
# "Tehran has consistently said it does not conduct cyberattacks": a denial told as the denier's habit, not its answer
# to this report.
HABITUAL_DENIAL = re.compile(
    r"\b(?:has|have|had)\s+(?:long\s+|always\s+|consistently\s+|repeatedly\s+|routinely\s+|regularly\s+|"
    r"previously\s+|in the past\s+)+(?:(?:said|insisted|maintained|stated)\s+(?:that\s+)?(?:it|they)\s+)?$|"
    r"\b(?:always|routinely|consistently|repeatedly|regularly)\s+$",
    re.I,
)
# …deeds in general, whatever follows ("involvement in cyberattacks on the South", "carrying out cyberattacks").
GENERIC_DEEDS = re.compile(
    r"(?:\s+(?:any|all))?\s+(?:involvement\s+in|carrying\s+out|conducting|responsibility\s+for|role\s+in|"
    r"being\s+behind|engaging\s+in|(?:(?:accusations|allegations|claims|suggestions)\s+)?that\s+it\s+(?:conducts|"
    r"carries\s+out|engages\s+in))\s+"
    r"(?:(?:state-sponsored|malicious|such|any)\s+)?(?:cyber-?attacks|cyber\s?crime|hacking|cyber\s+operations|"
    r"cyber\s+activities|cyber-?espionage|attacks|(?:cyber\s+|crypto(?:currency)?\s+)?(?:thefts|heists)|such\s+\w+)\b",
    re.I,
)
# "…denied the charges", "any role in the SolarWinds breach": a habitual denial's object is this report's (not
# "involvement in cyber theft", "Western claims that it shelters ransomware gangs": deeds in general).
SPECIFIC_OBJECT = re.compile(r"(?:(?!\band\b)[^,;.]){0,60}?\b(?:the|this|these)\s", re.I)

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

# "Bangladesh central bank heist linked to…": a party naming the incident it modifies is not its subject.
MODIFIES_INCIDENT = re.compile(
    # (not "Russian foreign ministry denies hack…": a verb between the party and the incident)
    r"(?:\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|said|says|say|told|and|or|to|of|on|in|for|by|"
    r"denies|rejects|dismisses|blames|accuses|condemns|confirms|warns|links|ties|admits|claims)\b)"
    r"[a-z][\w'’-]*(?<!ed)){0,3}\s+(?:heist|hack|attack|cyberattack|cyber-attack|breach|intrusion|incident|leak|"
    r"theft|compromise|blackout|outage)(?![\w-])"
)

# "According to the indictment, …": a measure referred to as a source, not taken in the sentence.
SOURCE_REFERENCE = re.compile(r"\baccording to (?:the |an? )?(?:\w+ )?$", re.IGNORECASE)

NAMES_INCIDENT = re.compile(
    r"\s+(?:supply[- ]chain\s+)?(?:hacks?|hacking|attacks?|breach(?:es)?|cyberattacks?|incidents?|compromises?|"
    r"campaigns?|intrusions?|leaks?)\b",
    re.IGNORECASE,
)

# "behind the Triton malware", "behind the Volt Typhoon campaign": a group's name used for its tool or deed.
TOOL_OR_INCIDENT_AFTER = re.compile(
    rf"{NAMES_INCIDENT.pattern}|\s+(?:malware|ransomware|spyware|wiper|virus|worm|tool)\b", re.IGNORECASE
)

# (the dot of an abbreviation the name's match leaves out: "the U.K., Australia, Canada and New Zealand")
# ("Iran and its allies Hezbollah and Hamas are behind…": the allies are named with it)
COORDINATION = re.compile(
    r"\.?\s*(?:,|and|or|as well as)\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?(?:(?:its|their)\s+(?:allies|proxies)\s+)?",
    re.IGNORECASE,
)

# "…, which German security officials have blamed on…": a relative clause with a subject of its own.
RELATIVE_SUBJECT = re.compile(
    r"\b(?:which|that)\s+(?P<who>(?:the\s+)?(?-i:[A-Z])[^,;]{1,50}?)"
    r"(?<!\bbe)(?<!\bbeen)(?<!\bis)(?<!\bwas)(?<!\bwere)(?<!\bare)(?<!\bbeing)"  # not a passive: "could be attributed"
    r"\s+(?:(?:have|has|had|also|publicly|long)\s+)*$",
    re.IGNORECASE,
)

RELATIVE_PRONOUN = re.compile(
    # ("…the United States, Britain and the European Union, which on Monday accused China…")
    r"\b(?:that|which|who)\s+(?:(?:on|last|this|earlier|later)\s+\w+\s+)?"
    r"(?:(?:has|have|had)\s+(?:(?:also|repeatedly|publicly|already|formally)\s+)?)?$",
    re.IGNORECASE,
)

# "NATO said it stood in solidarity with Germany and Czechia, which have blamed…": the subject backs their claim.
SOLIDARITY_WITH = re.compile(
    r"\b(?:stands?|stood|standing)\s+(?:in\s+solidarity\s+)?with\s+(?:the\s+)?$|"
    r"\b(?:supports?|supported|backs?|backed|joins?|joined)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

ORG_APPOSITION = re.compile(
    r"(?:-[A-Z]\w+)?\s+[\w\s-]*?(?:company|firm|vendor|provider|maker|giant|operator|group|agency)\s*,?\s+",
    re.IGNORECASE,
)

VICTIM_NOUN = re.compile(
    r"\s+(?:member states?|accounts?|employees|staff|systems?|networks?|servers?|users|customers|websites?|data|"
    r"infrastructure|email|computers?|databases?|platforms?|countries|members|allies|states|nations|partners|"
    # ("US indictment naming Malaysian targets of Chinese hackers")
    r"targets|victims)\b",
    re.IGNORECASE,
)

# "…confirmed that malware had been found, as security researchers in South Korea and elsewhere said the code bore the
# hallmarks of North Korean hackers": a clause of unnamed observers, whose words the claim after it is.
# "According to Handelsblatt, the BSI said…", "…, the Lazarus Group was blamed by U.S. officials": after the outlet a
# source names, someone else speaks or blames.
CITED_SPEAKER = re.compile(
    r"\b(?:said|says|say|claimed|claims|told|added|believes?)\b|\b(?:blamed|accused|attributed|linked)\s+by\b"
)

# "…, Czech Transport Minister Martin Kupka said, according to the Financial Times": a speaker the outlet relays.
SPEAKER_BEFORE_SOURCE = re.compile(rf"(?:{CITED_SPEAKER.pattern})\W*$")

# "Poly Network was launched by…": the subject is what the passive verb after it tells of.
PASSIVE_AUXILIARY = re.compile(r"\s+(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?")

# "RNC says IT contractor breached as report links hack to Russia": an unnamed report's words, in a clause of its own.
UNNAMED_REPORT_CLAUSE = re.compile(
    # (not "after the report linked…": the report of the sentence before, whose author is named)
    r"\b(?:as|after|amid|while|when)\s+(?:an?\s+)?(?:new\s+|news\s+|media\s+|press\s+)?reports?\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
OBSERVERS_CLAUSE = re.compile(
    r"\b(?:as|while|and|but|whereas)\s+(?:some\s+|other\s+|independent\s+)?(?:security\s+|cybersecurity\s+)?"
    # (not "and researchers at Mandiant said…": a firm's)
    r"(?:researchers|experts|analysts|observers|commentators)\b(?!\s+(?:at|from|with)\s+(?:the\s+)?(?-i:[A-Z]))"
    r"[^.;\"“]{0,60}?\b(?:said|say|says|believe|believed|noted|"
    r"suggested)\s+(?:that\s+)?[^.;]*$",
    re.IGNORECASE,
)

# "a government spokesman", "a senior government official": an unnamed voice of the government a report is filed
# from.
HOME_VOICE = re.compile(
    r"(?:a|an|the)\s+(?:senior\s+|top\s+)?government\s+(?:spokes(?:man|woman|person)|official|source|minister)",
    re.IGNORECASE,
)

# "Some analysts said…", "experts believe…": commentary by unnamed observers states no claim or measure.
COMMENTARY = re.compile(
    # ("Some Western researchers had suggested…")
    r"^\W*(?:(?:some|many|other|several|most|independent|security|cybersecurity|(?-i:[A-Z][a-z]+ern))\s+)*"
    r"(?:analysts|experts|observers|"
    # (not "Researchers at Mandiant said…": a firm's)
    r"commentators|critics|researchers|others)\b(?!\s+(?:at|from|with)\s+(?-i:[A-Z]))(?:\s+\w+){0,3}?\s+"
    r"(?:said|say|says|believe|believed|suggested|"
    r"noted|cautioned|warned|argued|think|thought|speculated|questioned)\b"
    # "Some Ethiopian social media users accused Cairo…": what people online say, whatever their verb
    r"|^\W*(?:(?:some|many|other|several)\s+)?(?:(?-i:[A-Z][a-z]+)\s+)?(?:social media users|internet users|netizens|"
    r"bloggers)\b",
    re.IGNORECASE,
)

# "accusations by the United States and Britain that Russian officers sabotaged…", "a finding by Japan's National
# Police Agency that a hacking group linked to China carried out…": the accusers and the accused inside a noun
# phrase, usually in a denial.
ACCUSATIONS_BY = re.compile(
    r"\b(?:accusations?|allegations?|claims?|charges?|assertions?|assessments?|reports?|findings?|conclusions?)\s+"
    r"(?:by|from)\s+"
    # "a report by the U.S. cybersecurity firm Volexity which said that hackers working for…"
    r"(?P<who>[^;:]{2,120}?)\s+(?:(?:which|that)\s+(?:said|says|found|concluded|alleged)\s+)?that\s+(?P<rest>.*)$",
    re.IGNORECASE,
)
# "…dismissed as baseless Albania's accusation that Tehran was behind…": the accuser as the possessor.
POSSESSED_ACCUSATION = re.compile(
    r"\b(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})['’]s?\s+(?:\w+\s+)?(?:accusations?|allegations?|claims?|"
    r"charges?|assertions?|findings?|conclusions?|statement)\s+that\s+(?P<rest>.*)$"
)
# "the U.S. accusation that Pyongyang was behind…", "the Dutch and British accusations that…": states qualifying it.
QUALIFIED_ACCUSATION = re.compile(
    r"\bthe\s+(?P<who>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,3})\s+(?:accusations?|allegations?|claims?|"
    r"charges?|assertions?|findings?|conclusions?)\s+that\s+(?P<rest>.*)$"
)

ACCUSED_ACT = re.compile(
    r"(?P<actor>^.{0,120}?)\b(?:(?:was|were|is|are|had been|has been)\s+(?:(?!not\b|never\b)\w+\s+)?"
    r"(?:behind|responsible)|"
    rf"(?:had\s+|have\s+|has\s+)?(?:{ATTACK_ACTS}|tried|attempted|sought|(?:were|was|had been) "
    r"(?:trying|attempting|seeking)))\b",
    re.IGNORECASE,
)

# After a relative clause closes, the main clause goes on: ", to APT28", ", was sentenced".
RELATIVE_THEN_MAIN = re.compile(r",\s+(?:to|was|were|is|are|has|have)\b")

# A sentence told as news of now: present or perfect tense, a statement, a quotation.
PRESENT_OR_QUOTED = re.compile(
    r"\b(?:has|have|is|are|will|says|said|announced|told)\b|[\"“”]|\bon (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b|\b(?:today|yesterday|this week)\b",
    re.IGNORECASE,
)

# "On the same day,", "At the same time,", "That day": a time told by reference to the sentence before.
# "The same year, US prosecutors charged…", "That year…", "Later that year…": the year of the sentence before.
SAME_YEAR = re.compile(
    r"^\W*(?:(?:later|earlier)\s+)?(?:the\s+same|that|the\s+following)\s+year\b"
    # "Israeli firm Check Point reported that year that a Chinese group…": a deed dated by the year just named
    r"|\b[a-z]+ed\s+(?:in\s+)?(?:the\s+same|that|the\s+following)\s+year\b(?!['’])",
    re.IGNORECASE,
)

SAME_TIME = re.compile(
    r"^\W*(?:(?:on|at|around|about|later|earlier)\s+)?(?:the|that)\s+(?:same\s+)?(?:day|week|month|year|time)\b"
    # "U.S. prosecutors later charged a North Korean programmer over that heist": what followed the events before
    r"|^\W*(?:[\w.'’-]+\s+){1,4}?(?:later|subsequently|afterwards)\s+[a-z]+ed\b",
    re.IGNORECASE,
)

# A time adverbial opening a sentence ("In April,", "In 2016 the…", "Last year") dates what it tells.
LEADING_TIME = re.compile(r"^\W*(?:in|since|back in|earlier in|as early as|last|during)\b", re.IGNORECASE)

# "…it links to a July 2024 advisory by Australia, the United States and Britain, which said…": a document dated in
# the noun phrase, told of as what it said then.
DATED_DOCUMENT = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+)?(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+)?(?:advisory|report|statement|"
    r"assessment|alert|analysis|study|warning)\s+(?:by|from|of|that|which)\b"
)

# "…citing sources who suspect a foreign power is behind the attack": the predicate's subject is a party left unnamed.
UNNAMED_SUBJECT_BEFORE = re.compile(
    r"\b(?:a|an|another|some)\s+(?:[\w-]+\s+){0,2}?(?:power|country|state|nation|government|actor|group|hackers?|"
    r"intelligence\s+service)\s+(?:(?:was|were|is|are|had\s+been|has\s+been|could\s+be|may\s+be|might\s+be)\s+)?$",
    re.IGNORECASE,
)

# "…, as a leading Belgian newspaper reported that": a clause whose unnamed reporter tells the claim after it.
UNNAMED_REPORTER = re.compile(
    r"(?:,|\b(?:as|while|after|when|and))\s+(?:a|an|one|another|some)\s+(?:[\w-]+\s+){0,3}?(?:newspapers?|daily|"
    r"dailies|broadcasters?|outlets?|magazines?|weekly|reports?|sources?|officials?|researchers?|experts?)\s+"
    r"(?:(?:had|have|has)\s+)?(?:reported|said|wrote|claimed|alleged|revealed|suggested)\s+(?:that\s+)?"
)

# "Shor denied wrongdoing.": a person's short answer, which goes on with the sentence before it.
PERSON_DENIED = re.compile(
    r"^\W*(?P<name>[A-Z][\w'’-]+)\s+(?:has\s+|had\s+)?(?:denied|rejected|dismissed)\b[^.;,]{0,40}\.?$"
)

IN_PAST_YEAR = re.compile(
    # ", in December 2018, joined…": a parenthetical date dates the clause it sits in
    r"\b(?:(?:since\s+|(?:in|back in|during)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\s+)?|"
    r"(?<=, )in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?=(?:19|20)\d\d,))(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)|"
    # ("for the 2017 NotPetya attack", "for a 2013 cyberattack")
    r"(?:(?:for|over) the (?P<event_year>(?:19|20)\d\d) (?:\w+ )?|"
    r"for an? (?P<event_year2>(?:19|20)\d\d) (?:\w+ )?(?:cyber-?)?)"
    r"(?:hack|attack|breach|intrusion|theft|heist|leak)s?\b)",
    re.IGNORECASE,
)

# "…has been accused by Ukraine of repeated cyberattacks": a record of accusations, when the sentence names no day of
# the news.
ACCUSED_OF_REPEATED = re.compile(
    r"\b(?:has|have)\s+been\s+(?:\w+ly\s+)?(?:accused|blamed)\b[^.;]{0,80}?\b(?:of|for)\s+(?:repeated|numerous|"
    r"multiple)\s",
    re.IGNORECASE,
)

# What may stand between coordinated subjects: "London and Washington", "The US, the UK and NATO".
SUBJECT_LINK = re.compile(
    r"\s*(?:(?:,|and|as well as|along with|the|its|allies?|'s|’s|[A-Z][\w'’.-]*|\([A-Z][\w&.-]{1,15}\)|[()])\s*)*"
)

# "…, while Japan said it was highly likely…": a second clause with its own reporting subject.
SECOND_SPEAKER = re.compile(
    r"(?:;|,\s+(?:while|whereas|but|and)\b)\s+(?=(?:the\s+)?[A-Z][^,;]{0,60}?\b(?:said|says|accused|blamed|"
    r"announced|concluded|added|stated|linked|attributed)\b)"
    # "The EU said it was investigating…, after a U.S. cybersecurity company said hackers had…"
    r"|,\s+(?:after|when)\s+(?=(?:an?|the)\s+(?:[\w.'’-]+\s+){1,4}?(?:said|says|reported|found|concluded)\b)"
    # "Norway blamed China for the attack, as the United States, Britain and the European Union accused Beijing of…"
    r"|,\s+as\s+(?=(?:the\s+)?[A-Z][^;]{0,80}?\b(?:accused|blamed|attributed)\b)"
)

# "…members of the Armageddon group, which the Council said was supported by the FSB": a relative clause with
# its own speaker, who says something of the noun before "which".
RELATIVE_SAYER = re.compile(
    r",\s+(?:which|who|whom)\s+(?P<sayer>(?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s+"
    r"(?:said|says|described as|called|claimed|alleged|believes|assessed|tracks as)\s+"
)

# "had already sanctioned … in December": an act told in the past perfect with a date is background.
PAST_PERFECT = re.compile(r"\bhad\s+(?:already|previously|earlier)\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE)

# The nouns that stand for a party spoken of before: "the ministry", "the firm", "the alliance".
ANAPHOR_NOUNS = (
    r"bureau|agency|ministry|department|company|firm|government|council|alliance|administration|office|centre|"
    # ("The service named five officers": a security or intelligence service)
    r"center|authorities|bloc|commission|embassy|organi[sz]ation|vendor|service|"
    # ("In a joint report, the two bodies attributed…", "…, the agencies said": those named together before)
    r"agencies|bodies|services|ministries|"
    # ("Israel's military said… The military said that its cyber defence division had taken down the servers")
    r"military|army|"
    # ("The Guardian reported… The paper also reported that the U.S. National Security Agency had tried…")
    r"newspaper|paper"
)
# "In a statement, the bureau said": an institution named by its kind is the last subject.
ANAPHORIC_SUBJECT = re.compile(
    # ("In a report submitted to the Director-General of Police and the State Home Department, the agency named…")
    r"^\W*(?:[A-Z][\w ]{0,30}, |(?:In|At|On|Speaking|Asked|According)\b[^,;]{0,160}, )?"
    # ("The messaging service blames NSO Group", "The security firm said": a word of what a firm does before the noun;
    # not "The presidential office said", which names an office for the first time)
    r"the (?:(?:two|three|four)\s+)?"
    r"(?P<phrase>(?:(?:security|cyber-?security|messaging|software|tech|technology|telecoms?|cloud|antivirus|internet|"
    r"search|chip|payments?|crypto(?:currency)?|research|consulting|defen[cs]e)\s+(?=(?:firm|company|vendor|service)\b))?"
    rf"(?P<noun>{ANAPHOR_NOUNS}|statement|declaration|advisory|document|indictment|complaint|affidavit|filing))\b"
    # ("The service was restored on Friday": "the service" is a security service only as one that speaks)
    r"(?:(?<!service)|(?=\s+(?:\w+ly\s+)?(?:said|says|named|identified|added|announced|accused|blamed|stated|told)\b))",
    re.IGNORECASE,
)

# "…gained access to some of Microsoft's executives, the company said": a reporting clause whose subject is only an
# anaphoric noun, for the party it stands for.
TAIL_ANAPHOR = re.compile(rf"the (?:(?:two|three|four)\s+)?(?P<noun>{ANAPHOR_NOUNS})")

# What kind of party an anaphoric noun stands for: "the ministry said" is the last state or body that spoke,
# not the last organisation; "the alliance" is the last international organisation; "the firm" a company.
ANAPHOR_KINDS = {
    "company": ("company",),
    "firm": ("company",),
    "vendor": ("company",),
    "firms": ("company",),
    "companies": ("company",),
    "newspaper": ("media",),
    "paper": ("media",),
    "alliance": ("international_org",),
    "bloc": ("international_org",),
    "commission": ("international_org", "government_body", "state"),
    "council": ("international_org", "government_body", "state"),
    "organisation": ("ngo", "international_org", "company", "government_body"),
    "organization": ("ngo", "international_org", "company", "government_body"),
}

STATE_KINDS = ("state", "government_body")

# "Judge Deborah Taylor at Southwark Crown Court", "Magistrate X of the Lisbon court": between a titled person and
# the body they sit in.
OFFICER_AT_BODY = re.compile(
    r"\W*(?:Judge|Justice|Magistrate|Prosecutor|Inspector|Detective|Superintendent|Commissioner|Chief)\s+"
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:at|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
)

# "Police link China to MirrorFace cyberattacks", "The National Police Agency said…": a body opening the sentence
# whose state the report does not give is the subject, not the first party named after it.
UNRESOLVED_BODY_SUBJECT = re.compile(
    # ("Land registry agency denies hack after Algerian group leaks property documents": not the group after it)
    r"^\W*(?:the\s+)?(?:[A-Z][\w-]+\s+|[a-z][\w-]+\s+(?=(?:[\w-]+\s+)?(?i:agency|ministry)\b)){0,3}"
    r"(?i:police|prosecutors|investigators|officials|authorities|agency|ministry)"
    r"\s+(?:\w+ly\s+)?(?:links?|linked|says?|said|blames?|blamed|accuses?|accused|ties|tied|names?|named|identif\w+|"
    r"denies|denied|rejects|rejected|dismisses|dismissed)\b"
)

# "Guaidó dismissed the accusation": a sentence opened by a name the report gives no party for has that
# unknown subject, not the first party named after it.
NAME_SUBJECT = re.compile(
    r"^\W*(?P<name>[A-ZÀ-Ý][\wÀ-ÿ'’-]+(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]+){0,2})\s+(?:\w+ly\s+)?(?:has\s+|had\s+)?"
    r"(?:said|says|dismissed|denied|denies|rejected|accused|blamed|called|told|added|insisted|claimed|argued|wrote|"
    r"responded|replied|urged|warned)\b"
)

# "They said the Lazarus Group … were behind…": the parties of the sentence before speak on.
THEY_SAID = re.compile(r"^\W*They\s+(?:\w+ly\s+)?(?:also\s+)?(?:said|say|added|noted|warned|accused|blamed)\b")

# "The culprit, they said, was…", "The attack, she added, bore…": the sayer set off in the sentence's first clause.
PARENTHETICAL_SAYER = re.compile(
    r"^\W*(?:the\s+|this\s+|that\s+)?[\w-]+(?:\s+[\w-]+){0,3},\s+(?P<pronoun>they|he|she|it)\s+"
    r"(?:said|say|says|added|believe|believes|believed|concluded),\s",
    re.IGNORECASE,
)

# "Prosecutors said the men belong to APT31 … and that it sent tracking emails in 2021": a reported clause, whose years
# date the deed told (not "said in 2019 that…", which dates the telling).
REPORTED_DEED_BEFORE = re.compile(
    r"^[^\"“”]*\b(?:said|says|say|alleged|alleges|allege|added|told\s+\w+)\b(?!\s+(?:in|on)\s+\w+)(?!\s+at\s+the\s+time)"
    r"[^.;\"“”]*\bthat\b[^;\"“”]*$|"
    # "Prosecutors in New Jersey accuse Silnikau of creating the Ransom Cartel strain in 2021": someone named, accused
    # now of a deed of that year
    r"^[^\"“”]*\b(?:accuse|accuses)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+of\b[^;\"“”]*$"
)

# "Illia Vitiuk told journalists on Jan. 4 that the Security Service of Ukraine believes the attack was carried out
# by Sandworm": what an unplaced speaker reports of a body, which holds the belief (the body follows this).
REPORTED_BODY_VIEW = re.compile(
    r"\b(?:said|says|told\s+(?:[\w-]+\s+){1,3}?|stated|explained)\s*(?:on\s+[\w.]+(?:\s+\d{1,2})?\s+)?that\s+(?:the\s+)?"
)
BODY_VIEW_VERB = re.compile(
    r"\s+(?:(?:also|now|firmly)\s+)?(?:believes|believed|suspects|suspected|concluded|has concluded|had concluded|"
    r"found|has established|had established|determined|has determined|assessed|has assessed)\b"
)

# "An American computer security company has traced…": a company the lede describes before it names it.
UNNAMED_COMPANY = re.compile(
    r"(?i:(?:\s+(?!(?:the|a|an|its|their|this|that|same)\b)(?![\w-]*ed\b)[\w-]+){0,3}?\s+(?:company|firm|vendor))"
    r"\s+(?!,|[A-Z])"
)

# "a U.S. cybersecurity company", "the US company Mandiant": a company named by its state and its trade.
COMPANY_NOUN = re.compile(
    r"(?:\s+(?!(?:the|a|an|its|their|this|that|same)\b)(?![\w-]*ed\b)[\w.-]+){0,3}?\s+(?:company|firm|vendor)\b",
    re.IGNORECASE,
)

# "The two countries…", "Both governments…", "The allies…": the parties that have just acted together.
# The number words of a counted group anaphor ("the three governments"), from two.
GROUP_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

GROUP_ANAPHOR = re.compile(
    # (after an opening phrase: "Alongside the statement, the three governments issued a public warning")
    r"^\W*(?:(?:In|Alongside|With|After|On|At|Separately)\b[^,;]{0,60},\s+)?"
    r"(?:the\s+(?P<number>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|(?P<both>both)|the)\s+"
    # (not "the governments of the United States, Japan and South Korea": named there)
    r"(?:countries|governments|nations|allies|capitals|agencies)\b(?!\s+of\b)",
    re.IGNORECASE,
)

# "A spokesperson told reporters that…", "A ministry spokesman said…": someone speaking for the party last named
# as a subject, when the sentence names no party before the reporting verb.
# "A spokesman for the Russian embassy in Paris dismissed the report": an official the sentence does not name.
UNNAMED_OFFICIAL = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|official|diplomat|ambassador|envoy)\b", re.IGNORECASE
)

UNNAMED_SPOKESMAN = re.compile(
    r"^\W*an?\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|official|representative)\s+(?:also\s+)?"
    r"(?:told|said|says|added|stated|wrote|insisted)\b"
    # "Investigators concluded that…", "Police said the hackers also…": those of the body that just spoke
    r"|^\W*(?:the\s+)?(?:investigators|prosecutors|police|officials)\s+(?:also\s+|later\s+)?"
    r"(?:concluded|found|said|say|believe|determined|established)\b",
    re.IGNORECASE,
)

# (after an opening phrase: "In a subsequent post, he said…")
PRONOUN_SUBJECT = re.compile(
    r"^(?:\W*)(?:(?:in|on|at|with|after|later|separately)\b[^,;]{0,40},\s+)?(?:he|she|they)\b", re.IGNORECASE
)

# Right after a closing quotation mark: '"…," she said' / '"…," the company said'.
QUOTE_THEN_PRONOUN = re.compile(r"^\W{0,4}(?:he|she|they)\s+(?:said|says|added|told|wrote)\b", re.IGNORECASE)

QUOTE_THEN_ANAPHOR = re.compile(
    r"^\W{0,4}(?:the|its) (?P<noun>company|firm|vendor|agency|ministry|bureau|department|government|group|researchers|"
    r"statement|declaration|report|advisory|embassy|council|alliance|bloc|organi[sz]ation|office|centre|center|"
    r"authority|administration)"
    r"\s+(?:said|says|added|wrote|stated)\b",
    re.IGNORECASE,
)

PREPOSITIONS_BEFORE_TARGET = re.compile(
    r"\b(?:against|on|with|over|from|of|targeting|to|in|at|between|among|toward|towards)\s+(?:the\s+|an?\s+)?$", re.I
)

# "officials in Kyiv", "a spokesman in Berlin": the place stands for the state they speak for.
# "against North Korean government officials": a party named inside a prepositional phrase, after the words
# that qualify it, is governed by the preposition as much as the first of them.
IN_PREPOSITIONAL_PHRASE = re.compile(
    r"\b(?:against|on|with|over|from|of|targeting|to|at|between|among|toward|towards)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*\s+){1,3}"
    # ("linked to Russia's foreign intelligence service": the body inside the phrase, after its state's adjectives)
    r"|(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+(?:[a-z][\w-]*\s+){1,2})$"
)

# "It said…", "It has called the accusations groundless": the organisation or state just named.
IT_SUBJECT = re.compile(
    r"^\W*it\s+(?:has\s+|had\s+|also\s+|further\s+)*(?:said|says|added|wrote|called|denied|dismissed|rejected|accused|"
    r"blamed|urged|demanded|condemned|vowed|warned|insisted|alleged|alleges|claimed|claims|stated|states|concluded|"
    r"concludes|found|finds|argued|argues|noted|notes|identified|identifies|described|describes|went further|"
    r"goes further|named|names|attributed|attributes|designated|designates|sanctioned|imposed|charged|indicted|"
    r"announced|published|issued|offered|expelled|summoned|tracks|tracked|calls|called|dubs|dubbed)\b",
    re.IGNORECASE,
)

PEOPLE_IN_PLACE = re.compile(
    r"\b(?:officials?|authorities|government|prosecutors|investigators|police|spokes(?:man|woman|person)|"
    r"ministry|embassy|diplomats?|leaders?|lawmakers)\s+(?:in|at)\s+(?:the\s+)?$|"
    # "Researchers at Mandiant said…", "analysts from Recorded Future": the firm they work for
    r"\b(?:researchers|analysts|experts|investigators|scientists|specialists|engineers)\s+(?:at|from|with)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
    re.I,
)

# "Cybersecurity agencies from Australia, Canada and New Zealand co-signed…": a sentence opened by agencies of a
# place has that place's state as its subject.
AGENCIES_OF_PLACE = re.compile(
    # (after an opening phrase: "In a joint technical report, cyber security agencies from Britain, …")
    r"^\W*(?:(?:in|on|at|with|under)\s[^,;]{1,60},\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:agencies|authorities|officials|counterparts|partners|governments|ministries|services)\s+(?:from|of|in)\s+"
    r"(?:the\s+)?$",
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


# "APT40 has been linked by the United States to China's Ministry of State Security": the accuser follows "by",
# the accused is the subject (and the party it is linked to).
LINKED_BY = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:linked|tied|attributed|connected|traced)\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)

# "Aleksandr Ermakov was identified by the Australian Federal Police and the ASD as the person behind the attack": the
# accusers follow "by", the accused is the subject; what follows the accusers must name the deed.
IDENTIFIED_BY = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:identified|named|unmasked|exposed)\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
# …"as the person behind the attack": what follows the accusers names the deed.
IDENTIFIED_AS_CULPRIT = re.compile(
    r"[^.;]{0,120}?\bas\s+(?:being\s+)?(?:(?:the|an?|one of the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:behind|responsible\s+for)\s+(?:the\s+|a\s+|an\s+|this\s+)?(?:[\w-]+\s+){0,3}?(?:attacks?|hacks?|hacking|"
    r"breach\w*|intrusions?|operations?|campaigns?|thefts?|leaks?|heists?)|culprits?|perpetrators?|attackers?|"
    r"masterminds?)\b",
    re.IGNORECASE,
)

# "BIN rejected reports that its network had been penetrated…": what follows is the rejected reports' word.
# ('dismissed as campaign "fake news" a report that hackers…': the verdict before the object)
REFUTED_REPORT = re.compile(
    r"\b(?:reject|den[iy]|dismiss|disput)\w*\s+(?:as\s+[^.;]{1,60}?\s+(?=an?\s+(?:[\w-]+\s+)?(?:reports?|claims?)\b))?"
    r"(?:the\s+|an?\s+|media\s+|news\s+|press\s+)*(?:[\w-]+\s+)?(?:reports?|claims?|suggestions?)\s+that\b",
    re.IGNORECASE,
)

# "…, The New York Times reported, citing a study by Recorded Future": the study's author makes the claim.
CITED_STUDY = re.compile(
    r"\bciting\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:study|report|research|analysis|findings|assessment)\s+"
    r"(?:by|from)\s+(?:[\w.-]+-based\s+)?(?:the\s+)?",
    re.IGNORECASE,
)

# "…the intruders, a highly skilled actor it tracks as UNC2452", "Microsoft calls the group Flax Typhoon": a firm
# naming the attackers the report speaks of.
VENDOR_TRACKS = re.compile(
    # ("the group, which it tracks as StormBamboo")
    r"\b(?:actor|group|cluster|hackers|intruders|attackers|adversary|operators?|unit),?\s+(?:that\s+|which\s+)?"
    r"(?:it|the company|the firm|they)\s+(?:tracks|tracked|has tracked|calls|called|dubs|dubbed|has dubbed|"
    r"names|named|refers to)\s+(?:as\s+)?[\"“]?|"
    r"\b(?:calls|dubs|dubbed|named|tracks)\s+the\s+(?:group|hackers|actor|cluster|attackers|intruders)\s+(?:as\s+)?[\"“]?",
    re.IGNORECASE,
)

# "The indictment, unsealed in Pittsburgh, …", "a complaint filed in federal court in Houston": where it was filed.
DOCUMENT_PLACE = re.compile(
    # ("…unsealed Thursday in Kansas City, Kan.")
    r"\b(?:unsealed|filed|returned|handed up)\s+(?:on\s+\w+\s+|\w+day\s+)?in\s+"
    r"(?P<federal>(?:a\s+)?federal\s+court\s+in\s+)?"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)

# "…, the FBI said on Monday, naming the culprits as the TraderTraitor group": the reporters name the attackers.
NAMING_CULPRITS = re.compile(
    # ("…, formally designating the group as APT43")
    r",\s+(?:\w+ly\s+)?(?:naming|identifying|designating|dubbing)\s+(?:the\s+|it\s+|them\s+)?"
    r"(?:(?:culprits?|perpetrators?|attackers|hackers|group|thieves|actor|cluster)\s+)?(?:as\s+)?"
    r"(?:the\s+)?(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)

# "whom the United States indicted in 2021": a legal act that can carry its own date (EARLIER_YEAR after it).
DATED_LEGAL_VERB = re.compile(r"(?:indicted|charged|sanctioned)\b", re.IGNORECASE)

# "…denied any involvement", "had nothing to do with": a denial of one's own part in the act.
OWN_INVOLVEMENT = re.compile(r"involvement|responsib|\brole\b|behind|nothing to do|carried out|engage", re.IGNORECASE)

# The widest patterns answer at once for a text without any of the words they require (prefilter.py).
COUNTER = prefiltered(COUNTER)
DENIAL = prefiltered(DENIAL)
PREDICATE_CUES = prefiltered(PREDICATE_CUES)
ENDORSEMENT = prefiltered(ENDORSEMENT)
CO_SIGNED = prefiltered(CO_SIGNED)
REPORTED_ATTACKER = prefiltered(REPORTED_ATTACKER)
HEDGE = prefiltered(HEDGE)
ATTRIBUTION_CUES = prefiltered(ATTRIBUTION_CUES)
IN_PAST_YEAR = prefiltered(IN_PAST_YEAR)
DOCUMENT_SUBJECT = prefiltered(DOCUMENT_SUBJECT)
SAME_YEAR = prefiltered(SAME_YEAR)
DISCLAIMER = prefiltered(DISCLAIMER)
DATED_DOCUMENT = prefiltered(DATED_DOCUMENT)
PART_OF = prefiltered(PART_OF)
ACCUSATIONS_BY = prefiltered(ACCUSATIONS_BY)
ACKNOWLEDGE = prefiltered(ACKNOWLEDGE)
REFUTED_REPORT = prefiltered(REFUTED_REPORT)
OTHER_OFFENCES = prefiltered(OTHER_OFFENCES)
MEMBERS_OF_GROUP = prefiltered(MEMBERS_OF_GROUP)
POSSESSED_ACCUSATION = prefiltered(POSSESSED_ACCUSATION)
SPONSORED_DESCRIPTION = prefiltered(SPONSORED_DESCRIPTION)
VENDOR_TRACKS = prefiltered(VENDOR_TRACKS)
CYBER = prefiltered(CYBER)
BACKGROUND = prefiltered(BACKGROUND)
LEDE_ACTOR = prefiltered(LEDE_ACTOR)
SUBJECT_AT_END = prefiltered(SUBJECT_AT_END)
INCIDENT_SUBJECT = prefiltered(INCIDENT_SUBJECT)
IDENTIFIED_AS_CULPRIT = prefiltered(IDENTIFIED_AS_CULPRIT)
ORG_APPOSITION = prefiltered(ORG_APPOSITION)
OPENING_TIME_CLAUSE = prefiltered(OPENING_TIME_CLAUSE)


# "agents based in China, Russia and elsewhere": where people are, before the states that place them.
# (not "a state-sponsored actor based in China": the state behind a group)
PLACE_OF_PEOPLE_BEFORE = re.compile(
    r"\b(?:agents|nationals|citizens|people|men|women|workers|individuals|employees|operatives|residents|members|"
    # ("had identified the individual, who is based in South Africa")
    r"individual|person|suspect|man|woman),?\s+"
    r"(?:(?:who\s+(?:are|were|is|was)|now)\s+)?(?:based|located|living|residing|hiding|stationed)\s+in\s+(?:the\s+)?$"
)


# "the Trickbot Group operated out of Russia, Belarus, Ukraine and Suriname": where an actor works from (not "hackers
# based in Iran", who are the state's in news usage).
WORKS_FROM_BEFORE = re.compile(r"\boperat\w+\s+out\s+of\s+(?:the\s+)?$")


# ", and on Tuesday the Kremlin rejected…", "; Moscow…", ", but…": a clause with a subject of its own.
NEW_CLAUSE = re.compile(r";|,\s+(?:but|while|whereas)\b|,\s+and\s+(?:[\w'’-]+\s+){0,3}?(?:the\s+)?(?-i:[A-Z])", re.I)


def habitual_denial_at(text: str, match: re.Match) -> bool:
    """Whether one denial of the sentence (a DENIAL match) is told as a habit, of deeds in general (not "maintained
    his innocence": an answer to charges)."""
    return bool(
        HABITUAL_DENIAL.search(text[: match.start()])
        and (GENERIC_DEEDS.match(text, match.end()) or not SPECIFIC_OBJECT.match(text, match.end()))
        and "innocen" not in match.group().lower()
    )


@lru_cache(maxsize=1024)
def habitual_denial(text: str) -> bool:
    """Whether the sentence is a denial told as the denier's habit, of deeds in general ("Moscow has repeatedly denied
    carrying out cyberattacks", "has consistently said it does not conduct…", "…and dismissed such accusations as a
    smear"), not as an answer to this report's charges ("has repeatedly denied any role in the attack"): its first
    denial is habitual, no blame is told before it ("The US blamed Russia…, although Moscow has repeatedly denied…"),
    and every later denial continues its clause (not "…, and on Tuesday the Kremlin rejected the accusations")."""
    denials = list(DENIAL.finditer(text))
    if not denials or not habitual_denial_at(text, denials[0]) or ATTRIBUTION_CUES.search(text, 0, denials[0].start()):
        return False
    return not any(
        NEW_CLAUSE.search(text, before.end(), later.start())
        for before, later in zip(denials, denials[1:], strict=False)
    )
