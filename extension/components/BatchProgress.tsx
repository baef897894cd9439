/** A batch's progress: items done / total, bytes, ETA, and each item's state; cancel all or one, retry the failed. */
import type { BatchItemState } from '../../shared/protocol/index.js';
import type { PopupState } from '../messages.js';
import { formatBytes, formatEta } from './format.js';
import { VirtualList } from './VirtualList.js';

type Batch = NonNullable<PopupState['batch']>;

const LABEL: Record<BatchItemState['status'], string> = { queued: 'waiting', running: '', done: 'done', failed: 'failed', skipped: 'skipped', cancelled: 'cancelled' };

export function BatchProgress({ batch, onCancel, onRetry, onReveal, onDismiss }: { batch: Batch; onCancel(index?: number): void; onRetry(): void; onReveal(path: string): void; onDismiss?(): void }) {
  const active = batch.status === 'listing' || batch.status === 'running';
  const finished = batch.done + batch.failed + batch.skipped + batch.cancelled;
  const pct = batch.total ? Math.round((finished / batch.total) * 100) : 0;
  return (
    <section className="batch" aria-label="Batch progress" data-status={batch.status}>
      <header>
        <strong>{batch.title}</strong>
        <div className="batch-totals" data-testid="batch-totals">
          {finished}/{batch.total} · {batch.done} done{batch.failed ? ` · ${batch.failed} failed` : ''}
          {batch.skipped ? ` · ${batch.skipped} skipped` : ''}
          {batch.cancelled ? ` · ${batch.cancelled} cancelled` : ''} · {formatBytes(batch.bytes)}
          {active && batch.etaSec != null ? ` · ${formatEta(batch.etaSec)}` : ''}
        </div>
        <progress max={100} value={pct} />
        {batch.error && <p className="error">{batch.error.message}</p>}
      </header>
      <VirtualList
        className="batch-rows"
        label="Batch items"
        count={batch.items.length}
        rowHeight={28}
        initialHeight={200}
        follow={false}
        onFollowChange={() => {}}
        renderRow={(i) => {
          const it = batch.items[i];
          if (!it) return null;
          return (
            <div key={it.index} className="batch-row" role="listitem" data-index={it.index} data-status={it.status} style={{ height: 28 }}>
              <span className="batch-title">
                {it.index}. {it.title ?? ''}
              </span>
              <span className="muted" title={it.error?.message}>
                {it.status === 'running' ? `${Math.round(it.percent ?? 0)} %` : LABEL[it.status]}
                {it.status === 'failed' && it.error ? `: ${it.error.message.slice(0, 60)}` : ''}
              </span>
              {(it.status === 'queued' || it.status === 'running') && (
                <button type="button" className="link" aria-label={`Cancel ${it.title ?? it.index}`} onClick={() => onCancel(it.index)}>
                  ✕
                </button>
              )}
            </div>
          );
        }}
      />
      <footer>
        {active && (
          <button type="button" onClick={() => onCancel()}>
            Cancel all
          </button>
        )}
        {!active && batch.failed + batch.cancelled > 0 && (
          <button type="button" onClick={onRetry}>
            Retry failed
          </button>
        )}
        {!active && batch.m3u8 && (
          <button type="button" className="link" onClick={() => onReveal(batch.m3u8 as string)}>
            Show in folder
          </button>
        )}
        {!active && onDismiss && (
          <button type="button" className="link" onClick={onDismiss}>
            Close
          </button>
        )}
      </footer>
    </section>
  );
}
