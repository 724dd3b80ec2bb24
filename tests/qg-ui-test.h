/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the widget tests share: real windows under Xvfb, real input sent
 * through the X server with xdotool, and waits that fail loudly instead
 * of passing by time. */

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "qg-application.h"
#include "qg-cli.h"
#include "qg-layout-cache.h"
#include "qg-test-utils.h"
#include "qg-ui-resources.h"
#include "qg-window.h"

static AdwApplication *qg_test_app;

/* The application's windows of Quotegraph, in its order. */
static inline GPtrArray *
qg_test_app_windows (void)
{
  GPtrArray *windows = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (qg_test_app)); l; l = l->next)
    if (QG_IS_WINDOW (l->data))
      g_ptr_array_add (windows, l->data);
  return windows;
}

/* Every toplevel closed, dialogs too. */
static inline void
qg_test_close_all_windows (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
}

/* Runs the main loop until @done says so; a test that waits longer than
 * this has failed, it does not pass by time. */
static inline void
qg_test_wait_for (gboolean   (*done) (gpointer),
                  gpointer     data,
                  const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline gboolean
qg_test_frames_done (gpointer data)
{
  return *(guint *) data >= 2;
}

static inline gboolean
qg_test_count_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets two frames pass, so that what changed is allocated and drawn. */
static inline void
qg_test_wait_frames (GtkWidget *widget)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (widget, qg_test_count_tick, &ticks, NULL);

  qg_test_wait_for (qg_test_frames_done, &ticks, "two frames");
  gtk_widget_remove_tick_callback (widget, id);
}

/* Lets frames pass until @widget stays where it is, in its window, from
 * one frame to the next: a toast or a popover that slides in is only
 * clicked once it has arrived. */
static inline void
qg_test_wait_settled (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t before = GRAPHENE_RECT_INIT (-1, -1, -1, -1);

  for (guint i = 0; i < 200; i++)
    {
      graphene_rect_t now = GRAPHENE_RECT_INIT (0, 0, 0, 0);

      qg_test_wait_frames (widget);
      if (!gtk_widget_compute_bounds (widget, root, &now))
        continue;
      if (graphene_rect_equal (&now, &before))
        return;
      before = now;
    }
  g_error ("%s never settled", G_OBJECT_TYPE_NAME (widget));
}

static inline char *
qg_test_xid (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  return g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
}

typedef struct
{
  gboolean done;
  int      status;
} Child;

static inline void
qg_test_child_exited (GPid     pid,
                      int      status,
                      gpointer data)
{
  Child *child = data;

  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static inline gboolean
qg_test_child_done (gpointer data)
{
  return ((Child *) data)->done;
}

/* Runs a command while the main loop goes on, as the events it makes
 * reach the windows while it runs: xdotool may bind a key for a character
 * only for as long as it types it. */
static inline void
qg_test_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, qg_test_child_exited, &child);
  qg_test_wait_for (qg_test_child_done, &child, argv[0]);
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
}

typedef struct
{
  GtkTextView *view;
  GtkTextIter *iter;
} QgTestScrollWait;

static inline gboolean
qg_test_iter_visible (gpointer data)
{
  QgTestScrollWait *wait = data;
  GdkRectangle visible, rect;

  gtk_text_view_get_visible_rect (wait->view, &visible);
  gtk_text_view_get_iter_location (wait->view, wait->iter, &rect);
  return rect.y >= visible.y && rect.y + rect.height <= visible.y + visible.height;
}

/* Waits until @iter's line is in view in @view. */
static inline void
qg_test_wait_iter_visible (GtkTextView *view,
                           GtkTextIter *iter)
{
  QgTestScrollWait wait = { view, iter };

  qg_test_wait_for (qg_test_iter_visible, &wait, "the passage to be in view");
}

/* Runs xdotool with @args after giving @widget's window the focus. */
static inline void
qg_test_xdotool (GtkWidget   *widget,
                 const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, qg_test_xid (widget));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  qg_test_run ((const char * const *) argv->pdata);
}

