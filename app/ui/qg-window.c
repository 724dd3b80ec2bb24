/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-document.h"
#include "qg-ui-resources.h"
#include "qg-window.h"

struct _QgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *loading;
  QgDocument           *document;
  char                 *layout;

  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (QgWindow, qg_window, ADW_TYPE_APPLICATION_WINDOW)

QgWindow *
qg_window_new (GtkApplication *application,
               const char     *layout)
{
  QgWindow *self = g_object_new (QG_TYPE_WINDOW, "application", application, NULL);

  self->layout = g_strdup (layout);
  return self;
}

static void
show_document (QgWindow   *self,
               QgDocument *document)
{
  const char *source = qg_document_get_source (document);
  g_autofree char *counts = NULL;

  g_set_object (&self->document, document);
  adw_window_title_set_title (self->window_title, qg_document_get_title (document));
  adw_window_title_set_subtitle (self->window_title, source ? source : "");
  gtk_window_set_title (GTK_WINDOW (self), qg_document_get_title (document));

  counts = g_strdup_printf (_("%u entities, %u relations and %u quotes; every quote was found "
                              "in the article."),
                            qg_document_get_n_entities (document),
                            qg_document_get_n_relations (document),
                            qg_document_get_n_quotes (document));
  adw_status_page_set_title (self->status_page, qg_document_get_title (document));
  adw_status_page_set_description (self->status_page, counts);
}

static void
show_error (QgWindow     *self,
            const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The document could not be opened"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) document = qg_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);

  /* A document that fails to load leaves the one on screen untouched. */
  if (document == NULL)
    show_error (self, error);
  else
    show_document (self, document);
}

void
qg_window_open (QgWindow   *self,
                GFile      *file,
                const char *display_name)
{
  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  qg_document_load_async (file, display_name, self->loading, load_cb, g_object_ref (self));
}

static gboolean
qg_window_close_request (GtkWindow *window)
{
  QgWindow *self = QG_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (qg_window_parent_class)->close_request (window);
}

static void
qg_window_dispose (GObject *object)
{
  QgWindow *self = QG_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (qg_window_parent_class)->dispose (object);
}

static void
qg_window_finalize (GObject *object)
{
  QgWindow *self = QG_WINDOW (object);

  g_free (self->layout);

  G_OBJECT_CLASS (qg_window_parent_class)->finalize (object);
}

static void
qg_window_class_init (QgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = qg_window_dispose;
  object_class->finalize = qg_window_finalize;
  window_class->close_request = qg_window_close_request;

  /* Referencing the resource keeps it linked in from the static library,
   * which registers it. */
  g_assert (qg_ui_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/quotegraph/Quotegraph/ui/qg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, QgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, QgWindow, status_page);
}

static void
qg_window_init (QgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
