/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-window-private.h"

/* Every error of a file that could not be opened, as `--check` prints
 * them: one a row, each naming the file and the place. They are shown
 * whole, selectable and copied all at once (to paste into a report), and
 * scrolled when many. */

#define ERRORS_SHOWN_WHOLE 5
#define ERROR_LIST_HEIGHT  240

static void
copy_errors_cb (GtkButton  *button,
                const char *errors)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), errors);
  gtk_button_set_label (button, _("Copied"));
}

GtkWidget *
qg_window_error_list_new (const char *errors)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy Errors"));
  g_auto(GStrv) lines = g_strsplit (errors, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      GtkWidget *label = gtk_label_new (lines[i]);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Wrapped to the list's width, not widening it: the dialog is
       * measured at the width it is given. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "problem");
      gtk_list_box_append (GTK_LIST_BOX (list), label);
      /* The keys go to the text, to select it, not to its row. */
      gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
    }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "error-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Errors"), -1);

  /* A few are shown whole; more scroll, in room for about six. (A
   * scrolled window measures its child's height at the child's own
   * width, not its own, so it cannot be as tall as a few wrapped errors
   * need, and no taller.) */
  if (g_strv_length (lines) <= ERRORS_SHOWN_WHOLE)
    {
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_box_append (GTK_BOX (box), list);
    }
  else
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller),
                                                  ERROR_LIST_HEIGHT);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
      gtk_widget_add_css_class (scroller, "card");
      gtk_box_append (GTK_BOX (box), scroller);
    }

  /* An error is selected within its line: all of them go at once to a
   * report from here. */
  gtk_widget_set_halign (copy, GTK_ALIGN_END);
  gtk_widget_add_css_class (copy, "flat");
  g_signal_connect_data (copy, "clicked", G_CALLBACK (copy_errors_cb), g_strdup (errors),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_box_append (GTK_BOX (box), copy);
  return box;
}

/* The dialog opens on Close, as a message does, not on the first error
 * or Copy Errors, where libadwaita would put the keys. */
static void
focus_default_cb (GtkWindow *dialog)
{
  GtkWidget *button = gtk_window_get_default_widget (dialog);

  if (button != NULL)
    gtk_widget_grab_focus (button);
}

/* @errors below @heading and @body, in a dialog over the window. */
AdwMessageDialog *
qg_window_present_errors (QgWindow   *self,
                          const char *heading,
                          const char *body,
                          const char *errors)
{
  AdwMessageDialog *dialog;

  GtkWidget *list = qg_window_error_list_new (errors);

  /* As wide as the dialog grows over the window (550 pixels at most,
   * 30 from each side of it), so that an error takes few lines. */
  gtk_widget_set_size_request (list, CLAMP (gtk_widget_get_width (GTK_WIDGET (self)) - 168, 240,
                                            480), -1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  g_signal_connect_after (dialog, "map", G_CALLBACK (focus_default_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* A document that fails to load leaves the one on screen as it was, and
 * says why over it; with none on screen, the window says why itself, and
 * offers to try again or to open the example. */
void
qg_window_show_load_error (QgWindow   *self,
                           const char *errors)
{
  GtkWidget *child;

  if (self->document != NULL || self->drawing_file != NULL)
    {
      qg_window_present_errors (self, _("The Document Could Not Be Opened"),
                                _("The map on screen stays as it was."), errors);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failure_errors))) != NULL)
    gtk_box_remove (self->failure_errors, child);
  gtk_box_append (self->failure_errors, qg_window_error_list_new (errors));
  gtk_stack_set_visible_child_name (self->main_stack, "failed");
}
