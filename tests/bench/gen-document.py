#!/usr/bin/env python3
"""Write a valid synthetic Quotegraph document ("quotegraph/1") for benchmarks.

The article is deterministic pseudo-random English-like prose (with some
multi-byte words and typographic quotes).  Every quote is a contiguous,
whitespace-collapsed slice of the article cut at word boundaries; its
"occurrence" is computed exactly (overlapping matches in the
whitespace-collapsed article) and written only when it is greater than 1.
Relations form a random spanning tree first (when there are enough of them)
and every quote is used as evidence at least once when possible.

Example:
    gen-document.py --entities 3000 --quotes 12000 --relations 12000 \\
        --article-bytes 2000000 doc.json
"""

import argparse
import json
import os
import random
import re
import sys

KINDS = ["person", "agency", "government", "company", "retailer", "media",
         "group", "country", "event", "thing"]

STANCES = ["support", "oppose", "neutral"]

LABELS = [
    "criticises", "supports", "funds", "sues", "warns", "bans products of",
    "works with", "reports on", "accuses", "praises", "owns", "advises",
    "investigates", "defends", "sells to", "buys from", "meets",
    "negotiates with", "denies claims by", "quotes", "is part of",
    "competes with", "sanctions", "relies on",
]

# Name parts per kind, so names read like "Entity 17 Anna-Müller".
NAME_PARTS = {
    "person": (["Anna", "Boris", "Chloé", "David", "Elena", "Farid", "Greta",
                "Hugo", "Ines", "Jonas", "Kira", "Léon", "Maya", "Nils"],
               ["Berg", "Müller", "Novak", "Okafor", "Petrov", "Quinn",
                "Rossi", "Santos", "Tanaka", "Ulrich", "Varga", "Weiß"]),
    "agency": (["Security", "Trade", "Cyber", "Energy", "Health", "Customs"],
               ["Agency", "Office", "Bureau", "Service", "Directorate"]),
    "government": (["Federal", "National", "Regional", "State", "City"],
                   ["Government", "Ministry", "Council", "Cabinet"]),
    "company": (["North", "Blue", "Iron", "Quantum", "Silver", "Delta"],
                ["Systems", "Labs", "Holdings", "Software", "Networks"]),
    "retailer": (["Mega", "Corner", "Value", "Prime", "Daily"],
                 ["Mart", "Store", "Shops", "Outlet"]),
    "media": (["Morning", "Evening", "Global", "Daily", "Weekly"],
              ["Post", "Herald", "Tribune", "Gazette", "Wire"]),
    "group": (["Open", "Free", "Civic", "Digital", "Green"],
              ["Alliance", "Coalition", "Forum", "Collective"]),
    "country": (["Nor", "Est", "Val", "Mar", "Kal"],
                ["land", "ria", "onia", "istan", "avia"]),
    "event": (["Spring", "Autumn", "Annual", "Emergency"],
              ["Summit", "Hearing", "Conference", "Election"]),
    "thing": (["Widget", "Gadget", "Device", "Module"],
              ["Alpha", "Beta", "Gamma", "Omega"]),
}

DETERMINERS = ["the", "a", "this", "that", "every", "some", "its", "their",
               "another", "each", "no", "one"]

ADJECTIVES = [
    "federal", "national", "secret", "public", "private", "binding", "total",
    "new", "old", "senior", "junior", "acting", "former", "official", "major",
    "minor", "recent", "urgent", "careful", "serious", "clear", "vague",
    "strong", "weak", "costly", "cheap", "early", "late", "digital", "local",
    "foreign", "domestic", "legal", "illegal", "formal", "broad", "narrow",
    "quiet", "loud", "naïve", "rapid", "slow", "direct", "indirect", "annual",
    "critical", "independent", "strategic", "technical", "political",
]

