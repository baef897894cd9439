import { PROTOCOL_VERSION } from '../../shared/protocol/index.js';
import { HOST_VERSION } from '../version.js';
import type { Handler } from './types.js';

export const ping: Handler<'ping'> = async () => ({ version: HOST_VERSION, protocol: PROTOCOL_VERSION, pid: process.pid });
