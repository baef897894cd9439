import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../native-host/cli/index.js';
import { parseResolveArgs } from '../../../../native-host/cli/resolve.js';

describe('nexstream resolve arguments (node:util parseArgs, strict)', () => {
  it('joins the positionals into the text and reads the flags', () => {
    expect(parseResolveArgs(['Daft', 'Punk', '-', 'One More Time', '--json', '--no-cache'])).toEqual({ input: 'Daft Punk - One More Time', json: true, noCache: true, meta: undefined });
    expect(parseResolveArgs(['--meta', '{"title":"One More Time","artists":["Daft Punk"]}', 'x'])).toMatchObject({ input: 'x', meta: { title: 'One More Time', artists: ['Daft Punk'] } });
    expect(parseResolveArgs(['--', '-Ziq - Hello'])).toMatchObject({ input: '-Ziq - Hello' });
  });

  it('an unknown flag is an error naming it, not text to search for', () => {
    const r = parseResolveArgs(['Daft Punk - One More Time', '--verbose']);
    expect(typeof r).toBe('string');
    expect(r).toContain("Unknown option '--verbose'");
  });

  it('bad --meta and no input are errors too', () => {
    expect(parseResolveArgs(['--meta', 'not json', 'x'])).toBe('--meta takes a JSON object');
    expect(parseResolveArgs(['--meta'])).toMatch(/argument missing|requires/i);
    expect(parseResolveArgs(['--json'])).toBe('nothing to resolve');
  });

  it('the command answers a usage error (exit 2) with the usage text, before building anything', async () => {
    const err = new PassThrough();
    let e = '';
    err.on('data', (d) => (e += d));
    const code = await main(['resolve', 'x', '--verbose'], { stdout: new PassThrough(), stderr: err, env: {} });
    expect(code).toBe(2);
    expect(e).toContain("Unknown option '--verbose'");
    expect(e).toContain('nexstream resolve [--json]');
  });
});
