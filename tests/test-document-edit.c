/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-cli.h"
#include "qg-document.h"
#include "qg-json-tree.h"
#include "qg-edit.h"
#include "qg-history.h"
#include "qg-test-utils.h"

/* small.json's article:
 *   Acme Corp said on Monday that it "will not comply" with the order.
 *
 *   The regulator, known as the Agency, replied:  "We  expect\tcompliance".
 *   Acme Corp later said again that it will not comply.
 *   Café owners in Zürich said “no comment”.
 */

/* The byte range of the @nth (1-based) @needle in @doc's article. */
static void
find_span (QgDocument *doc,
           const char *needle,
           guint       nth,
           gsize      *start,
           gsize      *end)
{
  gsize len;
  const char *text = qg_document_get_text (doc, &len);
  const char *p = text;

  for (guint i = 0; i < nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, needle);
      g_assert_nonnull (p);
    }
  *start = p - text;
  *end = *start + strlen (needle);
}

/* Applies @edit, which must succeed, and checks that the document it makes
 * is saved and read back as it is. */
static QgDocument *
apply_ok (QgDocument *doc,
          QgEdit     *edit,
          char      **new_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgEdit) owned = edit;
  QgDocument *edited = qg_document_apply (doc, owned, new_id, &error);
  g_autofree char *json = NULL;
  g_autoptr(QgDocument) reread = NULL;
  GFile *file = qg_document_get_file (doc);
  g_autoptr(GFile) dir = file != NULL ? g_file_get_parent (file) : NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (edited);
  g_assert_true (edited != doc);
  json = qg_document_to_json (edited, NULL, &length);
  reread = qg_document_load_from_data (json, length, dir, "saved.json", NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (edited, reread);
  return edited;
}

/* Applies @edit, which must be refused with @message. */
static void
apply_refused (QgDocument *doc,
               QgEdit     *edit,
               const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgEdit) owned = edit;
  g_autofree char *new_id = NULL;
  g_autoptr(QgDocument) edited = qg_document_apply (doc, owned, &new_id, &error);

  g_assert_null (edited);
  g_assert_null (new_id);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_labels (void)
{
  static const struct { QgEditKind kind; const char *label; } cases[] = {
    { QG_EDIT_ADD_QUOTE, "Add Quote" }, { QG_EDIT_ADD_ENTITY, "Add Entity" },
    { QG_EDIT_ADD_RELATION, "Add Relation" }, { QG_EDIT_CHANGE_ENTITY, "Edit Entity" },
    { QG_EDIT_CHANGE_QUOTE, "Edit Quote" }, { QG_EDIT_CHANGE_RELATION, "Edit Relation" },
    { QG_EDIT_DELETE_ENTITY, "Delete Entity" }, { QG_EDIT_DELETE_QUOTE, "Delete Quote" },
    { QG_EDIT_DELETE_RELATION, "Delete Relation" },
    { QG_EDIT_MERGE_ENTITIES, "Merge Entities" },
  };
  const char *evidence[] = { "q", NULL };
  QgEdit *edits[] = {
    qg_edit_new_add_quote (0, 1), qg_edit_new_add_entity ("A", "person"),
    qg_edit_new_add_relation ("a", "b", "l", evidence), qg_edit_new_change_entity ("a"),
    qg_edit_new_change_quote ("q"), qg_edit_new_change_relation ("r"),
    qg_edit_new_delete_entity ("a"), qg_edit_new_delete_quote ("q"),
    qg_edit_new_delete_relation ("r"), qg_edit_new_merge_entities ("a", "b"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (qg_edit_get_kind (edits[i]), ==, cases[i].kind);
      g_assert_cmpstr (qg_edit_get_label (edits[i]), ==, cases[i].label);
      qg_edit_unref (edits[i]);
    }
}

/* ------------------------------------------------------------------------ */
/* Entities                                                                  */

static void
test_add_entity (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) edited = NULL;
  g_autofree char *id = NULL;
  QgEdit *edit = qg_edit_new_add_entity ("Zürich City Council", "government");
  const char *aliases[] = { "the council", NULL };
  const QgEntity *e;

  qg_edit_set_aliases (edit, aliases);
  qg_edit_set_description (edit, "Runs the city");
  edited = apply_ok (doc, edit, &id);

  g_assert_cmpstr (id, ==, "zurich-city-council");
  g_assert_cmpuint (qg_document_get_n_entities (edited), ==, 4);
  e = qg_document_get_entity (edited, 3);
  g_assert_cmpstr (e->id, ==, id);
  g_assert_cmpstr (e->name, ==, "Zürich City Council");
  g_assert_cmpstr (e->kind, ==, "government");
  g_assert_cmpstr (e->aliases[0], ==, "the council");
  g_assert_null (e->aliases[1]);
  g_assert_cmpstr (e->description, ==, "Runs the city");
  /* The document edited is as it was. */
  g_assert_cmpuint (qg_document_get_n_entities (doc), ==, 3);
  g_assert_cmpint (qg_document_find_entity (doc, id), ==, -1);
}

/* Ids are slugs of the name, unique among every id of the document (of
 * entities, quotes and relations), at most 64 characters of FORMAT.md's. */
static void
test_new_ids (void)
{
  static const struct { const char *name; const char *id; } cases[] = {
    { "Acme", "acme-2" },                      /* an entity's id */
    { "Acme refuses", "acme-refuses-2" },      /* a quote's */
    { "Agency Demands!", "agency-demands-2" }, /* a relation's */
    { "Café owners in Zürich", "cafe-owners-in-zurich" },
    { "  --Ünïcödé--  ", "unicode" },
    { "東京", "entity" },
    { "The United States Department of Homeland Security Cybersecurity and Infrastructure "
      "Security Agency", "the-united-states-department-of-homeland" },
    { "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
  };
  g_autoptr(QgDocument) doc = qg_test_load_small ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = NULL;
      g_autoptr(QgDocument) edited = apply_ok (doc, qg_edit_new_add_entity (cases[i].name,
                                                                            "group"), &id);

      g_test_message ("name \"%s\"", cases[i].name);
      g_assert_cmpstr (id, ==, cases[i].id);
    }

  /* Each collision takes the next number. */
  {
    g_autoptr(QgDocument) current = g_object_ref (doc);

    for (guint n = 2; n <= 12; n++)
      {
        g_autofree char *id = NULL;
        g_autofree char *expected = g_strdup_printf ("cafe-%u", n);
        QgDocument *edited = apply_ok (current, qg_edit_new_add_entity ("Café", "group"), &id);

        g_assert_cmpstr (id, ==, expected);
        g_set_object (&current, edited);
        g_object_unref (edited);
      }
  }
}

