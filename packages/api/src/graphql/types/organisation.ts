import { count, ilike, or, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema.ts';
import { likePattern, MAX_SEARCH_LENGTH } from '../../locations/filter.ts';
import { publicVenue } from '../../locations/visibility.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { checkPage } from '../paging.ts';
import { OrganisationKindEnum } from './enums.ts';

export const OrganisationRef = builder.drizzleNode('organisations', {
  name: 'Organisation',
  description: 'A member organisation: a company, municipality, charity, mosque or church, school…',
  id: { column: (o) => o.id },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable short name, e.g. `asito`.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    kind: t.expose('kind', {
      type: OrganisationKindEnum,
      description: 'What kind of organisation this is.',
    }),
    website: t.expose('website', {
      type: 'URL',
      nullable: true,
      description: 'The organisation’s website.',
    }),
    logoUrl: t.expose('logoUrl', { type: 'URL', nullable: true, description: 'A logo image URL.' }),
    locations: t.relatedConnection('locations', {
      description:
        'This organisation’s public venues in an edition. For the count, ask `locations(edition, filter: { organisation }) { totalCount }`.',
      args: { edition: t.arg.string({ required: true, description: 'Edition slug.' }) },
      // No totalCount here: @pothos/plugin-drizzle 0.20 renders the related count with a broken
      // join condition on drizzle 1.0.0-rc.5 (a SQL syntax error).
      query: (args) => ({
        where: {
          RAW: (l) =>
            sql`${l.editionId} = (SELECT id FROM editions WHERE slug = ${args.edition}) AND ${publicVenue(l)}`,
        },
        orderBy: { id: 'asc' },
      }),
    }),
  }),
});

builder.queryFields((t) => ({
  organisation: t.drizzleField({
    type: 'organisations',
    nullable: true,
    description: 'One organisation by its slug; null if there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The organisation’s slug.' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.organisations.findFirst(query({ where: { slug: args.slug } })),
  }),
  organisations: t.drizzleConnection({
    type: 'organisations',
    description: 'Member organisations, by name.',
    args: {
      search: t.arg.string({ description: 'Part of the name or slug, case-insensitive.' }),
    },
    totalCount: async (_parent, args, ctx) => {
      checkPage(args);
      const [row] = await ctx.db
        .select({ n: count() })
        .from(organisations)
        .where(organisationSearch(args.search));
      return row?.n ?? 0;
    },
    resolve: (query, _root, args, ctx) => {
      checkPage(args);
      const search = args.search?.trim();
      return ctx.db.query.organisations.findMany(
        query({
          where: search
            ? { OR: [{ name: { ilike: likeOf(search) } }, { slug: { ilike: likeOf(search) } }] }
            : {},
          orderBy: { name: 'asc' },
        }),
      );
    },
  }),
}));

/** The LIKE pattern of a search, refused when too long. */
export function likeOf(text: string): string {
  if (text.length > MAX_SEARCH_LENGTH)
    throw badInput('search', `at most ${MAX_SEARCH_LENGTH} characters (got ${text.length}).`);
  return likePattern(text);
}

function organisationSearch(search: string | null | undefined) {
  const text = search?.trim();
  if (!text) return undefined;
  return or(ilike(organisations.name, likeOf(text)), ilike(organisations.slug, likeOf(text)));
}
