import { DomainError } from '@clipcontest/core';

/** Counts read from an external page at a moment: the same shape whether typed in or fetched. */
export interface ExternalCounts {
  likes: number;
  shares: number;
  /** The Graph id of the post the numbers belong to. */
  postId: string;
}

/** Fetches a page post's counts. One interface for every source of external engagement. */
export interface EngagementConnector {
  readonly kind: 'facebook-graph';
  fetchPost(postUrl: string): Promise<ExternalCounts>;
}

const badUrl = () =>
  new DomainError('bad_request', 'post_url_unsupported', {
    vi: 'Không nhận ra địa chỉ bài đăng Facebook (cần dạng facebook.com/<trang>/posts/<mã> hoặc /videos/<mã>).',
    en: 'Not a recognised Facebook post URL (expected facebook.com/<page>/posts/<id> or /videos/<id>).',
  });

const graphFailed = (detail: string) =>
  new DomainError('conflict', 'graph_api_failed', {
    vi: `Không đọc được số liệu từ Facebook: ${detail}`,
    en: `Could not read the numbers from Facebook: ${detail}`,
  });

const notConfigured = () =>
  new DomainError('conflict', 'graph_api_not_configured', {
    vi: 'Chưa cấu hình mã truy cập trang Facebook (FACEBOOK_PAGE_TOKEN).',
    en: 'No Facebook page token is configured (FACEBOOK_PAGE_TOKEN).',
  });

/** `{ page, post }` from a page post or video URL; `post` alone for a `pageid_postid` id. */
export function parsePostUrl(raw: string): { page?: string; post: string } {
  const trimmed = raw.trim();
  if (/^\d+_\d+$/.test(trimmed)) return { post: trimmed };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badUrl();
  }
  if (!/(^|\.)facebook\.com$|(^|\.)fb\.com$/.test(url.hostname)) throw badUrl();
  const storyId = url.searchParams.get('story_fbid');
  const pageId = url.searchParams.get('id');
  if (storyId && pageId && /^\d+$/.test(storyId)) return { page: pageId, post: storyId };
  const parts = url.pathname.split('/').filter(Boolean);
  const i = parts.findIndex((p) => p === 'posts' || p === 'videos' || p === 'permalink');
  const post = i >= 0 ? parts[i + 1] : undefined;
  const page = i > 0 ? parts[i - 1] : undefined;
  if (!post || !/^\d+$/.test(post) || !page) throw badUrl();
  return { page, post };
}

interface GraphError {
  error?: { message?: string; code?: number };
}

/**
 * The Facebook Graph API: `GET /{page}?fields=id` when the URL names the page by its user name, then
 * `GET /{pageid_postid}?fields=shares,reactions.summary(total_count).limit(0)` with the page token.
 * Likes are the post's reactions total (what the fanpage shows next to the post); shares its share count.
 */
export function graphConnector(opts: {
  baseUrl: string;
  pageToken: string | undefined;
  timeoutMs?: number;
}): EngagementConnector {
  const get = async (path: string, fields: string): Promise<unknown> => {
    if (!opts.pageToken) throw notConfigured();
    const url = new URL(`${opts.baseUrl.replace(/\/$/, '')}/${path}`);
    url.searchParams.set('fields', fields);
    url.searchParams.set('access_token', opts.pageToken);
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    } catch (e) {
      throw graphFailed(e instanceof Error ? e.message : 'network error');
    }
    const body = (await res.json().catch(() => ({}))) as GraphError & Record<string, unknown>;
    if (!res.ok || body.error) throw graphFailed(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  };
  return {
    kind: 'facebook-graph',
    async fetchPost(postUrl) {
      const { page, post } = parsePostUrl(postUrl);
      let postId = post;
      if (page) {
        const found = /^\d+$/.test(page) ? { id: page } : ((await get(page, 'id')) as { id?: unknown });
        const pageId = typeof found.id === 'string' ? found.id : '';
        if (!pageId) throw graphFailed('page not found');
        postId = `${pageId}_${post}`;
      }
      const body = (await get(postId, 'shares,reactions.summary(total_count).limit(0)')) as {
        id?: string;
        shares?: { count?: number };
        reactions?: { summary?: { total_count?: number } };
      };
      return {
        postId: body.id ?? postId,
        likes: Number(body.reactions?.summary?.total_count ?? 0),
        // Graph omits `shares` on a post nobody shared yet.
        shares: Number(body.shares?.count ?? 0),
      };
    },
  };
}
