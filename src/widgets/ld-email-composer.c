/* ld-email-composer.c — Send by Email through the desktop's Email portal
 *
 * What libportal 0.6 does with xdp_portal_compose_email() (libportal/email.c), and
 * what that means here:
 *
 * - It first reads the portal's "version" property with a synchronous D-Bus call
 *   and no timeout (G_MAXINT), on the calling thread; when that call fails it warns
 *   and reads the missing reply anyway. So a session with no portal would crash it,
 *   and a portal that never answers would freeze the window. We ask the same
 *   question first, asynchronously and with a timeout: libportal is only called once
 *   the portal has just answered it.
 * - It opens each attachment path O_PATH and passes the descriptors as
 *   "attachment_fds" (ah), with "subject", "body" and a "handle_token" of
 *   "portal<random>", then waits for org.freedesktop.portal.Request.Response on
 *   /org/freedesktop/portal/desktop/request/<our unique name>/<token>: 0 is done,
 *   1 the user cancelled, anything else failed.
 * - It leaks the descriptor it opens for each attachment (fixed upstream in 2024,
 *   "email: Fix fd leak"), and it means that descriptor to be O_PATH, but its email.c
 *   defines GNU_SOURCE instead of _GNU_SOURCE, so O_PATH is 0 there and the file is
 *   opened read-only, which xdg-desktop-portal takes as well. Once the call is over
 *   we close what is still open on our attachments.
 * - On cancellation it calls Request.Close and frees its call at once, but a
 *   ComposeEmail reply still in flight later reads that call when it is an error.
 *   So we never cancel it: when the timeout comes, we stop waiting and let the call
 *   end by itself (if the mail app opens late, nothing is lost).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <stdlib.h>
#include <unistd.h>
#include <libportal-gtk4/portal-gtk4.h>
#include <libportal/portal.h>

#include "ld-chart-format.h"
#include "ld-describe.h"
#include "ld-email-composer.h"
#include "ld-file-chooser.h"
#include "ld-file-save.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define EMAIL_INTERFACE    "org.freedesktop.portal.Email"

/* The first question may start the portal (D-Bus activation), which takes a few
 * seconds on a cold session; no answer in this long means nobody is there. */
#define PROBE_TIMEOUT_MS   25000
/* Attachment folders older than this are removed: a mail app has long copied them. */
#define ATTACHMENT_MAX_AGE (24 * G_TIME_SPAN_HOUR)

/* Set on a widget while a send for it is under way, so a second click waits. */
static const char pending_key[] = "ld-email-pending";

struct _LdEmailComposer
{
  GObject parent_instance;

  char                 *subject;
  char                 *body;
  GPtrArray            *attachments;   /* paths */
  guint                 timeout;       /* seconds */

  /* The send in progress */
  GTask                *task;
  GtkWindow            *parent;        /* weak */
  GCancellable         *probe_cancellable;
  gulong                cancelled_id;
  guint                 timeout_source;
  guint                 cancel_source;
  gboolean              composing;     /* libportal has the message */
  XdpPortal            *portal;

  GtkFileChooserNative *chooser;       /* "Save PDF…" after a failure */
};

G_DEFINE_FINAL_TYPE (LdEmailComposer, ld_email_composer, G_TYPE_OBJECT)

G_DEFINE_QUARK (ld-email-error-quark, ld_email_error)

static void
ld_email_composer_dispose (GObject *object)
{
  LdEmailComposer *self = LD_EMAIL_COMPOSER (object);

  /* A send holds a reference on us through its task, so none is in progress. */
  g_assert (self->task == NULL);

  g_clear_object (&self->portal);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (ld_email_composer_parent_class)->dispose (object);
}

static void
ld_email_composer_finalize (GObject *object)
{
  LdEmailComposer *self = LD_EMAIL_COMPOSER (object);

  g_free (self->subject);
  g_free (self->body);
  g_ptr_array_unref (self->attachments);

  G_OBJECT_CLASS (ld_email_composer_parent_class)->finalize (object);
}

static void
ld_email_composer_class_init (LdEmailComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ld_email_composer_dispose;
  object_class->finalize = ld_email_composer_finalize;
}

static void
ld_email_composer_init (LdEmailComposer *self)
{
  self->attachments = g_ptr_array_new_with_free_func (g_free);
  self->timeout = LD_EMAIL_COMPOSER_DEFAULT_TIMEOUT;
}

