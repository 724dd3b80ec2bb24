/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-entity-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-entity-dialog.h"
#include "qg-kinds.h"

struct _QgEntityDialog
{
  AdwWindow     parent_instance;

  char         *entity_id;
  QgDocument   *document;
  QgNameIndex  *names;     /* of the document, made in a thread as the dialog opens */
  GCancellable *indexing;
  gint          entity;    /* the one edited, or -1 */
  char         *opened;    /* what the fields said as an entity was opened, or NULL */
  /* The kinds offered, as documents write them, in the combo's order;
   * the last row ("Other…") has none and shows other_kind_row. */
  GPtrArray    *kinds;

  AdwEntryRow  *name_row;
  AdwComboRow  *kind_row;
  AdwEntryRow  *other_kind_row;
  AdwEntryRow  *aliases_row;
  AdwEntryRow  *description_row;
  GtkWidget    *apply_button;
  GtkLabel     *name_hint;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (QgEntityDialog, qg_entity_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

const char *
qg_entity_dialog_get_entity_id (QgEntityDialog *self)
{
  g_return_val_if_fail (QG_IS_ENTITY_DIALOG (self), NULL);
  return self->entity_id;
}

char *
qg_entity_dialog_get_name (QgEntityDialog *self)
{
  g_return_val_if_fail (QG_IS_ENTITY_DIALOG (self), NULL);
  return stripped_text (self->name_row);
}

char *
qg_entity_dialog_get_kind (QgEntityDialog *self)
{
  guint selected;

  g_return_val_if_fail (QG_IS_ENTITY_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->kind_row);
  if (selected < self->kinds->len && g_ptr_array_index (self->kinds, selected) != NULL)
    return g_strdup (g_ptr_array_index (self->kinds, selected));
  return stripped_text (self->other_kind_row);
}

GStrv
qg_entity_dialog_get_aliases (QgEntityDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (QG_IS_ENTITY_DIALOG (self), NULL);

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->aliases_row)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

char *
qg_entity_dialog_get_description (QgEntityDialog *self)
{
  char *text;

  g_return_val_if_fail (QG_IS_ENTITY_DIALOG (self), NULL);

  text = stripped_text (self->description_row);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
qg_entity_dialog_show_error (QgEntityDialog *self,
                             const char     *message)
{
  g_return_if_fail (QG_IS_ENTITY_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Two entities may share a name (two people may), but a name already on
 * the map is more often the same one again: it is said, not refused. */
static void
update_name_hint (QgEntityDialog *self,
                  const char     *name)
{
  const char *as_written = NULL;
  gint found = -1;
  g_autofree char *hint = NULL;

  if (self->names != NULL && *name != '\0')
    found = qg_name_index_find (self->names, name, self->entity, &as_written);

  if (found >= 0)
    {
      const QgEntity *other = qg_document_get_entity (self->document, found);
      g_autofree char *kind = qg_kind_display_name (other->kind);

      if (as_written != other->name)
        /* Translators: a hint beneath an entity's name: "“Duke” is another
         * name of Elaine Duke (person), on the map already." */
        hint = g_strdup_printf (_("“%s” is another name of %s (%s), on the map already."),
                                as_written, other->name, kind);
      else
        /* Translators: a hint beneath an entity's name: "“Best Buy”
         * (retailer) is on the map already." */
        hint = g_strdup_printf (_("“%s” (%s) is on the map already."), other->name, kind);
    }
  gtk_label_set_text (self->name_hint, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->name_hint), hint != NULL);
}

/* What the fields say, to tell whether they were changed. */
static char *
fields_state (QgEntityDialog *self)
{
  g_autofree char *name = qg_entity_dialog_get_name (self);
  g_autofree char *kind = qg_entity_dialog_get_kind (self);
  g_auto(GStrv) aliases = qg_entity_dialog_get_aliases (self);
  g_autofree char *joined = g_strjoinv ("\x1e", aliases);
  g_autofree char *description = qg_entity_dialog_get_description (self);

  return g_strjoin ("\x1f", name, kind, joined, description != NULL ? description : "", NULL);
}

/* What the document requires before it can be asked: a name and a kind;
 * and, for an entity edited, a change. */
static void
update_apply (QgEntityDialog *self)
{
  g_autofree char *name = qg_entity_dialog_get_name (self);
  g_autofree char *kind = qg_entity_dialog_get_kind (self);
  g_autofree char *state = self->opened != NULL ? fields_state (self) : NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  update_name_hint (self, name);

  gtk_widget_set_visible (GTK_WIDGET (self->other_kind_row),
                          selected < self->kinds->len
                          && g_ptr_array_index (self->kinds, selected) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity.apply",
                                 *name != '\0' && *kind != '\0'
                                 && (self->opened == NULL || strcmp (state, self->opened) != 0));
}

static void
apply_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  QgEntityDialog *self = QG_ENTITY_DIALOG (widget);

  qg_entity_dialog_show_error (self, NULL);
  g_signal_emit (self, signals[APPLY], 0);
}

/* The kinds FORMAT.md styles, the document's own, then "Other…". */
static void
fill_kinds (QgEntityDialog *self,
            QgDocument     *document,
            const char     *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (QgKind kind = 0; kind < QG_KIND_OTHER; kind++)
    g_ptr_array_add (self->kinds, g_strdup (qg_kind_get_style (kind)->name));
  for (guint i = 0; document != NULL && i < qg_document_get_n_entities (document); i++)
    {
      const char *kind = qg_document_get_entity (document, i)->kind;
      gboolean known = FALSE;

      for (guint k = 0; k < self->kinds->len && !known; k++)
        known = strcmp (g_ptr_array_index (self->kinds, k), kind) == 0;
      if (!known)
        g_ptr_array_add (self->kinds, g_strdup (kind));
    }
  for (guint k = 0; k < self->kinds->len; k++)
    {
      g_autofree char *label = qg_kind_display_name (g_ptr_array_index (self->kinds, k));

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (current, g_ptr_array_index (self->kinds, k)) == 0)
        selected = k;
    }
  g_ptr_array_add (self->kinds, NULL);
  gtk_string_list_append (labels, _("Other…"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, selected);
}

static void
index_names (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, qg_name_index_new (task_data),
                         (GDestroyNotify) qg_name_index_free);
}

static void
names_indexed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  QgNameIndex *names = g_task_propagate_pointer (G_TASK (result), NULL);
  QgEntityDialog *self = user_data;
  g_autofree char *name = NULL;

  /* Closed meanwhile (its dispose cancels the task), it may be gone: the
   * task holds no reference, lest the thread drop the last one. */
  if (names == NULL)
    return;
  self->names = names;
  name = qg_entity_dialog_get_name (self);
  update_name_hint (self, name);
}

QgEntityDialog *
qg_entity_dialog_new (GtkWindow  *parent,
                      QgDocument *document,
                      gint        entity,
                      const char *name)
{
  QgEntityDialog *self = g_object_new (QG_TYPE_ENTITY_DIALOG, "transient-for", parent, NULL);
  const QgEntity *edited = entity >= 0 ? qg_document_get_entity (document, entity) : NULL;

  self->document = g_object_ref (document);
  self->entity = entity;
  /* The names of 50,000 entities take some 40 ms to index: away from the
   * keys typed meanwhile. */
  {
    g_autoptr(GTask) task = NULL;

    self->indexing = g_cancellable_new ();
    task = g_task_new (NULL, self->indexing, names_indexed_cb, self);

    g_task_set_source_tag (task, qg_entity_dialog_new);
    g_task_set_task_data (task, g_object_ref (document), g_object_unref);
    g_task_run_in_thread (task, index_names);
  }
  fill_kinds (self, document, edited != NULL ? edited->kind : NULL);
  if (edited != NULL)
    {
      g_autofree char *aliases = g_strjoinv (", ", (char **) edited->aliases);

      self->entity_id = g_strdup (edited->id);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Entity"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), edited->name);
      gtk_editable_set_text (GTK_EDITABLE (self->aliases_row), aliases);
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             edited->description != NULL ? edited->description : "");
      self->opened = fields_state (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Entity"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Add"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
    }
  update_apply (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

static void
qg_entity_dialog_dispose (GObject *object)
{
  QgEntityDialog *self = QG_ENTITY_DIALOG (object);

  g_cancellable_cancel (self->indexing);
  G_OBJECT_CLASS (qg_entity_dialog_parent_class)->dispose (object);
}

static void
qg_entity_dialog_finalize (GObject *object)
{
  QgEntityDialog *self = QG_ENTITY_DIALOG (object);

  g_clear_object (&self->indexing);
  g_free (self->opened);
  g_free (self->entity_id);
  g_clear_pointer (&self->names, qg_name_index_free);
  g_clear_object (&self->document);
  g_ptr_array_unref (self->kinds);
  G_OBJECT_CLASS (qg_entity_dialog_parent_class)->finalize (object);
}

static void
qg_entity_dialog_class_init (QgEntityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_entity_dialog_dispose;
  object_class->finalize = qg_entity_dialog_finalize;

  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-entity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, name_hint);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, other_kind_row);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, QgEntityDialog, error_label);

  gtk_widget_class_install_action (widget_class, "entity.apply", NULL, apply_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qg_entity_dialog_init (QgEntityDialog *self)
{
  self->kinds = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->other_kind_row, "changed", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->aliases_row, "changed", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->description_row, "changed", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (update_apply), self);
}
