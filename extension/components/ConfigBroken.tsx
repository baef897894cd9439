import { useState } from 'react';
import type { ConfigHealth } from '../../shared/protocol/index.js';

/** The host's config file does not parse: say where, keep the user's file, offer an explicit reset. */
export function ConfigBroken({ problem, onReset }: { problem: ConfigHealth; onReset?: () => Promise<unknown> }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card error" role="alert">
      <strong>The host's config file has a syntax error{problem.line ? ` on line ${problem.line}` : ''}.</strong>
      <p>{problem.problem}</p>
      <p>
        NexStream is running on defaults and will not change the file until you fix it.
        {problem.brokenCopy ? ` A copy is kept at ${problem.brokenCopy}.` : ''}
      </p>
      {onReset &&
        (confirming ? (
          <button type="button" className="danger" onClick={() => void onReset().finally(() => setConfirming(false))}>
            Really reset to defaults (API keys in the file are only kept in the copy)
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Reset the config file…
          </button>
        ))}
    </section>
  );
}
