/**
 * The console's keys (`#all-keys`): every organisation's API keys and the staff's, by prefix
 * (never their secrets) — whose, what for, what they may do, made and last used, revoked —
 * filtered by organisation (or staff keys only) and with or without the revoked ones; a key
 * revoked after a confirmation; a new key for an organisation or a staff key, its secret shown
 * once with a copy button. Staff admins only: the API refuses moderators the list. What it shares
 * with the portal's keys is in keys/parts.ts.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { KEYS } from '../../keys/messages.ts';
import * as parts from '../../keys/parts.ts';
import { formatDateTime, translator } from '../../lib/i18n.ts';
import { base } from '../../lib/styles.ts';
import { formStyles } from '../../portal/form-styles.ts';
import { CONSOLE } from '../messages.ts';
import { ConsoleSection, consoleStyles } from '../section.ts';
import { ALL_KEYS } from './messages.ts';

interface Owner {
  slug: string;
  name: string;
}

interface ListedKey extends parts.ApiKey {
  revokedAt: string | null;
  organisation: Owner | null;
}

const LIST = /* GraphQL */ `
  query AllKeys($organisation: String, $includeRevoked: Boolean) {
    apiKeys(organisation: $organisation, includeRevoked: $includeRevoked) {
      ${parts.KEY_FIELDS} revokedAt organisation { slug name }
    }
  }
`;
const ORGANISATIONS = /* GraphQL */ `
  query KeyOwners { organisations(first: 1000) { nodes { slug name } } }
`;
/** The choice "staff" among organisations' slugs, which never begin with a colon. */
const STAFF = ':staff';

@customElement('tafel-section-all-keys')
export class TafelSectionAllKeys extends ConsoleSection {
  static override styles = [base, consoleStyles, formStyles, parts.keyStyles];

