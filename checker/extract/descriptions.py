"""A person's title written before the name ('Former Arkansas Gov. Mike Huckabee', 'Homeland
Security Secretary Kirstjen Nielsen') states what an appositive states ('Huckabee, a former
governor of Arkansas, ...'): it becomes a description claim of its own, about the named person,
overlapping its clause (the clause keeps its words). One outlet's title then meets another's
appositive. A bare office or honorific ('President Biden', 'Mr. Smith') says too little to stand
alone and stays inside its clause.
"""
from __future__ import annotations

from checker.extract.clauses import Draft

_TITLE_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mx"}
MIN_TITLE_WORDS = 2  # 'Former Arkansas Gov.' is a description; 'President' alone is not


def title_descriptions(sent, drafts: list[Draft]) -> list[Draft]:
    """Drafts (role 'appositive', subject the name) for each person named after a title of at
    least `MIN_TITLE_WORDS` words in `sent`; `drafts` are the sentence's clause drafts."""
    out = []
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ != "PERSON" or len(ent) > 4:
            continue
        name = {t.i for t in ent}
        title: set[int] = set()
        for child in ent.root.lefts:
            if child.i in name or child.dep_ not in _TITLE_DEPS:
                continue
            title |= {t.i for t in child.subtree if t.i not in name}
        words = [doc[i] for i in sorted(title) if any(ch.isalpha() for ch in doc[i].text)]
        meaningful = [w for w in words if w.lower_.rstrip(".") not in _HONORIFICS]
        if len(meaningful) < MIN_TITLE_WORDS or max(title) != ent.start - 1 or any(
                doc[i].pos_ in ("VERB", "AUX", "PRON", "DET") or doc[i].ent_type_ == "PERSON"
                or (doc[i].is_punct and doc[i].text != ".") for i in title):
            continue  # the title runs up to the name; no clause, determiner, other person or comma in it
        parent = next((n for n, d in enumerate(drafts) if ent.root.i in d.tokens), None)
        out.append(Draft(tokens=title | name, head=ent.root, role="appositive", parent=parent,
                         subject=list(ent)))
    return out
