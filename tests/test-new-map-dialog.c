/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New Map dialog as a person meets it, under Xvfb: the article typed,
 * pasted or read from a file, the fields filled in, Create pressed. Input
 * is real X events, sent with xdotool. */
#include "config.h"

#include <glib/gstdio.h>

#include "qg-new-map-dialog.h"
#include "qg-test-utils.h"
#include "qg-ui-test.h"

/* What "create" gave, and how often. */
typedef struct
{
  QgArticleDraft *draft;
  guint           count;
  gboolean        draft_map;  /* Draft the Map, as it was then */
} Created;

static void
created_cb (QgNewMapDialog *dialog,
            QgArticleDraft *draft,
            Created        *created)
{
  created->count++;
  created->draft_map = qg_new_map_dialog_get_draft_map (dialog);
  qg_article_draft_free (created->draft);
  created->draft = qg_article_draft_copy (draft);
}

typedef struct
{
  GtkWindow      *parent;
  QgNewMapDialog *dialog;   /* NULL once it is gone */
  Created         created;
} Fixture;

static gboolean
dialog_shown (gpointer data)
{
  GtkWidget *dialog = data;

  return gtk_widget_get_mapped (dialog) && gtk_widget_get_width (dialog) > 0;
}

static void
fixture_open (Fixture *f)
{
  memset (f, 0, sizeof *f);
  /* No key left held by a test before, and the pointer away. */
  qg_test_run ((const char *[]) { "xdotool", "keyup", "Control_L", "Shift_L", "Alt_L",
                                  "mousemove", "1900", "1180", NULL });
  f->parent = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (qg_test_app)));
  gtk_window_set_default_size (f->parent, 1100, 760);
  gtk_window_present (f->parent);
  f->dialog = qg_new_map_dialog_new (f->parent);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  g_signal_connect (f->dialog, "create", G_CALLBACK (created_cb), &f->created);
  gtk_window_present (GTK_WINDOW (f->dialog));
  qg_test_wait_for (dialog_shown, f->dialog, "the dialog to be shown");
  qg_test_wait_frames (GTK_WIDGET (f->dialog));
}

static void
fixture_close (Fixture *f)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_assert_null (f->dialog);
  gtk_window_destroy (f->parent);
  qg_article_draft_free (f->created.draft);
}

static gboolean
dialog_gone (gpointer data)
{
  return ((Fixture *) data)->dialog == NULL;
}

static GtkTextView *
text_view_of (Fixture *f)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (f->dialog), qg_test_is_of_type,
                      GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW),
                      found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static char *
text_of (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view_of (f));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The field whose title is @title. */
static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = qg_test_find_labelled (GTK_WIDGET (f->dialog), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (found);
  return found;
}

static const char *
row_text (Fixture    *f,
          const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (f, title)));
}

#define TITLE "Title"
#define SOURCE "Source (publication, author or address)"
#define DATE "Date Published"
#define DATE_HINT "Optional: a day like 2017-09-13, a month like 2017-09, or a year."

static GtkWidget *
create_button (Fixture *f)
{
  GtkWidget *button = qg_test_find_labelled (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "C_reate");

  g_assert_nonnull (button);
  return button;
}

static gboolean
create_sensitive (Fixture *f)
{
  return gtk_widget_is_sensitive (create_button (f));
}

/* The one label under the dialog that starts with @prefix. */
static GtkLabel *
label_starting (Fixture    *f,
                const char *prefix)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (f->dialog), qg_test_is_label_starting, prefix, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

typedef struct
{
  Fixture   *f;
  GtkWidget *widget;
} Focus;

static gboolean
has_focus_in (gpointer data)
{
  Focus *w = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (w->f->dialog));

  return focus != NULL && (focus == w->widget || gtk_widget_is_ancestor (focus, w->widget));
}

/* A click in the field, then @text typed (if any), as a person would. */
static void
type_in (Fixture    *f,
         GtkWidget  *widget,
         const char *text)
{
  Focus w = { f, widget };

  qg_test_click_widget (widget);
  qg_test_wait_for (has_focus_in, &w, "the focus in the field clicked");
  if (text[0] != '\0')
    qg_test_type (widget, text);
}

typedef struct
{
  Fixture    *f;
  const char *title;
  const char *text;
} RowIs;

