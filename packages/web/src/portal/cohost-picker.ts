/**
 * A venue's co-hosts in the venue form: the chosen organisations, each with a remove button, and
 * a search by name to add one. Every change is sent at once (`setLocationCohosts`, the whole
 * list) and the list shown is the one the server answers; a refusal is said at the search field.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { COHOSTS_OF, FIND_ORGANISATIONS, MAX_COHOSTS, SET_COHOSTS, type Venue } from './api.ts';
import { COHOSTS } from './cohost-messages.ts';
import { formStyles } from './form-styles.ts';

type Organisation = { slug: string; name: string };

@customElement('tafel-cohost-picker')
export class TafelCohostPicker extends LitElement {
  static override styles = [base, formStyles];

  @property() language: Lang = 'nl';
  @property({ attribute: false }) venue!: Venue;
  @state() private cohosts: Organisation[] = [];
  @state() private hits: Organisation[] | null = null;
  @state() private error = '';
  @state() private status = '';
  @state() private busy = false;

  /** Whether the venue's co-hosts have been read. */
  @state() private loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const answer = await request<{ location: { cohosts: Organisation[] } | null }>(COHOSTS_OF, {
        id: this.venue.id,
      });
      this.cohosts = answer.data?.location?.cohosts ?? [];
      this.loaded = true;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.error = this.t('offline');
    }
  }

  private get t() {
    return translator(COHOSTS, this.language);
  }

  override render() {
    const t = this.t;
    const chosen = new Set(this.cohosts.map((o) => o.slug));
    const offered = (this.hits ?? []).filter(
      (o) => !chosen.has(o.slug) && o.slug !== this.venue.organisation.slug,
    );
    const invalid = this.error ? 'true' : 'false';
    return html`<section aria-labelledby="cohosts-title">
      <h3 id="cohosts-title">${t('title')}</h3>
      <p class="hint" id="cohosts-hint">${t('hint', { max: MAX_COHOSTS })}</p>
      ${
        !this.loaded
          ? html`<p role="status">…</p>`
          : this.cohosts.length === 0
            ? html`<p>${t('none')}</p>`
            : html`<ul aria-labelledby="cohosts-title">
              ${this.cohosts.map(
                (o) => html`<li>
                  ${o.name}
                  <button
                    type="button"
                    ?disabled=${this.busy}
                    aria-label=${t('remove', { name: o.name })}
                    @click=${() =>
                      this.save(
                        this.cohosts.filter((c) => c.slug !== o.slug),
                        o,
                        'removed',
                      )}
                  >
                    ${t('removeButton')}
                  </button>
                </li>`,
              )}
            </ul>`
      }
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.find();
        }}
      >
        <div class="field">
          <label for="cohost-search">${t('search')}</label>
          <p class="hint" id="cohost-search-hint">${t('searchHint')}</p>
          <input
            id="cohost-search"
            type="search"
            autocomplete="off"
            aria-describedby="cohost-search-hint${this.error ? ' cohost-search-error' : ''}"
            aria-invalid=${invalid}
          />
          ${this.error ? html`<p class="error" id="cohost-search-error" role="alert">${this.error}</p>` : nothing}
        </div>
        <button type="submit" ?disabled=${this.busy}>${t('find')}</button>
      </form>
      ${
        this.hits === null
          ? nothing
          : offered.length === 0
            ? html`<p>${t('noHits')}</p>`
            : html`<ul aria-label=${t('results')}>
                ${offered.map(
                  (o) => html`<li>
                    ${o.name}
                    <button
                      type="button"
                      ?disabled=${this.busy}
                      aria-label=${t('add', { name: o.name })}
                      @click=${() => this.save([...this.cohosts, o], o, 'added')}
                    >
                      ${t('addButton')}
                    </button>
                  </li>`,
                )}
              </ul>`
      }
      <p role="status" class="ok">${this.status}</p>
    </section>`;
  }

  private async find(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#cohost-search')!;
    const search = input.value.trim();
    this.error = '';
    if (!search) {
      this.hits = null;
      return;
    }
    try {
      const answer = await request<{ organisations: { nodes: Organisation[] } }>(
        FIND_ORGANISATIONS,
        { search },
      );
      this.hits = answer.data?.organisations.nodes ?? [];
      if (answer.errors[0]) this.error = answer.errors[0].message;
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.error = this.t('offline');
    }
  }

  /** Send the whole list; show what the server kept, or why it refused. */
  private async save(
    next: Organisation[],
    which: Organisation,
    done: 'added' | 'removed',
  ): Promise<void> {
    const t = this.t;
    this.status = '';
    this.error = '';
    if (next.length > MAX_COHOSTS) {
      this.error = t('full', { max: MAX_COHOSTS });
      return;
    }
    this.busy = true;
    try {
      const answer = await request<{
        setLocationCohosts: {
          location: { cohosts: Organisation[] } | null;
          userErrors: UserError[];
        } | null;
      }>(SET_COHOSTS, {
        input: { location: this.venue.id, cohosts: next.map((o) => o.slug) },
      });
      const payload = answer.data?.setLocationCohosts;
      if (!payload?.location) {
        this.error =
          payload?.userErrors.map((e) => e.message).join(' ') ||
          (answer.errors[0]?.message ?? t('offline'));
        return;
      }
      this.cohosts = payload.location.cohosts;
      this.status = t(done, { name: which.name });
      this.dispatchEvent(
        new CustomEvent('cohosts', { detail: this.cohosts, bubbles: true, composed: true }),
      );
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.error = t('offline');
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-cohost-picker': TafelCohostPicker;
  }
}
