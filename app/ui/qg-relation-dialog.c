/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-relation-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-entity-chooser.h"
#include "qg-kinds.h"
#include "qg-relation-dialog.h"

struct _QgRelationDialog
{
  AdwWindow           parent_instance;

  QgDocument         *document;
  char               *relation_id;
  char               *source_id;
  char               *target_id;
  char               *opened;     /* what the fields said as a relation was opened, or NULL */
  GHashTable         *checked;    /* quote ids */
  GHashTable         *quote_index; /* quote id → index + 1 */
  char               *search;     /* casefolded, or NULL */

  GtkMenuButton      *source_button;
  QgEntityChooser    *source_chooser;
  AdwActionRow       *target_row;
  GtkMenuButton      *target_button;
  AdwEntryRow        *label_row;
  AdwComboRow        *stance_row;
  GtkSearchEntry     *evidence_search;
  GtkListView        *evidence_list;
  GtkWidget          *apply_button;
  GtkLabel           *missing_label;
  GtkLabel           *error_label;
  QgEntityChooser    *target_chooser;
  GtkCustomFilter    *filter;
};

G_DEFINE_FINAL_TYPE (QgRelationDialog, qg_relation_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The stances in the order the combo row offers them. */
static const QgStance stances[] = { QG_STANCE_NEUTRAL, QG_STANCE_SUPPORT, QG_STANCE_OPPOSE };

const char *
qg_relation_dialog_get_relation_id (QgRelationDialog *self)
{
  g_return_val_if_fail (QG_IS_RELATION_DIALOG (self), NULL);
  return self->relation_id;
}

const char *
qg_relation_dialog_get_source_id (QgRelationDialog *self)
{
  g_return_val_if_fail (QG_IS_RELATION_DIALOG (self), NULL);
  return self->source_id;
}

const char *
qg_relation_dialog_get_target_id (QgRelationDialog *self)
{
  g_return_val_if_fail (QG_IS_RELATION_DIALOG (self), NULL);
  return self->target_id;
}

char *
qg_relation_dialog_get_label (QgRelationDialog *self)
{
  g_return_val_if_fail (QG_IS_RELATION_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
}

QgStance
qg_relation_dialog_get_stance (QgRelationDialog *self)
{
  guint selected;

  g_return_val_if_fail (QG_IS_RELATION_DIALOG (self), QG_STANCE_NEUTRAL);

  selected = adw_combo_row_get_selected (self->stance_row);
  return selected < G_N_ELEMENTS (stances) ? stances[selected] : QG_STANCE_NEUTRAL;
}

GStrv
qg_relation_dialog_get_evidence (QgRelationDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (QG_IS_RELATION_DIALOG (self), NULL);

  for (guint i = 0; i < qg_document_get_n_quotes (self->document); i++)
    {
      const char *id = qg_document_get_quote (self->document, i)->id;

      if (g_hash_table_contains (self->checked, id))
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

void
qg_relation_dialog_show_error (QgRelationDialog *self,
                               const char       *message)
{
  g_return_if_fail (QG_IS_RELATION_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What the fields say, to tell whether they were changed. */
static char *
fields_state (QgRelationDialog *self)
{
  g_autofree char *label = qg_relation_dialog_get_label (self);
  g_auto(GStrv) evidence = qg_relation_dialog_get_evidence (self);
  g_autofree char *joined = g_strjoinv ("\x1e", evidence);

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d\x1f%s",
                          self->source_id != NULL ? self->source_id : "",
                          self->target_id != NULL ? self->target_id : "", label,
                          (int) qg_relation_dialog_get_stance (self), joined);
}

/* What FORMAT.md requires of a relation: both ends, a label and at least
 * one quote; while one is missing, the dialog says which. A relation
 * edited is saved once something is changed. */
static void
update_apply (QgRelationDialog *self)
{
  g_autofree char *label = qg_relation_dialog_get_label (self);
  g_autofree char *state = self->opened != NULL ? fields_state (self) : NULL;
  const char *missing = NULL;

  if (self->target_id == NULL)
    missing = _("Choose the entity it goes to.");
  else if (*label == '\0')
    missing = _("A label is needed, as in “From Label To”.");
  else if (g_hash_table_size (self->checked) == 0)
    missing = _("Check at least one quote that bears it out: no relation goes without one.");
  gtk_label_set_label (self->missing_label, missing);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relation.apply",
                                 missing == NULL
                                 && (self->opened == NULL || strcmp (state, self->opened) != 0));
}

static void
apply_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  QgRelationDialog *self = QG_RELATION_DIALOG (widget);

  qg_relation_dialog_show_error (self, NULL);
  g_signal_emit (self, signals[APPLY], 0);
}

static const char *
entity_name (QgRelationDialog *self,
             const char       *id)
{
  gint index = qg_document_find_entity (self->document, id);

  return index >= 0 ? qg_document_get_entity (self->document, index)->name : id;
}

static void
set_source (QgRelationDialog *self,
            const char       *id)
{
  if (id == NULL)
    return;
  g_free (self->source_id);
  self->source_id = g_strdup (id);
  gtk_menu_button_set_label (self->source_button, entity_name (self, id));
  if (self->document != NULL)
    update_apply (self);
}

static void
set_target (QgRelationDialog *self,
            const char       *id)
{
  if (id == NULL)
    return;
  g_free (self->target_id);
  self->target_id = g_strdup (id);
  gtk_menu_button_set_label (self->target_button, entity_name (self, id));
  update_apply (self);
}

/* ------------------------------------------------------------------------ */
/* The evidence                                                              */

static const QgQuote *
quote_of_item (QgRelationDialog *self,
               gpointer          item)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (self->quote_index,
                                                      gtk_string_object_get_string (item)));

  return found > 0 ? qg_document_get_quote (self->document, found - 1) : NULL;
}

static char *
passage_of (QgRelationDialog *self,
            const QgQuote    *quote)
{
  g_autoptr(GString) passage = g_string_new (NULL);
  guint index = quote - qg_document_get_quote (self->document, 0);

  qg_document_append_passage (self->document, index, passage);
  return g_string_free (g_steal_pointer (&passage), FALSE);
}

static gboolean
quote_matches (gpointer item,
               gpointer user_data)
{
  QgRelationDialog *self = user_data;
  const QgQuote *quote;
  g_autofree char *passage = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;
  quote = quote_of_item (self, item);
  if (quote == NULL)
    return FALSE;
  passage = passage_of (self, quote);
  folded = g_utf8_casefold (passage, -1);
  if (strstr (folded, self->search) != NULL)
    return TRUE;
  if (quote->speaker >= 0)
    {
      g_autofree char *speaker = g_utf8_casefold (
                                   qg_document_get_entity (self->document, quote->speaker)->name, -1);

      return strstr (speaker, self->search) != NULL;
    }
  return FALSE;
}

static void
evidence_search_changed (QgRelationDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                   GTK_EDITABLE (self->evidence_search))));

  g_clear_pointer (&self->search, g_free);
  if (*text != '\0')
    self->search = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
