#!/usr/bin/env python3
"""An independent oracle of SPEC.md (version 2), written from SPEC's text alone.

It reads one or several Partner Center License reports as SPEC §2 and §7 say,
computes every table of §5 for a range and filters (§3, §6) and writes them as
CSV or JSON exactly as §5 says.  Python 3 standard library only.

Where SPEC leaves room for more than one reading, the reading taken is written
down in README.md next to this file (each one is marked "Reading N" below).

Used as a library by check.py, or on the command line with the same arguments
as the program's export:

    ld_oracle.py --export WIDGET[,WIDGET...] --format csv|json [--output PATH]
                 [--range last-6|last-12|all|YYYY-MM:YYYY-MM]
                 [--where FIELD=VALUE]... FILE...
"""

import csv
import datetime
import io
import json
import os
import re
import sys
from decimal import Decimal
from fractions import Fraction

csv.field_size_limit(1 << 30)

# ---------------------------------------------------------------------------
# §2 — the columns

CANONICAL = [
    "CustomerCountry", "CustomerCountryCode", "CustomerName", "ActivationDate",
    "ProductDisplayName", "ProductId", "PlanName", "ServiceId", "LicenseState",
    "LicensesAssigned", "LicensesProvisioned", "OfferType",
]
TENANT = "TenantId"


def normalize_header(name):
    """Header matching ignores case, spaces, `_` and `-` (Reading 2: every kind of
    white space counts as a space)."""
    return re.sub(r"[\s_\-]", "", name).lower()


SYNONYMS = {normalize_header(c): c for c in CANONICAL}
SYNONYMS[normalize_header("SKU Name")] = "PlanName"
SYNONYMS[normalize_header("Product ID")] = "ProductId"   # already equal once normalized
SYNONYMS[normalize_header("Service ID")] = "ServiceId"   # idem
SYNONYMS[normalize_header("Tenant ID")] = TENANT

TEXT_FIELDS = ["CustomerCountry", "CustomerCountryCode", "CustomerName",
               "ProductDisplayName", "ProductId", "PlanName", "ServiceId",
               "LicenseState", "OfferType", TENANT]

# §5: the characters that make a spreadsheet run a cell as a formula.
FORMULA_START = "=+-@\t\r"
# Reading 5: any run of `'` before a formula character is one escape deeper.
ESCAPED_RE = re.compile(r"^'+[=+\-@\t\r]", re.S)
NEEDS_ESCAPE_RE = re.compile(r"^'*[=+\-@\t\r]", re.S)


def unescape_cell(text):
    if ESCAPED_RE.match(text):
        return text[1:]
    return text


def escape_cell(text):
    if NEEDS_ESCAPE_RE.match(text):
        return "'" + text
    return text


class ReportError(Exception):
    """A file that cannot be read (§2 "Bad files"): the program exits 1."""


# ---------------------------------------------------------------------------
# §2 — encoding


def decode(data, path):
    """UTF-8 with or without BOM; UTF-16 LE/BE with BOM.  Returns (text, warnings)."""
    if data.startswith(b"\xef\xbb\xbf"):
        raw, enc = data[3:], "utf-8"
    elif data.startswith(b"\xff\xfe"):
        raw, enc = data[2:], "utf-16-le"
    elif data.startswith(b"\xfe\xff"):
        raw, enc = data[2:], "utf-16-be"
    else:
        raw, enc = data, "utf-8"
    # Invalid bytes become U+FFFD and count as warnings, never an error.
    text = raw.decode(enc, errors="replace")
    warnings = text.count("\ufffd") - raw.decode(enc, errors="ignore").count("\ufffd")
    if text.strip() == "":
        raise ReportError("%s: the file is empty" % path)
    if "\x00" in text:
        # Reading 3: a NUL character means a binary file, not a report.
        raise ReportError("%s: not a text report (binary data)" % path)
    return text, warnings


