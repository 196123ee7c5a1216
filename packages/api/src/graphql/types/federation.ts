/**
 * Federations: `Federation` with its series, its membership over time and its tile server, the
 * `federation` and `federations` queries, the federation an edition or series belongs to (and the
 * edition's tiles), and `setFederationTiles`.
 */
import type { Federation } from '../../db/schema.ts';
import { auditActorOf } from '../../locations/audit.ts';
import { requireInFederation } from '../../locations/federation-scope.ts';
import {
  checkRange,
  federationsOfSeries,
  MEMBERSHIP_STEPS,
  type MembershipPoint,
  membershipOver,
  membersOn,
} from '../../locations/federations.ts';
import {
  checkTiles,
  MAX_ATTRIBUTION,
  MAX_TILE_URL,
  setFederationTiles,
  type TileServer,
  tilesOf,
  unknownFederation,
} from '../../locations/tiles.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { EditionRef } from './edition.ts';
import { SeriesRef } from './series.ts';
import { type UserError, UserErrorRef } from './user-error.ts';

const MembershipStepEnum = builder.enumType('MembershipStep', {
  description: 'The step between the points of a federation’s membership over time.',
  values: Object.fromEntries(MEMBERSHIP_STEPS.map((s) => [s, { value: s }])),
});

const MembershipPointRef = builder.objectRef<MembershipPoint>('MembershipPoint').implement({
  description: 'A federation’s members on one day.',
  fields: (t) => ({
    on: t.expose('on', { type: 'Date', description: 'The day.' }),
    members: t.exposeInt('members', {
      description: 'Member organisations that day: joined on or before it, not yet left.',
    }),
    joined: t.exposeInt('joined', {
      description:
        'Organisations that joined since the point before (for the first point: on or before it).',
    }),
    left: t.exposeInt('left', {
      description: 'Organisations that left since the point before (0 for the first point).',
    }),
  }),
});

const TileServerRef = builder.objectRef<TileServer>('TileServer').implement({
  description:
    'Where a map’s tiles come from and how they are credited. Public: a map shows both to every visitor.',
  fields: (t) => ({
    url: t.exposeString('url', {
      description:
        'The tile URL template, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`: `{z}`, `{x}` and `{y}` are the zoom level and the tile’s column and row (`{s}` a subdomain, as Leaflet fills them in).',
    }),
    attribution: t.exposeString('attribution', {
      description:
        'The credit the tiles’ licence asks for, as plain text (never HTML), e.g. `© SDFI, CC BY 4.0`.',
    }),
    licenceUrl: t.expose('licenceUrl', {
      type: 'URL',
      nullable: true,
      description:
        'The licence’s (or the provider’s terms’) address; a map links the attribution to it.',
    }),
  }),
});

const TileServerInput = builder.inputType('TileServerInput', {
  description: 'A tile server and its credit.',
  fields: (t) => ({
    url: t.string({
      required: true,
      description: `The tile URL template: https, with \`{z}\`, \`{x}\` and \`{y}\` (e.g. \`https://tiles.example.org/{z}/{x}/{y}.png\`), at most ${MAX_TILE_URL} characters. Plain http only for localhost and 127.0.0.1.`,
    }),
    attribution: t.string({
      required: true,
      description: `The credit the licence asks for, as plain text (no \`<\`), 1–${MAX_ATTRIBUTION} characters, e.g. \`© SDFI, CC BY 4.0\`.`,
    }),
    licenceUrl: t.field({
      type: 'URL',
      description: 'The licence’s address (http or https); the map links the attribution to it.',
    }),
  }),
});

const SetFederationTilesInput = builder.inputType('SetFederationTilesInput', {
  description: 'A federation’s tile server, or none.',
  fields: (t) => ({
    federation: t.string({ required: true, description: 'The federation’s slug.' }),
    tiles: t.field({
      type: TileServerInput,
      description:
        'Its tile server; null (or left out) clears it: its editions’ maps then use the instance’s default.',
    }),
  }),
});

/** A day argument: YYYY-MM-DD; today (UTC) when not given. */
const today = () => new Date().toISOString().slice(0, 10);

