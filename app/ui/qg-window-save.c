/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-file-filter.h"
#include "qg-history.h"
#include "qg-recovery.h"
#include "qg-window-private.h"

/* Saving: Save writes the map where it was read from, Save As asks where;
 * a map read from no file of the person's (the bundled example, a new
 * map) asks too. A window with unsaved changes asks before it closes. */

typedef enum
{
  THEN_NOTHING,
  THEN_CLOSE,
} ThenWhat;

typedef struct
{
  QgWindow   *self;
  QgHistory  *history;   /* the window's when the save began */
  QgDocument *document;  /* what is written: the history's mark moves to it */
  GFile      *file;
  ThenWhat    then;
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->self);
  g_object_unref (saving->history);
  g_object_unref (saving->document);
  g_object_unref (saving->file);
  g_free (saving);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *saving = user_data;
  QgWindow *self = saving->self;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!qg_document_save_finish (saving->document, result, &error))
    {
      qg_window_present_error (self, _("The Map Could Not Be Saved"), error->message);
      qg_window_update_actions (self);
      saving_free (saving);
      return;
    }
  /* Another document has taken the window since: the file is written,
   * but the window is about that one now. */
  if (self->history != saving->history)
    {
      qg_window_update_actions (self);
      saving_free (saving);
      return;
    }
  g_set_object (&self->save_file, saving->file);
  g_free (self->shown_name);
  self->shown_name = g_file_get_basename (saving->file);
  /* Its own write is no new version to read back, and the window follows
   * the file it now is, after a Save As. */
  qg_window_watch_files (self);
  qg_window_note_own_write (self);
  qg_history_set_saved (self->history, saving->document);
  /* Edits made while it was written are still to be copied aside. */
  qg_window_recovery_discard (self);
  qg_window_recovery_schedule (self);
  {
    g_autofree char *uri = g_file_get_uri (saving->file);

    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
  qg_window_update_title (self);
  qg_window_update_actions (self);
  if (saving->then == THEN_CLOSE)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  saving_free (saving);
}

static void
save_to (QgWindow *self,
         GFile    *file,
         ThenWhat  then)
{
  Saving *saving = g_new0 (Saving, 1);

  saving->self = g_object_ref (self);
  saving->history = g_object_ref (self->history);
  saving->document = g_object_ref (qg_history_get_document (self->history));
  saving->file = g_object_ref (file);
  saving->then = then;
  self->saving++;
  qg_window_update_actions (self);
  qg_document_save_async (saving->document, file, NULL, saved_cb, saving);
}

/* A name for the file from the map's title, without what file systems
 * refuse. */
static char *
proposed_name (QgDocument *document)
{
  g_autofree char *title = g_strdup (qg_document_get_title (document));
  g_autofree char *cut = NULL;

  g_strdelimit (title, "/\\:*?\"<>|\n\r\t", '-');
  g_strstrip (title);
  cut = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 80));
  return g_strdup_printf ("%s.json", *cut != '\0' ? cut : _("Map"));
}

static void
save_as_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  QgWindow *self = QG_WINDOW (user_data);
  ThenWhat then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        save_to (self, file, then);
    }
  g_clear_object (&self->save_dialog);
  g_object_unref (self);
}

static void
save_with_dialog (QgWindow *self,
                  ThenWhat  then)
{
  g_autofree char *name = NULL;

  if (self->save_dialog != NULL)
    return;
  self->save_dialog = gtk_file_chooser_native_new (_("Save Map"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                   _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_dialog), TRUE);
  qg_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_dialog), _("Quotegraph Documents"),
                              (const char *[]) { "application/json", NULL },
                              (const char *[]) { "json", NULL });
  name = proposed_name (qg_history_get_document (self->history));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_dialog), name);
  if (self->save_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->save_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->save_dialog), folder, NULL);
    }
  g_object_set_data (G_OBJECT (self->save_dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect (self->save_dialog, "response", G_CALLBACK (save_as_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_dialog));
}

static void
save (QgWindow *self,
      ThenWhat  then)
{
  if (self->history == NULL)
    return;
  if (self->save_file != NULL)
    save_to (self, self->save_file, then);
  else
    save_with_dialog (self, then);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (QG_WINDOW (widget), THEN_NOTHING);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);

  if (self->history != NULL)
    save_with_dialog (self, THEN_NOTHING);
}

/* ------------------------------------------------------------------------ */
/* Closing                                                                   */

static gboolean
close_now (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                QgWindow         *self)
{
  if (g_strcmp0 (response, "save") == 0)
    save (self, THEN_CLOSE);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      qg_window_recovery_discard (self);
      self->close_confirmed = TRUE;
      /* Once the question is gone: closed in its "response", the window
       * was freed before the dialog let go of it as its parent (GLib's
       * warnings of an instance with no class, as the application quit). */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_now, g_object_ref (self), g_object_unref);
    }
}

