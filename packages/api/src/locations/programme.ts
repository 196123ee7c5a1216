/**
 * A meeting's programme (#19): a chair, and sessions with a time within the meeting, a title, an
 * abstract, speakers and whether each is confirmed yet — Altinget's "kl. 8:30-9:20", two speakers
 * in one slot, "Endnu ikke bekræftet". Set as a whole: the programme sent replaces the one stored,
 * in one transaction, and a refused input changes nothing.
 *
 * A speaker's name is public only when they chose so; the public reads a speaker who did not as
 * their role and organisation alone (`publicName`).
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type Edition,
  editions,
  type Location,
  locations,
  type ProgrammeSession,
  type ProgrammeSpeaker,
  programmeSessions,
  programmeSpeakers,
} from '../db/schema.ts';
import { UserErrors, UserInputError } from './errors.ts';
import { localDate, freeText as text } from './fields.ts';
import type { VenueNotice } from './notices.ts';
import { type Actor, audit, closed, type WriteResult } from './write.ts';

export const PROGRAMME_LIMITS = {
  sessions: 50,
  speakers: 10,
  title: 200,
  abstract: 2000,
  name: 120,
  role: 120,
  organisation: 120,
} as const;

/** A speaker or the chair, as staff or the host organisation enter them. */
export interface SpeakerFields {
  name: string;
  role?: string | null;
  organisation?: string | null;
  /** They chose to be named publicly; left out, they are not. */
  namePublic?: boolean | null;
}

export interface SessionFields {
  startsAt: Date;
  endsAt: Date;
  title: string;
  abstract?: string | null;
  tentative?: boolean | null;
  speakers?: readonly SpeakerFields[] | null;
}

export interface ProgrammeFields {
  chair?: SpeakerFields | null;
  sessions: readonly SessionFields[];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type SpeakerValues = Pick<ProgrammeSpeaker, 'name' | 'role' | 'organisation' | 'namePublic'>;
type SessionValues = Pick<
  ProgrammeSession,
  'startsAt' | 'endsAt' | 'title' | 'abstract' | 'tentative'
> & { speakers: SpeakerValues[] };

/** A programme as stored: the chair, and the sessions in their order with their speakers. */
export interface Programme {
  chair: SpeakerValues | null;
  sessions: SessionValues[];
}

function checkSpeaker(
  errors: UserErrors,
  path: (string | number)[],
  input: SpeakerFields,
): SpeakerValues {
  return {
    name: text(errors, [...path, 'name'], input.name, PROGRAMME_LIMITS.name, true) ?? '',
    role: text(errors, [...path, 'role'], input.role, PROGRAMME_LIMITS.role),
    organisation: text(
      errors,
      [...path, 'organisation'],
      input.organisation,
      PROGRAMME_LIMITS.organisation,
    ),
    namePublic: input.namePublic ?? false,
  };
}

/** Why this instant is not within the meeting (or, for a meeting without times, its edition's days); null if it is. */
function outsideMeeting(
  at: Date,
  meeting: Pick<Location, 'startsAt' | 'endsAt'>,
  edition: Pick<Edition, 'date' | 'endDate' | 'timeZone'>,
): string | null {
  if (meeting.startsAt && at < meeting.startsAt)
    return `before the meeting starts (${meeting.startsAt.toISOString()})`;
  if (meeting.endsAt && at > meeting.endsAt)
    return `after the meeting ends (${meeting.endsAt.toISOString()})`;
  const day = localDate(at, edition.timeZone);
  const last = edition.endDate ?? edition.date;
  if (day < edition.date || day > last)
    return `not within the edition’s days, ${edition.date}${last !== edition.date ? ` to ${last}` : ''} (${edition.timeZone})`;
  return null;
}

/**
 * A programme as sent, checked against its meeting: every problem with its path (`["sessions",
 * "2", "endsAt"]`). Sessions may overlap (parallel tracks).
 */
export function validateProgramme(
  errors: UserErrors,
  input: ProgrammeFields,
  meeting: Pick<Location, 'startsAt' | 'endsAt'>,
  edition: Pick<Edition, 'date' | 'endDate' | 'timeZone'>,
): Programme {
  const chair = input.chair ? checkSpeaker(errors, ['chair'], input.chair) : null;
  if (input.sessions.length > PROGRAMME_LIMITS.sessions)
    errors.add(
      ['sessions'],
      'TOO_MANY',
      `A meeting has at most ${PROGRAMME_LIMITS.sessions} sessions; ${input.sessions.length} were sent.`,
    );
  const sessions = input.sessions.slice(0, PROGRAMME_LIMITS.sessions).map((s, i) => {
    const path = ['sessions', i];
    for (const key of ['startsAt', 'endsAt'] as const) {
      const why = outsideMeeting(s[key], meeting, edition);
      if (why)
        errors.add([...path, key], 'OUTSIDE_MEETING', `${key} ${s[key].toISOString()} is ${why}.`);
    }
    if (s.endsAt.getTime() <= s.startsAt.getTime())
      errors.add(
        [...path, 'endsAt'],
        'END_BEFORE_START',
        `endsAt ${s.endsAt.toISOString()} is not after startsAt ${s.startsAt.toISOString()}.`,
      );
    const speakers = s.speakers ?? [];
    if (speakers.length > PROGRAMME_LIMITS.speakers)
      errors.add(
        [...path, 'speakers'],
        'TOO_MANY',
        `A session has at most ${PROGRAMME_LIMITS.speakers} speakers; ${speakers.length} were sent.`,
      );
    return {
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      title: text(errors, [...path, 'title'], s.title, PROGRAMME_LIMITS.title, true) ?? '',
      abstract: text(
        errors,
        [...path, 'abstract'],
        s.abstract,
        PROGRAMME_LIMITS.abstract,
        false,
        true,
      ),
      tentative: s.tentative ?? false,
      speakers: speakers
        .slice(0, PROGRAMME_LIMITS.speakers)
        .map((p, j) => checkSpeaker(errors, [...path, 'speakers', j], p)),
    };
  });
  return { chair, sessions };
}

const speakerOf = (p: ProgrammeSpeaker): SpeakerValues => ({
  name: p.name,
  role: p.role,
  organisation: p.organisation,
  namePublic: p.namePublic,
});

/** A meeting's stored rows as its programme (rows in any order). */
export function programmeOf(
  sessions: readonly ProgrammeSession[],
  speakers: readonly ProgrammeSpeaker[],
): Programme {
  const bySession = new Map<number, ProgrammeSpeaker[]>();
  let chair: SpeakerValues | null = null;
  for (const p of [...speakers].sort((a, b) => a.position - b.position)) {
    if (p.sessionId === null) chair = speakerOf(p);
    else bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), p]);
  }
  return {
    chair,
    sessions: [...sessions]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        title: s.title,
        abstract: s.abstract,
        tentative: s.tentative,
        speakers: (bySession.get(s.id) ?? []).map(speakerOf),
      })),
  };
}

