// duckdb-aggregates.mjs — the SPEC §5 aggregate tables computed with DuckDB, for comparison
//
// Usage: node duckdb-aggregates.mjs FILE
//
// Loads the report into an in-memory table, builds the six aggregate tables with the
// same definitions as the engine (SPEC §3: a customer is (CustomerName,
// CustomerCountryCode); "new customers" in a month are the distinct customers with a
// row in it; cumulative customers are those first seen by then; every month of the
// range is listed), and writes each as CSV to /dev/null — the engine's benchmark
// writes its tables to a null stream too. Prints RESULT lines (timings) and the CHECK
// line that ld-bench prints, so run-bench.sh can show both tools gave one answer.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (!file) {
  console.error('usage: node duckdb-aggregates.mjs FILE');
  process.exit(2);
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const quote = (s) => "'" + s.replaceAll("'", "''") + "'";

// Blank cells read as NULL; the engine reads them as "", so keys coalesce.
const CUSTOMER = "(coalesce(CustomerName, ''), coalesce(CustomerCountryCode, ''))";

const tables = {
  summary: `
    SELECT count(DISTINCT ${CUSTOMER}) AS Customers,
           sum(LicensesProvisioned) AS LicensesProvisioned,
           sum(LicensesAssigned) AS LicensesAssigned,
           CASE WHEN sum(LicensesProvisioned) = 0 THEN 0
                ELSE round(100.0 * sum(LicensesAssigned) / sum(LicensesProvisioned), 2) END AS AssignmentRate,
           strftime(min(ActivationDate), '%Y-%m') AS "From",
           strftime(max(ActivationDate), '%Y-%m') AS "To",
           count(*) AS "Rows", 0 AS RowsSkipped
    FROM r`,
  customers: `
    WITH months AS (
      SELECT unnest(generate_series(date_trunc('month', min(ActivationDate)),
                                    date_trunc('month', max(ActivationDate)),
                                    INTERVAL 1 MONTH)) AS m FROM r),
    active AS (
      SELECT date_trunc('month', ActivationDate) AS m, count(DISTINCT ${CUSTOMER}) AS n
      FROM r GROUP BY 1),
    firsts AS (
      SELECT min(date_trunc('month', ActivationDate)) AS m FROM r GROUP BY ${CUSTOMER}),
    first_counts AS (SELECT m, count(*) AS n FROM firsts GROUP BY m)
    SELECT strftime(months.m, '%Y-%m') AS Month,
           coalesce(active.n, 0) AS NewCustomers,
           sum(coalesce(first_counts.n, 0)) OVER (ORDER BY months.m) AS CumulativeCustomers
    FROM months LEFT JOIN active USING (m) LEFT JOIN first_counts USING (m)
    ORDER BY months.m`,
  licenses: `
    WITH months AS (
      SELECT unnest(generate_series(date_trunc('month', min(ActivationDate)),
                                    date_trunc('month', max(ActivationDate)),
                                    INTERVAL 1 MONTH)) AS m FROM r),
    sums AS (
      SELECT date_trunc('month', ActivationDate) AS m,
             sum(LicensesProvisioned) AS p, sum(LicensesAssigned) AS a
      FROM r GROUP BY 1)
    SELECT strftime(months.m, '%Y-%m') AS Month,
           coalesce(p, 0) AS LicensesProvisioned, coalesce(a, 0) AS LicensesAssigned
    FROM months LEFT JOIN sums USING (m) ORDER BY months.m`,
  'analysis-products': `
    WITH total AS (SELECT sum(LicensesProvisioned) AS tp FROM r),
    g AS (
      SELECT any_value(OfferType) AS OfferType, ProductId,
             any_value(ProductDisplayName) AS ProductDisplayName, PlanName,
             count(DISTINCT ${CUSTOMER}) AS Customers,
             sum(LicensesProvisioned) AS LicensesProvisioned,
             sum(LicensesAssigned) AS LicensesAssigned
      FROM r GROUP BY ProductId, PlanName)
    SELECT g.*,
           CASE WHEN tp = 0 THEN 0 ELSE round(100.0 * LicensesProvisioned / tp, 2) END AS ProvisionedShare,
           CASE WHEN LicensesProvisioned = 0 THEN 0
                ELSE round(100.0 * LicensesAssigned / LicensesProvisioned, 2) END AS AssignmentRate
    FROM g, total
    ORDER BY LicensesProvisioned DESC, ProductDisplayName, PlanName`,
  'analysis-customers': `
    WITH total AS (SELECT sum(LicensesProvisioned) AS tp FROM r),
    g AS (
      SELECT coalesce(CustomerName, '') AS CustomerName,
             coalesce(CustomerCountryCode, '') AS CustomerCountryCode,
             count(DISTINCT ProductId) AS Products,
             sum(LicensesProvisioned) AS LicensesProvisioned,
             sum(LicensesAssigned) AS LicensesAssigned
      FROM r GROUP BY 1, 2)
    SELECT g.*,
           CASE WHEN tp = 0 THEN 0 ELSE round(100.0 * LicensesProvisioned / tp, 2) END AS ProvisionedShare,
           CASE WHEN LicensesProvisioned = 0 THEN 0
                ELSE round(100.0 * LicensesAssigned / LicensesProvisioned, 2) END AS AssignmentRate
    FROM g, total
    ORDER BY LicensesProvisioned DESC, CustomerName, CustomerCountryCode`,
  geo: `
    WITH total AS (SELECT sum(LicensesProvisioned) AS tp FROM r),
    g AS (
      SELECT coalesce(CustomerCountryCode, '') AS CustomerCountryCode,
             any_value(CustomerCountry) AS CustomerCountry,
             count(DISTINCT coalesce(CustomerName, '')) AS Customers,
             sum(LicensesProvisioned) AS LicensesProvisioned,
             sum(LicensesAssigned) AS LicensesAssigned
      FROM r GROUP BY 1)
    SELECT g.*,
           CASE WHEN tp = 0 THEN 0 ELSE round(100.0 * LicensesProvisioned / tp, 2) END AS ProvisionedShare
    FROM g, total
    ORDER BY LicensesProvisioned DESC, CustomerCountryCode`,
};

