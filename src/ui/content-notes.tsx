/**
 * A draft's content notes, shown before its text (queue card, draft page) so a
 * reader knows what is in it before reading a word of it. Nothing when none.
 */
export function ContentNotesLine({ notes }: { notes: readonly string[] }) {
  if (!notes.length) return null;
  return (
    <p class="content-notes">
      <span class="label">Content notes:</span> {notes.map((note) => note.replace(/-/g, ' ')).join(', ')}
    </p>
  );
}
