/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-new-map-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-file-filter.h"
#include "qg-new-map-dialog.h"

struct _QgNewMapDialog
{
  AdwWindow             parent_instance;

  GCancellable         *reading;      /* while a file is read, else NULL */
  GtkFileChooserNative *chooser;
  gboolean              filling;      /* the buffer is being set from a file */
  char                 *guessed_title; /* the title put in from the text's headline */

  GtkButton            *create_button;
  GtkButton            *choose_button;
  GtkSpinner           *spinner;
  GtkTextView          *text_view;
  GtkLabel             *file_label;
  AdwEntryRow          *title_row;
  AdwEntryRow          *source_row;
  AdwEntryRow          *date_row;
  GtkLabel             *date_label;
  AdwPreferencesGroup  *details_group;
  GtkSwitch            *draft_switch;
};

G_DEFINE_FINAL_TYPE (QgNewMapDialog, qg_new_map_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A field's text without white space at its ends, or NULL if empty. */
static char *
field_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GtkTextBuffer *
buffer_of (QgNewMapDialog *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

/* Whether the article says something: the first character that is not
 * white space, found without copying what may be megabytes of text. */
static gboolean
has_text (QgNewMapDialog *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer_of (self), &iter);
  for (; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
      return TRUE;
  return FALSE;
}

static void
show_file_status (QgNewMapDialog *self,
                  const char     *text,
                  gboolean        is_error)
{
  gtk_label_set_label (self->file_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_label), text != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
    }
}

/* The date's hint, or why it is not one; Create only with what FORMAT.md
 * requires: a text and a title, and a date it takes if there is one. */
static void
update_create (QgNewMapDialog *self)
{
  g_autofree char *title = field_text (self->title_row);
  g_autofree char *date = field_text (self->date_row);
  g_autoptr(GError) error = NULL;
  gboolean date_ok = date == NULL || qg_article_check_date (date, &error);
  gboolean text;

  if (date_ok)
    {
      gtk_label_set_label (self->date_label, _("Optional: a day like 2017-09-13, a month like "
                                               "2017-09, or a year."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
    }
  else
    {
      gtk_label_set_label (self->date_label, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
    }
  text = has_text (self);
  /* What Create waits for, once there is an article. */
  adw_preferences_group_set_description (self->details_group,
                                         text && title == NULL
                                         ? _("A title is needed to create the map.") : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            self->reading == NULL && title != NULL && date_ok && text);
}

static void
fields_changed_cb (QgNewMapDialog *self)
{
  update_create (self);
}

/* A text pasted or typed with a headline on a line of its own gives the
 * title, until the person writes one. */
static void
guess_title (QgNewMapDialog *self)
{
  GtkTextBuffer *buffer = buffer_of (self);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  GtkTextIter start, end;
  g_autofree char *head = NULL;
  g_autofree char *guess = NULL;

  if (*title != '\0' && g_strcmp0 (title, self->guessed_title) != 0)
    return;
  /* The headline is at the start: a thousand characters are enough. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 1000);
  head = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  guess = qg_article_guess_title (head, strlen (head));
  g_free (self->guessed_title);
  self->guessed_title = g_strdup (guess);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), guess != NULL ? guess : "");
}

/* An edit of the text makes it the person's own: the file it came from
 * is no longer what it is. */
static void
text_changed_cb (QgNewMapDialog *self)
{
  if (!self->filling)
    {
      show_file_status (self, NULL, FALSE);
      guess_title (self);
    }
  update_create (self);
}

static void
set_reading (QgNewMapDialog *self,
             GCancellable   *reading)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = reading ? g_object_ref (reading) : NULL;
  gtk_spinner_set_spinning (self->spinner, reading != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), reading == NULL);
  update_create (self);
}

/* What a file gave, where it gave it: the fields it has no value for are
 * left as they were. */
static void
fill_from_draft (QgNewMapDialog       *self,
                 const QgArticleDraft *draft,
                 const char           *display_name)
{
  GtkTextBuffer *buffer = buffer_of (self);
  g_autofree char *status = NULL;
  GtkTextIter start;

  self->filling = TRUE;
  gtk_text_buffer_set_text (buffer, draft->text, draft->length);
  self->filling = FALSE;
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0, FALSE, 0, 0);

  if (draft->title != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), draft->title);
      /* A page's own title is not a guess; a text file's headline is. */
      g_free (self->guessed_title);
      self->guessed_title = draft->kind == QG_ARTICLE_KIND_TEXT ? g_strdup (draft->title) : NULL;
    }
  /* The headline of the text it replaces is no title of this one. */
  else if (self->guessed_title != NULL
           && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                         self->guessed_title) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), "");
      g_clear_pointer (&self->guessed_title, g_free);
    }
  if (draft->source != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->source_row), draft->source);
  if (draft->published != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), draft->published);

  if (draft->kind == QG_ARTICLE_KIND_HTML)
    /* Translators: %s is a file name */
    status = g_strdup_printf (_("From “%s”, a web page reduced to its text"), display_name);
  else
    /* Translators: %s is a file name */
    status = g_strdup_printf (_("From “%s”"), display_name);
  show_file_status (self, status, FALSE);
}

