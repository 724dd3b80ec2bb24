/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-application.h"
#include "qg-edit.h"
#include "qg-entity-dialog.h"
#include "qg-graph.h"
#include "qg-history.h"
#include "qg-quote-dialog.h"
#include "qg-relation-dialog.h"
#include "qg-window-private.h"

/* Editing: every edit makes a new document from the one the history is
 * at (qg_document_apply), which the history keeps, and the window shows it
 * in place of the one on screen once its mentions are found and its map
 * is laid out, keeping the viewport and the selection. An edit the format
 * refuses changes nothing, and says why. */

/* ------------------------------------------------------------------------ */
/* Showing an edited document                                                */

static void
edit_shown (QgWindow *self)
{
  g_autoptr(QgDocument) document = g_steal_pointer (&self->edit_document);
  g_autoptr(QgSources) sources = g_steal_pointer (&self->edit_sources);
  g_autoptr(QgLayout) layout = g_steal_pointer (&self->edit_layout);
  g_autofree char *select = g_steal_pointer (&self->edit_select);

  g_clear_object (&self->editing);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->sources, qg_sources_unref);
  self->sources = qg_sources_ref (sources);

  qg_graph_view_replace_document (self->graph_view, document, layout);
  /* The filters stay as the person set them; a kind new to the map is
   * shown. */
  qg_window_show_beside_map (self, document, sources);

  qg_window_apply_filters (self);
  /* What the edit made is selected, and brought into view only if it is
   * out of it: the map stays where the person was working. */
  if (select != NULL && qg_graph_view_set_selection (self->graph_view, select))
    qg_graph_view_reveal_selection (self->graph_view);
  qg_window_update_title (self);
  qg_window_update_actions (self);
}

/* The edited document could not be shown: the history keeps it, the map
 * shows the one before, and the person is told. */
static void
edit_failed (QgWindow   *self,
             const char *message)
{
  g_cancellable_cancel (self->editing);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  g_clear_object (&self->editing);
  g_clear_object (&self->edit_document);
  g_clear_pointer (&self->edit_sources, qg_sources_unref);
  g_clear_pointer (&self->edit_layout, qg_layout_unref);
  qg_window_update_actions (self);
}

static void
edit_layout_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (layout == NULL)
    {
      edit_failed (self, error->message);
      return;
    }
  self->edit_layout = g_steal_pointer (&layout);
  if (self->edit_sources != NULL)
    edit_shown (self);
}

static void
edit_sources_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(QgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgSources) sources = qg_sources_new_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (sources == NULL)
    {
      edit_failed (self, error->message);
      return;
    }
  self->edit_sources = g_steal_pointer (&sources);
  if (self->edit_layout != NULL)
    edit_shown (self);
}

/* Shows @document, the history's current one, in place of the one on
 * screen; then selects @select, if given. A later call replaces an
 * earlier one still under way. */
static void
show_edited (QgWindow   *self,
             QgDocument *document,
             const char *select)
{
  g_cancellable_cancel (self->editing);
  g_clear_object (&self->editing);
  g_clear_pointer (&self->edit_sources, qg_sources_unref);
  g_clear_pointer (&self->edit_layout, qg_layout_unref);
  g_free (self->edit_select);
  self->edit_select = g_strdup (select);
  g_set_object (&self->edit_document, document);
  self->editing = g_cancellable_new ();

  if (self->engine == NULL)
    {
      self->engine = g_strdup (qg_graph_engine_for (document));
      g_object_notify (G_OBJECT (self), "layout-engine");
    }
  /* The map on screen, where the engine can keep it (neato and fdp). */
  {
    QgLayout *shown = qg_graph_view_get_layout (self->graph_view);
    QgDocument *shown_document = shown != NULL ? self->document : NULL;

    qg_graph_compute_layout_keeping_async (document, self->engine, shown_document ? shown : NULL,
                                           shown_document, self->editing, edit_layout_cb,
                                           g_object_ref (self));
  }
  qg_sources_new_async (document, self->editing, edit_sources_cb, g_object_ref (self));
  qg_window_update_title (self);
  qg_window_update_actions (self);
}

