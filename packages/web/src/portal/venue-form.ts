/**
 * The venue form: every field of createLocation/updateLocation. The browser checks what the
 * server checks (checks.ts), the server's userErrors come back at their fields; either way each
 * field says what is wrong (aria-invalid, aria-describedby) and the first one gets focus. The
 * place comes from the address search and the pin; the region from the point, changeable. A
 * saved venue's co-hosts are chosen below the form (cohost-picker.ts), each change sent at once.
 */
import { MEAL_LABELS, MEALS, regionsOf, TARGET_GROUP_LABELS, TARGET_GROUPS } from '@tafel/schema';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorsByField, NetworkError, request, type UserError } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import {
  CREATE,
  dayIn,
  type Edition,
  instantOn,
  REGION_AT,
  SCHEDULES,
  timeIn,
  UPDATE,
  VENUE_FACTS,
  type Venue,
  type VenueFacts,
} from './api.ts';
import { checkVenue, codes, type Draft, FIELD_OF, lines, ORDER, TRANSLATED } from './checks.ts';
import { COHOSTS } from './cohost-messages.ts';
import { PORTAL } from './messages.ts';
import type { PlaceEvent } from './place-picker.ts';
import './place-picker.ts';
import './cohost-picker.ts';
import { formStyles } from './form-styles.ts';

@customElement('tafel-venue-form')
export class TafelVenueForm extends LitElement {
  static override styles = [base, formStyles];