static gboolean
row_is (gpointer data)
{
  RowIs *w = data;

  return g_strcmp0 (row_text (w->f, w->title), w->text) == 0;
}

/* Waits for what was typed to be in the field: the last keys may still
 * be on their way. */
static void
wait_for_row (Fixture    *f,
              const char *title,
              const char *text)
{
  RowIs w = { f, title, text };

  qg_test_wait_for (row_is, &w, text);
}

static gboolean
text_is (gpointer data)
{
  RowIs *w = data;
  g_autofree char *text = text_of (w->f);

  return g_strcmp0 (text, w->text) == 0;
}

static void
wait_for_text (Fixture    *f,
               const char *text)
{
  RowIs w = { f, NULL, text };

  qg_test_wait_for (text_is, &w, text);
}

/* A real click on Create, and the dialog gone after it. */
static void
click_create (Fixture *f)
{
  g_assert_true (create_sensitive (f));
  qg_test_click_widget (create_button (f));
  qg_test_wait_for (dialog_gone, f, "the dialog to close");
}

/* Typed in, each field filled in, Create clicked: the article exactly as
 * typed, the fields trimmed of the spaces around them. */
static void
test_typed_article (void)
{
  Fixture f;

  fixture_open (&f);
  g_assert_false (create_sensitive (&f));
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "He said no, and left.");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "Return");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "The second  line.");
  wait_for_text (&f, "He said no, and left.\nThe second  line.");
  g_assert_false (create_sensitive (&f));

  type_in (&f, row (&f, TITLE), "  The Kaspersky ban ");
  wait_for_row (&f, TITLE, "  The Kaspersky ban ");
  g_assert_true (create_sensitive (&f));
  type_in (&f, row (&f, SOURCE), "The Daily Record");
  type_in (&f, row (&f, DATE), "2017-09-13");
  wait_for_row (&f, DATE, "2017-09-13");

  click_create (&f);
  g_assert_cmpuint (f.created.count, ==, 1);
  g_assert_cmpstr (f.created.draft->text, ==, "He said no, and left.\nThe second  line.");
  g_assert_cmpuint (f.created.draft->length, ==, strlen ("He said no, and left.\nThe second  line."));
  g_assert_cmpstr (f.created.draft->title, ==, "The Kaspersky ban");
  g_assert_cmpstr (f.created.draft->source, ==, "The Daily Record");
  g_assert_cmpstr (f.created.draft->published, ==, "2017-09-13");
  /* Drafted, as nobody said otherwise. */
  g_assert_true (f.created.draft_map);
  fixture_close (&f);
}

/* Whether the dialog shows a person why Create waits: for a title. */
static gboolean
title_hint_shown (Fixture *f)
{
  return qg_test_count_shown_labels (GTK_WIDGET (f->dialog),
                                     "A title is needed to create the map.") == 1;
}

/* FORMAT.md requires a title: without one, or with only spaces, Create
 * is insensitive, clicked or not, and the dialog says why; and so it is
 * without a text. */
static void
test_create_needs_title_and_text (void)
{
  Fixture f;

  fixture_open (&f);
  g_assert_false (title_hint_shown (&f));
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "Some text.");
  wait_for_text (&f, "Some text.");
  g_assert_false (create_sensitive (&f));
  g_assert_true (title_hint_shown (&f));
  qg_test_click_widget (create_button (&f));

  type_in (&f, row (&f, TITLE), "   ");
  wait_for_row (&f, TITLE, "   ");
  g_assert_false (create_sensitive (&f));
  g_assert_true (title_hint_shown (&f));
  /* Enter in the field would press Create, were it sensitive. */
  qg_test_keys (row (&f, TITLE), "Return");
  qg_test_type (row (&f, TITLE), "T");
  wait_for_row (&f, TITLE, "   T");
  g_assert_true (create_sensitive (&f));
  g_assert_false (title_hint_shown (&f));
  qg_test_keys (row (&f, TITLE), "ctrl+a");
  qg_test_keys (row (&f, TITLE), "BackSpace");
  wait_for_row (&f, TITLE, "");
  g_assert_false (create_sensitive (&f));

  /* A title, and the text taken away. */
  qg_test_type (row (&f, TITLE), "T");
  wait_for_row (&f, TITLE, "T");
  g_assert_true (create_sensitive (&f));
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "ctrl+a");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "BackSpace");
  wait_for_text (&f, "");
  g_assert_false (create_sensitive (&f));

  qg_test_wait_frames (GTK_WIDGET (f.dialog));
  g_assert_cmpuint (f.created.count, ==, 0);
  g_assert_nonnull (f.dialog);
  fixture_close (&f);
}

