import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../../shared/protocol/index.js';
import { handlers, PENDING_TYPES } from '../../../../native-host/handlers/index.js';

/** Types another engineer owns and may not have wired yet; nothing else may be pending. */
const ALLOWED_PENDING = ['resolve', 'resolve.override'];

describe('handler map', () => {
  it('has a handler for every Request type', () => {
    for (const type of REQUEST_TYPES) expect(typeof handlers[type], type).toBe('function');
  });

  it('has no handler for a type the protocol does not define', () => {
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it('leaves only the resolver types pending', () => {
    for (const t of PENDING_TYPES) expect(ALLOWED_PENDING).toContain(t);
  });

  it('has one file per wired request type', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../native-host/handlers');
    const files = new Set(readdirSync(dir).map((f) => f.replace(/\.ts$/, '')));
    for (const type of REQUEST_TYPES) {
      if (PENDING_TYPES.has(type)) continue;
      expect(files.has(type.replace('.', '-')) || files.has(type.split('.')[0] as string), `handlers/${type.replace('.', '-')}.ts`).toBe(true);
    }
  });
});
