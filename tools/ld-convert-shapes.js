#!/usr/bin/env node
// ld-convert-shapes.js — turns Natural Earth admin-0 countries (TopoJSON, as the
// npm package world-atlas ships them) into data/world/countries.bin, the compact
// file the map loads from the GResource.
//
// Run by hand at development time, never by the build (see data/world/README.md):
//
//   (cd /tmp && npm install world-atlas)
//   node tools/ld-convert-shapes.js \
//     --input /tmp/node_modules/world-atlas/countries-50m.json \
//     --iso /usr/share/iso-codes/json/iso_3166-1.json \
//     --output data/world/countries.bin
//
// Options: --tolerance DEG (Douglas–Peucker per arc, default 0.02°, 0 keeps every
// point). Prints the codes it mapped by hand and the ISO codes left without a shape.
//
// File layout, all little-endian (read by src/charts/ld-map-chart.c):
//
//   header   "LDWORLD1" · u32 n_countries · u32 n_rings · u32 n_points · u32 names_size
//   country  char alpha2[2] · u16 numeric · u32 name_offset · u32 first_ring ·
//            u32 n_rings · i16 bbox[4] (min lon, min lat, max lon, max lat) ·
//            i16 main_bbox[4] (of its largest polygon) · i16 label[2] (lon, lat)
//   ring     u32 first_point · u32 n_points (open: the last point is not repeated)
//   point    i16 lon · i16 lat, lon = q · 360 / 32767, lat = q · 90 / 32767; rings that
//            cross the antimeridian (Russia, Fiji, the Aleutians) run past ±180°
//   names    NUL-terminated English names (iso-codes' common name or name: the
//            msgids of the iso_3166-1 gettext domain)
//
// Countries come sorted by alpha-2 so the reader can binary-search them.
//
// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';

const fs = require('fs');

function parseArgs(argv) {
  const args = { tolerance: 0.02 };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!['input', 'iso', 'output', 'tolerance'].includes(key) || i + 1 >= argv.length) {
      console.error(`usage: ${argv[1]} --input countries-50m.json --iso iso_3166-1.json --output countries.bin [--tolerance DEG]`);
      process.exit(2);
    }
    args[key] = argv[++i];
  }
  if (!args.input || !args.iso || !args.output) {
    console.error('--input, --iso and --output are required');
    process.exit(2);
  }
  args.tolerance = Number(args.tolerance);
  return args;
}

// Features Natural Earth leaves without an ISO numeric id. The report speaks
// ISO 3166-1 alpha-2, so each gets the code a customer there would carry:
// Kosovo uses the user-assigned XK that Microsoft and the EU use; the de facto
// states go with the country ISO counts them in; Siachen stays plain land.
const NO_ID_FEATURES = {
  'Kosovo': { code: 'XK', name: 'Kosovo', numeric: 0 },
  'N. Cyprus': { code: 'CY' },
  'Somaliland': { code: 'SO' },
  'Siachen Glacier': { code: '' },
  'Indian Ocean Ter.': { code: '' }, // split below into CX and CC
};

// Natural Earth draws some ISO territories inside another country's feature
// (France's overseas departments, Svalbard in Norway, the Caribbean Netherlands,
// Australia's Indian Ocean islands). A customer in Réunion has the code RE, so
// those polygons become their own shapes, picked by where they lie.
const SPLITS = [
  { from: '250', code: 'GF', box: [-55, 1, -51, 6.5] },
  { from: '250', code: 'GP', box: [-62, 15.8, -60.9, 16.6] },
  { from: '250', code: 'MQ', box: [-61.3, 14.3, -60.7, 15] },
  { from: '250', code: 'RE', box: [55, -21.5, 56, -20.7] },
  { from: '250', code: 'YT', box: [44.9, -13.1, 45.4, -12.5] },
  { from: '578', code: 'SJ', box: [10, 74, 35, 81] },
  { from: '528', code: 'BQ', box: [-69, 11.9, -62.8, 17.8] },
  { from: 'Indian Ocean Ter.', code: 'CX', box: [105, -11, 106, -10] },
  { from: 'Indian Ocean Ter.', code: 'CC', box: [96.5, -12.5, 97.2, -11.5] },
];

// Longitudes run to ±360 so a ring across the antimeridian can stay in one piece.
const Q_LON = 32767 / 360;
const Q_LAT = 32767 / 90;

function quantize(lon, lat) {
  return [Math.round(Math.max(-360, Math.min(360, lon)) * Q_LON),
          Math.round(Math.max(-90, Math.min(90, lat)) * Q_LAT)];
}

// TopoJSON arcs are delta-encoded positions on a grid; undo both.
function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function perpendicularDistance(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0)
    return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

