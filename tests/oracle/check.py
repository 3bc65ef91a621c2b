#!/usr/bin/env python3
"""Differential test: the program's --export against the SPEC oracle (ld_oracle.py).

Generates a corpus of License reports (realistic ones from ld-generate-report,
nasty dialects from nasty.py), exports every table with the program for many
ranges and filters, in CSV and JSON, computes the same tables with the oracle,
and compares them cell by cell.  Prints the first differences with the input
and the arguments that reproduce them; exits 1 when there is any.

    check.py [--program PATH] [--generator PATH] [--spec-v1] [--tables T,...]
             [--keep DIR] [--max-diffs N] [--seed S] [--quick]

--spec-v1 compares only what SPEC version 1 already had with the same meaning
(no adoption/states tables, no Previous or New/Returning columns, one file per
report; v1's customers column NewCustomers is v2's ActiveCustomers).
"""

import argparse
import collections
import csv
import io
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ld_oracle as oracle  # noqa: E402
import nasty  # noqa: E402

V2_WIDGETS = ["summary", "customers", "licenses", "analysis-products", "analysis-customers",
              "geo", "adoption", "states", "data"]
V1_WIDGETS = ["summary", "customers", "licenses", "analysis-products", "analysis-customers",
              "geo", "data"]
# v1 column -> the v2 (oracle) column of the same meaning; columns absent here are
# compared under their own name.
V1_COLUMNS = {
    "summary": ["Customers", "LicensesProvisioned", "LicensesAssigned", "AssignmentRate",
                "From", "To", "Rows", "RowsSkipped"],
    "customers": {"Month": "Month", "NewCustomers": "ActiveCustomers",
                  "CumulativeCustomers": "CumulativeCustomers"},
}


class Diff:
    def __init__(self, case, args, table, row, column, ours, want, note=""):
        self.case, self.args, self.table, self.row = case, args, table, row
        self.column, self.ours, self.want, self.note = column, ours, want, note

    def __str__(self):
        where = "%s" % self.table
        if self.row is not None:
            where += " row %d" % self.row
        if self.column is not None:
            where += " column %s" % self.column
        s = "  %s: ours %r, oracle %r" % (where, self.ours, self.want)
        if self.note:
            s += "  (%s)" % self.note
        return s


# ---------------------------------------------------------------------------
# reading the program's output


def parse_csv_strict(text):
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    return rows


def engine_tables(outdir, fmt, widgets):
    """{widget: (columns, [row cells])} where cells are strings (CSV) or JSON values."""
    out = {}
    for w in widgets:
        path = os.path.join(outdir, "%s.%s" % (w, fmt))
        if not os.path.exists(path):
            out[w] = None
            continue
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        if fmt == "csv":
            rows = parse_csv_strict(text)
            out[w] = (rows[0], rows[1:]) if rows else ([], [])
        else:
            items = json.loads(text, parse_float=Decimal)
            cols = list(items[0].keys()) if items else None
            out[w] = (cols, items)
    return out


# ---------------------------------------------------------------------------
# comparing


def oracle_cells(table, columns, fmt):
    """The oracle's rows as lists of cells in the form the program writes."""
    rows = []
    for r in table.rows:
        if fmt == "csv":
            rows.append([oracle.cell_text(r[c]) for c in columns])
        else:
            rows.append([r[c] for c in columns])
    return rows


def same_json(ours, want, numeric):
    if want is None:
        return ours is None
    if isinstance(want, (int, Decimal)) and not isinstance(want, bool):
        return (isinstance(ours, (int, Decimal)) and not isinstance(ours, bool)
                and Decimal(ours) == Decimal(want))
    return isinstance(ours, str) and ours == want


def tie_groups(table):
    """Boundaries of runs of oracle rows that tie on every key of §5's order."""
    keyf = oracle.SORT_KEYS.get(table.name)
    n = len(table.rows)
    if keyf is None:
        return [(i, i + 1) for i in range(n)]
    groups, start = [], 0
    for i in range(1, n + 1):
        if i == n or keyf(table.rows[i]) != keyf(table.rows[start]):
            groups.append((start, i))
            start = i
    return groups


