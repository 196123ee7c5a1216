/**
 * The organisation's profile (`#profile`): name, website and logo (`updateOrganisation`), checked
 * in the browser as the server checks them; the server's userErrors at their fields.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { type Messages, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import type { PortalContext } from './api.ts';

interface Profile {
  name: string;
  website: string | null;
  logoUrl: string | null;
}

const PROFILE = `query { viewer { organisation { name website logoUrl } } }`;
const UPDATE = `mutation ($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { name website logoUrl } userErrors { field message code } }
}`;

type Key =
  | 'title'
  | 'name'
  | 'website'
  | 'logoUrl'
  | 'save'
  | 'saved'
  | 'required'
  | 'tooLong'
  | 'badUrl'
  | 'offline';
const WORDS: Messages<Key> = {
  nl: {
    title: 'Profiel van de organisatie',
    name: 'Naam',
    website: 'Website',
    logoUrl: 'Web-adres van het logo',
    save: 'Opslaan',
    saved: 'Het profiel is opgeslagen.',
    required: 'Vul dit in.',
    tooLong: 'Ten hoogste {n} tekens.',
    badUrl: 'Een web-adres dat begint met http:// of https://.',
    offline: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
  },
  en: {
    title: 'The organisation’s profile',
    name: 'Name',
    website: 'Website',
    logoUrl: 'Web address of the logo',
    save: 'Save',
    saved: 'The profile is saved.',
    required: 'Fill this in.',
    tooLong: 'At most {n} characters.',
    badUrl: 'A web address starting with http:// or https://.',
    offline: 'The server cannot be reached. Try again in a moment.',
  },
  de: {
    title: 'Profil der Organisation',
    name: 'Name',
    website: 'Website',
    logoUrl: 'Webadresse des Logos',
    save: 'Speichern',
    saved: 'Das Profil ist gespeichert.',
    required: 'Bitte ausfüllen.',
    tooLong: 'Höchstens {n} Zeichen.',
    badUrl: 'Eine Webadresse, die mit http:// oder https:// beginnt.',
    offline: 'Der Server ist nicht erreichbar. Bitte gleich noch einmal versuchen.',
  },
  da: {
    title: 'Organisationens profil',
    name: 'Navn',
    website: 'Websted',
    logoUrl: 'Webadresse til logoet',
    save: 'Gem',
    saved: 'Profilen er gemt.',
    required: 'Udfyld dette.',
    tooLong: 'Højst {n} tegn.',
    badUrl: 'En webadresse, der begynder med http:// eller https://.',
    offline: 'Serveren kan ikke nås. Prøv igen om lidt.',
  },
};

const FIELDS = ['name', 'website', 'logoUrl'] as const;

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

@customElement('tafel-section-profile')
export class TafelSectionProfile extends LitElement {
  static override styles = [base];

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
    const data = new FormData(event.target as HTMLFormElement);
    const value = (f: string) => String(data.get(f) ?? '').trim();
    const errors = new Map<string, string>();
    if (!value('name')) errors.set('name', t('required'));
    else if (value('name').length > 200) errors.set('name', t('tooLong', { n: 200 }));
    for (const f of ['website', 'logoUrl'])
      if (value(f) && !httpUrl(value(f))) errors.set(f, t('badUrl'));
    this.status = '';
    if (errors.size === 0) {
      try {
        const answer = await request<{
          updateOrganisation: { organisation: Profile | null; userErrors: UserError[] } | null;
        }>(UPDATE, {
          input: { name: value('name'), website: value('website'), logoUrl: value('logoUrl') },
        });
        const payload = answer.data?.updateOrganisation;
        for (const [field, messages] of errorsByField(payload?.userErrors ?? []))
          errors.set(FIELDS.includes(field as never) ? field : 'name', messages.join(' '));
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

  override render() {
    const t = translator(WORDS, this.context.lang);
    const p = this.profile;
    return html`<section aria-labelledby="profile-title">
      <h2 id="profile-title">${t('title')}</h2>
      <form novalidate @submit=${this.submit}>
        ${FIELDS.map((f) => {
          const error = this.errors.get(f);
          return html`<div class="field">
            <label for=${f}>${t(f)}</label>
            <input id=${f} name=${f} type=${f === 'name' ? 'text' : 'url'} .value=${p?.[f] ?? ''}
              aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${f}-error` : nothing} />
            ${error ? html`<p class="error" id="${f}-error">${error}</p>` : nothing}
          </div>`;
        })}
        <button class="primary" type="submit">${t('save')}</button>
      </form>
      <p role="status" class="ok">${this.status}</p>
    </section>`;
  }
}