const t0 = now();
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();

// Column types given, as a program reading a known format would: no sniffing cost,
// no mistyped column.
await conn.run(`
  CREATE TABLE r AS SELECT * FROM read_csv(${quote(file)},
    header = true, delim = ',', quote = '"', escape = '"', dateformat = '%Y-%m-%d',
    columns = {
      'CustomerCountry': 'VARCHAR', 'CustomerCountryCode': 'VARCHAR',
      'CustomerName': 'VARCHAR', 'ActivationDate': 'DATE',
      'ProductDisplayName': 'VARCHAR', 'ProductId': 'VARCHAR', 'PlanName': 'VARCHAR',
      'ServiceId': 'VARCHAR', 'LicenseState': 'VARCHAR',
      'LicensesAssigned': 'BIGINT', 'LicensesProvisioned': 'BIGINT', 'OfferType': 'VARCHAR'
    })`);
const t1 = now();

for (const [name, sql] of Object.entries(tables)) {
  const table = 't_' + name.replace('-', '_');
  await conn.run(`CREATE TEMP TABLE ${table} AS ${sql}`);
  await conn.run(`COPY ${table} TO '/dev/null' (FORMAT csv, HEADER true)`);
}
const t2 = now();

// The CHECK figures, outside the timing.
const one = async (sql) => (await conn.runAndReadAll(sql)).getRowsJS()[0];
const [rows, customers, provisioned, assigned] =
  await one(`SELECT count(*), count(DISTINCT ${CUSTOMER}), sum(LicensesProvisioned), sum(LicensesAssigned) FROM r`);
const [months, newSum, cumulativeLast] =
  await one(`SELECT count(*), sum(NewCustomers), max(CumulativeCustomers) FROM t_customers`);
