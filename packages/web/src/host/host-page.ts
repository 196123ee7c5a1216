/**
 * /host/<token>: the host's counter on the day, for a phone. The link's token (the address's last
 * part) is the bearer of every request; the venue comes from the link, never from the address, so
 * swapping the path cannot reach another venue. Every tap goes to the queue on the phone first
 * (queue.ts) and is sent from there (sender.ts), so the count on screen is the API's count plus
 * what waits to be sent.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { UserError } from '../lib/gql.ts';
import { chooseLang, type Lang, startLang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { type LinkProblem, loadVenue, type RoleSeats, sendTap, type Venue } from './api.ts';
import { hostStyles } from './host.styles.ts';
import { HOST } from './messages.ts';
import { offlineShell } from './offline.ts';
import { type Action, type Tap, TapQueue, uuid } from './queue.ts';
import { Sender } from './sender.ts';
import { LiveTotal } from './total.ts';
import { type HostView, type Projected, type Prompt, renderPanels } from './view.ts';

/** The link's token: the visible part of it names its queue and its remembered venue. */
const PREFIX_LENGTH = 18;
const VENUE_REFRESH = 20_000;

@customElement('tafel-host')
export class TafelHost extends LitElement implements HostView {
  static override styles = [base, hostStyles];

  /** Set once the service worker keeps this page and its files for offline use. */
  @property({ type: Boolean, reflect: true, attribute: 'offline-ready' }) offlineReady = false;

  @state() locale: Lang = startLang();
  @state() venue: Venue | null = null;
  @state() problem: LinkProblem | 'nodata' | null = null;
  @state() pending: Tap[] = [];
  @state() online = true;
  @state() total: number | null = null;
  @state() prompt: Prompt | null = null;
  @state() error = '';
  @state() notice = '';
  @state() announcement = '';
  @state() fieldError = '';

  readonly token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  readonly name = this.token.slice(0, PREFIX_LENGTH);
  #queue = new TapQueue(this.name);
  #sender: Sender | null = null;
  #total: LiveTotal | null = null;
  #refresh: ReturnType<typeof setInterval> | undefined;
  #lastRefresh = 0;
  #acting: Promise<void> = Promise.resolve();

  t = translator(HOST, this.locale);

