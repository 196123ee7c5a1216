/**
 * The portal's API keys (`#keys`): the organisation's keys by prefix (never their secrets), a new
 * one made with a label and scopes — its secret shown once, with a copy button — and revoking.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { formatDateTime, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';

import type { PortalContext } from './api.ts';
import { formStyles } from './form-styles.ts';
import { PORTAL } from './messages.ts';

interface Key {
  prefix: string;
  label: string | null;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

const SCOPES = ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'] as const;
const KEYS = `query { apiKeys { prefix label scopes createdAt lastUsedAt } }`;
const ISSUE = `mutation ($input: IssueApiKeyInput!) {
  issueApiKey(input: $input) { secret apiKey { prefix } userErrors { field message code } }
}`;
const REVOKE = `mutation ($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { prefix } userErrors { field message code } }
}`;

@customElement('tafel-section-keys')
export class TafelSectionKeys extends LitElement {
  static override styles = [
    base,
    formStyles,
    css`
      code {
        word-break: break-all;
        font-size: 1.05rem;
      }
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        border-bottom: 1px solid var(--tafel-line);
        padding: 0.5rem 0;
      }
      li span {
        flex: 1 1 14rem;
      }
    `,
  ];

  @property({ attribute: false }) context!: PortalContext;
  @state() private keys: Key[] | null = null;
  @state() private secret = '';
  @state() private status = '';
  @state() private errors = new Map<string, string>();

  private get t() {
    return translator(PORTAL, this.context.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const answer = await request<{ apiKeys: Key[] }>(KEYS);
      this.keys = answer.data?.apiKeys ?? [];
      if (answer.errors[0]) this.status = answer.errors[0].message;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = this.t('offline');
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.t;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('label') ?? '').trim();
    const scopes = data.getAll('scopes').map(String);
    const errors = new Map<string, string>();
    if (scopes.length === 0) errors.set('scopes', t('pickScope'));
    if (label.length > 200) errors.set('label', t('tooLong', { n: 200 }));
    this.secret = '';
    if (errors.size === 0) {
      const answer = await request<{
        issueApiKey: { secret: string | null; userErrors: UserError[] } | null;
      }>(ISSUE, { input: { label: label || null, scopes } });
      const payload = answer.data?.issueApiKey;
      for (const [field, messages] of errorsByField(payload?.userErrors ?? []))
        errors.set(field === 'scopes' ? 'scopes' : 'label', messages.join(' '));
      if (!payload && answer.errors[0]) errors.set('label', answer.errors[0].message);
      if (payload?.secret) {
        this.secret = payload.secret;
        form.reset();
        void this.load();
      }
    }
    this.errors = errors;
    if (errors.size > 0) {
      await this.updateComplete;
      const first = errors.has('label') ? '#label' : 'input[name=scopes]';
      this.renderRoot.querySelector<HTMLElement>(first)?.focus();
    }
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.secret);
      this.status = this.t('copied');
    } catch {
      const code = this.renderRoot.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
    }
  }

  private async revoke(key: Key): Promise<void> {
    const t = this.t;
    if (!confirm(t('confirmRevoke', { prefix: key.prefix }))) return;
    const answer = await request<{ revokeApiKey: { userErrors: UserError[] } | null }>(REVOKE, {
      input: { prefix: key.prefix },
    });
    const problems = answer.data?.revokeApiKey?.userErrors ?? [];
    this.status =
      problems.map((p) => p.message).join(' ') ||
      (answer.errors[0]?.message ?? t('revoked', { prefix: key.prefix }));
    void this.load();
  }

  override render() {
    const t = this.t;
    const lang = this.context.lang;
    const labelError = this.errors.get('label');
    const scopesError = this.errors.get('scopes');
    return html`<section aria-labelledby="keys-title">
      <h2 id="keys-title">${t('keys')}</h2>
      <p>${t('keysIntro')}</p>
      <form novalidate @submit=${this.create}>
        <div class="field">
          <label for="label">${t('label')}</label>
          <input id="label" name="label" maxlength="200" aria-invalid=${labelError ? 'true' : 'false'}
            aria-describedby=${labelError ? 'label-error' : nothing} />
          ${labelError ? html`<p class="error" id="label-error">${labelError}</p>` : nothing}
        </div>
        <fieldset aria-describedby=${scopesError ? 'scopes-error' : nothing}>
          <legend>${t('scopes')}</legend>
          ${SCOPES.map(
            (scope) => html`<label class="check"
              ><input type="checkbox" name="scopes" value=${scope} ?checked=${scope === 'LOCATIONS_WRITE'}
                aria-invalid=${scopesError ? 'true' : 'false'} />
              ${t(`scope${scope}`)}</label
            >`,
          )}
          ${scopesError ? html`<p class="error" id="scopes-error">${scopesError}</p>` : nothing}
        </fieldset>
        <button class="primary" type="submit">${t('createKey')}</button>
      </form>
      ${
        this.secret
          ? html`<div role="alert">
            <p>${t('secret')}</p>
            <p><code>${this.secret}</code></p>
            <button type="button" @click=${this.copy}>${t('copy')}</button>
          </div>`
          : nothing
      }
      <p role="status" class="ok">${this.status}</p>
      ${
        this.keys === null
          ? nothing
          : this.keys.length === 0
            ? html`<p>${t('noKeys')}</p>`
            : html`<ul>
              ${this.keys.map(
                (key) => html`<li>
                  <span
                    ><code>${key.prefix}…</code> ${key.label ? html`— ${key.label}` : nothing}<br />
                    ${key.scopes.map((s) => t(`scope${s as (typeof SCOPES)[number]}`)).join(', ')} ·
                    ${t('created')}: ${formatDateTime(key.createdAt, lang)} · ${t('lastUsed')}:
                    ${key.lastUsedAt ? formatDateTime(key.lastUsedAt, lang) : t('never')}</span
                  >
                  <button type="button" aria-label="${t('revoke')}: ${key.prefix}" @click=${() => this.revoke(key)}>
                    ${t('revoke')}
                  </button>
                </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}
