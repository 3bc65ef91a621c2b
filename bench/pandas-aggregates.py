#!/usr/bin/env python3
# pandas-aggregates.py — the SPEC §5 aggregate tables computed with pandas, for comparison
#
# Usage: python3 pandas-aggregates.py FILE
#
# The same definitions as the engine and bench/duckdb-aggregates.mjs (SPEC §3): a
# customer is (CustomerName, CustomerCountryCode); "new customers" in a month are the
# distinct customers with a row in it; cumulative customers are those first seen by
# then; every month of the range is listed. Each table is written as CSV to
# /dev/null, as ld-bench writes its tables to a null stream. Prints RESULT lines and
# the CHECK line ld-bench prints.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

import pandas as pd


def percent(part, whole):
    # 0 where the whole is 0 (SPEC §3), not NaN or inf.
    return (100.0 * part / whole).where(pd.Series(whole, index=part.index) != 0, 0.0).round(2)


def main():
    if len(sys.argv) != 2:
        print("usage: pandas-aggregates.py FILE", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    text = ["CustomerCountry", "CustomerCountryCode", "CustomerName", "ProductDisplayName",
            "ProductId", "PlanName", "ServiceId", "LicenseState", "OfferType"]
    # Types given and "" kept as "" (not NaN), as the engine reads blanks.
    df = pd.read_csv(sys.argv[1], dtype={**{c: str for c in text},
                                         "LicensesAssigned": "int64",
                                         "LicensesProvisioned": "int64"},
                     keep_default_na=False, na_values=[])
    df["ActivationDate"] = pd.to_datetime(df["ActivationDate"], format="%Y-%m-%d")
    t1 = time.perf_counter()

    df["Month"] = df["ActivationDate"].dt.to_period("M")
    df["Customer"] = df.groupby(["CustomerName", "CustomerCountryCode"], sort=False).ngroup()
    total_p = df["LicensesProvisioned"].sum()
    total_a = df["LicensesAssigned"].sum()
    all_months = pd.period_range(df["Month"].min(), df["Month"].max(), freq="M")

    summary = pd.DataFrame({
        "Customers": [df["Customer"].nunique()],
        "LicensesProvisioned": [total_p],
        "LicensesAssigned": [total_a],
        "AssignmentRate": [round(100.0 * total_a / total_p, 2) if total_p else 0.0],
        "From": [str(all_months[0])], "To": [str(all_months[-1])],
        "Rows": [len(df)], "RowsSkipped": [0],
    })

    by_month = df.groupby("Month")
    first_month = df.groupby("Customer")["Month"].min()
    customers = pd.DataFrame({
        "NewCustomers": by_month["Customer"].nunique().reindex(all_months, fill_value=0),
        "CumulativeCustomers": first_month.value_counts().reindex(all_months, fill_value=0).cumsum(),
    })
    customers.index = customers.index.strftime("%Y-%m")
    customers.index.name = "Month"

    licenses = by_month[["LicensesProvisioned", "LicensesAssigned"]].sum().reindex(all_months, fill_value=0)
    licenses.index = licenses.index.strftime("%Y-%m")
    licenses.index.name = "Month"

    products = df.groupby(["ProductId", "PlanName"], sort=False).agg(
        OfferType=("OfferType", "first"),
        ProductDisplayName=("ProductDisplayName", "first"),
        Customers=("Customer", "nunique"),
        LicensesProvisioned=("LicensesProvisioned", "sum"),
        LicensesAssigned=("LicensesAssigned", "sum")).reset_index()
    products["ProvisionedShare"] = percent(products["LicensesProvisioned"], total_p)
    products["AssignmentRate"] = percent(products["LicensesAssigned"], products["LicensesProvisioned"])
    products = products.sort_values(["LicensesProvisioned", "ProductDisplayName", "PlanName"],
                                    ascending=[False, True, True])

    by_customer = df.groupby(["CustomerName", "CustomerCountryCode"], sort=False).agg(
        Products=("ProductId", "nunique"),
        LicensesProvisioned=("LicensesProvisioned", "sum"),
        LicensesAssigned=("LicensesAssigned", "sum")).reset_index()
    by_customer["ProvisionedShare"] = percent(by_customer["LicensesProvisioned"], total_p)
    by_customer["AssignmentRate"] = percent(by_customer["LicensesAssigned"], by_customer["LicensesProvisioned"])
    by_customer = by_customer.sort_values(["LicensesProvisioned", "CustomerName", "CustomerCountryCode"],
                                          ascending=[False, True, True])

    geo = df.groupby("CustomerCountryCode", sort=False).agg(
        CustomerCountry=("CustomerCountry", "first"),
        Customers=("Customer", "nunique"),
        LicensesProvisioned=("LicensesProvisioned", "sum"),
        LicensesAssigned=("LicensesAssigned", "sum")).reset_index()
    geo["ProvisionedShare"] = percent(geo["LicensesProvisioned"], total_p)
    geo = geo.sort_values(["LicensesProvisioned", "CustomerCountryCode"], ascending=[False, True])

    for table, keep_index in ((summary, False), (customers, True), (licenses, True),
                              (products, False), (by_customer, False), (geo, False)):
        table.to_csv(os.devnull, index=keep_index)
    t2 = time.perf_counter()

    print(f"CHECK rows={len(df)} customers={summary['Customers'][0]} provisioned={total_p}"
          f" assigned={total_a} months={len(all_months)}"
          f" new_sum={customers['NewCustomers'].sum()}"
          f" cumulative_last={customers['CumulativeCustomers'].iloc[-1]}"
          f" month_provisioned_max={licenses['LicensesProvisioned'].max()}"
          f" groups={len(products)} group_customers={products['Customers'].sum()}"
          f" customer_rows={len(by_customer)} customer_products={by_customer['Products'].sum()}"
          f" countries={len(geo)} country_customers={geo['Customers'].sum()}"
          f" top_group={products['ProductId'].iloc[0]}/{products['PlanName'].iloc[0]}"
          f" top_country={geo['CustomerCountryCode'].iloc[0]}")
    print(f"RESULT load_ms={1000 * (t1 - t0):.1f}")
    print(f"RESULT tables_ms={1000 * (t2 - t1):.1f}")
    print(f"RESULT total_ms={1000 * (t2 - t0):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
