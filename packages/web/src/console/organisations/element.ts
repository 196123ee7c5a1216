/**
 * The console's organisations: find one, see whether it is approved and whether it is suspended
 * (since when, why) and its contact (read only: the organisation keeps it in the portal's
 * profile); edit its name and website (`updateOrganisation`, checked in the browser as the server
 * does), approve one not yet approved (`approveOrganisation`: its venues waiting for
 * approval go public), suspend it with a reason or reinstate it. Staff admins only (the API
 * decides as well).
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDateTime, translator } from '../../lib/i18n.ts';
import { CONSOLE } from '../messages.ts';
import { ConsoleSection } from '../section.ts';
import { ORGANISATIONS } from './messages.ts';

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

interface Organisation {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  approvedAt: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
}

const LIST = /* GraphQL */ `
  query ConsoleOrganisations($search: String) {
    organisations(first: 100, search: $search) {
      nodes { id slug name website approvedAt suspendedAt suspensionReason contact { name email phone } }
    }
  }
`;
const SUSPEND = /* GraphQL */ `
  mutation Suspend($input: SuspendOrganisationInput!) {
    suspendOrganisation(input: $input) { organisation { id } userErrors { field message code } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) { organisation { id } userErrors { field message code } }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation ApproveOrganisation($input: ApproveOrganisationInput!) {
    approveOrganisation(input: $input) { organisation { id } userErrors { field message code } }
  }
`;
const REINSTATE = /* GraphQL */ `
  mutation Reinstate($input: ReinstateOrganisationInput!) {
    reinstateOrganisation(input: $input) { organisation { id } userErrors { field message code } }
  }
`;