static void
test_add_entity_refused (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  const char *blank_alias[] = { "ok", " \t", NULL };
  QgEdit *edit;

  apply_refused (doc, qg_edit_new_add_entity (" \n", "person"), "An entity needs a name");
  apply_refused (doc, qg_edit_new_add_entity (NULL, "person"), "An entity needs a name");
  apply_refused (doc, qg_edit_new_add_entity ("A", ""), "An entity needs a kind, such as “person”");
  edit = qg_edit_new_add_entity ("A", "person");
  qg_edit_set_aliases (edit, blank_alias);
  apply_refused (doc, edit, "An alias must not be empty");
  apply_refused (doc, qg_edit_new_add_entity ("A\xff", "person"),
                 "The edit holds text that is not UTF-8");
}

static void
test_change_entity (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) renamed = NULL;
  g_autoptr(QgDocument) cleared = NULL;
  QgEdit *edit = qg_edit_new_change_entity ("agency");
  const char *aliases[] = { "regulator", "the Agency", "FTC", NULL };
  const QgEntity *e;

  qg_edit_set_name (edit, "The Trade Agency");
  qg_edit_set_aliases (edit, aliases);
  qg_edit_set_description (edit, "Regulates trade");
  renamed = apply_ok (doc, edit, NULL);
  e = qg_document_get_entity (renamed, 1);
  g_assert_cmpstr (e->id, ==, "agency");
  g_assert_cmpstr (e->name, ==, "The Trade Agency");
  g_assert_cmpstr (e->kind, ==, "agency");   /* not set: kept */
  g_assert_true (g_strv_equal (e->aliases, aliases));
  g_assert_cmpstr (e->description, ==, "Regulates trade");
  /* What refers to it still does. */
  g_assert_cmpint (qg_document_get_quote (renamed, 1)->speaker, ==, 1);

  edit = qg_edit_new_change_entity ("agency");
  qg_edit_set_kind (edit, "regulator");
  qg_edit_set_aliases (edit, NULL);
  qg_edit_set_description (edit, "  ");
  cleared = apply_ok (doc, edit, NULL);
  e = qg_document_get_entity (cleared, 1);
  g_assert_cmpstr (e->name, ==, "The Agency");
  g_assert_cmpstr (e->kind, ==, "regulator");
  g_assert_null (e->aliases[0]);
  g_assert_null (e->description);

  edit = qg_edit_new_change_entity ("agency");
  qg_edit_set_name (edit, "");
  apply_refused (doc, edit, "An entity needs a name");
  apply_refused (doc, qg_edit_new_change_entity ("agency-expects"),
                 "“agency-expects” is a quote, not an entity");
  apply_refused (doc, qg_edit_new_change_entity ("nobody"), "There is no entity “nobody”");
}

/* ------------------------------------------------------------------------ */
/* Quotes                                                                    */

static void
test_add_quote_from_span (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  gsize start, end;

  /* The second "will not comply": its occurrence is computed. */
  {
    g_autoptr(QgDocument) edited = NULL;
    g_autofree char *id = NULL;
    QgEdit *edit;
    const QgQuote *q;

    find_span (doc, "will not comply", 2, &start, &end);
    edit = qg_edit_new_add_quote (start, end);
    qg_edit_set_speaker (edit, "acme");
    qg_edit_set_note (edit, "Said again");
    edited = apply_ok (doc, edit, &id);
    g_assert_cmpstr (id, ==, "will-not-comply");
    q = qg_document_get_quote (edited, qg_document_find_quote (edited, id));
    g_assert_cmpstr (q->text, ==, "will not comply");
    g_assert_cmpuint (q->occurrence, ==, 2);
    g_assert_cmpuint (q->start, ==, start);
    g_assert_cmpuint (q->end, ==, end);
    g_assert_cmpint (q->speaker, ==, 0);
    g_assert_cmpstr (q->note, ==, "Said again");
  }
  /* The article's own white space, verbatim; white space at the ends of a
   * selection left out. */
  {
    g_autoptr(QgDocument) edited = NULL;
    g_autofree char *id = NULL;
    const QgQuote *q;

    find_span (doc, "  \"We  expect\tcompliance\".\n", 1, &start, &end);
    edited = apply_ok (doc, qg_edit_new_add_quote (start, end), &id);
    q = qg_document_get_quote (edited, qg_document_find_quote (edited, id));
    g_assert_cmpstr (q->text, ==, "\"We  expect\tcompliance\".");
    g_assert_cmpuint (q->occurrence, ==, 1);
    g_assert_cmpuint (q->start, ==, start + 2);
    g_assert_cmpuint (q->end, ==, end - 1);
    g_assert_cmpint (q->speaker, ==, -1);
    g_assert_null (q->note);
  }
  /* Many-byte characters. */
  {
    g_autoptr(QgDocument) edited = NULL;
    g_autofree char *id = NULL;
    const QgQuote *q;

    find_span (doc, "Café owners in Zürich said “no", 1, &start, &end);
    edited = apply_ok (doc, qg_edit_new_add_quote (start, end), &id);
    g_assert_cmpstr (id, ==, "cafe-owners-in-zurich-said-no");
    q = qg_document_get_quote (edited, qg_document_find_quote (edited, id));
    g_assert_cmpuint (q->end, ==, end);
  }
}

/* Every span of an article that repeats itself, in white space and in
 * overlapping text, becomes a quote that the loader finds exactly there. */