/* A date FORMAT.md does not take says why under the field and keeps
 * Create insensitive; put right, Enter creates the map. */
static void
test_date_reason (void)
{
  Fixture f;
  GtkLabel *label;

  fixture_open (&f);
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "Text.");
  type_in (&f, row (&f, TITLE), "Title");
  wait_for_row (&f, TITLE, "Title");
  label = label_starting (&f, "Optional:");
  g_assert_cmpstr (gtk_label_get_label (label), ==, DATE_HINT);

  type_in (&f, row (&f, DATE), "2017-02-30");
  wait_for_row (&f, DATE, "2017-02-30");
  g_assert_false (create_sensitive (&f));
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "“2017-02-30” is not a date: February 2017 has 28 days");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_true (gtk_widget_has_css_class (row (&f, DATE), "error"));

  qg_test_keys (row (&f, DATE), "BackSpace");
  qg_test_keys (row (&f, DATE), "BackSpace");
  qg_test_type (row (&f, DATE), "28");
  wait_for_row (&f, DATE, "2017-02-28");
  g_assert_true (create_sensitive (&f));
  g_assert_cmpstr (gtk_label_get_label (label), ==, DATE_HINT);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_false (gtk_widget_has_css_class (row (&f, DATE), "error"));

  qg_test_keys (row (&f, DATE), "Return");
  qg_test_wait_for (dialog_gone, &f, "the dialog to close");
  g_assert_cmpuint (f.created.count, ==, 1);
  g_assert_cmpstr (f.created.draft->text, ==, "Text.");
  g_assert_cmpstr (f.created.draft->published, ==, "2017-02-28");
  g_assert_null (f.created.draft->source);
  fixture_close (&f);
}

static gboolean
not_reading (gpointer data)
{
  return !qg_new_map_dialog_is_reading (((Fixture *) data)->dialog);
}

static void
read_file (Fixture    *f,
           const char *path,
           const char *display_name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  qg_new_map_dialog_read_file (f->dialog, file, display_name);
  g_assert_true (qg_new_map_dialog_is_reading (f->dialog));
  g_assert_false (create_sensitive (f));
  qg_test_wait_for (not_reading, f, "the file to be read");
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
}

/* A web page given fills the text with the page reduced, and the fields
 * from its metadata; Create gives that text. */
static void
test_html_file_fills_fields (void)
{
  g_autofree char *path = data_file ("news-article.html");
  g_autofree char *expected_path = data_file ("news-article.txt");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  Fixture f;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  fixture_open (&f);
  read_file (&f, path, "news-article.html");
  text = text_of (&f);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (row_text (&f, TITLE), ==, "US bans Kaspersky software from federal agencies");
  g_assert_cmpstr (row_text (&f, SOURCE), ==, "The Daily Record");
  g_assert_cmpstr (row_text (&f, DATE), ==, "2017-09-13");
  g_assert_nonnull (label_starting (&f, "From “news-article.html”, a web page reduced to its "
                                        "text"));

  click_create (&f);
  g_assert_cmpuint (f.created.count, ==, 1);
  g_assert_cmpstr (f.created.draft->text, ==, expected);
  g_assert_cmpstr (f.created.draft->title, ==, "US bans Kaspersky software from federal agencies");
  g_assert_cmpstr (f.created.draft->source, ==, "The Daily Record");
  g_assert_cmpstr (f.created.draft->published, ==, "2017-09-13");
  fixture_close (&f);
}

/* A headline typed on a line of its own is offered as the title, until
 * the person writes one; a sentence is not. */
