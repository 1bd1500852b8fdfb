import { useEffect } from 'react';
import { usePaneActive } from '../features/clusters/clusterHealth';

/** Sets document.title while the pane showing it is on screen. */
export function useTitle(title: string): void {
  const active = usePaneActive();
  useEffect(() => {
    if (active) document.title = title;
  }, [active, title]);
}
