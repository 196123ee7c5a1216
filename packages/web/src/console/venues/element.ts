/**
 * The console's venues: those of an edition waiting for approval, each to approve (a reason if
 * wished) or reject (with a reason), and any published venue to unpublish (with a reason); and
 * the stories hosts added after the day, each to approve (publish) or reject. Staff admins and
 * moderators. Only a published story is ever public.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translator } from '../../lib/i18n.ts';
import { type EditionChoice, editionChoices } from '../editions-select.ts';
import { CONSOLE } from '../messages.ts';
import { ConsoleSection } from '../section.ts';
import { VENUES } from './messages.ts';

interface Venue {
  id: string;
  name: string;
  organisation: { name: string };
  address: { city: string | null } | null;
}

interface Story {
  id: string;
  quote: string;
  language: string;
  attribution: string | null;
  location: Venue;
}

type Action = 'approve' | 'reject' | 'unpublish';

const VENUE = 'id name organisation { name } address { city }';
const WAITING = /* GraphQL */ `
  query Waiting($edition: String!) {
    locationsAwaitingApproval(edition: $edition, first: 200) { nodes { ${VENUE} } }
  }
`;
const STORIES = /* GraphQL */ `
  query WaitingStories($edition: String!) {
    storiesAwaitingModeration(edition: $edition, first: 200) {
      nodes { id quote language attribution location { ${VENUE} } }
    }
  }
`;
const PUBLISHED = /* GraphQL */ `
  query Published($edition: String!, $search: String) {
    locations(edition: $edition, first: 20, filter: { search: $search }) { nodes { ${VENUE} } }
  }
`;
const MUTATIONS: Record<Action, { field: string; input: string; reasonRequired: boolean }> = {
  approve: { field: 'approveLocation', input: 'ApproveLocationInput', reasonRequired: false },
  reject: { field: 'rejectLocation', input: 'RejectLocationInput', reasonRequired: true },
  unpublish: { field: 'unpublishLocation', input: 'UnpublishLocationInput', reasonRequired: true },
};
/** A story's steps: approving one publishes it. */
const STORY_MUTATIONS: Partial<typeof MUTATIONS> = {
  approve: { field: 'publishStory', input: 'PublishStoryInput', reasonRequired: false },
  reject: { field: 'rejectStory', input: 'RejectStoryInput', reasonRequired: true },
};
const DONE = { approve: 'approved', reject: 'rejected', unpublish: 'unpublished' } as const;
const TITLE = {
  approve: 'approveTitle',
  reject: 'rejectTitle',
  unpublish: 'unpublishTitle',
} as const;

