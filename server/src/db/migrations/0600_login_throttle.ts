import type { Kysely } from 'kysely';
import { execStatements } from '../exec-statements';

/**
 * Sign-in throttling (core/auth/login-throttle.ts) replaces the account lock: failures are counted per
 * subject — an (address, username) pair, a username, an address, a (device, username) pair — and each
 * subject waits a growing delay once it is past its allowance. `login_device` remembers browsers that have
 * signed in to an account, so the owner's own browser is never slowed by what strangers try.
 * account.failed_logins and account.locked_until are no longer read; existing locks are lifted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(
    db,
    `
    create table login_throttle (
      key text primary key,
      kind text not null check (kind in ('pair', 'account', 'address', 'device')),
      username text,
      address text,
      failures integer not null default 0,
      first_failure_at timestamptz,
      last_failure_at timestamptz,
      blocked_until timestamptz
    );
    create index login_throttle_username_idx on login_throttle (username);
    create index login_throttle_last_failure_idx on login_throttle (last_failure_at);

    create table login_device (
      token_hash text not null,
      account_id integer not null references account(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      primary key (token_hash, account_id)
    );
    create index login_device_account_idx on login_device (account_id);

    update account set failed_logins = 0, locked_until = null where failed_logins <> 0 or locked_until is not null;
  `,
  );
}
