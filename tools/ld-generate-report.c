/* ld-generate-report.c — writes a realistic, deterministic Partner Center License report
 *
 * The bundled sample, the test inputs and the benchmark's million rows all come from
 * here, so the output must be byte-identical on every machine: the generator has its
 * own PRNG (xoshiro256** seeded through splitmix64), never calls libm or the C
 * library's rand(), and formats every number itself (no locale, no printf floats).
 *
 * The shape follows what a publisher's download looks like: a handful of offers with
 * a few plans each, customers in about thirty countries weighted like the marketplace,
 * customers adopting over time (more new customers each month), most licences
 * Active, small seat counts with a long tail, and rows in activation-date order.
 *
 * Publishers download a few months at a time (SPEC §7). --window writes only the
 * months of one download out of the whole history the other options describe, so
 * downloads of one history overlap row for row; --revision ages a download: each
 * revision lapses a few more Active licences (Suspended or Expired, none assigned),
 * always the same ones, so a later download carries the newer state of a licence an
 * earlier one also has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

/* ------------------------------------------------------------------------------ */
/* The PRNG */

typedef struct {
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  /* Separate streams keep the data independent of presentation choices: the
   * random clock times of --date-style us draw from their own stream, so the
   * licences are the same whatever the date style. */
  guint64 sm = seed ^ (stream * G_GUINT64_CONSTANT (0xd1b54a32d192ed03));

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&sm);
}

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, n): the top 32 bits scaled by multiplication. The tiny bias for
 * large n does not matter here; that it is the same everywhere does. */