check_toggled (GtkCheckButton   *check,
               QgRelationDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "quote-id");

  if (id == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_strdup (id));
  else
    g_hash_table_remove (self->checked, id);
  update_apply (self);
}

static void
setup_quote_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 QgRelationDialog         *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_widget_set_margin_top (check, 6);
  gtk_widget_set_margin_bottom (check, 6);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_end (check, 6);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), self);
  gtk_list_item_set_child (item, check);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_quote_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                QgRelationDialog         *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  const QgQuote *quote = quote_of_item (self, gtk_list_item_get_item (item));
  g_autofree char *passage = NULL;
  g_autofree char *text = NULL;

  if (quote == NULL)
    return;
  passage = passage_of (self, quote);
  if (quote->speaker >= 0)
    text = g_strdup_printf ("“%s” — %s", passage,
                            qg_document_get_entity (self->document, quote->speaker)->name);
  else
    text = g_strdup_printf ("“%s”", passage);
  gtk_label_set_text (GTK_LABEL (label), text);
  /* The id first, so that setting the state records nothing twice. */
  g_object_set_data (G_OBJECT (check), "quote-id", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->checked, quote->id));
  g_object_set_data_full (G_OBJECT (check), "quote-id", g_strdup (quote->id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* The quotes the two ends speak come first: the likeliest evidence. */
static void
fill_evidence (QgRelationDialog *self)
{
  g_autoptr(GtkStringList) ids = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  gint source = qg_document_find_entity (self->document, self->source_id);
  gint target = self->target_id ? qg_document_find_entity (self->document, self->target_id) : -1;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < qg_document_get_n_quotes (self->document); i++)
      {
        const QgQuote *quote = qg_document_get_quote (self->document, i);
        gboolean by_an_end = quote->speaker >= 0
                             && (quote->speaker == source || quote->speaker == target);

        if (by_an_end == (pass == 0))
          gtk_string_list_append (ids, quote->id);
        if (pass == 0)
          g_hash_table_insert (self->quote_index, (gpointer) quote->id, GUINT_TO_POINTER (i + 1));
      }
  self->filter = gtk_custom_filter_new (quote_matches, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&ids)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_quote_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_quote_row), self);
  gtk_list_view_set_factory (self->evidence_list, factory);
  g_object_unref (factory);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (filtered));

    /* The list view takes a reference of its own. */
    gtk_list_view_set_model (self->evidence_list, GTK_SELECTION_MODEL (selection));
  }
}

