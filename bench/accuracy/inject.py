"""Build the accuracy benchmark set: real articles rendered as seeds, with recorded defects.

Every damaged document carries exactly one injected defect of a named class. Injection is
deterministic: each (class, article) pair gets its own `random.Random` seeded from a string.
The articles come from tests/data through the shared loader (tests/accuracy/seed_corpora.py);
Wikinews English unless a corpus and split are named.

    python bench/accuracy/inject.py --dump /tmp/seedlint-accuracy   # write files + manifest
    python bench/accuracy/inject.py --corpus 18f_blog --split validation
"""

from __future__ import annotations

import argparse
import html.entities
import json
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "accuracy"))  # the shared corpus loader

import seed_corpora  # noqa: E402
from defect import (  # noqa: E402
    APOSTROPHES,
    Defect,
    body_start,
    paragraphs,
    pick_match,
    replace,
    same_case,
    words,
)
from inject_lexical import (  # noqa: E402
    acronym_possessive,
    contraction_any,
    contraction_word,
    name_possessive,
    name_possessive_initial,
    real_word_slip,
)

RESTORABLE = {
    "header-whitespace": True,
    "real-word-typo": True,
    "non-word-typo": True,
    "missing-open-quote": False,
    "missing-close-quote": False,
    "apostrophe-acronym": True,
    "apostrophe-name": True,
    "apostrophe-contraction": True,
    "truncation-comma": False,
    "truncation-mid": False,
    "mojibake": True,
    "html-entity": True,
    "control-char": True,
    "invisible-char": True,
    "apostrophe-acronym-any": True,
    "apostrophe-name-any": True,
    "apostrophe-contraction-any": True,
    "real-word-slip": True,
    "apostrophe-name-initial": True,
    "apostrophe-contraction-word": True,
}
CLASSES = tuple(RESTORABLE)
# the classes whose damage is the same in any language: the others plant English words
LANGUAGE_FREE = (
    "header-whitespace",
    "missing-open-quote",
    "missing-close-quote",
    "truncation-comma",
    "truncation-mid",
    "mojibake",
    "html-entity",
    "control-char",
    "invisible-char",
)
TRUNCATIONS = ("truncation-comma", "truncation-mid")

MISSPELLINGS = {
    "government": "goverment",
    "received": "recieved",
    "which": "wich",
    "their": "thier",
    "because": "becuase",
    "definitely": "definately",
    "occurred": "occured",
    "separate": "seperate",
    "until": "untill",
    "believe": "beleive",
    "beginning": "begining",
    "environment": "enviroment",
    "accommodate": "accomodate",
    "independent": "independant",
    "foreign": "foriegn",
    "successful": "succesful",
    "tomorrow": "tommorow",
    "committee": "commitee",
    "parliament": "parliment",
    "immediately": "immediatly",
    "publicly": "publically",
    "according": "acording",
    "announced": "anounced",
    "business": "buisness",
    "official": "offical",
    "people": "poeple",
    "necessary": "neccessary",
    "similar": "similiar",
    "achieve": "acheive",
    "address": "adress",
    "existence": "existance",
    "february": "febuary",
    "opportunity": "oppurtunity",
    "recommend": "reccomend",
    "relevant": "relevent",
    "surprise": "suprise",
    "religious": "religous",
    "knowledge": "knowlege",
    "library": "libary",
    "weird": "wierd",
}

# Acronyms whose apostrophe-less form cannot be a plural, so "UKs" is unambiguous
# ("ABCs", "MPs", "CDs" are left out).
ACRONYMS = words(
    "UK US USA EU UN NHS BBC CNN NBC CBS MSNBC NASA ESA FBI CIA NSA WHO IMF NATO OPEC "
    "FIFA UEFA IOC NBA NFL NHL MLB ICC ECB SNP ANC DRC"
)

