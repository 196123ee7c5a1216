import { COUNTRY_LANGS, type CountryCode, type Lang, regionsOf } from '@tafel/schema';
import type { Db } from '../../db/client.ts';
import type { Edition } from '../../db/schema.ts';
import { editionBySlug, unknownEdition } from '../../locations/editions.ts';
import type { UserError } from '../../locations/errors.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { EditionStatusEnum, LanguageEnum } from './enums.ts';

const PressContactRef = builder
  .objectRef<{ name: string | null; email: string | null; phone: string | null }>('PressContact')
  .implement({
    description: 'The federation’s press contact for an edition.',
    fields: (t) => ({
      name: t.exposeString('name', { nullable: true, description: 'Their name.' }),
      email: t.exposeString('email', { nullable: true, description: 'An e-mail address.' }),
      phone: t.exposeString('phone', {
        nullable: true,
        description: 'A phone number, as written (e.g. `+31 20 123 4567`).',
      }),
    }),
  });

const RegionRef = builder.objectRef<{ code: string; name: string }>('Region').implement({
  description: 'A region of a country (an ISO 3166-2 subdivision: a province, Land or region).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 3166-2 code, e.g. `NL-UT` or `DK-84`.' }),
    name: t.exposeString('name', { description: 'The region’s name in the language asked for.' }),
  }),
});

export const EditionRef = builder.drizzleNode('editions', {
  name: 'Edition',
  description: 'One event day of the federation, e.g. `nid-2027`.',
  id: { column: (e) => e.id },
  fields: (t) => ({
    slug: t.exposeString('slug', {
      description: 'Stable short name used in every query, e.g. `nid-2027`.',
    }),
    name: t.exposeString('name', {
      description: 'The name of the day, e.g. "Nationaal Integratiediner 2027".',
    }),
    date: t.expose('date', {
      type: 'Date',
      description:
        'The event day in the edition’s time zone; for an edition that spans days, its first day.',
    }),
    endDate: t.expose('endDate', {
      type: 'Date',
      nullable: true,
      description:
        'The last day of an edition that spans days (a programme of meetings across a year); null for one day. Venues’ times fall within `date`…`endDate`.',
    }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA time zone of the day, e.g. `Europe/Amsterdam`.',
    }),
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2 country code.' }),
    regions: t.field({
      type: [RegionRef],
      description:
        'The regions of the edition’s country, in code order: what a venue’s `address.region` may be, and what a region filter offers.',
      args: {
        lang: t.arg({
          type: LanguageEnum,
          required: false,
          description: 'The language of the names; without it, the country’s own (Danish for DK).',
        }),
      },
      resolve: (e, args) => {
        const lang = (args.lang ?? COUNTRY_LANGS[e.country as CountryCode] ?? 'en') as Lang;
        return regionsOf(e.country).map(({ code, labels }) => ({ code, name: labels[lang] }));
      },
    }),
    status: t.expose('status', {
      type: EditionStatusEnum,
      description: 'PLANNED, OPEN, CLOSED, CANCELLED or POSTPONED.',
    }),
    statusReason: t.exposeString('statusReason', {
      nullable: true,
      description: 'Why the edition was cancelled or postponed, as staff told it; null otherwise.',
    }),
    postponedFrom: t.expose('postponedFrom', {
      type: 'Date',
      nullable: true,
      description: 'The day the edition had before it was last postponed; null if never.',
    }),
    mixingMinGroup: t.exposeInt('mixingMinGroup', {
      nullable: true,
      description:
        'The least group size of the measure of mixing set for this edition (updateEdition); null: the server’s default (see `stats { mixing { total { minGroupSize } } }`).',
    }),
    requireApproval: t.exposeBoolean('requireApproval', {
      description:
        'Whether a new organisation’s venues wait for staff approval before they go public.',
    }),
    pressContact: t.field({
      type: PressContactRef,
      nullable: true,
      description:
        'Whom journalists contact about this edition; null when staff gave none. Public: staff enter it for that purpose.',
      resolve: (e) =>
        e.pressContactName || e.pressContactEmail || e.pressContactPhone
          ? { name: e.pressContactName, email: e.pressContactEmail, phone: e.pressContactPhone }
          : null,
    }),
  }),
});

builder.queryFields((t) => ({
  editions: t.drizzleField({
    type: ['editions'],
    description: 'Every edition, newest day first.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.editions.findMany(query({ orderBy: { date: 'desc', id: 'desc' } })),
  }),
  edition: t.drizzleField({
    type: 'editions',
    nullable: true,
    description: 'One edition by its slug; null if there is none.',
    args: {
      slug: t.arg.string({ required: true, description: 'The edition’s slug, e.g. `nid-2027`.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.editions.findFirst(query({ where: { slug: args.slug } })),
  }),
}));

/** The id of an edition, for reads: found by slug (kept by the app's EditionIds), or a GraphQL error that names the argument. */
export async function requireEdition(
  ctx: Pick<Context, 'db' | 'editions'>,
  slug: string,
  argument = 'edition',
): Promise<{ id: number }> {
  const id = await ctx.editions.idOf(ctx.db, slug);
  if (id === null) throw badInput(argument, `no edition with slug "${slug.slice(0, 60)}".`);
  return { id };
}

/** Find an edition by slug, or a NOT_FOUND userError for a mutation's payload. */
export async function requireEditionOrError(
  db: Db,
  slug: string,
  field: string[] = ['edition'],
): Promise<Edition | UserError[]> {
  return (await editionBySlug(db, slug)) ?? [unknownEdition(slug, field)];
}
