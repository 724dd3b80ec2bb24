/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map as a list, used with the keyboard alone: found by typing,
 * chosen with Enter, and following the map's selection; and what the
 * map's filters hide, said in the list and drawn faint when chosen. */
#include "config.h"

#include "qg-element-list.h"
#include "qg-entity-dialog.h"
#include "qg-ui-test.h"
#include "qg-window-private.h"

static gboolean
n_shown_is_three (gpointer data)
{
  return qg_element_list_get_n_shown (data) == 3;
}

static gboolean
best_buy_selected (gpointer data)
{
  return g_strcmp0 (qg_graph_view_get_selection (qg_window_get_graph_view (data)), "best-buy")
         == 0;
}

static gboolean
list_follows (gpointer data)
{
  QgWindow *window = data;
  const char *selected = qg_graph_view_get_selection (qg_window_get_graph_view (window));

  return selected != NULL && g_strcmp0 (selected, "best-buy") != 0
         && g_strcmp0 (qg_element_list_get_selected (window->element_list), selected) == 0;
}

static void
test_list_by_keys (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgElementList *list = window->element_list;
  GtkWidget *search;

  /* Every entity and relation of the map is a row. */
  g_assert_cmpuint (qg_element_list_get_n_shown (list), ==,
                    qg_document_get_n_entities (qg_window_get_document (window))
                    + qg_document_get_n_relations (qg_window_get_document (window)));
  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "List"));
  qg_test_wait_frames (GTK_WIDGET (list));
  search = gtk_widget_get_first_child (GTK_WIDGET (list));
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  qg_test_click_widget (search);
  qg_test_type (search, "best");
  qg_test_wait_for (n_shown_is_three, list, "Best Buy, its relation and Reuters'");
  qg_test_keys (search, "Return");
  qg_test_wait_for (best_buy_selected, window, "Best Buy on the map");
  g_assert_cmpstr (qg_element_list_get_selected (list), ==, "best-buy");

  /* The map moves the selection; the list follows. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  gtk_widget_grab_focus (GTK_WIDGET (qg_window_get_graph_view (window)));
  qg_test_keys (GTK_WIDGET (window), "Tab");
  qg_test_wait_for (list_follows, window, "the list to follow the map");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search that finds nothing says so, and so does a map with nothing on
 * it yet, in place of an empty list. */
static void
test_nothing_found (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "empty-map.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgElementList *list = window->element_list;
  GtkWidget *search;

  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "List"));
  qg_test_wait_frames (GTK_WIDGET (list));
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (list), "No Results Found"), ==, 0);
  search = gtk_widget_get_first_child (GTK_WIDGET (list));
  qg_test_click_widget (search);
  qg_test_type (search, "leads");
  qg_test_wait_for_shown_label (GTK_WIDGET (list), "No Results Found");
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (list),
                                                "No entity or relation of the map reads "
                                                "“leads”."), ==, 1);
  qg_test_keys (search, "ctrl+a");
  qg_test_keys (search, "BackSpace");
  qg_test_wait_for_shown_label (GTK_WIDGET (list), "Elaine Duke, Person");
  g_assert_cmpuint (qg_test_count_shown_labels (GTK_WIDGET (list), "No Results Found"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  window = qg_test_open_window (NULL, NULL, file);
  list = window->element_list;
  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "List"));
  qg_test_wait_for_shown_label (GTK_WIDGET (list), "Nothing on the Map Yet");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
duke_hidden (gpointer data)
{
  return qg_graph_view_is_hidden (qg_window_get_graph_view (data), "duke");
}

static gboolean
duke_hidden_not (gpointer data)
{
  return !duke_hidden (data);
}

/* The one shown label reading @text under @root. */
static GtkWidget *
shown_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (root, qg_test_is_shown_label, text, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  return g_ptr_array_index (labels, 0);
}

/* Of the pixels of the view's image in the box of @node on screen: how
 * many are not the background's, and the darkest's green. */
static guint
drawn_in (QgGraphView     *view,
          cairo_surface_t *image,
          const QgItem    *node,
          guint           *darkest)
{
  QgViewport *viewport = qg_graph_view_get_viewport (view);
  guint32 background = qg_test_pixel (image, 2, 2);
  double x0, y0, x1, y1;
  guint n = 0;

  qg_viewport_to_widget (viewport, node->x0, node->y0, &x0, &y0);
  qg_viewport_to_widget (viewport, node->x1, node->y1, &x1, &y1);
  *darkest = 255;
  for (int y = (int) y0; y < (int) y1; y++)
    for (int x = (int) x0; x < (int) x1; x++)
      {
        guint32 pixel = qg_test_pixel (image, x, y);

        n += pixel != background;
        *darkest = MIN (*darkest, (pixel >> 8) & 0xff);
      }
  return n;
}

