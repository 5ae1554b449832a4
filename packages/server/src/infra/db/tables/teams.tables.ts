/** Tables of the teams feature (see ../schema.ts for the conventions). */
export interface TeamsTables {
  teams: TeamTable;
  team_members: TeamMemberTable;
}

export interface TeamTable {
  id: string;
  contest_id: string;
  org_unit_id: string;
  name: string;
  status: 'pending' | 'approved';
  created_at: string;
  created_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
}

export interface TeamMemberTable {
  id: string;
  team_id: string;
  name: string;
  position: string;
  phone: string | null;
  email: string | null;
  is_leader: number;
  user_id: string | null;
  sort: number;
}