static void
test_every_span_is_found_where_selected (void)
{
  const char *article = "aaa a\t\taa  aaa\r\naaa ab\n\nab ab é ab\u00a0ab";
  g_autoptr(QgDocument) doc = qg_document_new_for_article (article, -1, "Echoes", NULL, NULL,
                                                           NULL);
  gsize len = strlen (article);
  guint n_spans = 0;

  g_assert_nonnull (doc);
  for (gsize start = 0; start < len; start++)
    for (gsize end = start + 1; end <= len; end++)
      {
        g_autoptr(QgEdit) edit = NULL;
        g_autoptr(QgDocument) edited = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *id = NULL;
        g_autofree char *span = g_strndup (article + start, end - start);
        const QgQuote *q;
        gsize s = start, e = end;

        /* Not on a character's bytes: refused, as below. */
        if ((article[start] & 0xC0) == 0x80 || (end < len && (article[end] & 0xC0) == 0x80))
          continue;
        while (s < e && strchr (" \t\r\n", article[s]) != NULL)
          s++;
        while (e > s && strchr (" \t\r\n", article[e - 1]) != NULL)
          e--;
        edit = qg_edit_new_add_quote (start, end);
        edited = qg_document_apply (doc, edit, &id, &error);
        if (s == e)
          {
            g_assert_null (edited);
            continue;
          }
        g_assert_no_error (error);
        q = qg_document_get_quote (edited, 0);
        if (q->start != s || q->end != e)
          g_error ("span [%zu, %zu) \"%s\" found at [%zu, %zu)", start, end, span, q->start,
                   q->end);
        n_spans++;
      }
  g_assert_cmpuint (n_spans, >, 500);
}

static void
test_add_quote_refused (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  gsize len, start, end;
  QgEdit *edit;

  qg_document_get_text (doc, &len);
  find_span (doc, "Café", 1, &start, &end);
  apply_refused (doc, qg_edit_new_add_quote (start + 4, start + 5),
                 "The selection begins or ends inside a character");
  apply_refused (doc, qg_edit_new_add_quote (start, start + 4),
                 "The selection begins or ends inside a character");
  apply_refused (doc, qg_edit_new_add_quote (start, start), "The selection is empty");
  apply_refused (doc, qg_edit_new_add_quote (len - 2, len + 1),
                 "The selection is outside the article");
  apply_refused (doc, qg_edit_new_add_quote (end, start), "The selection is outside the article");
  find_span (doc, ".\n\nThe", 1, &start, &end);
  apply_refused (doc, qg_edit_new_add_quote (start + 1, start + 3),
                 "The selection holds only white space");

  find_span (doc, "Monday", 1, &start, &end);
  edit = qg_edit_new_add_quote (start, end);
  qg_edit_set_speaker (edit, "acme-defies");
  apply_refused (doc, edit, "“acme-defies” is a relation, not an entity");
  edit = qg_edit_new_add_quote (start, end);
  qg_edit_set_speaker (edit, "acne");
  apply_refused (doc, edit, "There is no entity “acne”");
}

static void
test_change_quote (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) moved = NULL;
  g_autoptr(QgDocument) kept = NULL;
  g_autoptr(QgDocument) cleared = NULL;
  QgEdit *edit;
  const QgQuote *q;
  gsize start, end;

  /* Its place: the text and occurrence follow. */
  find_span (doc, "Acme Corp later said again that it will not comply", 1, &start, &end);
  edit = qg_edit_new_change_quote ("acme-refuses");
  qg_edit_set_span (edit, start, end);
  qg_edit_set_speaker (edit, "agency");
  qg_edit_set_note (edit, "Inferred");
  moved = apply_ok (doc, edit, NULL);
  q = qg_document_get_quote (moved, 0);
  g_assert_cmpstr (q->id, ==, "acme-refuses");
  g_assert_cmpstr (q->text, ==, "Acme Corp later said again that it will not comply");
  g_assert_cmpuint (q->start, ==, start);
  g_assert_cmpuint (q->occurrence, ==, 1);
  g_assert_cmpint (q->speaker, ==, 1);
  g_assert_cmpstr (q->note, ==, "Inferred");
  /* Still the evidence it was. */
  g_assert_cmpuint (qg_document_get_relation (moved, 0)->evidence[0], ==, 0);

  /* The same place keeps the text as written, and the occurrence. */
  q = qg_document_get_quote (doc, 1);
  edit = qg_edit_new_change_quote ("agency-expects");
  qg_edit_set_span (edit, q->start, q->end);
  kept = apply_ok (doc, edit, NULL);
  g_assert_cmpstr (qg_document_get_quote (kept, 1)->text, ==, "We expect compliance");

  /* A quote on its own loses its speaker and note. */
  edit = qg_edit_new_change_quote ("acme-repeats");
  qg_edit_set_speaker (edit, NULL);
  qg_edit_set_note (edit, NULL);
  cleared = apply_ok (doc, edit, NULL);
  q = qg_document_get_quote (cleared, 2);
  g_assert_cmpint (q->speaker, ==, -1);
  g_assert_null (q->note);
  g_assert_cmpuint (q->occurrence, ==, 2);

  edit = qg_edit_new_change_quote ("acme-repeats");
  qg_edit_set_span (edit, 3, 3);
  apply_refused (doc, edit, "The selection is empty");
  apply_refused (doc, qg_edit_new_change_quote ("acme"), "“acme” is an entity, not a quote");
}

/* ------------------------------------------------------------------------ */
/* Relations                                                                 */

static void
test_add_relation (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) edited = NULL;
  g_autoptr(QgDocument) stanced = NULL;
  g_autofree char *id = NULL;
  const char *evidence[] = { "acme-refuses", "cafe-no-comment", "acme-refuses", NULL };
  const QgRelation *r;
  QgEdit *edit;

  edited = apply_ok (doc, qg_edit_new_add_relation ("acme", "cafe", "ignores", evidence), &id);
  g_assert_cmpstr (id, ==, "acme-ignores-cafe");
  r = qg_document_get_relation (edited, qg_document_find_relation (edited, id));
  g_assert_cmpint (r->source, ==, 0);
  g_assert_cmpint (r->target, ==, 2);
  g_assert_cmpstr (r->label, ==, "ignores");
  g_assert_cmpint (r->stance, ==, QG_STANCE_NEUTRAL);
  /* Each quote once. */
  g_assert_cmpuint (r->n_evidence, ==, 2);
  g_assert_cmpuint (r->evidence[1], ==, 3);

  edit = qg_edit_new_add_relation ("acme", "acme", "contradicts itself", evidence);
  qg_edit_set_stance (edit, QG_STANCE_OPPOSE);
  g_clear_pointer (&id, g_free);
  stanced = apply_ok (doc, edit, &id);
  r = qg_document_get_relation (stanced, qg_document_find_relation (stanced, id));
  g_assert_cmpint (r->stance, ==, QG_STANCE_OPPOSE);
  g_assert_cmpint (r->source, ==, r->target);
}

