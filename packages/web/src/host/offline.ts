/**
 * The page as an installable app that opens without a network: its manifest, and the service
 * worker at /host/sw.js (scope /host/), which keeps the page and its files. The worker is asked
 * to keep what this page loaded; the answer says whether it did.
 */
export async function offlineShell(): Promise<boolean> {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/host/manifest.webmanifest';
    document.head.append(link);
  }
  if (!('serviceWorker' in navigator)) return false;
  try {
    await navigator.serviceWorker.register('/host/sw.js', { scope: '/host/' });
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return false;
    const files = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).origin === location.origin)
      .filter((url) => new URL(url).pathname.startsWith('/web/'));
    const urls = [location.href.split('#')[0]!, ...new Set(files)];
    return await new Promise<boolean>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data === 'kept');
      worker.postMessage({ type: 'keep', urls }, [channel.port2]);
    });
  } catch {
    return false;
  }
}