NOUNS = [
    "government", "agency", "company", "report", "directive", "ban",
    "product", "software", "minister", "official", "spokesperson", "court",
    "judge", "lawyer", "analyst", "researcher", "journalist", "newspaper",
    "statement", "decision", "risk", "threat", "network", "system", "server",
    "database", "customer", "retailer", "store", "market", "budget",
    "contract", "deal", "investigation", "hearing", "committee", "senator",
    "policy", "law", "rule", "regulation", "document", "letter", "email",
    "meeting", "conference", "summit", "election", "campaign", "vote",
    "council", "city", "country", "border", "trade", "tariff", "price",
    "profit", "loss", "share", "investor", "bank", "fund", "loan", "debt",
    "crisis", "response", "plan", "strategy", "programme", "project",
    "team", "group", "coalition", "alliance", "partner", "rival", "source",
    "claim", "denial", "warning", "question", "answer", "interview",
    "article", "headline", "story", "rumour", "leak", "breach", "attack",
    "defence", "security", "privacy", "data", "café", "résumé", "façade",
    "fiancée", "protégé", "régime", "débâcle", "rôle", "señor", "smörgåsbord",
]

VERBS = [
    "announced", "issued", "removed", "banned", "approved", "rejected",
    "criticised", "praised", "defended", "questioned", "reviewed",
    "published", "denied", "confirmed", "reported", "revealed", "warned",
    "suggested", "argued", "insisted", "accepted", "declined", "signed",
    "cancelled", "delayed", "extended", "expanded", "reduced", "increased",
    "launched", "ended", "started", "blocked", "allowed", "ordered",
    "requested", "proposed", "supported", "opposed", "funded", "investigated",
    "examined", "considered", "discussed", "described", "explained",
    "ignored", "noted", "cited", "quoted",
]

ADVERBS = [
    "quickly", "slowly", "quietly", "publicly", "privately", "firmly",
    "reluctantly", "formally", "openly", "briefly", "repeatedly", "finally",
    "recently", "already", "again", "later", "officially", "reportedly",
    "allegedly", "apparently",
]

PREPOSITIONS = ["in", "on", "at", "for", "with", "from", "against", "about",
                "after", "before", "during", "under", "over", "through",
                "without", "near", "beyond", "despite"]

PLACES = ["Zürich", "Moscow", "Washington", "São Paulo", "Kraków", "Malmö",
          "Montréal", "Brussels", "Genève", "Reykjavík", "Ōsaka", "Köln",
          "Besançon", "Łódź", "Istanbul", "Nairobi"]

TIMES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday",
         "on Friday", "last week", "last year", "this morning",
         "in September", "in 2017", "early on", "at midnight"]

AMOUNTS = ["€40 million", "$3 billion", "£12,000", "¥900 million",
           "two per cent", "half", "a third", "dozens", "thousands"]

SAID = ["said", "added", "told reporters", "wrote", "explained", "insisted",
        "warned", "claimed"]

CONNECTORS = ["However,", "Meanwhile,", "In addition,", "Still,",
              "According to officials,", "As a result,", "Nevertheless,",
              "By contrast,", "Separately,", "In response,"]

# Stock sentences recur throughout the article so that some quotes occur
# more than once and need an explicit "occurrence".
STOCK_SENTENCES = [
    "The spokesperson declined to comment on the matter.",
    "The agency did not respond to a request for comment.",
    "“We take these concerns very seriously,” the company said.",
    "Officials said the review would continue for several weeks.",
    "The report was published on the agency’s website on Wednesday.",
    "No evidence of wrongdoing has been made public so far.",
    "The decision can be appealed within thirty days.",
    "Critics called the move naïve and politically motivated.",
    "The meeting in Zürich ended without a joint statement.",
    "“There is no risk to customers,” a senior official insisted.",
    "The company has repeatedly denied any ties to the government.",
    "Analysts expect the ban to cost the retailer €40 million a year.",
    "The committee will hold a public hearing next month.",
    "A café owner near the ministry said nothing had changed.",
    "The directive applies to all federal agencies and contractors.",
    "It was not immediately clear who would enforce the rule.",
    "The lawyer said the claims were “entirely without merit”.",
    "Investors reacted calmly to the news on Thursday.",
    "The document was first reported by a local newspaper.",
    "Several questions about the contract remain unanswered.",
    "The minister said the government would not change its position.",
    "Researchers warned that the breach could affect millions of users.",
    "The court is expected to rule before the end of the year.",
    "The alliance said it would publish its own report in the spring.",
    "A former official described the process as slow and opaque.",
    "The statement did not name the countries involved.",
    "Both sides said the talks had been constructive.",
    "The programme was launched in 2017 with a budget of $3 billion.",
    "The “so-called” review has been criticised by several groups.",
    "The price of the software rose by two per cent after the announcement.",
]

