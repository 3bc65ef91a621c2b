/* ld-window-private.h — the window's state, shared by ld-window*.c, and the tests' hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-adoption-card.h"
#include "ld-analysis-card.h"
#include "ld-customer-view.h"
#include "ld-date-range-button.h"
#include "ld-filter-sidebar.h"
#include "ld-geo-card.h"
#include "ld-trend-card.h"
#include "ld-window.h"

G_BEGIN_DECLS

/* What a worker thread shares with the window while it loads: progress is written by
 * the worker and read by a timer on the main thread. */
/* The steps of ld_window_refresh(), timed for bench/ld-bench-window. */
typedef enum {
  LD_WINDOW_REFRESH_QUERY,
  LD_WINDOW_REFRESH_SIDEBAR,
  LD_WINDOW_REFRESH_RANGE,
  LD_WINDOW_REFRESH_CUSTOMERS,
  LD_WINDOW_REFRESH_LICENSES,
  LD_WINDOW_REFRESH_ANALYSIS,
  LD_WINDOW_REFRESH_ADOPTION,
  LD_WINDOW_REFRESH_STATES,
  LD_WINDOW_REFRESH_GEO,
  LD_WINDOW_REFRESH_REST,
  LD_WINDOW_N_REFRESH_PARTS
} LdWindowRefreshPart;

typedef struct {
  GPtrArray *files;     /* GFile, in the order given; NULL for the sample */
  guint64  bytes_done;  /* atomic access only */
  guint64  bytes_total; /* atomic access only */
} LdLoadJob;

struct _LdWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwHeaderBar      *header_bar;
  AdwWindowTitle    *window_title;
  GtkWidget         *narrow_title_box;
  GtkLabel          *narrow_title;
  GtkLabel          *narrow_subtitle;
  GtkToggleButton   *sidebar_button;
  GtkButton         *open_button;
  GtkButton         *open_icon_button;
  GtkButton         *download_button;
  LdDateRangeButton *date_range_button;
  GtkRevealer       *load_revealer;
  GtkLabel          *load_label;
  GtkProgressBar    *load_bar;
  AdwToastOverlay   *toast_overlay;
  AdwStatusPage     *drop_page;
  GtkStack          *stack;
  AdwStatusPage     *loading_page;
  AdwStatusPage     *no_rows_page;
  GtkButton         *no_rows_skipped_button;
  GtkProgressBar    *progress_bar;
  AdwFlap           *flap;
  LdFilterSidebar   *sidebar;
  GtkBox            *filter_summary_box;
  GtkLabel          *filter_summary_label;
  LdCard            *customers_card;
  LdCard            *licenses_card;
  LdCard            *analysis_card;
  LdCard            *adoption_card;
  LdCard            *states_card;
  LdCard            *geo_card;
  AdwLeaflet        *leaflet;
  LdCustomerView    *customer_view;
  GMenu             *recent_section;

  /* The report on screen */
  LdReport          *report;
  LdQuery           *query;
  LdResult          *result;
  GPtrArray         *files;         /* GFile: one report, or several downloads as one
                                     * history (SPEC §7); NULL for the sample */
  GPtrArray         *monitors;      /* GFileMonitor, one a file */
  gboolean           change_toast_shown;
  gint64             last_refresh_usec;
  gint64             refresh_part_usec[LD_WINDOW_N_REFRESH_PARTS]; /* the bench's profile */
  gboolean           bench_first_frame;  /* LD_BENCH_STARTUP: the first frame was reported */

  /* The load in progress */
  GCancellable      *load_cancellable;
  LdLoadJob         *load_job;
  guint              progress_source;
  char              *last_error;

  GSettings         *settings;      /* the application's (ld-settings.h); NULL without the schema */
  char              *range;         /* "last-6", "last-12", "all" or "custom" */
  gboolean           sidebar_visible;
  gboolean           compact;       /* narrow window: icon-only header */
  guint              compact_idle;

  GtkFileChooserNative *chooser;
  GtkWidget         *focus_before_customer;  /* weak */
  AdwToast          *last_saved_toast;       /* weak: the latest "Saved …" toast */
};

/* ld-window.c */
void      ld_window_refresh            (LdWindow   *self);
void      ld_window_toast              (LdWindow   *self,
                                        const char *message);
void      ld_window_set_compact        (LdWindow   *self,
                                        gboolean    compact);

/* Shows the page of @customer (an id) or, with G_MAXUINT32, of every customer named
 * @name; returns FALSE when there is no report, or no such customer in its result. */
gboolean  ld_window_show_customer      (LdWindow   *self,
                                        guint32     customer,
                                        const char *name);
/* Back to the dashboard; FALSE when no customer's page was shown. */
gboolean  ld_window_close_customer     (LdWindow   *self);
/* TRUE while a customer's page is shown. */
gboolean  ld_window_is_customer_shown  (LdWindow   *self);

/* The files of the report on screen (GFile), or NULL for the sample or none. */
GPtrArray *ld_window_get_files         (LdWindow   *self);

/* ld-window-actions.c */
void      ld_window_class_init_actions (GtkWidgetClass *widget_class);
/* Remembers @files as a set to open again together (Open Recent), in GSettings:
 * the recent-files store holds single files. */
void      ld_window_remember_set       (LdWindow   *self,
                                        GPtrArray  *files);
void      ld_window_update_actions     (LdWindow   *self);
/* "Saved %s" with an Open button that opens @file (win.open-saved); returns the
 * toast (owned by the overlay). */
AdwToast *ld_window_toast_saved        (LdWindow   *self,
                                        const char *message,
                                        GFile      *file);
void      ld_window_update_recent      (LdWindow   *self);
void      ld_window_set_range          (LdWindow   *self,
                                        const char *range);
/* Writes the dashboard report: a PNG when @file's name ends in .png, else a PDF
 * (Export Dashboard…). Atomic: a failed export leaves @file as it was. */
gboolean  ld_window_export_dashboard   (LdWindow   *self,
                                        GFile      *file,
                                        GError    **error);

/* ld-window-dnd.c */
void      ld_window_init_dnd           (LdWindow   *self);
/* Opens @files as one report (what a drop on the window does). */
gboolean  ld_window_drop_files         (LdWindow    *self,
                                        GdkFileList *files);

/* For tests and the benchmark. */
/* The card showing @widget's table (LD_WIDGET_ANALYSIS_CUSTOMERS gives the Analysis
 * card too); NULL for LD_WIDGET_SUMMARY and LD_WIDGET_DATA. */
LdCard     *ld_window_get_card              (LdWindow   *self,
                                             LdWidgetId  widget);
/* The message of the last failed load, or NULL. */
const char *ld_window_get_last_error        (LdWindow   *self);
/* TRUE once the open file changed on disk and the window offered to reload it. */
gboolean    ld_window_is_reload_offered     (LdWindow   *self);
/* Presents the Skipped Rows window of the report on screen (Details); NULL without one. */
GtkWindow  *ld_window_present_skipped       (LdWindow   *self);
/* The latest "Saved …" toast while it exists, or NULL. */
AdwToast   *ld_window_get_last_saved_toast  (LdWindow   *self);
/* How long the last update of every card took on the main thread, in microseconds. */
gint64      ld_window_get_last_refresh_time (LdWindow   *self);
/* The same, step by step (LdWindowRefreshPart), for the benchmark's profile. */
gint64      ld_window_get_last_refresh_part_time (LdWindow            *self,
                                                  LdWindowRefreshPart  part);

G_END_DECLS
