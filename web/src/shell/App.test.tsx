// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { Me } from '../api';
import { makeMe } from '../test/fixtures';

// The shell's own modules only: another module's page in progress must not break the shell's test.
vi.mock('../modules/registry', async () => {
  const [org, audit, account] = await Promise.all([
    import('../modules/org/index'),
    import('../modules/audit/index'),
    import('../modules/account/index'),
  ]);
  return { ROUTES: [...org.routes, ...audit.routes, ...account.routes] };
});

// What the browser has and jsdom lacks, for antd's responsive and measuring code.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;
// antd asks for scrollbar pseudo-element styles, which jsdom does not implement (and logs about).
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

type Handler = (init: RequestInit | undefined) => { status: number; body: unknown };
interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A stand-in server: routes "METHOD /path" to answers; anything else is a 404 like the real one. */
function fakeServer(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = input.split('?')[0];
    calls.push({ method, url: input, headers: (init?.headers ?? {}) as Record<string, string> });
    const handler = routes[`${method} ${path}`];
    const { status, body } = handler
      ? handler(init)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: '没有这个地址', details: null } } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}
/** GET /api/session: signed out is a 200 answer, signed in carries the same body as /api/me. */
const session = (me: Me | null) => ({ status: 200, body: me ? { signedIn: true, ...me } : { signedIn: false } });
const unauthenticated = () => ({
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: '请先登录', details: null } },
});

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  localStorage.clear();
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

async function render(path: string) {
  window.history.replaceState(null, '', path);
  await act(async () => root.render(<App />));
}
/** Polls until `check` passes (React Query, the router and lazily loaded pages settle asynchronously). */
async function until(check: () => void, timeout = 10_000) {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() - started > timeout) throw err;
      await act(async () => new Promise((r) => setTimeout(r, 20)));
    }
  }
}
const text = () => document.body.textContent ?? '';
const menuLabels = () =>
  [...container.querySelectorAll('[data-testid="side-menu"] .ant-menu-title-content')].map((e) => e.textContent);