gboolean
qg_window_relayout_edit (QgWindow *self)
{
  g_autoptr(QgDocument) document = NULL;
  g_autofree char *select = NULL;

  if (self->editing == NULL || self->edit_document == NULL)
    return FALSE;
  document = g_object_ref (self->edit_document);
  select = g_strdup (self->edit_select);
  show_edited (self, document, select);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Making an edit                                                            */

void
qg_window_toast_with_undo (QgWindow   *self,
                           const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
qg_window_push_edit (QgWindow   *self,
                     QgEdit     *edit,
                     QgDocument *edited,
                     const char *select)
{
  g_debug ("%s: %s", qg_edit_get_label (edit), select ? select : qg_edit_get_id (edit));
  qg_history_push (self->history, edited, qg_edit_get_label (edit));
  show_edited (self, edited, select);
  qg_window_recovery_schedule (self);
}

/* An edit asked for while another is applied in its thread. */
static gboolean
refuse_while_applying (QgWindow  *self,
                       GError   **error)
{
  if (self->applying == NULL)
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                       _("The edit before it is still being made"));
  return TRUE;
}

gboolean
qg_window_apply_edit (QgWindow     *self,
                      QgEdit       *edit,
                      const char   *select,
                      GError      **error)
{
  g_autoptr(QgDocument) edited = NULL;
  g_autofree char *new_id = NULL;

  if (self->history == NULL || refuse_while_applying (self, error))
    return FALSE;
  edited = qg_document_apply (qg_history_get_document (self->history), edit, &new_id, error);
  if (edited == NULL)
    return FALSE;
  qg_window_push_edit (self, edit, edited, select != NULL ? select : new_id);
  return TRUE;
}

typedef struct
{
  QgHistory  *history;  /* the history it was asked of */
  QgDocument *base;     /* the document it is made from */
  QgEdit     *edit;
  char       *select;
  QgDocument *edited;
  gboolean    unchanged; /* the edit said what the document says already */
  char       *new_id;
  GTask      *asked;    /* the caller's */
} Applying;

static void
applying_free (Applying *applying)
{
  g_object_unref (applying->history);
  g_object_unref (applying->base);
  qg_edit_unref (applying->edit);
  g_free (applying->select);
  g_clear_object (&applying->edited);
  g_free (applying->new_id);
  g_clear_object (&applying->asked);
  g_free (applying);
}

static void
apply_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Applying *applying = task_data;
  GError *error = NULL;

  applying->edited = qg_document_apply (applying->base, applying->edit, &applying->new_id,
                                        &error);
  if (applying->edited == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A dialog saved as it was opened: no change to undo or save. */
  applying->unchanged = qg_document_same_content (applying->base, applying->edited);
  g_task_return_boolean (task, TRUE);
}

static void applied_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data);

/* Makes @applying's edit of the history's document, in a thread. */
static void
start_applying (QgWindow *self,
                Applying *applying)
{
  g_autoptr(GTask) task = NULL;

  g_set_object (&applying->base, qg_history_get_document (self->history));
  g_clear_object (&applying->edited);
  g_clear_pointer (&applying->new_id, g_free);
  self->applying = g_cancellable_new ();
  task = g_task_new (self, self->applying, applied_cb, applying);
  g_task_set_task_data (task, applying, NULL);
  g_task_run_in_thread (task, apply_in_thread);
}

/* Back in the main loop: the edit made is pushed. The history does not
 * move meanwhile but for a draft added to it: then the edit is made
 * again, of that. A window closed, or another document opened, drops it. */