@customElement('tafel-section-organisations')
export class TafelSectionOrganisations extends ConsoleSection {
  @state() private organisations: Organisation[] | null = null;
  @state() private search = '';
  /** The organisation whose form is open, and which: suspend or reinstate, or edit. */
  @state() private acting: Organisation | null = null;
  @state() private step: 'suspend' | 'edit' = 'suspend';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const data = await this.call<{ organisations: { nodes: Organisation[] } }>(LIST, {
      search: this.search || null,
    });
    this.organisations = data?.organisations.nodes ?? [];
  }

  private find(event: Event): void {
    event.preventDefault();
    this.search = (new FormData(event.target as HTMLFormElement).get('search') as string) ?? '';
    // "Loading…" till the answer: the list before the search is not what was asked for.
    this.organisations = null;
    void this.load();
  }

  private async open(organisation: Organisation, step: 'suspend' | 'edit'): Promise<void> {
    this.acting = organisation;
    this.step = step;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(step === 'edit' ? '#field-name' : '#field-reason')
      ?.focus();
  }

  private async close(): Promise<void> {
    const id = this.acting?.id;
    const back = this.step === 'edit' ? 'data-org-edit' : 'data-org';
    this.acting = null;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[${back}="${id}"]`)?.focus();
  }

  /** Name and website: the server's rules first in the browser, then `updateOrganisation`. */
  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const organisation = this.acting!;
    const t = translator(ORGANISATIONS, this.language);
    const form = new FormData(event.target as HTMLFormElement);
    const name = ((form.get('name') as string | null) ?? '').trim();
    const website = ((form.get('website') as string | null) ?? '').trim();
    const problems = [
      name === '' && { field: ['name'], code: 'REQUIRED', message: t('nameMissing') },
      name.length > 200 && { field: ['name'], code: 'TOO_LONG', message: t('nameTooLong') },
      website !== '' &&
        !httpUrl(website) && { field: ['website'], code: 'INVALID_URL', message: t('badUrl') },
    ].filter((p) => p !== false);
    if (problems.length) {
      this.errors = problems;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    const done = await this.call(
      UPDATE,
      { input: { organisation: organisation.slug, name, website } },
      'updateOrganisation',
    );
    if (!done) return;
    this.status = t('saved', { name });
    this.acting = null;
    // A search by the old name would hide it now: look for it by its new one.
    if (this.search) this.search = name;
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-org-edit="${organisation.id}"]`)?.focus();
  }

  private async approve(organisation: Organisation): Promise<void> {
    const done = await this.call(
      APPROVE,
      { input: { organisation: organisation.slug } },
      'approveOrganisation',
    );
    if (!done) return;
    const t = translator(ORGANISATIONS, this.language);
    this.status = t('approvedNow', { name: organisation.name });
    await this.load();
    // The button is gone: focus stays in the card, on its first action.
    this.renderRoot.querySelector<HTMLElement>(`[data-org-edit="${organisation.id}"]`)?.focus();
  }

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const organisation = this.acting!;
    const suspending = organisation.suspendedAt === null;
    const reason = await this.readReason(event.target as HTMLFormElement, suspending);
    if (reason === null) return;
    const done = await this.call(
      suspending ? SUSPEND : REINSTATE,
      { input: { id: organisation.id, reason: reason || null } },
      suspending ? 'suspendOrganisation' : 'reinstateOrganisation',
    );
    if (!done) return;
    const t = translator(ORGANISATIONS, this.language);
    this.status = t(suspending ? 'suspended' : 'reinstated', { name: organisation.name });
    this.acting = null;
    await this.load();
  }

  override render() {
    const t = translator(ORGANISATIONS, this.language);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.acting ? nothing : this.summary()}
      <form role="search" @submit=${this.find}>
        ${this.field(
          'search',
          t('search'),
          (describedBy) =>
            html`<input id="field-search" name="search" type="search" .value=${this.search}
              aria-describedby=${describedBy} />`,
          t('searchHint'),
        )}
        <button type="submit">${t('find')}</button>
      </form>
      ${this.statusLine()}
      ${this.cardList(this.organisations, (o) => this.card(o))}`;
  }

  private card(o: Organisation) {
    const t = translator(ORGANISATIONS, this.language);
    const suspended = o.suspendedAt !== null;
    const open = this.acting?.id === o.id;
    return html`<li>
      <div class="card-head"><h3 id="org-${o.slug}">${o.name}</h3></div>
      ${o.website ? html`<p class="meta">${o.website}</p>` : nothing}
      ${this.contact(o)}
      <p class="meta">
        ${
          o.approvedAt
            ? t('approvedSince', { at: formatDateTime(o.approvedAt, this.language) })
            : t('notApproved')
        }
      </p>
      <p class="meta">
        ${
          suspended
            ? t('suspendedSince', {
                at: formatDateTime(o.suspendedAt!, this.language),
                reason: o.suspensionReason ?? '—',
              })
            : t('active')
        }
      </p>
      ${
        !open
          ? html`<div class="actions">
            <button type="button" data-org-edit=${o.id} @click=${() => this.open(o, 'edit')}
              aria-describedby="org-${o.slug}">
              ${t('edit')}
            </button>
            ${
              o.approvedAt
                ? nothing
                : html`<button type="button" class="primary" @click=${() => this.approve(o)}
                    aria-describedby="org-${o.slug}">
                    ${t('approve')}
                  </button>`
            }
            <button type="button" data-org=${o.id} @click=${() => this.open(o, 'suspend')}
              aria-describedby="org-${o.slug}">
              ${t(suspended ? 'reinstate' : 'suspend')}
            </button>
          </div>`
          : this.step === 'edit'
            ? this.editForm(o)
            : this.suspendForm(o)
      }
    </li>`;
  }

  /** The contact, read only: the organisation keeps it in its profile (the portal). */
  private contact(o: Organisation) {
    const t = translator(ORGANISATIONS, this.language);
    const c = o.contact;
    if (!c) return html`<p class="meta">${t('noContact')}</p>`;
    const parts = [
      c.name,
      c.email && html`<a href="mailto:${c.email}">${c.email}</a>`,
      c.phone && html`<a href="tel:${c.phone.replace(/[^+0-9]/g, '')}">${c.phone}</a>`,
    ].filter((p) => p);
    return html`<p class="meta">
      ${t('contact')} ${parts.map((p, i) => html`${i ? ' · ' : ''}${p}`)}
    </p>`;
  }

  private suspendForm(o: Organisation) {
    const t = translator(ORGANISATIONS, this.language);
    const c = translator(CONSOLE, this.language);
    const suspended = o.suspendedAt !== null;
    return html`<form class="step" @submit=${this.confirm} aria-labelledby="step-title">
      <h4 id="step-title">${t(suspended ? 'reinstateTitle' : 'suspendTitle', { name: o.name })}</h4>
      ${this.summary()} ${this.reasonField(!suspended)}
      <div class="actions">
        <button type="submit" class="primary">${c('confirm')}</button>
        <button type="button" @click=${this.close}>${c('cancel')}</button>
      </div>
    </form>`;
  }

  private editForm(o: Organisation) {
    const t = translator(ORGANISATIONS, this.language);
    const c = translator(CONSOLE, this.language);
    return html`<form class="step" novalidate @submit=${this.save} aria-labelledby="step-title">
      <h4 id="step-title">${t('editTitle', { name: o.name })}</h4>
      ${this.summary()}
      ${this.field(
        'name',
        t('name'),
        (describedBy, invalid) =>
          html`<input id="field-name" name="name" type="text" required maxlength="200"
            autocomplete="organization" .value=${o.name}
            aria-describedby=${describedBy || nothing} aria-invalid=${invalid ? 'true' : 'false'} />`,
      )}
      ${this.field(
        'website',
        t('website'),
        (describedBy, invalid) =>
          html`<input id="field-website" name="website" type="url" autocomplete="url"
            .value=${o.website ?? ''}
            aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} />`,
        t('websiteHint'),
      )}
      <div class="actions">
        <button type="submit" class="primary">${t('save')}</button>
        <button type="button" @click=${this.close}>${c('cancel')}</button>
      </div>
    </form>`;
  }
}
