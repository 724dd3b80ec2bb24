/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qg-document.h"
#include "qg-edit.h"
#include "qg-test-utils.h"

/* The draft mark, and the edits made to drafts: accepting, rejecting and
 * drafting again. */

#define ARTICLE "Ann Lee said: \\\"We won.\\\" Bob Ray said \\\"They lost.\\\" Acme Inc. cheered."

/* Ann and Bob, their quotes and relations are drafts; Acme is checked. */
static const char drafted[] =
  "{ \"format\": \"quotegraph/1\","
  "  \"article\": { \"title\": \"Match\", \"text\": \"" ARTICLE "\" },"
  "  \"entities\": ["
  "    { \"id\": \"ann\", \"name\": \"Ann Lee\", \"kind\": \"person\", \"draft\": true },"
  "    { \"id\": \"bob\", \"name\": \"Bob Ray\", \"kind\": \"person\", \"draft\": true },"
  "    { \"id\": \"acme\", \"name\": \"Acme Inc.\", \"kind\": \"company\" } ],"
  "  \"quotes\": ["
  "    { \"id\": \"won\", \"text\": \"We won.\", \"speaker\": \"ann\", \"draft\": true,"
  "      \"note\": \"from “said:”\" },"
  "    { \"id\": \"lost\", \"text\": \"They lost.\", \"speaker\": \"bob\", \"draft\": true } ],"
  "  \"relations\": ["
  "    { \"id\": \"ann-acme\", \"source\": \"ann\", \"target\": \"acme\", \"label\": \"says of\","
  "      \"evidence\": [\"won\"], \"draft\": true },"
  "    { \"id\": \"bob-ann\", \"source\": \"bob\", \"target\": \"ann\", \"label\": \"says of\","
  "      \"evidence\": [\"lost\"], \"draft\": true } ] }";

/* The same article, mapped by hand: Acme under another name, and the
 * first quote, a little longer. */
static const char checked[] =
  "{ \"format\": \"quotegraph/1\","
  "  \"article\": { \"title\": \"Match\", \"text\": \"" ARTICLE "\" },"
  "  \"entities\": ["
  "    { \"id\": \"acme-inc\", \"name\": \"Acme\", \"kind\": \"company\","
  "      \"aliases\": [\"ACME INC.\"] } ],"
  "  \"quotes\": [ { \"id\": \"we-won\", \"text\": \"said: \\\"We won.\" } ],"
  "  \"relations\": [] }";

static QgDocument *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load_from_data (json, strlen (json), NULL, "test.json", NULL,
                                                &error);

  g_assert_no_error (error);
  return doc;
}

