/**
 * The portal's host links (`#host-links`): for an edition, the organisation's published venues
 * with their working links (revocable), and "make links and a sheet to print" — a fresh link per
 * chosen venue (a link's secret is shown once, so a sheet always carries new ones), each as a
 * QR code with the venue's name, time and the address, laid out for paper.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { formatDateTime, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import {
  defaultEdition,
  EDITIONS,
  type Edition,
  type PortalContext,
  timeIn,
  VENUES,
  type Venue,
} from './api.ts';
import { HOST_LINKS } from './host-links-messages.ts';
import { qrCode } from './qr-code.ts';

interface Link {
  prefix: string;
  expiresAt: string;
  revokedAt: string | null;
}
interface Made {
  venue: Venue;
  url: string;
  expiresAt: string;
}

const LINKS = `query ($location: ID!) { hostLinks(location: $location) { prefix expiresAt revokedAt } }`;
const CREATE = `mutation ($input: CreateHostLinkInput!) {
  createHostLink(input: $input) { url expiresAt userErrors { field message code } }
}`;
const REVOKE = `mutation ($input: RevokeHostLinkInput!) {
  revokeHostLink(input: $input) { userErrors { field message code } }
}`;

@customElement('tafel-section-host-links')
export class TafelSectionHostLinks extends LitElement {
  static override styles = [
    base,
    css`
      ul.venues {
        list-style: none;
        padding: 0;
      }
      ul.venues li {
        border-bottom: 1px solid var(--tafel-line);
        padding: 0.5rem 0;
      }
      .pick {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 600;
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin: 0.25rem 0 0 2rem;
      }
      .sheet {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 1rem;
      }
      .card {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 1rem;
        break-inside: avoid;
        page-break-inside: avoid;
      }
      .card h4 {
        margin: 0 0 0.25rem;
      }
      .qr {
        width: 100%;
        max-width: 14rem;
        height: auto;
        display: block;
        margin: 0.5rem auto;
      }
      .url {
        font-family: ui-monospace, monospace;
        font-size: 0.75rem;
        overflow-wrap: anywhere;
      }
      @media print {
        .controls,
        .intro {
          display: none;
        }
        .card {
          border-color: #000;
          color: #000;
        }
      }
    `,
  ];

  @property({ attribute: false }) context!: PortalContext;
  @state() private editions: Edition[] = [];
  @state() private edition = '';
  @state() private venues: Venue[] | null = null;
  @state() private links = new Map<string, Link[]>();
  @state() private chosen = new Set<string>();
  @state() private made: Made[] = [];
  @state() private busy = false;
  @state() private status = '';
  @state() private problems: string[] = [];

  private get t() {
    return translator(HOST_LINKS, this.context.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      const answer = await request<{ editions: Edition[] }>(EDITIONS);
      this.editions = answer.data?.editions ?? [];
      this.edition = defaultEdition(this.editions);
      await this.load();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = this.t('offline');
    }
  }

  private async load(): Promise<void> {
    this.venues = null;
    this.made = [];
    const answer = await request<{ viewer: { locations: { nodes: Venue[] } } | null }>(VENUES, {
      edition: this.edition,
    });
    const venues = (answer.data?.viewer?.locations.nodes ?? []).filter(
      (v) => v.status === 'PUBLISHED',
    );
    this.links = await this.linksOf(venues);
    this.chosen = new Set(venues.map((v) => v.id));
    this.venues = venues;
  }

  /** Each venue's links (without their secrets), to show which work and to revoke them. */
  private async linksOf(venues: readonly Venue[]): Promise<Map<string, Link[]>> {
    const links = new Map<string, Link[]>();
    await Promise.all(
      venues.map(async (venue) => {
        const found = await request<{ hostLinks: Link[] }>(LINKS, { location: venue.id });
        links.set(venue.id, found.data?.hostLinks ?? []);
      }),
    );
    return links;
  }

  private get current(): Edition | undefined {
    return this.editions.find((e) => e.slug === this.edition);
  }

  private toggle(id: string, on: boolean): void {
    const chosen = new Set(this.chosen);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
  }

  private async make(): Promise<void> {
    const t = this.t;
    this.busy = true;
    this.status = t('making');
    this.problems = [];
    const made: Made[] = [];
    for (const venue of this.venues ?? []) {
      if (!this.chosen.has(venue.id)) continue;
      const answer = await request<{
        createHostLink: { url: string | null; expiresAt: string | null; userErrors: UserError[] };
      }>(CREATE, { input: { location: venue.id } });
      const payload = answer.data?.createHostLink;
      if (payload?.url && payload.expiresAt)
        made.push({ venue, url: payload.url, expiresAt: payload.expiresAt });
      else
        this.problems = [
          ...this.problems,
          t('refused', {
            name: venue.name,
            message: payload?.userErrors[0]?.message ?? answer.errors[0]?.message ?? '',
          }),
        ];
    }
    this.made = made;
    this.links = await this.linksOf(this.venues ?? []);
    this.busy = false;
    this.status = t('made', { n: made.length });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#sheet-title')?.focus();
  }

  private async revoke(venue: Venue, prefix: string): Promise<void> {
    const answer = await request<{ revokeHostLink: { userErrors: UserError[] } }>(REVOKE, {
      input: { prefix },
    });
    const error = answer.data?.revokeHostLink.userErrors[0]?.message ?? answer.errors[0]?.message;
    if (error) {
      this.status = this.t('refused', { name: venue.name, message: error });
      return;
    }
    const links = new Map(this.links);
    links.set(
      venue.id,
      (links.get(venue.id) ?? []).filter((l) => l.prefix !== prefix),
    );
    this.links = links;
    this.status = this.t('revoked', { prefix });
  }

  override render() {
    const t = this.t;
    return html`<h2>${t('title')}</h2>
      <p class="intro">${t('intro')}</p>
      <div class="controls">
        <div class="field">
          <label for="edition">${t('edition')}</label>
          <select
            id="edition"
            @change=${(e: Event) => {
              this.edition = (e.target as HTMLSelectElement).value;
              void this.load();
            }}
          >
            ${this.editions.map(
              (e) =>
                html`<option value=${e.slug} ?selected=${e.slug === this.edition}>${e.name}</option>`,
            )}
          </select>
        </div>
        ${this.venueList()}
      </div>
      <p role="status">${this.status}</p>
      ${this.problems.length ? html`<ul role="alert">${this.problems.map((p) => html`<li class="error">${p}</li>`)}</ul>` : nothing}
      ${this.sheet()}`;
  }

  private venueList() {
    const t = this.t;
    if (this.venues === null) return html`<p>${t('loading')}</p>`;
    if (this.venues.length === 0) return html`<p>${t('none')}</p>`;
    const zone = this.current?.timeZone ?? 'Europe/Amsterdam';
    return html`<fieldset>
        <legend>${t('choose')}</legend>
        <ul class="venues">
          ${this.venues.map((venue) => {
            const working = (this.links.get(venue.id) ?? []).filter((l) => !l.revokedAt);
            return html`<li>
              <label class="pick">
                <input
                  type="checkbox"
                  .checked=${this.chosen.has(venue.id)}
                  @change=${(e: Event) => this.toggle(venue.id, (e.target as HTMLInputElement).checked)}
                />
                ${venue.name} ${venue.startsAt ? `· ${timeIn(venue.startsAt, zone)}` : ''}
              </label>
              <div class="links">
                ${
                  working.length === 0
                    ? html`<span class="hint">${t('noActive')}</span>`
                    : html`<span>${t('active', { list: working.map((l) => l.prefix).join(', ') })}</span>
                        ${working.map(
                          (l) =>
                            html`<button type="button" @click=${() => this.revoke(venue, l.prefix)}>
                              ${t('revoke', { prefix: l.prefix })}
                            </button>`,
                        )}`
                }
              </div>
            </li>`;
          })}
        </ul>
      </fieldset>
      <button class="primary" type="button" ?disabled=${this.busy || this.chosen.size === 0} @click=${this.make}>
        ${t('make')}
      </button>`;
  }

  private sheet() {
    if (this.made.length === 0) return nothing;
    const t = this.t;
    const lang = this.context.lang;
    const zone = this.current?.timeZone ?? 'Europe/Amsterdam';
    return html`<section aria-labelledby="sheet-title">
      <h3 id="sheet-title" tabindex="-1">${t('sheetTitle', { edition: this.current?.name ?? '' })}</h3>
      <p class="controls"><button type="button" @click=${() => print()}>${t('print')}</button></p>
      <div class="sheet">
        ${this.made.map(
          (m) => html`<article class="card">
            <h4>${m.venue.name}</h4>
            <p>${m.venue.startsAt ? formatDateTime(m.venue.startsAt, lang, zone) : ''}</p>
            ${qrCode(m.url, t('qrLabel', { name: m.venue.name }))}
            <p class="url">${m.url}</p>
            <p class="hint">${t('validUntil', { time: formatDateTime(m.expiresAt, lang, zone) })}</p>
          </article>`,
        )}
      </div>
    </section>`;
  }
}
