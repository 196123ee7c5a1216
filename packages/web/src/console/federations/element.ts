/**
 * The console's federations: each one's map tiles (setFederationTiles) and the target groups it
 * names beside the built-in ones, each with its name in the four languages
 * (setFederationTargetGroups, the whole list at once). Staff admins: the instance's see every
 * federation, a federation's own staff theirs alone.
 */
import { LANGS, type Lang } from '@tafel/schema';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translator } from '../../lib/i18n.ts';
import { ConsoleSection } from '../section.ts';
import { FEDERATIONS } from './messages.ts';

type Group = { code: string } & Record<Lang, string>;
interface Federation {
  slug: string;
  name: string;
  country: string;
  tiles: { url: string; attribution: string; licenceUrl: string | null } | null;
  targetGroups: Group[];
}

const LIST = /* GraphQL */ `
  query ConsoleFederations {
    viewer { federation }
    federations {
      slug name country tiles { url attribution licenceUrl }
      targetGroups { code nl: label(lang: NL) en: label(lang: EN) de: label(lang: DE) da: label(lang: DA) }
    }
  }
`;
const TILES = /* GraphQL */ `
  mutation ($input: SetFederationTilesInput!) {
    setFederationTiles(input: $input) { userErrors { field message code } }
  }
`;
const GROUPS = /* GraphQL */ `
  mutation ($input: SetFederationTargetGroupsInput!) {
    setFederationTargetGroups(input: $input) { userErrors { field message code } }
  }
`;

