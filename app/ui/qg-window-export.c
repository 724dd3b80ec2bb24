/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-export.h"
#include "qg-window-private.h"
#include "qg-thread.h"

/* Export from the window: a save dialog, or a path given; the file is
 * written in a thread, through a temporary file renamed into place. An
 * export that takes longer than a moment (a large map laid out afresh)
 * says so on the map, under the layout's progress and as it does, with
 * its Stop, which ends it with nothing written. Not a toast: one that
 * stays would hold every other toast back till the export ends. */

#define EXPORT_PROGRESS_DELAY_USEC (1000 * 1000)

typedef struct
{
  QgDocument     *document;
  char           *engine;
  guint8         *hidden_entities;   /* NULL: the whole map */
  guint8         *hidden_relations;
  QgExportFormat  format;
  int             dpi;
  gboolean        without_drafts;
  GFile          *file;

  /* Of the window: */
  GCancellable   *cancellable;
  gint64          started;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->document);
  g_free (job->engine);
  g_free (job->hidden_entities);
  g_free (job->hidden_relations);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* Runs in a thread: Graphviz is serialised by the core, and the document
 * is never changed once loaded. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  QgExportOptions options = {
    .engine = job->engine,
    .dpi = job->dpi,
    .hidden_entities = job->hidden_entities,
    .hidden_relations = job->hidden_relations,
    .without_drafts = job->without_drafts,
    .cancellable = cancellable,
  };
  GError *error = NULL;

  qg_thread_give_way ();

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("%s: Quotegraph can only export to a folder on this computer"),
                               uri);
      return;
    }
  if (!qg_export_to_file (job->document, &options, job->format, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The toast of a written file has two ways to it: the file itself, and
 * the folder with the file picked out. */
static AdwToast *
exported_toast (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), display);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *folder = gtk_button_new_with_mnemonic (_("Show in _Folder"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (folder, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "win.show-in-folder");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (folder), "s", uri);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), folder);
  adw_toast_set_custom_title (toast, box);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  return toast;
}

static void update_export_progress (QgWindow *self);

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean written = g_task_propagate_boolean (G_TASK (result), &error);

  self->exporting--;
  g_application_release (g_application_get_default ());
  g_ptr_array_remove (self->exports, job);
  update_export_progress (self);
  /* Cancelled: what the person asked for, and nothing was written. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The window was closed meanwhile: nobody to tell but the terminal. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      if (!written)
        g_warning ("%s", error->message);
      return;
    }
  if (!written)
    {
      qg_window_present_error (self, _("The Map Could Not Be Exported"), error->message);
      return;
    }
  g_clear_object (&self->export_folder);
  self->export_folder = g_file_get_parent (job->file);
  adw_toast_overlay_add_toast (self->toasts, exported_toast (job->file));
}

/* What to write: the document as it is now, with the current layout
 * engine, and if @filtered, only what the filters show; its drafts marked,
 * or left out. */
static ExportJob *
export_job_new (QgWindow       *self,
                GFile          *file,
                QgExportFormat  format,
                gboolean        filtered,
                gboolean        without_drafts,
                int             dpi)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->document = g_object_ref (self->document);
  job->engine = g_strdup (self->engine);
  job->format = format;
  job->dpi = dpi;
  job->without_drafts = without_drafts;
  job->file = g_object_ref (file);
  if (filtered && !qg_filter_apply (self->filter, self->document, &job->hidden_entities,
                                    &job->hidden_relations))
    {
      g_clear_pointer (&job->hidden_entities, g_free);
      g_clear_pointer (&job->hidden_relations, g_free);
    }
  return job;
}

/* Under the layout's progress, the exports' that have taken more than a
 * moment: the last one's file and how long it has taken, or how many
 * there are. */
