import { PROTOCOL_VERSION } from '../../shared/protocol/index.js';
import { HOST_VERSION } from '../version.js';
import type { Command } from './types.js';

export const version: Command = {
  summary: 'Print the version',
  usage: 'nexstream version  (or --version)',
  async run(_args, io) {
    io.stdout.write(`nexstream ${HOST_VERSION} (protocol ${PROTOCOL_VERSION})\n`);
    return 0;
  },
};
