/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-window-private.h"

/* The map follows its file: when the document's file, or the file its
 * article is read from, changes on disk, the new version takes the old
 * one's place (qg_window_load_new_version), or, if it cannot be opened,
 * the old map stays under a banner that says why. Edits not saved are
 * never replaced without asking. */

/* A save comes as a burst of events (written, closed; or a new file
 * renamed over the old): the file is read once they have stopped for
 * this long, or once they have gone on for RELOAD_MAX_WAIT_MS. */
#define RELOAD_QUIET_MS     200
#define RELOAD_MAX_WAIT_MS  700

/* The file's version on disk, as GIO tells versions apart (its time of
 * change, to the microsecond), or NULL. */
static char *
etag_of (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* Whether @watch's file is as the window itself last wrote it. */
static gboolean
is_own_write (QgWatch *watch)
{
  g_autofree char *now = NULL;

  if (watch->file == NULL)
    return TRUE;
  if (watch->own_etag == NULL)
    return FALSE;
  now = etag_of (watch->file);
  return g_strcmp0 (now, watch->own_etag) == 0;
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  QgWindow *self = user_data;
  gboolean own = self->file_watch.own_etag != NULL || self->text_watch.own_etag != NULL;

  self->reload_timeout = 0;
  self->changes_began = 0;
  self->changes_handled++;
  /* What the window saved is what it shows: nothing to read again. */
  if (own && is_own_write (&self->file_watch) && is_own_write (&self->text_watch))
    {
      g_debug ("the change on disk is the window's own");
      return G_SOURCE_REMOVE;
    }
  qg_window_reload (self);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 QgWindow          *self)
{
  gint64 now = g_get_monotonic_time ();

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    /* Saved by renaming a new file over the old one, or moved away. */
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;
    default:
      /* Its times or permissions: the same text. */
      return;
    }
  g_debug ("%s changed on disk (event %d)", g_file_peek_path (file), event);
  if (self->changes_began == 0)
    self->changes_began = now;
  /* Waited out, unless the burst goes on too long for the map to follow. */
  if (self->reload_timeout != 0 && now - self->changes_began > RELOAD_MAX_WAIT_MS * 1000)
    return;
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  self->reload_timeout = g_timeout_add (RELOAD_QUIET_MS, reload_timeout_cb, self);
}

static void
unwatch (QgWatch *watch)
{
  if (watch->monitor != NULL)
    g_file_monitor_cancel (watch->monitor);
  g_clear_object (&watch->monitor);
  g_clear_object (&watch->file);
  g_clear_pointer (&watch->own_etag, g_free);
}

/* Watches @file, unless it is watched already. A monitor of a file
 * watches its name in its folder, so that a new file renamed over it, as
 * many editors save, is seen as well as a write. */
static void
watch (QgWindow *self,
       QgWatch  *watch,
       GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (file != NULL && watch->file != NULL && g_file_equal (file, watch->file))
    return;
  unwatch (watch);
  /* The bundled map, in the program's resources, never changes. */
  if (file == NULL || !g_file_is_native (file))
    return;
  watch->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (watch->monitor == NULL)
    {
      g_debug ("%s is not watched: %s", g_file_peek_path (file), error->message);
      return;
    }
  watch->file = g_object_ref (file);
  g_signal_connect_object (watch->monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
}

void
qg_window_watch_files (QgWindow *self)
{
  watch (self, &self->file_watch, qg_window_get_file (self));
  watch (self, &self->text_watch, qg_document_get_text_file (self->document));
}

static void
note_own_write (QgWatch *watch)
{
  g_free (watch->own_etag);
  watch->own_etag = watch->file ? etag_of (watch->file) : NULL;
}

/* Called once the window has written the document's files itself (saved
 * them): the changes that writing makes on disk are not read back as a
 * new version, which would replace the document, and its undo history,
 * by itself. */
void
qg_window_note_own_write (QgWindow *self)
{
  g_return_if_fail (QG_IS_WINDOW (self));

  note_own_write (&self->file_watch);
  note_own_write (&self->text_watch);
}

/* ------------------------------------------------------------------------ */
/* Reload, or ask first                                                      */

void
qg_window_reload (QgWindow *self)
{
  g_return_if_fail (QG_IS_WINDOW (self));

  if (qg_window_get_file (self) == NULL)
    return;
  if (qg_window_get_modified (self))
    qg_window_ask_reload (self);
  else
    qg_window_load_new_version (self);
}

static void
question_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      QgWindow         *self)
{
  if (g_str_equal (response, "reload"))
    qg_window_load_new_version (self);
}

/* The file changed while the window holds edits of its own: which is
 * kept is the person's to say. Asked once, however often it changes. */
void
qg_window_ask_reload (QgWindow *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->reload_question != NULL)
    return;
  body = g_strdup_printf (_("“%s” was changed on disk. Reloading it loses the changes made "
                            "here."), self->shown_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Reload the Document?"), body));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Your Version"),
                                    "reload", _("_Reload"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self, 0);
  g_set_weak_pointer (&self->reload_question, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The banner                                                                */

void
qg_window_show_reload_banner (QgWindow   *self,
                              const char *errors)
{
  g_autofree char *name = g_file_get_basename (qg_window_get_file (self));
  g_autofree char *title = NULL;

  g_free (self->reload_errors);
  self->reload_errors = g_strdup (errors);
  /* Its name, without the folder: a banner is read at a glance. */
  title = g_strdup_printf (_("The new version of “%s” cannot be opened: the map shows the "
                             "last one that could"), name);
  gtk_label_set_label (self->reload_banner_label, title);
  gtk_revealer_set_reveal_child (self->reload_banner, TRUE);
  qg_window_update_actions (self);
}

void
qg_window_hide_reload_banner (QgWindow *self)
{
  g_clear_pointer (&self->reload_errors, g_free);
  gtk_revealer_set_reveal_child (self->reload_banner, FALSE);
  qg_window_update_actions (self);
}

static void
errors_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    QgWindow         *self)
{
  if (g_str_equal (response, "reload"))
    qg_window_reload (self);
}

void
qg_window_show_reload_errors (QgWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->reload_errors == NULL)
    return;
  dialog = qg_window_present_errors (self, _("The New Version Cannot Be Opened"),
                                     _("The map shows the last version that opened, and "
                                       "follows the file again once these are fixed."),
                                     self->reload_errors);
  adw_message_dialog_add_response (dialog, "reload", _("_Try Again"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (errors_response_cb), self, 0);
}

void
qg_window_forget_changes (QgWindow *self)
{
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  self->changes_began = 0;
  qg_window_hide_reload_banner (self);
}

void
qg_window_reload_dispose (QgWindow *self)
{
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  unwatch (&self->file_watch);
  unwatch (&self->text_watch);
  g_clear_weak_pointer (&self->reload_question);
  g_clear_pointer (&self->reload_errors, g_free);
}
