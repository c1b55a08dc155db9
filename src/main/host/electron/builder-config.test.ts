import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  files?: unknown;
  electronFuses?: Record<string, boolean>;
  icon?: string;
  linux?: { target?: string[]; icon?: string };
  mac?: { target?: string[] };
  win?: { target?: string[] };
}

// Packaging cannot run here (no Electron download), so the configuration is checked the way electron-builder
// itself checks it before building: loaded from electron-builder.yml and validated against its schema.
describe('electron-builder.yml', () => {
  it('is valid for electron-builder and sets the security fuses and targets', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string, options: null): Promise<BuilderConfig>;
      validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(ROOT, resolve(ROOT, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.productName).toBe('Kube Storage Explorer');
    expect(config.appId).toBeTruthy();
    expect(config.asar).toBe(true);
    // getConfig normalises `files` into filter sets.
    expect(JSON.stringify(config.files)).toContain('"out/**","resources/**"');
    expect(JSON.stringify(config.files)).toContain('"!out/cli/**"');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    // The icons exist where the config points: 512 px for the .icns and .ico, one PNG per size for Linux.
    expect(config.icon).toBe('build/icon.png');
    expect(existsSync(resolve(ROOT, config.icon ?? ''))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(resolve(ROOT, config.linux?.icon ?? '', `${size}x${size}.png`))).toBe(true);
  }, 30_000);
});
