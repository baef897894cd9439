/** Batch state kept from host events (batch.state totals, batch.item per item), so a reopened popup shows the live batch. */
import type { BatchInfo, BatchItemState, Event } from '../../shared/protocol/index.js';

export type BatchView = BatchInfo & { items: BatchItemState[] };

export class BatchStore {
  private readonly batches = new Map<string, { info: BatchInfo; items: Map<number, BatchItemState> }>();
  private readonly listeners = new Set<(id: string) => void>();
  /** Download jobs that are items of some batch: the popup shows them in the batch, not as the tab's job. */
  private readonly itemJobs = new Set<string>();

  owns(jobId: string): boolean {
    return this.itemJobs.has(jobId);
  }

  get(id: string): BatchView | null {
    const b = this.batches.get(id);
    return b ? { ...b.info, items: [...b.items.values()].sort((x, y) => x.index - y.index) } : null;
  }

  apply(e: Event): void {
    if (e.event === 'batch.state') {
      const b = this.entry(e.batch.id);
      const { items, ...info } = e.batch;
      b.info = { ...b.info, ...info };
      // The final state's items (the failed and cancelled, with why) refine what batch.item said.
      for (const it of items ?? []) b.items.set(it.index, { ...b.items.get(it.index), ...it });
      this.emit(e.batch.id);
    } else if (e.event === 'batch.item') {
      const b = this.entry(e.jobId);
      if (e.item.jobId) this.itemJobs.add(e.item.jobId);
      b.items.set(e.item.index, { ...b.items.get(e.item.index), ...e.item });
      this.emit(e.jobId);
    }
  }

  onChange(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private entry(id: string) {
    let b = this.batches.get(id);
    if (!b) {
      b = { info: { id, status: 'listing', title: '', folder: '', preset: 'best', total: 0, done: 0, failed: 0, skipped: 0, cancelled: 0, bytes: 0, etaSec: null, createdAt: Date.now() }, items: new Map() };
      this.batches.set(id, b);
    }
    return b;
  }

  private emit(id: string): void {
    for (const l of this.listeners) l(id);
  }
}
