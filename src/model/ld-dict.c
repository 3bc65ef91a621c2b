/* ld-dict.c — a column's string dictionary
 *
 * The loader interns about ten cells per row, so this is on the hot path of every
 * load: an open-addressing table (power-of-two size, linear probing, at most three
 * quarters full) whose slots carry the 32-bit hash next to the id, so a probe rarely touches
 * the text. Texts live NUL-terminated in big arena blocks and are never moved, so a
 * pointer from ld_dict_get() stays valid as long as the dictionary.
 *
 * Sorting by text is what made the tables slow (a strcmp() qsort of 100,000 customer
 * names on every re-query), so a dictionary also hands out the strcmp() rank of each
 * id, computed once: the query's tables then sort on integers (ld_sort_items()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ld-dict.h"

#define LD_DICT_BLOCK_SIZE (64 * 1024)

typedef struct {
  guint32 hash;
  guint32 id_plus_one;  /* 0: empty slot */
} LdDictSlot;

struct _LdDict
{
  LdDictSlot  *slots;
  guint32      mask;
  guint32      n_ids;
  guint32      ids_allocated;
  const char **texts;
  guint32     *lens;

  GPtrArray   *blocks;
  char        *block_pos;
  gsize        block_left;
  gsize        arena_bytes;

  guint32     *ranks;   /* once ld_dict_get_ranks() ran: n_ids ranks, then n_ids ids
                         * in rank order; else NULL */
};

static inline guint64
read_u64 (const guchar *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return v;
}

static inline guint32
read_u32 (const guchar *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return v;
}

/* 1 to 8 bytes as one word, reading no byte outside them: two overlapping loads,
 * or for under four bytes the first, middle and last (which are all of them). */
static inline guint64
read_short (const guchar *p,
            gsize         len)
{
  if (len >= 4)
    return read_u32 (p) | (guint64) read_u32 (p + len - 4) << 32;
  return p[0] | (guint64) p[len / 2] << 8 | (guint64) p[len - 1] << 16;
}

/* A word-at-a-time multiply-xorshift hash: FNV-1a goes byte by byte, and cells are
 * often 20–40 bytes (names, GUIDs), so reading 8 bytes per step is markedly faster.
 * The last word overlaps the one before instead of going byte by byte; the length
 * in the seed keeps strings that differ only in length apart. */
static inline guint32
ld_dict_hash (const char *str,
              gsize       len)
{
  const guchar *p = (const guchar *) str;
  guint64 h = 0x9E3779B97F4A7C15ull ^ ((guint64) len * 0xFF51AFD7ED558CCDull);

  if (len > 8)
    {
      const guchar *last = p + len - 8;

      for (; p < last; p += 8)
        {
          h = (h ^ read_u64 (p)) * 0xBF58476D1CE4E5B9ull;
          h ^= h >> 31;
        }
      h = (h ^ read_u64 (last)) * 0x94D049BB133111EBull;
      h ^= h >> 29;
    }
  else if (len > 0)
    {
      h = (h ^ read_short (p, len)) * 0x94D049BB133111EBull;
      h ^= h >> 29;
    }
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return (guint32) h;
}

/* memcmp (a, b, len) == 0 without the call: most cells are a few words long. */
static inline gboolean
ld_text_equal (const char *a,
               const char *b,
               gsize       len)
{
  const guchar *x = (const guchar *) a, *y = (const guchar *) b;

  if (len > 8)
    {
      for (gsize i = 0; i + 8 < len; i += 8)
        if (read_u64 (x + i) != read_u64 (y + i))
          return FALSE;
      return read_u64 (x + len - 8) == read_u64 (y + len - 8);
    }
  return len == 0 || read_short (x, len) == read_short (y, len);
}

