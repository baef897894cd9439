/**
 * Validates a decoded frame, finds its handler in the map, runs it and produces exactly one reply.
 * Requests run concurrently (a slow probe must not delay a ping); every failure is a value.
 */
import { z } from 'zod';
import { Request, RequestId, ResultSchemas, type RequestType, type Response } from '../../shared/protocol/index.js';
import { NexError, toErrorPayload } from '../../shared/errors.js';
import type { Handler, HandlerContext, HandlerMap } from './types.js';

const Envelope = z.object({ id: z.unknown().optional(), type: z.unknown().optional() }).passthrough();

export function readId(raw: unknown): string | null {
  const env = Envelope.safeParse(raw);
  if (!env.success) return null;
  const id = RequestId.safeParse(env.data.id);
  return id.success ? id.data : null;
}

export async function dispatch(raw: unknown, handlers: HandlerMap, ctx: HandlerContext): Promise<Response> {
  const id = readId(raw);
  const fail = (e: unknown): Response => ({ kind: 'response', id, ok: false, error: toErrorPayload(e) });
  const env = Envelope.safeParse(raw);
  if (!env.success || typeof env.data.type !== 'string') {
    return fail(new NexError('input.invalid', 'a request is an object with string "id" and "type"'));
  }
  const type = env.data.type;
  if (!Object.hasOwn(handlers, type)) {
    return fail(new NexError('protocol.unknown_type', `unknown request type "${type.slice(0, 64)}"`, { type: type.slice(0, 64) }));
  }
  const parsed = Request.safeParse(raw);
  if (!parsed.success) return fail(validationError(parsed.error));
  if (id === null) return fail(new NexError('input.invalid', 'missing request id'));
  try {
    const handler = handlers[type as RequestType] as Handler<RequestType>;
    const result = await handler(parsed.data as never, ctx);
    // Our own output is checked too: a malformed result is a host bug, reported as one.
    const checked = ResultSchemas[type as RequestType].safeParse(result);
    if (!checked.success) throw new NexError('internal', `handler "${type}" returned an invalid result`, { issues: checked.error.issues.slice(0, 5).map((i) => i.path.join('.')) });
    return { kind: 'response', id, ok: true, result: checked.data };
  } catch (e) {
    return fail(e);
  }
}

function validationError(err: z.ZodError): NexError {
  const issues = err.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const badUrl = err.issues.some((i) => i.path.some((p) => p === 'url' || p === 'videoUrl'));
  return new NexError(badUrl ? 'input.invalid_url' : 'input.invalid', issues.map((i) => `${i.path || '(request)'}: ${i.message}`).join('; '), { issues });
}