/* Where (x, y) of @widget is in its window's X surface. */
static inline void
qg_test_surface_point (GtkWidget *widget,
                       double     x,
                       double     y,
                       char     **sx,
                       char     **sy)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  graphene_point_t p;
  double nx, ny;

  g_assert_true (gtk_widget_compute_point (widget, native, &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (GTK_NATIVE (native), &nx, &ny);
  *sx = g_strdup_printf ("%d", (int) round (p.x + nx));
  *sy = g_strdup_printf ("%d", (int) round (p.y + ny));
}

/* Moves the pointer over (x, y) of @widget, then does @then (a button
 * pressed and released, as xdotool names it: "click", "1"), if any. */
static inline void
qg_test_pointer_then (GtkWidget   *widget,
                      double       x,
                      double       y,
                      const char **then)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  qg_test_surface_point (widget, x, y, &sx, &sy);
  g_ptr_array_add (args, g_strdup ("mousemove"));
  g_ptr_array_add (args, g_strdup ("--window"));
  g_ptr_array_add (args, qg_test_xid (widget));
  g_ptr_array_add (args, g_steal_pointer (&sx));
  g_ptr_array_add (args, g_steal_pointer (&sy));
  for (guint i = 0; then != NULL && then[i]; i++)
    g_ptr_array_add (args, g_strdup (then[i]));
  g_ptr_array_add (args, NULL);
  qg_test_xdotool (widget, (const char **) args->pdata);
}

/* Moves the pointer over (x, y) of @widget. */
static inline void
qg_test_pointer_to (GtkWidget *widget,
                    double     x,
                    double     y)
{
  qg_test_pointer_then (widget, x, y, NULL);
}

/* Moves the pointer to the far corner of the screen, off the windows. */
static inline void
qg_test_pointer_away (GtkWidget *widget)
{
  qg_test_xdotool (widget, (const char *[]) { "mousemove", "1900", "1180", NULL });
}

/* A real click of the first button at (x, y) of @widget. */
static inline void
qg_test_click (GtkWidget *widget,
               double     x,
               double     y)
{
  qg_test_pointer_then (widget, x, y, (const char *[]) { "click", "1", NULL });
}

/* A click in the middle of @widget. */
static inline void
qg_test_click_widget (GtkWidget *widget)
{
  qg_test_click (widget, gtk_widget_get_width (widget) / 2.0,
                 gtk_widget_get_height (widget) / 2.0);
}

/* One notch of the wheel (button 4 up, 5 down, 6 left, 7 right) over
 * (x, y) of @widget, with @modifier held ("ctrl", "shift") or NULL. */
static inline void
qg_test_wheel (GtkWidget  *widget,
               double      x,
               double      y,
               int         button,
               const char *modifier)
{
  g_autofree char *b = g_strdup_printf ("%d", button);

  if (modifier != NULL)
    qg_test_pointer_then (widget, x, y, (const char *[]) { "keydown", modifier, "click", b,
                                                           "keyup", modifier, NULL });
  else
    qg_test_pointer_then (widget, x, y, (const char *[]) { "click", b, NULL });
}

/* Real key presses, as xdotool names them ("plus", "ctrl+minus", "KP_Add"). */
static inline void
qg_test_keys (GtkWidget  *widget,
              const char *keys)
{
  qg_test_xdotool (widget, (const char *[]) { "key", "--clearmodifiers", keys, NULL });
}

/* Types @text as a person would. (Apart from the focusing: chained after
 * it, xdotool sends the keys to that window as synthetic events, which
 * text entries rightly ignore.) */
static inline void
qg_test_type (GtkWidget  *widget,
              const char *text)
{
  qg_test_xdotool (widget, (const char *[]) { "sleep", "0", NULL });
  qg_test_run ((const char *[]) { "xdotool", "type", "--delay", "20", text, NULL });
}