static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  QgWindow *self = QG_WINDOW (source);
  Applying *applying = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  gboolean dropped = g_cancellable_is_cancelled (cancellable)
                     || !gtk_widget_get_realized (GTK_WIDGET (self))
                     || self->history != applying->history;
  GError *error = NULL;
  gboolean made = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->applying == cancellable)
    g_clear_object (&self->applying);
  if (made && !dropped && qg_history_get_document (self->history) != applying->base)
    {
      start_applying (self, applying);
      return;
    }
  /* Dropped, a refusal is no one's to hear: its window or map is gone. */
  if (dropped)
    {
      g_clear_error (&error);
      g_task_return_boolean (applying->asked, FALSE);
    }
  else if (error != NULL)
    g_task_return_error (applying->asked, error);
  else if (applying->unchanged)
    g_task_return_boolean (applying->asked, TRUE);
  else
    {
      qg_window_push_edit (self, applying->edit, applying->edited,
                           applying->select != NULL ? applying->select : applying->new_id);
      g_task_return_boolean (applying->asked, TRUE);
    }
  applying_free (applying);
  qg_window_update_actions (self);
  /* A close asked for meanwhile, now that the edit is among the changes
   * to save. */
  if (self->close_after_edit && self->applying == NULL)
    {
      self->close_after_edit = FALSE;
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        gtk_window_close (GTK_WINDOW (self));
    }
}

void
qg_window_apply_edit_async (QgWindow            *self,
                            QgEdit              *edit,
                            const char          *select,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) asked = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GError) error = NULL;
  Applying *applying;

  g_task_set_source_tag (asked, qg_window_apply_edit_async);
  if (self->history == NULL)
    {
      g_task_return_boolean (asked, FALSE);
      return;
    }
  if (refuse_while_applying (self, &error))
    {
      g_task_return_error (asked, g_steal_pointer (&error));
      return;
    }
  applying = g_new0 (Applying, 1);
  applying->history = g_object_ref (self->history);
  applying->edit = qg_edit_ref (edit);
  applying->select = g_strdup (select);
  applying->asked = g_steal_pointer (&asked);
  start_applying (self, applying);
  qg_window_update_actions (self);
}

gboolean
qg_window_apply_edit_finish (QgWindow     *self,
                             GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* An edit asked for without a dialog: a refusal is said in one; once
 * made, @user_data (a static string), if not NULL, in a toast. */
static void
explained_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  QgWindow *self = QG_WINDOW (source);
  const char *done = user_data;
  g_autoptr(GError) error = NULL;

  if (qg_window_apply_edit_finish (self, result, &error))
    {
      if (done != NULL)
        qg_window_toast_with_undo (self, done);
    }
  else if (error != NULL)
    qg_window_present_error (self, _("The Edit Was Refused"), error->message);
}

static void
apply_or_explain (QgWindow   *self,
                  QgEdit     *edit,
                  const char *select,
                  const char *done)
{
  qg_window_apply_edit_async (self, edit, select, explained_cb, (gpointer) done);
}

/* A dialog's edit: the dialog waits, then closes, or says why the edit
 * was refused. (Not made insensitive meanwhile: its entry, holding the
 * focus, would be destroyed without the focus-out GtkText waits for.) */
typedef struct
{
  GtkWidget *dialog;
  void     (*show_error) (GtkWidget  *dialog,
                          const char *message);
} DialogEdit;

static void
dialog_applied_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DialogEdit *asked = user_data;
  g_autoptr(GError) error = NULL;

  if (qg_window_apply_edit_finish (QG_WINDOW (source), result, &error))
    gtk_window_destroy (GTK_WINDOW (asked->dialog));
  else if (error != NULL)
    asked->show_error (asked->dialog, error->message);
  g_object_unref (asked->dialog);
  g_free (asked);
}

static void
apply_from_dialog (QgWindow   *self,
                   QgEdit     *edit,
                   const char *select,
                   GtkWidget  *dialog,
                   void      (*show_error) (GtkWidget  *dialog,
                                            const char *message))
{
  DialogEdit *asked;

  /* Asked twice (Return pressed again): the first is on its way. */
  if (self->applying != NULL)
    return;
  asked = g_new0 (DialogEdit, 1);
  asked->dialog = g_object_ref (dialog);
  asked->show_error = show_error;
  qg_window_apply_edit_async (self, edit, select, dialog_applied_cb, asked);
}

