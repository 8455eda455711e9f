/** An item the enterprise must supply: a form field, a material, or `other` with a note. */
export interface ItemToSupply {
  readonly target: string;
  readonly note: string;
}

/** What an acceptance with missing items (容缺受理) records: the items, the date, and when they came. */
export interface CommitmentRecord {
  readonly items: readonly ItemToSupply[];
  readonly dueOn: string;
  readonly acceptedAt: string;
  readonly fulfilledAt: string | null;
}

/** What any programme's decision may hold: the parts the common review stages record. */
export interface CommonDecision {
  readonly commitment?: CommitmentRecord;
}