// Simplifying arcs rather than rings keeps a border shared by two countries
// identical on both sides, so no slivers open between them. An arc that closes
// on itself (an island) keeps enough points to stay a polygon.
function simplifyArc(points, tolerance) {
  if (tolerance <= 0 || points.length <= 4)
    return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  const closed = points[0][0] === points[points.length - 1][0] &&
                 points[0][1] === points[points.length - 1][1];
  if (closed) {
    // Split a loop at its farthest point from the start so DP has a chord.
    let far = 1, best = -1;
    for (let i = 1; i < points.length - 1; i++) {
      const d = Math.hypot(points[i][0] - points[0][0], points[i][1] - points[0][1]);
      if (d > best) { best = d; far = i; }
    }
    keep[far] = 1;
    stack.pop();
    stack.push([0, far], [far, points.length - 1]);
  }
  while (stack.length) {
    const [lo, hi] = stack.pop();
    let index = -1, dmax = tolerance;
    for (let i = lo + 1; i < hi; i++) {
      const d = perpendicularDistance(points[i], points[lo], points[hi]);
      if (d > dmax) { dmax = d; index = i; }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([lo, index], [index, hi]);
    }
  }
  const out = points.filter((_, i) => keep[i]);
  if (closed && out.length < 4)
    return points;
  return out;
}

function ringPoints(arcIndices, arcs) {
  let ring = [];
  for (const index of arcIndices) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    // Consecutive arcs share their meeting point.
    for (let i = ring.length ? 1 : 0; i < arc.length; i++)
      ring.push(arc[i]);
  }
  // Natural Earth joins 180° to -180° within a ring (Chukotka, Fiji): unwrap
  // so the ring stays in one piece, east of 180° if most of it lies east.
  // Antarctica circles the pole and does not close when unwrapped: leave it.
  const unwrapped = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    if (i > 0) {
      const d = ring[i][0] + shift - unwrapped[i - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    unwrapped.push([ring[i][0] + shift, ring[i][1]]);
  }
  if (shift === 0 || Math.abs(unwrapped[0][0] - unwrapped[unwrapped.length - 1][0]) < 1e-9) {
    const mean = unwrapped.reduce((sum, p) => sum + p[0], 0) / unwrapped.length;
    const offset = mean > 180 ? -360 : mean < -180 ? 360 : 0;
    ring = unwrapped.map(([lon, lat]) => [lon + offset, lat]);
  }

  // Quantize, then drop repeats the coarser grid creates and the closing point.
  const out = [];
  for (const [lon, lat] of ring) {
    const q = quantize(lon, lat);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1])
      out.push(q);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1])
    out.pop();
  return out;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] / Q_LON) * (ring[i][1] / Q_LAT) - (ring[i][0] / Q_LON) * (ring[j][1] / Q_LAT);
  return a / 2;
}

function ringCentroid(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const x0 = ring[j][0] / Q_LON, y0 = ring[j][1] / Q_LAT;
    const x1 = ring[i][0] / Q_LON, y1 = ring[i][1] / Q_LAT;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-12)
    return [ring[0][0] / Q_LON, ring[0][1] / Q_LAT];
  return [cx / (3 * a), cy / (3 * a)];
}

function bboxOf(rings) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [x, y] of ring) {
      b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
    }
  return b;
}