static inline guint32
rng_below (Rng     *rng,
           guint32  n)
{
  return (guint32) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* TRUE with probability @per_mille / 1000. */
static inline gboolean
rng_chance (Rng  *rng,
            guint per_mille)
{
  return rng_below (rng, 1000) < per_mille;
}

/* Index into @cumulative (n ascending running totals, the last > 0). */
static guint
rng_pick_cumulative (Rng           *rng,
                     const guint64 *cumulative,
                     guint          n)
{
  guint64 total = cumulative[n - 1];
  guint64 r = rng_next (rng) % total;
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* ------------------------------------------------------------------------------ */
/* The catalogue: offers, countries, names */

typedef struct {
  const char *name;
  const char *service_suffix;
  guint       weight;
} PlanSpec;

typedef struct {
  const char *display_name;
  const char *product_id;
  const char *service_prefix;
  const char *offer_type;
  guint       weight;
  guint       n_plans;
  PlanSpec    plans[4];
} OfferSpec;

#define OFFER_TYPE_DYNAMICS "Dynamics 365 apps on Dataverse and Power Apps"
#define OFFER_TYPE_POWER_BI "Power BI visual"

/* Plan names repeat across offers on purpose: the Offer plan filter matches by name
 * across offers (SPEC §3), and the sample should show that. Product ids come in the
 * shapes Partner Center uses: a dotted name, a GUID and a Power BI "WA…" id. */
static const OfferSpec offers[] = {
  { "Contoso Field Service Optimizer", "contoso.fieldservice", "Contoso.FSO",
    OFFER_TYPE_DYNAMICS, 30, 3,
    { { "Basic", "basic", 30 }, { "Standard", "standard", 50 }, { "Premium", "premium", 20 } } },
  { "Fabrikam Sales Accelerator", "fabrikam.salesaccelerator", "Fabrikam.SA",
    OFFER_TYPE_DYNAMICS, 24, 4,
    { { "Starter", "starter", 25 }, { "Professional", "pro", 40 },
      { "Enterprise", "enterprise", 25 }, { "Unlimited", "unlimited", 10 } } },
  { "Northwind Compliance Manager", "3f2b8c1e-6a4d-4e7b-9c35-1d8e2f7a9b64", "Northwind.CM",
    OFFER_TYPE_DYNAMICS, 16, 2,
    { { "Standard", "standard", 70 }, { "Premium", "premium", 30 } } },
  { "Adatum KPI Cards", "WA200004127", "Adatum.KPI",
    OFFER_TYPE_POWER_BI, 18, 2,
    { { "Pro", "pro", 80 }, { "Enterprise", "enterprise", 20 } } },
  { "Tailspin Gantt Chart", "tailspin.ganttchart", "Tailspin.Gantt",
    OFFER_TYPE_POWER_BI, 12, 3,
    { { "Basic", "basic", 35 }, { "Standard", "standard", 45 }, { "Premium", "premium", 20 } } },
};

typedef struct {
  const char *code;
  const char *name;
  guint       weight;
  /* Legal-form suffixes that make a company name look local. */
  const char *suffixes[4];
} CountrySpec;

/* Ordered by weight, so --countries N keeps the N largest markets. */
static const CountrySpec countries[] = {
  { "US", "United States", 300, { "Inc.", "LLC", "Corp.", "Inc." } },
  { "GB", "United Kingdom", 90, { "Ltd", "PLC", "Ltd", "LLP" } },
  { "DE", "Germany", 80, { "GmbH", "AG", "GmbH & Co. KG", "GmbH" } },
  { "FR", "France", 55, { "SAS", "SA", "SARL", "SAS" } },
  { "AU", "Australia", 45, { "Pty Ltd", "Pty Ltd", "Ltd", "Pty Ltd" } },
  { "CA", "Canada", 45, { "Inc.", "Ltd.", "Corp.", "Inc." } },
  { "NL", "Netherlands", 40, { "B.V.", "N.V.", "B.V.", "B.V." } },
  { "IN", "India", 40, { "Pvt. Ltd.", "Ltd.", "Pvt. Ltd.", "LLP" } },
  { "JP", "Japan", 30, { "K.K.", "Co., Ltd.", "Co., Ltd.", "K.K." } },
  { "BR", "Brazil", 25, { "Ltda.", "S.A.", "Ltda.", "Ltda." } },
  { "ES", "Spain", 25, { "S.L.", "S.A.", "S.L.", "S.L.U." } },
  { "IT", "Italy", 25, { "S.r.l.", "S.p.A.", "S.r.l.", "S.r.l." } },
  { "SE", "Sweden", 20, { "AB", "AB", "AB", "AB" } },
  { "CH", "Switzerland", 20, { "AG", "GmbH", "SA", "AG" } },
  { "DK", "Denmark", 15, { "A/S", "ApS", "A/S", "A/S" } },
  { "NO", "Norway", 15, { "AS", "ASA", "AS", "AS" } },
  { "BE", "Belgium", 15, { "NV", "SA", "BV", "SRL" } },
  { "AT", "Austria", 12, { "GmbH", "AG", "GmbH", "GmbH" } },
  { "IE", "Ireland", 12, { "Ltd", "DAC", "Ltd", "Ltd" } },
  { "PL", "Poland", 12, { "Sp. z o.o.", "S.A.", "Sp. z o.o.", "Sp. z o.o." } },
  { "MX", "Mexico", 12, { "S.A. de C.V.", "S. de R.L.", "S.A. de C.V.", "S.A." } },
  { "SG", "Singapore", 12, { "Pte. Ltd.", "Pte. Ltd.", "Ltd.", "Pte. Ltd." } },
  { "NZ", "New Zealand", 10, { "Limited", "Ltd", "Limited", "Ltd" } },
  { "ZA", "South Africa", 10, { "(Pty) Ltd", "Ltd", "(Pty) Ltd", "Inc." } },
  { "FI", "Finland", 10, { "Oy", "Oyj", "Oy", "Oy" } },
  { "AE", "United Arab Emirates", 8, { "LLC", "FZ-LLC", "LLC", "FZE" } },
  { "IL", "Israel", 8, { "Ltd.", "Ltd.", "Ltd.", "Ltd." } },
  { "KR", "Korea", 8, { "Co., Ltd.", "Inc.", "Co., Ltd.", "Corp." } },
  { "PT", "Portugal", 7, { "Lda.", "S.A.", "Lda.", "Lda." } },
  { "CZ", "Czechia", 6, { "s.r.o.", "a.s.", "s.r.o.", "s.r.o." } },
  { "AR", "Argentina", 5, { "S.A.", "S.R.L.", "S.A.", "S.A." } },
  { "CL", "Chile", 5, { "SpA", "S.A.", "Ltda.", "SpA" } },
  { "CO", "Colombia", 5, { "S.A.S.", "S.A.", "S.A.S.", "Ltda." } },
  { "TR", "Türkiye", 5, { "A.Ş.", "Ltd. Şti.", "A.Ş.", "A.Ş." } },
  { "SA", "Saudi Arabia", 5, { "Co.", "LLC", "Co.", "Ltd." } },
  { "HU", "Hungary", 4, { "Kft.", "Zrt.", "Kft.", "Kft." } },
  { "RO", "Romania", 4, { "S.R.L.", "S.A.", "S.R.L.", "S.R.L." } },
  { "GR", "Greece", 4, { "S.A.", "IKE", "S.A.", "S.A." } },
  { "MY", "Malaysia", 4, { "Sdn. Bhd.", "Bhd.", "Sdn. Bhd.", "Sdn. Bhd." } },
  { "TH", "Thailand", 4, { "Co., Ltd.", "Public Co., Ltd.", "Co., Ltd.", "Co., Ltd." } },
};

#define DEFAULT_COUNTRIES 30

/* Company names are "<first> <second> [<third>] <legal form>": enough combinations
 * for a hundred thousand distinct customers, a few with non-ASCII letters so the
 * sample exercises UTF-8 end to end. */
static const char *const name_first[] = {
  "Alpine", "Apex", "Atlas", "Aurora", "Bayside", "Beacon", "Birch", "Blue Harbor",
  "Boulder", "Brightwater", "Cascade", "Cedar", "Clearview", "Coastal", "Cobalt",
  "Copper", "Crescent", "Crystal", "Delta", "Eastgate", "Elm", "Evergreen", "Falcon",
  "Fjord", "Golden Gate", "Granite", "Greenfield", "Harbor", "Highland", "Horizon",
  "Ironwood", "Juniper", "Keystone", "Lakeside", "Lighthouse", "Lumière", "Maple",
  "Meridian", "Metro", "Midland", "Monarch", "Müller", "Nordlicht", "Northstar",
  "Oakridge", "Orion", "Pacific", "Peak", "Pinnacle", "Pioneer", "Prairie", "Quantum",
  "Redwood", "Ridgeline", "Riverbend", "Sapphire", "Sierra", "Silverline", "Skyline",
  "Southbank", "Sterling", "Summit", "Sunrise", "Tidewater", "Timber", "Trinity",
  "Union", "Vanguard", "Vertex", "Westbrook", "Willow", "Zenith", "São Paulo",
  "Blackstone", "Everest", "Hudson", "Kingsway", "Lindqvist", "Oceanic", "Polaris",
};

static const char *const name_second[] = {
  "Logistics", "Health", "Manufacturing", "Foods", "Energy", "Retail", "Construction",
  "Engineering", "Consulting", "Insurance", "Capital", "Pharma", "Telecom", "Media",
  "Automotive", "Aerospace", "Textiles", "Chemicals", "Shipping", "Farms", "Hospitality",
  "Real Estate", "Legal", "Medical", "Dental", "Education", "Software", "Analytics",
  "Robotics", "Utilities", "Water", "Mining", "Steel", "Packaging", "Printing",
  "Furniture", "Electric", "Biotech", "Transport", "Security", "Facilities", "Finance",
  "Travel", "Outdoor", "Beverages", "Apparel", "Tooling", "Marine", "Agri", "Labs",
  "Dynamics", "Networks", "Services", "Supply", "Trading", "Holdings", "Instruments",
  "Hydraulics", "Optics", "Plastics",
};

static const char *const name_third[] = {
  "", "", "", "", "", "", "", "", "Group", "Solutions", "Partners", "Systems",
  "International", "Industries", "Technologies", "Europe", "Global", "Holdings",
  "& Co", "Works",
};

/* A few real-looking names that need CSV quoting: commas and double quotes. */
static const char *const quoted_names[] = {
  "Smith, Jones & Partners",
  "Baker, Hart and Lowe",
  "The \"Blue Door\" Bakery",
  "Nguyen, Tran & Associates",
  "\"Northern Lights\" Outfitters",
  "O'Brien, Walsh & Kelly",
};

static const char *const states[] = { "Active", "Inactive", "Suspended", "Expired" };

enum { STATE_ACTIVE, STATE_INACTIVE, STATE_SUSPENDED, STATE_EXPIRED, N_STATES };

/* ------------------------------------------------------------------------------ */
/* Output */

typedef enum {
  DATE_ISO,
  DATE_US,
  DATE_EU,
  DATE_ISOTIME,
} DateStyle;

typedef struct {
  FILE  *file;
  char  *buf;
  gsize  len;
  gsize  cap;
  gboolean failed;
} Out;

/* Nothing one row appends comes near this, so a row never needs a bounds check. */
#define ROW_MAX 4096

static void
out_flush (Out *out)
{
  if (out->len > 0 && !out->failed && fwrite (out->buf, 1, out->len, out->file) != out->len)
    out->failed = TRUE;
  out->len = 0;
}

static inline void
out_reserve_row (Out *out)
{
  if (out->cap - out->len < ROW_MAX)
    out_flush (out);
}

static inline void
out_append (Out        *out,
            const char *text,
            gsize       len)
{
  memcpy (out->buf + out->len, text, len);
  out->len += len;
}

static inline void
out_char (Out  *out,
          char  c)
{
  out->buf[out->len++] = c;
}

static inline void
out_uint (Out     *out,
          guint64  value)
{
  char tmp[24];
  int n = 0;

  do
    {
      tmp[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  while (n > 0)
    out->buf[out->len++] = tmp[--n];
}

static inline void
out_2digits (Out *out,
             int  value)
{
  out->buf[out->len++] = (char) ('0' + value / 10);
  out->buf[out->len++] = (char) ('0' + value % 10);
}

/* Appends @text to @str as one field, quoted only when RFC 4180 requires it. */
static void
append_field (GString    *str,
              const char *text,
              char        delimiter)
{
  gboolean quote = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == delimiter || *p == '"' || *p == '\n' || *p == '\r')
      {
        quote = TRUE;
        break;
      }

  if (!quote)
    {
      g_string_append (str, text);
      return;
    }

  g_string_append_c (str, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (str, '"');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');
}

/* ------------------------------------------------------------------------------ */
/* The model */

typedef struct {
  char    *name;        /* "" when the customer did not share it */
  guint8   country;
  guint8   primary;     /* offer index */
  gint8    secondary;   /* offer index, or -1 */
  guint8   tier;        /* 0..3: the plan level the customer leans to */
  guint8   size;        /* seat multiplier */
  guint16  adoption;    /* month index */
  char     tenant[37];
  /* Preformatted row pieces: "Country,CC,Name," and ",TenantId\n". */
  char    *prefix;
  gsize    prefix_len;
  char    *legacy_tail;
  gsize    legacy_tail_len;
} Customer;

typedef struct {
  guint32 customer;
  guint16 plan;      /* global plan index */
  guint8  day;
  guint8  state;
  guint32 provisioned;
  guint32 assigned;
} Row;

typedef struct {
  guint  offer;
  char  *middle;      /* ",Display,ProductId,Plan,ServiceId," */
  gsize  middle_len;
  char  *tail;        /* ",OfferType\n" */
  gsize  tail_len;
} Plan;

typedef struct {
  guint64    rows;
  guint64    seed;
  guint      months;
  GDate      end;
  guint      n_customers;
  guint      n_countries;
  char       delimiter;
  DateStyle  date_style;
  gboolean   legacy;

  Rng        rng;       /* the data */
  Rng        clock_rng; /* times of day for --date-style us: presentation only */

  Customer  *customers;
  Plan      *plans;
  guint      n_plans;
  guint      offer_first_plan[G_N_ELEMENTS (offers)];
  int        first_month;     /* year * 12 + month - 1 */
  guint64   *month_adopters;  /* customers adopted by the end of month k (running total) */

  int        window_from;     /* the months written, as first_month */
  int        window_to;
  guint      revision;
} Generator;

static char *
make_company_name (Generator *gen,
                   guint      country)
{
  Rng *rng = &gen->rng;
  const CountrySpec *c = &countries[country];
  const char *third = name_third[rng_below (rng, G_N_ELEMENTS (name_third))];
  const char *first = name_first[rng_below (rng, G_N_ELEMENTS (name_first))];
  const char *second = name_second[rng_below (rng, G_N_ELEMENTS (name_second))];
  const char *suffix = c->suffixes[rng_below (rng, G_N_ELEMENTS (c->suffixes))];

  if (rng_chance (rng, 3))
    return g_strdup (quoted_names[rng_below (rng, G_N_ELEMENTS (quoted_names))]);

  if (*third != '\0')
    return g_strdup_printf ("%s %s %s %s", first, second, third, suffix);
  return g_strdup_printf ("%s %s %s", first, second, suffix);
}

static void
format_guid (Rng  *rng,
             char  out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint64 a = rng_next (rng), b = rng_next (rng);
  int n = 0;

  /* Version 4 / variant 1 bits, so it reads as a real tenant id. */
  a = (a & G_GUINT64_CONSTANT (0xffffffffffff0fff)) | G_GUINT64_CONSTANT (0x4000);
  b = (b & G_GUINT64_CONSTANT (0x3fffffffffffffff)) | G_GUINT64_CONSTANT (0x8000000000000000);
  for (int i = 0; i < 32; i++)
    {
      guint64 word = i < 16 ? a : b;
      int shift = 60 - 4 * (i % 16);

      if (i == 8 || i == 12 || i == 16 || i == 20)
        out[n++] = '-';
      out[n++] = hex[(word >> shift) & 0xf];
    }
  out[n] = '\0';
}

static void
build_plans (Generator *gen)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint n = 0;

  for (guint o = 0; o < G_N_ELEMENTS (offers); o++)
    n += offers[o].n_plans;
  gen->plans = g_new0 (Plan, n);
  gen->n_plans = n;

  n = 0;
  for (guint o = 0; o < G_N_ELEMENTS (offers); o++)
    {
      const OfferSpec *offer = &offers[o];

      gen->offer_first_plan[o] = n;
      for (guint p = 0; p < offer->n_plans; p++, n++)
        {
          Plan *plan = &gen->plans[n];
          g_autofree char *service_id = g_strdup_printf ("%s.%s", offer->service_prefix,
                                                         offer->plans[p].service_suffix);

          plan->offer = o;

          g_string_truncate (str, 0);
          g_string_append_c (str, gen->delimiter);
          append_field (str, offer->display_name, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          append_field (str, offer->product_id, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          append_field (str, offer->plans[p].name, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          append_field (str, service_id, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          plan->middle_len = str->len;
          plan->middle = g_strndup (str->str, str->len);

          g_string_truncate (str, 0);
          g_string_append_c (str, gen->delimiter);
          append_field (str, offer->offer_type, gen->delimiter);
          g_string_append_c (str, '\n');
          plan->tail_len = str->len;
          plan->tail = g_strndup (str->str, str->len);
        }
    }
}

/* Customers are made in adoption order: customer i adopts no earlier than customer
 * i - 1, so "customers active by month k" is the prefix [0, month_adopters[k]). */
static void
build_customers (Generator *gen)
{
  Rng *rng = &gen->rng;
  guint m = gen->months;
  g_autofree guint64 *adopt_weight = g_new (guint64, m);
  g_autofree guint64 *country_weight = g_new (guint64, gen->n_countries);
  guint64 offer_weight[G_N_ELEMENTS (offers)];
  g_autofree guint *adopted_in = g_new0 (guint, m);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) str = g_string_new (NULL);
  guint64 total = 0;
  guint i = 0;

  /* Growth: new customers per month rise about threefold over the period, with
   * month-to-month noise so the trend chart is not a ruler. */
  for (guint k = 0; k < m; k++)
    {
      total += (guint64) (m / 2 + 2 + k) * (85 + rng_below (rng, 31));
      adopt_weight[k] = total;
    }
  for (guint c = 0, t = 0; c < gen->n_countries; c++)
    country_weight[c] = t += countries[c].weight;
  for (guint o = 0, t = 0; o < G_N_ELEMENTS (offers); o++)
    offer_weight[o] = t += offers[o].weight;

  for (guint c = 0; c < gen->n_customers; c++)
    adopted_in[rng_pick_cumulative (rng, adopt_weight, m)]++;
  /* The data's "as of" date is --end, so the last month must hold a row. */
  if (adopted_in[m - 1] == 0)
    for (guint k = m - 1; k-- > 0;)
      if (adopted_in[k] > 0)
        {
          adopted_in[k]--;
          adopted_in[m - 1]++;
          break;
        }

  gen->customers = g_new0 (Customer, gen->n_customers);
  gen->month_adopters = g_new (guint64, m);
  for (guint k = 0; k < m; k++)
    {
      for (guint j = 0; j < adopted_in[k]; j++, i++)
        {
          Customer *cu = &gen->customers[i];
          char *key;

          cu->adoption = k;
          cu->country = rng_pick_cumulative (rng, country_weight, gen->n_countries);
          cu->primary = rng_pick_cumulative (rng, offer_weight, G_N_ELEMENTS (offers));
          cu->secondary = -1;
          if (rng_chance (rng, 300))
            {
              guint other = rng_pick_cumulative (rng, offer_weight, G_N_ELEMENTS (offers));

              if (other != cu->primary)
                cu->secondary = other;
            }
          cu->tier = rng_below (rng, 4);
          cu->size = rng_chance (rng, 700) ? 1 : rng_chance (rng, 800) ? 2 + rng_below (rng, 4)
                                                                      : 10 + rng_below (rng, 11);
          format_guid (rng, cu->tenant);

          if (rng_chance (rng, 10))
            {
              /* A customer who did not consent to share its name. Several of them in one
               * country are one customer by (name, code): that is what the report says. */
              cu->name = g_strdup ("");
            }
          else if (i > 0 && rng_chance (rng, 30))
            {
              /* A multinational: the same name again, in another country. */
              const Customer *earlier = &gen->customers[rng_below (rng, i)];

              cu->name = g_strdup (earlier->name[0] != '\0' ? earlier->name : "Contoso Ltd");
              if (gen->n_countries > 1 && cu->country == earlier->country)
                cu->country = (cu->country + 1 + rng_below (rng, gen->n_countries - 1)) % gen->n_countries;
            }
          else
            {
              cu->name = make_company_name (gen, cu->country);
            }

          /* Distinct (name, code) pairs make the customer count what --customers asked;
           * a name that is taken gets a branch number, as real duplicates often do. */
          if (cu->name[0] != '\0')
            {
              for (guint attempt = 2;; attempt++)
                {
                  key = g_strconcat (cu->name, "\t", countries[cu->country].code, NULL);
                  if (!g_hash_table_contains (taken, key))
                    break;
                  g_free (key);
                  if (attempt > 2)
                    *strrchr (cu->name, ' ') = '\0';
                  {
                    char *numbered = g_strdup_printf ("%s %u", cu->name, attempt);
                    g_free (cu->name);
                    cu->name = numbered;
                  }
                }
              g_hash_table_add (taken, key);
            }

          g_string_truncate (str, 0);
          append_field (str, countries[cu->country].name, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          append_field (str, countries[cu->country].code, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          append_field (str, cu->name, gen->delimiter);
          g_string_append_c (str, gen->delimiter);
          cu->prefix_len = str->len;
          cu->prefix = g_strndup (str->str, str->len);

          g_string_truncate (str, 0);
          g_string_append_c (str, gen->delimiter);
          g_string_append (str, cu->tenant);
          g_string_append_c (str, '\n');
          cu->legacy_tail_len = str->len;
          cu->legacy_tail = g_strndup (str->str, str->len);
        }
      gen->month_adopters[k] = i;
    }
}

static guint
pick_plan (Generator      *gen,
           const Customer *cu)
{
  Rng *rng = &gen->rng;
  guint offer = cu->primary;
  const OfferSpec *spec;
  guint64 cumulative[4];

  if (cu->secondary >= 0 && rng_chance (rng, 250))
    offer = cu->secondary;
  spec = &offers[offer];

  /* Customers stay with a plan level more often than not. */
  if (rng_chance (rng, 550))
    return gen->offer_first_plan[offer] + cu->tier * spec->n_plans / 4;

  for (guint p = 0, t = 0; p < spec->n_plans; p++)
    cumulative[p] = t += spec->plans[p].weight;
  return gen->offer_first_plan[offer] + rng_pick_cumulative (rng, cumulative, spec->n_plans);
}

/* Seats: a Pareto tail (P(x >= n) ~ 1.5 / n) times the customer's size, capped at a
 * few thousand: mostly 1–50, the odd enterprise deal in the thousands. */
static guint32
pick_provisioned (Generator      *gen,
                  const Customer *cu)
{
  Rng *rng = &gen->rng;
  guint64 u = (rng_next (rng) >> 11) + 1;   /* (0, 2^53] */
  guint64 seats = (G_GUINT64_CONSTANT (3) << 52) / u;   /* 1.5 * 2^53 / u */

  if (seats == 0)
    seats = 1;
  /* Spread the capped deals over the thousands rather than piling them on the cap. */
  if (seats > 5000 || (seats *= cu->size) > 5000)
    seats = 1000 + rng_below (rng, 4001);
  return (guint32) seats;
}

static void
fill_row (Generator *gen,
          Row       *row,
          guint32    customer,
          guint      month,
          guint      days)
{
  Rng *rng = &gen->rng;
  const Customer *cu = &gen->customers[customer];
  /* Older licences have had time to lapse: the share of Inactive, Suspended and
   * Expired falls from about 20 % for the oldest month to about 8 % for the newest. */
  guint age = gen->months - 1 - month;
  guint lapse = 80 + (gen->months > 1 ? 120 * age / (gen->months - 1) : 0);
  guint r = rng_below (rng, 1000);
  guint32 p;
  guint32 a;

  row->customer = customer;
  row->plan = pick_plan (gen, cu);
  row->day = 1 + rng_below (rng, days);

  if (r >= lapse)
    row->state = STATE_ACTIVE;
  else if (r < lapse * 55 / 100)
    row->state = STATE_INACTIVE;
  else if (r < lapse * 92 / 100)
    row->state = STATE_SUSPENDED;
  else
    row->state = STATE_EXPIRED;

  p = pick_provisioned (gen, cu);
  r = rng_below (rng, 1000);
  if (row->state != STATE_ACTIVE && r < 500)
    a = 0;
  else if (r < 30)
    a = 0;                                       /* bought, not yet handed out */
  else if (r < 31)
    a = p + 1 + rng_below (rng, 3);              /* over-assigned: reports do have these */
  else if (r < 150)
    a = p;                                       /* fully deployed */
  else
    a = (guint32) (((guint64) p * (60 + rng_below (rng, 41)) + 50) / 100);
  row->provisioned = p;
  row->assigned = a;
}

static void
write_date (Generator *gen,
            Out       *out,
            int        year,
            int        month,
            int        day)
{
  switch (gen->date_style)
    {
    case DATE_ISO:
    case DATE_ISOTIME:
      out_uint (out, year);
      out_char (out, '-');
      out_2digits (out, month);
      out_char (out, '-');
      out_2digits (out, day);
      if (gen->date_style == DATE_ISOTIME)
        out_append (out, "T00:00:00Z", 10);
      break;

    case DATE_US:
      {
        /* Partner Center's US export: "3/5/2026 12:00:00 AM", sometimes a real clock time. */
        guint t = rng_chance (&gen->clock_rng, 700) ? 0 : rng_below (&gen->clock_rng, 86400);
        int hour = t / 3600;

        out_uint (out, month);
        out_char (out, '/');
        out_uint (out, day);
        out_char (out, '/');
        out_uint (out, year);
        out_char (out, ' ');
        out_uint (out, hour % 12 == 0 ? 12 : hour % 12);
        out_char (out, ':');
        out_2digits (out, t / 60 % 60);
        out_char (out, ':');
        out_2digits (out, t % 60);
        out_append (out, hour < 12 ? " AM" : " PM", 3);
      }
      break;

    case DATE_EU:
      out_uint (out, day);
      out_char (out, '/');
      out_uint (out, month);
      out_char (out, '/');
      out_uint (out, year);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_header (Generator *gen,
              Out       *out)
{
  static const char *const names[] = {
    "CustomerCountry", "CustomerCountryCode", "CustomerName", "ActivationDate",
    "ProductDisplayName", "ProductId", "PlanName", "ServiceId", "LicenseState",
    "LicensesAssigned", "LicensesProvisioned",
  };

  out_reserve_row (out);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      out_append (out, names[i], strlen (names[i]));
      out_char (out, gen->delimiter);
    }
  /* Older exports identify the customer's tenant and have no OfferType (SPEC §2). */
  if (gen->legacy)
    out_append (out, "Tenant ID\n", 10);
  else
    out_append (out, "OfferType\n", 10);
}

/* Orders @n rows by day into @sorted. A counting sort rather than qsort(): it is
 * stable, so equal days keep generation order and the bytes do not depend on the C
 * library's sort. */
static void
sort_rows_by_day (const Row *rows,
                  guint64    n,
                  Row       *sorted)
{
  guint64 start[33] = { 0 };

  for (guint64 i = 0; i < n; i++)
    start[rows[i].day + 1]++;
  for (guint d = 1; d < G_N_ELEMENTS (start); d++)
    start[d] += start[d - 1];
  for (guint64 i = 0; i < n; i++)
    sorted[start[rows[i].day]++] = rows[i];
}

static void
write_rows (Generator *gen,
            Out       *out)
{
  Rng *rng = &gen->rng;
  guint m = gen->months;
  g_autofree guint64 *extra_weight = g_new (guint64, m);
  g_autofree guint64 *extra_in = g_new0 (guint64, m);
  guint64 extra = gen->rows - gen->n_customers;
  guint64 total = 0;
  Row *made = NULL;
  Row *rows = NULL;
  guint64 rows_cap = 0;

  /* Repeat purchases follow the installed base: a month gets rows in proportion
   * to the customers who have adopted by then, give or take 15 %. */
  for (guint k = 0; k < m; k++)
    {
      total += gen->month_adopters[k] * (85 + rng_below (rng, 31));
      extra_weight[k] = total;
    }
  for (guint64 e = 0; e < extra; e++)
    extra_in[rng_pick_cumulative (rng, extra_weight, m)]++;

  for (guint k = 0; k < m; k++)
    {
      int month_index = gen->first_month + (int) k;
      int year = month_index / 12;
      int month = month_index % 12 + 1;
      guint days = g_date_get_days_in_month (month, year);
      guint64 first = k > 0 ? gen->month_adopters[k - 1] : 0;
      guint64 n_new = gen->month_adopters[k] - first;
      guint64 n = n_new + extra_in[k];
      guint64 j = 0;

      if (k == m - 1)
        days = g_date_get_day (&gen->end);
      if (n == 0)
        continue;
      if (n > rows_cap)
        {
          rows_cap = MAX (n, rows_cap * 2);
          made = g_renew (Row, made, rows_cap);
          rows = g_renew (Row, rows, rows_cap);
        }

      /* Each customer's first licence falls in its adoption month; the rest go to
       * any customer who has adopted by then. */
      for (guint64 c = first; c < first + n_new; c++)
        fill_row (gen, &made[j++], c, k, days);
      for (guint64 e = 0; e < extra_in[k]; e++)
        fill_row (gen, &made[j++], rng_below (rng, gen->month_adopters[k]), k, days);

      /* Date order, as the download comes. */
      sort_rows_by_day (made, n, rows);
      /* "Roughly" in date order: the odd neighbour pair is swapped, so readers must not
       * rely on the file being sorted. */
      for (guint64 i = 0; i + 1 < n; i++)
        if (rng_chance (rng, 15))
          {
            Row tmp = rows[i];
            rows[i] = rows[i + 1];
            rows[i + 1] = tmp;
          }
      /* The latest activation is exactly --end (the report's "as of" date); the
       * first month reaches its last day so day-first slash dates are recognisable
       * even in a tiny file. */
      if (k == m - 1)
        rows[n - 1].day = days;
      else if (k == 0)
        rows[n - 1].day = days;

      /* Every month is made, so the PRNG goes the same way whatever the window; only
       * the window's months are written. */
      if (month_index < gen->window_from || month_index > gen->window_to)
        continue;

      for (guint64 i = 0; i < n; i++)
        {
          Row aged = rows[i];
          const Row *row = &aged;
          const Customer *cu = &gen->customers[row->customer];
          const Plan *plan = &gen->plans[row->plan];
          const char *state;

          if (gen->revision > 0 && aged.state == STATE_ACTIVE)
            {
              /* Its own coin, from the seed and where the row is: the same licence
               * lapses in every later revision too. */
              guint64 h = gen->seed ^ ((guint64) k << 40) ^ i;
              guint64 coin = splitmix64 (&h) % 1000;

              if (coin < 25 * (guint64) gen->revision)
                {
                  aged.state = coin % 2 ? STATE_SUSPENDED : STATE_EXPIRED;
                  aged.assigned = 0;
                }
            }
          state = states[row->state];

          out_reserve_row (out);
          out_append (out, cu->prefix, cu->prefix_len);
          write_date (gen, out, year, month, row->day);
          out_append (out, plan->middle, plan->middle_len);
          out_append (out, state, strlen (state));
          out_char (out, gen->delimiter);
          out_uint (out, row->assigned);
          out_char (out, gen->delimiter);
          out_uint (out, row->provisioned);
          if (gen->legacy)
            out_append (out, cu->legacy_tail, cu->legacy_tail_len);
          else
            out_append (out, plan->tail, plan->tail_len);
        }
    }

  g_free (made);
  g_free (rows);
}

static void
generator_clear (Generator *gen)
{
  for (guint i = 0; gen->customers != NULL && i < gen->n_customers; i++)
    {
      g_free (gen->customers[i].name);
      g_free (gen->customers[i].prefix);
      g_free (gen->customers[i].legacy_tail);
    }
  for (guint i = 0; gen->plans != NULL && i < gen->n_plans; i++)
    {
      g_free (gen->plans[i].middle);
      g_free (gen->plans[i].tail);
    }
  g_clear_pointer (&gen->customers, g_free);
  g_clear_pointer (&gen->plans, g_free);
  g_clear_pointer (&gen->month_adopters, g_free);
}

/* ------------------------------------------------------------------------------ */
/* Command line */

static gboolean
parse_uint64 (const char *option,
              const char *text,
              guint64     min,
              guint64     max,
              guint64    *out,
              GError    **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be a whole number from %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                   ", not '%s'", option, min, max, text);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *rows_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *customers_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *date_style = NULL;
  int months = 24;
  int n_countries = DEFAULT_COUNTRIES;
  gboolean legacy = FALSE;
  g_autofree char *window = NULL;
  int revision = 0;
  const GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_STRING, &rows_text, "Data rows to write (default 20000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text, "PRNG seed (default 2026)", "S" },
    { "months", 'm', 0, G_OPTION_ARG_INT, &months, "Months of activations (default 24)", "M" },
    { "end", 'e', 0, G_OPTION_ARG_STRING, &end_text, "Latest activation date (default 2026-11-27)", "YYYY-MM-DD" },
    { "customers", 'c', 0, G_OPTION_ARG_STRING, &customers_text, "Distinct customers (default rows / 10)", "N" },
    { "countries", 0, 0, G_OPTION_ARG_INT, &n_countries, "Countries (default 30)", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to PATH instead of standard output", "PATH" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "csv, tsv or semicolon (default csv)", "FORMAT" },
    { "date-style", 0, 0, G_OPTION_ARG_STRING, &date_style, "iso, us, eu or isotime (default iso)", "STYLE" },
    { "legacy", 0, 0, G_OPTION_ARG_NONE, &legacy, "Old export: Tenant ID instead of OfferType", NULL },
    { "window", 'w', 0, G_OPTION_ARG_STRING, &window, "Write only these months of the history, as one download does", "YYYY-MM:YYYY-MM" },
    { "revision", 'r', 0, G_OPTION_ARG_INT, &revision, "Age the download: more lapsed licences (default 0)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Generator gen = { 0 };
  Out out = { 0 };
  guint64 value;
  int status = 0;

  context = g_option_context_new ("- write a sample Partner Center License report");
  g_option_context_set_summary (context,
                                "The same options give the same bytes on every machine.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto usage;
  if (argc > 1)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   "Unexpected argument '%s'", argv[1]);
      goto usage;
    }

  gen.rows = 20000;
  if (rows_text != NULL && !parse_uint64 ("--rows", rows_text, 0, G_MAXUINT32, &gen.rows, &error))
    goto usage;
  gen.seed = 2026;
  if (seed_text != NULL && !parse_uint64 ("--seed", seed_text, 0, G_MAXUINT64, &gen.seed, &error))
    goto usage;
  if (months < 1 || months > 600)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--months must be from 1 to 600, not %d", months);
      goto usage;
    }
  gen.months = months;
  if (n_countries < 1 || n_countries > (int) G_N_ELEMENTS (countries))
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--countries must be from 1 to %u, not %d",
                   (guint) G_N_ELEMENTS (countries), n_countries);
      goto usage;
    }
  gen.n_countries = n_countries;

  g_date_clear (&gen.end, 1);
  g_date_set_dmy (&gen.end, 27, G_DATE_NOVEMBER, 2026);
  if (end_text != NULL)
    {
      guint64 y, mo, d;
      g_auto(GStrv) parts = g_strsplit (end_text, "-", -1);

      if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4
          || !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL)
          || !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &mo, NULL)
          || !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL)
          || !g_date_valid_dmy (d, mo, y))
        {
          g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--end must be a date as YYYY-MM-DD, not '%s'", end_text);
          goto usage;
        }
      g_date_set_dmy (&gen.end, d, mo, y);
    }
  gen.first_month = g_date_get_year (&gen.end) * 12 + g_date_get_month (&gen.end) - 1
                    - (gen.months - 1);
  if (gen.first_month < 12)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--months reaches before the year 1");
      goto usage;
    }

  gen.window_from = gen.first_month;
  gen.window_to = gen.first_month + (int) gen.months - 1;
  if (window != NULL)
    {
      guint64 y1, m1, y2, m2;
      g_auto(GStrv) ends = g_strsplit (window, ":", -1);
      g_auto(GStrv) from = g_strv_length (ends) == 2 ? g_strsplit (ends[0], "-", -1) : NULL;
      g_auto(GStrv) to = g_strv_length (ends) == 2 ? g_strsplit (ends[1], "-", -1) : NULL;

      if (from == NULL || to == NULL || g_strv_length (from) != 2 || g_strv_length (to) != 2
          || !g_ascii_string_to_unsigned (from[0], 10, 1, 9999, &y1, NULL)
          || !g_ascii_string_to_unsigned (from[1], 10, 1, 12, &m1, NULL)
          || !g_ascii_string_to_unsigned (to[0], 10, 1, 9999, &y2, NULL)
          || !g_ascii_string_to_unsigned (to[1], 10, 1, 12, &m2, NULL)
          || y1 * 12 + m1 > y2 * 12 + m2)
        {
          g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--window must be YYYY-MM:YYYY-MM, the first not after the second, not '%s'",
                       window);
          goto usage;
        }
      gen.window_from = (int) (y1 * 12 + m1 - 1);
      gen.window_to = (int) (y2 * 12 + m2 - 1);
    }
  if (revision < 0 || revision > 40)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--revision must be from 0 to 40, not %d", revision);
      goto usage;
    }
  gen.revision = revision;

  value = MAX (gen.rows / 10, 1);
  if (customers_text != NULL && !parse_uint64 ("--customers", customers_text, 1, G_MAXUINT32, &value, &error))
    goto usage;
  /* Every customer has at least one row, so there cannot be more customers than rows. */
  gen.n_customers = MIN (value, gen.rows);

  gen.delimiter = ',';
  if (format == NULL || g_str_equal (format, "csv"))
    gen.delimiter = ',';
  else if (g_str_equal (format, "tsv"))
    gen.delimiter = '\t';
  else if (g_str_equal (format, "semicolon"))
    gen.delimiter = ';';
  else
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--format must be csv, tsv or semicolon, not '%s'", format);
      goto usage;
    }

  if (date_style == NULL || g_str_equal (date_style, "iso"))
    gen.date_style = DATE_ISO;
  else if (g_str_equal (date_style, "us"))
    gen.date_style = DATE_US;
  else if (g_str_equal (date_style, "eu"))
    gen.date_style = DATE_EU;
  else if (g_str_equal (date_style, "isotime"))
    gen.date_style = DATE_ISOTIME;
  else
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--date-style must be iso, us, eu or isotime, not '%s'", date_style);
      goto usage;
    }
  gen.legacy = legacy;

  if (output == NULL || g_str_equal (output, "-"))
    out.file = stdout;
  else if ((out.file = g_fopen (output, "wb")) == NULL)
    {
      int saved_errno = errno;

      g_printerr ("ld-generate-report: cannot write '%s': %s\n", output, g_strerror (saved_errno));
      return 1;
    }
  out.cap = 4 << 20;
  out.buf = g_malloc (out.cap);

  rng_init (&gen.rng, gen.seed, 0);
  rng_init (&gen.clock_rng, gen.seed, 1);
  build_plans (&gen);
  write_header (&gen, &out);
  if (gen.rows > 0)
    {
      build_customers (&gen);
      write_rows (&gen, &out);
    }
  out_flush (&out);

  if (out.failed || fflush (out.file) != 0 || (out.file != stdout && fclose (out.file) != 0))
    {
      int saved_errno = errno;

      g_printerr ("ld-generate-report: cannot write '%s': %s\n",
                  output != NULL ? output : "standard output", g_strerror (saved_errno));
      status = 1;
    }

  g_free (out.buf);
  generator_clear (&gen);
  return status;

usage:
  g_printerr ("ld-generate-report: %s\n", error->message);
  return 2;
}
