/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The characters XML 1.0 allows, and nothing else, in what Quotegraph
 * exports: the SVG, and through Graphviz the PNG, the PDF and the .gv.
 * XML 1.0's Char is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]: no other control character, and neither U+FFFE nor
 * U+FFFF, even written as a character reference. */

gboolean  qg_xml_is_char  (gunichar     c);
/* @text (valid UTF-8) with every character XML 1.0 does not allow shown
 * as U+FFFD: that one was there, and what it was is in the document. */
char     *qg_xml_safe     (const char  *text);
/* Whether @data is well-formed XML made of XML 1.0's characters, raw or
 * referenced (&#…;): UTF-8, tags that nest, known entities. Declarations,
 * a DOCTYPE and comments are passed over. The error (G_MARKUP_ERROR)
 * gives the line and the character. */
gboolean  qg_xml_check    (const char  *data,
                           gsize        length,
                           GError     **error);

G_END_DECLS
