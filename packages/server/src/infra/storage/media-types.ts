import { posix } from 'node:path';

// The media the app stores: originals, renditions, HLS playlists and segments, posters, subtitles, documents.
// Kept small on purpose: anything else is served as opaque bytes unless the caller gives a type.
const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/x-m4v',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
  '.mpg': 'video/mpeg',
  '.mpeg': 'video/mpeg',
  '.3gp': 'video/3gpp',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.mp3': 'audio/mpeg',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.vtt': 'text/vtt',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What HTTP itself assumes for unknown bytes. Used explicitly so both backends agree: S3 would otherwise
 * report its own `binary/octet-stream` and local disk nothing at all.
 */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The content type implied by a key's extension, DEFAULT_CONTENT_TYPE when it is not one the app uses. */
export function contentTypeForKey(key: string): string {
  return BY_EXTENSION[posix.extname(key).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}