  override connectedCallback(): void {
    super.connectedCallback();
    chooseLang(this.locale);
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#sender?.close();
    this.#total?.close();
    clearInterval(this.#refresh);
  }

  setLang(lang: Lang): void {
    this.locale = lang;
    this.t = translator(HOST, lang);
    chooseLang(lang);
    document.title = this.t('brand');
  }

  async #start(): Promise<void> {
    document.title = this.t('brand');
    this.pending = await this.#queue.all();
    const loaded = await loadVenue(this.token);
    if (loaded && 'problem' in loaded) {
      this.problem = loaded.problem;
      return;
    }
    if (loaded) {
      this.#keep(loaded.venue);
    } else {
      this.online = false;
      const kept = this.#remembered();
      if (!kept) {
        this.problem = 'nodata';
        return;
      }
      this.venue = kept;
    }
    const venue = this.venue!;
    this.#sender = new Sender(this.#queue, this.token, venue.id, this.name, {
      counted: (_tap, fresh) => this.#keep(fresh),
      refused: (tap, error) => this.#refused(tap, error),
      link: (problem) => (this.problem = problem),
      online: (reached) => (this.online = reached),
      changed: () => void this.#reloadPending(),
    });
    this.#total = new LiveTotal(venue.edition.slug, (total) => {
      this.total = total;
      this.#refreshSoon();
    });
    this.#refresh = setInterval(() => void this.#refreshVenue(), VENUE_REFRESH);
    void this.#sender.flush();
    void offlineShell().then((ready) => (this.offlineReady = ready));
  }

  /** The venue as the API last gave it, also kept on the phone for a reload without network. */
  #keep(venue: Venue): void {
    this.venue = venue;
    try {
      localStorage.setItem(`tafel-host:${this.name}`, JSON.stringify(venue));
    } catch {
      // storage full or off: the page still works while it is open
    }
  }

  #remembered(): Venue | null {
    try {
      const kept = localStorage.getItem(`tafel-host:${this.name}`);
      return kept ? (JSON.parse(kept) as Venue) : null;
    } catch {
      return null;
    }
  }

  /** Another host's taps reach this page through the total's stream: read the venue again. */
  #refreshSoon(): void {
    if (Date.now() - this.#lastRefresh > 2000) void this.#refreshVenue();
  }

  async #refreshVenue(): Promise<void> {
    this.#lastRefresh = Date.now();
    const loaded = await loadVenue(this.token);
    if (!loaded) return;
    if ('problem' in loaded) this.problem = loaded.problem;
    else this.#keep(loaded.venue);
  }

  async #reloadPending(): Promise<void> {
    this.pending = await this.#queue.all();
  }

  /**
   * The count, capacity, "full" and the seats and people present per role as they will be once
   * every waiting tap is sent.
   */
  get projected(): Projected {
    const venue = this.venue!;
    let { participants: count, capacity, full } = venue;
    const roles = (venue.seatsByRole ?? []).map((r) => ({ ...r, present: r.present ?? 0 }));
    for (const tap of this.pending) {
      const role = 'role' in tap ? roles.find((r) => r.role === tap.role) : undefined;
      if (tap.kind === 'add') {
        count += tap.amount;
        if (role) role.present += tap.amount;
      } else if (tap.kind === 'set') count = tap.amount;
      else if (tap.kind === 'raise') capacity = Math.max(capacity ?? 0, tap.amount);
      else if (tap.kind === 'seats') {
        // The capacity is the seats' sum: it rises with them.
        if (role && tap.amount > role.seats) {
          capacity = (capacity ?? 0) + tap.amount - role.seats;
          role.seats = tap.amount;
        }
      } else full = tap.full;
    }
    return { count, capacity, full, roles };
  }

  /**
   * The seats a role needs for this arrival: its own present count after it, and enough for the
   * total to stay within the capacity (their sum) — or null when it fits as it is.
   */
  #seatsNeeded(
    role: { seats: number; present: number },
    amount: number,
    count: number,
    capacity: number | null,
  ): number | null {
    if (amount <= 0) return null;
    const over = capacity === null ? 0 : Math.max(0, count + amount - capacity);
    const needed = Math.max(role.present + amount, role.seats + over);
    return needed > role.seats ? needed : null;
  }

  /**
   * A host's tap: checked against what the phone knows, then kept and sent. Taps are taken one
   * after another, so a quick second tap is checked against the first (a −1 at 0, a role's seats).
   */
  act(action: Action): Promise<void> {
    const next = this.#acting.then(() => this.#act(action));
    this.#acting = next.catch(() => undefined);
    return next;
  }

  async #act(action: Action): Promise<void> {
    this.error = '';
    this.notice = '';
    const { count, capacity, roles } = this.projected;
    if (action.kind === 'add' && action.role) {
      const role = roles.find((r) => r.role === action.role);
      if (!role) return;
      if (role.present + action.amount < 0) {
        this.error = this.t('roleBelowZero', { role: this.roleLabel(role) });
        return;
      }
      const after = this.#seatsNeeded(role, action.amount, count, capacity);
      if (after !== null) {
        this.prompt = { action, after };
        return;
      }
      await this.#keepTap(action);
      return;
    }
    if (action.kind === 'add' && count + action.amount < 0) {
      this.error = this.t('belowZero');
      return;
    }
    const after =
      action.kind === 'add' ? count + action.amount : action.kind === 'set' ? action.amount : null;
    if (after !== null && capacity !== null && after > capacity && after > count) {
      this.prompt = { action, after };
      return;
    }
    await this.#keepTap(action);
  }

  async #keepTap(...actions: Action[]): Promise<void> {
    for (const action of actions) await this.#queue.add(action);
    await this.#reloadPending();
    this.announcement = this.t('announce', { count: this.projected.count });
    this.#sender?.announce();
    void this.#sender?.flush();
  }

  /** A role's label in the page's language. */
  roleLabel(role: RoleSeats): string {
    return role[this.locale] || role.role;
  }

  /** The host said yes: raise the capacity (or the role's seats) to what the tap needs, and count it. */
  async raiseAndCount(): Promise<void> {
    const prompt = this.prompt;
    if (!prompt) return;
    this.prompt = null;
    const { action, after } = prompt;
    const raise: Action =
      action.kind === 'add' && action.role
        ? { kind: 'seats', role: action.role, amount: after }
        : { kind: 'raise', amount: after };
    if (!prompt.held) {
      await this.#keepTap(raise, action);
      return;
    }
    const outcome = await sendTap(this.token, this.venue!.id, {
      ...raise,
      id: 0,
      key: uuid(),
      at: Date.now(),
    });
    if (outcome.kind === 'counted') {
      this.#keep(outcome.venue);
      this.#sender?.resume();
    } else {
      this.prompt = prompt;
      this.error = outcome.kind === 'refused' ? this.#refusal(outcome.error) : this.t('offline');
    }
  }

  /** The host said no: the tap is not counted (and, if it was kept, taken off the queue). */
  async dontCount(): Promise<void> {
    const held = this.prompt?.held;
    this.prompt = null;
    if (held) {
      await this.#queue.remove(held.id);
      await this.#reloadPending();
      this.#sender?.announce();
      this.#sender?.resume();
    }
  }

  /** Raise the capacity from the panel shown at capacity. */
  async raiseTo(capacity: number): Promise<void> {
    const current = this.projected.capacity ?? 0;
    if (!Number.isInteger(capacity) || capacity <= current) {
      this.fieldError = this.t('raiseTooLow', { capacity: current });
      return;
    }
    this.fieldError = '';
    await this.#keepTap({ kind: 'raise', amount: capacity });
    this.notice = this.t('raised', { capacity });
  }

  /** Raise one role's seats from its row, shown when the role is at its seats. */
  async raiseRole(role: string, seats: number): Promise<void> {
    const current = this.projected.roles.find((r) => r.role === role);
    if (!current) return;
    if (!Number.isInteger(seats) || seats <= current.seats) {
      this.fieldError = this.t('raiseTooLow', { capacity: current.seats });
      return;
    }
    this.fieldError = '';
    await this.#keepTap({ kind: 'seats', role, amount: seats });
    this.notice = this.t('raisedRole', { role: this.roleLabel(current), seats });
  }

  async setCount(value: number): Promise<void> {
    if (!Number.isInteger(value) || value < 0) {
      this.fieldError = this.t('wholeNumber');
      return;
    }
    this.fieldError = '';
    const { capacity, roles } = this.projected;
    if (capacity !== null && value > capacity && roles.length > 0) {
      // The capacity is the seats' sum: what is raised is a role's seats, not the capacity.
      this.error = this.t('setTooHighRoles', { value, capacity });
      return;
    }
    if (capacity !== null && value > capacity) {
      this.error = this.t('setTooHigh', { value, capacity });
      this.prompt = { action: { kind: 'set', amount: value }, after: value };
      return;
    }
    await this.act({ kind: 'set', amount: value });
  }

  async setFull(full: boolean): Promise<void> {
    await this.#keepTap({ kind: 'full', full });
    this.notice = this.t(full ? 'fullOn' : 'fullOff');
  }

  async #refused(tap: Tap, error: UserError): Promise<'drop' | 'hold'> {
    if (error.code === 'OVER_CAPACITY' && tap.kind === 'add' && tap.role) {
      await this.#refreshVenue();
      const { participants, capacity, seatsByRole = [] } = this.venue!;
      const role = seatsByRole.find((r) => r.role === tap.role);
      const after =
        role &&
        this.#seatsNeeded(
          { seats: role.seats, present: role.present ?? 0 },
          tap.amount,
          participants,
          capacity,
        );
      if (after) {
        this.prompt = { action: tap, after, held: tap };
        return 'hold';
      }
      this.error = this.#refusal(error);
      return 'drop';
    }
    if (error.code === 'OVER_CAPACITY' && (tap.kind === 'add' || tap.kind === 'set')) {
      await this.#refreshVenue();
      const base = this.venue!.participants;
      this.prompt = {
        action: tap,
        after: tap.kind === 'add' ? base + tap.amount : tap.amount,
        held: tap,
      };
      return 'hold';
    }
    this.error = this.#refusal(error);
    await this.#refreshVenue();
    return 'drop';
  }

  #refusal(error: UserError): string {
    switch (error.code) {
      case 'BELOW_ZERO':
        return this.t('refusedBelowZero');
      case 'CANCELLED':
        return this.t('refusedCancelled');
      case 'EDITION_CLOSED':
        return this.t('refusedClosed');
      case 'FORBIDDEN':
      case 'NOT_FOUND':
        return this.t('refusedVenue');
      case 'CONFLICT':
        return this.t('refusedConflict');
      default:
        return this.t('refusedOther', { message: error.message });
    }
  }

  protected override render() {
    if (this.problem) return this.#renderProblem(this.problem);
    if (!this.venue) return html`<p role="status">${this.t('loading')}</p>`;
    return renderPanels(this);
  }

  #renderProblem(problem: LinkProblem | 'nodata') {
    const text = {
      revoked: this.t('linkRevoked'),
      expired: this.t('linkExpired'),
      unknown: this.t('linkUnknown'),
      nodata: this.t('offlineNoData'),
    }[problem];
    return html`<main>
      <h1>${this.t('linkHeading')}</h1>
      <p class="error" role="alert">${text}</p>
      ${this.pending.length ? html`<p>${this.t('stuck', { n: this.pending.length })}</p>` : nothing}
      ${
        problem === 'nodata'
          ? html`<button type="button" @click=${() => location.reload()}>${this.t('retry')}</button>`
          : nothing
      }
    </main>`;
  }
}
