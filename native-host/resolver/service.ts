/**
 * One resolver (and registry) per host process, built from the host's config: endpoints, keys,
 * yt-dlp path, data dir, Turso. Rebuilt when the relevant config changes (options page edits).
 */
import { openRegistry, registryOptions, type Registry } from '../registry/index.js';
import type { HostConfig } from '../config/schema.js';
import { createResolver } from './index.js';
import type { Resolver } from './resolve.js';
import type { ResolverLog } from './types.js';

export interface ResolverHost {
  config: { get(): HostConfig };
  log: { write(l: { level: 'debug' | 'info' | 'warn' | 'error'; text: string; source?: 'resolver' | 'registry' }): void };
}

/** Structured resolver lines in the host log (source 'resolver' or 'registry'); the logger redacts secrets. */
export function hostLog(host: ResolverHost): ResolverLog {
  return ({ level, event, ...rest }) => host.log.write({ level, source: event.startsWith('registry') ? 'registry' : 'resolver', text: `${event} ${JSON.stringify(rest)}` });
}

function fingerprint(c: HostConfig): string {
  return JSON.stringify([c.apis, c.tools.ytdlp, c.paths.registryPath, c.tursoUrl, c.tursoReplica, c.tursoSyncSec, c.secrets]);
}

const cache = new WeakMap<object, { key: string; resolver: Promise<{ resolver: Resolver; registry: Registry }> }>();

export function resolverFor(host: ResolverHost): Promise<{ resolver: Resolver; registry: Registry }> {
  const c = host.config.get();
  const key = fingerprint(c);
  const hit = cache.get(host.config);
  if (hit && hit.key === key) return hit.resolver;
  const log = hostLog(host);
  const built = (async () => {
    if (hit) void hit.resolver.then((r) => r.registry.close());
    const registry = await openRegistry(registryOptions(c), log);
    const resolver = createResolver({
      endpoints: {
        deezer: c.apis.deezer,
        itunes: c.apis.itunes,
        odesli: c.apis.odesli,
        odesliKey: c.secrets.odesliApiKey,
        groq: c.secrets.groqApiKey ? { apiKey: c.secrets.groqApiKey, baseURL: c.apis.groqBaseUrl } : null,
        gemini: c.secrets.geminiApiKey ? { apiKey: c.secrets.geminiApiKey, baseUrl: c.apis.geminiBaseUrl } : null,
        ytdlp: c.tools.ytdlp ?? 'yt-dlp',
      },
      registry,
      log,
    });
    return { resolver, registry };
  })();
  cache.set(host.config, { key, resolver: built });
  return built;
}