static void
update_export_progress (QgWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  ExportJob *last = NULL;
  guint shown = 0;
  g_autofree char *message = NULL;

  for (guint i = 0; self->exports != NULL && i < self->exports->len; i++)
    {
      ExportJob *job = g_ptr_array_index (self->exports, i);

      if (now - job->started >= EXPORT_PROGRESS_DELAY_USEC)
        {
          last = job;
          shown++;
        }
    }
  if (self->exports == NULL || self->exports->len == 0)
    g_clear_handle_id (&self->export_tick_id, g_source_remove);
  /* Gone with the window, or nothing to say yet. */
  if (self->export_progress == NULL)
    return;
  gtk_widget_set_visible (self->export_progress, shown > 0);
  gtk_spinner_set_spinning (self->export_spinner, shown > 0);
  if (shown == 0)
    return;
  if (shown == 1)
    {
      g_autofree char *name = g_file_get_basename (last->file);
      g_autofree char *display = g_filename_display_name (name);

      /* Translators: "Exporting “map.svg”… 12 s" */
      message = g_strdup_printf (_("Exporting “%s”… %u s"), display,
                                 (guint) ((now - last->started) / G_USEC_PER_SEC));
    }
  else
    message = g_strdup_printf (ngettext ("Exporting %u map…", "Exporting %u maps…", shown),
                               shown);
  gtk_label_set_label (self->export_progress_label, message);
}

static gboolean
export_tick (gpointer user_data)
{
  update_export_progress (user_data);
  return G_SOURCE_CONTINUE;
}

/* Stop: every export under way ends, and writes nothing. */
void
qg_window_stop_exports (QgWindow *self)
{
  g_return_if_fail (QG_IS_WINDOW (self));

  for (guint i = 0; self->exports != NULL && i < self->exports->len; i++)
    g_cancellable_cancel (((ExportJob *) g_ptr_array_index (self->exports, i))->cancellable);
}

/* Writes @job's map in a thread; takes @job. */
static void
export_map (QgWindow  *self,
            ExportJob *job)
{
  g_autoptr(GTask) task = NULL;

  /* The application stays until the file is written, even if the window
   * is closed first. */
  self->exporting++;
  g_application_hold (g_application_get_default ());
  if (self->exports == NULL)
    self->exports = g_ptr_array_new ();
  g_ptr_array_add (self->exports, job);
  job->cancellable = g_cancellable_new ();
  job->started = g_get_monotonic_time ();
  /* Shown from its first second on; the tick ends with the last export. */
  if (self->export_tick_id == 0)
    {
      self->export_tick_id = g_timeout_add (250, export_tick, self);
      g_source_set_name_by_id (self->export_tick_id, "[quotegraph] export progress");
    }
  task = g_task_new (NULL, job->cancellable, export_cb, g_object_ref (self));
  /* What the thread did is what is said: a file written before Stop was
   * pressed is told as written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, export_map);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* The format follows the name's extension; a name without a known one
 * takes the chosen format's. */
static GFile *
export_target (GFile          *chosen,
               QgExportFormat  chosen_format,
               QgExportFormat *format)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autofree char *with_extension = NULL;
  g_autoptr(GFile) parent = NULL;

  *format = qg_export_format_for_path (name);
  if (*format != QG_EXPORT_UNKNOWN)
    return g_object_ref (chosen);

  *format = chosen_format != QG_EXPORT_UNKNOWN ? chosen_format : QG_EXPORT_SVG;
  parent = g_file_get_parent (chosen);
  if (parent == NULL) /* the root: the write will say what is wrong */
    return g_object_ref (chosen);
  with_extension = g_strconcat (name, qg_export_extension (*format), NULL);
  return g_file_get_child (parent, with_extension);
}

/* The job goes with the dialog: written if the person says so. */
static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ExportJob       **job)
{
  QgWindow *self = QG_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "replace") && self != NULL && *job != NULL)
    export_map (self, g_steal_pointer (job));
}

static void
job_slot_free (gpointer  data,
               GClosure *closure)
{
  ExportJob **job = data;

  g_clear_pointer (job, export_job_free);
  g_free (job);
}

/* The dialog asked before replacing the file it was given, but not one
 * whose extension was added since. Takes @job. */
