// The one reconnect backoff of the frontend's streams.

export interface Backoff {
  /** Delay (ms) before attempt n, n ≥ 1 counting the failures in a row. */
  delay(n: number): number;
}

export interface ExponentialBackoff {
  /** The first delay (ms). */
  base: number;
  /** The longest delay (ms). */
  max: number;
  /** ±this fraction of random spread, so many clients do not knock at once. */
  jitter: number;
}

/** base, 2·base, 4·base… up to max, each spread by ±jitter. */
export function exponentialBackoff({ base, max, jitter }: ExponentialBackoff): Backoff {
  return {
    delay: (n) => Math.min(max, base * 2 ** Math.max(0, n - 1)) * (1 - jitter + Math.random() * 2 * jitter),
  };
}

/** 1 s, 2 s, 4 s… up to 30 s, ±20 %. */
export const defaultBackoff: Backoff = exponentialBackoff({ base: 1000, max: 30_000, jitter: 0.2 });
