/**
 * Registers the service worker (production builds only). On hosts that cannot send COOP/COEP headers the
 * page is not cross-origin isolated until the service worker serves it, so reload once when it takes over.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const reloadedKey = 'paper2net:isolation-reload';
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!self.crossOriginIsolated && !sessionStorage.getItem(reloadedKey)) {
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
