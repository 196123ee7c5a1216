/** The editions to choose from, newest first, for the sections that work on one edition. */
import { request } from '../lib/gql.ts';

export interface EditionChoice {
  slug: string;
  name: string;
}

export async function editionChoices(): Promise<EditionChoice[]> {
  const answer = await request<{ editions: EditionChoice[] }>('{ editions { slug name } }');
  return answer.data?.editions ?? [];
}
