import type { Generated } from 'kysely';
import type { Role } from '../../src/domain/units';

/**
 * The tables as the query layer (Kysely) sees them, the same on SQLite and on PostgreSQL. Dates
 * and times are ISO text on both (they sort and compare as text), JSON is text, whole numbers are
 * numbers: the same rows go in and come out on either database.
 */
export interface Tables {
  form_versions: { form_id: string; version: number; definition: string; published: number };
  kiosks: {
    id: string;
    name: string;
    token_hash: string;
    enrolled_at: string;
    revoked_at: string | null;
    last_sync_at: string | null;
    waiting_at_sync: number | null;
    app_version: string | null;
    unit_id: string;
  };
  pairing_codes: { code_hash: string; kiosk_name: string; expires_at: string; used_at: string | null; unit_id: string };
  abandoned_counts: { kiosk_id: string; date: string; count: number };
  coordinators: { username: string; password_hash: string; created_at: string; role: Role };
  coordinator_units: { username: string; unit_id: string };
  units: { id: string; names: string; created_at: string };
  unit_forms: { unit_id: string; form_id: string };
  audit_log_units: { seq: number; unit_id: string };
  sessions: { id_hash: string; username: string; created_at: string; last_seen_at: string; expires_at: string };
  audit_log: { seq: Generated<number>; at: string; actor: string; action: string; detail: Generated<string> };
  day_log: {
    unit_id: string;
    date: string;
    meals_served: number | null;
    professionals: Generated<string>;
    note: Generated<string>;
    updated_at: string;
    updated_by: string;
  };
  answer_counts: { form_id: string; date: string; unit_id: string; form_version: number; language: string; question_id: string; option_id: string; count: number };
  response_counts: { form_id: string; date: string; unit_id: string; form_version: number; language: string; count: number };
  responses: {
    date: string;
    id: string;
    form_id: string;
    form_version: number;
    language: string;
    part_of_day: 'morning' | 'afternoon';
    answers: string;
    unit_id: string;
  };
  form_drafts: { form_id: string; based_on_version: number; definition: string; updated_at: string; updated_by: string };
  preview_links: { token_hash: string; form_id: string; created_at: string; revoked_at: string | null; made_for: Generated<string>; notice_id: string | null };
  draft_comments: {
    id: string;
    form_id: string;
    target: string;
    language: string;
    text: string;
    created_at: string;
    done_at: string | null;
    done_by: string | null;
  };
  notices: { id: string; texts: string; starts_on: string; ends_on: string; published_at: string | null; updated_at: string; updated_by: string };
  notice_units: { notice_id: string; unit_id: string };
  unit_opening_hours: { unit_id: string; hours: string; updated_at: string; updated_by: string };
  kiosk_opening_hours: { kiosk_id: string; hours: string; updated_at: string; updated_by: string };
  published_age_groups: { form_id: string; unit_id: string; month: string; question_id: string; option_id: string; count: number; month_total: number };
  database_identity: { only_row: number; id: string };
  made_received_counts: { kiosk_id: string; date: string; made: Generated<number>; received: Generated<number> };
  made_received_from: { only_row: number; date: string | null };
  rate_limits: { key_hash: string; window_ends: string; count: number };
  job_runs: { job: string; ran_on: string };
}

export type TableName = keyof Tables;
