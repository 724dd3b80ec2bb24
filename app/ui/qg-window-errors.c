/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-window-private.h"

/* Every error of a file that could not be opened, as `--check` prints
 * them: one a line, each naming the file and the place. They are shown
 * whole, selectable (to paste into a report) and scrolled when many. */

#define ERROR_LIST_HEIGHT 240

GtkWidget *
qg_window_error_list_new (const char *errors)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_set_text (buffer, errors, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* An error that wraps hangs under its first line, so that each stands
   * apart from the next. */
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_indent (GTK_TEXT_VIEW (view), -12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
  gtk_widget_add_css_class (view, "error-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Errors"), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), ERROR_LIST_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "error-scroller");
  return scroller;
}

/* @errors below @heading and @body, in a dialog over the window. */
AdwMessageDialog *
qg_window_present_errors (QgWindow   *self,
                          const char *heading,
                          const char *body,
                          const char *errors)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_extra_child (dialog, qg_window_error_list_new (errors));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
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

  if (self->document != NULL)
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
