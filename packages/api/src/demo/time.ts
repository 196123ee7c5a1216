/** The demo day's clock: wall-clock times in the edition's time zone, and each meal's hours. */
import type { Meal } from '@tafel/schema';
import type { DemoEdition } from './data.ts';

/** A Thursday, like every Nationaal Integratiediner. */
export const DEMO_DATE = '2027-10-14';
export const DEMO_TIME_ZONE = 'Europe/Amsterdam';

/** The instant at a wall-clock time of a date in a time zone (correct across DST changes). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  let instant = naive - offsetMs(naive, timeZone);
  instant = naive - offsetMs(instant, timeZone);
  return new Date(instant);
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - instant;
}

/** Local opening hours of each meal, by weight: breakfast 08:00–10:00, lunch 12:00–14:00, dinner 18:00–21:00 mostly. */
export const MEAL_SLOTS: Readonly<Record<Meal, readonly (readonly [string, string, number])[]>> = {
  BREAKFAST: [
    ['08:00', '10:00', 5],
    ['07:30', '09:30', 2],
    ['08:30', '10:00', 2],
    ['09:00', '11:00', 1],
  ],
  LUNCH: [
    ['12:00', '14:00', 6],
    ['12:30', '14:00', 2],
    ['11:30', '13:30', 2],
    ['13:00', '15:00', 1],
  ],
  DINNER: [
    ['18:00', '21:00', 6],
    ['17:30', '20:30', 3],
    ['18:30', '21:30', 2],
    ['19:00', '22:00', 1],
  ],
  OTHER: [
    ['15:00', '17:00', 4],
    ['10:00', '12:00', 2],
    ['16:00', '18:00', 2],
    ['14:00', '16:30', 1],
  ],
};

export interface Slot {
  startsAt: number;
  endsAt: number;
}
export type Slots = Record<Meal, readonly (readonly [Slot, number])[]>;

export function mealSlots(edition: DemoEdition): Slots {
  const slots = {} as Record<Meal, (readonly [Slot, number])[]>;
  for (const [meal, list] of Object.entries(MEAL_SLOTS) as [Meal, (typeof MEAL_SLOTS)[Meal]][]) {
    slots[meal] = list.map(([start, end, weight]) => [
      {
        startsAt: zonedInstant(edition.date, start, edition.timeZone).getTime(),
        endsAt: zonedInstant(edition.date, end, edition.timeZone).getTime(),
      },
      weight,
    ]);
  }
  return slots;
}
