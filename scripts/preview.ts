// `npm run preview`: the renderer build in any browser, from the bundled library (no sync).
import { startPreviewServer } from '../electron/preview-server';

const port = Number(process.env.PORT ?? 4173);
const server = await startPreviewServer('dist/renderer', port);
console.log(`Failsafe preview at ${server.url} (Ctrl+C to stop)`);