QgDocument *
qg_window_get_edited_document (QgWindow *self)
{
  return self->history != NULL ? qg_history_get_document (self->history) : NULL;
}

static QgDocument *
current (QgWindow *self)
{
  return qg_window_get_edited_document (self);
}

/* ------------------------------------------------------------------------ */
/* Quotes                                                                    */

static void
add_quote_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  g_autoptr(QgEdit) edit = NULL;
  guint64 start, end;
  const char *speaker;

  g_variant_get (parameter, "(tt&s)", &start, &end, &speaker);
  edit = qg_edit_new_add_quote (start, end);
  if (*speaker != '\0')
    qg_edit_set_speaker (edit, speaker);
  /* The speaker's entity shows the new quote among what it says. */
  apply_or_explain (self, edit, *speaker != '\0' ? speaker : NULL, _("Quote added"));
}

static void
show_quote_error (GtkWidget  *dialog,
                  const char *message)
{
  qg_quote_dialog_show_error (QG_QUOTE_DIALOG (dialog), message);
}

static void
quote_dialog_apply (QgQuoteDialog *dialog,
                    QgWindow      *self)
{
  g_autoptr(QgEdit) edit = qg_edit_new_change_quote (qg_quote_dialog_get_quote_id (dialog));
  g_autofree char *note = qg_quote_dialog_get_note (dialog);

  qg_edit_set_speaker (edit, qg_quote_dialog_get_speaker_id (dialog));
  qg_edit_set_note (edit, note);
  apply_from_dialog (self, edit, NULL, GTK_WIDGET (dialog), show_quote_error);
}

