/** Answers runtime.sendMessage from content scripts and the options page through one map of handlers. */
import type { Browser } from 'wxt/browser';
import { RuntimeMessage, type MessageReply } from '../messages.js';
import type { Background } from './app.js';

type Handlers = {
  [K in RuntimeMessage['type']]: (msg: Extract<RuntimeMessage, { type: K }>, sender: Browser.runtime.MessageSender, bg: Background) => Promise<MessageReply> | MessageReply;
};

const ok: MessageReply = { ok: true, result: null };
/** The sender is one of our own pages (chrome-extension:// / moz-extension://), not a content script in a web page. */
const isOwnPage = (s: Browser.runtime.MessageSender) => !!s.url && !/^(https?|file):/i.test(s.url);

const MESSAGE_HANDLERS: Handlers = {
  'page.report': (msg, sender, bg) => {
    // Only the top frame of a real tab describes the page.
    if (sender.tab?.id == null || (sender.frameId ?? 0) !== 0) return ok;
    bg.pageReport(sender.tab.id, msg.report);
    return ok;
  },
  'config.get': (_msg, _sender, bg) => bg.config(),
  'config.set': (msg, _sender, bg) => bg.config(msg.patch),
  'config.reset': (_msg, _sender, bg) => bg.configReset(),
  // Only our own pages (the album window) may read or drive album sessions.
  'album.view': (msg, sender, bg) => (isOwnPage(sender) ? { ok: true, result: bg.albums.view(msg.id) } : ok),
  'album.command': (msg, sender, bg) => {
    if (isOwnPage(sender)) bg.albums.command(msg.id, msg.command);
    return ok;
  },
};

/** The onMessage listener: validate, dispatch, reply through sendResponse (works in every browser). */
export function onRuntimeMessage(bg: Background) {
  return (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: MessageReply) => void): boolean => {
    const parsed = RuntimeMessage.safeParse(raw);
    if (!parsed.success) return false; // not ours (or forged): no reply
    const msg = parsed.data;
    const handler = MESSAGE_HANDLERS[msg.type] as (m: RuntimeMessage, s: Browser.runtime.MessageSender, b: Background) => Promise<MessageReply> | MessageReply;
    void Promise.resolve(handler(msg, sender, bg)).then(sendResponse, (e: unknown) =>
      sendResponse({ ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }),
    );
    return true; // keeps the channel open for the async reply
  };
}
