/**
 * The staff console's Applications: the applications waiting for a decision, each approved in
 * one step (the organisation and its coordinator's invitation: the link is shown to copy) or
 * rejected with a reason the applicant is told. Staff admins and moderators only (the API
 * refuses anyone else; a federation's staff get those naming their federation).
 */
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '@tafel/schema';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { formatDateTime, type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { APPLICATIONS, type ApplicationsKey } from './messages.ts';

const PENDING = /* GraphQL */ `
  query PendingApplications {
    applications(status: PENDING, first: 100) {
      nodes { id organisationName kind website contactName email termsVersion createdAt federation { name } }
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation ApproveApplication($input: ApproveApplicationInput!) {
    approveApplication(input: $input) {
      organisation { slug name }
      invitationUrl
      delivery
      userErrors { field message code }
    }
  }
`;
const REJECT = /* GraphQL */ `
  mutation RejectApplication($input: RejectApplicationInput!) {
    rejectApplication(input: $input) {
      delivery
      userErrors { field message code }
    }
  }
`;

interface Application {
  id: string;
  organisationName: string;
  kind: OrganisationKind;
  website: string | null;
  contactName: string;
  email: string;
  termsVersion: string;
  createdAt: string;
  /** The network it asks to join; null: the instance's own. */
  federation: { name: string } | null;
}

type Outcome =
  | { kind: 'approved'; organisation: string; url: string; emailed: boolean }
  | { kind: 'rejected'; organisation: string; email: string; emailed: boolean }
  | { kind: 'failed'; key: ApplicationsKey };

@customElement('tafel-section-applications')
export class TafelSectionApplications extends LitElement {
  static override styles = [
    base,
    css`
      ul.list {
        list-style: none;
        padding: 0;
      }
      article {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 0.5rem 1rem 1rem;
        margin: 0 0 1rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(7rem, auto) 1fr;
        gap: 0.25rem 1rem;
        margin: 0.5rem 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .outcome {
        border: 3px solid var(--tafel-ok);
        padding: 0.5rem 1rem;
        margin: 1rem 0;
      }
      .outcome.bad {
        border-color: var(--tafel-error);
      }
      .copy {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .copy input {
        flex: 1 1 16rem;
      }
    `,
  ];

  /** What /manage hands each section (its `SectionContext`); this one needs the language. */
  @property({ attribute: false }) context!: { lang: Lang };
  @state() private applications: Application[] | null = null;
  @state() private failed = false;
  @state() private busy = false;
  @state() private rejecting: string | null = null;
  @state() private reasonError = false;
  @state() private outcome: Outcome | null = null;
  @state() private copied = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get t() {
    return translator(APPLICATIONS, this.context.lang);
  }

  private async load(): Promise<void> {
    try {
      const answer = await request<{ applications: { nodes: Application[] } }>(PENDING);
      this.applications = answer.data?.applications.nodes ?? null;
      this.failed = !this.applications;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.failed = true;
    }
  }

  override render() {
    const t = this.t;
    return html`<section aria-labelledby="applications-title">
      <h2 id="applications-title">${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.outcomeView()}
      ${
        this.failed
          ? html`<p role="alert" class="error">${t('offline')}</p>`
          : !this.applications
            ? html`<p role="status">${t('loading')}</p>`
            : this.applications.length === 0
              ? html`<p>${t('none')}</p>`
              : html`<ul class="list">
                  ${this.applications.map((a) => html`<li>${this.item(a)}</li>`)}
                </ul>`
      }
    </section>`;
  }

  private outcomeView() {
    const t = this.t;
    const o = this.outcome;
    if (!o) return nothing;
    if (o.kind === 'failed')
      return html`<div class="outcome bad" id="outcome" tabindex="-1" role="alert">
        <p class="error">${t(o.key)}</p>
      </div>`;
    if (o.kind === 'rejected')
      return html`<div class="outcome" id="outcome" tabindex="-1" role="status">
        <p class="ok">${t('rejected', { organisation: o.organisation })}</p>
        <p>${o.emailed ? t('rejectedEmailed') : t('rejectedNotEmailed', { email: o.email })}</p>
      </div>`;
    return html`<div class="outcome" id="outcome" tabindex="-1" role="status">
      <p class="ok">${t('approved', { organisation: o.organisation })}</p>
      <label for="invitation">${t('invitationLink')}</label>
      <div class="copy">
        <input id="invitation" type="text" readonly .value=${o.url} />
        <button type="button" @click=${this.copy}>${t('copy')}</button>
      </div>
      <p>${o.emailed ? t('invitationEmailed') : t('invitationNotEmailed')}</p>
      <p aria-live="polite">${this.copied ? t('copied') : ''}</p>
    </div>`;
  }

  private item(a: Application) {
    const t = this.t;
    const lang = this.context.lang;
    const titleId = `application-${a.id}`;
    return html`<article aria-labelledby=${titleId}>
      <h3 id=${titleId}>${a.organisationName}</h3>
      <dl>
        ${a.federation ? html`<dt>${t('federation')}</dt><dd>${a.federation.name}</dd>` : nothing}
        <dt>${t('kind')}</dt>
        <dd>${ORGANISATION_KIND_LABELS[a.kind][lang]}</dd>
        ${a.website ? html`<dt>${t('website')}</dt><dd><a href=${a.website} rel="noopener noreferrer" target="_blank">${a.website}</a></dd>` : nothing}
        <dt>${t('contact')}</dt>
        <dd>${a.contactName} — <a href="mailto:${a.email}">${a.email}</a></dd>
        <dt>${t('sent')}</dt>
        <dd>${formatDateTime(a.createdAt, lang)}</dd>
        <dt>${t('terms')}</dt>
        <dd>${a.termsVersion}</dd>
      </dl>
      ${this.rejecting === a.id ? this.rejectForm(a) : this.actions(a)}
    </article>`;
  }

  private actions(a: Application) {
    const t = this.t;
    return html`<div class="actions">
      <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.approve(a)} aria-describedby="application-${a.id}">
        ${t('approve')}
      </button>
      <button type="button" ?disabled=${this.busy} @click=${() => this.startReject(a)} aria-describedby="application-${a.id}">
        ${t('reject')}
      </button>
    </div>`;
  }

  private rejectForm(a: Application) {
    const t = this.t;
    return html`<form novalidate @submit=${(e: Event) => this.reject(e, a)}>
      <div class="field">
        <label for="reason">${t('reason')}</label>
        <p class="hint" id="reason-hint">${t('reasonHint')}</p>
        ${this.reasonError ? html`<p class="error" id="reason-error">${t('reasonRequired')}</p>` : nothing}
        <textarea
          id="reason"
          rows="4"
          required
          maxlength="2000"
          aria-describedby="reason-hint${this.reasonError ? ' reason-error' : ''}"
          aria-invalid=${this.reasonError ? 'true' : 'false'}
        ></textarea>
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('confirmReject')}</button>
        <button type="button" @click=${() => (this.rejecting = null)}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  private async startReject(a: Application): Promise<void> {
    this.rejecting = a.id;
    this.reasonError = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
  }

  private async copy(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#invitation');
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      // No clipboard permission: select it, for the person to copy.
      input.select();
      document.execCommand?.('copy');
    }
    this.copied = true;
  }

  /** Run a decision; the refusal's message when there is one. */
  private async decide<P extends { userErrors: UserError[] }>(
    document: string,
    input: Record<string, unknown>,
  ): Promise<P | null> {
    this.busy = true;
    this.copied = false;
    try {
      const answer = await request<Record<string, P | null>>(document, { input });
      const payload = answer.data ? Object.values(answer.data)[0] : null;
      const code = payload?.userErrors[0]?.code;
      if (!payload || code) {
        this.outcome = {
          kind: 'failed',
          key: code === 'DECIDED' ? 'decided' : code === 'TAKEN' ? 'emailTaken' : 'failed',
        };
        return null;
      }
      return payload;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.outcome = { kind: 'failed', key: 'offline' };
      return null;
    } finally {
      this.busy = false;
    }
  }

  private async settle(a: Application): Promise<void> {
    this.applications = (this.applications ?? []).filter((x) => x.id !== a.id);
    this.rejecting = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  private async approve(a: Application): Promise<void> {
    const payload = await this.decide<{
      organisation: { name: string } | null;
      invitationUrl: string | null;
      delivery: 'EMAIL' | 'SERVER_LOG' | null;
      userErrors: UserError[];
    }>(APPROVE, { id: a.id });
    if (payload?.invitationUrl)
      this.outcome = {
        kind: 'approved',
        organisation: payload.organisation?.name ?? a.organisationName,
        url: payload.invitationUrl,
        emailed: payload.delivery === 'EMAIL',
      };
    if (payload) await this.settle(a);
    else await this.focusOutcome();
  }

  private async reject(event: Event, a: Application): Promise<void> {
    event.preventDefault();
    const reason =
      this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.value.trim() ?? '';
    this.reasonError = reason === '';
    if (this.reasonError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
      return;
    }
    const payload = await this.decide<{
      delivery: 'EMAIL' | 'SERVER_LOG' | null;
      userErrors: UserError[];
    }>(REJECT, { id: a.id, reason });
    if (payload) {
      this.outcome = {
        kind: 'rejected',
        organisation: a.organisationName,
        email: a.email,
        emailed: payload.delivery === 'EMAIL',
      };
      await this.settle(a);
    } else await this.focusOutcome();
  }

  private async focusOutcome(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }
}
