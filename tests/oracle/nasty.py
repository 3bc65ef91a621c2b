"""Hand-made License reports in the dialects real files come in (SPEC §2, §7).

Each case is a function of a random.Random that returns a list of files, each a
(name, bytes) pair; check.py writes them out and compares the engine with the
oracle on them.  The cases aim at one thing each, so a mismatch points at it.
"""

import datetime
import random

CANON = ["CustomerCountry", "CustomerCountryCode", "CustomerName", "ActivationDate",
         "ProductDisplayName", "ProductId", "PlanName", "ServiceId", "LicenseState",
         "LicensesAssigned", "LicensesProvisioned", "OfferType"]

D365 = "Dynamics 365 apps on Dataverse and Power Apps"
PBI = "Power BI visual"

COUNTRIES = [("US", "United States"), ("DE", "Germany"), ("FR", "France"),
             ("JP", "Japan"), ("CA", "Canada"), ("BR", "Brazil")]

# (name, country index, tenant): names that stress quoting, escaping and sorting.
CUSTOMERS = [
    ("Contoso, Ltd.", 0, "t-01"),
    ('Fabrikam "Best" Inc', 1, "t-02"),
    ("Multi\nLine Holdings", 2, "t-03"),
    ("Semi;colon GmbH", 1, "t-04"),
    ("Tab\there Corp", 0, "t-05"),
    ("=HYPERLINK(\"http://x\")", 3, "t-06"),
    ("+44 Telecom", 4, "t-07"),
    ("-minus Corp", 0, "t-08"),
    ("@mention Labs", 5, "t-09"),
    ("O'Brien & Sons", 0, "t-10"),
    ("Café Zürich AG", 1, "t-11"),
    ("日本株式会社", 3, "t-12"),
    ("acme", 0, "t-13"),
    ("Acme", 0, "t-14"),
    ("", 0, "t-15"),           # name not shared, US
    ("", 2, "t-16"),           # name not shared, FR
    ("Zeta Zulu", 4, "t-17"),
    ("Ångström AB", 5, "t-18"),
]

# Names the loader changes: a cell the app escaped for spreadsheets (one `'` less).
ESCAPED_CUSTOMERS = [
    ("'=already escaped", 0, "t-20"),
    ("''+twice escaped", 1, "t-21"),
    ("'plain apostrophe", 2, "t-22"),
    ("\tTab start", 3, "t-23"),
]

# (ProductId, ProductDisplayName, OfferType, [(PlanName, ServiceId)])
PRODUCTS = [
    ("contoso.crm", "Contoso CRM", D365, [("Basic", "Contoso.CRM.basic"), ("Pro", "Contoso.CRM.pro")]),
    ("fabrikam.visual", "Fabrikam Visual", PBI, [("Standard", "Fab.V.std")]),
    ("tailspin;1", 'Tailspin, "Quoted" Suite', D365, [("Pro", "Tail.pro"), ("Basic", "Tail.basic")]),
    ("same.1", "Same Name", D365, [("Pro", "Same1.pro")]),
    ("same.2", "Same Name", PBI, [("Pro", "Same2.pro")]),
    ("northwind", "Northwind Éditions", D365, [("Enterprise", "NW.ent"), ("=Plan", "NW.eq")]),
]

STATES = ["Active", "Inactive", "Suspended", "Active", "Active", "Expired"]


class Rec(dict):
    """One licence record: canonical field -> value (date as datetime.date, counts int)."""


