/**
 * The portal's spreadsheet upload (`#import`): a CSV file is checked first (`importLocations` with
 * `dryRun`), every problem listed by line and column; only after a clean check does "Save" send
 * the same text again to be saved. The file is parsed by the API, as `tafel import` parses it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { defaultEdition, EDITIONS, type Edition, type PortalContext } from './api.ts';
import { formStyles } from './form-styles.ts';
import { IMPORT } from './import-messages.ts';

/** The API's limit (TAFEL_IMPORT_MAX_BYTES by default): a larger file is not even sent. */
const MAX_BYTES = 5_000_000;

interface Problem {
  line: number | null;
  column: string | null;
  message: string;
  code: string;
}
interface Outcome {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: Problem[];
  userErrors: UserError[];
}

const IMPORT_LOCATIONS = `mutation ($input: ImportLocationsInput!) {
  importLocations(input: $input) {
    dryRun created updated unchanged
    problems { line column message code }
    userErrors { field message code }
  }
}`;

const counts = ({ created, updated, unchanged }: Outcome) => ({ created, updated, unchanged });

@customElement('tafel-section-import')
export class TafelSectionImport extends LitElement {
  static override styles = [
    base,
    formStyles,
    css`
      table {
        width: 100%;
        table-layout: fixed;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.25rem 0.5rem 0.25rem 0;
        border-bottom: 1px solid var(--tafel-line);
        overflow-wrap: anywhere;
      }
      th.n {
        width: 4.5rem;
      }
      th.c {
        width: 7rem;
      }
    `,
  ];

  @property({ attribute: false }) context!: PortalContext;
  @state() private editions: Edition[] = [];
  @state() private edition = '';
  @state() private busy = false;
  @state() private status = '';
  @state() private fileError = '';
  @state() private problems: Problem[] = [];
  /** The text of the last clean check: "Save" sends exactly this. */
  @state() private checked: string | null = null;

  private get t() {
    return translator(IMPORT, this.context.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      const answer = await request<{ editions: Edition[] }>(EDITIONS);
      this.editions = answer.data?.editions ?? [];
      this.edition = defaultEdition(this.editions);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = this.t('offline');
    }
  }

  /** A new file or edition: the earlier check no longer holds. */
  private reset(): void {
    if (this.checked !== null) this.status = this.t('changed');
    this.checked = null;
    this.problems = [];
    this.fileError = '';
  }

  /** The chosen file's text, or a message why it is not sent. */
  private async text(): Promise<string | null> {
    const t = this.t;
    const file = this.renderRoot.querySelector<HTMLInputElement>('#file')?.files?.[0];
    if (!file) this.fileError = t('noFile');
    else if (file.size > MAX_BYTES)
      this.fileError = t('tooLarge', { size: (file.size / 1_000_000).toFixed(1) });
    else {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
      } catch {
        this.fileError = t('notUtf8');
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#file')?.focus();
    return null;
  }

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.reset();
    this.status = '';
    const text = await this.text();
    if (text === null) return;
    const outcome = await this.send(text, true);
    if (outcome && outcome.problems.length === 0 && outcome.userErrors.length === 0) {
      this.checked = text;
      this.status = this.t('clean', counts(outcome));
    }
  }

  private async save(): Promise<void> {
    if (this.checked === null) return;
    const outcome = await this.send(this.checked, false);
    if (outcome && outcome.problems.length === 0 && outcome.userErrors.length === 0) {
      this.checked = null;
      this.status = this.t('saved', counts(outcome));
    }
  }

  private async send(csv: string, dryRun: boolean): Promise<Outcome | null> {
    const t = this.t;
    this.busy = true;
    this.status = dryRun ? t('checking') : t('saving');
    try {
      const answer = await request<{ importLocations: Outcome | null }>(IMPORT_LOCATIONS, {
        input: { edition: this.edition, csv, dryRun },
      });
      const outcome = answer.data?.importLocations ?? null;
      if (!outcome) {
        this.status = answer.errors[0]?.message ?? t('offline');
        return null;
      }
      // Problems outside the file (the edition, the organisation) come as userErrors alone.
      const others = outcome.userErrors.filter((e) => e.field?.[0] !== 'csv');
      this.problems = [
        ...outcome.problems,
        ...others.map((e) => ({ line: null, column: null, message: e.message, code: e.code })),
      ];
      if (this.problems.length > 0) {
        this.checked = null;
        this.status = '';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#problems-title')?.focus();
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.status = t('offline');
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** The API's message, or the page's own in the person's language where it has one. */
  private message(p: Problem): string {
    return p.code === 'FORMULA' ? this.t('formula') : p.message;
  }

  override render() {
    const t = this.t;
    return html`<section aria-labelledby="import-title">
      <h2 id="import-title">${t('title')}</h2>
      <p>${t('intro')}</p>
      <form novalidate @submit=${this.check}>
        <div class="field">
          <label for="edition">${t('edition')}</label>
          <select id="edition" .value=${this.edition}
            @change=${(e: Event) => {
              this.edition = (e.target as HTMLSelectElement).value;
              this.reset();
            }}>
            ${this.editions.map(
              (e) =>
                html`<option value=${e.slug} ?selected=${e.slug === this.edition}>${e.name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="file">${t('file')}</label>
          <input id="file" type="file" accept=".csv,text/csv" @change=${this.reset}
            aria-describedby="file-help${this.fileError ? ' file-error' : ''}"
            aria-invalid=${this.fileError ? 'true' : 'false'} />
          <p id="file-help">${t('fileHelp')}</p>
          ${this.fileError ? html`<p class="error" id="file-error">${this.fileError}</p>` : nothing}
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy || !this.edition}>${t('check')}</button>
          ${
            this.checked !== null
              ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${this.save}>
                  ${t('save')}
                </button>`
              : nothing
          }
        </div>
      </form>
      <p role="status" class="ok">${this.status}</p>
      ${this.problems.length > 0 ? this.problemTable() : nothing}
    </section>`;
  }

  private problemTable() {
    const t = this.t;
    return html`<h3 id="problems-title" tabindex="-1">
        ${t('problemsTitle', { n: this.problems.length })}
      </h3>
      <p>${t('problemsIntro')}</p>
      <table aria-labelledby="problems-title">
        <thead>
          <tr>
            <th class="n" scope="col">${t('line')}</th>
            <th class="c" scope="col">${t('column')}</th>
            <th scope="col">${t('problem')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.problems.map(
            (p) => html`<tr>
              <td>${p.line ?? t('wholeFile')}</td>
              <td>${p.column ?? '—'}</td>
              <td>${this.message(p)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}
