/**
 * Draws the Teams app icons (manifest/color.png 192×192, manifest/outline.png 32×32) so they
 * can be regenerated instead of edited by hand: a cloud with a gateway arch, in white.
 * Run: npx ts-node --transpile-only scripts/drawIcons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];

/** Is (x, y), in a unit square, inside the cloud-with-gateway glyph? */
function inGlyph(x: number, y: number): boolean {
  const inCircle = (cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const cloud =
    inCircle(0.36, 0.5, 0.16) || inCircle(0.55, 0.42, 0.2) || inCircle(0.72, 0.55, 0.13) || (y >= 0.5 && y <= 0.68 && x >= 0.3 && x <= 0.75);
  // The gateway: an arch cut out of the cloud's lower middle.
  const archHole = (y >= 0.56 && y <= 0.68 && x >= 0.47 && x <= 0.59) || inCircle(0.53, 0.56, 0.06);
  return cloud && !archHole;
}

function draw(size: number, background: Rgba | undefined, foreground: Rgba, padding: number): PNG {
  const png = new PNG({ width: size, height: size });
  const samples = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const u = (x - padding) / (1 - 2 * padding);
          const v = (y - padding) / (1 - 2 * padding) + 0.05;
          if (inGlyph(u, v)) hits++;
        }
      }
      const coverage = hits / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(foreground[c] * coverage + background[c] * (1 - coverage));
        png.data[i + 3] = 255;
      } else {
        png.data.set([foreground[0], foreground[1], foreground[2], Math.round(255 * coverage)], i);
      }
    }
  }
  return png;
}

const folder = join(__dirname, '..', 'manifest');
writeFileSync(join(folder, 'color.png'), PNG.sync.write(draw(192, [15, 108, 189, 255], [255, 255, 255, 255], 0.12)));
writeFileSync(join(folder, 'outline.png'), PNG.sync.write(draw(32, undefined, [255, 255, 255, 255], 0.02)));
console.log('wrote manifest/color.png and manifest/outline.png');