# Countries and cities whose "+s" form has no plausible plural reading. Left out: China,
# Korea, America, Germany, Congo, Sudan, Samoa (the two Chinas, the Americas, ...), names that
# are also common nouns or people (Turkey, Guinea, Jordan, Chad, Georgia, Washington), names
# shared by many towns (Portland, Birmingham) and names ending in "s" (Paris, Athens).
COUNTRIES = words(
    "Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain "
    "Bangladesh Belgium Bolivia Bosnia Botswana Brazil Britain Bulgaria Cambodia Cameroon "
    "Canada Chile Colombia Croatia Cuba Czechia Denmark Ecuador Egypt England Eritrea "
    "Estonia Ethiopia Fiji Finland Gabon Gambia Ghana Greece Guatemala Haiti Hungary Iceland "
    "India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Kazakhstan Kenya Kosovo Kuwait "
    "Latvia Lebanon Liberia Libya Lithuania Luxembourg Madagascar Malawi Malaysia Mali Malta "
    "Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Nicaragua Niger "
    "Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Poland Portugal Qatar Romania "
    "Russia Rwanda Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sweden "
    "Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Uganda Ukraine "
    "Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Africa Europe Asia "
    "Hong_Kong Puerto_Rico New_Zealand South_Africa North_Korea South_Korea Saudi_Arabia "
    "United_Kingdom"
)
CITIES = words(
    "London Berlin Madrid Rome Moscow Beijing Tokyo Delhi Mumbai Sydney Melbourne Toronto "
    "Chicago Boston Houston Seattle Manila Jakarta Bangkok Seoul Cairo Nairobi Istanbul "
    "Tehran Baghdad Kabul Kyiv Kiev Warsaw Vienna Prague Budapest Dublin Amsterdam Stockholm "
    "Oslo Helsinki Lisbon Havana Lima Bogota Mecca Jerusalem Gaza Dubai Riyadh Doha Karachi "
    "Lahore Dhaka Shanghai Wuhan Auckland Wellington Ottawa Montreal Vancouver Atlanta Miami "
    "Denver Detroit Philadelphia Baltimore Glasgow Edinburgh Manchester Liverpool "
    "Magnitogorsk Chelyabinsk Gdansk New_York"
)
PLACES = sorted({name.replace("_", " ") for name in COUNTRIES + CITIES})

CONTRACTIONS = words(
    "don't doesn't didn't isn't wasn't aren't weren't hasn't haven't hadn't couldn't wouldn't "
    "shouldn't mustn't they're you're they've we've you've that's there's what's"
)

HEADER_PREFIXES = (" ", "  ", "\t", " \t", "    ")
CONTROL_CHARS = ("\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f")
INVISIBLE_CHARS = ("\u200b", "\ufeff", "\u2060", "\u00ad")


@dataclass(frozen=True)
class Case:
    """One benchmark document: a rendered seed, possibly damaged by one defect."""

    doc_id: str
    article: str
    cls: str  # a class from CLASSES, or "clean"
    original: str  # the rendered seed before damage
    damaged: str
    start: int  # span of the defect in `damaged`, [start, end)
    end: int
    original_text: str  # what the original held at that place
    restorable: bool


def load_articles(corpus: str, splits: Iterable[str] = seed_corpora.SPLITS) -> dict[str, str]:
    """{article id: rendered seed} of a corpus's articles in the given splits."""
    return {a.article_id: a.seed for a in seed_corpora.articles(corpus, splits)}


# --- injectors: (seed text, rng) -> Defect | None ---------------------------------


def header_whitespace(text: str, rng: random.Random) -> Defect | None:
    prefix = rng.choice(HEADER_PREFIXES)
    return Defect(prefix + text, 0, len(prefix), "")


def real_word_typo(text: str, rng: random.Random) -> Defect | None:
    m = pick_match(text, r"\b(?:Prime|Deputy|Foreign) (Minister)\b", rng)
    return replace(text, m.start(1), m.end(1), "Minster") if m else None


def non_word_typo(text: str, rng: random.Random) -> Defect | None:
    skip = body_start(text)
    found: dict[str, list[re.Match[str]]] = {}
    for m in re.finditer(r"\b(" + "|".join(MISSPELLINGS) + r")\b", text, re.IGNORECASE):
        if m.start() >= skip:
            found.setdefault(m.group().lower(), []).append(m)
    if not found:
        return None
    m = rng.choice(found[rng.choice(sorted(found))])
    return replace(text, m.start(), m.end(), same_case(m.group(), MISSPELLINGS[m.group().lower()]))


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of double-quote pairs in paragraphs whose quotes all pair up."""
    pairs: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        para = text[start:end]
        straight = [i for i, c in enumerate(para) if c == '"']
        curly = [(i, c) for i, c in enumerate(para) if c in "\u201c\u201d"]
        if len(straight) % 2 or any(c != "\u201c\u201d"[k % 2] for k, (_, c) in enumerate(curly)):
            continue
        if len(curly) % 2:
            continue
        candidate = list(zip(straight[::2], straight[1::2], strict=True))
        candidate += [(a, b) for (a, _), (b, _) in zip(curly[::2], curly[1::2], strict=True)]
        if all(opens(para, a) and closes(para, b) for a, b in candidate):
            pairs += [(start + a, start + b) for a, b in candidate]
    return pairs


def opens(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return (before.isspace() or before in "([\u2014-") and not after.isspace()


def closes(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]\u2014-")


def guillemet_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of « » pairs, French style (a space may stand inside each mark),
    in paragraphs whose guillemets all pair up, one level deep."""
    pairs: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        para = text[start:end]
        marks = [(i, c) for i, c in enumerate(para) if c in "«»"]
        if len(marks) % 2 or any(c != "«»"[k % 2] for k, (_, c) in enumerate(marks)):
            continue
        pairs += [(start + a, start + b) for (a, _), (b, _) in zip(marks[::2], marks[1::2])]
    return pairs