LdEmailComposer *
ld_email_composer_new (const char *subject,
                       const char *body)
{
  LdEmailComposer *self = g_object_new (LD_TYPE_EMAIL_COMPOSER, NULL);

  self->subject = g_strdup (subject);
  self->body = g_strdup (body);
  return self;
}

const char *
ld_email_composer_get_subject (LdEmailComposer *self)
{
  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), NULL);

  return self->subject;
}

const char *
ld_email_composer_get_body (LdEmailComposer *self)
{
  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), NULL);

  return self->body;
}

void
ld_email_composer_set_timeout (LdEmailComposer *self,
                               guint            seconds)
{
  g_return_if_fail (LD_IS_EMAIL_COMPOSER (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
}

guint
ld_email_composer_get_timeout (LdEmailComposer *self)
{
  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), 0);

  return self->timeout;
}

GPtrArray *
ld_email_composer_get_attachments (LdEmailComposer *self)
{
  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), NULL);

  return self->attachments;
}

/* ---- attachments --------------------------------------------------------------- */

static char *
attachments_root (void)
{
  /* In the Flatpak this is the app's own cache, which the host (where the portal
   * and the mail app run) can read; outside, the user's. */
  return g_build_filename (g_get_user_cache_dir (), "license-dashboard", "email", NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      if (!g_file_delete (child, NULL, NULL))
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
remove_old_folders (const char *root)
{
  g_autoptr(GFile) dir = g_file_new_for_path (root);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

      if (modified != NULL && g_date_time_difference (now, modified) > ATTACHMENT_MAX_AGE)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

          remove_tree (child);
        }
    }
}

GFile *
ld_email_composer_add_attachment (LdEmailComposer  *self,
                                  const char       *name,
                                  GError          **error)
{
  g_autofree char *root = attachments_root ();
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), NULL);
  g_return_val_if_fail (name != NULL && strchr (name, G_DIR_SEPARATOR) == NULL, NULL);

  remove_old_folders (root);

  /* A folder of its own, so the file keeps the name Save as PDF would give it
   * (the name the mail shows) and two messages never share a file. */
  folder = g_build_filename (root, "XXXXXX", NULL);
  if (g_mkdir_with_parents (root, 0700) != 0 || g_mkdtemp_full (folder, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* TRANSLATORS: the folder, then the system's reason. */
                   _("Could not make a folder for the attachment in “%s”: %s"),
                   root, g_strerror (saved_errno));
      return NULL;
    }

  path = g_build_filename (folder, name, NULL);
  g_ptr_array_add (self->attachments, g_strdup (path));
  return g_file_new_for_path (path);
}

/* ---- the portal call ----------------------------------------------------------- */

static void
finish_send (LdEmailComposer *self,
             GError          *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_assert (task != NULL);

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  g_clear_handle_id (&self->cancel_source, g_source_remove);
  if (self->probe_cancellable != NULL)
    g_cancellable_cancel (self->probe_cancellable);
  g_clear_object (&self->probe_cancellable);
  if (self->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), self->cancelled_id);
  self->cancelled_id = 0;
  g_clear_weak_pointer (&self->parent);
  self->composing = FALSE;

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  LdEmailComposer *self = user_data;
  GError *error;

  self->timeout_source = 0;
  if (self->composing)
    error = g_error_new (LD_EMAIL_ERROR, LD_EMAIL_ERROR_TIMED_OUT,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "The Email portal took the message but gave no answer in %u second",
                                      "The Email portal took the message but gave no answer in %u seconds",
                                      self->timeout),
                         self->timeout);
  else
    error = g_error_new (LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "No Email portal answered on the session bus in %u second",
                                      "No Email portal answered on the session bus in %u seconds",
                                      self->timeout),
                         self->timeout);
  finish_send (self, error);
  return G_SOURCE_REMOVE;
}

/* libportal 0.6 leaves the descriptor it opened on each attachment open; by the
 * time its call ends the message, and the copies of them it carried, are sent. */
static void
close_leaked_descriptors (GPtrArray *attachments)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      for (guint i = 0; target != NULL && i < attachments->len; i++)
        if (g_str_equal (target, g_ptr_array_index (attachments, i)))
          {
            g_debug ("Closing descriptor %s that libportal left open on %s", name, target);
            close (atoi (name));
            break;
          }
    }
}

