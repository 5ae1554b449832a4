import type { paths } from './generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type PublicContestList = Json<paths['/api/public/contests']['get']['responses']['200']>;
export type PublicContest = Json<paths['/api/public/contests/{slug}']['get']['responses']['200']>;
export type LocalizedText = PublicContest['title'];
export type Phase = PublicContest['phase'];
export type TimelineItem = PublicContest['timeline'][number];
export type Prize = PublicContest['prizes'][number];

export type SignInBody = paths['/api/auth/sign-in']['post']['requestBody']['content']['application/json'];
export type Session = Json<paths['/api/auth/session']['get']['responses']['200']>;
export type Assignment = Session['assignments'][number];
export type Role = Assignment['role'];
export type TotpSetup = Json<paths['/api/auth/totp/setup']['post']['responses']['200']>;

export type MeHome = Json<paths['/api/me/home']['get']['responses']['200']>;
export type HomeContest = MeHome['contests'][number];

export type ContestView = Json<paths['/api/contests/{slug}']['get']['responses']['200']>;
export type ContestConfig = ContestView['config'];
export type Round = ContestConfig['rounds'][number];
export type RoundWindows = Round['windows'];
export type WindowKind = keyof RoundWindows;
export type ContestWindow = NonNullable<RoundWindows[WindowKind]>;
export type Rubric = ContestConfig['rubrics'][number];
export type Criterion = Rubric['criteria'][number];
export type AudienceFormula = NonNullable<ContestConfig['audienceFormula']>;
export type AudienceSource = AudienceFormula['sources'][number];
export type EntryRules = ContestConfig['entryRules'];
export type Container = EntryRules['allowedContainers'][number];
export type TieBreaker = ContestConfig['tieBreakers'][number];
export type ConfigPrize = ContestConfig['prizes'][number];
export type PrizeKind = ConfigPrize['kind'];
export type SaveConfigBody =
  paths['/api/contests/{slug}/config']['put']['requestBody']['content']['application/json'];

export type OrgUnit = Json<
  paths['/api/contests/{slug}/org-units']['get']['responses']['200']
>['units'][number];
export type OrgUnitView = Json<paths['/api/org-units/{id}']['get']['responses']['200']>;

export type EntrySummary = Json<
  paths['/api/contests/{slug}/entries']['get']['responses']['200']
>['entries'][number];
export type EntryView = Json<paths['/api/entries/{id}']['get']['responses']['200']>;
export type EntryStatus = EntryView['status'];
export type EntryAction = EntryView['actions'][number];
export type ChecklistItem = EntryView['checklist'][number];
export type EntryMedia = NonNullable<EntryView['original']>;
export type HistoryItem = EntryView['history'][number];
export type EntryFields =
  paths['/api/contests/{slug}/entries']['post']['requestBody']['content']['application/json'];
export type EntryListFilter = NonNullable<
  paths['/api/contests/{slug}/entries']['get']['parameters']['query']
>;

export type Team = Json<paths['/api/contests/{slug}/teams']['get']['responses']['200']>['teams'][number];
export type TeamInput =
  paths['/api/contests/{slug}/teams']['post']['requestBody']['content']['application/json'];
export type TeamMemberInput = TeamInput['members'][number];

export type FeedItem = Json<paths['/api/me/feed']['get']['responses']['200']>['items'][number];
export type Progress = Json<paths['/api/contests/{slug}/progress']['get']['responses']['200']>;
export type ProgressRow = Progress['rows'][number];
export type ProgressCounts = Progress['totals'];
export type ExtendWindowBody =
  paths['/api/contests/{slug}/windows/extend']['post']['requestBody']['content']['application/json'];
