/** What detectors find. Content scripts send these to the background, which validates them with zod. */
import { z } from 'zod';
import { PageTrackMeta } from '../../shared/protocol/track.js';

export const DetectorName = z.enum(['dom-video', 'meta-tags', 'json-ld', 'network-sniff', 'page-url', 'track-page']);
export type DetectorName = z.infer<typeof DetectorName>;

/** hls/dash are manifests; video/audio are direct files; page is a URL only yt-dlp can open. */
export const MediaKind = z.enum(['video', 'audio', 'hls', 'dash', 'page']);
export type MediaKind = z.infer<typeof MediaKind>;

export const MediaItem = z.object({
  url: z.string().min(1).max(8192),
  kind: MediaKind,
  via: DetectorName,
  mime: z.string().max(200).optional(),
});
export type MediaItem = z.infer<typeof MediaItem>;

/** What the page says about itself, shown in the popup before the host answers. */
export const PageMeta = z.object({
  title: z.string().max(1000).optional(),
  thumbnail: z.string().max(8192).optional(),
  durationSec: z.number().positive().max(1e7).optional(),
});
export type PageMeta = z.infer<typeof PageMeta>;

export const PageReport = z.object({
  pageUrl: z.string().max(8192),
  meta: PageMeta,
  items: z.array(MediaItem).max(200),
  /** A <video> plays a blob:/MediaSource stream: only the page URL or a sniffed manifest can fetch it. */
  blobPlayer: z.boolean(),
  /** A music site's track page: what it says about the track (passed to `resolve` as meta). */
  track: PageTrackMeta.optional(),
});
export type PageReport = z.infer<typeof PageReport>;

export interface Detection {
  items: MediaItem[];
  meta: PageMeta;
  blobPlayer?: boolean;
  track?: PageTrackMeta;
}

/** A detector that reads the page (runs in the content script). */
export interface PageDetector {
  name: DetectorName;
  detect(doc: Document, pageUrl: string): Detection;
}
