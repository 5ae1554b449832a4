export * from './media-probe.parse.js';
export * from './media-report.rules.js';
export * from './media-ladder.rules.js';
export * from './ffmpeg-args.js';
