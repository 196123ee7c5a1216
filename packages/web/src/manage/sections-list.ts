/** The sections' navigation: links to `#<section>`, the open one marked for screen readers. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type Lang, translator } from '../lib/i18n.ts';
import { base } from '../lib/styles.ts';
import { MANAGE } from './messages.ts';
import type { Section } from './sections.ts';

@customElement('tafel-sections-list')
export class TafelSectionsList extends LitElement {
  static override styles = [
    base,
    css`
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        list-style: none;
        padding: 0;
        margin: 1rem 0;
      }
      a {
        display: inline-block;
        padding: 0.6rem 0.25rem;
        min-height: 44px;
      }
      a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }
    `,
  ];

  @property({ attribute: false }) sections: Section[] = [];
  @property() open = '';
  @property() language: Lang = 'nl';

  override render() {
    const t = translator(MANAGE, this.language);
    return html`<nav aria-label=${t('sections')}>
      <ul>
        ${this.sections.map(
          (section) =>
            html`<li>
              <a
                href="#${section.id}"
                aria-current=${section.id === this.open ? 'page' : 'false'}
                >${section.label[this.language]}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }
}