def missing_quote(which: int) -> Callable[[str, random.Random], Defect | None]:
    def inject(text: str, rng: random.Random) -> Defect | None:
        # English double quotes; a text without any pairs of them, French guillemets
        pairs = quote_pairs(text) or guillemet_pairs(text)
        if not pairs:
            return None
        pos = rng.choice(pairs)[which]
        return Defect(text[:pos] + text[pos + 1 :], pos, pos, text[pos])

    return inject


def alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


APOSTROPHE = f"[{APOSTROPHES}]"
ACRONYM_RE = re.compile(rf"\b(?:{alternation(ACRONYMS)}){APOSTROPHE}s\b")
PLACE_RE = re.compile(rf"\b(?:{alternation(PLACES)}){APOSTROPHE}s\b")
CONTRACTION_RE = re.compile(
    r"\b(?:" + "|".join(w.replace("'", APOSTROPHE) for w in CONTRACTIONS) + r")\b", re.IGNORECASE
)


def drop_apostrophe(pattern: re.Pattern[str]) -> Callable[[str, random.Random], Defect | None]:
    """Remove the apostrophe (either kind, kept as found) from a random match of pattern."""

    def inject(text: str, rng: random.Random) -> Defect | None:
        m = pick_match(text, pattern, rng)
        if not m:
            return None
        cut = m.start() + next(i for i, c in enumerate(m.group()) if c in APOSTROPHES)
        return Defect(text[:cut] + text[cut + 1 :], m.start(), m.end() - 1, m.group())

    return inject