WS_RUN = re.compile(r"[ \t\n\r\f\v]+")

INDEX_KEY = 16  # characters of the collapsed article used as index keys


def collapse(text):
    """Collapse runs of white space to single spaces."""
    return WS_RUN.sub(" ", text)


def utf8_len(text):
    return len(text.encode("utf-8"))


class Prose:
    """Deterministic English-like prose generator."""

    def __init__(self, rng, mentions):
        self.rng = rng
        self.mentions = mentions  # names/aliases that may appear in the text

    def noun_phrase(self):
        r = self.rng
        x = r.random()
        if self.mentions and x < 0.12:
            return r.choice(self.mentions)
        if x < 0.18:
            return r.choice(PLACES)
        words = [r.choice(DETERMINERS)]
        if r.random() < 0.5:
            words.append(r.choice(ADJECTIVES))
        words.append(r.choice(NOUNS))
        if r.random() < 0.1:
            words[-1] = words[-1] + "’s"
            words.append(r.choice(NOUNS))
        return " ".join(words)

    def clause(self):
        r = self.rng
        parts = [self.noun_phrase()]
        if r.random() < 0.2:
            parts.append(r.choice(ADVERBS))
        parts.append(r.choice(VERBS))
        parts.append(self.noun_phrase())
        for _ in range(r.randint(0, 2)):
            x = r.random()
            if x < 0.6:
                parts.append(r.choice(PREPOSITIONS))
                parts.append(self.noun_phrase())
            elif x < 0.8:
                parts.append(r.choice(TIMES))
            else:
                parts.append("worth " + r.choice(AMOUNTS))
        if r.random() < 0.04:
            parts.append('in what it called a "' + r.choice(ADJECTIVES)
                         + " " + r.choice(NOUNS) + '"')
        return " ".join(parts)

    def sentence(self):
        r = self.rng
        x = r.random()
        if x < 0.04:
            return r.choice(STOCK_SENTENCES)
        if x < 0.14:
            # Direct speech with typographic quotes.
            body = self.clause()
            body = body[0].upper() + body[1:]
            return "“%s,” %s %s." % (body, self.noun_phrase(), r.choice(SAID))
        text = self.clause()
        if r.random() < 0.3:
            text += ", and " + self.clause()
        elif r.random() < 0.15:
            text += ", which " + r.choice(VERBS) + " " + self.noun_phrase()
        if r.random() < 0.12:
            text = r.choice(CONNECTORS) + " " + text
        return text[0].upper() + text[1:] + "."

    def article(self, min_bytes):
        r = self.rng
        paragraphs = []
        total = 0
        while total < min_bytes:
            pieces = []
            for i in range(r.randint(3, 8)):
                s = self.sentence()
                if i:
                    y = r.random()
                    if y < 0.03:
                        pieces.append("  ")  # double space
                    elif y < 0.04:
                        pieces.append("\n")  # hard line break
                    elif y < 0.045:
                        pieces.append(" \t")
                    else:
                        pieces.append(" ")
                pieces.append(s)
            para = "".join(pieces)
            paragraphs.append(para)
            total += utf8_len(para) + 2
        return "\n\n".join(paragraphs) + "\n"


