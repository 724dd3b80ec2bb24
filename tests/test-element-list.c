/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map as a list, used with the keyboard alone: found by typing,
 * chosen with Enter, and following the map's selection. */
#include "config.h"

#include "qg-element-list.h"
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

int
main (int   argc,
      char *argv[])
{
  if (!qg_test_init_ui (&argc, &argv))
    return 0;
  g_test_add_func ("/quotegraph/element-list/by-keys", test_list_by_keys);
  return g_test_run ();
}
