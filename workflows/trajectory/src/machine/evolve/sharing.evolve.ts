import type { Reducers } from './reducer';

/** What was shared with partners: the categorical content, never the free text (it stays in the event's `personal`). */
export const sharingReducers: Reducers = {
  DocumentShared: (c, d, on) => ({
    ...c,
    shares: [
      ...(c.shares ?? []),
      { on, document: d.document, recipient: d.recipient, householdAgreedOn: d.householdAgreedOn, freeTextAgreed: d.freeTextAgreed, content: d.content },
    ],
  }),
};