static const char *
ld_dict_store_text (LdDict     *self,
                    const char *str,
                    gsize       len)
{
  char *dst;

  if (len + 1 > self->block_left)
    {
      gsize size = MAX (LD_DICT_BLOCK_SIZE, len + 1);

      /* Start small: most of a report's dictionaries hold a handful of values. */
      if (self->blocks->len == 0 && len + 1 <= 1024)
        size = 1024;
      else if (self->blocks->len < 4 && len + 1 <= 16 * 1024)
        size = 16 * 1024;

      self->block_pos = g_malloc (size);
      self->block_left = size;
      self->arena_bytes += size;
      g_ptr_array_add (self->blocks, self->block_pos);
    }

  dst = self->block_pos;
  memcpy (dst, str, len);
  dst[len] = '\0';
  self->block_pos += len + 1;
  self->block_left -= len + 1;
  return dst;
}

static void
ld_dict_grow_slots (LdDict *self)
{
  guint32 old_size = self->mask + 1;
  guint32 new_size = old_size * 2;
  LdDictSlot *old = self->slots;

  g_assert (new_size > old_size);

  self->slots = g_new0 (LdDictSlot, new_size);
  self->mask = new_size - 1;

  for (guint32 i = 0; i < old_size; i++)
    {
      guint32 j;

      if (old[i].id_plus_one == 0)
        continue;
      j = old[i].hash & self->mask;
      while (self->slots[j].id_plus_one != 0)
        j = (j + 1) & self->mask;
      self->slots[j] = old[i];
    }

  g_free (old);
}

LdDict *
ld_dict_new (void)
{
  LdDict *self = g_new0 (LdDict, 1);

  self->mask = 15;
  self->slots = g_new0 (LdDictSlot, self->mask + 1);
  self->ids_allocated = 8;
  self->texts = g_new (const char *, self->ids_allocated);
  self->lens = g_new (guint32, self->ids_allocated);
  self->blocks = g_ptr_array_new_with_free_func (g_free);

  /* Id 0 is the empty string, whatever comes first. */
  ld_dict_intern (self, "", 0);

  return self;
}