static void
test_headline_offered_as_title (void)
{
  Fixture f;

  fixture_open (&f);
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "Council backs bike lanes");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "Return");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "Return");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "The council voted.");
  wait_for_row (&f, TITLE, "Council backs bike lanes");
  g_assert_true (create_sensitive (&f));

  /* The person's own title stays through later edits of the text. */
  type_in (&f, row (&f, TITLE), " today");
  wait_for_row (&f, TITLE, "Council backs bike lanes today");
  qg_test_keys (row (&f, TITLE), "Tab");
  qg_test_click_widget (GTK_WIDGET (text_view_of (&f)));
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "ctrl+a");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "Another headline");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "Return");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "More.");
  wait_for_text (&f, "Another headline\nMore.");
  g_assert_cmpstr (row_text (&f, TITLE), ==, "Council backs bike lanes today");
  fixture_close (&f);

  /* A first line that is a sentence gives none; nor does a file chosen
   * then whose first line is one: the typed headline goes with its text. */
  fixture_open (&f);
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "He said no, and left.");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "Return");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "The second line.");
  wait_for_text (&f, "He said no, and left.\nThe second line.");
  g_assert_cmpstr (row_text (&f, TITLE), ==, "");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "ctrl+Home");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "Headline");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "Return");
  wait_for_row (&f, TITLE, "Headline");
  {
    g_autofree char *path = qg_test_scratch_file ("sentence.txt", "It was said.\nMore.\n", 19);

    read_file (&f, path, "sentence.txt");
  }
  g_assert_cmpstr (row_text (&f, TITLE), ==, "");
  fixture_close (&f);
}

/* A text file goes through the dialog byte for byte: line ends, tabs,
 * spaces at the ends of lines, every character. */
static void
test_text_file_exact (void)
{
  static const char text[] = "Headline\r\n\r\n\tIt said \xE2\x80\x9Cno\xE2\x80\x9D.   \r\n"
                             "\xF0\x9F\x91\x8D caf\xC3\xA9\xC2\xA0\xE2\x80\x94 end\rlone CR\n\n";
  g_autofree char *path = qg_test_scratch_file ("article.txt", text, sizeof text - 1);
  Fixture f;

  fixture_open (&f);
  read_file (&f, path, "article.txt");
  g_assert_nonnull (label_starting (&f, "From “article.txt”"));
  /* Its headline, on a line of its own, is offered as the title. */
  g_assert_cmpstr (row_text (&f, TITLE), ==, "Headline");
  g_assert_true (create_sensitive (&f));

  click_create (&f);
  g_assert_cmpmem (f.created.draft->text, f.created.draft->length, text, sizeof text - 1);
  g_assert_null (f.created.draft->source);
  g_assert_null (f.created.draft->published);
  qg_test_remove_scratch (path);
  fixture_close (&f);
}

/* A file that is not UTF-8 says so in the dialog, naming the file and the
 * place of the bad byte, and leaves the text as it was; a good one after
 * it takes the message away. */
static void
test_bad_file_shown (void)
{
  g_autofree char *bad = qg_test_scratch_file ("latin1.txt", "line one\nline two caf\xE9\n", 23);
  g_autofree char *good = data_file ("windows-1252.html");
  GtkLabel *label;
  Fixture f;

  fixture_open (&f);
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "Typed first.");
  wait_for_text (&f, "Typed first.");
  read_file (&f, bad, "latin1.txt");
  label = label_starting (&f, "latin1.txt:");
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "latin1.txt:2:13: not UTF-8 (byte 0xE9); save the article as UTF-8 and choose "
                   "it again");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  wait_for_text (&f, "Typed first.");

  read_file (&f, good, "windows-1252.html");
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "From “windows-1252.html”, a web page reduced to its text");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
  g_assert_cmpstr (row_text (&f, SOURCE), ==, "courrier-du-soir.example");
  /* The text edited is the person's own, no longer the file's. */
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "ctrl+End");
  qg_test_type (GTK_WIDGET (text_view_of (&f)), "!");
  qg_test_wait_frames (GTK_WIDGET (f.dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  qg_test_remove_scratch (bad);
  fixture_close (&f);
}

static gboolean
has_text (gpointer data)
{
  g_autofree char *text = text_of (data);

  return text[0] != '\0';
}

static gboolean
draft_map_off (gpointer data)
{
  return !qg_new_map_dialog_get_draft_map (((Fixture *) data)->dialog);
}

/* Draft the Map is on unless the person turns it off, which a click on
 * its row does; Create says which it was. */
static void
test_draft_the_map (void)
{
  Fixture f;
  GtkWidget *draft_row;

  fixture_open (&f);
  draft_row = qg_test_find_labelled (GTK_WIDGET (f.dialog), ADW_TYPE_ACTION_ROW,
                                     "_Draft the Map");
  g_assert_nonnull (draft_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (draft_row)), ==,
                   "Find quotes, speakers and entities to review");
  g_assert_true (qg_new_map_dialog_get_draft_map (f.dialog));
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "Nobody said a word.");
  type_in (&f, row (&f, TITLE), "Quiet");
  wait_for_row (&f, TITLE, "Quiet");
  qg_test_click (draft_row, 24, gtk_widget_get_height (draft_row) / 2.0);
  qg_test_wait_for (draft_map_off, &f, "Draft the Map to be off");
  click_create (&f);
  g_assert_cmpuint (f.created.count, ==, 1);
  g_assert_false (f.created.draft_map);
  fixture_close (&f);
}

