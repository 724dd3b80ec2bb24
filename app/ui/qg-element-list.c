/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-element-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-element-list.h"
#include "qg-filter.h"
#include "qg-kinds.h"

/* The rows of a document, made when the list asks for them: a list of
 * 30,000 entities and relations needs only the few dozen on screen (and
 * all of them only while a search runs). */
#define QG_TYPE_ELEMENT_MODEL (qg_element_model_get_type ())
G_DECLARE_FINAL_TYPE (QgElementModel, qg_element_model, QG, ELEMENT_MODEL, GObject)

struct _QgElementModel
{
  GObject     parent_instance;

  QgDocument *document;
  GPtrArray  *items;   /* GtkStringObject or NULL, in the order of the rows */
};

static GType
qg_element_model_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
qg_element_model_get_n_items (GListModel *model)
{
  return QG_ELEMENT_MODEL (model)->items->len;
}

static gpointer
qg_element_model_get_item (GListModel *model,
                           guint       position)
{
  QgElementModel *self = QG_ELEMENT_MODEL (model);
  guint n_entities;
  g_autofree char *text = NULL;
  const char *id;
  GtkStringObject *item;

  if (position >= self->items->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) != NULL)
    return g_object_ref (g_ptr_array_index (self->items, position));

  n_entities = qg_document_get_n_entities (self->document);
  if (position < n_entities)
    {
      const QgEntity *entity = qg_document_get_entity (self->document, position);
      g_autofree char *kind = qg_kind_display_name (entity->kind);

      /* Translators: an entity in the list of the map, "Kaspersky Lab, company". */
      text = g_strdup_printf (_("%s, %s"), entity->name, kind);
      id = entity->id;
    }
  else
    {
      text = qg_document_relation_sentence (self->document, position - n_entities);
      id = qg_document_get_relation (self->document, position - n_entities)->id;
    }
  item = gtk_string_object_new (text);
  g_object_set_data_full (G_OBJECT (item), "qg-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (item), "qg-row", GUINT_TO_POINTER (position));
  g_ptr_array_index (self->items, position) = item;
  return g_object_ref (item);
}

static void
qg_element_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = qg_element_model_get_item_type;
  iface->get_n_items = qg_element_model_get_n_items;
  iface->get_item = qg_element_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (QgElementModel, qg_element_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      qg_element_model_list_model_init))

static void
qg_element_model_finalize (GObject *object)
{
  QgElementModel *self = QG_ELEMENT_MODEL (object);

  g_ptr_array_unref (self->items);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (qg_element_model_parent_class)->finalize (object);
}

static void
qg_element_model_class_init (QgElementModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qg_element_model_finalize;
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
qg_element_model_init (QgElementModel *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

/* The rows of @document, or none. */
static void
qg_element_model_set_document (QgElementModel *self,
                               QgDocument     *document)
{
  guint removed = self->items->len;
  guint added = document != NULL ? qg_document_get_n_entities (document)
                                   + qg_document_get_n_relations (document)
                                 : 0;

  g_set_object (&self->document, document);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, added);
  /* In one change: each row announced alone made the filter, the
   * selection and the view catch up each time. */
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/* The row of the element @id in @self, or -1. */
static gint
qg_element_model_find (QgElementModel *self,
                       const char     *id)
{
  gint found;

  if (self->document == NULL || id == NULL)
    return -1;
  found = qg_document_find_entity (self->document, id);
  if (found >= 0)
    return found;
  found = qg_document_find_relation (self->document, id);
  return found >= 0 ? (gint) qg_document_get_n_entities (self->document) + found : -1;
}

struct _QgElementList
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *search;
  GtkWidget          *scroller;
  GtkWidget          *empty;      /* instead of the rows, when there are none */
  GtkImage           *empty_icon;
  GtkLabel           *empty_title;
  GtkLabel           *empty_description;
  GtkListView        *view;
  QgElementModel     *elements;
  GtkStringFilter    *filter;
  GtkSingleSelection *selection;
  gboolean            following;  /* the map's selection being shown */
  QgFilter           *map_filter;
  guint8             *hidden;     /* per row of the document: by the map's filters */
  guint               n_hidden;   /* the rows it holds flags for */
  GHashTable         *bound;      /* the GtkListItems showing a row now */
  /* While the list is hidden, a new document and its selection wait
   * (NULL once shown): the page is measured even while hidden, and its
   * rows with it. */
  QgDocument         *waiting;
  char               *waiting_selection;
};

G_DEFINE_FINAL_TYPE (QgElementList, qg_element_list, GTK_TYPE_WIDGET)

static const char *
id_of (gpointer item)
{
  return g_object_get_data (G_OBJECT (item), "qg-id");
}

static void show_selection (QgElementList *self,
                            const char    *id);
static void update_empty   (QgElementList *self);

static gboolean
row_hidden (QgElementList *self,
            gpointer       item)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "qg-row"));

  return row < self->n_hidden && self->hidden[row];
}

