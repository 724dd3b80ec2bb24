/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Every broken rule of a document, collected in one pass, each with its
 * place, and then told in one message of a located line each (the form is
 * in docs/format-notes.md, "Messages"). */
typedef struct _QgProblems QgProblems;

QgProblems *qg_problems_new          (const char  *display_name);
void        qg_problems_free         (QgProblems  *problems);
/* @where is shown after the file name (a JSON path, maybe with an id);
 * @locate is the JSON path whose line is shown, or NULL. */
G_GNUC_PRINTF (4, 5)
void        qg_problems_report       (QgProblems  *problems,
                                      const char  *where,
                                      const char  *locate,
                                      const char  *format,
                                      ...);
G_GNUC_PRINTF (4, 0)
void        qg_problems_report_valist (QgProblems *problems,
                                       const char *where,
                                       const char *locate,
                                       const char *format,
                                       va_list     args);
guint       qg_problems_get_count    (QgProblems  *problems);
/* The problems in the order of the file, located in @data (the JSON text
 * they were found in) when it is given. */
char       *qg_problems_format       (QgProblems  *problems,
                                      const char  *data,
                                      gsize        length);

/* Type checks, which report what is wrong at the member's path. */
typedef enum
{
  QG_WANT_STRING,
  QG_WANT_OBJECT,
  QG_WANT_ARRAY,
  QG_WANT_INTEGER,
  QG_WANT_BOOLEAN,
} QgWant;

char       *qg_problems_join_path    (const char  *parent,
                                      const char  *member);
const char *qg_problems_type_name    (JsonNode    *node);
gboolean    qg_problems_node_is_string (JsonNode  *node);
gboolean    qg_problems_check_type   (QgProblems  *problems,
                                      JsonNode    *node,
                                      const char  *path,
                                      QgWant       want);
/* The member @name of @obj if present and of the wanted type. A missing
 * required member, or one of the wrong type, is reported. */
JsonNode   *qg_problems_member       (QgProblems  *problems,
                                      JsonObject  *obj,
                                      const char  *obj_path,
                                      const char  *name,
                                      QgWant       want,
                                      gboolean     required);
const char *qg_problems_string_member (QgProblems *problems,
                                       JsonObject *obj,
                                       const char *obj_path,
                                       const char *name,
                                       gboolean    required);
/* An optional boolean: FALSE when absent (or of the wrong type, reported). */
gboolean    qg_problems_boolean_member (QgProblems *problems,
                                        JsonObject *obj,
                                        const char *obj_path,
                                        const char *name);
/* A required string that must also say something. */
const char *qg_problems_text_member  (QgProblems  *problems,
                                      JsonObject  *obj,
                                      const char  *obj_path,
                                      const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgProblems, qg_problems_free)

G_END_DECLS