/* Pasted with Ctrl+V from the clipboard: the text exactly as copied. */
static void
test_paste (void)
{
  static const char copied[] = "Pasted \xE2\x80\x9Cquote\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9\r\n"
                               "line two\twith a tab \xF0\x9F\x91\x8D";
  GdkClipboard *clipboard;
  Fixture f;

  fixture_open (&f);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f.dialog));
  gdk_clipboard_set_text (clipboard, copied);
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "");
  qg_test_keys (GTK_WIDGET (text_view_of (&f)), "ctrl+v");
  qg_test_wait_for (has_text, &f, "the text to be pasted");
  /* Its first line, alone on its line, is offered as the title. */
  wait_for_row (&f, TITLE, "Pasted \xE2\x80\x9Cquote\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9");

  click_create (&f);
  g_assert_cmpstr (f.created.draft->text, ==, copied);
  fixture_close (&f);
}

/* Escape is Cancel: the dialog goes, and nothing is created. */
static void
test_escape_cancels (void)
{
  Fixture f;

  fixture_open (&f);
  type_in (&f, GTK_WIDGET (text_view_of (&f)), "Text.");
  type_in (&f, row (&f, TITLE), "Title");
  wait_for_row (&f, TITLE, "Title");
  qg_test_keys (row (&f, TITLE), "Escape");
  qg_test_wait_for (dialog_gone, &f, "the dialog to close");
  g_assert_cmpuint (f.created.count, ==, 0);
  fixture_close (&f);
}

/* ------------------------------------------------------------------------ */
/* Choose File…: GTK's own dialog, run apart (see tests/meson.build). */

static gboolean
row_names (GtkTreeModel *model,
           GtkTreeIter  *iter,
           const char   *name)
{
  for (int c = 0; c < gtk_tree_model_get_n_columns (model); c++)
    if (gtk_tree_model_get_column_type (model, c) == G_TYPE_STRING)
      {
        g_autofree char *value = NULL;

        gtk_tree_model_get (model, iter, c, &value, -1);
        if (g_strcmp0 (value, name) == 0)
          return TRUE;
      }
  return FALSE;
}

typedef struct
{
  GtkTreeView *view;
  const char  *name;
  double       x, y;   /* where the list shows it, in its coordinates */
} FileRow;

/* Whether the list shows the file named @name, and where: looked for
 * down the rows as they are drawn (the order of the chooser's model is
 * not theirs), once the folder is read. */
