/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-edit.h"
#include "qg-history.h"
#include "qg-test-utils.h"

/* How often each property of a history was notified. */
typedef struct
{
  guint document;
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
  guint modified;
} Counts;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  Counts *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  if (strcmp (name, "document") == 0)
    counts->document++;
  else if (strcmp (name, "can-undo") == 0)
    counts->can_undo++;
  else if (strcmp (name, "can-redo") == 0)
    counts->can_redo++;
  else if (strcmp (name, "undo-label") == 0)
    counts->undo_label++;
  else if (strcmp (name, "redo-label") == 0)
    counts->redo_label++;
  else if (strcmp (name, "modified") == 0)
    counts->modified++;
  else
    g_assert_not_reached ();
}

static void
assert_counts (Counts       *counts,
               const Counts *expected)
{
  g_assert_cmpuint (counts->document, ==, expected->document);
  g_assert_cmpuint (counts->can_undo, ==, expected->can_undo);
  g_assert_cmpuint (counts->can_redo, ==, expected->can_redo);
  g_assert_cmpuint (counts->undo_label, ==, expected->undo_label);
  g_assert_cmpuint (counts->redo_label, ==, expected->redo_label);
  g_assert_cmpuint (counts->modified, ==, expected->modified);
  memset (counts, 0, sizeof *counts);
}

/* The version made, with a reference of its own: the history keeps only
 * the current version's document. */
static QgDocument *
apply (QgHistory *history,
       QgEdit    *edit)
{
  g_autoptr(QgEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  QgDocument *edited = qg_history_apply (history, owned, NULL, &error);

  g_assert_no_error (error);
  return g_object_ref (edited);
}

static void
test_undo_and_redo (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  g_autoptr(QgDocument) added = NULL;
  g_autoptr(QgDocument) deleted = NULL;
  Counts counts = { 0 };

  g_signal_connect (history, "notify", G_CALLBACK (count_notify), &counts);
  g_assert_true (qg_history_get_document (history) == doc);
  g_assert_false (qg_history_get_can_undo (history));
  g_assert_false (qg_history_get_can_redo (history));
  g_assert_null (qg_history_get_undo_label (history));
  g_assert_null (qg_history_get_redo_label (history));
  g_assert_false (qg_history_undo (history));
  g_assert_false (qg_history_redo (history));

  added = apply (history, qg_edit_new_add_entity ("Regulator", "agency"));
  g_assert_true (qg_history_get_document (history) == added);
  g_assert_cmpuint (qg_document_get_n_entities (added), ==, 4);
  g_assert_cmpstr (qg_history_get_undo_label (history), ==, "Add Entity");
  assert_counts (&counts, &(Counts) { .document = 1, .can_undo = 1, .undo_label = 1,
                                      .modified = 1 });

  deleted = apply (history, qg_edit_new_delete_relation ("cafe-silent"));
  g_assert_cmpstr (qg_history_get_undo_label (history), ==, "Delete Relation");
  assert_counts (&counts, &(Counts) { .document = 1, .undo_label = 1 });

  g_assert_true (qg_history_undo (history) == qg_history_get_document (history));
  qg_test_assert_same_model (qg_history_get_document (history), added);
  g_assert_cmpstr (qg_history_get_undo_label (history), ==, "Add Entity");
  g_assert_cmpstr (qg_history_get_redo_label (history), ==, "Delete Relation");
  assert_counts (&counts, &(Counts) { .document = 1, .can_redo = 1, .undo_label = 1,
                                      .redo_label = 1 });

  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_document (history) == doc);
  g_assert_false (qg_history_get_can_undo (history));
  g_assert_cmpstr (qg_history_get_redo_label (history), ==, "Add Entity");
  assert_counts (&counts, &(Counts) { .document = 1, .can_undo = 1, .undo_label = 1,
                                      .redo_label = 1, .modified = 1 });

  g_assert_true (qg_history_redo (history));
  g_assert_true (qg_history_redo (history));
  qg_test_assert_same_model (qg_history_get_document (history), deleted);
  g_assert_false (qg_history_get_can_redo (history));
  g_assert_false (qg_history_redo (history));
  g_assert_cmpuint (qg_document_get_n_relations (deleted), ==, 2);
}