def compare_table(name, ours, want_table, fmt, v1, case, args):
    diffs = []
    if ours is None:
        return [Diff(case, args, name, None, None, "no file written", "a table")]
    our_cols, our_rows = ours
    if v1 and name in V1_COLUMNS:
        spec = V1_COLUMNS[name]
        mapping = spec if isinstance(spec, dict) else {c: c for c in spec}
    elif v1:
        mapping = {c: c for c in want_table.columns}
    else:
        mapping = None
    want_cols = want_table.columns
    if mapping is None:
        if our_cols is not None and our_cols != want_cols:
            diffs.append(Diff(case, args, name, None, "(header)", our_cols, want_cols))
            return diffs
        pairs = [(i, c) for i, c in enumerate(want_cols)]
    else:
        if our_cols is not None and our_cols != list(mapping):
            diffs.append(Diff(case, args, name, None, "(header)", our_cols, list(mapping),
                              "v1 header expected"))
            return diffs
        pairs = [(i, mapping[c]) for i, c in enumerate(mapping)]
    cols_for_oracle = [c for i, c in pairs]
    want_rows = oracle_cells(want_table, cols_for_oracle, fmt)
    if fmt == "json":
        keys = [c for c in (list(mapping) if mapping else want_cols)]
        our_rows = [[item.get(k, "<missing>") for k in keys] for item in our_rows]
    if len(our_rows) != len(want_rows):
        diffs.append(Diff(case, args, name, None, "(rows)", len(our_rows), len(want_rows),
                          "row count"))
    numeric = want_table.numeric

    def row_equal(a, b):
        if fmt == "csv":
            return list(a) == list(b)
        return all(same_json(x, y, c in numeric) for x, y, c in zip(a, b, cols_for_oracle))

    for lo, hi in tie_groups(want_table):
        if lo >= len(our_rows):
            break
        ours_g = our_rows[lo:hi]
        want_g = want_rows[lo:hi]
        if hi - lo > 1:
            # Rows that tie on every key of §5's order may come in any order.
            k = lambda r: [json.dumps(x, default=str) for x in r]
            ours_g = sorted(ours_g, key=k)
            want_g = sorted(want_g, key=k)
        for j, (a, b) in enumerate(zip(ours_g, want_g)):
            if row_equal(a, b):
                continue
            for ci, (x, y) in enumerate(zip(a, b)):
                col = cols_for_oracle[ci]
                ok = (x == y) if fmt == "csv" else same_json(x, y, col in numeric)
                if not ok:
                    label = (list(mapping)[ci] if mapping else col)
                    diffs.append(Diff(case, args, name, lo + j + 1, label, x, y,
                                      "within rows tied on the sort keys" if hi - lo > 1 else ""))
            if len(diffs) > 200:
                return diffs
    return diffs


def oracle_invariants(tables, rng):
    """Figures that must agree with each other (§3, §5), to catch the oracle's own
    mistakes: returns a list of sentences, empty when all hold."""
    bad = []
    s = tables.get("summary")
    if s is None:
        return bad
    s = s.rows[0]
    P, A = s["LicensesProvisioned"], s["LicensesAssigned"]

    def sums(name, pcol="LicensesProvisioned", acol="LicensesAssigned"):
        t = tables.get(name)
        if t is None:
            return None
        return (sum(r[pcol] for r in t.rows), sum(r[acol] for r in t.rows))

    for name in ("licenses", "analysis-products", "analysis-customers", "geo", "adoption",
                 "states"):
        got = sums(name)
        if got is not None and got != (P, A):
            bad.append("%s sums to %s, summary says %s" % (name, got, (P, A)))
    c = tables.get("customers")
    if c is not None:
        for r in c.rows:
            if r["ActiveCustomers"] != r["NewCustomers"] + r["ReturningCustomers"]:
                bad.append("customers %s: active != new + returning" % r["Month"])
        if c.rows and c.rows[-1]["CumulativeCustomers"] != s["Customers"]:
            bad.append("last cumulative %d != Customers %d" % (c.rows[-1]["CumulativeCustomers"],
                                                               s["Customers"]))
        if rng == "all" and sum(r["NewCustomers"] for r in c.rows) != s["Customers"]:
            bad.append("range all: new customers do not add up to Customers")
    for name in ("analysis-customers", "adoption"):
        t = tables.get(name)
        if t is not None and len(t.rows) != s["Customers"]:
            bad.append("%s has %d rows for %d customers" % (name, len(t.rows), s["Customers"]))
    d = tables.get("data")
    if d is not None and len(d.rows) != s["Rows"]:
        bad.append("data has %d rows, summary Rows %d" % (len(d.rows), s["Rows"]))
    return bad


