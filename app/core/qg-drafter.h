/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* The first draft of a map of an English news article: its direct quotes
 * (spans of the text, so verbatim by construction), their speakers, the
 * entities it names and the relations the quotes and appositives give.
 * Every entity, quote and relation of the document it makes is marked
 * "draft": true (docs/format-notes.md, "Drafts"), for a person to accept,
 * correct or reject. Deterministic: the same text always gives the same
 * document. No network and no model: rules of English news writing, and
 * ICU's sentence breaks. A longer article than QG_DRAFTER_MAX_BYTES is
 * refused with QG_DOCUMENT_ERROR_TOO_LARGE. */
/* The longest article drafted: its words and names take some ten times
 * its size in memory. */
#define QG_DRAFTER_MAX_BYTES (8 * 1024 * 1024)

QgDocument *qg_drafter_draft (const char    *text,
                              gssize         length,
                              const char    *title,
                              const char    *source,
                              const char    *published,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
