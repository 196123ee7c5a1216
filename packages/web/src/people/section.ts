/**
 * The console's People: invite a member of staff (admins only) or a coordinator of an
 * organisation, with the one-time invitation link shown to copy (and whether it was e-mailed);
 * everyone who signs in, with their name and address (staff only: never public); remove a
 * person after a confirmation. Staff admins and moderators (the API's `people` is theirs; a
 * moderator invites and removes coordinators only). The API decides as well.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CONSOLE } from '../console/messages.ts';
import { ConsoleSection, consoleStyles } from '../console/section.ts';
import type { UserError } from '../lib/gql.ts';
import { LANG_NAMES, LANGS, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import type { Me } from '../manage/context.ts';
import { PEOPLE } from './messages.ts';
import {
  localized,
  type Person,
  peopleStyles,
  personLabel,
  STAFF_ROLES,
  type StaffRole,
} from './people.ts';

const PEOPLE_LIST = /* GraphQL */ `
  query ConsolePeople {
    people(first: 1000) { nodes { id name email role organisation { slug name } } }
  }
`;
const ORGANISATIONS = /* GraphQL */ `
  query PeopleOrganisations { organisations(first: 1000) { nodes { slug name } } }
`;
const INVITE = /* GraphQL */ `
  mutation ConsoleInvite($input: InvitePersonInput!) {
    invitePerson(input: $input) {
      person { id name email }
      invitationUrl
      delivery
      userErrors { field message code }
    }
  }
`;
const REMOVE = /* GraphQL */ `
  mutation ConsoleRemovePerson($input: RemovePersonInput!) {
    removePerson(input: $input) { removedPersonId userErrors { field message code } }
  }
`;

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

interface Invited {
  person: string;
  url: string;
  emailed: boolean;
}

@customElement('tafel-section-people')
export class TafelSectionPeople extends ConsoleSection {
  static override styles = [base, consoleStyles, peopleStyles];

  @state() private people: Person[] | null = null;
  @state() private organisations: { slug: string; name: string }[] = [];
  @state() private kind: 'coordinator' | 'staff' = 'coordinator';
  @state() private invited: Invited | null = null;
  @state() private copied = false;
  @state() private removing: Person | null = null;

  private get me(): Me | undefined {
    return (this.context as { me?: Me }).me;
  }

  private get isAdmin(): boolean {
    return this.me?.role === 'ADMIN';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const [people, organisations] = await Promise.all([
      this.call<{ people: { nodes: Person[] } }>(PEOPLE_LIST, {}),
      this.call<{ organisations: { nodes: { slug: string; name: string }[] } }>(ORGANISATIONS, {}),
    ]);
    this.people = people?.people.nodes ?? [];
    this.organisations = organisations?.organisations.nodes ?? [];
  }

  private get t() {
    return translator(PEOPLE, this.language);
  }

