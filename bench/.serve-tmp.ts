import { serveDash } from './lib/media.js';
const s = await serveDash(Number(process.argv[2] ?? 25));
console.log(s.manifestUrl);
setInterval(() => {}, 1 << 30);
