/** Tables of the settings feature (see ../schema.ts for the conventions). */
export interface SettingsTables {
  settings: SettingTable;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}