void
ld_dict_free (LdDict *self)
{
  if (self == NULL)
    return;

  g_free (self->slots);
  g_free (self->texts);
  g_free (self->lens);
  g_free (self->ranks);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

guint32
ld_dict_intern (LdDict     *self,
                const char *str,
                gsize       len)
{
  guint32 hash, i, id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (str != NULL || len == 0, 0);
  g_return_val_if_fail (len < G_MAXUINT32, 0);

  hash = ld_dict_hash (str, len);
  i = hash & self->mask;

  for (;;)
    {
      LdDictSlot *slot = &self->slots[i];

      if (slot->id_plus_one == 0)
        break;
      if (slot->hash == hash)
        {
          id = slot->id_plus_one - 1;
          if (self->lens[id] == len && ld_text_equal (self->texts[id], str, len))
            return id;
        }
      i = (i + 1) & self->mask;
    }

  g_return_val_if_fail (self->n_ids < G_MAXUINT32 - 1, 0);
  /* The ranks cover the ids there were; a new one would have none. */
  g_return_val_if_fail (self->ranks == NULL, 0);

  id = self->n_ids++;
  if (id == self->ids_allocated)
    {
      self->ids_allocated *= 2;
      self->texts = g_renew (const char *, self->texts, self->ids_allocated);
      self->lens = g_renew (guint32, self->lens, self->ids_allocated);
    }
  self->texts[id] = len == 0 ? "" : ld_dict_store_text (self, str, len);
  self->lens[id] = (guint32) len;
  self->slots[i].hash = hash;
  self->slots[i].id_plus_one = id + 1;

  /* Keep the table at most three quarters full: probe runs stay short (the slots
   * carry the hash, eight to a cache line), and a dictionary of a million customer
   * names takes 16 MB of slots instead of 32. */
  if ((gsize) self->n_ids * 4 > ((gsize) self->mask + 1) * 3)
    ld_dict_grow_slots (self);

  return id;
}

/* The batch of ld_dict_intern_many(): enough texts in flight to hide a memory
 * access behind the others, few enough that their slots stay in cache. */
#define INTERN_BATCH 64

/* The batched lookup of ld_dict_intern_many() and ld_dict_lookup_many(): with
 * @intern, a text not found is added (in order), else its id is G_MAXUINT32. */
static inline void
ld_dict_find_many (LdDict            *self,
                   guint              n,
                   const char *const *texts,
                   const gsize       *lens,
                   gsize              stride,
                   guint32           *ids,
                   gboolean           intern)
{
  guint32 hashes[INTERN_BATCH];
  guint32 found[INTERN_BATCH];

  for (guint lo = 0; lo < n; lo += INTERN_BATCH)
    {
      guint m = MIN (INTERN_BATCH, n - lo);

      /* 1. Every hash, and a fetch of its slot. */
      for (guint i = 0; i < m; i++)
        {
          gsize k = (gsize) (lo + i) * stride;

          hashes[i] = ld_dict_hash (texts[k], lens[k]);
          __builtin_prefetch (&self->slots[hashes[i] & self->mask]);
        }

      /* 2. The first slot of the same hash: a candidate id (+ 1), and a fetch of
       * where its text is. */
      for (guint i = 0; i < m; i++)
        {
          guint32 j = hashes[i] & self->mask;

          found[i] = 0;
          for (;;)
            {
              const LdDictSlot *slot = &self->slots[j];

              if (slot->id_plus_one == 0)
                break;
              if (slot->hash == hashes[i])
                {
                  found[i] = slot->id_plus_one;
                  __builtin_prefetch (&self->texts[found[i] - 1]);
                  __builtin_prefetch (&self->lens[found[i] - 1]);
                  break;
                }
              j = (j + 1) & self->mask;
            }
        }

      /* 3. A fetch of the candidates' texts. */
      for (guint i = 0; i < m; i++)
        if (found[i] != 0)
          __builtin_prefetch (self->texts[found[i] - 1]);

      /* 4. In order: a candidate that matches is the id; anything else (a new text,
       * one added earlier in this batch, a hash shared by two texts) goes the whole
       * way, so ids come in order of first appearance exactly as one by one. */
      for (guint i = 0; i < m; i++)
        {
          gsize k = (gsize) (lo + i) * stride;
          guint32 id = found[i] - 1;

          if (found[i] != 0 && self->lens[id] == lens[k] && ld_text_equal (self->texts[id], texts[k], lens[k]))
            ids[lo + i] = id;
          else if (intern)
            ids[lo + i] = ld_dict_intern (self, texts[k], lens[k]);
          else
            ids[lo + i] = ld_dict_lookup (self, texts[k], lens[k]);
        }
    }
}

void
ld_dict_intern_many (LdDict            *self,
                     guint              n,
                     const char *const *texts,
                     const gsize       *lens,
                     gsize              stride,
                     guint32           *ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n == 0 || (texts != NULL && lens != NULL && ids != NULL));

  ld_dict_find_many (self, n, texts, lens, stride, ids, TRUE);
}

void
ld_dict_lookup_many (const LdDict      *self,
                     guint              n,
                     const char *const *texts,
                     const gsize       *lens,
                     gsize              stride,
                     guint32           *ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (n == 0 || (texts != NULL && lens != NULL && ids != NULL));

  ld_dict_find_many ((LdDict *) self, n, texts, lens, stride, ids, FALSE);
}

guint32
ld_dict_lookup (const LdDict *self,
                const char   *str,
                gsize         len)
{
  guint32 hash, i;

  g_return_val_if_fail (self != NULL, G_MAXUINT32);
  g_return_val_if_fail (str != NULL || len == 0, G_MAXUINT32);

  hash = ld_dict_hash (str, len);
  i = hash & self->mask;

  for (;;)
    {
      const LdDictSlot *slot = &self->slots[i];

      if (slot->id_plus_one == 0)
        return G_MAXUINT32;
      if (slot->hash == hash)
        {
          guint32 id = slot->id_plus_one - 1;

          if (self->lens[id] == len && ld_text_equal (self->texts[id], str, len))
            return id;
        }
      i = (i + 1) & self->mask;
    }
}