static void
present_quote_dialog (QgWindow *self,
                      guint     quote)
{
  QgQuoteDialog *dialog = qg_quote_dialog_new (GTK_WINDOW (self), current (self), quote);

  g_signal_connect_object (dialog, "apply", G_CALLBACK (quote_dialog_apply), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Entities                                                                  */

static void
show_entity_error (GtkWidget  *dialog,
                   const char *message)
{
  qg_entity_dialog_show_error (QG_ENTITY_DIALOG (dialog), message);
}

static void
entity_dialog_apply (QgEntityDialog *dialog,
                     QgWindow       *self)
{
  const char *id = qg_entity_dialog_get_entity_id (dialog);
  g_autofree char *name = qg_entity_dialog_get_name (dialog);
  g_autofree char *kind = qg_entity_dialog_get_kind (dialog);
  g_auto(GStrv) aliases = qg_entity_dialog_get_aliases (dialog);
  g_autofree char *description = qg_entity_dialog_get_description (dialog);
  g_autoptr(QgEdit) edit = id != NULL ? qg_edit_new_change_entity (id)
                                      : qg_edit_new_add_entity (name, kind);

  qg_edit_set_name (edit, name);
  qg_edit_set_kind (edit, kind);
  qg_edit_set_aliases (edit, (const char * const *) aliases);
  qg_edit_set_description (edit, description);
  apply_from_dialog (self, edit, id, GTK_WIDGET (dialog), show_entity_error);
}

static void
present_entity_dialog (QgWindow   *self,
                       gint        entity,
                       const char *name)
{
  QgEntityDialog *dialog = qg_entity_dialog_new (GTK_WINDOW (self), current (self), entity, name);

  g_signal_connect_object (dialog, "apply", G_CALLBACK (entity_dialog_apply), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present_entity_dialog (QG_WINDOW (widget), -1, g_variant_get_string (parameter, NULL));
}

static void
merge_entities_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  g_autoptr(QgEdit) edit = NULL;
  const char *keep, *other;

  g_variant_get (parameter, "(&s&s)", &keep, &other);
  edit = qg_edit_new_merge_entities (keep, other);
  apply_or_explain (self, edit, keep, _("Entities merged"));
}

/* ------------------------------------------------------------------------ */
/* Relations                                                                 */

static void
show_relation_error (GtkWidget  *dialog,
                     const char *message)
{
  qg_relation_dialog_show_error (QG_RELATION_DIALOG (dialog), message);
}

static void
relation_dialog_apply (QgRelationDialog *dialog,
                       QgWindow         *self)
{
  const char *id = qg_relation_dialog_get_relation_id (dialog);
  const char *source = qg_relation_dialog_get_source_id (dialog);
  const char *target = qg_relation_dialog_get_target_id (dialog);
  g_autofree char *label = qg_relation_dialog_get_label (dialog);
  g_auto(GStrv) evidence = qg_relation_dialog_get_evidence (dialog);
  g_autoptr(QgEdit) edit = NULL;

  if (id != NULL)
    {
      edit = qg_edit_new_change_relation (id);
      qg_edit_set_source (edit, source);
      qg_edit_set_target (edit, target);
      qg_edit_set_label (edit, label);
      qg_edit_set_evidence (edit, (const char * const *) evidence);
    }
  else
    edit = qg_edit_new_add_relation (source, target, label, (const char * const *) evidence);
  qg_edit_set_stance (edit, qg_relation_dialog_get_stance (dialog));
  apply_from_dialog (self, edit, id, GTK_WIDGET (dialog), show_relation_error);
}

static void
present_relation_dialog (QgWindow   *self,
                         gint        relation,
                         const char *source,
                         const char *target)
{
  QgRelationDialog *dialog = qg_relation_dialog_new (GTK_WINDOW (self), current (self), relation,
                                                     source, target);

  g_signal_connect_object (dialog, "apply", G_CALLBACK (relation_dialog_apply), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Connect to…: from an entity, to another chosen already or in the dialog. */
static void
add_relation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  const char *source, *target;

  g_variant_get (parameter, "(&s&s)", &source, &target);
  if (qg_document_find_entity (current (self), source) < 0)
    return;
  present_relation_dialog (self, -1, source, *target != '\0' ? target : NULL);
}

/* ------------------------------------------------------------------------ */
/* Any item                                                                  */

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  gint found;

  if ((found = qg_document_find_entity (current (self), id)) >= 0)
    present_entity_dialog (self, found, NULL);
  else if ((found = qg_document_find_relation (current (self), id)) >= 0)
    present_relation_dialog (self, found, NULL, NULL);
  else if ((found = qg_document_find_quote (current (self), id)) >= 0)
    present_quote_dialog (self, found);
}

/* What a deletion takes with it, in words, before it happens. */
static char *
describe_effects (QgDocument          *document,
                  const QgEditEffects *effects)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint deleted = effects->deleted_relations ? effects->deleted_relations->len : 0;
  guint weakened = effects->weakened_relations ? effects->weakened_relations->len : 0;
  guint unspoken = effects->unspoken_quotes ? effects->unspoken_quotes->len : 0;
  guint looped = effects->looped_relations ? effects->looped_relations->len : 0;

  if (deleted > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u relation is deleted with it.",
                                                          "%u relations are deleted with it.",
                                                          deleted), deleted));
  if (weakened > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u relation loses a piece of its "
                                                          "evidence and keeps the rest.",
                                                          "%u relations lose a piece of their "
                                                          "evidence and keep the rest.",
                                                          weakened), weakened));
  if (unspoken > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u quote loses its speaker.",
                                                          "%u quotes lose their speaker.",
                                                          unspoken), unspoken));
  if (looped > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u relation between the two becomes "
                                                          "a relation of the entity to itself.",
                                                          "%u relations between the two become "
                                                          "relations of the entity to itself.",
                                                          looped), looped));
  if (parts->len == 0)
    return g_strdup (_("Nothing else changes."));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 QgWindow         *self)
{
  QgEdit *edit = g_object_get_data (G_OBJECT (dialog), "edit");
  QgDocument *asked = g_object_get_data (G_OBJECT (dialog), "document");

  if (g_strcmp0 (response, "delete") != 0 || edit == NULL)
    return;
  /* What it said goes with it holds for the map it was asked about. */
  if (asked != current (self))
    qg_window_present_error (self, _("The Map Changed"),
                             _("The map changed while the question was open: nothing was "
                               "deleted. Ask again to see what would go now."));
  else
    apply_or_explain (self, edit, NULL, g_object_get_data (G_OBJECT (dialog), "done"));
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  QgDocument *document = current (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_auto(QgEditEffects) effects = { 0 };
  g_autoptr(QgEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *done;
  GtkWidget *dialog;
  gint found;

  if (document == NULL)
    return;
  if ((found = qg_document_find_entity (document, id)) >= 0)
    {
      edit = qg_edit_new_delete_entity (id);
      heading = g_strdup_printf (_("Delete “%s”?"), qg_document_get_entity (document, found)->name);
      done = _("Entity deleted");
    }
  else if ((found = qg_document_find_relation (document, id)) >= 0)
    {
      g_autofree char *sentence = qg_document_relation_sentence (document, found);

      edit = qg_edit_new_delete_relation (id);
      heading = g_strdup_printf (_("Delete “%s”?"), sentence);
      done = _("Relation deleted");
    }
  else if (qg_document_find_quote (document, id) >= 0)
    {
      edit = qg_edit_new_delete_quote (id);
      heading = g_strdup (_("Delete the Quote?"));
      done = _("Quote deleted");
    }
  else
    return;

  if (!qg_document_get_edit_effects (document, edit, &effects, &error))
    {
      qg_window_present_error (self, _("The Edit Was Refused"), error->message);
      return;
    }
  body = describe_effects (document, &effects);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "edit", g_steal_pointer (&edit),
                          (GDestroyNotify) qg_edit_unref);
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document),
                          g_object_unref);
  /* What the toast says once it is done, with Undo. */
  g_object_set_data (G_OBJECT (dialog), "done", (gpointer) done);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* Undo and redo                                                             */

