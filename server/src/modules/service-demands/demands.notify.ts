import { CLOCK_LABELS, type ClockKind, type DemandAudience, TRIAGE_PERMISSION } from '@pioneer/domain';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { notify } from '../notifications/index';
import type { DemandRow } from './demands.repository';

/** The notifications a need sends as it moves: the texts live here so every step speaks the same way. */
type Trx = Transaction<DB>;
const link = (row: Pick<DemandRow, 'id'>) => `/demands/${row.id}`;
const triageOffice = (row: DemandRow) => ({
  unitPath: row.handlingPath,
  permission: TRIAGE_PERMISSION[row.audience as DemandAudience],
});
const requester = (row: DemandRow) => (row.requesterPersonId ? [row.requesterPersonId] : []);

/** A published need is new in the scope of every secretary below the handling unit who could take it up. */
export function published(trx: Trx, row: DemandRow, except: number[]) {
  return notify(trx, {
    recipients: { unitPath: row.handlingPath, permission: 'demand.claim', reach: 'subtree' },
    kind: 'demand.published',
    title: `新的服务需求可认领：${row.title}`,
    body: row.categoryName ? `类别：${row.categoryName}${row.campus ? `，地点：${row.campus}` : ''}` : '',
    link: link(row),
    except,
  });
}

export async function claimed(trx: Trx, row: DemandRow, by: string, except: number[]) {
  const title = `需求「${row.title}」已由${by}认领`;
  await notify(trx, {
    recipients: requester(row),
    kind: 'demand.claimed',
    title,
    body: '服务完成后请您评价。',
    link: link(row),
    except,
  });
  await notify(trx, { recipients: triageOffice(row), kind: 'demand.claimed', title, link: link(row), except });
}

/** The organization department's assignment lands with the unit's secretaries and the member named. */
export async function assigned(trx: Trx, row: DemandRow, unitPath: string, personId: number | null, except: number[]) {
  const title = `组织部指派服务需求：${row.title}`;
  await notify(trx, {
    recipients: { unitPath, permission: 'demand.claim' },
    kind: 'demand.assigned',
    title,
    link: link(row),
    except,
  });
  if (personId) await notify(trx, { recipients: [personId], kind: 'demand.assigned', title, link: link(row), except });
}

export function membersAssigned(trx: Trx, row: DemandRow, personIds: number[], except: number[]) {
  return notify(trx, {
    recipients: personIds,
    kind: 'demand.members_assigned',
    title: `您被安排参与服务：${row.title}`,
    body: row.neededOn ? `需求日期：${row.neededOn}` : '',
    link: link(row),
    except,
  });
}

export async function completed(trx: Trx, row: DemandRow, rateLink: string | null, except: number[]) {
  const title = `需求「${row.title}」已完成服务`;
  await notify(trx, {
    recipients: requester(row),
    kind: 'demand.completed',
    title,
    body: '请对本次服务进行满意度评价（1–5分）。',
    link: rateLink ?? link(row),
    except,
  });
  await notify(trx, { recipients: triageOffice(row), kind: 'demand.completed', title, link: link(row), except });
}

/** A rating goes to those who did the work and those who published it; a poor one also to the allocators. */
export async function rated(trx: Trx, row: DemandRow, score: number, servedIds: number[], poor: boolean) {
  const title = poor ? `需求「${row.title}」评价 ${score} 分，已退回复核` : `需求「${row.title}」获评 ${score} 分`;
  const kind = poor ? 'demand.reopened' : 'demand.rated';
  if (row.claimPath)
    await notify(trx, {
      recipients: { unitPath: row.claimPath, permission: 'demand.claim' },
      kind,
      title,
      link: link(row),
    });
  await notify(trx, {
    recipients: [...servedIds, ...(row.claimPersonId ? [row.claimPersonId] : [])],
    kind,
    title,
    link: link(row),
  });
  await notify(trx, { recipients: triageOffice(row), kind, title, link: link(row) });
  if (poor)
    await notify(trx, {
      recipients: { unitPath: row.handlingPath, permission: 'demand.assign' },
      kind,
      title,
      link: link(row),
    });
}

export async function withdrawn(trx: Trx, row: DemandRow, except: number[]) {
  const title = `需求「${row.title}」已撤回`;
  await notify(trx, { recipients: triageOffice(row), kind: 'demand.withdrawn', title, link: link(row), except });
  if (row.claimPath) {
    await notify(trx, {
      recipients: { unitPath: row.claimPath, permission: 'demand.claim' },
      kind: 'demand.withdrawn',
      title,
      link: link(row),
      except,
    });
  }
}

/** An overdue need is told to whoever its running clock waits on. */
export async function overdue(trx: Trx, row: DemandRow, clock: ClockKind) {
  const title = `需求「${row.title}」${CLOCK_LABELS[clock]}已超时`;
  const kind = 'demand.overdue';
  if (clock === 'complete' && row.claimPath) {
    await notify(trx, {
      recipients: { unitPath: row.claimPath, permission: 'demand.claim' },
      kind,
      title,
      link: link(row),
    });
    await notify(trx, { recipients: row.claimPersonId ? [row.claimPersonId] : [], kind, title, link: link(row) });
    return;
  }
  await notify(trx, { recipients: triageOffice(row), kind, title, link: link(row) });
  if (clock === 'claim')
    await notify(trx, {
      recipients: { unitPath: row.handlingPath, permission: 'demand.assign' },
      kind,
      title,
      link: link(row),
    });
}