/* A row hidden on the map says so beneath its name. */
static void
show_row (QgElementList *self,
          GtkListItem   *item)
{
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  gboolean hidden = row_hidden (self, gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (name),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (name), hidden);
  if (hidden)
    gtk_widget_add_css_class (name, "dim-label");
  else
    gtk_widget_remove_css_class (name, "dim-label");
}

/* What the map's filters hide of @document's rows. */
static void
compute_hidden (QgElementList *self,
                QgDocument    *document)
{
  g_autofree guint8 *entities = NULL;
  g_autofree guint8 *relations = NULL;

  g_clear_pointer (&self->hidden, g_free);
  self->n_hidden = 0;
  if (document != NULL && self->map_filter != NULL
      && qg_filter_apply (self->map_filter, document, &entities, &relations))
    {
      guint n_entities = qg_document_get_n_entities (document);
      guint n_relations = qg_document_get_n_relations (document);

      self->n_hidden = n_entities + n_relations;
      self->hidden = g_new (guint8, self->n_hidden);
      memcpy (self->hidden, entities, n_entities);
      memcpy (self->hidden + n_entities, relations, n_relations);
    }
}

/* What the map's filters hide now, in the rows shown and to be shown. */
static void
update_hidden (QgElementList *self)
{
  GHashTableIter iter;
  gpointer item;

  compute_hidden (self, self->elements->document);
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    show_row (self, item);
}

static void
fill (QgElementList *self)
{
  g_autoptr(QgDocument) document = g_steal_pointer (&self->waiting);
  g_autofree char *selection = g_steal_pointer (&self->waiting_selection);

  /* The rows are bound as the model changes: the flags must be the new
   * document's by then. */
  compute_hidden (self, document);
  qg_element_model_set_document (self->elements, document);
  show_selection (self, selection);
  update_empty (self);
}

/* Rows of what @filter hides on the map are marked so. */
void
qg_element_list_set_filter (QgElementList *self,
                            QgFilter      *filter)
{
  g_return_if_fail (QG_IS_ELEMENT_LIST (self));
  g_return_if_fail (filter == NULL || QG_IS_FILTER (filter));

  if (self->map_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->map_filter, self);
  g_set_object (&self->map_filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (update_hidden), self);
  update_hidden (self);
}

void
qg_element_list_set_document (QgElementList *self,
                              QgDocument    *document)
{
  g_return_if_fail (QG_IS_ELEMENT_LIST (self));

  g_set_object (&self->waiting, document);
  g_clear_pointer (&self->waiting_selection, g_free);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || document == NULL)
    fill (self);
}

static void
show_selection (QgElementList *self,
                const char    *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  /* Unfiltered, the row is the element's place in the document; a search
   * shows few, looked through. */
  if (n == g_list_model_get_n_items (G_LIST_MODEL (self->elements)))
    {
      gint found = qg_element_model_find (self->elements, id);

      position = found >= 0 ? (guint) found : GTK_INVALID_LIST_POSITION;
    }
  else
    for (guint i = 0; id != NULL && i < n && position == GTK_INVALID_LIST_POSITION; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);

        if (g_strcmp0 (id_of (item), id) == 0)
          position = i;
      }

  self->following = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", position);
  self->following = FALSE;
}

void
qg_element_list_set_selection (QgElementList *self,
                               const char    *id)
{
  g_return_if_fail (QG_IS_ELEMENT_LIST (self));

  if (self->waiting != NULL)
    {
      g_free (self->waiting_selection);
      self->waiting_selection = g_strdup (id);
      return;
    }
  show_selection (self, id);
}

