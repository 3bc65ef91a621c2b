/* ld-dict.h — a column's string dictionary
 *
 * Every text column interns its values: a row stores a 32-bit id, the text lives
 * once. Id 0 is always the empty string. Ids are dense and given in order of first
 * appearance, so a dictionary built from a file is deterministic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LdDict LdDict;

LdDict     *ld_dict_new    (void);
void        ld_dict_free   (LdDict *dict);
/* Returns the id of @len bytes at @str (need not be NUL-terminated), adding it when new. */
guint32     ld_dict_intern (LdDict *dict, const char *str, gsize len);
/* Returns the id of @str, or G_MAXUINT32 when the dictionary does not hold it. */
guint32     ld_dict_lookup (const LdDict *dict, const char *str, gsize len);
/* The NUL-terminated text of @id; valid as long as the dictionary. */
const char *ld_dict_get    (const LdDict *dict, guint32 id);
gsize       ld_dict_get_length (const LdDict *dict, guint32 id);
guint       ld_dict_size   (const LdDict *dict);
/* Bytes held, for the benchmark's memory account. */
gsize       ld_dict_memory (const LdDict *dict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdDict, ld_dict_free)

G_END_DECLS