def truncation_comma(text: str, rng: random.Random) -> Defect | None:
    floor = max(body_start(text), len(text) * 3 // 4)
    cuts = [m.start() + 1 for m in re.finditer(r", ", text) if m.start() >= floor]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    return Defect(text[:cut], cut, cut, text[cut:])


def truncation_mid(text: str, rng: random.Random) -> Defect | None:
    floor = max(body_start(text), len(text) * 3 // 4)
    cuts = [m.start() + 1 for m in re.finditer(r"[a-z] [a-z]", text) if m.start() >= floor]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    return Defect(text[:cut], cut, cut, text[cut:])


def as_cp1252(run: str) -> str:
    """UTF-8 bytes of run read as Windows-1252; the five undefined bytes map to C1 controls."""
    out = []
    for byte in run.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def run_kind(run: str) -> str:
    if all(unicodedata.category(c)[0] in "PZSC" for c in run):
        return "punctuation"
    return "latin" if all("LATIN" in unicodedata.name(c, "") for c in run) else "other-script"


def mojibake(text: str, rng: random.Random) -> Defect | None:
    skip = body_start(text)
    runs: dict[str, list[re.Match[str]]] = {}
    for m in re.finditer(r"[^\x00-\x7f]+", text):
        if m.start() >= skip:
            runs.setdefault(run_kind(m.group()), []).append(m)
    if not runs:
        return None
    m = rng.choice(runs[rng.choice(sorted(runs))])
    return replace(text, m.start(), m.end(), as_cp1252(m.group()))


def entity_forms(char: str) -> list[str]:
    forms = [f"&#{ord(char)};"]
    name = html.entities.codepoint2name.get(ord(char))
    if name and char != "'":
        forms.append(f"&{name};")
    return forms


def html_entity(text: str, rng: random.Random) -> Defect | None:
    skip = body_start(text)
    found: dict[str, list[int]] = {}
    for i in range(skip, len(text)):
        char = text[i]
        if char in "&\"'\u2019\u201c\u201d\u2014\u2013\xa0" or (
            ord(char) > 127 and ord(char) in html.entities.codepoint2name
        ):
            found.setdefault(char, []).append(i)
    if not found:
        return None
    char = rng.choice(sorted(found))
    pos = rng.choice(found[char])
    return replace(text, pos, pos + 1, rng.choice(entity_forms(char)))


def control_char(text: str, rng: random.Random) -> Defect | None:
    start, end = rng.choice(paragraphs(text))
    pos = rng.randrange(start + 1, end)
    return Defect(text[:pos] + rng.choice(CONTROL_CHARS) + text[pos:], pos, pos + 1, "")


def invisible_char(text: str, rng: random.Random) -> Defect | None:
    m = pick_match(text, r"[A-Za-z]{4,}", rng)
    if not m:
        return None
    pos = rng.randrange(m.start() + 1, m.end())
    return Defect(text[:pos] + rng.choice(INVISIBLE_CHARS) + text[pos:], pos, pos + 1, "")


INJECTORS: dict[str, Callable[[str, random.Random], Defect | None]] = {
    "header-whitespace": header_whitespace,
    "real-word-typo": real_word_typo,
    "non-word-typo": non_word_typo,
    "missing-open-quote": missing_quote(0),
    "missing-close-quote": missing_quote(1),
    "apostrophe-acronym": drop_apostrophe(ACRONYM_RE),
    "apostrophe-name": drop_apostrophe(PLACE_RE),
    "apostrophe-contraction": drop_apostrophe(CONTRACTION_RE),
    "truncation-comma": truncation_comma,
    "truncation-mid": truncation_mid,
    "mojibake": mojibake,
    "html-entity": html_entity,
    "control-char": control_char,
    "invisible-char": invisible_char,
    "apostrophe-acronym-any": acronym_possessive,
    "apostrophe-name-any": name_possessive,
    "apostrophe-contraction-any": contraction_any,
    "real-word-slip": real_word_slip,
    "apostrophe-name-initial": name_possessive_initial,
    "apostrophe-contraction-word": contraction_word,
}


def build_cases(
    per_class: int = 40,
    clean_share: float = 0.2,
    seed: int = 2024,
    articles: dict[str, str] | None = None,
    classes: Sequence[str] = CLASSES,
) -> list[Case]:
    """Up to per_class damaged documents per class (distinct articles), plus clean controls.

    Clean controls make up clean_share of all documents. A class that an article offers no
    place for (no "Prime Minister", no "UK's", ...) skips that article and takes the next one.
    """
    seeds = articles if articles is not None else load_articles("wikinews_en")
    ids = sorted(seeds)
    cases: list[Case] = []
    for cls in classes:
        order = ids[:]
        random.Random(f"{seed}/{cls}").shuffle(order)
        taken = 0
        for article in order:
            if taken == per_class:
                break
            defect = INJECTORS[cls](seeds[article], random.Random(f"{seed}/{cls}/{article}"))
            if defect is None:
                continue
            taken += 1
            cases.append(
                Case(
                    f"{article}-{cls}",
                    article,
                    cls,
                    seeds[article],
                    defect.damaged,
                    defect.start,
                    defect.end,
                    defect.original_text,
                    RESTORABLE[cls],
                )
            )
    n_clean = min(len(ids), round(len(cases) * clean_share / (1 - clean_share)))
    for article in sorted(random.Random(f"{seed}/clean").sample(ids, n_clean)):
        text = seeds[article]
        cases.append(Case(f"{article}-clean", article, "clean", text, text, 0, 0, "", True))
    return cases


def dump(cases: list[Case], folder: Path) -> None:
    """Write every damaged document as <doc_id>.txt and the records as manifest.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        for case in cases:
            (folder / f"{case.doc_id}.txt").write_text(case.damaged, encoding="utf-8", newline="")
            record = asdict(case)
            del record["original"], record["damaged"]
            record["damaged_text"] = case.damaged[case.start : case.end]
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="folder to write the documents and manifest")
    parser.add_argument("--corpus", choices=sorted(seed_corpora.CORPORA), default="wikinews_en")
    parser.add_argument("--split", choices=seed_corpora.SPLITS, action="append")
    parser.add_argument("--per-class", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    articles = load_articles(args.corpus, args.split or seed_corpora.SPLITS)
    cases = build_cases(args.per_class, seed=args.seed, articles=articles)
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.cls] = counts.get(case.cls, 0) + 1
    for cls, n in counts.items():
        print(f"{cls:28} {n:4}")
    if args.dump:
        dump(cases, args.dump)
        print(f"wrote {len(cases)} documents to {args.dump}")


if __name__ == "__main__":
    main()