# ---------------------------------------------------------------------------
# §2 — delimiter and records


def header_line(text):
    """The first non-empty line of the file, a newline inside quotes not ending it."""
    text = text.lstrip("\r\n")
    in_quotes = False
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            return text[:i]
    return text


def detect_delimiter(line):
    """Comma, tab or semicolon: the one found most often outside quotes in the
    header line; ties go to comma, then tab, then semicolon (Reading 4)."""
    counts = {",": 0, "\t": 0, ";": 0}
    in_quotes = False
    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in counts:
            counts[ch] += 1
    best = ","
    for d in (",", "\t", ";"):
        if counts[d] > counts[best]:
            best = d
    return best


def records(text, delimiter):
    """RFC 4180 records as (line number of its first line, fields).  Empty lines
    are not records (Reading 6)."""
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter, quotechar='"', doublequote=True,
                        skipinitialspace=False, strict=False)
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        start = line
        line = reader.line_num + 1
        if not fields:
            continue
        yield start, fields


# ---------------------------------------------------------------------------
# §2 — dates and numbers

# Reading 7: the forms SPEC lists must load; a one-digit month or day and a space
# for the `T` are read too (they are unambiguous), but the corpus does not use them.
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", re.ASCII)
ISO_DATETIME = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?$", re.ASCII)
US_DATE = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?: +(\d{1,2}):(\d{2})(?::(\d{2}))?(?: *([AaPp][Mm]))?)?$", re.ASCII)


def is_day_first_evidence(cell):
    """A slash date whose first part is above 12 and that reads as a date day first
    (Reading 7: `31/31/2026` is no date in either order, so it is no evidence)."""
    m = US_DATE.match(cell.strip())
    return (bool(m) and int(m.group(1)) > 12
            and make_date(m.group(3), m.group(2), m.group(1)) is not None)


def make_date(y, m, d):
    try:
        return datetime.date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_date(cell, day_first):
    """A datetime.date, or None when the cell is not a date of §2.  Only the date
    counts: times and offsets are checked for form, then dropped (Reading 7)."""
    s = cell.strip()
    m = ISO_DATE.match(s)
    if m:
        return make_date(*m.groups())
    m = YMD_SLASH.match(s)
    if m:
        return make_date(*m.groups())
    m = ISO_DATETIME.match(s)
    if m:
        hh, mm, ss = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
        if hh > 23 or mm > 59 or ss > 60:
            return None
        return make_date(m.group(1), m.group(2), m.group(3))
    m = US_DATE.match(s)
    if m:
        a, b, y = m.group(1), m.group(2), m.group(3)
        if m.group(4) is not None:
            hh, mm, ss = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
            ampm = m.group(7)
            if ampm is not None:
                if not 1 <= hh <= 12:
                    return None
            elif hh > 23:
                return None
            if mm > 59 or ss > 60:
                return None
        if day_first:
            return make_date(y, b, a)
        return make_date(y, a, b)
    return None


COUNT_RE = re.compile(r"^[ \t]*(\d+)(?:\.0+)?[ \t]*$", re.ASCII)
INT32_MAX = 2147483647


def parse_count(cell):
    """A non-negative integer up to 2^31-1 in ASCII digits, or None.  Blank (or
    spaces) is 0; `12.0` is 12 (any number of zeros after the point); a sign makes
    the row bad, `+5` and `-0` too (Reading 8)."""
    if cell.strip(" \t") == "":
        return 0
    m = COUNT_RE.match(cell)
    if not m:
        return None
    value = int(m.group(1))
    if value > INT32_MAX:
        return None
    return value


# ---------------------------------------------------------------------------
# §2 — one file


class Row:
    __slots__ = ("file", "index", "line", "cells", "text", "date", "month", "assigned",
                 "provisioned", "customer", "product", "key")


