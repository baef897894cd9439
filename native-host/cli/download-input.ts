/**
 * Turns `nexstream download --resolve <url-or-text>` input into a video URL plus official tags.
 * Registration point for the resolver engineer: set `resolveDownloadInput` below to your function
 * (one import + one line). Until then `--resolve` answers a clear error.
 */
import type { TrackTags } from '../../shared/protocol/index.js';
import type { CliIo } from './types.js';
import { resolveForDownload } from '../resolver/download-input.js';

export interface ResolvedInput {
  url: string;
  title?: string;
  tags?: TrackTags;
}

export type DownloadInputResolver = (input: string, io: CliIo) => Promise<ResolvedInput>;

export const resolveDownloadInput: DownloadInputResolver = resolveForDownload;