/* An edit after an undo drops what redo would have gone to. */
static void
test_edit_after_undo_drops_the_redo (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  g_autoptr(QgDocument) merged = NULL;

  g_object_unref (apply (history, qg_edit_new_delete_entity ("cafe")));
  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_can_redo (history));
  merged = apply (history, qg_edit_new_merge_entities ("acme", "cafe"));
  g_assert_false (qg_history_get_can_redo (history));
  g_assert_null (qg_history_get_redo_label (history));
  g_assert_cmpstr (qg_history_get_undo_label (history), ==, "Merge Entities");
  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_document (history) == doc);
  g_assert_true (qg_history_redo (history));
  qg_test_assert_same_model (qg_history_get_document (history), merged);
}

/* A refused edit changes nothing. */
static void
test_refused_edit_is_not_pushed (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  g_autoptr(QgEdit) edit = qg_edit_new_add_entity ("", "person");
  g_autoptr(GError) error = NULL;
  Counts counts = { 0 };

  g_signal_connect (history, "notify", G_CALLBACK (count_notify), &counts);
  g_assert_null (qg_history_apply (history, edit, NULL, &error));
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_true (qg_history_get_document (history) == doc);
  g_assert_false (qg_history_get_can_undo (history));
  assert_counts (&counts, &(Counts) { 0 });
}

/* Modified is relative to the version saved, across undo and redo. */
static void
test_saved_mark (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  Counts counts = { 0 };

  g_signal_connect (history, "notify::modified", G_CALLBACK (count_notify), &counts);
  /* Loaded: as saved. */
  g_assert_false (qg_history_get_modified (history));
  g_object_unref (apply (history, qg_edit_new_add_entity ("One", "group")));
  g_object_unref (apply (history, qg_edit_new_add_entity ("Two", "group")));
  g_assert_true (qg_history_get_modified (history));
  qg_history_set_saved (history, NULL);
  g_assert_false (qg_history_get_modified (history));
  assert_counts (&counts, &(Counts) { .modified = 2 });

  /* Past the mark and back, both ways. */
  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_modified (history));
  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_modified (history));
  g_assert_true (qg_history_redo (history));
  g_assert_true (qg_history_redo (history));
  g_assert_false (qg_history_get_modified (history));
  g_object_unref (apply (history, qg_edit_new_add_entity ("Three", "group")));
  g_assert_true (qg_history_get_modified (history));
  g_assert_true (qg_history_undo (history));
  g_assert_false (qg_history_get_modified (history));
  assert_counts (&counts, &(Counts) { .modified = 4 });

  /* The version saved is dropped by an edit after undoing past it: no
   * version is the one saved any more. */
  g_assert_true (qg_history_undo (history));
  g_object_unref (apply (history, qg_edit_new_add_entity ("Four", "group")));
  g_assert_true (qg_history_get_modified (history));
  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_modified (history));
  g_assert_true (qg_history_redo (history));
  g_assert_true (qg_history_get_modified (history));
}

/* A save in the background ends after more edits: the version it wrote
 * is the one saved, unless it was dropped meanwhile. */
static void
test_saved_in_the_background (void)
{
  g_autoptr(QgDocument) doc = qg_document_new_for_article ("Some text.", -1, "T", NULL, NULL,
                                                           NULL);
  g_autoptr(QgHistory) history = qg_history_new (doc);
  g_autoptr(QgDocument) written = apply (history, qg_edit_new_add_entity ("One", "group"));

  g_object_unref (apply (history, qg_edit_new_add_entity ("Two", "group")));
  qg_history_set_saved (history, written);
  g_assert_true (qg_history_get_modified (history));
  g_assert_nonnull (qg_history_undo (history));
  g_assert_false (qg_history_get_modified (history));
  /* The version undone to is made again: it is known by its tree. */
  g_assert_true (qg_history_get_document (history) != written);
  g_assert_nonnull (qg_history_redo (history));
  qg_history_set_saved (history, NULL);
  g_assert_false (qg_history_get_modified (history));

  /* Written, then dropped by an edit after undoing past it. */
  g_assert_nonnull (qg_history_undo (history));
  g_assert_nonnull (qg_history_undo (history));
  g_object_unref (apply (history, qg_edit_new_add_entity ("Three", "group")));
  qg_history_set_saved (history, written);
  g_assert_true (qg_history_get_modified (history));
  g_assert_nonnull (qg_history_undo (history));
  g_assert_true (qg_history_get_modified (history));
}

