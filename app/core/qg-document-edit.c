/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-article-index.h"
#include "qg-document-private.h"
#include "qg-edit-private.h"
#include "qg-json-tree.h"
#include "qg-json.h"

/* Editing. An edit makes a new JSON tree, which shares every node it does
 * not change with the document's (they are immutable), and reads it with
 * the loader: whatever an edit does, the document it makes keeps every
 * rule a loaded one keeps. Each edit first checks what it is given, so
 * that a refusal says why in words for the person; the loader's verdict
 * is the last word. Only the quotes an edit adds or moves are looked for
 * in the article again. */

/* Ids made from names leave room for "-2", "-3"… within 64 characters. */
#define ID_BASE_MAX 48
#define QUOTE_ID_BASE_MAX 32

G_GNUC_PRINTF (2, 3)
static gboolean
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* References                                                                */

typedef enum
{
  REF_ENTITY,
  REF_QUOTE,
  REF_RELATION,
} RefKind;

static gint
find_ref (QgDocument *doc,
          RefKind     kind,
          const char *id)
{
  switch (kind)
    {
    case REF_ENTITY:
      return qg_document_find_entity (doc, id);
    case REF_QUOTE:
      return qg_document_find_quote (doc, id);
    case REF_RELATION:
    default:
      return qg_document_find_relation (doc, id);
    }
}

/* The index of the @kind with that id, or -1 with the reason. */
static gint
resolve (QgDocument  *doc,
         RefKind      kind,
         const char  *id,
         GError     **error)
{
  /* Translators: "“dhs” is an entity, not a quote" */
  static const char * const is_not[3][3] = {
    { NULL, N_("“%s” is a quote, not an entity"), N_("“%s” is a relation, not an entity") },
    { N_("“%s” is an entity, not a quote"), NULL, N_("“%s” is a relation, not a quote") },
    { N_("“%s” is an entity, not a relation"), N_("“%s” is a quote, not a relation"), NULL },
  };
  static const char * const unknown[3] = {
    N_("There is no entity “%s”"),
    N_("There is no quote “%s”"),
    N_("There is no relation “%s”"),
  };
  gint index;

  if (id == NULL)
    id = "";
  index = find_ref (doc, kind, id);
  if (index >= 0)
    return index;
  for (RefKind other = REF_ENTITY; other <= REF_RELATION; other++)
    if (other != kind && find_ref (doc, other, id) >= 0)
      {
        refuse (error, _(is_not[kind][other]), id);
        return -1;
      }
  refuse (error, _(unknown[kind]), id);
  return -1;
}

static gboolean
id_in_use (QgDocument *doc,
           GHashTable *taken,
           const char *id)
{
  return (taken != NULL && g_hash_table_contains (taken, id))
         || qg_document_find_entity (doc, id) >= 0 || qg_document_find_quote (doc, id) >= 0
         || qg_document_find_relation (doc, id) >= 0;
}

/* "Café owners in Zürich" → "cafe-owners-in-zurich": lower-case ASCII
 * letters and digits, every other run a dash, cut at a dash if it can be
 * within @max characters. */
char *
qg_document_slug (const char *text,
                  gsize       max)
{
  const char *end = text;
  g_autofree char *head = NULL;
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);

  /* Only the beginning of a long name goes into its id. */
  for (gsize n = 0; *end != '\0' && n < 4 * max; n++)
    end = g_utf8_next_char (end);
  head = g_strndup (text, end - text);
  /* Transliterated the same way in every locale, so that ids do not
   * depend on who made them. */
  ascii = g_str_to_ascii (head, "C");
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  if (out->len > max)
    {
      const char *dash = g_strrstr_len (out->str, max + 1, "-");

      g_string_truncate (out, dash != NULL && (gsize) (dash - out->str) > max / 2
                              ? (gsize) (dash - out->str) : max);
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* A readable id, unique among all the document's ids and those in @taken
 * (or NULL), valid by FORMAT.md's rules: the slug of @text, else
 * @fallback, then "-2", "-3"… */
static char *
make_id_among (QgDocument *doc,
               GHashTable *taken,
               const char *text,
               gsize       max,
               const char *fallback)
{
  g_autofree char *base = qg_document_slug (text, max);

  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup (fallback);
    }
  if (!id_in_use (doc, taken, base))
    return g_steal_pointer (&base);
  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (!id_in_use (doc, taken, id))
        return g_steal_pointer (&id);
    }
}

static char *
make_id (QgDocument *doc,
         const char *text,
         gsize       max,
         const char *fallback)
{
  return make_id_among (doc, NULL, text, max, fallback);
}

/* ------------------------------------------------------------------------ */
/* New nodes                                                                 */

/* Sets an optional string member; NULL, or only white space, removes it. */
static void
set_optional (JsonObject *object,
              const char *name,
              const char *value)
{
  if (value == NULL || qg_article_is_blank (value))
    json_object_remove_member (object, name);
  else
    json_object_set_member (object, name, qg_json_string_node (value));
}

/* What an edit does to one of the document's arrays. */
typedef struct
{
  JsonArray  *array;    /* as it is in the document */
  JsonNode  **replace;  /* per element: what it becomes, or NULL */
  guint8     *drop;     /* per element: whether it goes */
  GPtrArray  *append;   /* of JsonNode: new elements at the end, or NULL */
  gboolean    changed;
} ArrayChange;

static void
change_replace (ArrayChange *c,
                guint        i,
                JsonObject  *object)
{
  if (c->replace == NULL)
    c->replace = g_new0 (JsonNode *, json_array_get_length (c->array));
  g_clear_pointer (&c->replace[i], json_node_unref);
  c->replace[i] = qg_json_object_node (object);
  c->changed = TRUE;
}

static void
change_drop (ArrayChange *c,
             guint        i)
{
  if (c->drop == NULL)
    c->drop = g_new0 (guint8, json_array_get_length (c->array));
  c->drop[i] = TRUE;
  c->changed = TRUE;
}

static void
change_append (ArrayChange *c,
               JsonObject  *object)
{
  if (c->append == NULL)
    c->append = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_ptr_array_add (c->append, qg_json_object_node (object));
  c->changed = TRUE;
}

/* The new array, or NULL if it is unchanged. */
static JsonNode *
change_build (ArrayChange *c)
{
  guint n = json_array_get_length (c->array);
  JsonArray *array;

  if (!c->changed)
    return NULL;
  array = json_array_sized_new (n + (c->append != NULL ? c->append->len : 0));
  for (guint i = 0; i < n; i++)
    {
      if (c->drop != NULL && c->drop[i])
        continue;
      if (c->replace != NULL && c->replace[i] != NULL)
        json_array_add_element (array, json_node_ref (c->replace[i]));
      else
        json_array_add_element (array, json_node_ref (json_array_get_element (c->array, i)));
    }
  if (c->append != NULL)
    for (guint i = 0; i < c->append->len; i++)
      json_array_add_element (array, json_node_ref (g_ptr_array_index (c->append, i)));
  return qg_json_array_node (array);
}

