/**
 * The three root types. Their fields live with the domain type they belong to
 * (`builder.queryFields`, `mutationFields`, `subscriptionFields` in the files beside this one).
 */
import { builder } from '../builder.ts';

builder.queryType({ description: 'Public reads need no key; see `viewer` for what a key may do.' });

builder.mutationType({
  description:
    'Every mutation needs an API key: `Authorization: Bearer <key>`. Refused input comes back as `userErrors` and changes nothing.',
});

builder.subscriptionType({
  description:
    'Live participation over Server-Sent Events: `Accept: text/event-stream` on GET or POST /graphql (graphql-sse or a plain EventSource). Each subscription starts with the current state.',
});
