/** The portal's forms: rows that wrap on a phone, check boxes beside their labels. */
import { css } from 'lit';

export const formStyles = css`
  fieldset {
    border: 1px solid var(--tafel-line);
    border-radius: 0.5rem;
    margin: 0 0 1rem;
    padding: 0.5rem 1rem;
  }
  legend {
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .row > .field {
    flex: 1 1 10rem;
  }
  label.check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
    min-height: 44px;
  }
  .checks {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
`;
