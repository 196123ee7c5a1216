/**
 * The seating planner for one venue (`#venues/seating/<id>`): the host enters guests (a name or
 * initials, a role, languages, an interpreter needed), tables and interpreters; "Propose a
 * seating" runs plan.ts in this browser; the tables show who sits where with the three scores;
 * each person can be moved with a select (and is then kept there) or kept with a check box; a
 * print view holds the seating chart and place cards. The plan lives in IndexedDB (store.ts)
 * and in files the host exports and imports (file.ts). This element sends nothing to the
 * server: the guests' names never leave the device.
 *
 * @event back - the host goes back to the venues.
 */
import { TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@tafel/schema';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { formStyles } from '../portal/form-styles.ts';
import { EMPTY, readFile, type SeatingData, toFile } from './file.ts';
import { parseGuests } from './guest-list.ts';
import { SEATING } from './messages.ts';
import { check, type Guest, type Interpreter, propose, type Scores, score } from './plan.ts';
import { forgetPlan, loadPlan, savePlan } from './store.ts';

const newId = (kind: string): string => `${kind}-${Math.random().toString(36).slice(2, 10)}`;
const splitLanguages = (text: string): string[] =>
  [...new Set(text.split(/[,;]/).map((l) => l.trim()))].filter(Boolean);
const percent = (x: number): string => `${Math.round(x * 100)} %`;

@customElement('tafel-seating-planner')
export class TafelSeatingPlanner extends LitElement {
  static override styles = [
    base,
    formStyles,
    css`
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.plain > li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        border-bottom: 1px solid var(--tafel-line);
        padding: 0.25rem 0;
      }
      ul.plain > li > .what {
        flex: 1 1 14rem;
      }
      .scores {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.5rem 1rem;
        margin: 1rem 0;
      }
      .scores div {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 0.5rem 0.75rem;
      }
      .scores dt {
        font-weight: 600;
      }
      .scores dd {
        margin: 0;
        font-size: 1.5rem;
      }
      .scores dd.hint {
        font-size: 0.9rem;
      }
      .tables {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
        gap: 1rem;
      }
      .table {
        border: 1px solid var(--tafel-line);
        border-radius: 0.5rem;
        padding: 0 0.75rem 0.5rem;
      }
      .seat select {
        width: auto;
        min-width: 7rem;
      }
      .seat .what {
        flex: 1 1 100%;
      }
      .summary {
        border: 3px solid var(--tafel-error);
        padding: 0.5rem 1rem;
        margin: 1rem 0;
      }
      .chart {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 1rem;
      }
      .chart section {
        border: 1px solid var(--tafel-line);
        padding: 0 0.75rem;
        break-inside: avoid;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 0.5rem;
        break-before: page;
      }
      .card {
        border: 1px dashed var(--tafel-muted);
        min-height: 8rem;
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
        break-inside: avoid;
      }
      .card .name {
        font-size: 1.6rem;
        font-weight: 700;
        text-align: center;
      }
      @media print {
        .no-print {
          display: none !important;
        }
        .card {
          border-color: #000;
        }
      }
    `,
  ];

  @property({ attribute: false }) language: Lang = 'nl';
  @property({ attribute: false }) venue!: { id: string; name: string };
  @state() private plan: SeatingData = EMPTY;
  @state() private loaded = false;
  @state() private printing = false;
  @state() private status = '';
  @state() private problems: string[] = [];
  @state() private fieldErrors: Record<string, string> = {};
  @state() private storageOff = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get t() {
    return translator(SEATING, this.language);
  }

  private async load(): Promise<void> {
    try {
      this.plan = (await loadPlan(this.venue.id)) ?? EMPTY;
    } catch {
      this.storageOff = true;
    }
    this.loaded = true;
  }

  /** A new plan: shown, and kept on this device. */
  private change(plan: SeatingData): void {
    this.plan = plan;
    savePlan(this.venue.id, plan).catch(() => {
      this.storageOff = true;
    });
  }

  private roleLabel(role: string): string {
    return TARGET_GROUP_LABELS[role as TargetGroup]?.[this.language] ?? role;
  }

  private form(event: Event): Record<string, string> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    return Object.fromEntries(
      [...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]),
    );
  }

  /** Field errors at their fields and in the summary; focus the first. */
  private refuse(errors: Record<string, string>): boolean {
    this.fieldErrors = errors;
    this.problems = Object.values(errors);
    if (this.problems.length === 0) return false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
    return true;
  }

  private addGuest(event: Event): void {
    const t = this.t;
    const v = this.form(event);
    const name = v['name'] ?? '';
    const languages = splitLanguages(v['languages'] ?? '');
    const errors: Record<string, string> = {};
    if (!name) errors['guest-name'] = t('needName');
    if (languages.length === 0) errors['guest-languages'] = t('needLanguage');
    if (this.refuse(errors)) return;
    const guest: Guest = { id: newId('g'), name, role: v['role'] ?? TARGET_GROUPS[0], languages };
    if (v['interpreterFor']) guest.interpreterFor = v['interpreterFor'];
    this.change({ ...this.plan, guests: [...this.plan.guests, guest] });
    (event.target as HTMLFormElement).reset();
    this.status = t('added', { name });
  }

  /** A pasted list: every line a guest, or nothing added and each bad line named. */
  private addList(event: Event): void {
    const t = this.t;
    const v = this.form(event);
    const { guests, problems } = parseGuests(v['list'] ?? '', () => newId('g'));
    const messages = problems.map((p) =>
      p.code === 'NO_NAME'
        ? t('lineNoName', { n: p.line })
        : p.code === 'NO_LANGUAGE'
          ? t('lineNoLanguage', { n: p.line })
          : t('lineRole', { n: p.line, role: p.role }),
    );
    if (messages.length > 0) {
      this.fieldErrors = { 'guest-list': messages.join(' ') };
      this.problems = messages;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#guest-list')?.focus(),
      );
      return;
    }
    this.fieldErrors = {};
    this.problems = [];
    if (guests.length === 0) return;
    this.change({ ...this.plan, guests: [...this.plan.guests, ...guests] });
    (event.target as HTMLFormElement).reset();
    this.status = t('addedN', { n: guests.length });
  }

  private addTables(event: Event): void {
    const t = this.t;
    const v = this.form(event);
    const count = Number(v['count']);
    const seats = Number(v['seats']);
    const errors: Record<string, string> = {};
    if (!Number.isInteger(count) || count < 1 || count > 200)
      errors['table-count'] = t('needTables');
    if (!Number.isInteger(seats) || seats < 1 || seats > 100)
      errors['table-seats'] = t('needSeats');
    if (this.refuse(errors)) return;
    const start = this.plan.tables.length;
    const tables = Array.from({ length: count }, (_, n) => ({
      id: newId('t'),
      name: t('tableName', { n: start + n + 1 }),
      seats,
    }));
    this.change({ ...this.plan, tables: [...this.plan.tables, ...tables] });
    this.status = '';
  }

  private addInterpreter(event: Event): void {
    const t = this.t;
    const v = this.form(event);
    const name = v['name'] ?? '';
    const languages = splitLanguages(v['languages'] ?? '');
    const errors: Record<string, string> = {};
    if (!name) errors['interpreter-name'] = t('needName');
    if (languages.length === 0) errors['interpreter-languages'] = t('needLanguage');
    if (this.refuse(errors)) return;
    const interpreter: Interpreter = { id: newId('i'), name, languages };
    this.change({ ...this.plan, interpreters: [...this.plan.interpreters, interpreter] });
    (event.target as HTMLFormElement).reset();
    this.status = t('added', { name });
  }

  /** Remove a guest, interpreter or table, and every seat or lock that points at it. */
  private drop(id: string): void {
    const plan = this.plan;
    const gone = (x: { id: string }) => x.id !== id;
    const keep = (entries: Record<string, string>) =>
      Object.fromEntries(Object.entries(entries).filter(([who, at]) => who !== id && at !== id));
    this.change({
      ...plan,
      guests: plan.guests.filter(gone),
      interpreters: plan.interpreters.filter(gone),
      tables: plan.tables.filter(gone),
      seating: keep(plan.seating),
      locked: keep(plan.locked),
    });
  }

  private propose(): void {
    const t = this.t;
    const plan = this.plan;
    this.fieldErrors = {};
    if (plan.tables.length === 0 || plan.guests.length === 0) {
      this.problems = [plan.tables.length === 0 ? t('noTablesYet') : t('noGuestsYet')];
      return;
    }
    const seed = plan.seed + 1;
    const input = { ...plan, seed };
    const problems = check(input);
    if (problems.length > 0) {
      const seats = plan.tables.reduce((sum, x) => sum + x.seats, 0);
      const people = plan.guests.length + plan.interpreters.length;
      this.problems = problems.map((p) =>
        p.code === 'TOO_MANY_PEOPLE'
          ? t('tooMany', { people, seats })
          : p.code === 'LOCKS_OVER_SEATS'
            ? t('locksOver', { table: plan.tables.find((x) => x.id === p.id)?.name ?? '' })
            : p.message,
      );
      return;
    }
    this.problems = [];
    const { seating, scores } = propose(input);
    this.change({ ...plan, seating, seed });
    this.status = t('proposed', {
      mixed: scores.mixedTables,
      tables: scores.occupiedTables,
      covered: scores.coveredGuests,
      guests: plan.guests.length,
    });
  }

  /** The host seats someone elsewhere: they stay there when a new seating is proposed. */
  private move(id: string, name: string, event: Event): void {
    const table = (event.target as HTMLSelectElement).value;
    this.change({
      ...this.plan,
      seating: { ...this.plan.seating, [id]: table },
      locked: { ...this.plan.locked, [id]: table },
    });
    const tableName = this.plan.tables.find((x) => x.id === table)?.name ?? '';
    this.status = this.t('moved', { name, table: tableName });
  }

  private lock(id: string, event: Event): void {
    const locked = { ...this.plan.locked };
    const at = this.plan.seating[id];
    if ((event.target as HTMLInputElement).checked && at) locked[id] = at;
    else delete locked[id];
    this.change({ ...this.plan, locked });
  }

  private export(): void {
    const blob = new Blob([JSON.stringify(toFile(this.venue, this.plan), null, 2)], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `seating-${this.venue.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private async import(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const t = this.t;
    this.fieldErrors = {};
    this.status = '';
    const result = file.size > 5_000_000 ? null : readFile(await file.text(), this.venue.id);
    input.value = '';
    if (!result?.ok) {
      this.problems = [
        result?.reason === 'OTHER_VENUE' ? t('otherVenue', { venue: result.venue }) : t('badFile'),
      ];
      return;
    }
    this.problems = [];
    this.change(result.plan);
    this.status = t('imported');
  }

  private async forget(): Promise<void> {
    const t = this.t;
    if (!confirm(t('confirmForget', { venue: this.venue.name }))) return;
    this.plan = EMPTY;
    try {
      await forgetPlan(this.venue.id);
    } catch {
      this.storageOff = true;
    }
    this.status = t('forgotten');
  }

  override render() {
    const t = this.t;
    if (!this.loaded) return html`<p role="status">…</p>`;
    if (this.printing) return this.printView();
    return html`<section aria-labelledby="seating-title">
      <h2 id="seating-title">${t('title', { venue: this.venue.name })}</h2>
      <p>${t('privacy')}</p>
      ${this.storageOff ? html`<p class="error" role="alert">${t('storageOff')}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('back'))}>
          ${t('back')}
        </button>
      </div>
      ${
        this.problems.length > 0
          ? html`<div class="summary" role="alert" tabindex="-1">
              <h3>${t('errorTitle')}</h3>
              <ul>
                ${this.problems.map((p) => html`<li>${p}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <p role="status" class="ok">${this.status}</p>
      ${this.guestsPart()} ${this.tablesPart()} ${this.interpretersPart()} ${this.seatingPart()}
      ${this.filePart()}
    </section>`;
  }

  /** A labelled field with its hint and its error. */
  private field(
    id: string,
    name: string,
    label: string,
    options: { hint?: string; type?: string; value?: string; min?: number; max?: number } = {},
  ) {
    const error = this.fieldErrors[id];
    const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
      <input
        id=${id}
        name=${name}
        type=${options.type ?? 'text'}
        .value=${options.value ?? ''}
        min=${options.min ?? nothing}
        max=${options.max ?? nothing}
        aria-describedby=${described || nothing}
        aria-invalid=${error ? 'true' : 'false'}
        autocomplete="off"
      />
    </div>`;
  }

  /** A list of guests, tables or interpreters, each with its Remove button. */
  private removable<T extends { id: string; name: string }>(
    labelledBy: string,
    items: T[],
    text: (item: T) => string,
  ) {
    const t = this.t;
    return html`<ul class="plain" aria-labelledby=${labelledBy}>
      ${items.map(
        (item) => html`<li>
          <span class="what">${text(item)}</span>
          <button
            type="button"
            aria-label=${t('removeOf', { name: item.name })}
            @click=${() => this.drop(item.id)}
          >
            ${t('remove')}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private guestsPart() {
    const t = this.t;
    const guests = this.plan.guests;
    return html`<h3 id="guests-title">${t('guests')} (${guests.length})</h3>
      <form novalidate @submit=${this.addGuest}>
        <div class="row">
          ${this.field('guest-name', 'name', t('guestName'))}
          <div class="field">
            <label for="guest-role">${t('role')}</label>
            <select id="guest-role" name="role">
              ${TARGET_GROUPS.map((g) => html`<option value=${g}>${this.roleLabel(g)}</option>`)}
            </select>
          </div>
          ${this.field('guest-languages', 'languages', t('languages'), { hint: t('languagesHint') })}
          ${this.field('guest-interpreter', 'interpreterFor', t('interpreterFor'), {
            hint: t('interpreterForHint'),
          })}
        </div>
        <button type="submit">${t('addGuest')}</button>
      </form>
      <form novalidate @submit=${this.addList}>
        <div class="field">
          <label for="guest-list">${t('paste')}</label>
          <p class="hint" id="guest-list-hint">${t('pasteHint')}</p>
          ${
            this.fieldErrors['guest-list']
              ? html`<p class="error" id="guest-list-error">${this.fieldErrors['guest-list']}</p>`
              : nothing
          }
          <textarea
            id="guest-list"
            name="list"
            rows="4"
            aria-describedby=${this.fieldErrors['guest-list'] ? 'guest-list-hint guest-list-error' : 'guest-list-hint'}
            aria-invalid=${this.fieldErrors['guest-list'] ? 'true' : 'false'}
          ></textarea>
        </div>
        <button type="submit">${t('addList')}</button>
      </form>
      ${
        guests.length === 0
          ? html`<p>${t('noGuests')}</p>`
          : html`<details>
              <summary>${t('guests')} (${guests.length})</summary>
              ${this.removable(
                'guests-title',
                guests,
                (g) =>
                  `${t('guestLine', {
                    name: g.name,
                    role: this.roleLabel(g.role),
                    languages: g.languages.join(', '),
                  })}${g.interpreterFor ? ` — ${t('interpreter')}: ${g.interpreterFor}` : ''}`,
              )}
            </details>`
      }`;
  }

  private tablesPart() {
    const t = this.t;
    const tables = this.plan.tables;
    return html`<h3 id="tables-title">${t('tables')} (${tables.length})</h3>
      <form novalidate @submit=${this.addTables}>
        <div class="row">
          ${this.field('table-count', 'count', t('tableCount'), {
            type: 'number',
            value: '1',
            min: 1,
            max: 200,
          })}
          ${this.field('table-seats', 'seats', t('seats'), {
            type: 'number',
            value: '8',
            min: 1,
            max: 100,
          })}
        </div>
        <button type="submit">${t('addTables')}</button>
      </form>
      ${
        tables.length === 0
          ? html`<p>${t('noTables')}</p>`
          : this.removable('tables-title', tables, (x) =>
              t('tableLine', { name: x.name, seats: x.seats }),
            )
      }`;
  }

  private interpretersPart() {
    const t = this.t;
    const interpreters = this.plan.interpreters;
    return html`<h3 id="interpreters-title">${t('interpreters')} (${interpreters.length})</h3>
      <form novalidate @submit=${this.addInterpreter}>
        <div class="row">
          ${this.field('interpreter-name', 'name', t('interpreterName'))}
          ${this.field('interpreter-languages', 'languages', t('interpreterLanguages'), {
            hint: t('languagesHint'),
          })}
        </div>
        <button type="submit">${t('addInterpreter')}</button>
      </form>
      ${
        interpreters.length === 0
          ? html`<p>${t('noInterpreters')}</p>`
          : this.removable(
              'interpreters-title',
              interpreters,
              (i) => `${i.name} — ${i.languages.join(', ')}`,
            )
      }`;
  }

  private get scores(): Scores {
    return score(this.plan, this.plan.seating);
  }

  private seatingPart() {
    const t = this.t;
    const plan = this.plan;
    const seated = Object.keys(plan.seating).length > 0;
    const scores = seated ? this.scores : null;
    const unseated = [...plan.guests, ...plan.interpreters].filter(
      (p) => !plan.tables.some((x) => x.id === plan.seating[p.id]),
    );
    return html`<h3>${t('seating')}</h3>
      <div class="actions">
        <button type="button" class="primary" @click=${this.propose}>${t('propose')}</button>
        ${
          seated
            ? html`<button
                type="button"
                @click=${() => {
                  this.printing = true;
                }}
              >
                ${t('printView')}
              </button>`
            : nothing
        }
      </div>
      ${scores ? this.scoresPart(scores) : nothing}
      ${
        seated && unseated.length > 0
          ? html`<p class="error">${t('notSeated', { n: unseated.length })}</p>`
          : nothing
      }
      ${scores ? html`<div class="tables">${plan.tables.map((x, n) => this.tablePart(x.id, scores.tables[n]!))}</div>` : nothing}`;
  }

  private scoresPart(scores: Scores) {
    const t = this.t;
    const item = (label: string, value: number, hint: string) =>
      html`<div>
        <dt>${label}</dt>
        <dd>${percent(value)}</dd>
        <dd class="hint">${hint}</dd>
      </div>`;
    return html`<dl class="scores" aria-label=${t('seating')}>
      ${item(
        t('mixing'),
        scores.mixing,
        t('mixingHint', { mixed: scores.mixedTables, tables: scores.occupiedTables }),
      )}
      ${item(
        t('coverage'),
        scores.languageCoverage,
        t('coverageHint', { covered: scores.coveredGuests, guests: this.plan.guests.length }),
      )}
      ${item(t('balance'), scores.balance, t('balanceHint'))}
    </dl>`;
  }

  private tablePart(id: string, s: Scores['tables'][number]) {
    const t = this.t;
    const plan = this.plan;
    const table = plan.tables.find((x) => x.id === id)!;
    const headingId = `table-${id}`;
    const people = [
      ...plan.guests.filter((g) => plan.seating[g.id] === id),
      ...plan.interpreters.filter((i) => plan.seating[i.id] === id),
    ];
    const uncovered = new Set(s.uncovered);
    return html`<section class="table" aria-labelledby=${headingId} data-table=${table.name}>
      <h4 id=${headingId}>
        ${t('tableHeading', { name: table.name, people: people.length, seats: table.seats })}
      </h4>
      ${s.guests > 0 && !s.mixed ? html`<p class="error">${t('notMixed')}</p>` : nothing}
      ${people.length > table.seats ? html`<p class="error">${t('overfull')}</p>` : nothing}
      <ul class="plain">
        ${people.map((p) => {
          const what =
            'role' in p
              ? `${this.roleLabel((p as Guest).role)}; ${p.languages.join(', ')}`
              : `${t('interpreter')}; ${p.languages.join(', ')}`;
          return html`<li class="seat" data-person=${p.name}>
            <span class="what"
              ><strong>${p.name}</strong> — ${what}${
                uncovered.has(p.id)
                  ? html` <span class="error">${t('notUnderstood')}</span>`
                  : nothing
              }</span
            >
            <select
              aria-label=${t('moveTo', { name: p.name })}
              @change=${(event: Event) => this.move(p.id, p.name, event)}
            >
              ${plan.tables.map(
                (x) => html`<option value=${x.id} ?selected=${x.id === id}>${x.name}</option>`,
              )}
            </select>
            <label class="check"
              ><input
                type="checkbox"
                .checked=${plan.locked[p.id] === id}
                @change=${(event: Event) => this.lock(p.id, event)}
              /><span class="visually-hidden">${t('keep', { name: p.name })}</span
              ><span aria-hidden="true">${t('keepShort')}</span></label
            >
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private filePart() {
    const t = this.t;
    return html`<h3>${t('file')}</h3>
      <div class="actions">
        <button type="button" @click=${this.export}>${t('export')}</button>
        <button type="button" @click=${this.forget}>${t('forget')}</button>
      </div>
      <div class="field">
        <label for="seating-import">${t('import')}</label>
        <p class="hint" id="seating-import-hint">${t('importHint')}</p>
        <input
          id="seating-import"
          type="file"
          accept="application/json,.json"
          aria-describedby="seating-import-hint"
          @change=${this.import}
        />
      </div>`;
  }

  /** The seating chart and a place card per person, for paper. */
  private printView() {
    const t = this.t;
    const plan = this.plan;
    const at = (id: string) => [
      ...plan.guests.filter((g) => plan.seating[g.id] === id),
      ...plan.interpreters.filter((i) => plan.seating[i.id] === id),
    ];
    return html`<div class="actions no-print">
        <button type="button" class="primary" @click=${() => print()}>${t('print')}</button>
        <button
          type="button"
          @click=${() => {
            this.printing = false;
          }}
        >
          ${t('backToPlanner')}
        </button>
      </div>
      <section class="print" aria-labelledby="chart-title">
        <h2 id="chart-title">${t('chart')} — ${this.venue.name}</h2>
        <div class="chart">
          ${plan.tables.map(
            (x) => html`<section aria-label=${x.name}>
              <h3>${x.name}</h3>
              <ul>
                ${at(x.id).map(
                  (p) => html`<li>${p.name}${'role' in p ? '' : ` (${t('interpreter')})`}</li>`,
                )}
              </ul>
            </section>`,
          )}
        </div>
      </section>
      <section class="print" aria-labelledby="cards-title">
        <h2 id="cards-title">${t('cards')}</h2>
        <div class="cards">
          ${plan.tables.flatMap((x) =>
            at(x.id).map(
              (p) =>
                html`<div class="card">
                  <span class="name">${p.name}</span><span>${x.name}</span>
                </div>`,
            ),
          )}
        </div>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-seating-planner': TafelSeatingPlanner;
  }
}
