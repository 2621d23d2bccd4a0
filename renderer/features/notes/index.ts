// What the other features may use of notes/ (the shell imports its screens from their files).
export { NOTE_KIND_LABELS, NoteCard } from './NoteCard';
export { useNotesStore } from './notes-store';
export { StepNotes } from './StepNotes';