static void
test_add_relation_refused (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  const char *evidence[] = { "acme-refuses", NULL };
  const char *none[] = { NULL };
  const char *wrong[] = { "acme-refuses", "acme", NULL };

  apply_refused (doc, qg_edit_new_add_relation ("acme", "nobody", "l", evidence),
                 "There is no entity “nobody”");
  apply_refused (doc, qg_edit_new_add_relation ("acme-refuses", "acme", "l", evidence),
                 "“acme-refuses” is a quote, not an entity");
  apply_refused (doc, qg_edit_new_add_relation ("acme", "cafe", " ", evidence),
                 "A relation needs a label, a short verb phrase such as “criticises”");
  apply_refused (doc, qg_edit_new_add_relation ("acme", "cafe", "l", none),
                 "A relation needs at least one quote as evidence");
  apply_refused (doc, qg_edit_new_add_relation ("acme", "cafe", "l", NULL),
                 "A relation needs at least one quote as evidence");
  apply_refused (doc, qg_edit_new_add_relation ("acme", "cafe", "l", wrong),
                 "“acme” is an entity, not a quote");
}

static void
test_change_relation (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) edited = NULL;
  const char *evidence[] = { "agency-expects", NULL };
  QgEdit *edit = qg_edit_new_change_relation ("acme-defies");
  const QgRelation *r;

  qg_edit_set_source (edit, "cafe");
  qg_edit_set_target (edit, "acme");
  qg_edit_set_label (edit, "sides with");
  qg_edit_set_stance (edit, QG_STANCE_SUPPORT);
  qg_edit_set_evidence (edit, evidence);
  edited = apply_ok (doc, edit, NULL);
  r = qg_document_get_relation (edited, 0);
  g_assert_cmpstr (r->id, ==, "acme-defies");
  g_assert_cmpint (r->source, ==, 2);
  g_assert_cmpint (r->target, ==, 0);
  g_assert_cmpstr (r->label, ==, "sides with");
  g_assert_cmpint (r->stance, ==, QG_STANCE_SUPPORT);
  g_assert_cmpuint (r->n_evidence, ==, 1);
  g_assert_cmpuint (r->evidence[0], ==, 1);

  edit = qg_edit_new_change_relation ("acme-defies");
  qg_edit_set_evidence (edit, NULL);
  apply_refused (doc, edit, "A relation needs at least one quote as evidence");
  edit = qg_edit_new_change_relation ("acme-defies");
  qg_edit_set_stance (edit, 7);
  apply_refused (doc, edit, "A stance is “support”, “oppose” or “neutral”");
}

/* ------------------------------------------------------------------------ */
/* Deletions and merges                                                      */

static GArray *
indices (guint n,
         ...)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (guint));
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      guint value = va_arg (args, guint);
      g_array_append_val (array, value);
    }
  va_end (args);
  return array;
}

static void
assert_indices (GArray *actual,
                GArray *expected)
{
  g_autoptr(GArray) owned = expected;

  g_assert_cmpmem (actual->data, actual->len * sizeof (guint), owned->data,
                   owned->len * sizeof (guint));
}

static void
assert_effects (QgDocument *doc,
                QgEdit     *edit,
                GArray     *deleted,
                GArray     *weakened,
                GArray     *unspoken,
                GArray     *looped)
{
  g_auto(QgEditEffects) effects = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (qg_document_get_edit_effects (doc, edit, &effects, &error));
  g_assert_no_error (error);
  assert_indices (effects.deleted_relations, deleted);
  assert_indices (effects.weakened_relations, weakened);
  assert_indices (effects.unspoken_quotes, unspoken);
  assert_indices (effects.looped_relations, looped);
}

static void
test_delete_entity (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) edited = NULL;
  QgEdit *edit = qg_edit_new_delete_entity ("agency");

  /* Both of its relations go, and its quote loses its speaker. */
  assert_effects (doc, edit, indices (2, 0, 1), indices (0), indices (1, 1), indices (0));
  edited = apply_ok (doc, edit, NULL);
  g_assert_cmpuint (qg_document_get_n_entities (edited), ==, 2);
  g_assert_cmpint (qg_document_find_entity (edited, "agency"), ==, -1);
  g_assert_cmpuint (qg_document_get_n_relations (edited), ==, 1);
  g_assert_cmpstr (qg_document_get_relation (edited, 0)->id, ==, "cafe-silent");
  g_assert_cmpuint (qg_document_get_n_quotes (edited), ==, 4);
  g_assert_cmpint (qg_document_get_quote (edited, 1)->speaker, ==, -1);
  /* The others keep theirs, by their new index. */
  g_assert_cmpint (qg_document_get_quote (edited, 3)->speaker, ==, 1);

  apply_refused (doc, qg_edit_new_delete_entity ("agency-demands"),
                 "“agency-demands” is a relation, not an entity");
}

static void
test_delete_quote (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) weakened = NULL;
  g_autoptr(QgDocument) deleted = NULL;
  QgEdit *edit;

  /* acme-defies has another piece of evidence, and keeps it. */
  edit = qg_edit_new_delete_quote ("acme-refuses");
  assert_effects (doc, edit, indices (0), indices (1, 0), indices (0), indices (0));
  weakened = apply_ok (doc, edit, NULL);
  g_assert_cmpuint (qg_document_get_n_quotes (weakened), ==, 3);
  g_assert_cmpuint (qg_document_get_relation (weakened, 0)->n_evidence, ==, 1);
  g_assert_cmpstr (qg_document_get_quote (weakened,
                                          qg_document_get_relation (weakened, 0)->evidence[0])->id,
                   ==, "acme-repeats");

  /* agency-demands has no other: no relation without evidence. */
  edit = qg_edit_new_delete_quote ("agency-expects");
  assert_effects (doc, edit, indices (1, 1), indices (0), indices (0), indices (0));
  deleted = apply_ok (doc, edit, NULL);
  g_assert_cmpuint (qg_document_get_n_relations (deleted), ==, 2);
  g_assert_cmpint (qg_document_find_relation (deleted, "agency-demands"), ==, -1);

  apply_refused (doc, qg_edit_new_delete_quote ("nothing"), "There is no quote “nothing”");
}