static void
new_map_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (QG_IS_APPLICATION (app))
    qg_application_new_map_from_article (QG_APPLICATION (app), NULL, QG_FILE_KIND_TEXT,
                                         GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);

  if (self->history != NULL && qg_history_get_can_undo (self->history))
    {
      show_edited (self, qg_history_undo (self->history), NULL);
      qg_window_recovery_follow (self);
    }
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);

  if (self->history != NULL && qg_history_get_can_redo (self->history))
    {
      show_edited (self, qg_history_redo (self->history), NULL);
      qg_window_recovery_follow (self);
    }
}

static gboolean
menu_item_is (GMenu      *menu,
              int         index,
              const char *label)
{
  g_autofree char *shown = NULL;

  if (index >= g_menu_model_get_n_items (G_MENU_MODEL (menu)))
    return FALSE;
  return g_menu_model_get_item_attribute (G_MENU_MODEL (menu), index, G_MENU_ATTRIBUTE_LABEL, "s",
                                          &shown)
         && g_strcmp0 (shown, label) == 0;
}

/* The menu names what Undo and Redo would do: "Undo Add Quote". */
static void
update_undo_menu (QgWindow *self)
{
  gboolean undo = self->history != NULL && qg_history_get_can_undo (self->history);
  gboolean redo = self->history != NULL && qg_history_get_can_redo (self->history);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  /* Translators: "Undo Add Quote": the edit's name follows */
  undo_label = undo ? g_strdup_printf (_("_Undo %s"), qg_history_get_undo_label (self->history))
                    : g_strdup (_("_Undo"));
  /* Translators: "Redo Add Quote" */
  redo_label = redo ? g_strdup_printf (_("_Redo %s"), qg_history_get_redo_label (self->history))
                    : g_strdup (_("_Redo"));
  /* Not while an edit is being made from the document the history is at. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo && self->applying == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo && self->applying == NULL);
  /* Rebuilt only when a name changes: the main menu's popover builds its
   * rows again for every change of its model, and the actions are
   * updated for every step of a load. */
  if (menu_item_is (self->edit_menu, 0, undo_label) && menu_item_is (self->edit_menu, 1, redo_label))
    return;
  g_menu_remove_all (self->edit_menu);
  g_menu_append (self->edit_menu, undo_label, "win.undo");
  g_menu_append (self->edit_menu, redo_label, "win.redo");
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Add _Entity…"), NULL);

    g_menu_item_set_action_and_target (item, "win.add-entity", "s", "");
    g_menu_append_item (self->edit_menu, item);
  }
  /* The article drafted afresh, what the map lacks added as drafts. */
  g_menu_append (self->edit_menu, _("_Draft Again"), "win.draft-again");
}

