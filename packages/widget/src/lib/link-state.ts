/**
 * A map's state in the page's address (`link-state`): the chosen venue and filters as parts of
 * the hash named under the map's key (`#tafel.venue=…&tafel.meal=DINNER`), beside whatever else
 * the page keeps there, so a visitor can share a link to what they see.
 */
import type { Chosen } from './filters.ts';

export interface LinkState extends Chosen {
  venue?: string | undefined;
}

const KEYS = ['venue', 'meal', 'group', 'region', 'language', 'facility', 'search'] as const;

/** The state under `prefix` (`tafel.`) in a hash; other parts are not ours. */
export function readHash(hash: string, prefix: string): LinkState {
  const state: LinkState = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    const key = part.slice(prefix.length, at) as (typeof KEYS)[number];
    if (at < 0 || !part.startsWith(prefix) || !KEYS.includes(key)) continue;
    try {
      state[key] = decodeURIComponent(part.slice(at + 1));
    } catch {
      // A broken escape: the part is ignored, as an unknown one is.
    }
  }
  return state;
}

/** `hash` with the parts under `prefix` replaced by `state` (empty values left out). */
export function writeHash(hash: string, prefix: string, state: LinkState): string {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part && !part.startsWith(prefix));
  for (const key of KEYS)
    if (state[key]) parts.push(`${prefix}${key}=${encodeURIComponent(state[key])}`);
  return parts.join('&');
}

/** Put `hash` in the page's address without a history entry (no `hashchange` either). */
export function replaceHash(hash: string): void {
  if (hash === location.hash.replace(/^#/, '')) return;
  history.replaceState(history.state, '', hash ? `#${hash}` : location.pathname + location.search);
}
