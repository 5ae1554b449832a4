import type { PublicEntryDetail } from './public-entries.service.js';

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const absolute = (base: string, url: string): string => new URL(url, base).toString();

/** The shell used when no web build exists (API-only runs and tests): the same slots as public.html. */
export const FALLBACK_SHELL = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>clipcontest</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const description = (e: PublicEntryDetail): string => {
  const place = [e.commune?.name, e.district?.name].filter(Boolean).join(', ');
  const lead = `${e.teamName}${place ? ` (${place})` : ''}`;
  const text = e.synopsis.replace(/\s+/g, ' ').trim();
  const full = text ? `${lead}: ${text}` : lead;
  return full.length > 300 ? `${full.slice(0, 299)}…` : full;
};

/**
 * The entry's public page as the server sends it: the single-page app's shell with the entry's Open Graph
 * and Twitter tags in the head, so a shared link previews on Facebook and Zalo, and a readable body inside
 * the app's root (replaced once the script runs).
 */
export function renderEntryPage(shell: string, e: PublicEntryDetail, publicUrl: string): string {
  const url = absolute(publicUrl, `/c/${e.contest.slug}/e/${e.id}`);
  const title = `${e.title} · ${e.contest.title.vi}`;
  const desc = description(e);
  const image = e.media.posterUrl ? absolute(publicUrl, e.media.posterUrl) : null;
  const video = e.media.videoUrl ? absolute(publicUrl, e.media.videoUrl) : null;
  const meta: Array<[string, string, string]> = [
    ['name', 'description', desc],
    ['property', 'og:site_name', 'clipcontest'],
    ['property', 'og:type', video ? 'video.other' : 'article'],
    ['property', 'og:locale', 'vi_VN'],
    ['property', 'og:url', url],
    ['property', 'og:title', title],
    ['property', 'og:description', desc],
    ...(image
      ? ([
          ['property', 'og:image', image],
          ['property', 'og:image:alt', e.title],
        ] as Array<[string, string, string]>)
      : []),
    ...(video
      ? ([
          ['property', 'og:video', video],
          ['property', 'og:video:secure_url', video],
          ['property', 'og:video:type', 'video/mp4'],
        ] as Array<[string, string, string]>)
      : []),
    ['name', 'twitter:card', image ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', desc],
    ...(image ? ([['name', 'twitter:image', image]] as Array<[string, string, string]>) : []),
  ];
  const head = [
    `<title>${esc(title)}</title>`,
    `<link rel="canonical" href="${esc(url)}" />`,
    ...meta.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${esc(value)}" />`),
  ].join('\n    ');
  const place = [e.commune?.name, e.district?.name].filter(Boolean).join(' · ');
  const counts =
    e.likes === null ? '' : `<p data-counts>${e.likes} lượt thích · ${e.shares ?? 0} lượt chia sẻ</p>`;
  const body = `<article class="entry-ssr" style="max-width:40rem;margin:0 auto;padding:1rem;font-family:system-ui,sans-serif">
      <p><a href="/c/${esc(e.contest.slug)}">${esc(e.contest.title.vi)}</a></p>
      <h1>${esc(e.title)}</h1>
      <p>${esc(e.teamName)}${place ? ` — ${esc(place)}` : ''}</p>
      ${image ? `<img src="${esc(image)}" alt="${esc(e.title)}" style="max-width:100%" />` : ''}
      ${video ? `<p><a href="${esc(video)}">Xem video / Watch the clip</a></p>` : ''}
      ${counts}
      ${e.synopsis
        .split(/\n{2,}/)
        .map((p) => `<p>${esc(p)}</p>`)
        .join('\n      ')}
      ${e.members.length ? `<ul>${e.members.map((m) => `<li>${esc(m.name)}${m.position ? ` — ${esc(m.position)}` : ''}</li>`).join('')}</ul>` : ''}
    </article>`;
  return shell
    .replace(/<title>[^<]*<\/title>/, '')
    .replace('</head>', `    ${head}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root">${body}</div>`);
}