static void
test_hidden_rows (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgElementList *list = window->element_list;
  const QgItem *duke = qg_layout_get_node (qg_graph_view_get_layout (view),
                                           qg_document_find_entity (qg_window_get_document (window),
                                                                    "duke"));
  GtkWidget *person = qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON,
                                             "Person");
  GtkWidget *row, *company;
  cairo_surface_t *image;
  guint ghost_pixels, ghost_darkest, pixels, darkest;

  /* People hidden by the legend are rows still, said to be hidden. */
  qg_test_click_widget (person);
  qg_test_wait_for (duke_hidden, window, "people hidden");
  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "List"));
  qg_test_wait_frames (GTK_WIDGET (list));
  row = shown_label (GTK_WIDGET (list), "Elaine Duke, Person");
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_next_sibling (row)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (row))), ==,
                   "Hidden on the map by the filters");
  g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
  company = shown_label (GTK_WIDGET (list), "Kaspersky Lab, Company");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (company)));
  g_assert_false (gtk_widget_has_css_class (company, "dim-label"));

  /* Chosen, the hidden one is drawn where it is, faint. */
  qg_test_click_widget (row);
  qg_test_wait_for_selection (view, "duke");
  qg_graph_view_finish_animations (view);
  qg_test_wait_frames (GTK_WIDGET (view));
  image = qg_test_render (GTK_WIDGET (view));
  ghost_pixels = drawn_in (view, image, duke, &ghost_darkest);
  cairo_surface_destroy (image);
  g_assert_cmpuint (ghost_pixels, >, (duke->x1 - duke->x0) * (duke->y1 - duke->y0)
                                       * qg_viewport_get_zoom (qg_graph_view_get_viewport (view))
                                       * qg_viewport_get_zoom (qg_graph_view_get_viewport (view))
                                       / 4);

  /* Shown again by the legend, the row is as the others, and the node
   * darker than its ghost. */
  qg_test_click_widget (person);
  qg_test_wait_for (duke_hidden_not, window, "people shown");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (row)));
  g_assert_false (gtk_widget_has_css_class (row, "dim-label"));
  qg_test_wait_frames (GTK_WIDGET (view));
  image = qg_test_render (GTK_WIDGET (view));
  pixels = drawn_in (view, image, duke, &darkest);
  cairo_surface_destroy (image);
  g_assert_cmpuint (pixels, >=, ghost_pixels / 2);
  g_assert_cmpuint (darkest + 40, <, ghost_darkest);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_selected (gpointer data)
{
  QgWindow *window = data;

  return g_strcmp0 (qg_graph_view_get_selection (qg_window_get_graph_view (window)),
                    "duke-leads-dhs") == 0;
}

/* A relation the filters hide, chosen in the list, is drawn faint with its
 * label and its ends named; and an edit while rows of the end of the list
 * are shown marks them from the new map's filters, not the old's. */
static void
test_hidden_relation_and_an_edit (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgElementList *list = window->element_list;
  QgDocument *held;
  GtkWidget *search, *row;
  GtkWindow *dialog;

  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON,
                                               "Person"));
  qg_test_wait_for (duke_hidden, window, "people hidden");
  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "List"));
  qg_test_wait_frames (GTK_WIDGET (list));
  search = gtk_widget_get_first_child (GTK_WIDGET (list));
  qg_test_click_widget (search);
  qg_test_type (search, "acting secretary");
  qg_test_wait_for_shown_label (GTK_WIDGET (list),
                                "Elaine Duke is Acting Secretary of Department of Homeland "
                                "Security");
  row = shown_label (GTK_WIDGET (list),
                     "Elaine Duke is Acting Secretary of Department of Homeland Security");
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_next_sibling (row)));
  qg_test_click_widget (row);
  qg_test_wait_for (is_selected, window, "the hidden relation selected");
  qg_graph_view_finish_animations (view);
  qg_test_wait_frames (GTK_WIDGET (view));
  g_assert_cmpfloat (qg_graph_view_get_label_pixels (view, "duke-leads-dhs"), >, 0);
  g_assert_cmpfloat (qg_graph_view_get_label_pixels (view, "duke"), >, 0);
  g_assert_cmpfloat (qg_graph_view_get_label_pixels (view, "dhs"), >, 0);

  /* The last relation's row shown, an entity added: every row moves one
   * down, the last past the old map's rows. */
  qg_test_click_widget (search);
  qg_test_keys (search, "ctrl+a");
  qg_test_type (search, "interfered");
  qg_test_wait_for_shown_label (GTK_WIDGET (list),
                                "Russia interfered in 2016 U.S. presidential election");
  held = qg_test_hold (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entity", "s", "");
  dialog = qg_test_wait_for_toplevel (QG_TYPE_ENTITY_DIALOG, "the entity dialog");
  qg_test_type (GTK_WIDGET (dialog), "Mary Ellen Callahan");
  qg_test_keys (GTK_WIDGET (dialog), "Return");
  qg_test_wait_for_no_toplevel (QG_TYPE_ENTITY_DIALOG, "the dialog to close");
  qg_test_wait_for_edit_from (window, held);
  qg_test_wait_frames (GTK_WIDGET (list));
  row = shown_label (GTK_WIDGET (list), "Russia interfered in 2016 U.S. presidential election");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (row)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!qg_test_init_ui (&argc, &argv))
    return 0;
  g_test_add_func ("/quotegraph/element-list/by-keys", test_list_by_keys);
  g_test_add_func ("/quotegraph/element-list/hidden-rows", test_hidden_rows);
  g_test_add_func ("/quotegraph/element-list/hidden-relation-and-an-edit",
                   test_hidden_relation_and_an_edit);
  g_test_add_func ("/quotegraph/element-list/nothing-found", test_nothing_found);
  return g_test_run ();
}
