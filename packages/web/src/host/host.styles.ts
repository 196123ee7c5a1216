/** The counter's look: one column, big buttons for thumbs, readable at 320 px. */
import { css } from 'lit';

export const hostStyles = css`
  :host {
    max-width: 32rem;
    margin: 0 auto;
    padding: 0 0.75rem 2rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    border-bottom: 1px solid var(--tafel-line);
    padding: 0.25rem 0;
  }
  .brand {
    margin: 0;
    font-weight: 700;
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
  h1 {
    font-size: 1.5rem;
    margin: 0.75rem 0 0.25rem;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 0.5rem;
  }
  .time {
    margin: 0;
    color: var(--tafel-muted);
  }
  .count {
    display: flex;
    flex-direction: column;
    align-items: center;
    margin: 1rem 0;
  }
  .number {
    font-size: 4rem;
    font-weight: 700;
    line-height: 1;
    font-variant-numeric: tabular-nums;
  }
  .capacity {
    color: var(--tafel-muted);
  }
  .taps {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75rem;
  }
  .taps button {
    min-height: 4.5rem;
    font-size: 1.4rem;
    font-weight: 700;
  }
  .taps .plus {
    grid-column: 1 / -1;
    min-height: 6rem;
    font-size: 2rem;
  }
  .roles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .role-count {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5rem;
    margin: 0 0 0.25rem;
  }
  .role-name {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .role-taps {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.5rem;
  }
  .role-taps button {
    min-height: 4rem;
    font-size: 1.15rem;
    font-weight: 700;
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .role-taps .minus {
    min-width: 4.5rem;
  }
  .pending,
  .offline {
    margin: 0.75rem 0;
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .row input {
    flex: 1 1 6rem;
    width: auto;
  }
  .prompt,
  .raise,
  .set,
  .full,
  .total {
    margin: 1rem 0;
    padding: 0.75rem;
    border: 1px solid var(--tafel-line);
    border-radius: 0.5rem;
  }
  .prompt {
    border: 2px solid var(--tafel-accent);
  }
  .full {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .full input {
    width: 2.75rem;
    min-height: 2.75rem;
  }
  .full .hint {
    grid-column: 1 / -1;
  }
  .total-value {
    font-size: 1.25rem;
    font-weight: 700;
    margin: 0;
  }
`;
