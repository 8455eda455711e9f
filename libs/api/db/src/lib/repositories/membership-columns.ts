/** A membership as the actor carries it: its role and its organisation. */
export interface MembershipRow {
  readonly m_role: string;
  readonly o_id: string;
  readonly o_name: string;
  readonly o_kind: string;
  readonly o_level: string | null;
  readonly o_region_code: string | null;
}

/** The columns of a `MembershipRow`, from memberships `m` joined to organisations `o`. */
export const MEMBERSHIP_COLUMNS = [
  'm.role AS m_role',
  'o.id AS o_id',
  'o.name AS o_name',
  'o.kind AS o_kind',
  'o.level AS o_level',
  'o.region_code AS o_region_code',
];
