/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-source-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-action-button.h"
#include "qg-entity-chooser.h"
#include "qg-kinds.h"
#include "qg-source-panel.h"

struct _QgSourcePanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  QgDocument *document;
  QgSources  *sources;
};

G_DEFINE_FINAL_TYPE (QgSourcePanel, qg_source_panel, GTK_TYPE_WIDGET)

GtkWidget *
qg_source_panel_new (void)
{
  return g_object_new (QG_TYPE_SOURCE_PANEL, NULL);
}

static GtkWidget *
add_label (QgSourcePanel *self,
           const char    *text,
           const char    *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Everything a person may want to quote is selectable and copyable. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->box), label);
  return label;
}

static void
add_heading (QgSourcePanel *self,
             const char    *text)
{
  GtkWidget *label = add_label (self, text, "heading");

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 12);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

static GtkWidget *
action_button_with_target (const char *label,
                           const char *action,
                           GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *id)
{
  return action_button_with_target (label, action, g_variant_new_string (id));
}

/* An entity chooser behind a button, made when it is first opened: it
 * activates @action with (@id, the entity chosen). */
typedef struct
{
  QgSourcePanel *self;
  char          *id;
  char          *action;
  const char    *heading;
  gboolean       exclude_self;
} ChooserSetup;

static void
chooser_setup_free (gpointer data)
{
  ChooserSetup *setup = data;

  g_free (setup->id);
  g_free (setup->action);
  g_free (setup);
}

static void
chosen_cb (QgEntityChooser *chooser,
           const char      *entity,
           ChooserSetup    *setup)
{
  gtk_widget_activate_action (GTK_WIDGET (setup->self), setup->action, "(ss)", setup->id,
                              entity != NULL ? entity : "");
}

static void
create_chooser (GtkMenuButton *button,
                gpointer       user_data)
{
  ChooserSetup *setup = user_data;
  GtkWidget *chooser = GTK_WIDGET (gtk_menu_button_get_popover (button));

  if (chooser == NULL)
    {
      chooser = qg_entity_chooser_new ();
      qg_entity_chooser_set_heading (QG_ENTITY_CHOOSER (chooser), setup->heading);
      if (setup->exclude_self)
        qg_entity_chooser_set_excluded (QG_ENTITY_CHOOSER (chooser), setup->id);
      g_signal_connect (chooser, "chosen", G_CALLBACK (chosen_cb), setup);
      gtk_menu_button_set_popover (button, chooser);
    }
  qg_entity_chooser_set_document (QG_ENTITY_CHOOSER (chooser), setup->self->document);
  qg_entity_chooser_reset (QG_ENTITY_CHOOSER (chooser));
}

static GtkWidget *
chooser_button (QgSourcePanel *self,
                const char    *label,
                const char    *heading,
                const char    *action,
                const char    *id,
                gboolean       exclude_self)
{
  GtkWidget *button = gtk_menu_button_new ();
  ChooserSetup *setup = g_new0 (ChooserSetup, 1);

  setup->self = self;
  setup->id = g_strdup (id);
  setup->action = g_strdup (action);
  setup->heading = heading;
  setup->exclude_self = exclude_self;
  /* A child of its own, without the arrow: it reads as the other buttons
   * of its row. */
  {
    GtkWidget *words = gtk_label_new_with_mnemonic (label);

    gtk_menu_button_set_child (GTK_MENU_BUTTON (button), words);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    words, NULL, -1);
  }
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_chooser, setup,
                                         chooser_setup_free);
  return button;
}

static GtkWidget *
add_button_row (QgSourcePanel *self)
{
  GtkWidget *row = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (row), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (row), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (row), 0);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (row), 4);
  gtk_widget_add_css_class (row, "edit-buttons");
  gtk_box_append (GTK_BOX (self->box), row);
  return row;
}

