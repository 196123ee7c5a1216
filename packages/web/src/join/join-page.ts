/**
 * /join: an organisation applies. Every field labelled with a hint; the browser checks what the
 * server checks (checks.ts) and the server's userErrors land at the same fields; errors twice —
 * a summary at the top linking to each field, and the message at the field. The federation's
 * terms are shown in the person's language and agreed to with a checkbox; a honeypot field is
 * hidden from people and from screen readers. Afterwards, a clear thank-you. When the instance
 * serves federations, the form asks which network to join (none: the instance's own); a
 * federation's site links to `/join?federation=<slug>` to have its own chosen.
 */
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '@tafel/schema';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { chooseLang, LANG_NAMES, LANGS, type Lang, startLang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { type Answers, check, FIELDS, type Field, serverProblem } from './checks.ts';
import { JOIN, type JoinKey } from './messages.ts';

const JOIN_FORM = /* GraphQL */ `
  query JoinForm {
    joinForm {
      token
      termsVersion
      nl: termsText(language: NL)
      en: termsText(language: EN)
      de: termsText(language: DE)
      da: termsText(language: DA)
    }
    federations { slug name }
  }
`;

const APPLY = /* GraphQL */ `
  mutation ApplyToJoin($input: ApplyToJoinInput!) {
    applyToJoin(input: $input) {
      received
      userErrors { field message code }
    }
  }
`;

type Form = { token: string; termsVersion: string } & Record<Lang, string>;
interface Federation {
  slug: string;
  name: string;
}

@customElement('tafel-join')
export class TafelJoin extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        max-width: 40rem;
        margin: 0 auto;
        padding: 0 1rem 3rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1.5rem;
        border-bottom: 1px solid var(--tafel-line);
        padding: 0.5rem 0;
      }
      .brand {
        font-weight: 700;
        font-size: 1.25rem;
        margin: 0;
      }
      .lang {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 400;
      }
      .lang select {
        width: auto;
      }
      .summary {
        border: 3px solid var(--tafel-error);
        padding: 0.5rem 1rem;
        margin: 1rem 0;
      }
      .summary h2 {
        margin: 0.25rem 0;
        font-size: 1.2rem;
      }
      .summary ul {
        padding-left: 1.2rem;
        margin: 0.25rem 0;
      }
      .summary a {
        color: var(--tafel-error);
        font-weight: 600;
      }
      fieldset {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 0.5rem 1rem 1rem;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .terms {
        white-space: pre-line;
        margin: 0.25rem 0 0.75rem;
      }
      .check {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
      }
      .check input {
        flex: none;
        margin-top: 0.1rem;
      }
      .trap {
        position: absolute;
        left: -10000px;
        width: 1px;
        height: 1px;
        overflow: hidden;
      }
      #website {
        max-width: 32rem;
      }
    `,
  ];

  @state() private language: Lang = startLang();
  @state() private form: Form | null = null;
  @state() private federations: Federation[] = [];
  /** The federation chosen when the form opens: the address's `?federation=`, if it is one. */
  private readonly preselected = new URLSearchParams(location.search).get('federation');
  @state() private failed = false;
  @state() private busy = false;
  @state() private done = false;
  @state() private problems = new Map<Field, JoinKey>();
  /** A problem of the whole form (refused, limited, stale). */
  @state() private formProblem: JoinKey | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    chooseLang(this.language);
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const answer = await request<{ joinForm: Form; federations: Federation[] | null }>(JOIN_FORM);
      this.form = answer.data?.joinForm ?? null;
      this.federations = answer.data?.federations ?? [];
      this.failed = !this.form;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.failed = true;
    }
  }

  private setLang(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value as Lang;
    chooseLang(this.language);
  }

  override render() {
    const t = translator(JOIN, this.language);
    document.title = t('title');
    return html`<header>
        <p class="brand">Tafel</p>
        <label class="lang"
          >${t('language')}
          <select @change=${this.setLang}>
            ${LANGS.map(
              (lang) =>
                html`<option value=${lang} ?selected=${lang === this.language} lang=${lang}>
                  ${LANG_NAMES[lang]}
                </option>`,
            )}
          </select>
        </label>
      </header>
      <main id="main">${this.done ? this.thanks() : this.page()}</main>`;
  }

  private thanks() {
    const t = translator(JOIN, this.language);
    return html`<h1 id="thanks" tabindex="-1">${t('thanksHeading')}</h1>
      <p role="status">${t('thanks')}</p>`;
  }

  private page() {
    const t = translator(JOIN, this.language);
    return html`<h1>${t('heading')}</h1>
      <p>${t('intro')}</p>
      ${
        this.failed
          ? html`<p role="alert" class="error">${t('offline')}</p>`
          : this.form
            ? this.formView(this.form)
            : html`<p role="status">${t('loading')}</p>`
      }`;
  }

  private summary() {
    const t = translator(JOIN, this.language);
    if (this.problems.size === 0 && !this.formProblem) return nothing;
    return html`<div class="summary" id="summary" tabindex="-1" role="alert" aria-labelledby="summary-title">
      <h2 id="summary-title">${t('problem')}</h2>
      <ul>
        ${this.formProblem ? html`<li>${t(this.formProblem)}</li>` : nothing}
        ${[...this.problems].map(
          ([field, key]) =>
            html`<li><a href="#${field}" @click=${(e: Event) => this.focusField(e, field)}>${t(key)}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  private focusField(event: Event, field: Field): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  /** aria attributes and the message of one field. */
  private described(field: Field, hint: boolean) {
    const problem = this.problems.get(field);
    return {
      describedBy: [hint ? `${field}-hint` : '', problem ? `${field}-error` : '']
        .filter(Boolean)
        .join(' '),
      invalid: problem ? 'true' : 'false',
      message: problem
        ? html`<p class="error" id="${field}-error">${translator(JOIN, this.language)(problem)}</p>`
        : nothing,
    };
  }

  private text(
    field: 'organisationName' | 'website' | 'contactName' | 'email',
    type: string,
    autocomplete: string,
    required: boolean,
  ) {
    const t = translator(JOIN, this.language);
    const d = this.described(field, true);
    return html`<div class="field">
      <label for=${field}>${t(field)}</label>
      <p class="hint" id="${field}-hint">${t(`${field}Hint`)}</p>
      ${d.message}
      <input
        id=${field}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${required}
        aria-required=${required ? 'true' : 'false'}
        aria-describedby=${d.describedBy}
        aria-invalid=${d.invalid}
      />
    </div>`;
  }

  /** Which network: only when the instance serves federations. */
  private federationField() {
    if (this.federations.length === 0) return nothing;
    const t = translator(JOIN, this.language);
    const d = this.described('federation', true);
    return html`<div class="field">
      <label for="federation">${t('federation')}</label>
      <p class="hint" id="federation-hint">${t('federationHint')}</p>
      ${d.message}
      <select id="federation" name="federation" aria-describedby=${d.describedBy} aria-invalid=${d.invalid}>
        <option value="">${t('federationNone')}</option>
        ${this.federations.map(
          (f) =>
            html`<option value=${f.slug} ?selected=${f.slug === this.preselected}>${f.name}</option>`,
        )}
      </select>
    </div>`;
  }

  private formView(form: Form) {
    const t = translator(JOIN, this.language);
    const kind = this.described('kind', false);
    const consent = this.described('consent', false);
    return html`${this.summary()}
      <form novalidate @submit=${this.submit}>
        ${this.federationField()}
        ${this.text('organisationName', 'text', 'organization', true)}
        <div class="field">
          <label for="kind">${t('kind')}</label>
          ${kind.message}
          <select id="kind" name="kind" required aria-describedby=${kind.describedBy} aria-invalid=${kind.invalid}>
            <option value="">${t('kindChoose')}</option>
            ${ORGANISATION_KINDS.map(
              (k) =>
                html`<option value=${k}>${ORGANISATION_KIND_LABELS[k][this.language]}</option>`,
            )}
          </select>
        </div>
        ${this.text('website', 'url', 'url', false)}
        ${this.text('contactName', 'text', 'name', true)}
        ${this.text('email', 'email', 'email', true)}
        <fieldset>
          <legend>${t('terms')}</legend>
          <p class="terms" id="terms-text" lang=${this.language}>${form[this.language]}</p>
          ${consent.message}
          <div class="check">
            <input
              id="consent"
              name="consent"
              type="checkbox"
              required
              aria-describedby=${['terms-text', consent.describedBy].filter(Boolean).join(' ')}
              aria-invalid=${consent.invalid}
            />
            <label for="consent">${t('consent')}</label>
          </div>
        </fieldset>
        <div class="trap" aria-hidden="true">
          <label for="homepage">${t('honeypot')}</label>
          <input id="homepage" name="homepage" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('sending') : t('send')}</button>
      </form>`;
  }

  private value(id: string): string {
    return (
      this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value ?? ''
    );
  }

  private async showProblems(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.form || this.busy) return;
    const answers: Answers = {
      federation: this.value('federation'),
      organisationName: this.value('organisationName'),
      kind: this.value('kind'),
      website: this.value('website'),
      contactName: this.value('contactName'),
      email: this.value('email'),
      consent: this.renderRoot.querySelector<HTMLInputElement>('#consent')?.checked ?? false,
    };
    this.formProblem = null;
    this.problems = check(answers);
    if (this.problems.size > 0) return this.showProblems();
    this.busy = true;
    try {
      const answer = await request<{
        applyToJoin: { received: boolean; userErrors: UserError[] } | null;
      }>(APPLY, {
        input: {
          ...answers,
          organisationName: answers.organisationName.trim(),
          contactName: answers.contactName.trim(),
          email: answers.email.trim(),
          website: answers.website.trim() || null,
          federation: answers.federation || null,
          termsVersion: this.form.termsVersion,
          formToken: this.form.token,
          leaveEmpty: this.value('homepage'),
          language: this.language.toUpperCase(),
        },
      });
      const payload = answer.data?.applyToJoin;
      if (payload?.received) {
        this.done = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#thanks')?.focus();
        return;
      }
      this.takeServerErrors(payload?.userErrors ?? []);
      if (!payload) this.formProblem = 'offline';
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.formProblem = 'offline';
    } finally {
      this.busy = false;
    }
    return this.showProblems();
  }

  /** The server's userErrors, each at its field, or as a problem of the whole form. */
  private takeServerErrors(errors: readonly UserError[]): void {
    const problems = new Map<Field, JoinKey>();
    for (const error of errors) {
      const field = error.field?.[0] ?? '';
      if ((FIELDS as readonly string[]).includes(field))
        problems.set(field as Field, serverProblem(field as Field, error.code));
      else if (field === 'termsVersion') this.formProblem = 'termsChanged';
      else if (field === 'formToken') this.formProblem = 'stale';
      else this.formProblem = error.code === 'RATE_LIMITED' ? 'rateLimited' : 'refused';
    }
    this.problems = problems;
  }
}