/* A new map has no file: it is unsaved from the start. */
static void
test_new_map_is_modified (void)
{
  g_autoptr(QgDocument) doc = qg_document_new_for_article ("Some text.", -1, "T", NULL, NULL,
                                                           NULL);
  g_autoptr(QgHistory) history = qg_history_new (doc);
  gboolean modified = FALSE;

  g_assert_true (qg_history_get_modified (history));
  g_object_get (history, "modified", &modified, NULL);
  g_assert_true (modified);
  qg_history_set_saved (history, NULL);
  g_assert_false (qg_history_get_modified (history));
}

static void
test_properties (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  g_autoptr(QgDocument) current = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gboolean can_undo, can_redo;

  g_object_unref (apply (history, qg_edit_new_delete_quote ("acme-refuses")));
  g_object_unref (apply (history, qg_edit_new_delete_quote ("acme-repeats")));
  qg_history_undo (history);
  g_object_get (history, "document", &current, "can-undo", &can_undo, "can-redo", &can_redo,
                "undo-label", &undo_label, "redo-label", &redo_label, NULL);
  g_assert_true (current == qg_history_get_document (history));
  g_assert_true (can_undo);
  g_assert_true (can_redo);
  g_assert_cmpstr (undo_label, ==, "Delete Quote");
  g_assert_cmpstr (redo_label, ==, "Delete Quote");
}

/* A document of another article pushed, and edited: undo and redo go
 * through it and back to the first. */
static void
test_push_another_article (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  g_autoptr(QgDocument) other = qg_document_new_for_article ("Other text.", -1, "Other", NULL,
                                                             NULL, NULL);
  g_autoptr(QgDocument) edited = NULL;

  qg_history_push (history, other, "New Map");
  edited = apply (history, qg_edit_new_add_entity ("Someone", "person"));
  g_assert_true (qg_history_undo (history));
  g_assert_true (qg_history_get_document (history) == other);
  g_assert_cmpstr (qg_history_get_undo_label (history), ==, "New Map");
  g_assert_true (qg_history_undo (history));
  qg_test_assert_same_model (qg_history_get_document (history), doc);
  g_assert_true (qg_history_redo (history));
  g_assert_true (qg_history_redo (history));
  qg_test_assert_same_model (qg_history_get_document (history), edited);
  g_assert_cmpstr (qg_document_get_title (qg_history_get_document (history)), ==, "Other");
}

/* Unlimited: as many versions as edits, and every one undone. */
static void
test_unlimited_depth (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgHistory) history = qg_history_new (doc);
  guint n = 0;

  for (guint i = 1; i <= 2000; i++)
    {
      g_autoptr(QgEdit) edit = qg_edit_new_change_entity ("acme");
      g_autofree char *name = g_strdup_printf ("Acme %u", i);

      qg_edit_set_name (edit, name);
      g_assert_nonnull (qg_history_apply (history, edit, NULL, NULL));
    }
  while (qg_history_undo (history))
    {
      g_autofree char *name = NULL;

      n++;
      name = 2000 - n > 0 ? g_strdup_printf ("Acme %u", 2000 - n) : g_strdup ("Acme Corp");
      g_assert_cmpstr (qg_document_get_entity (qg_history_get_document (history), 0)->name, ==,
                       name);
    }
  g_assert_cmpuint (n, ==, 2000);
  g_assert_cmpstr (qg_document_get_entity (qg_history_get_document (history), 0)->name, ==,
                   "Acme Corp");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/history/undo-and-redo", test_undo_and_redo);
  g_test_add_func ("/quotegraph/history/edit-after-undo-drops-the-redo",
                   test_edit_after_undo_drops_the_redo);
  g_test_add_func ("/quotegraph/history/refused-edit-is-not-pushed",
                   test_refused_edit_is_not_pushed);
  g_test_add_func ("/quotegraph/history/saved-mark", test_saved_mark);
  g_test_add_func ("/quotegraph/history/saved-in-the-background",
                   test_saved_in_the_background);
  g_test_add_func ("/quotegraph/history/new-map-is-modified", test_new_map_is_modified);
  g_test_add_func ("/quotegraph/history/properties", test_properties);
  g_test_add_func ("/quotegraph/history/push-another-article", test_push_another_article);
  g_test_add_func ("/quotegraph/history/unlimited-depth", test_unlimited_depth);

  return g_test_run ();
}
