#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/broken/*.json: one broken document per rule of FORMAT.md.

Each is the valid tests/data/valid/small.json with one thing broken. The
error each must produce is written by hand beside it, as NAME.err; this
script never writes those. Run it again after changing a case here, then
check the .err files by reading them.
"""

import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "broken")

with open(os.path.join(HERE, "valid", "small.json"), encoding="utf-8") as f:
    BASE = json.load(f)


def dump(name, doc):
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")


def raw(name, data):
    with open(os.path.join(OUT, name + ".json"), "wb") as f:
        f.write(data)


def case(name, change):
    doc = copy.deepcopy(BASE)
    change(doc)
    dump(name, doc)


def setter(*path_and_value):
    *path, value = path_and_value

    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def deleter(*path):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


# Syntax and limits
raw("syntax-unexpected", b'{\n  "format": "quotegraph/1",\n  "entities": ]\n}\n')
raw("syntax-trailing-comma", b'{\n  "format": "quotegraph/1",\n}\n')
raw("syntax-comment", b'{\n  // a comment\n  "format": "quotegraph/1"\n}\n')
raw("syntax-unterminated-string", b'{\n  "format": "quotegraph/1\n}\n')
raw("syntax-nul-escape", b'{\n  "format": "quote\\u0000graph/1"\n}\n')
raw("syntax-lone-surrogate", b'{\n  "format": "\\ud800x"\n}\n')
raw("syntax-invalid-utf8", b'{\n  "format": "caf\xe9"\n}\n')
raw("syntax-empty", b"")
raw("syntax-after-end", b'{"format": "quotegraph/1"}\n{}\n')
raw("syntax-missing-colon", b'{\n  "format" "quotegraph/1"\n}\n')
raw("syntax-bad-escape", b'{\n  "format": "a\\qb"\n}\n')
raw("syntax-too-deep", b"[" * 65 + b"]" * 65 + b"\n")
raw("syntax-leading-zero", b'{\n  "n": 007\n}\n')
raw("syntax-duplicate-member", b'{\n  "format": "quotegraph/2",\n  "format": "quotegraph/1"\n}\n')

# The top level
raw("root-not-object", b'[\n  "quotegraph/1"\n]\n')
case("format-missing", deleter("format"))
case("format-unsupported", setter("format", "quotegraph/2"))
case("format-wrong-type", setter("format", 1))
case("members-missing", lambda d: [d.pop(k) for k in ("entities", "quotes", "relations")])

# article
case("article-wrong-type", setter("article", "Small test"))
case("article-title-missing", deleter("article", "title"))
case("article-title-empty", setter("article", "title", "  "))
case("article-source-wrong-type", setter("article", "source", None))
case("article-published-not-iso", setter("article", "published", "13 Sept 2017"))
case("article-published-bad-date", setter("article", "published", "2017-02-30"))
case("article-published-spaces", setter("article", "published", " 201"))
case("article-both-texts", setter("article", "text_file", "small.txt"))
case("article-no-text", deleter("article", "text"))
case("article-text-wrong-type", setter("article", "text", ["no"]))


def text_file(value):
    def change(doc):
        del doc["article"]["text"]
        doc["article"]["text_file"] = value
    return change


case("article-text-file-absolute", text_file("/etc/passwd"))
case("article-text-file-parent", text_file("../valid/small.txt"))
case("article-text-file-missing", text_file("no-such-article.txt"))
case("article-text-file-not-utf8", text_file("latin1-article.txt"))
case("article-text-file-folder", text_file("."))
# outside-link.txt is a symbolic link to ../valid/small.txt, kept in git.
case("article-text-file-link", text_file("outside-link.txt"))

# entities
case("entities-wrong-type", setter("entities", {"id": "acme"}))
case("entity-not-object", lambda d: d["entities"].append("acme"))
case("entity-id-missing", deleter("entities", 1, "id"))
case("entity-id-invalid", setter("entities", 1, "id", "the agency"))
case("entity-id-too-long", setter("entities", 1, "id", "a" * 65))
case("entity-id-duplicate", lambda d: d["entities"].append(
    {"id": "agency", "name": "Another agency", "kind": "agency"}))
case("entity-name-missing", deleter("entities", 0, "name"))
case("entity-name-empty", setter("entities", 0, "name", ""))
case("entity-kind-wrong-type", setter("entities", 0, "kind", 3))
case("entity-aliases-wrong-type", setter("entities", 1, "aliases", "the Agency"))
case("entity-alias-not-string", setter("entities", 1, "aliases", ["the Agency", 7]))
case("entity-description-wrong-type", setter("entities", 0, "description", True))

# quotes
case("quotes-missing", deleter("quotes"))
case("quote-not-object", lambda d: d["quotes"].append(["will not comply"]))
case("quote-id-used-by-entity", setter("quotes", 0, "id", "acme"))
case("quote-text-missing", deleter("quotes", 1, "text"))
case("quote-text-blank", setter("quotes", 1, "text", " \n "))
case("quote-text-not-found", setter("quotes", 1, "text", "We expect full compliance"))
case("quote-text-no-part", setter("quotes", 1, "text", "Xylophone"))
case("quote-typographic-marks", setter("quotes", 0, "text", "\u201cwill not comply\u201d"))
case("quote-occurrence-too-high", setter("quotes", 2, "occurrence", 3))
case("quote-occurrence-zero", setter("quotes", 0, "occurrence", 0))
case("quote-occurrence-fraction", setter("quotes", 0, "occurrence", 1.5))
case("quote-occurrence-too-large", setter("quotes", 0, "occurrence", 4294967296))
case("quote-speaker-unknown", setter("quotes", 0, "speaker", "acme-corp"))
case("quote-speaker-is-quote", setter("quotes", 0, "speaker", "agency-expects"))
case("quote-note-wrong-type", setter("quotes", 0, "note", ["inferred"]))

# relations
case("relations-missing", deleter("relations"))
case("relation-source-unknown", setter("relations", 0, "source", "amce"))
case("relation-source-control-characters", setter("relations", 0, "source", "x\nvalid.json: valid\u001b[8m"))
case("relation-target-missing", deleter("relations", 1, "target"))
case("relation-target-is-relation", setter("relations", 1, "target", "acme-defies"))
case("relation-label-missing", deleter("relations", 0, "label"))
case("relation-stance-unknown", setter("relations", 0, "stance", "against"))
case("relation-evidence-missing", deleter("relations", 0, "evidence"))
case("relation-evidence-empty", setter("relations", 0, "evidence", []))
case("relation-evidence-unknown", setter("relations", 0, "evidence", ["acme-refuse"]))
case("relation-evidence-is-entity", setter("relations", 0, "evidence", ["acme"]))
case("relation-evidence-not-string", setter("relations", 0, "evidence", [1]))
case("relation-id-duplicate", setter("relations", 1, "id", "acme-defies"))


# Several errors are all reported in one pass.
def several(doc):
    doc["entities"][0]["kind"] = None
    doc["quotes"][0]["text"] = "will not complain"
    doc["relations"][1]["target"] = "agenc"


case("several-errors", several)


# More errors than are reported.
def many(doc):
    doc["entities"].extend({"id": "e%d" % i, "name": "", "kind": "person"} for i in range(120))


case("too-many-errors", many)

print("wrote", len(os.listdir(OUT)), "files to", OUT, file=sys.stderr)
