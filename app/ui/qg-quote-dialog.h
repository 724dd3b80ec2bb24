/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "qg-document.h"

G_BEGIN_DECLS

#define QG_TYPE_QUOTE_DIALOG (qg_quote_dialog_get_type ())
G_DECLARE_FINAL_TYPE (QgQuoteDialog, qg_quote_dialog, QG, QUOTE_DIALOG, AdwWindow)

/* Edits what a quote says of itself: who says it and its note. Its text
 * is the article's, and stays. "apply" is emitted when the person
 * confirms, as in QgEntityDialog. */
QgQuoteDialog *qg_quote_dialog_new            (GtkWindow     *parent,
                                               QgDocument    *document,
                                               guint          quote);
const char    *qg_quote_dialog_get_quote_id   (QgQuoteDialog *self);
/* An entity id, or NULL for none. */
const char    *qg_quote_dialog_get_speaker_id (QgQuoteDialog *self);
/* NULL when empty */
char          *qg_quote_dialog_get_note       (QgQuoteDialog *self);
void           qg_quote_dialog_show_error     (QgQuoteDialog *self,
                                               const char    *message);

G_END_DECLS
