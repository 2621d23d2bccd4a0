import { useLibraryStore } from './library-store';
import { LibraryBrowser } from './LibraryBrowser';
import { NoteCard } from '../notes';

export function HomeScreen() {
  const pinned = useLibraryStore((state) => state.pinnedNotes);
  return (
    <div className="home">
      <LibraryBrowser />
      {pinned.length > 0 && (
        <aside className="pinned-notes" aria-label="Pinned notes">
          <h2>Pinned notes</h2>
          {pinned.map((note) => (
            <NoteCard key={note.id} note={note} />
          ))}
        </aside>
      )}
    </div>
  );
}