static void
test_delete_relation (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) edited = NULL;
  QgEdit *edit = qg_edit_new_delete_relation ("agency-demands");

  assert_effects (doc, edit, indices (0), indices (0), indices (0), indices (0));
  edited = apply_ok (doc, edit, NULL);
  g_assert_cmpuint (qg_document_get_n_relations (edited), ==, 2);
  g_assert_cmpint (qg_document_find_relation (edited, "agency-demands"), ==, -1);
  /* Its quote stays: a quote needs no relation. */
  g_assert_cmpuint (qg_document_get_n_quotes (edited), ==, 4);

  apply_refused (doc, qg_edit_new_delete_relation ("acme"), "“acme” is an entity, not a relation");
}

static void
test_merge_entities (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) edited = NULL;
  QgEdit *edit = qg_edit_new_merge_entities ("acme", "agency");
  const QgEntity *e;
  const QgRelation *r;
  const char *aliases[] = { "The Agency", "the Agency", "regulator", NULL };

  /* Both relations between the two become Acme's to itself. */
  assert_effects (doc, edit, indices (0), indices (0), indices (0), indices (2, 0, 1));
  edited = apply_ok (doc, edit, NULL);
  g_assert_cmpuint (qg_document_get_n_entities (edited), ==, 2);
  g_assert_cmpint (qg_document_find_entity (edited, "agency"), ==, -1);
  e = qg_document_get_entity (edited, 0);
  g_assert_cmpstr (e->name, ==, "Acme Corp");
  g_assert_true (g_strv_equal (e->aliases, aliases));
  g_assert_cmpstr (e->description, ==, "A company that will not comply");
  /* Its quote and relations are Acme's. */
  g_assert_cmpint (qg_document_get_quote (edited, 1)->speaker, ==, 0);
  g_assert_cmpuint (qg_document_get_n_relations (edited), ==, 3);
  r = qg_document_get_relation (edited, 1);
  g_assert_cmpint (r->source, ==, 0);
  g_assert_cmpint (r->target, ==, 0);
  g_assert_cmpuint (r->n_evidence, ==, 1);

  apply_refused (doc, qg_edit_new_merge_entities ("acme", "acme"),
                 "An entity cannot be merged with itself");
  apply_refused (doc, qg_edit_new_merge_entities ("acme", "acme-refuses"),
                 "“acme-refuses” is a quote, not an entity");
}

/* Two retailers that both "will not confirm selling" Kaspersky's products,
 * merged, are one retailer that says it once: the relations that say the
 * same are joined, their evidence too, each quote once. */
static void
test_merge_joins_what_says_the_same (void)
{
  static const char json[] =
    "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": "
    "\"Amazon would not say. Newegg would not say either. Both sell it.\"}, "
    "\"entities\": [{\"id\": \"amazon\", \"name\": \"Amazon\", \"kind\": \"retailer\"}, "
    "{\"id\": \"newegg\", \"name\": \"Newegg\", \"kind\": \"retailer\"}, "
    "{\"id\": \"lab\", \"name\": \"Lab\", \"kind\": \"company\"}], "
    "\"quotes\": [{\"id\": \"q1\", \"text\": \"Amazon would not say\"}, "
    "{\"id\": \"q2\", \"text\": \"Newegg would not say either\"}, "
    "{\"id\": \"q3\", \"text\": \"Both sell it\"}], "
    "\"relations\": [{\"id\": \"a\", \"source\": \"amazon\", \"target\": \"lab\", "
    "\"label\": \"will not confirm selling\", \"evidence\": [\"q1\", \"q3\"]}, "
    "{\"id\": \"d\", \"source\": \"newegg\", \"target\": \"lab\", "
    "\"label\": \"will not confirm selling\", \"evidence\": [\"q2\"], \"draft\": true}, "
    "{\"id\": \"n\", \"source\": \"newegg\", \"target\": \"lab\", "
    "\"label\": \"Will not confirm selling\", \"evidence\": [\"q2\", \"q3\"]}, "
    "{\"id\": \"o\", \"source\": \"newegg\", \"target\": \"lab\", "
    "\"label\": \"will not confirm selling\", \"stance\": \"oppose\", \"evidence\": [\"q2\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "t.json",
                                                          NULL, &error);
  g_autoptr(QgDocument) merged = NULL;
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(QgDocument) bundled = NULL;
  g_autoptr(QgDocument) retailers = NULL;
  const QgRelation *r;
  gint joined;

  g_assert_no_error (error);
  merged = apply_ok (doc, qg_edit_new_merge_entities ("amazon", "newegg"), NULL);
  /* "n" joins "a" (its label read as a person reads it); "o", of another
   * stance, is a relation of its own, and so is the draft "d": joined to
   * what a person checked, it would pass for checked. */
  g_assert_cmpuint (qg_document_get_n_relations (merged), ==, 3);
  g_assert_cmpint (qg_document_find_relation (merged, "d"), >=, 0);
  g_assert_cmpint (qg_document_find_relation (merged, "n"), ==, -1);
  joined = qg_document_find_relation (merged, "a");
  g_assert_cmpint (joined, >=, 0);
  r = qg_document_get_relation (merged, joined);
  g_assert_cmpuint (r->n_evidence, ==, 3);
  g_assert_cmpstr (qg_document_get_quote (merged, r->evidence[0])->id, ==, "q1");
  g_assert_cmpstr (qg_document_get_quote (merged, r->evidence[1])->id, ==, "q3");
  g_assert_cmpstr (qg_document_get_quote (merged, r->evidence[2])->id, ==, "q2");
  g_assert_false (r->draft);
  r = qg_document_get_relation (merged, qg_document_find_relation (merged, "o"));
  g_assert_cmpstr (qg_document_get_entity (merged, r->source)->id, ==, "amazon");
  /* The document merged from stays as it was. */
  r = qg_document_get_relation (doc, qg_document_find_relation (doc, "a"));
  g_assert_cmpuint (r->n_evidence, ==, 2);

  /* On the example map: Newegg's two relations are Amazon's already. */
  bundled = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);
  g_assert_no_error (error);
  retailers = apply_ok (bundled, qg_edit_new_merge_entities ("amazon", "newegg"), NULL);
  g_assert_cmpuint (qg_document_get_n_relations (retailers), ==,
                    qg_document_get_n_relations (bundled) - 2);
  r = qg_document_get_relation (retailers, qg_document_find_relation (retailers, "amazon-declines"));
  g_assert_cmpuint (r->n_evidence, ==, 1);
}