class Matcher:
    """Exact, overlapping occurrence search in the collapsed article.

    Every position that follows a space is indexed by the INDEX_KEY
    characters starting there.  Any occurrence of a quote containing a space
    at offset j puts a space at (start + j), so its (j+1)-th character lies
    at an indexed position: looking up the key found there gives a complete
    candidate list.
    """

    def __init__(self, text):
        self.text = text
        index = {}
        find = text.find
        pos = find(" ")
        while pos >= 0:
            s = pos + 1
            key = text[s:s + INDEX_KEY]
            lst = index.get(key)
            if lst is None:
                index[key] = [s]
            else:
                lst.append(s)
            pos = find(" ", s)
        self.index = index

    def matches(self, quote, limit=None):
        """Start positions (ascending) of overlapping matches of quote.

        With limit, only matches at positions <= limit are returned."""
        text = self.text
        j = quote.find(" ")
        if j >= 0 and len(quote) - (j + 1) >= INDEX_KEY:
            key = quote[j + 1:j + 1 + INDEX_KEY]
            out = []
            for s in self.index.get(key, ()):
                i = s - (j + 1)
                if limit is not None and i > limit:
                    break
                if i >= 0 and text.startswith(quote, i):
                    out.append(i)
            return out
        out = []
        i = text.find(quote)
        while i >= 0 and (limit is None or i <= limit):
            out.append(i)
            i = text.find(quote, i + 1)
        return out


def make_entities(rng, n):
    entities = []
    mentions = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        first, second = NAME_PARTS[kind]
        short = "%s-%s" % (rng.choice(first), rng.choice(second))
        ent = {"id": "e%d" % i, "name": "Entity %d %s" % (i, short),
               "kind": kind}
        if i % 4 == 1:
            ent["aliases"] = ["E-%d" % i, "%s %d" % (short, i)]
        if i % 3 == 2:
            ent["description"] = ("Synthetic %s number %d, based in %s"
                                  % (kind, i, rng.choice(PLACES)))
        entities.append(ent)
        mentions.append(ent["name"])
        mentions.extend(ent.get("aliases", ()))
    return entities, mentions


def slice_quote(rng, ctext, word_starts, wi):
    """A 40-200 byte quote starting at word number wi, or None."""
    nwords = len(word_starts)
    target = rng.randint(40, 200)
    start = word_starts[wi]
    best = None
    size = 0
    wj = wi
    while wj < nwords:
        end = word_starts[wj + 1] - 1 if wj + 1 < nwords else len(ctext)
        size = utf8_len(ctext[start:end])
        if size > 200:
            break
        best = end
        if size >= target:
            break
        wj += 1
    if best is None:
        return None
    quote = ctext[start:best]
    if utf8_len(quote) < 40:
        return None
    return quote, start


def make_quotes(rng, n, ctext, matcher, entities):
    word_starts = [0]
    word_starts.extend(s for s in _space_positions(ctext))
    nwords = len(word_starts)
    stock = [collapse(s) for s in STOCK_SENTENCES]
    stock_matches = {}
    quotes = []
    attempts = 0
    k = 0
    while len(quotes) < n:
        attempts += 1
        if attempts > 20 * n + 100:
            sys.exit("gen-document: cannot cut %d quotes from the article; "
                     "make --article-bytes larger" % n)
        chosen = None
        if rng.random() < 0.08:
            s = rng.choice(stock)
            if s not in stock_matches:
                stock_matches[s] = matcher.matches(s)
            m = stock_matches[s]
            if m:
                idx = rng.randrange(len(m))
                chosen = (s, m[idx], idx + 1)
        if chosen is None:
            wi = int((k + rng.random()) * nwords / max(n, 1))
            wi = min(max(wi, 0), nwords - 1)
            k = (k + 1) % max(n, 1)
            got = slice_quote(rng, ctext, word_starts, wi)
            if got is None:
                continue
            text, pos = got
            m = matcher.matches(text, limit=pos)
            if not m or m[-1] != pos:
                raise AssertionError("matcher missed a quote at %d" % pos)
            chosen = (text, pos, len(m))
        text, pos, occ = chosen
        i = len(quotes)
        q = {"id": "q%d" % i, "text": text}
        if i % 3 == 0 and entities:
            q["speaker"] = entities[rng.randrange(len(entities))]["id"]
            if i % 9 == 0:
                q["note"] = "speaker inferred from the surrounding paragraph"
        if occ > 1:
            q["occurrence"] = occ
        quotes.append(q)
    return quotes


def _space_positions(ctext):
    find = ctext.find
    pos = find(" ")
    while pos >= 0:
        yield pos + 1
        pos = find(" ", pos + 1)


