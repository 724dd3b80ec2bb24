/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-edit.h"

G_BEGIN_DECLS

/* Shared by the edit (qg-edit.c) and where it is applied
 * (qg-document-edit.c). */
typedef enum
{
  QG_EDIT_NAME        = 1 << 0,
  QG_EDIT_KIND        = 1 << 1,
  QG_EDIT_ALIASES     = 1 << 2,
  QG_EDIT_DESCRIPTION = 1 << 3,
  QG_EDIT_SPAN        = 1 << 4,
  QG_EDIT_SPEAKER     = 1 << 5,
  QG_EDIT_NOTE        = 1 << 6,
  QG_EDIT_SOURCE      = 1 << 7,
  QG_EDIT_TARGET      = 1 << 8,
  QG_EDIT_LABEL       = 1 << 9,
  QG_EDIT_STANCE      = 1 << 10,
  QG_EDIT_EVIDENCE    = 1 << 11,
} QgEditField;

struct _QgEdit
{
  gatomicrefcount  ref_count;
  QgEditKind       kind;
  guint            fields;       /* of QgEditField: those set */
  char            *id;           /* of what it is made to; a merge's kept entity */
  char            *other;        /* a merge's entity that goes */

  char            *name;
  char            *entity_kind;
  char           **aliases;      /* never NULL once set */
  char            *description;
  gsize            start;
  gsize            end;
  char            *speaker;
  char            *note;
  char            *source;
  char            *target;
  char            *label;
  QgStance         stance;
  char           **evidence;     /* never NULL once set */

  char           **ids;          /* what drafts are accepted or rejected */
  QgDocument      *draft;        /* what a draft adds from */
};

G_END_DECLS
