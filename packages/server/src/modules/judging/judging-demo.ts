import type { DemoPhase } from '@clipcontest/core';
import type { Deps } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { accountRepository } from '../accounts/account.repository.js';
import { createUser } from '../accounts/user.service.js';
import { entryRepository } from '../entries/entry.repository.js';
import { orgUnitRepository } from '../org-units/org-unit.repository.js';
import { teamRepository } from '../teams/team.repository.js';
import { inviteJudge } from './panel.service.js';

/** The final round's entries in the demo: published clips from five districts, ready for the jury. */
const DEMO_FINAL_ENTRIES: Array<{ commune: string; title: string; synopsis: string }> = [
  {
    commune: '21040',
    title: 'Tổ công nghệ số Châu Ổ: gõ cửa từng nhà',
    synopsis: 'Tổ hướng dẫn bà con cài ứng dụng VNeID và nộp hồ sơ dịch vụ công trực tuyến ngay tại nhà.',
  },
  {
    commune: '21043',
    title: 'Chợ quê Bình Thuận lên sàn thương mại điện tử',
    synopsis: 'Tiểu thương học bán hàng trực tuyến và nhận thanh toán không dùng tiền mặt.',
  },
  {
    commune: '21175',
    title: 'Tịnh Thọ — khám bệnh từ xa cho người cao tuổi',
    synopsis: 'Tổ kết nối trạm y tế xã với bệnh viện tỉnh qua nền tảng khám chữa bệnh từ xa.',
  },
  {
    commune: '21010',
    title: 'Phường Lê Hồng Phong: mỗi khu phố một điểm hỗ trợ số',
    synopsis: 'Đoàn viên thanh niên trực điểm hỗ trợ số, giúp người dân thanh toán điện, nước trực tuyến.',
  },
  {
    commune: '21115',
    title: 'Trà Xuân: sóng số về bản',
    synopsis: 'Tổ công nghệ số đưa sổ sức khỏe điện tử và học trực tuyến đến đồng bào Cor.',
  },
];

const DEMO_JUDGES = [
  { email: 'giamkhao1@demo.clipcontest.vn', name: 'Giám khảo 1', title: 'Nhà báo, Báo Quảng Ngãi' },
  { email: 'giamkhao2@demo.clipcontest.vn', name: 'Giám khảo 2', title: 'Đạo diễn, Đài PT-TH tỉnh' },
  { email: 'giamkhao3@demo.clipcontest.vn', name: 'Giám khảo 3', title: 'Sở Văn hóa, Thể thao và Du lịch' },
];

/** Entries are published before public voting opens; the jury sits after it. */
const PUBLISHED_PHASES: ReadonlySet<DemoPhase> = new Set(['voting', 'judging', 'ceremony', 'closed']);
const JUDGING_PHASES: ReadonlySet<DemoPhase> = new Set(['judging', 'ceremony', 'closed']);

/**
 * From the voting phase on, the demo has published entries in the final round (the public gallery), and
 * from the judging phase on a jury of three on its panel (idempotent: nothing is added twice). Judges 2
 * and 3 get the demo password too.
 */
export async function seedDemoJudging(
  deps: Deps,
  contest: { id: string; slug: string },
  phase: DemoPhase,
  password: string,
): Promise<void> {
  if (!PUBLISHED_PHASES.has(phase)) return;
  const db = deps.db.kysely;
  const existing = (await entryRepository.listByContest(db, contest.id)).filter(
    (e) => e.round_key === 'final',
  );
  const organizer = await accountRepository.findUserByEmail(db, 'bantochuc@demo.clipcontest.vn');
  if (!organizer) return;
  if (existing.length === 0)
    for (const [i, spec] of DEMO_FINAL_ENTRIES.entries()) {
      const unit = await orgUnitRepository.findByCode(db, spec.commune);
      if (!unit) continue;
      const at = nowIso(deps.clock);
      let team = await teamRepository.findByUnit(db, contest.id, unit.id);
      if (!team) {
        team = {
          id: newId(),
          contest_id: contest.id,
          org_unit_id: unit.id,
          name: `Tổ CNSCĐ ${unit.name}`,
          status: 'approved',
          created_at: at,
          created_by: organizer.id,
          approved_at: at,
          approved_by: organizer.id,
        };
        await teamRepository.insert(db, team, []);
      }
      await entryRepository.insert(db, {
        id: newId(),
        contest_id: contest.id,
        round_key: 'final',
        team_id: team.id,
        org_unit_id: unit.id,
        scope_unit_id: null,
        title: spec.title,
        synopsis: spec.synopsis,
        credits: 'Thực hiện: Tổ công nghệ số cộng đồng',
        declarations_json: '{}',
        checklist_json: '{}',
        status: 'published',
        status_reason: null,
        fix_deadline: null,
        original_media_id: null,
        subtitle_media_id: null,
        submitted_at: new Date(deps.clock.now().getTime() - (30 - i) * 86_400_000).toISOString(),
        forwarded_at: at,
        version: 1,
        created_by: organizer.id,
        created_at: at,
        updated_at: at,
      });
    }
  if (!JUDGING_PHASES.has(phase)) return;
  for (const j of DEMO_JUDGES) {
    if (!(await accountRepository.findUserByEmail(db, j.email)))
      await createUser(deps, null, { email: j.email, name: j.name, password });
    await inviteJudge(deps, null, { slug: contest.slug, roundKey: 'final' }, j);
  }
}
