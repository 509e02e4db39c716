"""Real-word slips that newsrooms know: one wrong letter, or two swapped, and still a word.

Each entry is (intended word, slip, context): the context is a regular expression in which
`{w}` stands for the intended word, and which only matches where the slip cannot be read as
meant ("public sector" can become "pubic sector"; "the public" alone is left alone). The
injector replaces one such word with the slip, keeping its capitals, and never invents a
context the article does not have.

The list was compiled for this benchmark from copy editors' accounts of the slips that spell
checkers pass because the result is a word: public/pubic (newsrooms' most notorious, see
"Public or Pubic? Spellcheck Can't Tell!", Business Writing blog, 2005, and "Stealth enemies:
A pubic forum? A state statue?", 2004), the "When spell-check won't help" series of the
Grammar Monkeys copy desk (2011: morale/moral, assess/asses, interstate/intestate), form for
from ("The Public/Pubic Pitfall and Other Non-typo Typos", PrawfsBlawg, 2010), published
newspaper corrections, and the grammar and miscellaneous section of Wikipedia's lists of
common misspellings. It is kept independent of seedlint's own rule files on purpose: the
benchmark must not test the rules with their own word list.
"""

from __future__ import annotations

from typing import NamedTuple


class Slip(NamedTuple):
    intended: str
    slip: str
    context: str  # regex; {w} is the intended word


SLIPS: tuple[Slip, ...] = (
    Slip(
        "public",
        "pubic",
        r"{w} (?:sector|service|servants?|health|interest|schools?|safety|transit|transport"
        r"|transportation|librar(?:y|ies)|opinion|records?|comments?|affairs|policy|domain"
        r"|lands?|meetings?|hearings?|input|education|funds?|works|officials?|trust)\b",
    ),
    Slip("United", "Untied", r"\b{w} (?:States|Nations|Kingdom|Arab Emirates|Airlines|Way)\b"),
    Slip(
        "Minister",
        "Minster",
        r"\b(?:Prime|Deputy|Foreign|Finance|Defen[cs]e|Health|Chief|Interior) {w}\b",
    ),
    Slip("trial", "trail", r"\bclinical {w}s?\b|\b(?:stand|stood|standing|awaiting) {w}\b"),
    Slip(
        "manager",
        "manger",
        r"\b(?:program|project|product|general|campaign|team|city|branch|office|account"
        r"|portfolio|community|content|media|case|contract|hiring) {w}s?\b",
    ),
    Slip("from", "form", r"\b(?:away|apart|aside|ranging|far) {w}\b"),
    Slip("statute", "statue", r"\b{w} of limitations\b"),
    Slip("marital", "martial", r"\b{w} status\b"),
    Slip("causal", "casual", r"\b{w} (?:link|links|effect|effects|inference|factors?|chain)\b"),
    Slip(
        "complaint",
        "compliant",
        r"\b(?:file|filed|files|filing|lodge|lodged) a {w}\b|\bconsumer {w}s?\b",
    ),
    Slip("compliant", "complaint", r"\b(?:508|HIPAA|FedRAMP|ADA|standards)[- ]{w}\b"),
    Slip("principal", "principle", r"\b{w} investigators?\b"),
    Slip("principle", "principal", r"\bin {w}\b"),
    Slip("effect", "affect", r"\b(?:take|takes|took|taken|taking|into) {w}\b|\bside {w}s\b"),
    Slip("lose", "loose", r"\b(?:to|will|would|could|might|may|can|cannot|not) {w}\b"),
    Slip("breathe", "breath", r"\bto {w}\b"),
    Slip("led", "lead", r"\b(?:was|were|is|are|been) {w} by\b"),
    Slip(
        "than",
        "then",
        r"\b(?:more|less|rather|other|better|greater|fewer|larger|smaller|higher|lower) {w}\b",
    ),
    Slip("their", "there", r"\b{w} own\b"),
    Slip("role", "roll", r"\b(?:key|leading|important|central|critical|vital|major) {w}\b"),
    Slip("roll", "role", r"\b{w} out\b"),
    Slip("peek", "peak", r"\bsneak {w}s?\b"),
    Slip("rein", "reign", r"\bfree {w}\b"),
    Slip("tenets", "tenants", r"\b(?:core|key|basic|central|fundamental) {w}\b"),
    Slip("pore", "pour", r"\b{w} over\b"),
    Slip("wreak", "wreck", r"\b{w}(?:s|ed|ing)? havoc\b"),
    Slip("palette", "pallet", r"\b(?:colou?r|design) {w}s?\b"),
    Slip("bear", "bare", r"\b{w} in mind\b"),
    Slip("bated", "baited", r"\b{w} breath\b"),
    Slip("counsel", "council", r"\b(?:legal|defen[cs]e) {w}\b"),
    Slip("advice", "advise", r"\b(?:seek|sought|legal|expert|medical|practical|good) {w}\b"),
    Slip("except", "accept", r"\b{w} for\b"),
    Slip("whether", "weather", r"\b{w} or not\b"),
    Slip("thorough", "through", r"\b{w} (?:review|investigation|analysis|understanding)\b"),
    Slip("quite", "quiet", r"\b{w} a (?:few|bit|lot)\b"),
    Slip(
        "customer",
        "costumer",
        r"\b{w} (?:service|experience|satisfaction|feedback|support|journey)\b",
    ),
    Slip("manage", "mange", r"\bto {w}\b"),
    Slip("diary", "dairy", r"\b{w} stud(?:y|ies)\b"),
    Slip("assess", "asses", r"\bto {w}\b"),
    Slip(
        "conservation",
        "conversation",
        r"\b(?:wildlife|energy|water|soil|land|habitat|marine) {w}\b",
    ),
    Slip("severe", "sever", r"\b{w} (?:weather|storms?|flooding|drought)\b"),
    Slip("prostate", "prostrate", r"\b{w} cancer\b"),
    Slip("morale", "moral", r"\b(?:staff|employee|team|troop|workforce) {w}\b"),
    Slip(
        "Personnel",
        "Personal",
        r"\bOffice of {w} Management\b|\b(?:military|federal|medical) {w}\b",
    ),
    Slip("illicit", "elicit", r"\b{w} (?:drugs?|trade|trafficking|activity)\b"),
    Slip("lightning", "lightening", r"\b{w} (?:strikes?|storms?|bolts?)\b"),
    Slip("waiver", "waver", r"\b(?:fee|tuition|visa|program) {w}s?\b"),
    Slip("interstate", "intestate", r"\b{w} (?:highways?|commerce|travel)\b"),
)
