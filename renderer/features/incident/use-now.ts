import { useEffect, useState } from 'react';
import type { Stamp } from '../../../shared/incident/incident-state';
import { nowStamp } from './incident-store';

/**
 * Now, again every second while `ticking`: the incident's and the run's clocks. When it starts
 * ticking (an incident becomes current), the first render already has the time of that moment,
 * not the one it stopped at: the bar showed "Next update in 31:17" for a 30-minute cadence.
 */
export function useNow(ticking = true): Stamp {
  const [now, setNow] = useState(nowStamp);
  const [wasTicking, setWasTicking] = useState(ticking);
  if (ticking !== wasTicking) {
    // React's "adjust state while rendering": rendered again at once, before anything is shown.
    setWasTicking(ticking);
    setNow(nowStamp());
  }
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(nowStamp()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
