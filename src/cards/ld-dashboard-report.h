/* ld-dashboard-report.h — the whole dashboard as a report: pages of cards under a heading
 *
 * Export Dashboard and --export dashboard: every card of the page, laid out by
 * ld-card-layout.h, under a heading naming the file, the data's date, the range and
 * the filters; as PDF pages with page numbers or as one tall PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ld-card-model.h"

G_BEGIN_DECLS

typedef struct _LdDashboardReport LdDashboardReport;

/* Every card of the page for @result (Customers, Licenses, Analysis by product and
 * by customer, Adoption, License states, Geographical spread) under a heading naming
 * the file, the data's date, the range and @query's filters. */
LdDashboardReport *ld_dashboard_report_new       (LdQuery           *query,
                                                  LdResult          *result);
/* A report of @cards (at most 8, taken over) under a heading @title (a customer's
 * name) with @kicker above it and the file, range and filters below. */
LdDashboardReport *ld_dashboard_report_new_for_cards (LdQuery       *query,
                                                      LdResult      *result,
                                                      const char    *kicker,
                                                      const char    *title,
                                                      LdCardModel  **cards,
                                                      guint          n_cards);
void               ld_dashboard_report_free      (LdDashboardReport *self);

guint              ld_dashboard_report_get_n_cards (LdDashboardReport *self);
const LdCardModel *ld_dashboard_report_get_card  (LdDashboardReport *self,
                                                  guint              index);

/* Pages on paper of @width × @height points (portrait); call before drawing pages.
 * Wide cards (Analysis, Geographical spread) go on landscape pages of that paper,
 * and one alone on its page takes the page's height. */
guint              ld_dashboard_report_paginate  (LdDashboardReport *self,
                                                  double             width,
                                                  double             height);
/* The size of page @page of the last pagination, turned for a landscape page. */
void               ld_dashboard_report_get_page_size (LdDashboardReport *self,
                                                      guint              page,
                                                      double            *width,
                                                      double            *height);
/* Draws page @page (from 0) of the last pagination, with "Page 1 of 3". */
void               ld_dashboard_report_draw_page (LdDashboardReport *self,
                                                  cairo_t           *cr,
                                                  guint              page);

/* The whole report as a PDF on the locale's paper, or as one tall PNG @width
 * units wide at @scale. */
GBytes            *ld_dashboard_report_pdf       (LdDashboardReport *self,
                                                  GError           **error);
GBytes            *ld_dashboard_report_png       (LdDashboardReport *self,
                                                  double             width,
                                                  double             scale,
                                                  GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdDashboardReport, ld_dashboard_report_free)

G_END_DECLS
