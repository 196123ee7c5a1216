/**
 * The search form above the map (text search, the meal, target group and region filters, "near
 * me", the list's and the legend's toggles), and what the visitor chose in it, as a Lit reactive
 * controller.
 */

import {
  type Lang,
  type LocationFilter,
  type MapEditionRegions,
  MEALS,
  type Meal,
  type OwnGroup,
  TARGET_GROUPS,
  type TargetGroup,
} from '@tafel/schema';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { parseMeals, parseTargetGroups } from './attributes.ts';
import { languageNames } from './format.ts';
import { formatNumber, t } from './i18n.ts';
import { groupLabel } from './popup.ts';
import type { MapEdition } from './venues.ts';

/** An ISO 3166-2 code, for a region a link names before the edition's regions are known. */
const REGION_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** The facilities a visitor (or the `facilities` attribute) may ask for, and their filter fields. */
const FACILITIES = {
  interpreter: ['interpreter', 'interpreter'],
  wheelchair: ['wheelchairAccessible', 'wheelchair'],
  'hearing-loop': ['hearingLoop', 'hearingLoop'],
} as const;
type Facility = keyof typeof FACILITIES;

/** Language codes (`ar ti`, `ar,ti`) as the API takes them. */
const codes = (value: string | undefined) =>
  (value ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);

/** The text search asks the API once typing pauses this long. */
const SEARCH_DELAY = 250;

/** What the visitor chose, as text (for a link to it); empty is "all". */
export interface Chosen {
  search?: string | undefined;
  meal?: string | undefined;
  group?: string | undefined;
  region?: string | undefined;
  language?: string | undefined;
  facility?: string | undefined;
}

/** The presets a map's attributes give. */
export interface FilterHost extends ReactiveControllerHost {
  organisation: string | undefined;
  region: string | undefined;
  meals: string | undefined;
  targetGroups: string | undefined;
  languages: string | undefined;
  facilities: string | undefined;
  /** The edition as the API told it (null until it has answered): its regions. */
  _edition: MapEdition | null;
}

export class FilterController implements ReactiveController {
  #host: FilterHost;
  #changed: () => void;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  search = '';
  meal: Meal | '' = '';
  /** A built-in group, or one of the edition's federation's own (`own`). */
  targetGroup = '';
  region = '';
  language = '';
  facility: Facility | '' = '';

  /** `changed` runs when the visitor changed a filter (a search once typing pauses). */
  constructor(host: FilterHost, changed: () => void) {
    this.#host = host;
    this.#changed = changed;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
  }

  /** The preset filter from the attributes: the map's whole picture. */
  get preset(): LocationFilter {
    const host = this.#host;
    const filter: LocationFilter = {};
    if (host.organisation) filter.organisation = host.organisation;
    if (host.region) filter.region = host.region;
    const meals = parseMeals(host.meals);
    if (meals.length) filter.meals = meals;
    const groups = parseTargetGroups(host.targetGroups);
    if (groups.length) filter.targetGroups = groups;
    const langs = codes(host.languages);
    if (langs.length) filter.languages = langs;
    for (const key of codes(host.facilities))
      if (key in FACILITIES) filter[FACILITIES[key as Facility][0]] = true;
    return filter;
  }

