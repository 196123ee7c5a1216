/** `pnpm tafel people`: invite, list and remove staff. */

import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '@tafel/schema';
import { createMailer } from '../auth/mail.ts';
import { type Invitee, invitePerson, linkUrl, listPeople, removePerson } from '../auth/people.ts';
import { STAFF_ROLES, type StaffRole } from '../auth/viewer.ts';
import type { Database } from '../db/client.ts';
import { publicApiConfigFromEnv } from '../http/config.ts';
import { type CliIo, federationId, organisationId, UsageError } from './common.ts';

export async function peopleCommand(
  database: Database,
  sub: string | undefined,
  args: string[],
  io: CliIo,
): Promise<number> {
  if (sub === 'invite') {
    const { values } = parseArgs({
      args,
      options: {
        staff: { type: 'boolean' },
        role: { type: 'string' },
        federation: { type: 'string' },
        organisation: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        language: { type: 'string' },
      },
    });
    const language = values.language?.toLowerCase();
    if (language !== undefined && !(LANGS as readonly string[]).includes(language))
      throw new UsageError(`--language must be one of ${LANGS.join(', ')}.`);
    if (!!values.staff === !!values.organisation)
      throw new UsageError('Say whom: --staff --role ROLE, or --organisation SLUG.');
    if (!values.email) throw new UsageError('--email is required.');
    if (values.federation && !values.staff)
      throw new UsageError(
        '--federation SLUG goes with --staff: only staff belong to a federation.',
      );
    let invitee: Invitee;
    if (values.staff) {
      const role = values.role?.toLowerCase();
      if (!role || !(STAFF_ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}.`);
      invitee = {
        email: values.email,
        name: values.name ?? null,
        role: role as StaffRole,
        federationId: values.federation ? await federationId(database, values.federation) : null,
      };
    } else {
      invitee = {
        email: values.email,
        name: values.name ?? null,
        organisationId: await organisationId(database, values.organisation!),
      };
    }
    invitee.language = (language as Lang | undefined) ?? null;
    const result = await invitePerson(database.db, 'operator', invitee);
    if (!result.ok) {
      for (const e of result.errors)
        io.error(`${e.field?.join('.') ?? ''}: ${e.message} [${e.code}]`);
      return 1;
    }
    const config = publicApiConfigFromEnv();
    const url = linkUrl(config.publicUrl, result.token, result.person.language as Lang | null);
    if (config.smtpUrl) {
      const mailer = createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        log: (line) => io.log(line),
      });
      await mailer.send({
        personId: result.person.id,
        to: result.person.email,
        kind: 'INVITATION',
        language: result.person.language as Lang | null,
        url,
        expiresAt: result.expiresAt,
      });
      mailer.close();
    }
    io.log(
      `Invited person #${result.person.id} (${values.staff ? `staff, ${invitee.role}${values.federation ? ` of the federation ${values.federation}` : ''}` : `coordinator of ${values.organisation}`}). The link works once, until ${result.expiresAt.toISOString()}:`,
    );
    io.log(url);
    return 0;
  }
  if (sub === 'list') {
    const rows = await listPeople(database.db);
    for (const p of rows)
      io.log(
        [
          `#${p.id}`,
          p.staffRole
            ? `staff:${p.staffRole}${p.federationSlug ? `@${p.federationSlug}` : ''}`
            : `coordinator:${p.organisationSlug}`,
          p.email,
          p.name ?? '',
          `since ${p.createdAt.toISOString()}`,
        ]
          .filter(Boolean)
          .join('  '),
      );
    if (rows.length === 0)
      io.log(
        'Nobody yet: invite the first admin with pnpm tafel people invite --staff --role admin --email …',
      );
    return 0;
  }
  if (sub === 'remove') {
    const id = Number(args[0]?.replace(/^#/, ''));
    if (!Number.isInteger(id) || id <= 0)
      throw new UsageError('Give the number of the person to remove (see pnpm tafel people list).');
    const result = await removePerson(database.db, 'operator', id);
    if (!result.ok) {
      io.error(`No person #${id}.`);
      return 1;
    }
    io.log(`Removed person #${id}, with their sessions and links.`);
    return 0;
  }
  throw new UsageError('people invite | people list | people remove');
}
