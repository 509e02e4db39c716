"""Closed classes of English words that several kinds read a sentence with (and nothing else).

These are grammar, not vocabulary: the function words that cannot end a title or a list
item ("the", "of", "and"), the words that make a clause finite ("is", "said", "will"), and
the verbs a plural subject takes, so that "the APIs provide" reads as a plural and "the
NISTs draft" does not. The verb list holds common English verbs that are also written
after a plural noun; a word it lacks is read as a noun, which only ever makes a rule
report less.
"""

from __future__ import annotations


def words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


ARTICLES = words("a an the")
POSSESSIVE_DETERMINERS = words("my your our their his her its")
PREPOSITIONS = words(
    "about above across after against along amid among around as at before behind below "
    "beneath beside besides between beyond by despite down during except for from in inside "
    "into like near of off on onto out outside over past per since than through throughout "
    "till to toward towards under underneath unlike until up upon versus via with within "
    "without"
)
CONJUNCTIONS = words("and but or nor so yet because although though while whereas if unless")
PRONOUNS = words(
    "i me my mine we us our ours you your yours he him his she her hers it its they them "
    "their theirs this that these those who whom whose which what"
)
AUXILIARIES = words(
    "is are was were be been being am has have had having do does did will would shall "
    "should can could may might must ought"
)
# what cannot close a finished title, list item or sentence
DANGLING = (
    ARTICLES
    | PREPOSITIONS
    | CONJUNCTIONS
    | AUXILIARIES
    | words("my our your his her its their this that these those whose which who whom")
)
ADVERBS = words(
    "also alike again already always early enough even ever here just later never now often "
    "only once perhaps rather soon still such then there thus together too very well yet"
)
# endings of adjectives the word lists do not know, which list only adjectives that have
# a comparative ("searchable", "available", "beneficial", "responsive", "historic",
# "relevant", "consistent", "unnecessary", "accurate"); a noun they know is never one
# ("official", "potential", "agent"), nor a word in -ment ("equipment")
ADJECTIVE_ENDINGS = tuple(sorted(words("able ible ous ful ed ive al ic ant ent ary ate less")))
QUANTIFIERS = words(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions dozen dozens both all many several "
    "some few fewer most more other various numerous these those such no multiple "
    "tens scores"
)
# titles before a name: "Senator Klobuchar", "Chancellor Angela Merkel"
TITLES = words(
    "mr mrs ms miss dr prof professor sir dame lord lady president senator governor mayor "
    "chancellor minister secretary ambassador judge justice attorney general colonel "
    "captain sergeant lieutenant coach director chairman chairwoman chair king queen prince "
    "princess pope bishop archbishop rabbi imam father sister brother uncle aunt saint st "
    "representative rep sen gov congressman congresswoman councillor councilman commissioner"
)
# titles that stand before a person's name and nothing else: honorifics ("Mr. Thier") and
# offices ("President Gore", "Senator Kennedy"); not "General Motors", "Justice Department"
HONORIFICS = words("mr mrs ms miss mx dr prof sir dame")
PERSONAL_TITLES = HONORIFICS | words(
    "president senator governor mayor premier chancellor congressman congresswoman sen gov"
)
# letters written after a person's name: ranks, honours, degrees and generations ("Lionel
# Robbards QC", "Nigel Pemberds MP", "Martin Luther Kings Jr"), as written
POST_NOMINALS = words(
    "QC KC SC MP MEP MSP MLA MLC MHA MHR AC AO AM OAM APM OBE MBE CBE KBE DBE GBE CH OM VC "
    "GC CB KCB GCB CMG KCMG JP FRS FRCS FRCP PhD DPhil Jr Jnr Sr Snr Esq II III IV"
)
# words that make a region's, an era's or a regime's name of a place's ("Western Australia",
# "South Australia", "Communist China", "Nazi Germany"): its possessive is written as the
# place's, with 's
PLACE_QUALIFIERS = words(
    "North South East West Northern Southern Eastern Western Central New Upper Lower Greater "
    "Communist Nationalist Nazi Fascist Soviet Imperial Colonial Occupied Free Red Mainland "
    "Ancient Medieval Modern"
)
# prefixes a hyphen may join to a verb ("re-elected", "co-founded"); other hyphenated words
# before a noun are compound modifiers ("web-based")
VERB_PREFIXES = words("re co pre de un mis over out under up down cross dis")
# adjectives in a verb's form whose verbs English no longer uses ("upcome", "unpay"), though
# the dictionary of inflections lists them: before a noun they are what it owns ("Mr.
# Gorbachevs upcoming visit", "Naurus unpaid bills"), never a plural subject's verb
PARTICIPLE_ADJECTIVES = words(
    "upcoming ongoing outgoing incoming forthcoming oncoming outstanding unpaid"
)

