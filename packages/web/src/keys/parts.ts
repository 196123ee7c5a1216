/**
 * What the portal's keys (`#keys`, one organisation's) and the console's (`#all-keys`, every
 * organisation's) share: a key as listed, the two mutations, the scopes to choose with the
 * browser's checks of a new key, the secret shown once with its copy button, and a key's facts.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, type Lang, translator } from '../lib/i18n.ts';
import { KEYS } from './messages.ts';

export interface ApiKey {
  prefix: string;
  label: string | null;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
}

/** The fields of `ApiKey` a list asks for. */
export const KEY_FIELDS = 'prefix label scopes createdAt lastUsedAt';
export const SCOPES = ['LOCATIONS_WRITE', 'PARTICIPATION_WRITE'] as const;
/** The server's limit of a key's label. */
const LABEL_MAX = 200;

export const ISSUE_KEY = `mutation ($input: IssueApiKeyInput!) {
  issueApiKey(input: $input) { secret apiKey { prefix } userErrors { field message code } }
}`;
export const REVOKE_KEY = `mutation ($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { prefix } userErrors { field message code } }
}`;

/** A secret or a prefix: long, without spaces, so it may break anywhere. With portal/form-styles.ts. */
export const keyStyles = css`
  code {
    word-break: break-all;
    font-size: 1.05rem;
  }
`;

/** A new key's label and scopes from its form, and what the browser refuses (field → message). */
export function readKeyInput(
  form: HTMLFormElement,
  lang: Lang,
): { label: string; scopes: string[]; problems: Map<string, string> } {
  const t = translator(KEYS, lang);
  const data = new FormData(form);
  const label = String(data.get('label') ?? '').trim();
  const scopes = data.getAll('scopes').map(String);
  const problems = new Map<string, string>();
  if (label.length > LABEL_MAX) problems.set('label', t('labelTooLong', { n: LABEL_MAX }));
  if (scopes.length === 0) problems.set('scopes', t('pickScope'));
  return { label, scopes, problems };
}

/** What a key may do, when it was made and when last used: one line. */
export function keyFacts(key: ApiKey, lang: Lang): string {
  const t = translator(KEYS, lang);
  const scopes = key.scopes.map((s) =>
    (SCOPES as readonly string[]).includes(s) ? t(`scope${s as (typeof SCOPES)[number]}`) : s,
  );
  const lastUsed = key.lastUsedAt ? formatDateTime(key.lastUsedAt, lang) : t('never');
  return [
    scopes.join(', '),
    `${t('created')}: ${formatDateTime(key.createdAt, lang)}`,
    `${t('lastUsed')}: ${lastUsed}`,
  ].join(' · ');
}

/** The scopes to choose (the first ticked), with the refusal at the fieldset when there is one. */
export function scopesFieldset(
  lang: Lang,
  error: { id: string; text: string } | null,
): TemplateResult {
  const t = translator(KEYS, lang);
  return html`<fieldset aria-describedby=${error ? error.id : nothing}>
    <legend>${t('scopes')}</legend>
    ${SCOPES.map(
      (scope) => html`<label class="check"
        ><input type="checkbox" name="scopes" value=${scope} ?checked=${scope === 'LOCATIONS_WRITE'}
          aria-invalid=${error ? 'true' : 'false'} />
        ${t(`scope${scope}`)}</label
      >`,
    )}
    ${error ? html`<p class="error" id=${error.id}>${error.text}</p>` : nothing}
  </fieldset>`;
}

/** A new key's secret, shown this once, with a button that copies it. */
export function secretOnce(
  lang: Lang,
  secret: string,
  copy: () => void,
  heading = translator(KEYS, lang)('secret'),
): TemplateResult {
  const t = translator(KEYS, lang);
  return html`<div role="alert" class="secret">
    <p>${heading}</p>
    <p><code>${secret}</code></p>
    <button type="button" @click=${copy}>${t('copy')}</button>
  </div>`;
}

/**
 * Copy a secret; without the clipboard's permission, select it on the page (in `root`'s first
 * `code`) for the person to copy. Whether it was copied.
 */
export async function copySecret(root: ParentNode, secret: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(secret);
    return true;
  } catch {
    const code = root.querySelector('.secret code');
    if (code) getSelection()?.selectAllChildren(code);
    return false;
  }
}