  @state() private keys: ListedKey[] | null = null;
  @state() private organisations: Owner[] = [];
  /** Whose keys are shown (a slug, STAFF, or '' for all), and whether revoked ones too. */
  @state() private filter = { owner: '', revoked: false };
  /** A new key's secret and for whom, shown until the next one or leaving the section. */
  @state() private secret: { value: string; owner: string } | null = null;
  /** The prefix of the key whose revoking is being confirmed. */
  @state() private revoking: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.call<{ organisations: { nodes: Owner[] } }>(ORGANISATIONS, {}).then((data) => {
      this.organisations = data?.organisations.nodes ?? [];
    });
    void this.load();
  }

  private async load(): Promise<void> {
    const { owner, revoked } = this.filter;
    const data = await this.call<{ apiKeys: ListedKey[] }>(LIST, {
      organisation: owner && owner !== STAFF ? owner : null,
      includeRevoked: revoked,
    });
    const keys = data?.apiKeys ?? [];
    this.keys = owner === STAFF ? keys.filter((k) => k.organisation === null) : keys;
    this.status = translator(ALL_KEYS, this.language)('count', { n: this.keys.length });
  }

  private apply(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = { owner: String(data.get('owner') ?? ''), revoked: data.has('revoked') };
    this.revoking = null;
    // "Loading…" till the answer: the list before the filter is not what was asked for.
    this.keys = null;
    void this.load();
  }

  private ownerName(slug: string): string {
    if (slug === STAFF) return translator(ALL_KEYS, this.language)('staffKey');
    return this.organisations.find((o) => o.slug === slug)?.name ?? slug;
  }

  /** The browser's checks as the server's, then `issueApiKey`; the secret shown once. */
  private async issue(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { label, scopes, problems } = parts.readKeyInput(form, this.language);
    const owner = String(new FormData(form).get('organisation') ?? '');
    if (!owner) problems.set('organisation', translator(ALL_KEYS, this.language)('ownerMissing'));
    this.secret = null;
    if (problems.size) {
      this.errors = [...problems].map(([field, message]) => ({
        field: ['input', field],
        code: 'REQUIRED',
        message,
      }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    const data = await this.call<{ issueApiKey: { secret: string } }>(
      parts.ISSUE_KEY,
      {
        input: {
          label: label || null,
          scopes,
          ...(owner === STAFF ? {} : { organisation: owner }),
        },
      },
      'issueApiKey',
    );
    if (!data) return;
    this.secret = { value: data.issueApiKey.secret, owner: this.ownerName(owner) };
    form.reset();
    await this.load();
  }

  private async copy(): Promise<void> {
    if (this.secret && (await parts.copySecret(this.renderRoot, this.secret.value)))
      this.status = translator(KEYS, this.language)('copied');
  }

  private async openRevoke(key: ListedKey): Promise<void> {
    this.revoking = key.prefix;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#revoke-title')?.focus();
  }

  private async closeRevoke(): Promise<void> {
    const prefix = this.revoking;
    this.revoking = null;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-revoke="${prefix}"]`)?.focus();
  }

  private async revoke(event: Event): Promise<void> {
    event.preventDefault();
    const prefix = this.revoking!;
    const done = await this.call(parts.REVOKE_KEY, { input: { prefix } }, 'revokeApiKey');
    if (!done) return;
    this.revoking = null;
    await this.load();
    this.status = translator(KEYS, this.language)('revoked', { prefix });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#all-keys-title')?.focus();
  }

  override render() {
    const a = translator(ALL_KEYS, this.language);
    return html`<h2 id="all-keys-title" tabindex="-1">${a('heading')}</h2>
      <p>${a('intro')}</p>
      ${this.revoking ? nothing : this.summary()} ${this.issueForm()}
      ${
        this.secret
          ? parts.secretOnce(
              this.language,
              this.secret.value,
              () => this.copy(),
              a('secretFor', { owner: this.secret.owner }),
            )
          : nothing
      }
      <form @submit=${this.apply} aria-label=${a('filter')}>
        <div class="filters">
          ${this.field(
            'owner',
            a('organisation'),
            () => html`<select id="field-owner" name="owner">
              <option value="">${a('everyone')}</option>
              <option value=${STAFF} ?selected=${this.filter.owner === STAFF}>${a('staffOnly')}</option>
              ${this.organisationOptions(this.organisations, this.filter.owner)}
            </select>`,
          )}
          <label class="check"
            ><input type="checkbox" name="revoked" ?checked=${this.filter.revoked} />
            ${a('showRevoked')}</label
          >
        </div>
        <button type="submit">${a('show')}</button>
      </form>
      ${this.statusLine()}
      ${this.cardList(this.keys, (k) => this.card(k), translator(KEYS, this.language)('noKeys'))}`;
  }

  private issueForm() {
    const a = translator(ALL_KEYS, this.language);
    const k = translator(KEYS, this.language);
    const preset = this.filter.owner;
    return html`<form class="step" novalidate @submit=${this.issue} aria-labelledby="issue-title">
      <h3 id="issue-title">${a('issueTitle')}</h3>
      ${this.field(
        'organisation',
        a('owner'),
        (describedBy, invalid) =>
          html`<select id="field-organisation" name="organisation" required
            aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}>
            <option value="">${a('choose')}</option>
            ${this.organisationOptions(this.organisations, preset)}
            <option value=${STAFF} ?selected=${preset === STAFF}>${a('staffKeyHint')}</option>
          </select>`,
        a('ownerHint'),
      )}
      ${this.field(
        'label',
        k('label'),
        (describedBy, invalid) =>
          html`<input id="field-label" name="label" maxlength="200"
            aria-describedby=${describedBy || nothing} aria-invalid=${invalid ? 'true' : 'false'} />`,
      )}
      ${parts.scopesFieldset(this.language, this.fieldError('scopes'))}
      <div class="actions">
        <button type="submit" class="primary">${k('createKey')}</button>
      </div>
    </form>`;
  }

  private card(key: ListedKey) {
    const a = translator(ALL_KEYS, this.language);
    const k = translator(KEYS, this.language);
    const id = `key-${key.prefix}`;
    return html`<li>
      <div class="card-head">
        <h3 id=${id}><code>${key.prefix}…</code></h3>
        <span class="meta" id="${id}-owner">${key.organisation?.name ?? a('staffKey')}</span>
      </div>
      ${key.label ? html`<p>${key.label}</p>` : nothing}
      <p class="meta">${parts.keyFacts(key, this.language)}</p>
      ${
        key.revokedAt
          ? html`<p class="meta">
            <strong>${a('revokedOn', { at: formatDateTime(key.revokedAt, this.language) })}</strong>
          </p>`
          : this.revoking === key.prefix
            ? this.revokeStep(key)
            : html`<div class="actions">
              <button type="button" data-revoke=${key.prefix} @click=${() => this.openRevoke(key)}
                aria-describedby="${id} ${id}-owner">
                ${k('revoke')}
              </button>
            </div>`
      }
    </li>`;
  }

  private revokeStep(key: ListedKey) {
    const a = translator(ALL_KEYS, this.language);
    const k = translator(KEYS, this.language);
    const c = translator(CONSOLE, this.language);
    return html`<form class="step" @submit=${this.revoke} aria-labelledby="revoke-title"
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.closeRevoke()}>
      <h4 id="revoke-title" tabindex="-1">${k('confirmRevoke', { prefix: key.prefix })}</h4>
      <p>${a('revokeWarning')}</p>
      ${this.summary()}
      <div class="actions">
        <button type="submit" class="primary">${k('revoke')}</button>
        <button type="button" @click=${this.closeRevoke}>${c('cancel')}</button>
      </div>
    </form>`;
  }
}
