"""Soak: one folder of about 2,000 files of mixed junk and real articles, one run.

usage: python benchmarks/soak.py [--files 2000] [--real 300] [--shared ../shared] [--fake] [--keep DIR]

Real articles come from ../shared/dev/news (the seeds when it is missing); the rest is what a
newsroom's folder holds: random bytes, HTML fragments and pages, empty and blank files,
one-line files, very long lines, a paragraph repeated many times, exact and re-spaced
duplicates, cp1252 / Latin-1 files, articles in other languages, other formats (.pdf,
.docx, .jpg), a file over the size limit, a broken sources.json entry naming no file.
The run (with --skip-bad, as a user with such a folder would) must complete and account for
every file; the script prints time, peak memory and counts by status. It is CPU-heavy: run
it once. --fake uses the fake embedder (a quick check of the plumbing).
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import resource
import shutil
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FRENCH = ("Le conseil municipal a voté jeudi soir un budget de {n} millions d'euros pour la rénovation des écoles. "
          "Le maire a déclaré que les travaux commenceraient au printemps et dureraient deux ans. L'opposition a "
          "dénoncé un calendrier irréaliste et a demandé un audit indépendant des dépenses prévues pour la ville.\n")
SPANISH = ("El gobierno anunció el martes que {n} camiones de ayuda humanitaria cruzaron la frontera durante la "
           "noche. El ministro dijo que la operación continuará toda la semana y que no hubo incidentes graves "
           "según los informes de la policía local y de las organizaciones presentes en la zona.\n")
WESTERN = ("Le ministère a déclaré mardi que {n} navires ont participé à l'exercice, selon l’amiral Calderón. "
           "The ministry said on Tuesday that {n} ships took part in the drill, Admiral Calderón said.\n")
HTML_BITS = ["<div><p>Breaking: {n} people were evacuated</p>", "<html><body><nav>Home | World</nav></body></html>",
             "<p>Subscribe</p><p>Cookies</p>", "<!doctype html><html><head><title>x</title></head><body>"
             "<article><p>Firefighters said {n} homes were destroyed by the blaze on Sunday night, officials "
             "confirmed.</p><p>The fire was contained by Monday morning, the county said.</p></article></body></html>",
             "<script>var a = {n};</script>", "</div></div></span>"]


def real_articles(shared: pathlib.Path, n: int, rng: random.Random) -> list[pathlib.Path]:
    found = sorted((shared / "dev" / "news").glob("*/*/*.txt")) if shared.exists() else []
    if not found:
        found = sorted((ROOT / "seeds").glob("*.txt"))
    rng.shuffle(found)
    return found[:n]


def make_folder(folder: pathlib.Path, total: int, real: int, shared: pathlib.Path, seed: int = 7) -> dict[str, int]:
    """Write the soak folder; return how many files of each kind were made."""
    rng = random.Random(seed)
    kinds: collections.Counter = collections.Counter()
    articles = real_articles(shared, real, rng)
    texts = []
    for i, src in enumerate(articles):
        text = src.read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        (folder / f"real_{i:04d}.txt").write_text(text, encoding="utf-8")
        kinds["real article"] += 1
    makers = [
        ("random bytes", lambda i: (f"junk_{i:04d}.txt", rng.randbytes(rng.randint(1, 20_000)))),
        ("html fragment", lambda i: (f"frag_{i:04d}.html", rng.choice(HTML_BITS).format(n=i).encode())),
        ("empty", lambda i: (f"empty_{i:04d}.txt", b"")),
        ("blank", lambda i: (f"blank_{i:04d}.md", b" \n\t\n" * rng.randint(1, 50))),
        ("one line", lambda i: (f"line_{i:04d}.txt", f"Storm hits coast, {i} homes without power".encode())),
        ("long line", lambda i: (f"long_{i:04d}.txt", (" ".join(rng.choice(texts or ["word"]).split()) * 3)
                                 .replace(". ", ", ").encode())),
        ("repeated paragraph", lambda i: (f"rep_{i:04d}.txt", ((rng.choice(texts or ["x."]).split("\n\n")[0].strip()
                                                                + "\n\n") * rng.randint(5, 60)).encode())),
        ("duplicate", lambda i: (f"dup_{i:04d}.txt", rng.choice(texts or ["x"]).encode())),
        ("re-spaced duplicate", lambda i: (f"respaced_{i:04d}.txt", rng.choice(texts or ["x"])
                                           .replace("\n\n", "\n \n\n").encode())),
        ("cp1252", lambda i: (f"cp1252_{i:04d}.txt", WESTERN.format(n=i).encode("cp1252"))),
        ("latin-1", lambda i: (f"latin1_{i:04d}.txt", WESTERN.replace("’", "'").format(n=i).encode("latin-1"))),
        ("other language", lambda i: (f"lang_{i:04d}.txt", rng.choice([FRENCH, SPANISH]).format(n=i).encode())),
        ("other format", lambda i: (f"file_{i:04d}{rng.choice(['.pdf', '.docx', '.jpg', '.csv'])}",
                                    rng.randbytes(rng.randint(10, 3000)))),
        ("markdown junk", lambda i: (f"md_{i:04d}.md", rng.choice(["# ", "**", "[a](b)", "> ", "- ", "`"]).encode()
                                     * rng.randint(1, 300))),
        ("unicode noise", lambda i: (f"uni_{i:04d}.txt", "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(
            rng.randint(1, 2000))).encode("utf-8", "replace"))),
    ]
    for i in range(total - len(articles) - 1):
        kind, make = makers[i % len(makers)]
        name, data = make(i)
        (folder / name).write_bytes(data)
        kinds[kind] += 1
    (folder / "huge.txt").write_bytes(b"Officials said the river rose again. " * 160_000)  # over 5 MB
    kinds["over the size limit"] += 1
    sidecar = {"real_0000.txt": {"outlet": "Soak Daily"}, "gone.txt": {"outlet": "Nobody"}}
    (folder / "sources.json").write_text(json.dumps(sidecar), encoding="utf-8")
    kinds["metadata sidecar"] += 1
    return dict(kinds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--real", type=int, default=300)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--fake", action="store_true", help="fake embedder: check the plumbing quickly")
    ap.add_argument("--keep", help="keep the folder, store and reports here")
    args = ap.parse_args()
    base = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="checker-soak-"))
    folder = base / "in"
    shutil.rmtree(base / "claims", ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    made = make_folder(folder, args.files, args.real, pathlib.Path(args.shared))
    on_disk = sorted(str(p) for p in folder.iterdir())
    print(f"{len(on_disk)} files in {folder}: " + ", ".join(f"{n} {k}" for k, n in sorted(made.items())))

    from checker.embed.embedder import FakeEmbedder
    from checker.pipeline import run
    from checker.report import write_reports

    t0 = time.perf_counter()
    report = run([folder], store=base / "claims", embedder=FakeEmbedder() if args.fake else None, skip_bad=True)
    write_reports(report, base / "out")
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    accounted = sorted(f.path for f in report.files)
    missing = sorted(set(on_disk) - set(accounted))
    twice = [p for p, n in collections.Counter(accounted).items() if n > 1]
    status = collections.Counter(f.status for f in report.files)
    reasons = collections.Counter(f.reason.split(" (")[0].split(":")[0] for f in report.files if f.status == "skipped")
    n = report.counts()
    print(f"run: {seconds:.1f} s, peak memory {peak:.0f} MiB (largest worker {kids:.0f} MiB)")
    print("files: " + ", ".join(f"{k} {v}" for k, v in status.most_common()))
    print("skipped because: " + "; ".join(f"{v} {k}" for k, v in reasons.most_common()))
    print(f"unmatched metadata keys: {len(report.unmatched_metadata)}")
    print(f"{n['sources']} sources, {n['claims']} claims, {n['facts']} facts, {n['discrepancies']} discrepancies")
    print(f"accounted for: {len(accounted)} of {len(on_disk)} files; missing {len(missing)}; twice {len(twice)}")
    if missing or twice:
        print("NOT ACCOUNTED:", missing[:10], twice[:10])
        sys.exit(1)


if __name__ == "__main__":
    main()
