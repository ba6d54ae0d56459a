import type { Dictionary } from '../i18n';
import type { ComponentMessageKey } from './messages';

/** English of ./messages.ts, fetched only when English is chosen. */
export const componentsEn: Dictionary<ComponentMessageKey> = {
  reset: 'Reset',
  any: 'Any',
  anyUnit: 'Whole scope',
  enterToSearch: 'Type and press Enter',
  export: 'Export to Excel',
  total: '{n} rows',
  selected: '{n} selected',
  selectHint: 'Tick rows to act on several at once',
  done: '{action}: {n} done',
  skipped: ' ({n} skipped: not applicable)',
  noneApplies: 'None of the selected rows allows this',
  ok: 'OK',
  cancel: 'Cancel',
  promptTitle: '{action} ({n} selected)',
};
