/* ld-email-composer.h — Send by Email: a PDF attached to a new message in the user's mail app
 *
 * The message goes through the desktop's Email portal
 * (org.freedesktop.portal.Email.ComposeEmail, through libportal), which hands the
 * attachment over as a file descriptor, so it works inside the Flatpak sandbox too.
 * The attachment is written by the caller, with the same code as Save as PDF, into a
 * private folder under the user's cache (ld_email_composer_add_attachment()), where
 * the mail app can read it after this call is long over.
 *
 * Nothing waits on the portal: the send is asynchronous, and a portal that never
 * answers ends in LD_EMAIL_ERROR_TIMED_OUT after a timeout, with the window live all
 * along. Where no portal answers, ld_email_composer_send_from() says so in a toast
 * that offers to save the PDF instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ld-query.h"
#include "ld-result.h"

G_BEGIN_DECLS

#define LD_EMAIL_ERROR (ld_email_error_quark ())
GQuark ld_email_error_quark (void);

typedef enum
{
  LD_EMAIL_ERROR_NO_PORTAL,  /* no Email portal answered on the session bus */
  LD_EMAIL_ERROR_TIMED_OUT,  /* the portal took the message, then never answered */
  LD_EMAIL_ERROR_FAILED,     /* the portal or the mail app refused it */
} LdEmailError;

/* How long a send may take before it gives up: the portal normally answers once
 * the mail app's window is open, in a second or two. */
#define LD_EMAIL_COMPOSER_DEFAULT_TIMEOUT 120

#define LD_TYPE_EMAIL_COMPOSER (ld_email_composer_get_type ())
G_DECLARE_FINAL_TYPE (LdEmailComposer, ld_email_composer, LD, EMAIL_COMPOSER, GObject)

LdEmailComposer *ld_email_composer_new            (const char       *subject,
                                                   const char       *body);
const char      *ld_email_composer_get_subject    (LdEmailComposer  *self);
const char      *ld_email_composer_get_body       (LdEmailComposer  *self);

/* A file called @name in a new private folder for this message, for the caller to
 * write; it is attached as it is when the message is sent. Folders older than a
 * day are removed here, so attachments do not pile up. */
GFile           *ld_email_composer_add_attachment (LdEmailComposer  *self,
                                                   const char       *name,
                                                   GError          **error);
/* The attachments added so far, in order. */
GPtrArray       *ld_email_composer_get_attachments (LdEmailComposer *self);

/* Seconds before a send that got no answer gives up (the default above). */
void             ld_email_composer_set_timeout    (LdEmailComposer  *self,
                                                   guint             seconds);
guint            ld_email_composer_get_timeout    (LdEmailComposer  *self);

/* Asks the portal for a new message. @parent (may be NULL) is the window the mail
 * app's window belongs to. One send at a time. The error is an LdEmailError, or
 * G_IO_ERROR_CANCELLED when the user closed the portal's dialog or @cancellable was
 * cancelled. */
void             ld_email_composer_send_async     (LdEmailComposer  *self,
                                                   GtkWindow        *parent,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
gboolean         ld_email_composer_send_finish    (LdEmailComposer  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);

/* What the menus call: sends for @widget's window and, when that fails, shows why in
 * the toast overlay around @widget, with a "Save PDF…" button that saves the first
 * attachment wherever the user chooses. Holds @self until done. */
void             ld_email_composer_send_from      (LdEmailComposer  *self,
                                                   GtkWidget        *widget);

/* Copies the first attachment to @file (a safe save: the old file stays whole when
 * it fails); what the toast's "Save PDF…" does once a file is chosen. */
gboolean         ld_email_composer_save_attachment (LdEmailComposer *self,
                                                    GFile           *file,
                                                    GError         **error);

/* The texts of a report's message. @title is a card's title, or NULL for the whole
 * dashboard. The subject: "License report: Customers, Jun–Nov 2026". The body
 * names the attached file, the report file, the data's date, the range and the
 * filters. */
char            *ld_email_composer_describe_subject (const char     *title,
                                                     LdResult       *result);
char            *ld_email_composer_describe_body    (const char     *title,
                                                     const char     *attachment_name,
                                                     LdQuery        *query,
                                                     LdResult       *result);

/* Writes a report into @file: a card's Save as PDF or the dashboard's export. */
typedef gboolean (*LdEmailWriteFunc) (GFile     *file,
                                      gpointer   user_data,
                                      GError   **error);

/* Send by Email for a card (@title) or the dashboard (@title NULL): the message's
 * texts from @query and @result, @attachment_name written by @write, then
 * ld_email_composer_send_from(). A failed write is a toast. */
void             ld_email_composer_send_report      (GtkWidget        *widget,
                                                     const char       *title,
                                                     LdQuery          *query,
                                                     LdResult         *result,
                                                     const char       *attachment_name,
                                                     LdEmailWriteFunc  write,
                                                     gpointer          user_data);

G_END_DECLS
