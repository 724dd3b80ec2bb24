/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-drafter.h"
#include "qg-edit.h"
#include "qg-label.h"
#include "qg-window-private.h"
#include "qg-thread.h"

/* Drafts (docs/format-notes.md, "Drafts"): a new map drafted from its
 * article, Draft Again on a map, and the review of what was drafted: the
 * Review page beside the sources while the map has drafts, and Accept and
 * Reject, edits like any other, through the history. */

/* ------------------------------------------------------------------------ */
/* Drafting an article, in a thread                                          */

typedef struct
{
  char *text;
  gsize length;
  char *title;
  char *source;
  char *published;
} DraftJob;

static void
draft_job_free (DraftJob *job)
{
  g_free (job->text);
  g_free (job->title);
  g_free (job->source);
  g_free (job->published);
  g_free (job);
}

/* Runs in a thread, on copies: the drafter may take a second on a long
 * article. */
static void
draft_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DraftJob *job = task_data;
  GError *error = NULL;
  QgDocument *draft;

  qg_thread_give_way ();
  draft = qg_drafter_draft (job->text, job->length, job->title, job->source, job->published,
                            cancellable, &error);

  if (draft != NULL)
    g_task_return_pointer (task, draft, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Drafts @document's article; the window is busy until @callback. */
static void
draft_article (QgWindow            *self,
               QgDocument          *document,
               GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  DraftJob *job = g_new0 (DraftJob, 1);
  const char *text = qg_document_get_text (document, &job->length);

  job->text = g_memdup2 (text, job->length);
  job->title = g_strdup (qg_document_get_title (document));
  job->source = g_strdup (qg_document_get_source (document));
  job->published = g_strdup (qg_document_get_published (document));

  g_cancellable_cancel (self->drafting);
  g_clear_object (&self->drafting);
  self->drafting = g_cancellable_new ();
  g_set_object (&self->drafting_for, document);
  task = g_task_new (self, self->drafting, callback, NULL);
  g_task_set_source_tag (task, draft_article);
  g_task_set_task_data (task, job, (GDestroyNotify) draft_job_free);
  g_task_run_in_thread (task, draft_thread);
  qg_window_update_actions (self);
}

/* The draft, or NULL; NULL with no error when it was cancelled (another
 * document came, or the window went), after which nothing is done. */
static QgDocument *
draft_finish (QgWindow      *self,
              GAsyncResult  *result,
              QgDocument   **drafted_for,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  QgDocument *draft = g_task_propagate_pointer (G_TASK (result), &local_error);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  g_clear_object (&self->drafting);
  *drafted_for = g_steal_pointer (&self->drafting_for);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return draft;
}

/* ------------------------------------------------------------------------ */
/* A new map, drafted                                                        */

static void
new_map_drafted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  QgWindow *self = QG_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) empty = NULL;
  g_autoptr(QgDocument) draft = draft_finish (self, result, &empty, &error);

  if (empty == NULL)
    return;
  gtk_spinner_stop (self->layout_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), FALSE);
  if (draft == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The article could not be drafted: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
  self->reveal_review = TRUE;
  qg_window_show_new_map (self, draft != NULL ? draft : empty);
}

/* A new map of @document's article (a document with no entity yet), its
 * first draft made in a thread and shown unsaved, as a new map is; if the
 * draft fails, @document itself, and the reason. */
void
qg_window_show_new_map_drafted (QgWindow   *self,
                                QgDocument *document)
{
  g_return_if_fail (QG_IS_WINDOW (self));
  g_return_if_fail (QG_IS_DOCUMENT (document));

  /* Busy as an opening is: the page that waits for the map says why. */
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  adw_status_page_set_title (self->status_page, _("Drafting the Map…"));
  adw_status_page_set_description (self->status_page,
                                   _("Finding the article’s quotes, who says them and who it "
                                     "names, for you to review."));
  gtk_widget_set_visible (GTK_WIDGET (self->layout_spinner), TRUE);
  gtk_spinner_start (self->layout_spinner);
  draft_article (self, document, new_map_drafted_cb);
}

/* ------------------------------------------------------------------------ */
/* Draft Again                                                               */

