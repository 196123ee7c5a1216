/**
 * "Copy last year's venues into this edition" in `#venues`: a button that opens a small form —
 * the edition to copy from (the latest one before this edition's day, by default) — and sends
 * `copyLocations`. It says how many were copied and names each venue not copied, with its
 * reason, then fires `copied` so the list shows the new drafts.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import type { Edition } from './api.ts';
import { COPY } from './copy-messages.ts';

const COPY_LOCATIONS = `mutation ($input: CopyLocationsInput!) {
  copyLocations(input: $input) {
    copiedCount
    skipped { location { name } reason message }
    userErrors { field message code }
  }
}`;

interface Skip {
  location: { name: string };
  reason: 'ALREADY_IN_EDITION' | 'INVALID';
  message: string;
}

interface Answer {
  copyLocations: { copiedCount: number; skipped: Skip[]; userErrors: UserError[] };
}

@customElement('tafel-copy-venues')
export class TafelCopyVenues extends LitElement {
  static override styles = [
    base,
    css`
      form {
        border: 1px solid var(--tafel-line);
        padding: 0.75rem;
        margin-block: 0.75rem;
      }
      ul {
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) language: Lang = 'nl';
  @property({ attribute: false }) editions: Edition[] = [];
  /** The edition copied into (the one the list shows). */
  @property({ attribute: false }) edition!: Edition;
  @state() private open = false;
  @state() private from = '';
  @state() private busy = false;
  @state() private status = '';
  @state() private error = '';
  @state() private skipped: Skip[] = [];

  private get t() {
    return translator(COPY, this.language);
  }

  private get sources(): Edition[] {
    return this.editions.filter((e) => e.slug !== this.edition.slug);
  }

  /** The latest edition before this one's day, else any other. */
  private defaultSource(): string {
    const before = this.sources
      .filter((e) => e.date < this.edition.date)
      .sort((a, b) => b.date.localeCompare(a.date));
    return (before[0] ?? this.sources[0])?.slug ?? '';
  }

  private toggle(): void {
    this.open = !this.open;
    if (this.open) {
      this.from = this.defaultSource();
      this.status = '';
      this.error = '';
      this.skipped = [];
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.t;
    this.busy = true;
    this.status = t('busy');
    this.error = '';
    this.skipped = [];
    try {
      const answer = await request<Answer>(COPY_LOCATIONS, {
        input: { from: this.from, to: this.edition.slug },
      });
      const payload = answer.data?.copyLocations;
      if (!payload || payload.userErrors.length > 0) {
        this.status = '';
        this.error =
          payload?.userErrors.map((e) => e.message).join(' ') || (answer.errors[0]?.message ?? '');
        return;
      }
      const n = payload.copiedCount;
      this.status = n === 0 ? t('copiedNone') : n === 1 ? t('copiedOne') : t('copied', { n });
      this.skipped = payload.skipped;
      if (n > 0) this.dispatchEvent(new CustomEvent('copied', { detail: n }));
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = '';
      this.error = t('offline');
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t;
    if (this.sources.length === 0) return nothing;
    return html`<button
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="copy-form"
        @click=${this.toggle}
      >
        ${t('open')}
      </button>
      ${
        this.open
          ? html`<form id="copy-form" @submit=${this.submit}>
              <div class="field">
                <label for="copy-from">${t('from')}</label>
                <select
                  id="copy-from"
                  aria-describedby="copy-from-hint${this.error ? ' copy-error' : ''}"
                  aria-invalid=${this.error ? 'true' : 'false'}
                  @change=${(e: Event) => {
                    this.from = (e.target as HTMLSelectElement).value;
                  }}
                >
                  ${this.sources.map(
                    (e) =>
                      html`<option value=${e.slug} ?selected=${e.slug === this.from}>
                        ${e.name} (${e.date})
                      </option>`,
                  )}
                </select>
                <p class="hint" id="copy-from-hint">${t('fromHint')}</p>
              </div>
              ${this.error ? html`<p class="error" id="copy-error" role="alert">${this.error}</p>` : nothing}
              <button class="primary" type="submit" ?disabled=${this.busy || !this.from}>
                ${t('copy')}
              </button>
              <button type="button" @click=${this.toggle}>${t('close')}</button>
            </form>`
          : nothing
      }
      <p role="status" class="ok">${this.status}</p>
      ${
        this.skipped.length > 0
          ? html`<p id="copy-skipped">${t('skipped')}</p>
              <ul aria-labelledby="copy-skipped">
                ${this.skipped.map(
                  (s) =>
                    html`<li>
                      <strong>${s.location.name}</strong>: ${t(s.reason)}${
                        s.reason === 'INVALID'
                          ? html` (<span lang="en">${s.message}</span>)`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-copy-venues': TafelCopyVenues;
  }
}
