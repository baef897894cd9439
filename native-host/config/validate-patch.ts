/**
 * What zod's shapes cannot say about a config patch: a usable download folder, a Turso URL the registry may
 * open, presets of the right kind, no control characters in keys. Errors name the field, never the value.
 */
import { NexError } from '../../shared/errors.js';
import type { ConfigPatch } from '../../shared/protocol/index.js';
import { presetSpec } from '../../shared/presets.js';
import { downloadDirProblem } from './download-dir.js';
import { expandHome, type PlatformInfo } from './paths.js';

const CONTROL = /[\u0000-\u001f\u007f]/;
/** libSQL's remote protocols; `file:` would make config.set create a database wherever it points. */
const TURSO_PROTOCOLS = new Set(['http:', 'https:', 'libsql:']);
const SECRET_FIELDS = ['groqApiKey', 'geminiApiKey', 'tursoAuthToken', 'odesliApiKey'] as const;

function invalid(field: string, problem: string): NexError {
  return new NexError('config.invalid', `${field} ${problem}`, { field });
}

export function validatePatch(patch: ConfigPatch, p: PlatformInfo): void {
  if (patch.downloadDir !== undefined) {
    const problem = downloadDirProblem(expandHome(patch.downloadDir, p), { platform: p.platform });
    if (problem) throw invalid('downloadDir', problem);
  }
  if (patch.tursoUrl != null) {
    let ok = !CONTROL.test(patch.tursoUrl);
    try {
      ok &&= TURSO_PROTOCOLS.has(new URL(patch.tursoUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw invalid('tursoUrl', 'must be an http(s):// or libsql:// address');
  }
  if (patch.defaultVideoPreset && presetSpec(patch.defaultVideoPreset).kind !== 'video') throw invalid('defaultVideoPreset', 'must be a video preset (best, mp4-…)');
  if (patch.defaultAudioPreset && presetSpec(patch.defaultAudioPreset).kind !== 'audio') throw invalid('defaultAudioPreset', 'must be an audio preset (mp3-320, mp3-192, m4a, opus, flac)');
  for (const f of SECRET_FIELDS) {
    const v = patch[f];
    if (v != null && CONTROL.test(v)) throw invalid(f, 'must not contain control characters (a pasted line break?)');
  }
}