/* A description the kept entity lacks is the other's; names it already
 * has are not added again. */
static void
test_merge_keeps_what_it_has (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgDocument) renamed = NULL;
  g_autoptr(QgDocument) merged = NULL;
  QgEdit *edit = qg_edit_new_change_entity ("cafe");
  const char *aliases[] = { "Acme Corp", NULL };
  const QgEntity *e;

  qg_edit_set_aliases (edit, aliases);
  renamed = apply_ok (doc, edit, NULL);
  merged = apply_ok (renamed, qg_edit_new_merge_entities ("cafe", "acme"), NULL);
  e = qg_document_get_entity (merged, 1);
  g_assert_cmpstr (e->id, ==, "cafe");
  g_assert_cmpstr (e->aliases[0], ==, "Acme Corp");
  g_assert_null (e->aliases[1]);
  g_assert_cmpstr (e->description, ==, "A company that will not comply");
}

/* ------------------------------------------------------------------------ */
/* What the loader does not know, and the article's file                     */

static void
test_unknown_members_survive_edits (void)
{
  g_autoptr(QgDocument) doc = qg_test_load ("valid", "small-text-file.json");
  g_autoptr(QgDocument) renamed = NULL;
  g_autoptr(QgDocument) merged = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  QgEdit *edit = qg_edit_new_change_entity ("acme");
  JsonObject *root, *acme, *future;
  gsize length;

  qg_edit_set_name (edit, "Acme Corporation");
  renamed = apply_ok (doc, edit, NULL);
  merged = apply_ok (renamed, qg_edit_new_merge_entities ("acme", "cafe"), NULL);
  json = qg_document_to_json (merged, NULL, &length);
  g_assert_true (json_parser_load_from_data (parser, json, length, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  acme = json_array_get_object_element (json_object_get_array_member (root, "entities"), 0);
  g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==, "Acme Corporation");
  g_assert_cmpstr (json_object_get_string_member (acme, "x-color"), ==, "red");
  future = json_object_get_object_member (root, "future_member");
  g_assert_nonnull (future);
  g_assert_true (json_object_get_boolean_member (future, "ignored"));
}

/* An edit does not read the article's file again: the text is the one
 * every version of the document shows, and its file stays its file. */
static void
test_text_file_is_not_read_again (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-edit-XXXXXX", NULL);
  g_autofree char *json_path = qg_test_copy_small_text_file (dir);
  g_autofree char *text_path = g_build_filename (dir, "small.txt", NULL);
  g_autofree char *article = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgDocument) edited = NULL;
  g_autoptr(QgEdit) edit = NULL;
  gsize length, text_length;

  g_assert_true (g_file_get_contents (text_path, &article, &length, NULL));
  doc = qg_document_load (file, "map.json", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (text_path), ==, 0);
  edit = qg_edit_new_delete_relation ("cafe-silent");
  edited = qg_document_apply (doc, edit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (qg_document_get_text (edited, &text_length), text_length, article, length);
  g_assert_true (g_file_equal (qg_document_get_text_file (edited),
                               qg_document_get_text_file (doc)));
  g_assert_true (g_file_equal (qg_document_get_file (edited), file));
  saved = qg_document_to_json (edited, file, NULL);
  g_assert_nonnull (strstr (saved, "\n    \"text_file\": \"small.txt\"\n"));
  g_assert_null (strstr (saved, "\"text\": \"Acme"));

  g_unlink (json_path);
  g_rmdir (dir);
}

static void
test_new_for_article (void)
{
  const char *text = "Line one\r\n\tTwo  spaces 👍 \"quoted\" \\ back\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_new_for_article (text, -1, "A title", NULL,
                                                           "2024-03-07", &error);
  g_autoptr(QgDocument) reread = NULL;
  g_autoptr(QgDocument) undated = NULL;
  g_autofree char *json = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpmem (qg_document_get_text (doc, &length), length, text, strlen (text));
  g_assert_cmpstr (qg_document_get_title (doc), ==, "A title");
  g_assert_null (qg_document_get_source (doc));
  g_assert_cmpstr (qg_document_get_published (doc), ==, "2024-03-07");
  g_assert_null (qg_document_get_file (doc));
  g_assert_null (qg_document_get_text_file (doc));
  g_assert_cmpuint (qg_document_get_n_entities (doc), ==, 0);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 0);
  g_assert_cmpuint (qg_document_get_n_relations (doc), ==, 0);

  json = qg_document_to_json (doc, NULL, &length);
  reread = qg_document_load_from_data (json, length, NULL, "new.json", NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (doc, reread);

  /* An empty source or date is none; the text is all its bytes. */
  undated = qg_document_new_for_article ("ab\0cd", 2, "T", " ", "", &error);
  g_assert_no_error (error);
  g_assert_null (qg_document_get_source (undated));
  g_assert_null (qg_document_get_published (undated));
  g_assert_cmpmem (qg_document_get_text (undated, &length), length, "ab", 2);
}