  @property() language: Lang = 'nl';
  @property({ attribute: false }) edition!: Edition;
  @property({ attribute: false }) venue: Venue | null = null;
  @state() private point: { lat: number; lng: number } | null = null;
  @state() private address = { street: '', postalCode: '', city: '', region: '' };
  @state() private errors = new Map<string, string>();
  @state() private summary = '';
  @state() private busy = false;
  /** The edited venue's facts (the list has none): read when the form opens. */
  @state() private facts: VenueFacts | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const v = this.venue;
    if (v) {
      this.point = { ...v.coordinates };
      this.address = {
        street: v.address?.street ?? '',
        postalCode: v.address?.postalCode ?? '',
        city: v.address?.city ?? '',
        region: v.address?.region ?? '',
      };
      void this.readFacts(v.id);
    }
  }

  private async readFacts(id: string): Promise<void> {
    try {
      const answer = await request<{ node: VenueFacts | null }>(VENUE_FACTS, { id });
      this.facts = answer.data?.node ?? null;
      if (!this.facts) this.summary = answer.errors[0]?.message ?? this.t('offline');
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.summary = this.t('offline');
    }
  }

  private get t() {
    return translator(PORTAL, this.language);
  }

  /** The groups the edition's federation adds to the built-in ones. */
  private ownGroups() {
    return (this.edition.targetGroups ?? []).filter((g) => !g.builtIn);
  }

  /** Attributes that tie a field to its hint and error. */
  private described(name: string, hint = false) {
    const ids = [hint ? `${name}-hint` : '', this.errors.has(name) ? `${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    return { ids: ids || nothing, invalid: this.errors.has(name) ? 'true' : 'false' };
  }

  private err(name: string) {
    const message = this.errors.get(name);
    return message ? html`<p class="error" id="${name}-error">${message}</p>` : nothing;
  }

  private text(
    name: string,
    label: string,
    options: { type?: string; hint?: string; value?: string } = {},
  ) {
    const d = this.described(name, !!options.hint);
    const value =
      options.value ??
      ((this.venue as unknown as Record<string, unknown> | null)?.[name] as
        | string
        | null
        | undefined) ??
      '';
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${options.hint ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : nothing}
      <input id=${name} name=${name} type=${options.type ?? 'text'} .value=${String(value)}
        aria-describedby=${d.ids} aria-invalid=${d.invalid} />
      ${this.err(name)}
    </div>`;
  }

  /** A text box of several lines. */
  private area(name: string, label: string, value: string, hint?: string) {
    const d = this.described(name, !!hint);
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
      <textarea id=${name} name=${name} rows="3" .value=${value}
        aria-describedby=${d.ids} aria-invalid=${d.invalid}></textarea>
      ${this.err(name)}
    </div>`;
  }

  /** The facts of the table: interpreters, support, who cooks, access. */
  private factsFields(v: VenueFacts | null) {
    const t = this.t;
    const loop = v?.hearingLoop == null ? '' : String(v.hearingLoop);
    return html`<fieldset>
      <legend>${t('atTheTable')}</legend>
      <div class="row">
        ${this.text('interpreters', t('interpreters'), { type: 'number', value: v?.interpreters == null ? '' : String(v.interpreters) })}
        ${this.text('interpreterLanguages', t('interpreterLanguages'), { hint: t('languagesHint'), value: (v?.interpreterLanguages ?? []).join(', ') })}
      </div>
      ${this.area('support', t('support'), (v?.support ?? []).join('\n'), t('supportHint'))}
      <label class="check"><input type="checkbox" name="cookedByGuests" ?checked=${v?.cookedByGuests ?? false} />
        ${t('cookedByGuests')}</label>
      <label class="check"><input type="checkbox" name="wheelchairAccessible" ?checked=${this.venue?.wheelchairAccessible ?? false} />
        ${t('wheelchairAccessible')}</label>
      <div class="field">
        <label for="hearingLoop">${t('hearingLoop')}</label>
        <select id="hearingLoop" name="hearingLoop">
          ${(['', 'true', 'false'] as const).map((value) => html`<option value=${value} ?selected=${loop === value}>${t(value === '' ? 'notStated' : value === 'true' ? 'yes' : 'no')}</option>`)}
        </select>
      </div>
      ${this.area('accessibilityNote', t('accessibilityNote'), v?.accessibilityNote ?? '')}
    </fieldset>`;
  }

  /** The description in the languages the map speaks. */
  private translations(v: VenueFacts | null) {
    const t = this.t;
    const names = new Intl.DisplayNames([this.language], { type: 'language' });
    return html`<fieldset>
      <legend>${t('translations')}</legend>
      <p class="hint">${t('translationsHint')}</p>
      ${TRANSLATED.map((lang) =>
        this.area(
          `description-${lang}`,
          t('descriptionIn', { language: names.of(lang) ?? lang }),
          v?.descriptions.find((d) => d.lang === lang)?.text ?? '',
        ),
      )}
    </fieldset>`;
  }

  /** A day of an edition that spans days: within its first and last day. */
  private day(name: string, label: string, instant: string | null) {
    const d = this.described(name, true);
    const { date, endDate, timeZone } = this.edition;
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <p class="hint" id="${name}-hint">${this.t('dayHint', { date, endDate: endDate ?? date })}</p>
      <input id=${name} name=${name} type="date" min=${date} max=${endDate ?? date}
        .value=${dayIn(instant, timeZone) || date} aria-describedby=${d.ids} aria-invalid=${d.invalid} />
      ${this.err(name)}
    </div>`;
  }

  override render() {
    const t = this.t;
    const v = this.venue;
    // An edited venue's facts come in their own request: till then, the form waits.
    if (v && !this.facts)
      return html`<p role="status">…</p><p role="alert" class="error" ?hidden=${!this.summary}>${this.summary}</p>`;
    const tz = this.edition.timeZone;
    const regions = regionsOf(this.edition.country);
    // An edition that spans days: each venue (meeting) picks its days too.
    const span = this.edition.endDate;
    const dTime = this.described('startsAt', !span);
    const dEnd = this.described('endsAt', !span);
    return html`<section aria-labelledby="form-title">
      <h2 id="form-title">${v ? t('formEdit', { name: v.name }) : t('formNew')}</h2>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('back'))}>${t('back')}</button>
      <p role="alert" class="error" ?hidden=${!this.summary}>${this.summary}</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        ${this.text('name', t('name'))}
        <div class="field">
          <label for="meal">${t('meal')}</label>
          <select id="meal" name="meal" aria-invalid=${this.described('meal').invalid}
            aria-describedby=${this.described('meal').ids}>
            ${MEALS.map((m) => html`<option value=${m} ?selected=${(v?.meal ?? 'DINNER') === m}>${MEAL_LABELS[m][this.language]}</option>`)}
          </select>
          ${this.err('meal')}
        </div>
        <div class="field">
          <label for="schedule">${t('schedule')}</label>
          <select id="schedule" name="schedule">
            ${SCHEDULES.map((s) => html`<option value=${s} ?selected=${(v?.schedule ?? 'CONFIRMED') === s}>${t(`schedule${s}`)}</option>`)}
          </select>
        </div>
        ${span ? html`<div class="row">${this.day('startsDay', t('startsDay'), v?.startsAt ?? null)}${this.day('endsDay', t('endsDay'), v?.endsAt ?? null)}</div>` : nothing}
        <div class="row">
          <div class="field">
            <label for="startsAt">${t('startsAt')}</label>
            ${span ? nothing : html`<p class="hint" id="startsAt-hint">${t('timeHint', { date: this.edition.date })}</p>`}
            <input id="startsAt" name="startsAt" type="time" .value=${timeIn(v?.startsAt ?? null, tz)}
              aria-describedby=${dTime.ids} aria-invalid=${dTime.invalid} />
            ${this.err('startsAt')}
          </div>
          <div class="field">
            <label for="endsAt">${t('endsAt')}</label>
            ${span ? nothing : html`<p class="hint" id="endsAt-hint">${t('timeHint', { date: this.edition.date })}</p>`}
            <input id="endsAt" name="endsAt" type="time" .value=${timeIn(v?.endsAt ?? null, tz)}
              aria-describedby=${dEnd.ids} aria-invalid=${dEnd.invalid} />
            ${this.err('endsAt')}
          </div>
        </div>
        <tafel-place-picker .language=${this.language} .country=${this.edition.country} .point=${this.point}
          .error=${this.errors.get('place') ?? ''} @place=${this.placed}></tafel-place-picker>
        ${this.text('street', t('street'), { value: this.address.street })}
        <div class="row">
          ${this.text('postalCode', t('postalCode'), { value: this.address.postalCode })}
          ${this.text('city', t('city'), { value: this.address.city })}
        </div>
        <div class="field">
          <label for="region">${t('region')}</label>
          <select id="region" name="region" aria-invalid=${this.described('region').invalid}
            aria-describedby=${this.described('region').ids}
            @change=${(e: Event) => {
              this.address = { ...this.address, region: (e.target as HTMLSelectElement).value };
            }}>
            <option value="" ?selected=${!this.address.region}>${t('regionNone')}</option>
            ${regions.map(({ code, labels }) => html`<option value=${code} ?selected=${this.address.region === code}>${labels[this.language]}</option>`)}
          </select>
          ${this.err('region')}
        </div>
        <div class="row">
          ${this.text('capacity', t('capacity'), { type: 'number', value: v?.capacity == null ? '' : String(v.capacity) })}
          ${this.text('participants', t('participants'), { type: 'number', value: String(v?.participants ?? 0) })}
        </div>
        <div class="field">
          <label for="description">${t('description')}</label>
          <textarea id="description" name="description" rows="4" .value=${v?.description ?? ''}
            aria-invalid=${this.described('description').invalid}
            aria-describedby=${this.described('description').ids}></textarea>
          ${this.err('description')}
        </div>
        ${this.translations(this.facts)}
        ${this.text('registrationUrl', t('registrationUrl'), { type: 'url' })}
        ${this.text('languages', t('languages'), { hint: t('languagesHint'), value: (v?.languages ?? []).join(', ') })}
        <fieldset>
          <legend>${t('targetGroups')}</legend>
          <div class="checks">
            ${TARGET_GROUPS.map(
              (g) => html`<label class="check"><input type="checkbox" name="targetGroups" value=${g}
              ?checked=${v?.targetGroups.includes(g) ?? false} /> ${TARGET_GROUP_LABELS[g][this.language]}</label>`,
            )}
            ${this.ownGroups().map(
              (
                g,
              ) => html`<label class="check"><input type="checkbox" name="ownTargetGroups" value=${g.code}
              ?checked=${this.facts?.ownTargetGroups.includes(g.code) ?? false} /> ${g[this.language]}</label>`,
            )}
          </div>
          ${this.err('ownTargetGroups')}
        </fieldset>
        ${this.factsFields(this.facts)}
        <label class="check"><input type="checkbox" name="sensitive" ?checked=${v?.sensitive ?? false} /> ${t('sensitive')}</label>
        ${this.text('externalId', t('externalId'))}
        <div class="actions">
          ${
            v && v.status !== 'DRAFT'
              ? html`<button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.submit(null)}>${t('save')}</button>`
              : html`<button type="button" ?disabled=${this.busy} @click=${() => this.submit('DRAFT')}>${t('saveDraft')}</button>
                  <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.submit('PUBLISHED')}>${t('savePublish')}</button>`
          }
        </div>
      </form>
      ${
        v
          ? html`<tafel-cohost-picker .language=${this.language} .venue=${v}></tafel-cohost-picker>`
          : html`<p class="hint">${translator(COHOSTS, this.language)('newVenue')}</p>`
      }
    </section>`;
  }

  private async placed(event: CustomEvent<PlaceEvent>): Promise<void> {
    const { lat, lng, hit } = event.detail;
    this.point = { lat, lng };
    const errors = new Map(this.errors);
    errors.delete('place');
    this.errors = errors;
    if (hit) {
      this.address = {
        street: hit.street ?? this.address.street,
        postalCode: hit.postalCode ?? this.address.postalCode,
        city: hit.city ?? this.address.city,
        region: hit.region ?? this.address.region,
      };
      return;
    }
    try {
      const answer = await request<{ regionAt: string | null }>(REGION_AT, {
        lat,
        lng,
        country: this.edition.country,
      });
      const region = answer.data?.regionAt;
      if (region) this.address = { ...this.address, region };
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
    }
  }

  private read(): Draft {
    const form = this.renderRoot.querySelector('form')!;
    const data = new FormData(form);
    const s = (name: string) => String(data.get(name) ?? '').trim();
    return {
      name: s('name'),
      meal: s('meal'),
      startsAt: s('startsAt'),
      endsAt: s('endsAt'),
      startsDay: s('startsDay') || this.edition.date,
      endsDay: s('endsDay') || this.edition.date,
      schedule: s('schedule'),
      street: s('street'),
      postalCode: s('postalCode'),
      city: s('city'),
      region: s('region'),
      capacity: s('capacity'),
      participants: s('participants'),
      description: s('description'),
      registrationUrl: s('registrationUrl'),
      languages: s('languages'),
      targetGroups: data.getAll('targetGroups').map(String),
      ownTargetGroups: data.getAll('ownTargetGroups').map(String),
      wheelchairAccessible: data.get('wheelchairAccessible') !== null,
      interpreters: s('interpreters'),
      interpreterLanguages: s('interpreterLanguages'),
      support: s('support'),
      cookedByGuests: data.get('cookedByGuests') !== null,
      hearingLoop: s('hearingLoop'),
      accessibilityNote: s('accessibilityNote'),
      translations: Object.fromEntries(TRANSLATED.map((lang) => [lang, s(`description-${lang}`)])),
      sensitive: data.get('sensitive') !== null,
      externalId: s('externalId'),
      point: this.point,
    };
  }

  private async submit(status: 'DRAFT' | 'PUBLISHED' | null): Promise<void> {
    const t = this.t;
    const draft = this.read();
    const problems = checkVenue(draft, t);
    if (problems.size > 0) return this.show(problems);
    const tz = this.edition.timeZone;
    // The translations typed here, and any other the venue has (from a list or a file), kept.
    const descriptions = [
      ...TRANSLATED.filter((lang) => draft.translations[lang]).map((lang) => ({
        lang,
        text: draft.translations[lang]!,
      })),
      ...(this.facts?.descriptions ?? []).filter(
        (d) => !(TRANSLATED as readonly string[]).includes(d.lang),
      ),
    ];
    const fields = {
      name: draft.name,
      meal: draft.meal,
      schedule: draft.schedule || 'CONFIRMED',
      startsAt: draft.startsAt ? instantOn(draft.startsDay, draft.startsAt, tz) : null,
      endsAt: draft.endsAt ? instantOn(draft.endsDay, draft.endsAt, tz) : null,
      coordinates: draft.point,
      address: {
        street: draft.street || null,
        postalCode: draft.postalCode || null,
        city: draft.city || null,
        region: draft.region || null,
        country: this.edition.country,
      },
      capacity: draft.capacity ? Number(draft.capacity) : null,
      participants: draft.participants ? Number(draft.participants) : 0,
      description: draft.description || null,
      registrationUrl: draft.registrationUrl || null,
      languages: codes(draft.languages),
      targetGroups: draft.targetGroups,
      // Only where the federation has any, and once a saved venue's are read: left out, a venue
      // keeps its own.
      ...(this.ownGroups().length && (!this.venue || this.facts)
        ? { ownTargetGroups: draft.ownTargetGroups }
        : {}),
      wheelchairAccessible: draft.wheelchairAccessible,
      interpreters: draft.interpreters ? Number(draft.interpreters) : null,
      interpreterLanguages: codes(draft.interpreterLanguages),
      support: lines(draft.support),
      cookedByGuests: draft.cookedByGuests,
      hearingLoop: draft.hearingLoop === '' ? null : draft.hearingLoop === 'true',
      accessibilityNote: draft.accessibilityNote || null,
      descriptions,
      sensitive: draft.sensitive,
      externalId: draft.externalId || null,
      ...(status ? { status } : {}),
    };
    this.busy = true;
    try {
      const creating = !this.venue;
      const answer = await request<
        Record<string, { location: Venue | null; userErrors: UserError[] }>
      >(creating ? CREATE : UPDATE, {
        input: creating
          ? { edition: this.edition.slug, ...fields }
          : { id: this.venue!.id, ...fields },
      });
      const payload = answer.data?.[creating ? 'createLocation' : 'updateLocation'];
      if (!payload) {
        this.summary = answer.errors[0]?.message ?? t('offline');
        return;
      }
      if (payload.userErrors.length > 0 || !payload.location) {
        const byField = errorsByField(
          payload.userErrors.map((e) => ({ ...e, field: formField(e.field, descriptions) })),
        );
        const shown = new Map<string, string>();
        for (const [field, messages] of byField)
          shown.set(FIELD_OF[field] ?? (field || 'name'), messages.join(' '));
        return this.show(shown);
      }
      this.dispatchEvent(new CustomEvent<Venue>('saved', { detail: payload.location }));
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.summary = t('offline');
    } finally {
      this.busy = false;
    }
  }

  private async show(found: Map<string, string>): Promise<void> {
    const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
    const problems = new Map([...found].sort(([a], [b]) => rank(a) - rank(b)));
    this.errors = problems;
    const elsewhere = [...problems].filter(([f]) => !ORDER.includes(f)).map(([, m]) => m);
    this.summary = [this.t('problemsN', { n: problems.size }), ...elsewhere].join(' ');
    await this.updateComplete;
    const first = [...problems.keys()][0];
    if (first === 'place')
      this.renderRoot.querySelector<HTMLElement>('tafel-place-picker')?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
  }
}

/**
 * A userError's path as the form names its field: a list's item is the list's box, a translation
 * is the box of its language (`["descriptions", "1", "text"]` → `description-en`).
 */
function formField(
  field: UserError['field'],
  descriptions: readonly { lang: string }[],
): UserError['field'] {
  const [head, index] = field ?? [];
  if (head === 'interpreterLanguages' || head === 'support') return [head];
  if (head === 'descriptions') {
    const lang = descriptions[Number(index)]?.lang;
    return [
      lang && (TRANSLATED as readonly string[]).includes(lang)
        ? `description-${lang}`
        : 'description',
    ];
  }
  return field;
}
