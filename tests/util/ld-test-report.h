/* ld-test-report.h — the reports the tests load: the hand-worked fixture, the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-query.h"
#include "ld-report.h"
#include "ld-test-util.h"

G_BEGIN_DECLS

/* ld_test_fixture_csv loaded as "fixture.csv": six rows. */
LdReport *ld_test_load_fixture (void);
/* The bundled sample (the test must link the app's resources). */
LdReport *ld_test_load_sample  (void);

/* The hand-worked fixture, a query over All time and its result: the fixture of the
 * tests that read figures and card models (g_test_add (…, ld_test_query_fixture_setup,
 * …, ld_test_query_fixture_teardown)). */
typedef struct
{
  LdReport *report;
  LdQuery  *query;
  LdResult *result;
} LdTestQueryFixture;

void ld_test_query_fixture_setup    (LdTestQueryFixture *f,
                                     gconstpointer       data);
void ld_test_query_fixture_teardown (LdTestQueryFixture *f,
                                     gconstpointer       data);

G_END_DECLS
