/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-aif.h"
#include "qg-dot.h"
#include "qg-window-private.h"
#include "qg-thread.h"

/* DOT files and AIF maps: read, drawn by Graphviz and laid out in a
 * worker, as a large document is, so that the window opens at once; then
 * shown in the place of a document. What cannot be read leaves what is on
 * screen as it was, and says why. */

typedef struct
{
  GFile           *file;
  char            *display_name;
  QgDrawingFormat  format;
  QgDrawing       *drawing;
  QgAifGraph      *aif;
} DrawingTask;

static void
drawing_task_free (DrawingTask *data)
{
  g_clear_object (&data->file);
  g_free (data->display_name);
  g_clear_pointer (&data->drawing, qg_drawing_unref);
  g_clear_pointer (&data->aif, qg_aif_graph_free);
  g_free (data);
}

/* A laid-out graph keeps Graphviz for this thread until it is freed:
 * everything the window needs is taken from it here. */
static void
draw_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DrawingTask *data = task_data;
  g_autoptr(QgGraph) graph = NULL;
  GError *error = NULL;

  qg_thread_give_way ();

  if (data->format == QG_DRAWING_AIF)
    {
      g_autofree char *dot = NULL;

      data->aif = qg_aif_graph_load (data->file, data->display_name, cancellable, &error);
      if (data->aif == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      dot = qg_aif_graph_to_dot (data->aif);
      graph = qg_graph_new_from_dot (dot, "dot", NULL, &error);
    }
  else
    graph = qg_dot_load (data->file, data->display_name, NULL, cancellable, &error);
  if (graph == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Cancelled, the layout worker is ended at once; crashing, it leaves
   * the window as it was. */
  data->drawing = qg_graph_run_drawing (graph, cancellable, &error);
  if (data->drawing == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, "%s: ", data->display_name);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* What a document's header offers (the layout, filters, search, legend)
 * is not a drawing's. */
static void
show_document_controls (QgWindow *self,
                        gboolean  shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->layout_button), shown);
  gtk_widget_set_visible (self->filter_button, shown);
  gtk_widget_set_visible (self->search_button, shown);
  gtk_widget_set_visible (self->legend_button, shown);
}

static void
drawn_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  DrawingTask *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  const char *kind;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->drawing_loading);
      g_clear_object (&self->drawing_opening);
      qg_window_set_opening (self, data->file, data->display_name);
      if (self->drawing_file != NULL)
        gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->drawing_page));
      qg_window_show_load_error (self, error->message);
      qg_window_update_actions (self);
      return;
    }

  g_clear_object (&self->drawing_loading);
  g_clear_object (&self->drawing_opening);
  g_set_object (&self->drawing_file, data->file);
  qg_window_set_opening (self, NULL, NULL);
  qg_drawing_page_set_drawing (self->drawing_page, data->drawing, g_steal_pointer (&data->aif));
  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->drawing_page));
  show_document_controls (self, FALSE);

  kind = data->format == QG_DRAWING_AIF ? _("AIF Argument Map") : _("Graphviz Graph");
  adw_window_title_set_title (self->window_title, data->display_name);
  adw_window_title_set_subtitle (self->window_title, kind);
  gtk_window_set_title (GTK_WINDOW (self), data->display_name);
  qg_window_remember_recent (data->file, data->format == QG_DRAWING_AIF ? "application/json"
                                                                        : "text/vnd.graphviz");
  qg_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (qg_drawing_page_get_view (self->drawing_page)));
}

void
qg_window_open_drawing (QgWindow        *self,
                        GFile           *file,
                        const char      *display_name,
                        QgDrawingFormat  format)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  DrawingTask *data;

  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = display_name != NULL ? g_strdup (display_name) : g_file_get_basename (file);
  if (self->drawing_loading != NULL)
    g_cancellable_cancel (self->drawing_loading);
  g_set_object (&self->drawing_loading, g_cancellable_new ());
  g_set_object (&self->drawing_opening, file);

  /* A window with nothing on it shows the drawing's progress; one with a
   * drawing keeps it until the next is ready. */
  if (self->drawing_file == NULL)
    {
      qg_drawing_page_show_loading (self->drawing_page, name);
      gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->drawing_page));
      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, "");
      show_document_controls (self, FALSE);
    }
  qg_window_update_actions (self);

  task = g_task_new (NULL, self->drawing_loading, drawn_cb, g_object_ref (self));
  g_task_set_source_tag (task, qg_window_open_drawing);
  data = g_new0 (DrawingTask, 1);
  data->file = g_object_ref (file);
  data->display_name = g_steal_pointer (&name);
  data->format = format;
  g_task_set_task_data (task, data, (GDestroyNotify) drawing_task_free);
  g_task_run_in_thread (task, draw_in_thread);
}

QgDrawingPage *
qg_window_get_drawing_page (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), NULL);
  return self->drawing_page;
}

gboolean
qg_window_shows_drawing (QgWindow *self)
{
  return self->drawing_file != NULL || self->drawing_loading != NULL;
}

gboolean
qg_window_is_empty (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  return self->document == NULL && !qg_window_shows_drawing (self);
}

void
qg_window_drawing_leave (QgWindow *self)
{
  if (!qg_window_shows_drawing (self))
    return;
  if (self->drawing_loading != NULL)
    g_cancellable_cancel (self->drawing_loading);
  g_clear_object (&self->drawing_loading);
  g_clear_object (&self->drawing_opening);
  g_clear_object (&self->drawing_file);
  qg_drawing_page_clear (self->drawing_page);
  show_document_controls (self, TRUE);
}

void
qg_window_drawing_init (QgWindow *self)
{
  self->drawing_page = QG_DRAWING_PAGE (qg_drawing_page_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->drawing_page), "drawing");
}

void
qg_window_drawing_dispose (QgWindow *self)
{
  if (self->drawing_loading != NULL)
    g_cancellable_cancel (self->drawing_loading);
  g_clear_object (&self->drawing_loading);
  g_clear_object (&self->drawing_opening);
  g_clear_object (&self->drawing_file);
}
