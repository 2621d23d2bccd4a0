import { useEffect } from 'react';
import { readDroppedAlerts, showAlerts } from '../features/alerts';
import { importBundleFile, isBundleFile } from '../features/bundle';

/**
 * A file dropped on the window is an incident bundle when its first line says so, and otherwise read
 * as an alert (an Alertmanager payload saved to disk, an e-mail). Without this the browser would
 * open the file in place of the app.
 */
export function useAlertDrop() {
  useEffect(() => {
    const holdsFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (holdsFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void isBundleFile(file).then(async (bundle) => {
        if (bundle) return importBundleFile(file);
        const read = await readDroppedAlerts(file);
        if (!read) showAlerts({ alerts: [], problems: [`“${file.name}” holds no alert Failsafe can read.`] });
      });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