def month_add(d, months):
    m = d.year * 12 + d.month - 1 + months
    return datetime.date(m // 12, m % 12 + 1, 1)


def random_records(rnd, n, end=datetime.date(2026, 11, 20), months=20, customers=None,
                   products=None, states=None, max_count=40):
    customers = customers or CUSTOMERS
    products = products or PRODUCTS
    states = states or STATES
    start = month_add(end, -(months - 1))
    span = (end - start).days
    out = []
    for _ in range(n):
        name, ci, tenant = rnd.choice(customers)
        code, country = COUNTRIES[ci]
        pid, disp, otype, plans = rnd.choice(products)
        plan, service = rnd.choice(plans)
        prov = rnd.randint(0, max_count)
        asg = rnd.randint(0, prov) if rnd.random() < 0.9 else prov + rnd.randint(1, 5)
        out.append(Rec(CustomerCountry=country, CustomerCountryCode=code, CustomerName=name,
                       TenantId=tenant,
                       ActivationDate=start + datetime.timedelta(days=rnd.randint(0, span)),
                       ProductDisplayName=disp, ProductId=pid, PlanName=plan, ServiceId=service,
                       LicenseState=rnd.choice(states), LicensesAssigned=asg,
                       LicensesProvisioned=prov, OfferType=otype))
    return out


# ---------------------------------------------------------------------------
# rendering


def fmt_date(d, style, rnd):
    if style == "iso":
        return d.isoformat()
    if style == "ymd-slash":
        return "%04d/%02d/%02d" % (d.year, d.month, d.day)
    if style == "isotime":
        return rnd.choice([
            "%sT00:00:00Z" % d.isoformat(),
            "%sT13:45:10.123Z" % d.isoformat(),
            "%sT23:59:59+05:30" % d.isoformat(),
            "%sT08:00:00-08:00" % d.isoformat(),
            "%sT10:11:12.5" % d.isoformat(),
        ])
    if style in ("us", "eu"):
        a, b = (d.month, d.day) if style == "us" else (d.day, d.month)
        base = rnd.choice(["%d/%d/%04d", "%02d/%02d/%04d"]) % (a, b, d.year)
        t = rnd.random()
        if t < 0.3:
            return base + " %d:%02d %s" % (rnd.randint(1, 12), rnd.randint(0, 59),
                                           rnd.choice(["AM", "PM"]))
        if t < 0.45:
            return base + " %d:%02d:%02d %s" % (rnd.randint(1, 12), rnd.randint(0, 59),
                                                rnd.randint(0, 59), rnd.choice(["AM", "PM"]))
        if t < 0.6:
            return base + " %d:%02d" % (rnd.randint(0, 23), rnd.randint(0, 59))
        if t < 0.7:
            return base + " %02d:%02d:%02d" % (rnd.randint(0, 23), rnd.randint(0, 59),
                                               rnd.randint(0, 59))
        return base
    if style == "mixed":
        return fmt_date(d, rnd.choice(["iso", "ymd-slash", "isotime", "us"]), rnd)
    raise ValueError(style)


def fmt_count(v, rnd, odd=True):
    if not odd:
        return str(v)
    t = rnd.random()
    if t < 0.05:
        return " %d " % v
    if t < 0.08:
        return "%d.0" % v
    if t < 0.10:
        return "%d.00" % v
    if t < 0.12 and v == 0:
        return ""
    if t < 0.14:
        return "00%d" % v
    return str(v)


def quote(cell, delim, always=False):
    if always or any(ch in cell for ch in (delim, '"', "\r", "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def render(header, rows, delim=",", newline="\n", final_newline=True, encoding="utf-8",
           quote_all=False, rnd=None):
    """header: the header cells as written; rows: lists of cell strings."""
    rnd = rnd or random.Random(0)
    lines = [delim.join(quote(h, delim, quote_all) for h in header)]
    for cells in rows:
        lines.append(delim.join(quote(c, delim, quote_all or rnd.random() < 0.05) for c in cells))
    text = newline.join(lines) + (newline if final_newline else "")
    if encoding == "utf-8":
        return text.encode("utf-8")
    if encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    raise ValueError(encoding)


HEADER_SPELLINGS = {
    "CustomerCountry": ["CustomerCountry", "Customer Country", "customer_country"],
    "CustomerCountryCode": ["CustomerCountryCode", "Customer Country Code",
                            "customer_country_code", "CUSTOMER-COUNTRY-CODE"],
    "CustomerName": ["CustomerName", "Customer Name", "customer name"],
    "ActivationDate": ["ActivationDate", "Activation Date", "activation_date"],
    "ProductDisplayName": ["ProductDisplayName", "Product Display Name"],
    "ProductId": ["ProductId", "Product ID", "product_id"],
    "PlanName": ["PlanName", "SKU Name", "Plan Name"],
    "ServiceId": ["ServiceId", "Service ID"],
    "LicenseState": ["LicenseState", "License State"],
    "LicensesAssigned": ["LicensesAssigned", "Licenses Assigned", "licenses_assigned"],
    "LicensesProvisioned": ["LicensesProvisioned", "Licenses Provisioned"],
    "OfferType": ["OfferType", "Offer Type"],
    "TenantId": ["Tenant ID", "TenantId", "tenant_id"],
}


def make_file(rnd, recs, columns=None, spellings=False, shuffle=False, extra=(),
              date_style="iso", odd_counts=False, bad=0, **render_args):
    """Render records with the given canonical columns (default: all but TenantId).
    extra: unknown columns (filled with text).  bad: how many bad rows to insert."""
    columns = list(columns or CANON)
    if shuffle:
        rnd.shuffle(columns)
    header_cells = [rnd.choice(HEADER_SPELLINGS[c]) if spellings else
                    (c if c != "TenantId" else "Tenant ID") for c in columns]
    layout = list(columns)
    for x in extra:
        pos = rnd.randint(0, len(layout))
        layout.insert(pos, None)
        header_cells.insert(pos, x)
    rows = []
    for r in recs:
        cells = []
        for c in layout:
            if c is None:
                cells.append(rnd.choice(["", "note", "x, y", "=1+1"]))
            elif c == "ActivationDate":
                cells.append(fmt_date(r[c], date_style, rnd))
            elif c in ("LicensesAssigned", "LicensesProvisioned"):
                cells.append(fmt_count(r[c], rnd, odd_counts))
            else:
                cells.append(r[c])
        rows.append(cells)
    date_col = layout.index("ActivationDate")
    count_col = layout.index(rnd.choice(["LicensesAssigned", "LicensesProvisioned"]))
    for i in range(bad):
        if not rows:
            break
        template = list(rnd.choice(rows))
        kind = i % 9
        if kind == 0:
            template[date_col] = rnd.choice(["not a date", "2026-02-30", "2026-13-01", ""])
        elif kind == 1:
            template[count_col] = "-3"
        elif kind == 2:
            template[count_col] = "2.5"
        elif kind == 3:
            template[count_col] = "2147483648"
        elif kind == 4:
            template[count_col] = rnd.choice(["abc", "1e3", "1,000", "five"])
        elif kind == 5:
            template = template[:-1]                      # a field short
        elif kind == 6:
            template = template + ["surplus"]             # a field too many
        elif kind == 7:
            template[date_col] = "31/31/2026"             # a slash date no order can read
        else:
            template[count_col] = "-0.5"
        rows.insert(rnd.randint(0, len(rows)), template)
    return header_cells, rows


# ---------------------------------------------------------------------------
# the cases: each returns [(file name, bytes)] (several files are one report)


def case_semicolon_dayfirst(rnd):
    recs = random_records(rnd, 300)
    h, rows = make_file(rnd, recs, date_style="eu", bad=4)
    return [("semicolon-dayfirst.csv", render(h, rows, delim=";", newline="\r\n", rnd=rnd))]


def case_dayfirst_by_one(rnd):
    """Only one date has a day above 12, near the end: every slash date is day-first."""
    recs = random_records(rnd, 120)
    for r in recs:
        d = r["ActivationDate"]
        r["ActivationDate"] = d.replace(day=rnd.randint(1, 12))
    recs[-3]["ActivationDate"] = recs[-3]["ActivationDate"].replace(day=25)
    h, rows = make_file(rnd, recs, date_style="eu")
    return [("dayfirst-by-one.csv", render(h, rows, rnd=rnd))]


def case_monthfirst_low_days(rnd):
    """Every slash date has both parts at most 12: month first."""
    recs = random_records(rnd, 120)
    for r in recs:
        d = r["ActivationDate"]
        r["ActivationDate"] = d.replace(day=rnd.randint(1, 12))
    h, rows = make_file(rnd, recs, date_style="us", spellings=True)
    return [("monthfirst-low-days.csv", render(h, rows, rnd=rnd))]


def case_utf16_tsv(rnd):
    recs = random_records(rnd, 250)
    h, rows = make_file(rnd, recs, date_style="us", spellings=True, odd_counts=True, bad=3)
    return [("utf16le.tsv", render(h, rows, delim="\t", newline="\r\n", encoding="utf-16-le",
                                   rnd=rnd))]


def case_utf16be_semicolon(rnd):
    recs = random_records(rnd, 150)
    h, rows = make_file(rnd, recs, date_style="isotime", shuffle=True)
    return [("utf16be.csv", render(h, rows, delim=";", encoding="utf-16-be", rnd=rnd))]


def case_tenant_legacy(rnd):
    """An older export: Tenant ID, no OfferType; some tenants blank, one tenant under
    two names (identity is the tenant, not the name)."""
    recs = random_records(rnd, 300)
    for r in recs:
        if r["TenantId"] in ("t-02", "t-05") and rnd.random() < 0.5:
            r["TenantId"] = ""
        if r["TenantId"] == "t-13":
            r["TenantId"] = "t-14"      # acme and Acme are one tenant
    cols = [c for c in CANON if c != "OfferType"] + ["TenantId"]
    h, rows = make_file(rnd, recs, columns=cols, date_style="us", bad=2)
    return [("legacy-tenant.csv", render(h, rows, newline="\r\n", rnd=rnd))]


def case_quoting(rnd):
    """Every field quoted, quotes doubled, newlines and delimiters inside quotes, LF,
    no final newline, UTF-8 with BOM."""
    recs = random_records(rnd, 200)
    h, rows = make_file(rnd, recs, date_style="iso", extra=["Notes"], shuffle=True)
    return [("quoted-all.csv", render(h, rows, quote_all=True, final_newline=False,
                                      encoding="utf-8-bom", rnd=rnd))]


def case_formula_names(rnd):
    """Names that look like formulas, and cells the app escaped (a leading `'`)."""
    recs = random_records(rnd, 150, customers=CUSTOMERS[5:9] + ESCAPED_CUSTOMERS)
    h, rows = make_file(rnd, recs, date_style="iso")
    return [("formula-names.csv", render(h, rows, rnd=rnd))]


def case_bad_rows(rnd):
    recs = random_records(rnd, 200)
    h, rows = make_file(rnd, recs, date_style="mixed", odd_counts=True, bad=27)
    return [("bad-rows.csv", render(h, rows, rnd=rnd))]


def case_header_only(rnd):
    h, rows = make_file(rnd, [], date_style="iso")
    return [("header-only.csv", render(h, rows, final_newline=rnd.random() < 0.5, rnd=rnd))]


def case_only_bad_rows(rnd):
    recs = random_records(rnd, 5)
    h, rows = make_file(rnd, recs, date_style="iso")
    for cells in rows:
        cells[h.index("ActivationDate")] = "someday"
    return [("only-bad-rows.csv", render(h, rows, rnd=rnd))]


def case_minimal_columns(rnd):
    """Only the required columns (ProductDisplayName, not ProductId): every optional
    column reads as empty."""
    recs = random_records(rnd, 150)
    cols = ["ActivationDate", "ProductDisplayName", "LicensesAssigned", "LicensesProvisioned"]
    h, rows = make_file(rnd, recs, columns=cols, date_style="ymd-slash", spellings=True)
    return [("minimal-columns.csv", render(h, rows, rnd=rnd))]


def case_big_numbers(rnd):
    """Counts at the 32-bit limit: sums need 64 bits; rates of huge figures."""
    recs = random_records(rnd, 40)
    for r in recs[:12]:
        r["LicensesProvisioned"] = 2147483647
        r["LicensesAssigned"] = rnd.choice([2147483647, 1073741824, 3, 0])
    h, rows = make_file(rnd, recs, date_style="iso")
    return [("big-numbers.csv", render(h, rows, rnd=rnd))]


def case_rounding(rnd):
    """Rates and shares that land on exactly half a hundredth (1/8 = 12.5%,
    1/16 = 6.25%, 1/32 = 3.125%, 1/160 = 0.625%) and on repeating decimals."""
    recs = []
    day = datetime.date(2026, 11, 3)
    pairs = [(8, 1), (16, 1), (32, 1), (160, 1), (200, 1), (3, 1), (3, 2), (7, 1), (6, 1),
             (64, 1), (128, 3), (800, 1), (2000, 1), (400, 1), (80000, 1),
             (20000, 201), (20000, 203), (20000, 57), (20000, 2929), (200, 2009)]
    for i, (p, a) in enumerate(pairs):
        name, ci, tenant = CUSTOMERS[i % len(CUSTOMERS)]
        code, country = COUNTRIES[ci]
        pid, disp, otype, plans = PRODUCTS[i % len(PRODUCTS)]
        plan, service = plans[0]
        recs.append(Rec(CustomerCountry=country, CustomerCountryCode=code, CustomerName=name,
                        TenantId=tenant, ActivationDate=day, ProductDisplayName=disp,
                        ProductId=pid, PlanName=plan, ServiceId=service, LicenseState="Active",
                        LicensesAssigned=a, LicensesProvisioned=p, OfferType=otype))
    h, rows = make_file(rnd, recs, date_style="iso")
    return [("rounding.csv", render(h, rows, rnd=rnd))]


def case_invalid_utf8(rnd):
    """Latin-1 bytes in a UTF-8 file: each becomes U+FFFD, the rows still load."""
    recs = random_records(rnd, 60)
    h, rows = make_file(rnd, recs, date_style="iso")
    data = render(h, rows, rnd=rnd)
    return [("invalid-utf8.csv", data.replace("Café".encode(), b"Caf\xe9")
             .replace("Zürich".encode(), b"Z\xfcrich"))]


def case_blank_states(rnd):
    recs = random_records(rnd, 150, states=["Active", "", "Suspended", "active"])
    h, rows = make_file(rnd, recs, date_style="iso")
    return [("blank-states.csv", render(h, rows, rnd=rnd))]


def case_short_history(rnd):
    """Two months of data: Last 6/12 months reach before it, no previous period."""
    recs = random_records(rnd, 80, months=2, end=datetime.date(2026, 3, 9))
    h, rows = make_file(rnd, recs, date_style="iso")
    return [("short-history.csv", render(h, rows, rnd=rnd))]


def case_duplicate_rows(rnd):
    """The same licence key twice in one file: rows within a file are never merged."""
    recs = random_records(rnd, 60)
    recs += [Rec(r) for r in recs[:20]]
    rnd.shuffle(recs)
    h, rows = make_file(rnd, recs, date_style="iso")
    return [("duplicate-rows.csv", render(h, rows, rnd=rnd))]


SINGLE_CASES = [case_semicolon_dayfirst, case_dayfirst_by_one, case_monthfirst_low_days,
                case_utf16_tsv, case_utf16be_semicolon, case_tenant_legacy, case_quoting,
                case_formula_names, case_bad_rows, case_header_only, case_only_bad_rows,
                case_minimal_columns, case_big_numbers, case_rounding, case_invalid_utf8,
                case_blank_states, case_short_history, case_duplicate_rows]


# ---------------------------------------------------------------------------
# several downloads (§7)


def case_overlapping_downloads(rnd):
    """Three monthly-ish downloads that overlap, in three dialects, given out of
    order; the later ones restate counts and states of earlier rows."""
    base = random_records(rnd, 400, end=datetime.date(2026, 11, 25), months=14)
    base.sort(key=lambda r: r["ActivationDate"])
    cut1 = datetime.date(2026, 4, 30)
    cut2 = datetime.date(2026, 8, 31)
    a = [r for r in base if r["ActivationDate"] <= cut1]
    b_old = [r for r in base if datetime.date(2026, 2, 1) <= r["ActivationDate"] <= cut2]
    c_old = [r for r in base if r["ActivationDate"] >= datetime.date(2026, 7, 1)]
    b, c = [], []
    for r in b_old:
        r2 = Rec(r)
        if rnd.random() < 0.4:
            r2["LicensesProvisioned"] = rnd.randint(0, 50)
            r2["LicensesAssigned"] = rnd.randint(0, r2["LicensesProvisioned"])
            r2["LicenseState"] = rnd.choice(STATES)
        b.append(r2)
    for r in c_old:
        r2 = Rec(r)
        if rnd.random() < 0.3:
            r2["LicenseState"] = "Suspended"
            r2["LicensesAssigned"] = 0
        c.append(r2)
    # A later download may restate a key twice: both rows stay, both replace.
    if c:
        c.append(Rec(c[0]))
    fa = make_file(rnd, a, date_style="eu", bad=2)
    fb = make_file(rnd, b, date_style="us", spellings=True, shuffle=True, extra=["Region"])
    fc = make_file(rnd, c, date_style="isotime", bad=1)
    return [
        ("download-c.csv", render(*fc, rnd=rnd)),
        ("download-a.csv", render(*fa, delim=";", newline="\r\n", rnd=rnd)),
        ("download-b.tsv", render(*fb, delim="\t", encoding="utf-16-le", rnd=rnd)),
    ]


def case_tied_downloads(rnd):
    """Two downloads with the same latest date: the one given later wins."""
    recs = random_records(rnd, 120, end=datetime.date(2026, 10, 14), months=5)
    last = max(r["ActivationDate"] for r in recs)
    second = []
    for r in recs:
        r2 = Rec(r)
        r2["LicensesProvisioned"] = r["LicensesProvisioned"] + 1
        second.append(r2)
    second = second[::2]
    if not any(r["ActivationDate"] == last for r in second):
        r2 = Rec(next(r for r in recs if r["ActivationDate"] == last))
        second.append(r2)
    f1 = make_file(rnd, recs, date_style="iso")
    f2 = make_file(rnd, second, date_style="iso", shuffle=True)
    return [("tie-1.csv", render(*f1, rnd=rnd)), ("tie-2.csv", render(*f2, rnd=rnd))]


def case_legacy_and_new(rnd):
    """An old download with Tenant ID and a new one without: different identities,
    the union of their columns in `data`."""
    recs = random_records(rnd, 150, end=datetime.date(2026, 6, 20), months=6)
    newer = random_records(rnd, 150, end=datetime.date(2026, 11, 20), months=8)
    old_cols = [c for c in CANON if c != "OfferType"] + ["TenantId"]
    f1 = make_file(rnd, recs, columns=old_cols, date_style="us")
    f2 = make_file(rnd, newer + [Rec(r) for r in recs[:30]], date_style="iso", extra=["Notes"])
    return [("new.csv", render(*f2, rnd=rnd)), ("old.csv", render(*f1, rnd=rnd))]


MULTI_CASES = [case_overlapping_downloads, case_tied_downloads, case_legacy_and_new]


# ---------------------------------------------------------------------------
# files that cannot be read (§2 "Bad files"): the program exits 1


def bad_files(rnd):
    good_h, good_rows = make_file(rnd, random_records(rnd, 5), date_style="iso")
    return [
        ("empty.csv", b""),
        ("no-required-column.csv",
         b"CustomerName,ActivationDate,ProductId,LicensesAssigned\nA,2026-01-01,p,1\n"),
        ("no-product.csv",
         b"CustomerName,ActivationDate,LicensesAssigned,LicensesProvisioned\nA,2026-01-01,1,1\n"),
        ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))),
    ]
