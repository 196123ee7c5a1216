/**
 * What a public answer depends on, read from the operation against the schema before it runs:
 * which types and fields it selects, and for which edition. The answer cache (http/cache.ts) tags
 * each kept answer with these and lets it go when a notice names one, so a participation write
 * does not throw away answers that show no counts, and a venue edit in one edition leaves other
 * editions' answers alone.
 *
 * Tags:
 * - `editions`, `organisations`: any field of those types (or a list of them).
 * - `venues:<slug>` / `venues:*`: the venues of one edition, or of any (no edition argument above).
 * - `counts:<slug>` / `counts:*`: the live counts of one edition's venues, or of any.
 * - `all`: a field this file does not know; every change lets the answer go.
 * - `never`: an answer that must be made afresh for each request (`joinForm`'s token says when
 *   the form was opened); it is never kept.
 *
 * Counts are what participation writes move: a venue's `participants` and `updatedAt` (a report
 * touches it, and so the `updatedSince` filter), its present per role (`seatsByRole`, `mixing`),
 * and every stats field. Where unsure, more tags,
 * never fewer: an answer kept too briefly costs one computation, one kept too long is wrong.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface Dependencies {
  /** Told of a change to any of these, the answer is old at once. */
  tags: string[];
  /** Told of a count change in any of these, the answer may be served within the staleness bound. */
  counts: string[];
}

/** The tag of an answer that is never kept. */
export const NEVER_KEPT = 'never';

/** The fields of a venue that a participation write changes (arrivals with a role move the last two). */
const COUNT_FIELDS = new Set(['participants', 'updatedAt', 'seatsByRole', 'mixing']);
/** Types that only carry lists and paging: what they list is tagged at the field that returns them. */
const STRUCTURAL = /^(Query|Organisation|Edition|Location)\w*Connection(Edge)?$|^PageInfo$|^Node$/;
/** Types of a venue's own parts (a meeting's programme too: `setProgramme` is a venue edit). */
const VENUE_PARTS = new Set([
  'Address',
  'Coordinates',
  'RemovedLocation',
  'RoleSeats',
  'RoleMixing',
  'Programme',
  'ProgrammeSession',
  'Speaker',
  // A story is public once published: publishing, rejecting and deleting announce its edition.
  'Story',
  'LocalizedText',
]);
/** Stats: counts, over the venues that match. */
const STATS_TYPES = new Set([
  'ParticipationStats',
  'StatBucket',
  'TimelinePoint',
  'StatsComparison',
  'MixingStats',
  'MixingSummary',
  'RegionMixing',
  // Organisations' counts of the federation's measures: a report announces its edition.
  'MeasureTotal',
  'MeasureBucket',
  'OutcomeTotals',
]);

/** The string an argument holds (a literal or a variable), or null. */
function stringArg(
  value: ValueNode | undefined,
  variables: Record<string, unknown>,
): string | null {
  if (!value) return null;
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' ? given : null;
  }
  return null;
}

class Collector {
  readonly tags = new Set<string>();
  readonly counts = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** Walk a selection on `type`, every field in it scoped to `scope` unless it names an edition itself. */
  walk(
    selections: SelectionSetNode,
    type: GraphQLNamedType | null | undefined,
    scope: string,
    seen: Set<string>,
  ): void {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) this.field(selection, type, scope, seen);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : type;
        this.walk(selection.selectionSet, on, scope, seen);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        this.walk(
          fragment.selectionSet,
          this.schema.getType(fragment.typeCondition.name.value),
          scope,
          new Set([...seen, fragment.name.value]),
        );
      }
    }
  }

  private field(
    node: FieldNode,
    type: GraphQLNamedType | null | undefined,
    outer: string,
    seen: Set<string>,
  ): void {
    const name = node.name.value;
    if (name.startsWith('__')) return;
    const edition = node.arguments?.find((a) => a.name.value === 'edition');
    const scope = edition ? (stringArg(edition.value, this.variables) ?? '*') : outer;
    this.tag(type?.name ?? '', name, scope, node);
    if (!node.selectionSet) return;
    const definition =
      type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
    const inner = definition ? getNamedType(definition.type) : undefined;
    if (!inner || !isCompositeType(inner)) {
      this.tags.add('all');
      return;
    }
    this.walk(node.selectionSet, inner, scope, seen);
  }

  private tag(parent: string, field: string, scope: string, node: FieldNode): void {
    const { tags, counts } = this;
    if (parent === 'Query') {
      if (field === 'edition' || field === 'editions') tags.add('editions');
      else if (field === 'organisation' || field === 'organisations') tags.add('organisations');
      else if (field === 'locations' || field === 'removedLocations' || field === 'location') {
        tags.add(`venues:${scope}`);
        // A report touches its venue's updatedAt: which venues changed since depends on counts.
        if (node.arguments?.some((a) => a.name.value === 'updatedSince'))
          counts.add(`counts:${scope}`);
      } else if (field === 'stats') {
        tags.add(`venues:${scope}`);
        counts.add(`counts:${scope}`);
      } else if (field === 'node' || field === 'nodes') {
        // Any type by ID; what is selected of it is tagged below, and the object itself may be any.
        tags.add('venues:*');
        tags.add('organisations');
        tags.add('editions');
      } else if (field === 'joinForm') tags.add(NEVER_KEPT);
      else if (field !== 'viewer') tags.add('all');
    } else if (parent === 'Location') {
      if (COUNT_FIELDS.has(field)) counts.add(`counts:${scope}`);
      else tags.add(`venues:${scope}`);
      // The host's and the co-hosts' names.
      if (field === 'organisation' || field === 'cohosts') tags.add('organisations');
      if (field === 'edition') tags.add('editions');
    } else if (parent === 'Organisation') {
      tags.add('organisations');
      if (field === 'locations') tags.add(`venues:${scope}`);
    } else if (
      parent === 'Edition' ||
      parent === 'Measure' ||
      parent === 'TileServer' ||
      parent === 'TargetGroupTerm'
    ) {
      // An edition's tiles and own target groups are its federation's: a change to them is
      // announced as the editions'.
      tags.add('editions');
      if (field === 'stories') tags.add(`venues:${scope}`);
    } else if (STATS_TYPES.has(parent)) {
      tags.add(`venues:${scope}`);
      counts.add(`counts:${scope}`);
      // Buckets carry organisations' names.
      if (field === 'byOrganisation') tags.add('organisations');
      // And a federation's own target groups' labels.
      if (field === 'byTargetGroup') tags.add('editions');
      // Another edition's numbers at the clock's minute: made afresh for each request (the
      // computation itself is kept a minute in the process).
      if (field === 'comparison') tags.add(NEVER_KEPT);
    } else if (VENUE_PARTS.has(parent)) {
      tags.add(`venues:${scope}`);
    } else if (parent === 'JoinForm') {
      tags.add(NEVER_KEPT);
    } else if (!STRUCTURAL.test(parent)) {
      tags.add('all');
    }
  }
}

/** What the answer to this operation (a query) depends on. */
export function dependenciesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): Dependencies {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const collector = new Collector(schema, fragments, variables);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION)
    return { tags: ['all'], counts: [] };
  collector.walk(operation.selectionSet, schema.getRootType(operation.operation), '*', new Set());
  return { tags: [...collector.tags].sort(), counts: [...collector.counts].sort() };
}