/** The name the public reads: the speaker's own if they chose so, else none. */
export function publicName(speaker: Pick<SpeakerValues, 'name' | 'namePublic'>): string | null {
  return speaker.namePublic ? speaker.name : null;
}

/** A speaker as the public may read them: "Name, role, organisation", or without the name. */
export function publicSpeakerLine(speaker: SpeakerValues): string {
  return [publicName(speaker), speaker.role, speaker.organisation].filter(Boolean).join(', ');
}

/** The programmes of these meetings, by venue id: two statements, however many meetings. */
export async function programmesOf(
  db: Db | Tx,
  locationIds: readonly number[],
): Promise<Map<number, Programme>> {
  const out = new Map<number, Programme>();
  if (locationIds.length === 0) return out;
  const [sessions, speakers] = await Promise.all([
    db
      .select()
      .from(programmeSessions)
      .where(inArray(programmeSessions.locationId, [...locationIds]))
      .orderBy(asc(programmeSessions.locationId), asc(programmeSessions.position)),
    db
      .select()
      .from(programmeSpeakers)
      .where(inArray(programmeSpeakers.locationId, [...locationIds])),
  ]);
  for (const id of locationIds) {
    out.set(
      id,
      programmeOf(
        sessions.filter((s) => s.locationId === id),
        speakers.filter((p) => p.locationId === id),
      ),
    );
  }
  return out;
}

/** Replace a meeting's programme with the one sent: all of it, or (any problem) none of it. */
export async function setProgramme(
  db: Db,
  args: { location: Location; programme: ProgrammeFields; actor: Actor },
): Promise<WriteResult<Location>> {
  const [edition] = await db
    .select()
    .from(editions)
    .where(eq(editions.id, args.location.editionId));
  const errors = new UserErrors();
  errors.list.push(...closed(edition!, ['location']));
  if (errors.any) return { ok: false, errors: errors.list };
  try {
    const { row, changed } = await db.transaction(async (tx) => {
      // Lock the meeting: its times decide what fits, and two programmes sent at once queue.
      const [current] = await tx
        .select()
        .from(locations)
        .where(eq(locations.id, args.location.id))
        .for('update');
      const next = validateProgramme(errors, args.programme, current!, edition!);
      if (errors.any) throw new UserInputError(errors.list);
      const stored = (await programmesOf(tx, [current!.id])).get(current!.id)!;
      if (JSON.stringify(stored) === JSON.stringify(next)) return { row: current!, changed: false };
      // The speakers go with their sessions (cascade); the chair has none.
      await tx.delete(programmeSpeakers).where(eq(programmeSpeakers.locationId, current!.id));
      await tx.delete(programmeSessions).where(eq(programmeSessions.locationId, current!.id));
      const made = next.sessions.length
        ? await tx
            .insert(programmeSessions)
            .values(
              next.sessions.map(({ speakers: _s, ...s }, position) => ({
                ...s,
                position,
                locationId: current!.id,
              })),
            )
            .returning({ id: programmeSessions.id, position: programmeSessions.position })
        : [];
      const sessionIds = new Map(made.map((m) => [m.position, m.id]));
      const people = [
        ...(next.chair ? [{ ...next.chair, sessionId: null, position: 0 }] : []),
        ...next.sessions.flatMap((s, i) =>
          s.speakers.map((p, position) => ({ ...p, sessionId: sessionIds.get(i)!, position })),
        ),
      ];
      if (people.length)
        await tx
          .insert(programmeSpeakers)
          .values(people.map((p) => ({ ...p, locationId: current!.id })));
      const [row] = await tx
        .update(locations)
        .set({ updatedAt: sql`now()` })
        .where(eq(locations.id, current!.id))
        .returning();
      // Counts only: the trail names no speaker.
      await audit(tx, args.actor, [
        {
          locationId: row!.id,
          organisationId: row!.organisationId,
          action: 'SET_PROGRAMME',
          changes: {
            sessions: { from: stored.sessions.length, to: next.sessions.length },
            chair: { from: stored.chair !== null, to: next.chair !== null },
          },
        },
      ]);
      return { row: row!, changed: true };
    });
    const notices: VenueNotice[] = changed ? [{ edition: row.editionId }] : [];
    return { ok: true, value: row, notices };
  } catch (error) {
    if (error instanceof UserInputError) return { ok: false, errors: error.errors };
    throw error;
  }
}