static void
change_clear (ArrayChange *c)
{
  if (c->replace != NULL)
    for (guint i = 0; i < json_array_get_length (c->array); i++)
      g_clear_pointer (&c->replace[i], json_node_unref);
  g_clear_pointer (&c->replace, g_free);
  g_clear_pointer (&c->drop, g_free);
  g_clear_pointer (&c->append, g_ptr_array_unref);
}

static const char * const array_names[] = { "entities", "quotes", "relations" };

/* One edit being made: the document's three arrays and what becomes of
 * them. */
typedef struct
{
  QgDocument  *doc;
  ArrayChange  arrays[3];  /* by RefKind */
  gboolean     placed;     /* a quote is added or moved to [start, end) */
  gsize        start;
  gsize        end;
} Change;

static void
change_init (Change     *change,
             QgDocument *doc)
{
  JsonObject *root = json_node_get_object (doc->root);

  memset (change, 0, sizeof *change);
  change->doc = doc;
  for (guint i = 0; i < G_N_ELEMENTS (change->arrays); i++)
    change->arrays[i].array = json_object_get_array_member (root, array_names[i]);
}

static void
change_finish (Change *change)
{
  for (guint i = 0; i < G_N_ELEMENTS (change->arrays); i++)
    change_clear (&change->arrays[i]);
}

static JsonObject *
element (Change  *change,
         RefKind  kind,
         guint    index)
{
  /* A loaded document has every element of its arrays, in order. */
  return json_array_get_object_element (change->arrays[kind].array, index);
}

/* ------------------------------------------------------------------------ */
/* What edits are given                                                      */

static gboolean
check_text (const char  *value,
            const char  *message,
            GError     **error)
{
  if (value == NULL || qg_article_is_blank (value))
    return refuse (error, "%s", message);
  return TRUE;
}

static gboolean
check_utf8 (const char  *value,
            GError     **error)
{
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return refuse (error, _("The edit holds text that is not UTF-8"));
  return TRUE;
}

static gboolean
check_strv_utf8 (char   **values,
                 GError **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (!check_utf8 (values[i], error))
      return FALSE;
  return TRUE;
}

