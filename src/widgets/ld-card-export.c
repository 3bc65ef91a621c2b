/* ld-card-export.c — a card's menu: Copy Image, Save Data as CSV, Save as PDF, Print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ld-card-export.h"
#include "ld-card-layout.h"
#include "ld-document.h"
#include "ld-email-composer.h"
#include "ld-file-chooser.h"
#include "ld-file-save.h"
#include "ld-table.h"
#include "ld-writer.h"

/* Below this a copied chart's labels crowd; a phone-wide card is drawn wider. */
#define MIN_IMAGE_WIDTH 560.0
/* Points kept clear inside the printer's own margins. */
#define PRINT_MARGIN    18.0

typedef enum
{
  SAVE_CSV,
  SAVE_PDF,
} SaveKind;

static const char chooser_key[] = "ld-card-chooser";

/* ---- shared ---------------------------------------------------------------------- */

void
ld_card_export_toast (GtkWidget  *widget,
                      const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  /* Cards have no overlay of their own; the window shows toasts for everyone. */
  if (!gtk_widget_activate_action (widget, "win.toast", "s", message))
    g_debug ("No win.toast for: %s", message);
}

void
ld_card_export_toast_saved (GtkWidget  *widget,
                            const char *message,
                            GFile      *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);
  g_return_if_fail (G_IS_FILE (file));

  /* The window's toast offers to open the file; without a window, the words alone. */
  uri = g_file_get_uri (file);
  if (!gtk_widget_activate_action (widget, "win.saved", "(ss)", message, uri))
    ld_card_export_toast (widget, message);
}

char *
ld_card_export_suggest_name (LdCard     *card,
                             const char *extension)
{
  LdResult *result;

  g_return_val_if_fail (LD_IS_CARD (card), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  result = ld_card_get_result (card);
  return ld_file_chooser_suggest_name (ld_widget_id_to_string (ld_card_get_widget_id (card)),
                                       result != NULL ? ld_result_get_from_month (result) : -1,
                                       result != NULL ? ld_result_get_to_month (result) : -1,
                                       extension);
}

/* ---- Copy Image ------------------------------------------------------------------ */

cairo_surface_t *
ld_card_export_render_image (LdCard *card,
                             double *scale)
{
  g_autoptr(LdCardModel) model = NULL;
  double width, s;

  g_return_val_if_fail (LD_IS_CARD (card), NULL);

  model = ld_card_create_model (card);
  if (model == NULL)
    return NULL;

  /* Twice the screen's density, so a pasted chart stays sharp when a document
   * is zoomed or printed. */
  s = 2.0 * gtk_widget_get_scale_factor (GTK_WIDGET (card));
  width = MAX (gtk_widget_get_width (GTK_WIDGET (card)), MIN_IMAGE_WIDTH);
  if (scale != NULL)
    *scale = s;

  return ld_card_layout_image (model, width, s);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) pixels = NULL;

  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 exactly: premultiplied, native-endian
   * (B8G8R8A8 on little-endian machines). */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
}

gboolean
ld_card_export_copy_image (LdCard *card)
{
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (LD_IS_CARD (card), FALSE);

  surface = ld_card_export_render_image (card, NULL);
  if (surface == NULL)
    return FALSE;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      ld_card_export_toast (GTK_WIDGET (card), _("The image could not be drawn"));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  /* A texture: GDK offers it as image/png (and the other formats it can encode)
   * to whoever pastes, a document, a chat or a mail. */
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (card)), texture);

  ld_card_export_toast (GTK_WIDGET (card), _("Image copied"));
  return TRUE;
}

/* ---- Save Data as CSV, Save as PDF ----------------------------------------------- */

