import { useEffect, useState } from 'react';
import type { Stamp } from '../../../shared/incident/incident-state';
import { nowStamp } from './incident-store';

/** Now, again every second while `ticking`: the incident's and the run's clocks. */
export function useNow(ticking = true): Stamp {
  const [now, setNow] = useState(nowStamp);
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(nowStamp()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
