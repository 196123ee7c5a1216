/**
 * Text PostgreSQL cannot store: a NUL character (U+0000) is refused in every string a request
 * carries — literals in the document and variables alike — before anything runs, so no argument,
 * filter, search, cursor or ID reaches SQL with one (PostgreSQL would fail the statement, PGlite
 * likewise).
 */
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function nulIn(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => nulIn(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => key.includes('\u0000') || nulIn(item, depth + 1),
  );
}

function documentHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

const REFUSAL = () =>
  new GraphQLError(
    'Text in this request contains a NUL character (U+0000), which cannot be stored: remove it.',
    {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    },
  );

export function refuseNulPlugin(): Plugin {
  /** Per document: the literals do not change between the requests that share it. */
  const documents = new WeakMap<DocumentNode, boolean>();
  const check = (args: { document: DocumentNode; variableValues?: unknown }) => {
    let literal = documents.get(args.document);
    if (literal === undefined) {
      literal = documentHasNul(args.document);
      documents.set(args.document, literal);
    }
    return literal || nulIn(args.variableValues);
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (check(args)) setResultAndStopExecution({ errors: [REFUSAL()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (check(args)) setResultAndStopExecution({ errors: [REFUSAL()] });
    },
  };
}