gboolean
qg_window_confirm_close (QgWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed || !qg_window_get_modified (self))
    return TRUE;

  body = g_strdup_printf (_("“%s” has changes that are not saved. If you close it without "
                            "saving, they are lost."),
                          qg_document_get_title (qg_history_get_document (self->history)));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

void
qg_window_save_update_actions (QgWindow *self)
{
  gboolean document = self->history != NULL && self->saving == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", document);
}

void
qg_window_save_dispose (QgWindow *self)
{
  /* A window closed has had its changes saved or discarded. */
  qg_window_recovery_discard (self);
  if (self->save_dialog != NULL)
    {
      /* No answer will come: the reference its answer would drop goes. */
      g_signal_handlers_disconnect_by_func (self->save_dialog, save_as_response, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_dialog));
      g_clear_object (&self->save_dialog);
      /* Not here: it may be the last, and the window is being disposed. */
      g_idle_add_once ((GSourceOnceFunc) g_object_unref, self);
    }
  g_clear_object (&self->save_file);
}

void
qg_window_class_init_save (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

/* ------------------------------------------------------------------------ */
/* Recovery copies                                                           */

#define RECOVERY_SECONDS 30

/* Half a minute, or what QG_RECOVERY_SECONDS says (for the tests). */
static guint
recovery_seconds (void)
{
  const char *override = g_getenv ("QG_RECOVERY_SECONDS");
  guint64 seconds;

  if (override != NULL && g_ascii_string_to_unsigned (override, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;
  return RECOVERY_SECONDS;
}

typedef struct
{
  char    *id;
  GBytes  *json;
  GFile   *original;
  char    *title;
  GWeakRef window;
} RecoveryCopy;

static void
recovery_copy_free (RecoveryCopy *copy)
{
  g_weak_ref_clear (&copy->window);
  g_free (copy->id);
  g_bytes_unref (copy->json);
  g_clear_object (&copy->original);
  g_free (copy->title);
  g_free (copy);
}

static void
write_copy (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RecoveryCopy *copy = task_data;
  GError *error = NULL;
  gsize length;
  const char *json = g_bytes_get_data (copy->json, &length);

  if (qg_recovery_write (copy->id, json, length, copy->original, copy->title, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
copy_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RecoveryCopy *copy = g_task_get_task_data (G_TASK (result));
  g_autoptr(QgWindow) window = g_weak_ref_get (&copy->window);
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    window->recovery_writes--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("The recovery copy could not be written: %s", error->message);
  /* Written after the window closed, saved or discarded: not to be found
   * after a crash that never happened. */
  else if (window == NULL || g_strcmp0 (window->recovery_id, copy->id) != 0)
    qg_recovery_discard (copy->id);
  else
    g_debug ("recovery copy written");
}

static gboolean
recovery_tick (gpointer user_data)
{
  QgWindow *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) target = NULL;
  QgDocument *document;
  RecoveryCopy *copy;
  gsize length;
  char *json;

  self->recovery_source = 0;
  if (!qg_window_get_modified (self))
    {
      qg_window_recovery_discard (self);
      return G_SOURCE_REMOVE;
    }
  if (self->recovery_id == NULL)
    self->recovery_id = qg_recovery_new_id ();
  /* Written for the file it will be saved over; a map with none (a new
   * one, the example map) as if for the copy's own place: an article it
   * names by a path from its folder goes in whole, since Recover has no
   * folder to look in. */
  target = self->save_file != NULL ? g_object_ref (self->save_file)
                                   : qg_recovery_copy_file (self->recovery_id);
  document = qg_history_get_document (self->history);
  json = qg_document_to_json (document, target, &length);
  copy = g_new0 (RecoveryCopy, 1);
  copy->id = g_strdup (self->recovery_id);
  copy->json = g_bytes_new_take (json, length);
  copy->original = self->save_file != NULL ? g_object_ref (self->save_file) : NULL;
  copy->title = g_strdup (qg_document_get_title (document));
  g_weak_ref_init (&copy->window, self);
  self->recovery_writes++;
  task = g_task_new (NULL, NULL, copy_written_cb, NULL);
  g_task_set_task_data (task, copy, (GDestroyNotify) recovery_copy_free);
  g_task_run_in_thread (task, write_copy);
  return G_SOURCE_REMOVE;
}

void
qg_window_recovery_schedule (QgWindow *self)
{
  if (self->recovery_source == 0 && qg_window_get_modified (self))
    self->recovery_source = g_timeout_add_seconds (recovery_seconds (), recovery_tick, self);
}

void
qg_window_recovery_follow (QgWindow *self)
{
  if (qg_window_get_modified (self))
    qg_window_recovery_schedule (self);
  else
    qg_window_recovery_discard (self);
}

void
qg_window_recovery_discard (QgWindow *self)
{
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  qg_recovery_discard (self->recovery_id);
  g_clear_pointer (&self->recovery_id, g_free);
}
