import { useLinkNoticeStore } from './link-notice-store';

/** A link that opened nothing says so above the page, with the link, until closed (its button or Esc). */
export function LinkNotice() {
  const notice = useLinkNoticeStore((state) => state.notice);
  const dismiss = useLinkNoticeStore((state) => state.dismiss);
  if (!notice) return null;
  return (
    <div
      className="banner warning dismissible"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        dismiss();
      }}
    >
      <div className="banner-text" role="alert">
        <p>{notice.text}</p>
        <p className="link-notice-link">
          <code>{notice.link}</code>
        </p>
      </div>
      <button type="button" className="banner-close" onClick={dismiss} aria-label="Close the link message" title="Close the link message (Esc)" aria-keyshortcuts="Escape">
        ×
      </button>
    </div>
  );
}