@customElement('tafel-section-moderation')
export class TafelSectionVenues extends ConsoleSection {
  @state() private editions: EditionChoice[] = [];
  @state() private edition = '';
  @state() private waiting: Venue[] | null = null;
  /** Stories waiting, by their ID: each shown as a card of its own. */
  @state() private stories: Map<string, Story> | null = null;
  @state() private found: Venue[] | null = null;
  @state() private acting: { venue: Venue; action: Action } | null = null;
  private search = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void editionChoices().then((editions) => {
      this.editions = editions;
      this.edition = editions[0]?.slug ?? '';
      void this.load();
    });
  }

  private async load(): Promise<void> {
    if (!this.edition) return;
    const data = await this.call<{ locationsAwaitingApproval: { nodes: Venue[] } }>(WAITING, {
      edition: this.edition,
    });
    this.waiting = data?.locationsAwaitingApproval.nodes ?? [];
    const stories = await this.call<{ storiesAwaitingModeration: { nodes: Story[] } }>(STORIES, {
      edition: this.edition,
    });
    this.stories = new Map((stories?.storiesAwaitingModeration.nodes ?? []).map((s) => [s.id, s]));
    if (this.search) await this.findPublished();
  }

  private async findPublished(): Promise<void> {
    const data = await this.call<{ locations: { nodes: Venue[] } }>(PUBLISHED, {
      edition: this.edition,
      search: this.search,
    });
    this.found = data?.locations.nodes ?? [];
  }

  private choose(event: Event): void {
    this.edition = (event.target as HTMLSelectElement).value;
    this.acting = null;
    this.found = null;
    void this.load();
  }

  private find(event: Event): void {
    event.preventDefault();
    this.search = (
      (new FormData(event.target as HTMLFormElement).get('search') as string) ?? ''
    ).trim();
    void this.findPublished();
  }

  private async open(venue: Venue, action: Action): Promise<void> {
    this.acting = { venue, action };
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#field-reason')?.focus();
  }

  private close(): void {
    this.acting = null;
    this.errors = [];
  }

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const { venue, action } = this.acting!;
    const story = this.stories?.has(venue.id);
    const spec = (story ? STORY_MUTATIONS[action] : undefined) ?? MUTATIONS[action];
    const reason = await this.readReason(event.target as HTMLFormElement, spec.reasonRequired);
    if (reason === null) return;
    const done = await this.call(
      `mutation ($input: ${spec.input}!) { ${spec.field}(input: $input) { ${story ? 'story' : 'location'} { id } userErrors { field message code } } }`,
      { input: { id: venue.id, reason: reason || null } },
      spec.field,
    );
    if (!done) return;
    this.status = translator(VENUES, this.language)(DONE[action], { name: venue.name });
    this.acting = null;
    await this.load();
  }

  override render() {
    const t = translator(VENUES, this.language);
    const c = translator(CONSOLE, this.language);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.acting ? nothing : this.summary()}
      <div class="field">
        <label for="field-edition">${c('edition')}</label>
        <select id="field-edition" name="edition" @change=${this.choose}>
          ${this.editions.map(
            (e) =>
              html`<option value=${e.slug} ?selected=${e.slug === this.edition}>${e.name}</option>`,
          )}
        </select>
      </div>
      ${this.statusLine()}
      <h3>${t('waiting')}</h3>
      ${
        this.waiting === null
          ? html`<p>${c('loading')}</p>`
          : this.waiting.length === 0
            ? html`<p>${t('noneWaiting')}</p>`
            : this.cards(this.waiting, ['approve', 'reject'])
      }
      <h3>${t('stories')}</h3>
      ${
        this.stories === null
          ? html`<p>${c('loading')}</p>`
          : this.stories.size === 0
            ? html`<p>${t('noneStories')}</p>`
            : this.cards(
                [...this.stories.values()].map((s) => ({
                  ...s.location,
                  id: s.id,
                  name: t('storyAt', { name: s.location.name }),
                })),
                ['approve', 'reject'],
              )
      }
      <h3>${t('published')}</h3>
      <form role="search" @submit=${this.find}>
        ${this.field(
          'search',
          t('search'),
          (describedBy) =>
            html`<input id="field-search" name="search" type="search" aria-describedby=${describedBy} />`,
          t('searchHint'),
        )}
        <button type="submit">${t('find')}</button>
      </form>
      ${
        this.found === null
          ? nothing
          : this.found.length === 0
            ? html`<p>${c('none')}</p>`
            : this.cards(this.found, ['unpublish'])
      }`;
  }

  private cards(venues: Venue[], actions: Action[]) {
    const t = translator(VENUES, this.language);
    const c = translator(CONSOLE, this.language);
    return html`<ul class="cards">
      ${venues.map((v) => {
        const open = this.acting?.venue.id === v.id ? this.acting.action : null;
        const headId = `venue-${v.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
        return html`<li>
          <div class="card-head"><h4 id=${headId}>${v.name}</h4></div>
          ${this.quote(v.id)}
          <p class="meta">${t('by', { organisation: v.organisation.name, city: v.address?.city ?? '—' })}</p>
          ${
            open
              ? html`<form class="step" @submit=${this.confirm} aria-labelledby="step-title">
                <h5 id="step-title">${t(TITLE[open], { name: v.name })}</h5>
                ${this.summary()} ${this.reasonField(MUTATIONS[open].reasonRequired)}
                <div class="actions">
                  <button type="submit" class="primary">${c('confirm')}</button>
                  <button type="button" @click=${this.close}>${c('cancel')}</button>
                </div>
              </form>`
              : html`<div class="actions">
                ${actions.map(
                  (a) =>
                    html`<button type="button" aria-describedby=${headId} @click=${() => this.open(v, a)}>
                      ${t(a)}
                    </button>`,
                )}
              </div>`
          }
        </li>`;
      })}
    </ul>`;
  }

  /** A waiting story's quote, in its language, with the name its teller agreed to. */
  private quote(id: string) {
    const story = this.stories?.get(id);
    if (!story) return nothing;
    return html`<blockquote lang=${story.language.toLowerCase()}>
      ${story.quote}${story.attribution ? html` — ${story.attribution}` : nothing}
    </blockquote>`;
  }
}
