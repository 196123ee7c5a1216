/**
 * The console's editions: each with its day and status (and why it was called off or moved),
 * the steps its status allows — open, close, call off (with a reason), postpone (with a reason
 * and a new day) — and a form for a new one. Staff admins only.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translator } from '../../lib/i18n.ts';
import { CONSOLE } from '../messages.ts';
import { ConsoleSection } from '../section.ts';
import { EDITIONS } from './messages.ts';

type Status = 'PLANNED' | 'OPEN' | 'CLOSED' | 'CANCELLED' | 'POSTPONED';
type Step = 'open' | 'close' | 'cancel' | 'postpone';
type Acting = Step | 'press';

interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

interface Edition {
  slug: string;
  name: string;
  date: string;
  endDate: string | null;
  status: Status;
  statusReason: string | null;
  postponedFrom: string | null;
  pressContact: Contact | null;
}

const LIST = /* GraphQL */ `
  query ConsoleEditions {
    editions { slug name date endDate status statusReason postponedFrom pressContact { name email phone } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation EditionPress($input: UpdateEditionInput!) {
    updateEdition(input: $input) { edition { slug } userErrors { field message code } }
  }
`;
/** The server's checks of a contact, for messages in the page's language before sending. */
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const PHONE = /^\+?[0-9]{6,15}$/;
const CREATE = /* GraphQL */ `
  mutation CreateEdition($input: CreateEditionInput!) {
    createEdition(input: $input) { edition { slug } userErrors { field message code } }
  }
`;
/** Which steps each status allows, as the API does. */
const STEPS: Record<Status, Step[]> = {
  PLANNED: ['open', 'close', 'postpone', 'cancel'],
  OPEN: ['close', 'postpone', 'cancel'],
  POSTPONED: ['open', 'close', 'postpone', 'cancel'],
  CLOSED: ['open'],
  CANCELLED: [],
};
const FIELD: Record<Step, string> = {
  open: 'openEdition',
  close: 'closeEdition',
  cancel: 'cancelEdition',
  postpone: 'postponeEdition',
};
const INPUT: Record<Step, string> = {
  open: 'OpenEditionInput',
  close: 'CloseEditionInput',
  cancel: 'CancelEditionInput',
  postpone: 'PostponeEditionInput',
};
const TITLE = {
  open: 'openTitle',
  close: 'closeTitle',
  cancel: 'cancelTitle',
  postpone: 'postponeTitle',
} as const;

