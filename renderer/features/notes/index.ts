export { NOTE_KIND_LABELS, NoteCard } from './NoteCard';
export { useNotesStore } from './notes-store';
export { StepNotes } from './StepNotes';
