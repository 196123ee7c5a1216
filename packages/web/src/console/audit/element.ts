/**
 * The console's audit trail: newest first, filtered by organisation, person and time, and by a
 * venue chosen from an event ("only this venue"). People show by name, never by address. Staff
 * admins and moderators.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDateTime, translator } from '../../lib/i18n.ts';
import { ConsoleSection } from '../section.ts';
import { AUDIT, type AuditKey } from './messages.ts';

interface AuditEvent {
  id: string;
  action: string;
  at: string;
  reason: string | null;
  actor: { kind: string; label: string; name: string | null };
  organisation: { slug: string; name: string } | null;
  location: { id: string; name: string } | null;
  edition: { name: string } | null;
}

interface Filter {
  organisation?: string;
  person?: string;
  location?: string;
  from?: string;
  to?: string;
}

const EVENTS = /* GraphQL */ `
  query Audit($filter: AuditEventFilter, $after: String) {
    auditEvents(filter: $filter, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id action at reason actor { kind label name }
        organisation { slug name } location { id name } edition { name }
      }
    }
  }
`;
const CHOICES = /* GraphQL */ `
  query AuditChoices {
    organisations(first: 1000) { nodes { slug name } }
    people(first: 1000) { nodes { id name } }
  }
`;

/** A datetime-local value as an instant in the browser's zone, or undefined. */
function instant(value: FormDataEntryValue | null): string | undefined {
  return value ? new Date(String(value)).toISOString() : undefined;
}

@customElement('tafel-section-audit')
export class TafelSectionAudit extends ConsoleSection {
  @state() private events: AuditEvent[] | null = null;
  @state() private next: string | null = null;
  @state() private filter: Filter = {};
  @state() private venueName = '';
  @state() private organisations: { slug: string; name: string }[] = [];
  @state() private people: { id: string; name: string | null }[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.call<{
      organisations: { nodes: { slug: string; name: string }[] };
      people: { nodes: { id: string; name: string | null }[] };
    }>(CHOICES, {}).then((data) => {
      this.organisations = data?.organisations.nodes ?? [];
      this.people = (data?.people.nodes ?? []).filter((p) => p.name);
    });
    void this.load();
  }

  private async load(more = false): Promise<void> {
    const data = await this.call<{
      auditEvents: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: AuditEvent[];
      };
    }>(EVENTS, { filter: this.filter, after: more ? this.next : null });
    const page = data?.auditEvents;
    this.events = more ? [...(this.events ?? []), ...(page?.nodes ?? [])] : (page?.nodes ?? []);
    this.next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    const t = translator(AUDIT, this.language);
    this.status = t('count', { n: this.events.length });
  }

  private apply(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = {
      ...(data.get('organisation') ? { organisation: String(data.get('organisation')) } : {}),
      ...(data.get('person') ? { person: String(data.get('person')) } : {}),
      ...(this.filter.location ? { location: this.filter.location } : {}),
      ...(instant(data.get('from')) ? { from: instant(data.get('from')) } : {}),
      ...(instant(data.get('to')) ? { to: instant(data.get('to')) } : {}),
    };
    void this.load();
  }

  private clear(): void {
    this.filter = {};
    this.venueName = '';
    (this.renderRoot.querySelector('form') as HTMLFormElement | null)?.reset();
    void this.load();
  }

  private onlyVenue(venue: { id: string; name: string } | null): void {
    const { location: _, ...rest } = this.filter;
    this.filter = venue ? { ...rest, location: venue.id } : rest;
    this.venueName = venue?.name ?? '';
    void this.load();
  }

  override render() {
    const t = translator(AUDIT, this.language);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.summary()}
      <form @submit=${this.apply} aria-label=${t('heading')}>
        <div class="filters">
          <div class="field">
            <label for="field-organisation">${t('organisation')}</label>
            <select id="field-organisation" name="organisation">
              <option value="">${t('everything')}</option>
              ${this.organisationOptions(this.organisations, this.filter.organisation)}
            </select>
          </div>
          <div class="field">
            <label for="field-person">${t('person')}</label>
            <select id="field-person" name="person">
              <option value="">${t('anyone')}</option>
              ${this.people.map(
                (p) =>
                  html`<option value=${p.id} ?selected=${this.filter.person === p.id}>${p.name}</option>`,
              )}
            </select>
          </div>
          ${this.when('from', t('from'))} ${this.when('to', t('to'))}
        </div>
        <div class="actions">
          <button type="submit" class="primary">${t('show')}</button>
          <button type="button" @click=${this.clear}>${t('clear')}</button>
        </div>
      </form>
      ${
        this.filter.location
          ? html`<p>
            ${t('venueFilter', { name: this.venueName })}
            <button type="button" @click=${() => this.onlyVenue(null)}>${t('clearVenue')}</button>
          </p>`
          : nothing
      }
      ${this.statusLine()}
      ${this.cardList(this.events, (e) => this.card(e), t('none'))}
      ${this.next ? html`<button type="button" @click=${() => this.load(true)}>${t('more')}</button>` : nothing}`;
  }

  private when(name: 'from' | 'to', label: string) {
    const t = translator(AUDIT, this.language);
    return html`<div class="field">
      <label for="field-${name}">${label}</label>
      <p class="hint" id="hint-${name}">${t('fromHint')}</p>
      <input id="field-${name}" name=${name} type="datetime-local" aria-describedby="hint-${name}" />
    </div>`;
  }

  private card(e: AuditEvent) {
    const t = translator(AUDIT, this.language);
    const action = e.action in AUDIT.en ? t(e.action as AuditKey) : e.action;
    const who =
      e.actor.name ??
      (e.actor.kind === 'PERSON' ? e.actor.label : t('system', { label: e.actor.label }));
    const about = [e.organisation?.name, e.location?.name, e.edition?.name]
      .filter(Boolean)
      .join(' · ');
    return html`<li>
      <div class="card-head">
        <h3>${action}</h3>
        <span class="meta">${formatDateTime(e.at, this.language)}</span>
      </div>
      <p class="meta">${t('who', { who })}</p>
      ${about ? html`<p class="meta">${t('about', { what: about })}</p>` : nothing}
      ${e.reason ? html`<p>${t('reason', { reason: e.reason })}</p>` : nothing}
      ${
        e.location && this.filter.location !== e.location.id
          ? html`<button type="button" @click=${() => this.onlyVenue(e.location)}
              aria-label=${`${t('onlyVenue')}: ${e.location.name}`}>
              ${t('onlyVenue')}
            </button>`
          : nothing
      }
    </li>`;
  }
}
