/**
 * Registers the service worker (production builds only). On hosts that cannot send COOP/COEP headers the
 * page is not cross-origin isolated until the service worker serves it, so it reloads once when the worker takes
 * over — but only a page nobody has used yet. The worker takes over when its precache is in, which on a first visit
 * can be a minute later: by then a reload would throw away a design opened from a link, a paper being read or an
 * edit, and a link's fragment is already cleared. A page in use stays as it is; the next visit is isolated.
 */
const USER_INPUT = ['pointerdown', 'keydown', 'drop'] as const;

/** `inUse`: the page opens something at once (a shared design link), so it is in use from the start. */
export function registerServiceWorker(inUse: boolean): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const reloadedKey = 'paper2net:isolation-reload';
  let used = inUse;
  const markUsed = (): void => void (used = true);
  for (const kind of USER_INPUT) window.addEventListener(kind, markUsed, { capture: true, once: true });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!self.crossOriginIsolated && !used && !sessionStorage.getItem(reloadedKey)) {
      sessionStorage.setItem(reloadedKey, '1');
      location.reload();
    }
  });
  void navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { type: 'module', scope: import.meta.env.BASE_URL });
}

/** How many threads the wasm stages may use: several only when SharedArrayBuffer is allowed. */
export function threadInfo(): { isolated: boolean; threads: number } {
  const isolated = self.crossOriginIsolated === true;
  return { isolated, threads: isolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1 };
}