typedef struct
{
  QgNewMapDialog *self;
  char           *display_name;
} ReadRequest;

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  ReadRequest *request = data;
  QgNewMapDialog *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgArticleDraft) draft = qg_article_draft_read_file_finish (result, &error);

  /* Cancelled: by another file chosen, or by the dialog's end, after
   * which it is not to be touched. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->reading);
      set_reading (self, NULL);
      if (draft != NULL)
        fill_from_draft (self, draft, request->display_name);
      else
        show_file_status (self, error->message, TRUE);
    }
  g_free (request->display_name);
  g_free (request);
}

void
qg_new_map_dialog_read_file (QgNewMapDialog *self,
                             GFile          *file,
                             const char     *display_name)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *status = NULL;
  ReadRequest *request;

  g_return_if_fail (QG_IS_NEW_MAP_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (ReadRequest, 1);
  request->self = self;
  request->display_name = display_name ? g_strdup (display_name) : g_file_get_parse_name (file);
  set_reading (self, cancellable);
  /* Translators: %s is a file name */
  status = g_strdup_printf (_("Reading “%s”…"), request->display_name);
  show_file_status (self, status, FALSE);
  qg_article_draft_read_file_async (file, request->display_name, cancellable, read_done_cb,
                                    request);
}

gboolean
qg_new_map_dialog_get_draft_map (QgNewMapDialog *self)
{
  g_return_val_if_fail (QG_IS_NEW_MAP_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->draft_switch);
}

gboolean
qg_new_map_dialog_is_reading (QgNewMapDialog *self)
{
  g_return_val_if_fail (QG_IS_NEW_MAP_DIALOG (self), FALSE);

  return self->reading != NULL;
}

/* A file's name as a person knows it, whatever bytes it is made of. */
static char *
display_name_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path ? g_filename_display_basename (path) : g_file_get_parse_name (file);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     QgNewMapDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      g_autofree char *name = display_name_of (file);

      qg_new_map_dialog_read_file (self, file, name);
    }
}


static void
choose_file_cb (QgNewMapDialog *self)
{
  static const char * const text_types[] = { "text/plain", NULL };
  static const char * const text_suffixes[] = { "txt", "text", NULL };
  static const char * const page_types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const page_suffixes[] = { "html", "htm", "xhtml", NULL };
  static const char * const article_types[] = { "text/plain", "text/html",
                                                "application/xhtml+xml", NULL };
  static const char * const article_suffixes[] = { "txt", "text", "html", "htm", "xhtml", NULL };
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }
  self->chooser = gtk_file_chooser_native_new (_("Choose an Article"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* The first is the one shown: every article Quotegraph reads. */
  qg_file_chooser_add_filter (chooser, _("Articles"), article_types, article_suffixes);
  qg_file_chooser_add_filter (chooser, _("Text Files"), text_types, text_suffixes);
  qg_file_chooser_add_filter (chooser, _("Web Pages"), page_types, page_suffixes);
  qg_file_chooser_add_filter (chooser, _("All Files"), NULL, NULL);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
create_cb (QgNewMapDialog *self)
{
  g_autoptr(QgArticleDraft) draft = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = field_text (self->title_row);
  g_autofree char *source = field_text (self->source_row);
  g_autofree char *date = field_text (self->date_row);
  GtkTextIter start, end;

  /* Enter in a field activates Create as the default widget, sensitive
   * or not. */
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;

  gtk_text_buffer_get_bounds (buffer_of (self), &start, &end);
  text = gtk_text_buffer_get_text (buffer_of (self), &start, &end, TRUE);
  draft = qg_article_draft_new (text, -1, title, source, date);

  /* A handler may close the dialog itself. */
  g_object_ref (self);
  g_signal_emit (self, signals[CREATE], 0, draft);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
qg_new_map_dialog_dispose (GObject *object)
{
  QgNewMapDialog *self = QG_NEW_MAP_DIALOG (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->guessed_title, g_free);

  G_OBJECT_CLASS (qg_new_map_dialog_parent_class)->dispose (object);
}

static void
qg_new_map_dialog_class_init (QgNewMapDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_new_map_dialog_dispose;

  /**
   * QgNewMapDialog::create:
   * @draft: (transfer none): the article's text and its fields
   *
   * Create was pressed; the dialog closes after it.
   */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1,
                                  QG_TYPE_ARTICLE_DRAFT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/"
                                               "qg-new-map-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, date_label);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, QgNewMapDialog, draft_switch);
  gtk_widget_class_bind_template_callback (widget_class, create_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_cb);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qg_new_map_dialog_init (QgNewMapDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (buffer_of (self), "changed", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_create (self);
}

QgNewMapDialog *
qg_new_map_dialog_new (GtkWindow *parent)
{
  QgNewMapDialog *self = g_object_new (QG_TYPE_NEW_MAP_DIALOG,
                                       "transient-for", parent,
                                       "application",
                                       parent ? gtk_window_get_application (parent) : NULL,
                                       NULL);

  /* The article first: pasting is what most people do. */
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

QgNewMapDialog *
qg_new_map_dialog_show (GtkWindow  *parent,
                        GFile      *file,
                        const char *display_name)
{
  QgNewMapDialog *self = qg_new_map_dialog_new (parent);

  if (file != NULL)
    qg_new_map_dialog_read_file (self, file, display_name);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
