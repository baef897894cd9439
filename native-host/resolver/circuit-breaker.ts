/**
 * A provider that is down costs its timeout once: after a "down" failure (timeout, refused,
 * 5xx after retries) the circuit opens and calls fail at once until the cool-down ends; then one
 * trial call decides (half-open).
 */
export interface BreakerOptions {
  /** Consecutive down-failures that open the circuit (default 1). */
  threshold?: number;
  /** How long it stays open, default 30 s. */
  cooldownMs?: number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly opts: BreakerOptions = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** May a call go out now? */
  allow(): boolean {
    if (this.openedAt === null) return true;
    if (this.now() - this.openedAt < (this.opts.cooldownMs ?? 30_000)) return false;
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt < (this.opts.cooldownMs ?? 30_000) ? 'open' : 'half-open';
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** Record a failure that says the service is down (not a 404 or a bad query). */
  down(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.failures >= (this.opts.threshold ?? 1)) this.openedAt = this.now();
  }

  /** A call that ended without saying anything about health (aborted by the caller). */
  neutral(): void {
    this.trialInFlight = false;
  }
}
