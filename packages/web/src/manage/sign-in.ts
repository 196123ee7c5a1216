/**
 * Asking for a sign-in link: the e-mail address, checked as the server checks it, and the
 * server's answer — the same whether or not the address is known; where the link went when
 * there is no mail server (the log), so the person knows whom to ask.
 */
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { MANAGE } from './messages.ts';
import '../passkeys/sign-in.ts';

const REQUEST = /* GraphQL */ `
  mutation RequestSignInLink($input: RequestSignInLinkInput!) {
    requestSignInLink(input: $input) {
      delivery
      userErrors { field message code }
    }
  }
`;

/** The server's own check, in the browser: something@something.tld, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@customElement('tafel-sign-in')
export class TafelSignIn extends LitElement {
  static override styles = [base];

  @property() language: Lang = 'nl';
  @state() private error = '';
  @state() private sent: 'EMAIL' | 'SERVER_LOG' | null = null;
  @state() private busy = false;

  override render() {
    const t = translator(MANAGE, this.language);
    return html`<section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${t('signInTitle')}</h2>
      <p>${t('signInIntro')}</p>
      <form novalidate @submit=${this.submit}>
        <div class="field">
          <label for="email">${t('email')}</label>
          <p class="hint" id="email-hint">${t('emailHint')}</p>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            aria-describedby="email-hint${this.error ? ' email-error' : ''}"
            aria-invalid=${this.error ? 'true' : 'false'}
          />
          ${this.error ? html`<p class="error" id="email-error">${this.error}</p>` : null}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('send')}</button>
      </form>
      <p role="status" class="ok">
        ${this.sent === 'SERVER_LOG' ? t('sentLog') : this.sent === 'EMAIL' ? t('sentEmail') : ''}
      </p>
      <tafel-passkey-sign-in .language=${this.language}></tafel-passkey-sign-in>
    </section>`;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = translator(MANAGE, this.language);
    const input = this.renderRoot.querySelector<HTMLInputElement>('#email');
    const email = input?.value.trim() ?? '';
    this.sent = null;
    if (!EMAIL.test(email)) {
      this.error = t('emailInvalid');
      input?.focus();
      return;
    }
    this.error = '';
    this.busy = true;
    try {
      const answer = await request<{
        requestSignInLink: { delivery: 'EMAIL' | 'SERVER_LOG' | null; userErrors: UserError[] };
      }>(REQUEST, { input: { email, language: this.language.toUpperCase() } });
      const payload = answer.data?.requestSignInLink;
      const errors = payload?.userErrors ?? [];
      if (errors.length > 0 || !payload) {
        this.error =
          [...errorsByField(errors).values()].flat().join(' ') ||
          (answer.errors[0]?.message ?? t('offline'));
        input?.focus();
        return;
      }
      this.sent = payload.delivery ?? 'EMAIL';
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.error = t('offline');
    } finally {
      this.busy = false;
    }
  }
}
