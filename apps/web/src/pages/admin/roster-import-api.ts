import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type RosterPreview = components['schemas']['RosterPreviewDto_Output'];
export type RosterRow = RosterPreview['rows'][number];
export type RosterIssue = RosterRow['issues'][number];

/** The file as one multipart part named `file` (the body the API documents for both steps). */
const asForm = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** Checks the roster: every row with its issues; nothing is written. */
export function previewRoster(file: File): Promise<RosterPreview> {
  return unwrap(
    api.POST('/api/v1/roster-imports/preview', {
      body: { file: file.name },
      bodySerializer: () => asForm(file),
    }),
  );
}

/** Imports the same file: everyone, or nobody when a row has an issue (ROSTER_HAS_ERRORS). */
export function importRoster(file: File) {
  return unwrap(
    api.POST('/api/v1/roster-imports', {
      body: { file: file.name },
      bodySerializer: () => asForm(file),
    }),
  );
}
