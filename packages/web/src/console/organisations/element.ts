/**
 * The console's organisations: find one, see whether it is suspended (since when, why), and
 * suspend it with a reason or reinstate it. Staff admins only (the API decides as well).
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDateTime, translator } from '../../lib/i18n.ts';
import { CONSOLE } from '../messages.ts';
import { ConsoleSection } from '../section.ts';
import { ORGANISATIONS } from './messages.ts';

interface Organisation {
  id: string;
  slug: string;
  name: string;
  suspendedAt: string | null;
  suspensionReason: string | null;
}

const LIST = /* GraphQL */ `
  query ConsoleOrganisations($search: String) {
    organisations(first: 100, search: $search) {
      nodes { id slug name suspendedAt suspensionReason }
    }
  }
`;
const SUSPEND = /* GraphQL */ `
  mutation Suspend($input: SuspendOrganisationInput!) {
    suspendOrganisation(input: $input) { organisation { id } userErrors { field message code } }
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
  /** The organisation whose suspend or reinstate form is open. */
  @state() private acting: Organisation | null = null;

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
    void this.load();
  }

  private async open(organisation: Organisation): Promise<void> {
    this.acting = organisation;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#field-reason')?.focus();
  }

  private async close(): Promise<void> {
    const id = this.acting?.id;
    this.acting = null;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-org="${id}"]`)?.focus();
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
    const c = translator(CONSOLE, this.language);
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
      ${
        this.organisations === null
          ? html`<p>${c('loading')}</p>`
          : this.organisations.length === 0
            ? html`<p>${c('none')}</p>`
            : html`<ul class="cards">
              ${this.organisations.map((o) => this.card(o))}
            </ul>`
      }`;
  }

  private card(o: Organisation) {
    const t = translator(ORGANISATIONS, this.language);
    const c = translator(CONSOLE, this.language);
    const suspended = o.suspendedAt !== null;
    const open = this.acting?.id === o.id;
    return html`<li>
      <div class="card-head"><h3 id="org-${o.slug}">${o.name}</h3></div>
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
        open
          ? html`<form class="step" @submit=${this.confirm} aria-labelledby="step-title">
            <h4 id="step-title">${t(suspended ? 'reinstateTitle' : 'suspendTitle', { name: o.name })}</h4>
            ${this.summary()} ${this.reasonField(!suspended)}
            <div class="actions">
              <button type="submit" class="primary">${c('confirm')}</button>
              <button type="button" @click=${this.close}>${c('cancel')}</button>
            </div>
          </form>`
          : html`<div class="actions">
            <button type="button" data-org=${o.id} @click=${() => this.open(o)}
              aria-describedby="org-${o.slug}">
              ${t(suspended ? 'reinstate' : 'suspend')}
            </button>
          </div>`
      }
    </li>`;
  }
}