def make_relations(rng, n, entities, quotes):
    ne = len(entities)
    nq = len(quotes)
    if n and not nq:
        sys.exit("gen-document: relations need evidence: --quotes must be > 0")
    pairs = []
    if ne > 1 and n >= ne - 1:
        order = list(range(ne))
        rng.shuffle(order)
        for k in range(1, ne):
            a = order[k]
            b = order[rng.randrange(k)]
            pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    while len(pairs) < n:
        a = rng.randrange(ne)
        if rng.random() < 0.005:
            b = a  # occasional self-loop; allowed by the format
        else:
            b = rng.randrange(ne)
            if ne > 1:
                while b == a:
                    b = rng.randrange(ne)
        pairs.append((a, b))

    # Evidence counts: 1-3 each, raised until every quote can be used.
    counts = [rng.randint(1, 3) for _ in range(n)]
    need = min(nq, 3 * n)
    total = sum(counts)
    if total < need:
        open_slots = [i for i in range(n) if counts[i] < 3]
        rng.shuffle(open_slots)
        while total < need:
            i = open_slots[-1]
            counts[i] += 1
            total += 1
            if counts[i] == 3:
                open_slots.pop()
    unused = list(range(nq))
    rng.shuffle(unused)
    relations = []
    for i, (a, b) in enumerate(pairs):
        ev = []
        for _ in range(min(counts[i], nq)):
            if unused:
                qi = unused.pop()
            else:
                qi = rng.randrange(nq)
                tries = 0
                while ("q%d" % qi) in ev and tries < 10:
                    qi = rng.randrange(nq)
                    tries += 1
                if ("q%d" % qi) in ev:
                    continue
            ev.append(quotes[qi]["id"])
        relations.append({
            "id": "r%d" % i,
            "source": entities[a]["id"],
            "target": entities[b]["id"],
            "label": rng.choice(LABELS),
            "stance": STANCES[i % 3],
            "evidence": ev,
        })
    return relations


def main():
    ap = argparse.ArgumentParser(
        description="Write a valid synthetic quotegraph/1 document.")
    ap.add_argument("--entities", type=int, required=True,
                    help="number of entities (>= 1)")
    ap.add_argument("--quotes", type=int, required=True,
                    help="number of quotes")
    ap.add_argument("--relations", type=int, required=True,
                    help="number of relations")
    ap.add_argument("--article-bytes", type=int, required=True,
                    help="minimum size of the article in UTF-8 bytes")
    ap.add_argument("--seed", type=int, default=1,
                    help="random seed (default 1)")
    ap.add_argument("--text-file", action="store_true",
                    help="write the article to OUT's basename with .txt "
                         "beside OUT and reference it with text_file")
    ap.add_argument("out", metavar="OUT.json", help="output file")
    args = ap.parse_args()

    if args.entities < 1:
        ap.error("--entities must be at least 1")
    if min(args.quotes, args.relations, args.article_bytes) < 0:
        ap.error("counts must not be negative")

    rng = random.Random(args.seed)
    entities, mentions = make_entities(rng, args.entities)
    article = Prose(rng, mentions).article(max(args.article_bytes, 1))
    ctext = collapse(article)
    matcher = Matcher(ctext) if args.quotes else None
    quotes = make_quotes(rng, args.quotes, ctext, matcher, entities)
    relations = make_relations(rng, args.relations, entities, quotes)

    art = {
        "title": "Synthetic benchmark article (seed %d)" % args.seed,
        "source": "tests/bench/gen-document.py",
        "published": "2017-09-13",
    }
    if args.text_file:
        base = os.path.splitext(os.path.basename(args.out))[0] + ".txt"
        txt_path = os.path.join(os.path.dirname(args.out), base)
        with open(txt_path, "w", encoding="utf-8", newline="") as f:
            f.write(article)
        art["text_file"] = base
    else:
        art["text"] = article

    doc = {
        "format": "quotegraph/1",
        "article": art,
        "entities": entities,
        "quotes": quotes,
        "relations": relations,
    }
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