# Verbs in the forms a plural subject takes (base and past), common in news text. Forms
# ending in "-ed" are recognised by their ending and need not be listed.
VERBS = words(
    "accept achieve act add address admit affect agree aim allow announce answer appear "
    "apply argue arrive ask assess assist attack attempt attend avoid back bear beat become "
    "became begin began believe belong bring brought build built buy bought call came can "
    "care carry catch caught cause change charge check choose chose claim clear close collect "
    "come compare compete complain complete concern confirm connect consider contain continue "
    "contribute control cost could count cover create cut deal dealt decide declare decline "
    "deliver demand deny depend describe design determine develop did die disagree discover "
    "discuss do draw drew drink drive drove drop earn eat ate enable encourage end engage "
    "enjoy ensure enter establish estimate evaluate expand expect experience explain explore "
    "express face fail fall fell feed fed feel felt fight fought fill find found finish fit "
    "fly flew focus follow forget forgot form gain gather generate get got give gave go went "
    "grow grew guide handle hang happen hate have hear heard help hide hid hire hit hold held "
    "hope host identify ignore imagine implement improve include increase indicate influence "
    "inform insist install intend introduce invest invite involve issue join judge keep kept "
    "kill know knew lack land last launch lay laid lead led learn learnt leave left lend lent "
    "let lie lay like limit link list listen live look lose lost love maintain make made "
    "manage mark matter may mean meant measure meet met mention might miss monitor move must "
    "need note notice obtain occur offer open operate order organise organize outline own "
    "participate pass pay paid perform permit pick place plan play point prefer prepare "
    "present prevent process produce promise promote protect protest prove provide publish "
    "pull purchase push put raise reach read realise realize receive recognise recognize "
    "recommend record reduce refer reflect refuse regard reject relate release rely remain "
    "remember remove rent repeat replace reply report represent request require rescue "
    "respond rest result retain return reveal review ride rise rose run ran save saw say "
    "said see seek sought seem sell sold send sent serve set settle shake share shift shoot "
    "shot should show sign sing sit sat sleep slept slow smile solve speak spoke spend spent "
    "stand stood start state stay step stick stop store struggle study submit succeed suffer "
    "suggest supply support suppose surround survive take took talk target teach taught tell "
    "tend test thank think thought threaten throw threw track train transfer travel treat "
    "trust try turn understand understood urge use vary view visit vote wait walk want warn "
    "was watch wear wore were will win won wish wonder work worry would write wrote"
)


def is_verb(word: str) -> bool:
    """Whether a lower-case word may be the verb of a plural subject."""
    return word in VERBS or word in AUXILIARIES or (len(word) > 4 and word.endswith("ed"))


# a full stop after these ends no sentence ("mobile apps vs. mobile websites", "the U.S."):
# lookbehinds to put before a pattern's full stop
NOT_AN_END = "".join(f"(?<!\\b{a})" for a in ("vs", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr")) + (
    "(?<![A-Z]\\.[A-Z])"
)
