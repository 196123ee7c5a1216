/** Which edition the portal's sections open on: the next to come, not merely the newest made. */
import { expect, it } from 'vitest';
import { defaultEdition, type Edition } from '../src/portal/api.ts';

const edition = (slug: string, date: string, status = 'OPEN', endDate?: string): Edition => ({
  slug,
  name: slug,
  date,
  endDate: endDate ?? null,
  status,
  timeZone: 'Europe/Amsterdam',
  country: 'NL',
});

it('opens on the nearest open or planned edition still to come, else the newest', () => {
  const today = new Date('2027-06-01T12:00:00Z');
  // Newest day first, as the API lists them.
  const editions = [
    edition('later-2027', '2027-11-20'),
    edition('nid-2027', '2027-10-14', 'PLANNED'),
    edition('called-off', '2027-09-01', 'CANCELLED'),
    edition('nid-2026', '2026-10-15', 'CLOSED'),
  ];
  expect(defaultEdition(editions, today)).toBe('nid-2027');
  expect(defaultEdition(editions, new Date('2027-10-14T20:00:00Z'))).toBe('nid-2027');
  expect(defaultEdition(editions, new Date('2027-10-15T08:00:00Z'))).toBe('later-2027');
  expect(defaultEdition(editions, new Date('2028-01-01T00:00:00Z'))).toBe('later-2027');
  expect(defaultEdition([], today)).toBe('');
});

it('opens on a programme across the year while its meetings go on', () => {
  const editions = [
    edition('nid-2027', '2027-10-14'),
    edition('network-2027', '2027-02-01', 'OPEN', '2027-12-06'),
  ];
  // The programme began in February, but its meetings go on till December: it is the nearest.
  expect(defaultEdition(editions, new Date('2027-06-01T12:00:00Z'))).toBe('network-2027');
  expect(defaultEdition(editions, new Date('2027-10-15T12:00:00Z'))).toBe('network-2027');
  expect(defaultEdition(editions, new Date('2027-12-07T12:00:00Z'))).toBe('nid-2027');
});