function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('web shell', () => {
  it('sends a signed-out visitor to sign-in and back to the page they asked for', async () => {
    let me: Me | null = null;
    const calls = fakeServer({
      'GET /api/session': () => session(me),
      'POST /api/auth/login': (init) => {
        const body = JSON.parse(String(init?.body));
        if (body.password !== 'Demo@2026') {
          return {
            status: 401,
            body: { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误，还可尝试4次', details: null } },
          };
        }
        me = makeMe({ permissions: ['org.view'] });
        return { status: 200, body: { ok: true, csrfToken: 'csrf-test-token' } };
      },
      'GET /api/units': () => ({ status: 200, body: { items: [] } }),
      'GET /api/partners': () => ({ status: 200, body: { items: [] } }),
    });
    await render('/org/partners');
    await until(() => expect(window.location.pathname).toBe('/login'));
    expect(window.location.search).toBe(`?next=${encodeURIComponent('/org/partners')}`);
    await until(() => expect(container.querySelector('form')).not.toBeNull());

    const [username, password] = [...container.querySelectorAll('input')] as HTMLInputElement[];
    await act(async () => {
      typeInto(username, 'dangyuan');
      typeInto(password, 'wrong');
    });
    await act(async () => container.querySelector('form')!.requestSubmit());
    await until(() =>
      expect(container.querySelector('[data-testid="login-error"]')?.textContent).toContain('还可尝试4次'),
    );

    await act(async () => typeInto(password, 'Demo@2026'));
    await act(async () => container.querySelector('form')!.requestSubmit());
    await until(() => expect(window.location.pathname).toBe('/org/partners'));
    await until(() => expect(text()).toContain('共建单位'));

    // Writes carry the CSRF token that came with /api/session.
    await act(async () => (container.querySelector('[data-testid="user-menu"]') as HTMLElement).click());
    await until(() => expect(text()).toContain('退出登录'));
    const logout = [...document.querySelectorAll('.ant-dropdown-menu-item')].find((e) =>
      e.textContent?.includes('退出登录'),
    );
    await act(async () => (logout as HTMLElement).click());
    await until(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/auth/logout')).toBe(true));
    const logoutCall = calls.find((c) => c.url === '/api/auth/logout')!;
    expect(logoutCall.headers['x-csrf-token']).toBe('csrf-test-token');
    await until(() => expect(window.location.pathname).toBe('/login'));
    await until(() => expect(container.querySelector('[data-testid="user-menu"]')).toBeNull());
    expect(text()).toContain('登录先锋服务');
  });

  it('sends the person to sign in when their session ends while they work', async () => {
    let signedIn = true;
    fakeServer({
      'GET /api/session': () => session(signedIn ? makeMe({ permissions: ['org.view'] }) : null),
      'GET /api/partners': () => (signedIn ? { status: 200, body: { items: [] } } : unauthenticated()),
    });
    await render('/');
    await until(() => expect(text()).toContain('您好，王小明'));
    signedIn = false;
    await act(async () => window.history.pushState(null, '', '/org/partners'));
    await act(async () => window.dispatchEvent(new PopStateEvent('popstate')));
    await until(() => expect(window.location.pathname).toBe('/login'));
    expect(window.location.search).toBe(`?next=${encodeURIComponent('/org/partners')}`);
  });

  it('builds the menu from what the person may see, and the bell stays quiet without a notification service', async () => {
    fakeServer({
      'GET /api/session': () => session(makeMe({ permissions: ['org.view', 'people.view'], roles: [{}] })),
    });
    await render('/');
    await until(() => expect(text()).toContain('您好，王小明'));
    expect(menuLabels()).toContain('组织架构');
    expect(menuLabels()).toContain('共建单位');
    expect(menuLabels()).not.toContain('审计日志');
    expect(menuLabels()).not.toContain('网格覆盖');
    expect(container.querySelector('[data-testid="current-unit"]')?.textContent).toContain('文学院本科生第一党支部');
    expect(container.querySelector('[data-testid="notification-bell"] .ant-badge-count')).toBeNull();
    expect(text()).toContain('党员 · 文学院本科生第一党支部');
  });

  it('offers a unit selector to someone with grants on several units, starting from their last choice', async () => {
    const me = makeMe({
      permissions: ['org.view', 'audit.view'],
      roles: [
        { role: 'org_dept', roleLabel: '党委组织部', unitId: 1, unitName: '学校党委', unitPath: '/1/' },
        { role: 'member', roleLabel: '党员', unitId: 12, unitName: '机关第一党支部', unitPath: '/1/2/12/' },
      ],
    });
    fakeServer({
      'GET /api/session': () => session(me),
      'GET /api/notifications': () => ({
        status: 200,
        body: {
          items: [{ id: 1, title: '新需求', body: '…', link: null, readAt: null, createdAt: '2026-01-01T00:00:00Z' }],
          unread: 1,
        },
      }),
    });
    await render('/audit');
    await until(() => expect(container.querySelector('[data-testid="current-unit"] .ant-select')).not.toBeNull());
    // Without a stored choice: the broadest grant.
    expect(container.querySelector('[data-testid="current-unit"]')?.textContent).toContain('学校党委');
    await act(async () => root.unmount());
    localStorage.setItem('pioneer.unit.tester', '12');
    root = createRoot(container);
    await render('/audit');
    await until(() =>
      expect(container.querySelector('[data-testid="current-unit"]')?.textContent).toContain('机关第一党支部'),
    );
    expect(menuLabels()).toContain('审计日志');
    await until(() =>
      expect(container.querySelector('[data-testid="notification-bell"] .ant-badge-count')?.textContent).toBe('1'),
    );
  });

  it('switches to English and remembers it', async () => {
    fakeServer({ 'GET /api/session': () => session(makeMe({ permissions: ['org.view'] })) });
    await render('/');
    await until(() => expect(menuLabels()).toContain('首页'));
    await act(async () => (container.querySelector('[data-testid="language-switch"]') as HTMLElement).click());
    await until(() => expect(menuLabels()).toContain('Home'));
    expect(menuLabels()).toContain('Organization tree');
    expect(localStorage.getItem('pioneer.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
