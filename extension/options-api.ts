/** The options page's calls to the background, which forwards them to the host (config.get / config.set). */
import { browser } from 'wxt/browser';
import { PublicConfig, type ConfigPatch } from '../shared/protocol/index.js';
import { HostRequestError } from './host/errors.js';
import { MessageReply, type RuntimeMessage } from './messages.js';

async function call(msg: RuntimeMessage): Promise<PublicConfig> {
  const reply = MessageReply.parse(await browser.runtime.sendMessage(msg));
  if (!reply.ok) throw new HostRequestError(reply.error);
  return PublicConfig.parse(reply.result);
}

export const getHostConfig = () => call({ type: 'config.get' });
export const setHostConfig = (patch: ConfigPatch) => call({ type: 'config.set', patch });
export const resetHostConfig = () => call({ type: 'config.reset' });