/* What @widget draws itself (its snapshot, as a frame would take it) to
 * an image, on white. */
static inline cairo_surface_t *
qg_test_render (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    {
      gsk_render_node_draw (node, cr);
      gsk_render_node_unref (node);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static inline guint32
qg_test_pixel (cairo_surface_t *surface,
               double           x,
               double           y)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (gpointer) (data + (int) y * stride + 4 * (int) x);
}

/* Every widget under @widget, depth first, that passes @test. */
static inline void
qg_test_collect_if (GtkWidget     *widget,
                    gboolean     (*test) (GtkWidget *widget, gconstpointer data),
                    gconstpointer  data,
                    GPtrArray     *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (test (child, data))
        g_ptr_array_add (out, child);
      qg_test_collect_if (child, test, data, out);
    }
}

static inline gboolean
qg_test_has_css_class (GtkWidget     *widget,
                       gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static inline gboolean
qg_test_is_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static inline gboolean
qg_test_is_label_starting (GtkWidget     *widget,
                           gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget)
         && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static inline gboolean
qg_test_is_shown_label (GtkWidget     *widget,
                        gconstpointer  text)
{
  return qg_test_is_label (widget, text) && gtk_widget_get_mapped (widget);
}

/* A shown button whose own label (mnemonic and all) is @label. */
static inline gboolean
qg_test_is_shown_button_labelled (GtkWidget     *widget,
                                  gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* How many labels reading @text are shown under @root. */
static inline guint
qg_test_count_shown_labels (GtkWidget  *root,
                            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (root, qg_test_is_shown_label, text, labels);
  return labels->len;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} QgTestLabelWait;

static inline gboolean
qg_test_label_shown (gpointer data)
{
  QgTestLabelWait *w = data;

  return qg_test_count_shown_labels (w->root, w->text) > 0;
}

/* Waits for a label reading @text to be shown under @root: a toast. */
static inline void
qg_test_wait_for_shown_label (GtkWidget  *root,
                              const char *text)
{
  QgTestLabelWait w = { root, text };

  qg_test_wait_for (qg_test_label_shown, &w, text);
}

/* @widget and what holds it are visible, up to its popover or window
 * (which may be closed: what it holds is still there to be found). */
static inline gboolean
qg_test_visible_in_native (GtkWidget *widget)
{
  for (; widget != NULL && !GTK_IS_NATIVE (widget); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return TRUE;
}

/* The one shown widget of @type under @root that holds a label reading
 * @text (a button or check button and its label). */
static inline GtkWidget *
qg_test_find_labelled (GtkWidget  *root,
                       GType       type,
                       const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *found = NULL;

  qg_test_collect_if (root, qg_test_is_label, text, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *owner = gtk_widget_get_ancestor (g_ptr_array_index (labels, i), type);

      if (owner != NULL && qg_test_visible_in_native (owner))
        {
          g_assert_true (found == NULL || found == owner);
          found = owner;
        }
    }
  return found;
}

/* The first toplevel of @type, or NULL. */
static inline gpointer
qg_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        found = item;
    }
  return found;
}

/* The file chooser: GTK's own, as GtkFileChooserNative shows it without
 * a portal. */
static inline GtkFileChooser *
qg_test_find_file_chooser (void)
{
  return qg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

static inline gboolean
qg_test_file_chooser_shown (gpointer data)
{
  return qg_test_find_file_chooser () != NULL;
}

static inline gboolean
qg_test_file_chooser_gone (gpointer data)
{
  return qg_test_find_file_chooser () == NULL;
}

static inline gboolean
qg_test_is_shown_tree_view (GtkWidget     *widget,
                            gconstpointer  data)
{
  return GTK_IS_TREE_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* The file chooser's list of files, the one tree view it shows. */
static inline GtkTreeView *
qg_test_file_chooser_list (GtkWidget *chooser)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  qg_test_collect_if (chooser, qg_test_is_shown_tree_view, NULL, views);
  return views->len == 1 ? g_ptr_array_index (views, 0) : NULL;
}

/* GTK 4.8's chooser gives its list of files a model once the folder is
 * read. Destroyed before that, it cancels the reading and says so in a
 * dialog of its own, "The folder contents could not be displayed", left
 * open without a parent over the next test. */
static inline gboolean
qg_test_file_chooser_listed (gpointer chooser)
{
  GtkTreeView *list = qg_test_file_chooser_list (chooser);

  return list != NULL && gtk_tree_view_get_model (list) != NULL;
}

typedef struct
{
  QgGraphView *view;
  const char  *expected;
} QgTestSelection;

static inline gboolean
qg_test_selection_is (gpointer data)
{
  QgTestSelection *w = data;

  return g_strcmp0 (qg_graph_view_get_selection (w->view), w->expected) == 0;
}

/* Waits for @view's selection to be @expected (an id, or NULL). */
static inline void
qg_test_wait_for_selection (QgGraphView *view,
                            const char  *expected)
{
  QgTestSelection w = { view, expected };

  qg_test_wait_for (qg_test_selection_is, &w, expected ? expected : "no selection");
}

static inline QgDocument *
qg_test_bundled (void)
{
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static inline gboolean
qg_test_window_ready (gpointer data)
{
  QgWindow *window = data;
  GtkWidget *view = GTK_WIDGET (qg_window_get_graph_view (window));

  return !qg_window_is_busy (window)
         && !qg_article_view_is_filling (qg_window_get_article_view (window))
         && qg_graph_view_get_layout (QG_GRAPH_VIEW (view)) != NULL
         && gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 0;
}

static inline gboolean
qg_test_not_busy (gpointer data)
{
  return !qg_window_is_busy (data);
}

/* A window on @file (NULL: the bundled map), @width × @height (0: the
 * default size), laid out and shown. */
static inline QgWindow *
qg_test_open_window_sized (const char *layout,
                           const char *select,
                           GFile      *file,
                           int         width,
                           int         height)
{
  QgWindow *window = qg_window_new (GTK_APPLICATION (qg_test_app), layout, select);
  g_autoptr(GFile) bundled_file = qg_bundled_document ();
  g_autofree char *name = g_file_get_basename (file ? file : bundled_file);

  /* No key left held by a test before, and the pointer away: left over a
   * button, it would raise a tooltip, which takes the next Escape. */
  qg_test_run ((const char *[]) { "xdotool", "keyup", "Control_L", "Shift_L", "Alt_L",
                                  "Control_R", "Shift_R", "mousemove", "1900", "1180", NULL });
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  qg_window_open (window, file ? file : bundled_file, name);
  gtk_window_present (GTK_WINDOW (window));
  qg_test_wait_for (qg_test_window_ready, window, "the map to be laid out and shown");
  qg_graph_view_finish_animations (qg_window_get_graph_view (window));
  qg_test_wait_frames (GTK_WIDGET (window));
  return window;
}

static inline QgWindow *
qg_test_open_window (const char *layout,
                     const char *select,
                     GFile      *file)
{
  return qg_test_open_window_sized (layout, select, file, 1100, 760);
}

static inline gboolean
qg_test_is_of_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static inline gboolean
qg_test_is_shown_of_type (GtkWidget     *widget,
                          gconstpointer  type)
{
  return qg_test_is_of_type (widget, type) && gtk_widget_get_mapped (widget);
}

/* The one toplevel of @type shown, waited for. */
typedef struct
{
  GType      type;
  GtkWindow *found;
} QgTestToplevelWait;

static inline gboolean
qg_test_toplevel_shown (gpointer data)
{
  QgTestToplevelWait *wait = data;
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  wait->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, wait->type) && gtk_widget_get_mapped (item))
        wait->found = GTK_WINDOW (item);
    }
  return wait->found != NULL;
}

