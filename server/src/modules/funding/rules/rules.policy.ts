import { type Actor, can } from '../../../core/actor';

/** Rules are set by whoever holds funding.rules over the committee (the organization department). */
export const canSetRules = (actor: Actor, rootPath: string) => can(actor, 'funding.rules', rootPath);

export const ruleAbilities = (actor: Actor, rootPath: string, rule: { confirmedAt: string | null } | null) => ({
  save: rule?.confirmedAt == null && canSetRules(actor, rootPath),
  confirm: rule !== null && rule.confirmedAt === null && canSetRules(actor, rootPath),
});