gboolean
ld_card_export_save_csv (LdCard  *card,
                         GFile   *file,
                         GError **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(LdTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LdResult *result;

  g_return_val_if_fail (LD_IS_CARD (card), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  result = ld_card_get_result (card);
  g_return_val_if_fail (result != NULL, FALSE);

  /* The command line's writer, into memory (a card's table is small), then one
   * atomic save; so the bytes are --export's. */
  table = ld_table_new (ld_card_get_query (card), result, ld_card_get_widget_id (card));
  stream = g_memory_output_stream_new_resizable ();
  if (!ld_table_write (table, LD_FORMAT_CSV, stream, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  return ld_file_save_bytes (file, bytes, NULL, error);
}

gboolean
ld_card_export_save_pdf (LdCard  *card,
                         GFile   *file,
                         GError **error)
{
  g_autoptr(LdCardModel) model = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (LD_IS_CARD (card), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  model = ld_card_create_model (card);
  g_return_val_if_fail (model != NULL, FALSE);

  bytes = ld_card_layout_pdf (model, error);
  return bytes != NULL && ld_file_save_bytes (file, bytes, NULL, error);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  LdCard          *card)
{
  SaveKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ld-save-kind"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* Drops the chooser: the card held it while it was shown. */
  g_object_set_data (G_OBJECT (card), chooser_key, NULL);

  if (file == NULL || ld_card_get_result (card) == NULL)
    return;

  if (kind == SAVE_CSV)
    saved = ld_card_export_save_csv (card, file, &error);
  else
    saved = ld_card_export_save_pdf (card, file, &error);

  if (saved)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* TRANSLATORS: a toast after a save, "Saved licenses-2026-06_2026-11.csv". */
      g_autofree char *message = g_strdup_printf (_("Saved %s"), name);

      ld_file_chooser_remember (file);
      ld_card_export_toast_saved (GTK_WIDGET (card), message, file);
    }
  else
    ld_card_export_toast (GTK_WIDGET (card), error->message);
}

static void
save_with_chooser (LdCard   *card,
                   SaveKind  kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = ld_card_export_suggest_name (card, kind == SAVE_CSV ? "csv" : "pdf");
  GtkFileChooserNative *chooser;

  if (kind == SAVE_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }

  chooser = ld_file_chooser_new (GTK_WIDGET (card),
                                 kind == SAVE_CSV ? _("Save Data as CSV") : _("Save as PDF"),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "ld-save-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), card, 0);

  /* The card owns the chooser while it is shown, and drops it with itself. */
  g_object_set_data_full (G_OBJECT (card), chooser_key, chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Print ----------------------------------------------------------------------- */

typedef struct
{
  LdCardModel *model;
  LdChartTheme   theme;
  GtkWidget     *card;  /* weak: for the error toast */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->model, ld_card_model_free);
  g_clear_weak_pointer (&job->card);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  /* The same drawing as Save as PDF, fitted to the printable area. */
  cairo_translate (cr, PRINT_MARGIN, PRINT_MARGIN);
  ld_card_layout_draw_fitted (cr, job->model, &job->theme,
                              width - 2 * PRINT_MARGIN, height - 2 * PRINT_MARGIN);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (job->card != NULL && error != NULL)
    {
      /* TRANSLATORS: a toast when printing failed, with the printing system's reason. */
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      ld_card_export_toast (job->card, message);
    }
}

static GtkPrintOperation *
print_operation_new (LdCard *card)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPrintOperation *operation;
  PrintJob *job;

  job = g_new0 (PrintJob, 1);
  job->model = ld_card_create_model (card);
  ld_chart_theme_init_default (&job->theme, LD_DOCUMENT_FONT_SIZE);
  g_set_weak_pointer (&job->card, GTK_WIDGET (card));

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->model->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Charts side by side read better across the page. */
  gtk_page_setup_set_orientation (setup, job->model->wide ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                            : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);

  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "ld-print-job", job, (GDestroyNotify) print_job_free);

  return operation;
}

gboolean
ld_card_export_print_to_file (LdCard      *card,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (LD_IS_CARD (card), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (ld_card_get_result (card) != NULL, FALSE);

  operation = print_operation_new (card);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_release_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  g_object_unref (operation);
}

static void
print_with_dialog (LdCard *card)
{
  g_autoptr(GtkPrintOperation) operation = print_operation_new (card);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (card));
  g_autoptr(GError) error = NULL;

  GtkPrintOperationResult result;

  /* Asynchronous: the window stays live while the dialog is up. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Held until "done", which comes once the job is spooled or cancelled. */
      g_signal_connect (operation, "done", G_CALLBACK (print_release_cb), NULL);
      g_object_ref (operation);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      ld_card_export_toast (GTK_WIDGET (card), message);
    }
}

/* ---- the actions ----------------------------------------------------------------- */

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ld_card_export_copy_image (LD_CARD (widget));
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  if (ld_card_get_result (LD_CARD (widget)) != NULL)
    save_with_chooser (LD_CARD (widget), SAVE_CSV);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  if (ld_card_get_result (LD_CARD (widget)) != NULL)
    save_with_chooser (LD_CARD (widget), SAVE_PDF);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  if (ld_card_get_result (LD_CARD (widget)) != NULL)
    print_with_dialog (LD_CARD (widget));
}

/* Send by Email attaches exactly what Save as PDF writes. */
static gboolean
write_pdf_for_email (GFile    *file,
                     gpointer  user_data,
                     GError  **error)
{
  return ld_card_export_save_pdf (LD_CARD (user_data), file, error);
}

static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LdCard *card = LD_CARD (widget);
  g_autofree char *name = NULL;

  if (ld_card_get_result (card) == NULL)
    return;

  name = ld_card_export_suggest_name (card, "pdf");
  ld_email_composer_send_report (widget, ld_card_get_title (card), ld_card_get_query (card),
                                 ld_card_get_result (card), name, write_pdf_for_email, card);
}

void
ld_card_class_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "card.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "card.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "card.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "card.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "card.send-email", NULL, send_email_action);
}
