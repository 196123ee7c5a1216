/**
 * The seating plans on this device, in IndexedDB, one per venue (by the venue's id). Nothing
 * here talks to the server: the guests' names stay in this browser.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { SeatingData } from './file.ts';

interface SeatingDb extends DBSchema {
  plans: { key: string; value: SeatingData };
}

let opened: Promise<IDBPDatabase<SeatingDb>> | undefined;
const db = () => {
  opened ??= openDB<SeatingDb>('tafel-seating', 1, {
    upgrade(database) {
      database.createObjectStore('plans');
    },
  });
  return opened;
};

export async function loadPlan(venueId: string): Promise<SeatingData | undefined> {
  return (await db()).get('plans', venueId);
}

export async function savePlan(venueId: string, plan: SeatingData): Promise<void> {
  await (await db()).put('plans', plan, venueId);
}

export async function forgetPlan(venueId: string): Promise<void> {
  await (await db()).delete('plans', venueId);
}
