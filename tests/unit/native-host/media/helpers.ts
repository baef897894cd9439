/** Loads recorded-shape yt-dlp -J fixtures for the media unit tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInfoJson, rawFormats, type InfoDict, type RawFormat } from '../../../../native-host/media/ytdlp-info.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/ytdlp');

export function loadInfo(name: string): { info: InfoDict; formats: RawFormat[] } {
  const info = parseInfoJson(readFileSync(path.join(FIXTURES, name), 'utf8'));
  return { info, formats: rawFormats(info) };
}

/** A format as yt-dlp would list it; only what a test cares about needs saying. */
export function fmt(p: Partial<RawFormat> & { format_id: string }): RawFormat {
  return { url: `https://cdn.example/${p.format_id}`, protocol: 'https', ext: 'mp4', ...p } as RawFormat;
}
