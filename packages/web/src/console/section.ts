/**
 * What the staff console's sections share: the context they are given, one GraphQL call that
 * turns a payload's `userErrors` (or a refusal) into errors shown twice — in a summary at the top
 * that moves focus to each field, and at the field itself — a polite status line for what went
 * well, and the reason form every step of the console asks for.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { CONSOLE } from './messages.ts';

export const consoleStyles = css`
  ul.cards {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.cards > li {
    border: 1px solid var(--tafel-line);
    border-radius: 0.5rem;
    padding: 0.75rem;
    margin: 0 0 0.75rem;
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
  }
  .card-head h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .meta {
    color: var(--tafel-muted);
    margin: 0.25rem 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .summary {
    border: 3px solid var(--tafel-error);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .summary h3 {
    margin: 0 0 0.5rem;
  }
  .summary a {
    color: var(--tafel-error);
    font-weight: 600;
  }
  form.step,
  fieldset {
    border: 1px solid var(--tafel-line);
    border-radius: 0.5rem;
    padding: 0.75rem;
    margin: 0.75rem 0 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0 1rem;
  }
  textarea {
    min-height: 5rem;
  }
`;

/** What /manage gives a section (manage/sections.ts SectionContext); the console needs the language. */
export interface ConsoleContext {
  lang: Lang;
}

export abstract class ConsoleSection extends LitElement {
  static override styles = [base, consoleStyles];

  @property({ attribute: false }) context!: ConsoleContext;
  /** The last refusal, shown in the summary and at its fields. */
  @state() protected errors: UserError[] = [];
  /** What just went well, read out politely. */
  @state() protected status = '';

  protected get language(): Lang {
    return this.context?.lang ?? 'nl';
  }

  /**
   * A query or mutation. For a mutation, `payload` names its field: its `userErrors` (or a
   * top-level refusal) become this section's errors and the answer is null.
   */
  protected async call<T>(
    document: string,
    variables: Record<string, unknown>,
    payload?: string,
  ): Promise<T | null> {
    const c = translator(CONSOLE, this.language);
    this.errors = [];
    let answer: Awaited<ReturnType<typeof request<Record<string, unknown>>>>;
    try {
      answer = await request(document, variables);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.errors = [
        { field: null, code: 'NETWORK', message: c('failed', { message: error.message }) },
      ];
      return null;
    }
    if (answer.errors.length || !answer.data) {
      const message = answer.errors[0]?.message ?? '—';
      this.errors = [{ field: null, code: 'ERROR', message: c('failed', { message }) }];
      return null;
    }
    if (payload) {
      const result = answer.data[payload] as { userErrors?: UserError[] } | null;
      if (result?.userErrors?.length) {
        this.errors = result.userErrors;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
        return null;
      }
    }
    return answer.data as T;
  }

  /** The error summary: each problem a link that moves focus to its field. */
  protected summary(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    const c = translator(CONSOLE, this.language);
    return html`<div class="summary" role="alert" tabindex="-1">
      <h3>${c('problem')}</h3>
      <ul>
        ${this.errors.map(
          (e) =>
            html`<li>
              <a href="#" @click=${(event: Event) => this.focusField(event, e.field?.at(-1))}
                >${e.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private focusField(event: Event, field: string | undefined): void {
    event.preventDefault();
    if (!field) return;
    this.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  /** The message at a field, if the last refusal named it; its id for `aria-describedby`. */
  protected fieldError(name: string): { id: string; text: string } | null {
    const text = errorsByField(this.errors).get(name)?.join(' ');
    return text ? { id: `error-${name}`, text } : null;
  }

  /** A labelled field with its hint and its error, wired for screen readers. */
  protected field(
    name: string,
    label: string,
    control: (describedBy: string, invalid: boolean) => TemplateResult,
    hint?: string,
  ): TemplateResult {
    const error = this.fieldError(name);
    const describedBy = [hint ? `hint-${name}` : '', error?.id ?? ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="field-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="hint-${name}">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id=${error.id}>${error.text}</p>` : nothing}
      ${control(describedBy, error !== null)}
    </div>`;
  }

  /** A reason box; `required` says so in its hint and is checked before sending. */
  protected reasonField(required: boolean): TemplateResult {
    const c = translator(CONSOLE, this.language);
    return this.field(
      'reason',
      c('reason'),
      (describedBy, invalid) =>
        html`<textarea
          id="field-reason"
          name="reason"
          aria-describedby=${describedBy}
          aria-invalid=${invalid ? 'true' : 'false'}
          ?required=${required}
        ></textarea>`,
      c(required ? 'reasonRequiredHint' : 'reasonOptionalHint'),
    );
  }

  /** The reason typed, or null with the refusal shown when one is required and missing. */
  protected async readReason(form: HTMLFormElement, required: boolean): Promise<string | null> {
    const reason = (new FormData(form).get('reason') as string | null)?.trim() ?? '';
    if (required && reason === '') {
      const c = translator(CONSOLE, this.language);
      this.errors = [{ field: ['input', 'reason'], code: 'REQUIRED', message: c('reasonMissing') }];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return null;
    }
    return reason;
  }

  /** A list of cards: a loading line until it is in, `empty` (or "nothing found") when bare. */
  protected cardList<T>(
    items: readonly T[] | null,
    card: (item: T) => TemplateResult,
    empty?: string,
  ): TemplateResult {
    const c = translator(CONSOLE, this.language);
    if (items === null) return html`<p>${c('loading')}</p>`;
    if (items.length === 0) return html`<p>${empty ?? c('none')}</p>`;
    return html`<ul class="cards">
      ${items.map(card)}
    </ul>`;
  }

  /** The organisations as a select's options, by name, one of them selected. */
  protected organisationOptions(
    organisations: readonly { slug: string; name: string }[],
    selected: string | undefined,
  ): TemplateResult[] {
    return organisations.map(
      (o) => html`<option value=${o.slug} ?selected=${selected === o.slug}>${o.name}</option>`,
    );
  }

  /** The polite status line every section ends with. */
  protected statusLine(): TemplateResult {
    return html`<p role="status" class="ok">${this.status}</p>`;
  }
}
