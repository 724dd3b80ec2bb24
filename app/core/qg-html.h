/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "qg-article-draft.h"

G_BEGIN_DECLS

/* A web page reduced to the text of its article, with libxml2's HTML
 * parser: the article (or main part) of the page, its paragraphs
 * separated by a blank line, white space collapsed as a browser does, and
 * none of its scripts, styles, forms, navigation, ads or comments; and
 * the title, source and date its metadata give. The rules are in
 * docs/format-notes.md ("Starting a map from an article").
 *
 * The page's character set is its byte order mark's, or its <meta>'s, or
 * UTF-8 if it is valid UTF-8, or else Windows-1252, as browsers read it.
 * The draft's text is valid UTF-8 without control characters but line
 * feeds and tabs; it may be empty. */
QgArticleDraft *qg_html_reduce      (const char  *html,
                                     gsize        length,
                                     GError     **error);

/* A date as pages write it in their metadata ("2017-09-13T10:00:00-04:00",
 * "20170913", "Wed, 13 Sep 2017 10:00:00 GMT", "September 13, 2017") in
 * FORMAT.md's form: the day as written, "2017-09-13" (or the month or the
 * year alone when that is all it says). NULL when it reads as no date. */
char           *qg_html_parse_date  (const char  *value);

G_END_DECLS
