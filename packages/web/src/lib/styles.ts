/**
 * The pages' shared look: readable type, touch targets of at least 44 px, a visible focus ring,
 * errors that are not told by colour alone, and the system's light or dark scheme.
 */
import { css } from 'lit';

export const base = css`
  :host {
    display: block;
    font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif;
    color: var(--tafel-text, #1b1b1b);
    --tafel-accent: #1d4ed8;
    --tafel-muted: #52525b;
    --tafel-error: #b91c1c;
    --tafel-ok: #166534;
    --tafel-line: #d4d4d8;
    --tafel-surface: #fff;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color: var(--tafel-text, #f4f4f5);
      --tafel-accent: #93c5fd;
      --tafel-muted: #a1a1aa;
      --tafel-error: #fca5a5;
      --tafel-ok: #86efac;
      --tafel-line: #52525b;
      --tafel-surface: #18181b;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.2;
  }
  a {
    color: var(--tafel-accent);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1rem;
    border: 2px solid var(--tafel-accent);
    border-radius: 0.5rem;
    background: var(--tafel-surface);
    color: var(--tafel-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--tafel-accent);
    color: var(--tafel-surface);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--tafel-accent);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    min-height: 44px;
    width: 100%;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--tafel-muted);
    border-radius: 0.375rem;
    background: var(--tafel-surface);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    min-height: 1.5rem;
  }
  label {
    display: block;
    font-weight: 600;
  }
  .field {
    margin: 0 0 1rem;
  }
  .hint {
    color: var(--tafel-muted);
    font-size: 0.9rem;
    margin: 0.15rem 0 0.3rem;
  }
  .error {
    color: var(--tafel-error);
    font-weight: 600;
    margin: 0.25rem 0 0;
  }
  .error::before {
    content: '⚠ ';
  }
  [aria-invalid='true'] {
    border: 2px solid var(--tafel-error);
  }
  .ok {
    color: var(--tafel-ok);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
