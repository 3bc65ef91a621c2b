#!/usr/bin/env python3
"""Several downloads on the command line open as one report (SPEC §6, §7):
`license-dashboard a.csv b.tsv` titles the window "2 reports", its subtitle the months the
two cover, and counts the overlapping licence once — read back through AT-SPI.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import ldinput  # noqa: E402
from ldinput import Role  # noqa: E402

# The two downloads of tests/test-window-history.c, worked out there: a.csv (comma, ISO
# dates) covers Jan–Feb 2026, b.tsv (tab, M/D/YYYY) Feb–Mar and replaces a.csv's Fabrikam
# row. Over the last six months (Oct 2025 – Mar 2026): 18 provisioned, 10 assigned.
A_CSV = ("CustomerCountry,CustomerCountryCode,CustomerName,ActivationDate,ProductDisplayName,ProductId,"
         "PlanName,ServiceId,LicenseState,LicensesAssigned,LicensesProvisioned,OfferType\n"
         "Germany,DE,Contoso,2026-01-10,Sales Hub,prod-a,Gold,svc-a,Active,5,10,SaaS\n"
         "Austria,AT,Fabrikam,2026-02-03,Sales Hub,prod-a,Gold,svc-a,Active,1,4,SaaS\n")
B_TSV = ("CustomerName\tCustomerCountryCode\tActivationDate\tProductId\tProductDisplayName\tPlanName\t"
         "ServiceId\tLicenseState\tLicensesAssigned\tLicensesProvisioned\n"
         "Fabrikam\tAT\t2/3/2026\tprod-a\tSales Hub\tGold\tsvc-a\tSuspended\t3\t6\n"
         "Northwind\tFR\t3/15/2026\tprod-a\tSales Hub\tGold\tsvc-a\tActive\t2\t2\n")

folder = tempfile.mkdtemp(prefix="ld-history-")
paths = [os.path.join(folder, "a.csv"), os.path.join(folder, "b.tsv")]
for path, text in zip(paths, (A_CSV, B_TSV)):
    with open(path, "w") as f:
        f.write(text)


def test_two_files_one_report(app):
    """The title counts the downloads, the subtitle says their months, the Licenses card
    counts the replaced licence once."""
    app.find(role=Role.LABEL, name="2 reports")
    app.find(role=Role.LABEL, name="Jan 2026 – Mar 2026")
    ldinput.wait_for(lambda: app.find_all(role=Role.LABEL, name_prefix="18 Provisioned"),
                     "the Licenses card's 18 provisioned licences")
    ldinput.wait_for(lambda: app.find_all(role=Role.LABEL, name_prefix="10 Assigned"),
                     "the Licenses card's 10 assigned licences")


if __name__ == "__main__":
    try:
        ldinput.main([test_two_files_one_report], app_args=paths)
    finally:
        for path in paths:
            os.unlink(path)
        os.rmdir(folder)
