/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-search-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-search-bar.h"

struct _QgSearchBar
{
  GtkWidget       parent_instance;

  QgDocument     *document;
  QgSources      *sources;
  GPtrArray      *matches;    /* ids, in the map's order: entities, then relations */
  int             match;      /* the one last gone to, or -1 */
  guint8         *entities;   /* flags, or NULL without a search */
  guint8         *relations;

  GtkSearchBar   *search_bar;
  GtkSearchEntry *entry;
  GtkLabel       *count;
};

G_DEFINE_FINAL_TYPE (QgSearchBar, qg_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE_ENABLED,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static void
show_count (QgSearchBar *self)
{
  g_autofree char *text = NULL;

  if (self->entities == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else if (self->match >= 0)
    /* Translators: the search's place among its matches: "2 of 5" */
    text = g_strdup_printf (_("%d of %u"), self->match + 1, self->matches->len);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches",
                                         self->matches->len), self->matches->len);
  gtk_label_set_label (self->count, text);
}

/* Entities by name or alias, relations by label, and for quotes, what
 * they back and who says them; in the order of the map, entities first. */
static void
search_changed_cb (QgSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  QgDocument *doc = self->document;
  guint n_entities, n_relations;

  g_ptr_array_set_size (self->matches, 0);
  self->match = -1;
  g_clear_pointer (&self->entities, g_free);
  g_clear_pointer (&self->relations, g_free);

  if (doc != NULL && needle[0] != '\0')
    {
      n_entities = qg_document_get_n_entities (doc);
      n_relations = qg_document_get_n_relations (doc);
      self->entities = g_new0 (guint8, MAX (n_entities, 1));
      self->relations = g_new0 (guint8, MAX (n_relations, 1));

      for (guint e = 0; e < n_entities; e++)
        {
          const QgEntity *entity = qg_document_get_entity (doc, e);
          gboolean hit = contains_folded (entity->name, needle);

          for (guint a = 0; !hit && entity->aliases[a]; a++)
            hit = contains_folded (entity->aliases[a], needle);
          self->entities[e] = hit;
        }
      for (guint r = 0; r < n_relations; r++)
        self->relations[r] = contains_folded (qg_document_get_relation (doc, r)->label, needle);
      for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
        {
          const QgQuote *quote = qg_document_get_quote (doc, q);
          guint n;
          const guint *backed;

          if (!contains_folded (quote->text, needle))
            continue;
          backed = qg_sources_relations_of_quote (self->sources, q, &n);
          for (guint i = 0; i < n; i++)
            self->relations[backed[i]] = TRUE;
          if (quote->speaker >= 0)
            self->entities[quote->speaker] = TRUE;
        }
      for (guint e = 0; e < n_entities; e++)
        if (self->entities[e])
          g_ptr_array_add (self->matches, (gpointer) qg_document_get_entity (doc, e)->id);
      for (guint r = 0; r < n_relations; r++)
        if (self->relations[r])
          g_ptr_array_add (self->matches, (gpointer) qg_document_get_relation (doc, r)->id);
    }
  show_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

const char *
qg_search_bar_step (QgSearchBar *self,
                    int          step)
{
  int n;

  g_return_val_if_fail (QG_IS_SEARCH_BAR (self), NULL);

  n = (int) self->matches->len;
  if (n == 0)
    return NULL;
  if (self->match < 0)
    self->match = step > 0 ? 0 : n - 1;
  else
    self->match = ((self->match + step) % n + n) % n;
  show_count (self);
  return g_ptr_array_index (self->matches, self->match);
}

guint
qg_search_bar_get_n_matches (QgSearchBar *self)
{
  g_return_val_if_fail (QG_IS_SEARCH_BAR (self), 0);
  return self->matches->len;
}

void
qg_search_bar_get_matches (QgSearchBar   *self,
                           const guint8 **entities,
                           const guint8 **relations)
{
  g_return_if_fail (QG_IS_SEARCH_BAR (self));
  *entities = self->entities;
  *relations = self->relations;
}

void
qg_search_bar_set_document (QgSearchBar *self,
                            QgDocument  *document,
                            QgSources   *sources)
{
  g_return_if_fail (QG_IS_SEARCH_BAR (self));

  g_set_object (&self->document, document);
  g_clear_pointer (&self->sources, qg_sources_unref);
  self->sources = sources ? qg_sources_ref (sources) : NULL;
  search_changed_cb (self);
}

/* Type-to-search, after the widget's own keys: GtkSearchBar's capture
 * takes every printable key first, so that the map's "+", "-", "0" and "1"
 * would open the search instead of zooming. */
static gboolean
capture_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                QgSearchBar           *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_widget_is_sensitive (GTK_WIDGET (self))
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
      || c == 0 || !g_unichar_isgraph (c) || gtk_search_bar_get_search_mode (self->search_bar))
    return GDK_EVENT_PROPAGATE;
  if (!gtk_event_controller_key_forward (controller, GTK_WIDGET (self->entry)))
    return GDK_EVENT_PROPAGATE;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), -1, -1);
  return GDK_EVENT_STOP;
}

void
qg_search_bar_set_key_capture_widget (QgSearchBar *self,
                                      GtkWidget   *widget)
{
  GtkEventController *keys;

  g_return_if_fail (QG_IS_SEARCH_BAR (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (capture_key_cb), self, 0);
  gtk_widget_add_controller (widget, keys);
}

gboolean
qg_search_bar_get_search_mode (QgSearchBar *self)
{
  g_return_val_if_fail (QG_IS_SEARCH_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
qg_search_bar_start (QgSearchBar *self)
{
  g_return_if_fail (QG_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
search_mode_cb (QgSearchBar *self)
{
  /* Closed, it forgets: the map shows no matches. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

static void
activate_cb (QgSearchBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-next", NULL);
}

static void
previous_cb (QgSearchBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find-previous", NULL);
}

/* Shift+Enter goes back; Escape closes the search. Both are taken on the
 * way to the entry, which does not get them while the bar is still sliding
 * in. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                QgSearchBar           *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      previous_cb (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0
      && gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
qg_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QgSearchBar *self = QG_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QgSearchBar *self = QG_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_search_bar_dispose (GObject *object)
{
  QgSearchBar *self = QG_SEARCH_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_SEARCH_BAR);
  g_clear_object (&self->document);
  g_clear_pointer (&self->sources, qg_sources_unref);

  G_OBJECT_CLASS (qg_search_bar_parent_class)->dispose (object);
}

static void
qg_search_bar_finalize (GObject *object)
{
  QgSearchBar *self = QG_SEARCH_BAR (object);

  g_ptr_array_unref (self->matches);
  g_free (self->entities);
  g_free (self->relations);

  G_OBJECT_CLASS (qg_search_bar_parent_class)->finalize (object);
}

static void
qg_search_bar_class_init (QgSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = qg_search_bar_get_property;
  object_class->set_property = qg_search_bar_set_property;
  object_class->dispose = qg_search_bar_dispose;
  object_class->finalize = qg_search_bar_finalize;

  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, QgSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, QgSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, QgSearchBar, count);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* GtkSearchBar's own close button has an icon and no name for screen
 * readers (GTK 4.8): it is given one. */
static void
name_close_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL
          && gtk_widget_get_tooltip_text (child) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Close the Search"), -1);
      else if (!GTK_IS_BUTTON (child))
        name_close_button (child);
    }
}

static void
qg_search_bar_init (QgSearchBar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  name_close_button (GTK_WIDGET (self->search_bar));
  self->matches = g_ptr_array_new ();
  self->match = -1;
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
