import { type Actor, can } from '../../core/actor';

/** Teams belong to a unit; whoever manages volunteering there manages the team. */
export const canManageTeam = (actor: Actor, team: { ownerPath: string }) =>
  can(actor, 'volunteer.manage', team.ownerPath);

export const teamAbilities = (actor: Actor, team: { ownerPath: string }) => ({
  update: canManageTeam(actor, team),
  manageMembers: canManageTeam(actor, team),
  organizeActivity: canManageTeam(actor, team),
});
