import { create } from 'zustand';

export type Route = { name: 'home' } | { name: 'runbook'; id: string } | { name: 'problems' };

export function routeFromHash(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#\/?/, ''));
  if (path.startsWith('runbook/')) return { name: 'runbook', id: path.slice('runbook/'.length) };
  if (path === 'problems') return { name: 'problems' };
  return { name: 'home' };
}

export function hashOf(route: Route): string {
  if (route.name === 'runbook') return `#/runbook/${route.id.split('/').map(encodeURIComponent).join('/')}`;
  return route.name === 'problems' ? '#/problems' : '#/';
}

interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

// The location hash holds the route, so Back and Forward work and a relaunch reopens nothing stale.
export const useRouteStore = create<RouteState>((set) => ({
  route: routeFromHash(window.location.hash),
  navigate(route) {
    if (window.location.hash !== hashOf(route)) window.location.hash = hashOf(route);
    set({ route });
  },
}));

window.addEventListener('hashchange', () => useRouteStore.setState({ route: routeFromHash(window.location.hash) }));