function inBox(ring, box) {
  const [lon, lat] = ringCentroid(ring);
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

function main() {
  const args = parseArgs(process.argv);
  const topo = JSON.parse(fs.readFileSync(args.input, 'utf8'));
  const iso = JSON.parse(fs.readFileSync(args.iso, 'utf8'))['3166-1'];
  const byNumeric = new Map(iso.map((c) => [c.numeric, c]));
  const byAlpha2 = new Map(iso.map((c) => [c.alpha_2, c]));
  const arcs = decodeArcs(topo).map((a) => simplifyArc(a, args.tolerance));

  // alpha2 → { numeric, name, polygons: [[ring, …], …] }
  const countries = new Map();
  const notes = [];

  function countryFor(code, numeric, name) {
    if (!countries.has(code))
      countries.set(code, { code, numeric, name, polygons: [] });
    return countries.get(code);
  }

  for (const geometry of topo.objects.countries.geometries) {
    const label = geometry.properties && geometry.properties.name;
    let polygons;
    if (geometry.type === 'Polygon')
      polygons = [geometry.arcs];
    else if (geometry.type === 'MultiPolygon')
      polygons = geometry.arcs;
    else
      continue;
    polygons = polygons.map((p) => p.map((r) => ringPoints(r, arcs)).filter((r) => r.length >= 3))
                       .filter((p) => p.length > 0);

    const source = geometry.id !== undefined ? String(geometry.id) : label;
    let code, numeric, name;
    if (geometry.id === undefined) {
      const special = NO_ID_FEATURES[label];
      if (!special) {
        notes.push(`dropped: "${label}" has no ISO numeric id`);
        continue;
      }
      code = special.code;
      if (special.name) {
        name = special.name;
        numeric = special.numeric;
      }
    } else {
      const entry = byNumeric.get(source);
      if (!entry) {
        notes.push(`dropped: "${label}" (${source}) is not in iso-codes`);
        continue;
      }
      code = entry.alpha_2;
    }

    // Pull out the polygons that are ISO territories of their own.
    for (const split of SPLITS.filter((s) => s.from === source)) {
      const moved = polygons.filter((p) => inBox(p[0], split.box));
      polygons = polygons.filter((p) => !moved.includes(p));
      if (moved.length === 0) {
        notes.push(`split ${split.code} from "${label}": no polygon found`);
        continue;
      }
      const entry = byAlpha2.get(split.code);
      countryFor(split.code, Number(entry.numeric), entry.common_name || entry.name)
        .polygons.push(...moved);
      notes.push(`split: ${split.code} (${moved.length} polygon${moved.length > 1 ? 's' : ''}) out of "${label}"`);
    }

    if (code === '') {
      if (polygons.length)
        notes.push(`no country: "${label}" stays plain land`);
      code = '';
      numeric = 0;
      name = label;
    } else if (name === undefined) {
      const entry = byAlpha2.get(code);
      numeric = Number(entry.numeric);
      name = entry.common_name || entry.name;
    }
    if (polygons.length === 0)
      continue;
    const c = countryFor(code, numeric, name);
    if (c.sources && code !== '')
      notes.push(`merged: "${label}" into ${code}`);
    c.sources = (c.sources || []).concat(label);
    c.polygons.push(...polygons);
  }

  const list = [...countries.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Serialise.
  let nRings = 0, nPoints = 0;
  const names = [];
  let namesSize = 0;
  for (const c of list) {
    c.nameOffset = namesSize;
    const bytes = Buffer.from(c.name + '\0', 'utf8');
    names.push(bytes);
    namesSize += bytes.length;
    for (const p of c.polygons)
      for (const r of p) {
        nRings++;
        nPoints += r.length;
      }
  }

  const HEADER = 8 + 4 * 4, COUNTRY = 2 + 2 + 4 + 4 + 4 + 8 + 8 + 4, RING = 8;
  const size = HEADER + list.length * COUNTRY + nRings * RING + nPoints * 4 + namesSize;
  const buf = Buffer.alloc(size);
  let o = 0;
  buf.write('LDWORLD1', o, 'latin1'); o += 8;
  o = buf.writeUInt32LE(list.length, o);
  o = buf.writeUInt32LE(nRings, o);
  o = buf.writeUInt32LE(nPoints, o);
  o = buf.writeUInt32LE(namesSize, o);

  let ringIndex = 0;
  let pointIndex = 0;
  const ringsAt = HEADER + list.length * COUNTRY;
  const pointsAt = ringsAt + nRings * RING;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const rings = c.polygons.flat();
    const main = c.polygons.reduce((best, p) => (Math.abs(ringArea(p[0])) > Math.abs(ringArea(best[0])) ? p : best));
    const [clon, clat] = ringCentroid(main[0]);
    const q = quantize(clon, clat);
    let co = HEADER + i * COUNTRY;
    buf.write(c.code.padEnd(2, '\0'), co, 'latin1'); co += 2;
    co = buf.writeUInt16LE(c.numeric, co);
    co = buf.writeUInt32LE(c.nameOffset, co);
    co = buf.writeUInt32LE(ringIndex, co);
    co = buf.writeUInt32LE(rings.length, co);
    for (const v of bboxOf(rings)) co = buf.writeInt16LE(v, co);
    for (const v of bboxOf([main[0]])) co = buf.writeInt16LE(v, co);
    co = buf.writeInt16LE(q[0], co);
    co = buf.writeInt16LE(q[1], co);

    for (const r of rings) {
      let ro = ringsAt + ringIndex * RING;
      ro = buf.writeUInt32LE(pointIndex, ro);
      buf.writeUInt32LE(r.length, ro);
      for (const [x, y] of r) {
        const po = pointsAt + pointIndex * 4;
        buf.writeInt16LE(x, po);
        buf.writeInt16LE(y, po + 2);
        pointIndex++;
      }
      ringIndex++;
    }
  }
  Buffer.concat(names).copy(buf, pointsAt + nPoints * 4);
  fs.writeFileSync(args.output, buf);

  const have = new Set(list.map((c) => c.code));
  for (const n of notes)
    console.log(n);
  console.log(`${list.length} shapes, ${nRings} rings, ${nPoints} points, ${size} bytes → ${args.output}`);
  console.log('ISO codes without a shape: ' + iso.filter((c) => !have.has(c.alpha_2)).map((c) => c.alpha_2).join(' '));
}

main();