  /** The preset plus what the visitor chose. */
  get filter(): LocationFilter {
    const filter = this.preset;
    if (this.meal) filter.meals = [this.meal];
    if (TARGET_GROUPS.includes(this.targetGroup as TargetGroup))
      filter.targetGroups = [this.targetGroup as TargetGroup];
    else if (this.targetGroup) filter.ownTargetGroups = [this.targetGroup];
    if (this.region && !this.#host.region) filter.region = this.region;
    if (this.language) filter.languages = [this.language];
    if (this.facility) filter[FACILITIES[this.facility][0]] = true;
    const search = this.search.trim();
    if (search) filter.search = search;
    return filter;
  }

  get chosen(): Chosen {
    return {
      search: this.search.trim(),
      meal: this.meal,
      group: this.targetGroup,
      region: this.#host.region ? '' : this.region,
      language: this.language,
      facility: this.facility,
    };
  }

  /**
   * Choose as a link says, in place of what was chosen: what the presets do not offer (or the
   * vocabulary does not know) is left out. Whether the filter changed.
   */
  choose(chosen: Chosen): boolean {
    const host = this.#host;
    const pick = <T extends string>(
      value: string | undefined,
      preset: readonly T[],
      all: readonly T[],
    ): T | '' => (preset.length ? preset : all).find((v) => v === value) ?? '';
    const before = JSON.stringify(this.filter);
    this.search = (chosen.search ?? '').slice(0, 200);
    this.meal = pick(chosen.meal, parseMeals(host.meals), MEALS);
    const group = chosen.group ?? '';
    // A federation's own group by its code's shape: a link is read before the edition has answered.
    this.targetGroup =
      pick(group, parseTargetGroups(host.targetGroups), TARGET_GROUPS) ||
      (!host.targetGroups && /^[A-Z][A-Z0-9_]{1,39}$/.test(group) ? group : '');
    const language = chosen.language ?? '';
    this.language = /^[a-z]{2,3}$/.test(language) ? language : '';
    this.facility =
      chosen.facility && chosen.facility in FACILITIES ? (chosen.facility as Facility) : '';
    const region = chosen.region ?? '';
    this.region =
      !host.region && (host._edition?.nl.some((r) => r.code === region) ?? REGION_CODE.test(region))
        ? region
        : '';
    host.requestUpdate();
    return JSON.stringify(this.filter) !== before;
  }

  /** Whether the visitor narrowed the preset set. */
  get active(): boolean {
    return Boolean(
      this.meal ||
        this.targetGroup ||
        this.language ||
        this.facility ||
        (this.region && !this.#host.region) ||
        this.search.trim(),
    );
  }

  /** The form, its handlers bound to this controller. */
  template(
    lang: Lang,
    listOpen: boolean,
    legendOpen: boolean,
    count: number,
    on: Pick<FiltersHandlers, 'nearMe' | 'toggleList' | 'toggleLegend' | 'legendKey'>,
    spoken: string[] = [],
  ): TemplateResult {
    const host = this.#host;
    const view: FiltersView = {
      lang,
      presetMeals: parseMeals(host.meals),
      presetGroups: parseTargetGroups(host.targetGroups),
      presetRegion: Boolean(host.region),
      regions: host._edition,
      search: this.search,
      meal: this.meal,
      targetGroup: this.targetGroup,
      region: this.region,
      languages: codes(host.languages).length ? codes(host.languages) : spoken,
      language: this.language,
      facility: this.facility,
      listOpen,
      legendOpen,
      count,
    };
    return filtersTemplate(view, { ...on, search: this.#onSearch, select: this.#onSelect });
  }

  #onSearch = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#changed(), SEARCH_DELAY);
  };

  #onSelect = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    if (select.name === 'meal') this.meal = value as Meal | '';
    else if (select.name === 'targetGroup') this.targetGroup = value;
    else if (select.name === 'more') {
      // One drop-down for the rest: a facility, or (`:ar`) a language spoken.
      this.language = value.startsWith(':') ? value.slice(1) : '';
      this.facility = value.startsWith(':') ? '' : (value as Facility | '');
    } else this.region = value;
    this.#host.requestUpdate();
    this.#changed();
  };
}

export interface FiltersView {
  lang: Lang;
  /** The meals the map is limited to (all when empty): the meal filter offers only these. */
  presetMeals: Meal[];
  /** The target groups the map is limited to (all when empty). */
  presetGroups: TargetGroup[];
  /** Whether the map is limited to one region: then it has no region filter. */
  presetRegion: boolean;
  /** The edition's regions (its codes under `nl`, the names in each language in the same order): what the region filter offers. */
  regions: (MapEditionRegions & { own?: OwnGroup[] }) | null;
  search: string;
  meal: Meal | '';
  targetGroup: string;
  region: string;
  /** The languages the language filter offers: the attribute's, else those the venues speak. */
  languages: string[];
  language: string;
  facility: Facility | '';
  listOpen: boolean;
  legendOpen: boolean;
  /** How many venues are shown. */
  count: number;
}

export interface FiltersHandlers {
  search(event: Event): void;
  /** A drop-down changed; its `name` says which. */
  select(event: Event): void;
  nearMe(): void;
  toggleList(): void;
  toggleLegend(): void;
  /** A key on the legend's toggle (Escape closes the legend). */
  legendKey(event: KeyboardEvent): void;
}

export function filtersTemplate(view: FiltersView, on: FiltersHandlers): TemplateResult {
  const { lang } = view;
  const meals = view.presetMeals.length ? view.presetMeals : MEALS;
  const own = view.regions?.own;
  const groups = view.presetGroups.length
    ? view.presetGroups
    : [...TARGET_GROUPS, ...(own?.map((g) => g.code) ?? [])];
  const option = (value: string, current: string) =>
    html`<option value=${value} .selected=${value === current}>${groupLabel(value, lang, own)}</option>`;
  return html`<form part="filters" class="filters" role="search" aria-label=${t(lang, 'filters')} @submit=${(e: Event) => e.preventDefault()}>
    <input
      part="search"
      type="search"
      name="search"
      .value=${view.search}
      placeholder=${t(lang, 'search')}
      aria-label=${t(lang, 'search')}
      autocomplete="off"
      @input=${on.search}
    />
    ${
      meals.length > 1
        ? html`<select part="select" name="meal" aria-label=${t(lang, 'meal')} @change=${on.select}>
          <option value="" .selected=${!view.meal}>${t(lang, 'allMeals')}</option>
          ${meals.map((m) => option(m, view.meal))}
        </select>`
        : nothing
    }
    ${
      groups.length > 1
        ? html`<select part="select" name="targetGroup" aria-label=${t(lang, 'targetGroup')} @change=${on.select}>
          <option value="" .selected=${!view.targetGroup}>${t(lang, 'allTargetGroups')}</option>
          ${groups.map((g) => option(g, view.targetGroup))}
        </select>`
        : nothing
    }
    ${
      view.presetRegion
        ? nothing
        : html`<select part="select" name="region" aria-label=${t(lang, 'region')} @change=${on.select}>
          <option value="" .selected=${!view.region}>${t(lang, 'allRegions')}</option>
          ${view.regions?.nl.map(
            ({ code }, i) =>
              html`<option value=${code} .selected=${code === view.region}>${view.regions![lang][i]?.name}</option>`,
          )}
        </select>`
    }
    <select part="select" name="more" aria-label=${t(lang, 'facility')} @change=${on.select}>
      <option value="" .selected=${!view.facility && !view.language}>${t(lang, 'anyFacility')}</option>
      ${(Object.keys(FACILITIES) as Facility[]).map((key) => html`<option value=${key} .selected=${key === view.facility}>${t(lang, FACILITIES[key][1])}</option>`)}
      ${
        view.languages.length > 1
          ? html`<optgroup label=${t(lang, 'language')}>
          ${view.languages.map((code) => html`<option value=${`:${code}`} .selected=${code === view.language}>${languageNames(lang, [code])}</option>`)}
        </optgroup>`
          : nothing
      }
    </select>
    <button part="button near-me" type="button" @click=${on.nearMe}>${t(lang, 'nearMe')}</button>
    <button
      part="button legend-toggle"
      type="button"
      aria-expanded=${view.legendOpen ? 'true' : 'false'}
      aria-controls="legend"
      @click=${on.toggleLegend}
      @keydown=${on.legendKey}
    >
      ${t(lang, 'legend')}
    </button>
    <button
      part="button list-toggle"
      type="button"
      aria-expanded=${view.listOpen ? 'true' : 'false'}
      aria-controls="list"
      @click=${on.toggleList}
    >
      ${t(lang, 'showList')} (${formatNumber(lang, view.count)})
    </button>
  </form>`;
}