/* ------------------------------------------------------------------------ */

gboolean
qg_window_get_modified (QgWindow *self)
{
  g_return_val_if_fail (QG_IS_WINDOW (self), FALSE);
  return self->history != NULL && qg_history_get_modified (self->history);
}

/* The document read from a file starts a history of its own. */
void
qg_window_edit_reset (QgWindow   *self,
                      QgDocument *document)
{
  g_cancellable_cancel (self->editing);
  g_clear_object (&self->editing);
  g_clear_object (&self->edit_document);
  g_clear_pointer (&self->edit_sources, qg_sources_unref);
  g_clear_pointer (&self->edit_layout, qg_layout_unref);
  g_clear_object (&self->history);
  qg_window_recovery_discard (self);
  self->close_confirmed = FALSE;
  g_clear_object (&self->save_file);
  if (document != NULL)
    {
      GFile *file = qg_document_get_file (document);

      self->history = qg_history_new (document);
      /* The bundled example is saved elsewhere, as a new map is. */
      if (file != NULL && g_file_is_native (file))
        self->save_file = g_object_ref (file);
      /* A recovered copy is saved over the file it is a copy of, and is
       * this window's copy until then. */
      if (self->recovered_id != NULL)
        {
          g_clear_object (&self->save_file);
          self->save_file = g_steal_pointer (&self->recovered_file);
          self->recovery_id = g_steal_pointer (&self->recovered_id);
        }
    }
  qg_window_update_title (self);
}

void
qg_window_edit_update_actions (QgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* Not while another document, or a new version, is being read: it would
   * take the edit's place without asking. */
  gboolean editable = self->history != NULL && self->document != NULL && self->loading == NULL
                      && self->applying == NULL;

  gtk_widget_action_set_enabled (widget, "win.add-quote", editable);
  gtk_widget_action_set_enabled (widget, "win.add-entity", editable);
  gtk_widget_action_set_enabled (widget, "win.merge-entities", editable);
  gtk_widget_action_set_enabled (widget, "win.add-relation", editable);
  gtk_widget_action_set_enabled (widget, "win.edit-item", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-item", editable);
  update_undo_menu (self);
  qg_window_save_update_actions (self);
}

void
qg_window_edit_dispose (QgWindow *self)
{
  g_cancellable_cancel (self->applying);
  g_clear_object (&self->applying);
  g_cancellable_cancel (self->editing);
  g_clear_object (&self->editing);
  g_clear_object (&self->edit_document);
  g_clear_pointer (&self->edit_sources, qg_sources_unref);
  g_clear_pointer (&self->edit_layout, qg_layout_unref);
  g_clear_pointer (&self->edit_select, g_free);
  g_clear_object (&self->history);
}

void
qg_window_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-quote", "(tts)", add_quote_action);
  gtk_widget_class_install_action (widget_class, "win.add-entity", "s", add_entity_action);
  gtk_widget_class_install_action (widget_class, "win.merge-entities", "(ss)",
                                   merge_entities_action);
  gtk_widget_class_install_action (widget_class, "win.add-relation", "(ss)", add_relation_action);
  gtk_widget_class_install_action (widget_class, "win.edit-item", "s", edit_item_action);
  gtk_widget_class_install_action (widget_class, "win.delete-item", "s", delete_item_action);
  gtk_widget_class_install_action (widget_class, "win.new-map", NULL, new_map_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-map",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}
