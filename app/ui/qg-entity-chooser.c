/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-entity-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-entity-chooser.h"
#include "qg-kinds.h"

struct _QgEntityChooser
{
  GtkPopover          parent_instance;

  QgDocument         *document;
  char               *excluded;
  char               *search;     /* casefolded, or NULL */

  GtkLabel           *heading;
  GtkSearchEntry     *entry;
  GtkButton          *none_button;
  GtkListView        *list;
  GtkStringList      *ids;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (QgEntityChooser, qg_entity_chooser, GTK_TYPE_POPOVER)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
qg_entity_chooser_new (void)
{
  return g_object_new (QG_TYPE_ENTITY_CHOOSER, NULL);
}

static const QgEntity *
entity_of_item (QgEntityChooser *self,
                gpointer         item)
{
  gint index = qg_document_find_entity (self->document, gtk_string_object_get_string (item));

  return index >= 0 ? qg_document_get_entity (self->document, index) : NULL;
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  QgEntityChooser *self = user_data;
  const QgEntity *entity = entity_of_item (self, item);

  if (entity == NULL || g_strcmp0 (entity->id, self->excluded) == 0)
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  if (contains_casefolded (entity->name, self->search))
    return TRUE;
  for (guint i = 0; entity->aliases[i] != NULL; i++)
    if (contains_casefolded (entity->aliases[i], self->search))
      return TRUE;
  return FALSE;
}

static void
refilter (QgEntityChooser *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
search_changed (QgEntityChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  refilter (self);
}

/* Whether the list shows the matches of @text already. */
static gboolean
searched_for (QgEntityChooser *self,
              const char      *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;

  return g_strcmp0 (folded, self->search) == 0;
}

static void
choose (QgEntityChooser *self,
        const char      *id)
{
  g_autofree char *chosen = g_strdup (id);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, chosen);
}

static void
choose_position (QgEntityChooser *self,
                 guint            position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                          position);

  if (item != NULL)
    choose (self, gtk_string_object_get_string (item));
}

/* Enter in the search chooses the entity selected in the list: the first
 * match, or one the arrow keys moved to. */
static void
search_activate (QgEntityChooser *self)
{
  guint position;

  /* Enter straight after typing comes before the search entry's delay
   * is over: what was typed is what counts. */
  if (!searched_for (self, gtk_editable_get_text (GTK_EDITABLE (self->entry))))
    search_changed (self);
  position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    choose_position (self, position);
}

static void
list_activate (QgEntityChooser *self,
               guint            position)
{
  choose_position (self, position);
}

static void
none_clicked (QgEntityChooser *self)
{
  choose (self, NULL);
}

/* Up and Down move through the matches while the typing stays in the
 * search entry. */
static gboolean
entry_key_pressed (QgEntityChooser       *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n == 0 || (keyval != GDK_KEY_Down && keyval != GDK_KEY_Up))
    return GDK_EVENT_PROPAGATE;
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (keyval == GDK_KEY_Down && position + 1 < n)
    position++;
  else if (keyval == GDK_KEY_Up && position > 0)
    position--;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
  return GDK_EVENT_STOP;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  /* As wide as 36 characters where there is room, whatever the rows in
   * view: the choice keeps its width as a search narrows it. */
  gtk_label_set_width_chars (GTK_LABEL (name), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          QgEntityChooser          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *kind = gtk_widget_get_next_sibling (name);
  const QgEntity *entity = entity_of_item (self, gtk_list_item_get_item (item));
  g_autofree char *kind_name = NULL;

  if (entity == NULL)
    return;
  kind_name = qg_kind_display_name (entity->kind);
  gtk_label_set_text (GTK_LABEL (name), entity->name);
  gtk_label_set_text (GTK_LABEL (kind), kind_name);
}

void
qg_entity_chooser_set_document (QgEntityChooser *self,
                                QgDocument      *document)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint n_old;

  g_return_if_fail (QG_IS_ENTITY_CHOOSER (self));
  g_return_if_fail (document == NULL || QG_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  for (guint i = 0; document != NULL && i < qg_document_get_n_entities (document); i++)
    g_strv_builder_add (builder, qg_document_get_entity (document, i)->id);
  ids = g_strv_builder_end (builder);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->ids));
  gtk_string_list_splice (self->ids, 0, n_old, (const char * const *) ids);
  refilter (self);
}

void
qg_entity_chooser_set_heading (QgEntityChooser *self,
                               const char      *heading)
{
  g_return_if_fail (QG_IS_ENTITY_CHOOSER (self));

  gtk_label_set_text (self->heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading), heading != NULL);
}

void
qg_entity_chooser_set_none_label (QgEntityChooser *self,
                                  const char      *label)
{
  g_return_if_fail (QG_IS_ENTITY_CHOOSER (self));

  gtk_button_set_label (self->none_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->none_button), label != NULL);
}

void
qg_entity_chooser_set_excluded (QgEntityChooser *self,
                                const char      *id)
{
  g_return_if_fail (QG_IS_ENTITY_CHOOSER (self));

  g_free (self->excluded);
  self->excluded = g_strdup (id);
  refilter (self);
}

void
qg_entity_chooser_reset (QgEntityChooser *self)
{
  g_return_if_fail (QG_IS_ENTITY_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
qg_entity_chooser_show (GtkWidget *widget)
{
  QgEntityChooser *self = QG_ENTITY_CHOOSER (widget);

  GTK_WIDGET_CLASS (qg_entity_chooser_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
qg_entity_chooser_dispose (GObject *object)
{
  QgEntityChooser *self = QG_ENTITY_CHOOSER (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (qg_entity_chooser_parent_class)->dispose (object);
}

static void
qg_entity_chooser_finalize (GObject *object)
{
  QgEntityChooser *self = QG_ENTITY_CHOOSER (object);

  g_free (self->excluded);
  g_free (self->search);
  G_OBJECT_CLASS (qg_entity_chooser_parent_class)->finalize (object);
}

static void
qg_entity_chooser_class_init (QgEntityChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_entity_chooser_dispose;
  object_class->finalize = qg_entity_chooser_finalize;
  widget_class->show = qg_entity_chooser_show;

  /* The entity's id, or NULL for none. */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
qg_entity_chooser_init (QgEntityChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->heading), FALSE);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Find an entity"), NULL);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (search_activate), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  self->none_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->none_button), "flat");
  gtk_widget_set_visible (GTK_WIDGET (self->none_button), FALSE);
  g_signal_connect_swapped (self->none_button, "clicked", G_CALLBACK (none_clicked), self);

  self->ids = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->ids),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (list_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entities"), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  /* The rows' natural width, their names whole: at its least width, the
   * list cut "Department of Homeland Security" short. The least stays
   * small, for a narrow window. (min-content-width does nothing without
   * a horizontal scrollbar.) */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->none_button));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "entity-chooser");
}
