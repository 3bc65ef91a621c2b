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
/* Interns @n texts, the i-th at @texts[i * @stride] with length @lens[i * @stride],
 * writing their ids to @ids[i]: the same ids as ld_dict_intern() one after another,
 * faster on a big dictionary, whose memory loads then overlap. */
void        ld_dict_intern_many (LdDict            *dict,
                                 guint              n,
                                 const char *const *texts,
                                 const gsize       *lens,
                                 gsize              stride,
                                 guint32           *ids);
/* The same for lookups: G_MAXUINT32 for a text not held. Only reads, so several
 * threads may look up at once while nobody interns. */
void        ld_dict_lookup_many (const LdDict      *dict,
                                 guint              n,
                                 const char *const *texts,
                                 const gsize       *lens,
                                 gsize              stride,
                                 guint32           *ids);
/* Returns the id of @str, or G_MAXUINT32 when the dictionary does not hold it. */
guint32     ld_dict_lookup (const LdDict *dict, const char *str, gsize len);
/* The NUL-terminated text of @id; valid as long as the dictionary. */
const char *ld_dict_get    (const LdDict *dict, guint32 id);
gsize       ld_dict_get_length (const LdDict *dict, guint32 id);
/* Every id's text, indexed by id, for loops over many ids; valid until the next
 * ld_dict_intern() that adds a text. */
const char *const *ld_dict_get_texts (const LdDict *dict);
guint       ld_dict_size   (const LdDict *dict);
/* Bytes held, for the benchmark's memory account. */
gsize       ld_dict_memory (const LdDict *dict);

/* The position of each id's text in strcmp() order (UTF-8 bytes, as SPEC §5 sorts
 * text): ranks[id] for id < ld_dict_size(), a permutation of 0 … size − 1, so two ids
 * compare as their texts do. Texts equal up to an embedded NUL (the loader never
 * stores one) keep id order. Computed on the first call, safely from any thread;
 * the dictionary must be complete by then: interning a new text afterwards is a
 * programming error. */
const guint32 *ld_dict_get_ranks (LdDict *dict);
/* The inverse of the ranks: order[r] is the id of rank r. Computed with them. */
const guint32 *ld_dict_get_order (LdDict *dict);

/* A key and what it sorts, for ld_sort_items(). */
typedef struct {
  guint64 key;
  guint32 value;
} LdSortItem;

/* Sorts @items by key ascending, stably (a least-significant-digit radix sort that
 * skips the bytes all keys share). The dictionary's ranks and the query's tables
 * use it, so that nothing on a re-query compares strings. */
void        ld_sort_items (LdSortItem *items, gsize n_items);
/* The same for bare keys. */
void        ld_sort_keys  (guint64 *keys, gsize n_keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdDict, ld_dict_free)

G_END_DECLS