static void
append_to_row (GtkWidget *row,
               GtkWidget *button)
{
  gtk_flow_box_append (GTK_FLOW_BOX (row), button);
  /* The flow box's children take no focus of their own: the buttons do. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

static GtkWidget *
draft_tag (void)
{
  GtkWidget *tag = gtk_label_new (_("Draft"));

  gtk_widget_add_css_class (tag, "draft-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (tag, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (tag, _("Drafted, not yet checked: accept it if the article bears "
                                      "it out"));
  return tag;
}

/* A drafted entity or relation says so, and offers what its review
 * would: Accept and Reject (win.accept-drafts, win.reject-drafts). */
static void
add_draft_row (QgSourcePanel *self,
               const char    *id)
{
  const char * const ids[] = { id, NULL };
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (row), draft_tag ());
  gtk_box_append (GTK_BOX (row), action_button_with_target (_("_Accept"), "win.accept-drafts",
                                                            g_variant_new_strv (ids, -1)));
  gtk_box_append (GTK_BOX (row), action_button_with_target (_("_Reject"), "win.reject-drafts",
                                                            g_variant_new_strv (ids, -1)));
  gtk_box_append (GTK_BOX (self->box), row);
}

/* A quote, verbatim, with who says it, why it is attributed, and what to
 * do with it. */
static void
add_quote (QgSourcePanel *self,
           guint          index,
           gboolean       with_speaker)
{
  const QgQuote *quote = qg_document_get_quote (self->document, index);
  const char *text = qg_document_get_text (self->document, NULL);
  g_autofree char *passage = g_strndup (text + quote->start, quote->end - quote->start);
  g_autofree char *quoted = g_strdup_printf ("“%s”", passage);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (quoted);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *show = gtk_button_new_with_mnemonic (_("_Show in Article"));
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "quote-card");
  /* A drafted quote says so first, with what its review would do: the
   * card's own row of buttons has no room left. */
  if (quote->draft)
    {
      const char * const ids[] = { quote->id, NULL };
      GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *tag = draft_tag ();

      gtk_widget_set_hexpand (tag, TRUE);
      gtk_box_append (GTK_BOX (heading), tag);
      gtk_box_append (GTK_BOX (heading),
                      qg_icon_action_button_new ("object-select-symbolic", _("Accept the Quote"),
                                                 "win.accept-drafts",
                                                 g_variant_new_strv (ids, -1)));
      gtk_box_append (GTK_BOX (heading),
                      qg_icon_action_button_new ("window-close-symbolic", _("Reject the Quote"),
                                                 "win.reject-drafts",
                                                 g_variant_new_strv (ids, -1)));
      gtk_box_append (GTK_BOX (card), heading);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "quote-text");
  /* Which quote a label shows, for the tests and for assistive tools. */
  g_object_set_data_full (G_OBJECT (label), "quote-id", g_strdup (quote->id), g_free);
  gtk_box_append (GTK_BOX (card), label);

  if (with_speaker && quote->speaker >= 0)
    {
      g_autofree char *by = g_strdup_printf ("— %s",
                                             qg_document_get_entity (self->document,
                                                                     quote->speaker)->name);
      GtkWidget *speaker = gtk_label_new (by);

      gtk_label_set_xalign (GTK_LABEL (speaker), 0);
      gtk_label_set_selectable (GTK_LABEL (speaker), TRUE);
      gtk_widget_add_css_class (speaker, "quote-speaker");
      gtk_box_append (GTK_BOX (card), speaker);
    }
  if (quote->note != NULL)
    {
      GtkWidget *note = gtk_label_new (quote->note);

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_selectable (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "quote-note");
      gtk_box_append (GTK_BOX (card), note);
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-quote");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (show), "u", index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "win.copy-quote");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "u", index);
  gtk_widget_add_css_class (show, "flat");
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy the Quote with Its Citation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the quote with its citation"), -1);
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (actions), show);
  gtk_box_append (GTK_BOX (actions), copy);
  gtk_box_append (GTK_BOX (actions),
                  qg_icon_action_button_new ("document-edit-symbolic", _("Edit the Quote"),
                                             "win.edit-item", g_variant_new_string (quote->id)));
  gtk_box_append (GTK_BOX (actions),
                  qg_icon_action_button_new ("user-trash-symbolic", _("Delete the Quote"),
                                             "win.delete-item", g_variant_new_string (quote->id)));
  gtk_box_append (GTK_BOX (card), actions);

  gtk_box_append (GTK_BOX (self->box), card);
}