static void
confirm_and_export (QgWindow  *self,
                    ExportJob *job)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), display);
  AdwMessageDialog *dialog;
  ExportJob **slot;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    _("A file with this name already exists. Replacing it will overwrite its contents.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  slot = g_new (ExportJob *, 1);
  *slot = job;
  g_signal_connect_data (dialog, "response", G_CALLBACK (replace_response_cb), slot,
                         job_slot_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The formats the dialog offers, as its filters, in order: a PNG's
 * resolution is a filter of its own, so that no choice is left to make
 * that does not apply. */
typedef struct
{
  QgExportFormat  format;
  int             dpi;
  const char     *name;
  const char     *mime_type;       /* or NULL */
  const char     *suffix;
  const char     *other_suffix;
} ExportChoice;

static const ExportChoice export_choices[] = {
  { QG_EXPORT_SVG, 0, N_("SVG Image, with the quotes"), "image/svg+xml", "svg", NULL },
  { QG_EXPORT_PNG, 96, N_("PNG Image for screens (96 dpi)"), "image/png", "png", NULL },
  { QG_EXPORT_PNG, 192, N_("PNG Image, sharp (192 dpi)"), "image/png", "png", NULL },
  { QG_EXPORT_PNG, 300, N_("PNG Image for print (300 dpi)"), "image/png", "png", NULL },
  { QG_EXPORT_PDF, 0, N_("PDF Document"), "application/pdf", "pdf", NULL },
  { QG_EXPORT_DOT, 0, N_("Graphviz DOT Graph"), "text/vnd.graphviz", "gv", "dot" },
  /* By its double extension alone (qg_export_format_for_path): a filter
   * by JSON's MIME type would list every map as AIF. */
  { QG_EXPORT_AIF, 0, N_("AIF Argument Map (JSON)"), NULL, "aif.json", NULL },
};

/* Which of export_choices the dialog's filter is, or NULL. */
static const ExportChoice *
chosen_filter (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);

  for (guint i = 0; filter != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) item = g_list_model_get_item (filters, i);

      if (item == filter && i < G_N_ELEMENTS (export_choices))
        return &export_choices[i];
    }
  return NULL;
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    QgWindow        *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) given = NULL;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *proposed = g_steal_pointer (&self->export_proposed_name);
  const ExportChoice *choice;
  QgExportFormat chosen_format;
  QgExportFormat format;
  gboolean filtered;
  gboolean without_drafts;
  int dpi;

  if (response != GTK_RESPONSE_ACCEPT || self->document == NULL
      || (given = gtk_file_chooser_get_file (chooser)) == NULL)
    {
      g_clear_object (&self->export_dialog);
      return;
    }

  choice = chosen_filter (chooser);
  chosen_format = choice ? choice->format : QG_EXPORT_UNKNOWN;
  name = g_file_get_basename (given);
  /* The proposed name, untouched, takes the format chosen: its ".svg" was
   * ours, not the person's. */
  if (g_strcmp0 (name, proposed) == 0 && chosen_format != QG_EXPORT_UNKNOWN)
    {
      g_autoptr(GFile) parent = g_file_get_parent (given);
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".svg"));

      chosen = g_file_get_child (parent, stem);
    }
  else
    chosen = g_object_ref (given);
  file = export_target (chosen, chosen_format, &format);
  /* A PNG takes the chosen PNG filter's resolution, whatever the name. */
  dpi = format == QG_EXPORT_PNG && choice != NULL && choice->format == QG_EXPORT_PNG
        ? choice->dpi : 0;
  /* Asking for a choice that is not there is a warning. */
  filtered = self->export_offers_filtered
             && g_strcmp0 (gtk_file_chooser_get_choice (chooser, "filtered"), "true") == 0;
  without_drafts = self->export_offers_drafts
                   && g_strcmp0 (gtk_file_chooser_get_choice (chooser, "drafts"),
                                 "left-out") == 0;
  g_clear_object (&self->export_dialog);

  /* The dialog asked about the file it gave, not about another. */
  if (!g_file_equal (file, given) && g_file_query_exists (file, NULL))
    confirm_and_export (self, export_job_new (self, file, format, filtered, without_drafts, dpi));
  else
    export_map (self, export_job_new (self, file, format, filtered, without_drafts, dpi));
}

static void
add_export_filter (GtkFileChooser     *chooser,
                   const ExportChoice *choice)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _(choice->name));
  if (choice->mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, choice->mime_type);
  gtk_file_filter_add_suffix (filter, choice->suffix);
  if (choice->other_suffix != NULL)
    gtk_file_filter_add_suffix (filter, choice->other_suffix);
  gtk_file_chooser_add_filter (chooser, filter);
  if (choice->format == QG_EXPORT_SVG)
    gtk_file_chooser_set_filter (chooser, filter);
}

/* A file name from the article's title that every file system takes: no
 * folder separators, none of the characters Windows and FAT refuse, nothing
 * unprintable, not too long. A colon that ends a phrase becomes a dash:
 * "Kaspersky: US government…" → "Kaspersky - US government…". */
static char *
export_name (QgDocument *document)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = qg_document_get_title (document); *p && name->len < 120;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ':' && p[1] == ' ')
        g_string_append (name, " -");
      else if ((c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL) || !g_unichar_isprint (c))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  if (name->str[0] == '\0' || name->str[0] == '.')
    g_string_prepend (name, "map");
  return g_strconcat (name->str, ".svg", NULL);
}

