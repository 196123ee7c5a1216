import { type Lang, type PublishedStory, Stories } from '@tafel/schema';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DataController } from './lib/data-controller.ts';
import { GraphQLError, query } from './lib/graphql.ts';
import { elementLang, refusalText, t } from './lib/i18n.ts';
import { st } from './lib/stories-i18n.ts';
import { endpointOf } from './lib/tafel-element.ts';
import styles from './tafel-stories.styles.ts';

/** After a failed load, the element tries again this much later. */
const RETRY_AFTER = 5000;
/** How many stories unless `limit` says otherwise; the API serves at most 1,000. */
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/**
 * The stories told at an edition's tables, as their tellers agreed to have them shown: the quote,
 * its language, the name they gave (if any) and the venue and its town. Only stories the
 * federation's staff published, newest first. Loaded by its own script, `tafel-stories.js`.
 *
 * @summary Published stories of a Tafel edition.
 *
 * @csspart base - The stories' frame (a `section`).
 * @csspart list - The list of stories.
 * @csspart story - One story.
 * @csspart quote - The quote (a `blockquote`, in its own language).
 * @csspart meta - Who told it, where, and in which language.
 * @csspart notice - No stories yet, the API cannot be reached, or why it refused (an unknown edition).
 *
 * @cssproperty [--tafel-accent=#b4451f] - The rule beside each quote.
 * @cssproperty [--tafel-text-color=#1d2731] - The words.
 * @cssproperty [--tafel-background=transparent] - The background.
 * @cssproperty [--tafel-font-family=system-ui, sans-serif] - The font.
 * @cssproperty [--tafel-stories-gap=1em] - The space between stories.
 * @cssproperty [--tafel-stories-quote-size=1.15em] - The quotes' size.
 */
export class TafelStories extends LitElement {
  static override styles = styles;

  static override properties = {
    endpoint: { reflect: true },
    edition: { reflect: true },
    lang: {},
    limit: { type: Number, reflect: true },
    storyLanguage: { attribute: 'story-language', reflect: true },
    _stories: { state: true },
    _edition: { state: true },
    _notice: { state: true },
  };

  /** The GraphQL endpoint; defaults to `/graphql` on the origin that served this script. */
  declare endpoint: string | undefined;
  /** Required: the edition's slug, e.g. `nid-2027`. */
  declare edition: string | undefined;
  /** `nl`, `en`, `de` or `da`: the element's words; defaults to the page's language, then Dutch. */
  declare lang: string;
  /** How many stories at most (1–100), newest first. */
  declare limit: number;
  /** Only stories told in this language (`nl`, `en`, `de` or `da`); default: all. */
  declare storyLanguage: string | undefined;

  declare _stories: PublishedStory[] | null;
  declare _edition: string;
  /** Empty, or what the notice says. */
  declare _notice: string;

  #data = new DataController(this, {
    load: (signal, fresh) => this.#fetch(signal, fresh),
    retryDelay: () => RETRY_AFTER,
    unreachable: () => (this._notice = t(elementLang(this), 'offline')),
    refused: (error) => this.#stop(error),
  });

  constructor() {
    super();
    this.limit = 10;
    this._stories = null;
    this._edition = '';
    this._notice = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    const asked = ['endpoint', 'edition', 'limit'];
    if (asked.some((k) => changed.has(k as keyof TafelStories))) void this.#data.reload();
  }

  async #fetch(signal: AbortSignal, fresh: boolean): Promise<void> {
    const limit = Number.isFinite(this.limit) ? this.limit : DEFAULT_LIMIT;
    const first = Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT);
    const data = await query(
      endpointOf(this),
      Stories,
      { edition: this.edition!, first },
      { signal, fresh },
    );
    if (!data.edition)
      throw new GraphQLError(
        [
          {
            message: 'unknown edition',
            extensions: { code: 'BAD_USER_INPUT', argumentName: 'edition' },
          },
        ],
        '',
      );
    this._edition = data.edition.name;
    this._stories = data.edition.stories.nodes;
    this._notice = '';
  }

  #stop(error: GraphQLError): void {
    this.#data.stop();
    this._stories = null;
    this._notice = refusalText(elementLang(this), error, this.edition);
  }

  #story(story: PublishedStory, lang: Lang, names: Intl.DisplayNames): TemplateResult {
    const code = story.language.toLowerCase();
    const place = [story.location.name, story.location.address?.city].filter(Boolean).join(', ');
    const who = story.attribution ? `${story.attribution} · ` : '';
    return html`<li part="story" class="story">
      <blockquote part="quote" class="quote" lang=${code}>${story.quote}</blockquote>
      <p part="meta" class="meta">
        ${who}${place} · ${st(lang, 'inLanguage', { language: names.of(code) ?? code })}
      </p>
    </li>`;
  }

  protected override render(): TemplateResult {
    const lang = elementLang(this);
    const wanted = this.storyLanguage?.trim().toLowerCase();
    const stories = (this._stories ?? []).filter(
      (s) => !wanted || s.language.toLowerCase() === wanted,
    );
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    return html`<section
      part="base"
      class="base"
      lang=${lang}
      aria-label=${st(lang, 'label', { edition: this._edition || this.edition || '' })}
    >
      ${
        stories.length
          ? html`<ul part="list" class="list">
              ${stories.map((s) => this.#story(s, lang, names))}
            </ul>`
          : nothing
      }
      ${
        this._notice
          ? html`<p part="notice" class="notice">${this._notice}</p>`
          : this._stories && !stories.length
            ? html`<p part="notice" class="notice">${st(lang, 'none')}</p>`
            : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tafel-stories': TafelStories;
  }
}
