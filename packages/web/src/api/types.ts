import type { paths } from './schema';

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
