/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-element-list"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-element-list.h"
#include "qg-kinds.h"

struct _QgElementList
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *search;
  GtkListView        *view;
  GListStore         *elements;   /* GtkStringObject, its id in "qg-id" */
  GtkStringFilter    *filter;
  GtkSingleSelection *selection;
  gboolean            following;  /* the map's selection being shown */
};

G_DEFINE_FINAL_TYPE (QgElementList, qg_element_list, GTK_TYPE_WIDGET)

static const char *
id_of (gpointer item)
{
  return g_object_get_data (G_OBJECT (item), "qg-id");
}

static void
add_element (GPtrArray  *items,
             const char *id,
             const char *text)
{
  GtkStringObject *item = gtk_string_object_new (text);

  g_object_set_data_full (G_OBJECT (item), "qg-id", g_strdup (id), g_free);
  g_ptr_array_add (items, item);
}

void
qg_element_list_set_document (QgElementList *self,
                              QgDocument    *document)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (QG_IS_ELEMENT_LIST (self));

  if (document == NULL)
    {
      g_list_store_remove_all (self->elements);
      return;
    }
  for (guint i = 0; i < qg_document_get_n_entities (document); i++)
    {
      const QgEntity *entity = qg_document_get_entity (document, i);
      g_autofree char *kind = qg_kind_display_name (entity->kind);
      /* Translators: an entity in the list of the map, "Kaspersky Lab, company". */
      g_autofree char *text = g_strdup_printf (_("%s, %s"), entity->name, kind);

      add_element (items, entity->id, text);
    }
  for (guint i = 0; i < qg_document_get_n_relations (document); i++)
    {
      g_autofree char *text = qg_document_relation_sentence (document, i);

      add_element (items, qg_document_get_relation (document, i)->id, text);
    }
  /* In one change: appended one by one, each item made the filter, the
   * selection and the view catch up (a fifth of a second's stall of the
   * window for 3,000 elements). */
  g_list_store_splice (self->elements, 0, g_list_model_get_n_items (G_LIST_MODEL (self->elements)),
                       items->pdata, items->len);
}

void
qg_element_list_set_selection (QgElementList *self,
                               const char    *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  g_return_if_fail (QG_IS_ELEMENT_LIST (self));

  self->following = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (id_of (item), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", i);
          break;
        }
    }
  self->following = FALSE;
}

const char *
qg_element_list_get_selected (QgElementList *self)
{
  gpointer item;

  g_return_val_if_fail (QG_IS_ELEMENT_LIST (self), NULL);
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? id_of (item) : NULL;
}

guint
qg_element_list_get_n_shown (QgElementList *self)
{
  g_return_val_if_fail (QG_IS_ELEMENT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

static void
activate_cb (GtkListView   *view,
             guint          position,
             QgElementList *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "s", id_of (item));
}

static void
search_changed_cb (QgElementList *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

/* Down from the search goes into the list; Enter there shows the first. */
static void
search_activate_cb (QgElementList *self)
{
  if (qg_element_list_get_n_shown (self) > 0)
    activate_cb (self->view, 0, self);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *element = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (element));
}

static void
qg_element_list_dispose (GObject *object)
{
  QgElementList *self = QG_ELEMENT_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (qg_element_list_parent_class)->dispose (object);
}

static void
qg_element_list_class_init (QgElementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_element_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
qg_element_list_init (QgElementList *self)
{
  GtkExpression *text = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkWidget *scroller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->elements = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->filter = gtk_string_filter_new (text);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->elements), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->search), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in the list of the map"), -1);
  g_object_set (self->search, "placeholder-text", _("Find an entity or a relation"), NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->search), GTK_WIDGET (self));
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                 factory));
  gtk_list_view_set_single_click_activate (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entities and relations of the map"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (activate_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search, GTK_WIDGET (self->view));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
qg_element_list_new (void)
{
  return g_object_new (QG_TYPE_ELEMENT_LIST, NULL);
}