class ReportFile:
    def __init__(self, path, display=None):
        self.path = path
        self.display = display or path
        self.headers = []        # the file's own header cells, in its order
        self.norm = []           # their normalized names
        self.column = {}         # canonical name -> index of its first column
        self.rows = []
        self.skipped = 0
        self.bad = []            # (line, reason) of skipped rows
        self.warnings = 0
        self.latest = None
        self.delimiter = ","
        self.day_first = False


def read_file(path, index=0, data=None):
    if data is None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise ReportError("%s: %s" % (path, e.strerror))
    rf = ReportFile(path)
    text, rf.warnings = decode(data, path)
    rf.delimiter = detect_delimiter(header_line(text))
    recs = records(text, rf.delimiter)
    header = None
    for line, fields in recs:
        header = fields
        break
    if header is None or all(h.strip() == "" for h in header):
        raise ReportError("%s: no header line" % path)
    rf.headers = list(header)
    rf.norm = [normalize_header(h) for h in header]
    for i, n in enumerate(rf.norm):
        canon = SYNONYMS.get(n)
        if canon is not None and canon not in rf.column:
            rf.column[canon] = i
    missing = [c for c in ("ActivationDate", "LicensesProvisioned", "LicensesAssigned")
               if c not in rf.column]
    if "ProductId" not in rf.column and "ProductDisplayName" not in rf.column:
        missing.append("ProductId or ProductDisplayName")
    if missing:
        raise ReportError("%s: required column missing: %s" % (path, ", ".join(missing)))

    width = len(header)
    body = [(line, fields) for line, fields in recs]
    col_date = rf.column["ActivationDate"]
    # Day-first detection over every slash date of the file (rows of the right width).
    for line, fields in body:
        if len(fields) == width and is_day_first_evidence(unescape_cell(fields[col_date])):
            rf.day_first = True
            break
    has_tenant = TENANT in rf.column
    for line, fields in body:
        if len(fields) != width:
            rf.skipped += 1
            rf.bad.append((line, "expected %d fields, found %d" % (width, len(fields))))
            continue
        cells = [unescape_cell(c) for c in fields]       # Reading 18: never trimmed
        date = parse_date(cells[col_date], rf.day_first)
        if date is None:
            rf.skipped += 1
            rf.bad.append((line, "ActivationDate: not a date"))
            continue
        assigned = parse_count(cells[rf.column["LicensesAssigned"]])
        provisioned = parse_count(cells[rf.column["LicensesProvisioned"]])
        if assigned is None or provisioned is None:
            rf.skipped += 1
            rf.bad.append((line, "count: not a non-negative integer"))
            continue
        r = Row()
        r.file = index
        r.index = len(rf.rows)
        r.line = line
        r.cells = cells
        r.text = {c: (cells[rf.column[c]] if c in rf.column else "") for c in TEXT_FIELDS}
        r.date = date
        r.month = date.year * 12 + date.month - 1
        r.assigned = assigned
        r.provisioned = provisioned
        # Reading 17: identity per row and per file; Reading 1: a blank name stays blank.
        tenant = r.text[TENANT]
        if has_tenant and tenant != "":
            r.customer = ("tenant", tenant)
        else:
            r.customer = ("name", r.text["CustomerName"], r.text["CustomerCountryCode"])
        # Reading 9: the product is its ProductId, else its ProductDisplayName.
        pid = r.text["ProductId"]
        r.product = ("id", pid) if pid != "" else ("name", r.text["ProductDisplayName"])
        r.key = (r.customer, r.product, r.text["PlanName"], r.text["ServiceId"], date)
        rf.rows.append(r)
        if rf.latest is None or date > rf.latest:
            rf.latest = date
    return rf


# ---------------------------------------------------------------------------
# §7 — several downloads as one history


