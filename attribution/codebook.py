"""The controlled vocabularies of CODEBOOK.md as Django choices; one module so every part speaks alike.

Kept in step with the codebook by ``tests/attribution/test_codebook.py``.
"""

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class PartyKind(models.TextChoices):
    STATE = "state", "State"
    GOVERNMENT_BODY = "government_body", "Government body"
    PERSON = "person", "Person"
    THREAT_GROUP = "threat_group", "Threat group"
    COMPANY = "company", "Company"
    INTERNATIONAL_ORG = "international_org", "International organisation"
    MEDIA = "media", "Media"
    NGO = "ngo", "NGO"
    OTHER = "other", "Other"


class IncidentType(models.TextChoices):
    ESPIONAGE = "espionage", "Espionage"
    DATA_THEFT = "data_theft", "Data theft"
    HACK_AND_LEAK = "hack_and_leak", "Hack and leak"
    DISRUPTION = "disruption", "Disruption"
    DDOS = "ddos", "DDoS"
    RANSOMWARE = "ransomware", "Ransomware"
    WIPER = "wiper", "Wiper (data destruction)"
    DEFACEMENT = "defacement", "Defacement"
    HIJACKING = "hijacking", "Hijacking (system misuse)"
    SABOTAGE = "sabotage", "Sabotage (physical effects)"
    FINANCIAL_THEFT = "financial_theft", "Financial theft"
    INFLUENCE_OPERATION = "influence_operation", "Influence operation"
    OTHER = "other", "Other"


class TargetCategory(models.TextChoices):
    STATE_INSTITUTIONS = "state_institutions", "State institutions"
    CRITICAL_INFRASTRUCTURE = "critical_infrastructure", "Critical infrastructure"
    INTERNATIONAL_ORG = "international_org", "International organisation"
    CORPORATE = "corporate", "Corporate"
    MEDIA = "media", "Media"
    SOCIAL_GROUPS = "social_groups", "Social groups"
    END_USERS = "end_users", "End users"
    SCIENCE = "science", "Science"
    MILITARY = "military", "Military"
    UNKNOWN = "unknown", "Unknown"


class CaseStatus(models.TextChoices):
    NEW = "new", "New"
    INVESTIGATING = "investigating", "Investigating"
    ATTRIBUTED = "attributed", "Attributed"
    CONTESTED = "contested", "Contested"
    UNATTRIBUTED = "unattributed", "Unattributed"
    CLOSED = "closed", "Closed"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class AttributorType(models.TextChoices):
    SELF_CLAIM = "self_claim", "Self-claim (attacker confirms)"
    VICTIM_GOVERNMENT = "victim_government", "Victim government"
    THIRD_PARTY_GOVERNMENT = "third_party_government", "Third-party government"
    INTERNATIONAL_ORG = "international_org", "International organisation"
    SECURITY_COMPANY = "security_company", "Security company"
    MEDIA = "media", "Media"
    RESEARCHER = "researcher", "Researcher"
    OTHER = "other", "Other"


class AttributionChannel(models.TextChoices):
    POLITICAL_STATEMENT = "political_statement", "Political statement"
    TECHNICAL_REPORT = "technical_report", "Technical report"
    LEGAL_ACTION = "legal_action", "Legal action"
    STATEMENT_WITH_MEASURES = "statement_with_measures", "Statement with measures"
    MEDIA_REPORT_NAMED = "media_report_named", "Media report (named sources)"
    MEDIA_REPORT_ANONYMOUS = "media_report_anonymous", "Media report (anonymous sources)"
    SELF_ATTRIBUTION = "self_attribution", "Self-attribution"
    UNCLEAR = "unclear", "Unclear"


class AttributionLevel(models.TextChoices):
    TECHNICAL_CLUSTER = "technical_cluster", "Technical cluster"
    THREAT_GROUP = "threat_group", "Threat group"
    STATE_BODY = "state_body", "State body"
    STATE = "state", "State"
    INDIVIDUAL = "individual", "Individual"


class AttributionBasis(models.TextChoices):
    TECHNICAL_FORENSICS = "technical_forensics", "Technical forensics"
    INFRASTRUCTURE = "infrastructure", "Infrastructure"
    MALWARE = "malware", "Malware"
    INTELLIGENCE = "intelligence", "Intelligence"
    INVESTIGATION = "investigation", "Investigation"
    LEGAL_PROCEEDINGS = "legal_proceedings", "Legal proceedings"
    SELF_CLAIM = "self_claim", "Self-claim"
    CONTEXT = "context", "Context"
    UNSTATED = "unstated", "Unstated"


class AttributionStance(models.TextChoices):
    ATTRIBUTES = "attributes", "Attributes"
    ENDORSES = "endorses", "Endorses another's attribution"
    CONTESTS = "contests", "Contests"
    RETRACTS = "retracts", "Retracts"