/* Every string an edit holds is UTF-8: the document is. */
static gboolean
check_edit_utf8 (const QgEdit  *edit,
                 GError       **error)
{
  const char *strings[] = {
    edit->id, edit->other, edit->name, edit->entity_kind, edit->description, edit->speaker,
    edit->note, edit->source, edit->target, edit->label,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (!check_utf8 (strings[i], error))
      return FALSE;
  return check_strv_utf8 (edit->aliases, error) && check_strv_utf8 (edit->evidence, error)
         && check_strv_utf8 (edit->ids, error);
}

static gboolean
check_entity_fields (const QgEdit  *edit,
                     GError       **error)
{
  if ((edit->fields & QG_EDIT_NAME) && !check_text (edit->name, _("An entity needs a name"), error))
    return FALSE;
  if ((edit->fields & QG_EDIT_KIND)
      && !check_text (edit->entity_kind, _("An entity needs a kind, such as “person”"), error))
    return FALSE;
  for (guint i = 0; edit->aliases != NULL && edit->aliases[i] != NULL; i++)
    if (qg_article_is_blank (edit->aliases[i]))
      return refuse (error, _("An alias must not be empty"));
  return TRUE;
}

static void
set_entity_fields (JsonObject   *object,
                   const QgEdit *edit)
{
  if (edit->fields & QG_EDIT_NAME)
    json_object_set_member (object, "name", qg_json_string_node (edit->name));
  if (edit->fields & QG_EDIT_KIND)
    json_object_set_member (object, "kind", qg_json_string_node (edit->entity_kind));
  if ((edit->fields & QG_EDIT_ALIASES) && edit->aliases[0] != NULL)
    json_object_set_member (object, "aliases", qg_json_strv_node ((const char * const *) edit->aliases));
  else if (edit->fields & QG_EDIT_ALIASES)
    json_object_remove_member (object, "aliases");
  if (edit->fields & QG_EDIT_DESCRIPTION)
    set_optional (object, "description", edit->description);
}

/* A span of the article, less its white space at both ends, and the
 * occurrence by which the loader finds exactly it. */
static gboolean
check_span (QgDocument  *doc,
            gsize       *start,
            gsize       *end,
            guint       *occurrence,
            GError     **error)
{
  const char *text = doc->text;
  gsize len = doc->text_len;
  g_autoptr(QgArticleIndex) index = NULL;

  if (*start > *end || *end > len)
    return refuse (error, _("The selection is outside the article"));
  /* UTF-8 continuation bytes are 10xxxxxx. */
  if ((*start < len && ((guchar) text[*start] & 0xC0) == 0x80)
      || (*end < len && ((guchar) text[*end] & 0xC0) == 0x80))
    return refuse (error, _("The selection begins or ends inside a character"));
  if (*start == *end)
    return refuse (error, _("The selection is empty"));
  /* White space at an end would match the whole run it is part of. */
  while (*start < *end && qg_article_is_space (text[*start]))
    (*start)++;
  while (*end > *start && qg_article_is_space (text[*end - 1]))
    (*end)--;
  if (*start == *end)
    return refuse (error, _("The selection holds only white space"));

  index = qg_article_index_new (text, len);
  *occurrence = qg_article_index_occurrence_at (index, *start, *end);
  if (*occurrence == 0)
    return refuse (error, _("Finding the quote in the article took too long: the article "
                            "repeats the same text too many times"));
  return TRUE;
}

static void
set_span (Change     *change,
          JsonObject *object,
          gsize       start,
          gsize       end,
          guint       occurrence)
{
  g_autofree char *text = g_strndup (change->doc->text + start, end - start);

  change->placed = TRUE;
  change->start = start;
  change->end = end;

  json_object_set_member (object, "text", qg_json_string_node (text));
  if (occurrence > 1)
    json_object_set_int_member (object, "occurrence", occurrence);
  else
    json_object_remove_member (object, "occurrence");
}

static gboolean
check_speaker (QgDocument    *doc,
               const QgEdit  *edit,
               GError       **error)
{
  if (!(edit->fields & QG_EDIT_SPEAKER) || edit->speaker == NULL)
    return TRUE;
  return resolve (doc, REF_ENTITY, edit->speaker, error) >= 0;
}

static void
set_quote_fields (JsonObject   *object,
                  const QgEdit *edit)
{
  if ((edit->fields & QG_EDIT_SPEAKER) && edit->speaker != NULL)
    json_object_set_member (object, "speaker", qg_json_string_node (edit->speaker));
  else if (edit->fields & QG_EDIT_SPEAKER)
    json_object_remove_member (object, "speaker");
  if (edit->fields & QG_EDIT_NOTE)
    set_optional (object, "note", edit->note);
}

static gboolean
check_relation_fields (QgDocument    *doc,
                       const QgEdit  *edit,
                       GError       **error)
{
  if ((edit->fields & QG_EDIT_SOURCE) && resolve (doc, REF_ENTITY, edit->source, error) < 0)
    return FALSE;
  if ((edit->fields & QG_EDIT_TARGET) && resolve (doc, REF_ENTITY, edit->target, error) < 0)
    return FALSE;
  if ((edit->fields & QG_EDIT_LABEL)
      && !check_text (edit->label, _("A relation needs a label, a short verb phrase such as "
                                     "“criticises”"), error))
    return FALSE;
  if ((edit->fields & QG_EDIT_STANCE) && edit->stance > QG_STANCE_OPPOSE)
    return refuse (error, _("A stance is “support”, “oppose” or “neutral”"));
  if (edit->fields & QG_EDIT_EVIDENCE)
    {
      if (edit->evidence[0] == NULL)
        return refuse (error, _("A relation needs at least one quote as evidence"));
      for (guint i = 0; edit->evidence[i] != NULL; i++)
        if (resolve (doc, REF_QUOTE, edit->evidence[i], error) < 0)
          return FALSE;
    }
  return TRUE;
}

/* Quote ids, each once, in the order given. */
static JsonNode *
evidence_node (char **evidence)
{
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();

  for (guint i = 0; evidence[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (unique, evidence[i], g_str_equal, NULL))
      g_ptr_array_add (unique, evidence[i]);
  g_ptr_array_add (unique, NULL);
  return qg_json_strv_node ((const char * const *) unique->pdata);
}

static void
set_relation_fields (JsonObject   *object,
                     const QgEdit *edit)
{
  if (edit->fields & QG_EDIT_SOURCE)
    json_object_set_member (object, "source", qg_json_string_node (edit->source));
  if (edit->fields & QG_EDIT_TARGET)
    json_object_set_member (object, "target", qg_json_string_node (edit->target));
  if (edit->fields & QG_EDIT_LABEL)
    json_object_set_member (object, "label", qg_json_string_node (edit->label));
  if (edit->fields & QG_EDIT_STANCE)
    json_object_set_member (object, "stance", qg_json_string_node (qg_stance_to_string (edit->stance)));
  if (edit->fields & QG_EDIT_EVIDENCE)
    json_object_set_member (object, "evidence", evidence_node (edit->evidence));
}

/* ------------------------------------------------------------------------ */
/* Drafts: what is made to them                                             */

/* What an acceptance or a rejection is made to, per index. */
typedef struct
{
  guint8 *entities;
  guint8 *quotes;
  guint8 *relations;
} Marks;

static void
marks_clear (Marks *marks)
{
  g_clear_pointer (&marks->entities, g_free);
  g_clear_pointer (&marks->quotes, g_free);
  g_clear_pointer (&marks->relations, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Marks, marks_clear)

/* Marks the drafts @ids name; FALSE, with the reason, if one is unknown or
 * not a draft. */
static gboolean
mark_drafts (QgDocument  *doc,
             char       **ids,
             Marks       *marks,
             GError     **error)
{
  marks->entities = g_new0 (guint8, doc->n_entities + 1);
  marks->quotes = g_new0 (guint8, doc->n_quotes + 1);
  marks->relations = g_new0 (guint8, doc->n_relations + 1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint e = qg_document_find_entity (doc, ids[i]);
      gint q = qg_document_find_quote (doc, ids[i]);
      gint r = qg_document_find_relation (doc, ids[i]);
      gboolean draft;

      if (e < 0 && q < 0 && r < 0)
        return refuse (error, _("There is no “%s” in the map"), ids[i]);
      draft = e >= 0 ? doc->entities[e].draft
              : q >= 0 ? doc->quotes[q].draft
                       : doc->relations[r].draft;
      if (!draft)
        return refuse (error, _("“%s” is not a draft"), ids[i]);
      if (e >= 0)
        marks->entities[e] = TRUE;
      else if (q >= 0)
        marks->quotes[q] = TRUE;
      else
        marks->relations[r] = TRUE;
    }
  return TRUE;
}

/* A rejection takes with it what deleting each of its items would. */
static void
reject_effects (QgDocument    *doc,
                const Marks   *marks,
                QgEditEffects *effects)
{
  for (guint r = 0; r < doc->n_relations; r++)
    {
      const QgRelation *rel = &doc->relations[r];
      guint gone = 0;

      if (marks->relations[r])
        continue;
      for (guint j = 0; j < rel->n_evidence; j++)
        gone += marks->quotes[rel->evidence[j]];
      if (marks->entities[rel->source] || marks->entities[rel->target] || gone == rel->n_evidence)
        g_array_append_val (effects->deleted_relations, r);
      else if (gone > 0)
        g_array_append_val (effects->weakened_relations, r);
    }
  for (guint q = 0; q < doc->n_quotes; q++)
    if (!marks->quotes[q] && doc->quotes[q].speaker >= 0
        && marks->entities[doc->quotes[q].speaker])
      g_array_append_val (effects->unspoken_quotes, q);
}

/* ------------------------------------------------------------------------ */
/* What deletions and merges take with them                                  */

static void
effects_init (QgEditEffects *effects)
{
  effects->deleted_relations = g_array_new (FALSE, FALSE, sizeof (guint));
  effects->weakened_relations = g_array_new (FALSE, FALSE, sizeof (guint));
  effects->unspoken_quotes = g_array_new (FALSE, FALSE, sizeof (guint));
  effects->looped_relations = g_array_new (FALSE, FALSE, sizeof (guint));
}

static gboolean
evidence_is_only (const QgRelation *r,
                  guint             quote)
{
  for (guint j = 0; j < r->n_evidence; j++)
    if (r->evidence[j] != quote)
      return FALSE;
  return TRUE;
}

static gboolean
evidence_has (const QgRelation *r,
              guint             quote)
{
  for (guint j = 0; j < r->n_evidence; j++)
    if (r->evidence[j] == quote)
      return TRUE;
  return FALSE;
}

static gboolean
compute_effects (QgDocument     *doc,
                 const QgEdit   *edit,
                 QgEditEffects  *effects,
                 GError        **error)
{
  const guint *list;
  guint n;
  gint e, q, other;

  effects_init (effects);
  switch (edit->kind)
    {
    case QG_EDIT_DELETE_ENTITY:
      if ((e = resolve (doc, REF_ENTITY, edit->id, error)) < 0)
        return FALSE;
      list = qg_document_get_entity_relations (doc, e, &n);
      g_array_append_vals (effects->deleted_relations, list, n);
      list = qg_document_get_speaker_quotes (doc, e, &n);
      g_array_append_vals (effects->unspoken_quotes, list, n);
      return TRUE;

    case QG_EDIT_DELETE_QUOTE:
      if ((q = resolve (doc, REF_QUOTE, edit->id, error)) < 0)
        return FALSE;
      for (guint r = 0; r < doc->n_relations; r++)
        {
          /* FORMAT.md: no relation without evidence. */
          if (evidence_is_only (&doc->relations[r], q))
            g_array_append_val (effects->deleted_relations, r);
          else if (evidence_has (&doc->relations[r], q))
            g_array_append_val (effects->weakened_relations, r);
        }
      return TRUE;

    case QG_EDIT_MERGE_ENTITIES:
      if ((e = resolve (doc, REF_ENTITY, edit->id, error)) < 0
          || (other = resolve (doc, REF_ENTITY, edit->other, error)) < 0)
        return FALSE;
      if (e == other)
        return refuse (error, _("An entity cannot be merged with itself"));
      list = qg_document_get_entity_relations (doc, other, &n);
      for (guint i = 0; i < n; i++)
        {
          const QgRelation *r = &doc->relations[list[i]];

          /* FORMAT.md lets a relation's target be its source. */
          if ((r->source == e && r->target == other) || (r->source == other && r->target == e))
            g_array_append_val (effects->looped_relations, list[i]);
        }
      return TRUE;

    case QG_EDIT_DELETE_RELATION:
      return resolve (doc, REF_RELATION, edit->id, error) >= 0;

    case QG_EDIT_REJECT_DRAFTS:
      {
        g_auto(Marks) marks = { 0 };

        if (!mark_drafts (doc, edit->ids, &marks, error))
          return FALSE;
        reject_effects (doc, &marks, effects);
        return TRUE;
      }

    case QG_EDIT_ADD_QUOTE:
    case QG_EDIT_ADD_ENTITY:
    case QG_EDIT_ADD_RELATION:
    case QG_EDIT_CHANGE_ENTITY:
    case QG_EDIT_CHANGE_QUOTE:
    case QG_EDIT_CHANGE_RELATION:
    default:
      return TRUE;
    }
}

gboolean
qg_document_get_edit_effects (QgDocument     *self,
                              const QgEdit   *edit,
                              QgEditEffects  *effects,
                              GError        **error)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (effects != NULL, FALSE);

  if (!check_edit_utf8 (edit, error) || !compute_effects (self, edit, effects, error))
    {
      qg_edit_effects_clear (effects);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The edits                                                                 */

static gboolean
add_entity (Change        *change,
            const QgEdit  *edit,
            char         **new_id,
            GError       **error)
{
  JsonObject *object;

  if (!check_entity_fields (edit, error))
    return FALSE;
  *new_id = make_id (change->doc, edit->name, ID_BASE_MAX, "entity");
  object = json_object_new ();
  json_object_set_string_member (object, "id", *new_id);
  set_entity_fields (object, edit);
  change_append (&change->arrays[REF_ENTITY], object);
  return TRUE;
}

static gboolean
change_entity (Change        *change,
               const QgEdit  *edit,
               GError       **error)
{
  gint e = resolve (change->doc, REF_ENTITY, edit->id, error);
  JsonObject *object;

  if (e < 0 || !check_entity_fields (edit, error))
    return FALSE;
  object = qg_json_object_copy (element (change, REF_ENTITY, e));
  set_entity_fields (object, edit);
  change_replace (&change->arrays[REF_ENTITY], e, object);
  return TRUE;
}

static void
undraft (Change  *change,
         RefKind  kind,
         guint    index)
{
  JsonObject *object = qg_json_object_copy (element (change, kind, index));

  json_object_remove_member (object, "draft");
  change_replace (&change->arrays[kind], index, object);
}

/* A person's edit checks what the item it makes rests on: a checked
 * relation never rests on a drafted entity or quote, nor a checked quote
 * on a drafted speaker (docs/format-notes.md, "Drafts"). */
static void
undraft_entity (Change     *change,
                const char *id)
{
  gint e = id != NULL ? qg_document_find_entity (change->doc, id) : -1;

  if (e >= 0 && change->doc->entities[e].draft)
    undraft (change, REF_ENTITY, e);
}

static void
undraft_evidence (Change             *change,
                  const char * const *evidence)
{
  QgDocument *doc = change->doc;

  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    {
      gint q = qg_document_find_quote (doc, evidence[i]);

      if (q < 0 || !doc->quotes[q].draft)
        continue;
      undraft (change, REF_QUOTE, q);
      if (doc->quotes[q].speaker >= 0 && doc->entities[doc->quotes[q].speaker].draft)
        undraft (change, REF_ENTITY, doc->quotes[q].speaker);
    }
}

static gboolean
add_quote (Change        *change,
           const QgEdit  *edit,
           char         **new_id,
           GError       **error)
{
  QgDocument *doc = change->doc;
  gsize start = edit->start;
  gsize end = edit->end;
  guint occurrence;
  JsonObject *object;

  if (!check_span (doc, &start, &end, &occurrence, error) || !check_speaker (doc, edit, error))
    return FALSE;
  {
    g_autofree char *text = g_strndup (doc->text + start, end - start);

    *new_id = make_id (doc, text, QUOTE_ID_BASE_MAX, "quote");
  }
  object = json_object_new ();
  json_object_set_string_member (object, "id", *new_id);
  set_span (change, object, start, end, occurrence);
  set_quote_fields (object, edit);
  change_append (&change->arrays[REF_QUOTE], object);
  if (edit->fields & QG_EDIT_SPEAKER)
    undraft_entity (change, edit->speaker);
  return TRUE;
}

static gboolean
change_quote (Change        *change,
              const QgEdit  *edit,
              GError       **error)
{
  QgDocument *doc = change->doc;
  gint q = resolve (doc, REF_QUOTE, edit->id, error);
  gsize start = edit->start;
  gsize end = edit->end;
  guint occurrence = 0;
  JsonObject *object;

  if (q < 0 || !check_speaker (doc, edit, error))
    return FALSE;
  if ((edit->fields & QG_EDIT_SPAN) && !check_span (doc, &start, &end, &occurrence, error))
    return FALSE;
  object = qg_json_object_copy (element (change, REF_QUOTE, q));
  /* The same place keeps the text as it was written, white space and all. */
  if ((edit->fields & QG_EDIT_SPAN)
      && (start != doc->quotes[q].start || end != doc->quotes[q].end))
    set_span (change, object, start, end, occurrence);
  set_quote_fields (object, edit);
  change_replace (&change->arrays[REF_QUOTE], q, object);
  if ((edit->fields & QG_EDIT_SPEAKER) && !doc->quotes[q].draft)
    undraft_entity (change, edit->speaker);
  return TRUE;
}

static gboolean
add_relation (Change        *change,
              const QgEdit  *edit,
              char         **new_id,
              GError       **error)
{
  g_autofree char *name = NULL;
  JsonObject *object;

  if (!check_relation_fields (change->doc, edit, error))
    return FALSE;
  name = g_strdup_printf ("%s %s %s", edit->source, edit->label, edit->target);
  *new_id = make_id (change->doc, name, ID_BASE_MAX, "relation");
  object = json_object_new ();
  json_object_set_string_member (object, "id", *new_id);
  /* Written whole, so that a reader of the file need not know the default. */
  if (!(edit->fields & QG_EDIT_STANCE))
    json_object_set_string_member (object, "stance", "neutral");
  set_relation_fields (object, edit);
  change_append (&change->arrays[REF_RELATION], object);
  undraft_entity (change, edit->source);
  undraft_entity (change, edit->target);
  undraft_evidence (change, (const char * const *) edit->evidence);
  return TRUE;
}

static gboolean
change_relation (Change        *change,
                 const QgEdit  *edit,
                 GError       **error)
{
  gint r = resolve (change->doc, REF_RELATION, edit->id, error);
  JsonObject *object;

  if (r < 0 || !check_relation_fields (change->doc, edit, error))
    return FALSE;
  object = qg_json_object_copy (element (change, REF_RELATION, r));
  set_relation_fields (object, edit);
  change_replace (&change->arrays[REF_RELATION], r, object);
  if (!change->doc->relations[r].draft)
    {
      const QgRelation *rel = &change->doc->relations[r];
      g_autoptr(GPtrArray) evidence = g_ptr_array_new ();

      undraft_entity (change, (edit->fields & QG_EDIT_SOURCE) ? edit->source
                                                             : change->doc->entities[rel->source].id);
      undraft_entity (change, (edit->fields & QG_EDIT_TARGET) ? edit->target
                                                             : change->doc->entities[rel->target].id);
      if (!(edit->fields & QG_EDIT_EVIDENCE))
        for (guint j = 0; j < rel->n_evidence; j++)
          g_ptr_array_add (evidence, (gpointer) change->doc->quotes[rel->evidence[j]].id);
      g_ptr_array_add (evidence, NULL);
      undraft_evidence (change, (edit->fields & QG_EDIT_EVIDENCE)
                                ? (const char * const *) edit->evidence
                                : (const char * const *) evidence->pdata);
    }
  return TRUE;
}

static void
drop_all (ArrayChange *c,
          GArray      *indices)
{
  for (guint i = 0; i < indices->len; i++)
    change_drop (c, g_array_index (indices, guint, i));
}

/* Each quote loses its speaker. */
static void
unspeak (Change *change,
         GArray *quotes)
{
  for (guint i = 0; i < quotes->len; i++)
    {
      guint q = g_array_index (quotes, guint, i);
      JsonObject *object = qg_json_object_copy (element (change, REF_QUOTE, q));

      json_object_remove_member (object, "speaker");
      change_replace (&change->arrays[REF_QUOTE], q, object);
    }
}

static void
delete_entity (Change        *change,
               const QgEdit  *edit,
               QgEditEffects *effects)
{
  change_drop (&change->arrays[REF_ENTITY], qg_document_find_entity (change->doc, edit->id));
  drop_all (&change->arrays[REF_RELATION], effects->deleted_relations);
  unspeak (change, effects->unspoken_quotes);
}

/* Each relation loses the evidence that goes (@quote_goes, per quote). */
static void
weaken (Change       *change,
        GArray       *relations,
        const guint8 *quote_goes)
{
  QgDocument *doc = change->doc;

  for (guint i = 0; i < relations->len; i++)
    {
      guint r = g_array_index (relations, guint, i);
      const QgRelation *rel = &doc->relations[r];
      JsonObject *object = qg_json_object_copy (element (change, REF_RELATION, r));
      JsonArray *evidence = json_array_new ();

      for (guint j = 0; j < rel->n_evidence; j++)
        if (!quote_goes[rel->evidence[j]])
          json_array_add_string_element (evidence, doc->quotes[rel->evidence[j]].id);
      json_object_set_array_member (object, "evidence", evidence);
      change_replace (&change->arrays[REF_RELATION], r, object);
    }
}

static void
delete_quote (Change        *change,
              const QgEdit  *edit,
              QgEditEffects *effects)
{
  QgDocument *doc = change->doc;
  guint q = qg_document_find_quote (doc, edit->id);
  g_autofree guint8 *goes = g_new0 (guint8, doc->n_quotes);

  goes[q] = TRUE;
  change_drop (&change->arrays[REF_QUOTE], q);
  drop_all (&change->arrays[REF_RELATION], effects->deleted_relations);
  weaken (change, effects->weakened_relations, goes);
}

static void
add_alias (GPtrArray      *aliases,
           const QgEntity *keep,
           const char     *name)
{
  if (strcmp (name, keep->name) != 0
      && !g_ptr_array_find_with_equal_func (aliases, name, g_str_equal, NULL))
    g_ptr_array_add (aliases, (gpointer) name);
}

/* The kept entity's aliases, then the other's name and aliases, each once
 * and none of them the kept entity's name; NULL if there are none. */
static JsonNode *
merged_aliases (const QgEntity *keep,
                const QgEntity *other)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();

  for (guint i = 0; keep->aliases[i] != NULL; i++)
    add_alias (aliases, keep, keep->aliases[i]);
  add_alias (aliases, keep, other->name);
  for (guint i = 0; other->aliases[i] != NULL; i++)
    add_alias (aliases, keep, other->aliases[i]);
  if (aliases->len == 0)
    return NULL;
  g_ptr_array_add (aliases, NULL);
  return qg_json_strv_node ((const char * const *) aliases->pdata);
}

/* Whether the other's relation @r, made the kept entity's, says what the
 * kept one's @s says: between the same two, with the same stance and
 * label (as a person reads it), both drafts or both checked. */
static gboolean
says_the_same (const QgRelation *r,
               guint             keep,
               guint             other,
               const QgRelation *s)
{
  gint source = r->source == (gint) other ? (gint) keep : r->source;
  gint target = r->target == (gint) other ? (gint) keep : r->target;
  g_autofree char *label = NULL;
  g_autofree char *other_label = NULL;

  /* A draft joined to what a person checked would pass for checked, and
   * rest on quotes that are not: drafts join drafts only. */
  if (s->source != source || s->target != target || s->stance != r->stance
      || s->draft != r->draft)
    return FALSE;
  label = qg_document_name_key (r->label);
  other_label = qg_document_name_key (s->label);
  return strcmp (label, other_label) == 0;
}

/* @r's evidence added to @into's (a relation's object), each quote once. */
static void
join_relation (QgDocument       *doc,
               JsonObject       *into,
               const QgRelation *r)
{
  JsonArray *had = json_object_get_array_member (into, "evidence");
  JsonArray *evidence = json_array_new ();

  /* A new array: the copy shares the document's, which stay as they are. */
  for (guint j = 0; j < json_array_get_length (had); j++)
    json_array_add_string_element (evidence, json_array_get_string_element (had, j));
  for (guint k = 0; k < r->n_evidence; k++)
    {
      const char *quote = doc->quotes[r->evidence[k]].id;
      gboolean has = FALSE;

      for (guint j = 0; j < json_array_get_length (evidence) && !has; j++)
        has = g_strcmp0 (json_array_get_string_element (evidence, j), quote) == 0;
      if (!has)
        json_array_add_string_element (evidence, quote);
    }
  json_object_set_array_member (into, "evidence", evidence);
}

/* The other entity goes; its names become the kept one's aliases, its
 * description the kept one's if it had none, its quotes and relations
 * the kept one's. A relation between the two becomes one of the kept
 * entity to itself, which FORMAT.md allows. One that says what one of the
 * kept entity's says (two retailers that both "will not confirm selling"
 * the same products) is joined to it: one relation, the evidence of both. */
static void
merge_entities (Change       *change,
                const QgEdit *edit)
{
  QgDocument *doc = change->doc;
  guint keep = qg_document_find_entity (doc, edit->id);
  guint other = qg_document_find_entity (doc, edit->other);
  const QgEntity *k = &doc->entities[keep];
  const QgEntity *o = &doc->entities[other];
  JsonObject *object = qg_json_object_copy (element (change, REF_ENTITY, keep));
  JsonNode *aliases = merged_aliases (k, o);
  const guint *list, *kept;
  guint n, n_kept;
  g_autofree JsonObject **joined_into = NULL;

  if (aliases != NULL)
    json_object_set_member (object, "aliases", aliases);
  if (k->description == NULL && o->description != NULL)
    json_object_set_string_member (object, "description", o->description);
  /* What a person checked stays checked, as what it rests on. */
  if (k->draft && !o->draft)
    json_object_remove_member (object, "draft");
  change_replace (&change->arrays[REF_ENTITY], keep, object);
  change_drop (&change->arrays[REF_ENTITY], other);

  list = qg_document_get_speaker_quotes (doc, other, &n);
  for (guint i = 0; i < n; i++)
    {
      object = qg_json_object_copy (element (change, REF_QUOTE, list[i]));
      json_object_set_string_member (object, "speaker", k->id);
      change_replace (&change->arrays[REF_QUOTE], list[i], object);
    }
  list = qg_document_get_entity_relations (doc, other, &n);
  kept = qg_document_get_entity_relations (doc, keep, &n_kept);
  joined_into = g_new0 (JsonObject *, MAX (n_kept, 1));
  for (guint i = 0; i < n; i++)
    {
      const QgRelation *r = &doc->relations[list[i]];
      gboolean joined = FALSE;

      /* Not one between the two: the kept entity's own relations. */
      for (guint j = 0; j < n_kept && !joined; j++)
        {
          const QgRelation *s = &doc->relations[kept[j]];

          if (s->source == (gint) other || s->target == (gint) other
              || r->source == (gint) keep || r->target == (gint) keep
              || !says_the_same (r, keep, other, s))
            continue;
          if (joined_into[j] == NULL)
            joined_into[j] = qg_json_object_copy (element (change, REF_RELATION, kept[j]));
          join_relation (doc, joined_into[j], r);
          change_drop (&change->arrays[REF_RELATION], list[i]);
          joined = TRUE;
        }
      if (joined)
        continue;
      object = qg_json_object_copy (element (change, REF_RELATION, list[i]));
      if (r->source == (gint) other)
        json_object_set_string_member (object, "source", k->id);
      if (r->target == (gint) other)
        json_object_set_string_member (object, "target", k->id);
      change_replace (&change->arrays[REF_RELATION], list[i], object);
    }
  for (guint j = 0; j < n_kept; j++)
    if (joined_into[j] != NULL)
      change_replace (&change->arrays[REF_RELATION], kept[j], joined_into[j]);
}

/* ------------------------------------------------------------------------ */
/* Drafts: accepting, rejecting, drafting again                              */

static gboolean
reject_drafts (Change         *change,
               const QgEdit   *edit,
               QgEditEffects  *effects,
               GError        **error)
{
  QgDocument *doc = change->doc;
  g_auto(Marks) marks = { 0 };

  if (!mark_drafts (doc, edit->ids, &marks, error))
    return FALSE;
  for (guint e = 0; e < doc->n_entities; e++)
    if (marks.entities[e])
      change_drop (&change->arrays[REF_ENTITY], e);
  for (guint q = 0; q < doc->n_quotes; q++)
    if (marks.quotes[q])
      change_drop (&change->arrays[REF_QUOTE], q);
  for (guint r = 0; r < doc->n_relations; r++)
    if (marks.relations[r])
      change_drop (&change->arrays[REF_RELATION], r);
  drop_all (&change->arrays[REF_RELATION], effects->deleted_relations);
  unspeak (change, effects->unspoken_quotes);
  weaken (change, effects->weakened_relations, marks.quotes);
  return TRUE;
}

static gboolean
accept_drafts (Change        *change,
               const QgEdit  *edit,
               GError       **error)
{
  QgDocument *doc = change->doc;
  g_auto(Marks) marks = { 0 };

  if (!mark_drafts (doc, edit->ids, &marks, error))
    return FALSE;
  /* A relation accepted rests on its entities and its evidence, and a
   * quote on its speaker: none of them can stay a draft under it. */
  for (guint r = 0; r < doc->n_relations; r++)
    if (marks.relations[r])
      {
        const QgRelation *rel = &doc->relations[r];

        marks.entities[rel->source] = marks.entities[rel->target] = TRUE;
        for (guint j = 0; j < rel->n_evidence; j++)
          marks.quotes[rel->evidence[j]] = TRUE;
      }
  for (guint q = 0; q < doc->n_quotes; q++)
    if (marks.quotes[q] && doc->quotes[q].speaker >= 0)
      marks.entities[doc->quotes[q].speaker] = TRUE;

  for (guint e = 0; e < doc->n_entities; e++)
    if (marks.entities[e] && doc->entities[e].draft)
      undraft (change, REF_ENTITY, e);
  for (guint q = 0; q < doc->n_quotes; q++)
    if (marks.quotes[q] && doc->quotes[q].draft)
      undraft (change, REF_QUOTE, q);
  for (guint r = 0; r < doc->n_relations; r++)
    if (marks.relations[r] && doc->relations[r].draft)
      undraft (change, REF_RELATION, r);
  return TRUE;
}

static void
know_names (GHashTable     *names,
            const QgEntity *e,
            const char     *id)
{
  g_hash_table_insert (names, qg_document_name_key (e->name), (gpointer) id);
  for (guint i = 0; e->aliases[i] != NULL; i++)
    g_hash_table_insert (names, qg_document_name_key (e->aliases[i]), (gpointer) id);
}

static const char *
known_entity (GHashTable     *names,
              const QgEntity *e)
{
  const char *id;
  g_autofree char *key = qg_document_name_key (e->name);

  if ((id = g_hash_table_lookup (names, key)) != NULL)
    return id;
  for (guint i = 0; e->aliases[i] != NULL; i++)
    {
      g_autofree char *alias = qg_document_name_key (e->aliases[i]);

      if ((id = g_hash_table_lookup (names, alias)) != NULL)
        return id;
    }
  return NULL;
}

/* A quote of @doc that covers at least half of [start, end), or NULL. */
static const char *
covering_quote (QgDocument *doc,
                gsize       start,
                gsize       end)
{
  for (guint q = 0; q < doc->n_quotes; q++)
    {
      const QgQuote *quote = &doc->quotes[q];
      gsize from = MAX (start, quote->start);
      gsize to = MIN (end, quote->end);

      if (to > from && 2 * (to - from) >= end - start)
        return quote->id;
    }
  return NULL;
}

static JsonObject *
draft_element (QgDocument *draft,
               RefKind     kind,
               guint       index,
               const char *id)
{
  JsonObject *root = json_node_get_object (draft->root);
  JsonArray *array = json_object_get_array_member (root, array_names[kind]);
  JsonObject *object = qg_json_object_copy (json_array_get_object_element (array, index));

  json_object_set_string_member (object, "id", id);
  json_object_set_boolean_member (object, "draft", TRUE);
  return object;
}

/* The draft's id for one of its items, if the document has no such id
 * yet, else one made from @text. */
static char *
draft_id (QgDocument *doc,
          GHashTable *taken,
          const char *id,
          const char *text,
          gsize       max,
          const char *fallback)
{
  char *made = id_in_use (doc, taken, id) ? make_id_among (doc, taken, text, max, fallback)
                                          : g_strdup (id);

  g_hash_table_add (taken, made);
  return made;
}

/* Adds what the draft has that the document has not, each new item with
 * an id of its own in the document. */
static gboolean
add_draft (Change        *change,
           const QgEdit  *edit,
           GError       **error)
{
  QgDocument *doc = change->doc;
  QgDocument *draft = edit->draft;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autofree const char **entity_ids = g_new0 (const char *, draft->n_entities + 1);
  g_autofree const char **quote_ids = g_new0 (const char *, draft->n_quotes + 1);

  if (draft->text_len != doc->text_len || memcmp (draft->text, doc->text, doc->text_len) != 0)
    return refuse (error, _("The draft is of another article"));

  for (guint e = 0; e < doc->n_entities; e++)
    know_names (names, &doc->entities[e], doc->entities[e].id);
  for (guint e = 0; e < draft->n_entities; e++)
    {
      const QgEntity *de = &draft->entities[e];
      char *id;

      if ((entity_ids[e] = known_entity (names, de)) != NULL)
        continue;
      id = draft_id (doc, taken, de->id, de->name, ID_BASE_MAX, "entity");
      entity_ids[e] = id;
      know_names (names, de, id);
      change_append (&change->arrays[REF_ENTITY], draft_element (draft, REF_ENTITY, e, id));
    }

  for (guint q = 0; q < draft->n_quotes; q++)
    {
      const QgQuote *dq = &draft->quotes[q];
      JsonObject *object;
      char *id;

      if ((quote_ids[q] = covering_quote (doc, dq->start, dq->end)) != NULL)
        continue;
      id = draft_id (doc, taken, dq->id, dq->text, QUOTE_ID_BASE_MAX, "quote");
      quote_ids[q] = id;
      object = draft_element (draft, REF_QUOTE, q, id);
      if (dq->speaker >= 0)
        json_object_set_string_member (object, "speaker", entity_ids[dq->speaker]);
      change_append (&change->arrays[REF_QUOTE], object);
    }

  for (guint r = 0; r < doc->n_relations; r++)
    {
      const QgRelation *rel = &doc->relations[r];
      g_autofree char *label = qg_document_name_key (rel->label);

      g_hash_table_add (relations, g_strdup_printf ("%s\n%s\n%s", doc->entities[rel->source].id,
                                                    doc->entities[rel->target].id, label));
    }
  for (guint r = 0; r < draft->n_relations; r++)
    {
      const QgRelation *dr = &draft->relations[r];
      g_autofree char *label = qg_document_name_key (dr->label);
      g_autofree char *name = NULL;
      char *key = g_strdup_printf ("%s\n%s\n%s", entity_ids[dr->source], entity_ids[dr->target],
                                   label);
      JsonArray *evidence;
      JsonObject *object;
      char *id;

      if (!g_hash_table_add (relations, key))
        continue;
      name = g_strdup_printf ("%s %s %s", entity_ids[dr->source], dr->label,
                              entity_ids[dr->target]);
      id = draft_id (doc, taken, dr->id, name, ID_BASE_MAX, "relation");
      object = draft_element (draft, REF_RELATION, r, id);
      json_object_set_string_member (object, "source", entity_ids[dr->source]);
      json_object_set_string_member (object, "target", entity_ids[dr->target]);
      evidence = json_array_new ();
      for (guint j = 0; j < dr->n_evidence; j++)
        {
          const char *quote = quote_ids[dr->evidence[j]];
          gboolean seen = FALSE;

          /* Two quotes of the draft may be covered by the same one. */
          for (guint k = 0; k < j; k++)
            seen |= strcmp (quote_ids[dr->evidence[k]], quote) == 0;
          if (!seen)
            json_array_add_string_element (evidence, quote);
        }
      json_object_set_array_member (object, "evidence", evidence);
      change_append (&change->arrays[REF_RELATION], object);
    }
  return TRUE;
}

gboolean
qg_document_shares_article (QgDocument *self,
                            JsonNode   *root)
{
  return json_object_get_member (json_node_get_object (self->root), "article")
         == json_object_get_member (json_node_get_object (root), "article");
}

QgDocument *
qg_document_new_version (QgDocument  *like,
                         JsonNode    *root,
                         GError     **error)
{
  g_autoptr(GFile) base_dir = like->file != NULL ? g_file_get_parent (like->file) : NULL;
  g_autofree char *display = like->file != NULL ? g_file_get_basename (like->file)
                                                : g_strdup (_("the new map"));
  g_autoptr(GError) local_error = NULL;
  QgDocument *version;

  version = qg_document_read_tree (root, NULL, 0, base_dir, display, like, NULL, &local_error);
  if (version == NULL)
    {
      /* Each edit checks what it is given: this is the loader's last word. */
      refuse (error, _("The edit would break the document: %s"), local_error->message);
      return NULL;
    }
  g_set_object (&version->file, like->file);
  return version;
}

/* The edited tree, read as a document by the loader. */
static QgDocument *
change_read (Change  *change,
             GError **error)
{
  JsonObject *root = qg_json_object_copy (json_node_get_object (change->doc->root));
  g_autoptr(JsonNode) root_node = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (change->arrays); i++)
    {
      JsonNode *array = change_build (&change->arrays[i]);

      if (array != NULL)
        json_object_set_member (root, array_names[i], array);
    }
  root_node = qg_json_object_node (root);
  return qg_document_new_version (change->doc, root_node, error);
}

/* A quote added or moved is found where it was selected, at @start. */
static gboolean
check_place (QgDocument    *edited,
             const char    *id,
             gsize          start,
             gsize          end,
             GError       **error)
{
  const QgQuote *q = qg_document_get_quote (edited, qg_document_find_quote (edited, id));

  if (q->start != start || q->end != end)
    return refuse (error, _("The quote would not be found where it was selected"));
  return TRUE;
}

QgDocument *
qg_document_apply (QgDocument    *self,
                   const QgEdit  *edit,
                   char         **new_id,
                   GError       **error)
{
  g_auto(QgEditEffects) effects = { 0 };
  g_autoptr(QgDocument) edited = NULL;
  g_autofree char *id = NULL;
  Change change;
  gboolean ok = FALSE;

  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (edit != NULL, NULL);

  if (new_id != NULL)
    *new_id = NULL;
  if (!check_edit_utf8 (edit, error) || !compute_effects (self, edit, &effects, error))
    return NULL;

  change_init (&change, self);
  switch (edit->kind)
    {
    case QG_EDIT_ADD_QUOTE:
      ok = add_quote (&change, edit, &id, error);
      break;
    case QG_EDIT_ADD_ENTITY:
      ok = add_entity (&change, edit, &id, error);
      break;
    case QG_EDIT_ADD_RELATION:
      ok = add_relation (&change, edit, &id, error);
      break;
    case QG_EDIT_CHANGE_ENTITY:
      ok = change_entity (&change, edit, error);
      break;
    case QG_EDIT_CHANGE_QUOTE:
      ok = change_quote (&change, edit, error);
      break;
    case QG_EDIT_CHANGE_RELATION:
      ok = change_relation (&change, edit, error);
      break;
    case QG_EDIT_DELETE_ENTITY:
      delete_entity (&change, edit, &effects);
      ok = TRUE;
      break;
    case QG_EDIT_DELETE_QUOTE:
      delete_quote (&change, edit, &effects);
      ok = TRUE;
      break;
    case QG_EDIT_DELETE_RELATION:
      change_drop (&change.arrays[REF_RELATION], qg_document_find_relation (self, edit->id));
      ok = TRUE;
      break;
    case QG_EDIT_MERGE_ENTITIES:
      merge_entities (&change, edit);
      ok = TRUE;
      break;
    case QG_EDIT_ACCEPT_DRAFTS:
      ok = accept_drafts (&change, edit, error);
      break;
    case QG_EDIT_REJECT_DRAFTS:
      ok = reject_drafts (&change, edit, &effects, error);
      break;
    case QG_EDIT_ADD_DRAFT:
      ok = add_draft (&change, edit, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (ok)
    edited = change_read (&change, error);
  change_finish (&change);
  if (edited == NULL)
    return NULL;

  if (change.placed
      && !check_place (edited, id != NULL ? id : edit->id, change.start, change.end, error))
    return NULL;
  if (new_id != NULL)
    *new_id = g_steal_pointer (&id);
  return g_steal_pointer (&edited);
}

/* ------------------------------------------------------------------------ */
/* A new map                                                                 */

QgDocument *
qg_document_new_for_article (const char  *text,
                             gssize       length,
                             const char  *title,
                             const char  *source,
                             const char  *published,
                             GError     **error)
{
  g_autofree char *article_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *article;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if ((gsize) length > QG_DOCUMENT_MAX_BYTES)
    {
      refuse (error, _("The article is larger than %d MB, the most Quotegraph opens"),
              QG_DOCUMENT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  /* NUL is no character of a document: JSON's \u0000 is refused. */
  if (!qg_utf8_validate (text, length, NULL))
    {
      refuse (error, _("The article is not UTF-8 text"));
      return NULL;
    }
  article_text = g_strndup (text, length);
  if (qg_article_is_blank (article_text))
    {
      refuse (error, _("The article has no text: a map is made of its quotes"));
      return NULL;
    }
  if (!check_utf8 (title, error) || !check_utf8 (source, error) || !check_utf8 (published, error)
      || !check_text (title, _("The article needs a title"), error))
    return NULL;
  if (published != NULL && !qg_article_is_blank (published)
      && !qg_document_date_is_valid (published))
    {
      refuse (error, _("“%s” is not a date: write it like “2017-09-13”"), published);
      return NULL;
    }

  article = json_object_new ();
  json_object_set_string_member (article, "title", title);
  set_optional (article, "source", source);
  set_optional (article, "published", published);
  json_object_set_member (article, "text", qg_json_string_node (article_text));
  object = json_object_new ();
  json_object_set_string_member (object, "format", "quotegraph/1");
  json_object_set_object_member (object, "article", article);
  for (guint i = 0; i < G_N_ELEMENTS (array_names); i++)
    json_object_set_array_member (object, array_names[i], json_array_new ());
  root = qg_json_object_node (object);

  return qg_document_read_tree (root, NULL, 0, NULL, _("the new map"), NULL, NULL, error);
}