class Report:
    def __init__(self, files):
        self.files = files           # in the order given
        order = sorted(range(len(files)),
                       key=lambda i: (files[i].latest is not None,
                                      files[i].latest or datetime.date.min, i))
        later_keys = set()
        kept = {}
        for i in reversed(order):
            f = files[i]
            kept[i] = [r for r in f.rows if r.key not in later_keys]
            later_keys.update(r.key for r in f.rows)
        # Loaded data: files in the order given, row by row, replaced rows left out.
        self.rows = [r for i in range(len(files)) for r in kept[i]]
        self.skipped = sum(f.skipped for f in files)
        # Reading 11: a group's label cells are those of its first row in the loaded
        # data (files in the order given, row by row), whatever the range and filters.
        self.customer_label = {}
        self.product_label = {}
        self.country_label = {}
        for r in self.rows:
            self.customer_label.setdefault(
                r.customer, (r.text["CustomerName"], r.text["CustomerCountryCode"]))
            self.product_label.setdefault(
                (r.product, r.text["PlanName"]),
                (r.text["OfferType"], r.text["ProductId"], r.text["ProductDisplayName"]))
            self.country_label.setdefault(r.text["CustomerCountryCode"],
                                          r.text["CustomerCountry"])
        months = [r.month for r in self.rows]
        self.first_month = min(months) if months else None
        self.last_month = max(months) if months else None
        # `data` columns: the union of the files' columns, first seen first; a column
        # is known by its canonical name (synonyms included), else its normalized
        # header (Reading 12).
        self.data_columns = []      # (header text, column identity)
        seen = set()
        for f in files:
            for h, n in zip(f.headers, f.norm):
                n = SYNONYMS.get(n, n)
                if n not in seen:
                    seen.add(n)
                    self.data_columns.append((h, n))


def load(paths):
    return Report([read_file(p, i) for i, p in enumerate(paths)])


# ---------------------------------------------------------------------------
# §3, §6 — range and filters

FILTER_FIELDS = {
    "offer-type": "OfferType",
    "offer": "ProductDisplayName",
    "plan": "PlanName",
    "customer": "CustomerName",
    "country": "CustomerCountryCode",
    "state": "LicenseState",
}


class UsageError(Exception):
    pass


