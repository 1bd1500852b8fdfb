// A token bucket per plugin: `rate` calls a second on average, bursts of up
// to `burst`. A call beyond that is refused as flooding (and counted).

export const CALL_RATE = 20;
export const CALL_BURST = 50;

export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Calls refused so far. */
  refused = 0;

  constructor(
    private readonly rate = CALL_RATE,
    private readonly burst = CALL_BURST,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false (and counted) when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.refused++;
    return false;
  }
}
