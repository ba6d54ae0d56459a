import type { DemandAction, DemandAudience, DemandState } from '@pioneer/domain';
import type { Rng } from '../../seed/demo-names';
import { FIXED, GOOD_COMMENTS, OFFICE, POOR_COMMENTS, STAMP } from './demo.catalog';
import type { DemoNeed, DemoWorld } from './demo.world';

/** Applies one step of the path: the stamps, who did it, and what it leaves behind (members, minutes, rating). */
export function applyStep(
  world: DemoWorld,
  rng: Rng,
  need: DemoNeed,
  action: DemandAction,
  to: DemandState,
  at: string,
  score?: number,
) {
  const d = need.demand;
  const from = d.state as DemandState;
  const office = world.person(OFFICE[d.audience as DemandAudience]);
  const event = (who: { id: number | null; name: string }, note: string, isPublic = true) =>
    need.events.push({
      at,
      actor_person_id: who.id,
      actor_label: who.name,
      action,
      from_state: from,
      to_state: to,
      note,
      public: isPublic,
    });
  const stamp = STAMP[to];
  if (stamp) (d as Record<string, unknown>)[stamp] = at;
  d.state = to;
  d.updated_at = at;
  const requester = { id: d.requester_person_id ?? null, name: need.requesterLabel };
  switch (action) {
    case 'triage':
      return event(office, `归入「${need.category.name}」`);
    case 'publish':
      return event(office, '需求已发布，欢迎认领');
    case 'claim':
    case 'assign': {
      const b = world.pickBranch(rng, need);
      d.claim_unit_id = b.id;
      d.responsible_unit_id = b.id;
      const solo = !need.fixed && action === 'claim' && rng.chance(0.1);
      const fixedIds = (need.fixed?.assign ?? []).map((u) => world.person(u).id);
      const chosen = solo
        ? [rng.pick(b.members)]
        : [...new Set([...fixedIds, ...rng.shuffle([...b.members]).slice(0, rng.int(1, 3))])];
      if (solo) d.claim_person_id = chosen[0];
      if (action === 'assign') event(world.person('zuzhibu'), `组织部指派「${b.name}」承办`);
      else
        event(
          { id: solo ? (chosen[0] as number) : b.secretary, name: solo ? '党员个人认领' : `${b.name}书记` },
          `由「${b.name}」认领`,
        );
      for (const person_id of chosen)
        need.assignees.push({ round: 1, person_id, assigned_by: b.secretary, assigned_at: at });
      return;
    }
    case 'start':
      return event({ id: need.assignees[0]?.person_id ?? null, name: '服务党员' }, '开始服务');
    case 'complete': {
      let total = 0;
      for (const a of need.assignees) {
        const minutes = rng.int(2, 8) * 30;
        total += minutes;
        need.services.push({ round: 1, person_id: a.person_id, minutes, recorded_by: a.person_id, recorded_at: at });
      }
      d.minutes_total = total;
      d.result = `已按约定完成服务，共 ${need.assignees.length} 名党员参与，累计 ${total / 60} 小时。`;
      return event({ id: need.assignees[0]?.person_id ?? null, name: '服务党员' }, `服务完成：${d.result}`);
    }
    case 'rate': {
      const s = score as number;
      const comment = s <= 2 ? rng.pick(POOR_COMMENTS) : rng.pick(GOOD_COMMENTS);
      d.last_rating_score = s;
      if (to === 'reopened') d.round = 2;
      const via = d.requester_person_id ? 'account' : rng.chance(0.5) ? 'tracking_code' : 'signed_link';
      need.rating = {
        row: {
          round: 1,
          score: s,
          comment,
          via,
          rated_by: d.requester_person_id ?? null,
          unit_id: d.claim_unit_id ?? null,
          team: '',
          created_at: at,
        },
        memberIds: need.services.map((x) => x.person_id),
      };
      return event(
        requester,
        `满意度评价：${s} 分${comment ? `，「${comment}」` : ''}${to === 'reopened' ? '；需求已退回复核' : ''}`,
      );
    }
    case 'close':
      return event(
        from === 'completed' ? { id: null, name: '系统' } : office,
        from === 'completed' ? '14 天内未评价，自动办结' : '已办结',
      );
    case 'merge':
      need.duplicateOfIndex = rng.int(0, Math.max(0, FIXED.length - 1));
      return event(office, '与已有需求重复，已合并');
    case 'reject':
      return event(office, rng.pick(['不属于本平台服务范围，已转交相关职能部门', '信息不完整，多次联系不上需求人']));
    case 'withdraw':
      return event(requester, '需求人已自行解决，撤回需求');
    case 'expire':
      return event({ id: null, name: '系统' }, '需求日期已过，未被认领，自动过期');
  }
}