static void
add_link (QgSourcePanel *self,
          const char    *text,
          const char    *id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "relation-link");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_box_append (GTK_BOX (self->box), button);
}

static void
show_article (QgSourcePanel *self)
{
  const char *source = qg_document_get_source (self->document);
  const char *published = qg_document_get_published (self->document);
  guint drafts = qg_document_count_drafts (self->document);
  g_autofree char *counts = g_strdup_printf (_("%u entities · %u relations · %u quotes"),
                                             qg_document_get_n_entities (self->document),
                                             qg_document_get_n_relations (self->document),
                                             qg_document_get_n_quotes (self->document));

  add_label (self, qg_document_get_title (self->document), "title-2");
  if (source != NULL || published != NULL)
    {
      g_autofree char *line = g_strjoin (" · ", source ? source : published,
                                         source && published ? published : NULL, NULL);
      add_label (self, line, "dim-label");
    }
  add_label (self, counts, NULL);
  if (qg_document_get_n_entities (self->document) == 0)
    {
      /* A map being started: what to do first. */
      gtk_widget_set_margin_top (add_label (self, _("Select a name in the article below and "
                                                    "choose Add Entity, or a passage and choose "
                                                    "Add Quote. Connect two entities from the "
                                                    "first one's page here."), NULL), 12);
    }
  else
    {
      add_label (self, _("Every quote on the map was found in the article, word for word."),
                 "dim-label");
      if (drafts > 0)
        {
          g_autofree char *review = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         "%u draft to review, on the Review page: dotted on the map, with a "
                         "wavy underline in the article, until accepted.",
                         "%u drafts to review, on the Review page: dotted on the map, with a "
                         "wavy underline in the article, until accepted.", drafts), drafts);

          gtk_widget_set_margin_top (add_label (self, review, NULL), 12);
        }
      gtk_widget_set_margin_top (add_label (self, _("Click an entity or a relation on the map to "
                                                    "read the quotes that back it. Select text "
                                                    "in the article to add a quote or an "
                                                    "entity."), NULL), 12);
    }
  {
    GtkWidget *row = add_button_row (self);

    /* Alone in its row, at its start, under the words above it. */
    gtk_widget_set_halign (row, GTK_ALIGN_START);
    append_to_row (row, action_button (_("_Add Entity…"), "win.add-entity", ""));
  }
}

static void
show_entity (QgSourcePanel *self,
             guint          index)
{
  const QgEntity *entity = qg_document_get_entity (self->document, index);
  guint mentions = qg_sources_count_mentions (self->sources, index);
  g_autofree char *kind_name = qg_kind_display_name (entity->kind);
  g_autofree char *kind = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%s · named %u time in the article",
                                                        "%s · named %u times in the article",
                                                        mentions), kind_name, mentions);
  guint n_spoken, n_relations;
  const guint *spoken = qg_document_get_speaker_quotes (self->document, index, &n_spoken);
  const guint *relations = qg_document_get_entity_relations (self->document, index,
                                                             &n_relations);
  GtkWidget *row;

  add_label (self, entity->name, "title-2");
  add_label (self, kind, "dim-label");
  if (entity->draft)
    add_draft_row (self, entity->id);
  if (entity->description != NULL)
    add_label (self, entity->description, NULL);
  if (entity->aliases[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) entity->aliases);
      g_autofree char *also = g_strdup_printf (_("Also named: %s"), names);

      add_label (self, also, "dim-label");
    }

  row = add_button_row (self);
  append_to_row (row, action_button (_("_Edit…"), "win.edit-item", entity->id));
  append_to_row (row, chooser_button (self, _("_Connect To…"), _("Connect To"),
                                      "win.add-relation", entity->id, FALSE));
  append_to_row (row, chooser_button (self, _("_Merge…"),
                                      _("Merge Which Entity into This One?"),
                                      "win.merge-entities", entity->id, TRUE));
  append_to_row (row, action_button (_("_Delete…"), "win.delete-item", entity->id));

  if (n_spoken > 0)
    add_heading (self, _("What It Says"));
  for (guint i = 0; i < n_spoken; i++)
    add_quote (self, spoken[i], FALSE);

  add_heading (self, _("Relations"));
  /* A new entity: what makes it one. */
  if (n_relations == 0)
    add_label (self, _("None yet. Choose Connect To… to relate it to another entity, "
                       "with a quote from the article."), "dim-label");
  for (guint i = 0; i < n_relations; i++)
    {
      g_autofree char *sentence = qg_document_relation_sentence (self->document, relations[i]);

      add_link (self, sentence, qg_document_get_relation (self->document, relations[i])->id);
    }
}