/* ------------------------------------------------------------------------ */

QgRelationDialog *
qg_relation_dialog_new (GtkWindow  *parent,
                        QgDocument *document,
                        gint        relation,
                        const char *source_id,
                        const char *target_id)
{
  QgRelationDialog *self = g_object_new (QG_TYPE_RELATION_DIALOG, "transient-for", parent, NULL);
  const QgRelation *edited = relation >= 0 ? qg_document_get_relation (document, relation) : NULL;
  g_autoptr(GtkStringList) stance_names = gtk_string_list_new (NULL);

  self->document = g_object_ref (document);
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    gtk_string_list_append (stance_names, qg_stance_display_name (stances[i]));
  adw_combo_row_set_model (self->stance_row, G_LIST_MODEL (stance_names));

  if (edited != NULL)
    {
      self->relation_id = g_strdup (edited->id);
      source_id = qg_document_get_entity (document, edited->source)->id;
      target_id = qg_document_get_entity (document, edited->target)->id;
      gtk_editable_set_text (GTK_EDITABLE (self->label_row), edited->label);
      for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
        if (stances[i] == edited->stance)
          adw_combo_row_set_selected (self->stance_row, i);
      for (guint e = 0; e < edited->n_evidence; e++)
        g_hash_table_add (self->checked,
                          g_strdup (qg_document_get_quote (document, edited->evidence[e])->id));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Relation"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Save"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Relation"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Add"));
    }

  set_source (self, source_id);
  qg_entity_chooser_set_document (self->source_chooser, document);
  qg_entity_chooser_set_document (self->target_chooser, document);
  set_target (self, target_id);
  fill_evidence (self);
  if (edited != NULL)
    self->opened = fields_state (self);
  update_apply (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
  return self;
}

static void
qg_relation_dialog_dispose (GObject *object)
{
  QgRelationDialog *self = QG_RELATION_DIALOG (object);

  /* The rows' filter asks the document until the list goes. */
  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_RELATION_DIALOG);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (qg_relation_dialog_parent_class)->dispose (object);
}

static void
qg_relation_dialog_finalize (GObject *object)
{
  QgRelationDialog *self = QG_RELATION_DIALOG (object);

  g_free (self->relation_id);
  g_free (self->opened);
  g_free (self->source_id);
  g_free (self->target_id);
  g_free (self->search);
  g_hash_table_unref (self->checked);
  g_hash_table_unref (self->quote_index);
  G_OBJECT_CLASS (qg_relation_dialog_parent_class)->finalize (object);
}

static void
qg_relation_dialog_class_init (QgRelationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_relation_dialog_dispose;
  object_class->finalize = qg_relation_dialog_finalize;

  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-relation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, source_button);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, target_button);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, stance_row);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, evidence_search);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, QgRelationDialog, error_label);

  gtk_widget_class_install_action (widget_class, "relation.apply", NULL, apply_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qg_relation_dialog_init (QgRelationDialog *self)
{
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->quote_index = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);

  self->source_chooser = QG_ENTITY_CHOOSER (qg_entity_chooser_new ());
  qg_entity_chooser_set_heading (self->source_chooser, _("From Whom or What?"));
  gtk_menu_button_set_popover (self->source_button, GTK_WIDGET (self->source_chooser));
  g_signal_connect_swapped (self->source_chooser, "chosen", G_CALLBACK (set_source), self);

  self->target_chooser = QG_ENTITY_CHOOSER (qg_entity_chooser_new ());
  qg_entity_chooser_set_heading (self->target_chooser, _("To Whom or What?"));
  gtk_menu_button_set_popover (self->target_button, GTK_WIDGET (self->target_chooser));
  g_signal_connect_swapped (self->target_chooser, "chosen", G_CALLBACK (set_target), self);

  g_signal_connect_swapped (self->label_row, "changed", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->stance_row, "notify::selected", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->evidence_search, "search-changed",
                            G_CALLBACK (evidence_search_changed), self);
}