@customElement('tafel-section-federations')
export class TafelSectionFederations extends ConsoleSection {
  @state() private federations: Federation[] | null = null;
  /** The federation whose forms are open, and its groups as edited so far. */
  @state() private editing: { slug: string; groups: Group[] } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const data = await this.call<{
      viewer: { federation: string | null };
      federations: Federation[];
    }>(LIST, {});
    const mine = data?.viewer.federation;
    this.federations = (data?.federations ?? []).filter((f) => !mine || f.slug === mine);
  }

  private edit(f: Federation): void {
    this.errors = [];
    this.editing = { slug: f.slug, groups: f.targetGroups.map((g) => ({ ...g })) };
  }

  private async saveTiles(f: Federation, event: Event, clear = false): Promise<void> {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form')!;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const tiles = clear
      ? null
      : {
          url: value('url'),
          attribution: value('attribution'),
          licenceUrl: value('licenceUrl') || null,
        };
    if (!(await this.call(TILES, { input: { federation: f.slug, tiles } }, 'setFederationTiles')))
      return;
    this.status = translator(FEDERATIONS, this.language)('tilesSaved', { name: f.name });
    await this.load();
  }

  private async saveGroups(f: Federation, event: Event): Promise<void> {
    event.preventDefault();
    const targetGroups = this.editing!.groups.map(({ code, ...labels }) => ({
      code: code.trim(),
      labels: Object.fromEntries(LANGS.map((lang) => [lang, labels[lang].trim()])),
    }));
    const input = { federation: f.slug, targetGroups };
    if (!(await this.call(GROUPS, { input }, 'setFederationTargetGroups'))) return;
    this.status = translator(FEDERATIONS, this.language)('groupsSaved', { name: f.name });
    this.editing = null;
    await this.load();
  }

  /** The group's field changed: kept as typed until the list is saved. */
  private typed(i: number, key: 'code' | Lang, event: Event): void {
    const groups = [...this.editing!.groups];
    groups[i] = { ...groups[i]!, [key]: (event.target as HTMLInputElement).value };
    this.editing = { ...this.editing!, groups };
  }

  /** A refusal of one group's field (`targetGroups.<i>.code`, `…labels.<lang>`). */
  private groupError(i: number, key: string): string | undefined {
    return this.errors.find((e) => {
      const path = (e.field ?? []).map(String);
      const at = path.indexOf('targetGroups');
      return at >= 0 && path[at + 1] === String(i) && path.at(-1) === key;
    })?.message;
  }

  private groupInput(i: number, key: 'code' | Lang, label: string, value: string) {
    const id = `group-${i}-${key}`;
    const error = this.groupError(i, key);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
      <input id=${id} name=${key} .value=${value} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(event: Event) => this.typed(i, key, event)} />
    </div>`;
  }

  private groupsForm(f: Federation) {
    const t = translator(FEDERATIONS, this.language);
    const groups = this.editing!.groups;
    const blank = { code: '', nl: '', en: '', de: '', da: '' };
    return html`<form class="step" @submit=${(e: Event) => this.saveGroups(f, e)} novalidate
      aria-labelledby="groups-${f.slug}">
      <h4 id="groups-${f.slug}">${t('groups')}</h4>
      <p class="hint">${t('groupsHint')}</p>
      ${groups.map(
        (g, i) => html`<fieldset>
          <legend>${t('group', { n: i + 1 })}</legend>
          ${this.groupInput(i, 'code', t('code'), g.code)}
          ${LANGS.map((lang) => this.groupInput(i, lang, t('label', { lang }), g[lang]))}
          <button type="button" @click=${() => {
            this.editing = { ...this.editing!, groups: groups.filter((_, j) => j !== i) };
          }}>${t('removeGroup', { n: i + 1 })}</button>
        </fieldset>`,
      )}
      <div class="actions">
        <button type="button" @click=${() => {
          this.editing = { ...this.editing!, groups: [...groups, { ...blank }] };
        }}>${t('addGroup')}</button>
        <button type="submit" class="primary">${t('saveGroups')}</button>
      </div>
    </form>`;
  }

  private tilesForm(f: Federation) {
    const t = translator(FEDERATIONS, this.language);
    const input = (name: string, label: string, value: string, hint?: string) =>
      this.field(
        name,
        label,
        (describedBy, invalid) =>
          html`<input id="field-${name}" name=${name} .value=${value}
            aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} />`,
        hint,
      );
    return html`<form class="step" @submit=${(e: Event) => this.saveTiles(f, e)} novalidate
      aria-labelledby="tiles-${f.slug}">
      <h4 id="tiles-${f.slug}">${t('tiles')}</h4>
      ${input('url', t('tileUrl'), f.tiles?.url ?? '', t('tileUrlHint'))}
      ${input('attribution', t('attribution'), f.tiles?.attribution ?? '', t('attributionHint'))}
      ${input('licenceUrl', t('licenceUrl'), f.tiles?.licenceUrl ?? '')}
      <div class="actions">
        <button type="submit" class="primary">${t('saveTiles')}</button>
        ${f.tiles ? html`<button type="button" @click=${(e: Event) => this.saveTiles(f, e, true)}>${t('clearTiles')}</button>` : nothing}
      </div>
    </form>`;
  }

  private card(f: Federation) {
    const t = translator(FEDERATIONS, this.language);
    const open = this.editing?.slug === f.slug;
    return html`<li>
      <div class="card-head">
        <h3 id="federation-${f.slug}">${f.name}</h3>
        <span class="meta">${f.slug} · ${f.country}</span>
      </div>
      <p class="meta">
        ${t('tiles')}: ${f.tiles ? `${f.tiles.url} (${f.tiles.attribution})` : t('tilesNone')}
      </p>
      <p class="meta">
        ${t('groups')}: ${f.targetGroups.map((g) => `${g[this.language]} (${g.code})`).join(', ') || '—'}
      </p>
      ${
        open
          ? html`${this.summary()} ${this.tilesForm(f)} ${this.groupsForm(f)}`
          : html`<div class="actions">
              <button type="button" aria-label="${t('edit')}: ${f.name}" @click=${() => this.edit(f)}>
                ${t('edit')}
              </button>
            </div>`
      }
    </li>`;
  }

  override render() {
    const t = translator(FEDERATIONS, this.language);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.editing ? nothing : this.summary()} ${this.statusLine()}
      ${this.cardList(this.federations, (f) => this.card(f))}`;
  }
}
