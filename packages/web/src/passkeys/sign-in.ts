/**
 * "Sign in with a passkey", beside the e-mail form: asks the API for options, lets the browser
 * prompt for a passkey of this site, sends its answer; the API sets the same session cookie as a
 * sign-in link, and the page opens signed in. Shown only where the browser can use passkeys.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { passkeyPost, passkeysPossible } from './api.ts';
import { PASSKEYS } from './messages.ts';

@customElement('tafel-passkey-sign-in')
export class TafelPasskeySignIn extends LitElement {
  static override styles = [base];

  @property() language: Lang = 'nl';
  @state() private problem = '';
  @state() private busy = false;

  override render() {
    if (!passkeysPossible()) return nothing;
    const t = translator(PASSKEYS, this.language);
    return html`<p id="passkey-hint">${t('or')} ${t('signInHint')}</p>
      <button type="button" aria-describedby="passkey-hint" ?disabled=${this.busy} @click=${this.signIn}>
        ${t('signInWithPasskey')}
      </button>
      <p role="alert" class="error">${this.problem}</p>`;
  }

  private async signIn(): Promise<void> {
    const t = translator(PASSKEYS, this.language);
    this.problem = '';
    this.busy = true;
    try {
      const asked = await passkeyPost<{ options: never }>('sign-in-options');
      if (!asked.ok) {
        this.problem = `${t('failed')} ${asked.errors.map((e) => e.message).join(' ')}`;
        return;
      }
      const { startAuthentication } = await import('@simplewebauthn/browser');
      let response: unknown;
      try {
        response = await startAuthentication({ optionsJSON: asked.data.options });
      } catch {
        this.problem = t('cancelled');
        return;
      }
      const answer = await passkeyPost('sign-in', response);
      if (!answer.ok) {
        this.problem = `${t('failed')} ${answer.errors.map((e) => e.message).join(' ')}`;
        return;
      }
      location.reload();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.problem = t('offline');
    } finally {
      this.busy = false;
    }
  }
}
