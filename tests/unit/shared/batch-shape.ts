/**
 * The batch job's request contract as the video-side helper defined it (shared/protocol/requests.ts on
 * its branch), restated here so albumBatch is checked against it before the branches merge. The lead
 * replaces this with the real BatchRequest schema at merge.
 */
import { z } from 'zod';
import { HttpUrl, PresetId, TrackTags } from '../../../shared/protocol/models.js';

const BatchItem = z.object({ url: HttpUrl, index: z.number().int().positive(), title: z.string().optional(), fileStem: z.string().optional(), tags: TrackTags.optional(), archiveKey: z.string().optional() }).strict();
export const BatchShape = z
  .object({
    id: z.string(),
    type: z.literal('batch'),
    preset: PresetId,
    folder: z.array(z.string()).min(1).max(2),
    indexPrefix: z.boolean().optional(),
    source: z.union([
      z.object({ kind: z.literal('playlist'), url: HttpUrl, indices: z.array(z.number().int().positive()).optional() }),
      z.object({ kind: z.literal('items'), items: z.array(BatchItem).min(1).max(2000) }),
    ]),
  })
  .strict();
