// npm run screenshots: the e2e suite's screenshots (test-results/*.png) as the README's images,
// re-encoded as JPEG so the VSIX that ships them (media/screenshots/) stays small.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(__dirname, '..');
const NAMES = [
  'answer-beside-code-dark',
  'answer-beside-code-light',
  'answer-beside-code-high-contrast',
  'answer-panel-history',
  'search-with-typo',
  'search-ranked-order',
  'hostile-folder-problems',
  'drill-revealed',
  'progress-dashboard',
  'drill-summary',
  'exercise-failing-test',
  'tree-at-a-glance',
];

async function main(): Promise<void> {
  const out = join(root, 'media', 'screenshots');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  for (const name of NAMES) {
    const png = join(root, 'test-results', `${name}.png`);
    if (!existsSync(png)) {
      console.warn(`missing ${png}: run npm run test:e2e first`);
      continue;
    }
    const dataUrl = `data:image/png;base64,${readFileSync(png).toString('base64')}`;
    const jpeg = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      // 70% of the size: still legible in the Extensions view, at a third of the bytes.
      canvas.width = Math.round(img.naturalWidth * 0.7);
      canvas.height = Math.round(img.naturalHeight * 0.7);
      const ctx = canvas.getContext('2d')!;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/jpeg', 0.5);
    }, dataUrl);
    const file = join(out, `${name}.jpg`);
    writeFileSync(file, Buffer.from(jpeg.split(',')[1], 'base64'));
    console.log(`${file}`);
  }
  await browser.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
