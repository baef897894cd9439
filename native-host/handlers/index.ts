/**
 * The one map from request type to handler (refined-github's background.ts style, not a switch).
 * To add a handler: write handlers/<type>.ts exporting a Handler<'type'>, import it here, add one
 * line to the map. tests/unit/native-host/handlers/registry.test.ts checks every Request type is wired.
 */
import type { HandlerMap } from './types.js';
import { ping } from './ping.js';
import { doctor } from './doctor.js';
import { probe } from './probe.js';
import { download } from './download.js';
import { cancel } from './cancel.js';
import { stop } from './stop.js';
import { jobsList } from './jobs-list.js';
import { configGet } from './config-get.js';
import { configSet } from './config-set.js';
import { configReset } from './config-reset.js';
import { logsTail } from './logs-tail.js';
import { resolve } from './resolve.js';
import { resolveOverride } from './resolve-override.js';
import { resolveCollectionHandler } from './resolve-collection.js';
import { reveal } from './reveal.js';
import { batch } from './batch.js';
import { playlistPage } from './playlist-page.js';
import { batchCancel } from './batch-cancel.js';
import { batchRetry } from './batch-retry.js';
import { recent } from './recent.js';

export const handlers: HandlerMap = {
  ping,
  doctor,
  probe,
  download,
  cancel,
  stop,
  'jobs.list': jobsList,
  'config.get': configGet,
  'config.set': configSet,
  'config.reset': configReset,
  'logs.tail': logsTail,
  resolve,
  'resolve.override': resolveOverride,
  'resolve.collection': resolveCollectionHandler,
  reveal,
  batch,
  'playlist.page': playlistPage,
  'batch.cancel': batchCancel,
  'batch.retry': batchRetry,
  recent,
};

export type { Handler, HandlerContext, HandlerMap } from './types.js';
