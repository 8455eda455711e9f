/** Where the autosave of an application form stands. */
export type SaveState =
  | 'idle'
  | 'saving'
  | 'saved'
  | 'invalid'
  | 'failed'
  | 'conflict';
