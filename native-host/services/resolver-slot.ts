/**
 * The resolver and its registry as the composition root holds them: opened on first use (a CLI
 * probe or download never pays for the libSQL driver), rebuilt when the config they are made from
 * changes (options page edits), and closed with the root: background work first, then the registry.
 */
import type { HostConfig } from '../config/schema.js';
import type { StructuredLog } from '../log/types.js';
import { openRegistry, registryOptions, type Registry } from '../registry/index.js';
import { createResolver, type CreateResolverOptions } from '../resolver/index.js';
import type { Resolver } from '../resolver/resolve.js';

export interface ResolverSlot {
  get(): Promise<Resolver>;
  close(): Promise<void>;
}

/** Structured resolver lines in the host log (source 'resolver' or 'registry'); the logger redacts secrets. */
export function hostLog(log: { write(l: { level: 'debug' | 'info' | 'warn' | 'error'; text: string; source?: 'resolver' | 'registry' }): void }): StructuredLog {
  return ({ level, event, ...rest }) => log.write({ level, source: event.startsWith('registry') ? 'registry' : 'resolver', text: `${event} ${JSON.stringify(rest)}` });
}

/** What the resolver is built from; a change here means a new resolver (and registry). */
function fingerprint(c: HostConfig): string {
  return JSON.stringify([c.apis, c.tools.ytdlp, c.paths.registryPath, c.tursoUrl, c.tursoReplica, c.tursoSyncSec, c.secrets]);
}

export function endpointsFrom(c: HostConfig): CreateResolverOptions['endpoints'] {
  return {
    deezer: c.apis.deezer,
    itunes: c.apis.itunes,
    odesli: c.apis.odesli,
    odesliKey: c.secrets.odesliApiKey,
    groq: c.secrets.groqApiKey ? { apiKey: c.secrets.groqApiKey, baseURL: c.apis.groqBaseUrl } : null,
    gemini: c.secrets.geminiApiKey ? { apiKey: c.secrets.geminiApiKey, baseUrl: c.apis.geminiBaseUrl } : null,
    ytdlp: c.tools.ytdlp ?? 'yt-dlp',
    ytmusic: c.apis.ytmusic,
  };
}

type Built = { resolver: Resolver; registry: Registry };

export function createResolverSlot(config: { get(): HostConfig }, log: StructuredLog): ResolverSlot {
  let current: { key: string; built: Promise<Built> } | null = null;
  let closed = false;
  const retire = async (b: Promise<Built>): Promise<void> => {
    const { resolver, registry } = await b.catch(() => ({ resolver: null, registry: null }));
    await resolver?.idle();
    await registry?.close();
  };
  return {
    get: async () => {
      if (closed) throw new Error('the host is shutting down');
      const c = config.get();
      const key = fingerprint(c);
      if (current?.key !== key) {
        if (current) void retire(current.built);
        const built = (async (): Promise<Built> => {
          const registry = await openRegistry(registryOptions(c), log);
          return { registry, resolver: createResolver({ endpoints: endpointsFrom(c), registry, log }) };
        })();
        current = { key, built };
        // A failed open is not remembered: the next resolve tries again.
        built.catch(() => {
          if (current?.built === built) current = null;
        });
      }
      return (await current.built).resolver;
    },
    close: async () => {
      closed = true;
      if (current) await retire(current.built);
      current = null;
    },
  };
}