void
qg_window_export_with_dialog (QgWindow *self)
{
  GtkFileChooser *chooser;
  g_autofree guint8 *entities = NULL;
  g_autofree guint8 *relations = NULL;

  if (self->document == NULL)
    return;
  if (self->export_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
      return;
    }

  self->export_dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                     _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->export_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_choices); i++)
    add_export_filter (chooser, &export_choices[i]);

  /* Filtering is offered only when the filters hide something. */
  self->export_offers_filtered = qg_filter_apply (self->filter, self->document, &entities,
                                                  &relations);
  if (self->export_offers_filtered)
    {
      gtk_file_chooser_add_choice (chooser, "filtered", _("Only what the filters show"), NULL,
                                   NULL);
      gtk_file_chooser_set_choice (chooser, "filtered",
                                   g_settings_get_boolean (self->settings, "export-filtered")
                                   ? "true" : "false");
    }
  /* So are the drafts, when there are any: in the picture as they are on
   * the map, or left out of it. */
  self->export_offers_drafts = qg_document_count_drafts (self->document) > 0;
  if (self->export_offers_drafts)
    {
      g_autofree char *preferred = g_settings_get_string (self->settings, "export-drafts");
      gboolean left_out = strcmp (preferred, "left-out") == 0;
      const char *options[] = { "marked", "left-out", NULL };
      const char *labels[] = { _("Included, marked as drafts"), _("Left out"), NULL };

      /* The first is the default: GTK 4.8's gtk_file_chooser_set_choice ()
       * leaves a choice of options as it is, so the preferred one (the
       * preferences' "Drafts") comes first. */
      if (left_out)
        {
          options[0] = "left-out", options[1] = "marked";
          labels[0] = _("Left out"), labels[1] = _("Included, marked as drafts");
        }
      gtk_file_chooser_add_choice (chooser, "drafts", _("Drafts"), options, labels);
    }

  if (self->export_folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, self->export_folder, NULL);
  g_free (self->export_proposed_name);
  self->export_proposed_name = export_name (self->document);
  gtk_file_chooser_set_current_name (chooser, self->export_proposed_name);

  g_signal_connect (self->export_dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

void
qg_window_export_to_path (QgWindow   *self,
                          const char *path,
                          gboolean    filtered)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  QgExportFormat format;

  if (self->document == NULL)
    return;
  chosen = g_file_new_for_commandline_arg (path);
  file = export_target (chosen, QG_EXPORT_SVG, &format);
  export_map (self, export_job_new (self, file, format, filtered, FALSE, 0));
}

typedef struct
{
  GtkWindow *window;
  char      *uri;
} ShowItems;

static void
show_parent_folder (GtkWindow  *window,
                    const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *parent_uri = parent ? g_file_get_uri (parent) : NULL;

  if (parent_uri != NULL)
    gtk_show_uri (window, parent_uri, GDK_CURRENT_TIME);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowItems *show = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager to point at it: open the folder. */
      g_debug ("ShowItems: %s", error->message);
      show_parent_folder (show->window, show->uri);
    }
  g_object_unref (show->window);
  g_free (show->uri);
  g_free (show);
}

/* The folder with the file selected, by the file manager's D-Bus interface. */
void
qg_window_show_in_folder (QgWindow   *self,
                          const char *uri)
{
  const char *uris[] = { uri, NULL };
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  ShowItems *show;

  if (bus == NULL)
    {
      show_parent_folder (GTK_WINDOW (self), uri);
      return;
    }
  show = g_new0 (ShowItems, 1);
  show->window = g_object_ref (GTK_WINDOW (self));
  show->uri = g_strdup (uri);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, show_items_cb, show);
}

void
qg_window_export_dispose (QgWindow *self)
{
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
  g_clear_object (&self->export_dialog);
  g_clear_object (&self->export_folder);
  g_clear_pointer (&self->export_proposed_name, g_free);
  /* The exports go on, with nothing of the window to show them. */
  g_clear_handle_id (&self->export_tick_id, g_source_remove);
}

/* Every export has ended by now: each holds the window till its end. */
void
qg_window_export_finalize (QgWindow *self)
{
  g_clear_handle_id (&self->export_tick_id, g_source_remove);
  g_clear_pointer (&self->exports, g_ptr_array_unref);
}
