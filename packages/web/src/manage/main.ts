/**
 * /manage: who is signed in decides what opens — the sign-in form, the portal of a coordinator's
 * organisation, or the staff console. The sections (sections.ts) load when opened; the address's
 * `#section` keeps the place on reload and in the browser's history.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { NetworkError, request } from '../lib/gql.ts';
import { chooseLang, LANG_NAMES, LANGS, type Lang, startLang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { MANAGE } from './messages.ts';
import { type Me, type SectionContext, sectionsFor } from './sections.ts';
import './sign-in.ts';
import './sections-list.ts';

const ME = /* GraphQL */ `
  query Me {
    me { id name email role organisation { id slug name } }
  }
`;

@customElement('tafel-manage')
export class TafelManage extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        max-width: 72rem;
        margin: 0 auto;
        padding: 0 1rem 3rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        border-bottom: 1px solid var(--tafel-line);
        padding: 0.5rem 0;
      }
      .brand {
        font-weight: 700;
        font-size: 1.25rem;
        margin: 0;
      }
      .lang {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 400;
      }
      .lang select {
        width: auto;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-left: auto;
      }
      .who p {
        margin: 0;
      }
      @media print {
        header,
        tafel-sections-list {
          display: none;
        }
      }
    `,
  ];

  @state() private language: Lang = startLang();
  @state() private me: Me | null | undefined = undefined;
  @state() private failed = false;
  @state() private open = '';
  @state() private loaded = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    chooseLang(this.language);
    addEventListener('hashchange', this.follow);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.follow);
  }

  private async load(): Promise<void> {
    try {
      const answer = await request<{ me: Me | null }>(ME);
      this.me = answer.data?.me ?? null;
      this.failed = false;
      this.follow();
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      this.failed = true;
    }
  }

  private readonly follow = (): void => {
    if (!this.me) return;
    const sections = sectionsFor(this.me);
    // A section may keep its own state after a slash: `#venues/map`.
    const wanted = decodeURIComponent(location.hash.slice(1)).split('/')[0];
    const section = sections.find((s) => s.id === wanted) ?? sections[0];
    this.open = section?.id ?? '';
    if (section && !this.loaded.has(section.id)) {
      void section.load().then(() => {
        this.loaded = new Set([...this.loaded, section.id]);
      });
    }
  };

  private setLang(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value as Lang;
    chooseLang(this.language);
  }

  override render() {
    const t = translator(MANAGE, this.language);
    document.title = t('title');
    return html`<header>
        <p class="brand">Tafel</p>
        <label class="lang"
          >${t('language')}
          <select @change=${this.setLang}>
            ${LANGS.map(
              (lang) =>
                html`<option value=${lang} ?selected=${lang === this.language} lang=${lang}>
                  ${LANG_NAMES[lang]}
                </option>`,
            )}
          </select>
        </label>
        ${this.me ? this.who(this.me) : nothing}
      </header>
      <main id="main">${this.body()}</main>`;
  }

  private who(me: Me) {
    const t = translator(MANAGE, this.language);
    const what = me.organisation
      ? t('coordinatorOf', { organisation: me.organisation.name })
      : t('staffRole', { role: t(`role${me.role ?? 'PRESS'}`) });
    return html`<div class="who">
      <p>${t('signedInAs', { name: me.name ?? me.email })} — ${what}</p>
      <form method="post" action="/manage/sign-out">
        <button type="submit">${t('signOut')}</button>
      </form>
      <form method="post" action="/manage/sign-out">
        <input type="hidden" name="everywhere" value="1" />
        <button type="submit">${t('signOutEverywhere')}</button>
      </form>
    </div>`;
  }

  private body() {
    const t = translator(MANAGE, this.language);
    if (this.failed) return html`<p role="alert">${t('offline')}</p>`;
    if (this.me === undefined) return html`<p role="status">${t('loading')}</p>`;
    if (this.me === null) return html`<tafel-sign-in .language=${this.language}></tafel-sign-in>`;
    const sections = sectionsFor(this.me);
    if (sections.length === 0) return html`<p>${t('nothingHere')}</p>`;
    const context: SectionContext = { lang: this.language, me: this.me };
    const tag = unsafeStatic(`tafel-section-${this.open}`);
    return html`<tafel-sections-list
        .sections=${sections}
        .open=${this.open}
        .language=${this.language}
      ></tafel-sections-list>
      <div class="section">
        ${
          this.loaded.has(this.open)
            ? staticHtml`<${tag} .context=${context}></${tag}>`
            : html`<p role="status">${t('loading')}</p>`
        }
      </div>`;
  }
}
