/** The NexStream native-messaging protocol: typed once, validated at both ends. See ../PROTOCOL.md. */
import { z } from 'zod';
import { Event } from './events.js';
import { Response } from './responses.js';

export const PROTOCOL_VERSION = 1;
/** Chrome refuses host-to-browser messages over 1 MB; we stay well below it. */
export const MAX_OUTBOUND_FRAME_BYTES = 1024 * 1024;
/** Budget a single outbound frame should aim for, leaving headroom for envelope growth. */
export const TARGET_FRAME_BYTES = 256 * 1024;
/** Largest request the host accepts from the browser. Requests are small; anything bigger is hostile. */
export const MAX_INBOUND_FRAME_BYTES = 1024 * 1024;
export const NATIVE_HOST_NAME = 'com.nexstream.host';

/** Anything the host may write to the browser. */
export const HostMessage = z.union([Response, Event]);
export type HostMessage = z.infer<typeof HostMessage>;

export * from './models.js';
export * from './track.js';
export * from './requests.js';
export * from './responses.js';
export * from './events.js';
export * from './playlist.js';
export * from './collection.js';