class Confidence(models.TextChoices):
    """ICD-203 estimative scale (MISP taxonomy ``estimative-language``)."""

    ALMOST_NO_CHANCE = "almost_no_chance", "Almost no chance (1-5%)"
    VERY_UNLIKELY = "very_unlikely", "Very unlikely (5-20%)"
    UNLIKELY = "unlikely", "Unlikely (20-45%)"
    ROUGHLY_EVEN = "roughly_even", "Roughly even chance (45-55%)"
    LIKELY = "likely", "Likely (55-80%)"
    VERY_LIKELY = "very_likely", "Very likely (80-95%)"
    ALMOST_CERTAIN = "almost_certain", "Almost certain (95-99%)"
    UNSTATED = "unstated", "Unstated"


class ReactionStance(models.TextChoices):
    DENIAL = "denial", "Denial"
    COUNTER_ACCUSATION = "counter_accusation", "Counter-accusation"
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement"
    NO_COMMENT = "no_comment", "No comment"
    AMBIGUOUS = "ambiguous", "Ambiguous"


class ConsequenceKind(models.TextChoices):
    # political
    CONDEMNATION = "condemnation", "Condemnation"
    PLEDGED_RESPONSE = "pledged_response", "Pledged response"
    PROTEST_NOTE = "protest_note", "Protest note"
    SUMMONED_AMBASSADOR = "summoned_ambassador", "Summoned ambassador"
    AWARENESS_RAISING = "awareness_raising", "Awareness raising (advisory)"
    CAPACITY_BUILDING = "capacity_building", "Capacity building"
    # diplomatic
    EXPELLED_DIPLOMATS = "expelled_diplomats", "Expelled diplomats"
    RECALLED_AMBASSADOR = "recalled_ambassador", "Recalled ambassador"
    SEVERED_DIPLOMATIC_RELATIONS = "severed_diplomatic_relations", "Severed diplomatic relations"
    CLOSED_MISSION = "closed_mission", "Closed mission"
    # economic
    SANCTIONS = "sanctions", "Sanctions"
    # legal
    INDICTMENT = "indictment", "Indictment"
    ARREST = "arrest", "Arrest"
    EXTRADITION = "extradition", "Extradition"
    PROSECUTION = "prosecution", "Prosecution"
    COURT_ORDER = "court_order", "Court order"
    REWARD = "reward", "Reward"
    # operational
    CYBER_OPERATION = "cyber_operation", "Cyber operation"
    MILITARY_ACTION = "military_action", "Military action"
    # other
    EMERGENCY_DECLARATION = "emergency_declaration", "Emergency declaration"
    LEGISLATION = "legislation", "Legislation"
    OTHER = "other", "Other"


class ConsequenceStatus(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    IMPLEMENTED = "implemented", "Implemented"
    LIFTED = "lifted", "Lifted"


class SourceKind(models.TextChoices):
    NEWS = "news", "News"
    GOVERNMENT_STATEMENT = "government_statement", "Government statement"
    VENDOR_REPORT = "vendor_report", "Vendor report"
    COURT_DOCUMENT = "court_document", "Court document"
    ACADEMIC = "academic", "Academic"
    SOCIAL_MEDIA = "social_media", "Social media"
    DATASET = "dataset", "Dataset"
    OTHER = "other", "Other"


class Reliability(models.TextChoices):
    """Admiralty scale for source reliability (MISP taxonomy ``admiralty-scale``)."""

    A = "a", "A - Completely reliable"
    B = "b", "B - Usually reliable"
    C = "c", "C - Fairly reliable"
    D = "d", "D - Not usually reliable"
    E = "e", "E - Unreliable"
    F = "f", "F - Reliability cannot be judged"


class Tlp(models.TextChoices):
    """Traffic Light Protocol 2.0 markings, from least to most restricted."""

    CLEAR = "clear", "TLP:CLEAR"
    GREEN = "green", "TLP:GREEN"
    AMBER = "amber", "TLP:AMBER"
    AMBER_STRICT = "amber_strict", "TLP:AMBER+STRICT"
    RED = "red", "TLP:RED"


class Severity(models.IntegerChoices):
    """Case severity as the tracker's own triage scale (not a codebook vocabulary)."""

    MINIMAL = 1, "1 - Minimal"
    LOW = 2, "2 - Low"
    MODERATE = 3, "3 - Moderate"
    HIGH = 4, "4 - High"
    SEVERE = 5, "5 - Severe"


class ExternalIdSystem(models.TextChoices):
    """Namespaces of identifiers that other catalogues give a party."""

    MITRE_ATTACK = "mitre_attack", "MITRE ATT&CK"
    MISP_GALAXY = "misp_galaxy", "MISP galaxy UUID"
    STIX = "stix", "STIX id"
    WIKIDATA = "wikidata", "Wikidata"
    OTHER = "other", "Other"
