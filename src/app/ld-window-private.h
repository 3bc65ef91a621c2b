/* ld-window-private.h — the window's state, shared by ld-window*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ld-window.h"
#include "ld-date-range-button.h"
#include "ld-filter-sidebar.h"
#include "ld-card.h"

G_BEGIN_DECLS

/* What a worker thread shares with the window while it loads: progress is written by
 * the worker and read by a timer on the main thread. */
typedef struct {
  GFile   *file;        /* NULL for the sample */
  guint64  bytes_done;  /* atomic access only */
  guint64  bytes_total; /* atomic access only */
} LdLoadJob;

struct _LdWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwHeaderBar      *header_bar;
  AdwWindowTitle    *window_title;
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
  GtkProgressBar    *progress_bar;
  AdwFlap           *flap;
  LdFilterSidebar   *sidebar;
  GtkBox            *cards_box;
  GtkBox            *filter_summary_box;
  GtkLabel          *filter_summary_label;
  GtkFlowBox        *trend_cards;
  GMenu             *recent_section;

  /* The four cards, in page order */
  LdCard            *cards[4];

  /* The report on screen */
  LdReport          *report;
  LdQuery           *query;
  LdResult          *result;
  GFile             *file;          /* NULL for the sample */
  GFileMonitor      *monitor;
  gboolean           change_toast_shown;
  gint64             last_refresh_usec;

  /* The load in progress */
  GCancellable      *load_cancellable;
  LdLoadJob         *load_job;
  guint              progress_source;
  char              *last_error;

  GSettings         *settings;      /* NULL when the schema is not installed */
  char              *range;         /* "last-6", "last-12", "all" or "custom" */
  gboolean           sidebar_visible;
  gboolean           compact;       /* narrow window: icon-only header */
  guint              compact_idle;

  GtkFileChooserNative *chooser;
};

/* ld-window.c */
void     ld_window_refresh            (LdWindow *self);
void     ld_window_toast              (LdWindow *self, const char *message);
GFile   *ld_window_get_last_folder    (LdWindow *self);
void     ld_window_remember_folder    (LdWindow *self, GFile *file);
void     ld_window_set_compact        (LdWindow *self, gboolean compact);

/* ld-window-actions.c */
void     ld_window_class_init_actions (GtkWidgetClass *widget_class);
void     ld_window_update_actions     (LdWindow *self);
void     ld_window_update_recent      (LdWindow *self);
void     ld_window_set_range          (LdWindow *self, const char *range);

/* ld-window-dnd.c */
void     ld_window_init_dnd           (LdWindow *self);

G_END_DECLS
