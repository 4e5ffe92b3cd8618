/// <reference lib="webworker" />
/**
 * Service worker: serves the precached app (code, wasm, OCR data, models) so it works offline, and adds
 * the isolation and CSP headers to every same-origin response so the deployed app is cross-origin
 * isolated even on static hosts that cannot set headers.
 */
import { cleanupOutdatedCaches, matchPrecache, precache } from 'workbox-precaching';
import { ISOLATION_HEADERS, policyFor } from './securityHeaders.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function withHeaders(response: Response, destination: string): Response {
  if (response.type === 'opaque' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  const policy = policyFor(destination);
  if (policy) headers.set('Content-Security-Policy', policy);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function respond(request: Request): Promise<Response> {
  const destination = request.mode === 'navigate' ? 'document' : request.destination;
  const cached = destination === 'document' ? await matchPrecache('index.html') : await matchPrecache(request.url);
  return withHeaders(cached ?? (await fetch(request)), destination);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
