import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Puts a server's 400 field errors next to the form's own fields (`fields`: the names the form has).
 * Returns the message still to show elsewhere (a 409 reason, a 403, a field the form lacks), or null
 * when every error landed on a field.
 */
export function showServerErrors(form: FormInstance, err: unknown, fields: readonly string[]): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const byField = err.fieldErrors();
  const paths = Object.keys(byField);
  const known = paths.filter((p) => fields.includes(p));
  if (known.length) form.setFields(known.map((p) => ({ name: p, errors: [byField[p]] })));
  return known.length > 0 && known.length === paths.length ? null : err.message;
}
