/**
 * The host's counter offline: this worker (scope /host/) keeps the counter's page and its files,
 * so the page opens again without a network; the taps themselves wait in IndexedDB (the page's
 * queue). Pages: the network first, the kept copy when there is none. Files under /web/ carry a
 * content hash, so a kept copy is always right: kept first. The GraphQL API is never kept.
 */
const KEEP = 'tafel-host-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== KEEP) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page asks to keep itself and the files it loaded; it hears 'kept' or 'failed'. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'keep' || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  const urls = data.urls.filter((url) => new URL(url).origin === self.location.origin);
  event.waitUntil(
    caches
      .open(KEEP)
      .then((cache) => cache.addAll(urls))
      .then(
        () => port?.postMessage('kept'),
        () => port?.postMessage('failed'),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/host/')) {
    event.respondWith(
      (async () => {
        try {
          const answer = await fetch(request);
          if (answer.ok) {
            const cache = await caches.open(KEEP);
            await cache.put(request, answer.clone());
          }
          return answer;
        } catch (error) {
          const kept = await caches.match(request, { ignoreSearch: true });
          if (kept) return kept;
          throw error;
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/web/')) {
    event.respondWith(
      (async () => {
        const kept = await caches.match(request);
        if (kept) return kept;
        const answer = await fetch(request);
        if (answer.ok) {
          const cache = await caches.open(KEEP);
          await cache.put(request, answer.clone());
        }
        return answer;
      })(),
    );
  }
});