static void
test_new_for_article_refused (void)
{
  static const struct
  {
    const char *text;
    gssize      length;
    const char *title;
    const char *published;
    const char *message;
  } cases[] = {
    { "text", -1, "", NULL, "The article needs a title" },
    { "text", -1, NULL, NULL, "The article needs a title" },
    { "text", -1, "T", "13 March", "“13 March” is not a date: write it like “2017-09-13”" },
    { "text", -1, "T", "2017-02-29", "“2017-02-29” is not a date: write it like “2017-09-13”" },
    { " \r\n\t", -1, "T", NULL, "The article has no text: a map is made of its quotes" },
    { "", -1, "T", NULL, "The article has no text: a map is made of its quotes" },
    { "caf\xe9", -1, "T", NULL, "The article is not UTF-8 text" },
    { "a\0b", 3, "T", NULL, "The article is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDocument) doc = qg_document_new_for_article (cases[i].text, cases[i].length,
                                                               cases[i].title, NULL,
                                                               cases[i].published, &error);

      g_assert_null (doc);
      g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* ------------------------------------------------------------------------ */
/* A sequence of edits on the bundled map                                    */

static const char * const kinds[] = { "person", "agency", "company", "media", "group", "court" };
static const char * const names[] = {
  "Federal Trade Commission", "Zoë Ågren", "The “Bell”", "Reuters", "東京", "A", "Kaspersky",
};
static const char * const labels[] = { "criticises", "funds", "sues", "works with", "bans" };

static const char *
random_id (QgDocument *doc,
           guint       kind)
{
  guint n = kind == 0 ? qg_document_get_n_entities (doc)
            : kind == 1 ? qg_document_get_n_quotes (doc) : qg_document_get_n_relations (doc);
  guint i;

  /* Now and then an id that is not there, or of another kind. */
  if (n == 0 || g_test_rand_int_range (0, 20) == 0)
    return g_test_rand_bit () ? "nowhere" : "dhs";
  i = g_test_rand_int_range (0, n);
  return kind == 0 ? qg_document_get_entity (doc, i)->id
         : kind == 1 ? qg_document_get_quote (doc, i)->id : qg_document_get_relation (doc, i)->id;
}

static void
random_span (QgDocument *doc,
             gsize      *start,
             gsize      *end)
{
  gsize len;

  qg_document_get_text (doc, &len);
  *start = g_test_rand_int_range (0, len);
  *end = MIN (len, *start + g_test_rand_int_range (0, 160));
}

static char **
random_quotes (QgDocument *doc)
{
  guint n = g_test_rand_int_range (0, 4);
  char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (random_id (doc, 1));
  return ids;
}

static QgEdit *
random_edit (QgDocument *doc)
{
  g_auto(GStrv) evidence = random_quotes (doc);
  const char *name = names[g_test_rand_int_range (0, G_N_ELEMENTS (names))];
  const char *kind = kinds[g_test_rand_int_range (0, G_N_ELEMENTS (kinds))];
  const char *label = labels[g_test_rand_int_range (0, G_N_ELEMENTS (labels))];
  const char *aliases[] = { "Alias", name, NULL };
  gsize start, end;
  QgEdit *edit;

  random_span (doc, &start, &end);
  switch (g_test_rand_int_range (0, 10))
    {
    case 0:
      edit = qg_edit_new_add_quote (start, end);
      if (g_test_rand_bit ())
        qg_edit_set_speaker (edit, random_id (doc, 0));
      return edit;
    case 1:
      edit = qg_edit_new_add_entity (name, kind);
      if (g_test_rand_bit ())
        qg_edit_set_aliases (edit, aliases);
      return edit;
    case 2:
      edit = qg_edit_new_add_relation (random_id (doc, 0), random_id (doc, 0), label,
                                       (const char * const *) evidence);
      qg_edit_set_stance (edit, g_test_rand_int_range (0, 3));
      return edit;
    case 3:
      edit = qg_edit_new_change_entity (random_id (doc, 0));
      if (g_test_rand_bit ())
        qg_edit_set_name (edit, name);
      if (g_test_rand_bit ())
        qg_edit_set_kind (edit, kind);
      if (g_test_rand_bit ())
        qg_edit_set_aliases (edit, g_test_rand_bit () ? aliases : NULL);
      if (g_test_rand_bit ())
        qg_edit_set_description (edit, g_test_rand_bit () ? "Described" : NULL);
      return edit;
    case 4:
      edit = qg_edit_new_change_quote (random_id (doc, 1));
      if (g_test_rand_bit ())
        qg_edit_set_span (edit, start, end);
      if (g_test_rand_bit ())
        qg_edit_set_speaker (edit, g_test_rand_bit () ? random_id (doc, 0) : NULL);
      if (g_test_rand_bit ())
        qg_edit_set_note (edit, g_test_rand_bit () ? "Noted" : NULL);
      return edit;
    case 5:
      edit = qg_edit_new_change_relation (random_id (doc, 2));
      if (g_test_rand_bit ())
        qg_edit_set_source (edit, random_id (doc, 0));
      if (g_test_rand_bit ())
        qg_edit_set_target (edit, random_id (doc, 0));
      if (g_test_rand_bit ())
        qg_edit_set_label (edit, label);
      if (g_test_rand_bit ())
        qg_edit_set_stance (edit, g_test_rand_int_range (0, 3));
      if (g_test_rand_bit ())
        qg_edit_set_evidence (edit, (const char * const *) evidence);
      return edit;
    case 6:
      return qg_edit_new_delete_entity (random_id (doc, 0));
    case 7:
      return qg_edit_new_delete_quote (random_id (doc, 1));
    case 8:
      return qg_edit_new_delete_relation (random_id (doc, 2));
    case 9:
    default:
      return qg_edit_new_merge_entities (random_id (doc, 0), random_id (doc, 0));
    }
}

/* Every edited document, saved and read again, loads without a problem,
 * equals the one edited and saves to the same bytes; undo and redo go
 * back and forth through the same documents. */
static void
test_edits_on_the_bundled_map (void)
{
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);
  g_autoptr(QgHistory) history = NULL;
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names_of = g_ptr_array_new_with_free_func (g_free);
  guint made[QG_EDIT_MERGE_ENTITIES + 1] = { 0 };
  guint refused = 0;

  g_assert_no_error (error);
  history = qg_history_new (doc);
  g_ptr_array_add (versions, g_object_ref (doc));
  for (guint step = 0; step < 400; step++)
    {
      QgDocument *current = qg_history_get_document (history);
      g_autoptr(QgEdit) edit = random_edit (current);
      g_autoptr(GError) edit_error = NULL;
      g_autofree char *new_id = NULL;
      g_autofree char *json = NULL;
      g_autofree char *again = NULL;
      g_autoptr(QgDocument) reread = NULL;
      QgDocument *edited;
      gsize length;

      edited = qg_history_apply (history, edit, &new_id, &edit_error);
      if (edited == NULL)
        {
          /* A refusal says why, and changes nothing. */
          g_assert_error (edit_error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (edit_error->message, "The edit would break") == FALSE);
          g_assert_true (qg_history_get_document (history) == current);
          refused++;
          continue;
        }
      g_assert_no_error (edit_error);
      g_assert_true (qg_history_get_document (history) == edited);
      if (new_id != NULL)
        g_assert_true (qg_document_find_entity (edited, new_id) >= 0
                       || qg_document_find_quote (edited, new_id) >= 0
                       || qg_document_find_relation (edited, new_id) >= 0);

      json = qg_document_to_json (edited, NULL, &length);
      reread = qg_document_load_from_data (json, length, dir, "saved.json", NULL, &error);
      g_assert_no_error (error);
      qg_test_assert_same_model (edited, reread);
      again = qg_document_to_json (reread, NULL, NULL);
      g_assert_cmpstr (again, ==, json);

      g_ptr_array_add (versions, g_object_ref (edited));
      g_ptr_array_add (names_of, g_strdup (qg_edit_get_label (edit)));
      made[qg_edit_get_kind (edit)]++;
    }
  /* Most edits are made, of every kind; some are refused. */
  for (guint kind = 0; kind < G_N_ELEMENTS (made); kind++)
    {
      g_test_message ("edits of kind %u made: %u", kind, made[kind]);
      g_assert_cmpuint (made[kind], >, 3);
    }
  g_test_message ("%u refused", refused);
  g_assert_cmpuint (refused, >, 20);

  for (guint i = versions->len - 1; i > 0; i--)
    {
      g_assert_cmpstr (qg_history_get_undo_label (history), ==,
                       g_ptr_array_index (names_of, i - 1));
      g_assert_true (qg_history_undo (history));
      qg_test_assert_same_model (qg_history_get_document (history),
                                 g_ptr_array_index (versions, i - 1));
    }
  g_assert_false (qg_history_get_can_undo (history));
  g_assert_false (qg_history_get_modified (history));
  for (guint i = 1; i < versions->len; i++)
    {
      g_assert_true (qg_history_redo (history));
      qg_test_assert_same_model (qg_history_get_document (history),
                                 g_ptr_array_index (versions, i));
    }
  g_assert_false (qg_history_get_can_redo (history));
}

/* Until @n trees have been let go of in threads, within a minute at the
 * most. */
static void
wait_for_freed_beside (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (qg_json_tree_get_n_unref_beside () < n && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_assert_cmpuint (qg_json_tree_get_n_unref_beside (), ==, n);
}

/* A large document lets go of its tree in a thread, while an edit made
 * of it, which shares the tree's unchanged parts, stays whole. A small
 * one frees its tree at once. */
static void
test_large_tree_freed_beside (void)
{
  QgDocument *small = qg_test_load_map (8, 12);
  guint freed = qg_json_tree_get_n_unref_beside ();
  QgDocument *large;
  g_autoptr(QgDocument) edited = NULL;
  g_autofree char *json = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) reread = NULL;
  gsize length, after_length;

  g_object_unref (small);
  g_assert_cmpuint (qg_json_tree_get_n_unref_beside (), ==, freed);

  large = qg_test_load_map (3000, 3000);
  /* apply_ok reads the edit back, and lets that copy go. */
  edited = apply_ok (large, qg_edit_new_add_entity ("Newcomer", "person"), NULL);
  wait_for_freed_beside (freed + 1);
  json = qg_document_to_json (edited, NULL, &length);
  g_object_unref (large);
  wait_for_freed_beside (freed + 2);

  after = qg_document_to_json (edited, NULL, &after_length);
  g_assert_cmpmem (after, after_length, json, length);
  reread = qg_document_load_from_data (after, after_length, NULL, "saved.json", NULL, &error);
  g_assert_no_error (error);
  qg_test_assert_same_model (edited, reread);
  g_assert_cmpuint (qg_document_get_n_entities (edited), ==, 3001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/edit/labels", test_labels);
  g_test_add_func ("/quotegraph/edit/add-entity", test_add_entity);
  g_test_add_func ("/quotegraph/edit/new-ids", test_new_ids);
  g_test_add_func ("/quotegraph/edit/add-entity-refused", test_add_entity_refused);
  g_test_add_func ("/quotegraph/edit/change-entity", test_change_entity);
  g_test_add_func ("/quotegraph/edit/add-quote-from-span", test_add_quote_from_span);
  g_test_add_func ("/quotegraph/edit/every-span-is-found-where-selected",
                   test_every_span_is_found_where_selected);
  g_test_add_func ("/quotegraph/edit/add-quote-refused", test_add_quote_refused);
  g_test_add_func ("/quotegraph/edit/change-quote", test_change_quote);
  g_test_add_func ("/quotegraph/edit/add-relation", test_add_relation);
  g_test_add_func ("/quotegraph/edit/add-relation-refused", test_add_relation_refused);
  g_test_add_func ("/quotegraph/edit/change-relation", test_change_relation);
  g_test_add_func ("/quotegraph/edit/delete-entity", test_delete_entity);
  g_test_add_func ("/quotegraph/edit/delete-quote", test_delete_quote);
  g_test_add_func ("/quotegraph/edit/delete-relation", test_delete_relation);
  g_test_add_func ("/quotegraph/edit/merge-entities", test_merge_entities);
  g_test_add_func ("/quotegraph/edit/merge-keeps-what-it-has", test_merge_keeps_what_it_has);
  g_test_add_func ("/quotegraph/edit/merge-joins-what-says-the-same",
                   test_merge_joins_what_says_the_same);
  g_test_add_func ("/quotegraph/edit/unknown-members-survive-edits",
                   test_unknown_members_survive_edits);
  g_test_add_func ("/quotegraph/edit/text-file-is-not-read-again",
                   test_text_file_is_not_read_again);
  g_test_add_func ("/quotegraph/edit/new-for-article", test_new_for_article);
  g_test_add_func ("/quotegraph/edit/new-for-article-refused", test_new_for_article_refused);
  g_test_add_func ("/quotegraph/edit/edits-on-the-bundled-map", test_edits_on_the_bundled_map);
  g_test_add_func ("/quotegraph/edit/large-tree-freed-beside", test_large_tree_freed_beside);

  return g_test_run ();
}