const [monthMax] = await one(`SELECT max(LicensesProvisioned) FROM t_licenses`);
const [groups, groupCustomers] = await one(`SELECT count(*), sum(Customers) FROM t_analysis_products`);
const [customerRows, customerProducts] = await one(`SELECT count(*), sum(Products) FROM t_analysis_customers`);
const [countries, countryCustomers] = await one(`SELECT count(*), sum(Customers) FROM t_geo`);
const [topId, topPlan] = await one(`SELECT ProductId, PlanName FROM t_analysis_products
                                    ORDER BY LicensesProvisioned DESC, ProductDisplayName, PlanName LIMIT 1`);
const [topCountry] = await one(`SELECT CustomerCountryCode FROM t_geo
                                ORDER BY LicensesProvisioned DESC, CustomerCountryCode LIMIT 1`);

// Re-queries: what a sidebar click costs when DuckDB is the engine. Seeded random
// filter changes like ld-bench's (select or deselect a value of one of the six
// filters, now and then another range preset); each re-query computes all six tables
// over the filtered rows and reads them into JavaScript.
const N_REQUERIES = Number(process.env.BENCH_REQUERIES ?? 50);
const dims = ['OfferType', 'ProductDisplayName', 'PlanName', 'CustomerName',
              'CustomerCountryCode', 'LicenseState'];
const values = [];
for (const dim of dims)
  values.push((await conn.runAndReadAll(`SELECT DISTINCT coalesce(${dim}, '') FROM r ORDER BY 1`))
              .getRowsJS().map((row) => row[0]));
const [lastMonth] = await one(`SELECT strftime(max(ActivationDate), '%Y-%m-01') FROM r`);
let state = 2026n;
const random = (n) => {   // splitmix64: small, seeded, the same on every run
  state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
  return Number((z ^ (z >> 31n)) % BigInt(n));
};
const selected = dims.map(() => []);
let rangeMonths = 6;
const requeryMs = [];
for (let i = 0; i < N_REQUERIES; i++) {
  const d = random(dims.length);
  if (random(5) === 0)
    rangeMonths = [6, 12, 0][random(3)];
  else if (selected[d].length > 0 && random(2) === 0)
    selected[d].splice(random(selected[d].length), 1);
  else
    selected[d].push(values[d][random(values[d].length)]);

  const where = [];
  if (rangeMonths > 0)
    where.push(`ActivationDate >= DATE ${quote(lastMonth)} - INTERVAL ${rangeMonths - 1} MONTH`);
  selected.forEach((list, k) => {
    if (list.length > 0)
      where.push(`coalesce(${dims[k]}, '') IN (${list.map(quote).join(', ')})`);
  });
  const start = now();
  await conn.run(`CREATE OR REPLACE TEMP VIEW f AS SELECT * FROM r` +
                 (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''));
  for (const sql of Object.values(tables))
    (await conn.runAndReadAll(sql.replace(/\bFROM r\b/g, 'FROM f'))).getRowsJS();
  requeryMs.push(now() - start);
}
requeryMs.sort((a, b) => a - b);
const rank = (q) => requeryMs[Math.min(requeryMs.length, Math.max(1, Math.ceil(q * requeryMs.length))) - 1];

console.log(`CHECK rows=${rows} customers=${customers} provisioned=${provisioned} assigned=${assigned}` +
            ` months=${months} new_sum=${newSum} cumulative_last=${cumulativeLast}` +
            ` month_provisioned_max=${monthMax}` +
            ` groups=${groups} group_customers=${groupCustomers}` +
            ` customer_rows=${customerRows} customer_products=${customerProducts}` +
            ` countries=${countries} country_customers=${countryCustomers}` +
            ` top_group=${topId}/${topPlan} top_country=${topCountry}`);
console.log(`RESULT load_ms=${(t1 - t0).toFixed(1)}`);
console.log(`RESULT tables_ms=${(t2 - t1).toFixed(1)}`);
console.log(`RESULT total_ms=${(t2 - t0).toFixed(1)}`);
if (requeryMs.length > 0) {
  console.log(`RESULT requery_median_ms=${rank(0.5).toFixed(2)}`);
  console.log(`RESULT requery_p95_ms=${rank(0.95).toFixed(2)}`);
}
conn.closeSync();
