#!/usr/bin/env node
// Renders resources/icons/icon.svg into the PNGs the app and its installers use, with the system Chromium
// (Debian's /usr/bin/chromium, or KSE_CHROMIUM): resources/icons/<size>.png for the window and Linux packages,
// build/icon.png (512 px) from which electron-builder derives the macOS .icns and Windows .ico.
// Run after editing the SVG: node scripts/render-icons.mjs. The outputs are committed.
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { chromium } = createRequire(join(root, 'package.json'))('@playwright/test');
const svg = readFileSync(join(root, 'resources/icons/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.KSE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: join(root, 'resources/icons', `${size}x${size}.png`), omitBackground: true });
    await page.close();
  }
  copyFileSync(join(root, 'resources/icons/512x512.png'), join(root, 'build/icon.png'));
  copyFileSync(join(root, 'resources/icons/icon.svg'), join(root, 'src/renderer/public/icon.svg'));
  console.log('icons written to resources/icons/ and build/icon.png');
} finally {
  await browser.close();
}
