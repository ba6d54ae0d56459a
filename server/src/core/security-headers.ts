import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import { type Config, servesHttps } from '../config';
import type { App } from './module';

/**
 * The browser-facing security headers on every response (docs/hardening.md, "安全响应头"):
 * a Content-Security-Policy the built web app and /api/docs run under, no framing, nosniff, a same-origin
 * Referrer-Policy (signed links carry tokens in their path), HSTS only when PUBLIC_URL is https, and
 * `Cache-Control: no-store` on API answers to a signed-in person or about signing in.
 */
export function contentSecurityPolicy(config: Pick<Config, 'PUBLIC_URL'>) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      // Ant Design writes its CSS-in-JS into <style> elements at run time and React renders style={…}
      // attributes throughout; a nonce cannot cover attributes, so styles need 'unsafe-inline'
      // (docs/decisions.md §"CSP and Ant Design"). Scripts stay 'self' only.
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      // Over plain http (a LAN test server) upgrading would break every asset; only when served as https.
      ...(servesHttps(config) ? { 'upgrade-insecure-requests': [] } : {}),
    },
  };
}

export const securityHeaders = fp(async (app: App, opts: { config: Config }) => {
  const https = servesHttps(opts.config);
  await app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(opts.config),
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    if (url.startsWith('/api/') && (request.actor || url.startsWith('/api/auth/'))) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
});