const char *
ld_dict_get (const LdDict *self,
             guint32       id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id < self->n_ids, NULL);

  return self->texts[id];
}

gsize
ld_dict_get_length (const LdDict *self,
                    guint32       id)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (id < self->n_ids, 0);

  return self->lens[id];
}

const char *const *
ld_dict_get_texts (const LdDict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->texts;
}

guint
ld_dict_size (const LdDict *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_ids;
}

gsize
ld_dict_memory (const LdDict *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sizeof *self
         + ((gsize) self->mask + 1) * sizeof (LdDictSlot)
         + (gsize) self->ids_allocated * (sizeof (const char *) + sizeof (guint32))
         + self->arena_bytes
         + (g_atomic_pointer_get ((guint32 **) &self->ranks) != NULL ? 2 * (gsize) self->n_ids * sizeof (guint32) : 0);
}

/* ---- integer sorting and text ranks ------------------------------------------ */

#define LD_SORT_SMALL 48

/* The sorts of ld_sort_items() and ld_sort_keys(), which differ only in what they
 * move: an insertion sort for short arrays, else one least-significant-digit pass per
 * byte in which some keys differ (ranks and sums use a few of the eight), all the
 * histograms counted in one read. Stable. */
#define LD_DEFINE_RADIX_SORT(func, Type, KEY)                                    \
  void                                                                           \
  func (Type  *items,                                                            \
        gsize  n_items)                                                          \
  {                                                                              \
    guint64 diff = 0;                                                            \
    guint shifts[8];                                                             \
    guint n_passes = 0;                                                          \
    g_autofree gsize *counts = NULL;                                             \
    g_autofree Type *buffer = NULL;                                              \
    Type *src = items, *dst;                                                     \
                                                                                 \
    g_return_if_fail (items != NULL || n_items == 0);                            \
                                                                                 \
    if (n_items < 2)                                                             \
      return;                                                                    \
    if (n_items <= LD_SORT_SMALL)                                                \
      {                                                                          \
        for (gsize i = 1; i < n_items; i++)                                      \
          {                                                                      \
            Type x = items[i];                                                   \
            gsize j = i;                                                         \
                                                                                 \
            while (j > 0 && KEY (items[j - 1]) > KEY (x))                        \
              {                                                                  \
                items[j] = items[j - 1];                                         \
                j--;                                                             \
              }                                                                  \
            items[j] = x;                                                        \
          }                                                                      \
        return;                                                                  \
      }                                                                          \
                                                                                 \
    for (gsize i = 1; i < n_items; i++)                                          \
      diff |= KEY (items[i]) ^ KEY (items[0]);                                   \
    for (guint b = 0; b < 8; b++)                                                \
      if ((diff >> (8 * b)) & 0xff)                                              \
        shifts[n_passes++] = 8 * b;                                              \
    if (n_passes == 0)                                                           \
      return;                                                                    \
                                                                                 \
    counts = g_new0 (gsize, n_passes * 256);                                     \
    for (gsize i = 0; i < n_items; i++)                                          \
      for (guint p = 0; p < n_passes; p++)                                       \
        counts[p * 256 + ((KEY (items[i]) >> shifts[p]) & 0xff)]++;              \
    for (guint p = 0; p < n_passes; p++)                                         \
      {                                                                          \
        gsize *c = counts + p * 256;                                             \
        gsize sum = 0;                                                           \
                                                                                 \
        for (guint d = 0; d < 256; d++)                                          \
          {                                                                      \
            gsize k = c[d];                                                      \
                                                                                 \
            c[d] = sum;                                                          \
            sum += k;                                                            \
          }                                                                      \
      }                                                                          \
                                                                                 \
    buffer = g_new (Type, n_items);                                              \
    dst = buffer;                                                                \
    for (guint p = 0; p < n_passes; p++)                                         \
      {                                                                          \
        gsize *c = counts + p * 256;                                             \
        guint shift = shifts[p];                                                 \
        Type *tmp;                                                               \
                                                                                 \
        for (gsize i = 0; i < n_items; i++)                                      \
          dst[c[(KEY (src[i]) >> shift) & 0xff]++] = src[i];                     \
        tmp = src;                                                               \
        src = dst;                                                               \
        dst = tmp;                                                               \
      }                                                                          \
    if (src != items)                                                            \
      memcpy (items, src, n_items * sizeof *items);                              \
  }

