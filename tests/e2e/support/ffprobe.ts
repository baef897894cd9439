import { execFileSync } from 'node:child_process';

export interface Probed {
  format: { format_name: string; duration?: string; tags?: Record<string, string> };
  streams: Array<{ codec_type: string; codec_name: string; disposition?: { attached_pic?: number } }>;
}

/** ffprobe's JSON for a finished file; tag keys lower-cased (ID3 vs MP4 spell them differently). */
export function ffprobe(file: string): Probed {
  const out = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { encoding: 'utf8' })) as Probed;
  const tags = Object.fromEntries(Object.entries(out.format.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return { ...out, format: { ...out.format, tags } };
}