static inline GtkWindow *
qg_test_wait_for_toplevel (GType       type,
                           const char *what)
{
  QgTestToplevelWait wait = { type, NULL };

  qg_test_wait_for (qg_test_toplevel_shown, &wait, what);
  qg_test_wait_frames (GTK_WIDGET (wait.found));
  return wait.found;
}

static inline gboolean
qg_test_toplevel_gone (gpointer data)
{
  return !qg_test_toplevel_shown (data);
}

static inline void
qg_test_wait_for_no_toplevel (GType       type,
                              const char *what)
{
  QgTestToplevelWait wait = { type, NULL };

  qg_test_wait_for (qg_test_toplevel_gone, &wait, what);
}

typedef struct
{
  QgWindow   *window;
  QgDocument *before;
} QgTestEditWait;

static inline gboolean
qg_test_edit_shown (gpointer data)
{
  QgTestEditWait *wait = data;

  return qg_window_get_document (wait->window) != wait->before
         && qg_test_window_ready (wait->window);
}

/* Holds the document on screen, for qg_test_wait_for_edit_from(). */
static inline QgDocument *
qg_test_hold (QgWindow *window)
{
  return g_object_ref (qg_window_get_document (window));
}

/* The edit asked for by what was just done, on screen: another document
 * than @before (a reference, which this drops). */