def parse_month(s):
    m = re.match(r"^(\d{4})-(\d{2})$", s)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise UsageError("bad month %r" % s)
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def month_text(m):
    return "%04d-%02d" % (m // 12, m % 12 + 1)


def parse_range(spec):
    if spec in ("last-6", "last-12", "all"):
        return spec
    m = re.match(r"^([^:]+):([^:]+)$", spec)
    if not m:
        raise UsageError("bad range %r" % spec)
    a, b = parse_month(m.group(1)), parse_month(m.group(2))
    # Reading 14: a range typed backwards means the same months (the team's decision:
    # the program counts them and says so on standard error).
    return (min(a, b), max(a, b))


def parse_where(items):
    filters = {}
    for item in items:
        if "=" not in item:
            raise UsageError("--where needs FIELD=VALUE: %r" % item)
        field, value = item.split("=", 1)
        if field not in FILTER_FIELDS:
            raise UsageError("unknown filter field %r" % field)
        filters.setdefault(FILTER_FIELDS[field], set()).add(value)
    return filters


def resolve_range(report, rng):
    """(first month, last month) or None for a preset on a report without rows
    (Readings 13, 14: custom ranges are taken as given, presets may reach before
    the data)."""
    if isinstance(rng, tuple):
        return rng
    if report.last_month is None:
        return None
    if rng == "all":
        return (report.first_month, report.last_month)
    n = 6 if rng == "last-6" else 12
    return (report.last_month - n + 1, report.last_month)


# ---------------------------------------------------------------------------
# §3, §5 — the figures


def percent(num, den):
    """100 × num ÷ den to two decimals, exactly, half up (Reading 10); 0 when den is 0."""
    if den == 0:
        return Decimal("0.00")
    cents = (Fraction(100 * 100 * num, den) + Fraction(1, 2)).__floor__()
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


def bkey(s):
    return s.encode("utf-8", "surrogatepass")


TABLE_COLUMNS = {
    "summary": ["Customers", "LicensesProvisioned", "LicensesAssigned", "AssignmentRate",
                "From", "To", "Rows", "RowsSkipped", "PreviousFrom", "PreviousTo",
                "PreviousCustomers", "PreviousLicensesProvisioned",
                "PreviousLicensesAssigned", "PreviousAssignmentRate"],
    "customers": ["Month", "ActiveCustomers", "NewCustomers", "ReturningCustomers",
                  "CumulativeCustomers"],
    "licenses": ["Month", "LicensesProvisioned", "LicensesAssigned"],
    "analysis-products": ["OfferType", "ProductId", "ProductDisplayName", "PlanName",
                          "Customers", "LicensesProvisioned", "LicensesAssigned",
                          "ProvisionedShare", "AssignmentRate"],
    "analysis-customers": ["CustomerName", "CustomerCountryCode", "Products",
                           "LicensesProvisioned", "LicensesAssigned", "ProvisionedShare",
                           "AssignmentRate"],
    "geo": ["CustomerCountryCode", "CustomerCountry", "Customers", "LicensesProvisioned",
            "LicensesAssigned", "ProvisionedShare"],
    "adoption": ["CustomerName", "CustomerCountryCode", "LicensesProvisioned",
                 "LicensesAssigned", "LicensesUnassigned", "AssignmentRate"],
    "states": ["Month", "LicenseState", "Customers", "LicensesProvisioned",
               "LicensesAssigned"],
}
WIDGETS = list(TABLE_COLUMNS) + ["data"]

# The sort keys of §5 ("Order of rows"), as functions of a row dict.  check.py
# uses them to compare rows that tie on every key as a set.
SORT_KEYS = {
    "summary": lambda r: (),
    "customers": lambda r: (r["Month"],),
    "licenses": lambda r: (r["Month"],),
    "analysis-products": lambda r: (-r["LicensesProvisioned"], bkey(r["ProductDisplayName"]),
                                    bkey(r["PlanName"])),
    "analysis-customers": lambda r: (-r["LicensesProvisioned"], bkey(r["CustomerName"]),
                                     bkey(r["CustomerCountryCode"])),
    "geo": lambda r: (-r["LicensesProvisioned"], bkey(r["CustomerCountryCode"])),
    "adoption": lambda r: (-r["LicensesUnassigned"], bkey(r["CustomerName"]),
                           bkey(r["CustomerCountryCode"])),
    "states": lambda r: (r["Month"], bkey(r["LicenseState"])),
    "data": None,
}


class Table:
    def __init__(self, name, columns, rows):
        self.name = name
        self.columns = columns
        self.rows = rows             # list of dicts: int, Decimal, str or None
        self.numeric = set()         # columns written as numbers


def passes(row, filters):
    """Reading 19: exact, case-sensitive; an empty value matches an empty cell."""
    for field, values in filters.items():
        if row.text[field] not in values:
            return False
    return True


def compute(report, rng="last-6", filters=None, widgets=None):
    """Every table of §5 for the range (a preset name or (first, last) months) and
    filters ({canonical field: set of values}); returns {widget: Table}."""
    filters = filters or {}
    widgets = widgets or WIDGETS
    span = resolve_range(report, rng)
    filtered = [r for r in report.rows if passes(r, filters)]      # range not applied
    if span is None:
        months = []
        selected = []
    else:
        months = list(range(span[0], span[1] + 1))
        selected = [r for r in filtered if span[0] <= r.month <= span[1]]

    total_prov = sum(r.provisioned for r in selected)
    total_asg = sum(r.assigned for r in selected)
    out = {}

    def table(name, rows, numeric):
        t = Table(name, TABLE_COLUMNS[name], rows)
        t.numeric = set(numeric)
        out[name] = t

    # summary -------------------------------------------------------------
    if "summary" in widgets:
        row = {
            "Customers": len({r.customer for r in selected}),
            "LicensesProvisioned": total_prov,
            "LicensesAssigned": total_asg,
            "AssignmentRate": percent(total_asg, total_prov),
            "From": month_text(span[0]) if span else None,
            "To": month_text(span[1]) if span else None,
            "Rows": len(selected),
            "RowsSkipped": report.skipped,
            "PreviousFrom": None, "PreviousTo": None, "PreviousCustomers": None,
            "PreviousLicensesProvisioned": None, "PreviousLicensesAssigned": None,
            "PreviousAssignmentRate": None,
        }
        if span is not None and rng != "all" and report.first_month is not None:
            n = span[1] - span[0] + 1
            p0, p1 = span[0] - n, span[0] - 1
            if p0 >= report.first_month:
                prev = [r for r in filtered if p0 <= r.month <= p1]
                pp = sum(r.provisioned for r in prev)
                pa = sum(r.assigned for r in prev)
                row.update({
                    "PreviousFrom": month_text(p0), "PreviousTo": month_text(p1),
                    "PreviousCustomers": len({r.customer for r in prev}),
                    "PreviousLicensesProvisioned": pp,
                    "PreviousLicensesAssigned": pa,
                    "PreviousAssignmentRate": percent(pa, pp),
                })
        table("summary", [row], ["Customers", "LicensesProvisioned", "LicensesAssigned",
                                 "AssignmentRate", "Rows", "RowsSkipped",
                                 "PreviousCustomers", "PreviousLicensesProvisioned",
                                 "PreviousLicensesAssigned", "PreviousAssignmentRate"])

    # customers -----------------------------------------------------------
    if "customers" in widgets:
        first_seen = {}
        for r in filtered:       # Reading 20: the filters apply, the range does not
            if r.customer not in first_seen or r.month < first_seen[r.customer]:
                first_seen[r.customer] = r.month
        active = {m: set() for m in months}
        for r in selected:
            active[r.month].add(r.customer)
        rows = []
        cumulative = set()
        for m in months:
            new = sum(1 for c in active[m] if first_seen[c] == m)
            cumulative |= active[m]
            rows.append({"Month": month_text(m), "ActiveCustomers": len(active[m]),
                         "NewCustomers": new, "ReturningCustomers": len(active[m]) - new,
                         "CumulativeCustomers": len(cumulative)})
        table("customers", rows, TABLE_COLUMNS["customers"][1:])

    # licenses ------------------------------------------------------------
    if "licenses" in widgets:
        prov = {m: 0 for m in months}
        asg = {m: 0 for m in months}
        for r in selected:
            prov[r.month] += r.provisioned
            asg[r.month] += r.assigned
        table("licenses", [{"Month": month_text(m), "LicensesProvisioned": prov[m],
                            "LicensesAssigned": asg[m]} for m in months],
              ["LicensesProvisioned", "LicensesAssigned"])

    # analysis-products ---------------------------------------------------
    if "analysis-products" in widgets:
        groups = {}
        for r in selected:
            k = (r.product, r.text["PlanName"])
            g = groups.get(k)
            if g is None:
                otype, pid, disp = report.product_label[k]
                g = groups[k] = {"OfferType": otype, "ProductId": pid,
                                 "ProductDisplayName": disp,
                                 "PlanName": r.text["PlanName"], "_c": set(),
                                 "LicensesProvisioned": 0, "LicensesAssigned": 0}
            g["_c"].add(r.customer)
            g["LicensesProvisioned"] += r.provisioned
            g["LicensesAssigned"] += r.assigned
        rows = []
        for g in groups.values():
            g["Customers"] = len(g.pop("_c"))
            g["ProvisionedShare"] = percent(g["LicensesProvisioned"], total_prov)
            g["AssignmentRate"] = percent(g["LicensesAssigned"], g["LicensesProvisioned"])
            rows.append(g)
        rows.sort(key=lambda g: SORT_KEYS["analysis-products"](g) + (bkey(g["ProductId"]),))
        table("analysis-products", rows, ["Customers", "LicensesProvisioned",
                                          "LicensesAssigned", "ProvisionedShare",
                                          "AssignmentRate"])

    # analysis-customers and adoption -------------------------------------
    if "analysis-customers" in widgets or "adoption" in widgets:
        groups = {}
        for r in selected:
            g = groups.get(r.customer)
            if g is None:
                name, code = report.customer_label[r.customer]
                g = groups[r.customer] = {"CustomerName": name, "CustomerCountryCode": code,
                                          "_p": set(), "LicensesProvisioned": 0,
                                          "LicensesAssigned": 0}
            g["_p"].add(r.product)
            g["LicensesProvisioned"] += r.provisioned
            g["LicensesAssigned"] += r.assigned
        if "analysis-customers" in widgets:
            rows = []
            for g in groups.values():
                rows.append({"CustomerName": g["CustomerName"],
                             "CustomerCountryCode": g["CustomerCountryCode"],
                             "Products": len(g["_p"]),
                             "LicensesProvisioned": g["LicensesProvisioned"],
                             "LicensesAssigned": g["LicensesAssigned"],
                             "ProvisionedShare": percent(g["LicensesProvisioned"], total_prov),
                             "AssignmentRate": percent(g["LicensesAssigned"],
                                                       g["LicensesProvisioned"])})
            rows.sort(key=SORT_KEYS["analysis-customers"])
            table("analysis-customers", rows, ["Products", "LicensesProvisioned",
                                               "LicensesAssigned", "ProvisionedShare",
                                               "AssignmentRate"])
        if "adoption" in widgets:
            rows = []
            for g in groups.values():
                p, a = g["LicensesProvisioned"], g["LicensesAssigned"]
                rows.append({"CustomerName": g["CustomerName"],
                             "CustomerCountryCode": g["CustomerCountryCode"],
                             "LicensesProvisioned": p, "LicensesAssigned": a,
                             "LicensesUnassigned": max(p - a, 0),   # Reading 15
                             "AssignmentRate": percent(a, p)})
            rows.sort(key=SORT_KEYS["adoption"])
            table("adoption", rows, ["LicensesProvisioned", "LicensesAssigned",
                                     "LicensesUnassigned", "AssignmentRate"])

    # geo -----------------------------------------------------------------
    if "geo" in widgets:
        groups = {}
        for r in selected:
            code = r.text["CustomerCountryCode"]
            g = groups.get(code)
            if g is None:
                g = groups[code] = {"CustomerCountryCode": code,
                                    "CustomerCountry": report.country_label[code],
                                    "_c": set(), "LicensesProvisioned": 0,
                                    "LicensesAssigned": 0}
            g["_c"].add(r.customer)
            g["LicensesProvisioned"] += r.provisioned
            g["LicensesAssigned"] += r.assigned
        rows = []
        for g in groups.values():
            g["Customers"] = len(g.pop("_c"))
            g["ProvisionedShare"] = percent(g["LicensesProvisioned"], total_prov)
            rows.append(g)
        rows.sort(key=SORT_KEYS["geo"])
        table("geo", rows, ["Customers", "LicensesProvisioned", "LicensesAssigned",
                            "ProvisionedShare"])

    # states --------------------------------------------------------------
    if "states" in widgets:
        # Reading 16: a blank state is a state; text sorts by its UTF-8 bytes.
        states = sorted({r.text["LicenseState"] for r in selected}, key=bkey)
        cells = {}
        for r in selected:
            k = (r.month, r.text["LicenseState"])
            c = cells.get(k)
            if c is None:
                c = cells[k] = [set(), 0, 0]
            c[0].add(r.customer)
            c[1] += r.provisioned
            c[2] += r.assigned
        rows = []
        for m in months:
            for s in states:
                c = cells.get((m, s), [set(), 0, 0])
                rows.append({"Month": month_text(m), "LicenseState": s,
                             "Customers": len(c[0]), "LicensesProvisioned": c[1],
                             "LicensesAssigned": c[2]})
        table("states", rows, ["Customers", "LicensesProvisioned", "LicensesAssigned"])

    # data ----------------------------------------------------------------
    if "data" in widgets:
        columns = [h for h, n in report.data_columns]
        norms = [n for h, n in report.data_columns]
        kinds = [n if n in CANONICAL else None for n in norms]
        rows = []
        for r in selected:
            f = report.files[r.file]
            where = {}
            for i, n in enumerate(f.norm):
                where.setdefault(SYNONYMS.get(n, n), i)
            d = {}
            for h, n, kind in zip(columns, norms, kinds):
                if kind == "ActivationDate":
                    d[h] = r.date.isoformat()
                elif kind == "LicensesAssigned":
                    d[h] = r.assigned
                elif kind == "LicensesProvisioned":
                    d[h] = r.provisioned
                elif n in where:
                    d[h] = r.cells[where[n]]
                else:
                    d[h] = ""        # Reading 12: a column this file does not have
            rows.append(d)
        t = Table("data", columns, rows)
        t.numeric = {h for h, k in zip(columns, kinds)
                     if k in ("LicensesAssigned", "LicensesProvisioned")}
        out["data"] = t
    return out


# ---------------------------------------------------------------------------
# §5 — writing


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return "%s" % value.quantize(Decimal("0.01"))
    if isinstance(value, int):
        return str(value)
    return escape_cell(value)


def csv_field(text):
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(t):
    lines = [",".join(csv_field(c) for c in t.columns)]
    for row in t.rows:
        lines.append(",".join(csv_field(cell_text(row[c])) for c in t.columns))
    return "\r\n".join(lines) + "\r\n"


def json_value(value):
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return "%s" % value.quantize(Decimal("0.01"))
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def write_json(t):
    items = []
    for row in t.rows:
        items.append("  {" + ", ".join("%s: %s" % (json.dumps(c, ensure_ascii=False),
                                                    json_value(row[c]))
                                        for c in t.columns) + "}")
    return "[\n" + ",\n".join(items) + ("\n" if items else "") + "]\n"


# ---------------------------------------------------------------------------
# command line


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--export", required=True)
    ap.add_argument("--format", default="csv", choices=["csv", "json"])
    ap.add_argument("--output")
    ap.add_argument("--range", default="last-6")
    ap.add_argument("--where", action="append", default=[])
    ap.add_argument("files", nargs="+")
    try:
        args = ap.parse_args(argv)
    except SystemExit:
        return 2
    try:
        widgets = args.export.split(",")
        for w in widgets:
            if w not in WIDGETS:
                raise UsageError("unknown widget %r" % w)
        rng = parse_range(args.range)
        filters = parse_where(args.where)
        if len(widgets) > 1 and not args.output:
            raise UsageError("several widgets need --output FOLDER")
    except UsageError as e:
        print("ld_oracle: %s" % e, file=sys.stderr)
        return 2
    try:
        report = load(args.files)
    except ReportError as e:
        print("ld_oracle: %s" % e, file=sys.stderr)
        return 1
    tables = compute(report, rng, filters, widgets)
    write = write_csv if args.format == "csv" else write_json
    if len(widgets) == 1 and not (args.output and os.path.isdir(args.output)):
        text = write(tables[widgets[0]])
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
        return 0
    os.makedirs(args.output, exist_ok=True)
    for w in widgets:
        with open(os.path.join(args.output, "%s.%s" % (w, args.format)), "w",
                  encoding="utf-8", newline="") as f:
            f.write(write(tables[w]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