static guint
n_items (QgDocument *document)
{
  return qg_document_get_n_entities (document) + qg_document_get_n_quotes (document)
         + qg_document_get_n_relations (document);
}

static void
drafted_again_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  QgWindow *self = QG_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) drafted_for = NULL;
  g_autoptr(QgDocument) draft = draft_finish (self, result, &drafted_for, &error);
  g_autoptr(QgEdit) edit = NULL;
  g_autoptr(QgDocument) edited = NULL;
  g_autofree char *message = NULL;
  QgDocument *document = qg_window_get_edited_document (self);
  guint added;

  if (drafted_for == NULL)
    return;
  qg_window_update_actions (self);
  /* Edits made meanwhile are kept: the draft is added to the map as it is
   * now, the same article. */
  if (document == NULL || !qg_document_same_text (document, drafted_for))
    return;
  if (draft == NULL)
    {
      qg_window_present_error (self, _("The Article Could Not Be Drafted"), error->message);
      return;
    }
  edit = qg_edit_new_add_draft (draft);
  edited = qg_document_apply (document, edit, NULL, &error);
  if (edited == NULL)
    {
      qg_window_present_error (self, _("The Edit Was Refused"), error->message);
      return;
    }
  added = n_items (edited) - n_items (document);
  if (added == 0)
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("The draft adds nothing new")));
      return;
    }
  self->reveal_review = TRUE;
  qg_window_push_edit (self, edit, edited, NULL);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u draft", "Added %u drafts",
                                          added), added);
  qg_window_toast_with_undo (self, message);
}

static void
draft_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  QgDocument *document = qg_window_get_edited_document (self);

  if (document == NULL || qg_window_is_busy (self))
    return;
  draft_article (self, document, drafted_again_cb);
}

/* ------------------------------------------------------------------------ */
/* Accept and Reject                                                         */

/* Those of @ids that are drafts of @document: a second click on a row
 * that is on its way out asks for what is done already. */
static GStrv
drafts_among (QgDocument         *document,
              const char * const *ids)
{
  g_autoptr(GStrvBuilder) drafts = g_strv_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint e = qg_document_find_entity (document, ids[i]);
      gint q = qg_document_find_quote (document, ids[i]);
      gint r = qg_document_find_relation (document, ids[i]);

      if ((e >= 0 && qg_document_get_entity (document, e)->draft)
          || (q >= 0 && qg_document_get_quote (document, q)->draft)
          || (r >= 0 && qg_document_get_relation (document, r)->draft))
        g_strv_builder_add (drafts, ids[i]);
    }
  return g_strv_builder_end (drafts);
}

/* One toast at a time for a review: the next takes the last one's place,
 * instead of waiting behind it. */
static void
review_toast (QgWindow   *self,
              const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  if (self->review_toast != NULL)
    adw_toast_dismiss (self->review_toast);
  g_set_weak_pointer (&self->review_toast, toast);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Applies an acceptance or a rejection of those of @ids still drafts;
 * returns the edited document, or NULL if nothing was done. */
static QgDocument *
review (QgWindow           *self,
        QgEdit           *(*make) (const char * const *ids),
        const char * const *ids,
        QgEditEffects      *effects)
{
  QgDocument *document = qg_window_get_edited_document (self);
  g_auto(GStrv) drafts = document != NULL ? drafts_among (document, ids) : NULL;
  g_autoptr(QgEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  if (drafts == NULL || drafts[0] == NULL)
    return NULL;
  edit = make ((const char * const *) drafts);
  if ((effects != NULL && !qg_document_get_edit_effects (document, edit, effects, &error))
      || !qg_window_apply_edit (self, edit, NULL, &error))
    {
      qg_window_present_error (self, _("The Edit Was Refused"), error->message);
      return NULL;
    }
  return qg_window_get_edited_document (self);
}

static void
accept_drafts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);
  QgDocument *edited = review (self, qg_edit_new_accept_drafts, ids, NULL);

  /* Each acceptance shows where it is done, its row gone: only the end
   * of the review is said. */
  if (edited != NULL && qg_document_count_drafts (edited) == 0)
    review_toast (self, _("All drafts reviewed"));
}

