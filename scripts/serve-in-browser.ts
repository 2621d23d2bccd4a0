// Serves the renderer build on 127.0.0.1 until stopped: `npm run preview`, and `npm start` where the
// desktop app cannot run. The port is fixed (4173, or PORT) because the library database belongs to
// the page's origin: another port would start from an empty one.
import { startPreviewServer } from '../electron/preview-server';

export async function serveInBrowser(why?: string): Promise<void> {
  const port = Number(process.env.PORT ?? 4173);
  let server;
  try {
    server = await startPreviewServer('dist/renderer', port);
  } catch (error) {
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    console.error(inUse ? `Port ${port} is already in use (is Failsafe already open at http://127.0.0.1:${port}/ ?); set PORT to use another.` : `Failsafe could not be served: ${String(error)}`);
    process.exit(1);
  }
  const reason = why ? ` The desktop app cannot start here: ${why}. Everything but Git sync works in the browser.` : '';
  console.log(`Failsafe is served at ${server.url} : open it in a browser.${reason} Ctrl+C stops it.`);
  // No desktop app to hand links to: a link opens in the page from its address instead.
  console.log(`A runbook link opens with ${server.url}?open=<the link, URL-encoded> (e.g. ?open=failsafe%3A%2F%2Frunbook%2Fdocs%2Fredis).`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
