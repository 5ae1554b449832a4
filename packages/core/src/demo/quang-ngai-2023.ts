/**
 * The reference contest: the Quảng Ngãi Department of Information and Communications' Community Digital
 * Technology Team video clip contest, 2023 — replayed with every date shifted by whole days so that a
 * given instant falls inside a chosen phase.
 */
import type { ContestConfig, ContestConfigInput } from '../contest-config.schema.js';
import { parseContestConfig } from '../contest-config.validate.js';
import { addDaysToLocal, daysBetweenLocalDates, instantToLocal } from '../local-time.rules.js';
import type { ContestPhase } from '../schedule.rules.js';

export type DemoPhase = ContestPhase;

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * A local day of the 2023 timeline that lies entirely inside each phase (see `currentPhase`). The demo is
 * shifted so that `now`'s local day becomes this day.
 */
export const demoPhaseAnchorDays: Readonly<Record<DemoPhase, string>> = {
  launch: '2023-07-10T00:00:00',
  production: '2023-08-10T00:00:00',
  receipt: '2023-09-01T00:00:00',
  voting: '2023-09-10T00:00:00',
  judging: '2023-09-21T00:00:00',
  ceremony: '2023-10-02T00:00:00',
  closed: '2023-10-20T00:00:00',
};

const rulesVi = `# Thể lệ (tóm tắt)

**Đơn vị tổ chức:** Sở Thông tin và Truyền thông tỉnh Quảng Ngãi. Ban Tổ chức do Giám đốc Sở làm Trưởng ban, thành viên gồm đại diện Công an tỉnh, Tỉnh đoàn, Sở Văn hóa, Thể thao và Du lịch, Báo Quảng Ngãi và Đài Phát thanh - Truyền hình tỉnh. Ban Tổ chức thành lập Ban Giám khảo, Tổ thư ký và Tổ giúp việc.

**Đối tượng dự thi:** thành viên Tổ công nghệ số cộng đồng của 173 xã, phường, thị trấn thuộc 13 huyện, thị xã, thành phố.

**Chủ đề:** "Câu chuyện về Tổ công nghệ số cộng đồng".

**Vòng sơ khảo (cấp huyện):** các huyện, thị xã, thành phố phát động cuộc thi; các xã, phường, thị trấn thực hiện clip; mỗi huyện chọn **02 tác phẩm** xuất sắc nhất gửi về Ban Tổ chức, hạn cuối ngày 31/8/2023.

**Vòng chung khảo:** Ban Tổ chức tiếp nhận tác phẩm từ ngày 31/8 đến ngày 01/9/2023; đăng tải trên fanpage của Sở từ ngày 04 đến ngày 05/9/2023; khán giả bình chọn bằng lượt "Thích" và "Chia sẻ" trong **14 ngày** kể từ ngày đăng tải; Ban Giám khảo chấm điểm từ ngày 19 đến ngày 23/9/2023.

**Cách tính điểm:** điểm chung cuộc = điểm khán giả (tối đa 30 điểm, quy đổi theo tỷ lệ so với tác phẩm có nhiều lượt thích và chia sẻ nhất) + điểm giám khảo (tối đa 70 điểm; tiêu chí: nội dung, ý tưởng; hình thức thể hiện; hiệu quả truyền tải thông điệp). Khi bằng điểm, tác phẩm có tổng lượt thích và chia sẻ cao hơn xếp trên.

**Chung kết và trao giải:** 04 đội có điểm cao nhất, đủ điều kiện trình diễn, tham gia đêm chung kết trực tiếp ngày 02/10/2023 (phát trực tuyến); trao giải thưởng và Giấy khen.`;

const rulesEn = `# Rules (summary)

**Organizer:** the Quảng Ngãi Department of Information and Communications. The organizing committee is headed by the Department's director, with members from the provincial police, the Youth Union, the Department of Culture, Sports and Tourism, Quảng Ngãi newspaper and the provincial broadcaster. The committee appoints the jury, the secretariat and the assistants.

**Who may enter:** members of the Community Digital Technology Teams of the 173 communes, wards and townships of the province's 13 district-level units.

**Theme:** "The story of the Community Digital Technology Team".

**Preliminary round (district level):** each district launches the contest, its communes produce clips, and the district sends its **2 best** to the organizer by 31/8/2023.

**Final round:** the organizer receives entries from 31/8 to 01/9/2023; they are posted on the Department's fanpage on 04–05/9/2023; the public votes by "Like" and "Share" for **14 days** from posting; the jury scores from 19 to 23/9/2023.

**Scoring:** final score = audience points (up to 30, proportional to the entry with the most likes and shares) + jury points (up to 70; criteria: content and idea, form of presentation, effectiveness of the message). Ties are broken by total likes and shares.

**Final show and awards:** the 4 highest-scoring, stage-worthy teams perform at the livestreamed final on 02/10/2023; prizes and certificates of merit are awarded.`;

