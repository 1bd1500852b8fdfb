import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (aligned to whole seconds). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      timer = setTimeout(tick, intervalMs - (t % 1000) + 5);
    };
    timer = setTimeout(tick, intervalMs - (Date.now() % 1000) + 5);
    return () => clearTimeout(timer);
  }, [intervalMs]);
  return now;
}
