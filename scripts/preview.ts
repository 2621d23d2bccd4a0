// `npm run preview`: the renderer build in any browser, from the bundled library (no sync).
import { serveInBrowser } from './serve-in-browser';

await serveInBrowser();
