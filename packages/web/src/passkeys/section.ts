/**
 * The signed-in person's passkeys (`#passkeys`, for everyone): the list, with when each was
 * added and last used, a remove button each, and "Add a passkey" (the browser's own prompt).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError } from '../lib/gql.ts';
import { formatDateTime, type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { type PasskeySummary, passkeyPost, passkeysPossible } from './api.ts';
import { PASSKEYS } from './messages.ts';

@customElement('tafel-section-passkeys')
export class TafelSectionPasskeys extends LitElement {
  static override styles = [
    base,
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

  /** What /manage gives every section (its SectionContext); only the language is needed. */
  @property({ attribute: false }) context!: { lang: Lang };
  @state() private passkeys: PasskeySummary[] | null = null;
  @state() private status = '';
  @state() private problem = '';
  @state() private busy = false;

  private get t() {
    return translator(PASSKEYS, this.context.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run('list', {});
  }

  /** One request; the list it answers, or its problem shown. True when it went through. */
  private async run(action: string, body: unknown): Promise<boolean> {
    try {
      const answer = await passkeyPost<{ passkeys: PasskeySummary[] }>(action, body);
      if (!answer.ok) {
        this.problem = `${this.t('failed')} ${answer.errors.map((e) => e.message).join(' ')}`;
        return false;
      }
      this.passkeys = answer.data.passkeys;
      return true;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.problem = this.t('offline');
      return false;
    }
  }

  private async add(): Promise<void> {
    const t = this.t;
    this.status = '';
    this.problem = '';
    this.busy = true;
    try {
      const asked = await passkeyPost<{ options: never }>('register-options');
      if (!asked.ok) {
        this.problem = `${t('failed')} ${asked.errors.map((e) => e.message).join(' ')}`;
        return;
      }
      const { startRegistration } = await import('@simplewebauthn/browser');
      let response: unknown;
      try {
        response = await startRegistration({ optionsJSON: asked.data.options });
      } catch (error) {
        this.problem = `${t('failed')} ${(error as Error).message}`;
        return;
      }
      if (await this.run('register', response)) this.status = t('added');
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.problem = t('offline');
    } finally {
      this.busy = false;
    }
  }

  private async removeOne(n: number, passkey: PasskeySummary): Promise<void> {
    const t = this.t;
    if (!confirm(t('confirmRemove', { n }))) return;
    this.status = '';
    this.problem = '';
    if (await this.run('remove', { id: passkey.id })) this.status = t('removed', { n });
  }

  override render() {
    const t = this.t;
    const lang = this.context.lang;
    return html`<section aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">${t('title')}</h2>
      <p>${t('intro')}</p>
      ${
        passkeysPossible()
          ? html`<button class="primary" type="button" ?disabled=${this.busy} @click=${this.add}>
            ${t('add')}
          </button>`
          : nothing
      }
      <p role="status" class="ok">${this.status}</p>
      <p role="alert" class="error">${this.problem}</p>
      ${
        this.passkeys === null
          ? nothing
          : this.passkeys.length === 0
            ? html`<p>${t('none')}</p>`
            : html`<ul>
              ${this.passkeys.map(
                (passkey, i) => html`<li>
                  <span
                    ><strong>${t('passkey', { n: i + 1 })}</strong> · ${t('created')}:
                    ${formatDateTime(passkey.createdAt, lang)} · ${t('lastUsed')}:
                    ${passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt, lang) : t('never')}</span
                  >
                  <button type="button" aria-label="${t('remove')}: ${t('passkey', { n: i + 1 })}"
                    @click=${() => this.removeOne(i + 1, passkey)}>
                    ${t('remove')}
                  </button>
                </li>`,
              )}
            </ul>`
      }
    </section>`;
  }
}
