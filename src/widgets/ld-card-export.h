/* ld-card-export.h — a card's menu: Copy Image, Send by Email, Save Data as CSV, Save as PDF, Print
 *
 * The actions live on LdCard's class (card.copy-image, card.send-email, card.save-csv,
 * card.save-pdf, card.print), so each card's menu acts on its own card. Send by Email
 * attaches what Save as PDF writes (ld-email-composer.h). Everything they draw
 * comes from ld-card-layout.h, the same code as the command line's --format pdf|png.
 * Messages for the user ("Image copied", why a save failed) go to the window's
 * win.toast action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-card.h"

G_BEGIN_DECLS

/* Called from LdCard's class_init. */
void             ld_card_class_install_export_actions (GtkWidgetClass *widget_class);

/* What the actions do once a file is chosen; also for tests. */

/* "licenses-2026-06_2026-11.csv": the table and the range. */
char            *ld_card_export_suggest_name  (LdCard      *card,
                                               const char  *extension);
/* The card as Copy Image puts it on the clipboard: as wide as the card on screen
 * (at least a readable width), at twice the widget's scale factor, which is
 * returned in @scale. NULL without a report. */
cairo_surface_t *ld_card_export_render_image  (LdCard      *card,
                                               double      *scale);
/* Puts ld_card_export_render_image() on the card's clipboard as a texture. */
gboolean         ld_card_export_copy_image    (LdCard      *card);
/* The card's SPEC §5 table, byte for byte what --export writes. */
gboolean         ld_card_export_save_csv      (LdCard      *card,
                                               GFile       *file,
                                               GError     **error);
gboolean         ld_card_export_save_pdf      (LdCard      *card,
                                               GFile       *file,
                                               GError     **error);
/* Runs the print operation without a dialog, writing a PDF to @path (what the
 * print dialog's "Print to File" does). */
gboolean         ld_card_export_print_to_file (LdCard      *card,
                                               const char  *path,
                                               GError     **error);

/* Tells the window to show @message (win.toast); nothing without a window. */
void             ld_card_export_toast         (GtkWidget   *widget,
                                               const char  *message);
/* "Saved …" for @file, with the window's Open button (win.saved). */
void             ld_card_export_toast_saved   (GtkWidget   *widget,
                                               const char  *message,
                                               GFile       *file);

G_END_DECLS