static void
compose_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LdEmailComposer *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = xdp_portal_compose_email_finish (XDP_PORTAL (source), result, &error);
  close_leaked_descriptors (self->attachments);

  /* The send already ended (timeout, cancelled): a late answer changes nothing. */
  if (self->task != task)
    {
      g_debug ("The Email portal answered after the send ended: %s",
               ok ? "done" : error->message);
      return;
    }

  if (ok)
    finish_send (self, NULL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The portal's Response 1: the user closed its dialog. */
    finish_send (self, g_steal_pointer (&error));
  else
    finish_send (self, g_error_new (LD_EMAIL_ERROR, LD_EMAIL_ERROR_FAILED,
                                    _("The Email portal could not start a message: %s"),
                                    error->message));
}

static void
compose (LdEmailComposer *self)
{
  g_autoptr(XdpParent) parent = NULL;

  /* libportal needs the window's surface for its handle ("x11:…", "wayland:…"). */
  if (self->parent != NULL && gtk_widget_get_realized (GTK_WIDGET (self->parent)))
    parent = xdp_parent_new_gtk (self->parent);

  if (self->portal == NULL)
    self->portal = xdp_portal_new ();

  self->composing = TRUE;
  g_ptr_array_add (self->attachments, NULL);
  xdp_portal_compose_email (self->portal, parent, NULL, NULL, NULL,
                            self->subject, self->body,
                            (const char *const *) self->attachments->pdata,
                            XDP_EMAIL_FLAG_NONE,
                            NULL, /* never cancelled: see the top of this file */
                            compose_done_cb, g_object_ref (self->task));
  g_ptr_array_remove_index (self->attachments, self->attachments->len - 1);
}

static void
probe_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LdEmailComposer *self = g_task_get_source_object (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) version = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (self->task != task)
    return;

  if (reply == NULL)
    {
      g_autofree char *remote = g_dbus_error_get_remote_error (error);

      /* ServiceUnknown: nothing provides the portal; UnknownInterface, InvalidArgs
       * ("No such interface"): a portal without an email backend. */
      g_debug ("No Email portal: %s (%s)", error->message, remote != NULL ? remote : "local");
      g_dbus_error_strip_remote_error (error);
      finish_send (self, g_error_new (LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL,
                                      _("This desktop has no Email portal: %s"),
                                      error->message));
      return;
    }

  g_variant_get (reply, "(v)", &version);
  if (!g_variant_is_of_type (version, G_VARIANT_TYPE_UINT32))
    {
      finish_send (self, g_error_new (LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL,
                                      _("The Email portal on the session bus is not one this app can use")));
      return;
    }

  compose (self);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LdEmailComposer *self = g_task_get_source_object (task);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  bus = g_bus_get_finish (result, &error);
  if (self->task != task)
    return;

  if (bus == NULL)
    {
      finish_send (self, g_error_new (LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL,
                                      _("There is no desktop session bus to reach the Email portal: %s"),
                                      error->message));
      return;
    }

  /* The question libportal asks synchronously, asked first without blocking. */
  g_dbus_connection_call (bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", EMAIL_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                          (int) MIN ((guint64) self->timeout * 1000, PROBE_TIMEOUT_MS),
                          self->probe_cancellable, probe_done_cb, g_object_ref (task));
}

static gboolean
cancel_idle_cb (gpointer user_data)
{
  LdEmailComposer *self = user_data;

  self->cancel_source = 0;
  finish_send (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                          _("Sending was canceled")));
  return G_SOURCE_REMOVE;
}

static void
user_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  LdEmailComposer *self = user_data;

  /* Called inside g_cancellable_cancel(): finish from the main loop. */
  if (self->cancel_source == 0)
    self->cancel_source = g_idle_add (cancel_idle_cb, self);
}

void
ld_email_composer_send_async (LdEmailComposer     *self,
                              GtkWindow           *parent,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (LD_IS_EMAIL_COMPOSER (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ld_email_composer_send_async);
  g_set_weak_pointer (&self->parent, parent);
  self->probe_cancellable = g_cancellable_new ();
  self->timeout_source = g_timeout_add_seconds (self->timeout, timeout_cb, self);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (user_cancelled_cb),
                                                self, NULL);

  g_bus_get (G_BUS_TYPE_SESSION, self->probe_cancellable, bus_ready_cb, g_object_ref (self->task));
}