const char *
qg_element_list_get_selected (QgElementList *self)
{
  gpointer item;

  g_return_val_if_fail (QG_IS_ELEMENT_LIST (self), NULL);
  if (self->waiting != NULL)
    return self->waiting_selection;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? id_of (item) : NULL;
}

/* The rows the list shows, or would show once it is first shown. */
guint
qg_element_list_get_n_shown (QgElementList *self)
{
  g_return_val_if_fail (QG_IS_ELEMENT_LIST (self), 0);
  if (self->waiting != NULL)
    return qg_document_get_n_entities (self->waiting) + qg_document_get_n_relations (self->waiting);
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

/* No rows: none found, or none yet. */
static void
update_empty (QgElementList *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0
                  && self->waiting == NULL && self->elements->document != NULL;

  gtk_widget_set_visible (self->scroller, !none);
  gtk_widget_set_visible (self->empty, none);
  if (!none)
    return;
  if (*search != '\0')
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what was typed in the list's search. */
      description = g_strdup_printf (_("No entity or relation of the map reads “%s”."), search);
      gtk_image_set_from_icon_name (self->empty_icon, "edit-find-symbolic");
      gtk_label_set_label (self->empty_title, _("No Results Found"));
      gtk_label_set_label (self->empty_description, description);
    }
  else
    {
      gtk_image_set_from_icon_name (self->empty_icon, "view-list-symbolic");
      gtk_label_set_label (self->empty_title, _("Nothing on the Map Yet"));
      gtk_label_set_label (self->empty_description,
                           _("Select a name in the article to add an entity."));
    }
}

static void
search_changed_cb (QgElementList *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  update_empty (self);
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
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (_("Hidden on the map by the filters"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_visible (note, FALSE);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), note);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         QgElementList            *self)
{
  g_hash_table_add (self->bound, item);
  show_row (self, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           QgElementList            *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
qg_element_list_map (GtkWidget *widget)
{
  QgElementList *self = QG_ELEMENT_LIST (widget);

  GTK_WIDGET_CLASS (qg_element_list_parent_class)->map (widget);
  if (self->waiting != NULL)
    fill (self);
}

static void
qg_element_list_dispose (GObject *object)
{
  QgElementList *self = QG_ELEMENT_LIST (object);
  GtkWidget *child;

  g_clear_object (&self->waiting);
  g_clear_pointer (&self->waiting_selection, g_free);
  if (self->map_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->map_filter, self);
  g_clear_object (&self->map_filter);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (qg_element_list_parent_class)->dispose (object);
}

static void
qg_element_list_finalize (GObject *object)
{
  QgElementList *self = QG_ELEMENT_LIST (object);

  g_free (self->hidden);
  g_hash_table_unref (self->bound);
  G_OBJECT_CLASS (qg_element_list_parent_class)->finalize (object);
}

static void
qg_element_list_class_init (QgElementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_element_list_dispose;
  object_class->finalize = qg_element_list_finalize;
  widget_class->map = qg_element_list_map;
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
  self->elements = g_object_new (QG_TYPE_ELEMENT_MODEL, NULL);
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

  self->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
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
  self->scroller = scroller;

  /* As a status page would say it, at the size of a side panel. */
  self->empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (self->empty, TRUE);
  gtk_widget_set_valign (self->empty, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (self->empty, 24);
  gtk_widget_set_margin_end (self->empty, 24);
  gtk_widget_set_margin_bottom (self->empty, 24);
  gtk_widget_set_visible (self->empty, FALSE);
  self->empty_icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->empty_icon, 48);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_icon), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty_icon), 6);
  self->empty_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->empty_title, TRUE);
  gtk_label_set_justify (self->empty_title, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_title), "title-4");
  self->empty_description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->empty_description, TRUE);
  gtk_label_set_justify (self->empty_description, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_description), "dim-label");
  gtk_box_append (GTK_BOX (self->empty), GTK_WIDGET (self->empty_icon));
  gtk_box_append (GTK_BOX (self->empty), GTK_WIDGET (self->empty_title));
  gtk_box_append (GTK_BOX (self->empty), GTK_WIDGET (self->empty_description));
  gtk_widget_set_parent (self->empty, GTK_WIDGET (self));
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_empty), self);
}

GtkWidget *
qg_element_list_new (void)
{
  return g_object_new (QG_TYPE_ELEMENT_LIST, NULL);
}