# ---------------------------------------------------------------------------
# the corpus


class Case:
    def __init__(self, name, paths, multi=False):
        self.name = name
        self.paths = paths
        self.multi = multi


def build_corpus(tmp, generator, seed, quick):
    rnd = random.Random(seed)
    cases = []
    gen_dir = os.path.join(tmp, "generated")
    os.makedirs(gen_dir)
    realistic = [
        ("gen-csv-iso", ["--rows", "3000", "--seed", "11"]),
        ("gen-tsv-us", ["--rows", "1500", "--seed", "12", "--format", "tsv", "--date-style", "us"]),
        ("gen-semicolon-eu", ["--rows", "1500", "--seed", "13", "--format", "semicolon",
                              "--date-style", "eu"]),
        ("gen-isotime", ["--rows", "1200", "--seed", "14", "--date-style", "isotime",
                         "--months", "9"]),
        ("gen-legacy", ["--rows", "1500", "--seed", "15", "--legacy", "--customers", "40"]),
        ("gen-few-customers", ["--rows", "800", "--seed", "16", "--customers", "6",
                               "--countries", "3", "--months", "30"]),
    ]
    if not quick:
        realistic.append(("gen-large", ["--rows", "12000", "--seed", "17"]))
    for name, gargs in realistic:
        ext = ".tsv" if "tsv" in gargs else ".csv"
        path = os.path.join(gen_dir, name + ext)
        subprocess.run([generator] + gargs + ["--output", path], check=True)
        cases.append(Case(name, [path]))
    # Several downloads from the generator: overlapping month windows.
    if generator:
        paths = []
        for i, (end, months) in enumerate([("2026-05-31", 6), ("2026-11-27", 8),
                                           ("2026-08-15", 6)]):
            path = os.path.join(gen_dir, "window-%d.csv" % i)
            subprocess.run([generator, "--rows", "900", "--seed", "21", "--end", end,
                            "--months", str(months), "--output", path], check=True)
            paths.append(path)
        cases.append(Case("gen-windows", paths, multi=True))

    nasty_dir = os.path.join(tmp, "nasty")
    os.makedirs(nasty_dir)
    for fn in nasty.SINGLE_CASES + nasty.MULTI_CASES:
        files = fn(random.Random(rnd.random()))
        d = os.path.join(nasty_dir, fn.__name__[5:])
        os.makedirs(d)
        paths = []
        for fname, data in files:
            p = os.path.join(d, fname)
            with open(p, "wb") as f:
                f.write(data)
            paths.append(p)
        cases.append(Case(fn.__name__[5:], paths, multi=len(paths) > 1))
    return cases


# ---------------------------------------------------------------------------
# queries


def choose_queries(report, rnd, count):
    """(range argument or None for the default, [--where values]) pairs."""
    first, last = report.first_month, report.last_month
    ranges = [None, "last-12", "all", "last-6"]
    if last is not None:
        a = rnd.randint(first, last)
        b = rnd.randint(a, last)
        ranges.append("%s:%s" % (oracle.month_text(a), oracle.month_text(b)))
        ranges.append("%s:%s" % (oracle.month_text(first - 3), oracle.month_text(first + 2)))
        ranges.append("%s:%s" % (oracle.month_text(last), oracle.month_text(last)))
        ranges.append("%s:%s" % (oracle.month_text(last - 1), oracle.month_text(last + 2)))
    else:
        ranges.append("2026-01:2026-03")

    def values(field):
        # The empty value is a value too: `--where customer=` keeps the names not shared.
        return sorted({r.text[field] for r in report.rows})

    wheres = [[]]
    fields = [("country", "CustomerCountryCode"), ("offer", "ProductDisplayName"),
              ("plan", "PlanName"), ("offer-type", "OfferType"), ("state", "LicenseState"),
              ("customer", "CustomerName")]
    for flag, field in fields:
        vals = values(field)
        if not vals:
            continue
        pick = rnd.sample(vals, min(len(vals), rnd.choice([1, 1, 2])))
        wheres.append(["%s=%s" % (flag, v) for v in pick])
    combo = []
    for flag, field in rnd.sample(fields, 2):
        vals = values(field)
        if vals:
            combo.append("%s=%s" % (flag, rnd.choice(vals)))
    wheres.append(combo)
    wheres.append(["plan=No Such Plan"])
    queries = [(None, [])]
    seen = {(None, ())}
    tries = 0
    while len(queries) < count and tries < 200:
        tries += 1
        q = (rnd.choice(ranges), rnd.choice(wheres))
        k = (q[0], tuple(q[1]))
        if k not in seen:
            seen.add(k)
            queries.append(q)
    return queries


