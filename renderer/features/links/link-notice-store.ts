// What a link that opened nothing says: which file it looked for, or why it was not read.
import { create } from 'zustand';

export interface LinkNotice {
  /** The link as it came, shortened for the screen. */
  link: string;
  text: string;
}

interface LinkNoticeState {
  notice?: LinkNotice;
  show(notice: LinkNotice): void;
  dismiss(): void;
}

export const useLinkNoticeStore = create<LinkNoticeState>((set) => ({
  show: (notice) => set({ notice }),
  dismiss: () => set({ notice: undefined }),
}));