#define LD_ITEM_KEY(item) ((item).key)
#define LD_PLAIN_KEY(key) (key)

LD_DEFINE_RADIX_SORT (ld_sort_items, LdSortItem, LD_ITEM_KEY)
LD_DEFINE_RADIX_SORT (ld_sort_keys, guint64, LD_PLAIN_KEY)

/* Bytes @offset … @offset + 7 of a text as a big-endian integer, zero past its end
 * (or past a NUL byte, where strcmp() stops): integer order is strcmp() order. */
static inline guint64
text_chunk (const char *text,
            gsize       len,
            gsize       offset)
{
  const guchar *p = (const guchar *) text + offset;
  guint64 key = 0;
  gsize n;

  if (offset >= len)
    return 0;
  n = MIN (len - offset, 8);
  for (gsize i = 0; i < n && p[i] != 0; i++)
    key |= (guint64) p[i] << (56 - 8 * i);
  return key;
}

typedef struct {
  gsize start;
  gsize n;
  gsize offset;
} LdRankRun;

/* A most-significant-first sort by 8-byte chunks: sort a run by one chunk, then each
 * group that shares it and may go on (its last byte is not 0) by the next. */
static void
ld_dict_sort_texts (const LdDict *self,
                    LdSortItem   *items,
                    gsize         n_items)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (LdRankRun));
  LdRankRun first = { 0, n_items, 0 };

  g_array_append_val (pending, first);
  while (pending->len > 0)
    {
      LdRankRun run = g_array_index (pending, LdRankRun, pending->len - 1);
      LdSortItem *r = items + run.start;
      gsize i = 0;

      g_array_set_size (pending, pending->len - 1);
      for (gsize k = 0; k < run.n; k++)
        r[k].key = text_chunk (self->texts[r[k].value], self->lens[r[k].value], run.offset);
      ld_sort_items (r, run.n);

      while (i < run.n)
        {
          gsize j = i + 1;

          while (j < run.n && r[j].key == r[i].key)
            j++;
          if (j - i > 1 && (r[i].key & 0xff) != 0)
            {
              LdRankRun next = { run.start + i, j - i, run.offset + 8 };

              g_array_append_val (pending, next);
            }
          i = j;
        }
    }
}

const guint32 *
ld_dict_get_ranks (LdDict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_once_init_enter (&self->ranks))
    {
      guint32 *ranks = g_new (guint32, 2 * (gsize) self->n_ids);
      g_autofree LdSortItem *items = g_new (LdSortItem, self->n_ids);

      /* Starting in id order and sorting stably keeps equal texts in id order. */
      for (guint32 id = 0; id < self->n_ids; id++)
        items[id].value = id;
      ld_dict_sort_texts (self, items, self->n_ids);
      for (guint32 r = 0; r < self->n_ids; r++)
        {
          ranks[items[r].value] = r;
          ranks[self->n_ids + r] = items[r].value;
        }

      g_once_init_leave (&self->ranks, ranks);
    }

  return self->ranks;
}

const guint32 *
ld_dict_get_order (LdDict *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ld_dict_get_ranks (self) + self->n_ids;
}
