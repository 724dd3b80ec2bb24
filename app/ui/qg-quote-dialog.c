/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-quote-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-entity-chooser.h"
#include "qg-quote-dialog.h"

struct _QgQuoteDialog
{
  AdwWindow        parent_instance;

  QgDocument      *document;
  char            *quote_id;
  char            *speaker_id;
  char            *opened;   /* what the fields said as the quote was opened */

  GtkLabel        *passage_label;
  GtkMenuButton   *speaker_button;
  AdwEntryRow     *note_row;
  GtkWidget       *apply_button;
  GtkLabel        *error_label;
  QgEntityChooser *speaker_chooser;
};

G_DEFINE_FINAL_TYPE (QgQuoteDialog, qg_quote_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
qg_quote_dialog_get_quote_id (QgQuoteDialog *self)
{
  g_return_val_if_fail (QG_IS_QUOTE_DIALOG (self), NULL);
  return self->quote_id;
}

const char *
qg_quote_dialog_get_speaker_id (QgQuoteDialog *self)
{
  g_return_val_if_fail (QG_IS_QUOTE_DIALOG (self), NULL);
  return self->speaker_id;
}

char *
qg_quote_dialog_get_note (QgQuoteDialog *self)
{
  char *note;

  g_return_val_if_fail (QG_IS_QUOTE_DIALOG (self), NULL);

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (*note == '\0')
    g_clear_pointer (&note, g_free);
  return note;
}

void
qg_quote_dialog_show_error (QgQuoteDialog *self,
                            const char    *message)
{
  g_return_if_fail (QG_IS_QUOTE_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What the fields say, to tell whether they were changed. */
static char *
fields_state (QgQuoteDialog *self)
{
  g_autofree char *note = qg_quote_dialog_get_note (self);

  return g_strdup_printf ("%s\x1f%s", self->speaker_id != NULL ? self->speaker_id : "",
                          note != NULL ? note : "");
}

/* Saved once something is changed. */
static void
update_apply (QgQuoteDialog *self)
{
  g_autofree char *state = NULL;

  if (self->opened == NULL)
    return;
  state = fields_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quote.apply",
                                 strcmp (state, self->opened) != 0);
}

static void
set_speaker (QgQuoteDialog *self,
             const char    *id)
{
  gint index = id != NULL ? qg_document_find_entity (self->document, id) : -1;

  g_free (self->speaker_id);
  self->speaker_id = index >= 0 ? g_strdup (id) : NULL;
  gtk_menu_button_set_label (self->speaker_button,
                             index >= 0 ? qg_document_get_entity (self->document, index)->name
                                        : _("No Speaker"));
  update_apply (self);
}

static void
apply_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  QgQuoteDialog *self = QG_QUOTE_DIALOG (widget);

  qg_quote_dialog_show_error (self, NULL);
  g_signal_emit (self, signals[APPLY], 0);
}

QgQuoteDialog *
qg_quote_dialog_new (GtkWindow  *parent,
                     QgDocument *document,
                     guint       quote)
{
  QgQuoteDialog *self = g_object_new (QG_TYPE_QUOTE_DIALOG, "transient-for", parent, NULL);
  const QgQuote *edited = qg_document_get_quote (document, quote);
  g_autoptr(GString) passage = g_string_new ("“");

  self->document = g_object_ref (document);
  self->quote_id = g_strdup (edited->id);
  qg_document_append_passage (document, quote, passage);
  g_string_append (passage, "”");
  gtk_label_set_text (self->passage_label, passage->str);
  set_speaker (self, edited->speaker >= 0 ? qg_document_get_entity (document,
                                                                   edited->speaker)->id : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), edited->note != NULL ? edited->note : "");
  self->opened = fields_state (self);
  update_apply (self);
  qg_entity_chooser_set_document (self->speaker_chooser, document);
  gtk_widget_grab_focus (GTK_WIDGET (self->speaker_button));
  return self;
}

static void
qg_quote_dialog_dispose (GObject *object)
{
  QgQuoteDialog *self = QG_QUOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), QG_TYPE_QUOTE_DIALOG);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (qg_quote_dialog_parent_class)->dispose (object);
}

static void
qg_quote_dialog_finalize (GObject *object)
{
  QgQuoteDialog *self = QG_QUOTE_DIALOG (object);

  g_free (self->quote_id);
  g_free (self->speaker_id);
  g_free (self->opened);
  G_OBJECT_CLASS (qg_quote_dialog_parent_class)->finalize (object);
}

static void
qg_quote_dialog_class_init (QgQuoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_quote_dialog_dispose;
  object_class->finalize = qg_quote_dialog_finalize;

  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/quotegraph/Quotegraph/ui/qg-quote-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, QgQuoteDialog, passage_label);
  gtk_widget_class_bind_template_child (widget_class, QgQuoteDialog, speaker_button);
  gtk_widget_class_bind_template_child (widget_class, QgQuoteDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, QgQuoteDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, QgQuoteDialog, error_label);

  gtk_widget_class_install_action (widget_class, "quote.apply", NULL, apply_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
qg_quote_dialog_init (QgQuoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);

  self->speaker_chooser = QG_ENTITY_CHOOSER (qg_entity_chooser_new ());
  qg_entity_chooser_set_heading (self->speaker_chooser, _("Who Says It?"));
  qg_entity_chooser_set_none_label (self->speaker_chooser, _("No Speaker"));
  gtk_menu_button_set_popover (self->speaker_button, GTK_WIDGET (self->speaker_chooser));
  g_signal_connect_swapped (self->speaker_chooser, "chosen", G_CALLBACK (set_speaker), self);
  g_signal_connect_swapped (self->note_row, "changed", G_CALLBACK (update_apply), self);
}
