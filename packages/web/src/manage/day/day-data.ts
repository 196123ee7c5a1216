/**
 * What the day view reads: the editions (to pick the day), `dayView`, a new host link; and when
 * to read again — on each message of the public `statsChanged` stream (coalesced by the API to a
 * few a second; any count or venue change sends one) and every minute, since a venue falls silent
 * with the clock, not with a change.
 */
import { request, type UserError } from '../../lib/gql.ts';

export type DayState = 'NOT_STARTED' | 'STARTED' | 'SILENT';

export interface DayVenue {
  location: {
    id: string;
    name: string;
    startsAt: string | null;
    capacity: number | null;
    participants: number;
    address: { city: string | null; region: string | null } | null;
  };
  organisationSlug: string;
  organisationName: string;
  state: DayState;
  full: boolean;
  lastReportAt: string | null;
  jump: { from: number; to: number; at: string } | null;
}

export interface Coverage {
  region: string | null;
  venues: number;
  started: number;
  reported: number;
  share: number | null;
}

export interface DayData {
  at: string;
  silentAfter: number;
  jumpOver: number;
  venues: DayVenue[];
  coverage: Coverage[];
  overall: Coverage;
}

export interface EditionChoice {
  slug: string;
  name: string;
  date: string;
  timeZone: string;
}

const EDITIONS = /* GraphQL */ `
  query DayEditions { editions { slug name date timeZone } }
`;

const DAY_VIEW = /* GraphQL */ `
  query DayView($edition: String!, $filter: DayViewFilter) {
    dayView(edition: $edition, filter: $filter) {
      at silentAfter jumpOver
      venues {
        location { id name startsAt capacity participants address { city region } }
        organisationSlug organisationName state full lastReportAt jump { from to at }
      }
      coverage { region venues started reported share }
      overall { region venues started reported share }
    }
  }
`;

const CREATE_HOST_LINK = /* GraphQL */ `
  mutation DayHostLink($input: CreateHostLinkInput!) {
    createHostLink(input: $input) { url userErrors { field message code } }
  }
`;

const STATS_CHANGED =
  'subscription DayStats($edition: String!) { statsChanged(edition: $edition) { participants } }';

export async function editions(): Promise<EditionChoice[]> {
  const answer = await request<{ editions: EditionChoice[] }>(EDITIONS);
  return answer.data?.editions ?? [];
}

/** The edition whose day is nearest to today (the day itself first). */
export function nearestEdition(list: readonly EditionChoice[], today = new Date()): string {
  const day = (d: string) => Date.parse(`${d}T12:00:00Z`);
  const now = today.getTime();
  const sorted = [...list].sort(
    (a, b) => Math.abs(day(a.date) - now) - Math.abs(day(b.date) - now),
  );
  return sorted[0]?.slug ?? '';
}

export async function readDay(
  edition: string,
  filter: { region?: string; organisation?: string },
): Promise<{ day: DayData | null; error: string | null }> {
  const answer = await request<{ dayView: DayData }>(DAY_VIEW, { edition, filter });
  return {
    day: answer.data?.dayView ?? null,
    error: answer.errors[0]?.message ?? null,
  };
}

/** A new host link's URL (a link's secret is shown only when it is made), or why not. */
export async function newHostLink(
  location: string,
): Promise<{ url: string | null; error: string | null }> {
  const answer = await request<{
    createHostLink: { url: string | null; userErrors: UserError[] } | null;
  }>(CREATE_HOST_LINK, { input: { location } });
  const payload = answer.data?.createHostLink;
  return {
    url: payload?.url ?? null,
    error: payload?.userErrors[0]?.message ?? answer.errors[0]?.message ?? null,
  };
}

/** Re-read when the edition changes (the stats stream) and every minute; returns the stop. */
export function follow(edition: string, read: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(read, 500);
  };
  const url = `/graphql?query=${encodeURIComponent(STATS_CHANGED)}&variables=${encodeURIComponent(JSON.stringify({ edition }))}`;
  const stream = new EventSource(url);
  let first = true;
  stream.addEventListener('next', () => {
    // The first message is the state on subscribing: nothing new since the page read.
    if (first) first = false;
    else soon();
  });
  const minute = setInterval(read, 60_000);
  return () => {
    stream.close();
    clearInterval(minute);
    clearTimeout(timer);
  };
}