static inline void
qg_test_wait_for_edit_from (QgWindow   *window,
                            QgDocument *before)
{
  QgTestEditWait wait = { window, before };

  qg_test_wait_for (qg_test_edit_shown, &wait, "the edited map to be shown");
  qg_graph_view_finish_animations (qg_window_get_graph_view (window));
  qg_test_wait_frames (GTK_WIDGET (window));
  g_object_unref (before);
}

/* The title of a map with unsaved changes. */
static inline gboolean
qg_test_title_marked (QgWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

/* The window other than @than, shown with its map. */
typedef struct
{
  QgWindow *than;
  QgWindow *found;
} QgTestOtherWait;

static inline gboolean
qg_test_other_window_ready (gpointer data)
{
  QgTestOtherWait *wait = data;
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  wait->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (QG_IS_WINDOW (item) && (QgWindow *) item != wait->than
          && qg_window_get_document (QG_WINDOW (item)) != NULL)
        wait->found = QG_WINDOW (item);
    }
  return wait->found != NULL && qg_test_window_ready (wait->found);
}

/* A map saved through GTK's Save dialog: written at @path, the dialog
 * gone and the title no longer marked. */
typedef struct
{
  QgWindow   *window;
  const char *path;
} QgTestSavedWait;

static inline gboolean
qg_test_saved_and_closed (gpointer data)
{
  QgTestSavedWait *wait = data;

  return !qg_window_is_busy (wait->window) && g_file_test (wait->path, G_FILE_TEST_EXISTS)
         && qg_test_find_file_chooser () == NULL && !qg_test_title_marked (wait->window);
}

static inline gboolean
qg_test_is_error_list (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "error-list");
}

/* The one list of errors under @root, or NULL. */
static inline GtkWidget *
qg_test_error_list (GtkWidget *root)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  qg_test_collect_if (root, qg_test_is_error_list, NULL, lists);
  g_assert_cmpuint (lists->len, <=, 1);
  return lists->len ? g_ptr_array_index (lists, 0) : NULL;
}

static inline gboolean
qg_test_is_error (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "problem");
}

/* The errors listed under @root, one a line, or NULL if it lists none. */
static inline char *
qg_test_listed_errors (GtkWidget *root)
{
  GtkWidget *list = qg_test_error_list (root);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) errors = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (list == NULL)
    return NULL;
  qg_test_collect_if (list, qg_test_is_error, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_strv_builder_add (errors, gtk_label_get_label (g_ptr_array_index (labels, i)));
  lines = g_strv_builder_end (errors);
  return g_strjoinv ("\n", lines);
}

