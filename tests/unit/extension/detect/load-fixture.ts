import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/html');

/** Loads tests/fixtures/html/<name> into the jsdom document and returns it. */
export function loadFixture(name: string): Document {
  const html = readFileSync(path.join(dir, name), 'utf8');
  document.open();
  document.write(html);
  document.close();
  return document;
}
