/* ld-sample.h — the sample report bundled with the app
 *
 * 20,000 rows over 24 months made by tools/ld-generate-report with a fixed seed and
 * compiled into the program's GResource, so the dashboard and the command line can
 * be tried without a report of one's own (--sample, Open the Sample Report).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-loader.h"

G_BEGIN_DECLS

#define LD_SAMPLE_RESOURCE "/io/github/licensedashboard/LicenseDashboard/sample-license-report.csv"

/* Loads the sample, named "Sample report", as ld_loader_load_stream() loads a file.
 * Fails (G_RESOURCE_ERROR) in a program built without the app's resources. */
LdReport *ld_sample_load (GCancellable    *cancellable,
                          LdProgressFunc   progress,
                          gpointer         user_data,
                          GError         **error);

G_END_DECLS