static gboolean
file_row_shown (gpointer data)
{
  FileRow *w = data;
  GtkTreeModel *model = gtk_tree_view_get_model (w->view);
  int height = gtk_widget_get_height (GTK_WIDGET (w->view));

  for (int y = 0; y < height; y += 2)
    {
      g_autoptr(GtkTreePath) path = NULL;
      GtkTreeIter iter;
      int bx, by;

      gtk_tree_view_convert_widget_to_bin_window_coords (w->view, 10, y, &bx, &by);
      if (gtk_tree_view_get_path_at_pos (w->view, bx, by, &path, NULL, NULL, NULL)
          && gtk_tree_model_get_iter (model, &iter, path) && row_names (model, &iter, w->name))
        {
          GdkRectangle cell;
          int wx, wy;

          gtk_tree_view_get_cell_area (w->view, path, NULL, &cell);
          gtk_tree_view_convert_bin_window_to_widget_coords (w->view, 40,
                                                             cell.y + cell.height / 2, &wx, &wy);
          w->x = wx;
          w->y = wy;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
open_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
title_filled (gpointer data)
{
  Fixture *f = data;

  return !qg_new_map_dialog_is_reading (f->dialog) && row_text (f, TITLE)[0] != '\0';
}

/* Choose File… clicked, the page clicked in GTK's dialog, then Open: the
 * page fills the dialog. */
static void
test_chooser_click_a_page (void)
{
  static const char * const filter_names[] = { "Articles", "Text Files", "Web Pages",
                                               "All Files" };
  g_autofree char *path = data_file ("windows-1252.html");
  g_autofree char *expected_path = data_file ("windows-1252.txt");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GListModel) filters = NULL;
  GtkWidget *choose;
  GtkWidget *chooser;
  GtkWidget *open_button;
  FileRow row_at = { 0 };
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  Fixture f;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  dir = g_path_get_dirname (path);
  fixture_open (&f);
  choose = qg_test_find_labelled (GTK_WIDGET (f.dialog), GTK_TYPE_BUTTON, "Choose _File…");
  g_assert_nonnull (choose);
  qg_test_click_widget (choose);
  qg_test_wait_for (qg_test_file_chooser_shown, NULL, "the file chooser");
  chooser = GTK_WIDGET (qg_test_find_file_chooser ());
  qg_test_wait_for (qg_test_file_chooser_listed, chooser, "the file chooser to list its folder");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, G_N_ELEMENTS (filter_names));
  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, filter_names[i]);
    }

  /* In the page's folder, as after browsing to it, the page clicked in
   * the list, then Open: GTK 4.8's Open is sensitive only with a file
   * selected, not for a path typed. */
  folder = g_file_new_for_path (dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  qg_test_wait_for (qg_test_file_chooser_listed, chooser,
                    "the file chooser to list the page's folder");
  qg_test_wait_frames (chooser);
  row_at.view = qg_test_file_chooser_list (chooser);
  row_at.name = "windows-1252.html";
  qg_test_wait_for (file_row_shown, &row_at, "the page in the list");
  qg_test_click (GTK_WIDGET (row_at.view), row_at.x, row_at.y);
  open_button = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (open_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open_button)), ==, "_Open");
  qg_test_wait_for (open_sensitive, open_button, "Open to be sensitive");
  qg_test_click_widget (open_button);
  qg_test_wait_for (qg_test_file_chooser_gone, NULL, "the file chooser to close");
  qg_test_wait_for (title_filled, &f, "the page to fill the dialog");

  text = text_of (&f);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (row_text (&f, TITLE), ==, "Kaspersky responds to the ban \u2013 Le Courrier "
                                             "du Soir");
  g_assert_cmpstr (row_text (&f, DATE), ==, "2017-09-13");
  g_assert_nonnull (label_starting (&f, "From “windows-1252.html”"));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!qg_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/quotegraph/new-map/typed-article", test_typed_article);
  g_test_add_func ("/quotegraph/new-map/headline-offered-as-title", test_headline_offered_as_title);
  g_test_add_func ("/quotegraph/new-map/create-needs-title-and-text",
                   test_create_needs_title_and_text);
  g_test_add_func ("/quotegraph/new-map/date-reason", test_date_reason);
  g_test_add_func ("/quotegraph/new-map/html-file-fills-fields", test_html_file_fills_fields);
  g_test_add_func ("/quotegraph/new-map/text-file-exact", test_text_file_exact);
  g_test_add_func ("/quotegraph/new-map/bad-file-shown", test_bad_file_shown);
  g_test_add_func ("/quotegraph/new-map/paste", test_paste);
  g_test_add_func ("/quotegraph/new-map/draft-the-map", test_draft_the_map);
  g_test_add_func ("/quotegraph/new-map/escape-cancels", test_escape_cancels);
  /* GTK's file chooser, below /quotegraph/new-map/chooser/: run by
   * tests/meson.build as a test of its own, as test-export-ui's are. */
  g_test_add_func ("/quotegraph/new-map/chooser/click-a-page", test_chooser_click_a_page);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  return status;
}
