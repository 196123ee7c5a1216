/**
 * The portal's API keys (`#keys`): the organisation's keys by prefix (never their secrets), a new
 * one made with a label and scopes — its secret shown once, with a copy button — and revoking.
 * What the console's keys share with it is in keys/parts.ts.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { KEYS } from '../keys/messages.ts';
import {
  type ApiKey,
  copySecret,
  ISSUE_KEY,
  KEY_FIELDS,
  keyFacts,
  keyStyles,
  REVOKE_KEY,
  readKeyInput,
  scopesFieldset,
  secretOnce,
} from '../keys/parts.ts';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';

import type { PortalContext } from './api.ts';
import { formStyles } from './form-styles.ts';
import { PORTAL } from './messages.ts';

const LIST = `query { apiKeys { ${KEY_FIELDS} } }`;

@customElement('tafel-section-keys')
export class TafelSectionKeys extends LitElement {
  static override styles = [
    base,
    formStyles,
    keyStyles,
    css`
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
  @state() private keys: ApiKey[] | null = null;
  @state() private secret = '';
  @state() private status = '';
  @state() private errors = new Map<string, string>();

  private get t() {
    return translator(KEYS, this.context.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const answer = await request<{ apiKeys: ApiKey[] }>(LIST);
      this.keys = answer.data?.apiKeys ?? [];
      if (answer.errors[0]) this.status = answer.errors[0].message;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = translator(PORTAL, this.context.lang)('offline');
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { label, scopes, problems: errors } = readKeyInput(form, this.context.lang);
    this.secret = '';
    if (errors.size === 0) {
      const answer = await request<{
        issueApiKey: { secret: string | null; userErrors: UserError[] } | null;
      }>(ISSUE_KEY, { input: { label: label || null, scopes } });
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
    if (await copySecret(this.renderRoot, this.secret)) this.status = this.t('copied');
  }

  private async revoke(key: ApiKey): Promise<void> {
    const t = this.t;
    if (!confirm(t('confirmRevoke', { prefix: key.prefix }))) return;
    const answer = await request<{ revokeApiKey: { userErrors: UserError[] } | null }>(REVOKE_KEY, {
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
        ${scopesFieldset(lang, scopesError ? { id: 'scopes-error', text: scopesError } : null)}
        <button class="primary" type="submit">${t('createKey')}</button>
      </form>
      ${this.secret ? secretOnce(lang, this.secret, () => this.copy()) : nothing}
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
                    ${keyFacts(key, lang)}</span
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