/* The one message dialog open, its body and the errors it lists (NULL
 * for none) taken, and the dialog closed. */
static inline char *
qg_test_take_dialog_and_errors (char **errors)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  char *body = NULL;

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        {
          g_assert_null (body);
          body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (item)));
          if (errors != NULL)
            *errors = qg_test_listed_errors (GTK_WIDGET (item));
          gtk_window_destroy (GTK_WINDOW (item));
          break;
        }
    }
  return body;
}

/* The one message dialog open, its body taken and the dialog closed. */
static inline char *
qg_test_take_message_dialog (void)
{
  return qg_test_take_dialog_and_errors (NULL);
}

/* Sets up GTK for the tests, or says why they cannot run; returns FALSE
 * to skip them all. */
static inline gboolean
qg_test_init_ui (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* build-aux/test.sh runs this under Xvfb; without a display, it says so. */
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP needs an X display: run it under xvfb-run, as build-aux/test.sh "
               "does\n");
      return FALSE;
    }
  gdk_set_allowed_backends ("x11");
  gtk_test_init (argc, argv, NULL);

  /* Quotegraph's own application, which windows open files through,
   * with its resource path, which loads its style. */
  g_assert_nonnull (qg_ui_get_resource ());
  qg_test_app = g_object_new (QG_TYPE_APPLICATION,
                              "application-id", "io.github.quotegraph.Quotegraph.Tests",
                              "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                              "resource-base-path", "/io/github/quotegraph/Quotegraph",
                              NULL);
  g_application_register (G_APPLICATION (qg_test_app), NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* A layout worker that never ends (tests/data/workers/slow.sh), in the
 * place of the real one, with the cache off so that it is asked. */

typedef struct
{
  char *dir;
  char *started;  /* where it writes its process id */
  char *saved;    /* $QUOTEGRAPH_LAYOUT_WORKER before, or NULL */
  int   pid;      /* once qg_test_slow_worker_wait has seen it start */
} QgTestSlowWorker;

static inline void
qg_test_slow_worker_begin (QgTestSlowWorker *worker)
{
  g_autofree char *slow = g_test_build_filename (G_TEST_DIST, "data", "workers", "slow.sh", NULL);

  worker->dir = g_dir_make_tmp ("qg-slow-XXXXXX", NULL);
  worker->started = g_build_filename (worker->dir, "started", NULL);
  worker->saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  worker->pid = 0;
  qg_layout_cache_set_enabled (FALSE);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", slow, TRUE);
  g_setenv ("QG_TEST_STARTED", worker->started, TRUE);
}

static inline gboolean
qg_test_file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Until it has started: its process id, running. */
static inline int
qg_test_slow_worker_wait (QgTestSlowWorker *worker)
{
  g_autofree char *pid_text = NULL;

  qg_test_wait_for (qg_test_file_exists, worker->started, "the layout worker");
  g_assert_true (g_file_get_contents (worker->started, &pid_text, NULL, NULL));
  worker->pid = atoi (pid_text);
  g_assert_cmpint (worker->pid, >, 0);
  g_assert_false (qg_test_process_ended (worker->pid));
  return worker->pid;
}

static inline gboolean
qg_test_slow_worker_ended (gpointer worker)
{
  return qg_test_process_ended (((QgTestSlowWorker *) worker)->pid);
}

/* The real worker back, and the cache. */
static inline void
qg_test_slow_worker_end (QgTestSlowWorker *worker)
{
  if (worker->saved != NULL)
    g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", worker->saved, TRUE);
  else
    g_unsetenv ("QUOTEGRAPH_LAYOUT_WORKER");
  g_unsetenv ("QG_TEST_STARTED");
  qg_layout_cache_set_enabled (TRUE);
  g_unlink (worker->started);
  g_rmdir (worker->dir);
  g_free (worker->dir);
  g_free (worker->started);
  g_free (worker->saved);
}
