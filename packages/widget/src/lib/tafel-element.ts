/**
 * What `<tafel-map>` and `<tafel-counter>` share: the attributes that say which API, edition,
 * language and slice of the edition to show, whether to stay live, and the notice. Each element
 * redeclares these fields with its own JSDoc, which the manifest takes as their description.
 */
import type { LocationFilter } from '@tafel/schema';
import { LitElement, type PropertyDeclarations } from 'lit';
import { onUnlessFalse } from './attributes.ts';
import { defaultEndpoint } from './graphql.ts';

export class TafelElement extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: { reflect: true },
    edition: { reflect: true },
    lang: {},
    organisation: { reflect: true },
    region: { reflect: true },
    live: { converter: onUnlessFalse },
    _notice: { state: true },
  };

  /** The GraphQL endpoint; defaults to `/graphql` on the origin that served this script. */
  declare endpoint: string | undefined;
  /** Required: the edition's slug, e.g. `nid-2027`. */
  declare edition: string | undefined;
  /** `nl`, `en`, `de` or `da`; defaults to the page's language, then Dutch. */
  declare lang: string;
  /** Only this organisation's venues (its slug). */
  declare organisation: string | undefined;
  /** Only this region, an ISO 3166-2 code such as `NL-UT`. */
  declare region: string | undefined;
  /** Live updates (on unless `live="false"`). */
  declare live: boolean;
  /** Empty, or what the notice says. */
  declare _notice: string;

  constructor() {
    super();
    this.live = true;
    this._notice = '';
  }
}

/** The endpoint an element talks to. */
export function endpointOf(element: { endpoint: string | undefined }): string {
  return element.endpoint || defaultEndpoint();
}

/** The slice of the edition an element shows (`organisation`, `region`), or none for all of it. */
export function filterOf(element: TafelElement): LocationFilter | undefined {
  const filter: LocationFilter = {};
  if (element.organisation) filter.organisation = element.organisation;
  if (element.region) filter.region = element.region;
  return Object.keys(filter).length ? filter : undefined;
}
