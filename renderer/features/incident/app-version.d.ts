/** package.json's version, written in by the build (`define` in vite.config.ts). */
declare const __APP_VERSION__: string;