/* What a rejected item is called in the toast that says it went. */
static char *
describe (QgDocument *document,
          const char *id)
{
  gint found;

  if ((found = qg_document_find_entity (document, id)) >= 0)
    return qg_label_fit_legend (qg_document_get_entity (document, found)->name);
  if ((found = qg_document_find_relation (document, id)) >= 0)
    {
      g_autofree char *sentence = qg_document_relation_sentence (document, found);

      return qg_label_fit_legend (sentence);
    }
  if ((found = qg_document_find_quote (document, id)) >= 0)
    {
      g_autoptr(GString) passage = g_string_new (NULL);

      qg_document_append_passage (document, found, passage);
      return qg_label_fit_legend (passage->str);
    }
  return g_strdup (id);
}

static void
reject_drafts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  QgWindow *self = QG_WINDOW (widget);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);
  g_autoptr(QgDocument) before = NULL;
  g_auto(QgEditEffects) effects = { 0 };
  g_autofree char *message = NULL;
  g_auto(GStrv) rejected = NULL;
  QgDocument *edited;
  guint with;

  if (qg_window_get_edited_document (self) == NULL)
    return;
  before = g_object_ref (qg_window_get_edited_document (self));
  rejected = drafts_among (before, ids);
  /* No question first: they are drafts, and Undo brings them back. */
  edited = review (self, qg_edit_new_reject_drafts, ids, &effects);
  if (edited == NULL)
    return;

  /* What went with them, said: relations left without their entity or
   * their evidence. */
  with = effects.deleted_relations->len;
  if (qg_document_count_drafts (edited) == 0)
    message = g_strdup (_("All drafts reviewed"));
  else if (g_strv_length (rejected) == 1)
    {
      g_autofree char *name = describe (before, rejected[0]);

      message = with == 0
                ? g_strdup_printf (_("Rejected “%s”"), name)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rejected “%s” and %u relation",
                                                "Rejected “%s” and %u relations", with),
                                   name, with);
    }
  else
    {
      guint n = g_strv_length (rejected);

      message = with == 0
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rejected %u draft",
                                                "Rejected %u drafts", n), n)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Rejected the drafts and %u relation",
                                                "Rejected the drafts and %u relations", with),
                                   with);
    }
  review_toast (self, message);
}

/* ------------------------------------------------------------------------ */
/* The Review page                                                           */

void
qg_window_review_follow (QgWindow *self)
{
  guint n = qg_review_panel_get_n_drafts (self->review_panel);

  adw_view_stack_page_set_visible (self->review_page, n > 0);
  adw_view_stack_page_set_badge_number (self->review_page, n);
  /* A map drafted, or drafted again, opens on its drafts. */
  if (self->reveal_review && n > 0)
    {
      adw_view_stack_set_visible_child_name (self->side_stack, "review");
      if (!adw_flap_get_folded (self->flap))
        g_object_set (self, "show-sources", TRUE, NULL);
    }
  self->reveal_review = FALSE;
}

void
qg_window_review_update_actions (QgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->history != NULL && self->document != NULL && self->loading == NULL
                      && self->applying == NULL;

  gtk_widget_action_set_enabled (widget, "win.accept-drafts", editable);
  gtk_widget_action_set_enabled (widget, "win.reject-drafts", editable);
  gtk_widget_action_set_enabled (widget, "win.draft-again",
                                 editable && !qg_window_is_busy (self));
}

void
qg_window_review_dispose (QgWindow *self)
{
  g_cancellable_cancel (self->drafting);
  g_clear_object (&self->drafting);
  g_clear_object (&self->drafting_for);
  g_clear_weak_pointer (&self->review_toast);
}

void
qg_window_review_init (QgWindow *self)
{
  qg_window_review_follow (self);
}

void
qg_window_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.accept-drafts", "as",
                                   accept_drafts_action);
  gtk_widget_class_install_action (widget_class, "win.reject-drafts", "as",
                                   reject_drafts_action);
  gtk_widget_class_install_action (widget_class, "win.draft-again", NULL, draft_again_action);
}
