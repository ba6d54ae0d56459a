import {
  CADRE_LEVEL_LABELS,
  DEVELOPMENT_STAGE_LABELS,
  GENDER_LABELS,
  PERSON_KIND_LABELS,
  POLITICAL_STATUS_LABELS,
  TRANSFER_STATUS_LABELS,
} from '@pioneer/domain';
import { useMemo } from 'react';
import { useLocale } from '../../i18n';

// The Chinese labels live in @pioneer/domain (shared with the server and the Excel templates); these are
// their English twins.
const EN = {
  gender: { male: 'Male', female: 'Female' },
  kind: { staff: 'Staff', student: 'Student' },
  politicalStatus: {
    member: 'Party member',
    probationary: 'Probationary member',
    activist: 'Activist',
    masses: 'Non-member',
  },
  cadreLevel: { none: 'None', section: 'Section level', division: 'Division level', bureau: 'Bureau level' },
  developmentStage: { none: 'None', backbone: 'Service backbone', member: 'Member', leader: 'Leader' },
  transferStatus: { pending: 'Awaiting receipt', approved: 'Transferred in', rejected: 'Returned' },
};
const ZH = {
  gender: GENDER_LABELS,
  kind: PERSON_KIND_LABELS,
  politicalStatus: POLITICAL_STATUS_LABELS,
  cadreLevel: CADRE_LEVEL_LABELS,
  // '—' reads well in a table cell but not as a choice in a filter.
  developmentStage: { ...DEVELOPMENT_STAGE_LABELS, none: '无' },
  transferStatus: TRANSFER_STATUS_LABELS,
};
export type Vocabulary = keyof typeof ZH;

/** Locale-aware labels for the people vocabulary: `label('politicalStatus', 'member')` and select options. */
export function usePeopleLabels() {
  const { locale } = useLocale();
  return useMemo(() => {
    const dict = (locale === 'en' ? EN : ZH) as Record<Vocabulary, Record<string, string>>;
    const label = (vocab: Vocabulary, value: string | null | undefined) => (value ? (dict[vocab][value] ?? value) : '');
    const options = (vocab: Vocabulary) => Object.entries(dict[vocab]).map(([value, text]) => ({ value, label: text }));
    return { label, options };
  }, [locale]);
}
