/* ld-test-report.h — the reports the tests load: the hand-worked fixture, the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-report.h"
#include "ld-test-util.h"

G_BEGIN_DECLS

/* ld_test_fixture_csv loaded as "fixture.csv": six rows. */
LdReport *ld_test_load_fixture (void);
/* The bundled sample (the test must link the app's resources). */
LdReport *ld_test_load_sample  (void);

G_END_DECLS
