import { GraphQLError } from 'graphql';
import { InvalidArgument } from '../locations/errors.ts';

/** An argument the client got wrong: a GraphQL error naming the argument, never a 500. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
  });
}

/** The domain's refusal of an argument, as the GraphQL error that names it; anything else stays. */
export function asBadInput(error: unknown): never {
  if (error instanceof InvalidArgument) throw badInput(error.argument, error.detail);
  throw error;
}
