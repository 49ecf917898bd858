// Reading the pixels of a screenshot (8-bit RGB or RGBA PNG, not interlaced: what
// WebDriver's screenshots are), to check what a person would see where the DOM
// cannot tell, e.g. text drawn in the colour of the field under it.
import { inflateSync } from 'node:zlib';

/** Decode a PNG into { width, height, channels, pixels } (pixels: rows of channel bytes). */
export function decodePng(buf) {
  let pos = 8;
  let width, height, depth, type, interlace;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const kind = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') [width, height, depth, type, interlace] = [data.readUInt32BE(0), data.readUInt32BE(4), data[8], data[9], data[12]];
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4 }[type];
  if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (depth ${depth}, colour type ${type}, interlace ${interlace})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels: out };
}

/** In the box [x0, x1) × [y0, y1) of a decoded image (fractions of its size): the luminance (0-255)
 * most pixels have (the background) and the largest difference from it of any pixel (the ink). */
export function inkContrast(img, [x0, x1], [y0, y1]) {
  const counts = new Map();
  const lums = [];
  for (let y = Math.floor(y0 * img.height); y < Math.ceil(y1 * img.height); y++) {
    for (let x = Math.floor(x0 * img.width); x < Math.ceil(x1 * img.width); x++) {
      const i = (y * img.width + x) * img.channels;
      const l = Math.round(0.2126 * img.pixels[i] + 0.7152 * img.pixels[i + 1] + 0.0722 * img.pixels[i + 2]);
      lums.push(l);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
  }
  const background = [...counts].sort((p, q) => q[1] - p[1])[0][0];
  return { background, contrast: Math.max(...lums.map((l) => Math.abs(l - background))) };
}

/** The part of a decoded image inside a box of pixels. */
export function crop(img, { x, y, width, height }) {
  [x, y, width, height] = [x, y, width, height].map(Math.round);
  const out = Buffer.alloc(width * height * img.channels);
  for (let r = 0; r < height; r++) {
    img.pixels.copy(out, r * width * img.channels, ((r + y) * img.width + x) * img.channels, ((r + y) * img.width + x + width) * img.channels);
  }
  return { width, height, channels: img.channels, pixels: out };
}
