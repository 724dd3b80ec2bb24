/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-document"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-document-private.h"
#include "qg-file.h"
#include "qg-json-tree.h"

/* Saving: the document's JSON tree written back, which holds what the
 * loader ignores as it was read. Members are written in FORMAT.md's order
 * (that of its tables), then those it does not know in their own order,
 * so that a document saved twice is the same file and a change is a
 * small diff. */

#define ORDER(...) (const char * const[]) { __VA_ARGS__, NULL }

static const QgJsonOrder article_order = {
  ORDER ("title", "source", "published", "text", "text_file"), NULL,
};
static const QgJsonOrder entity_order = {
  ORDER ("id", "name", "kind", "aliases", "description"), NULL,
};
static const QgJsonOrder quote_order = {
  ORDER ("id", "text", "speaker", "occurrence", "note"), NULL,
};
static const QgJsonOrder relation_order = {
  ORDER ("id", "source", "target", "label", "stance", "evidence"), NULL,
};
static const QgJsonOrder document_order = {
  ORDER ("format", "article", "entities", "quotes", "relations"),
  (const QgJsonOrder * const[]) { NULL, &article_order, &entity_order, &quote_order,
                                  &relation_order },
};

/* The tree to write to @file. A "text_file" is a path from the document's
 * folder: when it names the same file from @file's, it is kept, and the
 * text file is not written; elsewhere the text goes into "text", so that
 * the document saved there reads the same article. */
static JsonNode *
tree_for (QgDocument *self,
          GFile      *file)
{
  JsonObject *root = json_node_get_object (self->root);
  JsonObject *article = json_object_get_object_member (root, "article");
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) there = NULL;
  g_autofree char *text = NULL;
  JsonObject *article_copy;
  JsonObject *root_copy;

  if (file == NULL || self->text_file == NULL)
    return json_node_ref (self->root);
  dir = g_file_get_parent (file);
  there = dir != NULL ? g_file_resolve_relative_path (
                          dir, json_object_get_string_member (article, "text_file"))
                      : NULL;
  if (there != NULL && g_file_equal (there, self->text_file))
    return json_node_ref (self->root);

  article_copy = qg_json_object_copy (article);
  json_object_remove_member (article_copy, "text_file");
  text = g_strndup (self->text, self->text_len);
  json_object_set_member (article_copy, "text", qg_json_string_node (text));
  root_copy = qg_json_object_copy (root);
  json_object_set_member (root_copy, "article", qg_json_object_node (article_copy));
  return qg_json_object_node (root_copy);
}

char *
qg_document_to_json (QgDocument *self,
                     GFile      *file,
                     gsize      *length)
{
  g_autoptr(JsonNode) tree = NULL;
  GString *out;

  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  tree = tree_for (self, file);
  out = g_string_sized_new (self->text_len + 4096);
  qg_json_write (out, tree, &document_order);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
qg_document_save (QgDocument    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (QG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: "FILE: could not save the map: REASON" */
                   _("%s: could not save the map: %s"), display,
                   _("it is not a file on this computer"));
      return FALSE;
    }
  json = qg_document_to_json (self, file, &length);
  /* What could not be opened again is not written. */
  if (length > QG_DOCUMENT_MAX_BYTES)
    {
      g_autofree char *reason = g_strdup_printf (_("it would be larger than %d MB, the most "
                                                   "Quotegraph opens"),
                                                 QG_DOCUMENT_MAX_BYTES / (1024 * 1024));

      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_TOO_LARGE,
                   _("%s: could not save the map: %s"), display, reason);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!qg_file_replace_contents (path, json, length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: could not save the map: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  /* The document is immutable: it is read here as it is in the main thread. */
  if (qg_document_save (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
qg_document_save_async (QgDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (QG_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, qg_document_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
qg_document_save_finish (QgDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == qg_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