  /** Show refusals in the person's language (the server's words where there are none). */
  private async refuse(errors: UserError[]): Promise<void> {
    this.errors = errors.map((e) => localized(e, this.t));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private async invite(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = ((data.get('email') as string | null) ?? '').trim();
    const name = ((data.get('name') as string | null) ?? '').trim();
    const organisation = (data.get('organisation') as string | null) ?? '';
    const role = (data.get('role') as string | null) ?? '';
    const language = ((data.get('language') as string | null) || this.language).toUpperCase();
    const staff = this.isAdmin && this.kind === 'staff';
    const problems: UserError[] = [];
    if (name.length > 200)
      problems.push({ field: ['input', 'name'], code: 'TOO_LONG', message: '' });
    if (email === '') problems.push({ field: ['input', 'email'], code: 'REQUIRED', message: '' });
    else if (!EMAIL.test(email) || email.length > 254)
      problems.push({ field: ['input', 'email'], code: 'INVALID', message: '' });
    if (!staff && organisation === '')
      problems.push({ field: ['input', 'organisation'], code: 'REQUIRED', message: '' });
    this.invited = null;
    this.status = '';
    if (problems.length) return this.refuse(problems);
    const input = {
      email,
      ...(name ? { name } : {}),
      ...(staff ? { role } : { organisation }),
      language,
    };
    const done = await this.call<{
      invitePerson: {
        person: { name: string | null; email: string } | null;
        invitationUrl: string | null;
        delivery: 'EMAIL' | 'SERVER_LOG' | null;
        userErrors: UserError[];
      };
    }>(INVITE, { input }, 'invitePerson');
    if (!done) {
      if (this.errors.length) await this.refuse(this.errors);
      return;
    }
    const answer = done.invitePerson;
    this.invited = {
      person: answer.person?.name ?? answer.person?.email ?? email,
      url: answer.invitationUrl ?? '',
      emailed: answer.delivery === 'EMAIL',
    };
    this.copied = false;
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      '#field-name, #field-email, #field-organisation',
    ))
      field.value = '';
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
  }

  private async copy(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#invitation');
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      // No clipboard permission: select it, for the person to copy.
      input.select();
      document.execCommand?.('copy');
    }
    this.copied = true;
  }

  private async askRemove(person: Person): Promise<void> {
    this.removing = person;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-remove')?.focus();
  }

  private async cancelRemove(): Promise<void> {
    const id = this.removing?.id;
    this.removing = null;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-person="${id}"]`)?.focus();
  }

  private async removePerson(person: Person): Promise<void> {
    const done = await this.call(REMOVE, { input: { id: person.id } }, 'removePerson');
    if (!done) {
      if (this.errors.length) await this.refuse(this.errors);
      return;
    }
    if (person.id === this.me?.id) {
      location.assign('/manage');
      return;
    }
    this.removing = null;
    this.status = this.t('removed', { person: personLabel(person) });
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#people-list-title')?.focus();
  }

  override render() {
    const t = this.t;
    const c = translator(CONSOLE, this.language);
    return html`<h2 id="people-title">${t('heading')}</h2>
      <p>${t('intro')}</p>
      <form class="step" novalidate @submit=${this.invite} aria-labelledby="invite-title">
        <h3 id="invite-title">${t('inviteTitle')}</h3>
        ${this.removing ? nothing : this.summary()}
        ${this.field(
          'name',
          t('name'),
          (describedBy, invalid) =>
            html`<input id="field-name" name="name" type="text" autocomplete="off" maxlength="200"
              aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} />`,
          t('nameHint'),
        )}
        ${this.field(
          'email',
          t('email'),
          (describedBy, invalid) =>
            html`<input id="field-email" name="email" type="email" autocomplete="off" required
              aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} />`,
          t('emailHint'),
        )}
        ${this.field(
          'language',
          t('messageLanguage'),
          (describedBy) =>
            html`<select id="field-language" name="language" aria-describedby=${describedBy}>
              ${LANGS.map(
                (l) =>
                  html`<option value=${l} lang=${l} ?selected=${l === this.language}>${LANG_NAMES[l]}</option>`,
              )}
            </select>`,
          t('messageLanguageHint'),
        )}
        ${this.isAdmin ? this.whoChoice() : nothing}
        ${this.kind === 'staff' && this.isAdmin ? this.roleField() : this.organisationField()}
        <div class="actions"><button class="primary" type="submit">${t('invite')}</button></div>
      </form>
      ${this.outcome()} ${this.statusLine()}
      <h3 id="people-list-title" tabindex="-1">${t('listTitle')}</h3>
      ${
        this.people === null
          ? html`<p>${c('loading')}</p>`
          : this.people.length === 0
            ? html`<p>${c('none')}</p>`
            : html`<ul class="cards">
                ${this.people.map((p) => this.card(p))}
              </ul>`
      }`;
  }

  private whoChoice() {
    const t = this.t;
    const choose = (kind: 'coordinator' | 'staff') => () => {
      this.kind = kind;
    };
    return html`<fieldset>
      <legend>${t('who')}</legend>
      <label class="check"
        ><input type="radio" name="kind" value="coordinator" .checked=${this.kind === 'coordinator'}
          @change=${choose('coordinator')} />
        ${t('asCoordinator')}</label
      >
      <label class="check"
        ><input type="radio" name="kind" value="staff" .checked=${this.kind === 'staff'}
          @change=${choose('staff')} />
        ${t('asStaff')}</label
      >
    </fieldset>`;
  }

  private organisationField() {
    const t = this.t;
    return this.field('organisation', t('organisation'), (describedBy, invalid) => {
      return html`<select id="field-organisation" name="organisation" required
          aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}>
          <option value="">${t('chooseOrganisation')}</option>
          ${this.organisations.map((o) => html`<option value=${o.slug}>${o.name}</option>`)}
        </select>`;
    });
  }

  private roleField() {
    const t = this.t;
    return this.field(
      'role',
      t('role'),
      (describedBy, invalid) =>
        html`<select id="field-role" name="role" aria-describedby=${describedBy}
          aria-invalid=${invalid ? 'true' : 'false'}>
          ${STAFF_ROLES.map((r: StaffRole) => html`<option value=${r}>${t(`role${r}`)}</option>`)}
        </select>`,
    );
  }

  private outcome() {
    const t = this.t;
    const o = this.invited;
    if (!o) return nothing;
    return html`<div class="outcome" id="outcome" tabindex="-1" role="status">
      <p class="ok">${t('invited', { person: o.person })}</p>
      <label for="invitation">${t('invitationLink')}</label>
      <div class="copy">
        <input id="invitation" type="text" readonly .value=${o.url} />
        <button type="button" @click=${this.copy}>${t('copy')}</button>
      </div>
      <p>${o.emailed ? t('emailed') : t('notEmailed')}</p>
      <p aria-live="polite">${this.copied ? t('copied') : ''}</p>
    </div>`;
  }

  private card(p: Person) {
    const t = this.t;
    const c = translator(CONSOLE, this.language);
    const label = personLabel(p);
    const self = p.id === this.me?.id;
    const what = p.organisation
      ? t('coordinatorOf', { organisation: p.organisation.name })
      : t('staff', { role: t(`role${p.role ?? 'PRESS'}`) });
    const mayRemove = self || this.isAdmin || p.role === null;
    return html`<li>
      <div class="card-head">
        <h4 id="person-${p.id}">${label} ${self ? t('you') : nothing}</h4>
      </div>
      <p class="meta">${p.email}</p>
      <p class="meta">${what}</p>
      ${
        this.removing?.id === p.id
          ? html`<div class="step" role="group" aria-labelledby="remove-title">
              <p id="remove-title"><strong>${t('removeTitle', { person: label })}</strong></p>
              <p>${t('removeWarning')}</p>
              ${self ? html`<p>${t('removeSelfWarning')}</p>` : nothing}
              ${this.summary()}
              <div class="actions">
                <button id="confirm-remove" type="button" class="primary"
                  @click=${() => this.removePerson(p)}>${t('confirmRemove')}</button>
                <button type="button" @click=${this.cancelRemove}>${c('cancel')}</button>
              </div>
            </div>`
          : mayRemove
            ? html`<div class="actions">
                <button type="button" data-person=${p.id} @click=${() => this.askRemove(p)}
                  aria-label=${`${t('remove')}: ${label}`}>${t('remove')}</button>
              </div>`
            : nothing
      }
    </li>`;
  }
}
