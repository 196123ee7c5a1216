/**
 * The organisation's profile (`#profile`): name, website, logo and the contact for the
 * federation (`updateOrganisation`), checked in the browser as the server checks them
 * (api/src/locations/organisations.ts); the server's userErrors at their fields.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import type { PortalContext } from './api.ts';
import { formStyles } from './form-styles.ts';
import { type ProfileKey, PROFILE as WORDS } from './profile-messages.ts';

interface Profile {
  name: string;
  website: string | null;
  logoUrl: string | null;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
}

const SELECTION = 'name website logoUrl contact { name email phone }';
const PROFILE = `query { viewer { organisation { ${SELECTION} } } }`;
const UPDATE = `mutation ($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { ${SELECTION} } userErrors { field message code } }
}`;

/** The form's fields in the order they appear: the first problem in this order gets focus. */
const FIELDS = [
  'name',
  'website',
  'logoUrl',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;
type Field = (typeof FIELDS)[number];
/** A message key, and the limit it names. */
type Problem = [key: ProfileKey, n?: number];

/** The server's limits (api/src/locations/organisations.ts). */
const MAX: Partial<Record<Field, number>> = {
  name: 200,
  website: 2048,
  logoUrl: 2048,
  contactName: 200,
  contactEmail: 254,
  contactPhone: 40,
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and selector is matched alone, on purpose.
const INVISIBLE = /[\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f]/gu;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
/** 6 to 15 digits, an optional + first, once the separators people write are taken out. */
const PHONE = /^\+?[0-9]{6,15}$/;
const PHONE_SEPARATORS = /[\s()./-]/g;

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** What the server would refuse in this field's value, or null. */
function problem(field: Field, value: string): Problem | null {
  const max = MAX[field];
  if (field === 'name' && value.replace(INVISIBLE, '') === '') return ['required'];
  if (!value) return null;
  if (max !== undefined && value.length > max) return ['tooLong', max];
  switch (field) {
    case 'website':
    case 'logoUrl':
      return httpUrl(value) ? null : ['badUrl'];
    case 'name':
    case 'contactName':
      return CONTROL.test(value) || BIDI.test(value) || value.replace(INVISIBLE, '') === ''
        ? ['badText']
        : null;
    case 'contactEmail':
      return EMAIL.test(value) ? null : ['badEmail'];
    case 'contactPhone':
      return PHONE.test(value.replace(PHONE_SEPARATORS, '')) ? null : ['badPhone'];
    default:
      return null;
  }
}

/** The form's field a userError names (`["contact", "email"]` is `contactEmail`). */
function fieldOf(error: UserError): Field {
  const path = (error.field ?? []).join('.');
  const field = path.startsWith('contact.')
    ? `contact${path.charAt(8).toUpperCase()}${path.slice(9)}`
    : path;
  return FIELDS.includes(field as Field) ? (field as Field) : 'name';
}

/** A server's refusal in the page's language where its code says what is wrong, else its own words. */
function serverProblem(field: Field, error: UserError): Problem | string {
  if (error.code === 'REQUIRED') return ['required'];
  if (error.code === 'TOO_LONG' && MAX[field]) return ['tooLong', MAX[field]];
  if (error.code === 'INVALID_URL') return ['badUrl'];
  if (error.code === 'INVALID' && field === 'contactEmail') return ['badEmail'];
  if (error.code === 'INVALID' && field === 'contactPhone') return ['badPhone'];
  if (error.code === 'INVALID' && (field === 'name' || field === 'contactName')) return ['badText'];
  return error.message;
}

@customElement('tafel-section-profile')
export class TafelSectionProfile extends LitElement {
  static override styles = [base, formStyles];

  @property({ attribute: false }) context!: PortalContext;
  @state() private profile: Profile | null = null;
  @state() private errors = new Map<string, string>();
  @state() private status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void request<{ viewer: { organisation: Profile | null } | null }>(PROFILE)
      .then((answer) => {
        this.profile = answer.data?.viewer?.organisation ?? null;
      })
      .catch((error: unknown) => {
        if (!(error instanceof NetworkError)) throw error;
        this.status = translator(WORDS, this.context.lang)('offline');
      });
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = translator(WORDS, this.context.lang);
    const say = (p: Problem | string) => (typeof p === 'string' ? p : t(p[0], { n: p[1] ?? 0 }));
    const data = new FormData(event.target as HTMLFormElement);
    const value = (f: Field) => {
      const text = String(data.get(f) ?? '').trim();
      return f === 'contactPhone' ? text.replace(/\s+/g, ' ') : text;
    };
    const errors = new Map<string, string>();
    for (const f of FIELDS) {
      const p = problem(f, value(f));
      if (p) errors.set(f, say(p));
    }
    this.status = '';
    if (errors.size === 0) {
      try {
        const answer = await request<{
          updateOrganisation: { organisation: Profile | null; userErrors: UserError[] } | null;
        }>(UPDATE, {
          input: {
            name: value('name'),
            website: value('website'),
            logoUrl: value('logoUrl'),
            // The whole contact: an emptied part is removed on the server.
            contact: {
              name: value('contactName'),
              email: value('contactEmail'),
              phone: value('contactPhone'),
            },
          },
        });
        const payload = answer.data?.updateOrganisation;
        for (const error of payload?.userErrors ?? []) {
          const field = fieldOf(error);
          const message = say(serverProblem(field, error));
          errors.set(field, errors.has(field) ? `${errors.get(field)} ${message}` : message);
        }
        if (!payload && answer.errors[0]) errors.set('name', answer.errors[0].message);
        if (payload?.organisation) {
          this.profile = payload.organisation;
          this.status = t('saved');
        }
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        this.status = t('offline');
      }
    }
    this.errors = errors;
    await this.updateComplete;
    const first = FIELDS.find((f) => errors.has(f));
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }

  /** One labelled input, its hint and its error, the error tied to it. */
  private input(f: Field, type: string, value: string | null, autocomplete: string, hint = '') {
    const t = translator(WORDS, this.context.lang);
    const error = this.errors.get(f);
    const describedBy = [hint && `${f}-hint`, error && `${f}-error`].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${f}>${t(f)}</label>
      ${hint ? html`<p class="hint" id="${f}-hint">${hint}</p>` : nothing}
      <input id=${f} name=${f} type=${type} .value=${value ?? ''} autocomplete=${autocomplete}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
      ${error ? html`<p class="error" id="${f}-error">${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const t = translator(WORDS, this.context.lang);
    const p = this.profile;
    return html`<section aria-labelledby="profile-title">
      <h2 id="profile-title">${t('title')}</h2>
      <form novalidate @submit=${this.submit}>
        ${this.input('name', 'text', p?.name ?? null, 'organization')}
        ${this.input('website', 'url', p?.website ?? null, 'url')}
        ${this.input('logoUrl', 'url', p?.logoUrl ?? null, 'off')}
        <fieldset aria-describedby="contact-hint">
          <legend>${t('contact')}</legend>
          <p class="hint" id="contact-hint">${t('contactHint')}</p>
          ${this.input('contactName', 'text', p?.contact?.name ?? null, 'name')}
          ${this.input('contactEmail', 'email', p?.contact?.email ?? null, 'email', t('contactEmailHint'))}
          ${this.input('contactPhone', 'tel', p?.contact?.phone ?? null, 'tel', t('contactPhoneHint'))}
        </fieldset>
        <button class="primary" type="submit">${t('save')}</button>
      </form>
      <p role="status" class="ok">${this.status}</p>
    </section>`;
  }
}