/** The 2023 configuration with its real dates. */
export const quangNgai2023Input: ContestConfigInput = {
  slug: 'quang-ngai-2023',
  title: {
    vi: 'Cuộc thi video clip về Tổ công nghệ số cộng đồng tỉnh Quảng Ngãi năm 2023',
    en: 'Community Digital Technology Team video clip contest, Quảng Ngãi 2023',
  },
  theme: {
    vi: 'Câu chuyện về Tổ công nghệ số cộng đồng: vai trò của Tổ; hoạt động hỗ trợ người dân sử dụng dịch vụ công trực tuyến, thương mại điện tử, thanh toán không dùng tiền mặt, dịch vụ y tế số, giáo dục số; cách Tổ tuyên truyền chủ trương, chính sách; công tác quản lý, điều hành Tổ; sáng kiến, giải pháp nâng cao hiệu quả hoạt động của Tổ.',
    en: 'The story of the Community Digital Technology Team: the team’s role; how it helps people use online public services, e-commerce, cashless payments, digital health and education services; how it spreads policies; how it is managed; ideas to make it more effective.',
  },
  rulesText: { vi: rulesVi, en: rulesEn },
  organizer: {
    name: {
      vi: 'Sở Thông tin và Truyền thông tỉnh Quảng Ngãi',
      en: 'Quảng Ngãi Department of Information and Communications',
    },
    place: 'Quảng Ngãi',
  },
  timezone: TIME_ZONE,
  orgLevels: ['province', 'district', 'commune'],
  entrantLevel: 'commune',
  entryRules: {
    minDurationSeconds: 60,
    maxDurationSeconds: 600,
    maxSizeBytes: 2 * 1024 * 1024 * 1024,
    minHeight: 720,
    allowedContainers: ['mp4', 'mov', 'webm', 'mkv'],
    requiredFields: ['title', 'synopsis', 'credits', 'teamMembers', 'contactPhone'],
    declarations: [
      {
        key: 'original-work',
        label: {
          vi: 'Tác phẩm do Tổ tự thực hiện, chưa từng đoạt giải hay đăng tải ở cuộc thi khác.',
          en: 'The team made this work itself; it has not won or been entered in another contest.',
        },
        required: true,
      },
      {
        key: 'media-rights',
        label: {
          vi: 'Tổ có quyền sử dụng hợp pháp âm nhạc, hình ảnh dùng trong clip.',
          en: 'The team has the rights to the music and images used in the clip.',
        },
        required: true,
      },
      {
        key: 'people-consent',
        label: {
          vi: 'Những người xuất hiện trong clip đã đồng ý cho sử dụng hình ảnh của mình.',
          en: 'The people shown in the clip agreed to appear in it.',
        },
        required: true,
      },
    ],
    maxEntriesPerTeam: 2,
  },
  rounds: [
    {
      key: 'district',
      name: { vi: 'Vòng sơ khảo cấp huyện', en: 'District preliminary round' },
      scopeLevel: 'district',
      source: { kind: 'open' },
      quotaPerScopeUnit: 2,
      method: 'selection',
      advanceAt: 'deadline',
      windows: { submission: { opensAt: '2023-07-20T00:00:00', closesAt: '2023-08-31T23:59:59' } },
    },
    {
      key: 'final',
      name: { vi: 'Vòng chung khảo', en: 'Final round' },
      scopeLevel: 'contest',
      source: { kind: 'advancement', fromRound: 'district' },
      quotaPerScopeUnit: null,
      method: 'jury+audience',
      advanceAt: 'manual',
      windows: {
        receipt: { opensAt: '2023-08-31T00:00:00', closesAt: '2023-09-01T23:59:59' },
        publication: { opensAt: '2023-09-04T00:00:00', closesAt: '2023-09-05T23:59:59' },
        voting: { opensAt: '2023-09-05T00:00:00', closesAt: '2023-09-18T23:59:59' },
        judging: { opensAt: '2023-09-19T00:00:00', closesAt: '2023-09-23T23:59:59' },
      },
      rubricKey: 'final-2023',
      juryMaxPoints: 70,
      audienceMaxPoints: 30,
      finalistCount: 4,
      aggregation: { method: 'mean', zScore: false },
    },
    {
      key: 'ceremony',
      name: { vi: 'Đêm chung kết và trao giải', en: 'Final show and awards ceremony' },
      scopeLevel: 'contest',
      source: { kind: 'advancement', fromRound: 'final' },
      quotaPerScopeUnit: 4,
      method: 'live',
      advanceAt: 'manual',
      windows: { results: { opensAt: '2023-10-02T00:00:00', closesAt: '2023-10-02T23:59:59' } },
    },
  ],
  rubrics: [
    {
      key: 'final-2023',
      criteria: [
        {
          key: 'content',
          label: { vi: 'Nội dung, ý tưởng', en: 'Content and idea' },
          description: {
            vi: 'Bám sát chủ đề; nội dung chân thực, phong phú; ý tưởng sáng tạo.',
            en: 'True to the theme; truthful, rich content; a creative idea.',
          },
          maxPoints: 10,
          step: 0.5,
        },
        {
          key: 'form',
          label: { vi: 'Hình thức thể hiện', en: 'Form of presentation' },
          description: {
            vi: 'Chất lượng hình ảnh, âm thanh, kỹ thuật quay và dựng phim.',
            en: 'Quality of image and sound, camera work and editing.',
          },
          maxPoints: 10,
          step: 0.5,
        },
        {
          key: 'effectiveness',
          label: { vi: 'Hiệu quả truyền tải thông điệp', en: 'Effectiveness of the message' },
          description: {
            vi: 'Thông điệp rõ ràng, dễ hiểu, có sức lan tỏa đến người dân.',
            en: 'A clear, understandable message that reaches people.',
          },
          maxPoints: 10,
          step: 0.5,
        },
      ],
    },
  ],
  audienceFormula: {
    sources: [
      { source: 'native', likeWeight: 1, shareWeight: 1 },
      { source: 'facebook', likeWeight: 1, shareWeight: 1 },
    ],
    normalization: 'proportional-to-max',
  },
  tieBreakers: ['audience_raw', 'jury', 'earlier_submission'],
  prizes: [
    {
      key: 'first',
      name: { vi: 'Giải Nhất', en: 'First prize' },
      count: 1,
      amountVnd: 10_000_000,
      kind: 'jury',
    },
    {
      key: 'second',
      name: { vi: 'Giải Nhì', en: 'Second prize' },
      count: 1,
      amountVnd: 7_000_000,
      kind: 'jury',
    },
    {
      key: 'third',
      name: { vi: 'Giải Ba', en: 'Third prize' },
      count: 2,
      amountVnd: 5_000_000,
      kind: 'jury',
    },
    {
      key: 'consolation',
      name: { vi: 'Giải Khuyến khích', en: 'Consolation prize' },
      count: 4,
      amountVnd: 2_000_000,
      kind: 'jury',
    },
    {
      key: 'audience-favourite',
      name: { vi: 'Giải Clip được yêu thích nhất', en: 'Audience favourite clip' },
      count: 1,
      amountVnd: 3_000_000,
      kind: 'audience',
    },
  ],
};

function shiftConfig(input: ContestConfigInput, days: number): ContestConfigInput {
  const shift = (local: string): string => addDaysToLocal(local, days);
  return {
    ...input,
    rounds: input.rounds.map((round) => ({
      ...round,
      windows: Object.fromEntries(
        Object.entries(round.windows ?? {}).map(([kind, w]) => [
          kind,
          { opensAt: shift(w.opensAt), closesAt: shift(w.closesAt) },
        ]),
      ),
    })),
    audienceFormula: input.audienceFormula && {
      ...input.audienceFormula,
      ...(input.audienceFormula.cutoff ? { cutoff: shift(input.audienceFormula.cutoff) } : {}),
    },
  };
}

/** The whole-day shift that puts `now` inside `phase`. */
export function demoShiftDays(phase: DemoPhase, now: Date): number {
  return daysBetweenLocalDates(demoPhaseAnchorDays[phase], instantToLocal(now, TIME_ZONE));
}

/** The Quảng Ngãi 2023 contest with every date shifted by whole days so that `now` falls in `phase`. */
export function demoContestConfig({ phase, now }: { phase: DemoPhase; now: Date }): ContestConfig {
  return parseContestConfig(shiftConfig(quangNgai2023Input, demoShiftDays(phase, now)));
}