static void
apply_refused (QgDocument *doc,
               QgEdit     *edit,
               const char *message)
{
  g_autoptr(QgEdit) owned = edit;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) edited = qg_document_apply (doc, owned, NULL, &error);

  g_assert_null (edited);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_mark_round_trip (void)
{
  g_autoptr(QgDocument) doc = load (drafted);
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("qg-draft-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_true (qg_test_is_draft (doc, "ann"));
  g_assert_false (qg_test_is_draft (doc, "acme"));
  g_assert_true (qg_test_is_draft (doc, "won"));
  g_assert_true (qg_test_is_draft (doc, "bob-ann"));

  g_assert_true (qg_document_save (doc, file, NULL, &error));
  g_assert_no_error (error);
  reread = qg_document_load (file, "map.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (qg_test_is_draft (reread, "bob"));
  g_assert_false (qg_test_is_draft (reread, "acme"));
  g_assert_true (qg_test_is_draft (reread, "lost"));
  g_assert_true (qg_test_is_draft (reread, "ann-acme"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_mark_wrong_type (void)
{
  g_autoptr(GString) json = g_string_new (drafted);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;

  g_string_replace (json, "\"kind\": \"person\", \"draft\": true", "\"kind\": \"person\", "
                    "\"draft\": \"yes\"", 1);
  doc = qg_document_load_from_data (json->str, json->len, NULL, "test.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message,
                            "entities[0].draft: expected true or false, found a string"));
}

static void
test_accept (void)
{
  g_autoptr(QgDocument) doc = load (drafted);
  const char *relation[] = { "ann-acme", NULL };
  const char *quote[] = { "lost", NULL };
  g_autoptr(QgDocument) accepted = qg_test_apply_ok (doc, qg_edit_new_accept_drafts (relation));
  g_autoptr(QgDocument) both = qg_test_apply_ok (accepted, qg_edit_new_accept_drafts (quote));
  g_autofree char *json = qg_document_to_json (both, NULL, NULL);

  /* The relation, its entities and its evidence are checked now... */
  g_assert_false (qg_test_is_draft (accepted, "ann-acme"));
  g_assert_false (qg_test_is_draft (accepted, "ann"));
  g_assert_false (qg_test_is_draft (accepted, "won"));
  /* ...and nothing else. */
  g_assert_true (qg_test_is_draft (accepted, "bob"));
  g_assert_true (qg_test_is_draft (accepted, "lost"));
  g_assert_true (qg_test_is_draft (accepted, "bob-ann"));
  /* The document accepted from stays as it was. */
  g_assert_true (qg_test_is_draft (doc, "ann-acme"));

  /* A quote takes its speaker with it. */
  g_assert_false (qg_test_is_draft (both, "lost"));
  g_assert_false (qg_test_is_draft (both, "bob"));
  g_assert_true (qg_test_is_draft (both, "bob-ann"));
  /* The mark is gone from the file's quotes too; the note stays, and the
   * relation still drafted keeps its mark. */
  {
    const char *quotes = strstr (json, "\"quotes\"");
    const char *relations = strstr (json, "\"relations\"");
    g_autofree char *quote_part = g_strndup (quotes, relations - quotes);

    g_assert_null (strstr (quote_part, "\"draft\""));
    g_assert_nonnull (strstr (relations, "\"draft\": true"));
  }
  g_assert_nonnull (strstr (json, "from “said:”"));

  apply_refused (doc, qg_edit_new_accept_drafts ((const char *[]) { "acme", NULL }),
                 "“acme” is not a draft");
  apply_refused (doc, qg_edit_new_accept_drafts ((const char *[]) { "nobody", NULL }),
                 "There is no “nobody” in the map");
}

static void
test_reject (void)
{
  g_autoptr(QgDocument) doc = load (drafted);
  const char *ann[] = { "ann", NULL };
  const char *all[] = { "ann", "bob", "won", "lost", "ann-acme", "bob-ann", NULL };
  g_auto(QgEditEffects) effects = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(QgEdit) reject_ann = qg_edit_new_reject_drafts (ann);
  g_autoptr(QgDocument) rejected = NULL;
  g_autoptr(QgDocument) none = NULL;

  g_assert_cmpstr (qg_edit_get_label (reject_ann), ==, "Reject Draft");
  g_assert_true (qg_document_get_edit_effects (doc, reject_ann, &effects, &error));
  g_assert_no_error (error);
  /* Both of Ann's relations go, and her quote loses its speaker. */
  g_assert_cmpuint (effects.deleted_relations->len, ==, 2);
  g_assert_cmpuint (effects.unspoken_quotes->len, ==, 1);
  g_assert_cmpuint (g_array_index (effects.unspoken_quotes, guint, 0), ==,
                    qg_document_find_quote (doc, "won"));

  rejected = qg_test_apply_ok (doc, qg_edit_ref (reject_ann));
  g_assert_cmpint (qg_document_find_entity (rejected, "ann"), <, 0);
  g_assert_cmpuint (qg_document_get_n_relations (rejected), ==, 0);
  g_assert_cmpint (qg_document_get_quote (rejected,
                                          qg_document_find_quote (rejected, "won"))->speaker,
                   ==, -1);
  g_assert_cmpuint (qg_document_get_n_entities (rejected), ==, 2);

  /* Reject All: only what a person made is left. */
  {
    g_autoptr(QgEdit) edit = qg_edit_new_reject_drafts (all);

    g_assert_cmpstr (qg_edit_get_label (edit), ==, "Reject Drafts");
    none = qg_test_apply_ok (doc, qg_edit_ref (edit));
  }
  g_assert_cmpuint (qg_document_get_n_entities (none), ==, 1);
  g_assert_cmpint (qg_document_find_entity (none, "acme"), ==, 0);
  g_assert_cmpuint (qg_document_get_n_quotes (none), ==, 0);
  g_assert_cmpuint (qg_document_get_n_relations (none), ==, 0);

  apply_refused (doc, qg_edit_new_reject_drafts ((const char *[]) { "acme", NULL }),
                 "“acme” is not a draft");
}

static void
test_reject_evidence (void)
{
  g_autoptr(GString) json = g_string_new (drafted);
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgDocument) rejected = NULL;
  const QgRelation *r;

  /* Bob's relation rests on both quotes, and is kept by a person. */
  g_string_replace (json, "\"evidence\": [\"lost\"], \"draft\": true", "\"evidence\": [\"lost\", "
                    "\"won\"]", 1);
  doc = load (json->str);
  rejected = qg_test_apply_ok (doc, qg_edit_new_reject_drafts ((const char *[]) { "lost", NULL }));
  r = qg_document_get_relation (rejected, qg_document_find_relation (rejected, "bob-ann"));
  g_assert_cmpuint (r->n_evidence, ==, 1);
  g_assert_cmpstr (qg_document_get_quote (rejected, r->evidence[0])->id, ==, "won");
}

static void
test_draft_again (void)
{
  g_autoptr(QgDocument) doc = load (checked);
  g_autoptr(QgDocument) draft = load (drafted);
  g_autoptr(QgDocument) merged = qg_test_apply_ok (doc, qg_edit_new_add_draft (draft));
  g_autoptr(QgDocument) again = qg_test_apply_ok (merged, qg_edit_new_add_draft (draft));
  g_autofree char *first = qg_document_to_json (merged, NULL, NULL);
  g_autofree char *second = qg_document_to_json (again, NULL, NULL);
  const QgRelation *r;
  gint acme;

  /* Acme is known by its alias; Ann and Bob are new, as drafts. */
  g_assert_cmpuint (qg_document_get_n_entities (merged), ==, 3);
  g_assert_true (qg_test_is_draft (merged, "ann"));
  g_assert_true (qg_test_is_draft (merged, "bob"));
  g_assert_false (qg_test_is_draft (merged, "acme-inc"));
  /* "We won." is the person's quote already; "They lost." is new. */
  g_assert_cmpuint (qg_document_get_n_quotes (merged), ==, 2);
  g_assert_false (qg_test_is_draft (merged, "we-won"));
  g_assert_true (qg_test_is_draft (merged, "lost"));
  /* The relations are drafts, between the map's own entities, and rest on
   * the map's own quote where it covers the draft's. */
  g_assert_cmpuint (qg_document_get_n_relations (merged), ==, 2);
  acme = qg_document_find_entity (merged, "acme-inc");
  for (guint i = 0; i < 2; i++)
    {
      r = qg_document_get_relation (merged, i);
      g_assert_true (r->draft);
      if (r->target == acme)
        {
          g_assert_cmpuint (r->n_evidence, ==, 1);
          g_assert_cmpstr (qg_document_get_quote (merged, r->evidence[0])->id, ==, "we-won");
        }
    }
  /* Drafting again adds nothing the map has. */
  g_assert_cmpstr (first, ==, second);
}

static void
test_draft_again_other_article (void)
{
  g_autoptr(GString) json = g_string_new (checked);
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgDocument) draft = load (drafted);

  g_string_replace (json, "cheered.", "booed. Acme Inc. cheered.", 1);
  doc = load (json->str);
  apply_refused (doc, qg_edit_new_add_draft (draft), "The draft is of another article");
}

/* A person's edit checks what it rests on: a relation added between
 * drafts accepts them and its evidence; a checked quote's new speaker is
 * accepted; a checked entity merged into a drafted one keeps it checked. */
static void
test_person_edits (void)
{
  g_autoptr(QgDocument) doc = load (drafted);
  g_autoptr(QgDocument) related = NULL;
  g_autoptr(QgDocument) merged = NULL;
  g_autoptr(QgDocument) spoken = NULL;
  g_autoptr(QgDocument) edited = NULL;
  const char *evidence[] = { "lost", NULL };

  related = qg_test_apply_ok (doc, qg_edit_new_add_relation ("ann", "bob", "answers", evidence));
  g_assert_false (qg_test_is_draft (related, "ann"));
  g_assert_false (qg_test_is_draft (related, "bob"));
  g_assert_false (qg_test_is_draft (related, "lost"));
  /* Not what the new relation does not rest on. */
  g_assert_true (qg_test_is_draft (related, "won"));
  g_assert_true (qg_test_is_draft (related, "bob-ann"));

  merged = qg_test_apply_ok (doc, qg_edit_new_merge_entities ("ann", "acme"));
  g_assert_false (qg_test_is_draft (merged, "ann"));

  /* A drafted relation edited stays a draft, and so does what it rests on. */
  {
    QgEdit *edit = qg_edit_new_change_relation ("bob-ann");

    qg_edit_set_label (edit, "replies to");
    edited = qg_test_apply_ok (doc, edit);
  }
  g_assert_true (qg_test_is_draft (edited, "bob-ann"));
  g_assert_true (qg_test_is_draft (edited, "bob"));

  /* Accept "won" (and Ann), then give it Bob as its speaker. */
  {
    g_autoptr(QgDocument) accepted = qg_test_apply_ok (doc, qg_edit_new_accept_drafts ((const char *[]) {
      "won", NULL }));
    QgEdit *edit = qg_edit_new_change_quote ("won");

    g_assert_true (qg_test_is_draft (accepted, "bob"));
    qg_edit_set_speaker (edit, "bob");
    spoken = qg_test_apply_ok (accepted, edit);
  }
  g_assert_false (qg_test_is_draft (spoken, "bob"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/draft-edit/mark-round-trip", test_mark_round_trip);
  g_test_add_func ("/quotegraph/draft-edit/mark-wrong-type", test_mark_wrong_type);
  g_test_add_func ("/quotegraph/draft-edit/accept", test_accept);
  g_test_add_func ("/quotegraph/draft-edit/reject", test_reject);
  g_test_add_func ("/quotegraph/draft-edit/reject-evidence", test_reject_evidence);
  g_test_add_func ("/quotegraph/draft-edit/draft-again", test_draft_again);
  g_test_add_func ("/quotegraph/draft-edit/person-edits", test_person_edits);
  g_test_add_func ("/quotegraph/draft-edit/draft-again-other-article",
                   test_draft_again_other_article);

  return g_test_run ();
}
