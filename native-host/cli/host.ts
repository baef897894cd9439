import { runHost } from '../main.js';
import type { Command } from './types.js';

export const host: Command = {
  summary: 'Run as the native-messaging host (the browser starts this)',
  usage: 'nexstream host [origin]\n\nSpeaks length-prefixed JSON on stdin/stdout. Chrome passes the caller origin as the argument.',
  async run(args, io) {
    // Chrome passes the origin; Firefox passes the manifest path and the extension id.
    const origin = args.find((a) => /^[a-z-]+-extension:\/\//.test(a)) ?? null;
    const code = await runHost({ origin, env: io.env });
    // Exit explicitly: a signal-ended session still holds stdin open, which would keep node alive.
    process.exit(code);
  },
};
