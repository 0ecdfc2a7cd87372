import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';

describe('dhr command line', () => {
  it('lists its commands in --help and exits 0', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: dhr/);
    expect(r.stdout).toMatch(/version/);
  });

  it('refuses an unknown command with exit 2 and one line', async () => {
    const r = await runCli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('prints its version', async () => {
    const r = await runCli('version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