export const FederationRef = builder.drizzleNode('federations', {
  name: 'Federation',
  description:
    'The network whose members host the tables: e.g. the Nationaal Integratiediner, Altinget’s integration network, Wir zusammen. One Tafel serves several; each has its series (and editions) and its member organisations, each with the day it joined.',
  id: { column: (f) => f.id },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable short name, e.g. `wir-zusammen`.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    country: t.exposeString('country', {
      description: 'ISO 3166-1 alpha-2: where its editions are held unless they say otherwise.',
    }),
    tiles: t.field({
      type: TileServerRef,
      nullable: true,
      description:
        'The tile server its editions’ maps show; null: the instance’s default (the map’s own).',
      resolve: (f) => tilesOf(f),
    }),
    series: t.relation('series', {
      description: 'Its series of editions.',
      query: { orderBy: { slug: 'asc' } },
    }),
    members: t.int({
      description: 'Member organisations on a day (default: today, UTC).',
      args: { on: t.arg({ type: 'Date', description: 'The day, YYYY-MM-DD.' }) },
      resolve: (f, args, ctx) => membersOn(ctx.db, f.id, args.on ?? today()),
    }),
    membership: t.field({
      type: [MembershipPointRef],
      description: `Its members over time, from joined (and left) dates: on \`from\`, every step after it, and on \`to\`. At most 400 points. "Aus 36 sind rund 170 Mitglieder geworden" is \`membership(from: <launch>, to: <a year later>, every: MONTH)\`.`,
      args: {
        from: t.arg({ type: 'Date', required: true, description: 'The first day.' }),
        to: t.arg({ type: 'Date', required: true, description: 'The last day.' }),
        every: t.arg({
          type: MembershipStepEnum,
          defaultValue: 'MONTH',
          description: 'The step between points.',
        }),
      },
      resolve: (f, args, ctx) => {
        const every = args.every ?? 'MONTH';
        const [problem] = checkRange(args.from, args.to, every);
        if (problem) throw badInput(String(problem.field?.at(-1) ?? 'from'), problem.message);
        return membershipOver(ctx.db, f.id, args.from, args.to, every);
      },
    }),
  }),
});

builder.drizzleObjectFields(SeriesRef, (t) => ({
  federation: t.relation('federation', {
    nullable: true,
    description: 'The federation that holds it; null for the instance’s own.',
  }),
}));

const seriesFederations = new WeakMap<Context, Promise<Map<number, Federation>>>();

/** The federation whose edition it is; one statement per request, however many editions it lists. */
async function federationOf(seriesId: number | null, ctx: Context): Promise<Federation | null> {
  if (seriesId === null) return null;
  let known = seriesFederations.get(ctx);
  if (!known) {
    known = federationsOfSeries(ctx.db);
    seriesFederations.set(ctx, known);
  }
  return (await known).get(seriesId) ?? null;
}

builder.drizzleObjectFields(EditionRef, (t) => ({
  federation: t.field({
    type: FederationRef,
    nullable: true,
    description:
      'The federation whose edition it is (through its series); null for the instance’s own.',
    resolve: (e, _args, ctx) => federationOf(e.seriesId, ctx),
  }),
  tiles: t.field({
    type: TileServerRef,
    nullable: true,
    description:
      'The tile server its maps show: its federation’s. Null when its federation has none, or it has no federation: a map then uses its own default.',
    resolve: async (e, _args, ctx) => {
      const federation = await federationOf(e.seriesId, ctx);
      return federation ? tilesOf(federation) : null;
    },
  }),
}));

builder.queryFields((t) => ({
  federation: t.drizzleField({
    type: 'federations',
    nullable: true,
    description: 'One federation by its slug; null if there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Its slug, e.g. `wir-zusammen`.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.federations.findFirst(query({ where: { slug: args.slug } })),
  }),
  federations: t.drizzleField({
    type: ['federations'],
    description: 'Every federation this Tafel serves, by slug.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.federations.findMany(query({ orderBy: { slug: 'asc' } })),
  }),
}));

const SetFederationTilesPayload = builder
  .objectRef<{ federation: Federation | null; userErrors: UserError[] }>(
    'SetFederationTilesPayload',
  )
  .implement({
    description:
      'The federation after the change (null if refused), and what was wrong with the input.',
    fields: (t) => ({
      federation: t.field({
        type: FederationRef,
        nullable: true,
        description: 'The federation, with its tiles as stored.',
        resolve: (p) => p.federation,
      }),
      userErrors: t.field({
        type: [UserErrorRef],
        description: 'Empty when it was stored.',
        resolve: (p) => p.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  setFederationTiles: t.field({
    type: SetFederationTilesPayload,
    description:
      'Staff (the instance’s, or that federation’s admins and staff keys): set the tile server the federation’s editions’ maps show, or clear it (`tiles: null`). Refused, nothing changed: a URL that is not https or lacks `{z}`, `{x}` or `{y}` (INVALID_URL, INVALID), an attribution empty, too long or with HTML in it (REQUIRED, TOO_LONG, INVALID), an unknown federation (NOT_FOUND).',
    args: { input: t.arg({ type: SetFederationTilesInput, required: true }) },
    authScopes: { staff: true },
    resolve: async (_root, { input }, ctx) => {
      let tiles: TileServer | null = null;
      if (input.tiles) {
        const checked = checkTiles(input.tiles);
        if ('userErrors' in checked) return { federation: null, userErrors: checked.userErrors };
        tiles = checked.tiles;
      }
      await requireInFederation(ctx.db, ctx.viewer, { federation: input.federation });
      const row = await setFederationTiles(
        ctx.db,
        auditActorOf(ctx.viewer!),
        input.federation,
        tiles,
      );
      if (!row) return { federation: null, userErrors: [unknownFederation(input.federation)] };
      ctx.live.announce([{ table: 'editions' }]);
      return { federation: row, userErrors: [] };
    },
  }),
}));
