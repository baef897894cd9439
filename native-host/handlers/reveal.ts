import { revealCommand } from '../os/reveal-command.js';
import { checkRevealPath } from '../os/reveal-path.js';
import { runReveal } from '../os/reveal.js';
import type { Handler } from './types.js';

/** "Show in folder": only files in the download folder or written by this host's jobs. */
export const reveal: Handler<'reveal'> = async (req, ctx) => {
  const written = ctx.jobs.list().flatMap((j) => (j.status === 'done' && j.path ? [j.path] : []));
  const file = await checkRevealPath(req.path, { downloadDir: ctx.config.get().downloadDir, written });
  const cmd = revealCommand(process.platform, file);
  await runReveal(cmd);
  ctx.log.info(`showed ${cmd.folder} in the file manager`);
  return { folder: cmd.folder, selected: cmd.selected };
};