gboolean
ld_email_composer_send_finish (LdEmailComposer  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the menus' side: toasts and "Save PDF…" ------------------------------------- */

gboolean
ld_email_composer_save_attachment (LdEmailComposer  *self,
                                   GFile            *file,
                                   GError          **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (LD_IS_EMAIL_COMPOSER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->attachments->len > 0, FALSE);

  /* The very bytes the message would have carried, saved the way every save is. */
  source = g_file_new_for_path (g_ptr_array_index (self->attachments, 0));
  bytes = g_file_load_bytes (source, NULL, NULL, error);
  return bytes != NULL && ld_file_save_bytes (file, bytes, NULL, error);
}

static void
show_toast (GtkWidget *overlay,
            AdwToast  *toast)
{
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
save_response_cb (LdEmailComposer      *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = g_object_get_data (G_OBJECT (chooser), "ld-toast-overlay");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && ld_email_composer_save_attachment (self, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* TRANSLATORS: a toast after a save, "Saved licenses-2026-06_2026-11.csv". */
      g_autofree char *message = g_strdup_printf (_("Saved %s"), name);
      g_autofree char *uri = g_file_get_uri (file);
      AdwToast *toast = adw_toast_new (message);

      /* Open, as every "Saved …" toast of the window has (win.open-saved). */
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-saved");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      ld_file_chooser_remember (file);
      show_toast (overlay, toast);
    }
  else if (file != NULL)
    show_toast (overlay, adw_toast_new (error->message));

  g_clear_object (&self->chooser);
  /* Taken when the chooser was shown. */
  g_object_unref (self);
}

static void
save_clicked_cb (LdEmailComposer *self,
                 AdwToast        *toast)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "ld-toast-overlay");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->attachments->len == 0)
    return;

  name = g_path_get_basename (g_ptr_array_index (self->attachments, 0));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  /* The card's Save as PDF chooser: same title, folder and name. */
  self->chooser = ld_file_chooser_new (overlay, _("Save as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                       _("_Save"), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (overlay != NULL)
    g_object_set_data_full (G_OBJECT (self->chooser), "ld-toast-overlay",
                            g_object_ref (overlay), g_object_unref);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_response_cb),
                           self, G_CONNECT_SWAPPED);
  /* Until the answer: the toast that held us may be gone by then. */
  g_object_ref (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static AdwToast *
failure_toast (LdEmailComposer *self,
               const GError    *error,
               GtkWidget       *overlay)
{
  const char *title;
  AdwToast *toast;

  if (g_error_matches (error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_NO_PORTAL))
    title = _("No mail app can be reached from here");
  else if (g_error_matches (error, LD_EMAIL_ERROR, LD_EMAIL_ERROR_TIMED_OUT))
    title = _("The mail app did not answer");
  else
    title = _("The mail app could not start a message");

  toast = adw_toast_new (title);
  /* Nothing is lost: the PDF is written; it can go wherever the user wants it. */
  if (self->attachments->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Save PDF…"));
      /* Stays until the user acts on it or closes it. */
      adw_toast_set_timeout (toast, 0);
      g_object_set_data_full (G_OBJECT (toast), "ld-email-composer",
                              g_object_ref (self), g_object_unref);
      if (overlay != NULL)
        g_object_set_data_full (G_OBJECT (toast), "ld-toast-overlay",
                                g_object_ref (overlay), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (save_clicked_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return toast;
}

static void
send_from_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LdEmailComposer *self = LD_EMAIL_COMPOSER (source);
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  g_object_set_data (G_OBJECT (widget), pending_key, NULL);

  if (ld_email_composer_send_finish (self, result, &error))
    return;

  g_message ("Send by Email: %s", error->message);
  /* The user closed the portal's own dialog: they know. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  show_toast (overlay, failure_toast (self, error, overlay));
}

void
ld_email_composer_send_from (LdEmailComposer *self,
                             GtkWidget       *widget)
{
  GtkRoot *root;

  g_return_if_fail (LD_IS_EMAIL_COMPOSER (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  g_object_set_data (G_OBJECT (widget), pending_key, self);
  ld_email_composer_send_async (self, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                send_from_done_cb, g_object_ref (widget));
}

/* ---- the message --------------------------------------------------------------- */

/* "Jun–Nov 2026", "Dec 2025–May 2026", "Nov 2026": short enough for a subject. */
static char *
describe_range_short (int from,
                      int to)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (from == to)
    return ld_chart_format_month (to, TRUE);

  a = ld_chart_format_month (from, from / 12 != to / 12);
  b = ld_chart_format_month (to, TRUE);
  /* TRANSLATORS: a month range in an email's subject, "Jun–Nov 2026" or
   * "Dec 2025–May 2026"; the second month has the year. */
  return g_strdup_printf (_("%s–%s"), a, b);
}

char *
ld_email_composer_describe_subject (const char *title,
                                    LdResult   *result)
{
  g_autofree char *range = NULL;
  int from = -1, to = -1;

  g_return_val_if_fail (result != NULL, NULL);

  if (title == NULL)
    /* TRANSLATORS: what an email of the whole dashboard calls it in its subject. */
    title = _("Dashboard");

  from = ld_result_get_from_month (result);
  to = ld_result_get_to_month (result);
  if (from < 0 || to < 0)
    /* TRANSLATORS: an email's subject, "License report: Customers". */
    return g_strdup_printf (_("License report: %s"), title);

  range = describe_range_short (from, to);
  /* TRANSLATORS: an email's subject, "License report: Customers, Jun–Nov 2026". */
  return g_strdup_printf (_("License report: %s, %s"), title, range);
}

char *
ld_email_composer_describe_body (const char *title,
                                 const char *attachment_name,
                                 LdQuery    *query,
                                 LdResult   *result)
{
  GString *body = g_string_new (NULL);
  LdReport *report;
  g_autofree char *data = NULL;
  g_autofree char *range = NULL;
  g_autofree char *filters = NULL;

  g_return_val_if_fail (attachment_name != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);

  report = ld_query_get_report (query);
  data = ld_describe_data (report);
  range = ld_describe_range (ld_result_get_from_month (result), ld_result_get_to_month (result));
  filters = ld_describe_filters (query, 0);

  if (title != NULL)
    /* TRANSLATORS: the first line of an email, "The attached customers-2026-06_2026-11.pdf
     * shows the Customers card of the License report." */
    g_string_append_printf (body, _("The attached %s shows the %s card of the License report."),
                            attachment_name, title);
  else
    /* TRANSLATORS: the first line of an email, with the attached file's name. */
    g_string_append_printf (body, _("The attached %s shows every card of the License report."),
                            attachment_name);
  g_string_append (body, "\n\n");
  /* TRANSLATORS: a line of an email: the report file the figures come from. */
  g_string_append_printf (body, _("Report: %s"), ld_report_get_display_name (report));
  g_string_append_c (body, '\n');
  g_string_append (body, data);
  g_string_append_c (body, '\n');
  /* TRANSLATORS: a line of an email: "Range: Jun 2026 – Nov 2026". */
  g_string_append_printf (body, _("Range: %s"), range);
  g_string_append_c (body, '\n');
  if (filters[0] != '\0')
    /* TRANSLATORS: a line of an email: "Filters: Country/region: DE, AT". */
    g_string_append_printf (body, _("Filters: %s"), filters);
  else
    g_string_append (body, _("No filters"));
  g_string_append_c (body, '\n');

  return g_string_free (body, FALSE);
}

void
ld_email_composer_send_report (GtkWidget        *widget,
                               const char       *title,
                               LdQuery          *query,
                               LdResult         *result,
                               const char       *attachment_name,
                               LdEmailWriteFunc  write,
                               gpointer          user_data)
{
  g_autoptr(LdEmailComposer) self = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (query != NULL && result != NULL);
  g_return_if_fail (attachment_name != NULL && write != NULL);

  /* One message per click: a second one while the first is on its way is a
   * double click, not a wish for two messages. */
  if (g_object_get_data (G_OBJECT (widget), pending_key) != NULL)
    return;

  subject = ld_email_composer_describe_subject (title, result);
  body = ld_email_composer_describe_body (title, attachment_name, query, result);
  self = ld_email_composer_new (subject, body);

  file = ld_email_composer_add_attachment (self, attachment_name, &error);
  if (file == NULL || !write (file, user_data, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

      show_toast (overlay, adw_toast_new (error->message));
      return;
    }

  ld_email_composer_send_from (self, widget);
}