def filters_of(where):
    return oracle.parse_where(where)


# ---------------------------------------------------------------------------
# running


def run_engine(program, widgets, fmt, outdir, rng, where, paths):
    """Exports into the folder outdir as WIDGET.EXT (one widget: --output names the file)."""
    output = outdir
    if len(widgets) == 1:
        os.makedirs(outdir, exist_ok=True)
        output = os.path.join(outdir, "%s.%s" % (widgets[0], fmt))
    args = ["--export", ",".join(widgets), "--format", fmt, "--output", output]
    if rng is not None:
        args += ["--range", rng]
    for w in where:
        args += ["--where", w]
    args += paths
    p = subprocess.run([program] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=dict(os.environ, LC_ALL=os.environ.get("LC_ALL", "C.UTF-8")))
    return p, args


def main(argv):
    ap = argparse.ArgumentParser(description="The program's exports against the SPEC oracle.")
    ap.add_argument("--program", default=os.environ.get("LD_DASHBOARD_BIN"))
    ap.add_argument("--generator", default=os.environ.get("LD_GENERATE_BIN"))
    ap.add_argument("--spec-v1", action="store_true",
                    help="compare only the tables and columns SPEC v1 had with the same meaning")
    ap.add_argument("--tables", help="comma-separated widgets to compare (default: all)")
    ap.add_argument("--cases", help="comma-separated case names to run (default: all)")
    ap.add_argument("--keep", help="write the corpus and outputs under this folder and keep them")
    ap.add_argument("--max-diffs", type=int, default=25)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--queries", type=int, default=6, help="range/filter queries per case")
    ap.add_argument("--quick", action="store_true", help="a smaller corpus")
    ap.add_argument("--oracle-only", action="store_true",
                    help="run no program: check the oracle's figures against each other")
    args = ap.parse_args(argv)
    if not args.oracle_only and (not args.program or not os.access(args.program, os.X_OK)):
        print("check.py: no program (--program or LD_DASHBOARD_BIN)", file=sys.stderr)
        return 2
    started = time.monotonic()
    widgets = V1_WIDGETS if args.spec_v1 else V2_WIDGETS
    if args.tables:
        wanted = args.tables.split(",")
        unknown = [t for t in wanted if t not in V2_WIDGETS]
        if unknown:
            print("check.py: unknown tables %s" % unknown, file=sys.stderr)
            return 2
        widgets = [w for w in widgets if w in wanted]

    tmp = args.keep or tempfile.mkdtemp(prefix="ld-oracle-")
    if args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
    try:
        cases = build_corpus(tmp, args.generator, args.seed, args.quick)
        if args.spec_v1:
            cases = [c for c in cases if not c.multi]
        if args.cases:
            names = args.cases.split(",")
            cases = [c for c in cases if c.name in names]
        rnd = random.Random(args.seed)
        diffs = []
        runs = 0
        per_case = collections.Counter()
        out_root = os.path.join(tmp, "out")
        os.makedirs(out_root)

        def record(new_diffs, case):
            per_case[case.name] += len(new_diffs)
            diffs.extend(new_diffs)

        for case in cases:
            report = oracle.load(case.paths)
            queries = choose_queries(report, rnd, args.queries)
            for qi, (rng, where) in enumerate(queries):
                if args.oracle_only:
                    tables = oracle.compute(report, oracle.parse_range(rng or "last-6"),
                                            filters_of(where), V2_WIDGETS)
                    for sentence in oracle_invariants(tables, rng):
                        record([Diff(case.name, "range %s, where %s" % (rng, where), "(oracle)",
                                     None, None, "-", sentence)], case)
                    continue
                for fmt in (["csv", "json"] if qi % 3 == 0 else ["csv"]):
                    outdir = os.path.join(out_root, "%s-%d-%s" % (case.name, qi, fmt))
                    p, eargs = run_engine(args.program, widgets, fmt, outdir, rng, where,
                                          case.paths)
                    runs += 1
                    cmd = " ".join(shlex.quote(a) for a in
                                   [os.path.basename(args.program)] + eargs)
                    if p.returncode != 0:
                        record([Diff(case.name, cmd, "(exit)", None, None,
                                     "exit %d: %s" % (p.returncode,
                                                      p.stderr.decode(errors="replace").strip()[:300]),
                                     "exit 0")], case)
                        continue
                    tables = oracle.compute(report, oracle.parse_range(rng or "last-6"),
                                            filters_of(where), widgets)
                    for sentence in oracle_invariants(tables, rng):
                        record([Diff(case.name, cmd, "(oracle)", None, None, "-", sentence,
                                     "the oracle contradicts itself")], case)
                    ours = engine_tables(outdir, fmt, widgets)
                    for w in widgets:
                        record([d for d in compare_table(w, ours[w], tables[w], fmt,
                                                         args.spec_v1, case.name, cmd)], case)
            if args.oracle_only:
                continue
            # One table to standard output (no --output).
            if case.paths and cases.index(case) % 4 == 0:
                w = rnd.choice(widgets)
                fmt = rnd.choice(["csv", "json"])
                eargs = ["--export", w, "--format", fmt, "--range", "all"] + case.paths
                p = subprocess.run([args.program] + eargs, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
                runs += 1
                cmd = " ".join(shlex.quote(a) for a in [os.path.basename(args.program)] + eargs)
                if p.returncode != 0:
                    record([Diff(case.name, cmd, "(exit)", None, None,
                                 "exit %d" % p.returncode, "exit 0")], case)
                else:
                    d = os.path.join(out_root, "%s-stdout" % case.name)
                    os.makedirs(d)
                    with open(os.path.join(d, "%s.%s" % (w, fmt)), "wb") as f:
                        f.write(p.stdout)
                    want = oracle.compute(report, "all", {}, [w])
                    record(compare_table(w, engine_tables(d, fmt, [w])[w], want[w], fmt,
                                         args.spec_v1, case.name + " (stdout)", cmd), case)
            # The app's own `data` export reloads to the same figures (§5).
            if not case.multi or not args.spec_v1:
                outdir = os.path.join(out_root, "%s-data" % case.name)
                data_csv = os.path.join(outdir, "data.csv")
                p, eargs = run_engine(args.program, ["data"], "csv", outdir, "all", [],
                                      case.paths)
                runs += 1
                if p.returncode == 0 and os.path.exists(data_csv):
                    reloaded = oracle.load([data_csv])
                    a = oracle.compute(report, "all", {}, widgets)
                    b = oracle.compute(reloaded, "all", {}, widgets)
                    for w in widgets:
                        if w in ("data",):
                            continue
                        ra, rb = a[w].rows, b[w].rows
                        if w == "summary":
                            ra = [dict(r, RowsSkipped=0) for r in ra]
                        if ra != rb:
                            record([Diff(case.name, "reload of the program's data.csv "
                                         "(range all)", w, None, None,
                                         "figures differ after reload", "same figures",
                                         "the data export does not round-trip")], case)
                    q_outdir = os.path.join(out_root, "%s-reloaded" % case.name)
                    p2, eargs2 = run_engine(args.program, widgets, "csv", q_outdir, "all", [],
                                            [data_csv])
                    runs += 1
                    cmd2 = " ".join(shlex.quote(x) for x in
                                    [os.path.basename(args.program)] + eargs2)
                    if p2.returncode == 0:
                        ours = engine_tables(q_outdir, "csv", widgets)
                        for w in widgets:
                            record(compare_table(w, ours[w], b[w], "csv", args.spec_v1,
                                                 case.name + " (reloaded)", cmd2), case)
                    else:
                        record([Diff(case.name, cmd2, "(exit)", None, None,
                                     "exit %d" % p2.returncode, "exit 0")], case)

        if args.oracle_only:
            cases_run = len(cases)
            print("oracle self-check: %d cases, %d contradictions" % (cases_run, len(diffs)))
            for d in diffs[:args.max_diffs]:
                print("- %s %s: %s" % (d.case, d.args, d.want))
            return 1 if diffs else 0
        # Files that cannot be read: exit 1, a message, nothing written.
        bad_dir = os.path.join(tmp, "bad")
        os.makedirs(bad_dir)
        good = cases[0].paths[0] if cases else None
        for fname, data in nasty.bad_files(random.Random(args.seed)):
            path = os.path.join(bad_dir, fname)
            with open(path, "wb") as f:
                f.write(data)
            for paths in ([path], [good, path]) if (good and not args.spec_v1) else ([path],):
                try:
                    oracle.load(paths)
                    want = 0
                except oracle.ReportError:
                    want = 1
                p, eargs = run_engine(args.program, ["summary"], "csv",
                                      os.path.join(bad_dir, "out"), None, [], paths)
                runs += 1
                msg = p.stderr.decode(errors="replace").strip()
                if p.returncode != want or (want == 1 and not msg):
                    record([Diff(fname, " ".join(eargs), "(exit)", None, None,
                                 "exit %d %r" % (p.returncode, msg[:200]),
                                 "exit %d with a message" % want)], Case(fname, []))
        # Usage errors: exit 2.
        if good:
            for bad_args in (["--range", "2026-13:2027-01"],
                             ["--where", "colour=blue"], ["--range", "last-7"]):
                p = subprocess.run([args.program, "--export", "summary", "--format", "csv"]
                                   + bad_args + [good], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
                runs += 1
                if p.returncode != 2:
                    record([Diff("usage", " ".join(bad_args), "(exit)", None, None,
                                 "exit %d" % p.returncode, "exit 2")], Case("usage", []))

            # A range typed backwards: the same months as typed forwards, and a note on
            # standard error (Reading 14).
            runs_out = []
            for rng in ("2026-05:2026-01", "2026-01:2026-05"):
                p = subprocess.run([args.program, "--export", "summary,customers", "--format", "json",
                                    "--output", os.path.join(bad_dir, "range-" + rng.replace(":", "_")),
                                    "--range", rng, good], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                runs += 1
                files = {}
                for name in ("summary.json", "customers.json"):
                    path = os.path.join(bad_dir, "range-" + rng.replace(":", "_"), name)
                    files[name] = open(path, "rb").read() if os.path.exists(path) else None
                runs_out.append((p.returncode, p.stderr.decode(errors="replace"), files))
            (rc_back, err_back, out_back), (rc_fwd, _, out_fwd) = runs_out
            if rc_back != 0 or out_back != out_fwd or "backwards" not in err_back:
                record([Diff("usage", "--range 2026-05:2026-01", "(exit)", None, None,
                             "exit %d, same output %s, stderr %r" % (rc_back, out_back == out_fwd, err_back[:200]),
                             "exit 0, the output of 2026-01:2026-05, a note on stderr")], Case("usage", []))

        elapsed = time.monotonic() - started
        print("oracle check (%s): %d cases, %d program runs, %.1f s" %
              ("SPEC v1 subset" if args.spec_v1 else "SPEC v2", len(cases), runs, elapsed))
        if not diffs:
            print("no differences")
            return 0
        print("%d differences" % len(diffs))
        by_kind = collections.Counter((d.table, d.column) for d in diffs)
        print("by table and column:")
        for (t, c), n in by_kind.most_common():
            print("  %-22s %-30s %d" % (t, c, n))
        print("by case:")
        for name, n in per_case.most_common():
            if n:
                print("  %-30s %d" % (name, n))
        print("first differences:")
        shown = 0
        last_head = None
        for d in diffs:
            head = (d.case, d.args)
            if head != last_head:
                if shown >= args.max_diffs:
                    break
                print("- case %s\n  %s" % (d.case, d.args))
                last_head = head
            if shown < args.max_diffs:
                print(d)
                shown += 1
        if not args.keep:
            print("(run with --keep DIR to keep the inputs and outputs)")
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
