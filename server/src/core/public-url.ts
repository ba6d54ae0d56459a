import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

/**
 * The origin people reach the platform at, for links printed or sent (certificate verify addresses, QR codes,
 * Open311 discovery): PUBLIC_URL when set; otherwise the request's own scheme and host. request.protocol and
 * request.host follow X-Forwarded-Proto/-Host only from TRUSTED_PROXIES, so a client cannot put
 * `X-Forwarded-Host: evil.example` into a certificate. Production sets PUBLIC_URL (docs/hardening.md).
 */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL'>, request: FastifyRequest): string {
  return config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
}
