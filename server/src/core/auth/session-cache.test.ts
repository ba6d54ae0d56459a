import { expect, it } from 'vitest';
import { cachedSession, cacheSession, forgetAllSessions, forgetSession } from './session-cache';
import type { SessionActor } from './sessions';

const session = (name: string) => ({ csrfToken: 'c', sessionHash: name, actor: { name } }) as unknown as SessionActor;

it('serves an entry until its TTL, then reads again', () => {
  cacheSession('a', session('甲'), 5000, 1000);
  expect(cachedSession('a', 5999)?.actor.name).toBe('甲');
  expect(cachedSession('a', 6000)).toBeNull();
  expect(cachedSession('a', 1000)).toBeNull(); // the expired entry was dropped
});

it('does not cache with a TTL of zero, and forgets on request', () => {
  cacheSession('b', session('乙'), 0, 0);
  expect(cachedSession('b', 0)).toBeNull();
  cacheSession('c', session('丙'), 5000, 0);
  cacheSession('d', session('丁'), 5000, 0);
  forgetSession('c');
  expect(cachedSession('c', 1)).toBeNull();
  expect(cachedSession('d', 1)?.actor.name).toBe('丁');
  forgetAllSessions();
  expect(cachedSession('d', 1)).toBeNull();
});