@customElement('tafel-section-editions')
export class TafelSectionEditions extends ConsoleSection {
  @state() private editions: Edition[] | null = null;
  @state() private acting: { edition: Edition; step: Acting } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const data = await this.call<{ editions: Edition[] }>(LIST, {});
    this.editions = data?.editions ?? [];
  }

  private async open(edition: Edition, step: Acting): Promise<void> {
    this.acting = { edition, step };
    this.errors = [];
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(step === 'press' ? '#field-name' : '#field-reason')
      ?.focus();
  }

  private async savePress(event: Event): Promise<void> {
    event.preventDefault();
    const { edition } = this.acting!;
    const t = translator(EDITIONS, this.language);
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const contact = { name: value('name'), email: value('email'), phone: value('phone') };
    const problems = [];
    if (contact.email && !EMAIL.test(contact.email))
      problems.push({
        field: ['input', 'pressContact', 'email'],
        code: 'INVALID',
        message: t('emailInvalid'),
      });
    if (contact.phone && !PHONE.test(contact.phone.replace(/[\s()./-]/g, '')))
      problems.push({
        field: ['input', 'pressContact', 'phone'],
        code: 'INVALID',
        message: t('phoneInvalid'),
      });
    if (problems.length) {
      this.errors = problems;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    const empty = !contact.name && !contact.email && !contact.phone;
    const input = { slug: edition.slug, pressContact: empty ? null : contact };
    if (!(await this.call(UPDATE, { input }, 'updateEdition'))) return;
    this.status = t('pressSaved', { name: edition.name });
    this.acting = null;
    await this.load();
  }

  private close(): void {
    this.acting = null;
    this.errors = [];
  }

  private async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const { edition } = this.acting!;
    const step = this.acting!.step as Step;
    const form = event.target as HTMLFormElement;
    const needsReason = step === 'cancel' || step === 'postpone';
    const reason = await this.readReason(form, needsReason);
    if (reason === null) return;
    const input: Record<string, unknown> = { edition: edition.slug, reason: reason || null };
    if (step === 'postpone') input['date'] = new FormData(form).get('date') || null;
    const field = FIELD[step];
    const done = await this.call<Record<string, { edition: Edition }>>(
      `mutation ($input: ${INPUT[step]}!) { ${field}(input: $input) { edition { slug name status } userErrors { field message code } } }`,
      { input },
      field,
    );
    if (!done) return;
    const t = translator(EDITIONS, this.language);
    const status = done[field]!.edition.status;
    this.status = t('done', { name: edition.name, status: t(`status${status}`) });
    this.acting = null;
    await this.load();
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const input = {
      name: String(data.get('name') ?? '').trim(),
      slug: String(data.get('slug') ?? '').trim(),
      date: String(data.get('date') ?? ''),
      endDate: String(data.get('endDate') ?? '') || null,
      status: 'PLANNED',
    };
    this.acting = null;
    const done = await this.call(CREATE, { input }, 'createEdition');
    if (!done) return;
    form.reset();
    this.status = translator(EDITIONS, this.language)('created', { name: input.name });
    await this.load();
  }

  override render() {
    const t = translator(EDITIONS, this.language);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${this.acting ? nothing : this.summary()} ${this.statusLine()}
      ${this.cardList(this.editions, (e) => this.card(e))}
      ${
        this.acting
          ? nothing
          : html`<h3>${t('create')}</h3>
            <form @submit=${this.create} novalidate>
              ${this.input('name', t('name'), t('nameHint'))}
              ${this.input('slug', t('slug'), t('slugHint'))}
              ${this.input('date', t('date'), t('dateHint'), 'date')}
              ${this.input('endDate', t('endDate'), t('endDateHint'), 'date')}
              <button type="submit" class="primary">${t('createButton')}</button>
            </form>`
      }`;
  }

  private input(name: string, label: string, hint?: string, type = 'text', value = '') {
    return this.field(
      name,
      label,
      (describedBy, invalid) =>
        html`<input id="field-${name}" name=${name} type=${type} aria-describedby=${describedBy}
          aria-invalid=${invalid ? 'true' : 'false'} .value=${value} />`,
      hint,
    );
  }

  private pressForm(e: Edition) {
    const t = translator(EDITIONS, this.language);
    const c = translator(CONSOLE, this.language);
    const p = e.pressContact;
    return html`<form class="step" @submit=${this.savePress} aria-labelledby="step-title" novalidate>
      <h4 id="step-title">${t('pressTitle', { name: e.name })}</h4>
      <p>${t('pressIntro')}</p>
      ${this.summary()} ${this.input('name', t('pressName'), undefined, 'text', p?.name ?? '')}
      ${this.input('email', t('pressEmail'), undefined, 'email', p?.email ?? '')}
      ${this.input('phone', t('pressPhone'), undefined, 'tel', p?.phone ?? '')}
      <div class="actions">
        <button type="submit" class="primary">${t('pressSave')}</button>
        <button type="button" @click=${this.close}>${c('cancel')}</button>
      </div>
    </form>`;
  }

  private card(e: Edition) {
    const t = translator(EDITIONS, this.language);
    const c = translator(CONSOLE, this.language);
    const open = this.acting?.edition.slug === e.slug ? this.acting.step : null;
    const headId = `edition-${e.slug}`;
    return html`<li>
      <div class="card-head">
        <h3 id=${headId}>${e.name}</h3>
        <span><strong>${t(`status${e.status}`)}</strong> ${
          e.endDate ? t('span', { date: e.date, endDate: e.endDate }) : t('on', { date: e.date })
        }</span>
      </div>
      ${e.postponedFrom ? html`<p class="meta">${t('movedFrom', { date: e.postponedFrom })}</p>` : nothing}
      ${e.statusReason ? html`<p class="meta">${c('reason')}: ${e.statusReason}</p>` : nothing}
      <p class="meta">
        ${
          e.pressContact
            ? t('pressShown', {
                contact: [e.pressContact.name, e.pressContact.email, e.pressContact.phone]
                  .filter(Boolean)
                  .join(', '),
              })
            : t('pressNone')
        }
      </p>
      ${
        open === 'press'
          ? this.pressForm(e)
          : open
            ? html`<form class="step" @submit=${this.confirm} aria-labelledby="step-title" novalidate>
            <h4 id="step-title">${t(TITLE[open as Step], { name: e.name })}</h4>
            ${this.summary()} ${this.reasonField(open === 'cancel' || open === 'postpone')}
            ${open === 'postpone' ? this.input('date', t('newDate'), t('newDateHint'), 'date') : nothing}
            <div class="actions">
              <button type="submit" class="primary">${c('confirm')}</button>
              <button type="button" @click=${this.close}>${c('cancel')}</button>
            </div>
          </form>`
            : html`<div class="actions">
            ${STEPS[e.status].map(
              (step) =>
                html`<button type="button" aria-describedby=${headId} @click=${() => this.open(e, step)}>
                  ${t(step)}
                </button>`,
            )}
            <button type="button" aria-describedby=${headId} @click=${() => this.open(e, 'press')}>
              ${t('press')}
            </button>
          </div>`
      }
    </li>`;
  }
}