static void
show_relation (QgSourcePanel *self,
               guint          index)
{
  const QgRelation *relation = qg_document_get_relation (self->document, index);
  g_autofree char *sentence = qg_document_relation_sentence (self->document, index);
  const QgEntity *source = qg_document_get_entity (self->document, relation->source);
  const QgEntity *target = qg_document_get_entity (self->document, relation->target);
  GtkWidget *stance, *row;

  add_label (self, sentence, "title-3");
  stance = add_label (self, qg_stance_display_name (relation->stance), "caption-heading");
  gtk_widget_add_css_class (stance, qg_stance_to_string (relation->stance));
  gtk_label_set_selectable (GTK_LABEL (stance), FALSE);
  if (relation->draft)
    add_draft_row (self, relation->id);

  row = add_button_row (self);
  append_to_row (row, action_button (_("_Edit…"), "win.edit-item", relation->id));
  append_to_row (row, action_button (_("_Delete…"), "win.delete-item", relation->id));

  /* A heading, however many quotes follow: "Evidence" is one word for both. */
  add_heading (self, _("Evidence"));
  for (guint e = 0; e < relation->n_evidence; e++)
    add_quote (self, relation->evidence[e], TRUE);

  add_heading (self, _("Between"));
  add_link (self, source->name, source->id);
  if (target != source)
    add_link (self, target->name, target->id);
}

void
qg_source_panel_show (QgSourcePanel *self,
                      const char    *id,
                      gboolean       hidden)
{
  GtkWidget *child;
  gint found;

  g_return_if_fail (QG_IS_SOURCE_PANEL (self));

  /* A button of the old page with the focus (the one whose edit made the
   * page anew) lets go of it first: GTK 4.8 would later ask the destroyed
   * button whether it holds the focus. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, self->box))
      gtk_root_set_focus (root, NULL);
  }
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  if (self->document == NULL)
    return;

  if (hidden)
    {
      GtkWidget *notice = add_label (self, _("Hidden on the map by the filters"), "warning");
      gtk_label_set_selectable (GTK_LABEL (notice), FALSE);
    }

  if (id == NULL)
    {
      show_article (self);
      return;
    }
  if ((found = qg_document_find_entity (self->document, id)) >= 0)
    show_entity (self, found);
  else if ((found = qg_document_find_relation (self->document, id)) >= 0)
    show_relation (self, found);
  else
    show_article (self);
}

void
qg_source_panel_set_document (QgSourcePanel *self,
                              QgDocument    *document,
                              QgSources     *sources)
{
  g_return_if_fail (QG_IS_SOURCE_PANEL (self));

  g_set_object (&self->document, document);
  g_clear_pointer (&self->sources, qg_sources_unref);
  self->sources = sources ? qg_sources_ref (sources) : NULL;
  qg_source_panel_show (self, NULL, FALSE);
}

static void
qg_source_panel_dispose (GObject *object)
{
  QgSourcePanel *self = QG_SOURCE_PANEL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->sources, qg_sources_unref);

  G_OBJECT_CLASS (qg_source_panel_parent_class)->dispose (object);
}

static void
qg_source_panel_class_init (QgSourcePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_source_panel_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourcepanel");
}

static void
qg_source_panel_init (QgSourcePanel *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
